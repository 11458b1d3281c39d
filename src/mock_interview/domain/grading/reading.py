"""Which sentences of an answer make, miss or contradict each key point.

A key point counts only where one sentence, or two neighbouring ones, state it: its words
spread over a long answer do not make it. Sentences that are self-praise with no evidence
("my team would say I am reliable") or that read the question back cover nothing, and words
inside a negation ("we never ran a pilot") do not cover a point that asserts them. A
sentence that contradicts a point (claims.py) takes that point's credit away, unless the
answer also states the point plainly elsewhere; so does a sentence that denies the point in
its own words ("rather than paging the on-call engineer", "I didn't ask about the root
cause"). A sentence saying what another point says does not contradict this one: an opposite
word that point uses ("assets fall" beside "liabilities fall"), or a harm denied by the remedy
that point names ("parameterized, so input can never change the logic"). A denial of a
mention ("without mentioning the incident report") falls on the mention, not on what is
mentioned. A misconception that the answer asserts takes away the point it distorts. A point's
word said with the other polarity ("I interrupt early" against "without interruption", "I
didn't mention the range" against "give a range") does not cover it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from mock_interview.domain.grading import (
    claims,
    comparison,
    dismissal,
    floors,
    opposition,
    relations,
    sequence,
)
from mock_interview.domain.grading import coverage as cov
from mock_interview.domain.grading import text as tx

WINDOW = 2  # sentences read together
STATED_PLAINLY = 0.5  # coverage elsewhere that outweighs a contradiction of the point
_ARRANGED = frozenset(["order", "ranking"])  # contradictions that coverage never outweighs
_COPY_NEW_WORDS = 0  # a sentence that adds no word to the question restates it


@dataclass
class WrongClaim:
    span: tuple[int, int]  # the sentence, in the answer
    point: str | None  # the key point it contradicts
    misconception: str | None  # the known wrong claim it makes, when one matched
    # "misconception", "negation", "antonym", "swap", "number", "scope", "dismissal", "conflation",
    # "opposite", "endorsed" (a practice the point says does harm, called the right one),
    # "order" (a step put at the wrong end of the order the point lays out, or two steps in
    # the other order), "expansion" (an acronym spelled out in other words), "ranking" (a
    # comparison turned round)
    kind: str


@dataclass
class Reading:
    content: float  # weighted credit over the points, 0-1
    results: list[cov.PointCoverage]
    best_spans: dict[str, tuple[int, int]]  # point -> where the answer makes it best
    wrong: list[WrongClaim] = field(default_factory=list)
    usable_sentences: int = 0


def _restates_question(statement: claims.Statement, question_stems: frozenset[str]) -> bool:
    stems = statement.stems
    return bool(stems) and len(stems - question_stems) <= _COPY_NEW_WORDS and len(stems) >= 2


# A tag ("..., right?") leaves a statement a statement.
_TAG_RE = re.compile(
    r"[,\s]+(?:right|no|yes|yeah|ok(?:ay)?|eh|huh|see|you know|correct|true|agreed|"
    r"(?:is|are|was|were|do|does|did|have|has|can|could|would|will|should|wo|ca)n'?t"
    r"(?:\s+(?:it|they|we|you|i|he|she|there|that))?)\s*[?!.]*\s*$", re.I)


_ASKING_RE = re.compile(
    r"^\W*(?:(?:and|so|but|or|also|then|well|ok|okay|oh|actually|just|first|quick question)"
    r"\W+)*(?:what|why|how|when|where|who|whom|whose|which|do|does|did|is|are|was|were|can|"
    r"could|would|will|should|shall|have|has|may|might)\b", re.I)
_ECHO_WORDS = 2  # "Handovers?", "Lost deals?": the topic said back


def _asks(sentence: str) -> bool:
    """A question put in question form ("What is the team like here?") or a word or two
    said back ("Handovers?") claims nothing, so it makes no point. A statement said with a
    rising tone ("The list is shared between calls?") still claims what it says."""
    stripped = sentence.strip()
    if not stripped.endswith("?") or _TAG_RE.search(stripped):
        return False
    return bool(_ASKING_RE.match(stripped)) or len(tx.words(stripped)) <= _ECHO_WORDS


# A word a point leaves open ("states *any workaround*", "whether a *refund* is due") or says
# with a negative sense ("hard to *reproduce*", "rarely *needed*") is not asserted by it, so
# a sentence that denies it ("no workaround", "never reproduced") does not contradict it.
_OPEN_RE = re.compile(
    r"\b(?:any|whether(?: or not)?(?: (?:there|it|they) (?:is|are|was|were|has|have))?"
    r"(?: an?| the)?|(?:hard|difficult|impossible|unable|fails?|failing) to|rarely|seldom)"
    r"\s+((?:[\w-]+\s+){0,2}?[\w-]+)", re.I)


@lru_cache(maxsize=256)
def _open_stems(point_text: str) -> frozenset[str]:
    return frozenset(tx.stem(w.lower()) for m in _OPEN_RE.finditer(point_text)
                     for w in m.group(1).split())


def _leaves_open(found: claims.Contradiction, point_text: str) -> bool:
    """Is what the sentence denies something the point leaves open?"""
    if found.kind != "negation":
        return False
    open_words = _open_stems(point_text)
    return all(word in open_words or tx.stem(word.lower()) in open_words
               for word in found.detail.split(", "))


_BOTH_RE = re.compile(r"\bboth ([\w-]+)(?: [\w-]+)? and ([\w-]+)(?: ([\w-]+))?", re.I)
_ANY_ONE_RE = re.compile(r"\b(?:any one|any single|just one|at least one|either one) of "
                         r"(?:the |its |these |those )?(\w+) ([\w-]+)", re.I)
SCOPE_SHARED = 1  # words besides the scoped ones a sentence shares with the point
# A point that holds only under a condition ("dropping rows is only unbiased when data is
# missing at random", "provided observations are independent") ...
_RESTRICTED_RE = re.compile(r"\b(?:only (?:[\w-]+ ){0,3}?(?:when|if|under|once|after|until)"
                            r"|only (?:for|on|in|with)|provided(?: that)?|as long as|so long as"
                            r"|unless|on condition)\b", re.I)
# ... against a sentence that lifts the condition ("always safe, whatever the reason").
_UNRESTRICTED_RE = re.compile(
    r"\b(?:always|whatever|regardless|no matter|in (?:any|every|all) cases?|under any"
    r"|(?:with )?no (?:conditions?|exceptions?|caveats?|assumptions?)(?: at all)?"
    r"|unconditionally|without (?:exception|conditions?|any conditions?)"
    r"|any (?:\w+ )?(?:reason|distribution|case|situation|condition|circumstances?|kind of data))\b",
    re.I)
_KEEPS_CONDITION_RE = re.compile(r"\b(?:only|if|when|provided|as long as|unless|depends?|not always"
                                 r"|usually|often|typically)\b", re.I)
RESTRICTED_SHARED = 2  # words of the point's claim, before its condition, a sentence must say


@lru_cache(maxsize=256)
def _has_scope(point_text: str) -> bool:
    return bool(_BOTH_RE.search(point_text) or _ANY_ONE_RE.search(point_text)
                or _RESTRICTED_RE.search(point_text) or _STANDS_FOR_RE.search(point_text))


# "SPIN stands for Situation, Problem, Implication and Need-payoff".
_STANDS_FOR_RE = re.compile(r"\b([a-z][a-z&]{1,11})\s+(?:stands\s+for|is\s+short\s+for)\s+([^.;:]+)",
                            re.I)
EXPANSION_SHARE = 0.5  # of an acronym's words another spelling-out must keep


def _other_expansion(point_text: str, sentence_text: str) -> claims.Contradiction | None:
    """A sentence spelling out the point's acronym with other words ("SPIN stands for Sales,
    Pricing, Influence and Negotiation")."""
    ours = _STANDS_FOR_RE.search(point_text)
    if not ours:
        return None
    for theirs in _STANDS_FOR_RE.finditer(sentence_text):
        if theirs.group(1).lower() != ours.group(1).lower():
            continue
        our_words = frozenset(tx.content_stems(ours.group(2)))
        their_words = frozenset(tx.content_stems(theirs.group(2)))
        if our_words and their_words and len(our_words & their_words) < EXPANSION_SHARE * min(
                len(our_words), len(their_words)):
            return claims.Contradiction("expansion", f"{ours.group(1)}: other words")
    return None


