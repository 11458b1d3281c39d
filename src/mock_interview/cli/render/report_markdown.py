"""The interview report as Markdown: readable as plain text in a terminal, rendered on GitHub."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from mock_interview.cli.render.labels import REPORT_DIMENSIONS
from mock_interview.cli.render.report_parts import (
    STAR_PARTS,
    attempts_change,
    report_title,
    score_text,
    settings_line,
    status_label,
    topic_label,
    when_text,
)

if TYPE_CHECKING:
    from mock_interview.services.reports import Insights, InterviewReport, ReportQuestion

_MD_SPECIAL = re.compile(r"([\\`*\[\]<>|~])|(?<!\w)_|_(?!\w)|&(?=#?\w+;)")
_MD_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")


def _md(text: Any) -> str:
    """Inline text with Markdown and HTML syntax made inert (snake_case stays readable)."""
    return _MD_SPECIAL.sub(lambda m: "\\" + m.group(0), str(text))


def _md_cell(text: Any) -> str:
    return " ".join(_md(text).split())


def _md_block(text: str, prefix: str = "> ") -> str:
    """A blockquote of user text: each line escaped, and line starts that Markdown reads as
    headings or lists are escaped too."""
    lines = []
    for line in str(text).splitlines() or [""]:
        line = _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), _md(line))
        lines.append(f"{prefix}{line}".rstrip())
    return "\n".join(lines)


def _md_bar(score: float, width: int = 20) -> str:
    eighths = round(max(0.0, min(100.0, score)) / 100 * width * 8)
    full, rest = divmod(eighths, 8)
    bar = "█" * full + ("▏▎▍▌▋▊▉"[rest - 1] if rest else "")
    return bar + "░" * (width - len(bar))


def render_markdown(report: InterviewReport) -> str:
    """A report readable as plain text in a terminal and rendered on GitHub."""
    out: list[str] = [f"# Mock interview: {_md(report_title(report))}", ""]
    interview_id = report.interview_id
    meta = [("Interview", f"`{interview_id[:8]}` ({interview_id})" if interview_id else "—"),
            ("Date", when_text(report.started_at)),
            ("Status", _md(status_label(report.status))),
            ("Engine", _md(report.engine or "—")),
            ("Settings", _md(settings_line(report.settings)))]
    if report.match_score is not None:
        meta.append(("Resume–job match", f"{report.match_score:.0f}/100"))
    out += ["| | |", "|---|---|", *(f"| **{k}** | {v} |" for k, v in meta), ""]

    result = report.result
    out += ["## Scores (0–100)", ""]
    if result is None:
        out += ["_This interview is not finished, so there is no overall result yet._", ""]
    else:
        scores = result.scores
        out += ["| | Score (0–100) | |", "|---|---:|---|"]
        for key, label in REPORT_DIMENSIONS:
            value = f"**{score_text(scores[key])}**" if key == "overall" else score_text(scores[key])
            out.append(f"| {label} | {value} | `{_md_bar(scores[key])}` |")
        out.append("")
        for title, items in (("Strengths", result.strengths), ("Weaknesses", result.weaknesses),
                             ("What to practise next", result.recommendations)):
            if items:
                out += [f"## {title}", "", *(f"- {_md_cell(item)}" for item in items), ""]
        out += _md_insights(result.insights)

    out += ["## Scores per question (0–100)", "",
            "| # | Question | Status | Overall | Technical | Communication | Job match |",
            "|---|---|---|---:|---:|---:|---:|"]
    for thread in report.threads:
        out.append(_md_score_row(f"Q{thread.number}", topic_label(thread.main), thread.main))
        for follow_up in thread.follow_ups:
            out.append(_md_score_row(f"↳ Q{thread.number}", "Follow-up", follow_up))
    out += ["", "## Transcript", ""]
    for thread in report.threads:
        out += _md_question(thread.main, f"### Q{thread.number} · {_md(topic_label(thread.main))}")
        for follow_up in thread.follow_ups:
            out += _md_question(follow_up, f"#### ↳ Follow-up to Q{thread.number}")
    out.append(f"_Scores are 0–100. Exported by mock-interview from interview {interview_id}._")
    return "\n".join(out).rstrip() + "\n"


def _md_score_row(label: str, topic: str, question: ReportQuestion) -> str:
    scores = question.scores or {}
    status = status_label(question.status)
    values = [score_text(scores.get(key)) for key, _ in REPORT_DIMENSIONS]
    values[0] = f"**{values[0]}**" if scores else values[0]
    return f"| {label} | {_md_cell(topic)} | {status} | {' | '.join(values)} |"


def _md_question(question: ReportQuestion, heading: str) -> list[str]:
    scores = question.scores
    status = question.status
    if scores:
        heading += f" — {score_text(scores.get('overall'))}/100"
    elif status != "answered":
        heading += f" — {status_label(status).lower()}"
    out = [heading, "", f"**Question:** {_md(' '.join(question.text.split()))}", ""]
    answer = question.answer
    if answer and str(answer).strip():
        out += ["**Answer:**", "", _md_block(answer), ""]
    else:
        out += [f"_{status_label(status)}: no answer recorded._", ""]
    if scores:
        out += ["Scores (0–100): " + " · ".join(
            f"{label.lower()} **{score_text(scores.get(key))}**" for key, label in REPORT_DIMENSIONS), ""]
    notes = [f"- ✓ {_md_cell(text)}" for text in question.strengths]
    notes += [f"- ✗ {_md_cell(text)}" for text in question.weaknesses]
    if notes:
        out += ["**Feedback:**", "", *notes, ""]
    if question.evidence:
        out += ["**Evidence from your answer:**", ""]
        for item in question.evidence:
            mark, lead = ("✓ strength", "covers") if item.polarity == "strength" else ("✗ weakness", "issue")
            about = f" ({lead}: {_md_cell('; '.join(item.points))})" if item.points else ""
            out.append(f"- {mark}: “{_md_cell(item.quote)}”{about}")
        out.append("")
    if len(question.attempts) > 1:
        out += [f"**Attempts** (the better one counts; {attempts_change(question)}):", ""]
        for attempt in question.attempts:
            mark = " — counts" if attempt.counts else ""
            out.append(f"- Attempt {attempt.number}: {score_text(attempt.overall)}/100{mark}")
            if not attempt.counts and attempt.answer:
                out += ["", _md_block(str(attempt.answer), prefix="  > "), ""]
        out.append("")
    model = question.model_answer
    if model is not None:
        source = "written by the model" if model.by_model else "from the key points and your resume"
        out += [f"**Model answer** ({source}):", "", _md_block(model.text), ""]
    return out


def _md_insights(insights: Insights | None) -> list[str]:
    if insights is None:
        return []
    lines = []
    used, unused = insights.job_terms_used, insights.job_terms_not_used
    lines.append(f"- **Job terms used:** {_md_cell(', '.join(used)) if used else 'none'}")
    if unused:
        lines.append(f"- **Job terms not used:** {_md_cell(', '.join(unused))}")
    if insights.repeated_words:
        words = ", ".join(f"{word} ×{count}" for word, count in insights.repeated_words)
        lines.append(f"- **Most repeated words:** {_md_cell(words)}")
    stories = insights.star_questions
    if stories:
        star = insights.star_parts_covered
        parts = ", ".join(f"{p} {star.get(p, 0)}/{stories}" for p in STAR_PARTS)
        lines.append(f"- **STAR parts covered** ({stories} story question{'s' if stories != 1 else ''}): {parts}")
    lines.append(f"- **Filler words:** {insights.filler_words} · **Hedges:** {insights.hedges}")
    return ["## Insights", "", *lines, ""]
