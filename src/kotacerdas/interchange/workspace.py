"""The sections of the region workspace: profile, districts, RPJMD, agencies, local wisdom, governance, users.

Stable order of every list (so that export → import → export is identical):

- ``districts``: their ``order`` (the list order of the file they came from), then name;
- ``rpjmd``: by start year, oldest first; ``missions`` by number;
- ``agencies``: by kind in the order of the model's choices (sekretariat, dinas, badan, kecamatan, inspektorat,
  other), then by name;
- ``local_wisdom``: by category in the order of the model's choices, then by name;
- ``governance``: their ``order`` (the list order of the file they came from), then body, then name;
- ``governance_basis``: by body (dewan, tim_pelaksana), then start year, then number;
- ``users``: by role (admin, operator, reviewer, viewer), then username.

Names are compared in Python (case-folded, then exactly), never by the database's collation.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from kotacerdas.framework.models import Framework
from kotacerdas.framework.reference import DEFAULT_FRAMEWORK
from kotacerdas.interchange.problems import Path, format_path
from kotacerdas.interchange.sections import (
    CheckContext,
    Section,
    WriteContext,
    bilingual,
    entries,
    from_decimal,
    name_key,
    plain,
    rank,
    to_decimal,
    values,
)
from kotacerdas.reference import nomenclature
from kotacerdas.regions.models import (
    Agency,
    District,
    GovernanceBasis,
    GovernanceMember,
    LocalWisdom,
    Membership,
    Mission,
    Region,
    Role,
    RpjmdPeriod,
    Village,
)

SOURCED = ("source", "illustrative")


class RegionSection(Section):
    """``region``: the profile. ``framework`` is the slug of the framework version (``kominfo-2021``);
    ``nomenclature`` the key of the planning nomenclature's version (optional: the default version, which an
    export leaves out)."""

    key = "region"
    FIELDS = (
        "slug",
        "name",
        "kind",
        "province",
        "kemendagri_code",
        "bps_code",
        "capital",
        "area_km2",
        "population",
        "population_year",
        "motto",
        "description",
        "framework",
        "nomenclature",
        *SOURCED,
    )
    PLAIN = tuple(f for f in FIELDS if f not in ("area_km2", "framework"))

    def export(self, region: Region) -> dict:
        data = plain(region, self.PLAIN)
        data["area_km2"] = from_decimal(region.area_km2)
        data["framework"] = region.framework.slug
        # Written only when not the default version, so a file of a region on the default reads as before.
        return {
            name: data[name]
            for name in self.FIELDS
            if name != "nomenclature" or data[name] != nomenclature.DEFAULT_VERSION
        }

    def _instance(self, item: dict, slug: Any) -> Region:
        region = Region(**values(Region, item, self.PLAIN))
        region.slug = slug
        region.area_km2 = to_decimal(item.get("area_km2"))
        return region

    def check(self, data: Any, ctx: CheckContext) -> None:
        if not isinstance(data, dict):
            return
        path = (self.key,)
        slug = ctx.slug
        given = "--slug" if ctx.slug_option else "region.slug"
        if isinstance(slug, str) and slug and Region.objects.filter(slug=slug).exists():
            ctx.report(
                path + ("slug",),
                f"kode singkat {slug!r} ({given}) sudah dipakai daerah lain di basis data ini; pilih kode lain "
                f"dengan --slug KODE_BARU / the slug {slug!r} ({given}) is already taken in this database; "
                f"choose another one with --slug NEW_SLUG",
            )
        framework_slug = data.get("framework", DEFAULT_FRAMEWORK)
        framework = (
            Framework.objects.filter(slug=framework_slug).first() if isinstance(framework_slug, str) else None
        )
        if isinstance(framework_slug, str) and framework is None and ctx.well_formed(path + ("framework",)):
            ctx.report(
                path + ("framework",),
                f"kerangka {framework_slug!r} belum terpasang di basis data ini / framework {framework_slug!r} "
                "is not installed in this database",
            )
        if ctx.well_formed(path):
            region = self._instance(data, slug)
            exclude = []
            if framework is None:
                exclude.append("framework")
            else:
                region.framework = framework
            ctx.validate_model(region, path, exclude=exclude)

    def write(self, data: dict, ctx: WriteContext) -> None:
        region = self._instance(data, ctx.slug)
        region.framework = Framework.objects.get(slug=data.get("framework", DEFAULT_FRAMEWORK))
        ctx.region = ctx.save(region)


class DistrictsSection(Section):
    """``districts``: the kecamatan, in the order of the list, each with its official ``code`` and its ``villages``
    (desa and kelurahan with their codes) when known. Both keys are left out of an export when empty, so files
    with counts only keep their shape. With ``villages``, ``desa`` and ``kelurahan`` may be left out (they are
    counted from the list); when given they must equal the list's counts."""

    key = "districts"
    FIELDS = ("code", "name", "capital", "desa", "kelurahan", *SOURCED)
    VILLAGE_FIELDS = ("code", "name", "kind")

    def export(self, region: Region) -> list[dict]:
        rows = sorted(District.objects.filter(region=region), key=lambda d: (d.order, name_key(d.name), d.pk))
        listed: dict[int, list[Village]] = {}
        for village in Village.objects.filter(region=region):
            listed.setdefault(village.district_id, []).append(village)
        exported = []
        for district in rows:
            data = plain(district, self.FIELDS)
            if not district.code:
                del data["code"]
            villages = sorted(listed.get(district.pk, []), key=lambda v: (v.code, name_key(v.name), v.pk))
            if villages:
                data["villages"] = [plain(v, self.VILLAGE_FIELDS) for v in villages]
            exported.append(data)
        return exported

    def collect(self, data: Any, ctx: CheckContext) -> None:
        ctx.register("districts", (((self.key, i), item.get("name")) for i, item in entries(data)))

    @staticmethod
    def counts(item: dict) -> dict[str, int] | None:
        """The desa and kelurahan counted from the item's ``villages`` (None when it lists none: an empty list
        is no list, as in an export)."""
        villages = item.get("villages")
        if not isinstance(villages, list) or not villages:
            return None
        kinds = [v.get("kind") for _, v in entries(villages)]
        return {kind: kinds.count(kind) for kind in ("desa", "kelurahan")}

    def _district(self, item: dict) -> District:
        district = District(**values(District, item, self.FIELDS))
        counted = self.counts(item)
        if counted is not None:
            for kind, number in counted.items():
                if kind not in item:
                    setattr(district, kind, number)
        return district

    def check(self, data: Any, ctx: CheckContext) -> None:
        items = entries(data)
        ctx.check_unique((self.key,), items, "name", "nama kecamatan / district name")
        ctx.check_unique(
            (self.key,), [(i, d) for i, d in items if d.get("code")], "code", "kode kecamatan / district code"
        )
        village_codes: dict[str, Path] = {}
        for i, item in items:
            path = (self.key, i)
            counted = self.counts(item)
            for kind in ("desa", "kelurahan"):
                if counted is None:
                    if kind not in item:
                        ctx.missing(self, path + (kind,))
                elif isinstance(item.get(kind), int) and item[kind] != counted[kind]:
                    ctx.report(
                        path + (kind,),
                        f"jumlah {kind} {item[kind]} tidak sama dengan daftar villages ({counted[kind]} {kind}) / "
                        f"the number of {kind} {item[kind]} does not match the villages listed "
                        f"({counted[kind]} {kind})",
                    )
            ctx.validate_model(self._district(item), path, exclude=["region"])
            district_code = item.get("code")
            for j, village in entries(item.get("villages")):
                village_path = path + ("villages", j)
                code = village.get("code")
                ctx.validate_model(
                    Village(**values(Village, village, self.VILLAGE_FIELDS)),
                    village_path,
                    exclude=["region", "district"],
                )
                if not isinstance(code, str) or not code:
                    continue
                if (
                    isinstance(district_code, str)
                    and district_code
                    and not code.startswith(district_code + ".")
                ):
                    ctx.report(
                        village_path + ("code",),
                        f"kode {code} tidak berada di bawah kode kecamatan {district_code} / code {code} is not "
                        f"under the district code {district_code}",
                    )
                if code in village_codes:
                    ctx.report(
                        village_path + ("code",),
                        f"kode desa/kelurahan {code!r} sudah dipakai di / is already used at "
                        f"{format_path(village_codes[code])}",
                    )
                else:
                    village_codes[code] = village_path

    def write(self, data: list, ctx: WriteContext) -> None:
        names = ctx.refs.setdefault("districts", {})
        for order, item in enumerate(data, start=1):
            district = self._district(item)
            district.region, district.order = ctx.region, order
            names[district.name] = ctx.save(district)
            for village in item.get("villages", []):
                ctx.save(
                    Village(
                        region=ctx.region, district=district, **values(Village, village, self.VILLAGE_FIELDS)
                    )
                )


