"""The action plan in the region file: export → import under a new slug → export is identical apart from the slug."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from kotacerdas.actionplan.models import (
    Activity,
    ActivityYear,
    Ceiling,
    Consultation,
    Criterion,
    CriterionScore,
    Judgement,
    PrioritizationRun,
    Program,
    QuickWinProfile,
    Risk,
    Screening,
    SharedComponent,
)
from kotacerdas.assessment.models import PlanSettings, Strategy
from kotacerdas.framework.models import Element, Pillar
from kotacerdas.interchange.region_file import export_region, import_document
from kotacerdas.regions.models import District, LocalWisdom, Mission

NEW_KEYS = [
    "components",
    "programs",
    "activities",
    "screenings",
    "risks",
    "criteria",
    "judgements",
    "criterion_scores",
    "ceilings",
    "runs",
]


def _through_json(document: dict) -> dict:
    return json.loads(json.dumps(document, ensure_ascii=False))


def _without_slug(document: dict) -> dict:
    return {**document, "region": {**document["region"], "slug": None}}


def _pillar(slug: str) -> Pillar:
    return Pillar.objects.get(framework__slug="kominfo-2021", slug=slug)


def _element(pillar: str, slug: str) -> Element:
    return Element.objects.get(pillar__framework__slug="kominfo-2021", pillar__slug=pillar, slug=slug)


@pytest.fixture
def planned(full_region, world):
    """``full_region`` with every kind of action-plan record, entered in an order unlike the export's."""
    region = full_region
    gov, living = _pillar("governance"), _pillar("living")
    PlanSettings.objects.create(region=region, start_year=2023, horizon_year=2032)
    coded = Strategy.objects.create(region=region, pillar=gov, kind="SO", code="GOV-SO1", text="Perluas.")
    Strategy.objects.create(region=region, pillar=gov, kind="WT", text="Tanpa kode pertama.")
    uncoded = Strategy.objects.create(region=region, pillar=gov, kind="WT", text="Tanpa kode kedua.")
    portal = SharedComponent.objects.create(region=region, name="Portal Satu Data", illustrative=True)
    fibre = SharedComponent.objects.create(region=region, name="Jaringan serat optik", description="162 km.")
    spbe = Program.objects.create(
        region=region,
        agency=world.diskominfo,
        pillar=gov,
        code="2.16.03",
        name="PROGRAM PENGELOLAAN APLIKASI INFORMATIKA",
        source="Permendagri 90/2019",
    )
    spbe.elements.set([_element("governance", "bureaucracy"), _element("governance", "service")])
    health = Program.objects.create(
        region=region,
        agency=world.dinkes,
        pillar=living,
        code="1.02.02",
        name="PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT",
        illustrative=True,
    )
    same_code = Program.objects.create(
        region=region,
        agency=world.diskominfo,
        pillar=_pillar("economy"),
        code="2.16.03",
        name="PROGRAM PENGELOLAAN APLIKASI INFORMATIKA",
        local_title="Aplikasi ekonomi",
    )
    hilir = District.objects.get(region=region, name="Katingan Hilir")
    tasik = District.objects.get(region=region, name="Tasik Payawan")
    mission1, mission2 = (
        Mission.objects.get(region=region, period__start_year=2018, number=n) for n in (1, 2)
    )

    def activity(ref, program, horizon, start, end, **extra):
        return Activity.objects.create(
            region=region,
            program=program,
            ref=ref,
            code=extra.pop("code", f"{program.code}.2.02"),
            name=extra.pop("name", f"Kegiatan {ref}"),
            horizon=horizon,
            start_year=start,
            end_year=end,
            funding_source=extra.pop("funding_source", "apbd"),
            infrastructure=extra.pop("infrastructure", "governance"),
            **extra,
        )

    later = activity("GOV-10", spbe, "medium", 2024, 2027, status="disetujui", mandatory=False)
    quick = activity(
        "GOV-02",
        spbe,
        "quick_win",
        2023,
        2023,
        code="2.16.03.2.02.0009",
        output_indicator="Layanan daring",
        output_unit="layanan",
        description="Portal layanan publik.",
        source="Contoh",
        illustrative=True,
    )
    far = activity(
        "LIV-01",
        health,
        "long",
        2025,
        2032,
        code="1.02.02.2.01",
        funding_source="apbn",
        infrastructure="social",
        earliest_start=2025,
        latest_start=2027,
        mandatory=True,
        no_local_wisdom_relation=True,
    )
    activity("ECO-01", same_code, "short", 2026, 2026, status="batal", infrastructure="economic")
    later.depends_on.set([quick])
    later.components.set([portal, fibre])
    later.locations.set([tasik, hilir])
    later.missions.set([mission2, mission1])
    later.strategies.set([uncoded, coded])
    later.elements.set([_element("living", "health"), _element("governance", "service")])
    far.depends_on.set([later, quick])
    for act, year, cost, target in [
        (later, 2025, "1500000000", "12.5"),
        (later, 2024, "250000000", None),
        (quick, 2023, "75000000", "3"),
        (far, 2025, "0", "0.0001"),
        (far, 2032, "987654321012", None),
    ]:
        ActivityYear.objects.create(
            region=region,
            activity=act,
            year=year,
            cost=Decimal(cost),
            target=None if target is None else Decimal(target),
            source=act.source,
            illustrative=act.illustrative,
        )
    QuickWinProfile.objects.create(
        region=region,
        activity=quick,
        objective="Layanan daring dalam setahun.",
        beneficiaries="Warga Kasongan",
        source=quick.source,
        illustrative=quick.illustrative,
    )
    bukit_batu = LocalWisdom.objects.get(region=region, name="Bukit Batu")
    damang = LocalWisdom.objects.get(region=region, name="Damang Kepala Adat")
    risky = Screening.objects.create(
        region=region,
        activity=later,
        local_wisdom=bukit_batu,
        relation="berisiko",
        note="Dekat situs.",
        mitigation="Zona penyangga.",
        illustrative=True,
    )
    Screening.objects.create(region=region, activity=later, local_wisdom=damang, relation="memperkuat")
    Screening.objects.create(region=region, activity=quick, local_wisdom=bukit_batu, relation="menyesuaikan")
    Consultation.objects.create(region=region, screening=risky, custodian="Damang (rencana)")
    Consultation.objects.create(
        region=region,
        screening=risky,
        custodian="Damang Kepala Adat Kecamatan Katingan Hilir",
        status="done",
        date=dt.date(2024, 3, 5),
        outcome="Setuju dengan syarat.",
    )
    Consultation.objects.create(
        region=region,
        screening=risky,
        custodian="Mantir adat",
        status="done",
        date=dt.date(2024, 1, 9),
        outcome="Diterima.",
    )
    Risk.objects.create(region=region, activity=quick, risk="Sinyal lemah.", likelihood=2, impact=3)
    Risk.objects.create(
        region=region,
        activity=quick,
        risk="Anggaran terlambat.",
        likelihood=4,
        impact=4,
        mitigation="Ajukan di APBD-P.",
        owner="Diskominfostandi",
    )
    biaya = Criterion.objects.create(region=region, slug="biaya", name="Biaya", is_cost=True, order=5)
    dampak = Criterion.objects.create(region=region, slug="dampak", name="Dampak", order=1)
    urgensi = Criterion.objects.create(
        region=region, slug="urgensi", name="Urgensi", order=2, illustrative=True
    )
    for respondent, first, second, favours, value in [
        ("Sekda", urgensi, biaya, "first", 3),
        ("Sekda", dampak, urgensi, "first", 2),
        ("Sekda", dampak, biaya, "first", 5),
        ("Bappelitbang", biaya, dampak, "second", 4),
        ("Bappelitbang", dampak, urgensi, "second", 1),
    ]:
        Judgement.objects.create(
            region=region, respondent=respondent, first=first, second=second, favours=favours, value=value
        )
    for act, criterion, score in [(later, urgensi, 3), (later, dampak, 5), (quick, dampak, 4)]:
        CriterionScore.objects.create(region=region, activity=act, criterion=criterion, score=score)
    Ceiling.objects.create(region=region, year=2024, source="apbn", amount=Decimal("2000000000"))
    Ceiling.objects.create(
        region=region, year=2023, source="dana_desa", amount=Decimal("0"), note="Belum ada."
    )
    Ceiling.objects.create(
        region=region, year=2023, source="apbd", amount=Decimal("3500000000"), illustrative=True
    )
    second_run = PrioritizationRun.objects.create(
        region=region,
        name="Skenario B",
        parameters={"gap": 0.005, "time_limit": 10},
        result={"status": "optimal", "chosen": {"GOV-02": 2023}, "nested": {"z": [1, 2.5], "a": None}},
    )
    first_run = PrioritizationRun.objects.create(region=region, name="Skenario A", illustrative=True)
    PrioritizationRun.objects.filter(pk=second_run.pk).update(
        created=dt.datetime(2025, 2, 1, 8, 30, 15, 123456, tzinfo=dt.UTC)
    )
    PrioritizationRun.objects.filter(pk=first_run.pk).update(
        created=dt.datetime(2025, 1, 5, 1, 0, tzinfo=dt.UTC)
    )
    return region


