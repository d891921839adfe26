"""A new region from its official code (``kotacerdas region new 62.06`` and the superuser's page).

The region is written as a region file built from the area codes (:mod:`kotacerdas.reference.wilayah`): profile
(name, kind, province, Kemendagri code), districts with their codes and villages, and empty lists for everything
else. It goes through :func:`~kotacerdas.interchange.region_file.import_document`, so it is checked, written in one
transaction with its history, and gets the default framework exactly like an imported region. The capital is left
blank: the area codes do not name it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.text import slugify

from kotacerdas.interchange.region_file import FORMAT, import_document
from kotacerdas.reference import wilayah
from kotacerdas.regions.models import Region


class SlugTaken(ValueError):
    """The slug is already used by another region; ``suggestion`` is a free one."""

    def __init__(self, slug: str, suggestion: str):
        super().__init__(
            f"kode singkat {slug!r} sudah dipakai daerah lain; pilih yang lain, mis. --slug {suggestion} / "
            f"the slug {slug!r} is already taken; choose another one, e.g. --slug {suggestion}"
        )
        self.slug = slug
        self.suggestion = suggestion


class BadSlug(ValueError):
    pass


@dataclass(frozen=True)
class Created:
    region: Region
    area: wilayah.KabKota

    @property
    def summary(self) -> str:
        a = self.area
        return f"{len(a.kecamatan)} kecamatan, {a.desa} desa, {a.kelurahan} kelurahan"


def default_slug(area: wilayah.KabKota) -> str:
    """``katingan`` for Kabupaten Katingan; a kota whose name a kabupaten also bears gets ``kota-``."""
    base = slugify(area.name)
    if area.kind == "kota" and Region.objects.filter(slug=base).exists():
        return slugify(area.official_name)
    return base


def free_slug(slug: str) -> str:
    n = 2
    while Region.objects.filter(slug=f"{slug}-{n}").exists():
        n += 1
    return f"{slug}-{n}"


def check_slug(slug: str) -> None:
    if not slug or slugify(slug) != slug or len(slug) > 60:
        raise BadSlug(
            f"kode singkat {slug!r} tidak sah: huruf kecil, angka dan tanda hubung, paling panjang 60 / "
            f"the slug {slug!r} is not valid: lowercase letters, digits and hyphens, at most 60"
        )
    if Region.objects.filter(slug=slug).exists():
        raise SlugTaken(slug, free_slug(slug))


def document(area: wilayah.KabKota, slug: str) -> dict:
    """The region file of a new region for ``area``."""
    source = f"Kode wilayah / area codes: {area.regulation}"
    return {
        "format": FORMAT,
        "region": {
            "slug": slug,
            "name": area.name,
            "kind": area.kind,
            "province": area.province,
            "kemendagri_code": area.code,
            "capital": "",
            "source": source,
        },
        "districts": [
            {
                "code": k.code,
                "name": k.name,
                "source": source,
                "villages": [{"code": v.code, "name": v.name, "kind": v.kind} for v in k.villages],
            }
            for k in area.kecamatan
        ],
        "rpjmd": [],
        "agencies": [],
        "local_wisdom": [],
        "governance": [],
        "users": [],
    }


def preview(code: str, slug: str | None = None) -> tuple[wilayah.KabKota, str]:
    """The area of ``code`` and the slug the region would get; raises :class:`wilayah.UnknownArea`,
    :class:`BadSlug` or :class:`SlugTaken`."""
    area = wilayah.kabkota(code)
    slug = slug or default_slug(area)
    check_slug(slug)
    return area, slug


def create_region(code: str, slug: str | None = None) -> Created:
    """Create the region of the kabupaten/kota ``code`` (``"62.06"``) under ``slug`` (default from its name)."""
    area, slug = preview(code, slug)
    return Created(import_document(document(area, slug)), area)
