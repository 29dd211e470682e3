"""Everything a page's template reads, as one text: the key of the page output cache.

A page's HTML is ``template.render(context)``: a function of the context MkDocs and the
plugins hand the template (the page, the navigation, the configuration, our views), of
the templates themselves and of the packages that draw them. The page output cache
(``page_cache``) keeps whole pages under a digest of all of it, so it can only be as
right as this description is complete. Two rules keep it so:

* values are described by what they hold, never by identity: a dataclass by its fields (but
  those ``repr`` leaves out: copies of the page's HTML, which is described by itself), a page
  by its address and title, a mapping by its items;
* a value of a kind not listed here raises ``Undescribable``: that page is then rendered
  and not cached, rather than cached under a key that misses part of its input.

Parts shared by every page of a build (configuration, navigation, the list of pages,
templates) are described once per build; a page adds what is its own. ``Describer`` also
tells ``serve --dirty`` whether a portal page's view changed (``freshness``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import hashlib
import os
from collections.abc import Callable, Mapping
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from notes_portal.caching.fingerprint import stable

#: Context keys MkDocs itself sets (``mkdocs.commands.build.get_context``, 1.6.1), described
#: by their own rules; ``build_date_utc`` is left out: see ``describe_templates``.
MKDOCS_CONTEXT = frozenset({"nav", "pages", "base_url", "extra_css", "extra_javascript", "mkdocs_version",
                            "build_date_utc", "config", "page"})
#: Configuration that no template shows: where files are read and written, MkDocs' state.
_UNSHOWN_CONFIG = frozenset({"nav", "plugins", "markdown_extensions", "mdx_configs", "site_dir", "docs_dir",
                             "config_file_path", "dev_addr", "watch", "strict", "hooks"})
#: Strings longer than this are described by their digest (a page's HTML, a note's body).
_LONG = 200


class Undescribable(Exception):
    """A context value of a kind this module can't describe by what it holds."""


class Describer:
    """Values as text. Objects that don't change once made (frozen views such as tag links,
    tuples; pages and files, by address and title) are described once per build, unless they
    hold a mutable value; mutable ones (dicts, lists, a note's view) are
    described every time, since a plugin may change them."""

    def __init__(self) -> None:
        #: id → (object, its text); the object is held so that its id isn't reused this build.
        self._seen: dict[int, tuple[Any, str]] = {}
        #: Mutable values described so far: a value that holds one is described every time.
        self._mutable = 0

    def of(self, value: Any) -> str:
        kind = type(value)
        if kind is str:
            return repr(value) if len(value) <= _LONG else "#" + _digest(value)
        if value is None or kind in _SCALARS:
            return repr(value)
        known = self._seen.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        compose = _COMPOSERS.get(kind) or _composer_for(kind)
        mutable_before = self._mutable
        text = compose(self, value)
        if kind not in _SETTLED:
            self._mutable += 1
        elif self._mutable == mutable_before:  # it holds nothing that may change
            self._seen[id(value)] = (value, text)
        return text

    def share(self, value: Any, name: str) -> None:
        """Describe ``value`` as ``name`` for the rest of the build: it is part of what every page
        reads alike (a plugin's options, given to the template again as a context value)."""
        self._seen[id(value)] = (value, f"<{name}>")

    def _text(self, value: str) -> str:
        return self.of(str(value))  # a ``str`` subclass (``Markup``) as the text it holds

    def _moment(self, value: dt.date) -> str:
        return f"{type(value).__name__}({value.isoformat()})"

    def _enum(self, value: enum.Enum) -> str:
        return f"{type(value).__qualname__}.{value.name}"

    def _dataclass(self, value: Any) -> str:
        inner = ", ".join(f"{name}={self.of(getattr(value, name))}" for name in _field_names(type(value)))
        return f"{type(value).__qualname__}({inner})"

    def _page(self, value: Page) -> str:  # another page, as a link to it shows it
        return f"Page({self.of(value.url)}, {self.of(value.title)})"

    def _nav_entry(self, value: Section | Link) -> str:
        return f"{type(value).__name__}({self.of(value.title)}, {self.of(getattr(value, 'url', None))})"

    def _file(self, value: File) -> str:
        return f"File({self.of(value.src_uri)}, {self.of(value.url)})"

    def _anchor(self, value: AnchorLink) -> str:
        return f"Anchor({self.of(value.title)}, {self.of(value.id)}, {value.level}, {self.of(value.children)})"

    def _toc(self, value: TableOfContents) -> str:
        return "Toc" + self.of(list(value))

    def _mapping(self, value: Mapping) -> str:
        items = sorted(value.items(), key=lambda item: str(item[0]))
        return "{" + ", ".join(f"{self.of(str(k))}: {self.of(v)}" for k, v in items) + "}"

    def _sequence(self, value: list | tuple) -> str:
        return "[" + ", ".join(self.of(item) for item in value) + "]"

    def _set(self, value: set | frozenset) -> str:
        return "{" + ", ".join(sorted(self.of(item) for item in value)) + "}"


