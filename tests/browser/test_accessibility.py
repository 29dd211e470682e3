"""axe-core finds no serious or critical accessibility violation on the main page types."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_support import Server, wait_for_math
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    {node['target']}: {node.get('failureSummary', '').splitlines()[-1:]}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.mark.parametrize("path", ["/", "/nlp/transformer/", "/leetcode/", "/tags/", "/archive/", "/en/tags/",
                                  "/en/archive/"],
                         ids=["home", "math-note", "leetcode", "tags", "archive", "en-tags", "en-archive"])
def test_no_serious_accessibility_violations(page: Page, server: Server, axe: Axe, path: str) -> None:
    """Home, a math note, the LeetCode index, the tag index and the archive (with its calendar)
    pass axe-core at the serious/critical level."""
    page.goto(server.url(path))
    expect(page.locator("article.md-content__inner h1").first).to_be_visible()
    if path == "/nlp/transformer/":
        wait_for_math(page)
    violations = axe.run(page).response["violations"]
    blocking = [violation for violation in violations if violation["impact"] in BLOCKING]
    assert blocking == [], f"axe-core violations on {path}:\n{describe(blocking)}"
