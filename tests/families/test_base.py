"""The feature framework: lower-case pattern twins agree with their originals."""

from __future__ import annotations

import pytest

from features import boilerplate, captions, comments, metadata, navigation

TWINS = [
    (navigation.NAV_PHRASES, navigation.NAV_PHRASES_LOWER),
    (captions.CREDIT, captions.CREDIT_LOWER),
    (captions.WEEKDAY_DATE, captions.WEEKDAY_DATE_LOWER),
    (boilerplate.CONTACT, boilerplate.CONTACT_LOWER),
    (boilerplate.RELEASE_MARKER, boilerplate.RELEASE_MARKER_LOWER),
    (boilerplate.ABOUT_ORG, boilerplate.ABOUT_ORG_LOWER),
    (boilerplate.LEGAL, boilerplate.LEGAL_LOWER),
    (boilerplate.AD_NOTICE, boilerplate.AD_NOTICE_LOWER),
    (comments.COMMENT_CHROME, comments.COMMENT_CHROME_LOWER),
    (comments.RELATIVE_TIME, comments.RELATIVE_TIME_LOWER),
    (comments.TIMESTAMP, comments.TIMESTAMP_LOWER),
    (metadata.DATE_TOKEN, metadata.DATE_TOKEN_LOWER),
    (metadata.READING_TIME, metadata.READING_TIME_LOWER),
]


@pytest.mark.parametrize(("original", "twin"), TWINS)
def test_lowercase_twins_match_the_same_text(original, twin, seed_texts):
    for text in seed_texts.values():
        for line in text.splitlines():
            assert len(original.findall(line)) == len(twin.findall(line.lower())), line[:80]


def test_view_counts_link_texts_once():
    from features.base import view_paragraph

    view = view_paragraph("Read [the full report](/r) and [its annex](/a) today.", None)
    assert (view.links, view.link_chars, view.link_words) == (2, len("the full report") + len("its annex"), 5)
    assert view_paragraph("No links here.", None).link_words == 0
