"""Splitting a list over pages and the ``1 2 3 … 6`` pager between them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")
#: Pages shown on each side of the current one before a gap.
PAGER_WINDOW = 2


@dataclass(frozen=True)
class PagerLink:
    """One pager slot: a page number, or a gap (``number`` None) shown as an ellipsis."""

    number: int | None
    url: str | None = None
    current: bool = False


@dataclass(frozen=True)
class Paginated(Generic[T]):
    items: Sequence[T]
    number: int
    count: int
    pager: tuple[PagerLink, ...]
    previous_url: str | None
    next_url: str | None


def page_count(total: int, per_page: int) -> int:
    """Pages needed for ``total`` items; an empty list still has its first page."""
    return max(1, -(-total // max(per_page, 1)))


def page_url(base_url: str, number: int) -> str:
    """``base`` for page 1, ``base/page/N/`` after it (``base`` is ``""`` or ends with ``/``)."""
    return base_url if number == 1 else f"{base_url}page/{number}/"


def paginate(items: Sequence[T], per_page: int, number: int, base_url: str) -> Paginated[T]:
    count = page_count(len(items), per_page)
    start = (number - 1) * per_page
    return Paginated(
        items=items[start:start + per_page],
        number=number,
        count=count,
        pager=pager_links(number, count, base_url),
        previous_url=page_url(base_url, number - 1) if number > 1 else None,
        next_url=page_url(base_url, number + 1) if number < count else None,
    )


def pager_links(current: int, count: int, base_url: str) -> tuple[PagerLink, ...]:
    """First, last and a window around the current page, with gaps: ``1 2 3 … 6``."""
    if count <= 1:
        return ()
    shown = {1, count} | set(range(max(1, current - PAGER_WINDOW), min(count, current + PAGER_WINDOW) + 1))
    links: list[PagerLink] = []
    previous = 0
    for number in sorted(shown):
        if number - previous == 2:  # a gap of one page: show it rather than "…"
            links.append(PagerLink(previous + 1, page_url(base_url, previous + 1)))
        elif number - previous > 2:
            links.append(PagerLink(None))
        links.append(PagerLink(number, page_url(base_url, number), number == current))
        previous = number
    return tuple(links)
