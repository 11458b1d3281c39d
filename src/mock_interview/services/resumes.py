"""Resumes: upload (read, parse locally, store), list, show, reparse, delete."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mock_interview.config import ensure_private_dir
from mock_interview.errors import MockInterviewError, NotFoundError, UsageError
from mock_interview.services.context import AppContext

EXTENSIONS = {"pdf": ".pdf", "docx": ".docx", "txt": ".txt"}


@dataclass
class UploadOutcome:
    resume: Any
    created: bool  # False when the same file was uploaded before
    profile_created: bool
    profile_email: str


def _store_file(ctx: AppContext, data: bytes, digest: str, kind: str) -> Path:
    """Copy the upload into the private data dir under its content hash (idempotent)."""
    directory = ensure_private_dir(ctx.paths.resumes_dir)
    target = directory / f"{digest}{EXTENSIONS.get(kind, '')}"
    if target.exists():
        return target
    from mock_interview.io.files import write_private

    try:
        write_private(target, data)
    except OSError as exc:
        raise MockInterviewError(f"cannot store the resume in {directory}: {exc.strerror}") from exc
    return target


def _parse(document: Any) -> Any:
    from mock_interview.domain.resume.parser import parse_resume

    return parse_resume(document.text, links=document.links)


CERTIFICATION_FAMILY = "certification"


def _apply(resume: Any, document: Any, parsed: Any) -> None:
    data = parsed.to_json()
    resume.extracted_text = document.text
    resume.media_type = document.media_type
    # The role under the name ("Payroll Analyst at Northwind") is part of how the person
    # introduces themselves, so it travels with the contact details.
    resume.contact = {**data["contact"], "headline": data["headline"]}
    # Certifications travel with the skills (family "certification"), so matching and the
    # interview planner see them without a column of their own.
    resume.skills = data["skills"] + [
        {"name": name, "family": CERTIFICATION_FAMILY, "source": "certifications",
         "evidence": name} for name in data["certifications"]]
    resume.education = data["education"]
    resume.experience = data["experience"]
    resume.sections = data["sections"]
    resume.total_years_experience = data["total_years_experience"]
    resume.parse_warnings = list(document.warnings) + list(data["warnings"])
    resume.parser_version = data["parser_version"]


def upload(ctx: AppContext, data: bytes, filename: str, *, force: bool = False) -> UploadOutcome:
    """Read and parse a resume; nothing is stored unless all of it succeeds. Text that has
    nothing a resume has (no section, no dated entry, no contact) is refused unless ``force``."""
    from sqlmodel import select

    from mock_interview.io.readers import read_document
    from mock_interview.services import profiles
    from mock_interview.store.models import Resume

    document = read_document(data, filename)  # refuses bad files before anything is written
    if not document.text.strip():
        reason = "has no text layer (a scan?)" if document.kind == "pdf" else "contains no text"
        raise UsageError(f"{filename} {reason}; nothing was extracted",
                         hint="export it from your editor as PDF or DOCX with text, or OCR it first")
    profile, profile_created = profiles.ensure_profile(ctx)
    user_id = uuid.UUID(profile.id)
    digest = hashlib.sha256(data).hexdigest()
    with ctx.database().session() as session:
        existing = session.exec(select(Resume).where(Resume.user_id == user_id,
                                                     Resume.content_hash == digest)).first()
    if existing is not None:
        return UploadOutcome(existing, False, profile_created, profile.email)
    parsed = _parse(document)
    if not force and not parsed.looks_like_resume():
        raise UsageError(
            f"{filename} does not look like a resume: no sections, no dated roles and no "
            "contact details were found",
            hint="upload your resume, or add --force to keep this file anyway")
    path = _store_file(ctx, data, digest, document.kind)
    resume = Resume(user_id=user_id, filename=Path(filename).name[:500], file_path=str(path),
                    content_hash=digest)
    _apply(resume, document, parsed)
    import sqlalchemy as sa

    try:
        with ctx.database().session() as session:
            session.add(resume)
    except sa.exc.IntegrityError:  # the same file uploaded concurrently
        with ctx.database().session() as session:
            resume = session.exec(select(Resume).where(Resume.user_id == user_id,
                                                       Resume.content_hash == digest)).one()
        return UploadOutcome(resume, False, profile_created, profile.email)
    return UploadOutcome(resume, True, profile_created, profile.email)


def upload_path(ctx: AppContext, path: str, *, force: bool = False) -> UploadOutcome:
    from mock_interview.io.readers import read_file_bytes

    # Missing, special and oversized files are refused before reading; the content is read
    # (and checked) once, by upload.
    return upload(ctx, read_file_bytes(path), Path(path).name, force=force)


def list_resumes(ctx: AppContext, user_id: uuid.UUID | None = None) -> list[Any]:
    """The resumes of ``user_id`` (default: the active profile), newest first."""
    from sqlmodel import select

    from mock_interview.services import profiles
    from mock_interview.store.models import Resume

    if user_id is None:
        user_id = uuid.UUID(profiles.current(ctx).id)
    with ctx.database().session() as session:
        return list(session.exec(select(Resume).where(Resume.user_id == user_id)
                                 .order_by(Resume.created_at.desc())).all())


def find_resume(ctx: AppContext, key: str, user_id: uuid.UUID | None = None) -> Any:
    key = key.strip().lower().replace("-", "")
    matches = [r for r in list_resumes(ctx, user_id) if r.id.hex.startswith(key)] if len(key) >= 4 else []
    if not matches:
        raise NotFoundError(f"no resume {key!r} in your profile", hint="see mock-interview resumes list")
    if len(matches) > 1:
        raise UsageError(f"{key!r} matches {len(matches)} resumes; give more of the id")
    return matches[0]


def reparse(ctx: AppContext, key: str) -> Any:
    """Parse the stored file again with this version's parser."""
    from mock_interview.io.readers import read_document
    from mock_interview.store.models import Resume

    resume = find_resume(ctx, key)
    try:
        data = Path(resume.file_path).read_bytes()
    except OSError as exc:
        raise NotFoundError(f"the stored file for resume {resume.id.hex[:8]} is missing",
                            hint="upload the file again") from exc
    document = read_document(data, resume.filename)
    parsed = _parse(document)
    with ctx.database().session() as session:
        stored = session.get(Resume, resume.id)
        _apply(stored, document, parsed)
        session.add(stored)
    return stored


