"""Views of the region workspace.

Every view starts from :func:`kotacerdas.permissions.get_region_for_user` (404 for a region the user holds no role
in), looks objects up inside that region only, and asks :mod:`kotacerdas.permissions` before any change (403).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kotacerdas.permissions import (
    Access,
    access_for,
    get_region_for_user,
    may_create_region,
    regions_for,
    require_admin,
    require_write,
)
from kotacerdas.regions.models import Membership, Mission, Region
from kotacerdas.web import history
from kotacerdas.web.dependents import dependents_of
from kotacerdas.web.kinds import KINDS, Kind, field_rows
from kotacerdas.web.pages import region_context

RESTORED_REASON = "Dipulihkan dari riwayat"


# --- helpers -------------------------------------------------------------------------------------------------


def _kind(key: str) -> Kind:
    kind = KINDS.get(key)
    if kind is None:
        raise Http404("kind")
    return kind


def _require_read(access: Access, kind: Kind) -> None:
    if not access.can_list(kind.model):
        raise PermissionDenied("admin")


def _get(access: Access, kind: Kind, pk: int):
    """The object ``pk`` of this kind, looked up inside the user's region only."""
    if kind.model is Region:
        return access.region
    obj = kind.queryset(access.region).filter(pk=pk).first()
    if obj is None:
        raise Http404("object")
    return obj


def _url(access: Access, name: str, kind: Kind | None = None, obj=None, **extra) -> str:
    kwargs = {"slug": access.region.slug, **extra}
    if kind is not None and kind.model is not Region:
        kwargs["kind"] = kind.key
        if obj is not None:
            kwargs["pk"] = obj.pk
    elif kind is not None:
        name = f"profile-{name.removeprefix('object-')}"
    return reverse(name, kwargs=kwargs)


def detail_url(access: Access, kind: Kind, obj) -> str:
    if kind.model is Region:
        return reverse("dashboard", kwargs={"slug": access.region.slug})
    return _url(access, "object-detail", kind, obj)


# --- pages ---------------------------------------------------------------------------------------------------


@login_required
def region_list(request: HttpRequest) -> HttpResponse:
    regions = regions_for(request.user).order_by("name")
    return render(
        request,
        "web/region_list.html",
        {"regions": regions, "can_create_region": may_create_region(request.user)},
    )


@login_required
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    region = access.region
    districts = list(region.districts.counted())  # desa/kelurahan counted from the listed villages, if any
    totals = {"desa": sum(d.n_desa for d in districts), "kelurahan": sum(d.n_kelurahan for d in districts)}
    totals["all"] = totals["desa"] + totals["kelurahan"]
    periods = list(region.rpjmd_periods.prefetch_related("missions"))
    agencies = list(region.agencies.select_related("district").annotate(n_wisdom=Count("local_wisdom")))
    wisdom = list(region.local_wisdom.select_related("agency"))
    governance = {}
    for basis in region.governance_bases.all():
        governance.setdefault(basis.get_body_display(), {"members": [], "bases": []})["bases"].append(basis)
    for member in region.governance_members.select_related("agency"):
        governance.setdefault(member.get_body_display(), {"members": [], "bases": []})["members"].append(
            member
        )
    counts = {
        "kecamatan": len(districts),
        "rpjmd": len(periods),
        "opd": len(agencies),
        "kearifan_lokal": len(wisdom),
        "tata_kelola": sum(len(v["members"]) for v in governance.values()),
    }
    placeholders = Mission.objects.filter(region=region, placeholder=True).count()
    return render(
        request,
        "web/dashboard.html",
        region_context(
            access,
            districts=districts,
            totals=totals,
            periods=periods,
            agencies=agencies,
            wisdom=wisdom,
            governance=governance,
            counts=counts,
            placeholders=placeholders,
            profile_rows=field_rows(
                region,
                [
                    "kind",
                    "province",
                    "kemendagri_code",
                    "bps_code",
                    "capital",
                    "area_km2",
                    "population",
                    "population_year",
                    "motto",
                    "nomenclature",
                ],
            ),
            can_edit_profile=access.can_write(region),
            can_add_wisdom=access.can_create_any(KINDS["kearifan-lokal"].model),
            can_add_rpjmd=access.can_create_any(KINDS["rpjmd"].model),
        ),
    )


