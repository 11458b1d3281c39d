"""search tokens: C#, F#, C++, .NET, Node.js and CI/CD indexed as words of their own

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26

Both tokenizers read "C#", "C++" and "C" as the one word "c", "F#" as "f" and "CI/CD" as two
words, so a search for C# found C++ postings first and one for F# matched every posting with a
word starting with f. The indexed text is now lower-cased with those names spelled as plain
words ("csharp", "cplusplus", "fsharp", "dotnet", "nodejs", "cicd"), as
``domain.jobs.search_text`` spells them in every query (a test keeps the two lists equal). The
stored postings are unchanged; only the index text is. Both indexes are rebuilt.
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# (token, word), applied in this order to lower-cased text: domain.jobs.SEARCH_TOKENS.
TOKENS = (
    ("c++", " cplusplus "), ("c#", " csharp "), ("f#", " fsharp "), ("node.js", " nodejs "),
    (".net", " dotnet "), ("ci/cd", " cicd "),
)


def _spelled(expression: str) -> str:
    sql = f"lower({expression})"
    for token, word in TOKENS:
        sql = f"replace({sql}, '{token}', '{word}')"
    return sql


# -- SQLite --------------------------------------------------------------------------------------

def _sqlite_values(row: str, spelled: bool) -> str:
    def text(expression: str) -> str:
        return _spelled(expression) if spelled else expression

    return f"""
    (SELECT search_rowid FROM jobs WHERE id = {row}.id), {text(f"{row}.title")},
    {text(f"(SELECT group_concat(value, ' ') FROM json_each({row}.skills_required))")},
    {text(f"(SELECT group_concat(value, ' ') FROM json_each({row}.requirements))")},
    {text(f"{row}.description")}
    """


def _sqlite_triggers(spelled: bool) -> list[str]:
    return [
        "DROP TRIGGER IF EXISTS jobs_fts_insert",
        "DROP TRIGGER IF EXISTS jobs_fts_update",
        f"""
        CREATE TRIGGER jobs_fts_insert AFTER INSERT ON jobs WHEN new.search_rowid IS NULL BEGIN
            UPDATE jobs SET search_rowid = (SELECT coalesce(max(search_rowid), 0) + 1 FROM jobs)
            WHERE id = new.id;
            INSERT INTO jobs_fts (rowid, title, skills, requirements, description)
            VALUES ({_sqlite_values("new", spelled)});
        END
        """,
        f"""
        CREATE TRIGGER jobs_fts_update
        AFTER UPDATE OF title, skills_required, requirements, description ON jobs BEGIN
            DELETE FROM jobs_fts WHERE rowid = old.search_rowid;
            INSERT INTO jobs_fts (rowid, title, skills, requirements, description)
            VALUES ({_sqlite_values("new", spelled)});
        END
        """,
        "DELETE FROM jobs_fts",
        f"""
        INSERT INTO jobs_fts (rowid, title, skills, requirements, description)
        SELECT {_sqlite_values("j", spelled)} FROM jobs AS j WHERE j.search_rowid IS NOT NULL
        """,
    ]


# -- Postgres ------------------------------------------------------------------------------------

FACETS = ("remote", "experience_level", "job_type", "salary_usd_min", "salary_usd_max")
POSTGRES_FUNCTIONS = [
    f"""
    CREATE FUNCTION job_search_text(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT {_spelled("coalesce(t, '')")} $$
    """,
    # A list's JSON text spelled the same way (the replacements add no quotes or backslashes,
    # so it stays JSON); cheaper per row than unnesting the list into a string.
    """
    CREATE FUNCTION job_search_list(j jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT job_search_text(coalesce(j, '[]'::jsonb)::text)::jsonb $$
    """,
]


def _vector(row: str, spelled: bool) -> str:
    if not spelled:  # as 0005
        return f"""
        setweight(to_tsvector('english', coalesce({row}.title, '')), 'A') ||
        setweight(jsonb_to_tsvector('english', coalesce({row}.skills_required, '[]'::jsonb), '["string"]'), 'B') ||
        setweight(jsonb_to_tsvector('english', coalesce({row}.requirements, '[]'::jsonb), '["string"]'), 'C') ||
        setweight(to_tsvector('english', coalesce({row}.description, '')), 'D')
        """
    return f"""
    setweight(to_tsvector('english', job_search_text({row}.title)), 'A') ||
    setweight(jsonb_to_tsvector('english', job_search_list({row}.skills_required), '["string"]'), 'B') ||
    setweight(jsonb_to_tsvector('english', job_search_list({row}.requirements), '["string"]'), 'C') ||
    setweight(to_tsvector('english', job_search_text({row}.description)), 'D')
    """


def _headline(row: str, spelled: bool) -> str:
    if not spelled:
        return f"""
        setweight(to_tsvector('english', coalesce({row}.title, '')), 'A') ||
        setweight(jsonb_to_tsvector('english', coalesce({row}.skills_required, '[]'::jsonb), '["string"]'), 'B')
        """
    return f"""
    setweight(to_tsvector('english', job_search_text({row}.title)), 'A') ||
    setweight(jsonb_to_tsvector('english', job_search_list({row}.skills_required), '["string"]'), 'B')
    """


def _skill_pairs(row: str, source: str = "") -> str:
    source = f"{source}, " if source else ""
    return (f"SELECT DISTINCT lower(s), {row}.id FROM {source}"
            f"jsonb_array_elements_text(coalesce({row}.skills_required, '[]'::jsonb)) AS s")


def _sync(row: str, source: str, spelled: bool) -> str:
    """0005's trigger body, with the index text spelled (or not, as 0005 wrote it). Spelled,
    the title and skills vector is computed once, for the headline and the search vector both
    (``headline || body`` is the same vector as the four parts joined in order)."""
    from_source = f"FROM {source}" if source else ""
    facets = ", ".join(f"{row}.{c}" for c in FACETS)
    skills = f"INSERT INTO job_skills (skill, job_id) {_skill_pairs(row, source)} ON CONFLICT DO NOTHING;"
    update_facets = ", ".join(f"{c} = EXCLUDED.{c}" for c in FACETS)
    if not spelled:
        return f"""
        INSERT INTO job_search (job_id, search_vector) SELECT {row}.id, {_vector(row, spelled)} {from_source}
        ON CONFLICT (job_id) DO UPDATE SET search_vector = EXCLUDED.search_vector;
        INSERT INTO job_headlines (job_id, headline, {", ".join(FACETS)})
        SELECT {row}.id, {_headline(row, spelled)}, {facets} {from_source}
        ON CONFLICT (job_id) DO UPDATE SET {update_facets}, headline = EXCLUDED.headline;
        {skills}
        """
    body = f"""
    setweight(jsonb_to_tsvector('english', job_search_list({row}.requirements), '["string"]'), 'C') ||
    setweight(to_tsvector('english', job_search_text({row}.description)), 'D')
    """
    return f"""
        WITH indexed AS (
            SELECT {row}.id AS job_id, {_headline(row, spelled)} AS headline, {body} AS body,
                {facets} {from_source}
        ), searched AS (
            INSERT INTO job_search (job_id, search_vector)
            SELECT job_id, headline || body FROM indexed
            ON CONFLICT (job_id) DO UPDATE SET search_vector = EXCLUDED.search_vector
        )
        INSERT INTO job_headlines (job_id, headline, {", ".join(FACETS)})
        SELECT job_id, headline, {", ".join(FACETS)} FROM indexed
        ON CONFLICT (job_id) DO UPDATE SET {update_facets}, headline = EXCLUDED.headline;
        {skills}
    """


def _postgres(spelled: bool) -> list[str]:
    forget_old_skills = f"DELETE FROM job_skills WHERE (skill, job_id) IN ({_skill_pairs('OLD')});"
    bodies = {"job_search_insert": _sync("n", "inserted_jobs AS n", spelled),
              "job_search_update": forget_old_skills + _sync("NEW", "", spelled)}
    functions = [f"""
    CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        {body}
        RETURN NULL;
    END
    $$
    """ for name, body in bodies.items()]
    return functions + [
        f"UPDATE job_search AS s SET search_vector = {_vector('j', spelled)} FROM jobs AS j WHERE j.id = s.job_id",
        f"UPDATE job_headlines AS h SET headline = {_headline('j', spelled)} FROM jobs AS j WHERE j.id = h.job_id",
    ]


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in POSTGRES_FUNCTIONS + _postgres(spelled=True):
            op.execute(statement)
        op.execute("ANALYZE job_search")
        op.execute("ANALYZE job_headlines")
    else:
        for statement in _sqlite_triggers(spelled=True):
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in _postgres(spelled=False):
            op.execute(statement)
        op.execute("DROP FUNCTION job_search_text(text)")
        op.execute("DROP FUNCTION job_search_list(jsonb)")
    else:
        for statement in _sqlite_triggers(spelled=False):
            op.execute(statement)
