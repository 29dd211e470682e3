"""Image zoom (mkdocs-glightbox) on a portal: images in a note's text get a lightbox link, the rest
of the page is as without it (a note's title, its facts under it, one document)."""

from __future__ import annotations

import pytest
from sites import BuildResult, FixtureSite

#: The smallest valid PNG (1×1, transparent).
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """A note as people write them elsewhere: its own first heading, a comment and a style, figures
    (one opted out of zoom), raw HTML; and the shipped plugin options for the lightbox."""
    site = FixtureSite(tmp_path_factory.mktemp("zoom") / "portal")
    site.note("nlp/attention.md", "注意力机制", "2024-08-20", body="""
        # 注意力机制

        <!-- 从旧博客搬来 -->
        <style>.legacy { color: gray; }</style>

        第一段正文，$QK$ 是打分矩阵。

        ![结构图](images/attention.png)

        ![图标](images/attention.png){ .np-no-zoom }

        <div class="legacy"><img src="../images/attention.png" alt="原始 HTML 里的图"></div>
        """)
    (site.docs / "nlp/images").mkdir(parents=True)
    (site.docs / "nlp/images/attention.png").write_bytes(PNG)
    plugins = [*site.config()["plugins"], {"glightbox": {"skip_classes": ["np-no-zoom"]}}]
    site.extra_config = {"plugins": plugins}
    result = site.build(strict=True)
    assert result.returncode == 0, result.output
    return result


def test_images_in_the_text_open_in_the_lightbox(portal: BuildResult) -> None:
    article = portal.html("nlp/attention/").select_one("article")
    links = article.select("a.glightbox")
    assert [(link["href"], link.img["alt"]) for link in links] == [
        ("../images/attention.png", "结构图"), ("../images/attention.png", "原始 HTML 里的图")]
    opted_out = article.select("img.np-no-zoom")
    assert len(opted_out) == 1 and opted_out[0].parent.name != "a"


def test_a_note_keeps_one_title_with_its_facts_under_it(portal: BuildResult) -> None:
    raw = (portal.site_dir / "nlp/attention/index.html").read_text(encoding="utf-8")
    assert raw.lower().count("<html") == 1 and raw.lower().count("<body") == 1
    article = portal.html("nlp/attention/").select_one("article")
    headings = article.select("h1")
    assert [heading.get_text(strip=True) for heading in headings] == ["注意力机制¶"]  # ¶: its permalink
    assert headings[0].find_next_sibling()["class"] == ["np-note-meta"]
    assert article.select_one("style").get_text() == ".legacy { color: gray; }"


def test_the_share_card_shows_the_first_figure(portal: BuildResult) -> None:
    head = portal.html("nlp/attention/").head
    assert head.select_one("meta[property='og:image']")["content"] == "https://notes.example.org/nlp/images/attention.png"
    assert head.select_one("meta[name=description]")["content"] == "第一段正文，QK 是打分矩阵。"
