"""Statistics over past interviews: trends, per-skill means, recurring advice. Pure functions.

Scores are 0-100. The database does the counting and averaging; this module turns the
aggregated rows into the figures `stats` shows, so the rules are testable without a database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from mock_interview.domain.interview.report import KIND_TOPICS
from mock_interview.errors import UsageError

DIMENSIONS = ("technical", "communication", "job_match", "overall")
TREND_WINDOW = 5
TREND_METHOD = ("since_first: latest score minus the first; "
                f"last_{TREND_WINDOW}_slope: least-squares slope over the last {TREND_WINDOW} "
                "completed interviews, in points per interview")
# The report already turns weak topics into "Practise next: …"; stats ranks topics itself
# across all answers, so that tip would only repeat one interview's view.
OWN_TOPIC_TIP = "practise next"


def parse_since(text: str) -> date:
    """An ISO date (YYYY-MM-DD), or a UsageError saying what is expected."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"--since must be an ISO date such as 2026-03-01, not {text!r}") from None


def parse_dimension(text: str) -> str:
    """A dimension name; 'job-match' and 'job match' are accepted for job_match."""
    name = re.sub(r"[\s-]+", "_", text.strip().lower())
    if name not in DIMENSIONS:
        raise UsageError(f"--dimension must be one of {', '.join(DIMENSIONS)}, not {text!r}")
    return name


def slope(values: Sequence[float]) -> float | None:
    """Least-squares slope per step (points per interview); None for fewer than two values."""
    n = len(values)
    if n < 2:
        return None
    mean_x = (n - 1) / 2
    mean_y = sum(values) / n
    spread = sum((x - mean_x) ** 2 for x in range(n))
    return sum((x - mean_x) * (y - mean_y) for x, y in enumerate(values)) / spread


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), 1)


@dataclass(frozen=True)
class DimensionSummary:
    """One dimension's figures, rounded to 0.1; None where there is nothing to measure."""

    average: float | None
    best: float | None
    latest: float | None
    since_first: float | None  # the latest score minus the first
    recent_slope: float | None  # least-squares slope over the last TREND_WINDOW interviews

    def to_json(self) -> dict[str, Any]:
        return {"average": self.average, "best": self.best, "latest": self.latest,
                "since_first": self.since_first, f"last_{TREND_WINDOW}_slope": self.recent_slope}


def dimension_summary(average: float | None, best: float | None, first: float | None,
                      recent: Sequence[float]) -> DimensionSummary:
    """One dimension's figures; `recent` holds the last scores, oldest first."""
    latest = recent[-1] if recent else None
    enough = first is not None and latest is not None and len(recent) >= 2
    return DimensionSummary(
        average=_round(average),
        best=_round(best),
        latest=_round(latest),
        since_first=_round(latest - first) if enough else None,
        recent_slope=_round(slope(recent[-TREND_WINDOW:])),
    )


@dataclass
class TopicStat:
    """A skill, competency or question kind, with the summed overall score of its answers."""

    topic: str
    kind: str  # skill | competency | topic
    total: float
    answers: int

    @property
    def mean(self) -> float:
        return round(self.total / self.answers, 1) if self.answers else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"topic": self.topic, "kind": self.kind, "mean_overall": self.mean,
                "answers": self.answers}


def fold_topics(rows: Iterable[tuple[str | None, str | None, str, float, int]]) -> list[TopicStat]:
    """Merge (skill, competency, question kind, score sum, count) rows into topics.

    A topic is named as the interview report names it: the skill, else the competency,
    else the kind of question ("your own experience"), so both speak of the same things.
    """
    merged: dict[tuple[str, str], TopicStat] = {}
    for skill, competency, kind, total, count in rows:
        if skill:
            key = ("skill", skill)
        elif competency:
            key = ("competency", competency)
        else:
            key = ("topic", KIND_TOPICS.get(kind, kind))
        stat = merged.setdefault(key, TopicStat(key[1], key[0], 0.0, 0))
        stat.total += float(total or 0.0)
        stat.answers += int(count or 0)
    return list(merged.values())


def rank_topics(topics: Iterable[TopicStat], min_answers: int,
                count: int) -> tuple[list[TopicStat], list[TopicStat]]:
    """(weakest first, strongest first) among topics with at least `min_answers` answers.

    The two lists never share a topic: with few topics the lower half counts as weak.
    """
    ranked = sorted((t for t in topics if t.answers >= min_answers),
                    key=lambda t: (t.mean, -t.answers, t.topic.lower()))
    weak_count = min(count, (len(ranked) + 1) // 2)
    weakest = ranked[:weak_count]
    strongest = list(reversed(ranked[weak_count:]))[:count]
    return weakest, strongest


def _tip_key(text: str) -> str:
    # Tips carry specifics after a colon or "e.g." (the missed point, the job's terms);
    # the advice itself is what recurs.
    return re.split(r":|,\s*e\.g\.", text, maxsplit=1)[0].strip().lower()


@dataclass(frozen=True)
class Recommendation:
    """A tip that recurs across interviews, in its newest wording."""

    text: str
    interviews: int  # how many interviews gave it

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "interviews": self.interviews}


def recurring_recommendations(per_interview: Iterable[Sequence[str] | None],
                              limit: int) -> list[Recommendation]:
    """The most frequent tips across interviews (given newest first), newest wording kept."""
    counts: dict[str, int] = {}
    wording: dict[str, str] = {}
    order: dict[str, int] = {}
    for tips in per_interview:
        seen: set[str] = set()
        for text in tips or []:
            key = _tip_key(text)
            if not key or key in seen or key.startswith(OWN_TOPIC_TIP):
                continue
            seen.add(key)
            counts[key] = counts.get(key, 0) + 1
            wording.setdefault(key, text)
            order.setdefault(key, len(order))
    ranked = sorted(counts, key=lambda k: (-counts[k], order[k]))
    return [Recommendation(wording[k], counts[k]) for k in ranked[:limit]]
