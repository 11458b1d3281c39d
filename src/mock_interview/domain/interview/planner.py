"""Choosing the questions for one interview: this resume, this job, this person's history.

The plan mixes depth (required skills the person has), gaps (required skills they lack),
their own experience (resume templates) and behaviour (STAR questions), at the requested
difficulty, never repeating a question this person was asked before until the pool runs dry.

Technical questions come from the job's field (families.py): a nurse applying for a nursing
job gets clinical questions, an accountant IFRS and the close. Software jobs keep the
skill-keyed banks. A field without a bank borrows the closest one, and the reason says so.
Gaps leave out soft skills and skills core to the person's own field; a gap with a related
skill on the resume is asked as a transfer question. Behavioural slots ask at least one of the
field's own situations and never the same competency twice.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from mock_interview.domain.interview import families, phrasing
from mock_interview.domain.interview.bank import DIFFICULTIES, BankQuestion, QuestionBank
from mock_interview.domain.tables import load_table
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
class Position:
    """One job on the resume, as much as the parser found (dates "YYYY-MM" or "YYYY")."""

    title: str | None = None
    company: str | None = None
    unit: str | None = None  # "Medical/Surgical ICU" in "Registered Nurse – Medical/Surgical ICU"
    start: str | None = None
    end: str | None = None
    current: bool = False
    employment: str | None = None  # full-time | part-time | internship | student


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
    positions: list[Position] = field(default_factory=list)  # most recent first, with dates
    certifications: list[str] = field(default_factory=list)
    coursework: str | None = None
    activities: list[str] = field(default_factory=list)  # competitions, societies, awards
    education_field: str | None = None

    @classmethod
    def from_parsed(cls, skills: Iterable[Any] | None, experience: Iterable[Any] | None,
                    education: Iterable[Any] | None, sections: Mapping[str, Any] | None,
                    years: float | None) -> ResumeFacts:
        names = []
        for item in skills or []:
            name = item.get("name") if isinstance(item, Mapping) else item
            if isinstance(name, str) and name not in names:
                names.append(name)
        roles, bullets, positions = [], [], []
        for entry in experience or []:
            if isinstance(entry, Mapping):
                roles.append((entry.get("title"), entry.get("company")))
                bullets.extend(b for b in entry.get("bullets") or [] if isinstance(b, str))
                positions.append(Position(
                    title=entry.get("title"), company=entry.get("company"), unit=entry.get("unit"),
                    start=_text(entry.get("start")), end=_text(entry.get("end")),
                    current=bool(entry.get("current")), employment=entry.get("employment")))
        degree = institution = subject = None
        for entry in education or []:
            if isinstance(entry, Mapping) and (entry.get("degree") or entry.get("institution")):
                degree, institution = entry.get("degree"), entry.get("institution")
                subject = entry.get("field")
                break
        sections = sections if isinstance(sections, Mapping) else {}
        projects: list[str] = []
        activities: list[str] = []
        text = sections.get("projects")
        if isinstance(text, str):
            for line in text.splitlines():
                item = line.strip(" •-*\t")
                if not 2 <= len(item.split()) <= 14:
                    continue
                (activities if phrasing.activity_phrase(item) else projects).append(item)
        projects = projects[:5]
        for key in ("activities", "awards", "volunteering"):
            value = sections.get(key)
            if isinstance(value, str):
                activities.extend(line.strip(" •-*\t") for line in value.splitlines()
                                  if line.strip(" •-*\t"))
        certifications = []
        value = sections.get("certifications")
        if isinstance(value, str):
            certifications = [line.strip(" •-*\t") for line in value.splitlines()
                              if line.strip(" •-*\t")][:6]
        coursework = sections.get("coursework") if isinstance(sections.get("coursework"), str) else None
        if coursework is None and isinstance(sections.get("education"), str):
            found = re.search(r"(?:relevant\s+)?(?:coursework|modules)\s*[:\-–]\s*(.+)",
                              sections["education"], re.IGNORECASE)
            coursework = found.group(1) if found else None
        return cls(names, roles, bullets, projects, degree, institution, years, positions,
                   certifications, coursework, activities[:6], subject)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


@dataclass
class JobFacts:
    title: str = "this role"
    company: str = "the company"
    skills_required: list[str] = field(default_factory=list)
    level: str | None = None
    description: str = ""  # words of the posting help tell its field


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


def _slots(count: int, mix: str, has_gap: bool, has_resume: bool | int) -> list[str]:
    """The kinds of question, in order. ``has_resume``: how many resume questions can be asked
    (True counts as one); a longer interview asks more than one about the person's own story."""
    available = int(has_resume)
    if mix == "technical":
        gaps = 1 if has_gap and count >= 3 else 0
        return ["gap"] * gaps + ["technical"] * (count - gaps)
    if mix == "behavioral":
        wanted = 0 if count < 2 else 1 if count < 5 else 2 if count < 10 else 3
        resume = min(wanted, available)
        situational = count // 3
        return ["resume"] * resume + ["situational"] * situational + [
            "behavioral"] * (count - resume - situational)
    technical = max(1, round(count * 0.34)) if count >= 2 else 1
    slots = ["technical"] * technical
    wanted = 1 if count < 6 else 2 if count < 10 else 3
    resume = min(wanted, available)
    if resume and len(slots) < count:
        slots.append("resume")
    if has_gap and count >= 4:
        slots.append("gap")
    for _ in range(resume - 1):
        if len(slots) < count - 1:  # always room for one question about behaviour
            slots.append("resume")
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


