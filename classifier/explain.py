"""Why a paragraph got its label: per-feature contributions from LightGBM."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .bundle import ModelBundle
from .keep_rules import FALLBACK
from .labels import LABEL_INDEX, LABELS
from .result import CleanResult

TOP_FEATURES = 5
RULE_REASONS = {
    FALLBACK: "nothing on the page cleared the keep threshold; among its most probable",
}


@dataclass(frozen=True)
class Reason:
    """One feature's push towards the paragraph's label."""

    column: str
    value: float
    contribution: float


def explain_rows(bundle: ModelBundle, matrix: np.ndarray, labels: list[str]) -> list[list[Reason]]:
    """Top features (by |contribution| to the chosen label's raw score) per row."""
    if matrix.shape[0] == 0:
        return []
    contributions = np.asarray(bundle.booster.predict(matrix, pred_contrib=True, num_threads=1))
    width = matrix.shape[1] + 1
    columns = bundle.feature_columns
    reasons: list[list[Reason]] = []
    for row, label in enumerate(labels):
        start = LABEL_INDEX[label] * width
        values = contributions[row, start : start + width - 1]
        order = np.argsort(-np.abs(values), kind="stable")[:TOP_FEATURES]
        reasons.append([Reason(columns[i], float(matrix[row, i]), float(values[i])) for i in order])
    return reasons


def format_explanation(result: CleanResult, reasons: list[list[Reason]]) -> str:
    """Human-readable explanation: one block per paragraph, with the per-sentence
    opinion scores of paragraphs that carry them (``CleanResult`` from
    ``ArticleCleaner.score_sentences``), marked `*` where labeled opinion."""
    lines = []
    for paragraph, why in zip(result.paragraphs, reasons, strict=True):
        state = "KEEP" if paragraph.kept else "drop"
        snippet = " ".join(paragraph.text.split())[:90]
        lines.append(f"[{paragraph.index}] {state} {paragraph.label} {paragraph.score:.2f}  {snippet}")
        probabilities = ", ".join(
            f"{label} {p:.2f}"
            for label, p in sorted(zip(LABELS, paragraph.probabilities, strict=True), key=lambda x: -x[1])[:3]
        )
        lines.append(f"    probabilities: {probabilities}")
        if paragraph.rule is not None:
            lines.append(f"    kept by the document rule '{paragraph.rule}': {RULE_REASONS[paragraph.rule]}")
        for reason in why:
            stage = "context" if reason.column.startswith("context.") else "paragraph"
            lines.append(f"    {reason.contribution:+.2f}  {reason.column} = {reason.value:.3g}  ({stage})")
        for sentence in paragraph.sentences or ():
            mark = "*" if sentence.label == "opinion" else " "
            lines.append(f"    opinion {sentence.opinion:.2f}{mark} sentence: {' '.join(sentence.text.split())[:80]}")
    return "\n".join(lines)
