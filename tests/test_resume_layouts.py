"""Resumes as people lay them out: real PDF and DOCX files drawn in the test (with the
renderers of bench/resume_corpus.py and people written here), read and parsed end to end."""

from __future__ import annotations

import importlib.util
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from mock_interview.domain.resume import parse_resume
from mock_interview.domain.resume.text import prepare_lines
from mock_interview.io import pdf as pdf_mod
from mock_interview.io.readers import read_document

pytest.importorskip("pymupdf")
pytest.importorskip("docx")

_CORPUS = Path(__file__).resolve().parents[1] / "bench" / "resume_corpus.py"
_spec = importlib.util.spec_from_file_location("resume_corpus_for_tests", _CORPUS)
rc = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = rc
_spec.loader.exec_module(rc)

TODAY = date(2025, 6, 15)

NURSE = rc.Person(
    "nursing", "Joanna Pike", "BSN, RN", "joanna.pike@example.org", "(503) 555-0117",
    "Portland, OR",
    "Critical care nurse with 8 years of experience in cardiac and surgical units.",
    [
        rc.Employer("Riverside General Hospital", "Portland, OR", [
            rc.R("Registered Nurse", "2020-02", None,
                 *[f"Cared for post-operative cardiac patients, shift pattern {n}"
                   for n in range(1, 16)], unit="Cardiovascular ICU"),
            rc.R("Registered Nurse", "2017-01", "2020-01",
                 *[f"Monitored step-down patients on telemetry, cohort {n}"
                   for n in range(1, 16)], unit="Surgical Step-Down"),
        ]),
        rc.Employer("Cascade Home Care", "Salem, OR", [
            rc.R("Visiting Nurse (PRN, part-time)", "2021-05", "2023-04",
                 "Dressed wounds during weekend home visits", kind="part-time"),
        ]),
        rc.Employer("Blue Heron Bagels", "Eugene, OR", [
            rc.R("Cashier (part-time)", "2013-09", "2016-05",
                 "Ran the register on weekend mornings", kind="student"),
        ]),
    ],
    [("Bachelor of Science in Nursing", "Oregon Health & Science University", 2016)],
    {"Clinical": ["Patient assessment", "Wound care", "Telemetry"], "Systems": ["Epic"]},
    [("BLS", "BLS – American Heart Association, exp. 2026"),
     ("ACLS", "ACLS – American Heart Association, exp. 2026"),
     ("CCRN", "CCRN (Adult), AACN")],
)

GRADUATE = rc.Person(
    "marketing", "Lena Ortiz", "", "lena.ortiz@example.org", "(512) 555-0183", "Austin, TX",
    "Marketing graduate who ran student campaigns and an agency internship.",
    [
        rc.Employer("Juniper Street Agency", "Austin, TX", [
            rc.R("Marketing Intern", "2024-05", "2024-08",
                 "Scheduled posts for three retail clients", kind="internship"),
        ]),
        rc.Employer("University of Texas", "Austin, TX", [
            rc.R("Student Ambassador", "2022-09", "2025-04",
                 "Led campus tours for 400 visitors", kind="student"),
        ]),
    ],
    [("B.B.A. in Marketing", "University of Texas", 2025)],
    {"Tools": ["Google Analytics", "Canva"]},
    [("Google Ads Certification", "Google Ads Certification (2024)")],
)


def _parse(data: bytes, name: str):
    doc = read_document(data, name)
    return doc, parse_resume(doc.text, links=doc.links, today=TODAY)


def _roles(parsed):
    return [(e.title, e.company, e.start, "now" if e.current else e.end)
            for e in parsed.experience]


