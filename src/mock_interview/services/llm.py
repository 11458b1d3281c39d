"""LLM use cases: configuration and keys, the engine for an interview, the cost ledger, doctor.

The API key comes from ``OPENAI_API_KEY`` or the keys file (``keys.json`` in the config
directory, mode 0600, managed by ``mock-interview keys``). It is held in memory only: never
written to the database, the config file, the cache or a log, and never printed in full.
"""

from __future__ import annotations

import json
import stat
import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mock_interview.config import API_KEY_ENV, BASE_URL_ENV, ENGINE_CHOICES, write_private_file
from mock_interview.errors import ConfigError, ProviderError, UsageError
from mock_interview.services.context import AppContext

ENGINES = ENGINE_CHOICES  # auto, then every registered engine
KEYS_FILE = "keys.json"
MEMORY_FILE = "llm-endpoints.json"
# USD per million tokens (input, output); `llm.prices` adds to or overrides these.
BUILTIN_PRICES: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1": (2.00, 8.00),
}
REASONS = {
    "timeout": "the model timed out",
    "connection": "the model's endpoint cannot be reached",
    "rate-limited": "the model's rate limit was hit",
    "server-error": "the model's server failed",
    "invalid-output": "the model's output was not valid, twice",
    "rejected": "the endpoint accepts no structured output",
    "bad-request": "the endpoint refused the request",
    "auth": "the API key was refused",
    "not-found": "the model or endpoint was not found",
    "budget": "the --max-cost limit is reached",
}


# ---- keys ---------------------------------------------------------------------------------------


def keys_path(ctx: AppContext) -> Path:
    return ctx.paths.config_dir / KEYS_FILE


def _read_keys_file(path: Path) -> dict[str, Any]:
    try:
        info = path.stat()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise ConfigError(f"cannot read the keys file {path}: {exc.strerror}") from exc
    if stat.S_IMODE(info.st_mode) & 0o077:
        raise ConfigError(
            f"the keys file {path} can be read by other users (mode {stat.S_IMODE(info.st_mode):04o})",
            hint=f"chmod 600 {path}, or set the key again with: mock-interview keys set",
        )
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"the keys file {path} is not valid JSON",
                          hint="set the key again with: mock-interview keys set") from exc
    return data if isinstance(data, dict) else {}


def resolve_key(ctx: AppContext) -> tuple[str | None, str | None]:
    """(key, source): the environment first, then the keys file. Source: env | file | None."""
    key = ctx.settings.environ.get(API_KEY_ENV, "").strip()
    if key:
        return key, "env"
    entry = _read_keys_file(keys_path(ctx)).get("openai")
    key = entry.get("api_key") if isinstance(entry, dict) else None
    if isinstance(key, str) and key.strip():
        return key.strip(), "file"
    return None, None


def set_key(ctx: AppContext, key: str) -> Path:
    key = key.strip()
    if not key:
        raise UsageError("the key is empty")
    if any(ch.isspace() for ch in key) or len(key) > 500:
        raise UsageError("that does not look like an API key (it has spaces or is too long)")
    path = keys_path(ctx)
    data = _read_keys_file(path) if path.exists() else {}
    data["openai"] = {"api_key": key}
    write_private_file(path, json.dumps(data, indent=2) + "\n")
    return path


def remove_key(ctx: AppContext) -> bool:
    path = keys_path(ctx)
    data = _read_keys_file(path)
    if "openai" not in data:
        return False
    del data["openai"]
    write_private_file(path, json.dumps(data, indent=2) + "\n")
    return True


