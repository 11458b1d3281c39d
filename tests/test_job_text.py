"""Reading a pasted job description: domain.job_text, `jobs add --text` and `interview --job-file`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from mock_interview.domain.job_text import (
    NoJobTitle,
    NotAJobDescription,
    parse_job_text,
    parse_salary,
)
from mock_interview.errors import ExitCode

sys.path.insert(0, str(Path(__file__).parent))
import fixtures_docs as docs  # noqa: E402

# Written for these tests: fictional employers, in the shapes postings are copied in.
NURSE = """\
Registered Nurse - Medical/Surgical
Lakeshore Regional Medical Center
Kenosha, WI
$38 - $52 an hour - Full-time

About the role
Lakeshore Regional is looking for a compassionate Registered Nurse to join our 32-bed unit.

Responsibilities
• Assess, plan and document patient care in the electronic health record (Epic)
• Administer medications and IV therapy safely
• Educate patients and families before
  discharge

Qualifications
• Current RN license in Wisconsin or a compact state
• BLS and ACLS certification required
• 1+ years of acute care experience preferred

Benefits
Medical, dental, tuition reimbursement.
"""

ACCOUNTANT = """\
Job Title: Staff Accountant
Company: Fenwick & Dale LLP
Location: Columbus, OH (Hybrid)
Salary: $60,000–$70,000 per year
Employment Type: Full-time

We are a regional CPA firm serving manufacturers and non-profits.

What you'll do:
- Prepare monthly journal entries and account reconciliations
- Maintain the general ledger in QuickBooks and NetSuite

What you'll need:
- Bachelor's degree in Accounting or Finance
- 2-4 years of accounting experience; CPA candidates encouraged
- Advanced Excel skills (pivot tables, VLOOKUP)
"""

SALES = """\
Brightwater Logistics is hiring a Senior Sales Representative in Denver, CO. You will own a \
territory of mid-market shippers and grow it.

This is a full-time role with a base of $65,000 plus commission. Hybrid - 3 days in office.

You will prospect new accounts, run discovery calls and keep Salesforce up to date. You \
should have 5+ years of B2B sales experience and a record of beating quota.
"""

SOFTWARE = """\
Backend Engineer (Python) | Thimbleoak | Remote

Thimbleoak builds scheduling software for clinics.

In this role you will
* Design and build REST APIs in Python and Django
* Own services end to end: tests, CI/CD, monitoring

You have
* 3+ years of professional Python experience
* Experience with PostgreSQL, Docker and AWS

Pay: £55,000 - £70,000 per year
Contract type: Permanent
"""

MARKETING = """\
Marketing Coordinator
Orchard & Vine Wines
Napa, CA · On-site

We are a family winery with a tasting room and a growing online shop.

- Plan and run email campaigns in Mailchimp
- 1-2 years of marketing experience
- Excellent writing skills
- Google Analytics certification a plus

