"""Master plan documents built once per workspace version and kept in the data directory (issue 11 item 6).

Building the Katingan plan takes seconds of CPU (analysis, prioritisation, charts); it used to run on every download,
inside the web worker. Now:

- **Version.** :func:`workspace_version` is a fingerprint of the database: for every table of the kotacerdas apps,
  the live tables and their history tables alike, the number of rows and the highest primary key, read in one
  ``UNION ALL`` query (a few milliseconds). Every change a user can make adds a history row (simple_history records
  each insert, update and delete, many-to-many changes included), so the history tables' counts move with every
  edit, and counting rather than taking the highest id alone also sees a PostgreSQL transaction that commits an
  older id late. The few tables without history (the framework, ignored pairings) are created and deleted only,
  which their counts and highest keys show. The fingerprint is global, not per region: a change in one region
  also renews the others' documents, which costs a rebuild but can never serve a stale one. The key also holds the
  date (the cover prints it), the format and the kotacerdas version.
- **One build per version.** The file is ``<data dir>/cache/masterplan/<region>-<fmt>-<key>.<fmt>``, written under a
  temporary name and renamed into place, so a file that exists is complete. A request that finds no file starts
  the build in a background thread and gets a progress page; requests for the same version share it: an in-process
  registry for the threads of one worker, and an ``flock`` on ``<name>.lock`` across gunicorn's worker processes
  (a process that cannot take the lock leaves the build to the one holding it). A lock held by a process that died
  is released by the kernel, so the next request builds again.
- **Inside a transaction** (``ATOMIC_REQUESTS``, a test's transaction) a request may see data not committed yet:
  the view then builds in place and caches nothing (:func:`render_uncached`). Web requests run in autocommit.
- **Failures** are kept in ``<name>.error`` and shown on the progress page, which then stops refreshing; the
  "try again" link removes the error.
- ``builds.log`` in the cache folder gets one line per finished build (time, file, seconds): the tests count builds
  across processes with it, and it tells an operator how long builds take.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import importlib.metadata
import json
import logging
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connections
from django.utils import translation

from kotacerdas.masterplan import render_common
from kotacerdas.masterplan.builder import build
from kotacerdas.regions.models import Region

APPS = ("framework", "regions", "assessment", "actionplan", "masterplan")

_registry: dict[str, threading.Thread] = {}
_registry_lock = threading.Lock()
_fingerprint_sql: str | None = None


def cache_dir() -> Path:
    path = Path(settings.DATA_DIR) / "cache" / "masterplan"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def _sql() -> str:
    global _fingerprint_sql
    if _fingerprint_sql is None:
        quote = connections["default"].ops.quote_name
        parts = []
        for model in apps.get_models():
            if model._meta.app_label not in APPS or not model._meta.managed or model._meta.proxy:
                continue
            table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
            parts.append(f"SELECT '{model._meta.label}', COUNT(*), MAX({pk}) FROM {table}")
        _fingerprint_sql = " UNION ALL ".join(sorted(parts))
    return _fingerprint_sql


def workspace_version() -> str:
    """A digest that changes whenever any record of any region (or the framework) changes."""
    with connections["default"].cursor() as cursor:
        cursor.execute(_sql())
        rows = sorted(
            (label, count, top if top is None else int(top)) for label, count, top in cursor.fetchall()
        )
    return hashlib.sha256(json.dumps(rows).encode()).hexdigest()


def _package_version() -> str:
    try:
        return importlib.metadata.version("kotacerdas")
    except Exception:  # noqa: BLE001 - running from a checkout without metadata
        return "dev"


@dataclass(frozen=True)
class Entry:
    """The cached document of one region, format and workspace version."""

    region_id: int
    slug: str
    fmt: str
    key: str

    @property
    def name(self) -> str:
        return f"{self.region_id}-{self.fmt}-{self.key}"

    @property
    def path(self) -> Path:
        return cache_dir() / f"{self.name}.{self.fmt}"

    @property
    def lock_path(self) -> Path:
        return cache_dir() / f"{self.name}.lock"

    @property
    def error_path(self) -> Path:
        return cache_dir() / f"{self.name}.error"

    def ready(self) -> bool:
        return self.path.is_file()

    def error(self) -> str | None:
        try:
            return self.error_path.read_text(encoding="utf-8")
        except OSError:
            return None

    def clear_error(self) -> None:
        self.error_path.unlink(missing_ok=True)


def entry_for(region, fmt: str) -> Entry:
    if fmt not in render_common.FORMATS:
        raise ValueError(fmt)
    today = dt.date.today().isoformat()
    material = json.dumps([_package_version(), today, region.pk, region.slug, fmt, workspace_version()])
    return Entry(region.pk, region.slug, fmt, hashlib.sha256(material.encode()).hexdigest()[:24])


def building(entry: Entry) -> bool:
    """Whether a thread of this process or another process is building ``entry`` now."""
    with _registry_lock:
        thread = _registry.get(entry.name)
        if thread is not None and thread.is_alive():
            return True
    try:
        fd = os.open(entry.lock_path, os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def start_build(entry: Entry) -> bool:
    """Start building ``entry`` in a background thread unless it is ready, failed, or already being built here;
    returns whether a thread was started (it may still find another process holding the lock and stop)."""
    if entry.ready() or entry.error() is not None:
        return False
    with _registry_lock:
        thread = _registry.get(entry.name)
        if thread is not None and thread.is_alive():
            return False
        thread = threading.Thread(
            target=_build_locked, args=(entry,), name=f"masterplan-{entry.name}", daemon=True
        )
        _registry[entry.name] = thread
        thread.start()
    return True


def wait(entry: Entry, timeout: float) -> bool:
    """Wait up to ``timeout`` seconds for this process's build of ``entry``; returns whether the file is ready."""
    with _registry_lock:
        thread = _registry.get(entry.name)
    if thread is not None:
        thread.join(timeout)
    return entry.ready()


