"""Search bundles kept in the build cache, under a digest of everything Pagefind indexed.

Pagefind has no incremental update: every bundle indexes every record again, seconds of CPU on
both cores at 3000 notes. When nothing a language's index holds changed since the last full build
(a warm ``mkdocs build``, restarting ``make serve``), the kept bundle is copied instead. On a
server start the indexing ran in the background while the author's first saves were drawn, and
slowed them on a two-core machine the more notes there were.

Layout: ``<cache folder>/search-bundle/<language>/<digest>/``, one per language (a newer one
replaces it), with a ``.complete`` marker written last. A bundle is made in a temporary folder
beside it and renamed into place, so a reader sees a whole bundle or none. The digest covers the
records (URL and HTML), the language Pagefind indexes them as, and the cache fingerprint, which
holds the versions of the packages and of our code.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterable

from notes_portal.caching.build_cache import SEARCH_BUNDLE_KIND, BuildCache
from notes_portal.search.records import SearchRecord, records_digest

#: Written last into a kept bundle: a folder without it is not one (and it is not copied to a site).
COMPLETE_MARKER = ".complete"


class KeptBundles:
    """The last full build's bundle of each language, read and written from the indexer's threads."""

    def __init__(self, build_cache: BuildCache) -> None:
        self._build_cache = build_cache

    def digest(self, records: Iterable[SearchRecord], pagefind_language: str) -> str | None:
        """What a bundle of ``records`` is kept under; None when the build cache is off."""
        if self._build_cache.store is None:
            return None
        return records_digest(records, pagefind_language, salt=self._build_cache.fingerprint)

    def find(self, language: str, digest: str | None) -> str | None:
        """The kept bundle's folder, when it holds exactly ``digest``'s records (not under ``--clean``)."""
        folder = self._folder(language, digest)
        if folder is None or not self._build_cache.read or not os.path.isfile(os.path.join(folder, COMPLETE_MARKER)):
            return None
        return folder

    def keep(self, language: str, digest: str | None, bundle: str) -> None:
        """Keep a copy of the bundle just written (``bundle``), replacing the language's older one."""
        folder = self._folder(language, digest)
        if folder is None:
            return
        parent = os.path.dirname(folder)
        staging = os.path.join(parent, f".tmp-{uuid.uuid4().hex[:8]}")
        try:
            shutil.copytree(bundle, staging)
            open(os.path.join(staging, COMPLETE_MARKER), "w").close()
            for name in os.listdir(parent):  # one per language: the older ones go
                if name != os.path.basename(staging):
                    shutil.rmtree(os.path.join(parent, name), ignore_errors=True)
            os.replace(staging, folder)
        except OSError:
            return  # a cache that can't be written costs the next build an indexing, nothing else
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    @staticmethod
    def copy(folder: str, target: str) -> None:
        """Copy the kept bundle in ``folder`` to a site folder, hard-linked where both are on one
        file system (no file of a bundle is ever changed in place: a newer one is a new folder)."""

        def link_or_copy(source: str, destination: str) -> None:
            try:
                os.link(source, destination)
            except OSError:
                shutil.copy2(source, destination)

        shutil.copytree(folder, target, copy_function=link_or_copy, ignore=shutil.ignore_patterns(COMPLETE_MARKER))

    def _folder(self, language: str, digest: str | None) -> str | None:
        store = self._build_cache.store
        if store is None or digest is None:
            return None
        return os.path.join(store.folder, SEARCH_BUNDLE_KIND, language, digest)
