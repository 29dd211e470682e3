"""The rules notes are validated against, made the same way by the build and the CLI."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from notes_portal.authoring.frontmatter import Rules


def todays_rules(topics: Iterable[str], leetcode_category: str) -> Rules:
    """Rules with today's date (dates after it are reported as in the future)."""
    return Rules(topics=tuple(topics), today=dt.date.today(), leetcode_category=leetcode_category)
