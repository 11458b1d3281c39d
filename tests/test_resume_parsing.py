"""Resume text → fields, on fake resumes written for these tests in several layouts."""

from __future__ import annotations

import json
from datetime import date

import pytest

from mock_interview.domain import skills
from mock_interview.domain.resume import PARSER_VERSION, parse_resume
from mock_interview.domain.resume.dates import find_ranges, merged_years
from mock_interview.domain.resume.parser import NO_TEXT

TODAY = date(2025, 6, 15)

US_TECH = """\
Jordan A. Rivera
Seattle, WA | jordan.rivera@example.com | (206) 555-0142 | linkedin.com/in/jordanrivera \
| github.com/jrivera

SUMMARY
Backend engineer with seven years of experience building payment APIs in Python and Go.

EXPERIENCE
Senior Software Engineer | Northwind Payments Inc. | Seattle, WA
Jan 2021 – Present
- Led the migration of the settlement service from a monolith to Kubernetes, cutting deploy
  time from two hours to ten minutes
- Designed idempotent REST APIs in Go handling 3k requests per second
Software Engineer, Contoso Labs
06/2017 - 12/2020
- Built data pipelines with Python and PostgreSQL
- Introduced CI/CD with GitHub Actions

EDUCATION
B.S. in Computer Science, University of Washington, 2017

SKILLS
Languages: Python, Go, TypeScript, SQL
Infrastructure: Docker, Kubernetes, AWS, Terraform
"""

INDIAN_IT = """\
PRIYA VENKATESH
Hyderabad, Telangana
Email: priya.venkatesh@example.in
Mobile: +91 98480 12345

CAREER OBJECTIVE
To work in a challenging environment where I can use my skills for the growth of the organisation.

PROFESSIONAL EXPERIENCE

Senior Systems Engineer
Tata Consultancy Services Ltd - Hyderabad, Telangana -
Sept 2018 to Present
Project: Core banking migration
• Developed Spring Boot microservices for the loan module and wrote JUnit test cases for
every service.
• Worked with the client team to fix production defects.

Systems Engineer Trainee
Tata Consultancy Services Ltd - Chennai, Tamil Nadu -
Jan 2018 to Aug 2018

EDUCATION

B.Tech in Electronics and Communication Engineering
Jawaharlal Nehru Technological University
2014 - 2018

12th (HSC)
Narayana Junior College
2014

TECHNICAL SKILLS
• Languages: Java, SQL, JavaScript
• Frameworks: Spring Boot, Hibernate
• Tools: Git, Jenkins, JIRA
"""

COMPANY_FIRST = """\
Morgan Ellis
morgan.ellis@example.org

Work History
Globex Corporation — Chicago, IL
Financial Analyst
2019 to 2022
* Built the quarterly forecast model in Excel and presented variance analysis to the CFO.
* Automated month-end reconciliation with SQL and Power BI.
Initech LLC — Austin, TX
Junior Analyst
2017–19
* Prepared budget reports.

Education
Master of Business Administration, University of Texas at Austin, 2017

Core Competencies
Financial Modeling, Budgeting, Forecasting, Excel, SQL, Power BI
"""

NURSING = """\
Alicia Gomez, RN
Phoenix, Arizona · alicia.gomez@example.net · 602-555-0199

Professional Summary
Registered nurse with five years of acute care experience in busy emergency departments.

Clinical Experience
Registered Nurse, Banner Health
Mar 2020 - Current
• Provide patient care for up to six patients per shift in a level I trauma center
• Document assessments in Epic EHR and administer IV therapy
Nursing Intern at St. Joseph's Hospital
Summer 2019
• Assisted with wound care and patient education

Education
Bachelor of Science in Nursing
Arizona State University
2015 – 2019

Certifications
BLS, ACLS, PALS

Skills
Patient Care, IV Therapy, Epic EHR, Triage, Wound Care
"""


def parse(text: str, **kwargs):
    return parse_resume(text, today=TODAY, **kwargs)


@pytest.fixture(scope="module")
def _packaged(tmp_path_factory: pytest.TempPathFactory) -> skills.Taxonomy:
    return skills.load_taxonomy(cache_dir=tmp_path_factory.mktemp("skills-cache"))


@pytest.fixture(autouse=True)
def packaged_taxonomy(_packaged: skills.Taxonomy):
    """The packaged taxonomy, built once for the module (building takes ~0.15 s)."""
    skills.set_taxonomy(_packaged)
    yield
    skills.set_taxonomy(None)


