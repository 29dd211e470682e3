#!/usr/bin/env python3
"""Build-time benchmark of the study-notes portal on synthetic collections of notes.

For every size N it generates a portal of N Chinese notes (about 8 KB each, with
front matter, math, code, tables; a fifth of them LeetCode notes; a few English
translations) and builds it twice, each time in a fresh Python process:

* **ours**: the real ``mkdocs.yml`` (``notes-portal`` and ``i18n`` plugins,
  ``overrides/`` templates), pointed at the generated notes;
* **stock**: the same notes under plain Material, without ``notes-portal`` and
  ``i18n``, with an explicit ``nav`` that lists every note, grouped by category
  (the baseline the portal replaces).

It reports wall time, time per note, peak memory, note-page HTML size, search
index size and the plugin's own step times; optionally the edit-to-preview
latency of ``mkdocs serve --dirty``; and the targets as PASS/FAIL lines.

Usage (from the repository root)::

    .venv/bin/python benchmarks/build.py                      # sizes 300 1000 3000
    .venv/bin/python benchmarks/build.py --sizes 100 200      # quick run
    .venv/bin/python benchmarks/build.py --skip-stock --json  # our build only, as JSON
    .venv/bin/python benchmarks/build.py --sizes 200 --serve-edit   # serve-edit on a small portal
    .venv/bin/python benchmarks/build.py --repeat 3 --no-serve-edit # fastest of 3 builds per portal

Progress goes to stderr; the report (table or ``--json``) to stdout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import logging
import os
import random
import re
import resource
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from string import Template
from typing import Any

REPO = Path(__file__).resolve().parents[1]
REAL_CONFIG = REPO / "mkdocs.yml"
OVERRIDES = REPO / "overrides"
PLUGIN_NAME = "notes-portal"
#: Prefixes the one line of JSON a ``--child`` build prints for the parent.
RESULT_PREFIX = "@@notes-portal-benchmark@@ "

DEFAULT_SIZES = (300, 1000, 3000)
SERVE_EDIT_SIZE = 1000
DEFAULT_SEED = 20231109
NOTE_BYTES = 8 * 1024
LEETCODE_SHARE = 0.20
TRANSLATION_SHARE = 0.05
#: How long one edit may take to show up in the served page.
EDIT_TIMEOUT_S = 120.0
EDITS = 3
LATEST_NOTE_DATE = dt.date(2025, 12, 31)
WARM_UP_SIZE = 40

# Targets from the issue.
TARGET_SCALING = 1.3
TARGET_SPEEDUP = 3.0
TARGET_MEDIAN_PAGE_KB = 80.0
TARGET_PLUGIN_SHARE = 0.05
TARGET_INDEX_REDUCTION = 0.40
TARGET_PREVIEW_S = 2.0


# -- vocabulary -----------------------------------------------------------------------------------

#: Topic words per category; categories not listed here use ``GENERAL_TERMS``.
CATEGORY_TERMS: dict[str, list[str]] = {
    "deep-learning": ["反向传播", "批归一化", "层归一化", "残差连接", "权重衰减", "学习率预热", "Dropout",
                      "梯度裁剪", "激活函数", "参数初始化", "随机梯度下降", "Adam 优化器", "标签平滑", "早停"],
    "computer-vision": ["卷积核", "感受野", "特征金字塔", "锚框", "非极大值抑制", "语义分割", "实例分割",
                        "数据增强", "视觉 Transformer", "池化层", "目标检测", "空洞卷积", "图像金字塔"],
    "large-model": ["缩放定律", "指令微调", "LoRA", "KV 缓存", "权重量化", "推理加速", "人类反馈强化学习",
                    "上下文窗口", "混合专家", "投机解码", "预训练语料", "偏好对齐", "张量并行"],
    "nlp": ["词向量", "子词分词", "自注意力", "位置编码", "掩码语言模型", "序列到序列", "束搜索", "困惑度",
            "命名实体识别", "预训练模型", "交叉注意力", "词表构建", "文本分类"],
    "generative-model": ["变分自编码器", "生成对抗网络", "扩散模型", "流模型", "证据下界", "重参数化技巧",
                         "噪声调度", "分数匹配", "无分类器引导", "潜空间", "判别器", "去噪网络"],
    "math": ["特征分解", "奇异值分解", "凸优化", "拉格朗日乘子", "条件概率", "贝叶斯公式", "最大似然估计",
             "矩阵求导", "泰勒展开", "大数定律", "协方差矩阵", "矩阵范数", "KL 散度"],
    "algorithm": ["动态规划", "分治法", "贪心算法", "并查集", "最短路径", "拓扑排序", "二分查找", "主定理",
                  "背包问题", "线段树", "快速排序", "哈希函数", "最小生成树"],
    "leetcode": ["双指针", "滑动窗口", "前缀和", "单调栈", "单调队列", "哈希表", "二叉树遍历", "广度优先搜索",
                 "深度优先搜索", "小根堆", "回溯", "位运算", "差分数组"],
}
GENERAL_TERMS = ["梯度下降", "注意力机制", "正则化", "损失函数", "概率模型", "搜索算法", "矩阵运算", "采样方法"]

OBJECTS = ["梯度的方差", "训练的稳定性", "模型的泛化能力", "显存占用", "计算图", "数据分布", "损失曲面",
           "边界条件", "时间复杂度", "输入序列", "中间结果", "状态转移方程", "样本数量", "参数规模",
           "推理延迟", "特征图", "隐藏状态", "注意力权重", "候选集合", "窗口内的元素", "每一层的输出",
           "目标函数", "后验分布", "数值误差"]
VERBS = ["降低", "控制", "估计", "缓存", "归一化", "分解", "近似", "约束", "平滑", "压缩", "维护", "枚举",
         "合并", "复用", "拆分", "更新", "限制", "重排"]
EFFECTS = ["训练过程更加稳定", "收敛速度明显加快", "整个过程可以在线性时间内完成", "避免了大量重复计算",
           "显存占用大幅下降", "结果对超参数不再那么敏感", "模型更容易泛化到新数据", "每一步的误差都有界",
           "实现上只需要几行代码", "推理时几乎没有额外开销"]
CONDITIONS = ["数据量不足", "学习率过大", "序列长度翻倍", "输入分布发生偏移", "批大小很小", "状态空间过大",
              "数组已经有序", "图中存在负权边", "特征维度很高", "标签含有噪声"]
RESULTS = ["迅速发散", "陷入较差的局部最优", "退化成平方复杂度", "出现数值溢出", "过拟合训练集",
           "输出变得单调重复", "需要更多的迭代步数"]
METRICS = ["验证集准确率", "困惑度", "吞吐量", "召回率", "mAP", "FID 分数", "BLEU 分数", "运行时间"]
TITLE_SUFFIXES = ["原理与推导", "详解", "的直觉理解", "实践笔记", "入门", "常见误区", "复杂度分析", "从零实现",
                  "的几种写法", "读书笔记", "要点整理", "面试总结"]
ASPECTS = ["直觉", "推导", "实现细节", "常见误区", "复杂度分析", "一个例子", "变体", "工程实践", "理论保证"]

INLINE_MATH = [r"O(n \log n)", r"O(n^2)", r"\mathbf{x} \in \mathbb{R}^d", r"\eta_t", r"\sigma(z)",
               r"p_\theta(x)", r"\lVert W \rVert_F", r"\mathbb{E}[X]", r"k \ll n", r"\beta_1 = 0.9",
               r"\lambda > 0", r"h_t = f(h_{t-1}, x_t)", r"\nabla_\theta \mathcal{L}", r"d_k",
               r"\mathcal{O}(1)", r"\epsilon = 10^{-8}", r"A = U \Sigma V^\top", r"x_{i+1} - x_i"]
DISPLAY_MATH = [
    r"\mathcal{L}(\theta) = -\frac{1}{n}\sum_{i=1}^{n} \log p_\theta(y_i \mid x_i) + \lambda \lVert \theta \rVert_2^2",
    r"\operatorname{Attention}(Q, K, V) = \operatorname{softmax}\!\left(\frac{QK^\top}{\sqrt{d_k}}\right) V",
    r"D_{\mathrm{KL}}(q \,\|\, p) = \int q(z) \log \frac{q(z)}{p(z)} \, \mathrm{d}z \ge 0",
    r"m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t, \qquad v_t = \beta_2 v_{t-1} + (1 - \beta_2) g_t^2",
    r"T(n) = a\,T\!\left(\frac{n}{b}\right) + f(n), \qquad f(n) = \Theta\!\left(n^{\log_b a} \log^k n\right)",
    r"\log p(x) \ge \mathbb{E}_{q(z \mid x)}\big[\log p(x \mid z)\big] - D_{\mathrm{KL}}\big(q(z \mid x) \,\|\, p(z)\big)",
    r"\hat{x} = \frac{x - \mu_B}{\sqrt{\sigma_B^2 + \epsilon}}, \qquad y = \gamma \hat{x} + \beta",
    r"x_t = \sqrt{\bar{\alpha}_t}\, x_0 + \sqrt{1 - \bar{\alpha}_t}\, \epsilon, \qquad \epsilon \sim \mathcal{N}(0, I)",
    r"\mathrm{dp}[i][j] = \max\big(\mathrm{dp}[i-1][j],\ \mathrm{dp}[i-1][j - w_i] + v_i\big)",
    r"A = \sum_{i=1}^{r} \sigma_i u_i v_i^\top, \qquad \sigma_1 \ge \sigma_2 \ge \dots \ge \sigma_r > 0",
]

ZH_SENTENCES = [
    "{term}的核心思想是{verb}{obj}，这样{effect}。",
    "在实践中，我们通常先{verb}{obj}，再借助{term2}来{verb2}{obj2}。",
    "如果{cond}，{term}往往会{result}，因此需要额外{verb}{obj}。",
    "从复杂度上看，{term}的时间开销是 ${cx}$，空间开销则取决于{obj}。",
    "设 ${math}$，那么{term}可以看成是对{obj}的一种{verb2}。",
    "值得注意的是，{term}与{term2}并不矛盾：前者{verb}{obj}，后者{verb2}{obj2}。",
    "很多教材把{term}描述为{obj}的一种推广，但这种说法忽略了{obj2}的作用。",
    "实验表明，{verb}{obj}之后，{metric}通常能提升 {pct}% 左右。",
    "直观地说，{term}做的事情就是不断{verb}{obj}，直到{effect}。",
    "当 ${math}$ 时，{obj}会明显变化，这也是{term}需要仔细调参的原因。",
    "换一个角度看，{term2}其实是{term}在{cond}时的特例。",
    "第一次读到{term}时我并没有理解为什么要{verb}{obj}，后来推导一遍才发现{effect}。",
]
EN_TERMS = ["backpropagation", "layer normalization", "residual connections", "self-attention", "beam search",
            "the KV cache", "low-rank adaptation", "the diffusion process", "the evidence lower bound",
            "singular value decomposition", "dynamic programming", "union-find", "binary search",
            "the sliding window", "a monotonic stack", "the prefix sum", "gradient clipping", "weight decay"]
EN_OBJECTS = ["the gradient variance", "training stability", "memory usage", "the data distribution",
              "the loss surface", "the time complexity", "the hidden state", "the attention weights",
              "the state transition", "the candidate set", "the numerical error", "the model size"]
EN_VERBS = ["reduce", "control", "estimate", "cache", "normalize", "decompose", "approximate", "bound",
            "smooth", "compress", "maintain", "merge", "reuse", "update"]
EN_EFFECTS = ["training becomes more stable", "convergence is noticeably faster", "the whole pass is linear",
              "no work is repeated", "memory drops sharply", "the result is less sensitive to hyperparameters"]
EN_SENTENCES = [
    "The key idea of {term} is to {verb} {obj}, so that {effect}.",
    "In practice we first {verb} {obj} and then rely on {term2} to {verb2} {obj2}.",
    "Its time cost is ${cx}$, while the memory it needs depends on {obj}.",
    "Let ${math}$; then {term} can be read as a way to {verb2} {obj}.",
    "Note that {term} and {term2} do not conflict: one tends to {verb} {obj}, the other to {verb2} {obj2}.",
    "Experiments show that once we {verb} {obj}, the metric usually improves by about {pct}%.",
    "Intuitively, {term} keeps trying to {verb} {obj} until {effect}.",
]

#: (Chinese title part, slug part) pairs for LeetCode problem titles.
LC_PREFIXES = [("最长", "longest"), ("最短", "shortest"), ("最小", "minimum"), ("最大", "maximum"),
               ("合并", "merge"), ("反转", "reverse"), ("旋转", "rotate"), ("删除重复的", "remove-duplicate"),
               ("有效的", "valid"), ("第 K 小的", "kth-smallest"), ("统计", "count"), ("查找", "find")]
LC_OBJECTS = [("子数组", "subarray"), ("子串", "substring"), ("链表", "linked-list"), ("二叉树路径", "tree-path"),
              ("区间", "intervals"), ("岛屿", "islands"), ("括号序列", "parentheses"), ("矩阵", "matrix"),
              ("回文串", "palindrome"), ("路径和", "path-sum"), ("窗口最大值", "window-maximum"),
              ("字母异位词", "anagrams"), ("递增序列", "increasing-sequence"), ("课程表", "course-schedule")]
SLUG_WORDS = ["attention", "gradient", "norm", "kernel", "window", "cache", "sampler", "encoder", "decoder",
              "matrix", "graph", "heap", "prefix", "flow", "diffusion", "token", "loss", "optimizer"]

CODE_TEMPLATES = [
    Template('''def train_$name(model, loader, epochs=$epochs, lr=$lr):
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=$wd)
    for epoch in range(epochs):
        total = 0.0
        for x, y in loader:
            loss = F.cross_entropy(model(x), y)
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), $clip)
            optimizer.step()
            total += loss.item()
        print(f"epoch {epoch}: loss={total / len(loader):.4f}")
    return model'''),
    Template('''def ${name}_window(nums: list[int], k: int) -> list[int]:
    from collections import deque
    window, answer = deque(), []
    for right, value in enumerate(nums):
        while window and nums[window[-1]] <= value:
            window.pop()
        window.append(right)
        if window[0] <= right - k:
            window.popleft()
        if right >= k - 1:
            answer.append(nums[window[0]])
    return answer  # O(n) time, O(k) space, k = $k'''),
    Template('''def ${name}_distances(graph: dict[int, list[tuple[int, int]]], source: int) -> dict[int, int]:
    import heapq
    dist = {source: 0}
    heap = [(0, source)]
    while heap:
        d, node = heapq.heappop(heap)
        if d > dist.get(node, $inf):
            continue
        for neighbor, weight in graph.get(node, []):
            candidate = d + weight
            if candidate < dist.get(neighbor, $inf):
                dist[neighbor] = candidate
                heapq.heappush(heap, (candidate, neighbor))
    return dist'''),
    Template('''def ${name}_power_iteration(a: np.ndarray, steps: int = $steps, tol: float = 1e-$tol) -> float:
    x = np.random.default_rng($seed).normal(size=a.shape[1])
    value = 0.0
    for _ in range(steps):
        y = a @ x
        x = y / np.linalg.norm(y)
        new_value = float(x @ a @ x)
        if abs(new_value - value) < tol:
            break
        value = new_value
    return value'''),
    Template('''class Solution:
    def $name(self, nums: list[int], target: int) -> int:
        seen: dict[int, int] = {0: 1}
        prefix = count = 0
        for value in nums:
            prefix += value
            count += seen.get(prefix - target, 0)
            seen[prefix] = seen.get(prefix, 0) + 1
        return count  # e.g. nums=[$a, $b, $c], target=$target'''),
]


# -- reading the real configuration ---------------------------------------------------------------


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

    @property
    def src_uri(self) -> str:
        return f"{self.category}/{self.slug}.md"

    @property
    def page_path(self) -> str:
        """The built page, relative to the site directory (Chinese site, directory URLs)."""
        return f"{self.category}/{self.slug}/index.html"


class TextMaker:
    """Deterministic, realistic-looking Chinese (and some English) note text."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def pick(self, items: Sequence[str]) -> str:
        """One item of ``items``."""
        return items[self.rng.randrange(len(items))]

    # Chinese ---------------------------------------------------------------------------------

    def zh_sentence(self, terms: Sequence[str]) -> str:
        """One Chinese sentence about ``terms``, sometimes with inline math."""
        return self.pick(ZH_SENTENCES).format(
            term=self.pick(terms), term2=self.pick(terms), obj=self.pick(OBJECTS), obj2=self.pick(OBJECTS),
            verb=self.pick(VERBS), verb2=self.pick(VERBS), effect=self.pick(EFFECTS),
            cond=self.pick(CONDITIONS), result=self.pick(RESULTS), metric=self.pick(METRICS),
            pct=self.rng.randint(2, 30), cx=self.pick(INLINE_MATH[:2] + [r"O(n)", r"O(nk)", r"O(n d^2)"]),
            math=self.pick(INLINE_MATH),
        )

    def zh_paragraph(self, terms: Sequence[str], extra: str = "") -> str:
        """Three to six sentences; ``extra`` (a link sentence) goes somewhere among them."""
        sentences = [self.zh_sentence(terms) for _ in range(self.rng.randint(3, 6))]
        if extra:
            sentences.insert(self.rng.randint(0, len(sentences)), extra)
        return "".join(sentences)

    def zh_table(self, terms: Sequence[str]) -> str:
        """A Markdown table comparing methods."""
        rows = ["| 方法 | 时间复杂度 | 适用场景 | 备注 |", "|---|---|---|---|"]
        for _ in range(self.rng.randint(3, 5)):
            rows.append(f"| {self.pick(terms)} | `{self.pick(['O(n)', 'O(n log n)', 'O(n^2)', 'O(1)', 'O(nk)'])}` "
                        f"| {self.pick(CONDITIONS)} | {self.pick(EFFECTS)} |")
        return "\n".join(rows)

    def zh_list(self, terms: Sequence[str]) -> str:
        """A bullet list of short points."""
        return "\n".join(f"- **{self.pick(terms)}**：{self.zh_sentence(terms)}"
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


def _yaml_scalar(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _yaml_list(values: Iterable[str]) -> str:
    return "[" + ", ".join(_yaml_scalar(v) for v in values) + "]"


def front_matter(title: str, date: dt.date, tags: Sequence[str], *, updated: dt.date | None = None,
                 leetcode: dict[str, Any] | None = None) -> str:
    """Front matter in the shape the portal's notes use."""
    lines = ["---", f"title: {_yaml_scalar(title)}", f"date: {date.isoformat()}"]
    if updated:
        lines.append(f"updated: {updated.isoformat()}")
    lines.append(f"tags: {_yaml_list(tags)}")
    if leetcode:
        lines += ["leetcode:", f"  id: {leetcode['id']}", f"  difficulty: {leetcode['difficulty']}",
                  f"  topics: {_yaml_list(leetcode['topics'])}"]
    return "\n".join(lines + ["---", ""])


class PortalGenerator:
    """Lays out a synthetic portal of ``size`` notes over the configured categories."""

    def __init__(self, settings: SiteSettings, size: int, seed: int) -> None:
        self.settings = settings
        self.size = size
        self.rng = random.Random(seed * 100_003 + size)
        self.text = TextMaker(self.rng)
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
        translated = set(self.rng.sample(range(self.size), max(1, round(self.size * TRANSLATION_SHARE))))
        for index, note in enumerate(notes):
            meta = lc_meta.get(note.src_uri)
            note.text = self._note_text(note, by_category[note.category], meta, problem_ids)
            if index in translated:
                note.translation = self._translation(note, meta)
        return notes

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
        updated = note.date + dt.timedelta(days=rng.randint(1, 200)) if rng.random() < 0.2 else None
        if updated and updated > self.today:
            updated = None
        head = front_matter(note.title, note.date, tags, updated=updated, leetcode=leetcode)

        intro = text.zh_paragraph(terms)
        if leetcode:
            intro = (f"LeetCode {leetcode['id']}「{note.title}」是一道{_difficulty_zh(leetcode['difficulty'])}题，"
                     f"考察{'、'.join(leetcode['topics'])}。") + intro
        blocks = [intro, text.zh_paragraph(terms)]
        if rng.random() < 0.7:
            blocks.insert(1, "<!-- more -->")
        blocks += [f"## {rng.choice(terms)}的{rng.choice(ASPECTS)}", text.zh_paragraph(terms),
                   text.display_math(), text.zh_paragraph(terms, self._link(note, neighbours, problem_ids)),
                   "## 代码", text.zh_paragraph(terms), text.code_block(),
                   "## 方法对比", text.zh_table(terms), text.zh_paragraph(terms)]
        closing = f"\n\n## 小结\n\n{text.zh_paragraph(terms)}\n"
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
        head = front_matter(title, note.date, rng.sample(EN_TERMS, 2), leetcode=leetcode)
        blocks = [text.en_paragraph(), "<!-- more -->", "## Idea", text.en_paragraph(), text.display_math(),
                  "## Code", text.en_paragraph(), text.code_block()]
        body = "\n\n".join(blocks)
        while len(body.encode()) < NOTE_BYTES * 0.8:
            body += f"\n\n## {rng.choice(EN_TERMS).capitalize()}\n\n{text.en_paragraph()}"
        return f"{head}\n{body}\n"


def _difficulty_zh(difficulty: str) -> str:
    return {"easy": "简单", "medium": "中等", "hard": "困难"}.get(difficulty, difficulty)


# -- portals on disk ------------------------------------------------------------------------------

HOME_ZH = "这里是用来测量构建性能的合成学习笔记：从反向传播到扩散模型，从特征分解到最短路径，再到 LeetCode 题解。"
HOME_EN = "Synthetic study notes used to measure build performance."


@dataclass
class Portal:
    """A generated portal: both configurations, their docs folders and the notes in them."""

    size: int
    root: Path
    notes: list[GeneratedNote]
    ours_config: Path
    stock_config: Path

    def site_dir(self, variant: str) -> Path:
        """Where ``variant`` (ours or stock) is built."""
        return self.root / f"site-{variant}"

    def config(self, variant: str) -> Path:
        """The configuration file of ``variant``."""
        return self.ours_config if variant == "ours" else self.stock_config


def write_portal(root: Path, size: int, settings: SiteSettings, config_text: str, seed: int) -> Portal:
    """Write the notes twice (``docs-ours``, ``docs-stock``) and a configuration for each."""
    notes = PortalGenerator(settings, size, seed).notes()
    ours_docs, stock_docs = root / "docs-ours", root / "docs-stock"
    for docs in (ours_docs, stock_docs):
        for slug, _ in settings.categories:
            (docs / slug).mkdir(parents=True, exist_ok=True)
    for note in notes:
        for docs in (ours_docs, stock_docs):
            (docs / note.src_uri).write_text(note.text, encoding="utf-8")
        if note.translation:  # the stock site has no i18n plugin, hence no translations
            (ours_docs / note.category / f"{note.slug}.en.md").write_text(note.translation, encoding="utf-8")
    home = "---\ntitle: {title}\n{template}hide:\n  - navigation\n  - toc\n---\n\n{text}\n"
    (ours_docs / "index.md").write_text(
        home.format(title="首页", template="template: np-home.html\n", text=HOME_ZH), encoding="utf-8")
    (ours_docs / "index.en.md").write_text(
        home.format(title="Home", template="template: np-home.html\n", text=HOME_EN), encoding="utf-8")
    (stock_docs / "index.md").write_text(home.format(title="首页", template="", text=HOME_ZH), encoding="utf-8")

    ours_config = root / "mkdocs-ours.yml"
    ours_config.write_text(ours_config_text(config_text, ours_docs), encoding="utf-8")
    stock_config = root / "mkdocs-stock.yml"
    stock_config.write_text(stock_config_text(config_text, stock_docs, stock_nav(notes, settings)),
                            encoding="utf-8")
    return Portal(size, root, notes, ours_config, stock_config)


def _with_docs_dir(text: str, docs_dir: Path) -> str:
    """``text`` with its top-level ``docs_dir`` set (added when missing)."""
    line = f"docs_dir: {_yaml_scalar(str(docs_dir))}"
    if re.search(r"^docs_dir:", text, re.M):
        return re.sub(r"^docs_dir:.*$", lambda _: line, text, count=1, flags=re.M)
    return f"{line}\n{text}"


def ours_config_text(text: str, docs_dir: Path) -> str:
    """The real configuration, reading ``docs_dir`` and using the repository's ``overrides/``."""
    pattern = re.compile(r"^(?P<indent>[ \t]+)custom_dir:.*$", re.M)
    if not pattern.search(text):
        raise SystemExit(f"{REAL_CONFIG}: expected theme.custom_dir")
    text = pattern.sub(lambda m: f"{m['indent']}custom_dir: {_yaml_scalar(str(OVERRIDES))}", text, count=1)
    return _with_docs_dir(text, docs_dir)


def stock_config_text(text: str, docs_dir: Path, nav: list[dict[str, Any]]) -> str:
    """The real configuration as plain Material: no ``custom_dir``, only the ``search`` plugin
    (same options, so the same separator), and ``nav`` listing every note."""
    import yaml

    text = re.sub(r"^[ \t]+custom_dir:.*\n", "", text, flags=re.M)
    text = _with_docs_dir(text, docs_dir)
    section = re.search(r"^plugins:[ \t]*\n(?P<body>(?:(?:[ \t#].*)?\n)*)", text, re.M)
    if section is None:
        plugins = "plugins:\n  - search\n"
    else:
        first = re.search(r"^(?P<indent>[ \t]*)- ", section["body"], re.M)
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


# -- one build in a fresh process -----------------------------------------------------------------


def run_child(spec: dict[str, Any]) -> None:
    """``--child`` mode: build one site in this process and print the figures as one JSON line."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    warnings: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            warnings.append(f"{record.levelname}: {record.getMessage()}")

    logging.getLogger().addHandler(Collect(level=logging.WARNING))
    try:
        import jieba

        jieba.setLogLevel(logging.WARNING)
    except ImportError:
        pass
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    start = time.perf_counter()
    config = load_config(config_file=spec["config"], site_dir=spec["site_dir"])
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    wall = time.perf_counter() - start

    steps: dict[str, float] = {}
    plugin = config.plugins.get(PLUGIN_NAME)
    if plugin is not None:
        steps = dict(plugin.times.seconds)
    result = {
        "wall_s": wall,
        "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "plugin_steps": steps,
        "warnings": warnings,
    }
    print(RESULT_PREFIX + json.dumps(result, ensure_ascii=False), flush=True)


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """Environment of the child builds and the server: quiet Material's banner and warnings."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore", **(extra or {})}


@dataclass
class BuildFigures:
    """Figures of one build of one portal."""

    size: int
    variant: str
    wall_s: float
    per_note_ms: float
    peak_mb: float
    median_page_kb: float
    max_page_kb: float
    pages_measured: int
    search_index_kb: float
    site_mb: float
    plugin_s: float
    plugin_share: float
    plugin_steps: dict[str, float] = field(default_factory=dict)
    warnings: int = 0
    warning_samples: list[str] = field(default_factory=list)
    #: 1-minute load average when the build started: other work on the machine skews wall times.
    load_before: float = 0.0
    #: Fingerprint of the plugin, templates and mkdocs.yml the build ran with.
    code: str = ""
    #: Wall times of every repetition (``--repeat``); the figures are those of the fastest.
    wall_runs: list[float] = field(default_factory=list)


def measure_build(portal: Portal, variant: str, timeout: float) -> BuildFigures:
    """Build ``variant`` of ``portal`` in a fresh Python process and measure the output."""
    site_dir = portal.site_dir(variant)
    shutil.rmtree(site_dir, ignore_errors=True)
    spec = {"config": str(portal.config(variant)), "site_dir": str(site_dir)}
    load_before = os.getloadavg()[0]
    code = code_fingerprint()
    command = [sys.executable, str(Path(__file__).resolve()), "--child", json.dumps(spec)]
    process = subprocess.run(command, cwd=portal.root, env=child_env(), capture_output=True, text=True,
                             timeout=timeout)
    lines = [line for line in process.stdout.splitlines() if line.startswith(RESULT_PREFIX)]
    if process.returncode != 0 or not lines:
        raise RuntimeError(f"{variant} build of {portal.size} notes failed (exit {process.returncode}):\n"
                           f"{process.stderr[-4000:]}")
    child = json.loads(lines[-1][len(RESULT_PREFIX):])

    sizes = sorted(p.stat().st_size for p in (site_dir / n.page_path for n in portal.notes) if p.is_file())
    index = site_dir / "search" / "search_index.json"
    plugin_s = sum(child["plugin_steps"].values())
    return BuildFigures(
        size=portal.size,
        variant=variant,
        wall_s=child["wall_s"],
        per_note_ms=1000 * child["wall_s"] / portal.size,
        peak_mb=child["peak_rss_kb"] / 1024,
        median_page_kb=statistics.median(sizes) / 1024 if sizes else 0.0,
        max_page_kb=sizes[-1] / 1024 if sizes else 0.0,
        pages_measured=len(sizes),
        search_index_kb=index.stat().st_size / 1024 if index.is_file() else 0.0,
        site_mb=_tree_bytes(site_dir) / 2**20,
        plugin_s=plugin_s,
        plugin_share=plugin_s / child["wall_s"] if child["wall_s"] else 0.0,
        plugin_steps=child["plugin_steps"],
        warnings=len(child["warnings"]),
        warning_samples=child["warnings"][:5],
        load_before=load_before,
        code=code,
    )


def code_fingerprint() -> str:
    """A short hash of what decides our build: the plugin's sources, the templates, mkdocs.yml."""
    digest = hashlib.sha1()
    roots = [REPO / "plugins" / "notes_portal", OVERRIDES]
    for path in sorted(p for root in roots for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(REPO)).encode() + b"\0" + path.read_bytes())
    digest.update(REAL_CONFIG.read_bytes())
    return digest.hexdigest()[:10]


def git_state() -> str:
    """The commit measured, and whether the plugin, templates or config had uncommitted changes."""
    def git(*args: str) -> str:
        return subprocess.run(["git", "--no-optional-locks", "-C", str(REPO), *args], capture_output=True,
                              text=True, check=True).stdout.strip()
    try:
        head = git("log", "-1", "--format=%h %ad", "--date=format:%Y-%m-%d %H:%M")
        changed = git("status", "--porcelain", "--", "plugins", "overrides", "mkdocs.yml").splitlines()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (no git)"
    return head + (f" + uncommitted changes in {len(changed)} file(s)" if changed else "")


def _tree_bytes(root: Path) -> int:
    """Total size of the files under ``root``."""
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(root) for f in files)


