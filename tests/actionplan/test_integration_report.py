"""Integration (method.md §7): activities of different agencies with alike names, and shared components."""

from __future__ import annotations

from kotacerdas.actionplan import services
from kotacerdas.actionplan.models import SharedComponent


def test_alike_names_across_agencies_are_candidates(plan, world) -> None:
    a = plan.activity("KES-01", agency=world.dinkes, name="Pengembangan aplikasi layanan kesehatan daring")
    b = plan.activity("KOM-01", name="Pengembangan aplikasi pelayanan kesehatan online")
    plan.activity("KOM-02", name="Pelatihan literasi digital")
    plan.activity("BAP-01", agency=world.bappelitbang, name="Pembangunan menara BTS")
    plan.activity("KOM-03", name="Pengembangan aplikasi layanan kesehatan daring")  # same agency as KOM-01
    plan.activity("BAP-02", agency=world.bappelitbang, name="Pengembangan aplikasi layanan kesehatan daring",
                  status="batal")  # fmt: skip
    result = services.integration(plan.region)
    pairs = [(r.first.ref, r.second.ref, round(r.score)) for r in result.similar]
    assert pairs == [("KES-01", "KOM-01", 100), ("KES-01", "KOM-03", 100)]
    assert result.similar[0].first == a and result.similar[0].second == b
    assert result.threshold == 85


def test_shared_components(plan, world) -> None:
    centre = SharedComponent.objects.create(region=plan.region, name="Pusat data daerah")
    fibre = SharedComponent.objects.create(region=plan.region, name="Jaringan serat optik")
    plan.activity("KOM-01", components=[centre, fibre])
    plan.activity("KES-01", agency=world.dinkes, components=[centre])
    plan.activity("KOM-02", components=[fibre])
    result = services.integration(plan.region)
    assert [(r.component.name, [a.ref for a in r.activities], [g.abbreviation for g in r.agencies])
            for r in result.shared] == [("Pusat data daerah", ["KES-01", "KOM-01"], ["Dinkes", "Diskominfostandi"])]  # fmt: skip
