"""Would outside sentiment lexicons help the opinion head? A development experiment, not shipped.

Trains the opinion head's booster on its own learning rows (as ``clean-article train`` does:
out-of-fold lexicon scores, the shipped head parameters) with extra input columns, and scores
CheckThat! 2024 ``dev`` (threshold chosen there) and ``train`` (at the ``dev`` threshold), never
``dev_test``. Variants: ``base`` (the shipped inputs), ``vader`` (VADER's pos/neg/neu/compound),
``textblob`` (pattern-lexicon polarity/subjectivity), ``vader+textblob`` and ``lr`` (a logistic
regression on the lexicon's n-grams, out-of-fold, as one more column). For the lexicon
variants it also times the extra columns on the paragraphs of the first ``--cost-pages``
wcxb-dev pages, against cleaning those pages in text mode. Needs
``pip install vaderSentiment textblob`` besides the ``bench`` extra.

    python benchmarks/opinion_signals.py TRAINING_FILES... [--cost-pages 50]
        [--variants base,vader,textblob,vader+textblob,lr]
"""

from __future__ import annotations

import argparse
import json
import time
from itertools import islice

import lightgbm as lgb
import numpy as np
from opinion import DEFAULT_DATA, best_threshold, load  # this directory: the script is run as a file

from classifier import ArticleCleaner
from classifier.corpora import corpora_dir, read_corpus
from classifier.dataset import is_held_out, load_labeled
from classifier.featurize import feature_columns
from classifier.metrics import binary_macro_f1
from classifier.opinion_head import HEAD_FOLDS, HEAD_ROUNDS, head_examples, head_inputs, head_params, sentence_matrix
from classifier.opinion_lexicon import learn_lexicon, ngrams
from classifier.text import plain_text
from classifier.training import TrainingConfig, build_training_set


def sentiment_columns(texts: list[str], variant: str) -> np.ndarray:
    """VADER and/or TextBlob scores of each text, as extra head columns."""
    parts = [np.zeros((len(texts), 0))]
    if "vader" in variant:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        analyzer = SentimentIntensityAnalyzer()
        scores = [analyzer.polarity_scores(t) for t in texts]
        parts.append(np.array([[s["pos"], s["neg"], s["neu"], s["compound"]] for s in scores]))
    if "textblob" in variant:
        from textblob import TextBlob

        parts.append(np.array([[b.polarity, b.subjectivity] for b in (TextBlob(t).sentiment for t in texts)]))
    return np.hstack(parts)


def logistic_scorer(texts: list[str], target: np.ndarray):
    """A logistic regression on the lexicon's n-grams; returns its decision function on new texts."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = CountVectorizer(analyzer=lambda t: sorted(ngrams(t)), min_df=3, binary=True)
    model = LogisticRegression(C=1.0, max_iter=2000, solver="liblinear").fit(vectorizer.fit_transform(texts), target)
    return lambda new: model.decision_function(vectorizer.transform(new))


def logistic_columns(texts: list[str], target: np.ndarray, folds: np.ndarray, held: dict[str, list[str]]):
    """Out-of-fold logistic scores for the learning rows, and the full model's for each held split."""
    out_of_fold = np.zeros(len(texts))
    for fold in range(HEAD_FOLDS):
        inside = folds == fold
        scorer = logistic_scorer([t for t, i in zip(texts, inside, strict=True) if not i], target[~inside])
        out_of_fold[inside] = scorer([t for t, i in zip(texts, inside, strict=True) if i])
    full = logistic_scorer(texts, target)
    return out_of_fold[:, None], {name: full(t)[:, None] for name, t in held.items()}


def cost(variant: str, pages: int) -> dict:
    """Seconds of the variant's extra columns on the paragraphs of the first wcxb-dev pages, and of cleaning them."""
    records = list(islice(read_corpus(corpora_dir() / "wcxb-dev.jsonl.gz"), pages))
    texts = ["\n\n".join(p["text"] for p in r.get("paragraphs") or []) for r in records]
    paragraphs = [plain_text(p["text"]) for r in records for p in r.get("paragraphs") or []]
    cleaner = ArticleCleaner.load()
    list(cleaner.clean_many(texts[:3], format="text"))  # warm-up
    started = time.perf_counter()
    list(cleaner.clean_many(texts, format="text"))
    cleaning = time.perf_counter() - started
    started = time.perf_counter()
    sentiment_columns(paragraphs, variant)
    extra = time.perf_counter() - started
    return {
        "cost_pages": len(texts),
        "cost_paragraphs": len(paragraphs),
        "extra_us_per_paragraph": round(extra / max(len(paragraphs), 1) * 1e6, 1),
        "extra_ms_per_page": round(extra / max(len(texts), 1) * 1e3, 1),
        "extra_share_of_cleaning": round(extra / cleaning, 3),
    }


def main() -> None:
    """Print one JSON line per variant."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="+")
    parser.add_argument("--variants", default="base,vader,textblob,vader+textblob,lr")
    parser.add_argument("--cost-pages", type=int, default=50)
    args = parser.parse_args()
    documents = [d for d in load_labeled(args.data) if not is_held_out(d)]
    data = build_training_set(documents)
    columns = feature_columns()
    # The head's own learning rows and inputs, exactly as `clean-article train` prepares them.
    examples = head_examples(data, columns)
    texts = [str(t) for t in data.texts[examples.rows]]
    lexicon = learn_lexicon(texts, examples.target)
    checkthat = {name: split for name, split in load(DEFAULT_DATA).items() if name in ("train", "dev")}
    held_texts = {name: texts_ for name, (texts_, _labels) in checkthat.items()}
    truth = {name: labels == 1 for name, (_texts, labels) in checkthat.items()}
    held = {name: head_inputs(sentence_matrix(t, columns), t, columns, lexicon) for name, t in held_texts.items()}
    for variant in args.variants.split(","):
        if variant == "lr":
            extra_rows, extra_held = logistic_columns(texts, examples.target, examples.folds, held_texts)
        else:
            extra_rows = sentiment_columns(texts, variant)
            extra_held = {name: sentiment_columns(t, variant) for name, t in held_texts.items()}
        inputs = np.hstack([examples.inputs, extra_rows])
        dataset = lgb.Dataset(inputs, label=examples.target.astype(int), weight=data.weights[examples.rows])
        booster = lgb.train(head_params(TrainingConfig()), dataset, num_boost_round=HEAD_ROUNDS)
        scores = {name: booster.predict(np.hstack([held[name], extra_held[name]])) for name in held}
        threshold = best_threshold(truth["dev"], scores["dev"])
        line = {
            "variant": variant,
            "threshold_from_dev": threshold,
            "dev_macro_f1": round(binary_macro_f1(truth["dev"], scores["dev"] >= threshold), 3),
            "train_macro_f1_at_dev_threshold": round(binary_macro_f1(truth["train"], scores["train"] >= threshold), 3),
        }
        if variant not in ("base", "lr"):
            line.update(cost(variant, args.cost_pages))
        print(json.dumps(line), flush=True)


if __name__ == "__main__":
    main()
