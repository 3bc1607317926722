"""Sentence-level opinion labels on the shared corpora.

The opinion head decides, per sentence, whether the writer speaks in their own
voice. Paragraph labels teach it only loosely (an opinion paragraph often holds
a factual sentence, a reporting paragraph a stray judgement), so reviewers also
label single sentences. Like paragraph labels, they are stored as references,
never as text::

    {"corpus": "wcxb-dev.jsonl.gz", "id": "wcxb/dev-0001",
     "sentences": [[paragraph_index, sentence_index, sha1_prefix, "opinion"], ...]}

where the sentence is ``sentences(plain_text(paragraph))[sentence_index]``;
:func:`classifier.dataset.load_labeled` joins them with the corpus text.

    python -m classifier.sentence_labels worklist OUT_DIR --parts 4 [--pool reviewed|rule-labeled|more|news|held-out]
    python -m classifier.sentence_labels import WORKLIST.tsv LABELS.tsv OUT.labels.jsonl
    python -m classifier.sentence_labels written PREFIX OUT.labels.jsonl WRITTEN.tsv...

``written`` takes sentences that labelers wrote themselves (``TOPIC<TAB>O|R<TAB>sentence``;
see ``training_data/README.md``) and stores them as full text, one record per topic: the
text is the project's own, so it needs no corpus.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .corpora import corpora_dir, is_test_site, read_corpus, site_of, text_hash
from .dataset import read_jsonl
from .text import plain_text, sentences, words

SENTENCE_LABELS = ("reporting", "opinion")
CORPUS_LABELS_DIR = Path(__file__).resolve().parent.parent / "training_data" / "corpora"
REVIEWED_DIR = CORPUS_LABELS_DIR / "reviewed"
MIN_WORDS = 4


@dataclass(frozen=True)
class SentenceRef:
    """One sentence of a corpus record, located by paragraph and sentence index."""

    corpus: str
    record_id: str
    site: str
    paragraph: int
    index: int
    text: str
    paragraph_label: str


def record_sentences(record: dict, paragraph_labels: Iterable[tuple[int, str]], corpus: str) -> Iterator[SentenceRef]:
    """Sentences of the body paragraphs (reporting/opinion) of one corpus record."""
    site = site_of(record)
    for index, label in paragraph_labels:
        if label not in SENTENCE_LABELS:
            continue
        for position, sentence in enumerate(sentences(plain_text(record["paragraphs"][index]["text"]))):
            if len(words(sentence)) >= MIN_WORDS:
                yield SentenceRef(corpus, str(record["id"]), site, index, position, sentence, label)


def _stable_rank(ref: SentenceRef) -> str:
    return hashlib.sha1(f"{ref.record_id}/{ref.paragraph}/{ref.index}".encode()).hexdigest()


def _pages(paths: Iterable[Path]) -> list[dict]:
    return [record for path in paths for _number, record in read_jsonl(path)]


def reviewed_training_sentences(reviewed_dir: Path = REVIEWED_DIR, held_out: bool = False) -> list[SentenceRef]:
    """Body sentences of reviewed pages on training sites (or, with
    ``held_out``, only on held-out sites, for evaluation)."""
    return _body_sentences(_pages(sorted(reviewed_dir.glob("*.labels.jsonl"))), held_out)


def rule_labeled_sentences(
    labels_dir: Path = CORPUS_LABELS_DIR, per_page: int = 8, skip: set[tuple[str, int, int]] | None = None
) -> list[SentenceRef]:
    """A stable sample of body sentences (``per_page`` at most, none of
    ``skip``) from the training-site pages that only rules have labeled: more
    pages, more voices."""
    reviewed = {page["id"] for page in _pages(sorted((labels_dir / "reviewed").glob("*.labels.jsonl")))}
    pages = [p for p in _pages(sorted(labels_dir.glob("*.labels.jsonl"))) if p["id"] not in reviewed]
    chosen: list[SentenceRef] = []
    by_page: dict[str, list[SentenceRef]] = {}
    for ref in unlabeled(_body_sentences(pages, held_out=False), skip or set()):
        by_page.setdefault(ref.record_id, []).append(ref)
    for refs in by_page.values():
        keep = {id(r) for r in sorted(refs, key=_stable_rank)[:per_page]}
        chosen.extend(r for r in refs if id(r) in keep)
    return chosen


def _body_sentences(pages: list[dict], held_out: bool) -> list[SentenceRef]:
    by_corpus: dict[str, dict[str, dict]] = {}
    for page in pages:
        by_corpus.setdefault(page["corpus"], {})[page["id"]] = page
    refs: list[SentenceRef] = []
    for corpus, wanted in sorted(by_corpus.items()):
        for record in read_corpus(corpora_dir() / corpus):
            page = wanted.get(record["id"])
            if page is None or is_test_site(site_of(record)) != held_out:
                continue
            refs.extend(record_sentences(record, ((i, label) for i, _d, label in page["paragraphs"]), corpus))
    return refs


def labeled_keys(labels_dir: Path = CORPUS_LABELS_DIR.parent / "sentences") -> set[tuple[str, int, int]]:
    """(record id, paragraph, sentence) of every sentence already labeled."""
    return {
        (page["id"], paragraph, index)
        for page in _pages(sorted(labels_dir.glob("*.labels.jsonl")))
        for paragraph, index, _digest, _label in page["sentences"]
    }


def news_like(refs: list[SentenceRef], min_attributed: float = 0.25) -> list[SentenceRef]:
    """Sentences of pages where at least ``min_attributed`` of the body
    sentences name or describe a source (the profile's attribution rule):
    reporting and commentary on the news, the domain of CheckThat!."""
    from .profile import is_attributed

    by_page: dict[str, list[SentenceRef]] = {}
    for ref in refs:
        by_page.setdefault(ref.record_id, []).append(ref)
    kept: set[str] = {
        page
        for page, items in by_page.items()
        if sum(is_attributed(r.text) for r in items) >= min_attributed * len(items)
    }
    return [r for r in refs if r.record_id in kept]


def unlabeled(refs: list[SentenceRef], done: set[tuple[str, int, int]]) -> list[SentenceRef]:
    """The references not labeled yet."""
    return [r for r in refs if (r.record_id, r.paragraph, r.index) not in done]


def _chosen_in_order(refs: list[SentenceRef], chosen: Iterable[SentenceRef]) -> list[SentenceRef]:
    """The chosen references in the order of ``refs``, unique by text."""
    keep = {id(r) for r in chosen}
    seen: set[str] = set()
    result = []
    for ref in refs:
        if id(ref) in keep and ref.text not in seen:
            seen.add(ref.text)
            result.append(ref)
    return result


def sample(refs: list[SentenceRef], budget: int) -> list[SentenceRef]:
    """A stable sample of ``budget`` sentences, kept in reading order, unique by text."""
    return _chosen_in_order(refs, sorted(refs, key=_stable_rank)[:budget])


def select_for_review(refs: list[SentenceRef], reporting_budget: int) -> list[SentenceRef]:
    """Every sentence of opinion paragraphs, plus a stable sample of reporting
    sentences (two thirds from pages that hold opinion, where the hard cases
    are), deduplicated by text and kept in reading order."""
    opinion_pages = {r.record_id for r in refs if r.paragraph_label == "opinion"}
    chosen = [r for r in refs if r.paragraph_label == "opinion"]
    reporting = sorted((r for r in refs if r.paragraph_label == "reporting"), key=_stable_rank)
    near = [r for r in reporting if r.record_id in opinion_pages][: reporting_budget * 2 // 3]
    far = [r for r in reporting if r.record_id not in opinion_pages][: reporting_budget - len(near)]
    return _chosen_in_order(refs, chosen + near + far)


def write_worklists(refs: list[SentenceRef], out_dir: Path, parts: int) -> None:
    """Split the sentences into ``parts`` TSV files of whole pages (key, text)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    pages: dict[str, list[SentenceRef]] = {}
    for ref in refs:
        pages.setdefault(ref.record_id, []).append(ref)
    buckets: list[list[SentenceRef]] = [[] for _ in range(parts)]
    for page in sorted(pages.values(), key=len, reverse=True):
        min(buckets, key=len).extend(page)
    for number, bucket in enumerate(buckets):
        lines = [f"{r.corpus}\t{r.record_id}\t{r.paragraph}\t{r.index}\t{' '.join(r.text.split())}" for r in bucket]
        (out_dir / f"part-{number}.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def import_labels(worklist: Path, answers: Path, out: Path) -> int:
    """Join a worklist with a reviewer's ``LINE<TAB>O|R`` answers (1-based line
    numbers) into reference records; returns the number of sentences written."""
    rows = [line.split("\t") for line in worklist.read_text(encoding="utf-8").splitlines() if line]
    labels: dict[int, str] = {}
    for line in answers.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        number, mark = line.split("\t")[:2]
        labels[int(number)] = {"O": "opinion", "R": "reporting"}[mark.strip().upper()]
    texts = _sentence_texts({(r[0], r[1]) for r in rows})
    records: dict[tuple[str, str], list] = {}
    for number, (corpus, record_id, paragraph, index, _text) in enumerate(rows, 1):
        if number in labels:
            sentence = texts[(corpus, record_id)][int(paragraph)][int(index)]
            records.setdefault((corpus, record_id), []).append(
                [int(paragraph), int(index), text_hash(sentence), labels[number]]
            )
    with out.open("w", encoding="utf-8") as handle:
        for (corpus, record_id), items in records.items():
            handle.write(json.dumps({"corpus": corpus, "id": record_id, "sentences": items}) + "\n")
    return sum(len(items) for items in records.values())


def written_records(lines: Iterable[str], prefix: str) -> list[dict]:
    """Full-text sentence records, one per topic, from ``TOPIC<TAB>O|R<TAB>sentence``
    lines (duplicate sentences kept once; the topic is the record's site, so
    site-grouped folds never split a topic)."""
    records: dict[str, list[dict]] = {}
    seen: set[str] = set()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        fields = line.rstrip("\n").split("\t")
        if len(fields) != 3 or fields[1].strip().upper() not in ("O", "R") or not fields[2].strip():
            raise ValueError(f"line {number}: expected TOPIC<TAB>O|R<TAB>sentence")
        topic, mark, text = fields[0].strip(), fields[1].strip().upper(), " ".join(fields[2].split())
        if text in seen:
            continue
        seen.add(text)
        records.setdefault(topic, []).append({"text": text, "label": "opinion" if mark == "O" else "reporting"})
    return [
        {"id": f"{prefix}/{topic}", "site": f"{prefix}/{topic}", "sentences": items}
        for topic, items in sorted(records.items())
    ]


def _sentence_texts(keys: set[tuple[str, str]]) -> dict[tuple[str, str], list[list[str]]]:
    texts: dict[tuple[str, str], list[list[str]]] = {}
    for corpus in sorted({c for c, _ in keys}):
        for record in read_corpus(corpora_dir() / corpus):
            if (corpus, record["id"]) in keys:
                texts[(corpus, record["id"])] = [sentences(plain_text(p["text"])) for p in record["paragraphs"]]
    return texts


def main() -> None:
    """Command-line entry: build worklists, import answers."""
    command, *args = sys.argv[1:] or ["help"]
    if command == "worklist" and args:
        parts = int(args[args.index("--parts") + 1]) if "--parts" in args else 4
        pool = args[args.index("--pool") + 1] if "--pool" in args else "reviewed"
        if pool == "reviewed":
            refs = select_for_review(reviewed_training_sentences(), reporting_budget=1500)
        elif pool == "rule-labeled":
            refs = sample(rule_labeled_sentences(), 2700)
        elif pool == "news":
            # News-like pages (a quarter of their body sentences carry attribution), not labeled yet.
            done = labeled_keys()
            candidates = unlabeled(reviewed_training_sentences(), done) + rule_labeled_sentences(per_page=40, skip=done)
            refs = sample(news_like(candidates), 3600)
        elif pool == "more":
            # A second round: sentences not labeled yet, half from reviewed pages, half from rule-labeled ones.
            done = labeled_keys()
            refs = sample(unlabeled(reviewed_training_sentences(), done), 1800)
            refs += sample(rule_labeled_sentences(skip=done), 1800)
        elif pool == "held-out":
            refs = sample(reviewed_training_sentences(held_out=True), 900)
        else:
            print(f"unknown pool {pool!r}; use reviewed, rule-labeled, more, news or held-out", file=sys.stderr)
            raise SystemExit(2)
        write_worklists(refs, Path(args[0]), parts)
        print(f"{len(refs)} sentences", file=sys.stderr)
    elif command == "written" and len(args) >= 3:
        lines = [line for path in args[2:] for line in Path(path).read_text(encoding="utf-8").splitlines()]
        try:
            records = written_records(lines, args[0])
        except ValueError as error:
            print(f"sentence_labels written: {error}", file=sys.stderr)
            raise SystemExit(1) from None
        Path(args[1]).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        print(f"{sum(len(r['sentences']) for r in records)} sentences in {len(records)} topics", file=sys.stderr)
    elif command == "import" and len(args) == 3:
        print(f"{import_labels(Path(args[0]), Path(args[1]), Path(args[2]))} sentences", file=sys.stderr)
    else:
        print(__doc__)


if __name__ == "__main__":
    main()
