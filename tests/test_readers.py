"""io.readers: type detection, every refusal, PDF reading order and links, DOCX, text."""

from __future__ import annotations

import codecs
import contextlib
import importlib.util
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

_MISSING = [m for m in ("pymupdf", "docx2txt", "docx") if importlib.util.find_spec(m) is None]
if _MISSING:
    # Like the Postgres tests: a visible skip on a laptop, an error in CI.
    message = f"needs {', '.join(_MISSING)} (pymupdf, docx2txt, python-docx)"
    if os.environ.get("CI") == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message, allow_module_level=True)

from mock_interview.errors import ExitCode, NotFoundError  # noqa: E402
from mock_interview.io import limits, pdf, readers  # noqa: E402
from mock_interview.io.readers import (  # noqa: E402
    MAX_FILE_BYTES,
    CorruptFileError,
    EmptyFileError,
    EncryptedFileError,
    FileAccessError,
    FileTooLargeError,
    MissingFileError,
    NotAFileError,
    TextEncodingError,
    UnreadableFileError,
    UnsupportedFileError,
    ZipBombError,
    detect_kind,
    links_in_text,
    read_document,
    read_path,
)
from tests import fixtures_docs as fx  # noqa: E402

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@contextlib.contextmanager
def _peak_allocation():
    """Yields a function giving the peak bytes Python allocated inside the block."""
    measured: list[int] = []
    tracemalloc.start()
    try:
        yield lambda: measured[0]
    finally:
        measured.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()


def refused(path: Path, error: type[UnreadableFileError]) -> UnreadableFileError:
    """read_path must raise ``error``, in one line naming the file."""
    with pytest.raises(error) as caught:
        read_path(path)
    exc = caught.value
    assert "\n" not in str(exc) and "\r" not in str(exc)
    assert path.name in exc.message
    assert exc.hint  # every refusal says how to fix it
    return exc


# -- refusals: one table, one fixture generator per case ------------------------------------

BAD_FILES = [
    # (file name, generator, error, exit code, words the message must contain)
    ("empty.pdf", lambda p: fx.make_file(p, b""), EmptyFileError, 2, "empty"),
    ("photo.pdf", lambda p: fx.make_file(p, fx.png_bytes()), UnsupportedFileError, 2, "PNG image"),
    ("photo.jpg", lambda p: fx.make_file(p, fx.jpeg_bytes()), UnsupportedFileError, 2,
     "JPEG image"),
    ("anim.gif", lambda p: fx.make_file(p, b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
     UnsupportedFileError, 2, "GIF image"),
    ("cv.pdf", lambda p: fx.make_file(p, fx.exe_bytes()), UnsupportedFileError, 2,
     "Windows executable"),
    ("cv.txt", lambda p: fx.make_file(p, b"\x7fELF\x02\x01\x01" + bytes(64)),
     UnsupportedFileError, 2, "ELF"),
    ("cv.docx", fx.make_plain_zip, UnsupportedFileError, 2, "ZIP archive"),
    ("cv.doc", lambda p: fx.make_file(p, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)),
     UnsupportedFileError, 2, ".doc"),
    ("locked.docx", lambda p: fx.make_file(p, fx.encrypted_office_bytes()),
     EncryptedFileError, 2, "password"),
    ("cv.rtf", lambda p: fx.make_file(p, b"{\\rtf1\\ansi Ada}"), UnsupportedFileError, 2, "RTF"),
    ("cv.html", lambda p: fx.make_file(p, b"<!DOCTYPE html><html><body>Ada</body></html>"),
     UnsupportedFileError, 2, "HTML"),
    ("noise.txt", lambda p: fx.make_file(p, bytes(range(256)) * 4), UnsupportedFileError, 2,
     "binary"),
    ("broken.pdf", fx.make_corrupt_pdf, CorruptFileError, 2, "damaged"),
    ("locked.pdf", fx.make_encrypted_pdf, EncryptedFileError, 2, "encrypted"),
    ("bomb.docx", fx.make_docx_bomb, ZipBombError, 2, "zip bomb"),
    ("claims.docx", fx.make_docx_declaring_huge_size, ZipBombError, 2, "zip bomb"),
    ("lies.docx", fx.make_docx_lying_size, CorruptFileError, 2, "damaged"),
    ("latin1.txt", lambda p: fx.make_file(p, "Résumé: café".encode("latin-1")),
     TextEncodingError, 2, "not UTF-8"),
    ("utf16.txt", lambda p: fx.make_file(p, "Ada Lovelace, engineer".encode("utf-16-le")),
     TextEncodingError, 2, "UTF-16"),
    ("huge.pdf", lambda p: fx.make_sparse_file(p, 50 * 1024 * 1024), FileTooLargeError, 2, "MB"),
]


