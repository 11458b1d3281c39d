"""Which field a job or a resume belongs to: nursing, accounting, sales, software...

Every family file in data/questions/families lists how to recognise its field ("detect": job
titles, skills, description words) and its core skills. The skill-keyed technical banks
(technical_a/b.json) are the family "software" (backend, frontend, devops, data engineering,
mobile...), recognised by the titles and skills below. A job is scored against every family:
its title is the strongest signal, then its required skills, then words of its description.
A resume is scored by its roles' titles (most recent first) and its skills.

Pure functions over a loaded QuestionBank; nothing here reads files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from mock_interview.domain.interview.bank import BankQuestion, QuestionBank

SOFTWARE = "software"
SOFTWARE_NAME = "Software engineering"

# The software family's detect lists (the family files carry their own).
SOFTWARE_TITLES = (
    "software engineer", "software developer", "backend engineer", "backend developer",
    "back-end", "backend", "frontend engineer", "frontend developer", "front-end", "frontend",
    "full-stack", "full stack", "fullstack", "web developer", "developer", "programmer",
    "devops engineer", "devops", "site reliability engineer", "sre", "platform engineer",
    "cloud engineer", "infrastructure engineer", "data engineer", "analytics engineer",
    "data analyst", "bi analyst", "business intelligence analyst", "ios engineer", "ios developer",
    "android engineer", "android developer", "mobile engineer", "mobile developer",
    "mobile engineering", "systems engineer", "solutions architect", "software architect",
)
SOFTWARE_SKILLS = (
    "Python", "Java", "JavaScript", "TypeScript", "Go", "SQL", "PostgreSQL", "Docker",
    "Kubernetes", "AWS", "React", "Node.js", "REST APIs", "Git", "Linux", "System Design",
    "Microservices", "CI/CD", "Unit Testing", "Terraform",
)
SOFTWARE_WORDS = (
    "api", "apis", "microservices", "backend", "frontend", "deploy", "codebase", "pull request",
    "code review", "services", "kubernetes", "pipeline", "latency",
)
# Taxonomy families (data/skills/curated.json) that are plainly software, and the ones that
# map onto a field with a bank.
SOFTWARE_TAXONOMY = frozenset({
    "programming-language", "web-frontend", "web-backend", "database", "cloud", "devops",
    "data-engineering", "mobile", "os", "networking",
})
TAXONOMY_FAMILIES = {
    "accounting": "accounting", "finance": "finance", "healthcare": "nursing",
    "sales": "sales", "support": "customer_support", "marketing": "marketing",
    "design": "design", "product": "product_management", "operations": "operations",
    "security": "security", "machine-learning": "data_science", "testing": "qa", "hr": "hr",
}
# Skill-keyed bank skills that belong to a field with its own bank (or to several fields).
# Skills not listed here are "software" only.
BANK_SKILL_FAMILIES: dict[str, tuple[str, ...]] = {
    "machine learning": ("data_science",),
    "deep learning": ("data_science",),
    "pytorch": ("data_science",),
    "tensorflow": ("data_science",),
    "statistics": ("data_science", SOFTWARE),
    "pandas": ("data_science", SOFTWARE),
    "data analysis": ("data_science", SOFTWARE),
    "tableau": ("data_science", SOFTWARE),
    "excel": ("finance", "accounting", "operations", SOFTWARE),
    "financial modeling": ("finance", "accounting"),
    "seo": ("marketing",),
    "digital marketing": ("marketing",),
    "customer support": ("customer_support",),
    "product management": ("product_management",),
    "ux design": ("design",),
    "figma": ("design",),
    "project management": ("project_management",),
    "agile": ("project_management", "product_management", "engineering_management", SOFTWARE),
    "application security": ("security", SOFTWARE),
    "unit testing": ("qa", SOFTWARE),
    "ci/cd": (SOFTWARE, "qa"),
    "c++": (SOFTWARE, "embedded"),
    "linux": (SOFTWARE, "embedded", "security"),
    "system design": (SOFTWARE, "engineering_management"),
}
# Extra title words for fields whose job titles vary a lot ("Data Science Intern").
EXTRA_TITLES = {
    "data_science": ("data science", "machine learning", "ai research", "research scientist"),
    "operations": ("continuous improvement", "supply chain", "operations", "logistics"),
    "nursing": ("nurse", "nursing"),
    "sales": ("sales",),
    "customer_support": ("customer service", "customer support", "customer success"),
    "design": ("ux", "ui/ux", "ux/ui", "designer"),
    "marketing": ("marketing", "seo"),
    "finance": ("fp&a",),
    "accounting": ("accounts payable", "accounts receivable", "accounting"),
    "hr": ("human resources", "talent acquisition", "recruiting"),
    "qa": ("qa", "quality assurance", "test automation"),
    "security": ("security", "penetration", "soc"),
    "embedded": ("embedded", "firmware"),
    "project_management": ("project manager", "programme", "program manager"),
    "product_management": ("product manager", "product owner"),
    "engineering_management": ("engineering manager",),
}
# Soft skills are never asked about as a gap or a tool. The taxonomy marks most of them
# (family "soft-skill"); these spellings are caught even when it does not know them.
SOFT_SKILLS = frozenset({
    "communication", "leadership", "stakeholder management", "teamwork", "negotiation",
    "time management", "problem solving", "critical thinking", "presentation skills",
    "interpersonal skills", "adaptability", "attention to detail", "organizational skills",
    "organisational skills", "decision making", "conflict resolution", "creativity",
    "emotional intelligence", "customer focus", "self-motivation", "work ethic",
    "written english", "multilingual", "collaboration", "mentoring", "team leadership",
    "verbal communication", "written communication", "people skills",
})

_TITLE_WEIGHT = 6.0
_SKILL_WEIGHT = 4.0
_WORD_WEIGHT = 0.3
_TAXONOMY_WEIGHT = 0.25
_MAX_WORDS = 5
_THRESHOLD = 1.5


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9&+#/.\-]+", " ", text.lower()).split())


@lru_cache(maxsize=4096)
def _phrase_re(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z0-9])" + re.escape(phrase) + r"(?![a-z0-9])")


def is_soft_skill(bank: QuestionBank, name: str) -> bool:
    if name.strip().lower() in SOFT_SKILLS:
        return True
    return bank.skill_table.family_of(name) == "soft-skill"


def family_name(bank: QuestionBank, family: str | None) -> str:
    if family == SOFTWARE:
        return SOFTWARE_NAME
    if family and family in bank.families:
        return bank.families[family].name
    return family or "general"


def families_of_question(question: BankQuestion) -> tuple[str, ...]:
    """The fields a question belongs to: its family file, else the skill's field(s)."""
    if question.family:
        return (question.family,)
    if question.skill:
        return BANK_SKILL_FAMILIES.get(question.skill.lower(), (SOFTWARE,))
    return ()


