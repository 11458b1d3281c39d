"""A parsed resume stored directly (as upload would store it), for interviews in tests and benches."""

from __future__ import annotations

PARSED_RESUME = {
    "filename": "sam-rivera.pdf",
    "skills": [{"name": n, "family": "x", "source": "skills-section", "evidence": n.lower()}
               for n in ("Python", "Django", "PostgreSQL", "Docker", "Redis", "Git", "REST APIs")],
    "experience": [
        {"title": "Backend Developer", "company": "Harbor Freight Tech", "location": "Leeds",
         "start": "2021-03", "end": None, "current": True,
         "bullets": ["Cut checkout API latency by 40% by adding Redis caching",
                     "Led the migration of 12 services to Docker"]},
        {"title": "Junior Developer", "company": "Moss & Lane", "location": "York",
         "start": "2019-01", "end": "2021-02", "current": False,
         "bullets": ["Built internal reporting tools in Django"]},
    ],
    "education": [{"degree": "BSc", "field": "Computer Science", "institution": "University of Leeds",
                   "year": 2018, "start_year": 2015}],
    "contact": {"name": "Sam Rivera", "email": "sam@example.com", "location": "Leeds, UK"},
    "sections": {"projects": "Open-source rate limiter for Django\nHome energy dashboard"},
    "total_years_experience": 5.8,
}


def store_resume(database_url: str | None, email: str = "sam@example.com", name: str = "Sam Rivera"):
    """Register (or log in) ``email`` and store :data:`PARSED_RESUME` as their resume."""
    from sqlmodel import select

    from mock_interview.services import profiles
    from mock_interview.services.context import AppContext
    from mock_interview.store.models import Resume, User

    ctx = AppContext.create(database_url=database_url)
    try:
        profiles.register(ctx, name, email)
    except Exception:  # already there
        profiles.login(ctx, email)
    with ctx.database().session() as session:
        user = session.exec(select(User).where(User.email == email)).one()
        data = dict(PARSED_RESUME)
        resume = Resume(user_id=user.id, file_path="-", content_hash=email, extracted_text="…",
                        **data)
        session.add(resume)
    ctx.close()
    return resume
