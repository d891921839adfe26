"""Request middleware of kotacerdas."""

from __future__ import annotations

from django.middleware.locale import LocaleMiddleware
from django.shortcuts import redirect
from django.urls import Resolver404, resolve

from kotacerdas.accounts.models import PasswordChangeRequired


class IndonesianFirstLocaleMiddleware(LocaleMiddleware):
    """Indonesian unless the user picked another language with the language switch.

    Django's own middleware also follows the browser's Accept-Language, so an officer whose laptop came set to
    English would get an English workspace they never asked for. Only the explicit choice (the language cookie
    set by /i18n/setlang/) changes the language here.
    """

    def process_request(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        super().process_request(request)


class PasswordChangeRequiredMiddleware:
    """A user whose password an admin has reset reaches only the password-change page (and can log out or switch
    the language) until they have chosen their own password."""

    ALLOWED = ("password-change", "logout", "set_language")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and self._pending(user):
            try:
                name = resolve(request.path_info).url_name
            except Resolver404:
                name = None
            if name not in self.ALLOWED and not request.path_info.startswith("/static/"):
                return redirect("password-change")
        return self.get_response(request)

    @staticmethod
    def _pending(user) -> bool:
        return PasswordChangeRequired.objects.filter(user=user).exists()
