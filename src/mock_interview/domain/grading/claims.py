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

Correct statements are not read as their opposite:

- polarity is read on both sides: "X is eliminated", "off the floor", "avoid", "rather than"
  deny as "no" and "never" do, two negatives agree, and "don't X without Y" states a rule;
  a point preferring A "rather than" B is not contradicted by a sentence naming both, nor by
  one saying something else of B; a rule ("don't rebase shared commits") does not contradict a
  point describing the thing; an elliptical "..., not B" denies B of the sentence's subject;
- figures are compared only when they measure the same thing (the same unit, the words around
  them, what a share is "of", a state before or after a change), and agree inside a range or
  bound, or within a tenth of an approximate one ("about 66" / "60 to 72");
- a story told against a behavioural rubric contradicts a point by an opposite word only in a
  clause that says most of the point, about the same words;
- a sentence denying what the point itself denies somewhere, or keeps away by a remedy
  ("defeats rainbow tables" / "no rainbow tables"), agrees with it; so does a denial of the
  timing ("not straight away"), an elliptical "not B" of another thing ("..., not cash flow
  to equity") or of one of two ends the point names, a negator listed as an option
  ("none/quarantine/reject", "multiple/no IRR") and a rule of two terms ("no card, no
  production");
- an arrow ends a clause ("not the employee's -> Upjohn warning"), letters name different
  things ("A items" / "C = ..."), and a word after its subject with "and" next ("stockouts
  drop and safety stock goes up") qualifies that subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from mock_interview.domain.grading import text as tx

_NEGATORS = frozenset([
    "not", "no", "never", "without", "cannot", "nor", "neither", "none", "nothing", "nobody",
    "nowhere", "lacks", "lack", "lacking", "rarely", "seldom", "hardly", "barely",
    # "avoid discounting immediately" denies the discount as "never discount at once" does
    "avoid", "avoids", "avoiding", "refrain", "refrains",
])
# "Ignore the job title", "you can disregard it": told to set a thing aside, as "not on the job
# title" does. A description ("the median ignores outliers") is not read so.
_SETTING_ASIDE = frozenset(["ignore", "disregard", "skipping", "bypassing"])
_SETTING_ASIDE_AFTER = frozenset(["just", "simply", "can", "should", "to", "i", "we", "you", "and",
                                  "then", "first", "always", "is", "by"])
# "The common mistake is using raw counts": what a mistake is said to be is denied.
_MISTAKES = frozenset(["mistake", "mistakes", "myth", "myths", "misconception", "misconceptions",
                       "pitfall", "pitfalls"])
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
_SUBJECT_STARTS = frozenset(["i", "you", "we", "they", "it", "he", "she", "the", "a", "an", "this",
                             "that", "these", "those", "everything", "everyone", "someone"])
_SPEAKERS = frozenset(["i"])  # "when we ..." is as often the generic "we" of a textbook
# Words of advice: "you should not rebase pulled commits" is contradicted by advice to do
# it, not by a sentence saying what a rebase does.
_ADVICE_WORDS = frozenset(["should", "shouldn't", "must", "mustn't", "ought", "shall",
                           "never", "avoid", "recommend", "recommended", "best", "fine", "okay",
                           "ok", "safe", "can", "may", "need", "needs", "allowed",
                           # "the fastest way to keep the deal is to offer a discount"
                           "fastest", "quickest", "easiest", "smartest", "ideally"])
_SCOPE_WORDS = 3  # a negation reaches this many content words at most
# "I didn't spend time pulling historical data": what the speaker did not do reaches further.
_OWN_SCOPE_WORDS = 5
# "rather than spending the whole budget on one large round": the alternative set aside is
# a phrase of its own, up to the clause's end or an "and".
_ALTERNATIVE_SCOPE_WORDS = 6
# Not the comma of "300,000" nor the colon of "4.5:1". An arrow ("PP&E -10 → assets -7.50")
# says "so": what follows is a clause of its own, outside a negation before it; "≠" sets
# two terms apart, neither said of the other.
_CLAUSE_PUNCT_RE = re.compile(
    r"[;()\u2013\u2014\u2192\u21d2\u27f6\u2260]|,(?!\d)|:(?!\d)|\s-\s|\s->\s|\s=>\s")
# "not straight away", "never immediately", "avoid checking daily": a negation of the timing
# or frequency, not of the act.
_TIMING_RE = re.compile(r"\b(?:straight\s+away|right\s+away|immediately|at\s+once|instantly"
                        r"|no\s+longer|any\s?more"
                        r"|up\s*front|too\s+(?:early|soon|quickly|often)|daily|hourly"
                        r"|constantly|repeatedly)\b")
_LISTING_NEGATORS = frozenset(["no", "without", "neither", "nor"])


def _list_tail(joiners: str) -> re.Pattern[str]:
    """The end of a list after a comma, joined by one of ``joiners``: "..., eschar or visible
    fat"."""
    item = r"[a-z'-]+(?:\s+[a-z'-]+){0,2}"
    return re.compile(rf"{item}\s+(?:{joiners})\s+{item}")


_LIST_TAIL_RE = _list_tail("or|nor")
# "By skipping putaway, storage and picking": each item is set aside.
_SET_ASIDE_TAIL_RE = _list_tail("or|nor|and")
_SHORT_ASIDE_RE = re.compile(r"\((?:[^()\s,;]+\s*){1,4}\)")
# "no card, no production", "no pain, no gain": a rule of two terms (without the one, not the
# other), not a denial of either; said on its own, not as a list ("it had no errors, no
# warnings").
_NO_NO_RE = re.compile(r"(?:^|[:;\u2013\u2014]\s*)no\s+[a-z'-]+(?:\s+[a-z'-]+)?\s*,\s*no\s+"
                       r"[a-z'-]+\s*(?:$|[.;!])")


@dataclass(frozen=True)
class Figure:
    """A measured figure as said: one value, a range ("60 to 100"), a bound ("below 85",
    "18 or lower"), or a value given as approximate ("about 10")."""

    stem: str  # as among the clause's stems
    position: int  # token index in its sentence
    low: float
    high: float
    approximate: bool = False
    bound: str = ""  # "upper" (below, at most, up to ...), "lower" (at least, over ...) or ""
    unit: str = ""  # the stem right after it ("minut", "percent"), "money" or "ratio"
    context: frozenset[str] = frozenset()  # the words around it, that name what it measures
    subject: frozenset[str] = frozenset()  # of those, the words before it
    base: frozenset[str] = frozenset()  # what it is a share "of" ("20 percent of SKUs")
    change: bool = False  # a change or the state after one ("rises to $320k", "is down $10")
    # A step of a worked example ("say $100,000", "62 x 55 = 3,410"): its own case's value.
    worked: bool = False


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
    # Stems denied as the alternative of "rather than", "instead of" ("left-align *rather than
    # justify*"): the point prefers the rest of the clause to them.
    alternative: frozenset[str] = frozenset()
    prohibits: bool = False  # opens on "don't", "never", "avoid": a rule, not a description
    figures: tuple[Figure, ...] = ()  # the measured figures said in it
    speaker: bool = False  # says "I", "we", "my": one's own story or practice
    elliptical: bool = False  # opens on "not" with no verb of its own (", not a key result")
    # Heads of "without" and "with no" scopes ("render *without encoding*"): a manner.
    manner: frozenset[str] = frozenset()
    denies_condition: bool = False  # "not when cash is received": a condition ruled out
    timing: bool = False  # its negation falls on when ("I don't discount straight away")
    # Opens on "so that", "so as", "in order to": an aim ("so that the same person isn't
    # seeing the ad"), whose negation claims nothing against a point.
    purpose: bool = False
    relative: bool = False  # opens on "that", "which", "who": said of a thing named before it
    # What the clause puts off: the words after its "before" ("focus on the problem *before
    # showing any solution*"); a sentence that does not do it yet agrees.
    deferred: frozenset[str] = frozenset()
    text: str = ""  # as written, in lower case

    @cached_property
    def subject(self) -> frozenset[str]:
        """The words before the verb of a clause that describes a thing ("*one-hot encoding*
        creates ...", "*a fixed window* can let through ..."); empty for an order ("Use ...")."""
        opening = _CONNECTIVE_RE.match(self.text)
        skipped = opening.end() if opening else 0
        verb = _subject_end(self.text[skipped:])
        if verb is None:
            return frozenset()
        return frozenset(tx.content_stems(self.text[skipped:skipped + verb])) & frozenset(self.stems)

    @cached_property
    def apart(self) -> frozenset[str]:
        """What the clause takes something out of ("quarantined *from the blocking suite*"): a
        sentence saying it does not do that ("ran without blocking merges") agrees."""
        if "from" not in self.text:
            return frozenset()
        found = _APART_RE.search(self.text)
        return frozenset(tx.content_stems(found.group(1))[:3]) if found else frozenset()

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
    joins: frozenset[int] = frozenset()  # token indexes of "and"
    compares: bool = False  # says "than": its opposite words compare two things
    # Token indexes of words that set two things against each other ("native handling
    # benchmarked against manual encodings"): a qualifier on one side is not said of the other.
    turns: frozenset[int] = frozenset()

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

    @cached_property
    def directed(self) -> list[tuple[int, tuple[str, ...]]]:
        """Its words of more or less with what each is said of (see ``_directed``)."""
        return _directed(self)

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


_PRONOUN_SUBJECTS = frozenset(["we", "they", "you", "i", "he", "she"])
_RELATIVE_PREPOSITIONS = frozenset(["for", "of", "on", "to", "with", "from", "about", "by"])
# An indirect question after a verb ("see where we have no contacts"): what is looked for.
_LOOKED_FOR = frozenset(["where", "whether", "who", "whom", "what"])


def _is_negator(word: str) -> bool:
    return word in _NEGATORS or word.endswith("n't")


# "Putaway and picking are eliminated": a participle that says its subject is gone.
_PRIVATIVE_AFTER = frozenset(["eliminated", "avoided", "skipped", "prohibited", "banned",
                              "contraindicated", "forbidden", "disallowed", "unsuitable",
                              "unacceptable", "inappropriate", "unsafe", "excluded", "discarded",
                              "disabled", "revoked", "purged"])
# "Check the line isn't kinked", "verify nothing is left": a negation checked for.
_CHECKS = frozenset(["check", "checks", "checking", "checked", "verify", "verifies", "verifying",
                     "verified", "confirm", "confirms", "confirming", "confirmed", "ensure",
                     "ensures", "ensuring"])
# "must be removed" tells what may not stay; "is removed from the top" tells what happens.
_TO_BE_REMOVED = frozenset(["removed", "deleted"])
_MODALS = frozenset(["must", "should"])
_PASSIVE = frozenset(["is", "are", "was", "were", "be", "been", "being", "get", "gets", "got"])
_PURPOSE_RE = re.compile(r"[\s,;:-]*(?:so that|so as|in order|lest)\b")
_RELATIVE_RE = re.compile(r"[\s,;:-]*(?:that|which|who|whom|whose)\b")
_PRIVATIVE_STEMS = frozenset(tx.stem(w) for w in _PRIVATIVE_AFTER)


def privative_stems(text: str) -> frozenset[str]:
    """The participles in the text that say their subject is gone ("are eliminated")."""
    return frozenset(tx.stem(w) for w in tx.words(text)) & _PRIVATIVE_STEMS
# "off the floor" denies the floor after a verb of keeping or a copula, not in "kick off the
# project" or "sign off the release".
_OFF_AFTER = frozenset(["and", "or", "but", "is", "are", "was", "were", "be", "stay", "stays",
                        "stayed", "staying", "remain", "remains", "remained"])
_KEEPING = frozenset(["keep", "keeps", "kept", "keeping", "stay", "stays", "stayed"])
_DETERMINERS = frozenset(["the", "a", "an", "their", "its", "your", "our", "his", "her", "my",
                          "any"])
# After a negation in the same clause these cancel it ("never discount without a trade").
_SECOND_NEGATORS = frozenset(["without", "nothing"])
_JOINING = frozenset(["and", "or", "but", "then"])
# A clause that opens on one of these states a rule ("don't rebase shared commits").
_PROHIBITIVE = frozenset(["never", "avoid", "don't", "dont", "mustn't", "shouldn't"])


def _plural(words: list[str], index: int) -> bool:
    word = words[index] if index < len(words) else ""
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _opens_absence(words: list[str], index: int) -> bool:
    """Does the word at ``index`` deny what follows it ("keep the bag off the floor", not
    "kick off the project")?"""
    word = words[index]
    if word == "outside" and index + 1 < len(words) and words[index + 1] in _DETERMINERS:
        return True  # "an investigator outside the reporting line"
    if word != "off" or index + 1 >= len(words) or words[index + 1] not in _DETERMINERS:
        return False
    return bool(index and (words[index - 1] in _OFF_AFTER
                           or _KEEPING & set(words[max(0, index - 5):index])))


_VERBAL = _COPULAS | frozenset(["be", "been", "need", "needed", "needs", "required", "has",
                                "have", "had", "can", "will", "would", "should", "must"])


_AUXILIARY_RE = re.compile(r"\b(?:is|are|was|were|can|could|will|would|may|might|must|should|"
                           r"shall|has|have|had|does|do)\b")
_THIRD_PERSON_RE = re.compile(r"\b[a-z]{3,}[^s\W]s\b")
_DETERMINER_START_RE = re.compile(r"\s*(?:a|an|the|this|that|these|those|each|every|any|its|"
                                  r"their)\b")
_GERUND_RE = re.compile(r"\b[a-z]{3,}ing\b")
_RELATIVE_WORD_RE = re.compile(r"\b(?:that|which|who|whom|whose|if|when|once|while|it|they|"
                               r"he|she|we|you|i)\b")
_RULE_RE = re.compile(r"\b(?:should|shouldn't|must|mustn't|ought|shall|needs?|"
                      r"(?:is|are|be)\s+(?:required|recommended)|best)\b")
# "Changed *their* approach and can show ...": a word before a determiner is a verb, unless
# it names an act ("Adding a component").
_OPENS_ON_VERB_RE = re.compile(r"\s*[a-z'-]+(?<!ing)\s+(?:the|a|an|their|its|your|our|his|"
                               r"her|this|each|every|any)\b")
_CONNECTIVE_RE = re.compile(r"[\s,;:]*(?:(?:and|but|or|so|then|whereas|while|because|since|"
                            r"although|though)\b[\s,]*)?")
_PRAISE_RE = re.compile(
    r"\b(?:better|best|prefer\w*|recommend\w*|smooth\w*|improv\w*|safe|safer|reliabl\w*|"
    r"efficient\w*|remov\w*|prevent\w*|protect\w*|help\w*|ideal\w*|right|correct|"
    r"useful|valuable|informative|strong\w*|robust|accurate|simpl\w*|easi\w*|faster|cheaper|"
    r"standard|works?)\b")
SUBJECT_WORDS = 6  # at most this many words before the verb name what a clause describes


def _subject_end(text: str) -> int | None:
    """Where the verb of a clause describing a thing begins, or None for a clause that opens
    on its verb ("Use a pump ...") or has none to find. A third-person verb ("creates") is
    told from a plural noun only after a determiner or a gerund ("*Adding* a component
    creates")."""
    if _RULE_RE.search(text) or _PRAISE_RE.search(text):
        # "One-hot encoding should be avoided" is a rule about doing it, and "a token bucket
        # smooths traffic" a reason to: turning either down answers the point.
        return None
    ends = []
    auxiliary = _AUXILIARY_RE.search(text)
    if auxiliary:
        ends.append(auxiliary.start())
    verb = _THIRD_PERSON_RE.search(text)
    if verb and (_DETERMINER_START_RE.match(text) or _GERUND_RE.search(text[:verb.start()])):
        ends.append(verb.start())
    if not ends:
        return None
    end = min(ends)
    head = text[:end]
    if not tx.words(head) or len(tx.words(head)) > SUBJECT_WORDS \
            or _RELATIVE_WORD_RE.search(head) or _OPENS_ON_VERB_RE.match(head) \
            or _DETERMINER_START_RE.match(text) is None \
            and not _GERUND_RE.search(head) and not auxiliary:
        return None
    return end


_APART_RE = re.compile(r"\b(?:quarantin|exclud|isolat|remov|separat|exempt|withdr[ae]w|shield|"
                       r"protect|decoupl|detach)\w*\s+(?:[a-z'-]+\s+){0,3}?from\s+"
                       r"((?:[a-z'-]+\s*){1,4})")


DEFERRED_WORDS = 4  # content words after "before" that name what is put off


def _deferred(surfaces: list[str], stems: list[str]) -> frozenset[str]:
    """The stems after a clause's "before" (see ``Clause.deferred``)."""
    for index, surface in enumerate(surfaces):
        if surface == "before":
            return frozenset(stems[index + 1:index + 1 + DEFERRED_WORDS])
    return frozenset()


def _prohibits(words: list[str], first: int | None, end: int | None = None) -> bool:
    if first is None:
        return False
    end = len(words) if end is None else end
    while first + 1 < len(words) and words[first] in _JOINING:
        first += 1  # "..., and no state changes on GET"
    word = words[first]
    following = words[first + 1] if first + 1 < len(words) else ""
    # "No state changes on GET", "no food on the floor": a rule in a noun phrase.
    return word in _PROHIBITIVE or (word == "do" and following == "not") or (
        word == "no" and following not in _NOT_NEGATING_NEXT and following not in _DETERMINERS
        and following.isalpha() and not _VERBAL & set(words[first + 1:end]))


_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*%?$")
_APPROXIMATE_RE = re.compile(
    r"(?:\babout|\baround|\broughly|\bapproximately|\bapprox\.?|\bnearly|\balmost|\bcirca"
    r"|\bclose\s+to|\blike|\bsome|~)\s*[$\u20ac\u00a3]?\s*$")
_APPROXIMATE_AFTER_RE = re.compile(r"^%?\s*(?:or\s+so\b|-?ish\b)")
_UPPER_BEFORE_RE = re.compile(
    r"(?:\bbelow|\bunder|\bless\s+than|\bfewer\s+than|\blower\s+than|\bat\s+most|\bup\s+to"
    r"|\bno\s+(?:more|higher|faster|greater)\s+than|\bnot\s+(?:more|above|over)(?:\s+than)?"
    r"|\bmaximum(?:\s+of)?|\bmax|\blimited\s+to|\bcapped\s+at|\bwithin|\bbeneath|[<\u2264])"
    r"\s*(?:about|around|roughly|approximately|~)?\s*[$\u20ac\u00a3]?\s*$")
_LOWER_BEFORE_RE = re.compile(
    r"(?:\babove|\bover|\bmore\s+than|\bgreater\s+than|\bhigher\s+than|\bat\s+least"
    r"|\bminimum(?:\s+of)?|\bmin|\bexceeds?|\bexceeding|\bno\s+(?:less|fewer|lower)\s+than"
    r"|[>\u2265])\s*(?:about|around|roughly|approximately|~)?\s*[$\u20ac\u00a3]?\s*$")
_BOUND_AFTER_RE = re.compile(
    r"^%?(?:\s+[a-z/%]+){0,2}?\s+or\s+(less|fewer|below|lower|under|more|above|higher|greater"
    r"|over)\b|^%?\s*\+")
_RANGE_GAP_RE = re.compile(r"^\s*(?:-|\u2013|\u2014|to|through|and|or)\s*$")
_RATIO_GAP_RE = re.compile(r"^\s*(?::|to)\s*$")
_RANGE_WORDS = frozenset(["to", "through", "and", "or"])
# "TCV rises to $320k", "net income falls $7.50", "is down $10": a change, or the state after
# one, which a figure for the state before it does not contradict.
_CHANGE_BEFORE_RE = re.compile(
    r"\b(?:rises?|rose|risen|rising|increases?|increased|increasing|grows?|grew|grown|growing"
    r"|drops?|dropped|dropping|falls?|fell|fallen|falling|decreases?|decreased|decreasing"
    r"|declines?|declined|jumps?|jumped|climbs?|climbed|goes|went|gone|becomes?|became|up|down"
    r"|lowers?|lowered|raises?|raised|reduces?|reduced|cuts?|improves?|improved"
    r"|changes?|reductions?|gains?|loss)"
    r"(?:\s+(?:up|down))?\s+(?:to\s+|by\s+|from\s+|of\s+)?(?:about\s+|around\s+|roughly\s+)?"
    r"[$\u20ac\u00a3]?\s*$")
# "a 1-point fall", "a 5 percent drop": the change named after its size.
_CHANGE_AFTER_RE = re.compile(
    r"^\s*(?:-\s*|\s)?(?:points?|percent(?:age points?)?|%|units?|kg|pounds?|mmhg|beats?)?"
    r"[-\s]*(?:fall|drop|rise|increase|decrease|decline|jump|change|reduction|gain|loss"
    r"|improvement)s?\b")
# "20 percent of SKUs", "10% of the annual consumption value": what a share is taken of.
_OF_RE = re.compile(r"\s*(?:%|percent|per\s+cent)?\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?"
                    r"([a-z][a-z'-]*(?:\s+[a-z][a-z'-]*)?)")
# An operand or result of arithmetic, or a value supposed for an example.
_WORKED_BEFORE_RE = re.compile(
    r"(?:[=\u00d7\u00f7\u2248*]|\btimes|\bdivided\s+by|\bmultiplied\s+by|\bminus|\bplus|\bsay,?)"
    r"\s*[$\u20ac\u00a3]?\s*$")
# A case the speaker makes up ("Say ...", "Suppose ..."), not an example a rubric gives of
# the question's own figures ("for example, $500 a month at 80% margin gives $20,000").
_CASE_OPENING_RE = re.compile(r"\s*(?:say|suppose|imagine|picture|let's\s+say)\b")
_WORKED_AFTER_RE = re.compile(r"^%?\s*(?:[a-z/%]+\s*)?[=\u00d7\u00f7\u2248*]")
_SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9,
           "b": 1e9, "billion": 1e9}
_LABEL_WORDS = frozenset(["version", "v", "release", "chapter", "section", "article", "rule",
                          "step", "phase", "tier", "stage", "page", "schedule", "room", "bed",
                          "ward", "figure", "table", "grade"])
RANGE_SLACK = 0.0  # figures said exactly must match
APPROXIMATE_SLACK = 0.1  # "about 66" agrees with 60 to 72


def _number(text: str) -> float | None:
    try:
        return float(text.rstrip("%").replace(",", ""))
    except ValueError:
        return None


# Short and long names of one unit ("12px", "16 pixels") are the same unit. Not units of
# time: a subject has many durations ("11 hrs driving", "60 hours in 7 days"), and the
# words around a figure tell them apart too seldom to compare them across spellings.
_UNIT_NAMES = {tx.stem(short): tx.stem(long) for short, long in (
    ("px", "pixel"), ("pct", "percent"), ("kg", "kilogram"), ("g", "gram"), ("mg", "milligram"), ("mcg", "microgram"),
    ("ml", "millilitre"), ("milliliter", "millilitre"), ("l", "litre"), ("liter", "litre"),
    ("km", "kilometre"), ("kilometer", "kilometre"), ("m", "metre"), ("meter", "metre"),
    ("cm", "centimetre"), ("centimeter", "centimetre"), ("mm", "millimetre"),
    ("millimeter", "millimetre"), ("ft", "foot"), ("feet", "foot"),
    ("lb", "pound"), ("lbs", "pound"), ("gb", "gigabyte"), ("mb", "megabyte"),
    ("kb", "kilobyte"), ("tb", "terabyte"), ("chars", "character"),
)}


def _read_figures(piece: str, tokens: tuple[tx.Token, ...]) -> dict[int, Figure]:
    """Token index -> the figure said there, with its range, bound, approximation and unit.
    Labels are not figures: a number right after an acronym or a naming word ("WCAG 2.2",
    "IFRS 16", "step 3")."""
    lowered = tx.lower_same_length(piece)
    out: dict[int, Figure] = {}
    index = 0
    stop = tx.stopwords()
    # "Say a test passes 60 of 120 applicants, a 50% rate": every figure is the case's own.
    case = bool(_CASE_OPENING_RE.match(lowered))
    while index < len(tokens):
        token = tokens[index]
        value = _number(token.text) if _NUMBER_RE.match(token.text) else None
        if value is None:
            index += 1
            continue
        previous = tokens[index - 1] if index else None
        if previous is not None and previous.end >= token.start - 1 and (
                previous.text in _LABEL_WORDS or (
                    piece[previous.start:previous.end].isupper() and len(previous.text) >= 2
                    and not token.text.endswith("%"))):
            index += 1
            continue
        members = [index]
        low = high = value
        nxt = index + 1
        ratio = colon = False
        # "60 to 100", "60-100", "between 1.5 and 2", "60/40 or 70/30"; "4.5 to 1" is a ratio.
        while nxt < len(tokens):
            if tokens[nxt].text in _RANGE_WORDS and nxt + 1 < len(tokens):
                nxt += 1  # "60 to 100": the word is the gap
            if not _NUMBER_RE.match(tokens[nxt].text):
                nxt = members[-1] + 1
                break
            gap = lowered[tokens[members[-1]].end:tokens[nxt].start]
            other = _number(tokens[nxt].text)
            if other is None:
                nxt = members[-1] + 1
                break
            if gap.strip() == "/":
                members.append(nxt)
                total = value + other
                value = value / total if total else value
                low = high = value
                ratio = True
                nxt += 1
                continue
            if _RATIO_GAP_RE.match(gap) and other == 1:
                members.append(nxt)
                nxt += 1
                ratio = colon = True
                break
            if not _RANGE_GAP_RE.match(gap) or ratio or (
                    gap.strip() == "and"
                    and "between" not in lowered[max(0, token.start - 12):token.start]):
                nxt = members[-1] + 1
                break
            members.append(nxt)
            low, high = min(low, other), max(high, other)
            nxt += 1
        start, end = token.start, tokens[members[-1]].end
        if nxt < len(tokens) and tokens[nxt].start - end <= 1 and tokens[nxt].text in _SCALES:
            factor = _SCALES[tokens[nxt].text]
            low, high = low * factor, high * factor
            end = tokens[nxt].end
            nxt += 1
        before = lowered[max(0, start - 30):start]
        after = lowered[end:end + 40]
        approximate = bool(_APPROXIMATE_RE.search(before) or _APPROXIMATE_AFTER_RE.match(after))
        bound = ""
        if _UPPER_BEFORE_RE.search(before):
            bound = "upper"
        elif _LOWER_BEFORE_RE.search(before):
            bound = "lower"
        else:
            tail = _BOUND_AFTER_RE.match(after)
            if tail:
                bound = "lower" if tail.group(1) in (None, "more", "above", "higher", "greater",
                                                     "over") else "upper"
        unit = ""
        if colon:
            unit = "ratio"
        elif tokens[members[-1]].text.endswith("%"):
            unit = "percent"
        elif "$" in before[-2:] or "\u20ac" in before[-2:] or "\u00a3" in before[-2:]:
            unit = "money"
        elif nxt < len(tokens) and tokens[nxt].start - end <= 2 and tokens[nxt].text.isalpha() \
                and (tokens[nxt].text not in stop or tokens[nxt].text == "percent"):
            unit = tx.stem(tokens[nxt].text)
            unit = _UNIT_NAMES.get(unit, unit)
        change = bool(_CHANGE_BEFORE_RE.search(before) or _CHANGE_AFTER_RE.match(after))
        worked = case or bool(_WORKED_BEFORE_RE.search(before) or _WORKED_AFTER_RE.match(after))
        base = _OF_RE.match(lowered, end)
        of = frozenset(tx.content_stems(base.group(1))) if base else frozenset()
        for member in members:
            out[member] = Figure(tx.stem(tokens[member].text.replace("'", "")), member, low, high,
                                 approximate, bound, unit, base=of, change=change, worked=worked)
        index = nxt
    return out


# "X isn't needed": said of a practice, these deny that it is of use.
_OF_USE = frozenset(["needed", "necessary", "required", "useful", "important", "relevant",
                     "helpful", "essential", "worthwhile"])
_SOFTENERS = frozenset(["very", "really", "strictly", "that", "all", "particularly", "always"])


def _needless(words: list[str], index: int) -> int:
    """After a copula's negation ("isn't", "is not"), the words up to one of use ("isn't
    *really needed*"): how many to skip, or 0."""
    word = words[index]
    if word == "not":
        if not index or words[index - 1] not in _COPULAS:
            return 0
    elif word not in ("isn't", "aren't", "wasn't", "weren't"):
        return 0
    k = index + 1
    while k < len(words) and words[k] in _SOFTENERS:
        k += 1
    return k - index if k < len(words) and words[k] in _OF_USE else 0


# Auxiliaries whose negation governs a bare verb ("did not build", "won't call").
_BARE_AUXILIARIES = frozenset(["do", "does", "did", "will", "would", "can", "could", "shall",
                               "should", "must", "may", "might"])


def _before_bare_verb(words: list[str], index: int) -> bool:
    word = words[index]
    if word.endswith("n't"):
        return word not in ("isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't",
                            "hadn't")
    return word == "not" and index > 0 and words[index - 1] in _BARE_AUXILIARIES


_INDIFFERENT_TO = frozenset(["of"])  # "regardless of when", "irrespective of if"


@lru_cache(maxsize=8192)
def read_statement(text: str, start: int = 0, end: int | None = None) -> Statement:
    """Clauses of ``text[start:end]`` with their asserted and denied stems."""
    end = len(text) if end is None else end
    piece = text[start:end]
    stop = _stopwords()
    # A short aside in brackets ("probable (ASC 606) or highly probable (IFRS 15) not to
    # occur") is read inside the clause it interrupts, not as a break in it.
    asides = {at for m in _SHORT_ASIDE_RE.finditer(piece) for at in (m.start(), m.end() - 1)}
    breaks = sorted({m.start() for m in _CLAUSE_PUNCT_RE.finditer(piece)} - asides)
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
    # The scope opened on "no" or "without" ("denied") or on "skipping" ("set aside"), which
    # a list carries on.
    listing = ""

    elided = False
    alternative: set[str] = set()
    alternative_scope = False  # the scope was opened by "rather than", "instead of"
    first_word: int | None = None  # token index of the clause's first word
    negated_from: int | None = None  # where the clause's plain negation began, among its stems
    speaker = False
    manner: set[str] = set()
    manner_scope = False  # the scope was opened by "without"
    negated_condition = False  # "not when cash is received": the condition is what is denied
    bare = False  # the negation governs a bare verb ("didn't build")
    noun_phrase = False  # the negation ("no") governs a noun phrase
    checked = False  # the negation is what a check looks for ("check it isn't kinked")
    figure_at = _read_figures(piece, tokens)
    lowered = tx.lower_same_length(piece)
    rules = [m.span() for m in _NO_NO_RE.finditer(lowered)]

    def close(at: int) -> None:
        nonlocal stems, positions, surfaces, in_scope, denied, clause_start, conditional, heads
        nonlocal advice, elided, alternative, first_word, speaker, negated_from, manner
        nonlocal negated_condition, checked
        if scope and scope_open:
            elided = True
        if stems:
            figures = tuple(figure_at[p] for p in dict.fromkeys(positions) if p in figure_at)
            clauses.append(Clause(start + clause_start, start + at, tuple(stems), tuple(positions),
                                  frozenset(denied), tuple(surfaces), tuple(in_scope),
                                  conditional, frozenset(heads), advice, frozenset(alternative),
                                  _prohibits(words, first_word,
                                             sum(1 for t in tokens if t.start < at)), figures, speaker,
                                  first_word is not None and words[first_word] == "not",
                                  frozenset(manner), negated_condition,
                                  bool(denied) and bool(_TIMING_RE.search(
                                      lowered[clause_start:at])),
                                  checked or bool(clauses) and bool(
                                      _PURPOSE_RE.match(lowered[clause_start:at])),
                                  bool(_RELATIVE_RE.match(lowered[clause_start:at])),
                                  _deferred(surfaces, stems), lowered[clause_start:at]))
            # A condition with no words of its own yet ("if, say, ...") carries on to the
            # clause after the comma.
            conditional = False
        stems, positions, surfaces, in_scope, denied, heads = [], [], [], [], set(), set()
        negated_from = None
        alternative = set()
        manner = set()
        negated_condition = False
        checked = False
        speaker = False
        advice = False
        first_word = None
        clause_start = at

    words = [t.text for t in tokens]
    expansions = tx.expansions()
    skip = 0
    for index, token in enumerate(tokens):
        while break_index < len(breaks) and breaks[break_index] < token.start:
            at = breaks[break_index]
            # "with no slough, eschar or visible fat": the list's last items are denied too.
            listed = scope and listing and piece[at] == "," and bool((
                _SET_ASIDE_TAIL_RE if listing == "set aside" else _LIST_TAIL_RE).fullmatch(
                lowered[at + 1:breaks[break_index + 1] if break_index + 1 < len(breaks)
                        else len(piece)].strip(" .!?")))
            close(at)
            scope, scope_words, habit = False, 0, False
            if listed:
                scope, scope_open = True, True
            break_index += 1
        word = words[index]
        if first_word is None and word not in _CLAUSE_WORDS:
            first_word = index
        if word in _ADVICE_WORDS or word in _PRACTICE_WORDS:
            advice = True
        if word in _PRACTICE_WORDS:
            speaker = True
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
        if word == "once" and stems and index + 1 < len(words) \
                and words[index + 1] in _SUBJECT_STARTS:
            # "it vanishes once you type": "once" joins a clause of time, it counts nothing.
            close(token.start)
            scope, scope_words = False, 0
            continue
        if word in _CONDITIONS and scope and scope_open and index \
                and _is_negator(words[index - 1]):
            # "recognised when earned, not when cash is received": the negation denies the
            # condition's words, it opens no condition of its own.
            negated_condition = True
            continue
        if word in _CONDITIONS and index and words[index - 1] in _INDIFFERENT_TO \
                or word in _CONDITIONS and index > 1 and words[index - 2:index] == ["no", "matter"]:
            # "regardless of when it arrived": the condition is lifted, not set.
            continue
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
            alternative_scope, manner_scope = True, False
            continue
        if (word in _PRIVATIVE_AFTER or word in _TO_BE_REMOVED and index > 1
                and words[index - 2] in _MODALS) and index and words[index - 1] in _PASSIVE \
                and stems:
            # "batch queues are eliminated": the participle denies what the clause named.
            for k in range(max(0, len(stems) - _SCOPE_WORDS), len(stems)):
                if not in_scope[k]:
                    in_scope[k] = True
                    denied.add(stems[k])
            heads.add(stems[max(0, len(stems) - _SCOPE_WORDS)])
            continue
        needless = _needless(words, index)
        if needless and stems and not scope:
            # "pre-assessment isn't needed", "lactate is not very useful": the subject is
            # what the clause sets aside, as "is eliminated" does.
            # Every word of that subject is what is denied ("a *second nurse check*").
            for k in range(max(0, len(stems) - _SCOPE_WORDS), len(stems)):
                if not in_scope[k]:
                    in_scope[k] = True
                    denied.add(stems[k])
                    heads.add(stems[k])
            skip = needless
            continue
        if word in _COPULAS and index and words[index - 1] in _MISTAKES and not scope:
            scope, scope_words, scope_open, alternative_scope = True, 0, True, False
            manner_scope = False
            continue
        if _opens_absence(words, index):
            scope, scope_words, scope_open, alternative_scope = True, 0, True, False
            manner_scope = False
            continue
        if word in ("each", "one") and index + 1 < len(words) \
                and words[index + 1] in ("other", "other's", "another", "another's"):
            skip = 1  # "see each other's changes": a pronoun, not "each" of a count
            continue
        if word in ("non", "un") and index + 1 < len(words):
            words[index + 1] = word + words[index + 1]  # "non static" names one thing
            continue
        if _is_negator(word) and "/" in (piece[token.end:token.end + 1],
                                          piece[token.start - 1:token.start]):
            continue  # "multiple/no IRR", "p=none/quarantine/reject": one option of a list
        if word == "no" and any(a <= token.start < b for a, b in rules):
            conditional = True  # "no card, no production": each term holds only with the other
            continue
        if word in _SETTING_ASIDE and (first_word == index or (
                index and words[index - 1] in _SETTING_ASIDE_AFTER)):
            if scope and index and _is_negator(words[index - 1]):
                # "don't ignore the trend" tells one to heed it: the two negations cancel.
                scope, scope_words, negated_from = False, 0, None
            else:
                negated_from = len(stems)
                scope, scope_words, scope_open, alternative_scope = True, 0, True, False
                manner_scope = False
                listing = "set aside"
            continue
        recent = words[max(0, index - 4):index]
        if _is_negator(word) and index >= 3 and words[index - 1] in _PRONOUN_SUBJECTS \
                and words[index - 2] not in stop and words[index - 3] in _RELATIVE_PREPOSITIONS:
            # "reduces receivables for amounts we don't expect to collect": a relative clause
            # says which amounts; it denies nothing of the point's own claim.
            checked = True
        if _is_negator(word) and (any(w in _CHECKS for w in recent) or any(
                a in ("make", "making", "makes") and b == "sure"
                for a, b in zip(recent, recent[1:], strict=False)) or any(
                w in _LOOKED_FOR for w in words[max(1, index - 4):index])) \
                and not any(w in _CLAUSE_WORDS for w in recent):
            # "I'd check the catheter isn't kinked", "map who holds budget and where we have
            # no relationships": what is looked for, not what is so.
            checked = True
        if _is_negator(word):
            following = words[index + 1] if index + 1 < len(words) else ""
            alternative_scope = False
            manner_scope = word == "without" or (word == "no" and index > 0
                                                 and words[index - 1] == "with")
            if word in _SECOND_NEGATORS and negated_from is not None:
                # "Don't titrate without a current result": two negatives make a rule of what
                # the clause names, not a denial of it.
                for k in range(negated_from, len(stems)):
                    in_scope[k] = False
                denied = {st for st, d in zip(stems, in_scope, strict=True) if d}
                heads = {h for h in heads if h in denied}
                scope, scope_words, negated_from = False, 0, None
                continue
            if word == "neither" and not stems or word == "nor" and "neither" in words[
                    max(0, index - 8):index]:
                # "Neither the original nor the changed object can retrieve it" denies what
                # follows of both, not the things it names: read as denied, with no head.
                scope, scope_words, scope_open = True, 0, False
            elif following not in _NOT_NEGATING_NEXT:
                negated_from = len(stems)
                scope, scope_words, scope_open = True, 0, True
                noun_phrase = word == "no"
                listing = "denied" if word in _LISTING_NEGATORS else ""
                bare = _before_bare_verb(words, index)
            elif following in _LIMITING:
                # "not simply shipping a release" neither asserts nor denies the shipping:
                # read as denied, with no head, so no contradiction turns on it.
                scope, scope_words, scope_open = True, 0, False
            continue
        if word in _COPULAS and scope and scope_words and index and words[index - 1] not in stop \
                and not negated_condition:
            # "interest not yet recorded *are* adjustments": the negation qualified the
            # subject; the main verb starts what the clause asserts.
            scope, scope_words = False, 0
            continue
        if word == "to" and scope and scope_words and manner_scope:
            # "a CT without contrast to exclude bleeding": what follows is the aim, outside
            # the "without".
            scope, scope_words = False, 0
            continue
        if word in _SCOPE_ENDERS and scope and scope_words:
            following = words[index + 1] if index + 1 < len(words) else ""
            # "not created and initialised each time": the negation carries on to a verb of
            # the same form; after "didn't build" a past "and explained" is a new assertion.
            if listing and (word == "or" or listing == "set aside" and word == "and"):
                continue  # "no slough, eschar or visible fat": none of them
            if bare or not following.endswith(("ed", "ing")):
                scope, scope_words = False, 0
            continue
        # An abbreviation keeps its own stem beside its expansion: "FIFO or LIFO" contrasts
        # two words, while their expansions share most of theirs.
        parts = (word, *expansions[word]) if word in expansions else (word,)
        # "A items", "class C": a capital letter names a thing, except "I" and an opening "A"
        # before a singular noun ("A lower ratio").
        letter = len(word) == 1 and word.isalpha() and piece[token.start:token.end].isupper() \
            and word != "i" and (word != "a" or index > 0 or _plural(words, index + 1))
        for part in parts:
            if not letter and (part in stop or (len(part) < 2 and not part.isdigit()
                                                and part != "n")):
                continue
            stem = tx.stem(part.replace("'", ""))
            stems.append(stem)
            positions.append(index)
            surfaces.append(part)
            in_scope.append(scope)
            if scope:
                denied.add(stem)
                if alternative_scope:
                    alternative.add(stem)
                following = words[index + 1] if index + 1 < len(words) else ""
                # "no sending reputation", "no existing customers": a participle before a
                # noun qualifies it; the noun is what is denied.
                if scope_open and not (noun_phrase and part.endswith("ing")
                                       and following.isalpha() and following not in stop):
                    heads.add(stem)
                    if manner_scope:
                        manner.add(stem)
                    scope_open = False
        if scope and word not in stop:
            scope_words += 1
            if scope_words >= (_ALTERNATIVE_SCOPE_WORDS if alternative_scope
                               else _OWN_SCOPE_WORDS if bare and speaker else _SCOPE_WORDS):
                scope, scope_words = False, 0
    close(len(piece))
    clauses = [replace(c, figures=tuple(
        replace(f, context=_around(c, f, clauses[k - 1] if k else None),
                subject=_around(c, f, clauses[k - 1] if k else None, after=False))
        for f in c.figures))
        if c.figures else c for k, c in enumerate(clauses)]
    joins = frozenset(i for i, t in enumerate(tokens) if t.text == "and")
    turns = frozenset(i for i, t in enumerate(tokens) if t.text.casefold() in _TURN_WORDS)
    return Statement(start, end, tuple(clauses), elided, joins, "than" in words, turns)


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
    opposite: str = ""  # of an antonym: the stem the sentence says in place of the point's


_PRO_FORMS = frozenset(tx.stem(w) for w in ("one", "ones"))
_ONLY = tx.stem("only")


def _with_antecedent(clause: Clause, antecedent: Clause) -> Clause:
    """The clause with the words of the sentence's first clause before it: what "them" or "it"
    stands for ("DITs are book-side items, so I'd book journal entries for *them*")."""
    return replace(clause, stems=antecedent.stems + clause.stems,
                   positions=antecedent.positions + clause.positions,
                   words=antecedent.words + clause.words,
                   denied_words=antecedent.denied_words + clause.denied_words,
                   denied=antecedent.denied | clause.denied)


_POINT_PRONOUN_RE = re.compile(r"\W*(?:it|they|this|these)\b")


def _called_what_it_is_not(point: Clause, sentence: Clause, flipped: frozenset[str],
                           anchors: frozenset[str]) -> bool:
    """"It is a strong hint rather than a directive": a sentence calling the question's own
    subject ("a canonical tag") the thing the point sets aside ("is a directive") says what
    the point says it is not, whatever else the point calls it."""
    if not flipped <= point.alternative or sentence.denied & flipped \
            or not _POINT_PRONOUN_RE.match(point.text):
        return False
    stems = list(sentence.stems)
    at = min(stems.index(f) for f in flipped if f in stems) if flipped & set(stems) else 0
    topic = frozenset(stems[:at])  # the words before the name given: what is so named
    return bool(topic & anchors) and topic <= anchors | _EMPHASIS_STEMS


# Words of emphasis beside what is so named ("a canonical tag is *really* a directive").
_EMPHASIS_STEMS = frozenset(tx.stem(w) for w in ("always", "really", "basically", "actually"))


def _same_proposition(point: Clause, sentence: Clause, changed: frozenset[str],
                      denied: bool = False) -> bool:
    """Do the two clauses say something about the same things, apart from ``changed``?
    ``denied``: ``changed`` is a verb one of them denies, which may be one of two acts."""
    # "NSAIDs don't change the INR" says nothing of "sudden changes shift the INR": what
    # comes before the negation is a subject of its own.
    # "The two don't add up to the total": a pro-form stands for the point's own subject.
    own_subject = denies_of_another(sentence, point.stems, changed) \
        and not (denied and _PRO_SUBJECT_RE.match(sentence.text))
    if len(changed) >= 2 and len(changed) >= 0.5 * len(frozenset(sentence.stems)) \
            and not own_subject:
        return True  # "You won't see it in query logs": the sentence is all about them
    if own_subject and len(changed) < 2:
        return False  # "'delete' never sits beside 'save'" denies one word of another thing
    rest = frozenset(point.stems) - changed
    if not rest:  # the whole clause is what changed ("does not remove a page from the index")
        return len(changed) >= 2
    shared = rest & frozenset(sentence.stems)
    if bool(shared) and len(shared) >= 0.5 * len(rest) and (len(shared) >= 2 or len(rest) <= 1):
        return True
    # A clause of two acts ("tracks forecast accuracy and bias and escalates gaps"): the
    # changed verb's own object is its proposition.
    if not denied or len(changed) != 1 or own_subject:
        return False
    stems = list(point.stems)
    verb = next(iter(changed))
    if verb not in stems:
        return False
    if sentence.stems[-1:] == (verb,) and verb in sentence.alternative \
            and _advised_act(point.text) == verb:
        # "I'd reorientate them rather than escalate": the act the point advises, set aside
        # bare, is set aside whatever the point says it is done with.
        return True
    at = stems.index(verb)
    local = frozenset(stems[at + 1:at + 1 + OBJECT_WORDS]) - changed
    said = frozenset(sentence.stems)
    # The denial says that act and little else ("forecast accuracy isn't tracked").
    return len(local & said) >= 2 and len(local & said) >= 0.5 * len(local) \
        and len(said - local - changed) <= OBJECT_WORDS_ASIDE


# The act a point advises: the verb after its modal ("the nurse *should escalate*"), or its
# first word when it opens on one ("*Escalate* at once").
_ADVISED_RE = re.compile(r"\b(?:should|must|needs?\s+to|has\s+to|have\s+to|ought\s+to)\s+"
                         r"(?:(?:always|immediately|promptly|first|then|also)\s+)?([a-z]+)", re.I)


def _advised_act(text: str) -> str | None:
    found = _ADVISED_RE.search(text)
    return tx.stem(found.group(1).lower()) if found else None


_PRO_SUBJECT_RE = re.compile(r"\W*(?:the two|both|they|these|those|it|this)\b")
OBJECT_WORDS = 3  # content words after a verb that name what it acts on
OBJECT_WORDS_ASIDE = 1  # other words a denial of one of two acts may say
PREFERRED_SHARE = 0.5  # of the words a point prefers that a comparing sentence names too


def denies_of_another(sentence: Clause, point: tuple[str, ...],
                      changed: frozenset[str], before: Clause | None = None) -> bool:
    """Does the clause deny something of a subject of its own, named before its negation and
    not in the point ("*Overnight charging* doesn't degrade the battery")? Not when what it
    denies is the point's own subject ("Adam doesn't use a learning rate"). A clause that
    opens on its negation takes the subject of the clause ``before`` it ("Postgres's default
    level, READ COMMITTED, won't prevent it")."""
    denied = [p for p, d in zip(sentence.positions, sentence.denied_words, strict=False) if d]
    if not denied or sentence.speaker:
        return False  # "I accepted that and didn't involve ...": the speaker is the subject
    subject = frozenset(s for p, s in zip(sentence.positions, sentence.stems, strict=True)
                        if p < min(denied) and not s[:1].isdigit())
    if not subject and before is not None and not before.denied and not before.speaker:
        subject = frozenset(s for s in before.stems if not s[:1].isdigit())
    return bool(subject) and not subject & frozenset(point) and not (
        point[:1] and point[0] in changed)


def _prefers_the_alternative(point: Clause, sentence: Clause, flipped: frozenset[str],
                             point_all: frozenset[str], sentence_asserted: frozenset[str],
                             anchors: frozenset[str]) -> bool:
    """A point that prefers A "rather than" B is contradicted by a sentence that asserts B
    only when it says B in the point's own terms and not A as well: "justified text leaves
    rivers, so I left-align" names both to compare them, and "placeholder text vanishes"
    says something else of B."""
    preferred = frozenset(point.asserted) - anchors - point.alternative
    if preferred and len(preferred & sentence_asserted) >= max(1.0, PREFERRED_SHARE * len(preferred)):
        return False
    if point.asserted:
        return True
    # The clause is the alternative alone ("..., instead of placeholder text"): the sentence
    # must also say something the rest of the point says of it.
    return bool((point_all - flipped - anchors) & sentence_asserted)


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
    return any(_measured(f) for c in statement.clauses for f in c.figures)


def _other_number(point: Clause, sentence: Clause, anchors: frozenset[str] = frozenset(),
                  point_all: frozenset[str] = frozenset(),
                  sentence_topic: frozenset[str] = frozenset(),
                  sentence_figures: tuple[Figure, ...] = (),
                  point_figures: tuple[Figure, ...] = (),
                  ) -> tuple[frozenset[str], frozenset[str]] | None:
    """The point states a figure and the sentence, about the same quantity, another one that
    does not agree with it ("limited to about 10 mmol an hour" / "40 mmol an hour"); None
    otherwise. Figures the question names ("a 301 and a 302") are labels."""
    ours = [f for f in point.figures if _measured(f) and f.stem in point.asserted
            and f.stem not in anchors]
    if not ours:
        return None
    # A clause that restates the point with another figure contradicts it, whatever figures
    # the rest of the sentence gives ("AA needs 3 to 1 for body text, and large text 4.5 to 1").
    restated = _restates(point, sentence)
    said = sentence.figures if restated else (sentence_figures or sentence.figures)
    if any(_same_value(a, b) for a in ours for b in said):
        return None
    theirs = [f for f in sentence.figures if _measured(f) and f.stem in sentence.asserted
              and f.stem not in anchors]
    if not theirs or any(_same_value(b, c) for b in theirs
                         for c in (point_figures or point.figures)):
        # A figure the point gives elsewhere: the sentence speaks of that part of it.
        return None
    # A worked example's figures are its own case's ("say $100,000 of sales, so 32%"): they
    # are compared only with another example's.
    compared = [(a, b) for a in ours for b in theirs if a.worked == b.worked
                and _same_quantity(point, a, sentence, b, anchors, point_all, sentence_topic)]
    if not compared or any(_agree(a, b) for a, b in compared):
        return None
    return (frozenset(a.stem for a, _b in compared), frozenset(b.stem for _a, b in compared))


# Units of measure: a small count with one of these is a measured figure ("5 seconds").
_MEASURES = frozenset(tx.stem(w) for w in (
    "percent", "money", "ratio", "second", "seconds", "minute", "minutes", "hour", "hours",
    "day", "days", "week", "weeks", "month", "months", "year", "years", "ms", "mg", "mcg", "ml",
    "mmol", "meq", "kg", "g", "grams", "units", "point", "points", "pixel", "pixels", "px", "dp",
    "pt", "degrees", "x", "times", "gb", "mb", "tb", "liters", "litres", "mm", "cm", "inches"))


def _measured(figure: Figure) -> bool:
    """A figure that measures something: not a small bare count ("3 tiers", "N+1")."""
    if figure.stem == "1" and figure.unit == "ratio" and figure.low != 1.0:
        return False  # the "1" of "4.5:1", not the ratio "1:1"
    return bool(_figure(figure.stem) or figure.unit in _MEASURES or figure.bound
                or figure.approximate)


def _same_value(ours: Figure, theirs: Figure) -> bool:
    scale = max(1.0, abs(ours.low), abs(ours.high))
    return (abs(ours.low - theirs.low) <= 1e-6 * scale
            and abs(ours.high - theirs.high) <= 1e-6 * scale)


QUANTITY_REACH = 3  # content words either side of a figure that name what it measures
SHARED_CONTEXT = 0.4  # of the words around two figures they must share to measure one thing
RESTATED_SHARE = 0.75  # of a point's other words that a clause restating it uses


def _restates(point: Clause, sentence: Clause) -> bool:
    """Does the clause say the point's words, all but its figures?"""
    words = frozenset(s for s in point.stems if not s[:1].isdigit())
    return len(words) >= 3 and len(words & frozenset(sentence.stems)) >= RESTATED_SHARE * len(words)


TOPIC_WORDS = 3  # the first words of a clause, that name what it is about
# Words of degree or frequency near a figure say how sure or how often, not what it measures.
_TOTALITY_STEMS = frozenset(tx.stem(w) for w in (
    "entire", "entirely", "full", "fully", "whole", "wholly", "completely", "totally",
    "altogether"))
_DEGREE_STEMS = frozenset(tx.stem(w) for w in (
    "about", "around", "roughly", "approximately", "approx", "nearly", "almost", "circa",
    "typically", "typical", "usually", "usual", "commonly", "common", "generally", "often",
    "normally", "cited", "considered", "least", "like", "some", "actually", "only", "just",
    "less", "more", "anything", "lower", "higher", "greater", "fewer", "maximum", "minimum",
    "max", "min", "exceed", "exceeds", "limited", "capped"))


def _plain(clause: Clause, unit: str = "") -> list[tuple[int, str]]:
    return [(p, s) for p, s in zip(clause.positions, clause.stems, strict=True)
            if not s[:1].isdigit() and s != unit and s not in _POLAR_WORDS_STEMS
            and s not in _DEGREE_STEMS]


def _around(clause: Clause, figure: Figure, before_it: Clause | None = None,
            after: bool = True) -> frozenset[str]:
    """The words that name what a figure measures: its neighbours in the clause, without
    figures, its unit and words of degree ("below", "more"); the end of the clause before
    when its own has none (", often 20 to 40 or more")."""
    words = _plain(clause, figure.unit)
    # By written word: "OEE" and the three words it stands for are one word away.
    before = sorted({p for p, _s in words if p < figure.position})[-QUANTITY_REACH:]
    following = sorted({p for p, _s in words if p > figure.position})[:QUANTITY_REACH] \
        if after else []
    found = frozenset(s for p, s in words if p in before or p in following)
    if found or before_it is None:
        return found
    words = _plain(before_it)
    last = sorted({p for p, _s in words})[-QUANTITY_REACH:]
    return frozenset(s for p, s in words if p in last)


def _topic(clause: Clause) -> frozenset[str]:
    """The first words of a clause: what it is about."""
    words = [(p, s) for p, s in zip(clause.positions, clause.stems, strict=True)
             if not s[:1].isdigit() and s not in _DEGREE_STEMS and s not in _POLAR_WORDS_STEMS]
    first = sorted({p for p, _s in words})[:TOPIC_WORDS]
    return frozenset(s for p, s in words if p in first)


def _same_quantity(point: Clause, ours: Figure, sentence: Clause, theirs: Figure,
                   anchors: frozenset[str], point_all: frozenset[str],
                   sentence_topic: frozenset[str] = frozenset()) -> bool:
    """Do two figures measure the same thing: the same unit (when both name one) and a word
    in common around them, with the sentence's figure not said of another part of the point
    ("more base for technical roles" where the point's figure is the common split)?"""
    if ours.change != theirs.change:
        return False  # "TCV rises to $320k" after a change the point does not speak of
    our_words, their_words = ours.context, theirs.context
    if ours.unit and theirs.unit and ours.unit != theirs.unit \
            and ours.unit not in their_words and theirs.unit not in our_words:
        return False  # "15 minutes" and "20 gauge"; but "a 1 to 10 rating" and "rated 1 to 10"
    if ours.base and theirs.base and not ours.base & theirs.base:
        return False  # "20 percent of SKUs" and "80 percent of the value"
    shared = our_words & their_words
    elsewhere = (their_words & point_all) - our_words - anchors
    if shared:
        # Most of what names the quantity, not only the population it is counted in ("70
        # percent of tickets resolved at first contact" is not "a ticket reopen rate of 5").
        enough = any(_enough(a, b, anchors) for a, b in ((our_words, their_words),
                                                          (ours.subject, theirs.subject)))
        return enough and len(elsewhere) <= len(shared - anchors)
    # Or both clauses are about the same thing and the figures have the same unit ("AAA ...
    # asks for 2.5 to 1" against "Level AAA raises it to 4.5:1").
    # The unit itself ("percent") names no topic; a synonym does ("chicken" for "poultry").
    unnamed = anchors | _MEASURES | {ours.unit}
    their_topic = _with_labels((_topic(sentence) | sentence_topic) - unnamed)
    return bool(ours.unit and ours.unit == theirs.unit and not elsewhere
                and _with_labels(_topic(point) - unnamed) & their_topic)


def _with_labels(stems: frozenset[str]) -> frozenset[str]:
    return stems.union(*(tx.synonym_labels(s) for s in stems))


def _enough(ours: frozenset[str], theirs: frozenset[str], anchors: frozenset[str]) -> bool:
    """Do two sets of words around figures share enough of themselves (the question's words
    count only when they are all that is shared)?"""
    if (ours & theirs) - anchors:
        ours, theirs = ours - anchors, theirs - anchors
    shared = ours & theirs
    return bool(shared) and len(shared) >= SHARED_CONTEXT * min(len(ours), len(theirs))


def _interval(figure: Figure, slack: float) -> tuple[float, float]:
    low, high = figure.low - slack, figure.high + slack
    if figure.bound == "upper":
        return float("-inf"), high
    if figure.bound == "lower":
        return low, float("inf")
    return low, high


def _agree(ours: Figure, theirs: Figure) -> bool:
    """Do the figures agree: one inside the other's range or bound, or within a small share of
    an approximate one ("around 66" and "about 65")? Two bounds the same way agree only on the
    same value ("under 40" is not "below 70")."""
    share = APPROXIMATE_SLACK if ours.approximate or theirs.approximate else RANGE_SLACK
    slack = share * max(abs(ours.low), abs(ours.high), abs(theirs.low), abs(theirs.high))
    slack = max(slack, 1e-9)
    if ours.bound and ours.bound == theirs.bound:
        return abs(ours.high - theirs.high) <= slack or abs(ours.low - theirs.low) <= slack
    if not (ours.bound or theirs.bound or share) and ours.low < ours.high \
            and theirs.low < theirs.high:
        # Two spans said exactly ("a 1 to 10 rating", "a 1 to 100 rating") are one scale or two.
        return abs(ours.low - theirs.low) <= slack and abs(ours.high - theirs.high) <= slack
    our_low, our_high = _interval(ours, slack)
    their_low, their_high = _interval(theirs, 0.0)
    return our_low <= their_high and their_low <= our_high


def _clause_contradiction(point: Clause, sentence: Clause, point_all: frozenset[str],
                          sentence_all: frozenset[str],
                          anchors: frozenset[str] = frozenset(),
                          antonyms: bool = True,
                          sentence_asserted: frozenset[str] = frozenset(),
                          sentence_topic: frozenset[str] = frozenset(),
                          sentence_figures: tuple[Figure, ...] = (),
                          point_figures: tuple[Figure, ...] = (),
                          story: bool = False,
                          agreed: frozenset[str] = frozenset(),
                          sentence_denies: frozenset[str] = frozenset(),
                          antecedent: Clause | None = None) -> Contradiction | None:
    """``point_all``, ``sentence_all``: every stem of the whole point and sentence (a point
    that names both sides of an antonym pair is not contradicted by either);
    ``sentence_asserted``: what the whole sentence asserts; ``sentence_topic``: the first words
    of its first clause; ``agreed``: words the sentence denies as the point does somewhere, or
    denies as another thing (the elliptical "..., not B" of a phrase the point does not say)."""
    # "recognised when cash is received" states the condition a point rules out.
    conditional = (point.conditional or sentence.conditional) and not point.denies_condition
    point_denied = frozenset() if point.purpose else point.denied - point.asserted
    # ("locking does not lock": both, so neither)
    sentence_denied = frozenset() if sentence.purpose else \
        sentence.denied - sentence.asserted - agreed
    # A word the sentence itself denies somewhere, as the point does ("with little or no
    # storage ..., so you save storage costs"), is not asserted against the point.
    flipped = (point.asserted & sentence_denied) | (point_denied & sentence.asserted
                                                    - sentence_denies)
    if sentence.timing and not point.timing:
        # "I don't answer straight away" puts the act later; it denies the timing, which a
        # point saying the act ("ask first, before responding") does not give.
        flipped = flipped - sentence_denied
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
    if flipped and sentence.elliptical and not sentence.asserted \
            and not sentence_topic & frozenset(point.stems):
        # "X is an initiative, not a key result": the elliptical "not B" denies that X is B,
        # not what the point says of B itself.
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
    if flipped and flipped <= point.alternative and not _prefers_the_alternative(
            point, sentence, flipped, point_all, sentence_asserted, anchors):
        flipped = frozenset()
    if flipped and (negates_a_bound(sentence) or negates_a_bound(point)):
        # "never hold cold food above 41" says "at 41 or below": the negation falls on the
        # bound, not on what is held.
        flipped = frozenset()
    if flipped and not (sentence.advice or sentence.prohibits or sentence.speaker) \
            and quantity_falls_short(sentence, flipped & sentence_denied):
        # "Four days doesn't even cover a full week" says a case falls short of what the
        # point advises ("cover full weekly cycles"); it does not deny the advice.
        flipped = flipped - sentence_denied
    if flipped & sentence_denied:
        # "no billing incidents" is as few as can be: it agrees with "fewer incidents".
        lessened = frozenset(s for k, s in enumerate(point.stems)
                             if _LESSENING & set(point.stems[max(0, k - REDUCED_REACH):k]))
        flipped = flipped - (lessened & sentence_denied)
    # "I don't show a solution in those early interviews" holds back what the point puts
    # off ("... before showing any solution").
    flipped = flipped - (point.deferred & sentence_denied)
    declined = flipped & sentence_denied
    if declined and declined <= point.subject and (
            sentence.speaker or declined <= sentence.alternative):
        # "I wouldn't one-hot it" turns down the thing a point describes ("one-hot encoding
        # creates an enormous sparse matrix"); it says nothing against what is said of it.
        flipped = flipped - declined
    if flipped and sentence.prohibits and not (point.advice or point.prohibits):
        # "Don't rebase commits others have pulled" is a rule; a point saying what a rebase
        # does is not its opposite.
        flipped = frozenset()
    # Two preferences ("escalate rather than wait" / "reorientate rather than escalate") set
    # their alternatives aside plainly enough to compare.
    # The sentence must prefer something else: "rather than granting permissions person by
    # person, I define roles around job functions" prefers what the point prefers.
    preferences = point.denied <= point.alternative and sentence.denied <= sentence.alternative \
        and not (sentence_asserted - sentence.alternative) & (point.asserted - point.alternative)
    if flipped and not conditional and (not (point.denied and sentence.denied) or preferences) \
            and (
            _same_proposition(point, sentence, flipped, denied=True)
            or antecedent is not None and not sentence.denied
            and _same_proposition(point, _with_antecedent(sentence, antecedent), flipped)
            or _called_what_it_is_not(point, sentence, flipped, anchors)):
        return Contradiction("negation", ", ".join(sorted(flipped)))
    point_clause = frozenset(point.stems)
    wrong_number = _other_number(point, sentence, anchors, point_all, sentence_topic,
                                 sentence_figures, point_figures)
    if wrong_number and _same_proposition(point, sentence, wrong_number[0] | wrong_number[1]):
        return Contradiction("number", f"{sorted(wrong_number[0])[0]} / {sorted(wrong_number[1])[0]}")
    for stem in point.asserted if antonyms else ():
        if same_side(stem) & sentence_all:
            continue
        opposite = antonyms_of(stem) & sentence.asserted
        # "I can't treat any accommodation as optional": a negated verb denies the opposite.
        opposite = frozenset(o for o in opposite if not _after_negation(sentence, o))
        # "includes only the subscription" says what "excludes one-time fees" says.
        opposite = frozenset(o for o in opposite if not _next_to(sentence.stems, o, _ONLY))
        # A point that names both sides ("an increase lowers income") is not flipped by either.
        opposite = frozenset(o for o in opposite if not same_side(o) & point_clause)
        if stem in anchors:
            # The question contrasts them ("optimistic or pessimistic"): a sentence about the
            # other one is not a contradiction (swapped roles are checked apart).
            opposite = frozenset(o for o in opposite if o not in anchors)
        shared = (point_clause & frozenset(sentence.stems)) - anchors
        defined = _defined_as(point, stem) if opposite else None
        if defined and any(_defined_as(sentence, o) == defined for o in opposite):
            # "The critical path is the shortest route" against "the critical path is the
            # longest sequence": one thing defined by opposite words.
            return Contradiction("antonym", f"{stem} / {sorted(opposite)[0]}", sorted(opposite)[0])
        if opposite and len(shared) < 2 and len(point_clause - anchors - {stem}) >= 2:
            continue
        if story:
            # "After reading the logs I found the cause" orders other events than "found the
            # cause before changing anything": the opposite words must qualify the same words.
            ours = _clause_neighbours(point, stem)
            opposite = frozenset(o for o in opposite if _clause_neighbours(sentence, o) & ours)
        if opposite and _same_proposition(point, sentence, frozenset([stem])):
            return Contradiction("antonym", f"{stem} / {sorted(opposite)[0]}",
                                 sorted(opposite)[0])
    return None


_DEFINITION_RE = re.compile(
    r"^\W*(?:(?:the|a|an)\s+)?((?:[\w'-]+\s+){0,3}?[\w'-]+)\s+(?:is|are|means)\s+"
    r"(?:(?:really|simply|just|basically|essentially|actually)\s+)?(?:(?:the|a|an)\s+)?"
    r"([\w-]+)(?:\s+([\w-]+))?")
DEFINED_WORDS = 1  # content words, at the least, that name what a clause defines


def _defined_as(clause: Clause, stem: str) -> frozenset[str] | None:
    """What a clause that defines a thing ("the critical path is the longest sequence")
    names, when ``stem`` is the first or second word of its definition; else None."""
    match = _DEFINITION_RE.match(clause.text)
    if not match or stem not in {tx.stem(w) for w in match.groups()[1:] if w}:
        return None
    named = frozenset(tx.content_stems(match.group(1)))
    return named if len(named) >= DEFINED_WORDS else None


_NUMBER_WORDS = frozenset(tx.stem(w) for w in (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "dozen",
    "half", "couple"))


def quantity_falls_short(clause: Clause, denied: frozenset[str]) -> bool:
    """Is the clause's subject a quantity, said before what it denies ("*four days* doesn't
    cover a full week"), not a figure on the way ("comes out at 100 without a shared
    store")?"""
    if not denied or not clause.stems or _PRO_SUBJECT_RE.match(clause.text):
        return False  # "the two don't add up": a pro-form, not a quantity
    first = clause.stems[0]
    return (first[:1].isdigit() or first in _NUMBER_WORDS) and first not in denied


def negates_a_bound(clause: Clause) -> bool:
    """Does a negation in the clause come before a bounded figure ("never above 41")?"""
    denied = [p for p, d in zip(clause.positions, clause.denied_words, strict=False) if d]
    return bool(denied) and any(f.bound and f.position > min(denied) for f in clause.figures)


def _after_negation(clause: Clause, stem: str) -> bool:
    """Is ``stem`` said after a negation in the clause ("can't treat it as *optional*")?"""
    denied = [p for p, d in zip(clause.positions, clause.denied_words, strict=False) if d]
    said = [p for p, s in zip(clause.positions, clause.stems, strict=True) if s == stem]
    return bool(denied and said) and min(denied) < min(said)


_SUSPECT_RE = re.compile(r"\b(?:suspects?|culprits?|(?:likely|usual|common|probable) "
                         r"(?:cause|causes|reason|reasons))\b")
_DECREASE_STEMS = frozenset(tx.stem(w) for w in (
    "reduce", "reduces", "reducing", "reduced", "decrease", "decreases", "lowers", "lowering",
    "cut", "cuts", "offset", "offsets", "shrink", "shrinks", "lessen", "lessens"))
REDUCED_REACH = 2  # content words before a thing that a decreasing verb may govern
_LESSENING = _DECREASE_STEMS | frozenset(tx.stem(w) for w in (
    "fewer", "less", "lower", "minimal", "minimise", "minimize", "minimum"))


def _reduced(statement: Statement, stem: str) -> bool:
    """Is ``stem`` what a decreasing verb acts on ("an item that *reduces* book income"), so
    that it says what its opposite says ("a book expense")?"""
    ordered = [s for _p, s in statement.ordered()]
    return any(s == stem and _DECREASE_STEMS & set(ordered[max(0, k - REDUCED_REACH):k])
               for k, s in enumerate(ordered))


def _preferred_end(before: Clause, elliptical: Clause) -> frozenset[str]:
    """What a clause prefers to the elliptical "not B" after it: the words it puts where B's
    words stand ("*effective* stress" before ", not total stress")."""
    theirs = frozenset(elliptical.stems)
    stems = before.stems
    return frozenset(stems[i - 1] for i, s in enumerate(stems)
                     if i and s in theirs and stems[i - 1] not in theirs)


# Verbs of a remedy: what follows them ("defeats *replay attacks*") is kept away.
KEEPING_AWAY = frozenset(tx.stem(w) for w in (
    "prevent", "prevents", "prevented", "mitigate", "mitigates", "defend", "defends", "stops",
    "stopped", "defeat", "defeats", "defeated", "thwart", "thwarts", "thwarted"))


def kept_away(clause: Clause) -> tuple[str, ...]:
    """The words after a verb of remedy in the clause ("defeats *precomputed rainbow
    tables*"): a sentence denying them ("no rainbow tables") keeps them away too."""
    at = next((i for i, s in enumerate(clause.stems) if s in KEEPING_AWAY), None)
    return clause.stems[at + 1:] if at is not None else ()


def _other_things(point: Statement, sentence: Statement) -> frozenset[str]:
    """Words the sentence denies only in an elliptical "..., not B" that sets another thing
    aside: B has a word the point never says ("for cash flow to the firm, not cash flow to
    *equity*"), or the point also says the end the sentence prefers to B ("profit, not
    revenue" against "the gross profit, margin-adjusted revenue over churn")."""
    out: set[str] = set()
    for k, clause in enumerate(sentence.clauses):
        if not clause.elliptical or clause.asserted or not clause.denied:
            continue
        own = frozenset(s for s in clause.denied if not s[:1].isdigit())
        before = sentence.clauses[k - 1] if k else None
        # The end right before ", not B" is what the sentence prefers to B.
        preferred = frozenset(s for s in before.stems[-1:] if s in before.asserted) \
            if before else frozenset()
        if own - point.stems or (preferred and preferred <= point.asserted):
            out |= own
    return frozenset(out)


def _labels(statement: Statement) -> frozenset[str]:
    """The capital letters that name things in it ("A items", "C = ..."), as stems."""
    return frozenset(s for s in statement.stems if len(s) == 1 and s.isalpha() and s != "n")


def names_another(point: Statement, sentence: Statement) -> bool:
    """Do the point and the sentence name things by different letters ("A items are 70 to
    80 percent of value" and "C = ~5% of value"): a figure of one is not one of the other."""
    ours, theirs = _labels(point), _labels(sentence)
    return bool(ours and theirs and not ours & theirs)


def _as_clause(statement: Statement) -> Clause:
    """The whole sentence as one clause ("DELETE, on the other hand, is not idempotent").
    What a clause looks for or aims at ("see where we have no contacts") is denied in none."""
    return Clause(statement.start, statement.end,
                  tuple(s for c in statement.clauses for s in c.stems),
                  tuple(p for c in statement.clauses for p in c.positions),
                  frozenset(s for c in statement.clauses if not c.purpose for s in c.denied)
                  - statement.asserted,
                  denied_words=tuple(d for c in statement.clauses for d in c.denied_words),
                  heads=frozenset(h for c in statement.clauses if not c.purpose for h in c.heads),
                  advice=any(c.advice for c in statement.clauses),
                  alternative=frozenset(a for c in statement.clauses for a in c.alternative),
                  prohibits=bool(statement.clauses) and statement.clauses[0].prohibits,
                  figures=tuple(f for c in statement.clauses for f in c.figures),
                  timing=any(c.timing for c in statement.clauses),
                  speaker=any(c.speaker for c in statement.clauses if c.denied))


def _unconditional_part(statement: Statement, given: frozenset[str]) -> Statement | None:
    """The statement without its parts (cut at ";" or ":") that hold under a condition; None
    when every part does. "X is a hint, not a directive: Google may pick another if signals
    conflict" says the first part whatever the condition of the second."""
    parts: list[list[Clause]] = []
    for clause in statement.clauses:
        if not parts or clause.text.lstrip().startswith((";", ":")):
            parts.append([])
        parts[-1].append(clause)
    free = [c for part in parts
            if not any(c.conditional and not set(c.stems) <= given for c in part) for c in part]
    if not free or len(free) == len(statement.clauses):
        return None
    return replace(statement, clauses=tuple(free))


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
        if before and position + 1 in statement.joins:
            # "stockouts drop and safety stock goes up": a word after its subject, with an
            # "and" next, qualifies that subject, not the next one ("a water reducer or
            # superplasticizer" names alternatives).
            after = frozenset()
        out.append((stem, position, after or before))
    return out


# "Most falls happen ...", "the least": a share, not a change.
_UP = frozenset(tx.stem(w) for w in ("more", "up"))
_DOWN = frozenset(tx.stem(w) for w in ("less", "fewer", "down"))
# Verbs that only carry a change ("recall *goes* up"): what changes is the word before them.
_CARRIERS = frozenset(tx.stem(w) for w in ("go", "goes", "went", "gone", "going", "get", "gets",
                                           "got", "become", "becomes", "became", "stay", "stays",
                                           "move", "moves", "moved", "tend", "tends"))


@lru_cache(maxsize=4096)
def _direction(stem: str) -> int:
    """+1 for a word of more ("larger", "raises", "more"), -1 for one of less, else 0."""
    if stem in _UP or stem in same_side(_HIGHER):
        return 1
    if stem in _DOWN or stem in same_side(_LOWER):
        return -1
    return 0


_HIGHER, _LOWER = tx.stem("higher"), tx.stem("lower")


def _directed(statement: Statement) -> list[tuple[int, tuple[str, ...]]]:
    """(direction, what it is said of) for each word of more or less in the statement: the
    next two content words of its clause ("raises *the decision threshold*"), or the word
    before it when none follow ("recall *goes up*")."""
    out = []
    for clause in statement.clauses:
        ordered = list(zip(clause.positions, clause.stems, strict=True))
        near = [(p, s) for p, s in ordered if not _direction(s) and s not in _POLAR_WORDS_STEMS
                and s not in _CARRIERS]
        figures = {p for p, s in ordered if s[:1].isdigit() or s in _NUMBER_WORDS}
        for position, stem in ordered:
            way = _direction(stem)
            if not way or stem in clause.denied or {position - 1, position - 2} & figures:
                continue  # "2 or more points" is a bound, not a change
            # Up to the next word of more or less, or the next "and" ("increases precision
            # and decreases recall").
            stop = min([p for p, s in ordered if p > position and _direction(s)]
                       + [j for j in statement.joins if j > position] + [position + 99])
            after = [s for p, s in near if 0 < p - position <= ATTACH_REACH + 1 and p < stop][:2]
            before = [s for p, s in near if 0 < position - p <= ATTACH_REACH + 1][-1:]
            if before and position + 1 in statement.joins:
                after = []  # "stockouts drop and safety stock goes up": said of its subject
            out.append((way, tuple(after or before)))
    return out


def _governed(point: Statement, k: int, pair: frozenset[str]) -> Clause:
    """The point's clause ``k`` with the one of two contrasted things it speaks of: its own
    mention, or the last one in the clauses before it."""
    clause = point.clauses[k]
    if frozenset(clause.stems) & pair:
        return clause
    before = [s for c in point.clauses[:k] for s in c.stems if s in pair]
    if not before:
        return clause
    return Clause(clause.start, clause.end, (*clause.stems, before[-1]),
                  (*clause.positions, clause.positions[-1] if clause.positions else 0),
                  clause.denied)


def _as_statement(clause: Clause) -> Statement:
    """A clause read as a statement of its own, for what it names."""
    return Statement(clause.start, clause.end, (clause,))


def _about_another(point: Statement, sentence: Statement, things: frozenset[str]) -> bool:
    """Does each name one of ``things`` and not the one the other names?"""
    ours, theirs = point.stems & things, sentence.stems & things
    return bool(ours and theirs and not ours & theirs)


_CAPITALISED_RE = re.compile(r"\b[A-Z][A-Z0-9&]{1,}\b")


def _names(question: str) -> frozenset[str]:
    """Stems of the capitalised names a question gives ("FIFO", "LIFO"), when it gives two
    or more."""
    names = frozenset(tx.stem(m.group().lower()) for m in _CAPITALISED_RE.finditer(question))
    return names if len(names) >= 2 else frozenset()


def _has_direction(statement: Statement) -> bool:
    return bool(statement.directed)


def _reversed_tie(point: Statement, sentence: Statement, question: str = ""
                  ) -> Contradiction | None:
    """The point ties two quantities ("*smaller* effects need *larger* samples") and the
    sentence keeps one and turns the other ("*bigger* effects need *bigger* samples"): the
    tie is reversed. Turning both ("bigger effects need smaller samples") says the same."""
    if point.compares or sentence.compares or _about_another(point, sentence, _names(question)):
        return None  # a comparison, or a tie of another thing the question names ("FIFO")
    # The quantities the question names are what a tie is about: they count here.
    ours = [(way, targets) for way, targets in point.directed if targets]
    if len(ours) < 2:
        return None
    theirs = [(way, targets) for way, targets in sentence.directed if targets]

    def fit(a: tuple[str, ...], b: tuple[str, ...]) -> float:
        """Shared words, the word right after each counting most ("less *permeable*")."""
        return len(set(a) & set(b)) + 0.5 * (a[0] in b) + 0.5 * (b[0] in a)

    # Each word of the sentence answers the one of the point it fits best, once; between
    # two that fit as well, the reading that agrees.
    pairs = sorted(((fit(a, b), w == v, i, k) for i, (w, a) in enumerate(ours)
                    for k, (v, b) in enumerate(theirs) if set(a) & set(b)), reverse=True)
    used_ours: set[int] = set()
    used_theirs: set[int] = set()
    turned: set[str] = set()
    kept: set[str] = set()
    for _n, _agrees, i, k in pairs:
        if i in used_ours or k in used_theirs:
            continue
        used_ours.add(i)
        used_theirs.add(k)
        shared = set(ours[i][1]) & set(theirs[k][1])
        (turned if theirs[k][0] == -ours[i][0] else kept).update(shared)
    turned_only, kept_only = turned - kept, kept - turned
    if turned_only and kept_only:
        return Contradiction("antonym", f"{sorted(kept_only)[0]} / {sorted(turned_only)[0]}")
    return None


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
    ours = _attachments(point, skip)
    for stem, position, targets in ours:
        if not targets or stem in denied or stem in anchors or position < ours_from:
            continue  # a word of the question ("when prices rise") is its setting
        opposite = antonyms_of(stem)
        own_side = same_side(stem)
        for other, other_position, other_targets in theirs:
            if other not in opposite or other in denied or _next_to_in(sentence, other, _ONLY) \
                    or _reduced(sentence, other):
                continue
            shared = targets & other_targets
            if not shared:
                continue
            # The point says both of the same thing ("from inbound trucks to outbound
            # trucks", "too cheap ... too expensive"): either one is the point's own.
            if any(o == other and t & shared for o, _q, t in ours):
                continue
            # The sentence also says the point's word of the same thing: it compares them.
            if any(o in own_side and t & shared for o, _q, t in theirs):
                continue
            if pair:
                ours_about = _governing(point, position, pair)
                theirs_about = _governing(sentence, other_position, pair)
                if ours_about != theirs_about:
                    continue
            return Contradiction("antonym", f"{stem} / {other} ({sorted(shared)[0]})", other)
    return None


def _swapped_pair(point: Statement, sentence: Statement) -> Contradiction | None:
    """The point gives each word of an opposite pair its own thing ("debits *prepaid*
    insurance and credits insurance *expense*") and the sentence gives each the other's
    ("a debit to insurance expense and a credit to prepaid insurance"). A point that compares
    two things ("lower costs than LIFO") gives its words to the comparison, not to things of
    their own."""
    if point.compares:
        return None
    denied = point.denied | sentence.denied

    def said_of(statement: Statement, word: str, pair: frozenset[str]) -> frozenset[str]:
        """The next words after each ``word``, up to the next word of the pair."""
        ordered = [s for _p, s in statement.ordered()]
        out: set[str] = set()
        for index, stem in enumerate(ordered):
            if stem == word:
                for following in ordered[index + 1:index + 1 + SWAP_REACH]:
                    if following in pair:
                        break
                    out.add(following)
        return frozenset(out)

    for stem in point.stems - denied:
        for other in antonyms_of(stem) & point.stems & sentence.stems - denied:
            if stem not in sentence.stems:
                continue
            pair = frozenset((stem, other))
            mine = said_of(point, stem, pair) - said_of(point, other, pair)
            its = said_of(point, other, pair) - said_of(point, stem, pair)
            if not mine or not its:
                continue  # the point does not give each word a thing of its own
            their_other, their_stem = said_of(sentence, other, pair), said_of(sentence, stem, pair)
            if their_other & mine and their_stem & its \
                    and not their_stem & mine and not their_other & its:
                return Contradiction("swap", f"{stem} / {other} ({sorted(their_other & mine)[0]})",
                                     other)
    return None


SWAP_REACH = 2  # words after each word of a pair that name what it is said of


def contradicts(point: Statement, sentence: Statement,
                anchors: frozenset[str] = frozenset(), loose: bool = False,
                question: str = "") -> Contradiction | None:
    """Does ``sentence`` state the opposite of ``point``? Clause by clause: a flipped
    negation or an antonym about the same things, or the roles of two things the question
    names (``anchors``), or the point sets side by side, swapped. ``loose``: an antonym also
    counts in a sentence that shares only the question's words with the point (for answers
    that make no point at all)."""
    return _contradicts(point, sentence, anchors, loose, question) \
        or _swapped_side_by_side(point, sentence)


def _contradicts(point: Statement, sentence: Statement, anchors: frozenset[str], loose: bool,
                 question: str) -> Contradiction | None:
    if not point.stems & sentence.stems and not (loose and sentence.stems & anchors):
        return None
    if not (point.denied or sentence.denied or _antonyms_of_all(point) & sentence.stems
            or (question and contrast_pair(question))
            or (_has_figure(point) and _has_figure(sentence))
            or (_has_direction(point) and _has_direction(sentence))):
        return None  # nothing that could flip: no negation, antonym, contrast or figure
    rules_out = any(c.denies_condition for c in point.clauses)
    pair = contrast_pair(question) if question else None
    other_thing = _about_another(point, sentence, pair) if pair else False
    # The question's words set the scene of a condition ("when prices are rising"), except
    # the two things it contrasts: "if the page is blocked in robots.txt" picks one of them.
    setting = anchors - pair if pair else anchors
    if (_conditional(point, setting) or _conditional(sentence, setting)) and not rules_out:
        # "If none is defined, the compiler adds one": each clause holds only under the other.
        # A tie holds across its condition ("when you raise the threshold, recall goes up").
        # A condition holds in its own part of the point: "X is not Y; it is Z if W" still
        # says plainly that X is not Y.
        free = None if _conditional(sentence, setting) else _unconditional_part(point, setting)
        found_free = contradicts(free, sentence, anchors, loose, question) if free else None
        if found_free:
            return found_free
        tie = None if other_thing else _reversed_tie(point, sentence, question)
        return tie or (_swapped_roles(point, sentence, anchors, question) if question else None)
    if other_thing:
        return None  # about the other of the two things the question contrasts
    # An opposite word flips a claim only about the same thing: the point's first plain word
    # ("NRR includes expansion" is not flipped by "gross retention excludes expansion").
    subject = next((s for _p, s in point.ordered()
                    if not antonyms_of(s) and s not in _POLAR_WORDS_STEMS), None)
    about_it = subject is None or subject in sentence.stems
    whole = _as_clause(sentence)
    topic = _topic(sentence.clauses[0]) if sentence.clauses else frozenset()
    # A story told against a rubric ("I measured the result after the fix"): its sentences
    # order and weigh their own events, so an opposite word counts only in a clause that
    # says the point's own proposition.
    story = any(c.speaker for c in sentence.clauses) and _asks_for_a_story(question)
    point_figures = tuple(f for c in point.clauses for f in c.figures)
    # "thousands of guesses instead of billions with SHA-256" against "SHA-256 is unsuitable
    # because GPUs try billions": both set aside the same thing.
    shunned = bool(frozenset().union(*(c.alternative for c in sentence.clauses))
                   & (point.denied - point.asserted))
    suspects = any(_SUSPECT_RE.search(c.text) for c in sentence.clauses)
    agreed = point.denied | _other_things(point, sentence) | frozenset(
        s for c in point.clauses for s in (*kept_away(c), *c.apart))
    for k, point_clause in enumerate(point.clauses):
        if pair and _about_another(_as_statement(_governed(point, k, pair)), sentence, pair):
            # "..., whereas L2 shrinks them but rarely makes them exactly zero" says nothing
            # of a sentence about L1 alone.
            continue
        # "controlled by effective stress, not total stress": a sentence naming both ends
        # ("effective stress is total stress minus pore pressure") defines, it does not deny.
        both = k > 0 and point_clause.elliptical and bool(
            _preferred_end(point.clauses[k - 1], point_clause) & sentence.asserted)
        for sentence_clause in (*sentence.clauses, whole):
            found = _clause_contradiction(point_clause, sentence_clause, point.stems,
                                          sentence.stems, anchors, about_it,
                                          sentence_asserted=sentence.asserted,
                                          sentence_topic=topic, sentence_figures=whole.figures,
                                          point_figures=point_figures, story=story,
                                          agreed=agreed, sentence_denies=sentence.denied,
                                          antecedent=sentence.clauses[0]
                                          if sentence_clause is not sentence.clauses[0]
                                          and sentence_clause is not whole else None)
            if found and found.kind == "antonym" and story and (
                    sentence_clause is whole
                    or not _tells_the_point(point_clause, sentence_clause, anchors)):
                continue
            if found and found.kind == "negation" and (both or shunned):
                continue
            if found and found.kind == "antonym" and suspects:
                # "The second suspect is a mutable key" names a likely cause: it agrees with a
                # point saying what the cause is and with one saying what avoids it.
                continue
            if found and found.kind == "negation" \
                    and set(found.detail.split(", ")) <= point_clause.alternative \
                    and point_clause.subject and not point_clause.subject & sentence.stems:
                # "Email is staffed from backlog rather than Erlang C": what the point sets
                # aside for its own subject may be the right tool for another ("Erlang C
                # gives about 25 agents on the phones").
                continue

            if found and found.kind == "number" and names_another(point, sentence):
                continue
            # "the bank has recorded but the ledger has not": a verb denied by ellipsis on
            # either side leaves its polarity to the other clause, too loose to flip.
            if found and not (found.kind == "negation"
                              and (sentence.elided_negation or point.elided_negation)):
                return found
    if story and not any(_tells_the_point(p, c, anchors)
                         for p in point.clauses for c in sentence.clauses):
        return _swapped_roles(point, sentence, anchors, question) if question else None
    attached = (None if suspects else _attached_antonym(point, sentence, anchors, question)) \
        or _reversed_tie(point, sentence, question) \
        or _swapped_pair(point, sentence)
    if attached:
        return attached
    if loose and sentence.stems & anchors and not suspects:
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
            # A word of the question near both ("a SUS *score* of about 68 is average",
            # "multiply by 2.5 to get a *score*") is the setting, not the thing qualified.
            if stem not in _POLAR_WORDS_STEMS:
                # "cost of sales entirely" and "the entire profit": a word of totality
                # qualifies the whole claim, not the thing.
                ours = _neighbours(point, stem) - anchors - _TOTALITY_STEMS
                opposite = frozenset(o for o in opposite if _neighbours(sentence, o) & ours)
            elif stem in _TEMPORAL:
                # "strip spaces before validation" orders other events than "measured the
                # result after the fix": before and after oppose only about the same event.
                ours = _object_of(point, stem)
                opposite = frozenset(o for o in opposite if _object_of(sentence, o) == ours)
            if opposite:
                return Contradiction("antonym", f"{stem} / {sorted(opposite)[0]}",
                                 sorted(opposite)[0])
    return _swapped_roles(point, sentence, anchors, question) if question else None


_TEMPORAL = frozenset(tx.stem(w) for w in ("before", "after"))


def _object_of(statement: Statement, stem: str) -> str | None:
    """The first word said after ``stem`` (the event "before" or "after" places things by)."""
    ordered = statement.ordered()
    for k, (_position, word) in enumerate(ordered):
        if word == stem:
            return ordered[k + 1][1] if k + 1 < len(ordered) else None
    return None


_STORY_QUESTION_RE = re.compile(
    r"\b(?:tell me about|describe a (?:time|situation)|give (?:me )?an example|share an example"
    r"|walk me through a time|a time when|a time you)\b", re.I)
# Asked of the person ("a deal you lost", "your design") or of an event ("tell me about a launch").
_OF_THE_PERSON_RE = re.compile(r"\b(?:you|your)\b|\btell me about an?\b", re.I)
_HYPOTHETICAL_RE = re.compile(r"\b(?:would|will|should|could|how do|how does|what is|what are)\b",
                              re.I)


@lru_cache(maxsize=1024)
def _asks_for_a_story(question: str) -> bool:
    """A behavioural question: "Tell me about a deal you lost", not "Tell me about hashing"
    or "Describe how you would shard this"."""
    return bool(_STORY_QUESTION_RE.search(question) and _OF_THE_PERSON_RE.search(question)
                and not _HYPOTHETICAL_RE.search(question))


STORY_SHARE = 0.6  # of a rubric point's own words that a story clause must say to oppose it


def _clause_neighbours(clause: Clause, stem: str) -> frozenset[str]:
    """The stems within NEIGHBOUR_REACH of ``stem`` in the clause."""
    stems = clause.stems
    return frozenset(stems[k] for i, s in enumerate(stems) if s == stem
                     for k in range(max(0, i - NEIGHBOUR_REACH),
                                    min(len(stems), i + NEIGHBOUR_REACH + 1)) if stems[k] != stem)


def _tells_the_point(point: Clause, sentence: Clause, anchors: frozenset[str]) -> bool:
    """Does a clause of a story say the rubric point's own proposition: most of its words
    besides the question's, its words of degree and its opposable words?"""
    rest = frozenset(s for s in point.stems if s not in anchors and s not in _POLAR_WORDS_STEMS
                     and not antonyms_of(s) and s not in _DEGREE_STEMS)
    shared = rest & frozenset(sentence.stems)
    return len(shared) >= max(2.0, STORY_SHARE * len(rest))


def _next_to_in(statement: Statement, stem: str, other: str) -> bool:
    return any(_next_to(c.stems, stem, other) for c in statement.clauses)


def _next_to(stems: tuple[str, ...], stem: str, other: str) -> bool:
    """Does ``other`` stand right before or after ``stem``?"""
    return any(stems[k] == other for i, s in enumerate(stems) if s == stem
               for k in (i - 1, i + 1) if 0 <= k < len(stems))


NEIGHBOUR_REACH = 2  # content words either side that a qualifier speaks of
_TURN_WORDS = frozenset(("against", "versus", "vs", "than", "instead", "unlike", "whereas"))


def _neighbours(statement: Statement, stem: str) -> frozenset[str]:
    """The content words within NEIGHBOUR_REACH of ``stem`` in ``statement``, on its side of
    any word that sets two things against each other."""
    ordered = statement.ordered()
    turns = statement.turns

    def apart(a: int, b: int) -> bool:
        low, high = sorted((ordered[a][0], ordered[b][0]))
        return any(low < t < high for t in turns)

    return frozenset(ordered[k][1] for i, (_p, s) in enumerate(ordered) if s == stem
                     for k in range(max(0, i - NEIGHBOUR_REACH),
                                    min(len(ordered), i + NEIGHBOUR_REACH + 1))
                     if ordered[k][1] != stem and not (turns and apart(i, k)))


def _segments(statement: Statement, anchors: frozenset[str],
              by_clause: bool = False) -> dict[str, set[str]] | None:
    """Each anchor -> the stems from it to the next anchor (stems before the first anchor go
    to it). ``by_clause``: a clause that names one anchor is all about it, wherever the
    anchor sits ("so the page must not be blocked in robots.txt"), and a clause that names
    none goes with the anchor before it. None when an anchor occurs more than once."""
    # An anchor after a preposition in a clause the other one opens ("threads inside one
    # process") places that one: it ties no words of its own.
    drop = _placing_mentions(statement, anchors)
    kept_anchors = [s for p, s in statement.ordered() if s in anchors and p not in drop]
    if len(kept_anchors) != len(set(kept_anchors)) or set(kept_anchors) != set(anchors):
        return None
    naming = {p for p, s in statement.ordered() if s in anchors}
    out: dict[str, set[str]] = {a: set() for a in anchors}
    current: str | None = None
    leading: set[str] = set()
    for clause in statement.clauses:
        clause_stems = [s for p, s in zip(clause.positions, clause.stems, strict=True)
                        if p not in drop and (p not in naming or s in anchors)]
        named = [s for s in clause_stems if s in anchors]
        if by_clause and len(named) == 1:
            if current is None:
                out[named[0]] |= leading
            current = named[0]
            out[current].update(s for s in clause_stems if s not in anchors)
            continue
        for stem in clause_stems:
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
        # "cross-site scripting and cross-site request forgery": a modifier both names share
        # is not what tells them apart.
        shared = frozenset(words[max(0, i - 4):i])
        at = next((j for j in range(i + 1, min(len(words), i + 5))
                   if words[j] not in stop and words[j] not in _CONTRAST_VERBS
                   and words[j] not in shared), None)
        after = words[at] if at is not None else None
        if at is not None and at + 1 < len(words) and words[at + 1] == before and i >= 2 \
                and words[i - 2] not in stop:
            # "first-party and third-party data": the head both share ("party") is not what
            # tells them apart; its modifiers are.
            before = words[i - 2]
        if before and after and before != after:
            first, second = tx.stem(before.replace("'", "")), tx.stem(after.replace("'", ""))
            if first != second:
                return frozenset([first, second])
    return None


def _swapped_roles(point: Statement, sentence: Statement, anchors: frozenset[str],
                   question: str) -> Contradiction | None:
    """The point ties its words to one of two things the question contrasts, the sentence
    ties the same words to the other ("agg keeps the rows, transform collapses each group").
    Read word by word; unless, read clause by clause, the sentence ties the words as the
    point does (an anchor at the end of its clause: "the page must not be blocked in
    robots.txt" against "when robots.txt blocks the page")."""
    pair = contrast_pair(question)
    if not pair or not pair <= point.stems & sentence.stems:
        return None
    first, second = sorted(pair)

    def kept_and_moved(by_clause: bool) -> tuple[int, int] | None:
        ours = _segments(point, pair, by_clause)
        theirs = _segments(sentence, pair, by_clause)
        if not ours or not theirs:
            return None
        return _kept_and_moved(ours, theirs, first, second)

    by_word = kept_and_moved(False)
    if by_word is None or by_word[1] < SWAP_MOVED or by_word[0]:
        return None
    by_clause = kept_and_moved(True)
    if by_clause is not None and by_clause[0] >= SWAP_MOVED and not by_clause[1]:
        return None
    return Contradiction("swap", f"{first} and {second} swapped")


def _kept_and_moved(ours: dict[str, set[str]], theirs: dict[str, set[str]], first: str,
                    second: str) -> tuple[int, int]:
    """How many of the words the point ties to one thing only the sentence ties to the same
    thing, and how many to the other thing alone."""
    only_first = ours[first] - ours[second]
    only_second = ours[second] - ours[first]
    kept = len(only_first & theirs[first]) + len(only_second & theirs[second])
    to_second = len(only_first & theirs[second] - theirs[first])
    to_first = len(only_second & theirs[first] - theirs[second])
    moved = to_second + to_first
    # Words moved each way ("a private address space" to threads, "share the heap" to
    # processes) cross the two things over, whatever words stay with both.
    if kept and to_second and to_first and moved >= max(kept, SWAP_CROSSED):
        kept = 0
    return kept, moved


# ", while B ..." or "whereas B ...": not the "while" of a name ("a do...while loop").
_SIDE_BY_SIDE_RE = re.compile(r"\s*(?:[,;]\s*(?:while|whereas)|whereas)\b", re.I)
_SIDE_OPENERS = frozenset(tx.stem(w) for w in ("while", "whereas"))


def _set_side_by_side(point: Statement) -> tuple[str, str] | None:
    """The two things a point sets side by side ("A risk is ..., whereas an issue is ..."):
    the first word of each side, when they differ."""
    if len(point.clauses) < 2:
        return None
    first = next((s for s in point.clauses[0].stems if s not in _SIDE_OPENERS), None)
    for clause in point.clauses[1:]:
        if _SIDE_BY_SIDE_RE.match(clause.text):
            second = next((s for s in clause.stems if s not in _SIDE_OPENERS), None)
            if first and second and first != second:
                return first, second
            return None
    return None


def _placing_mentions(statement: Statement, things: frozenset[str] | tuple[str, ...]) -> set[int]:
    """Positions of mentions of one thing after a preposition in a clause that names the
    other first ("threads inside one process"): they place that one and tie nothing."""
    drop: set[int] = set()
    for clause in statement.clauses:
        first_named = next((s for s in clause.stems if s in things), None)
        drop.update(p for p, s, w in zip(clause.positions, clause.stems, clause.words, strict=True)
                    if s in things and first_named is not None and s != first_named
                    and re.search(rf"\b(?:in|inside|within|of|across)\s+(?:(?:a|an|the|one|"
                                  rf"each|its|their|that|this|the\s+same)\s+)?{re.escape(w)}\b",
                                  clause.text))
    return drop


def _first_segments(statement: Statement, pair: tuple[str, str]) -> dict[str, set[str]] | None:
    """Each of the two things -> the words from its first mention to the other's, up to the
    end of the clause that names the second; a later mention ties nothing. None when the
    statement does not name both."""
    out: dict[str, set[str]] = {a: set() for a in pair}
    seen: list[str] = []
    leading: set[str] = set()
    placing = _placing_mentions(statement, pair)
    # A name read as more than one stem ("SEC", also "second") is the thing itself.
    naming = {p for p, s in statement.ordered() if s in pair}
    for clause in statement.clauses:
        for position, stem in zip(clause.positions, clause.stems, strict=True):
            if position in placing or position in naming and stem not in pair:
                continue
            if stem in pair:
                if stem not in seen:
                    seen.append(stem)
                    if len(seen) == 1:
                        out[stem] |= leading
            elif seen:
                out[seen[-1]].add(stem)
            else:
                leading.add(stem)
        if len(seen) == 2:
            return out
    return None


def _swapped_side_by_side(point: Statement, sentence: Statement) -> Contradiction | None:
    """What a point says of each of two things it sets side by side ("a risk is an uncertain
    future event, whereas an issue has already happened"), said of the other one."""
    pair = _set_side_by_side(point)
    if not pair or not frozenset(pair) <= sentence.stems:
        return None
    ours, theirs = _first_segments(point, pair), _first_segments(sentence, pair)
    if not ours or not theirs:
        return None
    kept, moved = _kept_and_moved(ours, theirs, *pair)
    if kept or moved < SWAP_MOVED:
        return None
    return Contradiction("swap", f"{pair[0]} and {pair[1]} swapped")


SWAP_MOVED = 2  # words moved to the other thing that make a swap (or keep it, read by clause)
SWAP_CROSSED = 3  # words moved, both ways, that make a swap whatever words stay put


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
    return not (claim.denied and not claim.denied & denied)
