"""Interview reports for `results --format md|html|json [-o FILE]`.

Input is the ``describe()`` dict. Stdlib only (the HTML is f-strings with ``html.escape``), so
exporting adds no dependency and nothing to start-up. The HTML page is one self-contained file
(inline CSS and SVG, no scripts, fonts or images) so it opens offline and survives email.
"""

from __future__ import annotations

import contextlib
import html
import json
import os
import re
import sys
import tempfile
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from mock_interview.errors import MockInterviewError, UsageError

FORMATS = ("md", "html", "json")
JSON_VERSION = 1
DIMENSIONS = (("overall", "Overall"), ("technical", "Technical"),
              ("communication", "Communication"), ("job_match", "Job match"))
KIND_LABEL = {"technical": "Technical", "behavioral": "Behavioural", "situational": "Situational",
              "resume": "Your experience", "gap": "Skill gap", "follow-up": "Follow-up"}
STATUS_LABEL = {"answered": "Answered", "skipped": "Skipped", "unanswered": "Not answered",
                "asked": "Awaiting an answer", "completed": "Completed", "in_progress": "In progress"}
BAND_LABEL = {"good": "strong", "fair": "fair", "weak": "weak"}
STAR_PARTS = ("situation", "task", "action", "result")


# -- reading the describe() dict ------------------------------------------------------------------

def _band(score: float | None) -> str:
    """good / fair / weak, the same thresholds as the terminal colours (70 and 45)."""
    if score is None:
        return "none"
    return "good" if score >= 70 else "fair" if score >= 45 else "weak"


def _status(status: str | None) -> str:
    return STATUS_LABEL.get(status or "", status or "—")


def _num(score: float | None) -> str:
    return "—" if score is None else f"{score:.0f}"


def _overall_scores(data: Mapping[str, Any]) -> dict[str, float] | None:
    result = data.get("result")
    if not result:
        return None
    return {key: float(result.get(f"{key}_score") or 0.0) for key, _ in DIMENSIONS}


def _threads(data: Mapping[str, Any]) -> list[tuple[int, dict[str, Any], list[dict[str, Any]]]]:
    """(number, main question, its follow-ups) in interview order; numbers count main questions."""
    threads: list[tuple[int, dict[str, Any], list[dict[str, Any]]]] = []
    by_position: dict[int, list[dict[str, Any]]] = {}
    for question in data.get("questions") or []:
        parent = question.get("follow_up_of")
        if parent is not None and parent in by_position:
            by_position[parent].append(question)
            continue
        follow_ups: list[dict[str, Any]] = []
        by_position[question["position"]] = follow_ups
        threads.append((len(threads) + 1, question, follow_ups))
    return threads


def _topic(question: Mapping[str, Any]) -> str:
    kind = KIND_LABEL.get(question.get("kind") or "", question.get("kind") or "Question")
    topic = question.get("skill") or question.get("competency")
    return f"{kind} · {topic}" if topic else kind


def _evidence(feedback: Mapping[str, Any] | None) -> list[tuple[str, str, list[str]]]:
    """(polarity, quote, points) with one entry per quote: one sentence often proves several points."""
    grouped: dict[tuple[str, str], list[str]] = {}
    for item in (feedback or {}).get("evidence") or []:
        quote = str(item.get("quote") or "").strip()
        if not quote:
            continue
        points = grouped.setdefault((item.get("polarity") or "strength", quote), [])
        point = item.get("point")
        if point and point not in points:
            points.append(str(point))
    return [(polarity, quote, points) for (polarity, quote), points in grouped.items()]


def _when(value: str | None) -> str:
    if not value:
        return "—"
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def _title(data: Mapping[str, Any]) -> str:
    job = data.get("job") or {}
    title, company = job.get("title"), job.get("company")
    if title and company:
        return f"{title} at {company}"
    return title or company or "Mock interview"


def _settings_line(data: Mapping[str, Any]) -> str:
    settings = data.get("settings") or {}
    parts = []
    if settings.get("count"):
        parts.append(f"{settings['count']} questions")
    if settings.get("mix"):
        parts.append(str(settings["mix"]))
    if settings.get("difficulty"):
        parts.append(f"{settings['difficulty']} difficulty")
    if settings.get("time_limit"):
        limit = int(settings["time_limit"])
        parts.append(f"time limit {limit // 60}:{limit % 60:02d}")
    if settings.get("seed") is not None:
        parts.append(f"seed {settings['seed']}")
    return " · ".join(parts) or "—"