@pytest.mark.parametrize(("name", "make", "error", "code", "words"), BAD_FILES,
                         ids=[case[0] for case in BAD_FILES])
def test_bad_files_are_refused_in_one_line(tmp_path, name, make, error, code, words):
    exc = refused(make(tmp_path / name), error)
    assert isinstance(exc, UnreadableFileError)
    assert exc.exit_code == code == int(ExitCode.USAGE)
    assert words.lower() in str(exc).lower()


def test_missing_file_is_not_found(tmp_path):
    exc = refused(tmp_path / "nope.pdf", MissingFileError)
    assert isinstance(exc, NotFoundError) and exc.exit_code == ExitCode.NOT_FOUND == 3
    with pytest.raises(MissingFileError):
        read_path(tmp_path / "nope.pdf" / "inside.pdf")  # a file used as a directory


def test_directory_and_fifo_are_not_files(tmp_path):
    (tmp_path / "resumes").mkdir()
    assert refused(tmp_path / "resumes", NotAFileError).exit_code == 2
    os.mkfifo(tmp_path / "pipe")
    refused(tmp_path / "pipe", NotAFileError)  # and does not block reading it


def test_permission_denied_exits_1(tmp_path, monkeypatch):
    path = fx.make_file(tmp_path / "cv.txt", b"Ada")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(readers, "open", denied, raising=False)  # root ignores chmod
    exc = refused(path, FileAccessError)
    assert exc.exit_code == ExitCode.ERROR == 1 and "permission" in exc.message


def test_size_cap_is_checked_before_reading(tmp_path, monkeypatch):
    path = fx.make_sparse_file(tmp_path / "huge.pdf", 50 * 1024 * 1024)
    monkeypatch.setattr(readers, "open", lambda *a, **k: pytest.fail("read it"), raising=False)
    monkeypatch.setattr(Path, "read_bytes", lambda *a: pytest.fail("read it"))
    with _peak_allocation() as peak:
        refused(path, FileTooLargeError)
    assert peak() < 1024 * 1024  # nothing of the 50 MB was loaded
    with pytest.raises(FileTooLargeError):
        read_document(b"a" * (MAX_FILE_BYTES + 1), "big.txt")


def test_zip_bomb_is_refused_before_decompressing(tmp_path, monkeypatch):
    import docx2txt

    monkeypatch.setattr(docx2txt, "process", lambda *a: pytest.fail("decompressed a bomb"))
    bomb = fx.make_docx_bomb(tmp_path / "bomb.docx", megabytes=8)
    with _peak_allocation() as peak:
        refused(bomb, ZipBombError)
    assert peak() < bomb.stat().st_size + 1024 * 1024  # the 8 MB inside were never inflated


def test_docx_with_entity_declarations_is_refused(tmp_path):
    import zipfile

    good = fx.resume_docx_bytes(["Ada"])
    path = tmp_path / "laughs.docx"
    with zipfile.ZipFile(path, "w") as out, zipfile.ZipFile(fx.io.BytesIO(good)) as src:
        for name in src.namelist():
            data = src.read(name)
            if name == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>', 1)
            out.writestr(name, data)
    refused(path, CorruptFileError)