class RpjmdSection(Section):
    """``rpjmd``: the RPJMD periods (oldest first), each with its numbered ``missions``."""

    key = "rpjmd"
    FIELDS = ("start_year", "end_year", "regent", "vice_regent", "vision", *SOURCED)
    MISSION_FIELDS = ("number", "text", "placeholder", *SOURCED)

    def export(self, region: Region) -> list[dict]:
        periods = []
        for period in sorted(RpjmdPeriod.objects.filter(region=region), key=lambda p: (p.start_year, p.pk)):
            data = plain(period, self.FIELDS)
            missions = sorted(Mission.objects.filter(period=period), key=lambda m: (m.number, m.pk))
            data["missions"] = [plain(m, self.MISSION_FIELDS) for m in missions]
            periods.append(data)
        return periods

    def check(self, data: Any, ctx: CheckContext) -> None:
        periods = entries(data)
        ctx.check_unique((self.key,), periods, "start_year", "tahun awal / start year")
        for i, period in periods:
            path = (self.key, i)
            start, end = period.get("start_year"), period.get("end_year")
            if isinstance(start, int) and isinstance(end, int) and end < start:
                ctx.report(
                    path + ("end_year",),
                    f"tahun akhir {end} sebelum tahun awal {start} / end year {end} is before start year {start}",
                )
            ctx.validate_model(
                RpjmdPeriod(**values(RpjmdPeriod, period, self.FIELDS)), path, exclude=["region"]
            )
            missions = entries(period.get("missions"))
            ctx.check_unique(path + ("missions",), missions, "number", "nomor misi / mission number")
            for j, mission in missions:
                mission_path = path + ("missions", j)
                placeholder = mission.get("placeholder", False)
                text = mission.get("text", "")
                if placeholder is False and isinstance(text, str) and not text.strip():
                    ctx.report(
                        mission_path + ("text",),
                        'tuliskan bunyi misi, atau tandai "placeholder": true bila belum dikonfirmasi / '
                        'write the mission\'s text, or mark it "placeholder": true while it is unconfirmed',
                    )
                ctx.validate_model(
                    Mission(**values(Mission, mission, self.MISSION_FIELDS)),
                    mission_path,
                    exclude=["region", "period"],
                )

    def write(self, data: list, ctx: WriteContext) -> None:
        for item in data:
            period = ctx.save(RpjmdPeriod(region=ctx.region, **values(RpjmdPeriod, item, self.FIELDS)))
            for mission in item["missions"]:
                ctx.save(
                    Mission(region=ctx.region, period=period, **values(Mission, mission, self.MISSION_FIELDS))
                )


