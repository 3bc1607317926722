"""The source-reliability profile on the seeds and on hand-built cases."""

from __future__ import annotations

import numpy as np

from classifier.cleaner import segment
from classifier.profile import attributed_rows, build_profile, is_attributed, loaded_words_outside_quotes
from classifier.result import ParagraphResult

BLOG = "blog-amnesty-mosul-war-crimes"
CNN = "cnn-amnesty-isis-weapons"
RELEASE = "commondreams-amnesty-mosul-release"


def test_blog_is_more_opinionated_and_loaded_than_cnn(cleaner, seed_texts):
    blog = cleaner.clean(seed_texts[BLOG]).profile
    cnn = cleaner.clean(seed_texts[CNN]).profile
    assert blog["opinion_share"] > cnn["opinion_share"]
    assert blog["loaded_language_per_1000_words"] > cnn["loaded_language_per_1000_words"]
    assert blog["genre"] == "opinion"
    assert cnn["genre"] == "news_report"


def test_press_release_is_recognised(cleaner, seed_texts):
    profile = cleaner.clean(seed_texts[RELEASE]).profile
    assert profile["genre"] == "press_release"
    assert profile["off_topic_share"] > 0.3  # the three appended LATEST NEWS stories
    assert any("press release" in reason for reason in profile["reasons"])


def test_profile_is_in_the_json(cleaner, seed_texts):
    data = cleaner.clean(seed_texts[CNN]).to_dict()
    assert set(data["profile"]) >= {
        "genre",
        "opinion_share",
        "attribution_rate",
        "loaded_language_per_1000_words",
        "boilerplate_share",
        "off_topic_share",
        "reliability",
        "reasons",
    }


def test_attribution_patterns():
    assert is_attributed('"We will rebuild," said Mayor Jane Doe.')
    assert is_attributed("According to the report, 426 civilians were killed.")
    assert not is_attributed("The city is a beautiful place to visit in spring.")


def test_attribution_read_from_the_features_matches_the_text_rule(cleaner, seed_texts):
    for text in seed_texts.values():
        document = segment(text)
        from_features = attributed_rows(cleaner.document_features(document), cleaner.bundle.feature_columns)
        assert from_features == [is_attributed(block.text) for block in document.blocks]
        assert any(from_features) and not all(from_features)
    assert attributed_rows(np.zeros((1, 2)), ("layout.log_words", "layout.links")) is None
    assert attributed_rows(np.zeros((3, 0)), cleaner.bundle.feature_columns) is None  # a refused document


def test_loaded_words_in_quotes_do_not_count():
    assert loaded_words_outside_quotes('He called it "a brutal, shameful farce".')[0] == 0
    assert loaded_words_outside_quotes("This brutal puppet regime must go.")[0] == 3


def _paragraph(index: int, text: str, label: str) -> ParagraphResult:
    return ParagraphResult(index, text, label, 0.9, label in ("reporting", "opinion"))


def test_unattributed_opinion_piece_is_low_band():
    paragraphs = [
        _paragraph(0, "Why the council is failing us", "metadata"),
        _paragraph(1, "This shameful, corrupt council keeps betraying everyone, and it is a disgrace.", "opinion"),
        _paragraph(2, "The council voted on Tuesday.", "reporting"),
        _paragraph(3, "Enough is enough: these incompetent hypocrites must resign now.", "opinion"),
    ]
    profile = build_profile(paragraphs)
    assert profile.genre == "opinion"
    assert profile.reliability == "low"
    assert profile.attribution_rate == 0.0


def test_empty_article_profile():
    profile = build_profile([])
    assert profile.genre == "other" and profile.opinion_share == 0.0


def test_menu_links_do_not_make_a_press_release():
    body = [
        _paragraph(i, f"The company opened its {i}th store in Ohio on Monday, officials said.", "reporting")
        for i in range(4)
    ]
    menu = [_paragraph(4, "About Us", "boilerplate"), _paragraph(5, "Contact", "boilerplate")]
    assert build_profile(body + menu).genre != "press_release"
    about = (
        "Acme Corp is a leading global maker of outdoor equipment, founded in 1952 and headquartered in Ohio, "
        "with stores in twelve countries."
    )
    release = [
        _paragraph(4, about, "boilerplate"),
        _paragraph(5, "Media contact: Jane Roe, press@acme.example, +1 555 010 0199", "boilerplate"),
    ]
    assert build_profile(body + release).genre == "press_release"
