"""Building real MkDocs sites for the tests: the shipped portal and small fixture portals.

A module of its own (not ``conftest``) so test files can import it unambiguously."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml
from bs4 import BeautifulSoup
from forked_builds import FORKER, needs_fresh_interpreter

REPO = Path(__file__).resolve().parents[1]
MKDOCS = [sys.executable, "-m", "mkdocs"]
#: Quiet Material's end-of-life banner so build output is just the build's own messages.
#: The site_url of mkdocs.yml and of every fixture site.
SITE_URL = "https://notes.example.org/"
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore"}

#: The shipped categories, so fixture sites look like the real portal.
CATEGORIES = [
    {"slug": "deep-learning", "name": {"zh": "深度学习", "en": "Deep Learning"}, "icon": "material/brain",
     "description": {"zh": "深度学习笔记", "en": "Deep learning notes"}},
    {"slug": "nlp", "name": {"zh": "自然语言处理", "en": "NLP"}, "icon": "material/translate",
     "description": {"zh": "NLP 笔记", "en": "NLP notes"}},
    {"slug": "leetcode", "name": {"zh": "LeetCode 题解", "en": "LeetCode"}, "icon": "material/code-braces",
     "description": {"zh": "刷题笔记", "en": "Solutions"}},
]

MARKDOWN_EXTENSIONS = [
    "admonition", "attr_list", "footnotes", "md_in_html", "tables", {"toc": {"permalink": True}},
    {"pymdownx.arithmatex": {"generic": True}}, "pymdownx.details", "pymdownx.superfences",
    "pymdownx.highlight", "pymdownx.inlinehilite", {"pymdownx.tabbed": {"alternate_style": True}},
    "pymdownx.mark",
]


@dataclass
class BuildResult:
    returncode: int
    output: str
    site_dir: Path

    def html(self, path: str) -> BeautifulSoup:
        """Parse ``path`` (a URL path such as ``nlp/`` or ``en/page/2/``) of the built site."""
        file = self.site_dir / path
        if path == "" or path.endswith("/"):
            file = file / "index.html"
        return BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")

    def exists(self, path: str) -> bool:
        file = self.site_dir / path
        return (file / "index.html").is_file() if path == "" or path.endswith("/") else file.is_file()

    def warnings(self) -> list[str]:
        return [line for line in self.output.splitlines() if line.startswith(("WARNING", "ERROR"))]

    def search_pages(self, prefix: str = "") -> dict[str, dict]:
        """The pages in the Pagefind bundle under ``<prefix>pagefind/``, by URL: each page's
        fragment as Pagefind stores it (gzip after a 12-byte ``pagefind_dcd`` signature)."""
        pages = {}
        for fragment in (self.site_dir / prefix / "pagefind" / "fragment").glob("*.pf_fragment"):
            raw = gzip.decompress(fragment.read_bytes())
            assert raw.startswith(b"pagefind_dcd"), fragment
            data = json.loads(raw[len(b"pagefind_dcd"):])
            url = data["url"].lstrip("/")
            assert url not in pages, f"{url} is in the bundle twice"
            pages[url] = data
        return pages


def build_arguments(site: Path, *, clean: bool, strict: bool) -> list[str]:
    """``mkdocs`` arguments of a build into ``site`` (``--clean``: without the build cache)."""
    return ["build", "-d", str(site), *(["--clean"] if clean else []), *(["--strict"] if strict else [])]


class FixtureSite:
    """A small portal in a temporary folder, built with the real ``mkdocs`` command."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.docs = root / "docs"
        self.docs.mkdir(parents=True, exist_ok=True)
        self.plugin_config: dict = {"categories": CATEGORIES}
        self.i18n = True
        self.extra_config: dict = {}

    def write(self, path: str, text: str, *, dedent: bool = True) -> Path:
        file = self.docs / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(textwrap.dedent(text).lstrip("\n") if dedent else text, encoding="utf-8")
        return file

    def note(self, path: str, title: str, date: str, body: str = "正文。", **fields) -> Path:
        """Write a note with front matter; extra keyword fields go into the front matter as YAML."""
        meta = {"title": title, "date": date, **fields}
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        return self.write(path, f"---\n{front}---\n\n{textwrap.dedent(body).strip()}\n", dedent=False)

    def config(self) -> dict:
        plugins: list = [{"search": {"lang": ["en", "zh"], "pipeline": ["stopWordFilter"]}}]
        if self.i18n:
            plugins.append({"i18n": {
                "docs_structure": "suffix", "fallback_to_default": True, "reconfigure_material": True, "reconfigure_search": False,
                "languages": [
                    {"locale": "zh", "default": True, "name": "中文", "build": True},
                    {"locale": "en", "name": "English", "build": True, "site_name": "Notes"},
                ],
            }})
        plugins.append({"notes-portal": self.plugin_config})
        return {
            "site_name": "笔记",
            "site_url": SITE_URL,
            "theme": {"name": "material", "custom_dir": str(REPO / "overrides"), "language": "zh",
                      "font": False, "features": ["navigation.instant", "navigation.indexes"]},
            "extra_css": ["assets/katex/katex.min.css", "assets/stylesheets/notes-portal.css"],
            "extra_javascript": ["assets/katex/katex.min.js", "assets/javascripts/katex-init.js"],
            "markdown_extensions": MARKDOWN_EXTENSIONS,
            "plugins": plugins,
            **self.extra_config,
        }

    def write_config(self, edit: Callable[[str], str] | None = None) -> None:
        """Write ``mkdocs.yml``; ``edit`` may rewrite its text (for ``!!python/name:`` options)."""
        text = yaml.safe_dump(self.config(), allow_unicode=True)
        (self.root / "mkdocs.yml").write_text(edit(text) if edit else text, encoding="utf-8")

    def start_build(self, *, strict: bool = False, site_dir: Path | None = None, clean: bool = True,
                    env: dict[str, str] | None = None) -> tuple[subprocess.Popen, Path]:
        """Start ``mkdocs build`` (``--clean``: without the build cache) on the written ``mkdocs.yml``."""
        site = site_dir or self.root / "site"
        command = [*MKDOCS, *build_arguments(site, clean=clean, strict=strict)]
        process = subprocess.Popen(command, cwd=self.root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   text=True, env={**BUILD_ENV, **(env or {})})
        return process, site

    def build(self, *, strict: bool = False, site_dir: Path | None = None, clean: bool = True,
              env: dict[str, str] | None = None, edit_config: Callable[[str], str] | None = None) -> BuildResult:
        """Build for real. ``clean=False`` uses the build cache (``mkdocs build`` without ``--clean``)."""
        self.write_config(edit_config)
        build_env = {**BUILD_ENV, **(env or {})}
        if needs_fresh_interpreter(build_env):
            process, site = self.start_build(strict=strict, site_dir=site_dir, clean=clean, env=env)
            output, _ = process.communicate()
            return BuildResult(process.returncode, output, site)
        site = site_dir or self.root / "site"
        log = self.root.parent / f"{self.root.name}-build.log"  # outside the portal: not one of its files
        returncode = FORKER.run(build_arguments(site, clean=clean, strict=strict), cwd=self.root, env=build_env,
                                output=log)
        return BuildResult(returncode, log.read_text(encoding="utf-8", errors="replace"), site)


