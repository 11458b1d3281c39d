"""Items graded by the installed command, as a trainer would run it: `mock-interview grade
--input FILE --output FILE`, one JSON line per item in, one result per item out."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any


def grade_through_command(items: list[dict[str, Any]], engine: str = "offline",
                          base_url: str | None = None, model: str | None = None
                          ) -> dict[str, dict[str, Any]]:
    """Each item's result, by its ``id`` (items need one)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "items.jsonl"
        path.write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")
        out = Path(tmp) / "out.jsonl"
        command = [sys.executable, "-m", "mock_interview", "grade", "--input", str(path),
                   "--output", str(out), "--engine", engine]
        command += ["--base-url", base_url] if base_url else []
        command += ["--model", model] if model else []
        subprocess.run(command, check=False, capture_output=True)
        return {data["id"]: data for data in map(json.loads, out.read_text("utf-8").splitlines())}


FLOOR_FLAGS = ("dont-know", "gibberish", "copied-question", "off-topic", "empty")


def read_suite(folder: str | Path) -> dict[str, dict[str, Any]]:
    """The items of a calibration suite's JSONL files, by ``id``."""
    suite = {}
    for path in sorted(Path(folder).glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                suite[item["id"]] = item
    return suite
