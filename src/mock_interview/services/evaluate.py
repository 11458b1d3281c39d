"""Batch evaluation: many candidates' mock interviews from one file or folder, no terminal.

Each item is run as ``interview --answers`` would run it: the resume is uploaded into the
candidate's own profile (created if needed, the active profile left alone), the interview is
planned, answered (a follow-up takes the next answer), graded and stored.

Resumability lives in the database, in the ``meta`` table under ``evaluate:<sha256>``: the
item's content hash (its fields that affect the result, with the resume file's bytes) mapped to
its interview id. It sits next to the interviews it points to, so pointing ``--db`` elsewhere
starts afresh instead of claiming work that is not there, it survives a lost output file, and
every write is a transaction (BEGIN IMMEDIATE on SQLite), so parallel workers never clobber it.
A re-run skips finished items, continues an interrupted interview, and retries failed items.
Before working on an item a run claims it (a ``meta`` row under ``evaluate-claim:<sha256>``,
inserted in its own transaction); a second run of the same input at the same time skips the
items claimed elsewhere and says so, instead of interviewing the same candidate twice.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import re
import threading
import time
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from mock_interview.errors import MockInterviewError, NotFoundError, UsageError
from mock_interview.io.files import versioned
from mock_interview.services.context import AppContext

META_PREFIX = "evaluate:"
CLAIM_PREFIX = "evaluate-claim:"  # an item being worked on, by which run (see ``_claim``)
CLAIM_STALE_SECONDS = 30 * 60  # a claim this old is taken over (its run died on another machine)
ITEM_FILE = "item.json"  # a folder holding this file is one item (with its resume beside it)
SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".json": "json"}
FORMATS = ("jsonl", "csv")
MAX_CONCURRENCY = 64
# With the model, an item's answers are all given at once, so their gradings need not wait for
# each other; the batch-wide limit of --concurrency requests in flight still holds. Several per
# item keep that limit busy while other items are between calls (parsing, planning, storing).
GRADINGS_PER_INTERVIEW = 4
NAME_ONLY_DOMAIN = "candidates.localdomain"  # profiles for candidates given without an email
# An item's fields; others (notes, …) are ignored, and so is "key" when hashing, so renaming
# an item or adding a column to the spreadsheet does not redo finished work.
KNOWN_FIELDS = ("key", "name", "email", "resume", "resume_id", "job", "answers", "questions",
                "type", "difficulty", "seed")
OUTPUT_FIELDS = ("key", "source", "status", "skipped", "candidate_name", "candidate_email",
                 "candidate_from", "job",
                 "job_id", "job_title", "job_company", "interview_id", "technical_score",
                 "communication_score", "job_match_score", "overall_score", "answered", "error")
_ANSWER_COLUMN = re.compile(r"answers?_?(\d+)")
_RESUME_ID = re.compile(r"[0-9a-fA-F-]{4,36}")
# Uploads run one at a time: PyMuPDF does not support threads (its docs: "may crash Python"),
# and resumes.upload's temporary file is named by content hash and process id, so two threads
# storing the same file would share it. Parsing is pure Python under the GIL anyway.
_DOCUMENT_LOCK = threading.Lock()


# -- reading the input --------------------------------------------------------------------------

@dataclass
class Item:
    """One row of the input, parsed or not."""

    index: int
    source: str  # where it came from: "batch.jsonl:3", "batch.csv:7", "alice/item.json"
    base_dir: Path  # resume paths are relative to this
    data: dict[str, Any] | None = None
    error: str | None = None  # the row itself is broken
    default_key: str = ""

    @property
    def key(self) -> str:
        explicit = (self.data or {}).get("key")
        if isinstance(explicit, str | int) and str(explicit).strip():
            return str(explicit).strip()
        return self.default_key or self.source


def read_items(path: Path, *, exclude: Path | None = None) -> list[Item]:
    """Every item of a JSONL/CSV/JSON file or of a folder (files inside, and item folders).

    A file that is not a batch at all raises UsageError; inside a folder, such a file becomes
    one failed item instead, so one bad file never stops the others.
    """
    if not path.exists():
        raise NotFoundError(f"{path} does not exist")
    rows: list[tuple[str, Path, dict[str, Any] | None, str | None, str]] = []
    if path.is_dir():
        rows = _read_folder(path, exclude)
        if not rows:
            raise UsageError(f"{path} holds no batch files",
                             hint=f"put *.jsonl, *.csv or *.json files in it, or folders with {ITEM_FILE}")
    else:
        rows = _read_file(path, path.name, path.stem)
    return [Item(index, source, base, data, error, key)
            for index, (source, base, data, error, key) in enumerate(rows)]


def _read_folder(folder: Path, exclude: Path | None) -> list[tuple]:
    rows: list[tuple] = []
    skip = exclude.resolve() if exclude is not None else None
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.startswith(".") or (skip is not None and entry.resolve() == skip):
            continue
        if entry.is_dir():
            target, shown, key = entry / ITEM_FILE, f"{entry.name}/{ITEM_FILE}", entry.name
            if not target.is_file():
                continue
        elif entry.suffix.lower() in SUFFIXES:
            target, shown, key = entry, entry.name, entry.stem
        else:
            continue
        try:
            rows.extend(_read_file(target, shown, key))
        except MockInterviewError as exc:
            rows.append((shown, target.parent.absolute(), None, exc.message, key))
    return rows


def _text_of(path: Path, shown: str) -> str:
    from mock_interview.io.limits import MAX_BATCH_FILE_BYTES, read_file_capped

    data = read_file_capped(path, MAX_BATCH_FILE_BYTES, shown)
    if not data.strip():
        raise UsageError(f"{shown} is empty")
    if b"\x00" in data[:4096]:
        raise UsageError(f"{shown} is not a text file (JSONL, CSV or JSON expected)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{shown} is not UTF-8 text (byte {exc.start}); save it as UTF-8") from exc


def _format_of(path: Path, text: str) -> str:
    kind = SUFFIXES.get(path.suffix.lower())
    if kind:
        return kind
    head = text.lstrip()
    if head.startswith("["):
        return "json"
    if head.startswith("{"):
        first = head.split("\n", 1)[0].strip()
        return "jsonl" if first.endswith("}") else "json"
    return "csv"


def _read_file(path: Path, shown: str, key: str) -> list[tuple]:
    text = _text_of(path, shown)
    kind = _format_of(path, text)
    base = path.parent.absolute()
    if kind == "csv":
        rows = _csv_rows(text, shown, base)
    elif kind == "jsonl":
        rows = _jsonl_rows(text, shown, base)
        if rows is None:  # no line holds an object: maybe a pretty-printed JSON document
            try:
                rows = _json_rows(text, shown, base, key)
            except UsageError:
                raise UsageError(f"{shown} is not JSON lines: no line holds a JSON object") from None
    else:
        rows = _json_rows(text, shown, base, key)
    if not rows:
        raise UsageError(f"{shown} has no items")
    return rows


def _jsonl_rows(text: str, shown: str, base: Path) -> list[tuple] | None:
    from mock_interview.io.limits import loads_json

    rows, objects = [], 0
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{shown}:{number}"
        try:
            value = loads_json(line, "the line")
        except UsageError as exc:  # a bad line fails alone
            rows.append((where, base, None, exc.message.replace("the line is ", "", 1), ""))
            continue
        if isinstance(value, dict):
            objects += 1
            rows.append((where, base, value, None, ""))
        else:
            rows.append((where, base, None, "must be a JSON object", ""))
    return rows if objects else None


def _json_rows(text: str, shown: str, base: Path, key: str) -> list[tuple]:
    from mock_interview.io.limits import loads_json

    value = loads_json(text, shown)
    if isinstance(value, dict) and isinstance(value.get("items"), list):
        value = value["items"]
    if isinstance(value, dict):
        return [(shown, base, value, None, key)]  # one item: its key is the file or folder name
    if not isinstance(value, list):
        raise UsageError(f'{shown} must hold an item, a list of items or {{"items": [...]}}')
    return [(f"{shown}[{n}]", base, item, None, "") if isinstance(item, dict)
            else (f"{shown}[{n}]", base, None, "must be a JSON object", "")
            for n, item in enumerate(value, start=1)]


def _csv_rows(text: str, shown: str, base: Path) -> list[tuple]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [re.sub(r"[\s-]+", "_", (h or "").strip().lower()) for h in next(reader, [])]
        if not {"resume", "resume_id", "job", "answers"} & set(header) and not any(
                _ANSWER_COLUMN.fullmatch(h) for h in header):
            raise UsageError(f"{shown} does not look like a batch: its first line has none of the "
                             f"columns {', '.join(KNOWN_FIELDS)}, answer_1, answer_2, …")
        rows, line = [], reader.line_num
        for record in reader:
            where, line = f"{shown}:{line + 1}", reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if len(record) > len(header):
                rows.append((where, base, None,
                             f"row has {len(record)} fields, the header has {len(header)}", ""))
                continue
            rows.append((where, base, *_csv_item(header, record)))
    except csv.Error as exc:
        raise UsageError(f"{shown} is not valid CSV (line {reader.line_num}): {exc}") from None
    return rows


def _csv_item(header: list[str], record: list[str]) -> tuple[dict | None, str | None, str]:
    data: dict[str, Any] = {}
    numbered: dict[int, str] = {}
    for name, cell in zip(header, record, strict=False):
        if (match := _ANSWER_COLUMN.fullmatch(name)) is not None:
            numbered[int(match.group(1))] = cell  # blanks kept for now: only trailing ones go
        elif cell.strip():
            data[name] = cell.strip()
    for name in ("answers", "job"):  # JSON inside a cell: a list of answers, an inline posting
        value = data.get(name)
        if isinstance(value, str) and value.startswith(("[", "{")):
            try:
                data[name] = json.loads(value)
            except ValueError as exc:
                return None, f"{name}: looks like JSON but does not parse ({exc.msg})", ""
    if numbered and "answers" not in data:
        answers = [numbered[n] for n in sorted(numbered)]
        while answers and not answers[-1].strip():
            answers.pop()
        data["answers"] = answers
    return data, None, ""


# -- one item, checked ----------------------------------------------------------------------------

@dataclass
class BatchOptions:
    """Defaults for items that do not say, and how to run."""

    questions: int = 6
    mix: str = "mixed"
    difficulty: str = "medium"
    engine: str = "auto"
    concurrency: int = 1
    source: str = "evaluate"  # recorded on inline postings (the input's name)
    debug: bool = False
    call_limiter: Any = field(default=None, repr=False)  # set by evaluate(): N model requests at most
    engine_calls_model: bool = False  # set by validate(), once "auto" is resolved
    run_id: str = field(default_factory=lambda: uuid.uuid4().hex)  # whose claims are whose
    root: Path | None = None  # the batch's folder: resume files must be inside it
    allow_outside: bool = False  # --allow-outside: resume files anywhere

    @property
    def workers(self) -> int:
        """Items in progress at once. The offline engine is CPU work under one GIL: threads
        would only take turns and contend for the database (bench/batch_throughput.py measured
        263 answers/s with one, 171 with four), so --concurrency applies to the model."""
        return self.concurrency if self.engine_calls_model else 1

    def validate(self, ctx: AppContext | None = None) -> None:
        """Bad defaults stop the batch at once (exit 2/3) rather than failing every item."""
        from mock_interview.domain.interview.planner import PlanRequest
        from mock_interview.services import llm

        PlanRequest(count=self.questions, mix=self.mix, difficulty=self.difficulty).validate()
        if not 1 <= self.concurrency <= MAX_CONCURRENCY:
            raise UsageError(f"--concurrency must be between 1 and {MAX_CONCURRENCY}")
        # unknown (2) or not available (3); "auto" is resolved here, once
        engine_class, _config = llm.choose_engine(ctx, self.engine)
        self.engine_calls_model = engine_class.capabilities.calls_model


@dataclass
class ItemSpec:
    name: str
    email: str
    resume_path: Path | None
    resume_id: str | None
    job_key: str | None
    job_record: Any | None  # an inline posting, validated
    answers: list[str]
    count: int
    mix: str
    difficulty: str
    seed: int | None
    candidate_from: str = "item"  # "resume": the item gave neither name nor email

    @property
    def job_label(self) -> str:
        return self.job_key if self.job_record is None else self.job_record.slug


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60]


def _candidate(data: dict[str, Any]) -> tuple[str, str]:
    from mock_interview.domain.profiles import normalise_email, normalise_name

    name, email = data.get("name"), data.get("email")
    for label, value in (("name", name), ("email", email)):
        if value is not None and not isinstance(value, str):
            raise UsageError(f"{label} must be text")
    if not (name or "").strip() and not (email or "").strip():
        raise UsageError("give the candidate's name or email")
    if (email or "").strip():
        address = normalise_email(email)
    else:
        # One profile per name: give emails to tell apart two people with the same name.
        local = _slug(name) or "candidate-" + hashlib.sha256(name.encode()).hexdigest()[:10]
        address = normalise_email(f"{local}@{NAME_ONLY_DOMAIN}")
    full_name = normalise_name(name if (name or "").strip() else address.split("@", 1)[0])
    return full_name, address


def _integer(value: Any, label: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str | float):
        raise UsageError(f"{label} must be a whole number")
    try:
        number = int(str(value).strip())
    except ValueError:
        raise UsageError(f"{label} must be a whole number, not {value!r}") from None
    if not low <= number <= high:
        raise UsageError(f"{label} must be between {low} and {high}")
    return number


def _answers(value: Any) -> list[str]:
    if value is None:
        raise UsageError("answers are required: a list of strings (a follow-up takes the next one)")
    if not isinstance(value, list):
        raise UsageError("answers must be a list of strings"
                         " (in CSV: a JSON list in the cell, or answer_1, answer_2, … columns)")
    from mock_interview.domain.interview.answers import normalise_answers

    return normalise_answers(value)


def check_item(item: Item, options: BatchOptions) -> ItemSpec:
    """The item's fields, validated; UsageError names the first bad field."""
    from mock_interview.domain.interview.planner import DIFFICULTIES, MAX_QUESTIONS, MIXES
    from mock_interview.domain.jobs import validate_job
    from mock_interview.services import jobs

    if item.error is not None:
        raise UsageError(item.error)
    data = item.data or {}
    given_candidate = any(isinstance(data.get(k), str) and data[k].strip() for k in ("name", "email"))
    name, email = _candidate(data) if given_candidate else ("", "")  # else: from the resume
    resume_path = resume_id = None
    if data.get("resume_id") not in (None, ""):
        resume_id = str(data["resume_id"]).strip()
    elif isinstance(data.get("resume"), str) and data["resume"].strip():
        given = data["resume"].strip()
        candidate = Path(given).expanduser()
        candidate = candidate if candidate.is_absolute() else item.base_dir / candidate
        if candidate.exists():
            resume_path = candidate
            root = options.root or item.base_dir
            if not options.allow_outside and not candidate.resolve().is_relative_to(root.resolve()):
                raise UsageError(f"resume {given} is outside the batch's folder {root}; move it "
                                 "there, give a stored resume id, or pass --allow-outside")
        elif _RESUME_ID.fullmatch(given):
            resume_id = given
        else:
            raise NotFoundError(f"resume file {given} does not exist (looked in {item.base_dir})")
    else:
        raise UsageError("resume is required: a file (relative to the input) or a resume id")
    job = data.get("job")
    job_key = job_record = None
    if isinstance(job, dict):
        canonical, _ = jobs._skill_functions()
        job_record, errors = validate_job(job, canonical)
        if errors:
            raise UsageError("job: " + "; ".join(f"{e.field} {e.reason}" for e in errors[:3]))
    elif isinstance(job, str | int) and str(job).strip():
        job_key = str(job).strip()
    else:
        raise UsageError("job is required: an id or slug, or a posting object (title, company, …)")
    answers = _answers(data.get("answers"))
    count = (options.questions if data.get("questions") in (None, "")
             else _integer(data["questions"], "questions", 1, MAX_QUESTIONS))
    mix = str(data.get("type") or options.mix).strip().lower()
    if mix not in MIXES:
        raise UsageError(f"type must be one of {', '.join(MIXES)}")
    difficulty = str(data.get("difficulty") or options.difficulty).strip().lower()
    if difficulty not in DIFFICULTIES:
        raise UsageError(f"difficulty must be one of {', '.join(DIFFICULTIES)}")
    seed = None if data.get("seed") in (None, "") else _integer(data["seed"], "seed", 0, 2**31 - 1)
    return ItemSpec(name, email, resume_path, resume_id, job_key, job_record, answers, count, mix,
                    difficulty, seed, "item" if given_candidate else "resume")


