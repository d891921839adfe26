"""The region workspace: profile, districts, RPJMD, agencies, local wisdom, governance bodies and memberships.

Every record of every later stage belongs to exactly one :class:`Region`, so many regions share one database.
Every model keeps its full history (django-simple-history): who changed what and when, with revert.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kotacerdas.framework.models import Framework
from kotacerdas.framework.reference import DEFAULT_FRAMEWORK
from kotacerdas.reference import nomenclature
from kotacerdas.regions.labels import related_label as rl

#: The versions of the national planning nomenclature a region may plan with (``kotacerdas.reference``).
NOMENCLATURE_CHOICES = [(key, version.name) for key, version in nomenclature.VERSIONS.items()]


class Sourced(models.Model):
    """Where a fact comes from, and whether it is only an illustration ("contoh ilustratif")."""

    source = models.TextField(_("sumber"), blank=True, help_text=_("Dari mana fakta ini berasal."))
    illustrative = models.BooleanField(
        _("contoh ilustratif"), default=False, help_text=_("Tandai bila isinya contoh, bukan data resmi.")
    )

    class Meta:
        abstract = True


class Region(Sourced):
    class Kind(models.TextChoices):
        KABUPATEN = "kabupaten", _("Kabupaten")
        KOTA = "kota", _("Kota")

    slug = models.SlugField(
        _("kode singkat"), max_length=60, unique=True, help_text=_("Huruf kecil, angka dan tanda hubung.")
    )
    name = models.CharField(_("nama"), max_length=120, help_text=_("Misalnya: Katingan"))
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices, default=Kind.KABUPATEN)
    province = models.CharField(_("provinsi"), max_length=120)
    kemendagri_code = models.CharField(
        _("kode Kemendagri"),
        max_length=20,
        blank=True,
        validators=[
            RegexValidator(
                r"^\d{2}\.\d{2}$", _("Format kode Kemendagri: dua angka, titik, dua angka (62.06).")
            )
        ],
    )
    bps_code = models.CharField(
        _("kode BPS"),
        max_length=10,
        blank=True,
        validators=[
            RegexValidator(r"^\d{4}$", _("Kode BPS kabupaten/kota terdiri atas empat angka (6209)."))
        ],
    )
    capital = models.CharField(_("ibu kota"), max_length=120, blank=True)
    area_km2 = models.DecimalField(
        _("luas (km²)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    population = models.PositiveIntegerField(_("jumlah penduduk"), null=True, blank=True)
    population_year = models.PositiveIntegerField(
        _("tahun data penduduk"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    motto = models.CharField(_("semboyan"), max_length=200, blank=True)
    description = models.TextField(_("deskripsi"), blank=True)
    framework = models.ForeignKey(
        "framework.Framework",
        on_delete=models.PROTECT,
        related_name="regions",
        verbose_name=_("kerangka"),
    )
    nomenclature = models.CharField(
        _("versi nomenklatur"),
        max_length=60,
        choices=NOMENCLATURE_CHOICES,
        default=nomenclature.DEFAULT_VERSION,
        help_text=_(
            "Versi nomenklatur perencanaan (Kepmendagri 050-5889/2021 dan perubahannya) yang menjadi acuan kode "
            "program, kegiatan dan sub kegiatan daerah ini."
        ),
    )
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("daerah")
        verbose_name_plural = _("daerah")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return f"{self.get_kind_display()} {self.name}"

    def clean(self) -> None:
        if self.population is not None and self.population_year is None:
            raise ValidationError({"population_year": _("Sebutkan tahun data jumlah penduduk.")})

    def save(self, *args, **kwargs):
        if self.framework_id is None:
            self.framework = Framework.objects.get(slug=DEFAULT_FRAMEWORK)
        super().save(*args, **kwargs)


def check_same_region(instance, field: str) -> None:
    """Refuse a link from a region's record to a record of another region (``field`` names the link)."""
    related = getattr(instance, field, None)
    if related is not None and instance.region_id and related.region_id != instance.region_id:
        raise ValidationError({field: _("Data ini milik daerah lain.")})


