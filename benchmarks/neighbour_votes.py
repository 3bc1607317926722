"""Would a learned context pass help? Stacking the model's own verdicts on neighbours, by site CV.

The shipped context pass (``classifier/context.py``) shows the model ten hand-picked
stage-one columns of each paragraph's neighbours. This experiment tries the classic
stacked alternative: the out-of-fold label probabilities of a first model, for the
paragraph and its neighbours, as extra columns of a second model.

1. Site cross-validation as ``python -m classifier.crossval`` (4 folds of training sites,
   HTML examples, 150 rounds): out-of-fold probabilities P1, also cut at 60 rounds.
2. Vote columns from P1, per document: the paragraph's own eight probabilities, the
   eight of each adjacent paragraph, P(kept) two and three paragraphs away, P(kept)
   averaged over five paragraphs either side, the document's mean P(kept), and the
   signed distance to the first and the last paragraph with P(kept) >= 0.5.
3. The same cross-validation again on the features plus those columns.

Each paragraph's P1 comes from a model that never saw its site; the second model's
training rows carry P1 from models that saw the other training folds *and* the test
fold, a mild leak in the stacked model's favour (standard non-nested stacking).

    python benchmarks/neighbour_votes.py training_data/seeds.jsonl training_data/corpora/wcxb-dev.labels.jsonl \
        training_data/corpora/scrapinghub.labels.jsonl training_data/corpora/readability.labels.jsonl \
        training_data/corpora/reviewed/*.labels.jsonl training_data/corpora/pages/wcxb-dev-pages.labels.jsonl \
        training_data/corpora/snippets/trafilatura-snippets.labels.jsonl

(the files in this order, as the cross-validation in ``docs/evaluation.md``: LightGBM's
bagging draws rows by position, so another order gives slightly other figures.)

Prints one JSON line per model (first model at 150 and 60 rounds, stacked on each):
token F1 at keep threshold 0.35 overall, by format and by labels file, keep/drop accuracy
by labels file, paragraph accuracy, macro-F1 and per-label F1. About 25 minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections.abc import Sequence

import numpy as np

from classifier.context import shifted
from classifier.crossval import KEPT, CrossValidation, cross_validate, report
from classifier.dataset import is_held_out, load_labeled
from classifier.training import TrainingConfig

THRESHOLD = 0.35
FOLDS = 4
FIRST_ROUNDS = 60


def document_votes(probabilities: np.ndarray) -> np.ndarray:
    """Vote columns (see the module docstring) for one document's rows of probabilities."""
    n = len(probabilities)
    kept = probabilities[:, KEPT].sum(axis=1)
    parts = [probabilities, shifted(probabilities, -1), shifted(probabilities, 1)]
    parts += [shifted(kept, offset)[:, None] for offset in (-3, -2, 2, 3)]
    cumulative = np.concatenate([[0.0], np.cumsum(kept)])
    positions = np.arange(n)
    lo, hi = np.maximum(positions - 5, 0), np.minimum(positions + 6, n)
    parts.append(((cumulative[hi] - cumulative[lo]) / (hi - lo))[:, None])
    parts.append(np.full((n, 1), kept.mean() if n else 0.0))
    anchors = np.flatnonzero(kept >= 0.5)
    if len(anchors):
        parts.append(np.clip(positions - anchors[0], -50, 50)[:, None].astype(float))
        parts.append(np.clip(anchors[-1] - positions, -50, 50)[:, None].astype(float))
    else:
        parts += [np.full((n, 1), np.nan), np.full((n, 1), np.nan)]
    return np.hstack(parts)


def vote_features(probabilities: np.ndarray, counts: Sequence[int]) -> np.ndarray:
    """Vote columns for stacked documents with these paragraph counts."""
    bounds = np.cumsum([0, *counts])
    return np.vstack([document_votes(probabilities[a:b]) for a, b in zip(bounds[:-1], bounds[1:], strict=True)])


def summary(result: CrossValidation, name: str) -> dict:
    """The scores this experiment compares, at the shipped keep threshold."""
    table = report(result, THRESHOLD)
    return {
        "name": name,
        "token_f1": table["token_f1"],
        "by_format": table["token_f1_by_format"],
        "by_file": table["token_f1_by_file_and_format"],
        "keep_accuracy": table["keep_accuracy_by_file_and_format"],
        "accuracy": table["accuracy"],
        "macro_f1": table["macro_f1"],
        "reporting_dropped": table["reporting_dropped"],
        "f1": {label: stats["f1"] for label, stats in table["per_label"].items()},
    }


def main() -> None:
    """Run both cross-validations and print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="+")
    args = parser.parse_args()
    documents = [d for d in load_labeled(args.data, html_examples=True) if not is_held_out(d) and not d.sentences_only]
    config = TrainingConfig()
    first = cross_validate(documents, config, FOLDS, stages=[FIRST_ROUNDS])
    print(json.dumps(summary(first, f"first model, {config.rounds} rounds")), flush=True)
    cut = dataclasses.replace(first, probabilities=first.staged[FIRST_ROUNDS])
    print(json.dumps(summary(cut, f"first model, {FIRST_ROUNDS} rounds")), flush=True)
    counts = [len(d.document.blocks) for d in first.documents]
    first_models = {FIRST_ROUNDS: cut.probabilities, config.rounds: first.probabilities}
    for rounds, probabilities in first_models.items():
        votes = vote_features(probabilities, counts)
        data = dataclasses.replace(first.data, features=np.hstack([first.data.features, votes]))
        stacked = cross_validate(first.documents, config, FOLDS, data=data)
        print(json.dumps(summary(stacked, f"stacked on {rounds} rounds")), flush=True)


if __name__ == "__main__":
    main()
