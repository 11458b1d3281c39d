"""Experience entries: header lines (title, company, location, dates) and their bullets.

Layouts differ in where the date sits: after the title/company lines, before them, between
them, or after the bullets. Entries are found from clusters of short lines between bodies
(bullets and paragraphs), anchored on date lines; title and company are told apart by
vocabulary, not by their order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mock_interview.domain.resume import vocab
from mock_interview.domain.resume.dates import DateRange, is_duration
from mock_interview.domain.resume.lines import (
    BULLET,
    DATE,
    DURATION,
    SHORT,
    TEXT,
    Item,
    build_items,
    is_location_like,
)
from mock_interview.domain.resume.models import ExperienceEntry

_MAX_HEADER_LINES = 3
_SPLIT_RE = re.compile(
    r"\s+[|–—•·◆]\s+|\s+[-‐]\s+|\s*\t\s*|\s{3,}|\s*@\s*|\s+at\s+(?=[A-Z0-9])|\s+(?:with|for)\s+(?=[A-Z])|\s*\|\s*"
    r"|\s*[–—]\s*$|\s+-\s*$"
)
_SUFFIX_RE = re.compile(
    r"^(?:inc|ltd|llc|llp|pvt|corp|co|plc|gmbh|ag|sa|bv|limited|incorporated)\.?$", re.I
)
_REGION_CODE_RE = re.compile(r"^[A-Z]{2,3}$")
_ROMAN_RE = re.compile(r"^[IVX]+$")  # a level after a title: "Engineer II"
_REMOTE_RE = re.compile(r"^(?:remote|hybrid|on-?site|work from home|wfh)$", re.I)
_LABEL_RE = re.compile(r"^[A-Za-z][\w /&-]{0,30}:\s*\S")
# "Company: Infosys Ltd", "Designation - Systems Engineer": headers written as labelled values.
_ROLE_LABEL_RE = re.compile(
    r"^\W*(?P<label>company(?: name)?|organi[sz]ation|employer|firm|designation|role|position|"
    r"job title|title|location|place|city)(?:\s*#?\d{1,2}\s*:|\s*[:\-–])\s*(?P<value>\S.*)$",
    re.I,
)
_ROLE_OF_LABEL = {"company": "company", "company name": "company", "organisation": "company",
                  "organization": "company", "employer": "company", "firm": "company",
                  "designation": "title", "role": "title", "position": "title",
                  "job title": "title", "title": "title", "location": "location",
                  "place": "location", "city": "location"}


def role_label(text: str) -> tuple[str, str] | None:
    """("company", "Infosys Ltd") for "Company: Infosys Ltd"."""
    match = _ROLE_LABEL_RE.match(text.strip())
    if not match:
        return None
    value = match["value"].strip(" ,;|-–")
    return (_ROLE_OF_LABEL[match["label"].lower()], value) if value else None
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z.&'’-]*")


@dataclass
class _Draft:
    header: list[str] = field(default_factory=list)  # header texts (date residues included)
    ranges: list[DateRange] = field(default_factory=list)
    body: list[Item] = field(default_factory=list)

    def has_role(self) -> bool:
        roles = _assign_roles(self.header, title_first=True)
        return roles[0] is not None or roles[1] is not None


def _words(text: str) -> list[str]:
    return [w.lower().strip(".'’-") for w in _WORD_RE.findall(text)]


def title_score(text: str) -> int:
    """2 when the phrase ends in a job-title word, 1 when it has one, else 0."""
    words = [w for w in _words(text) if w]
    while len(words) > 1 and _ROMAN_RE.match(words[-1].upper()):
        words.pop()  # "Software Engineer II": a level after the head word
    if not words or len(words) > 8:
        return 0
    lowered = " ".join(words)
    if any(phrase in lowered for phrase in vocab.TITLE_PHRASES):
        return 2
    if len(words) >= 3 and words[:2] == ["head", "of"]:
        return 2  # "Head of Operations and Logistics"
    heads = [w for w in words if w in vocab.TITLE_WORDS and w not in _MODIFIER_ONLY]
    if not heads:
        # "Account Executive", "Team Lead": a qualifier that ends a phrase is its head.
        return 1 if len(words) >= 2 and words[-1] in _HEAD_AT_END else 0
    if words[-1] in vocab.TITLE_WORDS or any(w in _CHIEFS for w in words):
        return 2
    return 1


_CHIEFS = {"cto", "ceo", "cfo", "coo", "vp"}
_HEAD_AT_END = {"executive", "lead", "principal"}
# Title words that only qualify another ("Senior", "Junior"): alone they are not a title.
_MODIFIER_ONLY = {"senior", "junior", "sr", "jr", "vice", "deputy", "staff", "member", "head",
                  "principal", "executive", "lead"}


def company_score(text: str) -> int:
    words = _words(text)
    if not words:
        return 0
    if words[-1] in vocab.COMPANY_WORDS:
        return 2
    if any(w in vocab.COMPANY_WORDS for w in words):
        return 1
    return 0


def _is_location(text: str) -> bool:
    text = text.strip()
    if _REMOTE_RE.match(text):
        return True
    city, _, region = text.rpartition(",")
    if region.strip() in _US_STATES and _CITY_RE.match(city.strip()) and not (
            title_score(city) or company_score(city)):
        return True  # "Denver, CO": a state code, even one that reads as "Co."
    # "Account Executive, Summit Medical Supply" has a place's shape; a title makes it none.
    return (is_location_like(text) and not title_score(text) and not company_score(text)
            and not title_score(text.split(",")[0]))


_TRAILING_PLACE_RE = re.compile(
    r"^(?P<head>.*\S)\s+(?P<city>[A-Z][a-zà-ÿ.'’-]+),\s*"
    r"(?P<region>[A-Z]{2}|[A-Z][a-zà-ÿğüşıöç'’-]+(?:\s+[A-Z][a-zà-ÿğüşıöç'’-]+)?)$"
)
# Words that begin two-word place names ("San Francisco", "New York", "Santa Clara").
_PLACE_PREFIXES = {"san", "santa", "new", "los", "las", "el", "fort", "port", "saint", "st",
                   "st.", "mount", "palo", "salt", "long", "grand", "des", "baton", "sao", "são",
                   "rio", "buenos", "hong", "tel", "abu", "kuala", "navi", "greater", "north",
                   "south", "east", "west", "upper", "lower", "la", "le", "del", "mountain",
                   "redwood", "menlo", "cedar", "ann", "park", "jersey", "kansas"}


def split_trailing_place(chunk: str) -> tuple[str, str | None]:
    """"Research Intern Santa Clara, CA" → ("Research Intern", "Santa Clara, CA"), for readers
    that join a row's right-hand column with a single space."""
    match = _TRAILING_PLACE_RE.match(chunk)
    if not match:
        return chunk, None
    head, city = match["head"], match["city"]
    place_words = [city, *match["region"].split()]
    if any(w.lower() in vocab.TITLE_WORDS or w.lower() in vocab.COMPANY_WORDS for w in place_words):
        return chunk, None
    words = head.split()
    if words and words[-1].lower() in _PLACE_PREFIXES:
        city = f"{words[-1]} {city}"
        words = words[:-1]
    if not words:
        return chunk, None
    return " ".join(words), f"{city}, {match['region']}"


