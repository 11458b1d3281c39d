"""Scores follow correctness, not vocabulary: floors, wrong claims, follow-up rubrics, STAR
parts, and the `grade` command. Fixtures are written here; no benchmark data is used."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mock_interview.cli.app import app
from mock_interview.domain.grading import GradingInput, claims, follow_up_rubric, grade_answer

DEFAULTS_Q = "Why is a mutable default argument a problem in Python?"
DEFAULTS_KP = [
    "Default values are evaluated once, when the function is defined, not on every call",
    "A mutable default such as a list is shared by every call, so changes persist",
    "The fix is to default to None and create a new list inside the function",
]
DEFAULTS_MISCONCEPTIONS = ["Python creates a fresh copy of the default list on every call"]
DEFAULTS_GOOD = ("Default values are evaluated once, when the def statement runs, so one list "
                 "object is shared by every call and appends pile up between calls. The usual "
                 "fix is to default to None and build a new list inside the function.")
DEFAULTS_THIN = "The default list is created once and then shared by every call."
DEFAULTS_WRONG = ("Python creates a fresh copy of the default list on every call, so each call "
                  "starts clean and nothing is shared between calls. That is why a list default "
                  "is safe and you never need None as a default in Python functions.")


def grade(answer: str, points: list[str] = DEFAULTS_KP, question: str = DEFAULTS_Q,
          misconceptions: tuple[str, ...] = (), kind: str = "technical", **extra):
    return grade_answer(GradingInput(question, kind, points, answer,
                                     misconceptions=list(misconceptions), **extra))


@pytest.mark.parametrize("answer", [
    "asdf qwerty lorem ipsum blah blah",
    "I don't know, I can't think of one right now.",
    "I would rather not answer this one.",
    "I'd have to look that up.",
    "skip",
    "Pass on this one, sorry.",
    "yeah yeah so basically yeah",
    "That's a great question, it really depends on the situation.",
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
    "",
])
def test_non_answers_in_any_phrasing_score_at_most_20(answer: str) -> None:
    result = grade(answer)
    assert result.overall <= 20 and result.technical <= 20, (answer, result.flags)


@pytest.mark.parametrize("question, point, answer", [
    # Worded apart from the point (nothing covered), yet each is an answer, not a dodge.
    ("Why would a function receive a pointer to a pointer?", "To modify the caller's variable itself",
     "You have to pass the head pointer since the function needs access to the entire list."),
    ("What is a skip list?", "A layered ordered structure with express lanes for O(log n) search",
     "Skip lists keep extra forward links on several levels above a sorted linked list."),
    ("How do you avoid leaking a mutex?", "Acquire it in a scope guard so unlocking happens automatically",
     "Don't forget to unlock in a finally block even when an exception is thrown."),
    ("What does a p-value tell you?", "The probability of observing results this extreme assuming no effect",
     "Not sure, but it tells you how surprising your sample would be under the null hypothesis."),
])
def test_a_short_answer_that_uses_a_dodge_word_is_still_read(question, point, answer) -> None:
    result = grade(answer, points=[point], question=question)
    assert "dont-know" not in result.flags and result.technical > 20, (answer, result.flags)


@pytest.mark.parametrize("answer, is_list", [
    ("triage, SBAR handover, He initialization, early warning score, escalation", True),
    ("user story, As a user I want so that, acceptance criteria, Given When Then, INVEST", True),
    ("Use indexes, avoid N+1 queries, cache results", True),
    ("The key is caching, indexing, and batching writes.", False),
    ("First I triage. Then I escalate, document, and follow up.", False),
])
def test_a_keyword_list_is_known_by_its_items_not_one_odd_word(answer, is_list) -> None:
    from mock_interview.domain.grading import floors

    assert floors.is_keyword_list(answer) is is_list


def test_a_bare_keyword_list_never_beats_a_short_correct_answer() -> None:
    keywords = grade("mutable, default, list, shared, None, evaluated once")
    thin = grade(DEFAULTS_THIN)
    assert "keyword-list" in keywords.flags
    assert keywords.overall < thin.overall and keywords.technical < thin.technical
    assert keywords.communication <= 20
    # A list states no fact, however many of the rubric's words it names: it stays below the
    # top of the fluent-but-wrong band, so a short right answer marked down for one wrong
    # claim still outranks it.
    every_word = grade("defaults evaluated once, function defined, mutable list shared, every "
                       "call, changes persist, None default, new list inside function")
    assert "keyword-list" in every_word.flags and every_word.overall < 45, every_word.overall


TURNOVER = ("How do you calculate inventory turnover?", [
    "Cost of goods sold divided by average inventory",
    "Average inventory is opening plus closing inventory divided by two",
    "A higher turnover means stock sells through faster",
])


def test_an_answer_in_the_subjects_words_outscores_the_same_point_padded() -> None:
    """The same point made, once plainly and once inside talk about something else: the
    plain one says more of the subject per word, up to where a thin answer meets an
    excellent one."""
    question, points = TURNOVER
    plain = grade_answer(GradingInput(question, "technical", points,
                                      "Higher turnover means the stock sells through faster."))
    padded = grade_answer(GradingInput(
        question, "technical", points,
        "Honestly, at my old job in a busy family garden centre near the coast, higher turnover "
        "meant the stock sold through faster, which our friendly owner loved mentioning over "
        "lunch on sunny Fridays."))
    assert plain.covered_points == padded.covered_points
    assert padded.technical < plain.technical <= 80


def test_a_wrong_claim_without_misconceptions_is_named_and_capped() -> None:
    result = grade("Python makes a fresh list on every call, so it is safe",
                   points=["Defaults are evaluated once, at definition"])
    assert result.wrong_claims and "every call" in result.wrong_claims[0]["quote"]
    assert result.technical <= 45 and result.overall <= 45
    assert any(w.startswith("Wrong:") for w in result.weaknesses)


def test_a_known_misconception_beats_vocabulary() -> None:
    wrong = grade(DEFAULTS_WRONG, misconceptions=tuple(DEFAULTS_MISCONCEPTIONS))
    thin = grade(DEFAULTS_THIN, misconceptions=tuple(DEFAULTS_MISCONCEPTIONS))
    good = grade(DEFAULTS_GOOD, misconceptions=tuple(DEFAULTS_MISCONCEPTIONS))
    assert DEFAULTS_MISCONCEPTIONS[0] in [w["misconception"] for w in wrong.wrong_claims]
    assert wrong.technical <= 45 < thin.technical < good.technical
    assert not good.wrong_claims and good.technical >= 80


def test_denying_a_misconception_is_not_asserting_it() -> None:
    answer = ("Python does not create a fresh copy of the default list on every call: the default "
              "is evaluated once and shared by every call.")
    result = grade(answer, misconceptions=tuple(DEFAULTS_MISCONCEPTIONS))
    assert not result.wrong_claims


@pytest.mark.parametrize(("point", "sentence", "question"), [
    ("Kanban has no fixed sprints; work flows continuously",
     "Kanban plans work in fixed two-week sprints.", "How does Kanban plan work?"),
    ("robots.txt blocks crawling but does not remove a page from the index",
     "robots.txt is the strongest way to remove a page from the index.",
     "How do you keep a page out of search results?"),
    ("agg collapses each group to one row while transform keeps every row",
     "agg keeps the rows and transform collapses each group.",
     "What is the difference between agg and transform in pandas?"),
    ("Lists are mutable while tuples are immutable",
     "Lists are immutable but tuples can be changed.",
     "How does a list differ from a tuple?"),
    ("Peripheral potassium chloride infusions are limited to about 10 mmol per hour",
     "Peripheral potassium chloride infusions can safely run at 40 mmol per hour.",
     "How do you give IV potassium safely?"),
    # The point names both sides of a pair; the sentence flips the one said of latency.
    ("More servers give lower latency under load and higher hosting cost.",
     "More servers give higher latency under load, because each request hops further.",
     "How does adding servers behind a load balancer affect latency and cost?"),
    # "Avoid X" denies X; one's own practice answers advice.
    ("Avoid discounting immediately, because it erodes margin.",
     "I discount immediately to keep the deal moving.",
     "How do you handle a price objection?"),
    # The question's subject called what the point, speaking of "it", says it is not; a
    # condition after a colon governs only its own part (building control).
    ("It is guidance rather than a regulation: an inspector may accept another route if the "
     "result is equivalent.",
     "An approved document is a regulation that every inspector enforces to the letter.",
     "What is an approved document in building control?"),
    # A pro-form standing for the point's subject (a car loan).
    ("The deposit and the monthly payments add up exactly to the purchase price.",
     "The two usually don't add up to the purchase price.",
     "How is a car loan paid off?"),
    # One of two acts in one clause, denied on its own (a kitchen's cold chain).
    ("The kitchen logs fridge temperatures and discards food held above 8C for four hours.",
     "Fridge temperatures aren't logged.",
     "How does a kitchen keep chilled food safe?"),
])
def test_contradictions_by_negation_antonym_and_swapped_roles(point: str, sentence: str,
                                                              question: str) -> None:
    from mock_interview.domain.grading import text as tx

    anchors = frozenset(tx.content_stems(question))
    found = claims.contradicts(claims.read_statement(point), claims.read_statement(sentence),
                               anchors, question=question)
    assert found is not None


@pytest.mark.parametrize(("point", "sentence", "question"), [
    ("agg collapses each group to one row while transform keeps every row",
     "transform keeps every row, and agg collapses each group to a single row.",
     "What is the difference between agg and transform in pandas?"),
    ("Lists are mutable while tuples are immutable",
     "Tuples are immutable and lists are mutable.", "How does a list differ from a tuple?"),
    ("Infusion rates are limited to about 10 mmol per hour",
     "The rate is usually no faster than 10 mmol per hour.", "How fast can potassium run?"),
    ("A three-year $300,000 deal has a total contract value of $300,000",
     "So a three-year deal at $300k has a TCV of $300k.", "What is TCV?"),
    ("It ensures no single person can both commit and conceal an error",
     "No single person should be able to both make an error and commit it unseen.",
     "Why separate duties?"),
    ("More servers give lower latency under load and higher hosting cost.",
     "With more servers you get lower latency under load, though hosting costs are higher.",
     "How does adding servers behind a load balancer affect latency and cost?"),
    # About the other of the two things the question contrasts, not a contradiction.
    ("Optimistic locking suits workloads where conflicts are rare",
     "Pessimistic locking suits workloads where conflicts are frequent.",
     "What is the difference between optimistic and pessimistic locking?"),
    # A word that names which kind of thing is meant does not flip a claim about it.
    ("Quantitative usability studies need larger samples, often 20 or more.",
     "For a qualitative usability study, five participants per round is usually enough.",
     "How many participants does a usability study need?"),
    # An opposite word about another thing: the point's subject is not in the sentence.
    ("The staging database includes a copy of production data.",
     "Our test fixtures exclude production data, so they are safe to share.",
     "How do you handle data across environments?"),
    # An abbreviation keeps its own word: "FIFO" is not "LIFO" though both expand to "first".
    ("FIFO gives lower cost of goods sold when prices rise.",
     "LIFO gives higher cost of goods sold, because the newest costs go out first.",
     "How do FIFO and LIFO differ when prices rise?"),
    # saying it is not what the point sets aside agrees (building control)
    ("It is guidance rather than a regulation: an inspector may accept another route if the "
     "result is equivalent.",
     "An approved document is guidance, not a regulation.",
     "What is an approved document in building control?"),
    # "no sending reputation" denies the reputation, not the sending (email deliverability).
    ("A new mail domain has no sending reputation yet.",
     "For a new mail domain I'd begin sending to the most engaged readers.",
     "How do you move a newsletter to another mail domain?"),
    # None at all is as few as can be (plant maintenance).
    ("A working maintenance plan shows fewer packing line faults.",
     "The maintenance plan showed no recurring packing line faults.",
     "How do you show a maintenance plan worked?"),
])
def test_agreeing_sentences_are_not_contradictions(point: str, sentence: str, question: str) -> None:
    from mock_interview.domain.grading import text as tx

    anchors = frozenset(tx.content_stems(question))
    assert claims.contradicts(claims.read_statement(point), claims.read_statement(sentence),
                              anchors, question=question) is None


def test_a_cliche_does_not_cover_a_point() -> None:
    points = ["Shows reliability with an example of a commitment kept under pressure"]
    cliche = grade("My team would say I am reliable.", points=points,
                   question="How would your team describe you?", kind="behavioral")
    assert not cliche.covered_points


def test_terse_correct_notation_is_not_gibberish() -> None:
    result = grade("nonconst -> const is allowed, const -> nonconst is not",
                   points=["A non-const pointer converts to a const pointer, not the reverse"],
                   question="Which pointer conversions between const and non-const are allowed?")
    assert "gibberish" not in result.flags and result.technical > 20


def test_star_task_in_natural_phrasing_is_found() -> None:
    story = ("Last year our release pipeline kept failing. As the tech lead I had to make sure we "
             "shipped on time, so I split the build and added caching. As a result builds went "
             "from 40 to 12 minutes.")
    result = grade(story, points=["Describes the situation", "States the result"],
                   question="Tell me about a time you fixed a process.", kind="behavioral",
                   star=True)
    assert result.star_parts["task"] and result.follow_up_reason != "missing-star:task"
    for phrasing in ("My job was to keep the ward safe.", "I was responsible for the audit.",
                     "My task as tech lead was to unblock the team.",
                     "My responsibility, as the only accountant on site, was the month-end close.",
                     "My own part was to rewrite the onboarding emails."):
        assert grade(phrasing, kind="behavioral", star=True).star_parts["task"], phrasing


@pytest.mark.parametrize(("sentence", "part"), [
    ("After the audit we re-routed the night deliveries through the east dock.", "action"),
    ("Our clinic director wanted the rota changed within a week.", "situation"),
    ("I costed both options, which won the renewal for another year.", "result"),
    ("I laid out the cost of each option and the board approved the second.", "result"),
])
def test_star_parts_in_plain_story_phrasing_are_found(sentence: str, part: str) -> None:
    assert grade(sentence, kind="behavioral", star=True).star_parts[part], sentence


def test_a_follow_up_is_graded_on_what_it_asked_and_never_off_topic() -> None:
    parent = ("At my last job our support queue doubled in a month. I was responsible for the "
              "triage rota, so I set up a tagging scheme and paired new agents with seniors.")
    points, part = follow_up_rubric("missing-star:result", [], ["Describes the queue problem"])
    assert part == "result"
    outcome = ("Waiting times fell from two days to six hours within three weeks, and CSAT went "
               "from 78 to 91 percent, so the rota became the standard.")
    result = grade_answer(GradingInput("What was the outcome?", "follow-up", points, outcome,
                                       context_answer=parent, star_part=part))
    assert "off-topic" not in result.flags
    assert result.technical >= 60, result
    dodge = grade_answer(GradingInput("What was the outcome?", "follow-up", points,
                                      "I don't know.", context_answer=parent, star_part=part))
    assert dodge.overall <= 20


def test_a_written_follow_up_is_graded_on_the_point_it_asks_about() -> None:
    """A question's own follow-up asks about one of its points: that point is the rubric, not
    whichever point the first answer happened to miss first; an open probe keeps the missed ones."""
    points = ["A sample is wasted when the tube is drawn in the wrong order of draw",
              "EDTA carry-over from a lavender tube falsely raises potassium and lowers calcium",
              "Blood cultures are drawn first to keep them sterile"]
    asked, _ = follow_up_rubric(
        "missed-key-points", [points[0]], points,
        question="Why does drawing the lavender EDTA tube before the chemistry tube distort potassium?")
    assert asked == [points[1]]
    probe, _ = follow_up_rubric("missed-key-points", [points[0]], points,
                                question="Can you go deeper on that: what would you add?")
    assert probe == [points[0]]
    answer = ("EDTA is potassium EDTA, so carry-over into the next tube adds potassium and the EDTA "
              "binds calcium: you see a high potassium and a low calcium that are not real.")
    result = grade_answer(GradingInput("Why does the lavender tube before chemistry distort it?",
                                       "follow-up", asked, answer, context_answer="I follow the order."))
    assert result.technical >= 60 and not result.missed_points, result


INDEX_QUESTION = "How do database indexes speed up queries?"
INDEX_POINTS = [
    "An index is a sorted structure, usually a B-tree, that lets the database find rows without "
    "scanning the whole table",
    "Indexes slow down writes because every insert or update must also update each index",
    "A composite index helps only when the query filters on its leading column",
]
INDEX_PARENT = ("An index is like a sorted B-tree over the column, so the database can jump to the "
                "matching rows instead of scanning the whole table.")


def test_a_follow_up_finds_its_point_through_the_misconception_it_probes() -> None:
    """"Each loop restarts it" is the flip of "iterated once": a misconception lends its words to
    its point, and the parent question's words (the topic every point shares) tell nothing."""
    points = ["A generator produces values lazily, one at a time, on demand",
              "A generator can be iterated only once and is exhausted afterwards",
              "Generator expressions use parentheses, like list comprehensions with round brackets"]
    asked, _ = follow_up_rubric(
        "missed-key-points", points[1:], points,
        question="If two functions each loop over the same generator, what does the second loop restart from?",
        parent_question="What is a generator in Python?",
        misconceptions=["A generator can be iterated many times; each new loop restarts it"])
    assert asked == [points[1]]


