"""Line-level helpers shared by the resume parsers: clean-up, bullets, line shapes."""

from __future__ import annotations

import html
import re
import unicodedata

# Bullet glyphs seen in PDF/DOCX exports, including Symbol/Wingdings private-use code points.
BULLET_CHARS = (
    "•·●○◦▪▫■□◆◇◊►▶▸▹➢➤➣➔→⇒❖❑❒✓✔✗✘✦✧★☆♦❯›»‣⁃∙*"
    "\u2043\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8\uf02d\uf0e0"
)
_BULLET_RE = re.compile(
    "^\\s*(?:[" + re.escape(BULLET_CHARS) + "]+|[-–—](?=\\s|[A-Za-z])"
    # "o " is how Word's Courier-o bullet comes out of many exports.
    "|o(?=\\s+[A-Z])"
    "|\\(?\\d{1,2}[.)](?=\\s|[A-Za-z])(?!\\d)|\\(?[a-hA-H]\\)(?=\\s))\\s*"
)
_URL_ONLY_RE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.I)
# "John Doe – 1/2", "Page 2 of 3", "- 2 -": page furniture from PDF text.
_PAGE_FOOTER_RE = re.compile(
    r"^\s*(?:page\s+\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?|[-–]?\s*\d{1,3}\s*[-–]?"
    r"|.{0,60}?\s[–|-]\s*\d{1,3}\s*/\s*\d{1,3})\s*$",
    re.I,
)
_SPACE_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ENTITY_RE = re.compile(r"&(?:[a-z]{2,8}|#\d{2,5});")
_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_TERMINAL = ".!?;:)"


SIDE = "\x1e"  # marks a right-hand column fragment placed on its own line after its row
_COLUMN_GAP_RE = re.compile(r"\t+|(?<=\S) {3,}(?=\S)")
_PREPOSITION_END_RE = re.compile(
    r"(?:\b(?:from|since|between|during|in|to|till|until|of|and|for|over|about|than|last|past|"
    r"next|within|nearly|almost|around|approximately|by|at|on|worked|working)|[(~,:])\s*$",
    re.I,
)
_TRAILING_DURATION_RE = re.compile(
    r"\s+(\d{1,2}\s+(?:years?|yrs?)(?:\s+\d{1,2}\s+(?:months?|mos?))?|\d{1,2}\s+(?:months?|mos?))$",
    re.I,
)


def prepare_lines(text: str) -> list[str]:
    """Clean lines. A row's right-hand column fragments (after a tab or a wide gap) follow it
    as separate lines marked with SIDE; words broken by a soft hyphen are rejoined."""
    from mock_interview.domain.resume.dates import find_ranges

    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = _ZERO_WIDTH_RE.sub("", text)
    if "&" in text and _ENTITY_RE.search(text):
        text = html.unescape(text)  # "R&amp;D" from web exports
    text = unicodedata.normalize("NFKC", text)
    out: list[str] = []
    last_main = -1
    for raw in text.split("\n"):
        pieces = [p for p in _COLUMN_GAP_RE.split(raw.strip()) if p.strip()]
        main = _SPACE_RE.sub(" ", pieces[0]).strip() if pieces else ""
        sides = [_SPACE_RE.sub(" ", p).strip() for p in pieces[1:]]
        if len(pieces) <= 1 and main:
            main, sides = _trailing_side(main, find_ranges)
        if is_page_footer(main) and not sides:
            continue  # "Jane Doe – 1/2", "Page 2 of 3": page furniture, not content
        if last_main >= 0 and out[last_main].endswith("\u00ad") and main:
            # "submis\u00ad" + "sions)": a word the renderer broke; side lines stay after it.
            out[last_main] = out[last_main][:-1] + main
        else:
            out.append(main)
            last_main = len(out) - 1
        out.extend(SIDE + s for s in sides)
    return _join_wrapped_dates([line.replace("\u00ad", "") for line in out])


_MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# A date cut short by a narrow column: "May 2024 –", "Jan 2017 – Jun", "September".
_OPEN_DATE_RE = re.compile(
    rf"(?:\b(?:19|20)\d\d\s*(?:[-–—]|\bto|\btill|\buntil)"
    rf"|(?:[-–—]|\bto|^)\s*{_MONTH_WORD}|^\s*{_MONTH_WORD}\s+(?:19|20)\d\d\s*[-–—])\s*$",
    re.I,
)
_DATE_REST_RE = re.compile(
    rf"^\s*(?:(?:19|20)\d\d\b|{_MONTH_WORD}\s+(?:19|20)\d\d\b|present\b|current\b|now\b"
    rf"|today\b|date\b|(?:0?[1-9]|1[0-2])[/.](?:19|20)\d\d\b)",
    re.I,
)