_US_STATES = vocab.STATE_CODES
_REGIONS = vocab.REGIONS


def _is_region(text: str) -> bool:
    """A state, province or country, by name or as a two- or three-letter code."""
    text = text.strip(" .")
    return bool(_REGION_CODE_RE.match(text)) or text.lower() in _REGIONS


_CITY_RE = re.compile(r"^[A-Z][A-Za-zà-ÿ.'’-]*(?:\s+[A-Z][A-Za-zà-ÿ.'’-]*){0,2}$")


def split_place_tail(chunk: str) -> tuple[str, str | None]:
    """"Red Bull North America, Santa Monica, CA" → ("Red Bull North America",
    "Santa Monica, CA"): an employer and its place in one comma list. Only a city followed by
    a state or province code, or by "Remote", counts as a place here."""
    pieces = [p.strip() for p in chunk.split(",")]
    if len(pieces) < 3 or not all(pieces):
        return chunk, None
    region, city = pieces[-1], pieces[-2]
    if region not in _US_STATES or not _CITY_RE.match(city):
        return chunk, None
    head = ", ".join(pieces[:-2])
    if title_score(head) > company_score(head) and len(pieces) == 3:
        return chunk, None  # "Engineer, Austin, TX" is left to the other rules
    return head, f"{city}, {region}"


def _parenthesis(match: re.Match[str]) -> str:
    inner = match.group(1)
    if not (title_score(inner) or company_score(inner)):
        return " "
    before = _SPLIT_RE.split(match.string[:match.start()])[-1].strip(" ,;:-–—|")
    if before and not title_score(before) and not title_score(inner):
        # "Shopee (Sea Group)", "Google (Alphabet Inc.)": the parent of the employer just
        # named, not an employer of its own.
        return " "
    return f" | {inner} | "


def _parts(header: list[str]) -> list[str]:
    """Header lines cut into title/company/location candidates, in reading order."""
    return [part for part, _ in _line_parts(header)]


def _line_parts(header: list[str]) -> list[tuple[str, int]]:
    """Like :func:`_parts`, each part with the index of the header line it came from."""
    out: list[tuple[str, int]] = []
    for number, line in enumerate(header):
        out += [(part, number) for part in _one_line_parts(line)]
    return out


def _one_line_parts(line: str) -> list[str]:
    if _field_value(line.strip()):
        return []  # "INDUSTRY CORE - RETAIL": all of it is the field's value
    parts: list[str] = []
    if True:
        chunks: list[str] = []
        # "Test Lead (HCL Technologies)": a parenthesis holds a part of its own.
        # Anything else in parentheses ("(Bangalore)", "(3 years)") is dropped.
        if "(" in line:
            line = re.sub(r"\s*\(([^()]{2,60})\)?\s*", _parenthesis, line)
        pieces = [piece for chunk in _SPLIT_RE.split(line)
                  for piece in _split_in_as(chunk.strip(" ,;:-–—|()\"“”‘’"))]
        for chunk in pieces:
            chunk = _LEAD_LABEL_RE.sub("", chunk).strip(" ,;:-–—|()\"“”‘’")
            if "[" not in chunk:
                chunk = chunk.rstrip("] ")  # "CATERPILLAR]": the rest of a bracket cut off
            if not chunk:
                continue
            head, place = split_place_tail(chunk)
            if place is not None:
                chunks += [head, place]
                continue
            head, place = (chunk, None) if _is_location(chunk) else split_trailing_place(chunk)
            chunks.append(head)
            if place:
                chunks.append(place)
        for chunk in chunks:
            if _is_location(chunk) and not chunk.split(",")[0].strip().isupper():
                parts.append(chunk)
                continue
            pieces = [p.strip() for p in chunk.split(",")]
            merged: list[str] = []
            for piece in pieces:
                if not piece:
                    continue
                if merged and (_SUFFIX_RE.match(piece) or _REGION_CODE_RE.match(piece)):
                    merged[-1] = f"{merged[-1]}, {piece}"
                else:
                    merged.append(piece)
            parts.extend(merged)
    parts = [p.strip(" \"“”‘’") for p in parts]
    return [p for p in parts if p and not _LABEL_RE.match(p) and not _junk_part(p)]


# "Worked as", "in [24]7 Inc": words that only lead into a title or an employer; and a label
# written without its colon ("Organisation HCL Technologies").
_LEAD_LABEL_RE = re.compile(
    r"^(?:(?:currently\s+)?(?:work(?:ing|ed)|joined|employed|served)\s+(?:as|at|with|in|for)\s+"
    r"|(?:as|in|at|with)\s+(?=\S)|(?:organi[sz]ation|employer)\s+(?=[A-Z0-9]))",
    re.I,
)
_IN_AS_RE = re.compile(
    r"^(?P<a>.*?\S)\s+(?P<word>in|as)\s+(?:(?<=as )an?\s+)?(?P<b>[A-Z0-9\[].*)$")


