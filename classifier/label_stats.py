"""Counts per label in labeled JSONL files, as a markdown table.

    python -m classifier.label_stats training_data/seeds.jsonl training_data/corpora/*.labels.jsonl \
        training_data/corpora/reviewed/*.labels.jsonl training_data/sentences/*.labels.jsonl

(For sentence files, "pages" counts pages and the counts are sentences.)
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from .dataset import read_jsonl
from .labels import LABELS


def label_of(entry: object) -> str:
    """The label of a full-text paragraph, reference paragraph or labeled-sentence entry."""
    return entry[-1] if isinstance(entry, list) else entry["label"]  # type: ignore[index]


def count_file(path: Path) -> tuple[int, Counter[str]]:
    """(records, label counts) of one file."""
    counts: Counter[str] = Counter()
    records = 0
    for _number, record in read_jsonl(path):
        records += 1
        counts.update(label_of(p) for p in record.get("paragraphs") or record.get("sentences", []))
    return records, counts


def main() -> None:
    """Print a markdown table of label counts per file."""
    header = "| file | pages | " + " | ".join(LABELS) + " |"
    print(header)
    print("|" + "---|" * (len(LABELS) + 2))
    for name in sys.argv[1:]:
        records, counts = count_file(Path(name))
        print(f"| `{name}` | {records} | " + " | ".join(f"{counts.get(label, 0):,}" for label in LABELS) + " |")


if __name__ == "__main__":
    main()
