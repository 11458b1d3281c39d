"""Correct statements are not wrong claims: a rule stated negatively on both sides, a number
about another quantity, a story told against a rubric, a negated rule beside a different point.
Genuinely wrong statements of the same shapes are still found. Fixtures are written here."""

from __future__ import annotations

import pytest

from mock_interview.domain.grading import GradingInput, claims, grade_answer


def _wrong_claims(question: str, points: list[str], answer: str,
                  kind: str = "technical") -> list[dict[str, str]]:
    story = kind == "behavioral"
    grade = grade_answer(GradingInput(question, kind, points, answer, star=story,
                                      target_words=(100, 280) if story else (60, 220)))
    return grade.wrong_claims


def _contradicts_asked(question: str, point: str, sentence: str, loose: bool = False):
    """The contradiction a sentence makes of a point, the question's words as anchors."""
    from mock_interview.domain.grading import text as tx

    return claims.contradicts(claims.read_statement(point), claims.read_statement(sentence),
                              frozenset(tx.content_stems(question)), loose=loose,
                              question=question)


# ---- a rule stated negatively on both sides -----------------------------------------------

NEGATION_AGREES = [
    # nursing
    ("How do you give subcutaneous heparin?",
     ["Inject into the abdomen at least 5 cm from the navel",
      "Do not massage or rub the injection site afterwards"],
     "I use the abdomen, well away from the umbilicus. Afterwards I never rub the site, since "
     "that causes bruising."),
    ("How do you give IV potassium chloride safely?",
     ["Always dilute it and give it by infusion pump", "Avoid giving potassium as an IV push"],
     "It always goes through an infusion pump, diluted. Potassium is never pushed directly "
     "into the vein."),
    ("How do you protect a patient at risk of pressure injury?",
     ["Reposition at least every two hours",
      "Keep the heels off the mattress and avoid dragging the patient across the sheets"],
     "We turn the patient every two hours. The heels shouldn't rest on the mattress, so we "
     "float them on a pillow, and we never drag anyone up the bed; we use a slide sheet."),
    # design
    ("How do you make form errors accessible?",
     ["Do not rely on colour alone to signal an error",
      "Put the error message next to the field in text"],
     "I don't depend on red alone; each error also gets an icon and a text message beside the "
     "field."),
    ("How should form fields be labelled?",
     ["Use a visible label above each field instead of placeholder text"],
     "Placeholder text vanishes once you type, so it's no substitute for a label. Every field "
     "gets a visible label above it."),
    ("How do you write button labels?",
     ["Prefer specific verbs such as 'Save changes' over generic words like 'OK' or 'Submit'"],
     "Generic labels like OK or Submit tell people nothing, so I write the action itself, "
     "like Save changes."),
    # accounting
    ("How do you account for an annual software subscription paid upfront?",
     ["Record it as a prepaid asset rather than expensing it when paid",
      "Expense it evenly over the months it covers"],
     "We don't expense the whole payment when it goes out. It sits as a prepaid asset and we "
     "expense one twelfth each month."),
    ("Can you offset receivables and payables?",
     ["Receivables and payables are generally not netted on the balance sheet",
      "Offsetting is allowed only with a legal right of set-off"],
     "Normally you can't net what customers owe you against what you owe suppliers on the "
     "balance sheet. The exception is a legal right of set-off with the same party."),
    # operations
    ("What does a kanban pull system change on the shop floor?",
     ["A central schedule no longer pushes work to each station",
      "Downstream demand signals authorise production"],
     "There is no master schedule pushing jobs onto stations anymore. A station only builds "
     "when the next one sends a card."),
    ("What does single-piece flow remove?",
     ["Batch queues between stations are eliminated",
      "Defects show up right away at the next step"],
     "Nothing waits in batches between stations, so a defect shows up right away at the next "
     "step."),
    # sales
    ("How do you run a first discovery call?",
     ["Avoid leading with price or a product demo",
      "Ask about the buyer's problem and its cost first"],
     "I don't open with pricing or a demo on a first call. I ask what problem they are "
     "trying to solve and what it costs them today."),
    ("How do you handle a request for a discount?",
     ["Never give a discount without getting something in return, such as a longer term"],
     "I don't give discounts away for nothing; if I move on price I ask for a longer term or "
     "an upfront payment."),
    # support
    ("How do you update a customer during an outage?",
     ["Do not promise a fix time that engineering has not confirmed",
      "Give updates at a stated interval even when nothing has changed"],
     "I never commit to a fix time engineering hasn't confirmed. I tell them when the next "
     "update will come, and I send it even when there is no news."),
    # software
    ("How should passwords be stored?",
     ["Never store passwords in plain text", "Hash them with a slow salted algorithm such as bcrypt"],
     "Passwords should not sit in the database as plain text. We hash them with bcrypt, which "
     "is slow and salted."),
    ("How do you build SQL queries from user input?",
     ["Use parameterized queries rather than concatenating user input into SQL"],
     "Concatenating user input into SQL strings invites injection, so we always use "
     "parameterized queries."),
    # an elliptical "..., not B" says what the sentence's own subject is not
    ("What makes a sales opportunity qualified?",
     ["Qualified opportunities have a confirmed budget and timeline, not just interest"],
     "A demo request is a buying signal, not a qualified opportunity by itself."),
    # "off the floor" and "never on the floor" agree
    ("How do you store sterile supplies?",
     ["Keep sterile packs on shelves and off the floor"],
     "Sterile packs go on the shelves and never on the floor."),
]


@pytest.mark.parametrize(("question", "points", "answer"), NEGATION_AGREES)
def test_a_rule_stated_negatively_on_both_sides_agrees(question, points, answer) -> None:
    assert not _wrong_claims(question, points, answer)


# ---- numbers about another quantity -----------------------------------------------------------

OTHER_QUANTITY = [
    ("How do you monitor a patient after an IV opioid dose?",
     ["Reassess pain within 30 minutes of an IV opioid dose",
      "Watch for sedation and respiratory depression"],
     "If the respiratory rate after the IV opioid dose falls below 12 breaths a minute, I hold "
     "the next dose and check sedation."),
    ("What support metrics do you watch?",
     ["Keep the ticket reopen rate under 5 percent", "Track first contact resolution"],
     "We resolved about 70 percent of tickets at first contact and tracked how many tickets "
     "were reopened each week."),
    ("How do you set latency goals for an API?",
     ["Set the p99 latency target under 300 milliseconds", "Alert on error rate too"],
     "Our median latency sits around 40 milliseconds, and we alert when the error rate passes "
     "1 percent."),
    ("What is a healthy current ratio?",
     ["A current ratio between 1.5 and 2 is usually considered healthy"],
     "Our current ratio was about 1.8, which is comfortably healthy."),
    ("What is a typical B2B win rate?",
     ["Win rates of 20 to 30 percent are typical for B2B sales"],
     "A typical B2B win rate is about 25 percent of qualified opportunities."),
    ("What line length is comfortable for body text?",
     ["A line length of about 45 to 75 characters is comfortable to read"],
     "I aim for roughly 66 characters per line for body text."),
    ("What is a normal adult resting heart rate?",
     ["A normal resting heart rate is 60 to 100 beats per minute"],
     "A resting heart rate of 72 beats per minute is normal for an adult."),
    ("How do you measure days sales outstanding?",
     ["DSO is receivables divided by credit sales times the days in the period",
      "A DSO around 45 days is common for net 30 terms"],
     "With net 30 terms, a DSO of roughly 47 days is common."),
    ("How do you classify inventory with ABC analysis?",
     ["A items are about 20 percent of SKUs", "C items get simple controls"],
     "A items carry about 80 percent of the annual consumption value."),
    ("How do you plan contact center staffing?",
     ["Keep agent occupancy below about 85 percent to avoid burnout"],
     "We planned for a service level of 90 percent of calls answered in 15 seconds."),
    ("How large should touch targets be?",
     ["Apple recommends touch targets of at least 44 by 44 points"],
     "Material Design asks for 48 by 48 dp, and WCAG 2.2 sets a minimum of 24 by 24 CSS "
     "pixels."),
    ("How do you split sales compensation?",
     ["The base to variable split is commonly 50/50 for account executives"],
     "For sales engineers it is more like 70/30, since they influence deals rather than close "
     "them."),
    # a scale's range is not the typical value on it
    ("How is a net promoter score read?",
     ["A net promoter score of about 30 is average for software companies"],
     "You subtract the percentage of detractors from the percentage of promoters, so the "
     "score runs from minus 100 to 100."),
    # the state after a change the point does not speak of
    ("What is total contract value?",
     ["A two-year $200,000 subscription has a total contract value of $200,000"],
     "If you add $15k of onboarding, the total contract value rises to $215k."),
    # a list ending in a share of another thing: the unit alone names no topic
    ("How do you plan headcount for a help desk?",
     ["Keep utilisation below about 80 percent, because technicians at 100 percent burn out."],
     "Then absences: holidays, sick days, training, typically around 25 percent."),
    # "$200k" is "$200,000"
    ("What is total contract value?",
     ["A two-year $200,000 subscription has a total contract value of $200,000"],
     "So a two-year subscription at $200k has a total contract value of $200k."),
]


@pytest.mark.parametrize(("question", "points", "answer"), OTHER_QUANTITY)
def test_a_number_about_another_quantity_is_not_a_wrong_number(question, points, answer) -> None:
    assert not _wrong_claims(question, points, answer)


# ---- stories told against a rubric ------------------------------------------------------------

