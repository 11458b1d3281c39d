"""A sentence that calls needless or forbidden what a key point says is done contradicts that
point (dismissal.py); one that dismisses something no point requires, that reports the belief
to refute it, or that agrees with a point leaving the thing optional does not. Examples written
for these tests, across several fields."""

from __future__ import annotations

import pytest

from mock_interview.domain.grading import dismissal
from mock_interview.domain.grading import text as tx
from mock_interview.domain.grading.grader import GradingInput, grade_answer

PAYROLL_QUESTION = "How do you close payroll at the end of the month?"
PAYROLL_POINTS = (
    "Payroll is reconciled to the general ledger before the journal is posted.",
    "Accrued wages cover days worked but not yet paid at month end.",
    "Employer payroll taxes are accrued along with the wages they relate to.",
)

WOUND_QUESTION = "How do you care for a patient's pressure injury?"
WOUND_POINTS = (
    "The patient is repositioned at least every two hours to relieve pressure.",
    "Nutrition and hydration are assessed because protein deficits slow healing.",
    "The wound is measured and staged at each dressing change and documented.",
)

CACHE_QUESTION = "How would you add a cache in front of a slow service?"
CACHE_POINTS = (
    "Each entry gets a time-to-live so stale data expires.",
    "Invalidation on writes keeps the cache consistent with the source of truth.",
    "A hit ratio metric shows whether the cache is worth keeping.",
)


