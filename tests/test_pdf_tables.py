"""Resumes built as a grid: a narrow date cell on the left of every entry, read row by row.

The PDFs are drawn here with PyMuPDF at known coordinates: section headings at the left
margin, each date in a 90-point cell beside its entry, the rest of the page one column wide.
"""

from __future__ import annotations

from datetime import date

import pytest

from mock_interview.domain.resume import parse_resume
from mock_interview.io import pdf
from mock_interview.io.readers import read_document
from tests import fixtures_docs as fx

pymupdf = pytest.importorskip("pymupdf")

TODAY = date(2025, 6, 15)
LEFT_X, ENTRY_X, RIGHT_X = 54, 154, 541
LEAD = 13.0

ENTRIES = (
    # (date cell lines, title, employer line, bullets), newest first
    (("03/2021 – Present",), "Logistics Coordinator", "Lakeshore Freight, Duluth, MN",
     ("• Scheduled 40 outbound loads a day across three docks",
      "• Cut detention fees by a fifth with a new booking window")),
    (("08/2018 – 02/2021",), "Warehouse Lead", "Lakeshore Freight, Duluth, MN",
     ("• Trained nine pickers on the handheld scanners",)),
    (("05/2016 – 07/2018",), "Inventory Clerk", "Northwoods Hardware, Ely, MN",
     ("• Counted cycle stock every Friday",)),
)
WRAPPED = tuple(
    (wrapped, title, employer, bullets)
    for wrapped, (_, title, employer, bullets) in zip(
        (("March 2021 –", "Present"), ("August 2018 –", "February 2021"),
         ("May 2016 –", "July 2018")), ENTRIES, strict=True))
PLACED = tuple(((cell[0], place), *rest) for (cell, *rest), place in zip(
    ENTRIES, ("Duluth, MN", "Superior, WI", "Ely, MN"), strict=True))  # place under the dates
ROLES = [
    ("Logistics Coordinator", "Lakeshore Freight", "2021-03", "now"),
    ("Warehouse Lead", "Lakeshore Freight", "2018-08", "2021-02"),
    ("Inventory Clerk", "Northwoods Hardware", "2016-05", "2018-07"),
]


def grid_pdf(entries=ENTRIES, *, footer: bool = True) -> bytes:
    """A one-page resume whose experience is a two-cell grid (dates | entry)."""
    doc = pymupdf.open()
    page = doc.new_page(width=fx.PAGE_W, height=fx.PAGE_H)
    page.insert_font(fontname="F1", fontbuffer=pymupdf.Font("helv").buffer)
    y = 60.0

    def put(x: float, text: str, size: float = 10) -> None:
        page.insert_text((x, y), text, fontname="F1", fontsize=size)

    def heading(text: str) -> None:
        nonlocal y
        y += 8
        put(LEFT_X, text, 12)
        page.draw_line((LEFT_X, y + 3), (RIGHT_X, y + 3), width=0.5)
        y += LEAD + 4

    put(LEFT_X, "Priya Nair", 22)
    y += 24
    put(LEFT_X, "priya.nair@example.org | (218) 555-0142 | Duluth, MN")
    y += LEAD
    heading("SUMMARY")
    put(LEFT_X, "Operations lead who keeps freight moving on time and inventory counts honest.")
    y += LEAD
    heading("EXPERIENCE")
    for cell, title, employer, bullets in entries:
        top = y
        for part in cell:  # the date cell, its own narrow column
            put(LEFT_X, part, 9)
            y += LEAD
        y = top
        for text in (title, employer, *bullets):
            put(ENTRY_X, text)
            y += LEAD
        y = max(y, top + LEAD * len(cell)) + 6
    heading("EDUCATION")
    put(LEFT_X, "B.S. in Supply Chain Management")
    put(RIGHT_X - 22, "2016")
    y += LEAD
    put(LEFT_X, "University of Minnesota Duluth")
    y += LEAD
    heading("SKILLS")
    # A full-width line whose last word wraps alone under the date cell.
    put(LEFT_X, "Warehouse management systems, Inventory control, Forklift operation, Freight")
    y += LEAD
    put(LEFT_X, "scheduling")
    y += LEAD
    if footer:
        put(250, "Priya Nair — page 1 of 1", 8)
    data = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    return data


