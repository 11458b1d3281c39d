"""Interviews read back: one interview's report, typed, and the list of a person's interviews.

``describe`` builds the interview's document, the versioned shape `interview show --json`
prints; ``InterviewReport`` keeps it for JSON (``to_json``) and reads from it the questions
(in threads of a main question and its follow-ups), scores, notes, feedback and insights the
terminal screens and the Markdown and HTML reports show.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from mock_interview.services.context import AppContext

SCORE_KEYS = ("overall", "technical", "communication", "job_match")


@dataclass(frozen=True)
class EvidenceQuote:
    """A sentence of the answer quoted as evidence, with every point it proves or breaks."""

    polarity: str  # strength | weakness
    quote: str
    points: tuple[str, ...]


@dataclass(frozen=True)
class Attempt:
    number: int
    counts: bool  # the better attempt counts
    overall: float | None
    answer: str | None


@dataclass(frozen=True)
class ModelAnswer:
    text: str
    by_model: bool  # written by the model, else built from the key points and the resume


@dataclass(frozen=True)
class ReportQuestion:
    """One asked question with the answer given, its scores and feedback."""

    position: int
    follow_up_of: int | None
    kind: str | None
    skill: str | None
    competency: str | None
    text: str
    status: str  # answered | skipped | unanswered | asked
    answer: str | None
    scores: dict[str, float | None] | None  # per dimension; None when not graded
    strengths: tuple[str, ...]
    weaknesses: tuple[str, ...]
    evidence: tuple[EvidenceQuote, ...]
    attempts: tuple[Attempt, ...]
    improvement: float | None  # the better attempt's overall minus the first's
    model_answer: ModelAnswer | None
    note: Mapping[str, str] | None  # the coach's note on an answered question

    @property
    def overall(self) -> float | None:
        return None if not self.scores else float(self.scores.get("overall") or 0.0)


@dataclass(frozen=True)
class QuestionThread:
    """A main question and its follow-ups; ``number`` counts main questions from 1."""

    number: int
    main: ReportQuestion
    follow_ups: tuple[ReportQuestion, ...]


@dataclass(frozen=True)
class Insights:
    job_terms_used: tuple[str, ...]
    job_terms_not_used: tuple[str, ...]
    repeated_words: tuple[tuple[Any, Any], ...]  # (word, count), most repeated first
    star_questions: int  # story questions answered
    star_parts_covered: Mapping[str, int]  # STAR part -> answers that told it
    filler_words: int
    hedges: int


@dataclass(frozen=True)
class ReportResult:
    """The finished interview's result."""

    scores: dict[str, float]  # overall, technical, communication, job_match
    strengths: tuple[str, ...]
    weaknesses: tuple[str, ...]
    recommendations: tuple[str, ...]
    insights: Insights | None


@dataclass(frozen=True)
class ReportSettings:
    count: Any
    mix: Any
    difficulty: Any
    time_limit: Any
    seed: Any


@dataclass(frozen=True)
class InterviewReport:
    """What the result screens and the Markdown and HTML reports show; ``document`` is what JSON
    export and `--json` write."""

    interview_id: str
    status: str | None
    engine: str | None
    started_at: str | None  # ISO 8601
    job_title: str | None
    job_company: str | None
    settings: ReportSettings
    match_score: float | None  # resume-job match, 0-100
    result: ReportResult | None  # None until the interview is finished
    threads: tuple[QuestionThread, ...]
    document: Mapping[str, Any]

    def to_json(self) -> dict[str, Any]:
        """The interview's document, as `interview show --json` prints it."""
        return dict(self.document)

    @property
    def questions(self) -> list[ReportQuestion]:
        """Every asked question in interview order, follow-ups after their question."""
        return [q for thread in self.threads for q in (thread.main, *thread.follow_ups)]

    @classmethod
    def from_document(cls, data: Mapping[str, Any]) -> InterviewReport:
        """Read an interview's ``describe()`` document (missing parts read as empty)."""
        job = data.get("job") or {}
        settings = data.get("settings") or {}
        match = data.get("match") or {}
        score = match.get("score") if isinstance(match, Mapping) else None
        return cls(
            interview_id=str(data.get("interview_id") or ""),
            status=data.get("status"),
            engine=data.get("engine"),
            started_at=data.get("started_at"),
            job_title=job.get("title"),
            job_company=job.get("company"),
            settings=ReportSettings(settings.get("count"), settings.get("mix"), settings.get("difficulty"),
                                    settings.get("time_limit"), settings.get("seed")),
            match_score=float(score) if isinstance(score, (int, float)) else None,
            result=_result(data.get("result")),
            threads=_threads(data.get("questions") or []),
            document=data,
        )