def test_truncated_pdf_is_repaired_or_refused(tmp_path):
    path = fx.make_truncated_pdf(tmp_path / "half.pdf")
    try:
        doc = read_path(path)
    except CorruptFileError as exc:
        assert "damaged" in exc.message and "\n" not in str(exc)
    else:  # MuPDF recovered part of it: fine, as long as it says so and invents nothing
        assert doc.text.strip() and any("repaired" in w for w in doc.warnings)
        written = {w for line in (*fx.HEADER, *fx.LEFT, *fx.RIGHT) for w in line.split()}
        assert set(doc.text.split()) <= written


def test_broken_pdf_keeps_stderr_quiet(tmp_path, capfd):
    with pytest.raises(CorruptFileError):
        read_path(fx.make_corrupt_pdf(tmp_path / "broken.pdf"))
    with pytest.raises(UnreadableFileError):
        read_path(fx.make_truncated_pdf(tmp_path / "half.pdf"))
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""


# -- detection ------------------------------------------------------------------------------


def test_kind_comes_from_content_not_extension(tmp_path):
    assert detect_kind(fx.resume_pdf_bytes()) == "pdf"
    assert detect_kind(b"junk before the header\n" + fx.resume_pdf_bytes()) == "pdf"
    assert detect_kind(fx.resume_docx_bytes(["Ada"])) == "docx"
    assert detect_kind(b"Ada Lovelace\n") == "txt"
    doc = read_path(fx.make_file(tmp_path / "cv.pdf", b"Ada Lovelace\nEngineer\n"))
    assert doc.kind == "txt" and doc.media_type == "text/plain"
    assert doc.warnings == ["%s is named like a PDF but contains plain text; read it as plain text"
                            % (tmp_path / "cv.pdf")]
    with pytest.raises(UnsupportedFileError, match="PNG image"):
        detect_kind(fx.png_bytes())
    with pytest.raises(EmptyFileError):
        detect_kind(b"")


def test_text_starting_with_mz_is_still_text():
    assert detect_kind(b"MZ Consulting, 2019-2021\nData engineer\n") == "txt"


@pytest.mark.parametrize("data", [
    b"Ada\r\nLovelace  \r\n\r\n\r\n\r\nEngineer\r\n",
    codecs.BOM_UTF8 + b"Ada\nLovelace\n\nEngineer",
    "Ada\r\nLovelace\r\n\r\nEngineer".encode("utf-16"),  # BOM, native order
    codecs.BOM_UTF16_BE + "Ada\nLovelace\n\nEngineer".encode("utf-16-be"),
    codecs.BOM_UTF16_LE + "Ada\rLovelace\r\rEngineer".encode("utf-16-le"),
], ids=["utf8-crlf", "utf8-bom", "utf16", "utf16-be", "utf16-le-cr"])
def test_text_encodings_and_newlines(data):
    doc = read_document(data, "cv.txt")
    assert (doc.kind, doc.pages, doc.media_type) == ("txt", 1, "text/plain")
    assert doc.text == "Ada\nLovelace\n\nEngineer"


def test_whitespace_only_text_is_a_warning_not_an_error():
    doc = read_document(b"  \n\n \t\n", "blank.txt")
    assert doc.text == "" and doc.warnings == ["blank.txt contains no text"]


def test_messages_never_span_lines():
    with pytest.raises(EmptyFileError) as caught:
        read_document(b"", "evil\nname\r.pdf")
    assert "\n" not in str(caught.value) and "\r" not in str(caught.value)
    with pytest.raises(EmptyFileError, match="^the file is empty"):
        read_document(b"")


# -- PDF ------------------------------------------------------------------------------------


def _positions(text: str, words: list[str]) -> list[int]:
    return [text.index(w) for w in words]


