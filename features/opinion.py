"""Opinion vs reporting: the writer's own voice against attributed reporting."""

from __future__ import annotations

import re

from classifier.text import WORD
from classifier.text import words as tokens

from .base import DocView, FeatureFamily, ParagraphView, Rows, share
from .lexicons import (
    ADVICE_OPENINGS,
    EVALUATIVE_ADJECTIVES,
    FIRST_PERSON,
    HEDGES,
    INTENSIFIERS,
    LOADED_WORDS,
    MODAL_OBLIGATION,
    NEGATIONS,
    REPORTING_VERBS,
    SECOND_PERSON,
    SUPERLATIVES,
)

QUOTED = re.compile(r"\"[^\"\n]{1,3000}\"|\u201c[^\u201d\n]{1,3000}\u201d|\u201e[^\u201c\n]{1,3000}\u201c")
# "said Lynn Maalouf", "Obama said", "according to the report", "told CNN".
ATTRIBUTION = re.compile(
    r"(?:\b(?:said|says|told|added|stated|wrote|noted|explained|according to|reported|"
    r"announced|claimed|argued|warned|asserted|continued|declared|testified)\b[ ,]{0,3}"
    r"(?:the |a |an )?[A-Z][\w'-]{1,30})|(?:[A-Z][\w'-]{1,30},? (?:\w+ ){0,4}(?:said|says|told|"
    r"added|wrote|noted|argued|warned|claimed)\b)|\baccording to\b",
)
# Words without which ATTRIBUTION cannot match: a paragraph with none of them skips the regex.
ATTRIBUTION_WORDS = frozenset(
    """
    said says told added stated wrote noted explained according reported announced claimed argued
    warned asserted continued declared testified
    """.split()
)
QUOTE_CHARS = frozenset('"\u201c\u201d\u201e')
OPENING_MARKS = ("\u201c", "\u201e")
CLOSING_MARK = "\u201d"
# Words that grade or qualify: unattributed, they are the writer's evaluation.
EVALUATION_WORDS = LOADED_WORDS | EVALUATIVE_ADJECTIVES | HEDGES
QUESTION = re.compile(r"\?")
EXCLAMATION = re.compile(r"!")

COLUMNS = (
    "first_person_rate",
    "second_person_rate",
    "hedge_rate",
    "obligation_rate",
    "intensifier_rate",
    "loaded_rate",
    "evaluative_rate",
    "reporting_verb_rate",
    "quote_share",
    "attributions",
    "questions",
    "exclamations",
    "unattributed_evaluation",
    # Facts name people, places and numbers; the writer's voice negates,
    # grades, qualifies with -ly adverbs and addresses the reader.
    "capitalised_share",
    "number_share",
    "ly_adverb_rate",
    "negation_rate",
    "superlative_rate",
    "advice_opening",
)


def split_quotes(text: str) -> tuple[int, str]:
    """(characters inside quotes, the text outside them).

    Besides closed quotes, a multi-paragraph quote leaves marks without a
    partner: a paragraph that only closes a quote (`...they wouldn't even seek
    medical attention”`) continues a quote from before it, and one that opens a
    quote and never closes it runs on into the next, so that text is quoted too.
    """
    if QUOTE_CHARS.isdisjoint(text):
        return 0, text
    quoted = sum(len(m.group(0)) for m in QUOTED.finditer(text))
    outside = QUOTED.sub(" ", text)
    closing = outside.rfind(CLOSING_MARK)
    if closing >= 0:
        quoted += closing + 1
        outside = outside[closing + 1 :]
    opening = min((i for i in (outside.find(m) for m in OPENING_MARKS) if i >= 0), default=-1)
    if opening < 0 and outside.lstrip().startswith('"') and outside.count('"') == 1:
        opening = outside.find('"')
    if opening >= 0:
        quoted += len(outside) - opening
        outside = outside[:opening]
    return quoted, outside


def _rate(words: tuple[str, ...], lexicon: frozenset[str]) -> float:
    return share(sum(map(lexicon.__contains__, words)), len(words))


def _surface_cues(text: str, words: tuple[str, ...]) -> tuple[float, ...]:
    raw = WORD.findall(text)
    inner = raw[1:]  # a sentence's first word is capitalised anyway
    return (
        share(sum(1 for w in inner if w[0].isupper()), len(inner)),
        share(sum(1 for w in raw if not w.isalpha() and any(ch.isdigit() for ch in w)), len(raw)),
        share(sum(1 for w in words if len(w) > 4 and w.endswith("ly")), len(words)),
        _rate(words, NEGATIONS),
        _rate(words, SUPERLATIVES),
        float(bool(words) and words[0] in ADVICE_OPENINGS),
    )


def _attributions(paragraph: ParagraphView) -> int:
    if ATTRIBUTION_WORDS.isdisjoint(paragraph.words):
        return 0
    return len(ATTRIBUTION.findall(paragraph.plain))


def attribution_evidence(paragraph: ParagraphView) -> tuple[int, float, float]:
    """(attribution patterns, share of characters inside quotes, reporting-verb rate):
    what says a paragraph's claim carries a source (also read by the profile)."""
    quoted, _outside = split_quotes(paragraph.plain)
    return _attributions(paragraph), share(quoted, len(paragraph.plain)), _rate(paragraph.words, REPORTING_VERBS)


def opinion_row(paragraph: ParagraphView) -> tuple[float, ...]:
    """Opinion features of one paragraph (also used per sentence)."""
    text = paragraph.plain
    words = paragraph.words
    quoted, outside_quotes = split_quotes(text)
    attributions = _attributions(paragraph)
    outside_words = words if outside_quotes is text else tuple(tokens(outside_quotes))
    evaluation = sum(map(EVALUATION_WORDS.__contains__, outside_words))
    return (
        _rate(outside_words, FIRST_PERSON),
        _rate(outside_words, SECOND_PERSON),
        _rate(words, HEDGES),
        _rate(words, MODAL_OBLIGATION),
        _rate(words, INTENSIFIERS),
        _rate(words, LOADED_WORDS),
        _rate(words, EVALUATIVE_ADJECTIVES),
        _rate(words, REPORTING_VERBS),
        share(quoted, len(text)),
        float(attributions),
        float(len(QUESTION.findall(text))),
        float(len(EXCLAMATION.findall(text))),
        share(evaluation, len(outside_words)) if attributions == 0 else 0.0,
        *_surface_cues(text, words),
    )


def extract(view: DocView) -> Rows:
    """Opinion features for every paragraph."""
    return [opinion_row(p) for p in view.paragraphs]


FAMILY = FeatureFamily(name="opinion", columns=COLUMNS, extract=extract)