def _split_in_as(chunk: str) -> list[str]:
    """"Sales Associate in Convergys" → title and employer; "Infosys as Process Associate" →
    employer and title. Only when one side reads as a title and the other does not."""
    slash = re.match(r"^(?P<a>[^/]*\S)\s*/\s*(?P<b>\S[^/]*)$", chunk)
    if slash and (" " in chunk.replace(" / ", "") or " /" in chunk or "/ " in chunk):
        # "Sr Consultant/ Infosys Limited": a title, then an employer with an employer word.
        a, b = slash["a"], slash["b"]
        if title_score(a) > company_score(a) and company_score(b) > title_score(b):
            return [a, b]
    match = _IN_AS_RE.match(chunk)
    if not match:
        return [chunk]
    a, b = match["a"].strip(" \"“”"), match["b"].strip(" \"“”.")
    if match["word"] == "as" and re.search(r"\b(?:work(?:ing|ed)|joined|employed)$", a, re.I):
        return [b]  # "Job Profile: Working as Sales Consultant"
    if all(w.lower().strip(".:-") in vocab.ENTRY_LABELS for w in a.split()):
        return [b]  # "Job Profile in Accenture"
    if match["word"] == "in":
        title, other = a, b
    else:
        title, other = b, a
    if (title_score(title) > company_score(title) and not title_score(other)
            and not _is_location(other) and not _sentence_like(other)
            and not _sentence_like(title) and len(other.split()) <= 6):
        return [a, b]
    return [chunk]


def _unit_split(header: list[str]) -> tuple[int, str, str] | None:
    """(line, title, unit) when one header line reads "Title – Unit" and another line of the
    same header names the employer: "Registered Nurse – Medical/Surgical ICU" above or below
    "Bayview Memorial Hospital". Without a separate employer line the part after the title
    is the employer ("Software Engineer – Google")."""
    parts = [(p, n) for p, n in _line_parts(header) if not _sentence_like(p)]
    for k, (part, line) in enumerate(parts):
        if title_score(part) <= company_score(part) or k + 1 >= len(parts):
            continue
        after, after_line = parts[k + 1]
        if after_line != line or _is_location(after) or title_score(after) > company_score(after):
            continue
        if re.search(rf"{re.escape(part)}\W*(?:@|\s(?:at|in|with|for)\s)\W*{re.escape(after)}",
                     header[line]):
            return None  # "HR Executive in Infosys": the word before names the employer
        others = [p for p, n in parts if n != line and not _is_location(p)
                  and not title_score(p) > company_score(p)]
        if others and not company_score(after) > max(1, *(company_score(o) for o in others)):
            # ("Engineer at Skava an Infosys Company" above "Data Mining": the part with
            # the stronger employer word is the employer, not a unit.)
            return line, part, after
        return None
    return None


_MONTH_WORD_RE = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$", re.I
)


def _junk_part(part: str) -> bool:
    """Labels ("Key Responsibilities"), a month or duration left over from a date, numbers."""
    words = [w.lower().strip(".,:;()") for w in part.split()]
    if (not re.search(r"[A-Za-z]{2}", part) or is_duration(part)
            or _MONTH_WORD_RE.match(part.strip("'’`"))):
        return True
    if re.fullmatch(r"[A-Z]{21,}", part):
        return True  # "ASSISTANTBUSINESSDEVELOPMENTMANAGER": words a reader ran together
    if _field_value(part):
        return True
    return all(w in vocab.ENTRY_LABELS for w in words if w)


# "CLIENT Contoso Systems", "INDUSTRY RETAIL", "Project Title ORBIT": a project's field
# written without its colon.
_FIELD_LEAD_RE = re.compile(
    r"^(?P<label>client|industry|domain|project(?:\s+(?:title|name))?|product|environment|"
    r"platform)\s+(?P<value>\S.*)$", re.I)


_CLIENT_TEAMS = {"services", "service", "relations", "support", "success", "servicing",
                 "engagement", "care", "management", "partnerships"}


def _field_value(part: str) -> bool:
    """A field label and its value: the label in capitals ("PROJECT LEDGER-SYNC"), or one
    that never begins an employer's name or a title ("Client Retail Banking Suite")."""
    match = _FIELD_LEAD_RE.match(part)
    if not match or title_score(part) or match["value"].lower() in _CLIENT_TEAMS:
        return False  # "Project Manager", "Product Owner", "Client Services"
    label = match["label"]
    return (label.isupper() or " " in label
            or label.lower() in {"client", "industry", "environment"})


Roles = tuple[str | None, str | None, str | None]


