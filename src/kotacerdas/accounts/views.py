"""Account pages: change one's password, an admin's reset of a user's password, invitations to a region.

There is no mail server: an admin who resets a password or invites an account passes the temporary password or
the invitation code to its owner in person (or by the regency's own channels).
"""

from __future__ import annotations

from axes.models import AccessAttempt
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _

from kotacerdas.accounts.forms import InvitationCodeForm
from kotacerdas.accounts.models import Invitation, PasswordChangeRequired
from kotacerdas.permissions import get_region_for_user, require_admin
from kotacerdas.regions.models import Membership
from kotacerdas.web.forms import NewMembershipForm
from kotacerdas.web.kinds import KINDS
from kotacerdas.web.views import detail_url, region_context

CODE_SESSION_KEY = "kotacerdas-invitation-code-%s"


class PasswordChangeView(auth_views.PasswordChangeView):
    """Every logged-in user changes their own password here; a pending forced change ends with it."""

    template_name = "registration/password_change_form.html"
    success_url = reverse_lazy("region-list")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["forced"] = PasswordChangeRequired.objects.filter(user=self.request.user).exists()
        return context

    def form_valid(self, form):
        response = super().form_valid(form)
        PasswordChangeRequired.objects.filter(user=self.request.user).delete()
        messages.success(self.request, _("Kata sandi Anda sudah diganti."))
        return response


@login_required
def member_create(request: HttpRequest, slug: str) -> HttpResponse:
    """Give a role in the region: a new account, an existing account (a superuser), or an invitation."""
    access = get_region_for_user(request.user, slug)
    require_admin(access)
    kind = KINDS["anggota"]
    form = NewMembershipForm(request.POST or None, access=access)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            obj = form.save()
        if isinstance(obj, Invitation):
            request.session[CODE_SESSION_KEY % obj.pk] = form.invitation_code
            return redirect("invitation-issued", slug=slug, pk=obj.pk)
        messages.success(
            request, _("%(what)s “%(obj)s” tersimpan.") % {"what": kind.singular.capitalize(), "obj": obj}
        )
        return redirect(detail_url(access, kind, obj))
    return render(request, "web/object_form.html", region_context(access, kind=kind, form=form, obj=None))


@login_required
def invitation_issued(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The invitation just made, with its code: shown once, to the admin who made it."""
    access = get_region_for_user(request.user, slug)
    require_admin(access)
    invitation = Invitation.objects.filter(region=access.region, pk=pk).first()
    if invitation is None:
        raise Http404("invitation")
    code = request.session.pop(CODE_SESSION_KEY % pk, None)
    link = request.build_absolute_uri(reverse("invitation-accept")) + f"?kode={code}" if code else None
    return render(
        request,
        "accounts/invitation_issued.html",
        region_context(access, kind=KINDS["anggota"], invitation=invitation, code=code, link=link),
    )


@login_required
def invitation_accept(request: HttpRequest) -> HttpResponse:
    """The invited person accepts, logged in as the account the invitation names."""
    form = InvitationCodeForm(request.POST or None, initial={"code": request.GET.get("kode", "")})
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            invitation = (
                Invitation.objects.select_for_update()
                .filter(pk=getattr(Invitation.objects.by_code(form.cleaned_data["code"]), "pk", None))
                .first()
            )
            usable = (
                invitation is not None
                and invitation.is_open
                and invitation.username.lower() == request.user.get_username().lower()
            )
            if usable and Membership.objects.filter(user=request.user, region=invitation.region).exists():
                form.add_error("code", _("Anda sudah punya peran di daerah ini."))
            elif not usable:
                form.add_error(
                    "code",
                    _(
                        "Kode undangan ini tidak berlaku: salah ketik, kedaluwarsa, sudah dipakai, atau untuk "
                        "akun lain. Minta kode baru kepada admin daerah."
                    ),
                )
            else:
                Membership.objects.create(
                    user=request.user,
                    region=invitation.region,
                    role=invitation.role,
                    agency=invitation.agency,
                )
                invitation.accepted_by = request.user
                invitation.accepted_at = timezone.now()
                invitation.save()
                messages.success(
                    request,
                    _("Anda sekarang %(role)s di %(region)s.")
                    % {"role": invitation.get_role_display(), "region": invitation.region.title},
                )
                return redirect("dashboard", slug=invitation.region.slug)
    return render(request, "accounts/invitation_accept.html", {"form": form})


@login_required
def password_reset(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A region admin sets a temporary password for a user of the region; the user must change it at login."""
    access = get_region_for_user(request.user, slug)
    membership = Membership.objects.select_related("user").filter(region=access.region, pk=pk).first()
    if membership is None:
        require_admin(access)
        raise Http404("membership")
    target = membership.user
    if not access.can_reset_password(target):
        raise PermissionDenied("reset password")
    form = SetPasswordForm(target, request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()  # a new password also ends the user's open sessions
            PasswordChangeRequired.objects.update_or_create(user=target, defaults={"set_by": request.user})
        _unlock(target.get_username())
        messages.success(
            request,
            _(
                "Kata sandi sementara untuk “%(u)s” tersimpan. Sampaikan langsung kepada pemiliknya; ia harus "
                "menggantinya saat masuk."
            )
            % {"u": target.get_username()},
        )
        return redirect(detail_url(access, KINDS["anggota"], membership))
    return render(
        request,
        "accounts/password_reset.html",
        region_context(access, kind=KINDS["anggota"], obj=membership, target=target, form=form),
    )


def _unlock(username: str) -> None:
    """A reset also lifts a login lockout of the account (not of an address)."""
    AccessAttempt.objects.filter(username=username).delete()
