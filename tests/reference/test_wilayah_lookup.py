"""The area codes: a kabupaten/kota with its province, kecamatan and villages, checked against rows of the CSV."""

from __future__ import annotations

import pytest

from kotacerdas.reference import wilayah


def test_katingan_from_its_code():
    # wilayah.csv: "62.06,Kabupaten Katingan,kabkota,62,..." and "62,Kalimantan Tengah,provinsi,,..."
    k = wilayah.kabkota("62.06")
    assert (k.code, k.name, k.official_name, k.kind) == (
        "62.06",
        "Katingan",
        "Kabupaten Katingan",
        "kabupaten",
    )
    assert (k.province_code, k.province) == ("62", "Kalimantan Tengah")
    assert k.regulation == "Kepmendagri 300.2.2-2138/2025 jo. 300.2.2-2430/2025"
    assert len(k.kecamatan) == 13
    assert (k.desa, k.kelurahan) == (154, 7)
    assert [(c.code, c.name) for c in k.kecamatan[:3]] == [
        ("62.06.01", "Kamipang"),
        ("62.06.02", "Katingan Hilir"),
        ("62.06.03", "Tewang Sangalang Garing"),
    ]
    assert k.kecamatan[-1].code == "62.06.13" and k.kecamatan[-1].name == "Bukit Raya"


def test_katingan_kelurahan():
    k = wilayah.kabkota("62.06")
    kelurahan = {(c.name, v.code, v.name) for c in k.kecamatan for v in c.villages if v.kind == "kelurahan"}
    assert kelurahan == {
        ("Katingan Hilir", "62.06.02.1003", "Kasongan Baru"),
        ("Katingan Hilir", "62.06.02.1004", "Kasongan Lama"),
        ("Tewang Sangalang Garing", "62.06.03.1006", "Pendahara"),
        ("Katingan Tengah", "62.06.05.1009", "Samba Kahayan"),
        ("Katingan Hulu", "62.06.08.1014", "Tumbang Sanamang"),
        ("Katingan Kuala", "62.06.10.1001", "Pagatan Hilir"),
        ("Katingan Kuala", "62.06.10.1002", "Pagatan Hulu"),
    }


def test_a_desa_row():
    # wilayah.csv of another province: "11.01.01.2001,Keude Bakongan,desa,11.01.01,..."
    k = wilayah.kabkota("11.01")
    assert (k.name, k.kind, k.province) == ("Aceh Selatan", "kabupaten", "Aceh")
    bakongan = next(c for c in k.kecamatan if c.code == "11.01.01")
    assert bakongan.name == "Bakongan"
    assert wilayah.Village("11.01.01.2001", "Keude Bakongan", "desa") in bakongan.villages


def test_a_kota_has_its_kind_from_the_name():
    # "62.71,Kota Palangkaraya,kabkota,62,..."
    k = wilayah.kabkota("62.71")
    assert (k.kind, k.name, k.province) == ("kota", "Palangkaraya", "Kalimantan Tengah")


def test_list_of_kabupaten_kota():
    listed = wilayah.kabkota_list()
    assert len(listed) == 514
    assert ("62.06", "Kabupaten Katingan", "Kalimantan Tengah") in listed


@pytest.mark.parametrize(
    ("code", "suggested"),
    [
        ("62.16", "62.06"),  # an unknown code: the nearest codes of the same province
        ("6206", "62.06"),  # malformed: the dotted form
        ("Katingan", "62.06"),  # a name: the kabupaten of that name
        ("62.06.02", "62.06"),  # a kecamatan's code: its kabupaten
    ],
)
def test_unknown_or_malformed_code_is_refused_with_a_suggestion(code, suggested):
    with pytest.raises(wilayah.UnknownArea) as caught:
        wilayah.kabkota(code)
    assert suggested in [c for c, _ in caught.value.suggestions]
    assert "62.06 Kabupaten Katingan" in str(caught.value)
    assert "maksud Anda / did you mean" in str(caught.value)


def test_a_province_code_is_not_a_kabupaten():
    with pytest.raises(wilayah.UnknownArea):
        wilayah.kabkota("62")
