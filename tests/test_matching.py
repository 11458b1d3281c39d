"""Matching: the resume you mean (--resume on search-jobs, jobs show, interview), match order,
headers that name the resume and the job, and a score that reads the whole posting."""

from __future__ import annotations

import json

import pytest

from mock_interview.domain.matching import CandidateProfile, match_job, match_jobs
from mock_interview.errors import ExitCode

NURSE_CV = """Robin Quill
Leeds, United Kingdom · robin.quill@example.org

EXPERIENCE
Ward Nurse
St Elsewhere Hospital
March 2016 - present
• Assessed patients, gave medications and kept care plans on the electronic health record
• Triage in a busy emergency department; infection control lead for the ward

EDUCATION
BSc Nursing, University of Leeds, 2015

SKILLS
Patient Care, Medication Administration, Triage, Infection Control, BLS
"""

DEVELOPER_CV = """Sam Ortega
Lisbon, Portugal · sam.ortega@example.org

EXPERIENCE
Software Developer
Tilewright Labs
January 2018 - present
• Built REST APIs in Python and Django backed by PostgreSQL
• Ran the services in Docker on Kubernetes with a CI/CD pipeline

EDUCATION
BSc Computer Science, University of Porto, 2017

SKILLS
Python, Django, PostgreSQL, Docker, Kubernetes, REST APIs
"""


def posting(title: str, slug: str, **extra) -> dict:
    return {"title": title, "company": extra.pop("company", "Quillfeather"), "slug": slug,
            "description": extra.pop("description", ""), "location": extra.pop("location", "Remote"),
            "remote": extra.pop("remote", "remote"), **extra}


ROWS = [
    posting("Staff Nurse", "m-nurse", company="Hollowmere Health",
            description="Care for patients on a surgical ward: assessments, medications, care plans "
                        "and infection control, with triage in the emergency department."),
    posting("Backend Developer", "m-backend", company="Thimbleoak",
            description="Build REST APIs with Python and Django on PostgreSQL; deploy with Docker "
                        "and Kubernetes."),
    posting("Pastry Chef", "m-chef", company="Crumbhall",
            description="Bake breads, pastries and cakes for a busy hotel kitchen."),
]


