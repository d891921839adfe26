"""The reference list of Permendagri 90/2019 codes: known codes are named, others are accepted and said to be
unknown, every entry is flagged to be checked against SIPD, and the activity page shows the description."""

from __future__ import annotations

import re

import pytest

from kotacerdas.actionplan import nomenclature
from kotacerdas.actionplan.models import ACTIVITY_CODE, PROGRAM_CODE


def test_every_reference_code_is_well_formed_and_flagged():
    assert len({c.code for c in nomenclature.CODES}) == len(nomenclature.CODES)
    for entry in nomenclature.CODES:
        validator = PROGRAM_CODE if entry.level == "program" else ACTIVITY_CODE
        assert re.match(validator.regex, entry.code), entry.code
        assert entry.note == "periksa dengan daftar SIPD terbaru"


def test_known_and_unknown_codes():
    assert nomenclature.lookup("2.16.03.2.02.09").name.startswith("Pengembangan dan Pengelolaan Ekosistem")
    assert nomenclature.parent("2.16.03.2.02.09") == "2.16.03.2.02"
    assert nomenclature.parent("2.16.03.2.02") == "2.16.03"
    assert nomenclature.parent("2.16.03") is None
    # A well-formed code that is not in the list is described through its nearest known parent.
    assert nomenclature.describe("2.16.03.2.02.0099").startswith(
        "kode belum ada di daftar rujukan; induknya kegiatan 2.16.03.2.02"
    )
    assert nomenclature.describe("2.11.04.2.01").startswith("kode belum ada di daftar rujukan (format sah)")


@pytest.mark.django_db
def test_the_activity_page_names_the_code(world, login):
    from kotacerdas.actionplan.models import Activity, Program
    from kotacerdas.framework.models import Pillar

    program = Program.objects.create(
        region=world.katingan, agency=world.diskominfo, pillar=Pillar.objects.get(slug="governance"),
        code="2.16.03", name="Program Aplikasi Informatika",
    )  # fmt: skip
    activity = Activity.objects.create(
        region=world.katingan, program=program, ref="GOV-01", code="2.16.03.2.02.09", name="Ekosistem kota cerdas",
        horizon="long", start_year=2025, end_year=2030, funding_source="apbd", infrastructure="governance",
    )  # fmt: skip
    page = (
        login(world.user("viewer")).get(f"/d/katingan/rencana-aksi/kegiatan/{activity.pk}/").content.decode()
    )
    assert "sub kegiatan 2.16.03.2.02.09: Pengembangan dan Pengelolaan Ekosistem" in page
