"""What a score (0-100) means: the bands every screen and report colours by, and the scale
the grader is calibrated to. Pure data; the words people read are in ``cli/render/labels.py``."""

from __future__ import annotations

from typing import Literal

Band = Literal["good", "fair", "weak", "none"]

GOOD_FROM = 70  # a score at or above this is strong
FAIR_FROM = 45  # at or above this (and under GOOD_FROM) is fair; under it, weak

# What a score means, the same for every dimension and both engines (README, result screen).
SCORE_BANDS = (
    ("80-100", "an excellent answer"),
    ("45-70", "correct but thin"),
    ("45 or less", "wrong claims outweigh the right ones"),
    ("20 or less", "no real answer (empty, don't know, off topic, a copy of the question)"),
)


def band(score: float | None) -> Band:
    """good, fair or weak by the thresholds above; "none" when there is no score."""
    if score is None:
        return "none"
    return "good" if score >= GOOD_FROM else "fair" if score >= FAIR_FROM else "weak"


def bands_line() -> str:
    return " · ".join(f"{band} {meaning}" for band, meaning in SCORE_BANDS)
