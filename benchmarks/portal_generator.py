"""The synthetic study-notes portal the benchmarks build: notes, translations, configurations
and, for the search benchmark, (query, expected note) pairs in ``queries.json``.

A portal of N Chinese notes (about 8 KB each, with front matter, math, code and tables; a fifth
of them LeetCode notes; about 5% with an ``.en.md`` translation), written in the words of
``corpus_words``. Every note also gets a few rare "named method" terms made of characters used
nowhere else, shared with at most five other notes of its category: those, and the LeetCode
problem numbers, are the search queries with a known answer. Everything is deterministic by
seed, so that two runs (or a benchmark and a test) build the same notes.

Tests and scripts use ``generate_portal(folder, size)``: one call, the real configuration.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.common import REAL_CONFIG, yaml_list, yaml_scalar
from benchmarks.corpus_words import (
    ASPECTS,
    CATEGORY_TERMS,
    CODE_TEMPLATES,
    CONDITIONS,
    DISPLAY_MATH,
    EFFECTS,
    EN_EFFECTS,
    EN_OBJECTS,
    EN_SENTENCES,
    EN_TERMS,
    EN_VERBS,
    GENERAL_TERMS,
    INLINE_MATH,
    LC_OBJECTS,
    LC_PREFIXES,
    METRICS,
    OBJECTS,
    RARE_SENTENCES,
    RESULTS,
    SLUG_WORDS,
    TITLE_SUFFIXES,
    VERBS,
    ZH_SENTENCES,
    RareTerms,
    ZipfVocabulary,
    build_vocabulary,
    chars_of,
)
from benchmarks.portal_config import (
    HOME_ZH,
    SiteSettings,
    ours_config_text,
    read_site_settings,
    stock_config_text,
    stock_nav,
    write_home,
)

DEFAULT_SEED = 20231109
NOTE_BYTES = 8 * 1024
LEETCODE_SHARE = 0.20
TRANSLATION_SHARE = 0.05
LATEST_NOTE_DATE = dt.date(2025, 12, 31)
#: Rare terms each note owns; each is shared with 0 to RARE_SHARED_MAX other notes of its category.
RARE_TERMS_PER_NOTE = 2
RARE_SHARED_MAX = 5
#: Share of the topic-word slots filled with the category's own terms (the rest: the whole vocabulary).
CATEGORY_TERM_SHARE = 0.2

# -- generating notes -----------------------------------------------------------------------------


@dataclass
class GeneratedNote:
    """One generated note: where it goes and what it says."""

    category: str
    slug: str
    title: str
    date: dt.date
    text: str = ""
    translation: str | None = None
    #: Its tags; its translation carries the same (a translation shows its original's tags).
    tags: list[str] = field(default_factory=list)
    #: Rare terms in this note's text (shared with at most RARE_SHARED_MAX other notes).
    rare_terms: list[str] = field(default_factory=list)

    @property
    def src_uri(self) -> str:
        return f"{self.category}/{self.slug}.md"

    @property
    def page_path(self) -> str:
        """The built page, relative to the site directory (Chinese site, directory URLs)."""
        return f"{self.category}/{self.slug}/index.html"

    @property
    def url(self) -> str:
        """The page's URL path on the Chinese site."""
        return f"/{self.category}/{self.slug}/"


