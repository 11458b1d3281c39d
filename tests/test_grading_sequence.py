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


ORDER_QUESTION = "How do you ship a schema change safely?"
ORDER_POINT = ("Take a full backup of the production database first, and then apply the "
               "migration script.")


@pytest.mark.parametrize(("sentence", "reversed_order"), [
    ("I apply the migration script first and then take a full backup of the database.", True),
    ("Take the backup of the production database after the migration script has run.", True),
    ("Run the migration script, and later take a backup of the database.", True),
    ("Take a full backup of the database, then apply the migration script.", False),
    ("Apply the migration script only after a full backup of the database.", False),
    ("The backup and the migration script both need a maintenance window.", False),  # no order
])
def test_two_steps_in_the_other_order(sentence: str, reversed_order: bool) -> None:
    found = sequence.reversed_steps(ORDER_POINT, sentence,
                                    frozenset(tx.content_stems(ORDER_QUESTION)))
    assert (found is not None) == reversed_order, found
    if found:
        assert found.kind == "order"


def test_a_list_said_to_be_in_order_orders_every_pair() -> None:
    point = ("The stages in order are: collect the samples, label each tube, centrifuge the "
             "batch, and record the readings.")
    wrong = "You centrifuge the batch first, then label each tube and collect the samples."
    right = "Collect the samples, then label each tube, centrifuge the batch and record it."
    assert sequence.reversed_steps(point, wrong, frozenset()) is not None
    assert sequence.reversed_steps(point, right, frozenset()) is None


def test_steps_in_the_other_order_are_named_and_lose_the_point() -> None:
    right = "Back up the production database first, then run the migration script."
    wrong = ("You run the migration script first, and then take a full backup of the "
             "production database, so the backup already has the new schema.")
    graded = {text: grade_answer(GradingInput(question=ORDER_QUESTION, kind="technical",
                                              key_points=[ORDER_POINT], answer=text))
              for text in (right, wrong)}
    assert not graded[right].wrong_claims
    assert {w["kind"] for w in graded[wrong].wrong_claims} == {"order"}
    assert graded[wrong].technical < graded[right].technical


def test_the_point_s_words_said_elsewhere_do_not_answer_a_reversed_order() -> None:
    # The second sentence says every word of the point and orders nothing: it does not say
    # which comes first, so the order turned round in the first still stands.
    answer = ("Apply the migration script first and then take a full backup of the database. "
              "A full backup of the production database and the migration script are both "
              "part of the change, and taking them seriously is what makes it safe.")
    graded = grade_answer(GradingInput(question=ORDER_QUESTION, kind="technical",
                                       key_points=[ORDER_POINT], answer=answer))
    assert [w["kind"] for w in graded.wrong_claims] == ["order"]
