"""Stored values in words, and the links a historical record kept.

These helpers read only a model field and a value (or a historical record), never the registry of kinds, so the
forms, the kinds and the history pages can all import them at module level without importing each other.
``show_value`` is also importable from :mod:`kotacerdas.web.kinds` and ``links_at`` from
:mod:`kotacerdas.web.history`, where they used to live.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.utils.formats import localize, number_format
from django.utils.translation import gettext as _


def show_value(field: models.Field | None, value) -> str:
    """A raw stored value (as in a historical record or a form) in words."""
    if value is None or value == "":
        return "—"
    if field is None:
        return str(value)
    if field.many_to_many:  # a historical record's links: rows of the through table, as dicts or ids
        target = field.m2m_reverse_field_name()
        ids = [row.get(target) if isinstance(row, dict) else getattr(row, "pk", row) for row in value]
        if not ids:
            return "—"
        found = {obj.pk: obj for obj in field.related_model.objects.filter(pk__in=ids)}
        return ", ".join(
            str(found[pk]) if pk in found else _("#%(id)s (sudah dihapus)") % {"id": pk} for pk in ids
        )
    if isinstance(field, models.BooleanField):
        return _("Ya") if value else _("Tidak")
    if field.is_relation:
        related = field.related_model
        if isinstance(value, models.Model):
            return str(value)
        obj = related.objects.filter(pk=value).first()
        return str(obj) if obj is not None else _("#%(id)s (sudah dihapus)") % {"id": value}
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, int | Decimal) and not isinstance(value, bool) and "year" not in field.name:
        return number_format(value, force_grouping=True)
    return str(localize(value))


def links_at(record) -> dict[str, list[int]]:
    """The many-to-many links a historical record kept (field name -> ids of the linked records, in order),
    for the fields whose history is tracked (``HistoricalRecords(m2m_fields=...)``)."""
    fields = getattr(type(record), "_history_m2m_fields", ())
    if fields and record.history_type == "-":
        # the links are gone by the time the deletion is recorded: take them from the version before it
        before = (
            type(record)
            .objects.filter(id=record.id, history_date__lte=record.history_date)
            .exclude(history_id=record.history_id)
            .order_by("-history_date", "-history_id")
            .first()
        )
        if before is None:
            return {model_field.name: [] for model_field in fields}
        record = before
    links: dict[str, list[int]] = {}
    for model_field in fields:
        target = model_field.m2m_reverse_field_name()
        rows = getattr(record, model_field.name).order_by("pk")
        links[model_field.name] = [getattr(row, f"{target}_id") for row in rows]
    return links