class AgenciesSection(Section):
    """``agencies``: the OPD; ``district`` names a district of ``districts`` (kecamatan offices) or is null."""

    key = "agencies"
    FIELDS = ("abbreviation", "name", "kind", "district", *SOURCED)
    PLAIN = ("abbreviation", "name", "kind", *SOURCED)

    def export(self, region: Region) -> list[dict]:
        by_kind = rank(Agency.Kind)
        rows = sorted(
            Agency.objects.filter(region=region).select_related("district"),
            key=lambda a: (by_kind(a.kind), name_key(a.name), a.pk),
        )
        result = []
        for agency in rows:
            data = plain(agency, self.PLAIN)
            data["district"] = agency.district.name if agency.district else None
            result.append({name: data[name] for name in self.FIELDS})
        return result

    def collect(self, data: Any, ctx: CheckContext) -> None:
        ctx.register("agencies", (((self.key, i), item.get("abbreviation")) for i, item in entries(data)))

    def check(self, data: Any, ctx: CheckContext) -> None:
        items = entries(data)
        ctx.check_unique((self.key,), items, "abbreviation", "singkatan / abbreviation")
        ctx.check_unique((self.key,), items, "name", "nama perangkat daerah / agency name")
        for i, item in items:
            path = (self.key, i)
            ctx.check_reference(
                path + ("district",), item.get("district"), "districts", "kecamatan / district"
            )
            ctx.validate_model(
                Agency(**values(Agency, item, self.PLAIN)), path, exclude=["region", "district"]
            )

    def write(self, data: list, ctx: WriteContext) -> None:
        names = ctx.refs.setdefault("agencies", {})
        for item in data:
            agency = Agency(
                region=ctx.region,
                district=ctx.ref("districts", item.get("district")),
                **values(Agency, item, self.PLAIN),
            )
            names[agency.abbreviation] = ctx.save(agency)


