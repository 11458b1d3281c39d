"""The offline question bank, shipped as JSON files in mock_interview/data/questions.

Besides the skill-keyed technical banks (technical_a/b.json, one ``skill`` per question) and the
behavioural bank, every valid ``families/<family>.json`` is loaded: a field's own technical and
behavioural questions plus how to recognise the field (see bank_schema.py). A family file that
is missing, half-written or invalid is skipped, never fatal. The bank also carries a small skill
table read from data/skills/curated.json (canonical names, taxonomy family, related skills) so
the planner can tell soft skills, synonyms and related skills apart without other I/O.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
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
    fields: tuple[str, ...] = ()  # only for jobs in these fields (families); empty: every field

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
            fields=tuple(data.get("fields") or ()),
        )


@dataclass(frozen=True)
class FamilyBank:
    """One field's bank: how to recognise it and its own questions (lower-cased detect lists)."""

    family: str
    name: str
    titles: tuple[str, ...]
    skills: tuple[str, ...]
    words: tuple[str, ...]
    core_skills: tuple[str, ...]
    technical: tuple[BankQuestion, ...]
    behavioral: tuple[BankQuestion, ...]


def _empty() -> Mapping[str, Any]:
    return MappingProxyType({})


@dataclass(frozen=True)
class SkillTable:
    """Canonical names, taxonomy families and related skills (both directions), lower-case keys."""

    canonical: Mapping[str, str] = field(default_factory=_empty)
    families: Mapping[str, str] = field(default_factory=_empty)
    related: Mapping[str, frozenset[str]] = field(default_factory=_empty)

    def canon(self, name: str) -> str:
        return self.canonical.get(name.strip().lower(), name.strip())

    def same(self, a: str, b: str) -> bool:
        """One skill, spelt two ways: equal, or one is the other's alias ("US GAAP" / "GAAP").
        Two aliases of a third skill are not the same (the taxonomy lumps some together)."""
        a_low, b_low = a.strip().lower(), b.strip().lower()
        return a_low == b_low or self.canon(a).lower() == b_low or self.canon(b).lower() == a_low

    def family_of(self, name: str) -> str | None:
        return self.families.get(name.strip().lower()) or self.families.get(self.canon(name).lower())

    def related_to(self, name: str) -> frozenset[str]:
        own = self.related.get(name.strip().lower())
        return own if own is not None else self.related.get(self.canon(name).lower(), frozenset())


@dataclass(frozen=True)
class QuestionBank:
    technical: tuple[BankQuestion, ...]  # skill-keyed questions first, then the families' own
    behavioral: tuple[BankQuestion, ...]  # behavioural and situational, generic then families'
    resume_templates: tuple[BankQuestion, ...]
    gap_templates: tuple[BankQuestion, ...]
    families: Mapping[str, FamilyBank] = field(default_factory=_empty)
    skill_table: SkillTable = field(default_factory=SkillTable)
    skipped: tuple[str, ...] = ()  # family files left out, with the reason

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


def _family_sources() -> list[tuple[str, str]]:
    """(file stem, text) of every families/*.json, by name; unreadable files are left out."""
    root = resources.files("mock_interview").joinpath("data/questions/families")
    if not root.is_dir():
        return []
    out = []
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json") and entry.is_file():
            try:
                out.append((entry.name[:-5], entry.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError):
                continue
    return out


def _load_families(taken: set[str]) -> tuple[dict[str, FamilyBank], list[str]]:
    from mock_interview.domain.interview.bank_schema import validate_family

    families: dict[str, FamilyBank] = {}
    skipped: list[str] = []
    for stem, text in _family_sources():
        try:
            data = json.loads(text)
        except ValueError as exc:  # a colleague is still writing it
            skipped.append(f"{stem}: not valid JSON ({exc})")
            continue
        problems = validate_family(data, stem)
        if problems:
            skipped.append(f"{stem}: {problems[0]}")
            continue
        family = data["family"]
        questions = {}
        for key in ("technical", "behavioral"):
            kept = []
            for raw in data[key]:
                if raw["id"] in taken:  # ids are unique across every bank file
                    skipped.append(f"{stem}: question id {raw['id']} is used elsewhere")
                    continue
                taken.add(raw["id"])
                kept.append(BankQuestion.from_json({**raw, "family": family}))
            questions[key] = tuple(kept)
        detect = data["detect"]
        families[family] = FamilyBank(
            family=family, name=data["name"],
            titles=tuple(t.strip().lower() for t in detect["titles"]),
            skills=tuple(detect["skills"]), words=tuple(w.strip().lower() for w in detect["words"]),
            core_skills=tuple(data["core_skills"]),
            technical=questions["technical"], behavioral=questions["behavioral"],
        )
    return families, skipped


def _skill_table() -> SkillTable:
    try:
        data = json.loads(resources.files("mock_interview").joinpath("data/skills/curated.json")
                          .read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return SkillTable()
    canonical: dict[str, str] = {}
    families: dict[str, str] = {}
    related: dict[str, set[str]] = {}
    rows = [r for r in data.get("skills") or [] if isinstance(r.get("name"), str)]
    for row in rows:  # a name always means itself, even when it is another skill's alias
        canonical[row["name"].lower()] = row["name"]
        if row.get("family"):
            families[row["name"].lower()] = row["family"]
    for row in rows:
        name = row["name"]
        for alias in row.get("aliases") or []:
            canonical.setdefault(str(alias).lower(), name)
        for other in row.get("related") or []:
            related.setdefault(name.lower(), set()).add(other)
            related.setdefault(str(other).lower(), set()).add(name)
    return SkillTable(MappingProxyType(canonical), MappingProxyType(families),
                      MappingProxyType({k: frozenset(v) for k, v in related.items()}))


@lru_cache(maxsize=1)
def load_bank() -> QuestionBank:
    templates = _read("templates.json")
    technical = [BankQuestion.from_json(q) for name in ("technical_a.json", "technical_b.json")
                 for q in _read(name)]
    behavioral = [BankQuestion.from_json(q) for q in _read("behavioral.json")]
    resume_templates = tuple(BankQuestion.from_json(q) for q in templates["resume"])
    gap_templates = tuple(BankQuestion.from_json(q) for q in templates["gap"])
    taken = {q.id for q in (*technical, *behavioral, *resume_templates, *gap_templates)}
    families, skipped = _load_families(taken)
    for bank in families.values():
        technical.extend(bank.technical)
        behavioral.extend(bank.behavioral)
    return QuestionBank(
        technical=tuple(technical), behavioral=tuple(behavioral),
        resume_templates=resume_templates, gap_templates=gap_templates,
        families=MappingProxyType(families), skill_table=_skill_table(), skipped=tuple(skipped),
    )
