"""The ``clean-article`` command line.

``clean-article PATH...`` cleans articles (the ``clean`` command is the
default); ``train``, ``evaluate``, ``label`` and ``label validate`` work on
labeled data. Data goes to stdout, messages to stderr; exit code 0 when all
inputs succeeded, 1 when some failed, 2 on usage errors.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from classifier.bundle import BundleError, write_text_atomic
from classifier.cleaner import ArticleCleaner
from classifier.corpora import LICENCES
from classifier.dataset import DataError, is_held_out, load_labeled, read_jsonl, validate_record
from classifier.inputs import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_PARAGRAPHS,
    DEFAULT_TIME_LIMIT,
    InputError,
    decode_bytes,
)
from classifier.outputs import AtomicTextFile, Progress, StreamSink, summary_line
from classifier.pipeline import Job, Outcome, failed_result, file_jobs, record_jobs, run_jobs
from classifier.result import CleanResult
from classifier.sources import iter_inputs

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
COMMANDS = {"clean", "train", "evaluate", "label", "label-validate"}


class OutputFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"
    jsonl = "jsonl"


class InputFormat(str, Enum):
    auto = "auto"
    text = "text"
    html = "html"
    jsonl = "jsonl"


class DocumentFormat(str, Enum):
    auto = "auto"
    text = "text"
    html = "html"


class Sites(str, Enum):
    all = "all"
    held_out = "held-out"
    training = "training"


SUFFIX = {
    OutputFormat.text: ".txt",
    OutputFormat.markdown: ".md",
    OutputFormat.json: ".json",
    OutputFormat.jsonl: ".jsonl",
}


def fail(message: str) -> None:
    """Print one diagnostic line to stderr."""
    typer.echo(f"clean-article: {message}", err=True)


def load_cleaner(model: Path | None, **limits: float) -> ArticleCleaner:
    """Load the model (with per-document limits) or exit 2 with the reason."""
    try:
        return ArticleCleaner.load(model, **limits)
    except BundleError as error:
        fail(str(error))
        raise typer.Exit(2) from None


def render(
    result: CleanResult,
    output: OutputFormat,
    explanation: str | None = None,
    extra: dict[str, Any] | None = None,
) -> str:
    """A result in the requested output format; ``extra`` fields (a record's id) lead the JSON."""
    if output in (OutputFormat.json, OutputFormat.jsonl):
        data = {**(extra or {}), **result.to_dict()}
        indent = 2 if output is OutputFormat.json else None
        return json.dumps(data, ensure_ascii=False, indent=indent) + "\n"
    body = result.markdown if output is OutputFormat.markdown else result.text
    header = f"# {result.title}\n\n" if output is OutputFormat.markdown and result.title else ""
    text = header + body + ("\n" if body else "")
    return text + (f"\n{explanation}\n" if explanation else "")


@app.command()
def clean(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    format: Annotated[
        Optional[OutputFormat],  # noqa: UP045
        typer.Option("--format", "-f", help="Output format (default: text; jsonl for JSONL input)."),
    ] = None,
    input_format: Annotated[
        InputFormat,
        typer.Option("--input-format", help='How to read inputs; jsonl: one {"id", "text"|"html", "url"?} per line.'),
    ] = InputFormat.auto,
    model: Annotated[Optional[Path], typer.Option("--model", help="Model bundle directory.")] = None,  # noqa: UP045
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Output file (or directory for directory input).")
    ] = None,  # noqa: UP045
    encoding: Annotated[Optional[str], typer.Option("--encoding", help="Decode inputs with this encoding.")] = None,  # noqa: UP045
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", min=1, help="Refuse inputs (or JSONL lines) larger than this.")
    ] = DEFAULT_MAX_BYTES,
    max_paragraphs: Annotated[
        int, typer.Option("--max-paragraphs", min=1, help="Refuse documents with more paragraphs.")
    ] = DEFAULT_MAX_PARAGRAPHS,
    time_limit: Annotated[
        float, typer.Option("--time-limit", min=0.0, help="Seconds one document may take (checked between stages).")
    ] = DEFAULT_TIME_LIMIT,
    workers: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes.")] = 1,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show per paragraph the label, score and deciding features (slow).")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary on stderr.")] = False,
    sentences: Annotated[
        bool,
        typer.Option("--sentences", help="JSON/JSONL: add each kept paragraph's per-sentence opinion scores."),
    ] = False,
) -> None:
    """Clean articles: label every paragraph and print the story."""
    records = input_format is InputFormat.jsonl
    chosen = format or (OutputFormat.jsonl if records else OutputFormat.text)
    cleaner = load_cleaner(model, max_chars=max_bytes, max_paragraphs=max_paragraphs, time_limit=time_limit)
    target = _output_target(paths, output, records)
    if records:
        jobs = record_jobs(paths, max_bytes)
    else:
        jobs = file_jobs(paths, input_format.value, encoding, max_bytes, exclude=target.directory)
    progress = Progress(sys.stderr, enabled=not quiet and sys.stderr.isatty())
    single = len(paths) == 1 and not records and not any(Path(p).is_dir() for p in paths)
    try:
        outcomes = run_jobs(cleaner, jobs, workers, explain, sentences=sentences)
        tally = _write_all(outcomes, cleaner, chosen, target, single, progress)
    except BrokenProcessPool:
        progress.close()
        fail("a worker process died (out of memory?); rerun with -j 1 to find the input")
        raise typer.Exit(1) from None
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # the reader left: stop quietly
        raise typer.Exit(1) from None
    progress.close()
    if not quiet:
        typer.echo(summary_line(tally.documents, tally.kept, tally.failures, progress.elapsed), err=True)
    raise typer.Exit(1 if tally.failures else 0)


