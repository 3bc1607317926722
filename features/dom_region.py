"""DOM regions from HTML input: where a block sits relative to the page's prose.

Text scrapes only give reading order; the tree also says which blocks share
a container. The story's paragraphs share one subtree, while rails, menus and
footers sit in other subtrees even when they interleave in reading order.
Containers are scored roughly as in Readability: each prose block credits its
parent fully and its grandparent by half, discounted by the container's link
share; the best-scoring container is the likely article body.

All columns are missing (NaN) for text input.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from .base import MISSING, DocView, FeatureFamily, ParagraphView, Rows, share

# A block with this many words outside links (and mostly unlinked) counts as
# prose; menu items and link lists stay below it, one-sentence paragraphs do not.
PROSE_MIN_WORDS = 8
GRANDPARENT_CREDIT = 0.5
DISTANCE_CAP = 20.0

COLUMNS = (
    "in_best_container",
    "tree_distance_to_best",
    "best_container_prose_share",
    "parent_prose_share",
    "parent_prose_density",
    "parent_link_share",
    "grandparent_prose_share",
    "grandparent_link_share",
    "log_parent_blocks",
)


@dataclass(frozen=True)
class _BlockWords:
    total: int
    linked: int
    prose: int


@dataclass
class _Subtree:
    """Word counts of all blocks under one container."""

    path: tuple[int, ...]
    total: int = 0
    linked: int = 0
    prose: int = 0
    blocks: int = 0


def _block_words(paragraph: ParagraphView) -> _BlockWords:
    total = len(paragraph.words)
    linked = min(paragraph.link_words, total)
    outside = total - linked
    prose = outside if outside >= PROSE_MIN_WORDS and linked * 2 < total else 0
    return _BlockWords(total=total, linked=linked, prose=prose)


def _subtrees(paths: list[tuple[int, ...]], counts: list[_BlockWords]) -> dict[int, _Subtree]:
    subtrees: dict[int, _Subtree] = {}
    for path, words in zip(paths, counts, strict=True):
        for depth, container in enumerate(path):
            subtree = subtrees.get(container)
            if subtree is None:
                subtree = subtrees[container] = _Subtree(path=path[: depth + 1])
            subtree.total += words.total
            subtree.linked += words.linked
            subtree.prose += words.prose
            subtree.blocks += 1
    return subtrees


def _best_container(
    paths: list[tuple[int, ...]], counts: list[_BlockWords], subtrees: dict[int, _Subtree]
) -> int | None:
    credit: dict[int, float] = defaultdict(float)
    for path, words in zip(paths, counts, strict=True):
        if words.prose and len(path) >= 2:
            credit[path[-2]] += words.prose
            if len(path) >= 3:
                credit[path[-3]] += words.prose * GRANDPARENT_CREDIT
    if not credit:
        return None
    # Ties go to the container opened first, so the choice is deterministic.
    return max(
        credit,
        key=lambda c: (credit[c] * (1.0 - share(subtrees[c].linked, subtrees[c].total)), -c),
    )


def _distance(path: tuple[int, ...], target: tuple[int, ...]) -> float:
    common = 0
    for mine, theirs in zip(path, target, strict=False):
        if mine != theirs:
            break
        common += 1
    return min(DISTANCE_CAP, float(len(path) - common + len(target) - common))


def _ancestor(path: tuple[int, ...], subtrees: dict[int, _Subtree], levels: int) -> _Subtree | None:
    """The subtree of the container ``levels`` above the block's own element, if any."""
    return subtrees[path[-1 - levels]] if len(path) > levels else None


def extract(view: DocView) -> Rows:
    """DOM-region features for every paragraph (NaN without a DOM)."""
    if not view.has_dom:
        return [(MISSING,) * len(COLUMNS)] * len(view.paragraphs)
    with_dom = [(p.dom.containers, _block_words(p)) for p in view.paragraphs if p.dom is not None]
    paths = [path for path, _words in with_dom]
    counts = [words for _path, words in with_dom]
    subtrees = _subtrees(paths, counts)
    page_prose = sum(words.prose for words in counts)
    best = _best_container(paths, counts, subtrees)
    best_path = subtrees[best].path if best is not None else ()
    best_share = share(subtrees[best].prose, page_prose) if best is not None else 0.0

    rows: Rows = []
    for paragraph in view.paragraphs:
        if paragraph.dom is None:
            rows.append((MISSING,) * len(COLUMNS))
            continue
        path = paragraph.dom.containers
        parent = _ancestor(path, subtrees, 1)
        grandparent = _ancestor(path, subtrees, 2)
        rows.append(
            (
                float(best is not None and best in path),
                _distance(path, best_path) if best is not None else DISTANCE_CAP,
                best_share,
                share(parent.prose, page_prose) if parent else 0.0,
                share(parent.prose, parent.total) if parent else 0.0,
                share(parent.linked, parent.total) if parent else 0.0,
                share(grandparent.prose, page_prose) if grandparent else 0.0,
                share(grandparent.linked, grandparent.total) if grandparent else 0.0,
                math.log1p(parent.blocks) if parent else 0.0,
            )
        )
    return rows


FAMILY = FeatureFamily(name="dom_region", columns=COLUMNS, extract=extract)
