"""Under ``mkdocs serve``, a save that changes only a note's text draws only that note's pages
(issue 14, ``serve/serve_refresh.py``), and those pages are what a full build gives; a save
that changes anything another page shows (title, excerpt, tags, new files) takes the full build.

Each test runs a real ``python -m mkdocs serve`` and compares what it serves with a real
``mkdocs build`` of the same sources. Waits are bounded polling loops.
"""

from __future__ import annotations

import re
import shutil
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from notes_portal.serve.source_events import SourceChanges, SourceEvents
from serving import Server
from sites import FixtureSite
from watchdog.events import (
    DirModifiedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
)

#: Long enough that the excerpt (120 CJK characters) ends inside it: text added below doesn't show in lists.
FIRST_PARAGRAPH = "这是第一段，" + "注意力机制把序列里每个位置和其他位置联系起来。" * 8
QUICK_A = "quick refresh of docs/nlp/a.md: 2 pages drawn again"


@pytest.fixture
def portal(tmp_path: Path) -> FixtureSite:
    site = FixtureSite(tmp_path / "portal")
    site.note("nlp/a.md", "笔记甲", "2024-01-01", f"{FIRST_PARAGRAPH}\n\n## 小节\n\n第二段。", tags=["注意力"])
    site.note("nlp/b.md", "笔记乙", "2024-02-01", "乙的正文，见[笔记甲](a.md)。", tags=["注意力"])
    site.note("deep-learning/c.md", "笔记丙", "2024-03-01", "丙的正文。")
    return site


@pytest.fixture
def serve() -> Iterator[Callable[..., Server]]:
    servers: list[Server] = []

    def start(site: FixtureSite, *options: str) -> Server:
        servers.append(Server(site, list(options)))
        return servers[-1]

    try:
        yield start
    finally:
        for server in servers:
            server.stop()


def append(site: FixtureSite, path: str, text: str) -> None:
    file = site.docs / path
    file.write_text(file.read_text(encoding="utf-8") + text, encoding="utf-8")


def replace(site: FixtureSite, path: str, old: str, new: str) -> None:
    file = site.docs / path
    source = file.read_text(encoding="utf-8")
    assert old in source
    file.write_text(source.replace(old, new), encoding="utf-8")


def shows(server: Server, path: str, text: str) -> bool:
    return server.status(path) == 200 and text in server.page(path).get_text()


def rebuilt_lines(server: Server, since: int) -> list[str]:
    """The plugin's lines about rebuilds after the first ``since`` characters of the log."""
    return re.findall(r"notes_portal: ((?:quick refresh|full rebuild)[^\n]*)", server.output()[since:])


def wait_for_rebuild_line(server: Server, since: int) -> str:
    lines = server.wait_for(lambda: rebuilt_lines(server, since), "the plugin to say how it rebuilt")
    return lines[0]


def parts(html: BeautifulSoup) -> tuple[str, str]:
    """The article and the primary navigation: what a quick refresh draws again (the rest of the
    page differs between ``serve`` and ``build`` by the site's address only)."""
    article = html.select_one("article.md-content__inner")
    nav = html.select_one("nav.md-nav--primary")
    assert article is not None and nav is not None
    return str(article), str(nav)


def assert_served_as_built(server: Server, site_dir: Path) -> int:
    """Every page of the build (both languages) is served with the same ``<main>``; the number compared."""
    compared = 0
    for built_page in sorted(site_dir.rglob("index.html")):
        path = built_page.parent.relative_to(site_dir).as_posix()
        path = "" if path == "." else path + "/"
        served = server.page(quote(path)).select_one("main")
        expected = BeautifulSoup(built_page.read_text(encoding="utf-8"), "lxml").select_one("main")
        assert served is not None and expected is not None, path
        assert str(served) == str(expected), path
        compared += 1
    return compared


def build_copy(site: FixtureSite) -> Path:
    """A full ``mkdocs build`` of the same sources and configuration, in a folder of its own
    (writing the served site's ``mkdocs.yml`` again would make the server rebuild)."""
    copy = FixtureSite(site.root.parent / "built-copy")
    shutil.copytree(site.docs, copy.docs, dirs_exist_ok=True)
    copy.plugin_config, copy.i18n, copy.extra_config = site.plugin_config, site.i18n, site.extra_config
    result = copy.build()
    assert result.returncode == 0, result.output
    return copy.root / "site"


def built(site_dir: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / path / "index.html").read_text(encoding="utf-8"), "lxml")



