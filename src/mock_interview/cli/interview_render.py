"""Rich rendering of interview questions and of the typed report (the loop, `results`, `interview show`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mock_interview.cli.render.labels import KIND_LABELS, REPORT_DIMENSIONS, score_style, whole
from mock_interview.domain.score_bands import GOOD_FROM, bands_line

if TYPE_CHECKING:
    from mock_interview.cli.env import Env
    from mock_interview.services.interview import AskedQuestion
    from mock_interview.services.reports import InterviewReport


def question_panel(question: AskedQuestion) -> Any:
    from rich.markup import escape
    from rich.panel import Panel

    label = KIND_LABELS.get(question.kind, question.kind)
    topic = question.skill or question.competency
    title = f"Question {question.number} of {question.total} · {label}"
    if topic:
        title += f" · {topic}"
    subtitle = []
    if question.difficulty:
        subtitle.append(question.difficulty)
    if question.target_words:
        subtitle.append(f"aim for {question.target_words[0]}–{question.target_words[1]} words")
    if question.time_limit:
        subtitle.append(f"time limit {question.time_limit // 60}:{question.time_limit % 60:02d}")
    return Panel(escape(question.text), title=title, title_align="left",
                 subtitle=" · ".join(subtitle) or None, subtitle_align="right",
                 border_style="cyan" if not question.is_follow_up else "magenta", padding=(1, 2))


def scores_text(scores: dict[str, float]) -> str:
    return (f"[green]Saved.[/green] [dim]overall {whole(scores['overall'])} · technical "
            f"{whole(scores['technical'])} · communication {whole(scores['communication'])} "
            f"· job match {whole(scores['job_match'])} (0–100)[/dim]")


def note_text(note: dict[str, str] | None) -> list[str]:
    """The coach's note after an answer, as one or two Rich lines."""
    from rich.markup import escape

    from mock_interview.domain.interview.coaching import note_lines

    styled = []
    for line in note_lines(note or {}):
        colour = "yellow" if line.startswith("Not right") else "cyan" if line.startswith("Tip") else "white"
        styled.append(f"  [{colour}]{escape(line)}[/]")
    return styled


def retry_text(outcome: Any) -> str:
    """How a retry went against the attempt it tried to beat."""
    new, old = outcome.scores["overall"], outcome.previous_overall or 0.0
    change = f"{whole(old)} → {whole(new)}"
    if outcome.counts:
        return f"[green]Saved attempt {outcome.attempt}:[/green] overall {change}; this attempt counts."
    return (f"[yellow]Saved attempt {outcome.attempt}:[/yellow] overall {change}; "
            "the earlier, better attempt still counts.")


def recap_text(recap: dict[str, Any]) -> list[str]:
    """Where a resumed interview stands."""
    from rich.markup import escape

    job = recap.get("job_title") or "a job"
    if recap.get("job_company"):
        job += f" at {recap['job_company']}"
    lines = [f"[bold]Resuming[/bold] {escape(job)}"
             + (f" · resume {escape(recap['resume'])}" if recap.get("resume") else "")]
    progress = f"Answered {recap['answered']} of {recap['total']}"
    if recap.get("last_score") is not None:
        progress += f"; last score {whole(recap['last_score'])} (0–100)"
        if recap.get("last_question"):
            progress += f" on “{escape(_short(recap['last_question'], 70))}”"
    lines.append(f"[dim]{progress}.[/dim]")
    return lines


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_transcript(env: Env, report: InterviewReport) -> None:
    """Every question with the answer given, its scores, the coach's note, earlier attempts
    and a model answer; then the result."""
    from rich.markup import escape
    from rich.panel import Panel

    for thread in report.threads:
        for q in (thread.main, *thread.follow_ups):
            if q.follow_up_of is None:
                title = f"Question {thread.number} · {KIND_LABELS.get(q.kind, q.kind)}"
            else:
                title = f"Follow-up to question {thread.number}"
            if q.skill or q.competency:
                title += f" · {q.skill or q.competency}"
            body = [f"[bold]{escape(q.text)}[/bold]", ""]
            if q.status == "answered":
                body.append(escape(q.answer or ""))
                scores = q.scores or {}
                if scores:
                    body += ["", f"[{score_style(scores['overall'])}]overall {whole(scores['overall'])}[/] "
                                 f"[dim]· technical {whole(scores['technical'])} · communication "
                                 f"{whole(scores['communication'])} · job match {whole(scores['job_match'])}[/dim]"]
                body += note_text(q.note)
            else:
                body.append(f"[dim]({q.status})[/dim]")
            if len(q.attempts) > 1:
                trail = " → ".join(f"{whole(attempt.overall or 0)}" + ("*" if attempt.counts else "")
                                   for attempt in q.attempts)
                body += ["", f"[dim]Attempts (overall; * counts): {trail}[/dim]"]
                for attempt in q.attempts:
                    if not attempt.counts:
                        earlier = escape(_short(attempt.answer or "", 300))
                        body.append(f"[dim]Attempt {attempt.number}: {earlier}[/dim]")
            if q.model_answer is not None:
                source = "by the model" if q.model_answer.by_model else "from the key points and your resume"
                body += ["", f"[cyan]Model answer[/cyan] [dim]({source})[/dim]", escape(q.model_answer.text)]
            env.out.print(Panel("\n".join(body), title=title, title_align="left",
                                border_style="magenta" if q.follow_up_of is not None else "cyan"))
    render_result(env, report)