def _condition_lifted(point_text: str, sentence_text: str, sentence_stems: frozenset[str],
                      question_stems: frozenset[str]) -> claims.Contradiction | None:
    """A sentence that says always, whatever the case, what the point says holds only under
    a condition ("dropping rows is always safe, whatever the reason" against "only unbiased
    when data is missing completely at random")."""
    restricted = _RESTRICTED_RE.search(point_text)
    lifted = _UNRESTRICTED_RE.search(sentence_text)
    if not restricted or not lifted or _KEEPS_CONDITION_RE.search(sentence_text) \
            or re.search(r"(?:\bnot|n't|\bnever)\s+(?:\w+\s+)?$", sentence_text[:lifted.start()]):
        return None
    # The words of the claim, one of them at least, or of the condition the sentence lifts
    # ("any distribution ..., including dependent observations" against "the distribution of
    # the sample mean ..., provided observations are independent").
    claim = frozenset(tx.content_stems(point_text[:restricted.start()])) - question_stems
    condition = frozenset(tx.content_stems(point_text[restricted.end():])) - question_stems
    if not claim & sentence_stems or len((claim | condition) & sentence_stems) < RESTRICTED_SHARED:
        return None
    return claims.Contradiction("scope", f"{restricted.group(0).lower()} / {lifted.group(0).lower()}")


def _scope_contradiction(point_text: str, sentence_text: str,
                         question_stems: frozenset[str]) -> claims.Contradiction | None:
    """A sentence that narrows what a point says of both ("both operating and finance
    leases": "only finance leases") or demands all of what a point says any one of ("any one
    of five criteria": "all five criteria") states another rule."""
    lowered = sentence_text.lower()
    sentence_stems = frozenset(tx.content_stems(sentence_text))
    point_stems = frozenset(tx.content_stems(point_text))
    both = _BOTH_RE.search(point_text)
    if both:
        sides = [w.lower() for w in both.groups()[:2]]
        scoped = frozenset(tx.stem(w) for w in sides) | frozenset(
            tx.stem(w.lower()) for w in both.groups()[2:] if w)
        shared = (point_stems & sentence_stems) - scoped - question_stems
        for side in sides:
            other = next((o for o in sides if o != side), side)
            if re.search(rf"\bonly (?:for |to |in |on |at |with )?(?:the |its |their )?"
                         rf"{re.escape(side)}\b", lowered) \
                    and len(shared) >= SCOPE_SHARED \
                    and not re.search(rf"\bboth\b|\b(?:and|or) {re.escape(other)}\b", lowered):
                return claims.Contradiction("scope", f"both / only {side}")
    lifted = _condition_lifted(point_text, sentence_text, sentence_stems, question_stems)
    if lifted:
        return lifted
    expanded = _other_expansion(point_text, sentence_text)
    if expanded:
        return expanded
    anyone = _ANY_ONE_RE.search(point_text)
    if anyone:
        count, thing = anyone.group(1).lower(), tx.stem(anyone.group(2).lower())
        for match in re.finditer(r"\b(?:all|every one of|each of)(?: (?:of )?(?:the |its |these )?"
                                 r"(\w+))? ([\w-]+)", lowered):
            said_count, said_thing = match.group(1), tx.stem(match.group(2))
            if said_thing == thing or (said_count and said_count == count
                                       and tx.stem(said_count) != thing):
                return claims.Contradiction("scope", f"any one / all {count} {anyone.group(2)}")
    return None


RELATION_SHARED = 2  # words besides the figures a sentence shares with the point it corrects


def _relation_contradiction(point_text: str, point: claims.Statement, sentence_text: str,
                            sentence: claims.Statement, question_stems: frozenset[str],
                            distinctive: frozenset[str] = frozenset()
                            ) -> claims.Contradiction | None:
    swapped = relations.swapped_formula(point_text, sentence_text)
    if swapped:
        return claims.Contradiction("swap", f"{swapped[0]} / {swapped[1]}")
    signed = relations.changed_signs(point_text, sentence_text)
    if signed:
        return claims.Contradiction("swap", f"{signed[0]} / {signed[1]}")
    traded = relations.other_figure_for(point_text, sentence_text)
    # The figure is for exactly what the point's is for; the point's own other words, when
    # it has any, tell it from a point giving figures for the same things at another level
    # ("AAA raises it to 4.5:1 for large text" against "AA needs 3:1 for large text").
    own = frozenset(s for s in distinctive - traded[2] if not s[:1].isdigit()) if traded \
        else frozenset()
    if traded and (not own or own & sentence.stems):
        return claims.Contradiction("number", f"{traded[0]} / {traded[1]}")
    other = relations.other_figure(point_text, sentence_text)
    if other:
        shared = {s for s in point.stems & sentence.stems
                  if s not in question_stems and not s[:1].isdigit()}
        # About the same thing: the point's first own word ("the *worst* case is O(n)" is not
        # corrected by "the average case is O(1)").
        subject = next((s for _p, s in point.ordered()
                        if s not in question_stems and not s[:1].isdigit()), None)
        if len(shared) >= RELATION_SHARED and subject in sentence.stems \
                and not claims.names_another(point, sentence):
            return claims.Contradiction("number", f"{other[0]} / {other[1]}")
    return None


def _contradiction(point: claims.Statement, sentence: claims.Statement,
                   question_stems: frozenset[str], question: str,
                   loose: bool = False, point_text: str = "") -> claims.Contradiction | None:
    found = claims.contradicts(point, sentence, question_stems, loose=loose, question=question)
    if found and point_text and _leaves_open(found, point_text):
        return None
    if found and found.kind == "negation" and point_text \
            and claims.privative_stems(point_text) & sentence.stems:
        # "they are eliminated when you consolidate" says what "balances are eliminated" says,
        # whatever the pronoun stands for.
        return None
    if found and found.kind == "negation" and _agrees_in_its_way(found, point, sentence):
        return None
    fragment = _PRONOUN_FRAGMENT_RE.match(point_text) if point_text else None
    if found and found.kind == "negation" and fragment and len(found.detail.split(", ")) < 2 \
            and not _in_main_clause(found.detail, point_text):
        # A reference's clause cut from its subject ("so it should be validated with
        # incrementality tests"): one word denied elsewhere says nothing of what "it" is.
        # A point that only opens on such a clause ("While it is open, ..., and Escape
        # closes it") says its own claim after the comma.
        return None
    return found


def _agrees_in_its_way(found: claims.Contradiction, point: claims.Statement,
                       sentence: claims.Statement) -> bool:
    """Does a sentence read as denying the point say what the point says, in its own way?"""
    flipped = set(found.detail.split(", "))
    if _VERDICT_WORDS & point.stems:
        return True  # "page views make poor metrics" agrees with "so not page views"
    if _VERDICT_WORDS & sentence.stems and flipped <= point.denied:
        return True  # "CTR is a vanity number" agrees with "rather than CTR"
    if flipped <= _MODIFIER_STEMS:
        return True  # "customer_id alone" and "not on b alone": "alone" claims nothing
    if _only_tells_apart(sentence):
        return True  # "a champion isn't the same as the economic buyer" tells two apart
    # "a check on feature availability" checks what "features not available" names.
    return not sentence.denied and bool(_CHECKED_FOR_RE.search(
        " ".join(w for c in sentence.clauses for w in c.words)))


def _in_main_clause(denied: str, point_text: str) -> bool:
    """Is the denied word said after the point's opening clause ("While it is open, ...")?"""
    comma = point_text.find(",")
    if comma < 0:
        return False
    opening = frozenset(tx.content_stems(point_text[:comma]))
    return tx.stem(denied) not in opening and tx.stem(denied) in tx.content_stems(
        point_text[comma:])


# A clause of a reference split from the sentence that named its subject.
_PRONOUN_FRAGMENT_RE = re.compile(
    r"\s*(?:so|and|then|but|which|while|whereas|because|since)\s+(?:it|they|this|these|that|"
    r"those|he|she)\b", re.I)


