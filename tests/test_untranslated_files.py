"""An untranslated note shown on the English site keeps its images and files working: the English
build links them in the default language's tree, and a reused Chinese rendering must not point
at ``/en/…`` copies that don't exist."""

from __future__ import annotations

import pytest
from sites import FixtureSite, url_path

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d4944415478da63f8cfc0f01f0005000201a0c3a94a0000000049454e44ae426082")


@pytest.mark.parametrize("warm", [False, True], ids=["cold", "warm"])
def test_images_of_an_untranslated_note_resolve_on_the_english_site(site: FixtureSite, warm: bool) -> None:
    (site.docs / "nlp" / "images").mkdir(parents=True)
    (site.docs / "nlp" / "images" / "attention.png").write_bytes(PNG)
    site.write("nlp/files/notes.txt", "plain text\n")
    site.note("nlp/attention.md", "注意力", "2024-01-01",
              "<!-- 图在前 -->\n\n注意力的示意图：\n\n![注意力示意](images/attention.png)\n\n"
              "附件：[笔记原文](files/notes.txt)。")
    result = site.build()
    assert result.returncode == 0, result.output
    if warm:
        result = site.build(clean=False)
        assert result.returncode == 0, result.output
    for page in ("nlp/attention/", "en/nlp/attention/"):
        html = result.html(page)
        image = html.select_one("article img[alt='注意力示意']")
        assert image is not None, page
        assert (result.site_dir / url_path(page, image["src"]).lstrip("/")).is_file(), (page, image["src"])
        attachment = html.find("a", string="笔记原文")
        assert (result.site_dir / url_path(page, attachment["href"]).lstrip("/")).is_file(), (page, attachment["href"])
