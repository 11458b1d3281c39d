"""Conventions every command follows, applied once to the whole command tree.

- Metavars in one style: PATH, ID, N, TEXT, URL, EMAIL, DATE, USD, NAME (upper case, ``...``
  when repeated); none on flags.
- Help is wrapped once, by Rich: docstrings written over several lines are joined into
  paragraphs here (an indented block, such as an example, is kept as it is).
- Options with a fixed set of values complete those values in the shell; ids, slugs and
  emails complete from the database (read without SQLAlchemy on SQLite: services/quick.py).
- Usage errors are one line with a hint, like every other error.

`tests/test_cli.py` walks every command to keep these true.
"""

from __future__ import annotations

import inspect
import re
import uuid
from typing import Any

from mock_interview.config import ENGINE_CHOICES

# Alternatives with "|" (ID|PATH); "-" means stdin works too (PATH|-).
METAVAR_STYLE = re.compile(r"^[A-Z][A-Z_]*(\|([A-Z][A-Z_]*|-))*(\.\.\.)?$")
PATH_NAMES = {"path", "paths", "file", "files", "input", "output", "resume", "source", "target",
              "directory", "folder", "answers"}
SYNONYMS = {"FILE": "PATH", "FILE|-": "PATH|-", "DIR": "PATH", "FOLDER": "PATH", "<str>": "TEXT"}
# Values an option takes, by (command path, option): for shell completion. A test checks them
# against the constants the services validate with.
CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("interview", "--engine"): ENGINE_CHOICES,
    ("interview", "--type"): ("mixed", "technical", "behavioral"),
    ("interview", "--difficulty"): ("easy", "medium", "hard"),
    ("results", "--format"): ("md", "html", "json"),
    ("stats progress", "--dimension"): ("technical", "communication", "job_match", "overall"),
    ("evaluate", "--engine"): ENGINE_CHOICES,
    ("evaluate", "--type"): ("mixed", "technical", "behavioral"),
    ("evaluate", "--difficulty"): ("easy", "medium", "hard"),
    ("evaluate", "--format"): ("jsonl", "csv"),
    ("grade", "--kind"): ("technical", "behavioral"),
    ("grade", "--engine"): ENGINE_CHOICES,
    ("search-jobs", "--type"): ("full-time", "part-time", "contract", "internship", "temporary"),
    ("search-jobs", "--level"): ("intern", "junior", "mid", "senior", "lead", "principal"),
}
# What an argument or option names in the database, by (command path, parameter: its option
# or, for an argument, its name): completed from the database through services/quick.py.
RECORDS: dict[tuple[str, str], str] = {
    ("", "--profile"): "email",
    ("login", "email"): "email",
    ("users rename", "email"): "email",
    ("users delete", "email"): "email",
    ("interview", "--continue"): "unfinished interview",
    ("interview", "--job"): "job",
    ("interview", "--resume"): "resume",
    ("interview show", "interview_id"): "interview",
    ("results", "interview_id"): "interview",
    ("interviews delete", "interview_ids"): "interview",
    ("interviews abandon", "interview_id"): "interview",
    ("resumes show", "resume_id"): "resume",
    ("resumes reparse", "resume_id"): "resume",
    ("resumes delete", "resume_id"): "resume",
    ("search-jobs", "--resume"): "resume",
    ("jobs show", "job_id"): "job",
    ("jobs show", "--resume"): "resume",
    ("jobs delete", "job_ids"): "job",
}
SHORT_ID = 8  # ids complete to their first 8 characters, as the lists show them


def unwrap(text: str | None) -> str | None:
    """Join hard-wrapped lines into paragraphs; keep blank lines, and keep verbatim a block
    introduced by a line ending in ':' (such as "Example:") or marked with \\b."""
    if not text:
        return text
    paragraphs = re.split(r"\n[ \t]*\n", inspect.cleandoc(text))
    joined: list[str] = []
    for paragraph in paragraphs:
        verbatim = paragraph.startswith("\b") or (joined and joined[-1].rstrip().endswith(":"))
        joined.append(paragraph if verbatim else " ".join(line.strip() for line in paragraph.split("\n")).strip())
    return "\n\n".join(joined)


def _metavar_for(param: Any) -> str:
    name = (param.name or "").lower()
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    text = str(annotation).lower()
    if name == "id" or name.endswith(("_id", "_ids")):
        base = "ID"
    elif name in PATH_NAMES or "path" in text:
        base = "PATH"
    elif name in ("email", "emails"):
        base = "EMAIL"
    elif "url" in name:
        base = "URL"
    elif "int" in text or "float" in text:
        base = "N"
    elif param.param_type_name == "argument" and name.isidentifier():
        base = name.upper()  # KEY, VALUE, QUERY: an argument's name says more than TEXT
    else:
        base = "TEXT"
    return base


def _no_type(ctx: Any = None) -> None:
    return None


