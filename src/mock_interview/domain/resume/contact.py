"""Contact details: e-mail, phone, links, name and location from the resume header."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from mock_interview.domain.resume import vocab
from mock_interview.domain.resume.sections import heading_name

EMAIL_RE = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
_PHONE_RE = re.compile(
    r"(?<![\w+])(?:\+\s?\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d(?:[\s.-]?\d){6,13}(?!\w)"
)
_YEARISH_RE = re.compile(r"^(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d$")
_KNOWN_HOSTS = (
    "linkedin.com", "github.com", "gitlab.com", "bitbucket.org", "behance.net", "dribbble.com",
    "medium.com", "stackoverflow.com", "kaggle.com", "indeed.com", "twitter.com", "x.com",
    "researchgate.net", "scholar.google.com", "leetcode.com", "hackerrank.com", "codepen.io",
    "huggingface.co", "orcid.org", "angel.co", "wellfound.com", "youtube.com", "dev.to",
)
_URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'()]+"
    r"|(?<![\w@./-])(?:[a-z0-9-]+\.)*(?:"
    + "|".join(re.escape(h) for h in _KNOWN_HOSTS)
    + r")/[^\s<>\"'()]*",
    re.I,
)
# Bare domains count only in the header, where "rendercv.com" is a portfolio, not prose.
# Lower-case top-level domain only: "B.Tech" is a degree, "janedoe.tech" a site.
_BARE_DOMAIN_RE = re.compile(
    r"(?<![\w@./-])(?:[A-Za-z0-9-]{2,}\.)+(?:com|io|dev|org|net|me|ai|co|app|site|tech|info|page"
    r"|xyz|in|uk|de|fr|ca|au|eu|us)(?:/[^\s<>\"'()]*)?(?![\w@.-])"
)
_HEADER_SPLIT_RE = re.compile(r"\s+[|·•◆◇,;/]\s+|\s+[-–—]\s+|\s{2,}|\t|(?<=\w)\s*[|·•]\s*(?=\w)")
_NAME_PARTICLES = frozenset(["van", "von", "de", "da", "del", "der", "di", "la", "le", "bin", "al",
                             "el", "dos", "das", "du", "ten", "ter"])
_NAME_MARKS = "'’-"


def _is_name_word(word: str) -> bool:
    """A capitalised word of letters in any script ("Tomás", "Müller", "O'Brien", "J."), a
    particle ("van", "de"), or a short lower-case prefix before a capital ("deSouza")."""
    if word in _NAME_PARTICLES:
        return True
    core = word[:-1] if word.endswith(".") else word
    if not core or not all(ch.isalpha() or ch in _NAME_MARKS for ch in core):
        return False
    if core[0].isupper() and core[0].isalpha():
        return True
    lead = len(core) - len(core.lstrip("abcdefghijklmnopqrstuvwxyz"))
    return 0 < lead <= 3 and lead < len(core) and core[lead].isupper() and not word.endswith(".")
_NAME_PREFIX_RE = re.compile(r"^(?:name|full name|candidate)\s*[:\-–]\s*", re.I)
_LOCATION_RE = re.compile(
    r"^(?P<loc>[A-Z][A-Za-zÀ-ÿğüşıöçĞÜŞİÖÇ.'’-]*(?:\s+[A-Z][A-Za-zÀ-ÿğüşıöçĞÜŞİÖÇ.'’-]*){0,3}"
    r",\s*[A-Z][A-Za-zÀ-ÿğüşıöçĞÜŞİÖÇ.'’-]*(?:\s+[A-Z][A-Za-zÀ-ÿğüşıöçĞÜŞİÖÇ.'’-]*){0,3}"
    r"(?:,\s*[A-Z][A-Za-zÀ-ÿ.'’-]*(?:\s+[A-Z][A-Za-zÀ-ÿ.'’-]*){0,2})?"
    r"(?:\s+\d{5,6}(?:-\d{4})?)?)$"
)
_LOCATION_LABEL_RE = re.compile(r"^(?:address|location|city|based in|residence)\s*[:\-–]\s*", re.I)


def find_emails(text: str) -> list[str]:
    return _dedupe(m.group(0).rstrip(".") for m in EMAIL_RE.finditer(text))


def find_phone(lines: list[str]) -> str | None:
    for line in lines:
        for match in _PHONE_RE.finditer(line):
            raw = match.group(0).strip()
            digits = re.sub(r"\D", "", raw)
            if not 9 <= len(digits) <= 15 or _YEARISH_RE.match(raw):
                continue
            if re.fullmatch(r"(?:19|20)\d\d(?:[\s.-]+(?:19|20)\d\d)+", raw):
                continue
            return raw
    return None


def normalise_link(raw: str) -> str | None:
    """A URL with a scheme, without tracking query or trailing punctuation; None if not web."""
    url = raw.strip().rstrip(".,;:)]}>'\"")
    if not url or url.lower().startswith(("mailto:", "tel:")):
        return None
    if not re.match(r"^[a-z][a-z0-9+.-]*://", url, re.I):
        url = "https://" + url
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or "." not in parts.netloc:
        return None
    path = parts.path.rstrip("/")
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}{path}"


def link_key(url: str) -> str:
    """What two spellings of one link share: no scheme, no www, lower case, no trailing '/'."""
    key = re.sub(r"^[a-z]+://", "", url.lower())
    key = re.sub(r"^www\.", "", key)
    return key.split("?")[0].split("#")[0].rstrip("/")


def find_links(text: str, header_lines: list[str]) -> list[str]:
    """Web links anywhere in the text, plus bare domains in the header."""
    found: list[str] = []
    for match in _URL_RE.finditer(rejoin_urls(text)):
        found.append(match.group(0))
    without_emails = EMAIL_RE.sub(" ", rejoin_urls("\n".join(header_lines)))
    for match in _BARE_DOMAIN_RE.finditer(without_emails):
        found.append(match.group(0))
    return merge_links(found, [])


def rejoin_urls(text: str) -> str:
    """Rejoin a URL wrapped after a '/' or '-' ("indeed.com/r/Jane-\nDoe/1f2e")."""
    # The rest must look like part of a URL (a digit or a '/'), not a heading such as "SUMMARY".
    rest = r"(?=[\w./?=&%#-]*[\d/][\w./?=&%#-]*$)"
    text = re.sub(rf"(?m)(\S/[^\s/]*-)\n{rest}", r"\1", text)
    return re.sub(rf"(?m)(\S/\S*/)\n{rest}", r"\1", text)


def merge_links(first: list[str], second: list[str]) -> list[str]:
    """Normalised, de-duplicated links; a longer URL for the same key wins."""
    out: dict[str, str] = {}
    for raw in [*first, *second]:
        url = normalise_link(raw)
        if not url:
            continue
        key = link_key(url)
        # "rendercv.com" found bare in the header and "https://github.com/rendercv" are not
        # the same; but "github.com/x" and "https://www.github.com/x/" are.
        if key not in out:
            out[key] = url
    return list(out.values())


def header_parts(lines: list[str]) -> list[str]:
    """Header lines cut at the separators people use between contact items."""
    parts = []
    for line in lines:
        for part in _HEADER_SPLIT_RE.split(line):
            part = part.strip(" |·•,;-–—")
            if part:
                parts.append(part)
    return parts


def find_name(lines: list[str]) -> str | None:
    """The first header line that reads as a person's name (2–4 capitalised words)."""
    for line in lines[:12]:
        candidate = _NAME_PREFIX_RE.sub("", line).strip(" ,|·•")
        if _is_place(candidate):
            continue  # "New York, NY" on a line of its own: a place, not "New York"
        # "Jane Doe | Data Engineer" or "Jane Doe - Email me": the name is the first part.
        candidate = re.split(r"\s+[|·•–—-]\s+|\s{2,}|,\s*", candidate)[0].strip()
        if _plausible_name(candidate):
            return candidate
    # Some people type their name in lower case; only the very first line may be that.
    first = re.split(r"\s+[|·•–—-]\s+|\s{2,}|,\s*", lines[0].strip())[0].strip() if lines else ""
    if re.fullmatch(r"[A-Za-z]+(?: [A-Za-z]+){1,2}", first) and _plausible_name(first.title()):
        return first
    return None


