"""register / login / whoami / users list, on SQLite and on Postgres."""

from __future__ import annotations

import json

from mock_interview.errors import ExitCode


def test_register_then_whoami_json(cli, database_url):
    out = cli("--db", database_url, "register", "--name", "Ada Lovelace", "--email",
              "ada@example.com", "--json")
    assert out.exit_code == 0, out.stderr
    registered = out.json()["profile"]
    assert registered["email"] == "ada@example.com" and registered["active"] is True

    out = cli("--db", database_url, "whoami", "--json")
    assert out.exit_code == 0, out.stderr
    doc = out.json()
    assert doc["json_version"] == 1
    assert doc["profile"]["id"] == registered["id"]
    assert doc["profile"]["full_name"] == "Ada Lovelace"
    assert doc["profile"]["created_at"].endswith("+00:00")


def test_duplicate_email_is_a_clear_error_and_keeps_the_first(cli, database_url):
    assert cli("--db", database_url, "register", "-n", "Ada", "-e", "ada@example.com").exit_code == 0
    out = cli("--db", database_url, "register", "-n", "Impostor", "-e", "ADA@Example.com")
    assert out.exit_code == ExitCode.ERROR
    assert "already exists" in out.stderr and len(out.stderr.strip().splitlines()) == 1
    listed = cli("--db", database_url, "users", "list", "--json").json()
    assert [p["full_name"] for p in listed["profiles"]] == ["Ada"]


def test_login_switches_the_active_profile(cli, database_url):
    cli("--db", database_url, "register", "-n", "Ada", "-e", "ada@example.com")
    cli("--db", database_url, "register", "-n", "Grace", "-e", "grace@example.com")
    assert cli("--db", database_url, "whoami", "--json").json()["profile"]["full_name"] == "Grace"
    out = cli("--db", database_url, "login", "ada@example.com", "--json")
    assert out.exit_code == 0, out.stderr
    assert cli("--db", database_url, "whoami", "--json").json()["profile"]["full_name"] == "Ada"
    listed = cli("--db", database_url, "users", "list", "--json").json()
    assert listed["total"] == 2
    assert {p["email"]: p["active"] for p in listed["profiles"]} == {
        "ada@example.com": True,
        "grace@example.com": False,
    }


def test_profile_flag_and_env_override_the_active_profile(cli, database_url):
    cli("--db", database_url, "register", "-n", "Ada", "-e", "ada@example.com")
    cli("--db", database_url, "register", "-n", "Grace", "-e", "grace@example.com")
    out = cli("--db", database_url, "--profile", "ada@example.com", "whoami", "--json")
    assert out.json()["profile"]["full_name"] == "Ada"
    out = cli("--db", database_url, "whoami", "--json",
              env={"MOCK_INTERVIEW_PROFILE": "ada@example.com"})
    assert out.json()["profile"]["full_name"] == "Ada"
    # The override does not change the stored active profile.
    assert cli("--db", database_url, "whoami", "--json").json()["profile"]["full_name"] == "Grace"


def test_unknown_email_on_login(cli, database_url):
    out = cli("--db", database_url, "login", "nobody@example.com")
    assert out.exit_code == ExitCode.NOT_FOUND
    assert out.stderr.startswith("error: no profile with email nobody@example.com")


def test_malformed_email_is_a_usage_error_and_stores_nothing(cli, database_url):
    for bad in ("not-an-email", "a@b", "two@@example.com", "", "spaces in@example.com"):
        out = cli("--db", database_url, "register", "-n", "X", "-e", bad)
        assert out.exit_code == ExitCode.USAGE, (bad, out.stderr)
        assert "Traceback" not in out.stderr
    assert cli("--db", database_url, "users", "list", "--json").json()["total"] == 0


def test_blank_name_is_refused(cli):
    out = cli("register", "--name", "   ", "--email", "ada@example.com")
    assert out.exit_code == ExitCode.USAGE
    assert "name is required" in out.stderr


def test_newcomer_is_told_what_to_do(cli):
    out = cli("whoami")
    assert out.exit_code == ExitCode.NOT_FOUND
    assert "mock-interview register --name" in out.stderr


def test_active_profile_is_remembered_per_database(cli, home):
    first = f"sqlite:///{home / 'one.db'}"
    second = f"sqlite:///{home / 'two.db'}"
    cli("--db", first, "register", "-n", "Ada", "-e", "ada@example.com")
    out = cli("--db", second, "whoami")
    assert out.exit_code == ExitCode.NOT_FOUND  # nothing active in the second database
    cli("--db", second, "register", "-n", "Grace", "-e", "grace@example.com")
    assert cli("--db", first, "whoami", "--json").json()["profile"]["full_name"] == "Ada"


def test_users_list_human_output(cli):
    cli("register", "-n", "Ada Lovelace", "-e", "ada@example.com")
    out = cli("users", "list")
    assert out.exit_code == 0
    assert "Ada Lovelace" in out.stdout and "ada@example.com" in out.stdout


