"""Turning resume fragments into words an interviewer would say. Pure functions, no I/O.

Resume text is never pasted into a question. Each function here takes one fragment (a bullet,
a job title, a project line, a certification) and returns a phrase that fits a sentence, or
None when it cannot, in which case the template that needs it is skipped:

    bullet_clause("Reduced central line infections by 38% by leading a bundle audit, 2022.")
        -> "you reduced central line infections by 38% by leading a bundle audit"
    role_phrase("Registered Nurse", "Medical/Surgical ICU")
        -> "registered nurse in the Medical/Surgical ICU"
    activity_phrase("Case competition finalist, UT Marketing Case Challenge 2024.")
        -> "the UT Marketing Case Challenge"

Dates, date ranges, trailing punctuation, bullets and parenthesised asides are removed; words
of job titles that are ordinary words are lower-cased ("Senior Accountant" -> "senior
accountant") while names and acronyms keep their case ("Salesforce administrator", "QA lead").
"""

from __future__ import annotations

import re

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_WHEN = rf"(?:(?:{_MONTH}|spring|summer|fall|autumn|winter)\s+)?(?:{_YEAR}|'\d\d)"
_END = rf"(?:{_WHEN}|present|current|now|today|date|\d\d)"
_RANGE_RE = re.compile(rf"\(?\s*(?:from\s+|since\s+)?{_WHEN}\s*(?:[-–—]+|to|until|till|through)\s*"
                       rf"{_END}\s*\)?", re.I)
_DATE_RE = re.compile(rf"(?<![\w$£€.,])\(?\s*(?:in\s+|since\s+)?{_WHEN}\s*\)?(?![\w%])", re.I)
_BULLET_RE = re.compile(r"^[\s•·▪◦●○■□‣⁃*\-–—>]+")
_PAREN_RE = re.compile(r"\s*\([^()]*\)")
_SPACES_RE = re.compile(r"\s+")
_TRAIL_RE = re.compile(r"[\s,;:.!?\-–—|/&]+$")
_LEAD_RE = re.compile(r"^[\s,;:.!?\-–—|/]+")
_PERCENTISH_RE = re.compile(
    r"(?:[$£€¥]\s?\d[\d,.]*\s?(?:k|m|bn|b|million|billion|thousand)?\b|\d[\d,.]*\s?(?:%|x\b|×))", re.I)
_PROPER_LEAD = frozenset({"i"})

# Words of job titles that are ordinary English: lower-cased inside a sentence.
TITLE_WORDS = frozenset("""
accountant accounts account administrator administrative advisor adviser agent aide analyst and
apprentice architect assistant associate attorney auditor barista bookkeeper business buyer
care carer cashier chief clerk clinical coach consultant content controller coordinator co-ordinator
counsellor counselor customer data deputy design designer developer development digital director
editor educator engineer engineering executive experience finance financial head health
healthcare human instructor intern junior lead leader learning lecturer manager managing marketing
mechanic medical member nurse generalist sourcer therapist midwife paramedic dietitian
receptionist bartender waiter waitress chef cook driver electrician merchandiser hygienist caregiver
steward sdr bdr sergeant corporal lieutenant captain private nursing of officer operations
operator owner paralegal partner payable
people performance pharmacist physician planner practitioner president principal product
professor program programme project quality receivable recruiter recruitment registered relations
representative research researcher resources retail sales scientist senior service services site
social software solutions specialist staff strategist student success supervisor supply chain support
surgical systems talent teacher teaching technical technician tester trainee trainer tutor
volunteer warehouse web worker writer the a an for in to at with on general charge ward night
day shift team unit assurance automation test testing security network infrastructure platform
cloud mobile frontend backend front-end back-end full-stack fullstack full stack reliability site
machine vision learning growth brand community communications creative copywriter social media
office store shop floor area regional district national global country field inside outside
key enterprise mid-market commercial strategic operating officer vice graduate trainee
""".split())
_UNIT_NOUNS = frozenset("""
icu nicu picu pacu ccu hdu ed er or unit ward department dept team division group office clinic
centre center lab laboratory desk squad practice branch floor theatre theatres service
""".split())
_ARTICLE_AN_LETTERS = frozenset("aefhilmnorsx")
_AN_EXCEPTIONS = ("uni", "use", "usu", "uti", "eu", "one", "once")
_HOUR_WORDS = ("hour", "honest", "honour", "honor", "heir")

