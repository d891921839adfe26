"""The action plan's sheets of the workbook: Rencana Aksi (one row per activity and year), Risiko and Penapisan;
round trips, all-or-nothing imports with cell-named problems, the status workflow and the operators' limits."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from kotacerdas.actionplan.models import (
    Activity,
    ActivityYear,
    Consultation,
    Program,
    Risk,
    Screening,
)
from kotacerdas.assessment.models import PlanSettings
from kotacerdas.framework.models import Pillar
from kotacerdas.interchange.workbook import InvalidWorkbook, import_workbook, write_template
from kotacerdas.regions.models import Agency, District, LocalWisdom, Mission, Region, RpjmdPeriod

from .conftest import cells, exported, to_bytes

PLAN_HEADERS = [
    "Ref",
    "Kode program",
    "Perangkat daerah",
    "Pilar",
    "Kode kegiatan",
    "Nama kegiatan",
    "Jangka",
    "Tahun mulai",
    "Tahun selesai",
    "Sumber dana",
    "Status",
    "Jenis infrastruktur",
    "Lokasi (kecamatan, dipisah koma)",
    "Misi RPJMD (tahun-nomor, dipisah koma)",
    "Bergantung pada (ref, dipisah koma)",
    "Tahun",
    "Biaya (Rp)",
    "Target",
    "Indikator keluaran",
    "Satuan",
    "Nama program (bila baru)",
]


def _setting(region: Region) -> None:
    """What the action plan refers to: the plan's first year, districts, RPJMD missions."""
    PlanSettings.objects.create(region=region, start_year=2023, horizon_year=2032)
    District.objects.create(region=region, name="Katingan Hilir", order=1)
    District.objects.create(region=region, name="Tasik Payawan", order=2)
    period = RpjmdPeriod.objects.create(region=region, start_year=2018, end_year=2023, vision="Bermartabat.")
    for number in (1, 5):
        Mission.objects.create(region=region, period=period, number=number, text=f"Misi {number}.")


@pytest.fixture
def planned(world):
    region = world.katingan
    _setting(region)
    pillar = {p.slug: p for p in Pillar.objects.filter(framework=region.framework)}
    spbe = Program.objects.create(
        region=region,
        agency=world.diskominfo,
        pillar=pillar["governance"],
        code="2.16.03",
        name="PROGRAM PENGELOLAAN APLIKASI INFORMATIKA",
    )
    health = Program.objects.create(
        region=region,
        agency=world.dinkes,
        pillar=pillar["living"],
        code="1.02.02",
        name="PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT",
    )

    def activity(ref, program, horizon, start, end, costs, **extra):
        a = Activity.objects.create(
            region=region,
            program=program,
            ref=ref,
            code=f"{program.code}.2.01",
            name=f"Kegiatan {ref}",
            horizon=horizon,
            start_year=start,
            end_year=end,
            funding_source=extra.pop("funding_source", "apbd"),
            infrastructure=extra.pop("infrastructure", "governance"),
            **extra,
        )
        for k, cost in enumerate(costs):
            ActivityYear.objects.create(region=region, activity=a, year=start + k, cost=Decimal(cost))
        return a

    quick = activity("GOV-01", spbe, "quick_win", 2023, 2023, ["350000000"], output_indicator="Layanan")
    later = activity("GOV-02", spbe, "medium", 2024, 2026, ["1200000000", "1500000000", "900000000"])
    liv = activity(
        "LIV-01", health, "short", 2024, 2024, ["180000000"], funding_source="apbn", infrastructure="social"
    )
    later.depends_on.set([quick])
    later.locations.set(District.objects.filter(region=region))
    later.missions.set(Mission.objects.filter(region=region, number=5))
    quick.no_local_wisdom_relation = True
    quick.save()
    Risk.objects.create(
        region=region, activity=quick, risk="Sinyal lemah.", likelihood=3, impact=2, owner="Kominfo"
    )
    risky = Screening.objects.create(
        region=region,
        activity=later,
        local_wisdom=LocalWisdom.objects.get(region=region, name="Bukit Batu"),
        relation="berisiko",
        mitigation="Zona penyangga.",
    )
    Consultation.objects.create(region=region, screening=risky, custodian="Damang Kepala Adat")
    Screening.objects.create(
        region=region,
        activity=liv,
        local_wisdom=LocalWisdom.objects.get(region=region, name="Penyang Hinje Simpei"),
        relation="memperkuat",
    )
    return region


