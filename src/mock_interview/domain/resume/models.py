"""The parsed-resume records. Re-exported by ``parser`` (the public module)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from mock_interview.domain.skills import SkillMention


@dataclass
class Contact:
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    location: str | None = None
    links: list[str] = field(default_factory=list)  # with scheme: https://github.com/…


@dataclass
class EducationEntry:
    degree: str | None = None
    field: str | None = None
    institution: str | None = None
    year: int | None = None  # graduation (end) year
    start_year: int | None = None


@dataclass
class ExperienceEntry:
    title: str | None = None
    company: str | None = None
    location: str | None = None
    start: str | None = None  # "YYYY-MM" or "YYYY"
    end: str | None = None  # "YYYY-MM", "YYYY", or None when current or unknown
    current: bool = False
    bullets: list[str] = field(default_factory=list)
    unit: str | None = None  # "Medical/Surgical ICU" in "Registered Nurse – Medical/Surgical ICU"
    employment: str = "full-time"  # full-time | part-time | internship | student


@dataclass
class Headline:
    """The role under the name: "Test Analyst at Oracle" → title and company."""

    text: str
    title: str
    company: str | None = None


@dataclass
class ParsedResume:
    contact: Contact
    skills: list[SkillMention]
    education: list[EducationEntry]
    experience: list[ExperienceEntry]
    sections: dict[str, str]
    summary: str | None
    total_years_experience: float | None
    warnings: list[str]
    parser_version: str
    certifications: list[str] = field(default_factory=list)
    part_time_years: float | None = None  # internships, part-time and student roles, apart
    new_graduate: bool = False
    stated_years: float | None = None  # "8 years of experience" written in the resume
    headline: Headline | None = None

    def looks_like_resume(self) -> bool:
        """Anything a resume has: a section, an entry with dates, or contact details."""
        named = [name for name in self.sections if name != "header"]
        return bool(named or self.experience or self.education or self.contact.email
                    or self.contact.phone)

    def to_json(self) -> dict[str, Any]:
        """A plain JSON-able dict."""
        return asdict(self)
