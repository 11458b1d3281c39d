"""PDF text in reading order, with two-column layouts read column by column.

MuPDF gives lines with positions; when a resume has two columns written side by side, MuPDF's
own order interleaves them line by line. :func:`order_lines` finds a vertical gutter and reads
the left column, then the right, while full-width lines (a name header, a footer) keep their
vertical place. It works on plain tuples, so it is tested without PyMuPDF.
"""

from __future__ import annotations

import bisect
import re
import statistics
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from mock_interview.io import limits
from mock_interview.io.errors import CorruptFileError, EncryptedFileError, FileTooLargeError


class Line(NamedTuple):
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


@dataclass
class PdfText:
    text: str
    pages: int
    links: list[str] = field(default_factory=list)  # link annotations, page by page
    warnings: list[str] = field(default_factory=list)


_DAMAGED_HINT = "export or print it to PDF again and upload the new file"


def read_pdf(data: bytes, name: str) -> PdfText:
    """Extract text, link annotations and warnings; raise for encrypted or unrecoverable files."""
    import pymupdf

    # PyMuPDF prints MuPDF's complaints about broken files (to stdout by default, which would
    # corrupt --json output); the reader reports problems itself, so silence them meanwhile.
    shown_errors = pymupdf.TOOLS.mupdf_display_errors()
    shown_warnings = pymupdf.TOOLS.mupdf_display_warnings()
    pymupdf.TOOLS.mupdf_display_errors(False)
    pymupdf.TOOLS.mupdf_display_warnings(False)
    try:
        return _read(pymupdf, data, name)
    finally:
        pymupdf.TOOLS.mupdf_display_errors(shown_errors)
        pymupdf.TOOLS.mupdf_display_warnings(shown_warnings)
        pymupdf.TOOLS.reset_mupdf_warnings()


def _read(pymupdf, data: bytes, name: str) -> PdfText:
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception:  # MuPDF raises FileDataError, RuntimeError or ValueError by version
        raise CorruptFileError(f"{name} is a damaged PDF that cannot be opened",
                               hint=_DAMAGED_HINT) from None
    with doc:
        try:
            return _read_open(pymupdf, doc, name)
        except (pymupdf.mupdf.FzErrorBase, RuntimeError, ValueError):
            # MuPDF's own failures on a broken structure that opened (a page tree that loops).
            raise CorruptFileError(f"{name} is a damaged PDF that cannot be read",
                                   hint=_DAMAGED_HINT) from None


def _read_open(pymupdf, doc, name: str) -> PdfText:
    if doc.needs_pass:
        raise EncryptedFileError(
            f"{name} is encrypted",
            hint="remove the password (e.g. print to PDF) and upload again")
    pages = doc.page_count
    if pages == 0:
        raise CorruptFileError(f"{name} has no pages", hint=_DAMAGED_HINT)
    if pages > limits.MAX_PDF_PAGES:
        raise FileTooLargeError(
            f"{name} has {pages} pages; a resume has at most {limits.MAX_PDF_PAGES}",
            hint="upload just the resume")
    # No TEXT_PRESERVE_LIGATURES: "ﬁ" comes out as "fi", which is what a parser expects.
    flags = pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP
    texts, links, warnings = [], [], []
    failed = images = 0
    work = _Work(name)
    read: list[tuple[int, list[Line], float]] = []
    for number in range(1, pages + 1):
        try:
            page = doc.load_page(number - 1)
            # Measured before MuPDF interprets the page: its work follows the operators.
            work.add_content(_content_bytes(doc, page, work.content_left()))
            work.add_annotations(_annotation_count(doc, page))
            page_dict = page.get_text("dict", flags=flags)
            work.add_page(page_dict)
            lines = page_lines(page_dict)
            links += [link["uri"] for link in page.get_links()
                      if link.get("kind") == pymupdf.LINK_URI and link.get("uri")]
        except FileTooLargeError:
            raise
        except Exception:  # one broken page or content stream should not lose the others
            failed += 1
            warnings.append(f"page {number} could not be read")
            continue
        if lines:
            read.append((number, lines, float(page.rect.height)))
        elif _has_images(page):
            images += 1
            warnings.append(f"page {number} has no text layer (scanned?)")
        else:
            warnings.append(f"page {number} has no text")
    for _number, lines in drop_running_lines(read):
        texts.append(order_lines(lines))
    repaired = bool(getattr(doc, "is_repaired", False))
    if failed == pages:
        raise CorruptFileError(f"{name} is a damaged PDF; no page could be read",
                               hint=_DAMAGED_HINT)
    if repaired:
        if not texts and not images:
            raise CorruptFileError(f"{name} is damaged (truncated?) and no text could be recovered",
                                   hint=_DAMAGED_HINT)
        warnings.insert(0, "the PDF is damaged and was repaired; some text may be missing")
    return PdfText(text="\n\n".join(texts), pages=pages, links=links, warnings=warnings)


