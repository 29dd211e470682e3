"""How notes connect: related notes by shared tags and category, and backlinks.

Both are computed from the catalog alone (tags and link targets read from the
sources), so every note's lists are right whichever notes MkDocs renders.
"""

from __future__ import annotations

import heapq
from collections import Counter

from notes_portal.catalog.collect import Catalog
from notes_portal.catalog.note_links import linked_src_uri, problem_number
from notes_portal.catalog.structure import Note
from notes_portal.catalog.tags import TagCatalog

RELATED_LIMIT = 5


class Connections:
    """Related notes and backlinks of one language build's catalog."""

    def __init__(self, catalog: Catalog, tags: TagCatalog) -> None:
        self.catalog = catalog
        self.tags = tags
        #: Newest first, as in ``catalog.notes``: a note's rank breaks ties by recency.
        self.rank = {note.src_uri: index for index, note in enumerate(catalog.notes)}
        self.backlinks = _backlinks(catalog)

    def related(self, note: Note, limit: int = RELATED_LIMIT) -> list[Note]:
        """Notes sharing the most tags; then same category before others; then newest first."""
        shared: Counter[str] = Counter()
        for tag in self.tags.of(note):
            for other in tag.notes:
                shared[other.src_uri] += 1
        shared.pop(note.src_uri, None)
        by_uri = self.catalog.by_src_uri

        def order(src_uri: str) -> tuple[int, bool, int]:
            return -shared[src_uri], by_uri[src_uri].category != note.category, self.rank[src_uri]

        picked = heapq.nsmallest(limit, (uri for uri in shared if uri in by_uri and not by_uri[uri].draft),
                                 key=order)
        for other in self.catalog.in_category(note.category):  # newest first
            if len(picked) >= limit:
                break
            if other is not note and not other.draft and other.src_uri not in shared:
                picked.append(other.src_uri)
        return [by_uri[uri] for uri in picked]

    def linking_to(self, note: Note) -> list[Note]:
        """The notes whose text links to ``note``, newest first."""
        return self.backlinks.get(note.src_uri, [])


def _backlinks(catalog: Catalog) -> dict[str, list[Note]]:
    """Each note's linking notes, in one pass over every note's link targets."""
    problems = {note.leetcode.id: note.src_uri for note in catalog.notes if note.leetcode}
    linking: dict[str, list[Note]] = {}
    for source in catalog.notes:  # newest first, so every list is too
        if source.draft:
            continue
        targets = set()
        for target in source.links:
            number = problem_number(target)
            src_uri = problems.get(number) if number is not None else linked_src_uri(target, source.src_uri)
            if src_uri and src_uri != source.src_uri and src_uri in catalog.by_src_uri:
                targets.add(src_uri)
        for src_uri in targets:
            linking.setdefault(src_uri, []).append(source)
    return linking
