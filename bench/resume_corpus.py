"""A resume corpus with its truth: 10 fields x 4 layouts, each as PDF and DOCX.

    python bench/resume_corpus.py OUT_DIR [--json]

Writes OUT_DIR/<field>-<layout>.pdf, .docx and .json (the truth both files share) and prints
what it wrote. Everything here was written for this project: the people, employers and dates
are invented. ``bench/resume_accuracy.py`` generates the corpus into a temporary folder and
scores the parser on it; tests import the renderers to draw their own small resumes.

Layouts (how people lay resumes out, not one template each):

* ``one-column``: everything in one flow; dates set flush right on the entry's row (a tab in
  DOCX).
* ``two-column``: experience on the left, education/skills/certifications on the right, in
  columns of about equal width; dates sit in a narrow box beside the title and wrap over two
  lines ("May 2024 – Aug" / "2024"). DOCX: a one-row, two-cell table.
* ``sidebar``: a narrow left sidebar (contact, skills, certifications, education) beside the
  main column. DOCX: a one-row, two-cell table.
* ``table``: a date column on the left of every entry. DOCX: a table per section, a row per
  entry (dates cell, then the entry's cell); PDF: the same grid drawn.

Entry headers come in five arrangements, rotated over fields and layouts so each layout meets
each of them: "Title – Company | City" with dates; a title line then a company line; a company
line then its titles (promotions, "Title – Unit"); dates first; "Title, Company" with dates on
the line below. PDFs carry a running footer on every page and a running header from page 2.

Truth per resume: each role's title (and unit), employer, start and end month; the skills the
resume states (its skills section and the skills marked in its bullets); its certifications
and licences; years of experience counted as a recruiter does (the union of full-time spans,
plus half of part-time, internship and student spans outside them, where spans that ended by
the person's graduation count nothing), and whether the person is a new graduate.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

TODAY = date(2025, 6, 15)
LAYOUTS = ("one-column", "two-column", "sidebar", "table")
ARRANGEMENTS = ("one-line", "title-company", "company-titles", "dates-first", "dates-below")
_MARK_RE = re.compile(r"\[\[([^\]]+)\]\]")

# -- content -----------------------------------------------------------------------------------


@dataclass
class Role:
    title: str
    start: tuple[int, int]
    end: tuple[int, int] | None  # None: current
    bullets: list[str] = field(default_factory=list)
    unit: str | None = None
    employment: str = "full-time"  # full-time | part-time | internship | student


@dataclass
class Employer:
    company: str
    location: str
    roles: list[Role]


@dataclass
class Person:
    field: str
    name: str
    credential: str  # shown after the name in the footer ("BSN, RN")
    email: str
    phone: str
    location: str
    summary: str
    employers: list[Employer]
    education: list[tuple[str, str, int]]  # (degree, institution, year)
    skills: dict[str, list[str]]  # label -> items ("" for an unlabelled list)
    certifications: list[tuple[str, str]]  # (name as the truth has it, as written)
    extra: dict[str, list[str]] = field(default_factory=dict)  # other sections


def R(title: str, start: str, end: str | None, *bullets: str, unit: str | None = None,
      kind: str = "full-time") -> Role:
    def ym(text: str) -> tuple[int, int]:
        year, month = text.split("-")
        return int(year), int(month)

    if kind == "part-time" and not re.search(r"part-time|prn|freelance|volunteer", title, re.I):
        title = f"{title} (part-time)"  # the resume says so, as people write it

    return Role(title, ym(start), ym(end) if end else None, list(bullets), unit, kind)


PEOPLE: list[Person] = [
    Person(
        "nursing", "Maria Delgado", "BSN, RN", "maria.delgado@example.com", "(713) 555-0142",
        "Houston, TX",
        "Registered nurse with 8 years of experience in critical care and telemetry, "
        "precepting new graduates and leading rapid-response teams.",
        [
            Employer("Bayview Memorial Hospital", "Houston, TX", [
                R("Registered Nurse", "2019-07", None,
                  "Care for 2-3 critically ill patients per shift in a 24-bed unit, including "
                  "[[ventilator management]] and titration of vasoactive drips",
                  "Precept 12 new graduate nurses through a 12-week orientation",
                  "Chart assessments and care plans in [[Epic]]",
                  unit="Medical/Surgical ICU"),
                R("Registered Nurse", "2017-01", "2019-06",
                  "Monitored 5-6 patients on continuous [[telemetry monitoring]]",
                  "Led discharge teaching and [[patient education]] for cardiac patients",
                  unit="Telemetry Unit"),
            ]),
            Employer("Harris County Home Health", "Houston, TX", [
                R("Home Health Nurse (PRN, part-time)", "2020-03", "2022-12",
                  "Visited 6-8 patients a week for [[wound care]] and medication reconciliation",
                  kind="part-time"),
            ]),
            Employer("Lone Star Coffee Roasters", "Houston, TX", [
                R("Barista (part-time)", "2013-09", "2016-05",
                  "Served customers in a busy café while studying full time", kind="student"),
            ]),
        ],
        [("Bachelor of Science in Nursing", "University of Houston", 2016)],
        {"Clinical": ["Patient assessment", "Medication administration", "IV therapy",
                      "Wound care", "Ventilator management", "Telemetry monitoring"],
         "Systems": ["Epic", "Pyxis"]},
        [("BLS", "BLS – American Heart Association, exp. 2026"),
         ("ACLS", "ACLS – American Heart Association, exp. 2026"),
         ("CCRN", "CCRN (Adult), AACN"),
         ("RN License", "Registered Nurse License, Texas Board of Nursing #812345")],
        {"Languages": ["English, Spanish (fluent)"]},
    ),
    Person(
        "accounting", "Daniel Okafor", "CPA", "daniel.okafor@example.com", "312-555-0187",
        "Chicago, IL",
        "CPA with 6 years in public accounting audits of manufacturing and retail clients.",
        [
            Employer("Hollis & Grant LLP", "Chicago, IL", [
                R("Senior Auditor", "2021-09", None,
                  "Lead [[financial statement audit]] engagements for 8 clients with revenue "
                  "up to $400M",
                  "Test [[internal controls]] and [[SOX compliance]] for public clients",
                  "Built reconciliation workbooks in [[Excel]] that cut close review by 2 days"),
                R("Staff Auditor", "2019-08", "2021-08",
                  "Performed [[account reconciliation]] and substantive testing under [[GAAP]]",
                  "Pulled ledgers from [[SAP]] for 15 engagements"),
            ]),
            Employer("Red Bull North America", "Santa Monica, CA", [
                R("Accounting Intern", "2018-06", "2018-08",
                  "Matched 1,200 vendor invoices to purchase orders", kind="internship"),
            ]),
            Employer("Northside Tax Clinic", "Chicago, IL", [
                R("Volunteer Tax Preparer", "2017-01", "2018-04",
                  "Prepared 60 individual returns ([[tax preparation]]) for low-income families",
                  kind="student"),
            ]),
        ],
        [("B.S. in Accounting", "Loyola University Chicago", 2019)],
        {"Accounting": ["Financial statement audit", "GAAP", "Internal controls",
                        "SOX compliance", "Account reconciliation", "Tax preparation"],
         "Tools": ["Excel", "SAP", "CaseWare"]},
        [("CPA", "Certified Public Accountant (CPA), Illinois, 2020"),
         ("CMA", "Certified Management Accountant (CMA), 2022")],
    ),
    Person(
        "sales", "Tyler Brooks", "", "tyler.brooks@example.com", "(303) 555-0110",
        "Denver, CO",
        "Quota-carrying account executive selling medical supplies to clinics and hospitals.",
        [
            Employer("Summit Medical Supply", "Denver, CO", [
                R("Account Executive", "2020-02", None,
                  "Closed $2.4M in new business in 2024, 128% of quota",
                  "Managed a pipeline of 60 accounts in [[Salesforce]] "
                  "([[pipeline management]])",
                  "Ran [[contract negotiation]] with hospital purchasing groups"),
                R("Sales Development Representative", "2018-06", "2020-01",
                  "Booked 25 meetings a month through [[cold calling]] and [[prospecting]]",
                  "Built email sequences in [[HubSpot]]"),
            ]),
            Employer("Peak Outdoor Gear", "Fort Collins, CO", [
                R("Retail Sales Associate", "2015-05", "2018-05",
                  "Sold outdoor gear and ran the store's loyalty sign-ups", kind="student"),
            ]),
        ],
        [("B.A. in Communication", "Colorado State University", 2018)],
        {"": ["Salesforce", "HubSpot", "Prospecting", "Cold calling", "Pipeline management",
              "Negotiation", "Contract negotiation", "Account management"]},
        [("HubSpot Inbound Sales Certification",
          "HubSpot Inbound Sales Certification (2021)")],
    ),
    Person(
        "marketing", "Priya Raman", "", "priya.raman@example.com", "(617) 555-0199",
        "Boston, MA",
        "Marketing graduate with agency and campus experience in social media and analytics.",
        [
            Employer("Brightside Creative Agency", "Boston, MA", [
                R("Marketing Intern", "2024-05", "2024-08",
                  "Planned posts for 4 client accounts ([[social media marketing]])",
                  "Reported campaign results from [[Google Analytics]] every week",
                  kind="internship"),
            ]),
            Employer("Northeastern University", "Boston, MA", [
                R("Social Media Assistant", "2023-09", "2025-04",
                  "Grew the college's Instagram following by 35% with [[content creation]] "
                  "in [[Canva]]", kind="student"),
            ]),
            Employer("Red Bull", "Boston, MA", [
                R("Student Brand Marketeer", "2022-09", "2023-05",
                  "Ran 10 campus sampling events", kind="student"),
            ]),
            Employer("Tatte Bakery & Cafe", "Boston, MA", [
                R("Barista (part-time)", "2021-06", "2022-08",
                  "Trained 5 new baristas", kind="student"),
            ]),
        ],
        [("B.S. in Marketing", "Northeastern University", 2025)],
        {"Marketing": ["Social media marketing", "Content creation", "SEO", "Email marketing",
                       "Market research"],
         "Tools": ["Google Analytics", "Canva", "Adobe Photoshop", "Hootsuite"]},
        [("Google Analytics Certification", "Google Analytics Certification (2024)"),
         ("HubSpot Content Marketing Certification",
          "HubSpot Content Marketing Certification (2023)")],
    ),
    Person(
        "operations", "Carlos Mendes", "", "carlos.mendes@example.com", "404-555-0134",
        "Atlanta, GA",
        "Operations manager running multi-site distribution with 11 years in logistics.",
        [
            Employer("Meridian Logistics Group", "Atlanta, GA", [
                R("Operations Manager", "2020-04", None,
                  "Run three distribution centres with 140 staff and a $9M budget",
                  "Cut pick errors by 38% with [[lean manufacturing]] methods and a new [[WMS]]",
                  "Report weekly KPIs ([[KPI reporting]]) to the regional VP",
                  unit="Southeast Region"),
                R("Operations Supervisor", "2017-03", "2020-03",
                  "Scheduled 45 associates across two shifts",
                  "Ran cycle counts and [[inventory management]] in [[SAP]]"),
            ]),
            Employer("FastLane Distribution", "Marietta, GA", [
                R("Warehouse Associate", "2014-06", "2017-02",
                  "Picked, packed and shipped 300 orders a shift"),
            ]),
        ],
        [("B.S. in Supply Chain Management", "Georgia State University", 2014)],
        {"Operations": ["Inventory management", "Lean manufacturing", "Vendor management",
                        "Demand forecasting", "KPI reporting"],
         "Systems": ["SAP", "WMS", "Excel"]},
        [("Six Sigma Green Belt", "Lean Six Sigma Green Belt (ASQ)"),
         ("CSCP", "APICS Certified Supply Chain Professional (CSCP)"),
         ("OSHA 30", "OSHA 30-Hour General Industry")],
    ),
    Person(
        "design", "Hannah Kim", "", "hannah.kim@example.com", "(206) 555-0175", "Seattle, WA",
        "Product designer who turns research into shipped interfaces and design systems.",
        [
            Employer("Northwind Interactive", "Seattle, WA", [
                R("Senior UX Designer", "2022-01", None,
                  "Led [[user research]] with 40 customers for a booking app redesign",
                  "Built the company's [[design systems]] library in [[Figma]]",
                  "Ran [[usability testing]] on every release"),
            ]),
            Employer("Swift Creek Studio", "Portland, OR", [
                R("Product Designer", "2019-05", "2021-12",
                  "Designed [[wireframing]] and [[prototyping]] flows for 6 client apps",
                  "Drew icons and illustrations in [[Adobe Illustrator]]"),
            ]),
            Employer("Self-employed", "Seattle, WA", [
                R("Freelance UI Designer", "2017-01", "2019-04",
                  "Designed landing pages for local businesses", kind="part-time"),
            ]),
        ],
        [("BFA in Interaction Design", "University of Washington", 2017)],
        {"Design": ["User research", "Wireframing", "Prototyping", "Usability testing",
                    "Design systems"],
         "Tools": ["Figma", "Sketch", "Adobe Illustrator", "Miro"]},
        [("Google UX Design Certificate", "Google UX Design Certificate (Coursera, 2020)"),
         ("NN/g UX Certification", "NN/g UX Certification, Nielsen Norman Group")],
    ),
    Person(
        "hr", "Aisha Thompson", "SHRM-CP", "aisha.thompson@example.com", "(214) 555-0163",
        "Dallas, TX",
        "HR business partner for clinical and corporate teams of 600 employees.",
        [
            Employer("Crestline Health Partners", "Dallas, TX", [
                R("HR Business Partner", "2021-03", None,
                  "Advise 12 managers on [[employee relations]] and [[performance management]]",
                  "Moved onboarding into [[Workday]] ([[onboarding]] time down 30%)",
                  unit="Corporate Services"),
                R("HR Generalist", "2018-07", "2021-02",
                  "Administered [[compensation and benefits]] and FMLA leave for 300 staff"),
            ]),
            Employer("Bluebonnet Staffing", "Austin, TX", [
                R("Recruiting Coordinator", "2016-06", "2018-06",
                  "Scheduled 40 interviews a week for [[talent acquisition]] teams"),
            ]),
        ],
        [("B.B.A. in Human Resource Management", "Texas State University", 2016)],
        {"HR": ["Talent acquisition", "Employee relations", "Onboarding",
                "Performance management", "Compensation and benefits"],
         "Systems": ["Workday", "HRIS", "ADP"]},
        [("SHRM-CP", "SHRM Certified Professional (SHRM-CP), 2019"),
         ("PHR", "Professional in Human Resources (PHR), HRCI")],
    ),
    Person(
        "data-engineering", "Ethan Walsh", "", "ethan.walsh@example.com", "(734) 555-0128",
        "Ann Arbor, MI",
        "Data engineer building batch and streaming pipelines on AWS.",
        [
            Employer("Cobalt Analytics Inc.", "Ann Arbor, MI", [
                R("Senior Data Engineer", "2021-06", None,
                  "Built pipelines on [[AWS]] (S3, [[EMR]], [[Glue]]) processing 4 TB a day",
                  "Moved 120 jobs to [[Apache Airflow]] and [[dbt]] on [[Snowflake]]",
                  "Streamed events with [[Kafka]] into [[Apache Spark]] jobs"),
                R("Data Engineer", "2019-07", "2021-05",
                  "Wrote [[Python]] and [[SQL]] ETL for the billing warehouse",
                  "Packaged services with [[Docker]] and [[Terraform]]"),
            ]),
            Employer("Go Fresh Markets", "Detroit, MI", [
                R("Data Analyst", "2017-06", "2019-06",
                  "Built weekly sales dashboards in [[Tableau]] for 40 stores"),
            ]),
            Employer("University of Michigan", "Ann Arbor, MI", [
                R("Graduate Research Assistant", "2016-01", "2017-05",
                  "Cleaned sensor data for a traffic study in [[Python]]", kind="student"),
            ]),
        ],
        [("M.S. in Computer Science", "University of Michigan", 2017)],
        {"Languages": ["Python", "SQL", "Scala"],
         "Data": ["Apache Spark", "Apache Airflow", "Kafka", "dbt", "Snowflake"],
         "Cloud": ["AWS", "Docker", "Terraform"]},
        [("AWS Certified Data Engineer – Associate", "AWS Certified Data Engineer – Associate"),
         ("Databricks Certified Data Engineer Professional",
          "Databricks Certified Data Engineer Professional")],
    ),
    Person(
        "finance", "Sophie Laurent", "CFA", "sophie.laurent@example.com", "(212) 555-0151",
        "New York, NY",
        "Financial analyst covering valuation and planning for a mid-market fund.",
        [
            Employer("Harborview Capital Partners", "New York, NY", [
                R("Senior Financial Analyst", "2021-01", None,
                  "Build [[financial modeling]] and [[valuation]] workbooks for 10 deals a year",
                  "Own the fund's [[budgeting]] and quarterly [[variance analysis]]"),
                R("Financial Analyst", "2019-01", "2020-12",
                  "Pulled market data from the [[Bloomberg Terminal]]",
                  "Built [[Power BI]] dashboards for portfolio reviews"),
            ]),
            Employer("Bank of the West", "San Francisco, CA", [
                R("Credit Analyst", "2016-07", "2018-12",
                  "Underwrote 80 small-business loans a year using [[Excel]] models"),
            ]),
        ],
        [("B.S. in Finance", "New York University", 2016)],
        {"Finance": ["Financial modeling", "Valuation", "Budgeting", "Forecasting",
                     "Variance analysis"],
         "Tools": ["Excel", "Bloomberg Terminal", "Power BI"]},
        [("CFA", "CFA Charterholder (2021)"),
         ("FRM", "Financial Risk Manager (FRM), GARP")],
    ),
    Person(
        "support", "Jordan Lee", "", "jordan.lee@example.com", "(602) 555-0106", "Phoenix, AZ",
        "Support lead keeping response times low for a B2B software product.",
        [
            Employer("Zenith Software", "Phoenix, AZ", [
                R("Customer Support Team Lead", "2022-05", None,
                  "Lead 9 agents handling 1,800 tickets a month in [[Zendesk]]",
                  "Keep [[SLA management]] at 97% first-response within 4 hours",
                  "Wrote 120 [[knowledge base]] articles"),
                R("Technical Support Specialist", "2020-02", "2022-04",
                  "Resolved escalations through [[troubleshooting]] and [[Jira]] bug reports"),
            ]),
            Employer("Desert Sun Resorts", "Scottsdale, AZ", [
                R("Front Desk Agent", "2017-09", "2020-01",
                  "Checked in 150 guests a day", kind="part-time"),
            ]),
        ],
        [("A.A.S. in Information Technology", "Phoenix College", 2019)],
        {"": ["Zendesk", "Jira", "Troubleshooting", "SLA management", "Knowledge base",
              "Customer onboarding", "Salesforce Service Cloud"]},
        [("ITIL 4 Foundation", "ITIL 4 Foundation (2021)"),
         ("CompTIA A+", "CompTIA A+ (2019)")],
    ),
]

# -- truth -------------------------------------------------------------------------------------


def _iso(ym: tuple[int, int] | None) -> str | None:
    return f"{ym[0]:04d}-{ym[1]:02d}" if ym else None


def _months(role: Role, today: date) -> tuple[int, int]:
    start = role.start[0] * 12 + role.start[1] - 1
    end = (role.end[0] * 12 + role.end[1]) if role.end else today.year * 12 + today.month
    return start, end


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _length(spans: list[tuple[int, int]]) -> int:
    return sum(b - a for a, b in spans)


def _minus(spans: list[tuple[int, int]], cut: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for a, b in spans:
        pieces = [(a, b)]
        for c, d in cut:
            pieces = [p for x, y in pieces for p in ((x, min(y, c)), (max(x, d), y)) if p[1] > p[0]]
        out += pieces
    return out


def recruiter_years(person: Person, today: date = TODAY) -> dict[str, Any]:
    """Years as a recruiter counts them (see the module docstring)."""
    graduation = max((year for _, _, year in person.education), default=None)
    grad_month = graduation * 12 + 5 if graduation else None  # May of the graduation year
    full, partial, student = [], [], []
    for employer in person.employers:
        for role in employer.roles:
            span = _months(role, today)
            if role.employment == "full-time":
                full.append(span)
            elif grad_month is not None and span[1] <= grad_month + 1:
                student.append(span)
            else:
                partial.append(span)
    full_u = _union(full)
    extra = _minus(_union(partial), full_u)
    total = (_length(full_u) + 0.5 * _length(extra)) / 12
    side = _length(_union(partial + student)) / 12
    new_grad = bool(graduation and _length(full_u) < 12 and graduation >= today.year - 1)
    return {"years": round(total, 1), "part_time_years": round(side, 1), "new_graduate": new_grad}


def truth(person: Person, layout: str) -> dict[str, Any]:
    roles = []
    for employer in person.employers:
        for role in employer.roles:
            roles.append({
                "title": _plain_title(role.title), "unit": role.unit, "company": employer.company,
                "location": employer.location, "start": _iso(role.start), "end": _iso(role.end),
                "current": role.end is None, "employment": role.employment,
            })
    skills: list[str] = []
    for items in person.skills.values():
        for item in items:
            if item.lower() not in {s.lower() for s in skills}:
                skills.append(item)
    for employer in person.employers:
        for role in employer.roles:
            for bullet in role.bullets:
                for mark in _MARK_RE.findall(bullet):
                    if mark.lower() not in {s.lower() for s in skills}:
                        skills.append(mark)
    return {
        "id": f"{person.field}-{layout}", "field": person.field, "layout": layout,
        "today": TODAY.isoformat(), "name": person.name, "email": person.email,
        "roles": roles, "skills": skills,
        "certifications": [name for name, _ in person.certifications],
        "education": [{"degree": d, "institution": i, "year": y} for d, i, y in person.education],
        **recruiter_years(person),
    }


def _plain_title(title: str) -> str:
    return re.sub(r"\s*\([^)]*\)", "", title).strip()


# -- text building blocks ------------------------------------------------------------------------

_MONTH_SHORT = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_MONTH_LONG = ("January February March April May June July August September October "
               "November December").split()


def fmt_date(ym: tuple[int, int] | None, style: int) -> str:
    if ym is None:
        return ("Present", "Current", "Present")[style % 3]
    year, month = ym
    if style % 3 == 0:
        return f"{_MONTH_SHORT[month - 1]} {year}"
    if style % 3 == 1:
        return f"{_MONTH_LONG[month - 1]} {year}"
    return f"{month:02d}/{year}"


def fmt_range(role: Role, style: int) -> str:
    sep = (" – ", " - ", " – ")[style % 3]
    return f"{fmt_date(role.start, style)}{sep}{fmt_date(role.end, style)}"


@dataclass
class Block:
    """One visual line of the resume: text, an optional right-hand text, a style."""

    text: str
    right: str = ""
    style: str = "body"  # name | contact | heading | strong | em | body | bullet | small
    gap_before: float = 0.0


def _clean(text: str) -> str:
    return _MARK_RE.sub(r"\1", text)


def entry_blocks(person: Person, arrangement: str, style: int, units: bool = True
                 ) -> list[list[Block]]:
    """Experience entries as lists of blocks, one list per employer group."""
    sep = (" – ", " | ", ", ", " at ")[style % 4]
    groups: list[list[Block]] = []
    for employer in person.employers:
        blocks: list[Block] = []
        if arrangement == "company-titles":
            blocks.append(Block(employer.company, employer.location, "strong", 6))
            for role in employer.roles:
                title = f"{role.title} – {role.unit}" if role.unit and units else role.title
                blocks.append(Block(title, fmt_range(role, style), "em", 2))
                blocks += [Block(_clean(b), style="bullet") for b in role.bullets]
            groups.append(blocks)
            continue
        for role in employer.roles:
            title = f"{role.title} – {role.unit}" if role.unit and units else role.title
            dates = fmt_range(role, style)
            if arrangement == "one-line":
                joiner = " | " if role.unit else sep
                blocks.append(Block(f"{role.title}{joiner}{employer.company}",
                                    dates, "strong", 6))
                blocks.append(Block(employer.location, "", "small"))
            elif arrangement == "title-company":
                blocks.append(Block(title, dates, "strong", 6))
                blocks.append(Block(employer.company, employer.location, "em"))
            elif arrangement == "dates-first":
                blocks.append(Block(dates, "", "small", 6))
                blocks.append(Block(title, "", "strong"))
                blocks.append(Block(f"{employer.company} · {employer.location}", "", "em"))
            else:  # dates-below
                blocks.append(Block(f"{title}, {employer.company}", "", "strong", 6))
                blocks.append(Block(f"{dates} | {employer.location}", "", "small"))
            blocks += [Block(_clean(b), style="bullet") for b in role.bullets]
        groups.append(blocks)
    return groups


def skill_blocks(person: Person, style: int) -> list[Block]:
    out = []
    for label, items in person.skills.items():
        text = ", ".join(items)
        out.append(Block(f"{label}: {text}" if label else text))
    return out


def cert_blocks(person: Person) -> list[Block]:
    return [Block(written, style="bullet") for _, written in person.certifications]


def education_blocks(person: Person, style: int) -> list[Block]:
    out = []
    for degree, school, year in person.education:
        if style % 2:
            out.append(Block(degree, str(year), "strong", 4))
            out.append(Block(school))
        else:
            out.append(Block(school, str(year), "strong", 4))
            out.append(Block(degree, "", "em"))
    return out


def header_lines(person: Person) -> list[str]:
    return [person.name, f"{person.email} | {person.phone} | {person.location}"]


def footer_text(person: Person, page: int, pages: int) -> str:
    cred = f" — {person.credential}" if person.credential else ""
    return f"{person.name}{cred} — page {page} of {pages}"


# -- PDF -------------------------------------------------------------------------------------------

PAGE_W, PAGE_H = 612.0, 792.0  # US Letter
TOP, BOTTOM = 56.0, 60.0
_SIZES = {"name": 20, "contact": 9.5, "heading": 11, "strong": 10.5, "em": 10, "body": 10,
          "bullet": 10, "small": 9.5}


class PdfWriter:
    """Columns that flow onto new pages; running header and footer added at the end."""

    def __init__(self) -> None:
        import pymupdf

        self.pymupdf = pymupdf
        self.doc = pymupdf.open()
        self.regular = pymupdf.Font("helv")
        self.bold = pymupdf.Font("hebo")
        self.italic = pymupdf.Font("heit")
        self.pages: list[Any] = []

    def page(self, index: int) -> Any:
        while len(self.pages) <= index:
            page = self.doc.new_page(width=PAGE_W, height=PAGE_H)
            page.insert_font(fontname="R", fontbuffer=self.regular.buffer)
            page.insert_font(fontname="B", fontbuffer=self.bold.buffer)
            page.insert_font(fontname="I", fontbuffer=self.italic.buffer)
            self.pages.append(page.number)
        return self.doc[self.pages[index]]  # a fresh handle: adding a page orphans old ones

    def font(self, style: str) -> tuple[str, Any]:
        if style in ("name", "heading", "strong"):
            return "B", self.bold
        if style == "em":
            return "I", self.italic
        return "R", self.regular

    def width(self, text: str, style: str) -> float:
        return self.font(style)[1].text_length(text, fontsize=_SIZES[style])

    def wrap(self, text: str, style: str, width: float) -> list[str]:
        words, lines, current = text.split(), [], ""
        for word in words:
            trial = f"{current} {word}".strip()
            if current and self.width(trial, style) > width:
                lines.append(current)
                current = word
            else:
                current = trial
        if current:
            lines.append(current)
        return lines or [""]

    def put(self, page: int, x: float, y: float, text: str, style: str) -> None:
        name, _ = self.font(style)
        self.page(page).insert_text((x, y), text, fontname=name, fontsize=_SIZES[style])

    def finish(self, person: Person, running: bool = True) -> bytes:
        pages = len(self.pages)
        for number, page in enumerate((self.doc[i] for i in self.pages), start=1):
            text = footer_text(person, number, pages)
            w = self.regular.text_length(text, fontsize=8)
            page.insert_text(((PAGE_W - w) / 2, PAGE_H - 28), text, fontname="R", fontsize=8)
            if running and number > 1:
                page.insert_text((50, 32), f"{person.name} · {person.email}", fontname="R",
                                 fontsize=8)
        data = self.doc.tobytes(garbage=3, deflate=True)
        self.doc.close()
        return data


class Column:
    """A vertical flow of blocks between x0 and x1, breaking onto new pages."""

    def __init__(self, writer: PdfWriter, x0: float, x1: float, y: float, page: int = 0,
                 date_box: float | None = None, top: float = TOP + 14) -> None:
        self.w, self.x0, self.x1, self.y, self.pg = writer, x0, x1, y, page
        self.date_box = date_box  # narrow right box (points) for right-hand texts that wrap
        self.top = top

    def room(self, height: float) -> None:
        if self.y + height > PAGE_H - BOTTOM:
            self.pg += 1
            self.y = self.top + 10

    def add(self, block: Block) -> None:
        size = _SIZES[block.style]
        lead = size * 1.3
        self.y += block.gap_before
        if block.style == "heading":
            self.room(lead * 3)
            self.y += 8
            self.w.put(self.pg, self.x0, self.y, block.text.upper(), "heading")
            line_y = self.y + 3
            self.w.page(self.pg).draw_line((self.x0, line_y), (self.x1, line_y), width=0.5)
            self.y += lead + 2
            return
        indent = 12 if block.style == "bullet" else 0
        text_width = self.x1 - self.x0 - indent
        right_lines: list[str] = []
        if block.right:
            rw = self.w.width(block.right, "small")
            if self.date_box and rw > self.date_box:
                right_lines = self.w.wrap(block.right, "small", self.date_box)
                text_width -= self.date_box + 8
            else:
                right_lines = [block.right]
                text_width -= rw + 12
        lines = self.w.wrap(block.text, block.style, text_width)
        self.room(lead * max(len(lines), len(right_lines)))
        for n, line in enumerate(lines):
            if block.style == "bullet" and n == 0:
                self.w.put(self.pg, self.x0 + 2, self.y, "•", "body")
            self.w.put(self.pg, self.x0 + indent, self.y + n * lead, line, block.style)
        for n, line in enumerate(right_lines):
            rw = self.w.width(line, "small")
            self.w.put(self.pg, self.x1 - rw, self.y + n * lead, line, "small")
        self.y += lead * max(len(lines), len(right_lines))


def _section(title: str, blocks: list[Block]) -> list[Block]:
    return [Block(title, style="heading"), *blocks] if blocks else []


def main_blocks(person: Person, arrangement: str, style: int) -> list[Block]:
    out = _section("Summary", [Block(person.summary)])
    out += _section("Experience", [b for g in entry_blocks(person, arrangement, style) for b in g])
    return out


def side_blocks(person: Person, style: int) -> list[Block]:
    out = _section("Education", education_blocks(person, style))
    out += _section("Skills", skill_blocks(person, style))
    out += _section("Certifications", cert_blocks(person))
    for title, lines in person.extra.items():
        out += _section(title, [Block(x) for x in lines])
    return out


def pdf_bytes(person: Person, layout: str, arrangement: str, style: int) -> bytes:
    w = PdfWriter()
    if layout == "one-column":
        col = Column(w, 54, PAGE_W - 54, TOP)
        col.add(Block(person.name, style="name"))
        col.add(Block(header_lines(person)[1], style="contact"))
        for block in main_blocks(person, arrangement, style) + side_blocks(person, style):
            col.add(block)
    elif layout == "two-column":
        top = Column(w, 40, PAGE_W - 40, TOP)
        top.add(Block(person.name, style="name"))
        top.add(Block(header_lines(person)[1], style="contact"))
        left = Column(w, 40, 300, top.y + 6, date_box=58)
        right = Column(w, 322, PAGE_W - 40, top.y + 6, date_box=40)
        for block in main_blocks(person, arrangement, style):
            left.add(block)
        for block in side_blocks(person, style):
            right.add(block)
    elif layout == "sidebar":
        side = Column(w, 30, 170, TOP)
        for line in (person.email, person.phone, person.location):
            side.add(Block(line, style="small"))
        for block in side_blocks(person, style):
            side.add(block)
        main = Column(w, 196, PAGE_W - 40, TOP)
        main.add(Block(person.name, style="name"))
        for block in main_blocks(person, arrangement, style):
            main.add(block)
    else:  # table: dates in a left column of every entry
        col = Column(w, 54, PAGE_W - 54, TOP)
        col.add(Block(person.name, style="name"))
        col.add(Block(header_lines(person)[1], style="contact"))
        for block in _section("Summary", [Block(person.summary)]):
            col.add(block)
        col.add(Block("Experience", style="heading"))
        _pdf_table_entries(w, col, person, arrangement, style)
        for block in side_blocks(person, style):
            col.add(block)
    return w.finish(person)


def _pdf_table_entries(w: PdfWriter, col: Column, person: Person, arrangement: str,
                       style: int) -> None:
    """A grid: dates (and place) in a 90-point left cell, the entry in the right cell."""
    for employer in person.employers:
        for n, role in enumerate(employer.roles):
            lines = [Block(f"{role.title} – {role.unit}" if role.unit else role.title,
                           style="strong", gap_before=6)]
            if arrangement != "company-titles" or n == 0:
                lines.append(Block(f"{employer.company}, {employer.location}", style="em"))
            lines += [Block(_clean(b), style="bullet") for b in role.bullets]
            height = sum(_SIZES[b.style] * 1.3 * 2 for b in lines[:2])
            col.room(height)
            left = Column(w, col.x0, col.x0 + 86, col.y + 6, page=col.pg)
            for part in w.wrap(fmt_range(role, style), "small", 86):
                left.add(Block(part, style="small"))
            body = Column(w, col.x0 + 100, col.x1, col.y, page=col.pg)
            for block in lines:
                body.add(block)
            col.pg, col.y = body.pg, max(body.y, left.y if left.pg == body.pg else 0)


# -- DOCX ------------------------------------------------------------------------------------------


def docx_bytes(person: Person, layout: str, arrangement: str, style: int) -> bytes:
    import docx
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Pt

    document = docx.Document()
    section = document.sections[0]
    section.footer.paragraphs[0].text = footer_text(person, 1, 1).rsplit(" — page", 1)[0]
    literal_bullets = style % 2 == 0  # else Word's own numbering (no glyph in the text)

    def para(container: Any, block: Block) -> None:
        text = block.text.upper() if block.style == "heading" else block.text
        if block.style == "bullet" and not literal_bullets:
            p = container.add_paragraph(text, style="List Bullet")
        else:
            p = container.add_paragraph(("• " if block.style == "bullet" else "") + text)
        if block.right:
            p.paragraph_format.tab_stops.add_tab_stop(Pt(460), WD_TAB_ALIGNMENT.RIGHT)
            p.add_run("\t" + block.right)
        if block.style in ("name", "heading", "strong") and p.runs:
            p.runs[0].bold = True
        if block.style == "em" and p.runs:
            p.runs[0].italic = True
        if block.style == "name" and p.runs:
            p.runs[0].font.size = Pt(20)

    def cell_flow(cell: Any, blocks: list[Block]) -> None:
        first = True
        for block in blocks:
            if first:
                cell.paragraphs[0].text = ""
                cell._tc.remove(cell.paragraphs[0]._p)
                first = False
            para(cell, block)

    if layout == "one-column":
        for block in [Block(person.name, style="name"), Block(header_lines(person)[1]),
                      *main_blocks(person, arrangement, style), *side_blocks(person, style)]:
            para(document, block)
    elif layout in ("two-column", "sidebar"):
        if layout == "two-column":
            para(document, Block(person.name, style="name"))
            para(document, Block(header_lines(person)[1]))
        table = document.add_table(rows=1, cols=2)
        main = main_blocks(person, arrangement, style)
        side = side_blocks(person, style)
        if layout == "sidebar":
            contact = [Block(person.email), Block(person.phone), Block(person.location)]
            cell_flow(table.cell(0, 0), [*_section("Contact", contact), *side])
            cell_flow(table.cell(0, 1), [Block(person.name, style="name"), *main])
        else:
            cell_flow(table.cell(0, 0), main)
            cell_flow(table.cell(0, 1), side)
    else:  # table
        for block in [Block(person.name, style="name"), Block(header_lines(person)[1]),
                      *_section("Summary", [Block(person.summary)])]:
            para(document, block)
        para(document, Block("Experience", style="heading"))
        table = document.add_table(rows=0, cols=2)
        for employer in person.employers:
            for n, role in enumerate(employer.roles):
                row = table.add_row()
                cell_flow(row.cells[0], [Block(fmt_range(role, style), style="small")])
                blocks = [Block(f"{role.title} – {role.unit}" if role.unit else role.title,
                                style="strong")]
                if arrangement != "company-titles" or n == 0:
                    blocks.append(Block(f"{employer.company}, {employer.location}", style="em"))
                blocks += [Block(_clean(b), style="bullet") for b in role.bullets]
                cell_flow(row.cells[1], blocks)
        for block in side_blocks(person, style):
            para(document, block)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# -- the corpus ------------------------------------------------------------------------------------


def plan() -> list[tuple[Person, str, str, int]]:
    """(person, layout, arrangement, style) for every resume of the corpus."""
    out = []
    for f, person in enumerate(PEOPLE):
        for n, layout in enumerate(LAYOUTS):
            arrangement = ARRANGEMENTS[(f + n) % len(ARRANGEMENTS)]
            out.append((person, layout, arrangement, f + n))
    return out


def write_corpus(out_dir: Path) -> list[dict[str, Any]]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for person, layout, arrangement, style in plan():
        record = truth(person, layout)
        record["arrangement"] = arrangement
        stem = out_dir / record["id"]
        stem.with_suffix(".pdf").write_bytes(pdf_bytes(person, layout, arrangement, style))
        stem.with_suffix(".docx").write_bytes(docx_bytes(person, layout, arrangement, style))
        stem.with_suffix(".json").write_text(json.dumps(record, indent=1), encoding="utf-8")
        written.append(record)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    try:
        import docx  # noqa: F401
        import pymupdf  # noqa: F401
    except ImportError as exc:
        print(f"missing dependency: {exc.name} (pip install python-docx pymupdf)",
              file=sys.stderr)
        return 2
    records = write_corpus(args.out_dir)
    fields = sorted({r["field"] for r in records})
    if args.json:
        print(json.dumps({"resumes": len(records), "files": 2 * len(records), "fields": fields,
                          "layouts": list(LAYOUTS), "out_dir": str(args.out_dir)}))
    else:
        print(f"{len(records)} resumes ({2 * len(records)} files: PDF and DOCX) over "
              f"{len(fields)} fields x {len(LAYOUTS)} layouts in {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
