"""Education entries: degree, field, institution and years, in whatever order a layout uses."""

from __future__ import annotations

import re

from mock_interview.domain.resume import vocab
from mock_interview.domain.resume.dates import find_ranges
from mock_interview.domain.resume.experience import split_trailing_place
from mock_interview.domain.resume.lines import date_residue, is_location_like
from mock_interview.domain.resume.models import EducationEntry
from mock_interview.domain.resume.text import is_page_footer, is_url_only, strip_bullet

_D = r"[.-]?\s?"  # a dot, hyphen or space inside short forms: "B. Tech", "B-Tech", "Ph.D."
# Short forms distinctive enough to match in any case.
_DEGREE_ANYCASE = (
    rf"B{_D}Tech|M{_D}Tech|B{_D}Sc|M{_D}Sc|B{_D}Com|M{_D}Com|Ph{_D}D|M{_D}Phil|B{_D}Pharm|"
    rf"M{_D}Pharm|Pharm{_D}D|B{_D}Arch|M{_D}Arch|B{_D}Des|M{_D}Des|B{_D}Eng|M{_D}Eng|"
    rf"B{_D}Ed|M{_D}Ed|LL{_D}B|LL{_D}M|B\.E|B\.S|B\.A|M\.E|M\.S|M\.A|M\.D|J\.D|"
    r"MBA|BBA|BCA|MCA|MBBS|BDS|BAMS|BHMS|PGDM|PGDBA|PGDCA|BSN|MSN|MPH|MHA|DNP|BASc|MASc|MSW|"
    r"BSW|EdD|DBA|BFA|MFA|SSLC|SSC|HSC|ICSE|CBSE|ITI|GED|A[- ]Levels?|GCSE|"
    r"PG\s?Diploma|Post[- ]?Graduate\s+Diploma|Advanced\s+Diploma|Diploma|Intermediate|"
    r"Matriculation|Higher\s+Secondary(?:\s+(?:School|Certificate|Education))?|"
    r"Senior\s+Secondary(?:\s+(?:School|Certificate|Education))?|"
    r"Secondary\s+School(?:\s+Certificate)?|High\s+School(?:\s+Diploma)?|"
    r"(?:10|12)(?:th|\s*\+\s*2)(?:\s*(?:std|standard|grade|class))?|(?:10|12)\s*(?:std|standard)"
    r"|Class\s+(?:X|XII|10|12)"
)
# Two-letter forms only in capitals ("BE", "MS"), never "be" or "Ms".
_DEGREE_UPPER = r"B\s?E|B\s?S|B\s?A|M\s?E|M\s?S|M\s?A|MD|JD|AA|AS|AAS|X|XII"
_LONG = (
    r"(?:Bachelor|Master|Doctor|Associate)(?:'?s|’s)?(?:\s+Degree)?"
    r"(?:\s+(?:of|in)\s+(?:the\s+)?[A-Z][A-Za-z]+(?:\s+(?:and\s+)?[A-Z][A-Za-z]+){0,3})?"
)
_DEGREE_RE = re.compile(
    rf"(?<![A-Za-z0-9])(?:(?i:{_DEGREE_ANYCASE})|{_DEGREE_UPPER}|(?i:{_LONG}))(?:\.)?(?![A-Za-z])"
)
# "MS Office" is no master's degree.
_NOT_DEGREE_AFTER = re.compile(
    r"^\s*(?:office|excel|word|sql|dynamics|project|access|windows)\b", re.I
)
_FIELD_RE = re.compile(
    r"^\s*(?:\(\s*(?P<par>[^)]+)\)?|(?:(?i:in|of)\s+|[-–,:]\s*)(?P<field>.+)"
    # "M.S. Computer Science": capitalised words straight after a short form
    r"|(?P<bare>[A-Z][\w&]*(?:\s+(?:[A-Z][\w&]*|and|of|&))*)\s*$)"
)
_TRAILING_WORD_RE = re.compile(r"\s+(?:in|at|with|on|from|of|and|year|passed|passing)$", re.I)
_STATUS_RE = re.compile(r"^(?:expected|anticipated|pursuing|present|current|ongoing)$", re.I)
_FROM_RE = re.compile(r"\s+(?:from|at|@)\s+", re.I)
_SPLIT_RE = re.compile(r"\s+[|–—•·]\s+|\s+-\s+|\s*\t\s*|\s{3,}|\s*,\s+|\s+-$")
_LABEL_RE = re.compile(
    r"^(?:gpa|cgpa|grade|percentage|marks|score|thesis|advisor|honou?rs|courses?|relevant"
    r"|coursework|minor|major)\b",
    re.I,
)
_GRADE_RE = re.compile(
    r"\b\d{1,3}(?:\.\d+)?\s*(?:%|/\s*\d+|cgpa|gpa)|\b(?:cgpa|gpa|percentage)\b", re.I
)