@pytest.mark.parametrize("question, points, sentence, contradicted", [
    # the dismissed thing after the words (accounting)
    (PAYROLL_QUESTION, PAYROLL_POINTS,
     "Since the totals come from the payroll system, there's no need to reconcile anything "
     "to the ledger.", 0),
    # the dismissed thing before them (nursing)
    (WOUND_QUESTION, WOUND_POINTS,
     "Nutrition doesn't really matter for a wound, so I focus on the dressing.", 1),
    # "X doesn't need to be ...": the thing is the subject (software)
    (CACHE_QUESTION, CACHE_POINTS,
     "Entries don't need to expire, because the service rarely changes.", 0),
    # called unnecessary (nursing)
    (WOUND_QUESTION, WOUND_POINTS,
     "Repositioning is unnecessary once there is a special mattress.", 0),
    # forbidden where the point says it is done (software)
    (CACHE_QUESTION, CACHE_POINTS,
     "Invalidation isn't allowed in a read-through design, so writes go straight to the "
     "database.", 1),
    # forbidden, the thing after the words (nursing)
    (WOUND_QUESTION, WOUND_POINTS,
     "Nurses are not allowed to measure or stage a wound, that is for the doctor.", 2),
    # one everyday word, all the sentence dismisses (sales)
    ("How do you build a sales forecast?", ("Each deal is weighted by its stage.",
                                            "The forecast is checked against history."),
     "History doesn't really matter, every quarter is different.", 1),
    # a factor said not to belong in the calculation (accounting)
    (PAYROLL_QUESTION, PAYROLL_POINTS,
     "Employer taxes don't belong in the month-end accrual; they're the provider's business.", 2),
    # one that does not enter into it (nursing)
    (WOUND_QUESTION, WOUND_POINTS,
     "Hydration doesn't really enter into it, since the dressing keeps the wound moist.", 1),
    # one with nothing to do with it (software)
    (CACHE_QUESTION, CACHE_POINTS,
     "The hit ratio has nothing to do with whether the cache is worth keeping.", 2),
    # one that is not part of it (sales)
    ("How do you build a sales forecast?", ("Each deal is weighted by its stage.",
                                            "The forecast is checked against history."),
     "Deal stage isn't part of a forecast; I go by the rep's gut.", 0),
    # a point whose other part denies something still says this part is done (marketing)
    ("How do you tell whether a price change raised revenue?",
     ("A before-and-after comparison can't rule out seasonality; a holdout region is needed.",
      "Revenue per visitor is compared, not just conversion."),
     "The sample is huge, so there's no real need for a holdout region.", 0),
    # the speaker would not bother with it (software)
    (CACHE_QUESTION, CACHE_POINTS,
     "I wouldn't bother with invalidation on writes, since the data barely changes.", 1),
    # nor spoil the result by doing it (nursing)
    (WOUND_QUESTION, WOUND_POINTS,
     "I wouldn't slow the round by measuring and staging every wound.", 2),
    # called a drag on the work (accounting)
    (PAYROLL_QUESTION, PAYROLL_POINTS,
     "Reconciling payroll to the general ledger just delays the close.", 0),
    # to be left out, or dropped (nursing)
    (WOUND_QUESTION, WOUND_POINTS,
     "Measurements should be left out of the notes, since photos say more.", 2),
    (WOUND_QUESTION, WOUND_POINTS,
     "The two-hour repositioning can usually be dropped on a good mattress.", 0),
    # shunned by the speaker, the thing said first (software, nursing)
    (CACHE_QUESTION, CACHE_POINTS,
     "Invalidation on writes is something I avoid; it couples every writer to the cache.", 1),
    (WOUND_QUESTION, WOUND_POINTS,
     "Repositioning every two hours I avoid, since it wakes the patient.", 0),
    # the speaker's own practice leaves it out (accounting)
    (PAYROLL_QUESTION, PAYROLL_POINTS,
     "In practice I skip the employer tax accrual, since the provider posts it anyway.", 2),
    # one everyday word beside the question's own is all that is shunned (data)
    ("How would you encode a postcode feature?",
     ("Count encoding replaces each postcode with how often it appears.",),
     "Count encoding I avoid, as frequency says nothing.", 0),
    # a denial in another part of the point ("not weekends") leaves this part said (retail)
    ("How do you plan staff for a shop's busy season?",
     ("Rotas are agreed with the team two weeks ahead, and cover follows footfall, not "
      "weekends alone.",),
     "The rota doesn't need agreeing with the team; I just post it.", 0),
    # no value, or no reason, in doing it (accounting, software)
    (PAYROLL_QUESTION, PAYROLL_POINTS,
     "There's no value in reconciling payroll to the ledger when the system is trusted.", 0),
    (CACHE_QUESTION, CACHE_POINTS,
     "Once it's warm there's no reason to track the hit ratio.", 2),
    # not a concern (nursing)
    (WOUND_QUESTION, WOUND_POINTS,
     "Hydration isn't a concern for a wound like this.", 1),
    # kept out of the work: built in, put on, used (accounting, nursing, software)
    (PAYROLL_QUESTION, PAYROLL_POINTS,
     "Employer taxes shouldn't be built into the accrual; they post when paid.", 2),
    (WOUND_QUESTION, WOUND_POINTS,
     "Repositioning should never take priority over the patient's sleep.", 0),
    (CACHE_QUESTION, CACHE_POINTS,
     "You should never use a time-to-live on entries, since expiry causes misses.", 0),
    # set aside by the speaker, or said to help little or make things worse (software,
    # nursing, accounting)
    (CACHE_QUESTION, CACHE_POINTS,
     "I generally disregard invalidation on writes, since reads dominate.", 1),
    (WOUND_QUESTION, WOUND_POINTS,
     "Assessing nutrition rarely helps with a pressure injury.", 1),
    (CACHE_QUESTION, CACHE_POINTS,
     "A hit ratio metric adds a dashboard without much payoff.", 2),
    (PAYROLL_QUESTION, PAYROLL_POINTS,
     "Accruing the employer taxes with the wages makes things worse at year end.", 2),
    # said to add little (software, nursing)
    (CACHE_QUESTION, CACHE_POINTS,
     "I don't find a hit ratio metric adds much once the cache is warm.", 2),
    (WOUND_QUESTION, WOUND_POINTS,
     "Staging the wound adds little beyond the photos.", 2),
])
def test_a_dismissed_step_contradicts_the_point_that_says_it_is_done(
        question: str, points: tuple[str, ...], sentence: str, contradicted: int) -> None:
    found = dismissal.dismissed_point(sentence, points,
                                      frozenset(tx.content_stems(question)))
    assert found is not None, sentence
    assert found[0] == contradicted and found[1].kind == "dismissal", found


