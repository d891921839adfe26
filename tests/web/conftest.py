"""Fixtures of the web UI tests: a richer Katingan workspace on top of the shared ``world``."""

from __future__ import annotations

from dataclasses import dataclass

import pytest


@dataclass
class Workspace:
    world: object
    period: object
    missions: dict
    districts: list
    wisdom_kominfo: object
    wisdom_dinkes: object
    member: object


def build_workspace(world) -> Workspace:
    from kotacerdas.regions.models import District, GovernanceMember, LocalWisdom, Mission, RpjmdPeriod

    k = world.katingan
    districts = [
        District.objects.create(
            region=k, name="Katingan Hilir", capital="Kasongan", desa=7, kelurahan=1, order=1
        ),
        District.objects.create(region=k, name="Mendawai", desa=7, kelurahan=0, order=2, illustrative=True),
    ]
    period = RpjmdPeriod.objects.create(
        region=k,
        start_year=2018,
        end_year=2023,
        regent="Sakariyas",
        vice_regent="Sunardi N.T. Litang",
        vision="Bermartabat untuk Mewujudkan Masyarakat yang Sejahtera",
        source="Antara Kalteng, 11 Jul 2022",
    )
    missions = {
        1: Mission.objects.create(
            region=k, period=period, number=1, text="Menciptakan pemerintahan yang bersih"
        ),
        4: Mission.objects.create(region=k, period=period, number=4, placeholder=True),
    }
    member = GovernanceMember.objects.create(
        region=k, body="dewan", name="Bupati Katingan", role="ketua", illustrative=True
    )
    return Workspace(
        world=world,
        period=period,
        missions=missions,
        districts=districts,
        wisdom_kominfo=LocalWisdom.objects.get(region=k, name="Penyang Hinje Simpei"),
        wisdom_dinkes=LocalWisdom.objects.get(region=k, name="Bukit Batu"),
        member=member,
    )


@pytest.fixture
def ws(world) -> Workspace:
    return build_workspace(world)


@pytest.fixture
def admin_client(world, login):
    return login(world.user("admin_bappelitbang"))


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # An Indonesian officer's browser; headless Chromium would otherwise send Accept-Language: en-US.
    return {**browser_context_args, "locale": "id-ID", "viewport": {"width": 1200, "height": 900}}