def known_families(bank: QuestionBank) -> list[str]:
    return sorted(bank.families) + [SOFTWARE]


@dataclass(frozen=True)
class _Vocab:
    titles: dict[str, tuple[str, ...]]
    words: dict[str, tuple[str, ...]]
    skills: dict[str, frozenset[str]]  # lower canonical skill -> families


def _vocab(bank: QuestionBank) -> _Vocab:
    """Detect lists per family, worked out once per bank (kept on the bank object)."""
    cached = bank.__dict__.get("_family_vocab")
    if cached is not None:
        return cached
    titles: dict[str, tuple[str, ...]] = {}
    words: dict[str, tuple[str, ...]] = {}
    skills: dict[str, set[str]] = {}

    def add(skill: str, family: str) -> None:
        skills.setdefault(skill.strip().lower(), set()).add(family)

    for family, fb in bank.families.items():
        titles[family] = tuple(dict.fromkeys(_norm(t) for t in (*fb.titles, *EXTRA_TITLES.get(family, ()))))
        words[family] = tuple(_norm(w) for w in fb.words)
        for skill in (*fb.skills, *fb.core_skills, *(s for q in fb.technical for s in q.skills)):
            add(skill, family)
    titles[SOFTWARE] = tuple(_norm(t) for t in SOFTWARE_TITLES)
    words[SOFTWARE] = SOFTWARE_WORDS
    for skill in SOFTWARE_SKILLS:
        add(skill, SOFTWARE)
    for skill in bank.skills():
        for family in BANK_SKILL_FAMILIES.get(skill.lower(), (SOFTWARE,)):
            if family == SOFTWARE or family in bank.families:
                add(skill, family)
    vocab = _Vocab(titles, words, {k: frozenset(v) for k, v in skills.items()})
    object.__setattr__(bank, "_family_vocab", vocab)  # a cache, not part of the bank's value
    return vocab


