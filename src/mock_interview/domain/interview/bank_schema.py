"""The shape of a field's question bank (``data/questions/families/<family>.json``).

A family file holds what a practitioner of one field asks in an interview: how to recognise
the field in a job or a resume, the skills anyone working in it has, its technical or domain
questions (each with key points and the wrong claims people commonly make), and its own
behavioural competencies. ``python -m mock_interview.domain.interview.bank_schema FILE...``
checks files by hand; tests/test_question_banks.py checks every packaged one.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

DIFFICULTIES = ("easy", "medium", "hard")
MIN_TECHNICAL = 15
MIN_PER_DIFFICULTY = 4
MIN_BEHAVIORAL = 6
MIN_COMPETENCIES = 4
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_PLACEHOLDER_RE = re.compile(r"[{}]")


def _text_list(value: Any, low: int, high: int, where: str, errors: list[str]) -> None:
    if not isinstance(value, list) or not low <= len(value) <= high:
        errors.append(f"{where}: expected a list of {low}-{high} strings")
        return
    for item in value:
        if not isinstance(item, str) or len(item.split()) < 3:
            errors.append(f"{where}: {item!r} is not a statement of at least three words")
    if len({str(v).strip().lower() for v in value}) != len(value):
        errors.append(f"{where}: repeated entries")


def _question(q: Any, kind: str, where: str, errors: list[str]) -> None:
    if not isinstance(q, dict):
        errors.append(f"{where}: not an object")
        return
    qid = q.get("id")
    if not isinstance(qid, str) or not _ID_RE.match(qid):
        errors.append(f"{where}: id {qid!r} must be lower-case words joined by dashes")
    where = f"{where} ({qid})"
    if q.get("kind") != kind:
        errors.append(f"{where}: kind must be {kind!r}")
    if q.get("difficulty") not in DIFFICULTIES:
        errors.append(f"{where}: difficulty must be one of {DIFFICULTIES}")
    text = q.get("text")
    if not isinstance(text, str) or len(text.split()) < 6 or not text.rstrip().endswith(("?", ".")):
        errors.append(f"{where}: text must be a full question ending in ? or .")
    elif _PLACEHOLDER_RE.search(text):
        errors.append(f"{where}: text must not hold placeholders")
    _text_list(q.get("key_points"), 3, 6, f"{where} key_points", errors)
    follow = q.get("follow_up")
    if not isinstance(follow, str) or not follow.rstrip().endswith("?"):
        errors.append(f"{where}: follow_up must be a question")
    words = q.get("target_words")
    if not (isinstance(words, list) and len(words) == 2 and all(isinstance(w, int) for w in words)
            and 10 <= words[0] < words[1] <= 500):
        errors.append(f"{where}: target_words must be [low, high] with 10 <= low < high <= 500")
    if kind == "technical":
        _text_list(q.get("misconceptions"), 1, 3, f"{where} misconceptions", errors)
        if not isinstance(q.get("topic"), str) or not q["topic"].strip():
            errors.append(f"{where}: topic is required")
        skills = q.get("skills", [])
        if not isinstance(skills, list) or not all(isinstance(s, str) and s for s in skills):
            errors.append(f"{where}: skills must be a list of skill names")
    else:
        if not isinstance(q.get("competency"), str) or not _ID_RE.match(q["competency"]):
            errors.append(f"{where}: competency must be a lower-case dashed name")
        if q.get("star") is not True:
            errors.append(f"{where}: behavioural questions are STAR questions (star: true)")


def validate_family(data: Any, file_stem: str | None = None) -> list[str]:
    """Every problem with one family file, as readable lines (empty when it is valid)."""
    errors: list[str] = []
    if not isinstance(data, dict):
        return ["the file must hold one JSON object"]
    family = data.get("family")
    if not isinstance(family, str) or not _ID_RE.match(family.replace("_", "-")):
        errors.append("family must be a lower-case name")
    elif file_stem is not None and family != file_stem:
        errors.append(f"family {family!r} must match the file name {file_stem!r}")
    if not isinstance(data.get("name"), str) or not data["name"].strip():
        errors.append("name is required (what a person calls the field)")
    detect = data.get("detect")
    if not isinstance(detect, dict):
        errors.append("detect must be an object with titles, skills and words")
    else:
        for key in ("titles", "skills", "words"):
            value = detect.get(key)
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                errors.append(f"detect.{key} must be a list of strings")
        if isinstance(detect.get("titles"), list) and len(detect["titles"]) < 3:
            errors.append("detect.titles needs at least three job titles")
    core = data.get("core_skills")
    if not isinstance(core, list) or not all(isinstance(v, str) and v.strip() for v in core):
        errors.append("core_skills must be a list of skill names")
    technical = data.get("technical")
    behavioral = data.get("behavioral")
    if not isinstance(technical, list) or len(technical) < MIN_TECHNICAL:
        errors.append(f"technical needs at least {MIN_TECHNICAL} questions")
        technical = technical if isinstance(technical, list) else []
    if not isinstance(behavioral, list) or len(behavioral) < MIN_BEHAVIORAL:
        errors.append(f"behavioral needs at least {MIN_BEHAVIORAL} questions")
        behavioral = behavioral if isinstance(behavioral, list) else []
    for i, q in enumerate(technical):
        _question(q, "technical", f"technical[{i}]", errors)
    for i, q in enumerate(behavioral):
        _question(q, "behavioral", f"behavioral[{i}]", errors)
    levels = Counter(q.get("difficulty") for q in technical if isinstance(q, dict))
    for level in DIFFICULTIES:
        if levels[level] < MIN_PER_DIFFICULTY:
            errors.append(f"technical needs at least {MIN_PER_DIFFICULTY} {level} questions")
    competencies = {q.get("competency") for q in behavioral if isinstance(q, dict)}
    if len(competencies) < MIN_COMPETENCIES:
        errors.append(f"behavioral needs at least {MIN_COMPETENCIES} different competencies")
    ids = [q.get("id") for q in technical + behavioral if isinstance(q, dict)]
    repeated = [i for i, n in Counter(ids).items() if n > 1]
    if repeated:
        errors.append(f"repeated ids: {', '.join(map(str, repeated))}")
    texts = Counter(str(q.get("text", "")).strip().lower() for q in technical + behavioral
                    if isinstance(q, dict))
    if any(n > 1 for n in texts.values()):
        errors.append("two questions have the same text")
    return errors


def main(argv: list[str]) -> int:
    status = 0
    for name in argv:
        path = Path(name)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            print(f"{name}: {exc}")
            status = 1
            continue
        problems = validate_family(data, path.stem)
        for problem in problems:
            print(f"{name}: {problem}")
        if not problems:
            tech = len(data["technical"])
            beh = len(data["behavioral"])
            print(f"{name}: ok ({tech} technical, {beh} behavioural)")
        status = status or bool(problems)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
