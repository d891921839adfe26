"""Workshop progress: the missing items as sentences, completeness per pillar (done / 18 items), per region and
per agency (pillars contributed to / 6), and the pillars × agencies matrix."""

from __future__ import annotations

import re

import pytest

from kotacerdas.assessment.models import MaturityLevel, ReadinessScore, Strategy
from kotacerdas.assessment.progress import region_progress
from kotacerdas.framework.models import Element, Pillar, ReadinessAspect
from kotacerdas.method.readiness import ASPECTS

ALL_ASPECTS = (
    "Sumber daya manusia, Anggaran, Tata kelola, Infrastruktur fisik, Infrastruktur digital (TIK), "
    "Infrastruktur sosial, Regulasi, Kelembagaan, Tata laksana"
)


def readiness(world, pillar, aspect, score, agency):
    ReadinessScore.objects.create(
        region=world.katingan,
        pillar=Pillar.objects.get(slug=pillar),
        aspect=ReadinessAspect.objects.get(slug=aspect),
        score=score,
        agency=agency,
    )


def maturity(world, element, level, agency=None):
    MaturityLevel.objects.create(
        region=world.katingan, element=Element.objects.get(slug=element), current=level, agency=agency
    )


@pytest.fixture
def workshop(world, add_factor):
    d, k, b = world.diskominfo, world.dinkes, world.bappelitbang
    # Governance: half done.
    readiness(world, "governance", "sdm", 4, d)
    readiness(world, "governance", "anggaran", 3, k)
    readiness(world, "governance", "digital", None, d)  # entered but not scored yet
    add_factor("governance", "S", "Perbup 61/2019 tentang SPBE", (d, 4, 4), agency=d)
    add_factor("governance", "W", "46 desa tanpa sinyal seluler", agency=k)  # not rated
    add_factor("governance", "O", "Program menara BAKTI nasional", (b, 3, 3), agency=d)
    maturity(world, "service", 2, d)
    # Living: complete, all by Dinkes.
    for aspect in ASPECTS:
        readiness(world, "living", aspect, 3, k)
    factors = [add_factor("living", kind, f"Faktor {kind}", (k, 3, 3), agency=k) for kind in "SWOT"]
    strategy = Strategy.objects.create(
        region=world.katingan, pillar=factors[0].pillar, kind="SO", text="Telemedisin", agency=k
    )
    strategy.factors.set([factors[0], factors[2]])
    for element in ("harmony", "health", "mobility"):
        maturity(world, element, 3, k)


@pytest.mark.django_db
def test_missing_items_and_completeness_per_pillar(world, workshop):
    progress = region_progress(world.katingan)
    by_slug = {p.pillar.slug: p for p in progress.pillars}

    governance = by_slug["governance"]
    assert governance.missing == [
        "Kesiapan: 7 dari 9 aspek belum dinilai (Tata kelola, Infrastruktur fisik, Infrastruktur digital (TIK), "
        "Infrastruktur sosial, Regulasi, Kelembagaan, Tata laksana).",
        "SWOT: belum ada faktor Ancaman (T).",
        "SWOT: 1 faktor belum dinilai: “46 desa tanpa sinyal seluler”.",
        "Strategi TOWS: belum ada strategi.",
        "Kematangan: 2 dari 3 elemen belum dinilai (Tata kelola birokrasi, Kebijakan publik).",
    ]
    # 2 readiness cells + 3 SWOT kinds + 0 (a factor is unrated) + 0 strategies + 1 maturity element = 6 of 18.
    assert (governance.done, governance.required, governance.percent) == (6, 18, 33)
    assert [e.slug for e in governance.unassessed_elements] == ["bureaucracy", "policy"]

    living = by_slug["living"]
    assert living.missing == [] and (living.done, living.percent) == (18, 100)

    branding = by_slug["branding"]
    assert branding.missing == [
        f"Kesiapan: 9 dari 9 aspek belum dinilai ({ALL_ASPECTS}).",
        "SWOT: belum ada faktor Kekuatan (S), Kelemahan (W), Peluang (O) dan Ancaman (T).",
        "Strategi TOWS: belum ada strategi.",
        "Kematangan: 3 dari 3 elemen belum dinilai (Ekosistem pariwisata, Ekosistem bisnis daerah, "
        "Penataan wajah kota).",
    ]
    assert (branding.done, branding.percent) == (0, 0)
    # The region: (6 + 18) of 6 × 18 = 108 items → 22 % (rounded down).
    assert (progress.done, progress.required, progress.percent) == (24, 108, 22)


@pytest.mark.django_db
def test_contributions_per_agency(world, workshop):
    progress = region_progress(world.katingan)
    rows = {a.agency.abbreviation: a for a in progress.agencies}
    assert list(rows) == ["Bappelitbang", "Dinkes", "Diskominfostandi"]  # by abbreviation
    order = [p.pillar.slug for p in progress.pillars]
    gov, liv = order.index("governance"), order.index("living")

    kominfo = rows["Diskominfostandi"]
    assert (kominfo.cells[gov].swot, kominfo.cells[gov].readiness) == (True, True)
    assert (kominfo.pillars, kominfo.percent) == (1, 16)
    dinkes = rows["Dinkes"]
    assert (dinkes.cells[gov].swot, dinkes.cells[gov].readiness) == (True, True)  # wrote W; entered anggaran
    assert (dinkes.cells[liv].swot, dinkes.cells[liv].readiness) == (True, True)
    assert (dinkes.pillars, dinkes.percent) == (2, 33)
    bappelitbang = rows["Bappelitbang"]  # only rated a factor
    assert (bappelitbang.cells[gov].swot, bappelitbang.cells[gov].readiness) == (True, False)
    assert (bappelitbang.pillars, bappelitbang.percent) == (1, 16)


@pytest.mark.django_db
def test_progress_page(world, login, workshop):
    response = login(world.user("viewer")).get("/d/katingan/analisis/kemajuan/")
    assert response.status_code == 200
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))
    assert "Kelengkapan analisis daerah 22% 24 dari 108 butir" in text
    assert "Smart Governance Kesiapan · SWOT 33% 6 dari 18" in text
    assert "SWOT: 1 faktor belum dinilai: “46 desa tanpa sinyal seluler”." in text
    assert "Smart Living Kesiapan · SWOT 100% 18 dari 18 ✓ Lengkap." in text
    assert "Dinkes ✓ S ✓ K" in text and "33% 2/6" in text
    assert "Setiap pilar punya 18 butir" in text  # the definition is on the page
