"""Resume parser accuracy and speed: our own corpus and public labelled data.

    python bench/resume_accuracy.py DATA_DIR [--json] [--show FIELD] [--only PART]
        [--corpus DIR] [--show-corpus]

DATA_DIR is the bench-data root. Scores (1) the corpus of bench/resume_corpus.py (10 fields x
4 layouts, PDF and DOCX, generated into a temporary folder unless --corpus names one) per
layout and format and per field: roles with the right title, company and dates, skills
precision and recall, certifications found, years within 1 of the truth; (2)
resumes-ner/dataturks_dev.jsonl through parse_resume(content), per field, exact and partial,
micro and macro P/R/F1; (3) the resume-pdfs-rendercv PDFs against their YAML source, per
layout. Prints tables and timing; --json prints one JSON object of the figures instead.
--only corpus|dataturks|rendercv runs one part. Needs PyYAML, PyMuPDF and python-docx.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

DATATURKS = Path("resumes-ner") / "dataturks_dev.jsonl"
RENDERCV = Path("resume-pdfs-rendercv")
FIELDS = ("name", "email_links", "skills", "degree", "college", "graduation_year",
          "companies", "designations")
GOLD_LABELS = {
    "Name": "name", "Email Address": "email_links", "Skills": "skills", "Degree": "degree",
    "College Name": "college", "Graduation Year": "graduation_year",
    "Companies worked at": "companies", "Designation": "designations",
}

# -- normalisation (SCORING.md) ----------------------------------------------------------------

_BULLETS = "•·●○◦▪▫■□◆◇►▶➢➤✓✔❖❑*‣⁃-–—"
_LEGAL = {"ltd", "limited", "pvt", "private", "inc", "llc", "corp", "corporation", "co"}


def norm(text: str, kind: str = "") -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"\s+", " ", text).strip()
    if kind == "url":
        text = re.sub(r"\s+", "", text)
        text = re.sub(r"^[a-z][a-z0-9+.-]*:(?://)?", "", text)  # any scheme, "indeed:" too
        text = re.sub(r"^www\.", "", text)
        text = text.split("?")[0].split("#")[0].rstrip("/")
        return text
    text = re.sub(r"\s*\([^()]*\)", "", text)  # "(3 years)"
    text = text.strip(_BULLETS + " .,;:!?\"'()[]{}|/")
    text = re.sub(r"\s+-$", "", text).strip()
    if kind == "company":
        words = [w.strip(".,") for w in text.split()]
        while words and words[-1] in _LEGAL:
            words.pop()
        text = " ".join(words).strip(" ,.-")
    if kind == "degree":
        # "b. tech" → "btech", "b.e" → "be", "m.sc." → "msc": dots/spaces inside short forms.
        text = re.sub(r"\b([a-z]{1,2})\.\s?(?=[a-z]{1,4}\b\.?)", r"\1", text)
        text = re.sub(r"\b([a-z])\s(?=[a-z]\b)", r"\1", text)
        text = re.sub(r"(?<=\b[a-z])\.(?=[a-z]\b)", "", text)
        text = text.replace(".", "").strip()
    return text


def tokens(text: str) -> set[str]:
    return set(re.findall(r"[\w+#]+", text))


def similarity(a: str, b: str) -> tuple[bool, bool, float]:
    """(exact, partial, jaccard) for two normalised strings."""
    if not a or not b:
        return False, False, 0.0
    if a == b:
        return True, True, 1.0
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return False, False, 0.0
    jac = len(ta & tb) / len(ta | tb)
    partial = ta <= tb or tb <= ta or jac >= 0.5
    return False, partial, jac


def match(pred: list[list[str]], gold: list[str]) -> dict[str, int]:
    """Greedy one-to-one matching, best first. Each prediction may carry several keys
    (a skill's canonical name and its surface form); the best key counts."""
    pairs = []
    for i, keys in enumerate(pred):
        for j, g in enumerate(gold):
            best = max((similarity(k, g) for k in keys), key=lambda s: (s[0], s[1], s[2]))
            if best[1]:
                pairs.append((best[0], best[2], i, j))
    out = {"pred": len(pred), "gold": len(gold)}
    for label, only_exact in (("exact", True), ("partial", False)):
        used_p, used_g, hits = set(), set(), 0
        for exact, _jac, i, j in sorted(pairs, key=lambda p: (p[0], p[1]), reverse=True):
            if only_exact and not exact:
                continue
            if i in used_p or j in used_g:
                continue
            used_p.add(i)
            used_g.add(j)
            hits += 1
        out[label] = hits
    return out


def prf(hits: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = hits / pred if pred else 0.0
    r = hits / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


class FieldScore:
    def __init__(self) -> None:
        self.rows: list[dict[str, int]] = []

    def add(self, row: dict[str, int]) -> None:
        self.rows.append(row)

    def summary(self) -> dict[str, Any]:
        out: dict[str, Any] = {"resumes": sum(1 for r in self.rows if r["gold"])}
        for label in ("exact", "partial"):
            hits = sum(r[label] for r in self.rows)
            pred = sum(r["pred"] for r in self.rows)
            gold = sum(r["gold"] for r in self.rows)
            p, r_, f = prf(hits, pred, gold)
            per = [prf(r[label], r["pred"], r["gold"]) for r in self.rows if r["gold"]]
            mp = statistics.mean(x[0] for x in per) if per else 0.0
            mr = statistics.mean(x[1] for x in per) if per else 0.0
            mf = statistics.mean(x[2] for x in per) if per else 0.0
            out[label] = {"micro": {"p": round(p, 3), "r": round(r_, 3), "f1": round(f, 3)},
                          "macro": {"p": round(mp, 3), "r": round(mr, 3), "f1": round(mf, 3)}}
        return out


# -- DataTurks ---------------------------------------------------------------------------------

_ITEM_SPLIT = re.compile(r"\n|;|\s+/\s+|\s+and\s+|&")


def split_commas(text: str) -> list[str]:
    out, depth, cur = [], 0, []
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if ch == "," and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return out


def skill_items(span: str) -> list[str]:
    items = []
    for piece in _ITEM_SPLIT.split(span):
        for item in split_commas(piece):
            item = re.sub(r"^\s*[^:]{1,60}:\s*", "", item) if ":" in item else item
            item = norm(item)
            if item and len(item.split()) <= 5:
                items.append(item)
    return items


def gold_sets(record: dict[str, Any]) -> tuple[dict[str, list[str]], list[str]]:
    gold: dict[str, set[str]] = {f: set() for f in FIELDS}
    skill_spans: list[str] = []
    for ann in record["annotation"]:
        labels = [x for x in ann.get("label") or [] if x != "UNKNOWN"]
        if not labels:
            continue
        field = GOLD_LABELS.get(labels[0])
        if field is None:
            continue
        for point in ann["points"]:
            text = point["text"].strip()
            if not text:
                continue
            if field == "skills":
                skill_spans.append(text)
                gold["skills"].update(skill_items(text))
            elif field == "email_links":
                gold[field].add(norm(text, "url") if "@" not in text else norm(text))
            elif field == "graduation_year":
                years = re.findall(r"(?:19|20)\d\d", text)
                gold[field].update(years)
            else:
                kind = {"companies": "company", "degree": "degree"}.get(field, "")
                value = norm(text, kind)
                if value:
                    gold[field].add(value)
    return {k: sorted(v) for k, v in gold.items()}, skill_spans


def predicted_sets(parsed: Any) -> dict[str, list[list[str]]]:
    c = parsed.contact
    links = [[norm(u, "url")] for u in c.links]
    if c.email:
        links.append([norm(c.email)])

    def uniq(values: list[list[str]]) -> list[list[str]]:
        seen, out = set(), []
        for keys in values:
            keys = [k for k in keys if k]
            if keys and keys[0] not in seen:
                seen.add(keys[0])
                out.append(keys)
        return out

    degrees = []
    for e in parsed.education:
        if e.degree:
            composed = f"{e.degree} in {e.field}" if e.field else e.degree
            degrees.append([norm(composed, "degree")])
    return {
        "name": uniq([[norm(c.name)]] if c.name else []),
        "email_links": uniq(links),
        "skills": uniq([[norm(s.name), norm(s.evidence)] for s in parsed.skills]),
        "degree": uniq(degrees),
        "college": uniq([[norm(e.institution)] for e in parsed.education if e.institution]),
        "graduation_year": uniq([[str(e.year)] for e in parsed.education if e.year]),
        "companies": uniq([[norm(e.company, "company")] for e in parsed.experience if e.company]),
        "designations": uniq([[norm(e.title)] for e in parsed.experience if e.title]),
    }


def bench_dataturks(path: Path, show: str | None, repeat: int = 3) -> dict[str, Any]:
    from mock_interview.domain.resume import parse_resume

    lines = path.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    scores = {f: FieldScore() for f in FIELDS}
    section_only = FieldScore()
    region_in = region_total = 0
    timings = []
    for n, record in enumerate(records):
        # The best of a few runs: the parser's own cost, not the machine's other work.
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            parsed = parse_resume(record["content"])
            best = min(best, (time.perf_counter() - start) * 1000)
        timings.append(best)
        gold, spans = gold_sets(record)
        pred = predicted_sets(parsed)
        for f in FIELDS:
            if f == "name" or gold[f] or pred[f]:
                row = match(pred[f], gold[f])
                scores[f].add(row)
                if show == f and (row["partial"] < max(row["pred"], row["gold"])):
                    print(f"--- #{n} {f}\n  pred: {[k[0] for k in pred[f]]}\n  gold: {gold[f]}")
        sec = [[norm(s.name), norm(s.evidence)] for s in parsed.skills
               if s.source == "skills-section"]
        row = match(sec, gold["skills"])
        section_only.add(row)
        if show == "skills_section" and row["partial"] < max(row["pred"], row["gold"]):
            print(f"--- #{n} skills (section)\n  pred: {[k[0] for k in sec]}\n"
                  f"  gold: {gold['skills']}")
        if spans:
            lowered = [s.casefold() for s in spans]
            for mention in parsed.skills:
                region_total += 1
                ev = mention.evidence.casefold()
                region_in += any(ev in s for s in lowered)
    out = {f: scores[f].summary() for f in FIELDS}
    out["skills"]["region_precision"] = round(region_in / region_total, 3) if region_total else None
    out["skills_section_only"] = section_only.summary()
    return {"resumes": len(records), "fields": out, "timing_ms": timing(timings)}


def timing(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "median": round(statistics.median(ordered), 2),
        "p95": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))], 2),
        "max": round(ordered[-1], 2),
    }


