"""The source-reliability profile of one article, from its paragraph labels.

Every component is computed from the labels and the opinion/boilerplate
feature families; none looks at the outlet's name or URL. Definitions are in
docs/profile.md. The band is a reading aid, not a fact-check.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from features.base import view_paragraph
from features.boilerplate import ABOUT_ORG, CONTACT, EMAIL, PHONE, RELEASE_MARKER
from features.lexicons import LOADED_WORDS
from features.opinion import attribution_evidence, split_quotes

from .result import ParagraphResult
from .text import words

# Thresholds, chosen on the seeds and the reviewed training pages (not the test sites).
OPINION_GENRE_SHARE = 0.5  # at least half the body is the author's own voice
# An article that opens or closes in the author's voice with this much opinion is commentary.
FRAMED_OPINION_SHARE = 0.2
NEWS_MIN_REPORTING = 3  # a news report has several reporting paragraphs
WELL_ATTRIBUTED = 0.5  # half the reporting paragraphs name or describe a source
POORLY_ATTRIBUTED = 0.2
LOADED_HIGH = 6.0  # loaded words per 1,000 body words, outside quotes
NOISY_SCRAPE = 0.6  # share of the scrape's words that were not the story

# An organisation's boilerplate paragraph ("X is a worldwide movement ...") runs to
# a few sentences; menu links ("About Us", "About the author") are two or three words.
ABOUT_MIN_WORDS = 15
QUOTED_ENOUGH = 0.3  # share of a paragraph's characters inside quotes that makes it attributed speech


@dataclass(frozen=True)
class Profile:
    """What kind of source an article is and how much of it is the author's voice."""

    genre: str
    opinion_share: float
    attribution_rate: float
    loaded_language_per_1000_words: float
    boilerplate_share: float
    off_topic_share: float
    reliability: str
    reasons: tuple[str, ...]

    def to_dict(self) -> dict:
        """The profile as the JSON ``profile`` object."""
        return {
            "genre": self.genre,
            "opinion_share": round(self.opinion_share, 3),
            "attribution_rate": round(self.attribution_rate, 3),
            "loaded_language_per_1000_words": round(self.loaded_language_per_1000_words, 2),
            "boilerplate_share": round(self.boilerplate_share, 3),
            "off_topic_share": round(self.off_topic_share, 3),
            "reliability": self.reliability,
            "reasons": list(self.reasons),
        }


# The feature columns that hold :func:`features.opinion.attribution_evidence`, in its order.
ATTRIBUTION_COLUMNS = ("opinion.attributions", "opinion.quote_share", "opinion.reporting_verb_rate")


def carries_source(attributions: float, quote_share: float, reporting_verbs: float) -> bool:
    """The attribution rule on a paragraph's evidence (see :func:`attribution_evidence`)."""
    return attributions > 0 or quote_share >= QUOTED_ENOUGH or reporting_verbs > 0


def is_attributed(text: str) -> bool:
    """A reporting paragraph whose claim carries a named or described source."""
    return carries_source(*attribution_evidence(view_paragraph(text, None)))


def attributed_rows(matrix: np.ndarray, columns: Sequence[str]) -> list[bool] | None:
    """:func:`is_attributed` for every row of a feature matrix, read from the
    columns the features already computed; None when the matrix lacks them
    (a model without these columns, or a refused document's empty matrix)."""
    if not set(ATTRIBUTION_COLUMNS) <= set(columns) or matrix.shape[1] != len(columns):
        return None
    evidence = matrix[:, [columns.index(c) for c in ATTRIBUTION_COLUMNS]]
    return [carries_source(*row) for row in evidence.tolist()]


def loaded_words_outside_quotes(text: str) -> tuple[int, int]:
    """(loaded words, all words) in the author's own voice, quotes removed."""
    own = words(split_quotes(text)[1])
    return sum(1 for w in own if w in LOADED_WORDS), len(own)


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _is_contact_block(text: str) -> bool:
    """Contact words with an address to reach someone, not a bare "Contact" menu link."""
    return bool(CONTACT.search(text)) and bool(EMAIL.search(text) or PHONE.search(text))


