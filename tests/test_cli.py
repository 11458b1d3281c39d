"""CLI conventions: help with examples, exit codes, errors, config and paths, colour, start-up."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mock_interview.errors import (
    ConfigError,
    ConflictError,
    ExitCode,
    MockInterviewError,
    NotFoundError,
    ProviderError,
    UsageError,
)
from tests.conftest import subprocess_env

ROOT = Path(__file__).resolve().parents[1]
HEAVY_MODULES = ("sqlalchemy", "sqlmodel", "alembic", "psycopg", "spacy", "fitz", "pymupdf",
                 "openai", "docx2txt", "prompt_toolkit", "email_validator")


def all_command_paths() -> list[tuple[str, ...]]:
    from typer.main import get_command

    from mock_interview.cli.app import app

    paths: list[tuple[str, ...]] = []

    def walk(command, prefix: tuple[str, ...]) -> None:
        paths.append(prefix)
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            walk(sub, (*prefix, name))

    walk(get_command(app), ())
    return paths


def test_command_tree_is_complete():
    names = {" ".join(p) for p in all_command_paths()}
    for expected in ("register", "login", "whoami", "users list", "config show", "config set",
                     "config unset", "paths", "db status", "db upgrade"):
        assert expected in names


@pytest.mark.parametrize("path", all_command_paths(), ids=lambda p: " ".join(p) or "root")
def test_every_command_has_help_with_an_example(cli, path):
    out = cli(*path, "--help")
    assert out.exit_code == 0, out.stderr
    assert "Usage:" in out.stdout
    example = out.stdout.split("Example:", 1)
    assert len(example) == 2, f"no example in help of {' '.join(path) or 'root'}"
    assert "mock-interview" in example[1].split("╭")[0]
    assert cli(*path, "-h").stdout == out.stdout


def test_exit_code_values_are_stable():
    assert {c.name: int(c) for c in ExitCode} == {
        "OK": 0, "ERROR": 1, "USAGE": 2, "NOT_FOUND": 3, "PROVIDER": 4, "INTERRUPTED": 130,
    }
    assert MockInterviewError("x").exit_code == ExitCode.ERROR
    assert UsageError("x").exit_code == ExitCode.USAGE
    assert NotFoundError("x").exit_code == ExitCode.NOT_FOUND
    assert ConfigError("x").exit_code == ExitCode.NOT_FOUND
    assert ConflictError("x").exit_code == ExitCode.ERROR
    assert ProviderError("x").exit_code == ExitCode.PROVIDER


def test_readme_documents_every_exit_code():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = {int(m) for m in re.findall(r"^\|\s*`?(\d+)`?\s*\|", readme, flags=re.M)}
    assert documented == {int(c) for c in ExitCode}


def test_unknown_option_and_command_are_usage_errors(cli):
    assert cli("whoami", "--nope").exit_code == ExitCode.USAGE
    assert cli("no-such-command").exit_code == ExitCode.USAGE
    assert cli("register", "--name", "Ada").exit_code == ExitCode.USAGE  # --email missing


def test_unexpected_error_is_one_line_and_debug_shows_traceback(cli, monkeypatch):
    from mock_interview.services import profiles

    def explode(*_a, **_k):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(profiles, "list_profiles", explode)
    out = cli("users", "list")
    assert out.exit_code == ExitCode.ERROR
    assert out.stderr.strip().splitlines() == [
        "error: internal error: RuntimeError: kaboom — run again with --debug for a traceback, "
        "and please report it"
    ]
    out = cli("--debug", "users", "list")
    assert isinstance(out.exception, RuntimeError)
    out = cli("users", "list", env={"MOCK_INTERVIEW_DEBUG": "1"})
    assert isinstance(out.exception, RuntimeError)


def test_keyboard_interrupt_exits_130(cli, monkeypatch):
    from mock_interview.services import profiles

    def interrupted(*_a, **_k):
        raise KeyboardInterrupt

    monkeypatch.setattr(profiles, "list_profiles", interrupted)
    assert cli("users", "list").exit_code == ExitCode.INTERRUPTED


def _has_open(pid: int, path) -> bool:
    """Whether process ``pid`` holds ``path`` open (Linux /proc; elsewhere assume it does)."""
    import os

    fd_dir = f"/proc/{pid}/fd"
    if not os.path.isdir(fd_dir):
        return True
    for fd in os.listdir(fd_dir):
        try:
            if os.readlink(os.path.join(fd_dir, fd)) == str(path):
                return True
        except OSError:
            continue
    return False


def test_sigint_in_a_real_process_exits_130(home):
    """A real Ctrl-C (SIGINT) while a command waits on the database gives 130, no traceback."""
    import signal
    import sqlite3
    import time

    home.mkdir(parents=True)
    db = home / "locked.db"
    env = subprocess_env()
    setup = subprocess.run(
        [sys.executable, "-m", "mock_interview", "--db", f"sqlite:///{db}", "db", "upgrade"],
        env=env, capture_output=True, text=True, timeout=60,
    )
    assert setup.returncode == 0, setup.stderr
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # the command below now waits on the busy timeout
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mock_interview", "--db", f"sqlite:///{db}", "register",
             "-n", "A", "-e", "a@example.com"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            # a test run started in the background inherits SIGINT ignored
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        # Interrupt it once it is waiting on the lock (it has the database open), not while
        # it is still starting up: on a busy machine start-up alone can take seconds.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not _has_open(proc.pid, db):
            time.sleep(0.1)
        time.sleep(0.5)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert proc.returncode == ExitCode.INTERRUPTED, err
    assert "Traceback" not in err


def test_version(cli):
    from mock_interview import __version__

    out = cli("--version")
    assert out.exit_code == 0 and out.stdout.strip() == f"mock-interview {__version__}"


def test_python_dash_m_works(home):
    out = subprocess.run(
        [sys.executable, "-m", "mock_interview", "--version"],
        env=subprocess_env(), capture_output=True, text=True,
        timeout=60,
    )
    assert out.returncode == 0 and out.stdout.startswith("mock-interview ")


def test_config_set_show_unset(cli, home):
    url = f"sqlite:///{home / 'configured.db'}"
    out = cli("config", "set", "database.url", url)
    assert out.exit_code == 0, out.stderr
    assert 'url = "' in (home / "config.toml").read_text()
    shown = {row["key"]: row for row in cli("config", "show", "--json").json()["settings"]}
    assert shown["database.url"]["value"] == url and shown["database.url"]["source"] == "config"
    assert cli("register", "-n", "Ada", "-e", "ada@example.com").exit_code == 0
    assert (home / "configured.db").exists()

    env_url = f"sqlite:///{home / 'env.db'}"
    shown = {r["key"]: r for r in cli("config", "show", "--json",
                                       env={"MOCK_INTERVIEW_DATABASE_URL": env_url}).json()["settings"]}
    assert shown["database.url"]["source"] == "env" and shown["database.url"]["value"] == env_url

    assert cli("config", "unset", "database.url").exit_code == 0
    shown = {row["key"]: row for row in cli("config", "show", "--json").json()["settings"]}
    assert shown["database.url"]["source"] == "default"


def test_config_set_refuses_bad_keys_and_values(cli, home):
    out = cli("config", "set", "no.such.key", "1")
    assert out.exit_code == ExitCode.USAGE and "unknown setting" in out.stderr
    out = cli("config", "set", "database.url", "ftp://example.com/x")
    assert out.exit_code == ExitCode.NOT_FOUND and "unsupported database" in out.stderr
    assert not (home / "config.toml").exists()


def test_broken_config_file_is_one_line(cli, home):
    home.mkdir(parents=True)
    (home / "config.toml").write_text("[database\nurl = 3\n")
    out = cli("whoami")
    assert out.exit_code == ExitCode.NOT_FOUND
    assert "is not valid TOML" in out.stderr and len(out.stderr.strip().splitlines()) == 1
    # Help still works with a broken config: settings are read only when a command needs them.
    assert cli("whoami", "--help").exit_code == 0


def test_unknown_key_in_config_file(cli, home):
    home.mkdir(parents=True)
    (home / "config.toml").write_text('[databse]\nurl = "sqlite:///x.db"\n')
    out = cli("config", "show")
    assert out.exit_code == ExitCode.NOT_FOUND and "databse.url" in out.stderr


def test_paths_json(cli, home):
    out = cli("paths", "--json")
    assert out.exit_code == 0
    info = out.json()
    assert info["home_override"] == str(home)
    assert info["data_dir"] == str(home) and info["config_file"] == str(home / "config.toml")
    assert info["database_url"] == f"sqlite:///{home / 'mock-interview.db'}"
    assert info["database_url_source"] == "default"


def test_paths_without_override_use_platform_dirs(monkeypatch):
    import platformdirs

    from mock_interview.config import Paths

    paths = Paths.from_environment({})
    assert paths.home_override is None
    assert paths.data_dir == Path(platformdirs.user_data_dir("mock-interview", appauthor=False))
    assert paths.config_dir == Path(platformdirs.user_config_dir("mock-interview", appauthor=False))


def _run_script(args: list[str], env_extra: dict[str, str]) -> subprocess.CompletedProcess:
    script = shutil.which("mock-interview", path=str(Path(sys.executable).parent))
    command = [script, *args] if script else [sys.executable, "-m", "mock_interview", *args]
    env = {k: v for k, v in subprocess_env(**env_extra).items() if k != "NO_COLOR" or k in env_extra}
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)


def test_no_color_is_honoured(home):
    colored = _run_script(["whoami"], {"FORCE_COLOR": "1", "TERM": "xterm-256color"})
    assert colored.returncode == ExitCode.NOT_FOUND
    assert re.search(r"\x1b\[[0-9;]*3\dm", colored.stderr)  # a foreground colour is used
    plain = _run_script(["whoami"], {"FORCE_COLOR": "1", "TERM": "xterm-256color", "NO_COLOR": "1"})
    assert plain.returncode == ExitCode.NOT_FOUND
    assert not re.search(r"\x1b\[[0-9;]*3\dm", plain.stderr)


@pytest.mark.parametrize("args", [["--help"], ["register", "--help"], ["db", "status", "--help"]])
def test_help_imports_no_heavy_module(home, args):
    """`mock-interview --help` in a real process must not import the heavy libraries."""
    out = _run_script(args, {"PYTHONPROFILEIMPORTTIME": "1"})
    assert out.returncode == 0, out.stderr[-2000:]
    imported = {
        line.split("|")[-1].strip().split(".")[0]
        for line in out.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    assert "typer" in imported  # the probe really saw the imports
    assert sorted(imported & set(HEAVY_MODULES)) == []


def test_json_goes_to_stdout_and_messages_to_stderr(cli):
    out = cli("register", "-n", "Ada", "-e", "ada@example.com", "--json")
    assert json.loads(out.stdout)["profile"]["email"] == "ada@example.com"
    out = cli("register", "-n", "Grace", "-e", "grace@example.com")
    assert out.stdout == "" and "Grace" in out.stderr


# -- conventions every command keeps (cli/conventions.py), checked on the whole tree --------------

def _commands():
    from typer.main import get_command

    from mock_interview.cli.app import app
    from mock_interview.cli.conventions import apply_conventions

    root = get_command(app)
    apply_conventions(root)
    found = []

    def walk(command, path):
        found.append((path, command))
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            walk(sub, (*path, name))

    walk(root, ())
    return found


def test_every_parameter_has_a_metavar_in_one_style():
    from mock_interview.cli.conventions import METAVAR_STYLE

    wrong = []
    for path, command in _commands():
        for param in command.params:
            flag = getattr(param, "is_flag", False) or getattr(param, "count", False)
            ok = param.metavar == "" if flag else bool(METAVAR_STYLE.match(param.metavar or ""))
            if not ok:
                wrong.append(f"{' '.join(path)} {param.name}: {param.metavar!r}")
    assert wrong == []


def test_usage_lines_say_each_argument_once():
    """The usage line adds the "..." of an argument that takes several values itself."""
    import typer._click as click

    for path, command in _commands():
        usage = " ".join(command.collect_usage_pieces(click.Context(command, info_name="x")))
        assert "...}" not in usage and "......" not in usage, (path, usage)


def test_help_is_wrapped_only_by_rich():
    """No hard line breaks inside a paragraph of any command's or option's help."""
    from mock_interview.cli.conventions import unwrap

    for path, command in _commands():
        assert unwrap(command.help) == command.help, path
        for param in command.params:
            assert "\n" not in (getattr(param, "help", None) or ""), (path, param.name)


@pytest.mark.parametrize("path", all_command_paths(), ids=lambda p: " ".join(p) or "root")
def test_usage_errors_are_one_line_with_a_hint(cli, path):
    out = cli(*path, "--no-such-option")
    assert out.exit_code == ExitCode.USAGE
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "--help" in lines[0], out.stderr
    assert "╭" not in out.stderr


def test_missing_argument_is_one_line_naming_it(cli):
    out = cli("login")
    assert out.exit_code == ExitCode.USAGE
    assert out.stderr.strip() == "error: Missing argument 'EMAIL'. — see: mock-interview login --help"


def test_choice_values_complete_and_match_what_the_services_accept():
    from mock_interview.cli.conventions import CHOICES
    from mock_interview.cli.render.report import FORMATS
    from mock_interview.config import ENGINE_CHOICES
    from mock_interview.domain.stats import DIMENSIONS

    assert CHOICES[("interview", "--engine")] == ENGINE_CHOICES
    assert set(CHOICES[("results", "--format")]) == set(FORMATS)
    assert CHOICES[("stats progress", "--dimension")] == DIMENSIONS
    commands = {" ".join(path): command for path, command in _commands()}
    for (path, option), values in CHOICES.items():
        if path not in commands:
            continue
        param = next(p for p in commands[path].params if option in p.opts)
        assert param._custom_shell_complete(None, param, "") == list(values)
        assert param._custom_shell_complete(None, param, values[0][:2]) == [
            v for v in values if v.startswith(values[0][:2])]


def test_json_numbers_are_rounded_to_one_decimal():
    from mock_interview.domain.numbers import rounded

    assert rounded({"a": 99.96994120171125, "b": [1.25, {"c": 2.0}], "cost_usd": 0.00123, "n": 3}) == {
        "a": 100.0, "b": [1.2, {"c": 2.0}], "cost_usd": 0.00123, "n": 3}


def test_quick_reads_match_the_regular_path_and_skip_sqlalchemy(cli, home):
    """whoami and interviews list read SQLite directly; the data is the same as the services'."""
    from mock_interview.services import profiles, quick, reports
    from mock_interview.services.context import AppContext

    assert cli("register", "-n", "Ada", "-e", "ada@example.com").exit_code == 0
    fast, regular = AppContext.create(), AppContext.create()
    regular.database()  # opened the regular way: quick then defers to the services
    assert quick.connect(fast) is not None and quick.connect(regular) is None
    assert quick.current_profile(fast) == profiles.current(regular)
    assert quick.interviews(fast) == reports.list_interviews(regular)
    assert quick.profile_emails(fast) == ["ada@example.com"]
    regular.close()
    out = _run_script(["whoami"], {"PYTHONPROFILEIMPORTTIME": "1"})
    assert out.returncode == 0, out.stderr[-2000:]
    imported = {line.split("|")[-1].strip().split(".")[0] for line in out.stderr.splitlines()
                if line.startswith("import time:") and "|" in line}
    assert not imported & {"sqlalchemy", "sqlmodel", "alembic"}
