"""The command line: contract fields, formats, exit codes, bad input."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

SEED = ROOT / "tests" / "fixtures" / "seeds" / "blog-amnesty-mosul-war-crimes.txt"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), *args], input=stdin, capture_output=True, cwd=ROOT, timeout=120
    )


def test_json_contract_fields():
    done = run(str(SEED), "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    for field in ("source", "title", "url", "date", "text", "paragraphs", "model"):
        assert field in data
    assert set(data["paragraphs"][0]) >= {"index", "text", "label", "score", "kept"}
    assert [p["index"] for p in data["paragraphs"]] == list(range(len(data["paragraphs"])))
    assert data["source"] == str(SEED)


def test_text_output_to_stdout_and_summary_to_stderr():
    done = run(str(SEED))
    assert done.returncode == 0
    assert b"While mainstream news outlets" in done.stdout
    assert b"Amnesty International Accuses" not in done.stdout  # the headline is metadata
    assert b"1 documents" in done.stderr


def test_stdin_and_jsonl():
    done = run("-", "--format", "jsonl", stdin=SEED.read_bytes())
    assert done.returncode == 0
    lines = done.stdout.decode().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["source"] == "<stdin>"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", b"empty input"),
        (b"   \n\n  ", b"empty input"),
        (gzip.compress(b"hello world"), b"binary input (gzip"),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), b"binary input (a PNG"),
        (b"caf\xe9 au lait is not UTF-8 text", b"not valid UTF-8"),
    ],
)
def test_bad_input_exit_1_one_line(tmp_path: Path, content: bytes, message: bytes):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    done = run(str(bad))
    assert done.returncode == 1
    assert message in done.stderr
    assert str(bad).encode() in done.stderr
    assert b"Traceback" not in done.stderr


def test_batch_goes_on_after_a_bad_input(tmp_path: Path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    done = run(str(bad), str(SEED), "--format", "jsonl")
    assert done.returncode == 1
    assert len(done.stdout.decode().splitlines()) == 1


def test_output_never_overwrites_input(tmp_path: Path):
    copy = tmp_path / "article.txt"
    copy.write_bytes(SEED.read_bytes())
    done = run(str(copy), "-o", str(copy))
    assert done.returncode == 2
    assert copy.read_bytes() == SEED.read_bytes()


def test_output_file_written(tmp_path: Path):
    target = tmp_path / "out" / "clean.json"
    done = run(str(SEED), "--format", "json", "-o", str(target))
    assert done.returncode == 0
    assert json.loads(target.read_text())["paragraphs"]
    assert not done.stdout


def test_unknown_option_is_usage_error():
    assert run(str(SEED), "--format", "yaml").returncode == 2


def test_bad_model_dir_is_clear(tmp_path: Path):
    done = run(str(SEED), "--model", str(tmp_path))
    assert done.returncode == 2
    assert b"not a model bundle" in done.stderr


def test_explain_lists_features():
    done = run(str(SEED), "--explain")
    assert done.returncode == 0
    assert b"probabilities:" in done.stdout and b"(paragraph)" in done.stdout
    # Kept paragraphs show a per-sentence opinion score from the opinion head.
    assert b"sentence: How long can the U.S continue supporting brutal military regimes" in done.stdout


def test_html_input(tmp_path: Path):
    page = tmp_path / "page.html"
    body = " ".join(["The council approved the budget after a long debate on Tuesday evening."] * 3)
    page.write_text(
        f"<html><head><title>Budget passes</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>Budget passes</h1><p>{body}</p><p>{body}</p></article></body></html>"
    )
    done = run(str(page), "--format", "json")
    data = json.loads(done.stdout)
    assert data["input_format"] == "html" and data["title"] == "Budget passes"
    assert "The council approved the budget" in data["text"]
    assert "Home" not in data["text"]


def test_label_and_validate_round_trip(tmp_path: Path):
    out = tmp_path / "labels.jsonl"
    assert run("label", str(SEED), "-o", str(out)).returncode == 0
    record = json.loads(out.read_text().splitlines()[0])
    assert record["paragraphs"][1]["label"] == "opinion"
    assert run("label", "validate", str(out)).returncode == 0
    record["paragraphs"][0]["label"] = "headline"
    out.write_text(json.dumps(record) + "\n")
    done = run("label", "validate", str(out))
    assert done.returncode == 1 and b"unknown label 'headline'" in done.stderr


def test_sentences_flag_scores_each_sentence_of_kept_paragraphs_in_json():
    done = run(str(SEED), "--format", "json", "--sentences", "-q")
    assert done.returncode == 0
    paragraphs = json.loads(done.stdout)["paragraphs"]
    assert not any("sentences" in p for p in paragraphs if not p["kept"])
    kept = [p for p in paragraphs if p["kept"]]
    assert kept and all(p["sentences"] for p in kept)
    closing = kept[-1]["sentences"]
    assert closing[0]["text"].startswith("How long can the U.S continue") and closing[0]["label"] == "opinion"
    quoted = [s for p in kept for s in p["sentences"] if s["text"].startswith("\u201cWhat we found")]
    assert quoted and quoted[0]["label"] == "reporting"
    for paragraph in kept:
        joined = " ".join(s["text"] for s in paragraph["sentences"])
        assert set(joined.split()) <= set(paragraph["text"].replace("[", " ").replace("](#)", " ").split()) | {""}
    without = json.loads(run(str(SEED), "--format", "json", "-q").stdout)["paragraphs"]
    assert [{k: v for k, v in p.items() if k != "sentences"} for p in paragraphs] == without


def test_site_choice_splits_corpus_pages_and_keeps_the_users_own_with_training(tmp_path: Path):
    from classifier.corpora import is_test_site
    from cli import Sites, _load_data

    lines = (ROOT / "training_data" / "corpora" / "readability.labels.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    held = next(r for r in records if is_test_site(r["site"]))
    kept = next(r for r in records if not is_test_site(r["site"]))
    own = {"id": "mine", "site": held["site"], "paragraphs": [{"text": "Body.", "label": "reporting"}]}
    path = tmp_path / "mixed.labels.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in (held, kept, own)) + "\n", encoding="utf-8")
    ids = {sites: [d.id for d in _load_data([path], None, sites)] for sites in Sites}
    assert ids[Sites.held_out] == [held["id"]]
    assert sorted(ids[Sites.training]) == sorted([kept["id"], "mine"])
    assert sorted(ids[Sites.all]) == sorted([held["id"], kept["id"], "mine"])
