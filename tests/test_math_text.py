"""TeX as readable plain text (``catalog.math_text``), for the Atom feed and search snippets.

Expected texts are written out. The first rows are the formulas issue 21 saw mangled in the feeds.
"""

from __future__ import annotations

import pytest
from notes_portal.catalog.math_text import tex_to_text

CASES = [
    # issue 21: n_in,Var(w),Var(x) / D_KL(p,,q) / x_k+1 / softmax(QK^/√d_k)V / A=UΣV^ / logp_θ(x)
    (r"n_{\text{in}}\,\mathrm{Var}(w)\,\mathrm{Var}(x)", "n_in Var(w) Var(x)"),
    (r"D_{\mathrm{KL}}(p\,\|\,q)", "D_KL(p ‖ q)"),
    (r"D_{\mathrm{KL}}(p\,\Vert\,q)", "D_KL(p ‖ q)"),
    (r"x_{k+1}=x_k-\eta\nabla f(x_k)", "x_{k+1}=x_k-η∇f(x_k)"),
    (r"\mathrm{softmax}(QK^\top/\sqrt{d_k})V", "softmax(QK^⊤/√d_k)V"),
    (r"A=U\Sigma V^\top", "A=UΣV^⊤"),
    (r"\log p_\theta(x)", "log p_θ(x)"),
    (r"5 \times 10^6", "5 × 10^6"),
    # braces only where a script of several symbols needs them
    (r"2^{31}", "2^31"),
    (r"10^{-6}", "10^{-6}"),
    (r"\sum_{i=1}^n x_i", "∑_{i=1}^n x_i"),
    (r"x_{i,j}", "x_{i,j}"),
    # roots, fractions, operators, fonts
    (r"\frac{1}{\sqrt{d_k}}", "1/√d_k"),
    (r"\sqrt{a+b}", "√(a+b)"),
    (r"\sqrt[3]{x}", "(x)^(1/3)"),
    (r"1,\ \log n,\ \sqrt n,\ n\log n", "1, log n, √n, n log n"),
    (r"\mathcal{O}(n^2)", "O(n^2)"),
    (r"\mathbf{W}x + \boldsymbol{b}", "Wx + b"),
    (r"\binom{n}{k}", "C(n, k)"),
    (r"\max_{x} f(x)", "max_x f(x)"),
    (r"\operatorname{KL}(p)", "KL(p)"),
    (r"a \le b", "a ≤ b"),
    (r"\$5 \& 10\%", "$5 & 10%"),
    # nothing to show, or not TeX at all
    ("", ""),
    ("{", ""),
    ("\\", ""),
    ("a < b", "a < b"),
]


@pytest.mark.parametrize(("tex", "text"), CASES)
def test_tex_reads_as_text(tex: str, text: str) -> None:
    assert tex_to_text(tex) == text
