"""The code pickers of the program and activity forms, the code search (page and JSON) and the output indicator a
sub kegiatan proposes (issue 12 item 2), checked against rows of the shipped nomenclature CSV.

Rows used (``nomenclature-5889-2021.csv``):
- ``program,2.16.03,PROGRAM PENGELOLAAN APLIKASI INFORMATIKA,2.16``
- ``kegiatan,2.16.03.2.02,Pengelolaan E-government di Lingkup Pemerintah Daerah Kabupaten/Kota,2.16.03``
- ``subkegiatan,2.16.03.2.02.0009,Pengembangan dan Pengelolaan Ekosistem Kabupaten/Kota Cerdas dan Kota Cerdas``,
  indikator ``Jumlah Dokumen Program Inovasi yang Diimplementasikan Sesuai dengan Masterplan Smart City``,
  satuan ``Dokumen``
- ``program,1.02.02,PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT,1.02``
"""

from __future__ import annotations

import csv
import gzip
import re
from importlib import resources

import pytest
from django.urls import reverse

from kotacerdas.actionplan.models import Activity, Program
from kotacerdas.framework.models import Pillar

SUB = "2.16.03.2.02.0009"
SUB_NAME = "Pengembangan dan Pengelolaan Ekosistem Kabupaten/Kota Cerdas dan Kota Cerdas"
SUB_INDIKATOR = "Jumlah Dokumen Program Inovasi yang Diimplementasikan Sesuai dengan Masterplan Smart City"
PROGRAM_NAME = "PROGRAM PENGELOLAAN APLIKASI INFORMATIKA"


def _csv_codes_under(prefix: str) -> set[str]:
    raw = (
        resources.files("kotacerdas.reference").joinpath("data", "nomenclature-5889-2021.csv.gz").read_bytes()
    )
    rows = csv.DictReader(gzip.decompress(raw).decode("utf-8").splitlines())
    return {
        r["code"]
        for r in rows
        if r["code"].startswith(prefix + ".") and r["level"] in ("kegiatan", "subkegiatan")
    }


@pytest.fixture
def programs(world):
    k = world.katingan
    governance = Pillar.objects.get(framework=k.framework, slug="governance")
    living = Pillar.objects.get(framework=k.framework, slug="living")
    kominfo = Program.objects.create(
        region=k, agency=world.diskominfo, pillar=governance, code="2.16.03", name=PROGRAM_NAME
    )
    dinkes = Program.objects.create(
        region=k,
        agency=world.dinkes,
        pillar=living,
        code="1.02.02",
        name="PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT",
    )
    return kominfo, dinkes


def _url(region="katingan"):
    return reverse("actionplan-codes", kwargs={"slug": region})


def _form(program, **extra) -> dict:
    data = {
        "program": program.pk,
        "ref": "GOV-09",
        "code": SUB,
        "name": "Dasbor kota cerdas",
        "horizon": "short",
        "start_year": 2026,
        "end_year": 2026,
        "funding_source": "apbd",
        "infrastructure": "governance",
        "mandatory": "unknown",
    }
    data.update(extra)
    return data


# --- the search (JSON for the script, a page without it) -----------------------------------------------------


def test_search_by_words_within_the_program(world, login, programs):
    kominfo, _dinkes = programs
    client = login(world.user("op_diskominfo"))
    response = client.get(_url(), {"format": "json", "q": "ekosistem kota cerdas", "program": kominfo.pk})
    assert response.status_code == 200
    results = response.json()["results"]
    assert results[0] == {
        "code": SUB,
        "level": "sub kegiatan",
        "name": SUB_NAME,
        "indikator": SUB_INDIKATOR,
        "satuan": "Dokumen",
    }
    assert all(r["code"].startswith("2.16.03.") for r in results)
    assert len(response.content) < 5_000  # a light answer


def test_search_by_code_prefix(world, login, programs):
    kominfo, _dinkes = programs
    client = login(world.user("viewer"))
    results = client.get(_url(), {"format": "json", "q": "2.16.03.2.02", "program": kominfo.pk}).json()[
        "results"
    ]
    assert results[0]["code"] == "2.16.03.2.02"
    assert results[0]["name"] == "Pengelolaan E-government di Lingkup Pemerintah Daerah Kabupaten/Kota"
    assert "indikator" not in results[0]  # a kegiatan proposes no indicator
    assert [r["code"] for r in results] == sorted(
        c for c in _csv_codes_under("2.16.03") if c.startswith("2.16.03.2.02")
    )  # the kegiatan and its 12 sub kegiatan in the CSV
    # a broad prefix: at most 15 per answer (the support program of bidang 2.16 has 117 codes below it)
    results = client.get(_url(), {"format": "json", "q": "2.16.01"}).json()["results"]
    assert len(results) == 15
    assert all(r["code"].startswith("2.16.01.") for r in results)


def test_program_limits_the_search(world, login, programs):
    _kominfo, dinkes = programs
    client = login(world.user("viewer"))
    results = client.get(
        _url(), {"format": "json", "q": "ekosistem kota cerdas", "program": dinkes.pk}
    ).json()["results"]
    assert all(r["code"].startswith("1.02.02.") for r in results)
    assert SUB not in {r["code"] for r in results}


def test_program_search_finds_programs_only(world, login, programs):
    client = login(world.user("viewer"))
    results = client.get(_url(), {"format": "json", "q": "aplikasi informatika", "jenis": "program"}).json()[
        "results"
    ]
    assert results[0] == {"code": "2.16.03", "level": "program", "name": PROGRAM_NAME}
    assert all(r["level"] == "program" for r in results)


