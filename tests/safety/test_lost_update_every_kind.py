"""No lost update on the edit form of any registered kind of record.

For each kind, two people open the edit form of the same Katingan record. A changes a field and saves; B changes the
same field differently and saves: B is refused (the page shows the value now stored and B's entry, B's entry stays
in the form), the database keeps A's value; B saves the page as re-rendered (with the refreshed token) and wins.
The data posted is what a browser would post from the rendered page (the ``form_data`` fixture).
"""

from __future__ import annotations

import html

import pytest
from django.test import Client

from kotacerdas.web.kinds import KINDS

KEYS = sorted(KINDS)


def _record(kind, region):
    if kind.key == "profil":
        return region
    qs = kind.queryset(region).order_by("pk")
    if kind.key == "anggota":
        qs = qs.filter(user__username="op_dinkes")
    if kind.key == "hasil-prioritas" and not qs.exists():
        kind.model.objects.create(region=region, name="Skenario A", parameters={"budget": 1}, result={})
    return qs.first()


def _url(kind, obj) -> str:
    return "/d/katingan/profil/ubah/" if kind.key == "profil" else f"/d/katingan/{kind.key}/{obj.pk}/ubah/"


def _candidates(data, kinds, obj):
    """(field name, value for A, value for B): a text field if the form has one, else a number or a choice."""
    model = type(obj)
    names = [n for n in data if n in {f.name for f in model._meta.concrete_fields}]
    for name in names:
        if kinds[name] in {"textarea", "text"}:
            field = model._meta.get_field(name)
            if getattr(field, "choices", None) or name in {
                "slug",
                "code",
                "ref",
                "kemendagri_code",
                "bps_code",
            }:
                continue
            base = (data[name][0] or "")[: max(0, (field.max_length or 200) - 12)]
            yield name, base + " (versi A)", base + " (versi B)"
    for name in names:
        if kinds[name] == "number":
            value = data[name][0]
            if value.lstrip("-").isdigit():
                yield name, str(int(value) + 1), str(int(value) - 1)
    for name in names:
        if kinds[name] == "select":
            field = model._meta.get_field(name)
            if field.choices:
                values = [str(v) for v, _l in field.flatchoices if str(v) != data[name][0] and v != ""]
                if len(values) >= 2:
                    yield name, values[0], values[1]
            elif field.is_relation and any(f.name == "region" for f in field.related_model._meta.fields):
                others = field.related_model._default_manager.filter(region_id=obj.region_id).exclude(
                    pk=data[name][0] or None
                )
                pks = [str(pk) for pk in others.order_by("pk").values_list("pk", flat=True)[:2]]
                if len(pks) == 2:
                    yield name, pks[0], pks[1]


def _post(client, url, data, **change):
    body = {k: list(v) for k, v in data.items()}
    for name, value in change.items():
        body[name] = [value]
    return client.post(url, body)


@pytest.mark.parametrize("key", KEYS)
def test_the_second_save_is_refused_then_wins_deliberately(katingan, form_data, key):
    from django.contrib.auth import get_user_model

    kind = KINDS[key]
    obj = _record(kind, katingan)
    assert obj is not None, key
    admin = get_user_model().objects.get(username="admin_bappelitbang")
    a, b = Client(), Client()
    a.force_login(admin)
    b.force_login(admin)
    url = _url(kind, obj)
    page_a, page_b = a.get(url), b.get(url)
    assert page_a.status_code == page_b.status_code == 200
    data_a, kinds = form_data(page_a.content.decode())
    data_b, _kinds = form_data(page_b.content.decode())
    assert data_a["record_version"] == data_b["record_version"]

    for name, value_a, value_b in _candidates(data_a, kinds, obj):  # noqa: B007 (value_b: after the loop)
        response = _post(a, url, data_a, **{name: value_a})
        if response.status_code == 302:
            break
    else:
        pytest.fail(f"{key}: no field of the form could be changed by A")
    model = type(obj)
    field = model._meta.get_field(name)

    def stored():
        return str(field.value_from_object(model.objects.get(pk=obj.pk)))

    after_a = stored()
    response = _post(b, url, data_b, **{name: value_b})
    assert response.status_code == 200, (key, name, response.status_code)
    page = html.unescape(response.content.decode())
    assert "sejak Anda membuka formulir ini" in page, key
    assert "Sekarang tersimpan:" in page and "isian Anda:" in page, key
    assert stored() == after_a  # A's value kept
    again, _k = form_data(response.content.decode())
    assert again[name] == [value_b]  # B's entry is still in the form
    assert again["record_version"] != data_b["record_version"]

    assert b.post(url, again).status_code == 302  # B saves deliberately: B wins
    assert stored() != after_a
