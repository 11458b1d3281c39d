"""Choosing the questions for one interview: this resume, this job, this person's history.

The plan mixes depth (required skills the person has), gaps (required skills they lack),
their own experience (resume templates) and behaviour (STAR questions), at the requested
difficulty, never repeating a question this person was asked before until the pool runs dry.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from mock_interview.domain.interview.bank import DIFFICULTIES, BankQuestion, QuestionBank
from mock_interview.errors import UsageError

MIXES = ("mixed", "technical", "behavioral")
MAX_QUESTIONS = 30
# Competencies that matter more at each level, asked first.
LEVEL_COMPETENCIES = {
    "intern": ["teamwork", "initiative", "feedback", "problem-solving"],
    "junior": ["teamwork", "feedback", "problem-solving", "initiative", "deadline-pressure"],
    "mid": ["ownership", "problem-solving", "communication", "conflict", "prioritisation"],
    "senior": ["ownership", "influence", "mentoring", "ambiguity", "conflict", "leadership"],
    "lead": ["leadership", "influence", "mentoring", "conflict", "prioritisation"],
    "principal": ["influence", "leadership", "ambiguity", "mentoring", "ownership"],
}
_NUMBER_CLAIM = re.compile(r"\d[\d,.]*\s*(%|percent|x\b|k\b|m\b|ms\b|hours?|days?|users|customers)",
                           re.IGNORECASE)


@dataclass
class ResumeFacts:
    """What the planner needs from a parsed resume."""

    skills: list[str] = field(default_factory=list)
    roles: list[tuple[str | None, str | None]] = field(default_factory=list)  # (title, company)
    bullets: list[str] = field(default_factory=list)
    projects: list[str] = field(default_factory=list)
    degree: str | None = None
    institution: str | None = None
    years: float | None = None

    @classmethod
    def from_parsed(cls, skills: Iterable[Any] | None, experience: Iterable[Any] | None,
                    education: Iterable[Any] | None, sections: Mapping[str, Any] | None,
                    years: float | None) -> ResumeFacts:
        names = []
        for item in skills or []:
            name = item.get("name") if isinstance(item, Mapping) else item
            if isinstance(name, str) and name not in names:
                names.append(name)
        roles, bullets = [], []
        for entry in experience or []:
            if isinstance(entry, Mapping):
                roles.append((entry.get("title"), entry.get("company")))
                bullets.extend(b for b in entry.get("bullets") or [] if isinstance(b, str))
        degree = institution = None
        for entry in education or []:
            if isinstance(entry, Mapping) and (entry.get("degree") or entry.get("institution")):
                degree, institution = entry.get("degree"), entry.get("institution")
                break
        projects = []
        text = (sections or {}).get("projects") if isinstance(sections, Mapping) else None
        if isinstance(text, str):
            projects = [line.strip(" •-*\t") for line in text.splitlines()
                        if 3 <= len(line.strip(" •-*\t").split()) <= 12][:5]
        return cls(names, roles, bullets, projects, degree, institution, years)


@dataclass
class JobFacts:
    title: str = "this role"
    company: str = "the company"
    skills_required: list[str] = field(default_factory=list)
    level: str | None = None


@dataclass
class PlannedQuestion:
    """One question of a plan, self-contained so the interview never needs the bank again."""

    id: str
    kind: str
    text: str
    key_points: list[str]
    difficulty: str
    target_words: list[int]
    star: bool = False
    skill: str | None = None
    competency: str | None = None
    follow_up: str | None = None
    reason: str = ""
    misconceptions: list[str] = field(default_factory=list)
    family: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PlannedQuestion:
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass
class PlanRequest:
    count: int = 6
    mix: str = "mixed"
    difficulty: str = "medium"
    seed: int = 0
    matched_skills: list[str] = field(default_factory=list)
    missing_skills: list[str] = field(default_factory=list)
    asked_before: set[str] = field(default_factory=set)

    def validate(self) -> None:
        if not 1 <= self.count <= MAX_QUESTIONS:
            raise UsageError(f"--questions must be between 1 and {MAX_QUESTIONS}")
        if self.mix not in MIXES:
            raise UsageError(f"--type must be one of {', '.join(MIXES)}")
        if self.difficulty not in DIFFICULTIES:
            raise UsageError(f"--difficulty must be one of {', '.join(DIFFICULTIES)}")


def _slots(count: int, mix: str, has_gap: bool, has_resume: bool) -> list[str]:
    if mix == "technical":
        gaps = 1 if has_gap and count >= 3 else 0
        return ["gap"] * gaps + ["technical"] * (count - gaps)
    if mix == "behavioral":
        resume = 1 if has_resume and count >= 2 else 0
        situational = count // 3
        return ["resume"] * resume + ["situational"] * situational + [
            "behavioral"] * (count - resume - situational)
    technical = max(1, round(count * 0.34)) if count >= 2 else 1
    slots = ["technical"] * technical
    if has_resume and len(slots) < count:
        slots.append("resume")
    if has_gap and count >= 4:
        slots.append("gap")
    while len(slots) < count:
        slots.append("situational" if slots.count("behavioral") >= 2 and count >= 7 else "behavioral")
    return slots[:count]


def _by_difficulty(candidates: list[BankQuestion], difficulty: str, rng: random.Random,
                   asked: set[str]) -> BankQuestion | None:
    """The requested difficulty first, then the nearest; unasked questions before asked ones."""
    order = sorted(DIFFICULTIES, key=lambda d: abs(DIFFICULTIES.index(d) - DIFFICULTIES.index(difficulty)))
    for allow_repeat in (False, True):
        for level in order:
            pool = [q for q in candidates if q.difficulty == level and (allow_repeat or q.id not in asked)]
            if pool:
                return rng.choice(pool)
    return None


def _fill(template: BankQuestion, values: Mapping[str, str]) -> tuple[str, str | None]:
    def render(text: str) -> str:
        out = text.format_map(values)
        return re.sub(r"\b1 years\b", "1 year", out)

    follow = render(template.follow_up) if template.follow_up else None
    return render(template.text), follow


def plan_interview(bank: QuestionBank, resume: ResumeFacts, job: JobFacts,
                   request: PlanRequest) -> list[PlannedQuestion]:
    """Pick ``request.count`` questions; deterministic for a given seed."""
    request.validate()
    rng = random.Random(request.seed)
    asked = set(request.asked_before)
    used: set[str] = set()
    plan: list[PlannedQuestion] = []

    in_bank = {s.lower(): s for s in bank.skills()}
    depth = [s for s in request.matched_skills if s.lower() in in_bank]
    depth += [s for s in resume.skills if s.lower() in in_bank and s not in depth and s in job.skills_required]
    gaps = list(request.missing_skills)
    extra = [s for s in resume.skills if s.lower() in in_bank and s not in depth]
    rng.shuffle(extra)
    technical_skills = depth + [s for s in gaps if s.lower() in in_bank] + extra
    technical_skills = technical_skills * 3  # later rounds go deeper on the same skills

    values = _template_values(resume, job)
    resume_templates = [t for t in bank.resume_templates if all(values.get(r) for r in t.requires)]
    slots = _slots(request.count, request.mix, bool(gaps), bool(resume_templates))

    def take(question: BankQuestion, reason: str, text: str | None = None,
             follow_up: str | None = None, skill: str | None = None) -> None:
        used.add(question.id)
        plan.append(PlannedQuestion(
            id=question.id, kind=question.kind, text=text or question.text,
            key_points=list(question.key_points), difficulty=question.difficulty,
            target_words=list(question.target_words), star=question.star,
            skill=skill or question.skill, competency=question.competency,
            follow_up=follow_up if follow_up is not None else question.follow_up, reason=reason,
            misconceptions=list(question.misconceptions), family=question.family,
        ))

    skill_cursor = 0
    competencies = list(LEVEL_COMPETENCIES.get(job.level or "mid", LEVEL_COMPETENCIES["mid"]))
    for slot in slots:
        if slot == "technical":
            chosen = None
            while skill_cursor < len(technical_skills) and chosen is None:
                skill = technical_skills[skill_cursor]
                skill_cursor += 1
                options = [q for q in bank.by_skill(skill) if q.id not in used]
                chosen = _by_difficulty(options, request.difficulty, rng, asked)
                if chosen:
                    if skill in gaps:
                        reason = f"the job needs {skill}, which your resume does not show"
                    elif skill in depth:
                        reason = f"the job needs {skill} and your resume lists it"
                    else:
                        reason = f"your resume lists {skill}"
                    take(chosen, reason)
            if chosen is None:
                slot = "behavioral"  # no skill left with questions: ask about behaviour instead
            else:
                continue
        if slot == "gap":
            skill = next((s for s in gaps if s.lower() not in {p.skill.lower() for p in plan if p.skill}),
                         gaps[0] if gaps else None)
            templates = [t for t in bank.gap_templates if t.id not in used]
            chosen = _by_difficulty(templates, request.difficulty, rng, asked) if skill else None
            if chosen:
                text, follow = _fill(chosen, {**values, "skill": skill})
                take(chosen, f"the job needs {skill}, which your resume does not show", text,
                     follow, skill=skill)
                continue
            slot = "behavioral"
        if slot == "resume":
            templates = [t for t in resume_templates if t.id not in used]
            chosen = _by_difficulty(templates, request.difficulty, rng, asked)
            if chosen:
                text, follow = _fill(chosen, values)
                take(chosen, "about your own experience", text, follow)
                continue
            slot = "behavioral"
        kind = "situational" if slot == "situational" else "behavioral"
        pool = [q for q in bank.behavioral if q.kind == kind and q.id not in used]
        pool = pool or [q for q in bank.behavioral if q.id not in used]
        preferred = [q for q in pool if q.competency in competencies[:2]]
        chosen = _by_difficulty(preferred, request.difficulty, rng, asked) if preferred else None
        chosen = chosen or _by_difficulty(pool, request.difficulty, rng, asked)
        if chosen is None:
            break
        if chosen.competency in competencies:
            competencies.remove(chosen.competency)
            competencies.append(chosen.competency)
        take(chosen, f"{chosen.competency} matters at {job.level} level" if job.level
             else f"a {chosen.competency} question")
    return plan


def _template_values(resume: ResumeFacts, job: JobFacts) -> dict[str, str]:
    values: dict[str, str] = {"job_title": job.title, "job_company": job.company}
    for title, company in resume.roles:
        if title and company:
            values.setdefault("title", title)
            values.setdefault("company", company)
        elif company:
            values.setdefault("company", company)
    if resume.skills:
        values["skill"] = resume.skills[0]
    if resume.projects:
        values["project"] = resume.projects[0]
    for bullet in resume.bullets:
        if _NUMBER_CLAIM.search(bullet) and len(bullet) <= 200:
            values["number_claim"] = bullet.rstrip(".")
            break
    if resume.years and resume.years >= 1:
        values["years"] = str(int(round(resume.years)))
    if resume.degree and resume.institution:
        values["degree"], values["institution"] = resume.degree, resume.institution
    elif resume.degree:
        values["degree"] = resume.degree
    return values