def _edit(source, sheet: str, changes: dict[str, object]):
    source.seek(0)
    wb = load_workbook(source)
    for cell, value in changes.items():
        wb[sheet][cell] = value
    return to_bytes(wb)


def _problems(region, workbook, **kwargs) -> list[str]:
    with pytest.raises(InvalidWorkbook) as caught:
        import_workbook(region, workbook, **kwargs)
    return caught.value.problems


def test_the_template_has_the_sheets_with_cost_in_column_q(tmp_path):
    path = tmp_path / "templat.xlsx"
    write_template(path)
    wb = load_workbook(path)
    assert wb.sheetnames[-4:] == ["Rencana Aksi", "Risiko", "Penapisan", "Daftar"]
    assert [c.value for c in wb["Rencana Aksi"][1]] == PLAN_HEADERS
    assert wb["Rencana Aksi"]["Q1"].value == "Biaya (Rp)"
    assert [c.value for c in wb["Risiko"][1]] == [
        "Ref kegiatan", "Risiko", "Kemungkinan (1–5)", "Dampak (1–5)", "Mitigasi", "Penanggung jawab"
    ]  # fmt: skip
    assert [c.value for c in wb["Penapisan"][1]][:3] == ["Ref kegiatan", "Kearifan lokal", "Kaitan"]
    daftar = {col[0].value: [c.value for c in col[1:] if c.value] for col in wb["Daftar"].iter_cols()}
    assert daftar["Jangka"][0] == "quick_win — Quick win"
    assert "tidak_ada — tidak ada kaitan" in daftar["Kaitan kearifan lokal"]
    text = " ".join(str(v) for row in wb["Petunjuk"].iter_rows(values_only=True) for v in row if v)
    assert "Rencana Aksi" in text and "tidak ada kaitan" in text


def test_the_export_has_one_row_per_activity_and_year(planned):
    sheet = cells(exported(planned))["Rencana Aksi"]
    assert [row[0] for row in sheet[1:]] == ["GOV-01", "GOV-02", "GOV-02", "GOV-02", "LIV-01"]
    first = dict(zip(PLAN_HEADERS, sheet[2], strict=True))
    assert first["Kode program"] == "2.16.03" and first["Perangkat daerah"] == "Diskominfostandi"
    assert first["Jangka"].startswith("medium") and first["Status"].startswith("usulan")
    assert first["Lokasi (kecamatan, dipisah koma)"] == "Katingan Hilir, Tasik Payawan"
    assert first["Misi RPJMD (tahun-nomor, dipisah koma)"] == "2018-5"
    assert first["Bergantung pada (ref, dipisah koma)"] == "GOV-01"
    assert (first["Tahun"], first["Biaya (Rp)"]) == (2024, 1200000000)
    assert first["Nama program (bila baru)"] == "PROGRAM PENGELOLAAN APLIKASI INFORMATIKA"
    assert sheet[3][1:15] == (None,) * 14 and sheet[3][15:17] == (2025, 1500000000)
    screening = cells(exported(planned))["Penapisan"]
    assert screening[1][:3] == ("GOV-01", None, "tidak_ada — tidak ada kaitan")
    assert screening[2][:3] == ("GOV-02", "Bukit Batu", "berisiko — Berisiko")
    assert screening[2][5:7] == ("Damang Kepala Adat", "planned — Direncanakan")


def test_importing_an_export_into_the_same_region_writes_nothing(planned, row_counts):
    before = row_counts()
    summary = import_workbook(planned, exported(planned))
    assert not summary.changed
    assert summary.unchanged["Rencana Aksi"] == 3 and summary.unchanged["Rencana Aksi (tahun)"] == 5
    assert summary.unchanged["Risiko"] == 1 and summary.unchanged["Penapisan"] == 2
    assert summary.unchanged["Penapisan (konsultasi)"] == 1
    assert row_counts() == before


