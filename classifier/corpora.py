"""The shared benchmark corpora: reading records, sites, and the site split.

The corpora's texts are never copied into the project; labels are kept by
record id and paragraph index and joined here at training/evaluation time.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

CORPORA_ENV = "CLEAN_ARTICLE_CORPORA"
CORPUS_FILES = {
    "wcxb": "wcxb-dev.jsonl.gz",
    "scrapinghub": "scrapinghub.jsonl.gz",
    "readability": "readability.jsonl.gz",
    "trafilatura": "trafilatura-snippets.jsonl.gz",
}
LICENCES = {
    "wcxb-dev.jsonl.gz": "CC-BY-4.0 (Web Content Extraction Benchmark, dev split)",
    "scrapinghub.jsonl.gz": "MIT (ScrapingHub article-extraction benchmark)",
    "readability.jsonl.gz": "Apache-2.0 (Mozilla Readability test pages)",
    "trafilatura-snippets.jsonl.gz": "Apache-2.0 (trafilatura evaluation snippets)",
    "seeds": "the user's own documents (../shared/seeds)",
}
# One site in this many is held out of training for evaluation.
TEST_SITE_MODULUS = 5


def corpora_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Where the shared corpora live: argument, $CLEAN_ARTICLE_CORPORA, or ../shared/corpora."""
    if explicit:
        return Path(explicit)
    if os.environ.get(CORPORA_ENV):
        return Path(os.environ[CORPORA_ENV])
    here = Path(__file__).resolve().parent.parent
    return here.parent / "shared" / "corpora"


def read_corpus(path: Path) -> Iterator[dict[str, Any]]:
    """Records of one gzipped JSONL corpus file."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def site_of(record: dict[str, Any]) -> str:
    """The record's site: its URL's host without ``www.``, else its id."""
    host = urlparse(record.get("url") or "").netloc.lower()
    if host.startswith("www."):
        host = host[4:]
    return host or str(record.get("id", ""))


def is_test_site(site: str) -> bool:
    """True for sites held out of training (a stable hash of the site name)."""
    return int(hashlib.sha1(site.encode("utf-8")).hexdigest(), 16) % TEST_SITE_MODULUS == 0


def text_hash(text: str) -> str:
    """Short hash of a paragraph's text, stored with labels to detect drift."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
