"""mkdocs-static-i18n beyond its documented options (verified against 1.3.1).

Which language the current build is for, the per-page language links, the pages of its
sitemap, whether it is building a further language, and a log message it prints.
"""

from __future__ import annotations

import copy
import inspect
import logging
import os
import types
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urljoin

from lxml import etree
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from notes_portal.compat.internals import IncompatibleVersion, internal

I18N = "mkdocs-static-i18n"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


@dataclass(frozen=True)
class BuildLanguage:
    current: str
    default: str
    languages: tuple[str, ...]

    @property
    def url_prefix(self) -> str:
        """``""`` for the default language at ``/``, ``en/`` for English at ``/en/``."""
        return "" if self.current == self.default else f"{self.current}/"


def normalized_src_uri(file: File) -> str:
    """``nlp/transformer.en.md`` → ``nlp/transformer.md``: the key a note and its translations share
    (mkdocs-static-i18n's ``norm_src_uri`` on its files; a file it never saw is its own key)."""
    return getattr(file, "norm_src_uri", None) or file.src_uri


def file_language(file: File, default_language: str) -> str:
    """The language mkdocs-static-i18n gave ``file`` (its ``locale``), else the default one."""
    return getattr(file, "locale", None) or default_language


def give_language_alternates(file: File, language: BuildLanguage, alternates: Mapping[str, str]) -> None:
    """Mark a page the portal adds as mkdocs-static-i18n marks its own: in this language, with its
    twin in every language (language → URL below the site root) for the language switcher and the
    i18n sitemap (``page`` None: the sitemap then builds the link from ``url``)."""
    file.locale = language.current  # type: ignore[attr-defined]
    file.locale_alternate_of = language.current  # type: ignore[attr-defined]
    file.alternates = {code: types.SimpleNamespace(url=url, page=None)  # type: ignore[attr-defined]
                       for code, url in alternates.items()}


def build_language(config: MkDocsConfig) -> BuildLanguage:
    """Read the language of this build from the i18n plugin, else from the theme."""
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        current = internal(I18N, i18n, "current_language", "the language being built")
        default = internal(I18N, i18n, "default_language", "the language at the site root")
        languages = tuple(internal(I18N, i18n, "build_languages", "the languages built") or (current,))
        return BuildLanguage(current, default, languages)
    language = str(config.theme.get("language") or "en")
    return BuildLanguage(language, language, (language,))


def shown_untranslated_in(file: object, language: BuildLanguage) -> tuple[str, ...]:
    """The other languages whose sites show this default-language note as it is, untranslated.

    mkdocs-static-i18n gives each file ``alternates``, its file per built language; with
    ``fallback_to_default`` a language without a translation gets the default language's
    file. A language it has no alternate for at all doesn't show the note."""
    if language.current != language.default:
        return ()
    alternates = getattr(file, "alternates", None) or {}
    return tuple(code for code in language.languages
                 if code != language.current and code in alternates
                 and getattr(alternates[code], "locale", None) == language.default)


def split_language_links(config: MkDocsConfig) -> list[dict] | None:
    """Give the language selector this page's translations, and ``<head>`` the language roots.

    mkdocs-static-i18n points ``extra.alternate`` at the current page's
    translations. Material also renders those links in ``<head>`` and, under
    instant navigation, fetches ``sitemap.xml`` next to each of them, which only
    exists at a language's root. So the selector (``partials/alternate.html``)
    gets the per-page links returned here, ``<head>`` gets the roots, and
    ``portal.js`` re-applies the per-page links after each instant navigation,
    which swaps the content but not the header.
    """
    i18n = config.plugins.get("i18n")
    roots = internal(I18N, i18n, "extra_alternate", "the language roots") if i18n is not None else None
    # Attribute access, like mkdocs-static-i18n: it sets an attribute on ``extra``.
    page_links = getattr(config.extra, "alternate", None)
    if not roots or not page_links:
        return page_links
    config.extra.alternate = copy.deepcopy(roots)
    return page_links


