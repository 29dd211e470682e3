"""The LeetCode index (by number, range and topic), duplicate checks and ``lc:N`` cross-links."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from notes_portal.model.structure import LeetCodeInfo, Note

if TYPE_CHECKING:
    from notes_portal.catalog.collect import Catalog
from notes_portal.config import DIFFICULTIES
from notes_portal.views.labels import labels_for

#: Problems the index page draws in its HTML: the first screenfuls, light at any size; the
#: reader's tab, filter, sort or "show more" loads the rest (``ListData``).
FIRST_ROWS = 100
#: The list data's file, next to the index page (``leetcode/problems.json``).
LIST_DATA_FILE = "problems.json"


@dataclass(frozen=True)
class Topic:
    slug: str
    #: The name authors write in front matter.
    key: str
    #: The name shown on the site being built.
    label: str
    #: Other tags that count as this topic (``链表`` for ``数组&链表&字符串``).
    aliases: tuple[str, ...] = ()

    def matches(self, tag: str) -> bool:
        return tag == self.key or tag in self.aliases


@dataclass(frozen=True)
class ProblemRow:
    id: int
    title: str
    url: str
    difficulty: str
    difficulty_label: str
    topics: tuple[Topic, ...]
    statement_url: str
    untranslated: bool


@dataclass(frozen=True)
class NumberRange:
    slug: str
    label: str
    rows: tuple[ProblemRow, ...]
    #: Site-relative URL of the range's own page (``leetcode/1-100/``); None when the build
    #: has no such page, and the index then lists the range's rows itself.
    url: str | None = None

    def id_to_url(self) -> dict[str, str]:
        return first_urls(self.rows)


@dataclass(frozen=True)
class TopicSection:
    topic: Topic
    rows: tuple[ProblemRow, ...]
    #: Site-relative URL of the topic's own page (``leetcode/topics/graph/``), or None.
    url: str | None = None

    @property
    def slug(self) -> str:
        return f"topics/{self.topic.slug}"

    def id_to_url(self) -> dict[str, str]:
        return first_urls(self.rows)


@dataclass(frozen=True)
class LeetCodeIndex:
    rows: tuple[ProblemRow, ...]
    difficulty_counts: tuple[tuple[str, str, int], ...]
    ranges: tuple[NumberRange, ...]
    topics: tuple[TopicSection, ...]
    range_size: int = 100
    #: Rows shown elsewhere when every range has its own page: the index stays small.
    paged: bool = field(default=False)

    @property
    def first_rows(self) -> tuple[ProblemRow, ...]:
        """The rows the index page draws itself (by number); the rest come from its list data."""
        return self.rows[:FIRST_ROWS]

    @property
    def unrated_count(self) -> int:
        """Problems without a difficulty: the filter offers "unrated" only when there are some."""
        return sum(1 for row in self.rows if row.difficulty == "unknown")

    def script_labels(self, t: Mapping[str, str]) -> dict[str, Any]:
        """What portal.js needs to draw rows and messages as the page does, in the page's language."""
        return {
            "difficulties": {difficulty: t[difficulty] for difficulty in (*DIFFICULTIES, "unknown")},
            "topics": {section.topic.slug: section.topic.label for section in self.topics},
            **{key: t[key] for key in ("shown_of", "list_loading", "list_failed", "no_problems")},
        }

    def range_urls(self) -> dict[str, str]:
        """Range slug → its page, for the go-to box, which loads only that range's numbers."""
        return {r.slug: r.url for r in self.ranges if r.url}

    def id_to_url(self) -> dict[str, str]:
        """Problem number → our note, for ``lc:N`` links and the "go to problem" box."""
        return first_urls(self.rows)


def first_urls(rows: Iterable[ProblemRow]) -> dict[str, str]:
    """Problem number (as text, for JSON) → its note; the first note wins when an author
    wrote two (reported as an error elsewhere)."""
    urls: dict[str, str] = {}
    for row in rows:
        urls.setdefault(str(row.id), row.url)
    return urls


def topics_for(topic_configs: list, language: str) -> list[Topic]:
    return [Topic(t["slug"], t["name"], t["name"] if language == "zh" else t["en"],
                  tuple(t.get("aliases") or ())) for t in topic_configs]


def note_topics(info: LeetCodeInfo, tags: Iterable[str], topics: Sequence[Topic]) -> tuple[Topic, ...]:
    """A note's topics in configured order: its ``leetcode.topics``, or when it has none, those of
    its tags that name a topic or an alias of one (other tags, like 字符串, stay plain tags)."""
    if info.topics_declared:
        chosen = set(info.topics)
        return tuple(topic for topic in topics if topic.key in chosen)
    tags = [str(tag) for tag in tags]
    return tuple(topic for topic in topics if any(topic.matches(tag) for tag in tags))


def range_slug(problem_id: int, size: int) -> str:
    """``76`` → ``1-100`` for ranges of 100: the range's page is ``leetcode/1-100/``."""
    start = (problem_id - 1) // size * size + 1
    return f"{start}-{start + size - 1}"


