"""Comments: reader comments and their chrome (reply, votes, 'ago' timestamps)."""

from __future__ import annotations

import re

from classifier.document import DomHints

from .base import MISSING, DocView, FeatureFamily, Rows, lowercase_twin, phrase_hits

COMMENT_CHROME = re.compile(
    r"\b(?:reply|replies|says:|said:|commented|report abuse|report comment|flag|upvote|downvote|"
    r"likes?|permalink|in reply to|antworten|kommentar(?:e|en)?|comments?|leave a comment|"
    r"post a comment|add a comment|kommentieren|gefällt mir|répondre|commentaires?|signaler|"
    r"comentarios?|comentários?|rispondi|commenti|commento|segnala|reageren|reacties?)\b",
    re.I,
)
RELATIVE_TIME = re.compile(
    r"\b\d{1,3}\s{0,2}(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s{0,2}ago\b|"
    r"\bvor \d{1,3}\s{0,2}(?:sekunden|minuten|stunden|tagen|wochen|monaten|jahren)\b|"
    r"\bil y a \d{1,3}\s{0,2}(?:minutes?|heures?|jours?|semaines?|mois|ans?)\b|"
    r"\bhace \d{1,3}\s{0,2}(?:minutos?|horas?|días?|semanas?|meses|años?)\b|"
    r"\b\d{1,3}\s{0,2}(?:minuti|ore|giorni|settimane|mesi|anni) fa\b|"
    r"\b\d{1,3}\s{0,2}(?:minuten|uur|dagen|weken|maanden|jaar) geleden\b|"
    r"\bhá \d{1,3}\s{0,2}(?:minutos?|horas?|dias?|semanas?|meses|anos?)\b",
    re.I,
)
TIMESTAMP = re.compile(r"\b\d{1,2}:\d{2}\s{0,2}(?:am|pm)?\b", re.I)
COMMENT_CHROME_LOWER = lowercase_twin(COMMENT_CHROME)
RELATIVE_TIME_LOWER = lowercase_twin(RELATIVE_TIME)
TIMESTAMP_LOWER = lowercase_twin(TIMESTAMP)
DOM_COMMENT_TOKENS = frozenset({"comment", "comments", "reply", "replies", "respond", "discussion", "disqus", "forum"})

COLUMNS = ("comment_chrome", "relative_time", "timestamp", "dom_comment_region")


def in_comment_region(dom: DomHints | None) -> bool:
    """Whether the page's class and id names put a block inside a comment thread (never without a DOM)."""
    return dom is not None and not DOM_COMMENT_TOKENS.isdisjoint(dom.class_tokens)


def extract(view: DocView) -> Rows:
    """Comment features for every paragraph."""
    rows: Rows = []
    for paragraph in view.paragraphs:
        text = paragraph.lower[:2000]
        dom = paragraph.dom
        rows.append(
            (
                float(phrase_hits(COMMENT_CHROME_LOWER, text)),
                float(bool(RELATIVE_TIME_LOWER.search(text))),
                float(bool(TIMESTAMP_LOWER.search(text))),
                MISSING if dom is None else float(in_comment_region(dom)),
            )
        )
    return rows


FAMILY = FeatureFamily(name="comments", columns=COLUMNS, extract=extract)