def _candidate_from_resume(ctx: AppContext, spec: ItemSpec) -> tuple[str, str]:
    """The name and email the parsed resume gives, for an item that gives neither."""
    contact: dict[str, Any] = {}
    if spec.resume_path is not None:
        from mock_interview.io.readers import read_document, read_file_bytes
        from mock_interview.services.resumes import _parse

        with _DOCUMENT_LOCK:
            document = read_document(read_file_bytes(str(spec.resume_path)), spec.resume_path.name)
            contact = _parse(document).to_json().get("contact") or {}
    elif spec.resume_id is not None:
        from sqlmodel import select

        from mock_interview.store.database import id_prefix_clause
        from mock_interview.store.models import Resume

        with ctx.database().session() as session:
            clause = id_prefix_clause(session, Resume.id, spec.resume_id)
            found = [] if clause is None else list(session.exec(select(Resume).where(clause).limit(2)))
        if len(found) == 1:
            contact = found[0].contact or {}
    name, email = contact.get("name"), contact.get("email")
    if not (name or email):
        raise UsageError("give the candidate's name or email: the item has neither and the "
                         "resume shows none")
    return _candidate({"name": name, "email": email})


def item_digest(spec: ItemSpec, options: BatchOptions) -> str:
    """The item's content hash: what it asks for (normalised, so CSV and JSONL agree) and the
    resume file's bytes. The engine option is part of it: another engine is another result."""
    material = {
        "name": spec.name, "email": spec.email, "resume_id": spec.resume_id,
        "job": spec.job_key if spec.job_record is None else spec.job_record.to_row(),
        "answers": spec.answers, "questions": spec.count, "type": spec.mix,
        "difficulty": spec.difficulty, "seed": spec.seed, "engine": options.engine,
    }
    digest = hashlib.sha256(json.dumps(material, sort_keys=True, default=str).encode("utf-8"))
    if spec.resume_path is not None:
        try:
            with spec.resume_path.open("rb") as handle:
                for chunk in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(chunk)
        except OSError:
            pass  # the upload reports it, with the same checks as `upload`
    return digest.hexdigest()


