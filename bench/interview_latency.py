"""Time from submitting an answer to seeing the next question, with the offline engine.

    python bench/interview_latency.py [--interviews 20] [--json]

Runs whole interviews through the same InterviewSession the terminal uses, on a fresh SQLite
database in a temporary MOCK_INTERVIEW_HOME: each sample is `submit(answer)` (grade, commit)
plus `ensure_asked()` (the next question stored and ready to show). Goal: p95 <= 50 ms.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

ANSWERS = [
    "I would start by measuring where the time goes, then add caching for hot reads, and "
    "check the result against the baseline. In my last role that cut latency by 40%.",
    "When our release slipped, I was responsible for the plan. I split the work, agreed daily "
    "check-ins and we shipped two days late instead of two weeks; next time I'd raise it earlier.",
    "I don't know.",
    "A generator yields values lazily, one at a time, keeping its state between calls, so it "
    "uses far less memory than building a full list.",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interviews", type=int, default=20)
    parser.add_argument("--questions", type=int, default=8)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        from mock_interview.services import interview as service
        from mock_interview.services.context import AppContext
        from mock_interview.testing.environment import use_home
        from mock_interview.testing.interviews import store_resume

        use_home(Path(tmp))

        url = f"sqlite:///{tmp}/bench.db"
        store_resume(url)
        ctx = AppContext.create(database_url=url)
        rng = random.Random(1)
        samples, start_ms = [], []
        for n in range(args.interviews):
            begin = time.perf_counter()
            session = service.start(ctx, service.InterviewOptions(
                job="tallowbrook-senior-python-backend-engineer", count=args.questions, seed=n))
            start_ms.append((time.perf_counter() - begin) * 1000)
            while session.ensure_asked() is not None:
                answer = rng.choice(ANSWERS)
                begin = time.perf_counter()
                outcome = session.submit(answer)
                if not outcome.done:
                    session.ensure_asked()
                samples.append((time.perf_counter() - begin) * 1000)
            session.finish()
        ctx.close()
    ordered = sorted(samples)
    figures = {
        "answers": len(samples),
        "submit_to_next_question_ms": {
            "p50": round(statistics.median(ordered), 1),
            "p95": round(ordered[int(0.95 * (len(ordered) - 1))], 1),
            "max": round(ordered[-1], 1),
        },
        "start_interview_ms_p50": round(statistics.median(start_ms), 1),
        "goal_p95_ms": 50,
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    f = figures["submit_to_next_question_ms"]
    print(f"offline engine, SQLite, {figures['answers']} answers in {args.interviews} interviews\n")
    print(f"submit -> next question   p50 {f['p50']} ms   p95 {f['p95']} ms   max {f['max']} ms"
          f"   (goal p95 <= 50 ms)")
    print(f"starting an interview     p50 {figures['start_interview_ms_p50']} ms (plan + first question)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
