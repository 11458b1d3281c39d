"""Streaming readers for job catalogue files: JSON (an array, or {"jobs": [...]}), JSONL, CSV.

Rows are yielded one at a time with the line they start on, so a 200 MB file never sits in
memory and every bad row can be reported by line. Column names of common exports ("Job
Title", "Company Name", "job_location", "Employment Type", …) are read as the catalogue's own
(FIELD_ALIASES); when the first row names no title or no company, the file is refused with
the names that are accepted.
"""

from __future__ import annotations

import csv
import io
import json
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mock_interview.errors import NotFoundError, UsageError

CHUNK = 1 << 20
MAX_ROW_BYTES = 8 << 20  # one posting bigger than this is not a posting
_JOBS_KEY = re.compile(r'"jobs"\s*:\s*\[')


def _field_aliases() -> dict[str, tuple[str, ...]]:
    """The catalogue's fields and the column names exports use for them, in order of
    preference (data/catalogue/field_aliases.json)."""
    from importlib import resources

    path = resources.files("mock_interview").joinpath("data/catalogue/field_aliases.json")
    fields = json.loads(path.read_text("utf-8"))["fields"]
    return {name: tuple(aliases) for name, aliases in fields.items()}


FIELD_ALIASES = _field_aliases()
REQUIRED_FIELDS = ("title", "company")
_KEY_RE = re.compile(r"[^a-z0-9]+")
_ALIAS_RANK = {alias: (name, rank) for name, aliases in FIELD_ALIASES.items()
               for rank, alias in enumerate(aliases)}


def column_key(name: str) -> str:
    """A column name as FIELD_ALIASES spells it: "Job Title" -> "job_title"."""
    return _KEY_RE.sub("_", str(name).strip().lower()).strip("_")


class FieldMap:
    """Maps a file's column names to the catalogue's fields; each distinct name is looked up
    once per file (a catalogue has a few columns and many rows)."""

    def __init__(self) -> None:
        self._known: dict[Any, tuple[str, int] | None] = {}

    def field_of(self, name: Any) -> tuple[str, int] | None:
        found = self._known.get(name, False)
        if found is False:
            found = _ALIAS_RANK.get(column_key(name)) if isinstance(name, str) else None
            self._known[name] = found
        return found

    def row(self, data: Any) -> Any:
        """``data`` with its keys as the catalogue's fields (non-objects are left as they are,
        for validation to report)."""
        if not isinstance(data, dict):
            return data
        out: dict[str, Any] = {}
        ranks: dict[str, int] = {}
        for key, value in data.items():
            found = self.field_of(key)
            if found is None:
                continue
            name, rank = found
            if name in out:
                empty, was_empty = value in (None, ""), out[name] in (None, "")
                if empty or (not was_empty and rank > ranks[name]):
                    continue
            out[name], ranks[name] = value, rank
        return out

    def missing(self, names: Any) -> list[str]:
        """The required fields none of ``names`` stands for."""
        present = {found[0] for name in names if (found := self.field_of(name))}
        return [name for name in REQUIRED_FIELDS if name not in present]


def missing_columns_error(path: Path, missing: list[str], what: str) -> UsageError:
    accepted = "; ".join(f"for {name}: " + ", ".join(FIELD_ALIASES[name]) for name in missing)
    return UsageError(f"{path}: {what} has no {' and no '.join(missing)} "
                      f"(accepted names, any case, with spaces or _: {accepted})",
                      hint="rename the column; other columns are ignored")


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
    from mock_interview.io.limits import MAX_CATALOGUE_FILE_BYTES, MB

    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            # The file is read twice (its head, then its rows): a pipe or device cannot be.
            raise UsageError(f"{path} is not a regular file (a pipe or device)",
                             hint="save the catalogue to a file and import that")
        if info.st_size > MAX_CATALOGUE_FILE_BYTES:
            raise UsageError(f"{path} is {info.st_size / MB:,.0f} MB; the limit for a catalogue "
                             f"file is {MAX_CATALOGUE_FILE_BYTES / MB:g} MB",
                             hint="split it into smaller files")
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
    return kind, CatalogueRows(path, readers[kind])


