"""Backup and restore of a whole installation, and the deletion of one region (issue 11 item 10).

A backup is one zip file (format ``kotacerdas-backup/1``, written owner-only, 0600):

- ``manifest.json``: format, creation time, source database engine, the applied migrations, object counts;
- ``data.json``: every row of every table in Django's serialisation (``dumpdata --natural-foreign``): regions and
  everything in them, users with their password hashes, memberships, document settings with the logo, the edit
  history of every record (simple_history tables), the framework. Left out: sessions (a restore logs everyone
  out), content types and permissions (recreated by ``migrate``; references to them are written as natural keys)
  and login-throttling records;
- ``media/…``: the uploads in the data directory (``MEDIA_ROOT``).

The dump is consistent while the server keeps running and writing: on SQLite it is taken from a copy made with the
online backup API (one read snapshot; writers are not blocked); on PostgreSQL it runs in one REPEATABLE READ, READ
ONLY transaction. The JSON carries no database specifics, so a backup of PostgreSQL restores into SQLite and back.

``restore`` loads a backup into an installation that holds no region and no user; ``replace=True`` first wipes
every table (in the same transaction as the load: if the load fails, the old content is still there). The
reference framework that ``migrate`` installs is replaced by the backup's copy in either case.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connections, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.test.utils import override_settings

from kotacerdas.regions.models import Region

FORMAT = "kotacerdas-backup/1"
#: Not backed up: recreated by migrate (content types, permissions), short-lived (sessions), or login throttling.
EXCLUDED_APPS = ("contenttypes", "sessions", "axes")
EXCLUDED_MODELS = ("auth.permission",)
SNAPSHOT_ALIAS = "kotacerdas_backup_snapshot"


class BackupError(Exception):
    """A backup cannot be written or restored; the message says why (Indonesian / English)."""


@dataclass
class BackupSummary:
    path: Path
    objects: int
    media_files: int
    counts: dict = field(default_factory=dict)


def _excludes() -> list[str]:
    labels = {config.label for config in apps.get_app_configs()}
    return [label for label in EXCLUDED_APPS if label in labels] + [
        label for label in EXCLUDED_MODELS if label.split(".")[0] in labels
    ]


def _applied_migrations(alias: str = "default") -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in sorted(MigrationRecorder(connections[alias]).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def _open_private(path: Path):
    """A new file only its owner may read, created with mode 0600 from the start (no window where it is wider)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
    os.fchmod(fd, 0o600)
    return os.fdopen(fd, "wb")


def _dump(alias: str, out_path: Path) -> None:
    call_command(
        "dumpdata",
        database=alias,
        natural_foreign=True,
        exclude=_excludes(),
        output=str(out_path),
        verbosity=0,
    )


def _dump_consistent(out_path: Path, workdir: Path) -> dict[str, list[str]]:
    """Dump the whole database from one read snapshot; returns the applied migrations of that snapshot."""
    connection = connections["default"]
    if connection.vendor == "sqlite":
        snapshot = workdir / "snapshot.sqlite3"
        source = sqlite3.connect(str(connection.settings_dict["NAME"]), timeout=20)
        target = sqlite3.connect(str(snapshot))
        try:
            source.backup(target)  # all pages in one step: one consistent read of the live database
        finally:
            target.close()
            source.close()
        snapshot_db = dict(connection.settings_dict, NAME=str(snapshot))
        snapshot_db["OPTIONS"] = {
            k: v for k, v in snapshot_db.get("OPTIONS", {}).items() if k != "init_command"
        }
        connections.settings[SNAPSHOT_ALIAS] = snapshot_db
        try:
            _dump(SNAPSHOT_ALIAS, out_path)
            return _applied_migrations(SNAPSHOT_ALIAS)
        finally:
            connections[SNAPSHOT_ALIAS].close()
            del connections[SNAPSHOT_ALIAS]
            connections.settings.pop(SNAPSHOT_ALIAS, None)
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        migrations = _applied_migrations()
        _dump("default", out_path)
        return migrations


def _media_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def backup(path: str | os.PathLike) -> BackupSummary:
    """Write the whole installation to ``path`` (a zip, mode 0600). The file appears complete or not at all."""
    target = Path(path).resolve()
    if not target.parent.is_dir():
        raise BackupError(f"{target.parent}: folder tidak ada / folder does not exist")
    with tempfile.TemporaryDirectory(prefix="kotacerdas-backup-") as tmp:
        work = Path(tmp)
        os.chmod(work, 0o700)
        data = work / "data.json"
        migrations = _dump_consistent(data, work)
        with open(data, "rb") as handle:
            objects = json.load(handle)
        counts: dict[str, int] = {}
        for obj in objects:
            counts[obj["model"]] = counts.get(obj["model"], 0) + 1
        del objects
        media_root = Path(settings.MEDIA_ROOT)
        media = _media_files()
        manifest = {
            "format": FORMAT,
            "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "database": connections["default"].vendor,
            "migrations": migrations,
            "counts": dict(sorted(counts.items())),
            "media": [p.relative_to(media_root).as_posix() for p in media],
        }
        partial = target.with_name(f".{target.name}.partial")
        try:
            with _open_private(partial) as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as zf:
                zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
                zf.write(data, "data.json")
                for file in media:
                    zf.write(file, "media/" + file.relative_to(media_root).as_posix())
            os.replace(partial, target)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    return BackupSummary(target, sum(counts.values()), len(media), counts)