STORY_Q = "Tell me about a time you had to cut costs."
STORY_KP = [
    "I analysed where the money went with data before deciding what to cut",
    "I involved the team in choosing the changes",
    "I measured the savings after the change",
]
STORIES = [
    (STORY_Q, STORY_KP,
     "At my last company our cloud bill grew 40 percent in one quarter, and finance asked me to "
     "bring it down. Instead of cutting every budget by the same amount, I first pulled six "
     "months of billing data and found that idle test clusters were most of the increase. I "
     "sat down with the team and we chose to shut clusters down at night. Three months later "
     "I checked the bill again: spending was down 28 percent and nobody had lost a test "
     "environment."),
    ("Tell me about a time you negotiated a difficult deal.",
     ["I got all of the buyer's requests on the table before conceding anything",
      "I traded each concession for something in return",
      "I kept the relationship intact"],
     "A retail buyer opened by demanding a lower price, faster delivery and longer payment "
     "terms. I didn't respond to the price right away; I asked what else they needed, until "
     "everything was on the table. Then I offered the longer terms only in exchange for a "
     "two-year commitment. We closed at our list price, and they renewed the next year."),
    ("Tell me about a time you fixed a recurring problem.",
     ["I found the root cause rather than patching symptoms",
      "I measured the result after the fix"],
     "Our nightly export failed about twice a week and the on-call engineer would just rerun "
     "it. I didn't want another workaround, so I read the logs from a month of failures and "
     "found a lock held by a backup job. After moving the backup an hour earlier I tracked the "
     "job for six weeks and it never failed again."),
    # "after six months" and "after reading the logs" order other events than the point's
    (STORY_Q, STORY_KP,
     "Earlier I had tried to cut travel, which failed. This time I analysed the data first and "
     "decided with the team what to cut, and the savings held after six months."),
    ("Tell me about a time you fixed a recurring problem.",
     ["I found the root cause before changing anything", "I measured the result after the fix"],
     "Before the fix the export failed twice a week. I read a month of logs first and found the "
     "root cause, a lock held by the backup job, and after the fix I tracked it for six weeks."),
    ("Tell me about a time you fixed a recurring problem.",
     ["I found the root cause before changing anything", "I measured the result after the fix"],
     "I measured the failure rate before the fix so I had a baseline. After reading the logs I "
     "found the root cause."),
    ("Tell me about a time you handled an upset customer.",
     ["I listened without interrupting and acknowledged the frustration",
      "I followed up after the issue was resolved"],
     "A clinic manager called furious because their bookings had vanished before a busy "
     "Monday. I let her finish without jumping in and told her I understood how bad the "
     "timing was. Once engineering restored the data I called her back the next morning to "
     "make sure everything was right."),
]


@pytest.mark.parametrize(("question", "points", "answer"), STORIES)
def test_a_story_is_not_a_wrong_claim_against_its_rubric(question, points, answer) -> None:
    assert not _wrong_claims(question, points, answer, kind="behavioral")


# ---- a negated rule beside a different point --------------------------------------------------

OTHER_PROPOSITION = [
    ("What does git rebase do?",
     ["A rebase moves your commits onto a new base commit and rewrites their hashes"],
     "Never force-push a rebased branch that teammates are already working on."),
    ("What is a foreign key?",
     ["A foreign key references the primary key of another table"],
     "You shouldn't delete a row while other tables still reference its key."),
    ("What does FIFO assume?",
     ["FIFO assumes the oldest inventory units are sold first"],
     "Don't switch inventory methods every year, because it makes periods hard to compare."),
    ("How is heparin given?",
     ["Heparin is given subcutaneously in the abdomen"],
     "Don't aspirate before injecting heparin, as that can cause bruising."),
    # two negatives state a rule: "don't titrate without a result" requires the result
    ("How does a heparin drip work?",
     ["Heparin infusions are titrated to the aPTT result"],
     "Don't titrate a heparin infusion without a current aPTT result."),
    ("What is a kanban card?",
     ["A kanban card signals the upstream station to produce more parts"],
     "Don't produce parts without a kanban card from the next station."),
    ("What does git rebase do?",
     ["A rebase replays your commits onto another branch and gives them new hashes"],
     "Never rebase a branch other people have pulled, since it rewrites their history."),
]


@pytest.mark.parametrize(("question", "points", "answer"), OTHER_PROPOSITION)
def test_a_negated_rule_does_not_contradict_a_different_point(question, points, answer) -> None:
    assert not _wrong_claims(question, points, answer)


# ---- genuinely wrong statements are still found -----------------------------------------------

WRONG = [
    # inverted direction
    ("How does LIFO affect cost of goods sold when prices rise?",
     ["When prices rise, LIFO gives a higher cost of goods sold and lower profit"],
     "When prices rise, LIFO gives a lower cost of goods sold and higher profit."),
    ("How does adding an index affect writes?",
     ["Each extra index makes inserts and updates slower"],
     "Each extra index makes inserts and updates faster."),
    # a wrong number for the same quantity
    ("What is a normal adult resting heart rate?",
     ["A normal resting heart rate is 60 to 100 beats per minute"],
     "A normal resting heart rate is 120 to 160 beats per minute."),
    ("How fast can IV potassium run through a peripheral line?",
     ["Peripheral potassium infusions are limited to about 10 mmol per hour"],
     "Peripheral potassium infusions can run at 40 mmol per hour."),
    ("What occupancy should a contact center plan for?",
     ["Keep agent occupancy below about 85 percent"],
     "Agent occupancy should be planned at 100 percent so nobody is idle."),
    # a negated rule
    ("How do you verify a patient before giving medication?",
     ["Always check two patient identifiers before giving medication"],
     "You don't need to check two identifiers before giving medication."),
    ("How do you prevent SQL injection?",
     ["Parameterized queries prevent SQL injection"],
     "Parameterized queries do not prevent SQL injection."),
    ("Can you rebase shared commits?",
     ["Never rebase commits that others have already pulled"],
     "It is fine to rebase commits that others have already pulled."),
    ("How is pain assessed?",
     ["Pain intensity is rated on a 0 to 10 numeric scale"],
     "Pain intensity is rated on a 0 to 100 numeric scale."),
    ("What is a normal adult respiratory rate?",
     ["A normal adult respiratory rate is about 12 to 20 breaths per minute"],
     "A normal adult respiratory rate is 30 to 40 breaths per minute."),
    # swapped roles
    ("How do debits and credits differ?",
     ["Debits increase assets while credits increase liabilities"],
     "Credits increase assets while debits increase liabilities."),
    ("How do optimistic and pessimistic locking differ?",
     ["Optimistic locking checks for conflicts at commit while pessimistic locking locks rows "
      "upfront"],
     "Pessimistic locking checks for conflicts at commit while optimistic locking locks rows "
     "upfront."),
    # a story that states the opposite of the rubric point itself
    (STORY_Q, STORY_KP,
     "Finance told me to cut ten percent. I never measured the savings after the change, "
     "because the quarter had already closed. I cut every team's budget by the same amount "
     "without looking at any data first."),
]


@pytest.mark.parametrize(("question", "points", "answer"), WRONG)
def test_a_genuinely_wrong_statement_is_still_a_wrong_claim(question, points, answer) -> None:
    kind = "behavioral" if question == STORY_Q else "technical"
    assert _wrong_claims(question, points, answer, kind=kind)


# ---- how statements are read ------------------------------------------------------------------


def test_figures_are_read_with_their_range_bound_approximation_and_unit() -> None:
    def figures(text: str) -> list[claims.Figure]:
        return [f for c in claims.read_statement(text).clauses for f in c.figures]

    normal = figures("A normal resting heart rate is 60 to 100 beats per minute.")[0]
    assert (normal.low, normal.high, normal.unit) == (60.0, 100.0, "beat")
    limit = figures("Keep occupancy below about 85 percent.")[0]
    assert (limit.bound, limit.approximate, limit.unit) == ("upper", True, "percent")
    score = figures("A Braden score of 18 or below indicates risk.")[0]
    assert score.bound == "upper"
    assert figures("A $300k deal")[0].low == figures("A $300,000 deal")[0].low == 300000.0
    contrast = figures("Normal text needs 4.5:1 contrast.")[0]
    assert (contrast.low, contrast.unit) == (4.5, "ratio")
    assert not figures("Under WCAG 2.2 the rule changed.")  # a version is a label
    # a change named by its size ("a 2-point rise", "a drop of 5 percent") is no level
    assert all(f.change for f in figures("A 2-point rise or a drop of 5 percent needs review."))
    assert not figures("A score of 14 made of a good motor response.")[0].change


def test_an_opposite_pair_given_to_each_others_things_is_a_swap() -> None:
    """"Debits prepaid software and credits software expense", told the other way round, is
    a swap; told the same way it is not; a point comparing two things ("lower ... than
    LIFO") gives its opposite words to the comparison."""
    question = "How do you correct a software licence that was expensed in full?"
    point = claims.read_statement("The correcting entry debits prepaid software and credits "
                                  "software expense for the unused months.")
    swapped = claims.read_statement("Since the licence went to expense, I'd book a debit to "
                                    "software expense and a credit to prepaid software for "
                                    "the unused months.")
    same = claims.read_statement("I'd book a debit to prepaid software and a credit to "
                                 "software expense for the unused months.")
    found = claims.contradicts(point, swapped, frozenset(), question=question)
    assert found is not None and found.kind == "swap"
    assert claims.contradicts(point, same, frozenset(), question=question) is None
    fifo = claims.read_statement("With rising prices, FIFO gives lower cost of goods sold and "
                                 "higher net income than LIFO.")
    lifo = claims.read_statement("LIFO gives higher cost of goods sold and lower net income.")
    assert claims.contradicts(fifo, lifo, frozenset(), question="How do FIFO and LIFO "
                              "affect profit when prices rise?") is None


def test_a_privative_participle_and_off_deny_but_kick_off_does_not() -> None:
    gone = claims.read_statement("Batch queues between stations are eliminated.")
    assert {"batch", "queue"} <= gone.denied
    floor = claims.read_statement("Keep the bag below the bladder and off the floor.")
    assert "floor" in floor.denied and "bladder" not in floor.denied
    kickoff = claims.read_statement("I kicked off the project with a workshop.")
    assert not kickoff.denied


def test_a_rule_against_an_alternative_names_it_apart() -> None:
    point = claims.read_statement("Left-align body text rather than justifying it.")
    assert point.clauses[0].alternative == frozenset(["justifi"])
    assert claims.read_statement("Never rebase shared commits.").clauses[0].prohibits


# ---- negated bounds, manners, remedies, worked examples, relations told from the other end --