@pytest.mark.parametrize("question, points, sentence", [
    # dismisses something no point asks for
    (CACHE_QUESTION, CACHE_POINTS,
     "You don't need a background timer: the entry is checked lazily on the next read."),
    # reports the belief in order to refute it
    (WOUND_QUESTION, WOUND_POINTS,
     "A common myth is that nutrition doesn't matter for wound healing; protein deficits "
     "slow it."),
    # a question back
    (PAYROLL_QUESTION, PAYROLL_POINTS, "Do you need to reconcile to the ledger every month?"),
    # the point itself leaves the thing optional, so calling it needless agrees
    ("When do you run a qualitative screen?",
     ("An optional qualitative screen may be run before the quantitative test.",),
     "The qualitative screen isn't required; you can go straight to the quantitative test."),
    # the point denies the thing itself
    ("Which differences create deferred taxes?",
     ("Permanent differences never create deferred taxes.",),
     "Permanent differences don't matter for deferred taxes at all."),
    # only the question's own words are dismissed
    (PAYROLL_QUESTION, PAYROLL_POINTS,
     "The month itself doesn't matter much; every close follows the same checklist."),
    # the point itself keeps the thing out, so saying it doesn't belong agrees
    ("What goes into cost of goods sold?",
     ("Selling and administrative costs are not included in cost of goods sold.",),
     "Selling and administrative costs don't belong in cost of goods sold."),
    # the speaker skips something no point asks for
    (CACHE_QUESTION, CACHE_POINTS,
     "I skip the warm-up script on deploys; entries fill on the first reads."),
    # the point keeps the thing away, so calling it forbidden agrees (HR)
    ("How do you run a grievance investigation?",
     ("Interview both parties separately, and protect the complainant from retaliation.",),
     "I remind everyone that retaliation is prohibited."),
    # the point warns against the thing too, so keeping it out agrees (nursing)
    ("How do you care for a pressure injury?",
     ("Massaging reddened skin and ring cushions are avoided because they harm tissue.",),
     "Ring cushions should never be used, since they cut off circulation."),
    # the point denies it, so calling it no concern agrees (accounting)
    ("Which differences create deferred taxes?",
     ("Permanent differences never create deferred taxes.",),
     "Permanent differences aren't a concern for deferred taxes."),
])
def test_no_dismissal_where_nothing_a_point_says_is_waved_away(
        question: str, points: tuple[str, ...], sentence: str) -> None:
    assert dismissal.dismissed_point(sentence, points,
                                     frozenset(tx.content_stems(question))) is None


def test_a_fluent_answer_waving_away_the_steps_scores_below_a_short_right_one() -> None:
    wrong = ("Payroll close is mostly automatic these days. Since the totals come from the "
             "payroll system, there's no need to reconcile payroll to the general ledger, and "
             "the journal can be posted straight away. Accrued wages don't matter much at month "
             "end, because the next pay run catches them up. Employer taxes are handled by the "
             "provider, so they are booked whenever the provider invoices us.")
    right = ("I reconcile payroll to the ledger before posting, accrue wages for days worked "
             "but unpaid, and accrue the employer taxes with them.")
    graded_wrong = grade_answer(GradingInput(PAYROLL_QUESTION, "technical",
                                             list(PAYROLL_POINTS), wrong))
    graded_right = grade_answer(GradingInput(PAYROLL_QUESTION, "technical",
                                             list(PAYROLL_POINTS), right))
    contradicted = {w["contradicts"] for w in graded_wrong.wrong_claims}
    assert {PAYROLL_POINTS[0], PAYROLL_POINTS[1]} <= contradicted, graded_wrong.wrong_claims
    assert "wrong-claim" in graded_wrong.flags
    assert not graded_right.wrong_claims
    assert graded_wrong.overall < graded_right.overall, (graded_wrong.overall,
                                                         graded_right.overall)


def test_a_waved_away_step_is_named_in_the_feedback() -> None:
    answer = ("I reposition the patient every two hours and stage the wound at each change. "
              "Protein is irrelevant to healing, so I leave the diet to the kitchen.")
    graded = grade_answer(GradingInput(WOUND_QUESTION, "technical", list(WOUND_POINTS), answer))
    dismissed = [w for w in graded.wrong_claims if w["kind"] == "dismissal"]
    assert [w["contradicts"] for w in dismissed] == [WOUND_POINTS[1]], graded.wrong_claims
    assert dismissed[0]["quote"].startswith("Protein is irrelevant")
    assert WOUND_POINTS[1] not in graded.covered_points
    assert any(w.startswith('Wrong: "Protein') for w in graded.weaknesses), graded.weaknesses


TRIAGE_QUESTION = "How do you set the priority of an incoming support ticket?"
TRIAGE_POINTS = (
    "Impact is how many customers or how much of the business is affected.",
    "Urgency is how quickly the situation gets worse if nothing is done.",
    "Priority comes from impact and urgency together, often in a matrix.",
)


@pytest.mark.parametrize("sentence", [
    "Impact and urgency are really the same thing, so one rating is enough.",
    "Urgency is just another name for impact.",
    "Impact is basically the same as urgency, measured from the customer's side.",
])
def test_two_things_the_rubric_tells_apart_called_one_is_a_wrong_claim(sentence: str) -> None:
    found = dismissal.conflated_point(sentence, TRIAGE_POINTS,
                                      frozenset(tx.content_stems(TRIAGE_QUESTION)))
    assert found is not None and found[1].kind == "conflation", sentence


@pytest.mark.parametrize("sentence", [
    "Impact and urgency are not the same thing: one is breadth, the other is time.",
    "People often assume impact and urgency are the same thing; they are not.",
    "Two tickets with the same impact can still differ in urgency.",
    "Every agent uses the same matrix, so the same ticket gets the same priority.",
    # one thing named: "it" is what the question asks about
    "It is the same as the urgency of the ticket.",
])
def test_telling_things_apart_or_using_same_otherwise_is_not_a_conflation(sentence: str) -> None:
    assert dismissal.conflated_point(sentence, TRIAGE_POINTS,
                                     frozenset(tx.content_stems(TRIAGE_QUESTION))) is None


