"""The headline under the name ("Test Analyst at Oracle", "Systems Engineer - Infosys
Limited"): the title, and the employer when it names one, that the person leads with.

Many resumes, and the profiles job sites export, print the current role there even when the
experience section is garbled or missing; the first experience entry is completed from it when
the two agree.
"""

from __future__ import annotations

import re

from mock_interview.domain.resume import contact as contact_mod
from mock_interview.domain.resume.experience import (
    _is_location,
    _name_key,
    _sentence_like,
    _split_in_as,
    company_score,
    title_score,
)
from mock_interview.domain.resume.models import ExperienceEntry, Headline

# The first separator between title and employer. A dash needs a space on one side at least
# ("Dev-Test" is one word; "Cloud Engineer -Oracle" is two parts).
_SEP_RE = re.compile(r"\s+at\s+|\s*@\s*|\s+[-–—|]\s*|\s*[–—|]\s+|\s+as\s+(?:an?\s+)?"
                     r"|\s+for\s+(?=[A-Z])")
# "SQL Developer with experience in Azure": what follows "with" describes, it is not the title.
_WITH_RE = re.compile(r"\s+with\s+(?:\d|experience|expertise|over|more|a\b|an\b)", re.I)
_LEAD_RE = re.compile(r"^(?:currently\s+)?(?:working|worked|employed)\s+as\s+(?:an?\s+)?", re.I)
# "Job Profile in Adatum Services": words that only lead into the employer's name.
_EMPLOYER_LEAD_RE = re.compile(r"^(?:(?:job\s+)?profile\s+)?(?:in|at|with|for)\s+(?=\S)", re.I)
_CONTACT_RE = re.compile(r"e-?mail|phone|mobile|linkedin|github|https?://|www\.|\d{5}", re.I)
_SUFFIX_ONLY_RE = re.compile(
    r"^(?:(?:pvt|private|ltd|limited|inc|llc|llp|corp|co|plc|gmbh)\.?\s*)+$", re.I)
_MAX_WORDS = 10


def find_headline(header: list[str], name: str | None) -> Headline | None:
    """The line(s) right under the name, before the contact line, read as a role."""
    text = _headline_text(header, name)
    if text is None:
        return None
    title, company = _title_and_company(text)
    if title is None:
        return None
    return Headline(text=text, title=title, company=company)


def _headline_text(header: list[str], name: str | None) -> str | None:
    if not name:
        return None
    key = re.sub(r"\s+", " ", name).casefold()
    lines = [re.sub(r"\s+", " ", ln).strip() for ln in header if ln.strip()]
    at = next((i for i, ln in enumerate(lines) if key in ln.casefold()), None)
    if at is None or at + 1 >= len(lines):
        return None
    first = lines[at + 1]
    if _contact_line(first):
        return None
    text = first
    following = lines[at + 2] if at + 2 < len(lines) else ""
    if following and not _contact_line(following) and (
            re.search(r"[-–—,(&/]$", first) or _SUFFIX_ONLY_RE.match(following)):
        text = f"{first} {following}"  # a headline wrapped over two lines
    return text


def _contact_line(line: str) -> bool:
    return bool(contact_mod.EMAIL_RE.search(line) or _CONTACT_RE.search(line)
                or contact_mod.find_phone([line]) or contact_mod.find_location([line]))


def _title_and_company(text: str) -> tuple[str | None, str | None]:
    """("Test Analyst", "Oracle") for "Test Analyst at Oracle, Hyderabad"; ("Backup
    Administrator", "Microsoft") for "MICROSOFT - Backup Administrator"."""
    text = _LEAD_RE.sub("", _clean(text))
    cut = _WITH_RE.search(text)
    if cut:
        text = text[: cut.start()]
    pieces = _SEP_RE.split(text, maxsplit=1)
    left = _clean(pieces[0])
    right = _clean(pieces[1]) if len(pieces) > 1 else ""
    if right and _role_like(right) and not _role_like(left):
        left, right = right, left  # "Employer - Title", "Oceanic Consultants as a HR Executive"
    if not _role_like(left):
        return None, None
    title, company = left, _employer(right) if right else None
    pieces = _split_in_as(left)
    if len(pieces) == 2 and _role_like(pieces[0]) and (employer := _employer(pieces[1])):
        # "Security Analyst in Contoso - Cyber Defence": the employer after "in", unless the
        # part after the dash has the stronger employer words.
        title = pieces[0]
        if company is None or company_score(employer) >= company_score(company):
            company = employer
    head, comma, tail = left.partition(",")
    if comma and _role_like(head) and not title_score(tail):
        # "SDET Automation Engineer, Infosys": a title, then a part with no title word (the
        # employer, or a place or unit).
        title = _clean(head)
        company = _employer(tail) or company
    return re.sub(r"\s+,\s*", ", ", title), company


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" \"“”'-–—|,;:")
    if text.count("(") > text.count(")"):
        text = text.replace("(", "", text.count("(") - text.count(")")).strip()
    elif text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1].strip()
    return text


def _role_like(text: str) -> bool:
    # A note in parentheses does not decide: "Senior Executive (MIS & Audit)".
    bare = re.sub(r"\s*\([^()]*\)", "", text).strip()
    bare = bare if title_score(bare) else text
    # Case is a style here ("python developer", "head of operations"): a line in lower case
    # is judged as if capitalised.
    shaped = bare.title() if bare.islower() else bare
    titled = title_score(bare) > company_score(bare) or (
        title_score(bare) and bare.lower().startswith("head of "))  # "Head of Logistics"
    return bool(text) and titled and not _sentence_like(
        shaped) and len(text.split()) <= _MAX_WORDS and not _is_location(text)


def _employer(text: str) -> str | None:
    """The employer named after the title: up to a parenthesis, a further separator or a
    place after a comma."""
    text = re.split(r"\s*\(|\s+[-–—|]\s+", text)[0]
    text = _EMPLOYER_LEAD_RE.sub("", text)
    head, _, tail = text.partition(",")
    if tail and (_is_location(tail.strip()) or not company_score(tail)):
        text = head
    text = _clean(text)
    if (not text or title_score(text) or _sentence_like(text) or _is_location(text)
            or len(text.split()) > 6):
        return None
    return text


def complete_first_entry(entries: list[ExperienceEntry], headline: Headline | None) -> None:
    """The first (latest) entry's missing title or employer, from a headline that agrees with
    what the entry has."""
    if headline is None or not entries:
        return
    first = entries[0]
    if first.title is None and first.company and headline.company and _same(
            first.company, headline.company):
        first.title = headline.title
    elif first.company is None and first.title and headline.company and _same(
            first.title, headline.title):
        first.company = headline.company


def _same(a: str, b: str) -> bool:
    ka, kb = set(_name_key(a)), set(_name_key(b))
    return bool(ka and kb) and (ka <= kb or kb <= ka)
