"""The portal's own pages by kind and source path: what a page shows, and where it lives.

Plain names and paths, shared by the views (which say what each page shows) and ``output.pages``
(which adds the pages to MkDocs' files).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

HOME = "home"
CATEGORY = "category"
LEETCODE = "leetcode"
#: A page of the LeetCode index: one number range (``leetcode/1-100/``) or one topic.
LEETCODE_LIST = "leetcode-list"
#: The tag index, one tag's notes (paginated), and the archive by year and month.
TAGS = "tags"
TAG = "tag"
ARCHIVE = "archive"


@dataclass(frozen=True)
class PortalPage:
    """What the plugin shows on one page; looked up by the page's source URI."""

    kind: str
    #: Page number, 1 for the first page of a feed.
    number: int = 1
    category: str | None = None
    #: Base URL of the paginated list, relative to the site root (``""``, ``en/nlp/``).
    base_url: str = ""
    #: True when the author wrote the page; the plugin then fills a marker in it.
    authored: bool = False
    #: For ``LEETCODE_LIST``: the path below the LeetCode folder (``1-100``, ``topics/graph``).
    listing: str | None = None
    #: For ``TAG``: the tag's slug.
    tag: str | None = None


@dataclass(frozen=True)
class TagPageSpec:
    """What ``add_portal_pages`` needs to know of a tag: where its pages go and how many."""

    slug: str
    name: str
    count: int
    #: Its slug in every language, for the language selector (``{zh: 深度学习, en: deep-learning}``).
    slugs: Mapping[str, str] = field(default_factory=dict)


def home_src_uri(number: int) -> str:
    return listing_src_uri("", number)


def category_src_uri(slug: str, number: int) -> str:
    return listing_src_uri(f"{slug}/", number)


def tag_src_uri(slug: str, number: int) -> str:
    return listing_src_uri(f"tags/{slug}/", number)


def listing_src_uri(folder: str, number: int) -> str:
    """Page ``number`` of a paginated list in ``folder`` (``""`` or ending with ``/``)."""
    return f"{folder}index.md" if number == 1 else f"{folder}page/{number}/index.md"
