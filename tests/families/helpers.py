"""Build a one-document view and read a family's columns by name."""

from __future__ import annotations

from classifier.document import Block, Document, DomHints
from features.base import FeatureFamily, build_view


def columns_for(family: FeatureFamily, texts: list[str], title: str = "", doms=None) -> list[dict[str, float]]:
    """Rows of a family as dicts, for paragraphs built from texts."""
    doms = doms or [None] * len(texts)
    document = Document(blocks=tuple(Block(text=t, dom=d) for t, d in zip(texts, doms, strict=True)), title=title)
    rows = family.extract(build_view(document))
    return [dict(zip(family.columns, row, strict=True)) for row in rows]


def dom(tag: str = "p", ancestors: tuple[str, ...] = ("html", "body"), tokens: tuple[str, ...] = ()) -> DomHints:
    """DOM hints for a hand-built HTML block."""
    return DomHints(
        tag=tag, depth=len(ancestors) + 1, ancestor_tags=frozenset((*ancestors, tag)), class_tokens=frozenset(tokens)
    )
