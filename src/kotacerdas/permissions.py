"""Who may do what: the one place where the server decides.

Roles are per region (:class:`kotacerdas.regions.models.Membership`):

- **admin**: reads and writes everything in the region;
- **operator**: reads everything in the region; creates and edits only records that belong to their agency (a model
  says which agency owns a record through ``owning_agency()``; records without an owning agency, such as the
  profile, the RPJMD, the governance bodies or the users' roles, are the admin's);
- **reviewer**: reads everything in the region (and, later, comments);
- **viewer**: reads.

A Django superuser is treated as admin of every region. Nobody sees anything of a region they hold no role in.
Views never decide on their own: they call the functions here (or :func:`get_region_for_user` and
:func:`require_write`), and the role matrix in ``tests/test_permissions_matrix.py`` checks every persona.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from kotacerdas.regions.models import Agency, Membership, Region, Role


@dataclass(frozen=True)
class Access:
    """What one user may do in one region."""

    region: Region
    role: str | None
    agency: Agency | None = None
    superuser: bool = False
    #: the user this access belongs to (None for an anonymous user or a built-in access such as an import's)
    user_id: int | None = None

    @property
    def can_read(self) -> bool:
        return self.superuser or self.role is not None

    @property
    def is_admin(self) -> bool:
        return self.superuser or self.role == Role.ADMIN

    @property
    def is_operator(self) -> bool:
        return not self.superuser and self.role == Role.OPERATOR

    def can_write(self, obj=None, *, agency: Agency | None = None) -> bool:
        """May this user create or change ``obj`` (or a new record owned by ``agency``)?"""
        if obj is not None:
            if getattr(obj, "region_id", self.region.pk) != self.region.pk:
                return False
            owner = obj.owning_agency() if hasattr(obj, "owning_agency") else None
            if isinstance(obj, Region):
                owner = None
        else:
            owner = agency
        if self.is_admin:
            return True
        if self.is_operator and owner is not None:
            return owner.pk == self.agency.pk
        return False

    def can_delete(self, obj) -> bool:
        """May this user delete ``obj``? As for writing it, except that the region itself is never deleted
        here and nobody revokes their own role (a region keeps the admin who is working in it)."""
        if isinstance(obj, Region):
            return False
        if isinstance(obj, Membership) and obj.user_id == self.user_id:
            return False
        return self.can_write(obj)

    def may_delete_with(self, obj, owners) -> bool:
        """May this user delete ``obj`` given the records that depend on it (``owners``: the owning agency of
        each record the deletion would delete or unlink, None for a record of the region admin)?

        An admin may, after seeing the list. An operator may only when every one of those records is their own
        agency's: deleting their SWOT factor must not silently delete another agency's ratings of it, nor strip
        it from the admin's strategies.
        """
        if not self.can_delete(obj):
            return False
        if self.is_admin:
            return True
        return not self.foreign_owners(owners)

    def foreign_owners(self, owners) -> list:
        """Of ``owners``, the ones that are not this user's own agency (None: the region admin's records)."""
        own = self.agency.pk if self.agency is not None else None
        return [owner for owner in owners if owner is None or owner.pk != own]

    def can_create(self, model, *, agency: Agency | None = None) -> bool:
        """May this user create a record of ``model`` (owned by ``agency`` when the model is agency-owned)?"""
        if self.is_admin:
            return True
        if self.is_operator and agency is not None and _agency_owned(model):
            return agency.pk == self.agency.pk
        return False

    def can_create_any(self, model) -> bool:
        """Whether to offer a "create" button at all (the form still checks the agency)."""
        return self.is_admin or (self.is_operator and _agency_owned(model))

    def agencies_for_write(self) -> QuerySet[Agency]:
        """The agencies this user may attach new records to."""
        qs = Agency.objects.filter(region=self.region)
        if self.is_admin:
            return qs
        if self.is_operator:
            return qs.filter(pk=self.agency.pk)
        return qs.none()


def _agency_owned(model) -> bool:
    return bool(getattr(model, "AGENCY_OWNED", False))


def access_for(user, region: Region) -> Access:
    if not user.is_authenticated or not user.is_active:
        return Access(region=region, role=None)
    if user.is_superuser:
        return Access(region=region, role=Role.ADMIN, superuser=True, user_id=user.pk)
    membership = Membership.objects.select_related("agency").filter(user=user, region=region).first()
    if membership is None:
        return Access(region=region, role=None, user_id=user.pk)
    return Access(region=region, role=membership.role, agency=membership.agency, user_id=user.pk)


def regions_for(user) -> QuerySet[Region]:
    """The regions a user may open."""
    if not user.is_authenticated or not user.is_active:
        return Region.objects.none()
    if user.is_superuser:
        return Region.objects.all()
    return Region.objects.filter(memberships__user=user).distinct()


def get_region_for_user(user, slug: str) -> Access:
    """The user's access to region ``slug``; a region the user holds no role in does not exist for them (404)."""
    region = Region.objects.filter(slug=slug).first()
    if region is None:
        raise Http404("region")
    access = access_for(user, region)
    if not access.can_read:
        raise Http404("region")
    return access


def require_write(access: Access, obj=None, *, agency: Agency | None = None) -> None:
    if not access.can_write(obj, agency=agency):
        raise PermissionDenied("write")


def require_admin(access: Access) -> None:
    if not access.is_admin:
        raise PermissionDenied("admin")
