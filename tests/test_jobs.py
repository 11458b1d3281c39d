"""Job catalogue, import, full-text search with filters, and resume matching."""

from __future__ import annotations

import csv
import json
import uuid
from pathlib import Path

import pytest

from mock_interview.domain.jobs import (
    JOB_TYPES,
    LEVELS,
    REMOTE_MODES,
    annual_usd,
    build_search,
    validate_job,
)
from mock_interview.domain.matching import CandidateProfile, match_job
from mock_interview.errors import ExitCode, UsageError

ROOT = Path(__file__).resolve().parents[1]


def posting(title: str, **extra) -> dict:
    base = {
        "title": title,
        "company": extra.pop("company", "Acme Test Co"),
        "description": extra.pop("description", "A role on a small team."),
        "requirements": extra.pop("requirements", ["Care about quality"]),
        "skills_required": extra.pop("skills_required", ["Communication"]),
        "location": extra.pop("location", "Lisbon, Portugal"),
        "remote": extra.pop("remote", "onsite"),
        "job_type": extra.pop("job_type", "full-time"),
    }
    base.update(extra)
    return base


def write_json(path: Path, rows) -> Path:
    path.write_text(json.dumps(rows), encoding="utf-8")
    return path


# -- the packaged catalogue ------------------------------------------------------------------------

def test_packaged_catalogue_is_valid_and_varied():
    document = json.loads((ROOT / "sample_jobs.json").read_text(encoding="utf-8"))
    rows = document["jobs"]
    assert len(rows) >= 80
    records = []
    for row in rows:
        record, errors = validate_job(row)
        assert errors == [], (row["slug"], errors)
        records.append(record)
    assert len({r.slug for r in records}) == len(records)
    assert {r.remote for r in records} == set(REMOTE_MODES)
    assert {r.experience_level for r in records} == set(LEVELS)
    assert {r.job_type for r in records} == set(JOB_TYPES)
    assert len({r.country for r in records if r.country}) >= 8


def test_installed_package_carries_the_catalogue():
    from mock_interview.services.jobs import packaged_catalogue_path

    path = packaged_catalogue_path()
    assert path.read_bytes() == (ROOT / "sample_jobs.json").read_bytes()


def test_catalogue_loads_once_and_refreshes_on_new_version(cli, tmp_path, monkeypatch):
    from mock_interview.services import jobs

    out = cli("jobs", "list", "--json", "--limit", "500")
    assert out.exit_code == 0, out.stderr
    packaged = json.loads((ROOT / "sample_jobs.json").read_text())
    assert out.json()["total"] == len(packaged["jobs"])
    assert cli("jobs", "list", "--json").json()["total"] == len(packaged["jobs"])  # no duplicates

    imported = write_json(tmp_path / "mine.json", [posting("Glassblower", slug="my-glassblower")])
    assert cli("jobs", "import", str(imported)).exit_code == 0

    newer = dict(packaged, catalogue_version="9999.1")
    newer["jobs"] = packaged["jobs"][:-1]  # one posting withdrawn
    newer["jobs"][0] = dict(newer["jobs"][0], title="Renamed Role For Refresh Test")
    refreshed = write_json(tmp_path / "sample_jobs.json", newer)
    monkeypatch.setattr(jobs, "packaged_catalogue_path", lambda: refreshed)
    listed = cli("jobs", "list", "--json", "--limit", "500").json()
    titles = {j["title"] for j in listed["jobs"]}
    assert listed["total"] == len(packaged["jobs"])  # one withdrawn, one imported
    assert "Renamed Role For Refresh Test" in titles and "Glassblower" in titles
    assert packaged["jobs"][-1]["slug"] not in {j["slug"] for j in listed["jobs"]}  # withdrawn


# -- search ------------------------------------------------------------------------------------------

@pytest.fixture
def small_catalogue(cli, tmp_path, database_url):
    rows = [
        posting("Python Backend Engineer", skills_required=["Python", "PostgreSQL"],
                remote="remote", experience_level="mid", salary_min=90000, salary_max=110000,
                currency="USD", slug="t-python-backend", posted_at="2026-11-01"),
        posting("Office Manager", description="You will help our Python engineers settle in.",
                slug="t-office", posted_at="2026-11-10", salary_min=40000, salary_max=45000,
                currency="EUR"),
        posting("Engineering Lead, Platform", skills_required=["Kubernetes", "Go"],
                experience_level="lead", remote="hybrid", location="Berlin, Germany",
                country="DE", company="Blue Fjord", slug="t-platform", posted_at="2026-10-01",
                salary_min=120000, salary_max=140000, currency="EUR"),
        posting("Data Analyst Intern", job_type="internship", experience_level="intern",
                skills_required=["SQL", "Excel"], slug="t-intern", posted_at="2026-09-01",
                salary_min=20, salary_max=25, currency="GBP", salary_period="hour"),
    ]
    path = write_json(tmp_path / "small.json", rows)
    out = cli("--db", database_url, "jobs", "import", str(path), "--json")
    assert out.exit_code == 0, out.stderr
    assert out.json()["inserted"] == 4

    def search(*args):
        out = cli("--db", database_url, "search-jobs", *args, "--json", "--limit", "500")
        assert out.exit_code == 0, out.stderr
        return out.json()

    return search


