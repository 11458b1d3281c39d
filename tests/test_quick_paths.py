"""The quick read-only paths (services/quick.py) against the regular services, on one real database.

On a current SQLite database `whoami`, `stats`, `results` and `interviews list` read with the
sqlite3 module and never load SQLAlchemy; anywhere else (Postgres, a schema to upgrade) they take
the regular path. Both paths must print exactly the same, as text and as JSON.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

from mock_interview.errors import ExitCode
from tests.conftest import subprocess_env
from tests.interview_fixtures import store_resume
from tests.llm_server import LLMServer
from tests.test_interview import GOOD, JOB, write_answers

WEAK = "I would probably just use a cache, maybe."


def _interview(cli, database_url, tmp_path, seed: int, answers: list[str], *extra: str) -> str:
    out = cli("--db", database_url, "interview", "--job", JOB, "--questions", "3", "--seed", str(seed),
              "--answers", write_answers(tmp_path, answers), "--json", *extra)
    assert out.exit_code == 0, out.stderr
    return out.json()["interview_id"]


@pytest.fixture
def history(cli, database_url, tmp_path):
    """One person's varied history: strong and weak interviews, a retry, a model-graded one with
    its cost ledger, an abandoned one, one still in progress; and a second person."""
    from mock_interview.services import interview as service
    from mock_interview.services.context import AppContext

    store_resume(database_url, email="other@example.com", name="Other Person")
    _interview(cli, database_url, tmp_path, 9, [GOOD] * 8)
    store_resume(database_url)
    ids = [
        _interview(cli, database_url, tmp_path, 1, [GOOD] * 8),
        _interview(cli, database_url, tmp_path, 2, [WEAK, "/retry", GOOD, WEAK, "", WEAK, WEAK]),
        _interview(cli, database_url, tmp_path, 3, [GOOD] * 8),
    ]
    with LLMServer() as server:
        ids.append(_interview(cli, database_url, tmp_path, 4, [GOOD] * 8, "--engine", "openai",
                              "--base-url", server.url, "--model", "test-model"))
    assert cli("--db", database_url, "interviews", "abandon", ids[2][:8]).exit_code == 0
    ctx = AppContext.create(database_url=database_url)
    session = service.start(ctx, service.InterviewOptions(job=JOB, count=3, seed=5))
    session.ensure_asked()
    session.submit(GOOD)
    session.ensure_asked()
    ctx.close()
    ids.append(str(session.interview_id))
    return ids


READS = [
    ("whoami",), ("whoami", "--json"),
    ("stats",), ("stats", "--json"), ("stats", "--min-answers", "1"),
    ("interviews", "list"), ("interviews", "list", "--json"), ("interviews", "list", "-n", "2"),
]
PER_INTERVIEW = [("results", "{id}"), ("results", "{id}", "--json"), ("results", "{short}"),
                 ("results", "{short}", "--format", "md"), ("results", "{id}", "--format", "json")]


def _both_paths(cli, monkeypatch, database_url, args):
    """The command's exit code, stdout and stderr through the quick path, then the regular one."""
    from mock_interview.services import quick

    taken = []
    real_connect = quick.connect

    def watched(ctx):
        connection = real_connect(ctx)
        taken.append(connection is not None)
        return connection

    with monkeypatch.context() as patch:
        patch.setattr(quick, "connect", watched)
        fast = cli("--db", database_url, *args)
    with monkeypatch.context() as patch:
        patch.setattr(quick, "connect", lambda ctx: None)
        regular = cli("--db", database_url, *args)
    return ((fast.exit_code, fast.stdout, fast.stderr), (regular.exit_code, regular.stdout, regular.stderr),
            taken)


