"""Share metadata: what a chat app, a forum or a search engine reads from a page's <head>
(OpenGraph, Twitter card, description), and the hreflang links between a note and its translation."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from sites import BuildResult, FixtureSite

#: The smallest valid PNG (1×1, transparent): a figure a share card can show.
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")
SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>\n'
TITLE = '注意力 "Q<K>" & 缩放'


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """A note with a translation, badges and figures; a note without one; an author's description."""
    site = FixtureSite(tmp_path_factory.mktemp("share") / "portal")
    site.extra_config = {"site_description": "一个测试用的笔记站"}
    site.plugin_config["tags"] = {"注意力": "Attention"}  # a translation shows its original's tags, named in English
    site.note("nlp/attention.md", TITLE, "2024-08-20", updated="2025-03-14", tags=["注意力", "NLP"], body="""
        <!-- 发布前再检查一遍 -->
        [![状态](https://img.shields.io/badge/status-done-green.svg)](#)

        缩放点积注意力用 $\\operatorname{softmax}(QK)V$ 汇总，"引号"、<b>粗体</b> 与 & 都是正文。

        ![结构图](images/attention.svg)

        ![示意图](images/attention.png)
        """)
    site.note("nlp/attention.en.md", "Attention", "2024-08-20", updated="2025-03-14", tags=["Attention"], body="""
        Attention mixes the values by how well each query matches each key.

        ![Sketch](images/attention.png)
        """)
    site.note("deep-learning/dropout.md", "Dropout 正则化", "2023-06-01", body="训练时随机丢弃一部分神经元。")
    site.note("deep-learning/quoted.md", "引号", "2023-05-01", description='作者写的 "描述" <b>',
              body="正文第一段。")
    (site.docs / "nlp/images").mkdir(parents=True)
    (site.docs / "nlp/images/attention.png").write_bytes(PNG)
    (site.docs / "nlp/images/attention.svg").write_text(SVG, encoding="utf-8")
    result = site.build()
    assert result.returncode == 0, result.output
    return result


def share_meta(page: BeautifulSoup) -> dict[str, list[str]]:
    """Every <meta property|name> of the page's head, by property or name, in page order."""
    found: dict[str, list[str]] = {}
    for meta in page.head.select("meta[property], meta[name]"):
        key = meta.get("property") or meta.get("name")
        found.setdefault(key, []).append(meta["content"])
    return found


SHARED_KEYS = {"viewport", "og:site_name", "og:type", "og:title", "og:url", "og:locale",
               "og:locale:alternate", "description", "og:description", "twitter:card", "twitter:title",
               "twitter:description"}


def test_note_with_a_translation(portal: BuildResult) -> None:
    meta = share_meta(portal.html("nlp/attention/"))
    excerpt = '缩放点积注意力用 softmax(QK)V 汇总，"引号"、粗体 与 & 都是正文。'
    assert meta == {
        "viewport": ["width=device-width,initial-scale=1"],
        "description": [excerpt],
        "og:site_name": ["笔记"],
        "og:type": ["article"],
        "og:title": [TITLE],
        "og:description": [excerpt],
        "og:url": ["https://notes.example.org/nlp/attention/"],
        "og:locale": ["zh_CN"],
        "og:locale:alternate": ["en_US"],
        # The badge and the SVG figure come first, but share cards show neither: the PNG is the picture.
        "og:image": ["https://notes.example.org/nlp/images/attention.png"],
        "article:published_time": ["2024-08-20"],
        "article:modified_time": ["2025-03-14"],
        "article:tag": ["注意力", "NLP"],
        "twitter:card": ["summary_large_image"],
        "twitter:title": [TITLE],
        "twitter:description": [excerpt],
        "twitter:image": ["https://notes.example.org/nlp/images/attention.png"],
    }


