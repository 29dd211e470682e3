"""Under ``mkdocs serve --dirty`` (what ``make serve`` runs), an author's edit that adds a tag or a
link updates the tag index, the tag's page, the note's header and the target's backlinks (issue 11).

A real ``python -m mkdocs serve --dirty`` on a free port; waits are bounded polling loops.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit

import pytest
from serving import Server
from sites import FixtureSite


@pytest.fixture
def portal(tmp_path: Path) -> FixtureSite:
    site = FixtureSite(tmp_path / "portal")
    site.note("nlp/a.md", "笔记甲", "2024-01-01", "甲的正文。", tags=["旧标签"])
    site.note("nlp/b.md", "笔记乙", "2024-02-01", "乙的正文。")
    site.note("deep-learning/c.md", "笔记丙", "2024-03-01", "丙的正文。")
    site.note("leetcode/0076-minimum-window-substring.md", "最小覆盖子串", "2024-04-01", "思路。",
              leetcode={"id": 76, "difficulty": "hard", "topics": ["滑动窗口"]})
    return site


@pytest.fixture
def server(portal: FixtureSite) -> Iterator[Server]:
    running = Server(portal, ["--dirty"])
    try:
        yield running
    finally:
        running.stop()


def tag_index(server: Server, prefix: str = "") -> dict[str, str]:
    """Shown name -> data-count of every tag on /tags/."""
    found = {}
    for link in server.page(prefix + "tags/").select("div.np-tag-cloud a.np-tag"):
        name = "".join(link.find_all(string=True, recursive=False)).strip()
        found[name] = link["data-count"]
    return found


def tag_page_titles(server: Server, path: str) -> list[str] | None:
    if server.status(quote(path)) != 200:
        return None
    return [a.get_text(strip=True) for a in server.page(quote(path)).select("article.np-feed-item .np-feed-item__title a")]


def header_tags(server: Server, path: str) -> list[str]:
    return [a.get_text(strip=True) for a in server.page(path).select("div.np-note-meta a.np-tag")]


def backlinks(server: Server, path: str) -> list[tuple[str, str]]:
    section = server.page(path).select_one("section.np-backlinks")
    if section is None:
        return []
    return [(a.get_text(strip=True), unquote(urlsplit(urljoin(server.base + path, a["href"])).path))
            for a in section.select("li a")]


def test_adding_a_tag_updates_tag_pages(server: Server, portal: FixtureSite) -> None:
    assert tag_index(server) == {"旧标签": "1"}
    assert server.status(quote("tags/新标签/")) == 404

    portal.note("nlp/b.md", "笔记乙", "2024-02-01", "乙的正文。", tags=["新标签", "旧标签"])
    server.wait_for(lambda: tag_index(server) == {"旧标签": "2", "新标签": "1"}, "the new tag on /tags/")
    server.wait_for(lambda: tag_page_titles(server, "tags/新标签/") == ["笔记乙"], "the new tag's page")
    server.wait_for(lambda: tag_page_titles(server, "tags/旧标签/") == ["笔记乙", "笔记甲"], "the old tag's page")
    server.wait_for(lambda: header_tags(server, "nlp/b/") == ["新标签", "旧标签"], "the tags in the note's header")
    server.wait_for(lambda: tag_index(server, "en/") == {"旧标签": "2", "新标签": "1"}, "the new tag on /en/tags/")
    # The note that did not change keeps its header.
    assert header_tags(server, "nlp/a/") == ["旧标签"]


def test_adding_a_link_updates_the_targets_backlinks(server: Server, portal: FixtureSite) -> None:
    assert backlinks(server, "nlp/b/") == []

    portal.note("deep-learning/c.md", "笔记丙", "2024-03-01", "丙的正文，见[乙](../nlp/b.md)。")
    server.wait_for(lambda: backlinks(server, "nlp/b/") == [("笔记丙", "/deep-learning/c/")],
                    "the new backlink on the target")
    server.wait_for(lambda: backlinks(server, "en/nlp/b/") == [("笔记丙", "/en/deep-learning/c/")],
                    "the new backlink on the English target")

    # And removing the link takes the backlink away again.
    portal.note("deep-learning/c.md", "笔记丙", "2024-03-01", "丙的正文。")
    server.wait_for(lambda: section_gone(server, "nlp/b/"), "the backlink to go")


def section_gone(server: Server, path: str) -> bool:
    return server.page(path).select_one("section.np-backlinks") is None


def test_adding_an_lc_link_updates_the_problems_backlinks(server: Server, portal: FixtureSite) -> None:
    problem = "leetcode/0076-minimum-window-substring/"
    assert backlinks(server, problem) == []
    portal.note("nlp/a.md", "笔记甲", "2024-01-01", "甲的正文，见 [76](lc:76)。", tags=["旧标签"])
    server.wait_for(lambda: backlinks(server, problem) == [("笔记甲", "/nlp/a/")], "the lc: backlink on the problem")


def test_removing_the_last_use_of_a_tag_drops_it_from_the_index(server: Server, portal: FixtureSite) -> None:
    portal.note("nlp/b.md", "笔记乙", "2024-02-01", "乙的正文。", tags=["新标签"])
    server.wait_for(lambda: tag_index(server) == {"旧标签": "1", "新标签": "1"}, "the new tag on /tags/")
    portal.note("nlp/b.md", "笔记乙", "2024-02-01", "乙的正文。")
    server.wait_for(lambda: tag_index(server) == {"旧标签": "1"}, "the unused tag to leave /tags/")
    server.wait_for(lambda: header_tags(server, "nlp/b/") == [], "the tag to leave the note's header")
