"""Structured output from any OpenAI-compatible endpoint, validated with pydantic.

One call = one pydantic model back, or an :class:`LLMFailure` saying why not. In order:

1. ``response_format`` type ``json_schema`` (OpenAI, vLLM, recent llama.cpp);
2. type ``json_object`` with a ``schema`` (llama-cpp-python's server, Anyscale-style);
3. type ``json_object`` alone, the schema described in the prompt;
4. plain text, the JSON object extracted from the reply (fences, prose around it).

A mode the server rejects (HTTP 400/422 while a ``response_format`` was sent) moves to the
next one, and the mode that worked is remembered per endpoint and model in the cache
directory, so the next run starts there. Output that does not validate gets one repair
request (the reply and the validation errors sent back); a second failure is an
``invalid-output`` failure, and the caller falls back to the offline engine for that step.

Transient failures (timeout, connection refused, 429, 408/409, 5xx) are retried with
exponential backoff and jitter, honouring ``Retry-After`` up to :data:`MAX_RETRY_AFTER`;
the client's own retries are off so every attempt is visible in the ledger. Each HTTP
attempt is reported to ``on_call`` with its tokens, latency and outcome.

The ``openai`` package is imported only when the first request is made.
"""

from __future__ import annotations

import contextlib
import functools
import json
import random
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

MODES = ("json_schema", "json_object_schema", "json_object", "text")
MAX_RETRY_AFTER = 5.0  # seconds: a longer Retry-After is not waited for (that step goes offline)
WAIT_BUDGET = 10.0  # seconds of backoff and Retry-After one interview may spend in all
CONSECUTIVE_FAILURES = 3  # failed attempts in a row before the rest of the interview goes offline
BACKOFF_BASE = 0.5
BACKOFF_MAX = 8.0
DEFAULT_OPENAI_URL = "https://api.openai.com/v1"

T = TypeVar("T")


class LLMFailure(Exception):
    """A step the model could not do. ``reason`` is a short code the ledger and the person see:
    timeout, connection, rate-limited, server-error, rejected, bad-request, auth, not-found,
    invalid-output, budget, empty."""

    def __init__(self, reason: str, detail: str = "", *, given_up: bool = False) -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail
        self.given_up = given_up  # the model's budget for this interview is spent


class ModelBudget:
    """One per interview, shared by its steps and threads: how long the person may wait on a
    failing model. A timeout, or ``CONSECUTIVE_FAILURES`` failed attempts in a row, gives the
    model up for the rest of the interview (``given_up`` says why), as does a step whose every
    attempt found no server listening; backoff and Retry-After
    waits draw on ``wait_seconds`` in all, and a Retry-After over ``retry_after_cap`` is not
    waited for (that step falls back)."""

    def __init__(self, *, wait_seconds: float = WAIT_BUDGET, retry_after_cap: float = MAX_RETRY_AFTER,
                 max_consecutive: int = CONSECUTIVE_FAILURES) -> None:
        self.wait_left = wait_seconds
        self.retry_after_cap = retry_after_cap
        self.max_consecutive = max_consecutive
        self.given_up: str | None = None
        self._consecutive = 0
        self._lock = threading.Lock()

    def failed(self, outcome: str) -> None:
        with self._lock:
            self._consecutive += 1
            if self.given_up is None and (outcome == "timeout"
                                          or self._consecutive >= self.max_consecutive):
                self.given_up = outcome

    def give_up(self, outcome: str) -> None:
        with self._lock:
            self.given_up = self.given_up or outcome

    def succeeded(self) -> None:
        with self._lock:
            self._consecutive = 0

    def wait(self, delay: float, retry_after: float | None) -> float | None:
        """The seconds to sleep before the next attempt, or None: fall back now."""
        with self._lock:
            if self.given_up is not None:
                return None
            if retry_after is not None and retry_after > self.retry_after_cap:
                return None
            if delay > self.wait_left:
                return None
            self.wait_left -= delay
            return delay


class _Rejected(Exception):
    """The server refused the response_format of this mode."""


