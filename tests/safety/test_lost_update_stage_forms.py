"""No lost update on the stage pages' own forms and grids: the readiness cell, an agency's SWOT rating, the plan
settings, the document settings, the criterion-score grid and the ceiling grid. A and B load, A saves, B's save is
refused with both values shown and B's input kept, the database holds A's value; B saves again and wins."""

from __future__ import annotations

import html

import pytest
from django.test import Client

from kotacerdas.actionplan.models import Ceiling, CriterionScore
from kotacerdas.assessment.models import ReadinessScore, SwotRating

STALE = "sejak Anda membuka"


@pytest.fixture
def pair(katingan):
    def _pair(username: str = "admin_bappelitbang"):
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.get(username=username)
        a, b = Client(), Client()
        a.force_login(user)
        b.force_login(user)
        return a, b

    return _pair


def post(client, url, data, **change):
    body = {k: list(v) for k, v in data.items()}
    body.update({k: [v] for k, v in change.items()})
    return client.post(url, body)


def race(a, b, url, form_data, has, field, value_a, value_b, stored):
    """A and B load ``url``; A saves ``value_a``, B ``value_b`` into ``field``; then B saves again."""
    data_a, _k = form_data(a.get(url).content.decode(), has)
    data_b, _k = form_data(b.get(url).content.decode(), has)
    response = post(a, url, data_a, **{field: value_a})
    assert response.status_code == 302, response.content.decode()[:3000]
    after_a = stored()
    response = post(b, url, data_b, **{field: value_b})
    assert response.status_code in {200, 400}
    page = html.unescape(response.content.decode())
    assert STALE in page and "Sekarang tersimpan:" in page and "isian Anda:" in page
    assert stored() == after_a
    again, _k = form_data(response.content.decode(), has)
    assert again[field] == [value_b]
    assert post(b, url, again).status_code == 302
    assert stored() != after_a
    return page


def test_readiness_cell(pair, katingan, form_data):
    cell = ReadinessScore.objects.filter(region=katingan).select_related("pillar", "aspect").first()
    url = f"/d/katingan/analisis/kesiapan/{cell.pillar.slug}/{cell.aspect.slug}/"
    a, b = pair()
    race(a, b, url, form_data, "record_version", "narrative", "Versi A", "Versi B",
         lambda: ReadinessScore.objects.get(pk=cell.pk).narrative)  # fmt: skip


def test_an_agency_rating_of_a_swot_factor(pair, katingan, form_data):
    rating = SwotRating.objects.filter(region=katingan, agency__abbreviation="Dinkes").first()
    assert rating is not None
    factor = rating.factor
    url = f"/d/katingan/analisis/swot/{factor.pillar.slug}/faktor/{factor.pk}/nilai/"
    a, b = pair("op_dinkes")
    value_a = "1" if rating.importance != 1 else "2"
    race(a, b, url, form_data, "record_version", "importance", value_a, "5",
         lambda: SwotRating.objects.get(pk=rating.pk).importance)  # fmt: skip


def test_plan_settings(pair, katingan, form_data):
    from kotacerdas.assessment.models import PlanSettings

    url = "/d/katingan/analisis/pengaturan/"
    a, b = pair()
    current = PlanSettings.objects.get(region=katingan)
    race(a, b, url, form_data, "record_version", "horizon_year", str(current.horizon_year + 1),
         str(current.horizon_year + 2), lambda: PlanSettings.objects.get(region=katingan).horizon_year)  # fmt: skip


def test_document_settings(pair, katingan, form_data):
    from kotacerdas.masterplan.models import DocumentSettings

    DocumentSettings.objects.get_or_create(region=katingan)
    url = "/d/katingan/dokumen/pengaturan/"
    a, b = pair()
    data, kinds = form_data(a.get(url).content.decode())
    field = next(n for n, k in kinds.items() if k in {"textarea", "text"} and n != "record_version")
    race(a, b, url, form_data, "record_version", field, "Kata pengantar A", "Kata pengantar B",
         lambda: getattr(DocumentSettings.objects.get(region=katingan), field))  # fmt: skip


def test_the_criterion_score_grid(pair, katingan, form_data):
    score = CriterionScore.objects.filter(region=katingan).order_by("pk").first()
    name = f"s-{score.activity_id}-{score.criterion_id}"
    a, b = pair()
    others = [v for v in "12345" if v != str(score.score)]
    page = race(a, b, "/d/katingan/prioritas/skor/", form_data, "seen-*", name, others[0], others[1],
                lambda: CriterionScore.objects.get(pk=score.pk).score)  # fmt: skip
    assert "1 sel sudah diubah orang lain" in page
    assert f"Sekarang tersimpan: “{others[0]}” — isian Anda: “{others[1]}”." in page


def test_the_ceiling_grid_refuses_only_cells_changed_meanwhile(pair, katingan, form_data):
    ceiling = Ceiling.objects.filter(region=katingan).order_by("pk").first()
    assert ceiling is not None
    name = f"c-{ceiling.year}-{ceiling.source}"
    url = "/d/katingan/prioritas/pagu/"
    a, b = pair()
    data_a, _k = form_data(a.get(url).content.decode(), "seen-*")
    data_b, _k = form_data(b.get(url).content.decode(), "seen-*")
    other = next(n for n in data_a if n.startswith("c-") and n != name)
    # A changes one cell, B another one: no conflict, both changes are kept
    assert post(a, url, data_a, **{name: "1.000.000"}).status_code == 302
    assert post(b, url, data_b, **{other: "2.000.000"}).status_code == 302
    assert Ceiling.objects.get(pk=ceiling.pk).amount == 1_000_000
    # now both change the same cell
    race(a, b, url, form_data, "seen-*", name, "3.000.000", "4.000.000",
         lambda: Ceiling.objects.get(pk=ceiling.pk).amount)  # fmt: skip
    assert Ceiling.objects.get(pk=ceiling.pk).amount == 4_000_000
