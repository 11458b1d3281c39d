"""Interview logic with no I/O: the question bank, planning, and the end-of-interview report."""