def key_status(ctx: AppContext) -> dict[str, Any]:
    from mock_interview.engines.structured import mask_secret

    path = keys_path(ctx)
    env_key = ctx.settings.environ.get(API_KEY_ENV, "").strip()
    try:
        file_entry = _read_keys_file(path).get("openai")
        file_error = None
    except ConfigError as exc:
        file_entry, file_error = None, exc.message
    file_key = file_entry.get("api_key") if isinstance(file_entry, dict) else None
    key, source = (env_key, "env") if env_key else (file_key, "file") if file_key else (None, None)
    return {
        "configured": key is not None, "source": source, "masked": mask_secret(key) if key else None,
        "env_variable": API_KEY_ENV, "keys_file": str(path), "keys_file_exists": path.exists(),
        "keys_file_has_key": bool(file_key), "keys_file_error": file_error,
    }


# ---- configuration -------------------------------------------------------------------------------


@dataclass
class LLMConfig:
    provider: str
    base_url: str | None = field(repr=False)  # may hold credentials: see ``stored_base_url``
    model: str
    temperature: float
    timeout: float
    max_retries: int
    max_cost: float | None
    prices: dict[str, tuple[float, float]]
    custom_prices: dict[str, tuple[float, float]] = field(default_factory=dict)
    api_key: str | None = field(default=None, repr=False)
    key_source: str | None = None
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def configured(self) -> bool:
        return bool(self.api_key or self.base_url)

    @property
    def stored_base_url(self) -> str | None:
        """The base URL as it may be stored or shown: credentials replaced by ``***``."""
        from mock_interview.engines.structured import redact_url

        return redact_url(self.base_url) if self.base_url else None

    def endpoint(self) -> Any:
        from mock_interview.engines.structured import Endpoint

        return Endpoint(base_url=self.base_url, api_key=self.api_key, model=self.model,
                        temperature=self.temperature, timeout=self.timeout,
                        max_retries=self.max_retries)

    def price(self) -> tuple[float, float] | None:
        """(input, output) USD per million tokens: a price set in ``llm.prices`` for the model,
        else 0 for a local endpoint, else the built-in table; None when unknown."""
        if self.model in self.custom_prices:
            return self.custom_prices[self.model]
        if self.endpoint().is_local:
            return (0.0, 0.0)
        if self.model in self.prices:
            return self.prices[self.model]
        # Dated snapshots ("gpt-4o-mini-2024-07-18") take their family's price.
        family = max((name for name in self.prices if self.model.startswith(name + "-")), key=len,
                     default=None)
        return self.prices[family] if family else None


def parse_prices(text: str) -> dict[str, tuple[float, float]]:
    prices: dict[str, tuple[float, float]] = {}
    for item in (text or "").split(","):
        item = item.strip()
        if not item:
            continue
        try:
            name, pair = item.rsplit("=", 1)
            low, high = pair.split("/")
            prices[name.strip()] = (float(low), float(high))
        except ValueError:
            raise ConfigError(f"llm.prices: cannot read {item!r}",
                              hint="write MODEL=INPUT/OUTPUT in USD per million tokens, "
                                   "e.g. gpt-4o-mini=0.15/0.60") from None
    return prices