def test_a_follow_up_earns_credit_for_what_it_adds_not_for_the_answer_it_follows() -> None:
    missed = INDEX_POINTS[1:]
    question = "What happens to your bulk inserts after you add five more of them?"

    def follow_up(answer: str) -> float:
        return grade_answer(GradingInput(question, "follow-up", missed, answer, (20, 120),
                                         context_answer=INDEX_PARENT)).technical

    right = follow_up("Every insert also has to update all five indexes, so the bulk load gets slower.")
    aside = follow_up("I like indexes, they are great for our reporting database.")
    # The open probe's rubric holds two points; the answer makes one of them fully.
    assert right >= 85
    assert aside <= right - 30


# ---- the grade command ------------------------------------------------------------------


def test_grade_one_answer_names_the_wrong_claim(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, [
        "grade", "--question", "Why is a mutable default argument a problem in Python?",
        "--key-point", "Defaults are evaluated once, at definition",
        "--answer", "Python makes a fresh list on every call, so it is safe", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["technical"] <= 45 and data["overall"] <= 45
    assert data["wrong_claims"][0]["quote"] == "Python makes a fresh list on every call, so it is safe"


def test_grade_a_file_keeps_order_reports_bad_items_and_exits_1(tmp_path: Path) -> None:
    source = tmp_path / "items.jsonl"
    lines = [
        {"id": "a", "question": DEFAULTS_Q, "key_points": DEFAULTS_KP, "answer": DEFAULTS_GOOD},
        "{not json",
        {"id": "c", "question": DEFAULTS_Q, "reference": " ".join(DEFAULTS_KP), "answer": "idk"},
        {"id": "d", "question": DEFAULTS_Q, "answer": "no key points here"},
    ]
    source.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n")
    out = tmp_path / "grades.csv"
    result = CliRunner().invoke(app, ["grade", "--input", str(source), "--output", str(out)])
    assert result.exit_code == 1
    import csv

    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["id"] for r in rows] == ["a", "2", "c", "4"]
    assert float(rows[0]["technical"]) >= 80 and float(rows[2]["overall"]) <= 20
    assert rows[1]["error"] and rows[3]["error"]

    csv_in = tmp_path / "items.csv"
    with csv_in.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "question", "answer", "key_point_1",
                                                    "key_point_2"])
        writer.writeheader()
        writer.writerow({"id": "x", "question": DEFAULTS_Q, "answer": DEFAULTS_THIN,
                         "key_point_1": DEFAULTS_KP[0], "key_point_2": DEFAULTS_KP[2]})
    result = CliRunner().invoke(app, ["grade", "--input", str(csv_in)])
    assert result.exit_code == 0, result.output
    line = json.loads(result.stdout.splitlines()[0])
    assert line["id"] == "x" and 45 <= line["technical"] <= 90


