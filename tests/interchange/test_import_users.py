"""Users travel as usernames and roles only: a new user gets no usable password, an existing one keeps theirs."""

from __future__ import annotations

import json

from django.contrib.auth import get_user_model

from kotacerdas.interchange.region_file import export_region, import_document
from kotacerdas.regions.models import Membership


def _document(exported: dict, users: list[dict]) -> dict:
    return {**exported, "users": users}


def test_a_new_user_is_created_without_a_usable_password(exported):
    document = _document(exported, [{"username": "kadis_baru", "role": "viewer", "agency": None}])
    region = import_document(document, slug="katingan-baru")
    user = get_user_model().objects.get(username="kadis_baru")
    assert not user.has_usable_password()
    assert not user.check_password("")
    assert Membership.objects.get(user=user).region == region
    assert (user.is_staff, user.is_superuser) == (False, False)


def test_an_existing_user_keeps_their_password_and_gets_the_membership(world, exported):
    existing = world.user("op_dinkes")
    existing.set_password("sandi-lama-yang-kuat")
    existing.save()
    region = import_document(exported, slug="katingan-baru")
    existing.refresh_from_db()
    assert existing.check_password("sandi-lama-yang-kuat")
    membership = Membership.objects.get(user=existing, region=region)
    assert (membership.role, membership.agency.abbreviation, membership.agency.region) == (
        "operator",
        "Dinkes",
        region,
    )
    assert Membership.objects.filter(user=existing).count() == 2
    assert get_user_model().objects.filter(username="op_dinkes").count() == 1


def test_no_password_is_ever_exported(world, exported):
    user = world.user("admin_bappelitbang")
    text = json.dumps(exported)
    assert "password" not in text
    assert user.password not in text
    assert all(set(entry) == {"username", "role", "agency"} for entry in exported["users"])


def test_a_password_in_the_file_is_refused(exported, row_counts):
    from kotacerdas.interchange.region_file import InvalidRegionFile

    exported["users"][0]["password"] = "rahasia"
    before = row_counts()
    try:
        import_document(exported, slug="katingan-baru")
    except InvalidRegionFile as exc:
        problems = exc.problems
    else:
        problems = []
    assert [p.split(": ")[0] for p in problems] == ["users[0].password"]
    assert row_counts() == before


def test_an_operator_of_an_agency_imported_alongside(exported):
    exported["users"] = [{"username": "op_setda", "role": "operator", "agency": "Setda"}]
    region = import_document(exported, slug="katingan-baru")
    membership = Membership.objects.get(region=region)
    assert (membership.user.username, membership.agency.abbreviation) == ("op_setda", "Setda")
    assert export_region(region)["users"] == exported["users"]