def slugs(result) -> list[str]:
    return [j["slug"] for j in result["jobs"] if j["slug"].startswith("t-")]


def test_title_outranks_description(small_catalogue):
    assert slugs(small_catalogue("python"))[:2] == ["t-python-backend", "t-office"]


def test_a_page_of_title_matches_still_counts_every_match(cli, tmp_path, database_url):
    """The first page may come from postings naming the words in title or skills (the first
    tier); the total still counts the postings that mention them anywhere."""
    rows = [posting(f"Zymurgy Specialist {i}", slug=f"t-title-{i}") for i in range(3)]
    rows += [posting("Brewer", description="Zymurgy lovers welcome.", slug=f"t-desc-{i}")
             for i in range(2)]
    assert cli("--db", database_url, "jobs", "import",
               str(write_json(tmp_path / "z.json", rows))).exit_code == 0
    page = cli("--db", database_url, "search-jobs", "zymurgy", "--limit", "2", "--json").json()
    assert page["total"] == 5
    assert [j["slug"][:7] for j in page["jobs"]] == ["t-title", "t-title"]
    page = cli("--db", database_url, "search-jobs", "zymurgy", "--limit", "4", "--json").json()
    assert [j["slug"][:6] for j in page["jobs"]] == ["t-titl"] * 3 + ["t-desc"]
    assert page["total_exact"] is True


def test_totals_past_the_cap_are_a_lower_bound(cli, tmp_path, database_url, monkeypatch):
    from mock_interview.store import jobs_common

    rows = [posting(f"Zymurgy Specialist {i}", slug=f"t-cap-{i}") for i in range(5)]
    assert cli("--db", database_url, "jobs", "import",
               str(write_json(tmp_path / "z.json", rows))).exit_code == 0
    monkeypatch.setattr(jobs_common, "TOTAL_CAP", 4)
    page = cli("--db", database_url, "search-jobs", "zymurgy", "--limit", "2", "--json").json()
    assert (page["total"], page["total_exact"], len(page["jobs"])) == (4, False, 2)
    monkeypatch.setattr(jobs_common, "TOTAL_CAP", 5)
    page = cli("--db", database_url, "search-jobs", "zymurgy", "--limit", "2", "--json").json()
    assert (page["total"], page["total_exact"]) == (5, True)
    monkeypatch.setattr(jobs_common, "TOTAL_CAP", 4)
    shown = cli("--db", database_url, "search-jobs", "zymurgy", "--limit", "2")
    assert "2 of 4+" in shown.stdout


def test_word_forms_and_prefixes(small_catalogue):
    assert "t-platform" in slugs(small_catalogue("engineer"))  # "Engineering" in the title
    assert "t-python-backend" in slugs(small_catalogue("engineering"))
    assert slugs(small_catalogue("pyth backe")) == ["t-python-backend"]


def test_whole_words_match_as_words_and_fragments_as_prefixes(cli, tmp_path, database_url):
    rows = [posting("Java Developer", slug="w-java"), posting("JavaScript Developer", slug="w-js"),
            posting("C# Engineer", skills_required=["C#"], slug="w-csharp"),
            posting("Cloud Engineer", slug="w-cloud")]
    out = cli("--db", database_url, "jobs", "import", str(write_json(tmp_path / "w.json", rows)))
    assert out.exit_code == 0, out.stderr

    def found(query: str) -> set[str]:
        out = cli("--db", database_url, "search-jobs", query, "--json", "--limit", "500")
        assert out.exit_code == 0, out.stderr
        return {j["slug"] for j in out.json()["jobs"] if j["slug"].startswith("w-")}

    assert found("java") == {"w-java"}  # a word of the index: not every word it begins
    assert found("javascr") == {"w-js"}  # not a word of the index: a prefix
    assert found("c#") == {"w-csharp"}  # a word of its own: never every c-word
    assert found("developers") == {"w-java", "w-js"}  # word forms still match


def test_names_with_punctuation_are_terms_of_their_own(cli, tmp_path, database_url):
    """C#, F#, C++, .NET, Node.js and CI/CD are distinct terms on both backends, in titles,
    skills, requirements and descriptions; a one- or two-letter word never matches as a prefix."""
    rows = [posting("C# Developer", skills_required=["C#", ".NET"], slug="p-csharp"),
            posting("C++ Developer", skills_required=["C++"], slug="p-cpp"),
            posting("F# Engineer", description="Functional code in F#.", slug="p-fsharp"),
            posting("Backend Engineer", requirements=["Node.js services", "CI/CD pipelines"],
                    slug="p-node"),
            posting("C Programmer", description="Embedded C for firmware.", slug="p-c"),
            posting("Finance Manager", description="Forecasts and figures.", slug="p-finance"),
            posting("Network Engineer", description="Networks and the internet.", slug="p-net")]
    out = cli("--db", database_url, "jobs", "import", str(write_json(tmp_path / "p.json", rows)))
    assert out.exit_code == 0, out.stderr

    def found(query: str) -> list[str]:
        out = cli("--db", database_url, "search-jobs", query, "--json", "--limit", "500",
                  "--no-match")
        assert out.exit_code == 0, out.stderr
        return [j["slug"] for j in out.json()["jobs"] if j["slug"].startswith("p-")]

    assert found("C#") == ["p-csharp"]
    assert found("c++") == ["p-cpp"]
    assert found("F#") == ["p-fsharp"]
    assert found(".NET") == ["p-csharp"]
    assert found("node.js") == ["p-node"]
    assert found("CI/CD") == ["p-node"]
    assert found("C") == ["p-c"]
    assert found("f") == []
    assert "p-net" not in found("dotnet .net")


