"""The interview: planning, script mode, resuming, results; real pseudo-terminal and SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest

from mock_interview.engines.base import Capabilities, EngineGrade
from mock_interview.engines.offline import OfflineEngine
from mock_interview.errors import ExitCode
from tests.conftest import subprocess_env
from tests.interview_fixtures import store_resume

JOB = "tallowbrook-senior-python-backend-engineer"
GOOD = ("In my current role at Harbor Freight Tech our checkout API was too slow, and I was "
        "responsible for fixing it. I profiled the endpoints, added Redis caching for product "
        "lookups and moved heavy work to background jobs with clear timeouts. As a result latency "
        "fell by 40% and conversion rose 3% within a month; I learned to measure before optimising.")


@pytest.fixture
def ready(cli, database_url):
    store_resume(database_url)
    return lambda *args, **kw: cli("--db", database_url, *args, **kw)


def write_answers(tmp_path, answers) -> str:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers))
    return str(path)


def test_script_mode_completes_with_all_scores(ready, tmp_path):
    answers = write_answers(tmp_path, [GOOD] * 12)
    out = ready("interview", "--job", JOB, "--answers", answers, "--json", "--seed", "3")
    assert out.exit_code == 0, out.stderr
    data = out.json()
    assert data["status"] == "completed" and data["score_scale"] == "0-100"
    result = data["result"]
    for key in ("technical_score", "communication_score", "job_match_score", "overall_score"):
        assert 0 <= result[key] <= 100
    assert result["recommendations"] and isinstance(result["strengths"], list)
    main = [q for q in data["questions"] if q["follow_up_of"] is None]
    assert len(main) == 6
    for q in data["questions"]:
        assert q["status"] == "answered"
        assert set(q["scores"]) == {"technical", "communication", "job_match", "overall"}
        assert q["engine"] == "offline"
        for evidence in q["feedback"].get("evidence", []):
            assert evidence["quote"] in q["answer"]  # quotes are verbatim
    assert {q["kind"] for q in main} >= {"technical", "behavioral"}


def test_answers_running_out_leaves_the_rest_unanswered(ready, tmp_path):
    out = ready("interview", "--job", JOB, "--answers", write_answers(tmp_path, [GOOD]), "--json")
    assert out.exit_code == 0, out.stderr
    data = out.json()
    statuses = [q["status"] for q in data["questions"]]
    assert statuses[0] == "answered" and statuses.count("unanswered") >= 4
    assert data["status"] == "completed"
    assert data["result"]["overall_score"] < 40  # unanswered questions count as 0


def test_answers_from_stdin_and_jsonl(ready, tmp_path):
    out = ready("interview", "--job", JOB, "--questions", "2", "--answers", "-", "--json",
                input="\n".join(json.dumps({"answer": GOOD}) for _ in range(4)))
    assert out.exit_code == 0, out.stderr
    assert out.json()["questions"][0]["answer"] == GOOD


def test_without_a_terminal_and_without_answers_it_refuses(ready, database_url):
    """A real process whose stdin is a pipe left open and silent (a CI job, a cron line) is told
    to give --answers at once: it never waits to read that pipe, and starts no interview."""
    read_end, write_end = os.pipe()
    try:
        # The timeout is a safety net only: a process reading the silent pipe would wait forever.
        out = subprocess.run([sys.executable, "-m", "mock_interview", "--db", database_url, "interview",
                              "--job", JOB], stdin=read_end, env=subprocess_env(), capture_output=True,
                             text=True, timeout=120)
    finally:
        os.close(read_end)
        os.close(write_end)
    assert out.returncode == ExitCode.USAGE, out.stderr
    assert "--answers" in out.stderr and "Traceback" not in out.stderr
    assert ready("interviews", "list", "--json").json()["interviews"] == []


@pytest.mark.parametrize("args, code", [
    (["--questions", "0"], ExitCode.USAGE), (["--type", "chatty"], ExitCode.USAGE),
    (["--difficulty", "brutal"], ExitCode.USAGE), (["--engine", "magic"], ExitCode.USAGE),
    (["--time-limit", "3"], ExitCode.USAGE),
])
def test_bad_options(ready, tmp_path, args, code):
    out = ready("interview", "--job", JOB, "--answers", write_answers(tmp_path, []), *args)
    assert out.exit_code == code, out.stderr


def test_unknown_job_and_missing_resume(cli, ready, tmp_path, database_url):
    answers = write_answers(tmp_path, [GOOD])
    assert ready("interview", "--job", "zzqxv-wrrk", "--answers", answers).exit_code == ExitCode.NOT_FOUND
    cli("--db", database_url, "register", "-n", "New", "-e", "new@example.com")
    out = cli("--db", database_url, "interview", "--job", JOB, "--answers", answers)
    assert out.exit_code == ExitCode.NOT_FOUND and "upload" in out.stderr


def test_best_match_is_chosen_without_job(ready, tmp_path):
    out = ready("interview", "--questions", "1", "--answers", write_answers(tmp_path, [GOOD]), "--json")
    assert out.exit_code == 0, out.stderr
    assert "best match" in out.stderr and out.json()["job"]["title"]


def test_seed_makes_the_plan_repeatable_and_no_question_repeats(cli, database_url, tmp_path):
    answers = write_answers(tmp_path, [])
    store_resume(database_url, "a@example.com", "A")
    first = cli("--db", database_url, "--profile", "a@example.com", "interview", "--job", JOB,
                "--seed", "9", "--answers", answers, "--json").json()
    store_resume(database_url, "b@example.com", "B")
    second = cli("--db", database_url, "--profile", "b@example.com", "interview", "--job", JOB,
                 "--seed", "9", "--answers", answers, "--json").json()
    ids = lambda d: [q["question_id"] for q in d["questions"]]  # noqa: E731
    assert ids(first) == ids(second)
    again = cli("--db", database_url, "--profile", "a@example.com", "interview", "--job", JOB,
                "--seed", "9", "--answers", answers, "--json").json()
    assert not set(ids(first)) & set(ids(again))


def test_continue_resumes_where_it_stopped(ready, database_url, tmp_path):
    from mock_interview.services import interview as service
    from mock_interview.services.context import AppContext

    ctx = AppContext.create(database_url=database_url)
    session = service.start(ctx, service.InterviewOptions(job=JOB, count=3, seed=1))
    first = session.ensure_asked()
    session.submit(GOOD)
    pending = session.ensure_asked()
    assert pending.position > first.position
    ctx.close()
    out = ready("interview", "--continue", str(session.interview_id)[:8], "--answers",
                write_answers(tmp_path, [GOOD] * 6), "--json")
    assert out.exit_code == 0, out.stderr
    data = out.json()
    assert data["status"] == "completed"
    assert data["questions"][0]["answer"] == GOOD
    out = ready("interview", "--continue", str(session.interview_id), "--answers",
                write_answers(tmp_path, []))
    assert out.exit_code == ExitCode.USAGE and "already complete" in out.stderr


def test_two_windows_on_one_interview_never_overwrite_each_other(ready, database_url):
    """Each session keeps its own copy of the state; the second to answer the same question is
    refused and nothing the first stored changes."""
    from mock_interview.errors import UsageError
    from mock_interview.services import interview as service
    from mock_interview.services import reports
    from mock_interview.services.context import AppContext

    ctx = AppContext.create(database_url=database_url)
    try:
        first = service.start(ctx, service.InterviewOptions(job=JOB, count=3, seed=1))
        question = first.ensure_asked()
        second = service.InterviewSession(ctx, first.interview_id)
        assert second.ensure_asked().position == question.position
        first.submit(GOOD)
        with pytest.raises(UsageError, match="no question waiting"):
            second.submit("a different answer")
        stored = reports.describe(ctx, first.interview_id)["questions"]
        assert stored[question.position]["answer"] == GOOD
        assert [q["position"] for q in stored] == list(range(len(stored)))  # no duplicate rows
        # the refused window reloads and carries on from where the interview really is
        assert second.ensure_asked().position == first.ensure_asked().position
        second.skip()
        assert first.ensure_asked() is not None
        with pytest.raises(UsageError):  # the first window's copy is stale now: refused too
            first.submit(GOOD)
    finally:
        ctx.close()


def test_the_answers_column_is_written_once_as_the_interview_ended(ready, database_url):
    """``interviews.answers`` is a copy of the answer rows made at completion: empty while the
    interview runs, then every question's reply as it ended, a retried answer that counts
    included."""
    from mock_interview.services import interview as service
    from mock_interview.services.context import AppContext
    from mock_interview.store.models import Interview

    ctx = AppContext.create(database_url=database_url)

    def column() -> list:
        with ctx.database().session() as session:
            return session.get(Interview, interview_id).answers

    try:
        running = service.start(ctx, service.InterviewOptions(job=JOB, count=3, seed=1))
        interview_id = running.interview_id
        running.ensure_asked()
        running.submit("I am not sure.")
        assert running.retry(GOOD).counts
        running.ensure_asked()
        running.skip()
        assert column() == []
        data = running.finish()
        copy = column()
        assert copy == [{"position": q["position"], "question_id": q["question_id"],
                         "answer": q["answer"], "status": q["status"]} for q in data["questions"]]
        assert copy[0]["answer"] == GOOD
        assert {"answered", "skipped", "unanswered"} <= {entry["status"] for entry in copy}
    finally:
        ctx.close()


class RefiningEngine(OfflineEngine):
    """A third engine, registered by a test: offline's instant grade, refined later to the
    full score (so the refinement is visible)."""

    name = "refining"
    capabilities = Capabilities(refines_grades=True)

    def refine_grade(self, question, answer, context, instant, position=None):
        feedback = {**instant.feedback, "llm": {"status": "graded"}}
        return EngineGrade(100.0, 100.0, 100.0, 100.0, feedback, None, self.name)


def test_a_registered_engine_is_used_by_what_it_declares(ready, database_url, monkeypatch):
    """An engine added to the registry only: the session grades instantly, refines in the
    background because the engine says it refines, and a resumed session rebuilds it by name."""
    from mock_interview.engines import registry
    from mock_interview.services import interview as service
    from mock_interview.services.context import AppContext

    monkeypatch.setitem(registry.ENGINES, "refining", f"{__name__}:RefiningEngine")
    ctx = AppContext.create(database_url=database_url)
    try:
        session = service.start(ctx, service.InterviewOptions(job=JOB, count=2, seed=1,
                                                              engine="refining"))
        session.ensure_asked()
        outcome = session.submit(GOOD)
        assert outcome.provisional and outcome.scores["overall"] < 100
        resumed = service.InterviewSession(ctx, session.interview_id)
        assert resumed.engine.name == "refining" and resumed.model_info() is None
        data = session.finish()
        answered = [q for q in data["questions"] if q["status"] == "answered"]
        assert answered and all(q["scores"]["overall"] == 100.0 for q in answered)
        assert data["engine"] == "refining" and {q["engine"] for q in answered} == {"refining"}
        assert data["llm"] is None
    finally:
        ctx.close()


def test_lists_show_and_results(ready, tmp_path):
    data = ready("interview", "--job", JOB, "--questions", "2", "--answers",
                 write_answers(tmp_path, [GOOD] * 4), "--json").json()
    listed = ready("interviews", "list", "--json").json()
    assert listed["interviews"][0]["interview_id"] == data["interview_id"]
    shown = ready("interview", "show", data["interview_id"][:8], "--json").json()
    assert shown["result"] == data["result"]
    out = ready("results", data["interview_id"][:8])
    assert out.exit_code == 0 and "Overall" in out.stdout and "Technical" in out.stdout
    assert ready("results", "ffffffff").exit_code == ExitCode.NOT_FOUND



def test_result_screens_show_each_question_as_the_document_holds_it(ready, tmp_path):
    """`results` and `interview show` print every row of the stored document: its number (a
    follow-up under its question), its score, retries and the model answers."""
    answers = write_answers(tmp_path, ["I used Python.", "/retry", GOOD, "Not sure.", GOOD, "It depends."])
    data = ready("interview", "--job", JOB, "--seed", "5", "--answers", answers, "--json").json()
    assert any(q["follow_up_of"] is not None for q in data["questions"])
    assert any(q["status"] == "unanswered" for q in data["questions"])
    key = data["interview_id"][:8]
    screen = ready("results", key, env={"COLUMNS": "200", "NO_COLOR": "1"}).stdout
    transcript = ready("interview", "show", key, env={"COLUMNS": "200", "NO_COLOR": "1"}).stdout
    assert f"Interview {key}" in screen and f"Interview {key}" in transcript
    result = data["result"]
    scores_line = next(line for line in screen.splitlines() if line.split() and all(
        part.isdigit() for part in line.split()))
    assert scores_line.split() == [f"{result[k]:.0f}" for k in (
        "overall_score", "technical_score", "communication_score", "job_match_score")]
    number = 0
    for q in data["questions"]:
        if q["follow_up_of"] is None:
            number += 1
            label = str(number)
        else:
            label = f"↳{number}"
            assert f"Follow-up to question {number}" in transcript
        score = "—" if q["scores"] is None else f"{q['scores']['overall']:.0f}"
        row = next(line for line in screen.splitlines() if q["question"][:30] in line)
        cells = [cell.strip() for cell in row.split("│")]
        assert cells[1:4] == [label, cells[2], score] and cells[2].startswith(q["question"][:30])
    retried = next(q for q in data["questions"] if len(q["attempts"]) > 1)
    trail = " → ".join(f"{(a['scores'] or {}).get('overall', 0):.0f}" + ("*" if a["counts"] else "")
                       for a in retried["attempts"])
    assert f"Attempts (overall; * counts): {trail}" in transcript
    assert f"{len(retried['attempts'])} attempts, {retried['improvement']:+.0f}." in screen
    for q in data["questions"]:
        if q["model_answer"]:
            assert q["model_answer"]["text"].splitlines()[0][:60] in transcript


# -- a real terminal -----------------------------------------------------------------------------

def _spawn(args, env):
    pexpect = pytest.importorskip("pexpect")
    return pexpect.spawn(sys.executable, ["-m", "mock_interview", *args], env=env,
                         encoding="utf-8", timeout=90, dimensions=(40, 120),
                         preexec_fn=_default_sigint)


def _default_sigint() -> None:
    """A test run started in the background inherits SIGINT ignored; a person's terminal
    delivers it, so the child gets the default action back."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _pty_env(home, database_url):
    return subprocess_env(MOCK_INTERVIEW_HOME=str(home), MOCK_INTERVIEW_DATABASE_URL=database_url,
                          TERM="xterm", PROMPT_TOOLKIT_NO_CPR="1", NO_COLOR="1")


