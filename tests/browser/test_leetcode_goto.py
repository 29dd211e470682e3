"""The LeetCode index's "go to problem" box jumps to a note or says there is none."""

from __future__ import annotations

import pytest
from browser_support import (
    PageLog,
    Server,
    is_same_document,
    mark_document,
    path_of,
    wait_for_path,
)
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def submit_problem(page: Page, number: str) -> None:
    form = page.locator("form[data-np-goto]")
    form.locator("input").fill(number)
    form.locator("[type=submit]").click()


def test_goto_known_problem_opens_its_note(page: Page, server: Server) -> None:
    """76 opens the note on problem 76."""
    page.goto(server.url("/leetcode/"))
    submit_problem(page, "76")
    wait_for_path(page, "/leetcode/0076-minimum-window-substring/")
    expect(page.locator(".np-lc-header")).to_have_attribute("data-lc-id", "76")


def test_goto_unknown_problem_stays_and_explains(page: Page, server: Server) -> None:
    """9999 has no note: the page stays put and the status output says so."""
    page.goto(server.url("/leetcode/"))
    mark_document(page)
    submit_problem(page, "9999")
    expect(page.locator("output.np-lc-goto__message")).to_have_text(
        "还没有第 9999 题的笔记。")
    assert path_of(page.url) == "/leetcode/"
    assert is_same_document(page), "submitting an unknown number reloaded the page"


def test_goto_works_after_instant_navigation(page: Page, server: Server) -> None:
    """Reaching the index by instant navigation (home page tile) leaves the box wired and raises no error."""
    log = PageLog()
    log.attach(page)
    page.goto(server.url("/"))
    mark_document(page)
    page.locator("a.np-tile[data-category=leetcode]").click()
    wait_for_path(page, "/leetcode/")
    assert is_same_document(page), "the LeetCode tile did not use instant navigation"
    # portal.js marks the form once it has taken over its submit; a reader types slower than this.
    expect(page.locator("form[data-np-goto]")).to_have_attribute("data-wired", "true")
    submit_problem(page, "76")
    wait_for_path(page, "/leetcode/0076-minimum-window-substring/")
    assert log.page_errors == [], f"uncaught errors: {log.page_errors}"


def test_goto_finds_a_problem_on_a_later_range_page(page: Page, server: Server) -> None:
    """862 is on the 801–900 page, not on the index: the box loads that range and opens the note."""
    page.goto(server.url("/leetcode/"))
    assert page.locator("[data-np-problems]").count() == 0  # the index holds no number map
    expect(page.locator("form[data-np-goto]")).to_have_attribute("data-wired", "true")
    submit_problem(page, "862")
    wait_for_path(page, "/leetcode/0862-shortest-subarray-with-sum-at-least-k/")
    expect(page.locator(".np-lc-header")).to_have_attribute("data-lc-id", "862")


def test_goto_from_a_range_page_to_another_range(page: Page, server: Server) -> None:
    """On the 1–100 page, 150 (its range 101–200 has notes, but not 150) is reported missing,
    and 1438, on the 1401–1500 page, is found."""
    page.goto(server.url("/leetcode/1-100/"))
    expect(page.locator("form[data-np-goto]")).to_have_attribute("data-wired", "true")
    submit_problem(page, "150")
    expect(page.locator("output.np-lc-goto__message")).to_have_text(
        "还没有第 150 题的笔记。")
    submit_problem(page, "1438")
    wait_for_path(page, "/leetcode/1438-longest-continuous-subarray-with-absolute-diff-less-than-or-equal-to-limit/")


@pytest.mark.parametrize(("path", "entry", "message"), [
    ("/leetcode/", "", "请输入题号（正整数）。"),
    ("/leetcode/", "abc", "请输入题号（正整数）。"),
    ("/leetcode/1-100/", "-3", "请输入题号（正整数）。"),
    ("/en/leetcode/", "", "Enter a problem number (a whole number from 1)."),
    ("/en/leetcode/", "seven", "Enter a problem number (a whole number from 1)."),
])
def test_goto_explains_an_empty_or_non_numeric_entry(page: Page, server: Server, path: str, entry: str,
                                                     message: str) -> None:
    """An empty or non-numeric entry says what to type, in the page's language; nothing is loaded."""
    page.goto(server.url(path))
    expect(page.locator("form[data-np-goto]")).to_have_attribute("data-wired", "true")
    mark_document(page)
    submit_problem(page, entry)
    expect(page.locator("output.np-lc-goto__message")).to_have_text(message)
    assert path_of(page.url) == path
    assert is_same_document(page)
