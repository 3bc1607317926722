"""Plain data passed between the stages: blocks of an input document."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DomHints:
    """What the HTML tree says about a block (absent for text input)."""

    tag: str
    depth: int
    ancestor_tags: frozenset[str]
    class_tokens: frozenset[str]
    # Page-unique numbers of the block-level elements enclosing the block, outermost
    # first: blocks sharing a number sit in the same subtree of the page.
    containers: tuple[int, ...] = ()


@dataclass(frozen=True)
class Block:
    """One paragraph of the input, in reading order.

    ``text`` is the paragraph as the user gave it (markdown links kept);
    ``parts`` is how many input paragraphs were rejoined into it.
    """

    text: str
    parts: int = 1
    dom: DomHints | None = None


@dataclass(frozen=True)
class Document:
    """A segmented article: its blocks and what is known about it."""

    blocks: tuple[Block, ...]
    title: str = ""
    url: str = ""
    source: str = ""
    input_format: str = "text"
    notes: tuple[str, ...] = field(default_factory=tuple)
