"""Site-grouped cross-validation: per-label scores and keep-threshold choice.

Folds are made of whole sites, so no page of a test fold's site is ever
trained on. Documents are featurized once; each fold trains on the others.

    python -m classifier.crossval training_data/seeds.jsonl training_data/corpora/*.labels.jsonl \
        --sites training --folds 5
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .bundle import early_stop_options
from .dataset import LabeledDocument, is_held_out, load_labeled, origin_file
from .keep_rules import decide_keeps
from .labels import KEPT_LABELS, LABELS
from .metrics import PRF, label_report, mean_prf, token_prf
from .text import output_text
from .training import TrainingConfig, TrainingSet, build_training_set, lightgbm_params

KEPT = np.array([label in KEPT_LABELS for label in LABELS])
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.2, 0.81, 0.05))


@dataclass(frozen=True)
class CrossValidation:
    """Out-of-fold class probabilities for every paragraph."""

    documents: Sequence[LabeledDocument]
    data: TrainingSet
    probabilities: np.ndarray
    # Out-of-fold probabilities of the same models cut at fewer rounds, by round count.
    staged: dict[int, np.ndarray] = dataclasses.field(default_factory=dict)


def site_fold(site: str, folds: int) -> int:
    """The fold a site belongs to (stable across runs and machines)."""
    return int(hashlib.md5(site.encode("utf-8")).hexdigest(), 16) % folds


def fold_boosters(
    data: TrainingSet, config: TrainingConfig, folds: int, trainable: np.ndarray
) -> Iterator[tuple[np.ndarray, Any]]:
    """For each fold of sites, its test rows (a mask) and a booster trained on the other folds.

    Only ``trainable`` labeled rows of the other folds are trained on, weighted as in
    training: class weights times each record's own weight. A fold with no test rows or
    nothing to train on is skipped.
    """
    import lightgbm as lgb

    from .training import class_weights

    fold_of_row = np.array([site_fold(site, folds) for site in data.sites])
    for fold in range(folds):
        train, test = (fold_of_row != fold) & trainable & data.labeled, fold_of_row == fold
        if not test.any() or not train.any():
            continue
        dataset = lgb.Dataset(
            data.features[train],
            label=data.labels[train],
            weight=class_weights(data.labels[train], config.class_weight_power) * data.weights[train],
        )
        yield test, lgb.train(lightgbm_params(config), dataset, num_boost_round=config.rounds)


def trainable_rows(documents: Sequence[LabeledDocument], score_only_files: frozenset[str] = frozenset()) -> np.ndarray:
    """Row mask: paragraphs of documents not from a score-only labels file."""
    return np.repeat(
        [origin_file(d) not in score_only_files for d in documents], [len(d.document.blocks) for d in documents]
    ).astype(bool)


def cross_validate(
    documents: Sequence[LabeledDocument],
    config: TrainingConfig,
    folds: int,
    stages: Sequence[int] = (),
    score_only_files: frozenset[str] = frozenset(),
    data: TrainingSet | None = None,
) -> CrossValidation:
    """Train one model per fold of sites and predict the held-out fold.

    ``stages`` (round counts below ``config.rounds``) also predicts with each
    fold's model cut at that many rounds: a smaller, faster model's score
    without training it again. Documents from the labels files named in
    ``score_only_files`` are predicted like the others but never trained on,
    so adding training data can be judged on pages the baseline also scores.
    ``data`` is the documents' training set when already built (an experiment's
    extra columns); by default it is built here.
    """
    documents = [d for d in documents if not d.sentences_only]
    data = build_training_set(documents) if data is None else data
    probabilities = np.zeros((len(data.labels), len(LABELS)))
    staged = {k: np.zeros_like(probabilities) for k in stages if 0 < k < config.rounds}
    for test, booster in fold_boosters(data, config, folds, trainable_rows(documents, score_only_files)):
        # Early stopping as the cleaner predicts (``ModelBundle.predict_proba``).
        probabilities[test] = booster.predict(data.features[test], **early_stop_options())
        for rounds, cut in staged.items():
            cut[test] = booster.predict(data.features[test], num_iteration=rounds, **early_stop_options())
    return CrossValidation(documents=documents, data=data, probabilities=probabilities, staged=staged)


def save_probabilities(result: CrossValidation, path: str) -> None:
    """Out-of-fold probabilities, true labels and each document's paragraph count, as .npz."""
    np.savez_compressed(
        path,
        probabilities=result.probabilities,
        labels=result.data.labels,
        paragraphs=np.array([len(d.document.blocks) for d in result.documents]),
        ids=np.array([d.id for d in result.documents]),
        **{f"stage_{rounds}": cut for rounds, cut in result.staged.items()},
    )