class RegionOwned(Sourced):
    """Base of every record that belongs to one region."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+", verbose_name=_("daerah"))

    class Meta:
        abstract = True

    def owning_agency(self):
        """The agency (OPD) that owns this record, or None for records only the region admin manages."""
        return None


class DistrictQuerySet(models.QuerySet):
    def counted(self) -> DistrictQuerySet:
        """Each district with its desa and kelurahan counted from its listed villages in one query (``n_desa``,
        ``n_kelurahan`` read them; a district without a village list keeps its stored counts)."""
        return self.annotate(
            listed_villages=models.Count("village_list"),
            listed_desa=models.Count("village_list", filter=models.Q(village_list__kind="desa")),
            listed_kelurahan=models.Count("village_list", filter=models.Q(village_list__kind="kelurahan")),
        )


class District(RegionOwned):
    """A kecamatan (or a kota's district) with its official code and its desa and kelurahan: listed one by one
    (:class:`Village`) when known from the official area codes, otherwise only counted (``desa``, ``kelurahan``)."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="districts")
    code = models.CharField(
        _("kode wilayah"),
        max_length=20,
        blank=True,
        validators=[
            RegexValidator(
                r"^\d{2}\.\d{2}\.\d{2}$", _("Format kode kecamatan: tiga pasang angka bertitik (62.06.01).")
            )
        ],
        help_text=_("Kode kecamatan menurut kode wilayah Kemendagri, misalnya 62.06.01."),
    )
    name = models.CharField(_("nama kecamatan"), max_length=120)
    capital = models.CharField(_("ibu kota kecamatan"), max_length=120, blank=True)
    desa = models.PositiveIntegerField(_("jumlah desa"), default=0)
    kelurahan = models.PositiveIntegerField(_("jumlah kelurahan"), default=0)
    order = models.PositiveIntegerField(_("urutan"), default=0)
    history = HistoricalRecords()

    objects = DistrictQuerySet.as_manager()

    class Meta:
        verbose_name = _("kecamatan")
        verbose_name_plural = _("kecamatan")
        ordering = ["region", "order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="district_name_per_region"),
            models.UniqueConstraint(
                fields=["region", "code"], condition=~models.Q(code=""), name="district_code_per_region"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def _listed(self) -> tuple[int, int, int]:
        if hasattr(self, "listed_villages"):
            return self.listed_villages, self.listed_desa, self.listed_kelurahan
        if self.pk is None:
            return 0, 0, 0
        kinds = list(self.village_list.values_list("kind", flat=True))
        return len(kinds), kinds.count(Village.Kind.DESA), kinds.count(Village.Kind.KELURAHAN)

    @property
    def n_desa(self) -> int:
        """The desa: counted from the listed villages when there are any, else the stored count."""
        listed, desa, _kelurahan = self._listed()
        return desa if listed else self.desa

    @property
    def n_kelurahan(self) -> int:
        listed, _desa, kelurahan = self._listed()
        return kelurahan if listed else self.kelurahan

    @property
    def villages(self) -> int:
        return self.n_desa + self.n_kelurahan

    def clean(self) -> None:
        listed, desa, kelurahan = self._listed()
        if listed and (self.desa, self.kelurahan) != (desa, kelurahan):
            raise ValidationError(
                _(
                    "Jumlah desa dan kelurahan harus sama dengan daftar desa/kelurahannya: %(desa)s desa, "
                    "%(kelurahan)s kelurahan."
                )
                % {"desa": desa, "kelurahan": kelurahan}
            )


class Village(RegionOwned):
    """A desa or kelurahan of a district, with its official code (Kepmendagri area codes) when known."""

    class Kind(models.TextChoices):
        DESA = "desa", _("Desa")
        KELURAHAN = "kelurahan", _("Kelurahan")

    district = models.ForeignKey(
        District, on_delete=models.CASCADE, related_name="village_list", verbose_name=_("kecamatan")
    )
    code = models.CharField(
        _("kode wilayah"),
        max_length=20,
        blank=True,
        validators=[
            RegexValidator(
                r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$",
                _("Format kode desa/kelurahan: 62.06.02.1003."),
            )
        ],
    )
    name = models.CharField(_("nama desa/kelurahan"), max_length=120)
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("desa/kelurahan")
        verbose_name_plural = _("desa/kelurahan")
        ordering = ["district", "code", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "code"], condition=~models.Q(code=""), name="village_code_per_region"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.name}"

    def clean(self) -> None:
        check_same_region(self, "district")
        district = self.district if self.district_id else None
        if (
            district is not None
            and district.code
            and self.code
            and not self.code.startswith(district.code + ".")
        ):
            raise ValidationError({"code": _("Kode desa/kelurahan harus diawali kode kecamatannya.")})


class RpjmdPeriod(RegionOwned):
    """A five-year regional medium-term development plan (RPJMD) with its vision and missions."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="rpjmd_periods")
    start_year = models.PositiveIntegerField(
        _("tahun awal"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    end_year = models.PositiveIntegerField(
        _("tahun akhir"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    regent = models.CharField(_("bupati/wali kota"), max_length=160, blank=True)
    vice_regent = models.CharField(_("wakil bupati/wakil wali kota"), max_length=160, blank=True)
    vision = models.TextField(_("visi"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("periode RPJMD")
        verbose_name_plural = _("periode RPJMD")
        ordering = ["region", "-start_year"]
        constraints = [
            models.UniqueConstraint(fields=["region", "start_year"], name="rpjmd_start_per_region"),
            models.CheckConstraint(
                condition=models.Q(end_year__gte=models.F("start_year")), name="rpjmd_years"
            ),
        ]

    def __str__(self) -> str:
        return f"RPJMD {self.start_year}–{self.end_year}"

    def clean(self) -> None:
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("Tahun akhir tidak boleh sebelum tahun awal.")})


class Mission(RegionOwned):
    """A numbered RPJMD mission. A placeholder marks a mission whose wording is still to be confirmed."""

    period = models.ForeignKey(RpjmdPeriod, on_delete=models.CASCADE, related_name="missions")
    number = models.PositiveSmallIntegerField(_("nomor"), validators=[MinValueValidator(1)])
    text = models.TextField(_("bunyi misi"), blank=True)
    placeholder = models.BooleanField(
        _("belum dikonfirmasi"),
        default=False,
        help_text=_("Bunyi misi belum ditemukan di sumber resmi; isi setelah dikonfirmasi."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("misi")
        verbose_name_plural = _("misi")
        ordering = ["period", "number"]
        constraints = [models.UniqueConstraint(fields=["period", "number"], name="mission_number_per_period")]

    def __str__(self) -> str:
        return f"Misi {self.number}"

    def clean(self) -> None:
        if not self.placeholder and not self.text.strip():
            raise ValidationError({"text": _("Tuliskan bunyi misi, atau tandai sebagai belum dikonfirmasi.")})
        if self.period_id and self.region_id and self.period.region_id != self.region_id:
            raise ValidationError(_("Misi harus berada di daerah yang sama dengan periode RPJMD-nya."))


class Agency(RegionOwned):
    """A perangkat daerah (OPD)."""

    class Kind(models.TextChoices):
        SEKRETARIAT = "sekretariat", _("Sekretariat")
        DINAS = "dinas", _("Dinas")
        BADAN = "badan", _("Badan")
        KECAMATAN = "kecamatan", _("Kecamatan")
        INSPEKTORAT = "inspektorat", _("Inspektorat")
        OTHER = "other", _("Lainnya")

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="agencies")
    name = models.CharField(_("nama perangkat daerah"), max_length=200)
    abbreviation = models.CharField(_("singkatan"), max_length=40)
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)
    district = models.ForeignKey(
        District,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="offices",
        verbose_name=_("kecamatan"),
        help_text=_("Untuk kantor kecamatan: kecamatan yang dilayani."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("perangkat daerah")
        verbose_name_plural = _("perangkat daerah")
        ordering = ["region", "kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["region", "abbreviation"], name="agency_abbreviation_per_region"),
            models.UniqueConstraint(fields=["region", "name"], name="agency_name_per_region"),
        ]

    def __str__(self) -> str:
        return self.abbreviation

    def clean(self) -> None:
        if self.district_id and self.region_id and self.district.region_id != self.region_id:
            raise ValidationError({"district": _("Kecamatan ini milik daerah lain.")})


class LocalWisdom(RegionOwned):
    """An item of the local wisdom (kearifan lokal) catalogue (method.md §8).

    An item may be recorded by an agency (for example the culture office); its operators may then edit it.
    """

    AGENCY_OWNED = True

    class Category(models.TextChoices):
        NILAI_NORMA = "nilai_norma", _("Nilai dan norma")
        LEMBAGA_ADAT = "lembaga_adat", _("Lembaga adat")
        PENGETAHUAN_PRAKTIK = "pengetahuan_praktik", _("Pengetahuan dan praktik")
        SENI_KERAJINAN = "seni_kerajinan", _("Seni dan kerajinan")
        BAHASA = "bahasa", _("Bahasa")
        SITUS_RUANG = "situs_ruang", _("Situs dan ruang")

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="local_wisdom")
    category = models.CharField(_("kategori"), max_length=30, choices=Category.choices)
    name = models.CharField(_("nama"), max_length=200)
    description = models.TextField(_("deskripsi"))
    community = models.CharField(_("komunitas"), max_length=200, blank=True)
    location = models.CharField(_("lokasi"), max_length=200, blank=True)
    custodian = models.CharField(
        _("pemangku"),
        max_length=200,
        blank=True,
        help_text=_("Siapa yang dimintai persetujuan, misalnya Damang Kepala Adat Kecamatan Katingan Hilir."),
    )
    agency = models.ForeignKey(
        Agency,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="local_wisdom",
        verbose_name=_("dicatat oleh OPD"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kearifan lokal")
        verbose_name_plural = _("kearifan lokal")
        ordering = ["region", "category", "name"]
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="local_wisdom_name_per_region")
        ]

    def __str__(self) -> str:
        return self.name

    def owning_agency(self):
        return self.agency

    def clean(self) -> None:
        if self.agency_id and self.region_id and self.agency.region_id != self.region_id:
            raise ValidationError({"agency": _("Perangkat daerah ini milik daerah lain.")})


class GovernanceMember(RegionOwned):
    """A member of the Dewan Smart City or the Tim Pelaksana, with the pentahelix sector they speak for and, when
    the membership follows a term of office (a regent chairs the Dewan only while in office), its years."""

    class Body(models.TextChoices):
        DEWAN = "dewan", _("Dewan Smart City")
        TIM_PELAKSANA = "tim_pelaksana", _("Tim Pelaksana Smart City")

    class Role(models.TextChoices):
        KETUA = "ketua", _("Ketua")
        WAKIL_KETUA = "wakil_ketua", _("Wakil ketua")
        SEKRETARIS = "sekretaris", _("Sekretaris")
        KOORDINATOR = "koordinator", _("Koordinator pilar")
        ANGGOTA = "anggota", _("Anggota")

    class Sector(models.TextChoices):
        """The pentahelix: the five sectors a smart-city body draws on, plus adat (customary institutions)."""

        PEMERINTAH = "pemerintah", _("Pemerintah")
        AKADEMISI = "akademisi", _("Akademisi")
        DUNIA_USAHA = "dunia_usaha", _("Dunia usaha")
        MASYARAKAT = "masyarakat", _("Komunitas/masyarakat")
        MEDIA = "media", _("Media")
        ADAT = "adat", _("Adat")

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="governance_members")
    body = models.CharField(_("lembaga"), max_length=20, choices=Body.choices)
    name = models.CharField(_("nama"), max_length=160)
    position = models.CharField(_("jabatan"), max_length=200, blank=True)
    agency = models.ForeignKey(
        Agency,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="governance_members",
        verbose_name=_("perangkat daerah"),
    )
    role = models.CharField(
        _("peran dalam lembaga"), max_length=20, choices=Role.choices, default=Role.ANGGOTA
    )
    sector = models.CharField(
        _("unsur pentahelix"),
        max_length=20,
        choices=Sector.choices,
        blank=True,
        help_text=_(
            "Unsur yang diwakili: pemerintah, akademisi, dunia usaha, komunitas/masyarakat, media, adat."
        ),
    )
    start_year = models.PositiveIntegerField(
        _("mulai tahun"), null=True, blank=True, validators=[MinValueValidator(1945), MaxValueValidator(2100)]
    )
    end_year = models.PositiveIntegerField(
        _("sampai tahun"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1945), MaxValueValidator(2100)],
        help_text=_("Kosongkan bila keanggotaan tidak terikat masa jabatan."),
    )
    order = models.PositiveIntegerField(_("urutan"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("anggota tata kelola")
        verbose_name_plural = _("anggota tata kelola")
        ordering = ["region", "body", "order", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()}, {self.get_body_display()})"

    def clean(self) -> None:
        if self.agency_id and self.region_id and self.agency.region_id != self.region_id:
            raise ValidationError({"agency": _("Perangkat daerah ini milik daerah lain.")})
        _check_years(self)


def _check_years(obj) -> None:
    if obj.start_year is not None and obj.end_year is not None and obj.end_year < obj.start_year:
        raise ValidationError({"end_year": _("Tahun akhir tidak boleh sebelum tahun mulai.")})


class GovernanceBasis(RegionOwned):
    """The legal basis of a smart-city body: the regent's decree (SK) that forms it, for the years it applies.

    A decree not found in open sources is recorded as a placeholder (``placeholder``) with no number or date, never
    with an invented one.
    """

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="governance_bases")
    body = models.CharField(_("lembaga"), max_length=20, choices=GovernanceMember.Body.choices)
    title = models.CharField(
        _("judul keputusan"),
        max_length=300,
        blank=True,
        help_text=_("Misalnya: Keputusan Bupati tentang Pembentukan Dewan Smart City."),
    )
    number = models.CharField(_("nomor SK"), max_length=120, blank=True)
    date = models.DateField(_("tanggal SK"), null=True, blank=True)
    placeholder = models.BooleanField(
        _("SK belum ditemukan"),
        default=False,
        help_text=_(
            "Tandai bila SK belum ditemukan di sumber terbuka; jangan isi nomor atau tanggal karangan."
        ),
    )
    start_year = models.PositiveIntegerField(
        _("mulai tahun"), null=True, blank=True, validators=[MinValueValidator(1945), MaxValueValidator(2100)]
    )
    end_year = models.PositiveIntegerField(
        _("sampai tahun"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1945), MaxValueValidator(2100)],
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("dasar hukum lembaga tata kelola")
        verbose_name_plural = _("dasar hukum lembaga tata kelola")
        ordering = ["region", "body", "start_year", "number"]

    def __str__(self) -> str:
        what = self.number or _("SK belum ditemukan di sumber terbuka")
        return f"{self.get_body_display()}: {what}"

    def clean(self) -> None:
        if self.placeholder and (self.number.strip() or self.date):
            raise ValidationError(
                {
                    "number": _(
                        "SK yang belum ditemukan tidak punya nomor atau tanggal; hapus centang atau isiannya."
                    )
                }
            )
        if not self.placeholder and not self.number.strip():
            raise ValidationError(
                {"number": _("Tuliskan nomor SK, atau tandai bahwa SK belum ditemukan di sumber terbuka.")}
            )
        _check_years(self)


class Role(models.TextChoices):
    ADMIN = "admin", _("Admin daerah")
    OPERATOR = "operator", _("Operator OPD")
    REVIEWER = "reviewer", _("Penelaah")
    VIEWER = "viewer", _("Pembaca")


class Membership(models.Model):
    """A user's role in one region. A user may hold roles in several regions (one role per region)."""

    ADMIN_ONLY_READ = True  # only the region admin sees the users' roles (permissions.Access.can_list)

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("peran"), max_length=20, choices=Role.choices)
    agency = models.ForeignKey(
        Agency,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="operators",
        verbose_name=_("perangkat daerah"),
        help_text=_("Wajib untuk operator; kosong untuk peran lain."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("keanggotaan")
        verbose_name_plural = _("keanggotaan")
        ordering = ["region", "role", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["user", "region"], name="one_role_per_user_and_region"),
            models.CheckConstraint(
                condition=(models.Q(role="operator", agency__isnull=False) | ~models.Q(role="operator")),
                name="operator_has_agency",
            ),
        ]

    def __str__(self) -> str:
        return f"{rl(self, 'user')} · {self.get_role_display()} · {rl(self, 'region')}"

    def clean(self) -> None:
        if self.role == Role.OPERATOR and not self.agency_id:
            raise ValidationError({"agency": _("Operator harus terikat pada satu perangkat daerah.")})
        if self.role != Role.OPERATOR and self.agency_id:
            raise ValidationError({"agency": _("Hanya operator yang terikat pada perangkat daerah.")})
        if self.agency_id and self.region_id and self.agency.region_id != self.region_id:
            raise ValidationError({"agency": _("Perangkat daerah ini milik daerah lain.")})
