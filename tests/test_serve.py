"""``mkdocs serve`` while an author works: drafts are previewed, new, renamed and deleted notes
show up after the reload, and a broken edit neither stops the server nor hides the error.

Each test runs a real ``python -m mkdocs serve`` on a free port against a small fixture portal,
both plainly and with ``--dirty`` (what ``make serve`` runs). Waits are bounded polling loops.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from serving import REQUEST_TIMEOUT, Server
from sites import FixtureSite


@pytest.fixture(params=[[], ["--dirty"]], ids=["serve", "serve-dirty"])
def serve(request: pytest.FixtureRequest) -> Iterator[Callable[[FixtureSite], Server]]:
    """Start ``mkdocs serve`` on a fixture portal; always stopped at teardown."""
    servers: list[Server] = []

    def start(site: FixtureSite) -> Server:
        server = Server(site, request.param)
        servers.append(server)
        return server

    try:
        yield start
    finally:
        for server in servers:
            server.stop()


@pytest.fixture
def portal(tmp_path: Path) -> FixtureSite:
    """Three notes in two categories."""
    site = FixtureSite(tmp_path / "portal")
    site.note("nlp/a.md", "笔记甲", "2024-01-01", "甲的正文。")
    site.note("nlp/b.md", "笔记乙", "2024-02-01", "乙的正文。")
    site.note("deep-learning/c.md", "笔记丙", "2024-03-01", "丙的正文。")
    return site


# -- reading served pages --------------------------------------------------------------


def feed(server: Server) -> list[tuple[str, str]]:
    """``(title, URL path)`` of the home feed items."""
    return [(a.get_text(), urlsplit(urljoin(server.base, a["href"])).path)
            for a in server.page("").select("article.np-feed-item .np-feed-item__title a")]


def excerpts(server: Server) -> list[str]:
    return [p.get_text() for p in server.page("").select("article.np-feed-item .np-feed-item__excerpt")]


def tiles(server: Server) -> dict[str, tuple[str, str | None]]:
    """Note count and newest-note line of each category tile."""
    found = {}
    for tile in server.page("").select("a.np-tile[data-category]"):
        newest = tile.select_one(".np-tile__newest")
        found[tile["data-category"]] = (tile["data-count"], newest.get_text() if newest else None)
    return found


def heading(server: Server, path: str) -> str | None:
    if server.status(path) != 200:
        return None
    title = server.page(path).select_one("article h1")
    for anchor in title.select("a.headerlink"):
        anchor.decompose()
    return title.get_text(strip=True)


# -- tests -----------------------------------------------------------------------------


def test_drafts_are_previewed_but_not_built(serve: Callable[[FixtureSite], Server], portal: FixtureSite) -> None:
    """A ``draft: true`` note has a page and a feed entry (marked draft) under serve; ``mkdocs build``
    leaves both out."""
    portal.note("nlp/draft-idea.md", "草稿想法", "2024-04-01", draft=True)
    built = portal.build()
    assert built.returncode == 0, built.output
    assert not built.exists("nlp/draft-idea/")
    assert [a.get_text() for a in built.html("").select(".np-feed-item__title a")] == ["笔记丙", "笔记乙", "笔记甲"]

    server = serve(portal)
    assert server.status("nlp/draft-idea/") == 200
    assert feed(server) == [("草稿想法", "/nlp/draft-idea/"), ("笔记丙", "/deep-learning/c/"),
                            ("笔记乙", "/nlp/b/"), ("笔记甲", "/nlp/a/")]
    drafts = server.page("").select("article.np-feed-item--draft .np-feed-item__title a")
    assert [a.get_text() for a in drafts] == ["草稿想法"]


def test_new_note_appears_after_reload(serve: Callable[[FixtureSite], Server], portal: FixtureSite) -> None:
    """A note added while serving is listed at the top of the feed, with its excerpt, and counted
    on its tile; the other notes keep theirs."""
    server = serve(portal)
    portal.note("nlp/d.md", "新笔记丁", "2024-05-01", "丁的正文。")
    expected = [("新笔记丁", "/nlp/d/"), ("笔记丙", "/deep-learning/c/"), ("笔记乙", "/nlp/b/"), ("笔记甲", "/nlp/a/")]
    server.wait_for(lambda: feed(server) == expected, "the new note in the feed")
    assert excerpts(server) == ["丁的正文。", "丙的正文。", "乙的正文。", "甲的正文。"]
    assert tiles(server)["nlp"] == ("3", "最新：新笔记丁")
    assert server.status("nlp/d/") == 200


BROKEN_EDITS = {
    "invalid-yaml": ("---\ntitle: [改坏了\ndate: 2024-01-01\n---\n\n甲的正文。\n",
                     r"ERROR\s+-\s+notes_portal: docs/nlp/a\.md:\d+: front matter: invalid YAML"),
    "impossible-date": ("---\ntitle: 笔记甲\ndate: 2026-13-45\n---\n\n甲的正文。\n",
                        r"WARNING\s+-\s+notes_portal: docs/nlp/a\.md:3: date: '2026-13-45' is not a valid date"),
}
#: What MkDocs logs when a rebuild raises instead of finishing.
REBUILD_FAILED = "An error happened during the rebuild"


@pytest.mark.parametrize("edit", list(BROKEN_EDITS))
def test_broken_edit_keeps_server_running(serve: Callable[[FixtureSite], Server], portal: FixtureSite,
                                          edit: str) -> None:
    """A broken front matter edit is reported in the server's output while the server keeps
    serving; once fixed, the page shows the new title."""
    text, message = BROKEN_EDITS[edit]
    server = serve(portal)
    start = len(server.output())
    portal.write("nlp/a.md", text, dedent=False)

    def reported() -> str | None:
        new = server.output()[start:]
        return new if re.search(message, new, re.MULTILINE) or REBUILD_FAILED in new else None

    new_output = server.wait_for(reported, "the rebuild after the broken edit")
    assert re.search(message, new_output, re.MULTILINE), new_output[-3000:]
    assert REBUILD_FAILED not in new_output and "Traceback" not in new_output, new_output[-3000:]
    assert server.alive()
    assert server.status("", timeout=REQUEST_TIMEOUT) == 200

    portal.note("nlp/a.md", "修好的笔记甲", "2024-01-01", "甲的正文。")
    server.wait_for(lambda: heading(server, "nlp/a/") == "修好的笔记甲", "the fixed title on the note page")
    assert ("修好的笔记甲", "/nlp/a/") in feed(server)


def test_rename_and_delete_update_feed_and_tiles(serve: Callable[[FixtureSite], Server],
                                                 portal: FixtureSite) -> None:
    """Renaming a note moves its feed entry to the new URL; deleting one removes it from the feed
    and from its tile's count."""
    server = serve(portal)
    (portal.docs / "nlp/b.md").rename(portal.docs / "nlp/b-renamed.md")
    (portal.docs / "deep-learning/c.md").unlink()
    expected = [("笔记乙", "/nlp/b-renamed/"), ("笔记甲", "/nlp/a/")]
    server.wait_for(lambda: feed(server) == expected, "the renamed and deleted notes in the feed")
    assert tiles(server) == {"deep-learning": ("0", None), "nlp": ("2", "最新：笔记乙"), "leetcode": ("0", None)}
    assert server.status("nlp/b-renamed/") == 200
    assert [a.get_text() for a in server.page("nlp/").select(".np-feed-item__title a")] == ["笔记乙", "笔记甲"]
