"""Interface text of the portal's own pages, per language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType

LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "home": "首页",
        "latest": "最近更新",
        "categories": "分类",
        "notes_count": "{n} 篇笔记",
        "newest": "最新：",
        "reading_time": "约 {n} 分钟",
        "previous": "上一页",
        "next": "下一页",
        "pager": "分页",
        "page_of": "第 {n} / {count} 页",
        "updated": "更新于",
        "no_notes": "这里还没有笔记。",
        "untranslated": "中文",
        "untranslated_title": "暂无英文翻译，显示中文原文",
        "draft": "草稿",
        "search": "搜索笔记",
        "tagline": "深度学习、计算机视觉、大模型、NLP、生成模型、数学、算法与 LeetCode 的长期学习笔记",
        "leetcode_title": "LeetCode 题解索引",
        "by_number": "按题号",
        "by_topic": "按专题",
        "number": "题号",
        "title": "题目",
        "difficulty": "难度",
        "topics": "专题",
        "statement": "原题",
        "easy": "简单",
        "medium": "中等",
        "hard": "困难",
        "unknown": "未标注",
        "goto": "跳到题号",
        "goto_placeholder": "输入题号，如 76",
        "goto_button": "前往",
        "goto_missing": "还没有第 {n} 题的笔记。",
        "goto_invalid": "请输入题号（正整数）。",
        "browse_by_number": "按题号浏览",
        "browse_by_topic": "按专题浏览",
        "all_topics": "全部",
        "all_difficulties": "全部",
        "sort": "排序",
        "sort_asc": "题号升序",
        "sort_desc": "题号降序",
        "show_more": "显示更多",
        "shown_of": "显示 {shown} / {total} 道题",
        "list_loading": "正在加载题目列表…",
        "list_failed": "题目列表加载失败，可按题号或专题浏览。",
        "no_problems": "没有符合条件的题目。",
        "problems_count": "{n} 道题",
        "range": "{start}–{end}",
        "feed": "订阅更新",
        "problem": "LeetCode {n}",
        "all_notes": "全部笔记",
        "ranges": "题号段",
        "back_to_index": "返回 LeetCode 索引",
        "tags": "标签",
        "tag_title": "标签：{name}",
        "archive": "归档",
        "related": "相关笔记",
        "backlinks": "反向链接",
        "written": "写于",
        "note_facts": "笔记信息",
        "notes_one": "篇",
        "notes_many": "篇",
        "monday": "一",
        "wednesday": "三",
        "friday": "五",
        "activity_label": "{start} 至 {end} 写作与更新 {n} 篇次",
        "activity_link": "查看归档",
        "activity": "写作日历",
        "activity_quiet": "{last}以来没有新写或更新的笔记。",
        "activity_shifted": "{last}以来没有新写或更新的笔记；日历显示此前的 {start} 至 {end}。",
        "less": "少",
        "more": "多",
    },
    "en": {
        "home": "Home",
        "latest": "Latest updates",
        "categories": "Categories",
        "notes_count": "{n} notes",
        "newest": "Newest: ",
        "reading_time": "{n} min read",
        "previous": "Previous",
        "next": "Next",
        "pager": "Pagination",
        "page_of": "Page {n} of {count}",
        "updated": "Updated",
        "no_notes": "No notes here yet.",
        "untranslated": "Chinese",
        "untranslated_title": "No English translation yet: shown in Chinese",
        "draft": "Draft",
        "search": "Search the notes",
        "tagline": "Long-running study notes on deep learning, vision, large models, NLP, generative models, math, algorithms and LeetCode",
        "leetcode_title": "LeetCode solutions index",
        "by_number": "By number",
        "by_topic": "By topic",
        "number": "No.",
        "title": "Problem",
        "difficulty": "Difficulty",
        "topics": "Topics",
        "statement": "Statement",
        "easy": "Easy",
        "medium": "Medium",
        "hard": "Hard",
        "unknown": "Unrated",
        "goto": "Go to problem",
        "goto_placeholder": "Problem number, e.g. 76",
        "goto_button": "Go",
        "goto_missing": "No note for problem {n} yet.",
        "goto_invalid": "Enter a problem number (a whole number from 1).",
        "browse_by_number": "Browse by number",
        "browse_by_topic": "Browse by topic",
        "all_topics": "All",
        "all_difficulties": "All",
        "sort": "Sort",
        "sort_asc": "Number ascending",
        "sort_desc": "Number descending",
        "show_more": "Show more",
        "shown_of": "Showing {shown} of {total} problems",
        "list_loading": "Loading the problem list…",
        "list_failed": "The problem list could not be loaded; browse by number or topic instead.",
        "no_problems": "No problems match.",
        "problems_count": "{n} problems",
        "range": "{start}–{end}",
        "feed": "Subscribe",
        "problem": "LeetCode {n}",
        "all_notes": "All notes",
        "ranges": "Number ranges",
        "back_to_index": "Back to the LeetCode index",
        "tags": "Tags",
        "tag_title": "Tag: {name}",
        "archive": "Archive",
        "related": "Related notes",
        "backlinks": "Linked from",
        "written": "Written",
        "note_facts": "About this note",
        "notes_one": "note",
        "notes_many": "notes",
        "monday": "Mon",
        "wednesday": "Wed",
        "friday": "Fri",
        "activity_label": "{n} notes written or updated from {start} to {end}",
        "activity_link": "Open the archive",
        "activity": "Writing activity",
        "activity_quiet": "Nothing written or updated since {last}.",
        "activity_shifted": "Nothing written or updated since {last}: the calendar shows {start} to {end}.",
        "less": "Less",
        "more": "More",
    },
}

MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December")


#: Read-only: every page's view holds its language's table, so nothing may change it (and the
#: page output cache describes it once per build, see ``caching.template_inputs``).
LABEL_TABLES = {language: MappingProxyType(table) for language, table in LABELS.items()}


def labels_for(language: str) -> Mapping[str, str]:
    return LABEL_TABLES.get(language, LABEL_TABLES["en"])


def format_date(date: dt.date, language: str) -> str:
    """A date as readers of ``language`` write it."""
    if language == "zh":
        return f"{date.year}年{date.month}月{date.day}日"
    return f"{MONTHS_EN[date.month - 1]} {date.day}, {date.year}"


def month_name(month: int, language: str, *, short: bool = False) -> str:
    """``10`` → ``10月`` in Chinese, ``October`` (``Oct``) in English."""
    if language == "zh":
        return f"{month}月"
    return (MONTHS_EN if short else MONTH_NAMES_EN)[month - 1]
