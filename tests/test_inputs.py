"""Reading input text: the character-level rewrites every document goes through."""

from __future__ import annotations

import unicodedata

from classifier.cleaner import segment
from classifier.inputs import normalize_characters


def test_decomposed_letters_are_composed_and_invisible_hyphens_dropped():
    decomposed = unicodedata.normalize("NFD", "geprüft Übergröße")
    assert decomposed != "geprüft Übergröße"
    assert normalize_characters(decomposed) == "geprüft Übergröße"
    assert normalize_characters("Mei\u00adnungs\u00adver\u00adschie\u00adden\u200bheit") == "Meinungsverschiedenheit"
    # Zero-width joiners shape scripts and emoji: they stay.
    assert normalize_characters("\u0645\u200c\u06cc 👩\u200d💻") == "\u0645\u200c\u06cc 👩\u200d💻"


def test_both_input_formats_are_segmented_from_normalized_text():
    text = unicodedata.normalize("NFD", "Der Bürgermeister hat die Ge\u00adnehmigung erteilt.")
    html = f"<html><body><p>{text}</p><p>Zweiter Absatz.</p></body></html>"
    for document in (segment(text, "text"), segment(html, "html")):
        assert document.blocks[0].text == "Der Bürgermeister hat die Genehmigung erteilt."
