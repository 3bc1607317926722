"""Reading input text: the character-level rewrites every document goes through."""

from __future__ import annotations

import unicodedata

from classifier.cleaner import segment
from classifier.inputs import normalize_characters, sanitize_text


def test_decomposed_letters_are_composed_and_invisible_hyphens_dropped():
    decomposed = unicodedata.normalize("NFD", "geprüft Übergröße")
    assert decomposed != "geprüft Übergröße"
    assert normalize_characters(decomposed) == "geprüft Übergröße"
    assert normalize_characters("Mei\u00adnungs\u00adver\u00adschie\u00adden\u200bheit") == "Meinungsverschiedenheit"
    # Zero-width joiners shape scripts and emoji: they stay.
    assert normalize_characters("\u0645\u200c\u06cc 👩\u200d💻") == "\u0645\u200c\u06cc 👩\u200d💻"


def test_each_invisible_character_alone_is_dropped():
    for invisible in ("\u00ad", "\u200b", "\u2060", "\ufeff"):
        assert normalize_characters(f"Wort{invisible}teil") == "Wortteil"
    assert normalize_characters("plain ascii text") == "plain ascii text"


def test_lone_surrogates_become_replacement_characters_and_controls_go():
    assert sanitize_text("a\ud800b\udfffc") == "a\ufffdb\ufffdc"
    assert sanitize_text("tab\tbell\x07 end\x7f") == "tab\tbell end"
    assert sanitize_text("Grüße 👩\u200d💻") == "Grüße 👩\u200d💻"


def test_both_input_formats_are_segmented_from_normalized_text():
    text = unicodedata.normalize("NFD", "Der Bürgermeister hat die Ge\u00adnehmigung erteilt.")
    html = f"<html><body><p>{text}</p><p>Zweiter Absatz.</p></body></html>"
    for document in (segment(text, "text"), segment(html, "html")):
        assert document.blocks[0].text == "Der Bürgermeister hat die Genehmigung erteilt."


def test_a_page_given_with_its_byte_order_mark_is_sniffed_as_html():
    page = "\ufeff<!DOCTYPE html><html><body><p>Der Rat hat entschieden.</p></body></html>"
    document = segment(page)
    assert document.input_format == "html"
    assert [b.text for b in document.blocks] == ["Der Rat hat entschieden."]
