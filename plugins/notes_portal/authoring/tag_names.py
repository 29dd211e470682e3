"""One tag per concept in every language: a tag's names, and a translation's tags matched to its original's.

A note is tagged in the language it is written in (``深度学习``), and its translation shows the
original's tags, so the English site has one ``Deep Learning`` tag, not ``深度学习`` on untranslated
notes and ``deep learning`` on translated ones. The English name is written once, by the author,
under ``notes-portal: tags:`` in ``mkdocs.yml`` (a LeetCode topic's ``en`` names the tag spelled as
the topic). We chose naming over matching a translation's tags to its original's by position: a
position silently pairs the wrong tags as soon as one list is reordered or one tag is added, while
a name is one line, checked against every translation (``translation_tag_diagnostics``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from notes_portal.authoring.frontmatter import TOP_LEVEL_KEY, split_front_matter
from notes_portal.model.structure import Diagnostic
from notes_portal.model.tag_words import tag_key


@dataclass(frozen=True)
class TagNames:
    """Each named tag's name per language, and which concept any of those names stands for."""

    default_language: str = "zh"
    #: Concept (the folded tag as notes of the default language write it) → {language: name}.
    names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    #: Folded name in any language → its concept: a note tagged ``Deep Learning`` joins ``深度学习``.
    concepts: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_config(cls, tags: Mapping[str, object], topics: Iterable[Mapping[str, object]],
                    default_language: str) -> TagNames:
        """Names from the ``tags`` option, then from the LeetCode topics (``name`` → ``en``) for the
        tags the option doesn't name; the option's values are validated by ``config.TagNamesOption``."""
        names: dict[str, dict[str, str]] = {}
        for topic in topics:
            tag, english = str(topic.get("name") or ""), topic.get("en")
            if tag_key(tag) and isinstance(english, str) and english.strip():
                names[tag_key(tag)] = {default_language: tag, "en": english.strip()}
        for tag, given in (tags or {}).items():
            per_language = given if isinstance(given, dict) else {"en": given}
            names[tag_key(str(tag))] = {default_language: str(tag).strip(),
                                        **{str(code): str(name).strip() for code, name in per_language.items()}}
        concepts: dict[str, str] = {}
        for concept, per_language in names.items():
            for name in per_language.values():
                concepts.setdefault(tag_key(name), concept)
        for concept in names:  # a tag named in the option is itself, even if it is another's name
            concepts[concept] = concept
        return cls(default_language, names, concepts)

    def concept(self, tag: str) -> str:
        """The concept ``tag`` stands for: its own folded spelling, unless it is a name of a named tag."""
        key = tag_key(tag)
        return self.concepts.get(key, key)

    def name(self, concept: str, language: str) -> str | None:
        """The name the author gave ``concept`` in ``language``; None: as the notes write it."""
        return self.names.get(concept, {}).get(language)


def translation_tag_diagnostics(*, path: str, source: Callable[[], str], tags: list[str], original_path: str,
                                original_tags: list[str], names: TagNames, language: str) -> list[Diagnostic]:
    """A warning for each tag of a translation that is not one of its original's tags.

    The translation shows its original's tags (``Note.tags``), so a tag of its own would be
    lost without a word: each must be one of the original's tags as written (``Transformer``),
    or the name given to one of them in ``language`` (``deep learning`` for ``深度学习``).
    """
    concepts = {names.concept(tag): tag for tag in original_tags}
    unmatched = [tag for tag in tags if names.concept(tag) not in concepts]
    if not unmatched:
        return []
    line = front_matter_line(source(), "tags")  # read again only when there is something to say
    matched = {names.concept(tag) for tag in tags}
    unnamed = [tag for concept, tag in concepts.items()
               if concept not in matched and names.name(concept, language) is None]
    expected = ", ".join(f"{tag} = {names.name(c, language)}" if names.name(c, language) else tag
                         for c, tag in concepts.items()) or "none, the original has no tags"
    diagnostics = []
    for tag in unmatched:
        concept = names.concept(tag)
        if concept in names.names:
            own = names.name(concept, names.default_language)
            problem = f"{tag!r} names {own!r}, which the original {original_path} doesn't have"
            advice = f"or add {own} to the original's tags"
        else:
            problem = f"{tag!r} is not a tag of the original {original_path}"
            # One tag of each side left over: very likely one concept, so say which line to add.
            example = f"{unnamed[0]}: {tag}" if len(unnamed) == 1 and len(unmatched) == 1 else "<tag>: <name>"
            advice = f"or name a tag once in mkdocs.yml under notes-portal tags, e.g. '{example}'"
        diagnostics.append(Diagnostic(
            path, line, "tags",
            f"{problem}; a translation shows its original's tags, so it is not shown (expected one of them "
            f"or its {language} name: {expected}; {advice})"))
    return diagnostics


def front_matter_line(source: str, field_name: str) -> int:
    """The line of the front matter's top-level ``field_name`` (1 when it can't be found)."""
    yaml_text, _, _ = split_front_matter(source)
    for number, line in enumerate((yaml_text or "").splitlines()):
        match = TOP_LEVEL_KEY.match(line)
        if match and match.group(1) == field_name:
            return number + 2  # +1 for 1-based, +1 for the opening ---
    return 1
