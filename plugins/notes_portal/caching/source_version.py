"""Which version of a note's source a cached result belongs to."""

from __future__ import annotations

import hashlib

#: (path, SHA-256 of the file's bytes): what was saved, not when. A modification time can stay
#: the same across a rewrite (``rsync -t``, some editors, ``git checkout`` within a second), so
#: it can't tell versions apart. The untranslated copy of a note on another language's site has
#: the same source, so it shares the version.
SourceVersion = tuple[str, bytes]


def source_version(path: str) -> SourceVersion:
    try:
        with open(path, "rb") as source:
            return path, hashlib.sha256(source.read()).digest()
    except OSError:
        return path, b""
