"""Do non-answers that name the topic stay at 20 or below, and do correct answers that look
like dodges keep their credit? The floor suite through `mock-interview grade --input`.

    python bench/grading_floors.py [FLOORS_DIR] [--suite SUITE_DIR] [--part A|B] [--json]
        [--failures]

FLOORS_DIR (default bench/calibration-floors) holds JSONL files written for this project, one
line per question of the suite (default bench/calibration): its ``id``, five ``non_answers``
of different kinds (a joke, an anecdote, a question back, "I'd look it up", someone else's job,
a platitude, self-praise, the premise denied, a stall, a story about something else) and two
``tricky_correct`` answers that open like a dodge and then answer (optional: the sets in
bench/non-answers hold non-answers only). Each is graded with the
question's key points. The table shows, per kind, how many non-answers score over 20 (overall
or technical), and how many tricky correct answers were floored or said to make a wrong claim.
Part A (the first ten professions) is the part tuned on; part B measures what carries over.
Goals: no non-answer over 20; no tricky correct answer floored or flagged.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from mock_interview.testing.grading import FLOOR_FLAGS, grade_through_command, read_suite

HERE = Path(__file__).parent
PART_A = frozenset(("accounting", "civil_engineering", "cybersecurity", "data_ml", "design",
                    "finance", "hospitality", "hr", "legal_compliance", "logistics"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("floors", nargs="?", default=str(HERE / "calibration-floors"))
    parser.add_argument("--suite", default=str(HERE / "calibration"))
    parser.add_argument("--part", choices=("A", "B"), help="only the tuned (A) or the other (B) part")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--failures", action="store_true",
                        help="list every non-answer over 20 and every tricky answer marked down")
    args = parser.parse_args()
    suite = read_suite(args.suite)
    entries = [json.loads(line) for path in sorted(Path(args.floors).glob("*.jsonl"))
               if args.part is None or (path.stem in PART_A) == (args.part == "A")
               for line in path.read_text("utf-8").splitlines() if line.strip()]
    if not entries:
        print(f"no *.jsonl files in {args.floors}", file=sys.stderr)
        return 2
    items = []
    for entry in entries:
        question = suite[entry["id"]]
        answers = [(f"na{i}", a["text"]) for i, a in enumerate(entry["non_answers"])]
        answers += [(f"ok{i}", a) for i, a in enumerate(entry.get("tricky_correct", []))]
        for key, answer in answers:
            items.append({"id": f"{entry['id']}|{key}", "question": question["question"],
                          "answer": answer, "key_points": question["key_points"],
                          "kind": question.get("kind", "technical")})
    results = grade_through_command(items)
    over, total = Counter(), Counter()
    tricky = Counter()
    failures = []
    for entry in entries:
        for i, non_answer in enumerate(entry["non_answers"]):
            data = results[f"{entry['id']}|na{i}"]
            total[non_answer["kind"]] += 1
            if data["overall"] > 20 or data["technical"] > 20:
                over[non_answer["kind"]] += 1
                failures.append({"id": entry["id"], "what": non_answer["kind"],
                                 "overall": data["overall"], "answer": non_answer["text"]})
        for i, answer in enumerate(entry.get("tricky_correct", [])):
            data = results[f"{entry['id']}|ok{i}"]
            floored = bool(set(data["flags"]) & set(FLOOR_FLAGS))
            tricky["answers"] += 1
            tricky["floored"] += floored
            tricky["wrong_claim"] += bool(data["wrong_claims"])
            tricky["score"] += data["overall"]
            if floored or data["wrong_claims"]:
                failures.append({"id": entry["id"], "what": "tricky correct",
                                 "overall": data["overall"], "answer": answer})
    report = {
        "json_version": 1, "questions": len(entries), "part": args.part or "A+B",
        "non_answers_over_20": {k: over[k] for k in sorted(total)},
        "non_answers": {k: total[k] for k in sorted(total)},
        "tricky_correct": {"answers": tricky["answers"], "floored": tricky["floored"],
                           "wrong_claim": tricky["wrong_claim"],
                           "mean": round(tricky["score"] / max(1, tricky["answers"]), 1)},
    }
    if args.failures:
        report["failures"] = failures
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"floor suite: {len(entries)} questions, part {report['part']} "
          "(engine offline, rubric key points)")
    print(f"  {'non-answer kind':<18} {'over 20':>8} {'of':>4}")
    for kind in sorted(total):
        print(f"  {kind:<18} {over[kind]:>8} {total[kind]:>4}")
    print(f"  {'all':<18} {sum(over.values()):>8} {sum(total.values()):>4}")
    t = report["tricky_correct"]
    print(f"tricky correct answers: {t['answers']}, floored {t['floored']}, "
          f"wrong claim {t['wrong_claim']}, mean {t['mean']}")
    print("goals: no non-answer over 20; no tricky correct answer floored or flagged")
    if args.failures:
        for f in failures:
            print(f"  {f['id']:<24} {f['what']:<17} {f['overall']:>5}  {f['answer'][:110]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
