"""Job search latency on large synthetic catalogues, SQLite and Postgres, beside a raw FTS5 floor.

    python bench/search_latency.py [--data ../shared/bench-data/jobs] [--sizes 100000,1000000]
                                   [--backends sqlite,postgres] [--pg-url URL] [--json]

Catalogues are generated with a fixed seed from real vocabulary (the LinkedIn sample in
bench-data when present, else the packaged sample catalogue), written as JSONL and loaded
through `jobs import` (the product's own path: validation, upsert, index triggers). Queries
are a fixed, seeded set of keyword, filtered and resume-ranked searches, timed through the
service layer (what a command does after start-up). "cold" is each query's first run on a
fresh connection, "warm" the median of later runs.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # run from a checkout without installing

GOALS = {"100000": 50.0, "1000000": 500.0}  # p95 ms
LEVELS = ["intern", "junior", "mid", "senior", "lead", "principal"]
REMOTE = ["onsite", "hybrid", "remote"]
TYPES = ["full-time"] * 6 + ["contract", "part-time", "internship", "temporary"]


def load_vocabulary(data_dir: Path | None) -> dict[str, list[str]]:
    sample = json.loads((ROOT / "sample_jobs.json").read_text(encoding="utf-8"))["jobs"]
    rows = sample
    source = "sample_jobs.json"
    if data_dir is not None:
        catalogue = data_dir / "linkedin_2023_24_sample_1000.catalogue.json"
        if not catalogue.exists():
            sys.exit(f"error: {catalogue} not found (give --data the bench-data/jobs folder)")
        rows = json.loads(catalogue.read_text(encoding="utf-8")) + sample
        source = f"{catalogue.name} + sample_jobs.json"
    sentences, titles, companies, locations = [], [], [], []
    for row in rows:
        text = (row.get("description") or "").replace("\n", " ")
        sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if 40 <= len(s.strip()) <= 300]
        titles.append(row["title"])
        companies.append(row.get("company") or "Company")
        locations.append(row.get("location") or "Remote")
    skills = sorted({s for row in sample for s in row.get("skills_required", [])})
    requirements = [r for row in sample for r in row.get("requirements", [])]
    return {"source": [source], "sentences": sentences, "titles": titles, "companies": companies,
            "locations": locations, "skills": skills, "requirements": requirements}


def generate(path: Path, size: int, vocab: dict[str, list[str]], seed: int = 7) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as handle:
        for i in range(size):
            level = rng.choice(LEVELS)
            low = rng.randrange(30_000, 200_000, 1000)
            row = {
                "slug": f"synthetic-{i}",
                "title": rng.choice(vocab["titles"]),
                "company": rng.choice(vocab["companies"]),
                "description": " ".join(rng.sample(vocab["sentences"], 4)),
                "requirements": rng.sample(vocab["requirements"], 3),
                "skills_required": rng.sample(vocab["skills"], rng.randint(3, 7)),
                "location": rng.choice(vocab["locations"]),
                "remote": rng.choice(REMOTE),
                "experience_level": level,
                "job_type": rng.choice(TYPES),
                "salary_min": low,
                "salary_max": low + rng.randrange(5_000, 60_000, 1000),
                "currency": "USD",
                "posted_at": f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}",
            }
            handle.write(json.dumps(row) + "\n")


def query_set(vocab: dict[str, list[str]], seed: int = 11) -> dict[str, list[dict]]:
    rng = random.Random(seed)
    words = [w for t in vocab["titles"] for w in re.findall(r"[A-Za-z]{4,}", t)]
    keyword = [" ".join(rng.sample(words, rng.randint(1, 2))).lower() for _ in range(25)]
    keyword += [s.lower() for s in rng.sample(vocab["skills"], 5)]
    filtered = []
    for text in keyword[:20]:
        choice = rng.randrange(4)
        options = [{"remote": True}, {"level": rng.choice(LEVELS)},
                   {"min_salary": rng.randrange(80_000, 160_000, 10_000)},
                   {"skills": [rng.choice(vocab["skills"])]}][choice]
        filtered.append({"text": text, **options})
    resume = [{"text": None}] + [{"text": t} for t in keyword[:9]]
    return {"keyword": [{"text": t} for t in keyword], "filtered": filtered, "resume-ranked": resume}


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def add_resume(ctx, vocab) -> None:
    from sqlmodel import select

    from mock_interview.services import profiles
    from mock_interview.store.models import Resume, User

    profiles.register(ctx, "Bench Person", "bench@example.com")
    with ctx.database().session() as session:
        user = session.exec(select(User).where(User.email == "bench@example.com")).one()
        session.add(Resume(
            user_id=user.id, filename="bench.pdf", file_path="-", content_hash=uuid.uuid4().hex,
            skills=[{"name": s} for s in vocab["skills"][:12]],
            experience=[{"title": vocab["titles"][0]}, {"title": vocab["titles"][1]}],
            total_years_experience=6.0, contact={"location": vocab["locations"][0]},
        ))


def time_queries(url: str, queries: dict[str, list[dict]], repeats: int) -> dict[str, dict]:
    from mock_interview.services import jobs
    from mock_interview.services.context import AppContext

    figures = {}
    for kind, items in queries.items():
        cold, warm = [], []
        for item in items:
            ctx = AppContext.create(database_url=url)
            ctx.database()
            params = dict(item)
            text = params.pop("text")
            match = kind == "resume-ranked"
            runs = []
            for _ in range(repeats + 1):
                start = time.perf_counter()
                jobs.search(ctx, text, match=match if match else False, **params)
                runs.append((time.perf_counter() - start) * 1000)
            cold.append(runs[0])
            warm.append(statistics.median(runs[1:]))
            ctx.close()
        figures[kind] = {"queries": len(items), "cold_p50_ms": round(percentile(cold, .5), 1),
                         "cold_p95_ms": round(percentile(cold, .95), 1),
                         "p50_ms": round(percentile(warm, .5), 1),
                         "p95_ms": round(percentile(warm, .95), 1)}
    return figures


def raw_fts_floor(db_file: Path, queries: dict[str, list[dict]], repeats: int) -> dict:
    from mock_interview.domain.jobs import query_terms

    connection = sqlite3.connect(db_file)
    samples = []
    for item in queries["keyword"]:
        match = " ".join(f'"{t}"*' for t in query_terms(item["text"]))
        runs = []
        for _ in range(repeats + 1):
            start = time.perf_counter()
            connection.execute("SELECT rowid FROM jobs_fts WHERE jobs_fts MATCH ? "
                               "ORDER BY bm25(jobs_fts, 10.0, 5.0, 2.0, 1.0) LIMIT 20",
                               (match,)).fetchall()
            runs.append((time.perf_counter() - start) * 1000)
        samples.append(statistics.median(runs[1:]))
    connection.close()
    return {"queries": len(samples), "p50_ms": round(percentile(samples, .5), 1),
            "p95_ms": round(percentile(samples, .95), 1)}


def run_one(backend: str, size: int, jsonl: Path, workdir: Path, pg_url: str | None,
            queries, vocab, repeats: int) -> dict:
    import sqlalchemy as sa

    from mock_interview.services import jobs
    from mock_interview.services.context import AppContext

    if backend == "sqlite":
        db_file = workdir / f"bench-{size}.db"
        url = f"sqlite:///{db_file}"
        cleanup = None
    else:
        schema = f"bench_{size}_{uuid.uuid4().hex[:6]}"
        engine = sa.create_engine(pg_url)
        with engine.begin() as connection:
            connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
        sep = "&" if "?" in pg_url else "?"
        url = f"{pg_url}{sep}options=-csearch_path%3D{schema}"

        def cleanup() -> None:
            with engine.begin() as connection:
                connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
            engine.dispose()
    try:
        ctx = AppContext.create(database_url=url)
        start = time.perf_counter()
        # One import of the whole catalogue, whatever its size: a 1M catalogue is 1.1 GB, over
        # the file limit of a person's import, and parts imported one by one would be indexed
        # as they arrive instead of once (store/jobs_postgres.py, _DeferredIndexes).
        from mock_interview.io import limits
        limits.MAX_CATALOGUE_FILE_BYTES = max(limits.MAX_CATALOGUE_FILE_BYTES, jsonl.stat().st_size)
        report = jobs.import_catalogue(ctx, jsonl)
        load_s = time.perf_counter() - start
        assert report.imported and report.inserted == size, report.to_json()  # (and analysed)
        add_resume(ctx, vocab)
        ctx.close()
        result = {"backend": backend, "size": size, "load_seconds": round(load_s, 1),
                  "load_rows_per_second": round(size / load_s),
                  "queries": time_queries(url, queries, repeats)}
        if backend == "sqlite":
            result["raw_fts5_floor"] = raw_fts_floor(db_file, queries, repeats)
            result["database_mb"] = round(sum(p.stat().st_size for p in workdir.glob(f"bench-{size}.db*")) / 1e6)
        return result
    finally:
        if cleanup:
            cleanup()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None,
                        help="bench-data/jobs folder for vocabulary (default: packaged catalogue)")
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--pg-url", default=os.environ.get(
        "MOCK_INTERVIEW_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"))
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    vocab = load_vocabulary(args.data)
    queries = query_set(vocab)
    results = []
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        workdir = Path(tmp)
        os.environ["MOCK_INTERVIEW_HOME"] = str(workdir / "home")
        for size in [int(s) for s in args.sizes.split(",")]:
            jsonl = workdir / f"catalogue-{size}.jsonl"
            start = time.perf_counter()
            generate(jsonl, size, vocab)
            print(f"generated {size:,} postings ({jsonl.stat().st_size / 1e6:.0f} MB) in "
                  f"{time.perf_counter() - start:.1f} s", file=sys.stderr)
            for backend in args.backends.split(","):
                backend = "postgresql" if backend.startswith("postgres") else backend
                print(f"loading and querying {backend} at {size:,} …", file=sys.stderr)
                result = run_one(backend, size, jsonl, workdir, args.pg_url, queries, vocab,
                                 args.repeats)
                results.append(result)
                # Each figure as soon as it exists: a 1M run takes a while.
                print(json.dumps(result), file=sys.stderr, flush=True)
            jsonl.unlink()
    summary = {"vocabulary": vocab["source"][0], "seed": 7, "goals_p95_ms": GOALS,
               "results": results}
    if args.json:
        print(json.dumps(summary, indent=2))
        return 0
    print(f"vocabulary: {summary['vocabulary']}; query set seeded; times per search in ms\n")
    header = (f"{'backend':<11}{'size':>9}  {'load s':>7}  {'query kind':<14}{'p50':>7}{'p95':>7}"
              f"{'cold p95':>9}  goal p95")
    print(header)
    print("-" * len(header))
    for r in results:
        goal = GOALS.get(str(r["size"]), "")
        for kind, f in r["queries"].items():
            print(f"{r['backend']:<11}{r['size']:>9,}  {r['load_seconds']:>7}  {kind:<14}"
                  f"{f['p50_ms']:>7}{f['p95_ms']:>7}{f['cold_p95_ms']:>9}  <= {goal}")
        if "raw_fts5_floor" in r:
            f = r["raw_fts5_floor"]
            print(f"{'sqlite':<11}{r['size']:>9,}  {'':>7}  {'raw FTS5':<14}{f['p50_ms']:>7}{f['p95_ms']:>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
