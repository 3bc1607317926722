"""Metadata: headline, byline, date, source URL, dateline, reading-time lines."""

from __future__ import annotations

import re

from .base import DocView, FeatureFamily, Rows, lowercase_twin, share

MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|januar|februar|m\u00e4rz|mai|juni|"
    r"juli|oktober|dezember|janvier|février|avril|juin|juillet|août|septembre|octobre|novembre|"
    r"décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|"
    r"gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|januari|februari|maart|"
    r"mei|augustus|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro)"
)
DATE_TOKEN = re.compile(
    rf"\b(?:{MONTH}|\d{{1,4}}|am|pm|edt|est|gmt|utc|cet|cest|pst|pdt|bst|updated|published|"
    r"posted|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|"
    r"at|on|de|am|um|uhr|ago|hours?|minutes?|days?|aktualisiert|veröffentlicht|publié|publicado|"
    r"actualizado|pubblicato|aggiornato|gepubliceerd|atualizado)\b",
    re.I,
)
BYLINE = re.compile(
    r"^(?:by|von|par|por|written by|words by|reporting by|author:?|autor(?:in)?:?|auteur:?|autore:?)"
    r"\s{1,3}[A-Z\u00c0-\u017f]",
    re.I,
)
URL_LINE = re.compile(
    r"^\s{0,3}(?:https?://|www\.)[^\s]{3,2000}\s{0,3}$|^[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}/\S{0,2000}$"
)
DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{2,40}(?:\([A-Za-z .]{1,30}\))?\s{0,2}(?:[-\u2014\u2013:]|$)")
READING_TIME = re.compile(
    r"\b(?:\d{1,3}\s{0,2}min(?:ute)?s?\s{0,2}read|reading time|lesezeit|lesedauer|temps de lecture|"
    r"min de lecture|tiempo de lectura|min de lectura|tempo di lettura|leestijd|tempo de leitura)\b",
    re.I,
)

DATE_TOKEN_LOWER = lowercase_twin(DATE_TOKEN)
READING_TIME_LOWER = lowercase_twin(READING_TIME)

COLUMNS = (
    "matches_title",
    "byline",
    "date_token_share",
    "url_line",
    "dateline",
    "reading_time",
)


def extract(view: DocView) -> Rows:
    """Metadata features for every paragraph."""
    rows: Rows = []
    for paragraph in view.paragraphs:
        text = paragraph.plain.strip()
        words = paragraph.words
        title_share = share(len(paragraph.content_words & view.title_words), len(paragraph.content_words))
        matches_title = title_share if len(words) <= 30 and view.title_words else 0.0
        rows.append(
            (
                matches_title,
                float(bool(BYLINE.match(text)) and len(words) <= 12),
                share(len(DATE_TOKEN_LOWER.findall(paragraph.lower[:500])), len(words)) if len(words) <= 15 else 0.0,
                float(bool(URL_LINE.match(text[:2100]))),
                float(len(words) <= 6 and bool(DATELINE.match(text))),
                float(bool(READING_TIME_LOWER.search(paragraph.lower[:500]))),
            )
        )
    return rows


FAMILY = FeatureFamily(name="metadata", columns=COLUMNS, extract=extract)
