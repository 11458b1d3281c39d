"""Private files written atomically, and the version stamp of JSON documents the tool writes.

The lowest layer: it imports nothing of the project, so config, store, services and the CLI
all use it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

PRIVATE_FILE_MODE = 0o600
JSON_VERSION = 1  # the "json_version" of every JSON document and JSON line the tool prints


def versioned(document: Mapping[str, Any]) -> dict[str, Any]:
    """``document`` with ``json_version`` first."""
    return {"json_version": JSON_VERSION, **document}


@contextlib.contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """A new empty private file beside ``target`` to write; when the block ends without an
    error it replaces ``target`` in one rename (a crash leaves the old file whole), otherwise
    it is removed."""
    import tempfile  # not at import time: config imports this module, and --help config

    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)  # mkstemp makes it 0600
    temporary = Path(name)
    try:
        yield temporary
        os.chmod(temporary, PRIVATE_FILE_MODE)  # in case the writer recreated it
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def write_private(target: Path, data: bytes | str) -> None:
    """Write ``data`` (text as UTF-8) to ``target`` atomically with mode 0600, synced to disk.
    Raises OSError; callers word it."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with replacing(target) as temporary, temporary.open("wb") as handle:
        handle.write(payload)
        handle.flush()
        os.fsync(handle.fileno())