def find_degree(text: str) -> re.Match[str] | None:
    for match in _DEGREE_RE.finditer(text):
        if _NOT_DEGREE_AFTER.match(text[match.end() :]):
            continue
        return match
    return None


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,;:-–—|()")
    return _TRAILING_WORD_RE.sub("", text).strip(" ,;:-–—|()")


_INSTITUTION_RE = re.compile(
    r"(?<![a-z])(?:"
    + "|".join(sorted(vocab.INSTITUTION_WORDS, key=len, reverse=True))
    + r")(?![a-z])"
)
_ACRONYM_INSTITUTION_RE = re.compile(r"\b(?:I\.?I\.?T|N\.?I\.?T|IIIT|IIM|MIT|BITS)\b")
_ACRONYM_RE = re.compile(r"[A-Z][A-Z.&]{1,9}")
_SCHOOL_DEGREE_RE = re.compile(r"(?i)^(?:higher |senior )?(?:secondary|high) school")


def _is_institution(text: str) -> bool:
    return bool(_INSTITUTION_RE.search(text.lower()) or _ACRONYM_INSTITUTION_RE.search(text))


def _named_school(part: str, match: re.Match[str]) -> bool:
    """"Padmavani High School" names a school; "High School" alone is the qualification."""
    school = bool(_SCHOOL_DEGREE_RE.match(match.group(0)))
    return school and match.start() > 0 and part[:1].isupper()


def _split_degree(part: str) -> tuple[str, str | None, str | None]:
    """(degree, field, institution) from a part that holds a degree."""
    match = find_degree(part)
    assert match is not None
    degree = _tidy(match.group(0))
    rest = part[match.end() :]
    institution = None
    pieces = _FROM_RE.split(rest, maxsplit=1)
    if len(pieces) == 2 and _is_institution(pieces[1]):
        rest, institution = pieces[0], _tidy(pieces[1])
    field = None
    inside = re.search(r"(?i)\s+in\s+", degree)
    if inside:
        # "Bachelor in Computer Science" matched whole: the field follows "in".
        degree, rest = degree[: inside.start()], degree[inside.start() :] + rest
    starts_field = re.match(r"\s*(?:in|of)\b", rest, re.I)
    if institution is None and _is_institution(rest) and not starts_field:
        # "PhD Princeton University": the degree printed before the school on one line.
        return degree, None, _tidy(rest)
    found = _FIELD_RE.match(rest)
    if found:
        field = _tidy(found.group("par") or found.group("field") or found.group("bare") or "")
        field = _tidy(_TRAILING_WORD_RE.sub("", field or "")) or None
    if field and (_GRADE_RE.search(field) or find_ranges(field)):
        field = _tidy(re.split(r"\s*[,(|–-]\s*(?=\d|CGPA|GPA)", field)[0]) or None
    if field and _is_institution(field) and institution is None:
        institution, field = field, None
    return degree, field, institution


