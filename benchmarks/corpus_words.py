"""The words the synthetic portal is written in: topic terms per category, sentence
templates, formulas, code templates, and the Zipf vocabulary they draw from.

Kept apart from the generator so that the word lists (long, data-like) and the logic that
lays out notes (short, changes more often) can be read and reviewed separately. Changing
anything here changes the generated notes for every seed: the benchmarks' figures are only
comparable across runs made with the same lists.

The vocabulary: every 2–4-character combination of a modifier and a head morpheme plus a few
dozen English terms, shuffled by seed and drawn with weight rank^-ZIPF_EXPONENT, so a word's
posting list is about as long as in real notes. Rare "named method" terms are made of
characters (``RARE_CHARS``) that no other list uses, so a search for one has a known answer.
"""

from __future__ import annotations

import bisect
import itertools
import random
from string import Template
from typing import Any

#: Exponent of the Zipf-like word frequencies: the word of rank r is drawn with weight r^-ZIPF_EXPONENT.
ZIPF_EXPONENT = 1.1

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


def chars_of(texts: Any) -> set[str]:
    """Every character in ``texts`` (strings, templates or nested lists of them)."""
    if isinstance(texts, str):
        return set(texts)
    if isinstance(texts, Template):
        return set(texts.template)
    return set().union(*(chars_of(t) for t in texts)) if texts else set()


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
        """One word: a bisection over the cumulative weights, so drawing stays cheap at any size."""
        return self.words[bisect.bisect(self.cumulative, self.rng.random() * self.cumulative[-1])]


class RareTerms:
    """Unique rare terms of 2–4 characters, made of ``RARE_CHARS`` (which nothing else uses)."""

    def __init__(self, rng: random.Random, forbidden: set[str]) -> None:
        self.rng = rng
        self.chars = [c for c in RARE_CHARS if c not in forbidden]
        self.used: set[str] = set()

    def new(self) -> str:
        """A term not handed out before (each names exactly one group of notes)."""
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
