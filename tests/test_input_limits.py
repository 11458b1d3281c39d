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


def test_an_evaluate_answer_past_the_limit_fails_its_item_before_grading(cli, tmp_path):
    (tmp_path / "cv.txt").write_text(
        "Ada Lovelace\nBackend Engineer\nada@example.com\n\nSKILLS\nPython, PostgreSQL, Redis\n\n"
        "EXPERIENCE\nBackend Developer\nFirm Ltd, Leeds\nJan 2019 - Present\n"
        "- Built Python services with PostgreSQL and Redis caching\n", encoding="utf-8")
    item = {"name": "Ada", "email": "ada@example.com", "resume": "cv.txt",
            "job": "tallowbrook-senior-python-backend-engineer", "questions": 1}
    long = "I cached the slow lookups. " * (limits.MAX_ANSWER_CHARS // 27 + 1)
    path = tmp_path / "b.jsonl"
    path.write_text(json.dumps({**item, "key": "long", "answers": [long]}) + "\n"
                    + json.dumps({**item, "key": "ok", "answers": [long[:limits.MAX_ANSWER_CHARS]]}) + "\n",
                    encoding="utf-8")
    out = cli("evaluate", str(path), "--output", str(tmp_path / "out.jsonl"))
    assert out.exit_code == 1 and "internal error" not in out.stderr + out.stdout
    lines = {x["key"]: x for x in map(json.loads, (tmp_path / "out.jsonl").read_text().splitlines())}
    assert lines["ok"]["status"] == "ok", lines["ok"]
    assert lines["long"]["status"] == "failed" and lines["long"]["interview_id"] is None
    assert f"answer 1 is {len(long):,} characters; the limit is 20,000" in lines["long"]["error"]


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


# -- the work a resume file costs, bounded (PDFs made with PyMuPDF, DOCX with zipfile) --------

def _write_pdf(objects: list[str]) -> bytes:
    from mock_interview.testing.documents import pdf_from_objects

    return pdf_from_objects(objects)


@pytest.mark.parametrize("kids", ["2 0 R", "3 0 R 2 0 R"])
def test_a_pdf_whose_page_tree_loops_is_one_line_and_exit_2(cli, tmp_path, kids):
    path = tmp_path / "loop.pdf"
    path.write_bytes(_write_pdf([
        "<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count 2 >>",
        "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
    ]))
    out = cli("upload", str(path))
    assert out.exit_code == ExitCode.USAGE, out.stderr
    assert "damaged PDF" in out.stderr and len(out.stderr.strip().splitlines()) == 1
    assert "internal error" not in out.stderr + out.stdout


def _pdf_with_content(content: bytes, pages: int = 1) -> bytes:
    """A PDF whose pages draw ``content`` (deflated, as writers store it) in Helvetica."""
    import pymupdf

    doc = pymupdf.open()
    for _ in range(pages):
        page = doc.new_page()
        page.insert_text((72, 72), "Ada Lovelace", fontname="helv")
        doc.update_stream(page.get_contents()[0], content)
    return doc.tobytes(deflate=True)


def test_pdf_content_past_the_limit_is_refused_without_inflating_it(cli, tmp_path):
    from mock_interview.io import pdf

    # 3 million text operators: about 60 KB on disk, 18 MB of drawing instructions.
    ops = b"BT /helv 1 Tf 10 830 Td " + (b"(a) Tj " * 200 + b"0 -0.05 Td ") * 15_000 + b"ET"
    data = _pdf_with_content(ops)
    assert len(data) < 200_000 < limits.MAX_PDF_CONTENT_BYTES < len(ops)
    path = tmp_path / "ops.pdf"
    path.write_bytes(data)
    out = cli("upload", str(path))
    assert out.exit_code == ExitCode.USAGE, out.stderr
    assert "MB of page content" in out.stderr and len(out.stderr.strip().splitlines()) == 1

    import pymupdf

    with pymupdf.open(stream=data, filetype="pdf") as doc:
        page = doc[0]
        assert pdf._content_bytes(doc, page, 1000) == 1001  # counted one byte past, no further
        assert pdf._content_bytes(doc, page, len(ops) + 10) == len(ops)


def test_pdf_text_past_the_limit_is_refused_while_reading_pages(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_RESUME_TEXT_CHARS", 5_000)
    line = b"(" + b"Python SQL Docker " * 5 + b") Tj 0 -8 Td "
    path = tmp_path / "long.pdf"
    path.write_bytes(_pdf_with_content(b"BT /helv 6 Tf 20 800 Td " + line * 90 + b"ET", pages=3))
    out = cli("upload", str(path))
    assert out.exit_code == ExitCode.USAGE, out.stderr
    assert "more than 5,000 characters of text" in out.stderr


def test_pdf_runs_of_text_past_the_limit_are_refused(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_PDF_SPANS", 50)
    # Two fonts in turn: every word is a run of its own.
    words = b"".join(b"/%s 9 Tf (word%d ) Tj " % (b"helv" if i % 2 else b"cour", i)
                     + (b"0 -12 Td " if i % 6 == 5 else b"") for i in range(80))
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Ada", fontname="helv")
    page.insert_text((72, 90), "Lovelace", fontname="cour")
    doc.update_stream(page.get_contents()[0], b"BT 20 800 Td " + words + b"ET")
    path = tmp_path / "runs.pdf"
    path.write_bytes(doc.tobytes())
    out = cli("upload", str(path))
    assert out.exit_code == ExitCode.USAGE, out.stderr
    assert "more than 50 runs of text" in out.stderr


@pytest.mark.parametrize("count, refused", [(limits.MAX_PDF_ANNOTATIONS, False),
                                             (limits.MAX_PDF_ANNOTATIONS + 1, True)])
def test_pdf_annotations_past_the_limit_are_refused(cli, tmp_path, count, refused):
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Ada Lovelace\nada@example.com\nSKILLS\nPython, SQL", fontname="helv")
    refs = []
    for number in range(count):
        xref = doc.get_new_xref()
        x, y = 10 + number % 50 * 10, 400 + number // 50 * 10
        doc.update_object(xref, f"<< /Type /Annot /Subtype /Link /Rect [{x} {y} {x + 8} {y + 8}] "
                                f"/A << /S /URI /URI (https://example.com/{number}) >> >>")
        refs.append(f"{xref} 0 R")
    doc.xref_set_key(page.xref, "Annots", "[" + " ".join(refs) + "]")
    path = tmp_path / "links.pdf"
    path.write_bytes(doc.tobytes())
    out = cli("upload", str(path), "--force")
    if refused:
        assert out.exit_code == ExitCode.USAGE, out.stderr
        assert f"more than {limits.MAX_PDF_ANNOTATIONS} links and annotations" in out.stderr
    else:
        assert out.exit_code == 0, out.stderr


def test_docx_xml_is_measured_from_the_directory_before_unzipping(tmp_path, monkeypatch):
    import io
    import zipfile

    from mock_interview.io import readers

    body = ("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
            "<w:body>" + "".join(f"<w:p><w:r><w:t>line {n}</w:t></w:r></w:p>" for n in range(3000))
            + "</w:body></w:document>").encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", body)
    monkeypatch.setattr(limits, "MAX_DOCX_XML_BYTES", len(body) - 1)
    inflated: list[str] = []
    real_read = zipfile.ZipFile.read
    monkeypatch.setattr(zipfile.ZipFile, "read",
                        lambda self, name, pwd=None: inflated.append(str(name)) or real_read(self, name, pwd))
    with pytest.raises(UsageError, match="MB of document XML"):
        readers.read_document(buffer.getvalue(), "cv.docx")
    assert not [name for name in inflated if "document.xml" in name]


# -- catalogue files and job descriptions on stdin ----------------------------------------------

def test_a_catalogue_file_over_the_limit_is_refused_before_importing(cli, tmp_path, monkeypatch):
    row = json.dumps({"title": "Data Engineer", "company": "Acme", "description": "Pipelines",
                      "skills_required": ["Python"]})
    path = tmp_path / "jobs.jsonl"
    path.write_text((row + "\n") * 100, encoding="utf-8")
    monkeypatch.setattr(limits, "MAX_CATALOGUE_FILE_BYTES", path.stat().st_size - 1)
    out = cli("jobs", "import", str(path))
    assert out.exit_code == ExitCode.USAGE and "the limit for a catalogue file" in out.stderr
    monkeypatch.setattr(limits, "MAX_CATALOGUE_FILE_BYTES", path.stat().st_size)
    out = cli("jobs", "import", str(path), "--json")
    assert out.exit_code == 0, out.stderr


def test_a_catalogue_that_grows_past_the_limit_stops_there(tmp_path, monkeypatch):
    """The file is read no further than the limit even when its size said less."""
    from mock_interview.io import catalogue

    row = json.dumps({"title": "Data Engineer", "company": "Acme"})
    path = tmp_path / "jobs.jsonl"
    path.write_text((row + "\n") * 50, encoding="utf-8")
    kind, rows = catalogue.open_catalogue(path)
    with path.open("a", encoding="utf-8") as grow:
        grow.write((row + "\n") * 5000)
    monkeypatch.setattr(limits, "MAX_CATALOGUE_FILE_BYTES", 100 * (len(row) + 1))
    read = 0
    with pytest.raises(UsageError, match="over the limit"):
        for _ in rows:
            read += 1
    assert kind == "jsonl" and read <= 100


def test_a_catalogue_pipe_is_refused(cli, tmp_path):
    import os

    fifo = tmp_path / "jobs.fifo"
    os.mkfifo(fifo)
    out = cli("jobs", "import", str(fifo))
    assert out.exit_code == ExitCode.USAGE and "not a regular file" in out.stderr


def test_a_jsonl_catalogue_line_past_the_row_limit_fails_alone(tmp_path, monkeypatch):
    from mock_interview.io import catalogue

    monkeypatch.setattr(catalogue, "MAX_ROW_BYTES", 1000)
    good = json.dumps({"title": "Data Engineer", "company": "Acme"})
    path = tmp_path / "jobs.jsonl"
    path.write_text(good + "\n" + '{"title": "' + "x" * 5000 + '"}\n' + good + "\n",
                    encoding="utf-8")
    _, rows = catalogue.open_catalogue(path)
    found = [(raw.line, raw.error) for raw in rows]
    assert found == [(1, None), (2, "is longer than 1,000 characters"), (3, None)]


@pytest.mark.parametrize("args", [["interview", "--job-file", "-"], ["jobs", "add", "--text", "-"]])
def test_a_job_description_on_stdin_stops_reading_at_the_limit(cli, tmp_path, monkeypatch, args):
    from mock_interview.io import readers

    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 1000)
    if args[0] == "interview":
        (tmp_path / "answers.json").write_text('["An answer"]', encoding="utf-8")
        args = [*args, "--answers", str(tmp_path / "answers.json")]
    out = cli(*args, input="Senior Python Engineer at Acme\n" * 200)
    assert out.exit_code == ExitCode.USAGE, out.stderr
    assert "over the limit" in out.stderr and len(out.stderr.strip().splitlines()) == 1