def kept_mask(probabilities: np.ndarray, threshold: float) -> np.ndarray:
    """Which paragraphs are kept at a keep threshold."""
    return probabilities[:, KEPT].sum(axis=1) >= threshold


def document_keeps(result: CrossValidation, threshold: float) -> np.ndarray:
    """Which paragraphs are kept as the cleaner keeps them: the threshold, then each
    document's keep rule (``keep_rules.decide_keeps``)."""
    p_kept = result.probabilities[:, KEPT].sum(axis=1)
    keep = np.zeros(len(p_kept), dtype=bool)
    offset = 0
    for doc in result.documents:
        rows = slice(offset, offset + len(doc.document.blocks))
        keep[rows] = decide_keeps(p_kept[rows].tolist(), threshold).kept
        offset = rows.stop
    return keep


def predicted_labels(probabilities: np.ndarray, threshold: float, keep: np.ndarray | None = None) -> list[str]:
    """Labels as the cleaner assigns them (best label on the kept/dropped side);
    ``keep``: the keep decisions when not the threshold's alone."""
    keep = kept_mask(probabilities, threshold) if keep is None else keep
    side = np.where(keep[:, None] == KEPT[None, :], probabilities, -1.0)
    return [LABELS[i] for i in side.argmax(axis=1)]


def _document_scores(result: CrossValidation, threshold: float) -> list[tuple[LabeledDocument, PRF]]:
    """Each document with a whole reference body, with the token P/R/F1 of its kept body at a threshold."""
    keep = document_keeps(result, threshold)
    scores, offset = [], 0
    for doc in result.documents:
        count = len(doc.document.blocks)
        if doc.has_reference_body:
            blocks = zip(doc.document.blocks, keep[offset : offset + count], strict=True)
            kept = [output_text(b.text) for b, k in blocks if k]
            scores.append((doc, token_prf("\n".join(kept), doc.reference_text)))
        offset += count
    return scores


def keep_accuracy_by_file_and_format(result: CrossValidation, threshold: float) -> dict[str, float]:
    """Share of labeled paragraphs kept or dropped rightly, per labels file and input format.

    The one body score of partly labeled pages (the snippet corpus), and comparable across files."""
    keep = document_keeps(result, threshold)
    should_keep = np.isin(result.data.labels, [i for i, label in enumerate(LABELS) if label in KEPT_LABELS])
    right: dict[str, list[int]] = {}
    offset = 0
    for doc in result.documents:
        rows = slice(offset, offset + len(doc.document.blocks))
        labeled = result.data.labeled[rows]
        tally = right.setdefault(f"{origin_file(doc)} {doc.document.input_format}", [0, 0])
        tally[0] += int((keep[rows] == should_keep[rows])[labeled].sum())
        tally[1] += int(labeled.sum())
        offset = rows.stop
    return {name: round(hit / total, 4) for name, (hit, total) in sorted(right.items()) if total}


def _mean_f1(scores: list[tuple[LabeledDocument, PRF]], input_format: str | None = None) -> float:
    chosen = [prf for doc, prf in scores if input_format is None or doc.document.input_format == input_format]
    return mean_prf(chosen).f1 if chosen else float("nan")


def _mean_f1_by(scores: list[tuple[LabeledDocument, PRF]], key: Callable[[LabeledDocument], str]) -> dict[str, float]:
    groups: dict[str, list[PRF]] = {}
    for doc, prf in scores:
        groups.setdefault(key(doc), []).append(prf)
    return {name: round(mean_prf(groups[name]).f1, 4) for name in sorted(groups)}


def token_f1_at(result: CrossValidation, threshold: float, input_format: str | None = None) -> float:
    """Mean per-document token F1 of the kept body at a threshold (only ``input_format`` documents if given)."""
    return _mean_f1(_document_scores(result, threshold), input_format)


def sweep_by_format(
    scores: dict[float, list[tuple[LabeledDocument, PRF]]],
) -> dict[str, dict[float, float]]:
    """Mean token F1 at each threshold, per input format (``scores``: documents' scores by threshold)."""
    by_threshold = {t: _mean_f1_by(chosen, lambda doc: doc.document.input_format) for t, chosen in scores.items()}
    formats = sorted({form for per_format in by_threshold.values() for form in per_format})
    return {form: {t: per_format[form] for t, per_format in by_threshold.items()} for form in formats}


