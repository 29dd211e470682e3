"""A TeX formula as readable plain text, for places that can't typeset it.

The Atom feed and search snippets are plain text, yet a formula is part of the
sentence it sits in: leaving it out makes a hole ("所有位置的键 和值"), and TeX
source is noise. ``pylatexenc`` (``LatexNodes2Text``) knows hundreds of macros
and parses TeX properly; it is told a few more things here, each because its
stock output reads wrong:

* a sub- or superscript of more than one symbol keeps its braces
  (``x_{k+1}``: without them it reads as ``x_k + 1``); one word needs none (``D_KL``);
* ``\\|`` is ``‖`` (stock: nothing, so ``D_KL(p  q)``);
* ``\\sqrt{d_k}`` is ``√d_k``, and ``√(…)`` around more than one term;
* an operator name (``\\log``) is kept apart from the letters around it
  (``n log n``, not ``nlogn``);
* ``\\mathcal``, ``\\mathbf`` and ``\\boldsymbol`` keep their plain letters
  (``O(n)`` is what a reader types in a search box, not ``𝒪(n)``);
* ``\\binom{n}{k}`` is ``C(n, k)``, ``\\dfrac`` and ``\\tfrac`` are fractions.

Spaces follow the source where they mean something: the space that ends a macro
name (``U\\Sigma V``) is TeX syntax and goes, except after a symbol the author spaced
on both sides (``a \\le b`` → ``a ≤ b``). Runs of whitespace become one space.
"""

from __future__ import annotations

import logging
import re
from functools import cache
from typing import Any

from pylatexenc import latexwalker, macrospec
from pylatexenc.latex2text import (
    LatexNodes2Text,
    MacroTextSpec,
    get_default_latex_context_db,
)

#: Text of a sub- or superscript that reads unambiguously without braces: one symbol, or
#: one run of letters and digits (``KL``, ``in``, ``31``, ``θ``).
_ONE_WORD = re.compile(r"[^\W_]+|.", re.DOTALL)
#: What ``√`` may stand in front of without parentheses: a letter or number, maybe subscripted.
_ROOT_OPERAND = re.compile(r"[^\W_]+(?:_[^\W_]+)?")
#: Around an operator name: become a space next to a letter or digit, else nothing.
_BEFORE_OPERATOR, _AFTER_OPERATOR = "\ue000", "\ue001"
_OPERATOR_SPACING = (
    (re.compile(rf"(?<=[^\W_]){_BEFORE_OPERATOR}"), " "),
    (re.compile(rf"{_AFTER_OPERATOR}(?=[^\W_])"), " "),
    (re.compile(f"[{_BEFORE_OPERATOR}{_AFTER_OPERATOR}]"), ""),
)
_OPERATORS = ("log", "ln", "exp", "sin", "cos", "tan", "sinh", "cosh", "tanh", "arcsin", "arccos",
              "arctan", "max", "min", "sup", "inf", "lim", "arg", "det", "dim", "ker", "Pr", "gcd",
              "argmax", "argmin")
_WHITESPACE = re.compile(r"\s+")

# pylatexenc reports TeX it can't parse as warnings and then carries on (tolerant parsing):
# a formula KaTeX renders anyway is no problem of the build's.
logging.getLogger("pylatexenc").setLevel(logging.ERROR)


def tex_to_text(tex: str) -> str:
    """``tex`` (without its ``\\(`` ``\\)`` delimiters) as one line of readable text:
    ``D_{\\mathrm{KL}}(p\\,\\|\\,q)`` → ``D_KL(p ‖ q)``, ``x_{k+1}`` → ``x_{k+1}``."""
    try:
        nodes, _, _ = latexwalker.LatexWalker(tex, latex_context=_walker_context(),
                                              tolerant_parsing=True).get_latex_nodes()
        text = _ReadableMath(tex).nodelist_to_text(nodes)
    except (latexwalker.LatexWalkerError, IndexError, ValueError, RecursionError):
        text = re.sub(r"\\[A-Za-z]*|[{}$&]", " ", tex)  # unparseable: its words, without syntax
    for pattern, replacement in _OPERATOR_SPACING:
        text = pattern.sub(replacement, text)
    return _WHITESPACE.sub(" ", text.replace("\\", " ")).strip()


