"""Dates and date ranges as resumes write them, and total experience from merged intervals.

Grammar: "Sept 2018 – Present", "Sep. 2018 - Current", "03/2019 - 06/2021", "2019-03 to 2021-06",
"2017 to 2019", "2017–19", "Jan 2020 - Now", "since 2019", "Summer 2018", with hyphens, en/em
dashes, "to", "till", "until" and "through" between the ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
# Seasons stand for their first month, so "Summer 2018 – Fall 2018" spans June to September.
_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
SEASON_MONTHS = 3  # a lone season ("Summer 2021") spans this many months from its first

_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_DATE_RE = re.compile(
    r"(?<![A-Za-z0-9])(?:"
    # Jan 2020, Sept. 2018, January 15, 2020, Jan '19, Jan-2020, Feb17 2016
    + _MONTH
    + r"(?:[\s,/-]*(?P<mday>\d{1,2})(?:st|nd|rd|th)?,?)?[\s,/-]*(?P<myear>" + _YEAR + r"|'\d\d)"
    # 15 Jan 2020
    + r"|(?P<dday>\d{1,2})(?:st|nd|rd|th)?[\s-]+(?P<dmon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?"
    r"|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?"
    r"|dec(?:ember)?)\.?[\s,-]+(?P<dyear>" + _YEAR + r")"
    # Summer 2018
    + r"|(?P<season>spring|summer|fall|autumn|winter)[\s,]+(?P<syear>" + _YEAR + r")"
    # 15/03/2019 or 03/15/2019
    + r"|(?P<n1>\d{1,2})[/.-](?P<n2>\d{1,2})[/.-](?P<nyear>" + _YEAR + r")"
    # 03/2019
    + r"|(?P<nmon>\d{1,2})[/.-](?P<nmyear>" + _YEAR + r")"
    # 2019-03 (month, or the end of a short year range: decided below)
    + r"|(?P<ymyear>" + _YEAR + r")[/.-](?P<ymmon>\d{2})(?![\d/.-]*\d)"
    + r"|(?P<year>" + _YEAR + r")"
    + r")(?![A-Za-z0-9])",
    re.I,
)
_PRESENT_RE = re.compile(
    r"\s*(?P<present>present|current(?:ly)?|now|today|till\s+date|to\s+date|till\s+now"
    r"|ongoing|date|continuing)(?![A-Za-z])",
    re.I,
)
_SEP_RE = re.compile(
    r"\s*(?:[-–—~‐‑−]+|to|till|until|through|thru|upto|up\s+to)(?:\s+(?:till|to))?\s*", re.I
)
_SHORT_END_RE = re.compile(r"\s*[-–—‐‑−/]\s*(?P<yy>\d{2})(?![\d/.-])")
_SINCE_RE = re.compile(r"(?:since|from)\s*$", re.I)
_DURATION_RE = re.compile(
    r"^\(?\s*(?:\d+(?:\.\d+)?\s*\+?\s*(?:years?|yrs?|months?|mos?)\.?[\s,]*(?:and\s+)?){1,2}\)?$",
    re.I,
)


@dataclass(frozen=True, order=True)
class YearMonth:
    """A point in time as precise as the resume gave it (month is None for a bare year)."""

    year: int
    month: int | None = None

    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}" if self.month else f"{self.year:04d}"

    def index(self, *, as_end: bool = False) -> int:
        """Months since year 0; a bare year counts from mid-year so "2017–2019" is two years."""
        if self.month is None:
            return self.year * 12 + 6
        return self.year * 12 + self.month - 1 + (1 if as_end else 0)


@dataclass(frozen=True)
class DateRange:
    start: YearMonth | None
    end: YearMonth | None
    current: bool
    span: tuple[int, int]

    @property
    def is_range(self) -> bool:
        return self.current or (self.end is not None and self.end != self.start)


def _year(text: str) -> int:
    if text.startswith("'"):
        yy = int(text[1:])
        return 2000 + yy if yy < 50 else 1900 + yy
    return int(text)


def _token(match: re.Match[str]) -> YearMonth | None:
    g = match.groupdict()
    if g["mon"]:
        return YearMonth(_year(g["myear"]), _MONTHS[g["mon"][:3].lower()])
    if g["dmon"]:
        return YearMonth(int(g["dyear"]), _MONTHS[g["dmon"][:3].lower()])
    if g["season"]:
        return YearMonth(int(g["syear"]), _SEASONS[g["season"].lower()])
    if g["nyear"]:
        first, second = int(g["n1"]), int(g["n2"])
        # Day-first unless the first number cannot be a day... and month-first when it cannot
        # be a month; otherwise month-first, the US habit, is as likely as not.
        month = second if first > 12 else first
        if not 1 <= month <= 12:
            return None
        return YearMonth(int(g["nyear"]), month)
    if g["nmyear"]:
        month = int(g["nmon"])
        return YearMonth(int(g["nmyear"]), month) if 1 <= month <= 12 else None
    if g["ymyear"]:
        return YearMonth(int(g["ymyear"]), int(g["ymmon"]))
    return YearMonth(int(g["year"]))


def _year_month_or_short_range(match: re.Match[str]) -> tuple[YearMonth, YearMonth | None]:
    """"2019-03" is March 2019 but "2009-10" and "2017-19" are year ranges."""
    year, tail = int(match["ymyear"]), match["ymmon"]
    value = int(tail)
    if tail.startswith("0") or (value <= 12 and value <= year % 100):
        return YearMonth(year, value), None
    century = year - year % 100
    end = century + value if value > year % 100 else century + 100 + value
    return YearMonth(year), YearMonth(end)


def find_ranges(line: str) -> list[DateRange]:
    """Date ranges and lone dates in the line, in order. A lone date is start == end."""
    tokens = [m for m in _DATE_RE.finditer(line) if _token(m)]
    ranges: list[DateRange] = []
    i = 0
    while i < len(tokens):
        match = tokens[i]
        start = _token(match)
        assert start is not None
        begin, stop = match.span()
        end: YearMonth | None = start
        current = False
        if match["ymyear"]:
            start, short_end = _year_month_or_short_range(match)
            end = short_end or start
        rest = line[stop:]
        sep = _SEP_RE.match(rest)
        consumed = False
        if sep and end == start:
            after = stop + sep.end()
            present = _PRESENT_RE.match(line, after)
            if i + 1 < len(tokens) and tokens[i + 1].start() == after:
                other = _token(tokens[i + 1])
                if tokens[i + 1]["ymyear"]:
                    other = _year_month_or_short_range(tokens[i + 1])[0]
                end, stop, consumed = other, tokens[i + 1].end(), True
            elif present:
                end, current, stop = None, True, present.end()
            elif start.month is None:
                short = _SHORT_END_RE.match(rest)
                if short:
                    yy = int(short["yy"])
                    century = start.year - start.year % 100
                    year = century + yy if yy > start.year % 100 else century + 100 + yy
                    if year - start.year < 50:
                        end, stop = YearMonth(year), stop + short.end()
        if end == start and not current and _SINCE_RE.search(line[:begin]):
            end, current = None, True
            begin = _SINCE_RE.search(line[:begin]).start()  # type: ignore[union-attr]
        elif end == start and not current and match["season"] and start.month is not None:
            # "Marketing Intern (Summer 2021)": a season is a stint of about three months.
            month = start.month + SEASON_MONTHS - 1
            end = YearMonth(start.year + (month - 1) // 12, (month - 1) % 12 + 1)
        ranges.append(DateRange(start, end, current, (begin, stop)))
        i += 2 if consumed else 1
    return ranges


def is_duration(line: str) -> bool:
    """True for lines such as "2 years 10 months" or "(3 yrs)" that some layouts print."""
    return bool(_DURATION_RE.match(line.strip()))


def month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def interval(rng: DateRange, today: date) -> tuple[int, int] | None:
    """[start, end) in month indices; "present" runs to the end of today's month."""
    if rng.start is None:
        return None
    first = rng.start.index()
    if rng.current:
        last = month_index(today) + 1
    elif rng.end is not None:
        last = rng.end.index(as_end=True)
    else:
        return None
    return (first, last) if last > first else None


def merged_years(intervals: list[tuple[int, int]]) -> float:
    """Total length of the union of month intervals, in years rounded to 0.1."""
    total, cur_start, cur_end = 0, None, None
    for start, end in sorted(intervals):
        if cur_end is None or start > cur_end:
            if cur_end is not None and cur_start is not None:
                total += cur_end - cur_start
            cur_start, cur_end = start, end
        else:
            cur_end = max(cur_end, end)
    if cur_end is not None and cur_start is not None:
        total += cur_end - cur_start
    return round(total / 12, 1)
