from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kotacerdas.accounts.models import Invitation, PasswordChangeRequired


@admin.register(Invitation)
class InvitationAdmin(SimpleHistoryAdmin):
    """Superusers see the invitations (never their codes: only a digest is stored) and may withdraw one."""

    list_display = ["username", "region", "role", "agency", "created_by", "expires", "accepted_at"]
    list_filter = ["region", "role"]
    search_fields = ["username"]
    readonly_fields = [
        "region",
        "username",
        "role",
        "agency",
        "created_by",
        "expires",
        "accepted_by",
        "accepted_at",
    ]
    exclude = ["code_digest"]

    def has_add_permission(self, request):
        return False  # invitations are made on the region's user page, which shows the code once


@admin.register(PasswordChangeRequired)
class PasswordChangeRequiredAdmin(SimpleHistoryAdmin):
    list_display = ["user", "set_by", "created"]
    readonly_fields = ["user", "set_by"]

    def has_add_permission(self, request):
        return False
