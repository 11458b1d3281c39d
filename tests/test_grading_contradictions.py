"""A key point whose words are all in a sentence that ties them to the other end of a scale,
an order or a role (opposition.py) counts as contradicted, not covered. Examples written for
these tests, across several fields."""

from __future__ import annotations

import pytest

from mock_interview.domain.grading import claims, opposition
from mock_interview.domain.grading import text as tx
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
    # "at once" is together, not one time (operations)
    ("A kit is released when all three parts are in stock at once.",
     "Every one of the three parts must be in stock together before the kit is released."),
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


# ---- wrong claims read without a contrast table ------------------------------------------

def _wrong(question: str, points: list[str], answer: str,
           kind: str = "technical") -> list[dict[str, str]]:
    story = kind == "behavioral"
    grade = grade_answer(GradingInput(question, kind, points, answer, star=story,
                                      target_words=(100, 280) if story else (60, 220)))
    return grade.wrong_claims


MISTAKE_POINTS = ["I owned the mistake and reported it to my supervisor the same day.",
                  "I fixed the records and added a check so it would not happen again."]


def test_a_story_that_says_the_speaker_did_not_do_the_point_is_a_wrong_claim() -> None:
    # The question's own word ("mistake") does not make the point a warning, and two of the
    # point's own words under "I didn't" deny it even where they are a small share of it.
    found = _wrong("Tell me about a mistake you made at work.", MISTAKE_POINTS,
                   "Last spring I keyed a supplier invoice twice, so we paid it twice. I didn't "
                   "report it to my supervisor, since the amount was small and I expected the "
                   "supplier to credit it anyway. Later I fixed the records when the statement "
                   "came in.", "behavioral")
    assert any(w["contradicts"] == MISTAKE_POINTS[0] for w in found), found


def test_a_definition_said_of_the_other_of_two_contrasted_things_is_a_swap() -> None:
    # The names share a word ("stock split" / "stock dividend"): what tells them apart is
    # the other word, and one clause of a sentence can carry the swapped definition.
    question = "What is the difference between a stock split and a stock dividend?"
    points = [
        "A stock split divides each existing share into several shares and leaves retained "
        "earnings untouched.",
        "A stock split is usually done to bring a high share price into a more liquid "
        "trading range.",
        "A stock dividend pays shareholders extra shares by moving an amount out of retained "
        "earnings.",
        "A stock dividend is declared by the board like a cash dividend, as a percentage of "
        "shares held."]
    found = _wrong(question, points,
                   "A stock split is when the company pays shareholders extra shares by moving "
                   "an amount out of retained earnings, which the board declares like a cash "
                   "dividend. A stock dividend divides each share into several and leaves "
                   "retained earnings as they are. Companies do it to bring a high price into "
                   "a liquid range.")
    assert {w["kind"] for w in found} == {"swap"}, found
    assert len(found) == 2


@pytest.mark.parametrize(("answer", "swapped"), [
    ("A warrant is a grant for any holder to buy the company's shares later at a fixed price, "
     "while an option is issued by the company itself and creates new shares on exercise.", True),
    ("A warrant is issued by the company itself and creates new shares on exercise, while an "
     "option is a contract between investors that settles in existing shares.", False),
])
def test_what_one_point_says_of_each_of_two_things_is_swapped_between_them(
        answer: str, swapped: bool) -> None:
    # One key point speaks of both things the question contrasts, each in its own clause.
    question = "How does a warrant differ from an option?"
    points = [
        "A warrant is issued by the company itself and creates new shares on exercise, while an "
        "option is a contract between investors that settles in existing shares.",
        "Warrants usually have much longer terms than listed options, often several years.",
        "Both give the right, but not the obligation, to buy at the strike price."]
    found = _wrong(question, points, answer)
    assert any(w["kind"] == "swap" for w in found) == swapped, found



