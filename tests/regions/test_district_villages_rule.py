"""A district with listed villages keeps its counts equal to the list; a village's code sits under its district's.

Katingan Kuala (62.06.10) per wilayah.csv has kelurahan Pagatan Hilir (62.06.10.1001) and Pagatan Hulu (1002).
"""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from kotacerdas.regions.models import District, Village


@pytest.fixture
def kuala(world):
    region = world.katingan
    district = District.objects.create(region=region, code="62.06.10", name="Katingan Kuala", kelurahan=2)
    for code, name in (("62.06.10.1001", "Pagatan Hilir"), ("62.06.10.1002", "Pagatan Hulu")):
        Village.objects.create(region=region, district=district, code=code, name=name, kind="kelurahan")
    return district


@pytest.mark.django_db
def test_counts_that_disagree_with_the_list_are_refused(kuala):
    kuala.full_clean()
    kuala.desa = 3
    with pytest.raises(ValidationError):
        kuala.full_clean()
    assert (kuala.n_desa, kuala.n_kelurahan, kuala.villages) == (0, 2, 2)  # the list, not the stored count


@pytest.mark.django_db
def test_a_village_code_must_sit_under_its_district(kuala):
    village = Village(
        region=kuala.region, district=kuala, code="62.06.02.1003", name="Kasongan Baru", kind="kelurahan"
    )
    with pytest.raises(ValidationError) as caught:
        village.full_clean()
    assert "code" in caught.value.message_dict