def build_now(entry: Entry) -> None:
    """Build ``entry`` in the calling thread, unless another process holds its lock or it is already there."""
    fd = os.open(entry.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return  # another worker process is building this version; its file will appear
        if entry.ready() or entry.error() is not None:
            return  # finished by another process between our check and the lock
        _build(entry)
    finally:
        # Releases the lock. The lock file stays: removing it would race with a process that just opened it.
        os.close(fd)


def render_uncached(region, fmt: str) -> bytes:
    """The document built now from what this connection sees, not cached (for requests inside a transaction)."""
    return render_common.render(build(region), fmt)


def _build_locked(entry: Entry) -> None:
    try:
        build_now(entry)
    finally:
        connections.close_all()  # this thread's own connections
        with _registry_lock:
            if _registry.get(entry.name) is threading.current_thread():
                del _registry[entry.name]


def _build(entry: Entry) -> None:
    started = time.monotonic()
    try:
        region = Region.objects.get(pk=entry.region_id)
        with translation.override("id"):
            data = render_common.render(build(region), entry.fmt)
    except Exception as exc:  # noqa: BLE001 - shown on the progress page instead of a worker crash
        logging.getLogger(__name__).exception("master plan build failed: %s", entry.name)
        entry.error_path.write_text(f"{type(exc).__name__}: {exc}", encoding="utf-8")
        return
    partial = entry.path.with_name(f".{entry.path.name}.{os.getpid()}.partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(partial, entry.path)
    seconds = time.monotonic() - started
    with open(cache_dir() / "builds.log", "a", encoding="utf-8") as log:
        log.write(
            f"{dt.datetime.now(dt.UTC).isoformat(timespec='seconds')} {entry.path.name} {seconds:.2f}\n"
        )
    _remove_older(entry)


def _remove_older(entry: Entry) -> None:
    """Documents of earlier versions of the same region and format are not served again: remove them."""
    prefix = f"{entry.region_id}-{entry.fmt}-"
    for path in cache_dir().iterdir():
        if path.name.startswith(prefix) and not path.name.startswith(entry.name):
            path.unlink(missing_ok=True)


def builds_logged() -> list[str]:
    """The file names of every build finished in this data directory, oldest first."""
    path = cache_dir() / "builds.log"
    if not path.exists():
        return []
    return [line.split()[1] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
