"""Bimtek II pages, under ``/d/<slug>/analisis/``: maturity (method.md §4), competitiveness (§5), the future (§6),
the plan settings, and the bimtek workbook (download the template or the filled workbook, upload it back).

Every figure comes from :func:`kotacerdas.assessment.analysis.analyse_region` (the method engine); the views only
arrange it. Every view starts from :func:`kotacerdas.permissions.get_region_for_user` (404 for other regions),
looks records up inside that region only, and asks :mod:`kotacerdas.permissions` before any change (403).
"""

from __future__ import annotations

import io
from decimal import Decimal

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.text import slugify
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kotacerdas import charts
from kotacerdas.assessment import analysis
from kotacerdas.assessment.forms import AssessmentForm
from kotacerdas.assessment.models import (
    Driver,
    Indicator,
    IndicatorValue,
    MaturityLevel,
    Peer,
    PlanSettings,
    Scenario,
    ScenarioImplication,
)
from kotacerdas.framework.models import Element
from kotacerdas.method import future
from kotacerdas.permissions import Access, get_region_for_user, require_admin, require_write
from kotacerdas.regions.models import Role
from kotacerdas.web.forms import SafeFormMixin

SELF = analysis.SELF
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHART_TYPES = {"svg": "image/svg+xml", "png": "image/png"}


# --- helpers -------------------------------------------------------------------------------------------------


def region_context(access: Access, active: str, **extra) -> dict:
    role_label = _("Superuser") if access.superuser else Role(access.role).label
    return {"access": access, "region": access.region, "role_label": role_label, "active": active, **extra}


def _lang() -> str:
    return "en" if (get_language() or "id").startswith("en") else "id"


def _plain(value: Decimal | float | int) -> Decimal:
    """The value without trailing zeros (``5.2600`` → ``5.26``), never in exponent notation."""
    text = f"{Decimal(str(value)):f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return Decimal(text)


def show_number(value: Decimal | float | int | None) -> str | None:
    """A stored value as people write it: no trailing zeros, Indonesian separators (``5,26``; ``169.360``)."""
    return None if value is None else number_format(_plain(value), force_grouping=True)


def _round(value: float | None, digits: int = 4) -> float | None:
    """For display only: a figure of the method rounded to the precision values are stored with."""
    return None if value is None else round(value, digits)


def _svg(fig) -> str:
    return charts.svg_for_html(charts.render(fig, "svg"))


def _column_key(peer: Peer | None) -> str:
    return SELF if peer is None else f"P{peer.pk}"


def _field_name(key: str) -> str:
    return "v_self" if key == SELF else f"v_{key.lower()}"


# --- charts: one figure per name, drawn the same for the page (SVG) and for documents (PNG) -------------------


def _maturity_figure(result: analysis.RegionAnalysis, lang: str):
    rows = [(p.pillar.name, p.maturity.index, p.maturity_target) for p in result.pillars.values()]
    return charts.radar_chart(rows, lang=lang)


def _competitiveness_figure(result: analysis.RegionAnalysis, lang: str):
    if result.comparison is None:
        return None
    return charts.bar_chart_competitiveness(
        result.comparison, highlight=SELF, names=result.comparison_names, lang=lang
    )


def _projection_figure(row: analysis.ProjectionRow, lang: str):
    if row.projection is None:
        return None
    return charts.projection_chart(
        row.history, row.projection, title=row.indicator.name, unit=row.indicator.unit, lang=lang
    )


def _scenario_figure(result: analysis.RegionAnalysis, lang: str):
    if result.axes is None:
        return None
    cells = {cell: (s.name, s.narrative) for cell, s in result.scenarios.items()}
    return charts.scenario_frame(result.axes[0].name, result.axes[1].name, cells, lang=lang)


@login_required
def chart(request: HttpRequest, slug: str, name: str, fmt: str) -> HttpResponse:
    """A chart of the pages as a file (``.svg`` or ``.png``) for reports and slides."""
    access = get_region_for_user(request.user, slug)
    if fmt not in CHART_TYPES:
        raise Http404("format")
    result = analysis.analyse_region(access.region)
    lang = _lang()
    fig = None
    if name == "kematangan":
        fig = _maturity_figure(result, lang)
    elif name == "daya-saing":
        fig = _competitiveness_figure(result, lang)
    elif name == "skenario":
        fig = _scenario_figure(result, lang)
    elif name.startswith("proyeksi-"):
        code = name.removeprefix("proyeksi-")
        row = next((r for r in result.projections if slugify(r.indicator.code) == code), None)
        fig = _projection_figure(row, lang) if row is not None else None
    if fig is None:
        raise Http404("chart")
    response = HttpResponse(charts.render(fig, fmt), content_type=CHART_TYPES[fmt])
    response["Content-Disposition"] = f'inline; filename="{access.region.slug}-{name}.{fmt}"'
    return response


