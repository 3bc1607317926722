"""Captions: photo/video/gallery captions, credits and gallery chrome."""

from __future__ import annotations

import re

from .base import MISSING, DocView, FeatureFamily, Rows, lowercase_twin, phrase_hits

CAPTION_MARKER = re.compile(
    r"^(?:photos?|images?|pictures?|video|gallery|slideshow|watch|fotos?|bilder?|bildergalerie|galerie|"
    r"galería|galleria|imagen|immagine|vidéo|vídeo|afbeelding)\s{0,3}:",
    re.I,
)
GALLERY_CHROME = re.compile(
    r"^(?:hide caption|show caption|caption|enlarge this image|click to enlarge|expand|"
    r"\[image or embed\]|toggle caption|view gallery|see all photos|full screen|fullscreen|"
    r"close|previous|next|\d{1,4}\s{0,3}(?:of|/|von|sur|de|di|van)\s{0,3}\d{1,4}|(?:photo|image)\s{0,3}\d{1,4}|"
    r"bildunterschrift|vergrößern|schließen|vollbild|agrandir|fermer|suivant|précédent|ampliar|cerrar|"
    r"siguiente|anterior|ingrandisci|chiudi|vergroten|sluiten)$",
    re.I,
)
# Credits, not mentions: "(Getty Images)", "(Photo by X/AP)", "Image: Reuters", "© X".
# A bare agency name ("... told Reuters") is reporting, so agencies need a credit context.
CREDIT = re.compile(
    r"(?:\([^()]{0,80}(?:getty|ap photo|reuters|afp|epa|shutterstock|istock|photo|image|credit)[^()]{0,80}\)|"
    r"\b(?:photo|image|picture|photograph|credit|foto|bild)s?\s{0,2}(?:by|:|credit:)\s{0,3}\S|"
    r"getty images|shutterstock|istockphoto|via getty|file photo|courtesy of|\u00a9|"
    r"\b(?:bildquelle|fotoquelle|fotograf(?:ie)?|crédits? photo|foto di|foto de|photo de)\s{0,2}:|"
    r"\([^()]{0,80}\b(?:dpa|imago|picture alliance|keystone|ansa|efe)\b[^()]{0,80}\))",
    re.I,
)
WEEKDAY_DATE = re.compile(
    r"\bon (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)?,?\s{0,2}"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
    r"\s{1,2}\d{1,2}\b",
    re.I,
)
# Captions describe a scene in the present tense: "Smoke rises ...", "Kurdish fighters walk ...".
SCENE_VERB = re.compile(
    r"^(?:[A-Z][\w'.-]{0,30}\s){1,6}(?:\w{2,20}s|are|is|stand|gather|walk|wait|look|fire|flee)\s",
)
CREDIT_LOWER = lowercase_twin(CREDIT)
WEEKDAY_DATE_LOWER = lowercase_twin(WEEKDAY_DATE)
DOM_CAPTION_TOKENS = frozenset({"caption", "credit", "photo", "image", "gallery", "slide", "figure", "media"})

COLUMNS = (
    "caption_marker",
    "gallery_chrome",
    "photo_credit",
    "scene_date",
    "scene_present_tense",
    "dom_in_figure",
)


def _dom_in_figure(view: DocView, index: int) -> float:
    dom = view.paragraphs[index].dom
    if dom is None:
        return MISSING
    in_figure = bool({"figure", "figcaption"} & dom.ancestor_tags)
    return float(in_figure or bool(DOM_CAPTION_TOKENS & dom.class_tokens))


def extract(view: DocView) -> Rows:
    """Caption features for every paragraph."""
    rows: Rows = []
    for index, paragraph in enumerate(view.paragraphs):
        text = paragraph.plain
        rows.append(
            (
                float(bool(CAPTION_MARKER.match(text))),
                float(bool(GALLERY_CHROME.match(text.strip()))),
                float(phrase_hits(CREDIT_LOWER, paragraph.lower)),
                float(bool(WEEKDAY_DATE_LOWER.search(paragraph.lower))),
                float(bool(SCENE_VERB.match(text))),
                _dom_in_figure(view, index),
            )
        )
    return rows


FAMILY = FeatureFamily(name="captions", columns=COLUMNS, extract=extract)
