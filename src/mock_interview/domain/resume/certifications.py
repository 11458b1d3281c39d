"""Certifications and licences: BLS, ACLS, CPA, PMP, SHRM-CP, AWS certifications, ...

Known credentials come from ``data/skills/certifications.json`` (written for this project).
Acronyms match only as written (capitals, whole tokens: "CPA", "SHRM-CP"), names in any case.
Each line of a certifications section is a credential even when it is not in the list: its
name is the part before the issuer or the date ("Wound Care Certified – WOCN, 2021" →
"Wound Care Certified"). Elsewhere (header, summary, skills, education, bullets) only known
credentials count.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

_DATA = ("data", "skills", "certifications.json")
# What follows a credential's name on its line: an issuer, a number, a date.
_TAIL_RE = re.compile(r"\s+[–—|]\s+|\s+-\s+|,\s+|\s*\(|\s+#|\s+(?:issued|exp\.?|expires|valid)\b",
                      re.I)
_CREDENTIAL_WORD_RE = re.compile(
    r"certif|licen[cs]|registered|credential|diploma|accredit|\bbelt\b|\bcertificate\b", re.I)
_MAX_WORDS = 10
# A credential being worked towards is not held: "CMA candidate", "CPA (in progress)",
# "pursuing PMP", "studying for the CFA", "PMP expected 2027".
_NOT_YET_HELD_RE = re.compile(
    r"\s*(?:\(\s*)?(?:candidate|in progress|pending|expected|exam scheduled|eligible|in training"
    r"|coursework)\b", re.I)
_NOT_YET_LINE_RE = re.compile(
    r"\b(?:candidate|in progress|pending|expected|exam scheduled|pursuing|studying for"
    r"|preparing for|working towards?)\b", re.I)
_NOT_YET_BEFORE_RE = re.compile(
    r"\b(?:pursuing|studying for|preparing for|working towards?|candidate for|sitting for"
    r"|eligible for)\s+(?:the\s+|my\s+|a\s+)?$", re.I)


class CertificationMatcher:
    def __init__(self, entries: list[dict]) -> None:
        self.names: list[str] = []
        acronyms: dict[str, int] = {}
        aliases: dict[str, int] = {}
        for index, entry in enumerate(entries):
            self.names.append(entry["name"])
            for acronym in entry.get("acronyms") or []:
                acronyms.setdefault(acronym, index)
            own = [] if entry["name"] in (entry.get("acronyms") or []) else [entry["name"]]
            for alias in [*own, *(entry.get("aliases") or [])]:
                aliases.setdefault(_fold(alias), index)
        self._acronyms = acronyms
        self._aliases = aliases
        self._acronym_re = _alternation(acronyms, case=True)
        self._alias_re = _alternation(aliases, case=False)

    def find(self, text: str) -> list[str]:
        """Known credentials in the text, in order of appearance, each once."""
        hits: list[tuple[int, int, int]] = []  # (start, -length, entry)
        for match in self._alias_re.finditer(text):
            hits.append((match.start(), match.start() - match.end(),
                         self._aliases[_fold(match.group(1))]))
        for match in self._acronym_re.finditer(text):
            hits.append((match.start(), match.start() - match.end(),
                         self._acronyms[match.group(1)]))
        out: list[str] = []
        taken_until = -1
        for start, negative_length, index in sorted(hits):
            if start < taken_until:
                continue  # inside a longer credential already found ("CFA" in "CFA Level II")
            taken_until = start - negative_length
            if _NOT_YET_HELD_RE.match(text, taken_until) or _NOT_YET_BEFORE_RE.search(
                    text[max(0, start - 24):start]):
                continue  # "CMA candidate", "pursuing the CPA": not held yet
            name = self.names[index]
            if name not in out:
                out.append(name)
        return out

    def from_section_line(self, line: str) -> list[str]:
        """The credentials a certifications-section line names: known ones, or its head."""
        known = self.find(line)
        if known or _NOT_YET_LINE_RE.search(line):
            return known
        head = _TAIL_RE.split(line.strip(), maxsplit=1)[0].strip(" .;:")
        words = head.split()
        if not words or len(words) > _MAX_WORDS or not re.search(r"[A-Za-z]{2}", head):
            return []
        if head[:1].islower() or (len(words) > 4 and not _CREDENTIAL_WORD_RE.search(head)):
            return []  # a sentence, not a credential's name
        return [head]


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("–", "-").replace("—", "-")).strip().lower()


def _alternation(forms: dict[str, int], *, case: bool) -> re.Pattern[str]:
    ordered = sorted(forms, key=len, reverse=True)
    body = "|".join(re.escape(f).replace(r"\ ", r"\s+").replace("\\-", "[-–—]") for f in ordered)
    edge_l = r"(?<![A-Za-z0-9+/-])"
    edge_r = r"(?![A-Za-z0-9+]|-[A-Za-z0-9])"
    flags = 0 if case else re.I
    return re.compile(f"{edge_l}({body}){edge_r}" if body else r"(?!x)x", flags)


@lru_cache(maxsize=1)
def matcher() -> CertificationMatcher:
    path = resources.files("mock_interview").joinpath(*_DATA)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {"certifications": []}
    return CertificationMatcher(data.get("certifications") or [])