READ_RIGHT = [
    # a rule stated negatively against a bound: "never below 140" is "140 or above"
    ("At what temperature is hot soup held?", ["Hot soup is held at 140°F or above"],
     "We never hold hot soup below 140°F on the line."),
    # an opposite word under the clause's own negation agrees
    ("Is the safety briefing optional for contractors?",
     ["Contractors are required to attend the safety briefing before starting"],
     "As site lead I attend every briefing, and I can't treat the safety briefing as optional "
     "for any contractor."),
    # "without" a thing is a manner, not a refusal of the point
    ("How did you handle telling the team about the layoff?",
     ["I explained the severance package and benefits to the affected employee"],
     "With the affected employee I explained the severance package and benefits. Afterwards "
     "I told the wider team briefly, without severance specifics."),
    # what happens without a remedy agrees with the point naming it
    ("What is a buffer overflow and how is it prevented?",
     ["Buffer overflows are prevented by bounds checking on every copy"],
     "Our old parser copied input into a fixed buffer without bounds checking, so long input "
     "overwrote the stack. Bounds checking on every copy stops it."),
    # setting aside what the point calls unsuitable
    ("How should login pages be served?",
     ["Plain HTTP is unsuitable for login pages because credentials travel in clear text"],
     "Login pages are served over HTTPS rather than plain HTTP, where credentials travel in "
     "clear text."),
    # a worked example's figures are its own case's
    ("What is rent as a share of sales?", ["Rent should stay under 10 percent of sales"],
     "Keep rent under 10 percent of sales. Say rent is $3,000 and sales are $10,000: "
     "3,000 ÷ 10,000 = 30%, far too high."),
    # single-letter names keep what is said of A apart from what is said of C
    ("How are items counted in ABC analysis?",
     ["A items get frequent counts",
      "C items are the many cheap SKUs managed with simple rules and infrequent counts"],
     "The A items get the most attention: tight forecasts and frequent cycle counts, weekly "
     "or monthly."),
    # a negation said of another subject
    ("What shortens a phone battery's life?",
     ["High temperatures degrade the battery's capacity"],
     "Overnight charging doesn't degrade the battery's capacity much on modern phones."),
    # a point preferring A to an elliptical "not B", and a sentence naming both
    ("What is net pay?", ["Net pay is what the employee takes home, not gross pay"],
     "Net pay is gross pay minus taxes and deductions, and it is what the employee takes "
     "home."),
    # "contraindicated" denies as "never given" does
    ("Which vaccines are avoided in pregnancy?", ["Live vaccines are contraindicated in pregnancy"],
     "Live vaccines are never given during pregnancy; inactivated ones such as flu are fine."),
    # a relation between two ends told wholly from the other end
    ("How does water affect concrete?", ["A lower water-cement ratio gives higher strength"],
     "Extra water at the truck raises the water-cement ratio and cuts strength."),
    # "when" after "not" keeps the negation: a correct answer is not its opposite
    ("When is revenue recognized under accrual accounting?",
     ["Revenue is recognized when it is earned, not when cash is received"],
     "Revenue is booked when the work is delivered and earned, even if the cash arrives "
     "months later."),
    # a point that says both opposites of the same thing: either one is its own
    ("When does a warehouse skip put-away?",
     ["Cross-docking moves goods from inbound trucks to outbound trucks with little storage"],
     "With cross-docking there is no buffer stock, so a late inbound truck means a late store "
     "delivery."),
    # one word denied of a subject of the sentence's own ("amortisation doesn't use cash")
    ("How does a rise in amortisation flow through the cash flow statement?",
     ["On the cash flow statement, net income falls $4 but the $8 non-cash expense is added "
      "back, so cash rises $2."],
     "Moving to the cash flow statement, it starts with net income, now $4 lower, and because "
     "amortisation doesn't use cash, the $8 is added back."),
    # "without X to Y": the aim after "to" is outside the "without"
    ("What do you do first for a suspected stroke?",
     ["Get the patient to an urgent non-contrast CT scan to exclude a bleed"],
     "I'd send the patient for an urgent CT scan without contrast to exclude a bleed."),
    # "no longer" tells a change of state, not a denial of the rule
    ("How is a warranty provision measured?",
     ["The expected warranty cost is recorded as a provision when the goods are sold"],
     "We booked the provision at sale, then released part of it once the returns we no "
     "longer expected to honour had lapsed."),
    # what a point says must be removed, denied in the sentence
    ("What do you check after moving a shop to a new domain?",
     ["Canonical tags pointing to old or test pages must be removed"],
     "I'd check the page source and make sure canonical tags point to the live pages, not "
     "the old ones or the test site."),
    # what happens to a thing ("is removed", "needs to be removed") is no rule against it
    ("What does pop do on a stack?", ["Pop returns the top element of the stack and removes it"],
     "The top element of the stack is removed and returned to the caller."),
    ("What does pop do on a stack?", ["Pop returns the top element of the stack and removes it"],
     "The top element of the stack needs to be removed and returned to the caller."),
    # both set the same thing aside with "rather than", in phrases of different length
    ("How do you plan a first round of customer interviews?",
     ["Interview a handful of customers now rather than waiting for the full research budget "
      "next quarter"],
     "Rather than waiting for next quarter's full research budget, I'd book five customer "
     "calls this week."),
    # what a check looks for ("check the tube isn't kinked") is no denial
    ("A patient's drain has stopped draining. What do you do?",
     ["A mechanical cause should be ruled out first, such as a kinked or clamped drain tube"],
     "I'd check the tube isn't kinked or clamped, then look at the wound and call the "
     "surgeon."),
    # a modifier of another thing set aside ("rather than an internal brainstorm")
    ("How do you start a positioning project?",
     ["Positioning is an internal strategic choice that guides messaging"],
     "I'd begin with customer calls rather than an internal brainstorm."),
    # what one makes sure of is no denial ("make sure it's never starved")
    ("How do you raise the output of a packing line?",
     ["Improvement should focus on the bottleneck: keep it from idling or starving, then add "
      "capacity there"],
     "Find the bottleneck, keep it busy through breaks and make sure it's never starved of "
     "cartons."),
    # a quantity that falls short of the advice ("four days doesn't even cover a week")
    ("A stakeholder wants to stop a test after four days. What do you say?",
     ["The test should run to its planned sample size and cover full weekly cycles to capture "
      "day-of-week variation"],
     "Stopping early gives you false winners, and four days doesn't even cover a full week of "
     "traffic."),
    ("A stakeholder wants to stop a test after four days. What do you say?",
     ["The test should run to its planned sample size and cover full weekly cycles to capture "
      "day-of-week variation"],
     "Three days isn't even a full week, and weekend visitors behave differently."),
    # the point denies its own verb by ellipsis ("the ledger has not")
    ("Why do a bank statement and a ledger disagree at month end?",
     ["Charges the bank has recorded but the ledger has not, such as fees or interest, need "
      "journal entries"],
     "After that comes our side: whatever the bank has charged that we haven't recorded, "
     "like fees or interest."),
]


@pytest.mark.parametrize(("question", "points", "answer"), READ_RIGHT)
def test_correct_statements_of_these_shapes_are_not_wrong_claims(question, points,
                                                                answer) -> None:
    assert not _wrong_claims(question, points, answer)


STILL_WRONG = [
    ("How is a urinary catheter inserted in hospital?",
     ["In hospital a urinary catheter is inserted with sterile technique"],
     "Insertion can be a clean rather than sterile procedure in hospital."),
    ("A stakeholder wants to stop a test after four days. What do you say?",
     ["The test should run to its planned sample size and cover full weekly cycles to capture "
      "day-of-week variation"],
     "A test doesn't need to cover full weekly cycles; four days of traffic is plenty."),
    ("A patient's drain has stopped draining. What do you do?",
     ["A mechanical cause should be ruled out first, such as a kinked or clamped drain tube"],
     "A kinked tube doesn't need to be ruled out; a drain that stops has always finished its "
     "job."),
    ("When is revenue recognized under accrual accounting?",
     ["Revenue is recognized when it is earned, not when cash is received"],
     "Revenue is recognized when cash is received."),
    ("Is the safety briefing optional for contractors?",
     ["Safety briefings are required for every contractor before work starts"],
     "Safety briefings are optional for contractors before work starts."),
    ("How do interest rates affect bond prices?", ["A higher interest rate gives a lower bond price"],
     "A higher interest rate gives a higher bond price."),
    ("How hot must handwashing water be?", ["Handwashing water is kept at 100°F or above"],
     "Handwashing water is kept at 60°F."),
    ("What is net pay?", ["Net pay is what the employee takes home, not gross pay"],
     "Gross pay is what the employee takes home."),
    ("How do you protect the clean room?",
     ["Staff entering the clean room change into gowns and shoe covers"],
     "Staff entering the clean room don't change into gowns or shoe covers."),
    ("How did you handle the reorganisation?",
     ["I went through the practical details of the new structure with each affected person"],
     "I never went through the practical details of the new structure with the affected "
     "people."),
    ("How are items counted in ABC analysis?",
     ["A items are counted frequently", "C items are counted infrequently with simple rules"],
     "The A items are counted infrequently."),
    ("How do rising prices affect FIFO?",
     ["FIFO gives lower cost of goods sold and higher net income when prices rise"],
     "FIFO gives higher cost of goods sold when prices rise."),
]


@pytest.mark.parametrize(("question", "points", "answer"), STILL_WRONG)
def test_wrong_statements_of_these_shapes_are_still_wrong_claims(question, points,
                                                                 answer) -> None:
    assert _wrong_claims(question, points, answer)


def test_not_when_denies_the_condition_and_capital_letters_name_things() -> None:
    point = claims.read_statement("Revenue is recognized when earned, not when cash is received.")
    assert "cash" in point.denied and any(c.denies_condition for c in point.clauses)
    assert {"a", "c"} <= claims.read_statement("Count A items weekly and C items yearly.").stems
    assert "a" not in claims.read_statement("A lower ratio gives higher strength.").stems
    manner = claims.read_statement("I told the team briefly and without detail.")
    assert manner.clauses[-1].manner == frozenset(["detail"])
    bound = claims.read_statement("We never hold cold food above 41°F.")
    assert claims.negates_a_bound(bound.clauses[0])


# ---- first-person denials, contrasted things and formulas, said rightly ------------------

OWN_WORDS_RIGHT = [
    # accounts payable: the point's words asserted, a negation of something else
    ("Tell me about a mistake you made at work.",
     ["I owned the mistake and reported it to my supervisor the same day.",
      "I fixed the records and added a check so it would not happen again."],
     "Last spring I keyed a supplier invoice twice, so we paid it twice. I didn't wait for "
     "the month-end review: I reported it to my supervisor that afternoon and took "
     "responsibility. Then I fixed the records and we added a duplicate-invoice check to the "
     "payment run."),
    ("Tell me about a mistake you made at work.",
     ["I owned the mistake and reported it to my supervisor the same day.",
      "I fixed the records and added a check so it would not happen again."],
     "I once sent a payment run with a supplier's invoice in it twice. I told my supervisor "
     "within the hour rather than hoping nobody would notice, and I didn't try to pin it on "
     "the system. I corrected the ledger, and we now block duplicate invoice numbers at entry "
     "so it can't recur."),
    # account management: "wouldn't build it and explained" denies the building only
    ("Tell me about a time you had to turn down a customer request.",
     ["I explained the reason for the decision clearly.",
      "I offered a workaround that met the underlying need."],
     "A client asked for a custom report format we could not support. I didn't want to sound "
     "evasive, so I told them plainly we wouldn't build it and explained the reason: it would "
     "break for every other client. I then offered a scheduled export that gave them the same "
     "figures, and they renewed."),
]