def test_nurse_two_page_pdf_with_units_under_the_employer():
    data = rc.pdf_bytes(NURSE, "one-column", "company-titles", 0)
    doc, parsed = _parse(data, "nurse.pdf")
    assert doc.pages == 2
    assert "page 1 of 2" not in doc.text and "page 2" not in doc.text
    assert _roles(parsed) == [
        ("Registered Nurse", "Riverside General Hospital", "2020-02", "now"),
        ("Registered Nurse", "Riverside General Hospital", "2017-01", "2020-01"),
        ("Visiting Nurse", "Cascade Home Care", "2021-05", "2023-04"),
        ("Cashier", "Blue Heron Bagels", "2013-09", "2016-05"),
    ]
    assert [e.unit for e in parsed.experience[:2]] == ["Cardiovascular ICU", "Surgical Step-Down"]
    assert [e.employment for e in parsed.experience] == [
        "full-time", "full-time", "part-time", "student"]
    assert {"BLS", "ACLS", "CCRN"} <= set(parsed.certifications)
    # Full-time from 2017-01 to 2025-06; the PRN job overlaps it; the student job counts 0.
    assert parsed.total_years_experience == pytest.approx(8.5, abs=0.1)
    assert parsed.part_time_years == pytest.approx(4.7, abs=0.1)
    assert not parsed.new_graduate
    assert not any("years of experience" in w for w in parsed.warnings)
    names = {s.name.lower() for s in parsed.skills}
    assert "joanna" not in " ".join(names) and "pike" not in names


def test_marketing_graduate_two_column_pdf_with_wrapped_dates():
    data = rc.pdf_bytes(GRADUATE, "two-column", "title-company", 0)
    doc, parsed = _parse(data, "lena.pdf")
    assert "May 2024 –" in doc.text or "May 2024 -" in doc.text
    assert _roles(parsed) == [
        ("Marketing Intern", "Juniper Street Agency", "2024-05", "2024-08"),
        ("Student Ambassador", "University of Texas", "2022-09", "2025-04"),
    ]
    assert parsed.new_graduate
    assert parsed.total_years_experience == 0
    assert parsed.certifications == ["Google Ads Certification"]
    assert len(parsed.education) == 1


def test_docx_built_with_tables():
    data = rc.docx_bytes(NURSE, "table", "company-titles", 1)
    doc, parsed = _parse(data, "nurse.docx")
    assert [(t, c) for t, c, _, _ in _roles(parsed)] == [
        ("Registered Nurse", "Riverside General Hospital"),
        ("Registered Nurse", "Riverside General Hospital"),
        ("Visiting Nurse", "Cascade Home Care"),
        ("Cashier", "Blue Heron Bagels"),
    ]
    assert parsed.experience[1].end == "2020-01"
    # Word's own bullets (a list style, no glyph in the text) come out as bullets.
    assert "• Dressed wounds during weekend home visits" in doc.text
    assert parsed.contact.name == "Joanna Pike"


def test_sidebar_pdf_keeps_the_name_and_each_column_together():
    data = rc.pdf_bytes(NURSE, "sidebar", "title-company", 0)
    doc, parsed = _parse(data, "nurse.pdf")
    assert parsed.contact.name == "Joanna Pike"
    assert parsed.contact.email == "joanna.pike@example.org"
    assert _roles(parsed)[0] == ("Registered Nurse", "Riverside General Hospital", "2020-02",
                                 "now")


def test_wrapped_dates_are_rejoined_in_text_and_in_columns():
    lines = prepare_lines("Marketing Intern\tMay 2024 – Aug\nBrightside Agency\t2024\n"
                          "Analyst\tJanuary 2017\n- June 2019\n"
                          "Clerk\tMarch 2020 -\nDecember\n2022")
    assert "\x1eMay 2024 – Aug 2024" in lines
    assert "\x1eJanuary 2017 - June 2019" in lines
    assert "\x1eMarch 2020 - December 2022" in lines
    assert "Brightside Agency" in lines


