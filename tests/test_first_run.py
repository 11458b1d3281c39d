"""First run: the demo, and one command from a resume file to a finished interview."""

from __future__ import annotations

import json
import os
import sys

import pytest

from mock_interview.errors import ExitCode
from tests import fixtures_docs as docs
from tests.conftest import subprocess_env
from tests.test_upload import LEFT, LINKS, RIGHT


def test_demo_without_a_terminal_runs_a_whole_interview(cli, home):
    cli("register", "-n", "Ada Lovelace", "-e", "ada@example.com")
    state_before = (home / "state.json").read_text()
    out = cli("demo")
    assert out.exit_code == 0, out.stderr
    assert "Overall" in out.stdout and "What to practise next" in out.stdout
    assert "demo --reset" in out.stderr and "untouched" in out.stderr
    # The person's own profile, state and data are untouched.
    assert (home / "state.json").read_text() == state_before
    assert cli("whoami", "--json").json()["profile"]["email"] == "ada@example.com"
    assert cli("resumes", "list", "--json").json()["total"] == 0
    assert cli("interviews", "list", "--json").json()["total"] == 0
    assert (home / "demo" / "demo.db").exists()


def test_demo_json_is_repeatable_and_reset_removes_it(cli, home):
    first = cli("demo", "--json")
    assert first.exit_code == 0, first.stderr
    data = first.json()
    assert data["status"] == "completed" and data["result"]["overall_score"] > 50
    assert all(q["status"] == "answered" for q in data["questions"])
    again = cli("demo", "--json").json()
    assert [q["question_id"] for q in again["questions"]] == [q["question_id"] for q in data["questions"]]
    assert cli("demo", "--reset").exit_code == 0
    assert not (home / "demo").exists()


def test_demo_answers_are_written_for_the_questions_it_asks(cli, home):
    """Every question the demo asks, follow-ups included, gets a sample written for it (not
    the fallback by kind), and none of them is graded off topic or a copy of the question."""
    from mock_interview.services.demo import sample_answers

    samples = sample_answers()
    written = set(samples["by_question"].values()) | set(samples["follow_up"]["by_question"].values())
    out = cli("demo")
    assert out.exit_code == 0, out.stderr
    said = " ".join(out.stderr.split())
    assert "interview --resume cv.pdf" in said and "--job-file jd.txt" in said
    assert "jobs add --text jd.txt" in said
    assert "Best:" in said  # the note after each answer
    data = cli("demo", "--json").json()
    for question in data["questions"]:
        assert question["answer"] in written, question["question"]
        flags = set(question["feedback"].get("flags") or [])
        assert not flags & {"off-topic", "copied-question", "keyword-list"}, question["question"]
        assert question["model_answer"]["text"]
    assert data["result"]["overall_score"] >= 75


def test_demo_with_an_unwritable_home(cli, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    out = cli("demo", env={"MOCK_INTERVIEW_HOME": str(blocker / "home")})
    assert out.exit_code == ExitCode.ERROR
    assert out.stderr.startswith("error: cannot create") and len(out.stderr.strip().splitlines()) == 1


def test_interview_from_a_resume_file_with_no_prior_setup(cli, tmp_path):
    cv = docs.make_resume_pdf(tmp_path / "cv.pdf", header=("Sam Rivera", "Backend Engineer"),
                              lines_left=LEFT, lines_right=RIGHT, two_column=True, links=LINKS)
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps(["I would measure first, then cache the hot reads in Redis."] * 10))
    out = cli("interview", "--resume", str(cv), "--answers", str(answers), "--json")
    assert out.exit_code == 0, out.stderr
    data = out.json()
    assert data["status"] == "completed" and data["result"] is not None
    assert "Created a local profile" in out.stderr and "Uploaded cv.pdf" in out.stderr
    # Second time: the same file is reused, and words choose the job.
    out = cli("interview", "--resume", str(cv), "--job", "data engineer", "--questions", "2",
              "--answers", str(answers), "--json")
    assert out.exit_code == 0, out.stderr
    assert "earlier upload" in out.stderr
    assert "Data Engineer" in out.json()["job"]["title"]
    assert cli("resumes", "list", "--json").json()["total"] == 1


def test_first_run_bad_input(cli, tmp_path):
    answers = tmp_path / "a.json"
    answers.write_text("[]")
    out = cli("interview", "--resume", str(tmp_path / "missing.pdf"), "--answers", str(answers))
    assert out.exit_code == ExitCode.NOT_FOUND and "no such file" in out.stderr
    unreadable = docs.make_file(tmp_path / "photo.pdf", docs.png_bytes())
    out = cli("interview", "--resume", str(unreadable), "--answers", str(answers))
    assert out.exit_code == ExitCode.USAGE
    cv = docs.make_resume_pdf(tmp_path / "cv.pdf", header=("Sam Rivera", "Engineer"),
                              lines_left=LEFT, lines_right=RIGHT, two_column=True)
    out = cli("interview", "--resume", str(cv), "--job", "underwater basket weaving",
              "--answers", str(answers))
    assert out.exit_code == ExitCode.NOT_FOUND
    assert "search-jobs" in out.stderr


@pytest.mark.slow
def test_demo_in_a_real_terminal(home):
    pexpect = pytest.importorskip("pexpect")
    env = subprocess_env(MOCK_INTERVIEW_HOME=str(home), TERM="xterm", PROMPT_TOOLKIT_NO_CPR="1",
                         NO_COLOR="1")
    child = pexpect.spawn(sys.executable, ["-m", "mock_interview", "demo"], env=env,
                          encoding="utf-8", timeout=30, dimensions=(40, 120))
    while True:
        index = child.expect([r"Question \d of \d", r"That was the last question"])
        if index == 1:
            child.send("\r")  # Enter alone: the result
            child.expect("What to practise next")
            break
        child.send("I measured first, found the slow query, added an index and cut latency by 40%.")
        child.send("\x1b\r")
        child.expect("Saved")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert not os.path.exists(home / "mock-interview.db")  # the person's database was never created