def report(result: CrossValidation, threshold: float, scores: list[tuple[LabeledDocument, PRF]] | None = None) -> dict:
    """Per-label table, confusion and body scores at one threshold (``scores``: the
    documents' scores at that threshold when already computed)."""
    labeled = result.data.labeled
    truth = [LABELS[i] for i in result.data.labels[labeled]]
    keep = document_keeps(result, threshold)[labeled]
    labels = label_report(truth, predicted_labels(result.probabilities[labeled], threshold, keep))
    reporting = np.array([t == "reporting" for t in truth])
    if scores is None:
        scores = _document_scores(result, threshold)
    return {
        "threshold": threshold,
        "token_f1": round(_mean_f1(scores), 4),
        "token_f1_by_format": _mean_f1_by(scores, lambda doc: doc.document.input_format),
        "token_f1_by_file_and_format": _mean_f1_by(
            scores, lambda doc: f"{origin_file(doc)} {doc.document.input_format}"
        ),
        # Corpus pages by their page type; the user's own full-text records as "own".
        "token_f1_by_page_type_and_format": _mean_f1_by(
            scores, lambda doc: f"{doc.page_type or 'own'} {doc.document.input_format}"
        ),
        "keep_accuracy_by_file_and_format": keep_accuracy_by_file_and_format(result, threshold),
        "reporting_dropped": round(float((~keep[reporting]).mean()) if reporting.any() else 0.0, 4),
        "accuracy": round(labels.accuracy, 4),
        "macro_f1": round(labels.macro_f1, 4),
        "per_label": {
            label: {
                "precision": round(s.precision, 3),
                "recall": round(s.recall, 3),
                "f1": round(s.f1, 3),
                "support": labels.support[label],
            }
            for label, s in labels.per_label.items()
        },
        "confusion": labels.confusion,
    }


def main() -> None:
    """Run site-grouped cross-validation and print a JSON report."""
    parser = argparse.ArgumentParser(description="Site-grouped cross-validation")
    parser.add_argument("data", nargs="+")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=TrainingConfig.rounds)
    parser.add_argument("--num-leaves", type=int, default=TrainingConfig.num_leaves)
    parser.add_argument(
        "--seed", type=int, default=TrainingConfig.seed, help="LightGBM seed (rerun with others: a retrain's spread)"
    )
    parser.add_argument("--sites", choices=("all", "training"), default="training")
    parser.add_argument("--corpora", default=None)
    parser.add_argument("--html-examples", action="store_true")
    parser.add_argument("--threshold", type=float, default=None, help="report at this keep threshold (default: best)")
    parser.add_argument(
        "--stages", default="", help="comma-separated smaller round counts to score too, e.g. 50,100 (same folds)"
    )
    parser.add_argument("--save", default=None, help="also write the out-of-fold probabilities to this .npz")
    parser.add_argument(
        "--score-only",
        action="append",
        default=[],
        metavar="FILE",
        help="labels file whose pages are scored but never trained on (repeatable)",
    )
    args = parser.parse_args()
    stages = [int(k) for k in args.stages.split(",") if k.strip()]
    documents = load_labeled([*args.data, *args.score_only], args.corpora, html_examples=args.html_examples)
    if args.sites == "training":
        documents = [d for d in documents if not is_held_out(d)]
    score_only = frozenset(Path(f).name for f in args.score_only)
    config = TrainingConfig(rounds=args.rounds, num_leaves=args.num_leaves, seed=args.seed)
    result = cross_validate(documents, config, args.folds, stages, score_only)
    if args.save:
        save_probabilities(result, args.save)
    scores = {t: _document_scores(result, t) for t in THRESHOLDS}
    sweep = {t: round(_mean_f1(scores[t]), 4) for t in THRESHOLDS}
    best = max(sweep, key=lambda t: (sweep[t], -abs(t - 0.5)))
    chosen = best if args.threshold is None else args.threshold
    staged = {
        rounds: {
            "threshold_sweep": {
                t: round(token_f1_at(dataclasses.replace(result, probabilities=cut), t), 4) for t in THRESHOLDS
            }
        }
        for rounds, cut in result.staged.items()
    }
    print(
        json.dumps(
            {
                "documents": len(documents),
                "folds": args.folds,
                "rounds": args.rounds,
                "threshold_sweep": sweep,
                "threshold_sweep_by_format": sweep_by_format(scores),
                "best_threshold": best,
                "reported_threshold": chosen,
                "at_threshold": report(result, chosen, scores.get(chosen)),
                "stages": staged,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