def _assign_roles(header: list[str], *, title_first: bool) -> Roles:
    """(title, company, location) from the header lines."""
    labelled: dict[str, str] = {}
    free: list[str] = []
    for line in header:
        found = role_label(line)
        if found:
            labelled.setdefault(*found)
        else:
            free.append(line)
    if len(header) >= 2 and re.fullmatch(r"\s*[-–—]\s*", header[-1]):
        return _with_empty_employer(header[:-1], title_first=title_first)
    if not labelled:
        found = _dangling_employer(header, title_first=title_first)
        if found is not None:
            return found
    if labelled:
        title, company, location = _assign_roles(free, title_first=title_first) if free else (
            None, None, None)
        if "company" in labelled and "location" not in labelled:
            labelled["company"], place = _employer_and_city(labelled["company"])
            if place:
                labelled["location"] = place
        return (labelled.get("title", title), labelled.get("company", company),
                labelled.get("location", location))
    split = _unit_split(header)
    if split is not None:
        # "Title – Unit" with the employer on its own line: the unit is neither.
        line, _, unit = split
        kept = [p for p in _one_line_parts(header[line]) if p != unit]
        header = [*header[:line], " | ".join(kept), *header[line + 1:]]
    parts = [p for p in _parts(header) if not _sentence_like(p)]
    title = company = location = None
    if not parts:
        return None, None, None
    scores = [(title_score(p), company_score(p)) for p in parts]
    locations = [i for i, p in enumerate(parts) if _is_location(p)]
    best_title = max(
        (i for i in range(len(parts)) if scores[i][0] > scores[i][1] and i not in locations),
        key=lambda i: (scores[i][0], -i),
        default=None,
    )
    rest = [i for i in range(len(parts)) if i != best_title and i not in locations]
    if best_title is None and len(rest) >= 2:
        strongest = max(rest, key=lambda i: (scores[i][1], -i))
        if scores[strongest][1] == 2 and min(scores[i][1] for i in rest) == 0:
            # "ACME LIFE INSURANCE COMPANY - Claims Desk": the part without employer words.
            best_title = next(i for i in rest if i != strongest)
        else:
            # No title word anywhere: fall back on the order the rest of the resume uses.
            best_title = rest[0] if title_first else rest[1]
        rest = [i for i in rest if i != best_title]
    best_company = max(rest, key=lambda i: (scores[i][1], -i), default=None)
    if best_title is not None:
        title = parts[best_title]
    if best_company is not None:
        company = parts[best_company]
        later = [i for i in rest if i > best_company and i != best_company]
        place = later[0] if later else None
        if (not locations and place is not None and scores[place] == (0, 0)
                and len(parts[place].split()) <= 3):
            location = parts[place]
    if locations:
        location = parts[locations[0]]
        if company is None and "," in location and title is not None and not _is_region(
                location.rpartition(",")[2]):
            # "Oracle, Hyderabad" after a title reads as employer and city.
            first, _, rest_loc = location.partition(",")
            company, location = first.strip(), rest_loc.strip()
    if title is None and company is None and len(parts) == 1 and not locations:
        title = parts[0] if title_first else None
        company = None if title_first else parts[0]
    return title, company, location


_DANGLING_RE = re.compile(r"^(?P<name>\S.*?)\s+[-–](?:\s+(?P<place>\S.*?))?\s+[-–]\s*$|"
                          r"^(?P<only>\S.*?)\s+[-–]\s*$")


def _dangling_employer(header: list[str], *, title_first: bool) -> Roles | None:
    """Some exports write the employer line as "Name - City, State -" or "Name -", its
    trailing dash left by an empty field, under a title line: with exactly one such line in
    the header, its name is the employer whatever its words, and the title is on another
    line."""
    dangling = [n for n, line in enumerate(header) if _DANGLING_RE.match(line.strip())]
    if len(dangling) != 1:
        return None
    line = header[dangling[0]].strip()
    match = _DANGLING_RE.match(line)
    assert match is not None
    name = (match["name"] or match["only"]).strip(" ,;|")
    place = (match["place"] or "").strip(" ,;|") or None
    if (not name or title_score(name) > company_score(name) or role_label(name)
            or _junk_part(name) or _field_value(name) or len(name.split()) > 10
            # Some write their employer in lower case ("tailspin contoso").
            or sum(w[:1].islower() and w not in _CONNECTORS for w in name.split()) >= 3
            or (_is_location(name) and _is_region(name.rpartition(",")[2]))):
        return None
    if place is not None and not (_is_location(place) or (
            _CITY_RE.match(place) and not title_score(place) and not company_score(place))):
        return None  # "Engineer - Payments Team - ": a unit, not a place
    others = [h for n, h in enumerate(header) if n != dangling[0]]
    if any(re.search(r"@|\s(?:at|in|with|for)\s+[\[A-Z0-9]", h) for h in others):
        return None  # "Analyst in Initech" above "Brightpath Careers -": a client's line
    pieces = [p for p in _one_line_parts(name) if not _is_location(p)]
    # "Contoso Mortgage, Loan Servicing Desk": the name, then its unit.
    name = pieces[0] if pieces else name.split(",")[0].strip()
    title, company, location = _assign_roles(others, title_first=title_first)
    if company is not None and any(
            {title, company} <= set(_one_line_parts(h)) for h in others) and not (
            set(_name_key(company)) & set(_name_key(name))):
        # "Lead, Fabrikam Ltd" above "Contoso - Pune -": the title's line names both, the other
        # line is a client's (unless it names the same employer in full).
        return None
    if title is None and len(others) == 1:
        # The line above the employer's is the title's, even without a title word
        # ("Desk Support Executive", "coaching") or in lower case ("soft skills trainer").
        pieces = [p for p in _one_line_parts(others[0]) if not _is_location(p)]
        if company is not None:
            title = company
        elif len(pieces) == 1 and len(pieces[0].split()) <= 6 and title_score(pieces[0]):
            title = pieces[0]
    return title, name, place or location


def _with_empty_employer(header: list[str], *, title_first: bool) -> Roles:
    """A bare dash under the title line, where other entries print "Employer - City": the
    employer was left out. What the title line holds is the title ("Solution Architect
    (Band D3)", "Pricing desk"), unless it names the employer itself ("Billing Officer in
    Tailspin") or has an employer word."""
    title, company, location = _assign_roles(header, title_first=title_first)
    above = header[-1]
    if (company is None or company_score(above) or role_label(above)
            or re.search(r"@|\s(?:at|in|with|for)\s", above)):
        return title, company, location
    if company in _one_line_parts(above):
        title, company = title or company, None
        if title is not None:
            title, company = _title_then_name(title)
    return title, company, location


def _title_then_name(text: str) -> tuple[str, str | None]:
    """"Claims Executive Contoso" → ("Claims Executive", "Contoso"): a title ending in its
    head word, then one to three capitalised words that are no title's ("Engineer II" and
    "Analyst L2" keep their level)."""
    words = text.split()
    heads = [i for i, w in enumerate(words) if w.lower().strip(".,") in vocab.TITLE_WORDS
             and (w.lower().strip(".,") not in _MODIFIER_ONLY
                  or w.lower().strip(".,") in _HEAD_AT_END)]
    if not heads or not 1 <= len(words) - heads[-1] - 1 <= 3:
        return text, None
    name = words[heads[-1] + 1:]
    if not all(re.fullmatch(r"[A-Z][a-z]+|[A-Z]{3,}", w) and not _ROMAN_RE.match(w)
               and w.lower() not in vocab.TITLE_WORDS for w in name):
        return text, None
    title = " ".join(words[: heads[-1] + 1])
    return (title, " ".join(name)) if title_score(title) else (text, None)


