"""The catalog's tags: spellings folded into one tag each, with a readable, unique slug.

Authors write ``Transformer`` in one note and ``transformer`` or a full-width
``Ｔｒａｎｓｆｏｒｍｅｒ`` in another; readers mean one tag. Tags are folded by
NFKC and case, and shown as most notes spell them. Slugs keep Chinese readable
(``/tags/注意力/``): browsers percent-encode them on the wire, servers decode them.

A tag is one concept in every language (``authoring.tag_names``): on the English site it shows
its English name, when the author gave one, under a slug made from that name.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from notes_portal.model.structure import Note
from notes_portal.model.tag_words import tag_key, tag_slug

if TYPE_CHECKING:
    from notes_portal.authoring.tag_names import TagNames

@dataclass
class Tag:
    """One tag of the catalog, with its notes newest first."""

    #: Its name and slug on the site being built.
    name: str
    slug: str
    notes: list[Note] = field(default_factory=list)
    #: Every spelling the notes used, most used first.
    spellings: tuple[str, ...] = ()
    #: Its name and slug in every language of the site: the language selector on a tag's page
    #: leads to the same tag in the other language.
    names: dict[str, str] = field(default_factory=dict)
    slugs: dict[str, str] = field(default_factory=dict)
    #: What every spelling and name of it folds to (``TagNames.concept``).
    concept: str = ""

    @property
    def count(self) -> int:
        return len(self.notes)


@dataclass
class TagCatalog:
    """Every tag of one language build, and each note's tags, in one pass over the notes."""

    tags: list[Tag]
    #: Concept → tag.
    by_key: dict[str, Tag]
    names: TagNames
    #: Every tag page asks for its tag: a dict, not a scan of the tags.
    _by_slug: dict[str, Tag] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_slug = {tag.slug: tag for tag in self.tags}

    def of(self, note: Note) -> list[Tag]:
        """The note's tags, in the order it declares them, each once."""
        keys = dict.fromkeys(self.names.concept(tag) for tag in note.tags if tag_key(tag))
        return [self.by_key[key] for key in keys if key in self.by_key]

    def concept(self, tag: str) -> str:
        """What ``tag`` folds to: a topic's name and the tag spelled as it are one concept."""
        return self.names.concept(tag)

    def by_slug(self, slug: str) -> Tag | None:
        return self._by_slug.get(slug)

    @property
    def merged(self) -> list[Tag]:
        """Tags written more than one way: the build log says how they were folded."""
        return [tag for tag in self.tags if len(tag.spellings) > 1]


def collect_tags(notes: list[Note], names: TagNames | None = None, language: str | None = None,
                 languages: tuple[str, ...] = ()) -> TagCatalog:
    """Fold the tags of ``notes`` (newest first; drafts are skipped) into a ``TagCatalog`` of
    ``language``'s site (the default language when not given), with each tag's name and slug in
    ``languages`` too.

    Tags come sorted by count, then by name, which is the order of the tag index.
    """
    if names is None:
        from notes_portal.authoring.tag_names import TagNames

        names = TagNames()
    language = language or names.default_language
    languages = tuple(dict.fromkeys((names.default_language, *languages, language)))
    notes_by_key: dict[str, list[Note]] = {}
    spellings: dict[str, Counter[str]] = {}
    for note in notes:
        if note.draft:
            continue
        for tag in note.tags:
            if not tag_key(tag):
                continue
            key = names.concept(tag)
            members = notes_by_key.setdefault(key, [])
            if not members or members[-1] is not note:
                members.append(note)
            spellings.setdefault(key, Counter())[tag.strip()] += 1
    tags = []
    for key, members in notes_by_key.items():
        ranked = tuple(s for s, _ in sorted(spellings[key].items(), key=lambda item: (-item[1], item[0])))
        # The default language's name is the author's (the ``tags`` option's key, a topic's name),
        # else as most notes write it; another language's name is the author's, else the same.
        written = names.name(key, names.default_language) or ranked[0]
        per_language = {code: names.name(key, code) or written for code in languages}
        tags.append(Tag(name=per_language[language], slug="", notes=members, spellings=ranked,
                        names=per_language, concept=key))
    for code in languages:
        _give_slugs(tags, code)
    for tag in tags:
        tag.slug = tag.slugs[language]
    tags.sort(key=lambda tag: (-tag.count, tag.name))
    return TagCatalog(tags=tags, by_key={tag.concept: tag for tag in tags}, names=names)


def _give_slugs(tags: list[Tag], language: str) -> None:
    """A slug per tag in ``language``; two tags whose slugs collide (``a b`` and ``a-b``) get ``-2``,
    ``-3`` in the order of their names, so every language's build gives a tag the same slugs."""
    taken: set[str] = set()
    for tag in sorted(tags, key=lambda tag: tag.names[language]):
        base = slug = tag_slug(tag.names[language])
        number = 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug)
        tag.slugs[language] = slug
