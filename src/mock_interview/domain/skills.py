"""The skills taxonomy and the skill extractor (resumes and job postings).

Matching is case-insensitive and longest-first over the aliases, with the skill-extractor
convention for word boundaries: a match may not touch a character of [A-Za-z0-9_] on either
side, while "+", "#", "." and "/" inside an alias must match ("c++", "c#", ".net", "node.js",
"ci/cd"). A plain scan over alias prefixes is used rather than spaCy's PhraseMatcher: spaCy's
tokenizer keeps "asp.net/C++11" as one token and splits "C#" into "C" "#", so it misses spans
this convention finds, and loading spaCy alone costs more than the whole scan.

Ambiguous forms ("go", "r", "swift", "excel") need support: being an item of their own in a
skills list, a context word nearby, or a neighbouring skill; one-letter forms must be capitals.
Lines of a skills section that list things count fully ("skills-section"); anything else is
prose ("text"), where a skill written as a name ("PyTorch", "AWS", "C++") counts if it is core
tier, and a plain lower-case word ("typography") only when seen twice or listed beside another
skill (extended-tier single words never). Denylisted words never count.

A form that is also an ordinary word or part of a name needs evidence as well: a single word
written as English writes words ("Coffee", "Ran") is part of a longer name when a capitalised
word follows or precedes it with only a space between ("Red Bull", "Swift Creek Studio") or a
state code follows ("Phoenix, AZ"); there it counts only as a list item of its own. A form two
skills share ("EMR": health records, or Amazon EMR) goes to the one its neighbours and the
words around it point to. With ``strict_prose`` (the resume lists its skills itself) prose
adds only core names that cannot be ordinary words ("PyTorch", "C++", "PostgreSQL"), and
capitals-only short forms ("UAT", "HR") only when mentioned twice.

The compiled matcher is cached with marshal under the user cache directory, keyed by the
taxonomy file's hash and MATCHER_VERSION, so a normal run does not rebuild it.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import re
import sys
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from mock_interview.io.files import write_private

MATCHER_VERSION = "3"  # bump when compile_taxonomy() output changes
TAXONOMY_FILES = ("taxonomy.json", "curated.json")  # preferred first
SKILLS_SECTION = "skills-section"
TEXT = "text"
OTHER_FAMILY = "other"

_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")
_SPACES_RE = re.compile(r"\s+")
_TOKEN_RE = re.compile(r"[a-z0-9_]+|[^\sa-z0-9_]")
_MAX_ALIAS_TOKENS = 8
# What may separate two skills in a list: "Python, SQL", "C/C++", "Java & Spring", "R (2 years)".
_LIST_GAP_RE = re.compile(
    r"^(?:[\s,;/|&+•·*\-–—:()\[\]]|\band\b|\bor\b|\d+\+?\s*(?:years?|yrs?|months?)|"
    r"less than \d+ years?|\.)*$"
)
_CONTEXT_WINDOW = 60  # characters either side of an ambiguous mention searched for context
# Ambiguous forms sit in the alias table under this prefix, so plain lookups skip them.
_AMBIGUOUS_KEY = "\0"


@dataclass
class SkillMention:
    name: str  # canonical name
    family: str
    source: str  # "skills-section" | "text"
    evidence: str  # the surface form found


@dataclass
class _Found:
    skill: int
    alias: str
    start: int
    end: int
    surface: str
    ambiguous: bool


class Taxonomy:
    """A compiled taxonomy: alias lookup plus the data job matching needs."""

    def __init__(self, compiled: dict[str, Any]) -> None:
        # Stored ready to use (marshal keeps sets and dicts), so a cached load does no work.
        self.names: list[str] = compiled["names"]
        self.families: list[str] = compiled["families"]
        self.tiers: list[str] = compiled["tiers"]
        self.related: list[list[str]] = compiled["related"]
        self.context: list[frozenset[str]] = compiled["context"]
        self.aliases: dict[str, int] = compiled["aliases"]
        self.ambiguous: frozenset[str] = compiled["ambiguous"]
        self.prefixes: frozenset[str] = compiled["prefixes"]
        self.denylist: frozenset[str] = compiled["denylist"]
        self.by_name: dict[str, int] = compiled["by_name"]
        self.senses: dict[str, tuple[int, ...]] = compiled.get("senses", {})
        self.source = compiled.get("source", "")
        self.built = bool(compiled.get("_built"))

    # -- lookups ---------------------------------------------------------------------------

    def lookup(self, name: str) -> int | None:
        """The skill index for a canonical name or alias (ambiguous forms included)."""
        key = _normalise(name)
        if key in self.by_name:
            return self.by_name[key]
        # Asked directly, an ambiguous form still names its skill ("go" → Go).
        return self.aliases.get(key, self.aliases.get(_AMBIGUOUS_KEY + key))

    def canonical(self, name: str) -> str | None:
        index = self.lookup(name)
        return self.names[index] if index is not None else None

    def related_map(self) -> dict[str, set[str]]:
        """Canonical name → related canonical names, made symmetric; built on first use."""
        cached = getattr(self, "_related", None)
        if cached is None:
            cached = {}
            for index, names in enumerate(self.related):
                me = self.names[index]
                for raw in names:
                    other = self.canonical(raw) or raw
                    if other != me:
                        cached.setdefault(me, set()).add(other)
                        cached.setdefault(other, set()).add(me)
            self._related = cached
        return cached

    # -- matching --------------------------------------------------------------------------

    def scan(self, text: str) -> list[_Found]:
        """Longest alias matches in one line of text, before any support rules."""
        text = _SPACES_RE.sub(" ", text)
        lowered = text.lower()
        if len(lowered) != len(text):  # "İ" lowers to two characters: keep offsets aligned
            lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        tokens = [(m.start(), m.end()) for m in _TOKEN_RE.finditer(lowered)]
        found: list[_Found] = []
        i, n = 0, len(tokens)
        aliases, prefixes = self.aliases, self.prefixes
        while i < n:
            start = tokens[i][0]
            if start > 0 and lowered[start - 1] in _WORD_CHARS:
                i += 1
                continue
            best: tuple[int, str, int] | None = None
            key = ""
            for j in range(i, min(n, i + _MAX_ALIAS_TOKENS)):
                key = lowered[start : tokens[j][1]]
                if key not in prefixes:
                    break
                end = tokens[j][1]
                if end < len(lowered) and lowered[end] in _WORD_CHARS:
                    continue
                if key in aliases:
                    best = (j, key, aliases[key])
                elif key in self.ambiguous:
                    best = (j, key, aliases[_AMBIGUOUS_KEY + key])
            if best is None:
                i += 1
                continue
            j, key, index = best
            end = tokens[j][1]
            found.append(_Found(index, key, start, end, text[start:end], key in self.ambiguous))
            i = j + 1
        return found

    def extract(
        self, text: str, *, section_hint: str | None = None, strict_prose: bool = False
    ) -> list[SkillMention]:
        """Skill mentions in text, one per skill, in order of first appearance.

        ``section_hint="skills"`` means the text is a skills section or list: listed skills
        count fully. Any other text is prose, where a mention needs corroboration; with
        ``strict_prose`` only distinctive core names count there.
        """
        in_skills = section_hint == "skills"
        accepted: list[tuple[_Found, str]] = []
        counts: Counter[int] = Counter()
        lines = [_SPACES_RE.sub(" ", ln) for ln in _blank_noise(text).split("\n") if ln.strip()]
        per_line = [(line, self.scan(line)) for line in lines]
        if self.senses:
            self._resolve_senses(per_line)
        for _, found in per_line:
            counts.update(f.skill for f in found)
        # A sentence inside a skills section is prose: it gets the prose rules, the strict
        # ones when the section lists skills too.
        listy_lines = [in_skills and _list_like(line, len(found)) for line, found in per_line]
        if sum(len(found) for (_, found), listy in zip(per_line, listy_lines, strict=True) if listy) >= 3:
            strict_prose = True
        for (line, found), listy in zip(per_line, listy_lines, strict=True):
            if in_skills and line.rstrip().endswith(":"):
                continue  # "Operating Systems:" above its list labels a group
            core = [o for o in found if self.tiers[o.skill] == "core"]
            skills = {o.start for o in core} | {o.end for o in core}
            label = _LABEL_RE.match(line) if listy else None
            for k, f in enumerate(found):
                if f.alias in self.denylist:
                    continue
                if label and f.end <= label.end():
                    continue  # "Operating Systems: Windows, Linux": the label is no skill
                whole = _whole_item(line, f.start, f.end)
                neighbour = _has_neighbour(line, found, k, self.ambiguous)
                wordlike = _wordlike(f.surface)
                if wordlike and not (listy and whole) and _in_name(line, f.start, f.end, skills):
                    continue  # "Lone Star Coffee Roasters", "Phoenix, AZ": part of a name
                if strict_prose and not listy and (
                    f.ambiguous or self.tiers[f.skill] != "core" or not _distinctive(f.surface)
                    or (counts[f.skill] < 2 and _acronym(f.surface))
                ):
                    continue
                if f.ambiguous:
                    if not self._supported(line, f, listy and whole, neighbour):
                        continue
                elif listy:
                    # "Neural architecture search": a generic extended-tier word inside a
                    # longer item is not the skill the person listed.
                    if not whole and self.tiers[f.skill] != "core" and (
                        _plain(f.surface) or wordlike
                    ):
                        continue
                elif not self._corroborated(f, counts[f.skill], neighbour):
                    continue
                accepted.append((f, SKILLS_SECTION if listy else TEXT))
        out: dict[int, SkillMention] = {}
        for f, source in accepted:
            if f.skill not in out or (source == SKILLS_SECTION and out[f.skill].source == TEXT):
                out[f.skill] = SkillMention(
                    name=self.names[f.skill],
                    family=self.families[f.skill],
                    source=source,
                    evidence=f.surface,
                )
        return sorted(out.values(), key=lambda m: m.source != SKILLS_SECTION)

    def _resolve_senses(self, per_line: list[tuple[str, list[_Found]]]) -> None:
        """Give a shared form ("EMR") to the skill its surroundings point to: context words
        and skills of the same family (or related ones) on its line, then skills of that
        family anywhere in the text. The first-listed skill keeps it when nothing points."""
        everywhere: Counter[str] = Counter()
        for _, found in per_line:
            everywhere.update(self.families[f.skill] for f in found if f.alias not in self.senses)
        for line, found in per_line:
            if not any(f.alias in self.senses for f in found):
                continue
            words = set(re.findall(r"[a-z0-9+#.]+", line.lower()))
            for f in found:
                options = self.senses.get(f.alias)
                if not options:
                    continue
                others = [o for o in found if o is not f]
                best, best_score = options[0], (0, 0)
                for option in options:
                    related = {r.lower() for r in self.related[option]}
                    near = sum(
                        self.families[o.skill] == self.families[option]
                        or self.names[o.skill].lower() in related
                        for o in others
                    )
                    score = (len((words - {f.alias}) & self.context[option]) + near,
                             everywhere[self.families[option]])
                    if score > best_score:
                        best, best_score = option, score
                f.skill = best

    def _corroborated(self, f: _Found, count: int, neighbour: bool) -> bool:
        """Prose rules: a plain lower-case word ("typography", "order") is too often just
        English. Extended-tier single words written as words ("order", "Coffee") never
        count in prose; other plain forms need a second mention or a neighbouring skill; a
        core skill written as a name ("PyTorch", "AWS", "C++") counts at once, an extended
        one needs support too."""
        plain = _plain(f.surface)
        core = self.tiers[f.skill] == "core"
        if (plain or _wordlike(f.surface)) and not core and " " not in f.surface:
            return False
        if core and not plain:
            return True
        return count >= 2 or neighbour

    def _supported(self, line: str, f: _Found, listed: bool, neighbour: bool) -> bool:
        surface = f.surface
        if len(f.alias) == 1 and not surface.isupper():
            return False  # "r" or "c" in prose is a letter, not a language
        if listed or neighbour:
            return True
        if _plain(surface):
            return False  # "go to the gym": prose words are lower case, names are not
        window = line[max(0, f.start - _CONTEXT_WINDOW) : f.end + _CONTEXT_WINDOW].lower()
        words = set(re.findall(r"[a-z0-9+#.]+", window)) - {f.alias}
        return bool(words & self.context[f.skill])


_NOISE_RE = re.compile(
    r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b[\w.-]+\.(?:com|org|net|io|in)/\S*"
    r"|\(\s*(?:less than\s+)?\d+(?:\.\d+)?\+?\s*(?:years?|yrs?|months?)\s*\)",
    re.I,
)
_LABEL_RE = re.compile(r"^\W*[A-Za-z][\w &/().+-]{0,40}?:(?=\s*\S)")
_ITEM_EDGE_RE = re.compile(r"[,;|•·/:()\[\]]|\s[-–—&]\s|\band\b|\bor\b")


def _blank_noise(line: str) -> str:
    """Blank out URLs, e-mail addresses and "(2 years)" notes, keeping offsets."""
    return _NOISE_RE.sub(lambda m: " " * len(m.group(0)), line)


def _plain(surface: str) -> bool:
    """Lower-case letters only (spaces allowed): how English words, not names, are written."""
    return surface.replace(" ", "").isalpha() and surface.islower()


def _wordlike(surface: str) -> bool:
    """One word written as English writes words ("coffee", "Coffee"), not as a name is
    ("PyTorch", "AWS", "C++")."""
    return surface.isalpha() and (surface.islower() or surface[1:].islower())


def _acronym(surface: str) -> bool:
    """Capitals only ("UAT", "RCA", "HR"): a short form that names a domain as often as a tool."""
    return surface.replace(" ", "").isalpha() and surface.isupper()


def _distinctive(surface: str) -> bool:
    """A name that cannot be an ordinary word: a digit or symbol ("C++", "Node.js", "S3")
    or a capital inside a word ("PyTorch", "AWS", "Power BI"; not "Unit Testing")."""
    return any(not w.isalpha() or any(c.isupper() for c in w[1:]) for w in surface.split())


_CAPITAL_WORD_RE = re.compile(r"[A-Z][A-Za-z&'-]*")
# Capitalised words that do not make a name of the mention before or after them: function
# words, and role words ("Python Developer" is a title that names a skill).
_NOT_NAME_WORDS = frozenset(
    """a an and or the of in on at for to with by from as via i we my our using
    developer developers engineer engineers analyst analysts programmer programmers
    administrator architect consultant specialist expert lead manager tester designer
    developer trainer certified certification skills experience""".split()
)
_STATE_CODE_RE = re.compile(r",\s?[A-Z]{2}(?![A-Za-z0-9+#])")


def _in_name(line: str, start: int, end: int, skill_edges: set[int]) -> bool:
    """Is a word-like mention part of a longer proper name: a capitalised word right before
    or after it with one space between ("Red Bull", "Swift Creek Studio", "Go Fresh
    Markets"), or a state code after it ("Phoenix, AZ")? A core skill beside it ("Python
    Flask") or a capital that only starts a sentence ("Wrote Go services") makes no name.
    ``skill_edges`` holds the start and end offsets of core skills on the line."""
    if _STATE_CODE_RE.match(line, end):
        return True
    if line[end : end + 1] == " " and end + 1 not in skill_edges:
        after = _CAPITAL_WORD_RE.match(line, end + 1)
        if after and after.group(0).lower() not in _NOT_NAME_WORDS:
            return True
    if start >= 2 and line[start - 1] == " " and start - 1 not in skill_edges:
        head, _, word = line[: start - 1].rpartition(" ")
        starts_sentence = not head.strip(" -–—*•·") or head.rstrip().endswith((".", ":", ";"))
        if (_CAPITAL_WORD_RE.fullmatch(word) and word.lower() not in _NOT_NAME_WORDS
                and not starts_sentence):
            return True
    return False


def _whole_item(line: str, start: int, end: int) -> bool:
    """Is the mention a list item of its own (nothing but separators or a version around)?"""
    # Look only 60 characters either way: a list item is never longer, and long lines stay cheap.
    left = _ITEM_EDGE_RE.split(" " + line[max(0, start - 60) : start])[-1]
    right = _ITEM_EDGE_RE.split(line[end : end + 60] + " ")[0]
    if (start > 60 and left == " " + line[start - 60 : start]) or (
        len(line) - end > 60 and right == line[end : end + 60] + " "
    ):
        return False
    return not left.strip(" -–*•.") and not re.sub(r"[\d.x+]+", "", right).strip(" -–*.")


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


def _list_like(line: str, mentions: int) -> bool:
    """A line of a skills section that lists things rather than telling a story: a labelled
    list, several short separated items, or one short item."""
    stripped = line.strip()
    words = len(stripped.split())
    if words <= 4 or re.match(r"^\W*[^:]{1,40}:\s*\S", stripped):
        return True
    pieces = [p for p in re.split(r"[,;|•·]|\s/\s", stripped) if p.strip()]
    if len(pieces) >= 2:
        return words / len(pieces) <= 4  # items, not clauses
    return mentions >= 2 and words <= 8


def _has_neighbour(line: str, found: list[_Found], k: int, ambiguous: frozenset[str]) -> bool:
    """Is mention k next to another (unambiguous) mention with only list separators between?
    A bare space is no separator: "Red Bull" is one name, not a list of two."""
    me = found[k]
    for other_index in (k - 1, k + 1):
        if not 0 <= other_index < len(found):
            continue
        other = found[other_index]
        if other.skill == me.skill or other.alias in ambiguous:
            continue
        gap = line[other.end : me.start] if other_index < k else line[me.end : other.start]
        if len(gap) <= 24 and gap.strip() and _LIST_GAP_RE.match(gap.lower()):
            return True
    return False


# -- building and caching -------------------------------------------------------------------


def _alias_prefixes(alias: str) -> list[str]:
    return [alias[: m.end()] for m in _TOKEN_RE.finditer(alias)]


def compile_taxonomy(data: dict[str, Any], source: str = "") -> dict[str, Any]:
    """The matcher's plain-data form (marshal-able) from the taxonomy JSON."""
    deny = {_normalise(w) for w in data.get("denylist", [])}
    names, families, tiers, related, context = [], [], [], [], []
    aliases: dict[str, int] = {}
    ambiguous: set[str] = set()
    prefixes: set[str] = set()
    shared: list[tuple[str, int]] = []
    for index, skill in enumerate(data["skills"]):
        shared += [(_normalise(form), index) for form in skill.get("senses") or []]
        names.append(skill["name"])
        families.append(skill.get("family") or OTHER_FAMILY)
        tiers.append(skill.get("tier") or "core")
        related.append(list(skill.get("related") or []))
        context.append([_normalise(c) for c in skill.get("context") or []])
        amb = {_normalise(a) for a in skill.get("ambiguous") or []}
        forms = {_normalise(a) for a in skill.get("aliases") or []}
        forms.add(_normalise(skill["name"]))
        for form in list(forms):
            if "-" in form:
                forms.add(form.replace("-", " "))
        for form in forms - amb:
            if not form or form in deny:
                continue
            # The first skill to claim an alias keeps it (the file lists core skills first).
            aliases.setdefault(form, index)
            prefixes.update(_alias_prefixes(form))
        for form in amb:
            if form in deny or form in aliases:
                continue
            ambiguous.add(form)
            aliases.setdefault(_AMBIGUOUS_KEY + form, index)
            prefixes.update(_alias_prefixes(form))
    senses: dict[str, tuple[int, ...]] = {}
    for form, index in shared:
        owner = aliases.get(form, aliases.get(_AMBIGUOUS_KEY + form))
        if owner is not None and owner != index:
            known = senses.get(form, (owner,))
            senses[form] = known if index in known else (*known, index)
    return {
        "version": MATCHER_VERSION,
        "source": source,
        "senses": senses,
        "names": names,
        "families": families,
        "tiers": tiers,
        "related": related,
        "context": [frozenset(c) for c in context],
        "aliases": aliases,
        "ambiguous": frozenset(ambiguous),
        "prefixes": frozenset(prefixes),
        "denylist": frozenset(deny),
        "by_name": {n.lower(): i for i, n in reversed(list(enumerate(names)))},
    }


def taxonomy_path() -> Path | None:
    """The packaged taxonomy file: taxonomy.json, else curated.json, else None."""
    base = resources.files("mock_interview") / "data" / "skills"
    for name in TAXONOMY_FILES:
        candidate = base / name
        if candidate.is_file():
            return Path(str(candidate))
    return None


def default_cache_dir() -> Path | None:
    """The user cache directory (MOCK_INTERVIEW_HOME/cache or platformdirs), if resolvable."""
    try:
        from mock_interview.config import Paths

        return Paths.from_environment().cache_dir
    except Exception:  # noqa: BLE001 - a cache is an optimisation; never fail for it
        return None


def cache_file(cache_dir: Path, digest: str) -> Path:
    tag = f"{sys.implementation.cache_tag}"
    return cache_dir / f"skills-matcher-{digest[:16]}-v{MATCHER_VERSION}-{tag}.marshal"


def load_taxonomy(
    path: Path | None = None, *, cache_dir: Path | None = None, use_cache: bool = True
) -> Taxonomy:
    """Load the compiled taxonomy from the disk cache, or build it (and cache it)."""
    path = path or taxonomy_path()
    if path is None:
        return Taxonomy(compile_taxonomy({"skills": [], "denylist": []}))
    raw = Path(path).read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    target = None
    if use_cache:
        cache_dir = cache_dir if cache_dir is not None else default_cache_dir()
        if cache_dir is not None:
            target = cache_file(Path(cache_dir), digest)
            try:
                compiled = marshal.loads(target.read_bytes())
                if compiled.get("version") == MATCHER_VERSION:
                    return Taxonomy(compiled)
            except (OSError, ValueError, EOFError, TypeError, AttributeError, KeyError):
                pass  # missing, unreadable or from other code: rebuild it
    compiled = compile_taxonomy(json.loads(raw), source=Path(path).name)
    if target is not None:
        _write_cache(target, compiled)
    compiled["_built"] = True
    return Taxonomy(compiled)


def _write_cache(target: Path, compiled: dict[str, Any]) -> None:
    """Write atomically and privately; remove older matcher caches. Failures are ignored."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_private(target, marshal.dumps(compiled))
        for old in target.parent.glob("skills-matcher-*.marshal"):
            if old != target:
                old.unlink(missing_ok=True)
    except OSError:
        pass


_DEFAULT: Taxonomy | None = None


def get_taxonomy(*, cache_dir: Path | None = None) -> Taxonomy:
    """The process-wide taxonomy, loaded once."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = load_taxonomy(cache_dir=cache_dir)
    return _DEFAULT


def set_taxonomy(taxonomy: Taxonomy | None) -> None:
    """Replace the process-wide taxonomy (tests, or a custom file); None reloads lazily."""
    global _DEFAULT
    _DEFAULT = taxonomy
    related_skills.cache_clear()


# -- the public helpers -----------------------------------------------------------------------


def extract_skills(text: str, *, section_hint: str | None = None) -> list[SkillMention]:
    """Skills mentioned in text. ``section_hint="skills"`` for a skills section or list."""
    return get_taxonomy().extract(text, section_hint=section_hint)


def canonical_skill(name: str) -> str | None:
    """The canonical name for an alias or name ("k8s" → "Kubernetes"), or None."""
    return get_taxonomy().canonical(name)


def skill_family(name: str) -> str | None:
    taxonomy = get_taxonomy()
    index = taxonomy.lookup(name)
    if index is None:
        canonical = taxonomy.canonical(name)
        index = taxonomy.by_name.get(canonical.lower()) if canonical else None
    return taxonomy.families[index] if index is not None else None


@lru_cache(maxsize=8192)
def related_skills(name: str) -> frozenset[str]:
    """Skills the taxonomy relates to this one, in both directions (canonical names). Cached:
    ranking 300 postings by fit asks this ~1,300 times, for a few dozen distinct skills."""
    taxonomy = get_taxonomy()
    canonical = taxonomy.canonical(name)
    return frozenset(taxonomy.related_map().get(canonical, ())) if canonical else frozenset()