# -- RenderCV PDFs -----------------------------------------------------------------------------

_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")
_SOCIAL = {"linkedin": "linkedin.com/in/{}", "github": "github.com/{}", "gitlab": "gitlab.com/{}",
           "x": "x.com/{}", "twitter": "twitter.com/{}"}


def plain(text: str) -> str:
    text = _MD_LINK.sub(r"\1", str(text))
    text = re.sub(r"\*\*|\*|__|`", "", text)
    return re.sub(r"\s+", " ", text).strip()


def highlight_bullets(highlight: str) -> list[str]:
    """A highlight with nested " - " items renders as several bullets."""
    parts = re.split(r"\s+-\s+(?=[A-Z0-9])", str(highlight))
    return [plain(p) for p in parts if plain(p)]


def ym(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value)
    if text.lower() == "present":
        return "present"
    m = re.match(r"(\d{4})(?:-(\d{2}))?", text)
    return (m.group(1) + (f"-{m.group(2)}" if m.group(2) else "")) if m else None


def read_pdf(path: Path, source: str) -> tuple[str, list[str], str]:
    """(text, links, reader name). ``source="reader"`` uses the project's reader when it exists
    (else falls back); ``"pymupdf"`` is plain page.get_text() plus link annotations."""
    if source == "reader":
        try:
            from mock_interview.io.readers import read_path
        except ImportError:
            pass
        else:
            doc = read_path(path)
            return doc.text, list(doc.links), "mock_interview.io.readers.read_path"
    import pymupdf

    with pymupdf.open(path) as pdf:
        text = "\n".join(page.get_text() for page in pdf)
        links = [link["uri"] for page in pdf for link in page.get_links() if link.get("uri")]
    return text, links, "pymupdf page.get_text()"