def _employer_and_city(value: str) -> tuple[str, str | None]:
    """"Oracle India Private Limited, Bangalore" → the employer and its city."""
    head, _, tail = value.rpartition(",")
    tail = tail.strip()
    if (head and company_score(head) and _CITY_RE.match(tail) and len(tail.split()) <= 2
            and not company_score(tail) and not title_score(tail)):
        return head.strip(), tail
    return value, None


_CONNECTORS = {"of", "and", "&", "the", "de", "for", "in", "at", "on", "da", "di", "von", "van",
               "y"}


def _sentence_like(text: str) -> bool:
    """"6 years of IT experience", "I completed PLC course": words, not a name or a title."""
    words = text.split()
    lower = [w for w in words if w[:1].islower() and w.lower() not in _CONNECTORS]
    if title_score(text):
        return len(lower) >= 3
    return len(lower) >= 2 or (len(words) > 6)


def _title_first_votes(drafts: list[_Draft]) -> bool:
    """Whether this resume writes the title before the employer (the usual default)."""
    before = after = 0
    for draft in drafts:
        parts = _parts(draft.header)
        t = next((i for i, p in enumerate(parts) if title_score(p) > company_score(p)), None)
        c = next((i for i, p in enumerate(parts) if company_score(p) > title_score(p)), None)
        if t is not None and c is not None:
            before += t < c
            after += c < t
    return before >= after


def _segments(items: list[Item]) -> list[tuple[list[Item], list[Item]]]:
    """Alternating (cluster of header-like items, body items) pairs."""
    out: list[tuple[list[Item], list[Item]]] = []
    cluster: list[Item] = []
    body: list[Item] = []
    for item in items:
        if item.kind in (BULLET, TEXT):
            body.append(item)
        else:
            if body:
                out.append((cluster, body))
                cluster, body = [], []
            cluster.append(item)
    if cluster or body:
        out.append((cluster, body))
    return out


def _header_texts(items: list[Item]) -> list[str]:
    texts = []
    for item in items:
        if item.kind == DATE:
            if item.residue:
                texts.append(item.residue)
        elif item.kind == SHORT:
            texts.append(item.text)
    return texts


def _is_roleish(item: Item) -> bool:
    text = item.residue if item.kind == DATE else item.text
    found = role_label(text) if text else None
    if found:
        return found[0] in ("title", "company")
    return bool(text) and (title_score(text) > 0 or company_score(text) > 0)


def _drafts(items: list[Item]) -> list[_Draft]:
    segments = _segments(items)
    dated = [i for i, (cluster, _) in enumerate(segments) if any(x.kind == DATE for x in cluster)]
    drafts: list[_Draft] = []
    if not dated:
        for cluster, body in segments:
            shorts = [x for x in cluster if x.kind == SHORT]
            head = _leading_header(shorts)
            if head:
                draft = _Draft(header=_header_texts(head))
                drafts.append(draft)
                shorts = shorts[len(head):]
                # Undated roles one after another ("Engineer / Aricent / Infosys / Lead"):
                # a further header naming both a title and an employer starts a new role.
                while shorts and (more := _next_header(shorts)) and all(
                        _assign_roles(_header_texts(more), title_first=True)[:2]):
                    draft = _Draft(header=_header_texts(more))
                    drafts.append(draft)
                    shorts = shorts[len(more):]
                draft.body.extend(shorts + body)
            elif drafts:
                drafts[-1].body.extend(shorts + body)
        return _tidy([d for d in drafts if d.has_role()])

    first_cluster = segments[0][0]
    dates_after_body = (
        len(segments) > 1
        and not any(x.kind == DATE for x in first_cluster)
        and any(x.kind == SHORT for x in first_cluster)
        and any(x.kind == DATE for x in segments[1][0])
        and _leading_tail(segments[1][0]) is not None
    )
    if dates_after_body:
        return _drafts_dates_after_body(segments)

    first = segments[dated[0]][0]
    first_date = next(i for i, x in enumerate(first) if x.kind == DATE)
    date_first = first_date == 0 and len(first) > 1 and not first[0].residue

    for cluster, body in segments:
        groups = _split_cluster(cluster, date_first)
        if not groups:
            if drafts:
                drafts[-1].body.extend(body)
            continue
        for group in groups:
            drafts.append(group)
        drafts[-1].body.extend(body)
    return _tidy(drafts)


def _leading_header(shorts: list[Item]) -> list[Item]:
    """Without a date to anchor on, the header is the first lines that name a role or employer
    (a line after a title line counts: the employer is often a bare name)."""
    head: list[Item] = []
    for x in shorts[:_MAX_HEADER_LINES]:
        if (_LABEL_RE.match(x.text) and not role_label(x.text)) or x.text.endswith(":"):
            break
        if _is_roleish(x) or (head and len(head) == 1 and title_score(head[0].text)):
            head.append(x)
            title, company, _ = _assign_roles(_header_texts(head), title_first=True)
            if title and company:
                break
        else:
            break
    return head


def _next_header(shorts: list[Item]) -> list[Item]:
    """The header of a further undated role: as :func:`_leading_header`, or a bare employer
    name above a title line ("Infosys" / "Technical Lead")."""
    head = _leading_header(shorts)
    if head or len(shorts) < 2:
        return head
    name, title = shorts[0].text, shorts[1].text
    if (title_score(title) and not title_score(name) and not _sentence_like(name)
            and not _LABEL_RE.match(name) and not name.endswith(":")):
        return shorts[:2]
    return []