def _is_place(text: str) -> bool:
    """"New York, NY", "Pune, Maharashtra": a city and a known state, province or country
    ("Maria Delgado, RN" is a name and a credential)."""
    city, _, region = text.rpartition(",")
    region = region.strip(" .")
    return bool(city.strip()) and (region in vocab.STATE_CODES or region.lower() in vocab.REGIONS)


def _plausible_name(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 4 or len(text) > 50:
        return False
    if EMAIL_RE.search(text) or any(ch.isdigit() for ch in text) or "/" in text or "@" in text:
        return False
    if heading_name(text):
        return False
    if not all(_is_name_word(w) for w in words):
        return False
    if not any(ch.islower() for ch in text) and len(text.replace(" ", "")) <= 3:
        return False
    lowered = [w.lower().strip(".,") for w in words]
    if any(w in vocab.TITLE_WORDS or w in vocab.COMPANY_WORDS or w in vocab.NOT_NAME_WORDS
           for w in lowered):
        return False
    return not _LOCATION_RE.match(text)


def find_location(lines: list[str]) -> str | None:
    """A "City, Region" part of the header."""
    for part in header_parts(lines[:15]):
        part = _LOCATION_LABEL_RE.sub("", part).strip()
        if EMAIL_RE.search(part) or _URL_RE.search(part):
            continue
        match = _LOCATION_RE.match(part)
        if match and not any(w.lower() in vocab.TITLE_WORDS for w in re.findall(r"\w+", part)):
            return match.group("loc")
    return None


def _dedupe(items) -> list[str]:  # type: ignore[no-untyped-def]
    seen: dict[str, str] = {}
    for item in items:
        seen.setdefault(item.lower(), item)
    return list(seen.values())