def list_page_paths(notes: Iterable[Note], topics: Sequence[Topic], range_size: int) -> list[str]:
    """Paths below the LeetCode folder of the pages that list problems: one per number range
    that has a problem (``1-100``), one per topic that has one (``topics/graph``), in order."""
    ids: set[int] = set()
    used: set[str] = set()
    for note in notes:
        if note.leetcode:
            ids.add(note.leetcode.id)
            used.update(topic.slug for topic in note_topics(note.leetcode, note.meta.tags, topics))
    ranges = sorted({(problem_id - 1) // range_size for problem_id in ids})
    return ([range_slug(index * range_size + 1, range_size) for index in ranges]
            + [f"topics/{topic.slug}" for topic in topics if topic.slug in used])


def problems_by_id(notes: list[Note]) -> dict[int, list[Note]]:
    """Every LeetCode note by problem number; more than one note per number is an author error."""
    found: dict[int, list[Note]] = {}
    for note in notes:
        if note.leetcode:
            found.setdefault(note.leetcode.id, []).append(note)
    return found


def statement_url(problem_id: int, slug: str | None, language: str, problem_urls: dict,
                  search_urls: dict) -> str:
    """The problem statement on leetcode.cn (zh) or leetcode.com (en)."""
    if slug:
        template = problem_urls.get(language) or problem_urls.get("en") or ""
        return template.format(slug=slug, id=problem_id)
    template = search_urls.get(language) or search_urls.get("en") or ""
    return template.format(id=problem_id, slug="")


def list_pages(catalog: Catalog, leetcode: Any, language: str) -> list[tuple[str, str]]:
    """``(path, title)`` of the LeetCode index's own pages, for ``add_portal_pages``:
    ``("1-100", "LeetCode 题解 · 1–100")``, ``("topics/graph", "LeetCode 题解 · 图")``.

    Computed from the catalog in ``on_files``, before MkDocs reads any page, because the
    pages must exist as files by then; ``leetcode`` is the plugin's ``leetcode`` options.
    """
    category = catalog.category(leetcode.category)
    index_title = category.name if category else "LeetCode"
    notes, topic_configs, range_size = catalog.in_category(leetcode.category), leetcode.topics, leetcode.range_size
    labels = labels_for(language)
    topics = topics_for(topic_configs, language)
    label_by_topic = {f"topics/{topic.slug}": topic.label for topic in topics}
    pages = []
    for path in list_page_paths(notes, topics, range_size):
        if path in label_by_topic:
            label = label_by_topic[path]
        else:
            start, end = path.split("-")
            label = labels["range"].format(start=start, end=end)
        pages.append((path, f"{index_title} · {label}"))
    return pages


def build_index(notes: list[Note], topics: list[Topic], language: str, range_size: int,
                problem_urls: dict, search_urls: dict, list_urls: dict[str, str] | None = None
                ) -> LeetCodeIndex:
    """The index of every LeetCode note; ``list_urls`` maps the paths of ``list_page_paths``
    to the URLs of the pages the build has for them (none: the index lists every row itself)."""
    list_urls = list_urls or {}
    labels = labels_for(language)
    rows = []
    for problem_id, members in sorted(problems_by_id(notes).items()):
        for note in sorted(members, key=lambda n: n.src_uri):
            info = note.leetcode
            assert info is not None
            difficulty = info.difficulty or "unknown"
            rows.append(ProblemRow(
                id=problem_id,
                title=note.title,
                url=note.url,
                difficulty=difficulty,
                difficulty_label=labels[difficulty],
                topics=note_topics(info, note.meta.tags, topics),
                statement_url=statement_url(problem_id, info.slug, language, problem_urls, search_urls),
                untranslated=not note.translated,
            ))
    counts = tuple((d, labels[d], sum(1 for row in rows if row.difficulty == d)) for d in DIFFICULTIES)
    ranges = _ranges(rows, range_size, labels["range"], list_urls)
    return LeetCodeIndex(
        rows=tuple(rows),
        difficulty_counts=counts,
        ranges=ranges,
        topics=tuple(TopicSection(topic, tuple(r for r in rows if topic in r.topics),
                                  list_urls.get(f"topics/{topic.slug}")) for topic in topics),
        range_size=range_size,
        paged=bool(ranges) and all(r.url for r in ranges),
    )


def _ranges(rows: list[ProblemRow], size: int, label: str,
            list_urls: dict[str, str]) -> tuple[NumberRange, ...]:
    groups: dict[int, list[ProblemRow]] = {}
    for row in rows:
        groups.setdefault((row.id - 1) // size, []).append(row)
    ranges = []
    for index, members in sorted(groups.items()):
        slug = range_slug(index * size + 1, size)
        ranges.append(NumberRange(slug=slug, label=label.format(start=index * size + 1, end=(index + 1) * size),
                                  rows=tuple(members), url=list_urls.get(slug)))
    return tuple(ranges)


@dataclass(frozen=True)
class ListData:
    """Every problem of one language in compact JSON, for the index page's tabs, filters, sort
    and "show more": fetched only when the reader asks, never with the page.

    ``{"base": "en/leetcode/", "topics": [slug, …], "difficulties": [key, …],
    "problems": [[id, title, difficulty index, [topic indexes], url below base, untranslated?], …]}``;
    labels are not repeated: the page has them (its tabs and filter buttons).
    """

    index: LeetCodeIndex
    #: Site-relative folder of the index page (``leetcode/``, ``en/leetcode/``).
    base: str

    @cached_property
    def text(self) -> str:
        topic_slugs = [section.topic.slug for section in self.index.topics]
        position = {slug: number for number, slug in enumerate(topic_slugs)}
        difficulties = [*DIFFICULTIES, "unknown"]
        problems = []
        for row in self.index.rows:
            url = row.url[len(self.base):] if row.url.startswith(self.base) else row.url
            item: list[Any] = [row.id, row.title, difficulties.index(row.difficulty),
                               [position[topic.slug] for topic in row.topics], url]
            if row.untranslated:
                item.append(1)
            problems.append(item)
        data = {"base": self.base, "topics": topic_slugs, "difficulties": difficulties, "problems": problems}
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    @cached_property
    def version(self) -> str:
        """Changes with the content, so a browser never keeps an old list after a deploy."""
        return hashlib.sha256(self.text.encode()).hexdigest()[:10]

    @property
    def url(self) -> str:
        """Site-relative URL, with the version as a query."""
        return f"{self.base}{LIST_DATA_FILE}?v={self.version}"