@pytest.mark.parametrize("options", [["--dirty"], []], ids=["serve-dirty", "serve"])
def test_a_text_edit_is_drawn_again_as_a_full_build_draws_it(serve: Callable[..., Server], portal: FixtureSite,
                                                             options: list[str]) -> None:
    server = serve(portal, *options)
    since = len(server.output())
    append(portal, "nlp/a.md", "\n新加的一段：refresh-marker-one。\n")
    server.wait_for(lambda: shows(server, "nlp/a/", "refresh-marker-one"), "the edit on the Chinese page")
    server.wait_for(lambda: shows(server, "en/nlp/a/", "refresh-marker-one"), "the edit on the English fallback page")
    assert wait_for_rebuild_line(server, since) == QUICK_A
    assert "Documentation built in" in server.output()[since:]

    site_dir = build_copy(portal)
    for path in ("nlp/a", "en/nlp/a"):
        served = parts(server.page(path + "/"))
        assert served == parts(built(site_dir, path)), path
    assert assert_served_as_built(server, site_dir) >= 20
    # Pages that show the note are untouched and still right: its excerpt didn't change.
    assert "refresh-marker-one" not in server.page("").get_text()
    assert server.page("nlp/b/").select_one("article") is not None


def test_a_site_without_i18n_is_refreshed_too(serve: Callable[..., Server], portal: FixtureSite) -> None:
    portal.i18n = False
    server = serve(portal, "--dirty")
    since = len(server.output())
    append(portal, "nlp/a.md", "\n新加的一段：refresh-marker-two。\n")
    server.wait_for(lambda: shows(server, "nlp/a/", "refresh-marker-two"), "the edit")
    assert wait_for_rebuild_line(server, since) == "quick refresh of docs/nlp/a.md: 1 page drawn again"
    assert parts(server.page("nlp/a/")) == parts(built(build_copy(portal), "nlp/a"))


def test_editing_a_translation_draws_only_its_language(serve: Callable[..., Server], portal: FixtureSite) -> None:
    portal.note("nlp/a.en.md", "Note A", "2024-01-01", "An English text long enough. " * 20)
    server = serve(portal, "--dirty")
    since = len(server.output())
    append(portal, "nlp/a.en.md", "\nAn added line: refresh-marker-three.\n")
    server.wait_for(lambda: shows(server, "en/nlp/a/", "refresh-marker-three"), "the edit on the English page")
    assert wait_for_rebuild_line(server, since) == "quick refresh of docs/nlp/a.en.md: 1 page drawn again"
    assert not shows(server, "nlp/a/", "refresh-marker-three")


@pytest.mark.parametrize(("edit", "reason", "path", "shown"), [
    (lambda site: replace(site, "nlp/a.md", "title: 笔记甲", "title: 改过的标题"),
     "its front matter, dates or links changed", "", "改过的标题"),
    (lambda site: replace(site, "nlp/a.md", "tags:\n- 注意力", "tags:\n- 注意力\n- 新标签"),
     "its front matter, dates or links changed", "tags/", "新标签"),
    (lambda site: replace(site, "nlp/a.md", "title: 笔记甲", "title: 笔记甲\nsubtitle: 导航里显示的副标题"),
     "its title or front matter changed", None, None),
], ids=["title", "tag", "other front matter"])
def test_an_edit_other_pages_show_takes_a_full_build(serve: Callable[..., Server], portal: FixtureSite,
                                                    edit: Callable[[FixtureSite], None], reason: str,
                                                    path: str | None, shown: str | None) -> None:
    server = serve(portal, "--dirty")
    since = len(server.output())
    edit(portal)
    assert wait_for_rebuild_line(server, since) == f"full rebuild: docs/nlp/a.md: {reason}"
    if path is not None and shown is not None:
        server.wait_for(lambda: shows(server, path, shown), f"/{path} to show the edit")


@pytest.mark.parametrize("per_page", [10, 1], ids=["one feed page", "a feed page each"])
def test_a_new_excerpt_is_drawn_with_the_feeds_that_show_it(serve: Callable[..., Server], portal: FixtureSite,
                                                           per_page: int) -> None:
    # With one note per page the note is on the third home page (newest first) and on the
    # second of its category and of its tag: the refresh finds those pages by its place.
    portal.plugin_config["per_page"] = per_page
    server = serve(portal, "--dirty")
    since = len(server.output())
    replace(portal, "nlp/a.md", "这是第一段，", "这是改写的开头，")
    server.wait_for(lambda: shows(server, "nlp/a/", "这是改写的开头"), "the note to show its new text")
    line = wait_for_rebuild_line(server, since)
    assert line.startswith("quick refresh of docs/nlp/a.md: "), line
    site_dir = build_copy(portal)
    listing = [path for path in (p.parent.relative_to(site_dir).as_posix() for p in site_dir.rglob("index.html"))
               if "这是改写的开头" in built(site_dir, path).get_text() and not path.endswith("nlp/a")]
    assert len(listing) >= 6, listing  # home, category and tag feed pages, in both languages
    assert assert_served_as_built(server, site_dir) >= 20
    assert server.status("feed.xml") == 200
    with urllib.request.urlopen(server.base + "feed.xml", timeout=20) as response:
        assert "这是改写的开头" in response.read().decode("utf-8")


def test_a_page_whose_heading_is_its_title_takes_a_full_build(serve: Callable[..., Server],
                                                              portal: FixtureSite) -> None:
    portal.write("about.md", "# 关于\n\n这个站点收着学习笔记。\n")
    server = serve(portal, "--dirty")
    since = len(server.output())
    replace(portal, "about.md", "# 关于", "# 关于本站")
    assert wait_for_rebuild_line(server, since) == "full rebuild: docs/about.md: its title or front matter changed"
    server.wait_for(lambda: shows(server, "about/", "关于本站"), "the page to show its new title")


