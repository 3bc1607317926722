"""Model bundles: hashes verified, mismatches refused, nothing unpickled."""

from __future__ import annotations

import dataclasses
import json
import pickle
import shutil
from pathlib import Path

import numpy as np
import pytest

from classifier import ArticleCleaner
from classifier.bundle import MANIFEST_FILE, MODEL_FILE, OPINION_FILE, OPINION_LEXICON_FILE, BundleError, sha256_text
from classifier.cleaner import default_model_dir
from classifier.dataset import load_labeled
from classifier.training import TrainingConfig, train_bundle
from tests.conftest import SEEDS


@pytest.fixture()
def bundle_copy(tmp_path: Path) -> Path:
    target = tmp_path / "model"
    shutil.copytree(default_model_dir(), target)
    return target


def test_save_then_load_predicts_the_same(tmp_path: Path, seed_texts):
    documents = load_labeled([SEEDS])
    config = TrainingConfig(rounds=5, threads=1)
    train_bundle(documents, tmp_path / "a", config, {"name": "tiny"})
    first = ArticleCleaner.load(tmp_path / "a")
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    second = ArticleCleaner.load(tmp_path / "b")
    for text in seed_texts.values():
        assert first.clean(text).to_dict() == second.clean(text).to_dict()


def test_training_with_fixed_seed_is_repeatable(tmp_path: Path):
    documents = load_labeled([SEEDS])
    config = TrainingConfig(rounds=5, threads=1, seed=7)
    train_bundle(documents, tmp_path / "a", config, {"name": "tiny"})
    train_bundle(documents, tmp_path / "b", config, {"name": "tiny"})
    assert (tmp_path / "a" / MODEL_FILE).read_bytes() == (tmp_path / "b" / MODEL_FILE).read_bytes()
    assert (tmp_path / "a" / MANIFEST_FILE).read_bytes() == (tmp_path / "b" / MANIFEST_FILE).read_bytes()


def test_tampered_model_is_refused(bundle_copy: Path):
    model = bundle_copy / MODEL_FILE
    model.write_text(model.read_text().replace("learning_rate", "learning_rate ", 1))
    with pytest.raises(BundleError, match="SHA-256 does not match"):
        ArticleCleaner.load(bundle_copy)


def test_mismatched_feature_columns_are_refused(bundle_copy: Path):
    manifest = json.loads((bundle_copy / MANIFEST_FILE).read_text())
    manifest["feature_columns"] = manifest["feature_columns"][:-1] + ["layout.something_new"]
    (bundle_copy / MANIFEST_FILE).write_text(json.dumps(manifest))
    with pytest.raises(BundleError, match="other feature columns"):
        ArticleCleaner.load(bundle_copy)


def test_opinion_lexicon_is_hashed_and_must_hold_only_weights(bundle_copy: Path):
    lexicon = bundle_copy / OPINION_LEXICON_FILE
    assert json.loads(lexicon.read_text()), "the shipped head carries its learned lexicon"
    lexicon.write_text('{"shameful": 9.0}\n')
    with pytest.raises(BundleError, match="SHA-256 does not match"):
        ArticleCleaner.load(bundle_copy)
    # Re-hashed by hand, a lexicon of anything but numbers is still refused.
    lexicon.write_text('{"shameful": "__import__(\'os\')"}\n')
    manifest = json.loads((bundle_copy / MANIFEST_FILE).read_text())
    manifest["files"][OPINION_LEXICON_FILE] = sha256_text(lexicon.read_text())
    (bundle_copy / MANIFEST_FILE).write_text(json.dumps(manifest))
    with pytest.raises(BundleError, match="n-gram weights"):
        ArticleCleaner.load(bundle_copy)


def test_opinion_head_without_its_lexicon_is_refused(bundle_copy: Path):
    (bundle_copy / OPINION_LEXICON_FILE).unlink()
    manifest = json.loads((bundle_copy / MANIFEST_FILE).read_text())
    del manifest["files"][OPINION_LEXICON_FILE]
    (bundle_copy / MANIFEST_FILE).write_text(json.dumps(manifest))
    assert (bundle_copy / OPINION_FILE).is_file()
    with pytest.raises(BundleError, match="no opinion_lexicon.json"):
        ArticleCleaner.load(bundle_copy)


