"""The LLM engine: any OpenAI-compatible endpoint writes the plan and the follow-ups and grades
answers, behind the engine interface (engines/base.py); it declares every capability there.

Code stays in charge:

- the plan's slots (kind, skill, difficulty, order) come from the offline planner, which reads
  the match analysis (gaps) and the person's history; the model writes each slot's question
  and its reference key points in one call;
- every answer is graded offline first (instant). The floor rules decide before the model:
  an empty, "don't know" or gibberish answer is never sent; sentences that address the grader
  are blanked before the model sees the answer, so the model grades the answer *without* them
  and an injected answer can never score higher than without the injection. After the model:
  off-topic or copied answers stay capped, a model that reports manipulation the rules missed
  gets the lower of its and the offline score per dimension, quotes that are not verbatim in
  the answer are dropped, and an improved answer citing numbers found in neither the resume
  nor the answer is dropped;
- whether a follow-up is due is decided by the offline grade (code); the model only writes it;
- any failure of a step (after retries) gives that step to the offline engine, records why
  (``feedback["llm"]``) and tells the caller through ``on_fallback``.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import secrets
import time
from collections.abc import Callable, Collection
from functools import lru_cache
from importlib import resources
from typing import Any

from mock_interview.domain.interview.bank import QuestionBank
from mock_interview.domain.interview.planner import JobFacts, PlannedQuestion, PlanRequest, ResumeFacts
from mock_interview.engines.base import (
    Background,
    BaseEngine,
    Capabilities,
    EngineGrade,
    GradeContext,
    PlanNotes,
)
from mock_interview.engines.offline import OfflineEngine
from mock_interview.engines.structured import (
    Endpoint,
    LLMFailure,
    ModelBudget,
    ModeMemory,
    StructuredClient,
)

HARD_FLOORS = ("empty", "dont-know", "gibberish")  # never sent to the model
SOFT_FLOORS = ("off-topic", "copied-question")  # sent, but capped afterwards
FOLLOW_UP_TIMEOUT = 15.0  # seconds: the person waits for a follow-up, so it is kept short
CIRCUIT_SECONDS = 60.0  # after a timeout or refused connection, follow-ups go offline this long
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


@lru_cache(maxsize=8)
def prompt(name: str) -> str:
    return resources.files("mock_interview.engines").joinpath(f"prompts/{name}.txt").read_text(
        encoding="utf-8").strip()


def data_block(name: str, text: str, nonce: str) -> str:
    """Delimit untrusted text. The nonce makes the end marker unguessable, and marker-like
    text inside is defused, so the data cannot close its own block."""
    body = (text or "").replace("<<<", "‹‹‹").replace(">>>", "›››")
    return f"<<<DATA {name} {nonce}>>>\n{body}\n<<<END {name} {nonce}>>>"


def resume_summary(resume: ResumeFacts, limit: int = 3500) -> str:
    lines = []
    if resume.years:
        lines.append(f"Years of experience: {resume.years:g}")
    for title, company in resume.roles[:8]:
        lines.append(f"Role: {title or 'role'}" + (f" at {company}" if company else ""))
    for bullet in resume.bullets[:14]:
        lines.append(f"- {bullet[:220]}")
    for project in resume.projects[:5]:
        lines.append(f"Project: {project}")
    if resume.degree or resume.institution:
        lines.append(f"Education: {resume.degree or ''} {resume.institution or ''}".strip())
    if resume.skills:
        lines.append("Skills: " + ", ".join(resume.skills[:40]))
    if resume.certifications:
        lines.append("Certifications: " + ", ".join(resume.certifications[:12]))
    if resume.coursework:
        lines.append(f"Coursework: {resume.coursework[:200]}")
    for activity in resume.activities[:4]:
        lines.append(f"Activity: {activity[:160]}")
    from mock_interview.domain.interview.planner import is_new_graduate

    if is_new_graduate(resume):
        lines.append("New graduate: yes (ask about study, internships and projects, not years of work)")
    return "\n".join(lines)[:limit]


def _field_lines(bank: QuestionBank, resume: ResumeFacts, job: JobFacts) -> list[str]:
    """The job's field and the candidate's, and whether this is a career change."""
    from mock_interview.domain.interview import families

    job_field = families.detect_job_family(bank, job.title, job.skills_required,
                                           getattr(job, "description", "") or "")
    own_field = families.detect_resume_field(bank, [t for t, _c in resume.roles], resume.skills)
    lines = [f"Job's field: {job_field or 'unknown'}; the candidate's field: {own_field or 'unknown'}"]
    if families.is_career_change(own_field, job_field):
        lines.append("This is a career change: ask why, and what carries over from their field.")
    return lines


def _clean_resume(text: str) -> str:
    from mock_interview.domain.grading import floors

    return floors.clean_untrusted(text)[0]


def _known_wrong(base: EngineGrade) -> bool:
    """The offline rules found the answer asserting a known misconception of the question."""
    return any(c.get("misconception") for c in base.feedback.get("wrong_claims") or [])


def _offline_caps(base: EngineGrade, flags: list[str], technical: float,
                  communication: float) -> tuple[float, float]:
    """The rules' caps hold whatever the model says: a bare list of terms, and an answer
    asserting a known misconception never scores above the rules' grade for it."""
    from mock_interview.domain.grading.grader import KEYWORD_LIST_CAP, KEYWORD_LIST_COMMUNICATION

    if "keyword-list" in flags:
        technical = min(technical, KEYWORD_LIST_CAP)
        communication = min(communication, KEYWORD_LIST_COMMUNICATION)
    if _known_wrong(base):
        technical = min(technical, base.technical)
    return technical, communication


