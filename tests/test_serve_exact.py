"""Under ``mkdocs serve``, every rebuild shows what a fresh build of the same sources shows.

What is kept between rebuilds never outlives what it was made from: a changed option in
``mkdocs.yml``, or a rewrite that keeps the file's modification time, shows on the next rebuild.
And each language is drawn with its own settings: mkdocs-static-i18n builds every language on
one configuration and restores the default language's settings before it applies the next
language's overrides, on every rebuild and quick refresh; a Chinese page must never show the
English site's labels, however many saves came before.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from serving import Server
from sites import FixtureSite

LONG_PARAGRAPH = "注意力机制把序列里每个位置和其他位置联系起来，" * 10
ZH_TOGGLE, EN_TOGGLE = "切换到深色模式", "Switch to dark mode"


def palette(toggle_name: str) -> list[dict]:
    return [{"media": "(prefers-color-scheme: light)", "scheme": "default",
             "toggle": {"icon": "material/weather-night", "name": toggle_name}},
            {"media": "(prefers-color-scheme: dark)", "scheme": "slate",
             "toggle": {"icon": "material/weather-sunny", "name": "toggle-back"}}]


class PaletteSite(FixtureSite):
    """A portal whose English site names the colour toggle in English, as the shipped one does."""

    def config(self) -> dict:
        config = super().config()
        config["theme"]["palette"] = palette(ZH_TOGGLE)
        i18n = next(plugin["i18n"] for plugin in config["plugins"] if "i18n" in plugin)
        i18n["languages"][1]["theme"] = {"palette": palette(EN_TOGGLE)}
        return config


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    site = PaletteSite(tmp_path / "portal")
    site.note("nlp/a.md", "笔记甲", "2024-01-01", LONG_PARAGRAPH + "\n\n## 小节\n\n第二段。")
    site.note("nlp/b.md", "笔记乙", "2024-02-01", "乙的正文。")
    running = Server(site, ["--dirty"])  # as `make serve` starts it
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


def toggle_labels(server: Server, path: str) -> list[str]:
    return [label["title"] for label in server.page(path).select("form[data-md-component=palette] label[title]")]


def test_chinese_pages_keep_chinese_labels_after_several_saves(server: Server) -> None:
    note = server.site.docs / "nlp/a.md"
    for number in range(1, 4):  # the first quick refresh was right; later ones were not
        note.write_text(note.read_text(encoding="utf-8") + f"\n追加的第{number}段：marker-{number}。\n",
                        encoding="utf-8")
        server.wait_for(lambda: f"marker-{number}" in server.page("nlp/a/").get_text(), f"save {number}")
        assert ZH_TOGGLE in toggle_labels(server, "nlp/a/"), f"after save {number}"
        assert EN_TOGGLE in toggle_labels(server, "en/nlp/a/"), f"after save {number}"
    # A save that takes the full rebuild (a new title) draws both languages again with their own labels.
    note.write_text(note.read_text(encoding="utf-8").replace("title: 笔记甲", "title: 改名的笔记甲"), encoding="utf-8")
    server.wait_for(lambda: "改名的笔记甲" in server.page("").get_text(), "the full rebuild")
    for path in ("", "nlp/a/", "nlp/b/"):
        assert toggle_labels(server, path)[0] == ZH_TOGGLE, path
        assert toggle_labels(server, "en/" + path)[0] == EN_TOGGLE, path
