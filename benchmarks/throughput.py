"""Throughput and memory of batch cleaning (a benchmark, not a unit test).

Measures, on documents generated from the seed articles:

- documents per second of ``clean-article --input-format jsonl -j N`` for each N,
  reading a JSONL file and writing JSONL to a pipe (wall clock, start-up included);
- documents per second of :func:`classifier.spark.clean_dataframe` on a local
  Spark session (``local[2]``), session start-up excluded;
- resident memory of the CLI (plus its worker processes) while 100,000
  documents stream through stdin to stdout, sampled at intervals, to show it
  stays flat.

Usage::

    python benchmarks/throughput.py                       # everything, prints a markdown report
    python benchmarks/throughput.py --memory-docs 20000 --skip-spark
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
CLI = [sys.executable, str(ROOT / "cli.py")]
PLACES = ("Mosul", "Baghdad", "Geneva", "London", "Washington", "Erbil", "Raqqa", "Kirkuk")


def seed_paragraphs() -> list[list[str]]:
    """The seed articles, each as its list of paragraphs."""
    return [p.read_text(encoding="utf-8").split("\n\n") for p in sorted(SEEDS.glob("*.txt"))]


def generate(count: int, longest: int = 20) -> Iterator[dict[str, str]]:
    """``count`` varied JSONL records: a window of 1..``longest`` blocks of a seed article, names and numbers varied."""
    seeds = seed_paragraphs()
    for number in range(count):
        paragraphs = seeds[number % len(seeds)]
        length = 1 + (number * 7) % longest
        start = (number * 13) % max(1, len(paragraphs) - length)
        place = PLACES[number % len(PLACES)]
        window = [p.replace("Mosul", place).replace("2017", str(1990 + number % 35)) for p in paragraphs]
        yield {"id": f"doc-{number}", "text": "\n\n".join(window[start : start + length])}


def write_jsonl(path: Path, count: int) -> None:
    """Write ``count`` generated records to a JSONL file."""
    with path.open("w", encoding="utf-8") as handle:
        for record in generate(count):
            handle.write(json.dumps(record) + "\n")


def cli_throughput(data: Path, count: int, workers: int) -> dict[str, float]:
    """Run the CLI over a JSONL file; documents per second, wall clock."""
    started = time.monotonic()
    done = subprocess.run(
        [*CLI, str(data), "--input-format", "jsonl", "-j", str(workers), "-q"],
        capture_output=True,
        check=False,
    )
    elapsed = time.monotonic() - started
    lines = done.stdout.count(b"\n")
    if done.returncode != 0 or lines != count:
        raise RuntimeError(f"-j {workers}: exit {done.returncode}, {lines} lines: {done.stderr.decode()[-500:]}")
    return {
        "workers": workers,
        "documents": count,
        "seconds": round(elapsed, 1),
        "docs_per_s": round(count / elapsed, 1),
    }


def spark_throughput(count: int) -> dict[str, float]:
    """Clean ``count`` documents with the Spark helper on ``local[2]``; documents per second."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    from classifier.spark import clean_dataframe

    started = time.monotonic()
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("clean-article-benchmark")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    startup = time.monotonic() - started
    try:
        rows = [(r["id"], r["text"]) for r in generate(count)]
        frame = spark.createDataFrame(rows, "id string, text string").repartition(2).cache()
        frame.count()
        started = time.monotonic()
        clean_dataframe(frame).write.format("noop").mode("overwrite").save()
        elapsed = time.monotonic() - started
    finally:
        spark.stop()
    return {
        "documents": count,
        "session_startup_s": round(startup, 1),
        "seconds": round(elapsed, 1),
        "docs_per_s": round(count / elapsed, 1),
    }


def tree_rss_kb(pid: int) -> int:
    """Resident set size, in KiB, of a process and all its descendants (Linux /proc)."""
    total, stack, seen = 0, [pid], set()
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except (OSError, StopIteration):
            continue
        stack.extend(int(child) for child in children)
    return total


def _feed(stdin, count: int, longest: int) -> None:
    try:
        for record in generate(count, longest):
            stdin.write((json.dumps(record) + "\n").encode())
    finally:
        stdin.close()


