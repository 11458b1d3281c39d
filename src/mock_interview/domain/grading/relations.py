"""Claims whose words are all right but in the wrong places: formulas with their terms moved
across the "=", sums with a sign turned, ratios read backwards and complexity classes traded
for others.

A multiplicative formula ``A = B × C / D`` says the same as ``A × D = B × C`` and as
``B = A × D / C``: it is read as the two sides of that product equation, so any rearrangement
matches and only a term moved to the other side ("flow time = WIP × throughput" against
"WIP = throughput × flow time") differs.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mock_interview.domain.grading import text as tx

_EQUALS_RE = re.compile(r"\s*(?:=|\bequals?\b|\bis\s+equal\s+to\b|\bis\s+(?:calculated|computed)"
                        r"\s+as\b|\bis\b|\bare\b|\bgives\b)\s*", re.I)
_TIMES_RE = re.compile(r"\s*(?:[×*]|\bx\b|\btimes\b|\bmultiplied\s+by\b)\s*", re.I)
_DIVIDED_RE = re.compile(r"\s*(?:/|÷|\bdivided\s+by\b)\s*", re.I)
# A formula's side ends where its clause ends.
_SIDE_END_RE = re.compile(r"[,;:()]|\b(?:and|or|so|which|because|since|but|while|whereas)\b|"
                          r"\.(?:\s|$)", re.I)
# The left side also starts after a verb of saying ("Little's law says flow time = ...").
_LEFT_START_RE = re.compile(r"\b(?:says|say|states|state|means|that|is|are|then)\b", re.I)
_NAME_SLASH_RE = re.compile(r"\b\w+/\w+\b")  # "A/B test", "on/off", "CI/CD": names, not ratios
_COMPLEXITY_RE = re.compile(r"\bO\(\s*([^()]*(?:\([^()]*\)[^()]*)*)\)")
_RATIO_RE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?::|\bto\b)\s*(\d+(?:\.\d+)?)(?![\d.:])",
                       re.I)
MAX_SIDE_TERMS = 4  # content words of one side; more is prose, not a formula


Term = frozenset[str]  # the stems of one quantity ("flow time")
Formula = frozenset[frozenset[Term]]  # the two sides of a product equation


def _terms(text: str, splitter: re.Pattern[str]) -> frozenset[Term]:
    return frozenset(t for t in (frozenset(tx.content_stems(p)) for p in splitter.split(text))
                     if t)


@lru_cache(maxsize=8192)
def formulas(text: str) -> tuple[Formula, ...]:
    """Every multiplicative formula in ``text``, each as the two sides of its product equation.
    A formula needs "=" or a verb of equality and a "×" or "/" among its few words."""
    found = []
    for match in _EQUALS_RE.finditer(text):
        before = text[: match.start()]
        cut = list(_SIDE_END_RE.finditer(before)) + list(_LEFT_START_RE.finditer(before))
        left = before[max(c.end() for c in cut):] if cut else before
        after = text[match.end():]
        stops = [m.start() for m in (_SIDE_END_RE.search(after), _EQUALS_RE.search(after)) if m]
        right = after[: min(stops)] if stops else after
        right = _NAME_SLASH_RE.sub(" ", right)
        if not (_TIMES_RE.search(right) or _DIVIDED_RE.search(right)):
            continue
        numerator, denominator = _split_division(right)
        lhs = _terms(left, _TIMES_RE)
        factors = _terms(numerator, _TIMES_RE)
        below = _terms(denominator, _TIMES_RE)
        words = sum(len(t) for t in lhs | factors | below)
        if len(lhs) != 1 or not factors or words > 3 * MAX_SIDE_TERMS \
                or any(len(t) > MAX_SIDE_TERMS for t in lhs | factors | below):
            continue
        one, other = lhs | below, factors
        if one & other:
            continue
        found.append(frozenset([one, other]))
    return tuple(found)


def _split_division(right: str) -> tuple[str, str]:
    """Numerator and denominator of a formula's right side ("" when it divides nothing)."""
    parts = _DIVIDED_RE.split(right, maxsplit=1)
    return (parts[0], parts[1]) if len(parts) == 2 else (parts[0], "")


def _aligned(theirs: Formula, ours: Formula) -> Formula | None:
    """``theirs`` written with the point's terms: each of its terms is the one point term it
    shares a word with ("throughput" for "throughput rate"); None unless that pairs every
    term of each with one of the other."""
    point_terms = [t for side in ours for t in side]
    mapped: dict[Term, Term] = {}
    for side in theirs:
        for term in side:
            matches = [term] if term in point_terms else [
                p for p in point_terms if p & term and p not in frozenset().union(*theirs)]
            if len(matches) != 1 or matches[0] in mapped.values():
                return None
            mapped[term] = matches[0]
    if len(mapped) != len(point_terms):
        return None
    return frozenset(frozenset(mapped[t] for t in side) for side in theirs)


