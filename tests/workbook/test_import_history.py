"""The history of every record an import writes names the user who imported and why."""

from __future__ import annotations

from openpyxl import load_workbook

from kotacerdas.assessment.models import Driver, Strategy
from kotacerdas.interchange.workbook import import_workbook

from .conftest import exported, to_bytes


def test_the_history_records_who_imported(filled, world):
    admin = world.user("admin_bappelitbang")
    wb = load_workbook(exported(filled))
    wb["Pendorong"].append(["Pemekaran wilayah", "Politik", 3, 5])
    wb["Strategi"]["D2"] = "Perluas jaringan serat optik ke desa."
    import_workbook(filled, to_bytes(wb), user=admin)
    record = Driver.objects.get(name="Pemekaran wilayah").history.get()
    assert record.history_user == admin
    assert record.history_change_reason.startswith("Impor lembar kerja")
    assert record.instance.category == "political"
    assert Strategy.objects.get(code="GOV-SO1").history.latest().history_user == admin


def test_without_a_user_the_history_has_none(filled):
    wb = load_workbook(exported(filled))
    wb["Pendorong"].append(["Pemekaran wilayah", "political", 3, 5])
    import_workbook(filled, to_bytes(wb))
    assert Driver.objects.get(name="Pemekaran wilayah").history.get().history_user is None
