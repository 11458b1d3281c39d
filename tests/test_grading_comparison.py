"""Comparisons turned round (comparison.py): a sentence that ranks on the point's scale what
the point ranks higher below what it ranks lower. Examples written for these tests."""

from __future__ import annotations

import pytest

from mock_interview.domain.grading import comparison
from mock_interview.domain.grading import text as tx
from mock_interview.domain.grading.grader import GradingInput, grade_answer

QUESTION = "How do you store a sourdough starter between bakes?"
POINT = "Short feeding cycles at room temperature work better than long gaps in the fridge."


@pytest.mark.parametrize(("sentence", "turned"), [
    ("Long gaps in the fridge work better than short feeding cycles at room temperature.", True),
    ("It's better to leave long gaps in the fridge than to run short feeding cycles.", True),
    ("Short feeding cycles at room temperature are not better than long gaps in the fridge.",
     True),
    ("Short feeding cycles at room temperature beat long gaps in the fridge.", False),  # no scale
    ("Short feeding cycles work better than long gaps in the fridge.", False),  # agrees
    ("A warm kitchen is better than a cold one for rising dough.", False),  # other things
])
def test_a_comparison_turned_round(sentence: str, turned: bool) -> None:
    found = comparison.reversed_ranking(POINT, sentence, frozenset(tx.content_stems(QUESTION)))
    assert (found is not None) == turned, found
    if found:
        assert found.kind == "ranking"


@pytest.mark.parametrize(("point", "sentence", "turned"), [
    ("Prefer plain language rather than legal jargon in a patient letter.",
     "Write in legal jargon rather than plain language, so the letter sounds official.", True),
    ("Prefer plain language rather than legal jargon in a patient letter.",
     "Use plain language rather than jargon.", False),
    ("Clay soil drains slower than sandy soil because its particles are finer.",
     "Sandy soil drains slower than clay soil.", True),
    ("Clay soil drains slower than sandy soil because its particles are finer.",
     "Clay soil drains faster than sandy soil.", True),
    ("Clay soil drains slower than sandy soil because its particles are finer.",
     "Sandy soil drains faster than clay.", False),
    ("Insurance premiums are higher for young drivers (under 25) than for experienced drivers.",
     "Premiums are higher for experienced drivers, and lower for young drivers.", True),
    ("Insurance premiums are higher for young drivers (under 25) than for experienced drivers.",
     "Premiums are lower for drivers with a claim-free record.", False),  # one side alone
])
def test_scales_and_sides(point: str, sentence: str, turned: bool) -> None:
    assert (comparison.reversed_ranking(point, sentence, frozenset()) is not None) == turned


def test_a_turned_comparison_is_named_and_loses_the_point() -> None:
    right = "Keep it on the counter with short feeding cycles; that beats long gaps in the fridge."
    wrong = ("Long gaps in the fridge work better than short feeding cycles at room "
             "temperature, because the cold keeps the yeast strong.")
    graded = {text: grade_answer(GradingInput(question=QUESTION, kind="technical",
                                              key_points=[POINT], answer=text))
              for text in (right, wrong)}
    assert not graded[right].wrong_claims
    assert {w["kind"] for w in graded[wrong].wrong_claims} == {"ranking"}
    assert graded[wrong].technical < graded[right].technical


@pytest.mark.parametrize(("point", "sentence", "turned"), [
    ("For projects of different size, NPV is generally preferred because it measures value "
     "added.", "When they disagree I always side with IRR, since a percentage is fairer.", True),
    ("For projects of different size, NPV is generally preferred because it measures value "
     "added.", "When they disagree I go with NPV.", False),
    ("For projects of different size, NPV is generally preferred because it measures value "
     "added.", "I'd never side with IRR when they disagree.", False),
    ("For projects of different size, NPV is generally preferred because it measures value "
     "added.", "IRR is easier to explain to the board.", False),  # prefers nothing
])
def test_the_other_of_two_contrasted_things_preferred(point: str, sentence: str,
                                                      turned: bool) -> None:
    pair = frozenset(["npv", "irr"])
    assert (comparison.other_preferred(point, sentence, pair) is not None) == turned


@pytest.mark.parametrize("sentence", [
    "You judge whether fair value is more likely than not below the carrying amount.",
    "Anyone working more than 40 hours a week is paid overtime.",
])
def test_idioms_and_bounds_rank_nothing(sentence: str) -> None:
    assert comparison.rankings(sentence) == ()
