"""Report export (`results --format md|html|json -o FILE`): content, escaping, charts, writing."""

from __future__ import annotations

import copy
import errno
import io
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from mock_interview.cli.render import report as export
from mock_interview.cli.render import report_html, report_markdown
from mock_interview.cli.render.labels import REPORT_DIMENSIONS
from mock_interview.errors import ExitCode, MockInterviewError, UsageError
from mock_interview.services.reports import InterviewReport
from tests.interview_fixtures import store_resume

JOB = "tallowbrook-senior-python-backend-engineer"
HOSTILE = 'I guess I\'d just <script>alert("x")</script> read the "FastAPI" docs & see what happens.'
GOOD = ("In my current role at Harbor Freight Tech our checkout API was too slow, and I was "
        "responsible for fixing it. I profiled the endpoints, added Redis caching for product "
        "lookups and moved heavy work to background jobs with clear timeouts. As a result latency "
        "fell by 40% and conversion rose 3% within a month; I learned to measure before optimising.")
WEAK = "Um, I think it's basically the same thing? Like, it's maybe evaluated once."


@pytest.fixture(scope="module")
def interview(tmp_path_factory):
    """One real interview through the service layer (built once: the tests only read it).

    Mixed quality: a good answer, a skipped question, a hostile answer, weak follow-ups and an
    unanswered last question."""
    from mock_interview.services import interview as service
    from mock_interview.services.context import AppContext

    home = tmp_path_factory.mktemp("report-home")
    url = f"sqlite:///{home / 'mock-interview.db'}"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MOCK_INTERVIEW_HOME", str(home))
        store_resume(url)
        ctx = AppContext.create(database_url=url)
        try:
            session = service.start(ctx, service.InterviewOptions(job=JOB, count=5, seed=4))
            answers = [GOOD, "/skip", HOSTILE, GOOD]  # main questions; the 5th is left unanswered
            follow_ups = [WEAK, "/skip"]
            while (asked := session.ensure_asked()) is not None:
                queue = follow_ups if asked.is_follow_up else answers
                if not queue:
                    break
                answer = queue.pop(0)
                if answer == "/skip":
                    session.skip()
                else:
                    session.submit(answer)
            data = session.finish()
        finally:
            ctx.close()
    return {"data": data, "url": url}


@pytest.fixture
def data(interview):
    return copy.deepcopy(interview["data"])


def _report(data) -> InterviewReport:
    return InterviewReport.from_document(data)


def test_the_fixture_is_a_realistic_interview(data):
    statuses = [q["status"] for q in data["questions"]]
    assert {"answered", "skipped", "unanswered"} <= set(statuses)
    assert any(q["follow_up_of"] is not None and q["status"] == "answered" for q in data["questions"])
    assert any(q["answer"] == HOSTILE for q in data["questions"])
    assert any((q["feedback"] or {}).get("evidence") for q in data["questions"])
    assert data["result"] is not None


# -- Markdown -----------------------------------------------------------------------------------------

def _unescape_md(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def test_markdown_has_every_question_the_scores_and_the_feedback(data):
    md = report_markdown.render_markdown(_report(data))
    plain = _unescape_md(md)
    for question in data["questions"]:
        assert " ".join(question["question"].split()) in plain
        if question["answer"]:
            assert question["answer"] in plain
    result = data["result"]
    assert "## Scores (0–100)" in md
    for key, label in REPORT_DIMENSIONS:
        assert f"| {label} | " in md and f"{result[f'{key}_score']:.0f}" in md
    for item in result["strengths"] + result["weaknesses"] + result["recommendations"]:
        assert _unescape_md(report_markdown._md_cell(item)) in plain
    assert data["job"]["title"] in md and data["interview_id"] in md and data["engine"] in md
    assert "Skipped" in md and "Not answered" in md and "Follow-up to Q" in md
    for question in data["questions"]:
        for item in (question["feedback"] or {}).get("evidence") or []:
            assert item["quote"] in plain  # verbatim
    insights = result["insights"]
    assert "Job terms used" in md and "Filler words:** " + str(insights["filler_words"]) in md


def test_markdown_makes_hostile_text_inert(data):
    from markdown_it import MarkdownIt

    md = report_markdown.render_markdown(_report(data))
    tokens = MarkdownIt("commonmark").enable("table").parse(md)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in (t.children or [])}
    assert "html_inline" not in kinds and "html_block" not in kinds
    rendered = MarkdownIt("commonmark").enable("table").render(md)
    assert "<script>" not in rendered and "&lt;script&gt;" in rendered