def test_grade_without_question_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["grade", "--answer", "x"])
    assert result.exit_code == 2


def test_grade_with_the_model_keeps_the_floors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.llm_server import LLMServer

    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "MOCK_INTERVIEW_ENGINE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MOCK_INTERVIEW_HOME", str(tmp_path / "home"))
    source = tmp_path / "items.jsonl"
    source.write_text("\n".join(json.dumps(x) for x in [
        {"id": "good", "question": DEFAULTS_Q, "key_points": DEFAULTS_KP, "answer": DEFAULTS_GOOD},
        {"id": "none", "question": DEFAULTS_Q, "key_points": DEFAULTS_KP, "answer": "I don't know."},
    ]) + "\n")
    with LLMServer() as server:
        result = CliRunner().invoke(app, ["grade", "--input", str(source), "--engine", "openai",
                                          "--base-url", server.url, "--model", "test-model"])
        assert result.exit_code == 0, result.output
        lines = [json.loads(x) for x in result.stdout.splitlines()]
        assert lines[0]["feedback"]["engine"] == ["openai"]
        assert lines[0]["technical"] == 72.0  # the scripted model's grade
        assert lines[1]["overall"] <= 20 and len(server.calls("grade")) == 1  # never sent
    assert not list((tmp_path / "home").rglob("*.db"))  # nothing stored


