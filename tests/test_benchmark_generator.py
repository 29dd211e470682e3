"""The benchmark's generators, used as a library: the same seed writes the same notes, and the
LeetCode collection has the shape of issue 12 (no build here: the benchmark builds them)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.leetcode_collection import generate_collection
from benchmarks.portal_generator import generate_portal


def tree(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.md"))}


def test_same_seed_same_portal(tmp_path: Path) -> None:
    first = generate_portal(tmp_path / "a", 30, seed=3)
    second = generate_portal(tmp_path / "b", 30, seed=3)
    assert len(first.notes) == 30 and (first.root / "queries.json").is_file()
    assert tree(first.ours_docs) == tree(second.ours_docs)
    assert tree(first.ours_docs) != tree(generate_portal(tmp_path / "c", 30, seed=4).ours_docs)
    assert first.ours_config.read_text(encoding="utf-8").startswith("docs_dir: ")


def test_leetcode_collection_has_the_issue_12_shape(tmp_path: Path) -> None:
    collection = generate_collection(tmp_path / "lc", 60, seed=5)
    category = collection.docs / "leetcode"
    chinese = [p for p in category.rglob("*.md") if not p.name.endswith(".en.md")]
    assert len(chinese) == 60
    assert all(p.with_name(p.name[:-3] + ".en.md").is_file() for p in chinese)
    assert any(p.name == "README.md" and re.fullmatch(r"\d{4}\.[A-Z].*", p.parent.name) for p in chinese)
    assert any(re.fullmatch(r"\d{4}-[a-z0-9-]+\.md", p.name) for p in chinese)
    for path in chinese:
        text = path.read_text(encoding="utf-8")
        front, body = text.split("---\n")[1:3]
        assert "title:" not in front and re.search(r"^tags: \[.+\]$", front, re.MULTILINE)
        # The real collection's shape: a comment before the heading (issue 21).
        assert re.match(r"\n<!-- problem:start -->\n\n# \[\d+\. .+\]\(https://leetcode\.cn/problems/[a-z0-9-]+\)"
                        r"\n\n\[English Version\]\(https://", body)
        assert body.endswith("<!-- problem:end -->\n")
        assert "## 题目描述" in body and body.count("```") >= 8
    difficulties = {m for p in chinese for m in re.findall(r"^difficulty: (.+)$", p.read_text(encoding="utf-8"), re.MULTILINE)}
    assert difficulties & {"简单", "中等", "困难"} and difficulties & {"Easy", "Medium", "Hard"}
    assert tree(collection.docs) == tree(generate_collection(tmp_path / "again", 60, seed=5).docs)
