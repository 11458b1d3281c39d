"""Persistence: SQLModel tables, engine setup (SQLite default, Postgres by URL), migrations, queries.

Importing this package pulls in SQLAlchemy; only commands that touch the database do so.
"""
