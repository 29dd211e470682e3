"""Han pairs at index time (tokens.py) and readable page sections (extract.py).

The worker's query cutting is compared with these tokens in tests/browser/test_search_worker.py."""

from __future__ import annotations

import pytest
from notes_portal.search.extract import Section, page_sections
from notes_portal.search.tokens import index_text, index_tokens

# -- index_tokens / index_text -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("自注意力", ["自注", "注意", "意力"]),
        ("注意", ["注意"]),
        ("键", ["键"]),
        ("KV 缓存", ["KV", "缓存"]),
        ("KV缓存", ["KV", "缓存"]),
        ("LoRA微调", ["LoRA", "微调"]),
        ("GPT-2之后的模型", ["GPT-2", "之后", "后的", "的模", "模型"]),
        ("外推，误差会被放大。", ["外推", "，", "误差", "差会", "会被", "被放", "放大", "。"]),
        ("「注意力」机制", ["「", "注意", "意力", "」", "机制"]),
        ("2017 年提出", ["2017", "年提", "提出"]),
        ("C++和Python", ["C++", "和", "Python"]),
        ("𠀀𠀁字", ["𠀀𠀁", "𠀁字"]),  # the supplementary ideographic plane counts as Han
        ("  \n", []),
    ],
)
def test_index_tokens(text: str, expected: list[str]) -> None:
    assert index_tokens(text) == expected


def test_index_text_joins_tokens_with_single_spaces() -> None:
    assert index_text("Transformer 是一种\n序列模型") == "Transformer 是一 一种 序列 列模 模型"
    assert index_text("") == ""


# -- page_sections -------------------------------------------------------------------------------


def test_sections_split_at_headings_with_their_anchors() -> None:
    content = """
<h1 id="title">标题<a class="headerlink" href="#title">¶</a></h1>
<p>开头一段，<strong>加粗</strong>也算。</p>
<h2 id="first">第一节<a class="headerlink" href="#first">¶</a></h2>
<p>第一段。</p><ul><li>列表一</li><li>列表二</li></ul>
<h3 id="sub">小节</h3>
<table><tr><th>键</th><th>值</th></tr><tr><td>a</td><td>b</td></tr></table>
<h2 id="empty">空节</h2>
"""
    assert page_sections(content) == [
        Section(heading="", anchor=None, level=0, text="开头一段，加粗也算。"),
        Section(heading="第一节", anchor="first", level=2, text="第一段。 列表一 列表二"),
        Section(heading="小节", anchor="sub", level=3, text="键 值 a b"),
        Section(heading="空节", anchor="empty", level=2, text=""),
    ]


def test_sections_leave_out_code_and_display_math() -> None:
    content = r"""
<p>核心运算是缩放点积注意力 <span class="arithmatex">\(\operatorname{softmax}(QK^\top)\)</span>：每个位置。</p>
<div class="arithmatex">\[\frac{a}{b}\]</div>
<div class="highlight"><pre><span></span><code><span class="k">def</span> trap_with_stack(): <span class="c1"># 栈底哨兵</span></code></pre></div>
<p>行内 <code>x = 1</code> 代码留下。</p>
<pre><code>plain_code_block()</code></pre>
<script>var tracked = 1;</script>
<p>尾句。</p>
"""
    [section] = page_sections(content)
    assert section.heading == "" and section.anchor is None
    # Inline math reads as text in its sentence (issue 21: never a hole); display math and code are out.
    assert section.text == "核心运算是缩放点积注意力 softmax(QK^⊤) ：每个位置。 行内 x = 1 代码留下。 尾句。"


def test_inline_math_reads_as_text_and_the_text_after_it_is_kept() -> None:
    """A formula is its text form, and an element's tail (the text after inline math) stays."""
    content = '<p>设 <span class="arithmatex">\\(n\\)</span> 个位置，<span class="arithmatex">\\(d\\)</span> 维。</p>'
    assert page_sections(content) == [Section("", None, 0, "设 n 个位置， d 维。")]


def test_empty_content_has_no_sections() -> None:
    assert page_sections("") == []
    assert page_sections('<h1 id="t">只有标题</h1>') == []


@pytest.mark.parametrize(("text", "expected"), [("ＫＶ缓存", ["KV", "缓存"]), ("２０１７年", ["2017", "年"]),
                                               ("注意，力", ["注意", "，", "力"])])
def test_full_width_letters_and_digits_are_indexed_normalized(text: str, expected: list[str]) -> None:
    """Full-width letters and digits are indexed in their ASCII form, as the worker normalizes
    queries (see test_search_worker.py); full-width punctuation keeps its width."""
    assert index_tokens(text) == expected
