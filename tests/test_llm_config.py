"""Keys, configuration, `doctor`, and what the LLM engine must never do (print or store the key,
import openai for --help)."""

from __future__ import annotations

import json
import os
import stat

import pytest

from mock_interview.errors import ExitCode
from tests.llm_server import Fault, LLMServer, clean_llm_env, closed_port_url  # noqa: F401 (autouse)

SECRET = "sk-proj-" + "Abc123" * 8


@pytest.fixture
def server():
    with LLMServer() as running:
        yield running


def test_keys_set_show_path_remove(cli, home):
    out = cli("keys", "set", input=SECRET + "\n")
    assert out.exit_code == 0, out.stderr
    path = home / "keys.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert SECRET not in out.stdout + out.stderr
    assert cli("keys", "path").stdout.strip() == str(path)
    shown = cli("keys", "show")
    assert SECRET not in shown.stdout and "sk-…" in shown.stdout and str(path) in shown.stdout
    data = cli("keys", "show", "--json").json()
    assert data["configured"] and data["source"] == "file" and data["masked"] == "sk-…c123"
    assert SECRET not in json.dumps(data)
    # The environment wins over the file, and says so.
    env = cli("keys", "show", "--json", env={"OPENAI_API_KEY": "sk-other-0000000000009999"}).json()
    assert env["source"] == "env" and env["masked"] == "sk-…9999"
    assert cli("keys", "remove").exit_code == 0
    assert not cli("keys", "show", "--json").json()["configured"]


def test_keys_are_never_taken_from_the_command_line(cli):
    out = cli("keys", "set", SECRET)
    assert out.exit_code == ExitCode.USAGE


def test_keys_file_readable_by_others_is_refused(cli, home):
    cli("keys", "set", input=SECRET + "\n")
    os.chmod(home / "keys.json", 0o644)
    out = cli("doctor")
    assert out.exit_code == ExitCode.NOT_FOUND and "chmod 600" in out.stderr
    assert SECRET not in out.stdout + out.stderr


def test_empty_key_is_a_usage_error(cli):
    assert cli("keys", "set", input="\n").exit_code == ExitCode.USAGE


def test_llm_settings_in_config_show_and_never_a_key(cli):
    assert cli("config", "set", "llm.model", "llama3.2").exit_code == 0
    assert cli("config", "set", "llm.provider", "magic").exit_code == ExitCode.USAGE
    rows = {r["key"]: r for r in cli("config", "show", "--json").json()["settings"]}
    assert rows["llm.model"]["value"] == "llama3.2" and rows["llm.model"]["source"] == "config"
    assert rows["llm.base_url"]["env"] == "OPENAI_BASE_URL"
    assert rows["llm.provider"]["value"] == "auto"
    assert not any("key" in name for name in rows)  # the key is never a setting


def test_doctor_without_configuration_is_exit_3(cli):
    out = cli("doctor")
    assert out.exit_code == ExitCode.NOT_FOUND
    assert "keys set" in out.stderr and "OPENAI_BASE_URL" in out.stderr


def test_doctor_happy_path_reports_the_structured_output_mode(cli, server, home):
    out = cli("doctor", "--base-url", server.url, "--model", "test-model", "--json")
    assert out.exit_code == 0, out.stdout + out.stderr
    report = out.json()
    assert report["ok"] and report["structured_output"] == "json_schema"
    memory = json.loads((home / "cache" / "llm-endpoints.json").read_text())
    assert memory[f"{server.url}|test-model"]["mode"] == "json_schema"


def test_doctor_finds_what_a_llama_cpp_server_accepts(cli, server):
    server.accept = {"json_object", "json_object_schema", "text"}
    out = cli("doctor", "--base-url", server.url, "--model", "test-model")
    assert out.exit_code == 0, out.stderr
    assert "json_object with a schema works" in out.stderr


def test_doctor_connection_refused_is_exit_4(cli):
    out = cli("doctor", "--base-url", closed_port_url())
    assert out.exit_code == ExitCode.PROVIDER
    assert "connection refused" in out.stderr and "start the server" in out.stderr