def test_search_tokens_match_the_index_migration():
    import importlib

    from mock_interview.domain.jobs import SEARCH_TOKENS, query_terms, search_text

    migration = importlib.import_module("mock_interview.store.migrations.versions.0006_search_tokens")
    assert migration.TOKENS == SEARCH_TOKENS
    assert query_terms("Senior C#/.NET developer, CI/CD, Node.js, C++ and F#") == [
        "senior", "csharp", "dotnet", "developer", "cicd", "nodejs", "cplusplus", "and", "fsharp"]
    assert search_text("ASP.NET") == "asp dotnet "


@pytest.mark.parametrize("query", ['"', "*", "-", "()", "NEAR(", "python AND", '"python'])
def test_fts_syntax_is_harmless(cli, small_catalogue, database_url, query):
    out = cli("--db", database_url, "search-jobs", query, "--json")
    assert out.exit_code in (ExitCode.OK, ExitCode.USAGE), out.stderr
    assert "Traceback" not in out.stderr
    if out.exit_code == ExitCode.USAGE:
        assert "no words to search for" in out.stderr


def test_filters(small_catalogue):
    assert slugs(small_catalogue("--remote")) == ["t-python-backend"]
    assert slugs(small_catalogue("--type", "internship")) == ["t-intern"]
    assert slugs(small_catalogue("--level", "Lead")) == ["t-platform"]
    assert slugs(small_catalogue("--company", "blue fj")) == ["t-platform"]
    assert slugs(small_catalogue("--location", "DE")) == ["t-platform"]
    assert slugs(small_catalogue("--location", "berlin")) == ["t-platform"]
    assert slugs(small_catalogue("--skill", "python")) == ["t-python-backend"]
    assert slugs(small_catalogue("--skill", "Go", "--skill", "Kubernetes")) == ["t-platform"]
    assert slugs(small_catalogue("--skill", "Go", "--skill", "Python")) == []
    # 120-140k EUR is above 100k USD; 90-110k USD is too; 45k EUR and the hourly intern are not.
    assert sorted(slugs(small_catalogue("--min-salary", "100000"))) == ["t-platform", "t-python-backend"]
    assert slugs(small_catalogue("--min-salary", "105000", "--currency", "EUR")) == ["t-platform"]


def test_empty_query_lists_newest_first(small_catalogue):
    assert slugs(small_catalogue()) == ["t-office", "t-python-backend", "t-platform", "t-intern"]


def test_search_json_shape(small_catalogue):
    result = small_catalogue("python")
    assert result["json_version"] == 1 and isinstance(result["total"], int)
    job = next(j for j in result["jobs"] if j["slug"] == "t-python-backend")
    for key in ("id", "title", "company", "location", "job_type", "salary_min", "salary_max",
                "remote", "match"):
        assert key in job
    assert job["remote"] is True and job["match"] is None


@pytest.mark.parametrize(
    "args, message",
    [
        (["--min-salary", "-1"], "cannot be negative"),
        (["--min-salary", "999999999999"], "not a plausible salary"),
        (["--limit", "0"], "--limit"),
        (["--type", "gig"], "is not one of"),
        (["--currency", "XYZ"], "ISO 4217"),
    ],
)
def test_bad_search_options(cli, args, message):
    out = cli("search-jobs", *args)
    assert out.exit_code == ExitCode.USAGE and message in out.stderr


