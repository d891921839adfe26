"""KOTACERDAS_HTTPS=1 turns on secure cookies, HSTS, the https redirect and the proxy header; `kotacerdas manage
check --deploy` is then clean. Sessions have a configurable length. Checked in fresh processes, as deployed."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys

PROBE = (
    "import json, kotacerdas.settings as s; print(json.dumps({n: getattr(s, n, None) for n in ["
    "'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SECURE_SSL_REDIRECT', 'SECURE_PROXY_SSL_HEADER',"
    " 'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_HSTS_PRELOAD', 'ALLOWED_HOSTS',"
    " 'CSRF_TRUSTED_ORIGINS', 'SESSION_COOKIE_AGE', 'SESSION_EXPIRE_AT_BROWSER_CLOSE', 'AXES_FAILURE_LIMIT',"
    " 'LOGIN_FAILURES_PER_ADDRESS', 'PROXY_COUNT']}, default=str))"
)
HOST = "kotacerdas.katingankab.go.id"


def _env(tmp_path, **extra) -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("KOTACERDAS_")
        and k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env["KOTACERDAS_DATA_DIR"] = str(tmp_path / "data")
    env.update(extra)
    return env


def probe(tmp_path, **extra) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", PROBE], env=_env(tmp_path, **extra), capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def check_deploy(tmp_path, **extra) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kotacerdas.cli", "manage", "check", "--deploy"],
        env=_env(tmp_path, **extra),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_prints_no_warning_with_https_on(tmp_path):
    result = check_deploy(
        tmp_path,
        KOTACERDAS_HTTPS="1",
        KOTACERDAS_SECRET_KEY=secrets.token_urlsafe(50),
        KOTACERDAS_ALLOWED_HOSTS=HOST,
    )
    assert result.returncode == 0, result.stderr
    output = result.stdout + result.stderr
    assert "WARNING" not in output and "security.W" not in output, output
    assert "no issues" in output


def test_without_https_the_check_names_what_is_missing(tmp_path):
    result = check_deploy(tmp_path, KOTACERDAS_SECRET_KEY=secrets.token_urlsafe(50))
    output = result.stdout + result.stderr
    for warning in ("W004", "W008", "W012", "W016"):
        assert f"security.{warning}" in output


def test_https_turns_on_secure_cookies_hsts_redirect_and_the_proxy_header(tmp_path):
    s = probe(tmp_path, KOTACERDAS_HTTPS="1", KOTACERDAS_ALLOWED_HOSTS=f"{HOST},localhost")
    assert s["SESSION_COOKIE_SECURE"] is True and s["CSRF_COOKIE_SECURE"] is True
    assert s["SECURE_SSL_REDIRECT"] is True
    assert s["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert s["SECURE_HSTS_SECONDS"] == 31536000 and s["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert s["SECURE_HSTS_PRELOAD"] is False
    assert s["ALLOWED_HOSTS"] == [HOST, "localhost"]
    assert s["CSRF_TRUSTED_ORIGINS"] == [f"https://{HOST}", "https://localhost"]


def test_https_values_come_from_the_environment(tmp_path):
    s = probe(
        tmp_path,
        KOTACERDAS_HTTPS="1",
        KOTACERDAS_HSTS_SECONDS="600",
        KOTACERDAS_HSTS_PRELOAD="1",
        KOTACERDAS_CSRF_TRUSTED_ORIGINS="https://a.example,https://b.example",
        KOTACERDAS_SESSION_HOURS="2",
        KOTACERDAS_LOGIN_FAILURES="3",
        KOTACERDAS_LOGIN_FAILURES_PER_ADDRESS="100",
        KOTACERDAS_PROXY_COUNT="1",
    )
    assert s["SECURE_HSTS_SECONDS"] == 600 and s["SECURE_HSTS_PRELOAD"] is True
    assert s["CSRF_TRUSTED_ORIGINS"] == ["https://a.example", "https://b.example"]
    assert s["SESSION_COOKIE_AGE"] == 2 * 3600
    assert (s["AXES_FAILURE_LIMIT"], s["LOGIN_FAILURES_PER_ADDRESS"], s["PROXY_COUNT"]) == (3, 100, 1)


def test_without_https_nothing_forces_https(tmp_path):
    s = probe(tmp_path)
    assert s["SESSION_COOKIE_SECURE"] is None and s["SECURE_SSL_REDIRECT"] is None
    assert s["SECURE_HSTS_SECONDS"] is None and s["CSRF_TRUSTED_ORIGINS"] == []
    assert s["SESSION_COOKIE_AGE"] == 12 * 3600 and s["SESSION_EXPIRE_AT_BROWSER_CLOSE"] is True


def test_a_malformed_number_is_a_clear_error(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        env=_env(tmp_path, KOTACERDAS_SESSION_HOURS="dua belas"),
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "KOTACERDAS_SESSION_HOURS must be a whole number, not 'dua belas'" in result.stderr


def test_a_session_ends_after_the_configured_hours(client, world, settings):
    from tests.conftest import PASSWORD

    settings.SESSION_COOKIE_AGE = 3600
    client.post("/masuk/", {"username": "viewer", "password": PASSWORD})
    assert client.session.get_expiry_age() == 3600
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert not cookie["max-age"]  # a browser-session cookie: closing the browser ends the login


def test_https_redirects_and_sends_hsts_behind_the_proxy(client, world, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_HSTS_SECONDS = 3600
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    plain = client.get("/masuk/")
    assert plain.status_code == 301 and plain["Location"] == "https://testserver/masuk/"
    secure = client.get("/masuk/", HTTP_X_FORWARDED_PROTO="https")
    assert secure.status_code == 200
    assert secure["Strict-Transport-Security"] == "max-age=3600; includeSubDomains"
