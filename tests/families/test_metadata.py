from features.metadata import FAMILY
from tests.families.helpers import columns_for


def test_byline_url_dateline_date_title():
    rows = columns_for(
        FAMILY,
        [
            "Amnesty report: ISIS armed with U.S. weapons",
            "By Jane Smith, CNN",
            "www.cnn.com/2015/12/08/politics/amnesty-international-isis-weapons-u-s/",
            "WASHINGTON",
            "July, 11 2017, 08:15am EDT",
            "The report was published on Monday after months of research in Iraq.",
        ],
        title="Amnesty report: ISIS armed with U.S. weapons",
    )
    assert rows[0]["matches_title"] == 1
    assert rows[1]["byline"] == 1
    assert rows[2]["url_line"] == 1
    assert rows[3]["dateline"] == 1
    assert rows[4]["date_token_share"] >= 0.8
    assert rows[5]["byline"] == 0 and rows[5]["url_line"] == 0 and rows[5]["dateline"] == 0


def test_bylines_dates_and_reading_time_in_other_languages():
    rows = columns_for(
        FAMILY, ["Von Anna Berg", "Veröffentlicht am 12. März 2024", "Lesezeit: 4 Minuten", "Door Locks"]
    )
    assert rows[0]["byline"] == 1
    assert rows[1]["date_token_share"] >= 0.5
    assert rows[2]["reading_time"] == 1
    # English words that are bylines elsewhere ("door" in Dutch) are not taken as bylines.
    assert rows[3]["byline"] == 0
