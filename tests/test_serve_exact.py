"""Under ``mkdocs serve``, what is kept in memory between rebuilds never outlives what it was
made from: a changed option in ``mkdocs.yml``, or a rewrite that keeps the file's modification
time, shows on the next rebuild as a fresh build would show it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from serving import Server
from sites import FixtureSite

LONG_PARAGRAPH = "注意力机制把序列里每个位置和其他位置联系起来，" * 10


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    site = FixtureSite(tmp_path / "portal")
    site.note("nlp/a.md", "笔记甲", "2024-01-01", LONG_PARAGRAPH)
    site.note("nlp/b.md", "笔记乙", "2024-02-01", "乙的正文。")
    running = Server(site, ["--dirty"])
    try:
        yield running
    finally:
        running.stop()


def feed_excerpt(server: Server, title: str) -> str:
    for entry in server.page("").select("article.np-feed-item"):
        if title in entry.get_text():
            excerpt = entry.select_one(".np-feed-item__excerpt")
            return excerpt.get_text() if excerpt else ""
    raise AssertionError(f"{title} is not in the home feed")


def test_a_changed_excerpt_option_reaches_the_feed(server: Server) -> None:
    assert len(feed_excerpt(server, "笔记甲")) > 100  # the default: 120 characters
    config_file = server.site.root / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    next(p for p in config["plugins"] if "notes-portal" in p)["notes-portal"]["excerpt_chars"] = 30
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    server.wait_for(lambda: len(feed_excerpt(server, "笔记甲")) <= 31, "the home feed to show 30-character excerpts")
    assert feed_excerpt(server, "笔记甲").startswith("注意力机制把序列里")


def test_a_rewrite_that_keeps_the_modification_time_is_read_again(server: Server) -> None:
    note = server.site.docs / "nlp/a.md"
    before = os.stat(note)
    note.write_text(note.read_text(encoding="utf-8").replace("title: 笔记甲", "title: 同一时刻改名的笔记"),
                    encoding="utf-8")
    os.utime(note, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `rsync -t` leaves it
    server.wait_for(lambda: "同一时刻改名的笔记" in server.page("nlp/a/").get_text(), "the new title on the note")
    server.wait_for(lambda: "同一时刻改名的笔记" in server.page("").get_text(), "the new title in the feed")
    assert "笔记甲" not in server.page("").get_text()
