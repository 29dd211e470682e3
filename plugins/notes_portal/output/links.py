"""Link rewriting in rendered notes: ``lc:N`` cross-links and script URLs."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

#: ``href``/``src`` with a double-quoted, single-quoted or unquoted value (raw HTML has all
#: three) that holds a scheme or an entity: a relative link can be neither, so the common
#: case costs no Python call.
HREF = re.compile(r"""\b(?P<name>href|src)\s*=\s*(?:"(?P<double>[^"]*[:&][^"]*)"|'(?P<single>[^']*[:&][^']*)'"""
                  r"""|(?P<bare>[^\s"'>]*[:&][^\s"'>]*))""", re.IGNORECASE)
SAFE_SCHEMES = ("https://", "http://", "mailto:")
CROSS_LINK = re.compile(r"^lc:(?P<id>\d+)(?P<fragment>#.*)?$")
#: Schemes that run code in the reader's browser when a link is followed.
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


def rewrite_links(page_html: str, resolve_problem: Callable[[int], str],
                  on_script_link: Callable[[str], None]) -> str:
    """Point ``lc:N`` links at the problem's note and disarm script URLs.

    ``resolve_problem`` returns the URL for a problem number (our note, or the
    statement when there is none); ``on_script_link`` reports a disarmed URL.
    """
    if not might_need_rewriting(page_html):
        return page_html

    def replace(match: re.Match[str]) -> str:
        raw = next(v for v in (match.group("double"), match.group("single"), match.group("bare")) if v is not None)
        if raw.startswith(SAFE_SCHEMES):
            return match.group(0)
        value = html.unescape(raw)
        cross_link = CROSS_LINK.match(value)
        if cross_link:
            url = resolve_problem(int(cross_link.group("id"))) + (cross_link.group("fragment") or "")
            return f'{match.group("name")}="{html.escape(url, quote=True)}"'
        if is_script_url(value):
            on_script_link(value)
            return f'{match.group("name")}="#"'
        return match.group(0)

    return HREF.sub(replace, page_html)


def might_need_rewriting(page_html: str) -> bool:
    """Cheap test (substring searches) before the attribute scan: without ``lc:``, a script
    scheme, or a character reference inside a tag (which could spell one), nothing changes."""
    lowered = page_html.lower()
    if "lc:" in lowered or "script" in lowered or "data:" in lowered:
        return True
    return _reference_inside_tag(lowered, "&#") or _reference_inside_tag(lowered, "&colon")


def _reference_inside_tag(page_html: str, reference: str) -> bool:
    """True when ``reference`` stands inside a tag, not in text (code is full of ``&#39;``)."""
    position = page_html.find(reference)
    while position >= 0:
        if page_html.rfind("<", 0, position) > page_html.rfind(">", 0, position):
            return True
        position = page_html.find(reference, position + 1)
    return False


def is_script_url(url: str) -> bool:
    """True for ``javascript:`` and friends, however they are cased or padded."""
    return INVISIBLE.sub("", url).lower().startswith(SCRIPT_SCHEMES)
