"""`kotacerdas workbook template|export|import` from the command line: exit codes, cell-named errors, no change."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from kotacerdas.assessment.models import SwotRating
from kotacerdas.cli import main


@pytest.mark.django_db
def test_template_export_and_import_round_trip(filled, tmp_path, capsys):
    template = tmp_path / "kosong.xlsx"
    assert main(["workbook", "template", "-o", str(template)]) == 0
    assert {"Kesiapan", "SWOT", "Strategi", "Kematangan", "Indikator", "Nilai", "Pendorong"} <= set(
        load_workbook(template).sheetnames
    )
    filled_file = tmp_path / "katingan.xlsx"
    assert main(["workbook", "export", "katingan", "-o", str(filled_file)]) == 0
    ratings = list(SwotRating.objects.order_by("pk").values_list("importance", "rating"))
    assert main(["workbook", "import", "katingan", str(filled_file)]) == 0
    assert "tetap / unchanged" in capsys.readouterr().out
    assert list(SwotRating.objects.order_by("pk").values_list("importance", "rating")) == ratings


@pytest.mark.django_db
def test_a_bad_rating_is_named_by_cell_and_nothing_changes(filled, row_counts, tmp_path, capsys):
    path = tmp_path / "katingan.xlsx"
    assert main(["workbook", "export", "katingan", "-o", str(path)]) == 0
    wb = load_workbook(path)
    wb["SWOT"]["G11"] = 7
    wb.save(path)
    before = row_counts()
    assert main(["workbook", "import", "katingan", str(path)]) == 1
    err = capsys.readouterr().err
    assert "SWOT!G11: rating 7 is outside 1–4" in err and "tidak ada yang diubah" in err
    assert row_counts() == before


@pytest.mark.django_db
def test_operator_export_and_unknown_names(filled, tmp_path, capsys):
    path = tmp_path / "dinkes.xlsx"
    assert main(["workbook", "export", "katingan", "-o", str(path), "--agency", "dinkes"]) == 0
    agencies = {
        row[4] for row in load_workbook(path)["SWOT"].iter_rows(min_row=2, values_only=True) if row[0]
    }
    assert agencies <= {"Dinkes"}
    assert main(["workbook", "export", "katingan", "-o", str(path), "--agency", "Dishub"]) == 2
    assert "unknown agency" in capsys.readouterr().err
    assert main(["workbook", "export", "tidak-ada", "-o", str(path)]) == 2
    assert main(["workbook", "import", "katingan", str(tmp_path / "hilang.xlsx")]) == 2