@pytest.fixture
def two_resumes(cli, tmp_path, database_url):
    """A catalogue of three postings and a profile with two uploaded resumes (nurse, then
    developer: the developer's is the latest)."""
    catalogue = tmp_path / "m.json"
    catalogue.write_text(json.dumps(ROWS), encoding="utf-8")
    assert cli("--db", database_url, "jobs", "import", str(catalogue)).exit_code == 0
    assert cli("--db", database_url, "register", "-n", "Robin", "-e", "robin@example.com").exit_code == 0
    ids = {}
    for name, text in (("nurse.txt", NURSE_CV), ("developer.txt", DEVELOPER_CV)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        out = cli("--db", database_url, "upload", str(path), "--json")
        assert out.exit_code == 0, out.stderr
        ids[name] = out.json()["resume"]["id"].replace("-", "")
    return database_url, ids, tmp_path


def mine(result) -> list[str]:
    return [j["slug"] for j in result["jobs"] if j["slug"].startswith("m-")]


def test_search_and_show_match_the_resume_you_name(cli, two_resumes):
    url, ids, tmp_path = two_resumes

    def search(*args):
        out = cli("--db", url, "search-jobs", *args, "--json", "--limit", "100")
        assert out.exit_code == 0, out.stderr
        return out.json()

    latest = search()
    assert latest["matched_against"] == "developer.txt" and latest["ranked_by"] == "fit"
    assert mine(latest)[0] == "m-backend"
    nurse = search("--resume", ids["nurse.txt"][:8])
    assert nurse["matched_against"] == "nurse.txt"
    assert nurse["resume_id"] == ids["nurse.txt"]
    assert mine(nurse)[0] == "m-nurse"
    for result in (latest, nurse):  # said to be ranked by fit: in match order
        scores = [j["match"]["score"] for j in result["jobs"]]
        assert scores == sorted(scores, reverse=True)
    # A file path works too: the earlier upload of the same content is reused.
    by_path = search("--resume", str(tmp_path / "nurse.txt"))
    assert by_path["matched_against"] == "nurse.txt" and mine(by_path)[0] == "m-nurse"
    assert search("care")["ranked_by"] == "words and fit"

    shown = cli("--db", url, "jobs", "show", "m-nurse", "--resume", ids["nurse.txt"][:8], "--json")
    assert shown.exit_code == 0, shown.stderr
    job = shown.json()["job"]
    assert job["matched_against"] == "nurse.txt"
    other = cli("--db", url, "jobs", "show", "m-nurse", "--json").json()["job"]
    assert other["matched_against"] == "developer.txt"
    assert job["match"]["score"] > other["match"]["score"]
    text = cli("--db", url, "jobs", "show", "m-nurse", "--resume", ids["nurse.txt"][:8])
    assert f"Staff Nurse at Hollowmere Health · resume nurse.txt · match {job['match']['score']}" \
        in text.stdout
    table = cli("--db", url, "search-jobs", "--resume", ids["nurse.txt"][:8])
    assert "ranked by fit with resume nurse.txt" in table.stdout


def test_resume_option_errors(cli, two_resumes):
    url, ids, _ = two_resumes
    out = cli("--db", url, "search-jobs", "--resume", ids["nurse.txt"][:8], "--no-match")
    assert out.exit_code == ExitCode.USAGE and "contradict" in out.stderr
    out = cli("--db", url, "jobs", "show", "m-nurse", "--resume", "ffffffff")
    assert out.exit_code == ExitCode.NOT_FOUND
    assert len(out.stderr.strip().splitlines()) <= 2


def test_interview_resume_chooses_the_job_and_the_score(cli, two_resumes):
    url, ids, tmp_path = two_resumes
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(["I assess patients and keep care plans up to date."] * 3))
    out = cli("--db", url, "interview", "--resume", ids["nurse.txt"][:8], "--answers",
              str(answers), "--questions", "2", "--engine", "offline", "--json")
    assert out.exit_code == 0, out.stderr
    data = out.json()
    assert data["job"]["title"] == "Staff Nurse"
    assert data["resume_id"].replace("-", "") == ids["nurse.txt"].replace("-", "")
    shown = cli("--db", url, "jobs", "show", "m-nurse", "--resume", ids["nurse.txt"][:8], "--json")
    assert data["match"]["score"] == shown.json()["job"]["match"]["score"]
    assert f"Staff Nurse at Hollowmere Health · resume nurse.txt · match {data['match']['score']}" \
        in out.stderr.replace("\n", " ")


# -- the score -------------------------------------------------------------------------------------------

def test_text_decides_when_postings_list_no_skills():
    """Imported postings rarely list skills: the score must still follow the resume's content,
    and two resumes must rank the same postings differently."""
    jobs = [{"title": r["title"], "description": r["description"], "remote": "remote",
             "location": "Remote"} for r in ROWS]
    nurse = CandidateProfile(skills={"Patient Care", "Triage"}, titles=[], years=8,
                             text=NURSE_CV)
    developer = CandidateProfile(skills={"Python", "Django"}, titles=[], years=6,
                                 text=DEVELOPER_CV)
    nurse_scores = [m.score for m in match_jobs(nurse, jobs)]
    developer_scores = [m.score for m in match_jobs(developer, jobs)]
    assert nurse_scores.index(max(nurse_scores)) == 0
    assert developer_scores.index(max(developer_scores)) == 1
    assert len(set(nurse_scores)) > 1 and len(set(developer_scores)) > 1  # never all tied
    result = match_job(nurse, jobs[0])
    assert "text" in {c.name for c in result.components}
    assert sum(c.weight for c in result.components) == pytest.approx(1.0)


def test_scores_stay_within_bounds_and_explain_themselves():
    empty = CandidateProfile()
    job = {"title": "Anything", "description": "", "remote": "onsite", "location": ""}
    result = match_job(empty, job)
    assert 0 <= result.score <= 100
    for component in result.components:
        assert 0 <= component.score <= 100 and component.detail
    assert set(result.to_json()["components"]) >= {"text", "title", "experience", "location"}


# -- the title part: what the person does now counts more than what they did before --------------

