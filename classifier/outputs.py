"""Where results go: streamed to stdout or atomically into a file, and a progress line.

A result is written as soon as it is ready; nothing collects the whole
output. An output file is written through a temporary file in the same
directory and renamed into place only when the run finishes, so a reader
never sees half a file and an interrupted run leaves the old file intact.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import TextIO

PROGRESS_INTERVAL = 0.25


class AtomicTextFile:
    """A text file written via a temporary sibling and renamed into place on success."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.handle: TextIO | None = None
        self.temporary: str | None = None

    def __enter__(self) -> TextIO:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, self.temporary = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp")
        self.handle = os.fdopen(descriptor, "w", encoding="utf-8", newline="\n")
        return self.handle

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        assert self.handle is not None and self.temporary is not None
        self.handle.close()
        if kind is None:
            os.chmod(self.temporary, 0o644)  # mkstemp creates 0600; outputs are ordinary files
            os.replace(self.temporary, self.path)
        else:
            Path(self.temporary).unlink(missing_ok=True)


def indent_json(text: str, prefix: str = "  ") -> str:
    """Indent a pretty-printed JSON value one level, splitting on ``\\n`` only.

    (``str.splitlines`` would also split inside strings at U+2028 and friends.)
    """
    return "\n".join(prefix + line for line in text.rstrip("\n").split("\n"))


class StreamSink:
    """Writes rendered results one by one in a format's framing.

    ``json`` with several inputs is one JSON array (the same bytes as
    ``json.dumps(items, indent=2)``), written item by item; ``jsonl`` is one
    object per line; text and markdown results are separated by a blank line.
    """

    def __init__(self, handle: TextIO, format: str, single: bool) -> None:
        self.handle = handle
        self.array = format == "json" and not single
        self.separator = "" if format in ("json", "jsonl") else "\n"
        self.count = 0

    def write(self, rendered: str) -> None:
        """Write one rendered result and flush it downstream."""
        if self.array:
            self.handle.write(("[\n" if self.count == 0 else ",\n") + indent_json(rendered))
        else:
            self.handle.write((self.separator if self.count else "") + rendered)
        self.count += 1
        self.handle.flush()

    def close(self) -> None:
        """Finish the framing (close the JSON array)."""
        if self.array:
            self.handle.write("\n]\n" if self.count else "[]\n")
        self.handle.flush()


class Progress:
    """A one-line progress display on a terminal: documents, rate, errors."""

    def __init__(self, stream: TextIO, enabled: bool, interval: float = PROGRESS_INTERVAL) -> None:
        self.stream = stream
        self.enabled = enabled
        self.interval = interval
        self.started = time.monotonic()
        self.shown = 0.0
        self.width = 0

    @property
    def elapsed(self) -> float:
        """Seconds since the run started."""
        return time.monotonic() - self.started

    def update(self, documents: int, errors: int, force: bool = False) -> None:
        """Redraw the line when enough time has passed since the last redraw."""
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self.shown < self.interval:
            return
        self.shown = now
        line = progress_line(documents, errors, now - self.started)
        self.stream.write("\r" + line.ljust(self.width))
        self.width = len(line)
        self.stream.flush()

    def close(self) -> None:
        """Erase the progress line."""
        if self.enabled and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0


def progress_line(documents: int, errors: int, elapsed: float) -> str:
    """The progress text: count, rate and errors so far."""
    rate = documents / elapsed if elapsed > 0 else 0.0
    return f"clean-article: {documents:,} documents  {rate:,.1f}/s  {errors:,} errors"


def summary_line(documents: int, kept: int, errors: int, elapsed: float) -> str:
    """The closing summary: documents cleaned, kept paragraphs, errors, time."""
    rate = documents / elapsed if elapsed > 0 else 0.0
    return (
        f"clean-article: {documents} documents, {kept} kept paragraphs, {errors} errors "
        f"in {elapsed:.1f} s ({rate:.1f} documents/s)"
    )
