"""Pages of bimtek I and the analysis overview, under /d/<slug>/analisis/.

Every figure on these pages comes from :func:`kotacerdas.assessment.analysis.analyse_region` (the method engine);
the views only read records, ask :mod:`kotacerdas.permissions` before any change and format numbers. Every view
starts from :func:`get_region_for_user` (404 for a region the user holds no role in) and looks records up inside
that region only.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kotacerdas import charts, formatting
from kotacerdas.assessment.analysis import PillarAnalysis, RegionAnalysis, analyse_region
from kotacerdas.assessment.forms import (
    READINESS_LABELS,
    FactorForm,
    RatingForm,
    ReadinessCellForm,
    StrategyForm,
)
from kotacerdas.assessment.models import IgnoredPairing, ReadinessScore, Strategy, SwotFactor, SwotRating
from kotacerdas.assessment.progress import region_progress
from kotacerdas.formatting import num
from kotacerdas.framework.models import Pillar, ReadinessAspect
from kotacerdas.method import swot as method_swot
from kotacerdas.permissions import Access, get_region_for_user, require_admin, require_write
from kotacerdas.web import pages
from kotacerdas.web.pages import region_context

KINDS = ("S", "W", "O", "T")
#: The pages of bimtek II (another module); linked when their URLs exist.
BIMTEK2_PAGES = (
    ("maturity", gettext_lazy("Tingkat kematangan")),
    ("competitiveness", gettext_lazy("Daya saing")),
    ("future", gettext_lazy("Analisis masa depan")),
    ("plan-settings", gettext_lazy("Pengaturan analisis")),
    ("workbook", gettext_lazy("Lembar kerja Excel")),
)
# --- helpers -------------------------------------------------------------------------------------------------


def roman(value: int | None) -> str | None:
    return None if value is None else method_swot.ROMAN[value - 1]


def _pillar(access: Access, slug: str) -> Pillar:
    return pages.one_or_404(
        Pillar.objects.filter(framework_id=access.region.framework_id), "pillar", slug=slug
    )


def _factor(access: Access, pillar: Pillar, pk) -> SwotFactor:
    return pages.one_or_404(SwotFactor.objects.filter(region=access.region, pillar=pillar), "factor", pk=pk)


def _swot_url(access: Access, pillar: Pillar, anchor: str = "") -> str:
    return reverse("swot-pillar", kwargs={"slug": access.region.slug, "pillar": pillar.slug}) + anchor


def _bimtek2_links(slug: str) -> list[tuple[str, str]]:
    links = []
    for name, label in BIMTEK2_PAGES:
        try:
            links.append((str(label), reverse(name, kwargs={"slug": slug})))
        except NoReverseMatch:
            continue
    return links


def _swot_figures(pa: PillarAnalysis) -> dict:
    a = pa.swot
    reason = None
    if a is None:
        reason = pa.swot_problem or _("Belum ada faktor yang dinilai.")
    elif a.quadrant is None or a.ie_cell is None:
        reason = "; ".join(a.notes) or _("Belum ada faktor yang dinilai.")
    return {
        "s": num(a.s if a else None),
        "w": num(a.w if a else None),
        "o": num(a.o if a else None),
        "t": num(a.t if a else None),
        "x": num(a.x if a else None),
        "y": num(a.y if a else None),
        "quadrant": a.quadrant_name if a else None,
        "quadrant_roman": roman(a.quadrant) if a else None,
        "ife": num(a.ife if a else None),
        "efe": num(a.efe if a else None),
        "ie_cell": roman(a.ie_cell) if a else None,
        "ie_advice": a.ie_advice if a else None,
        "reason": reason,
    }


def _quadrant_svg(analysis: RegionAnalysis, lang: str, title: str | None = None) -> bytes:
    points = [
        (p.pillar.name, p.swot.x if p.swot else None, p.swot.y if p.swot else None)
        for p in analysis.pillars.values()
    ]
    return charts.render(charts.quadrant_chart(points, lang=lang, title=title), "svg")


# --- overview ------------------------------------------------------------------------------------------------


@login_required
def overview(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    analysis = analyse_region(access.region)
    lang = formatting.lang()
    rows = []
    for pa in analysis.pillars.values():
        rows.append(
            {
                "pillar": pa.pillar,
                "readiness": num(pa.readiness.score),
                "readiness_band": pa.readiness.band,
                "swot": _swot_figures(pa),
                "maturity": num(pa.maturity.index),
                "maturity_predicate": pa.maturity.predicate,
                "maturity_target": num(pa.maturity_target),
                "competitiveness": num(pa.competitiveness_score, 1),
                "rank": pa.competitiveness_rank,
                "factors": len(pa.factors),
                "strategies": len(pa.strategies),
            }
        )
    ie_points = [
        (p.pillar.name, p.swot.ife if p.swot else None, p.swot.efe if p.swot else None)
        for p in analysis.pillars.values()
    ]
    grid: dict[str, dict[str, int | None]] = {slug_: {} for slug_ in analysis.pillars}
    for record in ReadinessScore.objects.filter(region=access.region).select_related("pillar", "aspect"):
        grid.setdefault(record.pillar.slug, {})[record.aspect.slug] = record.score
    names = {slug_: p.pillar.name for slug_, p in analysis.pillars.items()}
    context = region_context(
        access,
        rows=rows,
        analysis=analysis,
        region_readiness=num(analysis.readiness.score),
        region_readiness_band=analysis.readiness.band,
        region_maturity=num(analysis.maturity.index),
        region_maturity_predicate=analysis.maturity.predicate,
        maturity_problem=analysis.maturity_problem,
        # The section headings title the charts on the page; the downloaded SVG keeps its own title.
        quadrant_chart=charts.svg_for_html(
            _quadrant_svg(analysis, lang, title=""), _("Diagram SWOT: posisi setiap pilar")
        ),
        ie_chart=pages.chart(
            charts.ie_matrix(ie_points, lang=lang, title=""), _("Matriks Internal-Eksternal (IE)")
        ),
        readiness_chart=pages.chart(
            charts.readiness_heatmap(grid, names=names, lang=lang, title=""),
            _("Kesiapan per pilar dan aspek"),
        ),
        bimtek2_links=_bimtek2_links(slug),
        notes=analysis.notes,
    )
    return render(request, "assessment/bimtek1/overview.html", context)


@login_required
def swot_chart(request: HttpRequest, slug: str) -> HttpResponse:
    """The quadrant diagram of every pillar as an SVG file (for download or an <img>)."""
    access = get_region_for_user(request.user, slug)
    svg = _quadrant_svg(analyse_region(access.region), formatting.lang())
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Content-Disposition"] = f'inline; filename="kuadran-swot-{slug}.svg"'
    return response


# --- readiness -----------------------------------------------------------------------------------------------


@login_required
def readiness_pillar(request: HttpRequest, slug: str, pillar: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    pillar_obj = _pillar(access, pillar)
    analysis = analyse_region(access.region)
    pa = analysis.pillars[pillar_obj.slug]
    cells = {
        c.aspect_id: c
        for c in ReadinessScore.objects.filter(region=access.region, pillar=pillar_obj).select_related(
            "agency", "aspect"
        )
    }
    may_enter = access.can_create_any(ReadinessScore)
    rows = []
    for element in access.region.framework.readiness_elements.order_by("order").prefetch_related("aspects"):
        score = pa.readiness.elements.get(element.slug)
        aspects = []
        for aspect in element.aspects.order_by("order"):
            cell = cells.get(aspect.pk)
            can_edit = access.can_write(cell) if cell is not None else may_enter
            aspects.append(
                {
                    "aspect": aspect,
                    "cell": cell,
                    "label": READINESS_LABELS.get(cell.score) if cell and cell.score else None,
                    "can_edit": can_edit,
                }
            )
        rows.append(
            {
                "element": element,
                "aspects": aspects,
                "score": num(score.score if score else None),
                "band": score.band if score else None,
            }
        )
    missing_names = [
        a["aspect"].name for row in rows for a in row["aspects"] if a["aspect"].slug in pa.readiness.missing
    ]
    context = region_context(
        access,
        pillar=pillar_obj,
        pillars=[p.pillar for p in analysis.pillars.values()],
        rows=rows,
        score=num(pa.readiness.score),
        band=pa.readiness.band,
        missing=missing_names,
        labels=READINESS_LABELS,
    )
    return render(request, "assessment/bimtek1/readiness.html", context)


@login_required
def readiness_cell(request: HttpRequest, slug: str, pillar: str, aspect: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    pillar_obj = _pillar(access, pillar)
    aspects = ReadinessAspect.objects.filter(element__framework_id=access.region.framework_id)
    aspect_obj = pages.one_or_404(aspects.select_related("element"), "aspect", slug=aspect)
    cell = ReadinessScore.objects.filter(region=access.region, pillar=pillar_obj, aspect=aspect_obj).first()
    if cell is not None:
        require_write(access, cell)  # an operator may not overwrite another agency's cell
    elif not access.can_create_any(ReadinessScore):
        raise PermissionDenied("create")
    initial = {"agency": getattr(access.limited_to, "pk", None)}
    if cell is not None:
        initial = {
            "score": cell.score,
            "narrative": cell.narrative,
            "evidence": cell.evidence,
            "agency": cell.agency_id,
        }
    form = ReadinessCellForm(request.POST or None, access=access, initial=initial, record=cell)
    back = reverse("readiness-pillar", kwargs={"slug": slug, "pillar": pillar_obj.slug})
    if request.method == "POST" and form.is_valid():
        agency = form.cleaned_data["agency"]
        target = cell or ReadinessScore(region=access.region, pillar=pillar_obj, aspect=aspect_obj)
        target.score = form.cleaned_data["score"]
        target.narrative = form.cleaned_data["narrative"]
        target.evidence = form.cleaned_data["evidence"]
        target.agency = agency
        require_write(access, target)  # the cell, as it would be saved, must be the user's to write
        try:
            with transaction.atomic():
                pages.save(target)
        except ValidationError as error:
            form.add_error(None, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Kesiapan %(pillar)s — %(aspect)s tersimpan.")
                % {"pillar": pillar_obj.name, "aspect": aspect_obj.name},
            )
            return redirect(back + f"#aspek-{aspect_obj.slug}")
    context = region_context(access, pillar=pillar_obj, aspect=aspect_obj, cell=cell, form=form, back=back)
    return render(request, "assessment/bimtek1/readiness_cell.html", context)


# --- SWOT ----------------------------------------------------------------------------------------------------


def _factor_rows(access: Access, pa: PillarAnalysis, kind: str) -> list[dict]:
    rows = []
    for row in pa.factors:
        record = row.record
        if record.kind != kind:
            continue
        ratings = sorted(record.ratings.all(), key=lambda r: r.agency.abbreviation.lower())
        own = next((r for r in ratings if access.agency and r.agency_id == access.agency.pk), None)
        rows.append(
            {
                "record": record,
                "ratings": [{"rating": r, "can_edit": access.can_write(r)} for r in ratings],
                "own": own,
                "importance": num(row.importance),
                "rating": num(row.rating),
                "weight": num(row.weight, 3),
                "score": num(row.score, 3),
                "unrated": not ratings,
                "can_edit": access.can_write(record),
                "rating_form": None
                if access.limited_to is None
                else RatingForm(
                    access=access,
                    initial={
                        "agency": access.agency.pk if access.agency else None,
                        "importance": own.importance if own else None,
                        "rating": own.rating if own else None,
                    },
                    prefix=f"f{record.pk}",
                    record=own,
                ),
            }
        )
    return rows


def _swot_page(request: HttpRequest, access: Access, pillar: Pillar, factor_form=None, status=200):
    analysis = analyse_region(access.region)
    pa = analysis.pillars[pillar.slug]
    may_rate = access.can_create_any(SwotRating)
    if factor_form is None and access.can_create_any(SwotFactor):
        factor_form = FactorForm(
            access=access, initial={"agency": access.agency.pk if access.agency else None}
        )
    kinds = [
        {"kind": kind, "label": SwotFactor.Kind(kind).label, "rows": _factor_rows(access, pa, kind)}
        for kind in KINDS
    ]
    keys = {}  # the factor's stable reference without the pillar (governance-S1 → S1), as in the workbook
    for kind in kinds:
        for n, row in enumerate(kind["rows"], start=1):
            ref = row["record"].ref or ""
            row["key"] = keys[row["record"].pk] = ref.removeprefix(f"{pillar.slug}-") or f"{kind['kind']}{n}"
    strategies = [
        {
            "row": s,
            "score": num(s.score, 3),
            "factors": [
                (keys.get(f.pk, f.kind), f)
                for f in sorted(s.record.factors.all(), key=lambda f: (KINDS.index(f.kind), f.pk))
            ],
        }
        for s in pa.strategies
    ]
    pairings = [
        {
            "kind": p.kind,
            "internal": p.internal,
            "external": p.external,
            "internal_key": keys.get(p.internal.pk),
            "external_key": keys.get(p.external.pk),
            "score": num(p.score, 3),
        }
        for p in pa.pairings
    ]
    context = region_context(
        access,
        pillar=pillar,
        pillars=[p.pillar for p in analysis.pillars.values()],
        kinds=kinds,
        figures=_swot_figures(pa),
        unrated=pa.unrated,
        strategies=strategies,
        pairings=pairings,
        ignored=IgnoredPairing.objects.filter(region=access.region, internal__pillar=pillar).count(),
        factor_form=factor_form,
        may_rate=may_rate,
        may_accept=access.can_create_any(Strategy),
        can_manage=access.can_manage,
    )
    return render(request, "assessment/bimtek1/swot.html", context, status=status)


@login_required
def swot_pillar(request: HttpRequest, slug: str, pillar: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    return _swot_page(request, access, _pillar(access, pillar))


@login_required
@require_POST
def factor_add(request: HttpRequest, slug: str, pillar: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    pillar_obj = _pillar(access, pillar)
    if not access.can_create_any(SwotFactor):
        raise PermissionDenied("create")
    form = FactorForm(request.POST, access=access)
    if not form.is_valid():
        return _swot_page(request, access, pillar_obj, factor_form=form)
    agency = form.cleaned_data["agency"]
    if not access.can_create(SwotFactor, agency=agency):
        raise PermissionDenied("agency")  # an operator writes in their own agency's name only
    factor = SwotFactor(
        region=access.region,
        pillar=pillar_obj,
        kind=form.cleaned_data["kind"],
        text=form.cleaned_data["text"].strip(),
        agency=agency,
    )
    try:
        with transaction.atomic():
            pages.save(factor)
            if form.cleaned_data["importance"] is not None:
                rating = SwotRating(
                    region=access.region,
                    factor=factor,
                    agency=agency,
                    importance=form.cleaned_data["importance"],
                    rating=form.cleaned_data["rating"],
                )
                require_write(access, rating)
                pages.save(rating)
    except ValidationError as error:
        form.add_error(None, " ".join(error.messages))
        return _swot_page(request, access, pillar_obj, factor_form=form)
    messages.success(request, _("Faktor “%(text)s” tersimpan.") % {"text": factor.text[:80]})
    return redirect(_swot_url(access, pillar_obj, f"#faktor-{factor.pk}"))


@login_required
def factor_rate(request: HttpRequest, slug: str, pillar: str, pk: int) -> HttpResponse:
    """One agency's importance and rating of a factor: created, or changed if that agency already rated it."""
    access = get_region_for_user(request.user, slug)
    pillar_obj = _pillar(access, pillar)
    factor = _factor(access, pillar_obj, pk)
    if not access.can_create_any(SwotRating):
        raise PermissionDenied("rate")
    prefix = f"f{factor.pk}" if f"f{factor.pk}-agency" in request.POST else None
    initial = {"agency": access.agency.pk if access.agency else None}
    own = SwotRating.objects.filter(factor=factor, agency=access.agency).first() if access.agency else None
    if own is not None:
        initial.update(importance=own.importance, rating=own.rating)
    form = RatingForm(request.POST or None, access=access, initial=initial, prefix=prefix, record=own)
    if request.method == "POST" and form.is_valid():
        agency = form.cleaned_data["agency"]
        rating = SwotRating.objects.filter(factor=factor, agency=agency).first()
        if rating is None:
            rating = SwotRating(region=access.region, factor=factor, agency=agency)
        rating.importance = form.cleaned_data["importance"]
        rating.rating = form.cleaned_data["rating"]
        require_write(access, rating)  # an operator rates in their own agency's name only
        try:
            with transaction.atomic():
                pages.save(rating)
        except ValidationError as error:
            form.add_error(None, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Penilaian %(agency)s atas “%(text)s” tersimpan.")
                % {"agency": agency.abbreviation, "text": factor.text[:80]},
            )
            return redirect(_swot_url(access, pillar_obj, f"#faktor-{factor.pk}"))
    context = region_context(
        access,
        pillar=pillar_obj,
        factor=factor,
        form=form,
        ratings=factor.ratings.select_related("agency").order_by("agency__abbreviation"),
        back=_swot_url(access, pillar_obj),
    )
    return render(request, "assessment/bimtek1/rating_form.html", context)