@login_required
def framework(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    fw = access.region.framework
    pillars = fw.pillars.prefetch_related("elements")
    readiness = fw.readiness_elements.prefetch_related("aspects")
    return render(
        request,
        "web/framework.html",
        region_context(access, framework=fw, pillars=pillars, readiness=readiness),
    )


@login_required
def object_list(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    k = _kind(kind)
    if k.model is Region:
        return redirect("dashboard", slug=slug)
    _require_read(access, k)
    objects = list(k.queryset(access.region))
    rows = [
        {
            "obj": obj,
            "cells": [v for _n, _l, v in field_rows(obj, k.columns)],
            "can_write": access.can_write(obj),
        }
        for obj in objects
    ]
    headers = [str(k.model._meta.get_field(c).verbose_name) for c in k.columns]
    return render(
        request,
        "web/object_list.html",
        region_context(access, kind=k, rows=rows, headers=headers, can_create=access.can_create_any(k.model)),
    )


@login_required
def object_detail(request: HttpRequest, slug: str, kind: str, pk: int) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    k = _kind(kind)
    _require_read(access, k)
    obj = _get(access, k, pk)
    extra = {"missions": obj.missions.all()} if k.key == "rpjmd" else {}
    if k.key == "kecamatan":
        extra["villages"] = obj.village_list.all()  # its desa and kelurahan from the official area codes
    if k.notes is not None:
        extra["notes"] = k.notes(obj, access.region)
    return render(
        request,
        "web/object_detail.html",
        region_context(
            access,
            kind=k,
            obj=obj,
            rows=field_rows(obj),
            can_write=access.can_write(obj),
            can_delete=access.can_delete(obj),
            **extra,
        ),
    )


@login_required
def object_create(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    k = _kind(kind)
    if k.model is Region or not access.can_create_any(k.model):
        raise PermissionDenied("create")
    form_class = k.create_form or k.form
    # Links may prefill the form, e.g. ?period=3 for a mission or ?cell=high_high for a scenario.
    initial = {key: value for key, value in request.GET.items() if key in form_class.base_fields}
    form = form_class(request.POST or None, access=access, initial=initial)
    if request.method == "POST" and form.is_valid():
        obj = form.instance
        if isinstance(obj, Membership):
            require_admin(access)
        elif not access.can_create(k.model, agency=obj.owning_agency()):
            raise PermissionDenied("create")
        with transaction.atomic():
            obj = form.save()
        messages.success(
            request, _("%(what)s “%(obj)s” tersimpan.") % {"what": k.singular.capitalize(), "obj": obj}
        )
        return redirect(detail_url(access, k, obj))
    return render(request, "web/object_form.html", region_context(access, kind=k, form=form, obj=None))


@login_required
def object_edit(request: HttpRequest, slug: str, kind: str, pk: int | None = None) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    k = _kind(kind)
    _require_read(access, k)
    obj = _get(access, k, pk)
    require_write(access, obj)
    form = k.form(request.POST or None, instance=obj, access=access)
    if request.method == "POST" and form.is_valid() and not _demotes_self(request, obj, form):
        require_write(access, form.instance)  # the changed record must still be the user's to write
        obj = form.save()
        messages.success(request, _("Perubahan tersimpan."))
        return redirect(detail_url(access, k, obj))
    return render(request, "web/object_form.html", region_context(access, kind=k, form=form, obj=obj))


def _demotes_self(request: HttpRequest, obj, form) -> bool:
    """An admin must not lock themselves out of the region by lowering their own role."""
    access = access_for(request.user, obj.region) if isinstance(obj, Membership) else None
    if access is not None and not access.keeps_own_admin(obj, form.cleaned_data["role"]):
        form.add_error(
            "role", _("Anda tidak dapat menurunkan peran Anda sendiri; minta admin lain melakukannya.")
        )
        return True
    return False


@login_required
def object_delete(request: HttpRequest, slug: str, kind: str, pk: int) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    k = _kind(kind)
    if k.model is Region:
        raise PermissionDenied("delete region")
    _require_read(access, k)
    obj = _get(access, k, pk)
    require_write(access, obj)
    if not access.can_delete(obj):  # writable but not deletable: one's own role
        messages.error(request, _("Anda tidak dapat mencabut peran Anda sendiri."))
        return redirect(detail_url(access, k, obj))
    deps = dependents_of(obj)
    foreign = access.foreign_owners(deps.owners) if not access.is_admin else []
    allowed = not deps.blockers and access.may_delete_with(obj, deps.owners)
    if request.method == "POST" and allowed:
        label = str(obj)
        with transaction.atomic():
            obj.delete()
        messages.success(
            request,
            _("“%(obj)s” dihapus. Anda dapat memulihkannya dari halaman Riwayat.") % {"obj": label},
        )
        return redirect(_url(access, "object-list", k))
    consequences = []
    if k.key == "rpjmd":
        consequences.append(_("%(n)s misi periode ini ikut terhapus.") % {"n": obj.missions.count()})
    if k.key == "opd":
        n_ops = obj.operators.count()
        n_lw = obj.local_wisdom.count()
        if n_ops:
            consequences.append(_("%(n)s operator perangkat daerah ini kehilangan perannya.") % {"n": n_ops})
        if n_lw:
            consequences.append(
                _("%(n)s kearifan lokal tidak lagi tercatat atas perangkat daerah ini.") % {"n": n_lw}
            )
    # A refused POST (someone else's records depend on it, or records block it) deletes nothing: 403 / 409.
    status = 200 if request.method != "POST" else (409 if deps.blockers else 403)
    return render(
        request,
        "web/confirm_delete.html",
        region_context(
            access,
            kind=k,
            obj=obj,
            consequences=consequences,
            groups=deps.groups(),
            blockers=deps.blocker_labels(),
            refused=bool(foreign) and not deps.blockers,
            allowed=allowed,
        ),
        status=status,
    )


@login_required
def object_history(request: HttpRequest, slug: str, kind: str, pk: int | None = None) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    k = _kind(kind)
    _require_read(access, k)
    obj = _get(access, k, pk)
    return render(
        request,
        "web/object_history.html",
        region_context(
            access,
            kind=k,
            obj=obj,
            versions=history.versions(obj),
            can_write=access.can_write(obj),
            detail=detail_url(access, k, obj),
        ),
    )


@login_required
@require_POST
def object_revert(request: HttpRequest, slug: str, kind: str, history_id: int, pk: int | None = None):
    access = get_region_for_user(request.user, slug)
    k = _kind(kind)
    _require_read(access, k)
    obj = _get(access, k, pk)
    require_write(access, obj)
    record = obj.history.filter(history_id=history_id).first()
    if record is None:
        raise Http404("version")
    history_url = _url(access, "object-history", k, obj)
    try:
        instance = history.rebuild(record, existing=True)
        require_write(access, instance)
        with transaction.atomic():
            dropped = history.save_with_reason(
                instance, f"Dikembalikan ke versi {history.version_label(record)}"
            )
    except ValidationError as error:
        messages.error(
            request,
            _("Versi ini tidak dapat dikembalikan: %(e)s") % {"e": history.error_text(k.model, error)},
        )
        return redirect(history_url)
    messages.success(request, _("Dikembalikan ke versi %(date)s.") % {"date": history.version_label(record)})
    if dropped:
        messages.warning(request, history.dropped_message(dropped))
    return redirect(history_url)


@login_required
def region_history(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    kinds = [k for k in KINDS.values() if access.can_list(k.model)]
    rows = []
    for kind, record, exists in history.region_records(access.region, kinds):
        link = detail_url(access, kind, record.instance) if exists else None
        can_restore = False
        if record.history_type == "-" and not exists:
            try:
                can_restore = access.can_write(history.rebuild(record, existing=False))
            except ValidationError:
                can_restore = access.can_manage
        rows.append(
            {"kind": kind, "record": record, "exists": exists, "link": link, "can_restore": can_restore}
        )
    return render(request, "web/region_history.html", region_context(access, rows=rows))


@login_required
@require_POST
def restore(request: HttpRequest, slug: str, kind: str, history_id: int) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    k, record = history.find_deleted_record(access.region, kind, history_id)
    if record is None:
        raise Http404("record")
    _require_read(access, k)
    back = reverse("region-history", kwargs={"slug": slug})
    if k.model.objects.filter(pk=record.id).exists():
        messages.info(request, _("Data ini sudah ada; tidak perlu dipulihkan."))
        return redirect(back)
    try:
        instance = history.rebuild(record, existing=False)
        require_write(access, instance)
        with transaction.atomic():
            dropped = history.save_with_reason(instance, RESTORED_REASON)
    except ValidationError as error:
        messages.error(
            request, _("Data ini tidak dapat dipulihkan: %(e)s") % {"e": history.error_text(k.model, error)}
        )
        return redirect(back)
    messages.success(request, _("“%(obj)s” dipulihkan.") % {"obj": instance})
    if dropped:
        messages.warning(request, history.dropped_message(dropped))
    return redirect(detail_url(access, k, instance))