@pytest.mark.parametrize(("answer", "swapped"), [
    # the tenure words go to the lease, the ownership words to the freehold, while the
    # land and the term stay put
    ("A lease gives you the land and the building outright, with no end date, while a "
     "freehold only grants use of the land for a fixed term under a landlord.", True),
    ("A freehold means you own the land and the building outright, while a lease gives you "
     "use of the land for a fixed term, after which it returns to the landlord.", False),
    # one word each way is not enough to call it a swap
    ("A freehold gives you the land outright, and a lease runs for a fixed term set by a "
     "landlord who keeps the building.", False),
])
def test_words_moved_both_ways_between_two_things_are_a_swap_though_some_stay(
        answer: str, swapped: bool) -> None:
    # The point names one thing again inside the other's clause ("a lease of a freehold"):
    # that mention places the lease, it ties nothing to the freehold.
    question = "What is the difference between a freehold and a lease?"
    points = [
        "A freehold means you own the land and the building outright with no end date, while "
        "a lease of a freehold grants use of the land for a fixed term under a landlord.",
        "Leaseholders usually pay ground rent and service charges to the landlord."]
    found = _wrong(question, points, answer)
    assert any(w["kind"] == "swap" for w in found) == swapped, found


@pytest.mark.parametrize(("answer", "swapped"), [
    ("A guarantee is something the buyer pays extra for after the sale, and a warranty is "
     "free and comes with the product, so the guarantee card is a receipt.", True),
    ("A guarantee is a free promise from the maker, while a warranty is a contract the buyer "
     "usually pays extra for.", False),
    # a mention after a preposition places the other thing ("a warranty on a guarantee")
    ("A guarantee comes free with the product, and a warranty sold on a guarantee is "
     "something the buyer pays extra for.", False),
])
def test_what_a_point_says_of_two_things_side_by_side_is_swapped_between_them(
        answer: str, swapped: bool) -> None:
    # The question asks about neither by name: the point itself sets the two side by side.
    question = "What should a shop assistant explain about after-sales cover?"
    points = [
        "A guarantee is a free promise that comes with the product, whereas a warranty is a "
        "contract the buyer pays extra for.",
        "Statutory rights apply whatever cover is sold."]
    found = _wrong(question, points, answer)
    assert any(w["kind"] == "swap" for w in found) == swapped, found



def test_the_while_of_a_name_sets_nothing_side_by_side() -> None:
    # "do...while" is a name: the point speaks of one thing, so nothing can be swapped.
    question = "How does a do...while loop differ from a while loop?"
    points = ["The body inside a do...while loop will run at least once."]
    answer = ("The body of a do...while loop always runs at least once, and a plain while "
              "loop may never run its body at all.")
    assert not _wrong(question, points, answer)
    assert claims._set_side_by_side(claims.read_statement(points[0])) is None
    assert claims._set_side_by_side(claims.read_statement(
        "Tenants pay the rent, while landlords pay the mortgage.")) \
        == (tx.stem("tenants"), tx.stem("landlords"))

def test_a_name_read_as_several_words_ties_none_of_them_to_itself() -> None:
    # "SLA" is read as "service level agreement" too: those words are the name, not what
    # the point says of it, so they neither stay nor move.
    question = "How would you explain service targets to a new support lead?"
    points = ["The SLA is the promise made to the customer in the contract, while the SLO is "
              "the internal target the team aims for."]
    swapped = ("The SLO is the promise made to the customer in the contract, and the SLA is "
               "a label on the dashboard.")
    assert any(w["kind"] == "swap" for w in _wrong(question, points, swapped))
    assert not _wrong(question, points, points[0])

def test_definitions_written_as_labels_are_swapped_like_definitions() -> None:
    question = "How do the main ways of resolving a workplace dispute differ?"
    points = [
        "Mediation: a neutral third party helps both sides reach their own voluntary agreement.",
        "Arbitration: a neutral arbitrator hears evidence and issues a binding decision.",
        "Litigation: the dispute goes to a public court, which is slower and costlier.",
        "Most employers start with the least formal route that can work."]
    found = _wrong(question, points,
                   "Mediation is where a neutral arbitrator hears the evidence and issues a "
                   "binding decision. Arbitration is when a neutral third party helps both sides "
                   "reach their own voluntary agreement.")
    assert {w["kind"] for w in found} == {"swap"}, found
    assert not _wrong(question, points,
                      "Mediation is where a neutral third party helps both sides reach their own "
                      "voluntary agreement. Arbitration is when a neutral arbitrator hears the "
                      "evidence and issues a binding decision.")


