"""Resume text → structured fields: contact, skills, education, experience, sections.

Fully offline and rule-based. ``links`` are URIs the file reader found (PDF link annotations,
DOCX hyperlinks); they complete what the text shows (a "rendercv" label linking to LinkedIn).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from mock_interview.domain import skills as skills_mod
from mock_interview.domain.resume import certifications as certs_mod
from mock_interview.domain.resume import contact as contact_mod
from mock_interview.domain.resume.dates import YearMonth, interval, merged_years, month_index
from mock_interview.domain.resume.education import parse_education
from mock_interview.domain.resume.experience import parse_experience
from mock_interview.domain.resume.headline import complete_first_entry, find_headline
from mock_interview.domain.resume.models import (
    Contact,
    EducationEntry,
    ExperienceEntry,
    Headline,
    ParsedResume,
    SkillMention,
)
from mock_interview.domain.resume.sections import Section, sections_text, split_sections
from mock_interview.domain.resume.skill_items import list_items
from mock_interview.domain.resume.text import is_page_footer, prepare_lines, strip_bullet, unside

__all__ = [
    "PARSER_VERSION",
    "Contact",
    "EducationEntry",
    "ExperienceEntry",
    "Headline",
    "ParsedResume",
    "SkillMention",
    "parse_resume",
]

PARSER_VERSION = "5"  # bump when output changes

NO_TEXT = "no text: nothing extracted"
_PROFILE_HOSTS = (
    "linkedin.com", "github.com", "gitlab.com", "bitbucket.org", "indeed.com", "behance.net",
    "dribbble.com", "kaggle.com", "stackoverflow.com", "medium.com", "researchgate.net",
    "orcid.org", "scholar.google.com", "leetcode.com", "hackerrank.com", "huggingface.co",
)
# "Operating systems: Windows, Linux" outside a skills section is still a skills list.
_SKILL_LABEL_RE = re.compile(
    r"^\W*(?:[A-Za-z/&+-]+\s+){0,3}(?:languages?|tools?|technolog(?:y|ies)|databases?|frameworks?|"
    r"platforms?|software|systems|os|ides?|scripting|servers?|packages|librar(?:y|ies)|skills?|"
    r"methodolog(?:y|ies)|protocols|cloud|devops|testing|utilities|environment)\s*[:\-–]\s*\S",
    re.I,
)
_NO_LABEL_LISTS = {"skills", "languages", "experience", "education", "header", "projects"}
# Listed skills that make a resume's own list: its prose then adds only distinctive names.
_OWN_LIST = 3
# Sections whose prose may mention skills (with corroboration).
_TEXT_SKILL_SECTIONS = ("projects",)


def parse_resume(
    text: str, *, links: Iterable[str] = (), today: date | None = None
) -> ParsedResume:
    """Parse resume text into fields; never invents anything from empty text."""
    today = today or date.today()
    lines = prepare_lines(text or "")
    cleaned = "\n".join(unside(ln) for ln in lines)
    if not cleaned.strip():
        return ParsedResume(
            contact=Contact(), skills=[], education=[], experience=[], sections={},
            summary=None, total_years_experience=None, warnings=[NO_TEXT],
            parser_version=PARSER_VERSION,
        )
    width = _typical_width(lines)
    sections = split_sections(lines)
    by_name: dict[str, list[Section]] = {}
    for section in sections:
        by_name.setdefault(section.name, []).append(section)

    header = [unside(ln) for ln in sections[0].lines if ln.strip() and not is_page_footer(ln)]
    top = header or [unside(ln) for ln in lines if ln.strip()][:6]
    # A "Contact" section (common in sidebars) holds what a header would: treat it alike.
    contact_block = top + [unside(ln) for section in by_name.get("contact", [])
                           for ln in section.lines if ln.strip()]
    contact = _contact(cleaned, contact_block, list(links), name_lines=top)
    if contact.name is None:
        # A sidebar read first leaves the name atop the main column: the line just before
        # its first heading (the summary or the experience).
        before = [unside(ln) for previous, section in zip(sections, sections[1:], strict=False)
                  if section.name in ("summary", "experience")
                  for ln in [ln for ln in previous.lines if ln.strip()][-1:]]
        contact.name = contact_mod.find_name(before) if before else None

    exp_lines = _lines_of(by_name.get("experience", []))
    experience, ranges = parse_experience(exp_lines, width)
    headline = find_headline(header, contact.name)
    complete_first_entry(experience, headline)
    education = parse_education(_lines_of(by_name.get("education", [])))
    summary_text = "\n\n".join(s.text for s in by_name.get("summary", []) if s.text) or None
    if summary_text is None:
        summary_text = _header_summary(header)
    found_skills = _skills(by_name, experience, summary_text, contact.name)

    certifications = _certifications(by_name, header, summary_text, experience)

    warnings: list[str] = []
    current_month = month_index(today)
    graduation = max((e.year for e in education if e.year and e.year <= today.year + 1),
                     default=None)
    full: list[tuple[int, int]] = []
    partial: list[tuple[int, int]] = []
    side: list[tuple[int, int]] = []
    for entry, rng in zip(experience, ranges, strict=True):
        label = entry.title or entry.company or "an entry"
        if entry.title and not entry.company:
            warnings.append(f"no employer found for {label}")
        if rng is None:
            if entry.title:
                warnings.append(f"no dates found for {label}")
            continue
        span = interval(rng, today)
        if rng.start and rng.start.index() > current_month:
            warnings.append(f"dates in the future: {label} starts {rng.start.iso()}")
        elif rng.end and not rng.current and rng.end.index() > current_month:
            warnings.append(f"dates in the future: {label} ends {rng.end.iso()}")
        if rng.start and rng.end and not rng.current and _before(rng.end, rng.start):
            warnings.append(f"end before start: {label} ({rng.start.iso()} to {rng.end.iso()})")
        elif rng.start and not rng.is_range and not rng.current:
            warnings.append(f"only one date for {label} ({rng.start.iso()}); check its dates")
        elif span and span[1] - span[0] > 45 * 12:
            warnings.append(f"dates look wrong: {label} spans over 45 years")
        if not span:
            continue
        first, last = span
        last = min(last, current_month + 1)
        if last <= first:
            continue
        entry.employment = _employment(entry, first, last, graduation)
        if entry.employment == "full-time":
            full.append((first, last))
        else:
            side.append((first, last))
            if entry.employment != "student":
                partial.append((first, last))
    total = None
    if full or side:
        extra = _minus(_union(partial), _union(full))
        total = round(_length(_union(full)) / 12 + 0.5 * _length(extra) / 12, 1)
    part_time = merged_years(side) if side else None
    new_graduate = bool(
        graduation is not None and graduation >= today.year - 1
        and _length(_union(full)) < 12
    )
    stated = _stated_years(summary_text or "", header)
    if stated is not None and total is not None and abs(stated - total) > 2 and not new_graduate:
        warnings.append(f"the resume says {stated:g} years of experience; its dates give "
                        f"{total:g}")

    if not contact.email:
        warnings.append("missing email")
    if not experience:
        warnings.append("no experience found")
    if not found_skills:
        warnings.append("no skills found")

    return ParsedResume(
        contact=contact,
        skills=found_skills,
        education=education,
        experience=experience,
        sections=sections_text(sections),
        summary=summary_text,
        total_years_experience=total,
        warnings=warnings,
        parser_version=PARSER_VERSION,
        certifications=certifications,
        part_time_years=part_time,
        new_graduate=new_graduate,
        stated_years=stated,
        headline=headline,
    )


_INTERN_RE = re.compile(r"\bintern(?:ship)?s?\b|\bco-?op\b|\bapprentice", re.I)
_PART_TIME_RE = re.compile(
    r"part[- ]?time|\bprn\b|per[- ]diem|\bseasonal\b|\bcasual\b|\bvolunteer|\bfreelance"
    r"|\bcontract(?:or)?\b.*\bhours?\b", re.I)
_STUDENT_RE = re.compile(
    r"\bstudent\b|teaching assistant|research assistant|graduate assistant|work[- ]study"
    r"|\bresident assistant\b", re.I)
_STATED_RE = re.compile(
    r"(?<![\d.])(\d{1,2}(?:\.\d)?)\s*\+?\s*(?:years?|yrs?)\.?(?:\s+of)?(?:\s+[\w/&-]+){0,4}?"
    r"\s+(?:experience|expertise)", re.I)


def _employment(entry: ExperienceEntry, first: int, last: int, graduation: int | None) -> str:
    """How a recruiter counts a role: full-time; internship and part-time at half; student
    jobs (and any role that is not full-time and ended by graduation) not at all."""
    text = " ".join(x for x in (entry.title, entry.unit, entry.company) if x)
    raw = " ".join(entry.bullets[:0])  # bullets do not decide: "managed part-time staff"
    kind = "full-time"
    if _STUDENT_RE.search(text):
        kind = "student"
    elif _INTERN_RE.search(entry.title or ""):
        kind = "internship"
    elif (_PART_TIME_RE.search(text + raw) or _PART_TIME_RE.search(entry.location or "")
          or entry.employment == "part-time"):
        kind = "part-time"
    if graduation is not None and last <= graduation * 12 + 6:
        # Ended by the (June of the) graduation year: held while studying.
        studying = first >= (graduation - 4) * 12
        if kind != "full-time" or studying:
            kind = "student"
    return kind


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _minus(spans: list[tuple[int, int]], cut: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for a, b in spans:
        pieces = [(a, b)]
        for c, d in cut:
            pieces = [q for x, y in pieces for q in ((x, min(y, c)), (max(x, d), y)) if q[1] > q[0]]
        out += pieces
    return out


def _length(spans: list[tuple[int, int]]) -> int:
    return sum(b - a for a, b in spans)


def _stated_years(summary: str, header: list[str]) -> float | None:
    """"8 years of experience", "10+ years of nursing experience" in the summary or header."""
    for text in (summary, "\n".join(header)):
        match = _STATED_RE.search(text)
        if match:
            return float(match.group(1))
    return None


def _certifications(by_name: dict[str, list[Section]], header: list[str], summary: str | None,
                    experience: list[ExperienceEntry]) -> list[str]:
    """Credentials of a certifications section (each line), then known ones named anywhere
    else: after the name ("Maria Delgado, RN"), in the summary, skills, education, bullets."""
    match = certs_mod.matcher()
    found: list[str] = []

    def add(names: list[str]) -> None:
        for name in names:
            if name.lower() not in {f.lower() for f in found}:
                found.append(name)

    for section in by_name.get("certifications", []):
        own = bool(re.search(r"certif|licen[cs]|credential", section.heading, re.I))
        for line in _logical_items(section.lines):
            add(match.from_section_line(line) if own else match.find(line))
    other = [*header, summary or ""]
    for name in ("skills", "education", "awards", "summary"):
        other += [unside(ln) for s in by_name.get(name, []) for ln in s.lines]
    other += [b for entry in experience for b in entry.bullets]
    add(match.find("\n".join(other)))
    return found


def _logical_items(lines: list[str]) -> list[str]:
    """Lines of a list with wrapped items rejoined (a line without a bullet after a bulleted
    one continues it when the list uses bullets)."""
    bulleted = any(strip_bullet(unside(ln))[0] for ln in lines if ln.strip())
    out: list[str] = []
    for raw in lines:
        line = unside(raw).strip()
        if not line or is_page_footer(line):
            continue
        had_bullet, body = strip_bullet(line)
        if bulleted and not had_bullet and out:
            out[-1] = f"{out[-1]} {body}"
        else:
            out.append(body)
    return out


def _before(end: YearMonth, start: YearMonth) -> bool:
    if end.year != start.year:
        return end.year < start.year
    return bool(end.month and start.month and end.month < start.month)


def _typical_width(lines: list[str]) -> int:
    lengths = sorted(len(ln) for ln in lines if ln.strip())
    if not lengths:
        return 80
    return max(40, lengths[int(len(lengths) * 0.9) - (1 if len(lengths) > 1 else 0)])


def _lines_of(sections: list[Section]) -> list[str]:
    out: list[str] = []
    for section in sections:
        out.extend(section.lines)
        out.append("")
    return out


def _contact(text: str, header: list[str], extra_links: list[str],
             name_lines: list[str] | None = None) -> Contact:
    emails = contact_mod.find_emails("\n".join(header)) or contact_mod.find_emails(text)
    email = emails[0] if emails else None
    phone = contact_mod.find_phone(header)
    for uri in extra_links:
        lowered = uri.strip().lower()
        if lowered.startswith("mailto:") and email is None:
            address = uri.strip()[7:].split("?")[0]
            if contact_mod.EMAIL_RE.fullmatch(address):
                email = address
        elif lowered.startswith("tel:") and phone is None:
            phone = uri.strip()[4:]
    header_text = "\n".join(header)
    text_links = [
        url for url in contact_mod.find_links(text, header)
        if _is_profile(url) or contact_mod.link_key(url) in _keys_in(header_text)
        or _host(url) in header_text.lower()
    ]
    file_links = [
        uri for uri in extra_links
        if (url := contact_mod.normalise_link(uri))
        and (_is_profile(url) or (
            not _is_profile_site(url)
            and (_host(url) in header_text.lower() or _host(url) in _hosts(text_links))
        ))
    ]
    return Contact(
        name=contact_mod.find_name(name_lines if name_lines is not None else header),
        email=email,
        phone=phone,
        location=contact_mod.find_location(header),
        links=contact_mod.merge_links(text_links, file_links),
    )


def _host(url: str) -> str:
    host = re.sub(r"^[a-z]+://", "", url.lower()).split("/")[0]
    return host[4:] if host.startswith("www.") else host


def _hosts(urls: list[str]) -> set[str]:
    return {_host(u) for u in urls}


def _keys_in(text: str) -> set[str]:
    return {contact_mod.link_key(u) for u in contact_mod.find_links(text, text.split("\n"))}


def _is_profile_site(url: str) -> bool:
    host = _host(url)
    return any(host == h or host.endswith("." + h) for h in _PROFILE_HOSTS)


def _is_profile(url: str) -> bool:
    """A profile on a known site: the host plus a user path, not the bare site."""
    host = _host(url)
    path = re.sub(r"^[a-z]+://[^/]+", "", url.lower()).strip("/")
    return any(host == h or host.endswith("." + h) for h in _PROFILE_HOSTS) and bool(path)


def _skills(
    by_name: dict[str, list[Section]], experience: list[ExperienceEntry], summary: str | None,
    person: str | None = None,
) -> list[SkillMention]:
    """Skills-section mentions first (taxonomy, then other listed items), then corroborated
    mentions in the summary, experience bullets, projects and certifications. A resume that
    lists its skills gets from its prose only names that cannot be ordinary words. Lines
    naming the person (a running header or footer) and page footers yield nothing."""
    taxonomy = skills_mod.get_taxonomy()
    out: dict[str, SkillMention] = {}
    own = by_name.get("skills", []) + by_name.get("languages", [])
    listed = [(_without_running_lines(s.lines, person), s.name == "skills") for s in own]
    for name, sections in by_name.items():
        if name not in _NO_LABEL_LISTS:
            lines = [unside(ln) for s in sections for ln in s.lines
                     if _SKILL_LABEL_RE.match(unside(ln))]
            if lines:
                listed.append(("\n".join(lines), True))
    def add(mention: SkillMention) -> None:
        key = mention.name.lower()
        known = out.get(key)
        if known is None or (known.source != mention.source == skills_mod.SKILLS_SECTION):
            out[key] = mention

    for text, raw_items in listed:
        found = taxonomy.extract(text, section_hint="skills")
        if not raw_items:
            # A "Languages" section names spoken languages too: only core skills
            # (programming languages) count there.
            found = [m for m in found if taxonomy.tiers[taxonomy.by_name[m.name.lower()]] == "core"]
        for mention in found:
            add(mention)
        if not raw_items:
            continue
        evidence = [re.compile(rf"(?<![a-z0-9]){re.escape(m.evidence.lower())}(?![a-z0-9])")
                    for m in found]
        for item in list_items(text):
            lowered = item.lower()
            if lowered in taxonomy.denylist or any(ev.search(lowered) for ev in evidence):
                continue  # the taxonomy already spoke for it (or rejects it)
            name = _tidy_item(item)
            add(SkillMention(name=name, family=skills_mod.OTHER_FAMILY,
                             source=skills_mod.SKILLS_SECTION, evidence=item))
    prose = [summary or ""]
    prose += [b for entry in experience for b in entry.bullets]
    prose += [_prose_lines(s) for key in _TEXT_SKILL_SECTIONS for s in by_name.get(key, [])]
    has_list = sum(m.source == skills_mod.SKILLS_SECTION for m in out.values()) >= _OWN_LIST
    prose_text = _without_running_lines("\n".join(prose).split("\n"), person)
    for mention in taxonomy.extract(prose_text, strict_prose=has_list):
        add(mention)
    # Listed skills first, each group in order of appearance.
    return sorted(out.values(), key=lambda m: m.source != skills_mod.SKILLS_SECTION)


def _without_running_lines(lines: list[str], person: str | None) -> str:
    """The lines as text, without page footers and lines that carry the person's full name
    (a running header or footer: "Maria Delgado — BSN — page 1")."""
    name = re.sub(r"\s+", " ", person).casefold() if person and " " in person.strip() else None
    kept = []
    for raw in lines:
        line = unside(raw)
        if is_page_footer(line) or (name and name in re.sub(r"\s+", " ", line).casefold()):
            continue
        kept.append(line)
    return "\n".join(kept)


def _prose_lines(section: Section) -> str:
    return "\n".join(strip_bullet(unside(ln))[1] for ln in section.lines if ln.strip())


def _tidy_item(item: str) -> str:
    return re.sub(r"\s+", " ", item).strip(" .,;:")


def _header_summary(header: list[str]) -> str | None:
    """Sentences in the header (an untitled profile paragraph), if any."""
    prose = [ln for ln in header if len(ln.split()) >= 8 and not contact_mod.EMAIL_RE.search(ln)
             and not contact_mod.find_links(ln, [])]
    return " ".join(prose) or None