_FIRST_GROUPS = ("career", "grad")
_GROUP_WEIGHTS = {"number": 6.0, "bullet": 5.0, "break": 6.0, "stint": 4.0, "cert": 4.0,
                  "project": 5.0, "role": 4.0, "transition": 2.0, "move": 1.5, "skill": 2.0,
                  "education": 1.0, "years": 1.0}


def _group(template: BankQuestion) -> str:
    """"res-number-003" -> "number": the kind of story a resume template asks about."""
    parts = template.id.split("-")
    return parts[1] if len(parts) >= 3 else template.id


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
    return _Planner(bank, resume, job, request).plan()


_PLAIN_PARTS = frozenset({"under", "with", "in", "of", "to", "a", "the", "between", "and", "on",
                          "vs", "non", "hard", "high", "bad", "back", "for"})
# Words of competency names that mean the same thing in an interview ("a campaign that failed"
# and "a mistake you made" are both the failure question): data/interview/competencies.json.
_COMPETENCY_SYNONYMS: dict[str, str] = dict(load_table("interview/competencies")["synonyms"])


def _competency_words(name: str) -> set[str]:
    parts = {p for p in name.lower().split("-") if p and p not in _PLAIN_PARTS}
    return {_COMPETENCY_SYNONYMS.get(p, p) for p in parts}


def _same_competency(a: str | None, b: str | None) -> bool:
    """"conflict" and "stakeholder-conflict" (or "campaign-failed" and "failure") are the same
    competency for one interview."""
    if not a or not b:
        return False
    if a == b:
        return True
    return bool(_competency_words(a) & _competency_words(b))


def _phrase_in(phrase: str, text: str) -> bool:
    return bool(phrase) and re.search(r"(?<![a-z0-9])" + re.escape(phrase) + r"(?![a-z0-9])",
                                      text) is not None


