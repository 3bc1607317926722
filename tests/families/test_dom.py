import math

from features.dom import FAMILY
from tests.families.helpers import columns_for, dom


def test_dom_columns_missing_for_text_and_set_for_html():
    assert all(math.isnan(v) for v in columns_for(FAMILY, ["text"])[0].values())
    row = columns_for(FAMILY, ["Body"], doms=[dom("p", ("html", "body", "article"), ("story", "byline"))])[0]
    assert row["dom_tag_p"] == 1 and row["dom_in_article"] == 1 and row["dom_meta_tokens"] == 1