def _skill_owners(bank: QuestionBank, skill: str) -> tuple[frozenset[str], float]:
    """Fields a skill belongs to and how sure that is: a family's own lists count fully, the
    taxonomy's broad families (which lump HR into operations, say) only a quarter."""
    if is_soft_skill(bank, skill):
        return frozenset(), 0.0
    vocab = _vocab(bank)
    found = vocab.skills.get(skill.strip().lower()) or vocab.skills.get(
        bank.skill_table.canon(skill).lower())
    if found:
        return frozenset(found), 1.0
    taxonomy = bank.skill_table.family_of(skill)
    if taxonomy in SOFTWARE_TAXONOMY:
        return frozenset({SOFTWARE}), _TAXONOMY_WEIGHT
    if taxonomy in TAXONOMY_FAMILIES and TAXONOMY_FAMILIES[taxonomy] in bank.families:
        return frozenset({TAXONOMY_FAMILIES[taxonomy]}), _TAXONOMY_WEIGHT
    return frozenset(), 0.0


def skill_families(bank: QuestionBank, skill: str) -> frozenset[str]:
    """Fields a skill belongs to (empty for soft skills and unknown ones)."""
    return _skill_owners(bank, skill)[0]


def _title_hits(vocab: _Vocab, title: str) -> dict[str, int]:
    """Family -> words of its longest title phrase found in the title. A phrase inside a longer
    phrase of another family does not count ("software engineer" in "embedded software
    engineer")."""
    text = _norm(title)
    if not text:
        return {}
    spans: list[tuple[int, int, str, int]] = []
    for family, phrases in vocab.titles.items():
        for phrase in phrases:
            for m in _phrase_re(phrase).finditer(text):
                spans.append((m.start(), m.end(), family, len(phrase.split())))
    hits: dict[str, int] = {}
    for start, end, family, size in spans:
        inside = any(o_start <= start and end <= o_end and (o_end - o_start) > (end - start)
                     and o_family != family for o_start, o_end, o_family, _ in spans)
        if not inside:
            hits[family] = max(hits.get(family, 0), size)
    return hits


def score_families(bank: QuestionBank, titles: Sequence[str], skills: Iterable[str],
                   text: str = "") -> dict[str, float]:
    """A score per family (higher fits better). ``titles`` in order of importance."""
    vocab = _vocab(bank)
    scores = {family: 0.0 for family in known_families(bank)}
    weight = 1.0
    for title in titles:
        for family, size in _title_hits(vocab, title or "").items():
            scores[family] += weight * (_TITLE_WEIGHT + 0.5 * size)
        weight *= 0.5
    hard = [s for s in dict.fromkeys(skills) if s and not is_soft_skill(bank, s)]
    if hard:
        for skill in hard:
            owners, sure = _skill_owners(bank, skill)
            for family in owners:
                scores[family] += sure * _SKILL_WEIGHT / len(hard) / len(owners)
    if text:
        lowered = _norm(text)
        for family, words in vocab.words.items():
            found = sum(1 for w in words if _phrase_re(w).search(lowered))
            scores[family] += _WORD_WEIGHT * min(found, _MAX_WORDS)
    return scores


def _best(scores: dict[str, float], threshold: float) -> str | None:
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked or ranked[0][1] < threshold:
        return None
    return ranked[0][0]