def test_index_follows_updates_and_deletes(cli, small_catalogue, database_url):
    import sqlalchemy as sa

    from mock_interview.store.database import normalise_url

    engine = sa.create_engine(normalise_url(database_url))
    with engine.begin() as connection:
        connection.execute(sa.text("UPDATE jobs SET title = 'Glass Sculptor' WHERE slug = 't-office'"))
        connection.execute(sa.text("UPDATE jobs SET skills_required = :skills WHERE slug = 't-office'"),
                           {"skills": json.dumps(["Glassblowing", "Python"])})
        connection.execute(sa.text("UPDATE jobs SET skills_required = :skills "
                                   "WHERE slug = 't-python-backend'"), {"skills": json.dumps(["Go"])})
    engine.dispose()
    assert slugs(small_catalogue("sculptor")) == ["t-office"]
    assert "t-office" not in slugs(small_catalogue("manager"))
    # Skill filters follow too (Postgres keeps them in a table of its own).
    assert slugs(small_catalogue("--skill", "glassblowing")) == ["t-office"]
    assert slugs(small_catalogue("--skill", "Python")) == ["t-office"]
    assert slugs(small_catalogue("--skill", "go")) == ["t-python-backend", "t-platform"]
    out = cli("--db", database_url, "jobs", "delete", "t-office")
    assert out.exit_code == 0, out.stderr
    assert slugs(small_catalogue("sculptor")) == []
    assert slugs(small_catalogue("--skill", "glassblowing")) == []
    if database_url.startswith("postgresql"):  # and no stale pair is left behind
        engine = sa.create_engine(normalise_url(database_url))
        with engine.connect() as connection:
            left = connection.execute(sa.text(
                "SELECT count(*) FROM job_skills WHERE skill = 'glassblowing'")).scalar()
            # one search row and one headline per posting: the delete trigger removes both
            sides = connection.execute(sa.text(
                "SELECT (SELECT count(*) FROM jobs), (SELECT count(*) FROM job_search), "
                "(SELECT count(*) FROM job_headlines)")).one()
        engine.dispose()
        assert left == 0
        assert sides[0] > 0 and set(sides) == {sides[0]}


def test_show_by_prefix_and_slug_and_unknown(cli, small_catalogue, database_url):
    job = next(j for j in small_catalogue("python")["jobs"] if j["slug"] == "t-python-backend")
    for key in (job["id"], job["id"][:8], job["slug"]):
        out = cli("--db", database_url, "jobs", "show", key, "--json")
        assert out.exit_code == 0, out.stderr
        assert out.json()["job"]["id"] == job["id"]
        assert out.json()["job"]["skills_required"] == ["Python", "PostgreSQL"]
    out = cli("--db", database_url, "jobs", "show", str(uuid.uuid4()))
    assert out.exit_code == ExitCode.NOT_FOUND
    assert cli("--db", database_url, "jobs", "show", "no-such-slug").exit_code == ExitCode.NOT_FOUND


# -- import -------------------------------------------------------------------------------------------

def test_import_formats(cli, tmp_path):
    rows = [posting(f"Role {i}", slug=f"fmt-{i}") for i in range(3)]
    write_json(tmp_path / "a.json", {"catalogue_version": "x", "jobs": rows[:1]})
    (tmp_path / "b.jsonl").write_text("\n".join(json.dumps(r) for r in rows[1:2]) + "\n")
    with (tmp_path / "c.csv").open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[2]))
        writer.writeheader()
        writer.writerow({**rows[2], "requirements": "First; Second", "skills_required": "SQL, Excel"})
    for name in ("a.json", "b.jsonl", "c.csv"):
        out = cli("jobs", "import", str(tmp_path / name), "--json")
        assert out.exit_code == 0, (name, out.stderr)
        assert out.json()["inserted"] == 1
    shown = cli("jobs", "show", "fmt-2", "--json").json()["job"]
    assert shown["requirements"] == ["First", "Second"]
    assert shown["skills_required"] == ["SQL", "Excel"]