@pytest.mark.parametrize(("question", "points", "answer"), OWN_WORDS_RIGHT)
def test_a_story_denying_something_else_keeps_its_points(question, points, answer) -> None:
    assert not _wrong_claims(question, points, answer, "behavioral")


def test_a_negation_after_didnt_does_not_reach_a_past_verb_after_and() -> None:
    statement = claims.read_statement("We wouldn't build it and explained the reason.")
    assert "build" in statement.denied
    assert "explain" not in statement.denied and "reason" not in statement.denied
    passive = claims.read_statement("The list is not created and initialised each time.")
    assert {"creat", "initialis"} <= passive.denied  # a participle after "is not" carries on


def test_things_named_with_a_shared_word_are_told_apart_by_the_other_word() -> None:
    pair = claims.contrast_pair("What is the difference between a stock split and a stock "
                                "dividend?")
    assert pair == frozenset(["split", "dividend"])
    assert claims.contrast_pair("How do optimistic and pessimistic locking differ?") == \
        frozenset(["optimist", "pessimist"])


SAID_RIGHTLY = [
    # corporate finance: each thing's definition in other words
    ("What is the difference between a stock split and a stock dividend?",
     ["A stock split divides each existing share into several shares and leaves retained "
      "earnings untouched.",
      "A stock split is usually done to bring a high share price into a more liquid trading "
      "range.",
      "A stock dividend pays shareholders extra shares by moving an amount out of retained "
      "earnings.",
      "A stock dividend is declared by the board like a cash dividend, as a percentage of "
      "shares held."],
     "With a split, each share becomes several and retained earnings stay as they were; "
     "companies do it when the price is high, to make trading easier. A stock dividend gives "
     "holders extra shares, for instance 5 percent, and transfers that value out of retained "
     "earnings, declared by the board just like a cash dividend."),
    # project control: the formula in other words, and its inversion named as a mistake
    ("Explain the cost performance index and the schedule performance index.",
     ["The cost performance index is earned value divided by actual cost.",
      "The schedule performance index is earned value divided by planned value.",
      "An index below 1 is unfavourable."],
     "The cost performance index divides earned value by actual cost, so 0.9 means ninety "
     "cents of work per dollar. The schedule performance index is earned value divided by "
     "planned value. An index below 1 is unfavourable: over budget for cost, behind for "
     "schedule."),
    ("Explain the cost performance index and the schedule performance index.",
     ["The cost performance index is earned value divided by actual cost.",
      "The schedule performance index is earned value divided by planned value.",
      "An index below 1 is unfavourable."],
     "The cost performance index is earned value divided by actual cost. Some people quote it "
     "inverted, as actual cost divided by earned value, but that is cost per unit of work, not "
     "the index. The schedule performance index is earned value divided by planned value, and "
     "below 1 is unfavourable."),
]


@pytest.mark.parametrize(("question", "points", "answer"), SAID_RIGHTLY)
def test_contrasted_things_and_formulas_said_rightly_are_not_wrong_claims(
        question, points, answer) -> None:
    assert not _wrong_claims(question, points, answer)


def test_denying_the_alternative_a_point_sets_aside_agrees_with_it() -> None:
    question = "Tell me about a time you disagreed with a colleague about a launch plan."
    points = ["I used customer data or a price test to settle the disagreement rather than "
              "personal opinion.",
              "We agreed on a decision together and kept working well afterwards."]
    assert not _wrong_claims(
        question, points,
        "My colleague wanted to raise the entry plan by 20 percent and I thought it would hurt "
        "signups. We didn't settle it on opinion: we ran a two-week price test on new visitors, "
        "and the customer data showed conversion held. We agreed to raise the price together "
        "and still work closely.", "behavioral")


def test_a_rubric_in_the_third_person_keeps_the_question_word_as_a_warning() -> None:
    # A point describing a strong answer to a question about an error: another person's
    # "without charting it" inside the speaker's sentence denies nothing of it.
    question = "Tell me about a time you discovered a medication error."
    reference = ("A strong answer describes assessing the patient, reporting the error through "
                 "the incident system and charting the facts.")
    assert not _wrong_claims(
        question, [reference],
        "On a night shift I found that a colleague had given a dose of insulin without "
        "charting it, so I nearly gave a second one. I checked the patient's glucose at once, "
        "called the provider, filed an incident report and charted what had happened.",
        "behavioral")


@pytest.mark.parametrize("answer", [
    # something else is unneeded
    "Two nurses check the patient's identity against the unit at the bedside, each "
    "independently. Baseline vital signs are taken before we start, since a warming device "
    "isn't needed for a routine unit. We watch the patient closely for the first 15 minutes "
    "for a reaction.",
    "Two nurses independently confirm the patient's identity against the blood unit at the "
    "bedside; a photo ID is not required when the wristband matches. Baseline vitals come "
    "first. I stay close during the first 15 minutes to watch for a reaction.",
])
def test_saying_another_thing_is_unneeded_keeps_the_points(answer: str) -> None:
    points = ["Two nurses independently check the patient's identity against the blood unit "
              "at the bedside.",
              "Baseline vital signs are taken before the transfusion starts.",
              "The patient is watched closely during the first 15 minutes for a reaction."]
    assert not _wrong_claims("How do you prepare a patient for a blood transfusion?", points,
                             answer)


def test_a_point_that_itself_calls_a_step_unneeded_agrees_with_the_same_words() -> None:
    points = ["Refactoring is not needed for code that is about to be deleted.",
              "Tests should pass before and after each refactoring step."]
    assert not _wrong_claims("When do you refactor code?", points,
                             "Refactoring code that's about to be deleted isn't needed; it's "
                             "wasted effort. I keep the tests green before and after each "
                             "small step.")


@pytest.mark.parametrize("answer", [
    "Returns processing was slow and full of defects. I didn't wait for approval and measured "
    "the baseline defect rate over two weeks before changing anything. I piloted the new "
    "checklist on one line before rolling it out to the others.",
    "Returns processing was slow and full of defects. I didn't guess at the size of the "
    "problem; I measured the defect rate for two weeks as a baseline first. Then I piloted "
    "the new checklist on one line before rolling it out.",
])
def test_the_speakers_longer_denial_stops_at_a_new_verb_or_clause(answer: str) -> None:
    points = ["I measured a baseline of the defect rate before making any changes.",
              "I piloted the change on one line before rolling it out."]
    assert not _wrong_claims("Tell me about a process improvement you led.", points, answer,
                             "behavioral")


@pytest.mark.parametrize("answer", [
    "A price rise lowers the quantity demanded of all ordinary goods, while for the rare "
    "Giffen goods it raises it. How strongly demand responds is measured by the price "
    "elasticity of demand.",
    "For ordinary goods a price rise lowers the quantity demanded, and for Giffen goods it "
    "raises it, since any price rise also cuts real income. Price elasticity of demand "
    "measures how strongly demand responds.",
])
def test_every_said_of_the_things_the_point_names_is_not_a_generalisation(answer: str) -> None:
    points = ["A price rise lowers the quantity demanded of ordinary goods and raises it for "
              "Giffen goods.",
              "How strongly demand responds is measured by the price elasticity of demand."]
    assert not _wrong_claims("How does a price rise change the quantity demanded?", points,
                             answer)


# ---- correct answers read as wrong claims: negations, symbols and shares that agree ---------

