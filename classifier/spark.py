"""Clean a text column of a Spark DataFrame (``pip install 'clean-article[spark]'``).

::

    from classifier.spark import clean_dataframe

    cleaned = clean_dataframe(spark.read.parquet("pages/"), text_column="html", format="html")
    cleaned.select("id", "clean_text", "labels").write.parquet("clean/")

The cleaner is broadcast once (it pickles as the model's text and manifest,
a few MB); each Python worker process builds the model from it once, on first
use, and keeps it for every later task. Rows are cleaned with
``mapInPandas`` in Arrow batches, one model call per batch. Nothing here
imports pyspark until it is called, so the module is importable without it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .cleaner import ArticleCleaner

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame

OUTPUT_COLUMNS = (
    ("clean_text", "string"),
    ("title", "string"),
    ("url", "string"),
    ("date", "string"),
    ("labels", "array<string>"),
    ("kept", "array<boolean>"),
    ("clean_error", "string"),
)
FORMATS = ("auto", "text", "html")


def clean_frame(cleaner: ArticleCleaner, frame: pd.DataFrame, text_column: str, format: str = "auto") -> pd.DataFrame:
    """A pandas batch with the cleaning columns appended (the per-batch work of :func:`clean_dataframe`).

    A missing or non-text value gets empty results and its reason in ``clean_error``.
    """
    texts = [value if isinstance(value, str) else None for value in frame[text_column]]
    results = list(cleaner.clean_many([t if t is not None else "" for t in texts], format=format, errors="record"))
    errors = ["missing text" if text is None else result.error for text, result in zip(texts, results, strict=True)]
    return frame.assign(
        clean_text=[result.text for result in results],
        title=[result.title for result in results],
        url=[result.url for result in results],
        date=[result.date for result in results],
        labels=[[p.label for p in result.paragraphs] for result in results],
        kept=[[p.kept for p in result.paragraphs] for result in results],
        clean_error=errors,
    )


def output_schema(input_schema: Any) -> str:
    """The DDL schema of the cleaned DataFrame: the input columns then the cleaning columns."""
    taken = set(input_schema.fieldNames())
    clashes = sorted(taken & {name for name, _ in OUTPUT_COLUMNS})
    if clashes:
        raise ValueError(f"the DataFrame already has columns {clashes}; rename them before cleaning")
    fields = [f"`{field.name}` {field.dataType.simpleString()}" for field in input_schema.fields]
    return ", ".join(fields + [f"`{name}` {kind}" for name, kind in OUTPUT_COLUMNS])


def clean_dataframe(
    frame: DataFrame,
    text_column: str = "text",
    format: str = "auto",
    cleaner: ArticleCleaner | None = None,
) -> DataFrame:
    """Clean ``text_column`` of a Spark DataFrame; returns it with cleaning columns appended.

    The new columns are ``clean_text`` (the kept paragraphs), ``title``,
    ``url``, ``date``, ``labels`` and ``kept`` (one entry per paragraph, in
    reading order) and ``clean_error`` (null when the row was cleaned).
    ``cleaner`` defaults to the shipped model; give a loaded one for another
    model or other limits.
    """
    if format not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, not {format!r}")
    if text_column not in frame.columns:
        raise ValueError(f"no column {text_column!r} in {frame.columns}")
    schema = output_schema(frame.schema)
    shipped = frame.sparkSession.sparkContext.broadcast(cleaner or ArticleCleaner.load())

    def clean_batches(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        worker_cleaner = shipped.value  # unpickled (model built) once per Python worker process
        for batch in batches:
            yield clean_frame(worker_cleaner, batch, text_column, format)

    return frame.mapInPandas(clean_batches, schema=schema)
