"""Do interviews ask about the candidate's own field? Coverage of the offline planner per field.

    python bench/question_coverage.py [--jobs sample_jobs.json] [--questions 6] [--json]

For every posting in the sample catalogue, two resumes are synthesised (a fixed seed per
posting): one from the posting's own field, one from another field, each made of job titles
and skills from that field's "detect" lists (the software field uses the planner's own lists).
Each resume gets a mixed and a technical interview of --questions questions. Per field (the
posting's field as families.py detects it) the table shows:

  own%     technical questions drawn from the posting's own field: a question from the field's
           bank or a skill-keyed question mapped to it, or about a skill the posting requires
           (goal >= 90%)
  gap-ok%  gap questions whose skill is really missing from the resume, is no soft skill, and
           is asked as a transfer question exactly when a related skill is on the resume
           (goal >= 95%); "transfer" counts the transfer-worded ones
  grammar  template grammar failures: every resume and gap template rendered with every
           synthesised resume/posting of the field, plus every planned question, checked for
           "{", double spaces, " ,", "..", and dangling punctuation (goal 0)
  rep-mix  repeated question ids over five consecutive mixed interviews of one person, asked
           ids fed forward (goal 0: the pools are not used up)
  rep-tech the same for technical interviews; "pool" is the number of technical questions the
           field has, so repeats are expected once 5 x technical slots exceed it

`load_bank` cold time and the mean time to plan one interview are printed under the table.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # run from a checkout without installing

from mock_interview.domain.interview import bank as bank_module  # noqa: E402
from mock_interview.domain.interview import families  # noqa: E402
from mock_interview.domain.interview.planner import (  # noqa: E402
    JobFacts,
    PlanRequest,
    ResumeFacts,
    _fill,
    _template_values,
    plan_interview,
)

GOALS = {"own": 90.0, "gap_ok": 95.0}
COMPANIES = ["Harbourline", "Quillmere", "Tarnbrook", "Oxenford", "Wrenfield"]
BULLETS = ["Cut turnaround time by 25% in six months", "Handled 40 customers a day on average",
           "Reduced errors by 30% with a new checklist"]
_BAD = [
    ("placeholder", re.compile(r"[{}]")),
    ("double space", re.compile(r"  ")),
    ("space before comma", re.compile(r" [,;:]")),
    ("double full stop", re.compile(r"(?<!\.)\.\.(?!\.)")),
    ("space before end", re.compile(r" [?.!](?=\s|$)")),
    ("doubled punctuation", re.compile(r"[,;:][,;:.?!]|[?!][.,;:]|\.[,;:?]")),
    ("dangling end", re.compile(r"[^.?!\"')]\s*$")),
]


def grammar_problems(text: str) -> list[str]:
    return [name for name, pattern in _BAD if pattern.search(text)]


def field_lists(bank, family: str) -> tuple[list[str], list[str]]:
    if family == families.SOFTWARE:
        return list(families.SOFTWARE_TITLES), list(families.SOFTWARE_SKILLS)
    fb = bank.families[family]
    return list(fb.titles), list(dict.fromkeys([*fb.skills, *fb.core_skills]))


def synth_resume(bank, family: str, rng: random.Random) -> ResumeFacts:
    titles, skills = field_lists(bank, family)
    picked = rng.sample(titles, k=min(2, len(titles)))
    roles = [(t.title() if t.islower() else t, rng.choice(COMPANIES)) for t in picked]
    return ResumeFacts(skills=rng.sample(skills, k=min(7, len(skills))), roles=roles,
                       bullets=[rng.choice(BULLETS)], projects=[], degree="BSc",
                       institution="Northgate University", years=float(rng.randint(1, 9)))


def match(bank, resume: ResumeFacts, required: list[str]) -> tuple[list[str], list[str]]:
    table = bank.skill_table
    matched = [s for s in required if any(table.same(s, r) for r in resume.skills)]
    return matched, [s for s in required if s not in matched]


def own_field(job_family: str | None, job: JobFacts, q) -> bool:
    required = {s.lower() for s in job.skills_required}
    if q.skill and q.skill.lower() in required:
        return True
    if job_family is None:
        return False
    if q.family:
        return q.family == job_family
    return job_family in families.BANK_SKILL_FAMILIES.get((q.skill or "").lower(), (families.SOFTWARE,))


def _full_taxonomy():
    """The resume parser's full taxonomy (what `interview start` matches with), when present:
    an independent check of the planner's own, smaller skill table."""
    try:
        from mock_interview.domain import skills
    except ImportError:
        return None
    return skills


