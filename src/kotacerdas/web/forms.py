"""Forms of the region workspace.

Every form knows its region: choices of related records (agencies, districts, periods) come from that region only,
uniqueness "per region" is checked with a clear Indonesian message, and the model's own ``clean()`` runs through
the ModelForm so the model's rules apply everywhere.
"""

from __future__ import annotations

import hashlib
import json
import re

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kotacerdas.accounts.models import Invitation
from kotacerdas.permissions import Access
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
    RpjmdPeriod,
)
from kotacerdas.web.values import links_at, show_value

SOURCE_FIELDS = ["source", "illustrative"]
SMALL_TEXTAREA = {"rows": 3}

#: C0 control characters other than tab, line feed and carriage return (NUL included). Stored, they break the move
#: of a region to PostgreSQL (which refuses NUL in text) and the documents (XML refuses most of them).
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


class NoControlCharacters:
    """Validator: refuse a text containing a C0 control character other than tab/LF/CR, naming the field."""

    code = "control_character"

    def __init__(self, label):
        self.label = label

    def __call__(self, value) -> None:
        if not isinstance(value, str):
            return
        found = CONTROL_CHARACTERS.search(value)
        if found is None:
            return
        raise ValidationError(
            _(
                "Isian “%(field)s” memuat karakter kendali yang tidak diizinkan (kode U+%(code)s pada posisi "
                "%(position)s), misalnya dari teks yang disalin dari dokumen lain. Hapus karakter itu; hanya tab "
                "dan baris baru yang boleh."
            ),
            code=self.code,
            params={
                "field": self.label,
                "code": f"{ord(found.group()):04X}",
                "position": found.start() + 1,
            },
        )

    def __eq__(self, other) -> bool:
        return isinstance(other, NoControlCharacters) and other.label == self.label


VERSION_FIELD = "record_version"


def _jsonable(value) -> str:
    """A stored value as stable text for the version hash (bytes by their digest, not by their address)."""
    if isinstance(value, bytes | bytearray | memoryview):
        return hashlib.sha256(bytes(value)).hexdigest()
    return str(value)