def _match_score(data: Mapping[str, Any]) -> float | None:
    match = data.get("match") or {}
    score = match.get("score") if isinstance(match, Mapping) else None
    return float(score) if isinstance(score, (int, float)) else None


def _chart_items(data: Mapping[str, Any]) -> list[tuple[str, str, float | None, bool, str]]:
    """(label, anchor, overall or None, is follow-up, status) per asked question, in order."""
    items = []
    for number, main, follow_ups in _threads(data):
        items.append((f"Q{number}", f"q{number}", _question_overall(main), False, main.get("status", "")))
        for index, follow_up in enumerate(follow_ups, start=1):
            items.append((f"↳{number}", f"q{number}-f{index}", _question_overall(follow_up), True,
                          follow_up.get("status", "")))
    return items


def _question_overall(question: Mapping[str, Any]) -> float | None:
    scores = question.get("scores")
    return None if not scores else float(scores.get("overall") or 0.0)


# -- JSON -----------------------------------------------------------------------------------------

def render_json(data: Mapping[str, Any]) -> str:
    """The ``describe()`` dict as versioned, pretty JSON (the shape of `interview show --json`)."""
    from mock_interview.domain.numbers import rounded

    document = rounded({"json_version": JSON_VERSION, **data})  # as `--json` prints it
    return json.dumps(document, indent=2, ensure_ascii=False, default=str) + "\n"


# -- Markdown -------------------------------------------------------------------------------------

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


def render_markdown(data: Mapping[str, Any]) -> str:
    """A report readable as plain text in a terminal and rendered on GitHub."""
    out: list[str] = [f"# Mock interview: {_md(_title(data))}", ""]
    interview_id = str(data.get("interview_id") or "")
    meta = [("Interview", f"`{interview_id[:8]}` ({interview_id})" if interview_id else "—"),
            ("Date", _when(data.get("started_at"))),
            ("Status", _md(_status(data.get("status")))),
            ("Engine", _md(data.get("engine") or "—")),
            ("Settings", _md(_settings_line(data)))]
    match = _match_score(data)
    if match is not None:
        meta.append(("Resume–job match", f"{match:.0f}/100"))
    out += ["| | |", "|---|---|", *(f"| **{k}** | {v} |" for k, v in meta), ""]

    scores = _overall_scores(data)
    out += ["## Scores (0–100)", ""]
    if scores is None:
        out += ["_This interview is not finished, so there is no overall result yet._", ""]
    else:
        out += ["| | Score (0–100) | |", "|---|---:|---|"]
        for key, label in DIMENSIONS:
            value = f"**{_num(scores[key])}**" if key == "overall" else _num(scores[key])
            out.append(f"| {label} | {value} | `{_md_bar(scores[key])}` |")
        out.append("")

    result = data.get("result") or {}
    for title, key in (("Strengths", "strengths"), ("Weaknesses", "weaknesses"),
                       ("What to practise next", "recommendations")):
        items = result.get(key) or []
        if items:
            out += [f"## {title}", "", *(f"- {_md_cell(item)}" for item in items), ""]
    out += _md_insights(result.get("insights") or {})

    threads = _threads(data)
    out += ["## Scores per question (0–100)", "",
            "| # | Question | Status | Overall | Technical | Communication | Job match |",
            "|---|---|---|---:|---:|---:|---:|"]
    for number, main, follow_ups in threads:
        out.append(_md_score_row(f"Q{number}", _topic(main), main))
        for follow_up in follow_ups:
            out.append(_md_score_row(f"↳ Q{number}", "Follow-up", follow_up))
    out += ["", "## Transcript", ""]
    for number, main, follow_ups in threads:
        out += _md_question(main, f"### Q{number} · {_md(_topic(main))}")
        for follow_up in follow_ups:
            out += _md_question(follow_up, f"#### ↳ Follow-up to Q{number}")
    out.append(f"_Scores are 0–100. Exported by mock-interview from interview {interview_id}._")
    return "\n".join(out).rstrip() + "\n"


