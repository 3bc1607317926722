"""Every regular expression in features/ and classifier/ runs in linear time.

Each module-level compiled pattern is run over adversarial inputs of size n
and 4n: generic shapes (long runs, repeated openers with no closer) plus
strings built by repeating the pattern's own literal characters, which is
what drives a backtracking engine into its worst paths. Linear patterns take
about 4x as long on 4x the input; a quadratic one takes 16x. The bound is
generous (and absolute times are never compared) so a busy machine does not
make the test flaky.
"""

from __future__ import annotations

import gc
import importlib
import pkgutil
import re
import time
from collections.abc import Iterator

import pytest

import classifier
import features

SIZE = 8_000  # above every bounded repetition in the patterns ({0,3000} at most)
GROWTH = 4
MAX_RATIO = 10.0  # linear is ~4, quadratic ~16
MIN_MEASURABLE = 0.005  # seconds at 4n below which timing is noise
ATTEMPTS = 6
SKIPPED_MODULES = {"classifier.spark"}  # imports pyspark; has no patterns

GENERIC_PIECES = (
    "a",
    " ",
    "\n",
    "1",
    ".",
    "a.",
    "a ",
    "A ",
    "1 ",
    "1-",
    "1:",
    "[",
    "[a](",
    "](",
    "<",
    "<meta ",
    "@",
    "@a",
    '"',
    '"a',
    "\u201ca",
    "#",
    "- ",
    "www.",
    "http://a",
    "a-",
    ".a",
    "\t\n",
    "Aa ",
    "aaaa@",
)


def _module_patterns() -> list[tuple[str, re.Pattern]]:
    found: dict[str, re.Pattern] = {}
    for package in (features, classifier):
        for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
            if info.name in SKIPPED_MODULES:
                continue
            module = importlib.import_module(info.name)
            for name, value in vars(module).items():
                if isinstance(value, re.Pattern) and getattr(module, "__name__", "") == info.name:
                    found.setdefault(f"{info.name}.{name}", value)
    return sorted(found.items())


PATTERNS = _module_patterns()


def _literal_pieces(pattern: re.Pattern) -> list[str]:
    """Strings made of the pattern's own literal characters, which steer it deepest."""
    source = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode("latin-1")
    letters = sorted({c for c in re.sub(r"\\.", "", source) if c.isprintable() and c not in "()|?*+{}^$\\"})
    joined = "".join(letters)
    words = re.findall(r"[A-Za-z]{2,}", source)
    pieces = [joined, joined + " ", " ".join(words[:8]) + " "] if joined else []
    return [p for p in pieces if p.strip()]


def _inputs(pattern: re.Pattern, size: int) -> list[str | bytes]:
    pieces = list(GENERIC_PIECES) + _literal_pieces(pattern)
    texts = [(piece * (size // len(piece) + 1))[:size] for piece in pieces]
    if isinstance(pattern.pattern, bytes):
        return [t.encode("utf-8", "replace")[:size] for t in texts]
    return texts


def _run_all(pattern: re.Pattern, texts: list) -> None:
    for text in texts:
        for _ in pattern.finditer(text):
            pass
        pattern.match(text)


def test_patterns_were_found():
    names = {name for name, _ in PATTERNS}
    assert len(PATTERNS) >= 30
    assert "classifier.text.MARKDOWN_LINK" in names and "features.boilerplate.PHONE" in names


def _timed(pattern: re.Pattern, texts: list) -> float:
    # As timeit does: a garbage collection set off by the match objects would
    # scan every object the test session holds, a cost unrelated to the pattern.
    gc.disable()
    try:
        started = time.perf_counter()
        _run_all(pattern, texts)
        return time.perf_counter() - started
    finally:
        gc.enable()


def _ratios(pattern: re.Pattern) -> Iterator[tuple[float, str]]:
    """Per attempt: time on 4x input over time on 1x input (0 when too fast to measure), and the timings."""
    small, large = _inputs(pattern, SIZE), _inputs(pattern, SIZE * GROWTH)
    _run_all(pattern, small)  # warm up
    # Small and large run back to back, so a load spike hits a pair, not one side.
    for _ in range(ATTEMPTS):
        small_time, large_time = _timed(pattern, small), _timed(pattern, large)
        ratio = 0.0 if large_time < MIN_MEASURABLE else large_time / max(small_time, 1e-9)
        yield ratio, f"{small_time:.4f}s -> {large_time:.4f}s"


def _grows_linearly(pattern: re.Pattern) -> tuple[bool, list[str]]:
    """Whether some attempt shows 4x input costing under MAX_RATIO x the time (a quadratic never does)."""
    measured = []
    for ratio, timings in _ratios(pattern):
        if ratio < MAX_RATIO:
            return True, measured
        measured.append(timings)
    return False, measured


def test_the_check_catches_a_quadratic_pattern():
    ratios = sorted(ratio for ratio, _ in _ratios(re.compile(r"a*b")))
    assert ratios[len(ratios) // 2] > MAX_RATIO, ratios


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[name for name, _ in PATTERNS])
def test_pattern_time_grows_linearly(name: str, pattern: re.Pattern):
    ok, measured = _grows_linearly(pattern)
    assert ok, f"{name}: {GROWTH}x input took over {MAX_RATIO}x as long in every run: {measured}"
