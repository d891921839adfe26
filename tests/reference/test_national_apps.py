"""The mandatory national applications: a sourced list, and name similarity that catches a rebuild both ways."""

from __future__ import annotations

import pytest

from kotacerdas.reference import national_apps
from kotacerdas.reference.national_apps import APPS, THRESHOLD, similar_apps


def keys(name: str, description: str = "") -> list[str]:
    return [m.app.key for m in similar_apps(name, description)]


def test_the_list_names_the_applications_of_the_issue_each_with_its_regulation():
    by_key = {app.key: app for app in APPS}
    for key in ("sipd", "srikandi", "siasn", "ekinerja", "lapor", "satudata", "pdn"):
        assert key in by_key
    assert "Permendagri 70/2019" in by_key["sipd"].basis
    assert "Perpres 39/2019" in by_key["satudata"].basis
    assert "Perpres 76/2013" in by_key["lapor"].basis
    assert "Perpres 95/2018" in by_key["pdn"].basis
    for app in APPS:
        assert app.basis and app.owner and app.phrases, app.key
        assert any(ch.isdigit() for ch in app.basis), app.key  # a numbered regulation, not a vague pointer


@pytest.mark.parametrize(
    ("name", "key"),
    [
        # activities of the Katingan sample (src/kotacerdas/sample/katingan.json)
        ("Portal Satu Data Katingan", "satudata"),
        ("Aplikasi perencanaan dan penganggaran terpadu berbasis data", "sipd"),
        ("Pusat data daerah dan pemulihan bencana (disaster recovery)", "pdn"),
        ("Sistem informasi kepegawaian dan presensi daring", "siasn"),
        ("Layanan administrasi kependudukan daring dan jemput bola di kecamatan", "siak"),
        ("Rekam medis elektronik terpadu puskesmas dan rumah sakit", "satusehat"),
        ("Pemutakhiran data kesejahteraan sosial secara daring", "siks"),
        # hand-made names
        ("Aplikasi surat menyurat elektronik (e-office)", "srikandi"),
        ("Sistem pengaduan masyarakat terpadu", "lapor"),
        ("Aplikasi penilaian kinerja pegawai", "ekinerja"),
        ("Sistim informasi kepegawayan", "siasn"),  # misspelt, still close enough
        ("Integrasi SRIKANDI di seluruh perangkat daerah", "srikandi"),  # by its name
    ],
)
def test_a_rebuild_is_caught(name, key):
    assert key in keys(name)


@pytest.mark.parametrize(
    "name",
    [
        # activities of the Katingan sample that build nothing a national application provides
        "Arsip digital karungut dan kamus daring bahasa Dayak Katingan",  # cultural archive, not SRIKANDI
        "Satu portal wisata dan produk daerah",  # "satu" and "portal" but no "data"
        "Pajak dan retribusi daerah daring (e-PAD)",
        "Pembayaran nontunai retribusi pasar kecamatan",
        "Peringatan dini kebakaran gambut untuk regu patroli masyarakat",
        "Bank sampah digital di Kasongan",
        "Pemantauan kekeruhan Sungai Katingan dan pelaporan PETI",  # "pelaporan" is not LAPOR
    ],
)
def test_an_unrelated_activity_is_not_caught(name):
    assert keys(name) == []


def test_a_phrase_in_the_description_alone_does_not_count_but_an_acronym_does():
    assert keys("Peta digital jalan desa", "Lapisan peta dikirim ke Satu Data.") == []
    assert keys("Pendampingan UMKM", "Pendampingan pendaftaran NIB di OSS.") == ["oss"]


def test_the_score_is_the_weakest_word_of_the_phrase():
    words = national_apps._words("Sistim informasi kepegawayan")
    assert national_apps.phrase_score("kepegawaian", words) >= THRESHOLD
    assert national_apps.phrase_score("kearsipan dinamis", national_apps._words("arsip digital")) < THRESHOLD
    assert THRESHOLD == 90
