"""Malformed and oversized input is one line and exit code 2, never an internal error, and is
refused without being read whole (io/limits.py)."""

from __future__ import annotations

import json

import pytest

from mock_interview.errors import ExitCode, UsageError
from mock_interview.io import limits

DEEP = "[" * 100_000 + "]" * 100_000
HUGE_INT = '{"questions": ' + "9" * 5000 + "}"
SURROGATE = '{"name": "\\ud800", "resume": "r.txt", "job": "x", "answers": ["a"]}'


@pytest.mark.parametrize("text, message", [
    (DEEP, "nests deeper"), (HUGE_INT, "not usable JSON"), (SURROGATE, "lone surrogate"),
    ("{", "not valid JSON"), ('{"a": [1, 2', "not valid JSON"),
])
def test_loads_json_refuses_in_one_line(text, message):
    with pytest.raises(UsageError) as raised:
        limits.loads_json(text, "the input")
    assert message in raised.value.message and "\n" not in raised.value.message


def test_loads_json_takes_ordinary_documents_and_brackets_inside_strings():
    text = json.dumps({"answers": ["[[[[" * 40, "}}}"], "nested": [[[{"a": 1}]]]})
    assert limits.loads_json(text, "x")["nested"] == [[[{"a": 1}]]]


def test_read_capped_stops_one_byte_past_the_limit(tmp_path):
    import io

    stream = io.BytesIO(b"x" * 1000)
    with pytest.raises(UsageError, match="over the limit"):
        limits.read_capped(stream, 100, "stdin")
    assert stream.tell() == 101


@pytest.mark.parametrize("name, content, message", [
    ("deep.json", DEEP, "nests deeper"),
    ("deep.jsonl", DEEP + "\n", "no line holds a JSON object"),
    ("huge.json", HUGE_INT, "not usable JSON"),
    ("surrogate.json", SURROGATE, "lone surrogate"),
])
def test_evaluate_refuses_malformed_json_with_exit_2(cli, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    out = cli("evaluate", str(path), "--output", str(tmp_path / "out.jsonl"))
    assert out.exit_code == ExitCode.USAGE, out.stderr
    assert message in out.stderr and len(out.stderr.strip().splitlines()) == 1
    assert "internal error" not in out.stderr


def test_a_bad_jsonl_line_fails_alone(cli, tmp_path):
    path = tmp_path / "b.jsonl"
    path.write_text(HUGE_INT + "\n" + SURROGATE + "\n" + '{"name": "x"}\n', encoding="utf-8")
    out = cli("evaluate", str(path), "--output", str(tmp_path / "out.jsonl"))
    assert out.exit_code == 1 and "internal error" not in out.stderr + out.stdout
    lines = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [x["status"] for x in lines] == ["failed"] * 3
    assert "not usable JSON" in lines[0]["error"] and "lone surrogate" in lines[1]["error"]


def test_an_evaluate_input_over_the_limit_is_refused_unread(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_BATCH_FILE_BYTES", 1000)
    path = tmp_path / "big.jsonl"
    path.write_text('{"name": "x"}\n' * 200, encoding="utf-8")
    out = cli("evaluate", str(path))
    assert out.exit_code == ExitCode.USAGE and "over the limit" in out.stderr


@pytest.mark.parametrize("content, message", [
    (DEEP, "nests deeper"), ('["a", ' + "9" * 5000 + "]", "not usable JSON"),
    ('["\\udc80 lone"]', "lone surrogate"), ('["' + "word " * 5000 + '"]', "the limit is 20,000"),
])
def test_interview_answers_malformed_or_too_long_is_exit_2(cli, tmp_path, content, message):
    path = tmp_path / "answers.json"
    path.write_text(content, encoding="utf-8")
    for args, given in ((["--answers", str(path)], None), (["--answers", "-"], content)):
        out = cli("interview", *args, input=given)
        assert out.exit_code == ExitCode.USAGE, out.stderr
        assert message in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_an_endless_answers_stream_stops_at_the_limit(cli):
    out = cli("interview", "--answers", "/dev/zero")
    assert out.exit_code == ExitCode.USAGE and "over the limit of 5 MB" in out.stderr


def test_upload_from_stdin_stops_reading_at_the_limit(cli, monkeypatch):
    from mock_interview.io import readers

    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 1000)
    out = cli("upload", "-", "--filename", "cv.txt", input="Ada Lovelace\n" * 500)
    assert out.exit_code == ExitCode.USAGE and "over the limit" in out.stderr


def test_resume_text_past_the_limit_is_refused_before_parsing(cli, tmp_path):
    path = tmp_path / "cv.txt"
    path.write_text("Ada Lovelace\nSKILLS\n" + "Python, SQL, Docker. " * 25_000, encoding="utf-8")
    out = cli("upload", str(path))
    assert out.exit_code == ExitCode.USAGE and "characters of text" in out.stderr


def test_docx_with_too_much_xml_is_refused_before_parsing(cli, tmp_path, monkeypatch):
    from tests.fixtures_docs import make_resume_docx

    monkeypatch.setattr(limits, "MAX_DOCX_XML_BYTES", 2000)
    path = tmp_path / "cv.docx"
    make_resume_docx(path, ["Ada Lovelace", "ada@example.com", "SKILLS", "Python"] + ["Line"] * 200)
    out = cli("upload", str(path))
    assert out.exit_code == ExitCode.USAGE and "document XML" in out.stderr


def test_jobs_import_lines_with_deep_json_or_huge_numbers_fail_alone(cli, tmp_path):
    path = tmp_path / "jobs.jsonl"
    good = json.dumps({"title": "Data Engineer", "company": "Acme", "description": "Pipelines",
                       "skills_required": ["Python"]})
    path.write_text("\n".join([good, DEEP, '{"salary_min": ' + "9" * 5000 + "}", SURROGATE]) + "\n",
                    encoding="utf-8")
    out = cli("jobs", "import", str(path))
    assert "internal error" not in out.stderr and out.exit_code in (0, 1, 2), out.stderr