# -- dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end", "current"),
    [
        ("Sept 2018 – Present", "2018-09", None, True),
        ("Sep. 2018 - Current", "2018-09", None, True),
        ("03/2019 - 06/2021", "2019-03", "2021-06", False),
        ("2019-03 to 2021-06", "2019-03", "2021-06", False),
        ("2017 to 2019", "2017", "2019", False),
        ("2017–19", "2017", "2019", False),
        ("Jan 2020 - Now", "2020-01", None, True),
        ("since 2019", "2019", None, True),
        ("Summer 2018", "2018-06", "2018-08", False),  # a lone season: about three months
        ("Winter 2020", "2020-12", "2021-02", False),
        ("June 2023 – present", "2023-06", None, True),
        ("November 2011 to February 2016", "2011-11", "2016-02", False),
        ("May 2016 till Aug 2017", "2016-05", "2017-08", False),
        ("May 2016 until December 2017", "2016-05", "2017-12", False),
        ("Feb 2015 — Mar 2016", "2015-02", "2016-03", False),
        ("December 2014 to till date", "2014-12", None, True),
        ("2009-10", "2009", "2010", False),
    ],
)
def test_date_forms(text: str, start: str, end: str | None, current: bool) -> None:
    [rng] = find_ranges(text)
    assert rng.start is not None and rng.start.iso() == start
    assert (rng.end.iso() if rng.end else None) == (None if current else end)
    assert rng.current is current


def test_overlapping_intervals_are_merged() -> None:
    # Jan–Dec 2020 and Jul 2020–Jun 2021 overlap: 18 months, not 24; a gap is not counted.
    assert merged_years([(2020 * 12, 2021 * 12), (2020 * 12 + 6, 2021 * 12 + 6)]) == 1.5
    assert merged_years([(0, 12), (24, 36)]) == 2.0


def test_total_years_merges_overlaps_and_uses_today() -> None:
    text = """Jane Roe
jane@example.com
EXPERIENCE
Data Engineer, Acme Inc
Jan 2020 - Present
- Built pipelines
Consultant, Widgets Ltd
Jul 2019 - Jun 2020
- Advised clients
"""
    parsed = parse(text)
    # Jul 2019 → Jun 2025 (today's month counts), the overlap counted once.
    assert parsed.total_years_experience == 6.0


# -- whole resumes ---------------------------------------------------------------------------------


def test_us_tech_resume() -> None:
    parsed = parse(US_TECH)
    contact = parsed.contact
    assert contact.name == "Jordan A. Rivera"
    assert contact.email == "jordan.rivera@example.com"
    assert contact.phone == "(206) 555-0142"
    assert contact.location == "Seattle, WA"
    assert contact.links == ["https://linkedin.com/in/jordanrivera", "https://github.com/jrivera"]
    assert parsed.summary and parsed.summary.startswith("Backend engineer")

    first, second = parsed.experience
    assert (first.title, first.company, first.location) == (
        "Senior Software Engineer", "Northwind Payments Inc.", "Seattle, WA")
    assert (first.start, first.end, first.current) == ("2021-01", None, True)
    # The wrapped bullet is one bullet, joined with one space.
    assert first.bullets[0] == (
        "Led the migration of the settlement service from a monolith to Kubernetes, cutting "
        "deploy time from two hours to ten minutes")
    assert len(first.bullets) == 2
    assert (second.title, second.company, second.start, second.end) == (
        "Software Engineer", "Contoso Labs", "2017-06", "2020-12")

    [edu] = parsed.education
    assert (edu.degree, edu.field, edu.institution, edu.year) == (
        "B.S.", "Computer Science", "University of Washington", 2017)

    found = {s.name: s for s in parsed.skills}
    for name in ("Python", "Go", "TypeScript", "SQL", "Docker", "Kubernetes", "AWS", "Terraform"):
        assert found[name].source == "skills-section"
    assert found["PostgreSQL"].source == "text"  # from a bullet, named as a product
    assert parsed.total_years_experience == 8.1  # Jun 2017 → Jun 2025 inclusive: 97 months
    assert parsed.warnings == []
    assert parsed.parser_version == PARSER_VERSION
    assert set(parsed.sections) >= {"header", "summary", "experience", "education", "skills"}


