"""Resume-grounded questions (issue #17): every resume, gap and career-change template rendered
against many parsed resumes reads as a person would say it; the field's own questions reach a
nurse, an accountant and a teacher moving into product management, through the real CLI too."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mock_interview.domain.interview import phrasing
from mock_interview.domain.interview.bank import load_bank
from mock_interview.domain.interview.planner import (
    JobFacts,
    PlanRequest,
    ResumeFacts,
    _fill,
    _same_competency,
    _template_values,
    is_new_graduate,
    plan_interview,
)
from tests.resume_fixtures import NURSE_TXT, PARSED

BANK = load_bank()
ROOT = Path(__file__).resolve().parents[1]
_CATALOGUE = {j["slug"]: j for j in json.loads((ROOT / "sample_jobs.json").read_text())["jobs"]}
JOB_SLUGS = [
    "lanternwell-registered-nurse-virtual-care", "kilbarra-staff-nurse-night-duty-part-time",
    "vantquill-senior-accountant-ifrs", "tallowbrook-product-manager-merchant-onboarding",
    "tallowbrook-senior-python-backend-engineer", "ledgerwick-content-marketing-manager",
    "ledgerwick-account-executive-mid-market", "mapleharrow-customer-success-manager",
    "pebblewick-operations-manager-fulfilment-centre", "puffinworks-marketing-intern-user-acquisition",
    "thimbleoak-financial-analyst-fp-and-a", "banksia-lane-ux-design-intern",
]


def job_facts(slug: str) -> JobFacts:
    row = _CATALOGUE[slug]
    return JobFacts(row["title"], row["company"], list(row.get("skills_required") or []),
                    row.get("experience_level"), row.get("description") or "")


JOBS = [job_facts(s) for s in JOB_SLUGS] + [JobFacts("Barista", "Bean There", [], "junior")]


def facts(name: str) -> ResumeFacts:
    p = PARSED[name]
    return ResumeFacts.from_parsed(p["skills"], p["experience"], p["education"], p["sections"],
                                   p["total_years_experience"])


_PROBLEMS = [
    ("placeholder left", re.compile(r"[{}]")),
    ("double space", re.compile(r"  ")),
    ("space before punctuation", re.compile(r" [,;:.?!]")),
    ("double full stop", re.compile(r"(?<!\.)\.\.(?!\.)")),
    ("doubled punctuation", re.compile(r"[,;:][,;:.?!]|[?!][.,;:?]|\.[,;:?]")),
    ("does not end a sentence", re.compile(r"[^.?\"')]\s*$")),
    ("pasted date range", re.compile(r"\b(?:19|20)\d\d\s*(?:[-–—]|to)\s*(?:(?:19|20)?\d\d|present|now)\b",
                                     re.I)),
    ("a fragment ending in a full stop inside a sentence", re.compile(r"\.\s*[,;a-z]")),
    ("1 years", re.compile(r"\b1 years\b")),
    ("doubled word", re.compile(r"\b(a|an|the|your|of|in|at|to|and)\s+\1\b", re.I)),
    ("wrong article", re.compile(r"\ba\s+(?:[aeio][a-z]|[AEIO][a-z])|\ban\s+[bcdgjkpqtvwyz][a-z]")),
    ("title-case job title mid-sentence",
     re.compile(r"\b(?:a|an|as)\s+(?:Senior|Registered|Staff|Junior|Lead|Principal)\s+[A-Z][a-z]")),
    ("a bullet glyph", re.compile(r"[•▪●]")),
]


def problems(text: str, template_id: str = "") -> list[str]:
    found = [name for name, pattern in _PROBLEMS if pattern.search(text)]
    if not template_id.startswith("res-break") and re.search(r"\b(?:19[5-9]\d|20[0-4]\d)\b", text):
        found.append("a year pasted from the resume")
    if len(text.split()) > 60:
        found.append("too long")
    return found


def test_phrasing_examples():
    assert phrasing.bullet_clause("Cut infrastructure cost by 38%.") == "you cut infrastructure cost by 38%"
    assert phrasing.bullet_clause("Case competition finalist, UT Marketing Case Challenge 2024.") is None
    assert phrasing.bullet_clause("Strong attention to detail") is None
    assert phrasing.role_phrase("Registered Nurse – Medical/Surgical ICU") == \
        "registered nurse in the Medical/Surgical ICU"
    assert phrasing.role_phrase("Registered Nurse", "Medical/Surgical ICU") == \
        "registered nurse in the Medical/Surgical ICU"
    assert phrasing.activity_phrase("Case competition finalist, UT Marketing Case Challenge 2024.") == \
        "the UT Marketing Case Challenge"
    assert phrasing.title_phrase("Senior Accountant (IFRS)") == "senior accountant"
    assert phrasing.title_phrase("QA Automation Engineer (Playwright)") == "QA automation engineer"
    assert phrasing.with_article("SEO specialist") == "an SEO specialist"
    assert phrasing.with_article("UX designer") == "a UX designer"
    assert phrasing.certification_phrase("Advanced Life Support (ALS), Resuscitation Council UK, 2021") == \
        "your Advanced Life Support certification"
    assert phrasing.project_phrase("Smart Parking App (React Native) – 2023") == "your Smart Parking App"
    assert phrasing.tidy("Reduced late payments by 50 percent in 2022..") == "Reduced late payments by 50 percent"
    assert phrasing.number_in("you cut infrastructure cost by 38%") == "38%"


@pytest.mark.parametrize("name", sorted(PARSED))
def test_every_template_reads_well_for_every_resume(name):
    """Every resume and gap template that applies, for this resume and a dozen jobs across fields,
    and every question actually planned: no broken grammar, no pasted fragments."""
    resume = facts(name)
    rendered = 0
    for index, job in enumerate(JOBS):
        values = _template_values(resume, job, BANK, pick=index)
        missing = [s for s in job.skills_required if s not in resume.skills] or ["Kafka"]
        for template in BANK.resume_templates + BANK.gap_templates:
            filled = dict(values)
            if template.kind == "gap":
                filled.update(skill=missing[0], related=resume.skills[0] if resume.skills else "Excel")
            if not all(filled.get(r) for r in template.requires):
                continue
            text, follow = _fill(template, filled)
            rendered += 1
            for piece in (text, follow or "Fine?"):
                assert not problems(piece, template.id), (template.id, piece, problems(piece, template.id))
        for mix in ("mixed", "behavioral"):
            for q in plan_interview(BANK, resume, job, PlanRequest(count=8, mix=mix, seed=index)):
                if q.kind not in ("resume", "gap"):
                    continue  # written by people, not filled in
                assert not problems(q.text, q.id), (q.id, q.text, problems(q.text, q.id))
    assert rendered > 0


def test_values_are_phrased_not_pasted():
    nurse = _template_values(facts("icu-nurse"), JOBS[0], BANK)
    assert nurse["role_a"] == "a registered nurse in the Medical/Surgical ICU"
    assert nurse["company"] == "St Aldric Hospital"
    assert nurse["number_claim"].startswith("you ") and not nurse["number_claim"].endswith(".")
    assert nurse["certification"] == "your Advanced Life Support certification"
    assert "years" in nurse and "new_grad" not in nurse
    grad = _template_values(facts("new-grad-marketer"), job_facts("puffinworks-marketing-intern-user-acquisition"),
                            BANK)
    assert grad["new_grad"] and grad["activity"] == "the UT Marketing Case Challenge"
    assert grad["internship"] == "your internship at Wattle & Rye"
    assert grad["coursework"] == "Consumer Behaviour and Marketing Analytics"
    assert "years" not in grad and "project" in grad and "Case" not in grad["project"]
    broken = _template_values(facts("nurse-with-break"), JOBS[0], BANK)
    assert (broken["break_from"], broken["break_to"]) == ("April 2019", "January 2022")
    sales = _template_values(facts("account-executive"), JOBS[6], BANK)
    assert sales["stints_pair"] == "Tarnbrook and Oxenford"


def test_new_graduates_are_never_asked_about_their_years():
    for name in ("new-grad-marketer", "new-grad-cs"):
        resume = facts(name)
        assert is_new_graduate(resume)
        for seed in range(12):
            for job in JOBS[:6]:
                for q in plan_interview(BANK, resume, job, PlanRequest(count=10, mix="behavioral", seed=seed)):
                    assert "years of" not in q.text, q.text
    assert not is_new_graduate(facts("icu-nurse"))


def test_a_new_graduate_is_asked_about_studies_internships_and_competitions():
    resume = facts("new-grad-marketer")
    job = job_facts("puffinworks-marketing-intern-user-acquisition")
    texts = []
    asked: set[str] = set()
    for seed in range(4):
        plan_ = plan_interview(BANK, resume, job, PlanRequest(count=6, seed=seed, asked_before=set(asked)))
        asked |= {q.id for q in plan_}
        texts += [q.text for q in plan_ if q.kind == "resume"]
    joined = " ".join(texts)
    assert any(q.startswith(("During your internship", "What did your internship", "Tell me about the UT",
                             "What did the UT", "Which part of your coursework", "You are early"))
               for q in texts), texts
    assert "UT Marketing Case Challenge" in joined or "internship at Wattle & Rye" in joined


def test_software_situations_are_not_asked_of_other_fields():
    software_words = re.compile(r"pull request|sprint|technical debt|programming language|engineer|"
                                r"roll(?:ing)? back|design document|service you support", re.I)
    for name, slug in (("icu-nurse", JOB_SLUGS[0]), ("senior-accountant", JOB_SLUGS[2]),
                       ("account-executive", JOB_SLUGS[6])):
        for seed in range(15):
            plan_ = plan_interview(BANK, facts(name), job_facts(slug),
                                   PlanRequest(count=12, mix="behavioral", seed=seed))
            for q in plan_:
                assert not software_words.search(q.text), (name, q.id, q.text)


def test_no_competency_twice_with_the_field_banks():
    for name, slug in (("icu-nurse", JOB_SLUGS[0]), ("senior-accountant", JOB_SLUGS[2]),
                       ("account-executive", JOB_SLUGS[6]), ("support-specialist", JOB_SLUGS[7]),
                       ("operations-manager", JOB_SLUGS[8]), ("teacher-to-pm", JOB_SLUGS[3])):
        for seed in range(10):
            for count, mix in ((8, "mixed"), (15, "behavioral")):
                plan_ = plan_interview(BANK, facts(name), job_facts(slug),
                                       PlanRequest(count=count, mix=mix, seed=seed))
                comps = [q.competency for q in plan_ if q.kind in ("behavioral", "situational")]
                for i, a in enumerate(comps):
                    assert not any(_same_competency(a, b) for b in comps[i + 1:]), (name, comps)
    assert _same_competency("campaign-failed", "failure")
    assert _same_competency("stakeholder-pushback", "conflict")
    assert not _same_competency("handover", "escalation")


def test_generic_questions_do_not_dominate():
    """Across many people (seeds) at one level, no behavioural question is in most interviews."""
    from collections import Counter

    seen: Counter[str] = Counter()
    runs = 40
    for seed in range(runs):
        plan_ = plan_interview(BANK, facts("backend-developer"), JOBS[4], PlanRequest(count=6, seed=seed))
        seen.update(q.id for q in plan_ if q.kind in ("behavioral", "situational", "resume"))
    assert max(seen.values()) <= runs * 0.35, seen.most_common(5)


def test_no_question_repeats_over_a_persons_interviews():
    for name, slug in (("icu-nurse", JOB_SLUGS[0]), ("teacher-to-pm", JOB_SLUGS[3]),
                       ("new-grad-cs", JOB_SLUGS[4])):
        asked: set[str] = set()
        for seed in range(5):
            plan_ = plan_interview(BANK, facts(name), job_facts(slug),
                                   PlanRequest(count=8, seed=seed, asked_before=set(asked)))
            ids = {q.id for q in plan_}
            assert not ids & asked, (name, ids & asked)
            asked |= ids


# -- done when (issue #17) ----------------------------------------------------------------------

def test_teacher_moving_into_product_management_is_asked_about_the_change():
    resume, job = facts("teacher-to-pm"), job_facts("tallowbrook-product-manager-merchant-onboarding")
    values = _template_values(resume, job, BANK)
    assert (values["from_field"], values["to_field"]) == ("teaching", "product management")
    for seed in range(6):
        plan_ = plan_interview(BANK, resume, job, PlanRequest(count=6, seed=seed))
        career = [q for q in plan_ if q.id.startswith("res-career")]
        assert career and ("teaching" in career[0].text or "product management" in career[0].text), \
            [q.text for q in plan_]
    first = plan_interview(BANK, resume, job, PlanRequest(count=6, seed=0, asked_before=set()))
    texts = [q.text for q in first]
    assert "Why product management, and what from teaching carries over?" in texts or \
        any("teaching" in t and "product" in t for t in texts)
    # someone moving between neighbouring fields is not asked about a career change
    assert "from_field" not in _template_values(facts("icu-nurse"), JOBS[0], BANK)
    assert "from_field" not in _template_values(facts("senior-accountant"), JOBS[10], BANK)


def test_accountant_technical_interview_covers_ifrs_close_and_reconciliations():
    resume, job = facts("senior-accountant"), job_facts("vantquill-senior-accountant-ifrs")
    for seed in range(3):
        plan_ = plan_interview(BANK, resume, job, PlanRequest(count=6, mix="technical", seed=seed))
        technical = [q for q in plan_ if q.kind == "technical"]
        assert technical and all(q.family == "accounting" or q.skill in job.skills_required
                                 for q in technical)
        text = " ".join(f"{q.text} {q.skill or ''}" for q in plan_).lower()
        assert "ifrs" in text and "close" in text and "reconcil" in text, [q.text for q in plan_]


def test_nurse_gets_clinical_questions():
    resume, job = facts("icu-nurse"), job_facts("lanternwell-registered-nurse-virtual-care")
    for seed in range(3):
        plan_ = plan_interview(BANK, resume, job, PlanRequest(count=6, seed=seed))
        technical = [q for q in plan_ if q.kind == "technical"]
        assert technical and all(q.family == "nursing" for q in technical)
        assert any(q.kind == "resume" for q in plan_)


@pytest.mark.parametrize("job", ["registered nurse", "lanternwell-registered-nurse-virtual-care"])
def test_cli_nurse_resume_registered_nurse_job(cli, tmp_path, job):
    """End to end: upload a TXT resume, interview for "registered nurse" (words, then the slug)
    in script mode; the technical questions come from the nursing bank."""
    resume = tmp_path / "maria-okafor.txt"
    resume.write_text(NURSE_TXT, encoding="utf-8")
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps([]))
    assert cli("register", "--name", "Maria Okafor", "--email", "maria@example.com").exit_code == 0
    uploaded = cli("upload", str(resume), "--json")
    assert uploaded.exit_code == 0, uploaded.stderr
    out = cli("interview", "--job", job, "--answers", str(answers), "--json", "--seed", "4")
    assert out.exit_code == 0, out.stderr
    data = out.json()
    questions = _questions(data)
    nursing_ids = {q.id for q in BANK.families["nursing"].technical + BANK.families["nursing"].behavioral}
    technical = [q for q in questions if q.get("kind") == "technical"]
    assert technical and all(q.get("question_id") in nursing_ids or q.get("id") in nursing_ids
                             for q in technical), questions
    for q in questions:
        text = q.get("question") or q.get("text") or ""
        assert not problems(text, q.get("question_id") or q.get("id") or ""), text


def _questions(data):
    """The asked questions in the interview's JSON, whatever the key is called."""
    for key in ("answers", "questions"):
        if isinstance(data.get(key), list) and data[key]:
            return data[key]
    interview = data.get("interview") or {}
    for key in ("answers", "questions"):
        if isinstance(interview.get(key), list):
            return interview[key]
    raise AssertionError(f"no questions in {sorted(data)}")