_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}


def last_updated(text: str) -> date | None:
    m = re.search(r"last updated(?: in| on)?\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})", text, re.I)
    if m and m.group(1).lower() in _MONTHS:
        return date(int(m.group(2)), _MONTHS[m.group(1).lower()], 1)
    return None


def gold_years(entries: list[dict[str, Any]], today: date) -> float:
    from mock_interview.domain.resume.dates import merged_years

    spans = []
    for e in entries:
        s, end = ym(e.get("start_date")), ym(e.get("end_date"))
        if not s:
            continue
        sy, sm = int(s[:4]), int(s[5:7] or 1)
        if end == "present" or end is None:
            ey, em = today.year, today.month
        else:
            ey, em = int(end[:4]), int(end[5:7] or 12)
        spans.append((sy * 12 + sm - 1, ey * 12 + em))
    return merged_years(spans)


def parsed_all_years(entries: list[Any], today: date) -> float:
    """The gold's definition applied to the parsed roles: every role, overlaps merged,
    "present" up to today. ``total_years_experience`` differs on purpose (internships and
    part-time roles at half, student jobs left out: how a recruiter counts them)."""
    return gold_years([{"start_date": e.start,
                        "end_date": "present" if e.current else (e.end or e.start)}
                       for e in entries], today)


def bench_pdfs(folder: Path, source: str, repeat: int = 3) -> dict[str, Any]:
    import yaml

    from mock_interview.domain.resume import parse_resume

    layouts: dict[str, Any] = {}
    timings, reader = [], ""
    for pdf_path in sorted(folder.glob("*.pdf")):
        yaml_path = pdf_path.with_suffix(".yaml")
        if not yaml_path.exists():
            continue
        cv = yaml.safe_load(yaml_path.read_text(encoding="utf-8"))["cv"]
        text, links, reader = read_pdf(pdf_path, source)
        today = last_updated(text) or date.today()
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            parsed = parse_resume(text, links=links, today=today)
            best = min(best, (time.perf_counter() - start) * 1000)
        timings.append(best)
        layout = re.sub(r"^John_Doe_|Theme_CV$", "", pdf_path.stem)
        layouts[layout] = score_pdf(cv, parsed, today)
    return {"layouts": layouts, "reader": reader, "timing_ms": timing(timings) if timings else None}


