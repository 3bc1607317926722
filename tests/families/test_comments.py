from features.comments import FAMILY, in_comment_region
from tests.families.helpers import columns_for, dom


def test_comment_chrome():
    rows = columns_for(
        FAMILY,
        ["jdoe 3 hours ago Reply", "Great article, thanks!", "The vote passed 52-48."],
        doms=[dom("div", tokens=("comment",)), dom("p", tokens=("comment", "body")), dom("p")],
    )
    assert rows[0]["relative_time"] == 1 and rows[0]["comment_chrome"] >= 1
    assert rows[1]["dom_comment_region"] == 1
    assert rows[2]["dom_comment_region"] == 0 and rows[2]["comment_chrome"] == 0


def test_comment_region_needs_thread_names_in_the_markup():
    assert in_comment_region(dom("div", tokens=("disqus", "thread")))
    assert not in_comment_region(dom("div", tokens=("article", "body")))
    assert not in_comment_region(None)  # a text scrape has no markup to say so


def test_relative_times_in_other_languages():
    rows = columns_for(
        FAMILY, ["vor 3 Stunden", "il y a 2 jours", "hace 5 minutos", "Das Spiel endete vor 300 Zuschauern."]
    )
    assert [r["relative_time"] for r in rows] == [1, 1, 1, 0]
