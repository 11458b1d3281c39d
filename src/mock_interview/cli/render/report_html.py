"""The interview report as one self-contained HTML page.

f-strings with ``html.escape``; inline CSS and SVG, no scripts, fonts or images, so the page
opens offline and survives email.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from mock_interview.cli.render.labels import (
    BAND_LABELS,
    BAND_RANGES,
    REPORT_DIMENSIONS,
)
from mock_interview.cli.render.report_parts import (
    STAR_PARTS,
    attempts_change,
    chart_items,
    report_title,
    score_text,
    settings_line,
    status_label,
    topic_label,
    when_text,
)
from mock_interview.domain.score_bands import band as band_of

if TYPE_CHECKING:
    from mock_interview.services.reports import Insights, InterviewReport, ReportQuestion, ReportResult


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _css() -> str:
    from importlib import resources

    return resources.files("mock_interview").joinpath("data/report/report.css").read_text("utf-8")


def render_html(report: InterviewReport) -> str:
    """One self-contained HTML page: inline CSS and SVG charts, light and dark, printable."""
    title = report_title(report)
    interview_id = report.interview_id
    body = "\n".join([
        _html_header(report, title, interview_id),
        _html_scores(report),
        _html_feedback(report.result),
        _html_question_table(report),
        _html_transcript(report),
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


def _html_header(report: InterviewReport, title: str, interview_id: str) -> str:
    status = report.status or ""
    items = [("Date", _e(when_text(report.started_at))),
             ("Interview", f'<code title="{_e(interview_id)}">{_e(interview_id[:8] or "—")}</code>'),
             ("Engine", _e(report.engine or "—")),
             ("Status", _e(status_label(status))),
             ("Settings", _e(settings_line(report.settings)))]
    match = report.match_score
    if match is not None:
        items.append(("Resume–job match", f"{match:.0f}/100"))
    wide = ' class="wide"'  # the settings line is long: give it two grid columns
    meta = "\n".join(f'<div{wide if name == "Settings" else ""}><dt>{name}</dt><dd>{value}</dd></div>'
                     for name, value in items)
    return (f'<header class="card">\n<p class="eyebrow">Mock interview report</p>\n'
            f"<h1>{_e(title)}</h1>\n<dl class=\"meta\">\n{meta}\n</dl>\n</header>")


def _html_scores(report: InterviewReport) -> str:
    if report.result is None:
        return ('<section class="card" aria-labelledby="scores-h">\n'
                '<h2 id="scores-h">Scores (0–100)</h2>\n'
                "<p>This interview is not finished, so there is no overall result yet.</p>\n"
                f"{_per_question_chart(report)}\n</section>")
    scores = report.result.scores
    overall = scores["overall"]
    band = band_of(overall)
    legend = "".join(f'<li><span class="swatch {name}"></span>{BAND_RANGES[name]} {BAND_LABELS[name]}</li>'
                     for name in ("good", "fair", "weak"))
    return (
        '<section class="card" aria-labelledby="scores-h">\n<h2 id="scores-h">Scores (0–100)</h2>\n'
        '<div class="scores-grid">\n'
        f'<div class="hero"><div><span class="value text-{band}">{score_text(overall)}</span>'
        f'<span class="scale">/100</span></div>'
        f'<span class="band bg-{band}">Overall: {BAND_LABELS[band]}</span></div>\n'
        f"{_overall_chart(scores)}\n</div>\n"
        f'<ul class="legend" aria-label="Colour key">{legend}</ul>\n'
        f"{_per_question_chart(report)}\n</section>"
    )


# Chart geometry, in viewBox units; the SVG scales to its container, so these are proportions.
BAR_X, BAR_WIDTH, BAR_HEIGHT, ROW, CHART_WIDTH = 132, 256, 24, 38, 430


def _overall_chart(scores: dict[str, float]) -> str:
    """Horizontal bars of the four overall scores on a 0–100 axis."""
    top = 8
    height = top + ROW * len(REPORT_DIMENSIONS) + 22
    described = ", ".join(f"{label} {score_text(scores[key])}" for key, label in REPORT_DIMENSIONS)
    parts = [
        f'<svg class="chart" viewBox="0 0 {CHART_WIDTH} {height}" role="img" '
        'aria-labelledby="overall-chart-title overall-chart-desc" style="max-width:520px">',
        '<title id="overall-chart-title">Overall scores, 0 to 100</title>',
        f'<desc id="overall-chart-desc">{_e(described)}, each out of 100.</desc>',
    ]
    axis_y = top + ROW * len(REPORT_DIMENSIONS)
    for tick in (0, 25, 50, 75, 100):
        x = BAR_X + BAR_WIDTH * tick / 100
        parts.append(f'<line class="grid" x1="{x:g}" y1="{top - 4}" x2="{x:g}" y2="{axis_y}"/>')
        parts.append(f'<text class="axis" x="{x:g}" y="{axis_y + 16}" text-anchor="middle">{tick}</text>')
    for index, (key, label) in enumerate(REPORT_DIMENSIONS):
        y = top + ROW * index + (ROW - BAR_HEIGHT) / 2
        value = max(0.0, min(100.0, scores[key]))
        width = BAR_WIDTH * value / 100
        weight = ' font-weight="700"' if key == "overall" else ""
        parts += [
            f'<text class="label" x="{BAR_X - 10}" y="{y + BAR_HEIGHT / 2 + 5:g}" '
            f'text-anchor="end"{weight}>{_e(label)}</text>',
            f'<rect class="bar-track" x="{BAR_X}" y="{y:g}" width="{BAR_WIDTH}" height="{BAR_HEIGHT}" rx="4"/>',
            f'<rect class="bar {band_of(value)}" data-dimension="{key}" data-score="{round(value, 2):g}" '
            f'x="{BAR_X}" y="{y:g}" width="{width:.2f}" height="{BAR_HEIGHT}" rx="4">'
            f"<title>{_e(label)}: {score_text(value)} out of 100</title></rect>",
            f'<text class="value" x="{BAR_X + BAR_WIDTH + 8}" y="{y + BAR_HEIGHT / 2 + 5:g}">'
            f"{score_text(value)}</text>",
        ]
    parts.append("</svg>")
    return "\n".join(parts)


def _per_question_chart(report: InterviewReport) -> str:
    """Columns of each question's overall score; follow-ups are lighter, unanswered ones marked."""
    items = chart_items(report)
    if not items:
        return ""
    step, column, left, top, plot = 40, 28, 32, 22, 130
    width = left + step * len(items) + 8
    height = top + plot + 40
    base = top + plot
    described = "; ".join(
        f"{'follow-up to ' + label[1:] if follow_up else label}: "
        f"{score_text(value) if value is not None else status_label(status).lower()}"
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
                f'<rect class="qbar {band_of(value)}{kind}" data-question="{_e(anchor)}" '
                f'data-score="{round(value, 2):g}" x="{x:g}" y="{base - h:.2f}" width="{column}" '
                f'height="{h:.2f}" rx="3"><title>{_e(label)}: {score_text(value)} out of 100</title></rect>',
                f'<text class="value small" x="{centre:g}" y="{base - h - 5:.2f}" '
                f'text-anchor="middle">{score_text(value)}</text>',
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


def _html_feedback(result: ReportResult | None) -> str:
    if result is None:
        return ""
    strengths, weaknesses, recommendations = result.strengths, result.weaknesses, result.recommendations
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
    if result.insights is not None:
        parts.append(_html_insights(result.insights))
    return "\n".join(parts)


def _chips(items: Sequence[Any], kind: str) -> str:
    if not items:
        return "<dd>None</dd>"
    return f'<dd><ul class="chips {kind}">' + "".join(f"<li>{_e(i)}</li>" for i in items) + "</ul></dd>"


def _html_insights(insights: Insights) -> str:
    repeated = [f"{word} ×{count}" for word, count in insights.repeated_words]
    stories = insights.star_questions
    star = insights.star_parts_covered
    if stories:
        cells = "".join(f"<div><strong>{int(star.get(p, 0))}/{stories}</strong><span>{p}</span></div>"
                        for p in STAR_PARTS)
        star_html = (f'<dd><div class="star">{cells}</div><p class="note">Parts told in '
                     f"{stories} story question{'s' if stories != 1 else ''}.</p></dd>")
    else:
        star_html = "<dd>No story questions answered.</dd>"
    counts = (f'<dd class="counts"><span><strong>{insights.filler_words}</strong> filler words</span>'
              f'<span><strong>{insights.hedges}</strong> hedges</span></dd>')
    return (
        '<section class="card" aria-labelledby="insights-h">\n<h2 id="insights-h">Insights</h2>\n'
        '<dl class="insights">\n'
        f"<div><dt>Job terms you used</dt>{_chips(insights.job_terms_used, 'used')}</div>\n"
        f"<div><dt>Job terms you did not use</dt>{_chips(insights.job_terms_not_used, 'unused')}</div>\n"
        f"<div><dt>Most repeated words</dt>{_chips(repeated, 'words')}</div>\n"
        f"<div><dt>STAR parts covered</dt>{star_html}</div>\n"
        f"<div><dt>Filler and hedging</dt>{counts}</div>\n"
        "</dl>\n</section>"
    )


def _score_cells(question: ReportQuestion) -> str:
    scores = question.scores
    if not scores:  # one cell saying why beats four dashes, and saves a status column
        status = question.status
        return (f'<td colspan="{len(REPORT_DIMENSIONS)}" class="status">'
                f"{_e(status_label(status))} (counts as 0)</td>")
    cells = []
    for key, _ in REPORT_DIMENSIONS:
        value = scores.get(key)
        text = score_text(value)
        if key == "overall":
            text = f"<strong>{text}</strong>"
        cells.append(f'<td class="num text-{band_of(value)}">{text}</td>')
    return "".join(cells)


def _snippet(text: Any, limit: int = 90) -> str:
    words = " ".join(str(text or "").split())
    return words if len(words) <= limit else words[: limit - 1].rsplit(" ", 1)[0] + "…"


def _html_question_table(report: InterviewReport) -> str:
    rows = []
    for thread in report.threads:
        number = thread.number
        entries = [(f"q{number}", f"Q{number} · {topic_label(thread.main)}", thread.main, "")]
        entries += [(f"q{number}-f{i}", f"↳ Follow-up to Q{number}", f, ' class="follow-up"')
                    for i, f in enumerate(thread.follow_ups, start=1)]
        for anchor, label, question, row_class in entries:
            rows.append(
                f'<tr{row_class}><th scope="row"><a href="#{anchor}">{_e(label)}</a>'
                f'<span class="q-snippet">{_e(_snippet(question.text))}</span></th>'
                f"{_score_cells(question)}</tr>")
    # Soft hyphens let the long headers wrap on a phone instead of pushing the table sideways.
    soft = {"technical": "Tech&shy;nical", "communication": "Commu&shy;nication"}
    header = "".join(f'<th scope="col" class="num">{soft.get(key, label)}</th>'
                     for key, label in REPORT_DIMENSIONS)
    return (
        '<section class="card" aria-labelledby="per-question-h">\n'
        '<h2 id="per-question-h">Scores per question (0–100)</h2>\n<div class="table-wrap">\n<table>\n'
        "<caption>Each answer's four scores, 0–100</caption>\n"
        f'<thead><tr><th scope="col">Question</th>{header}</tr></thead>\n'
        f"<tbody>\n{chr(10).join(rows)}\n</tbody>\n</table>\n</div>\n"
        '<p class="note">A skipped or unanswered question counts as 0 in the overall result; '
        "a follow-up's score replaces its question's when it is better.</p>\n</section>"
    )


def _html_transcript(report: InterviewReport) -> str:
    articles = []
    for thread in report.threads:
        number = thread.number
        inner = [_html_qa(thread.main, f"Q{number} · {topic_label(thread.main)}", 3)]
        for index, follow_up in enumerate(thread.follow_ups, start=1):
            inner.append(f'<section class="follow-up" id="q{number}-f{index}" '
                         f'aria-label="Follow-up to question {number}">\n'
                         f"{_html_qa(follow_up, f'↳ Follow-up to Q{number}', 4)}\n</section>")
        articles.append(f'<article class="qa" id="q{number}">\n' + "\n".join(inner) + "\n</article>")
    return ('<section class="card" aria-labelledby="transcript-h">\n'
            '<h2 id="transcript-h">Transcript</h2>\n' + "\n".join(articles) + "\n</section>")


def _html_qa(question: ReportQuestion, heading: str, level: int) -> str:
    scores = question.scores
    status = question.status
    if scores:
        value = scores.get("overall")
        badge = (f'<span class="badge bg-{band_of(value)}" title="overall score out of 100">'
                 f"{score_text(value)}/100</span>")
    else:
        badge = f'<span class="badge bg-none">{_e(status_label(status))}</span>'
    parts = [f'<div class="qa-head"><h{level}>{_e(heading)}</h{level}>{badge}</div>',
             f'<p class="question">{_e(" ".join(question.text.split()))}</p>']
    answer = question.answer
    if answer and str(answer).strip():
        parts.append(f'<blockquote class="answer">{_e(str(answer).strip())}</blockquote>')
    else:
        parts.append(f'<p class="no-answer">{_e(status_label(status))}: '
                     "no answer recorded (counts as 0).</p>")
    if scores:
        cells = "".join(f"<div><dt>{label}</dt><dd class=\"text-{band_of(scores.get(key))}\">"
                        f"{score_text(scores.get(key))}</dd></div>" for key, label in REPORT_DIMENSIONS)
        parts.append(f'<div class="qa-scores"><span class="scale">Scores (0–100)</span>'
                     f"<dl>{cells}</dl></div>")
    sub = min(level + 1, 6)
    columns = []
    if question.strengths:
        columns.append(f"<div><h{sub}>What worked</h{sub}>{_html_list(question.strengths)}</div>")
    if question.weaknesses:
        columns.append(f"<div><h{sub}>To improve</h{sub}>{_html_list(question.weaknesses)}</div>")
    if columns:
        parts.append(f'<div class="feedback">{"".join(columns)}</div>')
    if question.evidence:
        items = []
        for item in question.evidence:
            tone, tag, lead = (("good", "Strength", "Covers") if item.polarity == "strength"
                               else ("weak", "Weakness", "Issue"))
            about = f'<span class="point">{lead}: {_e("; ".join(item.points))}</span>' if item.points else ""
            items.append(f'<li><span class="tag bg-{tone}">{tag}</span>'
                         f"<span><q>{_e(item.quote)}</q>{about}</span></li>")
        parts.append(f'<h{sub} class="evidence-title">Evidence from the answer</h{sub}>'
                     f'<ul class="evidence">{"".join(items)}</ul>')
    if len(question.attempts) > 1:
        rows = []
        for attempt in question.attempts:
            counts = " (counts)" if attempt.counts else ""
            rows.append(f'<li>Attempt {attempt.number}: <span class="text-{band_of(attempt.overall)}">'
                        f"{score_text(attempt.overall)}/100</span>{counts}"
                        + ("" if attempt.counts or not attempt.answer else
                           f'<blockquote class="answer">{_e(str(attempt.answer).strip())}</blockquote>')
                        + "</li>")
        parts.append(f"<h{sub}>Attempts: the better one counts ({_e(attempts_change(question))})</h{sub}>"
                     f'<ul class="attempts">{"".join(rows)}</ul>')
    model = question.model_answer
    if model is not None:
        source = "written by the model" if model.by_model else "from the key points and your resume"
        lines = "<br>".join(_e(line) for line in model.text.splitlines())
        parts.append(f'<h{sub}>Model answer <span class="scale">({source})</span></h{sub}>'
                     f'<p class="model-answer">{lines}</p>')
    return "\n".join(parts)
