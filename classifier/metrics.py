"""Scores: bag-of-words token P/R/F1 and per-label classification metrics."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .labels import LABELS
from .text import token_counts


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1."""

    precision: float
    recall: float
    f1: float


def prf(true_positive: float, predicted: float, actual: float) -> PRF:
    """Precision/recall/F1 from counts (empty prediction and truth scores 1)."""
    if predicted == 0 and actual == 0:
        return PRF(1.0, 1.0, 1.0)
    precision = true_positive / predicted if predicted else 0.0
    recall = true_positive / actual if actual else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PRF(precision, recall, f1)


def binary_macro_f1(truth: np.ndarray, predicted: np.ndarray) -> float:
    """Mean F1 of the positive and the negative class of boolean arrays."""
    sides = [(truth, predicted), (~truth, ~predicted)]
    return sum(prf(float(np.sum(t & p)), float(np.sum(p)), float(np.sum(t))).f1 for t, p in sides) / 2


def token_prf(predicted: str, gold: str) -> PRF:
    """The benchmark metric: multiset overlap of lower-cased ``\\w+`` tokens."""
    kept, wanted = token_counts(predicted), token_counts(gold)
    overlap = sum((kept & wanted).values())
    return prf(overlap, sum(kept.values()), sum(wanted.values()))


def mean_prf(scores: Sequence[PRF]) -> PRF:
    """Average of per-page scores."""
    if not scores:
        return PRF(0.0, 0.0, 0.0)
    n = len(scores)
    return PRF(sum(s.precision for s in scores) / n, sum(s.recall for s in scores) / n, sum(s.f1 for s in scores) / n)


@dataclass(frozen=True)
class LabelReport:
    """Per-label scores and the confusion matrix (rows: truth, columns: prediction)."""

    per_label: dict[str, PRF]
    support: dict[str, int]
    confusion: dict[str, dict[str, int]]
    macro_f1: float
    accuracy: float


def label_report(truth: Sequence[str], predicted: Sequence[str]) -> LabelReport:
    """Per-label precision/recall/F1, support and confusion matrix."""
    pairs = Counter(zip(truth, predicted, strict=True))
    confusion = {t: {p: pairs.get((t, p), 0) for p in LABELS} for t in LABELS}
    per_label: dict[str, PRF] = {}
    support: dict[str, int] = {}
    for label in LABELS:
        actual = sum(confusion[label].values())
        guessed = sum(confusion[t][label] for t in LABELS)
        support[label] = actual
        per_label[label] = prf(confusion[label][label], guessed, actual)
    present = [per_label[label].f1 for label in LABELS if support[label]]
    correct = sum(confusion[label][label] for label in LABELS)
    return LabelReport(
        per_label=per_label,
        support=support,
        confusion=confusion,
        macro_f1=sum(present) / len(present) if present else 0.0,
        accuracy=correct / len(truth) if truth else 0.0,
    )