class _ReadableMath(LatexNodes2Text):
    """``LatexNodes2Text`` that keeps the braces of a sub- or superscript of several symbols."""

    def __init__(self, source: str) -> None:
        super().__init__(latex_context=_text_context(), math_mode="text",
                         strict_latex_spaces="macros")
        #: The TeX being converted: nodes' ``pos`` point into it.
        self._source = source
        #: Groups (by ``id``) that follow ``_`` or ``^`` in the list being converted.
        self._scripts: set[int] = set()

    def nodelist_to_text(self, nodelist: list[Any]) -> str:
        previous = None
        for node in nodelist:
            if (node is not None and node.isNodeType(latexwalker.LatexGroupNode) and previous is not None
                    and previous.isNodeType(latexwalker.LatexCharsNode) and previous.chars.endswith(("_", "^"))):
                self._scripts.add(id(node))
            previous = node
        return super().nodelist_to_text(nodelist)

    def macro_node_to_text(self, node: Any) -> str:
        text = super().macro_node_to_text(node)
        spaced_before = 0 < node.pos <= len(self._source) and self._source[node.pos - 1].isspace()
        arguments = node.nodeargd.argnlist if node.nodeargd else []
        if spaced_before and node.macro_post_space and not any(arguments):
            return text + " "
        return text

    def group_node_to_text(self, node: Any) -> str:
        text = super().group_node_to_text(node)
        if id(node) in self._scripts and not _ONE_WORD.fullmatch(text.strip()):
            return "{" + text.strip() + "}"
        return text


def _root(node: Any, l2tobj: LatexNodes2Text) -> str:
    """``√d_k``; ``√(a+b)``; ``(x)^(1/3)`` for a root with an index."""
    operand = l2tobj.node_arg_to_text(node, 1).strip()
    index = l2tobj.node_arg_to_text(node, 0).strip()
    if index:
        return f"({operand})^(1/{index})"
    return f"√{operand}" if _ROOT_OPERAND.fullmatch(operand) else f"√({operand})"


def _plain_letters(node: Any, l2tobj: LatexNodes2Text) -> str:
    return l2tobj.node_arg_to_text(node, 0)


@cache
def _walker_context() -> macrospec.LatexContextDb:
    """pylatexenc's parser, told the arguments of the macros it doesn't know."""
    context = latexwalker.get_default_latex_context_db()
    context.add_context_category("notes-portal-math", prepend=True, macros=[
        macrospec.std_macro("binom", False, 2),
        macrospec.std_macro("dfrac", False, 2),
        macrospec.std_macro("tfrac", False, 2),
        macrospec.std_macro("boldsymbol", False, 1),
        macrospec.std_macro("bm", False, 1),
        macrospec.std_macro("operatorname", False, 1),
    ])
    return context


@cache
def _text_context() -> macrospec.LatexContextDb:
    """pylatexenc's text replacements, with the changes the module docstring lists."""
    context = get_default_latex_context_db()
    operators = [MacroTextSpec(name, f"{_BEFORE_OPERATOR}{name}{_AFTER_OPERATOR}") for name in _OPERATORS]
    context.add_context_category("notes-portal-math", prepend=True, macros=[
        MacroTextSpec("|", "‖"),
        MacroTextSpec("sqrt", _root),
        MacroTextSpec("binom", "C(%(1)s, %(2)s)"),
        MacroTextSpec("dfrac", "%(1)s/%(2)s"),
        MacroTextSpec("tfrac", "%(1)s/%(2)s"),
        MacroTextSpec("mathcal", _plain_letters),
        MacroTextSpec("mathbf", _plain_letters),
        MacroTextSpec("boldsymbol", _plain_letters),
        MacroTextSpec("bm", _plain_letters),
        MacroTextSpec("operatorname", f"{_BEFORE_OPERATOR}%(1)s{_AFTER_OPERATOR}"),
        *operators,
    ])
    return context