def _said_by_another(found: claims.Contradiction, points: list[claims.Statement], j: int,
                     sentence: claims.Statement, question_stems: frozenset[str]) -> bool:
    """Does the sentence say what another key point says, so both hold: the opposite word of
    an antonym in a sentence about that point more than about this one ("assets -7.50"
    against "liabilities plus equity fall by $7.50", when another point says "total assets
    fall by $7.50"), a figure that is another point's own, or a denial of a harm by the
    remedy another point names?"""
    def shared(point: claims.Statement) -> int:
        return len((point.stems & sentence.stems) - question_stems)

    if found.kind == "negation":
        # "Those do need journal entries" against "these timing items need no journal
        # entries", when another point says "the only items that need journal entries": the
        # sentence says that point's way what both points speak of.
        flipped = frozenset(found.detail.split(", "))
        asserts = flipped <= sentence.asserted

        def says_it_so(point: claims.Statement) -> bool:
            return flipped <= (point.asserted - point.denied if asserts
                               else point.denied - point.asserted)

        return _states_remedy(points, j, sentence, question_stems) or any(
            k != j and says_it_so(point) and shared(point) >= shared(points[j])
            for k, point in enumerate(points))

    if found.kind == "number":
        # "Poultry gets cooked to 165" against the cooling point's figures: the figure is
        # another point's own, in a sentence about that point at least as much.
        theirs = found.detail.rsplit(" / ", 1)[-1]
        return any(k != j and theirs in point.stems and shared(point) >= shared(points[j])
                   for k, point in enumerate(points))
    if found.kind != "antonym" or not found.opposite:
        return False
    # A point that denies what the sentence asserts of the opposite word ("permanent
    # differences never create deferred taxes") does not say it.
    return any(k != j and found.opposite in point.asserted and shared(point) > shared(points[j])
               and not point.denied & sentence.asserted
               for k, point in enumerate(points))


def _states_remedy(points: list[claims.Statement], j: int, sentence: claims.Statement,
                   question_stems: frozenset[str]) -> bool:
    """Does the sentence state a remedy another point names ("the primary defense is
    parameterized queries"), saying REMEDY_WORDS_SAID of that point's own words? Its denial
    of a harm ("bound as a value, so it can never change the logic") tells what the remedy
    prevents, and agrees with a point describing that harm."""
    return any(k != j and _REMEDY_NAMES & point.stems
               and len(_distinctive(points, k, question_stems) & sentence.asserted)
               >= REMEDY_WORDS_SAID for k, point in enumerate(points))


# Words that name a remedy as such ("the primary *defense* is ..."), not an act that may be
# one step of a procedure ("stop the transfusion").
_REMEDY_NAMES = frozenset(tx.stem(w) for w in (
    "defense", "defence", "defenses", "remedy", "prevent", "prevents", "prevention",
    "mitigate", "mitigates", "mitigation", "protect", "protects", "protection",
    "countermeasure", "safeguard"))
REMEDY_WORDS_SAID = 3  # own words of a remedy point that a sentence must say to state it


def _closest_point(claim: claims.Statement, points: list[claims.Statement]) -> int | None:
    best, best_index = 0, None
    for index, point in enumerate(points):
        shared = len(claim.stems & point.stems)
        if shared > best:
            best, best_index = shared, index
    return best_index


