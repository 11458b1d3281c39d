"""Question writing and grading engines: the embedded offline engine and the OpenAI-compatible one.

Each implements the interface in ``base.py`` and declares its capabilities there; ``registry.py``
maps the names configuration chooses from (``auto`` or a registered engine) to the classes.
"""
