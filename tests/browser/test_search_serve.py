"""Search stays current under ``mkdocs serve``: text written while the server runs is found
through Material's search box once the server has rebuilt (and re-indexed in the background)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from browser_support import search
from conftest import new_context
from serving import PATIENCE, Server
from sites import FixtureSite

pytestmark = pytest.mark.browser

#: A phrase that occurs nowhere before the edit.
NEW_PHRASE = "蓝鲸跃迁"


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
        page.goto(server.base)
        search(page, "注意力")
        expect(page.locator(".md-search-result__item a[href*='nlp/b/']").first).to_be_attached()

        site.note("nlp/a.md", "笔记甲", "2024-01-01", f"甲的正文讲位置编码，新写了{NEW_PHRASE}一节。")
        deadline = time.monotonic() + PATIENCE
        while True:  # the rebuild, then the background index: reload until the new text is found
            page.goto(server.base)
            search(page, NEW_PHRASE)
            meta = page.locator(".md-search-result__meta")
            expect(meta).not_to_have_text("正在初始化搜索引擎", timeout=10_000)
            if page.locator(".md-search-result__item a[href*='nlp/a/']").count():
                break
            assert time.monotonic() < deadline, f"{NEW_PHRASE} never found; server log:\n{server.output()[-3000:]}"
            time.sleep(0.5)
        snippet = page.locator(".md-search-result__item").first.inner_text()
        assert NEW_PHRASE in snippet
        assert "ERROR" not in server.output()
    finally:
        context.close()