@pytest.mark.parametrize("by_rows", [True, False], ids=["written-by-rows", "written-by-columns"])
def test_two_column_pdf_reads_left_column_then_right(tmp_path, by_rows):
    footer = "References on request - this footer line runs across both of the columns"
    path = fx.make_resume_pdf(tmp_path / "cv.pdf", two_column=True, footer=footer,
                              by_rows=by_rows)
    doc = read_path(path)
    assert (doc.kind, doc.media_type, doc.pages, doc.warnings) == ("pdf", "application/pdf", 1, [])
    text = doc.text
    left = _positions(text, ["EXPERIENCE", "Analytical Engines", "EDUCATION", "De Morgan"])
    right = _positions(text, ["SKILLS", "Technical writing", "LANGUAGES", "CONTACT"])
    assert left == sorted(left) and right == sorted(right)
    assert max(left) < min(right)  # the left column's sections wholly before the right's
    assert text.index("Ada Lovelace") < min(left)  # the full-width header stays on top
    assert text.rstrip().endswith(footer)  # and the full-width footer at the bottom
    # Lines stay whole, bullets stay at line starts, sections are separated by blank lines.
    assert "\n• Wrote the first published program\n" in text
    assert "\n\nEDUCATION\n" in text and "\n\nLANGUAGES\n" in text
    assert "\n\n\n" not in text


def test_single_column_pdf_keeps_its_order(tmp_path):
    doc = read_path(fx.make_resume_pdf(tmp_path / "cv.pdf"))
    expected = [line for line in (*fx.HEADER, *fx.LEFT, *fx.RIGHT) if line]
    assert [line for line in doc.text.splitlines() if line] == expected


def test_pdf_links_include_annotation_only_ones(tmp_path):
    links = ["https://github.com/ada", "mailto:ada@example.com", "javascript:alert(1)"]
    doc = read_path(fx.make_resume_pdf(tmp_path / "cv.pdf", two_column=True, links=links,
                                       second_page=["PROJECTS", "Notes at www.example.org/ada."]))
    assert "github.com" not in doc.text  # the link exists only as an annotation
    # Annotations first, then what the text says; mailto: from the text deduplicated.
    assert doc.links == ["https://github.com/ada", "mailto:ada@example.com",
                         "https://www.example.org/ada"]
    assert doc.pages == 2 and doc.text.endswith("PROJECTS\nNotes at www.example.org/ada.")


def test_pdf_with_too_many_pages_is_refused(tmp_path):
    import pymupdf

    doc = pymupdf.open()
    for _ in range(limits.MAX_PDF_PAGES + 1):
        doc.new_page()
    doc.save(tmp_path / "book.pdf")
    exc = refused(tmp_path / "book.pdf", FileTooLargeError)
    assert f"{limits.MAX_PDF_PAGES + 1} pages" in exc.message


def test_scanned_pdf_gives_empty_text_and_a_warning(tmp_path):
    doc = read_path(fx.make_scanned_pdf(tmp_path / "scan.pdf", pages=2))
    assert (doc.text, doc.kind, doc.pages, doc.links) == ("", "pdf", 2, [])
    assert doc.warnings == ["page 1 has no text layer (scanned?)",
                            "page 2 has no text layer (scanned?)"]


def test_pdf_ligatures_and_odd_bullets_are_normalised(tmp_path):
    doc = read_path(fx.make_resume_pdf(
        tmp_path / "cv.pdf", header=["Ada"], lines_left=["ﬁne work", "\uf0b7 Symbol-font bullet"],
        lines_right=[]))
    assert doc.text.splitlines()[-2:] == ["fine work", "• Symbol-font bullet"]


# -- reading order on synthetic lines (no PDF needed) -----------------------------------------


def L(x0, y0, x1, text, height=12):  # noqa: N802 - reads like a table row
    return pdf.Line(x0, y0, x1, y0 + height, text)


def test_sidebar_layout_is_two_columns():
    lines = [L(200, 40, 400, "Grace Hopper", 20)]  # centred: crosses the gutter
    lines += [L(40, 80 + 14 * i, 150, f"side {i}") for i in range(12)]
    lines += [L(190, 80 + 14 * i, 560, f"main {i} " + "x" * 40) for i in range(30)]
    text = pdf.order_lines(lines)
    assert text.index("side 11") < text.index("main 0")
    assert text.startswith("Grace Hopper\n\nside 0\n")


