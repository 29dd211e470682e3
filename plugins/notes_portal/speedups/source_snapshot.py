"""What the files ``mkdocs serve`` watches look like on disk, and what changed between two looks.

A save is told apart by size and modification time in nanoseconds: ``serve`` only needs to
know which files to read again; what is *in* them is still keyed by content downstream.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

#: Per file: (modification time in ns, size).
Snapshot = dict[str, tuple[int, int]]


def take_snapshot(paths: Iterable[str]) -> Snapshot:
    """Every file under ``paths`` (folders walked, hidden ones too: an editor's files count)."""
    seen: Snapshot = {}
    for path in paths:
        if os.path.isdir(path):
            _walk(path, seen)
        elif os.path.exists(path):
            stat = os.stat(path)
            seen[os.path.abspath(path)] = (stat.st_mtime_ns, stat.st_size)
    return seen


def _walk(folder: str, seen: Snapshot) -> None:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=True):
                _walk(entry.path, seen)
            else:
                stat = entry.stat(follow_symlinks=True)
                seen[os.path.abspath(entry.path)] = (stat.st_mtime_ns, stat.st_size)
        except OSError:  # gone between listing and looking: the next look says so
            continue


@dataclass(frozen=True)
class SourceChanges:
    modified: frozenset[str]
    added: frozenset[str]
    removed: frozenset[str]

    @staticmethod
    def between(before: Snapshot, after: Snapshot) -> SourceChanges:
        return SourceChanges(
            modified=frozenset(p for p, seen in after.items() if p in before and before[p] != seen),
            added=frozenset(after.keys() - before.keys()),
            removed=frozenset(before.keys() - after.keys()))

    @property
    def only_modified(self) -> bool:
        """Files were saved, none created or deleted (which changes what the site holds)."""
        return bool(self.modified) and not self.added and not self.removed
