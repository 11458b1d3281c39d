"""Are correct answers left alone? More correct answers to the calibration suite's questions
through `mock-interview grade --input`.

    python bench/grading_precision.py [CORRECT_DIR] [--suite SUITE_DIR] [--json] [--failures]

CORRECT_DIR (default bench/calibration-correct) holds JSONL files written for this project,
one line per question of the suite (default bench/calibration): its ``id`` and ``answers``,
each a correct answer in other words ("plain": a full spoken answer; "terse": an expert's
dense one, with symbols, lists and formulas). Each is graded with the question's key points,
and the table shows, per kind of answer, how many were said to make a wrong claim (a false
"wrong" costs the person more than a missed one), how many were floored as non-answers, the
mean score and how often it is within 15 points of the suite's excellent answer.
Goals: no wrong claim and no floor on a correct answer.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from mock_interview.testing.grading import FLOOR_FLAGS, grade_through_command, read_suite

HERE = Path(__file__).parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("correct", nargs="?", default=str(HERE / "calibration-correct"))
    parser.add_argument("--suite", default=str(HERE / "calibration"))
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--failures", action="store_true",
                        help="list every flagged or floored answer with its quote")
    args = parser.parse_args()
    suite = read_suite(args.suite)
    extra = [json.loads(line) for path in sorted(Path(args.correct).glob("*.jsonl"))
             for line in path.read_text("utf-8").splitlines() if line.strip()]
    if not extra:
        print(f"no *.jsonl files in {args.correct}", file=sys.stderr)
        return 2
    items = []
    for entry in extra:
        question = suite[entry["id"]]
        answers = dict(entry["answers"], excellent=question["answers"]["excellent"])
        for variant, answer in answers.items():
            items.append({"id": f"{entry['id']}|{variant}", "question": question["question"],
                          "answer": answer, "key_points": question["key_points"],
                          "kind": question.get("kind", "technical")})
    results = grade_through_command(items)
    rows: dict[str, dict] = defaultdict(lambda: defaultdict(int))
    scores: dict[str, list[float]] = defaultdict(list)
    failures = []
    for entry in extra:
        excellent = results[f"{entry['id']}|excellent"]["overall"]
        for variant in entry["answers"]:
            data = results[f"{entry['id']}|{variant}"]
            row = rows[variant]
            row["answers"] += 1
            row["wrong_claim"] += bool(data["wrong_claims"])
            floored = bool(set(data["flags"]) & set(FLOOR_FLAGS))
            row["floored"] += floored
            row["within_15"] += abs(data["overall"] - excellent) <= 15
            scores[variant].append(data["overall"])
            if data["wrong_claims"] or floored:
                failures.append({"id": entry["id"], "variant": variant, "overall": data["overall"],
                                 "flags": data["flags"],
                                 "quotes": [c["quote"] for c in data["wrong_claims"]]})
    report = {
        "json_version": 1, "questions": len(extra),
        "by_kind": {v: {**r, "mean": round(sum(scores[v]) / len(scores[v]), 1)}
                    for v, r in rows.items()},
        "wrong_claim_answers": sum(r["wrong_claim"] for r in rows.values()),
        "floored_answers": sum(r["floored"] for r in rows.values()),
    }
    if args.failures:
        report["failures"] = failures
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"correct answers: {sum(r['answers'] for r in rows.values())} to {len(extra)} questions "
          f"(engine offline, rubric key points)")
    print(f"  {'kind':<8} {'answers':>7} {'wrong claim':>12} {'floored':>8} {'mean':>6} {'within 15':>10}")
    for variant, row in rows.items():
        print(f"  {variant:<8} {row['answers']:>7} {row['wrong_claim']:>12} {row['floored']:>8} "
              f"{report['by_kind'][variant]['mean']:>6} {row['within_15']:>10}")
    print("goals: wrong claim 0, floored 0")
    if args.failures:
        for f in failures:
            print(f"  {f['id']:<22} {f['variant']:<6} {f['overall']:>5} {','.join(f['flags'])}")
            for quote in f["quotes"]:
                print(f"      {quote[:150]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
