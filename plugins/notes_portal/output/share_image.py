"""The picture of a note's share card: the first image in its text that a card can show.

Chat apps and forums (the OpenGraph and Twitter card readers) fetch ``og:image`` by its
absolute address and show raster images only: an SVG figure, a ``data:`` image or an emoji
drawn as an image is passed over for the next image, and a note with none gets no picture.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

#: Classes of images that are not figures: emoji as pymdownx.emoji draws them as images.
_NOT_FIGURES = frozenset({"twemoji", "emojione", "gemoji"})
#: What share card readers show (OpenGraph's and Twitter's documented formats).
_CARD_FORMATS = (".png", ".jpg", ".jpeg", ".gif", ".webp")
#: An ``<img>`` tag; only these are parsed, not the whole page (notes are long, images few).
_IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)


def share_image(html: str, page_url: str | None) -> str | None:
    """Absolute URL of the first image in ``html`` a share card can show; None when there is none
    or the page has no absolute address (``site_url`` unset: a card needs an absolute URL)."""
    if not page_url:
        return None
    for tag in _IMG_TAG.finditer(html):
        finder = _FirstImage(page_url)
        finder.feed(tag.group(0))
        finder.close()
        if finder.found is not None:
            return finder.found
    return None


class _FirstImage(HTMLParser):
    def __init__(self, page_url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.found: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.found is not None or tag != "img":
            return
        values = dict(attrs)
        source = (values.get("src") or "").strip()
        if not source or source.startswith("data:") or _NOT_FIGURES & set((values.get("class") or "").split()):
            return
        url = urljoin(self.page_url, source)
        if urlsplit(url).scheme in ("http", "https") and urlsplit(url).path.lower().endswith(_CARD_FORMATS):
            self.found = url

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