def load_config(ctx: AppContext, *, base_url: str | None = None, model: str | None = None,
                max_cost: float | None = None, provider: str | None = None) -> LLMConfig:
    """Flags (the arguments) over environment over config file over defaults."""
    settings = ctx.settings
    resolved = {key: settings.resolve(key) for key in (
        "llm.provider", "llm.base_url", "llm.model", "llm.temperature", "llm.timeout",
        "llm.max_retries", "llm.prices", "llm.max_cost")}
    sources = {key: item.source for key, item in resolved.items()}

    def pick(key: str, flag: Any) -> Any:
        if flag is not None:
            sources[key] = "flag"
            return flag
        return resolved[key].value

    chosen_provider = pick("llm.provider", provider)
    if chosen_provider not in ENGINE_CHOICES:
        raise UsageError(f"--engine must be one of {', '.join(ENGINE_CHOICES)}")
    from mock_interview.engines.structured import REDACTED, redact_url

    configured = (resolved["llm.base_url"].value or "").strip() or None
    url = (pick("llm.base_url", base_url) or "").strip() or None
    if url and REDACTED in url and configured and redact_url(configured) == url:
        # A resumed interview stores the URL without its credentials; the configured URL that
        # redacts to the same text supplies them again.
        url = configured
    if url and not url.lower().startswith(("http://", "https://")):
        raise UsageError(f"the base URL must start with http:// or https://, not {redact_url(url)!r}",
                         hint=f"e.g. http://127.0.0.1:8080/v1 (--base-url or {BASE_URL_ENV})")
    name = (pick("llm.model", model) or "").strip()
    if not name:
        raise UsageError("the model name is empty", hint="--model NAME or config set llm.model NAME")
    temperature = float(resolved["llm.temperature"].value)
    timeout = float(resolved["llm.timeout"].value)
    retries = int(resolved["llm.max_retries"].value)
    if not 0 <= temperature <= 2:
        raise ConfigError("llm.temperature must be between 0 and 2")
    if not 0 < timeout <= 600:
        raise ConfigError("llm.timeout must be between 0 and 600 seconds")
    if not 0 <= retries <= 10:
        raise ConfigError("llm.max_retries must be between 0 and 10")
    limit = pick("llm.max_cost", max_cost)
    if limit is not None and limit < 0:
        raise UsageError("--max-cost must be 0 or more (USD)")
    custom = parse_prices(resolved["llm.prices"].value)
    key, key_source = resolve_key(ctx)
    return LLMConfig(provider=chosen_provider, base_url=url, model=name, temperature=temperature,
                     timeout=timeout, max_retries=retries, max_cost=limit,
                     prices={**BUILTIN_PRICES, **custom}, custom_prices=custom,
                     api_key=key, key_source=key_source, sources=sources)


def engine_choice(config: LLMConfig) -> str:
    """auto: the model engine when a key or a base URL is configured, otherwise offline."""
    from mock_interview.engines import registry

    if config.provider == "auto":
        return registry.MODEL if config.configured else registry.OFFLINE
    return config.provider


def require_configured(config: LLMConfig) -> None:
    if not config.configured:
        raise ConfigError(
            "the openai engine needs an API key or a base URL, and neither is configured",
            hint=f"mock-interview keys set, or {BASE_URL_ENV}=http://127.0.0.1:8080/v1 for a local "
                 "server; or --engine offline",
        )


def choose_engine(ctx: AppContext | None, name: str, *, base_url: str | None = None,
                  model: str | None = None, max_cost: float | None = None) -> tuple[Any, LLMConfig | None]:
    """The engine class for ``name`` (``auto`` or a registered engine) and, for one that calls
    a model, the model's settings. An unknown name stops with exit 2, a model engine with no
    key or base URL with exit 3. Without ``ctx`` only an engine that calls no model can be
    chosen (``auto`` means offline)."""
    from mock_interview.engines import registry

    if name != "auto" and name not in registry.ENGINES:
        raise UsageError(f"--engine must be one of {', '.join(ENGINES)}")
    if name != "auto" and not registry.capabilities_of(name).calls_model:
        return registry.engine_class(name), None  # reads no model setting: a bad one cannot stop it
    if ctx is None:
        if name != "auto":
            raise ConfigError(f"the {name} engine needs the application context")
        return registry.engine_class(registry.OFFLINE), None
    config = load_config(ctx, provider=None if name == "auto" else name, base_url=base_url,
                         model=model, max_cost=max_cost)
    chosen = engine_choice(config)
    if not registry.capabilities_of(chosen).calls_model:
        return registry.engine_class(chosen), None
    require_configured(config)
    return registry.engine_class(chosen), config


