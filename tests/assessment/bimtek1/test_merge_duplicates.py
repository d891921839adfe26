"""The admin merges duplicate factors: ratings kept, strategies relinked, the removed factor deleted (and in the
history, with a reason, restorable); an operator cannot merge."""

from __future__ import annotations

import pytest

from kotacerdas.assessment.models import Strategy, SwotFactor, SwotRating

MERGE = "/d/katingan/analisis/swot/governance/gabung/"


@pytest.fixture
def duplicates(world, add_factor):
    kept = add_factor(
        "governance", "S", "Jaringan serat optik 162 km", (world.diskominfo, 5, 4), agency=world.diskominfo
    )
    removed = add_factor(
        "governance", "S", "Fiber optik sepanjang 162 km",
        (world.dinkes, 3, 3), (world.diskominfo, 2, 2), agency=world.dinkes,
    )  # fmt: skip
    other = add_factor("governance", "O", "Program menara BAKTI", (world.bappelitbang, 4, 4))
    strategy = Strategy.objects.create(
        region=world.katingan,
        pillar=removed.pillar,
        kind="SO",
        text="Layanan daring lewat fiber",
        agency=None,
    )
    strategy.factors.set([removed, other])
    return kept, removed, other, strategy


@pytest.mark.django_db
def test_admin_merges_duplicates(world, login, duplicates):
    kept, removed, other, strategy = duplicates
    client = login(world.user("admin_bappelitbang"))
    data = {"keep": kept.pk, "factors": [kept.pk, removed.pk]}

    preview = client.post(MERGE, data)  # first a confirmation page that says what will happen
    assert preview.status_code == 200
    page = preview.content.decode()
    assert "Penilaian Dinkes (kepentingan 3, peringkat 3) dipindahkan" in page
    assert "Diskominfostandi menilai kedua faktor" in page
    assert SwotFactor.objects.filter(pk=removed.pk).exists()

    response = client.post(MERGE, {**data, "confirm": "1"}, follow=True)
    assert response.status_code == 200
    assert not SwotFactor.objects.filter(pk=removed.pk).exists()
    ratings = {(r.agency.abbreviation, r.importance, r.rating) for r in kept.ratings.all()}
    assert ratings == {("Diskominfostandi", 5, 4), ("Dinkes", 3, 3)}  # the kept factor's own rating wins
    assert set(strategy.factors.all()) == {kept, other}
    text = response.content.decode()
    assert "1 faktor digabung" in text
    assert "nilai Diskominfostandi pada faktor yang dipertahankan dipakai" in text

    deleted = SwotFactor.history.get(id=removed.pk, history_type="-")
    assert deleted.history_change_reason.startswith(f"Digabung ke faktor #{kept.pk}")
    assert deleted.history_user == world.user("admin_bappelitbang")
    assert kept.history.first().history_change_reason.startswith("Gabungan dari")
    history = client.get("/d/katingan/riwayat/").content.decode()
    assert "Fiber optik sepanjang 162 km" in history and "Pulihkan" in history

    # Recoverable: restore the removed factor from the region history.
    restore = client.post(f"/d/katingan/riwayat/faktor-swot/{deleted.history_id}/pulihkan/")
    assert restore.status_code == 302 and SwotFactor.objects.filter(pk=removed.pk).exists()


@pytest.mark.django_db
def test_merge_needs_the_same_kind(world, login, duplicates):
    kept, removed, other, strategy = duplicates
    client = login(world.user("admin_bappelitbang"))
    response = client.post(MERGE, {"keep": kept.pk, "factors": [other.pk], "confirm": "1"}, follow=True)
    assert "Hanya faktor sejenis yang dapat digabung" in response.content.decode()
    assert SwotFactor.objects.count() == 3


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["op_diskominfo", "op_dinkes"])
def test_operator_cannot_merge(world, login, duplicates, persona):
    kept, removed, other, strategy = duplicates
    client = login(world.user(persona))
    data = {"keep": kept.pk, "factors": [kept.pk, removed.pk], "confirm": "1"}
    assert client.post(MERGE, data).status_code == 403
    assert SwotFactor.objects.count() == 3 and SwotRating.objects.count() == 4
    assert set(strategy.factors.all()) == {removed, other}


@pytest.mark.django_db
def test_merge_is_post_only(world, login, duplicates):
    assert login(world.user("admin_bappelitbang")).get(MERGE).status_code == 405
