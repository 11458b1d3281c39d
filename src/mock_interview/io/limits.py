"""Documented limits on what the tool reads, and readers that stop at them.

Input is read with a cap (one byte past the limit tells that it is too big) instead of whole, so
an endless stream or a huge file costs no more than the limit. JSON is parsed only after a
cheap nesting check, and a parsed document with a lone surrogate (``"\\ud800"``, which no file
can store and no terminal can print) is refused; every refusal is a ``UsageError``: one line,
exit code 2.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import IO, Any

from mock_interview.errors import UsageError

MB = 1024 * 1024
MAX_ANSWERS_FILE_BYTES = 5 * MB  # interview --answers
MAX_ANSWER_CHARS = 20_000  # one answer (a long spoken answer is about 3,000)
MAX_BATCH_FILE_BYTES = 50 * MB  # one evaluate input file
MAX_CATALOGUE_FILE_BYTES = 200 * MB  # jobs import
MAX_JSON_DEPTH = 64  # real items nest three or four levels
# A resume is well under 100 KB of text (a long CV: about 60 KB); parsing time grows with it.
MAX_RESUME_TEXT_CHARS = 200_000
MAX_DOCX_XML_BYTES = 8 * MB  # the text parts of a DOCX, unzipped (a 30-page CV: about 2 MB)
MAX_PDF_PAGES = 100
# MuPDF's work and memory follow the drawing operators, not the file size: 50 KB of deflated
# content can hold 3 million. A text-heavy page is 10-100 KB of content.
MAX_PDF_CONTENT_BYTES = 4 * MB  # the pages' content streams and forms, decompressed
MAX_PDF_SPANS = 100_000  # runs of text in one font (a page of a resume: a few hundred)
MAX_PDF_ANNOTATIONS = 500  # links and other annotations (a resume: a few dozen links)


def read_capped(stream: IO[bytes], limit: int, what: str) -> bytes:
    """At most ``limit`` bytes of ``stream``; more is refused without reading on."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise UsageError(f"{what} is over the limit of {limit / MB:g} MB")
    return data


def read_file_capped(path: Path, limit: int, what: str) -> bytes:
    """A regular file's bytes, refused past ``limit`` (by its size when it has one, and by
    reading no more than the limit when it has not: a FIFO, /dev/zero)."""
    try:
        with path.open("rb") as handle:
            return read_capped(handle, limit, what)
    except OSError as exc:
        raise UsageError(f"cannot read {what}: {exc.strerror or exc}") from exc


def nesting_depth(text: str, stop_at: int = MAX_JSON_DEPTH) -> int:
    """How deep ``[``/``{`` nest outside strings; stops counting past ``stop_at``."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > stop_at:
                    return deepest
        elif char in "]}":
            depth -= 1
    return deepest


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _may_hold_surrogates(text: str) -> bool:
    """Whether JSON ``text`` can decode to a string with a surrogate: only through a
    surrogate's escape, or one in the text itself."""
    if _SURROGATE_ESCAPE.search(text):
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _lone_surrogate(value: Any, budget: list[int]) -> bool:
    budget[0] -= 1
    if budget[0] < 0:
        return False
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(value, dict):
        return any(_lone_surrogate(k, budget) or _lone_surrogate(v, budget) for k, v in value.items())
    if isinstance(value, list):
        return any(_lone_surrogate(v, budget) for v in value)
    return False


def loads_json(text: str, what: str, *, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """``json.loads`` whose every failure is one line: bad syntax (with the line), nesting past
    ``max_depth``, integers too long to convert, and lone surrogates."""
    # Counted first (in C): a text with no more brackets than the limit cannot nest past it,
    # and scanning every character in Python was half an import's own time.
    if (text.count("[") + text.count("{") > max_depth
            and nesting_depth(text, max_depth) > max_depth):
        raise UsageError(f"{what} nests deeper than {max_depth} levels")
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(f"{what} is not valid JSON: {exc.msg} (line {exc.lineno})") from None
    except (ValueError, RecursionError) as exc:  # a 5,000-digit integer, and the like
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise UsageError(f"{what} is not usable JSON: {first[:120]}") from None
    if _may_hold_surrogates(text) and _lone_surrogate(value, [1_000_000]):
        raise UsageError(f"{what} holds a lone surrogate escape (such as \\ud800), which is not text")
    return value


def check_resume_text(text: str, name: str) -> None:
    """Refuse extracted text past :data:`MAX_RESUME_TEXT_CHARS` before it is parsed."""
    if len(text) > MAX_RESUME_TEXT_CHARS:
        raise UsageError(
            f"{name} holds {len(text):,} characters of text; a resume is well under "
            f"{MAX_RESUME_TEXT_CHARS:,}", hint="upload the resume itself, not a collection of documents")


def check_docx_xml(part_sizes: dict[str, int], name: str) -> None:
    """Refuse a DOCX whose text XML (sizes by part name) is past :data:`MAX_DOCX_XML_BYTES`
    before it is unzipped."""
    total = sum(part_sizes.values())
    if total > MAX_DOCX_XML_BYTES:
        raise UsageError(
            f"{name} holds {total / MB:.0f} MB of document XML; the limit is "
            f"{MAX_DOCX_XML_BYTES / MB:g} MB", hint="save it again from Word, or export it as PDF")
