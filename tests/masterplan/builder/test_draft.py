"""The document is a draft exactly while something blocks the plan, and the reasons say what."""

from __future__ import annotations

from kotacerdas.actionplan.models import Activity, Consultation, Judgement, Screening
from kotacerdas.masterplan.builder import build
from kotacerdas.regions.models import LocalWisdom, Mission

from .conftest import chapter


def test_katingan_is_a_draft_naming_the_placeholder_mission(katingan):
    doc = build(katingan)
    assert doc.draft
    assert any("belum dikonfirmasi" in r and "Misi 4" in r for r in doc.draft_reasons)
    blockers = chapter(doc, "Hal yang Belum Selesai")
    assert blockers.label == "Lampiran B"
    assert list(blockers.blocks[1].items) == list(doc.draft_reasons)


def test_katingan_open_risk_is_named_when_the_sample_has_one(katingan):
    risky = Screening.objects.filter(activity__region=katingan, relation="berisiko").exclude(
        activity__status="batal"
    )
    open_ = [
        s
        for s in risky
        if not (s.mitigation.strip() and s.consultations.filter(status=Consultation.Status.DONE).exists())
    ]
    doc = build(katingan)
    if open_:
        reason = next(r for r in doc.draft_reasons if "risiko terhadap kearifan lokal masih terbuka" in r)
        for s in open_:
            assert f"{s.activity.ref} ({s.local_wisdom.name})" in reason


def test_complete_region_is_not_a_draft(complete):
    doc = build(complete)
    assert not doc.draft
    assert doc.draft_reasons == ()
    assert "Hal yang Belum Selesai" not in [c.title for c in doc.chapters]


def test_each_blocker_makes_a_draft_with_its_reason(complete):
    activity = Activity.objects.get(region=complete)
    item = LocalWisdom.objects.get(region=complete)

    Mission.objects.filter(region=complete).update(placeholder=True, text="")
    doc = build(complete)
    assert doc.draft and any("Misi 1" in r for r in doc.draft_reasons)
    Mission.objects.filter(region=complete).update(placeholder=False, text="Pemerintahan bersih")

    Activity.objects.filter(pk=activity.pk).update(no_local_wisdom_relation=False)
    doc = build(complete)
    assert any("belum ditapis" in r and "GOV-01" in r for r in doc.draft_reasons)

    screening = Screening.objects.create(
        region=complete,
        activity=activity,
        local_wisdom=item,
        relation="berisiko",
        mitigation="Zona inti dijaga",
    )
    doc = build(complete)
    assert any("masih terbuka" in r and "GOV-01 (Gotong royong)" in r for r in doc.draft_reasons)
    Consultation.objects.create(
        region=complete,
        screening=screening,
        custodian="Ketua adat",
        status="done",
        date="2025-01-02",
        outcome="Setuju",
    )
    doc = build(complete)
    assert not doc.draft, doc.draft_reasons

    first = Judgement.objects.filter(region=complete).order_by("pk")
    Judgement.objects.filter(pk=first[0].pk).update(value=9)
    Judgement.objects.filter(pk=first[2].pk).update(value=9)
    doc = build(complete)
    assert any("tidak konsisten" in r for r in doc.draft_reasons)

    Judgement.objects.filter(region=complete).delete()
    doc = build(complete)
    assert any("AHP" in r and "belum ada" in r for r in doc.draft_reasons)