# -- results ---------------------------------------------------------------------------------

@dataclass
class ItemResult:
    index: int
    key: str
    source: str
    status: str = "failed"  # ok | failed
    skipped: bool = False  # done by an earlier run: the stored result, no new work
    candidate_name: str | None = None
    candidate_email: str | None = None
    candidate_from: str | None = None  # item | resume: where the name and email came from
    job: str | None = None  # as the item gave it (id/slug), or the inline posting's slug
    job_id: str | None = None
    job_title: str | None = None
    job_company: str | None = None
    interview_id: str | None = None
    technical_score: float | None = None
    communication_score: float | None = None
    job_match_score: float | None = None
    overall_score: float | None = None
    answered: int | None = None  # questions answered in the interview (follow-ups included)
    error: str | None = None
    submitted: int = 0  # answers graded in this run (for the throughput figures)
    trace: str | None = None  # an unexpected error's traceback, kept under --debug

    def to_json(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in OUTPUT_FIELDS}

    def record(self) -> dict[str, Any]:
        """What is kept in the database for a finished item."""
        return {"status": "done", **{name: getattr(self, name) for name in (
            "interview_id", "job_id", "job_title", "job_company", "technical_score",
            "communication_score", "job_match_score", "overall_score", "answered")}}


class ResultWriter:
    """One line per item: JSONL (each line a versioned JSON document) or CSV with a header."""

    def __init__(self, stream: IO[str], fmt: str) -> None:
        if fmt not in FORMATS:
            raise UsageError(f"--format must be one of {', '.join(FORMATS)}")
        self.stream, self.fmt = stream, fmt
        self._csv = None
        if fmt == "csv":
            self._csv = csv.DictWriter(stream, fieldnames=OUTPUT_FIELDS, lineterminator="\n")
            self._csv.writeheader()
            stream.flush()

    def write(self, result: ItemResult) -> None:
        row = result.to_json()
        if self._csv is not None:
            self._csv.writerow({k: "" if v is None else str(v).lower() if isinstance(v, bool) else v
                                for k, v in row.items()})
        else:
            self.stream.write(json.dumps(versioned(row), ensure_ascii=False) + "\n")
        self.stream.flush()  # a trainer can follow the file while the batch runs


