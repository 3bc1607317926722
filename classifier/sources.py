"""Where inputs come from: files, directories and standard input.

Reading never raises for a bad input: each yields an :class:`InputItem`
carrying either bytes or a one-line error naming the problem. Nothing is read
whole before its size is known to be under the limit, and files met while
walking a directory are read only when they are regular files (a FIFO or a
device there would block or never end).
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .inputs import sanitize_text

STDIN = "-"
STDIN_NAME = "<stdin>"
READ_CHUNK = 1 << 16


@dataclass(frozen=True)
class InputItem:
    """One input document, or the reason it could not be read."""

    name: str
    data: bytes | None
    relative: Path | None = None
    error: str | None = None
    path: Path | None = None


@dataclass(frozen=True)
class Line:
    """One line of a line-oriented input (JSONL), or why it was refused."""

    name: str
    number: int
    data: bytes | None
    error: str | None = None


def display_name(path: str | os.PathLike[str]) -> str:
    """A path as printable text: undecodable bytes in file names become U+FFFD."""
    return sanitize_text(os.fspath(path))


def too_large(size: int | None, max_bytes: int) -> str:
    """The message for an input over the size limit."""
    amount = f"{size:,} bytes" if size is not None else f"more than {max_bytes:,} bytes"
    return f"input too large: {amount}, limit {max_bytes:,} (see --max-bytes)"


def _not_regular(mode: int) -> str:
    kind = "a directory link" if stat.S_ISDIR(mode) else "a FIFO" if stat.S_ISFIFO(mode) else "a socket or device"
    return f"not a regular file ({kind}); skipped"


def _os_error(error: OSError, path: Path) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, IsADirectoryError):
        return "is a directory"
    if isinstance(error, FileNotFoundError) and path.is_symlink():
        return "dangling symbolic link (its target does not exist)"
    return f"cannot read: {error.strerror or error}"


def _read_file(path: Path, max_bytes: int, relative: Path | None, regular_only: bool) -> InputItem:
    name = display_name(path)
    try:
        info = path.stat()
        if regular_only and not stat.S_ISREG(info.st_mode):
            return InputItem(name, None, relative, _not_regular(info.st_mode), path)
        if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
            return InputItem(name, None, relative, too_large(info.st_size, max_bytes), path)
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        return InputItem(name, None, relative, _os_error(error, path), path)
    if len(data) > max_bytes:
        return InputItem(name, None, relative, too_large(None, max_bytes), path)
    return InputItem(name, data, relative, path=path)


def walk_files(directory: Path, exclude: Path | None = None) -> Iterator[tuple[Path, str | None]]:
    """Entries below a directory in sorted order, hidden ones and ``exclude`` skipped.

    Yields ``(path, None)`` for each file (symbolic links to directories are
    not followed) and ``(path, message)`` for a subdirectory that cannot be
    listed. ``exclude`` is the output directory when it lies inside the input.
    """
    errors: list[OSError] = []
    skipped = exclude.resolve() if exclude is not None else None
    for root, dirs, files in os.walk(directory, onerror=errors.append):
        while errors:
            failed = errors.pop()
            yield Path(failed.filename or directory), _os_error(failed, Path(failed.filename or directory))
        links = [d for d in dirs if (Path(root) / d).is_symlink()]
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and d not in links and (Path(root) / d).resolve() != skipped
        )
        for name in sorted(files + links):
            if not name.startswith("."):
                yield Path(root) / name, None
    for failed in errors:
        yield Path(failed.filename or directory), _os_error(failed, Path(failed.filename or directory))


def input_files(
    paths: list[str], exclude: Path | None = None
) -> Iterator[tuple[str, Path | None, Path | None, str | None]]:
    """``(raw, path, relative, error)`` per input: files as given, directories walked, ``-`` as stdin."""
    for raw in paths:
        if raw == STDIN:
            yield raw, None, None, None
            continue
        path = Path(raw)
        if path.is_dir():
            for file, error in walk_files(path, exclude):
                relative = file.relative_to(path) if file.is_relative_to(path) else None
                yield raw, file, relative, error
        elif not path.exists() and not path.is_symlink():
            yield raw, path, None, "no such file"
        else:
            yield raw, path, None, None


def iter_inputs(paths: list[str], max_bytes: int, exclude: Path | None = None) -> Iterator[InputItem]:
    """Input items for command-line paths, in order; ``-`` is standard input (``exclude``: a directory to skip)."""
    for raw, path, relative, error in input_files(paths, exclude):
        if path is None:
            data = sys.stdin.buffer.read(max_bytes + 1)
            if len(data) > max_bytes:
                yield InputItem(STDIN_NAME, None, None, too_large(None, max_bytes))
            else:
                yield InputItem(STDIN_NAME, data)
        elif error is not None:
            yield InputItem(display_name(path if relative is not None else raw), None, relative, error, path)
        else:
            yield _read_file(path, max_bytes, relative, regular_only=relative is not None)


def bounded_lines(handle: BinaryIO, name: str, max_bytes: int) -> Iterator[Line]:
    """Lines of a binary stream, one at a time; a line over ``max_bytes`` is refused, not held."""
    number = 0
    while True:
        data = handle.readline(max_bytes + 1)
        if not data:
            return
        number += 1
        if len(data) > max_bytes and not data.endswith(b"\n"):
            while True:  # skip the rest of the over-long line in bounded chunks
                rest = handle.readline(READ_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield Line(name, number, None, too_large(None, max_bytes))
        elif data.strip():
            yield Line(name, number, data)


def iter_lines(paths: list[str], max_bytes: int) -> Iterator[Line]:
    """Non-blank lines of line-oriented inputs (JSONL), streamed; ``-`` is standard input."""
    for _raw, path, relative, error in input_files(paths):
        if path is None:
            yield from bounded_lines(sys.stdin.buffer, STDIN_NAME, max_bytes)
            continue
        name = display_name(path)
        if error is not None:
            yield Line(name, 0, None, error)
            continue
        try:
            mode = path.stat().st_mode
            if relative is not None and not stat.S_ISREG(mode):
                yield Line(name, 0, None, _not_regular(mode))
                continue
            with path.open("rb") as handle:
                yield from bounded_lines(handle, name, max_bytes)
        except OSError as error:
            yield Line(name, 0, None, _os_error(error, path))