# --- maturity (§4) ---------------------------------------------------------------------------------------------


def _may_enter_maturity(access: Access, record: MaturityLevel | None) -> bool:
    return access.can_write(record) if record is not None else access.can_create_any(MaturityLevel)


@login_required
def maturity(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    result = analysis.analyse_region(access.region)
    pillars = []
    unassessed = []
    for pa in result.pillars.values():
        p = pa.pillar
        elements = []
        for element in p.elements.all():
            record = result.maturity_records.get((p.slug, element.slug))
            key = (p.slug, element.slug)
            elements.append(
                {
                    "element": element,
                    "record": record,
                    "gap": result.maturity.gaps.get(key),
                    "can_write": _may_enter_maturity(access, record),
                }
            )
            if record is None or record.current is None:
                unassessed.append((p, element))
        pillars.append({"pillar": p, "m": pa.maturity, "target": pa.maturity_target, "elements": elements})
    return render(
        request,
        "assessment/bimtek2/maturity.html",
        region_context(
            access,
            "maturity",
            result=result,
            pillars=pillars,
            unassessed=unassessed,
            chart=_svg(_maturity_figure(result, _lang())),
        ),
    )


class MaturityEntryForm(AssessmentForm):
    """One element's current level, target and evidence (the element is given by the URL)."""

    class Meta:
        model = MaturityLevel
        fields = ["current", "target", "evidence", "agency", "source", "illustrative"]


@login_required
def maturity_element(request: HttpRequest, slug: str, pillar: str, element: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    region = access.region
    found = (
        Element.objects.filter(pillar__framework_id=region.framework_id, pillar__slug=pillar, slug=element)
        .select_related("pillar")
        .first()
    )
    if found is None:
        raise Http404("element")
    record = MaturityLevel.objects.filter(region=region, element=found).select_related("agency").first()
    if not _may_enter_maturity(access, record):
        raise PermissionDenied("write")
    instance = record or MaturityLevel(
        region=region, element=found, agency=access.agency if access.is_operator else None
    )
    form = MaturityEntryForm(request.POST or None, instance=instance, access=access)
    if request.method == "POST" and form.is_valid():
        obj = form.instance
        if record is None and not access.can_create(MaturityLevel, agency=obj.agency):
            raise PermissionDenied("create")
        require_write(access, obj)  # the changed record must still be the user's to write
        with transaction.atomic():
            form.save()
        messages.success(request, _("Tingkat kematangan “%(e)s” tersimpan.") % {"e": found.name})
        return redirect(reverse("maturity", kwargs={"slug": slug}) + f"#pilar-{found.pillar.slug}")
    return render(
        request,
        "assessment/bimtek2/maturity_form.html",
        region_context(access, "maturity", element=found, record=record, form=form),
    )


# --- competitiveness (§5) --------------------------------------------------------------------------------------


@login_required
def competitiveness(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    region = access.region
    result = analysis.analyse_region(region)
    peers = list(Peer.objects.filter(region=region).order_by("order", "name"))
    indicators = list(
        Indicator.objects.filter(region=region)
        .select_related("pillar", "agency")
        .order_by("pillar__order", "code")
    )
    columns = [{"key": SELF, "name": region.name, "peer": None}] + [
        {"key": _column_key(p), "name": p.name, "peer": p} for p in peers
    ]
    stored: dict[tuple[int, str, int], IndicatorValue] = {}
    for value in IndicatorValue.objects.filter(region=region, indicator__in=indicators):
        key = SELF if value.peer_id is None else f"P{value.peer_id}"
        stored[(value.indicator_id, key, value.year)] = value
    comparison = result.comparison
    rows = []
    for ind in indicators:
        cells = []
        for col in columns:
            record = stored.get((ind.pk, col["key"], ind.year)) if ind.year else None
            cells.append(
                {"key": col["key"], "record": record, "shown": show_number(record.value) if record else None}
            )
        scored = comparison.indicators.get(ind.code) if comparison is not None else None
        score_cells = [
            {"key": col["key"], "score": scored.scores.get(col["key"]) if scored else None} for col in columns
        ]
        best = None
        if scored is not None and scored.best_region is not None:
            best = {
                "name": result.comparison_names.get(scored.best_region, scored.best_region),
                "value": show_number(scored.best_value),
                "is_self": scored.best_region == SELF,
                "gap": show_number(_round(scored.gaps.get(SELF))),
            }
        rows.append(
            {
                "indicator": ind,
                "cells": cells,
                "scores": score_cells,
                "best": best,
                "in_comparison": scored is not None,
                "can_enter": ind.year is not None
                and access.can_write(IndicatorValue(region=region, indicator=ind)),
                "can_edit": access.can_write(ind),
            }
        )
    ranking = []
    pillar_slugs: list = []
    if comparison is not None:
        pillar_slugs = list(dict.fromkeys(i.pillar.slug for i in result.comparison_indicators))
        pillar_names = {i.pillar.slug: i.pillar.name for i in result.comparison_indicators}
        order = sorted(
            comparison.regions.values(),
            key=lambda r: (r.rank is None, r.rank or 0, list(comparison.regions).index(r.region)),
        )
        for r in order:
            ranking.append(
                {
                    "key": r.region,
                    "name": result.comparison_names.get(r.region, r.region),
                    "is_self": r.region == SELF,
                    "pillars": [r.pillars.get(s) for s in pillar_slugs],
                    "composite": r.composite,
                    "rank": r.rank,
                    "missing": len(r.missing),
                }
            )
        pillar_slugs = [(s, pillar_names[s]) for s in pillar_slugs]
    figure = _competitiveness_figure(result, _lang())
    return render(
        request,
        "assessment/bimtek2/competitiveness.html",
        region_context(
            access,
            "competitiveness",
            result=result,
            peers=peers,
            indicators=indicators,
            columns=columns,
            rows=rows,
            ranking=ranking,
            score_pillars=pillar_slugs,
            chart=_svg(figure) if figure is not None else None,
            can_add_peer=access.can_create_any(Peer),
            can_add_indicator=access.can_create_any(Indicator),
        ),
    )


class ValuesForm(SafeFormMixin, forms.Form):
    """The values of one indicator for its comparison year: one field per region in the comparison set."""

    def __init__(self, *args, columns: list[dict], indicator: Indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.columns = columns
        unit = f" ({indicator.unit})" if indicator.unit else ""
        for col in columns:
            self.fields[_field_name(col["key"])] = forms.DecimalField(
                label=f"{col['name']}{unit}",
                required=False,
                max_digits=20,
                decimal_places=4,
                localize=True,
            )
        self.fields["source"] = forms.CharField(
            label=gettext_lazy("sumber"),
            required=False,
            help_text=gettext_lazy("Dicatat pada nilai yang baru atau berubah; kosongkan untuk membiarkan."),
            widget=forms.TextInput,
        )

    def bound_columns(self):
        return [(col, self[_field_name(col["key"])]) for col in self.columns]


@login_required
def competitiveness_values(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    region = access.region
    indicator = Indicator.objects.filter(region=region, pk=pk).select_related("pillar", "agency").first()
    if indicator is None:
        raise Http404("indicator")
    require_write(access, IndicatorValue(region=region, indicator=indicator))
    peers = list(Peer.objects.filter(region=region).order_by("order", "name"))
    columns = [{"key": SELF, "name": region.name, "peer": None}] + [
        {"key": _column_key(p), "name": p.name, "peer": p} for p in peers
    ]
    existing: dict[str, IndicatorValue] = {}
    if indicator.year is not None:
        for value in IndicatorValue.objects.filter(indicator=indicator, year=indicator.year):
            existing[SELF if value.peer_id is None else f"P{value.peer_id}"] = value
    initial = {_field_name(k): _plain(v.value) for k, v in existing.items()}
    form = ValuesForm(request.POST or None, initial=initial, columns=columns, indicator=indicator)
    back = reverse("competitiveness", kwargs={"slug": slug}) + f"#ind-{indicator.pk}"
    if request.method == "POST" and indicator.year is not None and form.is_valid():
        source = form.cleaned_data["source"].strip()
        changed = 0
        with transaction.atomic():
            for col in columns:
                new = form.cleaned_data[_field_name(col["key"])]
                old = existing.get(col["key"])
                if new is None:
                    if old is not None:
                        old.delete()
                        changed += 1
                    continue
                if old is not None and old.value == new and not source:
                    continue
                obj = old or IndicatorValue(
                    region=region, indicator=indicator, peer=col["peer"], year=indicator.year
                )
                obj.value = new
                if source:
                    obj.source = source
                obj.full_clean()
                require_write(access, obj)
                obj.save()
                changed += 1
        messages.success(
            request,
            _("Nilai “%(i)s” tahun %(y)s tersimpan (%(n)s berubah).")
            % {"i": indicator.name, "y": indicator.year, "n": changed},
        )
        return redirect(back)
    return render(
        request,
        "assessment/bimtek2/values_form.html",
        region_context(access, "competitiveness", indicator=indicator, form=form, back=back),
    )


# --- the future (§6) -------------------------------------------------------------------------------------------


@login_required
def future_page(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    region = access.region
    result = analysis.analyse_region(region)
    lang = _lang()
    projected = {row.indicator.pk for row in result.projections}
    projections = []
    for row in result.projections:
        figure = _projection_figure(row, lang)
        projections.append(
            {
                "row": row,
                "history": [(year, show_number(value)) for year, value in row.history],
                "linear": show_number(_round(row.projection.linear)) if row.projection else None,
                "compound": (
                    show_number(_round(row.projection.compound))
                    if row.projection and row.projection.compound is not None
                    else None
                ),
                "growth": row.projection.growth * 100
                if row.projection and row.projection.growth is not None
                else None,
                "slope": row.projection.slope if row.projection else None,
                "chart": _svg(figure) if figure is not None else None,
                "chart_name": f"proyeksi-{slugify(row.indicator.code)}",
            }
        )
    counts: dict[int, int] = {}
    for indicator_id in IndicatorValue.objects.filter(region=region, peer__isnull=True).values_list(
        "indicator_id", flat=True
    ):
        counts[indicator_id] = counts.get(indicator_id, 0) + 1
    short = [
        (ind, counts.get(ind.pk, 0))
        for ind in Indicator.objects.filter(region=region)
        .select_related("pillar")
        .order_by("pillar__order", "code")
        if ind.pk not in projected
    ]
    axes_ids = {d.pk for d in result.axes} if result.axes else set()
    drivers = [
        {
            "record": d,
            "score": future.Driver(d.name, d.category, d.impact, d.uncertainty).score,
            "axis": d.pk in axes_ids,
            "can_write": access.can_write(d),
        }
        for d in result.drivers
    ]
    pillars = analysis.pillars_of(region)
    cells = []
    # in the order of the chart: y high on top, x high on the right
    for cell in (
        Scenario.Cell.LOW_HIGH,
        Scenario.Cell.HIGH_HIGH,
        Scenario.Cell.LOW_LOW,
        Scenario.Cell.HIGH_LOW,
    ):
        x_part, y_part = cell.value.split("_")
        scenario = result.scenarios.get(cell.value)
        implications = []
        if scenario is not None:
            by_pillar = {i.pillar_id: i for i in scenario.implications.all()}
            implications = [{"pillar": p, "record": by_pillar.get(p.pk)} for p in pillars]
        cells.append(
            {
                "cell": cell,
                "x_high": x_part == "high",
                "y_high": y_part == "high",
                "scenario": scenario,
                "implications": implications,
            }
        )
    figure = _scenario_figure(result, lang)
    return render(
        request,
        "assessment/bimtek2/future.html",
        region_context(
            access,
            "future",
            result=result,
            settings=result.settings,
            projections=projections,
            short=short,
            drivers=drivers,
            cells=cells,
            frame=_svg(figure) if figure is not None else None,
            can_admin=access.is_admin,
            can_add_value=access.can_create_any(IndicatorValue),
            can_write_scenarios=access.can_create_any(Scenario),
            can_write_implications=access.can_create_any(ScenarioImplication),
            can_add_driver=access.can_create_any(Driver),
        ),
    )


# --- plan settings ---------------------------------------------------------------------------------------------


class PlanSettingsForm(SafeFormMixin, forms.ModelForm):
    """The plan's years, the scenario axes, and one weight field per pillar (all blank: equal weights)."""

    class Meta:
        model = PlanSettings
        fields = ["start_year", "horizon_year", "axis_x", "axis_y"]

    def __init__(self, *args, access: Access, pillars, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.region = access.region
        self.pillars = pillars
        drivers = Driver.objects.filter(region=access.region).order_by("name")
        for name in ("axis_x", "axis_y"):
            self.fields[name].queryset = drivers
            self.fields[name].help_text = _(
                "Kosongkan keduanya untuk memakai dua pendorong teratas (bawaan)."
            )
        weights = self.instance.maturity_weights or {}
        for p in pillars:
            self.fields[f"w_{p.slug}"] = forms.DecimalField(
                label=p.name,
                required=False,
                min_value=0,
                max_digits=8,
                decimal_places=3,
                localize=True,
                initial=weights.get(p.slug),
            )

    def weight_fields(self):
        return [self[f"w_{p.slug}"] for p in self.pillars]

    def other_fields(self):
        return [self[name] for name in ("start_year", "horizon_year", "axis_x", "axis_y")]

    def clean(self):
        data = super().clean()
        given = {p.slug: data.get(f"w_{p.slug}") for p in self.pillars}
        filled = {k: v for k, v in given.items() if v is not None}
        if filled and len(filled) != len(given):
            raise ValidationError(_("Isi bobot semua pilar, atau kosongkan semuanya untuk bobot yang sama."))
        if filled and not any(v > 0 for v in filled.values()):
            raise ValidationError(_("Sedikitnya satu pilar harus berbobot lebih dari 0."))
        self.instance.maturity_weights = {k: float(v) for k, v in filled.items()}
        return data


@login_required
def plan_settings(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    region = access.region
    if request.method == "POST":
        require_admin(access)
    instance = PlanSettings.objects.filter(region=region).first() or PlanSettings(region=region)
    pillars = analysis.pillars_of(region)
    form = PlanSettingsForm(request.POST or None, instance=instance, access=access, pillars=pillars)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(request, _("Pengaturan analisis tersimpan."))
        return redirect("plan-settings", slug=slug)
    weights = instance.maturity_weights or {}
    return render(
        request,
        "assessment/bimtek2/plan_settings.html",
        region_context(
            access,
            "plan-settings",
            form=form,
            settings=instance if instance.pk else None,
            weights=[(p, weights.get(p.slug)) for p in pillars],
            can_admin=access.is_admin,
        ),
    )


# --- the workbook ----------------------------------------------------------------------------------------------


def _may_upload(access: Access) -> bool:
    return access.is_admin or (access.is_operator and access.agency is not None)


def _xlsx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class UploadForm(SafeFormMixin, forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Berkas workbook (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx," + XLSX}),
    )


@login_required
def workbook(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    return render(
        request,
        "assessment/bimtek2/workbook.html",
        region_context(access, "workbook", form=UploadForm(), can_upload=_may_upload(access)),
    )


@login_required
def workbook_template(request: HttpRequest, slug: str) -> HttpResponse:
    from kotacerdas.interchange.workbook import write_template

    access = get_region_for_user(request.user, slug)
    buffer = io.BytesIO()
    write_template(buffer, framework=access.region.framework.slug)
    return _xlsx(buffer.getvalue(), "kotacerdas-bimtek-template.xlsx")


@login_required
def workbook_download(request: HttpRequest, slug: str) -> HttpResponse:
    from kotacerdas.interchange.workbook import export_workbook

    access = get_region_for_user(request.user, slug)
    agency = access.agency if access.is_operator else None
    buffer = io.BytesIO()
    export_workbook(access.region, buffer, agency=agency)
    name = f"{access.region.slug}-bimtek"
    if agency is not None:
        name += f"-{slugify(agency.abbreviation)}"
    return _xlsx(buffer.getvalue(), f"{name}.xlsx")


@login_required
@require_POST
def workbook_upload(request: HttpRequest, slug: str) -> HttpResponse:
    from kotacerdas.interchange.workbook import InvalidWorkbook, import_workbook

    access = get_region_for_user(request.user, slug)
    if not _may_upload(access):
        raise PermissionDenied("upload")
    form = UploadForm(request.POST, request.FILES)
    problems = None
    summary = None
    upload = None
    if form.is_valid():
        agency = access.agency if access.is_operator else None
        upload = form.cleaned_data["file"]
        try:
            summary = import_workbook(access.region, upload, agency=agency, user=request.user)
        except InvalidWorkbook as error:
            problems = error.details
    status = 200 if summary is not None else 400
    counts = []
    if summary is not None:
        from kotacerdas.interchange.workbook_layout import SHEETS

        for sheet in (s.name for s in SHEETS):
            row = [
                summary.created.get(sheet, 0),
                summary.updated.get(sheet, 0),
                summary.unchanged.get(sheet, 0),
            ]
            if any(row):
                counts.append((sheet, *row))
    return render(
        request,
        "assessment/bimtek2/workbook.html",
        region_context(
            access,
            "workbook",
            form=form,
            can_upload=True,
            problems=problems,
            summary=summary,
            counts=counts,
            uploaded=upload.name if upload is not None else None,
        ),
        status=status,
    )
