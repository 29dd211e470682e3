"""Compiled Jinja templates kept across builds, in memory and in the build cache.

MkDocs makes a new Jinja environment for every build: twice per save under
mkdocs-static-i18n (zh, en) and again on every ``mkdocs serve`` rebuild, each
compiling Material's templates from scratch. Jinja's bytecode cache lets every
environment after the first reuse the compiled code; a changed template has a
different checksum and is compiled again.

Kept on disk too (kind ``template``), for the first page a process draws: a warm build or a
server restart takes every page from the page cache, so the first save under ``make serve``
compiled Material's templates, a tenth of a second, before it could draw the note. Jinja
checks both the source's checksum and its own bytecode format when it loads a bucket, and
ignores what doesn't match.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

from notes_portal.caching.build_cache import TEMPLATE_KIND, BuildCache


class KeptBytecodeCache(BytecodeCache):
    def __init__(self, build_cache: BuildCache) -> None:
        #: Its store is this build's (None: the cache is off), looked at when a template loads.
        self._build_cache = build_cache
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        store = self._build_cache.store
        if compiled is None and store is not None and self._build_cache.read:  # not under ``--clean``
            compiled = store.get_bytes(TEMPLATE_KIND, bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)  # ignored by Jinja if the checksum differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        compiled = bucket.bytecode_to_string()
        self._compiled[bucket.key] = compiled
        if (store := self._build_cache.store) is not None:
            store.put_bytes(TEMPLATE_KIND, bucket.key, compiled)

    def clear(self) -> None:
        self._compiled.clear()
