"""Metrics on hand-computed cases."""

from __future__ import annotations

import numpy as np
import pytest

from classifier.metrics import binary_macro_f1, label_report, token_prf


def test_token_prf_is_a_multiset_overlap():
    score = token_prf("the cat the cat", "The cat sat")
    assert score.precision == pytest.approx(2 / 4) and score.recall == pytest.approx(2 / 3)


def test_binary_macro_f1_by_hand():
    truth = np.array([True, True, False, False, False])
    predicted = np.array([True, False, False, False, True])
    # positive: tp 1, fp 1, fn 1 -> 0.5; negative: tp 2, fp 1, fn 1 -> 2/3
    assert binary_macro_f1(truth, predicted) == pytest.approx((0.5 + 2 / 3) / 2)


def test_label_report_confusion_and_macro_over_present_labels():
    report = label_report(["reporting", "caption", "caption"], ["reporting", "caption", "navigation"])
    assert report.confusion["caption"]["navigation"] == 1
    assert report.per_label["caption"].recall == pytest.approx(0.5)
    assert report.accuracy == pytest.approx(2 / 3)