def _is_about_paragraph(text: str) -> bool:
    """An about-the-organisation paragraph, not an "About Us" menu link."""
    return bool(ABOUT_ORG.search(text)) and len(text.split()) >= ABOUT_MIN_WORDS


def _is_press_release(paragraphs: Sequence[ParagraphResult]) -> bool:
    boiler = [p.text for p in paragraphs if p.label in ("boilerplate", "metadata")]
    marker = any(RELEASE_MARKER.search(t) for t in boiler)
    contact = any(_is_contact_block(t) for t in boiler)
    about = any(_is_about_paragraph(t) for t in boiler)
    return marker or (contact and about)


def _genre(paragraphs: Sequence[ParagraphResult], opinion_share: float, attribution_rate: float) -> str:
    reporting = sum(1 for p in paragraphs if p.label == "reporting")
    if _is_press_release(paragraphs):
        return "press_release"
    body = [p for p in paragraphs if p.kept]
    framed = bool(body) and "opinion" in (body[0].label, body[-1].label)
    if opinion_share >= OPINION_GENRE_SHARE or (opinion_share >= FRAMED_OPINION_SHARE and framed):
        return "opinion"
    if reporting >= NEWS_MIN_REPORTING and attribution_rate >= POORLY_ATTRIBUTED:
        return "news_report"
    return "other"


def _band(genre: str, opinion_share: float, attribution: float, loaded: float, noise: float) -> tuple[str, list[str]]:
    reasons: list[str] = []
    score = 0
    if attribution >= WELL_ATTRIBUTED:
        score += 1
        reasons.append(f"{attribution:.0%} of reporting paragraphs attribute their claims")
    elif attribution < POORLY_ATTRIBUTED:
        score -= 1
        reasons.append(f"only {attribution:.0%} of reporting paragraphs attribute their claims")
    if opinion_share >= OPINION_GENRE_SHARE:
        score -= 1
        reasons.append(f"{opinion_share:.0%} of the body is the author's own opinion")
    elif opinion_share > 0:
        reasons.append(f"{opinion_share:.0%} of the body is the author's own opinion")
    if loaded >= LOADED_HIGH:
        score -= 1
        reasons.append(f"loaded language: {loaded:.1f} per 1,000 words outside quotes")
    if genre == "press_release":
        reasons.append("press release: a primary source speaking for itself")
        score = min(score, 0)
    if noise >= NOISY_SCRAPE:
        reasons.append(f"{noise:.0%} of the scrape was not the story")
    band = "high" if score >= 1 else "medium" if score == 0 else "low"
    return band, reasons


def build_profile(paragraphs: Sequence[ParagraphResult], attributed: Sequence[bool] | None = None) -> Profile:
    """The profile of an article from its labeled paragraphs; ``attributed``
    (per paragraph index, from :func:`attributed_rows`) spares recomputing
    the attribution evidence the features already hold."""
    counts = {p.index: len(words(p.text)) for p in paragraphs}
    total = sum(counts.values())
    body = [p for p in paragraphs if p.kept]
    body_words = sum(counts[p.index] for p in body)
    opinion_words = sum(counts[p.index] for p in body if p.label == "opinion")
    reporting = [p for p in body if p.label == "reporting"]
    sourced = [attributed[p.index] if attributed is not None else is_attributed(p.text) for p in reporting]
    attribution = _share(sum(sourced), len(reporting))
    loaded, own = (
        (sum(x) for x in zip(*(loaded_words_outside_quotes(p.text) for p in body), strict=True)) if body else (0, 0)
    )
    loaded_rate = 1000 * _share(loaded, own)
    boiler = _share(sum(counts[p.index] for p in paragraphs if p.label == "boilerplate"), total)
    off_topic = _share(sum(counts[p.index] for p in paragraphs if p.label == "off_topic"), total)
    opinion_share = _share(opinion_words, body_words)
    genre = _genre(paragraphs, opinion_share, attribution)
    band, reasons = _band(genre, opinion_share, attribution, loaded_rate, 1 - _share(body_words, total))
    return Profile(
        genre=genre,
        opinion_share=opinion_share,
        attribution_rate=attribution,
        loaded_language_per_1000_words=loaded_rate,
        boilerplate_share=boiler,
        off_topic_share=off_topic,
        reliability=band,
        reasons=tuple(reasons),
    )