def test_import_is_all_or_nothing_with_a_report(cli, tmp_path):
    before = cli("jobs", "list", "--json").json()["total"]
    lines = [
        json.dumps(posting("Good One", slug="aon-1")),
        json.dumps(posting("", slug="aon-2")),
        json.dumps(posting("Bad Salary", salary_min=50, salary_max=10, slug="aon-3")),
        "{not json",
        json.dumps(posting("Good Two", remote="on the moon", slug="aon-5")),
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n")
    out = cli("jobs", "import", str(path), "--json")
    assert out.exit_code == ExitCode.USAGE
    report = out.json()
    assert report["imported"] is False and report["rows"] == 5 and report["invalid"] == 4
    assert {(p["line"], p["field"]) for p in report["problems"]} == {
        (2, "title"), (3, "salary_max"), (4, "(row)"), (5, "remote")
    }
    assert cli("jobs", "list", "--json").json()["total"] == before

    out = cli("jobs", "import", str(path), "--skip-invalid", "--json")
    assert out.exit_code == 0 and out.json()["inserted"] == 1
    assert cli("jobs", "list", "--json").json()["total"] == before + 1


def test_reimport_is_idempotent_and_updates_by_slug(cli, tmp_path):
    rows = [posting("Baker"), posting("Chef", slug="kitchen-chef")]
    path = write_json(tmp_path / "food.json", rows)
    assert cli("jobs", "import", str(path), "--json").json()["inserted"] == 2
    again = cli("jobs", "import", str(path), "--json").json()
    assert (again["inserted"], again["updated"]) == (0, 2)
    rows[1]["title"] = "Head Chef"
    write_json(path, rows)
    assert cli("jobs", "import", str(path), "--json").json()["updated"] == 2
    assert cli("jobs", "show", "kitchen-chef", "--json").json()["job"]["title"] == "Head Chef"


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "is empty"),
        (b'[{"title": "A", "company": "B"}, {"title": "C"', "not closed"),
        (b'{"postings": []}', '"jobs" array'),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not a text file"),
        (b'[{"title": "Caf\xe9", "company": "B"}]', "not UTF-8"),
    ],
)
def test_malformed_import_files(cli, tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    out = cli("jobs", "import", str(path))
    assert out.exit_code == ExitCode.USAGE, out.stderr
    assert message in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_import_missing_file(cli, tmp_path):
    assert cli("jobs", "import", str(tmp_path / "nope.json")).exit_code == ExitCode.NOT_FOUND


def test_streaming_json_across_chunk_boundaries(tmp_path):
    from mock_interview.io import catalogue

    rows = [posting(f"Role {i}", description="x" * 3000 + f" {i}") for i in range(800)]
    path = write_json(tmp_path / "big.json", rows)  # ~2.5 MB: several 1 MiB chunks
    assert path.stat().st_size > 2 * catalogue.CHUNK
    _, parsed = catalogue.open_catalogue(path)
    titles = [r.data["title"] for r in parsed]
    assert titles == [f"Role {i}" for i in range(800)]


# -- matching -------------------------------------------------------------------------------------------

def test_match_components_explain_the_score():
    candidate = CandidateProfile(skills={"Python", "Docker"}, titles=["Backend Developer"],
                                 years=4.0, location="Lisbon, Portugal")
    job = {"title": "Senior Python Backend Engineer", "skills_required": ["Python", "Kubernetes", "SQL"],
           "experience_level": "senior", "years_experience_min": 5, "remote": "hybrid",
           "location": "Lisbon, Portugal"}
    related = {"Kubernetes": {"Docker"}}.get
    result = match_job(candidate, job, lambda s: related(s, set()))
    assert result.matched_skills == ["Python"]
    assert result.missing_skills == ["Kubernetes", "SQL"]
    assert result.related_skills == [{"required": "Kubernetes", "have": "Docker"}]
    parts = {c.name: c for c in result.components}
    assert round(parts["skills"].score) == 50  # (1 + 0.5) / 3
    assert parts["location"].score == 100
    assert round(parts["experience"].score) == 80  # 4 of 5 years
    assert parts["title"].score > 50  # backend + engineer(developer) + python? covers 2 of 3
    assert 0 <= result.score <= 100


def test_better_candidate_scores_higher():
    job = {"title": "Data Engineer", "skills_required": ["Python", "SQL", "Airflow"],
           "experience_level": "mid", "remote": "remote", "location": "Remote (EU)",
           "description": "Build batch pipelines in Python and SQL, scheduled with Airflow."}
    strong = CandidateProfile(skills={"Python", "SQL", "Airflow"}, titles=["Data Engineer"], years=3,
                              text="Data engineer. Built Airflow pipelines in Python and SQL.")
    weak = CandidateProfile(skills={"Photoshop"}, titles=["Graphic Designer"], years=1,
                            text="Graphic designer. Posters and logos in Photoshop.")
    assert match_job(strong, job).score > 75 > 40 > match_job(weak, job).score


def test_search_ranks_by_resume_when_there_is_one(cli, small_catalogue, database_url):
    from sqlmodel import select

    from mock_interview.services.context import AppContext
    from mock_interview.store.models import Resume, User

    assert cli("--db", database_url, "search-jobs", "--match").exit_code == ExitCode.NOT_FOUND
    cli("--db", database_url, "register", "-n", "Kim", "-e", "kim@example.com")
    ctx = AppContext.create(database_url=database_url)
    with ctx.database().session() as session:
        user = session.exec(select(User).where(User.email == "kim@example.com")).one()
        session.add(Resume(user_id=user.id, filename="kim.pdf", file_path="x", content_hash="h1",
                           skills=[{"name": "Kubernetes"}, {"name": "Go"}],
                           experience=[{"title": "Platform Engineer"}],
                           total_years_experience=8.0, contact={"location": "Berlin, Germany"}))
    ctx.close()
    result = small_catalogue()
    assert result["matched_against"] == "kim.pdf"
    assert result["jobs"][0]["slug"] == "t-platform"
    assert result["jobs"][0]["match"]["matched_skills"] == ["Kubernetes", "Go"]
    scores = [j["match"]["score"] for j in result["jobs"]]
    assert scores == sorted(scores, reverse=True)
    shown = cli("--db", database_url, "jobs", "show", "t-python-backend", "--json").json()["job"]
    assert shown["match"]["missing_skills"] == ["Python", "PostgreSQL"]
    assert set(shown["match"]["components"]) == {"text", "skills", "title", "experience", "location"}
    plain = small_catalogue("--no-match")
    assert plain["matched_against"] is None


def test_resume_retrieval_finds_shared_skills_and_titles_under_many_newer_postings(
        cli, tmp_path, database_url):
    """Without typed words the candidates are the postings sharing most with the resume, not the
    newest ones: three older postings must surface from under 400 newer unrelated ones."""
    from sqlmodel import select

    from mock_interview.services.context import AppContext
    from mock_interview.store.models import Resume, User

    filler = [posting(f"Pastry Chef {i}", skills_required=["Baking", "Food Safety"],
                      slug=f"f-{i}", posted_at="2026-11-20") for i in range(400)]
    wanted = [
        posting("Site Reliability Specialist", skills_required=["Terraform", "Kubernetes", "Go"],
                slug="t-two-skills", posted_at="2025-01-01"),
        posting("Senior Platform Engineer", skills_required=["Baking"], slug="t-title",
                posted_at="2025-01-01"),
        posting("Build Engineer", skills_required=["Go", "Bazel"], slug="t-one-skill",
                posted_at="2025-01-01"),
    ]
    out = cli("--db", database_url, "jobs", "import",
              str(write_json(tmp_path / "many.json", filler + wanted)))
    assert out.exit_code == 0, out.stderr
    cli("--db", database_url, "register", "-n", "Kim", "-e", "kim@example.com")
    ctx = AppContext.create(database_url=database_url)
    with ctx.database().session() as session:
        user = session.exec(select(User).where(User.email == "kim@example.com")).one()
        session.add(Resume(user_id=user.id, filename="kim.pdf", file_path="x", content_hash="h2",
                           skills=[{"name": "Kubernetes"}, {"name": "Go"}, {"name": "Terraform"}],
                           experience=[{"title": "Platform Engineer"}],
                           total_years_experience=4.0, contact={"location": "Lisbon, Portugal"}))
    ctx.close()
    out = cli("--db", database_url, "search-jobs", "--match", "--limit", "20", "--json")
    assert out.exit_code == 0, out.stderr
    found = out.json()  # (the packaged catalogue's own postings rank among them)
    assert slugs(found) == ["t-two-skills", "t-one-skill", "t-title"]
    assert found["jobs"][0]["match"]["matched_skills"] == ["Terraform", "Kubernetes", "Go"]
    assert found["total"] >= 403


# -- domain validation ---------------------------------------------------------------------------------

def test_validation_normalises_values():
    record, errors = validate_job(posting("Dev", remote="Fully Remote", job_type="Full Time",
                                          experience_level="Sr", salary_min="120,000",
                                          salary_max="150k", currency="usd", country="us"))
    assert errors == []
    assert (record.remote, record.job_type, record.experience_level) == ("remote", "full-time", "senior")
    assert (record.salary_min, record.salary_max, record.currency, record.country) == (
        120000, 150000, "USD", "US")


def test_annual_usd_conversion():
    assert annual_usd(100, 200, "USD", "hour") == (208000, 416000)
    assert annual_usd(None, 1000, "EUR", "month")[1] == round(1000 * 12 * 1.08)
    assert annual_usd(1, 2, "???", "year") == (None, None)


def test_build_search_rejects_punctuation_only():
    with pytest.raises(UsageError):
        build_search("!!! ---")
    assert build_search("C++ developer").terms == ["cplusplus", "developer"]


def test_rows_written_by_other_tools_are_indexed(small_catalogue, database_url):
    """The index is kept by the database, not only by our code: a plain INSERT is searchable."""
    import sqlalchemy as sa

    from mock_interview.store.database import normalise_url

    engine = sa.create_engine(normalise_url(database_url))
    job_id = uuid.uuid4()
    stored_id = job_id.hex if database_url.startswith("sqlite") else str(job_id)
    with engine.begin() as connection:
        connection.execute(
            sa.text(
                "INSERT INTO jobs (id, title, company, description, location, job_type, "
                "created_at, source, remote, salary_period, updated_at, skills_required, slug) "
                "VALUES (:id, 'Harpsichord Tuner', 'Elsewhere', 'Tune things', '', 'full-time', "
                "CURRENT_TIMESTAMP, 'manual', 'onsite', 'year', CURRENT_TIMESTAMP, :skills, 't-manual')"
            ),
            {"id": stored_id, "skills": json.dumps(["Woodworking"])},
        )
    engine.dispose()
    assert slugs(small_catalogue("harpsichord")) == ["t-manual"]
    assert slugs(small_catalogue("woodworking")) == ["t-manual"]
    assert slugs(small_catalogue("--skill", "Woodworking")) == ["t-manual"]
    assert slugs(small_catalogue("python"))[:2] == ["t-python-backend", "t-office"]


# -- imports of real exports: header aliases, skills from text, progress ------------------------

def test_import_reads_common_export_headers(cli, tmp_path):
    path = tmp_path / "export.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Job Title", "Company Name", "Location", "Job Description", "Salary",
                         "Employment Type", "Skills", "Remote Allowed", "Job ID"])
        writer.writerow(["Payroll Specialist", "Marigold Foods", "Tulsa, OK",
                         "Run biweekly payroll for 400 staff and reconcile it to the general ledger.",
                         "$52,000 - $58,000 a year", "Full-time", "", "0", "mf-101"])
        writer.writerow(["Junior Data Analyst", "Kestrel Freight", "Remote",
                         "Build dashboards and write SQL against our warehouse.", "$31 an hour",
                         "CONTRACT", "SQL; Tableau", "1", "kf-7"])
    out = cli("jobs", "import", str(path), "--json")
    assert out.exit_code == 0, out.stderr
    assert out.json()["inserted"] == 2
    payroll = cli("jobs", "show", "mf-101", "--json").json()["job"]
    assert (payroll["company"], payroll["location"]) == ("Marigold Foods", "Tulsa, OK")
    assert (payroll["salary_min"], payroll["salary_max"], payroll["salary_period"]) == (52000, 58000, "year")
    assert payroll["currency"] == "USD" and payroll["workplace"] == "onsite"
    assert "Payroll" in payroll["skills_required"]  # none listed: read from the text
    analyst = cli("jobs", "show", "kf-7", "--json").json()["job"]
    assert analyst["job_type"] == "contract" and analyst["workplace"] == "remote"
    assert (analyst["salary_min"], analyst["salary_period"]) == (31, "hour")
    assert analyst["skills_required"][:2] == ["SQL", "Tableau"]


