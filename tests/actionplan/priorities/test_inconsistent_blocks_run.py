"""An inconsistent respondent (CR > 0,10) blocks the run: the AHP page and the run page name the pair that
disagrees most with a suggested value, and running is refused without saving anything."""

from __future__ import annotations

from kotacerdas.actionplan.models import PrioritizationRun

from .conftest import URL


def test_an_inconsistent_respondent_blocks_the_run_and_the_pair_is_named(
    world, login, three_criteria
) -> None:
    d, u, b = three_criteria
    client = login(world.user("admin_bappelitbang"))
    # Dampak ≫ Urgensi and Urgensi ≫ Biaya, yet Biaya ≫ Dampak: a cycle, as inconsistent as it gets.
    client.post(
        URL + "ahp/isi/",
        {
            "respondent": "Peserta 3",
            f"p-{d.pk}-{u.pk}": "a9",
            f"p-{d.pk}-{b.pk}": "b9",
            f"p-{u.pk}-{b.pk}": "a9",
        },
    )
    ahp_html = client.get(URL + "ahp/").content.decode()
    assert "tidak konsisten" in ahp_html
    assert "Pasangan yang paling menyimpang:" in ahp_html
    assert "Saran:" in ahp_html
    assert 'data-worst="' in ahp_html

    response = client.post(URL + "hasil/", {"name": "Coba"})
    assert response.status_code == 409
    html = response.content.decode()
    assert "Prioritas tidak dapat dijalankan:" in html
    assert "tidak konsisten" in html and "Perbandingan yang paling menyimpang" in html
    assert not PrioritizationRun.objects.exists()

    runs_html = client.get(URL + "hasil/").content.decode()
    assert "Belum dapat dijalankan:" in runs_html and "disabled" in runs_html
    assert "Pasangan yang paling menyimpang:" in runs_html


def test_the_form_points_at_the_worst_pair_of_that_respondent(world, login, three_criteria) -> None:
    d, u, b = three_criteria
    client = login(world.user("admin_bappelitbang"))
    client.post(
        URL + "ahp/isi/",
        {
            "respondent": "Peserta 3",
            f"p-{d.pk}-{u.pk}": "a9",
            f"p-{d.pk}-{b.pk}": "b9",
            f"p-{u.pk}-{b.pk}": "a9",
        },
    )
    html = client.get(URL + "ahp/isi/?responden=Peserta+3").content.decode()
    assert "pair-worst" in html and "Paling menyimpang; saran:" in html
