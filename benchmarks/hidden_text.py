"""How much of the text a page hides is gold content, on training-site pages.

For every outermost hidden element (``hidden`` attribute, ``aria-hidden="true"``, inline
``display: none`` / ``visibility: hidden``) of the corpora's training-site pages, counts its
``\\w+`` words and how many of them the page's gold text also holds (multiset overlap), per
corpus and kind. Tells whether hidden text could simply be dropped (docs/evaluation.md).

    python benchmarks/hidden_text.py
"""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree

from classifier.corpora import CORPUS_FILES, corpora_dir, is_test_site, read_corpus, site_of
from classifier.html import SKIPPED_TAGS, parse_html_tree
from classifier.text import words

HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def hiding_kinds(element: etree._Element) -> list[str]:
    """The ways an element hides itself (empty when it does not)."""
    kinds = []
    if element.get("hidden") is not None:
        kinds.append("hidden")
    if HIDING_STYLE.search(element.get("style") or ""):
        kinds.append("style")
    if (element.get("aria-hidden") or "").strip().lower() == "true":
        kinds.append("aria-hidden")
    return kinds


def visible_words(element: etree._Element) -> list[str]:
    """Words of an element's text, leaving out script/style-like subtrees (but not the text after them)."""
    found: list[str] = []
    walk = etree.iterwalk(element, events=("start",))
    for _event, node in walk:
        if node is not element:
            found += words(node.tail or "")
        if not isinstance(node.tag, str) or node.tag.lower() in SKIPPED_TAGS:
            walk.skip_subtree()
            continue
        found += words(node.text or "")
    return found


def main() -> None:
    """Print, per corpus and kind, hidden words and the share of them in the gold text."""
    totals: Counter[tuple[str, str, str]] = Counter()
    for name in ("wcxb", "scrapinghub", "readability"):
        for record in read_corpus(corpora_dir() / CORPUS_FILES[name]):
            if is_test_site(site_of(record)) or not record.get("html"):
                continue
            root = parse_html_tree(record["html"])
            if root is None:
                continue
            gold = Counter(words(record.get("gold_text") or ""))
            walk = etree.iterwalk(root, events=("start",))
            for _event, element in walk:
                kinds = hiding_kinds(element) if isinstance(element.tag, str) else []
                if not kinds:
                    continue
                # Outermost hidden elements only: what is inside was counted with them.
                walk.skip_subtree()
                hidden = Counter(visible_words(element))
                for kind in kinds:
                    totals[(name, kind, "words")] += sum(hidden.values())
                    totals[(name, kind, "in_gold")] += sum((hidden & gold).values())
    print("corpus\tkind\thidden words\tshare also in gold")
    for name, kind, measure in sorted(totals):
        if measure == "words" and totals[(name, kind, "words")]:
            share = totals[(name, kind, "in_gold")] / totals[(name, kind, "words")]
            print(f"{name}\t{kind}\t{totals[(name, kind, 'words')]}\t{share:.2f}")


if __name__ == "__main__":
    main()