# -- edit-to-preview under mkdocs serve -----------------------------------------------------------


@dataclass
class ServeFigures:
    """Edit-to-preview latency of ``mkdocs serve --dirty`` on one portal."""

    size: int
    startup_s: float = 0.0
    #: Seconds from appending to a note until the served page shows the new text.
    edit_to_preview_s: list[float] = field(default_factory=list)
    #: Seconds from appending until the server finished the rebuild and told browsers to reload.
    edit_to_reload_s: list[float] = field(default_factory=list)
    #: The server's own "Documentation built in N seconds" for each of those rebuilds.
    rebuild_s: list[float] = field(default_factory=list)
    #: Size of the served search index before the edits and after each one.
    search_index_kb: list[float] = field(default_factory=list)
    feed_items_after_edit: int = 0
    error: str | None = None

    @property
    def median_preview_s(self) -> float | None:
        return statistics.median(self.edit_to_preview_s) if self.edit_to_preview_s else None

    @property
    def median_reload_s(self) -> float | None:
        return statistics.median(self.edit_to_reload_s) if self.edit_to_reload_s else None


class ServerLog:
    """Collects a server's output lines, with the time each arrived, from a reader thread."""

    def __init__(self, stream: Any) -> None:
        self.lines: list[tuple[float, str]] = []
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self.thread.start()

    def _read(self, stream: Any) -> None:
        for line in stream:
            with self.lock:
                self.lines.append((time.perf_counter(), line.rstrip("\n")))

    def first_after(self, since: float, text: str) -> float | None:
        """When the first line containing ``text`` arrived after ``since``."""
        with self.lock:
            return next((at for at, line in self.lines if at >= since and text in line), None)

    def matches_after(self, since: float, pattern: str) -> list[re.Match[str]]:
        """Matches of ``pattern`` in the lines that arrived after ``since``."""
        with self.lock:
            found = (re.search(pattern, line) for at, line in self.lines if at >= since)
            return [match for match in found if match]

    def tail(self, count: int = 30) -> str:
        """The last ``count`` lines, for error messages."""
        with self.lock:
            return "\n".join(line for _, line in self.lines[-count:])