def test_right_aligned_dates_stay_on_their_rows():
    lines = []
    for job in range(6):
        y = 60 + job * 70
        lines.append(L(40, y, 230, f"Engineer at Company {job}"))
        lines.append(L(480 + (job % 2) * 8, y, 555, f"201{job}-202{job}"))
        lines += [L(52, y + 14 * k, 300, f"• task {job}.{k}") for k in (1, 2, 3)]
    assert pdf.find_gutter(lines) is None
    text = pdf.order_lines(lines)
    assert "Engineer at Company 0\t2010-2020\n• task 0.1" in text  # a tab, as in DOCX


def test_a_dense_right_aligned_table_is_not_a_column():
    lines = []
    for row in range(20):
        lines.append(L(40, 60 + 14 * row, 200 + row, f"Course {row}"))
        lines.append(L(500 - row, 60 + 14 * row, 540, f"grade {row}"))
    assert pdf.find_gutter(lines) is None


def test_single_column_paragraphs_have_no_gutter():
    lines = [L(40, 60 + 14 * i, 540 - (i % 3) * 40, f"line {i}") for i in range(30)]
    assert pdf.find_gutter(lines) is None
    assert pdf.order_lines(lines).splitlines() == [f"line {i}" for i in range(30)]


# -- DOCX -----------------------------------------------------------------------------------


def test_docx_text_and_hyperlinks(tmp_path):
    path = fx.make_resume_docx(
        tmp_path / "cv.docx",
        ["Ada Lovelace", "", "", "", "EXPERIENCE   ", "Wrote programs, see ada.dev/notes"],
        hyperlinks=[("GitHub", "https://github.com/ada"), ("Mail", "mailto:ada@example.com")],
        header_text="Contact: ada@example.com")
    doc = read_path(path)
    assert (doc.kind, doc.media_type, doc.pages, doc.warnings) == ("docx", DOCX, 1, [])
    assert doc.text == ("Contact: ada@example.com\n\nAda Lovelace\n\nEXPERIENCE\n\n"
                        "Wrote programs, see ada.dev/notes\n\nProfile: GitHub\n\nProfile: Mail")
    assert doc.links == ["https://github.com/ada", "mailto:ada@example.com",
                         "https://ada.dev/notes"]


def test_docx_named_pdf_is_read_as_docx(tmp_path):
    doc = read_path(fx.make_resume_docx(tmp_path / "cv.pdf", ["Ada"]))
    assert doc.kind == "docx" and doc.text == "Ada" and "named like a PDF" in doc.warnings[0]


# -- links ----------------------------------------------------------------------------------


def test_links_in_text():
    text = ("Site (https://ada.dev/cv). Code: github.com/ada, "
            "wiki https://en.wikipedia.org/wiki/Ada_(language); mail ADA@Example.com.\n"
            "www.linkedin.com/in/ada/ and again https://ada.dev/cv")
    assert links_in_text(text) == [
        "https://ada.dev/cv", "https://github.com/ada",
        "https://en.wikipedia.org/wiki/Ada_(language)", "mailto:ADA@Example.com",
        "https://www.linkedin.com/in/ada/", "https://ada.dev/cv"]
    assert readers.merge_links(links_in_text(text), ["HTTPS://ADA.DEV/cv/", "file:///etc/x"]) == [
        "https://ada.dev/cv", "https://github.com/ada",
        "https://en.wikipedia.org/wiki/Ada_(language)", "mailto:ADA@Example.com",
        "https://www.linkedin.com/in/ada/"]


# -- start-up -------------------------------------------------------------------------------


def test_importing_readers_loads_no_parser():
    code = ("import sys, mock_interview.io.readers, mock_interview.io.pdf; "
            "print(sorted(m for m in ('pymupdf', 'fitz', 'docx2txt', 'docx') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert out.stdout.strip() == "[]"
