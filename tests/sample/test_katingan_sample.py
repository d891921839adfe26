"""The Katingan sample holds the facts of katingan.md, each with its source, and marks what is illustrative."""

from __future__ import annotations

import pytest

from kotacerdas import sample
from kotacerdas.regions.models import (
    Agency,
    District,
    GovernanceMember,
    LocalWisdom,
    Membership,
    Mission,
    Region,
    RpjmdPeriod,
)

pytestmark = pytest.mark.django_db

ILLUSTRATIVE = "(contoh ilustratif)"

# Copied word for word from ../shared/reference/katingan.md §2 (RPJMD 2018–2023).
VISION_2018 = "Bermartabat untuk Mewujudkan Masyarakat yang Sejahtera"
MISSIONS_2018 = {
    1: "Menciptakan pemerintahan yang bersih, berwibawa dan inovatif serta mewujudkan supremasi hukum",
    2: "Peningkatan perekonomian yang berdaya saing dan kemandirian pangan",
    3: "Memantapkan pembangunan perdesaan",
    5: "Peningkatan infrastruktur fisik jalan dan jembatan, jaringan air bersih, dan komunikasi",
}
VISION_2025 = "Terwujudnya Kabupaten Katingan yang Maju, Sejahtera, Berkeadilan, dan Berakhlak Mulia"

# katingan.md §1, from Buku Putih Sanitasi Kab. Katingan 2014: desa + kelurahan per kecamatan.
KECAMATAN = {
    "Katingan Kuala": 16,
    "Mendawai": 7,
    "Kamipang": 9,
    "Tasik Payawan": 8,
    "Katingan Hilir": 8,
    "Tewang Sangalang Garing": 10,
    "Pulau Malan": 14,
    "Katingan Tengah": 16,
    "Sanaman Mantikei": 14,
    "Petak Malai": 7,
    "Marikit": 18,
    "Katingan Hulu": 23,
    "Bukit Raya": 11,
}

# katingan.md §3: the 24 perangkat daerah of the master_satker table (abbreviations as chosen for the sample).
AGENCIES = {
    "Setwan", "Disdik", "Dinkes", "Dinas PUPR", "Disperkimtan", "Satpol PP & Damkar", "Dishubkan", "DP3AP2KB",
    "DLH", "Disdukcapil", "Dinsos", "DPMD", "Diskominfostandi", "Diskopdag", "Disperintransnaker", "DPMPTSP",
    "Disbudporapar", "DKPP", "Bappelitbang", "BKAD", "Bapenda", "BKPSDM", "Kesbangpol", "BPBD",
}  # fmt: skip


def records(document: dict):
    """Every record of a region file with its JSON path."""
    yield "region", document["region"]
    for key in ("districts", "agencies", "local_wisdom", "governance"):
        for i, item in enumerate(document[key]):
            yield f"{key}[{i}]", item
    for i, period in enumerate(document["rpjmd"]):
        yield f"rpjmd[{i}]", period
        for j, mission in enumerate(period["missions"]):
            yield f"rpjmd[{i}].missions[{j}]", mission


def texts(record: dict) -> str:
    return " ".join(str(v) for v in record.values() if isinstance(v, str))


def test_region_profile(loaded_katingan):
    region = loaded_katingan.region
    assert Region.objects.get(slug="katingan") == region
    assert (region.name, region.kind, region.province) == ("Katingan", "kabupaten", "Kalimantan Tengah")
    assert (region.kemendagri_code, region.bps_code, region.capital) == ("62.06", "6209", "Kasongan")
    assert str(region.area_km2) == "20382.26"
    assert (region.population, region.population_year) == (169360, 2023)
    assert region.motto == "Penyang Hinje Simpei"
    assert region.framework.slug == "kominfo-2021"
    assert not region.illustrative and region.source


