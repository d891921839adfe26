"""Who may bring which row in through an import is answered by ``permissions.Access`` (``for_import``,
``may_bring_in``, ``may_bring_in_for``, ``may_reopen``), for the region file and the workbook alike."""

from __future__ import annotations

from kotacerdas.assessment.models import Driver
from kotacerdas.permissions import Access
from kotacerdas.regions.models import LocalWisdom


def test_an_import_without_an_agency_has_the_admins_rights(world):
    access = Access.for_import(world.katingan)
    wisdom = LocalWisdom.objects.get(name="Bukit Batu")  # Dinkes's
    assert access.is_admin
    assert access.may_bring_in(LocalWisdom, wisdom, agency=world.dinkes)
    assert access.may_bring_in(Driver)
    assert access.may_bring_in_for(None)
    assert access.may_reopen()


def test_an_operators_import_brings_in_only_their_own_agencys_rows(world):
    access = Access.for_import(world.katingan, world.dinkes)
    own = LocalWisdom.objects.get(name="Bukit Batu")  # Dinkes's
    others = LocalWisdom.objects.get(name="Penyang Hinje Simpei")  # Diskominfostandi's
    assert not access.is_admin and access.agency == world.dinkes
    assert access.may_bring_in(LocalWisdom, own, agency=world.dinkes)
    assert access.may_bring_in(LocalWisdom, own)
    assert access.may_bring_in(LocalWisdom, agency=world.dinkes)  # a new row of their own agency
    assert not access.may_bring_in(LocalWisdom, agency=world.diskominfo)  # a new row of another agency
    assert not access.may_bring_in(LocalWisdom, others)  # another agency's row
    assert not access.may_bring_in(LocalWisdom, own, agency=world.diskominfo)  # moving their row away
    assert not access.may_bring_in(Driver)  # drivers are the admin's


def test_rows_hanging_off_a_record_follow_that_records_agency(world):
    access = Access.for_import(world.katingan, world.dinkes)
    assert access.may_bring_in_for(world.dinkes)
    assert not access.may_bring_in_for(world.diskominfo)
    assert not access.may_bring_in_for(None)  # the admin's record
    assert not access.may_reopen()
