"""Browser fixtures: the shipped site served over HTTP, one headless Chromium, a fresh context per test."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
from browser_support import Server, mkdocs_config
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    sync_playwright,
)

if TYPE_CHECKING:
    from sites import BuildResult

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
VIEWPORT = {"width": 1280, "height": 900}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site without logging every request to stderr."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def server(shipped_site: BuildResult) -> Iterator[Server]:
    """The shipped site on 127.0.0.1 and a free port, for the whole session."""
    handler = functools.partial(QuietHandler, directory=str(shipped_site.site_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, name="site-server", daemon=True)
    thread.start()
    site_host = urlsplit(mkdocs_config()["site_url"]).hostname
    try:
        yield Server(httpd.server_address[1], site_host)
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright, server: Server) -> Iterator[Browser]:
    """Debian's Chromium, launched once per session (Playwright never downloads a browser here).

    Its resolver sends the site's host name to the local server and nowhere else.
    """
    rules = f"--host-resolver-rules=MAP {server.site_host} 127.0.0.1:{server.port}"
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, rules])
    yield browser
    browser.close()


def new_context(browser: Browser, **options) -> BrowserContext:
    context = browser.new_context(viewport=VIEWPORT, locale="zh-CN", **options)
    context.set_default_timeout(15_000)
    context.set_default_navigation_timeout(15_000)
    return context


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh light-mode context per test, so no storage leaks between tests."""
    context = new_context(browser, color_scheme="light")
    yield context
    context.close()


@pytest.fixture
def dark_context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh context whose system preference is the dark colour scheme."""
    context = new_context(browser, color_scheme="dark")
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
