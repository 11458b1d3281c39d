"""A key point whose words are all in a sentence that ties them to the other end of a scale,
an order or a role (opposition.py) counts as contradicted, not covered. Examples written for
these tests, across several fields."""

from __future__ import annotations

import pytest

from mock_interview.domain.grading import opposition
from mock_interview.domain.grading.grader import GradingInput, grade_answer


@pytest.mark.parametrize("point, sentence", [
    # inverted direction (finance)
    ("Raising interest rates usually lowers bond prices.",
     "Raising interest rates usually increases bond prices."),
    # an order read with its arguments swapped the wrong way (nursing)
    ("Check the patient's identity before giving any medication.",
     "Give the medication first and check the patient's identity after giving it."),
    # a crossed swap: both ends named, each moved to the other thing (bookkeeping)
    ("Refunds are subtracted from gross sales and shipping fees are added to them.",
     "Refunds are added to gross sales and shipping fees are subtracted from them."),
    # roles swapped (property)
    ("The tenant pays the utility bills and the landlord pays for structural repairs.",
     "The landlord pays the utility bills and the tenant pays for structural repairs."),
    # a comparison turned round (user interface design)
    ("Larger buttons are faster to tap than small ones.",
     "Smaller buttons are faster to tap."),
])
def test_opposite_ends_are_found(point: str, sentence: str) -> None:
    result = opposition.compare(opposition.bindings(point), opposition.bindings(sentence))
    assert result.opposed, result


@pytest.mark.parametrize("point, sentence", [
    # the same claim in other words
    ("Raising interest rates usually lowers bond prices.",
     "When interest rates rise, bond prices usually fall."),
    # an order said from the other side: "A before B" is "B after A"
    ("Check the patient's identity before giving any medication.",
     "Give any medication only after you check the patient's identity."),
    # "only" and "at least" limit the word, they do not flip it
    ("The loop body runs at least once.", "The loop body always runs at least once."),
    ("Gross revenue includes only product sales.",
     "Gross revenue excludes everything except product sales."),
    # "by" names a means, not what changes (supply chain)
    ("Sharing point-of-sale data reduces forecast errors.",
     "Forecast errors grow with every stage, and are reduced by sharing point-of-sale data."),
    # a limit said two ways (nursing)
    ("Keep the head of the bed at 30 degrees or lower.",
     "Keep the head of the bed no higher than 30 degrees."),
    # what an abbreviation stands for is not a claim (inventory)
    ("LIFO sells the newest units first.", "Under LIFO the newest units are sold first."),
])
def test_agreeing_sentences_are_not_opposed(point: str, sentence: str) -> None:
    result = opposition.compare(opposition.bindings(point), opposition.bindings(sentence))
    assert not result.opposed, result


def test_a_negated_end_word_binds_nothing() -> None:
    found = opposition.bindings("Caching does not increase write latency.")
    assert all(not stems for stems in found.values()) or not any(
        stem for stems in found.values() for stem in stems if stem)


def test_what_is_said_of_the_other_thing_is_not_compared() -> None:
    things = opposition.question_things("How do batch and stream processing differ?")
    assert things
    point = opposition.bindings("Batch processing gives higher latency than stream processing.",
                                things=things)
    sentence = opposition.bindings("Stream processing gives lower latency than batch.",
                                   things=things)
    assert not opposition.compare(point, sentence).opposed


SCENARIOS = [
    ("finance", "How do interest rate rises affect bond prices?",
     ["Raising interest rates lowers the prices of existing bonds.",
      "Longer-duration bonds are more sensitive to rate changes."],
     "Raising interest rates cuts the prices of existing bonds, so existing bonds lose value. "
     "Longer-duration bonds are more sensitive to rate changes.",
     "Raising interest rates increases the prices of existing bonds, because new bonds look "
     "riskier. Longer-duration bonds are more sensitive to rate changes."),
    ("logistics", "How should a warehouse handle perishable stock?",
     ["Stock with the earliest expiry dates is picked before newer stock.",
      "Cold storage temperatures are checked every shift."],
     "We pick the stock with the earliest expiry dates before newer stock. Cold storage "
     "temperatures are checked every shift and logged.",
     "We pick newer stock before the stock with the earliest expiry dates, since it looks "
     "fresher. Cold storage temperatures are checked every shift and logged."),
    ("software", "What does a database index cost you?",
     ["An index makes reads faster but makes writes slower, since every write updates it.",
      "Indexes take extra disk space."],
     "An index makes reads faster, but writes get slower because each insert also updates "
     "the index. Indexes take extra disk space too.",
     "An index makes reads slower, but writes get faster because each insert also updates the "
     "index. Indexes take extra disk space too."),
]


@pytest.mark.parametrize("field, question, points, right, wrong", SCENARIOS,
                         ids=[s[0] for s in SCENARIOS])
def test_inverted_answer_loses_the_point_and_scores_below_the_right_one(
        field: str, question: str, points: list[str], right: str, wrong: str) -> None:
    good = grade_answer(GradingInput(question, "technical", points, right))
    bad = grade_answer(GradingInput(question, "technical", points, wrong))
    assert not good.wrong_claims, good.wrong_claims
    assert bad.wrong_claims, f"{field}: no wrong claim found"
    assert points[0] not in bad.covered_points
    assert bad.technical <= good.technical - 15