@dataclass(frozen=True)
class Endpoint:
    """Where and how to call. ``api_key`` is held only in memory and never shown."""

    base_url: str | None
    api_key: str | None = field(default=None, repr=False)
    model: str = "gpt-4o-mini"
    temperature: float = 0.2
    timeout: float = 60.0
    max_retries: int = 2

    @property
    def url(self) -> str:
        return (self.base_url or DEFAULT_OPENAI_URL).rstrip("/")

    @property
    def display(self) -> str:
        """The URL without credentials or query (safe for logs, the ledger and the cache)."""
        return safe_url(self.url)

    @property
    def memory_key(self) -> str:
        return f"{self.display}|{self.model}"

    @property
    def is_local(self) -> bool:
        host = (urlsplit(self.url).hostname or "").lower()
        return host in {"localhost", "::1"} or host.startswith("127.")


def safe_url(url: str) -> str:
    try:
        parts = urlsplit(url)
    except ValueError:
        return "(invalid URL)"
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path.rstrip("/"), "", ""))


REDACTED = "***"
# Query parameters that carry credentials (api-key=, access_token=, sig=, ...).
_CREDENTIAL_PARAM = re.compile(r"key|token|secret|passw|pwd|sig|auth|credential|session", re.I)


def redact_url(url: str) -> str:
    """The URL with any user name, password and credential-like query values replaced by
    ``***``; everything else kept, so it still says where the endpoint is."""
    from urllib.parse import parse_qsl, urlencode

    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return "(invalid URL)"
    netloc = parts.netloc
    if parts.username is not None or parts.password is not None:
        host = parts.hostname or ""
        if ":" in host:
            host = f"[{host}]"
        netloc = f"{REDACTED}@{host}" + (f":{port}" if port else "")
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        query = urlencode([(k, REDACTED if _CREDENTIAL_PARAM.search(k) else v) for k, v in pairs],
                          safe="*")
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def mask_secret(secret: str | None) -> str:
    """``sk-…wxyz``: enough to tell two keys apart, never enough to use one."""
    if not secret:
        return "(none)"
    if len(secret) <= 12:
        return "…" + secret[-2:]
    return f"{secret[:3]}…{secret[-4:]}"


def scrub(text: str, secret: str | None) -> str:
    """Remove a secret (and any long run of it) from text that may be shown or stored."""
    if secret and len(secret) >= 6:
        text = text.replace(secret, mask_secret(secret))
    return text


@dataclass
class CallRecord:
    """One HTTP attempt, for the cost ledger. Holds no prompt, answer or key."""

    step: str
    model: str
    endpoint: str
    mode: str
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_ms: int = 0
    outcome: str = "ok"
    answer_position: int | None = None