def _md_score_row(label: str, topic: str, question: Mapping[str, Any]) -> str:
    scores = question.get("scores") or {}
    status = _status(question.get("status"))
    values = [_num(scores.get(key)) for key, _ in DIMENSIONS]
    values[0] = f"**{values[0]}**" if scores else values[0]
    return f"| {label} | {_md_cell(topic)} | {status} | {' | '.join(values)} |"


def _md_question(question: Mapping[str, Any], heading: str) -> list[str]:
    scores = question.get("scores")
    status = question.get("status") or ""
    if scores:
        heading += f" — {_num(scores.get('overall'))}/100"
    elif status != "answered":
        heading += f" — {_status(status).lower()}"
    out = [heading, "", f"**Question:** {_md(' '.join(str(question.get('question') or '').split()))}", ""]
    answer = question.get("answer")
    if answer and str(answer).strip():
        out += ["**Answer:**", "", _md_block(answer), ""]
    else:
        out += [f"_{_status(status)}: no answer recorded._", ""]
    if scores:
        out += ["Scores (0–100): " + " · ".join(
            f"{label.lower()} **{_num(scores.get(key))}**" for key, label in DIMENSIONS), ""]
    feedback = question.get("feedback") or {}
    notes = [f"- ✓ {_md_cell(text)}" for text in feedback.get("strengths") or []]
    notes += [f"- ✗ {_md_cell(text)}" for text in feedback.get("weaknesses") or []]
    if notes:
        out += ["**Feedback:**", "", *notes, ""]
    evidence = _evidence(feedback)
    if evidence:
        out += ["**Evidence from your answer:**", ""]
        for polarity, quote, points in evidence:
            mark, lead = ("✓ strength", "covers") if polarity == "strength" else ("✗ weakness", "issue")
            about = f" ({lead}: {_md_cell('; '.join(points))})" if points else ""
            out.append(f"- {mark}: “{_md_cell(quote)}”{about}")
        out.append("")
    attempts = question.get("attempts") or []
    if len(attempts) > 1:
        out += [f"**Attempts** (the better one counts; {_change(question)}):", ""]
        for attempt in attempts:
            mark = " — counts" if attempt.get("counts") else ""
            overall = _num((attempt.get("scores") or {}).get("overall"))
            out.append(f"- Attempt {attempt['attempt']}: {overall}/100{mark}")
            if not attempt.get("counts") and attempt.get("answer"):
                out += ["", _md_block(str(attempt["answer"]), prefix="  > "), ""]
        out.append("")
    model = question.get("model_answer")
    if model and model.get("text"):
        source = "written by the model" if model.get("source") == "model" else "from the key points and your resume"
        out += [f"**Model answer** ({source}):", "", _md_block(model["text"]), ""]
    return out


def _change(question: Mapping[str, Any]) -> str:
    change = question.get("improvement")
    if change is None:
        return "no change"
    return f"{change:+.0f} points" if change else "no change"


def _md_insights(insights: Mapping[str, Any]) -> list[str]:
    if not insights:
        return []
    lines = []
    used, unused = insights.get("job_terms_used") or [], insights.get("job_terms_not_used") or []
    lines.append(f"- **Job terms used:** {_md_cell(', '.join(used)) if used else 'none'}")
    if unused:
        lines.append(f"- **Job terms not used:** {_md_cell(', '.join(unused))}")
    repeated = insights.get("most_repeated_words") or []
    if repeated:
        words = ", ".join(f"{w.get('word')} ×{w.get('count')}" for w in repeated)
        lines.append(f"- **Most repeated words:** {_md_cell(words)}")
    stories = int(insights.get("star_questions") or 0)
    if stories:
        star = insights.get("star_parts_covered") or {}
        parts = ", ".join(f"{p} {star.get(p, 0)}/{stories}" for p in STAR_PARTS)
        lines.append(f"- **STAR parts covered** ({stories} story question{'s' if stories != 1 else ''}): {parts}")
    lines.append(f"- **Filler words:** {int(insights.get('filler_words') or 0)} · "
                 f"**Hedges:** {int(insights.get('hedges') or 0)}")
    return ["## Insights", "", *lines, ""]