def test_thirteen_kecamatan_with_161_desa_and_kelurahan(loaded_katingan):
    districts = District.objects.filter(region=loaded_katingan.region)
    assert {d.name: d.villages for d in districts} == KECAMATAN
    assert sum(d.desa + d.kelurahan for d in districts) == 161
    assert districts.get(name="Katingan Hilir").capital == "Kasongan"


def test_the_desa_kelurahan_split_follows_the_area_codes(katingan_document):
    # issue 12, from the area codes (Kepmendagri 300.2.2-2138/2025): 154 desa and these 7 kelurahan
    districts = katingan_document["districts"]
    kelurahan = {v["name"] for d in districts for v in d["villages"] if v["kind"] == "kelurahan"}
    assert kelurahan == {"Kasongan Baru", "Kasongan Lama", "Pendahara", "Samba Kahayan", "Tumbang Sanamang",
                         "Pagatan Hilir", "Pagatan Hulu"}  # fmt: skip
    assert sum(d["desa"] for d in districts) == 154 and sum(d["kelurahan"] for d in districts) == 7
    for d in districts:
        assert d["code"].startswith("62.06.") and all(
            v["code"].startswith(d["code"] + ".") for v in d["villages"]
        )
        assert (d["desa"], d["kelurahan"]) == (
            sum(v["kind"] == "desa" for v in d["villages"]),
            sum(v["kind"] == "kelurahan" for v in d["villages"]),
        )
        assert "Kepmendagri 300.2.2-2138/2025" in d["source"]
    assert next(d for d in districts if d["name"] == "Katingan Hilir")["code"] == "62.06.02"


def test_rpjmd_2018_vision_and_missions_word_for_word(loaded_katingan):
    period = RpjmdPeriod.objects.get(region=loaded_katingan.region, start_year=2018)
    assert (period.end_year, period.regent, period.vice_regent) == (
        2023,
        "Sakariyas, S.E.",
        "Sunardi N.T. Litang",
    )
    assert period.vision == VISION_2018
    missions = {m.number: m for m in Mission.objects.filter(period=period)}
    assert sorted(missions) == [1, 2, 3, 4, 5]
    for number, text in MISSIONS_2018.items():
        assert missions[number].text == text
        assert not missions[number].placeholder and not missions[number].illustrative


def test_mission_4_is_a_placeholder_with_no_words(loaded_katingan):
    mission = Mission.objects.get(period__region=loaded_katingan.region, period__start_year=2018, number=4)
    assert mission.placeholder
    assert mission.text == ""
    assert "tidak ditemukan" in mission.source


def test_rpjmd_2025_missions_are_labelled_paraphrases(loaded_katingan):
    period = RpjmdPeriod.objects.get(region=loaded_katingan.region, start_year=2025)
    assert (period.end_year, period.regent, period.vice_regent) == (2029, "Saiful", "Firdaus")
    assert period.vision == VISION_2025
    missions = list(Mission.objects.filter(period=period))
    assert missions
    for mission in missions:
        assert mission.illustrative and not mission.placeholder
        assert "parafrasa" in mission.text and ILLUSTRATIVE in mission.text
        assert "Parafrasa dari pemberitaan" in mission.source


def test_agencies_include_the_table_setda_inspektorat_and_13_kecamatan_offices(loaded_katingan):
    region = loaded_katingan.region
    agencies = {a.abbreviation: a for a in Agency.objects.filter(region=region)}
    assert AGENCIES <= set(agencies)
    assert {"Setda", "Inspektorat"} <= set(agencies)
    assert agencies["Diskominfostandi"].name == "Dinas Komunikasi, Informatika, Statistik dan Persandian"
    assert agencies["Dinkes"].name == "Dinas Kesehatan"
    assert agencies["Inspektorat"].kind == "inspektorat"
    offices = Agency.objects.filter(region=region, kind="kecamatan")
    assert offices.count() == 13
    assert {o.district.name for o in offices} == set(KECAMATAN)
    for office in offices:
        assert office.name == f"Kecamatan {office.district.name}"
    assert len(agencies) == 24 + 2 + 13