def list_in_i18n_sitemap(config: MkDocsConfig, language: BuildLanguage, files: Files) -> None:
    """mkdocs-static-i18n's sitemap lists the pages it saw in its own ``on_files``, before
    the portal added its pages; Material's instant navigation only follows links to pages
    in the sitemap, so without this every pager and tile click would reload the page."""
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        per_language = internal(I18N, i18n, "i18n_files_per_language", "the pages its sitemap lists")
        per_language[language.current] = files.documentation_pages()


def translation_links(config: MkDocsConfig) -> dict[str, list[tuple[str, str]]]:
    """Page URL → (language, absolute URL) of each language the page is written in, for the pages
    written in more than one: the sitemap's ``hreflang`` links between a note and its translation.

    mkdocs-static-i18n gives each page's file the file of every language (``alternates``); a
    language without a translation gets the default language's file, which is no translation
    and is left out. Pages only the portal makes (a category's list) have no alternates.
    """
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return {}
    per_language = internal(I18N, i18n, "i18n_files_per_language", "the pages of each language")
    site_url = config.site_url or "/"
    links: dict[str, list[tuple[str, str]]] = {}
    for files in per_language.values():
        for file in files:
            alternates = getattr(file, "alternates", None) or {}
            written = [(language, urljoin(site_url, other.url)) for language, other in sorted(alternates.items())
                       if getattr(other, "locale", None) == language]
            if len(written) > 1:
                links[file.url] = written
    return links


#: mkdocs-static-i18n's warning that its per-page language links break under instant
#: navigation; the portal fixes that (see ``split_language_links``), so it is dropped.
INSTANT_NAVIGATION_WARNING = "compatible with theme.features = navigation.instant"


class _InstantNavigationWarningFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return INSTANT_NAVIGATION_WARNING not in record.getMessage()


def silence_instant_navigation_warning() -> None:
    """Filter the warning, after checking that mkdocs-static-i18n still words it this way
    (a filter on a message's wording would otherwise silently stop working)."""
    from mkdocs_static_i18n import reconfigure

    if INSTANT_NAVIGATION_WARNING not in inspect.getsource(reconfigure):
        raise IncompatibleVersion(I18N, "its instant navigation warning", "the warning the portal filters")
    # The logger the module really writes to: under ProperDocs, MkDocs' plugin loggers are named
    # "properdocs.plugins.…", so a name written here would filter nothing there.
    logger = getattr(getattr(reconfigure, "log", None), "logger", None)
    if not isinstance(logger, logging.Logger):
        raise IncompatibleVersion(I18N, "its instant navigation warning", "a plugin logger named 'log'")
    if not any(isinstance(f, _InstantNavigationWarningFilter) for f in logger.filters):
        logger.addFilter(_InstantNavigationWarningFilter())


def copy_sitemap_for_language(site_dir: str, url_prefix: str, site_url: str) -> None:
    """Write ``<language>/sitemap.xml``: the pages of that language from the root sitemap.

    Material's language selector fetches the sitemap next to each language root in
    ``<head>`` to map the current page onto that language; it only needs that
    language's addresses. The root sitemap keeps every language: mkdocs-static-i18n
    gives every language's pages the site root as their base, so instant navigation
    on any page reads the root one.
    """
    if not url_prefix:
        return
    source = os.path.join(site_dir, "sitemap.xml")
    if not os.path.isfile(source):
        return
    target = os.path.join(site_dir, url_prefix, "sitemap.xml")
    with open(source, "rb") as handle:
        raw = handle.read()
    # ``serve --dirty`` writes the same root sitemap on most saves: parsing it again would be
    # work that grows with the portal for an unchanged answer.
    if _copied.get(target) == raw and os.path.isfile(target):
        return
    tree = etree.ElementTree(etree.fromstring(raw))
    language_root = urljoin(site_url or "/", url_prefix)
    for url in list(tree.getroot()):
        loc = url.findtext(f"{{{SITEMAP_NS}}}loc") or ""
        if not loc.startswith(language_root):
            tree.getroot().remove(url)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    tree.write(target, xml_declaration=True, encoding="UTF-8")
    _copied[target] = raw