def _answer(child, text):
    child.send(text)
    child.send("\x1b\r")  # Esc then Enter submits


@pytest.mark.slow
def test_real_terminal_answer_quit_and_resume(home, database_url):
    store_resume(database_url)
    env = _pty_env(home, database_url)
    child = _spawn(["interview", "--job", JOB, "--questions", "4", "--seed", "5"], env)
    answered = 0
    while answered < 3:
        child.expect(r"Question (\d) of 4")
        _answer(child, GOOD)
        child.expect("Saved")
        answered += 1
    child.expect(r"Question \d of 4")
    child.send("/quit")
    child.send("\x1b\r")
    child.expect(r"--continue ([0-9a-f]{8})")
    interview_id = child.match.group(1)
    child.expect(pexpect_eof())
    child.close()
    assert child.exitstatus == 0

    child = _spawn(["interview", "--continue", interview_id], env)
    child.expect(r"Answered \d of 4; last score \d+")  # the recap
    while True:
        index = child.expect([r"Question \d of 4", r"That was the last question"])
        if index == 1:
            break
        _answer(child, GOOD)
        child.expect("Saved")
    child.send("\r")  # Enter alone: the result
    child.expect("Overall")
    child.expect(pexpect_eof())
    child.close()
    assert child.exitstatus == 0
    data = json.loads(subprocess.run(
        [sys.executable, "-m", "mock_interview", "interview", "show", interview_id, "--json"],
        env=env, capture_output=True, text=True, timeout=60).stdout)
    assert data["status"] == "completed"
    assert all(q["status"] == "answered" for q in data["questions"])