# --- merge duplicates ----------------------------------------------------------------------------------------


def _merge_plan(kept: SwotFactor, removed: list[SwotFactor]) -> dict:
    """What merging ``removed`` into ``kept`` does, before it is done (shown on the confirmation page)."""
    raters = {r.agency_id for r in kept.ratings.all()}
    moved, dropped = [], []
    for factor in removed:
        for rating in factor.ratings.select_related("agency").order_by("agency__abbreviation"):
            if rating.agency_id in raters:
                dropped.append(rating)
            else:
                moved.append(rating)
                raters.add(rating.agency_id)
    strategies = list(Strategy.objects.filter(factors__in=removed).distinct().order_by("kind", "code", "pk"))
    return {"kept": kept, "removed": removed, "moved": moved, "dropped": dropped, "strategies": strategies}


def _dropped_sentence(rating: SwotRating, kept: SwotFactor) -> str:
    return _(
        "%(agency)s menilai kedua faktor: nilai %(agency)s pada faktor yang dipertahankan dipakai, nilainya "
        "pada “%(text)s” (kepentingan %(i)s, peringkat %(r)s) tidak dipakai."
    ) % {
        "agency": rating.agency.abbreviation,
        "text": rating.factor.text[:60],
        "i": rating.importance,
        "r": rating.rating,
    }


