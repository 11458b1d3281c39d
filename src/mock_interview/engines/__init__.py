"""Question writing and grading engines: the embedded offline engine and the OpenAI-compatible one.

Both implement one small interface chosen by configuration (``auto | offline | openai``).
"""