# --- restore ------------------------------------------------------------------------------------------------


def installation_is_empty() -> bool:
    return not Region.objects.exists() and not get_user_model().objects.exists()


def read_manifest(zf: zipfile.ZipFile) -> dict:
    names = set(zf.namelist())
    if "manifest.json" not in names or "data.json" not in names:
        raise BackupError(
            "bukan cadangan kotacerdas (manifest.json/data.json tidak ada) / not a kotacerdas backup"
        )
    try:
        manifest = json.loads(zf.read("manifest.json"))
    except ValueError as exc:
        raise BackupError(f"manifest.json rusak / is damaged: {exc}") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(
            f"format {manifest.get('format') if isinstance(manifest, dict) else '?'!r} tidak dikenal, "
            f"diharapkan / expected {FORMAT}"
        )
    return manifest


def _check_migrations(manifest: dict) -> None:
    """Refuse a backup made by a newer kotacerdas (migrations this code does not know)."""
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = [
        f"{app}.{name}"
        for app, names in (manifest.get("migrations") or {}).items()
        for name in names
        if (app, name) not in known
    ]
    if unknown:
        raise BackupError(
            "cadangan ini dibuat oleh versi kotacerdas yang lebih baru / this backup comes from a newer version "
            f"(unknown migrations: {', '.join(unknown[:5])})"
        )


def _safe_member(name: str) -> PurePosixPath | None:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or len(path.parts) < 2 or path.parts[0] != "media":
        return None
    return PurePosixPath(*path.parts[1:])


def _wipe() -> None:
    """Delete every row of every table (content types and permissions are recreated by flush's post_migrate)."""
    call_command("flush", interactive=False, verbosity=0)


def restore(path: str | os.PathLike, replace: bool = False) -> dict:
    """Load the backup at ``path``; returns its manifest. Refuses a non-empty installation unless ``replace``."""
    source = Path(path)
    if not source.is_file():
        raise FileNotFoundError(path)
    try:
        zf = zipfile.ZipFile(source)
    except zipfile.BadZipFile as exc:
        raise BackupError(f"bukan berkas zip / not a zip file: {exc}") from exc
    with zf, tempfile.TemporaryDirectory(prefix="kotacerdas-restore-") as tmp:
        manifest = read_manifest(zf)
        _check_migrations(manifest)
        call_command("migrate", interactive=False, verbosity=0)
        if not installation_is_empty() and not replace:
            raise BackupError(
                "instalasi ini tidak kosong (sudah ada daerah atau pengguna); pakai --replace untuk menghapus "
                "semuanya lalu memulihkan / this installation is not empty; use --replace to wipe it first"
            )
        work = Path(tmp)
        os.chmod(work, 0o700)
        fixture = work / "data.json"
        with zf.open("data.json") as src, open(fixture, "wb") as dst:
            shutil.copyfileobj(src, dst)
        media = [
            (info, _safe_member(info.filename))
            for info in zf.infolist()
            if info.filename.startswith("media/")
        ]
        if any(rel is None for info, rel in media if not info.is_dir()):
            raise BackupError(
                "cadangan memuat jalur berkas yang tidak aman / the backup holds an unsafe path"
            )
        with transaction.atomic():
            # Always wiped first, also when "empty": migrate installed the reference framework, and the backup
            # brings its own copy of it with its own keys.
            _wipe()
            # The backup carries the history; loading must not add to it (many-to-many fields are set after
            # each row is saved, and simple_history would record each as a new change).
            with override_settings(SIMPLE_HISTORY_ENABLED=False):
                call_command("loaddata", str(fixture), verbosity=0)
        # Cached documents belong to the replaced content (their keys could even recur after the load).
        shutil.rmtree(Path(settings.DATA_DIR) / "cache", ignore_errors=True)
        media_root = Path(settings.MEDIA_ROOT)
        if replace and media_root.is_dir():
            shutil.rmtree(media_root)
        for info, rel in media:
            if info.is_dir() or rel is None:
                continue
            target = media_root / Path(*rel.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(info) as src, open(target, "wb") as dst:
                shutil.copyfileobj(src, dst)
    return manifest


# --- delete one region ----------------------------------------------------------------------------------------


def delete_region(slug: str) -> dict[str, int]:
    """Delete the region ``slug`` and everything in it, in one transaction; returns the deleted rows per model.

    The history of its records stays (simple_history keeps a deletion entry for each), so what was there can still
    be looked up; users stay too (they may hold roles elsewhere), only their membership of this region goes.
    """
    with transaction.atomic():
        region = Region.objects.select_for_update().get(slug=slug)
        _total, per_model = region.delete()
    return per_model
