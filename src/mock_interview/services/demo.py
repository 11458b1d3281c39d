"""The demo: a whole interview on a sample resume and job, in a database of its own.

It never touches the person's profile or data: everything lives under DATA_DIR/demo, which
`demo --reset` (or deleting the folder) removes.
"""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path
from typing import Any

from mock_interview.config import Paths, Settings, ensure_private_dir
from mock_interview.services.context import AppContext

DEMO_NAME = "Jordan Ellery"
DEMO_EMAIL = "jordan.ellery@example.com"
DEMO_QUESTIONS = 5


def demo_dir(ctx: AppContext) -> Path:
    return ctx.paths.data_dir / "demo"


def demo_context(ctx: AppContext) -> AppContext:
    """A context whose data, state and database are the demo's own (the cache is shared)."""
    root = ensure_private_dir(demo_dir(ctx))
    paths = Paths(data_dir=root, config_dir=root, cache_dir=ctx.paths.cache_dir)
    settings = Settings(paths=paths, file_values={}, environ={},
                        flags={"database.url": f"sqlite:///{root / 'demo.db'}"})
    return AppContext(settings=settings)


def sample_resume() -> bytes:
    return resources.files("mock_interview").joinpath("data/demo/resume.txt").read_bytes()


def sample_answers() -> dict[str, Any]:
    text = resources.files("mock_interview").joinpath("data/demo/answers.json").read_text("utf-8")
    return json.loads(text)


def answer_with_samples(session: Any, on_answer: Any = None) -> dict[str, Any]:
    """Drive the interview with the sample answers: by question id, then by kind;
    ``on_answer(question_text, outcome)`` after each."""
    from mock_interview.engines.offline import STAR_FOLLOW_UPS

    samples = sample_answers()
    follow_ups = samples["follow_up"]
    by_kind = samples["by_kind"]
    plan = {q.text: q for q in session.plan()}
    part_of = {text: part for part, text in STAR_FOLLOW_UPS.items()}
    parent = ""
    while (question := session.ensure_asked()) is not None:
        if question.is_follow_up:
            part = part_of.get(question.text, "")
            answer = (follow_ups["by_question"].get(f"{parent}:{part}")
                      or (None if part else follow_ups["by_question"].get(parent))
                      or follow_ups["by_part"].get(part) or follow_ups["default"])
        else:
            planned = plan.get(question.text)
            parent = planned.id if planned else ""
            answer = samples["by_question"].get(parent) or by_kind.get(
                question.kind, by_kind["behavioral"])
        outcome = session.submit(answer)
        if on_answer is not None:
            on_answer(question.text, outcome)
    return session.finish()


def prepare(ctx: AppContext, *, seed: int | None = None) -> tuple[AppContext, Any, Any]:
    """Profile, resume and best-matching job in the demo database; returns (context, session, job)."""
    from mock_interview.services import interview, jobs, profiles, resumes

    reset(ctx)  # every demo starts fresh, so the same questions come up and nothing piles up
    demo = demo_context(ctx)
    try:
        profiles.login(demo, DEMO_EMAIL)
    except Exception:  # first run: the demo person does not exist yet
        profiles.register(demo, DEMO_NAME, DEMO_EMAIL)
    resumes.upload(demo, sample_resume(), "jordan-ellery.txt")
    best = jobs.search(demo, None, match=True, limit=1).jobs[0]
    session = interview.start(demo, interview.InterviewOptions(count=DEMO_QUESTIONS, seed=seed),
                              job=best.job)
    return demo, session, best


def reset(ctx: AppContext) -> bool:
    folder = demo_dir(ctx)
    if not folder.exists():
        return False
    shutil.rmtree(folder)
    return True
