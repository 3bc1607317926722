"""Evaluation of a cleaner on labeled documents."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .cleaner import ArticleCleaner
from .dataset import LabeledDocument
from .labels import LABELS
from .metrics import PRF, LabelReport, label_report, mean_prf, token_prf


@dataclass(frozen=True)
class Evaluation:
    """What ``clean-article evaluate`` reports."""

    documents: int
    paragraphs: int
    labels: LabelReport
    token: PRF
    reporting_dropped: float
    kept_accuracy: float


def evaluate(cleaner: ArticleCleaner, documents: Sequence[LabeledDocument]) -> Evaluation:
    """Score paragraph labels and the cleaned body against the references.

    Unlabeled paragraphs are not scored, nor is the body of a document without a whole reference
    body (:attr:`LabeledDocument.has_reference_body`)."""
    truth: list[str] = []
    predicted: list[str] = []
    token_scores: list[PRF] = []
    reporting_total = reporting_dropped = kept_right = 0
    results = cleaner.clean_documents(doc.document for doc in documents)
    for doc, result in zip(documents, results, strict=True):
        for gold, paragraph in zip(doc.labels, result.paragraphs, strict=True):
            if gold is None:
                continue
            truth.append(gold)
            predicted.append(paragraph.label)
            kept_right += int(paragraph.kept == (gold in ("reporting", "opinion")))
            if gold == "reporting":
                reporting_total += 1
                reporting_dropped += int(not paragraph.kept)
        if doc.has_reference_body:
            token_scores.append(token_prf(result.text, doc.reference_text))
    return Evaluation(
        documents=len(documents),
        paragraphs=len(truth),
        labels=label_report(truth, predicted),
        token=mean_prf(token_scores),
        reporting_dropped=reporting_dropped / reporting_total if reporting_total else 0.0,
        kept_accuracy=kept_right / len(truth) if truth else 0.0,
    )


def format_evaluation(evaluation: Evaluation) -> str:
    """A plain-text report: per-label table, confusion matrix, body scores."""
    lines = [
        f"documents {evaluation.documents}  paragraphs {evaluation.paragraphs}",
        f"token P/R/F1 of cleaned body: {evaluation.token.precision:.3f} / "
        f"{evaluation.token.recall:.3f} / {evaluation.token.f1:.3f}",
        f"reporting paragraphs dropped: {evaluation.reporting_dropped:.2%}   "
        f"keep/drop accuracy: {evaluation.kept_accuracy:.3f}",
        f"label accuracy: {evaluation.labels.accuracy:.3f}   macro F1: {evaluation.labels.macro_f1:.3f}",
        "",
        f"{'label':<12}{'precision':>10}{'recall':>10}{'f1':>8}{'support':>9}",
    ]
    for label in LABELS:
        score = evaluation.labels.per_label[label]
        lines.append(
            f"{label:<12}{score.precision:>10.3f}{score.recall:>10.3f}{score.f1:>8.3f}"
            f"{evaluation.labels.support[label]:>9}"
        )
    lines += [
        "",
        "confusion (rows: truth, columns: predicted)",
        " " * 12 + "".join(f"{label[:8]:>9}" for label in LABELS),
    ]
    for truth in LABELS:
        lines.append(f"{truth:<12}" + "".join(f"{evaluation.labels.confusion[truth][p]:>9}" for p in LABELS))
    return "\n".join(lines)