def test_export_import_into_an_empty_copy_gives_the_same_cells(planned):
    first = exported(planned)
    copy = Region.objects.create(slug="salinan", name="Katingan", province="Kalimantan Tengah")
    for agency in Agency.objects.filter(region=planned):
        Agency.objects.create(
            region=copy, name=agency.name, abbreviation=agency.abbreviation, kind=agency.kind
        )
    LocalWisdom.objects.create(region=copy, category="situs_ruang", name="Bukit Batu", description="Situs.")
    LocalWisdom.objects.create(
        region=copy, category="nilai_norma", name="Penyang Hinje Simpei", description="Nilai."
    )
    _setting(copy)
    summary = import_workbook(copy, first)
    assert summary.created["Rencana Aksi (program)"] == 2 and summary.created["Rencana Aksi"] == 3
    later = Activity.objects.get(region=copy, ref="GOV-02")
    assert {a.ref for a in later.depends_on.all()} == {"GOV-01"}
    assert later.locations.count() == 2 and later.missions.get().number == 5
    assert Activity.objects.get(region=copy, ref="GOV-01").no_local_wisdom_relation
    again = cells(exported(copy))
    original = cells(first)
    for sheet in ("Rencana Aksi", "Risiko", "Penapisan"):
        assert again[sheet] == original[sheet], sheet


def test_edits_create_and_update_by_natural_key(planned, world):
    workbook = _edit(
        exported(planned),
        "Rencana Aksi",
        {
            "Q3": 1300000000,  # GOV-02 2024 cost
            "R3": 2,
            "A7": "LIV-02",  # a new activity of a new program
            "B7": "1.02.03",
            "C7": "Dinkes",
            "D7": "living",
            "E7": "1.02.03.2.01",
            "F7": "Telemedisin puskesmas",
            "G7": "medium",
            "H7": 2024,
            "I7": 2025,
            "J7": "APBN/DAK",
            "L7": "social",
            "M7": "Tasik Payawan",
            "N7": "2018-1",
            "O7": "LIV-01",
            "P7": 2024,
            "Q7": 600000000,
            "U7": "Program Peningkatan Kapasitas Sumber Daya Manusia Kesehatan",
            "A8": "LIV-02",
            "P8": 2025,
            "Q8": "500000000",
        },
    )
    summary = import_workbook(planned, workbook)
    assert summary.updated["Rencana Aksi (tahun)"] == 1
    assert summary.created["Rencana Aksi"] == 1 and summary.created["Rencana Aksi (program)"] == 1
    year = ActivityYear.objects.get(activity__ref="GOV-02", year=2024)
    assert (year.cost, year.target) == (Decimal("1300000000"), Decimal("2"))
    new = Activity.objects.get(region=planned, ref="LIV-02")
    assert (new.program.code, new.program.agency, new.funding_source, new.status) == (
        "1.02.03",
        world.dinkes,
        "apbn",
        "usulan",
    )
    assert [y.cost for y in new.years.order_by("year")] == [Decimal("600000000"), Decimal("500000000")]
    assert {a.ref for a in new.depends_on.all()} == {"LIV-01"}
    assert new.missions.get().number == 1 and new.locations.get().name == "Tasik Payawan"


def test_bad_cells_are_named_and_nothing_is_written(planned, row_counts):
    workbook = _edit(
        exported(planned),
        "Rencana Aksi",
        {
            "M3": "Katingan Hilirr",
            "G3": "quick_win",  # GOV-02 over three years as a quick win: the horizon rule
            "Q4": -5,
            "P5": 2031,
            "G5": "long",
            "O6": "GOV-09",
        },
    )
    before = row_counts()
    assert _problems(planned, workbook) == [
        "Rencana Aksi!M3: unknown district 'Katingan Hilirr'",
        "Rencana Aksi!Q4: cost -5 is below 0",
        "Rencana Aksi!G5: horizon differs from row 3 of ref 'GOV-02'",
        "Rencana Aksi!O6: activity ref 'GOV-09' does not exist",
    ]
    workbook = _edit(exported(planned), "Rencana Aksi", {"G3": "quick_win", "P5": 2031})
    assert _problems(planned, workbook) == [
        "Rencana Aksi!G3: a quick win must start and end in the plan's first year (2023), not 2024–2026",
        "Rencana Aksi!P5: year 2031 is outside the activity's run 2024–2026",
    ]
    assert row_counts() == before


