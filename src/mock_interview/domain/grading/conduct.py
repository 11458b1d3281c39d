"""Red flags in a work story: the speaker leaving out a step (telling, checking, involving,
measuring, changing what let it happen), acting against others (blame, hiding, going around
someone, taking credit), putting appearances first, putting the fault on others or on luck, or
waving away the check the work needs.

A hiring manager hears these whatever the question's key points say, so they are read from a
table of phrases (``data/grading/conduct.json``), each only where the speaker is the one who
did it, and not where the story sets it aside ("rather than blaming", "the last lead had hidden
it") or draws a lesson from it ("next time I would tell").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from mock_interview.domain.grading import text as tx

# Past omissions only: "we never tell customers a date we can't hit" is a principle.
NEGATION = r"(?:didn'?t|did not|never bothered to|couldn'?t be bothered to|chose not to|decided not to|forgot to)"
# "My approach was to lock the booking system without telling him": the speaker's own act.
SPEAKER = r"(?:i|we|my (?:approach|plan|solution|fix|response|answer|move|decision) was to)"
_SET_ASIDE_RE = re.compile(
    r"\b(?:rather than|instead of|not by|avoid(?:ed|ing)?|refused to|wouldn'?t|won'?t|never would|"
    r"the (?:last|previous|old|other)|they had|he had|she had|had been|used to|"
    r"next time|in hindsight|looking back|learned|learnt|lesson|(?:i|we) (?:should|would) have|"
    r"if i had|if we had|mistake was)\b")
# What the feedback says of each kind of red flag.
LABELS = {
    "omitted": "a red flag: the story leaves out a step others rely on (telling, checking, involving people)",
    "acts": "a red flag: acting against others or around the process",
    "motives": "a red flag: appearances put before the problem",
    "without": "a red flag: acting without the check, evidence or approval the work needs",
    "left_out": "a red flag: the story leaves out a step others rely on (telling, checking, involving people)",
    "deflects": "a red flag: the fault put on others or on luck, with nothing owned or learned",
    "dismisses": "a red flag: the check, data or review the work needs waved away",
    "motives_anywhere": "a red flag: appearances put before the problem",
}
# The fault named and then owned, after it: "it was the vendor's bug, but I still rewrote our
# retries".
_STILL_OWNS_RE = re.compile(r"\b(?:but|though|although|still|even so)\b[^.;]*\b(?:i|we)\b"
                            r"|\band (?:i|we) (?:was|were) (?:the|a|an|their|his|her)\b"
                            r"|\b(?:i|we) (?:owned|own|took (?:ownership|responsibility))\b")
# Read wherever they sit in a sentence of the story: "... in small amounts so the change
# wouldn't stand out" is the speaker's own aim however far from "I" it is said.
_ANYWHERE = frozenset(["deflects", "dismisses", "motives_anywhere"])
_PREFERENCES = frozenset(["rather than", "instead of"])
# An aim is the speaker's whatever words stand before it ("so the change wouldn't stand out").
_AIMS = frozenset(["motives", "motives_anywhere"])
_CLAUSE_BREAK_RE = re.compile(r"[,;:]\s*(?:i|we)\b")
# The check waved away, and something done in its place.
_MADE_UP_FOR_RE = re.compile(r"\binstead\b|\bso (?:i|we) (?:ran|did|used|held|tested|checked|asked|"
                             r"called|got|had|took|escalated|passed|referred|raised)\b")
_DONE_INSTEAD_RE = re.compile(r"[;:]\s*(?:i|we)\b|\b(?:instead|first|but i|but we)\b")
_SENTENCE_GAP = 60  # characters between the speaker and what the speaker did


@dataclass(frozen=True)
class RedFlag:
    span: tuple[int, int]  # the sentence
    kind: str  # a key of LABELS


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    data = tx.load_data("conduct")
    omitted = "|".join(f"(?:{p})" for p in data["omitted"])
    acts = "|".join(f"(?:{p})" for p in data["acts"])
    motives = "|".join(f"(?:{p})" for p in data["motives"])
    without = "|".join(f"(?:{p})" for p in data["without"])
    left_out = "|".join(f"(?:{p})" for p in data["left_out"])
    anywhere = {kind: re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in data[kind]) + ")")
                for kind in _ANYWHERE}
    # A colon opens another clause with a subject of its own ("I worked out the cause: the
    # key didn't include the currency").
    near = rf"[^.;:!?]{{0,{_SENTENCE_GAP}}}?"
    return {
        "omitted": re.compile(rf"\b{SPEAKER}\b(?:'d)?{near}\b{NEGATION} "
                              rf"(?:even |really |ever |bother to |just )?(?:{omitted})"),
        "acts": re.compile(rf"\b{SPEAKER}\b{near}\b(?:{acts})"),
        "motives": re.compile(rf"\b{SPEAKER}\b{near}\b(?:{motives})"),
        "without": re.compile(rf"\b{SPEAKER}\b{near}\bwithout (?:first |even |any )?(?:{without})\b"),
        "left_out": re.compile(rf"\b{SPEAKER}\b{near}\b(?:{left_out})"),
        **anywhere,
    }


# A question about one's own mistake or the criticism one got asks for the check or step
# that was left out: telling it is owning it. Not telling the people affected, blame, hiding
# and vanity stay red flags there too.
_TELLING_RE = re.compile(r"\b(?:tell|telling|inform|informing|mention|raise|flag|report|disclose|"
                         r"escalate|notify|warn|alert|loop in|update)\b")
_ASKS_FOR_A_MISTAKE_RE = re.compile(
    r"\b(?:mistake|error|slip|fail(?:ed|ure)?|went wrong|go wrong|critici[sz]\w*|critical feedback|lost|"
    r"negative feedback|tough feedback|hard feedback|regret|dropped the ball|missed|"
    r"did(?:n't| not) (?:go|work|perform))\b", re.I)
_OWNED_KINDS = frozenset(["omitted", "without", "left_out"])
_AFTER_NEGATION_RE = re.compile(r"n't\b|\b(?:without|not|never)\b")


def red_flags(answer: str, question: str = "") -> list[RedFlag]:
    """The sentences of a story in which the speaker does one of the table's things."""
    lowered = tx.lower_same_length(answer)
    owning = bool(_ASKS_FOR_A_MISTAKE_RE.search(question))
    found = []
    for start, end in tx.sentence_spans(answer):
        sentence = lowered[start:end]
        for kind, pattern in _patterns().items():
            match = pattern.search(sentence)
            if match is None:
                continue
            if owning and kind in _OWNED_KINDS \
                    and not _TELLING_RE.search(_AFTER_NEGATION_RE.split(match.group(0))[-1]):
                continue
            before = sentence[:match.end()]
            # What follows up to the full stop: a clause cut at ";" goes on in the next span.
            rest = lowered[start + match.end():]
            after = rest[:rest.find(".") + 1] if "." in rest else rest
            if kind not in _AIMS and any(
                    not (aside.group() in _PREFERENCES
                         and _CLAUSE_BREAK_RE.search(sentence, aside.end(), match.end()))
                    for aside in _SET_ASIDE_RE.finditer(before)):
                # "rather than blaming the vendor" sets the act aside; "Rather than reopen
                # the period, I quietly reversed it" does what it preferred.
                continue
            if kind == "deflects" and _STILL_OWNS_RE.search(after):
                continue
            if kind == "dismisses" and (_MADE_UP_FOR_RE.search(after)
                                        or _STILL_OWNS_RE.search(after)):
                continue  # "no time for testing, so we ran five hallway tests instead"
            if kind == "omitted" and _DONE_INSTEAD_RE.search(after):
                continue  # "I didn't ask them to repeat it; I read the history first"
            found.append(RedFlag((start, end), kind))
            break
    return found