def test_the_action_plan_keys_come_last_and_round_trip_exactly(planned):
    first = _through_json(export_region(planned))
    assert list(first)[-len(NEW_KEYS) :] == NEW_KEYS
    copy = import_document(first, slug="katingan-salinan")
    second = _through_json(export_region(copy))
    assert _without_slug(second) == _without_slug(first)
    third = _through_json(export_region(import_document(second, slug="katingan-salinan-2")))
    assert json.dumps(_without_slug(third)) == json.dumps(_without_slug(first))


def test_the_export_names_everything_readably(planned):
    doc = _through_json(export_region(planned))
    assert [c["name"] for c in doc["components"]] == ["Jaringan serat optik", "Portal Satu Data"]
    assert [(p["agency"], p["code"], p["pillar"]) for p in doc["programs"]] == [
        ("Diskominfostandi", "2.16.03", "governance"),
        ("Diskominfostandi", "2.16.03", "economy"),
        ("Dinkes", "1.02.02", "living"),
    ]
    assert doc["programs"][0]["elements"] == ["service", "bureaucracy"]
    activities = {a["ref"]: a for a in doc["activities"]}
    assert [a["ref"] for a in doc["activities"]] == ["ECO-01", "GOV-02", "GOV-10", "LIV-01"]
    later = activities["GOV-10"]
    assert later["program"] == "Diskominfostandi/2.16.03/governance"
    assert activities["ECO-01"]["program"] == "Diskominfostandi/2.16.03/economy"
    assert later["locations"] == ["Katingan Hilir", "Tasik Payawan"]  # the districts' order, then name
    assert later["depends_on"] == ["GOV-02"]
    assert later["components"] == ["Jaringan serat optik", "Portal Satu Data"]
    assert later["missions"] == [{"period": 2018, "number": 1}, {"period": 2018, "number": 2}]
    assert later["strategies"] == ["GOV-SO1", "governance-WT2"]
    assert later["elements"] == ["governance/service", "living/health"]
    assert later["years"] == [
        {"year": 2024, "cost": 250000000, "target": None},
        {"year": 2025, "cost": 1500000000, "target": 12.5},
    ]
    assert later["mandatory"] is False and later["quick_win_profile"] is None
    assert activities["LIV-01"]["depends_on"] == ["GOV-02", "GOV-10"]
    assert activities["LIV-01"]["years"][1] == {"year": 2032, "cost": 987654321012, "target": None}
    assert isinstance(activities["LIV-01"]["years"][1]["cost"], int)
    assert activities["LIV-01"]["mandatory"] is True and activities["GOV-02"]["mandatory"] is None
    assert activities["GOV-02"]["quick_win_profile"] == {
        "background": "",
        "objective": "Layanan daring dalam setahun.",
        "beneficiaries": "Warga Kasongan",
        "innovation": "",
        "success_measure": "",
    }
    risky = doc["screenings"][1]
    assert (risky["activity"], risky["local_wisdom"], risky["relation"]) == (
        "GOV-10",
        "Bukit Batu",
        "berisiko",
    )
    assert [(c["date"], c["status"]) for c in risky["consultations"]] == [
        ("2024-01-09", "done"),
        ("2024-03-05", "done"),
        (None, "planned"),
    ]
    assert [r["likelihood"] for r in doc["risks"]] == [4, 2]
    assert [c["slug"] for c in doc["criteria"]] == ["dampak", "urgensi", "biaya"]
    assert [(j["respondent"], j["first"], j["second"]) for j in doc["judgements"]] == [
        ("Bappelitbang", "dampak", "urgensi"),
        ("Bappelitbang", "biaya", "dampak"),
        ("Sekda", "dampak", "urgensi"),
        ("Sekda", "dampak", "biaya"),
        ("Sekda", "urgensi", "biaya"),
    ]
    assert doc["ceilings"] == [
        {"year": 2023, "source": "apbd", "amount": 3500000000, "note": "", "illustrative": True},
        {"year": 2023, "source": "dana_desa", "amount": 0, "note": "Belum ada.", "illustrative": False},
        {"year": 2024, "source": "apbn", "amount": 2000000000, "note": "", "illustrative": False},
    ]
    assert [(r["name"], r["created"]) for r in doc["runs"]] == [
        ("Skenario A", "2025-01-05T01:00:00+00:00"),
        ("Skenario B", "2025-02-01T08:30:15.123456+00:00"),
    ]
    assert list(doc["runs"][1]["result"]["nested"]) == ["a", "z"]


