"""A small, real OpenAI-compatible HTTP server on 127.0.0.1, scripted per test or bench run.

It speaks enough of the API for the real ``openai`` client: ``GET /v1/models`` and
``POST /v1/chat/completions``. By default it answers every step (plan, grade, follow-up,
doctor's probe) with valid JSON for the schema it was asked for. A test scripts what it
needs instead:

    server.script("grade", Fault(429, headers={"retry-after": "1"}), Fault(500))
    server.accept = {"json_object", "text"}        # json_schema refused as llama-cpp-python does
    server.delay = 0.5                             # every completion takes half a second

Actions, consumed in order per step (then the default answer again): ``Fault`` (an HTTP
error), ``Hang`` (wait, then answer: a timeout when longer than the client's), ``Drop``
(close the connection without answering), ``Cut`` (close it halfway through the body),
``Reply`` (this content), ``Raw`` (a 200 with a body that is not the API's JSON), ``Call`` (a
function of the request). Every request is recorded in ``server.requests``.

Order instead of durations: ``Hold`` keeps a request until the test sets its ``release`` event
(so the test can prove that something happened while that request was still unanswered), and
``Meet`` keeps requests until as many as its barrier's parties are there at once (proof that
they ran side by side). ``server.peak_in_flight`` is the most requests the server held at one
moment between their arrival and the start of their answer.

In its own process, as a real endpoint would be (its CPU time is not taken from the client's):

    python -m mock_interview.testing.llm_server [--delay SECONDS]

prints its URL, serves until its stdin closes, then prints how many requests it answered.
"""

from __future__ import annotations

import contextlib
import json
import re
import socket
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

ALL_MODES = {"json_schema", "json_object", "json_object_schema", "text"}


@dataclass
class Fault:
    status: int
    body: dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Hang:
    seconds: float


@dataclass
class Drop:
    pass


@dataclass
class Cut:
    """A 200 that promises a whole body, sends half of it and closes the connection."""


@dataclass
class Reply:
    content: str | dict[str, Any]
    usage: tuple[int, int] | None = None


@dataclass
class Raw:
    """A 200 whose body is not the API's JSON: empty, an HTML page, a truncated document."""

    body: bytes
    content_type: str = "application/json"


@dataclass
class Call:
    fn: Any  # (request dict) -> str | dict


HOLD_SAFETY_NET = 120.0  # seconds: never reached by a passing test; it only ends a failing one


@dataclass
class Hold:
    """Keep the request until ``release`` is set, then answer as usual. Several holds may share
    one ``release``. ``arrived`` is set when the request is here. A hold never released within
    ``safety_net`` seconds is answered with a 503 and marked ``expired`` (the test has failed:
    something waited for a request it should not have waited for); holds that arrive after that
    are answered the same way at once rather than wait again."""

    release: threading.Event = field(default_factory=threading.Event)
    safety_net: float = HOLD_SAFETY_NET
    arrived: threading.Event = field(default_factory=threading.Event)
    expired: bool = False


@dataclass
class Meet:
    """Keep the request until ``barrier.parties`` requests wait at the same barrier, then answer
    them all; ``met`` says they did. A barrier broken by its timeout (share one built with
    ``threading.Barrier(n, timeout=HOLD_SAFETY_NET)``) answers a 503 instead."""

    barrier: threading.Barrier
    met: bool = False


@dataclass
class Request:
    step: str
    mode: str
    body: dict[str, Any]
    headers: dict[str, str]
    at: float

    @property
    def user(self) -> str:
        return next((m["content"] for m in self.body.get("messages", []) if m["role"] == "user"), "")

    @property
    def system(self) -> str:
        return next((m["content"] for m in self.body.get("messages", []) if m["role"] == "system"), "")


def step_of(body: dict[str, Any]) -> str:
    messages = body.get("messages") or []
    user = next((m.get("content") or "" for m in messages if m.get("role") == "user"), "")
    if len([m for m in messages if m.get("role") == "user"]) > 1:
        user = messages[1].get("content") or ""  # a repair request repeats the first user message
    if user.startswith("Write the questions"):
        return "plan"
    if user.startswith("Grade one answer"):
        return "grade"
    if user.startswith("The candidate answered"):
        return "follow-up"
    return "other"


def mode_of(body: dict[str, Any]) -> str:
    fmt = body.get("response_format")
    if not fmt:
        return "text"
    if fmt.get("type") == "json_schema":
        return "json_schema"
    if fmt.get("type") == "json_object":
        return "json_object_schema" if "schema" in fmt else "json_object"
    return str(fmt.get("type"))


