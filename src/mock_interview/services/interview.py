"""The interview as a state machine: plan → ask → answer → (follow-up?) → grade → next → complete.

UI-agnostic: the terminal loop, script mode (--answers) and batch evaluation drive the same
``InterviewSession``. Every step is committed before the next question is shown, and the
state is derived from committed rows only, so a killed process resumes exactly where it was.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from mock_interview.domain.interview.planner import PlannedQuestion
from mock_interview.domain.interview.transcript import FOLLOW_UP, question_for
from mock_interview.errors import ConfigError, NotFoundError, UsageError
from mock_interview.services.background_grading import GradingPool, Notices
from mock_interview.services.context import AppContext
from mock_interview.services.llm import ENGINES as ENGINES  # auto and every registered engine

FINISH_WAIT_MARGIN = 5.0  # seconds past one model timeout that `finish` waits for gradings


@dataclass
class InterviewOptions:
    job: str | None = None
    resume: str | None = None
    count: int = 6
    mix: str = "mixed"
    difficulty: str = "medium"
    seed: int | None = None
    time_limit: int | None = None
    engine: str = "auto"
    # The LLM engine (services/llm.py): flags over environment over config file.
    base_url: str | None = None
    model: str | None = None
    max_cost: float | None = None
    # Batches (services/evaluate.py): one semaphore caps the model requests in flight across
    # all interviews, and each interview may have several gradings under way (its answers are
    # all given at once); a person at a terminal gets one grading at a time.
    call_limiter: Any = None
    grader_workers: int = 1


@dataclass
class AskedQuestion:
    """The question on screen now."""

    position: int
    number: int  # 1-based among main questions
    total: int
    kind: str
    text: str
    skill: str | None
    competency: str | None
    difficulty: str | None
    is_follow_up: bool
    time_limit: int | None
    asked_at: datetime
    target_words: list[int] = field(default_factory=list)


@dataclass
class SubmitOutcome:
    scores: dict[str, float]
    follow_up_asked: bool
    done: bool
    # True when the model grades this answer in the background: the scores are the instant
    # offline estimate, replaced when the model's grade arrives (see `reports.describe`).
    provisional: bool = False
    # The coach's note: wrong_claim, best, missed, tip (coaching.answer_note).
    note: dict[str, str] = field(default_factory=dict)
    # /retry: which attempt this was, whether it is the one that counts, and the score it beat
    # or did not beat.
    attempt: int = 1
    counts: bool = True
    previous_overall: float | None = None


def _engine(name: str, ctx: AppContext | None = None, options: InterviewOptions | None = None,
            *, llm: dict[str, Any] | None = None) -> Any:
    """The engine for ``name`` (auto or a registered engine; see ``llm.open_engine``). ``llm``
    holds the stored model settings of a resumed interview; flags in ``options`` win."""
    from mock_interview.services import llm as llm_service

    stored = llm or {}
    return llm_service.open_engine(
        ctx, name,
        base_url=(options.base_url if options else None) or stored.get("base_url"),
        model=(options.model if options else None) or stored.get("model"),
        max_cost=options.max_cost if options and options.max_cost is not None else stored.get("max_cost"),
        limiter=options.call_limiter if options else None)


def _brief(engine: Any, resume: Any, job_title: str | None, job_company: str | None,
           job_level: str | None, job_skills: list[str]) -> None:
    """Tell an engine that reads them the job and the resume."""
    from mock_interview.domain.interview.planner import ResumeFacts
    from mock_interview.engines.base import Background

    facts = None
    if resume is not None:
        facts = ResumeFacts.from_parsed(resume.skills, resume.experience, resume.education,
                                        resume.sections, resume.total_years_experience)
    engine.brief(Background(job_title=job_title or "", job_company=job_company or "",
                            job_level=job_level, job_skills=list(job_skills or []), resume=facts))


def _history_notes(ctx: AppContext, user_id: uuid.UUID) -> tuple[list[str], list[str]]:
    """(recent question texts, skills scored lowest) for the plan call."""
    from mock_interview.domain.interview.transcript import recent_and_weak
    from mock_interview.store import interviews as store

    return recent_and_weak(store.recent_main_answers(ctx.database(), user_id))


def _plan_failed_hard(chosen: Any) -> None:
    """An engine named explicitly (--engine openai) whose endpoint refuses the key or does not
    know the model cannot work at all: say so (exit 4) before anything is stored."""
    failure = chosen.engine.plan_failure
    if failure is not None and chosen.explicit and failure.reason in {"auth", "not-found"}:
        from mock_interview.services.llm import provider_error

        raise provider_error(failure.reason, failure.detail)


# -- starting ---------------------------------------------------------------------------------------

def _resolve_resume(ctx: AppContext, user_id: uuid.UUID, key: str | None) -> Any:
    from mock_interview.services import resumes

    if key:
        return resumes.find_resume(ctx, key, user_id)
    found = resumes.list_resumes(ctx, user_id)
    if not found:
        raise ConfigError("no resume to interview on",
                          hint="upload one first: mock-interview upload cv.pdf")
    return found[0]


def _prepare(ctx: AppContext, options: InterviewOptions) -> tuple[Any, Any, uuid.UUID]:
    """The engine (with fallbacks reported once) and the active person, for a new interview."""
    from mock_interview.services import profiles

    chosen = _engine(options.engine, ctx, options)
    notices = Notices(chosen.config)
    chosen.engine.on_fallback = notices.fallback
    return chosen, notices, uuid.UUID(profiles.current(ctx).id)


def _model_settings(chosen: Any, plan_engine: str, job_level: str | None) -> dict[str, Any]:
    """What an interview stores about the engines beyond the name: the model's settings, who
    wrote the plan, and the job level its prompts were given."""
    caps = chosen.engine.capabilities
    settings: dict[str, Any] = {}
    if chosen.config is not None:
        settings["llm"] = chosen.stored_settings()
    if caps.writes_questions:
        settings["plan_engine"] = plan_engine
    if caps.reads_background:
        settings["job_level"] = job_level
    return settings


def start(ctx: AppContext, options: InterviewOptions, *, job: Any | None = None) -> InterviewSession:
    """Plan and store a new interview; returns the session positioned on question 1."""
    import random

    from mock_interview.domain.interview.bank import load_bank
    from mock_interview.domain.interview.planner import JobFacts, PlanRequest, ResumeFacts
    from mock_interview.domain.matching import match_job
    from mock_interview.engines.base import PlanNotes
    from mock_interview.services import jobs
    from mock_interview.store import interviews as store

    if options.time_limit is not None and not 10 <= options.time_limit <= 3600:
        raise UsageError("--time-limit must be between 10 and 3600 seconds")
    chosen, notices, user_id = _prepare(ctx, options)
    engine = chosen.engine
    resume = _resolve_resume(ctx, user_id, options.resume)
    if job is None:
        if not options.job:
            raise UsageError("which job? give --job ID", hint="find one with mock-interview search-jobs")
        job = jobs.resolve_job(ctx, options.job)
    _, related = jobs._skill_functions()
    match = match_job(jobs.candidate_for(resume), jobs._job_fields(job), related,
                      jobs.term_stats(ctx))
    asked_before = store.asked_question_ids(ctx.database(), user_id)
    seed = options.seed if options.seed is not None else random.SystemRandom().randrange(1 << 31)
    request = PlanRequest(count=options.count, mix=options.mix, difficulty=options.difficulty,
                          seed=seed, matched_skills=match.matched_skills,
                          missing_skills=match.missing_skills, asked_before=asked_before)
    resume_facts = ResumeFacts.from_parsed(resume.skills, resume.experience, resume.education,
                                           resume.sections, resume.total_years_experience)
    job_facts = JobFacts(job.title, job.company, list(job.skills_required or []),
                         job.experience_level, getattr(job, "description", None) or "")
    notes = None
    if engine.capabilities.writes_questions:
        request.validate()  # before the history is read for the notes
        recent, weak = _history_notes(ctx, user_id)
        notes = PlanNotes(match.score, list(match.matched_skills), list(match.missing_skills),
                          recent, weak)
    if engine.capabilities.reads_background:
        _brief(engine, resume, job.title, job.company, job.experience_level,
               list(job.skills_required or []))
    plan = engine.plan(load_bank(), resume_facts, job_facts, request, notes)
    _plan_failed_hard(chosen)
    if not plan:
        raise ConfigError("no questions could be planned for this resume and job")
    settings = {
        "count": len(plan), "mix": options.mix, "difficulty": options.difficulty, "seed": seed,
        "time_limit": options.time_limit, "job_title": job.title, "job_company": job.company,
        "job_terms": list(job.skills_required or []), "match": match.to_json(),
        "resume_filename": resume.filename,
        **_model_settings(chosen, engine.plan_engine, job.experience_level),
    }
    session = _open(ctx, user_id, resume.id, job.id, plan, chosen, settings, notices,
                    grader_workers=options.grader_workers)
    session.job_heading = jobs.heading(job.title, job.company, resume.filename, match.score)
    return session


def _open(ctx: AppContext, user_id: uuid.UUID, resume_id: Any, job_id: Any,
          plan: list[PlannedQuestion], chosen: Any, settings: dict[str, Any],
          notices: Any, *, grader_workers: int = 1) -> InterviewSession:
    """Store a planned interview and ask its first question."""
    from mock_interview.store import interviews as store
    from mock_interview.store.models import Interview

    # ``answers`` is filled once, when the interview completes (docs/decisions).
    interview = Interview(user_id=user_id, resume_id=resume_id, job_id=job_id,
                          questions=[q.to_json() for q in plan], answers=[],
                          status="in_progress", engine=chosen.engine.name, settings=settings)
    first = InterviewSession.next_row(interview, [])
    store.create(ctx.database(), interview, first)
    if chosen.ledger is not None:
        chosen.ledger.attach(interview.id)
    return InterviewSession(ctx, interview.id, engine=chosen, notices=notices,
                            grader_workers=grader_workers,
                            opened=(interview, [first] if first is not None else []))


class NothingToReview(Exception):
    """No question is due for review yet (not an error)."""

    def __init__(self, next_due: datetime | None) -> None:
        super().__init__("nothing is due for review")
        self.next_due = next_due


def _history(ctx: AppContext, user_id: uuid.UUID) -> list[Any]:
    """Every main question this person was asked, as asked, with its score (0 if unanswered)."""
    from mock_interview.domain.interview.review import PastAnswer
    from mock_interview.store import interviews as store

    history = []
    for answer, questions in store.past_main_answers(ctx.database(), user_id):
        planned = next((q for q in questions or [] if q.get("id") == answer.question_id), None)
        if planned is None:
            continue
        history.append(PastAnswer(PlannedQuestion.from_json(planned),
                                  float(answer.overall_score or 0.0), answer.asked_at))
    return history


def start_review(ctx: AppContext, options: InterviewOptions) -> InterviewSession:
    """An interview of the questions due for review (spaced by past scores), worst first."""
    import random

    from mock_interview.domain.interview.bank import load_bank
    from mock_interview.domain.interview.review import next_due, plan_review
    from mock_interview.engines import registry
    from mock_interview.services import jobs
    from mock_interview.store import interviews as store
    from mock_interview.store import resumes as resume_store
    from mock_interview.store.models import utcnow

    chosen, notices, user_id = _prepare(ctx, options)
    history = _history(ctx, user_id)
    if not history:
        raise ConfigError("nothing to review yet", hint="take an interview first: mock-interview interview")
    seed = options.seed if options.seed is not None else random.SystemRandom().randrange(1 << 31)
    plan = plan_review(history, load_bank(), options.count, utcnow(), options.difficulty, seed)
    if not plan:
        raise NothingToReview(next_due(history))
    last = store.latest(ctx.database(), user_id)
    job = jobs.resolve_job(ctx, options.job) if options.job else None
    job_id = job.id if job else (last.job_id if last else None)
    base = (last.settings or {}) if last else {}
    job_level = job.experience_level if job else base.get("job_level")
    settings = {
        "count": len(plan), "mix": "review", "difficulty": options.difficulty, "seed": seed,
        "time_limit": options.time_limit, "mode": "review",
        "job_title": job.title if job else base.get("job_title"),
        "job_company": job.company if job else base.get("job_company"),
        "job_terms": list(job.skills_required or []) if job else base.get("job_terms", []),
        "match": None if job else base.get("match"),
        # review questions come from the person's history: the offline engine planned them
        **_model_settings(chosen, registry.OFFLINE, job_level),
    }
    if chosen.engine.capabilities.reads_background:
        resume = resume_store.get(ctx.database(), last.resume_id) if last is not None else None
        _brief(chosen.engine, resume, settings["job_title"], settings["job_company"],
               job_level, list(settings["job_terms"] or []))
    return _open(ctx, user_id, last.resume_id if last else None, job_id, plan, chosen, settings,
                 notices)


def find_interview(ctx: AppContext, key: str, *, user_only: bool = True) -> Any:
    from mock_interview.services import profiles
    from mock_interview.store import interviews as store

    key = key.strip().lower()
    rows = store.find(ctx.database(), key)
    if user_only and rows:
        me = profiles.current(ctx)
        rows = [r for r in rows if str(r.user_id) == me.id]
    if not rows:
        raise NotFoundError(f"no interview {key!r}", hint="see `mock-interview interviews list`")
    if len(rows) > 1:
        raise UsageError(f"{key!r} matches {len(rows)} interviews; give more of the id")
    return rows[0]


# -- the session ------------------------------------------------------------------------------------------

class InterviewSession:
    """Drives one stored interview. Every public method commits before returning.

    ``submit`` stores the answer with the engine's instant grade. An engine that refines its
    grades gets the refinement handed to a background worker, so the next question never
    waits for it; the refined grade replaces the instant one when it arrives, and ``finish``
    waits for all of them. ``notify`` (if set) is called with each notice for the person, on
    the caller's thread.
    """

    def __init__(self, ctx: AppContext, interview_id: uuid.UUID, *, engine: Any = None,
                 notices: Notices | None = None, notify: Any = None,
                 llm_overrides: InterviewOptions | None = None, grader_workers: int = 1,
                 opened: tuple[Any, list[Any]] | None = None) -> None:
        """``engine``: the chosen engine (``llm.ChosenEngine``), rebuilt from the stored
        settings when not given; ``opened``: the interview and rows this process has just
        stored (see ``_open``)."""
        self.ctx = ctx
        self.interview_id = interview_id
        self._chosen = engine
        self.notices = notices or Notices(engine.config if engine is not None else None)
        self.notify = notify
        self._llm_overrides = llm_overrides
        self._grading_pool: GradingPool | None = None
        self._grading_workers = grader_workers
        self._pending: dict[uuid.UUID, Any] = {}
        self._abandoned: set[uuid.UUID] = set()  # gradings finish stopped waiting for
        self._state = opened
        self._started_here = opened is not None  # every grading of it is then in _pending

    def flush_notices(self) -> None:
        """Hand the queued notices to ``notify`` (on the caller's thread)."""
        if self.notify is None:
            return
        for message in self.notices.take():
            self.notify(message)

    # State is what the database holds. This session keeps its own copy between calls (a
    # batch answers hundreds of questions a second), and every write is conditional on the
    # row still being the pending question, so another driver of the same interview (a
    # second terminal, a killed process resumed) can never be overwritten: the loser reloads.

    def _load(self, *, fresh: bool = False) -> tuple[Any, list[Any]]:
        from mock_interview.store import interviews as store

        if self._state is not None and not fresh:
            return self._state
        self._state = store.load(self.ctx.database(), self.interview_id)
        return self._state

    @property
    def chosen(self) -> Any:
        if self._chosen is None:
            interview, _ = self._load()
            self._chosen = self._rebuild_engine(interview)
        return self._chosen

    @property
    def engine(self) -> Any:
        return self.chosen.engine

    def model_info(self) -> dict[str, Any] | None:
        """The model grading this interview, where, and its cost limit; None without a model."""
        return self.chosen.model_info()

    def _rebuild_engine(self, interview: Any) -> Any:
        """A resumed interview gets its engine back from the stored settings; if its model is
        no longer configured, the offline engine carries on (and the person is told)."""
        from mock_interview.engines import registry
        from mock_interview.errors import MockInterviewError
        from mock_interview.store import resumes as resume_store

        name = interview.engine if interview.engine in registry.ENGINES else registry.OFFLINE
        if not registry.capabilities_of(name).calls_model:
            return _engine(name)
        settings = interview.settings or {}
        try:
            chosen = _engine(name, self.ctx, self._llm_overrides, llm=settings.get("llm"))
        except MockInterviewError as exc:
            self.notices.add(f"the model is not available now ({exc.message}); "
                             "the rest of this interview is graded offline")
            return _engine(registry.OFFLINE)
        self.notices.config = chosen.config
        chosen.engine.on_fallback = self.notices.fallback
        if chosen.ledger is not None:
            chosen.ledger.attach(interview.id)
        if chosen.engine.capabilities.reads_background:
            resume = resume_store.get(self.ctx.database(), interview.resume_id)
            _brief(chosen.engine, resume, settings.get("job_title"), settings.get("job_company"),
                   settings.get("job_level"), list(settings.get("job_terms") or []))
        return chosen

    def plan(self) -> list[PlannedQuestion]:
        interview, _ = self._load()
        return [PlannedQuestion.from_json(q) for q in interview.questions or []]

    @property
    def status(self) -> str:
        return self._load()[0].status

    @staticmethod
    def next_row(interview: Any, rows: list[Any]) -> Any | None:
        """The plan's next main question as a new "asked" row; None when all were asked."""
        from mock_interview.store.models import Answer

        plan = interview.questions or []
        main_asked = sum(1 for r in rows if r.follow_up_of is None)
        if main_asked >= len(plan):
            return None
        question = PlannedQuestion.from_json(plan[main_asked])
        return Answer(interview_id=interview.id, position=len(rows), question_id=question.id,
                      question=question.text, kind=question.kind, skill=question.skill,
                      competency=question.competency, difficulty=question.difficulty,
                      status="asked", time_limit_seconds=(interview.settings or {}).get("time_limit"))

    def ensure_asked(self) -> AskedQuestion | None:
        """The pending question, asking (storing) the next one if none is pending."""
        from mock_interview.store import interviews as store

        self.flush_notices()
        interview, rows = self._load()
        if interview.status == "completed":
            return None
        if rows and rows[-1].status == "asked":
            return self._asked(interview, rows[-1], rows)
        row = self.next_row(interview, rows)
        if row is None:
            return None
        if not store.ask(self.ctx.database(), row):  # another driver asked it first: take theirs
            interview, rows = self._load(fresh=True)
            if interview.status == "completed" or not rows or rows[-1].status != "asked":
                return None
            return self._asked(interview, rows[-1], rows)
        rows.append(row)
        return self._asked(interview, row, rows)

    def _record_reply(self, interview: Any, row: Any, values: dict[str, Any], next_row: Any | None,
                      rows: list[Any]) -> None:
        """Store the reply to the pending ``row`` and ask ``next_row``, in one transaction that
        only succeeds if ``row`` is still pending; then bring this session's copy up to date."""
        from mock_interview.store import interviews as store

        if not store.record_reply(self.ctx.database(), row.id, values, next_row):
            self._state = None
            raise UsageError("there is no question waiting for an answer",
                             hint="this interview moved on in another window; "
                                  "continue it with mock-interview interview --continue")
        for name, value in values.items():
            setattr(row, name, value)
        if next_row is not None:
            rows.append(next_row)

    def _asked(self, interview: Any, row: Any, rows: list[Any]) -> AskedQuestion:
        from mock_interview.domain.interview.transcript import place_of

        plan = interview.questions or []
        number, target = place_of(plan, row, rows)
        return AskedQuestion(
            position=row.position, number=number, total=len(plan), kind=row.kind,
            text=row.question, skill=row.skill, competency=row.competency,
            difficulty=row.difficulty, is_follow_up=row.follow_up_of is not None,
            time_limit=row.time_limit_seconds, asked_at=row.asked_at, target_words=target,
        )

    def _question_for(self, interview: Any, row: Any, rows: list[Any]) -> PlannedQuestion:
        return question_for(interview, row, rows)

    @staticmethod
    def _parent(row: Any, rows: list[Any]) -> Any:
        return next((r for r in rows if r.position == row.follow_up_of), None)

    def submit(self, answer: str, *, now: datetime | None = None) -> SubmitOutcome:
        """Grade and store the answer to the pending question, then ask the next one."""
        from mock_interview.store.models import Answer, utcnow

        interview, rows = self._load()
        if interview.status == "completed" or not rows or rows[-1].status != "asked":
            raise UsageError("there is no question waiting for an answer")
        row = rows[-1]
        question = self._question_for(interview, row, rows)
        context = self._grade_context(interview, row, rows)
        engine = self.engine
        refining = engine.capabilities.refines_grades
        # The instant grade is stored now and decides the follow-up (code, not a model); a
        # refining engine's later grade replaces it when it arrives.
        grade = engine.instant_grade(question, answer, context)
        answered_at = now or utcnow()
        duration = max(0.0, (answered_at - row.asked_at).total_seconds())
        follow_up = None
        if (row.follow_up_of is None and grade.follow_up_reason
                and not any(r.follow_up_of == row.position for r in rows)):
            asked = [r.question for r in rows if r.follow_up_of is not None]  # never twice
            # The instant wording first: the answer and its follow-up are stored before any
            # model call, which may then reword the follow-up (see ``_reword_follow_up``).
            text = engine.instant_follow_up(question, grade.follow_up_reason, answer, asked)
            follow_up = None if text is None else Answer(
                interview_id=interview.id, position=row.position + 1, question_id=None,
                question=text,
                kind=FOLLOW_UP, skill=row.skill, competency=row.competency,
                difficulty=row.difficulty, follow_up_of=row.position, status="asked",
                time_limit_seconds=row.time_limit_seconds,
            )
        feedback = engine.pending_feedback(grade) if refining else grade.feedback
        next_row = follow_up if follow_up is not None else self.next_row(interview, rows)
        self._record_reply(interview, row, {
            "answer": answer, "status": "answered", "technical_score": grade.technical,
            "communication_score": grade.communication, "job_match_score": grade.job_match,
            "overall_score": grade.overall, "feedback": feedback, "engine": grade.engine,
            "answered_at": answered_at, "duration_seconds": round(duration, 2),
        }, next_row, rows)
        if follow_up is not None and engine.capabilities.words_follow_ups:
            self._reword_follow_up(follow_up, question, grade.follow_up_reason, answer, asked)
        if refining:
            self._grade_later(row.id, row.position, question, answer, context, grade)
        scores = {"technical": grade.technical, "communication": grade.communication,
                  "job_match": grade.job_match, "overall": grade.overall}
        self.flush_notices()
        from mock_interview.domain.interview.coaching import answer_note

        return SubmitOutcome(scores, follow_up is not None, next_row is None, provisional=refining,
                             note=answer_note(grade.feedback))

    def _grade_context(self, interview: Any, row: Any, rows: list[Any]) -> Any:
        from mock_interview.engines.base import GradeContext

        settings = interview.settings or {}
        context = GradeContext(job_terms=list(settings.get("job_terms") or []),
                               resume_job_match=(settings.get("match") or {}).get("score"))
        if row.follow_up_of is not None:
            parent = self._parent(row, rows)
            if parent is not None:
                reason = (parent.feedback or {}).get("follow_up_reason") or ""
                context.earlier_answer = parent.answer or ""
                context.star_part = reason.split(":", 1)[1] if reason.startswith("missing-star:") else None
        return context

    # -- coaching: hints, retries, model answers, drafts ------------------------------------------

    def last_answered(self) -> Any | None:
        """The row answered most recently (what /retry and /model are about), if any."""
        interview, rows = self._load()
        if interview.status == "completed":
            return None
        return next((r for r in reversed(rows) if r.status == "answered"), None)

    def hints(self) -> list[str]:
        """Prompts for the pending question's key points (what to cover, not the answer)."""
        from mock_interview.domain.interview.coaching import hint_prompts

        interview, rows = self._load()
        if not rows or rows[-1].status != "asked":
            return []
        question = self._question_for(interview, rows[-1], rows)
        return hint_prompts(question.text, question.key_points)

    def model_answer(self) -> dict[str, str] | None:
        """A model answer to the question answered last (see ``model_answer_for``)."""
        from mock_interview.domain.interview.transcript import model_answer_for
        from mock_interview.services.reports import resume_examples

        row = self.last_answered()
        if row is None:
            return None
        interview, rows = self._load()
        return model_answer_for(self._question_for(interview, row, rows), row.feedback,
                                resume_examples(self.ctx, interview.resume_id))

    def retry(self, answer: str, *, now: datetime | None = None,
              started: datetime | None = None) -> SubmitOutcome:
        """Answer the question answered last again. Both attempts are kept; the row holds the
        better one (a tie goes to the new one), which is the one every score counts."""
        from mock_interview.domain.interview.transcript import held_attempt
        from mock_interview.store import interviews as store
        from mock_interview.store.models import utcnow

        row = self.last_answered()
        if row is None:
            raise UsageError("there is no answer to retry yet")
        if not answer.strip():
            raise UsageError("an empty answer cannot be a retry")
        interview, rows = self._load()
        question = self._question_for(interview, row, rows)
        context = self._grade_context(interview, row, rows)
        engine = self.engine
        refining = engine.capabilities.refines_grades
        grade = engine.instant_grade(question, answer, context)
        answered_at = now or utcnow()
        duration = None if started is None else round(max(0.0, (answered_at - started).total_seconds()), 2)
        others = list(row.attempts or [])
        number = len(others) + 2
        held = held_attempt(row)
        previous = row.overall_score or 0.0
        counts = grade.overall >= previous
        feedback = engine.pending_feedback(grade) if refining and counts else grade.feedback
        scores = {"technical": grade.technical, "communication": grade.communication,
                  "job_match": grade.job_match, "overall": grade.overall}
        if counts:
            values = {"answer": answer, "technical_score": grade.technical,
                      "communication_score": grade.communication, "job_match_score": grade.job_match,
                      "overall_score": grade.overall, "feedback": feedback, "engine": grade.engine,
                      "answered_at": answered_at, "duration_seconds": duration,
                      "attempt": number, "attempts": [*others, held]}
        else:
            values = {"attempts": [*others, {
                "attempt": number, "answer": answer, "scores": scores, "feedback": grade.feedback,
                "engine": grade.engine, "answered_at": answered_at.isoformat(),
                "duration_seconds": duration}]}
        if not store.replace_attempt(self.ctx.database(), row, values):
            self._state = None
            raise UsageError("this answer changed in another window",
                             hint="continue it with mock-interview interview --continue")
        for name, value in values.items():
            setattr(row, name, value)
        if refining and counts:
            self._grade_later(row.id, row.position, question, answer, context, grade)
        self.flush_notices()
        from mock_interview.domain.interview.coaching import answer_note

        return SubmitOutcome(scores, False, self.ensure_asked() is None, provisional=refining,
                             note=answer_note(grade.feedback), attempt=number, counts=counts,
                             previous_overall=previous)

    def draft(self) -> str | None:
        """The unsent text kept for the pending question (Ctrl-C keeps it)."""
        _, rows = self._load()
        if rows and rows[-1].status == "asked":
            return rows[-1].answer or None
        return None

    def save_draft(self, text: str) -> None:
        """Keep unsent text with the pending question, for ``--continue`` to offer back."""
        from mock_interview.store import interviews as store

        _, rows = self._load()
        if not rows or rows[-1].status != "asked":
            return
        row = rows[-1]
        store.save_draft(self.ctx.database(), row.id, text if text.strip() else None)
        row.answer = text if text.strip() else None

    def recap(self) -> dict[str, Any]:
        """Where a resumed interview stands: job, resume, answered n of m, the last score."""
        interview, rows = self._load()
        settings = interview.settings or {}
        main = [r for r in rows if r.follow_up_of is None]
        answered = sum(1 for r in main if r.status in {"answered", "skipped"})
        last = next((r for r in reversed(rows) if r.status == "answered"), None)
        return {"job_title": settings.get("job_title"), "job_company": settings.get("job_company"),
                "resume": settings.get("resume_filename"), "answered": answered,
                "total": len(interview.questions or []),
                "last_score": None if last is None else last.overall_score,
                "last_question": None if last is None else last.question,
                "draft": self.draft()}

    def _reword_follow_up(self, follow_up: Any, question: PlannedQuestion, reason: str,
                          answer: str, asked: list[str]) -> None:
        """Let the engine reword a follow-up already stored with the instant wording."""
        from mock_interview.store import interviews as store

        text = self.engine.reword_follow_up(question, reason, answer, asked, position=follow_up.position,
                                            gradings_pending=self.pending_gradings())
        if not text or text == follow_up.question:
            return
        if store.reword(self.ctx.database(), follow_up.id, text):
            follow_up.question = text

    # -- refined gradings in the background --------------------------------------------------------

    def _grade_later(self, row_id: uuid.UUID, position: int, question: PlannedQuestion, answer: str,
                     context: Any, instant: Any) -> None:
        if self._grading_pool is None:
            self._grading_pool = GradingPool(self._grading_workers)
        engine = self.engine

        def job() -> None:
            try:
                final = engine.refine_grade(question, answer, context, instant, position)
            except Exception as exc:  # a bug must not lose the answer: keep the instant grade
                final = engine.keep_instant(instant, f"error: {type(exc).__name__}")
            if row_id not in self._abandoned:
                self._store_grade(row_id, answer, final)

        self._pending[row_id] = self._grading_pool.submit(job)

    def _store_grade(self, row_id: uuid.UUID, answer: str, grade: Any) -> None:
        """The refined grade replaces the instant one, unless the answer changed meanwhile."""
        from mock_interview.store import interviews as store

        store.store_grade(self.ctx.database(), row_id, answer, {
            "technical_score": grade.technical, "communication_score": grade.communication,
            "job_match_score": grade.job_match, "overall_score": grade.overall,
            "feedback": grade.feedback, "engine": grade.engine})

    def pending_gradings(self) -> int:
        """How many model gradings have not arrived yet."""
        return sum(1 for future in self._pending.values() if not future.done())

    def wait_for_gradings(self, timeout: float | None = None) -> None:
        """Wait for the model's gradings; answers whose grading was lost (a killed process)
        and still carry a pending mark are graded again first."""
        from concurrent.futures import wait

        if not self.engine.capabilities.refines_grades:
            self._close_orphans()
        elif not self._started_here:  # only an interview begun by another process has orphans
            self._regrade_orphans()
        futures = list(self._pending.values())
        if futures:
            wait(futures, timeout=timeout)
        self._pending = {key: f for key, f in self._pending.items() if not f.done()}

    def _finish_wait(self) -> float | None:
        """``finish`` waits for gradings at most one model timeout and a margin (a grading in
        flight ends by its timeout; the model budget sends the queued ones offline)."""
        timeout = self.engine.refinement_timeout()
        return None if timeout is None else timeout + FINISH_WAIT_MARGIN

    def _keep_offline_grades_of_late_gradings(self) -> None:
        """Answers whose refined grading is still under way after ``finish``'s wait keep their
        instant grade, marked as a fallback; the late grade is then not stored."""
        late = [row_id for row_id, future in self._pending.items() if not future.done()]
        if not late:
            return
        self._abandoned.update(late)
        self._give_up_pending(late, "finish-wait")

    def _close_orphans(self) -> None:
        """The model is gone (no longer configured): answers still waiting for it keep their
        instant grade, marked as such."""
        _, rows = self._load(fresh=True)
        self._give_up_pending([row.id for row in rows if row.status == "answered"], "unavailable")

    def _give_up_pending(self, row_ids: list[uuid.UUID], reason: str) -> None:
        """Rows still marked as waiting for their refined grade are marked as a fallback."""
        from mock_interview.store import interviews as store

        def fallback(stored: Any) -> dict[str, Any] | None:
            llm = (stored.feedback or {}).get("llm") or {}
            if llm.get("status") != "pending":
                return None
            return {**(stored.feedback or {}),
                    "llm": {"status": "fallback", "reason": reason, "model": llm.get("model")}}

        store.update_feedback(self.ctx.database(), row_ids, fallback)

    def _regrade_orphans(self) -> None:
        from mock_interview.engines.base import EngineGrade, GradeContext

        interview, rows = self._load(fresh=True)
        settings = interview.settings or {}
        context = GradeContext(job_terms=list(settings.get("job_terms") or []),
                               resume_job_match=(settings.get("match") or {}).get("score"))
        for row in rows:
            llm = (row.feedback or {}).get("llm") or {}
            if row.status != "answered" or llm.get("status") != "pending" or row.id in self._pending:
                continue
            question = self._question_for(interview, row, rows)
            feedback = {k: v for k, v in (row.feedback or {}).items() if k != "llm"}
            instant = EngineGrade(row.technical_score or 0.0, row.communication_score or 0.0,
                                  row.job_match_score or 0.0, row.overall_score or 0.0, feedback,
                                  None, row.engine or "")
            self._grade_later(row.id, row.position, question, row.answer or "", context, instant)

    def skip(self) -> bool:
        """Record the pending question as skipped and ask the next; True when none is left."""
        self.flush_notices()
        interview, rows = self._load()
        if not rows or rows[-1].status != "asked":
            return self.ensure_asked() is None
        next_row = self.next_row(interview, rows)
        self._record_reply(interview, rows[-1], {"status": "skipped", "answer": None}, next_row, rows)
        return next_row is None

    def finish(self) -> dict[str, Any]:
        """Complete the interview: anything not answered is recorded as such; then the result.
        Waits for the engine's refined gradings still under way, so the result uses them."""
        from mock_interview.domain.interview.report import AnswerRecord, build_report
        from mock_interview.domain.interview.transcript import answers_copy
        from mock_interview.engines import registry
        from mock_interview.services.reports import describe
        from mock_interview.store import interviews as store
        from mock_interview.store.models import Answer, Result

        interview, _ = self._load()
        if interview.status != "completed" and (
                self._pending or registry.capabilities_of(interview.engine).refines_grades):
            self.wait_for_gradings(timeout=self._finish_wait())
            self._keep_offline_grades_of_late_gradings()
            self.flush_notices()
        interview, rows = self._load(fresh=True)  # the refined gradings wrote to the rows
        if interview.status != "completed":
            # Pending and never-asked questions are recorded as unanswered; the report is built
            # from these rows and everything is written in one transaction, which does nothing
            # if another window completed the interview first (its result stands).
            asked = [row for row in rows if row.status == "asked"]
            for row in asked:
                row.status, row.answer = "unanswered", None  # an unsent draft is not an answer
            main_asked = sum(1 for r in rows if r.follow_up_of is None)
            never_asked = [Answer(
                interview_id=interview.id, position=len(rows) + offset, question_id=question["id"],
                question=question["text"], kind=question["kind"], skill=question.get("skill"),
                competency=question.get("competency"), difficulty=question.get("difficulty"),
                status="unanswered") for offset, question in enumerate((interview.questions or [])[main_asked:])]
            rows = [*rows, *never_asked]
            records = [AnswerRecord(position=r.position, kind=r.kind, question=r.question,
                                    status=r.status, answer=r.answer, skill=r.skill,
                                    competency=r.competency, follow_up_of=r.follow_up_of,
                                    grade=r.feedback) for r in rows]
            report = build_report(records, (interview.settings or {}).get("job_terms") or [])
            store.complete(self.ctx.database(), interview.id, asked, never_asked, Result(
                interview_id=interview.id, technical_score=report.technical_score,
                communication_score=report.communication_score,
                job_match_score=report.job_match_score, overall_score=report.overall_score,
                strengths=report.strengths, weaknesses=report.weaknesses,
                recommendations=report.recommendations, insights=report.insights),
                answers_copy(rows))
            self._state = None
        if self._grading_pool is not None and not self.pending_gradings():
            self._grading_pool.close()
            self._grading_pool = None
        return describe(self.ctx, self.interview_id)


RETRY = "/retry"
SKIP = "/skip"
QUIT = "/quit"
# Commands that only show something in a terminal: a script has no one to show it to, and
# grading the command's own text as an answer would score a word nobody meant as one.
SHOWN_ONLY = frozenset({"/hint", "/model", "/repeat", "/help"})


def run_script(session: InterviewSession, answers: list[str], on_answer: Any = None) -> dict[str, Any]:
    """Script mode: answers in order (follow-ups take the next); the rest are unanswered. An
    answer "/retry" makes the next one a new attempt at the question answered last, "/skip"
    skips the question, "/quit" leaves the rest unanswered, and the commands that only show
    something (SHOWN_ONLY) are passed over. ``on_answer(question_text, outcome)`` is called
    after each answer."""
    queue = list(answers)
    while queue:
        command = queue[0].strip().lower()
        if command in SHOWN_ONLY:
            queue.pop(0)
            continue
        if command == QUIT:
            break
        if command == SKIP:
            queue.pop(0)
            if session.ensure_asked() is None or session.skip():
                break
            continue
        if command == RETRY and len(queue) > 1 and session.last_answered() is not None:
            queue.pop(0)
            question = session.last_answered().question
            outcome = session.retry(queue.pop(0))
        else:
            asked = session.ensure_asked()
            if asked is None:
                break
            question = asked.text
            outcome = session.submit(queue.pop(0))
        if on_answer is not None:
            on_answer(question, outcome)
    return session.finish()
