"""A password must not resemble the name or code of the regions its user works in ("katingan2024")."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kotacerdas.regions.models import Region


def _words(text: str) -> set[str]:
    """The region's name and slug, whole and by word (at least four letters), in lower case."""
    text = text.lower()
    parts = {text, re.sub(r"[^a-z0-9]", "", text)}
    parts.update(w for w in re.split(r"[^a-z0-9]+", text) if len(w) >= 4)
    return {p for p in parts if p}


class RegionSimilarityValidator:
    """Refuses a password that contains, or is too similar to, the name or slug of a region of the user (or of
    the region the password is being set for: pass ``user.password_regions`` as a list of regions)."""

    def __init__(self, max_similarity: float = 0.7):
        self.max_similarity = max_similarity

    def _regions(self, user) -> list:
        regions = list(getattr(user, "password_regions", None) or [])
        if user is not None and getattr(user, "pk", None):
            regions += list(Region.objects.filter(memberships__user=user))
        return regions

    def validate(self, password: str, user=None) -> None:
        if not password:
            return
        lowered = password.lower()
        compact = re.sub(r"[^a-z0-9]", "", lowered)
        for region in self._regions(user):
            for word in _words(region.name) | _words(region.slug):
                if (
                    word in compact
                    or word in lowered
                    or (
                        SequenceMatcher(a=lowered, b=word).quick_ratio() >= self.max_similarity
                        and SequenceMatcher(a=lowered, b=word).ratio() >= self.max_similarity
                    )
                ):
                    raise ValidationError(
                        _("Kata sandi terlalu mirip dengan nama daerah “%(region)s”.")
                        % {"region": region.name},
                        code="password_too_similar_to_region",
                    )

    def get_help_text(self) -> str:
        return _("Kata sandi tidak boleh memuat nama atau kode daerah Anda.")