def test_indian_it_services_resume() -> None:
    parsed = parse(INDIAN_IT)
    assert parsed.contact.name == "PRIYA VENKATESH"
    assert parsed.contact.phone == "+91 98480 12345"
    assert parsed.contact.location == "Hyderabad, Telangana"
    senior, trainee = parsed.experience
    assert (senior.title, senior.company, senior.location) == (
        "Senior Systems Engineer", "Tata Consultancy Services Ltd", "Hyderabad, Telangana")
    assert (senior.start, senior.current) == ("2018-09", True)
    assert senior.bullets[1] == (
        "Developed Spring Boot microservices for the loan module and wrote JUnit test cases for "
        "every service.")
    assert (trainee.title, trainee.start, trainee.end) == (
        "Systems Engineer Trainee", "2018-01", "2018-08")
    btech, school = parsed.education
    assert (btech.degree, btech.field) == ("B.Tech", "Electronics and Communication Engineering")
    assert (btech.institution, btech.start_year, btech.year) == (
        "Jawaharlal Nehru Technological University", 2014, 2018)
    assert (school.degree, school.institution, school.year) == (
        "12th", "Narayana Junior College", 2014)
    names = {s.name for s in parsed.skills}
    expected = {"Java", "SQL", "JavaScript", "Spring Boot", "Hibernate", "Git", "Jenkins", "Jira"}
    assert expected <= names


def test_company_first_entries_and_short_year_ranges() -> None:
    parsed = parse(COMPANY_FIRST)
    globex, initech = parsed.experience
    assert (globex.title, globex.company, globex.location) == (
        "Financial Analyst", "Globex Corporation", "Chicago, IL")
    assert (globex.start, globex.end) == ("2019", "2022")
    assert (initech.title, initech.company, initech.start, initech.end) == (
        "Junior Analyst", "Initech LLC", "2017", "2019")
    [mba] = parsed.education
    assert (mba.degree, mba.institution, mba.year) == (
        "Master of Business Administration", "University of Texas at Austin", 2017)
    names = {s.name for s in parsed.skills}
    assert {"Financial Modeling", "Excel", "SQL", "Power BI"} <= names
    assert "missing email" not in parsed.warnings


def test_title_first_and_company_first_give_the_same_fields() -> None:
    title_first = parse("EXPERIENCE\nData Engineer, Acme Inc\n2019 - 2021\n- Built things\n")
    company_first = parse("EXPERIENCE\nAcme Inc, Data Engineer\n2019 - 2021\n- Built things\n")
    at_form = parse("EXPERIENCE\nData Engineer at Acme Inc\n2019 - 2021\n- Built things\n")
    for parsed in (title_first, company_first, at_form):
        [entry] = parsed.experience
        assert (entry.title, entry.company) == ("Data Engineer", "Acme Inc")


def test_nursing_resume() -> None:
    parsed = parse(NURSING)
    assert parsed.contact.name == "Alicia Gomez"
    assert parsed.contact.location == "Phoenix, Arizona"
    nurse, intern = parsed.experience
    assert (nurse.title, nurse.company, nurse.current) == (
        "Registered Nurse", "Banner Health", True)
    assert (intern.title, intern.company, intern.start) == (
        "Nursing Intern", "St. Joseph's Hospital", "2019-06")
    [bsn] = parsed.education
    assert (bsn.degree, bsn.field, bsn.institution, bsn.year) == (
        "Bachelor of Science", "Nursing", "Arizona State University", 2019)
    names = {s.name for s in parsed.skills}
    assert {"Patient Care", "Epic EHR"} <= names


def test_dates_after_the_bullets_and_right_hand_columns() -> None:
    # Layouts that print place and dates in a right-hand column: read after the bullets...
    after = parse("""Sam Lee
sam@example.com
Experience
Acme Robotics, Controls Engineer
• Tuned PID loops for the arm
Boston, MA
Mar 2019 – Feb 2021
Beta Motors, Intern
• Wrote test rigs
Detroit, MI
June 2018 – Aug 2018
""")
    assert [(e.company, e.title, e.location, e.start, e.end) for e in after.experience] == [
        ("Acme Robotics", "Controls Engineer", "Boston, MA", "2019-03", "2021-02"),
        ("Beta Motors", "Intern", "Detroit, MI", "2018-06", "2018-08"),
    ]
    # ...or on the same row after a tab, as the PDF reader writes them.
    tabbed = parse("Sam Lee\nExperience\nAcme Robotics, Controls Engineer\tBoston, MA\n"
                   "• Tuned PID loops for the arm and the\tMar 2019 – Feb 2021\ngripper\n")
    [entry] = tabbed.experience
    assert (entry.location, entry.start, entry.end) == ("Boston, MA", "2019-03", "2021-02")
    assert entry.bullets == ["Tuned PID loops for the arm and the gripper"]


