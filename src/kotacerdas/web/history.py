"""History helpers: what changed between versions, revert to a version, restore a deleted object."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from kotacerdas.regions.models import Region
from kotacerdas.web.kinds import KINDS, Kind, field_label
from kotacerdas.web.values import links_at, show_value

ACTIONS = {"+": "dibuat", "~": "diubah", "-": "dihapus"}


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class Version:
    record: object
    changes: list[Change] = field(default_factory=list)

    @property
    def action(self) -> str:
        return self.record.history_type


def versions(obj) -> list[Version]:
    """The object's historical records, newest first, each with its changes against the version before."""
    records = list(obj.history.all().select_related("history_user").order_by("-history_date", "-history_id"))
    result = []
    for i, record in enumerate(records):
        version = Version(record)
        if i + 1 < len(records):
            delta = record.diff_against(records[i + 1])
            for change in sorted(delta.changes, key=lambda c: _field_order(obj, c.field)):
                model_field = obj._meta.get_field(change.field)
                version.changes.append(
                    Change(
                        str(model_field.verbose_name),
                        show_value(model_field, change.old),
                        show_value(model_field, change.new),
                    )
                )
        result.append(version)
    return result


def _field_order(obj, name: str) -> int:
    names = [f.name for f in obj._meta.concrete_fields]
    return names.index(name) if name in names else len(names)


def version_label(record) -> str:
    return timezone.localtime(record.history_date).strftime("%d-%m-%Y %H:%M:%S")


def rebuild(record, *, existing: bool):
    """A model instance carrying the values of a historical record, with links to deleted records resolved.

    A nullable link to a record that no longer exists is cleared; a required one is an error the user can act on.
    The version's many-to-many links travel with the instance (``instance._history_links``) and are set again by
    :func:`save_with_reason`, leaving out linked records that no longer exist.
    """
    instance = record.instance
    instance._history_links = links_at(record)
    instance._state.adding = not existing
    for model_field in instance._meta.concrete_fields:
        if not model_field.is_relation:
            continue
        value = getattr(instance, model_field.attname)
        if value is None or model_field.related_model.objects.filter(pk=value).exists():
            continue
        if model_field.null:
            setattr(instance, model_field.attname, None)
        else:
            raise ValidationError(
                _("%(field)s yang terkait sudah dihapus; pulihkan dulu %(field)s tersebut.")
                % {"field": model_field.verbose_name}
            )
    return instance


def save_with_reason(instance, reason: str) -> list[str]:
    """Validate and save a rebuilt instance with a change reason, then set its version's many-to-many links.

    Returns the links that could not be set because the linked record no longer exists, e.g. ["elemen #12"].
    """
    instance.full_clean()
    instance._change_reason = reason
    instance.save()
    dropped: list[str] = []
    for name, ids in getattr(instance, "_history_links", {}).items():
        model_field = instance._meta.get_field(name)
        alive = set(model_field.related_model.objects.filter(pk__in=ids).values_list("pk", flat=True))
        getattr(instance, name).set([pk for pk in ids if pk in alive])
        dropped.extend(f"{model_field.verbose_name} #{pk}" for pk in ids if pk not in alive)
    return dropped


def error_text(model, error: ValidationError) -> str:
    """A validation error in words, each message preceded by the name of the field it is about."""
    if not hasattr(error, "error_dict"):
        return " ".join(error.messages)
    parts = []
    for name, messages in error.message_dict.items():
        text = " ".join(messages)
        parts.append(text if name == NON_FIELD_ERRORS else f"{capfirst(field_label(model, name))}: {text}")
    return " ".join(parts)


def dropped_message(dropped: list[str]) -> str:
    """What to tell the user about links that were not set again."""
    return _("Tautan ke data yang sudah dihapus tidak dikembalikan: %(links)s.") % {
        "links": ", ".join(dropped)
    }


def region_records(region: Region, kinds: list[Kind], limit: int = 100):
    """Recent historical records across the region's models, newest first."""
    rows = []
    for kind in kinds:
        history = kind.model.history
        qs = history.filter(id=region.pk) if kind.model is Region else history.filter(region_id=region.pk)
        for record in qs.select_related("history_user").order_by("-history_date")[:limit]:
            rows.append((kind, record))
    rows.sort(key=lambda row: row[1].history_date, reverse=True)
    rows = rows[:limit]
    # Which deleted objects are still gone (and may be restored)?
    existing = {}
    for kind in {k for k, _r in rows}:
        ids = {r.id for k, r in rows if k is kind}
        existing[kind.key] = set(kind.model.objects.filter(pk__in=ids).values_list("pk", flat=True))
    return [(kind, record, record.id in existing[kind.key]) for kind, record in rows]


def find_deleted_record(region: Region, key: str, history_id: int):
    kind = KINDS.get(key)
    if kind is None or kind.model is Region:
        return None, None
    record = kind.model.history.filter(region_id=region.pk, history_id=history_id, history_type="-").first()
    return kind, record
