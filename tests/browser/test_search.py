"""Site search as a reader uses it: Material's search box, answered by the portal's Pagefind worker.

Every test types into the real search box of the shipped site and reads Material's result list
(``.md-search-result__item``). Expected notes are written here, picked by hand from docs/.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import jieba
import pytest
from browser_support import (
    DOCS,
    REPO,
    SEARCH_TIMEOUT_MS,
    PageLog,
    Server,
    front_matter,
    hrefs,
    is_same_document,
    mark_document,
    search,
    wait_for_path,
)
from playwright.sync_api import BrowserContext, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

pytestmark = pytest.mark.browser

RECALL_FILE = REPO / "tests" / "search_recall.tsv"
#: Material's result count or its "no results" line, in Chinese or English: the query has been answered.
ANSWERED = re.compile(r"符合条件的结果|matching document")
NO_RESULTS_ZH = "没有找到符合条件的结果"
PLACEHOLDER = {"/": "键入以开始搜索", "/en/": "Type to start searching"}
#: TeX a snippet must never show: backslash commands, dollar signs, \( \) \[ \] delimiters.
TEX = re.compile(r"\\[A-Za-z]+|\$|\\[()\[\]]")


# -- helpers --------------------------------------------------------------------------------


def files_containing(word: str) -> list[str]:
    """docs/ files that contain ``word`` (fixed string, any case), relative to docs/."""
    done = subprocess.run(["grep", "-rliF", "--include=*.md", word, str(DOCS)], check=False, capture_output=True,
                          text=True)
    return sorted(Path(line).relative_to(DOCS).as_posix() for line in done.stdout.splitlines())


def source_of(path: str) -> str:
    """The Markdown source of the note at site path ``path`` (``/nlp/bert/``, ``/en/nlp/bert/``)."""
    if path.startswith("/en/"):
        return (DOCS / f"{path[4:].strip('/')}.en.md").read_text(encoding="utf-8")
    return (DOCS / f"{path.strip('/')}.md").read_text(encoding="utf-8")


def outside_code(markdown: str) -> str:
    """``markdown`` without its fenced code blocks."""
    return re.sub(r"^```.*?^```", "", markdown, flags=re.DOTALL | re.MULTILINE)


def result_items(page: Page):
    return page.locator(".md-search-result__item")


def result_paths(page: Page) -> list[str]:
    """Paths of the listed pages, best first (each item's own link, not its "more on this page")."""
    return hrefs(page.locator(".md-search-result__item > a.md-search-result__link"))


def wait_until_answered(page: Page) -> None:
    expect(page.locator(".md-search-result__meta")).to_have_text(ANSWERED, timeout=SEARCH_TIMEOUT_MS)


def search_results(page: Page, query: str) -> list[str]:
    """Type ``query`` into the search box of the open page and return the listed paths once answered."""
    search(page, query)
    wait_until_answered(page)
    items = page.locator(".md-search-result__item")
    if items.count() == 0:  # on a busy machine an answer can be late: give results a moment to show
        try:
            items.first.wait_for(state="attached", timeout=3_000)
        except PlaywrightTimeoutError:
            pass
    return result_paths(page)


def search_again(page: Page, start: str, query: str) -> list[str]:
    """Replace the query in the already open search box (empty first, so stale results can't be read)."""
    field = page.locator("input.md-search__input")
    field.fill("")
    field.press("End")
    expect(page.locator(".md-search-result__meta")).to_have_text(PLACEHOLDER[start])
    field.fill(query)
    field.press("End")
    wait_until_answered(page)
    return result_paths(page)


def open_and_search(page: Page, server: Server, start: str, query: str) -> list[str]:
    page.goto(server.url(start))
    return search_results(page, query)


def read_recall_cases() -> list[tuple[str, str, str]]:
    """(start page, query, expected path) from tests/search_recall.tsv."""
    cases = []
    for line in RECALL_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        query, expected = line.split("\t")
        start = "/"
        if query.startswith("/en/ "):
            start, query = "/en/", query[len("/en/ "):]
        cases.append((start, query, expected))
    return cases


# -- Chinese words inside sentences -------------------------------------------------------------

#: (word, the sentence of the note it is taken from, note source, expected path).
#: In each sentence jieba does not produce the word as one token, so a search that segments
#: queries and index with jieba would miss it; Han pairs must not.
WORDS_INSIDE_SENTENCES = [
    ("留神", "可它写对却出奇地难：循环条件用小于还是小于等于，更新时取中点还是中点加一，稍不留神就会死循环或漏掉答案",
     "algorithm/binary-search-invariants.md", "/algorithm/binary-search-invariants/"),  # 稍不留神
    ("原子", "即使 $n$ 取到宇宙中原子数的量级", "algorithm/union-find.md", "/algorithm/union-find/"),  # 原子数
    ("医学", "U-Net 最初为生物医学图像设计，训练样本只有几十张", "computer-vision/semantic-segmentation-fcn-unet.md",
     "/computer-vision/semantic-segmentation-fcn-unet/"),  # 生物医学
    ("可逆", "精确似然 + 可逆映射", "generative-model/normalizing-flows.md", "/generative-model/normalizing-flows/"),  # 可/逆映射
    ("摊薄", "这解释了为什么解码阶段要靠增大批大小来摊薄权重读取", "large-model/kv-cache.md",
     "/large-model/kv-cache/"),  # 来摊/薄
    ("外推", "跨越几个数量级外推时，误差会被放大", "large-model/scaling-laws.md", "/large-model/scaling-laws/"),  # 外/推时
    ("老实", "不熟悉时宁可老老实实用临时变量", "leetcode/0206-reverse-linked-list.md",
     "/leetcode/0206-reverse-linked-list/"),  # 老老实实
    ("光滑", "本文梳理凸性、光滑性、强凸性这几个概念", "math/convex-optimization-gradient-descent.md",
     "/math/convex-optimization-gradient-descent/"),  # 光滑性
    ("百科", "和英文维基百科（约 25 亿词）", "nlp/bert.md", "/nlp/bert/"),  # 维基百科
    ("字母", "限定小写字母时更快", "leetcode/0049-group-anagrams.md", "/leetcode/0049-group-anagrams/"),  # 小写字母
    ("人工撰写", "用人工撰写的示范回答微调预训练模型", "large-model/rlhf-dpo.md", "/large-model/rlhf-dpo/"),  # 人工/撰写
    ("狭长山谷", "Momentum 给更新加上惯性以穿过狭长山谷，", "deep-learning/optimizers-sgd-adam-adamw.md",
     "/deep-learning/optimizers-sgd-adam-adamw/"),  # 狭长/山谷
    ("局部导数", "链式法则让我们可以把复杂网络的梯度拆成一连串局部导数的乘积",
     "deep-learning/backpropagation-chain-rule.md", "/deep-learning/backpropagation-chain-rule/"),  # 局部/导数
]


@pytest.mark.parametrize(("word", "sentence", "source", "expected_path"), WORDS_INSIDE_SENTENCES,
                         ids=[case[0] for case in WORDS_INSIDE_SENTENCES])
def test_chinese_word_inside_a_sentence_finds_its_note(page: Page, server: Server, word: str, sentence: str,
                                                       source: str, expected_path: str) -> None:
    """A 2–4 character word from the middle of a sentence finds the only note that has it, first,
    although jieba cuts that sentence so that the word is no token of it."""
    assert sentence in (DOCS / source).read_text(encoding="utf-8"), f"the sentence is not in {source}"
    assert word in sentence and not sentence.startswith(word) and not sentence.endswith(word)
    assert word not in jieba.lcut(sentence), f"jieba keeps {word!r} whole in this sentence; pick another"
    assert [f for f in files_containing(word) if not f.endswith(".en.md")] == [source]

    assert open_and_search(page, server, "/", word)[0] == expected_path


# -- Latin and Han together, English, problem numbers ------------------------------------------------


@pytest.mark.parametrize(
    ("query", "in_source", "expected_path"),
    [("KV缓存", ["KV 缓存"], "/large-model/kv-cache/"),
     ("LoRA微调", ["LoRA", "微调"], "/large-model/lora/")],
    ids=["KV缓存", "LoRA微调"],
)
def test_latin_and_han_typed_without_a_space(page: Page, server: Server, query: str, in_source: list[str],
                                             expected_path: str) -> None:
    """The note writes them apart (``KV 缓存``) or in different places; the run-together query finds it first."""
    text = source_of(expected_path)
    assert all(part in text for part in in_source) and query not in text
    assert open_and_search(page, server, "/", query)[0] == expected_path


def is_translated(path: str) -> bool:
    """Whether the /en/ page at ``path`` is an English translation (else a Chinese note shown as it is)."""
    return (DOCS / f"{path[4:].strip('/')}.en.md").is_file()


def badges_by_path(page: Page) -> dict[str, str]:
    """The listed pages and the language badge each result's title shows ("" when none)."""
    return dict(page.locator(".md-search-result__item > a.md-search-result__link").evaluate_all(
        """links => links.map(link => [decodeURI(new URL(link.href).pathname),
            (link.querySelector('.np-badge--untranslated') || {textContent: ''}).textContent])"""))


def test_english_site_lists_every_note_it_shows_once(page: Page, server: Server) -> None:
    """On /en/, a word in English notes and in untranslated Chinese notes lists both, every result
    under /en/: translations without a badge, Chinese notes with the "Chinese" badge, and no
    Chinese original of a note /en/ shows in English."""
    untranslated = [f for f in files_containing("softmax") if not f.endswith(".en.md")
                    and not (DOCS / f.replace(".md", ".en.md")).exists()]
    assert len(untranslated) >= 3, "the query must occur in untranslated notes for this test to mean much"

    found = open_and_search(page, server, "/en/", "softmax")
    assert "/en/nlp/transformer/" in found and len(found) >= 4, found
    assert all(path.startswith("/en/") for path in found), found
    assert len(found) == len(set(found)), f"a note is listed twice: {found}"
    badges = badges_by_path(page)
    assert badges["/en/nlp/transformer/"] == ""
    assert {path: badge for path, badge in badges.items() if not is_translated(path)} == \
        {f"/en/{f[:-3]}/": "Chinese" for f in untranslated if f"/en/{f[:-3]}/" in badges}
    assert any(not is_translated(path) for path in found), found
    assert all(badge == "" for path, badge in badges.items() if is_translated(path)), badges


#: (query, the untranslated note it must find from /en/): Latin terms only the Chinese notes
#: use, and Chinese phrases. Each is found by the note's own (Chinese) text.
UNTRANSLATED_FROM_EN = [
    ("Dijkstra", "algorithm/shortest-paths.md"),
    ("LoRA", "large-model/lora.md"),
    ("BatchNorm", "deep-learning/batch-norm-vs-layer-norm.md"),
    ("Union-Find", "algorithm/union-find.md"),
    ("注意力", "nlp/bert.md"),
    ("滑动窗口", "leetcode/1438-longest-continuous-subarray-with-absolute-diff-less-than-or-equal-to-limit.md"),
    ("岛屿数量", "leetcode/0200-number-of-islands.md"),
]


@pytest.mark.parametrize(("query", "source"), UNTRANSLATED_FROM_EN, ids=[case[0] for case in UNTRANSLATED_FROM_EN])
def test_english_site_finds_untranslated_notes(page: Page, server: Server, query: str, source: str) -> None:
    """/en/ lists every untranslated note and serves its page: its search finds them, links to
    the /en/ page, and says the note is in Chinese."""
    assert query.lower() in (DOCS / source).read_text(encoding="utf-8").lower()
    assert not (DOCS / source.replace(".md", ".en.md")).exists(), "the note must be untranslated"
    expected = f"/en/{source[:-3]}/"

    found = open_and_search(page, server, "/en/", query)
    assert expected in found[:10], found
    assert all(path.startswith("/en/") for path in found), found
    item = result_items(page).nth(found.index(expected))
    expect(item.locator(".np-badge--untranslated").first).to_have_text("Chinese")
    # The title as written (full-width punctuation too: 最短路径：Dijkstra), the query marked in it.
    expect(item.locator("a.md-search-result__link h1").first).to_contain_text(
        front_matter(DOCS / source)["title"])
    expect(item.locator("a.md-search-result__link").first.locator("[lang=zh]").first).to_be_attached()

    page.keyboard.press("ArrowDown")
    if found.index(expected) == 0:  # the page the result opens is the one /en/ serves for the note
        page.keyboard.press("Enter")
        wait_for_path(page, expected)
        expect(page.locator("html")).to_have_attribute("lang", "en")


@pytest.mark.parametrize("query", ["76", "LeetCode 76"])
def test_problem_number_lists_the_problem_first(page: Page, server: Server, query: str) -> None:
    assert open_and_search(page, server, "/", query)[0] == "/leetcode/0076-minimum-window-substring/"


@pytest.mark.parametrize(("start", "query", "expected"), [
    ("/", "并查集", "/algorithm/union-find/"),
    ("/en/", "滑动窗口", "/en/leetcode/1438-longest-continuous-subarray-with-absolute-diff-less-than-or-equal-to-limit/"),
])
def test_text_committed_without_a_key_is_searched(page: Page, server: Server, start: str, query: str,
                                                  expected: str) -> None:
    """A phone keyboard's or an IME's committed Chinese, or a paste, reaches the box as one
    insertion with no key released after it. Material only searches on keyup, so before the
    portal forwarded input events the box kept its placeholder under the typed words."""
    page.goto(server.url(start))
    field = page.locator("input.md-search__input")
    page.keyboard.press("/")
    expect(field).to_be_focused()
    expect(page.locator(".md-search-result__meta")).to_have_text(PLACEHOLDER[start], timeout=SEARCH_TIMEOUT_MS)
    page.keyboard.insert_text(query)  # an input event only: no keydown, no keyup
    expect(field).to_have_value(query)
    wait_until_answered(page)
    assert expected in result_paths(page)[:5]


def test_query_without_a_match_says_so(page: Page, server: Server) -> None:
    """Material's own "no results" line, and no result items."""
    assert files_containing("量子纠缠") == []
    page.goto(server.url("/"))
    search(page, "量子纠缠")
    expect(page.locator(".md-search-result__meta")).to_have_text(NO_RESULTS_ZH, timeout=SEARCH_TIMEOUT_MS)
    expect(result_items(page)).to_have_count(0)


def test_unknown_latin_word_finds_nothing(page: Page, server: Server) -> None:
    assert files_containing("xylophone") == []
    page.goto(server.url("/"))
    search(page, "xylophone")
    expect(page.locator(".md-search-result__meta")).to_have_text(NO_RESULTS_ZH, timeout=SEARCH_TIMEOUT_MS)


# -- what results show ----------------------------------------------------------------------


@pytest.mark.parametrize(("query", "expected_path"),
                         [("缩放点积注意力", "/nlp/transformer/"), ("谱半径", "/math/eigendecomposition/")])
def test_snippets_show_no_tex(page: Page, server: Server, query: str, expected_path: str) -> None:
    """The query sits right next to inline math in the note (the sentence quoted below); results,
    and their "more on this page" sections, show the prose without TeX."""
    assert re.search(re.escape(query) + r"[^$\n]{0,3}\$\\[a-z]", source_of(expected_path)), "math must follow the query"
    found = open_and_search(page, server, "/", query)
    assert found[0] == expected_path
    texts = page.locator(".md-search-result__item article").all_inner_texts()
    assert any(query in text for text in texts), texts
    tex = [text for text in texts if TEX.search(text)]
    assert tex == [], f"TeX in snippets: {tex}"


@pytest.mark.parametrize(("query", "expected_path", "sentence"), [
    ("需要用到此前所有位置的键", "/large-model/kv-cache/", "所有位置的键 K 和值 V"),
    ("多头注意力把", "/nlp/transformer/", "多头注意力把 d_model 切成 h 份"),
])
def test_snippets_read_inline_math_as_text(page: Page, server: Server, query: str, expected_path: str,
                                           sentence: str) -> None:
    """Where the note has inline math next to the query, the snippet reads the formula as text
    (``$K$`` → ``K``, ``$d_{\\text{model}}$`` → ``d_model``), never a hole ("所有位置的键 和值")."""
    found = open_and_search(page, server, "/", query)
    assert found[0] == expected_path
    snippet = result_items(page).first.locator("article").first.inner_text()
    assert sentence in snippet, snippet


def test_code_is_not_searched(page: Page, server: Server) -> None:
    """A phrase that only occurs in a code comment of a note doesn't find it; its prose does."""
    note, code_only, prose = "/leetcode/0084-largest-rectangle-in-histogram/", "逼出所有剩余柱子", "那一刻"
    source = source_of(note)
    assert code_only in source and code_only not in outside_code(source) and prose in outside_code(source)
    assert not any(code_only in outside_code((DOCS / f).read_text(encoding="utf-8"))
                   for f in files_containing(code_only))

    assert note not in open_and_search(page, server, "/", code_only)
    assert note in search_again(page, "/", prose)


@pytest.mark.parametrize(("start", "query", "expected_path"),
                         [("/", "外推", "/large-model/scaling-laws/"), ("/en/", "coreference", "/en/nlp/transformer/")])
def test_snippet_highlights_the_query(page: Page, server: Server, start: str, query: str,
                                      expected_path: str) -> None:
    """The first result's snippets (its own and those of its sections) mark occurrences of the query,
    and nothing else."""
    assert open_and_search(page, server, start, query)[0] == expected_path
    first = result_items(page).first
    expect(first.locator("a.md-search-result__link").first.locator("mark").first).to_be_visible()
    marks = first.locator("article mark").evaluate_all("marks => marks.map(mark => mark.textContent)")
    # A mark may take the punctuation next to the word along ("coreference,"), nothing more.
    assert [mark.strip(" ,.;:，。；：、").lower() for mark in marks] == [query] * len(marks), marks


@pytest.mark.parametrize(("start", "query", "expected_path", "title"),
                         [("/", "岛屿数量", "/leetcode/0200-number-of-islands/", "岛屿数量"),
                          ("/", "中序遍历", "/leetcode/0094-binary-tree-inorder-traversal/", "二叉树的中序遍历"),
                          ("/en/", "课程表", "/en/leetcode/0207-course-schedule/", "课程表")],
                         ids=["岛屿数量", "中序遍历", "en"])
def test_title_only_match_highlights_the_title(page: Page, server: Server, start: str, query: str,
                                               expected_path: str, title: str) -> None:
    """A query only the note's title has: the result's title marks it, and its snippet shows
    the text's start with nothing marked (no other word stands in for the match)."""
    source = (DOCS / f"{expected_path.removeprefix('/en/').strip('/')}.md").read_text(encoding="utf-8")
    body = re.sub(r"^(---\n.*?\n---\n|# .*$|title: .*$)", "", source, flags=re.DOTALL | re.MULTILINE)
    assert query.lower() not in body.lower(), "the query must be in the title only"

    assert open_and_search(page, server, start, query)[0] == expected_path
    link = result_items(page).first.locator("a.md-search-result__link").first
    marks = link.locator("h1 mark").evaluate_all("marks => marks.map(mark => mark.textContent)")
    assert [mark.lower() for mark in marks] == [query.lower()], marks
    expect(link.locator("h1")).to_contain_text(title)
    # Material puts the snippet's HTML straight into the result's article, after the title.
    snippet = link.locator("article").evaluate(
        """article => { const copy = article.cloneNode(true); copy.querySelectorAll('h1, nav').forEach(e => e.remove());
                       return {text: copy.textContent.trim(), marks: copy.querySelectorAll('mark').length}; }""")
    assert snippet["text"] and snippet["marks"] == 0, snippet


def test_opened_search_box_reads_ready(page: Page, server: Server) -> None:
    """Opened before typing, the box says it is ready (as with Material's own search), on both sites."""
    for start in ("/", "/en/"):
        page.goto(server.url(start))
        page.keyboard.press("/")
        expect(page.locator("input.md-search__input")).to_be_focused()
        expect(page.locator(".md-search-result__meta")).to_have_text(PLACEHOLDER[start], timeout=SEARCH_TIMEOUT_MS)
        page.wait_for_timeout(500)  # and stays so
        expect(page.locator(".md-search-result__meta")).to_have_text(PLACEHOLDER[start])


# -- the search box in use -------------------------------------------------------------------


def test_search_after_instant_navigation(page: Page, server: Server) -> None:
    """After a tile is followed by instant navigation (no page load), the search box still answers."""
    page.goto(server.url("/"))
    mark_document(page)
    page.locator("a.np-tile[data-category=large-model]").click()
    wait_for_path(page, "/large-model/")
    assert is_same_document(page), "the tile was followed by a full page load"

    assert search_results(page, "外推")[0] == "/large-model/scaling-laws/"
    assert is_same_document(page)


def test_keyboard_opens_the_first_result(page: Page, server: Server) -> None:
    open_and_search(page, server, "/", "外推")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    wait_for_path(page, "/large-model/scaling-laws/")
    expect(page.locator("article.md-content__inner h1")).to_contain_text("规模定律")


def test_share_link_opens_search_with_results(page: Page, server: Server) -> None:
    """``?q=`` (Material's search.share) opens the search with that query answered."""
    page.goto(server.url("/?q=外推"))
    expect(page.locator("input.md-search__input")).to_have_value("外推")
    wait_until_answered(page)
    assert result_paths(page)[0] == "/large-model/scaling-laws/"


@pytest.mark.parametrize(("start", "query", "expected_path"),
                         [("/", "KV缓存", "/large-model/kv-cache/"), ("/en/", "coreference", "/en/nlp/transformer/")],
                         ids=["zh", "en"])
def test_search_stays_on_the_site(context: BrowserContext, server: Server, start: str, query: str,
                                  expected_path: str) -> None:
    """Opened at 127.0.0.1:<port>, a search loads its language's Pagefind files from there and
    asks no other host for anything; nothing is logged as an error."""
    log = PageLog()
    page = context.new_page()
    log.attach(page)
    context.on("request", lambda request: log.requests.append(request.url))  # the worker's requests too
    page.goto(server.local_url(start))
    assert search_results(page, query)[0] == expected_path

    bundle = f"{server.local_origin}{start}pagefind/"
    assert any(url.startswith(bundle) and url.endswith(".pf_fragment") for url in log.requests), \
        f"no fragment was loaded from {bundle}: {log.requests}"
    foreign = [url for url in log.requests
               if not url.startswith(server.local_origin + "/") and not url.startswith(("data:", "blob:"))]
    assert foreign == [], f"requests outside {server.local_origin}: {foreign}"
    assert log.console_errors == [] and log.page_errors == [], (log.console_errors, log.page_errors)


# -- recall over many hand-picked queries ------------------------------------------------------------


def test_recall_of_hand_picked_queries(context: BrowserContext, server: Server) -> None:
    """At least 95% of the queries in tests/search_recall.tsv list their note among the top 10."""
    cases = read_recall_cases()
    assert len(cases) >= 40
    pages: dict[str, Page] = {}
    misses = []
    for start, query, expected in cases:
        if start not in pages:
            pages[start] = context.new_page()
            pages[start].goto(server.url(start))
            found = search_results(pages[start], query)
        else:
            found = search_again(pages[start], start, query)
        if expected not in found[:10]:
            misses.append(f"{start} {query!r}: expected {expected}, got {found[:10]}")
    print(f"search recall: {len(cases) - len(misses)}/{len(cases)}", *misses, sep="\n  ")
    assert len(misses) <= len(cases) * 0.05, "\n".join(misses)


def test_recall_file_points_at_real_notes() -> None:
    """Every expected path of the recall file is a note in docs/ that contains its query (or is its number)."""
    for start, query, expected in read_recall_cases():
        assert expected.startswith(start)
        source = source_of(expected)
        number = re.fullmatch(r"(?:LeetCode )?(\d+)", query)
        if number:
            assert f"/leetcode/{int(number.group(1)):04d}-" in expected
        else:
            parts = re.findall(r"[A-Za-z]+|[\u4e00-\u9fff]+", query)
            assert all(part.lower() in source.lower() for part in parts), (query, expected)
