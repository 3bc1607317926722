"""Ingest at scale: streaming, worker processes, order, progress and the summary."""

from __future__ import annotations

import io
import json
import os
import pty
import re
import select
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from classifier.outputs import Progress, StreamSink
from classifier.pipeline import CHUNKS_IN_FLIGHT_PER_WORKER, PARALLEL_CHUNK, SERIAL_CHUNK, Job, run_jobs
from tests.conftest import ROOT

SEEDS = ROOT / "tests" / "fixtures" / "seeds"
SUMMARY = re.compile(
    r"^clean-article: (\d+) documents, (\d+) kept paragraphs, (\d+) errors in \d+\.\d s \(\d+\.\d documents/s\)$"
)


def cli(*args: str, **options) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), *args], capture_output=True, cwd=ROOT, timeout=300, **options
    )


def varied(count: int) -> list[str]:
    """``count`` different articles cut from the seeds."""
    seeds = [path.read_text(encoding="utf-8").split("\n\n") for path in sorted(SEEDS.glob("*.txt"))]
    out = []
    for number in range(count):
        paragraphs = seeds[number % len(seeds)]
        start = (number * 5) % max(1, len(paragraphs) - 8)
        out.append("\n\n".join(paragraphs[start : start + 4 + number % 9]))
    return out


def jsonl(texts: list[str]) -> bytes:
    return "".join(json.dumps({"id": f"doc-{n}", "text": t}) + "\n" for n, t in enumerate(texts)).encode()


def test_jsonl_with_two_workers_matches_one_in_order():
    data = jsonl(varied(60)) + b'{"id": "bad", "text": null}\n'
    one = cli("-", "--input-format", "jsonl", "-j", "1", input=data)
    two = cli("-", "--input-format", "jsonl", "-j", "2", input=data)
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    ids = [json.loads(line)["id"] for line in two.stdout.decode().splitlines()]
    assert ids == [f"doc-{n}" for n in range(60)] + ["bad"]
    assert SUMMARY.match(two.stderr.decode().splitlines()[-1]).groups()[::2] == ("60", "1")


def test_stdin_streams_results_before_input_ends():
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "cli.py"), "-", "--input-format", "jsonl", "-q"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert process.stdin is not None and process.stdout is not None
    try:
        process.stdin.write(jsonl(varied(SERIAL_CHUNK + 6)))
        process.stdin.flush()  # stdin stays open: the run cannot have seen the end of the input
        ready, _, _ = select.select([process.stdout], [], [], 240)
        assert ready, "no result arrived while stdin was still open"
        first = json.loads(process.stdout.readline())
        assert first["id"] == "doc-0"
    finally:
        process.stdin.close()
    rest = process.stdout.read().decode().splitlines()
    assert process.wait(timeout=240) == 0
    assert len(rest) == SERIAL_CHUNK + 5


def _counting(jobs: list[Job], pulled: list[int]) -> Iterator[Job]:
    for job in jobs:
        pulled[0] += 1
        yield job


@pytest.mark.parametrize("workers", [1, 2])
def test_run_jobs_reads_input_lazily_and_keeps_order(cleaner, workers: int):
    texts = varied(200)
    jobs = [Job(name=f"n{n}", text=t) for n, t in enumerate(texts)]
    pulled = [0]
    outcomes = run_jobs(cleaner, _counting(jobs, pulled), workers=workers)
    first = next(outcomes)
    bound = SERIAL_CHUNK if workers == 1 else PARALLEL_CHUNK * (workers * CHUNKS_IN_FLIGHT_PER_WORKER + 1)
    assert pulled[0] <= bound < len(jobs)  # bounded look-ahead, not the whole input
    names = [first.job.name] + [o.job.name for o in outcomes]
    assert names == [job.name for job in jobs]
    assert first.result is not None and first.result.to_dict() == cleaner.clean(texts[0], source="n0").to_dict()


def test_directory_mirror_with_workers(tmp_path: Path):
    tree = tmp_path / "in"
    (tree / "a" / "b").mkdir(parents=True)
    texts = varied(5)
    names = ["one.txt", "a/two.txt", "a/b/three.md", "a/b/four.txt", "five.html"]
    for name, text in zip(names, texts, strict=True):
        (tree / name).write_text(text)
    out = tmp_path / "out"
    done = cli(str(tree), "-o", str(out), "--format", "json", "-j", "2")
    assert done.returncode == 0, done.stderr
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*.json"))
    assert written == sorted(str(Path(n).with_suffix(".json")) for n in names)
    assert json.loads((out / "a" / "b" / "three.json").read_text())["source"] == str(tree / "a" / "b" / "three.md")
    assert not done.stdout


def test_json_for_several_inputs_is_one_array_streamed(tmp_path: Path):
    paths = sorted(SEEDS.glob("*.txt"))[:2]
    done = cli(*map(str, paths), "--format", "json")
    items = json.loads(done.stdout)
    assert [item["source"] for item in items] == [str(p) for p in paths]
    assert done.stdout.decode() == json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def test_stream_sink_framing():
    buffer = io.StringIO()
    sink = StreamSink(buffer, "json", single=False)
    for value in ({"a": "x\u2028y"}, {"b": [1]}):
        sink.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")
    sink.close()
    assert json.loads(buffer.getvalue()) == [{"a": "x\u2028y"}, {"b": [1]}]
    empty = io.StringIO()
    StreamSink(empty, "json", single=False).close()
    assert empty.getvalue() == "[]\n"


def test_progress_line_draws_and_erases():
    stream = io.StringIO()
    progress = Progress(stream, enabled=True, interval=0.0)
    progress.update(3, 1)
    progress.update(5, 2)
    drawn = stream.getvalue()
    assert drawn.startswith("\rclean-article: 3 documents  ") and "/s  2 errors" in drawn
    progress.close()
    assert stream.getvalue().endswith("\r")
    silent = io.StringIO()
    Progress(silent, enabled=False).update(1, 0, force=True)
    assert silent.getvalue() == ""


def test_progress_only_on_a_terminal_and_not_with_quiet(tmp_path: Path):
    page = sorted(SEEDS.glob("*.txt"))[0]
    piped = cli(str(page), str(page))
    assert b"\r" not in piped.stderr
    assert SUMMARY.match(piped.stderr.decode().strip()).groups()[::2] == ("2", "0")
    assert cli(str(page), "-q").stderr == b""
    main, child = pty.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, str(ROOT / "cli.py"), str(page), str(page)],
            stdout=subprocess.DEVNULL,
            stderr=child,
            cwd=ROOT,
        )
        assert process.wait(timeout=240) == 0
        os.close(child)
        seen = b""
        while select.select([main], [], [], 1)[0]:
            try:
                chunk = os.read(main, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(main)
    assert b"\rclean-article: " in seen and b"documents  " in seen
    assert b"2 documents," in seen