def _split_cluster(cluster: list[Item], date_first: bool) -> list[_Draft]:
    """One draft per date line in the cluster (or one undated draft if it names a role)."""
    dates = [i for i, x in enumerate(cluster) if x.kind == DATE]
    if not dates:
        shorts = [x for x in cluster if x.kind == SHORT]
        if any(_is_roleish(x) for x in shorts):
            return [_Draft(header=_header_texts(shorts[-_MAX_HEADER_LINES:]))]
        return []
    drafts: list[_Draft] = []
    if date_first:
        lead = cluster[: dates[0]]
        for n, d in enumerate(dates):
            stop = dates[n + 1] if n + 1 < len(dates) else len(cluster)
            members = cluster[d:stop]
            header = (lead if n == 0 else []) + members
            drafts.append(_Draft(header=_header_texts(header), ranges=list(cluster[d].ranges)))
        return drafts
    begin = 0
    for d in dates:
        before = [x for x in cluster[begin:d] if x.kind == SHORT]
        # Keep the lines nearest the date; labels such as "Project Details:" stop the header.
        header: list[Item] = []
        for x in reversed(before):
            if len(header) >= _MAX_HEADER_LINES or x.text.endswith(":"):
                break
            header.insert(0, x)
        earlier = _undated_role_above(before, header, cluster[d])
        if earlier is not None:
            drafts.append(earlier)
            header = header[-2:]
        draft = _Draft(header=_header_texts([*header, cluster[d]]), ranges=list(cluster[d].ranges))
        begin = d + 1
        drafts.append(draft)
    # Lines after the last date: a title under a "Company – City / date" line (some layouts)
    # or the first lines of the body ("Client: Acme").
    tail = [x for x in cluster[begin:] if x.kind == SHORT]
    last = drafts[-1]
    title, company, _ = _assign_roles(last.header, title_first=True)
    for n, x in enumerate(tail):
        unit_above = (n == 0 and title is not None and company is not None
                      and _one_line_title_then(last.header, title, company)
                      and company_score(_employer_line(x.text) or "") >= max(
                          1, company_score(company)))
        if unit_above or (
            (title is None or company is None) and _is_roleish_for(x.text, title, company)
        ):
            # "Registered Nurse – Cardiovascular ICU / dates" above "Riverside General
            # Hospital | Portland, OR": the employer's own line makes the part after the
            # title a unit.
            last.header.append(x.text)
            title, company, _ = _assign_roles(last.header, title_first=True)
        else:
            last.body.append(x)
    return drafts


def _full_role(lines: list[str]) -> bool:
    title, company, _ = _assign_roles(lines, title_first=True)
    return title is not None and company is not None


def _undated_role_above(before: list[Item], header: list[Item], date: Item) -> _Draft | None:
    """"Technical Architect" / "Accenture - Pune" above "Engineer 2" / "Microsoft - Redmond -"
    / dates: two lines naming a title and an employer, then two more and the date. The upper
    pair is a role of its own whose dates were left out, not part of the lower role's header."""
    if len(header) < _MAX_HEADER_LINES or len(before) < 4:
        return None
    lower = [x.text for x in before[-2:]]
    upper = [x.text for x in before[-4:-2]]
    if (date.residue or any(_LABEL_RE.match(t) or t.endswith(":") or _sentence_like(t)
                            for t in upper + lower)):
        return None
    if not (_full_role(lower) and _full_role(upper)):
        return None
    # Each pair: one line with a title word, one without (the employer's).
    if not all(sum(title_score(t) > company_score(t) for t in pair) == 1
               for pair in (upper, lower)):
        return None
    return _Draft(header=upper)


def _is_roleish_for(text: str, title: str | None, company: str | None) -> bool:
    if (_LABEL_RE.match(text) and not role_label(text)) or text.endswith(":"):
        return False
    if title is None and title_score(text) > 0:
        return True
    return company is None and (company_score(text) > 0 or _employer_line(text) is not None)


def _employer_line(text: str) -> str | None:
    """The employer of a line that names one, with its place, and nothing else ("Blue Heron
    Bagels | Eugene, OR", "Riverside General Hospital"): no title word, no label, no
    sentence."""
    if (_LABEL_RE.match(text) and not role_label(text)) or text.endswith(":"):
        return None
    parts = _one_line_parts(text)
    names = [p for p in parts if not _is_location(p)]
    if len(names) != 1 or title_score(names[0]) or _sentence_like(names[0]):
        return None
    return names[0] if company_score(names[0]) > 0 or len(parts) > len(names) else None


def _leading_tail(cluster: list[Item]) -> int | None:
    """Index just past a leading [place], date, [duration] run, if the cluster starts so."""
    i = 0
    while i < len(cluster) and cluster[i].kind == SHORT and _is_location(cluster[i].text):
        i += 1
    if i < len(cluster) and cluster[i].kind == DATE:
        i += 1
        while i < len(cluster) and cluster[i].kind == DURATION:
            i += 1
        return i
    return None


def _drafts_dates_after_body(segments: list[tuple[list[Item], list[Item]]]) -> list[_Draft]:
    """Layouts that print place and dates in a right-hand column read after the bullets."""
    drafts: list[_Draft] = []
    for n, (cluster, body) in enumerate(segments):
        start = 0
        if n > 0 and drafts:
            cut = _leading_tail(cluster)
            if cut is not None:
                for x in cluster[:cut]:
                    if x.kind == DATE:
                        drafts[-1].ranges.extend(x.ranges)
                        if x.residue:
                            drafts[-1].header.append(x.residue)
                    elif x.kind == SHORT:
                        drafts[-1].header.append(x.text)
                start = cut
        rest = [x for x in cluster[start:] if x.kind in (SHORT, DATE)]
        if rest:
            draft = _Draft(header=_header_texts(rest[-_MAX_HEADER_LINES:]))
            for x in rest:
                if x.kind == DATE:
                    draft.ranges.extend(x.ranges)
            draft.body.extend(body)
            drafts.append(draft)
        elif drafts:
            drafts[-1].body.extend(body)
    return _tidy(drafts)


