"""Shell completion, through the protocol the shell uses (bash: COMP_WORDS and COMP_CWORD): values
of options with a fixed set of values, and ids, slugs and emails from the database."""

from __future__ import annotations

import shlex
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from tests.conftest import subprocess_env
from tests.interview_fixtures import store_resume
from tests.test_interview import GOOD, JOB, write_answers

COMPLETE_ENV = "_MOCK_INTERVIEW_COMPLETE"


def complete(line: str) -> list[str]:
    """What bash would be offered for the last word of ``line`` (a trailing space: a new word)."""
    from mock_interview.cli.app import app

    words = shlex.split(line)
    cword = len(words) if line.endswith(" ") else len(words) - 1
    out = CliRunner().invoke(app, [], prog_name="mock-interview", env={
        COMPLETE_ENV: "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(cword)})
    assert out.exit_code == 0, out.output
    return out.stdout.split()


def test_fixed_values_complete():
    assert complete("mock-interview interview --type ") == ["mixed", "technical", "behavioral"]
    assert complete("mock-interview interview --difficulty h") == ["hard"]
    assert complete("mock-interview search-jobs --level s") == ["senior"]
    assert complete("mock-interview search-jobs --type ") == [
        "full-time", "part-time", "contract", "internship", "temporary"]
    assert complete("mock-interview evaluate --format ") == ["jsonl", "csv"]
    assert complete("mock-interview grade --kind b") == ["behavioral"]
    assert complete("mock-interview stats progress --dimension job") == ["job_match"]
    assert complete("mock-interview config set llm.t") == ["llm.temperature", "llm.timeout"]
    assert complete("mock-interview config set llm.provider ") == ["auto", "offline", "openai"]
    assert complete("mock-interview config set llm.temperature ") == []  # a number: nothing to offer


def test_the_fixed_values_are_those_the_services_accept():
    from mock_interview.cli.conventions import CHOICES
    from mock_interview.domain.interview.bank import DIFFICULTIES
    from mock_interview.domain.interview.planner import MIXES
    from mock_interview.domain.jobs import JOB_TYPES, LEVELS
    from mock_interview.services.evaluate import FORMATS
    from mock_interview.services.grading import KINDS

    assert CHOICES[("search-jobs", "--type")] == JOB_TYPES
    assert CHOICES[("search-jobs", "--level")] == LEVELS
    assert CHOICES[("evaluate", "--format")] == FORMATS
    assert CHOICES[("grade", "--kind")] == KINDS
    for command in ("interview", "evaluate"):
        assert CHOICES[(command, "--type")] == MIXES
        assert CHOICES[(command, "--difficulty")] == DIFFICULTIES


def _parameters() -> dict[tuple[str, str], object]:
    import typer.main

    from mock_interview.cli.app import app
    from mock_interview.cli.conventions import apply_conventions

    root = typer.main.get_command(app)
    apply_conventions(root)
    found = {}

    def walk(command, path):
        for param in command.params:
            option = next((o for o in param.opts if o.startswith("--")), None)
            found[(path, option if param.param_type_name == "option" else param.name)] = param
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, f"{path} {name}".strip())

    walk(root, "")
    return found


def test_every_id_and_email_completes_and_every_table_entry_names_a_parameter():
    from mock_interview.cli.conventions import CHOICES, RECORDS

    parameters = _parameters()
    assert set(CHOICES) | set(RECORDS) <= set(parameters)
    new_emails = {("register", "--email"), ("users rename", "--email")}
    for key, param in parameters.items():
        if key in new_emails:
            continue
        metavar = param.metavar or ""
        if metavar.startswith(("ID", "EMAIL")) or key[1] in ("--resume", "--continue", "--profile"):
            assert getattr(param, "_custom_shell_complete", None) is not None, key


def test_without_a_database_nothing_is_offered_and_nothing_fails(home):
    assert complete("mock-interview results ") == []
    assert complete("mock-interview login ") == []
    assert complete("mock-interview interview --job py") == []
    assert not (home / "mock-interview.db").exists()  # completion never creates the database


def test_ids_slugs_and_emails_complete_from_the_database(cli, database_url, tmp_path):
    from mock_interview.services import interview as service
    from mock_interview.services.context import AppContext

    store_resume(database_url, email="ada@example.com", name="Ada")
    store_resume(database_url, email="grace@example.com", name="Grace")
    db = f"mock-interview --db {shlex.quote(database_url)}"
    done = cli("--db", database_url, "interview", "--job", JOB, "--questions", "2",
               "--answers", write_answers(tmp_path, [GOOD] * 4), "--json").json()["interview_id"]
    ctx = AppContext.create(database_url=database_url)
    session = service.start(ctx, service.InterviewOptions(job=JOB, count=2, seed=1))
    ctx.close()
    open_one = str(session.interview_id)
    resume = cli("--db", database_url, "resumes", "list", "--json").json()["resumes"][0]["id"].replace("-", "")

    assert complete(f"{db} --profile ") == ["ada@example.com", "grace@example.com"]
    assert complete(f"{db} login g") == ["grace@example.com"]
    assert complete(f"{db} users delete a") == ["ada@example.com"]
    both = complete(f"{db} results ")
    assert both == [open_one[:8], done[:8]]  # newest first, as the list shows them
    assert complete(f"{db} results {done[:3]}") == [done[:8]]
    assert complete(f"{db} interview show {done[:10]}") == [done[:10]]  # dashes as typed
    assert complete(f"{db} interview show {done.replace('-', '')[:10]}") == [done.replace("-", "")[:10]]
    assert complete(f"{db} interviews delete ") == both
    assert complete(f"{db} interview --continue ") == [open_one[:8]]
    assert complete(f"{db} resumes show ") == [resume[:8]]
    assert complete(f"{db} interview --resume {resume[:2]}") == [resume[:8]]
    assert JOB in complete(f"{db} interview --job {JOB[:8]}")
    assert all(slug.startswith(JOB[:8]) for slug in complete(f"{db} jobs show {JOB[:8]}"))
    job_id = cli("--db", database_url, "jobs", "show", JOB, "--json").json()["job"]["id"].replace("-", "")
    assert job_id[:8] in complete(f"{db} jobs delete {job_id[:5]}")
    # Another profile sees its own interviews only.
    assert complete(f"{db} --profile ada@example.com results ") == []


def test_completion_on_sqlite_never_loads_sqlalchemy(cli, home, tmp_path):
    store_resume(None)
    cli("interview", "--job", JOB, "--questions", "2", "--answers", write_answers(tmp_path, [GOOD] * 4))
    probe = ("import sys\n"
             "from mock_interview.cli.app import main\n"
             "try:\n    main()\n"
             "finally:\n"
             "    print('loaded:', sorted(m for m in ('sqlalchemy', 'sqlmodel', 'alembic') if m in sys.modules),"
             " file=sys.stderr)\n")
    for line, cword in (("mock-interview results ", 2), ("mock-interview interview --job tallow", 3),
                        ("mock-interview resumes show ", 3), ("mock-interview login ", 2)):
        done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120,
                              env=subprocess_env(**{COMPLETE_ENV: "complete_bash", "COMP_WORDS": line,
                                                    "COMP_CWORD": str(cword)}))
        assert done.returncode == 0, done.stderr
        assert done.stdout.split(), line  # something was offered
        assert done.stderr.strip().splitlines()[-1] == "loaded: []", (line, done.stderr)


@pytest.mark.parametrize("line", ["mock-interview results zz", "mock-interview jobs show zz%_"])
def test_what_matches_nothing_offers_nothing(cli, home, line):
    store_resume(None)
    assert complete(line) == []
