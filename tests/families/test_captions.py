import math

from features.captions import FAMILY
from tests.families.helpers import columns_for, dom


def test_gallery_chrome_and_markers():
    rows = columns_for(
        FAMILY, ["Photos: The ISIS terror threat", "Hide Caption", "12 of 68", "[image or embed]", "A normal sentence."]
    )
    assert rows[0]["caption_marker"] == 1
    assert [r["gallery_chrome"] for r in rows] == [0, 1, 1, 1, 0]


def test_scene_description_and_credit():
    rows = columns_for(
        FAMILY,
        [
            "Smoke rises above a damaged building in Ramadi, Iraq, on Saturday, August 15. (Getty Images)",
            "The report was released on Monday.",
        ],
    )
    assert rows[0]["scene_present_tense"] == 1 and rows[0]["scene_date"] == 1 and rows[0]["photo_credit"] >= 1
    assert rows[1]["scene_present_tense"] == 0


def test_figure_dom_hint_missing_for_text():
    rows = columns_for(FAMILY, ["A caption.", "Another."], doms=[None, None])
    assert math.isnan(rows[0]["dom_in_figure"])
    rows = columns_for(FAMILY, ["A caption."], doms=[dom("figcaption", ("html", "body", "figure"))])
    assert rows[0]["dom_in_figure"] == 1


def test_credits_and_chrome_in_other_languages_need_their_own_words():
    rows = columns_for(
        FAMILY,
        [
            "Foto: Stadt Marburg",
            "3 von 12",
            "Schließen",
            "Der Rat tagte bis spät (Foto: dpa)",
            "Kansas (deferred) sale",
        ],
    )
    assert rows[0]["caption_marker"] == 1
    assert rows[1]["gallery_chrome"] == 1 and rows[2]["gallery_chrome"] == 1
    assert rows[3]["photo_credit"] >= 1
    # Agency names count only as whole words: "Kansas" is not ANSA, "deferred" not EFE.
    assert rows[4]["photo_credit"] == 0
