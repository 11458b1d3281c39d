"""Conventions every command follows, applied once to the whole command tree.

- Metavars in one style: PATH, ID, N, TEXT, URL, EMAIL, DATE, USD, NAME (upper case, ``...``
  when repeated); none on flags.
- Help is wrapped once, by Rich: docstrings written over several lines are joined into
  paragraphs here (an indented block, such as an example, is kept as it is).
- Options with a fixed set of values complete those values in the shell.
- Usage errors are one line with a hint, like every other error.

`tests/test_cli.py` walks every command to keep these true.
"""

from __future__ import annotations

import inspect
import re
from typing import Any

# Alternatives with "|" (ID|PATH); "-" means stdin works too (PATH|-).
METAVAR_STYLE = re.compile(r"^[A-Z][A-Z_]*(\|([A-Z][A-Z_]*|-))*(\.\.\.)?$")
PATH_NAMES = {"path", "paths", "file", "files", "input", "output", "resume", "source", "target",
              "directory", "folder", "answers"}
SYNONYMS = {"FILE": "PATH", "FILE|-": "PATH|-", "DIR": "PATH", "FOLDER": "PATH", "<str>": "TEXT"}
# Values an option takes, by (command path, option): for shell completion. A test checks them
# against the constants the services validate with.
CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("interview", "--engine"): ("auto", "offline", "openai"),
    ("interview", "--type"): ("mixed", "technical", "behavioral"),
    ("interview", "--difficulty"): ("easy", "medium", "hard"),
    ("results", "--format"): ("md", "html", "json"),
    ("stats progress", "--dimension"): ("technical", "communication", "job_match", "overall"),
    ("evaluate", "--engine"): ("auto", "offline", "openai"),
}


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
        option = next((o for o in getattr(param, "opts", []) if o.startswith("--")), None)
        values = CHOICES.get((path, option)) if option else None
        if values and getattr(param, "_custom_shell_complete", None) is None:
            param._custom_shell_complete = _choice_completer(values)
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
