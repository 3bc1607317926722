from features.opinion import FAMILY
from tests.families.helpers import columns_for


def test_author_voice_vs_attributed_reporting():
    rows = columns_for(
        FAMILY,
        [
            "How long can we keep supporting brutal regimes? I think our perpetual war policy is a disgrace!",
            '"This is a vote that will live in infamy," said Greenpeace director John Noel.',
        ],
    )
    opinion, reporting = rows
    assert opinion["first_person_rate"] > 0 and opinion["loaded_rate"] > 0
    assert opinion["questions"] == 1 and opinion["exclamations"] == 1
    assert opinion["unattributed_evaluation"] > 0
    assert reporting["attributions"] >= 1 and reporting["quote_share"] > 0.5
    assert reporting["unattributed_evaluation"] == 0
