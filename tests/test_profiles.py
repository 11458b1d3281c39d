"""register / login / whoami / users list, on SQLite and on Postgres."""

from __future__ import annotations

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
