"""Master plan downloads are built once per workspace version, in a background thread, and served from the cache
in the data directory (issue 11 item 6). Builds are counted in the cache's ``builds.log`` (one line per finished
build, written by the builder itself), never with a mock.

The tests are transactional: the build thread has its own database connection and must see committed data.
"""

from __future__ import annotations

import fcntl
import os
import re
import threading
import time

import pytest

from kotacerdas.masterplan import cache
from tests.masterplan.render.readback import docx_all_text, flat, pdf_text

URL = "/d/katingan/masterplan.{fmt}"


def fetch(client, url, timeout: float = 120):
    response = client.get(url)
    deadline = time.monotonic() + timeout
    while response.status_code == 202 and time.monotonic() < deadline:
        time.sleep(0.2)
        response = client.get(url)
    return response


def builds_of(entry) -> int:
    return cache.builds_logged().count(entry.path.name)


@pytest.mark.django_db(transaction=True)
def test_second_request_of_the_same_version_is_served_without_rebuilding(world, login):
    client = login(world.user("viewer"))
    entry = cache.entry_for(world.katingan, "pdf")
    first = fetch(client, URL.format(fmt="pdf"))
    assert first.status_code == 200 and first.content.startswith(b"%PDF")
    assert builds_of(entry) == 1
    mtime = entry.path.stat().st_mtime_ns
    second = client.get(URL.format(fmt="pdf"))
    assert second.status_code == 200 and second.content == first.content
    assert builds_of(entry) == 1 and entry.path.stat().st_mtime_ns == mtime
    # The cached file is a real document: read it back.
    assert "Katingan" in flat(pdf_text(second.content))
    assert oct(entry.path.stat().st_mode & 0o777) == "0o600"


@pytest.mark.django_db(transaction=True)
def test_a_change_in_the_workspace_gives_a_new_build_with_the_change(world, login):
    from kotacerdas.regions.models import LocalWisdom

    client = login(world.user("viewer"))
    before = cache.entry_for(world.katingan, "docx")
    old = fetch(client, URL.format(fmt="docx"))
    assert old.status_code == 200 and "Sungai Katingan Bersih" not in docx_all_text(old.content)
    wisdom = LocalWisdom.objects.get(region=world.katingan, name="Bukit Batu")
    wisdom.name = "Sungai Katingan Bersih"
    wisdom.save()
    after = cache.entry_for(world.katingan, "docx")
    assert after.key != before.key
    new = fetch(client, URL.format(fmt="docx"))
    assert new.status_code == 200
    text = docx_all_text(new.content)
    assert "Sungai Katingan Bersih" in text and "Bukit Batu" not in text
    assert builds_of(before) == 1 and builds_of(after) == 1
    assert not before.path.exists()  # the superseded version is not kept

    # A deletion is a change too.
    wisdom.delete()
    assert cache.entry_for(world.katingan, "docx").key not in {before.key, after.key}


@pytest.mark.django_db(transaction=True)
def test_concurrent_requests_for_the_same_version_share_one_build(world, login):
    from django.test import Client

    entry = cache.entry_for(world.katingan, "html")
    clients = []
    for persona in ("viewer", "admin_bappelitbang", "op_diskominfo", "op_dinkes", "reviewer_dewan"):
        c = Client()
        c.force_login(world.user(persona))
        clients.append(c)
    results: list = [None] * len(clients)
    barrier = threading.Barrier(len(clients))

    def download(i: int) -> None:
        from django.db import connections

        barrier.wait()
        try:
            results[i] = fetch(clients[i], URL.format(fmt="html"))
        finally:
            connections.close_all()  # this thread's connection, or the test database cannot be dropped

    threads = [threading.Thread(target=download, args=(i,)) for i in range(len(clients))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=180)
    assert all(r is not None and r.status_code == 200 for r in results)
    assert len({r.content for r in results}) == 1
    assert builds_of(entry) == 1


@pytest.mark.django_db(transaction=True)
def test_while_another_process_builds_the_page_waits_without_script_and_builds_nothing(world, login):
    """The lock file stands for a gunicorn worker process building the same version."""
    client = login(world.user("viewer"))
    entry = cache.entry_for(world.katingan, "pdf")
    fd = os.open(entry.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert cache.building(entry)
        page = client.get(URL.format(fmt="pdf"))
        assert page.status_code == 202
        assert page["Refresh"] == "2" and page["Cache-Control"] == "no-store"
        html = page.content.decode()
        assert '<meta http-equiv="refresh" content="2">' in html
        # The page reloads itself by the Refresh header and meta tag; no inline script (the site's own script files,
        # such as the delete confirmation of base.html, are allowed by the CSP and do not drive the reload).
        assert "sedang disusun" in html and not re.search(r"<script(?![^>]*\bsrc=)", html)
        time.sleep(0.5)
        assert client.get(URL.format(fmt="pdf")).status_code == 202
        assert builds_of(entry) == 0 and not entry.ready()
    finally:
        os.close(fd)  # the other process is gone (or finished): the next request builds
    response = fetch(client, URL.format(fmt="pdf"))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert builds_of(entry) == 1


@pytest.mark.django_db(transaction=True)
def test_a_failed_build_is_reported_and_can_be_retried(world, login):
    client = login(world.user("viewer"))
    entry = cache.entry_for(world.katingan, "html")
    entry.error_path.write_text("ValueError: contoh kegagalan", encoding="utf-8")
    page = client.get(URL.format(fmt="html"))
    assert page.status_code == 500
    html = page.content.decode()
    assert "gagal disusun" in html and "contoh kegagalan" in html
    assert "refresh" not in html.lower() and not page.has_header("Refresh")  # no endless reloading
    assert builds_of(entry) == 0
    retry = client.get(URL.format(fmt="html") + "?ulang=1")
    assert retry.status_code == 302 and entry.error() is None
    assert fetch(client, URL.format(fmt="html")).status_code == 200
    assert builds_of(entry) == 1