def test_running_footers_and_headers_are_dropped():
    line = pdf_mod.Line

    def page(body: str) -> list:
        return [line(50, 30, 300, 40, "Joanna Pike · joanna@example.org"),
                line(50, 100, 500, 110, body),
                line(200, 760, 400, 770, "Joanna Pike — BSN — page 1 of 2")]

    first = [line(50, 30, 300, 50, "Joanna Pike"), *page("Experience")[1:]]
    kept = pdf_mod.drop_running_lines([(1, first, 792.0), (2, page("Education"), 792.0)])
    texts = [[ln.text for ln in lines] for _, lines in kept]
    assert texts == [["Joanna Pike", "Experience"], ["Education"]]


def test_title_unit_needs_an_employer_line_elsewhere():
    text = ("Jane Roe\njane@example.com\n\nEXPERIENCE\n"
            "Software Engineer – Stripe\tJan 2020 – Present\n• Built payment APIs\n")
    parsed = parse_resume(text, today=TODAY)
    assert (parsed.experience[0].title, parsed.experience[0].company) == (
        "Software Engineer", "Stripe")
    assert parsed.experience[0].unit is None


def test_roles_without_an_employer_or_with_one_date_are_flagged():
    text = ("Jane Roe\njane@example.com\n\nEXPERIENCE\nProject Manager\tMarch 2019\n"
            "• Ran the office move\n")
    parsed = parse_resume(text, today=TODAY)
    assert any("no employer" in w for w in parsed.warnings)
    assert any("only one date" in w for w in parsed.warnings)


def test_stated_years_that_disagree_are_flagged():
    text = ("Jane Roe\njane@example.com\n\nSUMMARY\nAccountant with 12 years of experience.\n\n"
            "EXPERIENCE\nStaff Accountant, Acme Corp\tJan 2021 – Present\n• Closed the books\n")
    parsed = parse_resume(text, today=TODAY)
    assert parsed.stated_years == 12
    assert any("says 12 years" in w for w in parsed.warnings)


def test_certifications_anywhere_but_acronyms_only_in_capitals():
    text = ("Dana Poe, CPA\ndana@example.com\n\nSUMMARY\nAuditor; PMP since 2020.\n\n"
            "SKILLS\nExcel, GAAP\n\nLICENSES & CERTIFICATIONS\n• Lean Six Sigma Green Belt\n"
            "• Certified Forensic Accountant – NACFA, 2019\n")
    parsed = parse_resume(text, today=TODAY)
    assert parsed.certifications == ["Six Sigma Green Belt", "Certified Forensic Accountant",
                                     "CPA", "PMP"]
    assert not any(s.name == "Six Sigma" for s in parsed.skills)
    assert parse_resume("Sam\nsam@example.com\nSKILLS\ncpa review, pmp prep\n",
                        today=TODAY).certifications == []


def test_a_credential_worked_towards_is_not_held():
    text = ("Lee Park\nlee@example.com\n\nCERTIFICATIONS\nCPA (Illinois)\nCMA candidate\n"
            "PMP (in progress)\n\nSUMMARY\nPursuing the CFA while working as an analyst.\n")
    assert parse_resume(text, today=TODAY).certifications == ["CPA"]


def test_specialty_nursing_certifications_are_known():
    text = ("Ana Ruiz, RN\nana@example.com\n\nLICENSES & CERTIFICATIONS\n"
            "Registered Nurse, Ohio · BLS · PCCN · CMSRN\n")
    assert {"PCCN", "CMSRN", "BLS"} <= set(parse_resume(text, today=TODAY).certifications)


