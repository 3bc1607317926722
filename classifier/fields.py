"""Metadata fields (title, date, url) read from paragraphs labeled metadata."""

from __future__ import annotations

import re

from .text import plain_text

MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DATE = re.compile(
    rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}(?:[T ]\d{{2}}:\d{{2}}(?::\d{{2}})?)?|"
    rf"{MONTHS},?\s{{1,3}}\d{{1,2}},?\s{{1,3}}\d{{4}}|"
    rf"\d{{1,2}}\.?\s{{1,3}}{MONTHS},?\s{{1,3}}\d{{4}}|"
    rf"\d{{1,2}}/\d{{1,2}}/\d{{2,4}})",
    re.I,
)
URL = re.compile(r"(?:https?://|www\.)[^\s)\]]{3,2000}|\b[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}/[^\s)\]]{1,2000}")
BYLINE = re.compile(r"^(?:by|von|par|por)\s", re.I)


def find_date(texts: list[str]) -> str:
    """The first date written in any of the texts, as written."""
    for text in texts:
        found = DATE.search(text[:1000])
        if found:
            return found.group(0)
    return ""


def find_url(texts: list[str]) -> str:
    """The first URL-looking token in any of the texts."""
    for text in texts:
        found = URL.search(text[:2100])
        if found:
            return found.group(0)
    return ""


def find_title(texts: list[str]) -> str:
    """The first metadata paragraph that reads like a headline."""
    for text in texts:
        plain = plain_text(text)
        words = plain.split()
        if 3 <= len(words) <= 40 and not DATE.search(plain) and not URL.search(plain) and not BYLINE.match(plain):
            return plain
    return ""
