from features.layout import FAMILY
from tests.families.helpers import columns_for


def test_links_headings_lists_and_repeats():
    rows = columns_for(
        FAMILY, ["# Heading", "- [Home](#)", "Photos: X", "Photos: X", "plain words and more words here."]
    )
    assert rows[0]["is_heading"] == 1
    assert rows[1]["is_list_item"] == 1 and rows[1]["link_share"] == 1
    assert rows[2]["repeats_in_document"] == 1
    assert rows[4]["starts_lowercase"] == 1 and rows[4]["ends_with_terminal"] == 1
    assert rows[0]["relative_position"] == 0 and rows[4]["relative_position"] == 1
