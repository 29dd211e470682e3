"""Math in the shipped notes as the feeds, the Atom feed and search show it (issue 21).

Excerpts used to read ``n_in,Var(w),Var(x)`` and ``D_KL(p,,q)``, and search snippets had holes
where inline math was. Here the feeds must carry each formula as arithmatex's inline markup (for
KaTeX), the plain-text places must read it as text, and no page may show the old fragments.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from bs4 import BeautifulSoup, Tag
from sites import BuildResult

#: What the old hand-written TeX rules left in excerpts; none may appear in any plain text.
MANGLED = (",,", "^/", "_in,", "^ ", "\\", "$")
#: Feed pages: home pages, category pages and tag pages, in both languages.
FEED_PAGE = re.compile(r"^(en/)?(page/\d+/|[a-z-]+/(page/\d+/)?|tags/[^/]+/(page/\d+/)?)?index\.html$")
ATOM = {"atom": "http://www.w3.org/2005/Atom"}

#: Shipped notes, the URL that lists them (page 2 of the home feed at the time of writing is not
#: assumed: their category page is used) and the formula of their first paragraph, as written.
SHIPPED_FORMULAS = [
    ("deep-learning/", "weight-initialization-xavier-he", r"n_{\text{in}}\,\mathrm{Var}(w)\,\mathrm{Var}(x)"),
    ("math/", "kl-divergence-and-cross-entropy", r"D_{\mathrm{KL}}(p\,\Vert\,q)"),
    ("math/", "convex-optimization-gradient-descent", r"x_{k+1}=x_k-\eta\nabla f(x_k)"),
    ("math/", "singular-value-decomposition", r"A=U\Sigma V^\top"),
]


def feed_pages(site: BuildResult) -> Iterator[tuple[str, BeautifulSoup]]:
    for path in sorted(site.site_dir.rglob("index.html")):
        relative = path.relative_to(site.site_dir).as_posix()
        if FEED_PAGE.match(relative):
            page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            if page.select_one("p.np-feed-item__excerpt"):
                yield relative, page


def excerpt_of(page: BeautifulSoup, slug: str) -> Tag:
    for item in page.select("article.np-feed-item"):
        if item.select_one(".np-feed-item__title a")["href"].rstrip("/").endswith(slug):
            return item.select_one("p.np-feed-item__excerpt")
    raise AssertionError(f"no feed item for {slug}")


def test_shipped_math_excerpts_carry_their_formulas(shipped_site: BuildResult) -> None:
    """On its category page, each math note's excerpt has its first formula as arithmatex's inline
    markup, exactly as written, for KaTeX to typeset."""
    for category, slug, tex in SHIPPED_FORMULAS:
        excerpt = excerpt_of(shipped_site.html(category), slug)
        formulas = [span.get_text() for span in excerpt.select("span.arithmatex")]
        assert f"\\({tex}\\)" in formulas, (slug, formulas)


def test_feed_excerpts_have_no_mangled_math(shipped_site: BuildResult) -> None:
    """On every feed page (home, categories, tags; zh and en) the excerpt's text outside its formulas
    has no TeX and none of the old fragments, and every formula is a whole ``\\(…\\)``."""
    pages = 0
    for url, page in feed_pages(shipped_site):
        pages += 1
        for excerpt in page.select("p.np-feed-item__excerpt"):
            for span in excerpt.select("span.arithmatex"):
                source = span.get_text()
                assert source.startswith("\\(") and source.endswith("\\)"), (url, source)
                span.decompose()
            text = excerpt.get_text()
            for fragment in MANGLED:
                assert fragment not in text, (url, fragment, text)
    assert pages > 20  # home pages, category and tag pages in both languages


def test_atom_feed_reads_math_as_text(shipped_site: BuildResult) -> None:
    """The Atom summaries of the math notes read their formulas as text: no TeX, no hole."""
    root = ET.parse(shipped_site.site_dir / "feed.xml").getroot()
    summaries = [entry.findtext("atom:summary", namespaces=ATOM) for entry in root.findall("atom:entry", ATOM)]
    text = "\n".join(summaries)
    for expected in ("n_in Var(w) Var(x)", "D_KL(p ‖ q)", "x_{k+1}=x_k-η∇f(x_k)"):
        assert expected in text
    for summary in summaries:
        for fragment in MANGLED:
            assert fragment not in summary, (fragment, summary)


def test_search_records_read_inline_math_as_text(shipped_site: BuildResult) -> None:
    """Pagefind's fragments (what snippets are made of) have inline formulas as text where
    they stand in the sentence, and no TeX source."""
    pages = shipped_site.search_pages()
    kv = pages["large-model/kv-cache/"]["content"]
    assert "的键 K 和值 V 。" in kv  # Han text is indexed as pairs; the formulas sit between them
    kl = pages["math/kl-divergence-and-cross-entropy/"]["content"]
    assert "KL 散度 D_KL(p ‖ q) 衡量" in kl
    gd = pages["math/convex-optimization-gradient-descent/"]["content"]
    assert "x_{k+1}=x_k-η∇f(x_k)" in gd
    for url, page in pages.items():
        assert "\\(" not in page["content"] and "\\mathrm" not in page["content"], url
