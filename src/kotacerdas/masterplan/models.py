"""Per-region settings of the master plan document: logo, the regent's foreword, colour."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kotacerdas.regions.labels import related_label as rl
from kotacerdas.regions.models import Region

MAX_LOGO_BYTES = 1_000_000
#: Width and height a logo may have at most: 4,000 × 4,000 pixels (16 MP). A small PNG file can claim huge
#: dimensions and decompress to gigabytes, so the limit is read from the header before anything is decoded.
MAX_LOGO_SIDE = 4_000
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_dimensions(data: bytes) -> tuple[int, int] | None:
    """(width, height) from a PNG's IHDR chunk without decoding the image; None when the header is not there."""
    if len(data) < 24 or not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        return None
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def validate_logo(data: bytes) -> None:
    """Refuse a logo that is too large on disk, not a PNG, or claims more than MAX_LOGO_SIDE pixels a side."""
    if len(data) > MAX_LOGO_BYTES:
        raise ValidationError(_("Logo paling besar 1 MB."))
    if not data.startswith(PNG_SIGNATURE):
        raise ValidationError(_("Logo harus berkas PNG."))
    size = png_dimensions(data)
    if size is not None and (size[0] > MAX_LOGO_SIDE or size[1] > MAX_LOGO_SIDE):
        raise ValidationError(
            _("Logo berukuran %(width)s × %(height)s piksel; paling besar %(max)s × %(max)s piksel.")
            % {"width": size[0], "height": size[1], "max": MAX_LOGO_SIDE}
        )


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
        return rl(self, "region")

    def owning_agency(self):
        return None

    def clean(self) -> None:
        if self.logo:
            try:
                validate_logo(bytes(self.logo))
            except ValidationError as exc:
                raise ValidationError({"logo": exc.error_list}) from exc
