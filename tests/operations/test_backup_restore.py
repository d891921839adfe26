"""`kotacerdas backup` / `restore` (issue 11 item 10): a backup taken while the server runs and operators write
restores on a fresh data directory (and, when the suite runs under PostgreSQL, onto SQLite: the other engine) to
identical region exports, working passwords, the same history, the logo and the uploads. The backup file is
owner-only, a non-empty installation is refused unless ``--replace``, and bad files are refused with a message.
"""

from __future__ import annotations

import base64
import io
import json
import os
import stat
import threading
import time
import zipfile

from tests.concurrency.harness import Client, Installation, add_operators

STATE = """
from django.apps import apps
from django.contrib.auth import get_user_model
from kotacerdas.assessment.models import SwotRating
from kotacerdas.masterplan.models import DocumentSettings

history = {
    m._meta.label: m.objects.count()
    for m in apps.get_models() if m.__name__.startswith("Historical")
}
User = get_user_model()
passwords = {
    name: User.objects.get(username=name).check_password(secret) for name, secret in PARAMS["passwords"].items()
}
# Consistency of the snapshot: every rating's newest history row holds the rating's current values (one save
# writes both in one transaction; a dump that read the two tables at different moments would disagree).
torn = []
for r in SwotRating.objects.all():
    last = SwotRating.history.filter(id=r.pk).order_by("-history_date", "-history_id").first()
    if last is None or (last.importance, last.rating) != (r.importance, r.rating):
        torn.append(r.pk)
settings = DocumentSettings.objects.filter(region__slug="katingan").first()
import base64
RESULT = {
    "history": history,
    "passwords": passwords,
    "users": User.objects.count(),
    "torn": torn,
    "logo": base64.b64encode(bytes(settings.logo)).decode() if settings and settings.logo else None,
    "foreword": settings.foreword if settings else None,
}
"""

CUSTOMISE = """
import base64, os
from django.conf import settings as dj
from django.contrib.auth import get_user_model
from kotacerdas.masterplan.models import DocumentSettings
from kotacerdas.regions.models import Region
region = Region.objects.get(slug="katingan")
DocumentSettings.objects.create(
    region=region, logo=base64.b64decode(PARAMS["logo"]), foreword="Kata pengantar cadangan.", colour="#123456"
)
user = get_user_model().objects.get(username="op_dinkes")
user.set_password("sandi-baru-dinkes-77")
user.save()
os.makedirs(os.path.join(dj.MEDIA_ROOT, "unggahan"), exist_ok=True)
with open(os.path.join(dj.MEDIA_ROOT, "unggahan", "catatan.txt"), "wb") as f:
    f.write(b"berkas unggahan \\xe2\\x9c\\x93")
RESULT = 1
"""

PASSWORDS = {"admin_bappelitbang": "katingan-admin", "op_dinkes": "sandi-baru-dinkes-77", "viewer": "salah"}


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (24, 12), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


def _exports(inst: Installation) -> dict[str, str]:
    return {slug: inst.cli("export", slug).stdout for slug in ("katingan", "tanjung-harapan")}


