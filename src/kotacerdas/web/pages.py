"""The page kit every stage's views share: the region context, saving a record from a page, and charts inline.

Numbers are written by :mod:`kotacerdas.formatting`; who may do what is answered by :mod:`kotacerdas.permissions`
(this module only hands the answers to the templates).
"""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _

from kotacerdas import charts
from kotacerdas.permissions import Access
from kotacerdas.regions.models import Membership, Role


def region_context(access: Access, active: str | None = None, **extra) -> dict:
    """The context every region page needs: the region, the user's access and role, the page's tab
    (``active``), and the flags the layout asks (``can_manage_users``)."""
    role_label = _("Superuser") if access.superuser else Role(access.role).label
    return {
        "access": access,
        "region": access.region,
        "role_label": role_label,
        "active": active,
        "can_manage_users": access.can_list(Membership),
        **extra,
    }


def one_or_404(queryset, what: str, **lookup):
    """The record of ``queryset`` matching ``lookup``; 404 naming ``what`` when there is none (or the key is
    malformed, e.g. ``pk="x"``). Pass a queryset already limited to the user's region or framework."""
    try:
        obj = queryset.filter(**lookup).first()
    except (TypeError, ValueError):
        obj = None
    if obj is None:
        raise Http404(what)
    return obj


def save(obj, reason: str | None = None, user=None) -> None:
    """Validate and save ``obj`` from a page, with the change reason (and user) its history records."""
    obj.full_clean()
    if reason:
        obj._change_reason = reason
    if user is not None:
        obj._history_user = user
    obj.save()


def chart(fig, label: str | None = None) -> str:
    """A figure as inline SVG for a page (``label`` is what a screen reader says)."""
    return charts.svg_for_html(charts.render(fig, "svg"), label)