_SCALARS = frozenset({bool, int, float})
#: How each type met so far is described (``_composer_for`` decides once per type).
_COMPOSERS: dict[type, Callable[[Describer, Any], str]] = {}


def _composer_for(kind: type) -> Callable[[Describer, Any], str]:
    rules: list[tuple[Callable[[type], bool], Callable[[Describer, Any], str]]] = [
        (lambda k: issubclass(k, str), Describer._text),
        (lambda k: issubclass(k, (bool, int, float)), lambda describer, value: repr(value)),
        (lambda k: issubclass(k, (dt.date, dt.datetime, dt.time)), Describer._moment),
        (lambda k: issubclass(k, enum.Enum), Describer._enum),
        (dataclasses.is_dataclass, Describer._dataclass),
        (lambda k: issubclass(k, Page), Describer._page),
        (lambda k: issubclass(k, (Section, Link)), Describer._nav_entry),
        (lambda k: issubclass(k, File), Describer._file),
        (lambda k: issubclass(k, AnchorLink), Describer._anchor),
        (lambda k: issubclass(k, TableOfContents), Describer._toc),
        (lambda k: issubclass(k, Mapping), Describer._mapping),
        (lambda k: issubclass(k, (list, tuple)), Describer._sequence),
        (lambda k: issubclass(k, (set, frozenset)), Describer._set),
    ]
    for applies, compose in rules:
        if applies(kind):
            _COMPOSERS[kind] = compose
            if (compose in _SETTLED_COMPOSERS and (compose is not Describer._dataclass or _frozen(kind))) \
                    or issubclass(kind, (tuple, frozenset)):
                _SETTLED.add(kind)
            return compose
    raise Undescribable(kind.__qualname__)


#: Types whose values are described once per build (see ``Describer``), filled by ``_composer_for``.
_SETTLED: set[type] = set()
_SETTLED_COMPOSERS = (Describer._dataclass, Describer._page, Describer._nav_entry, Describer._file,
                      Describer._anchor, Describer._moment, Describer._enum, Describer._text)


def _frozen(kind: type) -> bool:
    parameters = getattr(kind, "__dataclass_params__", None)
    return bool(parameters and parameters.frozen)


@functools.cache
def _field_names(kind: type) -> tuple[str, ...]:
    # A field ``repr`` leaves out is no part of what the value shows: a view's copy of the page's
    # HTML (``NoteView.body``), which ``describe_page`` describes by itself.
    return tuple(f.name for f in dataclasses.fields(kind) if f.repr)


