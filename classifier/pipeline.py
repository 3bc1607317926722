"""Batch cleaning: inputs into jobs, jobs into ordered outcomes, in one or many processes.

Everything streams: jobs are built lazily from files, directories, stdin or
JSONL lines; at most a few chunks are in flight at a time, so memory stays
flat however long the input is; outcomes come back in input order. Worker
processes are started with the ``spawn`` context (LightGBM can hang in a
forked child) and receive the cleaner once, through the pool initializer; it
pickles as the model's text and manifest.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import groupby, islice
from pathlib import Path

from .cleaner import ArticleCleaner, segment
from .inputs import InputError, decode_bytes, parse_record, record_id
from .result import CleanResult
from .sources import iter_inputs, iter_lines

SERIAL_CHUNK = 64
PARALLEL_CHUNK = 16
CHUNKS_IN_FLIGHT_PER_WORKER = 3
WORKER_ATTRIBUTE = "clean_article_cleaner"


@dataclass(frozen=True)
class Job:
    """One document to clean, or the reason it cannot be.

    ``name`` names it in messages and becomes the result's ``source``;
    ``id`` is set for JSONL records, whose results carry it back.
    """

    name: str
    text: str | None
    format: str = "auto"
    relative: Path | None = None
    path: Path | None = None
    id: str | int | None = None
    url: str | None = None
    error: str | None = None
    record: bool = False


@dataclass(frozen=True)
class Outcome:
    """What became of one job: its result (``None`` when it never reached the cleaner)."""

    job: Job
    result: CleanResult | None
    explanation: str | None = None

    @property
    def error(self) -> str | None:
        """Why the document was not cleaned, or None."""
        if self.job.error is not None:
            return self.job.error
        return self.result.error if self.result is not None else None


def file_jobs(
    paths: list[str], input_format: str, encoding: str | None, max_bytes: int, exclude: Path | None = None
) -> Iterator[Job]:
    """Jobs for files, directories and ``-`` (stdin), one document each, in order."""
    for item in iter_inputs(paths, max_bytes, exclude):
        common = {"name": item.name, "format": input_format, "relative": item.relative, "path": item.path}
        if item.error is not None or item.data is None:
            yield Job(text=None, error=item.error or "unreadable", **common)
            continue
        try:
            yield Job(text=decode_bytes(item.data, encoding=encoding, max_bytes=max_bytes), **common)
        except InputError as error:
            yield Job(text=None, error=str(error), **common)


def record_jobs(paths: list[str], max_bytes: int) -> Iterator[Job]:
    """Jobs for JSONL inputs, one per non-blank line, streamed line by line."""
    for line in iter_lines(paths, max_bytes):
        name = f"{line.name}:{line.number}" if line.number else line.name
        if line.error is not None or line.data is None:
            yield Job(name=name, text=None, error=line.error or "unreadable", record=True)
            continue
        try:
            record = parse_record(line.data)
        except InputError as error:
            yield Job(name=name, text=None, id=record_id(line.data), error=str(error), record=True)
            continue
        yield Job(name=name, text=record.text, format=record.format, id=record.id, url=record.url, record=True)


def explain_text(cleaner: ArticleCleaner, text: str, input_format: str, result: CleanResult) -> str:
    """The ``--explain`` report for one cleaned document."""
    from .explain import explain_rows, format_explanation

    matrix = cleaner.document_features(segment(text, format=input_format))
    reasons = explain_rows(cleaner.bundle, matrix, [p.label for p in result.paragraphs])
    scored = result if any(p.sentences is not None for p in result.paragraphs) else cleaner.score_sentences(result)
    return format_explanation(scored, reasons)


def _failed(cleaner: ArticleCleaner, job: Job, message: str) -> CleanResult:
    return CleanResult(
        source=job.name,
        title="",
        url="",
        date="",
        paragraphs=(),
        model=cleaner.model_name,
        input_format=job.format,
        error=message,
    )


def _finish(cleaner: ArticleCleaner, job: Job, result: CleanResult, explain: bool, sentences: bool) -> Outcome:
    if job.url and result.error is None:
        result = dataclasses.replace(result, url=job.url)
    if sentences:
        result = cleaner.score_sentences(result)
    explanation = None
    if explain and result.error is None and job.text is not None:
        explanation = explain_text(cleaner, job.text, job.format, result)
    return Outcome(dataclasses.replace(job, text=None), result, explanation)


def _clean_group(cleaner: ArticleCleaner, jobs: list[Job], input_format: str) -> list[CleanResult]:
    """Clean jobs of one format in one model call; isolate a document that breaks the batch."""
    texts = [job.text or "" for job in jobs]
    names = [job.name for job in jobs]
    try:
        return list(cleaner.clean_many(texts, format=input_format, sources=names, errors="record"))
    except Exception:  # a bug must cost one document, not the batch: retry one by one
        results = []
        for job, text in zip(jobs, texts, strict=True):
            try:
                results.append(cleaner.clean(text, format=input_format, source=job.name))
            except Exception as error:
                results.append(_failed(cleaner, job, f"internal error ({type(error).__name__}: {error})"))
        return results


def clean_chunk(
    cleaner: ArticleCleaner, jobs: list[Job], explain: bool = False, sentences: bool = False
) -> list[Outcome]:
    """Clean a chunk of jobs in order; failed jobs pass through untouched."""
    outcomes: list[Outcome] = []
    for ready, group in groupby(jobs, key=lambda job: job.error is None):
        batch = list(group)
        if not ready:
            outcomes.extend(Outcome(job, None) for job in batch)
            continue
        for input_format, same in groupby(batch, key=lambda job: job.format):
            same_format = list(same)
            results = _clean_group(cleaner, same_format, input_format)
            outcomes.extend(
                _finish(cleaner, j, r, explain, sentences) for j, r in zip(same_format, results, strict=True)
            )
    return outcomes


def failed_result(cleaner: ArticleCleaner, outcome: Outcome) -> CleanResult:
    """The result to write for a failed outcome (an empty result naming the error)."""
    if outcome.result is not None:
        return outcome.result
    return _failed(cleaner, outcome.job, outcome.error or "unreadable")


def chunked(items: Iterable[Job], size: int) -> Iterator[list[Job]]:
    """Consecutive lists of at most ``size`` items."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _init_worker(cleaner: ArticleCleaner) -> None:
    """Pool initializer: keep the cleaner on this worker's process object (built once per worker)."""
    setattr(multiprocessing.current_process(), WORKER_ATTRIBUTE, cleaner)


