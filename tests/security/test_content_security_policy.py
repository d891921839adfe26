"""A Content-Security-Policy on every page, and templates that satisfy it: no inline script, no on* handlers."""

from __future__ import annotations

import re
from pathlib import Path

import kotacerdas

TEMPLATES = Path(kotacerdas.__file__).parent / "templates"


def _policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {d.split()[0]: d.split()[1:] for d in (p.strip() for p in header.split(";")) if d}


def test_every_page_sends_the_policy(client, world):
    client.force_login(world.user("admin_bappelitbang"))
    for url in ("/masuk/", "/", "/d/katingan/", "/d/katingan/anggota/", "/akun/kata-sandi/"):
        policy = _policy(client.get(url))
        assert policy["default-src"] == ["'self'"], url
        assert policy["script-src"] == ["'self'"], url
        assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
        assert policy["img-src"] == ["'self'", "data:"]


def test_no_template_has_inline_script_or_event_handlers():
    offenders = []
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"<script\b[^>]*>", text):
            if "src=" not in match.group(0):
                offenders.append(f"{path.relative_to(TEMPLATES)}: {match.group(0)}")
        for match in re.finditer(r"<[a-z][^>]*\son[a-z]+\s*=", text):
            offenders.append(f"{path.relative_to(TEMPLATES)}: {match.group(0)[:80]}")
        if "javascript:" in text:
            offenders.append(f"{path.relative_to(TEMPLATES)}: javascript: URL")
    assert offenders == []


def test_the_confirmation_script_is_served_from_the_site(client, world):
    client.force_login(world.user("viewer"))
    page = client.get("/d/katingan/").content.decode()
    src = re.search(r'<script src="(/static/kotacerdas/confirm\.js)" defer></script>', page)
    assert src
    response = client.get(src.group(1))
    assert response.status_code == 200
    assert "data-confirm" in b"".join(response.streaming_content).decode()