def test_a_formula_turned_round_is_not_excused_by_another_quantity_with_the_same_terms() -> None:
    question = "Explain the cost performance index and the schedule performance index."
    points = ["The cost performance index is earned value divided by actual cost.",
              "The schedule performance index is earned value divided by planned value.",
              "An index below 1 is unfavourable."]
    found = _wrong(question, points,
                   "The cost performance index is actual cost divided by earned value. The "
                   "schedule performance index is planned value divided by actual cost. An "
                   "index below 1 is unfavourable.")
    assert any(w["contradicts"] == points[0] and w["kind"] == "swap" for w in found), found


def test_diverging_and_converging_swapped_are_opposite_ends() -> None:
    point = "A design sprint first diverges to generate many sketches, then converges on one."
    sentence = "A design sprint first converges on one sketch, then diverges to generate many."
    result = opposition.compare(opposition.bindings(point), opposition.bindings(sentence))
    assert result.opposed, result


LAUNCH_QUESTION = "Tell me about a time you disagreed with a colleague about a launch plan."
LAUNCH_POINTS = ["I used customer data or a price test to settle the disagreement rather than "
                 "personal opinion.",
                 "We agreed on a decision together and kept working well afterwards."]


def test_a_point_setting_an_alternative_aside_is_denied_by_not_doing_what_it_prefers() -> None:
    # "rather than personal opinion" sets only the opinion aside: the rest of the point is
    # asserted, and a story that did not do it contradicts it.
    found = _wrong(LAUNCH_QUESTION, LAUNCH_POINTS,
                   "My colleague wanted to raise the entry plan by 20 percent and I thought it "
                   "would hurt signups. We didn't run a price test or look at customer data; I "
                   "simply argued harder in the meeting until she gave in. She still brings it "
                   "up when prices come up.", "behavioral")
    assert any(w["contradicts"] == LAUNCH_POINTS[0] for w in found), found


TRANSFUSION_QUESTION = "How do you prepare a patient for a blood transfusion?"
TRANSFUSION_POINTS = [
    "Two nurses independently check the patient's identity against the blood unit at the "
    "bedside.",
    "Baseline vital signs are taken before the transfusion starts.",
    "The patient is watched closely during the first 15 minutes for a reaction."]


def test_a_step_said_to_be_unneeded_contradicts_the_point_that_requires_it() -> None:
    found = _wrong(TRANSFUSION_QUESTION, TRANSFUSION_POINTS,
                   "A second nurse check isn't really needed once the wristband scans, so one "
                   "nurse verifies the unit at the bedside. Baseline vital signs are taken "
                   "before the transfusion starts. We watch closely for the first 15 minutes "
                   "for any reaction.")
    assert [w["contradicts"] for w in found] == [TRANSFUSION_POINTS[0]], found
    statement = claims.read_statement("Pre-assessment is not very useful here.")
    assert {"pre", "assess"} <= statement.denied


IMPROVEMENT_POINTS = ["I measured a baseline of the defect rate before making any changes.",
                      "I piloted the change on one line before rolling it out."]


def test_what_the_speaker_did_not_do_reaches_past_the_first_words() -> None:
    # "I didn't spend any time on a baseline of the defect rate": the denial reaches the
    # point's words after the verb.
    found = _wrong("Tell me about a process improvement you led.", IMPROVEMENT_POINTS,
                   "Returns processing was slow and full of defects. I didn't spend any time on "
                   "a baseline of the defect rate, because everyone knew it was bad. I piloted "
                   "the new checklist on one line before rolling it out to the others.",
                   "behavioral")
    assert [w["contradicts"] for w in found] == [IMPROVEMENT_POINTS[0]], found


DEMAND_QUESTION = "How does a price rise change the quantity demanded?"
DEMAND_POINTS = [
    "A price rise lowers the quantity demanded of ordinary goods and raises it for Giffen "
    "goods.",
    "How strongly demand responds is measured by the price elasticity of demand."]


def test_one_end_said_of_every_thing_the_point_sorts_between_both_ends_is_wrong() -> None:
    found = _wrong(DEMAND_QUESTION, DEMAND_POINTS,
                   "A price rise lowers the quantity demanded of every kind of good, without "
                   "exception. How strongly demand responds is measured by the price "
                   "elasticity of demand.")
    assert [(w["contradicts"], w["kind"]) for w in found] == [(DEMAND_POINTS[0], "opposite")]


