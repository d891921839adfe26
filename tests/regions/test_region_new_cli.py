"""`kotacerdas region new CODE [--slug S]` creates a ready workspace from the official area codes.

Facts from wilayah.csv: 62.06 is Kabupaten Katingan in Kalimantan Tengah (62) with 13 kecamatan (62.06.01 Kamipang
… 62.06.13 Bukit Raya), 154 desa and 7 kelurahan: Kasongan Baru and Kasongan Lama (62.06.02 Katingan Hilir),
Pendahara (62.06.03 Tewang Sangalang Garing), Samba Kahayan (62.06.05 Katingan Tengah), Tumbang Sanamang
(62.06.08 Katingan Hulu), Pagatan Hilir and Pagatan Hulu (62.06.10 Katingan Kuala).
"""

from __future__ import annotations

import pytest

from kotacerdas.cli import main
from kotacerdas.framework.reference import DEFAULT_FRAMEWORK
from kotacerdas.regions.models import District, Region, Village

pytestmark = pytest.mark.django_db


def test_it_creates_katingan_from_its_code(capsys):
    assert main(["region", "new", "62.06"]) == 0
    out = capsys.readouterr().out
    assert "Kabupaten Katingan (katingan)" in out
    assert "13 kecamatan, 154 desa, 7 kelurahan" in out
    assert " s" in out.splitlines()[-1]  # the time it took
    region = Region.objects.get(slug="katingan")
    assert (region.name, region.kind, region.province, region.kemendagri_code) == (
        "Katingan",
        "kabupaten",
        "Kalimantan Tengah",
        "62.06",
    )
    assert region.capital == ""  # the area codes do not name it
    assert region.framework.slug == DEFAULT_FRAMEWORK
    districts = list(District.objects.filter(region=region).order_by("order"))
    assert len(districts) == 13
    assert (districts[0].code, districts[0].name) == ("62.06.01", "Kamipang")
    assert (districts[-1].code, districts[-1].name) == ("62.06.13", "Bukit Raya")
    assert sum(d.desa for d in districts) == 154
    assert sum(d.kelurahan for d in districts) == 7
    villages = Village.objects.filter(region=region)
    assert villages.filter(kind="desa").count() == 154
    kelurahan = {(v.district.name, v.code, v.name) for v in villages.filter(kind="kelurahan")}
    assert kelurahan == {
        ("Katingan Hilir", "62.06.02.1003", "Kasongan Baru"),
        ("Katingan Hilir", "62.06.02.1004", "Kasongan Lama"),
        ("Tewang Sangalang Garing", "62.06.03.1006", "Pendahara"),
        ("Katingan Tengah", "62.06.05.1009", "Samba Kahayan"),
        ("Katingan Hulu", "62.06.08.1014", "Tumbang Sanamang"),
        ("Katingan Kuala", "62.06.10.1001", "Pagatan Hilir"),
        ("Katingan Kuala", "62.06.10.1002", "Pagatan Hulu"),
    }


def test_a_taken_slug_is_refused_with_a_free_one_suggested(capsys):
    assert main(["region", "new", "62.06"]) == 0
    capsys.readouterr()
    assert main(["region", "new", "62.06"]) == 2
    err = capsys.readouterr().err
    assert "sudah dipakai" in err and "already taken" in err and "--slug katingan-2" in err
    assert Region.objects.filter(kemendagri_code="62.06").count() == 1
    assert main(["region", "new", "62.06", "--slug", "katingan-2"]) == 0
    assert Region.objects.get(slug="katingan-2").districts.count() == 13


@pytest.mark.parametrize("code", ["62.16", "6206", "Katingan"])
def test_an_unknown_or_malformed_code_is_refused_with_a_suggestion(capsys, code):
    assert main(["region", "new", code]) == 2
    err = capsys.readouterr().err
    assert "maksud Anda / did you mean" in err and "62.06 Kabupaten Katingan" in err
    assert not Region.objects.exists()


def test_a_bad_slug_is_refused(capsys):
    assert main(["region", "new", "62.06", "--slug", "Katingan Dua"]) == 2
    assert "tidak sah" in capsys.readouterr().err
    assert not Region.objects.exists()


def test_a_kota(capsys):
    # "62.71,Kota Palangkaraya,kabkota,62,..."
    assert main(["region", "new", "62.71"]) == 0
    region = Region.objects.get(slug="palangkaraya")
    assert (region.kind, region.title) == ("kota", "Kota Palangkaraya")
