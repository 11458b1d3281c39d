"""What a coach says around an answer: prompts before it, a short note after it, a model answer.

Pure functions over a question's key points, a grade's feedback (``AnswerGrade.to_json()``)
and the person's resume facts; nothing here grades.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from mock_interview.domain.grading.text import content_words, load_data, stem

NOTE_WIDTH = 110  # characters of a quoted point or claim before it is shortened
# Weaknesses that are not tips: the note names wrong claims and missed points itself.
_NOT_TIPS = ("Wrong:", "Did not clearly cover:")
_PRONOUNS = {"they": "you", "their": "your", "them": "you", "themselves": "yourself",
             "theirs": "yours", "they're": "you're", "they've": "you've"}
_NUMBER = re.compile(r"\d")
_FINITE = frozenset("are is was were can could should must may might will would have has do does "
                    "need needs".split())


def _short(text: str, width: int = NOTE_WIDTH) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + "…"


def _rubric_leading() -> frozenset[str]:
    return frozenset(load_data("words")["rubric_leading"])


def is_rubric_point(point: str) -> bool:
    """A point that describes what an answer does ("Explains how …") rather than a fact."""
    words = point.strip().lower().split()
    if not words or words[0].strip(",.;:") not in _rubric_leading():
        return False
    return len(words) < 2 or words[1] not in _FINITE  # "Lists are …" is a fact about lists


def _imperative(point: str) -> str:
    """"Explains how they noticed it" -> "Explain how you noticed it"."""
    head, _, rest = point.strip().partition(" ")
    word = head.lower()
    if word.endswith(("ches", "shes", "sses", "xes", "zes")):
        word = word[:-2]
    elif word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    words = [_PRONOUNS.get(w.lower(), w) for w in rest.split(" ")] if rest else []
    return " ".join([word.capitalize(), *words]).strip()


def hint_prompts(question: str, key_points: Sequence[str]) -> list[str]:
    """One prompt per key point, pointing at what to cover without saying it: a rubric point
    becomes an instruction, a fact its cue words (those the question does not already use)."""
    asked = {stem(w) for w in content_words(question)}
    prompts = []
    for point in key_points:
        if not point or not point.strip():
            continue
        if is_rubric_point(point):
            prompts.append(_short(_imperative(point)))
            continue
        cues = [w for w in dict.fromkeys(content_words(point)) if stem(w) not in asked]
        cues = cues or list(dict.fromkeys(content_words(point)))
        prompts.append("Touch on: " + " · ".join(cues[:3]) if cues else _short(point, 40))
    return prompts


def answer_note(feedback: Mapping[str, Any] | None) -> dict[str, str]:
    """The note after an answer: a wrong claim (first, when there is one), the point best made,
    the most important point missed and one tip; only the parts there is something to say for."""
    feedback = feedback or {}
    note: dict[str, str] = {}
    claims = feedback.get("wrong_claims") or []
    if claims:
        claim = claims[0]
        against = claim.get("contradicts") or claim.get("misconception") or ""
        note["wrong_claim"] = f"“{_short(claim.get('quote', ''), 80)}”" + (
            f" — but: {_short(against, 80)}" if claim.get("contradicts") else "")
    best = _best_point(feedback)
    if best:
        note["best"] = best
    missed = _missed(feedback)
    if missed:
        note["missed"] = missed
    tip = _tip(feedback, bool(missed))
    if tip:
        note["tip"] = tip
    return note


def _best_point(feedback: Mapping[str, Any]) -> str | None:
    flags = set(feedback.get("flags") or [])
    if flags & {"off-topic", "copied-question", "non-answer", "empty", "gibberish", "dont-know"}:
        return None
    covered = [p for p in feedback.get("covered_points") or [] if p]
    quotes = {e.get("point"): e.get("quote") for e in feedback.get("evidence") or []
              if e.get("polarity") == "strength" and e.get("point") and e.get("quote")}
    for point in covered:
        if point in quotes:
            return f"{_short(point, 70)} (“{_short(quotes[point], 60)}”)"
    if covered:
        return _short(covered[0])
    strengths = [s for s in feedback.get("strengths") or [] if s]
    return _short(strengths[0]) if strengths else None


def _missed(feedback: Mapping[str, Any]) -> str | None:
    missed = [p for p in feedback.get("missed_points") or [] if p]
    if missed:
        point = missed[0]
        return _short(_imperative(point) if is_rubric_point(point) else point)
    for weakness in feedback.get("weaknesses") or []:  # said only of story (STAR) questions
        if weakness.startswith("No clear ") and weakness.endswith("(STAR)"):
            return f"a clear {weakness.removeprefix('No clear ').removesuffix(' (STAR)')} (STAR)"
    return None


def _tip(feedback: Mapping[str, Any], missed: bool) -> str | None:
    for weakness in feedback.get("weaknesses") or []:
        if weakness and not weakness.startswith(_NOT_TIPS) and "(STAR)" not in weakness:
            return _short(weakness)
    if missed:
        return "/retry answers it again with what was missed; the better attempt counts"
    return None


def note_lines(note: Mapping[str, str]) -> list[str]:
    """The note as one or two plain lines."""
    first = []
    if note.get("wrong_claim"):
        first.append(f"Not right: {note['wrong_claim']}")
    if note.get("best"):
        first.append(f"Best: {note['best']}")
    if note.get("missed"):
        first.append(f"Missed: {note['missed']}")
    lines = [" · ".join(first)] if first else []
    if note.get("tip"):
        lines.append(f"Tip: {note['tip']}")
    return lines


# -- model answers -----------------------------------------------------------------------------

def resume_examples(experience: Sequence[Any] | None) -> list[tuple[str | None, str]]:
    """(role, bullet) pairs from a parsed resume's experience, most recent role first."""
    out = []
    for entry in experience or []:
        if not isinstance(entry, Mapping):
            continue
        title, company = entry.get("title"), entry.get("company")
        role = f"{title} at {company}" if title and company else title or company
        out.extend((role, b) for b in entry.get("bullets") or [] if isinstance(b, str) and b.strip())
    return out


