"""The opinion head: a small LightGBM model that splits kept paragraphs (and
their sentences) into the author's own voice (`opinion`) and `reporting`.

It learns from what reviewers labeled reporting or opinion: single sentences
and the user's own labeled paragraphs (see :func:`learning_rows`); reviewed
corpus paragraphs set the paragraph threshold (rule-derived pages call every
content paragraph reporting, which would teach it the wrong thing). It reads only
context-free inputs, so the same model scores a whole paragraph or one
sentence of it: the `opinion` family, a few `layout` columns, and the two
scores of a lexicon learned from the same examples
(:mod:`classifier.opinion_lexicon`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import lightgbm as lgb
import numpy as np

from features import families
from features.base import build_view

from .document import Block, Document
from .labels import LABEL_INDEX
from .metrics import binary_macro_f1
from .opinion_lexicon import LEXICON_COLUMNS, features_by_fold, fold_lexicons, learn_lexicon, lexicon_features
from .text import sentences
from .training import TrainingConfig, TrainingSet, lightgbm_name

LAYOUT_COLUMNS = ("layout.log_words", "layout.punctuation_share", "layout.uppercase_share", "layout.commas_per_word")
HEAD_FILE = "opinion.txt"
DEFAULT_THRESHOLD = 0.5
HEAD_ROUNDS = 200
HEAD_FOLDS = 4
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.3, 0.96, 0.025))


@dataclass(frozen=True)
class OpinionHead:
    """A trained head: LightGBM text and its learned lexicon."""

    model_text: str
    lexicon: dict[str, float]


def head_columns(all_columns: Sequence[str]) -> tuple[int, ...]:
    """Positions of the head's columns in the full feature matrix."""
    wanted = [i for i, c in enumerate(all_columns) if c.startswith("opinion.") or c in LAYOUT_COLUMNS]
    return tuple(wanted)


def head_inputs(
    matrix: np.ndarray, texts: Sequence[str], columns: Sequence[str], lexicon: dict[str, float]
) -> np.ndarray:
    """The head's input rows: its columns of the full matrix, then the lexicon scores of each text."""
    return np.hstack([matrix[:, list(head_columns(columns))], lexicon_features(texts, lexicon)])


def head_params(config: TrainingConfig) -> dict:
    """Binary LightGBM parameters: small and regularised (tens of thousands of rows)."""
    return {
        "objective": "binary",
        "learning_rate": 0.05,
        "num_leaves": 15,
        "min_data_in_leaf": 30,
        "feature_fraction": 0.9,
        "lambda_l2": 1.0,
        "is_unbalance": True,
        "seed": config.seed,
        "deterministic": True,
        "force_row_wise": True,
        "num_threads": config.threads,
        "verbosity": -1,
    }


def head_rows(data: TrainingSet) -> np.ndarray:
    """Reviewed rows (paragraphs and sentences) labeled reporting or opinion."""
    kept = (data.labels == LABEL_INDEX["reporting"]) | (data.labels == LABEL_INDEX["opinion"])
    return kept & data.reviewed


def learning_rows(data: TrainingSet) -> np.ndarray:
    """Rows the head learns from.

    With labeled sentences: those, plus the reviewed paragraphs of the user's
    own full-text records (the examples a user retrains to get right). A
    sentence label says which words carry the writer's voice; a corpus
    paragraph's label says it only roughly (reviewers judged 28 % of the
    sentences of reporting paragraphs, and 20 % of those of opinion ones, the
    other way), so corpus paragraphs only set the paragraph threshold.
    Without labeled sentences: every reviewed paragraph."""
    rows = head_rows(data)
    sentence_rows = rows & data.sentence_rows
    if not sentence_rows.any():
        return rows
    return sentence_rows | (rows & ~data.corpus_rows)


@dataclass(frozen=True)
class HeadThresholds:
    """P(opinion) cut-offs chosen in site-grouped cross-validation."""

    paragraph: float
    sentence: float


def site_folds(sites: np.ndarray) -> np.ndarray:
    """The head's cross-validation fold of each row's site."""
    from .crossval import site_fold

    return np.array([site_fold(site, HEAD_FOLDS) for site in sites])


def _input_names(columns: Sequence[str]) -> list[str]:
    return [lightgbm_name(columns[i]) for i in head_columns(columns)] + [lightgbm_name(c) for c in LEXICON_COLUMNS]


def _fit(inputs: np.ndarray, target: np.ndarray, weights: np.ndarray, names: list[str], config: TrainingConfig):
    if target.sum() == 0 or target.sum() == len(target):
        return None
    dataset = lgb.Dataset(inputs, label=target.astype(int), weight=weights, feature_name=names)
    return lgb.train(head_params(config), dataset, num_boost_round=HEAD_ROUNDS)


def _is_opinion(data: TrainingSet, rows: np.ndarray) -> np.ndarray:
    return data.labels[rows] == LABEL_INDEX["opinion"]


@dataclass(frozen=True)
class HeadExamples:
    """The head's learning rows, prepared once for both training and threshold choice."""

    rows: np.ndarray  # indices into the training set
    inputs: np.ndarray  # head columns, then out-of-fold lexicon scores
    target: np.ndarray
    folds: np.ndarray
    # Per site fold, the lexicon learned without that fold's rows.
    fold_lexicons: dict[int, dict[str, float]]


