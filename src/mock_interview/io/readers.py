"""Read a resume file (PDF, DOCX or plain text) into text, links and warnings.

The type comes from the content, never the extension. Every check that can refuse a file
(size, type, zip bomb, encryption, encoding) runs before a parser sees it, and every refusal is
an :class:`UnreadableFileError` whose message is one line saying what is wrong and how to fix it.

PyMuPDF is imported inside the functions that use it: importing this module
stays cheap (``mock-interview --help`` must not load them).
"""

from __future__ import annotations

import codecs
import io
import os
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from mock_interview.io import limits  # bounds on the work per document (io/limits.py)
from mock_interview.io.errors import (  # noqa: F401 (re-exported: callers catch them from here)
    CorruptFileError,
    EmptyFileError,
    EncryptedFileError,
    FileAccessError,
    FileTooLargeError,
    MissingFileError,
    NotAFileError,
    TextEncodingError,
    UnreadableFileError,
    UnsupportedFileError,
    ZipBombError,
)

MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "txt": "text/plain",
}

MAX_FILE_BYTES = 10 * 1024 * 1024  # a resume is rarely over 2 MB; this leaves room for photos
MAX_UNZIPPED_BYTES = 50 * 1024 * 1024  # total uncompressed size of a DOCX
MAX_ZIP_RATIO = 100  # per member over 1 MB; Word's XML compresses ~5-20x, bombs ~1000x
MAX_ZIP_MEMBERS = 10_000

_FIX_TYPE = "upload your resume as PDF, DOCX or plain text"


# -- result ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Document:
    """What a resume file holds, in reading order."""

    text: str  # lines separated by "\n", paragraphs/blocks by a blank line
    media_type: str
    kind: str  # "pdf" | "docx" | "txt"
    pages: int  # 1 for docx/txt
    links: list[str] = field(default_factory=list)  # explicit links first, then those in text
    warnings: list[str] = field(default_factory=list)


# -- public API -----------------------------------------------------------------------------


def detect_kind(data: bytes) -> str:
    """Return "pdf", "docx" or "txt" from the content; raise UnreadableFileError otherwise."""
    return _detect(data, "the file")


def read_document(data: bytes, filename: str | None = None) -> Document:
    """Read a resume from bytes; ``filename`` is used in messages and warnings only."""
    name = _shown(filename)
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(name, len(data))
    kind = _detect(data, name)
    warnings = _extension_warnings(filename, kind, name)
    if kind == "pdf":
        from mock_interview.io import pdf

        result = pdf.read_pdf(data, name)
        text, pages, explicit = result.text, result.pages, result.links
        warnings += result.warnings
    elif kind == "docx":
        text, explicit = _read_docx(data, name)
        pages = 1
    else:
        text, explicit, pages = _read_text(data, name), [], 1
    limits.check_resume_text(text, name)  # io/limits.py: bound the parsing work
    if kind != "pdf" and not text:
        warnings.append(f"{name} contains no text")
    return Document(
        text=text,
        media_type=MEDIA_TYPES[kind],
        kind=kind,
        pages=pages,
        links=merge_links(explicit, links_in_text(text)),
        warnings=warnings,
    )


def read_path(path: str | os.PathLike[str]) -> Document:
    """Read a resume file, refusing missing, special and oversized files before reading them."""
    return read_document(read_file_bytes(path), os.fspath(path))


