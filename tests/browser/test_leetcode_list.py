"""The LeetCode index as a reader uses it on the shipped notes: topic tabs, the difficulty filter
and the sort change the list in place, and the whole list is fetched only when asked for."""

from __future__ import annotations

import pytest
from browser_support import PageLog, Server, is_same_document, mark_document, path_of
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

#: The shipped LeetCode notes by number (docs/leetcode/), and some of their subsets.
ALL_IDS = [1, 2, 3, 9, 11, 15, 20, 42, 49, 50, 76, 84, 94, 102, 200, 204, 206, 207, 215, 239, 560, 743,
           862, 1438]
GRAPH_IDS = [200, 207, 743]
HARD_IDS = [42, 76, 84, 239, 862]
SLIDING_WINDOW_HARD_IDS = [76, 239]


def shown_ids(page: Page) -> list[int]:
    return [int(value) for value in
            page.locator(".np-lc-list tbody tr[data-lc-id]").evaluate_all("rows => rows.map(r => r.dataset.lcId)")]


def wait_for_ids(page: Page, expected: list[int]) -> None:
    """The list shows exactly ``expected`` (drawing is asynchronous: the data is fetched first)."""
    page.wait_for_function(
        "ids => JSON.stringify([...document.querySelectorAll('.np-lc-list tbody tr[data-lc-id]')]"
        ".map(r => +r.dataset.lcId)) === JSON.stringify(ids)", arg=expected)
    assert shown_ids(page) == expected


def open_index(page: Page, server: Server, path: str = "/leetcode/") -> list[str]:
    """Open the index with the script ready; returns the list of fetched URLs, kept up to date."""
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(server.url(path))
    expect(page.locator("[data-np-lc-list]")).to_have_attribute("data-wired", "true")
    return fetched


def test_index_shows_problems_and_fetches_no_list_until_asked(page: Page, server: Server) -> None:
    """All 24 problems are on /leetcode/ at once, by number; nothing more is downloaded for them."""
    fetched = open_index(page, server)
    assert shown_ids(page) == ALL_IDS
    page.wait_for_load_state("networkidle")
    assert not [url for url in fetched if "problems.json" in url]
    expect(page.locator(".np-lc-controls")).to_be_visible()
    expect(page.locator(".np-lc-more")).to_be_hidden()


def test_topic_tab_shows_only_that_topic(page: Page, server: Server) -> None:
    """Clicking 图 shows its three problems, marks the tab, and stays on the page."""
    log = PageLog()
    log.attach(page)
    fetched = open_index(page, server)
    mark_document(page)
    page.locator("a.np-lc-tab", has_text="图").click()
    wait_for_ids(page, GRAPH_IDS)
    assert path_of(page.url) == "/leetcode/"
    assert is_same_document(page), "the tab navigated away"
    expect(page.locator("a.np-lc-tab[aria-current=page]")).to_have_attribute("data-topic", "graph")
    expect(page.locator(".np-lc-status")).to_have_text("显示 3 / 3 道题")
    assert len([url for url in fetched if "problems.json" in url]) == 1
    page.locator("a.np-lc-tab", has_text="全部").click()
    wait_for_ids(page, ALL_IDS)
    assert log.page_errors == [], log.page_errors


def test_difficulty_filter_and_sort(page: Page, server: Server) -> None:
    """困难 shows only the hard problems; 题号降序 reverses them; with 滑动窗口 only its hard ones."""
    open_index(page, server)
    page.locator(".np-lc-filter button", has_text="困难").click()
    wait_for_ids(page, HARD_IDS)
    expect(page.locator(".np-lc-filter button[aria-pressed=true]")).to_have_text("困难")
    for row in page.locator(".np-lc-list tbody tr").all():
        expect(row.locator(".np-difficulty")).to_have_text("困难")
    page.locator(".np-lc-sort button", has_text="题号降序").click()
    wait_for_ids(page, list(reversed(HARD_IDS)))
    page.locator("a.np-lc-tab", has_text="滑动窗口").click()
    wait_for_ids(page, list(reversed(SLIDING_WINDOW_HARD_IDS)))
    page.locator(".np-lc-sort button", has_text="题号升序").click()
    wait_for_ids(page, SLIDING_WINDOW_HARD_IDS)
    # A drawn row is like a served one: it links the note and shows the topic chips.
    first = page.locator(".np-lc-list tbody tr").first
    expect(first.locator("a")).to_have_text("最小覆盖子串")
    first.locator("a").click()
    page.wait_for_url("**/leetcode/0076-minimum-window-substring/")


def test_english_index_sorts_descending_in_english(page: Page, server: Server) -> None:
    """On /en/ the sort and the drawn rows are in English; an untranslated title is marked Chinese."""
    open_index(page, server, "/en/leetcode/")
    page.locator(".np-lc-sort button", has_text="Number descending").click()
    wait_for_ids(page, list(reversed(ALL_IDS)))
    expect(page.locator(".np-lc-status")).to_have_text("Showing 24 of 24 problems")
    row = page.locator(".np-lc-list tbody tr[data-lc-id='743']")
    expect(row.locator(".np-difficulty")).to_have_text("Medium")
    expect(row.locator(".np-topic")).to_have_text(["Trees & Heaps", "Graphs"])
    expect(row.locator("a")).to_have_attribute("lang", "zh")


@pytest.mark.parametrize("path", ["/leetcode/", "/leetcode/1-100/", "/en/leetcode/topics/graph/"])
def test_problem_tables_have_material_cell_padding(page: Page, server: Server, path: str) -> None:
    """Cells are padded and ruled like Material's tables: "1438" never runs into its title."""
    page.goto(server.url(path))
    cell = page.locator("table.np-lc-table tbody td").first
    padding = cell.evaluate("td => parseFloat(getComputedStyle(td).paddingLeft)")
    border = cell.evaluate("td => getComputedStyle(td).borderTopStyle")
    assert padding >= 8, padding
    assert border == "solid"


def test_choice_survives_reload_and_back(page: Page, server: Server) -> None:
    """The tab and order are kept in the address: a reload, and Back from a problem, show the same list."""
    open_index(page, server)
    page.locator("a.np-lc-tab", has_text="图").click()
    page.locator(".np-lc-sort button", has_text="题号降序").click()
    wait_for_ids(page, list(reversed(GRAPH_IDS)))
    assert page.url.endswith("/leetcode/#topic=graph&order=desc"), page.url
    page.reload()
    wait_for_ids(page, list(reversed(GRAPH_IDS)))
    expect(page.locator("a.np-lc-tab[aria-current=page]")).to_have_attribute("data-topic", "graph")
    expect(page.locator(".np-lc-sort button[aria-pressed=true]")).to_have_text("题号降序")
    page.locator(".np-lc-list tbody tr[data-lc-id='207'] a").click()
    page.wait_for_url("**/leetcode/0207-course-schedule/")
    page.go_back()
    wait_for_ids(page, list(reversed(GRAPH_IDS)))
    page.locator("a.np-lc-tab", has_text="全部").click()
    page.locator(".np-lc-sort button", has_text="题号升序").click()
    wait_for_ids(page, ALL_IDS)
    assert path_of(page.url) == "/leetcode/" and "#" not in page.url, page.url
