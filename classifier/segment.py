"""Text/markdown scrapes into paragraphs.

Paragraphs are separated by blank lines; inside a blank-line chunk, each
line is its own paragraph unless the chunk looks hard-wrapped (documents
such as the press-release seed have one paragraph per line). Paragraphs a
scraper broke mid-sentence are then rejoined.
"""

from __future__ import annotations

import re

from .document import Block
from .text import HEADING_MARK, LIST_MARK, WORD

BLANK_LINE = re.compile(r"\n[ \t\f\v]*\n")
TERMINAL = frozenset(".!?:;\"'\u201d\u2019)]\u2026*|")
# Words that cannot end a sentence: a paragraph ending in one was cut.
DANGLING_WORDS = frozenset(
    """
    the a an of to and or in on for with by from at as that which whose their his her its our
    your this these those is are was were be der die das und oder von zu mit le la les de des et
    """.split()
)
URL_START = re.compile(r"(?:https?://|www\.)", re.IGNORECASE)
ARTICLES = frozenset({"the", "a", "an", "der", "die", "das", "le", "la", "les"})

# Hard-wrapped text has lines of similar, moderate length.
WRAP_MIN, WRAP_MAX = 30, 100


def split_paragraphs(text: str) -> list[str]:
    """Split a text scrape into raw paragraphs (no rejoining)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs: list[str] = []
    for chunk in BLANK_LINE.split(text):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if _looks_hard_wrapped(lines):
            paragraphs.append(" ".join(lines))
        else:
            paragraphs.extend(lines)
    return paragraphs


def _looks_hard_wrapped(lines: list[str]) -> bool:
    if len(lines) < 2:
        return False
    if any(HEADING_MARK.match(line) or LIST_MARK.match(line) for line in lines):
        return False
    body = lines[:-1]
    return all(WRAP_MIN <= len(line) <= WRAP_MAX for line in body) and len(lines[-1]) <= WRAP_MAX


def is_cut_mid_sentence(first: str, second: str) -> bool:
    """True when ``second`` continues a sentence that ``first`` left unfinished."""
    if HEADING_MARK.match(first) or HEADING_MARK.match(second) or LIST_MARK.match(second):
        return False
    stripped = first.rstrip()
    if not stripped or stripped[-1] in TERMINAL:
        return False
    first_words = WORD.findall(stripped[-200:])
    if len(WORD.findall(stripped[:400])) < 6 or not first_words:
        return False
    second = second.lstrip()
    head = second[:1]
    if not head or URL_START.match(second):
        return False
    if head.islower():
        return True
    last = first_words[-1].lower()
    before_last = first_words[-2].lower() if len(first_words) > 1 else ""
    return head.isalpha() and (last in DANGLING_WORDS or before_last in ARTICLES)


def rejoin_broken(paragraphs: list[str]) -> list[Block]:
    """Merge paragraphs a scraper broke mid-sentence into single blocks."""
    blocks: list[Block] = []
    for paragraph in paragraphs:
        if blocks and is_cut_mid_sentence(blocks[-1].text, paragraph):
            previous = blocks[-1]
            blocks[-1] = Block(text=previous.text + " " + paragraph, parts=previous.parts + 1)
        else:
            blocks.append(Block(text=paragraph))
    return blocks


def segment_text(text: str) -> list[Block]:
    """Segment a text/markdown scrape into blocks in reading order."""
    return rejoin_broken(split_paragraphs(text))
