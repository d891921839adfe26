"""Reference data: the framework's pillars and elements, and the readiness elements and aspects.

Installed by migration and read-only in the user interface; a region points at the framework version it uses.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Framework(models.Model):
    slug = models.SlugField(_("kode versi"), max_length=40, unique=True)
    name = models.CharField(_("nama"), max_length=200)
    year = models.PositiveIntegerField(_("tahun"))
    source = models.TextField(_("sumber"), blank=True)

    class Meta:
        verbose_name = _("kerangka")
        verbose_name_plural = _("kerangka")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name


class Pillar(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="pillars")
    slug = models.SlugField(max_length=40)
    name = models.CharField(_("nama"), max_length=100)
    name_en = models.CharField(_("nama (Inggris)"), max_length=100)
    order = models.PositiveSmallIntegerField(_("urutan"))

    class Meta:
        verbose_name = _("pilar")
        verbose_name_plural = _("pilar")
        ordering = ["framework", "order"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "slug"], name="pillar_slug_per_framework")
        ]

    def __str__(self) -> str:
        return self.name


class Element(models.Model):
    pillar = models.ForeignKey(Pillar, on_delete=models.PROTECT, related_name="elements")
    slug = models.SlugField(max_length=40)
    name = models.CharField(_("nama"), max_length=100)
    name_en = models.CharField(_("nama (Inggris)"), max_length=100)
    order = models.PositiveSmallIntegerField(_("urutan"))

    class Meta:
        verbose_name = _("elemen")
        verbose_name_plural = _("elemen")
        ordering = ["pillar__order", "order"]
        constraints = [models.UniqueConstraint(fields=["pillar", "slug"], name="element_slug_per_pillar")]

    def __str__(self) -> str:
        return self.name


class ReadinessElement(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="readiness_elements")
    slug = models.SlugField(max_length=40)
    name = models.CharField(_("nama"), max_length=100)
    name_en = models.CharField(_("nama (Inggris)"), max_length=100)
    order = models.PositiveSmallIntegerField(_("urutan"))

    class Meta:
        verbose_name = _("elemen kesiapan")
        verbose_name_plural = _("elemen kesiapan")
        ordering = ["framework", "order"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "slug"], name="readiness_element_slug_per_framework")
        ]

    def __str__(self) -> str:
        return self.name


class ReadinessAspect(models.Model):
    element = models.ForeignKey(ReadinessElement, on_delete=models.PROTECT, related_name="aspects")
    slug = models.SlugField(max_length=40)
    name = models.CharField(_("nama"), max_length=100)
    name_en = models.CharField(_("nama (Inggris)"), max_length=100)
    order = models.PositiveSmallIntegerField(_("urutan"))

    class Meta:
        verbose_name = _("aspek kesiapan")
        verbose_name_plural = _("aspek kesiapan")
        ordering = ["element__order", "order"]
        constraints = [
            models.UniqueConstraint(fields=["element", "slug"], name="readiness_aspect_slug_per_element")
        ]

    def __str__(self) -> str:
        return self.name