# -- HTML -----------------------------------------------------------------------------------------

def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _css() -> str:
    from importlib import resources

    return resources.files("mock_interview").joinpath("data/report/report.css").read_text("utf-8")


def render_html(data: Mapping[str, Any]) -> str:
    """One self-contained HTML page: inline CSS and SVG charts, light and dark, printable."""
    title = _title(data)
    interview_id = str(data.get("interview_id") or "")
    body = "\n".join([
        _html_header(data, title, interview_id),
        _html_scores(data),
        _html_feedback(data),
        _html_question_table(data),
        _html_transcript(data),
        f'<footer>Scores are 0–100. Exported by mock-interview from interview '
        f'<code>{_e(interview_id)}</code>.</footer>',
    ])
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        '<meta name="generator" content="mock-interview">\n'
        f"<title>Mock interview report: {_e(title)}</title>\n"
        f"<style>\n{_css()}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def _html_header(data: Mapping[str, Any], title: str, interview_id: str) -> str:
    status = data.get("status") or ""
    items = [("Date", _e(_when(data.get("started_at")))),
             ("Interview", f'<code title="{_e(interview_id)}">{_e(interview_id[:8] or "—")}</code>'),
             ("Engine", _e(data.get("engine") or "—")),
             ("Status", _e(_status(status))),
             ("Settings", _e(_settings_line(data)))]
    match = _match_score(data)
    if match is not None:
        items.append(("Resume–job match", f"{match:.0f}/100"))
    wide = ' class="wide"'  # the settings line is long: give it two grid columns
    meta = "\n".join(f'<div{wide if name == "Settings" else ""}><dt>{name}</dt><dd>{value}</dd></div>'
                     for name, value in items)
    return (f'<header class="card">\n<p class="eyebrow">Mock interview report</p>\n'
            f"<h1>{_e(title)}</h1>\n<dl class=\"meta\">\n{meta}\n</dl>\n</header>")


def _html_scores(data: Mapping[str, Any]) -> str:
    scores = _overall_scores(data)
    if scores is None:
        return ('<section class="card" aria-labelledby="scores-h">\n'
                '<h2 id="scores-h">Scores (0–100)</h2>\n'
                "<p>This interview is not finished, so there is no overall result yet.</p>\n"
                f"{_per_question_chart(data)}\n</section>")
    overall = scores["overall"]
    band = _band(overall)
    return (
        '<section class="card" aria-labelledby="scores-h">\n<h2 id="scores-h">Scores (0–100)</h2>\n'
        '<div class="scores-grid">\n'
        f'<div class="hero"><div><span class="value text-{band}">{_num(overall)}</span>'
        f'<span class="scale">/100</span></div>'
        f'<span class="band bg-{band}">Overall: {BAND_LABEL[band]}</span></div>\n'
        f"{_overall_chart(scores)}\n</div>\n"
        '<ul class="legend" aria-label="Colour key">'
        '<li><span class="swatch good"></span>70–100 strong</li>'
        '<li><span class="swatch fair"></span>45–69 fair</li>'
        '<li><span class="swatch weak"></span>0–44 weak</li></ul>\n'
        f"{_per_question_chart(data)}\n</section>"
    )


# Chart geometry, in viewBox units; the SVG scales to its container, so these are proportions.
BAR_X, BAR_WIDTH, BAR_HEIGHT, ROW, CHART_WIDTH = 132, 256, 24, 38, 430