def score_pdf(cv: dict[str, Any], parsed: Any, today: date) -> dict[str, Any]:
    sections = cv.get("sections") or {}
    gold_links = []
    if cv.get("website"):
        gold_links.append(norm(cv["website"], "url"))
    for net in cv.get("social_networks") or []:
        pattern = _SOCIAL.get(str(net["network"]).lower())
        if pattern:
            gold_links.append(norm(pattern.format(net["username"]), "url"))
    pred_links = [[norm(u, "url")] for u in parsed.contact.links]
    links = match(pred_links, gold_links)

    gold_exp = sections.get("experience") or []
    pred_exp = parsed.experience
    used: set[int] = set()
    entries = dates_ok = bullets_total = bullets_found = 0
    for g in gold_exp:
        g_company, g_title = norm(g.get("company", ""), "company"), norm(g.get("position", ""))
        best = None
        for i, p in enumerate(pred_exp):
            if i in used:
                continue
            if norm(p.company or "", "company") == g_company and norm(p.title or "") == g_title:
                best = i
                break
        bullets = [b for h in g.get("highlights") or [] for b in highlight_bullets(h)]
        bullets_total += len(bullets)
        if best is None:
            continue
        used.add(best)
        entries += 1
        p = pred_exp[best]
        g_end = ym(g.get("end_date"))
        p_end = "present" if p.current else p.end
        dates_ok += p.start == ym(g.get("start_date")) and p_end == g_end
        got = {re.sub(r"\s+", " ", b).strip() for b in p.bullets}
        bullets_found += sum(1 for b in bullets if b in got)

    gold_edu = sections.get("education") or []
    edu_ok = 0
    for g in gold_edu:
        for e in parsed.education:
            if norm(e.institution or "") == norm(g.get("institution", "")):
                end = ym(g.get("end_date"))
                edu_ok += (norm(e.degree or "", "degree") == norm(g.get("degree", ""), "degree")
                           and norm(e.field or "") == norm(g.get("area", ""))
                           and (end is None or str(e.year) == end[:4]))
                break
    gold_skills = []
    for row in sections.get("skills") or []:
        gold_skills += [norm(x) for x in split_commas(plain(row.get("details", ""))) if norm(x)]
    in_section = [s for s in parsed.skills if s.source == "skills-section"]
    skills = match([[norm(s.name), norm(s.evidence)] for s in in_section], gold_skills)
    skills_all = match([[norm(s.name), norm(s.evidence)] for s in parsed.skills], gold_skills)
    want_years = gold_years(gold_exp, today)
    return {
        "name": norm(parsed.contact.name or "") == norm(cv.get("name", "")),
        "email": (parsed.contact.email or "").lower() == str(cv.get("email", "")).lower(),
        "links": f"{links['exact']}/{len(gold_links)}+{links['pred'] - links['exact']}",
        "links_recall": round(links["exact"] / len(gold_links), 3) if gold_links else None,
        "experience": f"{entries}/{len(gold_exp)}",
        "experience_found": entries, "experience_total": len(gold_exp),
        "experience_predicted": len(pred_exp),
        "dates": f"{dates_ok}/{len(gold_exp)}",
        "bullets": round(bullets_found / bullets_total, 3) if bullets_total else None,
        "education": f"{edu_ok}/{len(gold_edu)}",
        "skills_section_f1": round(prf(skills["partial"], skills["pred"], skills["gold"])[2], 3),
        "skills_all_f1": round(
            prf(skills_all["partial"], skills_all["pred"], skills_all["gold"])[2], 3),
        "total_years": parsed.total_years_experience, "total_years_gold": want_years,
        "all_roles_years": parsed_all_years(pred_exp, today),
        "warnings": parsed.warnings,
    }



