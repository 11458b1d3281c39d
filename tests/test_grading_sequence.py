"""Steps put in the wrong place (sequence.py): a sentence that starts a procedure with what
the key point does last, or ends it with what the point does first. Examples written for
these tests."""

from __future__ import annotations

import pytest

from mock_interview.domain.grading import sequence
from mock_interview.domain.grading import text as tx
from mock_interview.domain.grading.grader import GradingInput, grade_answer

QUESTION = "How do you dress a shallow graze?"
POINT = ("Work in order: wash your hands, irrigate the wound with saline, pat the skin dry, "
         "apply a non-stick dressing, then secure it with tape.")


@pytest.mark.parametrize(("sentence", "misplaced"), [
    ("The job starts with securing the tape, so nothing moves while you clean.", True),
    ("Hand washing comes last, once the dressing is on.", True),
    ("I start with washing my hands and finish with the tape.", False),
    ("Irrigation with saline comes first after hand washing.", False),
    ("Apply a non-stick dressing and tape it down.", False),  # places nothing
])
def test_a_step_put_at_the_wrong_end_of_the_order(sentence: str, misplaced: bool) -> None:
    found = sequence.misplaced_step(POINT, sentence, frozenset(tx.content_stems(QUESTION)))
    assert (found is not None) == misplaced, found
    if found:
        assert found.kind == "order"


def test_a_point_with_no_order_is_not_read_as_one() -> None:
    point = "A graze needs a non-stick dressing, saline and clean hands."
    said = "I start with the saline."
    assert sequence.misplaced_step(point, said, frozenset(tx.content_stems(QUESTION))) is None


def test_a_step_the_point_itself_puts_first_may_be_started_with() -> None:
    # The word sits late in the point, but the point says it comes first.
    point = ("Respond to a late arrival in proportion, escalating gradually: the mildest "
             "response first, such as a quiet reminder.")
    said = "I begin with a quiet reminder."
    assert sequence.misplaced_step(point, said, frozenset()) is None


def test_the_wrong_order_is_named_and_loses_the_point() -> None:
    right = ("I wash my hands, irrigate the graze with saline, pat it dry, put on a non-stick "
             "dressing and tape it.")
    wrong = ("Dressing a graze starts with securing the tape so the area is stable, then I "
             "irrigate with saline and pat it dry, and hand washing comes last.")
    graded = {text: grade_answer(GradingInput(question=QUESTION, kind="technical",
                                              key_points=[POINT], answer=text))
              for text in (right, wrong)}
    assert not graded[right].wrong_claims
    assert {w["kind"] for w in graded[wrong].wrong_claims} == {"order"}
    assert graded[wrong].technical < graded[right].technical
