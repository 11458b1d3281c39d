"""Rendering for people: the words shown for scores, kinds and statuses (``labels``), and the
interview report as Markdown, HTML or JSON (``report``). Services hand over data; this turns it
into text. Stdlib only at import time, so `--help` stays fast."""
