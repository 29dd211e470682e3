"""What ``notes-portal check`` prints: every problem, or, by default, a few of each kind.

A collection of 4000 notes written elsewhere can have the same problem in 3000 of
them; one line each buries the other kinds. Problems of a kind (the field and the
message with its values taken out) are counted, and the first three shown in full.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from notes_portal.catalog.structure import Diagnostic

#: Shown in full per kind unless ``--verbose``.
SHOWN_PER_KIND = 3
_VALUES = re.compile(r"'[^']*'|\"[^\"]*\"|\d+")


def kind_of(diagnostic: Diagnostic) -> str:
    """``leetcode.difficulty: … is not a difficulty (expected …)``: the problem without its values."""
    message = diagnostic.message.split(" (expected", 1)[0]
    return f"{diagnostic.field}: {_VALUES.sub('…', message)}"


def check_report(diagnostics: Iterable[Diagnostic], *, verbose: bool) -> tuple[list[str], list[str]]:
    """The lines for stdout (problems, ``path:line: field: message``) and for stderr (the summary)."""
    by_kind: dict[str, list[Diagnostic]] = defaultdict(list)
    for diagnostic in diagnostics:
        by_kind[kind_of(diagnostic)].append(diagnostic)
    problems: list[str] = []
    summary: list[str] = []
    for kind, found in sorted(by_kind.items(), key=lambda item: (-len(item[1]), item[0])):
        shown = found if verbose else found[:SHOWN_PER_KIND]
        problems.extend(str(diagnostic) for diagnostic in shown)
        hidden = len(found) - len(shown)
        summary.append(f"{len(found):>6} × {kind}" + (f" ({hidden} more not shown; --verbose lists all)"
                                                     if hidden else ""))
    return problems, summary
