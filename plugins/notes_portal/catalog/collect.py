"""Collect the notes of one build: one ``Note`` per documentation page in a category folder.

Under mkdocs-static-i18n the site is built once per language on the same plugin
instance; a ``Catalog`` is made afresh for every one of those builds.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from notes_portal.authoring.frontmatter import (
    Rules,
    is_folder_page,
    is_problem_folder_page,
    not_utf8,
    page_meta,
    parse_note,
    read_source,
    split_front_matter,
)
from notes_portal.authoring.rules import todays_rules
from notes_portal.authoring.tag_names import TagNames, translation_tag_diagnostics
from notes_portal.catalog.categories import categories_for
from notes_portal.catalog.gitdates import FileDates, modification_date, read_git_dates
from notes_portal.catalog.reporting import Reporter, project_dir
from notes_portal.catalog.tags import TagCatalog, collect_tags
from notes_portal.compat.i18n import BuildLanguage, file_language, normalized_src_uri
from notes_portal.config import NotesPortalConfig
from notes_portal.model.structure import Category, Diagnostic, Note, ParsedNote


@dataclass
class Catalog:
    """The notes of one language build, newest first, with what was wrong in them.

    ``notes`` is what readers see in feeds and indexes: drafts are in it only
    under ``mkdocs serve``.
    """

    language: str
    categories: list[Category]
    notes: list[Note] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: Top-level folders that hold notes but aren't declared as categories.
    undeclared_folders: dict[str, list[str]] = field(default_factory=dict)
    by_src_uri: dict[str, Note] = field(default_factory=dict)
    #: ``draft: true`` notes; listed in ``notes`` too only under ``mkdocs serve``.
    drafts: list[Note] = field(default_factory=list)
    by_category: dict[str, list[Note]] = field(default_factory=dict)
    tags: TagCatalog = field(default_factory=lambda: collect_tags([]))
    #: How its notes were read (None for a catalog made by hand).
    reader: NoteReader | None = field(default=None, repr=False)
    #: Documentation pages that aren't UTF-8 text: reported, and left out of the site.
    unreadable: list[File] = field(default_factory=list)

    def finish(self) -> None:
        """Sort newest first, index by category and fold the tags; call once all notes are in."""
        self.notes.sort(key=lambda note: (note.sort_date, note.date, note.src_uri), reverse=True)
        self.by_category = {category.slug: [] for category in self.categories}
        for note in self.notes:
            self.by_category[note.category].append(note)
        if self.reader is None:
            self.tags = collect_tags(self.notes)
        else:
            self.tags = collect_tags(self.notes, self.reader.tag_names, self.language, self.reader.languages)

    def in_category(self, slug: str) -> list[Note]:
        return self.by_category.get(slug, [])

    def category(self, slug: str) -> Category | None:
        return next((category for category in self.categories if category.slug == slug), None)


@dataclass(frozen=True)
class NoteReader:
    """How one language build reads a note: kept with its catalog, so that a quick refresh under
    ``serve`` reads a saved note exactly as the build did (same rules, same git history)."""

    language: str
    default_language: str
    rules: Rules
    git_dates: dict[str, FileDates]
    project_dir: str
    #: Front matter by source version, shared across builds (``speedups.parsed_notes``).
    parsed_cache: dict[tuple, ParsedNote]
    #: Tags' names per language, and every language of the site (``authoring.tag_names``).
    tag_names: TagNames = field(default_factory=TagNames)
    languages: tuple[str, ...] = ()

    def display_path(self, file: File) -> str:
        """The path messages name ``file`` by (``Diagnostic.path``)."""
        return self.display_path_of(file.abs_src_path)

    def parse(self, file: File, category: str, text: str | None = None) -> ParsedNote:
        """``file``'s front matter, parsed once per version of the file (``text``: its source,
        when already read). Raises ``UnicodeDecodeError`` for a file that isn't UTF-8."""
        return self._parse(file.abs_src_path, self.display_path(file), category, text)

    def read_page(self, file: File, category: str) -> tuple[str, dict]:
        """The Markdown and meta of ``file``'s page, from the parse the catalog made: MkDocs
        reads neither itself (``compat.mkdocs.read_page_with``), so both agree on every field."""
        text = read_source(file.abs_src_path)
        _, body, _ = split_front_matter(text)
        return body, page_meta(self.parse(file, category, text))

    def read(self, file: File, category: str) -> tuple[Note, list[Diagnostic]]:
        """The note ``file`` holds now, and what is wrong in it. Raises ``UnicodeDecodeError``
        for a file that isn't UTF-8 (``collect_notes`` leaves it out)."""
        display_path = self.display_path(file)
        parsed = self.parse(file, category)
        history = self.git_dates.get(os.path.realpath(file.abs_src_path))
        date = parsed.meta.date or (history.created if history else modification_date(file.abs_src_path))
        updated = parsed.meta.updated
        # A later commit is an update; a note committed once (an imported old note
        # with a front matter date) hasn't been updated since it was written.
        if updated is None and history and history.modified > max(date, history.created):
            updated = history.modified
        note_language = file_language(file, self.default_language)
        diagnostics = list(parsed.diagnostics)
        original_tags = None
        if note_language != self.default_language:
            original_tags = self._original_tags(file, category, display_path, parsed.meta.tags, note_language,
                                                diagnostics)
        note = Note(
            file=file,
            src_uri=normalized_src_uri(file),
            category=category,
            meta=parsed.meta,
            lang=note_language,
            translated=note_language == self.language,
            date=date,
            updated=updated,
            links=parsed.links,
            original_tags=original_tags,
        )
        return note, diagnostics

    def _parse(self, abs_path: str, display_path: str, category: str, text: str | None = None) -> ParsedNote:
        if text is None:
            text = read_source(abs_path)
        # By content, not modification time: a rewrite can keep the time (``rsync -t``).
        key = (abs_path, hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest(), category, self.rules)
        parsed = self.parsed_cache.get(key)
        if parsed is None:
            parsed = self.parsed_cache[key] = parse_note(display_path, text, category, self.rules)
        return parsed

    def _original_tags(self, file: File, category: str, display_path: str, tags: list[str], language: str,
                       diagnostics: list[Diagnostic]) -> tuple[str, ...] | None:
        """The tags of the note ``file`` translates, which the translation shows; a warning in
        ``diagnostics`` for each of its own tags that names none of them. None without an original."""
        original = original_path(file)
        if original is None:
            return None
        try:
            meta = self._parse(original, self.display_path_of(original), category).meta
        except (OSError, UnicodeDecodeError):  # the default language's build reports the original itself
            return None
        diagnostics.extend(translation_tag_diagnostics(
            path=display_path, source=lambda: read_source(file.abs_src_path), tags=tags,
            original_path=self.display_path_of(original), original_tags=meta.tags, names=self.tag_names,
            language=language))
        return tuple(meta.tags)

    def display_path_of(self, abs_path: str) -> str:
        return os.path.relpath(abs_path, self.project_dir)


