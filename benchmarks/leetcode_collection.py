"""A generated collection of LeetCode notes in the shape of a public solutions repository
(issue 12): what an author who arrives with thousands of notes already written brings along.

Each problem is a Chinese note and its ``.en.md`` translation, as such repositories write them:

* front matter with a top-level ``difficulty:`` (Chinese or English names, in several spellings,
  a few notes with none) and ``tags:``, some of them configured topics, some plain tags; no title;
* a first heading that is a link, ``# [76. 最小覆盖子串](https://leetcode.cn/problems/…)``;
* a link-only paragraph to the other language, then ``## 题目描述`` with an HTML statement,
  an example and constraints, and ``## 解法`` with one to three approaches, each explained and
  solved in several languages (Python, Java, C++, Go, TypeScript, Rust, JavaScript, C#);
* files ``docs/leetcode/NNNN-slug.md``, and some as folders ``NNNN.Title Words/README.md``.

The language link is absolute (to the repository it came from), as a collection that builds
without warnings would have it: a relative ``README_EN.md`` names a file that isn't copied.
The words are ``leetcode_words``' and ``corpus_words``'; everything is deterministic by seed.
"""

from __future__ import annotations

import itertools
import random
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from benchmarks.common import REAL_CONFIG
from benchmarks.corpus_words import CATEGORY_TERMS, ZipfVocabulary, build_vocabulary
from benchmarks.leetcode_words import (
    ALGORITHMS,
    ARRAY_NAMES,
    CONSTRAINTS,
    EN_CONSTRAINTS,
    EN_DIFFICULTY,
    EN_STATEMENTS,
    LANGUAGES,
    METHODS,
    PLAIN_TAGS,
    STRING_NAMES,
    TITLE_ADJECTIVES,
    TITLE_OBJECTS,
    TITLE_VARIANTS,
    ZH_DIFFICULTIES,
    ZH_STATEMENTS,
)
from benchmarks.portal_config import (
    SiteSettings,
    ours_config_text,
    read_site_settings,
    write_home,
)
from benchmarks.portal_generator import DEFAULT_SEED, TextMaker

DEFAULT_COLLECTION_SIZE = 4000
#: Share of the problems written as a folder ``NNNN.Title Words/README.md``.
FOLDER_SHARE = 0.15
#: Problem numbers are drawn from 1 .. size * NUMBER_SPREAD, so the ranges have gaps as real ones do.
NUMBER_SPREAD = 1.08
#: Where the collection says it came from (the absolute language links point there).
ORIGIN = "https://github.com/example-org/leetcode-notes/blob/main/solution"
PARAMETER_NAMES = ["k", "target", "limit", "bound", "gap"]
MODULI = ["1000000007", "998244353"]