# ---- scope narrowed or widened -------------------------------------------------------------

SCOPE_QUESTION = "How do you tell whether a model is underfitting?"
SCOPE_CASES = [  # (point, answer, whether the answer narrows or widens the point's scope)
    ("A high-bias model has high error on both training and validation data.",
     "Underfitting shows up as high error only on the validation data, while training error is low.",
     True),
    ("Sepsis is suspected when any one of the three qSOFA signs is present with an infection.",
     "You only suspect sepsis when all three qSOFA signs are present together.", True),
    ("The fee is waived for both students and retirees.",
     "The fee is waived only for students; everyone else pays it.", True),
    ("A high-bias model has high error on both training and validation data.",
     "Both training and validation error stay high, because the model is too simple.", False),
    ("Sepsis is suspected when any one of the three qSOFA signs is present with an infection.",
     "Any of the qSOFA signs with an infection is enough to suspect sepsis.", False),
    ("The fee is waived for both students and retirees.",
     "Students and retirees don't pay it; only the processing charge remains for them.", False),
    # the condition lifted in the condition's own words
    ("Loyalty points are earned on every booking provided the guest is signed in.",
     "It works for any booking with no conditions at all, including an anonymous guest.", True),
    # a contrasted thing that shares only the condition's words
    ("Loyalty points are earned on every booking provided the guest is signed in.",
     "A visitor who never signed in pays the same rate regardless of the season.", False),
]


@pytest.mark.parametrize(("point", "answer", "changed"), SCOPE_CASES)
def test_a_rule_narrowed_or_widened_is_a_wrong_claim_and_the_same_scope_is_not(
        point: str, answer: str, changed: bool) -> None:
    kinds = [w["kind"] for w in _wrong(SCOPE_QUESTION, [point], answer)]
    if changed:
        assert kinds == ["scope"], kinds
    else:
        assert "scope" not in kinds, kinds


PETTY_CASH = ("How do you reconcile a petty cash float?",
              ["Receipts found in the tin are added to the cash counted, and IOUs from staff "
               "are subtracted from the float."])


def test_ends_swapped_stay_wrong_when_another_sentence_only_names_the_terms_again() -> None:
    question, points = PETTY_CASH
    answer = ("Receipts found in the tin are subtracted from the cash counted, and IOUs from staff "
              "are added to the float. Every item, including receipts in the tin and IOUs from "
              "staff, goes on the count sheet.")
    assert [w["kind"] for w in _wrong(question, points, answer)] == ["opposite"]


def test_the_ends_tied_as_the_point_ties_them_are_no_wrong_claim() -> None:
    question, points = PETTY_CASH
    answer = ("Receipts in the tin are added to the cash counted, and IOUs from staff are "
              "subtracted from the float. Every item, including receipts and IOUs, goes on the "
              "sheet.")
    assert not _wrong(question, points, answer)


STORY_RUBRIC = ["Describes the payroll backlog and what was at stake.",
                "Takes ownership of the fix rather than blaming others.",
                "Adds a check linking timesheets to payroll so the problem does not recur.",
                "Meets the deadline and reports measurable results such as payroll errors or "
                "audit findings, and a lasting change to the process."]


@pytest.mark.parametrize(("sentence", "wrong"), [
    # a result or a situation told in negative words
    ("We met the date for the next three cycles, and the year-end audit had no findings on "
     "payroll.", False),
    ("At the time we had no check linking timesheets to payroll.", False),
    # the speaker not doing what the rubric describes
    ("I haven't changed anything in the payroll process since then.", True),
])
def test_a_describing_rubric_is_denied_only_by_the_speaker_not_doing_it(sentence: str,
                                                                       wrong: bool) -> None:
    answer = ("Last year our payroll backlog reached 900 timesheets and staff were paid late. "
              "I took it on myself, sorted the timesheets by age and cleared the oldest first. "
              + sentence)
    found = _wrong("Tell me about a time you fixed a backlog.", STORY_RUBRIC, answer,
                   "behavioral")
    assert any(w["kind"] != "conduct" for w in found) == wrong, found


