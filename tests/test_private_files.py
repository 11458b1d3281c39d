"""The one atomic private-file write (io/files.py) that config, resumes, backups and the
skills cache use, and the JSON version stamp."""

from __future__ import annotations

import os
import stat

import pytest

from mock_interview.io.files import JSON_VERSION, replacing, versioned, write_private


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_write_private_replaces_the_file_with_mode_0600(tmp_path):
    target = tmp_path / "keys.json"
    target.write_text("old")
    os.chmod(target, 0o644)
    write_private(target, "new ✓")
    assert target.read_text(encoding="utf-8") == "new ✓" and _mode(target) == 0o600
    write_private(target, b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01" and _mode(target) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keys.json"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "state.json"
    target.write_text("kept")
    with pytest.raises(RuntimeError), replacing(target) as temporary:
        temporary.write_text("half")
        raise RuntimeError("crash mid-write")
    assert target.read_text() == "kept"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.json"]


def test_a_missing_directory_is_an_os_error(tmp_path):
    with pytest.raises(OSError):
        write_private(tmp_path / "nowhere" / "file", "x")


def test_versioned_puts_the_version_first():
    assert list(versioned({"a": 1, "b": 2}).items()) == [("json_version", JSON_VERSION), ("a", 1),
                                                         ("b", 2)]


def test_a_stored_resume_is_private(cli, tmp_path):
    from tests import fixtures_docs as fx

    path = fx.make_resume_pdf(tmp_path / "cv.pdf")
    out = cli("upload", str(path), "--force")
    assert out.exit_code == 0, out.stderr
    home = os.environ["MOCK_INTERVIEW_HOME"]
    stored = [os.path.join(root, name) for root, _, names in os.walk(home) for name in names
              if name.endswith(".pdf")]
    assert stored and all(_mode(p) == 0o600 for p in stored)
    assert not [name for _, _, names in os.walk(home) for name in names if name.endswith(".tmp")]
