"""Writing one language's Pagefind bundle through Pagefind's Python API.

Only what the search worker loads is kept: ``pagefind.js``, the WASM, the entry,
metadata, index chunks and fragments. Pagefind's own UIs are deleted. The new
bundle is written next to the old one and swapped in, so a reader (or a
``mkdocs serve`` reload) never sees a half-written index.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from collections.abc import Iterable

from pagefind.index import IndexConfig, PagefindIndex

from notes_portal.search.records import SearchRecord

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


def write_bundle(records: Iterable[SearchRecord], *, site_dir: str, language: str) -> int:
    """Index ``records`` and write the bundle to ``<site_dir>/pagefind``; returns the page count."""
    target = os.path.join(site_dir, BUNDLE_DIR)
    staging = os.path.join(site_dir, f".{BUNDLE_DIR}-{uuid.uuid4().hex[:8]}")
    try:
        count = asyncio.run(_index(list(records), staging, pagefind_language(language)))
        for name in _UNUSED:
            path = os.path.join(staging, name)
            if os.path.exists(path):
                os.remove(path)
        _swap_in(staging, target)
        return count
    finally:
        shutil.rmtree(staging, ignore_errors=True)


async def _index(records: list[SearchRecord], output_path: str, language: str) -> int:
    config = IndexConfig(output_path=output_path, force_language=language)
    async with PagefindIndex(config=config) as index:
        # The service answers requests as they come; sending them all at once keeps it busy.
        await asyncio.gather(*(index.add_html_file(url=record.url, content=record.html)
                               for record in records))
    return len(records)


def _swap_in(staging: str, target: str) -> None:
    old = None
    if os.path.exists(target):
        old = f"{target}.old-{uuid.uuid4().hex[:8]}"
        os.replace(target, old)
    os.replace(staging, target)
    if old:
        shutil.rmtree(old, ignore_errors=True)
