"""upload and resumes: real PDF/DOCX/TXT files generated here, stored privately, bad input refused."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from mock_interview.errors import ExitCode
from tests import fixtures_docs as docs

LEFT = (
    "EXPERIENCE",
    "Senior Backend Engineer",
    "Harbor Freight Tech, Leeds",
    "Mar 2021 – Present",
    "• Cut checkout API latency by 40%",
    "  by adding Redis caching",
    "• Led the migration of 12 services",
    "  to Docker and Kubernetes",
    "",
    "Software Developer",
    "Moss & Lane Ltd",
    "Jan 2018 - Feb 2021",
    "• Built reporting tools in Django",
    "",
    "EDUCATION",
    "BSc Computer Science",
    "University of Leeds, 2017",
)
RIGHT = (
    "SKILLS",
    "Python, Django, PostgreSQL,",
    "Docker, Kubernetes, Redis",
    "",
    "CONTACT",
    "sam.rivera@example.com",
    "+44 7700 900123",
    "Leeds, UK",
)
LINKS = ("https://www.linkedin.com/in/samrivera", "https://github.com/samrivera")


@pytest.fixture
def two_column_pdf(tmp_path) -> Path:
    return docs.make_resume_pdf(tmp_path / "sam.pdf", header=("Sam Rivera", "Backend Engineer"),
                                lines_left=LEFT, lines_right=RIGHT, two_column=True, links=LINKS)


def test_two_column_pdf_upload_extracts_the_right_fields(cli, two_column_pdf, home):
    out = cli("upload", str(two_column_pdf), "--json")
    assert out.exit_code == 0, out.stderr
    doc = out.json()
    assert doc["created"] is True
    resume = doc["resume"]
    contact = resume["contact"]
    assert contact["name"] == "Sam Rivera"
    assert contact["email"] == "sam.rivera@example.com"
    assert contact["phone"] and "7700" in contact["phone"]  # in a CONTACT section, not the header
    assert set(LINKS) <= set(contact["links"])  # these exist only as link annotations
    assert {"Python", "Django", "PostgreSQL", "Docker", "Kubernetes", "Redis"} <= set(resume["skills"])
    first, second = resume["experience"][:2]
    assert (first["title"], first["company"], first["start"], first["current"]) == (
        "Senior Backend Engineer", "Harbor Freight Tech", "2021-03", True)
    assert first["bullets"] == ["Cut checkout API latency by 40% by adding Redis caching",
                                "Led the migration of 12 services to Docker and Kubernetes"]
    assert (second["title"], second["start"], second["end"]) == ("Software Developer", "2018-01", "2021-02")
    assert "Moss & Lane" in second["company"]
    education = resume["education"][0]
    assert education["degree"].startswith("BSc") and education["institution"] == "University of Leeds"
    assert education["year"] == 2017
    assert resume["total_years_experience"] > 8
    stored = Path(resume["file_path"])
    assert stored.parent == home / "resumes"
    assert stored.name.startswith(hashlib.sha256(two_column_pdf.read_bytes()).hexdigest())
    assert stored.read_bytes() == two_column_pdf.read_bytes()
    assert (stored.stat().st_mode & 0o777) == 0o600
    assert "Created a local profile" in out.stderr  # a newcomer gets a profile, and is told


def test_same_file_twice_is_recognised(cli, two_column_pdf):
    first = cli("upload", str(two_column_pdf), "--json").json()
    again = cli("upload", str(two_column_pdf), "--json")
    assert again.exit_code == 0 and again.json()["created"] is False
    assert again.json()["resume"]["id"] == first["resume"]["id"]
    assert cli("resumes", "list", "--json").json()["total"] == 1


def test_docx_and_stdin_text(cli, tmp_path):
    path = docs.make_resume_docx(tmp_path / "cv.docx", [
        "Priya Nair", "priya.nair@example.com", "SKILLS", "Excel, Tableau, SQL, Statistics",
        "EXPERIENCE", "Data Analyst, Northwind Retail", "Jun 2020 - Present",
        "• Built weekly sales dashboards in Tableau",
    ])
    out = cli("upload", str(path), "--json")
    assert out.exit_code == 0, out.stderr
    resume = out.json()["resume"]
    assert resume["media_type"].endswith("wordprocessingml.document")
    assert {"Excel", "Tableau", "SQL"} <= set(resume["skills"])
    text = "Lee Park\nlee@example.com\n\nSKILLS\nGo, Rust, Kubernetes\n"
    out = cli("upload", "-", "--filename", "lee.txt", "--json", input=text)
    assert out.exit_code == 0, out.stderr
    assert out.json()["resume"]["filename"] == "lee.txt"
    assert {"Go", "Rust", "Kubernetes"} <= set(out.json()["resume"]["skills"])


def make_bad(kind: str, tmp_path: Path) -> Path:
    makers = {
        "missing": lambda: tmp_path / "nope.pdf",
        "directory": lambda: tmp_path,
        "empty": lambda: docs.make_file(tmp_path / "empty.pdf", b""),
        "image": lambda: docs.make_file(tmp_path / "photo.pdf", docs.png_bytes()),
        "zip": lambda: docs.make_plain_zip(tmp_path / "cv.docx"),
        "exe": lambda: docs.make_file(tmp_path / "cv.pdf", docs.exe_bytes()),
        "corrupt": lambda: docs.make_corrupt_pdf(tmp_path / "bad.pdf"),
        "encrypted": lambda: docs.make_encrypted_pdf(tmp_path / "locked.pdf"),
        "bomb": lambda: docs.make_docx_bomb(tmp_path / "bomb.docx"),
        "huge": lambda: docs.make_sparse_file(tmp_path / "huge.pdf", 50 * 1024 * 1024),
        "latin1": lambda: docs.make_file(tmp_path / "cv.txt", "Jos\xe9 Garc\xeda, r\xe9sum\xe9".encode("latin-1")),
        "scanned": lambda: docs.make_scanned_pdf(tmp_path / "scan.pdf"),
    }
    return makers[kind]()


@pytest.mark.parametrize("kind, code", [
    ("missing", ExitCode.NOT_FOUND), ("directory", ExitCode.USAGE), ("empty", ExitCode.USAGE),
    ("image", ExitCode.USAGE), ("zip", ExitCode.USAGE), ("exe", ExitCode.USAGE),
    ("corrupt", ExitCode.USAGE), ("encrypted", ExitCode.USAGE), ("bomb", ExitCode.USAGE),
    ("huge", ExitCode.USAGE), ("latin1", ExitCode.USAGE), ("scanned", ExitCode.USAGE),
])
def test_bad_files_are_refused_and_nothing_is_stored(cli, tmp_path, home, kind, code):
    path = make_bad(kind, tmp_path)
    out = cli("upload", str(path))
    assert out.exit_code == code, (kind, out.stderr)
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and "Traceback" not in out.stderr
    assert not (home / "resumes").exists() or not any((home / "resumes").iterdir())
    listed = cli("resumes", "list", "--json")
    assert listed.exit_code in (0, ExitCode.NOT_FOUND)
    if listed.exit_code == 0:
        assert listed.json()["total"] == 0


def test_show_reparse_delete(cli, two_column_pdf):
    resume = cli("upload", str(two_column_pdf), "--json").json()["resume"]
    short = resume["id"][:8]
    shown = cli("resumes", "show", short, "--json")
    assert shown.exit_code == 0 and shown.json()["resume"]["id"] == resume["id"]
    human = cli("resumes", "show", short)
    assert "Sam Rivera" in human.stdout and "Harbor Freight Tech" in human.stdout
    reparsed = cli("resumes", "reparse", short, "--json")
    assert reparsed.exit_code == 0
    assert reparsed.json()["resume"]["skills"] == resume["skills"]
    assert cli("resumes", "delete", short).exit_code == 0
    assert not Path(resume["file_path"]).exists()
    assert cli("resumes", "show", short).exit_code == ExitCode.NOT_FOUND


def test_a_note_is_not_a_resume_unless_forced(cli, tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("hello\n")
    out = cli("upload", str(note))
    assert out.exit_code == ExitCode.USAGE
    assert "does not look like a resume" in out.stderr and "--force" in out.stderr
    assert len(out.stderr.strip().splitlines()) <= 2
    assert cli("resumes", "list", "--json").json()["total"] == 0
    kept = cli("upload", str(note), "--force", "--json")
    assert kept.exit_code == 0, kept.stderr
    assert kept.json()["resume"]["warnings"]


def test_certifications_are_their_own_field_on_review_and_in_json(cli, tmp_path):
    path = docs.make_resume_docx(tmp_path / "nurse.docx", [
        "Rosa Lin, RN", "rosa.lin@example.com", "EXPERIENCE",
        "Registered Nurse – Emergency Department", "Mercy Hospital", "Jan 2019 - Present",
        "• Triaged 40 patients a shift", "LICENSES & CERTIFICATIONS", "BLS, ACLS, PALS",
        "SKILLS", "Triage, Epic",
    ])
    out = cli("upload", str(path), "--json")
    assert out.exit_code == 0, out.stderr
    resume = out.json()["resume"]
    assert {"BLS", "ACLS", "PALS", "RN License"} <= set(resume["certifications"])
    assert not {"BLS", "ACLS"} & set(resume["skills"])
    role = resume["experience"][0]
    assert (role["title"], role["unit"], role["company"]) == (
        "Registered Nurse", "Emergency Department", "Mercy Hospital")
    assert resume["experience_summary"]["new_graduate"] is False
    shown = cli("resumes", "show", resume["id"][:8])
    assert "certifications" in shown.stdout and "ACLS" in shown.stdout


def test_a_current_part_time_role_counts_until_now(cli, tmp_path):
    from datetime import date

    start = date.today().year - 2
    path = tmp_path / "pct.txt"
    path.write_text("\n".join([
        "Sam Okafor", "sam.okafor@example.com", "", "EXPERIENCE",
        f"Patient Care Technician (part-time), Riverside Hospital | Jan {start} - Present",
        "- Vital signs and mobility for 12 patients a shift", "", "EDUCATION",
        f"Bachelor of Science in Nursing, State University, {start + 2}",
    ]) + "\n", encoding="utf-8")
    out = cli("upload", str(path), "--json")
    assert out.exit_code == 0, out.stderr
    summary = out.json()["resume"]["experience_summary"]
    assert summary["part_time_years"] >= 1.9, summary  # two years to now, not one month


def test_the_headline_under_the_name_is_kept_and_shown(cli, tmp_path):
    path = docs.make_resume_docx(tmp_path / "payroll.docx", [
        "Dana Whitfield", "Payroll Analyst at Northwind Traders", "dana.w@example.com",
        "EXPERIENCE", "Payroll Analyst", "Northwind Traders", "Mar 2020 - Present",
        "• Ran the fortnightly payroll for 900 staff", "SKILLS", "Payroll, Excel",
    ])
    out = cli("upload", str(path), "--json")
    assert out.exit_code == 0, out.stderr
    resume = out.json()["resume"]
    assert resume["contact"]["headline"]["title"] == "Payroll Analyst"
    assert resume["contact"]["headline"]["company"] == "Northwind Traders"
    shown = cli("resumes", "show", resume["id"][:8])
    assert "headline" in shown.stdout and "Payroll Analyst at Northwind Traders" in shown.stdout
