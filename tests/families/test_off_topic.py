import math

from features.off_topic import FAMILY
from tests.families.helpers import columns_for

LEAD = (
    "Amnesty International said Iraqi forces and the coalition killed civilians in west Mosul during the battle, "
    "in a report on weapons and civilian deaths published in July 2017."
)


def test_rail_header_year_gap_and_lead_similarity():
    rows = columns_for(
        FAMILY,
        [
            LEAD,
            "The report on Mosul documents civilian deaths caused by coalition weapons.",
            "LATEST NEWS",
            "Mamdani said on Tuesday, Jul 01, 2025, that he would not accept the mayor's intimidation in City Hall.",
        ],
        title="Battle for Mosul creates civilian catastrophe",
    )
    assert rows[2]["rail_header"] == 1
    assert rows[1]["lead_similarity"] > rows[3]["lead_similarity"]
    assert rows[3]["year_gap"] == 8
    assert math.isnan(rows[1]["year_gap"])
    assert rows[1]["title_overlap"] > 0 and rows[3]["title_overlap"] == 0
    assert rows[3]["new_word_share"] > rows[1]["new_word_share"]


def test_rail_headers_in_other_languages_but_not_sentences_that_open_alike():
    headers = [
        "## Das könnte Sie auch interessieren:",
        "### Sie könnten auch an folgenden Artikeln interessiert sein",
        "## Mehr zu Klima und Konsum",
        "## Top Themen der Redaktion",
        "Weitere Beiträge aus der Kolumne:",
        "À lire aussi",
        "Noticias relacionadas",
        "Leggi anche",
        "Meer nieuws",
        "Leia também",
    ]
    sentences = [
        "Mehr zu dem Thema wollte der Sprecher am Montag nicht sagen.",
        "Weitere Artikel des Gesetzes sollen im Herbst folgen, sagte die Ministerin.",
    ]
    rows = columns_for(FAMILY, [LEAD, *headers, *sentences], title="Battle for Mosul")
    assert [row["rail_header"] for row in rows[1:]] == [1.0] * len(headers) + [0.0] * len(sentences)
