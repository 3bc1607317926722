"""Training: labeled documents into a LightGBM multiclass model bundle."""

from __future__ import annotations

import platform
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import lightgbm as lgb
import numpy as np

from .bundle import save_bundle
from .dataset import LabeledDocument
from .featurize import feature_columns, featurize
from .labels import LABEL_INDEX, LABELS
from .text import plain_text


@dataclass(frozen=True)
class TrainingConfig:
    """LightGBM settings; fixed seed and thread count make training repeatable."""

    # Fewer, larger steps than 250 at 0.08: prediction cost is proportional to the trees.
    rounds: int = 150
    learning_rate: float = 0.1
    num_leaves: int = 31
    min_data_in_leaf: int = 20
    feature_fraction: float = 0.8
    bagging_fraction: float = 0.8
    lambda_l2: float = 1.0
    # Rare labels get weight (largest count / label count) ** this power:
    # 0.5 lifts captions and comments without drowning the reporting class.
    class_weight_power: float = 0.5
    keep_threshold: float = 0.5
    seed: int = 13
    threads: int = 2


# The label index of an unlabeled row (context only: never trained or scored on).
UNLABELED = -1


@dataclass(frozen=True)
class TrainingSet:
    """Stacked feature rows with their labels (``UNLABELED`` for none) and the site of each row."""

    features: np.ndarray
    labels: np.ndarray
    sites: np.ndarray
    reviewed: np.ndarray
    weights: np.ndarray
    # Rows that are single labeled sentences: the opinion head's, never the main model's.
    sentence_rows: np.ndarray
    # Each row's visible text (for the opinion head's learned lexicon).
    texts: np.ndarray
    # Rows from shared-corpus pages (not the user's own full-text records).
    corpus_rows: np.ndarray

    @property
    def labeled(self) -> np.ndarray:
        """Rows that carry a label."""
        return self.labels != UNLABELED

    @property
    def model_rows(self) -> np.ndarray:
        """Rows the eight-label model learns from: labeled paragraphs, never single sentences."""
        return self.labeled & ~self.sentence_rows


def build_training_set(documents: Sequence[LabeledDocument]) -> TrainingSet:
    """Featurize every document and stack rows, labels and sites."""
    rows, labels, sites, reviewed, weights, sentence_rows, texts, corpus_rows = [], [], [], [], [], [], [], []
    for doc in documents:
        matrix = featurize(doc.document).values
        rows.append(matrix)
        count = matrix.shape[0]
        labels.extend(UNLABELED if label is None else LABEL_INDEX[label] for label in doc.labels)
        sites.extend([doc.site] * count)
        reviewed.extend([doc.reviewed] * count)
        weights.extend([doc.weight] * count)
        sentence_rows.extend([doc.sentences_only] * count)
        corpus_rows.extend([bool(doc.corpus)] * count)
        texts.extend(plain_text(block.text) for block in doc.document.blocks)
    features = np.vstack(rows) if rows else np.zeros((0, len(feature_columns())))
    return TrainingSet(
        features=features,
        labels=np.asarray(labels, dtype=int),
        sites=np.asarray(sites),
        reviewed=np.asarray(reviewed, dtype=bool),
        weights=np.asarray(weights, dtype=float),
        sentence_rows=np.asarray(sentence_rows, dtype=bool),
        texts=np.asarray(texts, dtype=object),
        corpus_rows=np.asarray(corpus_rows, dtype=bool),
    )


def lightgbm_params(config: TrainingConfig) -> dict[str, Any]:
    """LightGBM parameters for the eight-label multiclass model."""
    return {
        "objective": "multiclass",
        "num_class": len(LABELS),
        "learning_rate": config.learning_rate,
        "num_leaves": config.num_leaves,
        "min_data_in_leaf": config.min_data_in_leaf,
        "feature_fraction": config.feature_fraction,
        "bagging_fraction": config.bagging_fraction,
        "bagging_freq": 1,
        "lambda_l2": config.lambda_l2,
        "seed": config.seed,
        "bagging_seed": config.seed,
        "feature_fraction_seed": config.seed,
        "data_random_seed": config.seed,
        "deterministic": True,
        "force_row_wise": True,
        "num_threads": config.threads,
        "verbosity": -1,
    }


def class_weights(labels: np.ndarray, power: float) -> np.ndarray:
    """Per-row weights that lift rare labels."""
    counts = np.bincount(labels, minlength=len(LABELS)).astype(float)
    largest = counts.max() if counts.size else 1.0
    per_label = np.where(counts > 0, (largest / np.maximum(counts, 1.0)) ** power, 0.0)
    return per_label[labels]


def lightgbm_name(column: str) -> str:
    """A column name LightGBM accepts (no JSON punctuation), still readable."""
    return column.replace(".", "__").replace("@", "_at_").replace("+", "p").replace("-", "m")


def train_model_text(data: TrainingSet, config: TrainingConfig) -> str:
    """Train the booster (on labeled paragraph rows, never single sentences) and return LightGBM's text model."""
    rows = data.model_rows
    if not rows.any():
        raise ValueError("no labeled paragraphs to train on")
    dataset = lgb.Dataset(
        data.features[rows],
        label=data.labels[rows],
        weight=class_weights(data.labels[rows], config.class_weight_power) * data.weights[rows],
        feature_name=[lightgbm_name(c) for c in feature_columns()],
        free_raw_data=True,
    )
    booster = lgb.train(lightgbm_params(config), dataset, num_boost_round=config.rounds)
    return booster.model_to_string()


def train_bundle(
    documents: Sequence[LabeledDocument],
    out_dir: str | Path,
    config: TrainingConfig,
    data_description: dict[str, Any],
) -> Path:
    """Train on labeled documents and write a bundle directory."""
    from .opinion_head import HeadThresholds, choose_head_thresholds, head_examples, head_rows, train_head

    data = build_training_set(documents)
    model_text = train_model_text(data, config)
    examples = head_examples(data, feature_columns())
    head = train_head(data, feature_columns(), config, examples)
    opinion = choose_head_thresholds(data, feature_columns(), config, examples) if head else HeadThresholds(0.5, 0.5)
    counts = Counter(LABELS[i] for i in data.labels[data.model_rows])
    manifest = {
        "name": data_description.get("name", "clean-article"),
        "feature_columns": list(feature_columns()),
        "thresholds": {
            "keep": config.keep_threshold,
            "opinion": opinion.paragraph,
            "opinion_sentence": opinion.sentence,
        },
        "training": {
            **data_description,
            "documents": sum(1 for d in documents if not d.sentences_only),
            "paragraphs": int(data.model_rows.sum()),
            "unlabeled_paragraphs": int((~data.labeled & ~data.sentence_rows).sum()),
            "label_counts": {label: counts.get(label, 0) for label in LABELS},
            "opinion_head_paragraphs": int((head_rows(data) & ~data.sentence_rows).sum()) if head else 0,
            "opinion_head_sentences": int((head_rows(data) & data.sentence_rows).sum()) if head else 0,
            "config": asdict(config),
            "lightgbm_version": lgb.__version__,
            "python": platform.python_version(),
        },
    }
    return save_bundle(out_dir, model_text, manifest, head.model_text if head else None, head.lexicon if head else None)