def test_wrong_labels_are_refused(bundle_copy: Path):
    manifest = json.loads((bundle_copy / MANIFEST_FILE).read_text())
    manifest["labels"] = ["content", "boilerplate"]
    (bundle_copy / MANIFEST_FILE).write_text(json.dumps(manifest))
    with pytest.raises(BundleError, match="labels"):
        ArticleCleaner.load(bundle_copy)


class _Booby:
    def __reduce__(self):
        return (Path.touch, (Path(self.marker),))


def test_booby_trapped_pickle_is_never_executed(bundle_copy: Path, tmp_path: Path):
    marker = tmp_path / "pwned"
    trap = _Booby()
    trap.marker = str(marker)
    payload = pickle.dumps(trap)
    for name in ("model.pkl", "model.joblib", "cleaner.pickle"):
        (bundle_copy / name).write_bytes(payload)
    manifest = json.loads((bundle_copy / MANIFEST_FILE).read_text())
    manifest["files"]["model.pkl"] = __import__("hashlib").sha256(payload).hexdigest()
    (bundle_copy / MANIFEST_FILE).write_text(json.dumps(manifest))
    # Listed or not, a pickle is read only as bytes to hash: the bundle is refused
    # (not UTF-8 text) or loaded without it, and the payload never runs.
    with pytest.raises(BundleError, match="not a text file"):
        ArticleCleaner.load(bundle_copy)
    assert not marker.exists()
    manifest["files"].pop("model.pkl")
    (bundle_copy / MANIFEST_FILE).write_text(json.dumps(manifest))
    ArticleCleaner.load(bundle_copy).clean("Some text of an article that is long enough to score.")
    assert not marker.exists()


def test_cleaner_pickles_as_text_and_predicts_the_same(cleaner, seed_texts):
    blob = pickle.dumps(cleaner)
    assert len(blob) < 2 * len(cleaner.bundle.model_text) + 1_000_000
    clone = pickle.loads(blob)
    text = seed_texts["blog-amnesty-mosul-war-crimes"]
    assert clone.clean(text).to_dict() == cleaner.clean(text).to_dict()


def test_unlabeled_paragraphs_never_train_the_model(tmp_path: Path):
    documents = load_labeled([SEEDS])
    config = TrainingConfig(rounds=5, threads=1)
    train_bundle(documents, tmp_path / "alone", config, {"name": "tiny"})
    unlabeled = dataclasses.replace(documents[0], id="copy", labels=(None,) * len(documents[0].labels))
    train_bundle([*documents, unlabeled], tmp_path / "context", config, {"name": "tiny"})
    assert (tmp_path / "alone" / MODEL_FILE).read_bytes() == (tmp_path / "context" / MODEL_FILE).read_bytes()
    manifest = json.loads((tmp_path / "context" / MANIFEST_FILE).read_text(encoding="utf-8"))
    assert manifest["training"]["unlabeled_paragraphs"] == len(documents[0].labels)
    assert manifest["training"]["paragraphs"] == sum(len(d.labels) for d in documents)
    # Half of the copy labeled: those rows do train.
    half = dataclasses.replace(
        unlabeled, labels=tuple(label if i % 2 else None for i, label in enumerate(documents[0].labels))
    )
    train_bundle([*documents, half], tmp_path / "half", config, {"name": "tiny"})
    assert (tmp_path / "alone" / MODEL_FILE).read_bytes() != (tmp_path / "half" / MODEL_FILE).read_bytes()


def test_early_stopping_keeps_the_full_models_labels_and_decisions_on_the_seeds(cleaner, seed_texts):
    from classifier.cleaner import segment
    from classifier.crossval import kept_mask

    bundle = cleaner.bundle
    matrix = np.vstack([cleaner.document_features(segment(text, "text")) for text in seed_texts.values()])
    early, full = bundle.predict_proba(matrix), bundle.predict_proba(matrix, early_stop=False)
    assert (early.argmax(axis=1) == full.argmax(axis=1)).all()
    threshold = bundle.keep_threshold
    assert (kept_mask(early, threshold) == kept_mask(full, threshold)).all()
    # It does stop early: paragraphs the model is sure of sum fewer trees, so their top
    # probability is lower than with every tree.
    assert (early.max(axis=1) < full.max(axis=1) - 1e-6).mean() > 0.5
