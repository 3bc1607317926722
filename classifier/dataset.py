"""Labeled training/evaluation data: reading JSONL files of labeled articles.

Two record shapes (see ``training_data/README.md``):

* full text: ``{"id", "paragraphs": [{"text", "label"}, ...], ...}``
* reference into the shared corpora: ``{"id", "corpus", "paragraphs":
  [[index, sha1_prefix, label], ...]}``, joined here with the corpus text.

In both, a paragraph's label may be ``null``: the paragraph is unlabeled, there
as context for its neighbours' features but never trained or scored on (the
snippet corpus, whose pages say only what must be kept and what dropped).

Texts are read as the cleaner reads them (:func:`normalize_characters`), after the
hashes that tie labels to them are checked.

Two more shapes label single sentences for the opinion head: by reference into
a shared corpus (see :mod:`classifier.sentence_labels`), ``{"id", "corpus",
"sentences": [[paragraph, sentence, sha1_prefix, label], ...]}``, or as full
text, ``{"id", "site"?, "sentences": [{"text", "label"}, ...]}``. Either becomes
a document of those sentences with ``sentences_only`` set: the opinion head
learns from it, the eight-label model never does (its blocks have no real
neighbours).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from features.comments import in_comment_region

from .corpora import corpora_dir, is_test_site, read_corpus, site_of, text_hash
from .derive_labels import derive_label, is_article, snippet_binaries
from .document import Block, Document
from .html import segment_html
from .inputs import normalize_characters
from .labels import KEPT_LABELS, is_label
from .text import plain_text, sentences, words


@dataclass(frozen=True)
class LabeledDocument:
    """A segmented article with one label per block."""

    id: str
    site: str
    document: Document
    # One label per block; None for an unlabeled block (context only).
    labels: tuple[str | None, ...]
    gold_text: str | None = None
    origin: str = ""
    # True when a person/reviewer checked every label (rule-derived pages are not).
    reviewed: bool = False
    # How much each paragraph counts in training ("weight" in the record; default 1).
    weight: float = 1.0
    # Blocks are single labeled sentences, for the opinion head only.
    sentences_only: bool = False
    # The shared-corpus file the text comes from ("" for full-text records).
    corpus: str = ""
    # The corpus page's type ("article", "product", "forum", ...; "" for full-text records).
    page_type: str = ""

    @property
    def partial(self) -> bool:
        """True when some blocks are unlabeled."""
        return any(label is None for label in self.labels)

    @property
    def has_reference_body(self) -> bool:
        """Whether the whole body text is known, so a cleaned body can be scored against it.

        Not for a page with unlabeled paragraphs, nor for a corpus page without gold text
        (the snippet corpus), even when its snippets happen to decide every paragraph."""
        return not self.partial and (self.gold_text is not None or not self.corpus)

    @property
    def reference_text(self) -> str:
        """Gold body text: the corpus's gold, else the kept-label paragraphs."""
        if self.gold_text is not None:
            return self.gold_text
        return "\n".join(
            b.text for b, label in zip(self.document.blocks, self.labels, strict=True) if label in KEPT_LABELS
        )


def is_held_out(document: LabeledDocument) -> bool:
    """True for a shared-corpus document of a held-out site (the user's own records never are)."""
    return bool(document.corpus) and is_test_site(document.site)


def origin_file(document: LabeledDocument) -> str:
    """The name of the labels file a document came from (its origin without the line number)."""
    return document.origin.rsplit(":", 1)[0]


class DataError(ValueError):
    """A labeled-data file or record that cannot be used."""


def corpus_page_type(source: dict[str, Any]) -> str:
    """A corpus page's type; pages without one are articles (as in :func:`is_article`)."""
    return "article" if is_article(source) else str(source["page_type"])


def record_weight(record: dict[str, Any]) -> float:
    """How much each paragraph of a label record counts in training (``weight``, default 1)."""
    return float(record.get("weight", 1.0))


def _text_record(record: dict[str, Any], origin: str) -> LabeledDocument:
    paragraphs = record["paragraphs"]
    blocks = tuple(Block(text=normalize_characters(str(p["text"]))) for p in paragraphs)
    labels = tuple(None if p["label"] is None else str(p["label"]) for p in paragraphs)
    return LabeledDocument(
        id=str(record["id"]),
        site=str(record.get("site") or site_of(record)),
        document=Document(blocks=blocks, title=str(record.get("title") or ""), url=str(record.get("url") or "")),
        labels=labels,
        gold_text=None,
        origin=origin,
        reviewed=bool(record.get("reviewed", True)),
        weight=record_weight(record),
    )