CORRECT_SHAPES = [
    # "they don't." ends its sentence: the negation does not reach the next one
    ("What does each role do in a film crew?",
     ["The director decides how each scene is staged and shot",
      "The editor assembles the final cut from the footage"],
     "People often think the producer stages the scenes; they don't. The director decides how "
     "each scene is staged and shot, and the editor assembles the final cut."),
    # an arrow says "so": a negation before it does not reach what follows
    ("How is an employee expense claim approved?",
     ["The line manager approves each claim before finance reimburses it"],
     "Claim filed by the employee, not finance → line manager approves claim → finance "
     "reimburses."),
    # the point denies the word too, and uses it of something else in another clause
    ("How do you manage a confused patient who keeps pulling at lines?",
     ["Avoid restraining a confused patient, and review any restrained patient every hour"],
     "We avoid restraining confused patients, using a sitter where possible, and review them "
     "every hour."),
    ("How do you handle a ticket the first-line agent cannot solve?",
     ["Avoid escalating on the first call, because early escalations swamp tier two"],
     "I keep the ticket and gather logs and steps to reproduce. What I avoid is escalating on "
     "the first call."),
    # a negator in a slash list is one of the options
    ("What SameSite values can a cookie take?",
     ["SameSite can be none, lax or strict, and none requires the Secure flag"],
     "SameSite: none/lax/strict; with none, add Secure."),
    ("How many real roots can a quadratic equation have?",
     ["A quadratic can have two real roots, one repeated root, or none, depending on the "
      "discriminant"],
     "Discriminant decides: two/one/no real roots."),
    # "no X, no Y" is a rule of two terms, not a denial of either
    ("How does a two-person rule control payments?",
     ["A second person's approval authorizes each payment release"],
     "Every payment release needs a second person's sign-off: no approval, no release."),
    # an elliptical "not B" of a thing the point never names
    ("Which rate discounts free cash flow to equity?",
     ["The cost of equity is the discount rate for free cash flow to equity"],
     "Use the cost of equity for free cash flow to equity, not cash flow to the firm."),
    ("How do you judge a developer documentation site?",
     ["Success is measured by search success rate and page reuse in support replies"],
     "Measure search success and reuse in support replies, not page views."),
    # the sentence prefers the end the point also names ("profit, not revenue")
    ("How do you compare two product lines?",
     ["Compare contribution profit per unit, the unit revenue minus variable cost"],
     "Compare unit contribution (profit, not revenue): price minus variable cost."),
    # a denial of the timing, not of the act
    ("A patient asks for stronger painkillers. What do you do?",
     ["Assess the pain first with a pain scale before administering any extra analgesia",
      "Check the chart for the last dose given"],
     "I don't administer extra analgesia straight away, because pain can have many causes. "
     "I ask what changed."),
    ("How do you monitor blood glucose in a stable diabetic inpatient?",
     ["Check the blood glucose before each meal and at bedtime",
      "Treat a reading below 70 with fast-acting carbohydrate"],
     "I avoid checking glucose hourly in a stable patient, since needless finger sticks "
     "hurt."),
    # what a remedy keeps away, denied
    ("Why does an API request carry a nonce?",
     ["A fresh nonce in each request defeats replay attacks"],
     "Fresh nonce per request → no replay attacks."),
    # a sentence stating the remedy denies the harm another point describes
    ("What is cross-site request forgery and how do you stop it?",
     ["CSRF tricks a logged-in user's browser into sending a forged request that changes "
      "state on the server",
      "The primary defense is an anti-CSRF token that the server checks on every form "
      "submission"],
     "A forged request rides on the victim's session cookie to change state. The fix is an "
     "anti-CSRF token the server checks on every form submission, so a forged request can "
     "never change state."),
    # the comma-joined rest of a denied phrase is denied too
    ("What does the read committed isolation level guarantee?",
     ["A transaction does not read other transactions' pending, uncommitted writes"],
     "RC: no reads of others' uncommitted writes."),
    # letters name different things: a figure of one is not one of the other
    ("How do you segment accounts by value?",
     ["Tier A accounts are about 10 percent of accounts but bring about 60 percent of revenue",
      "Tier C accounts are the many small ones, served through self-service"],
     "Tier C = the many small accounts, ~5% of revenue → self-service."),
    # an opposite word another point says, in a sentence about that point
    ("Walk me through the three financial statements if a company books a $100 "
     "tax-deductible impairment at a 20% tax rate.",
     ["A $100 impairment lowers pre-tax income by $100 and net income by $80 at a 20% tax "
      "rate.",
      "On the cash flow statement, net income falls $80 but the $100 non-cash charge is added "
      "back, so cash rises $20.",
      "On the balance sheet, the impaired asset falls by $100 and cash rises by $20, so total "
      "assets fall by $80.",
      "Retained earnings fall by $80, so liabilities plus equity also fall by $80 and the "
      "balance sheet balances."],
     "IS: pre-tax −$100, tax −$20, NI −$80. CFS: NI −80 + impairment add-back +100 → cash "
     "+$20. BS: cash +20, asset −100 → assets −80; RE −80 → L+E −80. Balances."),
    # passives tell steps of a process, not definitions of different things
    ("How do you design a fair written exam?",
     ["Questions are drawn from the course's learning objectives",
      "Answers are marked against a rubric with model answers at each grade",
      "Every student is given the same time and conditions"],
     "Each question has its own rubric, with model answers for a pass, a merit and a "
     "distinction, so markers aren't improvising their own standard."),
    # "20% or less" bounds a figure: it ties nothing to the other end
    ("How do you run a coaching conversation?",
     ["The coach should listen far more than talk and ask open questions"],
     "I talk 20% of the time or less and spend the rest listening, with open questions."),
    # "stockouts drop and safety stock goes up": each change has its own subject
    ("What does raising the reorder point do?",
     ["Raising the reorder point increases safety stock and reduces stockouts"],
     "If you raise the reorder point, stockouts drop and safety stock goes up, but you carry "
     "more inventory."),
]


@pytest.mark.parametrize(("question", "points", "answer"), CORRECT_SHAPES)
def test_correct_negations_symbols_and_shares_are_not_wrong_claims(question, points,
                                                                   answer) -> None:
    assert not _wrong_claims(question, points, answer)


def test_a_story_sentence_not_mentioning_a_report_keeps_the_report() -> None:
    points = ["I checked the patient and told the prescriber at once",
              "I reported the near miss through the incident reporting system",
              "I helped change the process so it would not happen again"]
    answer = ("On a day shift I noticed I had drawn up twice the ordered dose of enoxaparin just "
              "before giving it. I stopped, checked the patient, who had received nothing, and "
              "told the prescriber at once. I filed an incident report that evening. In the "
              "patient's notes I recorded the correct dose given and the monitoring, without "
              "mentioning the incident report. Afterwards I helped change the process so that "
              "high-risk doses get a second nurse check, and the ward has had no repeat since.")
    assert not _wrong_claims("Tell me about a time you made or caught a medication error.",
                             points, answer, "behavioral")


CORRECT_SHAPES_WRONG = [
    # the elliptical "not B" denies the point's own thing
    ("What discount rate goes with free cash flow to equity?",
     ["Free cash flow to equity is discounted at the cost of equity"],
     "You discount free cash flow to equity at the cost of capital, not the cost of equity."),
    # the same letter: the figure is the point's
    ("How do you segment accounts by value?",
     ["Tier A accounts are about 10 percent of accounts but bring about 60 percent of revenue"],
     "Tier A = about 10% of accounts, ~15% of revenue."),
    # a denial without a word of timing still denies the act
    ("A patient asks for stronger painkillers. What do you do?",
     ["Assess the pain first with a pain scale before administering any extra analgesia"],
     "I don't assess the pain with a pain scale; I just give extra analgesia."),
    # absences listed in a sentence are denials, not a rule of two terms
    ("What does warfarin therapy need?",
     ["Warfarin has many drug interactions and needs regular INR monitoring"],
     "Warfarin has no drug interactions, no monitoring."),
    # "not yet" denies the act, it is no word of timing
    ("What is a deposit in transit?",
     ["A deposit in transit is recorded by the company but not yet by the bank"],
     "A deposit in transit has not yet been recorded by the company."),
    # the point asserts what the sentence denies, and denies nothing itself
    ("How do you handle a patient who refuses a medication?",
     ["Document each refused medication in the chart and tell the prescriber"],
     "I don't document a refused medication in the chart, and I don't tell the prescriber."),
]


@pytest.mark.parametrize(("question", "points", "answer"), CORRECT_SHAPES_WRONG)
def test_wrong_statements_beside_those_shapes_are_still_wrong_claims(question, points,
                                                                     answer) -> None:
    assert _wrong_claims(question, points, answer)


# ---- a word the point leaves open -------------------------------------------------------

LEFT_OPEN = [
    ("What goes into a good bug report for engineering?",
     ["The report states the customer impact, how many accounts are affected, the severity and "
      "any workaround", "Exact steps to reproduce with the expected and actual result"],
     "I give exact steps to reproduce, expected versus actual, and the impact: nine tickets, "
     "three accounts, no workaround yet."),
    ("Why are intermittent test failures hard to fix?",
     ["They depend on timing and are hard to reproduce, so logs and repeated runs help find them",
      "Retrying them blindly hides real bugs"],
     "They depend on timing, so they rarely show up twice: ours never reproduced on a laptop, "
     "and only repeated runs in CI with extra logs caught them."),
    ("How do you check a refund request?",
     ["Confirm whether a refund is due under the policy", "Check the original payment method"],
     "I look at the policy first; often no refund is due because it's past the 30 days. If it "
     "is due, I refund to the original payment method."),
]


@pytest.mark.parametrize(("question", "points", "answer"), LEFT_OPEN)
def test_denying_what_a_point_leaves_open_is_not_a_wrong_claim(question, points, answer) -> None:
    assert not _wrong_claims(question, points, answer), answer


def test_denying_what_a_point_asserts_is_still_a_wrong_claim() -> None:
    wrong = _wrong_claims("What goes into a good bug report for engineering?",
                          ["Exact steps to reproduce the bug are always included"],
                          "You don't include steps to reproduce; engineering will work them out.")
    assert wrong


@pytest.mark.parametrize(("answer", "wrong"), [
    ("Body text should be 12px so more fits on the screen.", True),
    ("Body text should be 16px, in rem so it follows the browser setting.", False),
])
def test_a_unit_written_short_is_the_same_unit(answer: str, wrong: bool) -> None:
    found = _wrong_claims("How big should body text be on a web page?",
                          ["Body text is usually around 16 pixels, set in rem units"], answer)
    assert bool(found) == wrong, found


@pytest.mark.parametrize(("points", "answer"), [
    (["Unnecessary alarms are avoided by setting limits for each patient",
      "Alarms are reviewed every shift"],
     "Unnecessary alarms cause fatigue, so they are avoided by tailoring the limits to each "
     "patient."),
    (["Reach counts unique people who saw an ad, while impressions count every showing"],
     "Reach is unique people; I rotate several variants so that the same person isn't seeing "
     "the identical ad every day."),
])
def test_a_participle_of_absence_or_an_aim_is_not_a_denial(points, answer) -> None:
    assert not _wrong_claims("How do you handle this?", points, answer), answer


def test_a_word_the_sentence_itself_denies_is_not_asserted_against_the_point() -> None:
    # "with little or no inventory", as the point says, then "inventory" again in another
    # sense ("save inventory costs"): the sentence agrees (manufacturing)
    points = ["Just-in-time delivery brings parts straight to the line with little or no "
              "inventory, typically within hours.",
              "It depends on reliable suppliers and short, predictable lead times."]
    answer = ("Basically parts arrive at the dock and go straight to the line with little or no "
              "inventory, usually the same day, so you save inventory and handling costs and "
              "parts move faster.")
    assert not _wrong_claims("What is just-in-time delivery?", points, answer)


@pytest.mark.parametrize(("question", "points", "answer"), [
    # told to set a thing aside, as the point's "not on ..." does (HR)
    ("How do you decide whether a sales role earns overtime?",
     ["Overtime eligibility depends on the duties and the pay, not on the job title"],
     "The first thing I'd say is ignore the job title; look at the duties and the pay."),
    # what "the mistake" is said to be is denied, as the point denies it (marketing)
    ("How do you compare two ad campaigns?",
     ["Compare conversion rates per visitor, not raw counts of conversions"],
     "The classic mistake is comparing raw conversion counts; I divide by visitors first."),
])
def test_setting_a_thing_aside_agrees_with_a_point_that_denies_it(question, points, answer):
    assert not _wrong_claims(question, points, answer)


def test_a_description_with_ignores_denies_nothing() -> None:
    statement = claims.read_statement("The median ignores outliers.")
    assert not statement.denied
    statement = claims.read_statement("Ignore the job title.")
    assert {"job", "titl"} <= statement.denied


