"""Problems found in notes, reported once per run as ``path:line: field: message``.

mkdocs-static-i18n builds every language on the same plugin instance, so the English
build finds the same problems as the Chinese one; each message is logged once per run.
Warnings and errors both fail ``mkdocs build --strict``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from notes_portal.authoring.validation import duplicate_problems, undeclared_folder
from notes_portal.catalog.tags import Tag
from notes_portal.model.structure import Category, Diagnostic, Note


class Reporter:
    def __init__(self, logger: logging.LoggerAdapter | logging.Logger) -> None:
        self._log = logger
        self._reported: set[str] = set()

    def start_run(self) -> None:
        """A new run (the default language's build): report everything again."""
        self._reported.clear()

    def report(self, diagnostics: Iterable[Diagnostic]) -> None:
        for diagnostic in diagnostics:
            message = str(diagnostic)
            if message in self._reported:
                continue
            self._reported.add(message)
            log = {"error": self._log.error, "info": self._log.info}.get(diagnostic.level, self._log.warning)
            log(message)

    def report_undeclared(self, folders: dict[str, list[str]], categories: list[Category],
                          config: MkDocsConfig) -> None:
        for folder, notes in sorted(folders.items()):
            path = os.path.relpath(os.path.join(config.docs_dir, folder), project_dir(config))
            self.report([undeclared_folder(path, len(notes), [c.slug for c in categories])])

    def report_duplicate_problems(self, notes: list[Note], config: MkDocsConfig) -> None:
        root = project_dir(config)
        self.report(duplicate_problems(
            (note.leetcode.id, os.path.relpath(note.file.abs_src_path, root))
            for note in notes if note.leetcode
        ))

    def report_merged_tags(self, tags: Iterable[Tag]) -> None:
        """Spellings folded into one tag: worth knowing, not a problem (``--strict`` stays green)."""
        for tag in tags:
            spellings = ", ".join(repr(spelling) for spelling in tag.spellings)
            message = f"tags {spellings} are one tag, shown as {tag.name!r}"
            if message not in self._reported:
                self._reported.add(message)
                self._log.info(message)

    def report_script_link(self, page: Page, config: MkDocsConfig, url: str) -> None:
        self.report([Diagnostic(
            display_path(page, config), source_line(page, url), "link",
            f"{url!r} runs script in the reader's browser (expected an http(s) or relative "
            "link); it was replaced by '#'")])

    def report_missing_problem(self, page: Page, config: MkDocsConfig, problem_id: int) -> None:
        self.report([Diagnostic(
            display_path(page, config), source_line(page, f"lc:{problem_id}"), "link",
            f"lc:{problem_id} has no note (expected a LeetCode note with "
            f"leetcode.id {problem_id}); linking to the problem statement")])


def project_dir(config: MkDocsConfig) -> str:
    """The folder of ``mkdocs.yml``: paths in messages are relative to it."""
    return os.path.dirname(config.config_file_path) if config.config_file_path else os.getcwd()


def display_path(page: Page, config: MkDocsConfig) -> str:
    if page.file.abs_src_path:
        return os.path.relpath(page.file.abs_src_path, project_dir(config))
    return page.file.src_uri


def source_line(page: Page, text: str) -> int:
    """The line of the note's source where ``text`` first appears (1 when it can't be found)."""
    try:
        with open(page.file.abs_src_path or "", encoding="utf-8-sig") as handle:
            source = handle.read()
    except OSError:
        return 1
    position = source.find(text)
    return source.count("\n", 0, position) + 1 if position >= 0 else 1
