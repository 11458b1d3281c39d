"""Generators of resume documents, good and bad, for tests and benches: nothing is checked in.

Every ``make_*`` writes one file and returns its path; ``*_bytes`` return bytes. PDFs are drawn
with PyMuPDF at known coordinates (so column layouts are exact), DOCX files with python-docx
(the ``test`` and ``bench`` extras install it).
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Sequence
from pathlib import Path

HEADER = ("Ada Lovelace", "Software Engineer · London")
LEFT = (
    "EXPERIENCE",
    "Analytical Engines Ltd, 1842-1843",
    "• Wrote the first published program",
    "• Translated and annotated Menabrea",
    "",
    "EDUCATION",
    "Private tutoring in mathematics",
    "• Studied with Augustus De Morgan",
)
RIGHT = (
    "SKILLS",
    "• Python, SQL, Mathematics",
    "• Technical writing",
    "",
    "LANGUAGES",
    "English, French, Italian",
    "",
    "CONTACT",
    "ada@example.com",
)

PAGE_W, PAGE_H = 595, 842  # A4 in points
MARGIN, GUTTER_AT, LEADING = 50, 300, 14


def pdf_from_objects(objects: Sequence[str]) -> bytes:
    """A PDF written by hand from its object bodies (numbered from 1, the first one the
    catalogue), for structures no PDF library writes: page trees that loop, say."""
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode())
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
              .encode())
    return out.getvalue()


def _font_page(doc):
    """A new page with Nimbus Sans embedded as "F1": unlike base-14 Helvetica it has "•"."""
    import pymupdf

    page = doc.new_page(width=PAGE_W, height=PAGE_H)
    page.insert_font(fontname="F1", fontbuffer=pymupdf.Font("helv").buffer)
    return page


def resume_pdf_bytes(
    *,
    header: Sequence[str] = HEADER,
    lines_left: Sequence[str] = LEFT,
    lines_right: Sequence[str] = RIGHT,
    two_column: bool = False,
    links: Sequence[str] = (),
    footer: str | None = None,
    second_page: Sequence[str] = (),
    by_rows: bool = True,
) -> bytes:
    """A resume PDF. Two-column pages are written row by row (``by_rows``), the order that
    interleaves the columns in MuPDF's raw output. ``links`` become link annotations over
    the name only: their URIs are nowhere in the text."""
    import pymupdf

    doc = pymupdf.open()
    page = _font_page(doc)
    y = 70.0
    for index, text in enumerate(header):
        size = 18 if index == 0 else 10
        page.insert_text((MARGIN, y), text, fontname="F1", fontsize=size)
        y += size + 8
    for number, uri in enumerate(links):
        rect = pymupdf.Rect(MARGIN + 20 * number, 52, MARGIN + 20 * number + 18, 72)
        page.insert_link({"kind": pymupdf.LINK_URI, "from": rect, "uri": uri})
    y += LEADING
    if two_column:
        cells = [(MARGIN, y + i * LEADING, t) for i, t in enumerate(lines_left)]
        cells_r = [(GUTTER_AT + 20, y + i * LEADING, t) for i, t in enumerate(lines_right)]
        cells += cells_r
        if by_rows:
            cells.sort(key=lambda c: (c[1], c[0]))
        for x, yy, text in cells:
            if text:
                page.insert_text((x, yy), text, fontname="F1", fontsize=10)
        y += max(len(lines_left), len(lines_right)) * LEADING
    else:
        for text in (*lines_left, "", *lines_right):
            if text:
                page.insert_text((MARGIN, y), text, fontname="F1", fontsize=10)
            y += LEADING
    if footer:
        page.insert_text((MARGIN, y + LEADING), footer, fontname="F1", fontsize=9)
    if second_page:
        page = _font_page(doc)
        for i, text in enumerate(second_page):
            if text:
                page.insert_text((MARGIN, 70 + i * LEADING), text, fontname="F1", fontsize=10)
    data = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    return data


def make_resume_pdf(path: Path, **options) -> Path:
    """Write :func:`resume_pdf_bytes` to ``path``."""
    path.write_bytes(resume_pdf_bytes(**options))
    return path


def make_scanned_pdf(path: Path, pages: int = 1) -> Path:
    """Pages holding only a picture, like a scan without OCR: no text layer at all."""
    import pymupdf

    doc = pymupdf.open()
    image = png_bytes(200, 280)
    for _ in range(pages):
        page = doc.new_page(width=PAGE_W, height=PAGE_H)
        page.insert_image(pymupdf.Rect(40, 40, PAGE_W - 40, PAGE_H - 40), stream=image)
    doc.save(path)
    doc.close()
    return path


def make_encrypted_pdf(path: Path, user_pw: str = "x", owner_pw: str = "y") -> Path:
    """A resume PDF that needs a password to open (AES-256)."""
    import pymupdf

    doc = pymupdf.open(stream=resume_pdf_bytes(), filetype="pdf")
    doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw=user_pw, owner_pw=owner_pw)
    doc.close()
    return path


def make_truncated_pdf(path: Path) -> Path:
    """The first half of a valid resume PDF, as an interrupted download leaves it."""
    data = resume_pdf_bytes(two_column=True)
    path.write_bytes(data[: len(data) // 2])
    return path


def make_corrupt_pdf(path: Path) -> Path:
    """A PDF header followed by bytes that are no PDF at all."""
    garbage = bytes((i * 7919 + 13) % 256 for i in range(4096))
    path.write_bytes(b"%PDF-1.7\n" + garbage)
    return path


def png_bytes(width: int = 16, height: int = 16) -> bytes:
    """A real grey PNG image."""
    import pymupdf

    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, width, height), False)
    pix.clear_with(200)
    return pix.tobytes("png")


def jpeg_bytes(width: int = 16, height: int = 16) -> bytes:
    """A real grey JPEG image."""
    import pymupdf

    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, width, height), False)
    pix.clear_with(120)
    return pix.tobytes("jpeg")


def exe_bytes() -> bytes:
    """The start of a Windows PE executable: "MZ", the DOS header, the DOS stub message."""
    header = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 44
    return header + struct.pack("<I", 0x80) + b"This program cannot be run in DOS mode.\r\r\n$"


def encrypted_office_bytes() -> bytes:
    """What Word saves for a password-protected .docx: an OLE2 file with an EncryptedPackage."""
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    return ole2 + bytes(504) + "EncryptedPackage".encode("utf-16-le") + bytes(32)


def make_file(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def make_plain_zip(path: Path) -> Path:
    """A ZIP archive of text files, not a Word document."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("resume.txt", "Ada Lovelace\n")
        archive.writestr("notes/todo.txt", "apply\n")
    return path