def swapped_formula(point: str, sentence: str) -> tuple[str, str] | None:
    """The sentence's formula relates the point's terms but puts one on the other side."""
    ours = formulas(point)
    theirs = [(f, a) for f in formulas(sentence) for a in [_aligned_any(f, ours)] if a]
    if not ours or not theirs or any(a == m for _f, a in theirs for m in ours):
        return None  # no formula of the point's terms, or the point's own formula
    for formula, aligned in theirs:
        for mine in ours:
            if _aligned(formula, mine) == aligned:
                return _shown(mine), _shown(formula)
    return None


def same_formula(point: str, sentence: str) -> bool:
    """Does the sentence write one of the point's formulas, in any arrangement, with the
    point's own terms ("schedule performance index" is not "cost performance index")?"""
    ours = formulas(point)
    return any(f in ours for f in formulas(sentence))


def _aligned_any(formula: Formula, ours: tuple[Formula, ...]) -> Formula | None:
    return next((a for a in (_aligned(formula, m) for m in ours) if a), None)


def _shown(formula: Formula) -> str:
    sides = sorted(" × ".join(sorted(" ".join(sorted(t)) for t in side)) for side in formula)
    return " = ".join(sides)


def _complexity(raw: str) -> str:
    return re.sub(r"\s+", "", raw.lower()).replace("^", "").replace("*", "")


@lru_cache(maxsize=8192)
def complexities(text: str) -> frozenset[str]:
    """The complexity classes written in ``text`` ("O(log n)" as "logn")."""
    return frozenset(_complexity(m.group(1)) for m in _COMPLEXITY_RE.finditer(text))


@lru_cache(maxsize=8192)
def ratios(text: str) -> frozenset[tuple[str, str]]:
    """The ratios written as "3:1" or "3 to 1" (not times of day, not ranges of more digits)."""
    out = set()
    for match in _RATIO_RE.finditer(text):
        a, b = match.group(1), match.group(2)
        if ":" in match.group(0) and len(b) == 2 and float(b) < 60 and "." not in a:
            continue  # "10:30" is a time
        out.add((a, b))
    return frozenset(out)


def other_figure(point: str, sentence: str) -> tuple[str, str] | None:
    """The sentence, about what the point speaks of, gives another complexity class or the
    point's ratio reversed, and never the point's own."""
    ours, theirs = complexities(point), complexities(sentence)
    if ours and theirs and not ours & theirs:
        return "O(" + sorted(ours)[0] + ")", "O(" + sorted(theirs)[0] + ")"
    our_ratios, their_ratios = ratios(point), ratios(sentence)
    for a, b in our_ratios:
        if a != b and (b, a) in their_ratios and (a, b) not in their_ratios:
            return f"{a}:{b}", f"{b}:{a}"
    return None


# "4.5:1 for normal body text", "74C for poultry", "2 to 3 for atrial fibrillation": a figure
# or a range and what it is for.
_FIGURE_FOR_RE = re.compile(
    r"(?<![\w.])(?:(\d+(?:\.\d+)?)\s*(?:-|\u2013|to)\s*)?"
    r"(\d+(?:\.\d+)?(?:\s*:\s*\d+(?:\.\d+)?)?)\s*(?:%|°\s*[cf]|per\s*cent|[a-z]{1,8})?"
    r"\s+for\s+((?:[a-z-]+\s+){0,3}?[a-z-]+)"
    r"(?=\s*(?:[,;.:)]|\band\b|\bor\b|\bbut\b|\bwhile\b|$))", re.I)
Span = tuple[float, float, str]  # low, high, and what follows ":" in a ratio


def _figures_for(text: str) -> dict[frozenset[str], set[Span]]:
    out: dict[frozenset[str], set[Span]] = {}
    for match in _FIGURE_FOR_RE.finditer(text):
        target = frozenset(tx.content_stems(match.group(3)))
        if not target:
            continue
        value, _colon, per = re.sub(r"\s+", "", match.group(2)).partition(":")
        if match.group(1) and not per and float(value) == 1:
            value, per = match.group(1), "1"  # "4.5 to 1" is the ratio 4.5:1
            high = low = float(value)
        else:
            high = float(value)
            low = float(match.group(1)) if match.group(1) else high
        low, high = min(low, high), max(low, high)
        # "at least 4.5:1" is met by 7:1; "below 2" by 1.5
        bound = _BOUND_BEFORE_RE.search(text[max(0, match.start() - 16):match.start()])
        if bound and bound.group(1):
            high = float("inf")
        elif bound:
            low = float("-inf")
        out.setdefault(target, set()).add((low, high, per))
    return out


_BOUND_BEFORE_RE = re.compile(r"(?:\b(at least|minimum of|more than|over|above|no less than)|"
                              r"\b(?:at most|up to|maximum of|less than|below|under|no more than))"
                              r"\s*$", re.I)


def _agree(ours: Span, theirs: Span) -> bool:
    """Does a figure agree with the point's: the same bound when both are bounds of one
    kind ("at least 3:1" is not "at least 4.5:1"), else a value or range within it."""
    if ours[2] != theirs[2]:
        return False
    if ours[1] == theirs[1] == float("inf"):
        return ours[0] == theirs[0]
    if ours[0] == theirs[0] == float("-inf"):
        return ours[1] == theirs[1]
    return theirs[0] <= ours[1] and ours[0] <= theirs[1]


