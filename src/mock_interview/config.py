"""Where things live and how settings are resolved.

One override for all user state: ``MOCK_INTERVIEW_HOME``. Without it, platformdirs gives the
data, config and cache directories. Settings come from (highest first): command-line flags,
environment variables, the TOML config file, built-in defaults.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mock_interview.engines.registry import NAMES as ENGINE_NAMES
from mock_interview.errors import ConfigError, MockInterviewError, UsageError
from mock_interview.io.files import PRIVATE_FILE_MODE, write_private  # noqa: F401 (the mode, for callers)

APP_NAME = "mock-interview"
HOME_ENV = "MOCK_INTERVIEW_HOME"
DATABASE_URL_ENV = "MOCK_INTERVIEW_DATABASE_URL"
PROFILE_ENV = "MOCK_INTERVIEW_PROFILE"
DEBUG_ENV = "MOCK_INTERVIEW_DEBUG"
# The LLM engine (engines/openai_engine.py). The key is never a setting: OPENAI_API_KEY or the
# keys file (`mock-interview keys set`), so it cannot end up in config.toml or `config show`.
API_KEY_ENV = "OPENAI_API_KEY"
BASE_URL_ENV = "OPENAI_BASE_URL"
ENGINE_CHOICES = ("auto", *ENGINE_NAMES)

PRIVATE_DIR_MODE = 0o700


@dataclass(frozen=True)
class Paths:
    """The directories and files that hold user state."""

    data_dir: Path
    config_dir: Path
    cache_dir: Path
    home_override: Path | None = None

    @classmethod
    def from_environment(cls, environ: dict[str, str] | None = None) -> Paths:
        environ = os.environ if environ is None else environ
        home = environ.get(HOME_ENV, "").strip()
        if home:
            root = Path(home).expanduser().absolute()
            return cls(data_dir=root, config_dir=root, cache_dir=root / "cache", home_override=root)
        import platformdirs  # light, but only needed here

        return cls(
            data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            cache_dir=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        )

    @property
    def config_file(self) -> Path:
        return self.config_dir / "config.toml"

    @property
    def state_file(self) -> Path:
        return self.data_dir / "state.json"

    @property
    def default_database_file(self) -> Path:
        return self.data_dir / "mock-interview.db"

    @property
    def resumes_dir(self) -> Path:
        return self.data_dir / "resumes"

    def default_database_url(self) -> str:
        return f"sqlite:///{self.default_database_file}"


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) readable only by the user; tighten it if it is ours and open."""
    try:
        path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
        if path != Path.home() and path.stat().st_mode & 0o077:
            path.chmod(PRIVATE_DIR_MODE)
    except PermissionError as exc:
        raise MockInterviewError(
            f"cannot create or use the directory {path}: permission denied",
            hint=f"make it writable, or point {HOME_ENV} at a writable directory",
        ) from exc
    except OSError as exc:
        raise MockInterviewError(f"cannot create the directory {path}: {exc.strerror}") from exc
    return path


def write_private_file(path: Path, text: str) -> None:
    """Write ``text`` atomically to ``path`` with mode 0600 (a crash leaves the old file intact)."""
    ensure_private_dir(path.parent)
    try:
        write_private(path, text)
    except PermissionError as exc:
        raise MockInterviewError(
            f"cannot write {path}: permission denied",
            hint=f"make the directory writable, or point {HOME_ENV} elsewhere",
        ) from exc
    except OSError as exc:
        raise MockInterviewError(f"cannot write {path}: {exc.strerror}") from exc


@dataclass(frozen=True)
class SettingSpec:
    """One configurable key: its type, default, environment variable, help and allowed values."""

    key: str
    type: type
    default: Any
    help: str
    env: str | None = None
    choices: tuple[str, ...] | None = None
    low: float | None = None  # inclusive bounds of a number
    high: float | None = None
    low_exclusive: bool = False
    url: bool = False  # must be an http(s) URL

    def allowed(self) -> str:
        """What values are accepted, for error messages and `config show`."""
        if self.choices:
            return "one of " + ", ".join(self.choices)
        if self.type is bool:
            return "true or false"
        if self.url:
            return "an http:// or https:// URL"
        kind = "a whole number" if self.type is int else "a number"
        if self.low is not None and self.high is not None:
            above = "above" if self.low_exclusive else "from"
            return f"{kind} {above} {self.low:g} to {self.high:g}"
        if self.low is not None:
            return f"{kind} of {self.low:g} or more" if not self.low_exclusive else f"{kind} above {self.low:g}"
        return "text" if self.type is str else kind

    def parse(self, raw: Any) -> Any:
        if self.type is bool and isinstance(raw, str):
            lowered = raw.strip().lower()
            if lowered in {"1", "true", "yes", "on"}:
                return True
            if lowered in {"0", "false", "no", "off"}:
                return False
            raise UsageError(f"{self.key} must be true or false, not {raw!r}")
        if self.type in (int, float) and isinstance(raw, bool):
            raise UsageError(f"{self.key} must be {self.allowed()}, not {raw!r}")
        try:
            value = self.type(raw.strip() if isinstance(raw, str) else raw)
        except (TypeError, ValueError) as exc:
            raise UsageError(f"{self.key} must be {self.allowed()}, not {raw!r}") from exc
        if self.type is float and value != value:  # NaN passes no range check
            raise UsageError(f"{self.key} must be {self.allowed()}, not {raw!r}")
        if self.choices and value not in self.choices:
            raise UsageError(f"{self.key} must be {self.allowed()}, not {raw!r}")
        too_low = self.low is not None and (value <= self.low if self.low_exclusive else value < self.low)
        too_high = self.high is not None and value > self.high
        if too_low or too_high:
            raise UsageError(f"{self.key} must be {self.allowed()}, not {raw!r}")
        if self.url and value and not value.lower().startswith(("http://", "https://")):
            raise UsageError(f"{self.key} must be {self.allowed()}, not {raw!r}",
                             hint="e.g. http://127.0.0.1:8080/v1")
        return value