def _free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


#: Never send requests to 127.0.0.1 through a proxy from the environment.
_LOCAL = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _fetch(url: str) -> str | None:
    """The page's text, or None while the server can't answer it."""
    try:
        with _LOCAL.open(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def _wait_until(condition: Any, timeout: float, interval: float = 0.05) -> float | None:
    """Poll ``condition()`` until it is true; seconds it took, or None after ``timeout``."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if condition():
            return time.perf_counter() - start
        time.sleep(interval)
    return None


def measure_serve_edit(portal: Portal, startup_timeout: float) -> ServeFigures:
    """Run ``mkdocs serve --dirty`` on our configuration and time edits until they show."""
    figures = ServeFigures(size=portal.size)
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    tmp = portal.root / "serve-tmp"  # mkdocs serve builds into a temporary folder: keep it in ours
    tmp.mkdir(exist_ok=True)
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}",
               "-f", str(portal.ours_config)]
    server = subprocess.Popen(command, cwd=portal.root, env=child_env({"TMPDIR": str(tmp)}),
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log = ServerLog(server.stdout)
    try:
        started = _wait_until(lambda: server.poll() is not None or _fetch(base) is not None, startup_timeout, 0.5)
        if started is None or server.poll() is not None:
            figures.error = (f"the server did not answer {base} within {startup_timeout:.0f} s"
                             if started is None else f"the server exited with {server.returncode}")
            figures.error += f":\n{log.tail()}"
            return figures
        figures.startup_s = started
        _record_search_index(base, figures)
        for note in _notes_to_edit(portal.notes, EDITS):
            if not _edit_once(note, portal, base, log, figures):
                break
        home = _fetch(base) or ""
        figures.feed_items_after_edit = len(re.findall(r'class="np-feed-item[ "]', home))
    finally:
        _stop(server)
    return figures


def _notes_to_edit(notes: list[GeneratedNote], count: int) -> list[GeneratedNote]:
    """``count`` notes from different categories, chosen deterministically."""
    chosen: list[GeneratedNote] = []
    for note in random.Random(7).sample(notes, len(notes)):
        if all(c.category != note.category for c in chosen):
            chosen.append(note)
        if len(chosen) == count:
            break
    return chosen


def _edit_once(note: GeneratedNote, portal: Portal, base: str, log: ServerLog, figures: ServeFigures) -> bool:
    """Append a marker to ``note`` and time it until served; False when it never shows."""
    marker = f"benchmark-marker-{secrets.token_hex(6)}"
    url = base + note.page_path.removesuffix("index.html")
    source = portal.root / "docs-ours" / note.src_uri
    edited_at = time.perf_counter()
    with source.open("a", encoding="utf-8") as handle:
        handle.write(f"\n这一句是基准测试追加的标记句：{marker}。\n")
    shown = _wait_until(lambda: marker in (_fetch(url) or ""), EDIT_TIMEOUT_S)
    if shown is None:
        figures.error = f"{note.src_uri}: the edit did not show at {url} within {EDIT_TIMEOUT_S:.0f} s"
        return False
    figures.edit_to_preview_s.append(shown)
    # Let the server finish this rebuild (the English site too) before the next edit.
    if _wait_until(lambda: log.first_after(edited_at, "Reloading browsers") is not None, EDIT_TIMEOUT_S):
        reloaded = log.first_after(edited_at, "Reloading browsers")
        assert reloaded is not None
        figures.edit_to_reload_s.append(reloaded - edited_at)
        built = log.matches_after(edited_at, r"Documentation built in ([\d.]+) seconds")
        if built:
            figures.rebuild_s.append(float(built[0][1]))
    _record_search_index(base, figures)
    time.sleep(0.5)
    return True


def _record_search_index(base: str, figures: ServeFigures) -> None:
    """Note the size of the search index the server serves now."""
    index = _fetch(base + "search/search_index.json")
    if index is not None:
        figures.search_index_kb.append(len(index.encode("utf-8")) / 1024)


def _stop(server: subprocess.Popen) -> None:
    """Terminate the server, then kill it if it doesn't exit."""
    if server.poll() is not None:
        return
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=10)


