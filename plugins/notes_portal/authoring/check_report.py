"""What ``notes-portal check`` prints: every problem, or, by default, a few of each kind.

A collection of 4000 notes written elsewhere can have the same problem in 3000 of
them; one line each buries the other kinds. Problems of a kind (the field and the
message with its values taken out) are counted, and the first three shown in full.
The kind is only a grouping key: the summary speaks in sentences that name the field
and the first place to look, never in a message with its values cut out.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from notes_portal.model.structure import Diagnostic

#: Shown in full per kind unless ``--verbose``.
SHOWN_PER_KIND = 3
_VALUES = re.compile(r"'[^']*'|\"[^\"]*\"|\d+")


def kind_of(diagnostic: Diagnostic) -> str:
    """``leetcode.difficulty: … is not a difficulty``: the problem without its values."""
    message = diagnostic.message.split(" (expected", 1)[0]
    return f"{diagnostic.field}: {_VALUES.sub('…', message)}"


def check_report(diagnostics: Iterable[Diagnostic], *, note_count: int,
                 verbose: bool) -> tuple[list[str], list[str]]:
    """The lines for stdout (problems, ``path:line: field: message``, in file and line order)
    and for stderr (what was left out, then a closing count sentence)."""
    every = list(diagnostics)
    by_kind: dict[str, list[Diagnostic]] = defaultdict(list)
    for diagnostic in every:
        by_kind[kind_of(diagnostic)].append(diagnostic)
    shown: list[Diagnostic] = []
    summary: list[str] = []
    for found in sorted(by_kind.values(), key=lambda found: (-len(found), kind_of(found[0]))):
        listed = found if verbose else found[:SHOWN_PER_KIND]
        shown.extend(listed)
        hidden = len(found) - len(listed)
        if hidden:
            first = found[0]
            summary.append(f"{_count(hidden, 'more problem')} like the {first.field} one at "
                           f"{first.path}:{first.line} {'is' if hidden == 1 else 'are'} not shown "
                           f"({len(found)} in all); notes-portal check --verbose lists them all.")
    shown.sort(key=lambda diagnostic: (diagnostic.path, diagnostic.line, diagnostic.field))
    summary.append(closing_sentence(every, note_count))
    return [str(diagnostic) for diagnostic in shown], summary


def closing_sentence(diagnostics: list[Diagnostic], note_count: int) -> str:
    """``Checked 12 notes and found 3 problems in 2 files.``"""
    if not diagnostics:
        return f"Checked {_count(note_count, 'note')} and found no problems."
    files = len({diagnostic.path for diagnostic in diagnostics})
    return (f"Checked {_count(note_count, 'note')} and found {_count(len(diagnostics), 'problem')} "
            f"in {_count(files, 'file')}.")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
