"""Labeled data: reference records joined with the shared corpora."""

from __future__ import annotations

import json
from pathlib import Path

from classifier.dataset import load_labeled, origin_file
from tests.conftest import ROOT

REFERENCES = ROOT / "training_data" / "corpora" / "wcxb-dev.labels.jsonl"
OTHER_PAGES = ROOT / "training_data" / "corpora" / "pages" / "wcxb-dev-pages.labels.jsonl"


def _first_reference(file: Path = REFERENCES, **changes) -> dict:
    return dict(json.loads(file.read_text(encoding="utf-8").splitlines()[0]), **changes)


def test_a_reference_record_weight_reaches_its_text_and_html_examples(tmp_path: Path):
    path = tmp_path / "weighted.labels.jsonl"
    path.write_text(json.dumps(_first_reference(weight=0.3)) + "\n", encoding="utf-8")
    text_example, html_example = load_labeled([path], html_examples=True)
    assert text_example.document.input_format == "text" and html_example.document.input_format == "html"
    assert text_example.weight == html_example.weight == 0.3
    # Both examples name the labels file they came from.
    assert origin_file(text_example) == origin_file(html_example) == "weighted.labels.jsonl"


def test_a_reference_record_without_weight_counts_once(tmp_path: Path):
    path = tmp_path / "plain.labels.jsonl"
    path.write_text(json.dumps(_first_reference()) + "\n", encoding="utf-8")
    (example,) = load_labeled([path])
    assert example.weight == 1.0


def test_corpus_examples_carry_their_page_type(tmp_path: Path):
    record = _first_reference(OTHER_PAGES)
    path = tmp_path / "mixed.labels.jsonl"
    path.write_text(json.dumps(_first_reference()) + "\n" + json.dumps(record) + "\n", encoding="utf-8")
    types = {(d.id, d.document.input_format): d.page_type for d in load_labeled([path], html_examples=True)}
    article_id = _first_reference()["id"]
    assert types[(article_id, "text")] == types[(f"{article_id}#html", "html")] == "article"
    assert record["page_type"] != "article"
    assert types[(record["id"], "text")] == types[(f"{record['id']}#html", "html")] == record["page_type"]