# -- our corpus (bench/resume_corpus.py) -------------------------------------------------------

_PAREN = re.compile(r"\s*\([^()]*\)")


def key(text: str | None, company: bool = False) -> str:
    """Lower-case word tokens: punctuation and separators do not decide a match."""
    text = _PAREN.sub("", unicodedata.normalize("NFKC", text or "")).casefold()
    words = re.findall(r"[a-z0-9+#]+", text)
    if company:
        while words and words[-1] in _LEGAL | {"llp", "plc"}:
            words.pop()
    return " ".join(words)


def _role_checks(pred: Any, gold: dict[str, Any]) -> tuple[bool, bool, bool]:
    titles = {key(gold["title"])}
    if gold.get("unit"):
        titles.add(key(f"{gold['title']} {gold['unit']}"))
    title = key(pred.title) in titles
    company = key(pred.company, True) == key(gold["company"], True)
    end_ok = (pred.current and gold["current"]) or (
        not pred.current and not gold["current"] and pred.end == gold["end"])
    dates = pred.start == gold["start"] and bool(end_ok)
    return title, company, dates


def score_corpus_one(parsed: Any, gold: dict[str, Any]) -> dict[str, Any]:
    roles = gold["roles"]
    pairs = []
    for i, p in enumerate(parsed.experience):
        for j, g in enumerate(roles):
            checks = _role_checks(p, g)
            if any(checks):
                pairs.append((sum(checks), checks, i, j))
    used_p, used_g = set(), set()
    row = {"roles": len(roles), "predicted_roles": len(parsed.experience), "title": 0,
           "company": 0, "dates": 0, "right": 0, "misses": []}
    for n, checks, i, j in sorted(pairs, key=lambda x: -x[0]):
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        row["title"] += checks[0]
        row["company"] += checks[1]
        row["dates"] += checks[2]
        row["right"] += n == 3
        if n < 3:
            p = parsed.experience[i]
            row["misses"].append(f"{roles[j]['title']} @ {roles[j]['company']} "
                                 f"{roles[j]['start']}..{roles[j]['end']} -> {p.title!r} @ "
                                 f"{p.company!r} {p.start}..{'now' if p.current else p.end}")
    for j, g in enumerate(roles):
        if j not in used_g:
            row["misses"].append(f"{g['title']} @ {g['company']}: not found")
    certs = list(getattr(parsed, "certifications", []) or [])
    skills = [s for s in parsed.skills if s.family != "certification"]
    gold_skills = [norm(s) for s in gold["skills"]]
    sk = match([[norm(s.name), norm(s.evidence)] for s in skills], gold_skills)
    ct = match([[norm(c)] for c in certs], [norm(c) for c in gold["certifications"]])
    matched = {norm(s.name) for s in skills} | {norm(s.evidence) for s in skills}
    row.update({
        "skills_hits": sk["partial"], "skills_pred": sk["pred"], "skills_gold": sk["gold"],
        "certs_hits": ct["partial"], "certs_pred": ct["pred"], "certs_gold": ct["gold"],
        "years": parsed.total_years_experience, "years_gold": gold["years"],
        "years_ok": parsed.total_years_experience is not None
        and abs(parsed.total_years_experience - gold["years"]) <= 1.0,
        "new_graduate_ok": bool(getattr(parsed, "new_graduate", False)) == gold["new_graduate"],
        "name_ok": norm(parsed.contact.name or "") == norm(gold["name"]),
        "email_ok": (parsed.contact.email or "").lower() == gold["email"],
        "extra_skills": [s.name for s in skills
                         if not any(similarity(norm(s.name), g)[1] or
                                    similarity(norm(s.evidence), g)[1] for g in gold_skills)],
        "missed_skills": [g for g in gold_skills if not any(
            similarity(m, g)[1] for m in matched)],
        "missed_certs": [c for c in gold["certifications"] if not any(
            similarity(norm(p), norm(c))[1] for p in certs)],
        "warnings": list(parsed.warnings),
    })
    return row


