"""The catalog's tags: spellings folded into one tag each, with a readable, unique slug.

Authors write ``Transformer`` in one note and ``transformer`` or a full-width
``Ｔｒａｎｓｆｏｒｍｅｒ`` in another; readers mean one tag. Tags are folded by
NFKC and case, and shown as most notes spell them. Slugs keep Chinese readable
(``/tags/注意力/``): browsers percent-encode them on the wire, servers decode them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from notes_portal.catalog.structure import Note

_SPACES = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[^\w]+")
#: Kept as words, so that ``C++`` and ``C#`` don't both become ``c``.
_SYMBOL_WORDS = {"+": "plus", "#": "sharp"}


def tag_key(tag: str) -> str:
    """What two spellings of one tag have in common."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", tag)).strip().casefold()


def tag_slug(tag: str) -> str:
    """``Large Model`` → ``large-model``; ``注意力`` → ``注意力``; ``C++`` → ``cplusplus``."""
    text = tag_key(tag)
    for symbol, word in _SYMBOL_WORDS.items():
        text = text.replace(symbol, word)
    return _NOT_WORD.sub("-", text).strip("-_") or "tag"


@dataclass
class Tag:
    """One tag of the catalog, with its notes newest first."""

    name: str
    slug: str
    notes: list[Note] = field(default_factory=list)
    #: Every spelling the notes used, most used first.
    spellings: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        return len(self.notes)


@dataclass
class TagCatalog:
    """Every tag of one language build, and each note's tags, in one pass over the notes."""

    tags: list[Tag]
    by_key: dict[str, Tag]
    #: Every tag page asks for its tag: a dict, not a scan of the tags.
    _by_slug: dict[str, Tag] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_slug = {tag.slug: tag for tag in self.tags}

    def of(self, note: Note) -> list[Tag]:
        """The note's tags, in the order it declares them, each once."""
        keys = dict.fromkeys(tag_key(tag) for tag in note.meta.tags if tag_key(tag))
        return [self.by_key[key] for key in keys if key in self.by_key]

    def by_slug(self, slug: str) -> Tag | None:
        return self._by_slug.get(slug)

    @property
    def merged(self) -> list[Tag]:
        """Tags written more than one way: the build log says how they were folded."""
        return [tag for tag in self.tags if len(tag.spellings) > 1]


def collect_tags(notes: list[Note]) -> TagCatalog:
    """Fold the tags of ``notes`` (newest first; drafts are skipped) into a ``TagCatalog``.

    Tags come sorted by count, then by name, which is the order of the tag index.
    """
    notes_by_key: dict[str, list[Note]] = {}
    spellings: dict[str, Counter[str]] = {}
    for note in notes:
        if note.draft:
            continue
        for tag in note.meta.tags:
            key = tag_key(tag)
            if not key:
                continue
            members = notes_by_key.setdefault(key, [])
            if not members or members[-1] is not note:
                members.append(note)
            spellings.setdefault(key, Counter())[tag.strip()] += 1
    tags = []
    for key, members in notes_by_key.items():
        ranked = sorted(spellings[key].items(), key=lambda item: (-item[1], item[0]))
        tags.append(Tag(name=ranked[0][0], slug="", notes=members, spellings=tuple(s for s, _ in ranked)))
    tags.sort(key=lambda tag: (-tag.count, tag.name))
    _give_slugs(sorted(tags, key=lambda tag: tag.name))
    return TagCatalog(tags=tags, by_key={tag_key(tag.name): tag for tag in tags})


def _give_slugs(tags: list[Tag]) -> None:
    """A slug per tag; two tags whose slugs collide (``a b`` and ``a-b``) get ``-2``, ``-3``."""
    taken: set[str] = set()
    for tag in tags:
        base = slug = tag_slug(tag.name)
        number = 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug)
        tag.slug = slug
