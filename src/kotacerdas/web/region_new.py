"""The superuser's page to create a region from its official code (/daerah/baru/): pick a kabupaten/kota, see what
will be created, create it, land on its dashboard.

Like the workbook's page it sits above the stages: it hands the code to :mod:`kotacerdas.interchange.area_codes`
and shows the answer. Who may create a region is :func:`kotacerdas.permissions.may_create_region`.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from kotacerdas.interchange import area_codes
from kotacerdas.interchange.region_file import InvalidRegionFile
from kotacerdas.permissions import may_create_region
from kotacerdas.reference import wilayah
from kotacerdas.web.forms import RegionFromCodeForm


@login_required
def region_new(request: HttpRequest) -> HttpResponse:
    if not may_create_region(request.user):
        raise PermissionDenied
    form = RegionFromCodeForm(request.POST or None)
    area = slug = None
    if request.method == "POST" and form.is_valid():
        code, wanted = form.cleaned_data["code"], form.cleaned_data["slug"] or None
        try:
            area, slug = area_codes.preview(code, wanted)
        except wilayah.UnknownArea as exc:
            form.add_error("code", str(exc))
        except (area_codes.BadSlug, area_codes.SlugTaken) as exc:
            form.add_error("slug", str(exc))
        if area is not None and "create" in request.POST:
            try:
                created = area_codes.create_region(code, slug)
            except InvalidRegionFile as exc:
                form.add_error(None, "; ".join(exc.problems))
            else:
                return redirect("dashboard", created.region.slug)
    return render(
        request,
        "web/region_new.html",
        {"form": form, "area": area, "slug": slug, "choices": wilayah.kabkota_list()},
    )