class _Work:
    """What reading a PDF has cost so far, refused past the limits in io/limits.py."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.content = self.annotations = self.spans = self.chars = 0

    def content_left(self) -> int:
        return limits.MAX_PDF_CONTENT_BYTES - self.content

    def add_content(self, size: int) -> None:
        self.content += size
        if self.content > limits.MAX_PDF_CONTENT_BYTES:
            self._refuse(f"more than {limits.MAX_PDF_CONTENT_BYTES // limits.MB} MB of page "
                         "content (drawing instructions)")

    def add_annotations(self, count: int) -> None:
        self.annotations += count
        if self.annotations > limits.MAX_PDF_ANNOTATIONS:
            self._refuse(f"more than {limits.MAX_PDF_ANNOTATIONS:,} links and annotations")

    def add_page(self, page_dict: dict) -> None:
        for block in page_dict.get("blocks", ()):
            for line in block.get("lines", ()):
                spans = line.get("spans", ())
                self.spans += len(spans)
                self.chars += sum(len(span.get("text", "")) for span in spans)
        if self.spans > limits.MAX_PDF_SPANS:
            self._refuse(f"more than {limits.MAX_PDF_SPANS:,} runs of text")
        if self.chars > limits.MAX_RESUME_TEXT_CHARS:
            self._refuse(f"more than {limits.MAX_RESUME_TEXT_CHARS:,} characters of text")

    def _refuse(self, what: str) -> None:
        raise FileTooLargeError(f"{self.name} holds {what}; a resume holds far less",
                                hint="upload the resume itself, not a collection of documents")


def _content_bytes(doc, page, budget: int) -> int:
    """Decompressed size of the page's content streams and the forms it draws, counted no
    further than one byte past ``budget`` (a deflate bomb is not inflated to measure it)."""
    total = 0
    for xref in [*page.get_contents(), *(form[0] for form in page.get_xobjects())]:
        total += _stream_size(doc, xref, budget - total + 1)
        if total > budget:
            break
    return total


def _stream_size(doc, xref: int, limit: int) -> int:
    """The stream's decompressed size, or ``limit`` when it is at least that."""
    raw = doc.xref_stream_raw(xref) or b""
    kind, value = doc.xref_get_key(xref, "Filter")
    if kind == "null":
        return min(len(raw), limit)
    if value.strip("[] ") == "/FlateDecode":
        try:
            return len(zlib.decompressobj().decompress(raw, limit))
        except zlib.error:
            return min(len(raw), limit)  # MuPDF reads what it can of a broken stream
    return min(len(doc.xref_stream(xref) or b""), limit)  # other filters: rare, expand little


def _annotation_count(doc, page) -> int:
    """Entries of the page's /Annots array, without building an annotation object each."""
    kind, value = doc.xref_get_key(page.xref, "Annots")
    if kind == "xref":  # the array is an object of its own
        value = doc.xref_object(int(value.split()[0]), compressed=True)
    elif kind != "array":
        return 0
    return value.count(" R")


def _has_images(page) -> bool:
    try:
        return bool(page.get_images(full=False))
    except Exception:
        return False


# Symbol/Wingdings bullets come out as private-use code points (U+F0B7 ...), or U+FFFD when
# the font has no Unicode map; a lone one before a space is a bullet glyph.
_ODD_BULLET = re.compile(r"^[\ue000-\uf8ff\ufffd](?=\s)")


def page_lines(page_dict: dict) -> list[Line]:
    """Non-empty text lines of a ``page.get_text("dict")`` result."""
    lines = []
    for block in page_dict.get("blocks", ()):
        for line in block.get("lines", ()):  # image blocks have no "lines"
            text = "".join(span.get("text", "") for span in line.get("spans", ())).strip()
            if text:
                x0, y0, x1, y1 = line["bbox"]
                lines.append(Line(x0, y0, x1, y1, _ODD_BULLET.sub("•", text)))
    return lines


# -- running headers and footers -------------------------------------------------------------

MARGIN_SHARE = 0.1  # the top and bottom tenth of a page is where running lines sit
_PAGE_WORDS_RE = re.compile(
    r"(?:^|\s)(?:page|p\.|pg\.?)\s*\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?\s*$"
    r"|^\s*\d{1,3}\s*(?:/|of)\s*\d{1,3}\s*$|^\s*[-–]?\s*\d{1,3}\s*[-–]?\s*$",
    re.I,
)


