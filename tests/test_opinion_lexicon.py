import os
import subprocess
import sys

import numpy as np

from classifier.opinion_lexicon import features_by_fold, fold_lexicons, learn_lexicon, lexicon_features, ngrams
from tests.conftest import ROOT

OPINION = ["What a shameful, disgraceful decision.", "This shameful plan is a disgrace.", "A shameful day."] * 2
REPORTING = ["The council voted on Tuesday.", "The council met on Monday.", "Officials voted on the plan."] * 2


def test_ngrams_are_lowercased_words_and_adjacent_pairs():
    assert ngrams("Truly AWFUL!") == {"truly", "awful", "!", "truly awful", "awful !"}


def test_learned_weights_point_the_right_way():
    lexicon = learn_lexicon(OPINION + REPORTING, [True] * len(OPINION) + [False] * len(REPORTING))
    assert lexicon["shameful"] > 0 > lexicon["council"]
    # seen fewer than MIN_COUNT times: not in the table
    assert "monday" not in lexicon


def test_features_rank_texts_and_know_nothing_of_unseen_words():
    lexicon = learn_lexicon(OPINION + REPORTING, [True] * len(OPINION) + [False] * len(REPORTING))
    rows = lexicon_features(["A shameful disgrace.", "The council voted.", "Zebras graze quietly"], lexicon)
    assert rows[0, 0] > 0 > rows[1, 0]
    assert rows[2].tolist() == [0.0, 0.0]


def test_out_of_fold_scores_never_come_from_the_rows_own_fold():
    texts = ["shameful shameful"] * 3 + ["council vote"] * 3
    is_opinion = np.array([True] * 3 + [False] * 3)
    # every opinion text sits alone in fold 0: the other folds never saw "shameful" as opinion
    folds = np.array([0, 0, 0, 1, 1, 1])
    rows = features_by_fold(texts, folds, fold_lexicons(texts, is_opinion, folds, np.unique(folds)))
    assert rows[:3].tolist() == [[0.0, 0.0]] * 3


def test_scores_do_not_depend_on_the_hash_seed():
    # n-grams come from a set, whose order changes with PYTHONHASHSEED; the sum must not.
    script = (
        "from classifier.opinion_lexicon import lexicon_features, ngrams\n"
        "text = ' '.join(f'w{i}' for i in range(60))\n"
        "lexicon = {g: len(g) / 7.0 - 0.3 for g in ngrams(text)}\n"
        "lexicon = {g: w + 1 / (3 + i) for i, (g, w) in enumerate(sorted(lexicon.items()))}\n"
        "print(repr(lexicon_features([text], lexicon).tolist()))\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            cwd=ROOT,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1