def test_a_season_internship_and_a_labelled_skills_line_are_read():
    text = ("Priya Raman\npriya@example.com\n\nEXPERIENCE\n"
            "Marketing Coordinator, Acme Foods — Austin, TX\nJune 2022 – Present\n"
            "• Ran email campaigns for 40k subscribers\n\n"
            "Marketing Intern, Blue Bell Creameries (Summer 2021)\n• Wrote social posts\n\n"
            "EDUCATION\nBBA Marketing, University of Texas at Austin, 2022\n"
            "Skills: HubSpot, Google Analytics, Canva\n")
    parsed = parse_resume(text, today=TODAY)
    intern = [e for e in parsed.experience if e.company == "Blue Bell Creameries"]
    assert intern and (intern[0].title, intern[0].start, intern[0].end) == (
        "Marketing Intern", "2021-06", "2021-08")
    assert {"HubSpot", "Google Analytics", "Canva"} <= {s.name for s in parsed.skills}
    assert [e.institution for e in parsed.education] == ["University of Texas at Austin"]


@pytest.mark.parametrize("name", ["Tomás Herrera", "Zoë Müller", "Siobhán Ní Bhriain",
                                  "Mary-Jane van Dyke", "Ana deSouza"])
def test_a_name_in_any_alphabet_is_found(name):
    text = f"{name}\nOperations Manager\nperson@example.com\n\nEXPERIENCE\nShift Lead, Acme\n2019 – 2021\n"
    assert parse_resume(text, today=TODAY).contact.name == name


def test_a_licensure_section_and_uk_safety_certificates_are_read():
    text = ("Jo Ellis\njo@example.com\n\nLICENSURE\nCLDE Endorsement (K-12)\n\n"
            "QUALIFICATIONS\nBSc Logistics, Aston University, 2015\nIOSH Managing Safely; NEBOSH\n")
    certs = parse_resume(text, today=TODAY).certifications
    assert {"CLDE Endorsement", "IOSH Managing Safely", "NEBOSH"} <= set(certs)


@pytest.mark.parametrize(("header", "company"), [
    ("Shopee (Sea Group)", "Shopee"), ("Google (Alphabet Inc.)", "Google"),
    ("Test Lead (HCL Technologies), Jan 2019 - Mar 2021", "HCL Technologies"),
])
def test_a_parent_company_in_parentheses_does_not_replace_the_employer(header, company):
    dates = "" if "2019" in header else "\nBusiness Analyst, May 2021 to Aug 2022"
    text = f"Li Wei\nli@example.com\n\nEXPERIENCE\n{header}{dates}\n- Built reports\n"
    assert [e.company for e in parse_resume(text, today=TODAY).experience] == [company]


def test_the_corpus_truth_counts_years_as_a_recruiter(tmp_path):
    records = rc.write_corpus(tmp_path / "c")
    assert len(records) >= 40
    assert len({r["field"] for r in records}) >= 10
    assert {r["layout"] for r in records} == set(rc.LAYOUTS)
    nurse = json.loads((tmp_path / "c" / "nursing-one-column.json").read_text())
    assert nurse["years"] == pytest.approx(8.5, abs=0.1) and not nurse["new_graduate"]
    graduate = json.loads((tmp_path / "c" / "marketing-one-column.json").read_text())
    assert graduate["new_graduate"] and graduate["years"] == 0


def test_an_employer_wrapped_by_a_narrow_pdf_column_is_one_name():
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((60, 60), "Dana Whitfield", fontsize=16, fontname="hebo")
    page.insert_text((60, 80), "dana.whitfield@example.com", fontsize=10, fontname="helv")
    page.insert_text((60, 104), "EXPERIENCE", fontsize=10, fontname="hebo")
    # A column 90pt wide: the employer's name wraps after "Capital".
    left = page.insert_textbox(pymupdf.Rect(60, 112, 150, 200),
                               "Senior Analyst\nHarborview Capital Partners\nJan 2020 - Present",
                               fontsize=10, fontname="helv")
    assert left > 0
    page.insert_text((60, 190), "- Built valuation models for the fund", fontsize=10,
                     fontname="helv")
    read, parsed = _parse(doc.tobytes(), "narrow.pdf")
    assert "Harborview Capital\nPartners" in read.text  # the reader saw the wrap
    assert _roles(parsed) == [("Senior Analyst", "Harborview Capital Partners", "2020-01", "now")]