def test_import_json_with_aliased_keys_merges_skills_from_the_text(cli, tmp_path):
    rows = [{"position": "Clinical Pharmacist", "employer": "Harbor Pharmacy Group",
             "job_location": "Leeds, UK", "job_description": "Verify prescriptions and counsel patients.",
             "qualifications": ["Registered pharmacist with GPhC", "Experience with Microsoft Excel"],
             "skills": ["Patient Counseling"], "employment_type": "Part-time", "id": "hp-1"}]
    path = write_json(tmp_path / "export.json", {"jobs": rows})
    out = cli("jobs", "import", str(path), "--json")
    assert out.exit_code == 0, out.stderr
    job = cli("jobs", "show", "hp-1", "--json").json()["job"]
    assert (job["title"], job["company"], job["job_type"]) == ("Clinical Pharmacist", "Harbor Pharmacy Group", "part-time")
    assert job["requirements"][0] == "Registered pharmacist with GPhC"
    skills = job["skills_required"]
    assert skills[0] in {"Patient Counseling", "Patient Counselling"}  # the listed one first
    assert "Excel" in skills  # named by a requirement


@pytest.mark.parametrize("name, content", [
    ("export.csv", "Name,Office,City\nx,y,z\n"),
    ("export.json", '[{"name": "x", "city": "z"}]'),
    ("export.jsonl", '{"Job Title": "Baker"}\n'),
])
def test_import_without_required_columns_lists_the_accepted_names(cli, tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    out = cli("jobs", "import", str(path))
    assert out.exit_code == ExitCode.USAGE
    assert len(out.stderr.strip().splitlines()) == 1
    assert "job_title" in out.stderr or "company_name" in out.stderr
    assert "company_name" in out.stderr
    assert cli("jobs", "list", "--json").json()["total"] == 96  # nothing imported


def test_import_shows_progress_only_on_a_terminal(cli, tmp_path, home):
    rows = [posting(f"Line Cook {i}", slug=f"cook-{i}") for i in range(1500)]
    path = write_json(tmp_path / "many.json", rows)
    out = cli("jobs", "import", str(path))
    assert out.exit_code == 0 and "rows/s" not in out.stderr  # not a terminal: no bar

    pexpect = pytest.importorskip("pexpect")
    import sys

    from tests.conftest import subprocess_env

    again = write_json(tmp_path / "again.json", [dict(r, slug=f"x-{r['slug']}") for r in rows])
    child = pexpect.spawn(sys.executable, ["-m", "mock_interview", "jobs", "import", str(again)],
                          env=subprocess_env(MOCK_INTERVIEW_HOME=str(home), TERM="xterm"),
                          encoding="utf-8", timeout=60, dimensions=(30, 120))
    child.expect(r"rows/s")
    child.expect(r"imported 1500 new")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_a_file_broken_after_many_rows_imports_nothing(cli, tmp_path, database_url):
    """Batches already written when the reader fails are rolled back with the rest."""
    rows = [posting(f"Welder {i}", slug=f"welder-{i}") for i in range(1200)]
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(rows)[:-200], encoding="utf-8")  # cut inside the last posting
    out = cli("--db", database_url, "jobs", "import", str(path))
    assert out.exit_code == ExitCode.USAGE and "not closed" in out.stderr
    assert cli("--db", database_url, "jobs", "list", "--json").json()["total"] == 96


