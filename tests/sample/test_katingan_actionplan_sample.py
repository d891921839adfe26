"""The Katingan sample carries an illustrative action plan grounded in katingan.md: at least 40 activities of at least
15 agencies in all six pillars, a quick win per pillar, every activity screened against the local wisdom catalogue,
consistent AHP judgements, binding ceilings, and no link to the placeholder mission 4."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from kotacerdas.actionplan import services
from kotacerdas.actionplan.models import (
    Activity,
    Ceiling,
    Consultation,
    Criterion,
    CriterionScore,
    Judgement,
    Program,
    QuickWinProfile,
    Risk,
    Screening,
)
from kotacerdas.framework.reference import PILLAR_SLUGS
from kotacerdas.interchange.region_file import export_region, import_document
from kotacerdas.method import ahp

pytestmark = pytest.mark.django_db

ILLUSTRATIVE = "(contoh ilustratif)"
SIPD = "kode contoh — periksa dengan daftar SIPD terbaru"  # the old note, gone once every code was checked
NOMENCLATURE = "Kepmendagri 050-5889/2021 jo. 900.1.15.5-1317/2023"
#: background.md §6: the program codes of bidang 2.16 that the nomenclature lists.
REFERENCE_PROGRAMS = {"2.16.01", "2.16.02", "2.16.03"}
#: katingan.md §5: the three Desa Digital pilots of 2023 and their kecamatan.
DESA_DIGITAL = {
    "Tewang Manyangen": "Tewang Sangalang Garing",
    "Petak Bahandang": "Tasik Payawan",
    "Karuing": "Kamipang",
}
KEYS = ["components", "programs", "activities", "screenings", "risks", "criteria", "judgements", "criterion_scores",
        "ceilings", "runs"]  # fmt: skip


@pytest.fixture
def region(loaded_katingan):
    return loaded_katingan.region


def _at_least_40_activities_of_at_least_15_agencies_in_every_pillar(region):
    activities = list(
        Activity.objects.filter(region=region).select_related("program__agency", "program__pillar")
    )
    assert len(activities) >= 40
    assert len({a.program.agency_id for a in activities}) >= 15
    assert {a.program.pillar.slug for a in activities} == set(PILLAR_SLUGS)


def _every_pillar_has_a_quick_win_with_a_profile_and_a_risk_register(region):
    quick_wins = Activity.objects.filter(region=region, horizon="quick_win").select_related("program__pillar")
    assert {a.program.pillar.slug for a in quick_wins} == set(PILLAR_SLUGS)
    report = services.quick_win_report(region)
    assert (report.pillars_without_quick_win, report.without_profile, report.without_risks) == ([], [], [])
    for activity in quick_wins:
        assert (activity.start_year, activity.end_year) == (2023, 2023), activity.ref  # the plan's first year
        assert QuickWinProfile.objects.filter(activity=activity).exists(), activity.ref
        risks = Risk.objects.filter(activity=activity)
        assert risks.count() >= 2, activity.ref
        assert all(1 <= r.likelihood <= 5 and 1 <= r.impact <= 5 and r.mitigation and r.owner for r in risks)


def _every_activity_is_screened_and_risks_have_mitigations(region):
    for activity in Activity.objects.filter(region=region):
        screenings = Screening.objects.filter(activity=activity)
        assert activity.no_local_wisdom_relation != screenings.exists(), activity.ref
    risky = Screening.objects.filter(region=region, relation="berisiko")
    assert risky.count() >= 3
    assert all(s.mitigation.strip() for s in risky)


def _bukit_batu_tourism_is_a_consulted_risk_and_one_consultation_is_still_planned(region):
    bukit_batu = Screening.objects.get(
        region=region,
        local_wisdom__name="Bukit Batu",
        relation="berisiko",
        activity__program__agency__abbreviation="Disbudporapar",
    )
    consultation = Consultation.objects.get(screening=bukit_batu)
    assert consultation.custodian == "Damang Kepala Adat Kecamatan Katingan Hilir"
    assert consultation.status == "done" and consultation.date and consultation.outcome
    assert services.approval_blockers(bukit_batu.activity) == []
    planned = Consultation.objects.filter(screening__region=region, status="planned")
    assert planned.exists()
    for c in planned:
        activity = c.screening.activity
        assert activity.status == "usulan"
        blockers = services.approval_blockers(activity)
        assert blockers and c.screening.local_wisdom.name in " ".join(blockers)


def _no_approved_activity_has_an_open_risk(region):
    for activity in Activity.objects.filter(region=region, status__in=["disetujui", "berjalan", "selesai"]):
        assert services.approval_blockers(activity) == [], activity.ref


def _missions_are_those_of_2018_and_never_the_placeholder(region):
    for activity in Activity.objects.filter(region=region).prefetch_related("missions__period"):
        numbers = {(m.period.start_year, m.number) for m in activity.missions.all()}
        assert numbers, activity.ref
        assert numbers <= {(2018, 1), (2018, 2), (2018, 3), (2018, 5)}, activity.ref
        assert not any(m.placeholder for m in activity.missions.all())


def _program_codes_follow_the_nomenclature_and_others_are_marked(region):
    for program in Program.objects.filter(region=region):
        assert NOMENCLATURE in program.source and SIPD not in program.source, program.code
        if program.code not in REFERENCE_PROGRAMS:
            assert program.illustrative, program.code
    for activity in Activity.objects.filter(region=region).select_related("program"):
        assert activity.code.startswith(activity.program.code + "."), activity.ref
        assert SIPD not in activity.source, activity.ref
        activity.full_clean()  # the code format and the horizon rule against the plan's first year


def _the_facts_of_katingan_md_are_there(region):
    names = " ".join(Activity.objects.filter(region=region).values_list("name", flat=True))
    descriptions = " ".join(Activity.objects.filter(region=region).values_list("description", flat=True))
    text = names + " " + descriptions
    for phrase in ["162 km", "BTS", "Festival Budaya Penyang Hinje Simpei", "klotok", "Satu Data", "Bukit Batu",
                   "gambut", "rotan", "Hampangen", "puskesmas", "Tjilik Riwut"]:  # fmt: skip
        assert phrase.casefold() in text.casefold(), phrase
    pilots = Activity.objects.get(region=region, ref="SOC-01")
    for desa, kecamatan in DESA_DIGITAL.items():
        assert desa in pilots.name
        assert pilots.locations.filter(name=kecamatan).exists()
    assert "555/364/DISKOMINFO-2/XI/2022" in pilots.description and pilots.source


def test_everything_is_marked_illustrative(region, katingan_document):
    for key in ("activities", "screenings", "risks", "judgements", "criterion_scores", "ceilings"):
        assert katingan_document[key] and all(item["illustrative"] for item in katingan_document[key]), key
    for item in katingan_document["activities"]:
        assert ILLUSTRATIVE in item["source"] or ILLUSTRATIVE in item["description"], item["ref"]
    for item in katingan_document["screenings"]:
        assert ILLUSTRATIVE in item["note"]
    for item in katingan_document["risks"]:
        assert ILLUSTRATIVE in item["risk"]
    for item in katingan_document["judgements"]:
        assert ILLUSTRATIVE in item["respondent"]


def test_costs_are_realistic_rupiah_and_funding_sources_vary(region, katingan_document):
    sources = set()
    for item in katingan_document["activities"]:
        sources.add(item["funding_source"])
        assert [y["year"] for y in item["years"]] == list(range(item["start_year"], item["end_year"] + 1))
        for year in item["years"]:
            assert isinstance(year["cost"], int)
            assert 10_000_000 <= year["cost"] <= 5_000_000_000, item["ref"]
    assert {"apbd", "apbn", "dana_desa", "csr"} <= sources


def _the_default_criteria_and_consistent_ahp_judgements(region):
    criteria = list(Criterion.objects.filter(region=region).order_by("order"))
    assert [c.slug for c in criteria] == [
        "dampak", "urgensi", "keselarasan", "kesiapan", "biaya", "kearifan_lokal"
    ]  # fmt: skip
    assert [c.slug for c in criteria if c.is_cost] == ["biaya"]
    index = {c.pk: i for i, c in enumerate(criteria)}
    matrices = []
    respondents = sorted(set(Judgement.objects.filter(region=region).values_list("respondent", flat=True)))
    assert 2 <= len(respondents) <= 3
    for respondent in respondents:
        judged = {}
        for j in Judgement.objects.filter(region=region, respondent=respondent):
            judged[(index[j.first_id], index[j.second_id])] = j.ratio
        matrix = ahp.from_judgements(len(criteria), judged)
        result = ahp.weights(matrix)
        assert result.cr <= ahp.CR_THRESHOLD, (respondent, result.cr)
        matrices.append(matrix)
    combined = ahp.weights(ahp.aggregate(matrices))
    assert combined.consistent and combined.cr <= 0.10
    assert services.ahp_result(region).usable


def _every_open_activity_is_scored_on_every_non_cost_criterion(region):
    criteria = set(Criterion.objects.filter(region=region, is_cost=False).values_list("slug", flat=True))
    for activity in Activity.objects.filter(region=region).exclude(status="batal"):
        scored = set(
            CriterionScore.objects.filter(activity=activity).values_list("criterion__slug", flat=True)
        )
        assert scored == criteria, activity.ref


def _ceilings_cover_2023_to_2032_and_bind(region):
    years = set(Ceiling.objects.filter(region=region).values_list("year", flat=True))
    assert years == set(range(2023, 2033))
    outcome = services.compute_plan(region)
    plan = outcome.plan
    assert outcome.deferred, "the ceilings should defer some activities"
    for (year, source), amount in plan.spending.items():
        assert amount <= outcome.ceilings.get((year, source), 0.0) + 1, (year, source)
    chosen = plan.chosen
    for candidate in outcome.candidates:
        if candidate.mandatory:
            assert candidate.id in chosen, candidate.id
        if candidate.id in chosen:
            for dep in candidate.depends_on:
                other = next(c for c in outcome.candidates if c.id == dep)
                assert chosen[dep] + other.duration <= chosen[candidate.id], (candidate.id, dep)
    assert "LIV-06" in outcome.deferred or "LIV-06" not in chosen  # cancelled: left out


def _a_few_dependencies_and_shared_components(region):
    with_deps = Activity.objects.filter(region=region, depends_on__isnull=False).distinct()
    assert with_deps.count() >= 5
    by_component = defaultdict(set)
    for activity in Activity.objects.filter(region=region).prefetch_related("components", "program__agency"):
        for component in activity.components.all():
            by_component[component.name].add(activity.program.agency.abbreviation)
    assert any(len(agencies) >= 2 for agencies in by_component.values())


def test_the_action_plan_round_trips_exactly(region, katingan_document):
    first = json.loads(json.dumps(export_region(region)))
    assert {key: first[key] for key in KEYS} == {key: katingan_document[key] for key in KEYS}
    copy = import_document(first, slug="katingan-salinan")
    second = json.loads(json.dumps(export_region(copy)))
    second["region"]["slug"] = first["region"]["slug"]
    assert json.dumps(second) == json.dumps(first)


def test_activities_agencies_pillars_quick_wins_and_facts(region):
    _at_least_40_activities_of_at_least_15_agencies_in_every_pillar(region)
    _every_pillar_has_a_quick_win_with_a_profile_and_a_risk_register(region)
    _missions_are_those_of_2018_and_never_the_placeholder(region)
    _program_codes_follow_the_nomenclature_and_others_are_marked(region)
    _the_facts_of_katingan_md_are_there(region)
    _a_few_dependencies_and_shared_components(region)


def test_screening_consultations_and_the_approval_gate(region):
    _every_activity_is_screened_and_risks_have_mitigations(region)
    _bukit_batu_tourism_is_a_consulted_risk_and_one_consultation_is_still_planned(region)
    _no_approved_activity_has_an_open_risk(region)


def test_priorities_ceilings_and_the_roadmap(region):
    _the_default_criteria_and_consistent_ahp_judgements(region)
    _every_open_activity_is_scored_on_every_non_cost_criterion(region)
    _ceilings_cover_2023_to_2032_and_bind(region)
