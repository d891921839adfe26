"""Forms reject bad input with a clear Indonesian message and save nothing."""

from __future__ import annotations

import pytest


def _errors(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_abbreviation_already_used_in_this_region(admin_client, ws):
    from kotacerdas.regions.models import Agency

    response = admin_client.post(
        "/d/katingan/opd/baru/", {"name": "Dinas Kesehatan Baru", "abbreviation": "dinkes", "kind": "dinas"}
    )
    assert "Singkatan “dinkes” sudah dipakai di daerah ini." in _errors(response)
    assert Agency.objects.filter(region=ws.world.katingan).count() == 3


def test_the_same_abbreviation_is_fine_in_another_region(login, ws):
    from kotacerdas.regions.models import Agency

    client = login(ws.world.user("admin_other"))
    response = client.post(
        "/d/tanjung-harapan/opd/baru/", {"name": "Dinas Kesehatan", "abbreviation": "Dinkes", "kind": "dinas"}
    )
    assert response.status_code == 302
    assert Agency.objects.filter(region=ws.world.other, abbreviation="Dinkes").exists()


def test_end_year_before_start_year(admin_client, ws):
    from kotacerdas.regions.models import RpjmdPeriod

    response = admin_client.post(
        "/d/katingan/rpjmd/baru/", {"start_year": 2025, "end_year": 2020, "vision": "X"}
    )
    assert "Tahun akhir tidak boleh sebelum tahun awal." in _errors(response)
    assert not RpjmdPeriod.objects.filter(start_year=2025).exists()


def test_operator_without_agency(admin_client, ws):
    from kotacerdas.regions.models import Membership

    response = admin_client.post(
        "/d/katingan/anggota/baru/", {"mode": "existing", "username": "viewer", "role": "operator"}
    )
    assert "Pengguna ini sudah punya peran di daerah ini." in _errors(response)
    response = admin_client.post(
        "/d/katingan/anggota/baru/",
        {
            "mode": "new",
            "username": "baru",
            "password1": "Sungai-Katingan-650",
            "password2": "Sungai-Katingan-650",
            "role": "operator",
        },
    )
    assert "Operator harus terikat pada satu perangkat daerah." in _errors(response)
    assert not Membership.objects.filter(user__username="baru").exists()


def test_agency_of_another_region_is_not_a_choice(admin_client, ws):
    response = admin_client.post(
        "/d/katingan/kearifan-lokal/baru/",
        {
            "category": "bahasa",
            "name": "Bahasa Katingan",
            "description": "Bahasa sehari-hari.",
            "agency": ws.world.other_agency.pk,
        },
    )
    assert "Masukkan pilihan yang valid" in _errors(response)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"number": 1, "text": "Lagi"}, "Misi nomor 1 sudah ada di RPJMD 2018–2023."),
        ({"number": 6, "text": ""}, "Tuliskan bunyi misi, atau tandai sebagai belum dikonfirmasi."),
    ],
)
def test_mission_rules(admin_client, ws, data, message):
    response = admin_client.post("/d/katingan/misi/baru/", {"period": ws.period.pk, **data})
    assert message in _errors(response)
    assert ws.period.missions.count() == 2


def test_local_wisdom_name_already_recorded(login, ws):
    client = login(ws.world.user("op_dinkes"))
    response = client.post(
        "/d/katingan/kearifan-lokal/baru/",
        {
            "category": "situs_ruang",
            "name": "bukit batu",
            "description": "Lagi.",
            "agency": ws.world.dinkes.pk,
        },
    )
    assert "Kearifan lokal “bukit batu” sudah tercatat di daerah ini." in _errors(response)


def test_new_user_passwords_must_match_and_be_strong(admin_client, ws):
    base = {"mode": "new", "username": "operator_baru", "role": "viewer"}
    page = _errors(
        admin_client.post(
            "/d/katingan/anggota/baru/", {**base, "password1": "a-Long-pass-1", "password2": "lain"}
        )
    )
    assert "Kedua kata sandi tidak sama." in page
    page = _errors(
        admin_client.post("/d/katingan/anggota/baru/", {**base, "password1": "123", "password2": "123"})
    )
    assert "Kata sandi terlalu pendek" in page


def test_profile_codes_are_checked(admin_client, ws):
    response = admin_client.post(
        "/d/katingan/profil/ubah/",
        {
            "name": "Katingan",
            "kind": "kabupaten",
            "province": "Kalimantan Tengah",
            "kemendagri_code": "6206",
            "population": 169360,
        },
    )
    page = _errors(response)
    assert "Format kode Kemendagri: dua angka, titik, dua angka (62.06)." in page
    assert "Sebutkan tahun data jumlah penduduk." in page
