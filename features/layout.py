"""Layout: length, punctuation, case, links, position and repetition."""

from __future__ import annotations

import math
import re

from .base import DocView, FeatureFamily, Rows, share
from .lexicons import STOPWORDS

LETTER = re.compile(r"[^\W\d_]")
UPPER = re.compile(r"[A-Z\u00c0-\u00de\u0391-\u03a9\u0410-\u042f]")
DIGIT = re.compile(r"\d")
PUNCTUATION = re.compile(r"[^\w\s]")
TERMINAL = frozenset(".!?\"'\u201d\u2019)")
COLUMNS = (
    "log_chars",
    "log_words",
    "words_outside_links",
    "mean_word_length",
    "punctuation_share",
    "digit_share",
    "uppercase_share",
    "all_caps",
    "ends_with_terminal",
    "starts_lowercase",
    "is_heading",
    "is_list_item",
    "link_share",
    "links",
    "stopword_share",
    "relative_position",
    "paragraphs_from_end",
    "repeats_in_document",
    "commas_per_word",
)


def _row(view: DocView, index: int) -> tuple[float, ...]:
    paragraph = view.paragraphs[index]
    text = paragraph.plain
    n_chars = len(text)
    n_words = len(paragraph.words)
    letters = len(LETTER.findall(text))
    uppercase = len(UPPER.findall(text))
    link_words = sum(len(p.split()) for p in paragraph.raw.split("](")[:-1]) if paragraph.links else 0
    last = text.rstrip()[-1:] if text.strip() else ""
    count = len(view.paragraphs)
    return (
        math.log1p(n_chars),
        math.log1p(n_words),
        math.log1p(max(0, n_words - link_words)),
        share(sum(map(len, paragraph.words)), n_words),
        share(len(PUNCTUATION.findall(text)), n_chars),
        share(len(DIGIT.findall(text)), n_chars),
        share(uppercase, letters),
        float(letters >= 3 and uppercase == letters),
        float(last in TERMINAL),
        float(text[:1].islower()),
        float(paragraph.is_heading),
        float(paragraph.is_list_item),
        share(paragraph.link_chars, n_chars),
        float(paragraph.links),
        share(sum(map(STOPWORDS.__contains__, paragraph.words)), n_words),
        share(index, max(1, count - 1)),
        math.log1p(count - 1 - index),
        float(view.text_repeats[text.lower()] - 1),
        share(text.count(","), n_words),
    )


def extract(view: DocView) -> Rows:
    """Layout features for every paragraph."""
    return [_row(view, i) for i in range(len(view.paragraphs))]


FAMILY = FeatureFamily(name="layout", columns=COLUMNS, extract=extract)