def describe_config(config: MkDocsConfig, describer: Describer) -> str:
    """The configuration a template may show, except the language links (``describe_page``
    reads those: mkdocs-static-i18n sets them page by page)."""
    shown = {key: value for key, value in config.items() if key not in _UNSHOWN_CONFIG and not key.startswith("_")}
    extra = dict(config.extra or {})
    extra.pop("alternate", None)
    shown["extra"] = extra
    shown["theme"] = {"name": config.theme.name, "locale": str(getattr(config.theme, "locale", "")),
                      **dict(config.theme.items())}
    # Plugins by their options (Material's templates read several), never by their state; a
    # hook (``hooks:``, listed among the plugins as a module) by its source.
    shown["plugins"] = {name: dict(plugin.config) if hasattr(plugin, "config") else _module_source(plugin)
                        for name, plugin in config.plugins.items()}
    for name, plugin in config.plugins.items():  # a template given them again reads the same
        if hasattr(plugin, "config"):
            describer.share(plugin.config, f"plugins.{name}")
    return repr(stable(shown))


def _module_source(module: Any) -> str:
    path = getattr(module, "__file__", None)
    try:
        with open(path, "rb") as handle:  # type: ignore[arg-type]
            return "source:" + hashlib.sha256(handle.read()).hexdigest()
    except (OSError, TypeError):
        return f"object:{type(module).__qualname__}"


def describe_navigation(nav: Navigation, describer: Describer) -> str:
    """The navigation as every page draws it (which entry is active follows from the page)."""

    def item(entry: Any) -> str:
        children = getattr(entry, "children", None) or []
        # Material's navigation shows a page's ``icon``, ``status`` and ``subtitle`` from its meta.
        meta = describer.of(entry.meta) if isinstance(entry, Page) else ""
        return f"{describer.of(entry)}{meta}[{', '.join(item(child) for child in children)}]"

    homepage = nav.homepage.url if nav.homepage else None
    return f"{homepage!r}: " + ", ".join(item(entry) for entry in nav.items)


def describe_pages(files: Any) -> str:
    """The ``pages`` of the context (every documentation file, with its page's title)."""
    return repr([(f.src_uri, f.url, f.page.title if f.page else None) for f in files])


def describe_page(context: Mapping[str, Any], page: Page, config: MkDocsConfig, describer: Describer) -> str:
    """What is this page's own in its context: the page, where it sits, what plugins added."""
    ancestors = [(type(a).__name__, a.title, getattr(a, "url", None)) for a in page.ancestors]
    own = {
        "page": (page.url, page.file.src_uri, page.file.dest_uri, str(page.file.inclusion), page.title,
                 page.canonical_url, page.edit_url, page.is_homepage, _digest(page.content or "")),
        "meta": describer.of(page.meta),
        "toc": describer.of(page.toc),
        "around": (describer.of(page.previous_page), describer.of(page.next_page), ancestors),
        "alternate": describer.of(getattr(config.extra, "alternate", None)),
        "urls": (context.get("base_url"), describer.of(context.get("extra_css")),
                 describer.of(context.get("extra_javascript"))),
        "added": {key: describer.of(value) for key, value in context.items() if key not in MKDOCS_CONTEXT},
    }
    return repr(own)


def describe_templates(dirs: list[str], packaged: list[str]) -> str | None:
    """The templates a page may be drawn with: every file under the theme's folders, except
    folders of installed packages (their version, in the render fingerprint, stands for them).

    None when an author's template shows ``build_date_utc``: every build's pages then differ,
    and none may come from the cache (Material's own templates don't show it).
    """
    digest = hashlib.sha256()
    for folder in dirs:
        if any(os.path.realpath(folder).startswith(os.path.realpath(p)) for p in packaged):
            digest.update(f"packaged:{folder}\0".encode())
            continue
        for root, _, names in sorted(os.walk(folder)):
            for name in sorted(names):
                path = os.path.join(root, name)
                try:
                    with open(path, "rb") as handle:
                        text = handle.read()
                except OSError:
                    text = b"?"
                if b"build_date_utc" in text:
                    return None
                digest.update(os.path.relpath(path, folder).encode() + b"\0" + text + b"\0")
    return digest.hexdigest()


def _digest(text: str) -> str:
    # SHA-256 rather than BLAKE2: OpenSSL's runs on the CPU's SHA instructions, twice as fast here.
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]
