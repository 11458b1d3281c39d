"""A job description as copied from a posting, read into the fields of a catalogue row.

Postings come in three shapes, often mixed: a header of short lines (title, company, location,
salary, "Full-time", "Hybrid - 3 days in office"), labelled lines ("Job Title: ...",
"Salary: ..."), and prose with sections ("Responsibilities", "What you'll need") whose lines
or bullets are the lists. Without headings, bullets are sorted by what they say: experience,
degrees, licences and abilities are requirements, the rest responsibilities. Skills come from
the resume parser's extractor, certifications and licences from its credential list, so a
posting and a resume name them alike.

Pure functions; the services decide where the text comes from and where the posting goes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

MAX_CHARS = 100_000
HEADER_LINES = 8  # lines before the first section that may hold title, company, place, pay

# -- vocabulary --------------------------------------------------------------------------------

# Nouns that name a role: a short line ending in one of them is a job title.
ROLE_NOUNS = frozenset("""
accountant administrator advisor adviser agent analyst architect assistant associate attendant
auditor banker barista bookkeeper buyer carpenter cashier chef clerk clinician coach consultant
controller coordinator counsel counselor counsellor designer developer dietitian director
dispatcher driver economist editor educator electrician engineer estimator executive
facilitator generalist head hygienist inspector instructor intern investigator lawyer lead
librarian machinist manager marketer mechanic midwife nurse nutritionist officer operator
paralegal partner pharmacist physician physiotherapist planner plumber practitioner producer
programmer psychologist receptionist recruiter representative researcher scientist secretary
specialist strategist supervisor surgeon teacher technician technologist therapist trainer
translator tutor underwriter writer worker rep sre devops cna lpn rn np
""".split())
# Adjectives of a posting's prose that are no part of the title ("an experienced accountant").
_PROSE_ADJECTIVES = frozenset("""
experienced motivated talented passionate dedicated driven dynamic enthusiastic skilled
seasoned results-oriented detail-oriented creative energetic proactive compassionate
highly self-motivated ambitious outstanding exceptional great strong
""".split())

SECTION_KINDS: dict[str, str] = {}
for _kind, _names in {
    "responsibilities": """responsibilities|key responsibilities|main responsibilities|duties|
        job duties|duties and responsibilities|essential duties|essential functions|
        what you'll do|what you will do|what you'll be doing|what you will be doing|your role|
        the role|in this role|in this role you will|day to day|day-to-day|your impact|
        what the job involves|role responsibilities|job responsibilities|you will""",
    "requirements": """requirements|job requirements|qualifications|minimum qualifications|
        basic qualifications|required qualifications|preferred qualifications|
        what you'll need|what you will need|what we're looking for|what we are looking for|
        who you are|about you|you have|you bring|what you bring|what you'll bring|must have|
        must-haves|nice to have|nice-to-haves|bonus points|required skills|skills|
        skills and experience|experience|education|education and experience|
        knowledge, skills and abilities|requirements and qualifications|
        skills and qualifications|licensure|licenses and certifications|certifications|
        required experience|preferred experience|ideal candidate|the ideal candidate""",
    "other": """about us|about the company|who we are|about the role|about the job|overview|
        job description|description|summary|job summary|position summary|role overview|
        benefits|perks|perks and benefits|what we offer|why join us|why you'll love it here|
        compensation|pay|salary|schedule|location|how to apply|equal opportunity|
        eeo statement|additional information|the team|our team|company description""",
}.items():
    for _name in _names.split("|"):
        SECTION_KINDS[" ".join(_name.split())] = _kind

LABELS = {
    "title": ("job title", "title", "position", "position title", "role", "job", "job role"),
    "company": ("company", "company name", "employer", "organization", "organisation",
                "hiring organization", "hiring company", "client"),
    "location": ("location", "job location", "work location", "based in", "office location",
                 "city"),
    "salary": ("salary", "pay", "compensation", "pay range", "salary range", "base salary",
               "base pay", "rate", "pay rate", "hourly rate", "wage"),
    "job_type": ("job type", "employment type", "type", "schedule", "contract type",
                 "employment", "position type", "work type"),
    "level": ("level", "seniority", "seniority level", "experience level", "career level"),
    "workplace": ("workplace", "work model", "work arrangement", "remote", "workplace type",
                  "work setting", "work mode", "location type", "on-site/remote"),
}
_LABEL_OF = {name: key for key, names in LABELS.items() for name in names}

_BULLET_RE = re.compile(r"^\s*(?:[-*•·▪◦●○■□➢►✓✔–—]|\d{1,2}[.)]|[a-z][.)](?=\s))\s*")
_LABEL_RE = re.compile(r"^\s*([A-Za-z][A-Za-z /&'-]{1,30}?)\s*[:：]\s*(.*)$")
_SENTENCE_END_RE = re.compile(r"[.!?]\s*$")

US_STATES = frozenset("""AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS
MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC""".split())
CA_PROVINCES = frozenset("AB BC MB NB NL NS NT NU ON PE QC SK YT".split())
COUNTRIES = {
    "united states": "US", "usa": "US", "us": "US", "united kingdom": "GB", "uk": "GB",
    "england": "GB", "scotland": "GB", "wales": "GB", "canada": "CA", "ireland": "IE",
    "germany": "DE", "france": "FR", "spain": "ES", "portugal": "PT", "italy": "IT",
    "netherlands": "NL", "belgium": "BE", "switzerland": "CH", "austria": "AT", "sweden": "SE",
    "norway": "NO", "denmark": "DK", "finland": "FI", "poland": "PL", "australia": "AU",
    "new zealand": "NZ", "india": "IN", "singapore": "SG", "japan": "JP", "brazil": "BR",
    "mexico": "MX", "south africa": "ZA", "nigeria": "NG", "kenya": "KE",
    "united arab emirates": "AE", "uae": "AE", "philippines": "PH",
}
_PLACE_RE = re.compile(
    r"^(?P<city>[A-Z][A-Za-z.'’-]*(?:[ -][A-Z][A-Za-z.'’-]*){0,3}),\s*"
    r"(?P<region>[A-Z]{2}|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})(?:\s+\d{5}(?:-\d{4})?)?"
    r"(?:,\s*(?P<country>[A-Z][A-Za-z]+(?: [A-Z][a-z]+){0,2}))?$")
_PROSE_PLACE_RE = re.compile(
    r"\b(?:in|based in|located in|out of)\s+((?:[A-Z][A-Za-z.'’-]+ ){0,3}[A-Z][A-Za-z.'’-]+,\s*"
    r"(?:[A-Z]{2}\b|[A-Z][a-z]+(?: [A-Z][a-z]+)?))")

_WORKPLACE_STRONG = (
    ("hybrid", re.compile(r"\bhybrid\b|\bdays? (?:a week )?in(?: the)? office\b|"
                          r"\b\d (?:days?|x) (?:per week |a week )?(?:in|on)[- ]?(?:site|office)\b", re.I)),
    ("remote", re.compile(r"\b(?:fully|100%|completely|entirely) remote\b|\bremote[- ]first\b|"
                          r"\bwork (?:from|at) home\b|\bwork remotely\b|\bremote (?:role|position|job|opportunity)\b|"
                          r"\bthis is a remote\b|^\s*\(?remote\)?\s*$|\(remote\)", re.I | re.M)),
    ("onsite", re.compile(r"\bon[- ]?site\b|\bin[- ]person\b|\bin[- ]office\b|\bonsite\b", re.I)),
)
_WORKPLACE_LOOSE = re.compile(r"\b(remote|hybrid|on[- ]?site|in[- ]office|in[- ]person)\b", re.I)

_JOB_TYPES = (
    ("internship", re.compile(r"\binternship\b|\bintern\b", re.I)),
    ("part-time", re.compile(r"\bpart[- ]?time\b|\bper diem\b|\bprn\b", re.I)),
    ("contract", re.compile(r"\bcontract(?:or)?\b|\bfreelance\b|\b(?:w2|1099|c2c)\b", re.I)),
    ("temporary", re.compile(r"\btemporary\b|\btemp\b|\bseasonal\b|\bfixed[- ]term\b", re.I)),
    ("full-time", re.compile(r"\bfull[- ]?time\b|\bpermanent\b", re.I)),
)
_LEVELS = (
    ("intern", re.compile(r"\bintern(?:ship)?\b|\btrainee\b", re.I)),
    ("principal", re.compile(r"\bprincipal\b|\bdirector\b|\bhead of\b|\bvp\b|\bvice president\b|"
                             r"\bchief\b", re.I)),
    # "Staff Engineer" is a level, "Staff Accountant" or "Staff Nurse" is not.
    ("lead", re.compile(r"\blead\b|\bstaff (?:\w+ ){0,2}(?:engineer|developer|scientist|designer|"
                        r"architect)\b|\bmanager\b|\bsupervisor\b", re.I)),
    ("senior", re.compile(r"\bsenior\b|\bsr\.?(?=\s|$)|\b(?:iii|iv)\b", re.I)),
    ("junior", re.compile(r"\bjunior\b|\bjr\.?(?=\s|$)|\bentry[- ]level\b|\bgraduate\b|"
                          r"\bassociate\b|\bi\b(?=\s*$)", re.I)),
    ("mid", re.compile(r"\bmid[- ]?(?:level|senior)?\b|\bintermediate\b|\bii\b", re.I)),
)

# -- salaries --------------------------------------------------------------------------------

_SYMBOLS = {"$": "USD", "£": "GBP", "€": "EUR", "₹": "INR", "¥": "JPY"}
_PREFIXED_DOLLARS = {"c$": "CAD", "ca$": "CAD", "cad$": "CAD", "a$": "AUD", "au$": "AUD",
                     "nz$": "NZD", "us$": "USD", "s$": "SGD", "hk$": "HKD"}
_CODES = ("USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK", "PLN", "INR",
          "SGD", "JPY", "ZAR", "AED", "MXN", "BRL")
_CURRENCY = r"(?:(?:[A-Za-z]{1,3})?[$£€₹¥]|\b(?:" + "|".join(_CODES) + r")\b)"


def _amount(name: str) -> str:
    return (rf"(?P<{name}>\d{{1,3}}(?:[,.\s]\d{{3}})+|\d+)(?:\.(?P<{name}_c>\d{{1,2}}))?"
            rf"\s*(?P<{name}_k>[kK]\b)?")


_MONEY_RE = re.compile(
    rf"(?P<cur1>{_CURRENCY})?\s?{_amount('lo')}"
    rf"(?:\s*(?:-|–|—|to|and)\s*(?P<cur2>{_CURRENCY})?\s?{_amount('hi')})?"
    rf"(?:\s*(?P<cur3>\b(?:{'|'.join(_CODES)})\b))?", re.I)
_PERIOD_RE = re.compile(
    r"(?:\ba|\ban|\bper|/|\bevery)\s*(?P<p>year|yr|annum|hour|hr|month|mo)\b|"
    r"\b(?P<q>annually|annual|yearly|hourly|monthly|p\.?a\.?)(?=\W|$)", re.I)
_BIG_NUMBER_WORD_RE = re.compile(r"^\s*(?:million|billion|m\b|bn\b|b\b|\+?\s*employees|users|"
                                 r"customers|patients|clients|members)", re.I)


@dataclass
class Salary:
    low: int | None
    high: int | None
    currency: str
    period: str


def _number(whole: str, cents: str | None, thousands: str | None) -> float:
    digits = re.sub(r"[,.\s]", "", whole)
    value = float(digits + (f".{cents}" if cents else ""))
    return value * 1000 if thousands else value


def parse_salary(text: str) -> Salary | None:
    """The first pay figure or range in ``text``, with its currency and period: "$85,000 -
    $95,000 a year", "£28k-£32k", "$38.50/hr", "EUR 60.000 - 70.000 per annum". A number
    without a currency sign or code is not pay ("3-5 years")."""
    for match in _MONEY_RE.finditer(text):
        symbols = [match.group("cur1"), match.group("cur2"), match.group("cur3")]
        if not any(symbols):
            continue
        after = text[match.end():match.end() + 20]
        if _BIG_NUMBER_WORD_RE.match(after):
            continue  # "$5 million in revenue", "$2B"
        currency = _currency(next(s for s in symbols if s))
        if currency is None:
            continue
        low = _number(*match.group("lo", "lo_c", "lo_k"))
        high = _number(*match.group("hi", "hi_c", "hi_k")) if match.group("hi") else None
        if high is not None and match.group("hi_k") and not match.group("lo_k") and low < 1000:
            low *= 1000  # "$60-70k"
        window = text[match.end():match.end() + 40]
        period_match = _PERIOD_RE.search(window)
        period = _period(period_match) if period_match else None
        largest = max(low, high or 0)
        if period is None:
            period = "hour" if largest < 500 else "month" if largest < 15_000 else "year"
        if largest < 1 or (period == "year" and largest < 1000):
            continue
        if high is not None and high < low:
            low, high = high, low
        return Salary(round(low), None if high is None else round(high), currency, period)
    return None


def _currency(symbol: str) -> str | None:
    folded = symbol.strip().lower()
    if folded in _PREFIXED_DOLLARS:
        return _PREFIXED_DOLLARS[folded]
    if folded[-1:] in _SYMBOLS and len(folded) > 1:
        return None  # "R$", "X$": not a currency this reads
    if folded in _SYMBOLS:
        return _SYMBOLS[folded]
    return folded.upper() if folded.upper() in _CODES else None


def _period(match: re.Match[str]) -> str:
    word = (match.group("p") or match.group("q") or "").lower().replace(".", "")
    if word.startswith("h"):
        return "hour"
    if word.startswith("mo"):
        return "month"
    return "year"


# -- the reader ----------------------------------------------------------------------------------

class NotAJobDescription(ValueError):
    """The text is empty, or nothing in it reads as a job posting."""


class NoJobTitle(NotAJobDescription):
    """A job posting whose title the text does not say (a posting's body copied alone)."""


@dataclass
class ParsedJob:
    """What was read from a job description; ``to_row`` makes it a catalogue row."""

    title: str | None = None
    company: str | None = None
    location: str | None = None
    country: str | None = None
    workplace: str | None = None  # remote / hybrid / onsite, when the text says
    experience_level: str | None = None
    years_experience_min: int | None = None
    job_type: str | None = None
    salary: Salary | None = None
    requirements: list[str] = field(default_factory=list)
    responsibilities: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    certifications: list[str] = field(default_factory=list)
    description: str = ""
    warnings: list[str] = field(default_factory=list)

    def to_row(self) -> dict[str, Any]:
        """A catalogue row (domain.jobs.validate_job's input). Certifications count as
        required skills: a resume's certifications travel with its skills, so they match."""
        row: dict[str, Any] = {
            "title": self.title, "company": self.company or UNKNOWN_COMPANY,
            "description": self.description, "requirements": self.requirements,
            "skills_required": list(dict.fromkeys([*self.skills, *self.certifications])),
            "location": self.location or ("Remote" if self.workplace == "remote" else ""),
            "country": self.country, "remote": self.workplace or "onsite",
            "experience_level": self.experience_level,
            "years_experience_min": self.years_experience_min,
            "job_type": self.job_type or "full-time",
        }
        if self.salary is not None:
            row.update(salary_min=self.salary.low, salary_max=self.salary.high or self.salary.low,
                       currency=self.salary.currency, salary_period=self.salary.period)
        return row

    def to_json(self) -> dict[str, Any]:
        salary = None
        if self.salary is not None:
            salary = {"min": self.salary.low, "max": self.salary.high,
                      "currency": self.salary.currency, "period": self.salary.period}
        return {
            "title": self.title, "company": self.company, "location": self.location,
            "country": self.country, "workplace": self.workplace,
            "experience_level": self.experience_level,
            "years_experience_min": self.years_experience_min, "job_type": self.job_type,
            "salary": salary, "requirements": self.requirements,
            "responsibilities": self.responsibilities, "skills": self.skills,
            "certifications": self.certifications, "warnings": self.warnings,
        }


UNKNOWN_COMPANY = "Company not stated"


@dataclass
class _Line:
    text: str  # without its bullet
    bullet: bool
    section: str | None  # the kind of the section it is in, None before the first heading


def clean_text(text: str) -> str:
    """NFC, unified line ends and spaces, no zero-width or control characters."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\u200b-\u200d\ufeff]", "", text)
    text = text.replace("\u00a0", " ").replace("\t", " ")
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def _heading_kind(line: str) -> str | None:
    """The section a heading line opens, or None for a line that is not a heading."""
    stripped = line.strip().strip("#*_=").strip()
    if not stripped or len(stripped) > 60 or _BULLET_RE.match(line):
        return None
    if stripped.endswith(":"):
        stripped = stripped[:-1]
    elif _SENTENCE_END_RE.search(stripped):
        return None
    key = " ".join(stripped.lower().replace("’", "'").split())
    key = re.sub(r"[^\w' ,&/-]", "", key).strip()
    if key in SECTION_KINDS:
        return SECTION_KINDS[key]
    # "About Fenwick & Dale", "Why Orchard Health?": the company speaks.
    if re.match(r"(?:about|why|working at|life at|join)\b", key) and len(key.split()) <= 6:
        return "other"
    return None


def _lines(text: str) -> list[_Line]:
    """The text's lines, bullets marked, each with the section it is in; a wrapped bullet's
    continuation is joined to it."""
    out: list[_Line] = []
    section: str | None = None
    for raw in text.split("\n"):
        if not raw.strip():
            continue
        kind = _heading_kind(raw)
        if kind is not None:
            section = kind
            out.append(_Line("", False, "heading:" + kind))
            continue
        bullet = _BULLET_RE.match(raw)
        body = raw[bullet.end():].strip() if bullet else raw.strip()
        if not body:
            continue
        if (not bullet and out and out[-1].bullet and body[:1].islower()
                and not _SENTENCE_END_RE.search(out[-1].text)):
            out[-1].text += " " + body  # a bullet wrapped onto the next line
            continue
        out.append(_Line(body, bool(bullet), section))
    return out


_REQUIREMENT_RE = re.compile(
    r"\b(?:\d+\+?\s*(?:-|–|to)?\s*\d*\+?\s*years?|years? of|experience (?:with|in|using)|"
    r"experience\b|degree|bachelor'?s?|master'?s?|diploma|ged\b|high school|licen[cs]e[ds]?|"
    r"licensure|certif|registered|proficien|knowledge of|familiar|understanding of|"
    r"ability to|able to|must\b|required|preferred|strong\b|excellent\b|skills?\b|"
    r"background in|track record|comfortable|fluent|fluency)", re.I)


def _is_requirement(text: str) -> bool:
    return bool(_REQUIREMENT_RE.search(text))


def parse_job_text(
    text: str,
    *,
    title: str | None = None,
    company: str | None = None,
    extract_skills: Callable[[str, str | None], list[str]] | None = None,
    find_certifications: Callable[[str], list[str]] | None = None,
) -> ParsedJob:
    """Read a pasted job description. ``extract_skills`` and ``find_certifications`` default
    to the resume parser's extractors (``extract_skills(text, section_hint)``, the hint
    "skills" for a list of skills); ``title`` and ``company``, when given, are used as
    they are. Raises NotAJobDescription for empty or non-job text."""
    text = clean_text(text or "")
    if not text:
        raise NotAJobDescription("the job description is empty")
    if len(text) > MAX_CHARS:
        raise NotAJobDescription(f"the job description is longer than {MAX_CHARS:,} characters")
    if extract_skills is None:
        extract_skills = _default_skills
    if find_certifications is None:
        find_certifications = _default_certifications
    lines = _lines(text)
    job = ParsedJob(description=text)
    labelled = _labelled(lines)
    header = _header(lines)

    job.title = (_given(title) or labelled.get("title") or _title_from_header(header)
                 or _title_from_prose(text))
    job.company = (_given(company) or labelled.get("company") or _company_from_header(header, job.title)
                   or _company_from_prose(text, lines))
    place = labelled.get("location") or _location_from_header(header) or _location_from_prose(text)
    if place:
        job.location, job.country = _place(place)
    job.workplace = _workplace(labelled, header, text)
    if job.location and job.location.lower() in {"remote", "anywhere"}:
        job.location = "Remote"
    job.salary = parse_salary(labelled.get("salary", "")) or _salary_from_text(header, lines)
    job.job_type = _job_type(labelled.get("job_type", "")) or _job_type_from(header, lines)
    job.experience_level = _level(labelled.get("level", "")) or _level(job.title or "")
    job.years_experience_min = _years(text)
    _lists(lines, job)
    job.skills = _skills(job, lines, extract_skills)
    # ", CA" in "Napa, CA" is a state, not the Chartered Accountant credential.
    job.certifications = find_certifications(re.sub(r",\s*[A-Z]{2}\b", ",", text))
    _check(job, lines)
    return job


def _given(value: str | None) -> str | None:
    return " ".join(value.split()) or None if value else None


def _default_skills(text: str, section_hint: str | None = None) -> list[str]:
    from mock_interview.domain.skills import extract_skills

    return [m.name for m in extract_skills(text, section_hint=section_hint)]


def _default_certifications(text: str) -> list[str]:
    from mock_interview.domain.resume.certifications import matcher

    return matcher().find(text)


_GLUED_LABEL_RE = re.compile(
    r"(?<=[a-z)])(?=(?:Location|Duration|Salary|Pay|Rate|Company|Job Type|Type|Job Description|"
    r"Description|Overview|Responsibilities|Requirements|Qualifications|Schedule)\s*:)")


def _labelled(lines: list[_Line]) -> dict[str, str]:
    """Values of "Label: value" lines with a known label (the first of each)."""
    found: dict[str, str] = {}
    for line in lines:
        match = _LABEL_RE.match(line.text)
        if not match or not match.group(2).strip():
            continue
        key = _LABEL_OF.get(" ".join(match.group(1).lower().split()))
        if key and key not in found:
            # Text copied from a web page may glue the next label on: "EngineerLocation: ...".
            value = _GLUED_LABEL_RE.split(match.group(2).strip(), maxsplit=1)[0]
            found[key] = value.strip(" ,;")[:300]
    return found


def _header(lines: list[_Line]) -> list[str]:
    """The short lines before the first section heading or paragraph of prose."""
    out = []
    for line in lines[:HEADER_LINES]:
        if line.section is not None or line.text == "":
            break
        if len(line.text) > 90 or (len(line.text.split()) > 12 and _SENTENCE_END_RE.search(line.text)):
            break
        if _LABEL_RE.match(line.text) and _LABEL_OF.get(
                " ".join(_LABEL_RE.match(line.text).group(1).lower().split())):
            continue
        out.append(line.text)
    return out


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


def _looks_like_title(line: str) -> bool:
    words = _words(line)
    if not words or len(line.split()) > 10 or _SENTENCE_END_RE.search(line):
        return False
    if parse_salary(line) or _PLACE_RE.match(line):
        return False
    role_word = any(w in ROLE_NOUNS or w.rstrip("s") in ROLE_NOUNS for w in words)
    return role_word


def _title_from_header(header: list[str]) -> str | None:
    for line in header[:4]:
        # "Registered Nurse - Medical/Surgical" is the title; "Staff Accountant - Remote" is not
        # all title, nor "Sales Executive | Brightwater": the part with the role noun is.
        parts = [p.strip() for p in re.split(r"\s+[|·•]\s+|\s+[-–—]\s+(?=(?:remote|hybrid|on-?site|"
                                             r"full|part|contract|temporary)\b)", line, flags=re.I)]
        for part in parts:
            if part and _looks_like_title(part):
                return _tidy_title(part)
    return None


def _tidy_title(title: str) -> str:
    title = re.sub(r"\s*\((?:remote|hybrid|on-?site|full[- ]time|part[- ]time)\)\s*$", "", title,
                   flags=re.I)
    return " ".join(title.split()).strip(" ,;:-–—")


_HIRING_RE = re.compile(
    r"\b(?:hiring|looking for|seeking|searching for|recruiting|in search of|need|"
    r"applications for|opening for|vacancy for|join (?:us|our team|"
    r"the team) as)\s+(?:an?|our next|a new)\s+(?P<title>[^.,;:()\n]{3,80}?)"
    r"(?=\s+(?:to|who|in|at|for|with|that|on|based|located|and|responsible)\b|[.,;:()\n]|$)", re.I)


def _title_from_prose(text: str) -> str | None:
    for match in _HIRING_RE.finditer(text[:3000]):
        words = match.group("title").split()
        while words and words[0].lower().strip(",") in _PROSE_ADJECTIVES:
            words.pop(0)
        # Keep up to the last role noun: "staff accountant position" -> "staff accountant".
        last = max((i for i, w in enumerate(words) if re.sub(r"\W", "", w.lower()).rstrip("s")
                    in ROLE_NOUNS or re.sub(r"\W", "", w.lower()) in ROLE_NOUNS), default=None)
        if last is None or last >= 8:
            continue
        title = " ".join(words[:last + 1])
        return " ".join(w if w.isupper() and len(w) > 1 else w[:1].upper() + w[1:] for w in title.split())
    return None


_LEGAL_SUFFIX_RE = re.compile(r"\b(?:Co|Inc|Ltd|Corp|Llc|LLC|Pty|Plc|PLC|GmbH|S\.A|N\.V)\.$")


def _company_from_header(header: list[str], title: str | None) -> str | None:
    for line in header[:5]:
        if title and line.startswith(title) and not re.search(r"\s[|·•]\s", line):
            continue  # "Registered Nurse - Medical/Surgical": all of it is the title
        candidates = [p.strip() for p in re.split(r"\s+[|·•]\s+|\s+[-–—]\s+", line)]
        for part in candidates:
            if not part or (title and part.lower() == title.lower()) or _looks_like_title(part):
                continue
            place = re.sub(r"\s*\([^)]*\)\s*$", "", part)  # "Denver, CO (Remote)"
            if (parse_salary(part) or _PLACE_RE.match(place) or _WORKPLACE_LOOSE.fullmatch(part.strip("() "))
                    or _job_type(part) or len(part.split()) > 6
                    or _SENTENCE_END_RE.search(_LEGAL_SUFFIX_RE.sub("", part))):
                continue
            if re.search(r"\d", part) or not part[:1].isupper():
                continue
            if re.fullmatch(r"[\d.,\s]*(?:stars?|reviews?|ratings?)?", part.lower()):
                continue
            if any(ch in part for ch in ":") or _heading_kind(part):
                continue
            return part.strip(" ,")
    return None


_COMPANY_PROSE = (
    re.compile(r"\bAt ((?:[A-Z][\w&'’.-]*)(?:\s+(?:[A-Z][\w&'’.-]*|&|of|and)){0,4}),\s+(?:we|our)\b"),
    re.compile(r"(?:^|[.!]\s+)((?:[A-Z][\w&'’.-]*)(?:\s+(?:[A-Z][\w&'’.-]*|&|of|and)){0,4})\s+"
               r"(?:is|are)\s+(?:hiring|looking|seeking|searching|recruiting|growing|a leading|an? )",
               re.M),
    re.compile(r"\b[Jj]oin ((?:[A-Z][\w&'’.-]*)(?:\s+(?:[A-Z][\w&'’.-]*|&|of|and)){0,4})"
               r"(?=\s+(?:as|and|in|to|where)\b|[.,!])"),
)
_NOT_A_COMPANY = {"we", "our", "you", "the", "this", "a", "an", "our team", "the team", "us",
                  "we're", "job", "role", "position"}


def _company_from_prose(text: str, lines: list[_Line]) -> str | None:
    for raw in text.split("\n")[:60]:
        match = re.match(r"\s*#*\s*(?:About|Working at|Life at|Why)\s+(?!us\b|the\b|you\b|this\b|our\b)"
                         r"([A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|&|of|and)){0,4})\s*[:?]?\s*$", raw)
        if match:
            return match.group(1).strip()
    for pattern in _COMPANY_PROSE:
        for match in pattern.finditer(text[:4000]):
            name = match.group(1).strip()
            if name.lower() not in _NOT_A_COMPANY and not _looks_like_title(name):
                return name
    return None


def _location_from_header(header: list[str]) -> str | None:
    for line in header:
        for part in re.split(r"\s+[|·•]\s+|\s+[-–—]\s+|\s*\(", line):
            part = part.strip(" )")
            if _PLACE_RE.match(part):
                return part
            if part.lower() in {"remote", "anywhere", "remote, us", "remote (us)"}:
                return "Remote"
    return None


def _location_from_prose(text: str) -> str | None:
    match = _PROSE_PLACE_RE.search(text[:4000])
    return match.group(1) if match else None


def _place(value: str) -> tuple[str, str | None]:
    value = re.sub(r"\s*\((?:remote|hybrid|on-?site|in[- ]office)[^)]*\)\s*", " ", value, flags=re.I)
    value = " ".join(value.split()).strip(" ,;-–")
    match = _PLACE_RE.match(value)
    country = None
    if match:
        region, named = match.group("region"), match.group("country")
        if named and named.lower() in COUNTRIES:
            country = COUNTRIES[named.lower()]
        elif region in US_STATES:
            country = "US"
        elif region in CA_PROVINCES:
            country = "CA"
        elif region.lower() in COUNTRIES:
            country = COUNTRIES[region.lower()]
    elif value.lower() in COUNTRIES:
        country = COUNTRIES[value.lower()]
    return value[:300], country


def _workplace(labelled: dict[str, str], header: list[str], text: str) -> str | None:
    for source in (labelled.get("workplace", ""), labelled.get("location", ""), " \n".join(header)):
        found = [m.group(1).lower().replace(" ", "-") for m in _WORKPLACE_LOOSE.finditer(source)]
        if found:
            if "hybrid" in found:
                return "hybrid"  # "Hybrid - 3 days in office"
            return "remote" if found[0] == "remote" else "onsite"
    for mode, pattern in _WORKPLACE_STRONG:
        if pattern.search(text):
            return mode
    return None


def _salary_from_text(header: list[str], lines: list[_Line]) -> Salary | None:
    for line in header:
        found = parse_salary(line)
        if found:
            return found
    # In the body, only on lines about pay: "$2M budget" or "$50 gift card" is not a salary.
    pay = re.compile(r"salary|pay\b|pay range|compensation|wage|rate|per hour|an hour|a year|"
                     r"per year|annually|/hr|/hour|/year|/yr|base|ote|k\b", re.I)
    for line in lines:
        if pay.search(line.text):
            found = parse_salary(line.text)
            if found:
                return found
    return None


def _job_type(value: str) -> str | None:
    for kind, pattern in _JOB_TYPES:
        if value and pattern.search(value):
            return kind
    return None


def _job_type_from(header: list[str], lines: list[_Line]) -> str | None:
    found = _job_type(" \n".join(header))
    if found:
        return found
    for line in lines:
        # Body text mentions "full-time" in many ways; a posting's own type sits on short lines
        # or in sentences that describe the position.
        if len(line.text) <= 60 or re.search(r"\b(?:this|the) (?:is an?|position|role|job)\b", line.text, re.I):
            for kind, pattern in _JOB_TYPES:
                if kind != "internship" and pattern.search(line.text):
                    return kind
    return None


def _level(value: str) -> str | None:
    if not value:
        return None
    for level, pattern in _LEVELS:
        if pattern.search(value):
            return level
    return None


_YEARS_RE = re.compile(r"\b(\d{1,2})\s*\+?\s*(?:(?:-|–|to)\s*\d{1,2}\s*\+?\s*)?(?:years?|yrs?)\b", re.I)


def _years(text: str) -> int | None:
    """The smallest number of years of experience asked for ("3+ years", "2-4 years")."""
    found = []
    for match in _YEARS_RE.finditer(text):
        context = text[match.end():match.end() + 80].lower()
        before = text[max(0, match.start() - 40):match.start()].lower()
        if "experience" in context or "experience" in before:
            value = int(match.group(1))
            if 0 < value <= 30:
                found.append(value)
    return min(found) if found else None


def _lists(lines: list[_Line], job: ParsedJob) -> None:
    """Requirements and responsibilities: the lines of their sections, or bullets sorted by
    what they say when the text has no such headings."""
    sections = {line.section for line in lines if line.section}
    has_sections = bool(sections & {"requirements", "responsibilities"})
    for line in lines:
        if not line.text or _heading_kind(line.text) or _is_labelled(line.text):
            continue
        if has_sections:
            if line.section == "requirements" and (line.bullet or len(line.text) <= 200):
                job.requirements.append(_item(line.text))
            elif line.section == "responsibilities" and (line.bullet or len(line.text) <= 200):
                job.responsibilities.append(_item(line.text))
            continue
        if not line.bullet or line.section == "other" and not _is_requirement(line.text):
            continue
        (job.requirements if _is_requirement(line.text) else job.responsibilities).append(_item(line.text))
    if not job.requirements and not job.responsibilities:
        _lists_from_prose(lines, job)
    job.requirements = list(dict.fromkeys(r for r in job.requirements if r))[:60]
    job.responsibilities = list(dict.fromkeys(r for r in job.responsibilities if r))[:60]


_PROSE_REQUIREMENT_RE = re.compile(
    r"\b(?:you (?:should |must |will )?(?:have|bring|hold|possess)|you are|you're|must have|"
    r"\d+\+?\s*(?:-|–|to)?\s*\d*\s*years? of|degree in|is required|are required|required:|"
    r"licen[cs]e|certification)", re.I)
_PROSE_DUTY_RE = re.compile(r"^(?:you will|you'll|you will be|responsibilities include|"
                            r"duties include|in this role,? you)\b", re.I)


def _lists_from_prose(lines: list[_Line], job: ParsedJob) -> None:
    """A posting written as paragraphs: its sentences that ask for something are the
    requirements, those that say what the person will do the responsibilities."""
    for line in lines:
        if line.section == "other":
            continue
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", line.text):
            if _PROSE_REQUIREMENT_RE.search(sentence):
                job.requirements.append(_item(sentence.rstrip(".")))
            elif _PROSE_DUTY_RE.match(sentence):
                job.responsibilities.append(_item(sentence.rstrip(".")))


def _is_labelled(text: str) -> bool:
    match = _LABEL_RE.match(text)
    return bool(match) and " ".join(match.group(1).lower().split()) in _LABEL_OF


def _item(text: str) -> str:
    return " ".join(text.split()).strip(" ;")[:1000]


def _skills(job: ParsedJob, lines: list[_Line],
            extract: Callable[[str, str | None], list[str]]) -> list[str]:
    """Skills named in the title, the lists and the text; a skills section's lines count as
    a list (the extractor's rules for a resume's skills section)."""
    names: list[str] = []
    listed = [line.text for line in lines
              if line.section == "requirements" and len(line.text) <= 80 and "," in line.text]
    if listed:
        names += extract("\n".join(listed), "skills")
    # The whole text once (it holds the lists): a line read twice would count as a second
    # mention, which the extractor takes as support for a plain word.
    title = job.title if job.title and job.title not in job.description else ""
    names += extract("\n".join(filter(None, [title, job.description])), None)
    return list(dict.fromkeys(names))


_JOB_WORDS = re.compile(
    r"\b(?:responsibilit|requirement|qualification|experience|candidate|role\b|position|"
    r"hiring|hire\b|appl(?:y|ication|icant)|salary|wage|pay\b|paid\b|bonus|benefits|"
    r"compensation|team\b|job\b|duties|shift|full[- ]time|part[- ]time|remote|hybrid|"
    r"we are looking|we're looking|seeking|you will|you'll|skills|opportunit)", re.I)


def _check(job: ParsedJob, lines: list[_Line]) -> None:
    """Refuse text that is no job posting; note what is missing from one that is."""
    signals = len({m.group(0).lower()[:8] for m in _JOB_WORDS.finditer(job.description)})
    signals += bool(job.requirements) + bool(job.responsibilities) + bool(job.salary)
    if job.title is None:
        if signals >= 3:
            raise NoJobTitle("could not find the job title in the text")
        raise NotAJobDescription(
            "this does not look like a job description (no job title, requirements or duties)")
    if signals == 0 and len(job.description) < 200 and not job.skills:
        raise NotAJobDescription(
            "this does not look like a job description (no requirements, duties or details)")
    if job.company is None:
        job.warnings.append("no company name found")
    if not job.requirements:
        job.warnings.append("no requirements found")
    if not job.location and job.workplace != "remote":
        job.warnings.append("no location found")
