"""Who may enter pairwise judgements: the region admin only (for any respondent, e.g. from paper forms); every
other role reads the AHP page. The page says so."""

from __future__ import annotations

import pytest

from kotacerdas.actionplan.models import Judgement

from .conftest import URL


def _post(criteria) -> dict:
    d, u, b = criteria
    return {"respondent": "Saya", f"p-{d.pk}-{u.pk}": "1", f"p-{d.pk}-{b.pk}": "1", f"p-{u.pk}-{b.pk}": "1"}


@pytest.mark.parametrize("persona", ["op_diskominfo", "op_dinkes", "reviewer_dewan", "viewer"])
def test_other_roles_read_but_may_not_judge(world, login, three_criteria, persona) -> None:
    client = login(world.user(persona))
    page_html = client.get(URL + "ahp/").content.decode()
    assert "admin daerah (Bappelitbang) mengisi penilaian" in page_html
    assert "/prioritas/ahp/isi/" not in page_html
    assert client.get(URL + "ahp/isi/").status_code == 403
    assert client.post(URL + "ahp/isi/", _post(three_criteria)).status_code == 403
    assert client.post(URL + "ahp/hapus/", {"respondent": "Saya"}).status_code == 403
    assert not Judgement.objects.exists()


def test_the_admin_enters_for_another_respondent_and_deletes(world, login, three_criteria) -> None:
    client = login(world.user("admin_bappelitbang"))
    form = client.get(URL + "ahp/isi/").content.decode()
    assert 'value="admin_bappelitbang"' in form  # defaults to the user's name
    assert (
        client.post(URL + "ahp/isi/", _post(three_criteria) | {"respondent": "Peserta 7"}).status_code == 302
    )
    assert set(Judgement.objects.values_list("respondent", flat=True)) == {"Peserta 7"}
    assert client.post(URL + "ahp/hapus/", {"respondent": "Peserta 7"}).status_code == 302
    assert not Judgement.objects.exists()


def test_the_forms_need_csrf(world, three_criteria) -> None:
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(world.user("admin_bappelitbang"))
    assert client.post(URL + "ahp/isi/", _post(three_criteria)).status_code == 403
    assert not Judgement.objects.exists()