def _tidy(drafts: list[_Draft]) -> list[_Draft]:
    """Fold header-less date groups, and a date line that repeats the one before it, into the
    entry before them; drop exact repeats (some exports print an entry twice)."""
    out: list[_Draft] = []
    seen: dict[tuple[object, ...], _Draft] = {}
    for draft in drafts:
        previous = out[-1] if out else None
        repeated = (
            previous is not None
            and draft.ranges
            and previous.ranges
            and _range_key(draft.ranges[0]) == _range_key(previous.ranges[0])
            and (not any(title_score(h) for h in draft.header) or _same_title_again(
                draft, previous))
        )
        if previous is not None and (not draft.has_role() or repeated):
            previous.body.extend(draft.body)
            if not previous.ranges:
                previous.ranges = draft.ranges
            continue
        key = (*_assign_roles(draft.header, title_first=True), *map(_range_key, draft.ranges[:1]))
        if key in seen and draft.ranges:
            seen[key].body.extend(draft.body)  # the entry printed twice: one entry, all bullets
            continue
        seen[key] = draft
        out.append(draft)
    return out


def _same_title_again(draft: _Draft, previous: _Draft) -> bool:
    """The dates and title of the entry before repeated without an employer: the entry's
    own first lines, not a new role."""
    title, company, _ = _assign_roles(draft.header, title_first=True)
    return company is None and title is not None and title == _assign_roles(
        previous.header, title_first=True)[0]


def _range_key(rng: DateRange) -> tuple[object, ...]:
    return (rng.start, rng.end, rng.current)


def _use_sides(draft: _Draft) -> None:
    """Dates and places printed in a right-hand column beside the bullets."""
    from mock_interview.domain.resume.dates import find_ranges

    for item in draft.body:
        for side in item.sides:
            ranges = find_ranges(side)
            if ranges and not draft.ranges:
                draft.ranges = ranges
            elif not ranges and _is_location(side):
                draft.header.append(side)


def _title_with_its_field(header: list[str], title: str, company: str | None) -> str:
    """"Clinical Nurse Specialist in Oncology" above "Mercy Hospital": the part after "in"
    was not the employer, so it stays part of the title."""
    for line in header:
        match = re.search(rf"{re.escape(title)}\W*\s+in\s+(?P<rest>[^,|–—]+?)\W*$", line)
        if match and company and match["rest"].strip() != company.strip() and (
                company not in match["rest"]):
            return f"{title} in {match['rest'].strip()}"
    return title


def _title_without_employer(title: str, company: str) -> str | None:
    """"Infosys Limited Senior Systems Engineer" at Infosys Limited → "Senior Systems
    Engineer"; "HR Executive- SOLITAIRE INFOSYS" at Solitaire Infosys Pvt. Ltd → "HR
    Executive". A title that is only the employer's name is no title; a one-word name before
    the title stays ("Microsoft Student Partner" is a programme's title)."""
    full = [w.strip(",") for w in company.split()]
    words = list(full)
    while len(words) > 1 and _SUFFIX_RE.match(words[-1]):
        words = words[:-1]
    if not words:
        return title
    names = {" ".join(full), " ".join(words)}
    for name in sorted(names, key=len, reverse=True):
        pattern = re.escape(name).replace(r"\ ", r"\s+")
        if re.fullmatch(rf"\W*{pattern}\W*", title, re.I):
            return None
        sep = r"\s*(?:[,;:|/–—]|-(?=\s)|\s-)\s*"
        lead = rf"^\W*{pattern}(?:{sep}|\s+(?:as\s+(?:an?\s+)?)?)" if len(name.split()) >= 2 else (
            rf"^\W*{pattern}{sep}")
        for cut in (lead, rf"\s*(?:[,;:|/–—]|-)\s*{pattern}\W*$"):
            stripped = re.sub(cut, "", title, flags=re.I).strip()
            if stripped != title and stripped and title_score(stripped):
                return stripped
    return title


def _join_name_tails(header: list[str]) -> list[str]:
    """Lines a narrow column wrapped, joined back: a line of nothing but employer words
    ("Partners", "Center", "Partners, Boston, MA") under an employer's name, or under a line
    that already names a title and an employer ("Senior Financial Analyst, Harborview
    Capital" / "Partners"); a title's head word under its qualifiers ("Senior Software" /
    "Engineer")."""
    out: list[str] = []
    for line in header:
        previous = out[-1] if out else ""
        if previous and not re.search(r"[,|–—-]\s*$", previous):
            joined = _wrapped_tail(previous, line)
            if joined is not None:
                out[-1] = joined
                continue
        out.append(line)
    return out


def _wrapped_tail(previous: str, line: str) -> str | None:
    """``previous`` and ``line`` as one line, if ``line`` is the wrapped end of it."""
    head, comma, rest = line.partition(",")
    words = [w.lower().strip(".,") for w in head.split()]
    if not (1 <= len(words) <= 2 and line[:1].isupper()) or re.search(r"[|–—@]|\s-\s", head):
        return None
    if all(w in vocab.COMPANY_WORDS for w in words):
        parts = [p for p in _one_line_parts(previous) if not _is_location(p)]
        if len(parts) >= 2 and title_score(parts[0]) > company_score(parts[0]) and not comma:
            return f"{previous} {line.strip()}"
        if (len(parts) == 1 and not title_score(parts[0]) and not _sentence_like(parts[0])
                and (not comma or _is_location(rest.strip()))):
            return f"{previous} {line.strip()}"  # "Harborview Capital" / "Partners, Boston, MA"
        return None
    qualifiers = [w.lower().strip(".,") for w in previous.split()]
    if (not comma and len(qualifiers) <= 3 and title_score(line) == 2
            and all(w in vocab.TITLE_WORDS for w in words) and title_score(previous) < 2
            and any(w in _MODIFIER_ONLY or w in vocab.TITLE_WORDS for w in qualifiers)
            and not re.search(r"[,|–—@/]", previous)):
        return f"{previous} {line.strip()}"  # "Senior Software" / "Engineer"
    return None


