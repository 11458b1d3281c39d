"""Split resume text into sections by their headings.

A heading is a short line (at most five words) made only of heading vocabulary, written in
capitals, in title case or ending with a colon. Text before the first heading is the header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mock_interview.domain.resume.text import is_side, unside
from mock_interview.domain.tables import load_table

HEADER = "header"

# Heading vocabulary (data/resume/sections.json): whole headings checked first, the words that
# decide the section, and the words that may sit around them.
_TABLE = load_table("resume/sections")
_PHRASES: dict[str, str] = dict(_TABLE["phrases"])
_KEYWORDS: dict[str, str] = dict(_TABLE["keywords"])
# Keywords that only decide when nothing stronger is in the line ("Experience Summary").
_WEAK = {"summary", "profile", "history", "information", "details", "research", "training"}
_MODIFIERS = frozenset(_TABLE["modifiers"])
_HEADING_STRIP = re.compile(r"^[\W_]+|[\s:;.\-–—_=*#>]+$")
_MAX_HEADING_WORDS = 5


@dataclass
class Section:
    name: str
    heading: str
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The section's text, right-hand column fragments on lines of their own."""
        return "\n".join(unside(ln) for ln in self.lines).strip()

    @property
    def display_text(self) -> str:
        """The text with column fragments back on their row after a tab."""
        out: list[str] = []
        for line in self.lines:
            if is_side(line) and out:
                out[-1] = f"{out[-1]}\t{unside(line)}"
            else:
                out.append(unside(line))
        return "\n".join(out).strip()


def heading_name(line: str) -> str | None:
    """The canonical section name if the line is a heading, else None."""
    raw = line.strip()
    if not raw or len(raw) > 60 or is_side(line):
        return None
    core = _HEADING_STRIP.sub("", raw)
    if not core or any(ch.isdigit() for ch in core):
        return None
    words = core.split()
    if len(words) > _MAX_HEADING_WORDS:
        return None
    letters = [ch for ch in core if ch.isalpha()]
    capitalised = all(w[0].isupper() or not w[0].isalpha() or w.lower() in _SMALL for w in words)
    shaped = (letters and core.upper() == core) or capitalised or raw.rstrip().endswith(":")
    if not shaped:
        return None
    key = re.sub(r"\s+", " ", core.lower().replace("&", " and ").replace("/", " / ")).strip()
    key = re.sub(r"\s*/\s*", " / ", key)
    if key in _PHRASES:
        return _PHRASES[key]
    tokens = [t for t in re.split(r"[\s/,]+", key) if t]
    strong = weak = None
    unknown = 0
    for token in tokens:
        if token in _KEYWORDS:
            target = _KEYWORDS[token]
            if token in _WEAK:
                weak = weak or target
            else:
                strong = strong or target
        elif token not in _MODIFIERS:
            unknown += 1
    if unknown:
        # "SAP Skills", "Teaching Experience": a free word or two before a heading noun.
        last = tokens[-1]
        if unknown > 2 or len(tokens) > 4 or last not in _OPEN_HEADS:
            return None
        return _KEYWORDS[last]
    return strong or weak


_OPEN_HEADS = {"skills", "experience", "expertise", "competencies", "projects", "certifications",
               "awards", "publications", "education", "qualifications", "interests", "achievements",
               "credentials"}


_SMALL = {"of", "and", "&", "in", "for", "the", "a", "/", "to", "with", "on"}


# "Skills: NetSuite, Excel, GAAP" on one line under another heading: a list of its own.
_INLINE_LABEL_RE = re.compile(r"^\s*([A-Za-z][A-Za-z &/]{2,40}):\s+(\S.*)$")
_INLINE_SECTIONS = frozenset(["skills", "certifications"])
# Where such a line belongs to what surrounds it ("Tools: Python, SQL" under a job).
_KEEPS_INLINE = frozenset(["experience", "projects"])


def split_sections(lines: list[str]) -> list[Section]:
    """Sections in order; the first is the header (possibly empty)."""
    sections = [Section(HEADER, "")]
    for line in lines:
        name = heading_name(line)
        current = sections[-1]
        if name and _is_sub_label(line, name, current):
            name = None
        if name:
            sections.append(Section(name, line.strip()))
            continue
        inline = _inline_section(line, current)
        if inline:
            label, rest = inline
            sections.append(Section(label, ""))
            sections[-1].lines.append(rest)
            sections.append(Section(current.name, ""))  # what surrounds it carries on
        else:
            current.lines.append(line)
    return _fold_sub_labels(sections)


def _inline_section(line: str, current: Section) -> tuple[str, str] | None:
    """(section, its items) for a labelled list on one line under another heading
    ("Skills: NetSuite, Excel" under the education), else None."""
    if current.name in _KEEPS_INLINE or current.name == HEADER:
        return None
    match = _INLINE_LABEL_RE.match(line)
    if not match:
        return None
    name = heading_name(match.group(1) + ":")
    if name not in _INLINE_SECTIONS or name == current.name:
        return None
    return name, match.group(2)


def _fold_sub_labels(sections: list[Section]) -> list[Section]:
    """"Projects:" or "Tools:" inside a job entry labels part of it: when such a label (mixed
    case, ending in a colon) interrupts the experience section and more dated entries follow
    under it, it is folded back into the experience section."""
    from mock_interview.domain.resume.dates import find_ranges

    out: list[Section] = []
    for section in sections:
        previous = out[-1] if out else None
        heading = section.heading.strip()
        if (
            previous is not None
            and previous.name == "experience"
            and section.name not in ("experience", "education")
            and re.search(r"[:\-]\s*$", heading)
            and not heading.isupper()
            and any(r.is_range for ln in section.lines for r in find_ranges(unside(ln)))
        ):
            previous.lines.append(heading)
            previous.lines.extend(section.lines)
            continue
        out.append(section)
    return out


def _is_sub_label(line: str, name: str, current: Section) -> bool:
    """"Languages:" or "Tools:" inside a skills list labels a group; it is not a new section."""
    stripped = line.strip()
    if current.name != "skills" or stripped.isupper():
        return False
    return name in {"languages", "skills"} or stripped.endswith(":")


def sections_text(sections: list[Section]) -> dict[str, str]:
    """Canonical name → text, joining repeated sections with a blank line."""
    out: dict[str, str] = {}
    for section in sections:
        text = section.display_text
        if not text:
            continue
        out[section.name] = f"{out[section.name]}\n\n{text}" if section.name in out else text
    return out
