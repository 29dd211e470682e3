"""Unit tests of the link rewriting that runs on every rendered note (plugins/notes_portal/output/links.py)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from notes_portal.output.links import might_need_rewriting, rewrite_links


def rewrite(html: str) -> tuple[str, list[str]]:
    disarmed: list[str] = []
    return rewrite_links(html, resolve_problem=lambda n: f"../lc-{n}/", on_script_link=disarmed.append), disarmed


@pytest.mark.parametrize("link", [
    '<a href="javas&#99;ript:alert(1)">x</a>',        # a character reference hides "script"
    "<a href='&#106;avascript:alert(1)'>x</a>",
    '<a href=javascript&colon;alert(1)>x</a>',
    '<img src="  JaVaScRiPt:alert(1)">',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
])
def test_script_urls_are_disarmed_however_spelled(link: str) -> None:
    html, disarmed = rewrite(f"<p>{link}</p>")
    assert len(disarmed) == 1
    element = BeautifulSoup(html, "lxml").select_one("a, img")
    assert (element.get("href") or element.get("src")) == "#"


def test_character_references_in_code_do_not_trigger_the_scan() -> None:
    """Code is full of ``&#39;``: only a reference inside a tag can spell a scheme."""
    assert not might_need_rewriting('<pre><code>print(&#39;a&#39;)</code></pre><a href="../x/">x</a>')
    assert might_need_rewriting('<pre><code>&#39;</code></pre><a href="&#106;avascript:x">x</a>')


def test_lc_links_resolve_and_keep_their_fragment() -> None:
    html, disarmed = rewrite('<p><a href="lc:76#code">76</a> <a href="https://arxiv.org/abs/1706.03762">paper</a></p>')
    assert disarmed == []
    hrefs = [a["href"] for a in BeautifulSoup(html, "lxml").select("a")]
    assert hrefs == ["../lc-76/#code", "https://arxiv.org/abs/1706.03762"]


def test_relative_and_web_links_are_left_alone() -> None:
    source = '<p><a href="../x/">x</a> <a href="https://example.org/?a=1&amp;b=2">y</a> <img src="a.png"></p>'
    assert rewrite(source) == (source, [])