@login_required
@require_POST
def swot_merge(request: HttpRequest, slug: str, pillar: str) -> HttpResponse:
    """The admin merges duplicate factors of one pillar and kind into one (confirmation page, then the merge)."""
    access = get_region_for_user(request.user, slug)
    pillar_obj = _pillar(access, pillar)
    require_admin(access)
    back = _swot_url(access, pillar_obj)
    if not request.POST.get("keep"):
        messages.error(request, _("Pilih faktor yang dipertahankan."))
        return redirect(back)
    kept = _factor(access, pillar_obj, request.POST["keep"])
    chosen = {_factor(access, pillar_obj, pk) for pk in request.POST.getlist("factors")}
    removed = sorted(chosen - {kept}, key=lambda f: f.pk)
    if not removed:
        messages.error(request, _("Pilih sedikitnya dua faktor untuk digabung."))
        return redirect(back)
    wrong = [f for f in removed if f.kind != kept.kind]
    if wrong:
        messages.error(
            request,
            _("Hanya faktor sejenis yang dapat digabung: “%(text)s” bukan %(kind)s.")
            % {"text": wrong[0].text[:60], "kind": kept.get_kind_display()},
        )
        return redirect(back)
    plan = _merge_plan(kept, removed)
    if request.POST.get("confirm") != "1":
        context = region_context(
            access,
            pillar=pillar_obj,
            dropped_sentences=[_dropped_sentence(r, kept) for r in plan["dropped"]],
            back=back,
            **plan,
        )
        return render(request, "assessment/bimtek1/merge_confirm.html", context)

    reason = _("Digabung ke faktor #%(pk)s “%(text)s”") % {"pk": kept.pk, "text": kept.text[:60]}
    with transaction.atomic():
        for rating in plan["moved"]:
            rating.factor = kept
            pages.save(rating, _("Dipindahkan ke faktor #%(pk)s karena penggabungan") % {"pk": kept.pk})
        for rating in plan["dropped"]:
            rating._change_reason = reason + _(" (penilaian ganda tidak dipakai)")
            rating.delete()
        for strategy in plan["strategies"]:
            strategy._change_reason = reason
            strategy.factors.remove(*removed)
            strategy.factors.add(kept)
        for ignored in IgnoredPairing.objects.filter(region=access.region, internal__in=removed):
            if not IgnoredPairing.objects.filter(internal=kept, external=ignored.external_id).exists():
                ignored.internal = kept
                ignored.save()
        for ignored in IgnoredPairing.objects.filter(region=access.region, external__in=removed):
            if not IgnoredPairing.objects.filter(internal=ignored.internal_id, external=kept).exists():
                ignored.external = kept
                ignored.save()
        texts = "; ".join(f"#{f.pk} “{f.text[:60]}”" for f in removed)
        pages.save(kept, _("Gabungan dari %(texts)s") % {"texts": texts})
        for factor in removed:
            factor._change_reason = reason
            factor.delete()
    text = _("%(n)s faktor digabung ke “%(text)s”; yang dihapus dapat dipulihkan dari halaman Riwayat.") % {
        "n": len(removed),
        "text": kept.text[:80],
    }
    messages.success(request, text)
    for rating in plan["dropped"]:
        messages.warning(request, _dropped_sentence(rating, kept))
    return redirect(_swot_url(access, pillar_obj, f"#faktor-{kept.pk}"))


