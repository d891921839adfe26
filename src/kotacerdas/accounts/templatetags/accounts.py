from django import template
from django.urls import reverse

from kotacerdas.regions.models import Membership

register = template.Library()


@register.simple_tag
def password_reset_url(access, obj) -> str:
    """The link to give ``obj``'s user a temporary password, when ``access`` allows it; else empty."""
    if isinstance(obj, Membership) and access is not None and access.can_reset_password(obj.user):
        return reverse("password-reset", kwargs={"slug": access.region.slug, "pk": obj.pk})
    return ""
