"""What a note page shows around the author's text: its facts, related notes and backlinks."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from notes_portal.catalog.tags import Tag, tag_key
from notes_portal.model.structure import Category, Note
from notes_portal.views.feed import display_title
from notes_portal.views.labels import format_date, labels_for
from notes_portal.views.leetcode import ProblemRow


@dataclass(frozen=True)
class TagLink:
    name: str
    url: str
    count: int


@dataclass(frozen=True)
class NoteLink:
    title: str
    url: str
    untranslated: bool


@dataclass
class NoteView:
    """``np_note`` in the note page's context (``partials/np-note.html``)."""

    t: Mapping[str, str]
    #: As feeds and links show it (``76. 最小覆盖子串`` for a LeetCode note).
    title: str
    #: The language of the note's text: a note the English site shows untranslated is ``zh``.
    language: str
    #: The note's clean excerpt, plain text: the page's description and its share card's.
    excerpt: str
    category_name: str
    category_url: str
    date_iso: str
    date_text: str
    #: Only when the note was updated after the day it was written.
    updated_iso: str | None
    updated_text: str | None
    reading_time: str
    tags: list[TagLink]
    related: list[NoteLink]
    backlinks: list[NoteLink]
    problem: ProblemRow | None = None
    #: Absolute URL of the first image in the note that share cards can show (``output.note_page``).
    image: str | None = None
    #: Topic slug → the page of the tag spelled as that topic: its chip in the problem's header
    #: links there, and the tag has no chip of its own (``split_topic_tags``).
    topic_tags: dict[str, TagLink] = field(default_factory=dict)
    #: The author's text, split after its first-level heading so that the facts go under the title.
    #: Cut from the page's HTML: left out of ``repr``, and so of the page output cache's description
    #: of this view (the key holds the page's HTML already; a second digest would cost as much again).
    heading: str = field(default="", repr=False)
    body: str = field(default="", repr=False)


def tag_url(tag: Tag, url_prefix: str) -> str:
    return f"{url_prefix}tags/{tag.slug}/"


def tag_link(tag: Tag, url_prefix: str) -> TagLink:
    return TagLink(name=tag.name, url=tag_url(tag, url_prefix), count=tag.count)


def note_link(note: Note) -> NoteLink:
    return NoteLink(title=display_title(note), url=note.url, untranslated=not note.translated)


def split_topic_tags(tags: list[Tag], problem: ProblemRow | None,
                     concept: Callable[[str], str] = tag_key) -> tuple[list[Tag], dict[str, Tag]]:
    """A LeetCode note's tags besides its topics, and topic slug → the tag spelled as that topic.

    ``滑动窗口`` is both a topic and a tag of problem 76: shown once, as the topic in the problem's
    header (``Sliding Window`` on /en/, the topic's and the tag's English name alike), linking
    to the tag's page. An alias of a topic (``链表`` for ``数组&链表&字符串``) is a narrower word and
    keeps its own chip.
    """
    if problem is None:
        return tags, {}
    by_concept = {tag.concept or tag_key(tag.name): tag for tag in tags}
    topic_tags = {topic.slug: by_concept[concept(topic.key)] for topic in problem.topics
                  if concept(topic.key) in by_concept}
    shown = {id(tag) for tag in topic_tags.values()}
    return [tag for tag in tags if id(tag) not in shown], topic_tags


def note_view(note: Note, *, category: Category, tags: list[Tag], related: list[Note], backlinks: list[Note],
              problem: ProblemRow | None, language: str, url_prefix: str,
              concept: Callable[[str], str] = tag_key) -> NoteView:
    labels = labels_for(language)
    tags, topic_tags = split_topic_tags(tags, problem, concept)
    updated = note.updated if note.updated and note.updated > note.date else None
    return NoteView(
        t=labels,
        title=display_title(note),
        language=note.lang,
        excerpt=note.excerpt.text,
        category_name=category.name,
        category_url=f"{url_prefix}{category.slug}/",
        date_iso=note.date.isoformat(),
        date_text=format_date(note.date, language),
        updated_iso=updated.isoformat() if updated else None,
        updated_text=format_date(updated, language) if updated else None,
        reading_time=labels["reading_time"].format(n=note.reading_minutes),
        tags=[tag_link(tag, url_prefix) for tag in tags],
        related=[note_link(other) for other in related],
        backlinks=[note_link(other) for other in backlinks],
        problem=problem,
        topic_tags={slug: tag_link(tag, url_prefix) for slug, tag in topic_tags.items()},
    )
