"""Words and figures shared by the Markdown and HTML reports: titles, topics, dates, the
settings line and the per-question chart's items."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from mock_interview.cli.render.labels import KIND_LABELS, STATUS_LABELS, whole

if TYPE_CHECKING:
    from mock_interview.services.reports import InterviewReport, ReportQuestion, ReportSettings

STAR_PARTS = ("situation", "task", "action", "result")


def status_label(status: str | None) -> str:
    return STATUS_LABELS.get(status or "", status or "—")


def score_text(score: float | None) -> str:
    return "—" if score is None else whole(score)


def topic_label(question: ReportQuestion) -> str:
    kind = KIND_LABELS.get(question.kind or "", question.kind or "Question")
    topic = question.skill or question.competency
    return f"{kind} · {topic}" if topic else kind


def when_text(value: str | None) -> str:
    if not value:
        return "—"
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def report_title(report: InterviewReport) -> str:
    title, company = report.job_title, report.job_company
    if title and company:
        return f"{title} at {company}"
    return title or company or "Mock interview"


def settings_line(settings: ReportSettings) -> str:
    parts = []
    if settings.count:
        parts.append(f"{settings.count} questions")
    if settings.mix:
        parts.append(str(settings.mix))
    if settings.difficulty:
        parts.append(f"{settings.difficulty} difficulty")
    if settings.time_limit:
        limit = int(settings.time_limit)
        parts.append(f"time limit {limit // 60}:{limit % 60:02d}")
    if settings.seed is not None:
        parts.append(f"seed {settings.seed}")
    return " · ".join(parts) or "—"


def chart_items(report: InterviewReport) -> list[tuple[str, str, float | None, bool, str]]:
    """(label, anchor, overall or None, is follow-up, status) per asked question, in order."""
    items = []
    for thread in report.threads:
        number = thread.number
        items.append((f"Q{number}", f"q{number}", thread.main.overall, False, thread.main.status))
        for index, follow_up in enumerate(thread.follow_ups, start=1):
            items.append((f"↳{number}", f"q{number}-f{index}", follow_up.overall, True, follow_up.status))
    return items


def attempts_change(question: ReportQuestion) -> str:
    change = question.improvement
    if change is None:
        return "no change"
    return f"{change:+.0f} points" if change else "no change"
