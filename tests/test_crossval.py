"""Site-grouped cross-validation: folds of whole sites, staged smaller models."""

import dataclasses

import numpy as np

from classifier.crossval import KEPT, cross_validate, report, save_probabilities, site_fold, token_f1_at
from classifier.dataset import load_labeled
from classifier.keep_rules import decide_keeps
from classifier.training import TrainingConfig
from tests.conftest import SEEDS


def _seed_documents():
    # Three seeds as six "sites": each seed and a copy under another site name.
    documents = load_labeled([SEEDS])
    copies = [dataclasses.replace(d, id=d.id + "-copy", site=d.site + ".copy") for d in documents]
    return documents + copies


def test_site_fold_is_stable_and_in_range():
    assert site_fold("example.com", 4) == site_fold("example.com", 4)
    assert {site_fold(f"site{i}.org", 3) for i in range(30)} == {0, 1, 2}


def test_out_of_fold_probabilities_and_stages(tmp_path):
    documents = _seed_documents()
    result = cross_validate(documents, TrainingConfig(rounds=6, threads=1), folds=2, stages=(3, 6, 9))
    rows = sum(len(d.document.blocks) for d in documents)
    assert result.probabilities.shape == (rows, 8)
    assert np.allclose(result.probabilities.sum(axis=1), 1.0)
    # Only stages below the full round count are kept; each is a probability table of its own.
    assert set(result.staged) == {3}
    assert result.staged[3].shape == result.probabilities.shape
    assert not np.allclose(result.staged[3], result.probabilities)
    assert 0.0 <= token_f1_at(dataclasses.replace(result, probabilities=result.staged[3]), 0.35) <= 1.0
    save_probabilities(result, str(tmp_path / "oof.npz"))
    saved = np.load(tmp_path / "oof.npz")
    assert np.array_equal(saved["probabilities"], result.probabilities)
    assert saved["paragraphs"].sum() == rows and list(saved["ids"]) == [d.id for d in documents]
    assert np.array_equal(saved["stage_3"], result.staged[3])


def _cleaner_keeps(probabilities):
    """One document's keep decisions as the cleaner makes them at threshold 0.35."""
    p_kept = probabilities[:, KEPT].sum(axis=1)
    return decide_keeps(p_kept.tolist(), 0.35).kept


def test_token_f1_by_input_format():
    # Seeds as text, plus one of them as an HTML page; each format is scored on its own pages.
    from classifier.html import segment_html
    from classifier.metrics import mean_prf, token_prf
    from classifier.text import output_text

    documents = _seed_documents()
    first = documents[0]
    page = "<html><body>" + "".join(f"<p>{b.text}</p>" for b in first.document.blocks) + "</body></html>"
    html_document = segment_html(page)
    html_copy = dataclasses.replace(
        first, id=first.id + "-html", document=html_document, labels=("reporting",) * len(html_document.blocks)
    )
    result = cross_validate([*documents, html_copy], TrainingConfig(rounds=4, threads=1), folds=2)
    text_f1, html_f1 = token_f1_at(result, 0.35, "text"), token_f1_at(result, 0.35, "html")
    keep = _cleaner_keeps(result.probabilities[-len(html_document.blocks) :])
    kept = "\n".join(output_text(b.text) for b, k in zip(html_document.blocks, keep, strict=True) if k)
    assert html_f1 == mean_prf([token_prf(kept, html_copy.reference_text)]).f1
    assert text_f1 != html_f1
    assert np.isnan(token_f1_at(result, 0.35, "markdown"))


def test_score_only_files_are_predicted_but_never_trained_on():
    documents = _seed_documents()
    extras = [
        dataclasses.replace(d, id=d.id + "-extra", site=d.site + ".extra", origin=f"extra.jsonl:{i}")
        for i, d in enumerate(documents, 1)
    ]
    config = TrainingConfig(rounds=5, threads=1)
    alone = cross_validate(documents, config, folds=2)
    with_extras = cross_validate([*documents, *extras], config, folds=2, score_only_files=frozenset({"extra.jsonl"}))
    rows = alone.probabilities.shape[0]
    # The extra pages change no model, yet each gets out-of-fold probabilities.
    assert np.array_equal(with_extras.probabilities[:rows], alone.probabilities)
    assert np.allclose(with_extras.probabilities[rows:].sum(axis=1), 1.0)
    trained_on_all = cross_validate([*documents, *extras], config, folds=2)
    assert not np.array_equal(trained_on_all.probabilities[:rows], alone.probabilities)
    by_file = report(with_extras, 0.35)["token_f1_by_file_and_format"]
    assert set(by_file) == {"seeds.jsonl text", "extra.jsonl text"}
    # Full-text records have no corpus page type: they are the user's own.
    assert set(report(with_extras, 0.35)["token_f1_by_page_type_and_format"]) == {"own text"}


