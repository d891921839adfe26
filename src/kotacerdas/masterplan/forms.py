"""The document settings form: logo upload (PNG, at most 1 MB, decodable), foreword, signatory, colour."""

from __future__ import annotations

import io

from django import forms
from django.utils.translation import gettext_lazy as _
from PIL import Image

from kotacerdas.masterplan.models import MAX_LOGO_BYTES, DocumentSettings, validate_logo
from kotacerdas.web.forms import SafeFormMixin


class DocumentSettingsForm(SafeFormMixin, forms.ModelForm):
    logo_file = forms.FileField(
        label=_("Logo (PNG, paling besar 1 MB)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/png"}),
    )
    remove_logo = forms.BooleanField(label=_("Hapus logo"), required=False)

    class Meta:
        model = DocumentSettings
        fields = ["foreword", "foreword_signatory", "colour"]
        widgets = {
            "foreword": forms.Textarea(attrs={"rows": 10}),
            "colour": forms.TextInput(attrs={"type": "color"}),
        }

    def clean_logo_file(self):
        upload = self.cleaned_data.get("logo_file")
        if not upload:
            return None
        if upload.size > MAX_LOGO_BYTES:
            raise forms.ValidationError(_("Logo paling besar 1 MB."))
        data = upload.read()
        validate_logo(data)  # PNG signature and pixel limit, read from the header before decoding
        try:
            with Image.open(io.BytesIO(data)) as image:
                image.verify()
        except Exception as exc:  # noqa: BLE001 - any decoding problem: not a usable PNG
            raise forms.ValidationError(_("Berkas PNG ini rusak atau tidak dapat dibaca.")) from exc
        return data

    def clean(self):
        cleaned = super().clean()
        data = cleaned.get("logo_file")
        if data:
            self.instance.logo = data  # validated again by the model's clean() in _post_clean
        elif cleaned.get("remove_logo"):
            self.instance.logo = None
        return cleaned
