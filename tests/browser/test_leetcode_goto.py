"""The LeetCode index's "go to problem" box jumps to a note or says there is none."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from browser_support import is_same_document, mark_document, path_of, wait_for_path
from conftest import Server

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
    from notes_portal.labels import labels_for

    page.goto(server.url("/leetcode/"))
    mark_document(page)
    submit_problem(page, "9999")
    expect(page.locator("output.np-lc-goto__message")).to_have_text(
        labels_for("zh")["goto_missing"].format(n=9999))
    assert path_of(page.url) == "/leetcode/"
    assert is_same_document(page), "submitting an unknown number reloaded the page"
