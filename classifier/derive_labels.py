"""First-pass fine labels for the shared corpora, from their binary gold.

The corpora say only content / boilerplate per paragraph. These rules split
that into the eight labels (a person or reviewer then corrects them): a
boilerplate paragraph that reads like a caption becomes ``caption``, a link
list ``navigation``, long prose outside the story ``off_topic``, and so on.
Run ``python -m classifier.derive_labels`` to regenerate the label files.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

from features.base import view_paragraph
from features.boilerplate import ABOUT_ORG, AD_NOTICE, CONTACT, EMAIL, LEGAL, RELEASE_MARKER
from features.captions import CAPTION_MARKER, CREDIT, GALLERY_CHROME
from features.comments import COMMENT_CHROME, RELATIVE_TIME
from features.metadata import BYLINE, DATE_TOKEN, READING_TIME, URL_LINE
from features.navigation import CALL_TO_ACTION, LEAD_IN, NAV_PHRASES
from features.off_topic import RAIL_HEADER

from .corpora import CORPUS_FILES, corpora_dir, read_corpus, site_of, text_hash
from .text import plain_text, snippet_key

DATE_WORD = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\b|\b\d{1,2}:\d{2}\b|\b\d{4}-\d{2}-\d{2}\b|"
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b",
    re.I,
)
ARTICLE_TYPES = frozenset({None, "article"})
# Training weight of the other page types' records. In site-grouped CV (docs/evaluation.md)
# they cost article pages 0.007-0.009 token F1 at weight 1 and none measurable at 0.1, while
# the other page types still gain up to 0.06 there (all but forum text scrapes).
OTHER_PAGE_WEIGHT = 0.1
SHORT_WORDS = 8
PROSE_WORDS = 25
# Training weight of the snippet corpus's decided paragraphs. In site-grouped CV
# (docs/evaluation.md) weight 1 lifted their keep accuracy most (+0.013 HTML, +0.021 text)
# but cost the article corpora up to 0.010 token F1 (scrapinghub HTML); at 0.3 article pages
# lose 0.0003 / 0.0006 (HTML / text), while forum and listing pages still gain 0.01-0.03.
SNIPPET_PAGE_WEIGHT = 0.3
# A must-drop snippet labels a paragraph only when it makes up at least this share of the
# paragraph's characters: a few words of chrome inside a longer paragraph say nothing about the rest.
WITHOUT_SNIPPET_SHARE = 0.5


def _is_metadata(text: str, words: int, title: str) -> bool:
    if words == 0:
        return False
    normalized = " ".join(text.lower().split()).lstrip("# ")
    if title and normalized == " ".join(title.lower().split()):
        return True
    if words <= 12 and BYLINE.match(text):
        return True
    if URL_LINE.match(text):
        return True
    if READING_TIME.search(text) and words <= 12:
        return True
    # Numbers alone (table cells, prices) are not dates: ask for a month, weekday or clock time.
    return words <= 10 and bool(DATE_WORD.search(text)) and len(DATE_TOKEN.findall(text)) >= max(2, words * 0.6)


def derive_label(text: str, binary: str, title: str, in_comment_thread: bool = False) -> str:
    """The fine label the rules give a paragraph with the corpus's binary label.

    ``in_comment_thread``: the page's markup puts the paragraph inside a comment thread
    (HTML input only; a text scrape cannot say)."""
    paragraph = view_paragraph(text, None)
    plain = paragraph.plain.strip()
    words = len(paragraph.words)
    link_share = paragraph.link_chars / max(1, len(plain))
    if binary != "content" and (in_comment_thread or RELATIVE_TIME.search(plain)) and link_share < 0.5:
        return "comment"
    if _is_metadata(plain, words, title):
        return "metadata"
    if binary == "content":
        return "reporting"
    # An e-mail link is a contact detail (EMAIL also knows Cloudflare's hidden-address
    # placeholder), not a menu.
    if EMAIL.search(plain):
        return "boilerplate"
    # Menu links ("About Us", "Privacy Policy") are navigation whatever they name.
    if link_share >= 0.7:
        return "navigation"
    if LEGAL.search(plain) and words <= 25:
        return "boilerplate"
    if CAPTION_MARKER.match(plain) or GALLERY_CHROME.match(plain) or (words <= 20 and CREDIT.search(plain)):
        return "caption"
    if words <= 6 and COMMENT_CHROME.search(plain):
        return "comment"
    if (
        CONTACT.search(plain)
        or LEGAL.search(plain)
        or ABOUT_ORG.search(plain)
        or RELEASE_MARKER.search(plain)
        or AD_NOTICE.search(plain)
    ):
        return "boilerplate"
    if RAIL_HEADER.match(plain) or LEAD_IN.match(plain) or CALL_TO_ACTION.match(plain):
        return "navigation"
    if link_share >= 0.5 or words < SHORT_WORDS or NAV_PHRASES.search(plain[:300]) and words < PROSE_WORDS:
        return "navigation"
    if words >= PROSE_WORDS:
        return "off_topic"
    # Short unlinked lines outside the story are mostly menu blurbs and section labels (review of 341 pages).
    return "navigation"


def derive_record(record: dict[str, Any], corpus_file: str) -> dict[str, Any]:
    """Label file entry for one corpus record (other page types carry a lower training weight)."""
    title = record.get("title") or ""
    weight = {} if is_article(record) else {"weight": OTHER_PAGE_WEIGHT}
    return {
        **weight,
        "id": record["id"],
        "corpus": corpus_file,
        "site": site_of(record),
        "page_type": record.get("page_type"),
        "reviewed": False,
        "paragraphs": [
            [i, text_hash(p["text"]), derive_label(p["text"], p["label"], title)]
            for i, p in enumerate(record["paragraphs"])
        ],
    }


def snippet_binaries(texts: list[str], snippets: dict[str, Any]) -> list[str | None]:
    """``content`` / ``boilerplate`` / ``None`` (unknown) per paragraph, from a page's snippets.

    A must-keep snippet (``with``) makes the one paragraph that contains it content; one
    found in several paragraphs, or across two, labels nothing. A must-drop snippet
    (``without``) makes every paragraph it is most of boilerplate. A paragraph both
    snippets claim stays unknown, as do all the others.
    """
    visible = [snippet_key(plain_text(t)) for t in texts]
    claims: list[set[str]] = [set() for _ in texts]
    for snippet in map(snippet_key, snippets.get("with") or []):
        hits = [i for i, text in enumerate(visible) if snippet and snippet in text]
        if len(hits) == 1:
            claims[hits[0]].add("content")
    for snippet in map(snippet_key, snippets.get("without") or []):
        for i, text in enumerate(visible):
            if snippet and snippet in text and len(snippet) >= WITHOUT_SNIPPET_SHARE * len(text):
                claims[i].add("boilerplate")
    return [next(iter(claim)) if len(claim) == 1 else None for claim in claims]


def derive_snippet_record(record: dict[str, Any], corpus_file: str) -> dict[str, Any]:
    """Label file entry for a snippet-corpus page: only the paragraphs its snippets decide are labeled."""
    title = record.get("title") or ""
    texts = [p["text"] for p in record["paragraphs"]]
    binaries = snippet_binaries(texts, record.get("snippets") or {})
    return {
        "weight": SNIPPET_PAGE_WEIGHT,
        "id": record["id"],
        "corpus": corpus_file,
        "site": site_of(record),
        "reviewed": False,
        "paragraphs": [
            [i, text_hash(text), None if binary is None else derive_label(text, binary, title)]
            for i, (text, binary) in enumerate(zip(texts, binaries, strict=True))
        ],
    }


def is_article(record: dict[str, Any]) -> bool:
    """Whether a corpus record is an article page (records without a page type are)."""
    return record.get("page_type") in ARTICLE_TYPES


def main() -> None:
    """Write first-pass label files for the shared corpora.

    Article pages go to ``OUT/<corpus>.labels.jsonl``; the other page types
    (product, forum, documentation, ...) to ``OUT/pages/<corpus>-pages.labels.jsonl``,
    so that training on them is a choice of files. Snippet-corpus pages, which
    have no gold text, go to ``OUT/snippets/<corpus>.labels.jsonl`` with only the
    paragraphs their snippets decide labeled (:func:`snippet_binaries`).
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", default=None)
    parser.add_argument("-o", "--out", default="training_data/corpora")
    args = parser.parse_args()
    out = Path(args.out)
    for name in ("wcxb", "scrapinghub", "readability"):
        corpus_file = CORPUS_FILES[name]
        articles, pages = [], []
        for record in read_corpus(corpora_dir(args.corpora) / corpus_file):
            if record["paragraphs"]:
                line = json.dumps(derive_record(record, corpus_file), ensure_ascii=False, sort_keys=True)
                (articles if is_article(record) else pages).append(line)
        stem = corpus_file.removesuffix(".jsonl.gz")
        for target, lines in (
            (out / f"{stem}.labels.jsonl", articles),
            (out / "pages" / f"{stem}-pages.labels.jsonl", pages),
        ):
            if lines:
                write_lines(target, lines)
    corpus_file = CORPUS_FILES["trafilatura"]
    records = (
        derive_snippet_record(record, corpus_file)
        for record in read_corpus(corpora_dir(args.corpora) / corpus_file)
        if record["paragraphs"] and record.get("snippets")
    )
    # Pages whose snippets decide no paragraph teach nothing.
    lines = [
        json.dumps(record, ensure_ascii=False, sort_keys=True)
        for record in records
        if any(label is not None for _, _, label in record["paragraphs"])
    ]
    write_lines(out / "snippets" / f"{corpus_file.removesuffix('.jsonl.gz')}.labels.jsonl", lines)


def write_lines(target: Path, lines: list[str]) -> None:
    """Write one labels file (a JSON record per line) and say so."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{target}: {len(lines)} records")


if __name__ == "__main__":
    main()
