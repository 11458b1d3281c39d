"""The end-of-interview result: the four scores, strengths, weaknesses, recommendations, insights.

Input is the per-answer record (question, kind, skill, answer status and the grade as JSON);
an unanswered or skipped question counts as 0 so a half-finished interview cannot look perfect.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from mock_interview.domain.score_bands import GOOD_FROM

TECHNICAL_KINDS = {"technical", "gap"}
STOPWORDS = set(
    "a an the and or but if then so to of in on at by for with from as is are was were be been "
    "being it its this that these those i me my we our you your they them their he she his her "
    "not no yes do does did done have has had will would can could should may might must also "
    "very just about into over than too more most some any all each which who whom what when "
    "where why how there here up out get got make made use used using one two like".split()
)


@dataclass
class AnswerRecord:
    position: int
    kind: str
    question: str
    status: str  # answered | skipped | unanswered
    answer: str | None = None
    skill: str | None = None
    competency: str | None = None
    follow_up_of: int | None = None
    grade: Mapping[str, Any] | None = None  # AnswerGrade.to_json()


@dataclass
class InterviewReport:
    technical_score: float
    communication_score: float
    job_match_score: float
    overall_score: float
    strengths: list[str] = field(default_factory=list)
    weaknesses: list[str] = field(default_factory=list)
    recommendations: list[str] = field(default_factory=list)
    insights: dict[str, Any] = field(default_factory=dict)


def _mean(values: Sequence[float]) -> float:
    return round(sum(values) / len(values), 1) if values else 0.0


def _score(record: AnswerRecord, key: str) -> float:
    if record.status != "answered" or not record.grade:
        return 0.0
    return float(record.grade.get(key) or 0.0)


def build_report(records: Sequence[AnswerRecord], job_terms: Sequence[str] = ()) -> InterviewReport:
    main = [r for r in records if r.follow_up_of is None]
    if not main:
        return InterviewReport(0, 0, 0, 0, recommendations=["Answer at least one question."])
    # A follow-up completes its question: the better of the two counts for that question.
    best: dict[int, AnswerRecord] = {r.position: r for r in main}
    for r in records:
        if r.follow_up_of is not None and r.follow_up_of in best:
            parent = best[r.follow_up_of]
            if _score(r, "overall") > _score(parent, "overall"):
                best[r.follow_up_of] = AnswerRecord(**{**r.__dict__, "kind": parent.kind,
                                                       "skill": parent.skill,
                                                       "competency": parent.competency})
    finals = list(best.values())
    technical_pool = [r for r in finals if r.kind in TECHNICAL_KINDS] or finals
    report = InterviewReport(
        technical_score=_mean([_score(r, "technical") for r in technical_pool]),
        communication_score=_mean([_score(r, "communication") for r in finals]),
        job_match_score=_mean([_score(r, "job_match") for r in finals]),
        overall_score=_mean([_score(r, "overall") for r in finals]),
    )
    answered = [r for r in records if r.status == "answered" and r.grade]
    _strengths_and_weaknesses(report, finals, answered)
    report.insights = _insights(answered, job_terms)
    report.recommendations = _recommendations(report, finals, answered)
    return report


KIND_TOPICS = {"resume": "your own experience", "gap": "skill gaps", "technical": "technical depth",
               "behavioral": "behavioural stories", "situational": "situational judgement"}


def _topic(record: AnswerRecord) -> str:
    return record.skill or record.competency or KIND_TOPICS.get(record.kind, record.kind)


def _strengths_and_weaknesses(report: InterviewReport, finals: Sequence[AnswerRecord],
                              answered: Sequence[AnswerRecord]) -> None:
    ranked = sorted((r for r in finals if r.status == "answered" and r.grade),
                    key=lambda r: -_score(r, "overall"))
    for record in ranked:
        if _score(record, "overall") >= GOOD_FROM and len(report.strengths) < 3:
            report.strengths.append(f"Strong answer on {_topic(record)} ({_score(record, 'overall'):.0f}/100)")
    for record in reversed(ranked):
        if _score(record, "overall") < 50 and len(report.weaknesses) < 3:
            report.weaknesses.append(f"Weak answer on {_topic(record)} ({_score(record, 'overall'):.0f}/100)")
    skipped = [r for r in finals if r.status != "answered"]
    if skipped:
        report.weaknesses.append(f"{len(skipped)} question(s) left unanswered")
    notes = Counter()
    for record in answered:
        for text in record.grade.get("strengths") or []:
            notes[("s", text)] += 1
        for text in record.grade.get("weaknesses") or []:
            notes[("w", text)] += 1
    for (side, text), _count in notes.most_common():
        target = report.strengths if side == "s" else report.weaknesses
        if len(target) < 5 and text not in target:
            target.append(text)


def _insights(answered: Sequence[AnswerRecord], job_terms: Sequence[str]) -> dict[str, Any]:
    used_terms: list[str] = []
    star = Counter()
    star_questions = 0
    words = Counter()
    fillers = hedges = 0
    for record in answered:
        grade = record.grade
        for term in grade.get("job_terms_used") or []:
            if term not in used_terms:
                used_terms.append(term)
        parts = grade.get("star_parts") or {}
        if record.kind in {"behavioral", "situational", "resume"} and parts:
            star_questions += 1
            star.update(name for name, present in parts.items() if present)
        fillers += int(grade.get("filler_count") or 0)
        hedges += int(grade.get("hedge_count") or 0)
        for word in re.findall(r"[a-z][a-z'-]{2,}", (record.answer or "").lower()):
            if word not in STOPWORDS:
                words[word] += 1
    unused = [t for t in job_terms if t not in used_terms]
    return {
        "job_terms_used": used_terms,
        "job_terms_not_used": unused[:10],
        "most_repeated_words": [{"word": w, "count": c} for w, c in words.most_common(5) if c > 1],
        "star_parts_covered": {p: star.get(p, 0) for p in ("situation", "task", "action", "result")},
        "star_questions": star_questions,
        "filler_words": fillers,
        "hedges": hedges,
    }


def _recommendations(report: InterviewReport, finals: Sequence[AnswerRecord],
                     answered: Sequence[AnswerRecord]) -> list[str]:
    tips: list[str] = []
    weak_topics = [_topic(r) for r in sorted(finals, key=lambda r: _score(r, "overall"))
                   if _score(r, "overall") < 60]
    if weak_topics:
        tips.append(f"Practise next: {', '.join(dict.fromkeys(weak_topics[:3]))}.")
    missed = [p for r in answered for p in (r.grade.get("missed_points") or [])]
    if missed:
        tips.append(f"Cover the key points you missed, e.g. \u201c{missed[0]}\u201d.")
    insights = report.insights
    star = insights.get("star_parts_covered", {})
    if insights.get("star_questions") and star.get("result", 0) < insights["star_questions"]:
        tips.append("End stories with the result: what changed, ideally with a number.")
    if insights.get("filler_words", 0) >= 3:
        tips.append("Cut filler words (um, basically, like): pause instead.")
    if insights.get("hedges", 0) >= 3:
        tips.append("Say what you know plainly; hedging (I think, maybe) undersells you.")
    if insights.get("job_terms_not_used"):
        tips.append(f"Use the job's own terms where true for you: "
                    f"{', '.join(insights['job_terms_not_used'][:4])}.")
    if report.communication_score < 50 and answered:
        tips.append("Give fuller answers: aim for the suggested length with a clear structure.")
    return tips[:6] or ["Keep practising with harder questions: --difficulty hard."]