class _Planner:
    """One plan: the job's field, the person's field, gaps and the slots filled in order."""

    def __init__(self, bank: QuestionBank, resume: ResumeFacts, job: JobFacts,
                 request: PlanRequest) -> None:
        self.bank, self.resume, self.job, self.request = bank, resume, job, request
        self.rng = random.Random(request.seed)
        self.asked = set(request.asked_before)
        self.used: set[str] = set()
        self.competencies_used: list[str] = []
        self.topics_used: set[str] = set()
        self.plan_out: list[PlannedQuestion] = []
        self.table = bank.skill_table
        self.have = {s.strip().lower() for s in resume.skills}
        # every spelling that means a skill on the resume ("US GAAP" also means "GAAP")
        self.have_as = self.have | {self.table.canon(s).lower() for s in resume.skills}
        self.job_family = families.detect_job_family(bank, job.title, job.skills_required,
                                                     job.description)
        self.resume_family = families.detect_resume_family(bank, [t for t, _ in resume.roles],
                                                           resume.skills)
        core: set[str] = set()
        if self.job_family and self.job_family == self.resume_family and \
                self.job_family in bank.families:
            fb = bank.families[self.job_family]
            core = {s.lower() for s in fb.core_skills}
            # the field's own name as a skill ("Accounting" for an accountant) is core too
            core |= {s.lower() for s in job.skills_required if s and _phrase_in(s.lower(), " ".join(
                [fb.name.lower(), fb.family.replace("_", " ")]))}
        self.core = core
        # the resume's skills of the job's own field, when the person is from that field
        self.own_field_skills = [
            s for s in resume.skills if core and not families.is_soft_skill(bank, s)
            and self.job_family in families.skill_families(bank, s)]
        self.required = [s for s in dict.fromkeys(job.skills_required)
                         if s and not families.is_soft_skill(bank, s)]
        # Gaps: required, really missing, not a soft skill, not core to the person's own field.
        missing = list(request.missing_skills) or [s for s in self.required if not self._has(s)]
        self.gaps = [s for s in dict.fromkeys(missing)
                     if s and not families.is_soft_skill(bank, s)
                     and not self._has(s) and not self._core(s)]
        self.tech_family, self.closest_note = self._technical_source()

    # -- where technical questions come from ------------------------------------------------

    def _technical_source(self) -> tuple[str | None, str | None]:
        """(family whose questions the technical slots use, or None for the skill-keyed banks
        driven by the job's skills; a note for the reason when it is only the closest field)."""
        bank, job = self.bank, self.job
        if self.job_family in bank.families:
            return self.job_family, None
        if self.job_family == families.SOFTWARE:
            return families.SOFTWARE, None
        in_bank = {s.lower() for s in bank.skills()}
        if any(s.lower() in in_bank for s in self.required):
            return None, None  # no field fits, but the job's own skills have questions
        closest = families.closest_family(bank, job.title, job.skills_required, job.description)
        closest = closest or self.resume_family
        if closest is None and any(s.lower() in in_bank for s in self.resume.skills):
            closest = families.SOFTWARE
        if closest is None:
            return None, None
        name = families.family_name(bank, closest)
        return closest, (f"there is no question bank for {job.title} yet, so this comes from "
                         f"{name}, the closest field")

    def _has(self, skill: str) -> bool:
        return skill.strip().lower() in self.have_as or self.table.canon(skill).lower() in self.have

    def _core(self, skill: str) -> bool:
        return any(self.table.same(skill, c) for c in self.core)

    def _related_on_resume(self, skill: str) -> str | None:
        """The resume's own spelling of a skill related to ``skill``, if it has one."""
        for near in sorted(self.table.related_to(skill)):
            if families.is_soft_skill(self.bank, near):
                continue
            mine = next((s for s in self.resume.skills if self.table.same(s, near)), None)
            if mine:
                return mine
        return None

    # -- the plan ----------------------------------------------------------------------------

    def plan(self) -> list[PlannedQuestion]:
        bank, resume, job, request = self.bank, self.resume, self.job, self.request
        self.values = _template_values(resume, job, bank, pick=request.seed,
                                       job_family=self.job_family)
        resume_templates = [t for t in bank.resume_templates
                            if all(self.values.get(r) for r in t.requires) and self._fits(t)]
        self.resume_groups_used: list[str] = []
        groups = {_group(t) for t in resume_templates}
        slots = _slots(request.count, request.mix, bool(self.gaps), len(groups))
        # the gap slot's skill is not also spent on a technical question of the field's bank
        self.reserved = {self.gaps[0].lower()} if "gap" in slots and self.gaps else set()
        self.skill_queue = self._skill_queue()
        self.skill_cursor = 0
        self.level_competencies = list(LEVEL_COMPETENCIES.get(job.level or "mid",
                                                              LEVEL_COMPETENCIES["mid"]))
        # the level's competencies in a per-seed order, so the same few do not lead every time
        self.rng.shuffle(self.level_competencies)
        behavioural_slots = 0
        for slot in slots:
            note = None
            if slot == "technical":
                if self._technical():
                    continue
                if any(p.kind == "technical" for p in self.plan_out):
                    note = f"the technical questions for {job.title} are used up, so this one is about behaviour"
                else:
                    note = f"no technical question bank fits {job.title}, so this one is about behaviour"
                slot = "behavioral"
            if slot == "gap":
                if self._gap():
                    continue
                slot = "behavioral"
            if slot == "resume":
                if self._resume(resume_templates):
                    continue
                slot = "behavioral"
            if not self._behavioural("situational" if slot == "situational" else "behavioral",
                                     behavioural_slots, note):
                break
            behavioural_slots += 1
        return self.plan_out

    def _take(self, question: BankQuestion, reason: str, text: str | None = None,
              follow_up: str | None = None, skill: str | None = None) -> None:
        self.used.add(question.id)
        if question.topic:
            self.topics_used.add(question.topic.lower())
        if question.competency and question.kind in ("behavioral", "situational"):
            self.competencies_used.append(question.competency)
        self.plan_out.append(PlannedQuestion(
            id=question.id, kind=question.kind, text=text or question.text,
            key_points=list(question.key_points), difficulty=question.difficulty,
            target_words=list(question.target_words), star=question.star,
            skill=skill or question.skill, competency=question.competency,
            follow_up=follow_up if follow_up is not None else question.follow_up, reason=reason,
            misconceptions=list(question.misconceptions), family=question.family,
        ))

    def _fits(self, q: BankQuestion) -> bool:
        """A question limited to some fields ("a pull request the day before a release") is
        asked only for jobs in those fields."""
        if not q.fields:
            return True
        return any(f in q.fields for f in (self.job_family, self.tech_family) if f)

    # -- the person's own story --------------------------------------------------------------

    def _resume(self, templates: list[BankQuestion]) -> bool:
        """One resume question, from a kind of story not asked yet in this interview: a career
        change or a new graduate's studies first, then a weighted draw (figures, achievements,
        a break, projects, certifications, roles...) so interviews do not all ask the same."""
        groups: dict[str, list[BankQuestion]] = {}
        for t in templates:
            if t.id not in self.used:
                groups.setdefault(_group(t), []).append(t)
        for allow_repeat in (False, True):
            options = {g: [t for t in ts if allow_repeat or t.id not in self.asked]
                       for g, ts in sorted(groups.items())}
            options = {g: ts for g, ts in options.items() if ts}
            fresh = {g: ts for g, ts in options.items() if g not in self.resume_groups_used}
            options = fresh or options
            if not options:
                continue
            group = next((g for g in _FIRST_GROUPS if g in options), None)
            if group is None:
                names = list(options)
                group = self.rng.choices(names, [_GROUP_WEIGHTS.get(g, 1.0) for g in names])[0]
            chosen = _by_difficulty(options[group], self.request.difficulty, self.rng, self.asked)
            if chosen is None:
                continue
            self.resume_groups_used.append(group)
            text, follow = _fill(chosen, self.values)
            self._take(chosen, self._resume_reason(group), text, follow)
            return True
        return False

    def _resume_reason(self, group: str) -> str:
        v = self.values
        reasons = {
            "career": f"you are moving from {v.get('from_field')} into {v.get('to_field')}",
            "grad": "early in your career: what your studies, internships and activities show",
            "number": "a figure on your resume, probed",
            "bullet": "something your resume says you did",
            "project": "a project on your resume",
            "cert": "a certification on your resume",
            "break": "a break between jobs on your resume",
            "stint": "a short stay in one of your jobs",
            "role": f"your role at {v.get('company')}",
            "move": "the moves in your career",
            "transition": f"why this role at {v.get('job_company', 'this company')}",
            "skill": f"a skill on your resume: {v.get('skill')}",
            "education": "your education",
            "years": "your experience so far",
        }
        return reasons.get(group, "about your own experience")

    # -- technical ---------------------------------------------------------------------------

    def _skill_queue(self) -> list[str]:
        """Skill-keyed path: the skills to ask about, in order (today's behaviour)."""
        bank, resume, request, job = self.bank, self.resume, self.request, self.job
        in_bank = {s.lower(): s for s in bank.skills()}
        depth = [s for s in request.matched_skills if s.lower() in in_bank]
        depth += [s for s in resume.skills if s.lower() in in_bank and s not in depth
                  and s in job.skills_required]
        extra = [s for s in resume.skills if s.lower() in in_bank and s not in depth]
        if self.tech_family is not None:  # stay in the job's field
            extra = [s for s in extra
                     if self.tech_family in families.BANK_SKILL_FAMILIES.get(s.lower(),
                                                                            (families.SOFTWARE,))]
        self.rng.shuffle(extra)
        self.depth = depth
        queue = depth + [s for s in self.gaps if s.lower() in in_bank] + extra
        return queue * 3  # later rounds go deeper on the same skills

    def _technical(self) -> bool:
        if self.tech_family is None or self.tech_family == families.SOFTWARE:
            if self._technical_by_skill():
                return True
            if self.tech_family is None and self.closest_note is None:
                return False
        return self._technical_by_family()

    def _technical_by_skill(self) -> bool:
        # a skill whose questions were all asked before is passed over while another skill
        # in the queue still has fresh ones (never repeat until the pool is used up)
        chosen = None
        for allow_repeat in (False, True):
            for position in range(self.skill_cursor, len(self.skill_queue)):
                skill = self.skill_queue[position]
                options = [q for q in self.bank.by_skill(skill) if q.id not in self.used
                           and (allow_repeat or q.id not in self.asked)]
                chosen = _by_difficulty(options, self.request.difficulty, self.rng, self.asked)
                if chosen:
                    self.skill_cursor = position + 1
                    break
            if chosen:
                break
        if chosen:
            if skill in self.gaps:
                related = self._related_on_resume(skill)
                reason = f"the job needs {skill}, which your resume does not show"
                if related:
                    reason += f" (you list the related {related})"
            elif skill in self.depth:
                reason = f"the job needs {skill} and your resume lists it"
            else:
                reason = f"your resume lists {skill}"
            if self.closest_note:
                reason = f"{self.closest_note}; {reason}"
            self._take(chosen, reason)
            return True
        self.skill_cursor = len(self.skill_queue)
        return False

    def _technical_by_family(self) -> bool:
        family = self.tech_family
        if family is None:
            return False
        pool = [q for q in self.bank.technical if q.id not in self.used
                and family in families.families_of_question(q)]
        covered = {p.skill.lower() for p in self.plan_out if p.skill} | self.reserved
        order = sorted(DIFFICULTIES, key=lambda d: abs(DIFFICULTIES.index(d)
                                                       - DIFFICULTIES.index(self.request.difficulty)))
        for allow_repeat in (False, True):
            for level in order:
                options = [q for q in pool if q.difficulty == level
                           and (allow_repeat or q.id not in self.asked)]
                if not options:
                    continue
                scored = [(self._relevance(q, covered), q) for q in options]
                best = max(score for score, _ in scored)
                chosen = self.rng.choice([q for score, q in scored if score == best])
                skill, reason = self._family_reason(chosen)
                self._take(chosen, reason, skill=skill)
                return True
        return False

    def _question_terms(self, q: BankQuestion) -> tuple[set[str], str]:
        skills = {s.lower() for s in q.skills}
        if q.skill:
            skills.add(q.skill.lower())
        text = " | ".join([(q.topic or "").lower(), *sorted(skills)])
        return skills, text

    def _matches(self, skill: str, q_skills: set[str], q_text: str) -> bool:
        """The question is about ``skill``: same skill, or the skill named in its topic or
        skills ("IFRS" in "IFRS 16", "Month-End Close" in "month-end close")."""
        wanted = skill.strip().lower()
        return (wanted in q_skills or any(self.table.same(skill, s) for s in q_skills)
                or _phrase_in(wanted, q_text))

    def _relevance(self, q: BankQuestion, covered: set[str]) -> float:
        q_skills, q_text = self._question_terms(q)
        score = 0.0
        for skill in self.required:
            if skill.lower() in covered or not self._matches(skill, q_skills, q_text):
                continue
            score += 3.0 if self._has(skill) else 2.0
        resume_hits = sum(1 for s in self.resume.skills if s.lower() not in covered
                          and not families.is_soft_skill(self.bank, s)
                          and self._matches(s, q_skills, q_text))
        score += min(resume_hits, 2)
        # the person's own bread and butter in the job's field (an accountant's close)
        if any(self._matches(s, q_skills, q_text) for s in self.own_field_skills
               if s.lower() not in covered):
            score += 1.0
        if q.family:
            score += 0.5  # the field's own question before a borrowed skill-keyed one
        if q.topic and q.topic.lower() in self.topics_used:
            score -= 2.0
        return score

    def _family_reason(self, q: BankQuestion) -> tuple[str | None, str]:
        q_skills, q_text = self._question_terms(q)
        needed = [s for s in self.required if self._matches(s, q_skills, q_text)]
        listed = [s for s in self.resume.skills if self._matches(s, q_skills, q_text)
                  and not families.is_soft_skill(self.bank, s)]
        name = families.family_name(self.bank, self.tech_family)
        if needed:
            fresh = [s for s in needed if s.lower() not in self.reserved] or needed
            skill = sorted(fresh, key=lambda s: (not self._has(s), self._core(s)))[0]
            if self._has(skill):
                reason = f"the job needs {skill} and your resume lists it"
            elif self._core(skill):
                reason = f"the job needs {skill}, core to {name}"
            else:
                reason = f"the job needs {skill}, which your resume does not show"
        elif listed:
            skill = listed[0]
            reason = f"your resume lists {skill}"
        else:
            skill = q.skill or (q.skills[0] if q.skills else None)
            reason = f"a core {name} topic: {q.topic or skill or 'fundamentals'}"
        if self.closest_note:
            reason = f"{self.closest_note}; {reason}"
        return skill, reason

    # -- gaps --------------------------------------------------------------------------------

    def _gap(self) -> bool:
        if not self.gaps:
            return False
        asked_skills = {p.skill.lower() for p in self.plan_out if p.skill}
        skill = next((s for s in self.gaps if s.lower() not in asked_skills), self.gaps[0])
        related = self._related_on_resume(skill)
        transfer = [t for t in self.bank.gap_templates if "related" in t.requires]
        plain = [t for t in self.bank.gap_templates if "related" not in t.requires]
        templates = [t for t in (transfer if related and transfer else plain)
                     if t.id not in self.used and all(
                         r in ("skill", "related") or self.values.get(r) for r in t.requires)]
        chosen = _by_difficulty(templates, self.request.difficulty, self.rng, self.asked)
        if chosen is None:
            return False
        values = {**self.values, "skill": skill}
        if related:
            values["related"] = related
        text, follow = _fill(chosen, values)
        reason = f"the job needs {skill}, which your resume does not show"
        if related and "related" in chosen.requires:
            reason = f"the job needs {skill}; your resume shows the related {related}"
        self._take(chosen, reason, text, follow, skill=skill)
        return True

    # -- behaviour ---------------------------------------------------------------------------

    def _fresh(self, q: BankQuestion) -> bool:
        return not any(_same_competency(q.competency, c) for c in self.competencies_used)

    def _behavioural(self, kind: str, index: int, note: str | None) -> bool:
        bank, request, job = self.bank, self.request, self.job
        family = self.job_family if self.job_family in bank.families else None
        own = [q for q in bank.behavioral if family and q.family == family and q.id not in self.used
               and self._fits(q)]
        chosen = None
        reason = ""
        first = not any(p.family == family and p.kind == "behavioral" for p in self.plan_out)
        if own and (index % 2 == 0 or kind == "behavioral" and first):
            fresh = [q for q in own if self._fresh(q)]
            unasked = [q for q in fresh if q.id not in self.asked]
            all_asked = not any(q.id not in self.asked for q in own)
            # a repeat only for the interview's one field question, once the field's are used up
            options = unasked or (fresh if first and all_asked else [])
            chosen = _by_difficulty(options, request.difficulty, self.rng, self.asked)
            if chosen:
                name = families.family_name(bank, family)
                reason = f"a situation every {name} professional meets: " \
                         f"{chosen.competency.replace('-', ' ')}"
        if chosen is None:
            generic = [q for q in bank.behavioral if q.family is None and q.id not in self.used
                       and self._fits(q)]
            pool = [q for q in generic if q.kind == kind] or generic
            fresh = [q for q in pool if self._fresh(q)] or [q for q in generic if self._fresh(q)]
            wanted = [c for c in self.level_competencies
                      if not any(_same_competency(c, u) for u in self.competencies_used)][:2]
            preferred = [q for q in fresh if q.competency in wanted]
            chosen = _by_difficulty(preferred, request.difficulty, self.rng, self.asked) \
                if preferred else None
            chosen = chosen or _by_difficulty(fresh, request.difficulty, self.rng, self.asked)
            # every competency used up: a repeat beats a short interview
            chosen = chosen or _by_difficulty(pool + own, request.difficulty, self.rng, self.asked)
            if chosen is None:
                return False
            if chosen.family:
                reason = f"a {chosen.competency} question"
            elif job.level:
                reason = f"{chosen.competency} matters at {job.level} level"
            else:
                reason = f"a {chosen.competency} question"
        if note:
            reason = f"{note}; {reason}"
        self._take(chosen, reason)
        return True


