"""Would outside sentiment lexicons help the opinion head? A development experiment, not shipped.

Trains the opinion head's booster on its own learning rows (as ``clean-article train`` does:
out-of-fold lexicon scores, the shipped head parameters) with extra input columns, and scores
CheckThat! 2024 ``dev`` (threshold chosen there) and ``train`` (at the ``dev`` threshold), never
``dev_test``. Variants: ``base`` (the shipped inputs), ``vader`` (VADER's pos/neg/neu/compound),
``textblob`` (pattern-lexicon polarity/subjectivity), ``vader+textblob`` and ``lr`` (a logistic
regression on the lexicon's n-grams, out-of-fold, as one more column). Needs
``pip install vaderSentiment textblob`` besides the ``bench`` extra.

    python benchmarks/opinion_signals.py TRAINING_FILES... [--variants base,vader,textblob,vader+textblob,lr]
"""

from __future__ import annotations

import argparse
import json

import lightgbm as lgb
import numpy as np
from opinion import DEFAULT_DATA, THRESHOLDS, load  # this directory: the script is run as a file

from classifier.corpora import is_test_site
from classifier.dataset import load_labeled
from classifier.featurize import feature_columns
from classifier.labels import LABEL_INDEX
from classifier.metrics import binary_macro_f1
from classifier.opinion_head import (
    HEAD_FOLDS,
    HEAD_ROUNDS,
    head_columns,
    head_params,
    learning_rows,
    sentence_matrix,
    site_folds,
)
from classifier.opinion_lexicon import features_by_fold, fold_lexicons, learn_lexicon, lexicon_features, ngrams
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


def main() -> None:
    """Print one JSON line per variant."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="+")
    parser.add_argument("--variants", default="base,vader,textblob,vader+textblob,lr")
    args = parser.parse_args()
    documents = [d for d in load_labeled(args.data) if d.gold_text is None or not is_test_site(d.site)]
    data = build_training_set(documents)
    rows = np.flatnonzero(learning_rows(data))
    texts = [str(t) for t in data.texts[rows]]
    target = data.labels[rows] == LABEL_INDEX["opinion"]
    weights = data.weights[rows]
    folds = site_folds(data.sites[rows])
    columns = feature_columns()
    wanted = list(head_columns(columns))
    lexicons = fold_lexicons(texts, target, folds, range(HEAD_FOLDS))
    base = np.hstack([sentence_matrix(texts, columns)[:, wanted], features_by_fold(texts, folds, lexicons)])
    lexicon = learn_lexicon(texts, target)
    checkthat = {name: split for name, split in load(DEFAULT_DATA).items() if name in ("train", "dev")}
    held = {
        name: np.hstack([sentence_matrix(t, columns)[:, wanted], lexicon_features(t, lexicon)])
        for name, (t, _) in checkthat.items()
    }
    for variant in args.variants.split(","):
        extra_rows, extra_held = (
            sentiment_columns(texts, variant),
            {name: sentiment_columns(t, variant) for name, (t, _) in checkthat.items()},
        )
        if variant == "lr":
            out_of_fold = np.zeros(len(texts))
            for fold in range(HEAD_FOLDS):
                inside = folds == fold
                scorer = logistic_scorer([t for t, i in zip(texts, inside, strict=True) if not i], target[~inside])
                out_of_fold[inside] = scorer([t for t, i in zip(texts, inside, strict=True) if i])
            full = logistic_scorer(texts, target)
            extra_rows = out_of_fold[:, None]
            extra_held = {name: full(t)[:, None] for name, (t, _) in checkthat.items()}
        inputs = np.hstack([base, extra_rows])
        dataset = lgb.Dataset(inputs, label=target.astype(int), weight=weights)
        booster = lgb.train(head_params(TrainingConfig()), dataset, num_boost_round=HEAD_ROUNDS)
        scores = {name: booster.predict(np.hstack([held[name], extra_held[name]])) for name in checkthat}
        truth = {name: labels == 1 for name, (_, labels) in checkthat.items()}
        threshold = float(
            max(THRESHOLDS, key=lambda t: (binary_macro_f1(truth["dev"], scores["dev"] >= t), -abs(t - 0.5)))
        )
        print(
            json.dumps(
                {
                    "variant": variant,
                    "threshold_from_dev": threshold,
                    "dev_macro_f1": round(binary_macro_f1(truth["dev"], scores["dev"] >= threshold), 3),
                    "train_macro_f1_at_dev_threshold": round(
                        binary_macro_f1(truth["train"], scores["train"] >= threshold), 3
                    ),
                }
            ),
            flush=True,
        )


if __name__ == "__main__":
    main()