class _AgencyRefSection(Section):
    """A list whose items may name the agency (by abbreviation) that owns them."""

    model: type = None
    FIELDS: tuple[str, ...] = ()

    @property
    def plain_fields(self) -> tuple[str, ...]:
        return tuple(f for f in self.FIELDS if f != "agency")

    def _export_item(self, obj) -> dict:
        data = plain(obj, self.plain_fields)
        data["agency"] = obj.agency.abbreviation if obj.agency else None
        return {name: data[name] for name in self.FIELDS}

    def _check_items(self, items: list[tuple[int, dict]], ctx: CheckContext) -> None:
        for i, item in items:
            path = (self.key, i)
            ctx.check_reference(
                path + ("agency",), item.get("agency"), "agencies", "perangkat daerah / agency"
            )
            ctx.validate_model(
                self.model(**values(self.model, item, self.plain_fields)), path, exclude=["region", "agency"]
            )

    def _new(self, item: dict, ctx: WriteContext, **extra):
        return self.model(
            region=ctx.region,
            agency=ctx.ref("agencies", item.get("agency")),
            **values(self.model, item, self.plain_fields),
            **extra,
        )


class LocalWisdomSection(_AgencyRefSection):
    """``local_wisdom``: the catalogue of method.md §8; ``agency`` is the OPD that records the item, or null."""

    key = "local_wisdom"
    model = LocalWisdom
    FIELDS = ("category", "name", "description", "community", "location", "custodian", "agency", *SOURCED)

    def export(self, region: Region) -> list[dict]:
        by_category = rank(LocalWisdom.Category)
        rows = sorted(
            LocalWisdom.objects.filter(region=region).select_related("agency"),
            key=lambda w: (by_category(w.category), name_key(w.name), w.pk),
        )
        return [self._export_item(w) for w in rows]

    def check(self, data: Any, ctx: CheckContext) -> None:
        items = entries(data)
        ctx.check_unique((self.key,), items, "name", "nama kearifan lokal / local wisdom name")
        self._check_items(items, ctx)

    def write(self, data: list, ctx: WriteContext) -> None:
        for item in data:
            ctx.save(self._new(item, ctx))


class GovernanceSection(_AgencyRefSection):
    """``governance``: members of the Dewan Smart City and the Tim Pelaksana, in the order of the list.

    ``sector`` (pentahelix), ``start_year`` and ``end_year`` are optional: an export writes them only when they
    have a value, so a file written before they existed exports unchanged.
    """

    key = "governance"
    model = GovernanceMember
    FIELDS = ("body", "name", "position", "agency", "role", *SOURCED)
    OPTIONAL = ("sector", "start_year", "end_year")

    @property
    def plain_fields(self) -> tuple[str, ...]:
        return (*super().plain_fields, *self.OPTIONAL)

    def export(self, region: Region) -> list[dict]:
        by_body = rank(GovernanceMember.Body)
        rows = sorted(
            GovernanceMember.objects.filter(region=region).select_related("agency"),
            key=lambda m: (m.order, by_body(m.body), name_key(m.name), m.pk),
        )
        result = []
        for member in rows:
            data = self._export_item(member)
            optional = {name: getattr(member, name) for name in self.OPTIONAL}
            at = list(data).index("role") + 1  # after the role, before the provenance
            items = list(data.items())
            items[at:at] = [(name, value) for name, value in optional.items() if value not in ("", None)]
            result.append(dict(items))
        return result

    def check(self, data: Any, ctx: CheckContext) -> None:
        self._check_items(entries(data), ctx)

    def write(self, data: list, ctx: WriteContext) -> None:
        for order, item in enumerate(data, start=1):
            ctx.save(self._new(item, ctx, order=order))


