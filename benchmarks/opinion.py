"""Sentence-level opinion (subjectivity) on CLEF CheckThat! 2024 English.

Scores every sentence of ``../shared/opinion/checkthat-en-2024-dev.jsonl`` with
the shipped model's opinion head (trained only on the project's reviewed
paragraphs: CheckThat! is CC BY-NC-SA and never trains the shipped model),
chooses the decision threshold on the ``dev`` split and reports macro-F1 on
``dev_test``. For reference it also reports, on the same split, two models
fitted on CheckThat! ``train`` (development only, never shipped): the same
head features with LightGBM, and TF-IDF + logistic regression (needs
scikit-learn, from the ``bench`` extra).

    python benchmarks/opinion.py [--model DIR] [--data FILE]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np

from classifier import ArticleCleaner
from classifier.metrics import binary_macro_f1
from classifier.opinion_head import head_columns, head_params, score_texts, sentence_matrix
from classifier.training import TrainingConfig

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "opinion" / "checkthat-en-2024-dev.jsonl"
THRESHOLDS = np.round(np.arange(0.05, 0.96, 0.01), 2)


def best_threshold(truth: np.ndarray, scores: np.ndarray) -> float:
    """The threshold with the best macro-F1 (ties: closest to 0.5)."""
    return float(max(THRESHOLDS, key=lambda t: (binary_macro_f1(truth == 1, scores >= t), -abs(t - 0.5))))


def load(path: Path) -> dict[str, tuple[list[str], np.ndarray]]:
    """Sentences and SUBJ=1/OBJ=0 targets per split."""
    splits: dict[str, tuple[list[str], list[int]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        texts, labels = splits.setdefault(record["split"], ([], []))
        texts.append(record["text"])
        labels.append(int(record["label"] == "SUBJ"))
    return {name: (texts, np.asarray(labels)) for name, (texts, labels) in splits.items()}


def evaluate(name: str, dev_scores: np.ndarray, test_scores: np.ndarray, data: dict) -> dict:
    """Threshold on dev, macro-F1 on dev_test."""
    threshold = best_threshold(data["dev"][1], dev_scores)
    result = {
        "model": name,
        "threshold_from_dev": threshold,
        "dev_macro_f1": round(binary_macro_f1(data["dev"][1] == 1, dev_scores >= threshold), 3),
        "dev_test_macro_f1": round(binary_macro_f1(data["dev_test"][1] == 1, test_scores >= threshold), 3),
    }
    print(json.dumps(result))
    return result


def main() -> None:
    """Run the three evaluations and print one JSON line each."""
    parser = argparse.ArgumentParser(description="Sentence-level opinion on CheckThat! 2024")
    parser.add_argument("--model", default=None)
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    args = parser.parse_args()
    data = load(Path(args.data))
    cleaner = ArticleCleaner.load(args.model)
    bundle = cleaner.bundle
    columns = bundle.feature_columns
    head = bundle.opinion_booster
    if head is not None:
        dev_scores = score_texts(head, bundle.opinion_lexicon, data["dev"][0], columns)
        test_scores = score_texts(head, bundle.opinion_lexicon, data["dev_test"][0], columns)
        evaluate(f"shipped opinion head ({cleaner.model_name})", dev_scores, test_scores, data)
        own = bundle.sentence_opinion_threshold
        print(
            json.dumps(
                {
                    "model": "shipped opinion head at its own sentence threshold (site CV in training, no CheckThat!)",
                    "threshold": own,
                    "dev_macro_f1": round(binary_macro_f1(data["dev"][1] == 1, dev_scores >= own), 3),
                    "dev_test_macro_f1": round(binary_macro_f1(data["dev_test"][1] == 1, test_scores >= own), 3),
                }
            )
        )
    # The hand-built head columns only (no lexicon: it is learned with the shipped head).
    positions = list(head_columns(columns))
    matrices = {split: sentence_matrix(texts, columns)[:, positions] for split, (texts, _labels) in data.items()}
    fitted = lgb.train(
        head_params(TrainingConfig(threads=1)),
        lgb.Dataset(matrices["train"], label=data["train"][1]),
        num_boost_round=200,
    )
    evaluate(
        "same features, LightGBM fitted on CheckThat train (not shipped)",
        fitted.predict(matrices["dev"]),
        fitted.predict(matrices["dev_test"]),
        data,
    )
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        print(json.dumps({"model": "tf-idf + logistic regression", "skipped": "scikit-learn not installed"}))
        return
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True)
    train_x = vectorizer.fit_transform(data["train"][0])
    regression = LogisticRegression(max_iter=2000, C=4.0).fit(train_x, data["train"][1])
    evaluate(
        "TF-IDF + logistic regression fitted on CheckThat train (baseline, not shipped)",
        regression.predict_proba(vectorizer.transform(data["dev"][0]))[:, 1],
        regression.predict_proba(vectorizer.transform(data["dev_test"][0]))[:, 1],
        data,
    )


if __name__ == "__main__":
    main()
