"""The archive (issue 11): notes grouped by year and month with counts, newest first, by the date
written; the activity calendar's cells on the right days; the compact calendar on the home page.

Two fixture portals built for real: one with fixed dates years back (grouping), one with notes
dated relative to today (the calendar, which ends on the build day).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from urllib.parse import unquote

import pytest
from bs4 import Tag
from sites import BuildResult, FixtureSite, h1_text, url_path

PREFIX = {"zh": "", "en": "en/"}


def build(site: FixtureSite) -> BuildResult:
    result = site.build()
    assert result.returncode == 0, result.output
    return result


def own_text(element: Tag) -> str:
    return "".join(child for child in element.find_all(string=True, recursive=False)).strip()


def decoded_target(result: BuildResult, page: str, href: str) -> str:
    path = unquote(url_path(page, href))
    assert (result.site_dir / path.lstrip("/") / "index.html").is_file(), f"{href} on {page} leads nowhere: {path}"
    return path


# -- grouping ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def grouped(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    site = FixtureSite(tmp_path_factory.mktemp("archive") / "portal")
    # Written in no particular order.
    site.note("nlp/mar.md", "三月笔记", "2025-03-05")
    site.note("deep-learning/oct-b.md", "十月乙", "2025-10-02")
    site.note("nlp/year-start.md", "年初", "2024-01-01")
    site.note("nlp/oct-a.md", "十月甲", "2025-10-11")
    site.note("nlp/oct-a.en.md", "October A", "2025-10-11", "Body.")
    # Written in 2023, updated in 2025: filed under December 2023.
    site.note("deep-learning/old.md", "旧文", "2023-12-30", updated="2025-10-20")
    site.note("deep-learning/year-end.md", "年末", "2024-12-31")
    site.note("nlp/draft.md", "草稿", "2025-10-15", draft=True)
    return build(site)


#: year -> (count, [(month, count, [(date, title, path)])]), newest first; zh titles.
ARCHIVE = [
    ("2025", 3, [
        ("2025-10", 2, [("2025-10-11", "十月甲", "nlp/oct-a/"), ("2025-10-02", "十月乙", "deep-learning/oct-b/")]),
        ("2025-03", 1, [("2025-03-05", "三月笔记", "nlp/mar/")]),
    ]),
    ("2024", 2, [
        ("2024-12", 1, [("2024-12-31", "年末", "deep-learning/year-end/")]),
        ("2024-01", 1, [("2024-01-01", "年初", "nlp/year-start/")]),
    ]),
    ("2023", 1, [
        ("2023-12", 1, [("2023-12-30", "旧文", "deep-learning/old/")]),
    ]),
]
MONTH_NAMES = {
    "zh": {"2025-10": "10月", "2025-03": "3月", "2024-12": "12月", "2024-01": "1月", "2023-12": "12月"},
    "en": {"2025-10": "October", "2025-03": "March", "2024-12": "December", "2024-01": "January",
           "2023-12": "December"},
}


def read_archive(result: BuildResult, path: str) -> list:
    """The archive page as the nested structure of ARCHIVE, from its markup."""
    page = result.html(path)
    years = []
    for year in page.select("section.np-archive-year"):
        h2 = year.find("h2")
        assert h2 is not None
        months = []
        for month in year.select("section.np-archive-month"):
            h3 = month.find("h3")
            assert h3 is not None
            items = []
            for li in month.select("ul > li"):
                time, link = li.find("time"), li.find("a")
                items.append((time["datetime"], link.get_text(strip=True),
                              decoded_target(result, path, link["href"]).removeprefix("/" + path.removesuffix("archive/"))))
            months.append((month["data-month"], int(h3.select_one("span.np-count").get_text(strip=True)), items,
                           own_text(h3)))
        years.append((year["data-year"], int(h2.select_one("span.np-count").get_text(strip=True)), months,
                      own_text(h2)))
    return years


@pytest.mark.parametrize("language", ["zh", "en"])
def test_archive_groups_by_year_and_month_newest_first(grouped: BuildResult, language: str) -> None:
    """Years, then months, then notes, each newest first, with counts; a note updated later stays
    under the month it was written; drafts are left out."""
    found = read_archive(grouped, PREFIX[language] + "archive/")
    titles = {"zh": {}, "en": {"十月甲": "October A"}}[language]
    expected = [
        (year, count, [(month, month_count,
                        [(date, titles.get(title, title), path) for date, title, path in items],
                        MONTH_NAMES[language][month])
                       for month, month_count, items in months], year)
        for year, count, months in ARCHIVE
    ]
    assert found == expected


@pytest.mark.parametrize(("language", "label"), [("zh", "归档"), ("en", "Archive")])
def test_archive_title(grouped: BuildResult, language: str, label: str) -> None:
    assert h1_text(grouped.html(PREFIX[language] + "archive/")) == label


def test_archive_sections_carry_year_attributes(grouped: BuildResult) -> None:
    page = grouped.html("archive/")
    assert [s["data-year"] for s in page.select("section[data-year]")] == ["2025", "2024", "2023"]
    assert "草稿" not in page.get_text()


def test_calendar_comes_before_the_years(grouped: BuildResult) -> None:
    """The calendar sits at the top, above the first year."""
    page = grouped.html("archive/")
    svg = page.select_one("article svg.np-activity")
    assert svg is not None
    first_year = page.select_one("section.np-archive-year")
    assert svg in first_year.find_all_previous("svg")
    assert page.select("section.np-archive-year svg") == []


# -- the activity calendar -------------------------------------------------------------------

TODAY = dt.date.today()


def day(days_ago: int) -> str:
    return (TODAY - dt.timedelta(days=days_ago)).isoformat()


@pytest.fixture(scope="module")
def recent(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """Notes dated relative to the build day."""
    site = FixtureSite(tmp_path_factory.mktemp("activity") / "portal")
    site.plugin_config["per_page"] = 3  # seven notes: home pages 1 to 3
    site.note("nlp/today.md", "今天", day(0))
    site.note("nlp/three.md", "三天前", day(3))
    site.note("nlp/ten-a.md", "十天前甲", day(10))
    site.note("deep-learning/ten-b.md", "十天前乙", day(10))
    # Written 40 days ago, updated 5 days ago: a cell on each day.
    site.note("deep-learning/forty.md", "四十天前", day(40), updated=day(5))
    # Written and updated 20 days ago: counted once.
    site.note("nlp/twenty.md", "二十天前", day(20), updated=day(20))
    # Outside the last twelve months.
    site.note("nlp/old.md", "四百天前", day(400))
    site.note("nlp/draft.md", "草稿", day(3), draft=True)
    return build(site)


def cells(svg: Tag) -> dict[str, Tag]:
    rects = svg.select("rect.np-activity__day")
    by_date = {rect["data-date"]: rect for rect in rects}
    assert len(by_date) == len(rects), "a day is drawn twice"
    return by_date


def calendar(result: BuildResult, path: str) -> Tag:
    svgs = result.html(path).select("svg.np-activity:not(.np-activity--compact)")
    assert len(svgs) == 1, path
    return svgs[0]


#: days ago -> notes counted that day.
ACTIVE = {0: 1, 3: 1, 5: 1, 10: 2, 20: 1, 40: 1}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_calendar_cells_count_notes_written_or_updated(recent: BuildResult, language: str) -> None:
    """Each active day has its count; two notes the same day make 2; written and updated the same
    day counts once; a draft counts nothing; every other day is 0."""
    by_date = cells(calendar(recent, PREFIX[language] + "archive/"))
    for days_ago, count in ACTIVE.items():
        assert by_date[day(days_ago)]["data-count"] == str(count), (days_ago, by_date[day(days_ago)])
    busy = {date for date, rect in by_date.items() if rect["data-count"] != "0"}
    assert busy == {day(days_ago) for days_ago in ACTIVE}


@pytest.mark.parametrize(("language", "expected"), [
    ("zh", {10: "{}: 2 篇", 3: "{}: 1 篇", 1: "{}: 0 篇"}),
    ("en", {10: "{}: 2 notes", 3: "{}: 1 note", 1: "{}: 0 notes"}),
])
def test_calendar_cell_titles(recent: BuildResult, language: str, expected: dict[int, str]) -> None:
    by_date = cells(calendar(recent, PREFIX[language] + "archive/"))
    for days_ago, template in expected.items():
        title = by_date[day(days_ago)].find("title")
        assert title is not None, days_ago
        assert title.get_text(strip=True) == template.format(day(days_ago))


def test_calendar_spans_twelve_months_ending_today(recent: BuildResult) -> None:
    """Consecutive days, the last one today: nothing after today, nothing from 400 days ago."""
    dates = sorted(dt.date.fromisoformat(date) for date in cells(calendar(recent, "archive/")))
    assert dates[-1] == TODAY
    assert all(later - earlier == dt.timedelta(days=1) for earlier, later in itertools.pairwise(dates))
    assert TODAY - dt.timedelta(days=378) <= dates[0] <= TODAY - dt.timedelta(days=358), dates[0]
    assert day(400) not in {d.isoformat() for d in dates}


def test_calendar_is_plain_svg(recent: BuildResult) -> None:
    """Drawn at build time: an image with a label, no script, nothing fetched from elsewhere."""
    svg = calendar(recent, "archive/")
    assert svg.get("role") == "img"
    assert svg.get("aria-label", "").strip()
    assert svg.find_all(["script", "image", "foreignobject", "use"]) == []
    for element in svg.find_all(True):
        for name, value in element.attrs.items():
            assert not (name.endswith("href") and "//" in str(value)), (element.name, name, value)
            assert not name.startswith("on"), (element.name, name)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_home_shows_compact_calendar_linking_to_archive(recent: BuildResult, language: str) -> None:
    """The first home page has the compact calendar inside a link to the archive; the last
    26 weeks only, so a note 40 days back is on it and one from 400 days back is not."""
    prefix = PREFIX[language]
    home = recent.html(prefix)
    links = home.select("a.np-activity-link")
    assert len(links) == 1
    assert decoded_target(recent, prefix, links[0]["href"]) == f"/{prefix}archive/"
    svg = links[0].select_one("svg.np-activity.np-activity--compact")
    assert svg is not None
    by_date = cells(svg)
    assert by_date[day(10)]["data-count"] == "2"
    assert by_date[day(40)]["data-count"] == "1"
    dates = sorted(by_date)
    assert dates[-1] == day(0)
    assert day(200) not in by_date
    assert dt.date.fromisoformat(dates[0]) >= TODAY - dt.timedelta(days=26 * 7 + 6)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_compact_calendar_only_on_the_first_home_page(recent: BuildResult, language: str) -> None:
    prefix = PREFIX[language]
    for path in (f"{prefix}page/2/", f"{prefix}page/3/", f"{prefix}nlp/", f"{prefix}nlp/today/"):
        page = recent.html(path)
        assert page.select("a.np-activity-link") == [], path
        assert page.select("svg.np-activity") == [], path


CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


@pytest.mark.parametrize("path", ["en/archive/", "en/"])
def test_english_calendar_speaks_english(recent: BuildResult, path: str) -> None:
    """Label, month and weekday names, cell titles and legend of the English calendar: no Chinese."""
    page = recent.html(path)
    svgs = page.select("svg.np-activity")
    assert len(svgs) == 1
    svg = svgs[0]
    assert not CJK.search(svg["aria-label"]), svg["aria-label"]
    assert not CJK.search(svg.get_text(" ")), svg.get_text(" ")[:300]
    legend = page.select(".np-activity-legend")
    assert all(not CJK.search(element.get_text(" ")) for element in legend)


def test_chinese_calendar_labels(recent: BuildResult) -> None:
    svg = calendar(recent, "archive/")
    assert CJK.search(svg["aria-label"]), svg["aria-label"]


@pytest.mark.parametrize("path", ["archive/", ""])
def test_calendar_columns_are_weeks_and_rows_weekdays(recent: BuildResult, path: str) -> None:
    """Every column holds one whole week (the last one up to today), every row one weekday."""
    svg = recent.html(path).select_one("svg.np-activity")
    assert svg is not None
    columns: dict[float, list[tuple[dt.date, float]]] = {}
    rows: dict[int, set[float]] = {}
    for rect in svg.select("rect.np-activity__day"):
        date = dt.date.fromisoformat(rect["data-date"])
        columns.setdefault(float(rect["x"]), []).append((date, float(rect["y"])))
        rows.setdefault(date.weekday(), set()).add(float(rect["y"]))
    assert len(rows) == 7 and all(len(ys) == 1 for ys in rows.values()), rows
    assert len({next(iter(ys)) for ys in rows.values()}) == 7
    ordered = [sorted(columns[x]) for x in sorted(columns)]
    starts = {column[0][0].weekday() for column in ordered}
    assert len(starts) == 1, starts
    for column in ordered[:-1]:
        assert len(column) == 7, column
    assert 1 <= len(ordered[-1]) <= 7 and ordered[-1][-1][0] == TODAY
    for column in ordered:
        assert [y for _, y in column] == sorted(y for _, y in column)
    assert all(later[0][0] - earlier[0][0] == dt.timedelta(days=7) for earlier, later in itertools.pairwise(ordered))


# -- a calendar never shows an empty box without saying why -------------------------------------


@pytest.fixture(scope="module")
def quiet(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """Every note years old: the last activity is an update on Wednesday 2020-06-10."""
    site = FixtureSite(tmp_path_factory.mktemp("quiet") / "portal")
    site.note("nlp/spring.md", "春天", "2020-03-02")
    site.note("nlp/spring.en.md", "Spring", "2020-03-02", "Body.")
    site.note("deep-learning/winter.md", "冬天", "2019-11-20", updated="2020-06-10")
    return build(site)


def caption(result: BuildResult, path: str) -> str | None:
    found = result.html(path).select(".np-activity-caption")
    assert len(found) <= 1, path
    return found[0].get_text(" ", strip=True) if found else None


@pytest.mark.parametrize(("path", "expected"), [
    ("", "2020年6月10日以来没有新写或更新的笔记；日历显示此前的 2019年12月16日 至 2020年6月10日。"),
    ("en/", "Nothing written or updated since Jun 10, 2020: the calendar shows Dec 16, 2019 to Jun 10, 2020."),
    ("archive/", "2020年6月10日以来没有新写或更新的笔记；日历显示此前的 2019年6月10日 至 2020年6月10日。"),
    ("en/archive/", "Nothing written or updated since Jun 10, 2020: the calendar shows Jun 10, 2019 to Jun 10, 2020."),
])
def test_a_quiet_portal_shows_its_last_active_weeks_and_says_so(quiet: BuildResult, path: str, expected: str) -> None:
    """Nothing in the last half year (the home page) or year (the archive): rather than as many blank
    weeks, the calendar shows as many weeks up to the last day something was written or updated,
    with the active days shaded, and its caption says since when nothing was and which weeks these are."""
    assert caption(quiet, path) == expected
    svg = quiet.html(path).select_one("svg.np-activity")
    assert svg is not None
    by_date = cells(svg)
    first = "2019-12-16" if "archive" not in path else "2019-06-10"
    assert max(by_date) == "2020-06-10"
    assert min(by_date) == first
    busy = {date: rect["data-count"] for date, rect in by_date.items() if rect["data-count"] != "0"}
    expected_busy = {"2020-03-02": "1", "2020-06-10": "1"}
    if "archive" in path:
        expected_busy["2019-11-20"] = "1"
    assert busy == expected_busy
    assert first in svg["aria-label"] and "2020-06-10" in svg["aria-label"]


@pytest.fixture(scope="module")
def half_quiet(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The newest note 300 days old: in the archive's year, not in the home page's half year."""
    site = FixtureSite(tmp_path_factory.mktemp("half-quiet") / "portal")
    site.note("nlp/older.md", "较早", day(330))
    site.note("nlp/newest.md", "最新", day(300))
    return build(site)


