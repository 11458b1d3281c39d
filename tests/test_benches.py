"""The bench scripts stand alone: no tests package, no pytest, every third-party import declared
in the ``bench`` extra, and each one's ``--help`` works from a folder outside the checkout."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

from mock_interview.testing.environment import child_env

ROOT = Path(__file__).resolve().parents[1]
BENCHES = sorted((ROOT / "bench").glob("*.py"))
TESTING = sorted((ROOT / "src" / "mock_interview" / "testing").glob("*.py"))
# An import statement anywhere in the text, also inside a script a bench hands to a child process.
TEST_IMPORT = re.compile(r"^\s*(?:from|import)\s+(?:tests|pytest|_pytest)\b", re.MULTILINE)


def imported_modules(path: Path) -> set[str]:
    """Top-level names of every module ``path`` imports, at any depth of the file."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_the_bench_folder_is_found():
    assert len(BENCHES) >= 10 and ROOT / "bench" / "crash_safety.py" in BENCHES
    assert {p.name for p in TESTING} >= {"__init__.py", "llm_server.py", "documents.py", "environment.py"}


@pytest.mark.parametrize("path", BENCHES + TESTING, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_benches_and_shared_fixtures_import_neither_tests_nor_pytest(path):
    text = path.read_text(encoding="utf-8")
    assert not imported_modules(path) & {"tests", "pytest", "_pytest"}
    assert not TEST_IMPORT.search(text), TEST_IMPORT.search(text).group(0)


def test_the_scan_sees_imports_in_functions_and_embedded_scripts(tmp_path):
    nested = tmp_path / "nested.py"
    nested.write_text("def f():\n    from tests.llm_server import LLMServer\n")
    embedded = tmp_path / "embedded.py"
    embedded.write_text('SERVER = """\nimport sys\nfrom tests.llm_server import LLMServer\n"""\n')
    assert "tests" in imported_modules(nested)
    assert TEST_IMPORT.search(embedded.read_text()) and "tests" not in imported_modules(embedded)


def test_the_product_never_imports_the_shared_fixtures():
    for path in (ROOT / "src" / "mock_interview").rglob("*.py"):
        if "testing" in path.relative_to(ROOT / "src" / "mock_interview").parts:
            continue
        assert "mock_interview.testing" not in path.read_text(encoding="utf-8"), path


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = project["dependencies"] + project["optional-dependencies"]["bench"]
    return {re.split(r"[\s<>=!~;\[]", r, maxsplit=1)[0].lower().replace("_", "-") for r in requirements}


def test_every_third_party_import_of_the_benches_is_in_the_bench_extra_or_the_dependencies():
    local = {p.stem for p in BENCHES} | {"mock_interview"}
    distributions = metadata.packages_distributions()
    declared = _declared()
    missing = {}
    for path in BENCHES + TESTING:
        for module in imported_modules(path) - set(sys.stdlib_module_names) - local - {"__future__"}:
            names = {d.lower().replace("_", "-") for d in distributions.get(module, [module])}
            if not names & declared:
                missing.setdefault(module, []).append(path.name)
    assert not missing, f"imported by bench scripts but not declared in pyproject.toml: {missing}"


def test_the_declared_check_reads_names_as_pip_does():
    declared = _declared()
    assert {"pyyaml", "python-docx", "pexpect", "pymupdf", "psycopg", "typer"} <= declared


@pytest.mark.slow
def test_every_bench_answers_help_from_outside_the_checkout(tmp_path):
    """Started together and awaited together: each one's --help exits 0 with a usage line. The
    child's path holds the package and nothing of the checkout's tests."""
    env = child_env()
    children = {path.name: subprocess.Popen([sys.executable, str(path), "--help"], cwd=tmp_path, env=env,
                                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for path in BENCHES}
    failures = {}
    for name, child in children.items():
        out, err = child.communicate(timeout=180)
        if child.returncode != 0 or "usage:" not in out:
            failures[name] = (child.returncode, err.strip().splitlines()[-1:] or out[:200])
    assert not failures, failures


CALIBRATION_SUITES = sorted(p for p in (ROOT / "bench").glob("calibration*")
                            if p.is_dir() and not p.name.endswith(("-correct", "-floors")))
ANSWER_KINDS = {"excellent", "thin", "fluent_wrong", "keywords", "non_answer", "paraphrase"}


@pytest.mark.parametrize("suite", CALIBRATION_SUITES, ids=lambda p: p.name)
def test_each_calibration_suite_has_the_shape_the_bench_reads(suite: Path):
    import json

    ids = set()
    for path in sorted(suite.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            item = json.loads(line)
            where = f"{path.name}:{number}"
            assert item["id"] not in ids, f"{where}: id {item['id']} repeated"
            ids.add(item["id"])
            assert item["kind"] in ("technical", "behavioral"), where
            assert item["question"].strip() and item["reference"].strip(), where
            assert 3 <= len(item["key_points"]) <= 6 and all(p.strip() for p in item["key_points"]), where
            assert set(item["answers"]) == ANSWER_KINDS, where
            assert all(a.strip() for a in item["answers"].values()), where
    assert len(ids) >= 60, f"{suite.name}: {len(ids)} questions"


NON_ANSWER_KINDS = {"joke", "anecdote", "question_back", "look_it_up", "someone_else", "platitude",
                    "self_praise", "premise_denial", "stalling", "off_target_story"}


def test_the_floor_suite_has_the_shape_its_bench_reads():
    import json

    questions = {json.loads(line)["id"] for path in (ROOT / "bench" / "calibration").glob("*.jsonl")
                 for line in path.read_text(encoding="utf-8").splitlines()}
    seen = set()
    for path in sorted((ROOT / "bench" / "calibration-floors").glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            entry = json.loads(line)
            where = f"{path.name}:{number}"
            assert entry["id"] in questions and entry["id"] not in seen, where
            seen.add(entry["id"])
            kinds = [a["kind"] for a in entry["non_answers"]]
            assert len(kinds) == 5 == len(set(kinds)) and set(kinds) <= NON_ANSWER_KINDS, where
            assert all(a["text"].strip() for a in entry["non_answers"]), where
            assert len(entry["tricky_correct"]) == 2 and all(
                a.strip() for a in entry["tricky_correct"]), where
    assert seen == questions
