"""One page as Pagefind should index it: its sections tokenized, its title and tags as metadata."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from jinja2 import Environment

from notes_portal.output.render import render_partial
from notes_portal.search.extract import Section, page_sections
from notes_portal.search.tokens import index_text


@dataclass(frozen=True)
class SearchRecord:
    """What the indexer sends to Pagefind for one page."""

    #: The page's URL relative to its language's root (``nlp/transformer/``).
    url: str
    #: The document Pagefind parses (``partials/np-search-record.html``).
    html: str


@dataclass(frozen=True)
class _RecordView:
    title: str
    title_tokens: str
    tags: list[str]
    tag_tokens: str
    problem: int | None
    sections: list[Section]
    #: The language of the text; the search worker badges a result in another language.
    language: str
    #: The other languages whose sites show this note untranslated: their search lists it
    #: from this language's bundle (see ``site_search.SiteSearch.worker_url``).
    shown_untranslated_in: tuple[str, ...]

    @property
    def lead(self) -> int:
        """Tokens before the first section (title, problem number, tags): Pagefind
        counts whitespace-separated words, and so does the worker's snippet."""
        problem = 2 if self.problem is not None else 0
        return len(self.title_tokens.split()) + problem + len(self.tag_tokens.split())


def make_record(env: Environment, *, url: str, title: str, content: str, tags: list[str],
                problem: int | None, language: str,
                shown_untranslated_in: tuple[str, ...] = ()) -> SearchRecord:
    """The search record of a page, from its rendered ``content``."""
    sections = [Section(index_text(s.heading), s.anchor, s.level, index_text(s.text))
                for s in page_sections(content)]
    view = _RecordView(title=title, title_tokens=index_text(title), tags=list(tags),
                       tag_tokens=index_text(" ".join(tags)), problem=problem, sections=sections,
                       language=language, shown_untranslated_in=tuple(shown_untranslated_in))
    return SearchRecord(url=url, html=render_partial(env, "np-search-record.html", record=view))


def records_digest(records: Iterable[SearchRecord], pagefind_language: str, salt: str = "") -> str:
    """What a bundle of ``records`` holds, as one digest: two bundles of equal digests index the
    same records the same way (Pagefind is deterministic), so one may stand for the other.
    ``salt``: whatever else the bundle depends on (the build cache's fingerprint, across runs)."""
    digest = hashlib.sha256(f"{salt}\0{pagefind_language}\0".encode())
    for record in sorted(records, key=lambda r: r.url):
        digest.update(f"{record.url}\0{len(record.html)}\0".encode())
        digest.update(record.html.encode())
    return digest.hexdigest()