#: The root sitemap each language's copy was last made from, by the copy's path.
_copied: dict[str, bytes] = {}


def building_another_language(config: MkDocsConfig) -> bool:
    """True inside mkdocs-static-i18n's build of a further language, which it runs from
    its own ``on_post_build`` of the default language: the site isn't complete yet."""
    i18n = config.plugins.get("i18n")
    return i18n is not None and bool(internal(I18N, i18n, "building", "whether it builds a further language"))


class NotFoundPages:
    """Keep the default language's ``404.html`` at the site root.

    mkdocs-static-i18n builds every language into the same site folder, and MkDocs
    writes ``404.html`` at its root each time: the last language's page won, so a
    Chinese reader on a missing address got the English page (searching the English
    index). The default language's page is remembered and put back; each other
    language's goes to its own folder (``en/404.html``).
    """

    def __init__(self) -> None:
        self._default: bytes | None = None

    def after_language(self, site_dir: str, language: BuildLanguage) -> None:
        page = os.path.join(site_dir, "404.html")
        if not os.path.isfile(page):
            return
        if language.current == language.default:
            with open(page, "rb") as handle:
                self._default = handle.read()
            return
        target = os.path.join(site_dir, language.url_prefix, "404.html")
        os.makedirs(os.path.dirname(target), exist_ok=True)
        os.replace(page, target)
        if self._default is not None:
            with open(page, "wb") as handle:
                handle.write(self._default)


class _QuietReconfiguration(logging.Filter):
    """Drops mkdocs-static-i18n's information lines ("Building 'zh' documentation…", "Overriding
    'en' config…") while a quick refresh switches language: they describe a build that isn't one."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING


#: Its modules' loggers (``get_plugin_logger(__name__)``); a filter acts on one logger only.
_I18N_LOGGERS = ("mkdocs.plugins.mkdocs_static_i18n.plugin", "mkdocs.plugins.mkdocs_static_i18n.reconfigure")


def restore_settings_by_copy(config: MkDocsConfig) -> None:
    """Make mkdocs-static-i18n restore the default language's settings from copies.

    Before a language's overrides are applied, its ``reset_to_original_config`` puts the saved
    originals back by assignment, and the overrides then update nested values (each palette
    entry's toggle name) in place: the saved originals become the last language's settings.
    From the second build on one configuration (every ``serve`` rebuild and quick refresh),
    Chinese pages showed the English labels. Restoring copies keeps the originals as saved.
    """
    i18n = config.plugins.get("i18n")
    if i18n is None or getattr(i18n, "_np_restores_copies", False):
        return
    internal(I18N, i18n, "reset_to_original_config", "restoring the default language's settings")

    def reset_to_original_config(config: MkDocsConfig) -> MkDocsConfig:
        originals = internal(I18N, i18n, "original_configs", "the settings saved before overrides")
        theme_originals = internal(I18N, i18n, "original_theme_configs", "the theme settings saved before overrides")
        for key, value in originals.items():
            config[key] = copy.deepcopy(value)
        for key, value in theme_originals.items():
            config.theme[key] = copy.deepcopy(value)
        return config

    i18n.reset_to_original_config = reset_to_original_config
    i18n._np_restores_copies = True


def switch_language(config: MkDocsConfig, language: str) -> MkDocsConfig:
    """Give ``config`` the settings of ``language``'s build again (a no-op without the i18n plugin).

    mkdocs-static-i18n builds each language on the same config, which its ``on_config``
    reconfigures for ``current_language`` (resetting what the previous language overrode);
    a quick refresh under ``serve`` draws pages of each language, so it asks for the same.
    """
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return config
    internal(I18N, i18n, "current_language", "the language being built")
    i18n.current_language = language
    quiet = _QuietReconfiguration()
    loggers = [logging.getLogger(name) for name in _I18N_LOGGERS]
    for logger in loggers:
        logger.addFilter(quiet)
    try:
        return i18n.on_config(config)
    finally:
        for logger in loggers:
            logger.removeFilter(quiet)
