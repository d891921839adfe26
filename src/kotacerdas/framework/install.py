"""Install a framework version from :mod:`kotacerdas.framework.reference` (used by the data migration)."""

from __future__ import annotations

from .reference import VERSIONS


def install(apps, slug: str) -> None:
    version = VERSIONS[slug]
    Framework = apps.get_model("framework", "Framework")
    Pillar = apps.get_model("framework", "Pillar")
    Element = apps.get_model("framework", "Element")
    ReadinessElement = apps.get_model("framework", "ReadinessElement")
    ReadinessAspect = apps.get_model("framework", "ReadinessAspect")
    fw, _ = Framework.objects.update_or_create(
        slug=version.slug, defaults={"name": version.name, "year": version.year, "source": version.source}
    )
    for i, group in enumerate(version.pillars, start=1):
        pillar, _ = Pillar.objects.update_or_create(
            framework=fw, slug=group.slug, defaults={"name": group.name, "name_en": group.name_en, "order": i}
        )
        for j, item in enumerate(group.items, start=1):
            Element.objects.update_or_create(
                pillar=pillar,
                slug=item.slug,
                defaults={"name": item.name, "name_en": item.name_en, "order": j},
            )
    for i, group in enumerate(version.readiness, start=1):
        element, _ = ReadinessElement.objects.update_or_create(
            framework=fw, slug=group.slug, defaults={"name": group.name, "name_en": group.name_en, "order": i}
        )
        for j, item in enumerate(group.items, start=1):
            ReadinessAspect.objects.update_or_create(
                element=element,
                slug=item.slug,
                defaults={"name": item.name, "name_en": item.name_en, "order": j},
            )
