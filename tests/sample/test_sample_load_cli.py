"""`kotacerdas sample load NAME` loads a sample once, prints its demo logins, and keeps regions apart."""

from __future__ import annotations

import pytest

from kotacerdas import sample
from kotacerdas.cli import main
from kotacerdas.regions.models import (
    Agency,
    District,
    GovernanceMember,
    LocalWisdom,
    Membership,
    Mission,
    Region,
    RpjmdPeriod,
)

pytestmark = pytest.mark.django_db

MODELS = (District, RpjmdPeriod, Mission, Agency, LocalWisdom, GovernanceMember)


def counts(region: Region) -> dict[str, int]:
    result = {m.__name__: m.objects.filter(region=region).count() for m in MODELS}
    result["Membership"] = Membership.objects.filter(region=region).count()
    return result


def test_it_loads_katingan_and_prints_the_logins(capsys):
    assert main(["sample", "load", "katingan"]) == 0
    out = capsys.readouterr().out
    assert "Kabupaten Katingan (katingan)" in out
    for login in sample.DEMO_LOGINS["katingan"]:
        assert login.username in out
        assert login.password in out
        assert login.description in out
    assert Region.objects.filter(slug="katingan").count() == 1


def test_loading_twice_does_not_duplicate(capsys):
    assert main(["sample", "load", "katingan"]) == 0
    region = Region.objects.get(slug="katingan")
    before = counts(region)
    assert before["District"] == 13
    assert main(["sample", "load", "katingan"]) == 0
    out = capsys.readouterr().out
    assert Region.objects.filter(slug="katingan").count() == 1
    assert Region.objects.get(slug="katingan").pk == region.pk
    assert counts(region) == before
    assert out.count("katingan-admin") == 2  # the logins are printed on every run


def test_replace_loads_the_sample_afresh(capsys):
    assert main(["sample", "load", "katingan"]) == 0
    region = Region.objects.get(slug="katingan")
    LocalWisdom.objects.filter(region=region, name="Bukit Batu").update(description="diubah")
    before = counts(region)
    assert main(["sample", "load", "katingan", "--replace"]) == 0
    fresh = Region.objects.get(slug="katingan")
    assert fresh.pk != region.pk
    assert counts(fresh) == before
    assert LocalWisdom.objects.get(region=fresh, name="Bukit Batu").description != "diubah"
    assert "admin_bappelitbang" in capsys.readouterr().out


def test_unknown_sample_exits_2(capsys):
    assert main(["sample", "load", "atlantis"]) == 2
    assert "tidak ada" in capsys.readouterr().err
    assert not Region.objects.exists()


def test_the_fictional_region_loads_and_shares_nothing_with_katingan(capsys):
    assert main(["sample", "load", "katingan"]) == 0
    assert main(["sample", "load", "tanjung-harapan"]) == 0
    out = capsys.readouterr().out
    assert "Kota Tanjung Harapan (tanjung-harapan)" in out
    assert "admin_tanjung" in out and "tanjung-admin" in out

    katingan = Region.objects.get(slug="katingan")
    tanjung = Region.objects.get(slug="tanjung-harapan")
    assert tanjung.illustrative and tanjung.province == "Provinsi Contoh (fiktif)"
    assert counts(tanjung) == {
        "District": 3, "RpjmdPeriod": 1, "Mission": 3, "Agency": 4, "LocalWisdom": 3, "GovernanceMember": 2,
        "Membership": 1,
    }  # fmt: skip
    assert counts(katingan)["District"] == 13

    # Every row of the fictional region is illustrative, and no row of one region points into the other.
    for model in MODELS:
        for row in model.objects.filter(region=tanjung):
            assert row.illustrative, f"{model.__name__} {row}"
    assert all(m.period.region_id == tanjung.pk for m in Mission.objects.filter(region=tanjung))
    assert all(
        a.district is None or a.district.region_id == tanjung.pk
        for a in Agency.objects.filter(region=tanjung)
    )
    for model in (LocalWisdom, GovernanceMember):
        for row in model.objects.filter(region=tanjung).exclude(agency=None):
            assert row.agency.region_id == tanjung.pk
    assert not LocalWisdom.objects.filter(region=katingan, agency__region=tanjung).exists()
    assert not GovernanceMember.objects.filter(region=katingan, agency__region=tanjung).exists()

    # No user holds a role in both regions.
    katingan_users = set(Membership.objects.filter(region=katingan).values_list("user__username", flat=True))
    tanjung_users = set(Membership.objects.filter(region=tanjung).values_list("user__username", flat=True))
    assert tanjung_users == {"admin_tanjung"}
    assert not katingan_users & tanjung_users

    # Loading the fictional region left Katingan as it was.
    assert main(["sample", "load", "katingan"]) == 0
    assert Region.objects.count() == 2
