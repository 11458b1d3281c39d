"""The practice loop: a note after each answer, hints, retries, model answers, drafts, recaps;
in a real pseudo-terminal and in script mode."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from mock_interview.domain.interview.coaching import (
    answer_note,
    hint_prompts,
    model_answer,
    note_lines,
    resume_examples,
)
from mock_interview.errors import ExitCode
from tests.interview_fixtures import PARSED_RESUME, store_resume
from tests.test_interview import GOOD, JOB, _answer, _pty_env, _spawn, pexpect_eof, write_answers

WEAK = "I would probably just use a cache, maybe."


@pytest.fixture
def ready(cli, database_url):
    store_resume(database_url)
    return lambda *args, **kw: cli("--db", database_url, *args, **kw)


# -- the coach's words, as pure functions -----------------------------------------------------

def test_hints_prompt_without_giving_the_answer():
    points = ["Default values are evaluated once, when the function is defined",
              "Explains how they would fix it with None as the default"]
    prompts = hint_prompts("What goes wrong with a mutable default argument in Python?", points)
    assert len(prompts) == 2
    assert prompts[0].startswith("Touch on:") and points[0] not in prompts[0]
    assert prompts[1] == "Explain how you would fix it with None as the default"


def test_note_names_a_wrong_claim_first_then_best_missed_and_a_tip():
    feedback = {
        "covered_points": ["Use None as the default"], "missed_points": ["Defaults are evaluated once"],
        "wrong_claims": [{"quote": "Python makes a fresh list each call.",
                          "contradicts": "Defaults are evaluated once", "misconception": ""}],
        "weaknesses": ['Wrong: "Python makes a fresh list each call."', "Too short: 17 words (aim for 40-220)"],
        "evidence": [{"quote": "use None", "point": "Use None as the default", "polarity": "strength"}],
    }
    note = answer_note(feedback)
    lines = note_lines(note)
    assert 1 <= len(lines) <= 2
    assert lines[0].startswith("Not right: “Python makes a fresh list each call.”")
    assert "Best: Use None as the default" in lines[0] and "Missed: Defaults are evaluated once" in lines[0]
    assert lines[1] == "Tip: Too short: 17 words (aim for 40-220)"
    assert answer_note({}) == {} and note_lines({}) == []


def test_model_answer_uses_the_key_points_and_only_the_resumes_numbers():
    examples = resume_examples(PARSED_RESUME["experience"])
    story = model_answer("Tell me about a time you made a slow system fast.",
                         ["Describes the situation and what was at stake",
                          "States the result, ideally with a number"], examples, star=True)
    assert "Backend Developer at Harbor Freight Tech" in story and "40%" in story
    assert "- Describe the situation and what was at stake." in story
    assert set(re.findall(r"\d+", story)) <= {"40", "12"}
    facts = model_answer("How does a list differ from a tuple in Python?",
                         ["Lists are mutable while tuples are immutable"], examples, skill="Python")
    assert facts.startswith("Lists are mutable while tuples are immutable.")


# -- script mode ---------------------------------------------------------------------------------

def test_script_mode_notes_retries_and_model_answers(ready, tmp_path):
    answers = [WEAK, "/retry", GOOD, GOOD, GOOD, GOOD, GOOD, GOOD]
    out = ready("interview", "--job", JOB, "--questions", "2", "--seed", "4",
                "--answers", write_answers(tmp_path, answers), "--json")
    assert out.exit_code == 0, out.stderr
    assert "Saved attempt 2: overall" in out.stderr
    assert re.search(r"(Best|Missed|Not right): ", out.stderr)
    data = out.json()
    first = data["questions"][0]
    assert [a["attempt"] for a in first["attempts"]] == [1, 2]
    assert [a["answer"] for a in first["attempts"]] == [WEAK, GOOD]
    best = max(a["scores"]["overall"] for a in first["attempts"])
    assert first["scores"]["overall"] == best  # the better attempt counts
    assert sum(a["counts"] for a in first["attempts"]) == 1
    assert first["improvement"] == round(best - first["attempts"][0]["scores"]["overall"], 1)
    answered = [q for q in data["questions"] if q["status"] == "answered"]
    assert all(isinstance(q["note"], dict) for q in answered)
    assert all(q["model_answer"]["text"] and q["model_answer"]["source"] == "offline" for q in answered)

    shown = ready("interview", "show", data["interview_id"][:8])
    assert shown.exit_code == 0 and WEAK[:20] in shown.stdout and "Model answer" in shown.stdout
    assert "Attempts (overall; * counts)" in shown.stdout
    md = ready("results", data["interview_id"][:8], "--format", "md")
    assert "Model answer" in md.stdout and "Attempt 1" in md.stdout
    html = ready("results", data["interview_id"][:8], "--format", "html")
    assert html.exit_code == 0 and "Model answer" in html.stdout
    assert "Attempt 1:" in html.stdout and "Attempt 2:" in html.stdout and "(counts)" in html.stdout


def test_script_mode_commands_do_what_they_do_in_a_terminal(ready, tmp_path):
    """A command is never graded as an answer: /skip skips, /hint and /model show nothing to
    a script and answer nothing, /quit leaves the rest unanswered."""
    answers = ["/hint", WEAK, "/Model ", "/skip"]
    data = ready("interview", "--job", JOB, "--questions", "2", "--seed", "4",
                 "--answers", write_answers(tmp_path, answers), "--json").json()
    questions = data["questions"]
    assert [q["answer"] for q in questions if q["status"] == "answered"] == [WEAK]
    assert questions[1]["status"] == "skipped"  # /Model passed over: /skip met the next question

    quit_early = ready("interview", "--job", JOB, "--questions", "2", "--seed", "4", "--answers",
                       write_answers(tmp_path, [GOOD, "/quit", GOOD, GOOD]), "--json").json()
    assert [q["answer"] for q in quit_early["questions"] if q["status"] == "answered"] == [GOOD]


def test_exam_keeps_only_the_numbers(ready, tmp_path):
    out = ready("interview", "--job", JOB, "--questions", "2", "--seed", "4", "--exam",
                "--answers", write_answers(tmp_path, [WEAK] * 4), "--json")
    assert out.exit_code == 0, out.stderr
    assert "Missed:" not in out.stderr and "Best:" not in out.stderr
    assert all(q["note"] is None and q["model_answer"] is None for q in out.json()["questions"])
    refused = ready("interview", "--job", JOB, "--exam", "--answers", write_answers(tmp_path, [WEAK, "/retry", GOOD]))
    assert refused.exit_code == ExitCode.USAGE


def test_words_after_interview_name_the_job(ready, tmp_path):
    out = ready("interview", "python backend", "--questions", "1", "--answers",
                write_answers(tmp_path, [GOOD, GOOD]), "--json")
    assert out.exit_code == 0, out.stderr
    assert out.json()["job"]["title"] and "best match for 'python backend'" in " ".join(out.stderr.split())
    later = ready("interview", "--questions", "1", "python backend", "--answers",
                  write_answers(tmp_path, [GOOD, GOOD]), "--json")
    assert later.exit_code == 0, later.stderr
    assert later.json()["job"]["title"] == out.json()["job"]["title"]
    assert ready("interview", "show", "--help").exit_code == 0  # subcommands still work


# -- a real terminal ---------------------------------------------------------------------------------

@pytest.mark.slow
def test_terminal_hint_note_retry_draft_and_recap(home, database_url):
    store_resume(database_url)
    env = _pty_env(home, database_url)
    child = _spawn(["interview", "--job", JOB, "--questions", "2", "--seed", "4"], env)
    child.expect(r"Question 1 of 2")
    child.send("/hint\r")  # Enter alone runs a command
    child.expect("Hints")
    child.expect("•")
    _answer(child, WEAK)
    child.expect("Saved")
    child.expect(r"(Best|Missed|Not right): ")  # the note after the answer
    child.expect(r"Question \d of 2")
    child.send("/retry\r")
    child.expect("Retry · answer it again")
    _answer(child, GOOD)
    child.expect(r"Saved attempt 2: overall \d+ → \d+")
    child.expect(r"Question \d of 2")
    child.send("half-typed thought about queues")
    child.sendcontrol("c")
    child.expect(r"--continue ([0-9a-f]{8})")
    interview_id = child.match.group(1)
    child.expect(pexpect_eof())
    child.close()
    assert child.exitstatus == ExitCode.INTERRUPTED

    child = _spawn(["interview", "--continue", interview_id], env)
    child.expect(r"Answered 1 of 2; last score \d+")
    child.expect("unsent draft is back")
    child.expect("half-typed thought about queues")
    child.send(" and retries")
    child.send("\x1b\r")
    child.expect("Saved")
    while child.expect([r"Question \d of 2", "That was the last question"]) == 0:
        _answer(child, GOOD)
        child.expect("Saved")
    child.send("\r")
    child.expect("Overall")
    child.expect(pexpect_eof())
    child.close()
    assert child.exitstatus == 0

    data = json.loads(subprocess.run(
        [sys.executable, "-m", "mock_interview", "interview", "show", interview_id, "--json"],
        env=env, capture_output=True, text=True, timeout=60).stdout)
    first = data["questions"][0]
    assert len(first["attempts"]) == 2 and first["attempts"][0]["answer"] == WEAK
    assert any((q["answer"] or "").startswith("half-typed thought about queues and retries")
               for q in data["questions"])


# -- with the model ---------------------------------------------------------------------------------

def test_with_the_model_its_improved_answer_is_the_model_answer_and_retries_are_graded(cli, home, tmp_path):
    from tests.llm_server import LLMServer

    store_resume(None)
    with LLMServer() as server:
        out = cli("interview", "--job", JOB, "--questions", "2", "--seed", "4", "--engine", "openai",
                  "--base-url", server.url, "--model", "test-model", "--json",
                  "--answers", write_answers(tmp_path, [WEAK, "/retry", GOOD, GOOD, GOOD, GOOD]))
    assert out.exit_code == 0, out.stderr
    data = out.json()
    first = data["questions"][0]
    assert len(first["attempts"]) == 2
    counted = next(a for a in first["attempts"] if a["counts"])
    assert first["answer"] == counted["answer"]
    answered = [q for q in data["questions"] if q["status"] == "answered"]
    graded = [q for q in answered if q["engine"] == "openai"]
    assert graded and all(q["model_answer"]["source"] == "model" for q in graded)
    assert all(q["model_answer"]["text"] == q["feedback"]["improved_answer"] for q in graded)


@pytest.mark.slow
def test_a_pasted_answer_past_the_limit_is_refused_in_one_line_and_kept(home, database_url):
    from mock_interview.io.limits import MAX_ANSWER_CHARS

    store_resume(database_url)
    env = _pty_env(home, database_url)
    child = _spawn(["interview", "--job", JOB, "--questions", "2", "--seed", "4"], env)
    child.expect(r"Question 1 of 2")
    pasted = "queues " * (MAX_ANSWER_CHARS // 7 + 10)
    child.send("\x1b[200~" + pasted + "\x1b[201~")  # a bracketed paste, as a terminal sends it
    child.send("\x1b\r")
    child.expect(r"the limit is [\d,]+\. Shorten it", timeout=60)
    child.sendcontrol("c")  # the long text is still the draft: Ctrl-C keeps it
    child.expect(r"--continue ([0-9a-f]{8})")
    interview_id = child.match.group(1)
    child.expect(pexpect_eof())
    child.close()
    data = json.loads(subprocess.run(
        [sys.executable, "-m", "mock_interview", "interview", "show", interview_id, "--json"],
        env=env, capture_output=True, text=True, timeout=60).stdout)
    assert not any(q["status"] == "answered" for q in data["questions"])


@pytest.mark.parametrize("signal_as", ["KeyboardInterrupt", "CancelledError"])
def test_ctrl_c_before_the_editor_takes_the_keyboard_keeps_the_draft(signal_as: str) -> None:
    """Ctrl-C that lands while a long draft is still being drawn reaches the editor as a
    signal, not a key: prompt_toolkit's event loop is cancelled. The draft it was given is
    what was unsent, and it comes back as the interrupt's text."""
    import asyncio

    from mock_interview.cli.interview_loop import DraftInterrupt, _ask

    error = KeyboardInterrupt() if signal_as == "KeyboardInterrupt" else asyncio.CancelledError()

    class EditorInterruptedWhileDrawing:
        def prompt(self, *_args, **_kwargs):
            raise error

    with pytest.raises(DraftInterrupt) as caught:
        _ask(None, EditorInterruptedWhileDrawing(), 0.0, None, False, draft="a long draft")
    assert caught.value.text == "a long draft"
