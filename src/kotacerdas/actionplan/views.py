"""Pages of the action plan, under /d/<slug>/rencana-aksi/: the overview, an activity with its screening, status
and quick-win profile, and the reports (screening, alignment, integration, per district, quick wins).

Every rule and figure (the approval gate, screening states, coverage, similarity, the district grouping) comes from
:mod:`kotacerdas.actionplan.services`; these views only read records, ask :mod:`kotacerdas.permissions` before any
change and format what they show. Every view starts from :func:`get_region_for_user` (404 for a region the user
holds no role in) and looks records up inside that region only.
"""

from __future__ import annotations

from collections import OrderedDict
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kotacerdas import formatting
from kotacerdas.actionplan import alignment, codes, funding, services
from kotacerdas.actionplan.forms import ConsultationInlineForm, ScreeningInlineForm, mission_label
from kotacerdas.actionplan.models import (
    Activity,
    Consultation,
    Program,
    QuickWinProfile,
    Risk,
    Screening,
)
from kotacerdas.formatting import rupiah
from kotacerdas.framework.models import Pillar
from kotacerdas.permissions import Access, get_region_for_user, require_write
from kotacerdas.regions.models import Agency
from kotacerdas.web import pages
from kotacerdas.web.kinds import field_rows
from kotacerdas.web.pages import region_context

#: The status buttons of the activity page: (target status, label). Which moves are allowed is services' business.
STATUS_BUTTONS = (
    (Activity.Status.USULAN, gettext_lazy("Kembalikan ke usulan")),
    (Activity.Status.DISETUJUI, gettext_lazy("Setujui")),
    (Activity.Status.BERJALAN, gettext_lazy("Mulai")),
    (Activity.Status.SELESAI, gettext_lazy("Selesai")),
    (Activity.Status.BATAL, gettext_lazy("Batalkan")),
)


# --- helpers -------------------------------------------------------------------------------------------------


def _activities(access: Access):
    return (
        Activity.objects.filter(region=access.region)
        .select_related("program__agency", "program__pillar")
        .prefetch_related("years")
    )


def _activity(access: Access, pk: int) -> Activity:
    return pages.one_or_404(_activities(access), "activity", pk=pk)


def _activity_url(activity: Activity, anchor: str = "") -> str:
    return reverse("actionplan-activity", kwargs={"slug": activity.region.slug, "pk": activity.pk}) + anchor


SCREENING_LABELS = {
    "unscreened": gettext_lazy("Belum ditapis"),
    "open_risk": gettext_lazy("Risiko terbuka"),
    "no_relation": gettext_lazy("Tidak ada kaitan"),
    "screened": gettext_lazy("Sudah ditapis"),
    "cancelled": gettext_lazy("–"),
}


def _state(key: str, detail: str = "") -> dict:
    label = str(SCREENING_LABELS[key])
    return {"key": key, "label": f"{label} ({detail})" if detail else label, "css": f"st-{key}"}


def _screening_states(access: Access) -> dict[str, dict]:
    """Each activity's screening state (by ref) as the screening report of services gives it."""
    view = services.screening_report(access.region)
    unscreened = set(view.report.overall.unscreened)
    risks: dict[str, list[str]] = {}
    for ref, item in view.report.overall.open_risks:
        risks.setdefault(ref, []).append(item)
    states = {}
    for ref, activity in view.activities.items():
        if ref in unscreened:
            states[ref] = _state("unscreened")
        elif ref in risks:
            states[ref] = _state("open_risk", ", ".join(risks[ref]))
        elif activity.no_local_wisdom_relation and not activity.screenings.all():
            states[ref] = _state("no_relation")
        else:
            states[ref] = _state("screened")
    return states


def _activity_state(activity: Activity) -> dict:
    """One activity's screening state, from the method's screening states of its relations."""
    if not activity.live:
        return _state("cancelled")
    relations = services.screening_states(activity)
    if not relations:
        return _state("no_relation") if activity.no_local_wisdom_relation else _state("unscreened")
    open_risks = [r.item for r in relations if r.open_risk]
    return _state("open_risk", ", ".join(open_risks)) if open_risks else _state("screened")