def read_answer(
    answer: str,
    reference: cov.Reference,
    misconceptions: tuple[str, ...] = (),
    tuning: cov.Tuning = cov.DEFAULT_TUNING,
    context: str = "",
    question: str = "",
) -> Reading:
    """Coverage of each point by the answer's sentences, and the answer's wrong claims.
    ``context`` (an earlier answer this one completes) is read before it."""
    text = f"{context}\n{answer}" if context else answer
    offset = len(context) + 1 if context else 0
    question_stems = reference.question_stems
    spans = tx.sentence_spans(text)
    statements = [claims.read_statement(text, a, b) for a, b in spans]
    usable = [
        not floors.is_cliche(text[a:b]) and not _restates_question(st, question_stems)
        and not _asks(text[a:b])
        for (a, b), st in zip(spans, statements, strict=True)
    ]
    points = [claims.read_statement(p.text) for p in reference.points]
    point_stems = frozenset(s for p in points for s in p.stems)

    # Contradictions of each point, sentence by sentence (only the answer's own sentences).
    own = [i for i, (a, _b) in enumerate(spans) if a >= offset and usable[i]]
    contradicted: dict[int, list[tuple[int, claims.Contradiction]]] = {}
    for j, point in enumerate(points):
        for i in own:
            found = _contradiction(point, statements[i], question_stems, question,
                                   point_text=reference.points[j].text)
            if found and not _said_by_another(found, points, j, statements[i], question_stems):
                contradicted.setdefault(j, []).append((i, found))

    # Sentences that deny what a point asserts ("I didn't ask about the root cause", "rather
    # than calling anyone"): the point's own words under a negation.
    for j, i, contradiction in _denials(reference, points, statements, own, question_stems,
                                        tuning):
        if not any(k == i for k, _c in contradicted.get(j, [])) \
                and not _leaves_open(contradiction, reference.points[j].text):
            contradicted.setdefault(j, []).append((i, contradiction))

    # Scope narrowed or widened: "only finance leases" against "both operating and finance
    # leases", "all five criteria" against "any one of five criteria".
    for j, model in enumerate(reference.points):
        if not _has_scope(model.text):
            continue
        for i in own:
            found_scope = _scope_contradiction(model.text, text[spans[i][0]:spans[i][1]],
                                               question_stems)
            if found_scope and not any(k == i for k, _c in contradicted.get(j, [])):
                contradicted.setdefault(j, []).append((i, found_scope))

    # A step or factor a point says is done, called needless or forbidden ("there's no need
    # to count inventory", "the refill rate doesn't matter").
    point_texts = tuple(model.text for model in reference.points)
    for i in own:
        sentence = text[spans[i][0]:spans[i][1]]
        dismissed = dismissal.dismissed_point(sentence, point_texts, question_stems) \
            or dismissal.conflated_point(sentence, point_texts, question_stems) \
            or dismissal.ignored_factor(sentence, point_texts, question_stems) \
            or dismissal.approved_alone(sentence, point_texts)
        if dismissed and not any(k == i for k, _c in contradicted.get(dismissed[0], [])):
            contradicted.setdefault(dismissed[0], []).append((i, dismissed[1]))

    # What the point arranges, arranged the other way: a step put first that the point does
    # last ("garbing starts with sterile gloves" against "shoe covers, ..., then sterile
    # gloves"), two steps in the other order ("equals() first, then hashCode()"), a comparison
    # turned round ("better to run one big test than several small rounds"), or the other of
    # two things the question contrasts preferred ("I side with IRR" against "NPV is
    # preferred").
    pair = claims.contrast_pair(question) if question else None
    for j, model in enumerate(reference.points):
        for i in own:
            sentence = text[spans[i][0]:spans[i][1]]
            found_arranged = sequence.misplaced_step(model.text, sentence, question_stems) \
                or sequence.reversed_steps(model.text, sentence, question_stems) \
                or comparison.reversed_ranking(model.text, sentence, question_stems) \
                or comparison.other_preferred(model.text, sentence, pair)
            if found_arranged and not any(k == i for k, _c in contradicted.get(j, [])):
                contradicted.setdefault(j, []).append((i, found_arranged))

    # Relations with the right words in the wrong places: a formula with a term moved across
    # its "=", a ratio reversed, another complexity class for the same thing.
    misplaced: set[int] = set()  # points whose formula a sentence writes with terms moved
    for j, model in enumerate(reference.points):
        if not relations.has_relation(model.text):
            continue
        distinctive = _distinctive(points, j, question_stems)
        for i in own:
            sentence = text[spans[i][0]:spans[i][1]]
            found_relation = _relation_contradiction(model.text, points[j], sentence,
                                                     statements[i], question_stems, distinctive)
            if found_relation and not any(k == i for k, _c in contradicted.get(j, [])):
                contradicted.setdefault(j, []).append((i, found_relation))
                if found_relation.kind == "swap":
                    misplaced.add(j)

    # Opposite ends of a scale tied to the point's words ("deposits in transit are
    # subtracted" against "are added"), in a sentence about that point.
    for i, j, found_opposite in _opposed(reference, points, statements, text, spans, own,
                                         question_stems, question):
        if not any(k == i for k, _c in contradicted.get(j, [])):
            contradicted.setdefault(j, []).append((i, found_opposite))

    # Roles swapped across points: a sentence about one of the two things the question
    # contrasts that says what a point says of the other one.
    about = _things(reference, points, claims.contrast_pair(question) if question else None)
    if about:
        for i, j in _swapped_across(points, statements, own, about, question_stems):
            contradicted.setdefault(j, []).append((i, claims.Contradiction(
                "swap", "said of " + ", ".join(sorted(about)) + " swapped")))

    # A practice a point says does harm ("fitting the scaler on the full dataset before
    # splitting leaks test information") recommended as the right way to work.
    for i, j in _endorsed_harms(points, statements, [text[a:b] for a, b in spans], own,
                                question_stems):
        if not any(k == i for k, _c in contradicted.get(j, [])):
            contradicted.setdefault(j, []).append((i, claims.Contradiction(
                "endorsed", "recommends what the point says does harm")))

    # A point framed for one case ("For an upstream sale, ...") says nothing of a sentence
    # about the opposite case ("As it's a downstream sale, ...").
    contradicted = {j: kept for j, found in contradicted.items() if (kept := [
        (i, c) for i, c in found if not _other_case(reference.points[j].text, statements[i])])}

    # Misconceptions the answer asserts.
    wrong: list[WrongClaim] = []
    misconception_points: dict[int, list[int]] = {}
    for text_m in misconceptions:
        claim = claims.read_statement(text_m)
        distinctive = claim.stems - point_stems - question_stems
        target = _closest_point(claim, points)
        for i in own:
            # A sentence that says a key point at least as closely as the misconception (they
            # share most words when the misconception swaps two roles) makes the point.
            if claims.asserts(claim, statements[i], distinctive) and not any(
                    claims.match_share(p, statements[i]) >= claims.match_share(claim, statements[i])
                    for p in points):
                point_text = reference.points[target].text if target is not None else None
                wrong.append(WrongClaim(_shift(spans[i], offset), point_text, text_m,
                                        "misconception"))
                if target is not None:
                    misconception_points.setdefault(target, []).append(i)
                break

    # Coverage by windows of neighbouring usable sentences.
    windows: list[tuple[int, ...]] = []
    for i in range(len(spans)):
        for size in range(1, WINDOW + 1):
            window = tuple(range(i, i + size))
            if window[-1] >= len(spans) or not all(usable[k] for k in window):
                break
            # The earlier answer completes this one (what "it" is) but makes no point alone.
            if spans[window[-1]][0] < offset:
                continue
            windows.append(window)
    window_terms: dict[tuple[int, ...], cov.AnswerTerms] = {}

    near = cov.near_map(reference, cov.terms_from_words(
        [w for st in statements for w in st.words()], question_stems))
    per_sentence = []
    for st in statements:
        words = st.words()
        stems = tuple(s for _p, s in st.ordered())  # the stems of ``words``, in order
        surfaces = tuple(w for w in dict.fromkeys(words) if len(w) >= 4)
        per_sentence.append(cov.AnswerTerms(stems, cov.features_of(stems, question_stems),
                                            surfaces, {}, None))
    relation_index: dict[tuple[int, ...], dict[str, list[int]]] = {}

    def terms_for(window: tuple[int, ...]) -> cov.AnswerTerms:
        if window not in window_terms:
            window_terms[window] = cov.windowed([per_sentence[i] for i in window], near)
        return window_terms[window]

    def index_for(window: tuple[int, ...]) -> dict[str, list[int]]:
        if window not in relation_index:
            relation_index[window] = _positions([statements[i] for i in window], question_stems)
        return relation_index[window]

    results: list[cov.PointCoverage] = []
    best_spans: dict[str, tuple[int, int]] = {}
    best_windows: dict[int, tuple[int, ...]] = {}
    # Which points each sentence could speak to (a word, synonym or near spelling of one):
    # a window of sentences that touch none of a point's words cannot make it.
    near_in: list[frozenset[str]] = [
        frozenset(t for t, ws in near.items() if ws & frozenset(part.surfaces))
        for part in per_sentence]
    touches: list[set[int]] = [set() for _ in statements]
    for j, model in enumerate(reference.points):
        keys = frozenset(t.stem for t in model.terms).union(*(t.labels for t in model.terms))
        surfaces = frozenset(t.surface for t in model.terms)
        for i, part in enumerate(per_sentence):
            if part.features & keys or near_in[i] & surfaces:
                touches[i].add(j)

    touched_by: list[set[int]] = [set() for _ in reference.points]
    for i, points_touched in enumerate(touches):
        for j in points_touched:
            touched_by[j].add(i)
    for j, model in enumerate(reference.points):
        bad = {i for i, _c in contradicted.get(j, [])} | set(misconception_points.get(j, []))
        best = cov.PointCoverage(model.text, 0.0, 0.0, ())
        best_window: tuple[int, ...] | None = None
        near_point = touched_by[j]
        for window in windows:
            if near_point.isdisjoint(window) or not bad.isdisjoint(window):
                continue
            result = cov.point_coverage(model, terms_for(window), tuning)
            if result.credit <= best.credit:
                continue
            # Words only said under a negation ("we never ran a pilot") do not make a
            # point that asserts them.
            denied = frozenset(s for i in window for s in statements[i].denied)
            asserted = frozenset(s for i in window for s in statements[i].asserted)
            if set(result.matched) <= (denied - asserted - points[j].denied):
                continue
            refused = frozenset(s for i in window for s in _refused(statements[i]))
            opposed = _opposed_terms(model, points[j], result.matched, asserted, denied, refused)
            if opposed:
                result = cov.point_coverage(model, terms_for(window), tuning, unmatched=opposed)
                if result.credit <= best.credit:
                    continue
            result = _in_relation(result, points[j], index_for(window), question_stems, tuning)
            if result.credit <= best.credit:
                continue
            best, best_window = result, window
        results.append(best)
        if best_window is not None:
            best_windows[j] = best_window
            start, end = spans[best_window[0]][0], spans[best_window[-1]][1]
            if start >= offset:
                best_spans[model.text] = (start - offset, end - offset)

    # A contradiction stands unless the answer states the point plainly elsewhere, and a
    # swap ("a debit to expense, a credit to prepaid") unless that is said at least as much
    # about this point as the swap is. A point that describes the answer ("Reports
    # measurable results such as audit adjustments") is denied only by the speaker not doing
    # it ("I haven't changed how I plan"): "the audit had no adjustments" is such a result,
    # "we had no check" the situation before one.
    made = {r.point for r in results if r.coverage >= STATED_PLAINLY}
    nothing_made = not made
    # Steps among points that state the subject ("Gives naloxone per protocol") are claims a
    # sentence can deny; in a rubric that mostly describes the answer, every point does.
    describes = tx.describes_answer(tuple(model.text for model in reference.points))
    for j, found in contradicted.items():
        model = reference.points[j]
        i, contradiction = found[0]
        if describes and not _SPEAKER_DID_NOT_RE.search(text[spans[i][0]:spans[i][1]]):
            continue
        # A formula with its terms moved is answered only by a sentence that writes the
        # point's own formula, not by one about another quantity with the same terms. An order
        # or a ranking turned round is answered by none: its words said elsewhere do not say
        # which comes first.
        if model.text in made and contradiction.kind not in _ARRANGED \
                and not (contradiction.kind == "swap" and _more_its_own(
                    points, j, statements, i, best_windows.get(j, ()), question_stems)) \
                and (j not in misplaced or any(
                relations.same_formula(model.text, text[spans[k][0]:spans[k][1]])
                for k in own)) and (contradiction.kind != "opposite" or _ties_as_the_point(
                    reference, j, i, text, spans, [k for k in own if k != i], question)):
            continue
        if not any(w.span == _shift(spans[i], offset) for w in wrong):
            wrong.append(WrongClaim(_shift(spans[i], offset), model.text, None, contradiction.kind))
    if nothing_made and not wrong and not describes:
        # An answer that makes no point may still state its opposite in other words
        # ("a fresh list on every call" against "evaluated once").
        for j, point in enumerate(points):
            for i in own:
                found = _contradiction(point, statements[i], question_stems, question,
                                       loose=True, point_text=reference.points[j].text)
                if found and not _said_by_another(found, points, j, statements[i],
                                                  question_stems):
                    wrong.append(WrongClaim(_shift(spans[i], offset), reference.points[j].text,
                                            None, found.kind))
                    contradicted.setdefault(j, []).append((i, found))
                    break
    lost = {w.point for w in wrong if w.point}
    results = [
        cov.PointCoverage(r.point, 0.0, 0.0, ()) if r.point in lost and r.point not in made else r
        for r in results
    ]
    weights = [cov.point_weight(model, tuning) for model in reference.points]
    total = sum(weights)
    content = (sum(r.credit * w for r, w in zip(results, weights, strict=True)) / total
               if total else 0.0)
    return Reading(content, results, best_spans, wrong, sum(usable))


