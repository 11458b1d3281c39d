"""Which field a job or a resume belongs to: nursing, accounting, sales, software...

Every family file in data/questions/families lists how to recognise its field ("detect": job
titles, skills, description words) and its core skills. The skill-keyed technical banks
(technical_a/b.json) are the family "software" (backend, frontend, devops, data engineering,
mobile...), recognised by the titles and skills in fields.json. A job is scored against every family:
its title is the strongest signal, then its required skills, then words of its description.
A resume is scored by its roles' titles (most recent first) and its skills.

Pure functions over a loaded QuestionBank and the field vocabulary of data/interview/fields.json.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from mock_interview.domain.interview.bank import BankQuestion, QuestionBank
from mock_interview.domain.tables import load_table

SOFTWARE = "software"
SOFTWARE_NAME = "Software engineering"

# Field vocabulary (data/interview/fields.json, each list described there).
_TABLE = load_table("interview/fields")
# The software family's detect lists (the family files carry their own).
SOFTWARE_TITLES: tuple[str, ...] = tuple(_TABLE["software_titles"])
SOFTWARE_SKILLS: tuple[str, ...] = tuple(_TABLE["software_skills"])
SOFTWARE_WORDS: tuple[str, ...] = tuple(_TABLE["software_words"])
# Taxonomy families (data/skills/curated.json) that are plainly software, and the ones that
# map onto a field with a bank.
SOFTWARE_TAXONOMY = frozenset(_TABLE["software_taxonomy"])
TAXONOMY_FAMILIES: dict[str, str] = dict(_TABLE["taxonomy_families"])
# Skill-keyed bank skills that belong to a field with its own bank (or to several fields).
# Skills not listed here are "software" only.
BANK_SKILL_FAMILIES: dict[str, tuple[str, ...]] = {
    skill: tuple(fields) for skill, fields in _TABLE["bank_skill_families"].items()}
# Extra title words for fields whose job titles vary a lot ("Data Science Intern").
EXTRA_TITLES: dict[str, tuple[str, ...]] = {
    field: tuple(titles) for field, titles in _TABLE["extra_titles"].items()}
# Soft skills are never asked about as a gap or a tool. The taxonomy marks most of them
# (family "soft-skill"); these spellings are caught even when it does not know them.
SOFT_SKILLS = frozenset(_TABLE["soft_skills"])

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
    field: tuple(titles) for field, titles in _TABLE["other_fields"].items()}
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
