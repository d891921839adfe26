"""Every bimtek record has the workspace's list, create, edit, history and revert pages, under the same permissions."""

from __future__ import annotations

import pytest

from kotacerdas.assessment.models import Strategy, SwotFactor
from kotacerdas.framework.models import Pillar


@pytest.fixture
def governance(db):
    return Pillar.objects.get(slug="governance")


def factor_form(pillar, agency, text="Jaringan serat optik 162 km", kind="S"):
    return {"pillar": pillar.pk, "kind": kind, "text": text, "agency": agency.pk, "order": 0}


@pytest.mark.django_db
def test_operator_adds_a_factor_for_their_own_agency_only(world, login, governance):
    client = login(world.user("op_diskominfo"))
    response = client.post("/d/katingan/faktor-swot/baru/", factor_form(governance, world.diskominfo))
    assert response.status_code == 302
    assert SwotFactor.objects.get().agency == world.diskominfo
    response = client.post("/d/katingan/faktor-swot/baru/", factor_form(governance, world.dinkes, "Lain"))
    assert response.status_code == 200 and SwotFactor.objects.count() == 1  # Dinkes is not a valid choice


@pytest.mark.django_db
def test_operator_cannot_edit_another_agencys_factor(world, login, governance):
    factor = SwotFactor.objects.create(
        region=world.katingan,
        pillar=governance,
        kind="W",
        text="46 desa tanpa sinyal",
        agency=world.diskominfo,
    )
    client = login(world.user("op_dinkes"))
    url = f"/d/katingan/faktor-swot/{factor.pk}/ubah/"
    assert client.get(url).status_code == 403
    assert client.post(url, factor_form(governance, world.dinkes, "diubah", "W")).status_code == 403
    factor.refresh_from_db()
    assert factor.text == "46 desa tanpa sinyal"


@pytest.mark.django_db
@pytest.mark.parametrize("persona,status", [("viewer", 403), ("reviewer_dewan", 403), ("admin_other", 404)])
def test_readers_and_outsiders_cannot_add(world, login, governance, persona, status):
    client = login(world.user(persona))
    response = client.post("/d/katingan/faktor-swot/baru/", factor_form(governance, world.diskominfo))
    assert response.status_code == status and not SwotFactor.objects.exists()


@pytest.mark.django_db
def test_strategy_must_combine_its_two_kinds(world, login, governance):
    def factor(kind):
        return SwotFactor.objects.create(
            region=world.katingan,
            pillar=governance,
            kind=kind,
            text=f"faktor {kind}",
            agency=world.diskominfo,
        )

    s, w, o = factor("S"), factor("W"), factor("O")
    client = login(world.user("admin_bappelitbang"))
    data = {"pillar": governance.pk, "kind": "SO", "code": "GOV-SO1", "text": "Perluas layanan daring"}
    response = client.post("/d/katingan/strategi/baru/", {**data, "factors": [s.pk, w.pk]})
    assert "hanya menggabungkan faktor S dan O" in response.content.decode()
    response = client.post("/d/katingan/strategi/baru/", {**data, "factors": [s.pk]})
    assert "sedikitnya satu faktor S dan satu O" in response.content.decode()
    assert not Strategy.objects.exists()
    assert client.post("/d/katingan/strategi/baru/", {**data, "factors": [s.pk, o.pk]}).status_code == 302
    assert set(Strategy.objects.get().factors.all()) == {s, o}


@pytest.mark.django_db
def test_factor_history_and_revert(world, login, governance):
    client = login(world.user("admin_bappelitbang"))
    client.post("/d/katingan/faktor-swot/baru/", factor_form(governance, world.diskominfo, "Versi pertama"))
    factor = SwotFactor.objects.get()
    client.post(
        f"/d/katingan/faktor-swot/{factor.pk}/ubah/", factor_form(governance, world.diskominfo, "Kedua")
    )
    factor.refresh_from_db()
    assert factor.text == "Kedua"
    first = factor.history.order_by("history_date").first()
    page = client.get(f"/d/katingan/faktor-swot/{factor.pk}/riwayat/").content.decode()
    assert "Versi pertama" in page and "Kedua" in page
    client.post(f"/d/katingan/faktor-swot/{factor.pk}/riwayat/{first.history_id}/kembalikan/")
    factor.refresh_from_db()
    assert factor.text == "Versi pertama"
    assert factor.history.first().history_change_reason.startswith("Dikembalikan ke versi")


@pytest.mark.django_db
def test_other_regions_factor_is_not_found(world, login, governance):
    foreign = SwotFactor.objects.create(region=world.other, pillar=governance, kind="S", text="rahasia")
    client = login(world.user("admin_bappelitbang"))
    assert client.get(f"/d/katingan/faktor-swot/{foreign.pk}/").status_code == 404
    assert "rahasia" not in client.get("/d/katingan/faktor-swot/").content.decode()


@pytest.mark.django_db
def test_create_forms_take_initial_values_from_the_link(world, login):
    client = login(world.user("admin_bappelitbang"))
    page = client.get("/d/katingan/skenario/baru/?cell=high_low&unknown=x").content.decode()
    assert '<option value="high_low" selected>' in page
