"""The public entry point: :class:`ArticleCleaner` labels and cleans articles."""

from __future__ import annotations

import dataclasses
import math
import os
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import islice
from pathlib import Path

import numpy as np

from .bundle import ModelBundle, load_bundle
from .document import Block, Document
from .featurize import feature_columns, featurize
from .fields import find_date, find_title, find_url
from .html import NO_TEXT, TOO_DEEP, segment_html
from .inputs import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_PARAGRAPHS,
    DEFAULT_TIME_LIMIT,
    InputError,
    check_paragraphs,
    check_time,
    decode_bytes,
    looks_like_html,
    normalize_characters,
    sanitize_text,
)
from .keep_rules import decide_keeps
from .labels import KEPT_LABELS, LABELS
from .profile import attributed_rows, build_profile
from .result import CleanResult, ParagraphResult, SentenceScore
from .segment import segment_text
from .text import plain_text

FORMATS = ("auto", "text", "html")
ERROR_MODES = ("raise", "record")
DEFAULT_BATCH = 64
KEPT_INDEX = np.array([label in KEPT_LABELS for label in LABELS])
ALL_POSITIONS = tuple(range(len(LABELS)))
KEPT_POSITIONS = tuple(i for i in ALL_POSITIONS if KEPT_INDEX[i])
DROPPED_POSITIONS = tuple(i for i in ALL_POSITIONS if not KEPT_INDEX[i])


def default_model_dir() -> Path:
    """Directory of the default model shipped inside the package."""
    return Path(str(resources.files("models") / "default"))


def segment(text: str, format: str = "auto", source: str = "") -> Document:
    """Segment a text scrape or HTML page into a :class:`Document`."""
    if format not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, not {format!r}")
    text = sanitize_text(text)
    if format == "html" or (format == "auto" and looks_like_html(text)):
        # The segmenter normalizes the text it reads, after parsing: entities only become
        # characters there, so normalizing the whole page first would be done twice.
        return segment_html(text, source=source)
    return Document(blocks=tuple(segment_text(normalize_characters(text))), source=source, input_format="text")


@dataclass(frozen=True)
class _Prepared:
    document: Document
    matrix: np.ndarray
    error: str | None = None