class CatalogueRows:
    """A catalogue file's rows, keyed by the catalogue's field names, and how far into the
    file reading has got (for a progress bar)."""

    def __init__(self, path: Path, reader: Any) -> None:
        self.path = path
        self.total_bytes = path.stat().st_size
        self._reader = reader
        self._handle: Any = None
        self.fields = FieldMap()

    def bytes_read(self) -> int:
        buffer = getattr(self._handle, "buffer", None)
        try:
            return min(self.total_bytes, buffer.tell()) if buffer is not None else 0
        except (OSError, ValueError):
            return 0

    def _opened(self, handle: Any) -> None:
        self._handle = handle

    def __iter__(self) -> Iterator[RawRow]:
        checked = False
        for raw in self._reader(self.path, self):
            if raw.data is not None:
                if not checked and isinstance(raw.data, dict):
                    missing = self.fields.missing(raw.data)
                    if missing:
                        raise missing_columns_error(self.path, missing, "the first posting")
                    checked = True
                raw.data = self.fields.row(raw.data)
            yield raw


class _CappedFile(io.RawIOBase):
    """A file read no further than the catalogue limit (it may grow while it is read)."""

    def __init__(self, path: Path) -> None:
        from mock_interview.io.limits import MAX_CATALOGUE_FILE_BYTES

        self._file = path.open("rb", buffering=0)
        self._path = path
        self._limit = MAX_CATALOGUE_FILE_BYTES
        self._read = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        count = self._file.readinto(buffer)
        self._read += count or 0
        if self._read > self._limit:
            from mock_interview.io.limits import MB

            raise UsageError(f"{self._path} is over the limit of {self._limit / MB:g} MB "
                             "for a catalogue file", hint="split it into smaller files")
        return count

    def tell(self) -> int:
        return self._read

    def close(self) -> None:
        self._file.close()
        super().close()


def _open_text(path: Path, newline: str | None = None) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BufferedReader(_CappedFile(path), CHUNK), encoding="utf-8-sig",
                            newline=newline)


def _decode_error(path: Path, exc: UnicodeDecodeError) -> UsageError:
    return UsageError(f"{path} is not UTF-8 text (byte {exc.start}); save it as UTF-8")


def _jsonl_rows(path: Path, rows: CatalogueRows) -> Iterator[RawRow]:
    with _open_text(path, newline="") as handle:
        rows._opened(handle)
        try:
            number = 0
            while line := handle.readline(MAX_ROW_BYTES + 1):
                number += 1
                if len(line) > MAX_ROW_BYTES:
                    while not line.endswith("\n") and (line := handle.readline(CHUNK)):
                        pass  # the rest of the line, in pieces
                    yield RawRow(number, error=f"is longer than {MAX_ROW_BYTES:,} characters")
                    continue
                if not line.strip():
                    continue
                from mock_interview.io.limits import loads_json

                try:  # deep nesting, huge integers, lone surrogates: that row fails alone
                    yield RawRow(number, loads_json(line, "the line"))
                except UsageError as exc:
                    yield RawRow(number, error=exc.message.replace("the line is ", "", 1))
        except UnicodeDecodeError as exc:
            raise _decode_error(path, exc) from exc


def _csv_rows(path: Path, rows: CatalogueRows) -> Iterator[RawRow]:
    with _open_text(path, newline="") as handle:
        rows._opened(handle)
        try:
            reader = csv.DictReader(handle)
            missing = rows.fields.missing(reader.fieldnames or [])
            if missing:
                raise missing_columns_error(path, missing, "the CSV header")
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


def _json_rows(path: Path, rows: CatalogueRows) -> Iterator[RawRow]:
    """Objects of a top-level array (or of a top-level object's "jobs" array), one at a time."""
    decoder = json.JSONDecoder()
    with _open_text(path) as handle:
        rows._opened(handle)
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
