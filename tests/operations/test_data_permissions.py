"""The SQLite database holds password hashes: it is created owner-only (0600), its WAL files too, and an existing
world-readable database is tightened at start (issue 11 item 10)."""

from __future__ import annotations

import os
import stat

from tests.concurrency.harness import Installation

MODES_WHILE_OPEN = """
import os, stat
from django.contrib.auth.models import User
from django.db import connection
User.objects.create(username="modes")  # a write: the -wal and -shm files exist while the connection is open
base = str(connection.settings_dict["NAME"])
RESULT = {
    suffix: stat.S_IMODE(os.stat(base + suffix).st_mode)
    for suffix in ("", "-wal", "-shm") if os.path.exists(base + suffix)
}
"""


def test_sqlite_database_and_wal_files_are_owner_only(tmp_path):
    inst = Installation(tmp_path / "data", database_url="")
    old = os.umask(0o022)
    try:
        inst.cli("manage", "migrate", "--verbosity", "0")
        db = tmp_path / "data" / "kotacerdas.sqlite3"
        assert stat.S_IMODE(db.stat().st_mode) == 0o600
        os.chmod(db, 0o644)  # as created by an earlier version
        modes = inst.django(MODES_WHILE_OPEN)
        assert modes == {"": 0o600, "-wal": 0o600, "-shm": 0o600}
    finally:
        os.umask(old)