def test_an_archive_empty_for_half_a_year_says_since_when(half_quiet: BuildResult) -> None:
    """The archive's year still ends today, with the note 300 days back on it; its newest half,
    what a phone shows first, is empty, so the caption says since when."""
    last = TODAY - dt.timedelta(days=300)
    assert caption(half_quiet, "archive/") == f"{last.year}年{last.month}月{last.day}日以来没有新写或更新的笔记。"
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    assert caption(half_quiet, "en/archive/") == \
        f"Nothing written or updated since {months[last.month - 1]} {last.day}, {last.year}."
    by_date = cells(calendar(half_quiet, "archive/"))
    assert max(by_date) == day(0) and by_date[day(300)]["data-count"] == "1"
    home = cells(half_quiet.html("").select_one("svg.np-activity"))
    assert max(home) == day(300)  # the home page's half year is the last active one
    assert caption(half_quiet, "").startswith(f"{last.year}年{last.month}月{last.day}日以来")


@pytest.mark.parametrize("path", ["", "en/", "archive/", "en/archive/"])
def test_a_current_calendar_has_no_caption(recent: BuildResult, path: str) -> None:
    assert caption(recent, path) is None
    assert recent.html(path).select_one("svg.np-activity") is not None


@pytest.mark.parametrize("path", ["", "archive/"])
def test_calendar_keeps_a_readable_size(recent: BuildResult, path: str) -> None:
    """It may shrink to 10/11 of its drawn size (10 px cells), not further: narrower, it scrolls
    inside its own box. The home page's calendar is a link to the archive."""
    page = recent.html(path)
    svg = page.select_one("svg.np-activity")
    assert svg is not None
    width = int(svg["width"])
    assert width == (24 + 14 * (26 if path == "" else 53))
    style = dict(part.split(":") for part in svg["style"].replace(" ", "").split(";") if part)
    assert style == {"min-width": f"{round(width * 10 / 11)}px", "max-width": f"{width}px"}
    scroller = svg.parent
    assert scroller.name == "div" and "np-activity-scroll" in scroller["class"]
    if path == "":
        assert scroller.parent.name == "a" and "np-activity-link" in scroller.parent["class"]
    else:  # a scrolling box a keyboard reaches
        assert scroller["tabindex"] == "0"
