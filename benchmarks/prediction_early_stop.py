"""What LightGBM's prediction early stopping changes, by site cross-validation.

Trains the cross-validation's fold models once (``classifier.crossval.fold_boosters``: 4 folds
of training sites, HTML examples, 150 rounds) and predicts each test fold with every tree
and with early stopping at several margins (checked every 10 rounds; the cleaner uses
``classifier.bundle.EARLY_STOP_MARGIN``), single thread. For each it prints one JSON line:
prediction seconds summed over the folds, token F1 at keep threshold 0.35 (all, HTML
pages, text scrapes), and how many paragraphs get another label or another keep decision
than with every tree.

    python benchmarks/prediction_early_stop.py training_data/seeds.jsonl \\
        training_data/corpora/wcxb-dev.labels.jsonl training_data/corpora/scrapinghub.labels.jsonl \\
        training_data/corpora/readability.labels.jsonl training_data/corpora/reviewed/*.labels.jsonl \\
        training_data/corpora/pages/wcxb-dev-pages.labels.jsonl \\
        training_data/corpora/snippets/trafilatura-snippets.labels.jsonl

(the files in this order, as the cross-validation in ``docs/evaluation.md``.) About 15
minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import time

import lightgbm as lgb
import numpy as np

from classifier.bundle import early_stop_options
from classifier.crossval import CrossValidation, fold_boosters, kept_mask, predicted_labels, token_f1_at, trainable_rows
from classifier.dataset import is_held_out, load_labeled
from classifier.labels import LABELS
from classifier.training import TrainingConfig, build_training_set

FOLDS = 4
THRESHOLD = 0.35
MARGINS = (1.0, 2.0, 3.0, 4.0)


def main() -> None:
    """Print one JSON line for every tree, then one per early-stopping margin."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="+")
    parser.add_argument("--corpora", default=None)
    parser.add_argument("--margins", default=",".join(map(str, MARGINS)))
    args = parser.parse_args()
    margins = [float(m) for m in args.margins.split(",") if m.strip()]
    documents = [
        d
        for d in load_labeled(args.data, args.corpora, html_examples=True)
        if not is_held_out(d) and not d.sentences_only
    ]
    data = build_training_set(documents)
    settings: dict[str, dict] = {"every tree": {}, **{f"margin {m}": early_stop_options(m) for m in margins}}
    probabilities = {name: np.zeros((len(data.labels), len(LABELS))) for name in settings}
    seconds = dict.fromkeys(settings, 0.0)
    for test, trained in fold_boosters(data, TrainingConfig(rounds=150), FOLDS, trainable_rows(documents)):
        booster = lgb.Booster(model_str=trained.model_to_string())  # as a bundle loads it
        for name, options in settings.items():
            start = time.perf_counter()
            probabilities[name][test] = booster.predict(data.features[test], num_threads=1, **options)
            seconds[name] += time.perf_counter() - start
    reference = CrossValidation(documents=documents, data=data, probabilities=probabilities["every tree"])
    reference_labels = np.array(predicted_labels(reference.probabilities, THRESHOLD))
    reference_kept = kept_mask(reference.probabilities, THRESHOLD)
    for name, chosen in probabilities.items():
        result = dataclasses.replace(reference, probabilities=chosen)
        print(
            json.dumps(
                {
                    "prediction": name,
                    "paragraphs": len(data.labels),
                    "predict_seconds": round(seconds[name], 1),
                    "token_f1": round(token_f1_at(result, THRESHOLD), 4),
                    "token_f1_html": round(token_f1_at(result, THRESHOLD, "html"), 4),
                    "token_f1_text": round(token_f1_at(result, THRESHOLD, "text"), 4),
                    "labels_changed": int((np.array(predicted_labels(chosen, THRESHOLD)) != reference_labels).sum()),
                    "keep_decisions_changed": int((kept_mask(chosen, THRESHOLD) != reference_kept).sum()),
                }
            ),
            flush=True,
        )


if __name__ == "__main__":
    main()
