"""What an answer claims, clause by clause: which words it asserts and which it denies, and
whether a sentence contradicts a key point or asserts a known misconception.

A statement is read as clauses of content stems, each stem asserted or denied (inside the
scope of "not", "never", "no", "without", "rather than", ...). A sentence contradicts a
key point when, talking about the same thing, it

- flips polarity: denies what the point asserts, or asserts what the point denies;
- swaps in an antonym: "once" where the point says "every", "before" for "after"; or
  qualifies the same thing with the opposite word ("the highest cost of goods sold" against
  "lower cost of goods sold"), even in a point that names both words of the pair;
- swaps roles: the point ties a property to one of two things the question contrasts
  ("agg collapses each group, transform keeps the rows") and the sentence ties it to the
  other.

Misconceptions (common wrong claims written with a bank question) are matched like key
points, and count only when the sentence asserts rather than denies them. "Avoid X" denies X,
and a sentence about one's own practice ("I discount at once") answers advice as advice does.
A sentence about the other of two things the question contrasts contradicts nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections.abc import Iterable
from functools import cached_property, lru_cache

from mock_interview.domain.grading import text as tx

_NEGATORS = frozenset([
    "not", "no", "never", "without", "cannot", "nor", "neither", "none", "nothing", "nobody",
    "nowhere", "lacks", "lack", "lacking", "rarely", "seldom", "hardly", "barely",
    # "avoid discounting immediately" denies the discount as "never discount at once" does
    "avoid", "avoids", "avoiding", "refrain", "refrains",
])
# A sentence about one's own practice ("I respond with a discount at once") answers advice
# ("avoid discounting immediately") as advice would.
_PRACTICE_WORDS = frozenset(["i", "we", "i'd", "we'd", "i'll", "we'll", "my", "our"])
# "not only X but also Y" asserts X.
_NOT_NEGATING_NEXT = frozenset([
    "only", "just", "merely", "simply", "necessarily",
    # "no more than 10 an hour" sets a limit, it denies nothing
    "more", "less", "later", "earlier", "faster", "slower", "greater", "fewer", "longer",
    "shorter", "higher", "lower", "sooner", "bigger", "smaller", "better", "worse", "matter",
    "doubt", "exception",
])
_LIMITING = frozenset(["just", "merely", "simply"])
_SCOPE_OPENERS = (("rather", "than"), ("instead", "of"), ("as", "opposed", "to"), ("no", "longer"),
                  ("in", "place", "of"), ("preferred", "over"), ("preferable", "to"))
_OPENER_FIRST = frozenset(o[0] for o in _SCOPE_OPENERS)
_CLAUSE_WORDS = frozenset([
    "but", "whereas", "while", "although", "though", "however", "because", "since", "so",
    "which", "unlike", "yet", "whilst", "instead",
])
# Stopwords elsewhere, but they carry the claim here ("once" / "every call", "before" / "after").
_POLAR_WORDS = frozenset([
    "every", "each", "all", "before", "after", "more", "less", "most", "same", "only", "once",
    "few", "many", "both", "above", "below", "up", "down", "over", "under", "again", "first",
    "last", "always", "fewer", "least",
])
_SCOPE_ENDERS = frozenset(["and", "or", "then"])
_COPULAS = frozenset(["is", "are", "was", "were"])
_CONDITIONS = frozenset(["if", "unless", "whether", "when", "whenever", "until", "once"])
_HABIT_OPENERS = frozenset(["when", "whenever"])
_SPEAKERS = frozenset(["i"])  # "when we ..." is as often the generic "we" of a textbook
# Words of advice: "you should not rebase pulled commits" is contradicted by advice to do
# it, not by a sentence saying what a rebase does.
_ADVICE_WORDS = frozenset(["should", "shouldn't", "must", "mustn't", "ought", "shall",
                           "never", "avoid", "recommend", "recommended", "best", "fine", "okay",
                           "ok", "safe", "can", "may", "need", "needs", "allowed"])
_SCOPE_WORDS = 3  # a negation reaches this many content words at most
_CLAUSE_PUNCT_RE = re.compile(r"[,;:()\u2013\u2014]|\s-\s")


@dataclass(frozen=True)
class Clause:
    start: int
    end: int
    stems: tuple[str, ...]  # content stems in order
    positions: tuple[int, ...]  # token index of each stem within its sentence
    denied: frozenset[str]  # stems inside a negation scope
    words: tuple[str, ...] = ()  # the written form of each stem
    denied_words: tuple[bool, ...] = ()  # whether each word sits in a negation scope
    conditional: bool = False  # opened by "if", "when", "unless": states no fact by itself
    heads: frozenset[str] = frozenset()  # the first word of each negation scope ("not *permitted*")
    advice: bool = False  # says what one should or should not do ("you should not rebase ...")

    @cached_property
    def asserted(self) -> frozenset[str]:
        """Stems said at least once outside a negation."""
        if self.denied_words:
            return frozenset(s for s, d in zip(self.stems, self.denied_words, strict=True) if not d)
        return frozenset(s for s in self.stems if s not in self.denied)


@dataclass(frozen=True)
class Statement:
    """One sentence (or key point) read as clauses."""

    start: int
    end: int
    clauses: tuple[Clause, ...]
    # A negation with no words of its own ("the bank has recorded them but we haven't"):
    # it denies the clause before, so the sentence says both sides of it.
    elided_negation: bool = False

    @cached_property
    def stems(self) -> frozenset[str]:
        return frozenset(s for c in self.clauses for s in c.stems)

    @cached_property
    def asserted(self) -> frozenset[str]:
        return frozenset(s for c in self.clauses for s in c.asserted)

    @cached_property
    def opposites(self) -> frozenset[str]:
        """The antonyms of its stems (a key point is compared with every sentence)."""
        return frozenset(o for s in self.stems for o in antonyms_of(s))

    @cached_property
    def denied(self) -> frozenset[str]:
        return frozenset(s for c in self.clauses for s in c.denied)

    def words(self) -> list[str]:
        """Its written content words in order, asserted or denied."""
        return [w for clause in self.clauses for w in clause.words]

    def ordered(self) -> list[tuple[int, str]]:
        return self._ordered

    @cached_property
    def _ordered(self) -> list[tuple[int, str]]:
        return [(p, s) for c in self.clauses for p, s in zip(c.positions, c.stems, strict=True)]


_POLAR_WORDS_STEMS = frozenset(tx.stem(w) for w in _POLAR_WORDS)


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return tx.stopwords() - _POLAR_WORDS


def _is_negator(word: str) -> bool:
    return word in _NEGATORS or word.endswith("n't")


@lru_cache(maxsize=8192)
def read_statement(text: str, start: int = 0, end: int | None = None) -> Statement:
    """Clauses of ``text[start:end]`` with their asserted and denied stems."""
    end = len(text) if end is None else end
    piece = text[start:end]
    stop = _stopwords()
    breaks = sorted({m.start() for m in _CLAUSE_PUNCT_RE.finditer(piece)})
    tokens = tx.tokens(piece)
    clauses: list[Clause] = []
    stems: list[str] = []
    positions: list[int] = []
    surfaces: list[str] = []
    in_scope: list[bool] = []
    denied: set[str] = set()
    heads: set[str] = set()
    scope_open = False  # no word of the current scope seen yet
    clause_start = 0
    conditional = False
    advice = False
    scope = False
    scope_words = 0
    break_index = 0
    habit = False  # inside "when I ...", before its main clause

    elided = False

    def close(at: int) -> None:
        nonlocal stems, positions, surfaces, in_scope, denied, clause_start, conditional, heads
        nonlocal advice, elided
        if scope and scope_open:
            elided = True
        if stems:
            clauses.append(Clause(start + clause_start, start + at, tuple(stems), tuple(positions),
                                  frozenset(denied), tuple(surfaces), tuple(in_scope),
                                  conditional, frozenset(heads), advice))
        if stems:
            # A condition with no words of its own yet ("if, say, ...") carries on to the
            # clause after the comma.
            conditional = False
        stems, positions, surfaces, in_scope, denied, heads = [], [], [], [], set(), set()
        advice = False
        clause_start = at

    words = [t.text for t in tokens]
    expansions = tx.expansions()
    skip = 0
    for index, token in enumerate(tokens):
        while break_index < len(breaks) and breaks[break_index] < token.start:
            close(breaks[break_index])
            scope, scope_words, habit = False, 0, False
            break_index += 1
        word = words[index]
        if word in _ADVICE_WORDS or word in _PRACTICE_WORDS:
            advice = True
        if skip:
            skip -= 1
            continue
        if scope and word == "way" and index and words[index - 1] in ("that", "this"):
            # "can't be prepared that way" denies a manner named elsewhere, not its own words:
            # read as denied, with no head, so no contradiction turns on it.
            heads.clear()
        if word == "yet" and index and _is_negator(words[index - 1]):
            continue  # "not yet recorded" still denies: "yet" opens no clause here
        if word in _CLAUSE_WORDS and stems:
            close(token.start)
            scope, scope_words = False, 0
        if habit and word in _SPEAKERS and stems:
            # "When I hear an objection I discount": the speaker's second "I" opens the main
            # clause even without a comma.
            close(token.start)
            scope, scope_words, habit = False, 0, False
        if word in _CONDITIONS and not (word == "once" and stems):
            close(token.start)
            following = words[index + 1] if index + 1 < len(words) else ""
            # "When I ..." tells what the speaker habitually does: a fact about their practice
            # to check like any other, unlike "if", which supposes.
            habit = word in _HABIT_OPENERS and following in _SPEAKERS
            scope, scope_words, conditional = False, 0, not habit
            continue
        opener = next((o for o in _SCOPE_OPENERS if tuple(words[index:index + len(o)]) == o),
                      None) if word in _OPENER_FIRST else None
        if opener:
            scope, scope_words, skip, scope_open = True, 0, len(opener) - 1, True
            continue
        if word in ("non", "un") and index + 1 < len(words):
            words[index + 1] = word + words[index + 1]  # "non static" names one thing
            continue
        if _is_negator(word):
            following = words[index + 1] if index + 1 < len(words) else ""
            if following not in _NOT_NEGATING_NEXT:
                scope, scope_words, scope_open = True, 0, True
            elif following in _LIMITING:
                # "not simply shipping a release" neither asserts nor denies the shipping:
                # read as denied, with no head, so no contradiction turns on it.
                scope, scope_words, scope_open = True, 0, False
            continue
        if word in _COPULAS and scope and scope_words and index and words[index - 1] not in stop:
            # "interest not yet recorded *are* adjustments": the negation qualified the
            # subject; the main verb starts what the clause asserts.
            scope, scope_words = False, 0
            continue
        if word in _SCOPE_ENDERS and scope and scope_words:
            following = words[index + 1] if index + 1 < len(words) else ""
            # "not created and initialised each time": the negation carries on to a verb.
            if not following.endswith(("ed", "ing")):
                scope, scope_words = False, 0
            continue
        # An abbreviation keeps its own stem beside its expansion: "FIFO or LIFO" contrasts
        # two words, while their expansions share most of theirs.
        parts = (word, *expansions[word]) if word in expansions else (word,)
        for part in parts:
            if part in stop or (len(part) < 2 and not part.isdigit() and part != "n"):
                continue
            stem = tx.stem(part.replace("'", ""))
            stems.append(stem)
            positions.append(index)
            surfaces.append(part)
            in_scope.append(scope)
            if scope:
                denied.add(stem)
                if scope_open:
                    heads.add(stem)
                    scope_open = False
        if scope and word not in stop:
            scope_words += 1
            if scope_words >= _SCOPE_WORDS:
                scope, scope_words = False, 0
    close(len(piece))
    return Statement(start, end, tuple(clauses), elided)


# ---- antonyms ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _antonyms() -> dict[str, frozenset[str]]:
    """Stem -> the stems that flip it."""
    index: dict[str, set[str]] = {}
    for left, right in tx.load_data("antonyms")["pairs"]:
        lefts = {tx.stem(w) for w in left.split("|")}
        rights = {tx.stem(w) for w in right.split("|")}
        for stem in lefts:
            index.setdefault(stem, set()).update(rights - lefts)
        for stem in rights:
            index.setdefault(stem, set()).update(lefts - rights)
    return {key: frozenset(value) for key, value in index.items()}


def antonyms_of(stem: str) -> frozenset[str]:
    return _antonyms().get(stem, frozenset())


@lru_cache(maxsize=1)
def _sides() -> dict[str, frozenset[str]]:
    """Stem -> the stems on its own side of its antonym pairs (itself included)."""
    index: dict[str, set[str]] = {}
    for pair in tx.load_data("antonyms")["pairs"]:
        for side in pair:
            stems = {tx.stem(w) for w in side.split("|")}
            for stem in stems:
                index.setdefault(stem, set()).update(stems)
    return {key: frozenset(value) for key, value in index.items()}


def _antonyms_of_all(statement: Statement) -> frozenset[str]:
    return statement.opposites


def same_side(stem: str) -> frozenset[str]:
    return _sides().get(stem, frozenset([stem]))


# ---- contradiction ----------------------------------------------------------------------


@dataclass(frozen=True)
class Contradiction:
    kind: str  # "negation", "antonym", "swap"
    detail: str  # the words involved, for feedback


def _shared(a: frozenset[str], b: frozenset[str]) -> frozenset[str]:
    return a & b


_PRO_FORMS = frozenset(tx.stem(w) for w in ("one", "ones"))
_ONLY = tx.stem("only")


def _same_proposition(point: Clause, sentence: Clause, changed: frozenset[str]) -> bool:
    """Do the two clauses say something about the same things, apart from ``changed``?"""
    if len(changed) >= 2 and len(changed) >= 0.5 * len(frozenset(sentence.stems)):
        return True  # "You won't see it in query logs": the sentence is all about them
    rest = frozenset(point.stems) - changed
    if not rest:  # the whole clause is what changed ("does not remove a page from the index")
        return len(changed) >= 2
    shared = rest & frozenset(sentence.stems)
    return bool(shared) and len(shared) >= 0.5 * len(rest) and (len(shared) >= 2 or len(rest) <= 1)


def _figure(stem: str) -> str | None:
    """A figure's significant digits ("300,000" and "300" both "3"); None for small counts
    and anything that is not a number."""
    if not stem[:1].isdigit():
        return None
    digits = stem.rstrip("%").replace(",", "")
    try:
        if float(digits) < 10 and "." not in digits and not stem.endswith("%"):
            return None  # "3 tiers", "N+1": counts and labels, not measured figures
    except ValueError:
        return None
    return digits.replace(".", "").strip("0") or "0"


def _has_figure(statement: Statement) -> bool:
    return any(_figure(s) for s in statement.stems)


def _other_number(point: Clause, sentence: Clause, sentence_all: frozenset[str],
                  anchors: frozenset[str] = frozenset(),
                  point_all: frozenset[str] = frozenset()) -> tuple[frozenset[str], frozenset[str]] | None:
    """The point states a figure and the sentence, about the same thing, another one
    ("limited to 10 mmol an hour" / "up to 40 mmol an hour"); None otherwise. Figures the
    question names ("a 301 and a 302") are labels."""
    ours = {s for s in point.asserted if s not in anchors and _figure(s)}
    if not ours:
        return None
    said = {_figure(s) for s in sentence_all if _figure(s)}
    if {_figure(s) for s in ours} & said:
        return None
    theirs = {s for s in sentence.asserted if s not in anchors and _figure(s)}
    if not theirs or {_figure(s) for s in theirs} & {_figure(s) for s in point_all}:
        # A figure the point gives elsewhere: the sentence speaks of that part of it.
        return None
    our_units, their_units = _units_after(point, ours), _units_after(sentence, theirs)
    if our_units and their_units and not our_units & their_units:
        return None  # "15 minutes" and "20 gauge" measure different things
    return frozenset(ours), frozenset(theirs)


def _units_after(clause: Clause, figures: set[str]) -> frozenset[str]:
    """The words right after the figures ("15 *minutes*", "$300,000 *subscription*")."""
    return frozenset(clause.stems[k + 1] for k, stem in enumerate(clause.stems[:-1])
                     if stem in figures and not _figure(clause.stems[k + 1])
                     and clause.positions[k + 1] == clause.positions[k] + 1)


def _clause_contradiction(point: Clause, sentence: Clause, point_all: frozenset[str],
                          sentence_all: frozenset[str],
                          anchors: frozenset[str] = frozenset(),
                          antonyms: bool = True) -> Contradiction | None:
    """``point_all``, ``sentence_all``: every stem of the whole point and sentence (a point
    that names both sides of an antonym pair is not contradicted by either)."""
    conditional = point.conditional or sentence.conditional
    point_denied = point.denied - point.asserted  # "locking does not lock": both, so neither
    sentence_denied = sentence.denied - sentence.asserted
    flipped = (point.asserted & sentence_denied) | (point_denied & sentence.asserted)
    # Both negated ("no single person can both commit and conceal"): scopes are too rough
    # to compare, so only a negation on one side counts.
    # The negated word itself must be what the other side asserts ("not *permitted*" against
    # "is permitted"), not some other word of the negated phrase.
    if not (flipped & (point.heads | sentence.heads)):
        flipped = frozenset()
    if not point.asserted and point.heads <= _POLAR_WORDS_STEMS:
        # "..., not on every call": an elliptical contrast; the antonym check reads it.
        flipped = frozenset()
    if point.advice and point.denied and not sentence.advice:
        flipped = frozenset()
    if not point.asserted and _PRO_FORMS & set(point.stems):
        # "... instead of the old one": an alternative named by a pronoun, too little to
        # compare ("the old page's signals move to the new URL" does not assert it).
        flipped = frozenset()
    if _ONLY in point.asserted:
        # "used efficiently only for a leftmost prefix" is agreed with by "a filter on the
        # second column alone can't use it efficiently": denying the rest is what it says.
        # What the point itself rules out ("only on the training data, not the full
        # dataset") still contradicts a sentence that asserts it.
        flipped = flipped & point_denied
    if flipped and not conditional and not (point.denied and sentence.denied) and _same_proposition(
            point, sentence, flipped):
        return Contradiction("negation", ", ".join(sorted(flipped)))
    point_clause = frozenset(point.stems)
    wrong_number = _other_number(point, sentence, sentence_all, anchors, point_all)
    if wrong_number and _same_proposition(point, sentence, wrong_number[0] | wrong_number[1]):
        return Contradiction("number", f"{sorted(wrong_number[0])[0]} / {sorted(wrong_number[1])[0]}")
    for stem in point.asserted if antonyms else ():
        if same_side(stem) & sentence_all:
            continue
        opposite = antonyms_of(stem) & sentence.asserted
        # "includes only the subscription" says what "excludes one-time fees" says.
        opposite = frozenset(o for o in opposite if not _next_to(sentence.stems, o, _ONLY))
        # A point that names both sides ("an increase lowers income") is not flipped by either.
        opposite = frozenset(o for o in opposite if not same_side(o) & point_clause)
        if stem in anchors:
            # The question contrasts them ("optimistic or pessimistic"): a sentence about the
            # other one is not a contradiction (swapped roles are checked apart).
            opposite = frozenset(o for o in opposite if o not in anchors)
        shared = (point_clause & frozenset(sentence.stems)) - anchors
        if opposite and len(shared) < 2 and len(point_clause - anchors - {stem}) >= 2:
            continue
        if opposite and _same_proposition(point, sentence, frozenset([stem])):
            return Contradiction("antonym", f"{stem} / {sorted(opposite)[0]}")
    return None


def _as_clause(statement: Statement) -> Clause:
    """The whole sentence as one clause ("DELETE, on the other hand, is not idempotent")."""
    return Clause(statement.start, statement.end,
                  tuple(s for c in statement.clauses for s in c.stems),
                  tuple(p for c in statement.clauses for p in c.positions),
                  statement.denied - statement.asserted,
                  heads=frozenset(h for c in statement.clauses for h in c.heads),
                  advice=any(c.advice for c in statement.clauses))


def _conditional(statement: Statement, given: frozenset[str] = frozenset()) -> bool:
    """Does a clause hold only under a condition? A condition the question itself sets
    ("when prices are rising", ``given``) is the setting of every answer, not a condition."""
    return any(c.conditional and not set(c.stems) <= given for c in statement.clauses)


ATTACH_REACH = 2  # words after a comparative that it qualifies ("lower cost of goods sold")


def _attachments(statement: Statement, skip: frozenset[str]) -> list[tuple[str, int, frozenset[str]]]:
    """(stem, position, the stems it qualifies) for every stem with an antonym: the content
    words right after it, or right before it when none follow ("costs are lower")."""
    ordered = statement.ordered()
    out = []
    for index, (position, stem) in enumerate(ordered):
        if not antonyms_of(stem):
            continue
        after = frozenset(s for p, s in ordered[index + 1:]
                          if 0 < p - position <= ATTACH_REACH and s not in skip
                          and not antonyms_of(s))
        before = frozenset(s for p, s in ordered[:index]
                           if 0 < position - p <= ATTACH_REACH and s not in skip
                           and not antonyms_of(s))
        out.append((stem, position, after or before))
    return out


def _governing(statement: Statement, position: int, pair: frozenset[str] | None) -> str | None:
    """Which of the two contrasted things a word at ``position`` is said of: the last one
    named before it, else the first one after it."""
    if not pair:
        return None
    ordered = statement.ordered()
    before = [s for p, s in ordered if s in pair and p < position]
    if before:
        return before[-1]
    after = [s for p, s in ordered if s in pair and p > position]
    return after[0] if after else None


def _attached_antonym(point: Statement, sentence: Statement, anchors: frozenset[str],
                      question: str) -> Contradiction | None:
    """The sentence qualifies the same thing with the opposite word ("FIFO gives the highest
    cost of goods sold" against "FIFO gives lower cost of goods sold"), said of the same one
    of two contrasted things."""
    pair = contrast_pair(question) if question else None
    skip = (pair or frozenset()) | _POLAR_WORDS_STEMS
    denied = point.denied | sentence.denied
    theirs = _attachments(sentence, skip)
    if not theirs:
        return None
    # The sentence must speak of what the point speaks of: its first plain word
    # ("Pessimistic locking suits ... frequent conflicts" is not about optimistic locking).
    subject = next((s for _p, s in point.ordered() if not antonyms_of(s) and s not in skip), None)
    if subject is None or subject not in sentence.stems:
        return None
    # What qualifies the subject itself names it ("quantitative studies" and "qualitative
    # tests" are two kinds of study): only words said of it after it count.
    ours_from = min(p for p, s in point.ordered() if s == subject)
    theirs_from = min(p for p, s in sentence.ordered() if s == subject)
    theirs = [a for a in theirs if a[1] > theirs_from]
    for stem, position, targets in _attachments(point, skip):
        if not targets or stem in denied or stem in anchors or position < ours_from:
            continue  # a word of the question ("when prices rise") is its setting
        opposite = antonyms_of(stem)
        own_side = same_side(stem)
        for other, other_position, other_targets in theirs:
            if other not in opposite or other in denied or _next_to_in(sentence, other, _ONLY):
                continue
            shared = targets & other_targets
            if not shared:
                continue
            # The sentence also says the point's word of the same thing: it compares them.
            if any(o in own_side and t & shared for o, _q, t in theirs):
                continue
            if pair:
                ours_about = _governing(point, position, pair)
                theirs_about = _governing(sentence, other_position, pair)
                if ours_about != theirs_about:
                    continue
            return Contradiction("antonym", f"{stem} / {other} ({sorted(shared)[0]})")
    return None


def contradicts(point: Statement, sentence: Statement,
                anchors: frozenset[str] = frozenset(), loose: bool = False,
                question: str = "") -> Contradiction | None:
    """Does ``sentence`` state the opposite of ``point``? Clause by clause: a flipped
    negation or an antonym about the same things, or the roles of two things the question
    names (``anchors``) swapped. ``loose``: an antonym also counts in a sentence that shares
    only the question's words with the point (for answers that make no point at all)."""
    if not point.stems & sentence.stems and not (loose and sentence.stems & anchors):
        return None
    if not (point.denied or sentence.denied or _antonyms_of_all(point) & sentence.stems
            or (question and contrast_pair(question))
            or (_has_figure(point) and _has_figure(sentence))):
        return None  # nothing that could flip: no negation, antonym, contrast or figure
    if _conditional(point, anchors) or _conditional(sentence, anchors):
        # "If none is defined, the compiler adds one": each clause holds only under the other.
        return _swapped_roles(point, sentence, anchors, question) if question else None
    pair = contrast_pair(question) if question else None
    if pair:
        ours, theirs = point.stems & pair, sentence.stems & pair
        if ours and theirs and not ours & theirs:
            return None  # about the other of the two things the question contrasts
    # An opposite word flips a claim only about the same thing: the point's first plain word
    # ("NRR includes expansion" is not flipped by "gross retention excludes expansion").
    subject = next((s for _p, s in point.ordered()
                    if not antonyms_of(s) and s not in _POLAR_WORDS_STEMS), None)
    about_it = subject is None or subject in sentence.stems
    whole = _as_clause(sentence)
    for point_clause in point.clauses:
        for sentence_clause in (*sentence.clauses, whole):
            found = _clause_contradiction(point_clause, sentence_clause, point.stems,
                                          sentence.stems, anchors, about_it)
            if found and not (found.kind == "negation" and sentence.elided_negation):
                return found
    attached = _attached_antonym(point, sentence, anchors, question)
    if attached:
        return attached
    if loose and sentence.stems & anchors:
        # Not the question's own words: a sentence about the other of two things it names
        # ("optimistic or pessimistic") contradicts nothing.
        # A sentence's opening word sets the scene ("After that I built ...", "Earlier, we
        # ..."): the story's sequence, not a claim about what the point relates.
        opening = frozenset(s for _p, s in sentence.ordered()[:1])
        for stem in point.asserted - sentence.stems - anchors:
            opposite = frozenset(
                o for o in (antonyms_of(stem) & sentence.asserted) - point.stems - anchors - opening
                if not _next_to_in(sentence, o, _ONLY))
            # The opposite words must qualify the same thing ("raises your *cost*" against
            # "a lower *cost*"), not two things ("raised retention" / "a smaller solution").
            # How often or in what order ("once" / "on every call") qualifies the whole claim.
            if stem not in _POLAR_WORDS_STEMS:
                ours = _neighbours(point, stem)
                opposite = frozenset(o for o in opposite if _neighbours(sentence, o) & ours)
            if opposite:
                return Contradiction("antonym", f"{stem} / {sorted(opposite)[0]}")
    return _swapped_roles(point, sentence, anchors, question) if question else None


def _next_to_in(statement: Statement, stem: str, other: str) -> bool:
    return any(_next_to(c.stems, stem, other) for c in statement.clauses)


def _next_to(stems: tuple[str, ...], stem: str, other: str) -> bool:
    """Does ``other`` stand right before or after ``stem``?"""
    return any(stems[k] == other for i, s in enumerate(stems) if s == stem
               for k in (i - 1, i + 1) if 0 <= k < len(stems))


NEIGHBOUR_REACH = 2  # content words either side that a qualifier speaks of


def _neighbours(statement: Statement, stem: str) -> frozenset[str]:
    """The content words within NEIGHBOUR_REACH of ``stem`` in ``statement``."""
    ordered = [s for _p, s in statement.ordered()]
    return frozenset(ordered[k] for i, s in enumerate(ordered) if s == stem
                     for k in range(max(0, i - NEIGHBOUR_REACH),
                                    min(len(ordered), i + NEIGHBOUR_REACH + 1))
                     if ordered[k] != stem)


def _segments(ordered: list[tuple[int, str]], anchors: frozenset[str]) -> dict[str, set[str]] | None:
    """Each anchor -> the stems from it to the next anchor (stems before the first anchor go
    to it). None when an anchor occurs more than once."""
    seen = [s for _p, s in ordered if s in anchors]
    if len(seen) != len(set(seen)) or set(seen) != set(anchors):
        return None
    out: dict[str, set[str]] = {a: set() for a in anchors}
    current: str | None = None
    leading: set[str] = set()
    for _position, stem in ordered:
        if stem in anchors:
            if current is None:
                out[stem] |= leading
            current = stem
        elif current is None:
            leading.add(stem)
        else:
            out[current].add(stem)
    return out


_CONTRAST_RE = re.compile(
    r"\b(?:differ\w*|difference|compare\w*|comparison|versus|vs|contrast\w*|distinguish\w*|between"
    r"|rather than|or|each|either|both)\b", re.I)
_CONNECTORS = frozenset(["and", "or", "vs", "versus", "from", "than", "to"])
_CONTRAST_VERBS = frozenset(["differ", "differs", "different", "compare", "compared", "contrast",
                             "distinguish", "difference", "between"])


@lru_cache(maxsize=4096)
@lru_cache(maxsize=1024)
def contrast_pair(question: str) -> frozenset[str] | None:
    """The two things a question contrasts ("optimistic and pessimistic locking", "a 301 and
    a 302", "a list differ from a tuple"), as stems; None when it contrasts nothing."""
    if not _CONTRAST_RE.search(question):
        return None
    stop = _stopwords()
    words = [t.text for t in tx.tokens(question)]
    for i, word in enumerate(words):
        if word not in _CONNECTORS:
            continue
        before = next((words[j] for j in range(i - 1, max(-1, i - 4), -1)
                       if words[j] not in stop and words[j] not in _CONTRAST_VERBS), None)
        after = next((words[j] for j in range(i + 1, min(len(words), i + 4))
                      if words[j] not in stop and words[j] not in _CONTRAST_VERBS), None)
        if before and after and before != after:
            first, second = tx.stem(before.replace("'", "")), tx.stem(after.replace("'", ""))
            if first != second:
                return frozenset([first, second])
    return None


def _swapped_roles(point: Statement, sentence: Statement, anchors: frozenset[str],
                   question: str) -> Contradiction | None:
    """The point ties its words to one of two things the question contrasts, the sentence
    ties the same words to the other ("agg keeps the rows, transform collapses each group")."""
    pair = contrast_pair(question)
    if not pair or not pair <= point.stems & sentence.stems:
        return None
    ours = _segments(point.ordered(), pair)
    theirs = _segments(sentence.ordered(), pair)
    if not ours or not theirs:
        return None
    first, second = sorted(pair)
    # Words tied to one side only, in the point.
    only_first = ours[first] - ours[second]
    only_second = ours[second] - ours[first]
    kept = len(only_first & theirs[first]) + len(only_second & theirs[second])
    moved = len(only_first & theirs[second] - theirs[first]) + len(
        only_second & theirs[first] - theirs[second])
    if moved >= 2 and kept == 0:
        return Contradiction("swap", f"{first} and {second} swapped")
    return None


# ---- misconceptions ---------------------------------------------------------------------


def _units(statement: Statement) -> dict[int, set[str]]:
    """Stems by written word: "ORM" stands for three stems but is one word."""
    units: dict[int, set[str]] = {}
    for position, stem in statement.ordered():
        units.setdefault(position, set()).add(stem)
    return units


def match_share(statement: Statement, sentence: Statement) -> float:
    """Share of the statement's written words that the sentence uses."""
    units = _units(statement)
    if not units:
        return 0.0
    return sum(1 for stems in units.values() if stems & sentence.stems) / len(units)


def asserts(claim: Statement, sentence: Statement, distinctive: frozenset[str],
            min_share: float = 0.5) -> bool:
    """Does the sentence make this claim (a misconception): most of its words, at least one
    of its distinctive words, none of them denied?"""
    claim_stems = claim.stems
    if not claim_stems:
        return False
    units = _units(claim)
    found = sum(1 for stems in units.values() if stems & sentence.stems)
    if found < min(2, len(units)) or found < min_share * len(units):
        return False
    if distinctive and not (distinctive & sentence.asserted):
        return False
    # The sentence denies what the claim says ("it does not make a fresh list"): it agrees
    # with the truth, not with the misconception.
    denied = sentence.denied - sentence.asserted
    if (claim.asserted & denied) - claim.denied:
        return False
    if claim.denied and not (claim.denied & denied):
        return False
    return True