_SEP_REST_RE = re.compile(
    rf"^\s*(?:[-–—]|to\b|till\b|until\b)\s*(?:(?:19|20)\d\d\b|{_MONTH_WORD}\s+(?:19|20)\d\d\b"
    rf"|present\b|current\b|now\b|today\b|date\b)",
    re.I,
)
_ENDS_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\s*$")
_ENDS_SEP_RE = re.compile(r"\b(?:19|20)\d\d\s*(?:[-–—]|to)\s*$", re.I)
_LONE_MONTH_RE = re.compile(rf"^\s*{_MONTH_WORD}\s*$", re.I)


def _join_wrapped_dates(lines: list[str]) -> list[str]:
    """Rejoin a date range a narrow column wrapped over two rows ("May 2024 – Aug" / "2024",
    "January 2017" / "- June 2019"), whether it sits in the main text or in a right-hand
    column: the rest moves up to the row where the date starts."""
    out: list[str] = []
    for line in lines:
        body = unside(line).strip()
        rest = _DATE_REST_RE.match(body)
        with_sep = _SEP_REST_RE.match(body)
        month = _LONE_MONTH_RE.match(body)
        if (rest or with_sep or month) and len(body.split()) <= 4 and out:
            # The fragment it continues: the nearest date piece in the last two rows.
            for back in range(len(out) - 1, max(-1, len(out) - 4), -1):
                piece = unside(out[back])
                if (rest and _OPEN_DATE_RE.search(piece)) or (
                        month and _ENDS_SEP_RE.search(piece)) or (
                        with_sep and _ENDS_YEAR_RE.search(piece)
                        and not _OPEN_DATE_RE.search(piece)):
                    out[back] = f"{out[back]} {body}"
                    if is_side(line):
                        _join_wrapped_cell(out, back)
                    break
            else:
                out.append(line)
            continue
        out.append(line)
    return out


_CELL_SEPARATOR_RE = re.compile(r"\s[|–—-]\s|,|@|\s(?:at|in)\s")


def _join_wrapped_cell(out: list[str], side: int) -> None:
    """Both columns of a row wrapped: "Operations Manager | Meridian" beside "04/2020 –", then
    "Logistics Group" beside "Present". The date's rest has moved up to ``side``; the main
    line left between is the rest of the left cell when that cell already names a title and
    an employer (a separator) and the fragment is a bare name of a few words."""
    rows = [i for i in range(side + 1, len(out)) if not is_side(out[i])]
    if len(rows) != 1 or rows[0] != len(out) - 1:
        return
    head = side - 1
    while head >= 0 and is_side(out[head]):
        head -= 1
    if head < 0:
        return
    fragment, cell = out[-1].strip(), out[head]
    if (not fragment or len(fragment.split()) > 3 or _CELL_SEPARATOR_RE.search(fragment)
            or not _CELL_SEPARATOR_RE.search(cell) or _BULLET_RE.match(fragment)
            or ends_sentence(cell) or not fragment[:1].isupper()):
        return
    out[head] = f"{cell} {fragment}"
    del out[-1]


def _trailing_side(line: str, find_ranges) -> tuple[str, list[str]]:  # type: ignore[no-untyped-def]
    """A date range or duration printed at the end of a bullet or wrapped line by a layout that
    right-aligns dates, when the reader joined the row with one space."""
    sides: list[str] = []
    duration = _TRAILING_DURATION_RE.search(line)
    if duration and not _PREPOSITION_END_RE.search(line[: duration.start()]):
        sides.insert(0, duration.group(1))
        line = line[: duration.start()].rstrip()
    if not (_BULLET_RE.match(line) or line[:1].islower()) or len(line.split()) < 5:
        return line, sides
    ranges = find_ranges(line)
    if ranges:
        last = ranges[-1]
        before = line[: last.span[0]]
        at_end = last.span[1] >= len(line.rstrip(" ."))
        if at_end and last.is_range and not _PREPOSITION_END_RE.search(before):
            sides.insert(0, line[last.span[0] :].strip())
            line = before.rstrip()
    return line, sides


def is_side(line: str) -> bool:
    return line.startswith(SIDE)


def unside(line: str) -> str:
    return line[1:] if line.startswith(SIDE) else line


def strip_bullet(line: str) -> tuple[bool, str]:
    """Return (had a bullet marker, the line without it)."""
    match = _BULLET_RE.match(line)
    if match and match.end() < len(line):
        return True, line[match.end() :].strip()
    return False, line.strip()


def is_url_only(line: str) -> bool:
    return bool(_URL_ONLY_RE.match(line))


def is_page_footer(line: str) -> bool:
    return bool(_PAGE_FOOTER_RE.match(line))


def ends_sentence(line: str) -> bool:
    return bool(line) and line[-1] in _TERMINAL


def word_count(line: str) -> int:
    return len(line.split())


def starts_lower(line: str) -> bool:
    return bool(line) and (line[0].islower() or line[0] in "&,(%/+")