class ModeMemory:
    """What worked per endpoint and model, in a small JSON file in the cache directory."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._lock = threading.Lock()

    def _read(self) -> dict[str, Any]:
        if self.path is None:
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def get(self, key: str) -> str | None:
        entry = self._read().get(key)
        mode = entry.get("mode") if isinstance(entry, dict) else None
        return mode if mode in MODES else None

    def remember(self, key: str, mode: str) -> None:
        if self.path is None:
            return
        with self._lock:
            data = self._read()
            if (data.get(key) or {}).get("mode") == mode:
                return
            data[key] = {"mode": mode, "checked_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
            try:
                from mock_interview.config import write_private_file

                write_private_file(self.path, json.dumps(data, indent=2, sort_keys=True) + "\n")
            except Exception:  # a cache that cannot be written only costs a probe next time
                pass

    def forget(self, key: str) -> None:
        if self.path is None:
            return
        with self._lock:
            data = self._read()
            if data.pop(key, None) is not None:
                try:
                    from mock_interview.config import write_private_file

                    write_private_file(self.path, json.dumps(data, indent=2, sort_keys=True) + "\n")
                except Exception:
                    pass


# ---- JSON schema and extraction -------------------------------------------------------------

_STRICT_DROP = {"title", "default", "examples", "maxLength"}
GRAMMAR_MIN_LENGTH = 20  # longer minimum lengths are left to pydantic


_CLIENTS: dict[tuple[str, str, float], Any] = {}
_CLIENTS_LOCK = threading.Lock()


def _shared_client(api_key: str, url: str, timeout: float) -> Any:
    """One ``openai.OpenAI`` per endpoint and key in a process, shared by every engine (it is
    thread-safe): each new client builds an SSL context, ~25 ms of CPU, and its own connection
    pool, which a batch of hundreds of interviews would otherwise pay per interview."""
    key = (api_key, url, timeout)
    with _CLIENTS_LOCK:
        client = _CLIENTS.get(key)
        if client is None:
            import openai  # heavy: only when a model is really called

            client = _CLIENTS[key] = openai.OpenAI(api_key=api_key, base_url=url, timeout=timeout,
                                                   max_retries=0)
        return client


@functools.cache
def schema_for(model_cls: type) -> dict[str, Any]:
    """The pydantic model's JSON schema, made acceptable to OpenAI's strict mode: every object
    closed (``additionalProperties: false``) with all properties required.

    String length bounds are not sent: llama.cpp compiles ``maxLength: N`` into N nested
    optional rules, and a few hundred of them make its grammar parser fail (and
    llama-cpp-python 0.3's server crash on the next request). Item counts and enums stay;
    the models truncate long strings after validation. Cached: callers must not change it."""
    schema = model_cls.model_json_schema()

    def fix(node: Any) -> Any:
        if isinstance(node, dict):
            node = {k: fix(v) for k, v in node.items() if k not in _STRICT_DROP
                    and not (k == "minLength" and isinstance(v, int) and v > GRAMMAR_MIN_LENGTH)}
            if node.get("type") == "object" and "properties" in node:
                node["additionalProperties"] = False
                node["required"] = list(node["properties"])
            return node
        if isinstance(node, list):
            return [fix(item) for item in node]
        return node

    return fix(schema)


def extract_json(text: str) -> Any:
    """The first JSON object in ``text``: the whole text, a fenced block, or the first
    balanced ``{…}`` that parses. Raises ValueError when there is none."""
    stripped = text.strip()
    if not stripped:
        raise ValueError("the reply is empty")
    try:
        return json.loads(stripped)
    except ValueError:
        pass
    if "```" in stripped:
        for block in stripped.split("```")[1::2]:
            body = block.split("\n", 1)[1] if block[:4].lower() == "json" and "\n" in block else block
            try:
                return json.loads(body.strip())
            except ValueError:
                continue
    decoder = json.JSONDecoder()
    start = stripped.find("{")
    while start != -1:
        try:
            value, _ = decoder.raw_decode(stripped, start)
            return value
        except ValueError:
            start = stripped.find("{", start + 1)
    raise ValueError("no JSON object found in the reply")


def describe_errors(error: Any, limit: int = 6) -> str:
    """A pydantic ValidationError as a few short lines for the repair request."""
    lines = []
    for item in error.errors()[:limit]:
        where = ".".join(str(p) for p in item.get("loc", ())) or "(root)"
        lines.append(f"- {where}: {item.get('msg')}")
    return "\n".join(lines)


def estimate_tokens(text: str) -> int:
    return max(1, len(text) // 4)


# ---- the client -------------------------------------------------------------------------------------


@dataclass
class Reply:
    value: Any
    mode: str
    prompt_tokens: int
    completion_tokens: int
    latency_ms: int
    repaired: bool = False
    short_of: str | None = None  # what a lenient check still found wrong


class StructuredClient:
    """Calls one endpoint and returns validated pydantic objects."""

    def __init__(
        self,
        endpoint: Endpoint,
        *,
        memory: ModeMemory | None = None,
        on_call: Callable[[CallRecord], None] | None = None,
        allow_spend: Callable[[int, int], bool] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        limiter: threading.Semaphore | None = None,
        budget: ModelBudget | None = None,
    ) -> None:
        self.endpoint = endpoint
        self.budget = budget
        self.memory = memory or ModeMemory(None)
        self.on_call = on_call
        self.allow_spend = allow_spend
        self.sleep = sleep
        self.limiter = limiter  # shared by a batch: at most N requests in flight across it
        self._client: Any = None
        self._lock = threading.Lock()
        self._session_mode: str | None = None

    def client(self) -> Any:
        with self._lock:
            if self._client is None:
                self._client = _shared_client(self.endpoint.api_key or "not-needed", self.endpoint.url,
                                              self.endpoint.timeout)
            return self._client

    def close(self) -> None:
        """Let go of the client; it stays open for other engines of this process (see
        ``_shared_client``)."""
        with self._lock:
            self._client = None

    # -- modes ------------------------------------------------------------------------------

    def _modes(self) -> list[str]:
        start = self._session_mode or self.memory.get(self.endpoint.memory_key) or MODES[0]
        return list(MODES[MODES.index(start):])

    def _remember(self, mode: str) -> None:
        self._session_mode = mode
        self.memory.remember(self.endpoint.memory_key, mode)

    @staticmethod
    def _response_format(mode: str, name: str, schema: dict[str, Any]) -> dict[str, Any] | None:
        if mode == "json_schema":
            return {"type": "json_schema", "json_schema": {"name": name, "schema": schema, "strict": True}}
        if mode == "json_object_schema":
            return {"type": "json_object", "schema": schema}
        if mode == "json_object":
            return {"type": "json_object"}
        return None

    # -- the call -----------------------------------------------------------------------------

    def complete(
        self,
        step: str,
        system: str,
        user: str,
        model_cls: type[T],
        *,
        max_tokens: int = 800,
        position: int | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        check: Callable[[T], str | None] | None = None,
        lenient_check: bool = False,
    ) -> Reply:
        """Ask for one ``model_cls``. ``check`` may add a rule pydantic cannot express (returns
        an error message, or None when the value is fine); it takes part in the repair. With
        ``lenient_check``, a repaired reply that validates but still fails ``check`` is
        returned anyway (``Reply.short_of`` says why) for the caller to complete."""
        from pydantic import ValidationError

        schema = schema_for(model_cls)
        name = model_cls.__name__.lower()
        rejected: list[str] = []
        for mode in self._modes():
            system_text = system
            if mode != "json_schema":
                system_text += ("\n\nReply with one JSON object and nothing else. It must match this "
                                f"JSON schema:\n{json.dumps(schema, separators=(',', ':'))}")
            messages = [{"role": "system", "content": system_text}, {"role": "user", "content": user}]
            response_format = self._response_format(mode, name, schema)
            try:
                first = self._request(step, mode, messages, response_format, max_tokens, position,
                                      timeout, max_retries)
            except _Rejected:
                rejected.append(mode)
                continue
            text, prompt_tokens, completion_tokens, latency = first
            value, problem = self._validate(text, model_cls, check, ValidationError)
            if value is not None:
                self._remember(mode)
                return Reply(value, mode, prompt_tokens, completion_tokens, latency)
            # One repair: show the model its reply and what is wrong with it.
            repair = [*messages, {"role": "assistant", "content": text[:6000]},
                      {"role": "user", "content": (
                          "Your reply was not valid:\n" + problem + "\nReply again with only the "
                          "corrected JSON object, following the schema exactly.")}]
            try:
                second = self._request(f"{step}", mode, repair, response_format, max_tokens,
                                       position, timeout, max_retries, outcome_ok="repair",
                                       record_later=True)
            except _Rejected as exc:
                raise LLMFailure("invalid-output", "the repair request was refused") from exc
            text2, p2, c2, l2, repair_record = second
            value, problem = self._validate(text2, model_cls, check, ValidationError)
            if value is not None:
                self._record(repair_record)
                self._remember(mode)
                return Reply(value, mode, prompt_tokens + p2, completion_tokens + c2, latency + l2,
                             repaired=True)
            if lenient_check and check is not None:
                for candidate in (text2, text):
                    value, _ = self._validate(candidate, model_cls, None, ValidationError)
                    if value is not None:
                        self._record(repair_record)
                        self._remember(mode)
                        return Reply(value, mode, prompt_tokens + p2, completion_tokens + c2,
                                     latency + l2, repaired=True, short_of=check(value))
            # The ledger says the step failed although every HTTP call succeeded: the step is
            # done offline, and usage summaries count it as a failed call.
            repair_record.outcome = "invalid-output"
            self._record(repair_record)
            self._remember(mode)  # the mode works; this output did not
            raise LLMFailure("invalid-output", problem.splitlines()[0] if problem else "")
        raise LLMFailure("rejected", "the endpoint refused every structured-output mode "
                                     f"({', '.join(rejected)})")

    @staticmethod
    def _validate(text: str, model_cls: Any, check: Any, validation_error: Any) -> tuple[Any, str]:
        try:
            data = extract_json(text)
        except ValueError as exc:
            return None, f"- {exc}"
        try:
            value = model_cls.model_validate(data)
        except validation_error as exc:
            return None, describe_errors(exc)
        if check is not None:
            problem = check(value)
            if problem:
                return None, f"- {problem}"
        return value, ""

    def _record(self, record: CallRecord) -> None:
        if self.on_call is not None:
            with contextlib.suppress(Exception):  # the ledger must never take an interview down
                self.on_call(record)

    def _request(
        self,
        step: str,
        mode: str,
        messages: list[dict[str, str]],
        response_format: dict[str, Any] | None,
        max_tokens: int,
        position: int | None,
        timeout: float | None,
        max_retries: int | None,
        outcome_ok: str = "ok",
        record_later: bool = False,
    ) -> Any:
        """One logical request with retries of transient failures: (text, in, out, ms), and
        with ``record_later`` the successful attempt's ledger record, for the caller to record
        once it knows whether the reply was usable."""
        import openai

        retries = self.endpoint.max_retries if max_retries is None else max_retries
        prompt_estimate = sum(estimate_tokens(m["content"]) for m in messages)
        attempt = 0
        refused = True  # every attempt so far found no server listening
        while True:
            if self.budget is not None and self.budget.given_up is not None:
                raise LLMFailure(self.budget.given_up, "given up earlier in this interview",
                                 given_up=True)
            if self.allow_spend is not None and not self.allow_spend(prompt_estimate, max_tokens):
                raise LLMFailure("budget", "the --max-cost limit is reached")
            record = CallRecord(step=step, model=self.endpoint.model, endpoint=self.endpoint.display,
                                mode=mode, answer_position=position)
            kwargs: dict[str, Any] = {
                "model": self.endpoint.model, "messages": messages, "max_tokens": max_tokens,
                "temperature": self.endpoint.temperature,
            }
            if response_format is not None:
                kwargs["response_format"] = response_format
            if timeout is not None:
                kwargs["timeout"] = timeout
            retry_after: float | None = None
            started = time.monotonic()
            try:
                with self.limiter or contextlib.nullcontext():
                    started = time.monotonic()  # the latency is the server's, not the queue's
                    response = self.client().chat.completions.create(**kwargs)
            except openai.APITimeoutError:
                outcome = "timeout"
            except openai.APIConnectionError as exc:
                outcome = "connection"
                refused = refused and _refused(exc)
            except openai.APIStatusError as exc:
                status = exc.status_code
                retry_after = _retry_after(exc.response.headers if exc.response is not None else {})
                if status == 429:
                    outcome = "rate-limited"
                elif response_format is not None and (
                        status in (400, 422) or (status >= 500 and _mentions_format(exc))):
                    # OpenAI says 400, strict validators 422; llama-cpp-python's server wraps its
                    # validation error about response_format in a 500.
                    record.outcome = "rejected"
                    record.latency_ms = int((time.monotonic() - started) * 1000)
                    self._record(record)
                    raise _Rejected(mode) from None
                elif status >= 500 or status in (408, 409):
                    outcome = "server-error"
                elif status in (401, 403):
                    record.outcome = "auth"
                    record.latency_ms = int((time.monotonic() - started) * 1000)
                    self._record(record)
                    raise LLMFailure("auth", f"HTTP {status}: the key was refused") from None
                elif status == 404:
                    record.outcome = "not-found"
                    record.latency_ms = int((time.monotonic() - started) * 1000)
                    self._record(record)
                    raise LLMFailure("not-found", f"HTTP 404 for model {self.endpoint.model!r} "
                                                  f"at {self.endpoint.display}") from None
                else:
                    record.outcome = f"http-{status}"
                    record.latency_ms = int((time.monotonic() - started) * 1000)
                    self._record(record)
                    raise LLMFailure("bad-request", f"HTTP {status}") from None
            except openai.OpenAIError as exc:  # malformed responses and the like
                outcome = "server-error"
                retry_after = None
                _ = exc
            except Exception:  # noqa: BLE001 - a body that is not JSON, a broken stream, ...
                # Whatever the client raises is a provider failure like any other: retried, then
                # the offline engine takes the step. Nothing a server sends may end an interview.
                outcome = "bad-response"
                retry_after = None
            else:
                latency = int((time.monotonic() - started) * 1000)
                text = ""
                try:
                    text = response.choices[0].message.content or ""
                except (AttributeError, IndexError, TypeError):
                    text = ""
                usage = getattr(response, "usage", None)
                prompt_tokens = int(getattr(usage, "prompt_tokens", 0) or 0) or prompt_estimate
                completion_tokens = int(getattr(usage, "completion_tokens", 0) or 0) or (
                    estimate_tokens(text) if text else 0)
                record.prompt_tokens, record.completion_tokens = prompt_tokens, completion_tokens
                record.latency_ms, record.outcome = latency, outcome_ok
                if self.budget is not None:
                    self.budget.succeeded()
                if record_later:
                    return text, prompt_tokens, completion_tokens, latency, record
                self._record(record)
                return text, prompt_tokens, completion_tokens, latency
            record.outcome = outcome
            record.latency_ms = int((time.monotonic() - started) * 1000)
            self._record(record)
            if self.budget is not None:
                self.budget.failed(outcome)
            if attempt >= retries:
                if self.budget is not None and outcome == "connection" and refused:
                    self.budget.give_up(outcome)  # nothing answers there: no later step tries
                raise LLMFailure(outcome, f"after {attempt + 1} attempt(s)")
            cap = self.budget.retry_after_cap if self.budget is not None else MAX_RETRY_AFTER
            if retry_after is not None and retry_after > cap:
                raise LLMFailure(outcome, f"the server asked to wait {retry_after:.0f}s")
            delay = retry_after if retry_after is not None else min(
                BACKOFF_MAX, BACKOFF_BASE * 2 ** attempt) * (1 - 0.25 * random.random())
            if self.budget is not None:
                allowed = self.budget.wait(max(0.0, delay), retry_after)
                if allowed is None:
                    raise LLMFailure(outcome, "the model's time budget for this interview is spent")
                delay = allowed
            self.sleep(max(0.0, delay))
            attempt += 1

    def list_models(self) -> list[str]:
        """The ids the endpoint serves (``GET /models``), for `doctor`."""
        page = self.client().models.list()
        return [getattr(m, "id", "") for m in page]


def _refused(exc: Any) -> bool:
    """Did the connection fail to open (nothing listening), rather than break mid-request?
    The HTTP library's own ConnectError is matched by name: its module differs by version."""
    seen = 0
    cause = exc.__cause__
    while cause is not None and seen < 8:
        if isinstance(cause, ConnectionRefusedError) or type(cause).__name__ == "ConnectError":
            return True
        cause, seen = cause.__cause__ or cause.__context__, seen + 1
    return False


def _mentions_format(exc: Any) -> bool:
    """Does an error response blame the response_format (not a real server failure)?"""
    text = str(getattr(exc, "body", "") or "") + " " + str(getattr(exc, "message", "") or "")
    return "response_format" in text or "json_schema" in text


def _retry_after(headers: Any) -> float | None:
    """Seconds from ``retry-after-ms`` or ``retry-after`` (seconds or an HTTP date)."""
    try:
        raw_ms = headers.get("retry-after-ms")
        if raw_ms:
            return float(raw_ms) / 1000.0
        raw = headers.get("retry-after")
    except AttributeError:
        return None
    if not raw:
        return None
    try:
        return max(0.0, float(raw))
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(raw)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
