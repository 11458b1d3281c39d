"""Titles and employers: the headline under the name (the current title, and the employer
when it names one), "Head of …" titles, and an undated role printed above a dated one."""

from __future__ import annotations

import json

import pytest

from mock_interview.domain.resume import parse_resume
from mock_interview.domain.resume.experience import title_score
from mock_interview.domain.resume.headline import complete_first_entry, find_headline
from mock_interview.domain.resume.models import ExperienceEntry, Headline

EXPERIENCE = """
WORK EXPERIENCE

Data Engineer

Fabrikam Analytics - Leeds, West Yorkshire -

March 2019 to Present

• Built the nightly loads.
"""


def _resume(headline: str) -> str:
    return (f"Priya Raman\n{headline}\n\nLeeds, West Yorkshire - priya.raman@example.org\n"
            + EXPERIENCE)


@pytest.mark.parametrize(
    ("headline", "title", "company"),
    [
        ("Senior Data Engineer at Contoso Bank, Leeds", "Senior Data Engineer", "Contoso Bank"),
        ("Payroll Analyst - Northwind Traders Ltd", "Payroll Analyst", "Northwind Traders Ltd"),
        ("Registered Nurse | Lakeside General Hospital", "Registered Nurse",
         "Lakeside General Hospital"),
        ("TAILSPIN TOYS - Store Manager", "Store Manager", "TAILSPIN TOYS"),
        ("Litware Partners as a Recruitment Executive", "Recruitment Executive",
         "Litware Partners"),
        ("Working as accountant @ woodgrove", "accountant", "woodgrove"),
        ("QA Engineer, Adatum - Payments (Retail Banking)", "QA Engineer", "Adatum"),
        ("Quantitative Analyst", "Quantitative Analyst", None),
        ("SQL Developer with experience in Azure Data Factory", "SQL Developer", None),
        ("Support Engineer (Level 2)", "Support Engineer (Level 2)", None),
        ("head of operations and logistics", "head of operations and logistics", None),
        ("Security Analyst in Contoso - Cyber Defence", "Security Analyst", "Contoso"),
        ("L2 Analyst in Billing project - Fabrikam Technologies", "L2 Analyst",
         "Fabrikam Technologies"),
    ],
)
def test_headline_shapes(headline: str, title: str, company: str | None) -> None:
    parsed = parse_resume(_resume(headline))
    assert parsed.headline is not None
    assert (parsed.headline.title, parsed.headline.company) == (title, company)


@pytest.mark.parametrize(
    "headline",
    [
        "Looking for strategic opportunities in the field of marketing",
        "Actively seeking a challenging role in a growing organisation",
        "6+ years in banking operations and credit assessment",
        "PRIYA RAMAN",
        "Leeds, West Yorkshire",
        "Python, SQL, Airflow",
    ],
)
def test_lines_that_are_no_role_give_no_headline(headline: str) -> None:
    assert parse_resume(_resume(headline)).headline is None


def test_a_headline_wrapped_over_two_lines_is_read_whole() -> None:
    header = ["Priya Raman", "Senior Executive (MIS & Audit) - Job Profile in Adatum Services",
              "Pvt Ltd", "Leeds - priya.raman@example.org"]
    found = find_headline(header, "Priya Raman")
    assert found is not None
    assert (found.title, found.company) == ("Senior Executive (MIS & Audit)",
                                            "Adatum Services Pvt Ltd")
    header = ["Priya Raman", "(Partner Programme Operations Manager (EMEA) -", "Contoso GPS",
              "Leeds - priya.raman@example.org"]
    found = find_headline(header, "Priya Raman")
    assert found is not None
    assert (found.title, found.company) == ("Partner Programme Operations Manager (EMEA)",
                                            "Contoso GPS")


def test_no_name_or_a_contact_line_under_it_gives_no_headline() -> None:
    assert find_headline(["Senior Data Engineer"], None) is None
    assert find_headline(["Priya Raman", "priya.raman@example.org | +44 7700 900123"],
                         "Priya Raman") is None
    assert find_headline(["Priya Raman"], "Priya Raman") is None


def test_headline_fills_the_first_entry_when_they_agree() -> None:
    entries = [ExperienceEntry(title=None, company="Contoso GPS"),
               ExperienceEntry(title="Analyst", company="Fabrikam")]
    complete_first_entry(entries, Headline("…", "Readiness Manager", "Contoso GPS"))
    assert entries[0].title == "Readiness Manager"
    assert entries[1].title == "Analyst"
    entries = [ExperienceEntry(title="Readiness Manager", company=None)]
    complete_first_entry(entries, Headline("…", "Readiness Manager", "Contoso"))
    assert entries[0].company == "Contoso"


def test_headline_leaves_the_first_entry_alone_when_they_disagree() -> None:
    entries = [ExperienceEntry(title=None, company="Fabrikam")]
    complete_first_entry(entries, Headline("…", "Readiness Manager", "Contoso"))
    assert entries[0].title is None
    entries = [ExperienceEntry(title="Analyst", company=None)]
    complete_first_entry(entries, Headline("…", "Readiness Manager", "Contoso"))
    assert entries[0].company is None


def test_headline_is_in_the_json_and_experience_is_unchanged() -> None:
    parsed = parse_resume(_resume("Senior Data Engineer at Contoso Bank"))
    data = json.loads(json.dumps(parsed.to_json()))
    assert data["headline"]["title"] == "Senior Data Engineer"
    assert data["headline"]["company"] == "Contoso Bank"
    assert [(e["title"], e["company"]) for e in data["experience"]] == [
        ("Data Engineer", "Fabrikam Analytics")]
    assert parse_resume(EXPERIENCE).to_json()["headline"] is None


def test_head_of_is_a_title() -> None:
    assert title_score("Head of Operations and Logistics") == 2
    assert title_score("Head Office") == 0


TWO_ROLES_ONE_UNDATED = """Priya Raman
priya.raman@example.org

WORK EXPERIENCE

Technical Architect

Contoso Services -  Pune, Maharashtra

Software Engineer 2

Fabrikam -  Redmond -

June 2016 to February 2017

• Built the billing service.

Developer

Tailspin Toys - Leeds

May 2014 to May 2016

• Wrote the monthly reports.
"""


def test_an_undated_role_above_a_dated_one_is_a_role_of_its_own() -> None:
    parsed = parse_resume(TWO_ROLES_ONE_UNDATED)
    roles = [(e.title, e.company, e.start, e.end) for e in parsed.experience]
    assert roles == [
        ("Technical Architect", "Contoso Services", None, None),
        ("Software Engineer 2", "Fabrikam", "2016-06", "2017-02"),
        ("Developer", "Tailspin Toys", "2014-05", "2016-05"),
    ]
    assert "no dates found for Technical Architect" in parsed.warnings


def test_a_three_line_header_of_one_role_stays_one_role() -> None:
    text = """Priya Raman
priya.raman@example.org

EXPERIENCE

Team Lead
Payments Platform
Contoso Bank - Leeds
June 2016 to February 2017
• Built the billing service.
"""
    parsed = parse_resume(text)
    assert [(e.title, e.company) for e in parsed.experience] == [("Team Lead", "Contoso Bank")]