def _years(activity: Activity) -> dict[int, Decimal]:
    return {y.year: y.cost for y in activity.years.all()}


# --- overview ------------------------------------------------------------------------------------------------


@login_required
def overview(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    region = access.region
    pillars = list(Pillar.objects.filter(framework_id=region.framework_id))
    agencies = list(Agency.objects.filter(region=region, programs__isnull=False).distinct().order_by("name"))
    chosen = {
        "pilar": request.GET.get("pilar", ""),
        "opd": request.GET.get("opd", ""),
        "jangka": request.GET.get("jangka", ""),
        "status": request.GET.get("status", ""),
        "kelompok": "opd" if request.GET.get("kelompok") == "opd" else "pilar",
    }
    programs = Program.objects.filter(region=region).select_related("agency", "pillar")
    activities = _activities(access)
    if chosen["pilar"]:
        programs = programs.filter(pillar__slug=chosen["pilar"])
        activities = activities.filter(program__pillar__slug=chosen["pilar"])
    if chosen["opd"].isdigit():
        programs = programs.filter(agency_id=int(chosen["opd"]))
        activities = activities.filter(program__agency_id=int(chosen["opd"]))
    if chosen["jangka"]:
        activities = activities.filter(horizon=chosen["jangka"])
    if chosen["status"]:
        activities = activities.filter(status=chosen["status"])
    activities = list(activities.order_by("ref"))
    filtered = bool(chosen["jangka"] or chosen["status"])
    states = _screening_states(access)

    by_program: dict[int, list[Activity]] = {}
    for activity in activities:
        by_program.setdefault(activity.program_id, []).append(activity)
    groups: OrderedDict = OrderedDict()
    for program in programs.order_by("pillar__order", "agency__name", "code"):
        acts = by_program.get(program.pk, [])
        if filtered and not acts:
            continue
        key = program.pillar if chosen["kelompok"] == "pilar" else program.agency
        group = groups.setdefault(key.pk, {"title": key.name, "obj": key, "programs": [], "totals": {}})
        rows = []
        for activity in acts:
            costs = _years(activity)
            for year, cost in costs.items():
                group["totals"][year] = group["totals"].get(year, Decimal(0)) + cost
            rows.append(
                {
                    "a": activity,
                    "costs": costs,
                    "total": rupiah(activity.total_cost),
                    "screening": states.get(activity.ref, _state("cancelled")),
                }
            )
        group["programs"].append({"program": program, "rows": rows})
    if chosen["kelompok"] == "opd":
        groups = OrderedDict(sorted(groups.items(), key=lambda kv: kv[1]["title"].lower()))
    grand: dict[int, Decimal] = {}
    for group in groups.values():
        # Each table shows the years its own activities run in, so that it stays readable.
        group["years"] = sorted(group["totals"])
        for program in group["programs"]:
            for row in program["rows"]:
                row["cells"] = [rupiah(row["costs"][y]) if y in row["costs"] else "" for y in group["years"]]
        for year, cost in group["totals"].items():
            grand[year] = grand.get(year, Decimal(0)) + cost
        group["total_cells"] = [rupiah(group["totals"][y]) for y in group["years"]]
        group["total"] = rupiah(sum(group["totals"].values(), Decimal(0)))
        group["n"] = sum(len(p["rows"]) for p in group["programs"])
        group["width"] = len(group["years"]) + 4
    context = region_context(
        access,
        groups=list(groups.values()),
        years=sorted(grand),
        grand_cells=[rupiah(grand[y]) for y in sorted(grand)],
        grand_total=rupiah(sum(grand.values(), Decimal(0))),
        n_activities=len(activities),
        pillars=pillars,
        agencies=agencies,
        horizons=Activity.Horizon.choices,
        statuses=Activity.Status.choices,
        chosen=chosen,
        can_add_program=access.can_create_any(Program),
        can_add_activity=access.can_create_any(Activity),
    )
    return render(request, "actionplan/overview.html", context)


# --- one activity ------------------------------------------------------------------------------------------


def _activity_page(
    request: HttpRequest,
    access: Access,
    activity: Activity,
    *,
    refusal: list[str] | None = None,
    screening_form: ScreeningInlineForm | None = None,
    consultation_forms: dict | None = None,
    status: int = 200,
) -> HttpResponse:
    can_write = access.can_write(activity)
    consultation_forms = consultation_forms or {}
    costs = sorted(activity.years.all(), key=lambda y: y.year)
    screenings = []
    for screening in activity.screenings.select_related("local_wisdom").prefetch_related("consultations"):
        consultations = []
        for consultation in screening.consultations.all():
            form = consultation_forms.get(("edit", consultation.pk))
            if form is None and can_write:
                initial = {}
                if consultation.status == Consultation.Status.PLANNED:
                    initial["status"] = Consultation.Status.DONE
                form = ConsultationInlineForm(
                    instance=consultation, prefix=f"k{consultation.pk}", initial=initial
                )
            consultations.append({"c": consultation, "form": form})
        new_form = consultation_forms.get(("new", screening.pk))
        if new_form is None and can_write:
            new_form = ConsultationInlineForm(
                prefix=f"s{screening.pk}",
                initial={
                    "custodian": screening.local_wisdom.custodian,
                    "status": Consultation.Status.PLANNED,
                },
            )
        screenings.append(
            {
                "s": screening,
                "consultations": consultations,
                "new_form": new_form,
                "open": bool(consultation_forms.get(("new", screening.pk))),
            }
        )
    if screening_form is None and can_write:
        screening_form = ScreeningInlineForm(activity=activity, prefix="lw")
    profile = QuickWinProfile.objects.filter(activity=activity).first()
    is_quick_win = activity.horizon == Activity.Horizon.QUICK_WIN
    context = region_context(
        access,
        activity=activity,
        program=activity.program,
        can_write=can_write,
        costs=[{"y": y, "cost": rupiah(y.cost)} for y in costs],
        total=rupiah(sum((y.cost for y in costs), Decimal(0))),
        locations=list(activity.locations.all()),
        missions=[{"m": m, "label": mission_label(m)} for m in activity.missions.select_related("period")],
        strategies=list(activity.strategies.select_related("pillar")),
        elements=list(activity.elements.select_related("pillar")),
        depends_on=list(activity.depends_on.select_related("program__agency")),
        dependents=list(activity.dependents.select_related("program__agency")),
        components=list(activity.components.all()),
        screenings=screenings,
        screening_state=_activity_state(activity),
        screening_form=screening_form,
        blockers=services.approval_blockers(activity) if activity.status == Activity.Status.USULAN else [],
        problems=services.check_activity(activity),
        funding_warnings=[w.text(formatting.lang()) for w in funding.activity_warnings(activity)],
        code_reference=codes.reference(activity.code, access.region, program_code=activity.program.code),
        program_official=codes.official(activity.program.code, access.region),
        refusal=refusal,
        buttons=[
            (v, label)
            for v, label in STATUS_BUTTONS
            if v in services.allowed_statuses(activity, request.user)
        ],
        is_quick_win=is_quick_win,
        profile=profile,
        profile_rows=field_rows(
            profile, ["background", "objective", "beneficiaries", "innovation", "success_measure"]
        )
        if profile
        else [],
        risks=[{"r": r, "score": services.risk_score(r)} for r in Risk.objects.filter(activity=activity)],
        facts=field_rows(
            activity,
            [
                "code",
                "horizon",
                "start_year",
                "end_year",
                "earliest_start",
                "latest_start",
                "funding_source",
                "infrastructure",
                "mandatory",
                "output_indicator",
                "output_unit",
                "national_app_reason",
            ],
        ),
    )
    return render(request, "actionplan/activity.html", context, status=status)


@login_required
def activity(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    return _activity_page(request, access, _activity(access, pk))


@login_required
@require_POST
def activity_status(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A status button: the change goes through ``services.set_status`` (the approval gate) or not at all."""
    access = get_region_for_user(request.user, slug)
    obj = _activity(access, pk)
    require_write(access, obj)
    target = request.POST.get("status", "")
    if target not in Activity.Status.values:
        raise Http404("status")
    try:
        with transaction.atomic():
            services.set_status(obj, target, request.user)
    except services.ApprovalRefused as refused:
        obj = _activity(access, pk)  # as stored: nothing changed
        return _activity_page(request, access, obj, refusal=list(refused.blockers), status=409)
    except services.StatusRefused as refused:
        obj = _activity(access, pk)
        return _activity_page(request, access, obj, refusal=[refused.message], status=409)
    obj.refresh_from_db()
    messages.success(
        request,
        _("Status %(ref)s sekarang: %(status)s.") % {"ref": obj.ref, "status": obj.get_status_display()},
    )
    return redirect(_activity_url(obj, "#status"))


@login_required
@require_POST
def screening_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Record how the activity relates to one local wisdom item (memperkuat, menyesuaikan, berisiko)."""
    access = get_region_for_user(request.user, slug)
    obj = _activity(access, pk)
    require_write(access, obj)
    form = ScreeningInlineForm(request.POST, activity=obj, prefix="lw")
    if form.is_valid():
        screening = form.instance
        require_write(access, screening)
        with transaction.atomic():
            screening = form.save()
            if obj.no_local_wisdom_relation:
                obj.no_local_wisdom_relation = False
                pages.save(obj, _("Kaitan dengan kearifan lokal ditemukan saat penapisan"))
        messages.success(
            request,
            _("Kaitan dengan “%(item)s” tersimpan (%(relation)s).")
            % {"item": screening.local_wisdom.name, "relation": screening.get_relation_display()},
        )
        return redirect(_activity_url(obj, "#penapisan"))
    return _activity_page(request, access, obj, screening_form=form, status=400)


@login_required
@require_POST
def no_relation(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The explicit result of a screening that found no related item (or taking it back)."""
    access = get_region_for_user(request.user, slug)
    obj = _activity(access, pk)
    require_write(access, obj)
    value = request.POST.get("value") == "1"
    if value and obj.screenings.exists():
        messages.error(
            request,
            _(
                "Kegiatan ini sudah punya kaitan dengan kearifan lokal; hapus kaitannya dulu bila memang keliru."
            ),
        )
        return redirect(_activity_url(obj, "#penapisan"))
    obj.no_local_wisdom_relation = value
    with transaction.atomic():
        pages.save(obj, _("Penapisan: tidak ditemukan kaitan") if value else _("Penapisan dibuka kembali"))
    if value:
        messages.success(request, _("Tercatat: tidak ditemukan kaitan dengan kearifan lokal."))
    else:
        messages.success(request, _("Catatan “tidak ditemukan kaitan” dicabut."))
    return redirect(_activity_url(obj, "#penapisan"))


def _screening(access: Access, pk: int) -> Screening:
    screenings = Screening.objects.filter(region=access.region).select_related("activity", "local_wisdom")
    return pages.one_or_404(screenings, "screening", pk=pk)


@login_required
@require_POST
def consultation_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Plan (or record) a consultation with the custodian of an item the activity relates to."""
    access = get_region_for_user(request.user, slug)
    screening = _screening(access, pk)
    require_write(access, screening)
    form = ConsultationInlineForm(
        request.POST,
        instance=Consultation(region=access.region, screening=screening),
        prefix=f"s{screening.pk}",
    )
    if form.is_valid():
        require_write(access, form.instance)
        with transaction.atomic():
            consultation = form.save()
        messages.success(
            request,
            _("Konsultasi dengan %(who)s tersimpan (%(status)s).")
            % {"who": consultation.custodian, "status": consultation.get_status_display()},
        )
        return redirect(_activity_url(screening.activity, f"#penapisan-{screening.pk}"))
    activity = _activity(access, screening.activity_id)
    return _activity_page(
        request, access, activity, consultation_forms={("new", screening.pk): form}, status=400
    )


@login_required
@require_POST
def consultation_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Record that a consultation took place (date, outcome), or correct it."""
    access = get_region_for_user(request.user, slug)
    consultations = Consultation.objects.filter(region=access.region).select_related("screening__activity")
    consultation = pages.one_or_404(consultations, "consultation", pk=pk)
    require_write(access, consultation)
    form = ConsultationInlineForm(request.POST, instance=consultation, prefix=f"k{consultation.pk}")
    activity = consultation.screening.activity
    if form.is_valid():
        with transaction.atomic():
            consultation = form.save()
        messages.success(
            request,
            _("Konsultasi dengan %(who)s tersimpan (%(status)s).")
            % {"who": consultation.custodian, "status": consultation.get_status_display()},
        )
        return redirect(_activity_url(activity, f"#penapisan-{consultation.screening_id}"))
    return _activity_page(
        request,
        access,
        _activity(access, activity.pk),
        consultation_forms={("edit", consultation.pk): form},
        status=400,
    )


# --- reports -------------------------------------------------------------------------------------------------


def _share(value: float | None) -> str:
    return "–" if value is None else number_format(round(value * 100), 0) + "%"


def _group_row(title, group, items: dict, activities: dict) -> dict:
    """One row of the screening report: a pillar's or agency's figures with the records behind the names."""
    return {
        "title": title,
        "g": group,
        "share": _share(group.share),
        "strengthened": [items[n] for n in group.strengthened if n in items],
        "adapted": [items[n] for n in group.adapted if n in items],
        "at_risk": [items[n] for n in group.at_risk if n in items],
        "open_risks": [(activities.get(ref), item) for ref, item in group.open_risks],
        "unscreened": [activities[ref] for ref in group.unscreened if ref in activities],
    }


@login_required
def screening_report(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    view = services.screening_report(access.region)
    report, items, acts = view.report, view.items, view.activities
    by_pillar = [
        _group_row(view.pillars[key].name if key in view.pillars else key, group, items, acts)
        for key, group in report.by_pillar.items()
    ]
    by_agency = [
        _group_row(view.agencies[key].abbreviation if key in view.agencies else key, group, items, acts)
        for key, group in report.by_agency.items()
    ]
    context = region_context(
        access,
        overall=_group_row(_("Seluruh daerah"), report.overall, items, acts),
        never_addressed=[items[n] for n in report.overall.never_addressed if n in items],
        by_pillar=by_pillar,
        by_agency=by_agency,
    )
    return render(request, "actionplan/report_screening.html", context)


@login_required
def alignment_report(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    result = alignment.alignment(access.region)
    rows = [
        {"m": mission, "label": mission_label(mission), "cells": cells, "idle": not any(n for _p, n in cells)}
        for mission, cells in result.rows
    ]
    context = region_context(
        access,
        result=result,
        rows=rows,
        missions_without=[mission_label(m) for m in result.missions_without_activities],
    )
    return render(request, "actionplan/report_alignment.html", context)


@login_required
def integration_report(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    result = services.integration(access.region)
    similar = [{"row": row, "score": number_format(row.score, 0)} for row in result.similar]
    context = region_context(
        access,
        result=result,
        similar=similar,
        threshold=number_format(result.threshold, 0),
    )
    return render(request, "actionplan/report_integration.html", context)


@login_required
def district_report(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    result = services.districts(access.region)
    context = region_context(access, result=result)
    return render(request, "actionplan/report_districts.html", context)


@login_required
def quick_win_report(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    result = services.quick_win_report(access.region)
    without_profile = {a.pk for a in result.without_profile}
    without_risks = {a.pk for a in result.without_risks}
    rows = [
        {"a": a, "no_profile": a.pk in without_profile, "no_risks": a.pk in without_risks}
        for a in result.quick_wins
    ]
    context = region_context(access, result=result, rows=rows)
    return render(request, "actionplan/report_quick_wins.html", context)
