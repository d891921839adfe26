"""Per-region settings of the master plan document: logo, the regent's foreword, colour."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kotacerdas.regions.models import Region

MAX_LOGO_BYTES = 1_000_000


class DocumentSettings(models.Model):
    region = models.OneToOneField(Region, on_delete=models.CASCADE, related_name="document_settings")
    logo = models.BinaryField(_("logo (PNG)"), null=True, blank=True, editable=True)
    foreword = models.TextField(
        _("kata pengantar bupati/wali kota"),
        blank=True,
        help_text=_("Teks kata pengantar; paragraf dipisahkan dengan baris kosong."),
    )
    foreword_signatory = models.CharField(_("penanda tangan kata pengantar"), max_length=200, blank=True)
    colour = models.CharField(
        _("warna"),
        max_length=7,
        default="#0f5c6e",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Warna ditulis #rrggbb, misalnya #0f5c6e."))],
    )
    history = HistoricalRecords(excluded_fields=["logo"])

    class Meta:
        verbose_name = _("pengaturan dokumen")
        verbose_name_plural = _("pengaturan dokumen")

    def __str__(self) -> str:
        from kotacerdas.regions.labels import related_label as rl

        return rl(self, "region")

    def owning_agency(self):
        return None

    def clean(self) -> None:
        if self.logo:
            data = bytes(self.logo)
            if len(data) > MAX_LOGO_BYTES:
                raise ValidationError({"logo": _("Logo paling besar 1 MB.")})
            if not data.startswith(b"\x89PNG\r\n\x1a\n"):
                raise ValidationError({"logo": _("Logo harus berkas PNG.")})