def head_examples(data: TrainingSet, columns: Sequence[str]) -> HeadExamples:
    """Learning rows' inputs with out-of-fold lexicon scores, their targets and site folds."""
    rows = np.flatnonzero(learning_rows(data))
    target = _is_opinion(data, rows)
    folds = site_folds(data.sites[rows])
    texts = list(data.texts[rows])
    lexicons = fold_lexicons(texts, target, folds, range(HEAD_FOLDS))
    inputs = np.hstack([data.features[rows][:, list(head_columns(columns))], features_by_fold(texts, folds, lexicons)])
    return HeadExamples(rows=rows, inputs=inputs, target=target, folds=folds, fold_lexicons=lexicons)


def train_head(
    data: TrainingSet, columns: Sequence[str], config: TrainingConfig, examples: HeadExamples
) -> OpinionHead | None:
    """Train the opinion head; None when there are no opinion examples.

    The booster learns from out-of-fold lexicon scores (as it will meet them
    on unseen text); the lexicon it ships with is learned from all its rows."""
    weights = data.weights[examples.rows]
    booster = _fit(examples.inputs, examples.target, weights, _input_names(columns), config)
    if booster is None:
        return None
    lexicon = learn_lexicon(list(data.texts[examples.rows]), examples.target)
    return OpinionHead(model_text=booster.model_to_string(), lexicon=lexicon)


def _best_threshold(truth: np.ndarray, scores: np.ndarray) -> float:
    known = ~np.isnan(scores)
    if not known.any() or truth[known].all() or not truth[known].any():
        return DEFAULT_THRESHOLD
    return max(
        THRESHOLDS, key=lambda t: (binary_macro_f1(truth[known], scores[known] >= t), -abs(t - DEFAULT_THRESHOLD))
    )


def choose_head_thresholds(
    data: TrainingSet, columns: Sequence[str], config: TrainingConfig, examples: HeadExamples
) -> HeadThresholds:
    """The P(opinion) thresholds with the best reporting/opinion macro-F1 in
    site-grouped cross-validation: one for reviewed paragraphs, one for
    labeled sentences (a paragraph's score runs on another scale than a
    sentence's). Each fold's booster never saw the fold's sites; learning rows'
    lexicon scores come from lexicons learned without their own fold, and held
    paragraphs' from the fold's own lexicon."""
    inputs, target, folds = examples.inputs, examples.target, examples.folds
    paragraphs = np.flatnonzero(head_rows(data) & ~data.sentence_rows)
    paragraph_folds = site_folds(data.sites[paragraphs])
    weights = data.weights[examples.rows]
    learned = np.full(len(examples.rows), np.nan)
    paragraph_scores = np.full(len(paragraphs), np.nan)
    for fold in range(HEAD_FOLDS):
        test = folds == fold
        booster = _fit(inputs[~test], target[~test], weights[~test], _input_names(columns), config)
        if booster is None:
            continue
        if test.any():
            learned[test] = booster.predict(inputs[test])
        held = paragraphs[paragraph_folds == fold]
        if held.size:
            lexicon = examples.fold_lexicons[fold]
            held_inputs = head_inputs(data.features[held], list(data.texts[held]), columns, lexicon)
            paragraph_scores[paragraph_folds == fold] = booster.predict(held_inputs)
    sentence = data.sentence_rows[examples.rows]
    return HeadThresholds(
        paragraph=_best_threshold(_is_opinion(data, paragraphs), paragraph_scores),
        sentence=_best_threshold(target[sentence], learned[sentence]),
    )


def sentence_matrix(texts: Sequence[str], columns: Sequence[str]) -> np.ndarray:
    """A matrix in ``columns`` order for standalone texts (sentences) with the
    head's columns filled; every other column (which the head never reads) is
    left at zero, so only the families the head reads are run."""
    wanted = {columns[i] for i in head_columns(columns)}
    selected = [f for f in families() if any(f"{f.name}.{c}" in wanted for c in f.columns)]
    view = build_view(Document(blocks=tuple(Block(text=t) for t in texts)))
    matrix = np.zeros((len(texts), len(columns)))
    position = {column: i for i, column in enumerate(columns)}
    for family in selected:
        block = np.asarray(family.extract(view), dtype=float).reshape(len(texts), len(family.columns))
        for j, column in enumerate(family.columns):
            name = f"{family.name}.{column}"
            if name in wanted:
                matrix[:, position[name]] = block[:, j]
    return matrix


def score_texts(
    booster: lgb.Booster, lexicon: dict[str, float], texts: Sequence[str], columns: Sequence[str]
) -> np.ndarray:
    """P(opinion) of standalone texts (sentences or paragraphs' plain text)."""
    if not texts:
        return np.zeros(0)
    inputs = head_inputs(sentence_matrix(texts, columns), texts, columns, lexicon)
    return np.asarray(booster.predict(inputs, num_threads=1), dtype=float)


def sentence_scores(
    booster: lgb.Booster, lexicon: dict[str, float], text: str, columns: Sequence[str]
) -> list[tuple[str, float]]:
    """(sentence, P(opinion)) for each sentence of a paragraph's plain text."""
    parts = sentences(text)
    scores = score_texts(booster, lexicon, parts, columns)
    return [(part, float(score)) for part, score in zip(parts, scores, strict=True)]
