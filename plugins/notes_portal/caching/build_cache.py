"""The persistent build cache: a note's Markdown → HTML, kept in ``.cache/notes-portal/``.

Rendering Markdown (Python-Markdown, pymdownx, Pygments) is most of a build, and from one
build to the next it gives the same HTML for the same Markdown. So the HTML MkDocs renders
for a page, with what the render sets besides it (table of contents, the title taken from
the first heading, the anchors the page has), is stored under a key made of

* the Markdown as it is about to be rendered (after every other plugin changed it), by content
  hash, never by modification time: a git checkout in CI gives every file a new time;
* the page's source path (relative links are resolved from it);
* the fingerprint of the rendering (``fingerprint``: extensions, options, versions, our code).

The HTML also depends on which other files exist: MkDocs rewrites relative links to them. An
entry keeps each link as written and as rewritten, and is used only when every link resolves
the same way in this build (``compat.mkdocs.resolve_links_again``, which also logs MkDocs'
warnings about broken links again, so ``--strict`` fails warm as it fails cold). Nothing
that depends on other notes (navigation, lists, backlinks, our ``on_page_content`` step)
is cached: it runs on every build, on the cached HTML.

A page using ``pymdownx.snippets`` (``--8<--``) includes other files while it renders; it is
never cached (and with ``auto_append`` configured, no page is).
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from notes_portal.caching.cache_store import CacheStore
from notes_portal.caching.fingerprint import render_fingerprint
from notes_portal.compat.mkdocs import (
    recorded_links,
    render_state,
    resolve_links_again,
    restore_render,
    skip_render,
    start_recording_links,
)

log = get_plugin_logger(__name__)
#: Kinds pruning spares: compiled templates (``template_cache``) and search bundles
#: (``kept_bundles``), one entry per template or language, replaced when it changes.
TEMPLATE_KIND = "template"
SEARCH_BUNDLE_KIND = "search-bundle"
#: Where the cache lives, relative to the folder of ``mkdocs.yml`` (ignored by git).
CACHE_FOLDER = os.path.join(".cache", "notes-portal")
#: A snippet line of pymdownx.snippets (``--8<-- "file.md"``, ``;--8<--`` to escape it).
_SNIPPET = re.compile(r"-{1,}8<-{1,}")


@dataclass
class _Pending:
    key: str
    entry: dict[str, Any] | None
    links_to_anchors: dict | None = None


def cache_root(config: MkDocsConfig) -> str:
    return os.path.join(os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml")), CACHE_FOLDER)


class BuildCache:
    """Rendered pages by content, across builds and processes."""

    def __init__(self) -> None:
        self.store: CacheStore | None = None
        self.fingerprint = ""
        #: False under ``--clean``: entries are made again, never read.
        self.read = True
        self.snippets = False
        self._pending: dict[int, _Pending] = {}
        self.hits = 0
        self.renders = 0

    def start_build(self, config: MkDocsConfig, *, cold: bool) -> None:
        """Open the entries of this build's fingerprint (one language build, one serve rebuild)."""
        self.fingerprint = render_fingerprint(config)
        root = cache_root(config)
        if self.store is None or self.store.root != root or not self.store.folder.endswith(self.fingerprint[:32]):
            if self.store is not None:
                self.store.flush()
            self.store = CacheStore(root, self.fingerprint)
        self.read = not cold
        snippets = config.mdx_configs.get("pymdownx.snippets") or {}
        self.snippets = "pymdownx.snippets" in config.markdown_extensions
        if snippets.get("auto_append"):  # every page includes files: nothing can be cached by its text
            self.store.flush()
            self.store = None
        self._pending.clear()

    def markdown(self, page: Page, markdown: str, *, files: Files, config: MkDocsConfig) -> str:
        """``""`` when ``page``'s HTML is in the cache (MkDocs then renders nothing), else
        ``markdown``, rendered by MkDocs and stored by ``content``."""
        if not markdown:  # reused from another language (``render_reuse``): nothing to render
            skip_render(page)
            return markdown
        if self.store is None or (self.snippets and _SNIPPET.search(markdown)):
            return markdown
        key = hashlib.sha256(f"{self.fingerprint}\0{page.file.src_uri}\0{markdown}".encode()).hexdigest()
        entry = self.store.get("html", key) if self.read else None
        anchors = None
        if isinstance(entry, dict) and _well_formed(entry):
            anchors = resolve_links_again(page, files, config, [tuple(link) for link in entry["links"]])
        if entry is not None and anchors is not None:
            self._pending[id(page)] = _Pending(key, entry, anchors)
            self.hits += 1
            skip_render(page)
            return ""
        start_recording_links(page)
        self._pending[id(page)] = _Pending(key, None)
        return markdown

    def content(self, page: Page, html: str) -> str:
        """The page's HTML: from the cache (restoring toc, title and anchors), or as just
        rendered (then stored)."""
        pending = self._pending.pop(id(page), None)
        if pending is None:
            return html
        if pending.entry is not None:
            entry = pending.entry
            restore_render(page, toc=entry["toc"], title=entry["title"], anchor_ids=entry["anchors"],
                           links_to_anchors=pending.links_to_anchors or {})
            return entry["html"]
        links = recorded_links(page)
        if links is None or self.store is None:
            return html
        self.renders += 1
        toc, title, anchors = render_state(page)
        self.store.put("html", pending.key, {"html": html, "toc": toc, "title": title, "anchors": anchors,
                                             "links": [list(link) for link in links]})
        return html

    def memo(self, kind: str, parts: Sequence[str], make: Callable[[], Any]) -> Any:
        """``make()``, or what it gave before for the same ``parts``: per-note data that is a pure
        function of them (an excerpt of a note's HTML, a page's search record). ``parts`` must
        hold every input of ``make``; the fingerprint (our code included) is added here."""
        if self.store is None:
            return make()
        key = hashlib.sha256("\0".join([self.fingerprint, kind, *parts]).encode()).hexdigest()
        found = self.store.get(kind, key) if self.read else None
        if isinstance(found, dict) and "value" in found:
            return found["value"]
        value = make()
        self.store.put(kind, key, {"value": value})
        return value

    def finish(self, *, prune: bool, pages: str | None = None) -> None:
        """Say what the cache gave (``pages``: what the page output cache says of itself); after a
        complete build, delete what it no longer needs."""
        if self.store is None:
            return
        self.store.flush()
        if self.hits or self.renders:
            drawn = f"; {pages}" if pages else ""
            log.info(f"build cache: {self.hits} pages from {CACHE_FOLDER}, {self.renders} rendered{drawn}")
        self.hits = self.renders = 0
        if prune:
            # They never pile up, and a warm build (every page from the page cache) loads no template.
            self.store.prune(spare=[TEMPLATE_KIND, SEARCH_BUNDLE_KIND])
            self.store.used.clear()


def _well_formed(entry: dict[str, Any]) -> bool:
    """An entry of this format (a checksum says it is whole, not that its fields are right)."""
    return (isinstance(entry.get("html"), str) and isinstance(entry.get("toc"), list)
            and isinstance(entry.get("anchors"), list) and isinstance(entry.get("links"), list)
            and (entry.get("title") is None or isinstance(entry.get("title"), str)))
