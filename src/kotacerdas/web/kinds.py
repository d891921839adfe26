"""The object types of the region workspace: one entry per type, read by the generic list/form/history views."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models

from kotacerdas.regions.models import (
    Agency,
    District,
    GovernanceBasis,
    GovernanceMember,
    LocalWisdom,
    Membership,
    Mission,
    Region,
    RpjmdPeriod,
)
from kotacerdas.web import forms
from kotacerdas.web.values import show_value


@dataclass(frozen=True)
class Kind:
    key: str  # URL segment
    model: type[models.Model]
    form: type
    columns: tuple[str, ...]  # the list table; the first column links to the object
    create_form: type | None = None
    #: extra lines of the detail page, after the fields: ``notes(obj, region)`` → [(label, text, css class)]
    notes: Callable | None = None

    @property
    def admin_only_read(self) -> bool:
        """Only the region admin sees these records (the model says so; permissions.py decides)."""
        return bool(getattr(self.model, "ADMIN_ONLY_READ", False))

    @property
    def title(self) -> str:
        return str(self.model._meta.verbose_name_plural)

    @property
    def singular(self) -> str:
        return str(self.model._meta.verbose_name)

    def queryset(self, region: Region):
        if self.model is Region:
            return Region.objects.filter(pk=region.pk)
        qs = self.model.objects.filter(region=region)
        related = [f.name for f in self.model._meta.concrete_fields if f.is_relation and f.name != "region"]
        # A record owned through another one (a risk through its activity's program) names that path, so the
        # permission check of every row (``owning_agency()``) costs no query of its own.
        owner = getattr(self.model, "AGENCY_PATH", None)
        return qs.select_related(*related, *([owner] if owner else []))


PROFILE = Kind("profil", Region, forms.ProfileForm, ("name",))
KINDS: dict[str, Kind] = {
    k.key: k
    for k in [
        PROFILE,
        Kind("kecamatan", District, forms.DistrictForm, ("name", "code", "capital", "desa", "kelurahan")),
        Kind(
            "rpjmd", RpjmdPeriod, forms.RpjmdPeriodForm, ("start_year", "end_year", "regent", "vice_regent")
        ),
        Kind("misi", Mission, forms.MissionForm, ("number", "period", "text", "placeholder")),
        Kind("opd", Agency, forms.AgencyForm, ("abbreviation", "name", "kind", "district")),
        Kind(
            "kearifan-lokal", LocalWisdom, forms.LocalWisdomForm, ("name", "category", "custodian", "agency")
        ),
        Kind(
            "tata-kelola",
            GovernanceMember,
            forms.GovernanceMemberForm,
            ("name", "body", "role", "sector", "position", "agency", "start_year", "end_year"),
        ),
        Kind(
            "dasar-hukum",
            GovernanceBasis,
            forms.GovernanceBasisForm,
            ("number", "body", "title", "date", "placeholder", "start_year", "end_year"),
        ),
        Kind(
            "anggota",
            Membership,
            forms.MembershipForm,
            ("user", "role", "agency"),
            create_form=forms.NewMembershipForm,
        ),
    ]
}
KIND_BY_MODEL = {k.model: k for k in KINDS.values()}


def register(*kinds: Kind) -> None:
    """Add the object types of a later stage (e.g. the assessment app) to the generic pages and the history."""
    for kind in kinds:
        if kind.key in KINDS:
            raise ValueError(f"object type {kind.key!r} is registered twice")
        KINDS[kind.key] = kind
        KIND_BY_MODEL[kind.model] = kind


def field_label(model, name: str) -> str:
    try:
        return str(model._meta.get_field(name).verbose_name)
    except Exception:
        return name


def field_rows(obj, names=None):
    """(name, label, value) triples of an object's fields (``names`` in that order, or every editable field)."""
    if names is None:
        fields = [
            f
            for f in obj._meta.concrete_fields
            if f.editable and not f.primary_key and f.name not in {"region", "framework"}
        ]
        fields.sort(key=lambda f: f.name in {"source", "illustrative"})  # provenance last
    else:
        fields = [obj._meta.get_field(n) for n in names]
    rows = []
    for field in fields:
        value = getattr(obj, field.name) if field.is_relation else getattr(obj, field.attname)
        rows.append((field.name, str(field.verbose_name), show_value(field, value)))
    return rows