def _running_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.strip().lower()))


def drop_running_lines(
    pages: list[tuple[int, list[Line], float]],
) -> list[tuple[int, list[Line]]]:
    """Remove headers and footers: a line in a page's top or bottom margin that carries a page
    number ("Maria Delgado — BSN — page 1 of 2", "2/3"), or whose text (numbers aside) is in
    the margin of every page of a document of two pages or more."""
    margins: list[list[Line]] = []
    for _, lines, height in pages:
        top, bottom = _bounds(lines, height)
        margins.append([ln for ln in lines if ln.y1 <= top or ln.y0 >= bottom])
    repeated: set[str] = set()
    if len(pages) >= 2:
        counts: dict[str, int] = {}
        for found in margins:
            for key in {_running_key(ln.text) for ln in found}:
                counts[key] = counts.get(key, 0) + 1
        repeated = {k for k, n in counts.items() if n >= len(pages) and re.search(r"\w", k)}
    # The name atop page 1 repeated in the top margin of later pages ("Jane Doe · email").
    first_row = sorted(pages[0][1], key=lambda ln: (ln.y0, ln.x0))[:1] if pages else []
    name = _running_key(first_row[0].text) if first_row else ""
    out = []
    for index, ((number, lines, height), found) in enumerate(zip(pages, margins, strict=True)):
        if index and len(name.split()) >= 2:
            repeated |= {_running_key(ln.text) for ln in found if ln.y1 <= height / 2
                         and _running_key(ln.text).startswith(name)}
        drop = {id(ln) for ln in found
                if _PAGE_WORDS_RE.search(ln.text) or (
                    _running_key(ln.text) in repeated
                    # the first page's own header (the name) is content: keep it once
                    and not (index == 0 and ln.y1 <= height / 2))}
        out.append((number, [ln for ln in lines if id(ln) not in drop]))
    return out


def _bounds(lines: list[Line], height: float) -> tuple[float, float]:
    """The y below which a line is in the top margin, and above which in the bottom one:
    the page's margin band, but never inside the text itself (a line counts only if it is
    the first or last row of the page)."""
    top_row = min(ln.y0 for ln in lines)
    bottom_row = max(ln.y1 for ln in lines)
    first = [ln.y1 for ln in lines if ln.y0 <= top_row + 2]
    last = [ln.y0 for ln in lines if ln.y1 >= bottom_row - 2]
    top = min(max(first), height * MARGIN_SHARE)
    bottom = max(min(last), height * (1 - MARGIN_SHARE))
    return top, bottom


# -- reading order --------------------------------------------------------------------------

MIN_GUTTER = 6.0  # points; a column gap narrower than this is a word gap
MIN_CLEAR_HEIGHT = 0.4  # share of the text height the gutter must be free of crossing lines
MAX_BLOCKED = 0.2  # share of the side-by-side zone that lines across the gap may cover
MIN_FILL = 0.3  # share of its own height a column must fill with lines (not a dates column)


def order_lines(lines: Sequence[Line]) -> str:
    """The page's text: rows joined left to right, columns read one after the other."""
    gutter = find_gutter(lines)
    if gutter is None:
        return _render(list(lines))
    title = _title_line(lines)
    if title is not None:
        # A sidebar page puts the name at the top of the main column, beside the sidebar:
        # read as a column it would come after the whole sidebar. It is the page's title.
        rest = [ln for ln in lines if ln is not title]
        return title.text + "\n\n" + order_lines(rest)
    g0, g1 = gutter
    crossing = sorted((ln for ln in lines if ln.x1 > g0 + 1 and ln.x0 < g1 - 1),
                      key=lambda ln: ln.y0)
    bands: list[tuple[list[Line], list[Line]]] = [([], []) for _ in range(len(crossing) + 1)]
    centres = [(ln.y0 + ln.y1) / 2 for ln in crossing]
    for ln in lines:
        if ln.x1 > g0 + 1 and ln.x0 < g1 - 1:
            continue
        band = sum(1 for c in centres if c < (ln.y0 + ln.y1) / 2)
        bands[band][0 if ln.x1 <= g0 + 1 else 1].append(ln)
    chunks: list[str] = []
    run: list[Line] = []  # consecutive full-width lines form one chunk
    for index, (left, right) in enumerate(bands):
        if left or right:
            if run:
                chunks.append(_render(run))
                run = []
            # Right-column lines wholly above the left column (a name over the main column of
            # a sidebar layout) come first, as a reader's eye meets them.
            above = [ln for ln in right if left and ln.y1 <= min(o.y0 for o in left)]
            rest = [ln for ln in right if ln not in above]
            chunks += [_render(part) for part in (above, left, rest) if part]
        if index < len(crossing):
            run.append(crossing[index])
    if run:
        chunks.append(_render(run))
    return "\n\n".join(chunks)


