"""The portal's stylesheets and scripts are linked with the version of their bytes (``?v=``), so a
deploy is never half-applied in a reader's browser: a changed file is a new URL, on every page,
also on pages the page output cache keeps.

The expected versions are computed here from the files on disk with ``hashlib``, independently of
the plugin's code."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from sites import (
    REPO,
    BuildResult,
    FixtureSite,
    cache_report,
    content_version,
    url_path,
)

#: Every stylesheet and script the portal ships, by site path (each is linked from every page).
PORTAL_ASSETS = ["assets/katex/katex.min.css", "assets/stylesheets/notes-portal.css", "assets/katex/katex.min.js",
                 "assets/javascripts/katex-init.js", "assets/javascripts/portal.js"]
WORKER = "assets/javascripts/workers/np-search.js"
#: Pages of several kinds in both languages, and the two not-found pages.
PAGES = ["", "en/", "nlp/", "nlp/attention/", "en/nlp/attention/", "archive/", "tags/", "404.html", "en/404.html"]


def asset_links(page: BeautifulSoup, page_url: str) -> dict[str, list[dict[str, list[str]]]]:
    """Site path → the query of each link to it, for every stylesheet and script of the page and
    the search worker named in Material's configuration."""
    links: dict[str, list[dict[str, list[str]]]] = {}
    hrefs = [link["href"] for link in page.find_all("link", rel="stylesheet")]
    hrefs += [script["src"] for script in page.find_all("script", src=True)]
    hrefs.append(json.loads(page.select_one("#__config").string)["search"])
    for href in hrefs:
        path = url_path(page_url if not page_url.endswith(".html") else page_url.rsplit("/", 1)[0] + "/", href)
        links.setdefault(path.lstrip("/"), []).append(parse_qs(urlsplit(href).query))
    return links


def assert_versions(result: BuildResult, expected: dict[str, str]) -> None:
    """Every page in PAGES links each asset exactly once, with ``v`` = ``expected[path]``."""
    for page_url in PAGES:
        links = asset_links(result.html(page_url), page_url)
        for path, version in expected.items():
            assert [query.get("v") for query in links.get(path, [])] == [[version]], (page_url, path, links.get(path))
        index = ["en"] if page_url.startswith("en/") else None
        assert links[WORKER][0].get("index") == index, page_url


def write_notes(site: FixtureSite) -> None:
    site.plugin_config["tags"] = {"注意力": "Attention"}  # the translation's tag, named once
    site.note("nlp/attention.md", "注意力机制", "2024-08-20", "正文 $x^2$。", tags=["注意力"])
    site.note("nlp/attention.en.md", "Attention", "2024-08-20", "Body $x^2$.", tags=["Attention"])
    site.note("deep-learning/backprop.md", "反向传播", "2024-01-10", updated="2025-03-14")


def test_each_asset_url_carries_the_version_of_its_bytes(site: FixtureSite, tmp_path: Path) -> None:
    """Built with the portal's own overrides: every page links each shipped stylesheet and script,
    and the search worker, as ``?v=<first ten hex digits of SHA-256 of the file>``; changing the
    stylesheet changes its URL and no other."""
    overrides = tmp_path / "overrides"
    shutil.copytree(REPO / "overrides", overrides)
    site.extra_config["theme"] = {**site.config()["theme"], "custom_dir": str(overrides)}
    write_notes(site)
    expected = {path: content_version(REPO / "overrides" / path) for path in [*PORTAL_ASSETS, WORKER]}
    first = site.build(strict=True)
    assert first.returncode == 0, first.output
    assert_versions(first, expected)

    css = overrides / "assets" / "stylesheets" / "notes-portal.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n.np-new-rule { color: red; }\n", encoding="utf-8")
    changed = {**expected, "assets/stylesheets/notes-portal.css": content_version(css)}
    assert changed["assets/stylesheets/notes-portal.css"] != expected["assets/stylesheets/notes-portal.css"]
    second = site.build(strict=True)
    assert second.returncode == 0, second.output
    assert_versions(second, changed)
    assert (second.site_dir / "assets" / "stylesheets" / "notes-portal.css").read_bytes() == css.read_bytes()


@pytest.mark.parametrize("asset", ["assets/stylesheets/notes-portal.css", "assets/javascripts/portal.js"])
def test_a_warm_build_after_an_asset_changed_links_the_new_version(site: FixtureSite, asset: str) -> None:
    """The page output cache keeps whole pages under a digest of what their templates read. An
    author's copy of a portal asset in docs/ (MkDocs serves it instead of the theme's) changes
    no template and no page: still, the next warm build's pages link its new version, from the
    configuration (extra_css) and from a template (portal.js)."""
    write_notes(site)
    replaced = site.write(asset, "/* the author's copy */\n")
    expected = {path: content_version(REPO / "overrides" / path) for path in [*PORTAL_ASSETS, WORKER]}
    expected[asset] = content_version(replaced)
    cold = site.build(clean=False)
    assert_versions(cold, expected)
    warm = site.build(clean=False)
    assert cache_report(warm).pages_from_cache > 0 and cache_report(warm).pages_drawn == 0
    assert_versions(warm, expected)

    replaced.write_text("/* the author's copy, edited */\n", encoding="utf-8")
    edited = site.build(clean=False)
    assert cache_report(edited).notes_rendered == 0  # no note changed: only the pages are drawn again
    assert_versions(edited, {**expected, asset: content_version(replaced)})
