"""What runs beside an interview session: the pool for the engine's later gradings, and the
notices about the model the person is told once each."""

from __future__ import annotations

from typing import Any


class Notices:
    """What the person is told about the model: each kind of trouble once per interview.
    Filled from any thread; read (``take``) on the thread that talks to the person."""

    def __init__(self, config: Any = None) -> None:
        import threading

        self.config = config
        self._lock = threading.Lock()
        self._told: set[str] = set()
        self._queue: list[str] = []
        self.fallbacks: dict[str, int] = {}

    def fallback(self, step: str, failure: Any) -> None:
        reason = getattr(failure, "reason", str(failure))
        given_up = bool(getattr(failure, "given_up", False))
        kind = "budget" if reason == "budget" else "given-up" if given_up else "failure"
        with self._lock:
            self.fallbacks[reason] = self.fallbacks.get(reason, 0) + 1
            if kind in self._told:
                return
            self._told.add(kind)
        if self.config is not None:
            from mock_interview.services.llm import fallback_notice

            message = fallback_notice(step, reason, self.config, given_up=given_up)
        else:
            message = f"the model failed ({reason}); the {step} step used the offline engine"
        self.add(message)

    def add(self, message: str) -> None:
        with self._lock:
            self._queue.append(message)

    def take(self) -> list[str]:
        with self._lock:
            messages, self._queue = self._queue, []
        return messages


class GradingPool:
    """A pool of daemon threads for the engine's later gradings, so Ctrl-C never waits for a model call (an
    answer whose model grade did not arrive keeps its offline grade and is graded again by
    ``finish``). One worker by default: gradings run in answer order, one request at a time,
    which is what a local server can serve anyway, and the person answering is the slower
    party (bench/llm_pipelining.py)."""

    def __init__(self, workers: int = 1) -> None:
        import queue
        import threading

        self._queue: queue.Queue[Any] = queue.Queue()
        self._threads = [threading.Thread(target=self._run, name=f"grader-{n}", daemon=True)
                         for n in range(workers)]
        for thread in self._threads:
            thread.start()

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:  # closed: the jobs queued before it are done
                return
            future, job = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(job())
            except BaseException as exc:  # reported through the future
                future.set_exception(exc)

    def submit(self, job: Any) -> Any:
        from concurrent.futures import Future

        future: Future[Any] = Future()
        self._queue.put((future, job))
        return future

    def close(self) -> None:
        """Stop the workers once the queued jobs are done (a batch makes one per interview)."""
        for _ in self._threads:
            self._queue.put(None)
