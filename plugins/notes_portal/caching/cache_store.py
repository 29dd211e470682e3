"""Entries of the build cache on disk: one file per entry, written atomically, checked on read.

Layout: ``.cache/notes-portal/<fingerprint>/<kind>/<ab>/<key>``. An entry is a header line
(``NPC1 <sha256 of the payload>``) followed by its JSON payload. It is written to a temporary
file in the same folder and renamed into place, so a reader (another build running at the
same time included) sees either no entry or a whole one; one that was cut short or damaged
anyway (a full disk, a killed copy) fails its checksum, is deleted with one warning, and its
note is rendered again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import queue
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable
from typing import Any

MAGIC = b"NPC1 "
#: Not under ``mkdocs.*``: a damaged entry is repaired by rendering the note again, so the
#: site is right and ``--strict`` (which counts MkDocs' warnings) has nothing to fail for.
log = logging.getLogger("notes_portal.build_cache")
if not log.handlers:
    _handler = logging.StreamHandler(sys.stderr)
    _handler.setFormatter(logging.Formatter("%(levelname)-7s -  notes-portal: %(message)s"))
    log.addHandler(_handler)
    log.propagate = False


class CacheStore:
    """The entries of one fingerprint, under ``root``."""

    def __init__(self, root: str, fingerprint: str) -> None:
        self.root = root
        self.folder = os.path.join(root, fingerprint[:32])
        #: Entries read or written by this process: the ones a full build keeps when it prunes.
        self.used: set[str] = set()
        #: Bounded: a build that draws faster than the disk takes pages waits instead of holding them all.
        self._later: queue.Queue[tuple[str, str, Callable[[], bytes]] | None] = queue.Queue(maxsize=256)
        self._writer: threading.Thread | None = None

    def _path(self, kind: str, key: str) -> str:
        return os.path.join(self.folder, kind, key[:2], key)

    def get(self, kind: str, key: str) -> Any | None:
        """The JSON payload stored under ``key``, or None (missing, or damaged: then deleted)."""
        payload = self.get_bytes(kind, key)
        if payload is None:
            return None
        try:
            return json.loads(payload)
        except ValueError:
            self._discard(self._path(kind, key))
            return None

    def get_bytes(self, kind: str, key: str) -> bytes | None:
        """The payload stored under ``key``, or None (missing, or damaged: then deleted)."""
        path = self._path(kind, key)
        try:
            with open(path, "rb") as handle:
                raw = handle.read()
        except OSError:
            return None
        self.used.add(path)
        header, _, payload = raw.partition(b"\n")
        if header.startswith(MAGIC) and header[len(MAGIC):].decode("ascii", "replace") == \
                hashlib.sha256(payload).hexdigest():
            return payload
        self._discard(path)
        return None

    def _discard(self, path: str) -> None:
        log.warning("discarded a damaged build cache entry %s; its page is rendered again",
                    os.path.relpath(path, self.root))
        try:
            os.remove(path)
        except OSError:
            pass

    def put(self, kind: str, key: str, payload: Any) -> None:
        """Store the JSON of ``payload`` under ``key`` (see ``put_bytes``)."""
        self.put_bytes(kind, key, json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode())

    def put_bytes(self, kind: str, key: str, data: bytes) -> None:
        """Store ``data`` under ``key``, atomically; a cache that can't be written is no error."""
        path = self._path(kind, key)
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".tmp-")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(MAGIC + hashlib.sha256(data).hexdigest().encode() + b"\n" + data)
                os.replace(temporary, path)
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError:
            return
        self.used.add(path)

    def put_later(self, kind: str, key: str, make: Callable[[], bytes]) -> None:
        """Store ``make()`` under ``key`` from a background thread (until ``flush``).

        A cold build keeps every finished page: compressing, hashing and writing it took about
        1 ms a page off the build's own thread; zlib, hashlib and file writes release the GIL,
        so on a second core it overlaps the next page's drawing."""
        self.used.add(self._path(kind, key))
        if self._writer is None or not self._writer.is_alive():
            self._writer = threading.Thread(target=self._write_later, name="notes-portal-cache", daemon=True)
            self._writer.start()
        self._later.put((kind, key, make))

    def _write_later(self) -> None:
        while (item := self._later.get()) is not None:
            kind, key, make = item
            try:
                self.put_bytes(kind, key, make())
            except Exception as error:  # noqa: BLE001  # a cache entry is never worth a failed build
                log.warning("a build cache entry was not written (%s: %s)", type(error).__name__, error)
            finally:
                self._later.task_done()
        self._later.task_done()

    def flush(self) -> None:
        """Wait until every ``put_later`` entry is written (before pruning, before the build ends)."""
        if self._writer is not None and self._writer.is_alive():
            self._later.put(None)
            self._later.join()
            self._writer.join()
        self._writer = None

    def prune(self, *, spare: Iterable[str] = ()) -> None:
        """Delete what this full build didn't use: other fingerprints' folders, entries of
        sources that changed since, temporary files of interrupted writes; not the entries of
        the kinds in ``spare``. Another build running at the same time at worst loses entries
        it then makes again."""
        try:
            siblings = os.listdir(self.root)
        except OSError:
            return
        for name in siblings:
            if os.path.join(self.root, name) != self.folder:
                shutil.rmtree(os.path.join(self.root, name), ignore_errors=True)
        spared = {os.path.join(self.folder, kind) for kind in spare}
        for folder, folders, names in os.walk(self.folder):
            folders[:] = [name for name in folders if os.path.join(folder, name) not in spared]
            for name in names:
                path = os.path.join(folder, name)
                if path not in self.used:
                    try:
                        os.remove(path)
                    except OSError:
                        pass
