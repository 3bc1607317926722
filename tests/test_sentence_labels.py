"""Sentence labels for the opinion head: stored as references, joined with the corpora."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from classifier.corpora import is_test_site
from classifier.dataset import DataError, load_labeled, validate_record
from classifier.sentence_labels import import_labels, written_records
from classifier.training import TrainingConfig, build_training_set, train_bundle
from tests.conftest import ROOT, SEEDS

SENTENCES = ROOT / "training_data" / "sentences" / "reviewed-a.labels.jsonl"


def _first_record() -> dict:
    return json.loads(SENTENCES.read_text(encoding="utf-8").splitlines()[0])


def _write(path: Path, record: dict) -> Path:
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def test_a_sentence_record_becomes_a_document_of_its_sentences(tmp_path: Path):
    record = _first_record()
    (document,) = load_labeled([_write(tmp_path / "s.jsonl", record)])
    assert document.sentences_only and document.reviewed
    assert list(document.labels) == [entry[3] for entry in record["sentences"]]
    assert all(block.text.strip() for block in document.document.blocks)
    assert document.corpus == record["corpus"]


def test_a_sentence_whose_text_drifted_is_refused(tmp_path: Path):
    record = _first_record()
    record["sentences"][0][2] = "00000000"
    with pytest.raises(DataError, match="drifted"):
        load_labeled([_write(tmp_path / "s.jsonl", record)])


def test_sentences_of_a_missing_page_are_refused(tmp_path: Path):
    record = dict(_first_record(), id="wcxb/no-such-page")
    with pytest.raises(DataError, match="not in"):
        load_labeled([_write(tmp_path / "s.jsonl", record)])


def test_validation_accepts_sentence_records_and_names_bad_entries():
    record = _first_record()
    assert validate_record(record) == []
    record["sentences"][0][3] = "caption"
    assert any("reporting or opinion" in p for p in validate_record(record))


def test_import_joins_a_reviewers_answers_with_the_worklist(tmp_path: Path):
    record = _first_record()
    paragraph, index, digest, _label = record["sentences"][0]
    worklist = tmp_path / "part.tsv"
    worklist.write_text(f"{record['corpus']}\t{record['id']}\t{paragraph}\t{index}\tignored\n", encoding="utf-8")
    answers = tmp_path / "answers.tsv"
    answers.write_text("1\tO\n", encoding="utf-8")
    assert import_labels(worklist, answers, tmp_path / "out.jsonl") == 1
    written = json.loads((tmp_path / "out.jsonl").read_text())
    assert written["sentences"] == [[paragraph, index, digest, "opinion"]]


def test_shipped_sentence_labels_come_only_from_training_sites():
    documents = load_labeled([SENTENCES])
    assert documents and not any(is_test_site(d.site) for d in documents)


def test_sentences_teach_the_opinion_head_but_never_the_eight_label_model(tmp_path: Path):
    record = _first_record()
    documents = load_labeled([SEEDS, _write(tmp_path / "s.jsonl", record)])
    data = build_training_set(documents)
    assert data.sentence_rows.sum() == len(record["sentences"])
    train_bundle(documents, tmp_path / "model", TrainingConfig(rounds=3, threads=1), {"name": "tiny"})
    manifest = json.loads((tmp_path / "model" / "manifest.json").read_text())
    seed_paragraphs = sum(len(d.labels) for d in documents if not d.sentences_only)
    assert manifest["training"]["paragraphs"] == seed_paragraphs
    assert sum(manifest["training"]["label_counts"].values()) == seed_paragraphs
    assert manifest["training"]["opinion_head_sentences"] == len(record["sentences"])
    assert set(manifest["thresholds"]) == {"keep", "opinion", "opinion_sentence"}


WRITTEN = ROOT / "training_data" / "sentences" / "written-a.labels.jsonl"


def test_a_full_text_sentence_record_needs_no_corpus(tmp_path: Path):
    record = {
        "id": "mine/1",
        "site": "mine",
        "weight": 2,
        "sentences": [
            {"text": "The plan is a cynical\u00ad grab.", "label": "opinion"},
            {"text": "It passed 52-48.", "label": "reporting"},
        ],
    }
    assert validate_record(record) == []
    (document,) = load_labeled([_write(tmp_path / "s.jsonl", record)])
    assert document.sentences_only and document.reviewed and not document.corpus
    assert document.site == "mine" and document.weight == 2.0
    assert [b.text for b in document.document.blocks] == ["The plan is a cynical grab.", "It passed 52-48."]
    assert document.labels == ("opinion", "reporting")


def test_a_full_text_sentence_with_a_bad_label_or_no_text_is_refused(tmp_path: Path):
    bad_label = {"id": "mine/1", "sentences": [{"text": "A sentence.", "label": "caption"}]}
    no_text = {"id": "mine/2", "sentences": [{"text": "  ", "label": "opinion"}]}
    assert any("reporting or opinion" in p for p in validate_record(bad_label))
    assert any("non-empty 'text'" in p for p in validate_record(no_text))
    for record in (bad_label, no_text):
        with pytest.raises(DataError):
            load_labeled([_write(tmp_path / "s.jsonl", record)])


def test_written_sentences_become_one_record_per_topic_without_duplicates():
    lines = ["t1\tO\tA shameful   vote.", "t2\tR\tIt passed.", "t1\tR\tIt passed on Monday.", "t2\to\tA shameful vote."]
    records = written_records(lines, "written-x")
    assert [r["id"] for r in records] == ["written-x/t1", "written-x/t2"]
    assert records[0]["site"] == "written-x/t1"
    assert records[0]["sentences"] == [
        {"text": "A shameful vote.", "label": "opinion"},
        {"text": "It passed on Monday.", "label": "reporting"},
    ]
    assert records[1]["sentences"] == [{"text": "It passed.", "label": "reporting"}]


def test_a_written_line_without_three_fields_is_refused():
    with pytest.raises(ValueError, match="line 2"):
        written_records(["t1\tO\tFine.", "t1\tmaybe\tNot fine."], "written-x")


def test_the_shipped_written_sentences_load_and_are_balanced():
    documents = load_labeled([WRITTEN])
    labels = [label for d in documents for label in d.labels]
    assert len({d.site for d in documents}) == len(documents) >= 30
    assert 0.35 <= labels.count("opinion") / len(labels) <= 0.55
