"""The offline question bank, shipped as JSON files in mock_interview/data/questions."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

KINDS = ("technical", "behavioral", "situational", "resume", "gap", "follow-up")
DIFFICULTIES = ("easy", "medium", "hard")


@dataclass(frozen=True)
class BankQuestion:
    id: str
    kind: str
    text: str
    key_points: tuple[str, ...]
    difficulty: str = "medium"
    skill: str | None = None
    competency: str | None = None
    follow_up: str | None = None
    target_words: tuple[int, int] = (60, 220)
    star: bool = False
    requires: tuple[str, ...] = ()
    tags: tuple[str, ...] = field(default_factory=tuple)
    misconceptions: tuple[str, ...] = ()
    family: str | None = None
    topic: str | None = None
    skills: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> BankQuestion:
        low, high = data.get("target_words") or (60, 220)
        return cls(
            id=data["id"], kind=data["kind"], text=data["text"],
            key_points=tuple(data.get("key_points") or ()),
            difficulty=data.get("difficulty") or "medium", skill=data.get("skill"),
            competency=data.get("competency"), follow_up=data.get("follow_up"),
            target_words=(int(low), int(high)), star=bool(data.get("star")),
            requires=tuple(data.get("requires") or ()), tags=tuple(data.get("tags") or ()),
            misconceptions=tuple(data.get("misconceptions") or ()), family=data.get("family"),
            topic=data.get("topic"), skills=tuple(data.get("skills") or ()),
        )


@dataclass(frozen=True)
class QuestionBank:
    technical: tuple[BankQuestion, ...]
    behavioral: tuple[BankQuestion, ...]  # behavioural and situational
    resume_templates: tuple[BankQuestion, ...]
    gap_templates: tuple[BankQuestion, ...]

    def skills(self) -> set[str]:
        return {q.skill for q in self.technical if q.skill}

    def by_skill(self, skill: str) -> list[BankQuestion]:
        wanted = skill.lower()
        return [q for q in self.technical if q.skill and q.skill.lower() == wanted]

    def __len__(self) -> int:
        return len(self.technical) + len(self.behavioral) + len(self.resume_templates) + len(
            self.gap_templates
        )


def _read(name: str) -> Any:
    path = resources.files("mock_interview").joinpath(f"data/questions/{name}")
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def load_bank() -> QuestionBank:
    templates = _read("templates.json")
    return QuestionBank(
        technical=tuple(
            BankQuestion.from_json(q) for name in ("technical_a.json", "technical_b.json")
            for q in _read(name)
        ),
        behavioral=tuple(BankQuestion.from_json(q) for q in _read("behavioral.json")),
        resume_templates=tuple(BankQuestion.from_json(q) for q in templates["resume"]),
        gap_templates=tuple(BankQuestion.from_json(q) for q in templates["gap"]),
    )