_STUDENT_ROLE = re.compile(r"\b(?:intern|internship|trainee|student|apprentice|apprenticeship|placement|"
                           r"work experience|summer analyst|graduate assistant|volunteer)\b", re.IGNORECASE)
_BREAK_MONTHS = 6  # a break shorter than this is no question
_SHORT_STINT_MONTHS = 12


def _month(value: str | None) -> tuple[int, int | None] | None:
    """"2019-03" -> (2019, 3); "2019" -> (2019, None)."""
    found = re.match(r"\s*(\d{4})(?:-(\d{1,2}))?", value or "")
    if not found:
        return None
    return int(found.group(1)), int(found.group(2)) if found.group(2) else None


def _index(point: tuple[int, int | None], end: bool = False) -> int:
    year, month = point
    return year * 12 + (month - 1 if month else (11 if end else 0))


def _positions(resume: ResumeFacts) -> list[Position]:
    return list(resume.positions) or [Position(title=t, company=c) for t, c in resume.roles]


def is_student_role(position: Position) -> bool:
    return (position.employment or "").lower() in ("internship", "student") or bool(
        _STUDENT_ROLE.search(position.title or ""))


def is_new_graduate(resume: ResumeFacts) -> bool:
    """Only student and intern roles, or no job yet but a degree, or under a year of work."""
    positions = _positions(resume)
    if positions and all(is_student_role(p) for p in positions):
        return True
    if not positions:
        return bool(resume.degree or resume.institution)
    return resume.years is not None and resume.years < 1