def test_a_new_note_takes_a_full_build(serve: Callable[..., Server], portal: FixtureSite) -> None:
    server = serve(portal, "--dirty")
    since = len(server.output())
    portal.note("nlp/d.md", "笔记丁", "2024-05-01", FIRST_PARAGRAPH)
    assert wait_for_rebuild_line(server, since) == "full rebuild: files were added or removed"
    server.wait_for(lambda: shows(server, "", "笔记丁"), "the new note in the feed")
    # The full build is what the next quick refresh draws from: the new note is a page of it.
    since = len(server.output())
    append(portal, "nlp/d.md", "\n新加的一段：refresh-marker-four。\n")
    server.wait_for(lambda: shows(server, "nlp/d/", "refresh-marker-four"), "the edit of the new note")
    assert wait_for_rebuild_line(server, since).startswith("quick refresh of docs/nlp/d.md")


def test_quick_refresh_can_be_switched_off(serve: Callable[..., Server], portal: FixtureSite) -> None:
    portal.plugin_config["serve_quick_refresh"] = False
    server = serve(portal, "--dirty")
    since = len(server.output())
    append(portal, "nlp/a.md", "\n新加的一段：refresh-marker-five。\n")
    server.wait_for(lambda: shows(server, "nlp/a/", "refresh-marker-five"), "the edit")
    server.wait_for(lambda: "Documentation built in" in server.output()[since:], "the rebuild to finish")
    assert rebuilt_lines(server, since) == []


# -- what changed, as the watcher tells it -----------------------------------------------------------


def test_watcher_events_fold_into_saved_added_and_removed_files(tmp_path: Path) -> None:
    notes = tmp_path / "nlp"
    notes.mkdir()
    a, b, c, d = (str(notes / name) for name in ("a.md", "b.md", "c.md", "d.md"))
    (notes / "a.md").write_text("甲", encoding="utf-8")
    events = SourceEvents()
    assert events.take() == SourceChanges(frozenset(), frozenset(), frozenset())
    events.record(FileModifiedEvent(a))
    events.record(DirModifiedEvent(str(notes)))
    saved = events.take()
    assert saved == SourceChanges(frozenset({a}), frozenset(), frozenset())
    assert saved.only_modified
    assert events.take().modified == frozenset()  # taken once

    # An atomic save (written beside the note, renamed over it) is a save of the note, and its
    # temporary file, gone by now, is nothing.
    temporary = str(notes / ".a.md.tmp")
    events.record(FileCreatedEvent(temporary))
    events.record(FileDeletedEvent(a))
    events.record(FileMovedEvent(temporary, a))
    assert events.take() == SourceChanges(frozenset({a}), frozenset(), frozenset())

    events.record(FileCreatedEvent(str(notes / "new.md")))
    events.record(FileDeletedEvent(b))
    events.record(FileMovedEvent(c, d))
    changes = events.take()
    assert changes.added == {str(notes / "new.md"), d}
    assert changes.removed == {b, c}
    assert not changes.only_modified


def test_pages_drawn_by_a_dirty_full_build_list_unread_notes_by_title(serve: Callable[..., Server],
                                                                     portal: FixtureSite) -> None:
    """``serve --dirty`` reads only changed pages; the navigation of pages it draws still names
    the others by their titles (MkDocs' ``Page.title`` is None for a page never read)."""
    server = serve(portal, "--dirty")
    since = len(server.output())
    replace(portal, "nlp/a.md", "title: 笔记甲", "title: 改过的标题")
    assert wait_for_rebuild_line(server, since).startswith("full rebuild: docs/nlp/a.md")
    server.wait_for(lambda: shows(server, "nlp/a/", "改过的标题"), "the note to show its new title")
    for path in ("nlp/a/", "en/nlp/a/", ""):
        nav = server.page(path).select_one("nav.md-nav--primary")
        links = [a.get_text(" ", strip=True) for a in nav.select("a.md-nav__link")]
        assert "None" not in links, (path, links)
        assert any("笔记乙" in text for text in links), (path, links)
        assert any("笔记丙" in text for text in links), (path, links)


def test_an_atomic_save_is_a_quick_refresh(serve: Callable[..., Server], portal: FixtureSite) -> None:
    """Editors that write a new file beside the note and rename it over the note: the note was saved."""
    server = serve(portal, "--dirty")
    since = len(server.output())
    note = portal.docs / "nlp" / "a.md"
    temporary = note.with_name(".a.md.tmp")
    temporary.write_text(note.read_text(encoding="utf-8") + "\n新加的一段：refresh-marker-six。\n", encoding="utf-8")
    temporary.replace(note)
    server.wait_for(lambda: shows(server, "nlp/a/", "refresh-marker-six"), "the edit")
    assert wait_for_rebuild_line(server, since) == QUICK_A
