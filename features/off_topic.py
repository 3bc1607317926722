"""Off-topic: how far a paragraph is from the article's title, lead and date."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping

from .base import MISSING, YEAR, DocView, FeatureFamily, Rows, share

RAIL_HEADER = re.compile(
    r"^\W{0,3}(?:latest news|latest|related (?:stories|articles|news|posts|content|coverage)|"
    r"more (?:stories|news|from|on this|like this)|most (?:popular|read|viewed|shared)|"
    r"recommended(?: for you| stories)?|trending(?: now| stories)?|top stories|"
    r"you (?:may|might) also like|read next|what to read next|editor'?s picks|also in|"
    r"further reading|around the web|from our partners|popular now|in other news|"
    r"keep reading(?:show less)?|"
    # German, French, Spanish, Italian, Dutch, Portuguese rail headers: the snippet corpus is
    # mostly German, and its related-story rails open with these. A topic of up to four words
    # may follow ("Mehr zu Wärmepumpe", "Top Themen der Redaktion"); a longer line is a sentence.
    r"(?:das (?:thema )?)?k(?:\u00f6|oe)nnte (?:sie|dich|euch|ihnen) auch interessieren|"
    r"(?:sie|du) k(?:\u00f6|oe)nnten? auch an [^\n]{1,40} interessiert sein|auch interessant|"
    r"(?:mehr (?:zum thema|zu|von|aus|\u00fcber)|top[- ]?themen|(?:weitere|\u00e4hnliche|verwandte) "
    r"(?:artikel|beitr\u00e4ge|themen|nachrichten|meldungen)|meistgelesene?(?: artikel)?)(?: \S{1,25}){0,4}|"
    r"(?:\u00e0 )?lire aussi|sur le m\u00eame sujet|les plus lus|vous aimerez aussi|"
    r"noticias relacionadas|te (?:puede|podr\u00eda) interesar|lo m\u00e1s le\u00eddo|lee tambi\u00e9n|"
    r"potrebbe interessarti(?: anche)?|articoli correlati|leggi anche|i pi\u00f9 letti|"
    r"meer nieuws|gerelateerde artikelen|lees ook|meest gelezen|"
    r"leia tamb\u00e9m|veja tamb\u00e9m|mais lidas|not\u00edcias relacionadas|voc\u00ea tamb\u00e9m pode gostar)"
    r"\W{0,3}$",
    re.I,
)

COLUMNS = (
    "title_overlap",
    "lead_similarity",
    "document_word_support",
    "new_word_share",
    "year_gap",
    "rail_header",
)


def _norm(counts: Mapping[str, int]) -> float:
    return math.sqrt(sum(n * n for n in counts.values()))


def _cosine(words: tuple[str, ...], content: frozenset[str], reference: Mapping[str, int], norm: float) -> float:
    """Cosine of the paragraph's content-word counts with ``reference``, whose norm is ``norm``."""
    counts = Counter(w for w in words if w in content)
    dot = sum(n * reference.get(w, 0) for w, n in counts.items())
    return share(dot, _norm(counts) * norm)


def _year_gap(text: str, article_year: int | None) -> float:
    if article_year is None:
        return MISSING
    years = [int(y) for y in YEAR.findall(text[:5000])]
    return float(max(abs(y - article_year) for y in years)) if years else MISSING


def extract(view: DocView) -> Rows:
    """Off-topic features for every paragraph."""
    rows: Rows = []
    seen: set[str] = set()
    total = max(1, len(view.paragraphs))
    lead_norm = _norm(view.lead_counts)
    for paragraph in view.paragraphs:
        content = paragraph.content_words
        support = share(sum(view.doc_counts[w] - 1 for w in content), len(content) * total)
        rows.append(
            (
                share(len(content & view.title_words), len(view.title_words)),
                _cosine(paragraph.words, content, view.lead_counts, lead_norm),
                support,
                share(len(content - seen), len(content)),
                _year_gap(paragraph.plain, view.article_year),
                float(bool(RAIL_HEADER.match(paragraph.plain.strip()))),
            )
        )
        seen |= content
    return rows


FAMILY = FeatureFamily(name="off_topic", columns=COLUMNS, extract=extract)
