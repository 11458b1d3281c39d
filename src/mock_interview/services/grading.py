"""Grade answers to one's own questions, one at a time or from a file (JSONL or CSV).

Each item has a question, an answer and key points (a list) and/or a reference answer; the
offline grader scores it. Items are read and graded one by one, so a file of any length runs
in constant memory, and a bad item is reported without stopping the others.
"""

from __future__ import annotations

import csv
import itertools
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mock_interview.errors import UsageError
from mock_interview.io.files import versioned

KINDS = ("technical", "behavioral")
MAX_FIELD_CHARS = 20_000  # one question, answer or reference
MAX_LINE_CHARS = 200_000


@dataclass
class GradeItem:
    question: str
    answer: str
    key_points: list[str] = field(default_factory=list)
    reference: str = ""
    kind: str = "technical"
    id: str = ""


@dataclass
class GradeResult:
    """One graded item, or the reason it could not be graded (``error``)."""

    id: str
    technical: float | None = None
    communication: float | None = None
    overall: float | None = None
    covered: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    wrong_claims: list[dict[str, str]] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    feedback: dict[str, list[str]] = field(default_factory=dict)
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        if self.error is not None:
            return versioned({"id": self.id, "error": self.error})
        return versioned({
            "id": self.id, "technical": self.technical,
            "communication": self.communication, "overall": self.overall,
            "covered": self.covered, "missed": self.missed, "wrong_claims": self.wrong_claims,
            "flags": self.flags, "feedback": self.feedback,
        })


def _text(value: Any, name: str, required: bool = True) -> str:
    if value is None or value == "":
        if required:
            raise UsageError(f"'{name}' is missing")
        return ""
    if not isinstance(value, str):
        raise UsageError(f"'{name}' must be text")
    if len(value) > MAX_FIELD_CHARS:
        raise UsageError(f"'{name}' is longer than {MAX_FIELD_CHARS:,} characters")
    return value


def item_from_mapping(data: Any, index: int) -> GradeItem:
    """Validate one item read from a file (a JSON object or a CSV row)."""
    if not isinstance(data, dict):
        raise UsageError("an item must be an object with question, answer and key_points")
    points: Any = data.get("key_points")
    if isinstance(points, str) and points.strip().startswith("["):
        try:
            points = json.loads(points)
        except ValueError:
            raise UsageError("'key_points' is not a JSON list") from None
    elif isinstance(points, str):
        points = [points] if points.strip() else []
    numbered = sorted((k for k in data if isinstance(k, str) and k.startswith("key_point_")),
                      key=lambda k: (len(k), k))
    if points is None:
        points = [data[k] for k in numbered if isinstance(data[k], str) and data[k].strip()]
    if not isinstance(points, list) or not all(isinstance(p, str) for p in points):
        raise UsageError("'key_points' must be a list of texts")
    reference = _text(data.get("reference"), "reference", required=False)
    if not any(p.strip() for p in points) and not reference.strip():
        raise UsageError("give key_points or a reference")
    kind = data.get("kind") or "technical"
    if kind not in KINDS:
        raise UsageError(f"'kind' must be one of {', '.join(KINDS)}")
    raw_id = data.get("id")
    return GradeItem(
        question=_text(data.get("question"), "question"),
        answer=_text(data.get("answer"), "answer", required=False),
        key_points=[_text(p, "key_points") for p in points if p.strip()],
        reference=reference, kind=kind,
        id=str(raw_id) if raw_id not in (None, "") else str(index),
    )


def read_items(path: Path | None, stream: Any = None) -> Iterator[tuple[int, GradeItem | UsageError]]:
    """Items of a JSONL or CSV file (by extension; CSV when the first line has no "{"), in
    order, each as an item or the error that makes it unusable."""
    handle = stream if path is None else open(path, encoding="utf-8", newline="")  # noqa: SIM115
    try:
        first = handle.readline()
        is_csv = (path is not None and path.suffix.lower() == ".csv") or (
            path is None and first.strip() and not first.lstrip().startswith("{"))
        if is_csv:
            reader = csv.DictReader(itertools.chain([first], handle))
            for index, row in enumerate(reader, start=1):
                yield index, _safe_item(row, index)
            return
        index = 0
        for line in itertools.chain([first], handle):
            if not line.strip():
                continue
            index += 1
            if len(line) > MAX_LINE_CHARS:
                yield index, UsageError(f"line longer than {MAX_LINE_CHARS:,} characters")
                continue
            try:
                data = json.loads(line)
            except (ValueError, RecursionError) as exc:
                yield index, UsageError(f"not valid JSON ({type(exc).__name__})")
                continue
            yield index, _safe_item(data, index)
    except UnicodeDecodeError:
        raise UsageError("the input is not UTF-8 text") from None
    except csv.Error as exc:
        raise UsageError(f"the CSV cannot be read: {exc}") from None
    finally:
        if path is not None:
            handle.close()


