"""The opinion head: a small LightGBM model that splits kept paragraphs (and
their sentences) into the author's own voice (`opinion`) and `reporting`.

It is trained only on paragraphs a reviewer labeled reporting or opinion
(rule-derived pages call every content paragraph reporting, which would teach
it the wrong thing), and it reads only context-free columns: the `opinion`
family plus a few `layout` ones, so the same model scores a whole paragraph
or one sentence of it.
"""

from __future__ import annotations

from collections.abc import Sequence

import lightgbm as lgb
import numpy as np

from features import families
from features.base import build_view

from .document import Block, Document
from .labels import LABEL_INDEX
from .metrics import binary_macro_f1
from .text import sentences
from .training import TrainingConfig, TrainingSet, lightgbm_name

LAYOUT_COLUMNS = ("layout.log_words", "layout.punctuation_share", "layout.uppercase_share", "layout.commas_per_word")
HEAD_FILE = "opinion.txt"
DEFAULT_THRESHOLD = 0.5
HEAD_ROUNDS = 200
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.3, 0.96, 0.025))


def head_columns(all_columns: Sequence[str]) -> tuple[int, ...]:
    """Positions of the head's columns in the full feature matrix."""
    wanted = [i for i, c in enumerate(all_columns) if c.startswith("opinion.") or c in LAYOUT_COLUMNS]
    return tuple(wanted)


def head_params(config: TrainingConfig) -> dict:
    """Binary LightGBM parameters: small and regularised (about 20k rows)."""
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
    """Rows the head learns from: reviewed paragraphs labeled reporting or opinion."""
    kept = (data.labels == LABEL_INDEX["reporting"]) | (data.labels == LABEL_INDEX["opinion"])
    return kept & data.reviewed


def _fit(data: TrainingSet, rows: np.ndarray, columns: Sequence[str], config: TrainingConfig) -> lgb.Booster | None:
    target = (data.labels[rows] == LABEL_INDEX["opinion"]).astype(int)
    if target.sum() == 0 or target.sum() == len(target):
        return None
    positions = list(head_columns(columns))
    dataset = lgb.Dataset(
        data.features[rows][:, positions],
        label=target,
        weight=data.weights[rows],
        feature_name=[lightgbm_name(columns[i]) for i in positions],
    )
    return lgb.train(head_params(config), dataset, num_boost_round=HEAD_ROUNDS)


def train_head(data: TrainingSet, columns: Sequence[str], config: TrainingConfig) -> str | None:
    """Train the opinion head; None when there are no opinion examples."""
    booster = _fit(data, head_rows(data), columns, config)
    return booster.model_to_string() if booster is not None else None


def choose_head_threshold(data: TrainingSet, columns: Sequence[str], config: TrainingConfig, folds: int = 4) -> float:
    """The P(opinion) threshold with the best reporting/opinion macro-F1 in
    site-grouped cross-validation over the head's training rows."""
    from .crossval import site_fold

    rows = np.flatnonzero(head_rows(data))
    fold_of = np.array([site_fold(site, folds) for site in data.sites[rows]])
    scores = np.full(len(rows), np.nan)
    positions = list(head_columns(columns))
    for fold in range(folds):
        train = np.zeros(len(data.labels), dtype=bool)
        train[rows[fold_of != fold]] = True
        booster = _fit(data, train, columns, config)
        if booster is not None and (fold_of == fold).any():
            scores[fold_of == fold] = booster.predict(data.features[rows[fold_of == fold]][:, positions])
    truth = data.labels[rows] == LABEL_INDEX["opinion"]
    known = ~np.isnan(scores)
    if not known.any():
        return DEFAULT_THRESHOLD
    return max(
        THRESHOLDS, key=lambda t: (binary_macro_f1(truth[known], scores[known] >= t), -abs(t - DEFAULT_THRESHOLD))
    )


def sentence_matrix(texts: Sequence[str], columns: Sequence[str]) -> np.ndarray:
    """Head columns for standalone texts (sentences), in the full-matrix order."""
    view = build_view(Document(blocks=tuple(Block(text=t) for t in texts)))
    selected = families()
    full = np.hstack([np.asarray(f.extract(view), dtype=float).reshape(len(texts), len(f.columns)) for f in selected])
    names = [f"{f.name}.{c}" for f in selected for c in f.columns]
    index = {name: i for i, name in enumerate(names)}
    return full[:, [index[columns[i]] for i in head_columns(columns)]]


def sentence_scores(booster: lgb.Booster, text: str, columns: Sequence[str]) -> list[tuple[str, float]]:
    """(sentence, P(opinion)) for each sentence of a paragraph's plain text."""
    parts = sentences(text)
    if not parts:
        return []
    scores = booster.predict(sentence_matrix(parts, columns), num_threads=1)
    return [(part, float(score)) for part, score in zip(parts, scores, strict=True)]
