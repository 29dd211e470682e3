"""The activity calendar: one cell per day, shaded by the notes written or updated that day.

Drawn at build time as an inline SVG (``partials/np-activity.html``): no script and
no request; the shades are CSS custom properties, so the calendar follows the
light and dark palettes.

It never shows an empty box without saying why. When nothing was written or updated in the
weeks up to today, it shows the same number of weeks up to the last day something was, with
a caption saying so and naming that day: an author back from a break still sees the rhythm of
their writing, and a reader isn't told the portal is current when it isn't. A "no notes since"
line over an empty grid alone would tell the second and hide the first. When only the newest
half year is empty (the archive's year), the caption says since when: on a phone that half is
what the calendar shows first. Without any note at all there is no calendar (the page says
there are no notes).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from notes_portal.model.structure import Note
from notes_portal.views.labels import format_date, labels_for, month_name

#: Cell size and gap, in SVG user units; the SVG scales to its box.
CELL = 11
GAP = 3
#: Room above the cells for month names and left of them for weekday names.
TOP = 16
LEFT = 24
#: Counts at which a day gets a darker shade (levels 1–4; 0 is an empty day).
LEVELS = (1, 2, 3, 5)
#: On a narrow screen the calendar shrinks to this fraction of its size, no further (cells of
#: 10 px, labels of 9 px), and then scrolls sideways: below it, cells and labels are illegible.
MIN_SCALE = 10 / CELL
#: Weeks without a note after which the calendar says since when there is none: the home
#: page's whole calendar, and as much of the archive's as a phone shows at first.
QUIET_WEEKS = 26


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
    #: The narrowest it is drawn, in CSS pixels (``MIN_SCALE``).
    min_width: int
    total: int
    label: str
    compact: bool
    #: Why it is empty up to today, or ends before today ("nothing since …"); else empty.
    caption: str = ""


def activity_counts(notes: list[Note]) -> Counter[dt.date]:
    """Notes per day: written or updated that day (both on one day count once)."""
    counts: Counter[dt.date] = Counter()
    for note in notes:
        if not note.draft:
            counts.update({note.date, *([note.updated] if note.updated else [])})
    return counts


def first_day(end: dt.date, weeks: int) -> dt.date:
    """The Monday that starts the ``weeks`` weeks ending on ``end``."""
    return end - dt.timedelta(days=end.weekday() + 7 * (weeks - 1))


def activity_calendar(counts: Counter[dt.date], today: dt.date, language: str, *, weeks: int,
                      compact: bool = False) -> Calendar | None:
    """The last ``weeks`` weeks up to ``today``, a column per week (Monday on top); when they are
    empty, the ``weeks`` weeks up to the last active day, captioned. None without any activity."""
    if not counts:
        return None
    labels = labels_for(language)
    end, caption, last = today, "", max(counts)
    start = first_day(end, weeks)
    if not any(start <= date <= today for date in counts):
        end = last
        start = first_day(end, weeks)
        caption = labels["activity_shifted"].format(last=format_date(last, language),
                                                    start=format_date(start, language),
                                                    end=format_date(end, language))
    elif last < first_day(today, QUIET_WEEKS):
        caption = labels["activity_quiet"].format(last=format_date(last, language))
    cells, months = [], []
    day, step = start, CELL + GAP
    while day <= end:
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
    width = LEFT + weeks * step
    return Calendar(cells=cells, months=months, weekdays=weekdays, width=width,
                    height=TOP + 7 * step, min_width=round(width * MIN_SCALE), total=in_range,
                    label=labels["activity_label"].format(n=in_range, start=start.isoformat(),
                                                          end=end.isoformat()),
                    compact=compact, caption=caption)