def _more_its_own(points: list[claims.Statement], j: int, statements: list[claims.Statement],
                  i: int, window: tuple[int, ...], question_stems: frozenset[str]) -> bool:
    """Is sentence ``i`` about point ``j`` by words only that point uses (its own figure,
    its own act) where the ``window`` that makes it elsewhere has none of them but the ones
    they share? Then the window says what another point says in the same words, and the
    contradiction stands."""
    own = _distinctive(points, j, question_stems)
    said = frozenset(s for k in window for s in statements[k].stems)
    return bool(own & statements[i].stems - said) and own & said <= statements[i].stems


# What a practice does wrong ("... before splitting *leaks* test information"): said of the
# words before it, a point warns against doing them.
_HARM_WORDS = frozenset(tx.stem(w) for w in (
    "leak", "leaks", "leaking", "inflate", "inflates", "inflating", "bias", "biases", "biasing",
    "distort", "distorts", "distorting", "overstate", "overstates", "understate",
    "understates", "corrupt", "corrupts", "contaminate", "contaminates", "overfit",
    "overfits", "misleads", "misleading", "harm", "harms", "endanger", "endangers",
    "invalidate", "invalidates", "double-counts"))
# A sentence that presents a practice as the right one.
_ENDORSED_RE = re.compile(
    r"\b(?:best|good|standard|recommended|correct|proper|safe|right) (?:practice|way|order|"
    r"approach|move)\b|\bgold standard\b|\bthe (?:right|correct|proper|safe) thing\b"
    r"|\bis (?:always )?(?:fine|correct|the way to go|what you want)\b", re.I)
ENDORSED_SHARE = 0.5  # of a harmful practice's own words that a sentence must name
ENDORSED_WORDS = 3  # and at least this many


def _endorsed_harms(points: list[claims.Statement], statements: list[claims.Statement],
                    sentences: list[str], own: list[int],
                    question_stems: frozenset[str]) -> list[tuple[int, int]]:
    """(sentence, point) where a sentence presents as the right way ("best practice is to
    fit the scaler on the complete dataset, then split") the practice a point says does harm
    ("fitting preprocessing on the full dataset before splitting leaks test information"),
    naming most of the practice's words, without the harm and without denying it."""
    found: list[tuple[int, int]] = []
    endorsing = [i for i in own if _ENDORSED_RE.search(sentences[i])]
    if not endorsing:
        return found
    for j, point in enumerate(points):
        ordered = [s for _p, s in point.ordered()]
        at = next((k for k, s in enumerate(ordered) if s in _HARM_WORDS), None)
        if at is None or point.denied:
            continue
        practice = frozenset(ordered[:at]) - question_stems
        if len(practice) < ENDORSED_WORDS:
            continue
        for i in endorsing:
            sentence = statements[i]
            if sentence.denied & practice or sentence.stems & _HARM_WORDS:
                continue
            named = cov.features_of(tuple(sentence.asserted), question_stems)
            said = frozenset(s for s in practice if s in named or tx.synonym_labels(s) & named)
            if len(said) >= max(ENDORSED_WORDS, ENDORSED_SHARE * len(practice)):
                found.append((i, j))
    return found


_CASE_FRAME_RE = re.compile(r"\s*(?:for|in|with|under)\s+(?:(?:an|a|the)\s+)?([a-z-]+)", re.I)


def _other_case(point_text: str, sentence: claims.Statement) -> bool:
    """Does the point open on a case ("For an *upstream* sale, ...") and the sentence's first
    clause name its opposite ("As it's a *downstream* sale")?"""
    framed = _CASE_FRAME_RE.match(point_text)
    if not framed or "," not in point_text[framed.end():]:
        return False
    case = tx.stem(framed.group(1).lower())
    opening = frozenset(sentence.clauses[0].stems) if sentence.clauses else frozenset()
    return bool(claims.antonyms_of(case) & opening)


OPPOSED_SHARED = 2  # own words a sentence shares with the point it is read against
_SPEAKER_DID_NOT_RE = re.compile(
    r"\b(?:i|we)(?:'ve|'d| have| had)?\s+(?:\w+\s+)?(?:didn'?t|did not|never|haven'?t|have not|"
    r"hadn'?t|had not|wouldn'?t|won'?t|don'?t|do not|couldn'?t|refused to|chose not to|"
    r"decided not to)\b", re.I)


def _ties_as_the_point(reference: cov.Reference, j: int, i: int, text: str,
                       spans: list[tuple[int, int]], others: list[int], question: str) -> bool:
    """Does another sentence tie the point's words to the same ends as the point does? A
    sentence that only names them again ("every item, including deposits in transit and
    outstanding checks, ...") does not outweigh sentence ``i``, which ties them to the other
    end of a scale."""
    things = opposition.question_things(question) if question else frozenset()
    pairs, bindings = _point_ends(tuple(p.text for p in reference.points), things)
    relation = opposition.states_relation(reference.points[j].text)
    flipped = opposition.compare(bindings[j], opposition.bindings(
        text, *spans[i], things=things, wanted=pairs[j]), relation)
    if all(opposition.is_role(pair) for pair in flipped.pairs):
        # Roles are bound less surely than scales ("a signature that lets receivers
        # verify"): any other sentence that makes the point outweighs them.
        return True
    for k in others:
        theirs = opposition.bindings(text, *spans[k], things=things, wanted=pairs[j])
        result = opposition.compare(bindings[j], theirs, relation)
        if not result.opposed and len(result.agreed) >= opposition.OPPOSED_WORDS:
            return True
    return False


@lru_cache(maxsize=1024)
def _point_ends(texts: tuple[str, ...], things: frozenset[str]
                ) -> tuple[list[frozenset[int]], list[opposition.Binding]]:
    """Each key point's contrast pairs and bindings (opposition.py), once per question."""
    pairs = [opposition.pairs_named(claims.read_statement(text)) for text in texts]
    return pairs, [opposition.bindings(text, things=things) if named else {}
                   for text, named in zip(texts, pairs, strict=True)]


def _opposed(reference: cov.Reference, points: list[claims.Statement],
             statements: list[claims.Statement], text: str, spans: list[tuple[int, int]],
             own: list[int], question_stems: frozenset[str], question: str
             ) -> list[tuple[int, int, claims.Contradiction]]:
    """(sentence, point, why) where a sentence ties the words of the point it speaks of to
    the other end of a scale (opposition.py). A sentence is read against the point it shares
    most own words with, never against a point about the other of two things the question
    contrasts."""
    pair = claims.contrast_pair(question) if question else None
    things = opposition.question_things(question) if question else frozenset()
    point_pairs, point_bindings = _point_ends(tuple(p.text for p in reference.points), things)
    if not any(point_pairs):
        return []
    found = []
    for i in own:
        shared = [len((p.stems & statements[i].stems) - question_stems) for p in points]
        most = max(shared, default=0)
        if most < OPPOSED_SHARED:
            continue
        named = opposition.pairs_named(statements[i])
        if not named:
            continue
        candidates = []
        for j, point in enumerate(points):
            if shared[j] != most or named.isdisjoint(point_pairs[j]):
                continue
            if pair:
                ours, other = point.stems & pair, statements[i].stems & pair
                if ours and other and not ours & other:
                    continue
            candidates.append(j)
        if not candidates:
            continue
        wanted = frozenset().union(*(named & point_pairs[j] for j in candidates))
        theirs = opposition.bindings(text, *spans[i], things=things, wanted=wanted)
        for j in candidates:
            result = opposition.compare(point_bindings[j], theirs,
                                        opposition.states_relation(reference.points[j].text))
            if result.opposed:
                found.append((i, j, claims.Contradiction(
                    "opposite", ", ".join(sorted(result.flipped)))))
                continue
            # "a debit increases every type of account" against a point that sorts the
            # accounts between the two ends.
            universal = opposition.generalized(point_bindings[j], theirs, statements[i].stems)
            if universal:
                found.append((i, j, claims.Contradiction("opposite", " ".join(universal))))
    return found