def _overall_chart(scores: Mapping[str, float]) -> str:
    """Horizontal bars of the four overall scores on a 0–100 axis."""
    top = 8
    height = top + ROW * len(DIMENSIONS) + 22
    described = ", ".join(f"{label} {_num(scores[key])}" for key, label in DIMENSIONS)
    parts = [
        f'<svg class="chart" viewBox="0 0 {CHART_WIDTH} {height}" role="img" '
        'aria-labelledby="overall-chart-title overall-chart-desc" style="max-width:520px">',
        '<title id="overall-chart-title">Overall scores, 0 to 100</title>',
        f'<desc id="overall-chart-desc">{_e(described)}, each out of 100.</desc>',
    ]
    axis_y = top + ROW * len(DIMENSIONS)
    for tick in (0, 25, 50, 75, 100):
        x = BAR_X + BAR_WIDTH * tick / 100
        parts.append(f'<line class="grid" x1="{x:g}" y1="{top - 4}" x2="{x:g}" y2="{axis_y}"/>')
        parts.append(f'<text class="axis" x="{x:g}" y="{axis_y + 16}" text-anchor="middle">{tick}</text>')
    for index, (key, label) in enumerate(DIMENSIONS):
        y = top + ROW * index + (ROW - BAR_HEIGHT) / 2
        value = max(0.0, min(100.0, scores[key]))
        width = BAR_WIDTH * value / 100
        weight = ' font-weight="700"' if key == "overall" else ""
        parts += [
            f'<text class="label" x="{BAR_X - 10}" y="{y + BAR_HEIGHT / 2 + 5:g}" '
            f'text-anchor="end"{weight}>{_e(label)}</text>',
            f'<rect class="bar-track" x="{BAR_X}" y="{y:g}" width="{BAR_WIDTH}" height="{BAR_HEIGHT}" rx="4"/>',
            f'<rect class="bar {_band(value)}" data-dimension="{key}" data-score="{round(value, 2):g}" '
            f'x="{BAR_X}" y="{y:g}" width="{width:.2f}" height="{BAR_HEIGHT}" rx="4">'
            f"<title>{_e(label)}: {_num(value)} out of 100</title></rect>",
            f'<text class="value" x="{BAR_X + BAR_WIDTH + 8}" y="{y + BAR_HEIGHT / 2 + 5:g}">'
            f"{_num(value)}</text>",
        ]
    parts.append("</svg>")
    return "\n".join(parts)


def _per_question_chart(data: Mapping[str, Any]) -> str:
    """Columns of each question's overall score; follow-ups are lighter, unanswered ones marked."""
    items = _chart_items(data)
    if not items:
        return ""
    step, column, left, top, plot = 40, 28, 32, 22, 130
    width = left + step * len(items) + 8
    height = top + plot + 40
    base = top + plot
    described = "; ".join(
        f"{'follow-up to ' + label[1:] if follow_up else label}: "
        f"{_num(value) if value is not None else _status(status).lower()}"
        for label, _, value, follow_up, status in items)
    parts = [
        '<h3 class="chart-title">Overall score per question</h3>',
        # Long interviews scroll sideways rather than shrinking the labels out of legibility.
        '<div class="chart-scroll">',
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        'aria-labelledby="question-chart-title question-chart-desc" '
        f'style="min-width:{min(width * 0.85, 360):.0f}px;max-width:{width * 1.3:.0f}px">',
        '<title id="question-chart-title">Overall score per question, 0 to 100</title>',
        f'<desc id="question-chart-desc">{_e(described)}.</desc>',
    ]
    for tick in (0, 50, 100):
        y = base - plot * tick / 100
        parts.append(f'<line class="grid" x1="{left - 4}" y1="{y:g}" x2="{width - 4}" y2="{y:g}"/>')
        parts.append(f'<text class="axis" x="{left - 8}" y="{y + 4:g}" text-anchor="end">{tick}</text>')
    for index, (label, anchor, value, follow_up, status) in enumerate(items):
        x = left + step * index + (step - column) / 2
        centre = x + column / 2
        kind = " follow-up" if follow_up else ""
        if value is None:
            parts.append(f'<text class="axis missing" x="{centre:g}" y="{base - 6}" text-anchor="middle">'
                         f"{'skip' if status == 'skipped' else '—'}</text>")
        else:
            h = plot * max(0.0, min(100.0, value)) / 100
            parts += [
                f'<rect class="qbar {_band(value)}{kind}" data-question="{_e(anchor)}" '
                f'data-score="{round(value, 2):g}" x="{x:g}" y="{base - h:.2f}" width="{column}" '
                f'height="{h:.2f}" rx="3"><title>{_e(label)}: {_num(value)} out of 100</title></rect>',
                f'<text class="value small" x="{centre:g}" y="{base - h - 5:.2f}" '
                f'text-anchor="middle">{_num(value)}</text>',
            ]
        parts.append(f'<text class="label small" x="{centre:g}" y="{base + 18}" '
                     f'text-anchor="middle">{_e(label)}</text>')
    parts.append("</svg></div>")
    parts.append('<ul class="legend" aria-label="Key for the per-question chart">'
                 '<li><span class="swatch fair"></span>main question</li>'
                 '<li><span class="swatch fair follow-up"></span>↳ follow-up</li>'
                 "<li>“skip” or “—”: skipped or not answered (counts as 0)</li></ul>")
    return "\n".join(parts)