ANALYST_NOW_CV = """Jo Lindqvist
Uppsala, Sweden · jo.lindqvist@example.org

EXPERIENCE
Northlight Insurance
2021 - present
• Build the claims dashboards and the weekly loss reports
• Model claim frequency for the pricing team

Nurse
Uppsala County Hospital
2014 - 2021
• Cared for patients on a cardiology ward

SKILLS
SQL, Tableau, Statistics
"""


def test_earlier_jobs_are_the_ones_before_the_current_one():
    from mock_interview.domain.matching import earlier_jobs_text

    marked = [{"title": "Nurse", "bullets": ["Cared for patients"], "start": "2014", "end": "2021"},
              {"title": "Pricing Analyst", "bullets": ["Modelled claims"], "start": "2021",
               "current": True}]
    assert earlier_jobs_text(marked) == "Nurse\nCared for patients"
    by_date = [{"title": "Nurse", "start": "2014-01", "end": "2021-06"},
               {"title": "Pricing Analyst", "start": "2021-07", "end": "2024-02"}]
    assert earlier_jobs_text(by_date) == "Nurse"
    undated = [{"title": "Pricing Analyst"}, {"title": "Nurse"}]  # newest first, as written
    assert earlier_jobs_text(undated) == "Nurse"
    assert earlier_jobs_text([{"title": "Pricing Analyst"}]) == ""
    assert earlier_jobs_text(None) == ""


def test_a_title_word_used_only_about_an_earlier_job_counts_less():
    from mock_interview.domain.matching import EARLIER_JOB_CREDIT
    from mock_interview.domain.resume.parser import parse_resume

    data = parse_resume(ANALYST_NOW_CV).to_json()
    person = CandidateProfile.from_resume(data["skills"], data["experience"],
                                          data["total_years_experience"], data["contact"],
                                          ANALYST_NOW_CV)
    assert "Nurse" in person.earlier and "dashboards" not in person.earlier
    jobs = [posting("Staff Nurse", "t-nurse"), posting("Pricing Analyst", "t-analyst",
                                                        description="Claims models in SQL.")]
    nurse, analyst = (m.to_json()["components"]["title"] for m in match_jobs(person, jobs))
    assert nurse["score"] == round(100 * EARLIER_JOB_CREDIT)  # "nurse" only about the old job
    assert "only about earlier jobs" in nurse["detail"]
    # The same words in a resume that is about nursing now count in full.
    now_nurse = CandidateProfile(titles=["Nurse"], text="Nurse on a cardiology ward since 2014.")
    assert match_job(now_nurse, jobs[0]).to_json()["components"]["title"]["score"] == 100
    assert analyst["score"] == 50  # "pricing" (the pricing team) is about now; "analyst" is not used


def test_title_words_match_as_roles_not_spellings():
    """"Developers" is "engineer", SRE is site reliability engineer: the resume's words are read
    the way the job title's are."""
    person = CandidateProfile(text="Lead of a team of backend developers; on call as the SRE.")
    job = {"title": "Senior Site Reliability Engineer", "description": "", "remote": "remote"}
    title = match_job(person, job).to_json()["components"]["title"]
    assert title["score"] == 100 and title["detail"] == "3 of 3 title words in your resume"
    without_text = CandidateProfile(titles=["Backend Developer", "Site Reliability Engineer"])
    parts = match_job(without_text, {"title": "Backend Engineer", "remote": "remote"}).to_json()
    assert parts["components"]["title"]["score"] == 100  # the current title, without text


def test_text_part_is_the_same_when_a_posting_is_scored_again():
    from mock_interview.domain.matching import TermStats, terms

    assert terms("C# developers, and the C# team") == {"csharp": 2, "develop": 1, "team": 1}
    stats = TermStats(10, {"csharp": 2, "team": 9})
    assert stats.idf("csharp") == stats.idf("csharp") > stats.idf("team") > 0
    developer = CandidateProfile(text=DEVELOPER_CV)
    jobs = [{"title": r["title"], "description": r["description"]} for r in ROWS]
    first = [m.to_json() for m in match_jobs(developer, jobs, stats=stats)]
    again = [m.to_json() for m in match_jobs(developer, jobs, stats=stats)]
    assert first == again
    text = [m["components"]["text"]["score"] for m in first]
    assert text[1] == max(text) > text[2]  # the backend posting, not the pastry chef's
