"""Hypothesis properties of the cleaner (bounded for CI)."""

from __future__ import annotations

import json
import pickle

from hypothesis import given
from hypothesis import strategies as st

from classifier.inputs import normalize_characters, sanitize_text
from classifier.text import normalize_space

PIECES = st.sampled_from(
    [
        "Hide Caption",
        "3 of 12",
        "Photos: A day in the city",
        "[READ: Something else](#)",
        "MUST WATCH",
        "The minister said on Tuesday that the new rules would take effect next year.",
        '"We will not stop," said the mayor, according to a statement.',
        "- [Home](#)",
        "# A heading",
        "<p>an html-looking fragment</p>",
        "",
        "\n",
        "\n\n",
        "   ",
    ]
)
ARTICLE_TEXT = st.lists(st.one_of(PIECES, st.text(max_size=80)), max_size=25).map("\n\n".join)


@given(st.text(max_size=400))
def test_clean_never_raises_on_arbitrary_text(cleaner, text):
    result = cleaner.clean(text)
    assert all(p.label for p in result.paragraphs)


@given(ARTICLE_TEXT)
def test_kept_paragraphs_are_an_ordered_subsequence_of_the_input(cleaner, text):
    result = cleaner.clean(text, format="text")
    # The documented rewrites of input: control characters and lone surrogates dropped or
    # replaced, Unicode composed (NFC), invisible formatting characters dropped.
    haystack = normalize_space(normalize_characters(sanitize_text(text)))
    position = 0
    for paragraph in result.paragraphs:
        needle = normalize_space(paragraph.text)
        found = haystack.find(needle, position)
        assert found >= 0, needle
        position = found + len(needle)


@given(st.lists(ARTICLE_TEXT, max_size=6))
def test_clean_many_equals_clean_one_by_one(cleaner, texts):
    batched = [r.to_dict() for r in cleaner.clean_many(texts, batch_size=4)]
    single = [cleaner.clean(t).to_dict() for t in texts]
    assert batched == single


@given(ARTICLE_TEXT)
def test_same_input_gives_byte_identical_json(cleaner, text):
    first = json.dumps(cleaner.clean(text).to_dict(), sort_keys=True)
    second = json.dumps(cleaner.clean(text).to_dict(), sort_keys=True)
    assert first == second


@given(ARTICLE_TEXT)
def test_pickled_cleaner_predicts_the_same(cleaner, text):
    clone = pickle.loads(pickle.dumps(cleaner))
    assert clone.clean(text).to_dict() == cleaner.clean(text).to_dict()
