"""Why a resume or job description file cannot be read: one error class per reason.

Both readers (``readers`` for the file, ``pdf`` for its pages) raise these; keeping them here
lets each import them without importing the other.
"""

from __future__ import annotations

from mock_interview.errors import ExitCode, MockInterviewError, NotFoundError


class UnreadableFileError(MockInterviewError):
    """The file cannot be read as a resume; subclasses say why. Exit 2 unless stated."""

    exit_code = ExitCode.USAGE


class MissingFileError(NotFoundError, UnreadableFileError):
    """No file at that path (exit 3)."""

    exit_code = ExitCode.NOT_FOUND


class FileAccessError(UnreadableFileError):
    """The file exists but the system refuses to read it, e.g. permissions (exit 1)."""

    exit_code = ExitCode.ERROR


class NotAFileError(UnreadableFileError):
    """A directory, device, pipe or socket instead of a regular file."""


class EmptyFileError(UnreadableFileError):
    """Zero bytes."""


class FileTooLargeError(UnreadableFileError):
    """Over the size limit, or holding more than a resume could (pages, text, links)."""


class UnsupportedFileError(UnreadableFileError):
    """Not a PDF, DOCX or text file (an image, an archive, an executable, ...)."""


class EncryptedFileError(UnreadableFileError):
    """Password-protected."""


class CorruptFileError(UnreadableFileError):
    """Claims to be a PDF or DOCX but is damaged beyond repair."""


class ZipBombError(UnreadableFileError):
    """A DOCX that would expand to far more than any resume."""


class TextEncodingError(UnreadableFileError):
    """Text that is not UTF-8 (with or without BOM) nor UTF-16 with a BOM."""
