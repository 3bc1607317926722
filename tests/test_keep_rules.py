"""The document-level keep rule applied after the model."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from classifier.explain import format_explanation
from classifier.keep_rules import FALLBACK, FALLBACK_FLOOR, decide_keeps
from classifier.result import CleanResult, ParagraphResult

THRESHOLD = 0.35
FIXTURES = Path(__file__).parent / "fixtures"


def test_a_page_with_nothing_kept_keeps_its_most_probable_paragraphs() -> None:
    decisions = decide_keeps([0.05, 0.3, 0.2, 0.1], THRESHOLD)
    assert decisions.kept == (False, True, True, False)
    assert decisions.rules == (None, FALLBACK, FALLBACK, None)


def test_a_page_of_sure_boilerplate_stays_empty() -> None:
    decisions = decide_keeps([FALLBACK_FLOOR / 2, 0.01], THRESHOLD)
    assert decisions.kept == (False, False)
    assert decisions.rules == (None, None)


def test_the_threshold_alone_decides_once_something_is_kept() -> None:
    decisions = decide_keeps([0.4, 0.3, 0.9], THRESHOLD)
    assert decisions.kept == (True, False, True)
    assert decisions.rules == (None, None, None)


def test_empty_document() -> None:
    decisions = decide_keeps([], THRESHOLD)
    assert decisions.kept == () and decisions.rules == ()


@given(st.lists(st.floats(min_value=0.0, max_value=1.0), max_size=30))
def test_the_rule_only_adds_kept_paragraphs_and_names_itself(p_kept: list[float]) -> None:
    decisions = decide_keeps(p_kept, THRESHOLD)
    assert len(decisions.kept) == len(p_kept) == len(decisions.rules)
    for p, kept, rule in zip(p_kept, decisions.kept, decisions.rules, strict=True):
        assert kept == (p >= THRESHOLD or rule is not None)
        assert rule is None or p < THRESHOLD
    if p_kept and max(p_kept) >= FALLBACK_FLOOR:
        assert any(decisions.kept)


def test_the_rule_that_kept_a_paragraph_is_in_its_json_and_explanation() -> None:
    probabilities = (0.2, 0.0, 0.0, 0.0, 0.8, 0.0, 0.0, 0.0)
    rescued = ParagraphResult(0, "Test", "reporting", 0.2, True, probabilities, rule=FALLBACK)
    dropped = ParagraphResult(1, "Menu", "navigation", 0.8, False, probabilities)
    result = CleanResult(source="", title="", url="", date="", paragraphs=(rescued, dropped), model="m")
    assert rescued.to_dict()["rule"] == FALLBACK
    assert "rule" not in dropped.to_dict()
    first, second = format_explanation(result, [[], []]).split("[1]")
    assert f"kept by the document rule '{FALLBACK}'" in first
    assert "document rule" not in second


def test_a_real_page_the_model_drops_whole_keeps_its_body_by_the_fallback(cleaner) -> None:
    # A held-out German blog page (the snippet corpus's piratenpartei-marburg.de): no paragraph
    # clears the keep threshold, so the fallback keeps the best-rated ones, the story among them.
    page = FIXTURES / "pages" / "piratenpartei-fridays.txt"
    result = cleaner.clean(page.read_text(encoding="utf-8"), format="text")
    kept = [p for p in result.paragraphs if p.kept]
    assert kept and all(p.rule == FALLBACK for p in kept)
    assert "Die Ignoranz, mit der die Dringlichkeit tiefgreifender Änderungen" in result.text
    for chrome in ("Copyright © 2020 Piratenpartei", "Klarmachen zum Ändern!", "Datenschutzerklärung"):
        assert chrome not in result.text
