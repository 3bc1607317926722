"""The feature framework: a read-only view of a document that every family
scores, and the :class:`FeatureFamily` record each family module exports.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from classifier.document import Document, DomHints
from classifier.text import HEADING_MARK, LIST_MARK, WORD, link_texts, plain_text, words

from .lexicons import STOPWORDS

MISSING = math.nan
# Features read at most this much of a paragraph: enough to score it, and it
# bounds the work a pathological multi-megabyte paragraph can cause.
MAX_FEATURE_CHARS = 20_000
# Phrase patterns scan this much of a paragraph: chrome phrases sit near the start.
PHRASE_SCAN_CHARS = 3_000
YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
LEAD_MIN_WORDS = 20
LEAD_PARAGRAPHS = 3


@dataclass(frozen=True)
class ParagraphView:
    """One block as features see it."""

    raw: str
    plain: str
    lower: str
    words: tuple[str, ...]
    content_words: frozenset[str]
    link_chars: int
    # \w+ words inside the paragraph's link texts.
    link_words: int
    links: int
    is_heading: bool
    is_list_item: bool
    dom: DomHints | None


@dataclass(frozen=True)
class DocView:
    """A document as features see it: paragraphs plus document-wide facts."""

    paragraphs: tuple[ParagraphView, ...]
    title_words: frozenset[str]
    lead_counts: Counter[str]
    doc_counts: Counter[str]
    text_repeats: Counter[str]
    article_year: int | None
    has_dom: bool


Rows = list[tuple[float, ...]]


@dataclass(frozen=True)
class FeatureFamily:
    """A named family of context-free paragraph features with declared columns."""

    name: str
    columns: tuple[str, ...]
    extract: Callable[[DocView], Rows]


def view_paragraph(text: str, dom: DomHints | None) -> ParagraphView:
    """Precompute what every family needs about one paragraph."""
    raw = text[:MAX_FEATURE_CHARS]
    plain = plain_text(raw)
    tokens = tuple(words(plain))
    linked = link_texts(raw)
    return ParagraphView(
        raw=raw,
        plain=plain,
        lower=plain[:PHRASE_SCAN_CHARS].lower(),
        words=tokens,
        content_words=frozenset(w for w in tokens if w not in STOPWORDS and not w.isdigit()),
        link_chars=sum(map(len, linked)),
        link_words=sum(len(WORD.findall(t)) for t in linked),
        links=len(linked),
        is_heading=bool(HEADING_MARK.match(raw)),
        is_list_item=bool(LIST_MARK.match(raw)),
        dom=dom,
    )


def _lead_counts(paragraphs: Sequence[ParagraphView]) -> Counter[str]:
    lead: Counter[str] = Counter()
    taken = 0
    for paragraph in paragraphs:
        if len(paragraph.words) >= LEAD_MIN_WORDS and paragraph.link_chars < len(paragraph.plain) / 2:
            lead.update(w for w in paragraph.words if w in paragraph.content_words)
            taken += 1
            if taken == LEAD_PARAGRAPHS:
                break
    return lead


def _article_year(paragraphs: Sequence[ParagraphView], title: str) -> int | None:
    """The first year mentioned near the top: title, then the first paragraphs."""
    for text in [title, *(p.plain for p in paragraphs[:12])]:
        found = YEAR.search(text)
        if found:
            return int(found.group(1))
    return None


def build_view(document: Document) -> DocView:
    """Build the view all families share for one document."""
    paragraphs = tuple(view_paragraph(b.text, b.dom) for b in document.blocks)
    title = document.title or (paragraphs[0].plain if paragraphs else "")
    doc_counts: Counter[str] = Counter()
    for paragraph in paragraphs:
        doc_counts.update(paragraph.content_words)
    return DocView(
        paragraphs=paragraphs,
        title_words=frozenset(w for w in words(title) if w not in STOPWORDS),
        lead_counts=_lead_counts(paragraphs),
        doc_counts=doc_counts,
        text_repeats=Counter(p.plain.lower() for p in paragraphs),
        article_year=_article_year(paragraphs, document.title),
        has_dom=any(b.dom is not None for b in document.blocks),
    )


def share(part: float, whole: float) -> float:
    """``part / whole``, 0 when the whole is empty."""
    return part / whole if whole else 0.0


def phrase_hits(patterns: re.Pattern[str], text: str) -> int:
    """Number of matches of a compiled alternation in a text."""
    return len(patterns.findall(text))


def lowercase_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The same pattern without IGNORECASE, for text already lower-cased.

    Python's regex engine is several times slower with IGNORECASE; families
    lower-case each paragraph once (``ParagraphView.lower``) and use twins.
    Patterns must be written in lower case (tests check twins agree).
    """
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)
