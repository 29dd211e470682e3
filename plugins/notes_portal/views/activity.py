"""The activity calendar: one cell per day, shaded by the notes written or updated that day.

Drawn at build time as an inline SVG (``partials/np-activity.html``): no script and
no request; the shades are CSS custom properties, so the calendar follows the
light and dark palettes.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from notes_portal.catalog.structure import Note
from notes_portal.views.labels import labels_for, month_name

#: Cell size and gap, in SVG user units; the SVG scales to its box.
CELL = 11
GAP = 3
#: Room above the cells for month names and left of them for weekday names.
TOP = 16
LEFT = 24
#: Counts at which a day gets a darker shade (levels 1–4; 0 is an empty day).
LEVELS = (1, 2, 3, 5)


@dataclass(frozen=True)
class DayCell:
    date_iso: str
    count: int
    level: int
    x: int
    y: int
    title: str


@dataclass(frozen=True)
class AxisLabel:
    text: str
    x: int
    y: int


@dataclass(frozen=True)
class Calendar:
    cells: list[DayCell]
    months: list[AxisLabel]
    weekdays: list[AxisLabel]
    width: int
    height: int
    total: int
    label: str
    compact: bool


def activity_counts(notes: list[Note]) -> Counter[dt.date]:
    """Notes per day: written or updated that day (both on one day count once)."""
    counts: Counter[dt.date] = Counter()
    for note in notes:
        if not note.draft:
            counts.update({note.date, *([note.updated] if note.updated else [])})
    return counts


def activity_calendar(counts: Counter[dt.date], today: dt.date, language: str, *, weeks: int,
                      compact: bool = False) -> Calendar:
    """The last ``weeks`` weeks up to ``today``, a column per week (Monday on top)."""
    labels = labels_for(language)
    start = today - dt.timedelta(days=today.weekday() + 7 * (weeks - 1))
    cells, months = [], []
    day, step = start, CELL + GAP
    while day <= today:
        column, row = (day - start).days // 7, day.weekday()
        count = counts.get(day, 0)
        noun = labels["notes_one"] if count == 1 else labels["notes_many"]
        cells.append(DayCell(date_iso=day.isoformat(), count=count, level=sum(count >= n for n in LEVELS),
                             x=LEFT + column * step, y=TOP + row * step,
                             title=f"{day.isoformat()}: {count} {noun}"))
        if day.day <= 7 and row == 0 and column < weeks - 1:  # the first Monday of a month
            months.append(AxisLabel(month_name(day.month, language, short=True), LEFT + column * step, TOP - 5))
        day += dt.timedelta(days=1)
    # The first column names its month too, unless the next month's name follows right after it.
    if not months or months[0].x > LEFT + 2 * step:
        months.insert(0, AxisLabel(month_name(start.month, language, short=True), LEFT, TOP - 5))
    weekdays = [AxisLabel(labels[key], 0, TOP + row * step + CELL - 2)
                for row, key in ((0, "monday"), (2, "wednesday"), (4, "friday"))]
    in_range = sum(cell.count for cell in cells)
    return Calendar(cells=cells, months=months, weekdays=weekdays, width=LEFT + weeks * step,
                    height=TOP + 7 * step, total=in_range,
                    label=labels["activity_label"].format(n=in_range, start=start.isoformat(),
                                                          end=today.isoformat()),
                    compact=compact)
