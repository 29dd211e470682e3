"""Writing one language's Pagefind bundle through Pagefind's Python API.

Records are written as files and handed to Pagefind in one ``add_directory``
request. Sending them one by one (``add_html_file``) is what the API offers per
page, but its client waits 0.1 s before reading each answer: 300 s for 3000 notes,
against about 2 s for the directory (see ARCHITECTURE.md, "Search").

Only what the search worker loads is kept: ``pagefind.js``, the WASM, the entry,
metadata, index chunks and fragments. Pagefind's own UIs are deleted. The new
bundle is written next to the old one and swapped in, so a reader (or a
``mkdocs serve`` reload) never sees a half-written index.
"""

from __future__ import annotations

import asyncio
import os
import posixpath
import shutil
import tempfile
import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING

from pagefind.index import IndexConfig, PagefindIndex

from notes_portal.search.records import SearchRecord

if TYPE_CHECKING:
    from notes_portal.speedups.kept_bundles import KeptBundles

#: Folder of the bundle inside each language's site folder (``/pagefind/``, ``/en/pagefind/``).
BUNDLE_DIR = "pagefind"
#: Pagefind's browser UIs, which the site doesn't use (Material's interface stays).
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
           "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
           "pagefind-worker.js")


def pagefind_language(language: str) -> str:
    """The language Pagefind indexes a site as.

    Han text arrives already cut into pairs, so Pagefind must not segment it again,
    which it does for ``zh``/``ja``. A code without a Pagefind language (``und``,
    undetermined) turns segmentation and stemming off; English keeps its stemmer.
    """
    return "und" if language.split("-")[0] in {"zh", "ja"} else language


def write_bundle(records: Iterable[SearchRecord], *, site_dir: str, language: str,
                 kept: KeptBundles | None = None, keep: bool = False) -> bool:
    """Write the bundle of ``records`` to ``<site_dir>/pagefind``: the one in ``kept`` when it holds
    the same records, else indexed by Pagefind (and kept, with ``keep``). True when it was kept."""
    target = os.path.join(site_dir, BUNDLE_DIR)
    staging = os.path.join(site_dir, f".{BUNDLE_DIR}-{uuid.uuid4().hex[:8]}")
    records = list(records)
    indexed_as = pagefind_language(language)
    digest = kept.digest(records, indexed_as) if kept is not None else None
    found = kept.find(language, digest) if kept is not None else None
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
                kept.keep(language, digest, staging)
        _swap_in(staging, target)
        return found is not None
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


def _swap_in(staging: str, target: str) -> None:
    old = None
    if os.path.exists(target):
        old = f"{target}.old-{uuid.uuid4().hex[:8]}"
        os.replace(target, old)
    os.replace(staging, target)
    if old:
        shutil.rmtree(old, ignore_errors=True)
