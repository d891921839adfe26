"""In a real browser: the admin enters an inconsistent respondent and is refused the run with the pair named,
removes that respondent, runs the selection, sees the roadmap, raises a ceiling through the ceiling table, runs
again and compares the two runs.

Screenshots go to /tmp/kc-shots/priorities-*.png for a human look.
"""

from __future__ import annotations

from pathlib import Path

import pytest

SHOTS = Path("/tmp/kc-shots")

ACTIVITIES = [
    # ref, agency, pillar, name, horizon, start, end, costs, source, (earliest, latest)
    ("GOV-01", "diskominfo", "governance", "Portal Satu Data Katingan", "quick_win", 2025, 2025, [1_250_000_000], "apbd", None),
    ("GOV-02", "diskominfo", "governance", "Serat optik tulang punggung Kasongan–Tumbang Samba", "medium", 2026, 2028, [3_000_000_000, 4_000_000_000, 2_000_000_000], "apbn", (2026, 2028)),
    ("GOV-03", "diskominfo", "governance", "Menara BTS desa blank spot", "medium", 2025, 2026, [2_000_000_000, 2_000_000_000], "apbn", (2025, 2027)),
    ("GOV-04", "diskominfo", "governance", "Desa digital: 20 desa rintisan", "short", 2026, 2026, [1_500_000_000], "dana_desa", (2026, 2027)),
    ("GOV-05", "bappelitbang", "governance", "Pusat komando kabupaten", "medium", 2026, 2027, [1_500_000_000, 1_000_000_000], "apbd", (2026, 2028)),
    ("LIV-01", "dinkes", "living", "Peringatan dini kebakaran gambut dan patroli warga", "quick_win", 2025, 2025, [600_000_000], "apbd", None),
    ("LIV-02", "dinkes", "living", "Telemedisin puskesmas terpencil", "short", 2026, 2026, [750_000_000], "apbd", (2026, 2027)),
    ("LIV-03", "dinkes", "living", "Rekam medis elektronik puskesmas", "medium", 2026, 2027, [1_200_000_000, 900_000_000], "apbd", (2026, 2028)),
]  # fmt: skip
CEILINGS = {(2025, "apbd"): 2_000_000_000, (2026, "apbd"): 2_500_000_000, (2027, "apbd"): 2_000_000_000,
            (2028, "apbd"): 2_000_000_000, (2025, "apbn"): 2_500_000_000, (2026, "apbn"): 3_500_000_000,
            (2027, "apbn"): 3_000_000_000, (2026, "dana_desa"): 1_000_000_000}  # fmt: skip


