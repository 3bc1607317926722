"""Validate two profile components against labels of our own.

* ``genre``: each labeled corpus page is cleaned in text mode (its paragraphs
  joined with blank lines) and the profile's genre is compared with the
  labeler's genre (``training_data/profile/genres.labels.jsonl``; with
  ``--dev``, the development set ``genres-dev.labels.jsonl`` that genre rules
  are developed on, so the first file stays a test).
* attribution: :func:`classifier.profile.is_attributed` on reporting paragraphs
  labeled attributed or not (``training_data/profile/attribution.labels.jsonl``).

Both files are references into ``../shared/corpora`` (record id, paragraph
index and text hash), like every corpus label in the project.

    python benchmarks/profile_validation.py [--model DIR] [--dev]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from classifier import ArticleCleaner
from classifier.corpora import corpora_dir, is_test_site, read_corpus, site_of, text_hash
from classifier.metrics import prf
from classifier.profile import is_attributed
from classifier.text import plain_text

LABELS_DIR = Path(__file__).resolve().parent.parent / "training_data" / "profile"
GENRES = ("news_report", "press_release", "opinion", "other")


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _sources(records: list[dict]) -> dict[str, dict]:
    wanted = {(r["corpus"], r["id"]) for r in records}
    found: dict[str, dict] = {}
    for corpus in sorted({c for c, _ in wanted}):
        for record in read_corpus(corpora_dir() / corpus):
            if (corpus, record["id"]) in wanted:
                found[record["id"]] = record
    return found


def validate_genres(cleaner: ArticleCleaner, path: Path) -> None:
    """Print genre accuracy (all pages, held-out sites) and the confusion."""
    labels = _records(path)
    sources = _sources(labels)
    texts = ["\n\n".join(p["text"] for p in sources[r["id"]]["paragraphs"]) for r in labels]
    predicted = [result.profile["genre"] for result in cleaner.clean_many(texts, format="text")]
    confusion: Counter[tuple[str, str]] = Counter()
    held_out = []
    for record, guess in zip(labels, predicted, strict=True):
        confusion[(record["genre"], guess)] += 1
        if is_test_site(site_of(sources[record["id"]])):
            held_out.append(record["genre"] == guess)
    correct = sum(confusion[(g, g)] for g in GENRES)
    print(f"genre: {len(labels)} pages, accuracy {correct / len(labels):.3f}", end="")
    if held_out:
        print(f"; held-out sites {len(held_out)} pages, accuracy {sum(held_out) / len(held_out):.3f}")
    else:
        print("; no pages from held-out sites")
    print("truth \\ predicted: " + " ".join(f"{g:>13}" for g in GENRES))
    for truth in GENRES:
        print(f"{truth:>18}: " + " ".join(f"{confusion[(truth, g)]:>13}" for g in GENRES))
    for genre in GENRES:
        score = prf(
            confusion[(genre, genre)],
            sum(confusion[(t, genre)] for t in GENRES),
            sum(confusion[(genre, p)] for p in GENRES),
        )
        print(f"  {genre}: P {score.precision:.3f} R {score.recall:.3f} F1 {score.f1:.3f}")


def validate_attribution(path: Path) -> None:
    """Print how well the attribution rule matches the labels."""
    labels = _records(path)
    sources = _sources(labels)
    pairs = []
    for record in labels:
        text = sources[record["id"]]["paragraphs"][record["paragraph"]]["text"]
        if text_hash(text) != record["hash"]:
            raise SystemExit(f"{record['id']} paragraph {record['paragraph']}: text drifted from its label")
        pairs.append((record["attributed"], is_attributed(plain_text(text))))
    both = sum(t and p for t, p in pairs)
    score = prf(both, sum(p for _, p in pairs), sum(t for t, _ in pairs))
    accuracy = sum(t == p for t, p in pairs) / len(pairs)
    truth_rate = sum(t for t, _ in pairs) / len(pairs)
    rule_rate = sum(p for _, p in pairs) / len(pairs)
    print(
        f"attribution: {len(pairs)} reporting paragraphs, accuracy {accuracy:.3f}; attributed P {score.precision:.3f} "
        f"R {score.recall:.3f} F1 {score.f1:.3f}; labeled rate {truth_rate:.3f}, rule's rate {rule_rate:.3f}"
    )


def main() -> None:
    """Run both validations."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--labels", default=str(LABELS_DIR))
    parser.add_argument(
        "--dev", action="store_true", help="score the genre development set (genres-dev.labels.jsonl) instead"
    )
    args = parser.parse_args()
    folder = Path(args.labels)
    genres = "genres-dev.labels.jsonl" if args.dev else "genres.labels.jsonl"
    validate_genres(ArticleCleaner.load(args.model), folder / genres)
    if not args.dev:
        validate_attribution(folder / "attribution.labels.jsonl")


if __name__ == "__main__":
    main()
