"""Fixtures of the action-plan page tests: a small Katingan plan on top of the shared ``world``.

Diskominfostandi runs GOV-01 (a quick win, no relation to local wisdom) and GOV-02 (tourism information at Bukit
Batu: a risk to the site, mitigated, with a consultation with the Damang only planned). Dinkes runs LIV-01
(telemedicine, strengthens Penyang Hinje Simpei). Marikit receives no activity.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest


@dataclass
class Plan:
    world: object
    districts: dict
    missions: dict
    kominfo_program: object
    dinkes_program: object
    gov1: object
    gov2: object
    liv1: object
    risky: object  # GOV-02's screening of Bukit Batu
    consultation: object  # planned


def _activity_form(program, ref="GOV-09", **extra) -> dict:
    """The generic activity form, filled in (a short activity in 2026)."""
    data = {
        "program": program.pk,
        "ref": ref,
        "code": "2.16.03.2.02",
        "name": "Aplikasi layanan desa",
        "horizon": "short",
        "start_year": 2026,
        "end_year": 2026,
        "funding_source": "apbd",
        "infrastructure": "governance",
        "mandatory": "unknown",
    }
    data.update(extra)
    return data


def build_plan(world) -> Plan:
    from kotacerdas.actionplan.models import Activity, ActivityYear, Consultation, Program, Screening
    from kotacerdas.framework.models import Pillar
    from kotacerdas.regions.models import District, LocalWisdom, Mission, RpjmdPeriod

    k = world.katingan
    districts = {
        name: District.objects.create(region=k, name=name, order=n)
        for n, name in enumerate(["Katingan Hilir", "Mendawai", "Marikit"], start=1)
    }
    period = RpjmdPeriod.objects.create(region=k, start_year=2023, end_year=2028, vision="Katingan sejahtera")
    missions = {
        1: Mission.objects.create(
            region=k, period=period, number=1, text="Tata kelola pemerintahan yang bersih"
        ),
        2: Mission.objects.create(region=k, period=period, number=2, text="Layanan kesehatan yang merata"),
        3: Mission.objects.create(region=k, period=period, number=3, placeholder=True),
    }
    governance = Pillar.objects.get(framework=k.framework, slug="governance")
    living = Pillar.objects.get(framework=k.framework, slug="living")
    kominfo_program = Program.objects.create(
        region=k,
        agency=world.diskominfo,
        pillar=governance,
        code="2.16.03",
        name="Program Aplikasi Informatika",
    )
    dinkes_program = Program.objects.create(
        region=k, agency=world.dinkes, pillar=living, code="1.02.02", name="Program Pemenuhan Upaya Kesehatan"
    )

    def activity(program, ref, name, horizon, start, end, costs, infrastructure, places, mission):
        a = Activity.objects.create(
            region=k,
            program=program,
            ref=ref,
            code=program.code + ".2.01",
            name=name,
            horizon=horizon,
            start_year=start,
            end_year=end,
            funding_source="apbd",
            infrastructure=infrastructure,
        )
        for year, cost in zip(range(start, end + 1), costs, strict=True):
            ActivityYear.objects.create(region=k, activity=a, year=year, cost=Decimal(cost))
        a.locations.set([districts[p] for p in places])
        a.missions.set([missions[mission]])
        return a

    gov1 = activity(kominfo_program, "GOV-01", "Portal Satu Data Katingan", "quick_win", 2025, 2025,
                    [1_250_000_000], "governance", ["Katingan Hilir"], 1)  # fmt: skip
    gov1.no_local_wisdom_relation = True
    gov1.save()
    gov2 = activity(kominfo_program, "GOV-02", "Informasi wisata Bukit Batu", "medium", 2026, 2027,
                    [400_000_000, 300_000_000], "economic", ["Katingan Hilir", "Mendawai"], 1)  # fmt: skip
    liv1 = activity(dinkes_program, "LIV-01", "Telemedisin puskesmas", "short", 2026, 2026,
                    [750_000_000], "social", ["Mendawai"], 2)  # fmt: skip
    bukit_batu = LocalWisdom.objects.get(region=k, name="Bukit Batu")
    bukit_batu.custodian = "Damang Kepala Adat Kecamatan Katingan Hilir"
    bukit_batu.save()
    risky = Screening.objects.create(
        region=k,
        activity=gov2,
        local_wisdom=bukit_batu,
        relation="berisiko",
        note="Kunjungan ke situs pertapaan",
        mitigation="Zona inti tertutup bagi pengunjung",
    )
    consultation = Consultation.objects.create(
        region=k, screening=risky, custodian="Damang Kepala Adat Kecamatan Katingan Hilir"
    )
    Screening.objects.create(
        region=k,
        activity=liv1,
        local_wisdom=LocalWisdom.objects.get(region=k, name="Penyang Hinje Simpei"),
        relation="memperkuat",
    )
    return Plan(
        world, districts, missions, kominfo_program, dinkes_program, gov1, gov2, liv1, risky, consultation
    )


@pytest.fixture
def plan(world) -> Plan:
    return build_plan(world)


@pytest.fixture
def activity_form():
    """``activity_form(program, ref, **fields)``: the generic activity form, filled in (a short activity in 2026)."""
    return _activity_form
