"""Pages load only from the portal's own origin and log no errors."""

from __future__ import annotations

import pytest
from browser_support import SEARCH_TIMEOUT_MS, PageLog, Server
from playwright.sync_api import BrowserContext

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["/", "/nlp/transformer/", "/leetcode/"], ids=["home", "math-note", "leetcode"])
def test_page_is_self_contained_and_error_free(context: BrowserContext, server: Server, path: str) -> None:
    """Opened at 127.0.0.1:<port>, no request goes anywhere else (no CDN, web fonts or analytics, no
    hard-coded site host); no console error and no uncaught exception."""
    page = context.new_page()
    log = PageLog()
    log.attach(page)
    page.goto(server.local_url(path))
    page.wait_for_load_state("networkidle", timeout=SEARCH_TIMEOUT_MS)

    assert any(url.endswith("search_index.json") for url in log.requests), "the search index was never loaded"
    foreign = [url for url in log.requests
               if not url.startswith(server.local_origin + "/") and not url.startswith(("data:", "blob:"))]
    assert foreign == [], f"requests outside {server.local_origin}: {foreign}"
    assert log.console_errors == [], f"console errors on {path}: {log.console_errors}"
    assert log.page_errors == [], f"uncaught errors on {path}: {log.page_errors}"