@pytest.mark.slow
def test_sigkill_after_an_answer_loses_nothing(home, database_url):
    store_resume(database_url)
    env = _pty_env(home, database_url)
    child = _spawn(["interview", "--job", JOB, "--questions", "3", "--seed", "2"], env)
    child.expect(r"Question 1 of 3")
    _answer(child, GOOD)
    child.expect("Saved")
    os.kill(child.pid, signal.SIGKILL)
    child.close(force=True)

    listed = subprocess.run([sys.executable, "-m", "mock_interview", "interviews", "list", "--json"],
                            env=env, capture_output=True, text=True, timeout=60)
    interview_id = json.loads(listed.stdout)["interviews"][0]["interview_id"]
    shown = json.loads(subprocess.run(
        [sys.executable, "-m", "mock_interview", "interview", "show", interview_id, "--json"],
        env=env, capture_output=True, text=True, timeout=60).stdout)
    assert shown["questions"][0]["answer"] == GOOD and shown["status"] == "in_progress"
    pending = shown["questions"][-1]
    assert pending["status"] == "asked" and pending["position"] == 1  # next question (or follow-up)

    child = _spawn(["interview", "--continue", interview_id[:8]], env)
    child.expect(r"Question \d of 3")
    child.expect_exact(pending["question"][:25])  # the question that was waiting, not a new one
    child.sendcontrol("c")
    child.expect(pexpect_eof())
    child.close()
    assert child.exitstatus == ExitCode.INTERRUPTED


