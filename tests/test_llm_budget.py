"""One time budget per interview for the model: a timeout or a few failures in a row send the
rest of the interview offline (said once), a long Retry-After is not waited for, and nothing
the person gave is lost. Requests are counted at the real scripted server, not timed."""

from __future__ import annotations

import pytest

from tests.llm_server import Drop, Fault, Hang, LLMServer, clean_llm_env  # noqa: F401 (autouse)
from tests.test_llm_engine import GOOD, answered, run


@pytest.fixture
def server():
    with LLMServer() as running:
        yield running


@pytest.fixture
def ready(cli, home):
    from tests.interview_fixtures import store_resume

    store_resume(None)
    cli("config", "set", "llm.timeout", "1")
    return cli


def _all_answers_kept(data, count):
    kept = answered(data)
    assert data["status"] == "completed"
    assert len(kept) >= count and all(q["answer"] == GOOD for q in kept)
    assert all(q["engine"] == "offline" for q in kept)


@pytest.mark.parametrize("step", ["plan", "grade"])
def test_a_hung_endpoint_is_given_up_after_one_timeout(ready, server, tmp_path, step):
    server.script(step, *[Hang(3)] * 40)
    out, data = run(ready, tmp_path, server.url, [GOOD] * 12, questions=6)
    _all_answers_kept(data, 6)
    assert len(server.calls(step)) == 1  # no retry, and no later step tries again
    # Nothing at all was asked of the model after the request that hung: while a grading is
    # under way the local server is not asked to word follow-ups, and after the timeout the
    # rest of the interview is offline.
    assert server.calls()[-1] is server.calls(step)[0]
    assert out.stderr.count("the rest of this interview runs offline") == 1
    assert set(data["llm"]["fallbacks"]) == {"timeout"}


def test_a_long_retry_after_is_not_waited_for_and_failures_in_a_row_give_up(ready, server, tmp_path):
    server.script("any", *[Fault(429, headers={"retry-after": "30"})] * 60)
    out, data = run(ready, tmp_path, server.url, [GOOD] * 12, questions=6)
    _all_answers_kept(data, 6)
    assert len(server.calls()) == 3  # plan, then two gradings: three failures in a row
    # Said once for the plan, once when the budget is spent.
    assert out.stderr.count("the plan step used the offline engine") == 1
    assert out.stderr.count("the rest of this interview runs offline") == 1


def test_a_short_retry_after_is_still_honoured(ready, server, tmp_path):
    server.script("grade", Fault(429, headers={"retry-after": "1"}))
    _, data = run(ready, tmp_path, server.url, [GOOD] * 4, questions=1)
    assert answered(data)[0]["engine"] == "openai"
    first, second = server.calls("grade")[:2]
    assert second.at - first.at >= 0.95


def test_connections_dropped_every_time_stop_after_three(ready, server, tmp_path):
    server.script("any", *[Drop()] * 60)
    _, data = run(ready, tmp_path, server.url, [GOOD] * 12, questions=6)
    _all_answers_kept(data, 6)
    assert len(server.calls()) == 3


def test_a_success_resets_the_count(ready, server, tmp_path):
    ready("config", "set", "llm.max_retries", "1")
    # Two failures, then successes: never three in a row, so the model keeps grading.
    server.script("grade", Fault(500), Fault(500))
    _, data = run(ready, tmp_path, server.url, [GOOD] * 8, questions=4)
    assert any(q["engine"] == "openai" for q in answered(data))
