"""Raw input bytes into text: encoding, binary detection, format sniffing.

Every rejection is an :class:`InputError` whose message is one line a user
can act on; callers turn it into a per-input error, never a traceback.
"""

from __future__ import annotations

import codecs
import json
import re
import time
import unicodedata
from dataclasses import dataclass
from typing import Any

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# Per-document limits: a page with more paragraphs than this is refused (the
# work is linear, about a millisecond a paragraph), and the wall-clock budget
# is checked between the stages of cleaning one document.
DEFAULT_MAX_PARAGRAPHS = 10_000
DEFAULT_TIME_LIMIT = 60.0
RECORD_FORMATS = {"text": "text", "html": "html"}

MAGIC_NUMBERS = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"%PDF", "a PDF document"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ", "xz-compressed data"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a RIFF media file"),
)
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
META_CHARSET = re.compile(rb"""<meta[^>]{0,500}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]{1,40})""", re.I)
# An XHTML page may name its encoding only in its XML declaration, which must open the file.
XML_ENCODING = re.compile(rb"""\A\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([a-zA-Z0-9_.:-]{1,40})["']""", re.I)
HTML_START = re.compile(r"\s{0,1000}(?:<!doctype\s+html|<html|<\?xml[^>]{0,200}>\s{0,200}<html)", re.I)
HTML_TAG = re.compile(r"<(?:head|body|div|p|meta|title|article|span|table|a)[\s>]", re.I)
# C0 controls other than tab/newline/carriage return/form feed, and DEL.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Invisible formatting characters that only hint at line breaking: soft hyphen, zero-width
# space, word joiner, and a byte-order mark inside the text. Inside a word they split it for
# `\w+` tokenizers and for substring search. Zero-width (non-)joiners stay: they change how
# Persian, Indic scripts and emoji render.
INVISIBLE = ("\u00ad", "\u200b", "\u2060", "\ufeff")
INVISIBLE_CHARS = re.compile(f"[{''.join(INVISIBLE)}]")


class InputError(ValueError):
    """An input that cannot be cleaned; the message names why in one line."""


@dataclass(frozen=True)
class Record:
    """One line of JSONL input: an id, the document and how to read it."""

    id: str | int
    text: str
    format: str
    url: str | None = None


def check_paragraphs(count: int, limit: int) -> None:
    """Raise :class:`InputError` when a document has more paragraphs than ``limit``."""
    if count > limit:
        raise InputError(f"paragraph limit hit: {count:,} paragraphs, limit {limit:,} (see --max-paragraphs)")


def check_time(started: float, limit: float, stage: str) -> None:
    """Raise :class:`InputError` when more than ``limit`` seconds passed since ``started``."""
    spent = time.monotonic() - started
    if spent > limit:
        raise InputError(f"time limit hit: {spent:.1f} s by the end of {stage}, limit {limit:g} s (see --time-limit)")


def _record_id(record: dict[str, Any]) -> str | int:
    if "id" not in record:
        raise InputError('missing "id" field')
    value = record["id"]
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InputError(f'"id" must be a string or an integer, got {type(value).__name__}')
    return sanitize_text(value) if isinstance(value, str) else value


def record_id(line: bytes) -> str | int | None:
    """The id of a JSONL line when it can be read, else None (for error records)."""
    try:
        record = json.loads(line)
        return _record_id(record) if isinstance(record, dict) else None
    except (ValueError, InputError, RecursionError):
        return None


