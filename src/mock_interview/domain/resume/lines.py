"""Turn a section's lines into items: bullets (wrapped lines rejoined), paragraphs, short
header-like lines and date lines. Experience and education parsing both start here."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mock_interview.domain.resume import vocab
from mock_interview.domain.resume.dates import DateRange, find_ranges, is_duration
from mock_interview.domain.resume.sections import heading_name
from mock_interview.domain.resume.text import (
    ends_sentence,
    is_page_footer,
    is_side,
    is_url_only,
    starts_lower,
    strip_bullet,
    unside,
    word_count,
)

BULLET, TEXT, SHORT, DATE, DURATION = "bullet", "text", "short", "date", "duration"
_MAX_SHORT_WORDS = 10
_MAX_SHORT_CHARS = 90
# Words a date line may carry besides the dates and a place.
_DATE_FILLER = {"from", "since", "to", "till", "until", "present", "date", "current", "and", "in",
                "on", "of", "the", "now", "onwards", "duration", "period", "dates", "s"}
# A line ending like this continues on the next one.
_OPEN_END_RE = re.compile(
    r"(?:[-,&/(]|\b(?:and|or|of|the|to|for|in|with|on|a|an|by|at|as|from|via|using|including))$",
    re.I,
)
_ABBREV_END_RE = re.compile(r"\b(?:ltd|inc|co|corp|pvt|llc|jr|sr|st|dr|mr|ms|no)\.$", re.I)
_PLACE_WORD = r"[A-Z][\w.'’-]*"
_LOCATION_SHAPE_RE = re.compile(
    rf"^{_PLACE_WORD}(?:\s+(?:{_PLACE_WORD}|and|of|&)){{0,3}},\s*{_PLACE_WORD}"
    rf"(?:\s+(?:{_PLACE_WORD}|and|of|&)){{0,3}}(?:,\s*{_PLACE_WORD}(?:\s+{_PLACE_WORD})?)?$"
)


_DANGLING_FIELD_RE = re.compile(r"\S\s+[-–]\s*$")


@dataclass
class Item:
    kind: str
    lines: list[str]
    ranges: list[DateRange] = field(default_factory=list)
    residue: str = ""  # a date line's text without its dates
    blank_before: bool = False
    sides: list[str] = field(default_factory=list)  # right-hand column fragments of its rows

    @property
    def text(self) -> str:
        return join_wrapped(self.lines)


def join_wrapped(parts: list[str]) -> str:
    """Join wrapped lines with one space; a word broken after a hyphen is closed up."""
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if not out:
            out = part
        elif re.search(r"[A-Za-z]-$", out) and part[:1].islower():
            out += part
        else:
            out += " " + part
    return out


def date_residue(line: str, ranges: list[DateRange], joiner: str = " ") -> str:
    """The line with its date spans removed and the separators around them tidied."""
    out, last = [], 0
    for rng in ranges:
        out.append(line[last : rng.span[0]])
        last = rng.span[1]
    out.append(line[last:])
    text = joiner.join(out)
    text = re.sub(r"\(\s*\)|\[\s*\]", " ", text)
    text = re.sub(r"\s*[|–—]\s*$|^\s*[|–—,]\s*|\s+-\s*$|^\s*-\s+", " ", text)
    text = re.sub(r"\s{2,}", " ", text).strip(" ,|–—-:;().")
    # "Hyderabad, since" / "from" / "Duration:": the words that introduced the dates.
    filler = r"(?:from|since|to|till|until|dated|duration|period|dates?|tenure|worked)"
    text = re.sub(rf"(?i)(?:^|\s+){filler}\s*[:\-–]?\s*$|^\s*{filler}\b\s*[:\-–]?", "", text)
    return text.strip(" ,|–—-:;().")


def _date_line(line: str) -> tuple[list[DateRange], str] | None:
    ranges = find_ranges(line)
    if not ranges:
        return None
    residue = date_residue(line, ranges)
    words = re.findall(r"[A-Za-z][\w'’.&-]*", residue)
    lower = [w for w in words if w[0].islower() and w.lower() not in _DATE_FILLER]
    has_range = any(r.is_range for r in ranges)
    if has_range:
        # "Software Engineer, Acme Inc.  Jan 2020 – Present" keeps its header text; a sentence
        # that mentions dates does not count.
        if len(words) <= 12 and len(lower) <= 2 and not ends_sentence(residue.rstrip(")")):
            return ranges, residue
        if len(words) <= 4:
            return ranges, residue
        return None
    # A lone date only anchors when it is (nearly) the whole line, and not the end of a
    # sentence ("2014, Fabrikam Forms.").
    if len(words) <= 3 and not lower and not (words and line.rstrip().endswith(".")
                                              and not _ABBREV_END_RE.search(line)):
        return ranges, residue
    return None


def is_location_like(line: str) -> bool:
    return bool(_LOCATION_SHAPE_RE.match(line.strip()))


def is_short(line: str) -> bool:
    # Dashes and bars between fields are not words ("Acme Life - Helpdesk - Pune, MH -").
    words = sum(1 for token in line.split() if re.search(r"\w", token))
    if words > _MAX_SHORT_WORDS or len(line) > _MAX_SHORT_CHARS:
        return False
    if (starts_lower(line) and word_count(line) > 3 and not _DANGLING_FIELD_RE.search(line)
            and not _lower_case_title(line)):
        # A lower-case fragment; but "oracle" or "software engineer" may be a header, and so
        # may "contoso - Noida, Uttar Pradesh -", whose last field was left empty.
        return False
    return not (line.endswith(".") and not _ABBREV_END_RE.search(line))


def _lower_case_title(line: str) -> bool:
    """"soft skills trainer": a few words ending in a job title's head word."""
    words = re.findall(r"[a-z]+", line.lower())
    return len(words) <= 5 and bool(words) and words[-1] in vocab.TITLE_WORDS and not re.search(
        r"[.,;:]\s*$", line)