def _joined_record(record: dict[str, Any], source: dict[str, Any], origin: str) -> LabeledDocument:
    texts = [p["text"] for p in source["paragraphs"]]
    labels: list[str | None] = []
    for index, digest, label in record["paragraphs"]:
        if index >= len(texts) or text_hash(texts[index]) != digest:
            raise DataError(f"{record['id']}: paragraph {index} text drifted from its label (hash mismatch)")
        labels.append(label)
    if len(labels) != len(texts):
        raise DataError(f"{record['id']}: {len(labels)} labels for {len(texts)} paragraphs")
    return LabeledDocument(
        id=record["id"],
        site=site_of(source),
        document=Document(
            blocks=tuple(Block(text=normalize_characters(t)) for t in texts), title="", url=source.get("url") or ""
        ),
        labels=tuple(labels),
        gold_text=source.get("gold_text"),
        origin=origin,
        reviewed=bool(record.get("reviewed", False)),
        weight=record_weight(record),
        corpus=str(record["corpus"]),
        page_type=corpus_page_type(source),
    )


def read_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) pairs of a JSONL file; raises DataError on a bad line."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as error:
                raise DataError(f"{path}:{number}: not JSON ({error.msg})") from None
            if not isinstance(value, dict):
                raise DataError(f"{path}:{number}: expected a JSON object")
            yield number, value


def is_reference_record(record: dict[str, Any]) -> bool:
    """True for a label record that points into a shared corpus."""
    return "corpus" in record and all(isinstance(p, list) for p in record.get("paragraphs", []))


def is_sentence_record(record: dict[str, Any]) -> bool:
    """True for a record of labeled sentences in a shared corpus."""
    return "corpus" in record and isinstance(record.get("sentences"), list)


def is_text_sentence_record(record: dict[str, Any]) -> bool:
    """True for a record of labeled sentences given as full text."""
    return "corpus" not in record and "paragraphs" not in record and isinstance(record.get("sentences"), list)


def _text_sentence_record(record: dict[str, Any], origin: str) -> LabeledDocument:
    problems = _sentence_problems(record["sentences"], full_text=True)
    if problems:
        raise DataError(f"{origin}: {problems[0]}")
    entries = record["sentences"]
    return LabeledDocument(
        id=f"{record['id']}#sentences",
        site=str(record.get("site") or site_of(record)),
        document=Document(blocks=tuple(Block(text=normalize_characters(e["text"])) for e in entries)),
        labels=tuple(e["label"] for e in entries),
        origin=origin,
        reviewed=True,
        weight=record_weight(record),
        sentences_only=True,
    )


def _sentence_record(record: dict[str, Any], source: dict[str, Any], origin: str) -> LabeledDocument:
    paragraphs = source["paragraphs"]
    texts: list[str] = []
    labels: list[str] = []
    for entry in record["sentences"]:
        if not (isinstance(entry, list) and len(entry) == 4 and entry[3] in ("reporting", "opinion")):
            raise DataError(f"{origin}: sentence entries are [paragraph, sentence, sha1, reporting|opinion]")
        paragraph, index, digest, label = entry
        parts = sentences(plain_text(paragraphs[paragraph]["text"])) if 0 <= paragraph < len(paragraphs) else []
        if not 0 <= index < len(parts) or text_hash(parts[index]) != digest:
            raise DataError(f"{record['id']}: sentence {paragraph}/{index} drifted from its label (hash mismatch)")
        texts.append(normalize_characters(parts[index]))
        labels.append(label)
    return LabeledDocument(
        id=f"{record['id']}#sentences",
        site=site_of(source),
        document=Document(blocks=tuple(Block(text=t) for t in texts)),
        labels=tuple(labels),
        origin=origin,
        reviewed=True,
        sentences_only=True,
        corpus=str(record["corpus"]),
    )


def load_labeled(
    paths: Iterable[str | Path], corpora: str | Path | None = None, html_examples: bool = False
) -> list[LabeledDocument]:
    """Load labeled articles from JSONL files (joining corpus references).

    With ``html_examples``, each referenced corpus page also yields an
    HTML-mode example: its HTML segmented by our parser, labeled by coverage
    of the gold text (see :func:`html_labeled`).
    """
    documents: list[LabeledDocument] = []
    wanted: dict[str, list[tuple[dict[str, Any], str]]] = {}
    sentence_records: dict[str, list[tuple[dict[str, Any], str]]] = {}
    for path in map(Path, paths):
        for number, record in read_jsonl(path):
            origin = f"{path.name}:{number}"
            if is_sentence_record(record):
                sentence_records.setdefault(record["corpus"], []).append((record, origin))
            elif is_text_sentence_record(record):
                documents.append(_text_sentence_record(record, origin))
            elif is_reference_record(record):
                wanted.setdefault(record["corpus"], []).append((record, origin))
            else:
                documents.append(_text_record(record, origin))
    for corpus_file in dict.fromkeys([*wanted, *sentence_records]):
        records = wanted.get(corpus_file, [])
        sentence_ids: dict[str, list[tuple[dict[str, Any], str]]] = {}
        for record, origin in sentence_records.get(corpus_file, []):
            sentence_ids.setdefault(record["id"], []).append((record, origin))
        by_id: dict[str, tuple[dict[str, Any], str]] = {}
        for record, origin in records:
            # A reviewed record replaces the rule-derived one for the same page.
            if record["id"] not in by_id or record.get("reviewed"):
                by_id[record["id"]] = (record, origin)
        corpus_path = corpora_dir(corpora) / corpus_file
        if not corpus_path.is_file():
            raise DataError(f"{corpus_path}: corpus not found (set --corpora or $CLEAN_ARTICLE_CORPORA)")
        for source in read_corpus(corpus_path):
            if source["id"] in by_id:
                record, origin = by_id[source["id"]]
                documents.append(_joined_record(record, source, origin))
                example = (
                    html_labeled(source, corpus_file, f"{origin}#html", record_weight(record))
                    if html_examples
                    else None
                )
                if example is not None:
                    documents.append(example)
            for record, origin in sentence_ids.pop(source["id"], []):
                documents.append(_sentence_record(record, source, origin))
        for missing in sentence_ids:
            raise DataError(f"{missing}: labeled sentences for a page that is not in {corpus_file}")
    return documents