def test_a_figure_that_is_another_points_own_is_no_wrong_number() -> None:
    # "165" is the chicken point's figure, not a wrong cooling temperature (kitchen safety)
    question = "What temperatures matter most in a restaurant kitchen?"
    points = ["Cooked food must cool from 135°F to 70°F within 2 hours and to 41°F within 4 "
              "more hours",
              "Chicken is cooked to an internal temperature of 165°F",
              "Hot food is held at 135°F or above and cold food at 41°F or below"]
    assert not _wrong_claims(question, points, "Chicken gets cooked to 165.")
    # a figure no point gives is still a wrong number
    assert any(c["kind"] == "number" for c in
               _wrong_claims(question, points, "Chicken is cooked to an internal 145°F."))


def test_a_condition_lifted_contradicts_a_point_that_holds_only_under_it() -> None:
    # (databases) the point holds only under a condition; "always, whatever" lifts it
    question = "How do you roll out a database schema change safely?"
    points = ["An old column is dropped only after no deployed code reads it",
              "New columns are added as nullable first and backfilled in batches"]
    wrong = "An old column can always be dropped straight away, whatever code still reads it."
    assert any(c["kind"] == "scope" for c in _wrong_claims(question, points, wrong))
    # the condition kept, or "not always", agrees
    for right in ("I drop the old column only once no deployed code reads it.",
                  "You can't always drop an old column at once; I wait until nothing reads it."):
        assert not _wrong_claims(question, points, right), right


def test_a_head_both_things_share_is_not_what_the_question_contrasts() -> None:
    assert claims.contrast_pair("What is the difference between first-party and third-party "
                                "cookies?") == {"first", "third"}
    assert claims.contrast_pair("How do lead time and cycle time differ?") == {"lead", "cycl"}
    assert claims.contrast_pair("What is the difference between cross-site scripting and "
                                "cross-site request forgery?") == {"script", "request"}


def test_a_thing_after_a_verb_is_the_object_not_a_new_subject() -> None:
    from mock_interview.domain.grading import reading

    things = frozenset(["latenc", "throughput"])
    said = claims.read_statement("Latency has a catch: it's the delay that makes throughput "
                                 "look fine, and it is measured per request.")
    assert [thing for thing, _words in reading._segments(said, things)] == ["latenc"]
    said = claims.read_statement("Latency is measured per request, while average throughput "
                                 "counts requests per second.")
    assert [thing for thing, _words in reading._segments(said, things)] == ["latenc", "throughput"]


def test_before_and_after_oppose_only_about_the_same_event() -> None:
    # a story question: the sentence orders its own events (support)
    question = "Tell me about a time you used customer feedback to get a bug fixed."
    points = ["Describes the feedback and how many customers it affected",
              "I checked the complaint volume after the release to confirm the fix worked"]
    said = ("Customers kept reporting failed logins, so I grouped 120 tickets and showed them "
            "to the team; the fix was to trim spaces before validation.")
    assert not _wrong_claims(question, points, said, kind="behavioral")
    # about the same event, the opposite order is still wrong (nursing)
    question = "How do you give a PRN pain medicine?"
    points = ["Assess and score the pain before giving the dose",
              "Reassess the pain within an hour and document it"]
    wrong = "I give the dose first and score the pain after giving it, which saves time."
    assert _wrong_claims(question, points, wrong)


def test_a_reference_clause_cut_from_its_subject_is_not_denied_by_one_word() -> None:
    """"so it should be validated with incrementality tests", split from a reference, has
    lost what "it" is; "ROAS isn't incremental" says nothing against it."""
    from mock_interview.domain.grading import reading
    from mock_interview.domain.grading import text as tx

    question = "How far do you trust platform-reported ROAS?"
    sentence = claims.read_statement("Platform ROAS isn't incremental, since two platforms "
                                     "claim the same sale and validation is blended.")
    stems = frozenset(tx.content_stems(question))
    for point, denied in (("so it should be validated with incrementality tests or blended "
                           "revenue", False),
                          ("ROAS should be validated with incrementality tests or blended "
                           "revenue", True)):
        found = reading._contradiction(claims.read_statement(point), sentence, stems, question,
                                       point_text=point)
        assert (found is not None) == denied, (point, found)



def test_a_point_opening_on_a_pronoun_clause_is_still_denied_in_its_main_clause() -> None:
    """"While it is running, ... and the red button stops it" says its claim after the
    comma: "the red button shouldn't stop it" denies that, whatever "it" is."""
    from mock_interview.domain.grading import reading
    from mock_interview.domain.grading import text as tx

    question = "What must a conveyor's operator controls do?"
    point = "While it is running, the guard stays locked, and the red button stops it."
    stems = frozenset(tx.content_stems(question))
    for said, denied in (("The red button shouldn't stop it, since that spills the load.", True),
                         ("Pressing the red button stops it at once.", False)):
        found = reading._contradiction(claims.read_statement(point), claims.read_statement(said),
                                       stems, question, point_text=point)
        assert (found is not None) == denied, (said, found)

DECLINES_WHAT_THE_POINT_WARNS_OF = [
    ("How would you encode a postcode feature with 30,000 values?",
     ["One-hot encoding 30,000 postcodes produces a huge sparse matrix with little signal per "
      "column"],
     "With 30,000 postcodes I wouldn't one-hot encode them; target encoding with smoothing is "
     "the usual choice."),
    ("How would you cap login attempts?",
     ["A fixed window counter can allow double the limit at a window edge"],
     "I'd avoid a fixed window counter, since a burst at the edge gets twice the attempts "
     "through."),
    ("How do you manage bookings for a shared meeting room?",
     ["Adding a second booking tool creates duplicate reservations"],
     "Rather than adding a second booking tool, I'd use the calendar everyone already has."),
    ("How do you secure a peripheral IV line?",
     ["An opaque dressing hides early signs of phlebitis at the insertion site"],
     "I don't use an opaque dressing; a clear film lets me see the insertion site every shift."),
]


@pytest.mark.parametrize(("question", "points", "answer"), DECLINES_WHAT_THE_POINT_WARNS_OF)
def test_turning_down_the_thing_a_point_describes_is_not_a_wrong_claim(question, points,
                                                                       answer) -> None:
    assert not _wrong_claims(question, points, answer)


DECLINES_WHAT_THE_POINT_RECOMMENDS = [
    ("How would you limit API request rates?",
     ["A token bucket smooths bursts while keeping the average rate steady"],
     "I wouldn't use a token bucket, because it doesn't smooth bursts."),
    ("How do you give IV antibiotics?", ["The line should be flushed before and after each dose"],
     "I don't flush the line before each dose."),
    ("How would you store session tokens in a browser app?",
     ["An httpOnly cookie keeps the token out of reach of injected scripts"],
     "An httpOnly cookie doesn't keep the token out of reach of scripts."),
]


@pytest.mark.parametrize(("question", "points", "answer"), DECLINES_WHAT_THE_POINT_RECOMMENDS)
def test_turning_down_what_a_point_recommends_is_still_a_wrong_claim(question, points,
                                                                     answer) -> None:
    assert _wrong_claims(question, points, answer)


LISTS_DENIED_OR_SET_ASIDE = [
    ("What does a clean surgical wound look like on day three?",
     ["A healing wound has edges that meet, with no pus, redness or swelling"],
     "The edges meet neatly and there's no pus, no redness and no swelling."),
    ("Why is e-invoicing cheaper than paper invoices?",
     ["By skipping printing, postage and manual keying, e-invoicing cuts the cost per invoice"],
     "It's cheaper because there's no printing, postage or manual keying, so each invoice costs "
     "less."),
]


@pytest.mark.parametrize(("question", "points", "answer"), LISTS_DENIED_OR_SET_ASIDE)
def test_every_item_of_a_list_after_no_or_skipping_is_denied(question, points, answer) -> None:
    assert not _wrong_claims(question, points, answer)


def test_an_item_at_the_end_of_a_denied_list_is_contradicted_when_asserted() -> None:
    assert _wrong_claims("What does a clean surgical wound look like on day three?",
                         ["A healing wound has edges that meet, with no pus, redness or swelling"],
                         "A healing wound on day three normally shows swelling and redness "
                         "around the edges.")


def test_a_short_aside_in_brackets_is_read_inside_its_clause() -> None:
    # "probable (US GAAP) ... not to occur": the denial still belongs to the reversal.
    assert not _wrong_claims(
        "When is variable consideration included in revenue?",
        ["Variable consideration is included only to the extent a significant reversal is "
         "probable (US GAAP) or highly probable (IFRS) not to occur"],
        "I include it only to the extent it's probable that there won't be a significant "
        "reversal later.")


ADVERSE_IMPACT = ["A group's selection rate that is less than four-fifths (80%) of the rate for "
                  "the highest group is evidence of adverse impact"]


def test_the_figures_of_a_case_the_speaker_makes_up_are_that_case_s_own() -> None:
    assert not _wrong_claims(
        "How do you check a hiring step for adverse impact?", ADVERSE_IMPACT,
        "Suppose the interview passes 45 of 90 older applicants, a 50% rate, against 60 of 100 "
        "younger ones: 50 over 60 is about 0.83, so it clears four-fifths.")
    assert _wrong_claims("How do you check a hiring step for adverse impact?", ADVERSE_IMPACT,
                         "A group's selection rate that is less than 60% of the rate for the "
                         "highest group is evidence of adverse impact.")


def test_holding_back_what_a_point_puts_off_agrees_with_it() -> None:
    point = ["Hear out the whole complaint and the customer's goal before offering any refund"]
    question = "How do you handle a customer complaint call?"
    assert not _wrong_claims(question, point, "I don't offer a refund early in the call; first I "
                                              "hear out the whole complaint and what the customer "
                                              "wants.")
    assert _wrong_claims(question, point, "I don't hear out the whole complaint; the refund "
                                          "comes first.")


def test_keeping_a_thing_out_of_what_a_point_takes_it_from_agrees() -> None:
    question = "How do you handle a supplier batch that failed inspection?"
    point = ["The batch is quarantined from the production line with a hold tag and an owner"]
    assert not _wrong_claims(question, point, "It sits in a hold area with a tag and an owner, so "
                                              "it never reaches the production line.")
    assert _wrong_claims(question, point, "A failed batch is not quarantined from the production "
                                          "line; it is used with a note.")


def test_a_ratio_of_one_to_one_is_a_figure_of_its_own() -> None:
    question = "What current ratio would you want to see?"
    point = ["A current ratio of around 2:1 is a common comfort level for lenders"]
    assert _wrong_claims(question, point, "Lenders look for a current ratio of 1:1, which is the "
                                          "comfortable level.")
    assert not _wrong_claims(question, point, "Lenders are usually comfortable at a current ratio "
                                              "of about 2:1.")


