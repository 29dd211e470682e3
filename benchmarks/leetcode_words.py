"""The words and code of the generated LeetCode collection (``leetcode_collection``): title parts,
tags, problem statements and solutions in several languages.

Everything here is written for the benchmark: titles are combinations of the parts below,
statements are sentence templates, and the solutions are a handful of small algorithms written
once per language and renamed per problem. No text or code comes from a real solutions
repository; only the *shape* of such a collection (front matter, headings, a language link,
HTML statements, one fenced block per language) is copied, because that shape is what the
plugin has to read.
"""

from __future__ import annotations

from string import Template

#: (Chinese, English) first parts of problem titles ...
TITLE_ADJECTIVES = [
    ("最长", "Longest"), ("最短", "Shortest"), ("最小", "Minimum"), ("最大", "Maximum"), ("合并", "Merge"),
    ("反转", "Reverse"), ("旋转", "Rotate"), ("删除重复的", "Remove Duplicate"), ("有效的", "Valid"),
    ("第 K 小的", "Kth Smallest"), ("统计", "Count"), ("查找", "Find"), ("平衡的", "Balanced"),
    ("交替的", "Alternating"), ("连续的", "Consecutive"), ("不同的", "Distinct"), ("重排", "Rearrange"),
    ("分割", "Split"), ("翻转", "Flip"), ("排序后的", "Sorted"), ("美丽的", "Beautiful"), ("特殊的", "Special"),
    ("等价的", "Equivalent"), ("可达的", "Reachable"),
]
#: ... and what they are about.
TITLE_OBJECTS = [
    ("子数组", "Subarray"), ("子串", "Substring"), ("链表", "Linked List"), ("二叉树路径", "Tree Path"),
    ("区间", "Intervals"), ("岛屿", "Islands"), ("括号序列", "Parentheses"), ("矩阵", "Matrix"),
    ("回文串", "Palindrome"), ("路径和", "Path Sum"), ("窗口最大值", "Window Maximum"),
    ("字母异位词", "Anagrams"), ("递增序列", "Increasing Sequence"), ("课程表", "Course Schedule"),
    ("覆盖子串", "Covering Substring"), ("数对", "Pairs"), ("三元组", "Triplets"), ("字符频次", "Character Frequency"),
    ("栅栏涂色", "Fence Painting"), ("会议室", "Meeting Rooms"), ("股票价格", "Stock Prices"), ("跳跃游戏", "Jump Game"),
    ("单词接龙", "Word Ladder"), ("环形数组", "Circular Array"), ("二进制串", "Binary String"),
    ("网格路径", "Grid Paths"), ("前缀分数", "Prefix Scores"), ("零钱组合", "Coin Combinations"),
    ("任务调度", "Task Scheduling"), ("最近公共祖先", "Lowest Common Ancestor"), ("冗余连接", "Redundant Connection"),
    ("水位线", "Water Level"),
]
#: Variants, as LeetCode numbers follow-up problems.
TITLE_VARIANTS = ["", " II", " III", " IV", " V", " VI"]

#: Tags that are not LeetCode topics (the topic names come from the configuration: 数组&链表&字符串,
#: 双指针, 滑动窗口, 哈希表, 栈&队列, 单调队列, 树与堆, 图, 数学 by default).
PLAIN_TAGS = ["字符串", "动态规划", "数组", "二分查找", "排序", "贪心", "回溯", "递归", "位运算", "前缀和",
              "深度优先搜索", "广度优先搜索", "模拟", "计数", "记忆化搜索", "并查集", "字典树"]

#: (front matter value, weight): Chinese names mostly, English in three spellings, a few unrated.
ZH_DIFFICULTIES = [("简单", 20), ("中等", 35), ("困难", 15), ("Easy", 6), ("Medium", 10), ("Hard", 4),
                   ("easy", 3), ("HARD", 1), ("", 6)]
EN_DIFFICULTY = {"简单": "Easy", "中等": "Medium", "困难": "Hard", "easy": "Easy", "HARD": "Hard"}

#: (Chinese, English) names of the approach a solution takes.
METHODS = [("哈希表", "Hash Table"), ("双指针", "Two Pointers"), ("滑动窗口", "Sliding Window"),
           ("前缀和", "Prefix Sum"), ("排序 + 贪心", "Sorting + Greedy"), ("单调栈", "Monotonic Stack"),
           ("动态规划", "Dynamic Programming"), ("二分查找", "Binary Search"), ("计数", "Counting"),
           ("模拟", "Simulation")]

# -- problem statements ---------------------------------------------------------------------------

