"""Cost of reading a resume PDF: PyMuPDF's import, what it drags in, time per file, peak memory.

    python bench/pdf_reader.py [--runs 50] [--imports 5] [--python PATH] [--json]

Generates a two-page, two-column resume with PyMuPDF (no data files), then measures in fresh
processes of ``--python`` (default: this interpreter, so two PyMuPDF versions can be compared
from their own virtual environments; the target needs only PyMuPDF, the reader comes from src/):

* ``import pymupdf``: wall time inside the process, median of ``--imports`` fresh processes, and
  which heavy modules it loads (onnxruntime, numpy, pymupdf_layout, ...);
* per PDF: ``pymupdf.open`` + ``get_text("dict")`` on every page, and the project's
  ``read_document`` (layout, links, warnings), median and p95 over ``--runs``;
* peak RSS of the process after the runs, beside a bare Python's.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("onnxruntime", "numpy", "pymupdf_layout", "pymupdf.layout", "pymupdf4llm", "networkx",
         "yaml", "psutil", "tabulate", "PIL")

IMPORT_PROBE = f"""
import json, sys, time
start = time.perf_counter()
import pymupdf
elapsed = time.perf_counter() - start
print(json.dumps({{"ms": elapsed * 1000, "version": pymupdf.__version__,
                   "mupdf": pymupdf.VersionFitz,
                   "heavy": [m for m in {HEAVY!r} if m in sys.modules],
                   "modules": len(sys.modules)}}))
"""

RSS_PROBE = "import resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"


def resume_pdf() -> bytes:
    """Two A4 pages: a full-width header, then two columns of sections, links as annotations."""
    import pymupdf

    doc = pymupdf.open()
    font = pymupdf.Font("helv").buffer
    for number in range(2):
        page = doc.new_page(width=595, height=842)
        page.insert_font(fontname="F1", fontbuffer=font)
        page.insert_text((50, 60), f"Ada Lovelace - page {number + 1}", fontname="F1", fontsize=18)
        page.insert_text((50, 80), "ada@example.com · https://ada.dev · London", fontname="F1",
                         fontsize=10)
        page.insert_link({"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(50, 44, 250, 64),
                          "uri": "https://github.com/ada"})
        y = 110
        for section in range(4):
            rows = [f"SECTION {section}"] + [
                f"• Achievement {section}.{i}: shipped a thing that mattered" for i in range(9)]
            for i, text in enumerate(rows):
                page.insert_text((50, y + 14 * i), text, fontname="F1", fontsize=10)
                page.insert_text((320, y + 14 * i), text.replace("Achievement", "Skill")[:40],
                                 fontname="F1", fontsize=10)
            y += 14 * (len(rows) + 1)
    data = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    return data


def summarise(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "median_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))], 2),
        "min_ms": round(ordered[0], 2),
    }


def worker(runs: int) -> dict:
    """Runs inside the target interpreter: generate, then time ``runs`` reads each way."""
    import resource

    sys.path.insert(0, str(ROOT / "src"))
    import pymupdf

    from mock_interview.io.readers import read_document

    data = resume_pdf()
    read_document(data, "warm-up.pdf")
    raw, ours = [], []
    for _ in range(runs):
        start = time.perf_counter()
        with pymupdf.open(stream=data, filetype="pdf") as doc:
            for page in doc:
                page.get_text("dict")
        raw.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        document = read_document(data, "resume.pdf")
        ours.append((time.perf_counter() - start) * 1000)
    return {
        "pdf_bytes": len(data),
        "pages": document.pages,
        "text_chars": len(document.text),
        "open_get_text": summarise(raw),
        "read_document": summarise(ours),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def run_json(command: list[str]) -> object:
    out = subprocess.run(command, capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50, help="reads per measurement")
    parser.add_argument("--imports", type=int, default=5, help="fresh processes for import time")
    parser.add_argument("--python", default=sys.executable, help="interpreter to measure")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.runs)))
        return 0

    run_json([args.python, "-c", IMPORT_PROBE])  # warm the file cache
    probes = [run_json([args.python, "-c", IMPORT_PROBE]) for _ in range(args.imports)]
    reads = run_json([args.python, __file__, "--worker", "--runs", str(args.runs)])
    bare_rss = int(subprocess.run([args.python, "-c", RSS_PROBE], capture_output=True,
                                  text=True, check=True).stdout) / 1024
    result = {
        "python": args.python,
        "pymupdf": probes[0]["version"],
        "mupdf": probes[0]["mupdf"],
        "import_pymupdf_ms": summarise([p["ms"] for p in probes]),
        "modules_after_import": probes[0]["modules"],
        "heavy_modules_imported": probes[0]["heavy"],
        "runs": args.runs,
        **reads,
        "bare_python_rss_mb": round(bare_rss, 1),
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"PyMuPDF {result['pymupdf']} (MuPDF {result['mupdf']}) under {args.python}\n")
    print(f"{'':34}{'median ms':>10}{'p95 ms':>10}{'min ms':>10}")
    rows = (
        (f"import pymupdf ({args.imports} processes)", result["import_pymupdf_ms"]),
        (f"open + get_text, {result['pages']} pages", result["open_get_text"]),
        ("read_document (layout, links)", result["read_document"]),
    )
    for label, row in rows:
        print(f"{label:34}{row['median_ms']:>10}{row['p95_ms']:>10}{row['min_ms']:>10}")
    print(f"\nPDF: {result['pdf_bytes']:,} bytes, {result['text_chars']:,} characters of text, "
          f"{args.runs} runs")
    print(f"peak RSS: {result['peak_rss_mb']} MB (bare Python: {result['bare_python_rss_mb']} MB)")
    heavy = ", ".join(result["heavy_modules_imported"]) or "none"
    print(f"`import pymupdf` loads {result['modules_after_import']} modules; heavy ones: {heavy}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
