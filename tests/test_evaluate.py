"""Batch evaluation: many candidates from JSONL/CSV/folders, resumable, failures isolated."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from mock_interview.errors import ExitCode
from tests.conftest import subprocess_env

JOBS = ("tallowbrook-senior-python-backend-engineer", "kestrelgate-python-backend-engineer",
        "fennick-junior-python-developer-backend", "brightfallow-lead-backend-engineer-python")
INLINE_JOB = {"title": "Batch Platform Engineer", "company": "Quillon Labs", "location": "Leeds",
              "skills": ["Python", "Kubernetes", "PostgreSQL"], "experience_level": "mid",
              "description": "Runs the platform that runs everything else."}
ANSWERS = [
    "In my current role our checkout API was too slow and I was responsible for fixing it. I "
    "profiled the endpoints, added Redis caching and moved heavy work to background jobs. As a "
    "result latency fell by 40% within a month; I learned to measure before optimising.",
    "When our release slipped I split the work, agreed daily check-ins with the team and we "
    "shipped two days late instead of two weeks. Next time I would raise the risk earlier.",
    "A generator yields values lazily, one at a time, so it uses far less memory than a list.",
    "I would add an index on the columns we filter by and check the query plan before and after.",
]
SKILLS = ("Python, Django, PostgreSQL, Redis, Docker", "Python, FastAPI, Kubernetes, AWS, Git",
          "Python, SQL, Celery, REST APIs, Unit Testing")


def _resume_lines(n: int) -> list[str]:
    return [f"Candidate {n} Example", "Backend Engineer", f"candidate{n}@example.com", "",
            "SKILLS", SKILLS[n % 3], "", "EXPERIENCE", "Backend Developer",
            f"Firm {n} Ltd, Leeds", "Mar 2020 – Present",
            f"• Cut API latency by {20 + n}% with Redis caching", "", "EDUCATION",
            "BSc Computer Science", "University of Leeds, 2019"]


@pytest.fixture(scope="session")
def resume_files(tmp_path_factory) -> Path:
    """Twenty resumes, text, PDF and DOCX, generated once (PDFs and DOCX are slow to draw)."""
    from tests.fixtures_docs import make_resume_docx, make_resume_pdf

    folder = tmp_path_factory.mktemp("resumes")
    for n in range(20):
        lines = _resume_lines(n)
        if n % 5 == 1:
            make_resume_pdf(folder / f"r{n}.pdf", header=lines[:2], lines_left=lines[2:], lines_right=())
        elif n % 5 == 3:
            make_resume_docx(folder / f"r{n}.docx", lines)
        else:
            (folder / f"r{n}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _item(n: int, resume: str) -> dict:
    item = {"key": f"c{n:02d}", "name": f"Candidate {n}", "email": f"c{n}@example.com",
            "resume": f"resumes/{resume}", "job": JOBS[n % len(JOBS)],
            "answers": [ANSWERS[(n + i) % len(ANSWERS)] for i in range(5)], "questions": 3}
    if n == 7:
        item["job"] = INLINE_JOB
    if n == 9:
        del item["email"]  # a name alone is enough
    if n == 19:  # candidate 18 again, for another job: their history stays theirs
        item.update(name="Candidate 18", email="c18@example.com", job=JOBS[0])
    return item


@pytest.fixture
def batch(tmp_path, resume_files) -> Path:
    """tmp_path/batch.jsonl with twenty items; resumes in tmp_path/resumes (relative paths)."""
    shutil.copytree(resume_files, tmp_path / "resumes")
    names = {int(p.stem[1:]): p.name for p in (tmp_path / "resumes").iterdir()}
    path = tmp_path / "batch.jsonl"
    path.write_text("".join(json.dumps(_item(n, names[n])) + "\n" for n in range(20)), encoding="utf-8")
    return path


@pytest.fixture
def app():
    """The real app once `evaluate` is installed there; until then the same root with it."""
    import typer

    from mock_interview.cli import app as app_module
    from mock_interview.cli import evaluate as evaluate_cmd

    if any(c.name == "evaluate" for c in app_module.app.registered_commands):
        return app_module.app
    test_app = typer.Typer(cls=app_module.AppGroup, pretty_exceptions_enable=False,
                           context_settings={"help_option_names": ["-h", "--help"]},
                           rich_markup_mode="rich")
    test_app.callback()(app_module.root)
    evaluate_cmd.install(test_app)
    return test_app


@pytest.fixture
def run(app):
    from typer.testing import CliRunner

    from tests.conftest import Outcome

    runner = CliRunner()

    def invoke(*args: str) -> Outcome:
        result = runner.invoke(app, list(args))
        return Outcome(result.exit_code, result.stdout, result.stderr, result.exception)

    return invoke


@pytest.fixture
def sqlite_url(home) -> str:
    """For tests of file formats: the backend plays no part there (the others run on both)."""
    return f"sqlite:///{home / 'mock-interview.db'}"


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _count(database_url: str, table: str) -> int:
    from mock_interview.store.database import open_database

    database = open_database(database_url)
    try:
        return database.table_counts()[table]
    finally:
        database.dispose()


def test_a_batch_of_twenty_runs_every_item_and_a_rerun_does_no_work(run, cli, batch, tmp_path, database_url):
    cli("--db", database_url, "register", "-n", "Tina Trainer", "-e", "trainer@example.com")
    results = tmp_path / "results.jsonl"
    out = run("--db", database_url, "evaluate", str(batch), "-o", str(results), "--json")
    assert out.exit_code == 0, out.stderr
    summary = out.json()
    assert (summary["items"], summary["succeeded"], summary["failed"], summary["skipped"]) == (20, 20, 0, 0)
    assert summary["answers"] >= 20 * 3 and summary["answers_per_second"] > 0
    assert "Succeeded" in out.stderr and "Answers/s" in out.stderr
    lines = _lines(results)
    assert [line["key"] for line in lines] == [f"c{n:02d}" for n in range(20)]  # input order
    for line in lines:
        assert line["status"] == "ok" and line["error"] is None and not line["skipped"], line
        for name in ("technical_score", "communication_score", "job_match_score", "overall_score"):
            assert 0 <= line[name] <= 100
        assert line["answered"] >= 3 and line["job_title"] and line["interview_id"]
    assert len({line["interview_id"] for line in lines}) == 20
    assert lines[7]["job_title"] == "Batch Platform Engineer" and lines[7]["job_company"] == "Quillon Labs"
    assert lines[9]["candidate_email"] == "candidate-9@candidates.localdomain"
    assert _count(database_url, "interviews") == 20
    assert _count(database_url, "users") == 20  # 19 candidates (one has two items) + the trainer
    # Each candidate's interviews are in their own profile; the trainer's stays active and empty.
    mine = cli("--db", database_url, "--profile", "c18@example.com", "interviews", "list", "--json").json()
    assert {i["interview_id"] for i in mine["interviews"]} == {lines[18]["interview_id"], lines[19]["interview_id"]}
    assert cli("--db", database_url, "whoami", "--json").json()["profile"]["email"] == "trainer@example.com"
    assert cli("--db", database_url, "interviews", "list", "--json").json()["total"] == 0

    again = run("--db", database_url, "evaluate", str(batch), "-o", str(results), "--json")
    assert again.exit_code == 0, again.stderr
    summary = again.json()
    assert (summary["skipped"], summary["succeeded"], summary["answers"]) == (20, 0, 0)
    assert _count(database_url, "interviews") == 20
    rerun = _lines(results)
    assert all(line["skipped"] and line["status"] == "ok" for line in rerun)
    assert [line["interview_id"] for line in rerun] == [line["interview_id"] for line in lines]
    assert [line["overall_score"] for line in rerun] == [line["overall_score"] for line in lines]


def test_broken_items_fail_alone_and_a_rerun_retries_only_them(run, batch, tmp_path, database_url):
    items = [json.loads(line) for line in batch.read_text().splitlines()]
    missing = tmp_path / "resumes" / "late.txt"
    items[4]["resume"] = "resumes/late.txt"
    items[12]["job"] = "no-such-posting-anywhere"
    batch.write_text("".join(json.dumps(i) + "\n" for i in items))
    results = tmp_path / "results.jsonl"
    out = run("--db", database_url, "evaluate", str(batch), "--output", str(results))
    assert out.exit_code == ExitCode.ERROR
    assert out.stdout == ""  # results went to the file
    lines = _lines(results)
    assert len(lines) == 20
    failed = {line["key"]: line["error"] for line in lines if line["status"] == "failed"}
    assert set(failed) == {"c04", "c12"}
    assert "late.txt does not exist" in failed["c04"] and "no-such-posting-anywhere" in failed["c12"]
    assert "2 of 20 items failed" in out.stderr
    assert lines[12]["candidate_email"] == "c12@example.com"  # a failure still says whose it was
    assert _count(database_url, "interviews") == 18

    shutil.copy(tmp_path / "resumes" / "r0.txt", missing)  # fix one of them
    out = run("--db", database_url, "evaluate", str(batch), "-o", str(results), "--json")
    assert out.exit_code == ExitCode.ERROR
    summary = out.json()
    assert (summary["skipped"], summary["succeeded"], summary["failed"]) == (18, 1, 1)
    assert [f["key"] for f in summary["failures"]] == ["c12"]
    assert _count(database_url, "interviews") == 19
    assert [line["status"] for line in _lines(results)].count("ok") == 19


def test_csv_input_and_csv_output(run, tmp_path, resume_files, sqlite_url):
    shutil.copytree(resume_files, tmp_path / "resumes")
    path = tmp_path / "batch.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Key", "Name", "Email", "Resume", "Job", "Answer 1", "Answer 2", "Answer 3",
                         "Answer 4", "answers", "questions", "notes"])
        writer.writerow(["ann", "Ann Able", "ann@example.com", "resumes/r0.txt", JOBS[0],
                         ANSWERS[0], ANSWERS[1], ANSWERS[2], "", "", "2", "a note"])
        writer.writerow(["ben", "Ben Bold", "", "resumes/r1.pdf", json.dumps(INLINE_JOB),
                         "", "", "", "", json.dumps(ANSWERS[:3]), "2", ""])
        writer.writerow(["cal", "Cal Cole", "cal@example.com", "resumes/r3.docx", JOBS[1],
                         ANSWERS[3], "", ANSWERS[0], "", "", "2", ""])
    results = tmp_path / "results.csv"
    out = run("--db", sqlite_url, "evaluate", str(path), "-o", str(results))
    assert out.exit_code == 0, out.stderr
    with results.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    from mock_interview.services.evaluate import OUTPUT_FIELDS

    assert tuple(reader.fieldnames) == OUTPUT_FIELDS
    assert [(r["key"], r["status"], r["source"]) for r in rows] == [
        ("ann", "ok", "batch.csv:2"), ("ben", "ok", "batch.csv:3"), ("cal", "ok", "batch.csv:4")]
    assert rows[1]["job_title"] == "Batch Platform Engineer"
    assert all(0 <= float(r["overall_score"]) <= 100 and r["error"] == "" for r in rows)

    # The same items as JSONL are the same work: hashed by what they ask, not how they are written.
    as_jsonl = tmp_path / "batch.jsonl"
    as_jsonl.write_text(json.dumps({"name": "Ann Able", "email": "ann@example.com",
                                    "resume": "resumes/r0.txt", "job": JOBS[0], "questions": 2,
                                    "answers": ANSWERS[:3]}) + "\n")
    out = run("--db", sqlite_url, "evaluate", str(as_jsonl), "--format", "csv")
    assert out.exit_code == 0, out.stderr
    row = next(csv.DictReader(out.stdout.splitlines()))
    assert row["skipped"] == "true" and row["interview_id"] == rows[0]["interview_id"]


def _by_key(path: Path) -> dict[str, tuple]:
    return {line["key"]: (line["status"], line["candidate_email"], line["job_title"], line["answered"],
                          line["technical_score"], line["communication_score"],
                          line["job_match_score"], line["overall_score"]) for line in _lines(path)}


def test_concurrency_4_gives_the_same_results(run, batch, tmp_path, database_url):
    serial, parallel = tmp_path / "serial.jsonl", tmp_path / "parallel.jsonl"
    out = run("--db", f"sqlite:///{tmp_path / 'serial.db'}", "evaluate", str(batch), "-o", str(serial))
    assert out.exit_code == 0, out.stderr
    out = run("--db", database_url, "evaluate", str(batch), "-o", str(parallel), "--concurrency", "4")
    assert out.exit_code == 0, out.stderr
    assert _by_key(parallel) == _by_key(serial)
    assert [line["key"] for line in _lines(parallel)] == [line["key"] for line in _lines(serial)]
    assert _count(database_url, "interviews") == 20


def test_a_folder_of_item_files_and_item_folders(run, tmp_path, resume_files, sqlite_url):
    folder = tmp_path / "batch"
    (folder / "bea").mkdir(parents=True)
    shutil.copy(resume_files / "r0.txt", folder / "bea" / "cv.txt")
    shutil.copy(resume_files / "r2.txt", folder / "ada.txt")
    item = {"name": "Ada", "email": "ada@example.com", "job": JOBS[0], "answers": ANSWERS[:2], "questions": 2}
    (folder / "ada.json").write_text(json.dumps({**item, "resume": "ada.txt"}))
    (folder / "bea" / "item.json").write_text(json.dumps({**item, "name": "Bea", "email": "bea@example.com",
                                                          "resume": "cv.txt"}))
    (folder / "more.jsonl").write_text(json.dumps({**item, "name": "Cy", "email": "cy@example.com",
                                                   "resume": "ada.txt"}) + "\n")
    (folder / "broken.json").write_text("{not json")
    (folder / "notes.txt").write_text("ignored")
    results = folder / "results.jsonl"  # inside the folder: never read back as items
    out = run("--db", sqlite_url, "evaluate", str(folder), "-o", str(results))
    assert out.exit_code == ExitCode.ERROR
    lines = {line["key"]: line for line in _lines(results)}
    assert set(lines) == {"ada", "bea", "broken", "more.jsonl:1"}
    assert [lines[k]["status"] for k in ("ada", "bea", "more.jsonl:1")] == ["ok"] * 3
    assert lines["broken"]["status"] == "failed" and "not valid JSON" in lines["broken"]["error"]
    again = run("--db", sqlite_url, "evaluate", str(folder), "-o", str(results), "--json")
    assert (again.json()["items"], again.json()["skipped"]) == (4, 3)


def test_an_interrupted_item_is_continued_not_started_again(batch, database_url):
    from mock_interview.services import evaluate as service
    from mock_interview.services.context import AppContext

    class StopAfterOneAnswer(threading.Event):
        calls = 0

        def is_set(self) -> bool:  # asked before each answer
            self.calls += 1
            return self.calls > 1

    items = service.read_items(batch)[:1]
    options = service.BatchOptions()
    ctx = AppContext.create(database_url=database_url)
    try:
        with pytest.raises(service._Stopped):
            service.run_item(ctx, items[0], options, StopAfterOneAnswer())
        summary = service.evaluate(ctx, items, options)
        assert (summary.succeeded, summary.skipped) == (1, 0) and summary.answers >= 1
    finally:
        ctx.close()
    assert _count(database_url, "interviews") == 1  # the same interview, finished
    assert _count(database_url, "answers") >= items[0].data["questions"]  # every question answered


@pytest.mark.parametrize("name, content, message", [
    ("batch.jsonl", b"hello\nworld\n", "not JSON lines"),
    ("batch.csv", b"a,b,c\n1,2,3\n", "does not look like a batch"),
    ("batch.json", b'{"items": [1, 2', "not valid JSON"),
    ("batch.json", b"42", "must hold an item"),
    ("batch.csv", b"", "is empty"),
    ("batch.jsonl", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "not a text file"),
    ("batch.csv", "name,resume\nJosé,cv.txt\n".encode("latin-1"), "not UTF-8"),
    ("batch.txt", b"just some words\n", "does not look like a batch"),
])
def test_malformed_input_is_a_usage_error(run, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    out = run("evaluate", str(path))
    assert out.exit_code == ExitCode.USAGE, (out.stdout, out.stderr)
    assert message in out.stderr and len(out.stderr.strip().splitlines()) == 1
    assert out.stdout == ""


@pytest.mark.parametrize("args, code", [
    (["--json"], ExitCode.USAGE),  # the summary would mix with the results on stdout
    (["--format", "xml"], ExitCode.USAGE),
    (["--concurrency", "0"], ExitCode.USAGE),
    (["--type", "chatty"], ExitCode.USAGE),
    (["--questions", "31"], ExitCode.USAGE),
    (["--engine", "magic"], ExitCode.USAGE),
    (["--output", "/no/such/folder/out.jsonl"], ExitCode.USAGE),
])
def test_bad_options(run, batch, args, code):
    out = run("evaluate", str(batch), *args)
    assert out.exit_code == code, out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_missing_input_is_not_found(run, tmp_path):
    out = run("evaluate", str(tmp_path / "nothing.jsonl"))
    assert out.exit_code == ExitCode.NOT_FOUND and "does not exist" in out.stderr


def test_help_has_an_example_and_the_module_stays_light(run):
    out = run("evaluate", "--help")
    assert out.exit_code == 0 and "mock-interview evaluate" in out.stdout.split("Example:", 1)[1]
    from tests.test_cli import HEAVY_MODULES

    probe = subprocess.run([sys.executable, "-X", "importtime", "-c", "import mock_interview.cli.evaluate"],
                           env=subprocess_env(), capture_output=True, text=True, timeout=60)
    assert probe.returncode == 0, probe.stderr[-2000:]
    imported = {line.split("|")[-1].strip().split(".")[0] for line in probe.stderr.splitlines()
                if line.startswith("import time:") and "|" in line}
    assert "typer" in imported and not imported & set(HEAVY_MODULES)


def test_runs_of_the_same_input_at_once_never_duplicate_an_interview(batch, tmp_path, database_url):
    """Four processes on the same six items: each item is interviewed once; a run that finds an
    item claimed by another says so on that item's line."""
    lines = batch.read_text(encoding="utf-8").splitlines()[:6]
    small = tmp_path / "six.jsonl"
    small.write_text("\n".join(lines) + "\n", encoding="utf-8")
    env = subprocess_env(MOCK_INTERVIEW_DATABASE_URL=database_url)
    assert subprocess.run([sys.executable, "-m", "mock_interview", "db", "upgrade"], env=env,
                          capture_output=True, timeout=120).returncode == 0
    outputs = [tmp_path / f"out{n}.jsonl" for n in range(4)]
    runs = [subprocess.Popen([sys.executable, "-m", "mock_interview", "evaluate", str(small),
                              "--output", str(out)], env=env, cwd=tmp_path,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for out in outputs]
    for process in runs:
        process.communicate(timeout=300)
    claimed = 0
    for out in outputs:
        for line in _lines(out):
            assert line["status"] == "ok" or "claimed by another evaluate run" in line["error"], line
            claimed += line["status"] != "ok"
    assert _count(database_url, "interviews") == 6
    # Afterwards every item is done: a re-run does no work.
    rerun = subprocess.run([sys.executable, "-m", "mock_interview", "evaluate", str(small), "--output",
                            str(tmp_path / "again.jsonl")], env=env, cwd=tmp_path, capture_output=True,
                           text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert all(line["skipped"] for line in _lines(tmp_path / "again.jsonl"))
    assert _count(database_url, "interviews") == 6


def test_resume_files_outside_the_batch_folder_need_allow_outside(run, tmp_path, resume_files, sqlite_url):
    batch_dir = tmp_path / "batch"
    batch_dir.mkdir()
    outside = tmp_path / "elsewhere.txt"
    shutil.copy(resume_files / "r0.txt", outside)
    shutil.copy(resume_files / "r0.txt", batch_dir / "inside.txt")
    (batch_dir / "link.txt").symlink_to(outside)  # a link inside pointing outside counts as outside
    items = [dict(_item(0, "x"), key="abs", resume=str(outside)),
             dict(_item(1, "x"), key="up", resume="../elsewhere.txt"),
             dict(_item(2, "x"), key="link", resume="link.txt"),
             dict(_item(3, "x"), key="in", resume="inside.txt")]
    path = batch_dir / "b.jsonl"
    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert run("evaluate", str(path), "--output", str(out), "--questions", "2").exit_code == 1
    lines = {line["key"]: line for line in _lines(out)}
    assert lines["in"]["status"] == "ok"
    for key in ("abs", "up", "link"):
        assert lines[key]["status"] == "failed" and "--allow-outside" in lines[key]["error"]
    assert _count(sqlite_url, "resumes") == 1
    again = tmp_path / "again.jsonl"
    assert run("evaluate", str(path), "--output", str(again), "--questions", "2",
               "--allow-outside").exit_code == 0
    assert all(line["status"] == "ok" for line in _lines(again))


def test_name_and_email_come_from_the_resume_when_the_item_has_none(run, tmp_path, sqlite_url):
    (tmp_path / "grace.txt").write_text("\n".join([
        "Grace Hopper", "Backend Engineer", "grace.hopper@example.com", "", "SKILLS",
        "Python, PostgreSQL, Docker", "", "EXPERIENCE", "Backend Developer", "Firm Ltd, Leeds",
        "Mar 2020 – Present", "• Cut API latency by 30% with Redis caching"]) + "\n", encoding="utf-8")
    (tmp_path / "nobody.txt").write_text("SKILLS\nPython\n\nEXPERIENCE\nDeveloper\nFirm Ltd\n"
                                         "2020 – 2022\n", encoding="utf-8")
    base = {"job": JOBS[0], "answers": ANSWERS[:3], "questions": 2}
    items = [dict(base, key="g", resume="grace.txt"), dict(base, key="n", resume="nobody.txt"),
             dict(base, key="given", resume="grace.txt", name="Ada Lovelace")]
    path = tmp_path / "b.jsonl"
    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert run("evaluate", str(path), "--output", str(out)).exit_code == 1
    lines = {line["key"]: line for line in _lines(out)}
    assert lines["g"]["status"] == "ok", lines["g"]
    assert (lines["g"]["candidate_name"], lines["g"]["candidate_email"]) == (
        "Grace Hopper", "grace.hopper@example.com")
    assert lines["g"]["candidate_from"] == "resume"
    assert lines["n"]["status"] == "failed" and "name or email" in lines["n"]["error"]
    assert lines["given"]["candidate_from"] == "item" and lines["given"]["candidate_name"] == "Ada Lovelace"
