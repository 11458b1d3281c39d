"""Typer commands: parse options, call services, render with Rich. Nothing else lives here."""
