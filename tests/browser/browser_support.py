"""Facts about the shipped portal (read from mkdocs.yml and docs/) and small page helpers for the browser tests."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml
from playwright.sync_api import ConsoleMessage, Locator, Page, Request, expect
from sites import mkdocs_config  # the browser tests read mkdocs.yml through here

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs"
#: Generous: the first query loads Pagefind, and CI machines are slow.
SEARCH_TIMEOUT_MS = 15_000


@dataclass
class Server:
    """The local HTTP server and the names the browser reaches it by.

    Material's instant navigation only intercepts links listed in sitemap.xml, and it matches them
    after taking over the page's protocol and host name but not its port. The sitemap holds the
    configured ``site_url`` (https://notes.example.org/), so at ``127.0.0.1:<port>`` every click
    would be a full page load. The browser therefore maps the site's own host name to this server
    and the tests open ``http://<site host>/...``, the way readers reach the deployed site.
    """

    port: int
    site_host: str

    @property
    def local_origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def origin(self) -> str:
        return f"http://{self.site_host}"

    def url(self, path: str = "") -> str:
        """Absolute URL of ``path`` (a site path such as ``/nlp/transformer/``) under the site's host name."""
        return f"{self.origin}/{path.lstrip('/')}"

    def local_url(self, path: str = "") -> str:
        """Absolute URL of ``path`` on 127.0.0.1:<port> itself."""
        return f"{self.local_origin}/{path.lstrip('/')}"


@dataclass
class PageLog:
    """Everything a page asked the network for and every error it reported."""

    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> None:
        page.on("request", self._on_request)
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))

    def _on_request(self, request: Request) -> None:
        self.requests.append(request.url)

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(f"{message.text} ({message.location.get('url', '')})")




@dataclass(frozen=True)
class Category:
    slug: str
    name_zh: str


def portal_config() -> dict:
    """The notes-portal plugin's options in mkdocs.yml."""
    plugins = mkdocs_config()["plugins"]
    return next(entry["notes-portal"] for entry in plugins if isinstance(entry, dict) and "notes-portal" in entry)


def categories() -> list[Category]:
    """The categories configured for the notes-portal plugin, in configured order."""
    portal = portal_config()
    return [Category(c["slug"], c["name"]["zh"]) for c in portal["categories"]]


def per_page() -> int:
    """Notes per feed page, as configured."""
    return portal_config()["per_page"]


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.DOTALL)
    assert match, f"{path} has no front matter"
    return yaml.safe_load(match.group(1))


@dataclass(frozen=True)
class NoteFact:
    url: str
    date: dt.date
    updated: dt.date | None
    src_uri: str

    @property
    def sort_key(self) -> tuple[dt.date, dt.date, str]:
        """Newest change first, then newest creation, then path (as readers expect a feed to be ordered)."""
        return (self.updated or self.date, self.date, self.src_uri)


@cache
def commit_dates() -> dict[str, tuple[dt.date, dt.date]]:
    """(first, last) commit date of every file under docs/, from git (empty outside a work tree)."""
    done = subprocess.run(["git", "-C", str(REPO), "-c", "core.quotepath=off", "log", "--format=@%as",
                           "--name-only", "--", "docs"], check=False, capture_output=True, text=True)
    dates: dict[str, tuple[dt.date, dt.date]] = {}
    current: dt.date | None = None
    for line in done.stdout.splitlines():
        if line.startswith("@"):
            current = dt.date.fromisoformat(line[1:])
        elif line and current:
            _, last = dates.get(line, (current, current))
            dates[line] = (current, last)  # the log runs newest first
    return dates


def shown_updated(meta: dict, relative: Path) -> dt.date | None:
    """The portal's rule: front matter ``updated``, else a later commit than the note's first."""
    if meta.get("updated"):
        return meta["updated"]
    first, last = commit_dates().get(f"docs/{relative.as_posix()}", (None, None))
    return last if last and first and last > max(meta["date"], first) else None