TIE = [
    ("How does the service level affect safety stock?",
     ["A higher service level requires more safety stock"],
     "A higher service level needs less safety stock, because you're more reliable.", True),
    ("How does sample size relate to the effect you want to detect?",
     ["Smaller effects require larger samples to detect"],
     "Bigger effects need bigger samples, since there's more variance to average out.", True),
    ("How does sample size relate to the effect you want to detect?",
     ["Smaller effects require larger samples to detect"],
     "Bigger effects can be seen with fewer users, while a small lift needs many more.", False),
    ("How does the service level affect safety stock?",
     ["A higher service level requires more safety stock"],
     "Raising the service level means carrying more safety stock.", False),
    ("What does the water-cement ratio do to concrete?",
     ["A lower water-cement ratio gives higher strength and lower permeability, so more "
      "durable concrete"],
     "Less water per bag of cement means stronger, less permeable concrete.", False),
    ("How does the decision threshold affect precision and recall?",
     ["Raising the decision threshold increases precision and decreases recall"],
     "When you raise the threshold, recall goes up and precision goes down.", True),
    ("How does the decision threshold affect precision and recall?",
     ["Raising the decision threshold increases precision and decreases recall"],
     "If you raise the threshold, precision goes up and recall goes down.", False),
    ("When do you escalate a falling coma score?",
     ["A drop of 2 or more points, or any fall in the motor score, is escalated urgently"],
     "A drop of two points, or any drop in motor, gets escalated straight away.", False),
    ("How do FIFO and LIFO affect cost of goods sold when prices rise?",
     ["LIFO gives higher cost of goods sold when prices rise"],
     "Rising prices: FIFO → lower COGS, higher net income.", False),
]


@pytest.mark.parametrize(("question", "points", "answer", "wrong"), TIE)
def test_a_tie_between_two_quantities_is_reversed_only_when_one_side_turns(
        question, points, answer, wrong) -> None:
    assert bool(_wrong_claims(question, points, answer)) is wrong


def test_neither_nor_denies_what_follows_not_the_things_it_names() -> None:
    assert not _wrong_claims(
        "What happens if you change a HashMap key after inserting it?",
        ["Changing a field that feeds hashCode after the key is inserted leaves the entry under "
         "its old hash, so it can no longer be found"],
        "Neither the old key nor the changed object can reach the entry, since it sits in the "
        "bucket for the first hash.")


MIGRATIONS_QUESTION = "How would you roll out schema migrations on a busy web app?"


@pytest.mark.parametrize(("point", "sentence", "contradicts"), [
    # "manual" is said of the scripts on the far side of "against", not of the handling
    ("ORMs such as Django and Rails offer built-in migration handling that should be tested "
     "against manual SQL scripts.",
     "Second, I'd try Django, whose migration framework handles this automatically, alongside "
     "Rails' own tooling.", False),
    ("Schema changes should be applied with manual scripts reviewed by a second engineer.",
     "Schema changes get applied automatically by the deploy, reviewed later by nobody in "
     "particular.", True),
])
def test_a_qualifier_is_not_said_across_a_word_that_sets_two_things_apart(
        point: str, sentence: str, contradicts: bool) -> None:
    found = _contradicts_asked(MIGRATIONS_QUESTION, point, sentence, loose=True)
    assert bool(found) is contradicts, found


ACCOUNT_QUESTION = ("You take over a large hospital group that buys one of our products for a "
                    "single site. How do you plan to grow the account?")
ACCOUNT_POINTS = [
    "Map the stakeholders and relationships in each site, including who controls budget.",
    "Find the group's strategic priorities from annual reports and leadership statements.",
    "Build a plan with specific expansion targets and a timeline, reviewed with the customer."]


@pytest.mark.parametrize(("answer", "kinds"), [
    # what the mapping looks for: a gap to find, not relationships refused
    ("First I'd read the annual report to learn what leadership cares about. Then I'd walk "
     "their org chart to see who controls budget at each site and where we have no "
     "relationships yet, and build a plan with targets and dates that I review with them.", []),
    ("I'd skip mapping; relationships don't need to be mapped when the product sells itself. "
     "I'd read the annual report and then build a plan with targets and dates.", ["dismissal"]),
])
def test_a_negation_in_what_is_looked_for_denies_nothing(answer: str, kinds: list[str]) -> None:
    grade = grade_answer(GradingInput(ACCOUNT_QUESTION, "technical", ACCOUNT_POINTS, answer,
                                      (40, 220)))
    assert [w["kind"] for w in grade.wrong_claims] == kinds, grade.wrong_claims


@pytest.mark.parametrize(("sentence", "contradicts"), [
    # asserts what the point's first part denies; the condition is in its second part
    ("A confidence interval from one study means there's a 95% chance the true mean is "
     "inside it.", True),
    ("A confidence interval comes from a method that captures the true mean in 95% of "
     "repeated samples.", False),
])
def test_a_condition_holds_only_in_its_own_part_of_a_point(sentence: str,
                                                           contradicts: bool) -> None:
    point = claims.read_statement(
        "A confidence interval from one study is not a 95% chance that the true mean lies "
        "inside it; it is the share of such intervals that would contain it if the sampling "
        "were repeated.")
    found = claims.contradicts(point, claims.read_statement(sentence))
    assert bool(found) is contradicts, found


SHREDDING_QUESTION = ("What's the difference between archiving a customer file and shredding "
                      "it, and which would you do to keep a closed account's history?")


@pytest.mark.parametrize(("sentence", "contradicts"), [
    # a condition that picks one of the two things the question contrasts is a condition
    ("If the file is shredded, the auditor never opens it, so they never read its history, "
     "and the gap stays open.", False),
    ("When the file gets shredded, the auditor can't open it, so they never read its "
     "history.", False),
    ("An auditor must be able to open a shredded file to read its history, so the file must "
     "not also be archived.", True),
])
def test_a_condition_naming_one_of_two_contrasted_things_is_no_setting(
        sentence: str, contradicts: bool) -> None:
    point = ("An auditor must be able to open a file to read its history, so the file must "
             "not also be shredded.")
    found = _contradicts_asked(SHREDDING_QUESTION, point, sentence)
    assert bool(found) is contradicts, found


CRAWL_QUESTION = ("How does disallowing a URL in robots.txt differ from a noindex directive, "
                  "and which one takes the URL out of search?")


@pytest.mark.parametrize(("sentence", "kind"), [
    # read clause by clause, the words stay with the thing the point ties them to
    ("When robots.txt disallows the URL, the crawler can't fetch it, so it never finds the "
     "noindex, and the URL may stay in search.", None),
    ("The crawler has to fetch robots.txt to find the URL, so the noindex must not also be "
     "disallowed.", "swap"),
])
def test_a_thing_named_at_the_end_of_its_clause_keeps_what_the_clause_says(
        sentence: str, kind: str | None) -> None:
    point = ("The crawler has to fetch the URL to find the noindex, so the URL must not also "
             "be disallowed in robots.txt.")
    found = _contradicts_asked(CRAWL_QUESTION, point, sentence)
    assert (found.kind if found else None) == kind, found


def test_what_a_point_sets_aside_for_its_subject_may_serve_another() -> None:
    """Self-checkout is staffed from targets "rather than the queueing formula"; the formula
    sizing the staffed tills says nothing against that."""
    question = "How do you decide how many cashiers to schedule in a supermarket?"
    point = ("Self-checkout lanes are usually staffed from the machine count and wait-time "
             "targets rather than the queueing formula.")
    sentence = ("The queueing formula takes arrivals, service time and a wait-time target, and "
                "for a Saturday it gives about nine staffed tills.")
    assert _contradicts_asked(question, point, sentence) is None


def test_a_point_naming_expansion_and_contraction_is_not_flipped_by_an_increase() -> None:
    point = claims.read_statement("Net retained revenue adds expansion from upgrades and "
                                  "subtracts contraction from downgrades.")
    sentence = claims.read_statement("Net retained revenue adds upgrades and price increases, "
                                     "and subtracts downgrades and cancellations.")
    assert claims.contradicts(point, sentence) is None


def test_an_instruction_to_do_without_what_a_point_puts_off_agrees_with_it() -> None:
    points = ["First get the most from the existing oven by running it through breaks and "
              "cutting changeovers, before buying a second oven.",
              "Then make every other station follow the oven's pace."]
    question = "A bakery's oven limits its output. How would you raise throughput?"
    assert not _wrong_claims(question, points, "First, squeeze the oven without buying a second "
                                               "oven: run it through breaks and cut its "
                                               "changeovers.")


CONSOLIDATION_QUESTION = ("A parent sells goods to its subsidiary at a markup and some are "
                          "unsold at year end. What do you eliminate on consolidation?")


@pytest.mark.parametrize(("sentence", "contradicts"), [
    # "entirely" qualifies the removal, not the cost: it ties "cost" to nothing of the point
    ("You remove the intercompany revenue and cost of sales entirely, then strip the markup "
     "from stock the subsidiary still holds.", False),
    ("The entire unrealized cost elimination is charged to the parent's owners.", True),
])
def test_a_word_of_totality_ties_no_opposite_to_the_point(sentence: str,
                                                          contradicts: bool) -> None:
    point = ("For a sale down to the subsidiary, the entire unrealized profit elimination is "
             "charged to the parent's owners.")
    found = _contradicts_asked(CONSOLIDATION_QUESTION, point, sentence, loose=True)
    assert bool(found) is contradicts, found


@pytest.mark.parametrize(("sentence", "contradicts"), [
    # reducing income is what an expense does
    ("A prepaid cost is an asset, meaning cash that leaves before it reduces book income.",
     False),
    ("A prepaid cost becomes an asset where the cash payment comes before the book income.",
     True),
])
def test_an_opposite_a_decreasing_verb_acts_on_says_what_the_point_says(
        sentence: str, contradicts: bool) -> None:
    point = claims.read_statement("A prepaid cost becomes an asset where the cash payment comes "
                                  "before the book expense.")
    assert bool(claims.contradicts(point, claims.read_statement(sentence))) is contradicts