def _question_id(text: str) -> str:
    return "llm-" + hashlib.sha1(text.strip().lower().encode("utf-8")).hexdigest()[:12]


def _clean_quote(quote: str) -> str:
    return quote.strip().strip("\"'“”‘’").strip()


class OpenAIEngine(BaseEngine):
    name = "openai"
    capabilities = Capabilities(refines_grades=True, writes_questions=True, words_follow_ups=True,
                                reads_background=True, calls_model=True)

    def __init__(
        self,
        endpoint: Endpoint,
        *,
        memory: ModeMemory | None = None,
        on_call: Callable[[Any], None] | None = None,
        allow_spend: Callable[[int, int], bool] | None = None,
        on_fallback: Callable[[str, LLMFailure], None] | None = None,
        offline: OfflineEngine | None = None,
        limiter: Any = None,
    ) -> None:
        self.endpoint = endpoint
        # One time budget for the interview this engine serves (an engine per interview).
        self.budget = ModelBudget()
        self.client = StructuredClient(endpoint, memory=memory, on_call=on_call, allow_spend=allow_spend,
                                       limiter=limiter, budget=self.budget)
        self.offline = offline or OfflineEngine()
        self.on_fallback = on_fallback
        self.background = Background()
        self.resume_text = ""  # the resume as the prompts show it (see ``brief``)
        self.plan_notes = PlanNotes()
        self.plan_engine = self.offline.name  # who wrote the last plan
        self.plan_failure: LLMFailure | None = None
        self._transport_failed_at: float | None = None

    # -- helpers ------------------------------------------------------------------------------

    def _failed(self, step: str, failure: LLMFailure) -> None:
        if failure.reason in {"timeout", "connection"}:
            self._transport_failed_at = time.monotonic()
        if self.budget.given_up is not None:
            failure.given_up = True  # the rest of the interview runs offline
        if self.on_fallback is not None:
            with contextlib.suppress(Exception):  # telling the person must never fail a step
                self.on_fallback(step, failure)

    def _succeeded(self) -> None:
        self._transport_failed_at = None

    def brief(self, background: Background) -> None:
        self.background = background
        self.resume_text = resume_summary(background.resume) if background.resume is not None else ""

    def _job_block(self) -> str:
        bg = self.background
        lines = [f"Title: {bg.job_title}", f"Company: {bg.job_company}"]
        if bg.job_level:
            lines.append(f"Level: {bg.job_level}")
        if bg.job_skills:
            lines.append("Required skills: " + ", ".join(bg.job_skills[:30]))
        return "\n".join(lines)

    # -- plan ---------------------------------------------------------------------------------

    def plan(self, bank: QuestionBank, resume: ResumeFacts, job: JobFacts,
             request: PlanRequest, notes: PlanNotes | None = None) -> list[PlannedQuestion]:
        """The offline planner picks the slots; the model writes each slot's question."""
        slots = self.offline.plan(bank, resume, job, request)
        self.plan_engine = self.offline.name
        if not slots:
            return slots
        nonce = secrets.token_hex(4)
        notes = notes or self.plan_notes
        slot_lines = []
        for number, slot in enumerate(slots, start=1):
            topic = slot.skill or slot.competency or "general"
            slot_lines.append(f"{number}. kind={slot.kind} skill={topic} difficulty={slot.difficulty}"
                              f" field={slot.family or '-'} why={slot.reason or '-'}"
                              f" | the offline question, to improve on: {slot.text[:240]}")
        match_lines = []
        if notes.match_score is not None:
            match_lines.append(f"Resume-to-job match: {notes.match_score:.0f}/100")
        if notes.matched_skills:
            match_lines.append("Required skills the resume shows: " + ", ".join(notes.matched_skills[:20]))
        if notes.missing_skills:
            match_lines.append("Gaps (required, not on the resume): " + ", ".join(notes.missing_skills[:20]))
        if notes.weak_skills:
            match_lines.append("Scored low before on: " + ", ".join(notes.weak_skills[:10]))
        match_lines.extend(_field_lines(bank, resume, job))
        user = "\n\n".join([
            prompt("plan"),
            "JOB:\n" + data_block("job", f"{job.title} at {job.company}\nLevel: {job.level or 'unknown'}\n"
                                  f"Required skills: {', '.join(job.skills_required[:30])}", nonce),
            "RESUME:\n" + data_block("resume", _clean_resume(resume_summary(resume)), nonce),
            "MATCH:\n" + ("\n".join(match_lines) or "unknown"),
            "ALREADY_ASKED:\n" + ("\n".join(f"- {q[:200]}" for q in notes.recent_questions[:15]) or "none"),
            "SLOTS:\n" + "\n".join(slot_lines),
        ])

        def check(value: Any) -> str | None:
            if len(value.questions) < len(slots):
                return f"{len(value.questions)} questions for {len(slots)} slots: write one per slot"
            return None

        from mock_interview.engines.schemas import PlanOut

        try:
            reply = self.client.complete("plan", prompt("system"), user, PlanOut,
                                         max_tokens=min(6000, 260 * len(slots) + 200), check=check,
                                         lenient_check=True)
        except LLMFailure as failure:
            self.plan_failure = failure
            self._failed("plan", failure)
            return slots
        self._succeeded()
        items = list(reply.value.questions)
        by_slot = {item.slot: item for item in items}
        ordered = ([by_slot[n] for n in range(1, len(slots) + 1)]
                   if all(n in by_slot for n in range(1, len(slots) + 1)) else items[:len(slots)])
        ordered = ordered + [None] * (len(slots) - len(ordered))  # a short plan: offline fills in
        plan: list[PlannedQuestion] = []
        seen: set[str] = set()
        for slot, item in zip(slots, ordered, strict=True):
            if item is None:
                plan.append(slot)
                continue
            text = item.question.strip()
            key = text.lower()
            if key in seen:  # a repeated question: keep the slot's own
                plan.append(slot)
                continue
            seen.add(key)
            plan.append(PlannedQuestion(
                id=_question_id(text), kind=slot.kind, text=text,
                key_points=[p.strip() for p in item.key_points if p.strip()] or list(slot.key_points),
                difficulty=slot.difficulty, target_words=list(slot.target_words), star=slot.star,
                skill=slot.skill, competency=slot.competency, follow_up=None,
                reason=slot.reason,
            ))
        written = sum(1 for q in plan if q.id.startswith("llm-"))
        self.plan_engine = self.name if written == len(plan) else "mixed" if written else self.offline.name
        return plan

    # -- grade --------------------------------------------------------------------------------

    def grade(self, question: PlannedQuestion, answer: str, context: GradeContext, *,
              offline: EngineGrade | None = None, position: int | None = None) -> EngineGrade:
        """Grade with the model between two passes of the offline rules. ``offline`` is the
        offline grade if the caller already has it (the session grades offline first)."""
        from mock_interview.domain.grading import floors

        base = offline or self.offline.grade(question, answer, context)
        flags = list(base.feedback.get("flags") or [])
        hard = next((f for f in flags if f in HARD_FLOORS), None)
        if hard:
            return self._offline_result(base, "floor", f"{hard}: graded by the floor rules")
        injection = floors.find_injection(answer)
        shown = floors.without_spans(answer, injection.spans) if injection.found else answer
        resume_text, resume_injected = floors.clean_untrusted(self.resume_text)
        nonce = secrets.token_hex(4)
        low, high = (question.target_words + [60, 220])[:2] if question.target_words else (60, 220)
        facts = [f"Kind: {question.kind}" + (" (answer as a STAR story)" if question.star else ""),
                 f"Difficulty: {question.difficulty}", f"Target length: {low}-{high} words"]
        if question.skill or question.competency:
            facts.append(f"Topic: {question.skill or question.competency}")
        user = "\n\n".join([
            prompt("grade"),
            "JOB:\n" + data_block("job", self._job_block(), nonce),
            "RESUME:\n" + data_block("resume", resume_text or "(not available)", nonce),
            "QUESTION:\n" + question.text + "\n" + "\n".join(facts),
            "REFERENCE key points:\n" + ("\n".join(f"- {p}" for p in question.key_points if p.strip())
                                         or "- (none: judge by the question)"),
            *self._rubric_extras(question, context, nonce),
            "ANSWER:\n" + data_block("answer", shown, nonce),
        ])
        from mock_interview.engines.schemas import GradeOut

        try:
            reply = self.client.complete("grade", prompt("system"), user, GradeOut, max_tokens=1400,
                                         position=position)
        except LLMFailure as failure:
            self._failed("grade", failure)
            return self._offline_result(base, "fallback", failure.reason)
        self._succeeded()
        grade = self._merge(question, answer, base, reply, injection.found)
        if resume_injected:
            grade.feedback["flags"] = list(grade.feedback.get("flags") or []) + ["resume-injection"]
            grade.feedback["llm"]["resume"] = "lines addressing the grader were removed from the resume"
        return grade

    @staticmethod
    def _rubric_extras(question: PlannedQuestion, context: GradeContext, nonce: str) -> list[str]:
        """The question's known wrong claims, and for a follow-up the answer it completes."""
        extras = []
        wrong = [m for m in (question.misconceptions or []) if m.strip()]
        if wrong:
            extras.append(
                "COMMON WRONG CLAIMS (an answer that asserts one is wrong on that point: it loses "
                "the point, and your weaknesses must name the wrong claim; saying the opposite is "
                "right):\n" + "\n".join(f"- {m}" for m in wrong))
        if question.kind == "follow-up":
            part = f" It asks for the {context.star_part} of the story." if context.star_part else ""
            extras.append(
                "This is a FOLLOW-UP question: grade the answer on what the follow-up asked (the "
                "REFERENCE key points above)." + part + " Read it together with the EARLIER "
                "ANSWER; restating that story is not off topic.\nEARLIER ANSWER:\n"
                + data_block("earlier", context.earlier_answer or "(not available)", nonce))
        return extras

    def _offline_result(self, base: EngineGrade, status: str, reason: str) -> EngineGrade:
        feedback = dict(base.feedback)
        feedback["llm"] = {"status": status, "reason": reason, "model": self.endpoint.model}
        return EngineGrade(base.technical, base.communication, base.job_match, base.overall,
                           feedback, base.follow_up_reason, engine=self.offline.name)

    def _merge(self, question: PlannedQuestion, answer: str, base: EngineGrade, reply: Any,
               injected: bool) -> EngineGrade:
        from mock_interview.domain.grading.floors import FLOOR_CAP
        from mock_interview.domain.grading.grader import OVERALL_WEIGHTS, overall_score

        out = reply.value
        technical, communication, job = float(out.technical), float(out.communication), float(out.job_match)
        flags = list(base.feedback.get("flags") or [])
        weaknesses_first: list[str] = []
        if out.addresses_grader and "injection" not in flags:
            # The model saw manipulation the rules missed: never more than the rules give.
            flags.insert(0, "injection")
            technical = min(technical, base.technical)
            communication = min(communication, base.communication)
            job = min(job, base.job_match)
            weaknesses_first.append("Contains instructions to the grader; they were ignored")
        elif injected:
            weaknesses_first.append("Contains instructions to the grader; they were ignored")
        floored = any(f in SOFT_FLOORS for f in flags)
        if floored:
            technical = min(technical, FLOOR_CAP)
        technical, communication = _offline_caps(base, flags, technical, communication)
        kind = question.kind if question.kind in OVERALL_WEIGHTS else "technical"
        overall = overall_score(kind, technical, communication, job)
        if floored:
            overall = min(overall, FLOOR_CAP)
        if _known_wrong(base):
            overall = min(overall, base.overall)
        if "injection" in flags and not injected:
            overall = min(overall, base.overall)

        evidence = []
        dropped = 0
        for item in out.evidence:
            quote = item.quote.strip()
            if not quote or quote not in answer:
                quote = _clean_quote(item.quote)
            if len(quote) >= 3 and quote in answer:
                evidence.append({"quote": quote, "point": item.point or None, "polarity": item.polarity})
            else:
                dropped += 1
        for extra in base.feedback.get("evidence") or []:
            if extra.get("point") == "instructions to the grader":
                evidence.append(extra)

        improved = out.improved_answer.strip()
        improved_note = None
        if improved:
            sources = f"{answer}\n{self.resume_text}"
            known = set(_NUMBER.findall(sources))
            invented = [n for n in _NUMBER.findall(improved) if n not in known]
            if invented:
                improved_note = f"dropped: it cited numbers in neither your resume nor your answer ({invented[0]})"
                improved = ""

        strengths = [] if floored else [s.strip() for s in out.strengths if s.strip()]
        offline_flag_notes = [w for w in base.feedback.get("weaknesses") or []
                              if w.startswith(("Off topic", "Mostly repeats"))]
        weaknesses = weaknesses_first + offline_flag_notes + [w.strip() for w in out.weaknesses if w.strip()]
        feedback = dict(base.feedback)
        feedback.update({
            "technical": round(technical, 1), "communication": round(communication, 1),
            "job_match": round(job, 1), "overall": round(overall, 1), "flags": flags,
            "strengths": strengths, "weaknesses": weaknesses, "evidence": evidence,
            "improved_answer": improved or None,
            "llm": {
                "status": "graded", "model": self.endpoint.model, "mode": reply.mode,
                "repaired": reply.repaired, "dropped_quotes": dropped,
                "prompt_tokens": reply.prompt_tokens, "completion_tokens": reply.completion_tokens,
                "offline_scores": {"technical": round(base.technical, 1),
                                   "communication": round(base.communication, 1),
                                   "job_match": round(base.job_match, 1),
                                   "overall": round(base.overall, 1)},
                **({"improved_answer": improved_note} if improved_note else {}),
            },
        })
        return EngineGrade(round(technical, 1), round(communication, 1), round(job, 1),
                           round(overall, 1), feedback, base.follow_up_reason, engine=self.name)

    # -- follow-up ----------------------------------------------------------------------------

    def follow_up(self, question: PlannedQuestion, reason: str, answer: str,
                  avoid: Collection[str] = (), *, position: int | None = None,
                  use_model: bool = True) -> str | None:
        """The person waits for this one: a short timeout, one retry, and straight to the
        offline wording while the endpoint has just timed out or refused a connection, or when
        the caller says the model is busy (``use_model=False``)."""
        fallback = self.offline.follow_up(question, reason, answer, avoid)
        if not use_model or (self._transport_failed_at is not None
                             and time.monotonic() - self._transport_failed_at < CIRCUIT_SECONDS):
            return fallback
        if reason.startswith("missing-star:"):
            why = f"the story has no clear {reason.split(':', 1)[1]} (STAR)"
        else:
            missed = [p for p in question.key_points if p.strip()][:4]
            why = "the answer missed key points" + (": " + "; ".join(missed) if missed else "")
        nonce = secrets.token_hex(4)
        user = "\n\n".join([
            prompt("follow_up"), "QUESTION:\n" + question.text, "REASON:\n" + why,
            "ANSWER:\n" + data_block("answer", answer[:4000], nonce),
            *(["ALREADY ASKED in this interview (never repeat these wordings):\n"
               + "\n".join(f"- {a}" for a in list(avoid)[-8:])] if avoid else []),
        ])
        from mock_interview.engines.schemas import FollowUpOut

        try:
            reply = self.client.complete(
                "follow-up", prompt("system"), user, FollowUpOut, max_tokens=200, position=position,
                timeout=min(self.endpoint.timeout, FOLLOW_UP_TIMEOUT),
                max_retries=min(1, self.endpoint.max_retries))
        except LLMFailure as failure:
            self._failed("follow-up", failure)
            return fallback
        self._succeeded()
        text = reply.value.question.strip()
        if text.lower() in {a.strip().lower() for a in avoid}:
            return fallback  # the model repeated an earlier follow-up
        return text

    # -- the session's side: instant now, the model's later -------------------------------------

    def instant_grade(self, question: PlannedQuestion, answer: str, context: GradeContext) -> EngineGrade:
        """The offline grade: it is stored at once and decides the follow-up (code, not the model)."""
        return self.offline.grade(question, answer, context)

    def instant_follow_up(self, question: PlannedQuestion, reason: str, answer: str,
                          avoid: Collection[str] = ()) -> str | None:
        return self.offline.follow_up(question, reason, answer, avoid)

    def pending_feedback(self, instant: EngineGrade) -> dict[str, Any]:
        """The instant grade's feedback, marked as waiting for the model."""
        return {**instant.feedback, "llm": {"status": "pending", "model": self.endpoint.model}}

    def refine_grade(self, question: PlannedQuestion, answer: str, context: GradeContext,
                     instant: EngineGrade, position: int | None = None) -> EngineGrade:
        return self.grade(question, answer, context, offline=instant, position=position)

    def keep_instant(self, instant: EngineGrade, reason: str) -> EngineGrade:
        """The instant grade stands, marked as a fallback and why."""
        return self._offline_result(instant, "fallback", reason)

    def refinement_timeout(self) -> float | None:
        return self.endpoint.timeout

    def reword_follow_up(self, question: PlannedQuestion, reason: str, answer: str,
                         avoid: Collection[str], *, position: int | None,
                         gradings_pending: int) -> str | None:
        """The model's wording of a follow-up already stored with the instant one. A local
        server still grading an earlier answer serves one request at a time, so then None
        (bench/llm_pipelining.py measured 17 s of waiting otherwise)."""
        if gradings_pending and self.endpoint.is_local:
            return None
        return self.follow_up(question, reason, answer, avoid, position=position, use_model=True)

    def close(self) -> None:
        self.client.close()