def test_at_least_12_local_wisdom_items_each_with_a_custodian(loaded_katingan):
    items = list(LocalWisdom.objects.filter(region=loaded_katingan.region))
    assert len(items) >= 12
    for item in items:
        assert item.custodian.strip(), item.name
        assert item.description.strip(), item.name
    assert {c for c, _ in LocalWisdom.Category.choices} == {i.category for i in items}
    names = {i.name for i in items}
    for expected in ("Penyang Hinje Simpei", "Huma Betang", "Belom bahadat", "Bukit Batu", "Hinting pali"):
        assert expected in names
    bukit_batu = next(i for i in items if i.name == "Bukit Batu")
    assert bukit_batu.custodian.startswith("Damang Kepala Adat Kecamatan Katingan Hilir")
    assert bukit_batu.illustrative  # the custodian is an inference, not a sourced fact


def test_governance_people_are_from_the_facts_and_their_roles_illustrative(loaded_katingan):
    members = {m.name: m for m in GovernanceMember.objects.filter(region=loaded_katingan.region)}
    assert {"Sakariyas, S.E.", "Sunardi N.T. Litang", "Pransang", "Wim Ngantung, SE, M.Si"} <= set(members)
    assert {m.body for m in members.values()} == {"dewan", "tim_pelaksana"}
    assert members["Wim Ngantung, SE, M.Si"].agency.abbreviation == "Diskominfostandi"
    for member in members.values():
        assert member.illustrative and ILLUSTRATIVE in member.position


def test_demo_users_for_every_role(loaded_katingan):
    memberships = {
        m.user.username: m
        for m in Membership.objects.filter(region=loaded_katingan.region).select_related("agency")
    }
    assert {u: m.role for u, m in memberships.items()} == {
        "admin_bappelitbang": "admin",
        "op_diskominfo": "operator",
        "op_dinkes": "operator",
        "reviewer_dewan": "reviewer",
        "viewer": "viewer",
    }
    assert memberships["op_diskominfo"].agency.abbreviation == "Diskominfostandi"
    assert memberships["op_dinkes"].agency.abbreviation == "Dinkes"
    assert all(m.agency is None for u, m in memberships.items() if m.role != "operator")
    assert {login.username for login in loaded_katingan.logins} == set(memberships)


def test_every_record_has_a_source(loaded_katingan):
    region = loaded_katingan.region
    assert region.source.strip()
    for model in (District, RpjmdPeriod, Mission, Agency, LocalWisdom, GovernanceMember):
        rows = model.objects.filter(region=region)
        assert rows.exists(), model.__name__
        for row in rows:
            assert row.source.strip(), f"{model.__name__} {row}"


def test_every_illustrative_record_says_so_in_its_text(katingan_document):
    for path, record in records(katingan_document):
        assert record["source"].strip(), path
        if record["illustrative"]:
            assert ILLUSTRATIVE in texts(record), f"{path} is illustrative but its text does not say so"
        if ILLUSTRATIVE in " ".join(
            str(record.get(k, "")) for k in ("name", "description", "custodian", "text")
        ):
            assert record["illustrative"], f"{path} says '{ILLUSTRATIVE}' but is not marked illustrative"


def test_illustrative_flags_survive_the_import(loaded_katingan, katingan_document):
    expected = {i["name"]: i["illustrative"] for i in katingan_document["local_wisdom"]}
    stored = dict(
        LocalWisdom.objects.filter(region=loaded_katingan.region).values_list("name", "illustrative")
    )
    assert stored == expected
    assert any(expected.values()) and not all(expected.values())


def test_sample_users_match_the_demo_logins():
    for name in sample.NAMES:
        in_file = {u["username"] for u in sample.document(name)["users"]}
        assert in_file == {login.username for login in sample.DEMO_LOGINS[name]}
        assert all(len(login.password) >= 8 for login in sample.DEMO_LOGINS[name])


def test_unknown_sample_name_is_refused():
    with pytest.raises(sample.UnknownSample, match="tidak ada"):
        sample.document("atlantis")