class ArticleCleaner:
    """Labels every paragraph of an article and keeps the story.

    Pure and picklable: it holds only the model bundle (text + manifest) and
    the per-document limits: ``max_chars``, ``max_paragraphs`` and
    ``time_limit`` (seconds, checked between the stages of one document). A
    document over a limit gets a result with no paragraphs and ``error`` set.
    """

    def __init__(
        self,
        bundle: ModelBundle,
        max_chars: int = DEFAULT_MAX_BYTES,
        max_paragraphs: int = DEFAULT_MAX_PARAGRAPHS,
        time_limit: float = DEFAULT_TIME_LIMIT,
    ) -> None:
        self.bundle = bundle
        self.max_chars = max_chars
        self.max_paragraphs = max_paragraphs
        self.time_limit = time_limit

    @classmethod
    def load(cls, model_dir: str | os.PathLike[str] | None = None, **options: float) -> ArticleCleaner:
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
        errors: str = "raise",
    ) -> Iterator[CleanResult]:
        """Clean many articles lazily, in input order, one model call per batch.

        A text that cannot be cleaned (undecodable bytes, over a size,
        paragraph or time limit) never raises: its result has no paragraphs
        and says why in ``error``. ``errors="raise"`` raises :class:`TypeError`
        for an item that is neither ``str`` nor ``bytes``; ``errors="record"``
        records that in ``error`` too.
        """
        if format not in FORMATS:
            raise ValueError(f"format must be one of {FORMATS}, not {format!r}")
        if errors not in ERROR_MODES:
            raise ValueError(f"errors must be one of {ERROR_MODES}, not {errors!r}")
        names = iter(sources) if sources is not None else None
        items = iter(texts)
        while True:
            batch = list(islice(items, batch_size))
            if not batch:
                return
            labels = [next(names, "") if names is not None else "" for _ in batch]
            if errors == "raise":
                _require_text(batch)
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
        started = time.monotonic()
        try:
            if isinstance(text, bytes):
                text = decode_bytes(text, max_bytes=self.max_chars)
            if not isinstance(text, str):
                raise InputError(f"expected text, got {type(text).__name__}")
            if len(text) > self.max_chars:
                raise InputError(f"input too large: {len(text):,} characters, limit {self.max_chars:,}")
            document = segment(text, format=format, source=source)
            if TOO_DEEP in document.notes:
                raise InputError(TOO_DEEP)
            if document.input_format == "html" and not document.blocks:
                raise InputError(NO_TEXT)
            check_paragraphs(len(document.blocks), self.max_paragraphs)
            check_time(started, self.time_limit, "segmentation")
            matrix = self.document_features(document)
            check_time(started, self.time_limit, "feature extraction")
        except InputError as error:
            return _Prepared(Document(blocks=(), source=source), np.zeros((0, 0)), str(error))
        return _Prepared(document, matrix)

    def _label_batch(self, prepared: list[_Prepared]) -> Iterator[CleanResult]:
        rows = [p.matrix for p in prepared if p.matrix.shape[0]]
        stacked = np.vstack(rows) if rows else np.zeros((0, len(self.bundle.feature_columns)))
        probabilities = self.bundle.predict_proba(stacked)
        texts = [plain_text(block.text) for p in prepared if p.matrix.shape[0] for block in p.document.blocks]
        opinion = self.bundle.predict_opinion(stacked, texts)
        if opinion is None:
            opinion = np.full(stacked.shape[0], np.nan)
        offset = 0
        for item in prepared:
            count = item.matrix.shape[0]
            yield self._result(item, probabilities[offset : offset + count], opinion[offset : offset + count])
            offset += count

    def sentence_opinions(self, text: str) -> list[tuple[str, float]]:
        """(sentence, P(opinion)) for each sentence of a paragraph, from the opinion head."""
        from .opinion_head import sentence_scores

        if self.bundle.opinion_booster is None:
            return []
        return sentence_scores(
            self.bundle.opinion_booster, self.bundle.opinion_lexicon, plain_text(text), self.bundle.feature_columns
        )

    def score_sentences(self, result: CleanResult) -> CleanResult:
        """The result with every kept paragraph's sentences scored by the opinion
        head (one head call per document); unchanged without a head."""
        from .opinion_head import score_texts
        from .text import sentences

        head = self.bundle.opinion_booster
        if head is None or result.error is not None:
            return result
        parts = {p.index: sentences(plain_text(p.text)) for p in result.paragraphs if p.kept}
        flat = [sentence for items in parts.values() for sentence in items]
        scores = iter(score_texts(head, self.bundle.opinion_lexicon, flat, self.bundle.feature_columns))
        threshold = self.bundle.sentence_opinion_threshold
        paragraphs = []
        for paragraph in result.paragraphs:
            if paragraph.index in parts:
                scored = tuple(
                    SentenceScore(text, float(score), "opinion" if score >= threshold else "reporting")
                    for text, score in zip(parts[paragraph.index], scores, strict=False)
                )
                paragraph = dataclasses.replace(paragraph, sentences=scored)
            paragraphs.append(paragraph)
        return dataclasses.replace(result, paragraphs=tuple(paragraphs))

    def _result(self, item: _Prepared, probabilities: np.ndarray, opinion: np.ndarray) -> CleanResult:
        document = item.document
        p_kept = probabilities[:, KEPT_INDEX].sum(axis=1).tolist()
        keeps = decide_keeps(p_kept, self.bundle.keep_threshold)
        rows = zip(
            document.blocks, probabilities.tolist(), p_kept, opinion.tolist(), keeps.kept, keeps.rules, strict=True
        )
        paragraphs = tuple(
            _decide(index, block, row, p, p_opinion, self.bundle.opinion_threshold, keep=keep, rule=rule)
            for index, (block, row, p, p_opinion, keep, rule) in enumerate(rows)
        )
        # A headline the keep rule leaves in the body (P(kept) just over the threshold) is still
        # read for the title when metadata is its most probable label.
        metadata = [p.text for p in paragraphs if p.label == "metadata" or _most_probable(p) == "metadata"]
        return CleanResult(
            source=document.source,
            title=document.title or find_title(metadata),
            url=document.url or find_url(metadata),
            date=find_date(metadata),
            paragraphs=paragraphs,
            model=self.model_name,
            input_format=document.input_format,
            error=item.error,
            profile=build_profile(paragraphs, attributed_rows(item.matrix, self.bundle.feature_columns)).to_dict(),
        )


def _most_probable(paragraph: ParagraphResult) -> str:
    return LABELS[_first_largest(paragraph.probabilities, ALL_POSITIONS)]


def _first_largest(row: Sequence[float], positions: tuple[int, ...]) -> int:
    """The position (of ``positions``) of the largest value, the first on ties."""
    return max(positions, key=row.__getitem__)


def _require_text(batch: list[object]) -> None:
    """Raise :class:`TypeError` for an item that is neither text nor bytes."""
    for item in batch:
        if not isinstance(item, (str, bytes)):
            raise TypeError(f"clean_many expects str or bytes items, got {type(item).__name__}")


def _decide(
    index: int,
    block: Block,
    row: list[float],
    p_kept: float,
    p_opinion: float,
    opinion_threshold: float,
    *,
    keep: bool,
    rule: str | None,
) -> ParagraphResult:
    """Label one paragraph the keep decision (``keep_rules.decide_keeps``) kept or dropped.

    A kept paragraph is `opinion` when the opinion head (if the model has one)
    says so, else `reporting`; a dropped one gets its most probable dropped label.
    """
    if keep and not math.isnan(p_opinion):
        is_opinion = p_opinion >= opinion_threshold
        label = "opinion" if is_opinion else "reporting"
        score = p_kept * (p_opinion if is_opinion else 1.0 - p_opinion)
    else:
        best = _first_largest(row, KEPT_POSITIONS if keep else DROPPED_POSITIONS)
        label, score = LABELS[best], row[best]
    return ParagraphResult(
        index=index,
        text=block.text,
        label=label,
        score=score,
        kept=keep,
        probabilities=tuple(row),
        opinion=None if math.isnan(p_opinion) else p_opinion,
        rule=rule,
    )
