"""Account state kotacerdas keeps beside Django's users: a pending forced password change, and invitations."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kotacerdas.regions.models import Agency, Region, Role


class PasswordChangeRequired(models.Model):
    """The user got a temporary password from an admin and must choose their own before doing anything else."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="password_change_required"
    )
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("wajib ganti kata sandi")
        verbose_name_plural = _("wajib ganti kata sandi")

    def __str__(self) -> str:
        return str(self.user)


def _digest(code: str) -> str:
    return hashlib.sha256(code.strip().encode("utf-8")).hexdigest()


class InvitationQuerySet(models.QuerySet):
    def open(self):
        return self.filter(accepted_at__isnull=True, expires__gt=timezone.now())

    def by_code(self, code: str):
        return self.filter(code_digest=_digest(code)).first()


class Invitation(models.Model):
    """A region admin's offer of a role to the holder of an existing account.

    The admin names the account and passes the code (or link) to its owner, who accepts it while logged in: the
    role exists only with the owner's consent, and creating the invitation tells the admin nothing about whether
    the account exists. Only a digest of the code is stored; it is single-use and expires.
    """

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="invitations")
    username = models.CharField(_("nama pengguna"), max_length=150)
    role = models.CharField(_("peran"), max_length=20, choices=Role.choices)
    agency = models.ForeignKey(
        Agency,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("perangkat daerah"),
    )
    code_digest = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    expires = models.DateTimeField(_("berlaku sampai"))
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("undangan")
        verbose_name_plural = _("undangan")
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.username} · {self.get_role_display()} · {self.region}"

    @classmethod
    def issue(cls, **fields) -> tuple[Invitation, str]:
        """Create an invitation; returns it with its code (shown once, never stored)."""
        code = secrets.token_urlsafe(18)
        expires = timezone.now() + timedelta(days=settings.INVITATION_DAYS)
        invitation = cls.objects.create(code_digest=_digest(code), expires=expires, **fields)
        return invitation, code

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.expires > timezone.now()