@dataclass
class BatchSummary:
    items: int
    succeeded: int = 0
    failed: int = 0
    skipped: int = 0
    answers: int = 0  # graded in this run
    elapsed: float = 0.0
    interrupted: bool = False
    failures: list[ItemResult] = field(default_factory=list)
    workers: int = 1  # items in progress at once

    @property
    def answers_per_second(self) -> float:
        return self.answers / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def items_per_second(self) -> float:
        return self.succeeded / self.elapsed if self.elapsed > 0 else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "items": self.items, "succeeded": self.succeeded, "failed": self.failed,
            "skipped": self.skipped, "not_run": self.items - self.succeeded - self.failed - self.skipped,
            "interrupted": self.interrupted, "answers": self.answers,
            "elapsed_seconds": round(self.elapsed, 3),
            "items_per_second": round(self.items_per_second, 2),
            "answers_per_second": round(self.answers_per_second, 1),
            "workers": self.workers,
            "failures": [{"key": r.key, "source": r.source, "error": r.error} for r in self.failures],
        }


# -- running ---------------------------------------------------------------------------------

class _Stopped(Exception):
    """Ctrl-C in the main thread: stop between answers (the interview stays resumable)."""


def _read_record(ctx: AppContext, digest: str) -> dict[str, Any] | None:
    """The stored state of this item, if its interview still exists."""
    from mock_interview.store.models import Interview, Meta

    with ctx.database().session() as session:
        row = session.get(Meta, META_PREFIX + digest)
        if row is None:
            return None
        try:
            record = json.loads(row.value)
            exists = session.get(Interview, uuid.UUID(record["interview_id"])) is not None
        except (ValueError, KeyError, TypeError):
            return None
    return record if exists else None  # deleted since: do it again


