"""The skills taxonomy, the matcher's rules and its on-disk cache.

Rule tests use a small taxonomy written here; alias tests use the packaged one.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mock_interview.domain import skills
from mock_interview.domain.skills import (
    canonical_skill,
    extract_skills,
    load_taxonomy,
    related_skills,
    skill_family,
)

SMALL = {
    "skills": [
        {"name": "Python", "family": "programming-language", "aliases": ["python", "python3"],
         "related": ["Django"], "tier": "core"},
        {"name": "Go", "family": "programming-language", "aliases": ["golang"],
         "ambiguous": ["go"], "context": ["goroutines", "programming", "backend"], "tier": "core"},
        {"name": "Rust", "family": "programming-language", "aliases": ["rust lang"],
         "ambiguous": ["rust"], "context": ["cargo", "programming"], "tier": "core"},
        {"name": "R", "family": "programming-language", "aliases": ["r programming"],
         "ambiguous": ["r"], "context": ["statistics"], "tier": "core"},
        {"name": "C++", "family": "programming-language", "aliases": ["c++", "cpp"],
         "tier": "core"},
        {"name": "C#", "family": "programming-language", "aliases": ["c#", "csharp"],
         "tier": "core"},
        {"name": ".NET", "family": "web-backend", "aliases": [".net", "dotnet"], "tier": "core"},
        {"name": "ASP.NET", "family": "web-backend", "aliases": ["asp.net"], "tier": "core"},
        {"name": "Node.js", "family": "web-backend", "aliases": ["node.js", "nodejs"],
         "ambiguous": ["node"], "context": ["javascript"], "tier": "core"},
        {"name": "CI/CD", "family": "devops", "aliases": ["ci/cd", "cicd"], "tier": "core"},
        {"name": "Django", "family": "web-backend", "aliases": ["django"], "tier": "core"},
        {"name": "Docker", "family": "devops", "aliases": ["docker"], "tier": "core"},
        {"name": "Machine Learning", "family": "machine-learning",
         "aliases": ["machine learning", "ml"], "tier": "core"},
        {"name": "Typography", "family": "design", "aliases": ["typography"], "tier": "core"},
        {"name": "Search", "family": "other", "aliases": ["search"], "tier": "extended"},
        {"name": "Teamwork", "family": "soft-skill", "aliases": ["teamwork"], "tier": "core"},
    ],
    "denylist": ["teamwork"],
}


@pytest.fixture()
def small(tmp_path: Path):
    path = tmp_path / "taxonomy.json"
    path.write_text(json.dumps(SMALL), encoding="utf-8")
    taxonomy = load_taxonomy(path, cache_dir=tmp_path / "cache")
    skills.set_taxonomy(taxonomy)
    yield taxonomy
    skills.set_taxonomy(None)


def names(mentions) -> list[str]:
    return [m.name for m in mentions]


# -- matching rules (small taxonomy) -----------------------------------------------------------


def test_symbols_inside_aliases_match_with_word_boundaries(small) -> None:
    found = names(extract_skills("C++, C#, .NET, ASP.NET, Node.js, CI/CD", section_hint="skills"))
    assert found == ["C++", "C#", ".NET", "ASP.NET", "Node.js", "CI/CD"]
    # No match inside longer words: "cpp" is an alias but "cppcheck" is not it.
    assert extract_skills("cppcheck and pythonic", section_hint="skills") == []


def test_longest_match_wins(small) -> None:
    found = extract_skills("Skills: c++ and machine learning", section_hint="skills")
    assert [(m.name, m.evidence) for m in found] == [
        ("C++", "c++"), ("Machine Learning", "machine learning")]


def test_ambiguous_word_in_prose_is_not_a_skill(small) -> None:
    assert extract_skills("I go to the gym every day and rust my bike.") == []
    assert extract_skills("Let R be the set of results.") == []


def test_ambiguous_word_in_a_skills_list_counts(small) -> None:
    found = extract_skills("Languages: Go, Rust, Python", section_hint="skills")
    assert names(found) == ["Go", "Rust", "Python"]
    assert {m.source for m in found} == {"skills-section"}


def test_ambiguous_word_with_context_or_a_neighbour_counts(small) -> None:
    assert names(extract_skills("Wrote Go services with goroutines for the backend.")) == ["Go"]
    assert "Go" in names(extract_skills("Built APIs in Python and Go."))
    # Inside a longer list item it is English again: "(Less than 1 year)" is not Sass/less.
    assert extract_skills("Stats (Go back to basics)", section_hint="skills") == []


def test_prose_mentions_need_corroboration(small) -> None:
    # A plain lower-case word seen once in prose is not enough...
    assert extract_skills("generates a PDF with professional typography") == []
    # ...twice is, and a skill written as a name counts at once.
    assert names(extract_skills("typography\nmore typography")) == ["Typography"]
    assert names(extract_skills("Deployed services with Docker.")) == ["Docker"]
    # Extended-tier plain words never count in prose, even repeated.
    assert extract_skills("search again and search") == []


def test_extended_word_inside_a_longer_listed_item_is_not_taken(small) -> None:
    listed = extract_skills("Research: neural architecture search", section_hint="skills")
    assert "Search" not in names(listed)
    assert names(extract_skills("Search, Docker", section_hint="skills")) == ["Search", "Docker"]


def test_denylisted_words_never_count(small) -> None:
    assert extract_skills("Teamwork, Python", section_hint="skills")[0].name == "Python"
    assert "Teamwork" not in names(extract_skills("teamwork teamwork Teamwork"))


def test_urls_and_emails_are_not_searched(small) -> None:
    assert extract_skills("https://github.com/jane/python-docker jane@python.org") == []


def test_lookups(small) -> None:
    assert canonical_skill("golang") == "Go"
    assert canonical_skill("GO") == "Go"  # asked directly, an ambiguous form still names it
    assert canonical_skill("no such thing") is None
    assert skill_family("python3") == "programming-language"
    assert related_skills("Python") == {"Django"}
    assert related_skills("django") == {"Python"}  # relations are symmetric


# -- the on-disk cache --------------------------------------------------------------------------


def test_matcher_is_cached_on_disk_and_rebuilt_when_the_taxonomy_changes(tmp_path: Path) -> None:
    path = tmp_path / "taxonomy.json"
    path.write_text(json.dumps(SMALL), encoding="utf-8")
    cache = tmp_path / "cache"
    first = load_taxonomy(path, cache_dir=cache)
    assert first.built
    files = list(cache.glob("skills-matcher-*.marshal"))
    assert len(files) == 1
    assert files[0].stat().st_mode & 0o077 == 0
    second = load_taxonomy(path, cache_dir=cache)
    assert not second.built  # loaded, not rebuilt
    assert second.canonical("cpp") == "C++"

    changed = dict(SMALL, skills=[*SMALL["skills"], {"name": "Elixir", "family": "x",
                                                      "aliases": ["elixir"], "tier": "core"}])
    path.write_text(json.dumps(changed), encoding="utf-8")
    third = load_taxonomy(path, cache_dir=cache)
    assert third.built and third.canonical("elixir") == "Elixir"
    assert len(list(cache.glob("skills-matcher-*.marshal"))) == 1  # the stale one is gone


def test_a_corrupt_cache_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "taxonomy.json"
    path.write_text(json.dumps(SMALL), encoding="utf-8")
    cache = tmp_path / "cache"
    load_taxonomy(path, cache_dir=cache)
    next(cache.glob("skills-matcher-*.marshal")).write_bytes(b"not marshal")
    assert load_taxonomy(path, cache_dir=cache).built


def test_default_cache_lives_in_the_user_cache_dir(home: Path) -> None:
    skills.set_taxonomy(None)
    try:
        skills.get_taxonomy()
        assert list((home / "cache").glob("skills-matcher-*.marshal"))
    finally:
        skills.set_taxonomy(None)


# -- the packaged taxonomy ----------------------------------------------------------------------


needs_packaged = pytest.mark.skipif(skills.taxonomy_path() is None, reason="no packaged taxonomy")


@pytest.fixture(scope="module")
def _packaged(tmp_path_factory: pytest.TempPathFactory) -> skills.Taxonomy:
    return load_taxonomy(cache_dir=tmp_path_factory.mktemp("skills-cache"))


@pytest.fixture()
def packaged(_packaged: skills.Taxonomy):
    skills.set_taxonomy(_packaged)
    yield _packaged
    skills.set_taxonomy(None)


@needs_packaged
@pytest.mark.parametrize(
    ("alias", "name"),
    [("js", "JavaScript"), ("k8s", "Kubernetes"), ("postgres", "PostgreSQL"),
     ("golang", "Go"), ("c#", "C#"), ("node.js", "Node.js"), ("ci/cd", "CI/CD")],
)
def test_packaged_aliases(packaged, alias: str, name: str) -> None:
    assert canonical_skill(alias) == name
    assert name in names(extract_skills(f"Tools: {alias}, Docker", section_hint="skills"))


@needs_packaged
def test_packaged_taxonomy_guards_ambiguous_words(packaged) -> None:
    assert "Go" not in names(extract_skills("I go to the gym every morning."))
    assert {"Go", "Rust", "Python"} <= set(names(extract_skills("Languages: Go, Rust, Python",
                                                                section_hint="skills")))


# -- context: ordinary words, names, shared forms, a resume's own list ------------------------


@needs_packaged
@pytest.mark.parametrize(
    "text",
    ["Barista at Lone Star Coffee Roasters, Austin",
     "Brand manager for Red Bull in Phoenix, AZ",
     "Junior designer at Swift Creek Studio",
     "Store lead, Go Fresh Markets"],
)
def test_words_inside_company_and_place_names_are_not_skills(packaged, text: str) -> None:
    assert extract_skills(text) == []
    assert extract_skills(text, section_hint="skills") == []


@needs_packaged
def test_a_sentence_in_a_skills_section_yields_no_ordinary_words(packaged) -> None:
    found = names(extract_skills("Ran weekly reports in Excel and Tableau", section_hint="skills"))
    assert found == ["Excel", "Tableau"]


@needs_packaged
def test_a_skill_beside_another_or_a_role_word_is_no_name(packaged) -> None:
    assert "Python" in names(extract_skills("Built APIs with Python Flask and PostgreSQL"))
    assert "Go" in names(extract_skills("Wrote Go services with goroutines"))


@needs_packaged
def test_a_shared_form_goes_to_the_skill_its_neighbours_point_to(packaged) -> None:
    cloud = names(extract_skills("Built pipelines on AWS (S3, EMR, Glue) with Spark"))
    assert "Amazon EMR" in cloud and "Electronic Health Records" not in cloud
    clinic = names(extract_skills("Charted in EMR and Epic for 30 patients a shift"))
    assert "Electronic Health Records" in clinic and "Amazon EMR" not in clinic
    listed = names(extract_skills("Clinical: EMR, patient assessment", section_hint="skills"))
    assert "Electronic Health Records" in listed


@needs_packaged
def test_strict_prose_keeps_only_distinctive_names(packaged) -> None:
    text = "Ran Monitoring and UAT for the Cloud team\nMigrated reports to PostgreSQL and C++"
    strict = names(extract_skills_strict(text))
    assert strict == ["PostgreSQL", "C++"]
    # Capitals-only short forms count once they recur.
    assert names(extract_skills_strict("Led UAT cycles\nWrote UAT scripts")) == [
        "User Acceptance Testing"]


def extract_skills_strict(text: str):
    return skills.get_taxonomy().extract(text, strict_prose=True)


@needs_packaged
def test_spoken_languages_are_not_skills_by_themselves(packaged) -> None:
    assert canonical_skill("Tamil") is None
    assert "Multilingual" in names(extract_skills("Bilingual, Python", section_hint="skills"))


@needs_packaged
def test_fields_outside_software_have_their_skills(packaged) -> None:
    for alias, name in [("wound care", "Wound Care"), ("acls", "Advanced Cardiac Life Support"),
                        ("month-end close", "Month-End Close"), ("asc 606", "ASC 606"),
                        ("objection handling", "Objection Handling"), ("meddic", "MEDDIC"),
                        ("a/b testing", "A/B Testing"), ("kaizen", "Kaizen"),
                        ("usability testing", "Usability Testing"),
                        ("succession planning", "Succession Planning"),
                        ("hris", "HRIS"), ("mrp", "MRP")]:
        assert canonical_skill(alias) == name
    assert skill_family("Succession Planning") == "hr"


@needs_packaged
def test_question_bank_skills_are_canonical_names() -> None:
    """Each skill a question bank names either is a canonical name or is one of its aliases
    (never a broader skill it was folded into by mistake)."""
    from importlib import resources

    taxonomy = load_taxonomy(use_cache=False)
    base = resources.files("mock_interview") / "data" / "questions" / "families"
    data = json.loads((Path(str(base)) / "nursing.json").read_text(encoding="utf-8"))
    listed = data["detect"]["skills"] + data.get("core_skills", [])
    for name in listed:
        assert taxonomy.canonical(name) is not None, name
    assert taxonomy.canonical("Wound Care") == "Wound Care"
    assert taxonomy.canonical("Triage") == "Triage"
