"""Where cleaning time goes: each stage timed apart on the same pages.

Cleans the first ``--docs`` wcxb-dev pages (text scrapes or their HTML) with
``ArticleCleaner.clean_many``, then times each stage on its own over the same pages:
segmentation, the shared paragraph view, every feature family, the context pass,
the eight-label model's prediction, the opinion head and the per-paragraph decisions
(with the profile). Single thread; the share is of the whole cleaning run.

    python benchmarks/stage_cost.py [--docs 100] [--mode text|html]
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from typing import Any

import numpy as np
from prediction_cost import wcxb_pages  # this directory: run as a file

from classifier import ArticleCleaner
from classifier.cleaner import _Prepared, segment  # the decision step is timed alone
from classifier.context import context_features
from classifier.featurize import stage_one
from classifier.text import plain_text
from features import families
from features.base import build_view


def timed(work: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds one call takes, and its result."""
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def stage_seconds(cleaner: ArticleCleaner, pages: list[str], mode: str) -> dict[str, float]:
    """Seconds of each stage over all pages, in pipeline order."""
    seconds: dict[str, float] = {}
    seconds["segmentation"], documents = timed(lambda: [segment(page, mode) for page in pages])
    seconds["paragraph view"], views = timed(lambda: [build_view(d) for d in documents])
    for family in families():
        seconds[f"family {family.name}"], _ = timed(lambda f=family: [f.extract(v) for v in views])
    firsts = [stage_one(d) for d in documents]
    seconds["context pass"], _ = timed(
        lambda: [
            context_features(matrix, columns, [b.text for b in d.blocks])
            for d, (matrix, columns) in zip(documents, firsts, strict=True)
        ]
    )
    matrices = [cleaner.document_features(d) for d in documents]
    stacked = np.vstack(matrices)
    counts = [len(m) for m in matrices]
    seconds["eight-label model"], probabilities = timed(lambda: cleaner.bundle.predict_proba(stacked))
    texts = [plain_text(b.text) for d in documents for b in d.blocks]
    seconds["opinion head"], opinion = timed(lambda: cleaner.bundle.predict_opinion(stacked, texts))
    if opinion is None:
        opinion = np.full(stacked.shape[0], np.nan)
    prepared = [_Prepared(d, m) for d, m in zip(documents, matrices, strict=True)]
    bounds = np.cumsum([0, *counts])
    seconds["decisions and profile"], _ = timed(
        lambda: [
            cleaner._result(item, probabilities[a:b], opinion[a:b])
            for item, a, b in zip(prepared, bounds[:-1], bounds[1:], strict=True)
        ]
    )
    return seconds


def main() -> None:
    """Print one JSON object: the whole run's seconds and each stage's seconds and share."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--mode", choices=("text", "html"), default="text")
    args = parser.parse_args()
    pages = wcxb_pages(args.docs, args.mode)
    cleaner = ArticleCleaner.load()
    list(cleaner.clean_many(pages[:3], format=args.mode))  # warm-up
    total, _ = timed(lambda: list(cleaner.clean_many(pages, format=args.mode)))
    stages = stage_seconds(cleaner, pages, args.mode)
    print(
        json.dumps(
            {
                "docs": len(pages),
                "mode": args.mode,
                "clean_seconds": round(total, 2),
                "stages": {name: {"seconds": round(s, 2), "share": round(s / total, 3)} for name, s in stages.items()},
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
