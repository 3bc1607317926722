"""Opinion vs reporting on reviewed pages of held-out sites.

Only reviewed pages carry opinion truth (rule-labeled pages call all content
reporting). Scores kept paragraphs whose truth is reporting or opinion, and,
when a sentence-label file is given, every labeled sentence of a held-out site
(scored alone by the opinion head at the model's sentence threshold).

    python benchmarks/opinion_heldout.py [--model DIR] DATA.jsonl...
"""

from __future__ import annotations

import argparse

import numpy as np

from classifier import ArticleCleaner
from classifier.dataset import is_held_out, load_labeled
from classifier.metrics import binary_macro_f1, prf
from classifier.opinion_head import score_texts


def main() -> None:
    """Print opinion precision/recall/F1, reporting F1 and their macro average."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="+")
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    loaded = load_labeled(args.data)
    documents = [d for d in loaded if d.reviewed and d.gold_text is not None and is_held_out(d)]
    labeled_sentences = [d for d in loaded if d.sentences_only and is_held_out(d)]
    cleaner = ArticleCleaner.load(args.model)
    pairs = []
    for document, result in zip(documents, cleaner.clean_documents(d.document for d in documents), strict=True):
        for truth, paragraph in zip(document.labels, result.paragraphs, strict=True):
            if truth in ("reporting", "opinion") and paragraph.kept:
                pairs.append((truth == "opinion", paragraph.label == "opinion"))
    both = sum(t and p for t, p in pairs)
    opinion = prf(both, sum(p for _, p in pairs), sum(t for t, _ in pairs))
    neither = sum(not t and not p for t, p in pairs)
    reporting = prf(neither, sum(not p for _, p in pairs), sum(not t for t, _ in pairs))
    print(
        f"reviewed held-out pages {len(documents)}, kept paragraphs {len(pairs)}: "
        f"opinion P {opinion.precision:.3f} R {opinion.recall:.3f} F1 {opinion.f1:.3f}; "
        f"reporting F1 {reporting.f1:.3f}; macro-F1 {(opinion.f1 + reporting.f1) / 2:.3f}"
    )
    texts = [b.text for d in labeled_sentences for b in d.document.blocks]
    if texts and cleaner.bundle.opinion_booster is not None:
        bundle = cleaner.bundle
        truth = np.array([label == "opinion" for d in labeled_sentences for label in d.labels])
        scores = score_texts(bundle.opinion_booster, bundle.opinion_lexicon, texts, bundle.feature_columns)
        predicted = scores >= bundle.sentence_opinion_threshold
        print(
            f"held-out labeled sentences {len(texts)} ({sum(truth)} opinion), "
            f"threshold {bundle.sentence_opinion_threshold}: macro-F1 {binary_macro_f1(truth, predicted):.3f}"
        )


if __name__ == "__main__":
    main()
