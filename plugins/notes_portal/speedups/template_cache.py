"""Compiled Jinja templates kept across builds.

MkDocs makes a new Jinja environment for every build: twice per save under
mkdocs-static-i18n (zh, en) and again on every ``mkdocs serve`` rebuild, each
compiling Material's templates from scratch. Jinja's bytecode cache lets every
environment after the first reuse the compiled code; a changed template has a
different checksum and is compiled again.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class InMemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)  # ignored by Jinja if the checksum differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._compiled.clear()
