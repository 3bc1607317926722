"""What cleaning returns: labeled paragraphs, the clean body and metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .text import output_text


@dataclass(frozen=True)
class SentenceScore:
    """One sentence of a kept paragraph, scored alone by the opinion head."""

    text: str
    opinion: float
    label: str

    def to_dict(self) -> dict[str, Any]:
        """The sentence as in the JSON (``label`` is ``opinion`` or ``reporting``)."""
        return {"text": self.text, "opinion": round(self.opinion, 4), "label": self.label}


@dataclass(frozen=True)
class ParagraphResult:
    """One input paragraph with its label and whether it is kept."""

    index: int
    text: str
    label: str
    score: float
    kept: bool
    probabilities: tuple[float, ...] = field(default=(), repr=False)
    # P(opinion | kept) from the model's opinion head (None without a head).
    opinion: float | None = None
    # Per-sentence opinion scores of a kept paragraph, when asked for (``--sentences``).
    sentences: tuple[SentenceScore, ...] | None = None
    # The document-level keep rule that kept it (``keep_rules``), None when the threshold did.
    rule: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The paragraph as in the JSON contract (plus ``opinion`` when the model has a head)."""
        data: dict[str, Any] = {
            "index": self.index,
            "text": self.text,
            "label": self.label,
            "score": round(self.score, 4),
            "kept": self.kept,
        }
        if self.opinion is not None:
            data["opinion"] = round(self.opinion, 4)
        if self.rule is not None:
            data["rule"] = self.rule
        if self.sentences is not None:
            data["sentences"] = [sentence.to_dict() for sentence in self.sentences]
        return data


@dataclass(frozen=True)
class CleanResult:
    """The cleaned article: every paragraph labeled, plus extracted metadata."""

    source: str
    title: str
    url: str
    date: str
    paragraphs: tuple[ParagraphResult, ...]
    model: str
    input_format: str = "text"
    error: str | None = None
    profile: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The cleaned body as plain text (links unwrapped, heading and bullet marks dropped),
        paragraphs separated by blank lines."""
        return "\n\n".join(output_text(p.text) for p in self.paragraphs if p.kept)

    @property
    def markdown(self) -> str:
        """The cleaned body with the input's markdown (links, headings) kept."""
        return "\n\n".join(p.text for p in self.paragraphs if p.kept)

    def to_dict(self) -> dict[str, Any]:
        """The result as the JSON contract: source, title, url, date, text, paragraphs, model."""
        data: dict[str, Any] = {
            "source": self.source,
            "title": self.title,
            "url": self.url,
            "date": self.date,
            "text": self.text,
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "model": self.model,
            "input_format": self.input_format,
            "profile": self.profile,
        }
        if self.error is not None:
            data["error"] = self.error
        return data