_SLOT = re.compile(r"^(\d+)\. kind=(\S+) skill=(.*?) difficulty=(\S+)", re.MULTILINE)
_ANSWER = re.compile(r"<<<DATA answer (\w+)>>>\n(.*?)\n<<<END answer \1>>>", re.DOTALL)


def answer_in(text: str) -> str:
    match = _ANSWER.search(text)
    return match.group(2) if match else ""


def default_plan(request: Request) -> dict[str, Any]:
    questions = []
    for number, kind, skill, difficulty in _SLOT.findall(request.user):
        topic = skill if skill != "general" else "your work"
        questions.append({
            "slot": int(number), "kind": kind, "skill": skill, "difficulty": difficulty,
            "question": f"Model question {number}: how have you used {topic} in a real project?",
            "key_points": [f"names a concrete {topic} project", "explains the trade-offs",
                           "gives a measurable result"],
        })
    return {"questions": questions}


def default_grade(request: Request, scores: tuple[int, int, int] = (72, 68, 64)) -> dict[str, Any]:
    answer = answer_in(request.user).strip()
    quote = answer[:40].strip()
    return {
        "technical": scores[0], "communication": scores[1], "job_match": scores[2],
        "evidence": [
            {"quote": quote or "n/a", "point": "opens with the situation", "polarity": "strength"},
            {"quote": "a sentence the candidate never said", "point": "invented", "polarity": "strength"},
        ],
        "strengths": ["Concrete example"], "weaknesses": ["Could quantify the result"],
        "improved_answer": "In my role I [did something specific] and it improved [metric].",
        "addresses_grader": False,
    }


def default_follow_up(request: Request) -> dict[str, Any]:
    return {"question": "Model follow-up: what was the measurable outcome of that work?"}