def test_doctor_model_not_served(cli, server):
    server.models = ["llama3.2", "qwen2.5"]
    out = cli("doctor", "--base-url", server.url, "--model", "gpt-9")
    assert out.exit_code == ExitCode.PROVIDER
    assert "gpt-9 is not served here (available: llama3.2, qwen2.5)" in out.stderr


def test_doctor_refused_key_is_exit_4_and_masked(cli, server):
    server.script("other", Fault(401))
    out = cli("doctor", "--base-url", server.url, "--model", "test-model", env={"OPENAI_API_KEY": SECRET})
    assert out.exit_code == ExitCode.PROVIDER
    assert SECRET not in out.stdout + out.stderr


def test_doctor_endpoint_without_structured_output(cli, server):
    server.accept = {"text"}
    from tests.llm_server import Reply

    server.script("other", Reply("I am a chatbot."), Reply("Still no JSON, sorry."))
    out = cli("doctor", "--base-url", server.url, "--model", "test-model", "--json")
    assert out.exit_code == ExitCode.PROVIDER
    failed = [c for c in out.json()["checks"] if not c["ok"]]
    assert failed[0]["name"] == "structured output" and "not valid" in failed[0]["detail"]


def test_bad_base_url_is_a_usage_error(cli, tmp_path):
    out = cli("doctor", "--base-url", "127.0.0.1:8080")
    assert out.exit_code == ExitCode.NOT_FOUND and "http://" in out.stderr


@pytest.mark.parametrize("args", [["interview", "--help"], ["doctor", "--help"], ["keys", "show"]])
def test_llm_commands_do_not_import_openai_before_calling_a_model(home, args):
    from tests.test_cli import HEAVY_MODULES, _run_script

    out = _run_script(args, {"PYTHONPROFILEIMPORTTIME": "1"})
    assert out.returncode == 0, out.stderr[-2000:]
    imported = {line.split("|")[-1].strip().split(".")[0] for line in out.stderr.splitlines()
                if line.startswith("import time:") and "|" in line}
    assert "typer" in imported
    assert not imported & ({"openai", "httpx"} | set(HEAVY_MODULES))  # (Typer itself may load pydantic)


@pytest.mark.parametrize(("key", "value", "allowed"), [
    ("llm.temperature", "5", "from 0 to 2"),
    ("llm.temperature", "-0.1", "from 0 to 2"),
    ("llm.temperature", "warm", "from 0 to 2"),
    ("llm.temperature", "nan", "from 0 to 2"),
    ("llm.timeout", "0", "above 0 to 600"),
    ("llm.max_retries", "11", "whole number from 0 to 10"),
    ("llm.max_retries", "1.5", "whole number from 0 to 10"),
    ("llm.max_cost", "-1", "0 or more"),
    ("llm.provider", "magic", "one of auto, offline, openai"),
    ("llm.base_url", "ftp://example.com", "http:// or https://"),
    ("llm.prices", "gpt-x=1", "MODEL=INPUT/OUTPUT"),
    ("llm.model", "  ", "empty"),
])
def test_config_set_checks_types_and_ranges(cli, home, key, value, allowed):
    out = cli("config", "set", "--", key, value)
    assert out.exit_code == ExitCode.USAGE, out.stderr
    assert len(out.stderr.strip().splitlines()) == 1 and allowed in out.stderr
    assert not (home / "config.toml").exists()  # nothing bad is saved


def test_config_set_accepts_values_in_range(cli):
    for key, value, stored in (("llm.temperature", "2", 2.0), ("llm.timeout", "0.5", 0.5),
                               ("llm.max_retries", "0", 0), ("llm.max_cost", "0", 0.0)):
        assert cli("config", "set", key, value).exit_code == 0
        rows = {r["key"]: r for r in cli("config", "show", "--json").json()["settings"]}
        assert rows[key]["value"] == stored and rows[key]["source"] == "config"


