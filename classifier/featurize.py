"""Documents into feature matrices: stage-one families, then the context pass."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from features import column_names, families
from features.base import build_view

from .context import context_columns, context_features
from .document import Document


@dataclass(frozen=True)
class FeatureMatrix:
    """Feature rows for one document's paragraphs, with column names."""

    values: np.ndarray
    columns: tuple[str, ...]


def feature_columns() -> tuple[str, ...]:
    """All model input columns: stage-one families then context columns."""
    return column_names(families()) + context_columns()


def stage_one(document: Document) -> tuple[np.ndarray, tuple[str, ...]]:
    """Context-free paragraph scores from every feature family."""
    view = build_view(document)
    selected = families()
    count = len(view.paragraphs)
    blocks = [
        np.asarray(family.extract(view), dtype=float).reshape(count, len(family.columns))
        if count
        else np.zeros((0, len(family.columns)))
        for family in selected
    ]
    for family, block in zip(selected, blocks, strict=True):
        if block.shape[1] != len(family.columns):
            raise RuntimeError(
                f"feature family {family.name!r} returned {block.shape[1]} columns, declared {len(family.columns)}"
            )
    matrix = np.hstack(blocks) if blocks else np.zeros((len(view.paragraphs), 0))
    return matrix, column_names(selected)


def featurize(document: Document) -> FeatureMatrix:
    """Full feature matrix (stage one plus context) for one document."""
    first, first_columns = stage_one(document)
    texts = [block.text for block in document.blocks]
    second = context_features(first, first_columns, texts)
    return FeatureMatrix(values=np.hstack([first, second]), columns=first_columns + context_columns())
