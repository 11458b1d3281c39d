"""Question planning and the end-of-interview report (pure domain logic)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mock_interview.domain.interview.bank import load_bank
from mock_interview.domain.interview.families import (
    SOFTWARE,
    detect_job_family,
    detect_resume_family,
    is_soft_skill,
)
from mock_interview.domain.interview.planner import (
    JobFacts,
    PlanRequest,
    ResumeFacts,
    _same_competency,
    plan_interview,
)
from mock_interview.domain.interview.report import AnswerRecord, build_report
from mock_interview.errors import UsageError

BANK = load_bank()
RESUME = ResumeFacts(skills=["Python", "Docker", "SQL", "Git"],
                     roles=[("Backend Developer", "Acme"), ("Intern", "Beta Labs")],
                     bullets=["Cut API latency by 40% with caching"], projects=["A rate limiter"],
                     degree="BSc Computer Science", institution="Uni of Somewhere", years=1.2)
JOB = JobFacts("Senior Python Backend Engineer", "Tallowbrook",
               ["Python", "PostgreSQL", "Kafka", "Docker"], "senior")


def plan(**kw):
    request = PlanRequest(**{"count": 6, "seed": 1, "matched_skills": ["Python", "Docker"],
                             "missing_skills": ["PostgreSQL", "Kafka"], **kw})
    return plan_interview(BANK, RESUME, JOB, request)


def test_bank_is_big_enough():
    assert len(BANK) >= 300
    assert len(BANK.skills()) >= 40
    assert all(q.key_points for q in BANK.technical)


def test_mixed_plan_has_depth_gap_resume_and_behaviour():
    questions = plan()
    assert len(questions) == 6
    kinds = [q.kind for q in questions]
    assert "technical" in kinds and "gap" in kinds and "resume" in kinds and "behavioral" in kinds
    skills = [q.skill for q in questions if q.kind == "technical"]
    assert skills[0] in {"Python", "Docker"}  # depth on what they have comes first
    gap = next(q for q in questions if q.kind == "gap")
    assert gap.skill in {"PostgreSQL", "Kafka"} and gap.skill in gap.text
    assert len({q.id for q in questions}) == 6
    for q in questions:
        assert "{" not in q.text and (q.follow_up is None or "{" not in q.follow_up)
        assert q.reason


@pytest.mark.parametrize("mix, allowed", [
    ("technical", {"technical", "gap"}),
    ("behavioral", {"behavioral", "situational", "resume"}),
])
def test_mix(mix, allowed):
    assert {q.kind for q in plan(mix=mix, count=8)} <= allowed


@pytest.mark.parametrize("difficulty", ["easy", "medium", "hard"])
def test_difficulty_is_respected_when_available(difficulty):
    technical = [q for q in plan(mix="technical", difficulty=difficulty) if q.kind == "technical"]
    assert technical and all(q.difficulty == difficulty for q in technical)


def test_seed_is_deterministic_and_history_is_avoided():
    first = [q.id for q in plan(seed=5)]
    assert first == [q.id for q in plan(seed=5)]
    second = [q.id for q in plan(seed=5, asked_before=set(first))]
    assert not set(first) & set(second)


def test_exhausted_bank_still_plans():
    everything = {q.id for q in BANK.technical + BANK.behavioral + BANK.resume_templates + BANK.gap_templates}
    assert len(plan(asked_before=everything)) == 6


def test_years_grammar_and_non_software_resume():
    nurse = ResumeFacts(skills=["Patient Care"], roles=[("Staff Nurse", "City Hospital")], years=1)
    job = JobFacts("Clinical Nurse", "Riverside Health", ["Patient Care", "Epic EHR"], "mid")
    questions = plan_interview(BANK, nurse, job,
                               PlanRequest(count=5, seed=2, missing_skills=["Epic EHR"]))
    assert len(questions) == 5
    assert all("1 years" not in q.text for q in questions)


def test_invalid_requests():
    for bad in ({"count": 0}, {"count": 31}, {"mix": "x"}, {"difficulty": "x"}):
        with pytest.raises(UsageError):
            plan(**bad)


def record(position, kind, overall, status="answered", follow_up_of=None, **grade):
    return AnswerRecord(position=position, kind=kind, question=f"Q{position}", status=status,
                        answer="We shipped it quickly and measured the result.",
                        skill="Python" if kind == "technical" else None,
                        competency="teamwork" if kind == "behavioral" else None,
                        follow_up_of=follow_up_of,
                        grade=None if status != "answered" else {
                            "technical": overall, "communication": overall, "job_match": overall,
                            "overall": overall, "star_parts": {"situation": True, "task": True,
                                                                "action": True, "result": False},
                            "missed_points": ["Mention generators"], **grade})


def test_report_counts_unanswered_as_zero_and_takes_best_follow_up():
    records = [record(0, "technical", 80), record(1, "behavioral", 30),
               record(2, "follow-up", 70, follow_up_of=1), record(3, "technical", 0, "unanswered")]
    report = build_report(records, ["Python", "Kafka"])
    assert report.overall_score == round((80 + 70 + 0) / 3, 1)
    assert report.technical_score == 40.0  # (80 + 0) / 2 over technical questions
    assert any("unanswered" in w for w in report.weaknesses)
    assert report.insights["star_parts_covered"]["result"] == 0
    assert any("result" in tip for tip in report.recommendations)
    assert "Kafka" in report.insights["job_terms_not_used"]


def test_report_of_nothing():
    assert build_report([]).overall_score == 0


# -- questions from the candidate's own field (issue #17) -------------------------------------

NURSE = ResumeFacts(skills=["Patient Care", "Medication Administration", "Wound Care", "IV Therapy",
                            "Communication"],
                    roles=[("Registered Nurse", "St Aldric Hospital"), ("Healthcare Assistant", "Fenwick Care")],
                    bullets=["Cut medication errors on the ward by 30% with a double-check routine"],
                    years=4)
NURSE_JOB = JobFacts("Staff Nurse, Night Duty (Part-time)", "Kilbarra Health",
                     ["Patient Care", "Clinical Documentation", "Communication", "Basic Life Support",
                      "Sepsis Management"], "mid",
                     "Night shifts on a 28-bed medical ward: patient assessment, early warning scores, "
                     "handover to the day team.")
NURSE_MISSING = ["Clinical Documentation", "Communication", "Basic Life Support", "Sepsis Management"]
ACCOUNTANT = ResumeFacts(skills=["Month-End Close", "Account Reconciliation", "Excel", "Journal Entries"],
                         roles=[("Staff Accountant", "Brickfield Ltd")], years=3)
ACCOUNTANT_JOB = JobFacts("Senior Accountant (IFRS)", "Vantquill",
                          ["IFRS", "Month-End Close", "Account Reconciliation", "Excel", "Leadership"],
                          "senior")


def nurse_plan(**kw):
    request = PlanRequest(**{"count": 6, "seed": 3, "missing_skills": NURSE_MISSING,
                             "matched_skills": ["Patient Care"], **kw})
    return plan_interview(BANK, NURSE, NURSE_JOB, request)


def test_families_are_detected():
    assert detect_job_family(BANK, NURSE_JOB.title, NURSE_JOB.skills_required) == "nursing"
    assert detect_resume_family(BANK, ["Registered Nurse"], NURSE.skills) == "nursing"
    assert detect_job_family(BANK, ACCOUNTANT_JOB.title, ACCOUNTANT_JOB.skills_required) == "accounting"
    assert detect_job_family(BANK, JOB.title, JOB.skills_required) == SOFTWARE
    assert detect_job_family(BANK, "Embedded Software Engineer (C++)", ["C++", "Linux"]) == "embedded"
    assert detect_job_family(BANK, "Machine Learning Engineer", ["Python", "PyTorch"]) == "data_science"
    assert detect_job_family(BANK, "Barista", []) is None


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_nurse_gets_clinical_technical_questions(seed):
    technical = nurse_plan(mix="technical", seed=seed)
    assert len(technical) == 6
    asked = [q for q in technical if q.kind == "technical"]
    assert len(asked) >= 5 and all(q.family == "nursing" for q in asked)
    assert all(q.misconceptions and q.reason for q in asked)
    mixed = nurse_plan(seed=seed)
    mixed_technical = [q for q in mixed if q.kind == "technical"]
    assert mixed_technical and all(q.family == "nursing" for q in mixed_technical)
    assert any(q.kind == "behavioral" and q.family == "nursing" for q in mixed)


def test_accountant_gets_ifrs_close_and_reconciliation():
    plan_ = plan_interview(BANK, ACCOUNTANT, ACCOUNTANT_JOB,
                           PlanRequest(count=6, mix="technical", seed=4, missing_skills=["IFRS", "Leadership"],
                                       matched_skills=["Month-End Close", "Account Reconciliation", "Excel"]))
    technical = [q for q in plan_ if q.kind == "technical"]
    assert technical and all(q.family == "accounting" or q.skill == "Excel" for q in technical)
    text = " ".join(q.text + " " + (q.skill or "") for q in plan_).lower()
    assert "ifrs" in text and "close" in text and "reconcil" in text


def test_core_skills_of_the_own_field_are_not_gaps():
    for seed in range(5):
        for mix in ("mixed", "technical"):
            for q in nurse_plan(seed=seed, mix=mix):
                assert q.skill not in {"Clinical Documentation", "Basic Life Support"} or \
                    "does not show" not in q.reason
                if q.kind == "gap":
                    assert q.skill == "Sepsis Management"


def test_core_skills_are_gaps_for_someone_from_another_field():
    developer = ResumeFacts(skills=["Python", "SQL"], roles=[("Backend Developer", "Acme")])
    plan_ = plan_interview(BANK, developer, NURSE_JOB,
                           PlanRequest(count=6, seed=1, missing_skills=NURSE_JOB.skills_required))
    gap = next(q for q in plan_ if q.kind == "gap")
    assert gap.skill in {"Patient Care", "Clinical Documentation", "Basic Life Support", "Sepsis Management"}
    assert all(q.family == "nursing" for q in plan_ if q.kind == "technical")


def test_soft_skills_are_never_gaps():
    soft = ["Communication", "Leadership", "Stakeholder Management", "Teamwork", "Negotiation"]
    assert all(is_soft_skill(BANK, s) for s in soft)
    job = JobFacts("Senior Python Backend Engineer", "Tallowbrook", ["Python", *soft, "Kafka"], "senior")
    for seed in range(8):
        for mix in ("mixed", "technical"):
            plan_ = plan_interview(BANK, RESUME, job, PlanRequest(
                count=8, mix=mix, seed=seed, matched_skills=["Python"], missing_skills=[*soft, "Kafka"]))
            for q in plan_:
                assert q.skill not in soft, (q.kind, q.skill)
                if q.kind == "gap":
                    assert q.skill == "Kafka"
    only_soft = plan_interview(BANK, RESUME, JobFacts("Team Lead", "X", soft, "lead"),
                               PlanRequest(count=6, seed=1, missing_skills=soft))
    assert not any(q.kind == "gap" for q in only_soft)


def test_a_gap_with_a_related_skill_is_a_transfer_question():
    # PostgreSQL is missing, but SQL (related) is on the resume
    for seed in range(6):
        gaps = [q for q in plan(seed=seed, missing_skills=["PostgreSQL"]) if q.kind == "gap"]
        assert gaps and gaps[0].skill == "PostgreSQL"
        assert "SQL" in gaps[0].text.replace("PostgreSQL", "") and "related" in gaps[0].reason
        assert "new to you" not in gaps[0].text


def test_no_competency_twice_in_one_interview():
    for seed in range(6):
        for resume, job, missing in ((NURSE, NURSE_JOB, NURSE_MISSING), (RESUME, JOB, ["Kafka"]),
                                     (ACCOUNTANT, ACCOUNTANT_JOB, ["IFRS"])):
            for count, mix in ((6, "mixed"), (12, "behavioral"), (10, "mixed")):
                plan_ = plan_interview(BANK, resume, job, PlanRequest(
                    count=count, mix=mix, seed=seed, missing_skills=missing))
                competencies = [q.competency for q in plan_ if q.kind in ("behavioral", "situational")]
                for i, a in enumerate(competencies):
                    assert not any(_same_competency(a, b) for b in competencies[i + 1:]), competencies


def test_family_behaviour_and_no_repeats_over_five_interviews():
    asked: set[str] = set()
    for seed in range(5):
        plan_ = nurse_plan(seed=seed, asked_before=set(asked))
        assert plan_ == nurse_plan(seed=seed, asked_before=set(asked))  # deterministic
        assert any(q.family == "nursing" and q.kind == "behavioral" for q in plan_)
        ids = {q.id for q in plan_}
        assert not ids & asked
        asked |= ids


def test_a_field_without_a_bank_borrows_the_closest_and_says_so():
    hr_job = JobFacts("HR Generalist", "Pebblewick",
                      ["Employee Relations", "Recruiting", "HRIS", "Excel", "Project Management"], "mid")
    without_hr = replace(BANK, families={k: v for k, v in BANK.families.items() if k != "hr"},
                         technical=tuple(q for q in BANK.technical if q.family != "hr"),
                         behavioral=tuple(q for q in BANK.behavioral if q.family != "hr"))
    resume = ResumeFacts(skills=["Recruiting"], roles=[("Recruiter", "Acme")])
    plan_ = plan_interview(without_hr, resume, hr_job, PlanRequest(count=5, mix="technical", seed=1))
    technical = [q for q in plan_ if q.kind == "technical"]
    assert technical, [q.kind for q in plan_]
    # Each question is either on a skill the job names, or says it borrows the closest field.
    assert all("closest field" in q.reason or q.skill in hr_job.skills_required for q in technical)
    assert any("closest field" in q.reason for q in plan_interview(
        without_hr, resume, JobFacts("HR Generalist", "Pebblewick", ["Employee Relations", "Recruiting", "HRIS",
                                                                   "Stakeholder Management", "Budgeting"], "mid"),
        PlanRequest(count=5, mix="technical", seed=2)))
    hr_only = JobFacts("HR Generalist", "Pebblewick", ["Employee Relations", "Recruiting", "HRIS"], "mid")
    with_hr = plan_interview(BANK, resume, hr_only, PlanRequest(count=5, mix="technical", seed=1))
    assert all(q.family == "hr" for q in with_hr if q.kind == "technical")


def test_technical_never_falls_back_silently():
    barista = JobFacts("Barista", "Bean There", [], "junior")
    plan_ = plan_interview(BANK, ResumeFacts(), barista, PlanRequest(count=3, mix="technical", seed=1))
    assert len(plan_) == 3
    assert all(q.kind == "technical" or "no technical question bank" in q.reason for q in plan_)