def _write_record(ctx: AppContext, digest: str, record: dict[str, Any]) -> None:
    from mock_interview.store import meta

    with ctx.database().session() as session:  # another run of the same input may write it too
        meta.put(session, META_PREFIX + digest, json.dumps(record, sort_keys=True))


class _ClaimedElsewhere(Exception):
    pass


def _claim_owner(run_id: str) -> dict[str, Any]:
    import os
    import socket

    return {"run": run_id, "pid": os.getpid(), "host": socket.gethostname(), "at": time.time()}


def _claim_is_stale(owner: dict[str, Any]) -> bool:
    import os
    import socket

    if time.time() - float(owner.get("at") or 0) > CLAIM_STALE_SECONDS:
        return True
    if owner.get("host") == socket.gethostname():
        try:
            os.kill(int(owner.get("pid") or 0), 0)
        except ProcessLookupError:
            return True  # the run that claimed it is gone (killed): its claim is void
        except (OSError, ValueError):
            return False
    return False


def _claim(ctx: AppContext, digest: str, run_id: str) -> None:
    """Claim the item for this run, or raise ``_ClaimedElsewhere`` with who holds it. One
    transaction reads and writes the claim (BEGIN IMMEDIATE on SQLite; on Postgres the primary
    key makes a second insert fail), so two runs never both hold it."""
    import sqlalchemy as sa

    from mock_interview.store.models import Meta, utcnow

    mine = _claim_owner(run_id)
    try:
        with ctx.database().session() as session:
            row = session.get(Meta, CLAIM_PREFIX + digest, with_for_update=True)
            if row is None:
                session.add(Meta(key=CLAIM_PREFIX + digest, value=json.dumps(mine)))
                return
            try:
                owner = json.loads(row.value)
            except ValueError:
                owner = {}
            if owner.get("run") not in (None, run_id) and not _claim_is_stale(owner):
                raise _ClaimedElsewhere(f"process {owner.get('pid')} on {owner.get('host')}")
            row.value, row.updated_at = json.dumps(mine), utcnow()
            session.add(row)
    except sa.exc.IntegrityError as exc:  # inserted by another run a moment earlier
        raise _ClaimedElsewhere("another run") from exc


