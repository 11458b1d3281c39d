"""Resume-to-job fit: a 0-100 score made of named, explainable components.

    skills      0.50  required skills the resume has (1.0 each) or has a relative of (0.5)
    title       0.20  how much of the job title the person's recent titles cover
    experience  0.20  years of experience against what the job or its level asks
    location    0.10  remote, same place, or not

The same score feeds the interview's job-match dimension.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

WEIGHTS = {"skills": 0.50, "title": 0.20, "experience": 0.20, "location": 0.10}
LEVEL_YEARS = {"intern": 0, "junior": 0, "mid": 2, "senior": 5, "lead": 7, "principal": 10}
RELATED_CREDIT = 0.5
# Words of a title that say its level or join other words, not what the role is.
ROLE_FILLER_WORDS = {
    "senior", "sr", "junior", "jr", "lead", "principal", "staff", "intern", "trainee",
    "associate", "head", "chief", "i", "ii", "iii", "iv", "1", "2", "3", "entry", "level",
    "mid", "graduate", "of", "and", "the", "a", "an", "for", "in", "at", "with", "&",
}
_TITLE_SYNONYMS = {
    "sre": ["site", "reliability", "engineer"], "swe": ["software", "engineer"],
    "sde": ["software", "engineer"], "dev": ["developer"], "devs": ["developer"],
    "ml": ["machine", "learning"], "ai": ["artificial", "intelligence"],
    "pm": ["product", "manager"], "qa": ["quality", "assurance"], "ui": ["interface"],
    "ux": ["experience"], "golang": ["go"], "frontend": ["front", "end"],
    "backend": ["back", "end"], "fullstack": ["full", "stack"], "devops": ["devops"],
}
_SAME_ROLE_WORD = {"developer": "engineer", "programmer": "engineer", "engineering": "engineer",
                   "analytics": "analyst", "administrator": "admin", "designer": "design"}


@dataclass
class CandidateProfile:
    """What matching needs from a parsed resume."""

    skills: set[str] = field(default_factory=set)
    titles: list[str] = field(default_factory=list)  # most recent first
    years: float | None = None
    location: str | None = None

    @classmethod
    def from_resume(
        cls,
        skills: Iterable[Any] | None,
        experience: Iterable[Any] | None,
        years: float | None,
        contact: Mapping[str, Any] | None,
    ) -> CandidateProfile:
        names = set()
        for item in skills or []:
            name = item.get("name") if isinstance(item, Mapping) else item
            if isinstance(name, str) and name.strip():
                names.add(name.strip())
        titles = [
            entry["title"]
            for entry in experience or []
            if isinstance(entry, Mapping) and isinstance(entry.get("title"), str) and entry["title"]
        ]
        location = (contact or {}).get("location") if isinstance(contact, Mapping) else None
        return cls(skills=names, titles=titles, years=years, location=location)


@dataclass
class MatchComponent:
    name: str
    score: float  # 0-100
    weight: float
    detail: str

    def to_json(self) -> dict[str, Any]:
        return {"score": round(self.score), "weight": self.weight, "detail": self.detail}


@dataclass
class MatchResult:
    score: int
    matched_skills: list[str]
    missing_skills: list[str]
    related_skills: list[dict[str, str]]  # {"required": job skill, "have": resume skill}
    components: list[MatchComponent]

    def to_json(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "matched_skills": self.matched_skills,
            "missing_skills": self.missing_skills,
            "related_skills": self.related_skills,
            "components": {c.name: c.to_json() for c in self.components},
        }


@lru_cache(maxsize=16384)
def title_tokens(title: str) -> frozenset[str]:
    tokens: set[str] = set()
    for word in re.findall(r"[a-z0-9+#]+", title.lower()):
        for part in _TITLE_SYNONYMS.get(word, [word]):
            part = _SAME_ROLE_WORD.get(part, part)
            if part not in ROLE_FILLER_WORDS:
                tokens.add(part)
    return frozenset(tokens)


def _skills_component(
    required: list[str], have_lower: Mapping[str, str], nearest: Callable[[str], str | None]
) -> tuple[MatchComponent | None, list[str], list[str], list[dict[str, str]]]:
    if not required:
        return None, [], [], []
    matched, missing, relatives = [], [], []
    credit = 0.0
    for skill in required:
        if skill.lower() in have_lower:
            matched.append(skill)
            credit += 1.0
            continue
        near = nearest(skill)
        if near:
            relatives.append({"required": skill, "have": near})
            credit += RELATED_CREDIT
        missing.append(skill)
    score = 100 * credit / len(required)
    detail = f"{len(matched)} of {len(required)} required skills"
    if relatives:
        detail += f", {len(relatives)} more through related skills"
    return MatchComponent("skills", score, WEIGHTS["skills"], detail), matched, missing, relatives


def _title_component(job_title: str, titles: list[str]) -> MatchComponent:
    wanted = title_tokens(job_title)
    if not wanted or not titles:
        return MatchComponent("title", 0.0, WEIGHTS["title"], "no titles on the resume to compare")
    best, best_title = 0.0, titles[0]
    for recency, title in enumerate(titles[:5]):
        have = title_tokens(title)
        if not have:
            continue
        coverage = len(wanted & have) / len(wanted)
        score = coverage * (1.0 - 0.1 * recency)
        if score > best:
            best, best_title = score, title
    detail = f"closest title: {best_title!r}" if best > 0 else "no title in common"
    return MatchComponent("title", 100 * best, WEIGHTS["title"], detail)


def _experience_component(years: float | None, level: str | None, minimum: int | None) -> MatchComponent:
    need = minimum if minimum is not None else LEVEL_YEARS.get(level or "")
    if need is None:
        return MatchComponent("experience", 70.0, WEIGHTS["experience"], "the job states no experience")
    if years is None:
        return MatchComponent("experience", 50.0, WEIGHTS["experience"],
                              f"job asks {need}+ years; resume years unknown")
    if years >= need:
        score = 100.0
        detail = f"{years:g} years against {need}+ asked"
        if level in {"intern", "junior"} and years > need + 6:
            score, detail = 70.0, f"{years:g} years for a {level} role: likely overqualified"
        return MatchComponent("experience", score, WEIGHTS["experience"], detail)
    score = max(0.0, 100.0 * (1 - (need - years) / max(need, 1)))
    return MatchComponent("experience", score, WEIGHTS["experience"],
                          f"{years:g} years against {need}+ asked")


def _place_words(place: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", place.lower()) if len(w) > 2}


def _location_component(remote: str, job_location: str, country: str | None,
                        where: str | None, mine: set[str]) -> MatchComponent:
    if remote == "remote":
        return MatchComponent("location", 100.0, WEIGHTS["location"], "remote role")
    if not where:
        return MatchComponent("location", 60.0, WEIGHTS["location"], "resume gives no location")
    theirs = _place_words(job_location)
    if mine & theirs:
        return MatchComponent("location", 100.0, WEIGHTS["location"], f"{job_location} ({remote})")
    if country and country.lower() in {w[:2] for w in mine} and len(where) == 2:
        return MatchComponent("location", 80.0, WEIGHTS["location"], f"same country ({remote})")
    return MatchComponent("location", 20.0, WEIGHTS["location"],
                          f"{remote} in {job_location}; you are in {where}")


def match_job(
    candidate: CandidateProfile,
    job: Mapping[str, Any],
    related: Callable[[str], set[str]] = lambda _skill: set(),
) -> MatchResult:
    """Score one posting (a mapping with the jobs table's fields) against a candidate."""
    return match_jobs(candidate, [job], related)[0]


def match_jobs(
    candidate: CandidateProfile,
    jobs: Iterable[Mapping[str, Any]],
    related: Callable[[str], set[str]] = lambda _skill: set(),
) -> list[MatchResult]:
    """Score many postings against one candidate. What depends only on the candidate, or on
    one required skill, is worked out once: re-ranking 300 postings meets a few dozen skills."""
    have_lower = {s.lower(): s for s in candidate.skills}
    mine = _place_words(candidate.location or "")
    nearest_found: dict[str, str | None] = {}

    def nearest(skill: str) -> str | None:
        if skill not in nearest_found:
            near = sorted(have_lower[r.lower()] for r in related(skill) if r.lower() in have_lower)
            nearest_found[skill] = near[0] if near else None
        return nearest_found[skill]

    results = []
    for job in jobs:
        required = [s for s in job.get("skills_required") or [] if isinstance(s, str)]
        skills, matched, missing, relatives = _skills_component(required, have_lower, nearest)
        components = [
            c
            for c in (
                skills,
                _title_component(job.get("title") or "", candidate.titles),
                _experience_component(candidate.years, job.get("experience_level"),
                                      job.get("years_experience_min")),
                _location_component(job.get("remote") or "onsite", job.get("location") or "",
                                    job.get("country"), candidate.location, mine),
            )
            if c is not None
        ]
        total_weight = sum(c.weight for c in components)
        score = sum(c.score * c.weight for c in components) / total_weight
        results.append(MatchResult(round(score), matched, missing, relatives, components))
    return results
