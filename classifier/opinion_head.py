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
from .text import sentences
from .training import TrainingConfig, TrainingSet, lightgbm_name

LAYOUT_COLUMNS = ("layout.log_words", "layout.punctuation_share", "layout.uppercase_share", "layout.commas_per_word")
HEAD_FILE = "opinion.txt"
DEFAULT_THRESHOLD = 0.5


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


def train_head(data: TrainingSet, columns: Sequence[str], config: TrainingConfig, rounds: int = 200) -> str | None:
    """Train the opinion head; None when there are no opinion examples."""
    rows = head_rows(data)
    target = (data.labels[rows] == LABEL_INDEX["opinion"]).astype(int)
    if target.sum() == 0 or target.sum() == len(target):
        return None
    positions = list(head_columns(columns))
    dataset = lgb.Dataset(
        data.features[rows][:, positions],
        label=target,
        feature_name=[lightgbm_name(columns[i]) for i in positions],
    )
    return lgb.train(head_params(config), dataset, num_boost_round=rounds).model_to_string()


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
