"""One Atom feed per language (``feed.xml``, ``en/feed.xml``) of the latest notes."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from urllib.parse import quote, urljoin

from feedgen.feed import FeedGenerator
from mkdocs.config.defaults import MkDocsConfig

from notes_portal.catalog.collect import Catalog
from notes_portal.catalog.tags import Tag
from notes_portal.compat.i18n import BuildLanguage
from notes_portal.model.structure import Note
from notes_portal.views.feed import display_title
from notes_portal.views.note_facts import tag_url


def feed_path(url_prefix: str) -> str:
    """Site-relative path of a language's feed."""
    return f"{url_prefix}feed.xml"


def write_atom_feed(notes: list[Note], *, site_dir: str, site_url: str, site_name: str,
                    description: str, author: str | None, language: str, url_prefix: str,
                    category_names: dict[str, str], entries: int,
                    tags_of: Callable[[Note], list[Tag]] = lambda note: []) -> str:
    """Write the feed of the newest ``entries`` notes and return its path on disk.

    Each entry's categories are its category (term: the slug) and its tags (term: the tag as
    shown, scheme: the tag's page), so that feed readers can filter by either.
    """
    base = site_url or "/"
    home = urljoin(base, url_prefix)
    generator = FeedGenerator()
    generator.id(home)
    generator.title(site_name)
    generator.subtitle(description or site_name)
    generator.link(href=home, rel="alternate")
    generator.link(href=urljoin(base, feed_path(url_prefix)), rel="self")
    generator.language(language)
    if author:
        generator.author({"name": author})
    newest = notes[:entries]
    generator.updated(_timestamp(newest[0].sort_date) if newest else _timestamp(dt.date(1970, 1, 1)))
    for note in reversed(newest):  # feedgen prepends each entry
        entry = generator.add_entry()
        link = urljoin(base, note.url)
        entry.id(link)
        entry.title(display_title(note))
        entry.link(href=link)
        entry.published(_timestamp(note.date))
        entry.updated(_timestamp(note.sort_date))
        entry.summary(note.excerpt.text or display_title(note))  # plain text: formulas read as text
        entry.category(term=note.category, label=category_names.get(note.category, note.category))
        for tag in tags_of(note):
            entry.category(term=tag.name, scheme=urljoin(base, quote(tag_url(tag, url_prefix))))
    path = os.path.join(site_dir, feed_path(url_prefix))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    generator.atom_file(path, pretty=True)
    return path


def _timestamp(date: dt.date) -> dt.datetime:
    return dt.datetime(date.year, date.month, date.day, tzinfo=dt.timezone.utc)


def write_language_feed(catalog: Catalog, language: BuildLanguage, config: MkDocsConfig, *, entries: int) -> str:
    """The feed of the language being built, with the site's name and description in it."""
    return write_atom_feed(
        catalog.notes, site_dir=config.site_dir, site_url=config.site_url or "", site_name=config.site_name,
        description=config.site_description or "", author=config.site_author, language=language.current,
        url_prefix=language.url_prefix, category_names={c.slug: c.name for c in catalog.categories},
        entries=entries, tags_of=catalog.tags.of)
