"""The data directory is the owner's alone: the SQLite database with its -wal/-shm files, the secret key and the
uploads hold password hashes and every region's drafts.

The ``kotacerdas`` command sets the process umask to 077 (new files 600, new directories 700); this module also
narrows the SQLite files whenever a connection opens, so a database created by another entry point (a WSGI server
started without the command, an older installation) is narrowed too.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from django.db.backends.signals import connection_created

OWNER_ONLY_UMASK = 0o077


def restrict_umask() -> None:
    os.umask(OWNER_ONLY_UMASK)


def owner_only(path: Path) -> None:
    """Remove group and other permissions from ``path`` if it exists and is ours."""
    try:
        mode = path.stat().st_mode
        if mode & 0o077:
            path.chmod(stat.S_IMODE(mode) & 0o700)
    except (FileNotFoundError, PermissionError):
        pass


def _on_connection(sender, connection, **kwargs) -> None:
    if connection.vendor != "sqlite":
        return
    name = str(connection.settings_dict.get("NAME") or "")
    if not name or name == ":memory:" or name.startswith("file:"):
        return
    for suffix in ("", "-wal", "-shm", "-journal"):
        owner_only(Path(name + suffix))


def connect() -> None:
    connection_created.connect(_on_connection, dispatch_uid="kotacerdas-owner-only-sqlite")