@dataclass(frozen=True)
class Target:
    """Where results go: a directory tree, one file, or stdout (both None)."""

    directory: Path | None
    file: Path | None
    forbidden: tuple[Path, ...]


@dataclass
class Tally:
    """Running counts for the progress line and the summary."""

    documents: int = 0
    kept: int = 0
    failures: int = 0


def _output_target(paths: list[str], output: Path | None, records: bool) -> Target:
    """Decide where results go and refuse (exit 2) outputs that would overwrite inputs."""
    given = [Path(p).resolve() for p in paths if p != "-" and Path(p).exists()]
    if output is None:
        return Target(None, None, ())
    resolved = output.resolve()
    to_dir = not records and (output.is_dir() or any(Path(p).is_dir() for p in paths))
    if not to_dir:
        if resolved in given:
            fail(f"{output}: refusing to overwrite an input file")
            raise typer.Exit(2)
        if output.is_dir():
            fail(f"{output}: is a directory; give a file name for the output")
            raise typer.Exit(2)
        return Target(None, output, ())
    if output.exists() and not output.is_dir():
        fail(f"{output}: exists and is not a directory")
        raise typer.Exit(2)
    if resolved in given:
        fail(f"{output}: refusing to write into the input directory; choose another output directory")
        raise typer.Exit(2)
    # Inputs a result must not land on or inside: input files, and input
    # directories whose walk does not skip the output directory.
    forbidden = tuple(g for g in given if not (g.is_dir() and resolved.is_relative_to(g)))
    return Target(output, None, forbidden)


def _target_path(target: Target, outcome: Outcome, format: OutputFormat) -> Path | None:
    """The file a directory-mode result goes to, or None when it would overwrite an input."""
    assert target.directory is not None
    relative = outcome.job.relative or Path(Path(outcome.job.name).name)
    path = target.directory / relative.with_suffix(SUFFIX[format])
    resolved = path.resolve()
    if any(resolved == given or resolved.is_relative_to(given) for given in target.forbidden):
        return None
    return path


def _write_all(
    outcomes: Iterable[Outcome],
    cleaner: ArticleCleaner,
    format: OutputFormat,
    target: Target,
    single: bool,
    progress: Progress,
) -> Tally:
    """Write outcomes as they arrive: to stdout, one atomic file, or a mirrored tree."""
    if target.file is not None:
        with AtomicTextFile(target.file) as handle:
            return _stream(outcomes, cleaner, format, target, StreamSink(handle, format.value, single), progress)
    sink = StreamSink(sys.stdout, format.value, single) if target.directory is None else None
    return _stream(outcomes, cleaner, format, target, sink, progress)