# -- checks and report ----------------------------------------------------------------------------


@dataclass
class Check:
    """One target: its name, PASS/FAIL/SKIP and the figures behind the verdict."""
    name: str
    status: str  # PASS, FAIL or SKIP
    detail: str


def _verdict(ok: bool) -> str:
    """PASS or FAIL."""
    return "PASS" if ok else "FAIL"


def target_checks(builds: list[BuildFigures], serve: ServeFigures | None) -> list[Check]:
    """The issue's targets, evaluated on the sizes that were measured."""
    ours = {b.size: b for b in builds if b.variant == "ours"}
    stock = {b.size: b for b in builds if b.variant == "stock"}
    checks: list[Check] = []
    if not ours:
        return checks
    small, large = min(ours), max(ours)

    name = f"time per note at {large} <= {TARGET_SCALING} x time per note at {small}"
    if small == large:
        checks.append(Check(name, "SKIP", "needs two sizes"))
    else:
        ratio = ours[large].per_note_ms / ours[small].per_note_ms
        checks.append(Check(name, _verdict(ratio <= TARGET_SCALING),
                            f"{ours[large].per_note_ms:.1f} ms vs {ours[small].per_note_ms:.1f} ms "
                            f"(x{ratio:.2f})"))

    name = f"full build at {large} >= {TARGET_SPEEDUP:g}x faster than stock"
    if large in stock:
        speedup = stock[large].wall_s / ours[large].wall_s
        checks.append(Check(name, _verdict(speedup >= TARGET_SPEEDUP),
                            f"{ours[large].wall_s:.1f} s vs stock {stock[large].wall_s:.1f} s (x{speedup:.2f})"))
    else:
        checks.append(Check(name, "SKIP", "stock build not measured"))

    checks.append(Check(f"median note page at {large} < {TARGET_MEDIAN_PAGE_KB:g} KB",
                        _verdict(ours[large].median_page_kb < TARGET_MEDIAN_PAGE_KB),
                        f"{ours[large].median_page_kb:.1f} KB"))

    worst = max(ours.values(), key=lambda b: b.plugin_share)
    checks.append(Check(f"plugin steps < {TARGET_PLUGIN_SHARE:.0%} of build (every size)",
                        _verdict(worst.plugin_share < TARGET_PLUGIN_SHARE),
                        ", ".join(f"{b.size}: {b.plugin_share:.1%}" for b in ours.values())))

    name = f"search index at {large} >= {TARGET_INDEX_REDUCTION:.0%} smaller than stock"
    if large in stock and stock[large].search_index_kb:
        reduction = 1 - ours[large].search_index_kb / stock[large].search_index_kb
        checks.append(Check(name, _verdict(reduction >= TARGET_INDEX_REDUCTION),
                            f"{ours[large].search_index_kb:.0f} KB vs stock {stock[large].search_index_kb:.0f} KB "
                            f"({reduction:.0%} smaller)"))
    else:
        checks.append(Check(name, "SKIP", "stock build not measured"))

    size = serve.size if serve else SERVE_EDIT_SIZE
    name = f"edit-to-preview on {size} notes < {TARGET_PREVIEW_S:g} s"
    if serve is None:
        checks.append(Check(name, "SKIP", "serve-edit not measured"))
    elif serve.median_preview_s is None:
        checks.append(Check(name, "FAIL", serve.error or "no edit showed up"))
    else:
        ok = serve.median_preview_s < TARGET_PREVIEW_S and serve.feed_items_after_edit > 0
        checks.append(Check(name, _verdict(ok),
                            f"median {serve.median_preview_s:.2f} s of "
                            f"{', '.join(f'{s:.2f}' for s in serve.edit_to_preview_s)}; "
                            f"home feed lists {serve.feed_items_after_edit} notes after the edits"))
    if serve is not None and len(serve.search_index_kb) > 1:
        before, after = serve.search_index_kb[0], min(serve.search_index_kb[1:])
        checks.append(Check("(extra, not in the issue) served search index keeps >= 90% of its size after edits",
                            _verdict(after >= 0.9 * before),
                            f"{before:.0f} KB before, smallest after an edit {after:.0f} KB"))
    return checks


