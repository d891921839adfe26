"""A region file with a wrong action plan: every problem named by its path, and nothing written."""

from __future__ import annotations

import copy

import pytest

from kotacerdas.interchange.region_file import InvalidRegionFile, check_document, import_document


def _activity(ref: str, **extra) -> dict:
    base = {
        "ref": ref,
        "program": "Diskominfostandi/2.16.03/governance",
        "code": "2.16.03.2.02",
        "name": f"Kegiatan {ref}",
        "horizon": "medium",
        "start_year": 2024,
        "end_year": 2026,
        "funding_source": "apbd",
        "infrastructure": "governance",
    }
    return {**base, **extra}


@pytest.fixture
def document(exported):
    """A valid file: ``full_region`` with a plan, a strategy without a code and a small action plan."""
    doc = copy.deepcopy(exported)
    doc["plan"] = {"start_year": 2023, "horizon_year": 2032}
    doc["strategies"] = [
        {"pillar": "governance", "kind": "WT", "text": "Tanpa kode."},
        {"pillar": "governance", "kind": "SO", "code": "GOV-SO1", "text": "Dengan kode."},
    ]
    doc["components"] = [{"name": "Portal Satu Data"}]
    doc["programs"] = [
        {
            "agency": "Diskominfostandi",
            "pillar": "governance",
            "elements": ["service"],
            "code": "2.16.03",
            "name": "Program Pengelolaan Aplikasi Informatika",
        }
    ]
    doc["activities"] = [
        _activity(
            "GOV-01",
            horizon="quick_win",
            start_year=2023,
            end_year=2023,
            locations=["Katingan Hilir"],
            components=["Portal Satu Data"],
            missions=[{"period": 2018, "number": 1}],
            strategies=["GOV-SO1", "governance-WT1"],
            elements=["governance/service"],
            years=[{"year": 2023, "cost": 50000000, "target": 1}],
            quick_win_profile={"objective": "Portal dalam setahun."},
        ),
        _activity("GOV-02", depends_on=["GOV-01"], years=[{"year": 2024, "cost": 100000000}]),
    ]
    doc["screenings"] = [
        {
            "activity": "GOV-02",
            "local_wisdom": "Bukit Batu",
            "relation": "berisiko",
            "mitigation": "Zona penyangga.",
            "consultations": [
                {"custodian": "Damang", "status": "done", "date": "2024-02-01", "outcome": "Setuju."}
            ],
        }
    ]
    doc["risks"] = [{"activity": "GOV-01", "risk": "Sinyal lemah.", "likelihood": 3, "impact": 2}]
    doc["criteria"] = [
        {"slug": "dampak", "name": "Dampak", "order": 1},
        {"slug": "biaya", "name": "Biaya", "is_cost": True, "order": 2},
    ]
    doc["judgements"] = [{"respondent": "Sekda", "first": "dampak", "second": "biaya", "value": 3}]
    doc["criterion_scores"] = [{"activity": "GOV-01", "criterion": "dampak", "score": 4}]
    doc["ceilings"] = [{"year": 2023, "source": "apbd", "amount": 1000000000}]
    doc["runs"] = [{"name": "Uji", "created": "2025-01-01T00:00:00+00:00", "result": {"status": "optimal"}}]
    assert check_document(doc, slug="uji") == []
    return doc


def _problems(doc: dict) -> list[str]:
    return check_document(doc, slug="uji")


def test_the_valid_file_imports(document):
    region = import_document(document, slug="uji")
    assert region.activities.count() == 2


