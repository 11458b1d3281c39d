"""Crash safety: SIGKILL real interviews at random moments; is every acknowledged answer kept?

    python bench/crash_safety.py [--kills 100] [--backends sqlite,postgres] [--drivers script,pty]
                                 [--questions 4] [--seed 1] [--postgres-url URL] [--json]

Each kill is one real interview in its own process (offline engine, the sample catalogue's job,
a stored resume), driven one of two ways, taking turns:

- ``script``: ``interview --answers FILE``; an answer is acknowledged when its score line
  ("…: overall N") is on stderr;
- ``pty``: the interactive interview in a pseudo-terminal (pexpect), typing each answer as a
  person would; acknowledged when "Saved." is on screen.

The kill comes at a random moment: for one kill in five anywhere from the process's start to
the exit of a calibrated full run; otherwise in the window where answers are written, from the
first question shown to a quarter past the calibrated run's last acknowledgement. Runs that
finish before their moment are not counted and another is started. After each kill the bench
checks, on the database the process left:

- lost: acknowledged answers that are not stored as answered (each answer carries a unique tag);
- integrity: SQLite ``PRAGMA integrity_check`` and ``PRAGMA foreign_key_check`` (Postgres
  enforces its own; "n/a");
- half-written: answered questions stored without scores;
- not continuable: interviews left in progress that ``interview --continue ID --answers`` in a
  fresh process does not finish (exit 0, status completed, the acknowledged answers still there).

SQLite is a file in a temporary home; Postgres a fresh schema (dropped afterwards) on
``--postgres-url``, else $MOCK_INTERVIEW_TEST_POSTGRES_URL, else a local server's ``test``
database. Goal: 0 lost in 100 kills, integrity ok after every kill, 0 not continuable.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # run from a checkout without installing

JOB = "tallowbrook-senior-python-backend-engineer"
ANSWER = ("In my current role at Harbor Freight Tech our checkout API was too slow, and I was responsible "
          "for fixing it. I profiled the endpoints, added Redis caching for product lookups and moved heavy "
          "work to background jobs. Latency fell by 40% within a month.")
SCRIPT_ACK = re.compile(r": overall \d+\s*$")
WHOLE_RUN_SHARE = 0.2  # kills whose moment may fall before the interview has started


@dataclass
class Kill:
    driver: str
    window: str  # "whole run" or "answering"
    delay_s: float
    acknowledged: int = 0
    interview: str | None = None
    status: str | None = None
    lost: int = 0
    half_written: int = 0
    integrity: str = "n/a"
    continued: str = "n/a"  # ok, already complete, no interview, or what went wrong


@dataclass
class Run:
    acknowledged: int
    killed: bool
    seconds: float  # start to exit
    first_question: float  # start to the first question shown
    last_answer: float  # start to the last acknowledgement


@dataclass
class Backend:
    name: str
    kills: list[Kill] = field(default_factory=list)
    finished_before_kill: int = 0
    calibration: dict[str, Run] = field(default_factory=dict)  # a full run per driver


# -- the two drivers ---------------------------------------------------------------------------------


def answers_for(tag: str, count: int) -> list[str]:
    return [f"[{tag}a{n}] {ANSWER}" for n in range(count)]


def _killer(pid_of, delay: float, fired: threading.Event) -> threading.Timer:
    def kill() -> None:
        pid = pid_of()
        if pid is not None:
            fired.set()  # before the signal: the driver may see the dead terminal at once
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                fired.clear()

    timer = threading.Timer(delay, kill)
    timer.daemon = True
    return timer


def run_script(env: dict[str, str], workdir: Path, tag: str, questions: int, seed: int,
               kill_after: float | None, from_first_question: bool) -> Run:
    """One script-mode interview, killed ``kill_after`` seconds after its start (or after its
    first question)."""
    answers = workdir / f"{tag}.json"
    answers.write_text(json.dumps(answers_for(tag, 3 * questions)))
    started = time.monotonic()
    child = subprocess.Popen(
        [sys.executable, "-m", "mock_interview", "interview", "--job", JOB, "--questions", str(questions),
         "--seed", str(seed), "--answers", str(answers)],
        env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    fired = threading.Event()
    timer = _killer(lambda: child.pid, kill_after, fired) if kill_after is not None else None
    if timer is not None and not from_first_question:
        timer.start()
    acknowledged, first, last = 0, None, 0.0
    for line in child.stderr:
        if first is None:  # the first line on stderr names the job: the interview has begun
            first = time.monotonic() - started
            if timer is not None and from_first_question:
                timer.start()
        if SCRIPT_ACK.search(line):
            acknowledged += 1
            last = time.monotonic() - started
    child.wait()
    if timer is not None:
        timer.cancel()
    # Killed means SIGKILL ended it: a process that had exited before its moment only got the
    # signal as a zombie.
    killed = child.returncode == -signal.SIGKILL
    return Run(acknowledged, killed, time.monotonic() - started, first or 0.0, last)


def run_pty(env: dict[str, str], tag: str, questions: int, seed: int,
            kill_after: float | None, from_first_question: bool) -> Run:
    """One interactive interview in a pseudo-terminal, killed as in :func:`run_script`."""
    import pexpect

    answers = iter(answers_for(tag, 3 * questions))
    started = time.monotonic()
    child = pexpect.spawn(sys.executable, ["-m", "mock_interview", "interview", "--job", JOB, "--questions",
                                           str(questions), "--seed", str(seed)],
                          env=env, encoding="utf-8", timeout=120, dimensions=(40, 120),
                          preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    fired = threading.Event()
    timer = _killer(lambda: child.pid, kill_after, fired) if kill_after is not None else None
    if timer is not None and not from_first_question:
        timer.start()
    acknowledged, first, last = 0, None, 0.0
    try:
        while True:
            index = child.expect([rf"Question \d+ of {questions}", "That was the last question", pexpect.EOF])
            if index == 2:
                break
            if first is None:
                first = time.monotonic() - started
                if timer is not None and from_first_question:
                    timer.start()
            if index == 1:
                child.send("\r")  # Enter alone: the result
                child.expect(pexpect.EOF)
                break
            child.send(next(answers))
            child.send("\x1b\r")  # Esc then Enter submits
            if child.expect([r"Saved\.", pexpect.EOF]) == 1:
                break
            acknowledged += 1
            last = time.monotonic() - started
    except OSError:
        if not fired.is_set():  # a write to the terminal of a process that was killed is expected
            raise
    except pexpect.TIMEOUT:
        os.kill(child.pid, signal.SIGKILL)
        raise RuntimeError(f"the interview stopped answering; last output: {child.before[-300:]!r}") from None
    finally:
        if timer is not None:
            timer.cancel()
        child.close(force=True)
    return Run(acknowledged, fired.is_set() and child.signalstatus == signal.SIGKILL,
               time.monotonic() - started, first or 0.0, last)


# -- what the kill left ------------------------------------------------------------------------------


class Inspector:
    """Reads the database through the CLI in this process (``interviews list``, ``interview show``)
    and continues interviews in a fresh process, as a person would after the crash."""

    def __init__(self, url: str, env: dict[str, str], workdir: Path, questions: int) -> None:
        from typer.testing import CliRunner

        self.url, self.env, self.workdir, self.questions = url, env, workdir, questions
        self.runner = CliRunner()
        self.known = set(self.interview_ids())

    def cli_json(self, *args: str) -> dict:
        from mock_interview.cli.app import app

        result = self.runner.invoke(app, ["--db", self.url, *args, "--json"])
        if result.exit_code != 0:
            raise RuntimeError(f"{' '.join(args)} exited {result.exit_code}: {result.stderr.strip()[-300:]}")
        return json.loads(result.stdout)

    def interview_ids(self) -> list[str]:
        return [row["interview_id"] for row in self.cli_json("interviews", "list", "--limit", "5")["interviews"]]

    def new_interview(self) -> str | None:
        fresh = [i for i in self.interview_ids() if i not in self.known]
        self.known.update(fresh)
        if len(fresh) > 1:
            raise RuntimeError(f"one run made {len(fresh)} interviews")
        return fresh[0] if fresh else None

    def check(self, kill: Kill, tag: str) -> None:
        acknowledged = [f"[{tag}a{n}]" for n in range(kill.acknowledged)]
        kill.interview = self.new_interview()
        if kill.interview is None:
            kill.lost = len(acknowledged)
            kill.continued = "no interview"
            return
        shown = self.cli_json("interview", "show", kill.interview)
        kill.status = shown["status"]
        kill.lost = len(self._missing(shown, acknowledged))
        kill.half_written = sum(1 for q in shown["questions"] if q["status"] == "answered" and not q.get("scores"))
        if kill.status == "completed":
            kill.continued = "already complete"
            return
        kill.continued = self.continue_interview(kill.interview, tag, acknowledged)

    @staticmethod
    def _missing(shown: dict, tags: list[str]) -> list[str]:
        stored = [q.get("answer") or "" for q in shown["questions"] if q["status"] == "answered"]
        return [t for t in tags if not any(a.startswith(t) for a in stored)]

    def continue_interview(self, interview: str, tag: str, acknowledged: list[str]) -> str:
        answers = self.workdir / f"{tag}-continue.json"
        answers.write_text(json.dumps(answers_for(f"{tag}c", 3 * self.questions)))
        done = subprocess.run(
            [sys.executable, "-m", "mock_interview", "interview", "--continue", interview[:8],
             "--answers", str(answers), "--json"],
            env=self.env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=300)
        if done.returncode != 0:
            return f"exit {done.returncode}: {(done.stderr.strip().splitlines() or [''])[-1][:200]}"
        data = json.loads(done.stdout)
        if data["status"] != "completed":
            return f"status {data['status']} after --continue"
        if missing := self._missing(data, acknowledged):
            return f"{len(missing)} acknowledged answers gone after --continue"
        return "ok"


def sqlite_integrity(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        verdict = ", ".join(row[0] for row in connection.execute("PRAGMA integrity_check"))
        orphans = connection.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        connection.close()
    return verdict if not orphans else f"{verdict}; {len(orphans)} foreign key violations"


# -- one backend ---------------------------------------------------------------------------------------


def measure_backend(name: str, url: str, sqlite_path: Path | None, home: Path, args, rng: random.Random,
                    drivers: list[str], progress) -> Backend:
    from mock_interview.testing.environment import child_env, use_home
    from mock_interview.testing.interviews import store_resume

    use_home(home)
    env = child_env(MOCK_INTERVIEW_DATABASE_URL=url, TERM="xterm", PROMPT_TOOLKIT_NO_CPR="1")
    workdir = home / "answers"
    workdir.mkdir(parents=True, exist_ok=True)
    store_resume(url)
    inspector = Inspector(url, env, workdir, args.questions)
    backend = Backend(name)

    def run(driver: str, tag: str, kill_after: float | None, from_first_question: bool):
        seed = rng.randrange(1_000_000)
        if driver == "script":
            return run_script(env, workdir, tag, args.questions, seed, kill_after, from_first_question)
        return run_pty(env, tag, args.questions, seed, kill_after, from_first_question)

    # A full run per driver: how long the kill window is, and a check that nothing is lost unkilled.
    for driver in drivers:
        tag = f"{name[0]}cal{driver}"
        full = run(driver, tag, None, False)
        calibration = Kill(driver, "none", 0.0, full.acknowledged)
        inspector.check(calibration, tag)
        if calibration.lost or calibration.status != "completed":
            raise RuntimeError(f"{name}/{driver}: an interview without a kill lost {calibration.lost} answers "
                               f"(status {calibration.status})")
        backend.calibration[driver] = full

    attempt = 0
    while len(backend.kills) < args.kills:
        driver = drivers[len(backend.kills) % len(drivers)]
        whole = rng.random() < WHOLE_RUN_SHARE
        full = backend.calibration[driver]
        # The answering window runs from the first question to a little past the last answer's
        # acknowledgement, when the interview is finished and its result written.
        window = full.seconds if whole else 1.25 * (full.last_answer - full.first_question) + 0.05
        delay = rng.uniform(0.0, window)
        tag = f"{name[0]}{attempt}"
        attempt += 1
        outcome = run(driver, tag, delay, not whole)
        kill = Kill(driver, "whole run" if whole else "answering", round(delay, 3), outcome.acknowledged)
        inspector.check(kill, tag)
        if not outcome.killed:
            backend.finished_before_kill += 1
            continue
        if sqlite_path is not None:
            kill.integrity = sqlite_integrity(sqlite_path)
        backend.kills.append(kill)
        progress(name, kill, len(backend.kills), args.kills)
    return backend


def summarise(backend: Backend) -> dict:
    by_driver = {}
    for driver in sorted({k.driver for k in backend.kills}):
        kills = [k for k in backend.kills if k.driver == driver]
        by_driver[driver] = {
            "kills": len(kills),
            "kills_after_an_acknowledged_answer": sum(1 for k in kills if k.acknowledged),
            "acknowledged": sum(k.acknowledged for k in kills),
            "lost": sum(k.lost for k in kills),
            "integrity_failures": sum(1 for k in kills if k.integrity not in ("ok", "n/a")),
            "integrity_checked": sum(1 for k in kills if k.integrity != "n/a"),
            "half_written": sum(k.half_written for k in kills),
            "continued": sum(1 for k in kills if k.continued == "ok"),
            "not_continuable": sum(1 for k in kills if k.continued not in ("ok", "already complete",
                                                                            "no interview")),
            "completed_before_the_kill_landed": sum(1 for k in kills if k.continued == "already complete"),
            "no_interview_yet": sum(1 for k in kills if k.continued == "no interview"),
        }
    problems = [asdict(k) for k in backend.kills
                if k.lost or k.half_written or k.integrity not in ("ok", "n/a")
                or k.continued not in ("ok", "already complete", "no interview")]
    return {"backend": backend.name,
            "calibration_s": {d: {"exit": round(r.seconds, 2), "first_question": round(r.first_question, 2),
                                  "last_answer": round(r.last_answer, 2), "answers": r.acknowledged}
                              for d, r in backend.calibration.items()},
            "finished_before_kill": backend.finished_before_kill, "drivers": by_driver,
            "problems": problems[:20]}


def print_table(report: dict) -> None:
    print(f"SIGKILL at random moments of real interviews ({report['questions']} questions, offline engine)\n")
    header = (f"{'backend':<9} {'driver':<7} {'kills':>5} {'after ack':>9} {'acked':>6} {'lost':>5} "
              f"{'integrity':>10} {'half':>5} {'continued':>9} {'not cont.':>9} {'no iv':>5} {'done':>5}")
    print(header)
    print("-" * len(header))
    for backend in report["backends"]:
        for driver, row in backend["drivers"].items():
            integrity = ("n/a" if not row["integrity_checked"]
                         else f"{row['integrity_checked'] - row['integrity_failures']}/{row['integrity_checked']} ok")
            print(f"{backend['backend']:<9} {driver:<7} {row['kills']:>5} "
                  f"{row['kills_after_an_acknowledged_answer']:>9} {row['acknowledged']:>6} {row['lost']:>5} "
                  f"{integrity:>10} {row['half_written']:>5} {row['continued']:>9} {row['not_continuable']:>9} "
                  f"{row['no_interview_yet']:>5} {row['completed_before_the_kill_landed']:>5}")
    print("\nafter ack: kills after at least one acknowledged answer · half: answered without scores · "
          "continued: finished by --continue\nno iv: killed before the interview was stored · done: "
          "completed, killed while printing the result")
    for backend in report["backends"]:
        for driver, times in backend["calibration_s"].items():
            print(f"{backend['backend']}/{driver}: a full run without a kill: first question at "
                  f"{times['first_question']} s, last of {times['answers']} answers acknowledged at "
                  f"{times['last_answer']} s, exit at {times['exit']} s")
        print(f"{backend['backend']}: {backend['finished_before_kill']} run(s) finished before their kill "
              "moment (not counted)")
        for problem in backend["problems"]:
            print("  problem:", json.dumps(problem))
    print("\ngoal: 0 lost in 100 kills, integrity ok after every kill, 0 not continuable")


def main() -> int:
    from mock_interview.testing.postgres import DEFAULT_POSTGRES_URL, POSTGRES_ENV

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=100, help="kills per backend")
    parser.add_argument("--backends", default="sqlite", help="comma-separated: sqlite, postgres")
    parser.add_argument("--drivers", default="script,pty", help="comma-separated: script, pty (taking turns)")
    parser.add_argument("--questions", type=int, default=4)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--postgres-url", default=os.environ.get(POSTGRES_ENV) or DEFAULT_POSTGRES_URL)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    drivers = [d.strip() for d in args.drivers.split(",") if d.strip()]
    if not backends or set(backends) - {"sqlite", "postgres"}:
        parser.error("--backends takes sqlite and/or postgres")
    if not drivers or set(drivers) - {"script", "pty"}:
        parser.error("--drivers takes script and/or pty")
    if args.kills < 1 or args.questions < 1:
        parser.error("--kills and --questions must be at least 1")
    if "pty" in drivers:
        try:
            import pexpect  # noqa: F401
        except ImportError:
            parser.error("the pty driver needs pexpect: pip install 'mock-interview[bench]' (or --drivers script)")

    def progress(name: str, kill: Kill, done: int, total: int) -> None:
        if not args.json:
            print(f"\r{name}: {done}/{total} kills", end="", file=sys.stderr, flush=True)

    rng = random.Random(args.seed)
    results = []
    with tempfile.TemporaryDirectory(prefix="mi-crash-") as tmp:
        for name in backends:
            home = Path(tmp) / name
            with ExitStack() as stack:
                if name == "sqlite":
                    path = home / "mock-interview.db"
                    url, sqlite_path = f"sqlite:///{path}", path
                else:
                    from mock_interview.testing.postgres import fresh_schema

                    url, sqlite_path = stack.enter_context(fresh_schema(args.postgres_url, "mi_crash")), None
                started = time.monotonic()
                backend = measure_backend(name, url, sqlite_path, home, args, rng, drivers, progress)
                summary = summarise(backend)
                summary["seconds"] = round(time.monotonic() - started, 1)
                results.append(summary)
            if not args.json:
                print(file=sys.stderr)
    report = {"questions": args.questions, "seed": args.seed, "kills_per_backend": args.kills,
              "goal": {"lost": 0, "integrity_failures": 0, "not_continuable": 0}, "backends": results}
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_table(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
