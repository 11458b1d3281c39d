"""The architecture document stays true: every module is on its map, every decision has its shape."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "mock_interview"
ARCHITECTURE = ROOT / "docs" / "architecture.md"
DECISIONS = ROOT / "docs" / "decisions"

# Alembic revisions are one row of the map (their folder); each one's docstring says what it does.
FOLDER_ROWS = ("store/migrations/versions/",)


def _map_section() -> str:
    text = ARCHITECTURE.read_text(encoding="utf-8")
    match = re.search(r"^## Module map\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert match, "docs/architecture.md has no '## Module map' section"
    return match.group(1)


def _modules() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if any(relative.startswith(folder) for folder in FOLDER_ROWS):
            continue
        found.append(relative)
    return found


def test_every_module_is_on_the_map():
    mapped = set(re.findall(r"`([\w/.]+\.py)`", _map_section()))
    missing = [module for module in _modules() if module not in mapped]
    assert not missing, f"modules missing from the map in docs/architecture.md: {missing}"


def test_the_map_names_no_module_that_does_not_exist():
    section = _map_section()
    named = set(re.findall(r"`([\w/.]+\.py)`", section))
    gone = sorted(name for name in named if not (PACKAGE / name).is_file())
    assert not gone, f"the map names modules that do not exist: {gone}"
    for folder in FOLDER_ROWS:
        assert f"`{folder}`" in section


@pytest.mark.parametrize("path", sorted(DECISIONS.glob("*.md")), ids=lambda p: p.name)
def test_each_decision_is_a_short_dated_entry(path):
    text = path.read_text(encoding="utf-8")
    date = path.name[:10]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", date), "decision files are named YYYY-MM-DD-topic.md"
    assert text.startswith(f"# {date} · "), "the title repeats the file's date"
    for part in ("**Context.**", "**Decision.**", "**Consequence.**"):
        assert part in text, f"{path.name} lacks {part}"


def test_decisions_exist_and_the_architecture_points_to_them():
    assert len(list(DECISIONS.glob("*.md"))) >= 10
    assert "docs/decisions/" in ARCHITECTURE.read_text(encoding="utf-8")