def _choice_completer(values: tuple[str, ...]) -> Any:
    def complete(_ctx: Any, _param: Any, incomplete: str) -> list[str]:
        return [value for value in values if value.startswith(incomplete)]

    return complete


def _short(ids: list[str], typed: str) -> list[str]:
    """Ids (32 hex digits) as short as the lists show them, or as long as what is typed
    already, with dashes if it has them."""
    width = max(SHORT_ID, len(typed))
    if "-" in typed:
        return [str(uuid.UUID(value))[:width] for value in ids]
    return [value[:width] for value in ids]


def _records(ctx: Any, kind: str, incomplete: str) -> list[str]:
    """Candidates of ``kind`` (see RECORDS) from the database of this command line."""
    from mock_interview.cli.env import Env
    from mock_interview.services import quick

    root = ctx.find_root().params if ctx is not None else {}
    app = Env(database_url=root.get("db"), profile=root.get("profile")).app
    if not quick.ready_to_read(app):
        return []  # no database yet, or one to upgrade: pressing Tab changes nothing
    typed = incomplete.strip().lower()
    if kind == "email":
        return quick.profile_emails(app)
    if kind in ("interview", "unfinished interview"):
        return _short(quick.interview_ids(app, unfinished=kind != "interview"), typed)
    if kind == "resume":
        return _short(quick.resume_ids(app), typed)
    keys = quick.job_keys(app, typed)
    slugs = [key for key in keys if not _is_hex_id(key)]
    return [*slugs, *_short([key for key in keys if _is_hex_id(key)], typed)]


def _is_hex_id(value: str) -> bool:
    return len(value) == 32 and all(c in "0123456789abcdef" for c in value)


def _record_completer(kind: str) -> Any:
    def complete(ctx: Any, _param: Any, incomplete: str) -> list[str]:
        try:
            candidates = _records(ctx, kind, incomplete)
        except Exception:  # noqa: BLE001 - no database yet, no profile…: the shell shows nothing
            return []
        typed = incomplete.strip().lower() if kind != "email" else incomplete
        return list(dict.fromkeys(c for c in candidates if c.startswith(typed)))

    return complete


def _setting_keys(_ctx: Any, _param: Any, incomplete: str) -> list[str]:
    from mock_interview.config import SETTINGS

    return [key for key in SETTINGS if key.startswith(incomplete)]


def _setting_values(ctx: Any, _param: Any, incomplete: str) -> list[str]:
    """The values a setting takes when they are few: its choices, or true and false."""
    from mock_interview.config import SETTINGS

    spec = SETTINGS.get((ctx.params.get("key") or "") if ctx is not None else "")
    if spec is None:
        return []
    values = [str(c) for c in spec.choices] if spec.choices else ["true", "false"] if spec.type is bool else []
    return [value for value in values if value.startswith(incomplete)]


SETTING_COMPLETERS = {("config set", "key"): _setting_keys, ("config unset", "key"): _setting_keys,
                      ("config set", "value"): _setting_values}


def _completer_for(path: str, param: Any) -> Any | None:
    option = next((o for o in getattr(param, "opts", []) if o.startswith("--")), None)
    key = (path, option if param.param_type_name == "option" else param.name)
    if key in CHOICES:
        return _choice_completer(CHOICES[key])
    if key in RECORDS:
        return _record_completer(RECORDS[key])
    return SETTING_COMPLETERS.get(key)


def _flag_help_option(command: Any) -> None:
    made = command.get_help_option

    def get_help_option(ctx: Any) -> Any:
        option = made(ctx)
        if option is not None:
            option.metavar = ""
        return option

    command.get_help_option = get_help_option


def _apply(command: Any, path: str) -> None:
    _flag_help_option(command)
    command.help = unwrap(command.help)
    if getattr(command, "short_help", None):
        command.short_help = unwrap(command.short_help)
    for param in getattr(command, "params", []):
        if getattr(param, "help", None):
            param.help = unwrap(param.help)
        if getattr(param, "is_flag", False) or getattr(param, "count", False):
            param.metavar = ""
        elif param.metavar is None:
            param.metavar = _metavar_for(param)
        else:
            param.metavar = SYNONYMS.get(param.metavar, param.metavar)
        if param.param_type_name == "argument":
            param.display_type_rich = _no_type  # the metavar already says it
        completer = _completer_for(path, param)
        if completer is not None and getattr(param, "_custom_shell_complete", None) is None:
            param._custom_shell_complete = completer
    for name, sub in getattr(command, "commands", {}).items():
        _apply(sub, f"{path} {name}".strip())


def apply_conventions(root: Any) -> None:
    if getattr(root, "_conventions_applied", False):
        return
    _apply(root, "")
    root._conventions_applied = True


def usage_error_line(exc: Any) -> str:
    """``error: <what> — see: <command> --help`` for a usage error raised while parsing."""
    message = " ".join(str(exc.format_message()).split())
    ctx = getattr(exc, "ctx", None)
    hint = f" — see: {ctx.command_path} --help" if ctx is not None else ""
    return f"error: {message}{hint}"