@pytest.mark.parametrize(("point", "describes"), [
    ("Describes the situation and what was at stake", True),
    ("Reports a measurable result", True),
    # what a strong story did, told in the past
    ("Measured the turnaround through usage and renewal", True),
    ("Sought to understand the other person's concern", True),
    ("Responded to the disclosure without leading questions", True),
    # statements of the subject
    ("Deferred taxes arise from temporary differences", False),
    ("Failed or suspicious verifications are escalated to security", False),
    ("Debits increase assets and expenses", False),
    ("Lists are mutable", False),
])
def test_a_rubric_line_describes_the_answer(point: str, describes: bool) -> None:
    from mock_interview.domain.grading import text as tx

    assert tx.is_rubric_line(point) == describes, point


WAGES_ACCRUAL = (
    "Staff earned $42,000 of wages in the last week of December that will be paid on "
    "January 5. How do you record it?",
    ["At year end the accrual debits wages expense and credits wages payable for $42,000.",
     "On January 5 the payment debits wages payable and credits cash, so no expense is "
     "recorded in January.",
     "The accrual puts the expense in the period the work was done, under the matching "
     "principle."])


def test_a_swapped_entry_stays_wrong_when_the_same_words_elsewhere_are_another_points() -> None:
    """The year-end entry swapped is not excused by a January sentence that happens to give
    debit and credit the year-end order: only the swapped one says the point's own year end
    and amount."""
    question, points = WAGES_ACCRUAL
    answer = ("At year end I'd book the $42,000 as a debit to wages payable and a credit to "
              "wages expense, since the liability is what we owe. Then on January 5, when the "
              "cash goes out, I'd debit wages expense and credit wages payable. That keeps the "
              "books matched to the period.")
    wrong = _wrong(question, points, answer)
    assert any(w["kind"] == "swap" and w["quote"].startswith("At year end") for w in wrong), wrong


def test_the_entries_in_their_right_order_are_no_wrong_claim() -> None:
    question, points = WAGES_ACCRUAL
    answer = ("At year end I'd book the $42,000 as a debit to wages expense and a credit to "
              "wages payable, so the cost sits in December where the work was done. On January "
              "5 I'd debit wages payable and credit cash.")
    assert not _wrong(question, points, answer)


TRANSPORTS = (
    "What is the difference between TCP and UDP, and when would you use each?",
    ["TCP is connection-oriented and guarantees ordered, reliable delivery by retransmitting "
     "lost packets.",
     "UDP is connectionless and sends datagrams with no delivery or ordering guarantee, so it "
     "has lower overhead.",
     "UDP suits real-time traffic such as voice or games, where late data is useless."])


def test_an_earlier_clause_is_not_said_of_a_thing_named_only_after_it() -> None:
    """"Real-time traffic with lower overhead shrugs off a loss, yet TCP would stall" says
    nothing of TCP before the "yet": no swap of what the points say of each."""
    question, points = TRANSPORTS
    answer = ("TCP is connection-oriented and guarantees ordered, reliable delivery by "
              "retransmitting lost packets. UDP is connectionless and sends datagrams with no "
              "delivery or ordering guarantee, so it has lower overhead. For voice, real-time "
              "traffic with lower overhead shrugs off a lost datagram, yet TCP would stall the "
              "call to retransmit it.")
    assert not _wrong(question, points, answer)


def test_the_two_definitions_swapped_stay_wrong() -> None:
    question, points = TRANSPORTS
    answer = ("UDP is connection-oriented and guarantees ordered, reliable delivery by "
              "retransmitting lost packets, while TCP is connectionless and sends datagrams with "
              "no guarantee.")
    assert _wrong(question, points, answer)


SURVEY = ("How would you check whether a customer-satisfaction survey result is trustworthy?",
          ["Sending the survey only to customers who just praised the product in a support chat "
           "biases the results upward.",
           "Response rate and who did not answer should be checked for non-response bias.",
           "Question wording should be neutral, because leading questions push answers."])


