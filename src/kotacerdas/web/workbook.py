"""The bimtek workbook's page (under /d/<slug>/analisis/workbook/): the template, a region's workbook, an upload.

The page sits above the stages, as :mod:`kotacerdas.interchange` does: it only hands the file to the interchange
and shows its answer (who may upload is :attr:`kotacerdas.permissions.Access.can_upload_workbook`).
"""

from __future__ import annotations

import io

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from kotacerdas.interchange.workbook import InvalidWorkbook, export_workbook, import_workbook, write_template
from kotacerdas.interchange.workbook_layout import SHEETS
from kotacerdas.permissions import get_region_for_user
from kotacerdas.web.forms import XLSX, UploadForm
from kotacerdas.web.pages import region_context


def _xlsx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def workbook(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    return render(
        request,
        "assessment/bimtek2/workbook.html",
        region_context(access, "workbook", form=UploadForm(), can_upload=access.can_upload_workbook),
    )


@login_required
def workbook_template(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    buffer = io.BytesIO()
    write_template(buffer, framework=access.region.framework.slug)
    return _xlsx(buffer.getvalue(), "kotacerdas-bimtek-template.xlsx")


@login_required
def workbook_download(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    agency = access.limited_to
    buffer = io.BytesIO()
    export_workbook(access.region, buffer, agency=agency)
    name = f"{access.region.slug}-bimtek"
    if agency is not None:
        name += f"-{slugify(agency.abbreviation)}"
    return _xlsx(buffer.getvalue(), f"{name}.xlsx")


@login_required
@require_POST
def workbook_upload(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    if not access.can_upload_workbook:
        raise PermissionDenied("upload")
    form = UploadForm(request.POST, request.FILES)
    problems = None
    summary = None
    upload = None
    if form.is_valid():
        agency = access.limited_to
        upload = form.cleaned_data["file"]
        try:
            summary = import_workbook(access.region, upload, agency=agency, user=request.user)
        except InvalidWorkbook as error:
            problems = error.details
    status = 200 if summary is not None else 400
    counts = []
    if summary is not None:
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