def _stream(
    outcomes: Iterable[Outcome],
    cleaner: ArticleCleaner,
    format: OutputFormat,
    target: Target,
    sink: StreamSink | None,
    progress: Progress,
) -> Tally:
    tally = Tally()
    for outcome in outcomes:
        error = outcome.error
        if error is None and outcome.result is not None:
            error = _deliver(outcome, format, target, sink)
        if error is None and outcome.result is not None:
            tally.documents += 1
            tally.kept += sum(p.kept for p in outcome.result.paragraphs)
        else:
            tally.failures += 1
            progress.close()  # erase the progress line so the message stands on its own line
            fail(f"{_describe(outcome.job)}: {error}")
            if sink is not None and outcome.job.record and format in (OutputFormat.json, OutputFormat.jsonl):
                sink.write(render(failed_result(cleaner, outcome), format, extra={"id": outcome.job.id}))
        progress.update(tally.documents + tally.failures, tally.failures)
    if sink is not None:
        sink.close()
    return tally


def _deliver(outcome: Outcome, format: OutputFormat, target: Target, sink: StreamSink | None) -> str | None:
    """Write one good result; the error message when it cannot be written."""
    assert outcome.result is not None
    extra = {"id": outcome.job.id} if outcome.job.record else None
    rendered = render(outcome.result, format, outcome.explanation, extra)
    if sink is not None:
        sink.write(rendered)
        return None
    path = _target_path(target, outcome, format)
    if path is None:
        return "output would overwrite an input; skipped"
    try:
        write_text_atomic(path, rendered)
    except OSError as error:
        return f"cannot write {path}: {error.strerror or error}"
    return None


def _describe(job: Job) -> str:
    """How messages name an input: its name, and the record id when there is one."""
    return f"{job.name} (id {job.id!r})" if job.record and job.id is not None else job.name


def _load_data(data: list[Path], corpora: Path | None, sites: Sites, html_examples: bool = False) -> list:
    try:
        documents = load_labeled(data, corpora, html_examples=html_examples)
    except (DataError, OSError) as error:
        fail(str(error))
        raise typer.Exit(1) from None
    if sites is Sites.all:
        return documents
    # Seeds and other full-text data have no corpus site split; keep them with training.
    return [d for d in documents if is_held_out(d) == (sites is Sites.held_out)]


@app.command()
def train(
    data: Annotated[list[Path], typer.Argument(help="Labeled JSONL files.")],
    out: Annotated[Path, typer.Option("--output", "-o", help="Model bundle directory to write.")],
    corpora: Annotated[Optional[Path], typer.Option("--corpora", help="Directory of the shared corpora.")] = None,  # noqa: UP045
    sites: Annotated[Sites, typer.Option("--sites", help="Which corpus sites to train on.")] = Sites.all,
    rounds: Annotated[int, typer.Option("--rounds", help="Boosting rounds.")] = 150,
    seed: Annotated[int, typer.Option("--seed", help="Random seed.")] = 13,
    keep_threshold: Annotated[
        float, typer.Option("--keep-threshold", help="Min P(reporting)+P(opinion) to keep.")
    ] = 0.5,
    name: Annotated[str, typer.Option("--name", help="Model name written to the manifest.")] = "clean-article",
    html_examples: Annotated[
        bool, typer.Option("--html-examples", help="Also train on corpus pages' HTML, labeled by gold coverage.")
    ] = False,
) -> None:
    """Train a model bundle on labeled articles."""
    from classifier.training import TrainingConfig, train_bundle

    documents = _load_data(data, corpora, sites, html_examples)
    if not documents:
        fail("no labeled documents to train on")
        raise typer.Exit(1)
    corpora_used = {d.corpus for d in documents if d.corpus}
    description = {
        "name": name,
        "data_files": [str(p) for p in data],
        "sites": sites.value,
        "html_examples": html_examples,
        "held_out_rule": "sites whose sha1 mod 5 == 0 (classifier.corpora.is_test_site)",
        "licences": {k: v for k, v in LICENCES.items() if k in corpora_used or k == "seeds"},
    }
    config = TrainingConfig(rounds=rounds, seed=seed, keep_threshold=keep_threshold)
    path = train_bundle(documents, out, config, description)
    typer.echo(f"clean-article: trained on {len(documents)} documents, wrote {path}", err=True)