def build_items(lines: list[str], width: int) -> list[Item]:
    """Items of a section; ``width`` is the typical full line length, to spot wrapped lines."""
    items: list[Item] = []
    blank = False
    cleaned = [ln for ln in lines if not (is_url_only(ln) or is_page_footer(ln))]
    pending: list[str] = []  # column fragments seen before any item
    for index, line in enumerate(cleaned):
        if is_side(line):
            _attach_side(items[-1] if items else None, unside(line), pending)
            continue
        if not line.strip():
            blank = True
            continue
        had_bullet, body = strip_bullet(line)
        dated = None if had_bullet else _date_line(line)
        prev = items[-1] if items else None
        if (
            not had_bullet
            and prev is not None
            and prev.kind in (BULLET, TEXT)
            and not blank
            and _continues(prev, line, cleaned[index + 1 :], width, dated is not None)
        ):
            prev.lines.append(line)
            continue
        if had_bullet:
            item = Item(BULLET, [body])
        elif dated:
            item = Item(DATE, [line], ranges=dated[0], residue=dated[1])
        elif is_duration(line):
            item = Item(DURATION, [line])
        elif is_short(line):
            item = Item(SHORT, [line])
        else:
            item = Item(TEXT, [line])
        item.blank_before = blank
        items.append(item)
        blank = False
        for side in pending:
            _attach_side(item, side, [])
        pending = []
    return items


def _attach_side(item: Item | None, side: str, pending: list[str]) -> None:
    """A header row's column fragment joins the header; a bullet row's is kept aside."""
    if item is None:
        pending.append(side)
        return
    if item.kind in (SHORT, DATE):
        ranges = find_ranges(side)
        residue = date_residue(side, ranges) if ranges else side
        if ranges and item.kind == SHORT:
            item.kind, item.ranges, item.residue = DATE, ranges, item.text
            if residue:
                item.residue = f"{item.residue} | {residue}"
        elif ranges and not item.ranges:
            item.ranges = ranges
        elif item.kind == DATE:
            item.residue = f"{item.residue} | {residue}" if item.residue else residue
        else:
            item.lines[-1] = f"{item.lines[-1]} | {side}"
    else:
        item.sides.append(side)


def _continues(prev: Item, line: str, following: list[str], width: int, dated: bool) -> bool:
    """Is ``line`` the wrapped rest of the bullet or paragraph before it?"""
    if dated or is_duration(line) or heading_name(line):
        return False
    if following and is_side(following[0]) and (
        find_ranges(unside(following[0])) or is_location_like(unside(following[0]))
    ):
        return False  # dates or a place in the right-hand column of its row: a header row
    last = prev.lines[-1]
    if starts_lower(line):
        return True
    if _OPEN_END_RE.search(last):
        return True
    if ends_sentence(last) or len(last) < 0.7 * width:
        return False
    if is_location_like(line):
        return False
    if last.count(",") >= 2 and re.search(r",\s*[\w&/.-]+(?:\s+[\w&/.-]+)?$", last):
        return True  # "…, Field Support, Data" / "Centre Moves": a list wrapped mid-item
    # A capitalised line after a full-width line is a continuation unless a date line follows
    # soon, which makes it the header of the next entry.
    # Up to four lines: title, employer and place may each sit on a line above the dates.
    rows = 0
    for nxt in [ln for ln in following if not is_page_footer(ln)]:
        if is_side(nxt):
            if find_ranges(unside(nxt)):
                return False  # the dates of a row below, in the right-hand column
            continue
        rows += 1
        if rows > 4 or not nxt.strip():
            break
        had_bullet, _ = strip_bullet(nxt)
        if had_bullet:
            break
        if _date_line(nxt):
            return False
    return True
