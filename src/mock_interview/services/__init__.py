"""Use cases: each function takes an AppContext, does one thing, and returns plain data."""
