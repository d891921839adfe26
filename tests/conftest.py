"""Shared fixtures: the personas of design.md and the browser harness.

Personas (Katingan): ``admin_bappelitbang`` (region admin), ``op_diskominfo`` and ``op_dinkes`` (operators of two
agencies), ``reviewer_dewan`` (reviewer), ``viewer``, ``admin_other`` (admin of another region) and anonymous.
The ``world`` fixture builds two small regions directly with the models, so tests do not depend on the sample.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import pytest

# Playwright's sync API runs an event loop in the test thread; Django must still be allowed to query there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "rahasia-uji-123"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(autouse=True)
def _fast_password_hasher(request):
    """PBKDF2's deliberate slowness protects real passwords; in tests it only costs minutes."""
    if request.config.pluginmanager.hasplugin("django"):  # the method tests also run with -p no:django
        settings = request.getfixturevalue("settings")
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _indonesian_after_each_test(request):
    """A request that switches to English leaves English active in the thread; the next test starts in
    Indonesian, as a fresh process does, whatever ran before it."""
    yield
    if request.config.pluginmanager.hasplugin("django"):
        from django.conf import settings
        from django.utils import translation

        translation.activate(settings.LANGUAGE_CODE)


@dataclass
class World:
    katingan: object
    other: object
    diskominfo: object
    dinkes: object
    bappelitbang: object
    other_agency: object
    users: dict

    def user(self, persona: str):
        return self.users[persona]


def ensure_reference_data() -> None:
    """Re-install the framework when a transactional (browser) test has flushed what the migration installed."""
    from django.apps import apps

    from kotacerdas.framework.install import install
    from kotacerdas.framework.models import Framework
    from kotacerdas.framework.reference import VERSIONS

    for slug in VERSIONS:
        if not Framework.objects.filter(slug=slug).exists():
            install(apps, slug)


@pytest.fixture
def world(db) -> World:
    from django.contrib.auth import get_user_model

    from kotacerdas.regions.models import Agency, LocalWisdom, Membership, Region, Role

    ensure_reference_data()
    User = get_user_model()
    katingan = Region.objects.create(
        slug="katingan",
        name="Katingan",
        kind="kabupaten",
        province="Kalimantan Tengah",
        kemendagri_code="62.06",
        bps_code="6209",
        capital="Kasongan",
    )
    other = Region.objects.create(
        slug="tanjung-harapan",
        name="Tanjung Harapan",
        kind="kota",
        province="Provinsi Contoh",
        illustrative=True,
    )
    diskominfo = Agency.objects.create(
        region=katingan,
        name="Dinas Komunikasi, Informatika, Statistik dan Persandian",
        abbreviation="Diskominfostandi",
        kind="dinas",
    )
    dinkes = Agency.objects.create(
        region=katingan, name="Dinas Kesehatan", abbreviation="Dinkes", kind="dinas"
    )
    bappelitbang = Agency.objects.create(
        region=katingan,
        name="Badan Perencanaan Pembangunan Daerah, Penelitian dan Pengembangan",
        abbreviation="Bappelitbang",
        kind="badan",
    )
    other_agency = Agency.objects.create(
        region=other, name="Dinas Komunikasi dan Informatika", abbreviation="Diskominfo", kind="dinas"
    )
    LocalWisdom.objects.create(
        region=katingan,
        category="nilai_norma",
        name="Penyang Hinje Simpei",
        description="Hidup rukun dan damai untuk kesejahteraan bersama.",
        agency=diskominfo,
    )
    LocalWisdom.objects.create(
        region=katingan,
        category="situs_ruang",
        name="Bukit Batu",
        description="Tempat pertapaan Tjilik Riwut.",
        agency=dinkes,
    )
    LocalWisdom.objects.create(
        region=other, category="bahasa", name="Bahasa Contoh", description="Rahasia daerah lain."
    )
    users = {}
    for persona, region, role, agency in [
        ("admin_bappelitbang", katingan, Role.ADMIN, None),
        ("op_diskominfo", katingan, Role.OPERATOR, diskominfo),
        ("op_dinkes", katingan, Role.OPERATOR, dinkes),
        ("reviewer_dewan", katingan, Role.REVIEWER, None),
        ("viewer", katingan, Role.VIEWER, None),
        ("admin_other", other, Role.ADMIN, None),
    ]:
        user = User.objects.create_user(persona, password=PASSWORD)
        Membership.objects.create(user=user, region=region, role=role, agency=agency)
        users[persona] = user
    return World(katingan, other, diskominfo, dinkes, bappelitbang, other_agency, users)


@pytest.fixture
def login(client):
    """``login(user)`` logs the Django test client in as ``user`` and returns the client."""

    def _login(user):
        client.force_login(user)
        return client

    return _login


# --- Browser harness (pytest-playwright on Debian's Chromium; never `playwright install`) -------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        raise RuntimeError(
            f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), "
            "or run `make test`, which installs it."
        )
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def browser_login(page, live_server):
    """``browser_login(username)`` logs in through the real login form and returns the Playwright page."""

    def _login(username: str, password: str = PASSWORD):
        page.goto(f"{live_server.url}/masuk/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", password)
        page.click("button[type=submit]")
        page.wait_for_load_state()
        return page

    return _login