def _sum_rows(rows: list[dict[str, Any]]) -> dict[str, Any]:
    total = {k: sum(r[k] for r in rows) for k in (
        "roles", "predicted_roles", "title", "company", "dates", "right", "skills_hits",
        "skills_pred", "skills_gold", "certs_hits", "certs_pred", "certs_gold")}
    n = len(rows)
    roles = total["roles"] or 1
    return {
        "resumes": n, "roles": total["roles"], "predicted_roles": total["predicted_roles"],
        "roles_right": round(total["right"] / roles, 3),
        "title": round(total["title"] / roles, 3), "company": round(total["company"] / roles, 3),
        "dates": round(total["dates"] / roles, 3),
        "skills_p": round(total["skills_hits"] / total["skills_pred"], 3)
        if total["skills_pred"] else 0.0,
        "skills_r": round(total["skills_hits"] / total["skills_gold"], 3)
        if total["skills_gold"] else 0.0,
        "certs_r": round(total["certs_hits"] / total["certs_gold"], 3)
        if total["certs_gold"] else 0.0,
        "certs_p": round(total["certs_hits"] / total["certs_pred"], 3)
        if total["certs_pred"] else 0.0,
        "years_ok": round(sum(r["years_ok"] for r in rows) / n, 3) if n else 0.0,
        "new_graduate_ok": round(sum(r["new_graduate_ok"] for r in rows) / n, 3) if n else 0.0,
        "name_ok": round(sum(r["name_ok"] for r in rows) / n, 3) if n else 0.0,
    }


def bench_corpus(folder: Path | None, show: bool, repeat: int = 3) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT / "bench"))
    import resume_corpus

    from mock_interview.domain.resume import parse_resume
    from mock_interview.io.readers import read_path

    with tempfile.TemporaryDirectory() as tmp:
        target = folder or Path(tmp)
        if folder is None or not any(target.glob("*.json")):
            resume_corpus.write_corpus(target)
        rows: list[dict[str, Any]] = []
        timings = []
        for truth_path in sorted(target.glob("*.json")):
            gold = json.loads(truth_path.read_text(encoding="utf-8"))
            today = date.fromisoformat(gold["today"])
            for fmt in ("pdf", "docx"):
                doc = read_path(truth_path.with_suffix(f".{fmt}"))
                best = float("inf")
                for _ in range(repeat):
                    start = time.perf_counter()
                    parsed = parse_resume(doc.text, links=doc.links, today=today)
                    best = min(best, (time.perf_counter() - start) * 1000)
                timings.append(best)
                row = score_corpus_one(parsed, gold)
                row.update({"id": gold["id"], "field": gold["field"], "layout": gold["layout"],
                            "format": fmt, "arrangement": gold.get("arrangement")})
                rows.append(row)
                if show and (row["misses"] or row["extra_skills"] or row["missed_skills"]
                             or row["missed_certs"] or not row["years_ok"]):
                    print(f"--- {gold['id']}.{fmt} ({row['arrangement']})")
                    for miss in row["misses"]:
                        print(f"  role: {miss}")
                    if row["extra_skills"]:
                        print(f"  extra skills: {row['extra_skills']}")
                    if row["missed_skills"]:
                        print(f"  missed skills: {row['missed_skills']}")
                    if row["missed_certs"]:
                        print(f"  missed certs: {row['missed_certs']}")
                    if not row["years_ok"]:
                        print(f"  years {row['years']} (truth {row['years_gold']})")
    by_layout = {}
    for layout in resume_corpus.LAYOUTS:
        for fmt in ("pdf", "docx"):
            chosen = [r for r in rows if r["layout"] == layout and r["format"] == fmt]
            by_layout[f"{layout} {fmt}"] = _sum_rows(chosen)
    by_field = {f: _sum_rows([r for r in rows if r["field"] == f])
                for f in sorted({r["field"] for r in rows})}
    return {"files": len(rows), "total": _sum_rows(rows), "by_layout": by_layout,
            "by_field": by_field, "timing_ms": timing(timings)}


