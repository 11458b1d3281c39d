"""Interview ids are found by any unambiguous prefix, with or without dashes, on both backends."""

from __future__ import annotations

import json

from tests.interview_fixtures import store_resume

JOB = "tallowbrook-senior-python-backend-engineer"


def test_interview_prefixes_of_any_length_with_or_without_dashes(cli, tmp_path, database_url):
    store_resume(database_url)
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps(["I cached the slow lookups and measured latency before and after."]))
    out = cli("--db", database_url, "interview", "--job", JOB, "--questions", "1",
              "--answers", str(answers), "--json")
    assert out.exit_code == 0, out.stderr
    full = out.json()["interview_id"]
    compact = full.replace("-", "")
    for key in (full[:8], full[:13], compact[:12], compact[:20], compact, full, full.upper()[:10]):
        shown = cli("--db", database_url, "results", key, "--json")
        assert shown.exit_code == 0, (key, shown.stderr)
        assert shown.json()["interview_id"] == full
    other = "0" if compact[0] != "0" else "1"
    assert cli("--db", database_url, "results", other + compact[1:12]).exit_code == 3
    assert cli("--db", database_url, "results", "xyz-123").exit_code == 3
