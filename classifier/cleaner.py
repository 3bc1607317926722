"""The public entry point: :class:`ArticleCleaner` labels and cleans articles."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from itertools import islice
from pathlib import Path

import numpy as np

from .bundle import ModelBundle, load_bundle
from .document import Block, Document
from .featurize import feature_columns, featurize
from .fields import find_date, find_title, find_url
from .html import segment_html
from .inputs import DEFAULT_MAX_BYTES, InputError, decode_bytes, looks_like_html, sanitize_text
from .labels import KEPT_LABELS, LABELS
from .result import CleanResult, ParagraphResult
from .segment import segment_text

FORMATS = ("auto", "text", "html")
DEFAULT_BATCH = 64
KEPT_INDEX = np.array([label in KEPT_LABELS for label in LABELS])


def default_model_dir() -> Path:
    """Directory of the default model shipped inside the package."""
    return Path(str(resources.files("models") / "default"))


def segment(text: str, format: str = "auto", source: str = "") -> Document:
    """Segment a text scrape or HTML page into a :class:`Document`."""
    if format not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, not {format!r}")
    text = sanitize_text(text)
    if format == "html" or (format == "auto" and looks_like_html(text)):
        return segment_html(text, source=source)
    return Document(blocks=tuple(segment_text(text)), source=source, input_format="text")


@dataclass(frozen=True)
class _Prepared:
    document: Document
    matrix: np.ndarray
    error: str | None = None


class ArticleCleaner:
    """Labels every paragraph of an article and keeps the story.

    Pure and picklable: it holds only the model bundle (text + manifest).
    """

    def __init__(self, bundle: ModelBundle, max_chars: int = DEFAULT_MAX_BYTES) -> None:
        self.bundle = bundle
        self.max_chars = max_chars

    @classmethod
    def load(cls, model_dir: str | os.PathLike[str] | None = None, **options: int) -> ArticleCleaner:
        """Load a model bundle (the shipped default when ``model_dir`` is None)."""
        directory = Path(model_dir) if model_dir is not None else default_model_dir()
        return cls(load_bundle(directory, feature_columns()), **options)

    @property
    def model_name(self) -> str:
        """Identifier of the model, as written into every result."""
        return self.bundle.name

    def clean(self, text: str | bytes, format: str = "auto", source: str = "") -> CleanResult:
        """Clean one article given as text/markdown or HTML."""
        return next(self.clean_many([text], format=format, sources=[source]))

    def clean_many(
        self,
        texts: Iterable[str | bytes],
        format: str = "auto",
        sources: Iterable[str] | None = None,
        batch_size: int = DEFAULT_BATCH,
    ) -> Iterator[CleanResult]:
        """Clean many articles lazily, in input order, one model call per batch."""
        if format not in FORMATS:
            raise ValueError(f"format must be one of {FORMATS}, not {format!r}")
        names = iter(sources) if sources is not None else None
        items = iter(texts)
        while True:
            batch = list(islice(items, batch_size))
            if not batch:
                return
            labels = [next(names, "") if names is not None else "" for _ in batch]
            prepared = [self._prepare(text, format, name) for text, name in zip(batch, labels, strict=True)]
            yield from self._label_batch(prepared)

    def clean_documents(self, documents: Iterable[Document], batch_size: int = DEFAULT_BATCH) -> Iterator[CleanResult]:
        """Label already-segmented documents (training data, custom segmenters)."""
        items = iter(documents)
        while True:
            batch = list(islice(items, batch_size))
            if not batch:
                return
            yield from self._label_batch([_Prepared(d, self.document_features(d)) for d in batch])

    def document_features(self, document: Document) -> np.ndarray:
        """The model's input matrix for a segmented document."""
        return featurize(document).values

    def _prepare(self, text: str | bytes, format: str, source: str) -> _Prepared:
        empty = Document(blocks=(), source=source)
        try:
            if isinstance(text, bytes):
                text = decode_bytes(text, max_bytes=self.max_chars)
            if not isinstance(text, str):
                raise InputError(f"expected text, got {type(text).__name__}")
            if len(text) > self.max_chars:
                raise InputError(f"input too large: {len(text):,} characters, limit {self.max_chars:,}")
        except InputError as error:
            return _Prepared(empty, np.zeros((0, 0)), str(error))
        document = segment(text, format=format, source=source)
        return _Prepared(document, self.document_features(document))

    def _label_batch(self, prepared: list[_Prepared]) -> Iterator[CleanResult]:
        rows = [p.matrix for p in prepared if p.matrix.shape[0]]
        stacked = np.vstack(rows) if rows else np.zeros((0, len(self.bundle.feature_columns)))
        probabilities = self.bundle.predict_proba(stacked)
        offset = 0
        for item in prepared:
            count = item.matrix.shape[0]
            yield self._result(item, probabilities[offset : offset + count])
            offset += count

    def _result(self, item: _Prepared, probabilities: np.ndarray) -> CleanResult:
        document = item.document
        paragraphs = tuple(
            _decide(index, block, row, self.bundle.keep_threshold)
            for index, (block, row) in enumerate(zip(document.blocks, probabilities, strict=True))
        )
        metadata = [p.text for p in paragraphs if p.label == "metadata"]
        return CleanResult(
            source=document.source,
            title=document.title or find_title(metadata),
            url=document.url or find_url(metadata),
            date=find_date(metadata),
            paragraphs=paragraphs,
            model=self.model_name,
            input_format=document.input_format,
            error=item.error,
        )


def _decide(index: int, block: Block, row: np.ndarray, keep_threshold: float) -> ParagraphResult:
    """Label one paragraph: keep it when P(kept labels) clears the threshold."""
    keep = float(row[KEPT_INDEX].sum()) >= keep_threshold
    candidates = np.where(keep == KEPT_INDEX, row, -1.0)
    best = int(np.argmax(candidates))
    return ParagraphResult(
        index=index,
        text=block.text,
        label=LABELS[best],
        score=float(row[best]),
        kept=keep,
        probabilities=tuple(float(v) for v in row),
    )
