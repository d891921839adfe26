"""Forms of the region workspace.

Every form knows its region: choices of related records (agencies, districts, periods) come from that region only,
uniqueness "per region" is checked with a clear Indonesian message, and the model's own ``clean()`` runs through
the ModelForm so the model's rules apply everywhere.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kotacerdas.permissions import Access
from kotacerdas.regions.models import (
    Agency,
    District,
    GovernanceMember,
    LocalWisdom,
    Membership,
    Mission,
    Region,
    RpjmdPeriod,
)

SOURCE_FIELDS = ["source", "illustrative"]
SMALL_TEXTAREA = {"rows": 3}


class RegionForm(forms.ModelForm):
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


class ProfileForm(forms.ModelForm):
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
            *SOURCE_FIELDS,
        ]

    def __init__(self, *args, access: Access, **kwargs):
        super().__init__(*args, **kwargs)
        self.access = access
        for field in self.fields.values():
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs.update(SMALL_TEXTAREA)


class DistrictForm(RegionForm):
    unique_in_region = (("name", _("Kecamatan “%(value)s” sudah ada di daerah ini.")),)

    class Meta:
        model = District
        fields = ["name", "capital", "desa", "kelurahan", "order", *SOURCE_FIELDS]


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
        fields = ["body", "name", "position", "agency", "role", "order", *SOURCE_FIELDS]


class MembershipForm(forms.ModelForm):
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
            from kotacerdas.accounts.models import Invitation

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


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Berkas workbook (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx," + XLSX}),
    )