def gap_ok(bank, resume: ResumeFacts, q) -> tuple[bool, bool]:
    """(right, transfer-worded) for one gap question: the skill is no soft skill, is not on the
    resume under any spelling, and it is worded as a transfer exactly when a related skill is."""
    table = bank.skill_table
    skill = q.skill or ""
    transfer = q.id.startswith("gap-transfer")
    if not skill or families.is_soft_skill(bank, skill):
        return False, transfer
    full = _full_taxonomy()
    canon = (lambda n: (full.canonical_skill(n) or n).lower()) if full else (lambda n: n.lower())
    mine = {canon(r) for r in resume.skills} | {r.lower() for r in resume.skills}
    if canon(skill) in mine or any(table.same(skill, r) for r in resume.skills):
        return False, transfer
    near = set(table.related_to(skill))
    if full:
        near |= set(full.related_skills(skill))
    related = {r for r in near if not families.is_soft_skill(bank, r)
               and (canon(r) in mine or any(table.same(r, m) for m in resume.skills))}
    if transfer:
        return bool(related), transfer
    # a plain gap question is right when nothing related is on the resume by the planner's
    # table; the full taxonomy relates more loosely (shown separately as "loose")
    planner_related = {r for r in table.related_to(skill)
                       if any(table.same(r, m) for m in resume.skills)}
    return not planner_related, transfer


def technical_pool(bank, family: str | None, job: JobFacts) -> int:
    if family is None:  # the skill-keyed questions on the posting's own skills
        return sum(len(bank.by_skill(s)) for s in job.skills_required)
    return sum(1 for q in bank.technical if family in families.families_of_question(q))


def run(jobs_path: Path, count: int) -> dict:
    bank_module.load_bank.cache_clear()
    started = time.perf_counter()
    bank = bank_module.load_bank()
    load_ms = (time.perf_counter() - started) * 1000
    jobs = json.loads(jobs_path.read_text(encoding="utf-8"))["jobs"]
    fields = sorted(bank.families) + [families.SOFTWARE]
    stats: dict[str, dict] = defaultdict(lambda: defaultdict(float))
    plan_times: list[float] = []
    failures: list[str] = []

    def plan(resume, job, mix, seed, asked=frozenset(), matched=(), missing=()):
        t0 = time.perf_counter()
        out = plan_interview(bank, resume, job, PlanRequest(
            count=count, mix=mix, seed=seed, matched_skills=list(matched),
            missing_skills=list(missing), asked_before=set(asked)))
        plan_times.append(time.perf_counter() - t0)
        return out

    for index, row in enumerate(jobs):
        job = JobFacts(row["title"], row["company"], list(row.get("skills_required") or []),
                       row.get("experience_level"), row.get("description") or "")
        family = families.detect_job_family(bank, job.title, job.skills_required, job.description)
        key = family or "(none)"
        s = stats[key]
        s["jobs"] += 1
        s["pool"] = technical_pool(bank, family, job)
        field_pool = {q.id for q in bank.technical if family in families.families_of_question(q)} \
            if family not in (None, families.SOFTWARE) else None
        rng = random.Random(f"{row['slug']}")
        same = family or families.closest_family(bank, job.title, job.skills_required,
                                                 job.description) or families.SOFTWARE
        other = fields[(fields.index(same) + 1 + index % (len(fields) - 1)) % len(fields)]
        resumes = {"same": synth_resume(bank, same, rng), "other": synth_resume(bank, other, rng)}
        for label, resume in resumes.items():
            matched, missing = match(bank, resume, job.skills_required)
            for mix in ("mixed", "technical"):
                questions = plan(resume, job, mix, index, matched=matched, missing=missing)
                for q in questions:
                    for problem in grammar_problems(q.text):
                        s["grammar"] += 1
                        failures.append(f"{row['slug']} {q.id}: {problem}: {q.text}")
                    if q.kind == "technical":
                        s["tech"] += 1
                        s["own"] += own_field(family, job, q)
                    elif q.kind == "gap":
                        right, transfer = gap_ok(bank, resume, q)
                        s["gaps"] += 1
                        s["gap_ok"] += right
                        s["transfer"] += transfer
                        if not right:
                            failures.append(f"{row['slug']} ({label}) gap {q.skill!r} via {q.id}")
            # every template, rendered for this person and posting
            values = _template_values(resume, job, bank)
            gap_skill = next((m for m in missing if not families.is_soft_skill(bank, m)), "Kafka")
            related = next(iter(sorted(bank.skill_table.related_to(gap_skill))), "SQL")
            for template in bank.resume_templates + bank.gap_templates:
                filled = {**values, "skill": gap_skill, "related": related} \
                    if template.kind == "gap" else values
                if not all(filled.get(r) for r in template.requires):
                    continue
                text, follow = _fill(template, filled)
                for piece in (text, follow or "?"):
                    for problem in grammar_problems(piece):
                        s["grammar"] += 1
                        failures.append(f"{row['slug']} {template.id}: {problem}: {piece}")
            # five consecutive interviews of the same-field person
            if label == "same":
                # the skill-keyed path asks only about the posting's and the person's skills
                pool_ids = field_pool if field_pool is not None else {
                    q.id for skill in (*job.skills_required, *resume.skills) for q in bank.by_skill(skill)}
                for mix, slot in (("mixed", "rep_mix"), ("technical", "rep_tech")):
                    asked: set[str] = set()
                    for round_ in range(5):
                        questions = plan(resume, job, mix, 1000 * index + round_, asked,
                                         matched, missing)
                        repeats = [q for q in questions if q.id in asked]
                        s[slot] += len(repeats)
                        # a technical repeat is forced once the field's pool has run dry
                        technical = [q for q in questions if q.kind == "technical"]
                        fresh_left = len(pool_ids - asked)
                        forced = max(0, len(technical) - fresh_left)
                        tech_repeats = sum(1 for q in repeats if q.kind == "technical")
                        s[slot + "_avoidable"] += (len(repeats) - tech_repeats
                                                   + max(0, tech_repeats - forced))
                        asked |= {q.id for q in questions}

    rows = []
    for key in sorted(stats, key=lambda k: (k == "(none)", k)):
        s = stats[key]
        rows.append({
            "family": key, "jobs": int(s["jobs"]), "technical": int(s["tech"]),
            "own_pct": round(100 * s["own"] / s["tech"], 1) if s["tech"] else None,
            "gaps": int(s["gaps"]),
            "gap_ok_pct": round(100 * s["gap_ok"] / s["gaps"], 1) if s["gaps"] else None,
            "transfer": int(s["transfer"]), "grammar": int(s["grammar"]),
            "repeats_mixed": int(s["rep_mix"]), "repeats_technical": int(s["rep_tech"]),
            "avoidable_repeats": int(s["rep_mix_avoidable"] + s["rep_tech_avoidable"]),
            "technical_pool": int(s["pool"]),
        })
    total_tech = sum(stats[k]["tech"] for k in stats)
    total_gaps = sum(stats[k]["gaps"] for k in stats)
    totals = {
        "jobs": len(jobs),
        "own_pct": round(100 * sum(stats[k]["own"] for k in stats) / total_tech, 1) if total_tech else None,
        "gap_ok_pct": round(100 * sum(stats[k]["gap_ok"] for k in stats) / total_gaps, 1) if total_gaps else None,
        "grammar": int(sum(stats[k]["grammar"] for k in stats)),
        "repeats_mixed": int(sum(stats[k]["rep_mix"] for k in stats)),
        "repeats_technical": int(sum(stats[k]["rep_tech"] for k in stats)),
        "avoidable_repeats": int(sum(stats[k]["rep_mix_avoidable"] + stats[k]["rep_tech_avoidable"]
                                     for k in stats)),
    }
    return {
        "questions": count, "families_loaded": sorted(bank.families), "skipped_files": list(bank.skipped),
        "load_bank_ms": round(load_ms, 1),
        "plan_ms_mean": round(1000 * statistics.mean(plan_times), 2) if plan_times else None,
        "interviews": len(plan_times), "goals": GOALS, "rows": rows, "totals": totals,
        "failures": failures[:40],
    }


