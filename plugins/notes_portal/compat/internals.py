"""Reaching into a third-party package, loudly.

Every internal the portal uses is read through ``internal()``, which names the
package, its installed version and the versions the portal was verified against
when the internal is gone, instead of failing somewhere later with an
``AttributeError`` (or, worse, quietly building a wrong site).
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Any

from mkdocs.exceptions import PluginError

#: The versions each use below was verified against; they are the ones `make test-compat` tests.
VERIFIED = {
    "mkdocs": "1.6.1",
    "mkdocs-material": "9.7.0 to 9.8.2",
    "mkdocs-static-i18n": "1.3.1",
    "mkdocs-glightbox": "0.5.3",
}

_MISSING = object()


def installed(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "(not installed)"


def internal(package: str, owner: Any, name: str, what: str) -> Any:
    """``owner.name``, an internal of ``package`` (``what`` says what the portal needs it for)."""
    value = getattr(owner, name, _MISSING)
    if value is _MISSING:
        raise IncompatibleVersion(package, f"{type(owner).__name__}.{name}", what)
    return value


class IncompatibleVersion(PluginError):
    def __init__(self, package: str, internal_name: str, what: str) -> None:
        super().__init__(
            f"notes-portal: {package} {installed(package)} no longer has {internal_name} ({what}); "
            f"notes-portal was verified against {package} {VERIFIED.get(package, '?')}. "
            f"Install a verified version (see pyproject.toml).")
