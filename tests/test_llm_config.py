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
