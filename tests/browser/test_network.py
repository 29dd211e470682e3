"""Pages load only from the portal's own origin and log no errors."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext

from browser_support import SEARCH_TIMEOUT_MS
from conftest import PageLog, Server

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["/", "/nlp/transformer/", "/leetcode/"], ids=["home", "math-note", "leetcode"])
def test_page_is_self_contained_and_error_free(context: BrowserContext, server: Server, path: str) -> None:
    """No request leaves 127.0.0.1:<port> (no CDN, fonts or analytics); no console error or uncaught exception."""
    page = context.new_page()
    log = PageLog()
    log.attach(page)
    page.goto(server.url(path))
    page.wait_for_load_state("networkidle", timeout=SEARCH_TIMEOUT_MS)

    assert log.requests, "no request was recorded"
    foreign = [url for url in log.requests
               if not url.startswith(server.origin + "/") and not url.startswith(("data:", "blob:"))]
    assert foreign == [], f"requests outside {server.origin}: {foreign}"
    assert log.console_errors == [], f"console errors on {path}: {log.console_errors}"
    assert log.page_errors == [], f"uncaught errors on {path}: {log.page_errors}"
