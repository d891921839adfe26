"""Lampiran A has one row per activity, and its total equals the sum of the activities' yearly costs."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Sum

from kotacerdas.actionplan.models import Activity, ActivityYear
from kotacerdas.masterplan.builder import build
from kotacerdas.method.errors import rupiah

from .conftest import chapter, tables


def _check(region):
    doc = build(region)
    annex = chapter(doc, "Matriks Kegiatan")
    count = Activity.objects.filter(region=region).count()
    expected = ActivityYear.objects.filter(activity__region=region).aggregate(s=Sum("cost"))["s"] or Decimal(
        0
    )
    found = list(tables(annex))
    if count == 0:
        assert not found
        return doc
    (table,) = found
    assert len(table.rows) == count
    assert [row[0] for row in table.rows] == sorted(
        Activity.objects.filter(region=region).values_list("ref", flat=True),
        key=[row[0] for row in table.rows].index,
    )
    assert table.total[table.columns.index("Total biaya")] == rupiah(int(expected))
    return doc


def test_crafted_region_annex_rows_and_total(complete):
    doc = _check(complete)
    (table,) = tables(chapter(doc, "Matriks Kegiatan"))
    row = dict(zip(table.columns, table.rows[0], strict=True))
    assert row == {
        "Ref": "GOV-01",
        "Kode": "2.16.03.2.02",
        # The activity's own title, with the official name of kegiatan 2.16.03.2.02 beside it (issue 12; CSV row
        # "kegiatan,2.16.03.2.02,Pengelolaan E-government di Lingkup Pemerintah Daerah Kabupaten/Kota").
        "Kegiatan": "Portal satu data (kegiatan: Pengelolaan E-government di Lingkup Pemerintah Daerah Kabupaten/Kota)",
        "OPD": "Diskominfo",
        "Pilar": "Smart Governance",
        "Jangka": "Jangka menengah (≤ 5 tahun)",
        "Tahun": "2025–2026",
        "Lokasi": "Kecamatan Satu",
        "Total biaya": "Rp 1.550.000.001",
        "Target keluaran": "2025: 1; 2026: 2",
    }


def test_katingan_annex_rows_and_total(katingan):
    _check(katingan)
