"""Labels of related records that survive the related record's deletion.

A historical record (or a record being restored) may point at a row that no longer exists: a criterion score whose
activity was deleted, a SWOT rating whose agency is gone. ``__str__`` methods name such a relation through
:func:`related_label`, so the history, revert and restore pages keep working: the label comes from the related
record's last historical version ("A-01 (sudah dihapus)"), or from its id when no version is known.
"""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext as _


def related_label(obj, name: str, attr: str | None = None) -> str:
    """``str(obj.<name>)`` (or of its attribute ``attr``), also when the related record has been deleted."""
    field = obj._meta.get_field(name)
    pk = getattr(obj, field.attname)
    if pk is None:
        return "—"
    try:
        target = getattr(obj, name)
    except ObjectDoesNotExist:
        last = last_version(field.related_model, pk)
        if last is None:
            return _("#%(id)s (sudah dihapus)") % {"id": pk}
        try:
            label = str(getattr(last, attr)) if attr else str(last)
        except Exception:  # a label that cannot be built from an old version: its id says enough
            return _("#%(id)s (sudah dihapus)") % {"id": pk}
        return _("%(label)s (sudah dihapus)") % {"label": label}
    return str(getattr(target, attr)) if attr else str(target)


def last_version(model, pk):
    """The record ``pk`` of ``model`` as its last historical version kept it (None without history)."""
    history = getattr(model, "history", None)
    if history is None:
        return None
    try:
        record = history.filter(id=pk).order_by("-history_date", "-history_id").first()
    except Exception:  # a model whose history is not kept the usual way
        return None
    return record.instance if record is not None else None
