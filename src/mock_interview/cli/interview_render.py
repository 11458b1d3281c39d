"""Rich rendering of interview questions and results (shared by the loop and `results`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mock_interview.cli.env import Env
    from mock_interview.services.interview import AskedQuestion

KIND_LABEL = {"technical": "Technical", "behavioral": "Behavioural", "situational": "Situational",
              "resume": "Your experience", "gap": "Skill gap", "follow-up": "Follow-up"}


def _style(score: float | None) -> str:
    if score is None:
        return "dim"
    return "green" if score >= 70 else "yellow" if score >= 45 else "red"


def question_panel(question: AskedQuestion) -> Any:
    from rich.markup import escape
    from rich.panel import Panel

    label = KIND_LABEL.get(question.kind, question.kind)
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


def render_result(env: Env, data: dict[str, Any]) -> None:
    from rich.markup import escape
    from rich.table import Table

    result = data.get("result")
    job = data.get("job") or {}
    heading = f"Interview {data['interview_id'][:8]}"
    if job.get("title"):
        heading += f" · {escape(job['title'])} at {escape(job.get('company') or '')}"
    env.out.print(f"\n[bold]{heading}[/bold]  [dim]({data['status']}, scores 0–100)[/dim]")
    if result:
        scores = Table(show_header=True, box=None, padding=(0, 2))
        for name in ("Overall", "Technical", "Communication", "Job match"):
            scores.add_column(name, justify="center")
        values = [result["overall_score"], result["technical_score"],
                  result["communication_score"], result["job_match_score"]]
        scores.add_row(*(f"[bold {_style(v)}]{v:.0f}[/]" for v in values))
        env.out.print(scores)
        from mock_interview.domain.grading import bands_line

        env.out.print(f"[dim]{escape(bands_line())}[/dim]")
    table = Table(title="Questions", title_justify="left", show_lines=False)
    table.add_column("#", justify="right")
    table.add_column("Question", overflow="fold", ratio=3)
    table.add_column("Score", justify="right")
    table.add_column("Feedback", overflow="fold", ratio=2)
    numbers: dict[int, int] = {}  # row position -> question number, follow-ups excluded
    for q in data["questions"]:
        scores = q.get("scores")
        overall = scores["overall"] if scores else None
        if q.get("follow_up_of") is None:
            numbers[q["position"]] = len(numbers) + 1
            number = str(numbers[q["position"]])
        else:
            number = f"↳{numbers.get(q['follow_up_of'], '?')}"
        feedback = q.get("feedback") or {}
        note = "; ".join((feedback.get("weaknesses") or [])[:1] + (feedback.get("strengths") or [])[:1])
        if q["status"] != "answered":
            note = q["status"]
        table.add_row(number, escape(q["question"]),
                      f"[{_style(overall)}]{overall:.0f}[/]" if overall is not None else "—",
                      escape(note))
    env.out.print(table)
    if not result:
        return
    for title, key, colour in (("Strengths", "strengths", "green"), ("Weaknesses", "weaknesses", "yellow"),
                               ("What to practise next", "recommendations", "cyan")):
        items = result.get(key) or []
        if items:
            env.out.print(f"[bold {colour}]{title}[/]")
            for item in items:
                env.out.print(f"  • {escape(str(item))}")
    insights = result.get("insights") or {}
    if insights:
        parts = []
        if insights.get("job_terms_used"):
            parts.append(f"job terms used: {', '.join(insights['job_terms_used'][:8])}")
        star = insights.get("star_parts_covered") or {}
        if insights.get("star_questions"):
            parts.append("STAR: " + ", ".join(f"{k} {v}/{insights['star_questions']}" for k, v in star.items()))
        repeated = insights.get("most_repeated_words") or []
        if repeated:
            parts.append("most repeated: " + ", ".join(f"{w['word']} ×{w['count']}" for w in repeated[:4]))
        if parts:
            env.out.print("[dim]" + escape(" · ".join(parts)) + "[/dim]")