SETTINGS: dict[str, SettingSpec] = {
    spec.key: spec
    for spec in (
        SettingSpec(
            "database.url",
            str,
            None,
            "SQLAlchemy database URL; empty means the SQLite file in the data directory",
            env=DATABASE_URL_ENV,
        ),
        SettingSpec(
            "llm.provider",
            str,
            "auto",
            "interview engine: auto (the LLM when a key or base URL is configured), offline, openai",
            env="MOCK_INTERVIEW_ENGINE",
            choices=ENGINE_CHOICES,
        ),
        SettingSpec(
            "llm.base_url",
            str,
            None,
            "OpenAI-compatible endpoint (Ollama, llama.cpp, vLLM, LM Studio); empty means OpenAI's",
            env=BASE_URL_ENV,
            url=True,
        ),
        SettingSpec("llm.model", str, "gpt-4o-mini", "model name sent to the endpoint",
                    env="MOCK_INTERVIEW_LLM_MODEL"),
        SettingSpec("llm.temperature", float, 0.2, "sampling temperature", low=0, high=2),
        SettingSpec("llm.timeout", float, 60.0, "seconds to wait for one model call",
                    low=0, high=600, low_exclusive=True),
        SettingSpec("llm.max_retries", int, 2,
                    "retries of a failed model call (timeout, 429, 5xx, refused) before offline",
                    low=0, high=10),
        SettingSpec(
            "llm.prices",
            str,
            "",
            "USD per million tokens for the cost estimate, 'MODEL=INPUT/OUTPUT,...' "
            "(added to the built-in table; local endpoints cost 0)",
        ),
        SettingSpec("llm.max_cost", float, None,
                    "default --max-cost: USD an interview may spend before finishing offline", low=0),
    )
}


@dataclass
class ResolvedSetting:
    key: str
    value: Any
    source: str  # default | config | env | flag


@dataclass
class Settings:
    """Effective settings with where each value came from."""

    paths: Paths
    file_values: dict[str, Any] = field(default_factory=dict)
    environ: dict[str, str] = field(default_factory=lambda: dict(os.environ))
    flags: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(
        cls, paths: Paths, environ: dict[str, str] | None = None, flags: dict[str, Any] | None = None
    ) -> Settings:
        environ = dict(os.environ) if environ is None else environ
        return cls(
            paths=paths,
            file_values=read_config_file(paths.config_file),
            environ=environ,
            flags={k: v for k, v in (flags or {}).items() if v is not None},
        )

    def resolve(self, key: str) -> ResolvedSetting:
        spec = SETTINGS[key]
        if key in self.flags:
            return ResolvedSetting(key, spec.parse(self.flags[key]), "flag")
        if spec.env and self.environ.get(spec.env, "").strip():
            try:
                return ResolvedSetting(key, spec.parse(self.environ[spec.env].strip()), "env")
            except UsageError as exc:
                raise ConfigError(f"{exc.message} (from {spec.env})",
                                  hint=f"fix or unset {spec.env}") from None
        if key in self.file_values:
            try:
                return ResolvedSetting(key, spec.parse(self.file_values[key]), "config")
            except UsageError as exc:
                raise ConfigError(
                    f"{exc.message} (in {self.paths.config_file})",
                    hint=f"mock-interview config set {key} VALUE, or config unset {key}") from None
        return ResolvedSetting(key, spec.default, "default")

    def get(self, key: str) -> Any:
        return self.resolve(key).value

    def database_url(self) -> str:
        return self.get("database.url") or self.paths.default_database_url()


def _flatten(table: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for name, value in table.items():
        key = f"{prefix}{name}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{key}."))
        else:
            flat[key] = value
    return flat


def read_config_file(path: Path) -> dict[str, Any]:
    """Read the TOML config as flat dotted keys; a missing file is an empty config."""
    try:
        raw = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return {}
    except OSError as exc:
        raise ConfigError(f"cannot read the config file {path}: {exc.strerror}") from exc
    try:
        table = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(
            f"the config file {path} is not valid TOML: {exc}",
            hint="fix it, or delete it to start from defaults",
        ) from exc
    values = _flatten(table)
    unknown = sorted(set(values) - set(SETTINGS))
    if unknown:
        raise ConfigError(
            f"the config file {path} has unknown key(s): {', '.join(unknown)}",
            hint=f"known keys: {', '.join(SETTINGS)}",
        )
    return values


def write_config_value(path: Path, key: str, value: Any) -> None:
    """Set (or with ``value=None`` remove) one dotted key in the config file."""
    import tomli_w

    values = read_config_file(path)
    if value is None:
        values.pop(key, None)
    else:
        values[key] = value
    nested: dict[str, Any] = {}
    for dotted, item in sorted(values.items()):
        *parents, leaf = dotted.split(".")
        node = nested
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = item
    write_private_file(path, tomli_w.dumps(nested))


def read_state(paths: Paths) -> dict[str, Any]:
    """Small machine-local state (the active profile per database). Unreadable state is reset."""
    try:
        data = json.loads(paths.state_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_state(paths: Paths, state: dict[str, Any]) -> None:
    write_private_file(paths.state_file, json.dumps(state, indent=2, sort_keys=True) + "\n")
