"""Rule-derived first-pass labels for the shared corpora."""

from __future__ import annotations

from classifier.derive_labels import (
    SNIPPET_PAGE_WEIGHT,
    derive_label,
    derive_snippet_record,
    is_article,
    snippet_binaries,
)


def test_article_pages_are_told_from_other_page_types():
    assert is_article({"page_type": "article"}) and is_article({})
    assert not any(is_article({"page_type": kind}) for kind in ("product", "forum", "listing", "documentation"))


def test_gold_content_is_reporting_and_linked_boilerplate_is_navigation():
    assert derive_label("The council approved the budget on Tuesday.", "content", "") == "reporting"
    assert derive_label("[Home](#) [News](#) [Sport](#)", "boilerplate", "") == "navigation"


def test_prose_outside_the_story_is_a_comment_inside_a_comment_thread():
    reader = (
        "I agree with most of this, but the council should have published the figures much earlier than it did,"
        " and nobody on the committee has explained why the delay was allowed to drag on for so many months."
    )
    assert derive_label(reader, "boilerplate", "") == "off_topic"
    assert derive_label(reader, "boilerplate", "", in_comment_thread=True) == "comment"
    assert derive_label(reader, "content", "", in_comment_thread=True) == "reporting"
    # A link list keeps the link rules: pagination and menus also sit in containers named "forum".
    assert derive_label("[Home](#) [News](#) [Sport](#)", "boilerplate", "", in_comment_thread=True) == "navigation"


def test_a_must_keep_snippet_labels_the_one_paragraph_that_holds_it():
    texts = ["[Home](#) [News](#)", "The council approved the budget on Tuesday.", "Another story entirely."]
    assert snippet_binaries(texts, {"with": ["approved the  BUDGET"]}) == [None, "content", None]


def test_a_must_keep_snippet_found_twice_labels_nothing():
    texts = ["The budget passed.", "Teaser: the budget passed."]
    assert snippet_binaries(texts, {"with": ["the budget passed"]}) == [None, None]


def test_a_must_drop_snippet_labels_only_paragraphs_it_is_most_of():
    texts = ["Impressum", "- [Impressum](#)", "Our Impressum lists the editors, their addresses and the publisher."]
    assert snippet_binaries(texts, {"without": ["Impressum"]}) == ["boilerplate", "boilerplate", None]


def test_a_paragraph_both_kinds_of_snippet_claim_stays_unlabeled():
    texts = ["Share this story", "Body text."]
    assert snippet_binaries(texts, {"with": ["Share this story"], "without": ["Share this story"]}) == [None, None]


def test_a_snippet_record_labels_decided_paragraphs_finely_and_leaves_the_rest_null():
    record = {
        "id": "t/1",
        "url": "https://example.de/a",
        "paragraphs": [{"text": t} for t in ("[Home](#) [Kontakt](#)", "Der Rat beschloss den Haushalt.", "Mehr")],
        "snippets": {"with": ["beschloss den Haushalt"], "without": ["Home Kontakt"]},
    }
    entry = derive_snippet_record(record, "trafilatura-snippets.jsonl.gz")
    assert [label for _, _, label in entry["paragraphs"]] == ["navigation", "reporting", None]
    assert entry["site"] == "example.de" and entry["reviewed"] is False
    assert entry["weight"] == SNIPPET_PAGE_WEIGHT < 1


def test_an_email_address_is_a_contact_detail_even_as_a_link():
    for text in ("[press@example.org](#)", "[[email protected]](#)", "Email: [[email protected]](#)"):
        assert derive_label(text, "boilerplate", "A title") == "boilerplate"
    # Other link-only lines are still menus.
    assert derive_label("[Contact us](#) [About](#)", "boilerplate", "A title") == "navigation"
    assert derive_label("[press@example.org](#)", "content", "A title") == "reporting"
