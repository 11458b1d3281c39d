"""Resumes: upload, resumes list / show / reparse / delete."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from mock_interview.cli.common import JsonFlag, env_of, examples

if TYPE_CHECKING:
    from mock_interview.cli.env import Env

resumes_app = typer.Typer(
    help="Your uploaded resumes." + examples("mock-interview resumes list"), no_args_is_help=True
)


def render_review(env: Env, resume: Any) -> None:
    """What was extracted, so the person can trust it or fix the file."""
    from rich.markup import escape
    from rich.table import Table

    contact = resume.contact or {}
    head = Table(show_header=False, title=f"Resume {resume.id.hex[:8]} · {escape(resume.filename)}",
                 title_justify="left")
    head.add_column(style="bold")
    head.add_column(overflow="fold")
    for label, key in (("name", "name"), ("email", "email"), ("phone", "phone"), ("location", "location")):
        head.add_row(label, escape(str(contact.get(key) or "—")))
    for link in contact.get("links") or []:
        head.add_row("link", escape(link))
    headline = contact.get("headline")
    if isinstance(headline, dict) and headline.get("title"):
        role = headline["title"] + (f" at {headline['company']}" if headline.get("company") else "")
        head.add_row("headline", escape(role))
    from mock_interview.services.resumes import (
        CERTIFICATION_FAMILY,
        certifications_of,
        experience_summary,
    )

    summary = experience_summary(resume)
    years = resume.total_years_experience
    shown = "—" if years is None else f"{years:g} years"
    if summary["part_time_years"]:
        shown += (f" as recruiters count them: {summary['part_time_years']:g} years of"
                  " internships, part-time and student roles count at half or not at all")
    if summary["new_graduate"]:
        shown += " · new graduate"
    head.add_row("experience", shown)
    certs = certifications_of(resume)
    head.add_row("certifications", escape(", ".join(certs)) if certs else "—")
    env.out.print(head)

    skills = [s for s in resume.skills or []
              if not (isinstance(s, dict) and s.get("family") == CERTIFICATION_FAMILY)]
    if skills:
        families: dict[str, list[str]] = {}
        for item in skills:
            name = item.get("name") if isinstance(item, dict) else str(item)
            family = item.get("family", "other") if isinstance(item, dict) else "other"
            families.setdefault(family or "other", []).append(name)
        table = Table(title=f"Skills ({len(skills)})", title_justify="left", show_header=False)
        table.add_column(style="bold")
        table.add_column(overflow="fold")
        for family, names in sorted(families.items()):
            table.add_row(escape(family), escape(", ".join(names)))
        env.out.print(table)
    if resume.experience:
        table = Table(title="Experience", title_justify="left")
        for name in ("Title", "Company", "From", "To", "Bullets"):
            table.add_column(name, overflow="fold")
        for entry in resume.experience:
            end = "present" if entry.get("current") else entry.get("end") or "—"
            title = entry.get("title") or "—"
            if entry.get("unit"):
                title = f"{title} – {entry['unit']}"
            if entry.get("employment") not in (None, "full-time"):
                title = f"{title} ({entry['employment']})"
            table.add_row(escape(title), escape(entry.get("company") or "—"),
                          entry.get("start") or "—", end, str(len(entry.get("bullets") or [])))
        env.out.print(table)
    if resume.education:
        table = Table(title="Education", title_justify="left")
        for name in ("Degree", "Field", "Institution", "Year"):
            table.add_column(name, overflow="fold")
        for entry in resume.education:
            table.add_row(escape(entry.get("degree") or "—"), escape(entry.get("field") or "—"),
                          escape(entry.get("institution") or "—"), str(entry.get("year") or "—"))
        env.out.print(table)
    for warning in resume.parse_warnings or []:
        env.warn(escape(str(warning)))


def upload(
    ctx: typer.Context,
    path: Annotated[str, typer.Argument(help="A PDF, DOCX or TXT resume, or - to read stdin.")],
    filename: Annotated[str | None, typer.Option("--filename", help="Name to record when reading stdin.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Keep a file that does not look like a resume.")] = False,
    as_json: JsonFlag = False,
) -> None:
    """Upload a resume: parsed locally into contact, skills, education and experience."""
    from mock_interview.errors import UsageError
    from mock_interview.services import resumes

    env = env_of(ctx)
    if path == "-":
        if env.stdin_isatty:
            raise UsageError("nothing on stdin",
                             hint="pipe a file in: cat cv.pdf | mock-interview upload - --filename cv.pdf")
        stream = getattr(env.stdin, "buffer", None)
        from mock_interview.io.limits import read_capped
        from mock_interview.io.readers import MAX_FILE_BYTES

        # Read no more than the limit: a 1.5 GB pipe is refused after 10 MB, not held whole.
        data = (read_capped(stream, MAX_FILE_BYTES, "stdin") if stream is not None
                else env.stdin.read(MAX_FILE_BYTES + 1).encode("utf-8"))
        outcome = resumes.upload(env.app, data, filename or "stdin", force=force)
    else:
        outcome = resumes.upload_path(env.app, path, force=force)
    if outcome.profile_created:
        env.info(f"Created a local profile ({outcome.profile_email}) for your data; "
                 f'rename it any time with: mock-interview register --name "…" --email …')
    resume = outcome.resume
    if as_json:
        env.emit_json({"created": outcome.created, "resume": resumes.resume_json(resume)})
        return
    if outcome.created:
        env.success(f"Uploaded {resume.filename} as resume {resume.id.hex[:8]}")
    else:
        env.info(f"Already uploaded as resume {resume.id.hex[:8]} (same content); showing it.")
    render_review(env, resume)


@resumes_app.command("list")
def resumes_list(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """List your resumes, newest first."""
    from mock_interview.services import resumes

    env = env_of(ctx)
    rows = resumes.list_resumes(env.app)
    if as_json:
        env.emit_json({"total": len(rows), "resumes": [resumes.resume_json(r, full=False) for r in rows]})
        return
    if not rows:
        env.info("No resumes yet. Upload one: mock-interview upload cv.pdf")
        return
    from rich.markup import escape
    from rich.table import Table

    table = Table(title="Resumes", title_justify="left")
    for name in ("Id", "File", "Uploaded", "Skills", "Years"):
        table.add_column(name)
    for r in rows:
        table.add_row(r.id.hex[:8], escape(r.filename), f"{r.created_at:%Y-%m-%d %H:%M}",
                      str(len(r.skills or [])),
                      "" if r.total_years_experience is None else f"{r.total_years_experience:g}")
    env.out.print(table)


@resumes_app.command("show")
def resumes_show(
    ctx: typer.Context,
    resume_id: Annotated[str, typer.Argument(help="Resume id (or its first 8 characters).")],
    as_json: JsonFlag = False,
) -> None:
    """Show what was extracted from one resume."""
    from mock_interview.services import resumes

    env = env_of(ctx)
    resume = resumes.find_resume(env.app, resume_id)
    if as_json:
        env.emit_json({"resume": resumes.resume_json(resume)})
        return
    render_review(env, resume)


@resumes_app.command("reparse")
def resumes_reparse(
    ctx: typer.Context,
    resume_id: Annotated[str, typer.Argument(help="Resume id (or its first 8 characters).")],
    as_json: JsonFlag = False,
) -> None:
    """Parse a stored resume again with this version's parser."""
    from mock_interview.services import resumes

    env = env_of(ctx)
    resume = resumes.reparse(env.app, resume_id)
    if as_json:
        env.emit_json({"resume": resumes.resume_json(resume)})
        return
    env.success(f"Re-parsed resume {resume.id.hex[:8]} (parser {resume.parser_version})")
    render_review(env, resume)


@resumes_app.command("delete")
def resumes_delete(
    ctx: typer.Context,
    resume_id: Annotated[str, typer.Argument(help="Resume id (or its first 8 characters).")],
    as_json: JsonFlag = False,
) -> None:
    """Delete a resume and its stored file. Interviews keep their questions and scores."""
    from mock_interview.services import resumes

    env = env_of(ctx)
    resume = resumes.delete(env.app, resume_id)
    if as_json:
        env.emit_json({"deleted": str(resume.id)})
        return
    env.success(f"Deleted resume {resume.id.hex[:8]} ({resume.filename})")


upload.__doc__ += examples(
    "mock-interview upload cv.pdf", "cat cv.docx | mock-interview upload - --filename cv.docx --json"
)
resumes_list.__doc__ += examples("mock-interview resumes list --json")
resumes_show.__doc__ += examples("mock-interview resumes show 1a2b3c4d")
resumes_reparse.__doc__ += examples("mock-interview resumes reparse 1a2b3c4d")
resumes_delete.__doc__ += examples("mock-interview resumes delete 1a2b3c4d")


def install(app: typer.Typer) -> None:
    app.command()(upload)
    app.add_typer(resumes_app, name="resumes")