# --- pairing suggestions -------------------------------------------------------------------------------------


def _pairing(request: HttpRequest, access: Access, pillar: Pillar) -> tuple[SwotFactor, SwotFactor]:
    internal = _factor(access, pillar, request.POST.get("internal"))
    external = _factor(access, pillar, request.POST.get("external"))
    if internal.kind not in ("S", "W") or external.kind not in ("O", "T"):
        raise Http404("pairing")
    return internal, external


def _strategy_form(access: Access, pillar: Pillar, **kwargs) -> StrategyForm:
    """The workspace's strategy form, limited to this pillar and its factors."""
    form = StrategyForm(kwargs.pop("data", None), access=access, **kwargs)
    form.fields["pillar"].queryset = Pillar.objects.filter(pk=pillar.pk)
    form.fields["pillar"].empty_label = None
    factors = form.fields["factors"]
    factors.queryset = factors.queryset.filter(pillar=pillar).order_by("kind", "order", "pk")
    factors.label_from_instance = lambda f: f"{f.kind}: {f.text}"
    return form


@login_required
@require_POST
def pairing_accept(request: HttpRequest, slug: str, pillar: str) -> HttpResponse:
    """The strategy form, prefilled with the pillar, the kind and the two factors; the person writes the text."""
    access = get_region_for_user(request.user, slug)
    pillar_obj = _pillar(access, pillar)
    if not access.can_create_any(Strategy):
        raise PermissionDenied("create")
    internal, external = _pairing(request, access, pillar_obj)
    if "text" in request.POST:
        form = _strategy_form(access, pillar_obj, data=request.POST)
        if form.is_valid():
            strategy = form.instance
            if not access.can_create(Strategy, agency=strategy.owning_agency()):
                raise PermissionDenied("create")
            with transaction.atomic():
                strategy = form.save()
            messages.success(request, _("Strategi “%(s)s” tersimpan.") % {"s": strategy})
            return redirect(_swot_url(access, strategy.pillar, "#strategi"))
    else:
        initial = {
            "pillar": pillar_obj.pk,
            "kind": internal.kind + external.kind,
            "factors": [internal.pk, external.pk],
            "agency": getattr(access.limited_to, "pk", None),
        }
        form = _strategy_form(access, pillar_obj, initial=initial)
    context = region_context(
        access,
        pillar=pillar_obj,
        internal=internal,
        external=external,
        form=form,
        back=_swot_url(access, pillar_obj, "#saran"),
    )
    return render(request, "assessment/bimtek1/strategy_form.html", context)


