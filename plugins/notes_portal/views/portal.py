"""Per-build state of the portal: the catalog of one language and the views made from it.

A ``Portal`` lives for exactly one build of one language. The plugin makes a
new one in ``on_files`` of every build, so nothing leaks between the zh and en
builds of mkdocs-static-i18n or between ``mkdocs serve`` rebuilds.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from notes_portal.catalog.collect import Catalog
from notes_portal.compat.i18n import BuildLanguage, normalized_src_uri
from notes_portal.config import NotesPortalConfig
from notes_portal.model.structure import Category, Note
from notes_portal.views.activity import Calendar, activity_calendar, activity_counts
from notes_portal.views.archive import ArchiveYear, archive_years
from notes_portal.views.connections import Connections
from notes_portal.views.feed import FeedEntry, display_title, feed_entries
from notes_portal.views.labels import labels_for
from notes_portal.views.leetcode import (
    LeetCodeIndex,
    ListData,
    NumberRange,
    ProblemRow,
    TopicSection,
    build_index,
    statement_url,
    topics_for,
)
from notes_portal.views.note_facts import NoteView, TagLink, note_view, tag_link
from notes_portal.views.pagination import Paginated, paginate
from notes_portal.views.portal_pages import (
    ARCHIVE,
    CATEGORY,
    HOME,
    LEETCODE,
    LEETCODE_LIST,
    TAG,
    TAGS,
    PortalPage,
)
from notes_portal.views.tiles import Tile, build_tiles

#: The archive's calendar covers a year; the home page's compact one half of it.
ARCHIVE_WEEKS = 53
HOME_WEEKS = 26


@dataclass
class PageView:
    """Everything an ``np-*.html`` template shows, as ``np`` in its context."""

    kind: str
    t: Mapping[str, str]
    language: str
    url_prefix: str
    feed: Paginated[FeedEntry] | None = None
    tiles: list[Tile] = field(default_factory=list)
    category: Category | None = None
    leetcode: LeetCodeIndex | None = None
    #: On the LeetCode index: where its tabs, filter and sort load every problem from.
    leetcode_data: ListData | None = None
    #: On a page of the LeetCode index: the number range or the topic it lists.
    listing: NumberRange | TopicSection | None = None
    #: On the tag index: every tag; on a tag's page: that tag.
    tags: list[TagLink] = field(default_factory=list)
    tag: TagLink | None = None
    archive: list[ArchiveYear] = field(default_factory=list)
    calendar: Calendar | None = None


def src_uri_to_url(src_uri: str, url_prefix: str) -> str:
    """``leetcode/1-100/index.md`` → ``leetcode/1-100/`` (``en/leetcode/1-100/`` on en)."""
    return url_prefix + src_uri[: -len("index.md")]


class Portal:
    def __init__(self, config: NotesPortalConfig, language: BuildLanguage, catalog: Catalog,
                 pages: dict[str, PortalPage]) -> None:
        self.config = config
        self.language = language
        self.catalog = catalog
        self.pages = pages
        self.sections: dict[str, Section] = {}

    # Views are made on first use: by then MkDocs has rendered every note, so
    # excerpts and reading times are known.
    @cached_property
    def entries(self) -> list[FeedEntry]:
        return feed_entries(self.catalog.notes, self.catalog.categories, self.language.current)

    @cached_property
    def entry_for(self) -> dict[str, FeedEntry]:
        return {note.src_uri: entry for note, entry in zip(self.catalog.notes, self.entries, strict=True)}

    @cached_property
    def connections(self) -> Connections:
        return Connections(self.catalog, self.catalog.tags)

    @cached_property
    def activity(self) -> Counter[dt.date]:
        return activity_counts(self.catalog.notes)

    def calendar(self, weeks: int, *, compact: bool) -> Calendar | None:
        return activity_calendar(self.activity, dt.date.today(), self.language.current, weeks=weeks,
                                 compact=compact)

    def note_view(self, note: Note) -> NoteView:
        """The facts, related notes and backlinks shown on ``note``'s page."""
        category = self.catalog.category(note.category)
        assert category is not None, f"{note.src_uri}: category {note.category!r} is not declared"
        return note_view(
            note, category=category, tags=self.catalog.tags.of(note),
            related=self.connections.related(note), backlinks=self.connections.linking_to(note),
            problem=self.problem_row(note) if note.leetcode else None,
            language=self.language.current, url_prefix=self.language.url_prefix, concept=self.catalog.tags.concept)

    def links_fingerprint(self, note: Note) -> str:
        """What decides ``note``'s page besides its source and is cheap to know for every note: its
        dates (from git where the note gives none), its tags
        as folded, its backlinks, its related notes, its previous and next notes in the category,
        where its own links lead, and its category's name, each with the titles shown
        (``serve --dirty`` draws the note again when any of them changes)."""
        def shown(other: Note | None) -> tuple[str, str, bool] | None:  # as a list shows it; untranslated: marked
            return (display_title(other), other.url, other.translated) if other is not None else None

        tags = [(tag.name, tag.slug) for tag in self.catalog.tags.of(note)]
        members = self.catalog.in_category(note.category)
        index = self.position_in_category.get(note.src_uri)
        neighbours = [shown(members[i]) if index is not None and 0 <= i < len(members) else None
                      for i in ((index or 0) - 1, (index or 0) + 1)]
        category = self.catalog.category(note.category)
        return repr((note.date, note.updated, tags, [shown(other) for other in self.connections.linking_to(note)],
                     [shown(other) for other in self.connections.related(note)], neighbours,
                     [shown(self.catalog.by_src_uri.get(uri)) for uri in self.connections.link_targets(note)],
                     category.name if category else None))

    def renew_feed_entries(self, src_uris: set[str]) -> None:
        """Make these notes' feed entries again: their excerpt or reading time changed after the
        feeds were made (a quick refresh under ``serve``, ``serve.serve_refresh``). Only their
        entries are replaced, in every list that holds them, so a save costs the same at any size."""
        if "entries" not in self.__dict__:
            return  # not made yet: they will be made with what the notes say now
        for src_uri in src_uris:
            note = self.catalog.by_src_uri.get(src_uri)
            position = _position(self.catalog.notes, note)
            if note is None or position is None:
                continue
            new = feed_entries([note], self.catalog.categories, self.language.current)[0]
            self.entries[position] = new
            if "entry_for" in self.__dict__:
                self.entry_for[src_uri] = new
            if "entries_by_category" in self.__dict__:
                members = self.entries_by_category[note.category]
                members[self.position_in_category[src_uri]] = new

    def pages_listing(self, src_uris: set[str]) -> list[str]:
        """The portal pages whose feed lists one of these notes: they show its excerpt and reading
        time. Found by each note's place in the lists those feeds page through (home: every note;
        its category; each of its tags), so a save costs the same on any size of portal."""
        per_page = max(self.config.per_page, 1)
        found: set[str] = set()
        for src_uri in src_uris:
            note = self.catalog.by_src_uri.get(src_uri)
            if note is None:
                continue
            places = [(HOME, "", _position(self.catalog.notes, note)),
                      (CATEGORY, note.category, self.position_in_category.get(src_uri))]
            places += [(TAG, tag.slug, _position(tag.notes, note)) for tag in self.catalog.tags.of(note)]
            for kind, key, position in places:
                page = self._feed_pages.get((kind, key, position // per_page + 1)) if position is not None else None
                if page is not None:
                    found.add(page)
        return sorted(found)

    @cached_property
    def _feed_pages(self) -> dict[tuple[str, str, int], str]:
        """(kind, category or tag slug, page number) → source URI, for every page of a feed."""
        return {(page.kind, page.category or page.tag or "", page.number): src_uri
                for src_uri, page in self.pages.items() if page.kind in (HOME, CATEGORY, TAG)}

    @cached_property
    def position_in_category(self) -> dict[str, int]:
        return {note.src_uri: index for notes in self.catalog.by_category.values()
                for index, note in enumerate(notes)}

    @cached_property
    def entries_by_category(self) -> dict[str, list[FeedEntry]]:
        grouped: dict[str, list[FeedEntry]] = {c.slug: [] for c in self.catalog.categories}
        for entry in self.entries:
            grouped[entry.category_slug].append(entry)
        return grouped

    @cached_property
    def leetcode_index(self) -> LeetCodeIndex:
        leetcode = self.config.leetcode
        return build_index(
            self.catalog.in_category(leetcode.category),
            topics_for(leetcode.topics, self.language.current),
            self.language.current,
            leetcode.range_size,
            leetcode.problem_url,
            leetcode.search_url,
            {page.listing: src_uri_to_url(src_uri, self.language.url_prefix)
             for src_uri, page in self.pages.items() if page.kind == LEETCODE_LIST and page.listing},
        )

    @cached_property
    def leetcode_data(self) -> ListData | None:
        """Every problem in compact JSON for the index page, None when the build has no index page."""
        if not any(page.kind == LEETCODE for page in self.pages.values()):
            return None
        return ListData(self.leetcode_index, f"{self.language.url_prefix}{self.config.leetcode.category}/")

    @cached_property
    def tiles(self) -> list[Tile]:
        counts = [(d, n) for d, _, n in self.leetcode_index.difficulty_counts]
        return build_tiles(self.catalog.categories, self.catalog.by_category, self.language.url_prefix,
                           self.config.leetcode.category, counts)

    def note_for(self, src_uri: str) -> Note | None:
        return self.catalog.by_src_uri.get(src_uri)

    def view_for(self, src_uri: str) -> PageView | None:
        page = self.pages.get(src_uri)
        if page is None:
            return None
        view = PageView(kind=page.kind, t=labels_for(self.language.current),
                        language=self.language.current, url_prefix=self.language.url_prefix)
        per_page = self.config.per_page
        if page.kind == HOME:
            view.feed = paginate(self.entries, per_page, page.number, page.base_url)
            view.tiles = self.tiles if page.number == 1 else []
            view.calendar = self.calendar(HOME_WEEKS, compact=True) if page.number == 1 else None
        elif page.kind == CATEGORY:
            view.category = self.catalog.category(page.category or "")
            members = self.entries_by_category.get(page.category or "", [])
            view.feed = paginate(members, per_page, page.number, page.base_url)
        elif page.kind == LEETCODE:
            view.category = self.catalog.category(page.category or "")
            view.leetcode = self.leetcode_index
            view.leetcode_data = self.leetcode_data
        elif page.kind == LEETCODE_LIST:
            view.category = self.catalog.category(page.category or "")
            view.leetcode = self.leetcode_index
            view.listing = self._listing(page.listing or "")
        elif page.kind == TAGS:
            view.tags = [tag_link(tag, self.language.url_prefix) for tag in self.catalog.tags.tags]
        elif page.kind == TAG:
            tag = self.catalog.tags.by_slug(page.tag or "")
            if tag is not None:
                view.tag = tag_link(tag, self.language.url_prefix)
                view.feed = paginate([self.entry_for[note.src_uri] for note in tag.notes], per_page,
                                     page.number, page.base_url)
        elif page.kind == ARCHIVE:
            view.archive = archive_years(self.catalog.notes, self.language.current)
            view.calendar = self.calendar(ARCHIVE_WEEKS, compact=False)
        return view

    def _listing(self, path: str) -> NumberRange | TopicSection | None:
        index = self.leetcode_index
        if path.startswith("topics/"):
            return next((s for s in index.topics if s.topic.slug == path[len("topics/"):]), None)
        return next((r for r in index.ranges if r.slug == path), None)

    def attach_navigation(self, nav: Navigation) -> None:
        """Remember each category's navigation section (the one holding its index page)."""
        for item in nav.items:
            for child in getattr(item, "children", None) or []:
                file = getattr(child, "file", None)
                src_uri = file and normalized_src_uri(file)
                if src_uri and src_uri.endswith("/index.md") and src_uri.count("/") == 1:
                    self.sections[src_uri.split("/", 1)[0]] = item
                    break

    def place_in_category(self, page: Page, note: Note) -> None:
        """Breadcrumbs and previous/next within the category, also for notes the
        navigation doesn't list: previous is the newer note, next the older one."""
        section = self.sections.get(note.category)
        if page.parent is None and section is not None:
            page.parent = section
            page.active = True  # re-mark now that there is a parent: expands the section
        members = self.catalog.in_category(note.category)
        index = self.position_in_category[note.src_uri]
        page.previous_page = members[index - 1].file.page if index > 0 else None
        page.next_page = members[index + 1].file.page if index + 1 < len(members) else None

    @cached_property
    def _rows_by_url(self) -> dict[str, ProblemRow]:
        return {row.url: row for row in self.leetcode_index.rows}

    def problem_row(self, note: Note) -> ProblemRow | None:
        return self._rows_by_url.get(note.url)

    def problem_url(self, problem_id: int) -> str | None:
        """Our note for a problem, or None when there is no note for it."""
        return self._urls_by_id.get(str(problem_id))

    @cached_property
    def _urls_by_id(self) -> dict[str, str]:
        return self.leetcode_index.id_to_url()

    def statement_url(self, problem_id: int) -> str:
        leetcode = self.config.leetcode
        return statement_url(problem_id, None, self.language.current, leetcode.problem_url,
                             leetcode.search_url)


def _position(items: Sequence[Any], item: Any) -> int | None:
    """Where ``item`` itself (not an equal value) is in ``items``; None when it isn't."""
    return next((index for index, other in enumerate(items) if other is item), None)
