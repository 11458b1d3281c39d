"""Stats: overview, history and progress, checked against figures computed here from stored rows."""

from __future__ import annotations

import re
import statistics
import uuid
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import UTC, datetime

import pytest

from mock_interview.errors import ExitCode
from tests.conftest import OUR_ENV, postgres_schema
from tests.interview_fixtures import store_resume
from tests.test_interview import GOOD, JOB

OTHER_JOB = "brightfallow-lead-backend-engineer-python"
MIDDLING = "I used Python and Django to build APIs. We had some tests."
POOR = "I don't know."
DIMENSIONS = ("technical", "communication", "job_match", "overall")
LABELS = ("Technical", "Communication", "Job match", "Overall")
# (job, answer, started at): clearly different quality, so the scores differ and rise.
PLAN = [(JOB, POOR, datetime(2026, 1, 10, 9, tzinfo=UTC)),
        (OTHER_JOB, MIDDLING, datetime(2026, 2, 10, 9, tzinfo=UTC)),
        (JOB, GOOD, datetime(2026, 3, 10, 9, tzinfo=UTC))]
IN_PROGRESS_AT = datetime(2026, 4, 10, 9, tzinfo=UTC)
PROFILE = "sam@example.com"


def _with_stats_command():
    """The app with `stats` (a no-op once cli/app.py installs it itself)."""
    from mock_interview.cli import stats
    from mock_interview.cli.app import app

    if not any(group.name == "stats" for group in app.registered_groups):
        stats.install(app)
    return app


def _create_interviews(database_url: str) -> list[str]:
    """Three completed interviews (poor, middling, good answers) and one in progress."""
    import sqlalchemy as sa

    from mock_interview.services import interview as service
    from mock_interview.services.context import AppContext
    from mock_interview.store.models import Interview

    store_resume(database_url, PROFILE)
    ctx = AppContext.create(database_url=database_url)
    ids = []
    for seed, (job, answer, started) in enumerate(PLAN):
        session = service.start(ctx, service.InterviewOptions(job=job, count=3, seed=seed))
        while session.ensure_asked() is not None:
            session.submit(answer)
        session.finish()
        ids.append((session.interview_id, started))
    pending = service.start(ctx, service.InterviewOptions(job=JOB, count=3, seed=7))
    pending.submit(GOOD)
    ids.append((pending.interview_id, IN_PROGRESS_AT))
    with ctx.database().session() as db:
        for interview_id, started in ids:
            db.execute(sa.update(Interview).where(Interview.id == interview_id).values(started_at=started))
    ctx.close()
    return [str(i) for i, _ in ids]


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def stored(request, tmp_path_factory) -> Iterator[tuple[str, list[str]]]:
    """(database URL, interview ids oldest first), built once per backend for the tests that
    only read it: interviews take a while to create, most of all on Postgres."""
    with ExitStack() as stack:
        patch = stack.enter_context(pytest.MonkeyPatch.context())
        for name in OUR_ENV:
            patch.delenv(name, raising=False)
        home = tmp_path_factory.mktemp("stats-home")
        patch.setenv("MOCK_INTERVIEW_HOME", str(home))
        url = (f"sqlite:///{home / 'stats.db'}" if request.param == "sqlite"
               else stack.enter_context(postgres_schema()))
        ids = _create_interviews(url)
        patch.undo()
        yield url, ids


@pytest.fixture
def three(stored) -> list[str]:
    return stored[1]


@pytest.fixture
def ran(cli, stored):
    """Runs a command on the shared interviews, as their owner (each test has its own home)."""
    _with_stats_command()
    return lambda *args, **kw: cli("--db", stored[0], "--profile", PROFILE, *args, **kw)


def _stored(database_url):
    """Sam's results oldest first, and Sam's answer rows, read directly."""
    from sqlmodel import select

    from mock_interview.services.context import AppContext
    from mock_interview.store.models import Answer, Interview, Result, User

    ctx = AppContext.create(database_url=database_url)
    with ctx.database().session() as db:
        mine = select(Interview.id).join(User, User.id == Interview.user_id).where(User.email == PROFILE)
        results = db.exec(select(Result).join(Interview, Interview.id == Result.interview_id)
                          .where(Interview.id.in_(mine)).order_by(Interview.started_at)).all()
        answers = db.exec(select(Answer).where(Answer.interview_id.in_(mine))).all()
    ctx.close()
    return list(results), list(answers)