def detect_job_family(bank: QuestionBank, title: str, skills: Iterable[str],
                      description: str = "") -> str | None:
    return _best(score_families(bank, [title], skills, description), _THRESHOLD)


def detect_resume_family(bank: QuestionBank, role_titles: Sequence[str | None],
                         skills: Iterable[str]) -> str | None:
    return _best(score_families(bank, [t for t in role_titles if t][:4], skills), _THRESHOLD)


def closest_family(bank: QuestionBank, title: str, skills: Iterable[str], description: str = "",
                   exclude: Iterable[str] = ()) -> str | None:
    """The best-scoring family with a bank, however weak the fit (None when nothing scores)."""
    scores = score_families(bank, [title], skills, description)
    for family in exclude:
        scores.pop(family, None)
    return _best(scores, 1e-9)


# -- the person's own field, for career-change questions -----------------------------------------

# Fields without a question bank that people often move from, recognised by job title only.
OTHER_FIELDS: dict[str, tuple[str, ...]] = {
    "teaching": ("teacher", "lecturer", "tutor", "teaching assistant", "educator", "head of year",
                 "head of department", "professor", "instructor", "classroom assistant"),
    "hospitality": ("barista", "waiter", "waitress", "bartender", "chef", "sous chef", "cook",
                    "front of house", "hotel", "restaurant manager", "hospitality"),
    "retail": ("retail", "cashier", "store manager", "shop assistant", "sales assistant",
               "store associate", "merchandiser", "shop manager"),
    "law": ("lawyer", "solicitor", "paralegal", "attorney", "barrister", "legal counsel",
            "legal assistant"),
    "journalism": ("journalist", "reporter", "news editor", "sub-editor", "correspondent"),
    "academic research": ("postdoctoral", "postdoc", "research fellow", "phd candidate",
                          "doctoral researcher", "research associate"),
    "social work": ("social worker", "caseworker", "case worker", "support worker", "youth worker"),
    "the armed forces": ("army", "navy", "royal air force", "soldier", "infantry", "sergeant",
                         "lieutenant", "corporal"),
    "pharmacy": ("pharmacist", "pharmacy technician"),
    "logistics driving": ("delivery driver", "hgv driver", "lorry driver", "courier"),
}
# How a field is named in a sentence ("Why product management, and what from teaching carries over?").
FIELD_NOUNS = {
    SOFTWARE: "software engineering", "accounting": "accounting", "finance": "finance",
    "nursing": "nursing", "sales": "sales", "marketing": "marketing",
    "customer_support": "customer support", "product_management": "product management",
    "design": "design", "operations": "operations", "hr": "HR", "project_management":
    "project management", "data_science": "data science", "qa": "testing", "security": "security",
    "embedded": "embedded engineering", "engineering_management": "engineering management",
    "logistics driving": "driving",
}
# Moves between these fields are a step, not a change of career.
_ADJACENT = (
    {SOFTWARE, "qa", "security", "embedded", "engineering_management", "data_science"},
    {"accounting", "finance"},
    {"project_management", "engineering_management"},
    {"customer_support", "sales"},
)


def field_noun(field: str | None) -> str | None:
    if not field:
        return None
    return FIELD_NOUNS.get(field, field.replace("_", " "))


def detect_resume_field(bank: QuestionBank, role_titles: Sequence[str | None],
                        skills: Iterable[str]) -> str | None:
    """The person's field: a family with a bank, software, or a field without a bank that is
    plain from the most recent job title ("teaching" for a Year 9 science teacher)."""
    titles = [t for t in role_titles if t][:2]
    if titles:
        vocab = _vocab(bank)
        latest = _norm(titles[0])
        if not _title_hits(vocab, titles[0]):
            for field, phrases in OTHER_FIELDS.items():
                if any(_phrase_re(_norm(p)).search(latest) for p in phrases):
                    return field
    return detect_resume_family(bank, role_titles, skills)


def is_career_change(from_field: str | None, to_field: str | None) -> bool:
    """A move between two known fields that are not neighbours."""
    if not from_field or not to_field or from_field == to_field:
        return False
    return not any(from_field in group and to_field in group for group in _ADJACENT)
