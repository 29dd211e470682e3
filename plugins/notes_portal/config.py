"""Typed configuration of the ``notes-portal`` plugin, read from ``mkdocs.yml``."""

from __future__ import annotations

from typing import Any

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config, ValidationError

from notes_portal.model.tag_words import tag_key

#: The LeetCode topics, in the order readers browse them; ``name`` is what
#: authors write in front matter, ``en`` is shown on the English site.
DEFAULT_TOPICS: list[dict[str, str]] = [
    {"slug": "array-list-string", "name": "数组&链表&字符串", "en": "Arrays, Lists & Strings"},
    {"slug": "two-pointers", "name": "双指针", "en": "Two Pointers"},
    {"slug": "sliding-window", "name": "滑动窗口", "en": "Sliding Window"},
    {"slug": "hash-table", "name": "哈希表", "en": "Hash Table"},
    {"slug": "stack-queue", "name": "栈&队列", "en": "Stack & Queue"},
    {"slug": "monotonic-queue", "name": "单调队列", "en": "Monotonic Queue"},
    {"slug": "tree-heap", "name": "树与堆", "en": "Trees & Heaps"},
    {"slug": "graph", "name": "图", "en": "Graphs"},
    {"slug": "math", "name": "数学", "en": "Math"},
]

DIFFICULTIES: tuple[str, ...] = ("easy", "medium", "hard")


class CategoryConfig(Config):
    """One category: a top-level folder of ``docs/``."""

    slug = opt.Type(str)
    #: Display name per language code, e.g. ``{zh: 深度学习, en: Deep Learning}``.
    name = opt.Type(dict)
    #: A Material icon path such as ``material/brain``.
    icon = opt.Type(str, default="material/folder-outline")
    description = opt.Type(dict, default={})


class TopicConfig(Config):
    slug = opt.Type(str)
    name = opt.Type(str)
    en = opt.Type(str)
    #: Tags that count as this topic too, for notes without ``leetcode.topics``
    #: (``[链表, 数组, 字符串]`` for ``数组&链表&字符串``).
    aliases = opt.ListOfItems(opt.Type(str), default=[])


class LeetCodeConfig(Config):
    """Where LeetCode notes live and which topics they may name."""

    category = opt.Type(str, default="leetcode")
    topics = opt.ListOfItems(opt.SubConfig(TopicConfig), default=DEFAULT_TOPICS)
    #: Width of the number ranges on the index (1–100, 101–200, …).
    range_size = opt.Type(int, default=100)
    problem_url = opt.Type(dict, default={
        "zh": "https://leetcode.cn/problems/{slug}/",
        "en": "https://leetcode.com/problems/{slug}/",
    })
    search_url = opt.Type(dict, default={
        "zh": "https://leetcode.cn/problemset/?search={id}",
        "en": "https://leetcode.com/problemset/?search={id}",
    })


class TagNamesOption(opt.BaseConfigOption[dict]):
    """``tags: {深度学习: Deep Learning, 哈希表: {en: Hash Table}}``: a tag's name in other languages,
    written once. A plain string names it in English; a mapping names it per language code."""

    def __init__(self) -> None:
        super().__init__()
        self.default = {}

    def run_validation(self, value: Any) -> dict:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise ValidationError(f"{value!r} is not a mapping (expected {{tag: English name}}, "
                                  "e.g. {深度学习: Deep Learning})")
        named: dict[tuple[str, str], str] = {}
        for tag, names in value.items():
            per_language = names if isinstance(names, dict) else {"en": names}
            for language, name in per_language.items():
                if not isinstance(name, str) or not name.strip() or not isinstance(language, str):
                    raise ValidationError(f"{tag}: {names!r} is not a name (expected text, or a mapping "
                                          "of language codes to text such as {en: Deep Learning})")
                # Two tags under one name would be two tags that readers can't tell apart.
                other = named.setdefault((language, tag_key(name)), str(tag))
                if other != str(tag):
                    raise ValidationError(f"{tag}: {name!r} is already the {language} name of {other} (expected "
                                          "one name per tag; write one of the two tags in the notes instead)")
        return value


class NotesPortalConfig(Config):
    """Options of the ``notes-portal`` plugin."""

    enabled = opt.Type(bool, default=True)
    categories = opt.ListOfItems(opt.SubConfig(CategoryConfig), default=[])
    #: Feed entries per page on the home page and on category pages.
    per_page = opt.Type(int, default=10)
    #: Entries in each language's Atom feed.
    atom_entries = opt.Type(int, default=20)
    #: Excerpt length: CJK characters, or words for space-separated text.
    excerpt_chars = opt.Type(int, default=120)
    excerpt_words = opt.Type(int, default=50)
    #: Newest notes listed under each category in the site navigation; the
    #: rest are reached through category pages, indexes and search, which
    #: keeps every page's navigation small however many notes there are.
    nav_notes_per_category = opt.Type(int, default=5)
    #: Reading speed used for the reading-time estimate.
    cjk_chars_per_minute = opt.Type(int, default=400)
    words_per_minute = opt.Type(int, default=220)
    leetcode = opt.SubConfig(LeetCodeConfig)
    #: Each tag's name on the other languages' sites, named once (``authoring/tag_names.py``):
    #: notes keep writing the tag in their own language, and a translation shows its original's tags.
    tags = TagNamesOption()
    #: ``pagefind``: one Pagefind index per language behind Material's search box
    #: (``search/``); ``material``: Material's own lunr search, as before.
    search_engine = opt.Choice(("pagefind", "material"), default="pagefind")
    #: Under ``mkdocs serve``, draw only the saved note's pages when nothing else shows what
    #: changed (``serve/serve_refresh.py``); ``false``: MkDocs' full build on every save.
    serve_quick_refresh = opt.Type(bool, default=True)


def localized(value: dict | str | None, language: str, default_language: str) -> str:
    """Pick ``language`` from a ``{zh: …, en: …}`` config value, falling back to the default."""
    if isinstance(value, dict):
        return str(value.get(language) or value.get(default_language) or next(iter(value.values()), ""))
    return str(value or "")
