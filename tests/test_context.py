"""The context pass: neighbour, run and region columns built from stage one."""

from classifier.document import Block, Document
from classifier.featurize import featurize

STORY = (
    "Amnesty International said Iraqi forces and the coalition killed civilians in west Mosul during "
    "the battle, in a report on weapons and civilian deaths published on Tuesday."
)


def _columns(texts: list[str]) -> list[dict[str, float]]:
    matrix = featurize(Document(blocks=tuple(Block(text=t) for t in texts), title="Mosul report"))
    return [dict(zip(matrix.columns, row, strict=True)) for row in matrix.values]


def test_main_region_and_distance_from_it():
    rows = _columns(["[Home](#)", "[World](#)", STORY, STORY.replace("Tuesday", "Monday"), "[Share](#)", "[Next](#)"])
    assert [r["context.in_main_region"] for r in rows] == [0, 0, 1, 1, 0, 0]
    assert [r["context.distance_to_main_region"] for r in rows] == [2, 1, 0, 0, 1, 2]
    assert rows[2]["context.long_run_length"] == 2 and rows[0]["context.long_run_length"] == 0


def test_neighbours_see_the_gallery_around_a_caption():
    rows = _columns([STORY, "Photos: The battle for Mosul", "Smoke rises above the old city.", "Hide Caption", STORY])
    caption = rows[2]
    assert caption["context.caption_marker@-1"] == 1 and caption["context.gallery_chrome@+1"] == 1
    assert caption["context.caption_chrome_distance"] == 1
    assert rows[0]["context.caption_marker@-1"] != rows[0]["context.caption_marker@-1"]  # NaN: no neighbour


def test_rail_header_opens_a_region():
    rows = _columns([STORY, "LATEST NEWS", "Another story about something else entirely today."])
    assert rows[0]["context.after_rail_header"] == 0
    assert rows[2]["context.after_rail_header"] == 1 and rows[2]["context.paragraphs_since_rail_header"] == 1