def test_unlabeled_paragraphs_are_neither_trained_nor_scored():
    documents = _seed_documents()
    first = documents[0]
    partial = dataclasses.replace(
        first,
        id=first.id + "-partial",
        site=first.site + ".partial",
        origin="snippets.jsonl:1",
        labels=tuple(label if i % 3 == 0 else None for i, label in enumerate(first.labels)),
    )
    config = TrainingConfig(rounds=4, threads=1)
    result = cross_validate([*documents, partial], config, folds=2)
    scored = report(result, 0.35)
    labeled_rows = sum(len(d.labels) for d in documents) + sum(label is not None for label in partial.labels)
    assert sum(s["support"] for s in scored["per_label"].values()) == labeled_rows
    # A partly labeled page has no body score, only the keep accuracy of its labeled paragraphs.
    assert set(scored["token_f1_by_file_and_format"]) == {"seeds.jsonl text"}
    accuracy = scored["keep_accuracy_by_file_and_format"]
    assert set(accuracy) == {"seeds.jsonl text", "snippets.jsonl text"}
    keep = _cleaner_keeps(result.probabilities[-len(partial.labels) :])
    pairs = zip(keep, partial.labels, strict=True)
    expected = [k == (label in ("reporting", "opinion")) for k, label in pairs if label]
    assert accuracy["snippets.jsonl text"] == round(sum(expected) / len(expected), 4)


def test_a_seed_repeats_exactly_and_another_seed_trains_other_models():
    documents = _seed_documents()
    first = cross_validate(documents, TrainingConfig(rounds=5, threads=1, seed=1), folds=2)
    again = cross_validate(documents, TrainingConfig(rounds=5, threads=1, seed=1), folds=2)
    other = cross_validate(documents, TrainingConfig(rounds=5, threads=1, seed=2), folds=2)
    assert np.array_equal(first.probabilities, again.probabilities)
    assert not np.array_equal(first.probabilities, other.probabilities)


def test_a_given_training_set_is_used_as_built():
    from classifier.training import build_training_set

    documents = _seed_documents()
    config = TrainingConfig(rounds=4, threads=1)
    data = build_training_set(documents)
    same = cross_validate(documents, config, folds=2, data=data)
    assert np.array_equal(same.probabilities, cross_validate(documents, config, folds=2).probabilities)
    # An extra column (here: the row's own label, a perfect cue) reaches the models.
    cue = dataclasses.replace(data, features=np.hstack([data.features, data.labels[:, None].astype(float)]))
    told = cross_validate(documents, config, folds=2, data=cue)
    labeled = data.labeled
    assert (told.probabilities[labeled].argmax(axis=1) == data.labels[labeled]).mean() > (
        same.probabilities[labeled].argmax(axis=1) == data.labels[labeled]
    ).mean()


def test_threshold_sweep_per_input_format():
    from classifier.crossval import sweep_by_format
    from classifier.metrics import PRF

    documents = _seed_documents()
    html_copy = dataclasses.replace(
        documents[0], document=dataclasses.replace(documents[0].document, input_format="html")
    )
    scores = {
        0.3: [(documents[0], PRF(1.0, 1.0, 0.6)), (documents[1], PRF(1.0, 1.0, 0.8)), (html_copy, PRF(1.0, 1.0, 0.5))],
        0.4: [(documents[0], PRF(1.0, 1.0, 0.2)), (documents[1], PRF(1.0, 1.0, 0.4)), (html_copy, PRF(1.0, 1.0, 0.9))],
    }
    assert sweep_by_format(scores) == {"html": {0.3: 0.5, 0.4: 0.9}, "text": {0.3: 0.7, 0.4: 0.3}}
