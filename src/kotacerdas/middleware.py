"""Request middleware of kotacerdas."""

from __future__ import annotations

from django.middleware.locale import LocaleMiddleware


class IndonesianFirstLocaleMiddleware(LocaleMiddleware):
    """Indonesian unless the user picked another language with the language switch.

    Django's own middleware also follows the browser's Accept-Language, so an officer whose laptop came set to
    English would get an English workspace they never asked for. Only the explicit choice (the language cookie
    set by /i18n/setlang/) changes the language here.
    """

    def process_request(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        super().process_request(request)
