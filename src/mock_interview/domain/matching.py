"""Resume-to-job fit: a 0-100 score made of named, explainable components.

    text        0.65  how much of the posting's wording the resume shares: TF-IDF cosine of the
                      resume text and the posting (title twice, requirements, skills, the first
                      3,000 characters of the description), idf from the catalogue (TermStats);
                      a cosine of TEXT_FULL (0.25) or more scores 100
    skills      0.15  required skills the resume has (1.0 each) or has a relative of (0.5);
                      left out (and the other weights scaled up) when the posting lists none
    title       0.10  how much of the job title the person's recent titles cover, or the
                      resume's text covers (0.8 of it), whichever is more
    experience  0.05  years of experience against what the job or its level asks
    location    0.05  remote, same place, or not

How the weights were chosen: on the tune half of the labelled sets of bench/match_quality.py
(public resumes against 894 real postings, relevance from each resume's own current title and
field, removed from its text; and generated resume/posting pairs across 12 fields), first by a
grid over the five weights (steps of 0.05-0.1) and the text scale (cosine 0.2/0.3/0.45 = 100),
then a few weightings near the best through the bench itself (postings without skills get
them extracted, as imports do), maximising the mean of nDCG@10 and Spearman (8 postings a
resume) over both sets. Text alone was the best single component: the structured parts tie or
guess when a posting lists no skills and a resume's titles are missing. The best weightings
gave text 0.65-0.7, skills 0.1-0.15, title 0.1, experience and location 0-0.05 (objective
0.554-0.556 against 0.549 for skills 0.25); the chosen one keeps skills at 0.15 (what
`jobs show` explains best) and experience and location in. They held on the test half. The
components that depend only on the posting (experience when it states none, location when it
is remote) are small on purpose: they move a posting for every resume alike.

The same score feeds the interview's job-match dimension.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from mock_interview.domain.tables import load_table

WEIGHTS = {"text": 0.65, "skills": 0.15, "title": 0.10, "experience": 0.05, "location": 0.05}
TEXT_FULL = 0.25  # a cosine this high (or higher) scores 100 on text
TEXT_IN_RESUME_CREDIT = 0.8  # title words found anywhere in the resume, against in its titles
DESCRIPTION_CHARS = 3000
LEVEL_YEARS = {"intern": 0, "junior": 0, "mid": 2, "senior": 5, "lead": 7, "principal": 10}
RELATED_CREDIT = 0.5
# How titles are compared (data/matching/titles.json): words of a title that say its level or
# join other words, not what the role is; words that stand for others; words that count as another.
_TITLES = load_table("matching/titles")
ROLE_FILLER_WORDS: set[str] = set(_TITLES["filler_words"])
_TITLE_SYNONYMS: dict[str, list[str]] = {word: list(parts) for word, parts in _TITLES["synonyms"].items()}
_SAME_ROLE_WORD: dict[str, str] = dict(_TITLES["same_role"])


@dataclass
class CandidateProfile:
    """What matching needs from a parsed resume."""

    skills: set[str] = field(default_factory=set)
    titles: list[str] = field(default_factory=list)  # most recent first
    years: float | None = None
    location: str | None = None
    text: str = ""  # the resume's whole text

    @classmethod
    def from_resume(
        cls,
        skills: Iterable[Any] | None,
        experience: Iterable[Any] | None,
        years: float | None,
        contact: Mapping[str, Any] | None,
        text: str | None = None,
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
        return cls(skills=names, titles=titles, years=years, location=location, text=text or "")


@dataclass
class MatchComponent:
    name: str
    score: float  # 0-100
    weight: float
    detail: str

    def to_json(self) -> dict[str, Any]:
        return {"score": round(self.score), "weight": round(self.weight, 4), "detail": self.detail}


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


# -- text relevance ------------------------------------------------------------------------------

@dataclass
class TermStats:
    """Document frequencies of terms (stems) over a catalogue, or a sample of it."""

    documents: int = 0
    df: Mapping[str, int] = field(default_factory=dict)

    def idf(self, term: str) -> float:
        if not self.documents:
            return 1.0
        return math.log((self.documents + 1) / (self.df.get(term, 1) + 0.5))


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from mock_interview.domain.grading.text import stopwords

    return stopwords()


@lru_cache(maxsize=65536)
def _term(word: str) -> str:
    from mock_interview.domain.grading.text import stem

    return stem(word)


_TERM_WORD = re.compile(r"[^\W\d_][^\W_]*")


def terms(text: str) -> Counter[str]:
    """Term counts of ``text``: words as search spells them ("C#" is "csharp"), without stop
    words and one-letter words, stemmed."""
    from mock_interview.domain.jobs import search_text

    stop = _stopwords()
    return Counter(_term(w) for w in _TERM_WORD.findall(search_text(text))
                   if len(w) > 1 and w not in stop)


def posting_text(job: Mapping[str, Any]) -> str:
    """What text relevance reads of a posting: the title (twice), requirements, skills and
    the start of the description."""
    title = job.get("title") or ""
    return " ".join([title, title, " ".join(job.get("requirements") or []),
                     " ".join(s for s in job.get("skills_required") or [] if isinstance(s, str)),
                     (job.get("description") or "")[:DESCRIPTION_CHARS]])


def _unit_vector(counts: Mapping[str, int], stats: TermStats) -> dict[str, float]:
    vector = {t: (1 + math.log(c)) * stats.idf(t) for t, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {t: v / norm for t, v in vector.items()}


def _text_component(resume_vector: Mapping[str, float], job: Mapping[str, Any],
                    stats: TermStats) -> MatchComponent:
    if not resume_vector:
        return MatchComponent("text", 0.0, WEIGHTS["text"], "no resume text to compare")
    counts = terms(posting_text(job))
    posting = _unit_vector(counts, stats)
    cosine = sum(v * resume_vector.get(t, 0.0) for t, v in posting.items())
    shared = sorted((t for t in posting if t in resume_vector),
                    key=lambda t: -posting[t] * resume_vector[t])
    score = 100 * min(1.0, cosine / TEXT_FULL)
    detail = (f"{len(shared)} of the posting's {len(posting)} terms are in your resume"
              if posting else "the posting has no text")
    return MatchComponent("text", score, WEIGHTS["text"], detail)


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


def _title_component(job_title: str, titles: list[str],
                     resume_terms: Mapping[str, Any] | None = None) -> MatchComponent:
    wanted = title_tokens(job_title)
    if not wanted:
        return MatchComponent("title", 0.0, WEIGHTS["title"], "the job title has no role words")
    best, best_title = 0.0, None
    for recency, title in enumerate(titles[:5]):
        have = title_tokens(title)
        if not have:
            continue
        coverage = len(wanted & have) / len(wanted)
        score = coverage * (1.0 - 0.1 * recency)
        if score > best:
            best, best_title = score, title
    detail = f"closest title: {best_title!r}" if best > 0 else "no title in common"
    if resume_terms:
        found = sum(1 for word in wanted if _term(word) in resume_terms) / len(wanted)
        if TEXT_IN_RESUME_CREDIT * found > best:
            best = TEXT_IN_RESUME_CREDIT * found
            detail = f"{round(found * len(wanted))} of {len(wanted)} title words in your resume"
    if not titles and best == 0:
        detail = "no titles on the resume to compare"
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
    stats: TermStats | None = None,
) -> MatchResult:
    """Score one posting (a mapping with the jobs table's fields) against a candidate."""
    return match_jobs(candidate, [job], related, stats)[0]


def match_jobs(
    candidate: CandidateProfile,
    jobs: Iterable[Mapping[str, Any]],
    related: Callable[[str], set[str]] = lambda _skill: set(),
    stats: TermStats | None = None,
) -> list[MatchResult]:
    """Score many postings against one candidate. What depends only on the candidate, or on
    one required skill, is worked out once: re-ranking 300 postings meets a few dozen skills.
    ``stats``: the catalogue's term statistics (without them every term weighs the same)."""
    stats = stats or TermStats()
    have_lower = {s.lower(): s for s in candidate.skills}
    mine = _place_words(candidate.location or "")
    nearest_found: dict[str, str | None] = {}
    resume_terms = terms(candidate.text) if candidate.text else Counter()
    resume_vector = _unit_vector(resume_terms, stats) if resume_terms else {}

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
                _text_component(resume_vector, job, stats),
                skills,
                _title_component(job.get("title") or "", candidate.titles, resume_terms),
                _experience_component(candidate.years, job.get("experience_level"),
                                      job.get("years_experience_min")),
                _location_component(job.get("remote") or "onsite", job.get("location") or "",
                                    job.get("country"), candidate.location, mine),
            )
            if c is not None
        ]
        total_weight = sum(c.weight for c in components)
        for component in components:  # shown weights add up to 1 when a part is left out
            component.weight = component.weight / total_weight
        score = sum(c.score * c.weight for c in components)
        results.append(MatchResult(round(score), matched, missing, relatives, components))
    return results