# Past-tense verbs that do not end in -ed, and base forms that are not made by adding -ed.
_IRREGULAR_PAST = frozenset("""
led built ran won grew cut drove made wrote taught sold brought set took oversaw began kept met hit
gave rebuilt overcame undertook spoke held found chose bought paid sent spent stood told thought
understood upheld withdrew wound won shut split spread saw became brought fed fought forecast
""".split())
_BASE_TO_PAST = {
    "lead": "led", "build": "built", "run": "ran", "win": "won", "grow": "grew", "cut": "cut",
    "drive": "drove", "make": "made", "write": "wrote", "teach": "taught", "sell": "sold",
    "bring": "brought", "set": "set", "take": "took", "oversee": "oversaw", "begin": "began",
    "keep": "kept", "meet": "met", "hit": "hit", "give": "gave", "rebuild": "rebuilt",
    "hold": "held", "find": "found", "choose": "chose", "buy": "bought", "spend": "spent",
    "speak": "spoke", "forecast": "forecast",
}
_NOT_VERBS = frozenset("""
need seed speed feed deed bed red shed bred breed greed reed embed weed bleed steed tweed
""".split())
_ACTIVITY_WORDS = re.compile(
    r"\b(?:competition|challenge|hackathon|olympiad|case|cup|league|tournament|contest|award|prize|"
    r"scholarship|finalist|winner|semi-finalist|runner-up|champion|debate|society|club|captain)\b",
    re.I)
_EVENT_WORDS = re.compile(r"\b(?:competition|challenge|hackathon|olympiad|cup|league|tournament|"
                          r"contest|games|summit|championship)\b", re.I)
_CERT_TAIL = re.compile(r"\b(?:certification|certificate|licen[cs]e|qualification|diploma|"
                        r"course|credential|accreditation)$", re.I)
_QUALIFICATIONS = frozenset({"ACCA", "CIMA", "ACA", "CA", "AAT", "CIPD", "CIPS", "CFA", "CPA", "CMA",
                             "NMC", "RN", "BSN"})
_GENERIC_LEAD = frozenset({"university", "college", "school", "case", "student", "debating", "chess",
                           "football", "rowing", "drama", "music", "business", "marketing", "coding"})
_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                 "ten", "eleven", "twelve")


def tidy(text: str | None) -> str:
    """One line: bullets, dates, date ranges and trailing punctuation gone, spaces single."""
    if not text:
        return ""
    out = _BULLET_RE.sub("", str(text)).replace("\u00a0", " ")
    out = _RANGE_RE.sub(" ", out)
    out = _DATE_RE.sub(" ", out)
    out = out.replace("()", " ")
    out = _SPACES_RE.sub(" ", out)
    out = re.sub(r"\s+([,;:.!?])", r"\1", out)
    out = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", out)
    out = re.sub(r",\s*(?:and|or)?\s*$", "", out)
    out = _TRAIL_RE.sub("", out)
    out = _LEAD_RE.sub("", out)
    out = re.sub(r"\b(?:in|on|at|by|from|since|during|and|of|for)$", "", out.strip()).strip()
    return _TRAIL_RE.sub("", out).strip()