def _fold_undated(drafts: list[_Draft]) -> list[_Draft]:
    """In a resume that dates its roles, a header without dates is body text of the role
    before it (a project, a client, a team), not a role of its own."""
    if not any(d.ranges for d in drafts):
        return drafts
    out: list[_Draft] = []
    for draft in drafts:
        if not draft.ranges and out:
            out[-1].body.extend(Item(SHORT, [h]) for h in draft.header)
            out[-1].body.extend(draft.body)
            continue
        out.append(draft)
    return out


def parse_experience(
    lines: list[str], width: int
) -> tuple[list[ExperienceEntry], list[DateRange | None]]:
    """Entries in resume order, with the date range each was built from (None if undated)."""
    items = build_items(lines, width)
    drafts = _fold_undated(_drafts(items))
    title_first = _title_first_votes(drafts)
    entries: list[ExperienceEntry] = []
    ranges: list[DateRange | None] = []
    previous_company: str | None = None
    previous_location: str | None = None
    under_heading = False  # the previous employer was named on a line of its own
    for draft in drafts:
        draft.header = _join_name_tails(draft.header)
        _use_sides(draft)
        title, company, location = _assign_roles(draft.header, title_first=title_first)
        split = _unit_split(draft.header)
        unit = split[2] if split else None
        first = draft.ranges[0] if draft.ranges else None
        rng = next((r for r in draft.ranges if r.is_range), first)
        inherited = False
        if company is None and title is not None and previous_company and draft.ranges:
            # A second role under the same employer heading.
            company, inherited = previous_company, True
        elif (under_heading and previous_company and title and company and draft.ranges
              and _title_then(draft.header, title, company)):
            # "Registered Nurse – Telemetry Unit" under the employer of the role before: a
            # promotion or a move within it, the part after the title is the unit.
            unit, company, inherited = company, previous_company, True
        if inherited and location is None:
            location = previous_location
        if title and company:
            title = _title_without_employer(title, company)
        if title:
            title = _title_with_its_field(draft.header, title, company)
        entry = ExperienceEntry(
            title=title,
            company=company,
            unit=unit,
            location=location,
            start=rng.start.iso() if rng and rng.start else None,
            end=rng.end.iso() if rng and rng.end and not rng.current else None,
            current=bool(rng and rng.current),
            bullets=[x.text for x in draft.body if x.kind in (BULLET, TEXT, SHORT) and x.text],
        )
        if _PART_TIME_NOTE_RE.search(" ".join(draft.header)):
            # "Visiting Nurse (PRN, part-time)": the note is dropped from the title, kept here.
            entry.employment = "part-time"
        entries.append(entry)
        ranges.append(rng)
        if not inherited:
            under_heading = bool(company) and _on_own_line(draft.header, company, title)
        previous_company = company or previous_company
        previous_location = location if company else previous_location
    _places_as_employers(entries)
    _one_name_per_employer(entries)
    return entries, ranges


# Words that may follow an employer's name without naming another employer: legal forms,
# kinds of business ("Technologies"), a country ("Northwind India").
_NAME_TAIL_RE = re.compile(r"^(?:company|pvt|private|ltd|limited|inc|llc|llp|corp|co|plc)$")


def _name_key(name: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9&]+", name.casefold()) if w]


def _same_employer_longer(short: list[str], long: list[str]) -> bool:
    """``long`` is ``short`` followed only by legal-form, business-kind or country words."""
    if len(long) <= len(short) or long[: len(short)] != short:
        return False
    return all(_NAME_TAIL_RE.match(w) or w in vocab.COMPANY_WORDS or w in vocab.REGIONS
               for w in long[len(short):])


def _one_name_per_employer(entries: list[ExperienceEntry]) -> None:
    """"Fabrikam" and "Fabrikam Technologies Ltd" in one resume are one employer: each
    entry gets the fullest form. A name followed by other words ("Contoso BPO", "Contoso
    Cloud Search") stays a name of its own."""
    names = {e.company for e in entries if e.company}
    keys = {name: _name_key(name) for name in names}
    for entry in entries:
        if not entry.company:
            continue
        short = keys[entry.company]
        longer = [n for n in names if short and _same_employer_longer(short, keys[n])]
        if not longer:
            continue
        fullest = max(longer, key=lambda n: len(keys[n]))
        # Only one way to extend the name: "Northwind" beside "Northwind India" and
        # "Northwind Financial Services" could be either.
        if all(keys[n] == keys[fullest][: len(keys[n])] for n in longer):
            entry.company = fullest


def _places_as_employers(entries: list[ExperienceEntry]) -> None:
    """An "employer" that is a city this resume names elsewhere ("NAGPUR" beside "Nagpur,
    Maharashtra") is that role's place."""
    cities = {e.location.split(",")[0].strip().casefold() for e in entries
              if e.location and "," in e.location}
    for entry in entries:
        if entry.company and entry.company.strip(" .-").casefold() in cities:
            entry.location = entry.location or entry.company
            entry.company = None


_PART_TIME_NOTE_RE = re.compile(r"part[- ]?time|\bprn\b|per[- ]diem|\bseasonal\b|\bcasual\b", re.I)


def _title_then(header: list[str], title: str, company: str) -> bool:
    """The header is one line: the title, then the part read as the company (with no
    employer word of its own, and no place of its own: "Warehouse Associate | FastLane
    Distribution, Marietta, GA" names an employer)."""
    return (_one_line_title_then(header, title, company) and company_score(company) < 2
            and not any(_is_location(p) for p, _ in _line_parts(header)))


def _one_line_title_then(header: list[str], title: str, company: str) -> bool:
    """The header is one line: the title, then the part read as the company."""
    parts = _line_parts(header)
    lines = {n for _, n in parts}
    names = [p for p, _ in parts if not _is_location(p)]
    return len(lines) == 1 and names[:2] == [title, company]


def _on_own_line(header: list[str], company: str, title: str | None) -> bool:
    """The employer has a header line without the title on it."""
    parts = _line_parts(header)
    company_lines = {n for p, n in parts if p == company}
    title_lines = {n for p, n in parts if p == title}
    return bool(company_lines) and not company_lines & title_lines
