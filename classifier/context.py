"""Stage two: context features from the stage-one (context-free) columns.

A paragraph is judged with its neighbours, as in jusText: captions come in
galleries, navigation in runs of short linked lines, rails after a
"LATEST NEWS" header, and the story in the densest run of long paragraphs.
"""

from __future__ import annotations

import math

import numpy as np

# Stage-one columns whose neighbours' values are informative.
NEIGHBOUR_COLUMNS = (
    "layout.log_words",
    "layout.link_share",
    "layout.ends_with_terminal",
    "layout.is_list_item",
    "captions.caption_marker",
    "captions.gallery_chrome",
    "navigation.nav_phrases",
    "navigation.link_only",
    "off_topic.lead_similarity",
    "opinion.quote_share",
)
OFFSETS = (-2, -1, 1, 2)
WINDOW = 3
# A paragraph with fewer words outside links than this is "short" (jusText
# uses a similar length cut; 15 words separates prose from chrome well).
LONG_PARAGRAPH_WORDS = 15
REGION_CAP = 10.0

REGION_COLUMNS = (
    "context.caption_chrome_distance",
    "context.after_rail_header",
    "context.paragraphs_since_rail_header",
    "context.long_run_length",
    "context.in_main_region",
    "context.distance_to_main_region",
    "context.nearest_long_distance",
    "context.document_paragraphs",
    "context.document_link_share",
    "context.document_long_share",
    "context.same_text_neighbour",
)


def context_columns() -> tuple[str, ...]:
    """Names of the columns :func:`context_features` returns, in order."""
    neighbours = tuple(
        f"context.{name.split('.', 1)[1]}@{offset:+d}" for name in NEIGHBOUR_COLUMNS for offset in OFFSETS
    )
    windows = tuple(f"context.{name.split('.', 1)[1]}@window" for name in NEIGHBOUR_COLUMNS)
    return neighbours + windows + REGION_COLUMNS


def shifted(values: np.ndarray, offset: int) -> np.ndarray:
    """``values`` moved so row i holds row i+offset (NaN past either end; rows may be vectors)."""
    out = np.full_like(values, np.nan)
    if offset > 0 and offset < len(values):
        out[:-offset] = values[offset:]
    elif offset < 0 and -offset < len(values):
        out[-offset:] = values[:offset]
    return out


def _window_mean(values: np.ndarray) -> np.ndarray:
    n = len(values)
    cumulative = np.concatenate([[0.0], np.cumsum(values)])
    positions = np.arange(n)
    lo, hi = np.maximum(0, positions - WINDOW), np.minimum(n, positions + WINDOW + 1)
    count = hi - lo - 1
    total = cumulative[hi] - cumulative[lo] - values
    return np.divide(total, count, out=np.zeros(n), where=count > 0)


def _distance_to_flagged(flags: np.ndarray) -> np.ndarray:
    """Distance in paragraphs to the nearest other flagged paragraph (capped)."""
    n = len(flags)
    out = np.full(n, REGION_CAP)
    last = -math.inf
    for i in range(n):
        out[i] = min(out[i], i - last)
        if flags[i]:
            last = i
    last = math.inf
    for i in range(n - 1, -1, -1):
        out[i] = min(out[i], last - i)
        if flags[i]:
            last = i
    return np.minimum(out, REGION_CAP)


def _main_region(long_words: np.ndarray) -> tuple[int, int]:
    """The run of paragraphs with the most long-paragraph words (max-sum span)."""
    weights = np.where(long_words >= LONG_PARAGRAPH_WORDS, long_words, -LONG_PARAGRAPH_WORDS / 3)
    best, best_span, running, start = -math.inf, (0, -1), 0.0, 0
    for i, weight in enumerate(weights):
        if running <= 0:
            running, start = 0.0, i
        running += weight
        if running > best:
            best, best_span = running, (start, i)
    return best_span


def _run_lengths(flags: np.ndarray) -> np.ndarray:
    out = np.zeros(len(flags))
    i = 0
    while i < len(flags):
        j = i
        while j < len(flags) and flags[j] == flags[i]:
            j += 1
        out[i:j] = (j - i) if flags[i] else 0
        i = j
    return out


def context_features(matrix: np.ndarray, columns: tuple[str, ...], texts: list[str]) -> np.ndarray:
    """Context columns for one document's stage-one matrix."""
    n = matrix.shape[0]
    if n == 0:
        return np.zeros((0, len(context_columns())))
    col = {name: matrix[:, columns.index(name)] for name in NEIGHBOUR_COLUMNS}
    parts = [shifted(col[name], offset) for name in NEIGHBOUR_COLUMNS for offset in OFFSETS]
    parts += [_window_mean(np.nan_to_num(col[name])) for name in NEIGHBOUR_COLUMNS]

    long_words = np.expm1(matrix[:, columns.index("layout.words_outside_links")])
    is_long = long_words >= LONG_PARAGRAPH_WORDS
    chrome = (matrix[:, columns.index("captions.gallery_chrome")] > 0) | (
        matrix[:, columns.index("captions.caption_marker")] > 0
    )
    rail = matrix[:, columns.index("off_topic.rail_header")] > 0
    rail_seen = np.cumsum(rail) - rail > 0
    since_rail = np.full(n, REGION_CAP)
    last_rail = None
    for i in range(n):
        if last_rail is not None:
            since_rail[i] = min(REGION_CAP, i - last_rail)
        if rail[i]:
            last_rail = i
    start, end = _main_region(long_words)
    positions = np.arange(n)
    distance_to_main = np.where(positions < start, start - positions, np.where(positions > end, positions - end, 0))
    link_share = matrix[:, columns.index("layout.link_share")]
    same_neighbour = np.array(
        [float((i > 0 and texts[i] == texts[i - 1]) or (i + 1 < n and texts[i] == texts[i + 1])) for i in range(n)]
    )
    parts += [
        _distance_to_flagged(chrome),
        rail_seen.astype(float),
        since_rail,
        _run_lengths(is_long),
        ((positions >= start) & (positions <= end)).astype(float),
        np.minimum(distance_to_main, 50).astype(float),
        _distance_to_flagged(is_long),
        np.full(n, math.log1p(n)),
        np.full(n, float(np.mean(link_share))),
        np.full(n, float(np.mean(is_long))),
        same_neighbour,
    ]
    return np.column_stack(parts)
