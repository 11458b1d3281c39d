"""The packaged question banks: every family file is valid, ids are unique across all files,
and every technical question carries the wrong claims the grader listens for."""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources

import pytest

from mock_interview.domain.interview.bank import load_bank
from mock_interview.domain.interview.bank_schema import validate_family

QUESTIONS = resources.files("mock_interview").joinpath("data/questions")
FAMILY_FILES = sorted((f for f in QUESTIONS.joinpath("families").iterdir() if f.name.endswith(".json")),
                      key=lambda f: f.name)


def _read(entry):
    return json.loads(entry.read_text(encoding="utf-8"))


def test_there_are_family_files():
    assert len(FAMILY_FILES) >= 5


@pytest.mark.parametrize("entry", FAMILY_FILES, ids=lambda f: f.name)
def test_family_file_is_valid(entry):
    assert validate_family(_read(entry), entry.name[:-5]) == []


def test_ids_are_unique_across_every_bank_file():
    ids = [q["id"] for name in ("technical_a.json", "technical_b.json", "behavioral.json")
           for q in _read(QUESTIONS.joinpath(name))]
    templates = _read(QUESTIONS.joinpath("templates.json"))
    ids += [q["id"] for key in ("resume", "gap") for q in templates[key]]
    for entry in FAMILY_FILES:
        data = _read(entry)
        ids += [q["id"] for q in data["technical"] + data["behavioral"]]
    repeated = [i for i, n in Counter(ids).items() if n > 1]
    assert repeated == []


@pytest.mark.parametrize("name", ["technical_a.json", "technical_b.json"])
def test_skill_keyed_questions_have_misconceptions(name):
    for q in _read(QUESTIONS.joinpath(name)):
        wrong = q.get("misconceptions")
        assert isinstance(wrong, list) and 1 <= len(wrong) <= 3, q["id"]
        assert all(isinstance(w, str) and len(w.split()) >= 3 for w in wrong), q["id"]


def test_every_valid_family_is_loaded():
    bank = load_bank()
    assert not bank.skipped
    for entry in FAMILY_FILES:
        family = _read(entry)["family"]
        assert family in bank.families
        loaded = bank.families[family]
        assert all(q.family == family and q.topic and q.misconceptions for q in loaded.technical)
        assert all(q.family == family and q.competency for q in loaded.behavioral)
    ids = [q.id for q in bank.technical + bank.behavioral]
    assert len(ids) == len(set(ids))


def test_a_broken_family_file_is_skipped(monkeypatch):
    from mock_interview.domain.interview import bank as bank_module

    good = ("accounting", QUESTIONS.joinpath("families/accounting.json").read_text(encoding="utf-8"))
    monkeypatch.setattr(bank_module, "_family_sources",
                        lambda: [good, ("hr", '{"family": "hr", "name": '), ("qa", "{}")])
    bank_module.load_bank.cache_clear()
    try:
        bank = bank_module.load_bank()
        assert list(bank.families) == ["accounting"]
        assert len(bank.skipped) == 2
    finally:
        bank_module.load_bank.cache_clear()


def test_transfer_templates_exist_for_every_difficulty():
    bank = load_bank()
    transfer = [t for t in bank.gap_templates if "related" in t.requires]
    assert {t.difficulty for t in transfer} == {"easy", "medium", "hard"}
    assert all("{skill}" in t.text and "{related}" in t.text for t in transfer)