def print_corpus(result: dict[str, Any]) -> None:
    cols = ("roles", "predicted_roles", "roles_right", "title", "company", "dates", "skills_p",
            "skills_r", "certs_r", "years_ok", "new_graduate_ok", "name_ok")
    heads = ("roles", "found", "right", "title", "company", "dates", "skill P", "skill R",
             "cert R", "years±1", "new grad", "name")
    print(f"Corpus (bench/resume_corpus.py): {result['files']} files, file → reader → "
          "parse_resume")
    for label, table in (("layout", result["by_layout"]), ("field", result["by_field"])):
        print(f"{label:<20}" + "".join(f"{h:>9}" for h in heads))
        for name, s in [*table.items(), ("all", result["total"])]:
            print(f"{name:<20}" + "".join(f"{s[c]:>9}" for c in cols))
        print()
    t = result["timing_ms"]
    print(f"time per resume (text → fields): median {t['median']} ms, p95 {t['p95']} ms\n")


# -- start-up cost ---------------------------------------------------------------------------


_FIRST_PARSE = """
import time
t0 = time.perf_counter()
from mock_interview.domain.resume import parse_resume
parse_resume("Jane Doe\\njane@example.com\\nSKILLS\\nPython, SQL\\n")
print((time.perf_counter() - t0) * 1000)
"""


def first_parse_in_new_process(home: str) -> float:
    """Import + first parse in a fresh interpreter, in ms (the matcher cache lives in home)."""
    import os
    import subprocess

    env = dict(os.environ, MOCK_INTERVIEW_HOME=home, PYTHONPATH=str(ROOT / "src"))
    out = subprocess.run([sys.executable, "-c", _FIRST_PARSE], env=env, check=True,
                         capture_output=True, text=True)
    return round(float(out.stdout.strip()), 1)


def start_cost() -> dict[str, float]:
    """Matcher build (cold, no cache) vs load from the on-disk cache (warm), in ms."""
    from mock_interview.domain import skills

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        skills.load_taxonomy(cache_dir=Path(tmp))
        cold = (time.perf_counter() - t0) * 1000
        t0 = time.perf_counter()
        warm_tax = skills.load_taxonomy(cache_dir=Path(tmp))
        warm = (time.perf_counter() - t0) * 1000
        assert not warm_tax.built
    path = skills.taxonomy_path()
    with tempfile.TemporaryDirectory() as home:
        process_cold = first_parse_in_new_process(home)
        process_warm = first_parse_in_new_process(home)
    return {"matcher_build_ms": round(cold, 1), "matcher_cached_load_ms": round(warm, 1),
            "new_process_first_parse_ms_no_cache": process_cold,
            "new_process_first_parse_ms_cached": process_warm,
            "taxonomy": path.name if path else None,
            "skills": len(warm_tax.names), "aliases": len(warm_tax.aliases)}


# -- output ----------------------------------------------------------------------------------


