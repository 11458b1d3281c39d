"""The words and colours every screen and report uses for scores, question kinds and statuses.

The score thresholds themselves are a domain fact (``domain/score_bands.py``); this module
only names the bands and picks their terminal colours.
"""

from __future__ import annotations

from mock_interview.domain.score_bands import FAIR_FROM, GOOD_FROM, band

# The four scores in the order stats tables list them; reports lead with overall.
DIMENSION_LABELS = {"technical": "Technical", "communication": "Communication",
                    "job_match": "Job match", "overall": "Overall"}
REPORT_DIMENSIONS = tuple((key, DIMENSION_LABELS[key])
                          for key in ("overall", "technical", "communication", "job_match"))
KIND_LABELS = {"technical": "Technical", "behavioral": "Behavioural", "situational": "Situational",
               "resume": "Your experience", "gap": "Skill gap", "follow-up": "Follow-up"}
STATUS_LABELS = {"answered": "Answered", "skipped": "Skipped", "unanswered": "Not answered",
                 "asked": "Awaiting an answer", "completed": "Completed", "in_progress": "In progress"}
BAND_LABELS = {"good": "strong", "fair": "fair", "weak": "weak"}
BAND_RANGES = {"good": f"{GOOD_FROM}–100", "fair": f"{FAIR_FROM}–{GOOD_FROM - 1}",
               "weak": f"0–{FAIR_FROM - 1}"}
BAND_STYLES = {"good": "green", "fair": "yellow", "weak": "red", "none": "dim"}


def score_style(score: float | None) -> str:
    """The Rich colour for a score: green, yellow or red by band; dim without a score."""
    return BAND_STYLES[band(score)]


def whole(score: float) -> str:
    """A 0-100 score shown whole, rounded from the one-decimal value the JSON reports, so the
    screen and the JSON never disagree (43.46 is 43.5 in JSON, so 44 on screen)."""
    return f"{round(score, 1):.0f}"
