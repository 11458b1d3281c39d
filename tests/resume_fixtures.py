"""Parsed resumes across fields (as the parser stores them) and TXT resumes for end-to-end tests.

Each parsed resume is a dict with the keys ResumeFacts.from_parsed reads: skills, experience,
education, sections, total_years_experience. They are deliberately untidy where real resumes
are: units in titles, dates and trailing full stops in bullets, competition lines in projects.
"""

from __future__ import annotations


def _skills(*names):
    return [{"name": n} for n in names]


def _job(title, company, start, end, bullets=(), unit=None, employment="full-time", current=False):
    return {"title": title, "company": company, "start": start, "end": end, "current": current,
            "bullets": list(bullets), "unit": unit, "employment": employment}


PARSED = {
    "icu-nurse": {
        "skills": _skills("Patient Care", "Medication Administration", "IV Therapy", "Sepsis Management",
                          "Epic EHR", "Ventilator Management", "Communication"),
        "experience": [
            _job("Registered Nurse", "St Aldric Hospital", "2019-03", None, [
                "Cared for 2–3 critically ill patients per shift, including ventilated patients.",
                "Reduced central line infections on the unit by 38% by leading a bundle audit, 2022.",
                "Precepted 12 newly qualified nurses through their first 12 weeks."],
                unit="Medical/Surgical ICU", current=True),
            _job("Staff Nurse – General Medicine", "Fenwick General Hospital, York", "2016-09", "2019-02", [
                "Managed medication administration for a 28-bed ward on night shifts.",
                "Introduced a handover checklist that cut missed observations by 25%."]),
        ],
        "education": [{"degree": "BSc", "field": "Hons", "institution": "University of Leeds", "year": 2016}],
        "sections": {"certifications": "Advanced Life Support (ALS), Resuscitation Council UK, 2021\n"
                                       "Basic Life Support (BLS), 2023"},
        "total_years_experience": 8.7,
    },
    "nurse-with-break": {
        "skills": _skills("Patient Care", "Wound Care", "Patient Education"),
        "experience": [
            _job("Staff Nurse", "Kilbarra Health", "2022-01", None, [
                "Run discharge planning for a 24-bed surgical ward"], current=True),
            _job("Community Nurse", "Riverside Trust", "2015-06", "2019-04", [
                "Visited 8–10 patients a day for wound care and medication reviews."]),
        ],
        "education": [{"degree": "Diploma in Adult Nursing", "institution": "Cardiff University"}],
        "sections": {}, "total_years_experience": 6.8,
    },
    "senior-accountant": {
        "skills": _skills("Month-End Close", "Account Reconciliation", "IFRS", "Excel", "Journal Entries", "SAP"),
        "experience": [
            _job("Senior Accountant", "Brickfield Ltd", "2020-01", None, [
                "Shortened the month-end close from 10 to 6 working days.",
                "Led IFRS 16 lease implementation across 4 entities (2021 – 2022)",
                "Responsible for intercompany reconciliations;"], current=True),
            _job("Staff Accountant", "Moss & Lane LLP", "2017-07", "2019-12", [
                "Prepared VAT returns and fixed asset registers"]),
        ],
        "education": [{"degree": "BA", "field": "Accounting and Finance", "institution": "University of Bristol"}],
        "sections": {"certifications": "ACCA Qualified, 2019"}, "total_years_experience": 7.5,
    },
    "teacher-to-pm": {
        "skills": _skills("Curriculum Design", "Classroom Management", "Excel", "Jira", "User Research",
                          "Communication"),
        "experience": [
            _job("Year 9 Science Teacher", "Northgate Academy", "2017-09", None, [
                "Designed a new Year 9 science curriculum adopted across the department, raising pass rates from 61% to 78%.",
                "Ran weekly parent feedback sessions and turned them into 3 changes to homework policy."],
                current=True),
        ],
        "education": [{"degree": "PGCE", "field": "Secondary Science", "institution": "University of Nottingham"}],
        "sections": {"projects": "Homework tracker app prototype (Figma) – tested with 40 students\n"
                                 "Product management course capstone: school lunch pre-ordering"},
        "total_years_experience": 7.2,
    },
    "new-grad-marketer": {
        "skills": _skills("Google Analytics", "Canva", "Social Media Marketing", "Excel", "Teamwork"),
        "experience": [
            _job("Marketing Intern", "Wattle & Rye", "2024-06", "2024-08", [
                "Wrote 12 blog posts that brought in 3,000 visits in the first month",
                "Helped plan the summer email campaign."], employment="internship"),
            _job("Student Ambassador", "UT Austin", "2022-09", "2024-05", [], employment="student"),
        ],
        "education": [{"degree": "BBA", "field": "Marketing", "institution": "University of Texas at Austin", "year": 2025}],
        "sections": {"projects": "Case competition finalist, UT Marketing Case Challenge 2024.\n"
                                 "Brand audit of a local coffee chain",
                     "coursework": "Relevant coursework: Consumer Behaviour, Marketing Analytics, Brand Strategy"},
        "total_years_experience": 0.3,
    },
    "data-engineer": {
        "skills": _skills("Python", "Spark", "Kafka", "Airflow", "SQL", "AWS", "dbt"),
        "experience": [
            _job("Senior Data Engineer", "Harbourline", "2021-04", None, [
                "Cut infrastructure cost by 38% by moving batch jobs to spot instances.",
                "Built a streaming pipeline in Kafka and Spark processing 2M events per hour"], current=True),
            _job("Data Engineer", "Quillmere", "2018-02", "2021-03", [
                "Migrated 40 Airflow DAGs to dbt models"]),
        ],
        "education": [{"degree": "MSc", "field": "Computer Science", "institution": "Imperial College London"}],
        "sections": {"projects": "Open-source Kafka lag exporter\nHome energy dashboard (Grafana, InfluxDB)"},
        "total_years_experience": 7.0,
    },
    "account-executive": {
        "skills": _skills("Salesforce", "Negotiation", "Pipeline Management", "Cold Calling", "MEDDIC"),
        "experience": [
            _job("Account Executive", "Ledgerwick", "2023-02", None, [
                "Closed $1.2M in new ARR in FY2023, 130% of quota.",
                "Built a partner referral channel that sourced 25% of pipeline"], current=True),
            _job("Sales Development Representative", "Oxenford", "2022-03", "2022-11", [
                "Booked 45 qualified meetings a quarter"]),
            _job("SDR", "Tarnbrook", "2021-05", "2022-01", []),
        ],
        "education": [{"degree": "BA", "field": "Economics", "institution": "University of Manchester"}],
        "sections": {}, "total_years_experience": 4.4,
    },
    "support-specialist": {
        "skills": _skills("Zendesk", "Customer Support", "Jira", "SQL", "Empathy"),
        "experience": [
            _job("Customer Support Specialist", "Shiftmoor", "2021-01", None, [
                "Kept CSAT above 95% while handling 60 tickets a day",
                "Wrote 30 help-centre articles that cut repeat tickets by 15%."], current=True),
            _job("Retail Assistant", "Harbour Books", "2018-05", "2020-06", []),
        ],
        "education": [], "sections": {}, "total_years_experience": 6.0,
    },
    "backend-developer": {
        "skills": _skills("Python", "Django", "PostgreSQL", "Docker", "Redis", "Git", "REST APIs"),
        "experience": [
            _job("Backend Developer", "Harbor Freight Tech", "2021-03", None, [
                "Cut checkout API latency by 40% by adding Redis caching",
                "Led the migration of 12 services to Docker"], current=True),
            _job("Junior Developer", "Moss & Lane", "2019-01", "2021-02", [
                "Built internal reporting tools in Django"]),
        ],
        "education": [{"degree": "BSc", "field": "Computer Science", "institution": "University of Leeds"}],
        "sections": {"projects": "Open-source rate limiter for Django\nHome energy dashboard"},
        "total_years_experience": 5.8,
    },
    "data-scientist": {
        "skills": _skills("Python", "Machine Learning", "scikit-learn", "SQL", "Statistics", "A/B Testing"),
        "experience": [
            _job("Data Scientist", "Kestrelgate", "2020-09", None, [
                "Improved demand forecast accuracy by 12 points with gradient boosting",
                "Designed A/B tests for pricing changes across 3 markets"], current=True),
        ],
        "education": [{"degree": "PhD", "field": "Statistics", "institution": "University of Edinburgh"}],
        "sections": {"projects": "Customer churn model – predicted churn with 0.82 AUC"},
        "total_years_experience": 5.1,
    },
    "ux-designer": {
        "skills": _skills("Figma", "User Research", "Prototyping", "Accessibility", "Design Systems"),
        "experience": [
            _job("Senior UX Designer", "Lumenhall", "2020-05", None, [
                "Redesigned the clinician dashboard, cutting task time by 30%",
                "Ran 25 usability sessions with nurses and doctors"], current=True),
            _job("UI Designer", "Wildmint", "2018-01", "2020-04", []),
        ],
        "education": [{"degree": "BA", "field": "Graphic Design", "institution": "Glasgow School of Art"}],
        "sections": {"projects": "Smart Parking App (React Native) – 2023"}, "total_years_experience": 7.3,
    },
    "recruiter": {
        "skills": _skills("Recruiting", "Applicant Tracking Systems", "Employee Relations", "Interviewing"),
        "experience": [
            _job("Talent Acquisition Partner", "Pebblewick", "2019-10", None, [
                "Hired 85 engineers in 18 months with a 92% offer acceptance rate"], current=True),
        ],
        "education": [{"degree": "BA", "field": "Psychology", "institution": "University of Sussex"}],
        "sections": {"certifications": "CIPD Level 5 Associate Diploma"}, "total_years_experience": 5.2,
    },
    "operations-manager": {
        "skills": _skills("Lean", "Six Sigma", "Supply Chain Management", "Excel", "SAP", "Leadership"),
        "experience": [
            _job("Operations Manager – Fulfilment Centre", "Pebblewick", "2018-03", None, [
                "Raised pick rate by 22% by re-slotting fast movers",
                "Managed a team of 40 across two shifts"], current=True),
        ],
        "education": [{"degree": "BEng", "field": "Industrial Engineering", "institution": "University of Sheffield"}],
        "sections": {"certifications": "Lean Six Sigma Green Belt, 2020"}, "total_years_experience": 8.0,
    },
    "project-manager": {
        "skills": _skills("Project Management", "Agile", "Risk Management", "MS Project", "Stakeholder Management"),
        "experience": [
            _job("Technical Project Manager", "Grenmoor", "2019-06", None, [
                "Delivered a £2M ERP rollout on time across 5 sites"], current=True),
        ],
        "education": [], "sections": {"certifications": "PMP\nPRINCE2 Practitioner"},
        "total_years_experience": 6.0,
    },
    "fpa-analyst": {
        "skills": _skills("Financial Modeling", "Excel", "Forecasting", "Budgeting", "Power BI"),
        "experience": [
            _job("Financial Analyst", "Thimbleoak", "2021-08", None, [
                "Built the rolling forecast model used by the CFO for monthly reviews",
                "Found $400k of duplicate vendor spend"], current=True),
        ],
        "education": [{"degree": "BSc", "field": "Economics", "institution": "London School of Economics"}],
        "sections": {}, "total_years_experience": 3.4,
    },
    "qa-engineer": {
        "skills": _skills("Selenium", "Playwright", "Java", "Test Automation", "CI/CD"),
        "experience": [
            _job("QA Automation Engineer", "Thistlecombe", "2020-02", None, [
                "Cut regression time from 2 days to 3 hours with parallel Playwright runs"], current=True),
        ],
        "education": [], "sections": {}, "total_years_experience": 5.0,
    },
    "security-analyst": {
        "skills": _skills("SIEM", "Splunk", "Incident Response", "Linux", "Python"),
        "experience": [
            _job("SOC Analyst", "Sentinelle", "2022-03", None, [
                "Triaged 50+ alerts a shift and tuned rules that cut false positives by 35%"], current=True),
        ],
        "education": [{"degree": "BSc", "field": "Cyber Security", "institution": "Abertay University"}],
        "sections": {"certifications": "CompTIA Security+ (2022)"}, "total_years_experience": 2.9,
    },
    "army-to-operations": {
        "skills": _skills("Logistics", "Leadership", "Planning", "Excel"),
        "experience": [
            _job("Sergeant, Royal Logistic Corps", "British Army", "2012-01", "2023-06", [
                "Led a 30-person logistics troop supplying 3 forward bases"]),
        ],
        "education": [], "sections": {}, "total_years_experience": 11.4,
    },
    "new-grad-cs": {
        "skills": _skills("Python", "Java", "Git", "React"),
        "experience": [
            _job("Software Engineering Intern", "Cedarwake", "2024-06", "2024-09", [
                "Shipped a feature flag dashboard used by 5 teams"], employment="internship"),
        ],
        "education": [{"degree": "BSc", "field": "Computer Science", "institution": "University of Warwick", "year": 2025}],
        "sections": {"activities": "Winner – HackWarwick 2023 hackathon\nPresident, University Chess Society"},
        "total_years_experience": 0.3,
    },
    "sparse": {
        "skills": _skills("Communication", "Teamwork"),
        "experience": [_job("MANAGER", None, None, None, [])],
        "education": [], "sections": {}, "total_years_experience": None,
    },
    "messy": {
        "skills": _skills("Excel", "Bookkeeping", "Xero"),
        "experience": [
            _job("BOOKKEEPER (PART-TIME)", "Thistlecombe Ltd., Bath", "2020", "2024", [
                "• Reconciled 6 bank accounts weekly (2020 – 2024).",
                "Strong attention to detail",
                "Processing invoices, payroll and VAT;",
                "Reduced late supplier payments by 50 percent in 2022.."]),
            _job("Receptionist", "Bath Dental", "2019-01", "2019-07", ["Answered phones"]),
        ],
        "education": [{"degree": "AAT Level 3", "institution": "Bath College"}],
        "sections": {"projects": "2023\n- Moved the firm from paper to Xero -"}, "total_years_experience": 4.6,
    },
}

NURSE_TXT = """Maria Okafor
maria.okafor@example.com | +44 7700 900123 | Leeds, UK

SUMMARY
Registered nurse with eight years at the bedside in medical/surgical intensive care.

EXPERIENCE
Registered Nurse – Medical/Surgical ICU
St Aldric Hospital, Leeds | Mar 2019 – Present
• Cared for 2–3 critically ill patients per shift, including ventilated and post-operative patients.
• Reduced central line infections on the unit by 38% by leading a bundle audit, 2022.
• Precepted 12 newly qualified nurses through their first 12 weeks.

Staff Nurse – General Medicine
Fenwick General Hospital, York | Sep 2016 – Feb 2019
• Managed medication administration for a 28-bed ward on night shifts.
• Introduced a handover checklist that cut missed observations by 25%.

EDUCATION
BSc (Hons) Nursing, University of Leeds, 2012 – 2016

CERTIFICATIONS
Advanced Life Support (ALS), Resuscitation Council UK, 2021
Basic Life Support (BLS), 2023

SKILLS
Patient Care, Medication Administration, IV Therapy, Wound Care, Sepsis Management, Epic EHR, Ventilator Management, Communication
"""
