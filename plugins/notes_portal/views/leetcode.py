"""The LeetCode index (by number, range and topic), duplicate checks and ``lc:N`` cross-links."""

from __future__ import annotations

from dataclasses import dataclass

from notes_portal.catalog.structure import Note
from notes_portal.config import DIFFICULTIES
from notes_portal.views.labels import labels_for


@dataclass(frozen=True)
class Topic:
    slug: str
    #: The name authors write in front matter.
    key: str
    #: The name shown on the site being built.
    label: str


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


@dataclass(frozen=True)
class TopicSection:
    topic: Topic
    rows: tuple[ProblemRow, ...]


@dataclass(frozen=True)
class LeetCodeIndex:
    rows: tuple[ProblemRow, ...]
    difficulty_counts: tuple[tuple[str, str, int], ...]
    ranges: tuple[NumberRange, ...]
    topics: tuple[TopicSection, ...]

    def id_to_url(self) -> dict[str, str]:
        """Problem number → our note, for ``lc:N`` links and the "go to problem" box; the
        first note wins when an author wrote two (reported as an error elsewhere)."""
        urls: dict[str, str] = {}
        for row in self.rows:
            urls.setdefault(str(row.id), row.url)
        return urls


def topics_for(topic_configs: list, language: str) -> list[Topic]:
    return [Topic(t["slug"], t["name"], t["name"] if language == "zh" else t["en"]) for t in topic_configs]


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


def build_index(notes: list[Note], topics: list[Topic], language: str, range_size: int,
                problem_urls: dict, search_urls: dict) -> LeetCodeIndex:
    labels = labels_for(language)
    topic_by_key = {topic.key: topic for topic in topics}
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
                topics=tuple(topic_by_key[key] for key in info.topics if key in topic_by_key),
                statement_url=statement_url(problem_id, info.slug, language, problem_urls, search_urls),
                untranslated=not note.translated,
            ))
    counts = tuple((d, labels[d], sum(1 for row in rows if row.difficulty == d)) for d in DIFFICULTIES)
    return LeetCodeIndex(
        rows=tuple(rows),
        difficulty_counts=counts,
        ranges=_ranges(rows, range_size, labels["range"]),
        topics=tuple(TopicSection(topic, tuple(r for r in rows if topic in r.topics)) for topic in topics),
    )


def _ranges(rows: list[ProblemRow], size: int, label: str) -> tuple[NumberRange, ...]:
    groups: dict[int, list[ProblemRow]] = {}
    for row in rows:
        groups.setdefault((row.id - 1) // size, []).append(row)
    return tuple(
        NumberRange(
            slug=f"{index * size + 1}-{(index + 1) * size}",
            label=label.format(start=index * size + 1, end=(index + 1) * size),
            rows=tuple(members),
        )
        for index, members in sorted(groups.items())
    )