def _refused(statement: claims.Statement) -> frozenset[str]:
    """Stems a sentence about one's own practice says only under a negation ("I didn't dig
    into the channel data", "we never agreed on metrics")."""
    return frozenset(s for c in statement.clauses if c.advice and not c.conditional
                     for s, d in zip(c.stems, c.denied_words, strict=True) if d)


def _opposed_terms(model: cov.PointModel, point: claims.Statement, matched: tuple[str, ...],
                   asserted: frozenset[str], denied: frozenset[str],
                   refused: frozenset[str]) -> frozenset[str]:
    """Point words the window says with the other polarity, so the word is there and the
    claim is its opposite: words a point denies ("without interruption", "do not set when
    ownership passes") that the window only asserts ("I interrupt early"), and words a point
    asserts that the speaker says they did not do ("I didn't mention the range"). A denial in
    general prose is not read so: "not fixed in size" states "variable length", and a point
    may itself say a word both ways ("if no constructor is provided, the compiler provides
    one")."""
    if not matched:
        return frozenset()
    point_denied = point.denied - point.asserted
    said = _features_all(asserted)
    unsaid = _features_all(denied - asserted)
    not_done = _features_all(refused - asserted)
    out = set()
    for term in model.terms:
        if term.stem not in matched:
            continue
        keys = {term.stem} | term.labels
        if term.stem in point_denied:
            if keys & said and not keys & unsaid:
                out.add(term.stem)
        elif term.stem not in point.denied and keys & not_done and not keys & said:
            out.add(term.stem)
    return frozenset(out)


def _features_all(stems: frozenset[str]) -> frozenset[str]:
    return frozenset().union(*(_features(s) for s in stems)) if stems else frozenset()


# A point with one of these words warns against something ("vanity metrics make poor North
# Star metrics"): a sentence denying its words agrees with it.
_NEGATIVE_WORDS = frozenset(tx.stem(w) for w in (
    "poor", "bad", "avoid", "mistake", "wrong", "risk", "fail", "failure", "problem", "pitfall",
    "misleading", "harmful", "danger", "dangerous", "error", "instead", "worse", "unsuitable",
    "unacceptable", "inappropriate", "unsafe", "insecure", "contraindicated", "prohibited",
    "forbidden", "missing", "absent", "lacking"))


# Of those, the words that judge the thing the point names ("*poor* North Star metrics"),
# rather than name a subject of their own ("error messages", "the problem").
_VERDICT_WORDS = frozenset(tx.stem(w) for w in (
    "poor", "bad", "mistake", "wrong", "pitfall", "misleading", "harmful", "worse", "vanity",
    "meaningless", "useless"))
# A sentence telling two things apart denies their sameness, not either thing.
_NOT_THE_SAME_RE = re.compile(
    r"\b(?:is|are|was|were)(?:n't|\s+not)\s+(?:quite\s+|really\s+|exactly\s+|necessarily\s+"
    r"|always\s+)?(?:the\s+same\s+(?:thing\s+|person\s+|role\s+)?as|identical\s+to"
    r"|equivalent\s+to|interchangeable\s+with)\b")
_MODIFIER_STEMS = frozenset(tx.stem(w) for w in ("alone", "only", "just", "solely", "exclusively"))
_NEGATOR_RE = re.compile(r"n't\b|\b(?:not|never|no)\b")


def _only_tells_apart(statement: claims.Statement) -> bool:
    """Is the sentence's one negation the sameness of two things it tells apart?"""
    text = " ".join(c.text for c in statement.clauses)
    return bool(_NOT_THE_SAME_RE.search(text)) and len(_NEGATOR_RE.findall(text)) == 1


# A sentence that only checks for a thing ("a check on feature availability") says nothing of
# whether it holds.
_CHECKED_FOR_RE = re.compile(r"^(?:\w+ ){0,3}(?:check|checks|checking|verify|verifying|confirm)"
                             r"(?: (?:on|for|of|that|whether))? ")


def _supposed(statement: claims.Statement) -> bool:
    """Does a condition open before the sentence's first denial ("if, say, I haven't met the
    buyer")? A condition after it ("we never found one, because once ...") leaves the denial a
    statement of fact."""
    denied_at = next((c.start for c in statement.clauses if c.denied), None)
    return denied_at is not None and any(c.conditional and c.start <= denied_at
                                         for c in statement.clauses)


# Any negation, also one that limits rather than denies ("not simply shipping ...").
_NEGATION_RE = re.compile(r"\b(?:not|never|no|without|instead|rather)\b|n't\b", re.I)
DENIED_COVERAGE = 0.3  # share of a point that a sentence's negated words must cover to deny it
DENIED_WORDS = 2  # and this many of the point's own (not the question's) words


# "without mentioning the incident report": the negation falls on the mention; what is
# mentioned is taken to exist.
_MENTION_STEMS = frozenset(tx.stem(w) for w in (
    "mention", "mentioning", "cite", "citing", "refer", "referring", "reference", "quote",
    "quoting"))


def _denied_words(statement: claims.Statement) -> list[str]:
    """The written words of a sentence said only under a negation."""
    asserted = statement.asserted
    return [word for clause in statement.clauses
            for word, stem, denied in zip(clause.words, clause.stems, clause.denied_words,
                                          strict=True)
            if denied and stem not in asserted and not clause.conditional and not clause.purpose
            # "never above 41": the negation falls on the bound, not on these words
            and not claims.negates_a_bound(clause)
            # "not straight away": on the timing
            and not clause.timing
            and (stem in _MENTION_STEMS or not clause.heads & _MENTION_STEMS)]


HEAD_MIN_LETTERS = 5  # shorter denied words ("use", "get", "make") say too little alone


def _own_heads(statement: claims.Statement, remedy: bool = False) -> frozenset[str]:
    """Words that open a negation in a sentence about the speaker's own practice; not a
    manner ("briefly and without detail"), nor, against a point naming a remedy
    (``remedy``), what is done without it."""
    asserted = statement.asserted
    return frozenset(h for c in statement.clauses if c.advice and not c.conditional
                     and not c.timing and not c.purpose
                     for h in c.heads if h not in asserted and len(h) >= HEAD_MIN_LETTERS
                     and not (h in c.manner and (remedy or not _acts(c, h))))


def _acts(clause: claims.Clause, stem: str) -> bool:
    """Is the word written as an act ("without *changing* anything"), not a thing ("without
    detail")?"""
    return any(w.endswith("ing") for w, s in zip(clause.words, clause.stems, strict=True)
               if s == stem)


# A point naming a remedy ("XSS is prevented by output encoding"): a sentence telling what
# happens without it ("a script tag we render without encoding") agrees with it.
_REMEDY_WORDS = frozenset(tx.stem(w) for w in (
    "prevent", "prevented", "prevents", "mitigate", "mitigated", "mitigates", "protect",
    "protects", "protected", "defend", "defends", "defense", "defence", "stops", "stopped",
    "defeat", "defeats", "defeated", "thwart", "thwarts", "thwarted"))


def _distinctive(points: list[claims.Statement], j: int,
                 question_stems: frozenset[str]) -> frozenset[str]:
    """Stems point ``j`` asserts outside any denying clause, that no other point and not the
    question uses."""
    others = frozenset(s for k, p in enumerate(points) if k != j for s in p.stems)
    plain = frozenset(s for c in points[j].clauses if not c.denied and not c.conditional
                      for s in c.stems)
    # A word the point denies in one clause ("avoid discounting, because early discounts
    # erode margin") is not one a sentence can deny against it.
    return plain - others - question_stems - points[j].denied


