"""A writer process for the concurrency test: registers N profiles through the service layer.

Usage: python -m tests.workers.concurrent_writer URL WORKER COUNT GO_FILE
Waits for GO_FILE so all workers start together (including the first-use migration).
"""

import sys
import time
from pathlib import Path

from mock_interview.services import profiles
from mock_interview.services.context import AppContext


def main() -> int:
    url, worker, count, go_file = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
    deadline = time.monotonic() + 30
    while not go_file.exists() and time.monotonic() < deadline:
        time.sleep(0.005)
    ctx = AppContext.create(database_url=url)
    for i in range(count):
        profiles.register(ctx, f"Worker {worker} #{i}", f"w{worker}-{i}@example.com")
    ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