@dataclass
class ChosenEngine:
    """An engine and, for one that calls a model, its settings and its cost ledger."""

    engine: Any
    config: LLMConfig | None = None
    ledger: Ledger | None = None
    explicit: bool = False  # named by the person (``--engine openai``), not picked by auto

    def model_info(self) -> dict[str, Any] | None:
        """The model, where it is served and the cost limit; None for an engine with no model."""
        if self.config is None:
            return None
        return {"model": self.config.model, "endpoint": self.config.endpoint().display,
                "max_cost": self.config.max_cost}

    def stored_settings(self) -> dict[str, Any] | None:
        """What a resumed interview needs to rebuild the engine (never the key)."""
        if self.config is None:
            return None
        return {"base_url": self.config.stored_base_url, "model": self.config.model,
                "max_cost": self.config.max_cost, "endpoint": self.config.endpoint().display}


def open_engine(ctx: AppContext | None, name: str, *, base_url: str | None = None,
                model: str | None = None, max_cost: float | None = None,
                limiter: Any = None) -> ChosenEngine:
    """The engine for one interview (see ``choose_engine``); one that calls a model gets the
    endpoint, the endpoint's remembered output mode and a cost ledger of its own."""
    cls, config = choose_engine(ctx, name, base_url=base_url, model=model, max_cost=max_cost)
    if config is None:
        return ChosenEngine(cls())
    assert ctx is not None
    ledger = Ledger(ctx, config, max_cost=config.max_cost)
    engine = cls(config.endpoint(), memory=memory_for(ctx), on_call=ledger.record,
                 allow_spend=ledger.allow, limiter=limiter)
    return ChosenEngine(engine, config, ledger, explicit=name != "auto")


def memory_for(ctx: AppContext) -> Any:
    from mock_interview.engines.structured import ModeMemory

    return ModeMemory(ctx.paths.cache_dir / MEMORY_FILE)


# ---- the ledger ------------------------------------------------------------------------------------


def cost_of(price: tuple[float, float] | None, prompt_tokens: int, completion_tokens: int) -> float | None:
    if price is None:
        return None
    return round((prompt_tokens * price[0] + completion_tokens * price[1]) / 1_000_000, 8)


class Ledger:
    """Stores one ``llm_calls`` row per model request and keeps the interview's spend.

    Calls made before the interview exists (the plan) are held and written by ``attach``.
    ``allow`` is asked before every request: with ``--max-cost`` it refuses a request whose
    estimated cost (prompt estimate + the reply's token limit) would pass the limit.
    """

    def __init__(self, ctx: AppContext, config: LLMConfig, interview_id: uuid.UUID | None = None,
                 max_cost: float | None = None) -> None:
        self.ctx = ctx
        self.price = config.price()
        self.max_cost = max_cost
        self.interview_id = interview_id
        self.spent = 0.0
        self.calls = 0
        self.stopped = False
        self._held: list[Any] = []
        self._lock = threading.Lock()
        if interview_id is not None:
            self.spent = float(spent(ctx, interview_id))

    def record(self, call: Any) -> None:
        from mock_interview.store.models import LlmCall

        cost = cost_of(self.price, call.prompt_tokens, call.completion_tokens)
        row = LlmCall(interview_id=self.interview_id, step=call.step,
                      answer_position=call.answer_position, model=call.model[:200],
                      endpoint=call.endpoint[:300], mode=call.mode, prompt_tokens=call.prompt_tokens,
                      completion_tokens=call.completion_tokens, latency_ms=call.latency_ms,
                      cost_usd=cost, outcome=call.outcome[:40])
        with self._lock:
            self.spent += cost or 0.0
            self.calls += 1
            if self.interview_id is None:
                self._held.append(row)
                return
        self._write([row])

    def attach(self, interview_id: uuid.UUID) -> None:
        """Tie the ledger to its interview: write the held rows, count what it spent before."""
        before = spent(self.ctx, interview_id)
        with self._lock:
            self.interview_id = interview_id
            self.spent += before
            held, self._held = self._held, []
        for row in held:
            row.interview_id = interview_id
        if held:
            self._write(held)

    def _write(self, rows: list[Any]) -> None:
        from mock_interview.store.models import LlmCall, column_values

        # A plain insert: one row per model call adds up in a batch.
        with self.ctx.database().transaction() as connection:
            connection.execute(LlmCall.__table__.insert(), [column_values(row) for row in rows])

    def allow(self, prompt_tokens: int, max_tokens: int) -> bool:
        """May this request be made? Once one is refused, every later one is too: the rest of
        the interview is offline rather than a mix decided by the size of each prompt."""
        if self.max_cost is None or self.price is None:
            return True
        estimate = cost_of(self.price, prompt_tokens, max_tokens) or 0.0
        with self._lock:
            if not self.stopped and self.spent + estimate > self.max_cost:
                self.stopped = True
            return not self.stopped