# -- your history in your hands: erase, delete, abandon; register adopts the local profile --------

ERASED_TEXT = "Quillon Vantabrisk"  # a name and words found nowhere else, to search for
RESUME_TEXT = f"""{ERASED_TEXT}
quillon.vantabrisk@example.org | Leeds, UK

Experience
Backend Engineer, Zephyrine Looms Ltd, 2019 - 2024
- Built Python and Django services for the zephyrine ledger
- Ran PostgreSQL and Redis in production

Skills
Python, Django, PostgreSQL, Redis, Docker
"""
ANSWER = "At Zephyrine Looms I profiled the slow Django view, added an index and cut latency by 60%."


def _person_with_history(cli, database_url, tmp_path, email, name, text, answer):
    from tests.test_interview import JOB

    assert cli("--db", database_url, "register", "-n", name, "-e", email, "--new").exit_code == 0
    resume = tmp_path / f"{email}.txt"
    resume.write_text(text, encoding="utf-8")
    out = cli("--db", database_url, "upload", str(resume), "--json")
    assert out.exit_code == 0, out.stderr
    answers = tmp_path / f"{email}.json"
    answers.write_text(json.dumps([answer] * 4))
    ids = []
    for _ in range(2):
        out = cli("--db", database_url, "interview", "--job", JOB, "--questions", "2", "--engine",
                  "offline", "--answers", str(answers), "--json")
        assert out.exit_code == 0, out.stderr
        ids.append(out.json()["interview_id"])
    return ids


def _add_ledger_row(database_url, interview_id):
    """A model-call record for the interview, as the LLM engine writes them."""
    import uuid

    from mock_interview.store.database import open_database
    from mock_interview.store.models import LlmCall

    database = open_database(database_url)
    with database.session() as session:
        session.add(LlmCall(interview_id=uuid.UUID(interview_id), step="grade", model="m"))
    database.dispose()


def _database_text(database_url) -> str:
    """Every row of every table, as text."""
    import sqlalchemy as sa

    from mock_interview.store.database import normalise_url

    engine = sa.create_engine(normalise_url(database_url))
    parts = []
    with engine.connect() as connection:
        for table in sa.inspect(connection).get_table_names():
            for row in connection.execute(sa.text(f'SELECT * FROM "{table}"')):
                parts.append(" ".join(str(v) for v in row))
    engine.dispose()
    return "\n".join(parts)


def _files_text(root) -> bytes:
    return b"\n".join(p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file())


def test_users_delete_leaves_no_row_and_no_file_behind(cli, database_url, home, tmp_path):
    import uuid

    erased_ids = _person_with_history(cli, database_url, tmp_path, "quillon@example.org",
                                      ERASED_TEXT, RESUME_TEXT, ANSWER)
    kept_ids = _person_with_history(cli, database_url, tmp_path, "kim@example.com", "Kim Park",
                                    RESUME_TEXT.replace(ERASED_TEXT, "Kim Park").replace("quillon.vantabrisk", "kim.park")
                                    .replace("Zephyrine", "Ostara").replace("zephyrine", "ostara"),
                                    ANSWER.replace("Zephyrine", "Ostara"))
    _add_ledger_row(database_url, erased_ids[0])
    _add_ledger_row(database_url, kept_ids[0])
    assert cli("--db", database_url, "login", "quillon@example.org").exit_code == 0
    user_id = cli("--db", database_url, "whoami", "--json").json()["profile"]["id"]
    stored_files = list((home / "resumes").iterdir())
    assert len(stored_files) == 2

    # Without a terminal, erasure needs --yes; nothing is touched before.
    refused = cli("--db", database_url, "users", "delete", "quillon@example.org")
    assert refused.exit_code == ExitCode.USAGE and "--yes" in refused.stderr
    out = cli("--db", database_url, "users", "delete", "quillon@example.org", "--yes", "--json")
    assert out.exit_code == 0, out.stderr
    erased = out.json()["erased"]
    assert sorted(erased["interviews"]) == sorted(erased_ids) and erased["resumes"] == 1
    assert erased["model_calls"] == 1 and len(erased["files"]) == 1

    traces = [ERASED_TEXT, "quillon", "Zephyrine", user_id, uuid.UUID(user_id).hex,
              *erased_ids, *(uuid.UUID(i).hex for i in erased_ids)]
    rows = _database_text(database_url)
    for trace in traces:
        assert trace.lower() not in rows.lower(), trace
    data = _files_text(home).lower()
    for trace in traces:
        assert trace.lower().encode() not in data, trace
    # The other person keeps everything.
    assert "Ostara" in rows and all(i in rows or uuid.UUID(i).hex in rows for i in kept_ids)
    assert len(list((home / "resumes").iterdir())) == 1
    assert cli("--db", database_url, "whoami").exit_code == ExitCode.NOT_FOUND  # no active profile now
    assert cli("--db", database_url, "users", "delete", "quillon@example.org", "--yes").exit_code == ExitCode.NOT_FOUND