def test_unknown_references_are_named_with_a_hint(document):
    activity = document["activities"][0]
    document["programs"][0]["agency"] = "Diskominfo"
    document["programs"][0]["elements"] = ["servis"]
    activity["locations"] = ["Katingan Hilirr"]
    activity["components"] = ["Portal"]
    activity["missions"] = [{"period": 2018, "number": 9}]
    activity["strategies"] = ["GOV-SO9"]
    activity["elements"] = ["governance/health", "governance"]
    document["activities"][1]["depends_on"] = ["GOV-1"]
    document["screenings"][0]["local_wisdom"] = "Bukit Batuu"
    document["risks"][0]["activity"] = "GOV-99"
    document["judgements"][0]["second"] = "biayaa"
    problems = _problems(document)
    expected = [
        "programs[0].agency: perangkat daerah / agency 'Diskominfo' tidak ada di / is not in 'agencies'",
        "programs[0].elements[0]: elemen / element 'servis' bukan elemen pilar / is not an element of pillar",
        "activities[0].locations[0]: kecamatan / district 'Katingan Hilirr' tidak ada di / is not in 'districts'",
        "activities[0].components[0]: komponen bersama / shared component 'Portal' tidak ada di",
        "activities[0].missions[0]: misi 9 periode RPJMD 2018 tidak ada di 'rpjmd'",
        "activities[0].strategies[0]: strategi / strategy 'GOV-SO9' tidak ada di / is not in 'strategies'",
        "activities[0].elements[0]: elemen / element 'health' bukan elemen pilar / is not an element of pillar",
        "activities[0].elements[1]: elemen ditulis 'pilar/elemen'",
        "activities[1].depends_on[0]: kegiatan / activity 'GOV-1' tidak ada di / is not in 'activities'",
        "screenings[0].local_wisdom: kearifan lokal / local wisdom 'Bukit Batuu' tidak ada di",
        "risks[0].activity: kegiatan / activity 'GOV-99' tidak ada di",
        "judgements[0].second: kriteria / criterion 'biayaa' tidak ada di",
    ]
    for start in expected:
        assert any(p.startswith(start) for p in problems), (start, problems)
    assert "did you mean 'Diskominfostandi'?" in problems[0]
    # the program is unknown to the activities once its agency is wrong
    assert any(
        p.startswith("activities[0].program: program 'Diskominfostandi/2.16.03/governance'") for p in problems
    )


def test_the_horizon_is_judged_against_the_files_plan(document):
    document["activities"][0].update(start_year=2024, end_year=2024)
    document["activities"][1].update(horizon="short", start_year=2022, end_year=2023)
    problems = _problems(document)
    assert problems == [
        "activities[0].horizon: quick win harus dimulai dan selesai pada tahun pertama masterplan (2023), bukan "
        "2024 / a quick win must start and end in the plan's first year (2023), not 2024",
        "activities[0].years[0].year: tahun 2023 di luar masa kegiatan 2024–2024 / year 2023 is outside the "
        "activity's run 2024–2024",
        "activities[1].horizon: kegiatan dimulai 2022, sebelum tahun pertama masterplan (2023) / the activity "
        "starts in 2022, before the plan's first year (2023)",
        "activities[1].horizon: kegiatan jangka pendek berlangsung 1 tahun, bukan 2022–2023 (2 tahun) / a "
        "short-term activity lasts 1 year, not 2022–2023 (2 years)",
        "activities[1].years[0].year: tahun 2024 di luar masa kegiatan 2022–2023 / year 2024 is outside the "
        "activity's run 2022–2023",
    ]


def test_without_a_plan_a_quick_win_must_still_be_one_year(document):
    document["plan"] = None
    document["activities"][0].update(start_year=2024, end_year=2025, years=[])
    assert _problems(document) == [
        "activities[0].horizon: quick win harus dimulai dan selesai pada tahun yang sama (hasil dalam 12 bulan), "
        "bukan 2024–2025 / a quick win must start and end in the same year (it delivers within 12 months), not "
        "2024–2025"
    ]


def test_years_outside_the_run_and_negative_costs(document):
    document["activities"][1]["years"] = [
        {"year": 2027, "cost": 10},
        {"year": 2024, "cost": -5},
        {"year": 2024, "cost": 7, "target": 1.23456},
    ]
    problems = _problems(document)
    assert (
        "activities[1].years[0].year: tahun 2027 di luar masa kegiatan 2024–2026 / year 2027 is outside the "
        "activity's run 2024–2026" in problems
    )
    assert "activities[1].years[1].cost: -5 is less than the minimum of 0" in problems
    assert any(p.startswith("activities[1].years[2].year: tahun / year 2024 sudah ada di") for p in problems)
    assert any(p.startswith("activities[1].years[2].target:") for p in problems)


def test_dependency_cycles_and_self_dependencies(document):
    document["activities"][0]["depends_on"] = ["GOV-02"]
    document["activities"].append(_activity("GOV-03", depends_on=["GOV-03"]))
    problems = _problems(document)
    assert (
        "activities[1].depends_on[0]: ketergantungan melingkar / dependency cycle: GOV-01 → GOV-02 → GOV-01"
        in (problems)
        or "activities[0].depends_on[0]: ketergantungan melingkar / dependency cycle: GOV-01 → GOV-02 → GOV-01"
        in (problems)
    )
    assert len([p for p in problems if "melingkar" in p]) == 1
    assert any(
        p.startswith("activities[2].depends_on[0]: kegiatan tidak boleh bergantung pada dirinya")
        for p in problems
    )