def test_quick_and_regular_paths_print_the_same(cli, monkeypatch, database_url, history):
    sqlite = database_url.startswith("sqlite")
    commands = [list(args) for args in READS]
    for interview_id in history:
        commands += [[a.replace("{id}", interview_id).replace("{short}", interview_id[:8]) for a in args]
                     for args in PER_INTERVIEW]
    for args in commands:
        fast, regular, taken = _both_paths(cli, monkeypatch, database_url, args)
        assert fast == regular, args
        assert fast[0] == 0, (args, fast[2])
        assert taken and all(taken) == sqlite, args  # Postgres always takes the regular path
    # What they print is the real thing, not two empty pages.
    listed = cli("--db", database_url, "interviews", "list", "--json").json()
    assert [row["interview_id"] for row in listed["interviews"]] == history[::-1]
    assert {row["status"] for row in listed["interviews"]} == {"completed", "abandoned", "in_progress"}
    overview = cli("--db", database_url, "stats", "--json").json()
    assert overview["interviews"] == {"total": 4, "completed": 3, "in_progress": 1}
    assert overview["model_usage"]["interviews"] == 1 and overview["model_usage"]["calls"] > 0
    assert overview["weakest_skills"] and overview["practise_next"]["recommendations"]
    retried = cli("--db", database_url, "results", history[1][:8], "--json").json()
    assert any(len(q["attempts"]) == 2 for q in retried["questions"])
    graded = cli("--db", database_url, "results", history[3], "--json").json()
    assert graded["llm"]["usage"]["calls"] > 0


def test_errors_are_the_regular_paths(cli, monkeypatch, database_url, history):
    other = cli("--db", database_url, "--profile", "other@example.com", "interviews", "list", "--json").json()
    someone_elses = other["interviews"][0]["interview_id"]
    cases = [("results", "ffffffff"), ("results", "zz"), ("results", someone_elses[:8]),
             ("--profile", "nobody@example.com", "whoami"), ("--profile", "nobody@example.com", "stats"),
             ("--profile", "nobody@example.com", "results", "ffffffff"),
             ("--profile", "nobody@example.com", "results", history[0][:8])]
    for args in cases:
        fast, regular, _ = _both_paths(cli, monkeypatch, database_url, args)
        assert fast == regular, args
        assert fast[0] == ExitCode.NOT_FOUND and fast[2].startswith("error: "), (args, fast)


def test_sqlite_reads_never_load_sqlalchemy(cli, home, tmp_path):
    database = f"sqlite:///{home / 'mock-interview.db'}"
    store_resume(database)
    interview_id = _interview(cli, database, tmp_path, 1, [GOOD] * 8)
    probe = ("import sys\n"
             "from mock_interview.cli.app import main\n"
             "try:\n    main()\n"
             "finally:\n"
             "    print(sorted(m for m in ('sqlalchemy', 'sqlmodel', 'alembic') if m in sys.modules),"
             " file=sys.stderr)\n")
    for args in (["whoami"], ["stats"], ["stats", "--json"], ["interviews", "list"],
                 ["results", interview_id[:8]], ["results", interview_id, "--json"]):
        done = subprocess.run([sys.executable, "-c", probe, *args], env=subprocess_env(),
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, (args, done.stderr)
        assert done.stderr.strip().splitlines()[-1] == "[]", (args, done.stderr)


def test_an_older_schema_takes_the_regular_path_which_upgrades_it(cli, home):
    from mock_interview.services import quick
    from mock_interview.services.context import AppContext
    from mock_interview.store.database import Database
    from mock_interview.store.migrations import HEAD, REVISIONS

    path = home / "old.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{path}"
    database = Database(url)
    database.upgrade(to=REVISIONS[-2])
    database.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO users (id, email, full_name, created_at, updated_at) "
                           "VALUES (?, ?, ?, ?, ?)", ("0" * 31 + "1", "old@example.com", "Old Timer",
                                                      "2026-01-02 03:04:05.000000", "2026-01-02 03:04:05.000000"))
    ctx = AppContext.create(database_url=url, profile="old@example.com")
    assert quick.connect(ctx) is None
    out = cli("--db", url, "--profile", "old@example.com", "stats", "--json")
    assert out.exit_code == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["profile"]["full_name"] == "Old Timer" and data["interviews"]["total"] == 0
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)
    connection = quick.connect(ctx)  # now current: the next read is a quick one
    assert connection is not None
    connection.close()