def _roles(text: str):
    parsed = parse_resume(text, today=TODAY)
    return [(e.title, e.company, e.start, "now" if e.current else e.end)
            for e in parsed.experience]


@pytest.mark.parametrize("entries", [ENTRIES, WRAPPED, PLACED],
                         ids=["numeric", "wrapped", "placed"])
@pytest.mark.parametrize("footer", [True, False], ids=["footer", "no-footer"])
def test_a_grid_resume_reads_each_date_beside_its_entry(entries, footer):
    text = read_document(grid_pdf(entries, footer=footer), "grid.pdf").text
    rows = text.splitlines()
    for cell, title, _, _ in entries:
        assert f"{cell[0]}\t{title}" in rows
    # Entries stay under EXPERIENCE: none lands after the next section's heading.
    assert text.index("Inventory Clerk") < text.index("EDUCATION") < text.index("SKILLS")
    assert "B.S. in Supply Chain Management\t2016" in rows
    assert _roles(text) == ROLES


def _page_lines(data: bytes) -> list[pdf.Line]:
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        return pdf.page_lines(doc[0].get_text("dict"))


def test_headings_alone_under_the_date_cell_do_not_hide_the_grid():
    lines = _page_lines(grid_pdf(footer=False))
    left = [ln for ln in lines if ln.x1 < ENTRY_X]
    dated = [ln for ln in left if "/20" in ln.text]
    # Most lines in the date cell's x-range are headings and a wrapped word, not dates...
    assert len(dated) == 3 and len(left) >= 3 * len(dated)
    # ...but every line beside an entry is one: a grid, not two columns.
    assert pdf.find_gutter(lines) is None


def L(x0, y0, x1, text, height=12):  # noqa: N802 - reads like a table row
    return pdf.Line(x0, y0, x1, y0 + height, text)


def test_a_sidebar_with_some_years_stays_a_column():
    side = ["ada@example.com", "(555) 010-2000", "EDUCATION", "B.Sc. Mathematics", "2014",
            "CERTIFICATIONS", "PMP, 2019", "SKILLS", "Scheduling", "Budgets", "Excel",
            "Negotiation"]
    lines = [L(40, 80 + 14 * i, 150, text) for i, text in enumerate(side)]
    lines += [L(190, 80 + 14 * i, 560, f"main {i} " + "x" * 40) for i in range(30)]
    assert pdf.find_gutter(lines) is not None
    text = pdf.order_lines(lines)
    assert text.index("Negotiation") < text.index("main 0")


def test_a_dates_column_beside_entries_is_read_row_by_row():
    lines = [L(40, 60, 120, "EXPERIENCE")]
    for job in range(3):
        y = 80 + job * 70
        lines.append(L(40, y, 125, f"0{job + 1}/201{job} – 0{job + 1}/201{job + 1}"))
        lines.append(L(140, y, 300, f"Title {job}"))
        lines += [L(140, y + 14 * k, 520, f"• task {job}.{k} " + "x" * 30) for k in (1, 2, 3)]
    # Headings, short lines and a wrapped word outnumber the dates under the date cell.
    for n, text in enumerate(["EDUCATION", "B.A. History", "SKILLS", "Filing, Excel, Payroll, "
                              + "Scheduling, Bookkeeping, Customer service, Data entry,",
                              "Invoicing", "LANGUAGES", "Spanish"]):
        lines.append(L(40, 300 + 16 * n, 520 if "," in text else 110, text))
    assert pdf.find_gutter(lines) is None
    text = pdf.order_lines(lines)
    assert "01/2010 – 01/2011\tTitle 0" in text.splitlines()
    assert text.index("task 2.3") < text.index("EDUCATION")