def test_translated_note(portal: BuildResult) -> None:
    meta = share_meta(portal.html("en/nlp/attention/"))
    excerpt = "Attention mixes the values by how well each query matches each key."
    assert meta["og:title"] == ["Attention"]
    assert meta["description"] == meta["og:description"] == meta["twitter:description"] == [excerpt]
    assert meta["og:type"] == ["article"]
    assert meta["og:url"] == ["https://notes.example.org/en/nlp/attention/"]
    assert meta["og:locale"] == ["en_US"] and meta["og:locale:alternate"] == ["zh_CN"]
    assert meta["og:site_name"] == ["Notes"]
    assert meta["og:image"] == ["https://notes.example.org/nlp/images/attention.png"]
    assert meta["article:published_time"] == ["2024-08-20"] and meta["article:modified_time"] == ["2025-03-14"]
    assert meta["article:tag"] == ["Attention", "NLP"]


def test_untranslated_note_on_the_english_site_says_its_text_is_chinese(portal: BuildResult) -> None:
    meta = share_meta(portal.html("en/deep-learning/dropout/"))
    assert meta["og:locale"] == ["zh_CN"] and meta["og:locale:alternate"] == ["en_US"]
    assert meta["og:description"] == ["训练时随机丢弃一部分神经元。"]
    assert meta["article:published_time"] == meta["article:modified_time"] == ["2023-06-01"]
    assert "og:image" not in meta and "article:tag" not in meta
    assert meta["twitter:card"] == ["summary"]


def test_home_pages(portal: BuildResult) -> None:
    zh, en = share_meta(portal.html("")), share_meta(portal.html("en/"))
    assert set(zh) == set(en) == SHARED_KEYS
    assert (zh["og:type"], zh["og:title"], zh["og:url"]) == (["website"], ["笔记"], ["https://notes.example.org/"])
    assert zh["description"] == zh["og:description"] == ["一个测试用的笔记站"]
    assert (zh["og:locale"], zh["og:locale:alternate"]) == (["zh_CN"], ["en_US"])
    assert (en["og:type"], en["og:title"], en["og:url"]) == (["website"], ["Notes"], ["https://notes.example.org/en/"])
    assert (en["og:locale"], en["og:locale:alternate"]) == (["en_US"], ["zh_CN"])
    assert zh["twitter:card"] == en["twitter:card"] == ["summary"]


def test_category_pages_are_described_by_their_category(portal: BuildResult) -> None:
    assert share_meta(portal.html("nlp/"))["og:description"] == ["NLP 笔记"]
    assert share_meta(portal.html("en/nlp/"))["og:description"] == ["NLP notes"]
    assert share_meta(portal.html("en/nlp/"))["og:title"] == ["NLP"]


def test_everything_printed_is_escaped(portal: BuildResult) -> None:
    """A title, an excerpt and an author's description with quotes and markup stay attribute text."""
    raw = (portal.site_dir / "nlp/attention/index.html").read_text(encoding="utf-8")
    head = raw[:raw.index("</head>")]
    assert 'content="注意力 &#34;Q&lt;K&gt;&#34; &amp; 缩放"' in head
    assert 'content="注意力 "' not in head and "<K>" not in head
    quoted = share_meta(portal.html("deep-learning/quoted/"))
    assert quoted["description"] == quoted["og:description"] == ['作者写的 "描述" <b>']
    assert "<b>" not in (portal.site_dir / "deep-learning/quoted/index.html").read_text(encoding="utf-8").split("</head>")[0]


def test_sitemap_links_a_note_and_its_translation(portal: BuildResult) -> None:
    sitemap = BeautifulSoup((portal.site_dir / "sitemap.xml").read_text(encoding="utf-8"), "xml")
    alternates = {url.loc.text: sorted((link["hreflang"], link["href"]) for link in url.find_all("link"))
                  for url in sitemap.find_all("url")}
    both = [("en", "https://notes.example.org/en/nlp/attention/"), ("zh", "https://notes.example.org/nlp/attention/")]
    assert alternates["https://notes.example.org/nlp/attention/"] == both
    assert alternates["https://notes.example.org/en/nlp/attention/"] == both
    # Only one language wrote it: the English page shows the Chinese text, no translation to announce.
    assert alternates["https://notes.example.org/deep-learning/dropout/"] == []
    assert alternates["https://notes.example.org/en/deep-learning/dropout/"] == []