def test_risk_and_screening_problems(planned, row_counts):
    workbook = _edit(exported(planned), "Risiko", {"A3": "GOV-77", "B3": "Banjir.", "C3": 6, "D3": 2})
    workbook = _edit(
        workbook, "Penapisan", {"G3": "done", "B5": "Bukit Batuu", "A5": "LIV-01", "C5": "memperkuat"}
    )
    before = row_counts()
    problems = _problems(planned, workbook)
    assert (
        problems
        == [
            "Risiko!A3: activity ref 'GOV-77' does not exist",
            "Risiko!C3: likelihood 6 is outside 1–5",
            "Penapisan!F3: A consultation that has been held needs a date and an outcome.",  # the model's own message
            "Penapisan!B5: unknown local wisdom item 'Bukit Batuu'",
        ]
    )
    assert row_counts() == before


def test_the_approval_gate_and_the_workflow_hold_in_the_workbook(planned):
    refused = _problems(planned, _edit(exported(planned), "Rencana Aksi", {"K3": "disetujui"}))
    assert len(refused) == 1 and refused[0].startswith("Rencana Aksi!K3: status 'disetujui' is refused: ")
    assert "Bukit Batu" in refused[0]
    jump = _problems(planned, _edit(exported(planned), "Rencana Aksi", {"K3": "selesai"}))
    assert jump == ["Rencana Aksi!K3: status cannot move from 'usulan' to 'selesai'"]
    # record the consultation as done in the same upload; approval follows in the next one
    done = _edit(exported(planned), "Penapisan", {"G3": "done", "H3": "2024-02-01", "I3": "Setuju."})
    import_workbook(planned, done)
    consultation = Consultation.objects.get(screening__activity__ref="GOV-02")
    assert (consultation.status, consultation.date) == ("done", dt.date(2024, 2, 1))
    import_workbook(planned, _edit(exported(planned), "Rencana Aksi", {"K3": "disetujui"}))
    assert Activity.objects.get(region=planned, ref="GOV-02").status == "disetujui"


def test_a_new_activity_starts_as_usulan(planned):
    workbook = _edit(
        exported(planned),
        "Rencana Aksi",
        {"A7": "GOV-05", "B7": "2.16.03", "C7": "Diskominfostandi", "D7": "governance", "E7": "2.16.03.2.02",
         "F7": "CSIRT", "G7": "short", "H7": 2025, "I7": 2025, "J7": "apbd", "K7": "berjalan", "L7": "governance"},
    )  # fmt: skip
    assert _problems(planned, workbook) == [
        "Rencana Aksi!K7: a new activity starts as usulan, not 'berjalan'; approve it after its screening"
    ]


def test_no_relation_and_new_screenings(planned):
    workbook = _edit(
        exported(planned),
        "Penapisan",
        {"A5": "LIV-01", "B5": "Bukit Batu", "C5": "menyesuaikan", "D5": "Jalur kunjungan.", "F5": "Damang"},
    )
    summary = import_workbook(planned, workbook)
    assert summary.created["Penapisan"] == 1 and summary.created["Penapisan (konsultasi)"] == 1
    screening = Screening.objects.get(activity__ref="LIV-01", local_wisdom__name="Bukit Batu")
    assert screening.relation == "menyesuaikan" and screening.consultations.get().status == "planned"


def test_operators_enter_only_their_own_agencys_activities(planned, world, row_counts):
    before = row_counts()
    foreign = _edit(exported(planned), "Rencana Aksi", {"Q2": 1})
    problems = _problems(planned, foreign, agency=world.dinkes)
    assert problems[0] == "Rencana Aksi!C2: you may only enter rows of Dinkes"
    assert row_counts() == before
    own = exported(planned, agency=world.dinkes)
    sheet = cells(own)["Rencana Aksi"]
    assert [row[0] for row in sheet[1:]] == ["LIV-01"]
    assert [row[0] for row in cells(own)["Risiko"][1:]] == []
    summary = import_workbook(planned, _edit(own, "Rencana Aksi", {"Q2": 200000000}), agency=world.dinkes)
    assert summary.updated["Rencana Aksi (tahun)"] == 1
    risk = _edit(own, "Risiko", {"A2": "GOV-01", "B2": "Lain.", "C2": 1, "D2": 1})
    assert _problems(planned, risk, agency=world.dinkes)[0].startswith(
        "Risiko!A2: you may only enter rows of Dinkes"
    )