def test_backup_while_writing_restores_identically_on_a_fresh_installation(tmp_path):
    hot = tmp_path / "cadangan-saat-menulis.zip"
    archive = tmp_path / "cadangan.zip"
    with Installation(tmp_path / "a") as source:
        source.cli("sample", "load", "katingan")
        source.cli("sample", "load", "tanjung-harapan")
        source.django(CUSTOMISE, logo=base64.b64encode(_png()).decode())
        setup = add_operators(source, "katingan", 4)
        factors = setup["factors"][:6]
        source.start(workers=2)

        # Operators keep rating while the backup runs: the backup must neither block them nor be torn.
        stop = threading.Event()
        errors: list[str] = []
        writes = [0]

        def operator(op: dict, seed: int) -> None:
            client = Client(source.url)
            client.login(op["username"])
            i = seed
            while not stop.is_set():
                i += 1
                f = factors[i % len(factors)]
                path = f"/d/katingan/analisis/swot/{f['pillar']}/faktor/{f['pk']}/nilai/"
                values = {"agency": op["agency"], "importance": 1 + i % 5, "rating": 1 + i % 4}
                r = client.submit(path, None, values)
                if r.status != 302:
                    errors.append(f"{r.status} {r.body[:200]}")
                else:
                    writes[0] += 1

        threads = [
            threading.Thread(target=operator, args=(op, n), daemon=True)
            for n, op in enumerate(setup["operators"])
        ]
        for t in threads:
            t.start()
        time.sleep(1.5)
        written_before = writes[0]
        out = source.cli("backup", "-o", str(hot))
        time.sleep(0.5)
        stop.set()
        for t in threads:
            t.join(timeout=60)
        source.stop()
        assert errors == []
        assert writes[0] > written_before  # writes went on during the backup
        assert "Cadangan ditulis / backup written" in out.stdout
        assert stat.S_IMODE(hot.stat().st_mode) == 0o600

        # Now quiet: the state to compare with, and a backup of exactly that state.
        expected_exports = _exports(source)
        expected = source.django(STATE, passwords=PASSWORDS)
        assert expected["passwords"] == {"admin_bappelitbang": True, "op_dinkes": True, "viewer": False}
        assert expected["logo"] is not None and expected["torn"] == []
        source.cli("backup", "-o", str(archive))
        assert stat.S_IMODE(archive.stat().st_mode) == 0o600

    with zipfile.ZipFile(archive) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        assert manifest["format"] == "kotacerdas-backup/1"
        assert zf.read("media/unggahan/catatan.txt") == "berkas unggahan ✓".encode()
        models = {obj["model"] for obj in json.loads(zf.read("data.json"))}
    assert "sessions.session" not in models and "contenttypes.contenttype" not in models
    assert {"auth.user", "masterplan.documentsettings", "assessment.historicalswotrating"} <= models

    # A fresh machine: another data directory, and SQLite when the source was PostgreSQL.
    with Installation(tmp_path / "b", database_url="") as target:
        out = target.cli("restore", str(hot))
        assert "Dipulihkan / restored" in out.stdout
        snapshot = target.django(STATE, passwords=PASSWORDS)
        assert snapshot["torn"] == []  # consistent although operators wrote during the backup
        assert snapshot["passwords"] == expected["passwords"] and snapshot["logo"] == expected["logo"]
        assert all(snapshot["history"][k] <= n for k, n in expected["history"].items())
        assert (
            tmp_path / "b" / "media" / "unggahan" / "catatan.txt"
        ).read_bytes() == "berkas unggahan ✓".encode()

        # Not empty any more: refused without --replace, nothing changed; a "no" cancels; --replace --yes works.
        refused = target.cli("restore", str(archive), check=False)
        assert refused.returncode == 1 and "tidak kosong" in refused.stderr
        cancelled = target.cli("restore", str(archive), "--replace", check=False, input="tidak\n")
        assert cancelled.returncode == 1 and "Dibatalkan" in cancelled.stderr
        assert target.django(STATE, passwords=PASSWORDS) == snapshot
        target.cli("restore", str(archive), "--replace", "--yes")

        # Identical: byte for byte the same region files, the same history, passwords, logo and foreword.
        assert _exports(target) == expected_exports
        assert target.django(STATE, passwords=PASSWORDS) == expected

        # A real login on the restored installation.
        target.start(workers=1)
        Client(target.url).login("op_dinkes", "sandi-baru-dinkes-77")
        target.stop()


def test_bad_backup_files_are_refused_with_a_message(tmp_path):
    with Installation(tmp_path / "a", database_url="") as inst:
        not_zip = tmp_path / "bukan.zip"
        not_zip.write_text("halo")
        out = inst.cli("restore", str(not_zip), check=False)
        assert out.returncode == 1 and "bukan berkas zip" in out.stderr

        foreign = tmp_path / "asing.zip"
        with zipfile.ZipFile(foreign, "w") as zf:
            zf.writestr("manifest.json", json.dumps({"format": "lain/9"}))
            zf.writestr("data.json", "[]")
        out = inst.cli("restore", str(foreign), check=False)
        assert out.returncode == 1 and "lain/9" in out.stderr

        newer = tmp_path / "baru.zip"
        with zipfile.ZipFile(newer, "w") as zf:
            manifest = {"format": "kotacerdas-backup/1", "migrations": {"regions": ["9999_from_the_future"]}}
            zf.writestr("manifest.json", json.dumps(manifest))
            zf.writestr("data.json", "[]")
        out = inst.cli("restore", str(newer), check=False)
        assert out.returncode == 1 and "9999_from_the_future" in out.stderr

        unsafe = tmp_path / "jalur.zip"
        with zipfile.ZipFile(unsafe, "w") as zf:
            zf.writestr("manifest.json", json.dumps({"format": "kotacerdas-backup/1", "migrations": {}}))
            zf.writestr("data.json", "[]")
            zf.writestr("media/../../keluar.txt", "x")
        out = inst.cli("restore", str(unsafe), check=False)
        assert out.returncode == 1 and "tidak aman" in out.stderr
        assert not (tmp_path / "keluar.txt").exists()

        missing = inst.cli("restore", str(tmp_path / "tidak-ada.zip"), check=False)
        assert missing.returncode == 2

        no_folder = inst.cli("backup", "-o", str(tmp_path / "tidak" / "ada" / "c.zip"), check=False)
        assert no_folder.returncode == 1 and "folder" in no_folder.stderr
    assert not os.path.exists(tmp_path / "tidak")
