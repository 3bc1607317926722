"""The document-level keep rule applied after the model: the decision's own context pass.

The model scores each paragraph with P(kept labels); the keep threshold turns
that into keep or drop one paragraph at a time. One reading of the whole
document then revises the drops:

- ``fallback``: when nothing on a page clears the threshold, its most probable
  paragraphs are kept. An empty body is rarely what a reader of an article page
  wants; on such pages the paragraphs the model rates best hold more of the
  gold text than not. The JSON marks them (``"rule": "fallback"``) so an ingest
  job can treat the page as low-confidence.

The values were chosen by site cross-validation on the training sites
(docs/evaluation.md, "Keep rules after the model"), where a second rule,
bridging single drops between kept paragraphs, was tried and not kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

FALLBACK = "fallback"
# A page whose best paragraph has P(kept) under this is boilerplate through and
# through (a menu page, a consent wall) and stays empty.
FALLBACK_FLOOR = 0.1
# The fallback keeps every paragraph within this share of the best one's P(kept):
# a page's body is usually several paragraphs the model rates alike.
FALLBACK_SHARE = 0.5


@dataclass(frozen=True)
class KeepDecisions:
    """Per paragraph: kept or not, and the rule that kept it (None for the threshold's own call)."""

    kept: tuple[bool, ...]
    rules: tuple[str | None, ...]


def decide_keeps(p_kept: Sequence[float], threshold: float) -> KeepDecisions:
    """Keep decisions for one document's paragraphs from their P(kept labels)."""
    own = tuple(p >= threshold for p in p_kept)
    if any(own) or not own or max(p_kept) < FALLBACK_FLOOR:
        return KeepDecisions(kept=own, rules=(None,) * len(own))
    best = max(p_kept)
    rules = tuple(FALLBACK if p >= best * FALLBACK_SHARE else None for p in p_kept)
    return KeepDecisions(kept=tuple(rule is not None for rule in rules), rules=rules)