def print_report(result: dict[str, Any]) -> None:
    if result.get("corpus"):
        print_corpus(result["corpus"])
    dt = result.get("dataturks")
    if dt:
        print(f"DataTurks dev: {dt['resumes']} resumes (text → parse_resume)")
        print(f"{'field':<22}{'exact P/R/F1 (micro)':>24}{'partial P/R/F1 (micro)':>26}"
              f"{'partial F1 macro':>18}")
        for f in (*FIELDS, "skills_section_only"):
            s = dt["fields"][f]
            e, p = s["exact"]["micro"], s["partial"]["micro"]
            label = "skills (section only)" if f == "skills_section_only" else f
            print(f"{label:<22}{e['p']:>8.3f}{e['r']:>8.3f}{e['f1']:>8.3f}"
                  f"{p['p']:>10.3f}{p['r']:>8.3f}{p['f1']:>8.3f}{s['partial']['macro']['f1']:>18.3f}")
        print(f"skills region precision: {dt['fields']['skills']['region_precision']}")
        t = dt["timing_ms"]
        print(f"time per resume (text → fields, warm, best of --repeat runs): median "
              f"{t['median']} ms, p95 {t['p95']} ms, max {t['max']} ms\n")
    for key in ("rendercv", "rendercv_plain"):
        pdf = result.get(key)
        if not pdf:
            continue
        print(f"RenderCV PDFs (text via {pdf['reader']}; today = the PDF's 'last updated' month)")
        cols = ("name", "email", "links", "experience", "dates", "bullets", "education",
                "skills_section_f1", "total_years", "all_roles_years", "total_years_gold")
        heads = ("name", "email", "links+extra", "entries", "dates", "bullets", "edu",
                 "skills F1", "years", "all roles", "gold yrs")
        print(f"{'layout':<20}" + "".join(f"{h:>12}" for h in heads))
        for layout, s in pdf["layouts"].items():
            print(f"{layout:<20}" + "".join(f"{str(s[c]):>12}" for c in cols))
        print("years: the parser's recruiter count (internships and part-time at half, student "
              "jobs out); all roles: every parsed role merged, the gold's definition")
        t = pdf["timing_ms"]
        if t:
            print(f"time per resume (parse only): median {t['median']} ms, p95 {t['p95']} ms\n")
    sc = result.get("start")
    if sc:
        print(f"start-up: matcher build {sc['matcher_build_ms']} ms (cold), cached load "
              f"{sc['matcher_cached_load_ms']} ms (warm); {sc['taxonomy']}: {sc['skills']} skills, "
              f"{sc['aliases']} aliases")
        print(f"new process, import + first parse: {sc['new_process_first_parse_ms_no_cache']} ms "
              f"without the cache, {sc['new_process_first_parse_ms_cached']} ms with it")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path, help="the bench-data root")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--show", help="print mismatches of one DataTurks field")
    parser.add_argument("--only", choices=("corpus", "dataturks", "rendercv"),
                        help="run one part of the bench")
    parser.add_argument("--corpus", type=Path,
                        help="a folder written by bench/resume_corpus.py (default: a new one)")
    parser.add_argument("--show-corpus", action="store_true",
                        help="print each corpus file's misses")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs per resume; the fastest counts (default 3)")
    args = parser.parse_args()
    data = args.data_dir
    if not data.is_dir() or not (data / DATATURKS).is_file() or not (data / RENDERCV).is_dir():
        print(f"bench data not found: {data} must hold {DATATURKS} and {RENDERCV}/ "
              "(the shared bench-data root)", file=sys.stderr)
        return 2
    try:
        import docx  # noqa: F401
        import pymupdf  # noqa: F401
        import yaml  # noqa: F401
    except ImportError as exc:
        print(f"missing dependency for the PDF bench: {exc.name} (pip install pyyaml pymupdf python-docx)",
              file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as home:
        import os

        os.environ["MOCK_INTERVIEW_HOME"] = home  # a private cache; the user's stays untouched
        result: dict[str, Any] = {}
        if args.only is None:
            result["start"] = start_cost()
        if args.only in (None, "corpus"):
            result["corpus"] = bench_corpus(args.corpus, args.show_corpus, args.repeat)
        if args.only in (None, "dataturks"):
            result["dataturks"] = bench_dataturks(data / DATATURKS, args.show, args.repeat)
        if args.only in (None, "rendercv"):
            result["rendercv"] = bench_pdfs(data / RENDERCV, "reader", args.repeat)
            result["rendercv_plain"] = bench_pdfs(data / RENDERCV, "pymupdf", args.repeat)
    if args.json:
        print(json.dumps(result, indent=None, default=str))
    else:
        print_report(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