def _html_list(items: Sequence[Any]) -> str:
    return '<ul class="plain">' + "".join(f"<li>{_e(item)}</li>" for item in items) + "</ul>"


def _html_feedback(data: Mapping[str, Any]) -> str:
    result = data.get("result") or {}
    if not result:
        return ""
    strengths, weaknesses = result.get("strengths") or [], result.get("weaknesses") or []
    recommendations = result.get("recommendations") or []
    parts = ['<section class="card" aria-labelledby="feedback-h">\n<h2 id="feedback-h">Feedback</h2>',
             '<div class="columns">',
             '<section><h3 class="good">Strengths</h3>'
             f'{_html_list(strengths) if strengths else "<p>None yet.</p>"}</section>',
             '<section><h3 class="weak">Weaknesses</h3>'
             f'{_html_list(weaknesses) if weaknesses else "<p>None found.</p>"}</section>',
             "</div>"]
    if recommendations:
        parts.append(f'<section class="recommendations"><h3>What to practise next</h3>'
                     f"{_html_list(recommendations)}</section>")
    parts.append("</section>")
    insights = result.get("insights") or {}
    if insights:
        parts.append(_html_insights(insights))
    return "\n".join(parts)


def _chips(items: Sequence[Any], kind: str) -> str:
    if not items:
        return "<dd>None</dd>"
    return f'<dd><ul class="chips {kind}">' + "".join(f"<li>{_e(i)}</li>" for i in items) + "</ul></dd>"


def _html_insights(insights: Mapping[str, Any]) -> str:
    repeated = [f"{w.get('word')} ×{w.get('count')}" for w in insights.get("most_repeated_words") or []]
    stories = int(insights.get("star_questions") or 0)
    star = insights.get("star_parts_covered") or {}
    if stories:
        cells = "".join(f"<div><strong>{int(star.get(p, 0))}/{stories}</strong><span>{p}</span></div>"
                        for p in STAR_PARTS)
        star_html = (f'<dd><div class="star">{cells}</div><p class="note">Parts told in '
                     f"{stories} story question{'s' if stories != 1 else ''}.</p></dd>")
    else:
        star_html = "<dd>No story questions answered.</dd>"
    counts = (f'<dd class="counts"><span><strong>{int(insights.get("filler_words") or 0)}</strong> filler words</span>'
              f'<span><strong>{int(insights.get("hedges") or 0)}</strong> hedges</span></dd>')
    return (
        '<section class="card" aria-labelledby="insights-h">\n<h2 id="insights-h">Insights</h2>\n'
        '<dl class="insights">\n'
        f"<div><dt>Job terms you used</dt>{_chips(insights.get('job_terms_used') or [], 'used')}</div>\n"
        f"<div><dt>Job terms you did not use</dt>{_chips(insights.get('job_terms_not_used') or [], 'unused')}</div>\n"
        f"<div><dt>Most repeated words</dt>{_chips(repeated, 'words')}</div>\n"
        f"<div><dt>STAR parts covered</dt>{star_html}</div>\n"
        f"<div><dt>Filler and hedging</dt>{counts}</div>\n"
        "</dl>\n</section>"
    )


def _score_cells(question: Mapping[str, Any]) -> str:
    scores = question.get("scores")
    if not scores:  # one cell saying why beats four dashes, and saves a status column
        status = question.get("status") or ""
        return (f'<td colspan="{len(DIMENSIONS)}" class="status">'
                f"{_e(_status(status))} (counts as 0)</td>")
    cells = []
    for key, _ in DIMENSIONS:
        value = scores.get(key)
        text = _num(value)
        if key == "overall":
            text = f"<strong>{text}</strong>"
        cells.append(f'<td class="num text-{_band(value)}">{text}</td>')
    return "".join(cells)