def test_a_title_held_twice_is_looked_up_once_and_counts_twice():
    from mock_interview.store.jobs_common import title_points

    assert title_points([["data", "engineer"], ["data", "engineer"]]) == [(("data", "engineer"), 4)]
    assert title_points([["analyst"], [], ["data", "engineer"]]) == [(("analyst",), 2),
                                                                     (("data", "engineer"), 2)]


@pytest.mark.postgres
def test_a_large_import_leaves_no_pending_index_entries(cli, tmp_path, postgres_url):
    """New index entries wait in the GIN pending lists, which every search reads whole: a
    large import merges them into the indexes before it ends."""
    import sqlalchemy as sa

    from mock_interview.store.database import normalise_url
    from mock_interview.store.jobs_postgres import GIN_INDEXES

    rows = [posting(f"Welder {i}", skills_required=["Welding", f"Alloy {i}"], slug=f"welder-{i}")
            for i in range(1200)]
    out = cli("--db", postgres_url, "jobs", "import", str(write_json(tmp_path / "w.json", rows)))
    assert out.exit_code == 0, out.stderr
    engine = sa.create_engine(normalise_url(postgres_url))
    with engine.connect() as connection:
        pending = [connection.execute(sa.text(
            "SELECT gin_clean_pending_list(CAST(:index AS regclass))"), {"index": index}).scalar()
            for index in GIN_INDEXES]
    engine.dispose()
    assert pending == [0, 0]
    found = cli("--db", postgres_url, "search-jobs", "alloy", "--skill", "welding", "--json")
    assert found.exit_code == 0, found.stderr
    assert found.json()["total"] == 1000 and not found.json()["total_exact"]


