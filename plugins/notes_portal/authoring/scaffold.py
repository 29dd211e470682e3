"""The text ``notes-portal new`` writes below the front matter, and the check that it was replaced.

The placeholder is named once here, so the scaffold and ``check`` can't drift apart: a note
that still holds it would show it on the home page as its summary.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from notes_portal.authoring.frontmatter import read_source
from notes_portal.model.structure import Diagnostic

#: Stands in for the first paragraph, which becomes the note's summary on the home page.
PLACEHOLDER = "在这里写第一段：它会成为首页上的摘要。"
#: Everything below the front matter of a new note.
BODY = f"{PLACEHOLDER}\n\n<!-- more -->\n\n## 正文\n"


def leftover_placeholders(sources: Iterable[Path], project_dir: Path) -> list[Diagnostic]:
    """A warning for every note that still holds the placeholder, at the line where it is."""
    diagnostics = []
    for path in sources:
        try:
            text = read_source(str(path))
        except (OSError, UnicodeDecodeError):
            continue  # unreadable files are reported by the front matter check
        position = text.find(PLACEHOLDER)
        if position >= 0:
            diagnostics.append(Diagnostic(
                os.path.relpath(path, project_dir), text.count("\n", 0, position) + 1, "content",
                f"still holds the scaffold's placeholder {PLACEHOLDER!r} (expected your own first "
                "paragraph); the home page would show the placeholder as the note's summary"))
    return diagnostics