# ---- follow-ups with a purpose ------------------------------------------------------------


def test_follow_ups_probe_what_the_answer_named_and_never_repeat() -> None:
    from mock_interview.domain.interview.follow_ups import word_follow_up

    story = "At the clinic I set up Epic order sets and we cut turnaround by 30% in two months."
    first = word_follow_up("missing-star:result", story)
    second = word_follow_up("missing-star:result", story, avoid=[first])
    third = word_follow_up("missing-star:result", story, avoid=[first, second])
    assert len({first, second, third}) == 3
    assert "Epic" in second
    probe = word_follow_up("missed-key-points", story, None)
    assert "30%" in probe
    assert word_follow_up("missed-key-points", story, "Why order sets?") == "Why order sets?"


def test_an_interview_never_asks_the_same_follow_up_twice(tmp_path: Path, monkeypatch) -> None:
    """Script mode through the real command: thin stories earn follow-ups, all worded apart."""
    monkeypatch.setenv("MOCK_INTERVIEW_HOME", str(tmp_path / "home"))
    resume = tmp_path / "cv.txt"
    resume.write_text(
        "Sam Rivera\nsam@example.com\n\nExperience\nBackend Developer, Harbor Freight Tech\n"
        "2021 - present\n- Cut checkout latency by 40% with Redis caching\n\nSkills\nPython, "
        "Django, PostgreSQL, Docker\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["upload", str(resume)]).exit_code == 0
    thin = "We had a problem with a release and it was fixed in the end."
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps([thin] * 20))
    result = runner.invoke(app, ["interview", "--type", "behavioral", "--questions", "5",
                                 "--answers", str(answers), "--json", "--seed", "3"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    asked = [q["question"] for q in data["questions"] if q.get("follow_up_of") is not None]
    assert len(asked) >= 2 and len(asked) == len(set(asked))


OUTAGE_Q = "Tell me about a time you handled a production outage."
OUTAGE_KP = [
    "I escalated to the on-call database engineer and opened an incident channel",
    "I gave stakeholders regular status updates until service was restored",
    "I wrote a blameless postmortem that found the root cause and assigned follow-up actions",
]
OUTAGE_THIN = ("When checkout went down I paged the on-call database engineer, posted updates "
               "every half hour, and afterwards wrote a blameless postmortem on the root cause.")
OUTAGE_WRONG = (
    "Last spring our checkout service went down for about four hours on a Friday evening, "
    "right in the middle of a big sale. I didn't want to bother anyone at home, so rather than "
    "paging the on-call database engineer I restarted servers myself for two hours. Support "
    "kept asking for news, but I only told them it was being looked at. Once it came back I "
    "closed the ticket, and I never wrote a postmortem or looked for the root cause, because "
    "the outage was already over. In the end the sale recovered about 80 percent of the "
    "expected revenue.")


def test_a_fluent_story_that_denies_the_key_actions_is_below_a_short_right_one() -> None:
    """The story's negated words state a key point ("rather than paging the on-call database
    engineer"): a wrong claim, so its polish does not carry it past a short correct story."""
    def story(answer: str):
        return grade(answer, OUTAGE_KP, OUTAGE_Q, kind="behavioral", star=True,
                     target_words=(100, 280))

    wrong, thin = story(OUTAGE_WRONG), story(OUTAGE_THIN)
    assert "wrong-claim" in wrong.flags
    assert any("on-call database engineer" in w["quote"] for w in wrong.wrong_claims)
    assert wrong.overall < thin.overall and wrong.overall <= 45
    assert not thin.wrong_claims


@pytest.mark.parametrize(("point", "answer"), [
    # The point itself warns against it: a sentence that denies it agrees.
    ("Placeholder text should not replace a visible label because it disappears as you type.",
     "I never use placeholder text as the label, since it disappears as soon as you type."),
    ("The main goal of an MVP is validated learning, not simply shipping a reduced release.",
     "An MVP exists to learn what customers value, not to ship a reduced release early."),
    # A synonym under a negation is too loose a denial ("count" ~ "size" ~ "length").
    ("The height is the length of the longest path from the root to a leaf.",
     "Each level is one generation, though some people do not count the root."),
])
def test_denials_that_agree_with_the_point_are_not_wrong_claims(point: str, answer: str) -> None:
    result = grade(answer, [point], "Explain this term.")
    assert not result.wrong_claims, result.wrong_claims


def test_abbreviations_keep_their_own_stem_beside_the_expansion() -> None:
    stems = claims.read_statement("FIFO and LIFO differ").stems
    assert {"fifo", "lifo"} <= stems and {"first", "last"} <= stems


SLA_Q = "What is the difference between an SLA and an OLA?"
SLA_KP = [
    "An SLA is the promise made to the customer about response and resolution times.",
    "An OLA is an internal agreement in which engineering commits to answer support "
    "escalations within a set time.",
]


@pytest.mark.parametrize("answer", [
    # The SLA is the object of the clause about the OLA: what follows is still said of the OLA.
    "An OLA is the internal promise between teams that makes the SLA workable, with engineering "
    "committing to answer urgent support escalations within an hour.",
    "An OLA is the internal agreement between our teams that lets us keep the SLA promise to the "
    "customer about response and resolution times.",
])
def test_a_thing_named_as_an_object_is_not_a_swap_of_roles(answer: str) -> None:
    result = grade(answer, SLA_KP, SLA_Q)
    assert not result.wrong_claims, result.wrong_claims


def test_a_definition_said_of_the_other_thing_is_still_a_swap() -> None:
    result = grade("An SLA is an internal agreement in which engineering commits to answer support "
                   "escalations within a set time.", SLA_KP, SLA_Q)
    assert "wrong-claim" in result.flags


# ---- relations: the right words in the wrong places -----------------------------------------

KITCHEN_Q = "How do you work out how many orders a kitchen can handle per hour?"
KITCHEN_KP = [
    "Orders in the kitchen equal the order rate times the average cook time.",
    "Cooking more orders at once lengthens the cook time of each one.",
]


@pytest.mark.parametrize("answer", [
    # The same formula rearranged: each term keeps its side of the product equation.
    "Average cook time is orders in the kitchen divided by the order rate, so twelve orders at "
    "six an hour means two hours.",
    "Orders in the kitchen = order rate × average cook time, which I check at every rush.",
])
def test_a_formula_rearranged_correctly_is_not_a_wrong_claim(answer: str) -> None:
    result = grade(answer, KITCHEN_KP, KITCHEN_Q)
    assert not result.wrong_claims, result.wrong_claims


def test_a_formula_with_a_term_moved_across_the_equals_sign_is_a_wrong_claim() -> None:
    wrong = grade("The average cook time equals the orders in the kitchen times the order rate, "
                  "so a busier kitchen cooks each dish for longer.", KITCHEN_KP, KITCHEN_Q)
    right = grade("The average cook time equals the orders in the kitchen divided by the order "
                  "rate, so a busier kitchen cooks each dish for longer.", KITCHEN_KP, KITCHEN_Q)
    assert [w["kind"] for w in wrong.wrong_claims] == ["swap"]
    assert KITCHEN_KP[0] in wrong.wrong_claims[0]["contradicts"]
    assert not right.wrong_claims and right.technical > wrong.technical


YIELD_Q = "How do you compute first-pass yield on a packing line?"
YIELD_KP = ["First-pass yield is good units divided by units started.",
            "Rework is counted as a failure even when the unit ships."]


@pytest.mark.parametrize("formula", ["units started divided by good units",
                                     "units started / good units"])
def test_a_ratio_with_numerator_and_denominator_swapped_is_a_wrong_claim(formula: str) -> None:
    wrong = grade(f"First-pass yield is {formula}, and rework still counts as a failure.",
                  YIELD_KP, YIELD_Q)
    right = grade("First-pass yield is good units / units started, and rework still counts as a "
                  "failure.", YIELD_KP, YIELD_Q)
    assert [w["kind"] for w in wrong.wrong_claims] == ["swap"]
    assert not right.wrong_claims


def test_a_slash_inside_a_name_is_not_a_division() -> None:
    from mock_interview.domain.grading import relations

    assert relations.formulas("The lift is conversions in the A/B test times the price.") != ()
    assert relations.formulas("Our setup is a CI/CD pipeline and on/off flags.") == ()


TRIE_Q = "How fast is looking up a word in a trie?"
TRIE_KP = ["Looking up a word takes O(k) steps, where k is the length of the word.",
           "The number of words stored does not change the lookup time."]


def test_another_complexity_class_for_the_same_thing_is_a_wrong_claim() -> None:
    wrong = grade("Looking up a word in a trie takes O(log n) steps because it halves the words "
                  "at each level.", TRIE_KP, TRIE_Q)
    right = grade("Looking up a word takes O(k) steps for a word of length k, whatever the number "
                  "of words stored.", TRIE_KP, TRIE_Q)
    assert [w["kind"] for w in wrong.wrong_claims] == ["number"]
    assert not right.wrong_claims and right.technical > wrong.technical


def test_a_complexity_said_of_another_case_is_not_a_wrong_claim() -> None:
    points = ["The worst case of quicksort is O(n^2), when the pivots are always extreme."]
    result = grade("The average case of quicksort is O(n log n) with random pivots.", points,
                   "What is the running time of quicksort?")
    assert not result.wrong_claims, result.wrong_claims


DILUTION_Q = "How do you dilute the concentrate for the cleaning solution?"
DILUTION_KP = ["Mix the concentrate with water at 1 to 4, one part concentrate to four parts "
               "water.", "Label the bottle with the date it was mixed."]


def test_a_ratio_read_backwards_is_a_wrong_claim() -> None:
    wrong = grade("I mix concentrate with water at 4 to 1 and label the bottle with the date.",
                  DILUTION_KP, DILUTION_Q)
    right = grade("I mix concentrate with water at 1:4 and label the bottle with the date.",
                  DILUTION_KP, DILUTION_Q)
    assert "wrong-claim" in wrong.flags and not right.wrong_claims


ROAST_Q = "What core temperatures do you cook roasts to?"
ROAST_KP = ["Cook to at least 74C for whole poultry and 63C for beef joints served pink.",
            "Rest the joint before carving."]


@pytest.mark.parametrize(("answer", "wrong"), [
    # the two figures traded between the things they are for
    ("I take it to 63C for whole poultry and 74C for beef joints served pink.", True),
    # the point's own figures, each for its own thing
    ("I go to 74C for whole poultry, 63C for beef joints served pink, and I rest the joint.",
     False),
    # another figure for something the point gives none for
    ("I go to 74C for whole poultry and 70C for pork.", False),
    # a value above the point's lower bound meets it; a lower bound of its own does not
    ("I go to about 80C for whole poultry.", False),
    ("I cook to at least 70C for whole poultry.", True),
])
def test_a_figure_given_for_another_thing_than_the_points_is_a_wrong_claim(
        answer: str, wrong: bool) -> None:
    result = grade(answer, ROAST_KP, ROAST_Q)
    assert any(w["kind"] == "number" for w in result.wrong_claims) == wrong, result.wrong_claims


def test_a_figure_for_the_same_thing_at_another_level_is_not_traded() -> None:
    # The second point gives its own figure for poultry in care homes: a sentence about the
    # general rule speaks of the first point's figure, not against the second's.
    points = ROAST_KP + ["Care homes serving frail residents hold to 80C for whole poultry."]
    result = grade("I take it to 74C for whole poultry, and 63C for beef joints served pink.",
                   points, ROAST_Q)
    assert not result.wrong_claims, result.wrong_claims


@pytest.mark.parametrize(("answer", "wrong"), [
    ("RICE stands for Revenue, Investment, Cost and Effort, and you rank by revenue.", True),
    ("RICE stands for reach, impact, confidence and effort; divide the first three by effort.",
     False),
    # another acronym spelled out is not this one's
    ("ICE stands for impact, confidence and ease, a lighter cousin.", False),
])
def test_an_acronym_spelled_out_in_other_words_is_a_wrong_claim(answer: str, wrong: bool) -> None:
    points = ["RICE stands for Reach, Impact, Confidence and Effort.",
              "The score is reach times impact times confidence, divided by effort."]
    result = grade(answer, points, "How does the RICE prioritisation framework work?")
    assert any(w["kind"] == "expansion" for w in result.wrong_claims) == wrong, result.wrong_claims


def test_a_time_of_day_is_not_a_ratio() -> None:
    from mock_interview.domain.grading import relations

    assert relations.ratios("We restock at 10:30 and 14:45.") == frozenset()
    assert relations.ratios("a 4.5:1 contrast") == {("4.5", "1")}


REFUND_Q = "How do you handle a customer who asks for a refund outside the policy window?"
REFUND_KP = ["Do not promise a refund before checking the account history.",
             "Explain the policy and offer an option that is within your authority."]


@pytest.mark.parametrize("answer", [
    "When I get a refund request outside the window I promise a refund before checking the "
    "account history, to keep the customer calm.",
    "When I get a refund request outside the window, I promise a refund before checking the "
    "account history, to keep the customer calm.",
])
def test_a_habit_told_as_when_i_is_a_claim_not_a_condition(answer: str) -> None:
    result = grade(answer, REFUND_KP, REFUND_Q)
    assert [w["kind"] for w in result.wrong_claims] == ["negation"], result.wrong_claims


def test_a_habit_splits_at_the_second_i_and_a_supposition_stays_a_condition() -> None:
    habit = claims.read_statement("When I hear a complaint I apologise first")
    assert [c.stems for c in habit.clauses] == [("hear", "complaint"), ("apolog", "first")]
    assert not any(c.conditional for c in habit.clauses)
    supposed = claims.read_statement("If the buyer insists I offer a discount")
    assert supposed.clauses[0].conditional


# ---- a reference text instead of key points ------------------------------------------------


def test_a_reference_splits_into_claims_not_into_fragments() -> None:
    from mock_interview.domain.grading import split_points

    parts = split_points("Under cash accounting, income is recorded when money arrives, whereas "
                         "accrual accounting records it when it is earned. Small firms, sole "
                         "traders and charities often use the cash method; larger companies "
                         "must use accruals.")
    assert parts == [
        "Under cash accounting, income is recorded when money arrives",
        "whereas accrual accounting records it when it is earned.",
        "Small firms, sole traders and charities often use the cash method",
        "larger companies must use accruals.",
    ]


def test_a_reference_alone_grades_like_its_key_points() -> None:
    from mock_interview.services.grading import GradeItem, grade_item

    reference = " ".join(p + "." for p in DEFAULTS_KP)
    for answer, wrong in ((DEFAULTS_GOOD, False), (DEFAULTS_WRONG, True)):
        by_points = grade_item(GradeItem(DEFAULTS_Q, answer, key_points=DEFAULTS_KP))
        by_reference = grade_item(GradeItem(DEFAULTS_Q, answer, reference=reference))
        assert bool(by_reference.wrong_claims) == wrong == bool(by_points.wrong_claims)
        assert abs(by_reference.overall - by_points.overall) <= 10


def test_a_figure_the_point_gives_elsewhere_is_not_another_number() -> None:
    points = ["A standard room costs $120 a night, and breakfast adds $15 per guest."]
    result = grade("Breakfast is an extra $15 for each guest, on top of the room.", points,
                   "What does a night at the hotel cost?")
    wrong = grade("Breakfast is an extra $40 for each guest, on top of the room.", points,
                  "What does a night at the hotel cost?")
    assert not result.wrong_claims, result.wrong_claims
    assert [w["kind"] for w in wrong.wrong_claims] == ["number"]


def test_html_entities_from_exported_answers_are_read_as_characters() -> None:
    question = "How do you declare a variable in C?"
    points = ["Write the type, then the name, then a semicolon"]
    plain = grade("<type> <name>; for example int count; declares count as an int.",
                  points=points, question=question)
    exported = grade("&lt;type&gt; &lt;name&gt;; for example int count; declares count as an int.",
                     points=points, question=question)
    assert "off-topic" not in exported.flags
    assert (exported.technical, exported.overall) == (plain.technical, plain.overall)


# ---- wrong claims that are not: scopes, units, restrictions, pronouns, scene-setting ----

RECON_Q = "How do you reconcile a bank statement with the ledger?"
RECON_KP = ["Deposits in transit not yet recorded by the bank are added to the bank balance.",
            "Cheques written but not yet cleared are subtracted from the bank balance."]


def test_not_yet_keeps_its_negation_and_a_copula_ends_it() -> None:
    point = claims.read_statement(RECON_KP[0])
    assert "record" in point.denied
    assert {"ad", "bank", "balanc"} <= point.asserted  # what the clause asserts after "are"
    good = ("On the bank side I add the deposits in transit that the bank hasn't recorded yet, "
            "and I subtract the cheques we wrote that haven't cleared.")
    assert grade(good, RECON_KP, RECON_Q).wrong_claims == []


def test_figures_in_different_units_are_not_another_number() -> None:
    points = ["Watch the patient closely and check vital signs every 15 minutes in the first hour.",
              "Stop the infusion at once if a reaction is suspected."]
    question = "How do you monitor a patient during an infusion?"
    answer = ("First I confirm the order and consent, record baseline vitals and check the "
              "access, generally 20 gauge or larger.")
    assert grade(answer, points, question).wrong_claims == []


def test_denying_the_rest_agrees_with_a_point_that_says_only() -> None:
    points = ["A partial index is used efficiently only for queries whose filter matches its "
              "condition."]
    question = "When would you create a partial index?"
    answer = ("Its condition matters: a query that filters on other rows generally can't use the "
              "partial index efficiently, since it holds only matching rows.")
    assert grade(answer, points, question).wrong_claims == []


def test_what_a_point_itself_rules_out_still_contradicts_an_only_point() -> None:
    points = ["Fit the scaler on the training rows only, not on the whole dataset."]
    question = "How do you avoid leakage when scaling features?"
    answer = "I fit the scaler on the whole dataset before splitting, so every row is scaled alike."
    assert grade(answer, points, question).wrong_claims


def test_an_alternative_named_by_one_is_not_contradicted_by_its_noun() -> None:
    points = ["With a permanent redirect, search engines pass ranking signals to the new address "
              "and list it instead of the old one."]
    question = "What happens in search results after a permanent redirect?"
    answer = ("With a permanent redirect, the search engine treats the new address as the "
              "canonical one, swaps it into its listings and consolidates the old page's signals "
              "onto it.")
    assert grade(answer, points, question).wrong_claims == []


STORY_Q = "Tell me about a change you made to a team process."
STORY_KP = ["I measured the error rate before changing anything.",
            "I tried the change with one team and compared results before rolling it out.",
            "A higher review load leads to a lower error rate per release."]


def test_a_sentence_opening_on_after_that_sets_the_scene() -> None:
    answer = ("After that I built the checklist into the release template, trained the leads and "
              "put the slip count on the team board.")
    assert grade(answer, STORY_KP, STORY_Q, kind="behavioral").wrong_claims == []


def test_opposite_words_about_the_same_thing_are_still_a_wrong_claim() -> None:
    answer = "A heavier review load actually raises the error rate, because people rush."
    graded = grade(answer, STORY_KP[2:], STORY_Q, kind="behavioral")
    assert graded.wrong_claims


# ---- coverage that the words' polarity takes away ----------------------------------------

CALL_Q = "How do you calm an upset caller?"
CALL_KP = ["Let the caller finish without interruption and acknowledge how they feel.",
           "Give a range for when it will be fixed and say what is still uncertain."]


def test_a_word_the_point_rules_out_does_not_cover_it_when_asserted() -> None:
    wrong = "I interrupt the caller early so I can take control of the call and move on quickly."
    right = "I let the caller finish without interruption, then acknowledge how they feel."
    # On topic, yet it makes no point: close to the score of an answer that covers nothing.
    assert grade(wrong, CALL_KP, CALL_Q, kind="behavioral").technical < 50
    assert CALL_KP[0] in grade(right, CALL_KP, CALL_Q, kind="behavioral").covered_points


def test_what_the_speaker_says_they_did_not_do_does_not_cover_a_point() -> None:
    points = ["Tailor the message to the audience's decision and lead with the recommendation.",
              "Be honest about uncertainty, for example by giving a range."]
    question = "Tell me about a time you explained an analysis to non-technical stakeholders."
    answer = ("I walked the managers through the model and the tuning. When they asked how sure "
              "we were, I gave one firm number and didn't mention the range.")
    assert points[1] not in grade(answer, points, question, kind="behavioral").covered_points


def test_a_general_denial_still_states_a_point_in_other_words() -> None:
    points = ["A linked list can grow and shrink to any size."]
    answer = "A linked list does not have a fixed size; it grows as you add nodes."
    assert points[0] in grade(answer, points, "Why use a linked list?").covered_points


# ---- the blend: delivery is worth what it delivers ---------------------------------------


def test_polish_counts_in_overall_only_a_little_above_the_content() -> None:
    from mock_interview.domain.grading.grader import DELIVERY_MARGIN, OVERALL_WEIGHTS

    polished = ("When a caller is upset, I keep my own voice calm and friendly and use their "
                "name, for example 'Thanks for holding, Maria'. I structure every call the same "
                "way: a greeting, the discussion and a wrap-up, and I log notes in our CRM so "
                "the next agent who takes a call from them has the context.")
    graded = grade(polished, CALL_KP, CALL_Q)
    assert graded.communication > graded.technical + DELIVERY_MARGIN
    w_tech, w_comm, _w_job = OVERALL_WEIGHTS["technical"]
    capped = (w_tech * graded.technical + w_comm * (graded.technical + DELIVERY_MARGIN)) / (
        w_tech + w_comm)
    assert graded.overall == pytest.approx(capped)


def test_a_bare_negation_denying_the_clause_before_is_not_a_contradiction() -> None:
    points = ["Deposits the bank has not recorded are added to the bank balance."]
    answer = "I add the deposits we have recorded but the bank hasn't: they go on the bank side."
    assert grade(answer, points, RECON_Q).wrong_claims == []


def test_denying_what_a_point_warns_against_agrees_with_it() -> None:
    points = ["Vanity numbers like total signups or page views make poor guiding metrics.",
              "A guiding metric should track the value customers get."]
    question = "How do you pick a guiding metric for a product?"
    answer = ("I check that it reflects delivered value rather than activity, so not page views "
              "or downloads.")
    assert grade(answer, points, question).wrong_claims == []


def test_includes_only_says_what_excludes_says() -> None:
    points = ["Recurring revenue counts subscription fees and excludes one-time setup charges."]
    question = "What does recurring revenue count?"
    answer = ("Recurring revenue includes only the subscription piece, so a $5k setup fee is "
              "never part of it.")
    assert grade(answer, points, question).wrong_claims == []


def test_a_denial_of_that_way_is_not_a_denial_of_its_words() -> None:
    points = ["Companies reporting under GAAP must prepare their statements on the accrual basis."]
    question = "Who has to use accrual accounting?"
    answer = ("Cash basis is simpler and fine for a small shop, but GAAP statements can't be "
              "prepared that way, so larger companies use accrual.")
    assert grade(answer, points, question).wrong_claims == []


def test_a_sum_with_a_sign_turned_is_a_wrong_formula() -> None:
    from mock_interview.domain.grading import relations

    point = ("Working capital equals current assets plus prepaid expenses minus current "
             "liabilities (WC = CA + PE - CL).")
    assert relations.changed_signs(
        point, "Working capital is current assets plus prepaid expenses plus current liabilities.")
    assert relations.changed_signs(
        point, "Working capital is current assets plus current liabilities minus prepaid expenses.")
    # the same sum in another order, or every sign turned, is the same equation
    assert not relations.changed_signs(
        point, "Working capital is prepaid expenses minus current liabilities plus current assets.")
    assert not relations.changed_signs(
        point, "Minus working capital is current liabilities minus current assets minus prepaid "
               "expenses.")


def test_a_sum_with_a_sign_turned_is_graded_as_a_wrong_claim() -> None:
    from mock_interview.domain.grading import GradingInput, grade_answer

    points = ["Working capital equals current assets plus prepaid expenses minus current "
              "liabilities.", "A negative working capital can mean short-term funding pressure."]
    grade = grade_answer(GradingInput(
        "How do you calculate working capital?", "technical", points,
        "Working capital is current assets plus prepaid expenses plus current liabilities, so "
        "more debt means more working capital.", (40, 220)))
    assert any(c["kind"] == "swap" for c in grade.wrong_claims), grade.wrong_claims


BANK_QUESTION = "How do you reconcile a company's bank account at month end?"
BANK_REC_POINTS = [
    "Compare the bank statement balance with the general ledger cash balance",
    "Adjust the bank side for deposits in transit and outstanding cheques",
    "Record bank fees, interest and returned cheques in the ledger with journal entries",
    "Investigate any remaining difference before the reconciliation is signed off",
]


def test_a_long_answer_that_lands_no_point_of_its_rubric_is_at_most_thin() -> None:
    # The topic's words, none of its points: the ledger takes the bank's figure, timing items
    # are left, fees stay on the statement, a gap is plugged.
    unmade = ("A bank reconciliation is mostly about the statement. Once the bank sends it, the "
              "ledger simply takes the bank's closing figure, because the bank is the independent "
              "source and its number is the one auditors trust. Timing items sort themselves out "
              "in the following month, so there's little point chasing them at month end. Fees "
              "and interest are the bank's business and stay on the statement. If a small gap "
              "remains, it's usually rounding, and a plug to suspense keeps the close on schedule "
              "so the controller can sign the month off on time.")
    made = ("I put the bank statement balance next to the general ledger cash balance, add "
            "deposits in transit and subtract outstanding cheques on the bank side, record bank "
            "fees, interest and returned cheques with journal entries, and investigate whatever "
            "difference is left before the reconciliation is signed off by the controller, with "
            "the support kept beside it for the auditors.")
    unmade_grade = grade_answer(GradingInput(BANK_QUESTION, "technical", BANK_REC_POINTS, unmade))
    made_grade = grade_answer(GradingInput(BANK_QUESTION, "technical", BANK_REC_POINTS, made))
    assert not unmade_grade.covered_points and unmade_grade.word_count >= 80
    assert unmade_grade.technical <= 60
    assert made_grade.technical > 80 and made_grade.word_count >= 50


def test_a_long_answer_speaking_to_every_point_in_its_own_words_is_not_held_to_thin() -> None:
    # No point reaches the covered share in these words, but each is spoken to about evenly:
    # a paraphrase of all of them, not the topic's vocabulary dropped in passing.
    paraphrase = ("I start by putting the bank statement next to our own cash figure for the "
                  "same day, so I know the size of the gap before touching anything. Money we "
                  "lodged late on the last day, and payments we have sent that have not cleared "
                  "yet, only move the bank's figure, so that is where they go. Anything the bank "
                  "took or paid us that we never booked, like its charges, interest or a bounced "
                  "cheque from a customer, needs booking on our side. Whatever difference is "
                  "still there gets chased down until I can explain it; nobody signs the month "
                  "off on a guess.")
    grade = grade_answer(GradingInput(BANK_QUESTION, "technical", BANK_REC_POINTS, paraphrase))
    assert not grade.covered_points and grade.word_count >= 80
    assert grade.technical > 70 and not grade.wrong_claims
