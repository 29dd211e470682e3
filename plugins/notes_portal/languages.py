"""Which language the current build is for, as mkdocs-static-i18n reconfigured it."""

from __future__ import annotations

import copy
from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig


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
