"""Files each language's folder needs besides its pages."""

from __future__ import annotations

import os
import shutil


def copy_sitemap_for_language(site_dir: str, url_prefix: str) -> None:
    """Material's language selector fetches ``<language>/sitemap.xml`` under instant
    navigation; mkdocs-static-i18n writes one sitemap (for all languages) at the root."""
    source = os.path.join(site_dir, "sitemap.xml")
    if os.path.isfile(source):
        target = os.path.join(site_dir, url_prefix, "sitemap.xml")
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(source, target)
