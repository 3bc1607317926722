"""The ``clean-article`` command line.

``clean-article PATH...`` cleans articles (the ``clean`` command is the
default); ``train``, ``evaluate``, ``label`` and ``label validate`` work on
labeled data. Data goes to stdout, messages to stderr; exit code 0 when all
inputs succeeded, 1 when some failed, 2 on usage errors.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from classifier.bundle import BundleError, write_text_atomic
from classifier.cleaner import ArticleCleaner
from classifier.corpora import LICENCES, is_test_site
from classifier.dataset import DataError, load_labeled, read_jsonl, validate_record
from classifier.inputs import DEFAULT_MAX_BYTES, InputError, decode_bytes
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


def load_cleaner(model: Path | None) -> ArticleCleaner:
    """Load the model or exit 2 with the reason."""
    try:
        return ArticleCleaner.load(model)
    except BundleError as error:
        fail(str(error))
        raise typer.Exit(2) from None


def render(result: CleanResult, output: OutputFormat, explanation: str | None = None) -> str:
    """A result in the requested output format."""
    if output is OutputFormat.json:
        return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if output is OutputFormat.jsonl:
        return json.dumps(result.to_dict(), ensure_ascii=False) + "\n"
    body = result.markdown if output is OutputFormat.markdown else result.text
    header = f"# {result.title}\n\n" if output is OutputFormat.markdown and result.title else ""
    text = header + body + ("\n" if body else "")
    return text + (f"\n{explanation}\n" if explanation else "")


@app.command()
def clean(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.text,
    input_format: Annotated[InputFormat, typer.Option("--input-format", help="How to read inputs.")] = InputFormat.auto,
    model: Annotated[Optional[Path], typer.Option("--model", help="Model bundle directory.")] = None,  # noqa: UP045
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Output file (or directory for directory input).")
    ] = None,  # noqa: UP045
    encoding: Annotated[Optional[str], typer.Option("--encoding", help="Decode inputs with this encoding.")] = None,  # noqa: UP045
    max_bytes: Annotated[int, typer.Option("--max-bytes", help="Refuse inputs larger than this.")] = DEFAULT_MAX_BYTES,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show per paragraph the label, score and deciding features (slow).")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")] = False,
) -> None:
    """Clean articles: label every paragraph and print the story."""
    cleaner = load_cleaner(model)
    inputs = [Path(p).resolve() for p in paths if p != "-" and Path(p).exists()]
    output_is_dir = output is not None and (output.is_dir() or any(Path(p).is_dir() for p in paths))
    if output is not None and not output_is_dir and output.resolve() in inputs:
        fail(f"{output}: refusing to overwrite an input file")
        raise typer.Exit(2)
    failures = documents = kept = 0
    collected: list[str] = []
    for item in iter_inputs(paths, max_bytes):
        if item.error is None and item.data is not None:
            try:
                text = decode_bytes(item.data, encoding=encoding, max_bytes=max_bytes)
            except InputError as error:
                item = type(item)(item.name, None, item.relative, str(error))
        if item.error is not None:
            failures += 1
            fail(f"{item.name}: {item.error}")
            continue
        result = cleaner.clean(text, format=input_format.value, source=item.name)
        documents += 1
        kept += sum(p.kept for p in result.paragraphs)
        explanation = _explain(cleaner, text, input_format.value, result) if explain else None
        rendered = render(result, format, explanation)
        if output_is_dir and output is not None:
            relative = item.relative or Path(Path(item.name).name)
            target = output / relative.with_suffix(SUFFIX[format])
            if target.resolve() in inputs:
                failures += 1
                fail(f"{item.name}: output {target} would overwrite an input; skipped")
                continue
            write_text_atomic(target, rendered)
        else:
            collected.append(rendered)
    _emit(
        collected,
        format,
        output if not output_is_dir else None,
        len(paths) == 1 and not any(Path(p).is_dir() for p in paths),
    )
    if not quiet:
        typer.echo(f"clean-article: {documents} documents, {kept} kept paragraphs, {failures} errors", err=True)
    raise typer.Exit(1 if failures else 0)


def _explain(cleaner: ArticleCleaner, text: str, input_format: str, result: CleanResult) -> str:
    from classifier.cleaner import segment
    from classifier.explain import explain_rows, format_explanation

    matrix = cleaner.document_features(segment(text, format=input_format))
    return format_explanation(result, explain_rows(cleaner.bundle, matrix, [p.label for p in result.paragraphs]))


def _emit(rendered: list[str], format: OutputFormat, output: Path | None, single: bool) -> None:
    if format is OutputFormat.json and not single:
        items = [json.loads(r) for r in rendered]
        text = json.dumps(items, ensure_ascii=False, indent=2) + "\n"
    else:
        text = "".join(rendered) if format in (OutputFormat.json, OutputFormat.jsonl) else "\n".join(rendered)
    if output is not None:
        write_text_atomic(output, text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def _load_data(data: list[Path], corpora: Path | None, sites: Sites) -> list:
    try:
        documents = load_labeled(data, corpora)
    except (DataError, OSError) as error:
        fail(str(error))
        raise typer.Exit(1) from None
    if sites is Sites.all:
        return documents
    # Seeds and other full-text data have no corpus site split; keep them with training.
    held_out = [d for d in documents if d.gold_text is not None and is_test_site(d.site)]
    return held_out if sites is Sites.held_out else [d for d in documents if d not in held_out]


@app.command()
def train(
    data: Annotated[list[Path], typer.Argument(help="Labeled JSONL files.")],
    out: Annotated[Path, typer.Option("--output", "-o", help="Model bundle directory to write.")],
    corpora: Annotated[Optional[Path], typer.Option("--corpora", help="Directory of the shared corpora.")] = None,  # noqa: UP045
    sites: Annotated[Sites, typer.Option("--sites", help="Which corpus sites to train on.")] = Sites.all,
    rounds: Annotated[int, typer.Option("--rounds", help="Boosting rounds.")] = 250,
    seed: Annotated[int, typer.Option("--seed", help="Random seed.")] = 13,
    keep_threshold: Annotated[
        float, typer.Option("--keep-threshold", help="Min P(reporting)+P(opinion) to keep.")
    ] = 0.5,
    name: Annotated[str, typer.Option("--name", help="Model name written to the manifest.")] = "clean-article",
) -> None:
    """Train a model bundle on labeled articles."""
    from classifier.training import TrainingConfig, train_bundle

    documents = _load_data(data, corpora, sites)
    if not documents:
        fail("no labeled documents to train on")
        raise typer.Exit(1)
    corpora_used = sorted({d.origin.split(":")[0] for d in documents})
    description = {
        "name": name,
        "data_files": [str(p) for p in data],
        "sites": sites.value,
        "held_out_rule": "sites whose sha1 mod 5 == 0 (classifier.corpora.is_test_site)",
        "licences": {
            k: v for k, v in LICENCES.items() if any(k.split(".")[0] in f for f in corpora_used) or k == "seeds"
        },
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
    documents = _load_data(data, corpora, sites)
    if not documents:
        fail("no labeled documents to evaluate")
        raise typer.Exit(1)
    typer.echo(format_evaluation(run_evaluation(cleaner, documents)))


@app.command()
def label(
    inputs: Annotated[list[str], typer.Argument(help="Articles to pre-label (files, directories, -).")],
    out: Annotated[Path, typer.Option("--output", "-o", help="JSONL file of pre-labeled records.")],
    model: Annotated[Optional[Path], typer.Option("--model", help="Model bundle directory.")] = None,  # noqa: UP045
    input_format: Annotated[InputFormat, typer.Option("--input-format")] = InputFormat.auto,
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