def pexpect_eof():
    import pexpect

    return pexpect.EOF


def test_review_brings_back_low_scores_first(ready, tmp_path, database_url):
    import uuid
    from datetime import timedelta

    import sqlalchemy as sa

    from mock_interview.domain.interview.review import interval_days
    from mock_interview.services.context import AppContext
    from mock_interview.store.models import Answer, utcnow

    assert interval_days([10]) == 1 and interval_days([95]) == 30
    assert interval_days([80, 80]) == 2 * interval_days([80])  # good streaks space out
    none = ready("interview", "--review", "--answers", write_answers(tmp_path, []))
    assert none.exit_code == ExitCode.NOT_FOUND and "nothing to review" in none.stderr
    answers = ["I don't know.", GOOD, "asdf qwer zxcv", GOOD, GOOD, GOOD, GOOD, GOOD]
    first = ready("interview", "--job", JOB, "--questions", "4", "--seed", "11", "--answers",
                  write_answers(tmp_path, answers), "--json").json()
    weak = {q["question_id"] for q in first["questions"]
            if q["follow_up_of"] is None and (q["scores"] or {"overall": 0})["overall"] < 40}
    assert weak
    # Nothing is due right after the interview: the review is new questions on the weakest
    # skills, never one asked before.
    early = ready("interview", "--review", "--questions", "3", "--answers", write_answers(tmp_path, []),
                  "--json")
    assert early.exit_code == 0, early.stderr
    assert "new on your weakest skills" in early.stderr and "due again" not in early.stderr
    fresh = [q for q in early.json()["questions"] if q["follow_up_of"] is None]
    assert len(fresh) == 3
    assert not {q["question_id"] for q in fresh} & {q["question_id"] for q in first["questions"]}
    first_topics = {q["skill"] or q["competency"] for q in first["questions"]}
    assert all((q["skill"] or q["competency"]) in first_topics for q in fresh)
    # Low scores are due a day later: backdate the answers instead of waiting.
    ctx = AppContext.create(database_url=database_url)
    with ctx.database().session() as session:
        session.execute(sa.update(Answer).where(Answer.interview_id == uuid.UUID(first["interview_id"]))
                        .values(asked_at=utcnow() - timedelta(days=2)))
    ctx.close()
    out = ready("interview", "--review", "--questions", "3", "--answers",
                write_answers(tmp_path, [GOOD] * 6), "--json")
    assert out.exit_code == 0, out.stderr
    asked = [q["question_id"] for q in out.json()["questions"] if q["follow_up_of"] is None]
    assert set(asked[: len(weak)]) == weak  # the weak ones come first


def test_results_exports_reports(ready, tmp_path):
    data = ready("interview", "--job", JOB, "--questions", "2", "--answers",
                 write_answers(tmp_path, [GOOD] * 4), "--json").json()
    short = data["interview_id"][:8]
    md = ready("results", short, "--format", "md")
    assert md.exit_code == 0 and data["questions"][0]["question"] in md.stdout
    target = tmp_path / "report.html"
    out = ready("results", short, "-o", str(target))
    assert out.exit_code == 0, out.stderr
    html = target.read_text()
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html and "http://" not in html.split("<body")[1]
    as_json = ready("results", short, "--format", "json")
    assert json.loads(as_json.stdout)["interview_id"] == data["interview_id"]
    assert ready("results", short, "--format", "pdf").exit_code == ExitCode.USAGE
    assert ready("results", short, "-o", str(tmp_path / "missing" / "x.md")).exit_code == ExitCode.ERROR