def _trigrams(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + 3]) for i in range(max(0, len(tokens) - 2))} if len(tokens) >= 3 else {tuple(tokens)}


def gold_coverage(text: str, gold_trigrams: set[tuple[str, ...]]) -> float:
    """Share of a paragraph's word 3-grams found in the gold text."""
    grams = _trigrams(words(text))
    return len(grams & gold_trigrams) / len(grams) if grams and grams != {()} else 0.0


def html_labeled(
    source: dict[str, Any], corpus: str = "", origin: str = "html", weight: float = 1.0
) -> LabeledDocument | None:
    """An HTML-mode example: the page segmented by our parser, labeled by gold coverage
    (or, on a page with snippets instead of gold, by its snippets, leaving the rest unlabeled)."""
    gold = source.get("gold_text")
    snippets = source.get("snippets")
    if not (gold or snippets) or not source.get("html"):
        return None
    document = segment_html(source["html"], source=str(source["id"]))
    texts = [b.text for b in document.blocks]
    if gold:
        gold_trigrams = _trigrams(words(gold))
        binaries: list[str | None] = [
            "content" if gold_coverage(text, gold_trigrams) >= 0.5 else "boilerplate" for text in texts
        ]
    else:
        binaries = snippet_binaries(texts, snippets)
    title = source.get("title") or document.title
    labels = tuple(
        None if binary is None else derive_label(block.text, binary, title, in_comment_region(block.dom))
        for block, binary in zip(document.blocks, binaries, strict=True)
    )
    return LabeledDocument(
        id=f"{source['id']}#html",
        site=site_of(source),
        document=document,
        labels=labels,
        gold_text=gold or None,
        origin=origin,
        weight=weight,
        corpus=corpus,
        page_type=corpus_page_type(source),
    )


def validate_record(record: dict[str, Any]) -> list[str]:
    """Problems with one label record (empty when it is valid)."""
    problems: list[str] = []
    if not isinstance(record.get("id"), str) or not record.get("id"):
        problems.append("missing string 'id'")
    if is_sentence_record(record) or is_text_sentence_record(record):
        return problems + _sentence_problems(record["sentences"], full_text=is_text_sentence_record(record))
    paragraphs = record.get("paragraphs")
    if not isinstance(paragraphs, list) or not paragraphs:
        return [*problems, "missing non-empty list 'paragraphs'"]
    for position, paragraph in enumerate(paragraphs):
        if isinstance(paragraph, list):
            if len(paragraph) != 3 or not isinstance(paragraph[0], int) or not isinstance(paragraph[1], str):
                problems.append(f"paragraph {position}: expected [index, sha1, label]")
                continue
            label = paragraph[2]
            if paragraph[0] != position:
                problems.append(f"paragraph {position}: index {paragraph[0]} out of order")
        elif isinstance(paragraph, dict):
            label = paragraph.get("label")
            if not isinstance(paragraph.get("text"), str):
                problems.append(f"paragraph {position}: 'text' must be a string")
        else:
            problems.append(f"paragraph {position}: expected an object or a list")
            continue
        if label is not None and not is_label(label):
            problems.append(f"paragraph {position}: unknown label {label!r}")
    return problems


def _sentence_problems(entries: list[Any], full_text: bool = False) -> list[str]:
    problems = []
    for position, entry in enumerate(entries):
        if full_text:
            shape_ok = isinstance(entry, dict) and isinstance(entry.get("text"), str) and entry["text"].strip()
            label = entry.get("label") if isinstance(entry, dict) else None
            expected = "an object with a non-empty 'text' and a 'label'"
        else:
            shape_ok = isinstance(entry, list) and len(entry) == 4
            shape_ok = shape_ok and all(isinstance(v, int) for v in entry[:2]) and isinstance(entry[2], str)
            label = entry[3] if shape_ok else None
            expected = "[paragraph, sentence, sha1, label]"
        if not shape_ok:
            problems.append(f"sentence {position}: expected {expected}")
        elif label not in ("reporting", "opinion"):
            problems.append(f"sentence {position}: label must be reporting or opinion, not {label!r}")
    if not entries:
        problems.append("'sentences' is empty")
    return problems