def test_empty_text_gives_no_fields_and_says_so() -> None:
    for text in ("", "   \n\n\t  \n"):
        parsed = parse(text)
        assert parsed.warnings == [NO_TEXT]
        assert parsed.contact.name is None and parsed.contact.email is None
        assert parsed.contact.links == []
        assert parsed.skills == parsed.education == parsed.experience == []
        assert parsed.sections == {} and parsed.summary is None
        assert parsed.total_years_experience is None


def test_links_from_the_file_are_merged() -> None:
    text = ("Jane Doe\nBerlin, Germany | jane.site.dev | janedoe\n"
            "EXPERIENCE\nEngineer, Acme GmbH\n2020 - 2022\n")
    parsed = parse(text, links=[
        "mailto:jane.doe@example.com",
        "https://www.linkedin.com/in/janedoe/",
        "https://github.com/janedoe",
        "https://github.com/",  # a bare site link next to a project name is not a profile
        "https://doi.org/10.1/abc",  # a paper's link is not contact information
        "https://jane.site.dev/",
    ])
    assert parsed.contact.email == "jane.doe@example.com"  # from mailto:, the text has none
    assert parsed.contact.links == [
        "https://jane.site.dev", "https://www.linkedin.com/in/janedoe", "https://github.com/janedoe",
    ]
    assert "missing email" not in parsed.warnings


def test_text_email_wins_over_mailto_and_duplicates_collapse() -> None:
    parsed = parse("Jane Doe\njane@example.com | https://github.com/janedoe\n",
                   links=["mailto:other@example.com", "github.com/janedoe/"])
    assert parsed.contact.email == "jane@example.com"
    assert parsed.contact.links == ["https://github.com/janedoe"]


def test_warnings() -> None:
    parsed = parse("""Chris Park
EXPERIENCE
Analyst, Acme Corp
Jan 2027 - Mar 2028
Engineer, Beta Inc
May 2020 - Jan 2019
""")
    joined = " | ".join(parsed.warnings)
    assert "missing email" in joined
    assert "dates in the future" in joined
    assert "end before start" in joined
    assert "no skills found" in joined
    assert "no experience found" in parse("Chris Park\nchris@example.com\n").warnings


def test_json_is_plain() -> None:
    data = parse(US_TECH).to_json()
    assert json.loads(json.dumps(data)) == data
    assert data["contact"]["email"] == "jordan.rivera@example.com"
    assert data["experience"][0]["bullets"]


def test_a_warm_parse_reuses_the_loaded_taxonomy(monkeypatch) -> None:
    """Parsing is fast when warm because nothing is loaded or compiled again (the timing
    itself is in bench/resume_accuracy.py)."""
    parse(US_TECH)  # loads the taxonomy
    loaded = skills.get_taxonomy()
    monkeypatch.setattr(skills, "load_taxonomy", lambda *a, **k: pytest.fail("loaded again"))
    monkeypatch.setattr(skills, "compile_taxonomy", lambda *a, **k: pytest.fail("compiled again"))
    for _ in range(3):
        assert parse(INDIAN_IT).experience
    assert skills.get_taxonomy() is loaded


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("EXPERIENCE\nProduct Manager | Stripe | Remote | 2020 - Present\n* Shipped billing\n",
         ("Product Manager", "Stripe", "Remote", "2020", None)),
        ("Experience\nSoftware Engineer — Google (Jan 2019 – Dec 2021)\n• Built search\n",
         ("Software Engineer", "Google", None, "2019-01", "2021-12")),
        ("Work Experience\nGoogle, Mountain View, CA — Software Engineer, 2019–2021\n- Built\n",
         ("Software Engineer", "Google", "Mountain View, CA", "2019", "2021")),
        # Dates aligned to the right with spaces, as plain-text exports do.
        ("PROFESSIONAL EXPERIENCE\nACME CORP                          Mar 2015 - Dec 2018\n"
         "Staff Accountant\n- Reconciled accounts\n",
         ("Staff Accountant", "ACME CORP", None, "2015-03", "2018-12")),
        ("Employment History\n2015 - 2019: Teaching Assistant, Shelbyville Elementary School\n",
         ("Teaching Assistant", "Shelbyville Elementary School", None, "2015", "2019")),
        ("EXPERIENCE\nCompany: Wipro Technologies\nDesignation: Project Engineer\n"
         "Duration: July 2016 - June 2019\n",
         ("Project Engineer", "Wipro Technologies", None, "2016-07", "2019-06")),
    ],
)
def test_entry_header_layouts(text: str, expected: tuple) -> None:
    [entry] = parse(text).experience
    assert (entry.title, entry.company, entry.location, entry.start, entry.end) == expected


