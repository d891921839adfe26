"""What depends on a record: what deleting it would delete, unlink or block, grouped by the owning agency.

Deleting a SWOT factor deletes every agency's ratings of it and strips it from strategies; deleting an activity
removes other agencies' dependency links to it. :func:`dependents_of` lists all of that before anything is deleted,
with Django's own deletion collector (``NestedObjects``, as the Django admin's confirmation page), so the list is
exactly what ``obj.delete()`` would do:

- records deleted with it (``on_delete=CASCADE``, followed through every level);
- records that lose a link to it: rows of a many-to-many table (a strategy's factors, an activity's
  dependencies) and links cleared by ``on_delete=SET_NULL``;
- records that block the deletion (``PROTECT``/``RESTRICT``): nobody can delete the record while they exist.

Whether a person may go ahead given that list is decided in :mod:`kotacerdas.permissions`
(``Access.may_delete_with``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.admin.utils import NestedObjects
from django.db import router
from django.utils.translation import gettext as _

DELETED, UNLINKED, CLEARED = "deleted", "unlinked", "cleared"


@dataclass
class Dependent:
    obj: object  # the record affected
    effect: str  # DELETED, UNLINKED or CLEARED
    detail: str = ""  # for a link: the field that loses it

    @property
    def agency(self):
        return _owner(self.obj)

    @property
    def kind(self) -> str:
        return str(self.obj._meta.verbose_name)

    @property
    def label(self) -> str:
        try:
            return str(self.obj)
        except Exception:  # a record in the middle of a cascade: its id still names it
            return f"#{self.obj.pk}"

    @property
    def effect_text(self) -> str:
        if self.effect == DELETED:
            return _("ikut terhapus")
        if self.effect == UNLINKED:
            return _("kehilangan tautan “%(field)s”") % {"field": self.detail}
        return _("isian “%(field)s” dikosongkan") % {"field": self.detail}


@dataclass
class Group:
    agency: object  # an Agency, or None for records of the region admin
    items: list[Dependent] = field(default_factory=list)

    @property
    def title(self) -> str:
        if self.agency is None:
            return _("Data admin daerah (tanpa perangkat daerah)")
        return f"{self.agency.abbreviation} — {self.agency.name}"


@dataclass
class Dependents:
    items: list[Dependent]
    blockers: list  # records that prevent the deletion (PROTECT/RESTRICT)

    def __bool__(self) -> bool:
        return bool(self.items or self.blockers)

    @property
    def owners(self) -> list:
        """The owning agency of every affected record (None for a record without an owning agency)."""
        return [d.agency for d in self.items]

    def groups(self) -> list[Group]:
        groups: dict[object, Group] = {}
        for dependent in self.items:
            agency = dependent.agency
            key = agency.pk if agency is not None else None
            groups.setdefault(key, Group(agency)).items.append(dependent)
        return sorted(groups.values(), key=lambda g: (g.agency is None, str(g.agency or "")))

    def blocker_labels(self) -> list[str]:
        return [f"{capfirst_str(b._meta.verbose_name)}: {Dependent(b, DELETED).label}" for b in self.blockers]


def capfirst_str(value) -> str:
    text = str(value)
    return text[:1].upper() + text[1:]


def _owner(obj):
    if not hasattr(obj, "owning_agency"):
        return None
    try:
        return obj.owning_agency()
    except Exception:  # the owner's own record is already gone
        return None


def dependents_of(obj) -> Dependents:
    """Everything that deleting ``obj`` would delete, unlink or clear, and what would block it."""
    collector = NestedObjects(using=router.db_for_write(type(obj), instance=obj))
    collector.collect([obj])
    deleted_keys = {(type(o), o.pk) for objs in collector.model_objs.values() for o in objs}
    items: list[Dependent] = []
    seen: set = set()

    def add(record, effect: str, detail: str = "") -> None:
        key = (type(record), record.pk, effect, detail)
        if key in seen or (type(record), record.pk) == (type(obj), obj.pk):
            return
        seen.add(key)
        items.append(Dependent(record, effect, detail))

    for model, objs in collector.model_objs.items():
        if model._meta.auto_created:  # a many-to-many row: the record on the declaring side loses a link
            source_model, m2m = _m2m_of(model)
            for row in objs:
                source = getattr(row, m2m.m2m_field_name())
                if (source_model, source.pk) not in deleted_keys:
                    add(source, UNLINKED, str(m2m.verbose_name))
            continue
        for record in sorted(objs, key=lambda o: o.pk):
            add(record, DELETED)
    for (model_field, _value), batches in collector.field_updates.items():
        for batch in batches:
            for record in batch:
                if (type(record), record.pk) not in deleted_keys:
                    add(record, CLEARED, str(model_field.verbose_name))
    blockers = sorted(collector.protected, key=lambda o: (o._meta.label, o.pk))
    return Dependents(items, blockers)


def _m2m_of(through):
    """The model declaring the many-to-many field whose table is ``through``, and that field."""
    source = through._meta.auto_created
    for m2m in source._meta.many_to_many:
        if m2m.remote_field.through is through:
            return source, m2m
    raise LookupError(through)