def test_candidates_for_ranking_again_rank_a_bounded_share_of_many_matches(
        cli, tmp_path, database_url):
    """``rank_at_most`` ranks that many of the matches and no more (SQLite: the newest); with
    as many matches as that or fewer, the page is the same as without it."""
    from mock_interview.domain.jobs import build_search
    from mock_interview.services.context import AppContext
    from mock_interview.store import jobs as job_store

    rows = [posting(f"Welder {i}", slug=f"welder-{i}") for i in range(30)]
    rows[0] = posting("Welder Welder Welder", description="Welder wanted: welder work.",
                      slug="welder-best")
    out = cli("--db", database_url, "jobs", "import", str(write_json(tmp_path / "w.json", rows)))
    assert out.exit_code == 0, out.stderr
    ctx = AppContext.create(database_url=database_url)
    search = build_search("welder")
    with ctx.database().session() as session:
        def page(rank_at_most):
            return [hit.job.slug for hit in job_store.search_jobs(
                session, search, limit=5, rank_at_most=rank_at_most).hits]

        everything = page(None)
        assert everything[0] == "welder-best"
        assert page(30) == page(1000) == everything
        bounded = page(8)
        assert len(bounded) == 5 and set(bounded) <= {r["slug"] for r in rows}
        if ctx.database().backend == "sqlite":  # the first imported is the oldest: not ranked
            assert "welder-best" not in bounded
            assert set(bounded) <= {f"welder-{i}" for i in range(22, 30)}
    ctx.close()


def _gin_indexes(postgres_url: str) -> dict[str, tuple[int, str]]:
    """Each GIN index of the catalogue: (its oid, its definition)."""
    import sqlalchemy as sa

    from mock_interview.store.database import normalise_url

    engine = sa.create_engine(normalise_url(postgres_url))
    with engine.connect() as connection:
        found = {name: (oid, definition) for name, oid, definition in connection.execute(sa.text(
            "SELECT c.relname, c.oid, pg_get_indexdef(c.oid) FROM pg_index AS i "
            "JOIN pg_class AS c ON c.oid = i.indexrelid JOIN pg_am AS a ON a.oid = c.relam "
            "WHERE a.amname = 'gin' AND c.relnamespace = CAST(current_schema() AS regnamespace)"))}
    engine.dispose()
    return found


@pytest.mark.postgres
def test_a_large_import_builds_the_search_indexes_once_at_its_end(cli, tmp_path, postgres_url,
                                                                  monkeypatch):
    """An import larger than the catalogue it joins drops the GIN indexes and builds them again
    before it commits (new indexes, same definitions); a smaller one updates them in place; a
    failed one leaves them as they were."""
    from mock_interview.store import jobs_postgres

    monkeypatch.setattr(jobs_postgres, "BULK_INDEX_ROWS", 500)
    assert cli("--db", postgres_url, "jobs", "list").exit_code == 0  # the packaged catalogue
    before = _gin_indexes(postgres_url)
    assert set(before) == set(jobs_postgres.GIN_INDEXES)

    broken = tmp_path / "broken.json"
    rows = [posting(f"Welder {i}", slug=f"broken-{i}") for i in range(1200)]
    broken.write_text(json.dumps(rows)[:-200], encoding="utf-8")
    assert cli("--db", postgres_url, "jobs", "import", str(broken)).exit_code == ExitCode.USAGE
    assert _gin_indexes(postgres_url) == before

    rows = [posting(f"Welder {i}", skills_required=["Welding", f"Alloy {i}"], slug=f"welder-{i}")
            for i in range(1200)]
    out = cli("--db", postgres_url, "jobs", "import", str(write_json(tmp_path / "w.json", rows)))
    assert out.exit_code == 0, out.stderr
    rebuilt = _gin_indexes(postgres_url)
    assert {name: d for name, (_, d) in rebuilt.items()} == {name: d for name, (_, d) in before.items()}
    assert all(rebuilt[name][0] != before[name][0] for name in before)
    found = cli("--db", postgres_url, "search-jobs", "alloy 7", "--skill", "welding", "--json")
    assert found.exit_code == 0, found.stderr
    assert [j["slug"] for j in found.json()["jobs"]] == ["welder-7"]

    rows = [posting(f"Fitter {i}", slug=f"fitter-{i}") for i in range(600)]  # < the 1,296 there
    out = cli("--db", postgres_url, "jobs", "import", str(write_json(tmp_path / "f.json", rows)))
    assert out.exit_code == 0, out.stderr
    assert _gin_indexes(postgres_url) == rebuilt
    assert cli("--db", postgres_url, "search-jobs", "fitter", "--json").json()["total"] == 600
