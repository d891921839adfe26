"""Settings come from the environment: data directory, database URL, secret key, debug, language."""

from __future__ import annotations

import json
import os
import subprocess
import sys

PROBE = (
    "import json, kotacerdas.settings as s; print(json.dumps({'engine': s.DATABASES['default']['ENGINE'],"
    " 'name': str(s.DATABASES['default']['NAME']), 'key': s.SECRET_KEY, 'debug': s.DEBUG,"
    " 'lang': s.LANGUAGE_CODE, 'tz': s.TIME_ZONE, 'langs': [c for c, _ in s.LANGUAGES]}))"
)


def probe(tmp_path, **env) -> dict:
    environ = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "KOTACERDAS_SECRET_KEY"}}
    environ.update({"KOTACERDAS_DATA_DIR": str(tmp_path / "data"), **env})
    out = subprocess.run(
        [sys.executable, "-c", PROBE], env=environ, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def test_sqlite_in_the_data_directory_by_default(tmp_path):
    s = probe(tmp_path)
    assert s["engine"] == "django.db.backends.sqlite3"
    assert s["name"] == str(tmp_path / "data" / "kotacerdas.sqlite3")


def test_database_url_selects_postgresql(tmp_path):
    s = probe(tmp_path, DATABASE_URL="postgresql://u:p@db.example:5432/kc")
    assert s["engine"] == "django.db.backends.postgresql"
    assert s["name"] == "kc"


def test_secret_key_generated_once_and_kept(tmp_path):
    first = probe(tmp_path)["key"]
    assert len(first) >= 50
    assert (tmp_path / "data" / "secret_key").read_text().strip() == first
    assert probe(tmp_path)["key"] == first
    assert oct((tmp_path / "data" / "secret_key").stat().st_mode & 0o777) == "0o600"
    assert probe(tmp_path, KOTACERDAS_SECRET_KEY="given-key")["key"] == "given-key"


def test_debug_off_unless_asked_and_indonesian_first(tmp_path):
    s = probe(tmp_path)
    assert s["debug"] is False
    assert probe(tmp_path, KOTACERDAS_DEBUG="1")["debug"] is True
    assert (s["lang"], s["tz"]) == ("id", "Asia/Jakarta")
    assert s["langs"] == ["id", "en"]