def _release(ctx: AppContext, digest: str, run_id: str) -> None:
    from mock_interview.store.models import Meta

    with contextlib.suppress(Exception), ctx.database().session() as session:
        row = session.get(Meta, CLAIM_PREFIX + digest)
        if row is not None and json.loads(row.value).get("run") == run_id:
            session.delete(row)


def _ensure_candidate(ctx: AppContext, name: str, email: str) -> None:
    """The candidate's profile, created if missing and never made the active one."""
    from mock_interview.services import profiles

    profiles.ensure_user(ctx, name, email)


def _job(ctx: AppContext, spec: ItemSpec, options: BatchOptions) -> Any:
    import sqlalchemy as sa

    from mock_interview.services import jobs
    from mock_interview.store import jobs as job_store

    if spec.job_record is None:
        return jobs.resolve_job(ctx, spec.job_key)
    for attempt in (1, 2):  # a worker importing the same posting may win the insert: then update
        try:
            with ctx.database().session() as session:
                job_store.upsert_jobs(session, [spec.job_record], options.source[:200])
            break
        except sa.exc.IntegrityError:
            if attempt == 2:
                raise
    return jobs.resolve_job(ctx, spec.job_record.slug)


def _resume(ctx: AppContext, spec: ItemSpec) -> str:
    from mock_interview.services import resumes

    if spec.resume_id is not None:
        return resumes.find_resume(ctx, spec.resume_id).id.hex
    with _DOCUMENT_LOCK:
        return resumes.upload_path(ctx, str(spec.resume_path)).resume.id.hex


