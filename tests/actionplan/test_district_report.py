"""Per kecamatan: the activities located there by infrastructure kind, and districts that receive nothing."""

from __future__ import annotations

from kotacerdas.actionplan import services
from kotacerdas.regions.models import District


def test_districts_report(plan, world) -> None:
    hilir, tasik, bukit = (
        District.objects.create(region=plan.region, name=name, order=k)
        for k, name in enumerate(["Katingan Hilir", "Tasik Payawan", "Bukit Raya"])
    )
    plan.activity("BTS-01", infrastructure="physical", locations=[tasik, bukit])
    plan.activity("ROT-01", infrastructure="economic", locations=[tasik])
    plan.activity("ONE-01", infrastructure="governance")
    plan.activity("OLD-01", infrastructure="social", locations=[hilir], status="batal")
    report = services.districts(plan.region)
    rows = {r.district.name: r for r in report.rows}
    assert [r.district.name for r in report.rows] == ["Katingan Hilir", "Tasik Payawan", "Bukit Raya"]
    assert {k: [a.ref for a in acts] for k, _label, acts in rows["Tasik Payawan"].by_kind} == {
        "physical": ["BTS-01"],
        "economic": ["ROT-01"],
        "social": [],
        "governance": [],
    }
    assert rows["Tasik Payawan"].missing_kinds == ["Infrastruktur sosial", "Tata kelola dan layanan"]
    assert [d.name for d in report.without_activities] == [
        "Katingan Hilir"
    ]  # the cancelled one does not count
    assert [a.ref for a in report.without_location] == ["ONE-01"]
    assert report.kinds[0] == ("physical", "Infrastruktur fisik")