@pytest.fixture
def katingan_plan(plan):
    from kotacerdas.actionplan.models import Ceiling

    w = plan.world
    agencies = {"diskominfo": w.diskominfo, "dinkes": w.dinkes, "bappelitbang": w.bappelitbang}
    acts = {}
    for k, (ref, agency, pillar, name, horizon, start, end, costs, source, window) in enumerate(ACTIVITIES):
        earliest, latest = window or (None, None)
        acts[ref] = plan.activity(
            ref, agency=agencies[agency], pillar=pillar, name=name, horizon=horizon, start=start, end=end,
            costs=dict(zip(range(start, end + 1), costs, strict=True)), source=source,
            earliest=earliest, latest=latest,
        )  # fmt: skip
        plan.score(acts[ref], dampak=1 + (3 * k) % 5, urgensi=1 + (2 * k + 1) % 5, keselarasan=2 + k % 4,
                   kesiapan=5 - k % 3, kearifan_lokal=2 + (k * 7) % 4)  # fmt: skip
    acts["GOV-05"].depends_on.add(acts["GOV-03"])
    w_ = {"dampak": 4, "urgensi": 2, "keselarasan": 2, "kesiapan": 1, "biaya": 1, "kearifan_lokal": 2}
    slugs = list(w_)
    plan.judge(
        "Kepala Bappelitbang", {(a, b): w_[a] / w_[b] for i, a in enumerate(slugs) for b in slugs[i + 1 :]}
    )
    for (year, source), amount in CEILINGS.items():
        Ceiling.objects.create(region=plan.region, year=year, source=source, amount=amount)
    return plan


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_inconsistency_blocks_then_run_roadmap_and_compare(browser_login, live_server, katingan_plan) -> None:
    from kotacerdas.actionplan.models import Ceiling, Criterion, PrioritizationRun

    SHOTS.mkdir(parents=True, exist_ok=True)
    base = f"{live_server.url}/d/katingan/prioritas/"
    tab = browser_login("admin_bappelitbang")
    tab.goto(f"{live_server.url}/d/katingan/")
    tab.locator("nav.tabs").get_by_role("link", name="Prioritas").click()
    tab.wait_for_load_state()
    assert tab.get_by_role("heading", name="Prioritas sumber daya dan peta jalan").is_visible()

    # An inconsistent workshop participant, entered from a paper form.
    tab.get_by_role("link", name="1. Kriteria dan AHP").click()
    tab.get_by_role("link", name="+ Penilaian responden").click()
    tab.wait_for_load_state()
    tab.fill("#id_respondent", "Peserta lokakarya 4")
    crit = list(Criterion.objects.filter(region=katingan_plan.region).order_by("order"))
    for i, a in enumerate(crit):
        for j in range(i + 1, len(crit)):
            tab.check(f"#p-{a.pk}-{crit[j].pk}-{'a9' if (j - i) % 2 else 'b9'}")
    tab.screenshot(path=str(SHOTS / "priorities-judge.png"), full_page=True)
    tab.get_by_role("button", name="Simpan penilaian").click()
    tab.wait_for_load_state()
    assert tab.get_by_text("tidak konsisten (CR").first.is_visible()
    worst = tab.locator("#bobot .worst-pair")
    assert worst.is_visible() and "Saran:" in worst.inner_text()
    tab.screenshot(path=str(SHOTS / "priorities-ahp.png"), full_page=True)

    tab.goto(base + "hasil/")
    assert tab.get_by_role("button", name="Jalankan").is_disabled()
    assert "Pasangan yang paling menyimpang" in tab.locator(".run-card").inner_text()

    # Remove that respondent: the weights are usable again.
    tab.goto(base + "ahp/")
    tab.once("dialog", lambda dialog: dialog.accept())
    tab.locator('tr[data-respondent="Peserta lokakarya 4"]').get_by_role("button", name="Hapus").click()
    tab.wait_for_load_state()
    assert tab.get_by_text("Penilaian responden Peserta lokakarya 4 dihapus.").is_visible()

    tab.get_by_role("link", name="3. Peringkat").click()
    tab.wait_for_load_state()
    assert tab.locator("table.ranking tbody tr").count() == len(ACTIVITIES)
    tab.screenshot(path=str(SHOTS / "priorities-ranking.png"), full_page=True)

    tab.get_by_role("link", name="5. Hasil dan peta jalan").click()
    tab.fill("#id_name", "Pagu awal")
    tab.get_by_role("button", name="Jalankan").click()
    tab.wait_for_load_state()
    assert tab.get_by_text("Prioritas dijalankan dan disimpan sebagai “Pagu awal”.").is_visible()
    assert tab.locator('td[data-start="GOV-01"]').inner_text() == "2025"
    assert tab.locator('td[data-start="LIV-01"]').inner_text() == "2025"
    assert tab.locator(".chart svg").count() == 2
    tab.screenshot(path=str(SHOTS / "priorities-run.png"), full_page=True)
    tab.get_by_role("link", name="per perangkat daerah").click()
    tab.wait_for_load_state()
    assert "Dinkes" in tab.locator(".chart-wide").inner_text()

    # Raise APBN 2028 through the ceiling table, run again, compare.
    tab.get_by_role("link", name="4. Pagu anggaran").click()
    tab.fill('input[name="c-2028-apbn"]', "3.000.000.000")
    tab.fill('input[name="c-2027-apbn"]', "4.500.000.000")
    tab.screenshot(path=str(SHOTS / "priorities-ceilings.png"), full_page=True)
    tab.get_by_role("button", name="Simpan semua pagu").click()
    tab.wait_for_load_state()
    assert Ceiling.objects.get(year=2028, source="apbn").amount == 3_000_000_000
    tab.get_by_role("link", name="5. Hasil dan peta jalan").click()
    tab.fill("#id_name", "APBN ditambah")
    tab.get_by_role("button", name="Jalankan").click()
    tab.wait_for_load_state()
    tab.get_by_role("button", name="Bandingkan").click()
    tab.wait_for_load_state()
    assert "Pagu awal" in tab.locator("table.side-by-side").inner_text()
    assert "APBN ditambah" in tab.locator("table.side-by-side").inner_text()
    tab.screenshot(path=str(SHOTS / "priorities-compare.png"), full_page=True)
    assert PrioritizationRun.objects.count() == 2

    tab.goto(base + "skor/")
    tab.screenshot(path=str(SHOTS / "priorities-scores.png"), full_page=True)