def spent(ctx: AppContext, interview_id: uuid.UUID) -> float:
    from sqlalchemy import func
    from sqlmodel import select

    from mock_interview.store.models import LlmCall

    with ctx.database().session() as session:
        total = session.exec(select(func.coalesce(func.sum(LlmCall.cost_usd), 0.0))
                             .where(LlmCall.interview_id == interview_id)).one()
    return float(total or 0.0)


def usage(ctx: AppContext, interview_id: uuid.UUID) -> dict[str, Any] | None:
    """The ledger of one interview: calls, tokens, latency and cost, total and per step."""
    from sqlmodel import select

    from mock_interview.store.models import LlmCall

    with ctx.database().session() as session:
        rows = session.exec(select(LlmCall).where(LlmCall.interview_id == interview_id)
                            .order_by(LlmCall.created_at)).all()
    if not rows:
        return None
    return _summarise(rows)


def _summarise(rows: list[Any]) -> dict[str, Any]:
    steps: dict[str, dict[str, Any]] = {}
    for row in rows:
        step = steps.setdefault(row.step, {"calls": 0, "prompt_tokens": 0, "completion_tokens": 0,
                                           "latency_ms": 0, "cost_usd": 0.0, "failed": 0})
        step["calls"] += 1
        step["prompt_tokens"] += row.prompt_tokens
        step["completion_tokens"] += row.completion_tokens
        step["latency_ms"] += row.latency_ms
        step["cost_usd"] += row.cost_usd or 0.0
        step["failed"] += row.outcome not in {"ok", "repair"}
    costs_known = all(row.cost_usd is not None for row in rows)
    total = sum(row.cost_usd or 0.0 for row in rows)
    return {
        "calls": len(rows),
        "failed_calls": sum(s["failed"] for s in steps.values()),
        "prompt_tokens": sum(r.prompt_tokens for r in rows),
        "completion_tokens": sum(r.completion_tokens for r in rows),
        "total_tokens": sum(r.prompt_tokens + r.completion_tokens for r in rows),
        "latency_ms": sum(r.latency_ms for r in rows),
        "cost_usd": round(total, 6) if costs_known else None,
        "cost_usd_known_part": round(total, 6),
        "models": sorted({r.model for r in rows}),
        "steps": {name: {**s, "cost_usd": round(s["cost_usd"], 6)} for name, s in steps.items()},
    }


def usage_summary(ctx: AppContext, interview_ids: list[uuid.UUID] | None = None) -> dict[str, Any]:
    """Ledger totals for `stats`: the current profile's interviews (or the given ones), overall
    and per interview. Interviews without model calls are left out."""
    from sqlmodel import select

    from mock_interview.services import profiles
    from mock_interview.store.models import Interview, LlmCall

    with ctx.database().session() as session:
        query = select(LlmCall).join(Interview, Interview.id == LlmCall.interview_id)
        if interview_ids is not None:
            query = query.where(LlmCall.interview_id.in_(list(interview_ids)))
        else:
            me = profiles.current(ctx)
            query = query.where(Interview.user_id == uuid.UUID(me.id))
        rows = session.exec(query.order_by(LlmCall.created_at)).all()
    per: dict[str, list[Any]] = {}
    for row in rows:
        per.setdefault(str(row.interview_id), []).append(row)
    return {"total": _summarise(rows), "interviews": {key: _summarise(items) for key, items in per.items()}}


