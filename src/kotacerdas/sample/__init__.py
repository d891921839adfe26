"""Sample regions: Kabupaten Katingan (real facts, each with its source) and Kota Tanjung Harapan (fictional).

Each sample is a region file in format ``kotacerdas-region/1`` shipped beside this module
(``katingan.json``, ``tanjung-harapan.json``) and loaded through the same importer as any other region file.
The importer creates the sample's users without a usable password; :func:`load` then gives each demo user the
password listed in :data:`DEMO_LOGINS`, the one place where the demo passwords are written down.

The demo passwords are for a local demonstration only. Never load a sample into a production database.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources

from django.contrib.auth import get_user_model
from django.db import transaction

from kotacerdas.interchange.region_file import import_document
from kotacerdas.regions.models import Region

NAMES: tuple[str, ...] = ("katingan", "tanjung-harapan")


@dataclass(frozen=True)
class Login:
    """A demo account as printed by ``kotacerdas sample load``."""

    username: str
    password: str
    description: str


@dataclass
class Loaded:
    """The result of :func:`load`: the region and the demo logins that work with their printed password."""

    region: object
    logins: list[Login] = field(default_factory=list)


# The demo accounts of each sample, with their password and an Indonesian description.
DEMO_LOGINS: dict[str, tuple[Login, ...]] = {
    "katingan": (
        Login("admin_bappelitbang", "katingan-admin", "Admin daerah (Bappelitbang)"),
        Login("op_diskominfo", "katingan-operator", "Operator OPD (Diskominfostandi)"),
        Login("op_dinkes", "katingan-operator", "Operator OPD (Dinas Kesehatan)"),
        Login("reviewer_dewan", "katingan-reviewer", "Penelaah (anggota Dewan Smart City)"),
        Login("viewer", "katingan-viewer", "Pembaca"),
    ),
    "tanjung-harapan": (Login("admin_tanjung", "tanjung-admin", "Admin daerah fiktif (Tanjung Harapan)"),),
}


class UnknownSample(ValueError):
    """Raised for a sample name that is not in :data:`NAMES`."""


def document(name: str) -> dict:
    """The sample's region file as a dict (format ``kotacerdas-region/1``)."""
    if name not in NAMES:
        raise UnknownSample(f"Contoh '{name}' tidak ada. Pilihan: {', '.join(NAMES)}")
    text = resources.files(__package__).joinpath(f"{name}.json").read_text(encoding="utf-8")
    return json.loads(text)


def load(name: str, replace: bool = False) -> Loaded:
    """Load the sample region ``name`` and return it with its demo logins.

    - If the region's slug is not in the database yet, the sample is imported (all or nothing).
    - If it is already there and ``replace`` is false, its data is left exactly as it is: loading again never
      duplicates anything, so ``make demo`` can call this on every run.
    - If it is already there and ``replace`` is true, the region (with everything that belongs to it) is deleted
      and the sample imported afresh, in the same transaction. Users themselves are kept, since a user may hold
      roles in other regions; the importer gives them their roles in the new region again.

    In every case a demo user who has no usable password gets the demo password of :data:`DEMO_LOGINS`; a password
    someone has set is never overwritten. ``Loaded.logins`` lists only the demo accounts whose printed password
    works, so what ``kotacerdas sample load`` prints can be used to log in.

    Raises :class:`UnknownSample` for an unknown name and ``InvalidRegionFile`` (from the importer) if the shipped
    file does not validate.
    """
    doc = document(name)
    slug = doc["region"]["slug"]
    User = get_user_model()
    with transaction.atomic():
        region = Region.objects.filter(slug=slug).first()
        if region is not None and replace:
            region.delete()
            region = None
        if region is None:
            region = import_document(doc)
        logins = []
        for login in DEMO_LOGINS[name]:
            user = User.objects.filter(username=login.username).first()
            if user is None:
                continue
            if not user.has_usable_password():
                user.set_password(login.password)
                user.save(update_fields=["password"])
                logins.append(login)
            elif user.check_password(login.password):
                logins.append(login)
    return Loaded(region=region, logins=logins)
