"""Do scores follow correctness? The calibration suite through `mock-interview grade --input`.

    python bench/grading_calibration.py [SUITE_DIR] [--json] [--failures]
        [--reference-only | --joined-reference | --both]

SUITE_DIR (default bench/calibration) holds JSONL files written for this project: each line a
question with key points and six answers (excellent, thin, fluent_wrong, keywords, non_answer,
paraphrase) and a reference text. By default each item carries the key points; the rubric
options give it only the reference (--reference-only), only the key points joined into one
text (--joined-reference), or both (--both), as items from other authors may. Every answer
is graded by the installed command, and the table shows how often each ordering holds
(excellent > thin > fluent-wrong > non-answer; keyword list < thin; paraphrase within 15
points of excellent), every cap violation (a non-answer over 20), how
many correct answers (excellent, paraphrase, thin) were said to make a wrong claim, and with
--failures every ordering that does not hold.
Goals: >= 90% of orderings, 0 violations.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from mock_interview.testing.grading import grade_through_command

VARIANTS = ("excellent", "thin", "fluent_wrong", "keywords", "non_answer", "paraphrase")
CHECKS = {
    "excellent > thin": lambda s: s["excellent"] > s["thin"],
    "thin > fluent-wrong": lambda s: s["thin"] > s["fluent_wrong"],
    "fluent-wrong > non-answer": lambda s: s["fluent_wrong"] > s["non_answer"],
    "keyword list < thin": lambda s: s["keywords"] < s["thin"],
    "paraphrase within 15 of excellent": lambda s: abs(s["paraphrase"] - s["excellent"]) <= 15,
}


def _joined(points: list[str]) -> str:
    return " ".join(p.strip() if p.strip()[-1:] in ".!?" else p.strip() + "." for p in points)


def _rubric(question: dict, args: argparse.Namespace) -> dict:
    """The rubric fields an item carries: key points, a reference text, or both."""
    points = question.get("key_points") or []
    reference = question.get("reference") or _joined(points)
    if args.reference_only:
        return {"reference": reference}
    if args.joined_reference:
        return {"reference": _joined(points)}
    if args.both:
        return {"key_points": points, "reference": reference}
    return {"key_points": points}


def _rubric_name(args: argparse.Namespace) -> str:
    if args.reference_only:
        return "reference only"
    if args.joined_reference:
        return "key points joined as a reference"
    return "key points and reference" if args.both else "key points"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("suite", nargs="?", default=str(Path(__file__).parent / "calibration"))
    parser.add_argument("--score", default="overall", choices=("overall", "technical"))
    parser.add_argument("--engine", default="offline", choices=("auto", "offline", "openai"))
    parser.add_argument("--base-url", help="model endpoint for --engine openai")
    parser.add_argument("--model", help="model name for --engine openai")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--failures", action="store_true",
                        help="list every ordering that does not hold, with both scores")
    rubric = parser.add_mutually_exclusive_group()
    rubric.add_argument("--reference-only", action="store_true",
                        help="give each item only a reference text (the question's own, or its "
                             "key points joined as sentences), as a trainer with a model answer")
    rubric.add_argument("--joined-reference", action="store_true",
                        help="give each item only its key points joined into one reference text")
    rubric.add_argument("--both", action="store_true",
                        help="give each item its key points and its reference text")
    args = parser.parse_args()
    files = sorted(Path(args.suite).glob("*.jsonl"))
    if not files:
        print(f"no *.jsonl files in {args.suite}", file=sys.stderr)
        return 2
    questions = [json.loads(line) for f in files for line in f.read_text("utf-8").splitlines()
                 if line.strip()]
    items = []
    for q in questions:
        for variant in VARIANTS:
            item = {"id": f"{q['id']}|{variant}", "question": q["question"],
                    "answer": q["answers"][variant], "kind": q.get("kind", "technical")}
            item.update(_rubric(q, args))
            items.append(item)
    results = grade_through_command(items, args.engine, args.base_url, args.model)
    held, total = Counter(), Counter()
    by_field: dict[str, Counter] = defaultdict(Counter)
    violations = []
    failures = []
    means: dict[str, list[float]] = defaultdict(list)
    for q in questions:
        scores = {}
        for variant in VARIANTS:
            data = results[f"{q['id']}|{variant}"]
            scores[variant] = data[args.score]
            means[variant].append(data[args.score])
            if variant == "non_answer" and (data["overall"] > 20 or data["technical"] > 20):
                violations.append({"id": q["id"], "overall": data["overall"],
                                   "answer": q["answers"][variant][:60]})
        field = q.get("profession", q["id"].rsplit("-", 1)[0])
        for name, check in CHECKS.items():
            ok = bool(check(scores))
            if not ok:
                failures.append({"id": q["id"], "ordering": name, "scores": scores,
                                 "wrong_claims": {v: len(results[f"{q['id']}|{v}"]["wrong_claims"])
                                                  for v in ("excellent", "paraphrase", "thin",
                                                            "fluent_wrong")}})
            held[name] += ok
            total[name] += 1
            by_field[field]["held"] += ok
            by_field[field]["total"] += 1
    share = sum(held.values()) / max(1, sum(total.values()))
    report = {
        "json_version": 1, "questions": len(questions), "score": args.score, "engine": args.engine,
        "rubric": _rubric_name(args),
        "orderings": {k: round(held[k] / total[k], 3) for k in total},
        "orderings_held": round(share, 3), "violations": violations,
        "mean_score": {k: round(sum(v) / len(v), 1) for k, v in means.items()},
        "by_field": {k: round(v["held"] / v["total"], 3) for k, v in sorted(by_field.items())},
        # Answers that should make no wrong claim but were said to: a false "wrong" costs the
        # person more than a missed one.
        "false_wrong_claims": {v: sum(bool(results[f"{q['id']}|{v}"]["wrong_claims"])
                                      for q in questions)
                               for v in ("excellent", "paraphrase", "thin")},
    }
    if args.failures:
        report["failures"] = failures
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"calibration suite: {len(questions)} questions, {len(files)} files, score = {args.score}, "
          f"engine = {args.engine}, rubric = {report['rubric']}")
    for name in CHECKS:
        print(f"  {name:<36} {held[name]:>4}/{total[name]:<4} {held[name] / total[name]:6.1%}")
    print(f"  {'all orderings':<36} {sum(held.values()):>4}/{sum(total.values()):<4} {share:6.1%}")
    print("mean score: " + ", ".join(f"{k} {v}" for k, v in report["mean_score"].items()))
    print("by field: " + ", ".join(f"{k} {v:.0%}" for k, v in report["by_field"].items()))
    print("wrong claims found in correct answers: " + ", ".join(
        f"{k} {v}/{len(questions)}" for k, v in report["false_wrong_claims"].items()))
    print(f"cap violations (non-answer over 20): {len(violations)}")
    for v in violations:
        print(f"  {v['id']}: {v['overall']} {v['answer']!r}")
    if args.failures:
        print(f"orderings that do not hold: {len(failures)}")
        for f in failures:
            shown = ", ".join(f"{k} {v}" for k, v in f["scores"].items())
            wrong = ", ".join(f"{k} {v}" for k, v in f["wrong_claims"].items() if v)
            print(f"  {f['id']:<16} {f['ordering']:<34} {shown}"
                  + (f" (wrong claims: {wrong})" if wrong else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
