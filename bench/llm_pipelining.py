"""How long does the person wait for the next question when the model grades slowly?

Runs whole interviews through ``InterviewSession`` against a slow OpenAI-compatible server
(the scripted server of mock_interview.testing on 127.0.0.1, every grading delayed by ``--delay`` seconds), with
the person taking ``--think`` seconds per answer. For each answer it measures the extra wait:
the time from submitting the answer to the next question being on screen. Pipelined grading
makes it ~0 (the model grades answer k while the person answers k+1); without it every answer
would wait ``--delay``. It also reports what ``finish`` waits for (the last grading) and the
tokens per interview from the cost ledger.

    python bench/llm_pipelining.py                           # scripted server, 2 s gradings
    python bench/llm_pipelining.py --delay 5 --think 3       # the model slower than the person
    python bench/llm_pipelining.py --base-url http://127.0.0.1:8080/v1 --model gemma-3-270m

Token counts from the scripted server are its estimate (characters / 4) of our real prompts;
with ``--base-url`` they are the server's own counts.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

ANSWERS = [
    "In my current role at Harbor Freight Tech our checkout API was too slow, and I was responsible for "
    "fixing it. I profiled the endpoints, added Redis caching for product lookups and moved heavy work to "
    "background jobs with clear timeouts. As a result latency fell by 40% and conversion rose 3%.",
    "Generators produce values lazily with yield, so a pipeline over a large file keeps one line in memory "
    "at a time. I use them for streaming imports; a list is better when I need len() or several passes.",
    "When two teammates disagreed about a database schema, I set up a short meeting where each wrote down "
    "their constraints. We found that both designs could share one migration, agreed on it, and shipped "
    "on time; the disagreement turned into a checklist we still use.",
    "I would start from the official tutorial, build a small internal service with it, and ask a colleague "
    "who runs it in production to review my first pull requests, measuring progress against a real ticket.",
    "I mentor juniors by pairing once a week and reviewing their pull requests with questions rather than "
    "fixes. One of them now leads our deployment tooling after taking over the Docker migration from me.",
    "For an index I check the query plan first: a B-tree on the filtered column, a partial index when most "
    "rows are excluded, and a covering index when the query only reads a few columns; then I measure again.",
]


def run(url: str, model: str, questions: int, think: float, seed: int) -> dict:
    from mock_interview.services import interview as service
    from mock_interview.services.context import AppContext

    ctx = AppContext.create()
    options = service.InterviewOptions(job="tallowbrook-senior-python-backend-engineer", count=questions,
                                       seed=seed, engine="openai", base_url=url, model=model)
    started = time.monotonic()
    session = service.start(ctx, options)
    plan_seconds = time.monotonic() - started
    waits, follow_up_waits = [], []
    index = 0
    while session.ensure_asked() is not None:
        time.sleep(think)  # the person thinks and types
        submitted = time.monotonic()
        outcome = session.submit(ANSWERS[index % len(ANSWERS)])
        session.ensure_asked()
        wait = time.monotonic() - submitted
        (follow_up_waits if outcome.follow_up_asked else waits).append(wait)
        index += 1
    finishing = time.monotonic()
    data = session.finish()
    finish_wait = time.monotonic() - finishing
    ctx.close()
    usage = (data.get("llm") or {}).get("usage") or {}
    return {"plan_seconds": plan_seconds, "waits": waits, "follow_up_waits": follow_up_waits,
            "finish_wait": finish_wait, "usage": usage, "engines": data["llm"]["answers_by_engine"],
            "fallbacks": data["llm"]["fallbacks"], "plan_engine": data["llm"]["plan_engine"], "answers": index}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--delay", type=float, default=2.0, help="seconds each grading takes (scripted server)")
    parser.add_argument("--think", type=float, default=3.0, help="seconds the person takes per answer")
    parser.add_argument("--questions", type=int, default=6)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--base-url", help="a real OpenAI-compatible server instead of the scripted one")
    parser.add_argument("--model", default="test-model")
    args = parser.parse_args()

    home = tempfile.mkdtemp(prefix="mi-bench-")
    from mock_interview.testing.environment import use_home
    from mock_interview.testing.interviews import store_resume

    use_home(Path(home))

    store_resume(None)
    server = None
    url = args.base_url
    if url is None:
        from mock_interview.testing.llm_server import LLMServer

        server = LLMServer().start()
        server.models = [args.model]
        server.delays["grade"] = args.delay
        url = server.url
    try:
        results = [run(url, args.model, args.questions, args.think, seed) for seed in range(args.runs)]
    finally:
        if server is not None:
            server.stop()

    waits = [w for r in results for w in r["waits"]]
    follow = [w for r in results for w in r["follow_up_waits"]]
    where = f"scripted server, gradings {args.delay:g} s" if server else url
    print(f"{args.runs} interview(s) of {args.questions} questions ({where}), person {args.think:g} s per answer")
    print(f"  plan (one call):                   {statistics.mean(r['plan_seconds'] for r in results):.2f} s")
    print(f"  extra wait per question:           mean {statistics.mean(waits) * 1000:.0f} ms, "
          f"max {max(waits) * 1000:.0f} ms over {len(waits)} answers "
          f"(without pipelining: +{args.delay:g} s each)" if server else
          f"  extra wait per question:           mean {statistics.mean(waits) * 1000:.0f} ms, "
          f"max {max(waits) * 1000:.0f} ms over {len(waits)} answers")
    if follow:
        print(f"  wait when a follow-up comes next: mean {statistics.mean(follow) * 1000:.0f} ms, "
              f"max {max(follow) * 1000:.0f} ms over {len(follow)} (the model words it only when idle)")
    print(f"  finish waits for the last grading: {statistics.mean(r['finish_wait'] for r in results):.2f} s")
    for r in results:
        u = r["usage"]
        print(f"  tokens per interview: {u.get('prompt_tokens')} prompt + {u.get('completion_tokens')} completion"
              f" = {u.get('total_tokens')} in {u.get('calls')} calls ({r['answers']} answers; plan {r['plan_engine']}, "
              f"graded by {r['engines']}, offline because {r['fallbacks'] or 'nothing failed'})")


if __name__ == "__main__":
    main()
