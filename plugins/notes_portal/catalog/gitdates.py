"""Creation and last-change dates of notes from git history, in one ``git log`` pass.

Running git once per file costs seconds on a few thousand notes; one pass over
the history of ``docs/`` costs a fraction of that and gives every file's first
and last commit at once.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass

COMMIT_MARK = "\x00"


@dataclass(frozen=True)
class FileDates:
    created: dt.date
    modified: dt.date


def read_git_dates(docs_dir: str) -> dict[str, FileDates]:
    """Map absolute file paths under ``docs_dir`` to their first and last commit dates.

    Returns an empty map outside a git work tree or without git: callers then fall
    back to file modification times, so a plain folder of notes still builds.
    """
    try:
        root = subprocess.run(
            ["git", "-C", docs_dir, "rev-parse", "--show-toplevel"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
        log = subprocess.run(
            ["git", "-C", root, "-c", "core.quotepath=off", "log", "--no-renames",
             "--format=%x00%as", "--name-only", "--", os.path.relpath(docs_dir, root)],
            capture_output=True, text=True, check=True, encoding="utf-8",
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    return _parse_log(log, root)


def history_file(docs_dir: str) -> str | None:
    """The file git appends to on every commit, checkout or reset of the repository holding
    ``docs_dir`` (its ``logs/HEAD``), for ``serve`` to watch: each may change the notes' dates.
    None outside a git work tree."""
    try:
        git_dir = subprocess.run(["git", "-C", docs_dir, "rev-parse", "--absolute-git-dir"],
                                 capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    path = os.path.join(git_dir, "logs", "HEAD")
    return path if os.path.isfile(path) else None


def _parse_log(log: str, root: str) -> dict[str, FileDates]:
    newest: dict[str, dt.date] = {}
    oldest: dict[str, dt.date] = {}
    commit_date: dt.date | None = None
    for line in log.splitlines():
        if line.startswith(COMMIT_MARK):
            commit_date = dt.date.fromisoformat(line[1:].strip())
        elif line and commit_date is not None:
            path = os.path.normpath(os.path.join(root, line))
            newest.setdefault(path, commit_date)  # git log runs newest first
            oldest[path] = commit_date
    return {path: FileDates(created=oldest[path], modified=newest[path]) for path in newest}


def modification_date(path: str) -> dt.date:
    return dt.date.fromtimestamp(os.path.getmtime(path))