def _answer(session: Any, answers: list[str], stop: threading.Event, fresh: bool) -> tuple[int, dict]:
    """run_script's loop without its extra state read per answer (submit already asks the next
    question), checking for Ctrl-C between answers: with an LLM engine an answer takes seconds."""
    done = not fresh and session.ensure_asked() is None  # start() has asked question 1
    submitted = 0
    for answer in answers:
        if done:
            break
        if stop.is_set():
            raise _Stopped
        done = session.submit(answer).done
        submitted += 1
    return submitted, session.finish()


def _answered_so_far(ctx: AppContext, interview_id: uuid.UUID) -> int:
    from mock_interview.services.reports import describe

    data = describe(ctx, interview_id)
    return sum(1 for q in data["questions"] if q["status"] == "answered")


def run_item(ctx: AppContext, item: Item, options: BatchOptions, stop: threading.Event) -> ItemResult:
    """Run one item; any failure becomes a failed result with a one-line reason."""
    from mock_interview.services import interview as service

    result = ItemResult(item.index, item.key, item.source)
    claimed: str | None = None
    raw = item.data or {}
    for name, value in (("candidate_name", raw.get("name")), ("candidate_email", raw.get("email")),
                        ("job", raw.get("job"))):
        if isinstance(value, str):  # shown as given until checked, so a failure says who it was
            setattr(result, name, value)
    try:
        spec = check_item(item, options)
        if spec.candidate_from == "resume":
            spec.name, spec.email = _candidate_from_resume(ctx, spec)
        result.candidate_from = spec.candidate_from
        result.candidate_name, result.candidate_email, result.job = spec.name, spec.email, spec.job_label
        digest = item_digest(spec, options)
        ctx.profile_override = spec.email  # this worker's context only; state.json untouched
        record = _read_record(ctx, digest)
        if record is None or record.get("status") != "done":
            _claim(ctx, digest, options.run_id)
            claimed = digest
            record = _read_record(ctx, digest)  # as the run that held the claim left it
        if record is not None and record.get("status") == "done":
            for name, value in record.items():
                if name != "status" and hasattr(result, name):
                    setattr(result, name, value)
            result.status, result.skipped = "ok", True
            return result
        _ensure_candidate(ctx, spec.name, spec.email)
        if record is not None:  # started by an earlier run that stopped: continue it
            interview_id = uuid.UUID(record["interview_id"])
            session = service.InterviewSession(
                ctx, interview_id, grader_workers=GRADINGS_PER_INTERVIEW,
                llm_overrides=service.InterviewOptions(call_limiter=options.call_limiter))
            remaining = spec.answers[_answered_so_far(ctx, interview_id):]
            fresh = False
        else:
            job = _job(ctx, spec, options)
            resume = _resume(ctx, spec)
            seed = spec.seed if spec.seed is not None else int(digest[:8], 16) & 0x7FFFFFFF
            session = service.start(ctx, service.InterviewOptions(
                resume=resume, count=spec.count, mix=spec.mix, difficulty=spec.difficulty,
                seed=seed, engine=options.engine, call_limiter=options.call_limiter,
                grader_workers=GRADINGS_PER_INTERVIEW), job=job)
            _write_record(ctx, digest, {"status": "started", "interview_id": str(session.interview_id)})
            remaining, fresh = spec.answers, True
        result.interview_id = str(session.interview_id)
        result.submitted, data = _answer(session, remaining, stop, fresh)
        scores = data["result"] or {}
        result.status = "ok"
        result.job_id, result.job_title = data["job"]["id"], data["job"]["title"]
        result.job_company = data["job"]["company"]
        for name in ("technical_score", "communication_score", "job_match_score", "overall_score"):
            setattr(result, name, scores.get(name))
        result.answered = sum(1 for q in data["questions"] if q["status"] == "answered")
        _write_record(ctx, digest, result.record())
    except _Stopped:
        raise
    except _ClaimedElsewhere as exc:
        result.status, result.error = "failed", (
            f"claimed by another evaluate run ({exc}); not run here: run again once it finishes")
    except MockInterviewError as exc:
        result.status, result.error = "failed", str(exc)
    except Exception as exc:  # noqa: BLE001 - one item's bug must not lose the other items
        result.status, result.error = "failed", f"internal error: {type(exc).__name__}: {exc}"
        if options.debug:
            import traceback

            result.trace = traceback.format_exc()
    finally:
        if claimed is not None:
            _release(ctx, claimed, options.run_id)
    return result


