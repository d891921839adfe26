"""History of records with many-to-many links (a program's elements): the history page shows the links of every
version, revert sets the links back, and restoring a deleted record brings its links back too."""

from __future__ import annotations

import pytest


@pytest.fixture
def program(world):
    from kotacerdas.actionplan.models import Program
    from kotacerdas.framework.models import Element, Pillar

    pillar = Pillar.objects.get(framework_id=world.katingan.framework_id, slug="governance")
    first, second = Element.objects.filter(pillar=pillar).order_by("order")[:2]
    program = Program.objects.create(
        region=world.katingan,
        agency=world.diskominfo,
        pillar=pillar,
        code="2.16.03",
        name="PROGRAM PENGELOLAAN APLIKASI INFORMATIKA",
    )
    program.elements.set([first])
    return program, first, second


def _records(program):
    return list(program.history.order_by("history_date", "history_id"))


def test_the_history_page_shows_the_links_of_each_version(admin_client, program):
    program, first, second = program
    program.elements.add(second)
    response = admin_client.get(f"/d/katingan/program/{program.pk}/riwayat/")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<th scope="row">Elemen</th>' in page
    assert f'<td class="old">{first}</td><td class="new">{first}, {second}</td>' in page
    assert f'<td class="old">—</td><td class="new">{first}</td>' in page


def test_revert_sets_the_links_back(admin_client, program):
    program, first, second = program
    with_first = _records(program)[-1]  # elements = [first]
    program.elements.set([second])
    response = admin_client.post(
        f"/d/katingan/program/{program.pk}/riwayat/{with_first.history_id}/kembalikan/"
    )
    assert response.status_code == 302
    assert list(program.elements.all()) == [first]
    latest = program.history.order_by("-history_date", "-history_id").first()
    assert latest.history_change_reason.startswith("Dikembalikan ke versi ")
    assert [e.element_id for e in latest.elements.all()] == [first.pk]


def test_restoring_a_deleted_record_brings_its_links_back(admin_client, program):
    from kotacerdas.actionplan.models import Program

    program, first, second = program
    program.elements.add(second)
    pk = program.pk
    assert admin_client.post(f"/d/katingan/program/{pk}/hapus/").status_code == 302
    assert not Program.objects.filter(pk=pk).exists()
    deleted = Program.history.get(id=pk, history_type="-")
    response = admin_client.post(f"/d/katingan/riwayat/program/{deleted.history_id}/pulihkan/")
    assert response.status_code == 302
    restored = Program.objects.get(pk=pk)
    assert set(restored.elements.all()) == {first, second}


def test_a_link_to_a_record_deleted_since_is_left_out_on_revert(admin_client, world, program):
    from kotacerdas.actionplan.models import Activity

    program, first, second = program
    # an activity linked to another activity that is later deleted
    fields = {"region": world.katingan, "program": program, "code": "2.16.03.2.01", "horizon": "medium"}
    fields |= {"funding_source": "apbd", "infrastructure": "governance"}
    a = Activity.objects.create(ref="GOV-01", name="Portal layanan", start_year=2026, end_year=2026, **fields)
    b = Activity.objects.create(ref="GOV-02", name="Aplikasi izin", start_year=2027, end_year=2027, **fields)
    b.depends_on.set([a])
    linked = b.history.order_by("-history_date", "-history_id").first()
    b.depends_on.clear()
    a_pk = a.pk
    a.delete()
    response = admin_client.post(
        f"/d/katingan/kegiatan/{b.pk}/riwayat/{linked.history_id}/kembalikan/", follow=True
    )
    assert response.status_code == 200
    assert list(b.depends_on.all()) == []
    # the user is told what could not come back
    assert f"Tautan ke data yang sudah dihapus tidak dikembalikan: bergantung pada #{a_pk}." in (
        response.content.decode()
    )
    page = admin_client.get(f"/d/katingan/kegiatan/{b.pk}/riwayat/").content.decode()
    assert f"#{a_pk} (sudah dihapus)" in page


def test_a_version_that_no_longer_validates_is_refused_naming_the_fields(admin_client, world, program):
    from kotacerdas.actionplan.models import Activity

    program, _first, _second = program
    # stored without a horizon or a funding source (as an old import might have): the form would refuse it
    activity = Activity.objects.create(
        region=world.katingan, program=program, ref="GOV-09", name="Lama", start_year=2026, end_year=2026
    )
    first = activity.history.get()
    activity.name = "Baru"
    activity.save()
    response = admin_client.post(
        f"/d/katingan/kegiatan/{activity.pk}/riwayat/{first.history_id}/kembalikan/", follow=True
    )
    page = response.content.decode()
    horizon = str(Activity._meta.get_field("horizon").verbose_name)
    source = str(Activity._meta.get_field("funding_source").verbose_name)
    assert "Versi ini tidak dapat dikembalikan:" in page
    assert f"{horizon[:1].upper()}{horizon[1:]}:" in page and f"{source[:1].upper()}{source[1:]}:" in page
    activity.refresh_from_db()
    assert activity.name == "Baru"