# ---- notices ------------------------------------------------------------------------------------------


def fallback_notice(step: str, reason: str, config: LLMConfig, *, given_up: bool = False) -> str:
    from mock_interview.engines.structured import safe_url

    where = safe_url(config.endpoint().url)
    what = REASONS.get(reason, reason)
    if reason == "budget":
        limit = f" (${config.max_cost:g})" if config.max_cost is not None else ""
        return f"{what}{limit}: the rest of this interview is graded offline."
    if given_up:
        return (f"{what} ({config.model} at {where}): the rest of this interview runs offline. "
                "Nothing is lost.")
    return (f"{what} ({config.model} at {where}); the {step} step used the offline engine, as will "
            "any later step that fails. Nothing is lost.")


# ---- doctor -----------------------------------------------------------------------------------------------


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    fix: str | None = None
    warning: bool = False


@dataclass
class DoctorReport:
    checks: list[Check]
    exit_code: int
    engine: str
    mode: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.exit_code == 0, "exit_code": self.exit_code, "engine": self.engine,
                "structured_output": self.mode,
                "checks": [{"name": c.name, "ok": c.ok, "warning": c.warning, "detail": c.detail,
                            "fix": c.fix} for c in self.checks]}


MODE_LABELS = {"json_schema": "response_format json_schema",
               "json_object_schema": "response_format json_object with a schema",
               "json_object": "response_format json_object (schema in the prompt)",
               "text": "plain text with JSON extraction (no response_format)"}