def test_a_sameness_the_rubric_itself_states_is_not_a_conflation() -> None:
    points = ("Net profit is the same as the bottom line of the income statement.",
              "Gross profit is revenue minus cost of goods sold.")
    question = frozenset(tx.content_stems("Where do you find net profit?"))
    assert dismissal.conflated_point("Net profit is really the same thing as the bottom line.",
                                     points, question) is None


def test_a_probability_idiom_is_no_negation_in_the_point() -> None:
    # "more likely than not" states a threshold; the point still says the step may be taken,
    # so calling it forbidden contradicts it (audit).
    points = ("An auditor may first perform a walkthrough when it is more likely than not "
              "that the control is designed properly.",
              "Exceptions found in testing are evaluated for their root cause.")
    found = dismissal.dismissed_point(
        "Walkthroughs aren't permitted under the new standard, so we test samples directly.",
        points, frozenset(tx.content_stems("How do you test an internal control?")))
    assert found is not None and found[0] == 0, found


BREAD_QUESTION = "How do you decide how long to prove a loaf?"
BREAD_POINTS = (
    "Proving time is set by the dough temperature: warmer dough proves faster.",
    "The poke test shows when the dough is fully proofed: the dent springs back slowly.",
)


@pytest.mark.parametrize(("sentence", "contradicted"), [
    ("I set the proving time at one hour, regardless of the dough temperature.", 0),
    ("The proving time is always one hour, whatever the temperature of the dough.", 0),
    ("The dent of a poke test springs back the same whether the dough is proofed or not.", 1),
])
def test_a_factor_said_to_make_no_difference_contradicts_the_point_that_turns_on_it(
        sentence: str, contradicted: int) -> None:
    found = dismissal.ignored_factor(sentence, BREAD_POINTS,
                                     frozenset(tx.content_stems(BREAD_QUESTION)))
    assert found is not None and found[0] == contradicted, found


@pytest.mark.parametrize(("points", "sentence"), [
    # the factor has nothing to do with what the sentence claims
    (BREAD_POINTS, "I wash my hands before shaping, regardless of the dough temperature."),
    # the point itself lets the factor go
    (("Salt goes in at 2% of the flour weight whatever the recipe's hydration.",),
     "Salt is 2% of the flour regardless of the hydration."),
    (("Any flour needs the same salt ratio.",),
     "The salt ratio stays the same whatever the flour."),
    # names no factor of a point
    (BREAD_POINTS, "Proving takes about an hour, regardless of what the recipe card says."),
    # the factor of one point, the claim of another
    (BREAD_POINTS, "The poke test reads the same whatever the temperature."),
])
def test_no_ignored_factor_where_the_point_does_not_turn_on_it(
        points: tuple[str, ...], sentence: str) -> None:
    assert dismissal.ignored_factor(sentence, points,
                                    frozenset(tx.content_stems(BREAD_QUESTION))) is None


@pytest.mark.parametrize(("points", "sentence", "contradicted"), [
    # a second person's check done by the speaker alone (accounting, software, project work)
    (("The reconciliation is reviewed and approved by someone other than the preparer.",),
     "Then I'd sign off on the rec myself and move on.", True),
    (("Every change is reviewed by another engineer before it merges.",),
     "For small fixes I just review the diff myself and merge.", True),
    (("The sponsor or change board approves the change, rather than the project manager alone.",),
     "As the PM I'd approve it myself rather than wait for the board.", True),
    # the speaker's own check beside a second person's
    (("The reconciliation is reviewed and approved by someone other than the preparer.",),
     "I check my own work first, then my controller reviews and signs it.", False),
    # no second person asked for
    (("Test the backup by restoring it.",),
     "I restore the backup and check it myself.", False),
])
def test_a_second_person_s_check_done_alone(points: tuple[str, ...], sentence: str,
                                            contradicted: bool) -> None:
    found = dismissal.approved_alone(sentence, points)
    assert (found is not None) == contradicted, found


def test_two_names_for_the_same_thing_is_a_conflation() -> None:
    points = ("The reorder point is the stock level that triggers a new order: lead-time demand "
              "plus safety stock.",
              "Safety stock buffers variability in demand and lead time.")
    found = dismissal.conflated_point(
        "Safety stock and the reorder point are basically two names for the same trigger.",
        points, frozenset(tx.content_stems("What is the difference between safety stock and "
                                           "the reorder point?")))
    assert found is not None and found[1].kind == "conflation"