def _breaks_and_stints(positions: list[Position]) -> tuple[tuple[str, str] | None,
                                                            list[tuple[str, int]]]:
    """(the longest break between two jobs as words, if one is long enough; the jobs that lasted
    under a year, with their length in months). Internships and current roles are no stints."""
    dated = []
    for p in positions:
        start, end = _month(p.start), _month(p.end)
        if start is None or (end is None and not p.current):
            continue
        dated.append((p, start, end))
    dated.sort(key=lambda item: _index(item[1]))
    longest: tuple[int, str, str] | None = None
    covered_until: tuple[int, tuple[int, int | None]] | None = None
    for _p, start, end in dated:
        if covered_until is not None:
            gap = _index(start) - covered_until[0] - 1
            if gap >= _BREAK_MONTHS and (longest is None or gap > longest[0]):
                longest = (gap, phrasing.month_name(*covered_until[1]), phrasing.month_name(*start))
        if end is None:
            covered_until = (10 ** 6, start)
        elif covered_until is None or _index(end, True) > covered_until[0]:
            covered_until = (_index(end, True), end)
    stints = []
    for p, start, end in dated:
        if end is None or p.current or is_student_role(p):
            continue
        months = _index(end, True) - _index(start) + 1
        company = phrasing.company_phrase(p.company)
        if company and 1 <= months < _SHORT_STINT_MONTHS and end[1] and start[1]:
            stints.append((company, months))
    gap_words = (longest[1], longest[2]) if longest and longest[1] != longest[2] else None
    return gap_words, stints


