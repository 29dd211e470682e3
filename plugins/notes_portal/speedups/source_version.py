"""Which version of a note's source a cached result belongs to."""

from __future__ import annotations

import os

#: (path, modification time): a new save is a new version. The untranslated copy of a
#: note on another language's site has the same source, so it shares the version.
SourceVersion = tuple[str, float]


def source_version(path: str) -> SourceVersion:
    try:
        return path, os.path.getmtime(path)
    except OSError:
        return path, 0.0