def _is_acronym(word: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", word)
    return len(letters) >= 2 and letters.isupper()


def article(phrase: str) -> str:
    """"a" or "an" for the phrase that follows."""
    first = phrase.strip().split(" ", 1)[0] if phrase.strip() else ""
    if not first:
        return "a"
    if _is_acronym(first) and len(first) <= 5:
        return "an" if first[0].lower() in _ARTICLE_AN_LETTERS else "a"
    low = first.lower()
    if low.startswith(_HOUR_WORDS):
        return "an"
    if low.startswith(_AN_EXCEPTIONS):
        return "a"
    return "an" if low[0] in "aeiou" else "a"


def with_article(phrase: str) -> str:
    return f"{article(phrase)} {phrase}" if phrase else phrase


def lower_title(title: str) -> str:
    """"Senior Accountant" -> "senior accountant"; "QA Lead" -> "QA lead"; names kept."""
    words = []
    for word in title.split(" "):
        bare = word.strip("(),").lower()
        if word.isupper() and bare in TITLE_WORDS:  # "BOOKKEEPER", "MANAGER"
            words.append(word.lower())
            continue
        parts = re.split(r"([/-])", word)
        titled = all(p in "/-" or p.lower() in TITLE_WORDS or not p for p in parts)
        if (titled or bare in TITLE_WORDS) and not _is_acronym(word):
            words.append(word.lower())
        else:
            words.append(word)
    return " ".join(words)


def _split_title(title: str) -> tuple[str, str | None]:
    """"Registered Nurse – Medical/Surgical ICU" -> ("Registered Nurse", "Medical/Surgical ICU")."""
    parts = re.split(r"\s+[–—|-]\s+|\s*[|–—]\s*", title, maxsplit=1)
    if len(parts) == 2 and parts[0].strip() and parts[1].strip():
        return parts[0].strip(), parts[1].strip()
    return title, None


def title_phrase(title: str | None) -> str | None:
    """A job title as it reads in a sentence: no unit, no parentheses, no dates, lower-cased."""
    text = tidy(title)
    if not text:
        return None
    text, _ = _split_title(text)
    text = _PAREN_RE.sub("", text)
    text = text.split(",")[0]
    text = tidy(text)
    if not text or len(text.split()) > 7 or not re.search(r"[A-Za-z]", text):
        return None
    return lower_title(text)


def unit_phrase(unit: str | None) -> str | None:
    """"Medical/Surgical ICU" -> "the Medical/Surgical ICU"; "General Medicine" -> "General Medicine"."""
    text = tidy(unit)
    if not text or len(text.split()) > 6:
        return None
    text = _PAREN_RE.sub("", text).strip()
    last = re.split(r"[\s/]", text)[-1].lower()
    if text.lower().startswith("the "):
        return text
    if last in _UNIT_NOUNS:
        return f"the {text}"
    return text


def role_phrase(title: str | None, unit: str | None = None) -> str | None:
    """"Registered Nurse" + "Medical/Surgical ICU" -> "registered nurse in the Medical/Surgical ICU".
    A title carrying its unit ("Registered Nurse – Medical/Surgical ICU") is split first."""
    raw = tidy(title)
    if not raw:
        return None
    head, tail = _split_title(raw)
    base = title_phrase(head)
    if base is None:
        return None
    where = unit_phrase(unit or tail)
    return f"{base} in {where}" if where else base


def company_phrase(company: str | None) -> str | None:
    text = tidy(company)
    if not text:
        return None
    text = _PAREN_RE.sub("", text)
    text = text.split(" | ")[0].strip()
    if "," in text and len(text.split(",")[-1].split()) <= 3:  # "St Aldric Hospital, Leeds"
        text = text.rsplit(",", 1)[0]
    text = tidy(text)
    if not text or len(text.split()) > 8:
        return None
    if re.match(r"(?:British|Royal|National|United States)\s", text) or re.search(
            r"\s(?:Army|Navy|Air Force|Forces|Corps|Council|Police|Service)$", text):
        return f"the {text}"  # "the British Army"
    return text


def institution_phrase(name: str | None) -> str | None:
    """"University of Leeds" -> "the University of Leeds"; "Leeds Beckett University" as is."""
    text = company_phrase(name)
    if not text:
        return None
    if re.match(r"(?:university|college|institute|school|academy|polytechnic)\s+of\b", text, re.I):
        return f"the {text}"
    return text


def _first_verb(word: str) -> str | None:
    """The past tense of a leading verb, or None when the word is no verb we recognise."""
    low = word.lower()
    if not low.isalpha():
        return None
    if low in _IRREGULAR_PAST:
        return low
    if low.endswith("ed") and len(low) > 4 and low not in _NOT_VERBS:
        return low
    if low in _BASE_TO_PAST:
        return _BASE_TO_PAST[low]
    return None


def _lower_first(clause: str) -> str:
    first, _, rest = clause.partition(" ")
    if first[:1].isupper() and not _is_acronym(first) and first.lower() not in _PROPER_LEAD:
        first = first[0].lower() + first[1:]
    return f"{first} {rest}".strip()


def bullet_clause(bullet: str | None, *, max_words: int = 20) -> str | None:
    """A resume bullet as a clause about "you", or None when it is no sentence about an action:
    "Cut infrastructure cost by 38%." -> "you cut infrastructure cost by 38%"."""
    text = tidy(bullet)
    if not text:
        return None
    text = _PAREN_RE.sub("", text)
    text = re.split(r"\s*[;:]\s+|\s+[–—]\s+|\.\s+", text)[0]
    text = tidy(text)
    words = text.split()
    if len(words) < 3:
        return None
    lead = words[0]
    if lead.lower() in ("responsible", "accountable") and len(words) > 3 and words[1].lower() == "for":
        clause = "you were " + " ".join([lead.lower(), *words[1:]])
    elif lead.lower() in ("helped", "help", "worked", "work", "assisted"):
        verb = _first_verb(lead) or lead.lower() + ("ed" if not lead.lower().endswith("ed") else "")
        clause = "you " + " ".join([verb, *words[1:]])
    else:
        verb = _first_verb(lead)
        if verb is None:
            return None
        clause = "you " + " ".join([verb, *words[1:]])
    clause_words = clause.split()
    if len(clause_words) > max_words:
        # keep the part up to the first comma or "by"/"through" clause that still says something
        cut = re.split(r",\s+|\s+(?=(?:by|through|while|resulting|which|leading)\b)", clause)[0]
        if len(cut.split()) < 4 or len(cut.split()) > max_words:
            return None
        clause = cut
    clause = tidy(clause)
    if re.search(r"[{}\"“”]", clause) or clause.count("(") != clause.count(")"):
        return None
    return clause


def number_in(text: str | None) -> str | None:
    """The figure a claim rests on ("38%", "$1.2M", "3x"), if it has one of those."""
    if not text or re.search(r"\bfrom\s+\S*\d\S*\s+to\s+\S*\d", text):
        return None  # "from 61% to 78%": no single figure to ask about
    match = _PERCENTISH_RE.search(text)
    return match.group(0).strip() if match else None


def project_phrase(line: str | None) -> str | None:
    """A project line as "your …": its name before any separator, no tech list in brackets.
    Lines about competitions or awards are activities, not projects (None)."""
    text = tidy(line)
    if not text or _ACTIVITY_WORDS.search(text):
        return None
    name = re.split(r"\s+[–—|-]\s+|\s*[|–—:]\s*|\.\s+", text, maxsplit=1)[0]
    name = tidy(_PAREN_RE.sub("", name))
    words = name.split()
    if not 2 <= len(words) <= 9 or not re.search(r"[A-Za-z]{3}", name):
        return None
    if _first_verb(words[0]):  # "Built a dashboard …" is a bullet, not a project's name
        return None
    capitalised = sum(1 for w in words if w[:1].isupper())
    if capitalised >= max(2, len(words) - 1) and len(words) <= 5:  # a name: "Smart Parking App"
        tail = "" if re.search(r"\b(?:project|app|application|tool|system|platform|website|site|"
                               r"dashboard|model|study|thesis|game|bot)$", name, re.I) else " project"
        return f"your {name}{tail}"
    return "your " + _lower_first(name)


def activity_phrase(line: str | None) -> str | None:
    """"Case competition finalist, UT Marketing Case Challenge 2024." -> "the UT Marketing Case
    Challenge"; "Captain, university debating society" -> "the university debating society"."""
    text = tidy(line)
    if not text or not _ACTIVITY_WORDS.search(text):
        return None
    parts = [tidy(p) for p in re.split(r",|\s+[–—|-]\s+|:", text) if tidy(p)]
    named = [p for p in parts if _EVENT_WORDS.search(p) and sum(1 for w in p.split() if w[:1].isupper()) >= 2]
    if named:
        name = named[-1]
    else:
        events = [p for p in parts if _EVENT_WORDS.search(p) or re.search(r"\b(?:society|club)\b", p, re.I)]
        if not events:
            return None
        name = events[0]
        name = re.sub(r"\b(?:finalist|winner|semi-finalist|runner-up|champion|captain|member|"
                      r"president|participant)\b", "", name, flags=re.I)
        name = tidy(name)
        if not name:
            return None
        first, _, rest = name.partition(" ")
        if first.lower() in _GENERIC_LEAD:
            name = f"{first.lower()} {rest}".strip()
    name = _PAREN_RE.sub("", name).strip()
    if not 1 <= len(name.split()) <= 8:
        return None
    return name if name.lower().startswith("the ") else f"the {name}"


def certification_phrase(line: str | None) -> str | None:
    """"Advanced Life Support (ALS), Resuscitation Council UK, 2021" -> "your Advanced Life Support
    certification"; "CPA (Certified Public Accountant)" -> "your CPA certification"."""
    text = tidy(line)
    if not text:
        return None
    text = re.split(r",|\s+[–—|]\s+|\s+-\s+(?!(?:associate|professional|foundation|practitioner|expert)\b)",
                    text, maxsplit=1, flags=re.I)[0]
    text = tidy(_PAREN_RE.sub("", text))
    text = re.sub(r"^(?:certified in|certificate in|certification in)\s+", "", text, flags=re.I)
    words = text.split()
    if not 1 <= len(words) <= 8 or not re.search(r"[A-Za-z]{2}", text):
        return None
    capitalised = sum(1 for w in words if w[:1].isupper())
    if _first_verb(words[0]) and capitalised < 2:  # "Completed a first-aid course" is a sentence
        return None
    text = re.sub(r"\s+(?:qualified|part-qualified|member|affiliate|candidate|holder)$", "", text,
                  flags=re.I)
    if not text:
        return None
    tail = _CERT_TAIL.search(text)
    if tail:
        return f"your {text[:tail.start()]}{tail.group(0).lower()}"
    if text.upper() in _QUALIFICATIONS:
        return f"your {text} qualification"
    return f"your {text} certification"


def coursework_phrase(text: str | None, limit: int = 2) -> str | None:
    """"Relevant coursework: Financial Accounting, Auditing, Tax" -> "Financial Accounting and Auditing"."""
    body = tidy(text)
    if not body:
        return None
    body = re.sub(r"^(?:relevant\s+)?(?:coursework|courses|modules)\s*[:\-–]\s*", "", body, flags=re.I)
    items = [tidy(_PAREN_RE.sub("", i)) for i in re.split(r"[,;•|\n]", body)]
    items = [i for i in items if i and 1 <= len(i.split()) <= 5 and not re.search(r"\d", i)][:limit]
    if not items:
        return None
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def months_words(months: int) -> str:
    """7 -> "seven months"; 1 -> "a month"."""
    if months <= 1:
        return "a month"
    word = _NUMBER_WORDS[months] if months < len(_NUMBER_WORDS) else str(months)
    return f"{word} months"


def month_name(year: int, month: int | None) -> str:
    names = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
    return f"{names[month - 1]} {year}" if month else str(year)