class BuiltPortal:
    """A fixture portal built with ``mkdocs build`` at once and with ``--strict`` on first use
    (into ``site-strict``), for tests that ask both what a build shows and whether strict fails."""

    def __init__(self, site: FixtureSite) -> None:
        self.site = site
        self.result = site.build()
        self._strict: BuildResult | None = None

    @property
    def strict(self) -> BuildResult:
        if self._strict is None:
            self._strict = self.site.build(strict=True, site_dir=self.site.root / "site-strict")
        return self._strict


#: Where a fixture portal's build cache lives, relative to its ``mkdocs.yml``.
CACHE_DIR = Path(".cache") / "notes-portal"
_CACHE_REPORT = re.compile(r"build cache: (\d+) pages from \S+, (\d+) rendered"
                           r"(?:; (\d+) pages drawn from the cache, (\d+) drawn)?")


@dataclass(frozen=True)
class CacheReport:
    """What a build's log line ``build cache: H pages from .cache/notes-portal, R rendered;
    P pages drawn from the cache, D drawn`` says: notes whose HTML came from the build cache
    and notes rendered; then whole pages from the page output cache and pages their templates
    drew (0 and 0 when the line has no ``;`` part: the page cache gave and kept nothing)."""

    notes_from_cache: int
    notes_rendered: int
    pages_from_cache: int
    pages_drawn: int


def cache_report(result: BuildResult) -> CacheReport:
    """The build cache's line of a successful build; all zero when the build logged none."""
    assert result.returncode == 0, result.output
    found = _CACHE_REPORT.findall(result.output)
    assert len(found) <= 1, result.output
    return CacheReport(*(int(number or 0) for number in found[0])) if found else CacheReport(0, 0, 0, 0)


def build_shipped_site(site_dir: Path) -> BuildResult:
    """Build the repository's own portal, strictly, into ``site_dir``."""
    log = site_dir.parent / "build.log"
    returncode = FORKER.run(["build", "--strict", "-d", str(site_dir)], cwd=REPO, env=BUILD_ENV, output=log)
    return BuildResult(returncode, log.read_text(encoding="utf-8", errors="replace"), site_dir)


def absolute_url(page: str, href: str) -> str:
    """The URL a browser on the page at URL path ``page`` (``nlp/``) follows for ``href``."""
    return urljoin(SITE_URL + page, href)


def url_path(page: str, href: str) -> str:
    """The site path (``/nlp/attention/``) that ``href`` on the page at ``page`` points to."""
    return urlsplit(absolute_url(page, href)).path


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without importing the Python objects its ``!!python/...`` tags name."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@cache
def mkdocs_config() -> dict:
    """The shipped ``mkdocs.yml``, as data."""
    return yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)


def h1_text(page: BeautifulSoup) -> str:
    """The page heading as readers see it, without the permalink anchor."""
    heading = page.select_one("article h1")
    assert heading is not None, "page has no <h1> in its article"
    for anchor in heading.select("a.headerlink"):
        anchor.decompose()
    return heading.get_text(strip=True)


def content_version(file: Path) -> str:
    """What an asset's ``?v=`` must say: the first ten hex digits of the SHA-256 of its bytes."""
    return hashlib.sha256(file.read_bytes()).hexdigest()[:10]


def shipped_version(site_path: str) -> str:
    """The version of one of the portal's own assets (``assets/javascripts/portal.js``), read from disk."""
    return content_version(REPO / "overrides" / site_path)
