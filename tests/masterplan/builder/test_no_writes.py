"""Building the document changes nothing in the workspace (no default criteria, no saved run, no history)."""

from __future__ import annotations

from django.apps import apps

from kotacerdas.masterplan.builder import build


def _counts():
    return {m._meta.label: m.objects.count() for m in apps.get_models()}


def test_build_writes_nothing(katingan, complete):
    before = _counts()
    build(katingan)
    build(complete)
    assert _counts() == before