def _expected_topics(answers):
    """Topic -> (mean overall, answers): skill, else competency, else the question's kind."""
    from mock_interview.domain.interview.report import KIND_TOPICS

    kinds = {(a.interview_id, a.position): a.kind for a in answers}
    scores: dict[str, list[float]] = {}
    for a in answers:
        counted = a.status == "answered" or (a.follow_up_of is None and a.status in ("skipped", "unanswered"))
        if not counted:
            continue
        kind = kinds[(a.interview_id, a.follow_up_of)] if a.follow_up_of is not None else a.kind
        topic = a.skill or a.competency or KIND_TOPICS.get(kind, kind)
        scores.setdefault(topic, []).append(a.overall_score or 0.0)
    return {t: (round(sum(v) / len(v), 1), len(v)) for t, v in scores.items()}


# -- overview ---------------------------------------------------------------------------------------

def test_overview_matches_the_stored_rows(ran, three, stored):
    out = ran("stats", "--json")
    assert out.exit_code == 0, out.stderr
    data = out.json()
    assert data["json_version"] == 1 and data["score_scale"] == "0-100"
    assert data["interviews"] == {"total": 4, "completed": 3, "in_progress": 1}
    assert data["model_usage"]["calls"] == 0  # offline interviews: no model, no cost line
    assert "Model usage" not in ran("stats").stdout
    results, answers = _stored(stored[0])
    assert len(results) == 3
    for name in DIMENSIONS:
        series = [getattr(r, f"{name}_score") for r in results]
        figures = data["dimensions"][name]
        assert figures["average"] == pytest.approx(statistics.fmean(series), abs=0.051)
        assert figures["best"] == pytest.approx(max(series), abs=0.051)
        assert figures["latest"] == pytest.approx(series[-1], abs=0.051)
        assert figures["since_first"] == pytest.approx(series[-1] - series[0], abs=0.11)
        slope = statistics.linear_regression(range(len(series)), series).slope
        assert figures["last_5_slope"] == pytest.approx(slope, abs=0.051)
    overall = [r.overall_score for r in results]
    assert overall[0] < overall[1] < overall[2]  # the answers really differ in quality
    assert data["dimensions"]["overall"]["since_first"] > 0

    expected = _expected_topics(answers)
    assert data["answers_counted"] == sum(n for _, n in expected.values())
    ranked = [t for t, (_, n) in expected.items() if n >= 2]
    weakest, strongest = data["weakest_skills"], data["strongest_skills"]
    assert 1 <= len(weakest) <= 3 and strongest
    for row in weakest + strongest:
        assert (row["mean_overall"], row["answers"]) == expected[row["topic"]]
        assert row["answers"] >= data["min_answers"] == 2
    means = [row["mean_overall"] for row in weakest]
    assert means == sorted(means)
    assert means[0] == min(expected[t][0] for t in ranked)
    best = [row["mean_overall"] for row in strongest]
    assert best == sorted(best, reverse=True) and best[0] == max(expected[t][0] for t in ranked)
    assert not {r["topic"] for r in weakest} & {r["topic"] for r in strongest}
    assert max(means) <= min(best)
    practise = data["practise_next"]
    assert practise["skills"] == [r["topic"] for r in weakest]
    assert practise["recommendations"] and all(1 <= t["interviews"] <= 3 for t in practise["recommendations"])
    assert not any(t["text"].startswith("Practise next") for t in practise["recommendations"])

    lenient = ran("stats", "--min-answers", "1", "--json").json()
    assert lenient["topics_ranked"] == len(expected) >= len(ranked)


def test_overview_renders_for_people(ran, three):
    out = ran("stats")
    assert out.exit_code == 0, out.stderr
    for label in LABELS:
        assert label in out.stdout
    assert "0–100" in out.stdout and "Sam Rivera" in out.stdout
    assert "3 completed, 1 in progress" in out.stdout
    assert "Weakest skills" in out.stdout and "What to practise next" in out.stdout
    assert "least-squares" in out.stdout  # the trend method is stated
    assert "\x1b[" not in out.stdout  # NO_COLOR (set for every test) is honoured


# -- history ------------------------------------------------------------------------------------------

