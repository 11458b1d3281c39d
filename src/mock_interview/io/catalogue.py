"""Streaming readers for job catalogue files: JSON (an array, or {"jobs": [...]}), JSONL, CSV.

Rows are yielded one at a time with the line they start on, so a 200 MB file never sits in
memory and every bad row can be reported by line.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mock_interview.errors import NotFoundError, UsageError

CHUNK = 1 << 20
MAX_ROW_BYTES = 8 << 20  # one posting bigger than this is not a posting
_JOBS_KEY = re.compile(r'"jobs"\s*:\s*\[')


@dataclass
class RawRow:
    line: int
    data: Any = None
    error: str | None = None  # the row could not even be parsed


def detect_format(path: Path, head: bytes) -> str:
    suffix = path.suffix.lower()
    if suffix in {".jsonl", ".ndjson"}:
        return "jsonl"
    if suffix == ".csv":
        return "csv"
    if suffix == ".json":
        return "json"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith((b"[", b"{")):
        first_line = text.split(b"\n", 1)[0].strip()
        return "jsonl" if first_line.startswith(b"{") and first_line.endswith(b"}") else "json"
    return "csv"


def open_catalogue(path: Path) -> tuple[str, Iterator[RawRow]]:
    """Check the file and return its format and a row iterator."""
    if not path.exists():
        raise NotFoundError(f"{path} does not exist")
    if path.is_dir():
        raise UsageError(f"{path} is a directory; give a .json, .jsonl or .csv file")
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from exc
    if not head.strip():
        raise UsageError(f"{path} is empty")
    if b"\x00" in head:
        raise UsageError(f"{path} is not a text file (JSON, JSONL or CSV expected)")
    kind = detect_format(path, head)
    readers = {"json": _json_rows, "jsonl": _jsonl_rows, "csv": _csv_rows}
    return kind, readers[kind](path)


def _decode_error(path: Path, exc: UnicodeDecodeError) -> UsageError:
    return UsageError(f"{path} is not UTF-8 text (byte {exc.start}); save it as UTF-8")


def _jsonl_rows(path: Path) -> Iterator[RawRow]:
    with path.open("r", encoding="utf-8-sig", newline="") as handle:
        try:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    yield RawRow(number, json.loads(line))
                except ValueError as exc:
                    yield RawRow(number, error=f"invalid JSON: {exc.msg}")
        except UnicodeDecodeError as exc:
            raise _decode_error(path, exc) from exc


def _csv_rows(path: Path) -> Iterator[RawRow]:
    with path.open("r", encoding="utf-8-sig", newline="") as handle:
        try:
            reader = csv.DictReader(handle)
            if not reader.fieldnames or "title" not in [f.strip() for f in reader.fieldnames]:
                raise UsageError(f"{path}: the CSV header must name the columns, including title")
            for row in reader:
                line = reader.line_num
                if None in row:
                    yield RawRow(line, error="more values than header columns")
                    continue
                yield RawRow(line, {k.strip(): v for k, v in row.items() if k is not None})
        except UnicodeDecodeError as exc:
            raise _decode_error(path, exc) from exc
        except csv.Error as exc:
            raise UsageError(f"{path}: broken CSV near line {reader.line_num}: {exc}") from exc


def _json_rows(path: Path) -> Iterator[RawRow]:
    """Objects of a top-level array (or of a top-level object's "jobs" array), one at a time."""
    decoder = json.JSONDecoder()
    with path.open("r", encoding="utf-8-sig") as handle:
        buffer, line, eof = "", 1, False

        def fill() -> bool:
            nonlocal buffer, eof
            try:
                chunk = handle.read(CHUNK)
            except UnicodeDecodeError as exc:
                raise _decode_error(path, exc) from exc
            if not chunk:
                eof = True
                return False
            buffer += chunk
            return True

        def skip_space() -> None:
            nonlocal buffer, line
            while True:
                stripped = buffer.lstrip()
                line += buffer.count("\n", 0, len(buffer) - len(stripped))
                buffer = stripped
                if buffer or eof or not fill():
                    return

        fill()
        skip_space()
        if buffer.startswith("{"):
            while not (match := _JOBS_KEY.search(buffer)) and len(buffer) < MAX_ROW_BYTES and fill():
                pass
            if not match:
                raise UsageError(f'{path}: a JSON object must have a "jobs" array')
            line += buffer.count("\n", 0, match.end())
            buffer = buffer[match.end():]
        elif buffer.startswith("["):
            buffer = buffer[1:]
        else:
            raise UsageError(f"{path}: JSON catalogues must be an array of postings")
        while True:
            skip_space()
            if buffer.startswith("]"):
                return
            if not buffer:
                raise UsageError(f"{path}: the JSON array is not closed (truncated file?)")
            while True:
                try:
                    value, end = decoder.raw_decode(buffer)
                    break
                except ValueError as exc:
                    if len(buffer) > MAX_ROW_BYTES or not fill():
                        if eof and len(buffer) <= MAX_ROW_BYTES:
                            raise UsageError(
                                f"{path}: the JSON array is not closed: the file ends inside a "
                                f"posting at line {line} (truncated file?)"
                            ) from exc
                        raise UsageError(
                            f"{path}: invalid JSON at line {line + buffer.count(chr(10), 0, exc.pos)}"
                            f": {exc.msg}"
                        ) from exc
            yield RawRow(line, value)
            line += buffer.count("\n", 0, end)
            buffer = buffer[end:]
            skip_space()
            if buffer.startswith(","):
                buffer = buffer[1:]
            elif not buffer.startswith("]"):
                if not buffer:
                    raise UsageError(f"{path}: the JSON array is not closed (truncated file?)")
                raise UsageError(f"{path}: expected ',' or ']' at line {line}")