def streaming_memory(count: int, workers: int, every: float, longest: int) -> dict[str, object]:
    """Stream ``count`` generated documents through the CLI's stdin; RSS samples along the way."""
    process = subprocess.Popen(
        [*CLI, "-", "--input-format", "jsonl", "-j", str(workers), "-q"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    feeder = threading.Thread(target=_feed, args=(process.stdin, count, longest), daemon=True)
    feeder.start()
    samples: list[tuple[float, int, int]] = []
    done = [0]

    def count_output() -> None:
        for _ in process.stdout:
            done[0] += 1

    reader = threading.Thread(target=count_output, daemon=True)
    started = time.monotonic()
    reader.start()
    while process.poll() is None:
        samples.append((round(time.monotonic() - started, 1), done[0], tree_rss_kb(process.pid)))
        print(f"  {samples[-1][0]:8.1f} s  {samples[-1][1]:7d} documents  {samples[-1][2] / 1024:7.1f} MiB", flush=True)
        time.sleep(every)
    reader.join()
    elapsed = time.monotonic() - started
    if process.returncode != 0 or done[0] != count:
        raise RuntimeError(f"streaming run: exit {process.returncode}, {done[0]} of {count} documents")
    warm = [rss for _, finished, rss in samples if finished >= min(2000, count // 10)]
    return {
        "workers": workers,
        "documents": count,
        "seconds": round(elapsed, 1),
        "docs_per_s": round(count / elapsed, 1),
        "longest": longest,
        "peak_rss_mib": round(max(s[2] for s in samples) / 1024, 1),
        "rss_after_warm_up_mib": [round(min(warm) / 1024, 1), round(max(warm) / 1024, 1)] if warm else None,
        "samples": samples,
    }


def report(results: dict[str, object]) -> str:
    """The results as markdown tables."""
    lines = ["| run | documents | seconds | documents/s |", "|---|---|---|---|"]
    for row in results.get("cli", []):
        lines.append(f"| CLI `-j {row['workers']}` | {row['documents']:,} | {row['seconds']} | {row['docs_per_s']} |")
    spark = results.get("spark")
    if spark:
        lines.append(
            f"| Spark `local[2]` (start-up {spark['session_startup_s']} s excluded) | {spark['documents']:,} | "
            f"{spark['seconds']} | {spark['docs_per_s']} |"
        )
    memory = results.get("memory")
    if memory:
        lines += ["", "| seconds | documents done | RSS (MiB, CLI + workers) |", "|---|---|---|"]
        samples = memory["samples"]
        step = max(1, len(samples) // 12)
        for seconds, finished, rss in samples[::step] + ([samples[-1]] if (len(samples) - 1) % step else []):
            lines.append(f"| {seconds} | {finished:,} | {rss / 1024:.1f} |")
        lines.append("")
        lines.append(
            f"{memory['documents']:,} documents streamed with `-j {memory['workers']}` in {memory['seconds']} s "
            f"({memory['docs_per_s']} documents/s); peak RSS {memory['peak_rss_mib']} MiB; after warm-up "
            f"RSS stayed within {memory['rss_after_warm_up_mib']} MiB."
        )
    return "\n".join(lines)


def main() -> None:
    """Run the benchmarks and print a markdown report (and JSON with --json)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=2000, help="documents for the throughput runs")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="-j values to time")
    parser.add_argument("--memory-docs", type=int, default=100_000, help="documents to stream (0: skip)")
    parser.add_argument("--memory-workers", type=int, default=2, help="-j for the streaming run")
    parser.add_argument("--memory-longest", type=int, default=6, help="most seed blocks per streamed document")
    parser.add_argument("--every", type=float, default=10.0, help="seconds between RSS samples")
    parser.add_argument("--skip-spark", action="store_true", help="skip the Spark run")
    parser.add_argument("--json", type=Path, help="also write the results here as JSON")
    options = parser.parse_args()
    results: dict[str, object] = {"cpus": os.cpu_count(), "python": sys.version.split()[0]}
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch) / "docs.jsonl"
        write_jsonl(data, options.docs)
        results["cli"] = [cli_throughput(data, options.docs, workers) for workers in options.workers]
        print(report(results), flush=True)
    if not options.skip_spark:
        results["spark"] = spark_throughput(options.docs)
        print(report(results), flush=True)
    if options.memory_docs:
        results["memory"] = streaming_memory(
            options.memory_docs, options.memory_workers, options.every, options.memory_longest
        )
    print(report(results))
    if options.json:
        options.json.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