def ratios(builds: list[BuildFigures]) -> list[dict[str, float]]:
    """ours/stock for wall time, median page size and search index size, per size."""
    ours = {b.size: b for b in builds if b.variant == "ours"}
    rows = []
    for b in builds:
        if b.variant == "stock" and b.size in ours:
            o = ours[b.size]
            rows.append({
                "size": b.size,
                "wall": o.wall_s / b.wall_s,
                "median_page": o.median_page_kb / b.median_page_kb if b.median_page_kb else float("nan"),
                "search_index": o.search_index_kb / b.search_index_kb if b.search_index_kb else float("nan"),
            })
    return rows


def format_report(builds: list[BuildFigures], serve: ServeFigures | None, checks: list[Check],
                  code: dict[str, Any]) -> str:
    """The human-readable report."""
    out: list[str] = [f"Code: {code['git']}, fingerprint {code['fingerprint']}"]
    if code["changed_during_run"]:
        out.append("  WARNING: the plugin, templates or mkdocs.yml changed during the run; builds ran with "
                   + ", ".join(f"{b.size} {b.variant}: {b.code}" for b in builds))
    out.append("")
    header = (f"{'notes':>6} {'variant':<12} {'wall s':>8} {'ms/note':>8} {'peak MB':>8} {'med KB':>8} "
              f"{'max KB':>8} {'index KB':>9} {'site MB':>8} {'plugin s':>9} {'plugin %':>9} {'warn':>5} {'load':>5}")
    out += ["Builds (in-process, one fresh Python process per build)", header, "-" * len(header)]
    by_size = {r["size"]: r for r in ratios(builds)}
    for size in sorted({b.size for b in builds}):
        for b in (b for b in builds if b.size == size):
            plugin = f"{b.plugin_s:9.2f} {b.plugin_share:9.1%}" if b.variant == "ours" else f"{'-':>9} {'-':>9}"
            out.append(f"{b.size:>6} {b.variant:<12} {b.wall_s:8.1f} {b.per_note_ms:8.1f} {b.peak_mb:8.0f} "
                       f"{b.median_page_kb:8.1f} {b.max_page_kb:8.1f} {b.search_index_kb:9.0f} {b.site_mb:8.1f} "
                       f"{plugin} {b.warnings:5d} {b.load_before:5.1f}")
        if size in by_size:
            r = by_size[size]
            out.append(f"{size:>6} {'ours/stock':<12} {r['wall']:8.2f} {'':>8} {'':>8} {r['median_page']:8.2f} "
                       f"{'':>8} {r['search_index']:9.2f}")
    out += ["", "  wall s: load_config + build; med/max KB: zh note pages; index KB: search/search_index.json;",
            f"  load: 1-minute load average before the build ({os.cpu_count()} CPUs)"]
    repeated = [b for b in builds if len(b.wall_runs) > 1]
    if repeated:
        out.append("  fastest of: " + "; ".join(f"{b.size} {b.variant} " + "/".join(f"{w:.1f}" for w in b.wall_runs)
                                                for b in repeated))
    out.append("")

    out.append("Plugin steps (ours): seconds, share of the build, ms per note")
    for b in (b for b in builds if b.variant == "ours"):
        out.append(f"  {b.size} notes, build {b.wall_s:.1f} s:")
        for step, seconds in sorted(b.plugin_steps.items(), key=lambda item: -item[1]):
            out.append(f"    {step:<44} {seconds:8.3f} s {seconds / b.wall_s:7.2%} "
                       f"{1000 * seconds / b.size:7.3f} ms/note")
    samples = [(b, w) for b in builds for w in b.warning_samples]
    if samples:
        out += ["", "Build warnings (first few):"]
        out += [f"  {b.size} {b.variant}: {w[:200]}" for b, w in samples]

    if serve is not None:
        out += ["", f"mkdocs serve --dirty on {serve.size} notes (our configuration)"]
        if serve.startup_s:
            out.append(f"  server up after          {serve.startup_s:.1f} s")
        if serve.edit_to_preview_s:
            out.append(f"  edit -> page shows it    {', '.join(f'{s:.2f}' for s in serve.edit_to_preview_s)} s "
                       f"(median {serve.median_preview_s:.2f} s)")
        if serve.edit_to_reload_s:
            out.append(f"  edit -> browsers reload {', '.join(f'{s:.2f}' for s in serve.edit_to_reload_s)} s "
                       f"(median {serve.median_reload_s:.2f} s; whole rebuild incl. /en/)")
        if serve.rebuild_s:
            out.append(f"  rebuild (server's own)   {', '.join(f'{s:.2f}' for s in serve.rebuild_s)} s")
        if serve.search_index_kb:
            out.append(f"  served search index      {' -> '.join(f'{kb:.0f}' for kb in serve.search_index_kb)} KB "
                       "(before the edits, then after each)")
        out.append(f"  home feed items after edits: {serve.feed_items_after_edit}")
        if serve.error:
            out.append(f"  error: {serve.error}")

    out += ["", "Targets"]
    out += [f"  {c.status}  {c.name}: {c.detail}" for c in checks]
    return "\n".join(out)