@pytest.mark.parametrize(("answer", "wrong"), [
    # the harmful practice presented as the right one
    ("Best practice is to send the survey to customers who just praised the product in a "
     "support chat, since they are the ones who answer. Then look at who did not respond.",
     True),
    # the same practice named as the harm it is, or a right practice praised
    ("Sending it only to customers who just praised the product in a support chat biases it "
     "upward. Best practice is to check the response rate and who did not answer.", False),
])
def test_a_practice_the_point_says_does_harm_recommended_is_a_wrong_claim(
        answer: str, wrong: bool) -> None:
    question, points = SURVEY
    found = [w for w in _wrong(question, points, answer) if w["kind"] == "endorsed"]
    assert bool(found) is wrong, found


TRANSFERS = (
    "A distributor ships stock between its own warehouses. How is the transfer recorded?",
    ["Transfers move stock at cost and create no profit for the group.",
     "For a downstream transfer from the central hub to a branch, the branch records the "
     "receipt and the hub records the issue.",
     "For an upstream transfer from a branch to the hub, the count is split between the branch "
     "ledger and the hub ledger."])


@pytest.mark.parametrize(("answer", "wrong"), [
    # about the downstream case: the upstream point's frame says nothing of it
    ("Transfers move stock at cost with no profit. As it's a downstream transfer, from the hub "
     "to the branch, the full count is borne by the hub's ledger and the branch ledger stays "
     "untouched.", False),
    # about the point's own case
    ("For an upstream transfer from a branch to the hub, the whole count sits in the hub "
     "ledger and nothing is split.", True),
])
def test_a_point_framed_for_one_case_says_nothing_of_the_opposite_case(answer: str,
                                                                      wrong: bool) -> None:
    question, points = TRANSFERS
    assert bool(_wrong(question, points, answer)) is wrong


@pytest.mark.parametrize("point, sentence, contradicted", [
    # the act the point advises, set aside bare for another (nursing)
    ("The nurse should escalate at once to the rapid response team rather than waiting for "
     "the next round.", "It's probably just tiredness, so I'd reassure them rather than escalate.",
     True),
    # (support)
    ("The agent must verify the caller's identity before making any change to the account.",
     "The caller sounded genuine, so I'd update the email rather than verify.", True),
    # the same preference, said the point's way (nursing)
    ("The nurse should escalate at once to the rapid response team rather than waiting for "
     "the next round.", "I'd escalate rather than wait for the round.", False),
    # another act set aside, with the advised one kept (support)
    ("The agent must verify the caller's identity before making any change to the account.",
     "I verify first and change the email only after, rather than rush.", False),
])
def test_the_advised_act_set_aside_for_another(point: str, sentence: str,
                                               contradicted: bool) -> None:
    found = claims.contradicts(claims.read_statement(point), claims.read_statement(sentence))
    assert (found is not None) == contradicted, found


@pytest.mark.parametrize("point, sentence, contradicted", [
    # one thing defined by opposite words, whatever else either says (project management)
    ("The critical path is the longest chain of dependent tasks, and it sets the earliest "
     "finish date.", "The critical path is the shortest route through the plan.", True),
    # (security)
    ("An API key is a private credential that must stay out of client code.",
     "An API key is a public identifier you can paste into the browser.", True),
    # the opposite word said of the thing, not as its definition (project management)
    ("The critical path is the longest chain of dependent tasks, and it sets the earliest "
     "finish date.", "The critical path gets shorter when you crash its tasks.", False),
    # another thing defined (project management)
    ("The critical path is the longest chain of dependent tasks, and it sets the earliest "
     "finish date.", "A sprint is the shortest planning cycle.", False),
])
def test_a_thing_defined_by_the_opposite_word(point: str, sentence: str,
                                              contradicted: bool) -> None:
    found = claims.contradicts(claims.read_statement(point), claims.read_statement(sentence))
    assert (found is not None) == contradicted, found


def test_a_condition_lifted_sets_no_condition() -> None:
    # "regardless of when it arrived" lifts a condition: the point still says plainly what
    # ships first, so the opposite end contradicts it.
    point = claims.read_statement(
        "FEFO ships the lot with the earliest expiry date first, regardless of when it arrived.")
    assert not any(c.conditional for c in point.clauses)
    sentence = claims.read_statement("FEFO ships the lot with the latest expiry date first.")
    found = claims.contradicts(point, sentence)
    assert found is not None and found.kind == "antonym"
