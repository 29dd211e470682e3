"""How notes connect: related notes by shared tags and category, and backlinks.

Both are computed from the catalog alone (tags and link targets read from the
sources), so every note's lists are right whichever notes MkDocs renders.
"""

from __future__ import annotations

import itertools
from collections import Counter

from notes_portal.authoring.note_links import linked_src_uri, problem_number
from notes_portal.catalog.collect import Catalog
from notes_portal.catalog.tags import Tag, TagCatalog
from notes_portal.model.structure import Note

RELATED_LIMIT = 5


class Connections:
    """Related notes and backlinks of one language build's catalog."""

    def __init__(self, catalog: Catalog, tags: TagCatalog) -> None:
        self.catalog = catalog
        self.tags = tags
        #: Newest first, as in ``catalog.notes``: a note's rank breaks ties by recency.
        self.rank = {note.src_uri: index for index, note in enumerate(catalog.notes)}
        #: Each problem number's note, for ``lc:N`` links.
        self.problems = {note.leetcode.id: note.src_uri for note in catalog.notes if note.leetcode}
        self.backlinks = _backlinks(catalog, self.problems)
        self._members: dict[str, tuple[str, ...]] = {}

    def related(self, note: Note, limit: int = RELATED_LIMIT) -> list[Note]:
        """Notes sharing the most tags; then same category before others; then newest first.

        Runs for every note page, and a popular tag has hundreds of notes: the shared-tag counts
        are made by ``Counter`` in C, and only the best-scoring buckets are sorted in Python.
        """
        by_uri = self.catalog.by_src_uri
        shared = Counter(itertools.chain.from_iterable(self._tag_members(tag) for tag in self.tags.of(note)))
        shared.pop(note.src_uri, None)
        buckets: dict[int, list[str]] = {}
        for src_uri, count in shared.items():
            buckets.setdefault(count, []).append(src_uri)
        picked: list[str] = []
        for count in sorted(buckets, reverse=True):
            candidates = buckets[count]  # tags list published notes only (``collect_tags``)
            candidates.sort(key=lambda uri: (by_uri[uri].category != note.category, self.rank[uri]))
            picked.extend(candidates[:limit - len(picked)])
            if len(picked) >= limit:
                break
        for other in self.catalog.in_category(note.category):  # newest first
            if len(picked) >= limit:
                break
            if other is not note and not other.draft and other.src_uri not in shared:
                picked.append(other.src_uri)
        return [by_uri[uri] for uri in picked]

    def _tag_members(self, tag: Tag) -> tuple[str, ...]:
        members = self._members.get(tag.slug)
        if members is None:
            members = self._members[tag.slug] = tuple(other.src_uri for other in tag.notes)
        return members

    def linking_to(self, note: Note) -> list[Note]:
        """The notes whose text links to ``note``, newest first."""
        return self.backlinks.get(note.src_uri, [])

    def link_targets(self, note: Note) -> list[str | None]:
        """Where ``note``'s own links lead (a note's source path, or None): a link whose note was
        renamed or deleted then reads differently."""
        return _link_target_uris(note, self.problems)


def _link_target_uris(source: Note, problems: dict[int, str]) -> list[str | None]:
    """Where each of ``source``'s links leads: a note's source path (``lc:N`` by problem number),
    or None for a link to no note."""
    uris: list[str | None] = []
    for target in source.links:
        number = problem_number(target)
        uris.append(problems.get(number) if number is not None else linked_src_uri(target, source.src_uri))
    return uris


def _backlinks(catalog: Catalog, problems: dict[int, str]) -> dict[str, list[Note]]:
    """Each note's linking notes, in one pass over every note's link targets."""
    linking: dict[str, list[Note]] = {}
    for source in catalog.notes:  # newest first, so every list is too
        if source.draft:
            continue
        targets = set()
        for src_uri in _link_target_uris(source, problems):
            if src_uri and src_uri != source.src_uri and src_uri in catalog.by_src_uri:
                targets.add(src_uri)
        for src_uri in targets:
            linking.setdefault(src_uri, []).append(source)
    return linking
