"""Structure types shared by the catalog, the feed, the tiles and the indexes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.structure.files import File


@dataclass(frozen=True)
class Category:
    """A declared category, already resolved to the language being built."""

    slug: str
    name: str
    icon: str
    description: str
    order: int


@dataclass(frozen=True)
class LeetCodeInfo:
    """The ``leetcode`` block of a note, validated."""

    id: int
    difficulty: str | None
    #: Topic names as authors write them (the configured ``name``).
    topics: tuple[str, ...]
    #: The problem's URL slug, taken from a file name like ``0076-minimum-window-substring.md``.
    slug: str | None
    #: False when the note has no ``leetcode.topics``: its tags that name a topic count instead.
    topics_declared: bool = True


@dataclass(frozen=True)
class ExcerptPart:
    """A run of an excerpt's text, or one inline formula of it."""

    #: What a reader of plain text sees: the text itself, or the formula as text (``D_KL(p ‖ q)``).
    text: str
    #: The formula's TeX, without delimiters, for a part that is inline math; None for text.
    tex: str | None = None


@dataclass(frozen=True)
class Excerpt:
    """The opening of a note as feeds show it: text, and inline formulas kept whole.

    HTML feeds typeset each formula with the site's KaTeX (``partials/np-note-list.html``);
    plain-text places (Atom) use ``text``, where formulas read as text.
    """

    parts: tuple[ExcerptPart, ...] = ()

    @property
    def text(self) -> str:
        return "".join(part.text for part in self.parts)

    def __bool__(self) -> bool:
        return bool(self.parts)

    def to_json(self) -> list[list[str | None]]:
        """As the build cache keeps it."""
        return [[part.text, part.tex] for part in self.parts]

    @classmethod
    def from_json(cls, data: object) -> Excerpt | None:
        """An excerpt kept by ``to_json``, or None for anything else (an entry of another shape)."""
        if not isinstance(data, list):
            return None
        parts = []
        for item in data:
            if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], str)
                    and (item[1] is None or isinstance(item[1], str))):
                return None
            parts.append(ExcerptPart(item[0], item[1]))
        return cls(tuple(parts))


@dataclass
class NoteMeta:
    """What the front matter (and fallbacks) say about a note, before any build state."""

    title: str
    date: dt.date | None
    updated: dt.date | None
    tags: list[str]
    summary: str | None
    draft: bool
    leetcode: LeetCodeInfo | None


@dataclass
class Note:
    """One note as seen by the build of one language."""

    file: File
    #: Source path without the language suffix: the same for a note and its translation.
    src_uri: str
    category: str
    meta: NoteMeta
    #: Language of the text (``zh`` for a Chinese note shown on the English site).
    lang: str
    #: False when the build language has no translation and the note falls back.
    translated: bool
    date: dt.date
    updated: dt.date | None
    excerpt: Excerpt = Excerpt()
    reading_minutes: int = 1
    #: Link targets written in the note's Markdown, outside code (``authoring.note_links``).
    links: tuple[str, ...] = ()
    #: A translation's original's tags: a translation shows them (``authoring.tag_names``); None for
    #: a note in the default language, an untranslated one and a translation without an original.
    original_tags: tuple[str, ...] | None = None

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def tags(self) -> list[str]:
        """The tags this note is listed under, in every language: its original's, else its own."""
        return list(self.original_tags) if self.original_tags is not None else self.meta.tags

    @property
    def url(self) -> str:
        return self.file.url

    @property
    def draft(self) -> bool:
        return self.meta.draft

    @property
    def leetcode(self) -> LeetCodeInfo | None:
        return self.meta.leetcode

    @property
    def sort_date(self) -> dt.date:
        """The date a reader cares about in "latest updates": the last change."""
        return self.updated or self.date


@dataclass
class Diagnostic:
    """A problem found in a note, reported as ``path:line: field: message``."""

    path: str
    line: int
    field: str
    message: str
    #: ``warning`` or ``error``, which both fail ``mkdocs build --strict``; or ``info``: worth
    #: knowing (how a field was read), not a problem.
    level: str = "warning"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


@dataclass
class ParsedNote:
    """Result of reading one note's source: its metadata and what was wrong with it."""

    meta: NoteMeta
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: Link targets written in the text, outside code: where its backlinks come from.
    links: tuple[str, ...] = ()
    #: The front matter mapping as written (empty when it couldn't be read): MkDocs' page meta
    #: is made of it (``authoring.frontmatter.page_meta``), so the YAML is parsed once.
    fields: dict = field(default_factory=dict)
