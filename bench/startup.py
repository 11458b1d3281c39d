"""Start-up time of `mock-interview --help` beside a bare Typer hello-world, and of the quick
read-only commands (whoami, stats, results, interviews list) beside `--help`, in the same run.

    python bench/startup.py [--runs 20] [--json]

Each sample is a fresh process (the real console script when installed, else
`python -m mock_interview`), on a throwaway home holding one profile and three offline
interviews. Goals: --help <= 1.5x the hello-world; each read-only command <= 2x --help.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HELLO = '''
import typer

app = typer.Typer()


@app.command()
def hello(name: str = "world") -> None:
    """Say hello."""
    typer.echo(f"hello {name}")


if __name__ == "__main__":
    app()
'''


def time_command(command: list[str], runs: int, env: dict[str, str]) -> list[float]:
    subprocess.run(command, env=env, capture_output=True, check=True)  # warm the file cache
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, capture_output=True, check=True)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


READ_ONLY = (("whoami",), ("stats",), ("results", "{id}"), ("interviews", "list"))
SAMPLE_RESUME = """Robin Vale
robin.vale@example.com | Bristol, UK

Experience
Backend Engineer, Larkspur Data Ltd, 2018 - 2024
- Built Python and Django APIs serving 2 million requests a day
- Ran PostgreSQL, Redis and Docker in production

Skills
Python, Django, PostgreSQL, Redis, Docker, AWS
"""
SAMPLE_ANSWER = ("At my last job I profiled the slow endpoint, added an index and a cache, "
                 "and cut the p95 latency from 900 ms to 120 ms; I measured it before and after.")


def prepare_home(ours: list[str], env: dict[str, str], tmp: Path) -> str:
    """One profile with three completed offline interviews; returns the last interview's id."""
    run = lambda *args, **kw: subprocess.run([*ours[:-1], *args], env=env, capture_output=True,  # noqa: E731
                                             text=True, check=True, **kw)
    run("register", "--name", "Bench Person", "--email", "bench@example.com")
    resume = tmp / "resume.txt"
    resume.write_text(SAMPLE_RESUME, encoding="utf-8")
    run("upload", str(resume))
    answers = tmp / "answers.json"
    answers.write_text(json.dumps([SAMPLE_ANSWER] * 12))
    interview_id = ""
    for seed in range(3):
        out = run("interview", "--questions", "4", "--engine", "offline", "--seed", str(seed),
                  "--answers", str(answers), "--json")
        interview_id = json.loads(out.stdout)["interview_id"]
    return interview_id


def summarise(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "median_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))], 1),
        "min_ms": round(ordered[0], 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    script = shutil.which("mock-interview", path=str(Path(sys.executable).parent))
    ours = [script, "--help"] if script else [sys.executable, "-m", "mock_interview", "--help"]
    with tempfile.TemporaryDirectory() as tmp:
        hello_path = Path(tmp) / "hello.py"
        hello_path.write_text(HELLO)
        env = {**os.environ, "MOCK_INTERVIEW_HOME": str(Path(tmp) / "home"), "COLUMNS": "100"}
        baseline = [sys.executable, str(hello_path), "--help"]
        interview_id = prepare_home(ours, env, Path(tmp))
        commands = {" ".join(args).replace("{id}", "ID"): [*ours[:-1], *(a.replace("{id}", interview_id) for a in args)]
                    for args in READ_ONLY}
        # Interleave them all so machine noise hits each alike.
        a, b = [], []
        reads: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            a += time_command(ours, 1, env)
            b += time_command(baseline, 1, env)
            for name, command in commands.items():
                reads[name] += time_command(command, 1, env)
    result = {
        "command": " ".join(Path(ours[0]).name if i == 0 else p for i, p in enumerate(ours)),
        "runs": args.runs,
        "mock_interview_help": summarise(a),
        "typer_hello_help": summarise(b),
    }
    result["ratio_median"] = round(
        result["mock_interview_help"]["median_ms"] / result["typer_hello_help"]["median_ms"], 2
    )
    result["goal_ratio"] = 1.5
    help_median = result["mock_interview_help"]["median_ms"]
    result["read_only"] = {name: {**summarise(samples),
                                  "ratio_to_help": round(statistics.median(samples) / help_median, 2)}
                           for name, samples in reads.items()}
    result["read_only_goal_ratio"] = 2.0
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"start-up, {args.runs} runs each (fresh process per run)\n")
    print(f"{'':28}{'median ms':>10}{'p95 ms':>10}{'min ms':>10}{'x --help':>10}")
    for label, key in (("mock-interview --help", "mock_interview_help"),
                       ("typer hello-world --help", "typer_hello_help")):
        row = result[key]
        print(f"{label:28}{row['median_ms']:>10}{row['p95_ms']:>10}{row['min_ms']:>10}")
    for name, row in result["read_only"].items():
        print(f"{'mock-interview ' + name:28}{row['median_ms']:>10}{row['p95_ms']:>10}{row['min_ms']:>10}"
              f"{row['ratio_to_help']:>10}")
    print(f"\nratio --help / hello-world (median): {result['ratio_median']}x   goal: <= {result['goal_ratio']}x")
    print(f"read-only commands / --help goal: <= {result['read_only_goal_ratio']}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
