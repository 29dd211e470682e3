"""The frame around the generated notes: what the real ``mkdocs.yml`` declares, the
configurations the benchmarks build with (ours, stock Material, with an extra plugin option)
and the home pages.

Everything is derived from the real configuration's text, edited as text rather than loaded
and dumped again, so that its ``!!python/name`` tags and comments survive and the benchmark
builds exactly what the repository ships, only pointed at other notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchmarks.common import OVERRIDES, PLUGIN_NAME, REAL_CONFIG, yaml_scalar

if TYPE_CHECKING:
    from benchmarks.portal_generator import GeneratedNote

HOME_ZH = "这里是用来测量构建性能的合成学习笔记：从反向传播到扩散模型，从特征分解到最短路径，再到 LeetCode 题解。"
HOME_EN = "Synthetic study notes used to measure build performance."
_HOME = "---\ntitle: {title}\n{template}hide:\n  - navigation\n  - toc\n---\n\n{text}\n"


@dataclass(frozen=True)
class SiteSettings:
    """What the generator needs from the real ``mkdocs.yml``."""

    #: (slug, Chinese name) of every configured category, in order.
    categories: list[tuple[str, str]]
    leetcode_category: str
    topics: list[str]


def read_site_settings(config_text: str) -> SiteSettings:
    """Categories and LeetCode topics as the real configuration declares them."""
    from mkdocs.utils.yaml import yaml_load
    from notes_portal.config import DEFAULT_TOPICS

    data = yaml_load(config_text)
    options: dict[str, Any] = {}
    for item in data.get("plugins") or []:
        if isinstance(item, dict) and PLUGIN_NAME in item:
            options = item[PLUGIN_NAME] or {}
    categories = [(c["slug"], _zh_name(c["name"], c["slug"])) for c in options.get("categories", [])]
    if not categories:
        raise SystemExit(f"{REAL_CONFIG}: no categories configured under plugins: {PLUGIN_NAME}")
    leetcode = options.get("leetcode") or {}
    topics = [t["name"] for t in leetcode.get("topics") or DEFAULT_TOPICS]
    return SiteSettings(categories, leetcode.get("category", "leetcode"), topics)


def _zh_name(name: Any, fallback: str) -> str:
    if isinstance(name, dict):
        return str(name.get("zh") or next(iter(name.values()), fallback))
    return str(name or fallback)


def write_home(docs: Path, *, portal: bool = True) -> None:
    """The home pages: with the portal's ``np-home.html`` template and an English one (``portal``),
    or a plain Chinese page for the stock Material site, which has neither."""
    if portal:
        (docs / "index.md").write_text(
            _HOME.format(title="首页", template="template: np-home.html\n", text=HOME_ZH), encoding="utf-8")
        (docs / "index.en.md").write_text(
            _HOME.format(title="Home", template="template: np-home.html\n", text=HOME_EN), encoding="utf-8")
    else:
        (docs / "index.md").write_text(_HOME.format(title="首页", template="", text=HOME_ZH), encoding="utf-8")


def _with_docs_dir(text: str, docs_dir: Path) -> str:
    """``text`` with its top-level ``docs_dir`` set (added when missing)."""
    line = f"docs_dir: {yaml_scalar(str(docs_dir))}"
    if re.search(r"^docs_dir:", text, re.MULTILINE):
        return re.sub(r"^docs_dir:.*$", lambda _: line, text, count=1, flags=re.MULTILINE)
    return f"{line}\n{text}"


def ours_config_text(text: str, docs_dir: Path) -> str:
    """The real configuration, reading ``docs_dir`` and using the repository's ``overrides/``."""
    pattern = re.compile(r"^(?P<indent>[ \t]+)custom_dir:.*$", re.MULTILINE)
    if not pattern.search(text):
        raise SystemExit(f"{REAL_CONFIG}: expected theme.custom_dir")
    text = pattern.sub(lambda m: f"{m['indent']}custom_dir: {yaml_scalar(str(OVERRIDES))}", text, count=1)
    return _with_docs_dir(text, docs_dir)


def with_plugin_option(text: str, key: str, value: str, plugin: str = PLUGIN_NAME) -> str:
    """``text`` with ``key: value`` added as the first option of ``plugin`` in the plugins list."""
    match = re.search(rf"^(?P<indent>[ \t]*)- +{re.escape(plugin)}:[ \t]*\n(?P<inner>[ \t]+)", text, re.MULTILINE)
    if match is None:
        raise SystemExit(f"{REAL_CONFIG}: expected '- {plugin}:' with options under plugins")
    return text[: match.end("inner") - len(match["inner"])] + f"{match['inner']}{key}: {value}\n" + \
        text[match.end("inner") - len(match["inner"]):]


def stock_config_text(text: str, docs_dir: Path, nav: list[dict[str, Any]]) -> str:
    """The real configuration as plain Material: no ``custom_dir``, only the ``search`` plugin
    (same options, so the same separator), and ``nav`` listing every note."""
    import yaml

    text = re.sub(r"^[ \t]+custom_dir:.*\n", "", text, flags=re.MULTILINE)
    text = _with_docs_dir(text, docs_dir)
    section = re.search(r"^plugins:[ \t]*\n(?P<body>(?:(?:[ \t#].*)?\n)*)", text, re.MULTILINE)
    if section is None:
        plugins = "plugins:\n  - search\n"
    else:
        first = re.search(r"^(?P<indent>[ \t]*)- ", section["body"], re.MULTILINE)
        indent = re.escape(first["indent"]) if first else ""
        items = re.split(rf"(?m)^(?={indent}- )", section["body"])
        kept = [item for item in items if re.match(rf"{indent}- +search\b", item)]
        plugins = "plugins:\n" + ("".join(kept) if kept else "  - search\n")
        text = text[: section.start()] + text[section.end():]
    nav_text = yaml.safe_dump({"nav": nav}, allow_unicode=True, sort_keys=False, width=1000)
    return f"{text.rstrip()}\n\n{plugins.rstrip()}\n\n{nav_text}"


def stock_nav(notes: list[GeneratedNote], settings: SiteSettings) -> list[dict[str, Any]]:
    """Home, then one section per category listing all of its notes, newest first."""
    nav: list[dict[str, Any]] = [{"首页": "index.md"}]
    for slug, name in settings.categories:
        members = sorted((n for n in notes if n.category == slug), key=lambda n: (n.date, n.slug), reverse=True)
        if members:
            nav.append({name: [{note.title: note.src_uri} for note in members]})
    return nav

