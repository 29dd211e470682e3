"""Under ``mkdocs serve``, every rebuild draws each language with that language's own settings.

mkdocs-static-i18n builds every language on one configuration and restores the default
language's settings before it applies the next language's overrides; under ``serve`` that
happens again on every rebuild and every quick refresh. A Chinese page must never show the
English site's labels, however many saves came before.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from serving import Server
from sites import FixtureSite

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
    site.note("nlp/a.md", "笔记甲", "2024-01-01", "甲的正文。\n\n## 小节\n\n第二段。")
    site.note("nlp/b.md", "笔记乙", "2024-02-01", "乙的正文。")
    running = Server(site, ["--dirty"])
    try:
        yield running
    finally:
        running.stop()


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
