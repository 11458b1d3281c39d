"""Malformed input against the real commands: does anything crash, hang or eat the machine?

Generates malformed inputs (default 2,400) for `upload`, `jobs import`, `evaluate` and
`interview --answers`: mutated PDF, DOCX and TXT resumes made from generated valid ones, zip
bombs, PDFs whose page tree loops, JSON nested deep, integers of thousands of digits, lone
surrogates, bad encodings, NUL bytes, truncations, and endless streams (/dev/zero). Each runs
in this process through the CLI (typer's CliRunner, as the tests do), one after another, with
its own time and memory (tracemalloc's peak) measured. Prints tracebacks, "internal error"
exits, exit codes outside the documented set (0, 1, 2, 3, 4, 130), the slowest input and the
largest peak. Goals: 0, 0, 0, <= 10 s, <= 500 MB.

    python bench/fuzz_inputs.py                  # 2,400 inputs
    python bench/fuzz_inputs.py --count 400 --seed 7
    python bench/fuzz_inputs.py --json
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
import tempfile
import time
import tracemalloc
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

DOCUMENTED_EXIT_CODES = {0, 1, 2, 3, 4, 130}
JOB = "tallowbrook-senior-python-backend-engineer"
TARGETS = ("upload", "jobs import", "evaluate", "interview --answers")


# -- generators -------------------------------------------------------------------------------------

def valid_documents(folder: Path) -> dict[str, bytes]:
    from mock_interview.testing.documents import make_resume_docx, make_resume_pdf

    lines = ["Ada Lovelace", "Backend Engineer", "ada@example.com", "", "SKILLS", "Python, SQL, Docker",
             "", "EXPERIENCE", "Backend Developer", "Firm Ltd, Leeds", "Mar 2020 – Present",
             "• Cut API latency by 30% with Redis caching", "", "EDUCATION", "BSc Computer Science"]
    make_resume_pdf(folder / "v.pdf", header=lines[:2], lines_left=lines[2:], lines_right=())
    make_resume_docx(folder / "v.docx", lines)
    return {"pdf": (folder / "v.pdf").read_bytes(), "docx": (folder / "v.docx").read_bytes(),
            "txt": ("\n".join(lines) + "\n").encode()}


def mutate(data: bytes, rng: random.Random) -> bytes:
    data = bytearray(data)
    kind = rng.randrange(6)
    if kind == 0 and data:  # flip bytes
        for _ in range(rng.randint(1, 40)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif kind == 1:  # truncate
        del data[rng.randrange(max(1, len(data))):]
    elif kind == 2 and data:  # duplicate a chunk
        start = rng.randrange(len(data))
        chunk = data[start:start + rng.randint(1, 4096)]
        data[start:start] = chunk * rng.randint(1, 50)
    elif kind == 3:  # insert junk
        at = rng.randrange(len(data) + 1)
        data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 200)))
    elif kind == 4:  # NULs and bad UTF-8
        data[rng.randrange(len(data) + 1):0] = rng.choice([b"\x00" * 64, b"\xff\xfe\xc3(", b"\xed\xa0\x80"])
    else:  # swap two halves
        half = len(data) // 2
        data = data[half:] + data[:half]
    return bytes(data)


def zip_bomb(rng: random.Random) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        body = b"<w:document><w:body>" + b"<w:p><w:r><w:t>a</w:t></w:r></w:p>" * rng.randint(10_000, 400_000)
        archive.writestr("word/document.xml", body + b"</w:body></w:document>")
    return buffer.getvalue()


def looping_pdf(rng: random.Random) -> bytes:
    """A PDF whose page tree points back at itself."""
    from mock_interview.testing.documents import pdf_from_objects

    kids = "2 0 R" if rng.random() < 0.5 else "3 0 R 2 0 R"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count 2 >>",
        "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
    ]
    return pdf_from_objects(objects)


def json_payloads(rng: random.Random) -> list[bytes]:
    depth = rng.choice([100, 1000, 100_000])
    return [
        ("[" * depth + "]" * depth).encode(),
        ('{"a":' * depth + "1" + "}" * depth).encode(),
        ("[" + "9" * rng.choice([4300, 5000, 50_000]) + "]").encode(),
        b'["\\ud800", "\\udfff x"]',
        b'{"answers": ["\\ud83d"]}',
        b"\xef\xbb\xbf[" + b'"x",' * rng.randint(1, 100) + b"]",
        b"\xff\xfe" + "[]".encode("utf-16-le"),
        b"[" + b'"' + b"A" * rng.randint(1, 300_000) + b'"]',
        b'{"items": ' + b"[" * 200 + b"]" * 200 + b"}",
        b"\x00" * rng.randint(1, 1000),
        bytes(rng.randrange(256) for _ in range(rng.randint(1, 2000))),
        b'[1e999999, -1e999999, NaN, Infinity]',
        b'{"name": 1, "resume": [], "job": {}, "answers": "x"}',
        b"",
    ]


def catalogue_payloads(rng: random.Random) -> list[bytes]:
    row = {"title": "Engineer", "company": "Acme", "description": "Build things", "skills_required": ["Python"]}
    lines = [json.dumps(row).encode()]
    return [
        b"\n".join(lines * rng.randint(1, 5)) + b"\n" + rng.choice(json_payloads(rng)),
        b"title,company\n" + b'"' * rng.randint(1, 10_000),
        b"title,company,salary_min\nEng,Acme," + b"9" * 5000 + b"\n",
        json.dumps([{**row, "salary_min": "9" * 5000}]).encode(),
        json.dumps([{**row, "title": "\ud800"}], ensure_ascii=True).encode(),
    ]


# -- running ----------------------------------------------------------------------------------------

def build_cases(count: int, seed: int, folder: Path) -> list[tuple[str, str, bytes]]:
    rng = random.Random(seed)
    docs = valid_documents(folder)
    cases: list[tuple[str, str, bytes]] = []
    per_target = max(1, count // len(TARGETS))
    for target in TARGETS:
        made = 0
        while made < per_target:
            if target == "upload":
                choice = rng.random()
                if choice < 0.03:
                    cases.append((target, "zip bomb (docx)", zip_bomb(rng)))
                elif choice < 0.06:
                    cases.append((target, "looping page tree (pdf)", looping_pdf(rng)))
                else:
                    kind = rng.choice(list(docs))
                    cases.append((target, f"mutated {kind}", mutate(docs[kind], rng)))
            elif target == "jobs import":
                payload = rng.choice(catalogue_payloads(rng) + json_payloads(rng))
                cases.append((target, "catalogue", mutate(payload, rng) if rng.random() < 0.3 else payload))
            else:
                payload = rng.choice(json_payloads(rng))
                cases.append((target, "json", mutate(payload, rng) if rng.random() < 0.3 else payload))
            made += 1
    for target in ("evaluate", "interview --answers", "jobs import"):
        cases.append((target, "endless stream", b"/dev/zero"))
    return cases


def run_case(runner, app, target: str, label: str, payload: bytes, folder: Path, number: int):
    path = folder / f"case{number}{'.jsonl' if target != 'upload' else ''}"
    if label == "endless stream":
        path = Path("/dev/zero")
    else:
        path.write_bytes(payload)
    args = {
        "upload": ["upload", str(path), "--json"],
        "jobs import": ["jobs", "import", str(path)],
        "evaluate": ["evaluate", str(path), "--output", str(folder / "out.jsonl")],
        "interview --answers": ["interview", "--job", JOB, "--questions", "1", "--engine", "offline",
                                "--answers", str(path), "--json"],
    }[target]
    tracemalloc.start()
    started = time.perf_counter()
    result = runner.invoke(app, args)
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    if path != Path("/dev/zero"):
        path.unlink(missing_ok=True)
    text = (result.stdout or "") + (result.stderr or "")
    exception = result.exception if not isinstance(result.exception, SystemExit) else None
    return {
        "target": target, "label": label, "exit": result.exit_code, "seconds": seconds,
        "peak_mb": peak / 1024 / 1024,
        "traceback": exception is not None or "Traceback (most recent call last)" in text,
        "internal": "internal error" in text,
        "detail": (repr(exception) if exception else (result.stderr or "").strip().splitlines()[-1:] or [""])[0][:160]
        if not isinstance(exception, type(None)) or result.exit_code not in (0, 2) else "",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=2400)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as home:
        from typer.testing import CliRunner

        from mock_interview.cli.app import app
        from mock_interview.testing.environment import use_home
        from mock_interview.testing.interviews import store_resume

        use_home(Path(home))

        store_resume(None)
        folder = Path(home) / "cases"
        folder.mkdir()
        cases = build_cases(args.count, args.seed, folder)
        runner = CliRunner()
        results = [run_case(runner, app, *case, folder, n) for n, case in enumerate(cases)]

    tracebacks = [r for r in results if r["traceback"]]
    internal = [r for r in results if r["internal"]]
    undocumented = [r for r in results if r["exit"] not in DOCUMENTED_EXIT_CODES]
    slowest = max(results, key=lambda r: r["seconds"])
    largest = max(results, key=lambda r: r["peak_mb"])
    summary = {
        "inputs": len(results), "tracebacks": len(tracebacks), "internal_errors": len(internal),
        "undocumented_exit_codes": len(undocumented),
        "slowest": {k: slowest[k] for k in ("target", "label", "seconds", "exit")},
        "peak_memory": {k: largest[k] for k in ("target", "label", "peak_mb", "exit")},
        "exit_codes": {f"{t}: {c}": n
                       for (t, c), n in sorted(Counter((r["target"], r["exit"]) for r in results).items())},
        "examples": [{k: r[k] for k in ("target", "label", "exit", "detail")}
                     for r in (tracebacks + internal + undocumented)[:15]],
    }
    if args.json:
        print(json.dumps(summary, indent=2))
        return
    print(f"{len(results)} inputs (seed {args.seed})\n")
    print(f"{'tracebacks':<28}{len(tracebacks):>8}   goal 0")
    print(f"{'internal-error exits':<28}{len(internal):>8}   goal 0")
    print(f"{'undocumented exit codes':<28}{len(undocumented):>8}   goal 0")
    print(f"{'slowest input (s)':<28}{slowest['seconds']:>8.2f}   goal <= 10  "
          f"({slowest['target']}, {slowest['label']})")
    print(f"{'peak memory (MB)':<28}{largest['peak_mb']:>8.1f}   goal <= 500 "
          f"({largest['target']}, {largest['label']}; Python allocations, tracemalloc)")
    print("\nexit codes by target:")
    for key, number in summary["exit_codes"].items():
        print(f"  {key:<28}{number:>6}")
    if summary["examples"]:
        print("\nfirst findings:")
        for example in summary["examples"]:
            print(f"  {example['target']:<22} {example['label']:<26} exit {example['exit']}: {example['detail']}")


if __name__ == "__main__":
    main()
