"""Resume parsing: text → contact, skills, education, experience (see ``parser``)."""

from mock_interview.domain.resume.parser import (
    PARSER_VERSION,
    Contact,
    EducationEntry,
    ExperienceEntry,
    ParsedResume,
    SkillMention,
    parse_resume,
)

__all__ = [
    "PARSER_VERSION",
    "Contact",
    "EducationEntry",
    "ExperienceEntry",
    "ParsedResume",
    "SkillMention",
    "parse_resume",
]
