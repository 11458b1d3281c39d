"""Report export for the `results` command, which still passes the interview's ``describe()``
document here: it becomes an ``InterviewReport`` and ``cli/render/report.py`` writes it.
Delete this module once ``cli/interview.py`` calls ``services.reports.interview_report`` and
``cli.render.report.write_report`` itself."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

from mock_interview.cli.render import report as _report
from mock_interview.services.reports import InterviewReport

FORMATS = _report.FORMATS


def write_report(data: Mapping[str, Any], fmt: str, path: str | os.PathLike[str] | None,
                 *, stdout: IO[str] | None = None) -> Path | None:
    return _report.write_report(InterviewReport.from_document(data), fmt, path, stdout=stdout)