def _snippet(text: Any, limit: int = 90) -> str:
    words = " ".join(str(text or "").split())
    return words if len(words) <= limit else words[: limit - 1].rsplit(" ", 1)[0] + "…"


def _html_question_table(data: Mapping[str, Any]) -> str:
    rows = []
    for number, main, follow_ups in _threads(data):
        entries = [(f"q{number}", f"Q{number} · {_topic(main)}", main, "")]
        entries += [(f"q{number}-f{i}", f"↳ Follow-up to Q{number}", f, ' class="follow-up"')
                    for i, f in enumerate(follow_ups, start=1)]
        for anchor, label, question, row_class in entries:
            rows.append(
                f'<tr{row_class}><th scope="row"><a href="#{anchor}">{_e(label)}</a>'
                f'<span class="q-snippet">{_e(_snippet(question.get("question")))}</span></th>'
                f"{_score_cells(question)}</tr>")
    # Soft hyphens let the long headers wrap on a phone instead of pushing the table sideways.
    soft = {"technical": "Tech&shy;nical", "communication": "Commu&shy;nication"}
    header = "".join(f'<th scope="col" class="num">{soft.get(key, label)}</th>'
                     for key, label in DIMENSIONS)
    return (
        '<section class="card" aria-labelledby="per-question-h">\n'
        '<h2 id="per-question-h">Scores per question (0–100)</h2>\n<div class="table-wrap">\n<table>\n'
        "<caption>Each answer's four scores, 0–100</caption>\n"
        f'<thead><tr><th scope="col">Question</th>{header}</tr></thead>\n'
        f"<tbody>\n{chr(10).join(rows)}\n</tbody>\n</table>\n</div>\n"
        '<p class="note">A skipped or unanswered question counts as 0 in the overall result; '
        "a follow-up's score replaces its question's when it is better.</p>\n</section>"
    )


def _html_transcript(data: Mapping[str, Any]) -> str:
    articles = []
    for number, main, follow_ups in _threads(data):
        inner = [_html_qa(main, f"Q{number} · {_topic(main)}", 3)]
        for index, follow_up in enumerate(follow_ups, start=1):
            inner.append(f'<section class="follow-up" id="q{number}-f{index}" '
                         f'aria-label="Follow-up to question {number}">\n'
                         f"{_html_qa(follow_up, f'↳ Follow-up to Q{number}', 4)}\n</section>")
        articles.append(f'<article class="qa" id="q{number}">\n' + "\n".join(inner) + "\n</article>")
    return ('<section class="card" aria-labelledby="transcript-h">\n'
            '<h2 id="transcript-h">Transcript</h2>\n' + "\n".join(articles) + "\n</section>")