@login_required
@require_POST
def pairing_ignore(request: HttpRequest, slug: str, pillar: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    pillar_obj = _pillar(access, pillar)
    require_admin(access)
    internal, external = _pairing(request, access, pillar_obj)
    IgnoredPairing.objects.get_or_create(region=access.region, internal=internal, external=external)
    messages.success(
        request,
        _("Saran “%(a)s” × “%(b)s” diabaikan.") % {"a": internal.text[:50], "b": external.text[:50]},
    )
    return redirect(_swot_url(access, pillar_obj, "#saran"))


@login_required
@require_POST
def pairing_restore(request: HttpRequest, slug: str, pillar: str) -> HttpResponse:
    """Suggest the ignored pairings of this pillar again."""
    access = get_region_for_user(request.user, slug)
    pillar_obj = _pillar(access, pillar)
    require_admin(access)
    IgnoredPairing.objects.filter(region=access.region, internal__pillar=pillar_obj).delete()
    messages.success(request, _("Saran pasangan yang diabaikan ditampilkan lagi."))
    return redirect(_swot_url(access, pillar_obj, "#saran"))


# --- workshop progress ---------------------------------------------------------------------------------------


@login_required
def progress(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    result = region_progress(access.region)
    context = region_context(access, progress=result, pillars=[p.pillar for p in result.pillars])
    return render(request, "assessment/bimtek1/progress.html", context)
