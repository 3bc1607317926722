"""A learned subjectivity lexicon for the opinion head.

Hand-built word lists catch the obvious cues ("I think", "disastrous"); the
rest of the writer's voice is spread over many words and pairs of words. The
lexicon learns, from reviewed examples, one weight per word and word pair:
its log-odds ratio between opinion and reporting text (with add-one
smoothing, as in naive Bayes). A text's scores are the summed weights of the
n-grams it contains, scaled by the square root of their count, and their
mean. Both are columns of the opinion head, so LightGBM decides how far to
trust them next to the hand-built cues.

The table is plain JSON in the model bundle; it holds weights, never code.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np

LEXICON_COLUMNS = ("opinion_lexicon.scaled_sum", "opinion_lexicon.mean")
TOKEN = re.compile(r"\w+|[!?\"\u201c\u201d]")
# N-grams seen fewer times than this are noise at a few thousand examples.
MIN_COUNT = 3
SMOOTHING = 1.0
# Weights are rounded in the bundle: 4 decimals is far below their noise.
DECIMALS = 4
# Paragraphs are scored on their opening; long ones gain nothing from more words.
MAX_CHARS = 5000


def ngrams(text: str) -> set[str]:
    """Lower-cased words (plus ! ? and quote marks) and adjacent word pairs."""
    tokens = TOKEN.findall(text[:MAX_CHARS].lower())
    return set(tokens) | {f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)}


def learn_lexicon(texts: Sequence[str], is_opinion: Sequence[bool]) -> dict[str, float]:
    """Log-odds weight of every n-gram seen at least MIN_COUNT times."""
    opinion, reporting, seen = Counter(), Counter(), Counter()
    for text, label in zip(texts, is_opinion, strict=True):
        grams = ngrams(text)
        seen.update(grams)
        (opinion if label else reporting).update(grams)
    vocabulary = len(seen)
    opinion_total = sum(opinion.values()) + SMOOTHING * vocabulary
    reporting_total = sum(reporting.values()) + SMOOTHING * vocabulary
    return {
        gram: round(
            math.log((opinion[gram] + SMOOTHING) / opinion_total)
            - math.log((reporting[gram] + SMOOTHING) / reporting_total),
            DECIMALS,
        )
        for gram, count in sorted(seen.items())
        if count >= MIN_COUNT
    }


def lexicon_features(texts: Sequence[str], lexicon: dict[str, float]) -> np.ndarray:
    """(scaled sum, mean) of the lexicon weights of each text's n-grams; zeros when none is known."""
    rows = np.zeros((len(texts), len(LEXICON_COLUMNS)))
    for row, text in enumerate(texts):
        weights = [lexicon[g] for g in ngrams(text) if g in lexicon]
        if weights:
            # fsum is exact, so the total does not depend on the set's (hash-seeded) iteration order.
            total = math.fsum(weights)
            rows[row] = (total / math.sqrt(len(weights)), total / len(weights))
    return rows


def fold_lexicons(
    texts: Sequence[str], is_opinion: np.ndarray, folds: np.ndarray, fold_ids: Iterable[int]
) -> dict[int, dict[str, float]]:
    """For each fold id, the lexicon learned from the texts of every other fold."""
    return {
        fold: learn_lexicon([t for t, f in zip(texts, folds, strict=True) if f != fold], is_opinion[folds != fold])
        for fold in fold_ids
    }


def features_by_fold(texts: Sequence[str], folds: np.ndarray, lexicons: dict[int, dict[str, float]]) -> np.ndarray:
    """Lexicon features of each text from its own fold's lexicon."""
    rows = np.zeros((len(texts), len(LEXICON_COLUMNS)))
    for fold, lexicon in lexicons.items():
        inside = folds == fold
        if inside.any():
            rows[inside] = lexicon_features([t for t, i in zip(texts, inside, strict=True) if i], lexicon)
    return rows
