"""The data directory is the owner's alone: database (with -wal/-shm), secret key, uploads; created through the
`kotacerdas` command in a fresh directory, whatever the caller's umask."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

CLI = Path(sys.executable).with_name("kotacerdas")

# Run inside `kotacerdas manage shell`: write through Django while the connection is open, then report the modes
# of every file of the data directory (the -wal and -shm files exist only while a connection is open).
WRITE_AND_LIST = """
import json, os, stat
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.contrib.auth import get_user_model
get_user_model().objects.create_user("pemilik", password="x")
default_storage.save("unggahan/logo.png", ContentFile(b"png"))
modes = {}
for root, dirs, files in os.walk(settings.DATA_DIR):
    if root.startswith(str(settings.STATIC_ROOT)):
        continue
    for name in dirs + files:
        path = os.path.join(root, name)
        modes[os.path.relpath(path, settings.DATA_DIR)] = oct(stat.S_IMODE(os.stat(path).st_mode))
modes["."] = oct(stat.S_IMODE(os.stat(settings.DATA_DIR).st_mode))
print(json.dumps(modes))
"""


def _env(data_dir: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOTACERDAS_") and k != "DATABASE_URL"}
    env["KOTACERDAS_DATA_DIR"] = str(data_dir)
    return env


def _run(*args, data_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(CLI), *args],
        env=_env(data_dir),
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=lambda: os.umask(0o022),  # a usual login umask: group and others could read new files
        check=True,
    )


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> tuple[Path, dict]:
    data_dir = tmp_path_factory.mktemp("kc") / "data"
    _run("manage", "migrate", "--verbosity", "0", data_dir=data_dir)
    out = _run("manage", "shell", "-c", WRITE_AND_LIST, data_dir=data_dir).stdout
    modes = json.loads(out.strip().splitlines()[-1])
    return data_dir, modes


def test_the_database_and_its_wal_files_are_owner_only(fresh):
    _, modes = fresh
    for name in ("kotacerdas.sqlite3", "kotacerdas.sqlite3-wal", "kotacerdas.sqlite3-shm"):
        assert modes.get(name) == "0o600", (name, modes)


def test_the_secret_key_and_the_directory_are_owner_only(fresh):
    _, modes = fresh
    assert modes["secret_key"] == "0o600"
    assert modes["."] == "0o700"


def test_uploads_are_owner_only(fresh):
    _, modes = fresh
    assert modes["media/unggahan/logo.png"] == "0o600"
    assert modes["media"] == "0o700" and modes["media/unggahan"] == "0o700"


def test_nothing_in_the_data_directory_is_open_to_others(fresh):
    _, modes = fresh
    assert {name: mode for name, mode in modes.items() if int(mode, 8) & 0o077} == {}


def test_an_older_world_readable_database_is_narrowed_when_opened(tmp_path):
    data_dir = tmp_path / "data"
    _run("manage", "migrate", "--verbosity", "0", data_dir=data_dir)
    database = data_dir / "kotacerdas.sqlite3"
    database.chmod(0o644)
    (data_dir / "secret_key").chmod(0o600)
    _run("manage", "migrate", "--verbosity", "0", data_dir=data_dir)
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