def test_history_lists_and_filters(ran, three):
    data = ran("stats", "history", "--json").json()
    assert data["json_version"] == 1 and data["total"] == 4
    rows = data["interviews"]
    assert [r["interview_id"] for r in rows] == list(reversed(three))  # newest first
    assert rows[0]["status"] == "in_progress" and rows[0]["scores"] is None
    assert rows[0]["questions_answered"] == 1 and rows[0]["questions_planned"] == 3
    done = rows[1]
    assert done["status"] == "completed" and set(done["scores"]) == set(DIMENSIONS)
    assert done["questions_asked"] == 3 and done["questions_answered"] == 3
    assert done["job_title"] == "Senior Python Backend Engineer"
    assert rows[-1]["started_at"].startswith("2026-01-10")
    assert rows[-1]["scores"]["overall"] < rows[1]["scores"]["overall"]
    assert all(uuid.UUID(r["interview_id"]) for r in rows)

    since = ran("stats", "history", "--since", "2026-02-10", "--json").json()
    assert [r["interview_id"] for r in since["interviews"]] == list(reversed(three[1:]))
    assert since["filters"]["since"] == "2026-02-10"
    company = ran("stats", "history", "--job", "BRIGHTFALLOW", "--json").json()
    assert [r["interview_id"] for r in company["interviews"]] == [three[1]]
    title = ran("stats", "history", "--job", "senior python", "--json").json()
    assert {r["interview_id"] for r in title["interviews"]} == {three[0], three[2], three[3]}
    assert ran("stats", "history", "--job", "100%_x", "--json").json()["total"] == 0  # LIKE chars inert
    limited = ran("stats", "history", "--limit", "1", "--job", "python", "--json").json()
    assert limited["total"] == 4 and [r["interview_id"] for r in limited["interviews"]] == [three[3]]
    both = ran("stats", "history", "--since", "2026-03-01", "--job", "tallowbrook", "-n", "5", "--json").json()
    assert both["total"] == 2

    out = ran("stats", "history")
    assert out.exit_code == 0, out.stderr
    assert "Senior Python Backend Engineer" in out.stdout and "0–100" in out.stdout
    assert "2026-01-10" in out.stdout and "(in progress)" in out.stdout and three[0][:8] in out.stdout
    none = ran("stats", "history", "--since", "2030-01-01")
    assert none.exit_code == 0 and "No interviews match" in none.stderr


@pytest.mark.parametrize("value", ["yesterday", "2026-13-01", "10/03/2026", ""])
def test_bad_since_is_a_usage_error(cli, value):
    _with_stats_command()
    out = cli("stats", "history", "--since", value)  # refused before the database is opened
    assert out.exit_code == ExitCode.USAGE
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "--since" in lines[0] and "ISO date" in lines[0]


# -- progress -----------------------------------------------------------------------------------------

def test_progress_series(ran, three, stored):
    results, _ = _stored(stored[0])
    data = ran("stats", "progress", "--json").json()
    assert data["json_version"] == 1 and data["completed"] == 3 and data["in_progress"] == 1
    assert [p["interview_id"] for p in data["interviews"]] == three[:3]  # oldest first, completed only
    assert [p["number"] for p in data["interviews"]] == [1, 2, 3]
    for name in DIMENSIONS:
        assert data["series"][name] == [pytest.approx(getattr(r, f"{name}_score"), abs=0.051) for r in results]
    last_two = ran("stats", "progress", "--limit", "2", "-d", "overall", "-d", "job-match", "--json").json()
    assert list(last_two["series"]) == ["overall", "job_match"]
    assert [p["number"] for p in last_two["interviews"]] == [2, 3]
    assert last_two["series"]["overall"] == data["series"]["overall"][1:]
    assert last_two["change"]["overall"] == pytest.approx(
        data["series"]["overall"][2] - data["series"]["overall"][1], abs=0.11)

    out = ran("stats", "progress")
    assert out.exit_code == 0, out.stderr
    for label in LABELS:
        assert label in out.stdout
    assert "0–100" in out.stdout and "#1" in out.stdout and "#3" in out.stdout
    assert re.search("[▁▂▃▄▅▆▇█]", out.stdout)
    bad = ran("stats", "progress", "--dimension", "charm")
    assert bad.exit_code == ExitCode.USAGE and "--dimension" in bad.stderr


def test_progress_fits_a_narrow_terminal(ran, three):
    out = ran("stats", "progress", "-d", "overall", env={"COLUMNS": "24"})
    assert out.exit_code == 0, out.stderr
    lines = out.stdout.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= 24
    assert "#1 " not in out.stdout and "#2" in out.stdout and "#3" in out.stdout  # the newest fit
    assert "did not fit" in " ".join(out.stdout.split())


# -- empty and missing states -------------------------------------------------------------------------

