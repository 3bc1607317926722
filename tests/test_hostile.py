"""Hostile input: every case gets one clear line on stderr, exit 1, and the batch goes on.

Nothing may crash (no traceback), hang, or write over an input. Most cases
run the CLI in-process (fast); the ones that could hang (FIFOs, the whole
batch) run it as a subprocess with a timeout.
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
import pathlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import cli
from classifier import ArticleCleaner
from classifier.html import NO_TEXT, TOO_DEEP
from classifier.outputs import AtomicTextFile
from tests.conftest import ROOT

SEEDS = ROOT / "tests" / "fixtures" / "seeds"
BLOG = SEEDS / "blog-amnesty-mosul-war-crimes.txt"
STORY = (
    "The city council approved the new budget on Tuesday after a debate that lasted late into the night, "
    "officials said. The plan raises spending on schools and roads by four percent next year."
)
ARTICLE = "\n\n".join(
    [
        "Council approves budget after late-night debate",
        "By Jane Smith",
        STORY,
        '"This budget invests in our children," said Mayor Ana Lopez, who had pushed for the increase since '
        "taking office in January.",
        "Opponents argued that the plan relies on optimistic revenue forecasts and warned that the city could "
        "face a shortfall by 2026. The caf\u00e9 owners on Main Street said they would protest.",
    ]
)
PARAGRAPHS = ARTICLE.split("\n\n")
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def invoke(*args: str, stdin: bytes | None = None) -> tuple[int, str, list[str]]:
    """Run ``clean-article clean ARGS`` in-process: exit code, stdout, stderr lines."""
    result = CliRunner().invoke(cli.app, ["clean", *args], input=stdin)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stdout, result.stderr.splitlines()


def run(*args: str, stdin: bytes | None = None, timeout: float = 180) -> subprocess.CompletedProcess:
    """Run the CLI as a subprocess (for cases that could hang)."""
    return subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), *args], input=stdin, capture_output=True, timeout=timeout, cwd=ROOT
    )


def error_lines(stderr: list[str]) -> list[str]:
    """Stderr lines other than the closing summary."""
    return [line for line in stderr if " documents, " not in line]


LATIN1_PAGE = (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
    "<title>Caf\u00e9 owners protest</title></head><body><article>"
    + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    + "</article></body></html>"
).encode("latin-1")
UNCLOSED_PAGE = (
    "<html><body><div><h1>" + PARAGRAPHS[0] + "<p>" + "<p>".join(PARAGRAPHS[1:]) + " <b>bold <i>never closed"
    "<script>document.write('INJECTED')</script><div><span>tail text</p></td></body>"
).encode()

# (case id, file content, extra args, exact error message or None for success)
BAD_FILES = [
    ("empty", b"", (), "empty input: nothing to clean"),
    ("blank", b"  \n\n\t ", (), "empty input: nothing to clean"),
    ("png", b"\x89PNG\r\n\x1a\n" + bytes(200), (), "binary input (a PNG image), not text or HTML"),
    ("jpeg", b"\xff\xd8\xff\xe0" + bytes(200), (), "binary input (a JPEG image), not text or HTML"),
    ("gzip", gzip.compress(STORY.encode()), (), "binary input (gzip-compressed data), not text or HTML"),
    ("nul-bytes", b"text\x00with\x00nuls", (), "binary input (contains NUL bytes), not text or HTML"),
    ("invalid-utf8", b"Caf\xe9 society met.", (), "not valid UTF-8 (byte 0xe9 at offset 3); pass --encoding"),
    (
        "utf8-encoded-lone-surrogate",
        b"Text \xed\xa0\x80 more",
        (),
        "not valid UTF-8 (byte 0xed at offset 5); pass --encoding",
    ),
    (
        "bad-utf16-after-bom",
        codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"\x00\xd8",
        (),
        "invalid utf-16 after its byte-order mark at byte 6",
    ),
    ("unknown-encoding", STORY.encode(), ("--encoding", "klingon"), "unknown encoding 'klingon'"),
    ("deep-html", ("<div>" * 100_000 + "<p>deep</p>" + "</div>" * 100_000).encode(), (), TOO_DEEP),
    (
        "html-app-shell",
        b"<!DOCTYPE html><html><head><title>App</title></head><body><div id='root'></div>"
        b"<script>render(document.getElementById('root'))</script></body></html>",
        (),
        NO_TEXT,
    ),
    (
        "too-many-paragraphs",
        "\n\n".join(f"Paragraph {i} of a list." for i in range(101)).encode(),
        ("--max-paragraphs", "100"),
        "paragraph limit hit: 101 paragraphs, limit 100 (see --max-paragraphs)",
    ),
    (
        "too-large",
        STORY.encode() * 10,
        ("--max-bytes", "1000"),
        f"input too large: {len(STORY.encode()) * 10:,} bytes, limit 1,000 (see --max-bytes)",
    ),
]


@pytest.mark.parametrize(("content", "extra", "message"), [c[1:] for c in BAD_FILES], ids=[c[0] for c in BAD_FILES])
def test_bad_file_one_line_exit_1(tmp_path: Path, content: bytes, extra: tuple[str, ...], message: str):
    bad = tmp_path / "input.txt"
    bad.write_bytes(content)
    code, stdout, stderr = invoke(str(bad), "--format", "json", *extra)
    assert code == 1
    assert error_lines(stderr) == [f"clean-article: {bad}: {message}"]
    assert stdout == ""
    assert "0 documents, 0 kept paragraphs, 1 errors" in stderr[-1]


def test_time_limit_is_reported_in_the_result(tmp_path: Path):
    page = tmp_path / "page.txt"
    page.write_text(STORY)
    code, _, stderr = invoke(str(page), "--time-limit", "0")
    assert code == 1
    (line,) = error_lines(stderr)
    assert line.startswith(f"clean-article: {page}: time limit hit: ")
    assert line.endswith("s by the end of segmentation, limit 0 s (see --time-limit)")


def test_library_records_limits_in_the_error_field(cleaner):
    strict = ArticleCleaner(cleaner.bundle, max_chars=1000, max_paragraphs=3, time_limit=1e-9)
    results = list(strict.clean_many(["a\n\nb\n\nc\n\nd", "x" * 1001, STORY], format="text"))
    assert results[0].error == "paragraph limit hit: 4 paragraphs, limit 3 (see --max-paragraphs)"
    assert results[1].error == "input too large: 1,001 characters, limit 1,000"
    assert results[2].error.startswith("time limit hit:")
    assert all(r.paragraphs == () and r.to_dict()["error"] == r.error for r in results)


def test_library_error_modes(cleaner):
    with pytest.raises(TypeError, match="expects str or bytes items, got int"):
        list(cleaner.clean_many([STORY, 42]))
    recorded = list(cleaner.clean_many([STORY, 42, b"\x89PNG\r\n\x1a\n", "   "], errors="record"))
    assert recorded[0].error is None and recorded[0].paragraphs
    assert recorded[1].error == "expected text, got int"
    assert recorded[2].error == "binary input (a PNG image), not text or HTML"
    assert recorded[3].error is None and recorded[3].paragraphs == ()  # empty str: nothing to label, no error
    with pytest.raises(ValueError, match="errors must be one of"):
        list(cleaner.clean_many([STORY], errors="ignore"))


def test_utf16_with_bom_is_decoded(tmp_path: Path):
    page = tmp_path / "utf16.txt"
    page.write_bytes(codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"))
    code, stdout, stderr = invoke(str(page), "--format", "json")
    assert code == 0, stderr
    assert "approved the new budget" in json.loads(stdout)["text"]


def test_latin1_declared_in_meta_is_decoded(tmp_path: Path):
    page = tmp_path / "latin1.html"
    page.write_bytes(LATIN1_PAGE)
    code, stdout, _ = invoke(str(page), "--format", "json")
    data = json.loads(stdout)
    assert code == 0
    assert data["title"] == "Caf\u00e9 owners protest" and "The caf\u00e9 owners on Main Street" in data["text"]


def test_latin1_declared_only_in_the_xml_declaration_is_decoded(tmp_path: Path):
    # XHTML may name its encoding only in its XML declaration; strict UTF-8 would refuse it.
    page = tmp_path / "latin1.xhtml"
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    page.write_bytes(
        (
            '<?xml version="1.0" encoding="ISO-8859-1"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
            f"<head><title>Caf\u00e9 owners protest</title></head><body><article>{body}</article></body></html>"
        ).encode("latin-1")
    )
    code, stdout, stderr = invoke(str(page), "--format", "json")
    assert code == 0, stderr
    data = json.loads(stdout)
    assert data["title"] == "Caf\u00e9 owners protest" and "The caf\u00e9 owners on Main Street" in data["text"]


def test_unclosed_tags_and_stray_script(tmp_path: Path):
    page = tmp_path / "broken.html"
    page.write_bytes(UNCLOSED_PAGE)
    code, stdout, _ = invoke(str(page), "--format", "json")
    data = json.loads(stdout)
    assert code == 0 and data["input_format"] == "html"
    assert "approved the new budget" in data["text"]
    assert all("INJECTED" not in p["text"] for p in data["paragraphs"])


def test_control_characters_are_dropped(tmp_path: Path):
    page = tmp_path / "controls.txt"
    page.write_bytes(ARTICLE.replace("new budget", "new bud\x07get\x1b\x7f").encode())
    code, stdout, _ = invoke(str(page), "--format", "json")
    data = json.loads(stdout)
    assert code == 0 and "new budget on Tuesday" in data["text"]
    assert not any(ch in json.dumps(data, ensure_ascii=False) for ch in "\x07\x1b\x7f")


def test_one_5mb_line_without_spaces(tmp_path: Path):
    page = tmp_path / "line.txt"
    page.write_bytes(b"x" * 5_000_000)
    code, stdout, _ = invoke(str(page), "--format", "json")
    data = json.loads(stdout)
    assert code == 0 and len(data["paragraphs"]) == 1
    assert len(data["paragraphs"][0]["text"]) == 5_000_000


def test_100mb_file_is_refused_from_its_size_without_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: instant, takes no disk
    opened = pathlib.Path.open

    def guarded_open(self: Path, *args, **kwargs):
        assert self != big, "the oversized input was opened"
        return opened(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", guarded_open)
    code, _, stderr = invoke(str(big), str(BLOG), "--format", "jsonl")
    assert code == 1
    assert error_lines(stderr) == [
        f"clean-article: {big}: input too large: 104,857,600 bytes, limit 10,485,760 (see --max-bytes)"
    ]
    assert "1 documents" in stderr[-1]


def test_oversized_stdin_reads_only_up_to_the_limit():
    code, stdout, stderr = invoke("-", "--max-bytes", "1000", stdin=b"word " * 100_000)
    assert code == 1 and stdout == ""
    assert error_lines(stderr) == [
        "clean-article: <stdin>: input too large: more than 1,000 bytes, limit 1,000 (see --max-bytes)"
    ]


def test_jsonl_bad_lines_get_error_records_in_order():
    lines = [
        json.dumps({"id": "good-1", "text": ARTICLE, "url": "https://example.org/a"}),
        '{"id": "broken", "text": ',
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "number-text", "text": 12}),
        json.dumps({"text": STORY}),
        json.dumps({"id": "both", "text": STORY, "html": "<p>x</p>"}),
        "",
        json.dumps([1, 2]),
        "[" * 100_000 + "]" * 100_000,
        json.dumps({"id": "surrogate", "text": ARTICLE + " \ud800 end."}),
        json.dumps({"id": 7, "html": f"<p>{PARAGRAPHS[2]}</p><script>alert(1)</script>", "extra": True}),
    ]
    code, stdout, stderr = invoke("-", "--input-format", "jsonl", stdin="\n".join(lines).encode())
    assert code == 1
    records = [json.loads(line) for line in stdout.splitlines()]
    ids = ["good-1", None, "no-text", "number-text", None, "both", None, None, "surrogate", 7]
    assert [r["id"] for r in records] == ids
    assert [r["source"] for r in records] == [f"<stdin>:{n}" for n in (1, 2, 3, 4, 5, 6, 8, 9, 10, 11)]
    assert records[0]["url"] == "https://example.org/a" and "approved the new budget" in records[0]["text"]
    assert "\ufffd" in records[8]["text"] and records[8].get("error") is None
    assert records[9]["input_format"] == "html" and "alert" not in records[9]["text"]
    assert error_lines(stderr) == [
        "clean-article: <stdin>:2: invalid JSON (Expecting value at column 26)",
        'clean-article: <stdin>:3 (id \'no-text\'): missing "text" or "html" field',
        "clean-article: <stdin>:4 (id 'number-text'): \"text\" must be a string, got int",
        'clean-article: <stdin>:5: missing "id" field',
        'clean-article: <stdin>:6 (id \'both\'): needs exactly one of "text" or "html"',
        "clean-article: <stdin>:8: expected a JSON object, got list",
        "clean-article: <stdin>:9: invalid JSON (nested too deeply)",
    ]
    assert [r.get("error") is None for r in records] == [True] + [False] * 7 + [True, True]


def test_non_utf8_file_name_is_shown_replaced(tmp_path: Path):
    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_text(STORY)
    code, stdout, _ = invoke(str(tmp_path / name), "--format", "json")
    assert code == 0
    assert json.loads(stdout)["source"].endswith("caf\ufffd.txt")


def test_directory_with_unreadable_entries(tmp_path: Path):
    tree = tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    shutil.copy(BLOG, tree / "a.txt")
    (tree / "sub" / "c.txt").write_text(STORY)
    (tree / "b-dangling.txt").symlink_to(tmp_path / "missing.txt")
    os.mkfifo(tree / "b-fifo")  # opening it would block forever
    (tree / ".hidden.txt").write_text("not read")
    done = run(str(tree), "--format", "jsonl", timeout=120)
    assert done.returncode == 1
    assert b"Traceback" not in done.stderr
    assert [json.loads(line)["source"] for line in done.stdout.decode().splitlines()] == [
        str(tree / "a.txt"),
        str(tree / "sub" / "c.txt"),
    ]
    assert error_lines(done.stderr.decode().splitlines()) == [
        f"clean-article: {tree / 'b-dangling.txt'}: dangling symbolic link (its target does not exist)",
        f"clean-article: {tree / 'b-fifo'}: not a regular file (a FIFO); skipped",
    ]


@pytest.mark.skipif(IS_ROOT, reason="running as root: chmod 000 does not stop root from reading")
def test_unreadable_file_and_directory_without_root(tmp_path: Path):
    tree = tmp_path / "tree"
    (tree / "locked-dir").mkdir(parents=True)
    (tree / "locked.txt").write_text(STORY)
    (tree / "ok.txt").write_text(STORY)
    os.chmod(tree / "locked.txt", 0)
    os.chmod(tree / "locked-dir", 0)
    try:
        code, stdout, stderr = invoke(str(tree), "--format", "jsonl")
    finally:
        os.chmod(tree / "locked.txt", 0o644)
        os.chmod(tree / "locked-dir", 0o755)
    assert code == 1
    assert len(stdout.splitlines()) == 1
    assert sorted(error_lines(stderr)) == [
        f"clean-article: {tree / 'locked-dir'}: permission denied",
        f"clean-article: {tree / 'locked.txt'}: permission denied",
    ]


def test_mixed_batch_goes_on_and_keeps_order(tmp_path: Path):
    """One run over every bad file plus good ones: good results complete, in order; one line per bad one."""
    tree = tmp_path / "batch"
    tree.mkdir()
    paths = []
    for number, (case, content, extra, _) in enumerate(BAD_FILES):
        if not extra:
            paths.append(tree / f"{number:02d}-{case}.txt")
            paths[-1].write_bytes(content)
    goods = sorted(SEEDS.glob("*.txt"))
    arguments = [str(goods[0]), *map(str, paths[:5]), str(goods[1]), *map(str, paths[5:]), str(goods[2])]
    done = run(*arguments, "--format", "jsonl", timeout=300)
    assert done.returncode == 1 and b"Traceback" not in done.stderr
    results = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert [r["source"] for r in results] == [str(g) for g in goods]
    single = json.loads(run(str(goods[1]), "--format", "json").stdout)
    assert results[1] == single  # complete: identical to cleaning it alone
    errors = error_lines(done.stderr.decode().splitlines())
    assert [line.split(": ", 2)[1] for line in errors] == [str(p) for p in paths]


def test_output_never_written_over_input_in_directory_mode(tmp_path: Path):
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "a.txt").write_text(STORY)
    code, _, stderr = invoke(str(tree), "-o", str(tree))
    assert code == 2
    assert stderr == [
        f"clean-article: {tree}: refusing to write into the input directory; choose another output directory"
    ]
    assert (tree / "a.txt").read_text() == STORY and sorted(p.name for p in tree.iterdir()) == ["a.txt"]


def test_output_directory_inside_the_input_is_not_walked(tmp_path: Path):
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "a.txt").write_text(STORY)
    for _ in range(2):  # a second run must not pick up the first run's outputs
        code, _, stderr = invoke(str(tree), "-o", str(tree / "out"), "--format", "json")
        assert code == 0, stderr
    assert sorted(str(p.relative_to(tree)) for p in tree.rglob("*")) == ["a.txt", "out", "out/a.json"]


def test_output_targets_inside_the_input_tree_are_skipped(tmp_path: Path):
    out = tmp_path / "out"
    nested = out / "in" / "in"
    nested.mkdir(parents=True)
    (nested / "a.txt").write_text(STORY)
    (out / "in" / "b.txt").write_text(STORY)
    code, _, stderr = invoke(str(out / "in"), "-o", str(out))
    assert code == 1
    assert error_lines(stderr) == [f"clean-article: {nested / 'a.txt'}: output would overwrite an input; skipped"]
    assert (nested / "a.txt").read_text() == STORY and (out / "b.txt").exists()


def test_output_file_named_differently_but_same_as_input_is_refused(tmp_path: Path):
    (tmp_path / "d").mkdir()
    page = tmp_path / "article.txt"
    page.write_text(STORY)
    code, _, stderr = invoke(str(page), "-o", str(tmp_path / "d" / ".." / "article.txt"))
    assert code == 2 and "refusing to overwrite an input file" in stderr[0]
    assert page.read_text() == STORY


def test_interrupted_output_leaves_the_old_file_and_no_temporary(tmp_path: Path):
    target = tmp_path / "out.jsonl"
    target.write_text("old\n")
    with pytest.raises(KeyboardInterrupt), AtomicTextFile(target) as handle:
        handle.write("partial")
        raise KeyboardInterrupt
    assert target.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_closed_stdout_pipe_stops_quietly(tmp_path: Path):
    lines = "\n".join(json.dumps({"id": i, "text": STORY}) for i in range(300)).encode()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "cli.py"), "-", "--input-format", "jsonl"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert process.stdin is not None and process.stdout is not None and process.stderr is not None
    process.stdin.write(lines)
    process.stdin.close()
    first = process.stdout.readline()
    process.stdout.close()
    process.wait(timeout=180)
    assert json.loads(first)["id"] == 0
    assert b"Traceback" not in process.stderr.read()
    assert process.returncode == 1


def test_a_utf16_declaration_on_bytes_without_a_byte_order_mark_reads_as_utf8(tmp_path: Path):
    # Such bytes cannot be UTF-16 (no mark, no NUL bytes); decoding them as UTF-16 gave CJK garbage.
    for declaration in ('<?xml version="1.0" encoding="UTF-16"?>', '<meta charset="utf-16">'):
        page = tmp_path / "declared-utf16.html"
        body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        page.write_bytes(f"{declaration}<html><head><title>Caf\u00e9</title></head><body>{body}</body></html>".encode())
        code, stdout, stderr = invoke(str(page), "--format", "json")
        assert code == 0, stderr
        assert "The caf\u00e9 owners on Main Street" in json.loads(stdout)["text"]


def test_bytes_invalid_in_the_declared_charset_name_it(tmp_path: Path):
    page = tmp_path / "bad-utf8.html"
    page.write_bytes(b'<html><head><meta charset="utf-8"></head><body><p>Caf\xe9 owners</p></body></html>')
    code, _, stderr = invoke(str(page))
    assert code == 1
    errors = error_lines(stderr)
    assert len(errors) == 1 and "not valid utf-8, the page's declared charset (byte 0xe9" in errors[0]