def test_the_part_with_the_employer_word_is_the_employer_not_a_unit() -> None:
    [entry] = parse("EXPERIENCE\nSupport Engineer at Tidewater an Acme Company\n"
                    "Cloud Operations -\nMarch 2018 to Present\n- Ran the on-call rota\n").experience
    assert (entry.title, entry.company) == ("Support Engineer", "Tidewater an Acme Company")


def test_undated_roles_one_after_another() -> None:
    parsed = parse("EXPERIENCE\nStaff Engineer\nBluewater Technologies\nNorthwind\nTeam Lead\n"
                   "\nEDUCATION\nB.Sc. Physics, Leeds, 2010\n")
    assert [(e.title, e.company) for e in parsed.experience] == [
        ("Staff Engineer", "Bluewater Technologies"), ("Team Lead", "Northwind")]


def test_skills_come_from_evidence_not_from_names_footers_or_spoken_languages() -> None:
    parsed = parse(
        "Maria Swift\nmaria@example.org\n"
        "SKILLS\nClinical: Wound care, Telemetry, Patient education\nSystems: Epic, Pyxis\n"
        "Maria Swift — BSN — page 1\n"
        "EXPERIENCE\nBarista, Lone Star Coffee Roasters    2012 – 2014\n"
        "- Ran the Monitoring of stock and Cloud ordering\n"
        "- Charted in Epic and Pyxis each shift\n"
        "LANGUAGES\nEnglish, Spanish, Tamil\n")
    found = {s.name for s in parsed.skills}
    assert {"Wound Care", "Telemetry", "Patient Education", "Epic EHR"} <= found
    assert not found & {"Swift", "Coffee", "Monitoring", "Cloud Computing", "English",
                        "Spanish", "Tamil", "Multilingual", "Written English"}


def test_several_roles_under_one_employer() -> None:
    parsed = parse("Experience\nAmazon\nSenior SDE, Seattle, WA    2021 – Present\n- Led a team\n"
                   "SDE II    2018 – 2021\n- Built services\n")
    assert [(e.title, e.company, e.start, e.current) for e in parsed.experience] == [
        ("Senior SDE", "Amazon", "2021", True), ("SDE II", "Amazon", "2018", False)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("University of Toronto — B.A., Economics (2012–2016)",
         ("B.A.", "Economics", "University of Toronto", 2012, 2016)),
        ("Bachelor of Technology (Computer Engineering), IIT Bombay, 2015 – 2019, CGPA 8.9/10",
         ("Bachelor of Technology", "Computer Engineering", "IIT Bombay", 2015, 2019)),
        ("• MBA (Finance) from Symbiosis Institute of Business Management, Pune with 72% in 2014",
         ("MBA", "Finance", "Symbiosis Institute of Business Management", None, 2014)),
        ("B.Tech Information Technology, JNTU, 2012",
         ("B.Tech", "Information Technology", "JNTU", None, 2012)),
        ("Expected 2026: M.S. Computer Science, Georgia Institute of Technology",
         ("M.S.", "Computer Science", "Georgia Institute of Technology", None, 2026)),
    ],
)
def test_education_lines(line: str, expected: tuple) -> None:
    [entry] = parse(f"EDUCATION\n{line}\n").education
    assert (entry.degree, entry.field, entry.institution, entry.start_year, entry.year) == expected


def test_a_heading_after_a_url_is_not_part_of_it() -> None:
    parsed = parse("JOHN SMITH\nhttps://www.linkedin.com/in/john-smith/\nSUMMARY\nEngineer.\n")
    assert parsed.contact.links == ["https://www.linkedin.com/in/john-smith"]
    assert parsed.contact.name == "JOHN SMITH"