def _denials(reference: cov.Reference, points: list[claims.Statement],
             statements: list[claims.Statement], own: list[int],
             question_stems: frozenset[str], tuning: cov.Tuning
             ) -> list[tuple[int, int, claims.Contradiction]]:
    """(point, sentence, why) where a sentence denies a point: its negated words state the
    point, or the verb the point turns on is denied in one's own practice ("I avoid
    acknowledging their feelings" against "acknowledge their frustration"), a word no other
    point and not the question uses."""
    denied: dict[int, tuple[list[str], cov.AnswerTerms | None, frozenset[str]]] = {}
    for i in own:
        if not statements[i].denied or _supposed(statements[i]) \
                or _only_tells_apart(statements[i]):
            continue  # nothing said under a negation, only under a supposition, or sameness
        words = _denied_words(statements[i])
        heads = _own_heads(statements[i])
        if words or heads:
            terms = (cov.terms_from_words(words, question_stems, near_spellings=False)
                     if len(words) >= DENIED_WORDS else None)
            denied[i] = (words, terms, heads)
    found: list[tuple[int, int, claims.Contradiction]] = []
    if not denied:
        return found
    # A point naming a remedy ("the primary defense is parameterized queries"): a sentence
    # that states it and denies a harm ("bound as a value, so it can never change the logic")
    # tells what the remedy prevents, and agrees with a point describing that harm.
    for j, model in enumerate(reference.points):
        # In a point telling what the speaker did ("I reported the error"), the question's
        # own words ("a medication *error*") name the topic, not a warning.
        topic = question_stems if any(c.speaker for c in points[j].clauses) else frozenset()
        if _NEGATIVE_WORDS & (points[j].stems - topic):
            continue  # a point that warns against something agrees with its denial
        distinctive = _distinctive(points, j, question_stems)
        remedy = bool(_REMEDY_WORDS & points[j].stems)
        prefers = any(c.alternative for c in points[j].clauses)
        # What the point describes, puts off, or takes a thing out of: a sentence turning
        # down the first ("I wouldn't one-hot it"), holding back the second or keeping out
        # the third ("it never reaches the production line") says what the point says.
        subjects = frozenset(s for c in points[j].clauses for s in c.subject)
        deferred = frozenset(s for c in points[j].clauses for s in c.deferred)
        apart = frozenset(s for c in points[j].clauses for s in c.apart)
        for i, (words, terms, heads) in denied.items():
            if _states_remedy(points, j, statements[i], question_stems):
                continue
            if all(claims.quantity_falls_short(c, c.denied)
                   for c in statements[i].clauses if c.denied):
                # "Four days doesn't even cover a full week": a case falling short of the
                # advice ("cover full weekly cycles") agrees with it.
                continue
            if prefers and all(c.denied <= c.alternative
                               for c in statements[i].clauses if c.denied):
                # Both set something aside ("rather than demographics", "rather than slicing
                # customers by demographics"): the sentence prefers as the point does.
                continue
            if remedy:
                heads = _own_heads(statements[i], remedy=True)
            if points[j].elided_negation:
                # "recorded by the bank but the books have not": the point denies its own
                # verb too, so one's own "we haven't recorded" says what it says.
                heads = frozenset()
            said = statements[i].denied & points[j].stems
            if said and (said <= apart or said <= deferred or said <= subjects and all(
                    c.speaker or c.denied <= c.alternative
                    for c in statements[i].clauses if c.denied)):
                continue
            clauses = statements[i].clauses
            if all(claims.denies_of_another(c, tuple(st for _p, st in points[j].ordered()),
                                            c.denied, clauses[k - 1] if k else None)
                   for k, c in enumerate(clauses) if c.denied):
                continue  # "overnight charging doesn't degrade it": said of something else
            if terms is not None and _denies_point(model, points[j], terms, question_stems,
                                                   tuning, _own_act(points[j], statements[i])):
                found.append((j, i, claims.Contradiction(
                    "negation", ", ".join(sorted(set(words))))))
            elif heads & distinctive - _modifiers_set_aside(statements[i], points[j].stems) \
                    - _figure_units(points[j]):
                found.append((j, i, claims.Contradiction(
                    "negation", ", ".join(sorted(heads & distinctive)))))
    return found


def _figure_units(point: claims.Statement) -> frozenset[str]:
    """Words that name the unit of a figure in the point ("at least 16 *pixels*"): setting
    the unit aside ("in rem rather than pixels") says nothing against the amount."""
    ordered = [s for _p, s in point.ordered()]
    return frozenset(s for k, s in enumerate(ordered) if k and ordered[k - 1][:1].isdigit())


def _modifiers_set_aside(statement: claims.Statement, point: frozenset[str]) -> frozenset[str]:
    """First words of a phrase set aside ("rather than an *internal* workshop") whose next
    word the point does not name: a modifier of another thing, not the point's word."""
    out: set[str] = set()
    for clause in statement.clauses:
        run: list[str] = []
        for stem, denied in (*zip(clause.stems, clause.denied_words, strict=True), ("", False)):
            if denied and stem in clause.alternative:
                run.append(stem)
                continue
            if len(run) > 1 and run[1] not in point and run[1] not in _GENERIC_HEADS:
                out.add(run[0])
            run = []
    return frozenset(out)


# Nouns that name no thing of their own ("a clean rather than *sterile procedure*"): the word
# before them is what is set aside.
_GENERIC_HEADS = frozenset(tx.stem(w) for w in (
    "procedure", "process", "technique", "approach", "method", "practice", "step", "way",
    "thing", "option", "version", "kind", "type", "one", "ones", "route", "basis"))


def _own_act(point: claims.Statement, sentence: claims.Statement) -> bool:
    """Does a first-person point ("I used user evidence or testing") meet a first-person
    denial ("we didn't test it with users")? The speaker says they did not do what the point
    says they did, so two of its own words are enough, however long the point."""
    return (any(c.speaker for c in point.clauses)
            and any(c.speaker and c.denied and not c.conditional for c in sentence.clauses))


_SETTING_ASIDE_RE = re.compile(r"\b(?:rather\s+than|instead\s+of)\b", re.I)


def _only_sets_aside(text: str, clause: claims.Clause) -> bool:
    """Is the clause's only negation a "rather than" or "instead of" alternative?"""
    piece = text[clause.start:clause.end]
    return bool(clause.alternative) and clause.denied <= clause.alternative and len(
        _NEGATION_RE.findall(piece)) == len(_SETTING_ASIDE_RE.findall(piece))


CONTINUATION_WORDS = 2  # a comma-joined piece this short, after a denial, continues it


def _continues_denial(point: claims.Statement, k: int) -> bool:
    """Is clause ``k`` the rest of a noun phrase the clause before denies ("do not see each
    other's intermediate, *uncommitted changes*"): a short piece with no negation of its own,
    right after a clause whose last word is denied?"""
    if not k:
        return False
    before, clause = point.clauses[k - 1], point.clauses[k]
    return bool(before.denied_words) and before.denied_words[-1] and not clause.denied \
        and not clause.conditional and len(clause.stems) <= CONTINUATION_WORDS


def _denies_point(model: cov.PointModel, point: claims.Statement, terms: cov.AnswerTerms,
                  question_stems: frozenset[str], tuning: cov.Tuning,
                  own_act: bool = False) -> bool:
    """Do the negated words of a sentence (``terms``) state the point ("didn't involve the
    charge nurse or rapid response" against "escalated to the charge nurse or rapid response
    team")?"""
    result = cov.point_coverage(model, terms, tuning, fuzzy=False)
    # Words of a clause that itself denies ("placeholder text should not replace a label")
    # agree with a sentence that denies them.
    # A clause that only sets an alternative aside ("user evidence rather than personal
    # opinion") still asserts the rest of its words.
    negated = frozenset(s for k, clause in enumerate(point.clauses)
                        if clause.denied or _NEGATION_RE.search(model.text, clause.start, clause.end)
                        or _continues_denial(point, k)
                        for s in (clause.alternative if _only_sets_aside(model.text, clause)
                                  else clause.stems))
    # What a remedy keeps away ("a salt *defeats rainbow tables*") is what a sentence
    # denying it ("no rainbow tables") also keeps away.
    negated |= frozenset(s for clause in point.clauses for s in claims.kept_away(clause))
    said = frozenset(terms.stems)  # the words themselves: a synonym is too loose a denial
    own = [s for s in result.matched if s in said and s not in question_stems
           and s not in negated]
    if len(own) < DENIED_WORDS:
        return False
    if result.coverage >= DENIED_COVERAGE or own_act:
        return True
    # Or a phrase of the point, word for word ("the root cause", "on-call engineer").
    order = [s for _p, s in point.ordered()]
    return any(a in own and b in own and a != b for a, b in zip(order, order[1:], strict=False))


PAIR_REACH = 2  # neighbouring words of a point that state a relation
PAIR_GAP = 4  # how far apart the answer may put them
PAIR_FULL = 0.3  # share of a point's word pairs that shows its words are in relation
PAIR_FLOOR = 0.8  # share of the credit kept when no pair of its words is in relation


@lru_cache(maxsize=50_000)
def _features(stem: str) -> frozenset[str]:
    return frozenset([stem]) | tx.synonym_labels(stem)