def test_interviews_delete_and_abandon_leave_stats(cli, database_url, tmp_path):
    ids = _person_with_history(cli, database_url, tmp_path, "quillon@example.org", ERASED_TEXT,
                               RESUME_TEXT, ANSWER)
    stats = cli("--db", database_url, "stats", "--json").json()
    assert stats["interviews"]["completed"] == 2

    out = cli("--db", database_url, "interviews", "abandon", ids[0][:8], "--json")
    assert out.exit_code == 0, out.stderr
    assert out.json()["status"] == "abandoned" and out.json()["previous_status"] == "completed"
    stats = cli("--db", database_url, "stats", "--json").json()
    assert stats["interviews"] == {"total": 1, "completed": 1, "in_progress": 0}
    history = cli("--db", database_url, "stats", "history", "--json").json()
    assert [row["interview_id"] for row in history["interviews"]] == [ids[1]]
    listed = cli("--db", database_url, "interviews", "list", "--json").json()["interviews"]
    assert {row["interview_id"]: row["status"] for row in listed}[ids[0]] == "abandoned"

    assert cli("--db", database_url, "interviews", "delete", ids[1]).exit_code == ExitCode.USAGE
    out = cli("--db", database_url, "interviews", "delete", ids[1][:8], ids[0], "--yes", "--json")
    assert out.exit_code == 0, out.stderr
    assert sorted(out.json()["erased"]["interviews"]) == sorted(ids)
    assert cli("--db", database_url, "stats", "--json").json()["interviews"]["total"] == 0
    assert cli("--db", database_url, "interviews", "list", "--json").json()["total"] == 0
    assert cli("--db", database_url, "results", ids[0]).exit_code == ExitCode.NOT_FOUND
    # An unknown id deletes nothing, and says so.
    assert cli("--db", database_url, "interviews", "delete", "ffffffff", "--yes").exit_code == ExitCode.NOT_FOUND


def test_register_adopts_the_automatic_local_profile(cli, database_url, tmp_path, home):
    resume = tmp_path / "cv.txt"
    resume.write_text(RESUME_TEXT, encoding="utf-8")
    out = cli("--db", database_url, "upload", str(resume), "--json")
    assert out.exit_code == 0, out.stderr
    local = cli("--db", database_url, "whoami", "--json").json()["profile"]
    assert local["email"].endswith("@localhost.localdomain")

    out = cli("--db", database_url, "register", "-n", "Ada Lovelace", "-e", "ada@example.com")
    assert out.exit_code == 0, out.stderr
    assert local["email"] in out.stderr  # says what happened
    me = cli("--db", database_url, "whoami", "--json").json()["profile"]
    assert (me["id"], me["email"], me["full_name"]) == (local["id"], "ada@example.com", "Ada Lovelace")
    assert cli("--db", database_url, "resumes", "list", "--json").json()["total"] == 1  # kept its data
    assert [p["email"] for p in cli("--db", database_url, "users", "list", "--json").json()["profiles"]] == [
        "ada@example.com"]
    # Registering again creates a separate profile: the active one is not automatic any more.
    assert cli("--db", database_url, "register", "-n", "Grace", "-e", "grace@example.com").exit_code == 0
    assert cli("--db", database_url, "users", "list", "--json").json()["total"] == 2


def test_register_new_keeps_the_automatic_profile(cli, tmp_path):
    resume = tmp_path / "cv.txt"
    resume.write_text(RESUME_TEXT, encoding="utf-8")
    assert cli("upload", str(resume)).exit_code == 0
    assert cli("register", "-n", "Ada", "-e", "ada@example.com", "--new").exit_code == 0
    emails = [p["email"] for p in cli("users", "list", "--json").json()["profiles"]]
    assert len(emails) == 2 and "ada@example.com" in emails
    assert cli("whoami", "--json").json()["profile"]["email"] == "ada@example.com"


def test_users_rename(cli, database_url):
    assert cli("--db", database_url, "register", "-n", "Ada", "-e", "ada@example.com").exit_code == 0
    assert cli("--db", database_url, "register", "-n", "Grace", "-e", "grace@example.com").exit_code == 0
    assert cli("--db", database_url, "login", "ada@example.com").exit_code == 0
    out = cli("--db", database_url, "users", "rename", "ada@example.com", "--email", "ada@lovelace.org",
              "--name", "Ada King", "--json")
    assert out.exit_code == 0, out.stderr
    assert out.json()["profile"]["email"] == "ada@lovelace.org" and out.json()["profile"]["active"]
    assert cli("--db", database_url, "whoami", "--json").json()["profile"]["full_name"] == "Ada King"
    clash = cli("--db", database_url, "users", "rename", "ada@lovelace.org", "--email", "grace@example.com")
    assert clash.exit_code == ExitCode.ERROR and "already exists" in clash.stderr
    assert cli("--db", database_url, "users", "rename", "ada@lovelace.org").exit_code == ExitCode.USAGE
    assert cli("--db", database_url, "users", "rename", "nobody@example.com", "--name", "X").exit_code == ExitCode.NOT_FOUND
