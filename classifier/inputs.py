"""Raw input bytes into text: encoding, binary detection, format sniffing.

Every rejection is an :class:`InputError` whose message is one line a user
can act on; callers turn it into a per-input error, never a traceback.
"""

from __future__ import annotations

import codecs
import re

DEFAULT_MAX_BYTES = 10 * 1024 * 1024

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
HTML_START = re.compile(r"\s{0,1000}(?:<!doctype\s+html|<html|<\?xml[^>]{0,200}>\s{0,200}<html)", re.I)
HTML_TAG = re.compile(r"<(?:head|body|div|p|meta|title|article|span|table|a)[\s>]", re.I)
# C0 controls other than tab/newline/carriage return/form feed, and DEL.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


class InputError(ValueError):
    """An input that cannot be cleaned; the message names why in one line."""


def _declared_charset(data: bytes) -> str | None:
    found = META_CHARSET.search(data[:8192])
    if not found:
        return None
    name = found.group(1).decode("ascii", "replace").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


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
        named = f"its declared charset {declared}" if declared else "UTF-8"
        raise InputError(
            f"not valid {named} (byte 0x{data[error.start]:02x} at offset {error.start}); pass --encoding"
        ) from None


def sanitize_text(text: str) -> str:
    """Drop control characters and replace lone surrogates with U+FFFD."""
    text = CONTROL_CHARS.sub("", text)
    return LONE_SURROGATE.sub("\ufffd", text)


def looks_like_html(text: str) -> bool:
    """Sniff whether a text is an HTML page rather than a text scrape."""
    head = text[:4096]
    return bool(HTML_START.match(head)) or len(HTML_TAG.findall(head)) >= 3
