"""Word lists that tell job titles, employers, schools and places apart (lower case).

The lists live in data/resume/vocab.json; what each one holds is described there.
"""

from __future__ import annotations

from mock_interview.domain.tables import load_table

_TABLE = load_table("resume/vocab")

# Head words of job titles in many trades, not only software.
TITLE_WORDS = frozenset(_TABLE["title_words"])
# Phrases that make a title even without a head word above ("Scrum Master").
TITLE_PHRASES = tuple(_TABLE["title_phrases"])
COMPANY_WORDS = frozenset(_TABLE["company_words"])
INSTITUTION_WORDS = frozenset(_TABLE["institution_words"])
# Words that, capitalised at the top of a resume, are still not a person's name.
NOT_NAME_WORDS = frozenset(_TABLE["not_name_words"])
# Section-like labels inside experience entries that are never a title or an employer.
ENTRY_LABELS = frozenset(_TABLE["entry_labels"])
# State and province codes written after a city ("Denver, CO", "Toronto, ON"), upper case.
STATE_CODES = frozenset(_TABLE["state_codes"])
# States, provinces and countries often written after a city ("Pune, Maharashtra").
REGIONS = frozenset(_TABLE["regions"])
