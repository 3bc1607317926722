"""Rule-derived first-pass labels for the shared corpora."""

from __future__ import annotations

from classifier.derive_labels import derive_label, is_article


def test_article_pages_are_told_from_other_page_types():
    assert is_article({"page_type": "article"}) and is_article({})
    assert not any(is_article({"page_type": kind}) for kind in ("product", "forum", "listing", "documentation"))


def test_gold_content_is_reporting_and_linked_boilerplate_is_navigation():
    assert derive_label("The council approved the budget on Tuesday.", "content", "") == "reporting"
    assert derive_label("[Home](#) [News](#) [Sport](#)", "boilerplate", "") == "navigation"