def make_sparse_file(path: Path, size: int) -> Path:
    """A file of ``size`` bytes that takes no disk space (reading it would still take time)."""
    with open(path, "wb") as handle:
        handle.truncate(size)
    return path


# -- DOCX -----------------------------------------------------------------------------------


def add_hyperlink(paragraph, text: str, url: str) -> None:
    """Append an external hyperlink run (python-docx has no public API for one)."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    r_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:t")
    text_element.text = text
    text_element.set(qn("xml:space"), "preserve")
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def resume_docx_bytes(
    paragraphs: Sequence[str] = (*HEADER, "", *LEFT, "", *RIGHT),
    hyperlinks: Sequence[tuple[str, str]] = (),
    header_text: str | None = None,
) -> bytes:
    """A DOCX with one paragraph per string ("" makes an empty paragraph) and, after them, one
    paragraph per (text, url) hyperlink whose URL appears only in the relationships."""
    import docx

    document = docx.Document()
    if header_text:
        document.sections[0].header.paragraphs[0].text = header_text
    for text in paragraphs:
        document.add_paragraph(text)
    for text, url in hyperlinks:
        paragraph = document.add_paragraph("Profile: ")
        add_hyperlink(paragraph, text, url)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_resume_docx(path: Path, paragraphs: Sequence[str] | None = None,
                     hyperlinks: Sequence[tuple[str, str]] = (), **options) -> Path:
    """Write :func:`resume_docx_bytes` to ``path``."""
    if paragraphs is None:
        path.write_bytes(resume_docx_bytes(hyperlinks=hyperlinks, **options))
    else:
        path.write_bytes(resume_docx_bytes(paragraphs, hyperlinks, **options))
    return path


def _docx_members(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(name, archive.read(name)) for name in archive.namelist()]


def make_docx_bomb(path: Path, megabytes: int = 8) -> Path:
    """A valid-looking DOCX whose document.xml is megabytes of spaces: a ratio over 1000."""
    members = _docx_members(resume_docx_bytes(["Ada"]))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members:
            if name == "word/document.xml":
                content = content.replace(b"<w:body>", b"<w:body>" + b" " * (megabytes << 20))
            archive.writestr(name, content)
    return path


def make_docx_declaring_huge_size(path: Path, declared: int = 0xFFFF0000) -> Path:
    """A small DOCX whose ZIP directory claims document.xml expands to ``declared`` bytes."""
    data = bytearray(resume_docx_bytes(["Ada"]))
    _patch_sizes(data, b"word/document.xml", declared)
    path.write_bytes(bytes(data))
    return path


def make_docx_lying_size(path: Path) -> Path:
    """A DOCX whose directory claims document.xml is 10 bytes while it holds far more."""
    data = bytearray(resume_docx_bytes(["Ada Lovelace " * 200]))
    _patch_sizes(data, b"word/document.xml", 10)
    path.write_bytes(bytes(data))
    return path


def _patch_sizes(data: bytearray, member: bytes, size: int) -> None:
    """Overwrite the uncompressed size of ``member`` in its local and central headers."""
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) != -1:  # central directory entries
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46:at + 46 + name_length]) == member:
            struct.pack_into("<I", data, at + 24, size)
            local = struct.unpack_from("<I", data, at + 42)[0]
            struct.pack_into("<I", data, local + 22, size)
        at += 4