def interview_report(ctx: AppContext, interview_id: str) -> InterviewReport:
    """The report of one interview, found by its id or the id's first characters."""
    from mock_interview.services.interview import find_interview

    return report_of(ctx, find_interview(ctx, interview_id).id)


def report_of(ctx: AppContext, interview_id: uuid.UUID) -> InterviewReport:
    """The report of the interview with this id."""
    return InterviewReport.from_document(describe(ctx, interview_id))


def resume_examples(ctx: AppContext, resume_id: Any) -> list[tuple[str | None, str]]:
    """The resume's experience as examples for model answers; none without the resume."""
    from mock_interview.domain.interview.coaching import resume_examples as examples_of
    from mock_interview.store import resumes as resume_store

    resume = resume_store.get(ctx.database(), resume_id)
    return examples_of(resume.experience) if resume is not None else []


def describe(ctx: AppContext, interview_id: uuid.UUID) -> dict[str, Any]:
    """The whole interview as JSON (`interview show --json`, versioned): questions with answers
    and scores, and the result."""
    from mock_interview.services import llm
    from mock_interview.store import interviews as store

    interview, rows, result = store.load_with_result(ctx.database(), interview_id)
    return document_from(interview, rows, result, resume_examples(ctx, interview.resume_id),
                         lambda: llm.usage(ctx, interview.id))


def document_from(interview: Any, rows: list[Any], result: Any,
                  examples: list[tuple[str | None, str]],
                  usage: Callable[[], dict[str, Any] | None]) -> dict[str, Any]:
    """The interview's document from its rows (read by the store, or by services/quick.py):
    ``examples`` from the resume for model answers, ``usage`` the ledger's summary, asked for
    only when the interview used a model."""
    from mock_interview.domain.interview.coaching import answer_note
    from mock_interview.domain.interview.transcript import attempts_of, model_answer_for, question_for

    settings = interview.settings or {}
    questions = []
    for row in rows:
        feedback = row.feedback or {}
        attempts = attempts_of(row)
        model = None
        if row.status != "asked":  # never while the question waits for its answer
            try:
                model = model_answer_for(question_for(interview, row, rows), feedback, examples)
            except IndexError:  # a row outside the plan (never written by this code)
                model = None
        questions.append({
            "position": row.position, "question_id": row.question_id, "kind": row.kind,
            "skill": row.skill, "competency": row.competency, "difficulty": row.difficulty,
            "question": row.question, "follow_up_of": row.follow_up_of, "answer": row.answer,
            "status": row.status,
            "scores": None if row.overall_score is None else {
                "technical": row.technical_score, "communication": row.communication_score,
                "job_match": row.job_match_score, "overall": row.overall_score},
            "feedback": feedback or None, "engine": row.engine,
            "duration_seconds": row.duration_seconds, "time_limit_seconds": row.time_limit_seconds,
            "note": answer_note(feedback) if row.status == "answered" else None,
            "model_answer": model,
            "attempt": row.attempt, "attempts": attempts,
            "improvement": None if not attempts or attempts[0]["scores"] is None or row.overall_score is None
            # from the scores as shown (one decimal), so the two shown numbers and the gain agree
            else round(round(row.overall_score, 1) - round(attempts[0]["scores"]["overall"], 1), 1),
        })
    return {
        "interview_id": str(interview.id), "status": interview.status, "engine": interview.engine,
        "started_at": interview.started_at.isoformat(),
        "completed_at": interview.completed_at.isoformat() if interview.completed_at else None,
        "job": {"id": str(interview.job_id) if interview.job_id else None,
                "title": settings.get("job_title"), "company": settings.get("job_company")},
        "resume_id": str(interview.resume_id) if interview.resume_id else None,
        "settings": {k: settings.get(k) for k in ("count", "mix", "difficulty", "seed", "time_limit")},
        "match": settings.get("match"),
        "score_scale": "0-100",
        "questions": questions,
        "llm": _llm_report(interview, rows, usage),
        "result": None if result is None else {
            "technical_score": result.technical_score,
            "communication_score": result.communication_score,
            "job_match_score": result.job_match_score, "overall_score": result.overall_score,
            "strengths": result.strengths, "weaknesses": result.weaknesses,
            "recommendations": result.recommendations, "insights": result.insights,
        },
    }