ZH_STATEMENTS = [
    "给你一个整数数组 <code>{a}</code> 和一个整数 <code>{k}</code>，请你返回满足条件的{obj}的数目。",
    "给定一个长度为 <code>n</code> 的字符串 <code>{s}</code>，找出其中{adj}{obj}，并返回它的长度。",
    ("现有一个下标从 <strong>0</strong> 开始的数组 <code>{a}</code>，每次操作可以选择一个下标 <code>i</code>，"
     "将 <code>{a}[i]</code> 增加 <code>{k}</code>。返回使数组变为{adj}{obj}所需的最少操作次数。"),
    "如果一个{obj}中任意相邻两个元素之差的绝对值不超过 <code>{k}</code>，我们就称它是<em>{adj}</em>。",
    "请你设计一个算法，在 <code>O(n)</code> 的时间内求出{adj}{obj}，并说明为什么这样做是正确的。",
    "注意：答案可能很大，请返回它对 <code>10<sup>9</sup> + 7</code> <strong>取余</strong> 的结果。",
]
EN_STATEMENTS = [
    ("You are given an integer array <code>{a}</code> and an integer <code>{k}</code>. Return the number of "
     "{obj} that satisfy the condition."),
    "Given a string <code>{s}</code> of length <code>n</code>, find the {adj} {obj} in it and return its length.",
    ("In one operation you may pick an index <code>i</code> and add <code>{k}</code> to <code>{a}[i]</code>. "
     "Return the fewest operations that make the array {adj}."),
    "We call a sequence <em>{adj}</em> when every two adjacent elements differ by at most <code>{k}</code>.",
    "Design an algorithm that finds the {adj} {obj} in <code>O(n)</code> time, and explain why it is correct.",
    "Since the answer may be large, return it <strong>modulo</strong> <code>10<sup>9</sup> + 7</code>.",
]
ARRAY_NAMES = ["nums", "arr", "values", "heights", "prices", "scores", "costs", "weights"]
STRING_NAMES = ["s", "word", "text", "pattern"]
CONSTRAINTS = ["<code>1 &lt;= {a}.length &lt;= 10<sup>{e}</sup></code>",
               "<code>-10<sup>{e}</sup> &lt;= {a}[i] &lt;= 10<sup>{e}</sup></code>",
               "<code>0 &lt;= {k} &lt;= {a}.length</code>",
               "<code>{s}</code> 仅由小写英文字母组成"]
EN_CONSTRAINTS = CONSTRAINTS[:3] + ["<code>{s}</code> consists of lowercase English letters only"]

# -- solutions: one small algorithm per template, once per language -------------------------------
#
# Placeholders: $fn (camelCase name), $snake (snake_case name), $a (the array), $k (a parameter name),
# $limit (an integer constant). Two algorithms, each in every language: counting pairs with a hash
# map in one pass, and the longest window whose sum stays within a bound (two pointers).

LANGUAGES = [("Python3", "python"), ("Java", "java"), ("C++", "cpp"), ("Go", "go"), ("TypeScript", "ts"),
             ("Rust", "rust"), ("JavaScript", "js"), ("C#", "cs")]