class LLMServer:
    """Start with ``LLMServer().start()`` (or as a context manager); ``url`` ends in /v1."""

    def __init__(self) -> None:
        self.accept: set[str] = set(ALL_MODES)
        self.reject_style = "llama-cpp-python"  # or "openai"
        self.models = ["test-model"]
        self.delay = 0.0
        self.delays: dict[str, float] = {}
        self.grade_scores = (72, 68, 64)
        self.requests: list[Request] = []
        self.in_flight = 0  # requests here whose answer has not started
        self.peak_in_flight = 0
        self._expired = threading.Event()  # a Hold passed its safety net: later ones do not wait
        self._scripts: dict[str, list[Any]] = defaultdict(list)
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- scripting ------------------------------------------------------------------------------

    def script(self, step: str, *actions: Any) -> None:
        """Queue actions for the next requests of ``step`` (plan, grade, follow-up, other, any)."""
        with self._lock:
            self._scripts[step].extend(actions)

    def _next_action(self, step: str) -> Any:
        with self._lock:
            for key in (step, "any"):
                if self._scripts[key]:
                    return self._scripts[key].pop(0)
        return None

    def _arrived(self, request: Request) -> None:
        with self._lock:
            self.requests.append(request)
            self.in_flight += 1
            self.peak_in_flight = max(self.peak_in_flight, self.in_flight)

    def _answering(self) -> None:
        """Before the first byte of an answer: once a client has its answer it may send its next
        request, which must not find this one still counted."""
        with self._lock:
            self.in_flight -= 1

    def _held(self, action: Hold | Meet) -> bool:
        """Wait as ``action`` says; False when its safety net ran out."""
        if isinstance(action, Meet):
            try:
                action.barrier.wait()
            except threading.BrokenBarrierError:
                return False
            action.met = True
            return True
        action.arrived.set()
        if self._expired.is_set() and not action.release.is_set():
            action.expired = True
            return False
        if not action.release.wait(action.safety_net):
            action.expired = True
            self._expired.set()
            return False
        return True

    def calls(self, step: str | None = None) -> list[Request]:
        with self._lock:
            return [r for r in self.requests if step is None or r.step == step]

    # -- life cycle -------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        assert self._httpd is not None
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def start(self) -> LLMServer:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out as two writes on a kept-alive connection: with Nagle's
            # algorithm the body waits for the client's delayed ACK, adding 40 ms to every call.
            disable_nagle_algorithm = True
            _counted = False  # this request is still in ``server.in_flight``

            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def _send(self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(data)

            def do_GET(self) -> None:
                if self.path.rstrip("/").endswith("/models"):
                    self._send(200, {"object": "list", "data": [
                        {"id": m, "object": "model", "owned_by": "tests"} for m in server.models]})
                else:
                    self._send(404, {"error": {"message": "not found"}})

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    self._send(404, {"error": {"message": f"no route {self.path}"}})
                    return
                request = Request(step_of(body), mode_of(body), body,
                                  {k.lower(): v for k, v in self.headers.items()}, time.monotonic())
                server._arrived(request)
                self._counted = True
                try:
                    self._complete(request, body)
                finally:
                    self._answer_starts()

            def _answer_starts(self) -> None:
                if self._counted:
                    self._counted = False
                    server._answering()

            def _complete(self, request: Request, body: dict[str, Any]) -> None:
                if request.mode not in server.accept:
                    self._answer_starts()
                    self._send(*server.rejection(request))
                    return
                action = server._next_action(request.step)
                wait = server.delays.get(request.step, server.delay)
                if isinstance(action, Hang):
                    wait = action.seconds
                if isinstance(action, (Hold, Meet)) and not server._held(action):
                    self._answer_starts()
                    self._send(503, {"error": {"message": "held past the test's safety net", "type": "test"}})
                    return
                if wait:
                    time.sleep(wait)
                self._answer_starts()
                if isinstance(action, Fault):
                    self._send(action.status, action.body or {"error": {"message": f"scripted {action.status}",
                                                                        "type": "test"}}, action.headers)
                    return
                if isinstance(action, Raw):
                    self.send_response(200)
                    self.send_header("content-type", action.content_type)
                    self.send_header("content-length", str(len(action.body)))
                    self.end_headers()
                    self.wfile.write(action.body)
                    return
                if isinstance(action, Cut):
                    data = json.dumps(server.default(request)).encode()
                    self.send_response(200)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(data) + 200))
                    self.end_headers()
                    with contextlib.suppress(OSError):
                        self.wfile.write(data[: len(data) // 2])
                        self.wfile.flush()
                        self.connection.shutdown(socket.SHUT_RDWR)
                    self.close_connection = True
                    return
                if isinstance(action, Drop):
                    self.close_connection = True
                    with contextlib.suppress(OSError):
                        self.connection.shutdown(socket.SHUT_RDWR)
                    return
                if isinstance(action, Reply):
                    content, usage = action.content, action.usage
                elif isinstance(action, Call):
                    content, usage = action.fn(request), None
                else:
                    content, usage = server.default(request), None
                text = content if isinstance(content, str) else json.dumps(content)
                prompt_chars = sum(len(m.get("content") or "") for m in body.get("messages", []))
                usage = usage or (prompt_chars // 4, max(1, len(text) // 4))
                self._send(200, {
                    "id": "chatcmpl-test", "object": "chat.completion", "created": int(time.time()),
                    "model": body.get("model"),
                    "choices": [{"index": 0, "finish_reason": "stop",
                                 "message": {"role": "assistant", "content": text}}],
                    "usage": {"prompt_tokens": usage[0], "completion_tokens": usage[1],
                              "total_tokens": usage[0] + usage[1]},
                })

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def rejection(self, request: Request) -> tuple[int, dict[str, Any]]:
        """How an unsupported response_format is refused. llama-cpp-python's server wraps its
        pydantic error in a 500 (the default here); OpenAI answers 400."""
        kind = request.body["response_format"].get("type")
        if self.reject_style == "openai":
            return 400, {"error": {"message": f"Invalid parameter: 'response_format' of type '{kind}' is "
                                              "not supported with this model.", "type": "invalid_request_error",
                                   "param": "response_format", "code": None}}
        return 500, {"error": {"message": (
            "1 validation error:\n  {'type': 'literal_error', 'loc': ('body', 'response_format', 'type'), "
            f"'msg': \"Input should be 'text' or 'json_object'\", 'input': '{kind}'}}"),
            "type": "internal_server_error", "param": None, "code": None}}

    def default(self, request: Request) -> dict[str, Any]:
        if request.step == "plan":
            return default_plan(request)
        if request.step == "grade":
            return default_grade(request, self.grade_scores)
        if request.step == "follow-up":
            return default_follow_up(request)
        return {"question": "Is structured output working today?"}

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> LLMServer:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()


def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens: connection refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"


def main(argv: list[str] | None = None) -> int:
    import argparse
    import sys

    parser = argparse.ArgumentParser(description="Serve the scripted OpenAI-compatible API until stdin closes.")
    parser.add_argument("--delay", type=float, default=0.0, help="seconds every completion takes")
    args = parser.parse_args(argv)
    with LLMServer() as server:
        server.delay = args.delay
        print(server.url, flush=True)
        sys.stdin.read()
        print(len(server.calls()), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
