"""Review helper for corpus labels: show a record's paragraphs with their labels,
and write a reviewed record with corrections applied.

    python -m classifier.review show FILE.labels.jsonl LINE        # print one record
    python -m classifier.review apply FILE.labels.jsonl LINE OUT.labels.jsonl 'IDX=label,IDX-IDX=label'

``apply`` appends the record to OUT with the corrections and ``"reviewed": true``
(indices not named keep their current label).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .corpora import corpora_dir, read_corpus
from .labels import is_label


def _record_at(path: Path, line: int) -> dict:
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if number == line:
            return json.loads(text)
    raise SystemExit(f"{path}: no line {line}")


def _source(record: dict) -> dict:
    for source in read_corpus(corpora_dir() / record["corpus"]):
        if source["id"] == record["id"]:
            return source
    raise SystemExit(f"{record['id']}: not in {record['corpus']}")


def show(path: Path, line: int, width: int = 220) -> None:
    """Print a record: index, corpus binary label, current label, text."""
    record = _record_at(path, line)
    source = _source(record)
    print(f"# {record['id']}  site={record.get('site')}  title={source.get('title') or ''}")
    print(f"# url={source.get('url')}")
    for (index, _digest, label), paragraph in zip(record["paragraphs"], source["paragraphs"], strict=True):
        binary = "C" if paragraph["label"] == "content" else "-"
        text = " ".join(paragraph["text"].split())
        print(f"{index:>4} {binary} {label or '-':<11} {text[:width]}")


def parse_corrections(spec: str) -> dict[int, str]:
    """'3=opinion,10-12=caption' into {3: 'opinion', 10: 'caption', ...}."""
    corrections: dict[int, str] = {}
    for part in filter(None, (p.strip() for p in spec.split(","))):
        span, label = part.split("=")
        if not is_label(label):
            raise SystemExit(f"unknown label {label!r}")
        start, _, end = span.partition("-")
        for index in range(int(start), int(end or start) + 1):
            corrections[index] = label
    return corrections


def apply(path: Path, line: int, out: Path, spec: str) -> None:
    """Append the record with corrections applied and marked reviewed."""
    record = _record_at(path, line)
    corrections = parse_corrections(spec)
    count = len(record["paragraphs"])
    if any(index >= count for index in corrections):
        raise SystemExit(f"correction index out of range (record has {count} paragraphs)")
    record["paragraphs"] = [[i, d, corrections.get(i, label)] for i, d, label in record["paragraphs"]]
    record["reviewed"] = True
    with out.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")


def main() -> None:
    """Command-line entry for reviewers."""
    command, *args = sys.argv[1:] or ["help"]
    if command == "show" and len(args) >= 2:
        show(Path(args[0]), int(args[1]), int(args[2]) if len(args) > 2 else 220)
    elif command == "apply" and len(args) == 4:
        apply(Path(args[0]), int(args[1]), Path(args[2]), args[3])
    else:
        print(__doc__)


if __name__ == "__main__":
    main()