PAIR_COUNT = {
    "python": Template('''class Solution:
    def $fn(self, $a: List[int], $k: int) -> int:
        seen = Counter()
        total = 0
        for x in $a:
            total += seen[x - $k] + seen[x + $k] if $k else seen[x]
            seen[x] += 1
        return total % $limit'''),
    "java": Template('''class Solution {
    public int $fn(int[] $a, int $k) {
        Map<Integer, Integer> seen = new HashMap<>();
        long total = 0;
        for (int x : $a) {
            total += seen.getOrDefault(x - $k, 0);
            if ($k != 0) total += seen.getOrDefault(x + $k, 0);
            seen.merge(x, 1, Integer::sum);
        }
        return (int) (total % $limit);
    }
}'''),
    "cpp": Template('''class Solution {
public:
    int $fn(vector<int>& $a, int $k) {
        unordered_map<int, int> seen;
        long long total = 0;
        for (int x : $a) {
            total += seen[x - $k];
            if ($k) total += seen[x + $k];
            ++seen[x];
        }
        return total % $limit;
    }
};'''),
    "go": Template('''func $fn($a []int, $k int) int {
	seen := map[int]int{}
	total := 0
	for _, x := range $a {
		total += seen[x-$k]
		if $k != 0 {
			total += seen[x+$k]
		}
		seen[x]++
	}
	return total % $limit
}'''),
    "ts": Template('''function $fn($a: number[], $k: number): number {
    const seen = new Map<number, number>();
    let total = 0;
    for (const x of $a) {
        total += seen.get(x - $k) ?? 0;
        if ($k !== 0) total += seen.get(x + $k) ?? 0;
        seen.set(x, (seen.get(x) ?? 0) + 1);
    }
    return total % $limit;
}'''),
    "rust": Template('''use std::collections::HashMap;

impl Solution {
    pub fn $snake($a: Vec<i32>, $k: i32) -> i32 {
        let mut seen: HashMap<i32, i64> = HashMap::new();
        let mut total: i64 = 0;
        for &x in $a.iter() {
            total += seen.get(&(x - $k)).copied().unwrap_or(0);
            if $k != 0 {
                total += seen.get(&(x + $k)).copied().unwrap_or(0);
            }
            *seen.entry(x).or_insert(0) += 1;
        }
        (total % $limit) as i32
    }
}'''),
    "js": Template('''/**
 * @param {number[]} $a
 * @param {number} $k
 * @return {number}
 */
var $fn = function ($a, $k) {
    const seen = new Map();
    let total = 0;
    for (const x of $a) {
        total += (seen.get(x - $k) || 0) + ($k ? seen.get(x + $k) || 0 : 0);
        seen.set(x, (seen.get(x) || 0) + 1);
    }
    return total % $limit;
};'''),
    "cs": Template('''public class Solution {
    public int $Fn(int[] $a, int $k) {
        var seen = new Dictionary<int, int>();
        long total = 0;
        foreach (int x in $a) {
            total += seen.GetValueOrDefault(x - $k);
            if ($k != 0) total += seen.GetValueOrDefault(x + $k);
            seen[x] = seen.GetValueOrDefault(x) + 1;
        }
        return (int) (total % $limit);
    }
}'''),
}

BOUNDED_WINDOW = {
    "python": Template('''class Solution:
    def $fn(self, $a: List[int], $k: int) -> int:
        best = window = left = 0
        for right, x in enumerate($a):
            window += x
            while window > $k and left <= right:
                window -= $a[left]
                left += 1
            best = max(best, right - left + 1)
        return best'''),
    "java": Template('''class Solution {
    public int $fn(int[] $a, int $k) {
        int best = 0, left = 0;
        long window = 0;
        for (int right = 0; right < $a.length; ++right) {
            window += $a[right];
            while (window > $k && left <= right) {
                window -= $a[left++];
            }
            best = Math.max(best, right - left + 1);
        }
        return best;
    }
}'''),
    "cpp": Template('''class Solution {
public:
    int $fn(vector<int>& $a, int $k) {
        int best = 0, left = 0;
        long long window = 0;
        for (int right = 0; right < (int) $a.size(); ++right) {
            window += $a[right];
            while (window > $k && left <= right) window -= $a[left++];
            best = max(best, right - left + 1);
        }
        return best;
    }
};'''),
    "go": Template('''func $fn($a []int, $k int) int {
	best, left, window := 0, 0, 0
	for right, x := range $a {
		window += x
		for window > $k && left <= right {
			window -= $a[left]
			left++
		}
		best = max(best, right-left+1)
	}
	return best
}'''),
    "ts": Template('''function $fn($a: number[], $k: number): number {
    let [best, left, window] = [0, 0, 0];
    $a.forEach((x, right) => {
        window += x;
        while (window > $k && left <= right) {
            window -= $a[left++];
        }
        best = Math.max(best, right - left + 1);
    });
    return best;
}'''),
    "rust": Template('''impl Solution {
    pub fn $snake($a: Vec<i32>, $k: i32) -> i32 {
        let (mut best, mut left, mut window) = (0usize, 0usize, 0i64);
        for right in 0..$a.len() {
            window += $a[right] as i64;
            while window > $k as i64 && left <= right {
                window -= $a[left] as i64;
                left += 1;
            }
            best = best.max(right + 1 - left);
        }
        best as i32
    }
}'''),
    "js": Template('''var $fn = function ($a, $k) {
    let best = 0, left = 0, window = 0;
    for (let right = 0; right < $a.length; ++right) {
        window += $a[right];
        while (window > $k && left <= right) window -= $a[left++];
        best = Math.max(best, right - left + 1);
    }
    return best;
};'''),
    "cs": Template('''public class Solution {
    public int $Fn(int[] $a, int $k) {
        int best = 0, left = 0;
        long window = 0;
        for (int right = 0; right < $a.Length; ++right) {
            window += $a[right];
            while (window > $k && left <= right) window -= $a[left++];
            best = Math.Max(best, right - left + 1);
        }
        return best;
    }
}'''),
}

ALGORITHMS = [PAIR_COUNT, BOUNDED_WINDOW]
