"""How much of cleaning time the eight-label model's prediction takes, and what fewer trees would save.

Cleans the first ``--docs`` wcxb-dev pages in text mode (timed), then predicts their stacked
feature matrix (best of three each, single thread) three ways: every tree; as the cleaner does,
with prediction early stopping (``classifier.bundle.EARLY_STOP_MARGIN``); and with early stopping
and only the first ``--rounds`` rounds. The shares are of the cleaning time, whose prediction is
the early-stopped one.

    python benchmarks/prediction_cost.py [--docs 150] [--rounds 100]
"""

from __future__ import annotations

import argparse
import json
import time
from itertools import islice

import numpy as np

from classifier import ArticleCleaner
from classifier.bundle import early_stop_options
from classifier.cleaner import segment
from classifier.corpora import corpora_dir, read_corpus


def best_seconds(work, repeats: int = 3) -> float:
    """The fastest of ``repeats`` timed calls."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def wcxb_pages(docs: int, mode: str = "text") -> list[str]:
    """The first ``docs`` wcxb-dev pages: text scrapes (their paragraphs joined), or their HTML."""
    records = islice(read_corpus(corpora_dir() / "wcxb-dev.jsonl.gz"), docs)
    if mode == "html":
        return [r.get("html") or "" for r in records]
    return ["\n\n".join(p["text"] for p in r.get("paragraphs") or []) for r in records]


def stacked_rows(cleaner: ArticleCleaner, texts: list[str]) -> np.ndarray:
    """The eight-label model's input rows of all texts (text mode), stacked."""
    return np.vstack([cleaner.document_features(segment(t, "text")) for t in texts])


def main() -> None:
    """Print one JSON line of timings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=150)
    parser.add_argument("--rounds", type=int, default=100)
    args = parser.parse_args()
    texts = wcxb_pages(args.docs)
    cleaner = ArticleCleaner.load()
    list(cleaner.clean_many(texts[:5], format="text"))  # warm-up
    cleaning = best_seconds(lambda: list(cleaner.clean_many(texts, format="text")), repeats=1)
    stacked = stacked_rows(cleaner, texts)
    booster = cleaner.bundle.booster
    full = best_seconds(lambda: booster.predict(stacked, num_threads=1))
    early = best_seconds(lambda: booster.predict(stacked, num_threads=1, **early_stop_options()))
    cut = best_seconds(
        lambda: booster.predict(stacked, num_iteration=args.rounds, num_threads=1, **early_stop_options())
    )
    print(
        json.dumps(
            {
                "docs": len(texts),
                "paragraphs": int(stacked.shape[0]),
                "trees_per_class": booster.current_iteration(),
                "clean_seconds": round(cleaning, 2),
                "predict_seconds": round(full, 2),
                "predict_seconds_early_stop": round(early, 2),
                f"predict_seconds_{args.rounds}_rounds": round(cut, 2),
                "predict_share_of_cleaning": round(early / cleaning, 3),
                "saving_share_of_cleaning": round((early - cut) / cleaning, 3),
            }
        )
    )


if __name__ == "__main__":
    main()
