"""Labeled data: reference records joined with the shared corpora."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from classifier.corpora import is_test_site
from classifier.dataset import html_labeled, is_held_out, load_labeled, origin_file, validate_record
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


def test_unlabeled_paragraphs_load_as_none_and_make_a_document_partial(tmp_path: Path):
    record = _first_reference()
    record["paragraphs"] = [[i, digest, None if i % 2 else label] for i, digest, label in record["paragraphs"]]
    assert validate_record(record) == []
    path = tmp_path / "partial.labels.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (document,) = load_labeled([path])
    assert document.partial and document.labels[1] is None and document.labels[0] is not None
    whole = tmp_path / "whole.labels.jsonl"
    whole.write_text(json.dumps(_first_reference()) + "\n", encoding="utf-8")
    assert not load_labeled([whole])[0].partial
    assert validate_record(dict(record, paragraphs=[[0, "00000000", "unknown"]])) == [
        "paragraph 0: unknown label 'unknown'"
    ]


def test_a_snippet_page_gives_an_html_example_labeled_by_its_snippets_only():
    source = {
        "id": "t/2",
        "url": "https://example.de/b",
        "html": "<html><body><nav><a href='/'>Startseite</a> <a href='/k'>Kontakt</a></nav>"
        "<p>Der Rat beschloss am Dienstag den Haushalt für das kommende Jahr.</p>"
        "<p>Die Opposition stimmte dagegen.</p></body></html>",
        "snippets": {"with": ["beschloss am Dienstag den Haushalt"], "without": ["Startseite Kontakt"]},
    }
    example = html_labeled(source, "trafilatura-snippets.jsonl.gz")
    assert example is not None and example.gold_text is None and example.partial
    labeled = dict(zip((b.text for b in example.document.blocks), example.labels, strict=True))
    assert labeled["Der Rat beschloss am Dienstag den Haushalt für das kommende Jahr."] == "reporting"
    assert labeled["Die Opposition stimmte dagegen."] is None
    assert "navigation" in example.labels
    assert is_held_out(example) == is_test_site("example.de")


def test_only_corpus_documents_of_held_out_sites_are_held_out(tmp_path: Path):
    own = {"id": "mine", "site": "example.com", "paragraphs": [{"text": "Body.", "label": "reporting"}]}
    path = tmp_path / "own.jsonl"
    path.write_text(json.dumps(own) + "\n", encoding="utf-8")
    (document,) = load_labeled([path])
    assert not is_held_out(dataclasses.replace(document, site="a-held-out-site"))
    held_out_site = next(f"site{i}.org" for i in range(100) if is_test_site(f"site{i}.org"))
    assert is_held_out(dataclasses.replace(document, corpus="x.jsonl.gz", site=held_out_site))


def test_only_whole_references_have_a_body_to_score(tmp_path: Path):
    path = tmp_path / "one.labels.jsonl"
    path.write_text(json.dumps(_first_reference(REFERENCES.parent / "readability.labels.jsonl")) + "\n", "utf-8")
    (corpus_page,) = load_labeled([path])
    assert corpus_page.has_reference_body
    # A snippet page has no gold text: its labels never make a body, even when all are decided.
    assert not dataclasses.replace(corpus_page, gold_text=None).has_reference_body
    own = load_labeled([ROOT / "training_data" / "seeds.jsonl"])[0]
    assert own.has_reference_body
    assert not dataclasses.replace(own, labels=(None, *own.labels[1:])).has_reference_body


def test_an_html_example_labels_prose_in_a_comment_thread_as_comment():
    story = "The council approved the budget on Tuesday after a long debate in the town hall."
    reader = (
        "Typical council, always late with the figures and never sorry about it at all; nobody on the committee"
        " has explained why the delay was allowed to drag on for so many months this year."
    )
    source = {
        "id": "t/3",
        "url": "https://example.org/c",
        "html": f"<html><body class='comments-open'><article><p>{story}</p></article>"
        f"<div id='comments'><p>{reader}</p></div><p>{reader} Again.</p></body></html>",
        "gold_text": story,
    }
    example = html_labeled(source, "wcxb-dev.jsonl.gz")
    assert example is not None
    assert example.labels == ("reporting", "comment", "off_topic")
