"""Resume-to-job fit: a 0-100 score made of named, explainable components.

    text        0.65  how much of the posting's wording the resume shares: TF-IDF cosine of the
                      resume text and the posting (title twice, requirements, skills, the first
                      3,000 characters of the description), idf from the catalogue (TermStats);
                      a cosine of TEXT_FULL (0.25) or more scores 100
    skills      0.15  required skills the resume has (1.0 each) or has a relative of (0.5);
                      left out (and the other weights scaled up) when the posting lists none
    title       0.10  the share of the job title's role words ("senior" and "of" are not; "developer"
                      counts as "engineer") the resume uses: in full when it uses them about its
                      current job, summary, skills or education, EARLIER_JOB_CREDIT (0.25) when
                      only about the jobs before the current one
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
gave text 0.65-0.7, skills 0.1-0.15, title 0.1, experience and location 0-0.05; the chosen one
keeps skills at 0.15 (what `jobs show` explains best) and experience and location in. The
components that depend only on the posting (experience when it states none, location when it
is remote) are small on purpose: they move a posting for every resume alike.

The title part is what separated the two sets: it helps the real set (Spearman 0.35 without
it, 0.44 with it) and hurt the generated one, whose resumes name only an earlier job's title
and are relevant to the other role of that field. Reading the title words in the whole resume
at full credit (a parsed title line is often not a title, and the current title is often
missing) helped both, the generated set only slightly; weighing the words used only about
earlier jobs at 0.25 (1, 0.5, 0.25 and 0 tried on the tune half: the real set stays within
0.005, the generated set needs 0.25 or less to be ahead of BM25) put both ahead, with the
weights unchanged. A re-tuned grid with the new title part kept title 0.1-0.15 and text
0.55-0.7 among the best, within 0.003 of these. Tried and not taken: BM25 saturation and
length normalisation of the text part (k1 0.8-2, b 0.5-0.9, the resume as the query; behind
the cosine on both sets), weighting the posting's fields differently (title 1-3 times,
requirements or skills twice, description half: within 0.01), skills weighted by rarity, or
found in the resume's text (worse on the real set), and re-weighting alone (title 0.04 puts
the generated set ahead but costs the real set 0.02-0.04 MRR and 0.05 Spearman).
See docs/decisions/2026-12-05-match-title-recency.md.

The same score feeds the interview's job-match dimension.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Container, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from mock_interview.domain.tables import load_table

WEIGHTS = {"text": 0.65, "skills": 0.15, "title": 0.10, "experience": 0.05, "location": 0.05}
TEXT_FULL = 0.25  # a cosine this high (or higher) scores 100 on text
DESCRIPTION_CHARS = 3000
IDF_MEMO_SIZE = 200_000  # terms whose idf a TermStats remembers
WORD_MEMO_SIZE = 200_000  # words whose term is remembered
POSTING_MEMO_SIZE = 1024  # postings whose term frequencies are remembered
LEVEL_YEARS = {"intern": 0, "junior": 0, "mid": 2, "senior": 5, "lead": 7, "principal": 10}
RELATED_CREDIT = 0.5
EARLIER_JOB_CREDIT = 0.25  # a job-title word the resume uses only about jobs before the current one
# How titles are compared (data/matching/titles.json): words of a title that say its level or
# join other words, not what the role is; words that stand for others; words that count as another.
_TITLES = load_table("matching/titles")
ROLE_FILLER_WORDS: set[str] = set(_TITLES["filler_words"])
_TITLE_SYNONYMS: dict[str, list[str]] = {word: list(parts) for word, parts in _TITLES["synonyms"].items()}
_SAME_ROLE_WORD: dict[str, str] = dict(_TITLES["same_role"])
_TITLE_WORD = re.compile(r"[a-z0-9+#]+")


@dataclass
class CandidateProfile:
    """What matching needs from a parsed resume."""

    skills: set[str] = field(default_factory=set)
    titles: list[str] = field(default_factory=list)  # most recent first
    years: float | None = None
    location: str | None = None
    text: str = ""  # the resume's whole text
    earlier: str = ""  # what it says of the jobs before the current one (their titles and bullets)

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
        return cls(skills=names, titles=titles, years=years, location=location, text=text or "",
                   earlier=earlier_jobs_text(experience))


def earlier_jobs_text(experience: Iterable[Any] | None) -> str:
    """The titles and bullets of the jobs before the current one: the jobs marked current, or
    else the one that ended (or started) last, or else the first listed, are the current one."""
    entries = [e for e in experience or [] if isinstance(e, Mapping)]
    if len(entries) < 2:
        return ""
    current = [i for i, e in enumerate(entries) if e.get("current")]
    if not current:
        dates = [str(e.get("end") or e.get("start") or "") for e in entries]
        latest = max(dates)
        current = [dates.index(latest) if latest else 0]
    lines: list[str] = []
    for i, entry in enumerate(entries):
        if i not in current:
            lines.append(entry["title"] if isinstance(entry.get("title"), str) else "")
            lines.extend(b for b in entry.get("bullets") or [] if isinstance(b, str))
    return "\n".join(line for line in lines if line)


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
    _idf: dict[str, float] = field(default_factory=dict, init=False, repr=False, compare=False)

    def idf(self, term: str) -> float:
        found = self._idf.get(term)
        if found is not None:
            return found
        value = math.log((self.documents + 1) / (self.df.get(term, 1) + 0.5)) if self.documents else 1.0
        if len(self._idf) < IDF_MEMO_SIZE:  # the catalogue's vocabulary, met again every search
            self._idf[term] = value
        return value


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from mock_interview.domain.grading.text import stopwords

    return stopwords()


@lru_cache(maxsize=WORD_MEMO_SIZE)
def _term(word: str) -> str:
    from mock_interview.domain.grading.text import stem

    return stem(word)


_TERM_WORD = re.compile(r"[^\W\d_][^\W_]*")


def terms(text: str) -> Counter[str]:
    """Term counts of ``text``: words as search spells them ("C#" is "csharp"), without stop
    words and one-letter words, stemmed."""
    stop = _stopwords()
    counts: dict[str, int] = {}
    for word, count in Counter(_TERM_WORD.findall(_search_text()(text))).items():
        if len(word) > 1 and word not in stop:  # each distinct word stemmed once
            term = _term(word)
            counts[term] = counts.get(term, 0) + count
    return Counter(counts)


@lru_cache(maxsize=1)
def _search_text() -> Callable[[str], str]:
    from mock_interview.domain.jobs import search_text

    return search_text


@lru_cache(maxsize=POSTING_MEMO_SIZE)
def _posting_terms(text: str) -> tuple[tuple[str, float], ...]:
    """The log-scaled term frequencies of a posting's text (a search reranks the same
    postings again when the person pages or refines it)."""
    return tuple((t, 1 + math.log(c)) for t, c in terms(text).items())


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
    posting = _posting_terms(posting_text(job))
    idf = stats.idf
    dot = norm = 0.0
    shared = 0
    for term, frequency in posting:
        weight = frequency * idf(term)
        norm += weight * weight
        mine = resume_vector.get(term)
        if mine is not None:
            dot += weight * mine
            shared += 1
    cosine = dot / math.sqrt(norm) if norm else 0.0
    score = 100 * min(1.0, cosine / TEXT_FULL)
    detail = (f"{shared} of the posting's {len(posting)} terms are in your resume"
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
    required: list[str], standing: Callable[[str], str | bool | None]
) -> tuple[MatchComponent | None, list[str], list[str], list[dict[str, str]]]:
    """``standing(skill)``: True when the resume has the skill, else the resume's skill
    nearest to it, or None."""
    if not required:
        return None, [], [], []
    matched, missing, relatives = [], [], []
    credit = 0.0
    for skill in required:
        near = standing(skill)
        if near is True:
            matched.append(skill)
            credit += 1.0
            continue
        if near:
            relatives.append({"required": skill, "have": near})
            credit += RELATED_CREDIT
        missing.append(skill)
    score = 100 * credit / len(required)
    detail = f"{len(matched)} of {len(required)} required skills"
    if relatives:
        detail += f", {len(relatives)} more through related skills"
    return MatchComponent("skills", score, WEIGHTS["skills"], detail), matched, missing, relatives


def role_words(text: str) -> Counter[str]:
    """The words of ``text`` as job titles are compared: abbreviations spelled out, words that
    count as another replaced ("developer" is "engineer"), stemmed (plurals are the word)."""
    return Counter(_term(_SAME_ROLE_WORD.get(part, part))
                   for word in _TITLE_WORD.findall(text.lower())
                   for part in _TITLE_SYNONYMS.get(word, [word]))


@lru_cache(maxsize=16384)
def _title_role_words(title: str) -> frozenset[str]:
    return frozenset(_term(word) for word in title_tokens(title))


def _title_component(job_title: str, now: Container[str],
                     earlier_only: Container[str]) -> MatchComponent:
    """How many of the job title's role words the resume uses: in full when it uses them
    about the current job (or in its summary, skills, education), EARLIER_JOB_CREDIT when only
    about earlier jobs: what a person does now says more about the job they want next."""
    wanted = _title_role_words(job_title)
    if not wanted:
        return MatchComponent("title", 0.0, WEIGHTS["title"], "the job title has no role words")
    found = sum(1 for word in wanted if word in now)
    before = sum(1 for word in wanted if word in earlier_only)
    score = 100 * (found + EARLIER_JOB_CREDIT * before) / len(wanted)
    detail = f"{found} of {len(wanted)} title words in your resume"
    if before:
        detail += f", {before} more only about earlier jobs"
    return MatchComponent("title", score, WEIGHTS["title"], detail)


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


@lru_cache(maxsize=16384)  # a catalogue names the same places again and again
def _place_words(place: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z]+", place.lower()) if len(w) > 2)


def _location_component(remote: str, job_location: str, country: str | None,
                        where: str | None, mine: frozenset[str]) -> MatchComponent:
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
    standing_found: dict[str, str | bool | None] = {}
    resume_terms = terms(candidate.text) if candidate.text else Counter()
    resume_vector = _unit_vector(resume_terms, stats) if resume_terms else {}
    # Role words the resume uses about now, and those it uses only about earlier jobs; without
    # its text, its titles (the first is the current one).
    if candidate.text:
        mentioned, before = role_words(candidate.text), role_words(candidate.earlier)
    else:
        mentioned, before = role_words("\n".join(candidate.titles)), role_words(
            "\n".join(candidate.titles[1:]))
    now = {w for w, n in mentioned.items() if n > before.get(w, 0)}
    earlier_only = {w for w in mentioned if w not in now}

    def standing(skill: str) -> str | bool | None:
        # Postings name the same few hundred skills: each is looked up once a ranking.
        found = standing_found.get(skill, standing_found)
        if found is standing_found:
            if skill.lower() in have_lower:
                found = True
            else:
                near = sorted(have_lower[r.lower()] for r in related(skill) if r.lower() in have_lower)
                found = near[0] if near else None
            standing_found[skill] = found
        return found

    results = []
    for job in jobs:
        required = [s for s in job.get("skills_required") or [] if isinstance(s, str)]
        skills, matched, missing, relatives = _skills_component(required, standing)
        components = [
            c
            for c in (
                _text_component(resume_vector, job, stats),
                skills,
                _title_component(job.get("title") or "", now, earlier_only),
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