def render_result(env: Env, report: InterviewReport) -> None:
    from rich.markup import escape
    from rich.table import Table

    from mock_interview.domain.interview.coaching import note_lines

    result = report.result
    heading = f"Interview {report.interview_id[:8]}"
    if report.job_title:
        heading += f" · {escape(report.job_title)} at {escape(report.job_company or '')}"
    env.out.print(f"\n[bold]{heading}[/bold]  [dim]({report.status}, scores 0–100)[/dim]")
    if result:
        scores = Table(show_header=True, box=None, padding=(0, 2))
        for _, label in REPORT_DIMENSIONS:
            scores.add_column(label, justify="center")
        values = [result.scores[key] for key, _ in REPORT_DIMENSIONS]
        scores.add_row(*(f"[bold {score_style(v)}]{whole(v)}[/]" for v in values))
        env.out.print(scores)
        env.out.print(f"[dim]{escape(bands_line())}[/dim]")
    table = Table(title="Questions", title_justify="left", show_lines=False)
    table.add_column("#", justify="right")
    table.add_column("Question", overflow="fold", ratio=3)
    table.add_column("Score", justify="right")
    table.add_column("Feedback", overflow="fold", ratio=2)
    for thread in report.threads:
        for q in (thread.main, *thread.follow_ups):
            overall = q.scores["overall"] if q.scores else None
            number = str(thread.number) if q.follow_up_of is None else f"↳{thread.number}"
            note = " ".join(note_lines(q.note or {}))
            if not note:
                note = "; ".join([*q.weaknesses[:1], *q.strengths[:1]])
            if len(q.attempts) > 1 and q.improvement is not None:
                note = f"{len(q.attempts)} attempts, {q.improvement:+.0f}. " + note
            if q.status != "answered":
                note = q.status
            table.add_row(number, escape(q.text),
                          f"[{score_style(overall)}]{whole(overall)}[/]" if overall is not None else "—",
                          escape(note))
    env.out.print(table)
    if not result:
        return
    for title, items, colour in (("Strengths", result.strengths, "green"),
                                 ("Weaknesses", result.weaknesses, "yellow"),
                                 ("What to practise next", result.recommendations, "cyan")):
        if items:
            env.out.print(f"[bold {colour}]{title}[/]")
            for item in items:
                env.out.print(f"  • {escape(str(item))}")
    insights = result.insights
    if insights:
        parts = []
        if insights.job_terms_used:
            parts.append(f"job terms used: {', '.join(insights.job_terms_used[:8])}")
        if insights.star_questions:
            parts.append("STAR: " + ", ".join(f"{k} {v}/{insights.star_questions}"
                                              for k, v in insights.star_parts_covered.items()))
        if insights.repeated_words:
            parts.append("most repeated: " + ", ".join(f"{word} ×{count}"
                                                       for word, count in insights.repeated_words[:4]))
        if parts:
            env.out.print("[dim]" + escape(" · ".join(parts)) + "[/dim]")


def render_model_answers(env: Env, report: InterviewReport, below: float = GOOD_FROM) -> None:
    """Model answers for the questions worth practising: answered under ``below`` or not answered."""
    from rich.markup import escape

    chosen = [q for q in report.questions if q.model_answer is not None and (
        q.status != "answered" or (q.overall or 0) < below)]
    if not chosen:
        return
    env.out.print(f"[bold cyan]Model answers[/] [dim](questions under {whole(below)} or not answered; "
                  "all of them: mock-interview interview show ID)[/dim]")
    for q in chosen:
        source = "by the model" if q.model_answer.by_model else "from the key points and your resume"
        env.out.print(f"[bold]{escape(_short(q.text, 100))}[/bold] [dim]({source})[/dim]")
        for line in q.model_answer.text.splitlines():
            env.out.print(f"  {escape(line)}")
