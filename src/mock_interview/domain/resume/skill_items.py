"""Items of a skills section: "Languages: Python, Go" → ["Python", "Go"]."""

from __future__ import annotations

import re

from mock_interview.domain.resume.sections import heading_name
from mock_interview.domain.resume.text import strip_bullet
from mock_interview.domain.resume.vocab import TITLE_WORDS

_LABEL_RE = re.compile(r"^\s*(?P<label>[A-Za-z][\w &/().+-]{0,40}?)\s*[:：]\s*(?=\S)")
_PAREN_RE = re.compile(r"\s*\([^()]*\)")
_SPLIT_RE = re.compile(r"\s*[,;|•·●▪◦◆➢✓❑]\s*|\s+/\s+|\s+-\s+|\s{3,}|\t")
_LEGAL_RE = re.compile(r"\b(?:ltd|limited|pvt|inc|llc|llp|gmbh|corp|corporation)\b\.?", re.I)
_MAX_WORDS = 4
_MAX_CHARS = 40
# Labels of lines that describe a job or the person, not skills ("Willing to relocate to:",
# "Company worked for:", "Designation:").
_NOT_SKILL_LABEL_WORDS = frozenset(
    """relocate willing location date dates title designation name address worked employer
    company organisation organization nationality dob birth gender hobbies interests
    references salary notice father marital passport role duration""".split()
)
# Words inside a short piece that make it a clause ("worked on reports", "good in Java").
_CLAUSE_WORDS = {"in", "on", "with", "to", "the", "a", "an", "at", "by", "from", "have",
                 "has", "was", "were", "is", "are", "my", "our", "we", "i"}
_FUNCTION_WORDS = {"and", "or", "the", "a", "an", "of", "in", "on", "with", "to", "for", "etc",
                   "using", "various", "like", "such", "as", "including", "i", "am", "have", "has"}


def _logical_lines(text: str) -> list[str]:
    """Lines with wrapped list lines rejoined (after a comma or inside parentheses)."""
    out: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            if out and out[-1]:
                out.append("")
            continue
        had_bullet, body = strip_bullet(line)
        prev = out[-1] if out else ""
        open_end = prev.endswith((",", "&", "/")) or prev.count("(") > prev.count(")")
        if prev and not had_bullet and open_end:
            out[-1] = f"{prev} {body}"
        else:
            out.append(body)
    return [ln for ln in out if ln]


def list_items(text: str) -> list[str]:
    """Short list items of a skills section, labels and "(2 years)" notes removed.

    Only list-shaped lines count: "Label: a, b", lines of several short separated items, or
    a line that is itself one short item. Prose lines are left to the taxonomy matcher.
    """
    items: list[str] = []
    for line in _logical_lines(text):
        if line.endswith(":") or heading_name(line):
            continue  # a group label or a heading-like line, not a skill
        if line.endswith((" -", " –")):
            continue  # "Hyderabad, Telangana -": a place or employer line of a job board
        label = _LABEL_RE.match(line)
        labelled = bool(label and len(label.group("label").split()) <= 5)
        label_words = set(re.findall(r"[a-z]+", label.group("label").lower())) if label else set()
        if labelled and (label_words & _NOT_SKILL_LABEL_WORDS
                         or label_words <= {"languages", "language", "spoken", "known"}):
            continue  # details of a job or the person; spoken languages (the taxonomy's own
            # matches still name programming languages listed there)
        body = line[label.end() :] if label and labelled else line
        body = _PAREN_RE.sub("", body)
        pieces = [p.strip(" .:-–—*") for p in _SPLIT_RE.split(body)]
        pieces = [p for p in pieces if p]
        if not pieces:
            continue
        short = [p for p in pieces if len(p.split()) <= _MAX_WORDS]
        if len(pieces) >= 2 or labelled:
            if len(short) < 0.6 * len(pieces):
                continue  # a sentence with commas
        elif len(pieces[0].split()) > 3 or body.rstrip().endswith("."):
            continue
        for piece in pieces:
            if _keep(piece):
                items.append(piece)
    return items


def _keep(item: str) -> bool:
    if not item or len(item) > _MAX_CHARS or not re.search(r"[A-Za-z]", item):
        return False
    words = item.split()
    if len(words) > _MAX_WORDS or heading_name(item):
        return False
    if _LEGAL_RE.search(item) or item.startswith("&"):
        return False  # an employer ("Infosys Limited") or markup, not a skill
    if len(words) >= 2 and len(words[-1]) > 3 and words[-1].lower() in TITLE_WORDS:
        return False  # a job title ("Senior Systems Engineer"), not a skill
    if any(w.lower() in _CLAUSE_WORDS for w in words[1:-1]):
        return False  # "Participated in reviews": a clause of a sentence, not an item
    return not (words[0].lower() in _FUNCTION_WORDS or words[-1].lower() in _FUNCTION_WORDS)
