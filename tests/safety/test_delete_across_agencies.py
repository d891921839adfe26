"""Deleting a record that other agencies' records depend on.

An operator who deletes their SWOT factor would delete the other agencies' ratings of it and strip it from the
admin's strategies; deleting a local-wisdom item would delete other agencies' screenings; deleting an activity would
remove other agencies' dependency links. The operator is refused with the list by agency, and nothing is deleted;
the admin sees the same list on the confirmation page and may proceed. Each POST is followed by a look at the
database.
"""

from __future__ import annotations

import pytest

from kotacerdas.actionplan.models import Activity, Screening
from kotacerdas.assessment.models import Strategy, SwotFactor, SwotRating
from kotacerdas.framework.models import Pillar
from kotacerdas.regions.models import Agency, LocalWisdom


@pytest.fixture
def factor(katingan):
    """A Diskominfostandi factor rated by Dinkes and by Diskominfostandi, and merged into an admin strategy."""
    kominfo = Agency.objects.get(region=katingan, abbreviation="Diskominfostandi")
    dinkes = Agency.objects.get(region=katingan, abbreviation="Dinkes")
    pillar = Pillar.objects.filter(framework=katingan.framework).order_by("pk").first()
    factor = SwotFactor.objects.create(
        region=katingan, pillar=pillar, kind="S", text="Jaringan serat optik ke 13 kecamatan", agency=kominfo
    )
    SwotRating.objects.create(factor=factor, agency=dinkes, region=katingan, importance=3, rating=4)
    SwotRating.objects.create(factor=factor, agency=kominfo, region=katingan, importance=4, rating=4)
    strategy = Strategy.objects.create(
        region=katingan, pillar=pillar, kind="SO", text="Perluas layanan daring"
    )
    strategy.factors.add(factor)
    return factor


def test_an_operator_is_refused_when_other_agencies_depend_on_their_factor(as_user, factor):
    client = as_user("op_diskominfo")
    url = f"/d/katingan/faktor-swot/{factor.pk}/hapus/"
    page = client.get(url).content.decode()
    assert 'id="delete-refused"' in page and "Ya, hapus" not in page
    assert "Dinkes — Dinas Kesehatan" in page and "ikut terhapus" in page
    assert "Data admin daerah" in page and "kehilangan tautan" in page and "Perluas layanan daring" in page

    response = client.post(url)
    assert response.status_code == 403 and 'id="delete-refused"' in response.content.decode()
    assert SwotFactor.objects.filter(pk=factor.pk).exists()
    assert SwotRating.objects.filter(factor=factor).count() == 2
    assert list(Strategy.objects.get(text="Perluas layanan daring").factors.all()) == [factor]


def test_the_admin_sees_the_list_and_may_proceed(as_user, factor):
    client = as_user("admin_bappelitbang")
    url = f"/d/katingan/faktor-swot/{factor.pk}/hapus/"
    page = client.get(url).content.decode()
    assert 'id="dependents"' in page and "Ya, hapus" in page and 'id="delete-refused"' not in page
    assert "Dinkes — Dinas Kesehatan" in page and "Diskominfostandi — " in page
    assert page.index("Dinkes — ") < page.index("Diskominfostandi — ") < page.index("Data admin daerah")

    assert client.post(url).status_code == 302
    assert not SwotFactor.objects.filter(pk=factor.pk).exists()
    assert not SwotRating.objects.filter(factor_id=factor.pk).exists()
    assert not Strategy.objects.get(text="Perluas layanan daring").factors.exists()


def test_an_operator_deletes_what_only_their_own_agency_depends_on(as_user, factor):
    SwotRating.objects.filter(factor=factor).exclude(agency=factor.agency).delete()
    factor.strategies.clear()
    client = as_user("op_diskominfo")
    url = f"/d/katingan/faktor-swot/{factor.pk}/hapus/"
    page = client.get(url).content.decode()
    assert "Ya, hapus" in page and "Diskominfostandi — " in page  # their own rating goes too: they are told
    assert client.post(url).status_code == 302
    assert not SwotFactor.objects.filter(pk=factor.pk).exists()
    assert not SwotRating.objects.filter(factor_id=factor.pk).exists()


def test_local_wisdom_screened_by_another_agency(as_user, katingan):
    dinkes = Agency.objects.get(region=katingan, abbreviation="Dinkes")
    screening = Screening.objects.filter(region=katingan).exclude(activity__program__agency=dinkes).first()
    wisdom = screening.local_wisdom
    LocalWisdom.objects.filter(pk=wisdom.pk).update(agency=dinkes)  # the item is Dinkes's, the screening not
    client = as_user("op_dinkes")
    url = f"/d/katingan/kearifan-lokal/{wisdom.pk}/hapus/"
    response = client.post(url)
    assert response.status_code == 403
    page = response.content.decode()
    assert 'id="delete-refused"' in page and "ikut terhapus" in page
    assert f"{screening.activity.owning_agency().abbreviation} — " in page
    assert (
        LocalWisdom.objects.filter(pk=wisdom.pk).exists()
        and Screening.objects.filter(pk=screening.pk).exists()
    )


def test_an_activity_other_agencies_depend_on(as_user, katingan):
    dinkes = Agency.objects.get(region=katingan, abbreviation="Dinkes")
    own = Activity.objects.filter(program__agency=dinkes).order_by("pk").first()
    other = Activity.objects.exclude(program__agency=dinkes).filter(region=katingan).order_by("pk").first()
    other.depends_on.add(own)
    client = as_user("op_dinkes")
    url = f"/d/katingan/kegiatan/{own.pk}/hapus/"
    page = client.get(url).content.decode()
    assert (
        'id="delete-refused"' in page and "kehilangan tautan “bergantung pada”" in page and other.ref in page
    )
    assert client.post(url).status_code == 403
    assert Activity.objects.filter(pk=own.pk).exists() and own in other.depends_on.all()

    admin = as_user("admin_bappelitbang")
    assert admin.post(url).status_code == 302
    assert not Activity.objects.filter(pk=own.pk).exists() and not other.depends_on.filter(pk=own.pk).exists()
    assert Activity.objects.filter(pk=other.pk).exists()


def test_records_that_block_a_deletion_are_named_and_nothing_is_deleted(as_user, katingan):
    agency = Agency.objects.filter(region=katingan, programs__isnull=False).order_by("pk").first()
    client = as_user("admin_bappelitbang")
    url = f"/d/katingan/opd/{agency.pk}/hapus/"
    page = client.get(url).content.decode()
    assert 'id="delete-blocked"' in page and "Ya, hapus" not in page
    assert agency.programs.first().code in page
    response = client.post(url)
    assert response.status_code == 409
    assert Agency.objects.filter(pk=agency.pk).exists()
