"""Checks that span several notes, shared by the build and ``notes-portal check``."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from notes_portal.authoring.frontmatter import (
    Rules,
    is_folder_page,
    is_problem_folder_page,
    not_utf8,
    parse_note,
    read_source,
)
from notes_portal.authoring.tag_names import TagNames, translation_tag_diagnostics
from notes_portal.model.structure import Diagnostic, ParsedNote

#: ``transformer.en`` is the English translation of ``transformer``, not a note of its own.
TRANSLATION_SUFFIX = re.compile(r"\.[a-z]{2}(?:[-_][A-Za-z]{2,4})?$")


def undeclared_folder(path: str, note_count: int, declared: Iterable[str]) -> Diagnostic:
    names = ", ".join(declared) or "none declared"
    return Diagnostic(path, 0, "category",
                      f"folder with {note_count} note(s) is not a declared category (expected one of: "
                      f"{names}; add it under notes-portal categories in mkdocs.yml); its notes are "
                      "built but not listed in the feed or tiles")


def duplicate_problems(problems: Iterable[tuple[int, str]]) -> list[Diagnostic]:
    """An error for every problem number that more than one note claims."""
    paths_by_id: dict[int, list[str]] = {}
    for problem_id, path in sorted(problems):
        paths_by_id.setdefault(problem_id, []).append(path)
    return [
        Diagnostic(paths[0], 1, "leetcode.id",
                   f"problem {problem_id} also has a note in {', '.join(paths[1:])} (expected one note "
                   "per problem); all of them are built", "error")
        for problem_id, paths in sorted(paths_by_id.items()) if len(paths) > 1
    ]


def note_sources(docs_dir: Path, leetcode_category: str = "leetcode") -> Iterable[tuple[str, Path]]:
    """``(category folder, path)`` of every Markdown note below a folder of ``docs_dir``: the
    build's rule (``collect``), so ``check`` and the build look at the same files."""
    for path in sorted(docs_dir.glob("*/**/*.md")):
        relative = path.relative_to(docs_dir).as_posix()
        if not is_folder_page(relative) or is_problem_folder_page(relative, leetcode_category):
            yield relative.split("/", 1)[0], path


def check_docs(docs_dir: Path, project_dir: Path, categories: list[str], rules: Rules,
               tag_names: TagNames | None = None) -> list[Diagnostic]:
    """Validate every note's front matter without building the site."""
    diagnostics: list[Diagnostic] = []
    undeclared: dict[str, int] = {}
    problems: list[tuple[int, str]] = []
    tags_of: dict[Path, list[str]] = {}
    translations: list[tuple[Path, str, str, list[str]]] = []
    for category, path in note_sources(docs_dir, rules.leetcode_category):
        display = os.path.relpath(path, project_dir)
        if category not in categories:
            undeclared[category] = undeclared.get(category, 0) + 1
            continue
        try:
            parsed: ParsedNote = parse_note(display, read_source(str(path)), category, rules)
        except UnicodeDecodeError as error:
            diagnostics.append(not_utf8(display, error))
            continue
        # How a field was read (``info``) is no problem: ``check`` lists problems only.
        diagnostics.extend(d for d in parsed.diagnostics if d.level != "info")
        translation = TRANSLATION_SUFFIX.search(path.stem)
        if translation:
            translations.append((path, translation.group(0)[1:], display, parsed.meta.tags))
        else:
            tags_of[path] = parsed.meta.tags
        if parsed.meta.leetcode and not translation:
            problems.append((parsed.meta.leetcode.id, display))
    for folder, count in sorted(undeclared.items()):
        diagnostics.append(undeclared_folder(os.path.relpath(docs_dir / folder, project_dir), count, categories))
    diagnostics.extend(duplicate_problems(problems))
    for path, language, display, tags in translations:  # the build's check, on the same notes
        original = path.with_name(TRANSLATION_SUFFIX.sub("", path.stem) + path.suffix)
        names = tag_names or TagNames()
        if original in tags_of and language != names.default_language:
            diagnostics.extend(translation_tag_diagnostics(
                path=display, source=lambda path=path: read_source(str(path)), tags=tags,
                original_path=os.path.relpath(original, project_dir), original_tags=tags_of[original],
                names=names, language=language))
    return diagnostics