def test_bad_model_setting_in_the_file_never_stops_an_offline_interview(cli, home, tmp_path):
    """A value written by hand (not through `config set`) is reported where it is read, and
    an offline interview does not read it at all."""
    from tests.interview_fixtures import store_resume
    from tests.test_interview import JOB

    store_resume(None)
    (home / "config.toml").write_text('[llm]\ntemperature = 9\ntimeout = "slow"\n')
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(["I would profile first, then add an index."]))
    out = cli("interview", "--job", JOB, "--questions", "1", "--engine", "offline",
              "--answers", str(answers), "--json")
    assert out.exit_code == 0, out.stderr
    assert out.json()["result"] is not None
    # Where the model would be used, the bad value is one line saying how to fix it.
    out = cli("interview", "--job", JOB, "--questions", "1", "--answers", str(answers))
    assert out.exit_code == ExitCode.NOT_FOUND
    assert out.stderr.count("\n") == 1 and "llm.temperature" in out.stderr and "config set" in out.stderr
    # config show lists it as invalid instead of failing.
    rows = {r["key"]: r for r in cli("config", "show", "--json").json()["settings"]}
    assert rows["llm.temperature"]["source"] == "invalid" and rows["llm.temperature"]["value"] == 9
    assert rows["llm.model"]["source"] == "default"


def test_credentials_in_the_base_url_are_never_stored_or_printed(cli, home, monkeypatch):
    """A user:password@ and an api-key= inside OPENAI_BASE_URL reach the server but not the
    database, the ledger, `config show` or `results`."""
    import sqlite3

    from mock_interview.engines.structured import redact_url
    from tests.interview_fixtures import store_resume
    from tests.llm_server import LLMServer

    assert redact_url("https://ada:pw1@h.example:8443/v1?api-key=K2&deployment=d") == (
        "https://***@h.example:8443/v1?api-key=***&deployment=d")
    assert redact_url("http://127.0.0.1:8080/v1") == "http://127.0.0.1:8080/v1"
    store_resume(None)
    with LLMServer() as server:
        url = server.url.replace("http://", "http://ada:hunter2pw@")
        monkeypatch.setenv("OPENAI_BASE_URL", url)
        answers = home / "a.json"
        answers.parent.mkdir(parents=True, exist_ok=True)
        answers.write_text('["A full answer about caching and measuring latency first."]')
        out = cli("interview", "--job", "tallowbrook-senior-python-backend-engineer",
                  "--questions", "1", "--answers", str(answers), "--json")
        assert out.exit_code == 0, out.stderr
        assert server.calls("plan")  # the credentials still reached the server
        interview_id = out.json()["interview_id"]
        shown = [out.stdout, out.stderr, cli("config", "show").stdout,
                 cli("config", "show", "--json").stdout,
                 cli("results", interview_id, "--json").stdout]
        resumed = cli("interview", "--continue", interview_id[:8], "--json")
        shown += [resumed.stdout, resumed.stderr]
    database = home / "mock-interview.db"
    with sqlite3.connect(database) as raw:
        dump = "\n".join(raw.iterdump())
    for text in [*shown, dump]:
        assert "hunter2pw" not in text
    assert "http://***@127.0.0.1" in dump


def test_keys_show_and_interview_agree_about_a_keys_file_others_can_read(cli, home):
    cli("keys", "set", input=SECRET + "\n")
    os.chmod(home / "keys.json", 0o644)
    shown = cli("keys", "show")
    as_json = cli("keys", "show", "--json")
    used = cli("interview", "--engine", "openai", "--answers", "-", input="[]")
    for out in (shown, as_json, used):
        assert out.exit_code == ExitCode.NOT_FOUND, out.stderr
        assert "can be read by other users" in out.stderr and "chmod 600" in out.stderr
        assert SECRET not in out.stdout + out.stderr
    # An environment key is used instead, by both.
    with_env = cli("keys", "show", "--json", env={"OPENAI_API_KEY": "sk-env-000000000000abcd"})
    assert with_env.exit_code == 0 and with_env.json()["source"] == "env"