def _tool_skill(resume: ResumeFacts, job: JobFacts, bank: QuestionBank | None) -> str | None:
    """A tool or method from the resume to ask about: never a soft skill, and not a skill that is
    simply the person's field ("Patient Care" for a nurse); the job's own skills first."""
    core: set[str] = set()
    if bank is not None:
        for fb in bank.families.values():
            core |= {c.lower() for c in fb.core_skills}
    tools = [s for s in resume.skills if bank is None or not families.is_soft_skill(bank, s)]
    plain = [s for s in tools if s.lower() not in core] or tools
    required = {s.lower() for s in job.skills_required}
    wanted = [s for s in plain if s.lower() in required]
    return (wanted or plain or [None])[0]


def _clauses(resume: ResumeFacts) -> tuple[list[tuple[str, str | None]], list[str]]:
    """(clauses with a figure and the figure, clauses without one) from the resume's bullets."""
    numbered, plain = [], []
    for bullet in resume.bullets:
        clause = phrasing.bullet_clause(bullet)
        if clause is None or clause.startswith("you were "):
            continue
        if phrasing.number_in(clause) or re.search(r"\b(?:by|to|from)\s+\d", clause):
            numbered.append((clause, phrasing.number_in(clause)))
        else:
            plain.append(clause)
    return numbered, plain


