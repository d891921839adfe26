"""Forms of the account pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kotacerdas.web.forms import SafeFormMixin


class InvitationCodeForm(SafeFormMixin, forms.Form):
    code = forms.CharField(
        label=_("Kode undangan"),
        max_length=100,
        help_text=_("Kode yang Anda terima dari admin daerah."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
