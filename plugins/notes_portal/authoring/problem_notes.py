"""The notes that already hold a LeetCode problem, numbered the way the build numbers them."""

from __future__ import annotations

import os
from pathlib import Path

from notes_portal.authoring.frontmatter import (
    Rules,
    parse_note,
    problem_from_path,
    read_source,
)
from notes_portal.authoring.validation import TRANSLATION_SUFFIX, note_sources


def notes_for_problem(docs_dir: Path, project_dir: Path, rules: Rules, problem_id: int) -> list[str]:
    """Paths, relative to the project, of the LeetCode notes for ``problem_id``.

    The number comes from where the build takes it (``leetcode.id``, a first heading such as
    ``# 3. …`` or ``# [3. …](…)``, the file or folder name), so ``new`` refuses exactly the
    numbers the build would report as a duplicate. A translation (``x.en.md``) is not listed:
    it is the same note, as for the build.
    """
    found = []
    for category, path in note_sources(docs_dir, rules.leetcode_category):
        if category != rules.leetcode_category or TRANSLATION_SUFFIX.search(path.stem):
            continue
        display = os.path.relpath(path, project_dir)
        try:
            leetcode = parse_note(display, read_source(str(path)), category, rules).meta.leetcode
            number = leetcode.id if leetcode else None
        except (OSError, UnicodeDecodeError):  # unreadable: its name still says which problem it is
            number, _ = problem_from_path(path.relative_to(docs_dir).as_posix())
        if number == problem_id:
            found.append(display)
    return found