def _title_line(lines: Sequence[Line]) -> Line | None:
    """The line set much larger than the rest near the top of the page (a name), if any."""
    heights = sorted(ln.y1 - ln.y0 for ln in lines)
    usual = heights[len(heights) // 2]
    top = min(ln.y0 for ln in lines)
    span = max(ln.y1 for ln in lines) - top
    tallest = max(lines, key=lambda ln: ln.y1 - ln.y0)
    if tallest.y1 - tallest.y0 < 1.5 * usual or tallest.y0 > top + 0.15 * span:
        return None
    if len(tallest.text.split()) > 5:
        return None
    return tallest


def find_gutter(lines: Sequence[Line]) -> tuple[float, float] | None:
    """The x-range of a gap between two columns, or None for a single-column page.

    Candidates are x-ranges crossed by few lines; one is a gutter when text on both sides runs
    side by side, the gap stays clear over most of the text height (full-width lines may cross
    it above, below or between the columns), and both sides are filled like running text rather
    than sparse like a column of dates.
    """
    if len(lines) < 4:
        return None
    left = min(ln.x0 for ln in lines)
    right = max(ln.x1 for ln in lines)
    top = min(ln.y0 for ln in lines)
    height = max(ln.y1 for ln in lines) - top
    width = right - left
    if width <= 0 or height <= 0:
        return None
    start, stop = int(left + 0.1 * width), int(right - 0.1 * width)
    # Lines crossing each point x in [start, stop), by a difference array (O(lines + width)).
    steps = [0] * (max(stop - start, 0) + 1)
    for ln in lines:
        lo, hi = max(int(ln.x0), start), min(int(ln.x1) + 1, stop)
        if lo < hi:
            steps[lo - start] += 1
            steps[hi - start] -= 1
    coverage, running = [], 0
    for step in steps[:-1]:
        running += step
        coverage.append(running)
    # A ragged column edge or a full-width line may cross the gap, so try the lowest crossing
    # counts (at most a quarter of the lines, ten levels: it bounds the work on dense pages).
    limit = max(1, len(lines) // 4)
    tried: set[tuple[int, int]] = set()
    best: tuple[int, int, tuple[float, float]] | None = None
    for level in sorted({c for c in coverage if c <= limit})[:10]:
        for g0, g1 in _runs(coverage, level, start):
            if g1 - g0 < MIN_GUTTER or (g0, g1) in tried:
                continue
            tried.add((g0, g1))
            score = _columns_score(lines, float(g0), float(g1), height)
            if score and (best is None or (score, g1 - g0) > best[:2]):
                best = (score, g1 - g0, (float(g0), float(g1)))
    return best[2] if best else None


def _runs(coverage: list[int], level: int, offset: int) -> list[tuple[int, int]]:
    """Maximal x-ranges where at most ``level`` lines cross."""
    runs, begin = [], None
    for x, count in enumerate([*coverage, level + 1]):
        if count <= level and begin is None:
            begin = x
        elif count > level and begin is not None:
            runs.append((offset + begin, offset + x))
            begin = None
    return runs


def _columns_score(lines: Sequence[Line], g0: float, g1: float, height: float) -> int:
    """How many lines the two columns hold, or 0 when the gap is no gutter."""
    left = [ln for ln in lines if ln.x1 <= g0 + 1]
    right = [ln for ln in lines if ln.x0 >= g1 - 1]
    crossing = [ln for ln in lines if ln.x1 > g0 + 1 and ln.x0 < g1 - 1]
    if len(left) < 2 or len(right) < 2:
        return 0
    left_top, left_bottom = min(ln.y0 for ln in left), max(ln.y1 for ln in left)
    right_top, right_bottom = min(ln.y0 for ln in right), max(ln.y1 for ln in right)
    zone_top, zone_bottom = max(left_top, right_top), min(left_bottom, right_bottom)
    if zone_bottom - zone_top < 0.5 * min(left_bottom - left_top, right_bottom - right_top):
        return 0  # mostly one above the other: stacked blocks, not columns
    if _blocked(crossing, zone_top, zone_bottom) > MAX_BLOCKED * (zone_bottom - zone_top):
        return 0  # text runs across the gap where the columns stand side by side
    top, bottom = min(left_top, right_top), max(left_bottom, right_bottom)
    if (bottom - top) - _blocked(crossing, top, bottom) < MIN_CLEAR_HEIGHT * height:
        return 0
    if _fill(left) < MIN_FILL or _fill(right) < MIN_FILL:
        return 0
    if _right_aligned(right):
        return 0  # dates or amounts set flush right beside the text: a table, not a column
    page_left = min(ln.x0 for ln in lines)
    page_right = max(ln.x1 for ln in lines)
    if g0 - page_left < 0.3 * (page_right - page_left) and _dates_column(left, right):
        return 0  # a narrow column of dates beside each entry: a grid read row by row
    return len(left) + len(right)


_DATEISH_RE = re.compile(
    r"\b(?:19|20)\d\d\b|\b(?:present|current|now)\b|^\s*(?:jan|feb|mar|apr|may|jun|jul|aug"
    r"|sep|oct|nov|dec)[a-z]*\.?\s*[-–]?\s*$", re.I)


def _dates_column(left: Sequence[Line], right: Sequence[Line]) -> bool:
    """Most left lines that sit beside right-hand text are dates (or their wrapped halves).

    Only lines with a right-hand line in their row count: in a grid built as a table, the
    section headings and the wrapped ends of full-width lines sit alone in the left cell's
    x-range, and they say nothing about what the cells beside the entries hold.
    """
    centres = sorted((ln.y0 + ln.y1) / 2 for ln in right)
    beside = [ln for ln in left
              if bisect.bisect_right(centres, ln.y1) > bisect.bisect_left(centres, ln.y0)]
    dated = sum(1 for ln in beside if _DATEISH_RE.search(ln.text))
    return bool(beside) and dated >= 0.4 * len(beside)


def _right_aligned(lines: Sequence[Line]) -> bool:
    """Most lines end at one x and start at many: dates or places set flush right."""
    ends = sorted(ln.x1 for ln in lines)
    median = ends[len(ends) // 2]
    flush = [ln for ln in lines if abs(ln.x1 - median) < 3]
    starts = {round(ln.x0 / 2) for ln in flush}  # an indented bullet adds one start, not many
    return len(flush) >= 0.8 * len(lines) and len(starts) >= max(3, 0.4 * len(flush))


def _blocked(crossing: Sequence[Line], top: float, bottom: float) -> float:
    return _covered([(max(ln.y0, top), min(ln.y1, bottom)) for ln in crossing])


def _fill(lines: Sequence[Line]) -> float:
    span = max(ln.y1 for ln in lines) - min(ln.y0 for ln in lines)
    return _covered([(ln.y0, ln.y1) for ln in lines]) / span if span > 0 else 1.0


def _covered(intervals: list[tuple[float, float]]) -> float:
    """Total length of the union of intervals."""
    total, end = 0.0, float("-inf")
    for lo, hi in sorted(i for i in intervals if i[1] > i[0]):
        if hi > end:
            total += hi - max(lo, end)
            end = hi
    return total


def _render(lines: list[Line]) -> str:
    """Rows top to bottom (pieces of one row joined by a space), blank line at a wide gap."""
    if not lines:
        return ""
    rows: list[list[Line]] = []
    for ln in sorted(lines, key=lambda ln: (ln.y0, ln.x0)):
        row = rows[-1] if rows else None
        if row and _same_row(row, ln):
            row.append(ln)
        else:
            rows.append([ln])
    heights = [max(ln.y1 for ln in row) - min(ln.y0 for ln in row) for row in rows]
    usual = statistics.median(heights)
    out: list[str] = []
    for index, row in enumerate(rows):
        if index:
            # Space between rows beyond ~half a line is a paragraph break; big type (a name)
            # brings bigger spacing with it, so the taller row sets the scale.
            gap = min(ln.y0 for ln in row) - max(ln.y1 for ln in rows[index - 1])
            if gap > 0.6 * max(usual, heights[index], heights[index - 1]):
                out.append("")
        out.append(_join_row(sorted(row, key=lambda ln: ln.x0)))
    return "\n".join(out)


def _join_row(row: list[Line]) -> str:
    """Pieces of one row: a space, or a tab across a wide gap (a date set flush right), as
    DOCX text has where Word used a tab stop."""
    text = row[0].text
    for before, piece in zip(row, row[1:], strict=False):
        wide = piece.x0 - before.x1 > 1.0 * (piece.y1 - piece.y0)
        text += ("\t" if wide else " ") + piece.text
    return text


def _same_row(row: list[Line], ln: Line) -> bool:
    top = min(r.y0 for r in row)
    bottom = max(r.y1 for r in row)
    overlap = min(bottom, ln.y1) - max(top, ln.y0)
    return overlap > 0.5 * min(bottom - top, ln.y1 - ln.y0)
