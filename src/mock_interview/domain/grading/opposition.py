"""Opposite ends tied to the same things: a sentence that uses a key point's words but ties
them to the other end of a scale, direction, order or role ("deposits in transit are
*subtracted*" against "are *added*", "raising the service level *lowers* Z" against "a higher
service level means a *higher* Z", "the *buyer* pays the duties" against "the *seller* bears
all costs").

Each word of a contrast pair (data/grading/contrasts.json) is bound to the content words it
speaks of within its part of the sentence (parts end at "but", "because", "so", ";" ...): the
words after it up to the next word of the same pair, and the words before the pair's first
word there (its subject); a word with nothing after it ("targets are faster") takes the words
before it. In an order, what follows the word stands at the other end ("A before B" says
"B after A"). Roles are matched as written ("consumer", never "consumed"). A point and a
sentence then disagree on a word the point binds to one end only and the sentence to the
other end only. A negated end word ("does not increase"), one limited by "only" or bounded by
"at least", one that bounds a figure ("20% of the time or less") and one inside an
abbreviation's expansion bind nothing; an end word after its subject with "and" next ("false
positives drop and precision goes up") binds only that subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from mock_interview.domain.grading import claims
from mock_interview.domain.grading import text as tx

REACH = 3  # content words on each side that an end word speaks of
FIGURE_TAIL = 4  # words between a figure and the "or less" that bounds it
OPPOSED_WORDS = 2  # point words moved to the other end that make a contradiction
# Words that open a new part of a sentence: an end word speaks of nothing beyond them.
_PART_WORDS = frozenset([
    "but", "whereas", "while", "whilst", "although", "though", "however", "because", "since",
    "so", "which", "unlike", "yet", "if", "unless", "when", "whenever", "where", "therefore",
    "thus", "hence", "otherwise", "instead",
])
_LIMIT_WORDS = frozenset(["no", "not", "than"])
_MEANS_WORDS = frozenset(["by", "through", "via"])
_PART_PUNCT_RE = re.compile(r"[;:()\u2013\u2014]|\s-\s")

Binding = dict[int, dict[str, frozenset[int]]]  # pair -> stem -> the ends (0, 1) it is tied to


@lru_cache(maxsize=1)
def _table() -> tuple[list[list[str]], int, int]:
    """Every pair, orders first, then scales, then roles; and where scales and roles start."""
    table = tx.load_data("contrasts")
    pairs = table["orders"] + table["scales"] + table["roles"]
    return pairs, len(table["orders"]), len(table["orders"]) + len(table["scales"])


@lru_cache(maxsize=1)
def _ends() -> tuple[dict[str, tuple[tuple[int, int], ...]], dict[str, tuple[tuple[int, int], ...]]]:
    """Stem -> the (pair, end) places of orders and scales; written word -> those of roles,
    matched as written because a role's stem is often a verb's ("consumer", "consumed")."""
    pairs, _scales, roles = _table()
    by_stem: dict[str, set[tuple[int, int]]] = {}
    by_word: dict[str, set[tuple[int, int]]] = {}
    for pair, sides in enumerate(pairs):
        for end, side in enumerate(sides):
            for word in side.split("|"):
                if pair < roles:
                    by_stem.setdefault(tx.stem(word), set()).add((pair, end))
                else:
                    by_word.setdefault(word, set()).add((pair, end))
    return ({k: tuple(sorted(v)) for k, v in by_stem.items()},
            {k: tuple(sorted(v)) for k, v in by_word.items()})


def pairs_named(statement: claims.Statement) -> frozenset[int]:
    """The pairs whose words a sentence holds (a cheap first look)."""
    by_stem, by_word = _ends()
    found = {pair for stem in statement.stems for pair, _end in by_stem.get(stem, ())}
    for clause in statement.clauses:
        for word in clause.words:
            found.update(pair for pair, _end in by_word.get(word.split("'")[0], ()))
    return frozenset(found)


def ends_of(stem: str, word: str = "") -> tuple[tuple[int, int], ...]:
    """The (pair, end) places of a word in the contrast table; empty for most words."""
    by_stem, by_word = _ends()
    return by_stem.get(stem, ()) + by_word.get(word.split("'")[0], ())


Item = tuple[int, str, bool, str]  # position, stem, denied, written word


def _parts(text: str, statement: claims.Statement
           ) -> tuple[list[list[Item]], list[int], list[int], list[int]]:
    """The sentence's words in order, cut into parts; the positions of "and", "or" and
    commas, where one end word's phrase may give way to the next one's subject; those of
    "by", "through" and "via", after which a phrase names a means; and those of the joins
    after a comma, where a new clause starts."""
    piece = text[statement.start:statement.end]
    tokens = tx.tokens(piece)
    breaks = set()
    joins = [index for index, token in enumerate(tokens)
             if token.text in ("and", "or")
             or (index and "," in piece[tokens[index - 1].end:token.start])]
    # ", and" joins two clauses; a bare "and" may join two things ("in the water table or in
    # pore pressure").
    clause_joins = [index for index in joins
                    if index and "," in piece[tokens[index - 1].end:tokens[index].start]]
    # "reduced *by* sharing demand data": what follows names the means, not what changes.
    means = [index for index, token in enumerate(tokens) if token.text in _MEANS_WORDS]
    for index, token in enumerate(tokens):
        if token.text in _PART_WORDS or (
                index and _PART_PUNCT_RE.search(piece, tokens[index - 1].end, token.start)):
            breaks.add(index)
    # "no higher than 30 degrees" sets a limit, as "30 degrees or lower" does; "faster than
    # smaller ones" names what is compared with, not a second claim.
    limits = {index for index in range(1, len(tokens)) if tokens[index - 1].text in _LIMIT_WORDS}
    # "talk 20% of the time or less": the end word bounds a figure, it ties nothing to an end.
    limits |= {index for index in range(1, len(tokens)) if tokens[index - 1].text == "or"
               and any(t.text[:1].isdigit() for t in tokens[max(0, index - 1 - FIGURE_TAIL):index])}
    # "four conditions at once" says together, not one time.
    limits |= {index for index in range(1, len(tokens))
               if tokens[index].text == "once" and tokens[index - 1].text == "at"}
    # An abbreviation's expansion ("last in first out" for LIFO) stands at the abbreviation's
    # position after it: the abbreviation alone is the word written there.
    seen: set[int] = set()
    items = []
    for c in statement.clauses:
        for p, s, d, w in zip(c.positions, c.stems, c.denied_words or (False,) * len(c.stems),
                              c.words or ("",) * len(c.stems), strict=True):
            if p not in seen and (p not in limits or not ends_of(s, w)):
                items.append((p, s, d, w))
            seen.add(p)
    items.sort()
    parts: list[list[Item]] = [[]]
    last = -1
    for item in items:
        if any(last < b <= item[0] for b in breaks) and parts[-1]:
            parts.append([])
        parts[-1].append(item)
        last = item[0]
    return [p for p in parts if p], joins, means, clause_joins


@lru_cache(maxsize=8192)
def _bindings_cached(text: str, start: int, end: int, things: frozenset[str],
                     wanted: frozenset[int] | None) -> tuple[tuple[int, str, int, str], ...]:
    statement = claims.read_statement(text, start, end)
    out: set[tuple[int, str, int, str]] = set()
    named = [(p, s) for p, s in statement.ordered() if s in things]
    orders = _table()[1]
    parts, joins, means, clause_joins = _parts(text, statement)
    for part in parts:
        stems = [s for _p, s, _d, _w in part]
        places = [ends_of(s, w) for _p, s, _d, w in part]
        placed = [i for i, found in enumerate(places) if found]
        if not placed:
            continue
        # "includes only the subscription" says what "excludes the fees" says: an end word
        # limited by "only" binds nothing, nor does a negated one.
        usable = {i for i in placed if not part[i][2] and not _limited(part, i)}
        for pair in {pair for i in placed for pair, _end in places[i]
                     if wanted is None or pair in wanted}:
            marks = [(i, end) for i in placed if i in usable
                     for pr, end in places[i] if pr == pair]
            if not marks:
                continue
            own = {i for i in placed if any(pr == pair for pr, _e in places[i])}
            first = min(i for i, _e in marks)
            subject = [i for i in range(first) if i not in own][-REACH:]
            for k, (i, end) in enumerate(marks):
                following = marks[k + 1][0] if k + 1 < len(marks) else len(part)
                following = _phrase_end(part, i, following, means, joins,
                                        last=k + 1 == len(marks))
                after = [j for j in range(i + 1, following) if j not in own][:REACH]
                # The words before the first end word are its subject; a later end word
                # has its own ("deposits are added ..., and checks are subtracted").
                bound = set(after) | (set(subject) if k == 0 else set())
                if after and k:
                    # "..., and outstanding checks are added to the book balance": a later
                    # end word after a join has a subject of its own, from the join on.
                    cut = [q for q in clause_joins if part[marks[k - 1][0]][0] < q < part[i][0]]
                    if cut:
                        bound |= {j for j in range(marks[k - 1][0] + 1, i)
                                  if part[j][0] > cut[-1] and j not in own}
                if not after:
                    previous = marks[k - 1][0] if k else -1
                    if k:
                        cut = [q for q in joins if part[previous][0] < q < part[i][0]]
                        if cut:
                            previous = max([j for j in range(previous + 1, i)
                                            if part[j][0] < cut[-1]], default=previous)
                    bound |= set([j for j in range(previous + 1, i) if j not in own][-REACH:])
                thing = _governing(named, part[i][0])
                out.add((pair, "", end, ""))  # the ends the text names, bound or not
                out.add((pair, f"#{part[i][0]}", end, ""))  # and each word that names one
                for j in bound:
                    if stems[j][:1].isdigit():  # figures are compared as figures
                        continue
                    # "A before B" says "B after A": in an order, what follows the word
                    # stands at the other end.
                    out.add((pair, stems[j], 1 - end if pair < orders and j > i else end, thing))
    return tuple(sorted(out))


_ONLY = tx.stem("only")
_BOUNDS = frozenset(tx.stem(w) for w in ("least", "most"))


def _limited(part: list[Item], index: int) -> bool:
    """Is the word limited by "only" right next to it, or bounded by "at least" / "at most"
    ("at least once" sets a floor, it says nothing of how often)?"""
    position = part[index][0]
    return any(0 <= k < len(part) and abs(part[k][0] - position) == 1
               and (part[k][1] == _ONLY or (k < index and part[k][1] in _BOUNDS))
               for k in (index - 1, index + 1))


def _governing(named: list[tuple[int, str]], position: int) -> str:
    """Which of two contrasted things a word at ``position`` is said of: the last one named
    before it, else the first one after it ("" when the sentence names neither)."""
    before = [s for p, s in named if p < position]
    if before:
        return before[-1]
    return next((s for p, s in named if p > position), "")


def bindings(text: str, start: int = 0, end: int | None = None,
             things: frozenset[str] = frozenset(), wanted: frozenset[int] | None = None
             ) -> Binding:
    """Pair -> stem -> the ends of the pair it is tied to, in ``text[start:end]`` (only the
    ``wanted`` pairs when given). With ``things`` (two things the question contrasts), each
    stem is keyed as "thing:stem" by the one it is said of, so what is said of one is never
    compared with what is said of the other."""
    found: dict[int, dict[str, set[int]]] = {}
    stop = len(text) if end is None else end
    for pair, stem, side, thing in _bindings_cached(text, start, stop, things, wanted):
        found.setdefault(pair, {}).setdefault(f"{thing}:{stem}" if thing else stem,
                                              set()).add(side)
    return {pair: {s: frozenset(e) for s, e in stems.items()} for pair, stems in found.items()}


@dataclass(frozen=True)
class Opposition:
    flipped: frozenset[str]  # words the point ties to one end and the sentence to the other
    agreed: frozenset[str]  # words both tie to the same end of a pair
    pairs: tuple[int, ...]  # the pairs the flipped words turn on
    covaried: bool = False  # in one scale, a word kept at its end and another moved

    @property
    def opposed(self) -> bool:
        """Enough moved words to call the sentence a contradiction of the point. One moved
        word alone ("usually", a word the phrase boundaries misread) is too little."""
        return len(self.flipped) >= OPPOSED_WORDS


def _phrase_end(part: list[Item], i: int, following: int, means: list[int], joins: list[int],
                last: bool) -> int:
    """Where the phrase after the end word at ``i`` stops: at the next end word, at a means
    ("by sharing ..."), and, when another end word follows, at the last "and" or comma
    before it ("PP&E drops and cash rises": "cash" is the subject of "rises")."""
    start = part[i][0]
    stop = part[following][0] if following < len(part) else None
    if start + 1 in joins and i and not ends_of(part[i - 1][1], part[i - 1][3]):
        # "false positives drop and precision goes up": an end word after its subject, with
        # nothing of its own after it, closes its phrase; what follows the "and" is another
        # subject's ("larger and closer targets" share theirs).
        return i + 1
    cuts = [q for q in means if q > start]
    if not last and stop is not None:
        cuts += [q for q in joins if start < q < stop][-1:]
    if not cuts:
        return following
    return next((j for j in range(i + 1, following) if part[j][0] >= min(cuts)), following)


def _is_word(key: str) -> bool:
    return bool(key) and not key.startswith("#")


# Verbs by which one end brings about the other ("a lower ratio *gives* higher strength").
_RELATION_VERBS = frozenset(["give", "gives", "giving", "mean", "means", "lead", "leads",
                             "yield", "yields", "produce", "produces", "cause", "causes",
                             "result", "results", "bring", "brings"])


@lru_cache(maxsize=1024)
def states_relation(text: str) -> bool:
    """Does the text tie one end of a scale to the other end of it by a verb of cause or
    meaning, in one part ("a lower ratio gives higher strength", not "makes reads faster but
    writes slower")?"""
    tokens = [t.text for t in tx.tokens(text)]
    _pairs, _scales, roles = _table()
    ends = [(i, pair) for i, word in enumerate(tokens)
            for pair, _end in ends_of(tx.stem(word.replace("'", "")), word) if pair < roles]
    for v, word in enumerate(tokens):
        if word not in _RELATION_VERBS:
            continue
        for a, pair in ends:
            for b, other in ends:
                if a < v < b and pair == other and not any(
                        t in _PART_WORDS for t in tokens[a:b]):
                    return True
    return False


def compare(point: Binding, sentence: Binding, relation: bool = False) -> Opposition:
    """Where the sentence ties the point's words to the other end of a pair. When the point
    or the sentence names both ends of a pair, only a crossed swap counts (words moved each
    way, "deposits are subtracted and checks added") or a covariation turned round (what one
    end is said of kept, what the other end is said of moved: "raising X lowers Y" against
    "raising X raises Y"); either end alone may be a comparison. A ``relation`` (the point
    says one end brings about the other) told wholly from the other end ("more water raises
    the ratio and cuts strength" against "a lower ratio gives higher strength") agrees."""
    flipped: set[str] = set()
    agreed: set[str] = set()
    pairs: set[int] = set()
    covaried = False
    for pair, ours in point.items():
        theirs = sentence.get(pair)
        if not theirs:
            continue
        both = (len(frozenset().union(*ours.values())) > 1
                or len(frozenset().union(*theirs.values())) > 1)
        moved: dict[int, set[str]] = {0: set(), 1: set()}
        for stem, our_ends in ours.items():
            their_ends = theirs.get(stem)
            if not (_is_word(stem) and their_ends and len(our_ends) == len(their_ends) == 1):
                continue
            if our_ends == their_ends:
                agreed.add(stem)
            else:
                moved[next(iter(our_ends))].add(stem)
        kept = {stem for stem, ends in ours.items()
                if _is_word(stem) and len(ends) == 1 and theirs.get(stem) == ends}
        # A covariation needs a point that relates two things on the scale itself ("a higher
        # service level means a higher Z"), not one phrase of it; two roles named side by
        # side are as often a list as a relation, so only a crossed swap turns them round.
        covaries = (bool(kept) and pair < _table()[2]
                    and sum(1 for stem in ours if stem.startswith("#")) >= 2)
        if both and not (moved[0] and moved[1]) and not covaries:
            continue
        if relation and moved[0] and moved[1] and not kept and pair < _table()[2]:
            continue
        if moved[0] or moved[1]:
            flipped |= moved[0] | moved[1]
            pairs.add(pair)
            covaried = covaried or covaries
    return Opposition(frozenset(flipped), frozenset(agreed), tuple(sorted(pairs)), covaried)


_UNIVERSAL = frozenset(tx.stem(w) for w in ("every", "all", "any"))


def _bare(key: str) -> str:
    """The stem of a binding key ("debit:account" -> "account")."""
    return key.rsplit(":", 1)[-1]


def generalized(point: Binding, sentence: Binding,
                words: frozenset[str]) -> tuple[str, str] | None:
    """The point ties one end of a scale to some things and the other end to others
    ("debits increase asset and expense accounts and decrease liability ... accounts"); the
    sentence ties one end to *every* such thing ("a debit increases every type of account"),
    naming none of the things the point keeps at that end anywhere (``words``: the
    sentence's stems). Returns (the universal word, a word both tie to that end), or None."""
    pairs, _scales, roles = _table()
    for pair, ours in point.items():
        theirs = sentence.get(pair)
        if not theirs or pair >= roles or ours.get("") != frozenset((0, 1)):
            continue
        for end in (0, 1):
            said = {stem for stem, ends in theirs.items() if _is_word(stem) and end in ends}
            universal = {stem for stem in said if _bare(stem) in _UNIVERSAL}
            if not universal:
                continue
            kept = {stem for stem, ends in ours.items() if _is_word(stem) and ends == {end}}
            shared = kept & said
            # The things the point keeps at this end, besides the subject both share.
            own = {_bare(stem) for stem in kept - said}
            if shared and own and not own & words:
                return _bare(sorted(universal)[0]), _bare(sorted(shared)[0])
    return None


@lru_cache(maxsize=1024)
def is_role(pair: int) -> bool:
    """Is the pair two roles ("sender", "receiver") rather than an order or a scale?"""
    return pair >= _table()[2]


def question_things(question: str) -> frozenset[str]:
    """The two things a question sets side by side, as stems: the ones it contrasts
    ("how does a list differ from a tuple"), else two words it joins with "and" or "or"
    ("how do FIFO and LIFO affect ..."); empty when it names no two."""
    pair = claims.contrast_pair(question)
    if pair:
        return pair
    stop = tx.stopwords()
    words = [t.text for t in tx.tokens(question)]
    for i in range(1, len(words) - 1):
        before, after = words[i - 1], words[i + 1]
        if words[i] in ("and", "or") and before not in stop and after not in stop:
            first, second = tx.stem(before.replace("'", "")), tx.stem(after.replace("'", ""))
            if first != second:
                return frozenset([first, second])
    return frozenset()