# -- main -----------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES), metavar="N",
                        help="portal sizes in notes (default: %(default)s)")
    parser.add_argument("--skip-stock", action="store_true", help="don't build the stock Material baseline")
    parser.add_argument("--serve-edit", action=argparse.BooleanOptionalAction, default=None,
                        help=f"measure edit-to-preview under mkdocs serve (default: on the {SERVE_EDIT_SIZE}-note "
                             f"portal when it is among --sizes; --serve-edit forces it, on the largest size "
                             f"when {SERVE_EDIT_SIZE} isn't measured)")
    parser.add_argument("--repeat", type=int, default=1, metavar="R",
                        help="build each portal R times and report the fastest (default: %(default)s)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON instead of a table")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="seed of the note generator")
    parser.add_argument("--keep", action="store_true", help="keep the generated portals and sites")
    parser.add_argument("--build-timeout", type=float, default=3600, help="seconds allowed per build")
    parser.add_argument("--child", metavar="SPEC", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if any(n < 10 for n in args.sizes):
        parser.error("--sizes: at least 10 notes per portal")
    if args.repeat < 1:
        parser.error("--repeat: at least 1")
    return args


def serve_edit_size(args: argparse.Namespace) -> int | None:
    """Which portal size to run the serve-edit measurement on, if any."""
    if args.serve_edit is False:
        return None
    if SERVE_EDIT_SIZE in args.sizes:
        return SERVE_EDIT_SIZE
    return max(args.sizes) if args.serve_edit else None


def progress(message: str) -> None:
    """A time-stamped progress line on stderr."""
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def warm_up(root: Path, settings: SiteSettings, config_text: str, seed: int, variants: Sequence[str],
            timeout: float) -> None:
    """Build a small portal once, unreported: the first build after a cold start pays for
    compiling bytecode and filling the disk cache (about 10 s here), which isn't build time."""
    progress(f"warm-up build of {WARM_UP_SIZE} notes (not reported) ...")
    portal = write_portal(root, WARM_UP_SIZE, settings, config_text, seed)
    for variant in variants:
        measure_build(portal, variant, timeout)
    shutil.rmtree(root, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Generate the portals, build and measure them, print the report."""
    args = parse_args(argv)
    if args.child:
        run_child(json.loads(args.child))
        return 0

    config_text = REAL_CONFIG.read_text(encoding="utf-8")
    settings = read_site_settings(config_text)
    sizes = sorted(dict.fromkeys(args.sizes))
    serve_size = serve_edit_size(args)
    work = Path(tempfile.mkdtemp(prefix="notes-portal-bench-"))
    progress(f"working in {work}")
    builds: list[BuildFigures] = []
    serve: ServeFigures | None = None
    variants = ("ours",) if args.skip_stock else ("ours", "stock")
    try:
        warm_up(work / "warm-up", settings, config_text, args.seed, variants, args.build_timeout)
        for size in sizes:
            started = time.perf_counter()
            portal = write_portal(work / f"n{size}", size, settings, config_text, args.seed)
            progress(f"{size} notes generated ({sum(1 for n in portal.notes if n.translation)} translated) "
                     f"in {time.perf_counter() - started:.1f} s")
            for variant in variants:
                progress(f"{size} notes: building {variant} ...")
                try:
                    runs = [measure_build(portal, variant, args.build_timeout) for _ in range(args.repeat)]
                except (RuntimeError, subprocess.TimeoutExpired) as error:
                    progress(f"{size} notes: {variant} build FAILED, left out of the report: {error}")
                    continue
                figures = min(runs, key=lambda run: run.wall_s)
                figures.wall_runs = [run.wall_s for run in runs]
                builds.append(figures)
                progress(f"{size} notes: {variant} built in {figures.wall_s:.1f} s, "
                         f"median page {figures.median_page_kb:.1f} KB, peak {figures.peak_mb:.0f} MB")
            if size == serve_size:
                progress(f"{size} notes: mkdocs serve --dirty, {EDITS} edits ...")
                serve = measure_serve_edit(portal, startup_timeout=max(600.0, args.build_timeout))
                progress(f"{size} notes: edit-to-preview {serve.edit_to_preview_s} {serve.error or ''}")
            if not args.keep:
                shutil.rmtree(portal.root, ignore_errors=True)
    finally:
        if args.keep:
            progress(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    checks = target_checks(builds, serve)
    fingerprints = {b.code for b in builds} | {code_fingerprint()}
    code = {"git": git_state(), "fingerprint": "/".join(sorted(fingerprints)),
            "changed_during_run": len(fingerprints) > 1}
    if args.json:
        report = {
            "code": code,
            "sizes": sizes,
            "builds": [asdict(b) for b in builds],
            "ratios_ours_over_stock": ratios(builds),
            "serve_edit": None if serve is None else {**asdict(serve), "median_preview_s": serve.median_preview_s,
                                                      "median_reload_s": serve.median_reload_s},
            "checks": [asdict(c) for c in checks],
        }
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(format_report(builds, serve, checks, code))
    return 0


if __name__ == "__main__":
    sys.exit(main())