def parse_record(line: bytes) -> Record:
    """Parse one JSONL input line ``{"id", "text"|"html", "url"?, ...}`` or raise :class:`InputError`."""
    try:
        record = json.loads(line.rstrip(b"\r\n"))
    except UnicodeDecodeError as error:
        raise InputError(f"not valid UTF-8 at byte {error.start}") from None
    except json.JSONDecodeError as error:
        raise InputError(f"invalid JSON ({error.msg} at column {error.colno})") from None
    except RecursionError:
        raise InputError("invalid JSON (nested too deeply)") from None
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, got {type(record).__name__}")
    identifier = _record_id(record)
    present = [key for key in RECORD_FORMATS if key in record]
    if len(present) != 1:
        raise InputError('needs exactly one of "text" or "html"' if present else 'missing "text" or "html" field')
    key = present[0]
    text = record[key]
    if not isinstance(text, str):
        raise InputError(f'"{key}" must be a string, got {type(text).__name__}')
    url = record.get("url")
    if url is not None and not isinstance(url, str):
        raise InputError(f'"url" must be a string, got {type(url).__name__}')
    if not text.strip():
        raise InputError(f'empty "{key}": nothing to clean')
    return Record(identifier, sanitize_text(text), RECORD_FORMATS[key], sanitize_text(url) if url else None)


def _declared_charset(data: bytes) -> str | None:
    """The charset a page names: its ``<meta>`` charset, else its XML declaration's encoding."""
    found = META_CHARSET.search(data[:8192]) or XML_ENCODING.match(data[:8192])
    if not found:
        return None
    name = found.group(1).decode("ascii", "replace").lower()
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # Bytes that reach here have no byte-order mark and no NUL bytes, so they cannot be UTF-16
    # or UTF-32 whatever the page says; browsers read such a declaration as UTF-8 too.
    return "utf-8" if codec.startswith(("utf-16", "utf-32")) else codec


def decode_bytes(data: bytes, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Decode an input file's bytes to text or raise :class:`InputError`."""
    if len(data) > max_bytes:
        raise InputError(f"input too large: {len(data):,} bytes, limit {max_bytes:,} (see --max-bytes)")
    if not data.strip():
        raise InputError("empty input: nothing to clean")
    if encoding:
        try:
            return sanitize_text(data.decode(encoding))
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as error:
            raise InputError(f"not valid {encoding} at byte {error.start}") from None
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return sanitize_text(data.decode(codec))
            except UnicodeDecodeError as error:
                raise InputError(f"invalid {codec} after its byte-order mark at byte {error.start}") from None
    for magic, what in MAGIC_NUMBERS:
        if data.startswith(magic):
            raise InputError(f"binary input ({what}), not text or HTML")
    if b"\x00" in data[:8192]:
        raise InputError("binary input (contains NUL bytes), not text or HTML")
    declared = _declared_charset(data)
    try:
        return sanitize_text(data.decode(declared or "utf-8"))
    except UnicodeDecodeError as error:
        named = f"{declared}, the page's declared charset" if declared else "UTF-8"
        raise InputError(
            f"not valid {named} (byte 0x{data[error.start]:02x} at offset {error.start}); pass --encoding"
        ) from None


def sanitize_text(text: str) -> str:
    """Drop control characters and replace lone surrogates with U+FFFD."""
    text = CONTROL_CHARS.sub("", text)
    return LONE_SURROGATE.sub("\ufffd", text) if _has_surrogate(text) else text


def _has_surrogate(text: str) -> bool:
    # Strict UTF-8 encoding fails exactly on a surrogate code point, and runs far faster than a scan.
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def normalize_characters(text: str) -> str:
    """Text as it reads: composed Unicode (NFC) without invisible formatting characters.

    A decomposed "u" + combining diaeresis becomes one "ü", as in the text users search
    and tokenizers expect (a combining mark is not a word character, so it would cut the word);
    soft hyphens and zero-width spaces go (``INVISIBLE_CHARS``). Applied to every text scrape
    before segmentation and to an HTML page's text after parsing, in training as in cleaning."""
    if text.isascii():  # already composed, and every invisible character is outside ASCII
        return text
    text = unicodedata.normalize("NFC", text)
    # Substring tests per character are far faster than the pattern's scan of a whole page.
    return INVISIBLE_CHARS.sub("", text) if any(c in text for c in INVISIBLE) else text


def looks_like_html(text: str) -> bool:
    """Sniff whether a text is an HTML page rather than a text scrape."""
    head = text[:4096].lstrip("\ufeff")  # a byte-order mark a caller decoded along with the page
    return bool(HTML_START.match(head)) or len(HTML_TAG.findall(head)) >= 3
