"""Review interviews: the questions a person did worst on come back, spaced over time.

A simple spaced-repetition schedule. After each answer, a question's next review is due
after an interval set by its score (low scores come back sooner) and doubled for every
consecutive good answer (>= GOOD) to it. A review interview asks the due questions,
lowest score first, and tops up at once with fresh bank questions on the weakest skills (the
skill-keyed banks, the field banks and the behavioural competencies).
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from mock_interview.domain.interview.bank import BankQuestion, QuestionBank
from mock_interview.domain.interview.planner import PlannedQuestion, _by_difficulty

GOOD = 75.0
# (score below, days until the question is due again)
INTERVALS = ((40.0, 1), (60.0, 3), (75.0, 7), (90.0, 14), (101.0, 30))


@dataclass
class PastAnswer:
    question: PlannedQuestion  # as it was asked (templates already filled in)
    score: float  # overall, 0-100; unanswered or skipped count as 0
    asked_at: datetime


@dataclass
class ReviewItem:
    question: PlannedQuestion
    last_score: float
    due_at: datetime
    interval_days: int


def interval_days(scores: Sequence[float]) -> int:
    """Days until the next review, from this question's scores, oldest first."""
    last = scores[-1]
    days = next(d for limit, d in INTERVALS if last < limit)
    streak = 0
    for score in reversed(scores):
        if score < GOOD:
            break
        streak += 1
    return days * (2 ** max(0, streak - 1))


def schedule(history: Sequence[PastAnswer]) -> list[ReviewItem]:
    """One entry per question asked before, with when it is next due."""
    by_question: dict[str, list[PastAnswer]] = defaultdict(list)
    for past in sorted(history, key=lambda p: p.asked_at):
        by_question[past.question.id].append(past)
    items = []
    for answers in by_question.values():
        last = answers[-1]
        days = interval_days([a.score for a in answers])
        items.append(ReviewItem(last.question, last.score, last.asked_at + timedelta(days=days), days))
    return items


def weakest_skills(history: Sequence[PastAnswer], limit: int = 5) -> list[str]:
    """Skills and competencies by average score, lowest first (all of them: the weakest are
    relative, so a strong person still has a weakest skill to work on)."""
    totals: dict[str, list[float]] = defaultdict(list)
    for past in history:
        topic = past.question.skill or past.question.competency
        if topic:
            totals[topic].append(past.score)
    ranked = sorted(totals, key=lambda s: (sum(totals[s]) / len(totals[s]), s))
    return ranked[:limit]


def _on_topic(bank: QuestionBank, topic: str) -> list[BankQuestion]:
    """Bank questions on a skill (skill-keyed banks and the field banks' ``skills``) or a
    behavioural competency."""
    table = bank.skill_table
    wanted = topic.lower()
    found = [q for q in bank.technical
             if (q.skill and table.same(q.skill, topic)) or any(table.same(s, topic) for s in q.skills)]
    found += [q for q in bank.behavioral if (q.competency or "").lower() == wanted]
    return found


def plan_review(history: Sequence[PastAnswer], bank: QuestionBank, count: int, now: datetime,
                difficulty: str = "medium", seed: int = 0) -> list[PlannedQuestion]:
    """Due questions (worst first), topped up at once with fresh questions on the weakest
    skills, one per skill in turn; empty only when nothing is due and the bank has nothing new
    on them."""
    due = sorted((i for i in schedule(history) if i.due_at <= now),
                 key=lambda i: (i.last_score, i.due_at))
    plan = [_with_reason(i.question, f"review: you scored {i.last_score:.0f}/100 last time")
            for i in due[:count]]
    asked = {p.question.id for p in history}
    rng = random.Random(seed)
    used = {q.id for q in plan} | asked  # a question not yet due waits for its turn
    weakest = weakest_skills(history)
    pools = {topic: _on_topic(bank, topic) for topic in weakest}
    while len(plan) < count:
        added = False
        for topic in weakest:
            if len(plan) >= count:
                break
            chosen = _by_difficulty([q for q in pools[topic] if q.id not in used], difficulty, rng, set())
            if chosen is None:
                continue
            used.add(chosen.id)
            added = True
            plan.append(PlannedQuestion(
                id=chosen.id, kind=chosen.kind, text=chosen.text, key_points=list(chosen.key_points),
                difficulty=chosen.difficulty, target_words=list(chosen.target_words),
                star=chosen.star, skill=chosen.skill or (topic if chosen.kind == "technical" else None),
                competency=chosen.competency, follow_up=chosen.follow_up,
                reason=f"review: {topic} is among your weakest skills",
            ))
        if not added:
            break
    return plan


def next_due(history: Sequence[PastAnswer]) -> datetime | None:
    items = schedule(history)
    return min((i.due_at for i in items), default=None)


def _with_reason(question: PlannedQuestion, reason: str) -> PlannedQuestion:
    data: dict[str, Any] = question.to_json()
    data["reason"] = reason
    return PlannedQuestion.from_json(data)
