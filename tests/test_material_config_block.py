"""``overrides/main.html`` copies Material's ``config`` block (base.html) to point the search box
at our worker. The copy must say everything Material's own block says, for every Material version
we allow: built both ways, the two ``__config`` objects differ in the worker's address only.
Run on the lowest allowed versions too (``make test-compat-fast``)."""

from __future__ import annotations

import json

from sites import FixtureSite

PAGES = ("", "en/", "nlp/a/", "en/nlp/a/")


def material_configs(site: FixtureSite, engine: str) -> dict[str, dict]:
    site.plugin_config["search_engine"] = engine
    result = site.build()
    assert result.returncode == 0, result.output
    configs = {}
    for path in PAGES:
        script = result.html(path).select_one("script#__config")
        assert script is not None, f"{engine}: no __config on {path}"
        configs[path] = json.loads(script.string)
    return configs


def test_our_config_block_is_materials_but_for_the_search_worker(site: FixtureSite) -> None:
    site.note("nlp/a.md", "笔记甲", "2024-01-01", "正文。")
    # Values the block passes on from mkdocs.yml, so that a dropped one shows.
    site.extra_config = {"extra": {"annotate": {"python": [".s2"]}, "version": {"provider": "mike"}}}
    ours, materials = material_configs(site, "pagefind"), material_configs(site, "material")
    for path in PAGES:
        assert "workers/np-search.js" in ours[path]["search"], path
        assert "np-search.js" not in materials[path]["search"], path
        assert ours[path]["annotate"] == {"python": [".s2"]}, path
        without_worker = {key: value for key, value in ours[path].items() if key != "search"}
        assert without_worker == {key: value for key, value in materials[path].items() if key != "search"}, path
