"""DOM regions: the best prose container and where each block sits relative to it."""

import math

from classifier.html import segment_html
from features.base import build_view
from features.dom_region import FAMILY
from tests.families.helpers import columns_for

STORY = [
    "The council approved the budget after a long debate on Tuesday evening in the town hall.",
    "Members argued for three hours about the cost of repairing the old bridge over the river.",
    "The mayor said the vote showed that the town could still agree on what matters most to it.",
    "Work on the bridge is due to start in the spring and should be finished before next winter.",
]
RAIL = "A different town voted on its own budget last week, and the result surprised most of its people."


def _rows(page: str) -> list[tuple[str, dict[str, float]]]:
    document = segment_html(page)
    rows = FAMILY.extract(build_view(document))
    return [(b.text, dict(zip(FAMILY.columns, r, strict=True))) for b, r in zip(document.blocks, rows, strict=True)]


def _page(story_wrapper: str = "div class='body'") -> str:
    story = "".join(f"<p>{s}</p>" for s in STORY)
    menu = "".join(f"<li><a href='/{w}'>{w}</a></li>" for w in ("Home", "News", "Sport", "Weather"))
    tag = story_wrapper.split()[0]
    return (
        f"<html><body><nav><ul>{menu}</ul></nav><main><{story_wrapper}>{story}</{tag}>"
        f"<aside><h3>Latest news</h3><p>{RAIL}</p><p><a href='/more'>Read more about that vote here</a></p></aside>"
        "</main><footer><p>Copyright 2024 The Town Paper.</p></footer></body></html>"
    )


def test_missing_for_text_input():
    row = columns_for(FAMILY, ["A paragraph of a text scrape with no tree at all behind it."])[0]
    assert all(math.isnan(v) for v in row.values())


def test_story_paragraphs_are_in_the_best_container_and_the_rail_is_not():
    rows = dict(_rows(_page()))
    for sentence in STORY:
        assert rows[sentence]["in_best_container"] == 1
        assert rows[sentence]["tree_distance_to_best"] == 1  # the <p> right under the container
    assert rows[RAIL]["in_best_container"] == 0
    assert rows[RAIL]["tree_distance_to_best"] > 1
    assert rows["- [Home](#)"]["in_best_container"] == 0
    assert rows["- [Home](#)"]["tree_distance_to_best"] > rows[RAIL]["tree_distance_to_best"]


def test_prose_shares_separate_the_story_from_chrome():
    rows = dict(_rows(_page()))
    story, rail, menu = rows[STORY[0]], rows[RAIL], rows["- [Home](#)"]
    assert 0.7 < story["best_container_prose_share"] < 1  # four of five prose paragraphs
    assert story["best_container_prose_share"] == rail["best_container_prose_share"]  # a page-level column
    assert story["parent_prose_share"] > rail["parent_prose_share"] > menu["parent_prose_share"] == 0
    assert menu["parent_link_share"] == 1
    assert story["parent_link_share"] == 0
    assert story["log_parent_blocks"] == math.log1p(4)


def test_prose_with_an_inline_link_is_still_prose():
    # Only the words inside the link count as linked, not the sentence before it.
    story = "".join(f"<p>{s[:-1]}, as <a href='/r'>the report</a> says.</p>" for s in STORY)
    rows = _rows(f"<html><body><div>{story}</div><aside><p>{RAIL}</p></aside></body></html>")
    assert [row["in_best_container"] for _, row in rows] == [1, 1, 1, 1, 0]
    assert 0.05 < rows[0][1]["parent_link_share"] < 0.15  # 2 linked words of about 21 per paragraph


def test_linked_containers_lose_to_prose():
    # The same four paragraphs, but as link text: no prose, so no container is best.
    linked = "".join(f"<p><a href='/{i}'>{s}</a></p>" for i, s in enumerate(STORY))
    rows = _rows(f"<html><body><div>{linked}</div></body></html>")
    assert all(row["in_best_container"] == 0 and row["best_container_prose_share"] == 0 for _, row in rows)


def test_ties_go_to_the_container_opened_first():
    # Two one-paragraph divs credit themselves fully and <body> by half each: a three-way tie
    # that <body>, opened first, wins, so both paragraphs are in the best container.
    same = "".join(f"<div><p>{STORY[0]}</p></div>" for _ in range(2))
    rows = _rows(f"<html><body>{same}</body></html>")
    assert [row["in_best_container"] for _, row in rows] == [1, 1]
    assert [row["tree_distance_to_best"] for _, row in rows] == [2, 2]
