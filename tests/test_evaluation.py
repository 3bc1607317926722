"""Evaluation of a cleaner on labeled documents: unlabeled paragraphs are not scored."""

from __future__ import annotations

import dataclasses

from classifier.dataset import load_labeled
from classifier.evaluation import evaluate
from tests.conftest import SEEDS


def test_unlabeled_paragraphs_and_partial_bodies_are_not_scored(cleaner):
    documents = load_labeled([SEEDS])
    first = documents[0]
    partial = dataclasses.replace(first, labels=tuple(label if i % 2 else None for i, label in enumerate(first.labels)))
    whole = evaluate(cleaner, documents)
    mixed = evaluate(cleaner, [partial, *documents[1:]])
    assert mixed.paragraphs == whole.paragraphs - sum(label is None for label in partial.labels)
    # The body score averages over the fully labeled documents only.
    assert mixed.token == evaluate(cleaner, documents[1:]).token
