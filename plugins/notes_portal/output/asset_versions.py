"""The portal's stylesheets and scripts linked with a content version: ``portal.js?v=3f2a9c01be``.

They are served under fixed names, so after a deploy a reader's browser may keep an old
copy of one file and fetch the new copy of another (new HTML with an old stylesheet, or an
old worker answering a new page). Each URL carries the first ten hex digits of the SHA-256
of the file's bytes as this build reads them: a changed file is a new URL, so a browser
fetches it, and an unchanged one keeps its URL and stays cached. Query strings rather than
hashed file names, because KaTeX's stylesheet loads its fonts by relative path, the worker
imports Pagefind relative to its own address, and MkDocs copies theme files by name.

Where each URL is linked:

* ``extra_css`` and ``extra_javascript`` of ``mkdocs.yml``, drawn by Material's ``base.html``:
  rewritten in the configuration (``version_extra_assets``, from ``on_config``);
* templates (``main.html`` links ``portal.js``): the ``np_versioned`` filter;
* the search worker, whose URL Material's front end reads from the page's configuration:
  ``np_search_worker``, made by the plugin with ``url``.

Every version given is kept in ``versions``, which the plugin hands templates as the
``np_asset_versions`` global: the page output cache describes globals by value, so a page
kept with an old version is never served after the file changes (``speedups.page_cache``).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from urllib.parse import urlsplit, urlunsplit

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig

#: The query parameter that carries the version.
VERSION_PARAMETER = "v"
#: Hex digits of SHA-256 kept: 40 bits, so two versions of one file never meet by chance.
VERSION_LENGTH = 10


def content_version(data: bytes) -> str:
    """The version of a file holding ``data``."""
    return hashlib.sha256(data).hexdigest()[:VERSION_LENGTH]


class AssetVersions:
    """Versions of the site's own files, found where MkDocs copies them from."""

    def __init__(self, sources: Sequence[str]) -> None:
        #: Folders a site path is copied from, first match wins: ``docs_dir``, then the
        #: theme's folders in order (MkDocs lets a file in ``docs/`` replace the theme's).
        self.sources = list(sources)
        #: Site path → version, for every file versioned this build.
        self.versions: dict[str, str] = {}

    @classmethod
    def for_config(cls, config: MkDocsConfig) -> AssetVersions:
        return cls([config.docs_dir, *config.theme.dirs])

    def version_of(self, path: str) -> str | None:
        """The version of the site's file at ``path`` (``assets/javascripts/portal.js``); None
        when the site has no such file: a URL to another host, or a file nobody wrote."""
        if path in self.versions:
            return self.versions[path]
        for folder in self.sources:
            file = os.path.join(folder, *path.split("/"))
            if os.path.isfile(file):
                with open(file, "rb") as handle:
                    self.versions[path] = content_version(handle.read())
                return self.versions[path]
        return None

    def version_folder(self, folder: str, suffixes: tuple[str, ...] = (".css", ".js")) -> None:
        """Version every stylesheet and script under ``folder`` (a theme folder): all the portal
        ships, whichever template links it, so ``versions`` holds each before a page is drawn."""
        for root, _, names in os.walk(folder):
            for name in sorted(names):
                if name.endswith(suffixes):
                    self.version_of(os.path.relpath(os.path.join(root, name), folder).replace(os.sep, "/"))

    def url(self, url: str) -> str:
        """``url`` with its file's version as the ``v`` query parameter (replacing one it has, so
        a configuration versioned by an earlier build of another language is versioned again);
        unchanged when it doesn't name one of the site's files."""
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith("/") or not parts.path:
            return url
        version = self.version_of(parts.path)
        if version is None:
            return url
        # The other parameters as written: the worker reads its own (``?index=en&label=…``).
        query = [part for part in parts.query.split("&") if part and part.split("=", 1)[0] != VERSION_PARAMETER]
        query.append(f"{VERSION_PARAMETER}={version}")
        return urlunsplit(("", "", parts.path, "&".join(query), parts.fragment))

    def template_filter(self) -> Callable[[Context, str], str]:
        """``np_versioned`` for templates: ``{{ 'assets/javascripts/portal.js' | np_versioned | url }}``.

        It takes the template's context only so that Jinja never calls it while compiling: a
        filter on a constant is otherwise folded into the compiled template, and compiled
        templates are kept across builds (``speedups.template_cache``), so the first build's
        version would be linked for ever after."""

        @pass_context
        def np_versioned(context: Context, url: str) -> str:
            return self.url(url)

        return np_versioned


def give_templates_versions(env: Environment, versions: AssetVersions, *, custom_dir: str | None,
                            search_worker: str | None) -> None:
    """What every template (404.html too) links with a version: the search worker the search box
    points at, and the portal's assets in ``custom_dir`` (by value, so that the page output cache
    keys every page on the versions it links)."""
    env.globals["np_search_worker"] = versions.url(search_worker) if search_worker else None
    if custom_dir:
        versions.version_folder(custom_dir)
    env.filters["np_versioned"] = versions.template_filter()
    env.globals["np_asset_versions"] = versions.versions


def version_extra_assets(config: MkDocsConfig, versions: AssetVersions) -> None:
    """Version the URLs of ``extra_css`` and ``extra_javascript`` in place (Material's ``base.html``
    links them as configured). A script keeps its ``type``, ``defer`` and ``async``."""
    config["extra_css"] = [versions.url(path) for path in config.extra_css]
    scripts: list[str | ExtraScriptValue] = []
    for script in config.extra_javascript:
        if isinstance(script, ExtraScriptValue):
            script.path = versions.url(script.path)
            scripts.append(script)
        else:
            scripts.append(versions.url(script))
    config["extra_javascript"] = scripts