_UNKNOWN = "?"


def _template_values(resume: ResumeFacts, job: JobFacts,
                     bank: QuestionBank | None = None, pick: int = 0,
                     job_family: str | None = _UNKNOWN) -> dict[str, str]:
    """Every value a template may need, each already phrased for a sentence (phrasing.py). A
    value that cannot be phrased is left out, so the templates that need it are skipped.
    ``pick`` chooses among several bullets, so interviews do not all probe the same one."""
    values: dict[str, str] = {}
    job_title = phrasing.title_phrase(job.title) if job.title != JobFacts.title else None
    if job_title:
        values["job_title"] = job_title
        values["job_title_a"] = phrasing.with_article(job_title)
    company = phrasing.company_phrase(job.company)
    if company:
        values["job_company"] = company
    positions = _positions(resume)
    for position in positions:
        role = phrasing.role_phrase(position.title, position.unit)
        title = phrasing.title_phrase(position.title)
        where = phrasing.company_phrase(position.company)
        if role and title and where:
            values.setdefault("title", title)
            values.setdefault("role_a", phrasing.with_article(role))
            values.setdefault("company", where)
        elif where:
            values.setdefault("company", where)
    skill = _tool_skill(resume, job, bank)
    if skill:
        values["skill"] = skill
    projects = [p for p in (phrasing.project_phrase(line) for line in resume.projects) if p]
    if projects:
        values["project"] = projects[pick % len(projects)]
    numbered, plain = _clauses(resume)
    if numbered:
        clause, number = numbered[pick % len(numbered)]
        values["number_claim"] = clause
        if number:
            values["number"] = number
    if plain:
        values["achievement"] = plain[pick % len(plain)]
    elif len(numbered) > 1:  # a second figure is still an achievement to ask about
        values["achievement"] = numbered[(pick + 1) % len(numbered)][0]
    new_grad = is_new_graduate(resume)
    student_only = bool(positions) and all(is_student_role(p) for p in positions)
    if resume.years and resume.years >= 2 and not new_grad and not student_only:
        values["years"] = str(int(round(resume.years)))
    subject = phrasing.tidy(resume.education_field)
    if subject and re.fullmatch(r"(?:hons|honours|honors|\(hons\))", subject, re.IGNORECASE):
        subject = ""
    degree = phrasing.tidy(resume.degree)
    if degree and len(degree.split()) <= 8:
        values["degree"] = f"{degree} in {subject}" if subject and " in " not in degree and \
            subject.lower() not in degree.lower() else degree
        institution = phrasing.institution_phrase(resume.institution)
        if institution:
            values["institution"] = institution
    certifications = [c for c in (phrasing.certification_phrase(x) for x in resume.certifications) if c]
    if certifications:
        values["certification"] = certifications[pick % len(certifications)]
    if new_grad:
        values["new_grad"] = "yes"
        interns = [p for p in positions if is_student_role(p) and phrasing.company_phrase(p.company)]
        if interns:
            values["internship"] = f"your internship at {phrasing.company_phrase(interns[0].company)}"
        coursework = phrasing.coursework_phrase(resume.coursework)
        if coursework:
            values["coursework"] = coursework
        activities = [a for a in (phrasing.activity_phrase(x) for x in resume.activities) if a]
        if activities:
            values["activity"] = activities[pick % len(activities)]
    if bank is not None and not new_grad:
        to_family = job_family if job_family != _UNKNOWN else families.detect_job_family(
            bank, job.title, job.skills_required, job.description)
        from_field = families.detect_resume_field(bank, [p.title for p in positions], resume.skills)
        if families.is_career_change(from_field, to_family):
            values["from_field"] = families.field_noun(from_field) or ""
            values["to_field"] = families.field_noun(to_family) or ""
    gap, stints = _breaks_and_stints(positions)
    if gap:
        values["break_from"], values["break_to"] = gap
    if stints:
        values["stint_company"], months = stints[-1]
        values["stint_length"] = phrasing.months_words(months)
        if len(stints) >= 2:
            values["stints_pair"] = f"{stints[-2][0]} and {stints[-1][0]}"
    return {k: v for k, v in values.items() if v}
