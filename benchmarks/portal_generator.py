"""The synthetic study-notes portal the benchmarks build: notes, translations, configurations
and, for the search benchmark, (query, expected note) pairs in ``queries.json``.

A portal of N Chinese notes (about 8 KB each, with front matter, math, code and tables; a fifth
of them LeetCode notes; about 5% with an ``.en.md`` translation). The text is drawn from a
vocabulary of a few thousand technical words, generated combinatorially from lists of
morphemes (2–4 Han characters) plus English terms, with Zipf-like frequencies (rank^-1.1), so
a word's posting list is as long as in real notes. Every note also gets a few rare "named
method" terms made of characters used nowhere else, shared with at most five other notes of
its category: those, and the LeetCode problem numbers, are the search queries with a known
answer. Everything is deterministic by seed.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import json
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from string import Template
from typing import Any

from common import OVERRIDES, PLUGIN_NAME, REAL_CONFIG, yaml_list, yaml_scalar

DEFAULT_SEED = 20231109
NOTE_BYTES = 8 * 1024
LEETCODE_SHARE = 0.20
TRANSLATION_SHARE = 0.05
LATEST_NOTE_DATE = dt.date(2025, 12, 31)
#: Exponent of the Zipf-like word frequencies: the word of rank r is drawn with weight r^-ZIPF_EXPONENT.
ZIPF_EXPONENT = 1.1
#: Rare terms each note owns; each is shared with 0 to RARE_SHARED_MAX other notes of its category.
RARE_TERMS_PER_NOTE = 2
RARE_SHARED_MAX = 5
#: Share of the topic-word slots filled with the category's own terms (the rest: the whole vocabulary).
CATEGORY_TERM_SHARE = 0.2


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



# -- the Zipf vocabulary --------------------------------------------------------------------------

#: First parts of the generated words (1–2 characters) ...
WORD_MODIFIERS = [
    "梯度", "卷积", "注意", "残差", "稀疏", "随机", "对偶", "局部", "全局", "双向", "递归", "线性", "动态", "静态",
    "多头", "低秩", "条件", "隐式", "显式", "分层", "并行", "增量", "离散", "连续", "对称", "正交", "加权", "共享",
    "交叉", "自回归", "量化", "蒸馏", "位置", "相对", "绝对", "因果", "门控", "循环", "图", "谱", "核", "深度",
    "浅层", "宽度", "混合", "专家", "检索", "增强", "对比", "掩码", "预测", "生成", "判别", "重建", "变分", "贝叶斯",
    "马尔可夫", "蒙特卡洛", "近端", "投影", "二阶", "一阶", "自适应", "在线", "离线", "批量", "流式", "分块",
    "滑动", "单调", "前缀", "后缀", "哈希", "最优", "贪心", "启发式", "拓扑", "区间", "路径", "子图", "多尺度",
    "时序", "空间", "通道", "像素", "词元", "句子", "文档", "语义", "句法", "视觉", "语音", "多模态", "跨域",
]
#: ... and second parts; a word is a modifier and a head, 2–4 characters long.
WORD_HEADS = [
    "矩阵", "向量", "张量", "算子", "核", "树", "堆", "队列", "窗口", "编码", "解码", "采样", "估计", "损失", "范数",
    "缓存", "路由", "映射", "投影", "分布", "权重", "偏置", "特征", "表示", "嵌入", "网络", "模块", "层", "单元",
    "机制", "策略", "目标", "约束", "误差", "方差", "梯度", "步长", "调度", "搜索", "排序", "匹配", "聚类", "分解",
    "变换", "插值", "正则", "剪枝", "融合", "对齐", "蒸馏", "检索", "推理", "训练", "优化", "更新", "初始化",
    "归一化", "激活", "池化", "填充", "掩码", "索引", "图谱", "序列", "区间", "数组", "链表", "指针", "状态", "转移",
    "边界", "先验", "后验", "似然", "熵", "散度", "距离", "相似度", "得分", "概率", "期望", "噪声", "信号",
]
#: English terms mixed into the Chinese text, as in real notes.
ENGLISH_WORDS = [
    "LoRA", "KV", "Transformer", "Adam", "AdamW", "BERT", "GPT", "ResNet", "ViT", "CUDA", "FFT", "RLHF", "DPO", "PPO",
    "MoE", "FlashAttention", "RoPE", "GELU", "ReLU", "softmax", "Dropout", "BatchNorm", "LayerNorm", "RMSNorm",
    "U-Net", "VAE", "GAN", "DDPM", "DDIM", "CLIP", "YOLO", "SGD", "Momentum", "PyTorch", "JAX", "NumPy", "token",
    "embedding", "encoder", "decoder", "prompt", "checkpoint", "benchmark", "baseline", "ablation", "warmup",
    "tokenizer", "BPE", "SentencePiece", "beam", "top-k", "top-p", "NMS", "IoU", "mAP", "FID", "BLEU", "ROUGE",
    "SVD", "PCA", "KL", "ELBO", "MCMC", "EM", "DFS", "BFS", "DP", "LRU", "Trie", "heap", "Dijkstra", "Kruskal",
    "Prim", "Floyd", "Bellman-Ford", "KMP", "GPU", "TPU", "FP16", "BF16", "INT8", "vLLM", "DeepSpeed", "ZeRO",
]
#: Characters of the rare "named method" terms: used in no other word or template.
RARE_CHARS = list(
    "璇瑾珀琮翎澜岑嵘曦昀玥珩琰瑜璟璐皓睿翊骁骞宸烨熠炜焓琛瑄珂玟瑭琨瑀珺琪璋璨瀚灏沅淇湄漪澄"
    "彧钰铮锴镕阑骊驰鸾鹭黛黎墨砚笙箫篁簌芷苒茉莞菡萱蔚蘅萦蓁葳蕤薇荀芮苡荟菁筠")
#: Two-character heads of the rare terms ("…变换", "…采样"), so some read like named methods.
RARE_HEADS = ["变换", "采样", "算子", "编码", "调度", "损失", "估计", "剪枝", "路由", "引导"]


def _chars(texts: Any) -> set[str]:
    """Every character in ``texts`` (strings, templates or nested lists of them)."""
    if isinstance(texts, str):
        return set(texts)
    if isinstance(texts, Template):
        return set(texts.template)
    return set().union(*(_chars(t) for t in texts)) if texts else set()


def build_vocabulary(seed: int) -> list[str]:
    """The common words, most frequent first: every modifier + head of 2–4 characters, the
    category terms and the English words, in an order shuffled by ``seed``."""
    words = {m + h for m, h in itertools.product(WORD_MODIFIERS, WORD_HEADS) if 2 <= len(m + h) <= 4 and m != h}
    words.update(ENGLISH_WORDS)
    ordered = sorted(words)
    random.Random(seed).shuffle(ordered)
    return ordered


class ZipfVocabulary:
    """Draws words with weight rank^-ZIPF_EXPONENT."""

    def __init__(self, words: list[str], rng: random.Random) -> None:
        self.words = words
        self.rng = rng
        self.cumulative = list(itertools.accumulate(1 / rank ** ZIPF_EXPONENT for rank in range(1, len(words) + 1)))

    def draw(self) -> str:
        return self.words[bisect.bisect(self.cumulative, self.rng.random() * self.cumulative[-1])]


class RareTerms:
    """Unique rare terms of 2–4 characters, made of ``RARE_CHARS`` (which nothing else uses)."""

    def __init__(self, rng: random.Random, forbidden: set[str]) -> None:
        self.rng = rng
        self.chars = [c for c in RARE_CHARS if c not in forbidden]
        self.used: set[str] = set()

    def new(self) -> str:
        while True:
            a, b = self.rng.sample(self.chars, 2)
            term = self.rng.choice([a + b, a + self.rng.choice(RARE_HEADS), a + b + self.rng.choice(RARE_HEADS)])
            if term not in self.used:
                self.used.add(term)
                return term


RARE_SENTENCES = [
    "{rare}可以看成{term}的一种变体，它先{verb}{obj}，再{verb2}{obj2}。",
    "我在复现{rare}的时候发现，{term}的实现细节对{obj}影响很大。",
    "和{term}相比，{rare}更关注{obj}，代价是需要额外{verb}{obj2}。",
    "关于{rare}，一个常见的误解是它只适用于{term}。",
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
        return dict(
            term=self.word(terms), term2=self.word(terms), obj=self.thing(), obj2=self.thing(),
            verb=self.pick(VERBS), verb2=self.pick(VERBS), effect=self.pick(EFFECTS),
            cond=self.pick(CONDITIONS), result=self.pick(RESULTS), metric=self.pick(METRICS),
            pct=self.rng.randint(2, 30), cx=self.pick(INLINE_MATH[:2] + [r"O(n)", r"O(nk)", r"O(n d^2)"]),
            math=self.pick(INLINE_MATH),
        )

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
        self.rare = RareTerms(self.rng, _chars(everything_else))
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
    home = "---\ntitle: {title}\n{template}hide:\n  - navigation\n  - toc\n---\n\n{text}\n"
    (ours_docs / "index.md").write_text(
        home.format(title="首页", template="template: np-home.html\n", text=HOME_ZH), encoding="utf-8")
    (ours_docs / "index.en.md").write_text(
        home.format(title="Home", template="template: np-home.html\n", text=HOME_EN), encoding="utf-8")
    queries = generator.queries()
    (root / "queries.json").write_text(json.dumps(queries, ensure_ascii=False, indent=1), encoding="utf-8")

    ours_config = root / "mkdocs-ours.yml"
    ours_config.write_text(ours_config_text(config_text, ours_docs), encoding="utf-8")
    stock_config = None
    if stock:
        (stock_docs / "index.md").write_text(home.format(title="首页", template="", text=HOME_ZH), encoding="utf-8")
        stock_config = root / "mkdocs-stock.yml"
        stock_config.write_text(stock_config_text(config_text, stock_docs, stock_nav(notes, settings)),
                                encoding="utf-8")
    return Portal(size, root, notes, ours_config, stock_config, queries)


def _with_docs_dir(text: str, docs_dir: Path) -> str:
    """``text`` with its top-level ``docs_dir`` set (added when missing)."""
    line = f"docs_dir: {yaml_scalar(str(docs_dir))}"
    if re.search(r"^docs_dir:", text, re.M):
        return re.sub(r"^docs_dir:.*$", lambda _: line, text, count=1, flags=re.M)
    return f"{line}\n{text}"


def ours_config_text(text: str, docs_dir: Path) -> str:
    """The real configuration, reading ``docs_dir`` and using the repository's ``overrides/``."""
    pattern = re.compile(r"^(?P<indent>[ \t]+)custom_dir:.*$", re.M)
    if not pattern.search(text):
        raise SystemExit(f"{REAL_CONFIG}: expected theme.custom_dir")
    text = pattern.sub(lambda m: f"{m['indent']}custom_dir: {yaml_scalar(str(OVERRIDES))}", text, count=1)
    return _with_docs_dir(text, docs_dir)


def with_plugin_option(text: str, key: str, value: str, plugin: str = PLUGIN_NAME) -> str:
    """``text`` with ``key: value`` added as the first option of ``plugin`` in the plugins list."""
    match = re.search(rf"^(?P<indent>[ \t]*)- +{re.escape(plugin)}:[ \t]*\n(?P<inner>[ \t]+)", text, re.M)
    if match is None:
        raise SystemExit(f"{REAL_CONFIG}: expected '- {plugin}:' with options under plugins")
    return text[: match.end("inner") - len(match["inner"])] + f"{match['inner']}{key}: {value}\n" + \
        text[match.end("inner") - len(match["inner"]):]


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

