"""Which language the current build is for, as mkdocs-static-i18n reconfigured it."""

from __future__ import annotations

import copy
import logging
from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files


@dataclass(frozen=True)
class BuildLanguage:
    current: str
    default: str
    languages: tuple[str, ...]

    @property
    def url_prefix(self) -> str:
        """``""`` for the default language at ``/``, ``en/`` for English at ``/en/``."""
        return "" if self.current == self.default else f"{self.current}/"


def build_language(config: MkDocsConfig) -> BuildLanguage:
    """Read the language of this build from the i18n plugin, else from the theme."""
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "current_language", None):
        languages = tuple(getattr(i18n, "build_languages", None) or (i18n.current_language,))
        return BuildLanguage(i18n.current_language, i18n.default_language, languages)
    language = str(config.theme.get("language") or "en")
    return BuildLanguage(language, language, (language,))


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
    roots = getattr(i18n, "extra_alternate", None)
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
    per_language = getattr(i18n, "i18n_files_per_language", None)
    if isinstance(per_language, dict):
        per_language[language.current] = files.documentation_pages()


class _InstantNavigationWarningFilter(logging.Filter):
    """Drop mkdocs-static-i18n's warning that its per-page language links break under
    ``navigation.instant``: the portal fixes that (see ``split_language_links``)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "not compatible with theme.features = navigation.instant" not in record.getMessage()


def silence_instant_navigation_warning() -> None:
    logger = logging.getLogger("mkdocs.plugins.mkdocs_static_i18n.reconfigure")
    if not any(isinstance(f, _InstantNavigationWarningFilter) for f in logger.filters):
        logger.addFilter(_InstantNavigationWarningFilter())