class TextMaker:
    """Deterministic, realistic-looking Chinese (and some English) note text."""

    def __init__(self, rng: random.Random, vocabulary: ZipfVocabulary) -> None:
        self.rng = rng
        self.vocabulary = vocabulary

    def pick(self, items: Sequence[str]) -> str:
        """One item of ``items``."""
        return items[self.rng.randrange(len(items))]

    def word(self, terms: Sequence[str]) -> str:
        """A topic word: one of the category's ``terms`` or a word of the Zipf vocabulary."""
        return self.pick(terms) if self.rng.random() < CATEGORY_TERM_SHARE else self.vocabulary.draw()

    def thing(self) -> str:
        """An object phrase: "the X of the Y", a vocabulary word or a stock phrase."""
        roll = self.rng.random()
        if roll < 0.35:
            return f"{self.vocabulary.draw()}的{self.vocabulary.draw()}"
        return self.vocabulary.draw() if roll < 0.8 else self.pick(OBJECTS)

    # Chinese ---------------------------------------------------------------------------------

    def _fields(self, terms: Sequence[str]) -> dict[str, Any]:
        return {
            "term": self.word(terms), "term2": self.word(terms), "obj": self.thing(), "obj2": self.thing(),
            "verb": self.pick(VERBS), "verb2": self.pick(VERBS), "effect": self.pick(EFFECTS),
            "cond": self.pick(CONDITIONS), "result": self.pick(RESULTS), "metric": self.pick(METRICS),
            "pct": self.rng.randint(2, 30), "cx": self.pick(INLINE_MATH[:2] + [r"O(n)", r"O(nk)", r"O(n d^2)"]),
            "math": self.pick(INLINE_MATH),
        }

    def zh_sentence(self, terms: Sequence[str]) -> str:
        """One Chinese sentence about ``terms``, sometimes with inline math."""
        return self.pick(ZH_SENTENCES).format(**self._fields(terms))

    def rare_sentence(self, rare: str, terms: Sequence[str]) -> str:
        """A sentence naming the rare term ``rare``."""
        return self.pick(RARE_SENTENCES).format(rare=rare, **self._fields(terms))

    def zh_paragraph(self, terms: Sequence[str], extra: str = "") -> str:
        """Three to six sentences; ``extra`` (a link or rare-term sentence) goes somewhere among them."""
        sentences = [self.zh_sentence(terms) for _ in range(self.rng.randint(3, 6))]
        if extra:
            sentences.insert(self.rng.randint(0, len(sentences)), extra)
        return "".join(sentences)

    def zh_table(self, terms: Sequence[str]) -> str:
        """A Markdown table comparing methods."""
        rows = ["| 方法 | 时间复杂度 | 适用场景 | 备注 |", "|---|---|---|---|"]
        for _ in range(self.rng.randint(3, 5)):
            rows.append(f"| {self.word(terms)} | `{self.pick(['O(n)', 'O(n log n)', 'O(n^2)', 'O(1)', 'O(nk)'])}` "
                        f"| {self.pick(CONDITIONS)} | {self.pick(EFFECTS)} |")
        return "\n".join(rows)

    def zh_list(self, terms: Sequence[str]) -> str:
        """A bullet list of short points."""
        return "\n".join(f"- **{self.word(terms)}**：{self.zh_sentence(terms)}"
                         for _ in range(self.rng.randint(3, 5)))

    # shared ----------------------------------------------------------------------------------

    def display_math(self) -> str:
        """A ``$$`` display-math block."""
        return f"$$\n{self.pick(DISPLAY_MATH)}\n$$"

    def code_block(self) -> str:
        """A fenced Python block from one of the code templates."""
        code = self.pick(CODE_TEMPLATES).substitute(
            name=self.pick(SLUG_WORDS), epochs=self.rng.randint(3, 30), lr=self.pick(["1e-3", "3e-4", "5e-5"]),
            wd=self.pick(["0.01", "0.05", "0.1"]), clip=self.pick(["0.5", "1.0", "5.0"]), k=self.rng.randint(2, 9),
            inf="float('inf')", steps=self.rng.choice([50, 100, 500]), tol=self.rng.randint(4, 9),
            seed=self.rng.randint(0, 999), a=self.rng.randint(-5, 9), b=self.rng.randint(-5, 9),
            c=self.rng.randint(-5, 9), target=self.rng.randint(1, 12),
        )
        return f"```python\n{code}\n```"

    # English ---------------------------------------------------------------------------------

    def en_paragraph(self) -> str:
        """An English paragraph, for translations."""
        return " ".join(self.pick(EN_SENTENCES).format(
            term=self.pick(EN_TERMS), term2=self.pick(EN_TERMS), obj=self.pick(EN_OBJECTS),
            obj2=self.pick(EN_OBJECTS), verb=self.pick(EN_VERBS), verb2=self.pick(EN_VERBS),
            effect=self.pick(EN_EFFECTS), pct=self.rng.randint(2, 30), cx=self.pick(INLINE_MATH[:2]),
            math=self.pick(INLINE_MATH),
        ) for _ in range(self.rng.randint(3, 5)))


def front_matter(title: str, date: dt.date, tags: Sequence[str], *, updated: dt.date | None = None,
                 leetcode: dict[str, Any] | None = None) -> str:
    """Front matter in the shape the portal's notes use."""
    lines = ["---", f"title: {yaml_scalar(title)}", f"date: {date.isoformat()}"]
    if updated:
        lines.append(f"updated: {updated.isoformat()}")
    lines.append(f"tags: {yaml_list(tags)}")
    if leetcode:
        lines += ["leetcode:", f"  id: {leetcode['id']}", f"  difficulty: {leetcode['difficulty']}",
                  f"  topics: {yaml_list(leetcode['topics'])}"]
    return "\n".join(lines + ["---", ""])


