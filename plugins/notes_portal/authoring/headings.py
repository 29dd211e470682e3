"""A note's title from its first Markdown heading, as a reader sees it.

Collections written for GitHub open with headings such as
``# [76. 最小覆盖子串](https://leetcode.cn/problems/minimum-window-substring)`` or
``# 1. Two Sum <sup>🔒</sup>``. The page shows that heading rendered; everywhere else
(the feed, the indexes, the Atom feed, search results) shows its title as text, so the
title is the heading's plain text: no Markdown, no HTML, no link syntax.
"""

from __future__ import annotations

import html
import re

IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)|!\[([^\]]*)\]\[[^\]]*\]")
#: ``[text](url "title")`` and ``[text][ref]``; nested brackets one level deep.
LINK = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\](?:\([^)]*\)|\[[^\]]*\])")
AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
CODE = re.compile(r"(`+)(.+?)\1")
TAG = re.compile(r"</?[A-Za-z][^<>]*>|<!--.*?-->", re.DOTALL)
EMPHASIS = re.compile(r"(?<![\w\\])(\*\*|__|\*|_|~~|==)(?=\S)(.+?)(?<=\S)\1(?!\w)")
ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>])")
#: ``{#anchor .class}`` of attr_list at the end of a heading.
ATTRIBUTES = re.compile(r"\s*\{\s*[#.:][^{}]*\}\s*$")
#: ``76. 最小覆盖子串``, ``76、最小覆盖子串``, ``76 - Two Sum``, ``0076: Two Sum``;
#: not ``3 Sum``, which is a title that starts with a digit.
PROBLEM_NUMBER = re.compile(r"^(?P<id>\d{1,5})\s*(?:[.．、:：]|\s[-–—]\s)\s*(?P<title>\S.*)$")


def heading_title(markdown: str) -> str:
    """The text a reader sees in a heading written in Markdown (inline HTML allowed)."""
    codes: list[str] = []  # code spans keep their text as written: nothing in them is markup

    def protect(match: re.Match[str]) -> str:
        codes.append(match.group(2).strip())
        return f"\x02{len(codes) - 1}\x03"

    text = ATTRIBUTES.sub("", markdown)
    text = CODE.sub(protect, text)
    text = IMAGE.sub(lambda m: m.group(1) or m.group(2) or "", text)
    for _ in range(3):  # a link inside emphasis inside a link, at worst
        text = LINK.sub(r"\1", text)
    text = AUTOLINK.sub(r"\1", text)
    text = TAG.sub("", text)
    for _ in range(2):  # ***both***
        text = EMPHASIS.sub(r"\2", text)
    text = ESCAPED.sub(r"\1", text)
    text = html.unescape(re.sub(r"\x02(\d+)\x03", lambda m: codes[int(m.group(1))], text))
    return " ".join(text.split())


def split_problem_number(title: str) -> tuple[int | None, str]:
    """``76. 最小覆盖子串`` → ``(76, "最小覆盖子串")``; a title without a number → ``(None, title)``."""
    match = PROBLEM_NUMBER.match(title.strip())
    if not match or int(match.group("id")) == 0:
        return None, title
    return int(match.group("id")), match.group("title").strip()

