"""Model-level rules of the workspace that every entry path (web, import, admin) shares."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from kotacerdas.regions.models import Membership, Mission, Role, RpjmdPeriod


@pytest.mark.django_db
def test_mission_needs_words_unless_placeholder(world):
    period = RpjmdPeriod.objects.create(region=world.katingan, start_year=2018, end_year=2023, vision="V")
    with pytest.raises(ValidationError) as exc:
        Mission(region=world.katingan, period=period, number=4, text="").full_clean()
    assert "belum dikonfirmasi" in str(exc.value)
    Mission(region=world.katingan, period=period, number=4, text="", placeholder=True).full_clean()


@pytest.mark.django_db
def test_rpjmd_end_year_not_before_start(world):
    with pytest.raises(ValidationError) as exc:
        RpjmdPeriod(region=world.katingan, start_year=2023, end_year=2018, vision="V").full_clean()
    assert "Tahun akhir" in str(exc.value)


@pytest.mark.django_db
def test_operator_must_have_an_agency_of_the_same_region(world):
    user = world.user("viewer")
    with pytest.raises(ValidationError):
        Membership(user=user, region=world.other, role=Role.OPERATOR).full_clean()
    with pytest.raises(ValidationError) as exc:
        Membership(user=user, region=world.other, role=Role.OPERATOR, agency=world.diskominfo).full_clean()
    assert "daerah lain" in str(exc.value)
    with transaction.atomic(), pytest.raises(IntegrityError):
        Membership.objects.create(user=user, region=world.other, role=Role.OPERATOR)


@pytest.mark.django_db
def test_a_user_may_hold_roles_in_several_regions_but_one_per_region(world):
    user = world.user("viewer")
    Membership.objects.create(user=user, region=world.other, role=Role.REVIEWER)
    assert set(user.memberships.values_list("region__slug", "role")) == {
        ("katingan", "viewer"),
        ("tanjung-harapan", "reviewer"),
    }
    with transaction.atomic(), pytest.raises(IntegrityError):
        Membership.objects.create(user=user, region=world.katingan, role=Role.ADMIN)


@pytest.mark.django_db
def test_codes_are_validated(world):
    region = world.katingan
    region.kemendagri_code = "6206"
    region.bps_code = "62.09"
    with pytest.raises(ValidationError) as exc:
        region.full_clean()
    assert set(exc.value.message_dict) == {"kemendagri_code", "bps_code"}


@pytest.mark.django_db
def test_every_change_is_recorded_with_its_author(world):
    item = world.katingan.local_wisdom.get(name="Bukit Batu")
    item.description = "Situs pertapaan pahlawan nasional Tjilik Riwut."
    item._history_user = world.user("admin_bappelitbang")
    item.save()
    latest, first = item.history.all()[:2]
    assert latest.history_user == world.user("admin_bappelitbang")
    assert [c.field for c in latest.diff_against(first).changes] == ["description"]