def _html_qa(question: Mapping[str, Any], heading: str, level: int) -> str:
    scores = question.get("scores")
    status = question.get("status") or ""
    if scores:
        value = scores.get("overall")
        badge = (f'<span class="badge bg-{_band(value)}" title="overall score out of 100">'
                 f"{_num(value)}/100</span>")
    else:
        badge = f'<span class="badge bg-none">{_e(_status(status))}</span>'
    parts = [f'<div class="qa-head"><h{level}>{_e(heading)}</h{level}>{badge}</div>',
             f'<p class="question">{_e(" ".join(str(question.get("question") or "").split()))}</p>']
    answer = question.get("answer")
    if answer and str(answer).strip():
        parts.append(f'<blockquote class="answer">{_e(str(answer).strip())}</blockquote>')
    else:
        parts.append(f'<p class="no-answer">{_e(_status(status))}: '
                     "no answer recorded (counts as 0).</p>")
    if scores:
        cells = "".join(f"<div><dt>{label}</dt><dd class=\"text-{_band(scores.get(key))}\">"
                        f"{_num(scores.get(key))}</dd></div>" for key, label in DIMENSIONS)
        parts.append(f'<div class="qa-scores"><span class="scale">Scores (0–100)</span>'
                     f"<dl>{cells}</dl></div>")
    feedback = question.get("feedback") or {}
    sub = min(level + 1, 6)
    columns = []
    if feedback.get("strengths"):
        columns.append(f"<div><h{sub}>What worked</h{sub}>{_html_list(feedback['strengths'])}</div>")
    if feedback.get("weaknesses"):
        columns.append(f"<div><h{sub}>To improve</h{sub}>{_html_list(feedback['weaknesses'])}</div>")
    if columns:
        parts.append(f'<div class="feedback">{"".join(columns)}</div>')
    evidence = _evidence(feedback)
    if evidence:
        items = []
        for polarity, quote, points in evidence:
            tone, tag, lead = (("good", "Strength", "Covers") if polarity == "strength"
                               else ("weak", "Weakness", "Issue"))
            about = f'<span class="point">{lead}: {_e("; ".join(points))}</span>' if points else ""
            items.append(f'<li><span class="tag bg-{tone}">{tag}</span>'
                         f"<span><q>{_e(quote)}</q>{about}</span></li>")
        parts.append(f'<h{sub} class="evidence-title">Evidence from the answer</h{sub}>'
                     f'<ul class="evidence">{"".join(items)}</ul>')
    attempts = question.get("attempts") or []
    if len(attempts) > 1:
        rows = []
        for attempt in attempts:
            overall = (attempt.get("scores") or {}).get("overall")
            counts = " (counts)" if attempt.get("counts") else ""
            rows.append(f'<li>Attempt {attempt["attempt"]}: <span class="text-{_band(overall)}">'
                        f"{_num(overall)}/100</span>{counts}"
                        + ("" if attempt.get("counts") or not attempt.get("answer") else
                           f'<blockquote class="answer">{_e(str(attempt["answer"]).strip())}</blockquote>')
                        + "</li>")
        parts.append(f"<h{sub}>Attempts: the better one counts ({_e(_change(question))})</h{sub}>"
                     f'<ul class="attempts">{"".join(rows)}</ul>')
    model = question.get("model_answer")
    if model and model.get("text"):
        source = "written by the model" if model.get("source") == "model" else "from the key points and your resume"
        lines = "<br>".join(_e(line) for line in str(model["text"]).splitlines())
        parts.append(f'<h{sub}>Model answer <span class="scale">({source})</span></h{sub}>'
                     f'<p class="model-answer">{lines}</p>')
    return "\n".join(parts)


# -- writing --------------------------------------------------------------------------------------

RENDERERS = {"md": render_markdown, "html": render_html, "json": render_json}


def render(data: Mapping[str, Any], fmt: str) -> str:
    renderer = RENDERERS.get((fmt or "").lower())
    if renderer is None:
        raise UsageError(f"unknown report format {fmt!r}", hint="use md, html or json")
    return renderer(data)


def default_filename(data: Mapping[str, Any], fmt: str) -> str:
    return f"interview-{str(data.get('interview_id') or 'report')[:8]}.{fmt.lower()}"


def write_report(data: Mapping[str, Any], fmt: str, path: str | os.PathLike[str] | None,
                 *, stdout: IO[str] | None = None) -> Path | None:
    """Render ``data`` as ``fmt``; write it to ``path`` atomically, or to stdout when ``path`` is
    None or "-". A directory gets ``interview-ID.FMT`` inside it. Returns the file written."""
    text = render(data, fmt)  # before touching the file system: a bad format writes nothing
    if path is None or str(path) == "-":
        stream = stdout if stdout is not None else sys.stdout
        stream.write(text)
        stream.flush()
        return None
    target = Path(path).expanduser()
    if target.is_dir():
        target = target / default_filename(data, fmt)
    _write_atomically(target, text)
    return target


def _write_atomically(target: Path, text: str) -> None:
    """Temp file in the same directory, fsync, rename: readers never see half a report."""
    directory = target.parent
    if not directory.is_dir():
        raise MockInterviewError(f"cannot write {target}: directory {directory} does not exist",
                                 hint="create it first or choose another -o path")
    temporary: str | None = None
    try:
        # mkstemp makes the file 0600: a report holds a person's answers.
        fd, temporary = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
        temporary = None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise MockInterviewError(f"cannot write {target}: {reason.lower() if reason else 'error'}",
                                 hint="choose a writable -o path") from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
