"""Interview reports for `results --format md|html|json [-o FILE]`: choosing the renderer and
writing the file.

Input is an ``InterviewReport`` (``services/reports.py``). Stdlib only, so exporting adds no
dependency and nothing to start-up.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING

from mock_interview.cli.render.report_html import render_html
from mock_interview.cli.render.report_markdown import render_markdown
from mock_interview.errors import MockInterviewError, UsageError

if TYPE_CHECKING:
    from mock_interview.services.reports import InterviewReport

FORMATS = ("md", "html", "json")


def render_json(report: InterviewReport) -> str:
    """The interview's document as versioned, pretty JSON (the shape of `interview show --json`)."""
    from mock_interview.domain.numbers import rounded
    from mock_interview.io.files import versioned

    document = rounded(versioned(report.document))  # as `--json` prints it
    return json.dumps(document, indent=2, ensure_ascii=False, default=str) + "\n"


RENDERERS = {"md": render_markdown, "html": render_html, "json": render_json}


def render(report: InterviewReport, fmt: str) -> str:
    renderer = RENDERERS.get((fmt or "").lower())
    if renderer is None:
        raise UsageError(f"unknown report format {fmt!r}", hint="use md, html or json")
    return renderer(report)


def default_filename(report: InterviewReport, fmt: str) -> str:
    return f"interview-{(report.interview_id or 'report')[:8]}.{fmt.lower()}"


def write_report(report: InterviewReport, fmt: str, path: str | os.PathLike[str] | None,
                 *, stdout: IO[str] | None = None) -> Path | None:
    """Render ``report`` as ``fmt``; write it to ``path`` atomically, or to stdout when ``path``
    is None or "-". A directory gets ``interview-ID.FMT`` inside it. Returns the file written."""
    text = render(report, fmt)  # before touching the file system: a bad format writes nothing
    if path is None or str(path) == "-":
        stream = stdout if stdout is not None else sys.stdout
        stream.write(text)
        stream.flush()
        return None
    target = Path(path).expanduser()
    if target.is_dir():
        target = target / default_filename(report, fmt)
    _write_atomically(target, text)
    return target


def _write_atomically(target: Path, text: str) -> None:
    """Readers never see half a report; the file is private (0600): it holds a person's answers."""
    from mock_interview.io.files import write_private

    directory = target.parent
    if not directory.is_dir():
        raise MockInterviewError(f"cannot write {target}: directory {directory} does not exist",
                                 hint="create it first or choose another -o path")
    try:
        write_private(target, text)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise MockInterviewError(f"cannot write {target}: {reason.lower() if reason else 'error'}",
                                 hint="choose a writable -o path") from None
