"""Which language the current build is for, as mkdocs-static-i18n reconfigured it."""

from __future__ import annotations

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