Part-time, 25 hours a week. $24/hr.
"""


def test_a_posting_with_a_header_and_headed_lists():
    job = parse_job_text(NURSE)
    assert job.title == "Registered Nurse - Medical/Surgical"
    assert job.company == "Lakeshore Regional Medical Center"
    assert (job.location, job.country) == ("Kenosha, WI", "US")
    assert (job.salary.low, job.salary.high, job.salary.currency, job.salary.period) == (38, 52, "USD", "hour")
    assert job.job_type == "full-time"
    assert job.years_experience_min == 1
    assert job.requirements[0] == "Current RN license in Wisconsin or a compact state"
    assert len(job.requirements) == 3 and len(job.responsibilities) == 3
    assert job.responsibilities[-1] == "Educate patients and families before discharge"  # wrapped
    assert {"BLS", "ACLS"} <= set(job.certifications)
    assert "Benefits" not in " ".join(job.requirements + job.responsibilities)
    row = job.to_row()
    assert "BLS" in row["skills_required"]  # certifications match as resume skills do


@pytest.mark.parametrize("header, company, location", [
    ("Brightline Outdoor Co. — Denver, CO (Remote)", "Brightline Outdoor Co.", "Denver, CO"),
    ("Acme Inc. | Austin, TX (Hybrid)", "Acme Inc.", "Austin, TX"),
    ("Denver, CO (Remote) — Brightline Outdoor", "Brightline Outdoor", "Denver, CO"),
])
def test_a_company_ending_in_a_legal_suffix_beside_a_place_with_its_workplace(header, company,
                                                                              location):
    read = parse_job_text("Digital Marketing Manager\n" + header + "\n\nWhat you'll do\n"
                          "- Own paid search and paid social budgets\n- Run lifecycle email\n")
    assert (read.company, read.location) == (company, location)


def test_labelled_lines_and_a_hybrid_location():
    job = parse_job_text(ACCOUNTANT)
    assert (job.title, job.company) == ("Staff Accountant", "Fenwick & Dale LLP")
    assert (job.location, job.workplace) == ("Columbus, OH", "hybrid")
    assert (job.salary.low, job.salary.high, job.salary.period) == (60000, 70000, "year")
    assert job.experience_level is None  # "Staff Accountant" is no lead role
    assert job.years_experience_min == 2
    assert len(job.responsibilities) == 2 and len(job.requirements) == 3
    assert "Excel" in job.skills and "QuickBooks" in job.skills
    assert "CPA" in job.certifications


def test_prose_without_headings_or_bullets():
    job = parse_job_text(SALES)
    assert (job.title, job.company) == ("Senior Sales Representative", "Brightwater Logistics")
    assert (job.location, job.workplace, job.experience_level) == ("Denver, CO", "hybrid", "senior")
    assert job.salary.low == 65000 and job.job_type == "full-time"
    assert job.years_experience_min == 5
    assert any("5+ years" in r for r in job.requirements)
    assert any(r.startswith("You will prospect") for r in job.responsibilities)
    assert "Salesforce" in job.skills


def test_one_line_header_and_labels_inside_a_section():
    job = parse_job_text(SOFTWARE)
    assert (job.title, job.company, job.workplace) == ("Backend Engineer (Python)", "Thimbleoak", "remote")
    assert (job.salary.currency, job.salary.low, job.salary.high) == ("GBP", 55000, 70000)
    assert job.job_type == "full-time"  # "Permanent"
    assert not any(r.startswith(("Pay", "Contract")) for r in job.requirements)
    assert {"Python", "Django", "PostgreSQL", "CI/CD"} <= set(job.skills)


def test_bullets_without_headings_are_sorted_and_a_state_is_no_credential():
    job = parse_job_text(MARKETING)
    assert (job.title, job.company, job.workplace) == ("Marketing Coordinator", "Orchard & Vine Wines", "onsite")
    assert job.job_type == "part-time"
    assert (job.salary.low, job.salary.period) == (24, "hour")
    assert "1-2 years of marketing experience" in job.requirements
    assert "Plan and run email campaigns in Mailchimp" in job.responsibilities
    assert "CA" not in job.certifications  # "Napa, CA"
    assert "Google Analytics Certification" in job.certifications


@pytest.mark.parametrize("text,expected", [
    ("$85,000 - $95,000 a year", (85000, 95000, "USD", "year")),
    ("£28k-£32k", (28000, 32000, "GBP", "year")),
    ("$60-70k", (60000, 70000, "USD", "year")),
    ("EUR 60.000 - 70.000 per annum", (60000, 70000, "EUR", "year")),
    ("C$70,000 to C$80,000", (70000, 80000, "CAD", "year")),
    ("up to $4,500 per month", (4500, None, "USD", "month")),
    ("$19.75/hr", (20, None, "USD", "hour")),
    ("3-5 years of experience", None),
    ("we manage $5 million in assets", None),
])
def test_salaries(text, expected):
    found = parse_salary(text)
    assert (found and (found.low, found.high, found.currency, found.period)) == expected


@pytest.mark.parametrize("text", ["", "   \n\t ", "hello", "The quick brown fox jumps over the lazy dog.",
                                  "Grocery list: eggs, milk, bread, two lemons"])
def test_empty_or_non_job_text_is_refused(text):
    with pytest.raises(NotAJobDescription):
        parse_job_text(text)


def test_a_body_without_its_title_asks_for_it():
    body = NURSE.split("\n", 5)[5].replace("a compassionate Registered Nurse", "a compassionate colleague")
    with pytest.raises(NoJobTitle):
        parse_job_text(body)
    assert parse_job_text(body, title="Charge Nurse", company="Lakeshore").title == "Charge Nurse"


# -- the commands ------------------------------------------------------------------------------------

def test_jobs_add_shows_what_it_read_and_stores_it(cli, tmp_path, database_url):
    source = tmp_path / "posting.txt"
    source.write_text(ACCOUNTANT, encoding="utf-8")
    out = cli("--db", database_url, "jobs", "add", "--text", str(source), "--json")
    assert out.exit_code == 0, out.stderr
    data = out.json()
    assert data["json_version"] == 1 and data["stored"] and data["created"]
    assert data["read"]["title"] == "Staff Accountant" and data["read"]["certifications"] == ["CPA"]
    job = data["job"]
    assert job["source"] == "user" and job["workplace"] == "hybrid" and job["salary_min"] == 60000
    assert "CPA" in job["skills_required"] and "Excel" in job["skills_required"]

    found = cli("--db", database_url, "search-jobs", "staff accountant", "--json", "--no-match").json()
    assert found["jobs"][0]["id"] == job["id"]
    page = cli("--db", database_url, "jobs", "show", job["id"]).stdout
    assert page.count("Requirements") == ACCOUNTANT.count("Requirements")  # not repeated under it
    again = cli("--db", database_url, "jobs", "add", "--text", "-", "--json", input=ACCOUNTANT).json()
    assert again["job"]["id"] == job["id"] and not again["created"]  # the same text: updated

    shown = cli("--db", database_url, "jobs", "add", "--text", "-", "--dry-run", input=NURSE)
    assert shown.exit_code == 0 and "Lakeshore Regional Medical Center" in shown.stdout
    assert "Added job" not in shown.stderr


@pytest.mark.parametrize("text", ["", "hello there\n", "Grocery list: eggs, milk, bread"])
def test_jobs_add_refuses_empty_or_non_job_text(cli, text):
    out = cli("jobs", "add", "--text", "-", input=text)
    assert out.exit_code == ExitCode.USAGE
    assert out.stderr.startswith("error:") and len(out.stderr.strip().splitlines()) == 1
    assert cli("jobs", "list", "--json").json()["total"] == 96  # nothing added


def test_jobs_add_without_a_title_names_the_option(cli):
    body = "We need someone to run our front desk, answer phones and keep the schedule.\n" \
           "Requirements: 2 years of experience, a friendly manner. Pay: $18 an hour. Apply today."
    out = cli("jobs", "add", "--text", "-", input=body)
    assert out.exit_code == ExitCode.USAGE and "--title" in out.stderr
    out = cli("jobs", "add", "--text", "-", "--title", "Front Desk Receptionist", "--json", input=body)
    assert out.exit_code == 0, out.stderr
    assert out.json()["job"]["title"] == "Front Desk Receptionist"
    assert out.json()["job"]["company"] == "Company not stated"


def test_jobs_add_refuses_binary_input(cli, tmp_path):
    image = docs.make_file(tmp_path / "posting.txt", docs.png_bytes())
    out = cli("jobs", "add", "--text", str(image))
    assert out.exit_code == ExitCode.USAGE


def test_interview_for_a_pasted_job_description(cli, tmp_path):
    cv = docs.make_resume_pdf(
        tmp_path / "cv.pdf", header=("Jamie Ortiz", "Registered Nurse"),
        lines_left=["EXPERIENCE", "Registered Nurse, St. Brigid Hospital", "Jan 2019 - Present",
                    "• Cared for six med/surg patients a shift; charted in Epic",
                    "CERTIFICATIONS", "BLS, ACLS", "SKILLS", "Patient care, IV therapy, wound care"],
        lines_right=())
    answers = tmp_path / "A.json"
    answers.write_text(json.dumps(["I check vitals first, then escalate to the charge nurse."] * 12))
    # `cat jd.txt | mock-interview interview --job-file - --resume cv.pdf --answers A.json --json`
    out = cli("interview", "--job-file", "-", "--resume", str(cv), "--answers", str(answers),
              "--questions", "3", "--json", input=NURSE)
    assert out.exit_code == 0, out.stderr
    data = out.json()
    assert data["status"] == "completed" and data["result"] is not None
    assert data["job"]["title"] == "Registered Nurse - Medical/Surgical"
    assert data["job"]["company"] == "Lakeshore Regional Medical Center"
    assert "Added job" in out.stderr and "resume cv.pdf" in out.stderr
    stored = cli("jobs", "show", data["job"]["id"], "--json").json()["job"]
    assert stored["source"] == "user"
    assert {"BLS", "Basic Life Support"} & set(stored["skills_required"])

    out = cli("interview", "--job-file", "-", "--answers", "-", input=NURSE)
    assert out.exit_code == ExitCode.USAGE and "stdin" in out.stderr
    out = cli("interview", "--job-file", "-", "--job", "nurse", "--answers", str(answers), input=NURSE)
    assert out.exit_code == ExitCode.USAGE
    out = cli("interview", "--job-file", "-", "--answers", str(answers), input="hello")
    assert out.exit_code == ExitCode.USAGE and len(out.stderr.strip().splitlines()) == 1
