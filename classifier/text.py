"""Small text helpers shared by segmentation, features and metrics.

Every pattern here is linear-time: character classes with bounded
repetition, and no quantified group whose alternatives could match the same
text, so hostile input cannot make them backtrack catastrophically.
"""

from __future__ import annotations

import re
from collections import Counter

# A markdown link as scrapers write it: [text](target), where the text may hold one level of
# brackets (a footnote link is written "[[1]](#)"). Bounded so a page of unmatched brackets
# stays linear; the two alternatives start with different characters, so nothing backtracks.
MARKDOWN_LINK = re.compile(r"\[((?:[^\[\]\n]|\[[^\[\]\n]{0,300}\]){0,3000})\]\(([^()\s]{0,3000})\)")
# Every markdown link holds this, where its text meets its target.
LINK_JOIN = "]("
WORD = re.compile(r"\w+")
HEADING_MARK = re.compile(r"^#{1,6}\s")
LIST_MARK = re.compile(r"^\s{0,8}(?:[-*+\u2022]|\d{1,3}[.)])\s")
BULLET_MARK = re.compile(r"^\s{0,8}[-*+\u2022]\s")
SENTENCE_END = re.compile(r"(?<=[.!?\u201d\"'])\s+(?=[\"\u201c\u2018(\[]?[A-Z0-9])")


def strip_links(text: str) -> str:
    """Replace markdown links by their visible text."""
    # Most paragraphs hold no link; a substring test is far cheaper than the scan.
    return MARKDOWN_LINK.sub(r"\1", text) if LINK_JOIN in text else text


def _unmarked(text: str, list_mark: re.Pattern[str]) -> str:
    text = HEADING_MARK.sub("", strip_links(text))
    return list_mark.sub("", text, count=1).strip()


def plain_text(text: str) -> str:
    """Visible text of a paragraph: links unwrapped, heading/list marks removed."""
    return _unmarked(text, LIST_MARK)


def output_text(text: str) -> str:
    """A kept paragraph as the cleaned body shows it: like :func:`plain_text`, but a
    leading number stays ("1. Preheat the oven", "3. Klasse"): it is the text's own,
    where a bullet mark is only markup."""
    return _unmarked(text, BULLET_MARK)


def link_texts(text: str) -> list[str]:
    """The visible texts of a paragraph's markdown links, in order."""
    return [m.group(1) for m in MARKDOWN_LINK.finditer(text)] if LINK_JOIN in text else []


def words(text: str) -> list[str]:
    """Lower-cased ``\\w+`` tokens."""
    return WORD.findall(text.lower())


def token_counts(text: str) -> Counter[str]:
    """Multiset of lower-cased ``\\w+`` tokens (the benchmark's tokenisation)."""
    return Counter(words(text))


def sentences(text: str) -> list[str]:
    """Split plain text into sentences (a heuristic good enough for scoring)."""
    parts = [p.strip() for p in SENTENCE_END.split(text)]
    return [p for p in parts if p]


def normalize_space(text: str) -> str:
    """Collapse runs of whitespace to one space."""
    return " ".join(text.split())


def snippet_key(text: str) -> str:
    """Lower-cased text with whitespace collapsed: how snippets are matched against text."""
    return normalize_space(text).lower()