@dataclass
class Problem:
    """One problem of the collection: its number, titles, where its files go, its front matter."""

    id: int
    zh_title: str
    en_title: str
    #: Written as ``NNNN.Title Words/README.md`` rather than ``NNNN-slug.md``.
    folder: bool
    difficulty: str
    tags: list[str]

    @property
    def slug(self) -> str:
        """The title's LeetCode slug: ``minimum-window-substring``."""
        return re.sub(r"[^a-z0-9]+", "-", self.en_title.lower()).strip("-")

    @property
    def stem(self) -> str:
        """The file name or folder name without extension, relative to the category folder."""
        return f"{self.id:04d}.{self.en_title}/README" if self.folder else f"{self.id:04d}-{self.slug}"

    @property
    def page_dir(self) -> str:
        """The built page's folder relative to the category's (folder pages are their folder's index)."""
        return f"{self.id:04d}.{self.en_title}" if self.folder else f"{self.id:04d}-{self.slug}"

    def origin(self, readme: str) -> str:
        """The problem's ``README.md``/``README_EN.md`` in the repository the collection came from."""
        low = (self.id // 100) * 100
        return f"{ORIGIN}/{low:04d}-{low + 99:04d}/{quote(f'{self.id:04d}.{self.en_title}')}/{readme}"


@dataclass
class Collection:
    """A generated collection on disk: its docs folder, the configuration to build it, the problems."""

    size: int
    root: Path
    docs: Path
    config: Path
    category: str
    problems: list[Problem]

    def site_dir(self) -> Path:
        """Where the collection is built."""
        return self.root / "site"


class CollectionGenerator:
    """Problems and their notes, for the configured LeetCode category and topics."""

    def __init__(self, settings: SiteSettings, size: int, seed: int) -> None:
        self.settings = settings
        self.size = size
        self.rng = random.Random(seed * 7_919 + size)
        self.text = TextMaker(self.rng, ZipfVocabulary(build_vocabulary(seed), self.rng))
        self.terms = CATEGORY_TERMS["leetcode"]

    def problems(self) -> list[Problem]:
        """``size`` problems with distinct numbers and titles, in number order."""
        rng = self.rng
        ids = sorted(rng.sample(range(1, round(self.size * NUMBER_SPREAD) + 1), self.size))
        titles = list(itertools.product(TITLE_ADJECTIVES, TITLE_OBJECTS, TITLE_VARIANTS))
        rng.shuffle(titles)
        difficulties, weights = zip(*ZH_DIFFICULTIES)
        problems = []
        for index, problem_id in enumerate(ids):
            (zh_adj, en_adj), (zh_obj, en_obj), variant = titles[index % len(titles)]
            if index >= len(titles):  # more problems than titles: number the repeats
                variant += f" {index // len(titles) + 1}"
            tags = rng.sample(self.settings.topics, rng.randint(0, 2)) + rng.sample(PLAIN_TAGS, rng.randint(1, 2))
            rng.shuffle(tags)
            problems.append(Problem(problem_id, f"{zh_adj}{zh_obj}{variant}", f"{en_adj} {en_obj}{variant}",
                                    rng.random() < FOLDER_SHARE, rng.choices(difficulties, weights)[0], tags))
        return problems

    def notes(self, problem: Problem) -> tuple[str, str]:
        """The Chinese note and its English translation, sharing the example and the code."""
        rng = self.rng
        (zh_adj, en_adj), (zh_obj, en_obj) = rng.choice(TITLE_ADJECTIVES), rng.choice(TITLE_OBJECTS)
        a, k = rng.choice(ARRAY_NAMES), rng.choice(PARAMETER_NAMES)
        example = [rng.randint(-9, 20) for _ in range(rng.randint(4, 9))]
        methods = rng.sample(METHODS, rng.randint(1, 3))
        shared = _Shared(
            fields={"a": a, "s": rng.choice(STRING_NAMES), "k": k, "e": rng.randint(3, 5)},
            words={"zh": (zh_adj, zh_obj), "en": (en_adj.lower(), en_obj.lower())},
            example=f"{a} = [{','.join(map(str, example))}], {k} = {example[0] % 5}",
            output=rng.randint(0, len(example)),
            statements=rng.sample(range(len(ZH_STATEMENTS)), rng.randint(2, 4)),
            constraints=rng.sample(range(len(CONSTRAINTS)), 3),
            methods=methods,
            solutions=[self._code(problem, a, k) for _ in methods],
            complexity=[rng.choice(["O(n)", r"O(n \log n)", "O(n^2)"]) for _ in methods])
        return self._note(problem, "zh", shared), self._note(problem, "en", shared)

    def _code(self, problem: Problem, a: str, k: str) -> list[tuple[str, str, str]]:
        """(heading, fence language, code) for each language one approach is solved in: the first
        three always, then a few of the others, in the usual order."""
        words = re.findall(r"[A-Za-z0-9]+", problem.en_title)
        camel = words[0].lower() + "".join(w[:1].upper() + w[1:] for w in words[1:])
        names = {"fn": camel, "Fn": camel[:1].upper() + camel[1:], "snake": "_".join(w.lower() for w in words),
                 "a": a, "k": k, "limit": self.rng.choice(MODULI)}
        algorithm = self.rng.choice(ALGORITHMS)
        chosen = LANGUAGES[:3] + sorted(self.rng.sample(LANGUAGES[3:], self.rng.randint(1, len(LANGUAGES) - 3)),
                                        key=LANGUAGES.index)
        return [(heading, fence, algorithm[fence].substitute(names)) for heading, fence in chosen]

    def _note(self, problem: Problem, language: str, shared: _Shared) -> str:
        """One language's note: front matter, then, between ``<!-- problem:start -->`` and
        ``<!-- problem:end -->`` as the real collection writes them, its linked heading, language
        link, statement and solutions."""
        zh = language == "zh"
        labels = ZH_LABELS if zh else EN_LABELS
        difficulty = problem.difficulty if zh else EN_DIFFICULTY.get(problem.difficulty, problem.difficulty)
        front = ["---"] + ([f"difficulty: {difficulty}"] if difficulty else [])
        front += [f"tags: [{', '.join(problem.tags)}]", "---", "", ""]
        site, title = ("https://leetcode.cn", problem.zh_title) if zh else ("https://leetcode.com", problem.en_title)
        other = (f"[English Version]({problem.origin('README_EN.md')})" if zh
                 else f"[中文文档]({problem.origin('README.md')})")
        texts, limits = (ZH_STATEMENTS, CONSTRAINTS) if zh else (EN_STATEMENTS, EN_CONSTRAINTS)
        adj, obj = shared.words[language]
        blocks = ["<!-- problem:start -->", f"# [{problem.id}. {title}]({site}/problems/{problem.slug})", other,
                  f"## {labels['description']}", "<!-- description:start -->"]
        blocks += [f"<p>{texts[i].format(adj=adj, obj=obj, **shared.fields)}</p>" for i in shared.statements]
        blocks += [f'<p><strong class="example">{labels["example"]}</strong></p>',
                   (f"<pre>\n<strong>{labels['input']}</strong>{shared.example}\n"
                    f"<strong>{labels['output']}</strong>{shared.output}\n</pre>"),
                   f"<p><strong>{labels['constraints']}</strong></p>",
                   "<ul>\n" + "\n".join(f"\t<li>{limits[i].format(**shared.fields)}</li>"
                                          for i in shared.constraints) + "\n</ul>",
                   "<!-- description:end -->", f"## {labels['solutions']}"]
        for number, ((zh_method, en_method), code, cost) in enumerate(
                zip(shared.methods, shared.solutions, shared.complexity), 1):
            heading = (f"### 方法{'一二三'[number - 1]}：{zh_method}" if zh
                       else f"### Solution {number}: {en_method}")
            explanation = self.text.zh_paragraph(self.terms) if zh else self.text.en_paragraph()
            blocks += ["<!-- solution:start -->", heading, explanation, labels["complexity"].format(cost),
                       "<!-- tabs:start -->"]
            for name, fence, source in code:
                blocks += [f"#### {name}", f"```{fence}\n{source}\n```"]
            blocks += ["<!-- tabs:end -->", "<!-- solution:end -->"]
        blocks.append("<!-- problem:end -->")
        return "\n".join(front) + "\n\n".join(blocks) + "\n"


ZH_LABELS = {"description": "题目描述", "example": "示例 1：", "input": "输入：", "output": "输出：",
             "constraints": "提示：", "solutions": "解法", "complexity": "时间复杂度 ${}$，空间复杂度 $O(n)$。"}
EN_LABELS = {"description": "Description", "example": "Example 1:", "input": "Input: ", "output": "Output: ",
             "constraints": "Constraints:", "solutions": "Solutions",
             "complexity": "The time complexity is ${}$, and the space complexity is $O(n)$."}


@dataclass
class _Shared:
    """What a note and its translation have in common: one statement, one example, the same code."""

    fields: dict[str, object]
    #: Per language, the (adjective, object) the statement talks about.
    words: dict[str, tuple[str, str]]
    example: str
    output: int
    statements: list[int]
    constraints: list[int]
    methods: list[tuple[str, str]]
    solutions: list[list[tuple[str, str, str]]]
    complexity: list[str]


def write_collection(root: Path, size: int, settings: SiteSettings, config_text: str, seed: int) -> Collection:
    """Write ``size`` problems (each ``.md`` and ``.en.md``) into ``root/docs/<leetcode category>/``,
    the home pages, and the real configuration pointed at ``root/docs`` as ``root/mkdocs.yml``."""
    generator = CollectionGenerator(settings, size, seed)
    docs = root / "docs"
    category = docs / settings.leetcode_category
    problems = generator.problems()
    for problem in problems:
        zh, en = generator.notes(problem)
        (category / problem.stem).parent.mkdir(parents=True, exist_ok=True)
        (category / f"{problem.stem}.md").write_text(zh, encoding="utf-8")
        (category / f"{problem.stem}.en.md").write_text(en, encoding="utf-8")
    write_home(docs)
    config = root / "mkdocs.yml"
    config.write_text(ours_config_text(config_text, docs), encoding="utf-8")
    return Collection(size, root, docs, config, settings.leetcode_category, problems)


def generate_collection(root: Path, size: int = DEFAULT_COLLECTION_SIZE, seed: int = DEFAULT_SEED) -> Collection:
    """Write a collection of ``size`` problems into ``root`` for the real ``mkdocs.yml``: the one call
    a test needs (build it with ``mkdocs build -f collection.config``)."""
    config_text = REAL_CONFIG.read_text(encoding="utf-8")
    return write_collection(Path(root), size, read_site_settings(config_text), config_text, seed)