def _worker_chunk(jobs: list[Job], explain: bool, sentences: bool) -> list[Outcome]:
    """Clean a chunk in a worker process with the cleaner its initializer received."""
    return clean_chunk(getattr(multiprocessing.current_process(), WORKER_ATTRIBUTE), jobs, explain, sentences)


def run_jobs(
    cleaner: ArticleCleaner,
    jobs: Iterable[Job],
    workers: int = 1,
    explain: bool = False,
    chunk_size: int | None = None,
    sentences: bool = False,
) -> Iterator[Outcome]:
    """Outcomes for jobs, in input order, using ``workers`` processes (1: this one);
    ``sentences`` adds per-sentence opinion scores to kept paragraphs."""
    if workers <= 1:
        for chunk in chunked(jobs, chunk_size or SERIAL_CHUNK):
            yield from clean_chunk(cleaner, chunk, explain, sentences)
        return
    context = multiprocessing.get_context("spawn")
    limit = workers * CHUNKS_IN_FLIGHT_PER_WORKER
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(cleaner,)) as pool:
        pending: deque[Future[list[Outcome]]] = deque()
        for chunk in chunked(jobs, chunk_size or PARALLEL_CHUNK):
            pending.append(pool.submit(_worker_chunk, chunk, explain, sentences))
            while len(pending) >= limit:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