def original_path(file: File) -> str | None:
    """``docs/nlp/transformer.en.md`` → ``docs/nlp/transformer.md`` when that file exists: the note a
    translation translates (mkdocs-static-i18n's suffix structure: the same path without the suffix)."""
    source = file.abs_src_path
    if not source or not source.replace(os.sep, "/").endswith(file.src_uri):
        return None
    original = os.path.join(source[: len(source) - len(file.src_uri)], *normalized_src_uri(file).split("/"))
    return original if original != source and os.path.isfile(original) else None


def collect_notes(files: Files, *, categories: list[Category], reader: NoteReader, include_drafts: bool) -> Catalog:
    """Read every note's front matter once and resolve its dates; report, never drop, bad notes."""
    catalog = Catalog(language=reader.language, categories=categories, reader=reader)
    declared = {category.slug for category in categories}
    for file in _note_files(files, reader.rules.leetcode_category):
        folder = file.src_uri.split("/", 1)[0]
        if folder not in declared:
            catalog.undeclared_folders.setdefault(folder, []).append(file.src_uri)
            continue
        try:
            note, diagnostics = reader.read(file, folder)
        except UnicodeDecodeError as error:
            catalog.diagnostics.append(not_utf8(reader.display_path(file), error))
            catalog.unreadable.append(file)
            continue
        catalog.diagnostics.extend(diagnostics)
        if note.draft:
            catalog.drafts.append(note)
            if not include_drafts:
                continue
        catalog.notes.append(note)
        catalog.by_src_uri[note.src_uri] = note
    catalog.finish()
    return catalog


def unreadable_pages(files: Iterable[File], reader: NoteReader, notes: Iterable[File]) -> list[tuple[File, Diagnostic]]:
    """The author's documentation pages besides the notes (a home page, a category's
    ``index.md``) that aren't UTF-8 text, each with its error."""
    skip = {id(file) for file in notes}
    found = []
    for file in files:
        if id(file) in skip or not file.is_documentation_page() or file.generated_by or not file.abs_src_path:
            continue
        try:
            read_source(file.abs_src_path)
        except UnicodeDecodeError as error:
            found.append((file, not_utf8(reader.display_path(file), error)))
        except OSError:
            continue  # MkDocs reports a file it can't open itself
    return found


def _note_files(files: Iterable[File], leetcode_category: str) -> Iterable[File]:
    """Documentation pages inside a folder, written by the author (not generated), not a
    folder's index, except the ``README.md``/``index.md`` of a folder per LeetCode problem."""
    for file in files:
        if not file.is_documentation_page() or file.generated_by or "/" not in file.src_uri:
            continue
        src_uri = normalized_src_uri(file)
        if is_folder_page(src_uri) and not is_problem_folder_page(src_uri, leetcode_category):
            continue
        yield file


def read_catalog(files: Files, config: MkDocsConfig, settings: NotesPortalConfig, language: BuildLanguage, *,
                 reporter: Reporter, parsed_cache: dict[tuple, ParsedNote], include_drafts: bool) -> Catalog:
    """The catalog of the language being built, with what is wrong in it reported and drafts kept
    out of the site (under ``serve`` they are listed, marked, and built)."""
    if language.current == language.default:
        reporter.start_run()
    categories = categories_for(settings, language.current, language.default)
    leetcode = settings.leetcode
    reader = NoteReader(
        language=language.current, default_language=language.default,
        rules=todays_rules((topic["name"] for topic in leetcode.topics), leetcode.category),
        git_dates=read_git_dates(config.docs_dir), project_dir=project_dir(config), parsed_cache=parsed_cache,
        tag_names=TagNames.from_config(settings.tags, leetcode.topics, language.default),
        languages=language.languages)
    catalog = collect_notes(files, categories=categories, reader=reader, include_drafts=include_drafts)
    read = [note.file for note in (*catalog.notes, *catalog.drafts)] + catalog.unreadable
    for file, diagnostic in unreadable_pages(files, reader, read):
        catalog.unreadable.append(file)
        catalog.diagnostics.append(diagnostic)
    for file in catalog.unreadable:  # one error each, above; MkDocs would stop at reading it
        files.remove(file)
    reporter.report(catalog.diagnostics)
    reporter.report_undeclared(catalog.undeclared_folders, categories, config)
    reporter.report_duplicate_problems(catalog.notes, config)
    reporter.report_merged_tags(catalog.tags.merged)
    for note in catalog.drafts:
        note.file.inclusion = InclusionLevel.DRAFT
    return catalog
