"""Search stays current under ``mkdocs serve``: text written while the server runs is found
through Material's search box once the server has rebuilt (and re-indexed in the background)."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import search
from conftest import new_context
from playwright.sync_api import Browser, Page, expect
from playwright.sync_api import Error as PlaywrightError
from serving import PATIENCE, Server
from sites import FixtureSite

pytestmark = pytest.mark.browser

#: A phrase that occurs nowhere before the edit.
NEW_PHRASE = "蓝鲸跃迁"
#: What ``mkdocs serve`` logs once a rebuild is done and it tells browsers to reload.
RELOADED = "Reloading browsers"
#: Material's zh wording for "N results" and for "no results" both end in this.
ANSWERED = re.compile("符合条件的结果")


def found_after_reload(page: Page, base: str) -> bool:
    """Open the home page afresh, search NEW_PHRASE, and say whether note A is listed."""
    try:
        page.goto(base)
        search(page, NEW_PHRASE)
        expect(page.locator(".md-search-result__meta")).to_have_text(ANSWERED, timeout=20_000)
    except (AssertionError, PlaywrightError):  # e.g. a live reload came in between: try again
        return False
    return page.locator(".md-search-result__item a[href*='nlp/a/']").count() > 0


@pytest.fixture(params=[[], ["--dirty"]], ids=["serve", "serve-dirty"])
def served(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[FixtureSite, Server]]:
    site = FixtureSite(tmp_path / "portal")
    site.note("nlp/a.md", "笔记甲", "2024-01-01", "甲的正文讲位置编码。")
    site.note("nlp/b.md", "笔记乙", "2024-02-01", "乙的正文讲注意力。")
    server = Server(site, request.param)
    try:
        yield site, server
    finally:
        server.stop()


def test_search_finds_text_written_while_serving(browser: Browser, served: tuple[FixtureSite, Server]) -> None:
    site, server = served
    context = new_context(browser)
    try:
        page = context.new_page()
        console: list[str] = []
        page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
        page.goto(server.base)
        search(page, "注意力")
        expect(page.locator(".md-search-result__item a[href*='nlp/b/']").first).to_be_attached()

        reloads = server.output().count(RELOADED)
        site.note("nlp/a.md", "笔记甲", "2024-01-01", f"甲的正文讲位置编码，新写了{NEW_PHRASE}一节。")
        server.wait_for(lambda: server.output().count(RELOADED) > reloads, "the rebuild after the edit")
        deadline = time.monotonic() + PATIENCE
        while not found_after_reload(page, server.base):  # the index is re-written in the background
            assert time.monotonic() < deadline, (f"{NEW_PHRASE} never found; console: {console[-10:]}\n"
                                                 f"server log:\n{server.output()[-3000:]}")
            time.sleep(0.5)
        snippet = page.locator(".md-search-result__item").first.inner_text()
        assert NEW_PHRASE in snippet
        assert "ERROR" not in server.output()
    finally:
        context.close()