@app.command()
def evaluate(
    data: Annotated[list[Path], typer.Argument(help="Labeled JSONL files.")],
    model: Annotated[Optional[Path], typer.Option("--model", help="Model bundle directory.")] = None,  # noqa: UP045
    corpora: Annotated[Optional[Path], typer.Option("--corpora", help="Directory of the shared corpora.")] = None,  # noqa: UP045
    sites: Annotated[Sites, typer.Option("--sites", help="Which corpus sites to evaluate on.")] = Sites.held_out,
) -> None:
    """Evaluate a model on labeled articles: per-label scores, confusion, token F1."""
    from classifier.evaluation import evaluate as run_evaluation
    from classifier.evaluation import format_evaluation

    cleaner = load_cleaner(model)
    # Sentence labels are scored by benchmarks/opinion_heldout.py, not as pages.
    documents = [d for d in _load_data(data, corpora, sites) if not d.sentences_only]
    if not documents:
        fail("no labeled documents to evaluate")
        raise typer.Exit(1)
    typer.echo(format_evaluation(run_evaluation(cleaner, documents)))


@app.command()
def label(
    inputs: Annotated[list[str], typer.Argument(help="Articles to pre-label (files, directories, -).")],
    out: Annotated[Path, typer.Option("--output", "-o", help="JSONL file of pre-labeled records.")],
    model: Annotated[Optional[Path], typer.Option("--model", help="Model bundle directory.")] = None,  # noqa: UP045
    input_format: Annotated[DocumentFormat, typer.Option("--input-format")] = DocumentFormat.auto,
) -> None:
    """Pre-label articles with the current model for a person to correct."""
    cleaner = load_cleaner(model)
    lines, failures = [], 0
    for item in iter_inputs(inputs, DEFAULT_MAX_BYTES):
        try:
            if item.error is not None or item.data is None:
                raise InputError(item.error or "unreadable")
            result = cleaner.clean(decode_bytes(item.data), format=input_format.value, source=item.name)
        except InputError as error:
            failures += 1
            fail(f"{item.name}: {error}")
            continue
        record = {
            "id": item.name,
            "title": result.title,
            "url": result.url,
            "reviewed": False,
            "paragraphs": [{"text": p.text, "label": p.label, "score": round(p.score, 3)} for p in result.paragraphs],
        }
        lines.append(json.dumps(record, ensure_ascii=False))
    write_text_atomic(out, "\n".join(lines) + ("\n" if lines else ""))
    typer.echo(f"clean-article: wrote {len(lines)} records to {out}", err=True)
    raise typer.Exit(1 if failures else 0)


@app.command("label-validate")
def label_validate(
    files: Annotated[list[Path], typer.Argument(help="Labeled JSONL files to check.")],
    corpora: Annotated[Optional[Path], typer.Option("--corpora", help="Directory of the shared corpora.")] = None,  # noqa: UP045
) -> None:
    """Check labeled files: schema, label names, duplicate ids, text drift."""
    problems = 0
    seen: dict[str, str] = {}
    for path in files:
        try:
            for number, record in read_jsonl(path):
                where = f"{path}:{number}"
                for problem in validate_record(record):
                    problems += 1
                    fail(f"{where}: {problem}")
                # A reviewed record may override a rule-derived one with the same id.
                key = f"{record.get('id')}|{bool(record.get('reviewed'))}"
                if key in seen:
                    problems += 1
                    fail(f"{where}: duplicate id {record.get('id')!r} (first at {seen[key]})")
                seen.setdefault(key, where)
        except (DataError, OSError, UnicodeDecodeError) as error:
            problems += 1
            fail(f"{path}: {error}")
    if not problems:
        try:
            documents = load_labeled(files, corpora)
        except (DataError, OSError) as error:
            problems += 1
            fail(str(error))
        else:
            typer.echo(f"clean-article: {len(documents)} records valid in {len(files)} files", err=True)
    raise typer.Exit(1 if problems else 0)


def main() -> None:
    """Entry point: ``clean`` is the default command; ``label validate`` is an alias."""
    argv = sys.argv[1:]
    if argv[:2] == ["label", "validate"]:
        argv = ["label-validate", *argv[2:]]
    elif argv and argv[0] not in COMMANDS and argv[0] not in ("--help", "-h"):
        argv = ["clean", *argv]
    app(args=argv, prog_name="clean-article")


if __name__ == "__main__":
    main()