def _groups(items: list[Item]) -> list[list[Item]]:
    """Items by candidate, in input order. One candidate's items run one after another, so
    their "not asked before" history, and so their questions, are the same at any concurrency."""
    groups: dict[str, list[Item]] = {}
    for item in items:
        data = item.data or {}
        who = str(data.get("email") or "").strip().lower() or " ".join(
            str(data.get("name") or "").lower().split())
        groups.setdefault(who or f"#{item.index}", []).append(item)
    return list(groups.values())


def evaluate(ctx: AppContext, items: list[Item], options: BatchOptions, *,
             writer: ResultWriter | None = None,
             on_result: Callable[[ItemResult], None] | None = None) -> BatchSummary:
    """Run every item, ``options.workers`` at a time (with the model: ``concurrency`` items, and
    at most ``concurrency`` model requests in flight across them), each worker with its own
    context (its own database connection). Results are written in input order as soon as they can be;
    ``on_result`` is called as each item finishes (serialised). Ctrl-C stops between answers
    and returns the summary with ``interrupted`` set."""
    from concurrent.futures import ThreadPoolExecutor, as_completed

    from mock_interview.services import jobs

    options.validate(ctx)
    options.call_limiter = threading.BoundedSemaphore(options.concurrency)
    started = time.perf_counter()
    jobs.ensure_catalogue(ctx)  # once, here, rather than by every worker at the same moment
    summary = BatchSummary(items=len(items))
    lock, stop, local = threading.Lock(), threading.Event(), threading.local()
    contexts: list[AppContext] = []
    waiting: dict[int, ItemResult] = {}
    next_index = 0

    def finished(result: ItemResult) -> None:
        nonlocal next_index
        with lock:
            if result.skipped:
                summary.skipped += 1
            elif result.status == "ok":
                summary.succeeded += 1
            else:
                summary.failed += 1
                summary.failures.append(result)
            summary.answers += result.submitted
            waiting[result.index] = result
            while next_index in waiting:
                if writer is not None:
                    writer.write(waiting.pop(next_index))
                else:
                    waiting.pop(next_index)
                next_index += 1
            if on_result is not None:
                on_result(result)

    def worker_context() -> AppContext:
        context = getattr(local, "context", None)
        if context is None:
            context = local.context = AppContext(settings=ctx.settings)
            with lock:
                contexts.append(context)
        return context

    def run_group(group: list[Item]) -> None:
        for item in group:
            if stop.is_set():
                return
            finished(run_item(worker_context(), item, options, stop))

    summary.workers = options.workers
    pool = ThreadPoolExecutor(max_workers=options.workers, thread_name_prefix="evaluate")
    try:
        futures = [pool.submit(run_group, group) for group in _groups(items)]
        for future in as_completed(futures):
            with contextlib.suppress(_Stopped):  # a worker saw the stop: nothing to report
                future.result()
    except KeyboardInterrupt:
        stop.set()
        summary.interrupted = True
    finally:
        stop.set()  # on any error too: running workers stop after their current answer
        pool.shutdown(wait=True, cancel_futures=True)
        for context in contexts:
            context.close()
    with lock:  # after an interruption: what did finish, still in input order
        for index in sorted(waiting):
            if writer is not None:
                writer.write(waiting[index])
    summary.elapsed = time.perf_counter() - started
    summary.failures.sort(key=lambda r: r.index)
    return summary