class SafeFormMixin:
    """The input rules every form of the application shares; put it first in a form's bases.

    **Control characters.** Every text field (``forms.CharField`` and its subclasses, including the ones behind a
    model's ``TextField``/``Textarea``) refuses NUL and the other C0 control characters except tab, line feed and
    carriage return, with a message that names the field (:class:`NoControlCharacters`, which replaces Django's
    NUL-only validator). The validators are installed when the form is validated, so fields that a subclass adds
    in its own ``__init__`` are covered too.

    **Optimistic concurrency (version token).** A form that edits a stored record (a ModelForm whose instance has
    a primary key) carries a hidden field ``record_version``: the id of the record's latest historical version and a hash
    of the stored values of the fields this form edits, as they were when the form was rendered. On save, the
    token is compared with the record as stored now. When someone else changed those values meanwhile, the save is
    refused (the form is invalid, nothing is written) with:

    - a message for the whole form saying who changed the record and when, and that the input is kept;
    - on every field the other person changed, the value stored now and the value this person entered;
    - ``form.version_conflicts``: the same as (label, stored, entered) rows, for a table;
    - the token refreshed to the stored version, so pressing *Simpan* again saves this person's input
      deliberately (the input itself stays in the form: nothing is lost).

    A plain ``forms.Form`` that edits a stored record gets the same by ``record=<the record>``; its fields are
    matched to the record's fields by name. An editable grid (many records, one cell each) uses
    :func:`cell_conflict` instead. A POST without the token (an older page, a script) is not checked. Templates that render fields one by one
    must render ``{{ form.record_version }}`` (``web/_field.html`` renders a hidden field as just the input).
    """

    def __init__(self, *args, record=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.version_record = record  # for a plain Form that edits a record: that record
        if self.versioned_instance() is not None:
            self.fields[VERSION_FIELD] = forms.CharField(
                widget=forms.HiddenInput, required=False, initial=lambda: self.version_token()
            )
        self.version_conflicts: list[tuple[str, str, str]] = []

    # --- control characters ---

    def full_clean(self):
        for name, field in self.fields.items():
            if not isinstance(field, forms.CharField) or isinstance(field.widget, forms.PasswordInput):
                continue
            if name == VERSION_FIELD:
                continue
            field.validators = [
                v for v in field.validators if not isinstance(v, ProhibitNullCharactersValidator)
            ]
            validator = NoControlCharacters(field.label or name)
            if validator not in field.validators:
                field.validators.append(validator)
        return super().full_clean()

    # --- version token ---

    def versioned_instance(self):
        instance = getattr(self, "instance", None) or getattr(self, "version_record", None)
        if instance is None or instance.pk is None or instance._state.adding:
            return None
        return instance

    def _versioned_fields(self) -> list:
        model = type(self.versioned_instance())
        result = []
        for name in self.fields:
            try:
                model_field = model._meta.get_field(name)
            except Exception:
                continue
            if model_field.concrete or model_field.many_to_many:
                result.append(model_field)
        return result

    @staticmethod
    def _state(instance, model_fields) -> dict:
        state = {}
        for model_field in model_fields:
            if model_field.many_to_many:
                state[model_field.name] = sorted(
                    getattr(instance, model_field.name).values_list("pk", flat=True)
                )
            else:
                state[model_field.name] = model_field.value_from_object(instance)
        return state

    @staticmethod
    def _digest(state: dict) -> str:
        text = json.dumps(state, sort_keys=True, default=_jsonable, ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()[:24]

    @staticmethod
    def _latest(instance):
        history = getattr(instance, "history", None)
        if history is None:
            return None
        return history.order_by("-history_date", "-history_id").select_related("history_user").first()

    def version_token(self, instance=None) -> str:
        """The token of ``instance`` (by default the form's record as loaded) for the fields of this form."""
        instance = instance if instance is not None else self.versioned_instance()
        latest = self._latest(instance)
        digest = self._digest(self._state(instance, self._versioned_fields()))
        return f"{latest.history_id if latest is not None else 0}.{digest}"

    def clean(self):
        data = super().clean()
        self._check_version()
        return data

    def _check_version(self) -> None:
        instance = self.versioned_instance()
        posted = (self.data.get(self.add_prefix(VERSION_FIELD)) or "").strip()
        if instance is None or not posted:
            return
        model = type(instance)
        stored = model._base_manager.filter(pk=instance.pk).first()
        if stored is None:
            raise ValidationError(
                gettext("Data ini sudah dihapus orang lain; isian Anda tidak dapat disimpan.")
            )
        now = self.version_token(stored)
        seen_id, _dot, seen_digest = posted.partition(".")
        if seen_digest == now.partition(".")[2]:
            return
        model_fields = self._versioned_fields()
        current = self._state(stored, model_fields)
        entered = {f.name: self._entered(f) for f in model_fields}
        baseline = self._baseline(instance, seen_id, model_fields)
        changed = [
            f
            for f in model_fields
            if (baseline is None or f.name not in baseline or baseline[f.name] != current[f.name])
            and current[f.name] != entered[f.name]
        ]
        for model_field in changed:
            shown_now = show_value(model_field, current[model_field.name])
            shown_entered = show_value(model_field, entered[model_field.name])
            label = str(self.fields[model_field.name].label or model_field.verbose_name)
            self.version_conflicts.append((label, shown_now, shown_entered))
            if model_field.name not in self.errors:
                self.add_error(
                    model_field.name,
                    ValidationError(
                        gettext("Sekarang tersimpan: “%(stored)s” — isian Anda: “%(entered)s”.")
                        % {"stored": shown_now, "entered": shown_entered},
                        code="stale",
                    ),
                )
        latest = self._latest(stored)
        who = getattr(getattr(latest, "history_user", None), "username", None) or gettext("pengguna lain")
        when = timezone.localtime(latest.history_date).strftime("%d-%m-%Y %H:%M") if latest else "?"
        data = self.data.copy()  # a QueryDict is immutable: refresh the token in a copy
        data[self.add_prefix(VERSION_FIELD)] = now
        self.data = data
        raise ValidationError(
            gettext(
                "Data ini sudah diubah oleh %(who)s (%(when)s) sejak Anda membuka formulir ini, sehingga isian "
                "Anda belum disimpan. Isian Anda tetap ada di formulir; isian yang kini tersimpan berbeda "
                "ditandai. Periksa, lalu tekan Simpan lagi bila Anda tetap ingin menyimpan isian Anda."
            )
            % {"who": who, "when": when},
            code="stale",
        )

    def _entered(self, model_field):
        """The value this person entered for ``model_field``, in the shape of :meth:`_state`."""
        name = model_field.name
        if name not in getattr(self, "cleaned_data", {}):
            return self.data.get(self.add_prefix(name))
        value = self.cleaned_data[name]
        if model_field.many_to_many:
            return sorted(getattr(v, "pk", v) for v in (value or []))
        if model_field.is_relation:
            return getattr(value, "pk", value)
        return value

    def _baseline(self, instance, history_id: str, model_fields) -> dict | None:
        """The values this person saw: the historical version named by the token (None if unknown)."""
        history = getattr(instance, "history", None)
        if history is None or not history_id.isdigit():
            return None
        record = history.filter(history_id=int(history_id)).first()
        if record is None:
            return None
        old = record.instance
        state = {}
        tracked = {f.name for f in getattr(type(record), "_history_m2m_fields", ())}
        for model_field in model_fields:
            if model_field.many_to_many:
                if model_field.name in tracked:
                    state[model_field.name] = sorted(links_at(record).get(model_field.name, []))
            else:
                state[model_field.name] = model_field.value_from_object(old)
        return state


class RegionForm(SafeFormMixin, forms.ModelForm):
    """Base of the forms of region-owned records."""

    # (field, message) pairs checked for uniqueness inside the region, case-insensitive.
    unique_in_region: tuple[tuple[str, str], ...] = ()

    def __init__(self, *args, access: Access, **kwargs):
        super().__init__(*args, **kwargs)
        self.access = access
        self.region = access.region
        if hasattr(self.instance, "region_id"):
            self.instance.region = self.region
        for name, field in self.fields.items():
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs.update(SMALL_TEXTAREA)
            if name in {"agency", "district", "period"}:
                field.queryset = field.queryset.filter(region=self.region)

    def clean(self):
        data = super().clean()
        model = self._meta.model
        for name, message in self.unique_in_region:
            value = data.get(name)
            if value in (None, ""):
                continue
            lookup = {f"{name}__iexact": value} if isinstance(value, str) else {name: value}
            clash = model.objects.filter(region=self.region, **lookup).exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error(name, ValidationError(message, params={"value": value}))
        return data

    def limit_agencies(self) -> None:
        """Offer only the agencies this user may attach records to (an operator: their own, required)."""
        self.fields["agency"].queryset = self.access.agencies_for_write()
        if self.access.limited_to is not None:
            self.fields["agency"].required = True
            self.fields["agency"].empty_label = None

    def _get_validation_exclusions(self):
        # The region is not a form field, but constraints "unique per region" must still be checked.
        exclude = super()._get_validation_exclusions()
        exclude.discard("region")
        return exclude


class ProfileForm(SafeFormMixin, forms.ModelForm):
    class Meta:
        model = Region
        fields = [
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
            "nomenclature",
            *SOURCE_FIELDS,
        ]

    def __init__(self, *args, access: Access, **kwargs):
        super().__init__(*args, **kwargs)
        self.access = access
        for field in self.fields.values():
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs.update(SMALL_TEXTAREA)
        # Not sent (a form posted before the field existed) means: keep the version the region has.
        self.fields["nomenclature"].required = False

    def clean_nomenclature(self) -> str:
        """Another version may not drop codes the region uses: a program or activity code that is in the current
        version but not in the new one refuses the change, naming the codes."""
        current = self.instance.nomenclature
        version = self.cleaned_data["nomenclature"] or current
        if not self.instance.pk or version == current:
            return version
        used = set(self.instance.programs.values_list("code", flat=True))
        used |= set(self.instance.activities.values_list("code", flat=True))
        lost = sorted(
            code
            for code in used
            if nomenclature.lookup(code, current) is not None and nomenclature.lookup(code, version) is None
        )
        if lost:
            raise ValidationError(
                _("Kode yang dipakai daerah ini tidak ada dalam versi itu: %(codes)s."),
                params={"codes": ", ".join(lost)},
            )
        return version


class RegionFromCodeForm(SafeFormMixin, forms.Form):
    """A new region from its official kabupaten/kota code (the superuser's page); the code is looked up in the
    area codes by the page, which also checks the slug."""

    code = forms.CharField(
        label=_("kode kabupaten/kota"),
        max_length=120,
        help_text=_("Kode wilayah Kemendagri, misalnya 62.06; ketik kode atau nama untuk mencari."),
        widget=forms.TextInput(attrs={"list": "kabkota-list", "autocomplete": "off"}),
    )
    slug = forms.CharField(
        label=_("kode singkat"),
        max_length=60,
        required=False,
        help_text=_(
            "Kosongkan untuk memakai nama daerah dalam huruf kecil, misalnya katingan untuk Kabupaten Katingan."
        ),
    )


class DistrictForm(RegionForm):
    unique_in_region = (("name", _("Kecamatan “%(value)s” sudah ada di daerah ini.")),)

    class Meta:
        model = District
        fields = ["code", "name", "capital", "desa", "kelurahan", "order", *SOURCE_FIELDS]


class RpjmdPeriodForm(RegionForm):
    unique_in_region = (
        ("start_year", _("Sudah ada periode RPJMD yang dimulai tahun %(value)s di daerah ini.")),
    )

    class Meta:
        model = RpjmdPeriod
        fields = ["start_year", "end_year", "regent", "vice_regent", "vision", *SOURCE_FIELDS]


class MissionForm(RegionForm):
    class Meta:
        model = Mission
        fields = ["period", "number", "text", "placeholder", *SOURCE_FIELDS]

    def clean(self):
        data = super().clean()
        period, number = data.get("period"), data.get("number")
        if period and number:
            clash = Mission.objects.filter(period=period, number=number).exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error(
                    "number",
                    ValidationError(
                        _("Misi nomor %(number)s sudah ada di %(period)s."),
                        params={"number": number, "period": period},
                    ),
                )
        return data


class AgencyForm(RegionForm):
    unique_in_region = (
        ("abbreviation", _("Singkatan “%(value)s” sudah dipakai di daerah ini.")),
        ("name", _("Perangkat daerah “%(value)s” sudah ada di daerah ini.")),
    )

    class Meta:
        model = Agency
        fields = ["name", "abbreviation", "kind", "district", *SOURCE_FIELDS]


class LocalWisdomForm(RegionForm):
    unique_in_region = (("name", _("Kearifan lokal “%(value)s” sudah tercatat di daerah ini.")),)

    class Meta:
        model = LocalWisdom
        fields = [
            "category",
            "name",
            "description",
            "community",
            "location",
            "custodian",
            "agency",
            *SOURCE_FIELDS,
        ]

    def __init__(self, *args, access: Access, **kwargs):
        super().__init__(*args, access=access, **kwargs)
        self.limit_agencies()


class GovernanceMemberForm(RegionForm):
    class Meta:
        model = GovernanceMember
        fields = [
            "body", "name", "position", "agency", "role", "sector", "start_year", "end_year", "order",
            *SOURCE_FIELDS,
        ]  # fmt: skip


class GovernanceBasisForm(RegionForm):
    class Meta:
        model = GovernanceBasis
        fields = ["body", "title", "number", "date", "placeholder", "start_year", "end_year", *SOURCE_FIELDS]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class MembershipForm(SafeFormMixin, forms.ModelForm):
    """Change a user's role (and agency) in the region."""

    class Meta:
        model = Membership
        fields = ["role", "agency"]

    def __init__(self, *args, access: Access, **kwargs):
        super().__init__(*args, **kwargs)
        self.access = access
        self.instance.region = access.region
        self.fields["agency"].queryset = Agency.objects.filter(region=access.region)

    def _get_validation_exclusions(self):
        exclude = super()._get_validation_exclusions()
        exclude.discard("region")
        return exclude


class NewMembershipForm(MembershipForm):
    """Give a user a role in the region: an existing user, or a new user with a password.

    Usernames are global, so a region admin neither adds an existing account directly nor learns whether one
    exists: naming an existing account issues an :class:`~kotacerdas.accounts.models.Invitation` that its owner
    accepts (a superuser still adds the account at once). New accounts a region admin creates live in the
    region's name space, ``<slug>.<name>``, so they cannot take a name meant for another region.
    """

    EXISTING, NEW = "existing", "new"
    mode = forms.ChoiceField(
        label=_("Akun pengguna"),
        choices=[(EXISTING, _("Pengguna yang sudah ada")), (NEW, _("Buat pengguna baru"))],
        widget=forms.RadioSelect,
        initial=EXISTING,
    )
    username = forms.CharField(label=_("Nama pengguna"), max_length=150)
    password1 = forms.CharField(
        label=_("Kata sandi"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Hanya untuk pengguna baru."),
    )
    password2 = forms.CharField(
        label=_("Ulangi kata sandi"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    field_order = ["mode", "username", "password1", "password2", "role", "agency"]

    def __init__(self, *args, access: Access, **kwargs):
        super().__init__(*args, access=access, **kwargs)
        self.invite = False
        self.namespace = access.new_username_prefix()
        if not access.may_add_existing_user_directly():
            self.fields["username"].help_text = _(
                "Pengguna yang sudah ada menerima kode undangan dan harus menyetujuinya. Nama pengguna baru "
                "diawali kode daerah: %(prefix)s…"
            ) % {"prefix": self.namespace}

    def clean(self):
        data = super().clean()
        User = get_user_model()
        username = (data.get("username") or "").strip()
        mode = data.get("mode")
        if not username or not mode:
            return data
        if mode == self.NEW and not username.startswith(self.namespace):
            username = self.namespace + username
        data["username"] = username
        existing = User.objects.filter(username__iexact=username).first()
        if mode == self.EXISTING:
            member = Membership.objects.filter(user__username__iexact=username, region=self.access.region)
            if member.exists():
                self.add_error("username", _("Pengguna ini sudah punya peran di daerah ini."))
            elif not self.access.may_add_existing_user_directly():
                self.invite = True  # whether the account exists is for its owner to show, not for this form
            elif existing is None:
                self.add_error("username", _("Tidak ada pengguna dengan nama “%(u)s”.") % {"u": username})
            else:
                self.instance.user = existing
        else:
            if existing is not None:
                self.add_error("username", _("Nama pengguna “%(u)s” sudah dipakai.") % {"u": username})
            elif len(username) > 150:
                self.add_error("username", _("Nama pengguna terlalu panjang (paling banyak 150 karakter)."))
            else:
                try:
                    User.username_validator(username)
                except ValidationError as error:
                    self.add_error("username", error)
            p1, p2 = data.get("password1") or "", data.get("password2") or ""
            if not p1:
                self.add_error("password1", _("Isi kata sandi untuk pengguna baru."))
            elif p1 != p2:
                self.add_error("password2", _("Kedua kata sandi tidak sama."))
            else:
                candidate = User(username=username)
                candidate.password_regions = [self.access.region]
                try:
                    validate_password(p1, candidate)
                except ValidationError as error:
                    self.add_error("password1", error)
        return data

    def save(self, commit=True):
        if self.invite:
            invitation, self.invitation_code = Invitation.issue(
                region=self.access.region,
                username=self.cleaned_data["username"],
                role=self.cleaned_data["role"],
                agency=self.cleaned_data.get("agency"),
                created_by_id=self.access.user_id,
            )
            return invitation
        if self.cleaned_data["mode"] == self.NEW:
            User = get_user_model()
            self.instance.user = User.objects.create_user(
                self.cleaned_data["username"], password=self.cleaned_data["password1"]
            )
        return super().save(commit=commit)


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class UploadForm(SafeFormMixin, forms.Form):
    file = forms.FileField(
        label=_("Berkas workbook (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx," + XLSX}),
    )


#: The hidden input of a grid cell that carries the value the cell had when the page was rendered.
SEEN_PREFIX = "seen-"


def cell_conflict(data, name: str, stored, entered, *, parse=lambda raw: raw, show=None) -> str | None:
    """Optimistic concurrency for one cell of an editable grid (many records, one value each).

    The grid renders, next to every input ``name``, a hidden ``seen-<name>`` holding the value stored when the page
    was rendered. On save, a cell whose stored value changed since (``parse(seen) != stored``) while this person
    entered something else than what is now stored is a conflict: the message returned (Indonesian first) names
    the value stored now and the value entered; the caller refuses the whole grid, shows the person's input again
    and renders the stored values as the new ``seen-`` values, so that saving again wins deliberately. A cell this
    person left as it was (:func:`cell_untouched`) is no conflict: the caller leaves it alone, so another person's
    change to it is kept. A cell without ``seen-`` (an older page, a script) is not checked.
    """
    key = SEEN_PREFIX + name
    if key not in data:
        return None
    try:
        seen = parse(data.get(key))
    except (ValidationError, ValueError):
        return None
    if seen == stored or entered == stored or entered == seen:
        return None

    def shown(value) -> str:
        if value is None or value == "":
            return "—"
        return show(value) if show is not None else str(value)

    return gettext("Sekarang tersimpan: “%(stored)s” — isian Anda: “%(entered)s”.") % {
        "stored": shown(stored),
        "entered": shown(entered),
    }


def cell_untouched(data, name: str, entered, *, parse=lambda raw: raw) -> bool:
    """Whether this person left grid cell ``name`` as it was rendered (so saving must not write it)."""
    key = SEEN_PREFIX + name
    if key not in data:
        return False
    try:
        return parse(data.get(key)) == entered
    except (ValidationError, ValueError):
        return False


def grid_conflict_message(n: int) -> str:
    """What to say above a grid refused because ``n`` of its cells were changed by someone else meanwhile."""
    return gettext(
        "Tidak ada yang disimpan: %(n)d sel sudah diubah orang lain sejak Anda membuka halaman ini (ditandai). "
        "Isian Anda tetap ada; periksa, lalu simpan lagi bila Anda tetap ingin menyimpan isian Anda."
    ) % {"n": n}


def seen_text(field: forms.Field, value) -> str:
    """The ``seen-`` value of a grid cell: the stored ``value`` as the cell's input shows it."""
    if value is None:
        return ""
    return formats.localize_input(value) if field.localize else str(value)


def check_grid_cells(form: forms.Form, stored: dict, *, show=None) -> set[str]:
    """Apply :func:`cell_conflict` to the fields of ``form`` named in ``stored`` (field name -> value stored now).

    Call from ``clean()``. A cell changed by someone else while this person entered something else gets the
    message on its field and the form a message for the whole grid (so nothing is saved and the input stays).
    A cell this person left as rendered takes the value stored now (so another person's change is kept); the
    names of such cells whose stored value changed meanwhile are returned, for the caller not to write them.
    ``form.stale_cells`` is the number of conflicting cells. ``show`` shows a value (or maps a field name to
    such a function).
    """
    kept: set[str] = set()
    stale = 0
    for name, now in stored.items():
        if name not in form.cleaned_data:
            continue  # invalid input: its own error is shown
        entered = form.cleaned_data[name]
        html = form.add_prefix(name)
        parse = form.fields[name].to_python
        if cell_untouched(form.data, html, entered, parse=parse):
            if entered != now:
                kept.add(name)
                form.cleaned_data[name] = now
            continue
        shower = show.get(name) if isinstance(show, dict) else show
        message = cell_conflict(form.data, html, now, entered, parse=parse, show=shower)
        if message:
            form.add_error(name, ValidationError(message, code="stale"))
            stale += 1
    form.stale_cells = stale
    if stale:
        form.add_error(None, ValidationError(grid_conflict_message(stale), code="stale"))
    return kept
