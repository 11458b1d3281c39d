"""The packaged vocabulary tables (data/resume, data/interview, data/matching) keep the shape the
code reads them with: the expected keys, no empty or duplicated entries, lower case where the
code compares lower-cased text, and cross-references that point at something that exists."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest

from mock_interview.domain.interview.bank import load_bank

# File -> {key: kind}. Kinds: "words" a list of lower-case strings, "tokens" the same with no
# spaces (the code looks single words up in them), "dict" lower-case key -> lower-case string,
# "dict_lists" lower-case key -> non-empty list of lower-case strings, "pairs" a list of
# [one side, other side], each side lower-case words joined by "|" and no word on both sides,
# "int" a version number.
SCHEMAS: dict[str, dict[str, str]] = {
    "resume/sections": {"phrases": "dict", "keywords": "dict", "modifiers": "tokens"},
    "resume/vocab": {
        "title_words": "tokens", "title_phrases": "words", "company_words": "tokens",
        "institution_words": "tokens", "not_name_words": "tokens", "entry_labels": "tokens",
        "state_codes": "codes", "regions": "words",
    },
    "interview/fields": {
        "software_titles": "words", "software_skills": "names", "software_words": "words",
        "software_taxonomy": "tokens", "taxonomy_families": "dict",
        "bank_skill_families": "dict_lists", "extra_titles": "dict_lists", "soft_skills": "words",
        "other_fields": "dict_lists",
    },
    "interview/competencies": {"synonyms": "dict"},
    "matching/titles": {"filler_words": "tokens", "synonyms": "dict_lists", "same_role": "dict"},
    "grading/contrasts": {"version": "int", "scales": "pairs", "orders": "pairs", "roles": "pairs"},
}


def _read(name: str) -> dict:
    path = resources.files("mock_interview").joinpath(f"data/{name}.json")
    return json.loads(path.read_text(encoding="utf-8"))


def _word_problems(where: str, values, *, tokens: bool = False, lower: bool = True) -> list[str]:
    if not isinstance(values, list) or not values:
        return [f"{where}: not a non-empty list"]
    out = []
    for value in values:
        if not isinstance(value, str) or not value.strip() or value != value.strip():
            out.append(f"{where}: {value!r} is not a trimmed, non-empty string")
        elif "  " in value or (tokens and " " in value):
            out.append(f"{where}: {value!r} has {'a space' if tokens else 'a double space'}")
        elif lower and value != value.lower():
            out.append(f"{where}: {value!r} is not lower case")
    folded = [v.lower() for v in values if isinstance(v, str)]
    out += [f"{where}: {v!r} twice" for v in sorted({v for v in folded if folded.count(v) > 1})]
    return out


def _pair_problems(where: str, pairs) -> list[str]:
    if not isinstance(pairs, list) or not pairs:
        return [f"{where}: not a non-empty list"]
    out = []
    for pair in pairs:
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(s, str) for s in pair)):
            out.append(f"{where}: {pair!r} is not [one side, other side]")
            continue
        sides = [side.split("|") for side in pair]
        for words in sides:
            out += [f"{where}: {w!r} in {pair[0]!r} is not a lower-case word" for w in words
                    if not re.fullmatch(r"[a-z]+", w)]
            out += [f"{where}: {w!r} twice in one side" for w in sorted(set(words))
                    if words.count(w) > 1]
        out += [f"{where}: {w!r} on both sides" for w in sorted(set(sides[0]) & set(sides[1]))]
    return out


def table_problems(table: dict, schema: dict[str, str]) -> list[str]:
    """Every way ``table`` differs from ``schema``; empty when it is well formed."""
    out = []
    keys = set(table) - {"comment"}
    if keys != set(schema):
        out.append(f"keys {sorted(keys)} != {sorted(schema)}")
    if not isinstance(table.get("comment"), str) or not table["comment"].strip():
        out.append("no comment saying what the file holds")
    for key, kind in schema.items():
        value = table.get(key)
        if kind in ("words", "tokens"):
            out += _word_problems(key, value, tokens=kind == "tokens")
        elif kind == "names":
            out += _word_problems(key, value, lower=False)
        elif kind == "codes":
            out += _word_problems(key, value, tokens=True, lower=False)
            out += [f"{key}: {v!r} is not an upper-case code" for v in value or []
                    if not re.fullmatch(r"[A-Z]{2,3}", str(v))]
        elif kind == "int":
            if not isinstance(value, int) or isinstance(value, bool):
                out.append(f"{key}: not a number")
        elif kind == "pairs":
            out += _pair_problems(key, value)
        elif kind in ("dict", "dict_lists"):
            if not isinstance(value, dict) or not value:
                out.append(f"{key}: not a non-empty object")
                continue
            out += _word_problems(f"{key} keys", list(value))
            for name, entry in value.items():
                if kind == "dict":
                    out += _word_problems(f"{key}[{name!r}]", [entry])
                else:
                    out += _word_problems(f"{key}[{name!r}]", entry)
    return out


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_table_has_its_shape(name):
    assert table_problems(_read(name), SCHEMAS[name]) == []


def test_a_broken_table_is_reported():
    broken = _read("resume/vocab")
    broken["title_words"] = [*broken["title_words"], "Engineer"]  # upper case and a duplicate
    broken["regions"] = []
    del broken["entry_labels"]
    problems = table_problems(broken, SCHEMAS["resume/vocab"])
    assert "title_words: 'Engineer' is not lower case" in problems
    assert "title_words: 'engineer' twice" in problems
    assert "regions: not a non-empty list" in problems
    assert any(p.startswith("keys ") for p in problems)
    dicts = {"comment": "c", "synonyms": {"Failed": "failure", "x": ""}}
    assert table_problems(dicts, {"synonyms": "dict"}) == [
        "synonyms keys: 'Failed' is not lower case",
        "synonyms['x']: '' is not a trimmed, non-empty string",
    ]


def test_a_broken_pair_table_is_reported():
    broken = {"comment": "c", "version": 1,
              "scales": [["more|More", "less|more"], ["alone"]], "orders": [], "roles": []}
    problems = table_problems(broken, SCHEMAS["grading/contrasts"])
    assert "scales: 'More' in 'more|More' is not a lower-case word" in problems
    assert "scales: 'more' on both sides" in problems
    assert "scales: ['alone'] is not [one side, other side]" in problems
    assert "orders: not a non-empty list" in problems


def test_section_vocabulary_is_consistent():
    """Phrases are stored the way heading_name normalises a heading; keywords are single words;
    sections are named by one plain word."""
    table = _read("resume/sections")
    for phrase in table["phrases"]:
        assert re.fullmatch(r"[a-z\-]+( [a-z\-/]+)*", phrase), phrase
        assert "&" not in phrase, phrase
    for keyword in table["keywords"]:
        assert re.fullmatch(r"[a-z][a-z\-]*", keyword), keyword
    for section in (*table["phrases"].values(), *table["keywords"].values()):
        assert re.fullmatch(r"[a-z]+", section), section


def test_section_code_words_are_keywords():
    """heading_name looks the weak words and the open heads up in the keywords."""
    from mock_interview.domain.resume import sections

    keywords = _read("resume/sections")["keywords"]
    assert set(keywords) >= sections._WEAK
    assert set(keywords) >= sections._OPEN_HEADS


def test_field_tables_name_real_fields_and_skills():
    bank = load_bank()
    table = _read("interview/fields")
    fields = set(bank.families) | {"software"}
    taxonomy = set(bank.skill_table.families.values())
    bank_skills = {s.lower() for s in bank.skills()}
    assert set(table["taxonomy_families"]) <= taxonomy
    assert set(table["taxonomy_families"].values()) <= fields
    assert set(table["software_taxonomy"]) <= taxonomy
    assert set(table["bank_skill_families"]) <= bank_skills
    assert {f for fs in table["bank_skill_families"].values() for f in fs} <= fields
    assert set(table["extra_titles"]) <= fields
    assert {s.lower() for s in table["software_skills"]} <= bank_skills
    assert not set(table["other_fields"]) & fields  # fields without a bank


def test_competency_synonyms_are_words():
    for word, meaning in _read("interview/competencies")["synonyms"].items():
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", word), word
        assert re.fullmatch(r"[a-z]+", meaning), meaning


def test_title_synonyms_are_title_tokens():
    """title_tokens splits titles on [a-z0-9+#]+, so other keys would never be looked up."""
    table = _read("matching/titles")
    for word in (*table["synonyms"], *table["same_role"]):
        assert re.fullmatch(r"[a-z0-9+#]+", word), word


def test_modules_read_the_tables_with_the_types_they_use():
    from mock_interview.domain import matching
    from mock_interview.domain.interview import families, planner
    from mock_interview.domain.resume import sections, vocab

    assert isinstance(sections._MODIFIERS, frozenset) and isinstance(sections._PHRASES, dict)
    assert all(isinstance(getattr(vocab, n), frozenset) for n in (
        "TITLE_WORDS", "COMPANY_WORDS", "INSTITUTION_WORDS", "NOT_NAME_WORDS", "ENTRY_LABELS",
        "STATE_CODES", "REGIONS"))
    assert isinstance(vocab.TITLE_PHRASES, tuple)
    assert all(isinstance(v, tuple) for v in families.BANK_SKILL_FAMILIES.values())
    assert all(isinstance(v, tuple) for v in families.EXTRA_TITLES.values())
    assert all(isinstance(v, tuple) for v in families.OTHER_FIELDS.values())
    assert isinstance(families.SOFT_SKILLS, frozenset) and isinstance(families.SOFTWARE_TITLES, tuple)
    assert planner._COMPETENCY_SYNONYMS["mistake"] == "failure"
    assert isinstance(matching.ROLE_FILLER_WORDS, set)
    assert matching.title_tokens("Senior SRE") == frozenset({"site", "reliability", "engineer"})


def test_grading_synonym_groups_have_the_shape_the_grader_reads() -> None:
    """Each group: two or more trimmed lower-case members, none twice; a several-word member
    has two to four content words (a phrase with one is read as nothing at all)."""
    from mock_interview.domain.grading import text as tx

    table = _read("grading/synonyms")
    assert isinstance(table["version"], int)
    problems = []
    for n, group in enumerate(table["groups"]):
        where = f"groups[{n}] {group[:1]}"
        problems += _word_problems(where, group)
        if isinstance(group, list) and len(group) < 2:
            problems.append(f"{where}: one member is no group")
        for member in group if isinstance(group, list) else ():
            if isinstance(member, str) and " " in member \
                    and not 2 <= len(tx.content_words(member)) <= tx.PHRASE_MAX_STEMS:
                problems.append(f"{where}: {member!r} is not 2-4 content words")
    for short, long in table["expansions"].items():
        if short != short.strip().lower() or " " in short or long != long.strip().lower():
            problems.append(f"expansions: {short!r} -> {long!r}")
    assert problems == []
