"""Fixtures the tests and the benches share: nothing in the product imports this package.

- ``environment``: an isolated home and the environment for child processes;
- ``llm_server``: a scripted OpenAI-compatible HTTP server on 127.0.0.1;
- ``documents``: resume PDFs, DOCX files and broken files, generated (python-docx for DOCX);
- ``interviews``: a parsed resume stored as upload would store it;
- ``postgres``: a fresh schema per run on a shared server;
- ``grading``: items graded through the installed ``grade --input``.

No pytest here: ``pip install 'mock-interview[bench]'`` is enough for every script in bench/.
"""