def delete(ctx: AppContext, key: str) -> Any:
    from sqlmodel import select

    from mock_interview.store.models import Resume

    resume = find_resume(ctx, key)
    with ctx.database().session() as session:
        session.delete(session.get(Resume, resume.id))
        others = session.exec(select(Resume.id).where(Resume.file_path == resume.file_path,
                                                      Resume.id != resume.id)).first()
    if others is None:
        Path(resume.file_path).unlink(missing_ok=True)
    return resume


def certifications_of(resume: Any) -> list[str]:
    return [s["name"] for s in resume.skills or []
            if isinstance(s, dict) and s.get("family") == CERTIFICATION_FAMILY]


def experience_summary(resume: Any) -> dict[str, Any]:
    """Years as a recruiter counts them, from the stored roles: the total (full-time in
    full, internships and part-time roles at half, student jobs not at all), the years of
    internships, part-time and student roles apart, and whether this is a new graduate."""
    from datetime import date

    from mock_interview.domain.resume.dates import merged_years

    today = date.today()
    now = today.year * 12 + today.month  # a current role runs to this month
    spans = []
    for entry in resume.experience or []:
        if not isinstance(entry, dict) or entry.get("employment", "full-time") == "full-time":
            continue
        start = _month(entry.get("start"))
        end = _month(entry.get("end"), end=True)
        if start is not None and (end is not None or entry.get("current")):
            spans.append((start, end if end is not None else max(now, start + 1)))
    return {
        "total_years": resume.total_years_experience,
        "part_time_years": merged_years(spans) if spans else None,
        "new_graduate": _new_graduate(resume),
    }


def _month(value: Any, *, end: bool = False) -> int | None:
    if not isinstance(value, str) or not value[:4].isdigit():
        return None
    year = int(value[:4])
    month = int(value[5:7]) if len(value) >= 7 and value[5:7].isdigit() else (12 if end else 1)
    return year * 12 + month - (0 if end else 1)


def _new_graduate(resume: Any) -> bool:
    from datetime import date

    years = [e.get("year") for e in resume.education or [] if isinstance(e, dict)]
    latest = max((y for y in years if isinstance(y, int)), default=None)
    full = [e for e in resume.experience or []
            if isinstance(e, dict) and e.get("employment", "full-time") == "full-time"]
    today = date.today().year
    return bool(latest is not None and today - 1 <= latest <= today + 1 and not any(
        (_month(e.get("start")) or 0) < (_month(e.get("end"), end=True) or today * 12) - 12
        for e in full))


def resume_json(resume: Any, *, full: bool = True) -> dict[str, Any]:
    data = {
        "id": str(resume.id), "filename": resume.filename, "created_at": resume.created_at.isoformat(),
        "content_hash": resume.content_hash, "media_type": resume.media_type,
        "parser_version": resume.parser_version,
        "total_years_experience": resume.total_years_experience,
        "skills": [s.get("name") if isinstance(s, dict) else s for s in resume.skills or []
                   if not (isinstance(s, dict) and s.get("family") == CERTIFICATION_FAMILY)],
        "certifications": certifications_of(resume),
    }
    if full:
        data.update({
            "file_path": resume.file_path, "contact": resume.contact, "skill_mentions": resume.skills,
            "education": resume.education, "experience": resume.experience,
            "warnings": resume.parse_warnings or [], "extracted_text": resume.extracted_text,
            "experience_summary": experience_summary(resume),
        })
    return data
