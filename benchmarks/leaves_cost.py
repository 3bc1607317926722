"""What larger trees would cost at prediction: the shipped booster against one with more leaves.

Trains the eight-label booster with ``--leaves`` leaves per tree on the given label files
(training sites, HTML examples, as the README's command does; the opinion head is not
trained), then predicts the stacked text-mode feature rows of the first ``--docs`` wcxb-dev
pages with both boosters (single thread, best of three each).

    python benchmarks/leaves_cost.py training_data/seeds.jsonl training_data/corpora/*.labels.jsonl \
        training_data/corpora/reviewed/*.labels.jsonl training_data/corpora/pages/*.labels.jsonl --leaves 63
"""

from __future__ import annotations

import argparse
import json

import lightgbm as lgb
from prediction_cost import best_seconds, stacked_rows, wcxb_pages  # this directory: run as a file

from classifier import ArticleCleaner
from classifier.dataset import is_held_out, load_labeled
from classifier.training import TrainingConfig, build_training_set, train_model_text


def main() -> None:
    """Print one JSON line: both boosters' prediction seconds and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="+")
    parser.add_argument("--leaves", type=int, default=63)
    parser.add_argument("--docs", type=int, default=150)
    args = parser.parse_args()
    documents = [d for d in load_labeled(args.data, html_examples=True) if not is_held_out(d) and not d.sentences_only]
    larger = lgb.Booster(
        model_str=train_model_text(build_training_set(documents), TrainingConfig(num_leaves=args.leaves))
    )
    cleaner = ArticleCleaner.load()
    stacked = stacked_rows(cleaner, wcxb_pages(args.docs))
    shipped_seconds = best_seconds(lambda: cleaner.bundle.booster.predict(stacked, num_threads=1))
    larger_seconds = best_seconds(lambda: larger.predict(stacked, num_threads=1))
    print(
        json.dumps(
            {
                "paragraphs": int(stacked.shape[0]),
                "shipped_leaves": cleaner.bundle.manifest["training"]["config"]["num_leaves"],
                "larger_leaves": args.leaves,
                "shipped_predict_seconds": round(shipped_seconds, 2),
                "larger_predict_seconds": round(larger_seconds, 2),
                "ratio": round(larger_seconds / shipped_seconds, 2),
                "larger_model_chars": len(larger.model_to_string()),
            }
        )
    )


if __name__ == "__main__":
    main()
