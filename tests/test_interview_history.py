"""`interview --continue` and an abandoned interview (cli/interview_history.refuse_abandoned)."""

from __future__ import annotations

import pytest

from mock_interview.errors import ExitCode, UsageError
from tests.interview_fixtures import store_resume
from tests.test_interview import JOB


def test_an_abandoned_interview_is_refused_and_an_open_one_is_not(cli, database_url):
    from mock_interview.cli.interview_history import refuse_abandoned
    from mock_interview.services import interview as service
    from mock_interview.services.context import AppContext

    store_resume(database_url)
    ctx = AppContext.create(database_url=database_url)
    session = service.start(ctx, service.InterviewOptions(job=JOB, count=2, seed=1))
    short = str(session.interview_id)[:8]
    refuse_abandoned(service.find_interview(ctx, short))  # in progress: it may be continued
    ctx.close()
    assert cli("--db", database_url, "interviews", "abandon", short).exit_code == 0
    ctx = AppContext.create(database_url=database_url)
    with pytest.raises(UsageError) as refused:
        refuse_abandoned(service.find_interview(ctx, short))
    ctx.close()
    assert refused.value.exit_code == ExitCode.USAGE
    assert refused.value.message == f"interview {short} was abandoned and cannot be continued"


def test_continue_refuses_an_abandoned_interview_in_one_line(cli, database_url, tmp_path):
    from mock_interview.services import interview as service
    from mock_interview.services.context import AppContext

    store_resume(database_url)
    ctx = AppContext.create(database_url=database_url)
    session = service.start(ctx, service.InterviewOptions(job=JOB, count=2, seed=1))
    short = str(session.interview_id)[:8]
    ctx.close()
    assert cli("--db", database_url, "interviews", "abandon", short).exit_code == 0
    answers = tmp_path / "answers.json"
    answers.write_text('["I would profile it first."]')
    result = cli("--db", database_url, "interview", "--continue", short, "--answers", str(answers))
    assert result.exit_code == ExitCode.USAGE
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1
    assert lines[0].startswith(f"error: interview {short} was abandoned and cannot be continued")
    ctx = AppContext.create(database_url=database_url)
    assert service.find_interview(ctx, short).status == "abandoned"  # nothing was written
    ctx.close()
