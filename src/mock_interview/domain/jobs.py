"""Job postings: validation and normalisation of catalogue rows, search parameters, salaries.

Pure functions; the store and services decide where rows come from and go to.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from mock_interview.errors import UsageError

REMOTE_MODES = ("onsite", "hybrid", "remote")
LEVELS = ("intern", "junior", "mid", "senior", "lead", "principal")
JOB_TYPES = ("full-time", "part-time", "contract", "internship", "temporary")

_REMOTE_ALIASES = {
    "onsite": "onsite", "on-site": "onsite", "on site": "onsite", "office": "onsite",
    "in-office": "onsite", "in office": "onsite", "no": "onsite", "false": "onsite",
    "hybrid": "hybrid", "partly remote": "hybrid", "flexible": "hybrid",
    "remote": "remote", "fully remote": "remote", "yes": "remote", "true": "remote",
    "1": "remote", "1.0": "remote", "0": "onsite", "0.0": "onsite", "remote allowed": "remote",
    "work from home": "remote", "wfh": "remote", "anywhere": "remote",
}
_LEVEL_ALIASES = {
    "intern": "intern", "internship": "intern", "trainee": "intern", "student": "intern",
    "junior": "junior", "jr": "junior", "entry": "junior", "entry level": "junior",
    "entry-level": "junior", "graduate": "junior", "associate": "junior",
    "mid": "mid", "mid-level": "mid", "mid level": "mid", "intermediate": "mid",
    "mid-senior level": "mid", "mid-senior": "mid",
    "senior": "senior", "sr": "senior", "experienced": "senior",
    "lead": "lead", "staff": "lead", "manager": "lead", "team lead": "lead",
    "principal": "principal", "director": "principal", "executive": "principal",
    "distinguished": "principal", "architect": "principal",
}
_TYPE_ALIASES = {
    "full-time": "full-time", "full time": "full-time", "fulltime": "full-time",
    "full_time": "full-time", "permanent": "full-time",
    "part-time": "part-time", "part time": "part-time", "parttime": "part-time",
    "part_time": "part-time",
    "contract": "contract", "contractor": "contract", "freelance": "contract",
    "internship": "internship", "intern": "internship",
    "temporary": "temporary", "temp": "temporary", "seasonal": "temporary",
}
_PERIOD_ALIASES = {
    "year": "year", "yearly": "year", "annual": "year", "annually": "year", "yr": "year",
    "month": "month", "monthly": "month", "mo": "month",
    "hour": "hour", "hourly": "hour", "hr": "hour",
}
# Approximate USD per unit of currency (late 2026), used only to compare salaries across
# currencies in filters and matching; shown figures are always in the posting's currency.
USD_PER_UNIT = {
    "USD": 1.0, "EUR": 1.08, "GBP": 1.27, "CAD": 0.73, "AUD": 0.66, "NZD": 0.60,
    "CHF": 1.13, "SEK": 0.095, "NOK": 0.093, "DKK": 0.145, "PLN": 0.25, "CZK": 0.043,
    "HUF": 0.0027, "RON": 0.22, "INR": 0.012, "SGD": 0.74, "HKD": 0.128, "JPY": 0.0067,
    "CNY": 0.14, "KRW": 0.00073, "BRL": 0.18, "MXN": 0.055, "ARS": 0.0011, "CLP": 0.0011,
    "COP": 0.00025, "ZAR": 0.055, "NGN": 0.00065, "KES": 0.0077, "EGP": 0.02, "AED": 0.27,
    "SAR": 0.27, "ILS": 0.27, "TRY": 0.029, "PHP": 0.017, "IDR": 0.000062, "MYR": 0.22,
    "THB": 0.029, "VND": 0.00004, "PKR": 0.0036, "BDT": 0.0083,
}
PERIOD_PER_YEAR = {"year": 1, "month": 12, "hour": 2080}
MAX_SALARY = 100_000_000
MAX_TEXT = 100_000


@dataclass
class FieldError:
    field: str
    reason: str


@dataclass
class JobRecord:
    """A validated posting, ready to store."""

    title: str
    company: str
    description: str = ""
    requirements: list[str] = field(default_factory=list)
    skills_required: list[str] = field(default_factory=list)
    location: str = ""
    country: str | None = None
    remote: str = "onsite"
    experience_level: str | None = None
    years_experience_min: int | None = None
    job_type: str = "full-time"
    salary_min: int | None = None
    salary_max: int | None = None
    currency: str | None = None
    salary_period: str = "year"
    posted_at: datetime | None = None
    slug: str = ""

    def to_row(self) -> dict[str, Any]:
        row = dict(self.__dict__)  # shallow: the lists are fresh per record (asdict deep-copies)
        row["salary_usd_min"], row["salary_usd_max"] = annual_usd(
            self.salary_min, self.salary_max, self.currency, self.salary_period
        )
        return row


def annual_usd(
    low: int | None, high: int | None, currency: str | None, period: str
) -> tuple[int | None, int | None]:
    """Salary range as approximate US dollars a year, for comparing across postings."""
    rate = USD_PER_UNIT.get((currency or "USD").upper())
    if rate is None:
        return None, None
    factor = rate * PERIOD_PER_YEAR.get(period, 1)
    return (
        None if low is None else round(low * factor),
        None if high is None else round(high * factor),
    )


def _text(value: Any, name: str, errors: list[FieldError], *, required: bool, limit: int) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            errors.append(FieldError(name, "is required"))
        return ""
    if not isinstance(value, str | int | float):
        errors.append(FieldError(name, f"must be text, not {type(value).__name__}"))
        return ""
    text = " ".join(str(value).split()) if limit <= 1000 else str(value).strip()
    if len(text) > limit:
        errors.append(FieldError(name, f"is longer than {limit} characters"))
    return text


def _string_list(value: Any, name: str, errors: list[FieldError]) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):  # a JSON list inside a CSV cell
            import json

            try:
                value = json.loads(text)
            except ValueError:
                errors.append(FieldError(name, "looks like JSON but does not parse"))
                return []
        else:
            separator = "\n" if "\n" in text else (";" if ";" in text else ",")
            value = [part for part in text.split(separator)]
    if not isinstance(value, list):
        errors.append(FieldError(name, f"must be a list of strings, not {type(value).__name__}"))
        return []
    items: list[str] = []
    for item in value:
        if not isinstance(item, str | int | float):
            errors.append(FieldError(name, "must contain only strings"))
            return []
        cleaned = " ".join(str(item).split()).strip(" -•*")
        if cleaned and cleaned not in items:
            items.append(cleaned)
    return items


def _choice(
    value: Any, name: str, aliases: Mapping[str, str], errors: list[FieldError], default: str | None
) -> str | None:
    if value is None or value == "":
        return default
    if isinstance(value, bool) and name == "remote":
        return "remote" if value else "onsite"
    key = " ".join(str(value).strip().lower().replace("_", " ").split())
    found = aliases.get(key) or aliases.get(key.replace(" ", "-"))
    if found is None:
        allowed = ", ".join(sorted(set(aliases.values())))
        errors.append(FieldError(name, f"{value!r} is not one of {allowed}"))
    return found


def _int(value: Any, name: str, errors: list[FieldError], low: int, high: int) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        errors.append(FieldError(name, "must be a number"))
        return None
    if isinstance(value, str):
        text = value.strip().replace(",", "").replace("_", "").lstrip("$€£")
        if text.lower().endswith("k") and text[:-1].replace(".", "", 1).isdigit():
            text = str(float(text[:-1]) * 1000)
        value = text
    try:
        number = float(value)
    except (TypeError, ValueError):
        errors.append(FieldError(name, f"{value!r} is not a number"))
        return None
    if number != number or number < low or number > high:  # NaN or out of range
        errors.append(FieldError(name, f"must be between {low} and {high}"))
        return None
    return int(round(number))


def _date(value: Any, errors: list[FieldError]) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    try:
        parsed = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError:
        errors.append(FieldError("posted_at", f"{value!r} is not an ISO date (YYYY-MM-DD)"))
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def slug_for(title: str, company: str, location: str, description: str) -> str:
    """A stable key for a posting without one, so importing the same file twice is a no-op."""
    base = re.sub(r"[^a-z0-9]+", "-", f"{company} {title}".lower()).strip("-")[:80]
    digest = hashlib.sha256(
        "\x1f".join((title, company, location, description)).encode("utf-8")
    ).hexdigest()[:10]
    return f"{base}-{digest}"


def validate_job(
    row: Mapping[str, Any], canonical_skill: Callable[[str], str | None] | None = None
) -> tuple[JobRecord | None, list[FieldError]]:
    """Check one catalogue row; returns the record, or None and every problem found."""
    errors: list[FieldError] = []
    if not isinstance(row, Mapping):
        return None, [FieldError("(row)", f"must be an object, not {type(row).__name__}")]
    title = _text(row.get("title"), "title", errors, required=True, limit=300)
    company = _text(row.get("company"), "company", errors, required=True, limit=300)
    description = _text(row.get("description"), "description", errors, required=False,
                        limit=MAX_TEXT)
    location = _text(row.get("location"), "location", errors, required=False, limit=300)
    requirements = _string_list(row.get("requirements"), "requirements", errors)
    skills = _string_list(row.get("skills_required", row.get("skills")), "skills_required", errors)
    if canonical_skill is not None:
        skills = list(dict.fromkeys(canonical_skill(s) or s for s in skills))
    country = row.get("country")
    if country not in (None, ""):
        country = str(country).strip().upper()
        if not re.fullmatch(r"[A-Z]{2}", country):
            errors.append(FieldError("country", f"{row.get('country')!r} is not a 2-letter code"))
    else:
        country = None
    remote = _choice(row.get("remote"), "remote", _REMOTE_ALIASES, errors, "onsite")
    level = _choice(row.get("experience_level"), "experience_level", _LEVEL_ALIASES, errors, None)
    job_type = _choice(row.get("job_type"), "job_type", _TYPE_ALIASES, errors, "full-time")
    period = _choice(row.get("salary_period"), "salary_period", _PERIOD_ALIASES, errors, "year")
    years = _int(row.get("years_experience_min"), "years_experience_min", errors, 0, 60)
    salary_min = _int(row.get("salary_min"), "salary_min", errors, 0, MAX_SALARY)
    salary_max = _int(row.get("salary_max"), "salary_max", errors, 0, MAX_SALARY)
    stated = row.get("salary")
    if salary_min is None and salary_max is None and isinstance(stated, int | float) \
            and not isinstance(stated, bool):
        salary_min = salary_max = _int(stated, "salary", errors, 0, MAX_SALARY)
    elif salary_min is None and salary_max is None and isinstance(stated, str) and stated.strip():
        # One "Salary" column as exports write it: "$85,000 - $95,000 a year".
        from mock_interview.domain.job_text import parse_salary

        found = parse_salary(stated)
        if found is not None:
            salary_min, salary_max = found.low, found.high or found.low
            if row.get("currency") in (None, ""):
                row = {**row, "currency": found.currency}
            if row.get("salary_period") in (None, ""):
                period = found.period
    if salary_min is not None and salary_max is not None and salary_min > salary_max:
        errors.append(FieldError("salary_max", "is smaller than salary_min"))
    currency = row.get("currency")
    if currency not in (None, ""):
        currency = str(currency).strip().upper()
        if currency not in USD_PER_UNIT:
            errors.append(FieldError("currency", f"{row.get('currency')!r} is not a known ISO 4217 code"))
    else:
        currency = None
    posted_at = _date(row.get("posted_at"), errors)
    slug = row.get("slug") or row.get("id") or row.get("external_id")
    slug = str(slug).strip()[:300] if slug not in (None, "") else ""
    if errors:
        return None, errors
    return (
        JobRecord(
            title=title, company=company, description=description, requirements=requirements,
            skills_required=skills, location=location, country=country,
            remote=remote or "onsite", experience_level=level, years_experience_min=years,
            job_type=job_type or "full-time", salary_min=salary_min, salary_max=salary_max,
            currency=currency, salary_period=period or "year", posted_at=posted_at,
            slug=slug or slug_for(title, company, location, description),
        ),
        [],
    )


# -- search ------------------------------------------------------------------------------------

MAX_QUERY_TERMS = 16
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Names whose punctuation is what tells them apart: a word tokenizer reads "C#", "C++" and "C"
# alike, "F#" as "f" and "CI/CD" as two words. Both indexes (SQLite FTS5 and Postgres, see
# migration 0006) and every query spell them as one plain word instead. Plain substring
# replacements on lower-cased text, in this order, so the SQL of the index triggers
# (nested replace(lower(...))) does exactly what search_text does.
SEARCH_TOKENS = (
    ("c++", " cplusplus "), ("c#", " csharp "), ("f#", " fsharp "), ("node.js", " nodejs "),
    (".net", " dotnet "), ("ci/cd", " cicd "),
)


def search_text(text: str | None) -> str:
    """``text`` as the full-text indexes see it: lower case, with SEARCH_TOKENS spelled out."""
    text = (text or "").lower()
    for token, word in SEARCH_TOKENS:
        if token in text:
            text = text.replace(token, word)
    return text


def query_terms(text: str | None) -> list[str]:
    """The searchable words of a free-text query (FTS syntax and punctuation dropped)."""
    terms: list[str] = []
    for word in _WORD.findall(search_text(text)):
        if word not in terms and len(word) <= 40:
            terms.append(word)
    return terms[:MAX_QUERY_TERMS]


@dataclass
class JobSearch:
    """Validated search parameters."""

    text: str | None = None
    terms: list[str] = field(default_factory=list)
    location: str | None = None
    remote: bool = False
    job_type: str | None = None
    level: str | None = None
    min_salary: int | None = None
    min_salary_usd: int | None = None
    currency: str = "USD"
    company: str | None = None
    skills: list[str] = field(default_factory=list)
    limit: int = 20


def build_search(
    text: str | None = None,
    *,
    location: str | None = None,
    remote: bool = False,
    job_type: str | None = None,
    level: str | None = None,
    min_salary: int | None = None,
    currency: str = "USD",
    company: str | None = None,
    skills: list[str] | None = None,
    limit: int = 20,
    canonical_skill: Callable[[str], str | None] | None = None,
) -> JobSearch:
    """Validate search options; anything that can never match is a UsageError."""
    terms = query_terms(text)
    if text is not None and text.strip() and not terms:
        raise UsageError(
            f"the query {text!r} has no words to search for",
            hint='try words such as: search-jobs "python backend"',
        )
    if not 1 <= limit <= 500:
        raise UsageError("--limit must be between 1 and 500")
    errors: list[FieldError] = []
    kind = _choice(job_type, "--type", _TYPE_ALIASES, errors, None)
    lvl = _choice(level, "--level", _LEVEL_ALIASES, errors, None)
    if errors:
        raise UsageError(f"{errors[0].field} {errors[0].reason}")
    code = (currency or "USD").strip().upper()
    if code not in USD_PER_UNIT:
        raise UsageError(f"--currency {currency!r} is not a known ISO 4217 code")
    usd = None
    if min_salary is not None:
        if min_salary < 0:
            raise UsageError("--min-salary cannot be negative")
        if min_salary > MAX_SALARY:
            raise UsageError(f"--min-salary {min_salary} is not a plausible salary")
        usd, _ = annual_usd(min_salary, None, code, "year")
    wanted = []
    for skill in skills or []:
        name = " ".join(skill.split())
        if not name:
            continue
        wanted.append((canonical_skill(name) if canonical_skill else None) or name)
    return JobSearch(
        text=text.strip() if text else None, terms=terms,
        location=" ".join(location.split()) if location else None, remote=remote,
        job_type=kind, level=lvl, min_salary=min_salary, min_salary_usd=usd, currency=code,
        company=" ".join(company.split()) if company else None, skills=wanted, limit=limit,
    )