@pytest.mark.parametrize(("sentence", "contradicts"), [
    # a suspected cause named is what the point's remedy avoids
    ("The usual suspect is a shared mutable cache.", False),
    ("The culprit is almost always a shared mutable cache.", False),
    ("A shared mutable cache is the safe choice.", True),
])
def test_a_suspected_cause_is_what_the_point_says_to_avoid(sentence: str,
                                                          contradicts: bool) -> None:
    point = claims.read_statement("Using an immutable cache, rebuilt on each deploy, avoids the "
                                  "stale reads.")
    assert bool(claims.contradicts(point, claims.read_statement(sentence))) is contradicts


def test_a_suspected_cause_agrees_with_a_point_that_describes_the_cause() -> None:
    point = claims.read_statement("The class overrides equals but not hashCode, so equal keys "
                                  "land in different buckets.")
    sentence = claims.read_statement("The first suspect is a class that overrides equals "
                                     "without overriding hashCode.")
    assert claims.contradicts(point, sentence) is None


def test_a_clause_opening_on_its_negation_takes_the_subject_before_it() -> None:
    """"... isn't a single atomic step, and the default level, READ COMMITTED, won't prevent
    it": both denials are said of other things than the point's single statement."""
    points = ["Doing the change as a single atomic statement, such as UPDATE ... SET stock = "
              "stock - 1, removes the race.",
              "Row locks with SELECT ... FOR UPDATE are the other way to serialise the change."]
    question = "Two requests decrement the same stock row and one update is lost. Why?"
    answer = ("Reading, subtracting and writing back isn't a single atomic step, and the "
              "default isolation level, READ COMMITTED, won't prevent it. Lock the row with "
              "SELECT ... FOR UPDATE first.")
    assert not _wrong_claims(question, points, answer)


def test_a_negation_in_a_relative_clause_says_which_things_not_what_is_denied() -> None:
    question = "What is an inventory write-down, and how do you record it?"
    points = ["A write-down is a loss that reduces inventory to the amount the company expects "
              "to recover.",
              "It is recorded as an expense in the period the loss is found."]
    assert not _wrong_claims(question, points, "It's a loss that reduces inventory for amounts "
                                               "we don't expect to recover.")
    assert _wrong_claims(question, points, "A write-down never reduces inventory; the company "
                                           "expects to recover all of it.")


@pytest.mark.parametrize(("sentence", "contradicts"), [
    # advice in other words ("the fastest way ... is to") against advice
    ("The quickest way to close the month is to post the accrual straight away, before the "
     "invoice arrives.", True),
    # a description of what happened is no advice against advice
    ("Last year the accrual was posted straight away, before the invoice arrived.", False),
])
def test_the_quickest_way_is_advice_that_answers_advice(sentence: str, contradicts: bool) -> None:
    point = claims.read_statement("Avoid posting the accrual straight away; wait for the "
                                  "goods received note.")
    assert bool(claims.contradicts(point, claims.read_statement(sentence))) is contradicts


def test_an_opposite_word_another_point_denies_things_of_is_not_said_by_that_point() -> None:
    """"Permanent contracts never give rise to a payment" does not say what "payments come
    from permanent contracts" says, though both name permanent contracts: the sentence
    contradicts the point about temporary ones."""
    from mock_interview.domain.grading import reading
    from mock_interview.domain.grading import text as tx

    question = "Where do retention bonuses come from?"
    points = [claims.read_statement(p) for p in (
        "Retention bonuses come from temporary contracts that are extended past a year.",
        "Permanent contracts signed through an agency never give rise to a retention bonus.")]
    found = claims.Contradiction("antonym", "temporari / perman (contract)", "perman")
    stems = frozenset(tx.content_stems(question))
    wrong = claims.read_statement("Retention bonuses come from permanent contracts signed "
                                  "through an agency.")
    assert not reading._said_by_another(found, points, 0, wrong, stems)
    # the other point's own claim, repeated, is said by it
    said = claims.read_statement("Permanent contracts signed through an agency never give "
                                 "rise to a bonus.")
    assert reading._said_by_another(found, points, 0, said, stems)


def test_setting_a_figures_unit_aside_does_not_deny_the_amount() -> None:
    """"per kilogram rather than millilitres" chooses how to write a feed; it says nothing
    against "a feed of at least 60 millilitres"."""
    from mock_interview.domain.grading import coverage as cov
    from mock_interview.domain.grading import reading
    from mock_interview.domain.grading import text as tx

    question = "How do you set up a feeding plan so a small newborn gains weight?"
    point = ("A feed for a small newborn is usually at least 60 millilitres, and the baby must "
             "keep gaining weight as feeds grow, so volumes are set in relative units such as "
             "millilitres per kilogram.")
    reference = cov.prepare_reference(question, (point,))
    points = [claims.read_statement(point)]
    said = ("I specify it per kilogram rather than millilitres so a baby who has grown since "
            "birth is fed enough.")
    found = reading._denials(reference, points, [claims.read_statement(said)], [0],
                             reference.question_stems, cov.DEFAULT_TUNING)
    assert not found, found
    # the unit is the word after the figure, and only that
    assert reading._figure_units(points[0]) == {tx.stem("millilitres")}


# ---- correct answers that read like contradictions ------------------------------------------

READ_AS_MEANT = [
    # a pro-form subject saying what another point says (bookkeeping)
    ("At month end the bank reconciliation is off by $18,450, with the bank balance higher "
     "than the ledger. The reconciliation lists several outstanding cheques and one deposit "
     "in transit. How do you work it?",
     ["Adjust the bank side: bank balance plus deposits in transit minus outstanding cheques; "
      "these timing items need no journal entries.",
      "Adjust the book side for items on the statement not yet recorded, such as direct "
      "customer receipts, interest or bank fees, which are the only items that need journal "
      "entries."],
     "Deposits in transit and outstanding cheques go on the bank side, so no entries. Since "
     "the bank's higher, my first guess is a customer transfer that never got applied, or "
     "interest income. Those do need journal entries."),
    # an absence the point itself names ("missing indexes") (software)
    ("How do you find out why a database got slow after a release?",
     ["Roll back first, then root-cause afterwards by diffing the release and checking slow "
      "query logs and EXPLAIN plans for new queries, missing indexes, or N+1 patterns."],
     "Database CPU pinned at 95% smells like a new query without an index or an N+1 loop, so "
     "I'd run EXPLAIN on anything new."),
    # a case falling short of an order given as an imperative (data)
    ("The test was planned for 14 days and the PM wants to stop after 5. What do you say?",
     ["Run to the pre-planned duration, covering full weekly cycles to capture day-of-week "
      "effects."],
     "Five days also doesn't cover a full week, and weekend behaviour is often different."),
    # an anti-retaliation rule agrees with "retaliation is prohibited" (HR)
    ("How do you handle a harassment complaint?",
     ["Explain and enforce the anti-retaliation policy, and document the findings."],
     "I'd make clear that retaliation of any kind is prohibited and write up what we find."),
    # a clause opened by "after" orders nothing against the step before it (compliance)
    ("What do you do when you find a bribe was paid?",
     ["Take interim steps such as halting payments to any intermediary involved, and after "
      "the investigation discipline those responsible and strengthen controls."],
     "Remediation starts now, by stopping pending payments to the intermediary, and later "
     "includes discipline for those responsible and stronger controls."),
    # a sentence preferring what the point prefers, in two clauses (security)
    ("How do you apply least privilege?",
     ["Grant permissions to roles based on job function rather than to individuals ad hoc."],
     "Rather than granting permissions person by person, I define roles around job functions "
     "and attach permissions to the role."),
    # a verdict on what the point sets aside (marketing)
    ("How do you judge whether a display campaign worked?",
     ["Judge the campaign on cost per acquisition or return on ad spend rather than "
      "click-through rate, which is only a proxy."],
     "I'd reset the scorecard around cost per acquisition; click-through rate is a vanity "
     "number here."),
    # a check for what the point's example names (data)
    ("How would you check a churn model before it goes live?",
     ["Check for leakage and train-serving mismatch, such as features not available at "
      "prediction time."],
     "So a time-based split and a check on feature availability at prediction time."),
    # two things told apart (sales)
    ("What does a champion do in an enterprise deal?",
     ["The economic buyer is the person with final authority over the budget, and a champion "
      "sells on your behalf inside the account."],
     "A champion isn't the same as the economic buyer; the champion sells for you inside the "
     "account."),
]


def test_telling_two_things_apart_beside_a_denial_still_denies() -> None:
    # "slow isn't the same as down" tells two apart; "I wouldn't bother declaring an
    # incident" still waves away what the point says is done.
    claims_found = _wrong_claims(
        "How would you respond to a latency spike on the checkout service?",
        ["Declare an incident and communicate to stakeholders with a status page update."],
        "I wouldn't bother declaring an incident unless errors go up, since slow isn't the "
        "same as down.")
    assert [c["kind"] for c in claims_found] == ["negation"]


@pytest.mark.parametrize(("question", "points", "answer"), READ_AS_MEANT)
def test_correct_answers_that_read_like_contradictions_are_not_wrong_claims(
        question: str, points: list[str], answer: str) -> None:
    assert _wrong_claims(question, points, answer) == []


def test_the_thing_the_point_names_for_the_other_of_two_is_not_said_of_the_first() -> None:
    # "..., whereas L2 shrinks them but rarely makes them exactly zero": a sentence about L1
    # alone ("some coefficients are exactly zero") says nothing of what L2 rarely does.
    found = _wrong_claims(
        "What's the difference between L1 and L2 regularization?",
        ["L1 can push coefficients exactly to zero, so it selects features, whereas L2 shrinks "
         "coefficients toward zero but rarely makes them exactly zero."],
        "The L1 penalty region has corners on the axes, so the solution often lands where some "
        "coefficients are exactly zero, which makes lasso a feature selector.")
    assert found == []


def test_alone_qualifies_and_claims_nothing() -> None:
    from mock_interview.domain.grading import reading
    from mock_interview.domain.grading import text as tx

    question = "Explain what a database index is and the trade-offs of adding one."
    point = ("For a composite index, column order matters: an index on (a, b) supports "
             "filtering on a or on a and b, but generally not on b alone (the leftmost-prefix "
             "rule).")
    sentence = ("Composite indexes follow the leftmost-prefix rule, so an index on (region, "
                "created_at) serves region alone or region plus date, but a query on created_at "
                "alone generally can't use it efficiently.")
    assert reading._contradiction(claims.read_statement(point), claims.read_statement(sentence),
                                  frozenset(tx.content_stems(question)), question,
                                  point_text=point) is None
