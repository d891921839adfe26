"""The readiness grid: an operator enters cells for their own agency, cannot overwrite another agency's cell;
element and pillar scores and bands come from the method; unscored aspects are listed, never counted as 0."""

from __future__ import annotations

import re

import pytest

from kotacerdas.assessment.models import ReadinessScore
from kotacerdas.framework.models import Pillar, ReadinessAspect

PAGE = "/d/katingan/analisis/kesiapan/governance/"


def cell_url(aspect: str) -> str:
    return f"{PAGE}{aspect}/"


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def cell(world, aspect, score, agency, narrative=""):
    return ReadinessScore.objects.create(
        region=world.katingan,
        pillar=Pillar.objects.get(slug="governance"),
        aspect=ReadinessAspect.objects.get(slug=aspect),
        score=score,
        narrative=narrative,
        agency=agency,
    )


@pytest.mark.django_db
def test_operator_enters_a_cell_for_their_agency(world, login):
    client = login(world.user("op_diskominfo"))
    assert client.get(cell_url("digital")).status_code == 200
    data = {
        "score": 4,
        "narrative": "Serat optik 162 km",
        "evidence": "Laporan 2022",
        "agency": world.diskominfo.pk,
    }
    response = client.post(cell_url("digital"), data)
    assert response.status_code == 302 and response["Location"].endswith("#aspek-digital")
    saved = ReadinessScore.objects.get()
    assert (saved.aspect.slug, saved.score, saved.agency, saved.evidence) == (
        "digital", 4, world.diskominfo, "Laporan 2022"
    )  # fmt: skip
    # ... and edits it again.
    assert client.post(cell_url("digital"), {**data, "score": 5}).status_code == 302
    saved.refresh_from_db()
    assert saved.score == 5 and ReadinessScore.objects.count() == 1


@pytest.mark.django_db
def test_operator_cannot_overwrite_another_agencys_cell(world, login):
    existing = cell(world, "sdm", 2, world.dinkes, "Kurang tenaga kesehatan")
    client = login(world.user("op_diskominfo"))
    assert client.get(cell_url("sdm")).status_code == 403
    data = {"score": 5, "narrative": "ditimpa", "agency": world.diskominfo.pk}
    assert client.post(cell_url("sdm"), data).status_code == 403
    existing.refresh_from_db()
    assert (existing.score, existing.narrative, existing.agency) == (
        2,
        "Kurang tenaga kesehatan",
        world.dinkes,
    )


@pytest.mark.django_db
def test_operator_cannot_enter_a_cell_in_another_agencys_name(world, login):
    client = login(world.user("op_diskominfo"))
    assert client.post(cell_url("sdm"), {"score": 3, "agency": world.dinkes.pk}).status_code == 403
    assert not ReadinessScore.objects.exists()


@pytest.mark.django_db
def test_admin_edits_any_cell(world, login):
    existing = cell(world, "sdm", 2, world.dinkes)
    client = login(world.user("admin_bappelitbang"))
    assert client.post(cell_url("sdm"), {"score": 3, "agency": world.dinkes.pk}).status_code == 302
    existing.refresh_from_db()
    assert existing.score == 3


@pytest.mark.django_db
def test_grid_scores_bands_and_missing(world, login):
    # struktur: sdm 4, anggaran 3 → 3.50 siap; infrastruktur: digital 5 → 5.00 sangat siap; suprastruktur: none.
    # Pillar: (4 + 3 + 5)/3 = 4.00 siap; six aspects unscored; a cell without a score counts as unscored.
    cell(world, "sdm", 4, world.diskominfo, "Ada 12 pranata komputer")
    cell(world, "anggaran", 3, world.dinkes)
    cell(world, "digital", 5, world.diskominfo)
    cell(world, "regulasi", None, world.diskominfo, "Perbup SPBE masih draf")
    text = text_of(login(world.user("viewer")).get(PAGE))
    assert "Skor kesiapan pilar 4,00 siap" in text
    assert "Struktur 3,50 siap" in text
    assert "Infrastruktur 5,00 sangat siap" in text
    assert "Suprastruktur belum ada skor" in text
    assert (
        "6 aspek belum dinilai: Tata kelola, Infrastruktur fisik, Infrastruktur sosial, Regulasi, "
        "Kelembagaan, Tata laksana." in text
    )
    assert "Sumber daya manusia 4 — siap Ada 12 pranata komputer" in text
    assert "Diisi oleh Diskominfostandi" in text and "Diisi oleh Dinkes" in text
    assert "Regulasi belum dinilai Perbup SPBE masih draf" in text


@pytest.mark.django_db
def test_unknown_aspect_is_404(world, login):
    client = login(world.user("admin_bappelitbang"))
    assert client.get(cell_url("no-such-aspect")).status_code == 404