def _positions(window: list[claims.Statement], question_stems: frozenset[str]) -> dict[str, list[int]]:
    """Each stem and synonym label of a window -> where it stands (question words skipped)."""
    where: dict[str, list[int]] = {}
    position = 0
    for st in window:
        for _p, stem in st.ordered():
            if stem in question_stems:
                continue
            for feature in _features(stem):
                where.setdefault(feature, []).append(position)
            position += 1
    return where


def _in_relation(result: cov.PointCoverage, point: claims.Statement,
                 where: dict[str, list[int]], question_stems: frozenset[str],
                 tuning: cov.Tuning) -> cov.PointCoverage:
    """Discount a point whose words the answer uses out of relation: the point's neighbouring
    words ("optimistic ... checks a version") should stand near each other, in order, in the
    answer too; a fluent answer that scatters them says something else."""
    sequence = [s for _p, s in point.ordered() if s not in question_stems]
    pairs = {(sequence[a], sequence[b]) for a in range(len(sequence))
             for b in range(a + 1, min(len(sequence), a + 1 + PAIR_REACH))
             if sequence[a] != sequence[b]}
    if len(pairs) < 3 or not result.coverage:
        return result
    found = 0
    for first, second in pairs:
        starts = [p for f in _features(first) for p in where.get(f, ())]
        ends = [p for f in _features(second) for p in where.get(f, ())]
        found += any(0 < b - a <= PAIR_GAP for a in starts for b in ends)
    factor = PAIR_FLOOR + (1 - PAIR_FLOOR) * min(1.0, found / len(pairs) / PAIR_FULL)
    coverage = result.coverage * factor
    credit = min(1.0, coverage / tuning.saturation) ** tuning.curve if coverage else 0.0
    return cov.PointCoverage(result.point, coverage, credit, result.matched)


SWAP_MIN_SHARED = 3  # words a sentence must share with the other thing's point
SWAP_MARGIN = 2  # more than it shares with any point about its own thing


DEFINED_THINGS = 3  # points defining this many different things make their subjects things
# "Answers are scored against anchored scales", "every candidate is asked": a passive tells a
# step of a process, not what a thing is (unless it says how the thing is measured or named).
_DEFINITION_RE = re.compile(
    r"^\s*(?:(?:an?|the|every|each)\s+)?([A-Za-z0-9][\w/-]*(?:\s+[A-Za-z0-9][\w/-]*){0,2}?)(?:\s+"
    r"(?:is|are|means|mean|equals|refers to|measures|compares|handles|takes|involves|covers)\b"
    r"|\s*:\s)"
    r"(?!\s+(?!(?:measured|defined|calculated|computed|expressed|called|known|based|used)\b)"
    r"[a-z]+ed\b)")


def _things(reference: cov.Reference, points: list[claims.Statement],
            pair: frozenset[str] | None) -> dict[str, list[tuple[int, frozenset[str]]]]:
    """The things the points are about, each with what the points say of it alone (a point,
    or the part of one that opens on it), by point index: the two
    the question contrasts, else the subjects of definition-like points ("Availability is
    ...", "Tier 1 handles ...") when several points define different things."""
    if pair:
        things = set(pair)
    else:
        things = set()
        for model in reference.points:
            match = _DEFINITION_RE.match(model.text)
            stems = tx.content_stems(match.group(1)) if match else ()
            if stems:
                things.add(stems[-1])
    about: dict[str, list[tuple[int, frozenset[str]]]] = {t: [] for t in things}
    for j, point in enumerate(points):
        named = things & point.stems
        if len(named) == 1:
            about[next(iter(named))].append((j, point.asserted))
        elif named and pair:
            # "A process has its own address space, while threads share the heap": each part
            # opening on one of the two things the question contrasts speaks of that thing.
            for thing, words in _segments(point, frozenset(things)):
                if len(words) >= SWAP_MIN_SHARED:
                    about[thing].append((j, words))
    about = {t: said for t, said in about.items() if said}
    # Subjects count only in a parallel structure: several points each defining its own thing.
    return about if len(about) >= (2 if pair else DEFINED_THINGS) else {}


def _swapped_across(points: list[claims.Statement], statements: list[claims.Statement],
                    own: list[int], about: dict[str, list[tuple[int, frozenset[str]]]],
                    question_stems: frozenset[str]) -> list[tuple[int, int]]:
    """(sentence, point) pairs where a part of the sentence names one thing but says what a
    point says of another ("quality is actual speed against ideal speed")."""
    things = frozenset(about)
    found = []
    for i in own:
        segments = _segments(statements[i], things)
        if len({thing for thing, _said in segments}) >= 3:
            continue  # an enumeration ("availability times performance times quality")
        opened = frozenset(t for t, _said in segments)
        swapped = None
        for thing, said in segments:
            said = said - things - question_stems
            # Each clause of the part alone too: "XSS is when another site makes the browser
            # send a forged request, which is prevented by output encoding" defines the one
            # by the other's definition even though its remedy is right.
            # A clause before the thing is named ("the budget is set once, while a rolling
            # forecast ...") is not said of it.
            clauses = statements[i].clauses
            named_at = next((k for k, c in enumerate(clauses) if thing in c.stems), 0)
            parts = [said] + [frozenset(c.stems) & said for c in clauses[named_at:]]
            for part in parts:
                theirs = _swapped_part(about, thing, part, things, question_stems)
                if theirs is None:
                    continue
                if any(thing in c.stems and t in c.stems and t not in opened
                       for c in statements[i].clauses for t, said_of in about.items()
                       if t != thing and any(j == theirs for j, _w in said_of)):
                    continue  # the other thing is its object ("a 40% IRR can have a lower NPV")
                swapped = theirs
                break
            if swapped is not None:
                found.append((i, swapped))
                break
    return found


def _swapped_part(about: dict[str, list[tuple[int, frozenset[str]]]], thing: str,
                  said: frozenset[str], things: frozenset[str],
                  question_stems: frozenset[str]) -> int | None:
    """The point about another thing that the words said of ``thing`` state, when they
    state it clearly better than any point about ``thing`` itself."""
    if len(said) < SWAP_MIN_SHARED:
        return None

    def overlap(words: frozenset[str]) -> int:
        return len(said & (words - things - question_stems))

    ours = max((overlap(words) for _j, words in about.get(thing, ())), default=0)
    others = [(j, words) for t, said_of in about.items() if t != thing for j, words in said_of]
    theirs, words = max(others, key=lambda entry: overlap(entry[1]))
    if overlap(words) >= SWAP_MIN_SHARED and overlap(words) >= ours + SWAP_MARGIN:
        return theirs
    return None


def _segments(sentence: claims.Statement, things: frozenset[str]) -> list[tuple[str, frozenset[str]]]:
    """The sentence cut where a clause opens on a thing: (thing, the asserted words up to the
    next). A thing named later in a clause is its object ("the promise that makes the SLA
    achievable"): the rest of that clause is about neither."""
    asserted = sentence.asserted
    segments: list[tuple[str, set[str]]] = []
    leading: set[str] = set()
    for clause in sentence.clauses:
        muted = False
        # Words of an earlier clause ("a large project adds more value, yet IRR ranks the
        # small one first") are not said of a thing the sentence names only later.
        leading = set() if not segments else leading
        for index, stem in enumerate(clause.stems):
            if stem in things:
                # "I build a rating scale for each question": the speaker is the subject.
                # "the rate that makes NPV zero": a thing after a word of its own and a verb
                # is an object; right after a word ("the average IRR") it is the subject.
                subject = index == 0 or (index < SUBJECT_REACH and not clause.relative
                                         and clause.positions[index] - clause.positions[0] == index)
                if subject or not (segments or clause.speaker):
                    if not (segments and segments[-1][0] == stem):
                        segments.append((stem, set(leading) if not segments else set()))
                    muted = False
                else:
                    muted = True
            elif stem in asserted and not muted:
                if segments:
                    segments[-1][1].add(stem)
                elif not clause.conditional:  # a condition first sets the scene for either
                    leading.add(stem)
    return [(t, frozenset(words)) for t, words in segments]


SUBJECT_REACH = 2  # a clause speaks of a thing named among its first words


def _shift(span: tuple[int, int], offset: int) -> tuple[int, int]:
    return (max(0, span[0] - offset), max(0, span[1] - offset))
