"""Engine names and their classes: adding an engine is one line here (and its module).

Classes are imported on first use, so naming the engines costs no import.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mock_interview.engines.base import Capabilities

ENGINES = {
    "offline": "mock_interview.engines.offline:OfflineEngine",
    "openai": "mock_interview.engines.openai_engine:OpenAIEngine",
}
NAMES = tuple(ENGINES)
OFFLINE = "offline"  # needs nothing: what ``auto`` means without a model, and every fallback
MODEL = "openai"  # what ``auto`` means when a model endpoint is configured


def engine_class(name: str) -> Any:
    """The class registered as ``name`` (KeyError for a name not registered)."""
    module, _, attribute = ENGINES[name].partition(":")
    return getattr(import_module(module), attribute)


def capabilities_of(name: str | None) -> Capabilities:
    """What the engine an interview was stored with can do; nothing for an unknown label."""
    if name not in ENGINES:
        from mock_interview.engines.base import Capabilities

        return Capabilities()
    return engine_class(name).capabilities
