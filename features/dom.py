"""DOM hints from HTML input: tag, depth and telling class/id tokens.

All columns are missing (NaN) for text input; LightGBM routes missing
values on its own, so one model serves both formats.
"""

from __future__ import annotations

from .base import MISSING, DocView, FeatureFamily, Rows

CONTENT_TOKENS = frozenset({"article", "content", "post", "entry", "story", "body", "text", "main", "prose", "blog"})
META_TOKENS = frozenset({"byline", "author", "meta", "date", "time", "timestamp", "dateline", "published", "updated"})
AD_TOKENS = frozenset({"ad", "ads", "advert", "advertisement", "sponsor", "sponsored", "promo", "dfp", "banner"})
RELATED_TOKENS = frozenset(
    {"related", "recommended", "recirc", "trending", "popular", "more", "teaser", "rail", "sidebar"}
)
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

COLUMNS = (
    "dom_tag_p",
    "dom_tag_list_item",
    "dom_tag_heading",
    "dom_tag_cell",
    "dom_tag_div",
    "dom_depth",
    "dom_in_article",
    "dom_meta_tokens",
    "dom_ad_tokens",
    "dom_related_tokens",
    "dom_in_blockquote",
)


def extract(view: DocView) -> Rows:
    """DOM-hint features for every paragraph (NaN without a DOM)."""
    rows: Rows = []
    for paragraph in view.paragraphs:
        dom = paragraph.dom
        if dom is None:
            rows.append((MISSING,) * len(COLUMNS))
            continue
        tokens = dom.class_tokens
        rows.append(
            (
                float(dom.tag == "p"),
                float(dom.tag == "li"),
                float(dom.tag in HEADINGS),
                float(dom.tag in {"td", "th"}),
                float(dom.tag == "div"),
                float(dom.depth),
                float("article" in dom.ancestor_tags or "main" in dom.ancestor_tags or bool(CONTENT_TOKENS & tokens)),
                float(len(META_TOKENS & tokens)),
                float(len(AD_TOKENS & tokens)),
                float(len(RELATED_TOKENS & tokens)),
                float("blockquote" in dom.ancestor_tags),
            )
        )
    return rows


FAMILY = FeatureFamily(name="dom", columns=COLUMNS, extract=extract)