def test_duplicates_are_named_with_the_first_occurrence(document):
    document["programs"].append(dict(document["programs"][0]))
    document["activities"].append(_activity("GOV-01"))
    document["screenings"].append(dict(document["screenings"][0], consultations=[]))
    document["judgements"].append({"respondent": "Sekda", "first": "biaya", "second": "dampak", "value": 2})
    document["ceilings"].append({"year": 2023, "source": "apbd", "amount": 5})
    document["criterion_scores"].append({"activity": "GOV-01", "criterion": "dampak", "score": 2})
    document["runs"].append({"name": "Uji", "created": "2025-01-01T00:00:00+00:00"})
    problems = _problems(document)
    for start in [
        "programs[1].pillar: program Diskominfostandi · 2.16.03 · governance sudah ada di / is already at programs[0]",
        "activities[2].ref: rujukan kegiatan / activity ref 'GOV-01' sudah dipakai di / is already used at "
        "activities[0]",
        "screenings[1].local_wisdom: penapisan / screening GOV-02 · Bukit Batu sudah ada di / is already at "
        "screenings[0]",
        "judgements[1].second: 'Sekda' sudah menilai pasangan / already judged the pair biaya · dampak di / at "
        "judgements[0]",
        "criterion_scores[1].criterion: skor / score GOV-01 · dampak sudah ada di",
        "ceilings[1].source: pagu / ceiling 2023 · apbd sudah ada di / is already at ceilings[0]",
        "runs[1].name: nama hasil / run name 'Uji' sudah dipakai di / is already used at runs[0]",
    ]:
        assert any(p.startswith(start) for p in problems), (start, problems)


def test_model_rules_schema_and_formats(document):
    document["activities"][0]["code"] = "2.16.3"
    document["activities"][1]["horizon"] = "jangka_menengah"
    document["activities"][0]["latest_start"] = 2023
    document["activities"][0]["earliest_start"] = 2025
    document["programs"][0]["code"] = "216"
    consultation = document["screenings"][0]["consultations"][0]
    consultation.update(date="2024-02-30", outcome="")
    document["screenings"][0]["consultations"].append({"custodian": "Damang", "status": "done"})
    document["criterion_scores"][0].update(criterion="biaya", score=6)
    document["judgements"][0]["first"] = "biaya"
    document["ceilings"][0]["source"] = "pad"
    document["runs"][0]["created"] = "2025-01-01 08:00"
    document["components"][0]["unknown"] = 1
    problems = _problems(document)
    for start in [
        "programs[0].code: Kode program ditulis U.BB.PP",
        "activities[0].code: Kode kegiatan ditulis U.BB.PP.K.KK",
        "components[0].unknown: kunci tidak dikenal / unknown key",
        "activities[1].horizon: 'jangka_menengah' is not one of",
        "activities[0].latest_start: Paling lambat dimulai tidak boleh sebelum paling awal.",
        "screenings[0].consultations[0].date: tanggal '2024-02-30' tidak sah",
        "screenings[0].consultations[1]: Konsultasi yang sudah dilaksanakan perlu tanggal dan hasilnya.",
        "criterion_scores[0].criterion: kriteria biaya 'biaya' dihitung dari biaya kegiatan, tidak dinilai",
        "criterion_scores[0].score: 6 is greater than the maximum of 5",
        "judgements[0].second: bandingkan dua kriteria yang berbeda",
        "ceilings[0].source: 'pad' is not one of ['apbd', 'bankeu_provinsi', 'dak', 'apbn', 'dana_desa', 'csr',",
        "runs[0].created: waktu '2025-01-01 08:00' tidak sah",
    ]:
        assert any(p.startswith(start) for p in problems), (start, problems)


def test_nothing_is_written_when_one_thing_is_wrong(document, row_counts):
    document["ceilings"][0]["amount"] = -1
    before = row_counts()
    with pytest.raises(InvalidRegionFile) as caught:
        import_document(document, slug="uji")
    assert caught.value.problems == ["ceilings[0].amount: -1 is less than the minimum of 0"]
    assert row_counts() == before


def test_a_program_key_survives_an_agency_with_a_slash(document):
    document["agencies"].append(
        {"abbreviation": "Satpol PP/Damkar", "name": "Satuan Polisi", "kind": "other"}
    )
    document["programs"].append(
        {
            "agency": "Satpol PP/Damkar",
            "pillar": "living",
            "code": "1.05.02",
            "name": "Program Peningkatan Ketenteraman dan Ketertiban Umum",
        }
    )
    document["activities"].append(
        _activity(
            "LIV-01", program="Satpol PP/Damkar/1.05.02/living", code="1.05.02.2.01", infrastructure="social"
        )
    )
    assert _problems(document) == []
    region = import_document(document, slug="uji")
    assert region.activities.get(ref="LIV-01").program.agency.abbreviation == "Satpol PP/Damkar"
