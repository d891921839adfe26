"""NUL and the other C0 control characters (except tab, LF, CR) are refused on input, on every database.

Stored on SQLite, a NUL byte made a region impossible to move to PostgreSQL; other control characters break the
DOCX/PDF documents. The rule is one validator (``web.forms.NoControlCharacters``) installed by the shared
``SafeFormMixin`` on every text field of every form, with a message naming the field.
"""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from django import forms

import kotacerdas
from kotacerdas.web.forms import SafeFormMixin
from kotacerdas.web.kinds import KINDS

BAD = ["\x00", "\x01", "\x08", "\x0b", "\x1b", "\x1f"]
FORMS = sorted(
    {(k.key, "create" if form is k.create_form else "edit"): form for k in KINDS.values() for form in
     (k.form, k.create_form) if form is not None}.items()
)  # fmt: skip


def text_fields(form) -> list[str]:
    return [
        name
        for name, field in form.fields.items()
        if isinstance(field, forms.CharField)
        and not isinstance(field.widget, forms.PasswordInput | forms.HiddenInput)
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(("key", "form_class"), FORMS, ids=[f"{k}-{m}" for (k, m), _f in FORMS])
def test_every_text_field_of_every_record_form_refuses_control_characters(world, key, form_class):
    from kotacerdas.permissions import access_for

    access = access_for(world.user("admin_bappelitbang"), world.katingan)
    names = text_fields(form_class(access=access))
    for name in names:
        for bad in BAD:
            form = form_class({name: f"Kasongan{bad}Hilir"}, access=access)
            assert not form.is_valid()
            label = str(form.fields[name].label)
            errors = " ".join(form.errors.get(name, []))
            assert f"Isian “{label}” memuat karakter kendali" in errors, (key, name, repr(bad), errors)
            assert f"U+{ord(bad):04X}" in errors
            # one clear message, not Django's own NUL message besides it
            assert sum("karakter kendali" in e for e in form.errors[name]) == 1
            assert not any("null" in e.lower() for e in form.errors[name])


def test_most_record_forms_have_text_fields():
    assert sum(1 for (_k, _m), f in FORMS if f.base_fields and any(
        isinstance(x, forms.CharField) for x in f.base_fields.values())) > 25  # fmt: skip


def test_tab_and_line_breaks_are_text(world, client):
    from kotacerdas.regions.models import LocalWisdom

    client.force_login(world.user("op_dinkes"))
    response = client.post(
        "/d/katingan/kearifan-lokal/baru/",
        {
            "category": "nilai_norma",
            "name": "Handep",
            "description": "Gotong royong\tmembuka ladang.\r\nBaris kedua.\nBaris ketiga.",
            "agency": world.dinkes.pk,
        },
    )
    assert response.status_code == 302
    stored = LocalWisdom.objects.get(region=world.katingan, name="Handep").description
    assert "\t" in stored and "\n" in stored


@pytest.mark.parametrize("bad", ["\x00", "\x07"])
def test_a_refused_input_names_the_field_and_changes_nothing(world, client, bad):
    from kotacerdas.regions.models import LocalWisdom

    client.force_login(world.user("op_dinkes"))
    before = LocalWisdom.objects.count()
    response = client.post(
        "/d/katingan/kearifan-lokal/baru/",
        {
            "category": "nilai_norma",
            "name": "Handep",
            "description": f"Gotong royong{bad} membuka ladang.",
            "agency": world.dinkes.pk,
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Isian “Deskripsi” memuat karakter kendali" in page
    assert LocalWisdom.objects.count() == before

    wisdom = LocalWisdom.objects.get(region=world.katingan, name="Bukit Batu")
    response = client.post(
        f"/d/katingan/kearifan-lokal/{wisdom.pk}/ubah/",
        {
            "category": wisdom.category,
            "name": f"Bukit{bad}Batu",
            "description": "x",
            "agency": world.dinkes.pk,
        },
    )
    assert response.status_code == 200 and "Isian “Nama” memuat karakter kendali" in response.content.decode()
    assert LocalWisdom.objects.get(pk=wisdom.pk).name == "Bukit Batu"


def all_form_classes() -> list[type]:
    for module in pkgutil.walk_packages(kotacerdas.__path__, "kotacerdas."):
        if ".migrations" in module.name or module.name.endswith(("wsgi", "cli", "__main__")):
            continue
        importlib.import_module(module.name)
    found, todo = set(), [forms.BaseForm]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("kotacerdas."):
                found.add(sub)
    return sorted(found, key=lambda c: f"{c.__module__}.{c.__qualname__}")


def test_every_form_of_the_application_uses_the_shared_mixin():
    classes = all_form_classes()
    assert len(classes) > 30
    missing = [f"{c.__module__}.{c.__qualname__}" for c in classes if not issubclass(c, SafeFormMixin)]
    assert missing == []
