"""Where inputs come from: files, directories and standard input.

Reading never raises for a bad input: each yields an :class:`InputItem`
carrying either bytes or a one-line error naming the problem.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

STDIN = "-"


@dataclass(frozen=True)
class InputItem:
    """One input document, or the reason it could not be read."""

    name: str
    data: bytes | None
    relative: Path | None = None
    error: str | None = None


def _read_file(path: Path, max_bytes: int, relative: Path | None) -> InputItem:
    name = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return InputItem(
                name, None, relative, f"input too large: {size:,} bytes, limit {max_bytes:,} (see --max-bytes)"
            )
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except PermissionError:
        return InputItem(name, None, relative, "permission denied")
    except IsADirectoryError:
        return InputItem(name, None, relative, "is a directory")
    except OSError as error:
        return InputItem(name, None, relative, error.strerror or str(error))
    if len(data) > max_bytes:
        return InputItem(name, None, relative, f"input too large: more than {max_bytes:,} bytes (see --max-bytes)")
    return InputItem(name, data, relative)


def _walk(directory: Path) -> Iterator[Path]:
    """Files below a directory in sorted order, hidden entries skipped."""
    errors: list[OSError] = []
    for root, dirs, files in os.walk(directory, onerror=errors.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name
    for error in errors:
        yield Path(error.filename or directory)


def iter_inputs(paths: list[str], max_bytes: int) -> Iterator[InputItem]:
    """Input items for command-line paths, in order; ``-`` is standard input."""
    for raw in paths:
        if raw == STDIN:
            data = sys.stdin.buffer.read(max_bytes + 1)
            if len(data) > max_bytes:
                yield InputItem("<stdin>", None, None, f"input too large: more than {max_bytes:,} bytes")
            else:
                yield InputItem("<stdin>", data)
            continue
        path = Path(raw)
        if path.is_dir():
            for file in _walk(path):
                yield _read_file(file, max_bytes, file.relative_to(path) if file.is_relative_to(path) else None)
        elif not path.exists():
            yield InputItem(raw, None, None, "no such file")
        else:
            yield _read_file(path, max_bytes, None)
