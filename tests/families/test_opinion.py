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


def test_surface_cues_separate_named_facts_from_the_writers_judgement():
    rows = columns_for(
        FAMILY,
        [
            "The European Commission fined Google 2.4 billion euros on Tuesday in Brussels.",
            "You simply cannot trust them, and this is truly the worst decision imaginable.",
        ],
    )
    fact, judgement = rows
    assert fact["capitalised_share"] > judgement["capitalised_share"]
    assert fact["number_share"] > 0 and judgement["number_share"] == 0
    assert judgement["ly_adverb_rate"] > 0 and fact["ly_adverb_rate"] == 0
    assert judgement["negation_rate"] > 0 and fact["negation_rate"] == 0
    assert judgement["superlative_rate"] > 0 and fact["superlative_rate"] == 0
    assert judgement["advice_opening"] == 1 and fact["advice_opening"] == 0


def test_a_quote_carried_over_from_the_paragraph_before_is_still_quoted():
    rows = columns_for(
        FAMILY,
        [
            "And it seemed to me that every third family we met had lost someone. I met whole families hurt\u201d",
            "\u201cWe will stay until the end, and I think we will win",
            "And it seemed to me that every third family we met had lost someone. I met whole families hurt.",
        ],
    )
    closing, opening, own_voice = rows
    assert closing["quote_share"] > 0.9 and opening["quote_share"] > 0.9
    assert closing["first_person_rate"] == 0 and opening["first_person_rate"] == 0
    assert own_voice["quote_share"] == 0 and own_voice["first_person_rate"] > 0