def _example(examples: Sequence[tuple[str | None, str]], topic: str) -> tuple[str | None, str | None]:
    """The (role, bullet) closest to ``topic``: most words shared, a bullet with a number
    winning ties, the most recent role first; (None, None) without any."""
    wanted = {stem(w) for w in content_words(topic)}
    best: tuple[str | None, str | None] = (None, None)
    best_key = (-1, False)
    for role, bullet in examples:
        key = (len(wanted & {stem(w) for w in content_words(bullet)}), bool(_NUMBER.search(bullet)))
        if key > best_key:
            best, best_key = (role, bullet), key
    return best


def _sentence(text: str) -> str:
    text = " ".join(text.split()).rstrip(" .;")
    return text[:1].upper() + text[1:] + "." if text else ""


def _as_first_person(bullet: str) -> str:
    """"Cut checkout latency by 40%" -> "I cut checkout latency by 40%"."""
    text = " ".join(bullet.split()).rstrip(" .;")
    first = text.split(" ", 1)[0]
    if first.lower() in {"i", "we", "my", "our"}:
        return text
    if first.lower() in {"responsible", "accountable", "involved"}:
        return "I was " + text[:1].lower() + text[1:]
    if first[:1].isupper() and not first.isupper():  # a bullet that starts with its verb
        return "I " + text[:1].lower() + text[1:]
    return f"I worked on: {text}"


def model_answer(question: str, key_points: Sequence[str],
                 examples: Sequence[tuple[str | None, str]] = (), *,
                 skill: str | None = None, star: bool = False) -> str:
    """A model answer composed from the key points and the person's own resume: the facts a
    strong answer states, or for a story question its outline, anchored on the resume's
    closest example. Never invents numbers: every figure comes from the resume."""
    points = [p for p in key_points if p and p.strip()]
    topic = " ".join([question, skill or "", *points])
    role, bullet = _example(examples, topic)
    rubric = [p for p in points if is_rubric_point(p)]
    facts_points = [p for p in points if not is_rubric_point(p)]
    lines: list[str] = []
    if facts_points:
        lines.append(" ".join(_sentence(p) for p in facts_points))
    if rubric or star:
        if bullet:
            anchor = f"as {role}, " if role else ""
            lines.append(f"Tell one story from your resume, for instance: {anchor}{_as_first_person(bullet)}.")
        for point in rubric:
            lines.append(f"- {_sentence(_imperative(point))}")
        if bullet and _NUMBER.search(bullet):
            lines.append(f"- Close with the result in numbers, as your resume does: “{_short(bullet, 90)}”.")
    elif bullet and role:
        shared = {stem(w) for w in content_words(topic)} & {stem(w) for w in content_words(bullet)}
        if shared:
            lines.append(f"For example, as {role}, {_as_first_person(bullet)}.")
    return "\n".join(line for line in lines if line)