def doctor(ctx: AppContext, *, base_url: str | None = None, model: str | None = None,
           timeout: float = 30.0) -> DoctorReport:
    """Check the configuration, then the endpoint: reachable, model listed, structured output.
    Exit code 0 when all is well, 3 when nothing is configured, 4 when the provider fails."""
    from mock_interview.engines.structured import LLMFailure, StructuredClient, mask_secret

    checks: list[Check] = []
    try:
        config = load_config(ctx, base_url=base_url, model=model)
    except (ConfigError, UsageError) as exc:
        checks.append(Check("configuration", False, exc.message, exc.hint))
        return DoctorReport(checks, 3, "offline")
    chosen = engine_choice(config)
    endpoint = config.endpoint()
    key_text = (f"key {mask_secret(config.api_key)} from "
                f"{'$' + API_KEY_ENV if config.key_source == 'env' else keys_path(ctx)}"
                if config.api_key else "no API key")
    checks.append(Check("configuration", config.configured,
                        f"engine {config.provider} → {chosen}; endpoint {endpoint.display}; model "
                        f"{config.model}; {key_text}; timeout {config.timeout:g}s, "
                        f"{config.max_retries} retries",
                        None if config.configured else
                        f"set a key (mock-interview keys set) or a base URL ({BASE_URL_ENV} or "
                        "--base-url) for a local server"))
    if not config.configured:
        return DoctorReport(checks, 3, chosen)
    if config.provider == "offline":
        checks.append(Check("engine", True, "llm.provider is offline: interviews will not use the "
                            "model unless --engine openai is given", warning=True))
    price = config.price()
    checks.append(Check("price", True, "local endpoint: cost 0" if endpoint.is_local else
                        f"${price[0]:g} / ${price[1]:g} per million input/output tokens"
                        if price else f"no price known for {config.model}: costs are not estimated",
                        None if price else f"config set llm.prices '{config.model}=INPUT/OUTPUT'",
                        warning=price is None))
    from dataclasses import replace

    probe = replace(endpoint, timeout=min(endpoint.timeout, timeout), max_retries=0)
    client = StructuredClient(probe, memory=memory_for(ctx))
    try:
        import openai

        try:
            models = client.list_models()
        except openai.APITimeoutError:
            checks.append(Check("reachable", False, f"{endpoint.display} did not answer within "
                                f"{probe.timeout:g}s", "is the server running and the URL right?"))
            return DoctorReport(checks, 4, chosen)
        except openai.APIConnectionError as exc:
            cause = exc.__cause__ or exc
            checks.append(Check("reachable", False, f"cannot connect to {endpoint.display}: "
                                f"{_plain(cause, config.api_key)}",
                                "start the server, or fix the URL (--base-url / "
                                f"{BASE_URL_ENV}); it usually ends in /v1"))
            return DoctorReport(checks, 4, chosen)
        except openai.AuthenticationError:
            checks.append(Check("reachable", False, f"{endpoint.display} refused the API key "
                                f"({mask_secret(config.api_key)})",
                                "set the right key: mock-interview keys set"))
            return DoctorReport(checks, 4, chosen)
        except openai.APIStatusError as exc:
            if exc.status_code in (404, 405, 501):
                models = None  # some servers do not list models; the probe below still tells
            else:
                checks.append(Check("reachable", False, f"{endpoint.display} answered HTTP "
                                    f"{exc.status_code} to GET /models", "check the URL and the server"))
                return DoctorReport(checks, 4, chosen)
        checks.append(Check("reachable", True, f"{endpoint.display} answers"))
        if models is None:
            checks.append(Check("model", True, "the server does not list its models; not checked",
                                warning=True))
        elif config.model in models:
            checks.append(Check("model", True, f"{config.model} is served"))
        elif len(models) == 1:
            checks.append(Check("model", True, f"{config.model} is not listed; the server serves only "
                                f"{models[0]!r}, which it will probably use",
                                f"--model {models[0]} to match it", warning=True))
        else:
            shown = ", ".join(sorted(models)[:8]) + (" …" if len(models) > 8 else "")
            checks.append(Check("model", False, f"{config.model} is not served here (available: "
                                f"{shown or 'none'})", "--model NAME or config set llm.model NAME"))
            return DoctorReport(checks, 4, chosen)

        from mock_interview.engines.schemas import FollowUpOut

        client.memory.forget(probe.memory_key)  # probe afresh: the server may have changed
        try:
            reply = client.complete(
                "doctor", "You check that structured output works.",
                'Return {"question": "Is structured output working today?"}', FollowUpOut,
                max_tokens=60)
        except LLMFailure as failure:
            fix = {"rejected": "use a server that supports response_format or JSON replies",
                   "invalid-output": "try a larger or instruction-tuned model (--model)",
                   "timeout": "raise llm.timeout, or use a faster model",
                   "auth": "set the right key: mock-interview keys set",
                   "not-found": "--model NAME with a model the server has"}.get(failure.reason)
            checks.append(Check("structured output", False,
                                f"{REASONS.get(failure.reason, failure.reason)}: "
                                f"{scrub_text(failure.detail, config.api_key)}", fix))
            return DoctorReport(checks, 4, chosen)
        checks.append(Check("structured output", True,
                            f"{MODE_LABELS[reply.mode]} works ({reply.latency_ms} ms, "
                            f"{reply.prompt_tokens}+{reply.completion_tokens} tokens)"
                            + ("; needed a repair" if reply.repaired else "")))
        return DoctorReport(checks, 0, chosen, reply.mode)
    finally:
        client.close()


def scrub_text(text: str, secret: str | None) -> str:
    from mock_interview.engines.structured import scrub

    return scrub(text, secret)


def _plain(exc: BaseException, secret: str | None) -> str:
    text = str(exc) or type(exc).__name__
    if "Connection refused" in text or "ECONNREFUSED" in text or "[Errno 111]" in text:
        return "connection refused"
    if "Name or service not known" in text or "nodename nor servname" in text:
        return "unknown host"
    return scrub_text(text.splitlines()[0][:200], secret)


def provider_error(reason: str, detail: str = "") -> ProviderError:
    return ProviderError(f"{REASONS.get(reason, reason)}{': ' + detail if detail else ''}",
                         hint="mock-interview doctor says what is wrong; --engine offline works without it")