def test_the_copy_has_the_same_records_linked_the_same_way(planned):
    copy = import_document(_through_json(export_region(planned)), slug="katingan-salinan")
    later = Activity.objects.get(region=copy, ref="GOV-10")
    assert later.program.agency.region_id == copy.pk
    assert {a.ref for a in later.depends_on.all()} == {"GOV-02"}
    assert {a.ref for a in later.dependents.all()} == {"LIV-01"}
    assert {s.code for s in later.strategies.all()} == {"GOV-SO1", ""}
    assert later.strategies.get(code="").text == "Tanpa kode kedua."
    assert {m.period.region_id for m in later.missions.all()} == {copy.pk}
    year = ActivityYear.objects.get(activity=later, year=2025)
    assert year.cost == Decimal("1500000000") and year.target == Decimal("12.5")
    quick = Activity.objects.get(region=copy, ref="GOV-02")
    assert quick.quick_win_profile.illustrative is True and quick.quick_win_profile.source == "Contoh"
    assert ActivityYear.objects.get(activity=quick).illustrative is True
    run = PrioritizationRun.objects.get(region=copy, name="Skenario B")
    assert run.created == dt.datetime(2025, 2, 1, 8, 30, 15, 123456, tzinfo=dt.UTC)
    assert run.result["chosen"] == {"GOV-02": 2023}
    records = Activity.history.filter(region_id=copy.pk, history_type="+")
    assert records.count() == 4
    assert all("kotacerdas-region/1" in r.history_change_reason for r in records)


def test_a_region_without_an_action_plan_exports_empty_keys(full_region):
    doc = export_region(full_region)
    assert {key: doc[key] for key in NEW_KEYS} == {key: [] for key in NEW_KEYS}


def test_a_file_without_the_action_plan_keys_still_imports(planned):
    doc = _through_json(export_region(planned))
    for key in NEW_KEYS:
        del doc[key]
    copy = import_document(doc, slug="tanpa-rencana")
    assert export_region(copy)["activities"] == []
    assert Program.objects.filter(region=copy).count() == 0
