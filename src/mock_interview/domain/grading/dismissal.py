"""Dismissals: a sentence that calls needless, or forbidden, what a key point says is done,
or calls one two things the rubric tells apart.

"There's no need to count inventory", "the refill rate doesn't matter", "qualitative
assessments aren't allowed": a fluent wrong answer often waves away the very step or factor
the rubric turns on. Such a sentence contradicts the point whose own words it dismisses,
whatever else it shares with that point. A point that itself denies, warns or leaves the
thing optional agrees with the dismissal and is never contradicted by it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mock_interview.domain.grading import claims
from mock_interview.domain.grading import text as tx

# The dismissed thing follows the words: "no need to count inventory", "you don't need locks".
_NEEDLESS_AFTER_RE = re.compile(
    r"\b(?:(?:there\s+(?:is|was)\s+|there's\s+)?no\s+(?:real\s+|further\s+)?need\s+(?:to|for)"
    r"|(?:do|does|did)(?:n't|\s+not)\s+(?:really\s+|even\s+|actually\s+|usually\s+)?"
    r"(?:need(?:\s+to)?|have\s+to)"
    r"|needn't|never\s+needs?(?:\s+to)?"
    # "I don't find GOPPAR adds much": the thing follows the speaker's doubt.
    r"|(?:i|we)\s+(?:don't|do\s+not)\s+(?:find|think|feel)(?=\s+(?:that\s+)?(?:[\w-]+\s+){1,4}?"
    r"adds?\s+(?:much|anything|a\s+lot))"
    # "If the server sends Retry-After, I generally disregard it".
    r"|(?:i|we)\s+(?:generally\s+|usually\s+|just\s+|simply\s+|always\s+|mostly\s+)?"
    r"(?:disregard|overlook)"
    # "There's no value in asking what they compare", "no reason to revisit it".
    r"|(?:there\s+(?:is|was)\s+|there's\s+)?no\s+(?:real\s+)?(?:value|point|sense|benefit)\s+in"
    r"|(?:there\s+(?:is|was)\s+|there's\s+)?no\s+(?:real\s+|good\s+)?reason\s+to"
    r"|(?:can|could)\s+(?:safely\s+|just\s+|usually\s+)?(?:skip|ignore|omit)"
    # "in practice I skip shrinkage": the speaker's own practice leaves it out.
    r"|(?:i|we)\s+(?:usually\s+|just\s+|generally\s+|always\s+|simply\s+|often\s+)?"
    r"(?:skip|ignore|leave\s+out)"
    # "I wouldn't bother with a holdout", "I wouldn't muddy the story by looking at retention".
    r"|(?:i|we)(?:\s+would|'d|\s+will)?(?:n't|\s+not|\s+never)\s+(?:bother|waste\s+time)"
    r"\s+(?:with|on|to|checking|looking\s+at|tracking)"
    r"|(?:i|we)(?:\s+would|\s+will|\s+do)(?:n't|\s+not)\s+[a-z]+\s+(?:the\s+|our\s+|my\s+)?"
    r"[a-z]+\s+by\s+(?:looking\s+at|checking|tracking|adding|measuring))\b", re.I)
# The dismissed thing comes first: "the pump isn't necessary", "format doesn't matter".
_NEEDLESS_BEFORE_RE = re.compile(
    r"\b(?:(?:do|does|did)(?:n't|\s+not)\s+(?:really\s+|much\s+|actually\s+)?matter"
    r"|(?:is|are|was|were)(?:n't|\s+not)\s+(?:really\s+|strictly\s+|actually\s+|even\s+)?"
    r"(?:necessary|needed|required|important|relevant)"
    r"|(?:is|are|was|were)\s+(?:largely\s+|mostly\s+|completely\s+|totally\s+|entirely\s+|"
    r"really\s+|just\s+|simply\s+|therefore\s+|then\s+)?(?:unnecessary|irrelevant|optional|"
    r"pointless|overkill|redundant|superfluous|a\s+waste\s+of\s+time|not\s+worth\s+it|"
    r"not\s+(?:needed|required|necessary))"
    r"|(?:can|could)\s+(?:safely\s+|usually\s+|just\s+|often\s+)?be\s+(?:skipped|ignored|omitted"
    r"|dropped)"
    # "logs should be left out", "the benefit clause can usually be dropped".
    r"|should\s+(?:just\s+|simply\s+|always\s+)?be\s+(?:left\s+out|omitted|skipped)"
    r"|makes?\s+no\s+difference|matters?\s+little"
    # "Gross margin doesn't enter into it", "variability doesn't belong in the calculation".
    r"|(?:do|does|did)(?:n't|\s+not)\s+(?:really\s+|even\s+|actually\s+)?(?:belong|enter\s+into|"
    r"come\s+into|factor\s+in(?:to)?|play\s+a\s+(?:role|part))"
    r"|(?:has|have)\s+nothing\s+to\s+do\s+with"
    # "Collecting more data rarely helps", "circuit breakers add moving parts without much
    # payoff", "the L2 penalty makes things worse".
    r"|(?:rarely|seldom|never|doesn't|does\s+not|don't|do\s+not)\s+(?:really\s+|actually\s+)?"
    r"helps?(?=\s*[,.;:]|\s+(?:much|at\s+all|with))"
    r"|without\s+much\s+(?:payoff|benefit|value|gain)"
    # "a second metric adds little", "the review doesn't add much".
    r"|adds?\s+(?:little|nothing)(?:\s+(?:of\s+)?value)?(?=\s*[,.;:]|\s*$|\s+(?:to|beyond|over|once))"
    r"|(?:doesn't|does\s+not|don't|do\s+not)\s+add\s+(?:much|anything|any\s+value)"
    r"|makes?\s+(?:things|it|matters|everything)\s+worse"
    # "Mutability isn't a concern either".
    r"|(?:is|are)(?:n't|\s+not)\s+(?:really\s+|even\s+)?(?:a|an)\s+(?:real\s+|big\s+)?"
    r"(?:concern|issue|factor|consideration)"
    # "Row locks are something I avoid", "count encoding I avoid,": the speaker shuns it.
    r"|(?:is|are)\s+(?:something|one|a\s+thing|what)\s+(?:i|we)(?:'d|\s+would)?\s+"
    r"(?:always\s+|usually\s+|generally\s+|tend\s+to\s+)?(?:avoid|steer\s+clear\s+of|"
    r"stay\s+away\s+from|never\s+use)"
    r"|(?<=\w\s)(?:i|we)\s+(?:always\s+|usually\s+|generally\s+)?avoid(?=\s*[,.;:]|\s*$)"
    r"|(?:is|are)(?:n't|\s+not)\s+(?:really\s+)?(?:part\s+of|relevant\s+to)"
    r"|can\s+(?:safely\s+|just\s+)?be\s+left\s+out"
    # "checking CRM history before outreach just delays pipeline": a step called a drag.
    r"|(?:just|only|merely|simply)\s+(?:delays?|slows?\s+(?:\w+\s+)?down|wastes?\s+time"
    r"|gets?\s+in\s+the\s+way|adds?\s+(?:friction|noise|overhead)))\b", re.I)
_NEED_FORMS_RE = re.compile(r"\bneed|\bhave\s+to", re.I)
# Forbidden: "qualitative assessments aren't allowed anymore".
_FORBIDDEN_BEFORE_RE = re.compile(
    r"\b(?:(?:is|are|was|were)(?:n't|\s+not)\s+(?:allowed|permitted)"
    # "Absenteeism shouldn't be built into the plan", "hydrocolloids should never go on a
    # sacral wound", "tech debt should never take roadmap capacity".
    r"|(?:should|must)(?:n't|\s+not|\s+never)\s+(?:be\s+)?(?:built\s+in(?:to)?|factored\s+in(?:to)?"
    r"|included|used|applied|added|go\s+(?:on|in|into)|take|get|count(?:ed)?|part\s+of)\b"
    r"|(?:is|are|was|were)\s+(?:prohibited|banned|forbidden|no\s+longer\s+(?:allowed|permitted)))\b",
    re.I)
# The forbidden thing follows: "you're not allowed to adjust for forecasts".
_FORBIDDEN_AFTER_RE = re.compile(
    r"\b(?:(?:not|never)\s+(?:allowed|permitted)\s+to|n't\s+(?:allowed|permitted)\s+to"
    # "you should never use a moist dressing", "don't include absenteeism".
    r"|(?:should|must)(?:n't|\s+not|\s+never)\s+(?:use|apply|include|add|build\s+in)"
    r"|(?:^|[,;:]\s*)(?:never|don't|do\s+not)\s+(?:use|apply|include|add)"
    r"|(?:prohibited|banned|forbidden)\s+from)\b", re.I)

# A clause ends at punctuation or at a word that opens another clause.
_CLAUSE_WORDS = (r"so|because|since|as|but|while|which|that|then|if|unless|when|although|"
                 r"though|whereas|where|once")
_BEFORE_BOUNDARY_RE = re.compile(rf"(?:[,;:()\u2013\u2014]|\b(?:{_CLAUSE_WORDS})\b)", re.I)
_AFTER_BOUNDARY_RE = re.compile(
    rf"(?:[,;:.!?()\u2013\u2014]|\b(?:{_CLAUSE_WORDS}|as long as|unless)\b)", re.I)

# A sentence that reports a wrong belief in order to refute it dismisses nothing itself.
_REFUTES_RE = re.compile(
    r"\b(?:myths?|misconceptions?|mistakes?|misunderstand\w*|(?:people|teams|some|many|"
    r"clients|customers|managers|they)\s+(?:often\s+|sometimes\s+|usually\s+)?(?:think|assume|"
    r"believe|say|claim)|tempting|trap|wrongly|(?:is|isn't|not)\s+(?:true|the\s+case)|false)\b",
    re.I)

# A point that denies, warns or leaves the thing to judgement agrees with its dismissal.
_POINT_AGREES_RE = re.compile(
    r"\b(?:not|never|no|without|instead|rather|avoid\w*|optional|unnecessary|needless|"
    r"irrelevant|may|might|if\s+needed|where\s+needed|when\s+needed)\b|n't\b", re.I)
# Negations that deny nothing: "more likely than not" is a probability, "whether or not" a
# condition either way.
_IDLE_NEGATION_RE = re.compile(r"\b(?:more|less)\s+likely\s+than\s+not\b|\bwhether\s+or\s+not\b",
                               re.I)
# "protect the complainant from retaliation" keeps it away, as "retaliation is prohibited" and
# an "anti-retaliation policy" do.
_POINT_ALLOWS_RE = re.compile(r"\b(?:not|never|no|without|prohibit\w*|forbid\w*|ban\w*|anti-|"
                              r"protect\w*|prevent\w*|avoid\w*|guard\w*|shield\w*)\b|n't\b",
                              re.I)

# Every dismissal holds one of these (a cheap test before the patterns).
_DISMISSING_WORDS = ("need", "have to", "add", "disregard", "overlook", "help", "payoff",
                     "worse", "value in", "point in", "sense in", "benefit in",
                     "reason to", "concern", "issue", "factor", "consideration", "should",
                     "must", "never", "don't", "do not", "matter", "necessary", "required", "important", "relevant",
                     "optional", "pointless", "overkill", "redundant", "superfluous", "waste",
                     "worth", "skip", "ignore", "omit", "difference", "allowed", "permitted",
                     "prohibited", "banned", "forbidden", "belong", "enter", "come into",
                     "factor", "play a", "nothing to do", "part of", "left out", "bother", "dropped",
                     "waste time", " by ", "delay", "slow", "in the way", "friction", "noise",
                     "overhead", "avoid", "steer clear", "stay away")
DISMISSED_WORDS = 2  # point words a dismissal must name when all of them are everyday words
# A point's parts that say things of their own: "...; a holdout is needed", "..., so X".
_POINT_PART_RE = re.compile(r"[;:]|,\s*(?=(?:so|but|while|whereas|which|and)\b)|\.\s+", re.I)


def _scope_before(sentence: str, start: int) -> str:
    head = sentence[:start]
    cut = 0
    for match in _BEFORE_BOUNDARY_RE.finditer(head):
        cut = match.end()
    return head[cut:]


def _scope_after(sentence: str, end: int) -> str:
    tail = sentence[end:]
    match = _AFTER_BOUNDARY_RE.search(tail)
    return tail[:match.start()] if match else tail


def _dismissed(sentence: str) -> list[tuple[str, bool]]:
    """(the words a sentence dismisses, forbidden?) for each dismissal in it."""
    found: list[tuple[str, bool]] = []
    for match in _NEEDLESS_AFTER_RE.finditer(sentence):
        scope = _scope_after(sentence, match.end())
        if _NEED_FORMS_RE.search(match.group(0)):  # "sample size doesn't need to be calculated"
            scope = f"{_scope_before(sentence, match.start())} {scope}"
        found.append((scope, False))
    for match in _NEEDLESS_BEFORE_RE.finditer(sentence):
        found.append((_scope_before(sentence, match.start()), False))
    for match in _FORBIDDEN_BEFORE_RE.finditer(sentence):
        found.append((_scope_before(sentence, match.start()), True))
    for match in _FORBIDDEN_AFTER_RE.finditer(sentence):
        found.append((_scope_after(sentence, match.end()), True))
    return found


@lru_cache(maxsize=1024)
def _point_terms(point: str) -> frozenset[str]:
    stems = frozenset(tx.content_stems(point))
    return stems.union(*(tx.synonym_labels(s) for s in stems)) if stems else stems


def _named(scope: str, point: str, question_stems: frozenset[str]) -> frozenset[str]:
    terms = _point_terms(point)
    return frozenset(
        s for s in tx.content_stems(scope)
        if s not in question_stems and (s in terms or tx.synonym_labels(s) & terms))


def _enough(named: frozenset[str]) -> bool:
    return len(named) >= DISMISSED_WORDS or bool(named - tx.everyday_stems())


def dismissed_point(sentence: str, points: tuple[str, ...],
                    question_stems: frozenset[str]) -> tuple[int, claims.Contradiction] | None:
    """The point a sentence dismisses (calls needless or forbidden while the point says it
    is done), with why; None when it dismisses none."""
    lowered = sentence.lower()
    if "?" in sentence or not any(word in lowered for word in _DISMISSING_WORDS):
        return None
    found = _dismissed(sentence)
    if not found or _REFUTES_RE.search(sentence):
        return None
    best: tuple[int, int, claims.Contradiction] | None = None
    for scope, forbidden in found:
        for j, point in enumerate(points):
            named = _named(scope, point, question_stems)
            agrees = _POINT_ALLOWS_RE if forbidden else _POINT_AGREES_RE
            # The point's own part that names the thing must say it is done: "a before-and-
            # after comparison can't separate the effect; a holdout is needed" needs it.
            if all(agrees.search(_IDLE_NEGATION_RE.sub(" ", part))
                   for part in _POINT_PART_RE.split(point)
                   if _named(scope, part, question_stems) & named):
                continue
            # One everyday word is enough when it is all the sentence dismisses ("History
            # doesn't really matter").
            if not named or not _enough(named) \
                    and set(tx.content_stems(scope)) - question_stems != named:
                continue
            if best is None or len(named) > best[0]:
                words = " ".join(tx.words(scope)[-6:])
                verdict = "forbidden" if forbidden else "needless"
                best = (len(named), j, claims.Contradiction("dismissal", f"{words}: {verdict}"))
    return (best[1], best[2]) if best else None


# "A and B are the same thing", "A is just another name for B": the difference the rubric
# draws between two things, waved away.
_CONFLATES_RE = re.compile(
    r"\b(?:(?:is|are|'s|'re)\s+(?:really\s+|basically\s+|essentially\s+|just\s+|actually\s+|"
    r"effectively\s+|all\s+|simply\s+)*(?:the\s+same\s+(?:thing|idea|concept|metric|measure|"
    r"calculation|process)|(?:just\s+)?another\s+(?:name|word|term)\s+for|two\s+(?:views|names|"
    r"sides|words|versions|labels|terms)\s+(?:of|for)\s+the\s+same|no\s+different\s+from)"
    r"|(?:is|are|'s|'re)\s+(?:really\s+|basically\s+|essentially\s+|just\s+|actually\s+)*"
    r"the\s+same\s+(?:thing\s+|idea\s+)?as"
    r"|measur\w*\s+the\s+same\s+thing)\b", re.I)
_SAMENESS_RE = re.compile(r"\b(?:the\s+same\s+(?:as|thing)|equal\w*|equivalent|identical|"
                          r"also\s+(?:called|known)|known\s+as|another\s+name|synonym\w*|"
                          r"i\.e\.)", re.I)
_NOT_BEFORE_RE = re.compile(r"\b(?:not|never|no)\b|n't\b", re.I)
CONFLATED_WORDS = 2  # words of the rubric, beyond the question's, that name what is conflated


def conflated_point(sentence: str, points: tuple[str, ...],
                    question_stems: frozenset[str]) -> tuple[int, claims.Contradiction] | None:
    """The point a sentence contradicts by calling two things of the rubric one ("KPIs and
    OKRs are really the same thing"); None when it calls nothing the same, or denies it."""
    lowered = sentence.lower()
    if "?" in sentence or not ("same" in lowered or "another" in lowered
                               or "different" in lowered):
        return None
    match = _CONFLATES_RE.search(sentence)
    if not match or _REFUTES_RE.search(sentence) \
            or _NOT_BEFORE_RE.search(sentence[max(0, match.start() - 12):match.end()]):
        return None
    # Two things must be named, the first before the words ("It is the same as the height of
    # the tree" answers what "it" is).
    named_first = tx.content_stems(_scope_before(sentence, match.start()))
    if not named_first or len(set(named_first) | set(
            tx.content_stems(_scope_after(sentence, match.end())))) < CONFLATED_WORDS:
        return None
    stems = frozenset(tx.content_stems(sentence))
    best: tuple[int, int] | None = None
    for j, point in enumerate(points):
        named = len(_named(sentence, point, question_stems))
        if best is None or named > best[0]:
            best = (named, j)
    if best is None or _SAMENESS_RE.search(points[best[1]]):
        return None  # the rubric itself says two things are one
    asked = len(stems & question_stems)
    if best[0] + min(asked, 1) < CONFLATED_WORDS:
        return None
    return best[1], claims.Contradiction("conflation", " ".join(match.group(0).split()))


# A factor said to make no difference to the claim: "the threshold is 0.5, *whatever the
# business costs are*", "overbook by 15% *regardless of* history".
_INDIFFERENT_RE = re.compile(
    r"\b(?:regardless\s+of|irrespective\s+of|no\s+matter\s+(?:what|which)|whatever\s+(?:the|their|its|your)"
    r"|(?:the\s+same\s+(?:way\s+)?|either\s+way\s+)whether)\b", re.I)
# A point that itself lifts the condition, or names the factor among others that do not
# count, agrees.
_POINT_INDIFFERENT_RE = re.compile(
    r"\b(?:regardless|irrespective|independent\w*|whatever|no\s+matter|either\s+way|whether|"
    r"not|never|no|without|rather|instead|alone|only|any|every|all|each)\b|n't\b", re.I)
CLAIM_WORDS = 1  # words beyond the factor the sentence shares with the point it contradicts


def ignored_factor(sentence: str, points: tuple[str, ...],
                   question_stems: frozenset[str]) -> tuple[int, claims.Contradiction] | None:
    """The point whose claim a sentence says holds whatever a factor the point makes it turn
    on ("chosen from the business costs" against "0.5, whatever the business costs are");
    None when it names no such factor, or the point lets it go as well."""
    if "?" in sentence or _REFUTES_RE.search(sentence):
        return None
    for match in _INDIFFERENT_RE.finditer(sentence):
        factor = _scope_after(sentence, match.end())
        claim = frozenset(tx.content_stems(sentence[:match.start()] + " " + sentence[
            match.end() + len(factor):])) - question_stems
        for j, point in enumerate(points):
            named = _named(factor, point, question_stems)
            if not named or not _enough(named):
                continue
            parts = [part for part in _POINT_PART_RE.split(point)
                     if _named(factor, part, question_stems) & named]
            if any(_POINT_INDIFFERENT_RE.search(_IDLE_NEGATION_RE.sub(" ", part))
                   for part in parts):
                continue
            shared = claim & _point_terms(point) - named
            if len(shared) >= CLAIM_WORDS:
                words = " ".join(tx.words(factor)[:6])
                return j, claims.Contradiction("dismissal", f"{words}: said not to matter")
    return None


# Work the point wants checked by a second person, done and signed off by the speaker alone:
# "I'd sign off on the rec myself" against "approved by someone other than the preparer".
_SELF_APPROVED_RE = re.compile(
    r"\b(?:i'?d|i\s+would|i'?ll|i\s+will|i)\s+(?:just\s+|simply\s+|then\s+)?(?:sign\s+off|approve"
    r"|review|check|verify|authori[sz]e|sign)\b[^.;:]{0,40}?\b(?:myself|on\s+my\s+own)\b", re.I)
_SECOND_PERSON_RE = re.compile(
    r"\b(?:someone\s+other\s+than|other\s+than\s+the\s+\w+|independent(?:ly)?\s+(?:of|review\w*"
    r"|check\w*|verif\w*|approv\w*)|(?:a\s+)?second\s+(?:person|pair\s+of\s+eyes|reviewer|check"
    r"|signature)|another\s+(?:person|reviewer|pharmacist|nurse|engineer|approver)"
    r"|segregat\w+\s+of\s+duties|four-eyes|two-person|rather\s+than\s+(?:the\s+)?[\w ]{0,30}"
    r"\balone)\b", re.I)
_CHECK_ACTS = frozenset(tx.stem(w) for w in (
    "review", "reviewed", "approve", "approved", "approves", "sign", "signed", "check", "checked",
    "verify", "verified", "authorise", "authorize", "authorised", "authorized"))


def approved_alone(sentence: str, points: tuple[str, ...]) -> tuple[int, claims.Contradiction] | None:
    """The point that wants a second person to review or approve, where the sentence has the
    speaker do it alone; None otherwise."""
    if not _SELF_APPROVED_RE.search(sentence):
        return None
    for j, point in enumerate(points):
        if _SECOND_PERSON_RE.search(point) and _CHECK_ACTS & frozenset(tx.content_stems(point)):
            return j, claims.Contradiction("dismissal", "checked by the same person")
    return None