# -- HTML ---------------------------------------------------------------------------------------------

VOID = {"meta", "link", "br", "hr", "img", "input", "wbr", "source", "col", "area", "base"}


class Checker(HTMLParser):
    """Fails on mismatched or unclosed tags; collects what the tests look at."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def _parse(page: str) -> Checker:
    checker = Checker()
    checker.feed(page)
    checker.close()
    assert not checker.errors, checker.errors[:5]
    assert not checker.stack, f"unclosed: {checker.stack}"
    return checker


def test_html_is_well_formed_accessible_and_self_contained(data):
    page = report_html.render_html(_report(data))
    assert page.startswith("<!DOCTYPE html>")
    parsed = _parse(page)
    names = [tag for tag, _ in parsed.tags]
    assert names.count("h1") == 1 and "h2" in names and "table" in names and "caption" in names
    assert ("html", {"lang": "en"}) in parsed.tags
    assert any(tag == "meta" and attrs.get("name") == "viewport" for tag, attrs in parsed.tags)
    # no external anything: it must work offline and in email
    for tag, attrs in parsed.tags:
        for name in ("src", "href", "xlink:href", "action", "poster"):
            if name in attrs:  # only in-page anchors are allowed
                assert (attrs[name] or "").startswith("#"), (tag, name, attrs[name])
        assert tag not in {"script", "link", "img", "iframe", "object", "embed"}
    assert not re.search(r"@import|url\(|https?://", page, re.I)
    assert "prefers-color-scheme: dark" in page and "@media print" in page
    for question in data["questions"]:
        assert " ".join(question["question"].split()) in "".join(parsed.text)
    # every SVG has a title and a text description
    svgs = [attrs for tag, attrs in parsed.tags if tag == "svg"]
    assert len(svgs) == 2 and all(a.get("role") == "img" and a.get("aria-labelledby") for a in svgs)
    for svg in svgs:
        for ref in svg["aria-labelledby"].split():
            assert f'id="{ref}"' in page


def test_html_chart_has_one_bar_per_dimension_sized_by_its_score(data):
    parsed = _parse(report_html.render_html(_report(data)))
    bars = [a for tag, a in parsed.tags if tag == "rect" and "data-dimension" in a]
    assert [b["data-dimension"] for b in bars] == [key for key, _ in REPORT_DIMENSIONS]
    result = data["result"]
    for bar in bars:
        score = result[f"{bar['data-dimension']}_score"]
        assert float(bar["width"]) == pytest.approx(report_html.BAR_WIDTH * score / 100, abs=0.01)
        assert float(bar["x"]) == report_html.BAR_X  # all bars start at 0 on the same axis
    widths = {b["data-dimension"]: float(b["width"]) for b in bars}
    ordered = sorted(widths, key=widths.get)
    assert ordered == sorted(widths, key=lambda k: result[f"{k}_score"])


def test_html_per_question_chart_marks_follow_ups_and_gaps(data):
    parsed = _parse(report_html.render_html(_report(data)))
    columns = [a for tag, a in parsed.tags if tag == "rect" and "data-question" in a]
    scored = [q for q in data["questions"] if q["scores"]]
    assert len(columns) == len(scored)
    heights = [float(c["height"]) for c in columns]
    for column, question in zip(columns, scored, strict=True):
        assert float(column["data-score"]) == pytest.approx(question["scores"]["overall"], abs=0.01)
        assert ("follow-up" in column["class"].split()) == (question["follow_up_of"] is not None)
    # heights are proportional to the scores (a floored answer's column has no height)
    pairs = list(zip(heights, scored, strict=True))
    assert all(h == 0 for h, q in pairs if q["scores"]["overall"] == 0)
    ratios = [h / q["scores"]["overall"] for h, q in pairs if q["scores"]["overall"]]
    assert len(ratios) >= 2 and max(ratios) == pytest.approx(min(ratios), rel=1e-3)
    labels = "".join(parsed.text)
    assert "skip" in labels and "↳" in labels


@pytest.mark.parametrize(("score", "band", "style"), [
    (100, "good", "green"), (70, "good", "green"), (69.9, "fair", "yellow"), (45, "fair", "yellow"),
    (44.9, "weak", "red"), (0, "weak", "red"), (None, "none", "dim")])
def test_every_screen_colours_a_score_by_the_same_band(score, band, style):
    from mock_interview.cli import stats as stats_cli
    from mock_interview.cli.render.labels import score_style
    from mock_interview.domain.score_bands import band as band_of

    assert band_of(score) == band and score_style(score) == style
    assert stats_cli._score(score) == ("[dim]–[/dim]" if score is None else f"[{style}]{score:.0f}[/]")


def test_html_colours_each_score_by_its_band_and_explains_the_bands(data):
    from mock_interview.domain.score_bands import FAIR_FROM, GOOD_FROM
    from mock_interview.domain.score_bands import band as band_of

    page = report_html.render_html(_report(data))
    parsed = _parse(page)
    columns = [a for tag, a in parsed.tags if tag == "rect" and "data-question" in a]
    assert columns and all(band_of(float(c["data-score"])) in c["class"].split() for c in columns)
    legend = re.findall(r'<span class="swatch (\w+)"></span>([^<]+)</li>', page)
    assert legend[:3] == [("good", f"{GOOD_FROM}–100 strong"), ("fair", f"{FAIR_FROM}–{GOOD_FROM - 1} fair"),
                          ("weak", f"0–{FAIR_FROM - 1} weak")]


def test_html_escapes_everything_the_person_typed(data):
    data["job"]["title"] = '<img src=x onerror="alert(1)">'
    data["job"]["company"] = "Tom & Jerry's"
    data["result"]["strengths"].append("<b>bold</b>")
    page = report_html.render_html(_report(data))
    _parse(page)
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page
    assert "Tom &amp; Jerry&#x27;s" in page


def test_an_unfinished_interview_renders_in_every_format(data):
    data["status"], data["result"], data["completed_at"] = "in_progress", None, None
    data["questions"][-1].update(status="asked", answer=None, scores=None, feedback=None)
    assert "not finished" in report_markdown.render_markdown(_report(data))
    page = report_html.render_html(_report(data))
    _parse(page)
    assert "not finished" in page and "data-dimension" not in page
    assert json.loads(export.render_json(_report(data)))["result"] is None


def test_the_report_service_reads_the_interview_into_threads(interview, data):
    from mock_interview.services.context import AppContext
    from mock_interview.services.reports import interview_report

    ctx = AppContext.create(database_url=interview["url"], profile="sam@example.com")
    try:
        report = interview_report(ctx, data["interview_id"][:8])
    finally:
        ctx.close()
    assert report.document == data and report == _report(data)
    assert [q.position for q in report.questions] == sorted(q["position"] for q in data["questions"])
    assert [t.number for t in report.threads] == list(range(1, len(report.threads) + 1))
    for thread in report.threads:
        assert thread.main.follow_up_of is None
        assert all(f.follow_up_of == thread.main.position for f in thread.follow_ups)
    assert any(thread.follow_ups for thread in report.threads)
    assert report.result is not None and report.result.scores["overall"] == data["result"]["overall_score"]
    quotes = {e.quote for q in report.questions for e in q.evidence}
    assert quotes == {str(e["quote"]).strip() for q in data["questions"]
                      for e in (q["feedback"] or {}).get("evidence") or [] if str(e["quote"]).strip()}


# -- JSON ---------------------------------------------------------------------------------------------

def test_json_round_trips_to_describe_and_matches_interview_show(cli, interview, data):
    document = json.loads(export.render_json(_report(data)))
    assert document.pop("json_version") == 1
    from mock_interview.domain.numbers import rounded

    assert document == rounded(interview["data"])  # numbers to one decimal, as every --json
    out = cli("--db", interview["url"], "--profile", "sam@example.com", "interview", "show",
              data["interview_id"], "--json")
    assert out.exit_code == 0, out.stderr
    assert json.loads(export.render_json(_report(data))) == out.json()


# -- writing ------------------------------------------------------------------------------------------

def test_without_a_path_the_report_goes_to_stdout(data):
    for path in (None, "-"):
        stream = io.StringIO()
        assert export.write_report(_report(data), "md", path, stdout=stream) is None
        assert stream.getvalue() == report_markdown.render_markdown(_report(data))


def test_o_writes_atomically_over_an_existing_file(data, tmp_path, monkeypatch):
    target = tmp_path / "report.html"
    target.write_text("old report")
    expected = report_html.render_html(_report(data))
    real_replace = os.replace
    seen = []

    def spy(source, destination):
        # at the moment of the rename: the full report is in a temp file beside the target,
        # and the target still holds the old report
        assert Path(source).parent == Path(destination).parent == tmp_path
        assert Path(source).read_text(encoding="utf-8") == expected
        assert Path(destination).read_text() == "old report"
        seen.append(source)
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", spy)
    assert export.write_report(_report(data), "html", str(target)) == target
    assert seen and target.read_text(encoding="utf-8") == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]  # no temp file left
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o600  # answers are personal


def test_o_with_a_directory_writes_a_named_file_inside(data, tmp_path):
    written = export.write_report(_report(data), "json", tmp_path)
    assert written == tmp_path / f"interview-{data['interview_id'][:8]}.json"
    assert json.loads(written.read_text(encoding="utf-8"))["interview_id"] == data["interview_id"]


def test_a_failed_write_leaves_the_old_file_and_no_temp_file(data, tmp_path, monkeypatch):
    target = tmp_path / "report.md"
    target.write_text("old report")

    def fail(source, destination):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(MockInterviewError) as caught:
        export.write_report(_report(data), "md", target)
    assert caught.value.exit_code == ExitCode.ERROR
    assert "\n" not in str(caught.value) and "permission denied" in str(caught.value)
    assert target.read_text() == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_an_unwritable_path_is_one_line_with_exit_1(data, tmp_path):
    missing = tmp_path / "no-such-dir" / "report.md"
    with pytest.raises(MockInterviewError) as caught:
        export.write_report(_report(data), "md", missing)
    assert type(caught.value) is MockInterviewError and caught.value.exit_code == ExitCode.ERROR
    assert "\n" not in str(caught.value) and "does not exist" in str(caught.value)
    assert not missing.parent.exists()
    if os.name == "posix" and os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        try:
            with pytest.raises(MockInterviewError, match="cannot write"):
                export.write_report(_report(data), "md", locked / "report.md")
        finally:
            locked.chmod(0o700)


def test_an_unknown_format_is_a_usage_error_and_writes_nothing(data, tmp_path):
    target = tmp_path / "report.pdf"
    with pytest.raises(UsageError) as caught:
        export.write_report(_report(data), "pdf", target)
    assert caught.value.exit_code == ExitCode.USAGE and "md, html or json" in str(caught.value)
    assert not target.exists()
