"""Workbook download and upload from the web: operators limited to their agency, bad uploads change nothing."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from kotacerdas.assessment.models import MaturityLevel

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BASE = "/d/katingan/analisis/workbook/"


@pytest.fixture
def levels(world, element):
    k = world.katingan
    return {
        "kominfo": MaturityLevel.objects.create(
            region=k, element=element("governance", "service"), current=2, target=4, evidence="SIPD",
            agency=world.diskominfo,
        ),
        "dinkes": MaturityLevel.objects.create(
            region=k, element=element("living", "health"), current=1, target=3, agency=world.dinkes
        ),
    }  # fmt: skip


def _book(response):
    return load_workbook(io.BytesIO(response.content))


def _maturity_rows(book) -> dict[str, tuple]:
    """Kematangan sheet rows that carry a level, by element slug."""
    rows = {}
    for row in book["Kematangan"].iter_rows(min_row=2, values_only=True):
        if row[2] is not None:
            rows[str(row[1]).split(" — ")[0]] = row
    return rows


def _upload(client, book, name="katingan-bimtek.xlsx"):
    buffer = io.BytesIO()
    book.save(buffer)
    return client.post(
        BASE + "unggah/", {"file": SimpleUploadedFile(name, buffer.getvalue(), content_type=XLSX)}
    )


@pytest.mark.django_db
def test_blank_template_downloads_as_a_valid_workbook(world, login):
    response = login(world.user("viewer")).get(BASE + "template.xlsx")
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    assert 'filename="kotacerdas-bimtek-template.xlsx"' in response["Content-Disposition"]
    book = _book(response)
    assert {"Kesiapan", "SWOT", "Strategi", "Kematangan", "Indikator", "Nilai", "Pendorong"} <= set(
        book.sheetnames
    )
    assert _maturity_rows(book) == {}  # blank


@pytest.mark.django_db
def test_admin_downloads_everything(world, login, levels):
    response = login(world.user("reviewer_dewan")).get(BASE + "unduh.xlsx")  # readers may download too
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    assert 'filename="katingan-bimtek.xlsx"' in response["Content-Disposition"]
    assert set(_maturity_rows(_book(response))) == {"service", "health"}


@pytest.mark.django_db
def test_operator_downloads_only_their_agencys_rows(world, login, levels):
    response = login(world.user("op_dinkes")).get(BASE + "unduh.xlsx")
    assert 'filename="katingan-bimtek-dinkes.xlsx"' in response["Content-Disposition"]
    rows = _maturity_rows(_book(response))
    assert set(rows) == {"health"} and rows["health"][5] == "Dinkes"


@pytest.mark.django_db
def test_bad_upload_names_the_cell_and_changes_nothing(world, login, levels, row_counts):
    client = login(world.user("admin_bappelitbang"))
    book = _book(client.get(BASE + "unduh.xlsx"))
    sheet = book["Kematangan"]
    row = next(r for r in range(2, sheet.max_row + 1) if str(sheet.cell(r, 2).value).startswith("service"))
    sheet.cell(row, 3).value = 7  # current level outside 1–5
    sheet.cell(row + 1, 3).value = 3  # a good change next to it, which must not be written either
    before = row_counts()
    response = _upload(client, book)
    assert response.status_code == 400
    html = response.content.decode()
    assert f"<code>Kematangan!C{row}</code>" in html
    assert "Tidak ada data yang diubah." in html
    assert row_counts() == before
    levels["kominfo"].refresh_from_db()
    assert levels["kominfo"].current == 2


@pytest.mark.django_db
def test_good_upload_changes_the_data(world, login, levels):
    client = login(world.user("admin_bappelitbang"))
    book = _book(client.get(BASE + "unduh.xlsx"))
    sheet = book["Kematangan"]
    row = next(r for r in range(2, sheet.max_row + 1) if str(sheet.cell(r, 2).value).startswith("service"))
    sheet.cell(row, 3).value = 3
    response = _upload(client, book)
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "diimpor" in html
        and '<tr data-sheet="Kematangan"><th scope="row">Kematangan</th><td class="num">0</td><td class="num">1</td>'
        in html
    )
    levels["kominfo"].refresh_from_db()
    assert levels["kominfo"].current == 3


@pytest.mark.django_db
def test_operator_upload_cannot_change_another_agencys_row(world, login, levels, row_counts):
    admin = login(world.user("admin_bappelitbang"))
    book = _book(admin.get(BASE + "unduh.xlsx"))
    sheet = book["Kematangan"]
    row = next(r for r in range(2, sheet.max_row + 1) if str(sheet.cell(r, 2).value).startswith("health"))
    sheet.cell(row, 3).value = 2  # Dinkes's row
    client = login(world.user("op_diskominfo"))
    before = row_counts()
    response = _upload(client, book)
    assert response.status_code == 400 and "Tidak ada data yang diubah." in response.content.decode()
    assert row_counts() == before


@pytest.mark.django_db
def test_a_file_that_is_not_a_workbook_is_refused(world, login, row_counts):
    client = login(world.user("admin_bappelitbang"))
    before = row_counts()
    upload = SimpleUploadedFile("catatan.xlsx", b"bukan workbook", content_type=XLSX)
    response = client.post(BASE + "unggah/", {"file": upload})
    assert response.status_code == 400 and "Tidak ada data yang diubah." in response.content.decode()
    assert row_counts() == before


@pytest.mark.django_db
@pytest.mark.parametrize("persona,status", [("viewer", 403), ("reviewer_dewan", 403), ("admin_other", 404)])
def test_readers_cannot_upload(world, login, levels, row_counts, persona, status):
    admin = login(world.user("admin_bappelitbang"))
    book = _book(admin.get(BASE + "unduh.xlsx"))
    client = login(world.user(persona))
    before = row_counts()
    assert _upload(client, book).status_code == status
    assert row_counts() == before
    if status == 403:
        assert "unggahan hanya untuk admin dan operator" in client.get(BASE).content.decode()