class PortalGenerator:
    """Lays out a synthetic portal of ``size`` notes over the configured categories."""

    def __init__(self, settings: SiteSettings, size: int, seed: int) -> None:
        self.settings = settings
        self.size = size
        self.rng = random.Random(seed * 100_003 + size)
        self.words = build_vocabulary(seed)
        self.text = TextMaker(self.rng, ZipfVocabulary(self.words, self.rng))
        everything_else = [self.words, list(CATEGORY_TERMS.values()), GENERAL_TERMS, OBJECTS, VERBS, EFFECTS,
                           CONDITIONS, RESULTS, METRICS, TITLE_SUFFIXES, ASPECTS, ZH_SENTENCES, RARE_SENTENCES,
                           [name for _, name in settings.categories], settings.topics,
                           [zh for zh, _ in LC_PREFIXES + LC_OBJECTS], [HOME_ZH]]
        self.rare = RareTerms(self.rng, chars_of(everything_else))
        #: (rare term, the note it was made for, every note that mentions it).
        self.rare_groups: list[tuple[str, GeneratedNote, list[GeneratedNote]]] = []
        self.generated: list[GeneratedNote] = []
        #: Notes are dated up to this day: fixed, so a seed gives the same portal on any day.
        self.today = min(LATEST_NOTE_DATE, dt.date.today() - dt.timedelta(days=1))

    def notes(self) -> list[GeneratedNote]:
        """Every note with its text; about 20% LeetCode notes, about 5% translated."""
        lc_count = round(self.size * LEETCODE_SHARE) if self._has_leetcode() else 0
        others = [slug for slug, _ in self.settings.categories if slug != self.settings.leetcode_category]
        problem_ids = self.rng.sample(range(1, max(3500, 2 * lc_count) + 1), lc_count)
        notes: list[GeneratedNote] = []
        lc_meta: dict[str, dict[str, Any]] = {}
        titles: dict[str, int] = {}
        for index in range(self.size):
            if index < lc_count:
                note, meta = self._leetcode_note(problem_ids[index])
                lc_meta[note.src_uri] = meta
            else:
                note = self._topic_note(others[index % len(others)], index)
            seen = titles.get(note.title, 0)
            titles[note.title] = seen + 1
            if seen:
                note.title = f"{note.title}（{seen + 1}）"
            notes.append(note)
        by_category: dict[str, list[GeneratedNote]] = {}
        for note in notes:
            by_category.setdefault(note.category, []).append(note)
        self._assign_rare_terms(notes, by_category)
        translated = set(self.rng.sample(range(self.size), max(1, round(self.size * TRANSLATION_SHARE))))
        for index, note in enumerate(notes):
            meta = lc_meta.get(note.src_uri)
            note.text = self._note_text(note, by_category[note.category], meta, problem_ids)
            if index in translated:
                note.translation = self._translation(note, meta)
        self.generated = notes
        return notes

    def _assign_rare_terms(self, notes: list[GeneratedNote], by_category: dict[str, list[GeneratedNote]]) -> None:
        """Give every note RARE_TERMS_PER_NOTE new rare terms, each also mentioned by up to
        RARE_SHARED_MAX other notes of the same category."""
        for note in notes:
            siblings = [n for n in by_category[note.category] if n is not note]
            for _ in range(RARE_TERMS_PER_NOTE):
                term = self.rare.new()
                members = [note] + self.rng.sample(siblings, min(len(siblings), self.rng.randint(0, RARE_SHARED_MAX)))
                for member in members:
                    member.rare_terms.append(term)
                self.rare_groups.append((term, note, members))

    def queries(self) -> dict[str, Any]:
        """What the search benchmark types: typical words, and (query, expected note) pairs:
        every rare term (expected: the note it was made for) and LeetCode numbers from 100 up."""
        if not self.generated:
            self.notes()
        typical = [w for w in self.words[2:60] if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", w)][:5]
        typical += [w for w in ("LoRA", "KV", "Transformer") if w in self.words]
        pairs = [{"query": term, "url": owner.url, "urls": [m.url for m in members], "kind": "rare-term"}
                 for term, owner, members in self.rare_groups]
        for note in self.generated:
            number = note.slug.split("-", 1)[0]
            if note.category == self.settings.leetcode_category and number.isdigit() and int(number) >= 100:
                pairs.append({"query": str(int(number)), "url": note.url, "urls": [note.url], "kind": "leetcode-id"})
        return {"size": self.size, "typical": typical, "pairs": pairs}

    def _has_leetcode(self) -> bool:
        return any(slug == self.settings.leetcode_category for slug, _ in self.settings.categories)

    def _date(self) -> dt.date:
        """A date in the three years up to ``self.today``."""
        return self.today - dt.timedelta(days=self.rng.randint(0, 3 * 365))

    def _topic_note(self, category: str, index: int) -> GeneratedNote:
        """A note of a non-LeetCode category (text comes later)."""
        terms = CATEGORY_TERMS.get(category, GENERAL_TERMS)
        title = f"{self.text.pick(terms)}{self.text.pick(TITLE_SUFFIXES)}"
        slug = f"{self.text.pick(SLUG_WORDS)}-{self.text.pick(SLUG_WORDS)}-{index:05d}"
        return GeneratedNote(category, slug, title, self._date())

    def _leetcode_note(self, problem_id: int) -> tuple[GeneratedNote, dict[str, Any]]:
        """A LeetCode note named NNNN-slug.md and its ``leetcode:`` front matter."""
        (zh_prefix, en_prefix), (zh_object, en_object) = (self.rng.choice(LC_PREFIXES),
                                                          self.rng.choice(LC_OBJECTS))
        meta = {
            "id": problem_id,
            "difficulty": self.rng.choices(["easy", "medium", "hard"], weights=[3, 5, 2])[0],
            "topics": self.rng.sample(self.settings.topics, self.rng.randint(1, 2)),
        }
        note = GeneratedNote(self.settings.leetcode_category, f"{problem_id:04d}-{en_prefix}-{en_object}",
                             f"{zh_prefix}{zh_object}", self._date())
        return note, meta

    def _note_text(self, note: GeneratedNote, neighbours: list[GeneratedNote],
                   leetcode: dict[str, Any] | None, problem_ids: list[int]) -> str:
        """Front matter, intro, ``<!-- more -->`` (70%), math, code, a table, sections up to ~8 KB."""
        rng, text = self.rng, self.text
        terms = CATEGORY_TERMS.get(note.category, GENERAL_TERMS)
        tags = rng.sample(terms, 3) if leetcode is None else list(leetcode["topics"]) + [rng.choice(terms)]
        note.tags = tags
        updated = note.date + dt.timedelta(days=rng.randint(1, 200)) if rng.random() < 0.2 else None
        if updated and updated > self.today:
            updated = None
        head = front_matter(note.title, note.date, tags, updated=updated, leetcode=leetcode)

        rare = [text.rare_sentence(term, terms) for term in note.rare_terms]
        rare += [text.rare_sentence(term, terms) for term in note.rare_terms[:RARE_TERMS_PER_NOTE]]  # its own, twice
        rng.shuffle(rare)

        def paragraph(extra: str = "") -> str:
            """A paragraph carrying ``extra`` and, while any are left, one rare-term sentence."""
            return text.zh_paragraph(terms, extra + (rare.pop() if rare else ""))

        intro = text.zh_paragraph(terms)
        if leetcode:
            intro = (f"LeetCode {leetcode['id']}「{note.title}」是一道{_difficulty_zh(leetcode['difficulty'])}题，"
                     f"考察{'、'.join(leetcode['topics'])}。") + intro
        blocks = [intro, paragraph()]
        if rng.random() < 0.7:
            blocks.insert(1, "<!-- more -->")
        blocks += [f"## {rng.choice(terms)}的{rng.choice(ASPECTS)}", paragraph(),
                   text.display_math(), paragraph(self._link(note, neighbours, problem_ids)),
                   "## 代码", paragraph(), text.code_block(),
                   "## 方法对比", text.zh_table(terms), paragraph()]
        closing = f"\n\n## 小结\n\n{text.zh_paragraph(terms, ''.join(rare))}\n"
        # Sections come whole, so stop short of the target: the notes average about NOTE_BYTES.
        target = NOTE_BYTES * rng.uniform(0.8, 1.0)
        body = "\n\n".join(blocks)
        while len(head.encode()) + len(body.encode()) + len(closing.encode()) < target:
            extra = [f"## {rng.choice(terms)}的{rng.choice(ASPECTS)}", text.zh_paragraph(terms)]
            if rng.random() < 0.4:
                extra.append(text.zh_list(terms))
            extra.append(text.zh_paragraph(terms))
            body += "\n\n" + "\n\n".join(extra)
        return f"{head}\n{body}{closing}"

    def _link(self, note: GeneratedNote, neighbours: list[GeneratedNote], problem_ids: list[int]) -> str:
        """Sometimes a sentence linking to a sibling note or to a LeetCode note by number."""
        roll = self.rng.random()
        if roll < 0.3 and len(neighbours) > 1:
            other = self.rng.choice([n for n in neighbours[:50] if n is not note] or neighbours)
            return f"相关内容可以参考[{other.title}]({other.slug}.md)。"
        if roll < 0.45 and problem_ids:
            problem = self.rng.choice(problem_ids)
            return f"同样的技巧也出现在[第 {problem} 题](lc:{problem})里。"
        return ""

    def _translation(self, note: GeneratedNote, leetcode: dict[str, Any] | None) -> str:
        """The ``.en.md`` translation of ``note``."""
        rng, text = self.rng, self.text
        title = (f"LeetCode {leetcode['id']}: {note.slug.split('-', 1)[1].replace('-', ' ')}" if leetcode
                 else f"Notes on {rng.choice(EN_TERMS)} ({note.slug.rsplit('-', 1)[-1]})")
        head = front_matter(title, note.date, note.tags, leetcode=leetcode)
        blocks = [text.en_paragraph(), "<!-- more -->", "## Idea", text.en_paragraph(), text.display_math(),
                  "## Code", text.en_paragraph(), text.code_block()]
        body = "\n\n".join(blocks)
        while len(body.encode()) < NOTE_BYTES * 0.8:
            body += f"\n\n## {rng.choice(EN_TERMS).capitalize()}\n\n{text.en_paragraph()}"
        return f"{head}\n{body}\n"


def _difficulty_zh(difficulty: str) -> str:
    return {"easy": "简单", "medium": "中等", "hard": "困难"}.get(difficulty, difficulty)

# -- portals on disk ------------------------------------------------------------------------------


@dataclass
class Portal:
    """A generated portal: both configurations, their docs folders and the notes in them."""

    size: int
    root: Path
    notes: list[GeneratedNote]
    ours_config: Path
    #: None when only our configuration was written (``write_portal(..., stock=False)``).
    stock_config: Path | None
    #: What ``PortalGenerator.queries`` returned, also written to ``queries.json`` in ``root``.
    queries: dict[str, Any] = field(default_factory=dict)

    @property
    def ours_docs(self) -> Path:
        return self.root / "docs-ours"

    def site_dir(self, variant: str) -> Path:
        """Where ``variant`` (ours or stock) is built."""
        return self.root / f"site-{variant}"

    def config(self, variant: str) -> Path:
        """The configuration file of ``variant``."""
        return self.ours_config if variant == "ours" else self.stock_config


def write_portal(root: Path, size: int, settings: SiteSettings, config_text: str, seed: int, *,
                 stock: bool = True) -> Portal:
    """Write the notes twice (``docs-ours``, ``docs-stock``; only the first when not ``stock``),
    a configuration for each, and ``queries.json`` (the search benchmark's queries)."""
    generator = PortalGenerator(settings, size, seed)
    notes = generator.notes()
    ours_docs, stock_docs = root / "docs-ours", root / "docs-stock"
    all_docs = (ours_docs, stock_docs) if stock else (ours_docs,)
    for docs in all_docs:
        for slug, _ in settings.categories:
            (docs / slug).mkdir(parents=True, exist_ok=True)
    for note in notes:
        for docs in all_docs:
            (docs / note.src_uri).write_text(note.text, encoding="utf-8")
        if note.translation:  # the stock site has no i18n plugin, hence no translations
            (ours_docs / note.category / f"{note.slug}.en.md").write_text(note.translation, encoding="utf-8")
    write_home(ours_docs)
    queries = generator.queries()
    (root / "queries.json").write_text(json.dumps(queries, ensure_ascii=False, indent=1), encoding="utf-8")

    ours_config = root / "mkdocs-ours.yml"
    ours_config.write_text(ours_config_text(config_text, ours_docs), encoding="utf-8")
    stock_config = None
    if stock:
        write_home(stock_docs, portal=False)
        stock_config = root / "mkdocs-stock.yml"
        stock_config.write_text(stock_config_text(config_text, stock_docs, stock_nav(notes, settings)),
                                encoding="utf-8")
    return Portal(size, root, notes, ours_config, stock_config, queries)


def generate_portal(root: Path, size: int, seed: int = DEFAULT_SEED, *, stock: bool = False) -> Portal:
    """Write a portal of ``size`` notes into ``root`` for the real ``mkdocs.yml``: the one call a
    test needs (build it with ``mkdocs build -f portal.ours_config``)."""
    config_text = REAL_CONFIG.read_text(encoding="utf-8")
    return write_portal(Path(root), size, read_site_settings(config_text), config_text, seed, stock=stock)
