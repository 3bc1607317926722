"""Text helpers: what the cleaned body shows of a paragraph."""

from __future__ import annotations

from classifier.result import CleanResult, ParagraphResult
from classifier.text import output_text, plain_text


def test_the_body_keeps_a_paragraphs_own_leading_number_but_not_markup():
    assert output_text("1. Preheat the [oven](#).") == "1. Preheat the oven."
    assert output_text("- [Home](#)") == "Home"
    assert output_text("## 3. Klasse") == "3. Klasse"
    # Features still read the item without its number.
    assert plain_text("1. Preheat the oven.") == "Preheat the oven."


def test_a_results_text_is_its_kept_paragraphs_output_text():
    paragraphs = tuple(
        ParagraphResult(index=i, text=text, label=label, score=0.9, kept=kept)
        for i, (text, label, kept) in enumerate(
            [
                ("# Title", "metadata", False),
                ("1. und Regionalmeister 2007", "reporting", True),
                ("- [x](#)", "reporting", True),
            ]
        )
    )
    result = CleanResult(source="", title="", url="", date="", paragraphs=paragraphs, model="m")
    assert result.text == "1. und Regionalmeister 2007\n\nx"


def test_a_link_whose_text_holds_brackets_is_still_a_link():
    assert (
        plain_text("Rainfall doubled.[[12]](#) See [the [2024] report](#).")
        == "Rainfall doubled.[12] See the [2024] report."
    )
    # Unbalanced or doubly nested brackets are left as written, never partly unwrapped.
    assert plain_text("[[a]](#") == "[[a]](#"
    assert plain_text("[[[a]]](#)") == "[[[a]]](#)"