def read_file_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a resume file, refusing missing, special and oversized files first."""
    name = _shown(os.fspath(path))
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise NotAFileError(f"{name} is a directory",
                                hint="give the path of the resume file itself")
        if not stat.S_ISREG(info.st_mode):
            # A FIFO or device could block forever or never end (/dev/zero).
            raise NotAFileError(f"{name} is not a regular file (a device, pipe or socket)",
                                hint="save the resume to a file and give its path")
        if info.st_size > MAX_FILE_BYTES:
            raise _too_large(name, info.st_size)
        with open(path, "rb") as handle:
            # A buffer the file's size, not the cap's: a small file costs what it weighs.
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:  # it grew since stat
                data += handle.read(MAX_FILE_BYTES + 1 - len(data))
    except (FileNotFoundError, NotADirectoryError):
        raise MissingFileError(f"no such file: {name}", hint="check the path") from None
    except PermissionError:
        raise FileAccessError(f"cannot read {name}: permission denied",
                              hint="check the file's permissions") from None
    except IsADirectoryError:
        raise NotAFileError(f"{name} is a directory",
                            hint="give the path of the resume file itself") from None
    except OSError as exc:
        raise FileAccessError(f"cannot read {name}: {_one_line(exc.strerror or str(exc))}",
                              hint="check the file and try again") from None
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(name, len(data))
    return data


# -- detection ------------------------------------------------------------------------------

# Signatures that no resume text starts with; checked before trying to decode text.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x7fELF", "a Linux executable (ELF)"),
    (b"\xcf\xfa\xed\xfe", "a macOS executable (Mach-O)"),
    (b"\xce\xfa\xed\xfe", "a macOS executable (Mach-O)"),
    (b"\xca\xfe\xba\xbe", "a macOS executable or Java class file"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"BZh", "a bzip2 archive"),
    (b"{\\rtf", "an RTF document"),
    (b"%!PS", "a PostScript file"),
)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_ODF = {
    b"application/vnd.oasis.opendocument.text": "an OpenDocument text (.odt)",
    b"application/epub+zip": "an EPUB e-book",
}
_OOXML = {
    "xl/workbook.xml": "an Excel workbook",
    "ppt/presentation.xml": "a PowerPoint presentation",
}


def _detect(data: bytes, name: str) -> str:
    if not data:
        raise EmptyFileError(f"{name} is empty", hint="check that you picked the right file")
    # The PDF spec lets the header sit anywhere in the first 1024 bytes, and MuPDF agrees.
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(_ZIP):
        return _detect_zip(data, name)
    if data.startswith(_OLE2):
        # Word writes a password-protected .docx as an OLE2 container with this stream.
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise EncryptedFileError(
                f"{name} is a password-protected Office document",
                hint="remove the password in Word (File > Info > Protect Document) and upload "
                     "again")
        raise _unsupported(name, "a legacy Word/Office 97-2003 file (.doc)",
                           "open it in Word and save it as .docx or PDF")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return _refuse_binary(name, what)
    what = _binary_kind(data)
    if what:
        return _refuse_binary(name, what)
    _decode_text(data, name)  # raises TextEncodingError or UnsupportedFileError
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")):
        raise _unsupported(name, "an HTML page", "print it to PDF, or save it as plain text")
    return "txt"


def _binary_kind(data: bytes) -> str | None:
    """Name formats whose signature is too weak to trust before other checks."""
    if data.startswith(b"MZ") and b"\x00" in data[2:64]:
        return "a Windows executable (MZ)"
    if data.startswith(b"BM") and data[6:10] == b"\x00\x00\x00\x00":
        return "a BMP image"
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "a WebP image"
    if data[4:8] == b"ftyp":
        if data[8:12] in (b"heic", b"heix", b"mif1", b"avif"):
            return "a HEIC/AVIF image"
        return "a video or audio file"
    if data[257:262] == b"ustar":
        return "a tar archive"
    return None


def _refuse_binary(name: str, what: str) -> str:
    if "image" in what:
        raise _unsupported(name, what, f"{_FIX_TYPE}; a photo or scan needs OCR first")
    raise _unsupported(name, what, _FIX_TYPE)


def _detect_zip(data: bytes, name: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "docx"
            for member, what in _OOXML.items():
                if member in names:
                    raise _unsupported(name, what, "save the resume as DOCX or PDF")
            if "mimetype" in names:
                info = archive.getinfo("mimetype")
                mimetype = archive.read(info).strip() if info.file_size < 200 else b""
                if mimetype in _ODF:
                    raise _unsupported(name, _ODF[mimetype], "save the resume as DOCX or PDF")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
        raise CorruptFileError(
            f"{name} is a damaged ZIP/DOCX file",
            hint="open it in Word and save it again, or export it as PDF") from None
    raise _unsupported(name, "a ZIP archive (not a Word document)",
                       "unzip it and upload the resume inside")


def _unsupported(name: str, what: str, hint: str) -> UnsupportedFileError:
    return UnsupportedFileError(f"{name} is {what}, not a PDF, DOCX or text file", hint=hint)


# -- text -----------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _decode_text(data: bytes, name: str) -> str:
    """Decode UTF-8 (BOM optional) or UTF-16 with a BOM; anything else is refused, not guessed."""
    if data.startswith(codecs.BOM_UTF8):
        encoding, body = "utf-8", data[3:]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding, body = "utf-16", data
    else:
        encoding, body = "utf-8", data
    if encoding == "utf-8" and _utf16_without_bom(data):
        raise TextEncodingError(f"{name} is UTF-16 text without a byte-order mark", hint=_FIX_UTF8)
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding == "utf-16":
            raise TextEncodingError(f"{name} is damaged UTF-16 text", hint=_FIX_UTF8) from None
        if _looks_binary(data):
            raise _unsupported(name, "binary data of an unknown type", _FIX_TYPE) from None
        raise TextEncodingError(
            f"{name} is not UTF-8 text (byte 0x{body[exc.start]:02x} at offset "
            f"{exc.start + len(data) - len(body)}; Latin-1 or Windows-1252?)",
            hint=_FIX_UTF8) from None
    controls = len(_CONTROL.findall(text[:65536]))
    if "\x00" in text or controls > max(8, len(text[:65536]) // 100):
        raise _unsupported(name, "binary data of an unknown type", _FIX_TYPE)
    return text


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    return controls > len(sample) // 20


def _utf16_without_bom(data: bytes) -> bool:
    """Mostly ASCII text in UTF-16 has a NUL in every other byte."""
    sample = data[:4096]
    half = len(sample) // 2
    return half >= 4 and max(sample[0::2].count(0), sample[1::2].count(0)) > 0.6 * half


_FIX_UTF8 = "save it as UTF-8 text (e.g. 'Plain text, UTF-8') and upload again"


def _read_text(data: bytes, name: str) -> str:
    return normalise_text(_decode_text(data, name))


def normalise_text(text: str) -> str:
    """Unix newlines, no trailing spaces, at most one blank line in a row, no control chars."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = text.lstrip("\ufeff")
    text = _CONTROL.sub("", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n")


# -- DOCX -----------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_TEXT_PART = re.compile(r"word/(document|header\d*|footer\d*)\.xml")
_FIELD_LINK = re.compile(r'HYPERLINK\s+"([^"]+)"')


def check_zip(data: bytes, name: str) -> zipfile.ZipFile:
    """Open a DOCX after checking its directory for bombs; nothing is decompressed yet."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
        raise CorruptFileError(f"{name} is a damaged DOCX file",
                               hint="open it in Word and save it again, or export it as PDF"
                               ) from None
    total = sum(member.file_size for member in members)
    ratio = max((member.file_size / max(member.compress_size, 1) for member in members
                 if member.file_size > 1024 * 1024), default=0)
    problem = None
    if total > MAX_UNZIPPED_BYTES:
        problem = (f"would expand to {total / 1024 / 1024:,.0f} MB (the limit is "
                   f"{MAX_UNZIPPED_BYTES // 1024 // 1024} MB)")
    elif ratio > MAX_ZIP_RATIO:
        problem = f"holds a part compressed {ratio:,.0f} to 1"
    elif len(members) > MAX_ZIP_MEMBERS:
        problem = f"holds {len(members):,} parts"
    if problem:
        archive.close()
        raise ZipBombError(f"{name} {problem}, unlike any Word document (a zip bomb?)",
                           hint="open it in Word and save it again, or export it as PDF")
    if any(member.flag_bits & 0x1 for member in members):
        archive.close()
        raise EncryptedFileError(f"{name} is encrypted",
                                 hint="remove the password and upload again")
    return archive


def _read_docx(data: bytes, name: str) -> tuple[str, list[str]]:
    import xml.etree.ElementTree as ET

    damaged = CorruptFileError(f"{name} is a damaged DOCX file",
                               hint="open it in Word and save it again, or export it as PDF")
    with check_zip(data, name) as archive:
        text_parts = [m for m in archive.infolist() if _TEXT_PART.fullmatch(m.filename)]
        # Sizes from the directory, before inflating: reading stops at them (a part whose
        # data runs longer fails its CRC check), so they bound the work.
        limits.check_docx_xml({m.filename: m.file_size for m in text_parts}, name)
        try:
            parts = {m.filename: archive.read(m) for m in text_parts}
            rels = {n: archive.read(n) for n in archive.namelist()
                    if n.startswith("word/_rels/") and n.endswith(".xml.rels")}
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError,
                NotImplementedError):
            raise damaged from None  # includes a CRC mismatch from sizes that lie
    # Word never writes a DTD; one in a DOCX can only be an entity-expansion attack.
    if any(b"<!DOCTYPE" in xml or b"<!ENTITY" in xml for xml in (*parts.values(), *rels.values())):
        raise damaged
    try:
        text = _docx_text(parts, ET)
        limits.check_resume_text(text, name)  # before the XML is parsed again for links
        links = _docx_links(parts, rels, ET)
    except (ET.ParseError, zipfile.BadZipFile, zlib.error, KeyError, ValueError, EOFError,
            OSError, NotImplementedError):
        raise damaged from None
    return normalise_text(text), links


_CONTACT_RE = re.compile(r"@|https?://|www\.|\+?\d[\d ().-]{7,}\d")


def _docx_text(parts: dict[str, bytes], ET) -> str:
    """The document's text: headers first, then the body, paragraphs and table cells in order,
    one paragraph per line with a blank line between. A paragraph Word numbers or bullets
    (``w:numPr``, or a list style) gets a "• " in front, since the glyph is not in its text.
    Footers are kept only when they carry contact details; page furniture (a name and a page
    number on every page) is not content."""
    blocks: list[str] = []
    headers = sorted(n for n in parts if "/header" in n)
    footers = sorted(n for n in parts if "/footer" in n)
    for name in headers:
        blocks += _docx_blocks(ET.fromstring(parts[name]))
    for name in footers:
        found = _docx_blocks(ET.fromstring(parts[name]))
        blocks += [b for b in found if _CONTACT_RE.search(b)]
    if "word/document.xml" in parts:
        blocks += _docx_blocks(ET.fromstring(parts["word/document.xml"]))
    return "\n\n".join(b for b in blocks if b.strip())


def _docx_blocks(root) -> list[str]:  # type: ignore[no-untyped-def]
    out: list[str] = []

    def walk(element) -> None:  # type: ignore[no-untyped-def]
        for child in element:
            if child.tag == f"{_W}p":
                out.append(_docx_paragraph(child))
            elif child.tag == f"{_W}tbl":
                for row in child.iter(f"{_W}tr"):
                    for cell in row.findall(f"{_W}tc"):
                        walk(cell)
            elif child.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}body", f"{_W}hdr",
                               f"{_W}ftr", f"{_W}customXml", f"{_W}txbxContent"):
                walk(child)

    walk(root)
    return out


_LIST_STYLE_RE = re.compile(r"list|bullet", re.I)


def _docx_paragraph(p) -> str:  # type: ignore[no-untyped-def]
    pieces: list[str] = []
    for run in p.iter(f"{_W}r"):  # runs, also inside hyperlinks and fields
        for node in run:
            if node.tag == f"{_W}t" and node.text:
                pieces.append(node.text)
            elif node.tag == f"{_W}tab":
                pieces.append("\t")
            elif node.tag in (f"{_W}br", f"{_W}cr"):
                pieces.append("\n")
    props = p.find(f"{_W}pPr")
    listed = False
    if props is not None:
        style = props.find(f"{_W}pStyle")
        listed = props.find(f"{_W}numPr") is not None or bool(
            style is not None and _LIST_STYLE_RE.search(style.get(f"{_W}val", "")))
    text = "".join(pieces)
    if listed and text.strip() and not text.lstrip().startswith(("•", "-", "*", "–", "·")):
        text = "• " + text.lstrip()
    return text


def _docx_links(parts: dict[str, bytes], rels: dict[str, bytes], ET) -> list[str]:
    """External hyperlinks in document order (body, then headers and footers), then the rest."""
    found: list[str] = []
    for part in sorted(parts, key=lambda n: (n != "word/document.xml", n)):
        rel_name = part.replace("word/", "word/_rels/", 1) + ".rels"
        targets = {}
        if rel_name in rels:
            for rel in ET.fromstring(rels[rel_name]).iter(_REL):
                if rel.get("TargetMode") == "External" and rel.get("Type", "").endswith(
                        "/hyperlink"):
                    targets[rel.get("Id")] = rel.get("Target", "")
        for element in ET.fromstring(parts[part]).iter():
            if element.tag == f"{_W}hyperlink" and element.get(_R_ID) in targets:
                found.append(targets[element.get(_R_ID)])
            elif element.tag == f"{_W}instrText" and element.text:
                found += _FIELD_LINK.findall(element.text)
            elif element.tag == f"{_W}fldSimple":
                found += _FIELD_LINK.findall(element.get(f"{_W}instr", ""))
        found += targets.values()  # relationships not referenced from the text (kept anyway)
    return merge_links(found)


# -- links ----------------------------------------------------------------------------------

_SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:", "ftp://")
_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'`]+"
    r"|\b(?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|me|ai|co|app|page|site|xyz|tech|info|eu|uk|de)"
    r"/[^\s<>\"'`]*",
    re.IGNORECASE,
)
_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


def links_in_text(text: str) -> list[str]:
    """URLs and email addresses in text, as URIs (https:// added to www., mailto: to emails)."""
    found: list[tuple[int, str]] = []
    masked = list(text)
    for match in _URL.finditer(text):
        url = _trim_url(match.group())
        found.append((match.start(), url if "://" in url else f"https://{url}"))
        masked[match.start():match.end()] = " " * (match.end() - match.start())
    for match in _EMAIL.finditer("".join(masked)):
        found.append((match.start(), f"mailto:{match.group().rstrip('.')}"))
    return [uri for _, uri in sorted(found)]


def _trim_url(url: str) -> str:
    """Drop punctuation that ends the sentence, not the URL (keeps wiki-style balanced parens)."""
    while url and (url[-1] in ".,;:!?]}'\""
                   or url[-1] == ")" and url.count(")") > url.count("(")):
        url = url[:-1]
    return url


def merge_links(*groups: list[str]) -> list[str]:
    """Concatenate, keep safe schemes only, and drop repeats (ignoring scheme, case, end slash)."""
    seen: set[str] = set()
    merged: list[str] = []
    for group in groups:
        for uri in group:
            uri = _CONTROL.sub("", uri).strip()
            if not uri.lower().startswith(_SAFE_SCHEMES) or len(uri) > 2048:
                continue  # javascript:, file:, internal anchors: not a link a person shares
            key = re.sub(r"^(https?://|mailto:)", "", uri, flags=re.IGNORECASE).rstrip("/").lower()
            if key not in seen:
                seen.add(key)
                merged.append(uri)
    return merged


# -- helpers --------------------------------------------------------------------------------

_EXTENSION_KIND = {".pdf": "pdf", ".docx": "docx", ".doc": "docx", ".txt": "txt", ".md": "txt",
                   ".text": "txt"}
_KIND_NAME = {"pdf": "a PDF", "docx": "a Word document", "txt": "plain text"}


def _extension_warnings(filename: str | None, kind: str, name: str) -> list[str]:
    expected = _EXTENSION_KIND.get(Path(filename).suffix.lower()) if filename else None
    if expected and expected != kind:
        return [f"{name} is named like {_KIND_NAME[expected]} but contains {_KIND_NAME[kind]}; "
                f"read it as {_KIND_NAME[kind]}"]
    return []


def _too_large(name: str, size: int) -> FileTooLargeError:
    return FileTooLargeError(
        f"{name} is {size / 1024 / 1024:.1f} MB; the limit is {MAX_FILE_BYTES // 1024 // 1024} MB",
        hint="upload a smaller file (compress its images, or export the resume as DOCX or text)")


def _one_line(text: str) -> str:
    return " ".join(_CONTROL.sub(" ", text).split())


def _shown(filename: str | None) -> str:
    """A file name fit for a one-line message: no control characters, not absurdly long."""
    if not filename:
        return "the file"
    shown = _one_line(str(filename).replace("\n", " ").replace("\t", " ")) or "the file"
    return shown if len(shown) <= 120 else f"{shown[:58]}...{shown[-58:]}"