def parse_education(lines: list[str]) -> list[EducationEntry]:
    entries: list[EducationEntry] = []
    current: EducationEntry | None = None
    weak_degree = False  # the degree came from an unrecognised line, not the vocabulary

    def new() -> EducationEntry:
        nonlocal current, weak_degree
        current = EducationEntry()
        weak_degree = False
        entries.append(current)
        return current

    content = [ln for ln in lines if ln.strip() and not is_url_only(ln) and not is_page_footer(ln)]
    for index, raw in enumerate(content):
        had_bullet, line = strip_bullet(raw)
        if _LABEL_RE.match(line):
            continue
        if is_location_like(line) and not (find_degree(line) or _is_institution(line)):
            continue
        line = split_trailing_place(line)[0]
        ranges = find_ranges(line)
        if ranges:
            # Cut the dates out first: "Sept 2018 – May 2023 Princeton University, PhD".
            line = date_residue(line, ranges, joiner=" | ")
        degree_match = find_degree(line)
        has_institution = _is_institution(line)
        if had_bullet and not (degree_match or has_institution):
            continue
        parts = [p for p in (_tidy(x) for x in _SPLIT_RE.split(line)) if p]
        named = [p for p in parts if _INSTITUTION_RE.search(p.lower()) and not find_degree(p)]
        if named:
            # "MIT, Manipal University": prefer the part that says what it is.
            parts = [p for p in parts if p in named or not _ACRONYM_INSTITUTION_RE.fullmatch(p)]
        found_degree = found_inst = False
        subject_parts: list[str] = []
        for part in parts:
            if find_ranges(part) and not find_degree(part) and not _is_institution(part):
                continue
            school = find_degree(part)
            if school and _named_school(part, school) and not found_inst:
                entry = current
                if entry is None or entry.institution:
                    entry = new()
                entry.institution = part
                found_inst = True
            elif find_degree(part) and not (found_degree):
                degree, field, inst = _split_degree(part)
                entry = current
                if entry is None or (entry.degree and not weak_degree):
                    entry = new()
                entry.degree, weak_degree = degree, False
                entry.field = field or entry.field
                if inst:
                    entry.institution = inst
                    found_inst = True
                found_degree = True
            elif _is_institution(part) and not found_inst:
                entry = current
                if entry is None or entry.institution:
                    entry = new()
                entry.institution = part
                found_inst = True
            elif is_location_like(part) or _GRADE_RE.search(part) or _STATUS_RE.match(part):
                continue
            else:
                subject_parts.append(part)
        if subject_parts and current is not None and found_degree and not found_inst:
            # "B.Tech, JNTU, 2012": an acronym beside the degree names the university.
            acronym = next((p for p in subject_parts if _ACRONYM_RE.fullmatch(p)), None)
            if acronym and current.institution is None:
                current.institution = acronym
                subject_parts.remove(acronym)
        if subject_parts and current is not None and (found_degree or found_inst):
            if current.field is None and current.degree and found_inst:
                # "Princeton University, Computer Science" under a bare "PhD" line.
                current.field = subject_parts[0]
        elif subject_parts and not (found_degree or found_inst) and not ranges:
            text = subject_parts[0]
            following = content[index + 1] if index + 1 < len(content) else ""
            # An unrecognised line names a degree only right above an institution line
            # ("Statistics and Probability" / "Manipal University").
            if (len(text.split()) <= 8 and text[:1].isupper() and not had_bullet
                    and _is_institution(following) and not find_degree(following)):
                entry = current
                if entry is None or entry.degree or entry.institution:
                    entry = new()
                entry.degree, weak_degree = text, True
        if ranges:
            rng = next((r for r in ranges if r.is_range), ranges[0])
            entry = current
            taken = entry is None or entry.year is not None or entry.start_year is not None
            if taken and not (found_degree or found_inst):
                entry = new()  # dates printed above their entry (date-first layouts)
            assert entry is not None
            if entry.year is None and entry.start_year is None:
                if rng.current:
                    entry.start_year = rng.start.year if rng.start else None
                else:
                    end = rng.end or rng.start
                    entry.year = end.year if end else None
                    if rng.is_range and rng.start:
                        entry.start_year = rng.start.year
    return [e for e in entries if e.degree or e.institution]
