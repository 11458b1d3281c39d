"""One interview as its reports read it: typed results gathered from the interview's document.

The document is ``interview.describe()``, the versioned shape `interview show --json` prints;
the report keeps it for JSON export and reads from it the questions (in threads of a main
question and its follow-ups), scores, feedback and insights the Markdown and HTML reports show.
"""

from __future__ import annotations

from collections.abc import Mapping
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
    """What the Markdown and HTML reports show; ``document`` is what JSON export writes."""

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
    from mock_interview.services import interview

    found = interview.find_interview(ctx, interview_id)
    return InterviewReport.from_document(interview.describe(ctx, found.id))


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
