"""Question planning and the end-of-interview report (pure domain logic)."""

from __future__ import annotations

import pytest

from mock_interview.domain.interview.bank import load_bank
from mock_interview.domain.interview.planner import (
    JobFacts,
    PlanRequest,
    ResumeFacts,
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
