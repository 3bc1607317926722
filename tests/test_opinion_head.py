"""The opinion head: what it learns from, and how the shipped one scores sentences."""

from __future__ import annotations

import numpy as np

from classifier.labels import LABEL_INDEX
from classifier.opinion_head import head_rows, learning_rows
from classifier.training import TrainingSet


def _training_set(
    labels: list[str], reviewed: list[bool], sentence: list[bool], corpus: list[bool] | None = None
) -> TrainingSet:
    count = len(labels)
    return TrainingSet(
        features=np.zeros((count, 1)),
        labels=np.array([LABEL_INDEX[label] for label in labels]),
        sites=np.array(["a.example"] * count),
        reviewed=np.array(reviewed),
        weights=np.ones(count),
        sentence_rows=np.array(sentence),
        texts=np.array(["text"] * count, dtype=object),
        corpus_rows=np.array(corpus if corpus is not None else [True] * count),
    )


def test_head_learns_from_sentences_when_there_are_any():
    data = _training_set(
        ["reporting", "opinion", "navigation", "opinion", "reporting"],
        [True, True, True, True, False],
        [False, False, False, True, False],
    )
    assert head_rows(data).tolist() == [True, True, False, True, False]
    assert learning_rows(data).tolist() == [False, False, False, True, False]


def test_head_also_learns_the_users_own_paragraphs_next_to_sentences():
    data = _training_set(
        ["opinion", "opinion", "reporting"], [True, True, True], [True, False, False], corpus=[True, True, False]
    )
    assert learning_rows(data).tolist() == [True, False, True]


def test_head_falls_back_to_reviewed_paragraphs_without_sentence_labels():
    data = _training_set(["reporting", "opinion", "reporting"], [True, True, False], [False, False, False])
    assert learning_rows(data).tolist() == [True, True, False]


def test_shipped_head_hears_the_writers_voice_not_the_quoted_one(cleaner):
    scores = dict(
        cleaner.sentence_opinions(
            "How long can the U.S. keep propping up these brutal, corrupt regimes? "
            '"We will investigate every allegation," the ministry said in a statement on Tuesday.'
        )
    )
    writer, quoted = scores.values()
    assert writer >= cleaner.bundle.sentence_opinion_threshold > quoted


def test_standalone_scoring_matches_the_full_feature_matrix(cleaner, seed_texts):
    # sentence_matrix runs only the families the head reads; the head must see the same inputs
    # as from a document's full matrix (its columns are context-free).
    from classifier.cleaner import segment
    from classifier.opinion_head import score_texts
    from classifier.text import plain_text

    bundle = cleaner.bundle
    document = segment(seed_texts["blog-amnesty-mosul-war-crimes"])
    texts = [plain_text(block.text) for block in document.blocks]
    from_matrix = bundle.predict_opinion(cleaner.document_features(document), texts)
    standalone = score_texts(bundle.opinion_booster, bundle.opinion_lexicon, texts, bundle.feature_columns)
    assert np.allclose(from_matrix, standalone)