def other_figure_for(point: str, sentence: str) -> tuple[str, str, frozenset[str]] | None:
    """The sentence gives another figure for exactly what the point gives its figure for
    ("3:1 for normal body text" against "4.5:1 for normal body text"), and none that agrees
    with the point's for it (a value inside the point's range agrees), whatever figures it
    gives for other things: the two figures and what they are for."""
    theirs = _figures_for(sentence)
    for target, values in _figures_for(point).items():
        said = theirs.get(target, set())
        if said and not any(_agree(o, t) for o in values for t in said):
            ours, other = sorted(values)[0], sorted(said)[0]
            return _shown_span(ours), _shown_span(other), target
    return None


def _shown_span(span: Span) -> str:
    low, high, per = span
    shown = f"{low:g}" if low == high or abs(high) == float("inf") else \
        f"{high:g}" if abs(low) == float("inf") else f"{low:g} to {high:g}"
    return f"{shown}:{per}" if per else shown


# ---- sums: "CCC = DIO + DSO - DPO", "days inventory plus days sales minus days payables" ----

_SIGN_RE = re.compile(r"\s*(\+|\bplus\b|\s[-\u2212\u2013]\s|\bminus\b|\bless\b)\s*", re.I)
_SUM_EQUALS_RE = re.compile(r"=|\bequals?\b|\bis\s+(?:calculated|computed)\s+as\b|\bis\b", re.I)
_SUM_END_RE = re.compile(r"[,;:()]|\b(?:so|which|because|since|but|while|whereas|and)\b"
                         r"|\.(?:\s|$)", re.I)
MAX_SUM_TERMS = 5

Sum = frozenset[tuple[Term, int]]  # the terms of a sum's right side, each with its sign


@lru_cache(maxsize=8192)
def sums(text: str, with_minus: bool = True) -> tuple[Sum, ...]:
    """Every sum of three or more terms ("A = B + C - D"), with at least one minus unless
    ``with_minus`` is off, as its right side's terms with their signs."""
    found = []
    for match in _SUM_EQUALS_RE.finditer(text):
        after = text[match.end():]
        end = _SUM_END_RE.search(after)
        right = after[: end.start()] if end else after
        pieces = _SIGN_RE.split(" " + right)
        if len(pieces) < 5:  # at least two operators
            continue
        signs = [1] + [-1 if p.strip().lower() in ("-", "\u2212", "\u2013", "minus", "less")
                       else 1 for p in pieces[1::2]]
        terms = [frozenset(tx.content_stems(p)) for p in pieces[0::2]]
        if (with_minus and -1 not in signs) or not all(terms) or len(terms) > MAX_SUM_TERMS \
                or any(len(t) > MAX_SIDE_TERMS for t in terms):
            continue
        if len(set(terms)) != len(terms):
            continue
        found.append(frozenset(zip(terms, signs, strict=True)))
    return tuple(found)


def _sum_aligned(theirs: Sum, ours: Sum) -> Sum | None:
    """``theirs`` written with the point's terms, each matched to the one point term it
    shares the most words with; None unless every term pairs with one of the other."""
    point_terms = [t for t, _sign in ours]
    mapped: dict[Term, Term] = {}
    for term, _sign in theirs:
        best = max(len(term & p) for p in point_terms)
        matches = [p for p in point_terms if len(term & p) == best and best]
        if len(matches) != 1 or matches[0] in mapped.values():
            return None
        mapped[term] = matches[0]
    if len(mapped) != len(point_terms):
        return None
    return frozenset((mapped[t], sign) for t, sign in theirs)


def changed_signs(point: str, sentence: str) -> tuple[str, str] | None:
    """The sentence sums the point's terms with other signs ("DIO + DSO + DPO" against
    "DIO + DSO - DPO"); the same sum with every sign turned is the same equation."""
    ours = sums(point)
    if not ours:
        return None
    for theirs in sums(sentence, with_minus=False):
        for mine in ours:
            aligned = _sum_aligned(theirs, mine)
            if aligned is None or aligned == mine:
                continue
            if aligned == frozenset((t, -sign) for t, sign in mine):
                continue
            return _shown_sum(mine), _shown_sum(aligned)
    return None


def _shown_sum(terms: Sum) -> str:
    return " ".join(("+ " if sign > 0 else "- ") + " ".join(sorted(t))
                    for t, sign in sorted(terms, key=lambda x: (-x[1], sorted(x[0]))))


_RELATION_HINT_RE = re.compile(r"[=×*/÷:+]|\bO\(|\b(?:equals|times|divided|multiplied|to|minus|plus)\b"
                               r"|\d\s*(?:%|°\s*[cf]|[a-z]{1,8})?\s+for\b", re.I)


@lru_cache(maxsize=4096)
def has_relation(text: str) -> bool:
    """Does ``text`` state a formula, a ratio or a complexity class (a cheap first look)?"""
    if not _RELATION_HINT_RE.search(text):
        return False
    return bool(formulas(text) or complexities(text) or ratios(text) or sums(text)
                or _figures_for(text))
