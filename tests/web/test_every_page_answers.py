"""Every page linked from the Katingan demo answers without an error, for an admin in Indonesian and an operator
in English: a crawl from the region's dashboard over every ``/d/katingan/...`` link (downloads and logout left
out). It found the many-to-many history pages that failed, which no page-by-page test had opened."""

from __future__ import annotations

import re
from collections import deque

import pytest
from django.contrib.auth import get_user_model

LINK = re.compile(r'href="(/d/katingan/[^"#?]*)')
SKIP = re.compile(r"\.(docx|pdf|xlsx|json|svg|png)$|/unduh/|/ekspor/|/templat/")


@pytest.fixture
def katingan(db):
    from kotacerdas import sample

    return sample.load("katingan").region


def crawl(client, start: str = "/d/katingan/") -> tuple[dict[str, int], list[tuple[int, str]]]:
    seen: dict[str, int] = {}
    errors: list[tuple[int, str]] = []
    queue = deque([start])
    while queue:
        url = queue.popleft()
        if url in seen or SKIP.search(url):
            continue
        response = client.get(url)
        seen[url] = response.status_code
        if response.status_code == 302 and not response["Location"].startswith("/masuk/"):
            continue  # e.g. an admin may not delete their own membership: told so on the page it returns to
        if response.status_code != 200:
            errors.append((response.status_code, url))
            continue
        if "html" in response.get("Content-Type", ""):
            queue.extend(href for href in LINK.findall(response.content.decode()) if href not in seen)
    return seen, errors


@pytest.mark.parametrize(("persona", "language"), [("admin_bappelitbang", "id"), ("op_dinkes", "en")])
def test_every_linked_page_answers(client, katingan, persona, language):
    client.force_login(get_user_model().objects.get(username=persona))
    client.post("/i18n/setlang/", {"language": language, "next": "/d/katingan/"})
    seen, errors = crawl(client)
    assert errors == []
    # the crawl reached every stage of the work, and each object's history
    for part in ("/analisis/", "/rencana-aksi/", "/prioritas/", "/riwayat/", "/kegiatan/", "/program/"):
        assert any(part in url for url in seen), part
    assert sum(url.endswith("/riwayat/") for url in seen) > 100
    page = client.get("/d/katingan/").content.decode()
    assert f'<html lang="{language}">' in page
