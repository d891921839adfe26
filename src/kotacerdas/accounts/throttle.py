"""Login throttling on top of django-axes: a limit per account and a (higher) limit per address.

A bimtek room shares one public address, so the per-address limit is higher than the per-account one; both are
set from the environment (settings.py). While locked, the login page itself says so (HTTP 429), in the user's
language, and a right password does not open it either.
"""

from __future__ import annotations

from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.shortcuts import render
from django.utils.translation import gettext as _


class LoginThrottleBackend(AxesStandaloneBackend):
    """Throttles logins made through a request (the web); code that calls ``authenticate()`` without a request
    (the command line, the sample loader's checks) is not a network client and is not throttled."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class LoginThrottleHandler(AxesDatabaseHandler):
    """axes compares one number with ``AXES_FAILURE_LIMIT``: the worst of the per-account count and the
    per-address count scaled to the per-account limit, so each parameter is locked at its own limit."""

    def get_failures(self, request, credentials=None) -> int:
        per_account = settings.AXES_FAILURE_LIMIT
        per_address = max(1, settings.LOGIN_FAILURES_PER_ADDRESS)
        worst = 0
        for parameter, attempts in zip(
            settings.AXES_LOCKOUT_PARAMETERS, self.get_user_attempts(request, credentials), strict=True
        ):
            count = sum(attempts.values_list("failures_since_start", flat=True))
            if parameter == "ip_address":
                count = count * per_account // per_address
            worst = max(worst, count)
        return worst

    def reset_user_attempts(self, request, credentials=None) -> int:
        """After a successful login, forget this account's failures, and only those.

        axes would delete every attempt that matches the account *or the address*. A bimtek room shares one
        address, so a colleague's successful login would clear the failures of an account someone there is
        guessing and unlock it.
        """
        username = get_client_username(request, credentials)
        if not username:
            return 0
        count, _ = AccessAttempt.objects.filter(username=username).delete()
        return count


def client_address(request) -> str:
    """The client's address: REMOTE_ADDR, or with ``KOTACERDAS_PROXY_COUNT`` proxies in front, the address the
    outermost of them saw (taken from the right of X-Forwarded-For, where a client cannot forge it)."""
    count = settings.PROXY_COUNT
    if count > 0:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR", "")


def lockout_response(request, original_response=None, credentials=None):
    """The login page with the lockout message, status 429 (not a bare 403)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    form = AuthenticationForm(request, initial={"username": (credentials or {}).get("username", "")})
    message = _(
        "Terlalu banyak percobaan masuk yang gagal. Masuk dikunci selama %(m)s menit; coba lagi nanti atau "
        "minta administrator server membukanya."
    ) % {"m": minutes}
    return render(
        request,
        "registration/login.html",
        {"form": form, "locked_message": message, "next": request.POST.get("next", "")},
        status=429,
    )