def test_search_page_without_script(world, login, programs):
    kominfo, _dinkes = programs
    client = login(world.user("op_diskominfo"))
    response = client.get(_url(), {"q": "ekosistem kota cerdas", "program": kominfo.pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert SUB in html and SUB_NAME in html and SUB_INDIKATOR in html
    create = reverse("object-create", kwargs={"slug": "katingan", "kind": "kegiatan"})
    assert f"{create}?program={kominfo.pk}&amp;code={SUB}" in html


def test_program_of_another_region_is_not_searched_under(world, login, programs):
    other = Program.objects.create(
        region=world.other,
        agency=world.other_agency,
        pillar=Pillar.objects.get(framework=world.other.framework, slug="living"),
        code="1.02.02",
        name="PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT",
    )
    client = login(world.user("viewer"))
    # the other region's program id is ignored: the search is not limited to it (an empty query lists nothing)
    assert client.get(_url(), {"format": "json", "q": "", "program": other.pk}).json()["results"] == []
    assert client.get(_url("tanjung-harapan"), {"format": "json", "q": "x"}).status_code == 404


# --- the pickers in the forms ----------------------------------------------------------------------------------


def _datalist(html: str, field: str) -> list[str]:
    block = re.search(rf'<datalist id="id_{field}_pilihan">(.*?)</datalist>', html, re.S)
    assert block, f"no datalist for {field}"
    return re.findall(r'<option value="([^"]+)"', block.group(1))


def test_activity_form_lists_only_the_programs_codes(world, login, programs):
    kominfo, _dinkes = programs
    client = login(world.user("admin_bappelitbang"))
    create = reverse("object-create", kwargs={"slug": "katingan", "kind": "kegiatan"})
    html = client.get(create, {"program": kominfo.pk}).content.decode()
    offered = _datalist(html, "code")
    assert set(offered) == _csv_codes_under("2.16.03")  # the CSV's 17 kegiatan and sub kegiatan of 2.16.03
    assert 'list="id_code_pilihan"' in html
    assert "kotacerdas/code_picker.js" in html
    # no program chosen: nothing listed (never the 2,900 codes), and the search page is linked
    html = client.get(create).content.decode()
    assert _datalist(html, "code") == []
    assert reverse("actionplan-codes", kwargs={"slug": "katingan"}) in html
    assert "Pilih program dulu: daftar kode berisi kegiatan dan sub kegiatan program itu." in html


def test_program_form_lists_programs_and_fills_the_official_name(world, login, programs):
    client = login(world.user("admin_bappelitbang"))
    create = reverse("object-create", kwargs={"slug": "katingan", "kind": "program"})
    html = client.get(create).content.decode()
    offered = _datalist(html, "code")
    assert "Ketik kode atau kata dari nama program, lalu pilih dari daftar." in html
    assert "2.16.03" in offered and "1.02.02" in offered
    assert "2.16.01" in offered and "5.01.01" in offered  # the support program, by bidang
    assert all(code.count(".") == 2 for code in offered)
    pillar = Pillar.objects.get(framework=world.katingan.framework, slug="economy")
    response = client.post(
        create,
        {"agency": world.bappelitbang.pk, "pillar": pillar.pk, "code": "5.01.01", "name": ""},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    saved = Program.objects.get(region=world.katingan, code="5.01.01")
    assert saved.name == "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"  # X.XX.01 in the CSV


# --- the output indicator proposed by a sub kegiatan ----------------------------------------------------------


def _create(client, data):
    response = client.post(reverse("object-create", kwargs={"slug": "katingan", "kind": "kegiatan"}), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return Activity.objects.get(region__slug="katingan", ref=data["ref"])


def test_sub_kegiatan_proposes_indicator_and_unit_when_empty(world, login, programs):
    kominfo, _dinkes = programs
    activity = _create(login(world.user("op_diskominfo")), _form(kominfo))
    assert activity.output_indicator == SUB_INDIKATOR
    assert activity.output_unit == "Dokumen"
    assert activity.name == "Dasbor kota cerdas"  # the activity's own title stays


def test_what_the_user_typed_is_never_overwritten(world, login, programs):
    kominfo, _dinkes = programs
    client = login(world.user("op_diskominfo"))
    typed = _create(client, _form(kominfo, output_indicator="Jumlah dasbor", output_unit="aplikasi"))
    assert (typed.output_indicator, typed.output_unit) == ("Jumlah dasbor", "aplikasi")
    # an own indicator without a unit: the official unit belongs to the official indicator, so none is proposed
    own = _create(client, _form(kominfo, ref="GOV-10", output_indicator="Jumlah dasbor"))
    assert (own.output_indicator, own.output_unit) == ("Jumlah dasbor", "")
    # a unit of one's own with no indicator: the indicator is proposed, the unit kept
    unit = _create(client, _form(kominfo, ref="GOV-11", output_unit="paket"))
    assert (unit.output_indicator, unit.output_unit) == (SUB_INDIKATOR, "paket")


def test_kegiatan_proposes_nothing(world, login, programs):
    kominfo, _dinkes = programs
    activity = _create(login(world.user("op_diskominfo")), _form(kominfo, code="2.16.03.2.02"))
    assert (activity.output_indicator, activity.output_unit) == ("", "")
