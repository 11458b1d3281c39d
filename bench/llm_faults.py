"""What each model fault costs an interview: completed, answers lost, fallback recorded, waiting.

Runs scripted 6-question interviews (``interview --answers``, the real CLI in this process)
against the scripted OpenAI-compatible server on 127.0.0.1, with one fault repeated at one step
(plan, grade, follow-up): 429 with Retry-After, 500, a hung endpoint, a 200 that is not JSON, an
empty 200, a schema violation, ``json_schema`` rejected, the connection closed mid-body. "Waited"
is the run's time minus a fault-free run's. Then the issue's two goals: a hung endpoint on every
call (waiting <= llm.timeout + 10 s) and Retry-After 30 on every call (<= 20 s).

    python bench/llm_faults.py                 # llm.timeout 10 s
    python bench/llm_faults.py --timeout 60    # the default timeout
    python bench/llm_faults.py --json
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

JOB = "tallowbrook-senior-python-backend-engineer"
QUESTIONS = 6
# Short answers earn follow-ups, so the follow-up step is exercised; each one is distinct so a
# lost or misplaced answer shows.
ANSWERS = [f"Answer {n}: our checkout was slow once and it got better after a while." for n in range(16)]
STEPS = ("plan", "grade", "follow-up")


def faults(timeout: float) -> dict[str, object]:
    from mock_interview.testing.llm_server import Cut, Fault, Hang, Raw, Reply

    return {
        "429 retry-after 30": Fault(429, headers={"retry-after": "30"}),
        "500": Fault(500),
        "hang": Hang(timeout + 5),
        "non-JSON 200": Raw(b"<html><body>502 Bad Gateway</body></html>", "text/html"),
        "empty 200": Raw(b""),
        "schema violation": Reply({"unexpected": True}),
        "json_schema rejected": "reject",
        "closed mid-body": Cut(),
    }


def interview(server, timeout: float) -> dict:
    from typer.testing import CliRunner

    from mock_interview.cli.app import app
    from mock_interview.testing.environment import use_home
    from mock_interview.testing.interviews import store_resume

    with tempfile.TemporaryDirectory() as home:
        use_home(Path(home))
        store_resume(None)
        runner = CliRunner()
        runner.invoke(app, ["config", "set", "llm.timeout", str(timeout)])
        answers = Path(home) / "answers.json"
        answers.write_text(json.dumps(ANSWERS))
        started = time.monotonic()
        result = runner.invoke(app, [
            "interview", "--job", JOB, "--questions", str(QUESTIONS), "--seed", "4",
            "--engine", "openai", "--base-url", server.url, "--model", "test-model",
            "--answers", str(answers), "--json"])
        seconds = time.monotonic() - started
    try:
        data = json.loads(result.stdout)
    except ValueError:
        return {"completed": False, "lost": None, "fallback": {}, "calls": {}, "seconds": seconds,
                "error": (result.stderr or "").strip().splitlines()[-1:]}
    rows = data.get("questions") or []
    stored = [q.get("answer") for q in rows if q.get("status") == "answered"]
    given = ANSWERS[: len(stored)]
    unanswered = sum(1 for q in rows if q.get("status") != "answered")
    lost = sum(1 for a, b in zip(stored, given, strict=True) if a != b) + (
        unanswered if len(stored) < len(ANSWERS) else 0)
    llm = data.get("llm") or {}
    steps = (llm.get("usage") or {}).get("steps") or {}
    # Where each step's fallback is recorded: the plan's engine, each answer's grade, and the
    # cost ledger's failed calls (a follow-up's wording is not stored apart from its question).
    fallback = {
        "plan": llm.get("plan_engine") != "openai",
        "grade": any(((q.get("feedback") or {}).get("llm") or {}).get("status") == "fallback"
                     for q in rows),
        "follow-up": bool((steps.get("follow-up") or {}).get("failed")),
    }
    calls = {step: (steps.get(step) or {}).get("calls", 0) for step in STEPS}
    return {"completed": data.get("status") == "completed", "lost": lost, "fallback": fallback,
            "calls": calls, "seconds": seconds, "error": None}


def run_case(step: str | None, fault: object, timeout: float) -> dict:
    from mock_interview.testing.llm_server import LLMServer

    with LLMServer() as server:
        if fault == "reject":
            server.accept = {"json_object", "json_object_schema", "text"}
        elif fault is not None and step is not None:
            server.script(step, *[fault] * 80)
        return interview(server, timeout)


def goal(kind: str, timeout: float) -> dict:
    from mock_interview.testing.llm_server import Fault, Hang, LLMServer

    with LLMServer() as server:
        action = Hang(timeout + 5) if kind == "hang" else Fault(429, headers={"retry-after": "30"})
        server.script("any", *[action] * 200)
        return interview(server, timeout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--timeout", type=float, default=10.0, help="llm.timeout in seconds")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--goals-only", action="store_true", help="only the two goal runs")
    args = parser.parse_args()

    baseline = run_case(None, None, args.timeout)
    rows = []
    for name, fault in ({} if args.goals_only else faults(args.timeout)).items():
        for step in STEPS:
            outcome = run_case(step, fault, args.timeout)
            outcome.update(fault=name, step=step, waited=max(0.0, outcome["seconds"] - baseline["seconds"]),
                           fallback_recorded=outcome["fallback"].get(step, False),
                           calls_at_step=outcome["calls"].get(step, 0))
            rows.append(outcome)
    goals = []
    for kind, limit in (("hang", args.timeout + 10), ("retry-after 30", 20.0)):
        outcome = goal(kind, args.timeout)
        # The whole run counts as waiting here (stricter than the difference to a fault-free run).
        waited = outcome["seconds"]
        goals.append({"fault": f"{kind} on every call", "waited": waited, "seconds": outcome["seconds"],
                      "limit": limit,
                      "met": waited <= limit and outcome["completed"] and outcome["lost"] == 0,
                      "completed": outcome["completed"], "lost": outcome["lost"]})

    if args.json:
        print(json.dumps({"timeout": args.timeout, "baseline_seconds": baseline["seconds"],
                          "cases": rows, "goals": goals}, indent=2))
        return
    print(f"llm.timeout {args.timeout:g} s; fault-free interview {baseline['seconds']:.1f} s "
          f"({QUESTIONS} questions)\n")
    print("fallback: whether the interview records that the step was done offline; calls: HTTP "
          "requests at that step (0: never asked, e.g. follow-up worded offline while grading)\n")
    print(f"{'fault':<22} {'step':<10} {'completed':>9} {'lost':>5} {'fallback':>9} {'calls':>6} "
          f"{'waited s':>9} {'run s':>6}")
    for row in rows:
        print(f"{row['fault']:<22} {row['step']:<10} {'yes' if row['completed'] else 'NO':>9} "
              f"{row['lost'] if row['lost'] is not None else '?':>5} "
              f"{'yes' if row['fallback_recorded'] else 'no':>9} {row['calls_at_step']:>6} "
              f"{row['waited']:>9.1f} {row['seconds']:>6.1f}")
    print()
    for g in goals:
        print(f"{g['fault']:<28} whole run {g['waited']:5.1f} s (goal: waiting <= {g['limit']:g} s)  "
              f"completed {'yes' if g['completed'] else 'NO'}, lost {g['lost']}  "
              f"{'MET' if g['met'] else 'MISSED'}")


if __name__ == "__main__":
    main()