def _llm_report(interview: Any, rows: list[Any],
                usage: Callable[[], dict[str, Any] | None]) -> dict[str, Any] | None:
    """Which engine produced what, and the cost ledger; None for an interview with no model."""
    from mock_interview.engines import registry

    settings = interview.settings or {}
    if not registry.capabilities_of(interview.engine).calls_model and not settings.get("llm"):
        return None
    engines: dict[str, int] = {}
    pending = 0
    reasons: dict[str, int] = {}
    for row in rows:
        if row.status != "answered":
            continue
        state = (row.feedback or {}).get("llm") or {}
        if state.get("status") == "pending":
            pending += 1
        elif state.get("status") == "fallback":
            reasons[state.get("reason") or "?"] = reasons.get(state.get("reason") or "?", 0) + 1
        engines[row.engine or "offline"] = engines.get(row.engine or "offline", 0) + 1
    stored = settings.get("llm") or {}
    return {
        "model": stored.get("model"), "endpoint": stored.get("endpoint"),
        "max_cost": stored.get("max_cost"), "plan_engine": settings.get("plan_engine"),
        "answers_by_engine": engines, "pending_gradings": pending, "fallbacks": reasons,
        "usage": usage(),
    }


def list_interviews(ctx: AppContext, limit: int = 50) -> list[dict[str, Any]]:
    from mock_interview.services import profiles
    from mock_interview.store import interviews as store

    me = profiles.current(ctx)
    rows = store.with_results(ctx.database(), uuid.UUID(me.id), limit)
    return [{
        "interview_id": str(i.id), "status": i.status, "started_at": i.started_at.isoformat(),
        "job_title": (i.settings or {}).get("job_title"),
        "job_company": (i.settings or {}).get("job_company"),
        "questions": (i.settings or {}).get("count"),
        "overall_score": r.overall_score if r else None,
    } for i, r in rows]


def _result(result: Mapping[str, Any] | None) -> ReportResult | None:
    if not result:
        return None
    return ReportResult(
        scores={key: float(result.get(f"{key}_score") or 0.0) for key in SCORE_KEYS},
        strengths=tuple(result.get("strengths") or ()),
        weaknesses=tuple(result.get("weaknesses") or ()),
        recommendations=tuple(result.get("recommendations") or ()),
        insights=_insights(result.get("insights")),
    )


def _insights(insights: Mapping[str, Any] | None) -> Insights | None:
    if not insights:
        return None
    return Insights(
        job_terms_used=tuple(insights.get("job_terms_used") or ()),
        job_terms_not_used=tuple(insights.get("job_terms_not_used") or ()),
        repeated_words=tuple((w.get("word"), w.get("count")) for w in insights.get("most_repeated_words") or ()),
        star_questions=int(insights.get("star_questions") or 0),
        star_parts_covered=insights.get("star_parts_covered") or {},
        filler_words=int(insights.get("filler_words") or 0),
        hedges=int(insights.get("hedges") or 0),
    )


def _threads(questions: list[Mapping[str, Any]]) -> tuple[QuestionThread, ...]:
    """Questions grouped under their main question, in interview order."""
    mains: list[tuple[ReportQuestion, list[ReportQuestion]]] = []
    by_position: dict[int, list[ReportQuestion]] = {}
    for item in questions:
        question = _question(item)
        parent = question.follow_up_of
        if parent is not None and parent in by_position:
            by_position[parent].append(question)
            continue
        follow_ups: list[ReportQuestion] = []
        by_position[question.position] = follow_ups
        mains.append((question, follow_ups))
    return tuple(QuestionThread(number, main, tuple(follow_ups))
                 for number, (main, follow_ups) in enumerate(mains, start=1))


def _question(question: Mapping[str, Any]) -> ReportQuestion:
    feedback = question.get("feedback") or {}
    model = question.get("model_answer")
    return ReportQuestion(
        position=question["position"],
        follow_up_of=question.get("follow_up_of"),
        kind=question.get("kind"),
        skill=question.get("skill"),
        competency=question.get("competency"),
        text=str(question.get("question") or ""),
        status=question.get("status") or "",
        answer=question.get("answer"),
        scores=question.get("scores") or None,
        strengths=tuple(feedback.get("strengths") or ()),
        weaknesses=tuple(feedback.get("weaknesses") or ()),
        evidence=_evidence(feedback),
        attempts=tuple(Attempt(number=a["attempt"], counts=bool(a.get("counts")),
                               overall=(a.get("scores") or {}).get("overall"), answer=a.get("answer"))
                       for a in question.get("attempts") or ()),
        improvement=question.get("improvement"),
        model_answer=(ModelAnswer(str(model["text"]), model.get("source") == "model")
                      if model and model.get("text") else None),
        note=question.get("note") or None,
    )


def _evidence(feedback: Mapping[str, Any]) -> tuple[EvidenceQuote, ...]:
    """One entry per quote: one sentence often proves several points."""
    grouped: dict[tuple[str, str], list[str]] = {}
    for item in feedback.get("evidence") or []:
        quote = str(item.get("quote") or "").strip()
        if not quote:
            continue
        points = grouped.setdefault((item.get("polarity") or "strength", quote), [])
        point = item.get("point")
        if point and point not in points:
            points.append(str(point))
    return tuple(EvidenceQuote(polarity, quote, tuple(points)) for (polarity, quote), points in grouped.items())
