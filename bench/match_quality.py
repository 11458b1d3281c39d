"""Match quality: does the match score put first the postings a person would pick?

    python bench/match_quality.py [DATA_DIR] [--json] [--split tune|test|all] [--show N]

DATA_DIR is the bench-data root (default ../shared/bench-data). Two labelled sets, both ranked
by the product's match score and, in the same run, by plain BM25 of the resume text against
each posting (Okapi, k1 1.2, b 0.75, idf over the postings ranked):

- **real**: the public resumes in resumes-ner/dataturks_dev.jsonl against the 1,000 real
  postings of jobs/linkedin_2023_24_sample_1000.catalogue.json (imported as a person would:
  the rows as they are, through the product's validation). Each resume's relevance labels
  come from its own designations (job titles, as annotated): the occupation family of its
  current title (with its other titles breaking a tie). A posting is relevance 2 when its
  title is in that family and shares a role word with the resume's current title, 1 when
  only the family matches, 0 otherwise. Every designation is removed from the text the
  matcher and BM25 see (so neither can win by reading the answer), and the resume is parsed
  by the product's own parser. Resumes whose family no posting has are left out (counted).
- **generated**: resumes and postings written from per-field vocabularies below (12 fields,
  2 roles each; half the postings without a skills list, as imports usually are), with the
  resume's current title left out of its text. Relevance 2 for the same role, 1 the same field.
  What it can tell: whether a field's postings come first (its duties and skills are the
  field's, shared by both roles). Within a field only the title separates 2 from 1, and the
  resume's one title line is an earlier job in the field's *other* role (relevance 1): ranking
  by the person's own titles alone scores nDCG@10 about 0.45 there, so the set rewards a
  matcher that discounts earlier roles, and its 2-versus-1 order says little else.

The family classifier is a fixed table of title words (FAMILIES), the same for every resume
and posting; nothing in it names a resume or a posting of the data.

Figures per set: MRR of the first relevant posting (relevance >= 1), nDCG@10 (gain 2^rel - 1),
and, like a human ranking of a few vacancies per resume, the mean Spearman correlation of the
score with the relevance over 8 postings drawn per resume (2 of relevance 2, 2 of 1, 4 of 0,
seeded), with the number of resumes whose 8 scores are all equal. Ties in a ranking are broken
by one seeded order of the postings, the same for both methods.

Resumes are split by a hash of their text into a tune half and a test half (``--split``): the
weights in domain/matching.py were chosen on the tune half only (see its docstring); report
the test half to see them hold.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

RESUMES = Path("resumes-ner") / "dataturks_dev.jsonl"
POSTINGS = Path("jobs") / "linkedin_2023_24_sample_1000.catalogue.json"

# -- occupation families of a job title (labelling only) ------------------------------------------
# Each family: words or phrases of a title. A title's family is the one with the most (and
# longest) hits; the order breaks ties. Written from general knowledge of job titles.
FAMILIES: dict[str, list[str]] = {
    "testing": ["test", "tester", "testing", "qa", "quality assurance", "sdet", "automation engineer",
                "quality analyst"],
    "data": ["data", "analytics", "machine learning", "data scientist", "bi", "business intelligence",
             "quantitative", "statistician", "etl", "big data", "hadoop", "dba",
             "database administrator"],
    "devops-cloud": ["devops", "cloud", "sre", "site reliability", "infrastructure", "platform engineer",
                     "build and release", "release engineer"],
    "network-support": ["network", "system administrator", "systems administrator", "sysadmin",
                        "it support", "technical support", "tech support", "helpdesk", "help desk",
                        "desktop support", "server support", "support engineer", "noc", "it technician",
                        "network ops", "ccna", "administrator", "production support", "incident manager",
                        "escalation", "service desk"],
    "erp": ["sap", "abap", "peoplesoft", "oracle fusion", "erp", "functional consultant", "finacle",
            "salesforce", "dynamics", "oracle apps"],
    "software": ["software", "developer", "programmer", "java", ".net", "web developer", "full stack",
                 "frontend", "front end", "backend", "back end", "application developer", "sde",
                 "mule", "coding", "python developer", "mobile developer", "android", "ios",
                 "systems engineer", "technical lead", "smts", "member of technical staff",
                 "technology analyst", "software analyst", "app develop", "programming",
                 "system engineer", "technical staff"],
    "security": ["security", "cyber", "infosec", "penetration"],
    "sales": ["sales", "account executive", "business development", "account manager", "inside sales",
              "territory", "sales associate", "sales representative"],
    "marketing": ["marketing", "brand", "social media", "content", "seo", "communications",
                  "public relations", "digital marketing", "copywriter"],
    "finance": ["finance", "financial", "accountant", "accounting", "cpa", "payroll", "accounts receivable",
                "accounts payable", "audit", "auditor", "tax", "bookkeeper", "controller", "underwriting",
                "underwriter", "credit", "banking", "investment"],
    "hr": ["hr", "human resources", "recruiter", "recruiting", "talent", "hris", "people operations"],
    "customer-service": ["customer service", "call center", "customer support", "customer success",
                         "client success", "voice", "bpo", "customer care", "client services",
                         "process executive"],
    "healthcare": ["nurse", "rn", "lpn", "physician", "medical", "clinical", "therapist", "pharmacist",
                   "counselor", "dental", "patient", "health", "caregiver", "physical therapy", "cna"],
    "operations": ["operations", "logistics", "supply chain", "warehouse", "procurement", "purchasing",
                   "inventory", "shipping", "dispatcher", "fleet"],
    "project-management": ["project manager", "program manager", "scrum master", "delivery manager",
                           "project coordinator", "pmo", "product manager", "product owner",
                           "project lead"],
    "engineering": ["mechanical", "electrical", "civil", "design engineer", "project engineer",
                    "manufacturing", "process engineer", "structural", "hvac", "controls engineer",
                    "field engineer", "maintenance"],
    "admin": ["administrative", "receptionist", "office manager", "executive assistant",
              "administrative assistant", "clerk", "secretary", "data entry", "office assistant",
              "typing"],
    "education": ["teacher", "trainer", "instructor", "tutor", "professor", "teaching", "educator",
                  "training"],
    "hospitality-retail": ["restaurant", "retail", "cashier", "store", "hotel", "chef", "cook", "server",
                           "barista", "bartender", "food", "housekeeper", "shift supervisor"],
    "legal": ["lawyer", "attorney", "paralegal", "legal", "counsel", "compliance"],
    "design": ["designer", "graphic", "ux", "ui", "creative", "art director", "illustrator"],
    "trades": ["technician", "installer", "machinist", "electrician", "plumber", "welder", "mechanic",
               "driver", "carpenter", "construction", "operator", "assembler", "laborer"],
}
_FILLER = {"senior", "sr", "junior", "jr", "lead", "principal", "staff", "intern", "trainee", "associate",
           "head", "chief", "i", "ii", "iii", "iv", "l1", "l2", "entry", "level", "mid", "of", "and", "the",
           "a", "an", "for", "in", "at", "with", "to", "full", "time", "part", "remote", "hybrid", "team",
           "member", "specialist", "executive", "officer", "manager", "consultant", "engineer",
           "analyst", "developer", "coordinator", "assistant", "director", "representative"}
# Words of a title that say what the role is; the level, seniority and generic nouns are filler,
# but a generic noun (engineer, analyst) still counts when it is the title's head.
_HEADS = {"engineer", "analyst", "developer", "consultant", "manager", "coordinator", "assistant",
          "director", "specialist", "representative", "administrator", "tester", "designer",
          "architect", "nurse", "accountant", "technician", "recruiter", "teacher", "trainer"}


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9.+#]+", text.lower().replace("/", " "))


def title_family(title: str) -> str | None:
    text = " " + " ".join(_words(title)) + " "
    best, best_score = None, 0.0
    for family, cues in FAMILIES.items():
        score = sum(1 + 0.5 * cue.count(" ") for cue in cues if f" {cue} " in text)
        if score > best_score:
            best, best_score = family, score
    return best


def role_words(title: str) -> set[str]:
    words = [w.rstrip(".") for w in _words(title)]
    core = {w for w in words if w not in _FILLER and len(w) > 1 and not w.isdigit()}
    heads = {w for w in words if w in _HEADS}
    return core | heads


def grade(resume_title: str, resume_family: str, posting_title: str) -> int:
    if title_family(posting_title) != resume_family:
        return 0
    return 2 if role_words(resume_title) & role_words(posting_title) else 1


# -- the real set -------------------------------------------------------------------------------------

def load_real(data: Path) -> tuple[list[dict], list[dict], dict[str, int]]:
    postings = json.loads((data / POSTINGS).read_text(encoding="utf-8"))
    resumes, skipped = [], Counter()
    posting_families = Counter(title_family(p["title"]) for p in postings)
    for line in (data / RESUMES).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = record["content"]
        spans = sorted(
            (point["start"], point["text"].strip())
            for annotation in record["annotation"] if annotation.get("label") == ["Designation"]
            for point in annotation["points"] if point["text"].strip()
        )
        titles = list(dict.fromkeys(t for _, t in spans))
        if not titles:
            skipped["no designation"] += 1
            continue
        family = title_family(titles[0])
        if family is None:  # a vague current title ("Team Member"): the other titles decide
            found = Counter(f for f in map(title_family, titles) if f)
            family = found.most_common(1)[0][0] if found else None
        if family is None:
            skipped["title in no family"] += 1
            continue
        if not posting_families.get(family):
            skipped["no posting in its family"] += 1
            continue
        for title in sorted(titles, key=len, reverse=True):  # the answer, removed from the text
            text = re.sub(re.escape(title), " ", text, flags=re.I)
        resumes.append({"key": hashlib.sha256(record["content"].encode()).hexdigest(),
                        "text": text, "title": titles[0], "family": family})
    return resumes, postings, dict(skipped)


# -- the generated set -------------------------------------------------------------------------------
# Per field: two roles (title variants), the field's skills, duties and requirements. Postings and
# resumes draw from these, with words every field shares mixed in.
FIELDS: dict[str, dict[str, Any]] = {
    "backend": {
        "roles": [["Backend Engineer", "Python Developer", "API Engineer"],
                  ["Java Developer", "Software Engineer, Services", "JVM Engineer"]],
        "skills": ["Python", "Django", "PostgreSQL", "REST APIs", "Docker", "Java", "Spring Boot",
                   "Kafka", "Redis", "Microservices", "SQL", "Git"],
        "duties": ["design and build REST APIs used by the mobile and web apps",
                   "write services that process millions of events a day",
                   "tune slow database queries and add the right indexes",
                   "review pull requests and keep the test suite fast",
                   "own the payment service from design to production",
                   "move the monolith to services behind a message queue"],
    },
    "frontend": {
        "roles": [["Frontend Engineer", "React Developer", "UI Engineer"],
                  ["Web Developer", "JavaScript Developer", "Front-End Developer"]],
        "skills": ["JavaScript", "TypeScript", "React", "CSS", "HTML", "Redux", "Webpack", "Jest",
                   "Accessibility", "Next.js", "Figma", "Git"],
        "duties": ["build responsive pages from the designers' mock-ups",
                   "make the checkout flow accessible to screen readers",
                   "cut the bundle size and the time to first paint",
                   "write component tests and visual regression tests",
                   "work with designers on a shared component library",
                   "move the old jQuery pages to React"],
    },
    "data": {
        "roles": [["Data Engineer", "ETL Developer", "Big Data Engineer"],
                  ["Data Scientist", "Machine Learning Engineer", "Data Analyst"]],
        "skills": ["Python", "SQL", "Apache Spark", "Airflow", "pandas", "scikit-learn", "Tableau",
                   "Hadoop", "Statistics", "Machine Learning", "Snowflake", "dbt"],
        "duties": ["build pipelines that load sales data into the warehouse every night",
                   "train and evaluate churn prediction models",
                   "build dashboards the finance team reads every week",
                   "clean and join messy data from a dozen sources",
                   "run A/B test analyses and explain the results to product managers",
                   "model the data warehouse so analysts can query it"],
    },
    "devops": {
        "roles": [["DevOps Engineer", "Site Reliability Engineer", "Platform Engineer"],
                  ["Cloud Engineer", "Infrastructure Engineer", "AWS Engineer"]],
        "skills": ["AWS", "Kubernetes", "Terraform", "Docker", "Linux", "Jenkins", "Prometheus",
                   "Ansible", "CI/CD", "Bash", "Azure", "Grafana"],
        "duties": ["run the Kubernetes clusters that host every service",
                   "write Terraform for networks, databases and queues",
                   "keep deployments boring with a CI/CD pipeline",
                   "be on call and write blameless postmortems",
                   "cut the cloud bill by right-sizing instances",
                   "set up monitoring and alerting for the platform"],
    },
    "testing": {
        "roles": [["QA Engineer", "Test Engineer", "Software Tester"],
                  ["Test Automation Engineer", "SDET", "QA Automation Engineer"]],
        "skills": ["Selenium", "Manual Testing", "Test Cases", "JIRA", "Regression Testing",
                   "API Testing", "Postman", "Cucumber", "TestNG", "Java", "Agile", "SQL"],
        "duties": ["write and run test cases for every release",
                   "automate regression suites with Selenium",
                   "file clear bug reports and follow them to a fix",
                   "test APIs with Postman and automated checks",
                   "plan testing for each sprint with developers",
                   "keep the automated test suite reliable"],
    },
    "network": {
        "roles": [["Network Engineer", "Network Administrator", "NOC Engineer"],
                  ["IT Support Engineer", "System Administrator", "Desktop Support Technician"]],
        "skills": ["Cisco", "Routing", "Switching", "Firewalls", "TCP/IP", "Windows Server",
                   "Active Directory", "Linux", "VPN", "Troubleshooting", "DNS", "ITIL"],
        "duties": ["configure routers, switches and firewalls across three sites",
                   "troubleshoot connectivity problems for users",
                   "manage user accounts in Active Directory",
                   "patch and back up Windows and Linux servers",
                   "answer support tickets within the agreed time",
                   "document the network and the recovery plan"],
    },
    "sales": {
        "roles": [["Account Executive", "Sales Representative", "Inside Sales Representative"],
                  ["Business Development Manager", "Sales Manager", "Key Account Manager"]],
        "skills": ["Salesforce", "Negotiation", "Lead Generation", "Cold Calling", "CRM",
                   "Pipeline Management", "B2B Sales", "Forecasting", "Prospecting",
                   "Account Management", "Communication", "Presentation"],
        "duties": ["meet and beat a quarterly revenue quota",
                   "prospect new accounts by phone and email",
                   "negotiate contracts and close deals",
                   "keep the pipeline up to date in Salesforce",
                   "grow revenue from existing key accounts",
                   "present the product to buyers and their teams"],
    },
    "marketing": {
        "roles": [["Marketing Manager", "Digital Marketing Specialist", "Growth Marketer"],
                  ["Content Marketing Manager", "Social Media Manager", "Brand Manager"]],
        "skills": ["SEO", "Google Analytics", "Content Marketing", "Social Media", "Email Marketing",
                   "Copywriting", "Google Ads", "HubSpot", "Brand Strategy", "Market Research",
                   "Campaign Management", "Adobe Photoshop"],
        "duties": ["plan and run paid campaigns on search and social",
                   "write blog posts, newsletters and landing pages",
                   "grow organic traffic through SEO",
                   "report campaign results with Google Analytics",
                   "manage the brand's social media channels",
                   "work with sales on lead generation campaigns"],
    },
    "finance": {
        "roles": [["Accountant", "Staff Accountant", "Accounts Payable Specialist"],
                  ["Financial Analyst", "FP&A Analyst", "Finance Analyst"]],
        "skills": ["Excel", "Financial Modeling", "Budgeting", "Forecasting", "GAAP", "QuickBooks",
                   "Reconciliation", "Accounts Payable", "Financial Reporting", "SAP", "Audit",
                   "Variance Analysis"],
        "duties": ["close the books each month and reconcile accounts",
                   "build the annual budget and monthly forecasts",
                   "prepare financial statements under GAAP",
                   "analyse variances against budget for managers",
                   "process invoices and vendor payments",
                   "support the external audit"],
    },
    "hr": {
        "roles": [["HR Generalist", "Human Resources Specialist", "HR Business Partner"],
                  ["Recruiter", "Talent Acquisition Specialist", "Technical Recruiter"]],
        "skills": ["Recruiting", "Onboarding", "Employee Relations", "HRIS", "Payroll",
                   "Interviewing", "Workday", "Compensation", "Benefits Administration",
                   "Labor Law", "Sourcing", "Communication"],
        "duties": ["run the hiring process from job post to offer",
                   "onboard new employees and answer their questions",
                   "handle employee relations cases fairly",
                   "source candidates on LinkedIn and at events",
                   "administer benefits and payroll changes",
                   "keep HR records accurate in the HRIS"],
    },
    "nursing": {
        "roles": [["Registered Nurse", "Staff Nurse", "ICU Nurse"],
                  ["Medical Assistant", "Clinical Assistant", "Patient Care Technician"]],
        "skills": ["Patient Care", "BLS", "ACLS", "Electronic Health Records", "Medication Administration",
                   "Vital Signs", "Phlebotomy", "Infection Control", "Triage", "Epic",
                   "Care Planning", "Communication"],
        "duties": ["assess patients and carry out their care plans",
                   "give medications and record them in Epic",
                   "take vital signs and draw blood",
                   "educate patients and families before discharge",
                   "work with physicians in a busy unit",
                   "keep infection control standards on every shift"],
    },
    "customer-service": {
        "roles": [["Customer Service Representative", "Call Center Agent", "Customer Support Specialist"],
                  ["Customer Success Manager", "Client Success Manager", "Customer Success Specialist"]],
        "skills": ["Customer Service", "Zendesk", "Communication", "Problem Solving", "CRM",
                   "Call Handling", "Conflict Resolution", "Onboarding", "Account Management",
                   "Empathy", "Ticketing", "Upselling"],
        "duties": ["answer customer calls, chats and emails",
                   "resolve complaints on the first contact",
                   "onboard new customers and check in on their goals",
                   "log every case in the ticketing system",
                   "find customers at risk of leaving and help them",
                   "meet response time and satisfaction targets"],
    },
}
SHARED = ["work with a friendly, growing team", "communicate clearly with colleagues",
          "a good attitude and willingness to learn", "strong communication skills",
          "we offer health insurance and paid time off", "experience with Microsoft Office",
          "attention to detail and good organisation", "work in a fast-paced environment"]
CITIES = ["Austin, TX", "London, United Kingdom", "Berlin, Germany", "Toronto, Canada", "Remote",
          "Chicago, IL", "Madrid, Spain", "Sydney, Australia"]


def generate(seed: int = 5) -> tuple[list[dict], list[dict]]:
    rng = random.Random(seed)
    postings, resumes = [], []
    for field, spec in FIELDS.items():
        for role_index, titles in enumerate(spec["roles"]):
            role = f"{field}/{role_index}"
            for n in range(6):
                title = rng.choice(["", "", "Senior ", "Junior ", "Lead "]) + rng.choice(titles)
                duties = rng.sample(spec["duties"], 4)
                skills = rng.sample(spec["skills"], 5)
                description = (f"We are hiring a {title} to {duties[0]}. You will {duties[1]} and "
                               f"{duties[2]}. " + " ".join(s.capitalize() + "." for s in rng.sample(SHARED, 3))
                               + f" Our stack: {', '.join(skills[:3])}.")
                postings.append({
                    "id": f"gen-{role}-{n}", "title": title, "company": f"Company {rng.randrange(999)}",
                    "description": description,
                    "requirements": [f"Experience with {skills[3]}", f"Able to {duties[3]}",
                                     rng.choice(SHARED).capitalize()],
                    "skills_required": skills if n % 2 else [],
                    "location": rng.choice(CITIES), "experience_level": None,
                    "_role": role, "_field": field,
                })
            for n in range(4):
                other = rng.choice(spec["roles"][1 - role_index])  # an earlier, related title
                years = rng.randint(2, 12)
                skills = rng.sample(spec["skills"], 6) + rng.sample(["Communication", "Teamwork",
                                                                      "Microsoft Office", "Leadership"], 2)
                duties = rng.sample(spec["duties"], 4)
                text = "\n".join([
                    f"Alex Example {n}", f"{rng.choice(CITIES)} · alex{n}@example.com", "",
                    "SUMMARY", f"{years} years of experience. I like to {duties[0]}.", "",
                    "EXPERIENCE", "Current Employer Ltd",
                    f"{2025 - min(years, 3)} - present",
                    f"• {duties[1].capitalize()}", f"• {duties[2].capitalize()}", "",
                    other, "Earlier Employer Inc", f"{2025 - years} - {2025 - min(years, 3)}",
                    f"• {duties[3].capitalize()}", f"• {rng.choice(SHARED).capitalize()}", "",
                    "EDUCATION", "BSc, State University", "",
                    "SKILLS", ", ".join(skills),
                ])
                resumes.append({"key": hashlib.sha256(text.encode()).hexdigest(), "text": text,
                                "role": role, "field": field})
    return resumes, postings


def generated_grade(resume: dict, posting: dict) -> int:
    if posting["_role"] == resume["role"]:
        return 2
    return 1 if posting["_field"] == resume["field"] else 0


# -- the two rankers ----------------------------------------------------------------------------------

def bm25_scores(query: str, documents: list[list[str]], stats: tuple[dict[str, float], float],
                k1: float = 1.2, b: float = 0.75) -> list[float]:
    idf, average = stats
    terms = re.findall(r"[a-z0-9]+", query.lower())
    scores = []
    for doc in documents:
        counts = Counter(doc)
        norm = k1 * (1 - b + b * len(doc) / average)
        scores.append(sum(idf.get(t, 0.0) * counts[t] * (k1 + 1) / (counts[t] + norm)
                          for t in terms if t in counts))
    return scores


def bm25_stats(documents: list[list[str]]) -> tuple[dict[str, float], float]:
    df = Counter(t for doc in documents for t in set(doc))
    n = len(documents)
    idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
    return idf, sum(map(len, documents)) / max(1, n)


def posting_text(row: dict) -> str:
    return " ".join([row.get("title") or "", row.get("description") or "",
                     " ".join(row.get("requirements") or []), " ".join(row.get("skills_required") or [])])


def candidate(text: str) -> Any:
    """The resume as the product sees an upload of this text."""
    from mock_interview.domain.resume.parser import parse_resume
    from mock_interview.services import jobs

    data = parse_resume(text).to_json()
    resume = SimpleNamespace(skills=data["skills"], experience=data["experience"],
                             total_years_experience=data["total_years_experience"],
                             contact=data["contact"], extracted_text=text, sections=data["sections"])
    return jobs.candidate_for(resume)


def importable(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    """The rows an import with --skip-invalid keeps, and each as the product stores it."""
    from mock_interview.services import jobs

    kept, stored = [], []
    for row in rows:
        record, errors = jobs.record_for_row({k: v for k, v in row.items() if not k.startswith("_")})
        if not errors:
            kept.append(row)
            stored.append(record.to_row())
    return kept, stored


def term_stats(stored: list[dict]) -> Any:
    """The catalogue's term statistics, as services.jobs.refresh_term_stats counts them (every
    posting here: fewer than its 2,000-posting sample)."""
    from mock_interview.domain.matching import TermStats, posting_text, terms

    df: Counter[str] = Counter()
    for row in stored:
        df.update(terms(posting_text(row)).keys())
    return TermStats(len(stored), {t: n for t, n in df.items() if n > 1})


# -- metrics ---------------------------------------------------------------------------------------------

def _ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2
        i = j + 1
    return ranks


def spearman(x: list[float], y: list[float]) -> float | None:
    if len(set(x)) < 2 or len(set(y)) < 2:
        return None
    rx, ry = _ranks(x), _ranks(y)
    mx, my = statistics.fmean(rx), statistics.fmean(ry)
    num = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    den = math.sqrt(sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry))
    return num / den if den else None


def evaluate(scores: list[float], grades: list[int], tiebreak: list[int], rng: random.Random) -> dict:
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], tiebreak[i]))
    first = next((r for r, i in enumerate(order, 1) if grades[i] > 0), None)
    dcg = sum((2 ** grades[i] - 1) / math.log2(r + 1) for r, i in enumerate(order[:10], 1))
    ideal = sorted(grades, reverse=True)[:10]
    idcg = sum((2 ** g - 1) / math.log2(r + 1) for r, g in enumerate(ideal, 1))
    by_grade = {g: [i for i, v in enumerate(grades) if v == g] for g in (0, 1, 2)}
    drawn = []
    for g, k in ((2, 2), (1, 2), (0, 4)):
        pool = by_grade[g]
        drawn += rng.sample(pool, min(k, len(pool)))
    few = [scores[i] for i in drawn]
    return {"rr": 1 / first if first else 0.0, "ndcg": dcg / idcg if idcg else 0.0,
            "rho": spearman(few, [grades[i] for i in drawn]), "tied": len(set(few)) == 1}


def run_set(name: str, resumes: list[dict], rows: list[dict], grade_of, split: str,
            show: int = 0) -> dict:
    from mock_interview.domain.matching import match_jobs
    from mock_interview.services.jobs import skill_functions

    _, related = skill_functions()
    rows, stored = importable(rows)
    catalogue_terms = term_stats(stored)
    documents = [re.findall(r"[a-z0-9]+", posting_text(r).lower()) for r in rows]
    stats = bm25_stats(documents)
    tiebreak = list(range(len(rows)))
    random.Random(3).shuffle(tiebreak)
    chosen = [r for r in resumes if split == "all"
              or (int(r["key"][:8], 16) % 2 == 0) == (split == "tune")]
    results: dict[str, list[dict]] = {"match": [], "bm25": []}
    started = time.perf_counter()
    for number, resume in enumerate(chosen):
        grades = [grade_of(resume, row) for row in rows]
        if not any(grades):
            continue
        seed = int(resume["key"][:8], 16)
        person = candidate(resume["text"])
        match_scores = [float(m.score) for m in match_jobs(person, stored, related, catalogue_terms)]
        for method, scores in (("match", match_scores),
                               ("bm25", bm25_scores(resume["text"], documents, stats))):
            results[method].append(evaluate(scores, grades, tiebreak, random.Random(seed)))
        if number < show:
            top = sorted(range(len(rows)), key=lambda i: -match_scores[i])[:5]
            print(f"[{name}] {resume.get('title') or resume.get('role')}: "
                  + "; ".join(f"{rows[i]['title']} {match_scores[i]:.0f} (rel {grades[i]})" for i in top),
                  file=sys.stderr)
    seconds = time.perf_counter() - started
    summary: dict[str, Any] = {"resumes": len(results["match"]), "postings": len(rows),
                               "seconds": round(seconds, 1)}
    for method, items in results.items():
        rhos = [i["rho"] for i in items]
        summary[method] = {
            "mrr": round(statistics.fmean(i["rr"] for i in items), 3) if items else None,
            "ndcg10": round(statistics.fmean(i["ndcg"] for i in items), 3) if items else None,
            "spearman8": round(statistics.fmean(r if r is not None else 0.0 for r in rhos), 3)
            if items else None,
            "all_tied": sum(i["tied"] for i in items),
        }
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=ROOT.parent / "shared" / "bench-data")
    parser.add_argument("--split", choices=("tune", "test", "all"), default="all")
    parser.add_argument("--sets", default="real,generated")
    parser.add_argument("--show", type=int, default=0, help="print the top 5 for the first N resumes")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    sets = args.sets.split(",")
    figures: dict[str, Any] = {"split": args.split}
    if "real" in sets:
        if not (args.data / RESUMES).exists() or not (args.data / POSTINGS).exists():
            sys.exit(f"error: {args.data / RESUMES} or {args.data / POSTINGS} not found "
                     "(give the bench-data folder)")
        resumes, postings, skipped = load_real(args.data)

        def real_grade(resume: dict, row: dict) -> int:
            return grade(resume["title"], resume["family"], row["title"])

        figures["real"] = run_set("real", resumes, postings, real_grade, args.split, args.show)
        figures["real"]["resumes_left_out"] = skipped
    if "generated" in sets:
        resumes, postings = generate()
        figures["generated"] = run_set("generated", resumes, postings, generated_grade, args.split,
                                       args.show)
    if args.json:
        print(json.dumps({"json_version": 1, **figures}, indent=2))
        return 0
    print(f"split: {args.split}; MRR and nDCG@10 over each set's postings; Spearman over 8 per resume\n")
    header = f"{'set':<11}{'method':<8}{'resumes':>8}{'MRR':>8}{'nDCG@10':>9}{'Spearman':>10}{'all tied':>10}"
    print(header)
    print("-" * len(header))
    for name in ("real", "generated"):
        if name not in figures:
            continue
        f = figures[name]
        for method in ("match", "bm25"):
            m = f[method]
            print(f"{name:<11}{method:<8}{f['resumes']:>8}{m['mrr']:>8}{m['ndcg10']:>9}"
                  f"{m['spearman8']:>10}{m['all_tied']:>10}")
    if "real" in figures:
        print(f"\nreal: {figures['real']['postings']} postings; resumes left out: "
              f"{figures['real']['resumes_left_out']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