def _safe_item(data: Any, index: int) -> GradeItem | UsageError:
    try:
        return item_from_mapping(data, index)
    except UsageError as exc:
        return exc


def _points(item: GradeItem) -> list[str]:
    from mock_interview.domain.grading import split_points

    points = list(item.key_points)
    if item.reference.strip():
        points = points or split_points(item.reference)
    return points


def grade_item(item: GradeItem) -> GradeResult:
    """Grade one item offline."""
    from mock_interview.domain.grading import GradingInput, grade_answer

    star = item.kind == "behavioral"
    grade = grade_answer(GradingInput(
        question=item.question, kind=item.kind, key_points=_points(item), answer=item.answer,
        target_words=(100, 280) if star else (40, 220), star=star,
    ))
    return GradeResult(
        id=item.id, technical=round(grade.technical, 1),
        communication=round(grade.communication, 1), overall=round(grade.overall, 1),
        covered=grade.covered_points, missed=grade.missed_points,
        wrong_claims=grade.wrong_claims, flags=grade.flags,
        feedback={"strengths": grade.strengths, "weaknesses": grade.weaknesses},
    )


class Grader:
    """Grades items with the chosen engine: ``offline``, ``openai``, or ``auto`` (the model
    when a key or base URL is configured). With the model, the offline rules run before and
    after it, as in an interview; nothing is stored (no cost ledger rows either)."""

    def __init__(self, ctx: Any, engine: str = "auto", *, base_url: str | None = None,
                 model: str | None = None) -> None:
        from mock_interview.services import llm

        engine_class, config = llm.choose_engine(ctx, engine, base_url=base_url, model=model)
        self.name: str = engine_class.name
        # An engine with no model grades with the rules directly (``grade_item``).
        self.model_engine: Any = None
        if config is not None:
            self.model_engine = engine_class(config.endpoint(), memory=llm.memory_for(ctx))

    def grade(self, item: GradeItem) -> GradeResult:
        if self.model_engine is None:
            return grade_item(item)
        from mock_interview.domain.interview.planner import PlannedQuestion
        from mock_interview.engines.base import GradeContext

        star = item.kind == "behavioral"
        question = PlannedQuestion(
            id=f"grade-{item.id}", kind=item.kind, text=item.question, key_points=_points(item),
            difficulty="medium", target_words=[100, 280] if star else [40, 220], star=star)
        graded = self.model_engine.grade(question, item.answer, GradeContext())
        feedback = graded.feedback
        return GradeResult(
            id=item.id, technical=round(graded.technical, 1),
            communication=round(graded.communication, 1), overall=round(graded.overall, 1),
            covered=list(feedback.get("covered_points") or []),
            missed=list(feedback.get("missed_points") or []),
            wrong_claims=list(feedback.get("wrong_claims") or []),
            flags=list(feedback.get("flags") or []),
            feedback={"strengths": list(feedback.get("strengths") or []),
                      "weaknesses": list(feedback.get("weaknesses") or []),
                      "engine": [graded.engine]},
        )

    def close(self) -> None:
        if self.model_engine is not None:
            self.model_engine.close()


CSV_COLUMNS = ("id", "technical", "communication", "overall", "covered", "missed",
               "wrong_claims", "flags", "error")


def csv_row(result: GradeResult) -> dict[str, str]:
    data = result.to_json()
    row: dict[str, str] = {}
    for name in CSV_COLUMNS:
        value = data.get(name)
        if isinstance(value, list):
            row[name] = json.dumps(value, ensure_ascii=False)
        else:
            row[name] = "" if value is None else str(value)
    return row