def test_no_interviews_yet_is_friendly(cli, stored):
    # Another person in the shared database: Sam's interviews must not show.
    url = stored[0]
    store_resume(url, "new@example.com", "New Person")
    _with_stats_command()

    def run(*args):
        return cli("--db", url, "--profile", "new@example.com", *args)

    for args in (("stats",), ("stats", "history"), ("stats", "progress")):
        out = run(*args)
        assert out.exit_code == 0, out.stderr
        assert "No interviews yet" in out.stderr and "mock-interview demo" in out.stderr
        assert out.stdout == ""
    data = run("stats", "--json").json()
    assert data["interviews"] == {"total": 0, "completed": 0, "in_progress": 0}
    assert data["weakest_skills"] == [] and data["strongest_skills"] == []
    assert data["practise_next"] == {"skills": [], "recommendations": [], "from_last_interviews": 0}
    assert data["answers_counted"] == 0
    assert all(v is None for d in data["dimensions"].values() for v in d.values())  # no score yet
    history = run("stats", "history", "--json").json()
    assert history["total"] == 0 and history["interviews"] == []
    progress = run("stats", "progress", "--json").json()
    assert progress["completed"] == 0 and progress["series"] == {d: [] for d in DIMENSIONS}

    from mock_interview.services import interview as service
    from mock_interview.services.context import AppContext

    ctx = AppContext.create(database_url=url, profile="new@example.com")
    service.start(ctx, service.InterviewOptions(job=JOB, count=2, seed=1)).submit(GOOD)
    ctx.close()
    started = run("stats")
    assert started.exit_code == 0 and "0 completed, 1 in progress" in started.stdout
    assert "No completed interview yet" in started.stdout and "Overall" not in started.stdout
    waiting = run("stats", "progress")
    assert waiting.exit_code == 0 and "No completed interview yet" in waiting.stderr and "--continue" in waiting.stderr


def test_no_active_profile_is_exit_3(cli):
    _with_stats_command()
    for args in (("stats",), ("stats", "history"), ("stats", "progress", "--json")):
        out = cli(*args)
        assert out.exit_code == ExitCode.NOT_FOUND
        assert "no active profile" in out.stderr and "register" in out.stderr


def test_help_has_examples_and_imports_nothing_heavy():
    from typer.testing import CliRunner

    app = _with_stats_command()
    for path in (["stats"], ["stats", "history"], ["stats", "progress"]):
        out = CliRunner().invoke(app, [*path, "--help"])
        assert out.exit_code == 0
        assert "mock-interview stats" in out.stdout.split("Example:", 1)[1]
    assert "least-squares" in CliRunner().invoke(app, ["stats", "--help"]).stdout
    import subprocess
    import sys

    from tests.conftest import subprocess_env

    code = ("import sys; import mock_interview.cli.stats; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "{'sqlalchemy', 'sqlmodel', 'alembic', 'psycopg', 'rich'}))")
    loaded = subprocess.run([sys.executable, "-c", code], env=subprocess_env(), capture_output=True,
                            text=True, timeout=60)
    assert loaded.stdout.strip() == "[]", loaded.stderr


# -- the pure rules -----------------------------------------------------------------------------------

def test_rules():
    from mock_interview.cli.stats import bar
    from mock_interview.domain import stats as rules
    from mock_interview.errors import UsageError

    assert rules.slope([10]) is None and rules.slope([]) is None
    assert rules.slope([10, 20, 30]) == pytest.approx(10)
    noisy = [50, 40, 60, 30]
    assert rules.slope(noisy) == pytest.approx(statistics.linear_regression(range(4), noisy).slope)
    assert rules.parse_since(" 2026-03-01 ").isoformat() == "2026-03-01"
    with pytest.raises(UsageError):
        rules.parse_since("March")
    assert rules.parse_dimension("Job match") == rules.parse_dimension("job-match") == "job_match"

    topics = [rules.TopicStat(name, "skill", total, n) for name, total, n in
              [("A", 10, 1), ("B", 80, 2), ("C", 150, 2), ("D", 90, 3), ("E", 270, 3)]]
    weakest, strongest = rules.rank_topics(topics, 2, 3)
    assert [t.topic for t in weakest] == ["D", "B"] and [t.topic for t in strongest] == ["E", "C"]
    assert rules.rank_topics(topics[:2], 2, 3) == ([topics[1]], [])
    assert rules.fold_topics([("Python", None, "technical", 100.0, 2), ("Python", None, "gap", 50.0, 1),
                              (None, None, "resume", 30.0, 1)])[0].mean == 50.0

    tips = rules.recurring_recommendations([
        ["Practise next: Kafka.", "Use the job's own terms where true for you: Kafka.", "Cut filler words."],
        ["Use the job's own terms where true for you: Go, Rust.", "End stories with the result."],
        ["Cut filler words."]], 2)
    assert tips == [rules.Recommendation("Use the job's own terms where true for you: Kafka.", 2),
                    rules.Recommendation("Cut filler words.", 2)]

    assert bar(0, 2) == ["  ", "  "] and bar(100, 2) == ["██", "██"]
    assert bar(50, 2) == ["  ", "██"] and bar(56.25, 2) == ["▁▁", "██"]
