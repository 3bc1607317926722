"""Counts per label in labeled JSONL files, as a markdown table.

    python -m classifier.label_stats training_data/seeds.jsonl training_data/corpora/*.labels.jsonl \
        training_data/corpora/reviewed/*.labels.jsonl training_data/sentences/*.labels.jsonl

(For sentence files, "pages" counts pages and the counts are sentences; "unlabeled" counts
paragraphs whose label is null.)
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from .dataset import read_jsonl
from .labels import LABELS


def label_of(entry: object) -> str | None:
    """The label of a full-text paragraph, reference paragraph or labeled-sentence entry."""
    return entry[-1] if isinstance(entry, list) else entry["label"]  # type: ignore[index]


def count_file(path: Path) -> tuple[int, Counter[str | None]]:
    """(records, label counts; None for unlabeled paragraphs) of one file."""
    counts: Counter[str | None] = Counter()
    records = 0
    for _number, record in read_jsonl(path):
        records += 1
        counts.update(label_of(p) for p in record.get("paragraphs") or record.get("sentences", []))
    return records, counts


def main() -> None:
    """Print a markdown table of label counts per file."""
    columns = (*LABELS, None)
    print("| file | pages | " + " | ".join(label or "unlabeled" for label in columns) + " |")
    print("|" + "---|" * (len(columns) + 2))
    for name in sys.argv[1:]:
        records, counts = count_file(Path(name))
        print(f"| `{name}` | {records} | " + " | ".join(f"{counts.get(label, 0):,}" for label in columns) + " |")


if __name__ == "__main__":
    main()
