"""Unit checks of kotacerdas.permissions.Access (the role matrix over views is in test_permissions_matrix.py)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from kotacerdas.permissions import access_for, get_region_for_user, regions_for
from kotacerdas.regions.models import LocalWisdom


@pytest.mark.django_db
def test_operator_writes_only_their_agencys_records(world):
    mine = LocalWisdom.objects.get(name="Penyang Hinje Simpei")  # recorded by Diskominfostandi
    theirs = LocalWisdom.objects.get(name="Bukit Batu")  # recorded by Dinkes
    op = access_for(world.user("op_diskominfo"), world.katingan)
    assert op.can_read and op.can_write(mine) and not op.can_write(theirs)
    assert not op.can_write(world.katingan)  # the profile is the admin's
    assert op.can_create(LocalWisdom, agency=world.diskominfo)
    assert not op.can_create(LocalWisdom, agency=world.dinkes)
    assert list(op.agencies_for_write()) == [world.diskominfo]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["reviewer_dewan", "viewer"])
def test_readers_write_nothing(world, persona):
    access = access_for(world.user(persona), world.katingan)
    assert access.can_read
    assert not access.can_write(world.katingan)
    assert not access.can_write(LocalWisdom.objects.get(name="Bukit Batu"))
    assert not access.can_create(LocalWisdom, agency=world.dinkes)
    assert not access.agencies_for_write().exists()


@pytest.mark.django_db
def test_admin_of_another_region_sees_nothing_here(world):
    user = world.user("admin_other")
    assert list(regions_for(user)) == [world.other]
    with pytest.raises(Http404):
        get_region_for_user(user, "katingan")
    access = access_for(user, world.other)
    assert not access.can_write(LocalWisdom.objects.get(name="Bukit Batu"))  # a Katingan record


@pytest.mark.django_db
def test_superuser_is_admin_everywhere_and_anonymous_nowhere(world):
    root = get_user_model().objects.create_superuser("root", password="x-very-long-1")
    assert set(regions_for(root)) == {world.katingan, world.other}
    assert access_for(root, world.other).is_admin
    assert not regions_for(AnonymousUser()).exists()
    with pytest.raises(Http404):
        get_region_for_user(AnonymousUser(), "katingan")


@pytest.mark.django_db
def test_delete_follows_write_except_the_region_and_ones_own_role(world):
    from kotacerdas.regions.models import Membership

    admin = access_for(world.user("admin_bappelitbang"), world.katingan)
    own = Membership.objects.get(user=world.user("admin_bappelitbang"), region=world.katingan)
    other = Membership.objects.get(user=world.user("op_dinkes"), region=world.katingan)
    assert admin.can_delete(LocalWisdom.objects.get(name="Bukit Batu"))
    assert admin.can_delete(other) and not admin.can_delete(own)
    assert not admin.can_delete(world.katingan)
    op = access_for(world.user("op_dinkes"), world.katingan)
    assert op.can_delete(LocalWisdom.objects.get(name="Bukit Batu"))  # Dinkes' own record
    assert not op.can_delete(LocalWisdom.objects.get(name="Penyang Hinje Simpei"))
    assert not op.can_delete(other)  # roles are the admin's, even one's own
    assert not access_for(world.user("viewer"), world.katingan).can_delete(other)