class GovernanceBasisSection(Section):
    """``governance_basis``: the legal basis (SK) of each body, per period. Optional; left out of an export when
    the region records none, so older files export unchanged. A decree not found in open sources is written with
    ``"placeholder": true`` and no number or date."""

    key = "governance_basis"
    required = False
    omit_when_none = True
    FIELDS = ("body", "title", "number", "date", "placeholder", "start_year", "end_year", *SOURCED)
    PLAIN = tuple(f for f in FIELDS if f != "date")

    def export(self, region: Region) -> list[dict] | None:
        by_body = rank(GovernanceMember.Body)
        rows = sorted(
            GovernanceBasis.objects.filter(region=region),
            key=lambda b: (by_body(b.body), b.start_year or 0, b.number, b.pk),
        )
        if not rows:
            return None
        result = []
        for basis in rows:
            data = plain(basis, self.PLAIN)
            data["date"] = basis.date.isoformat() if basis.date else None
            result.append({name: data[name] for name in self.FIELDS})
        return result

    def _instance(self, item: dict) -> GovernanceBasis:
        basis = GovernanceBasis(**values(GovernanceBasis, item, self.PLAIN))
        basis.date = _parse_date(item.get("date"))
        return basis

    def check(self, data: Any, ctx: CheckContext) -> None:
        for i, item in entries(data):
            path = (self.key, i)
            date = item.get("date")
            if isinstance(date, str) and _parse_date(date) is None:
                ctx.report(
                    path + ("date",),
                    f"tanggal {date!r} tidak dikenali; tulis TTTT-BB-HH / date {date!r} is not YYYY-MM-DD",
                )
            ctx.validate_model(self._instance(item), path, exclude=["region"])

    def write(self, data: list | None, ctx: WriteContext) -> None:
        for item in data or []:
            basis = self._instance(item)
            basis.region = ctx.region
            ctx.save(basis)


def _parse_date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


class UsersSection(Section):
    """``users``: who holds which role in the region; usernames and roles only, never passwords.

    A user who does not exist yet is created with an unusable password (an admin sets one later); an existing user
    only gets the membership.
    """

    key = "users"
    FIELDS = ("username", "role", "agency")

    def export(self, region: Region) -> list[dict]:
        by_role = rank(Role)
        rows = sorted(
            Membership.objects.filter(region=region).select_related("user", "agency"),
            key=lambda m: (by_role(m.role), m.user.get_username()),
        )
        return [
            {
                "username": m.user.get_username(),
                "role": m.role,
                "agency": m.agency.abbreviation if m.agency else None,
            }
            for m in rows
        ]

    def check(self, data: Any, ctx: CheckContext) -> None:
        User = get_user_model()
        username_field = User._meta.get_field(User.USERNAME_FIELD)
        items = entries(data)
        ctx.check_unique((self.key,), items, "username", "nama pengguna / username")
        for i, item in items:
            path = (self.key, i)
            username, role, agency = item.get("username"), item.get("role"), item.get("agency")
            if isinstance(username, str) and ctx.well_formed(path + ("username",)):
                try:
                    username_field.clean(username, None)
                except ValidationError as exc:
                    for messages in bilingual(exc).values():
                        for message in messages:
                            ctx.report(path + ("username",), message)
            if role == Role.OPERATOR and agency is None:
                ctx.report(
                    path + ("agency",),
                    "operator harus terikat pada satu perangkat daerah: isi singkatan OPD-nya / an operator "
                    "must be bound to one agency: give its abbreviation",
                )
            elif isinstance(role, str) and role != Role.OPERATOR and agency is not None:
                ctx.report(
                    path + ("agency",),
                    f"hanya operator yang terikat pada perangkat daerah; peran {role!r} harus null / only "
                    f"operators are bound to an agency; for role {role!r} use null",
                )
            if not ctx.has_problem(path + ("agency",)):
                ctx.check_reference(path + ("agency",), agency, "agencies", "perangkat daerah / agency")

    def write(self, data: list, ctx: WriteContext) -> None:
        User = get_user_model()
        for item in data:
            user = User.objects.filter(**{User.USERNAME_FIELD: item["username"]}).first()
            if user is None:
                user = User(**{User.USERNAME_FIELD: item["username"]})
                user.set_unusable_password()
                user.save()
            ctx.save(
                Membership(
                    user=user,
                    region=ctx.region,
                    role=item["role"],
                    agency=ctx.ref("agencies", item.get("agency")),
                )
            )


WORKSPACE_SECTIONS: list[Section] = [
    RegionSection(),
    DistrictsSection(),
    RpjmdSection(),
    AgenciesSection(),
    LocalWisdomSection(),
    GovernanceSection(),
    GovernanceBasisSection(),
    UsersSection(),
]