def print_table(result: dict) -> None:
    head = ["family", "jobs", "tech", "own%", "gaps", "gap-ok%", "transfer", "grammar",
            "rep-mix", "rep-tech", "pool", "avoidable"]
    lines = [head]

    def pct(value):
        return "-" if value is None else f"{value:.1f}"

    for r in result["rows"]:
        lines.append([r["family"], str(r["jobs"]), str(r["technical"]), pct(r["own_pct"]),
                      str(r["gaps"]), pct(r["gap_ok_pct"]), str(r["transfer"]), str(r["grammar"]),
                      str(r["repeats_mixed"]), str(r["repeats_technical"]), str(r["technical_pool"]),
                      str(r["avoidable_repeats"])])
    t = result["totals"]
    lines.append(["TOTAL", str(t["jobs"]), "", pct(t["own_pct"]), "", pct(t["gap_ok_pct"]), "",
                  str(t["grammar"]), str(t["repeats_mixed"]), str(t["repeats_technical"]), "",
                  str(t["avoidable_repeats"])])
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    for n, line in enumerate(lines):
        print("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                        for i, (cell, w) in enumerate(zip(line, widths, strict=True))))
        if n == 0 or n == len(lines) - 2:
            print("  ".join("-" * w for w in widths))
    print(f"\ngoals: own% >= {GOALS['own']:.0f}, gap-ok% >= {GOALS['gap_ok']:.0f}, grammar 0, "
          "rep-mix 0, avoidable 0 (a technical repeat is forced only when the field's pool\n"
          "has fewer unasked questions left than the interview has technical slots)")
    print(f"load_bank (cold): {result['load_bank_ms']} ms; plan one interview: "
          f"{result['plan_ms_mean']} ms mean over {result['interviews']} interviews; "
          f"{len(result['families_loaded'])} family files loaded")
    if result["skipped_files"]:
        print("skipped family files: " + "; ".join(result["skipped_files"]))
    if result["failures"]:
        print("\nfirst failures:")
        for line in result["failures"][:15]:
            print("  " + line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--jobs", type=Path, default=ROOT / "sample_jobs.json")
    parser.add_argument("--questions", type=int, default=6)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    result = run(args.jobs, args.questions)
    if args.json:
        print(json.dumps(result))
    else:
        print_table(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
