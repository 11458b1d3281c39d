"""Start-up time of `mock-interview --help` beside a bare Typer hello-world, in the same run.

    python bench/startup.py [--runs 20] [--json]

Each sample is a fresh process (the real console script when installed, else
`python -m mock_interview`). Prints the medians and their ratio; the goal is <= 1.5x.
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
        # Interleave the two so machine noise hits both alike.
        a, b = [], []
        for _ in range(args.runs):
            a += time_command(ours, 1, env)
            b += time_command(baseline, 1, env)
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
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"start-up, {args.runs} runs each (fresh process per run)\n")
    print(f"{'':28}{'median ms':>10}{'p95 ms':>10}{'min ms':>10}")
    for label, key in (("mock-interview --help", "mock_interview_help"),
                       ("typer hello-world --help", "typer_hello_help")):
        row = result[key]
        print(f"{label:28}{row['median_ms']:>10}{row['p95_ms']:>10}{row['min_ms']:>10}")
    print(f"\nratio (median): {result['ratio_median']}x   goal: <= {result['goal_ratio']}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