@cache
def chinese_notes() -> tuple[NoteFact, ...]:
    """Every published Chinese note under a category folder, read straight from docs/."""
    slugs = {category.slug for category in categories()}
    notes = []
    for path in sorted(DOCS.rglob("*.md")):
        relative = path.relative_to(DOCS)
        if path.name.endswith(".en.md") or relative.parts[0] not in slugs or path.name == "index.md":
            continue
        meta = front_matter(path)
        if meta.get("draft"):
            continue
        notes.append(NoteFact(url="/" + relative.with_suffix("").as_posix() + "/", date=meta["date"],
                              updated=shown_updated(meta, relative), src_uri=relative.as_posix()))
    return tuple(notes)


def newest_first() -> list[NoteFact]:
    return sorted(chinese_notes(), key=lambda note: note.sort_key, reverse=True)


def path_of(url: str) -> str:
    """The decoded path of an absolute URL (``http://127.0.0.1:8000/nlp/`` -> ``/nlp/``)."""
    return unquote(urlsplit(url).path)


def hrefs(locator: Locator) -> list[str]:
    """The resolved ``href`` of every element the locator matches, as decoded paths."""
    return [path_of(url) for url in locator.evaluate_all("links => links.map(link => link.href)")]


def mark_document(page: Page) -> None:
    """Tag the current JavaScript realm; a full page load forgets the tag, an instant navigation keeps it.

    Waits first until Material can intercept a click: it pairs each click with the parsed sitemap, and
    a click that comes before the sitemap has arrived is left to the browser as a full page load. A
    reader never clicks that fast; a test does, so it waits for the sitemap's response and then for
    the task that parses it.
    """
    page.wait_for_function(
        "performance.getEntriesByType('resource')"
        ".some(entry => entry.name.endsWith('sitemap.xml') && entry.responseEnd > 0)")
    page.evaluate("new Promise(resolve => setTimeout(resolve, 100))")
    page.evaluate("window.__npSameDocument = true")


def is_same_document(page: Page) -> bool:
    return page.evaluate("window.__npSameDocument === true")


def wait_for_path(page: Page, path: str) -> None:
    """Wait until the address bar shows ``path`` (instant navigation changes it without a load event)."""
    page.wait_for_url(lambda url: path_of(url) == path)


def wait_for_math(page: Page) -> int:
    """Wait until KaTeX has rendered every arithmatex element of the page; return how many there are."""
    expect(page.locator(".arithmatex").first).to_be_attached()
    total = page.locator(".arithmatex").count()
    expect(page.locator(".arithmatex:has(.katex)")).to_have_count(total)
    return total


def unrendered_tex_in_text(page: Page) -> list[str]:
    """TeX delimiters a reader would see in the page text (each with a little context)."""
    text: str = page.evaluate("document.body.innerText")
    return [text[max(0, match.start() - 30):match.end() + 30]
            for match in re.finditer(r"\\\(|\\\)|\\\[|\\\]|\$\$", text)]


#: What Material's opened search box says once its worker is ready, in Chinese or English.
SEARCH_READY = re.compile(r"^(键入以开始搜索|Type to start searching)$")


def search(page: Page, query: str) -> None:
    """Open Material's search and, once it reads as ready (as a reader sees it), type ``query``.

    Waiting for "ready" also means the worker's answer to the empty box has arrived, so it
    can't be read as the answer to ``query``."""
    field = page.locator("input.md-search__input")
    page.keyboard.press("/")  # Material's shortcut; the header's search label is hidden on wide screens
    expect(field).to_be_focused()
    expect(page.locator(".md-search-result__meta")).to_have_text(SEARCH_READY, timeout=SEARCH_TIMEOUT_MS)
    field.fill(query)
    # Material reads the query on keyup (and again once its worker is ready), not on input events.
    field.press("End")
    expect(field).to_have_value(query)
