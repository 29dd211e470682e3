"""Writing one language's Pagefind bundle through Pagefind's Python API.

Records are written as files and handed to Pagefind in one ``add_directory``
request. Sending them one by one (``add_html_file``) is what the API offers per
page, but its client waits 0.1 s before reading each answer: 300 s for 3000 notes,
against about 2 s for the directory (see ARCHITECTURE.md, "Search").

Only what the search worker loads is kept: ``pagefind.js``, the WASM, the entry,
metadata, index chunks and fragments. Pagefind's own UIs are deleted.

A new bundle is made in a hidden folder beside the old one, then moved into the bundle's folder
file by file, ``pagefind-entry.json`` last (``_install``). Pagefind's script reads the entry first
and every other file by the hashed name the entry gives it, so until the entry is replaced readers
get the old bundle, and from then on the new one: never a 404, never half of each. Under ``serve``
the files only the previous bundle names stay until the next swap, for a page that loaded that
entry just before; a ``mkdocs build`` leaves only the current bundle's files. A bundle of the same
records as the one this process last installed is not written again.
"""

from __future__ import annotations

import asyncio
import filecmp
import os
import posixpath
import shutil
import tempfile
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from pagefind.index import IndexConfig, PagefindIndex

from notes_portal.search.records import SearchRecord, records_digest

if TYPE_CHECKING:
    from notes_portal.search.kept_bundles import KeptBundles

#: Folder of the bundle inside each language's site folder (``/pagefind/``, ``/en/pagefind/``).
BUNDLE_DIR = "pagefind"
#: Pagefind's browser UIs, which the site doesn't use (Material's interface stays).
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
           "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
           "pagefind-worker.js")
#: The file Pagefind's script reads first; it names every other file of the bundle by hash.
ENTRY = "pagefind-entry.json"
#: Where a bundle written by ``write_bundle`` came from.
Source = Literal["unchanged", "kept", "indexed"]


@dataclass(frozen=True)
class InstalledBundle:
    """The bundle this process last put into a bundle folder: what it indexes and which files are its."""

    #: ``records_digest`` of its records.
    digest: str
    #: Its files, relative to the bundle folder (``/``-separated), the entry among them.
    files: frozenset[str]
    #: ``(st_ino, st_mtime_ns)`` of its entry file as installed: another entry, or none (a rebuild
    #: without ``--dirty`` empties the site folder), means the folder no longer holds this bundle.
    entry_stat: tuple[int, int]

    def is_in(self, target: str) -> bool:
        try:
            stat = os.stat(os.path.join(target, ENTRY))
        except OSError:
            return False
        return (stat.st_ino, stat.st_mtime_ns) == self.entry_stat


def pagefind_language(language: str) -> str:
    """The language Pagefind indexes a site as.

    Han text arrives already cut into pairs, so Pagefind must not segment it again,
    which it does for ``zh``/``ja``. A code without a Pagefind language (``und``,
    undetermined) turns segmentation and stemming off; English keeps its stemmer.
    """
    return "und" if language.split("-")[0] in {"zh", "ja"} else language


def write_bundle(records: Iterable[SearchRecord], *, site_dir: str, language: str,
                 kept: KeptBundles | None = None, keep: bool = False, installed: InstalledBundle | None = None,
                 serving: bool = False) -> tuple[InstalledBundle, Source]:
    """Make ``<site_dir>/pagefind`` the bundle of ``records`` and say where it came from: left as it
    was (``installed`` holds the same records and is still there), the one in ``kept`` when it
    holds the same records, else indexed by Pagefind (and kept, with ``keep``). ``serving``: pages
    may still read the bundle being replaced, so its files stay until the next swap."""
    target = os.path.join(site_dir, BUNDLE_DIR)
    records = list(records)
    indexed_as = pagefind_language(language)
    digest = records_digest(records, indexed_as)
    if installed is not None and installed.digest == digest and installed.is_in(target):
        return installed, "unchanged"
    staging = os.path.join(site_dir, f".{BUNDLE_DIR}-{uuid.uuid4().hex[:8]}")
    kept_digest = kept.digest(records, indexed_as) if kept is not None else None
    found = kept.find(language, kept_digest) if kept is not None else None
    try:
        if kept is not None and found is not None:
            kept.copy(found, staging)
        else:
            asyncio.run(_index(records, staging, indexed_as))
            for name in _UNUSED:
                path = os.path.join(staging, name)
                if os.path.exists(path):
                    os.remove(path)
            if keep and kept is not None:
                kept.keep(language, kept_digest, staging)
        previous = installed.files if installed is not None and installed.is_in(target) else None
        files = _install(staging, target, still_read=previous if serving else frozenset())
        entry = os.stat(os.path.join(target, ENTRY))
        return InstalledBundle(digest, files, (entry.st_ino, entry.st_mtime_ns)), \
            "kept" if found is not None else "indexed"
    finally:
        shutil.rmtree(staging, ignore_errors=True)


async def _index(records: list[SearchRecord], output_path: str, language: str) -> None:
    with tempfile.TemporaryDirectory(prefix="np-search-") as source:
        for record in records:
            # Pagefind makes the URL from the path: <url>/index.html becomes /<url>.
            relative = record.url if record.url.endswith(".html") else posixpath.join(record.url, "index.html")
            path = os.path.join(source, *relative.split("/"))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(record.html)
        config = IndexConfig(output_path=output_path, force_language=language)
        async with PagefindIndex(config=config) as index:
            await index.add_directory(path=source)


def _install(staging: str, target: str, still_read: frozenset[str] | None) -> frozenset[str]:
    """Move the bundle in ``staging`` into ``target``, the entry last, and delete the files of
    older bundles, except ``still_read`` (None: any file there may still be read, none is deleted).

    Each file arrives by ``os.replace``, atomic on one file system (``staging`` is beside
    ``target``), so a reader gets a file whole or not yet; a hashed name is a promise of its
    content, and a file equal to the one there is left alone."""
    files = frozenset(_files_under(staging))
    os.makedirs(target, exist_ok=True)
    for relative in sorted(files - {ENTRY}):
        source, destination = os.path.join(staging, relative), os.path.join(target, relative)
        if os.path.isfile(destination) and filecmp.cmp(source, destination, shallow=False):
            continue
        os.makedirs(os.path.dirname(destination), exist_ok=True)
        os.replace(source, destination)
    os.replace(os.path.join(staging, ENTRY), os.path.join(target, ENTRY))  # readers switch here
    if still_read is not None:
        for relative in set(_files_under(target)) - files - still_read:
            os.remove(os.path.join(target, relative))
        for folder, _, _ in os.walk(target, topdown=False):
            if folder != target and not os.listdir(folder):
                os.rmdir(folder)
    return files


def _files_under(folder: str) -> list[str]:
    """Every file below ``folder``, relative to it, ``/``-separated."""
    found = []
    for parent, _, names in os.walk(folder):
        for name in names:
            found.append(os.path.relpath(os.path.join(parent, name), folder).replace(os.sep, "/"))
    return found
