"""Opinion vs reporting: the writer's own voice against attributed reporting."""

from __future__ import annotations

import re

from .base import DocView, FeatureFamily, ParagraphView, Rows, share
from .lexicons import (
    EVALUATIVE_ADJECTIVES,
    FIRST_PERSON,
    HEDGES,
    INTENSIFIERS,
    LOADED_WORDS,
    MODAL_OBLIGATION,
    REPORTING_VERBS,
    SECOND_PERSON,
)

QUOTED = re.compile(r"\"[^\"\n]{1,3000}\"|\u201c[^\u201d\n]{1,3000}\u201d|\u201e[^\u201c\n]{1,3000}\u201c")
# "said Lynn Maalouf", "Obama said", "according to the report", "told CNN".
ATTRIBUTION = re.compile(
    r"(?:\b(?:said|says|told|added|stated|wrote|noted|explained|according to|reported|"
    r"announced|claimed|argued|warned|asserted|continued|declared|testified)\b[ ,]{0,3}"
    r"(?:the |a |an )?[A-Z][\w'-]{1,30})|(?:[A-Z][\w'-]{1,30},? (?:\w+ ){0,4}(?:said|says|told|"
    r"added|wrote|noted|argued|warned|claimed)\b)|\baccording to\b",
)
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
)


def _rate(words: tuple[str, ...], lexicon: frozenset[str]) -> float:
    return share(sum(1 for w in words if w in lexicon), len(words))


def opinion_row(paragraph: ParagraphView) -> tuple[float, ...]:
    """Opinion features of one paragraph (also used per sentence)."""
    text = paragraph.plain
    quoted = sum(len(m.group(0)) for m in QUOTED.finditer(text))
    attributions = len(ATTRIBUTION.findall(text))
    outside_quotes = QUOTED.sub(" ", text)
    outside_words = tuple(re.findall(r"\w+", outside_quotes.lower()))
    evaluation = sum(1 for w in outside_words if w in LOADED_WORDS or w in EVALUATIVE_ADJECTIVES or w in HEDGES)
    words = paragraph.words
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
    )


def extract(view: DocView) -> Rows:
    """Opinion features for every paragraph."""
    return [opinion_row(p) for p in view.paragraphs]


FAMILY = FeatureFamily(name="opinion", columns=COLUMNS, extract=extract)
