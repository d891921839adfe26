"""Who may do what: the one place where the server decides.

Roles are per region (:class:`kotacerdas.regions.models.Membership`):

- **admin**: reads and writes everything in the region;
- **operator**: reads everything in the region; creates and edits only records that belong to their agency (a model
  says which agency owns a record through ``owning_agency()``; records without an owning agency, such as the
  profile, the RPJMD, the governance bodies or the users' roles, are the admin's);
- **reviewer**: reads everything in the region (and, later, comments);
- **viewer**: reads.

A Django superuser is treated as admin of every region. Nobody sees anything of a region they hold no role in.
Views, services and templates never decide on their own: they call the functions here (or
:func:`get_region_for_user` and :func:`require_write`); templates receive the answers as flags (``can_write``,
``can_delete``, ``can_manage`` ...) or ask per object with the ``may_write``/``may_delete`` filters of
``{% load access %}``. The role matrix in ``tests/test_permissions_matrix.py`` checks every persona.
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

    @property
    def limited_to(self) -> Agency | None:
        """The agency this user's records are limited to (an operator's), or None: any agency, or none."""
        return self.agency if self.is_operator else None

    @property
    def can_manage(self) -> bool:
        """May do what concerns the whole region rather than one agency's records: see and change the users'
        roles, merge SWOT factors, dismiss pairing suggestions, change the plan settings, reopen a final
        activity. The region admin."""
        return self.is_admin

    @property
    def can_upload_workbook(self) -> bool:
        """May import a bimtek workbook: the admin (any agency's rows) or an operator (their agency's rows)."""
        return self.is_admin or (self.is_operator and self.agency is not None)

    def can_list(self, model) -> bool:
        """May see the records of ``model`` at all: everybody in the region, except what only the admin reads
        (a model with ``ADMIN_ONLY_READ``, such as the users' roles)."""
        return self.can_manage or not getattr(model, "ADMIN_ONLY_READ", False)

    def can_reopen(self, obj) -> bool:
        """May move ``obj`` (an activity) out of a final status, back to a proposal."""
        return self.can_manage and self.can_write(obj)

    def keeps_own_admin(self, membership: Membership, role: str) -> bool:
        """Whether giving ``membership`` the role ``role`` leaves this user admin: nobody lowers their own role
        (a region keeps the admin who is working in it)."""
        return membership.user_id != self.user_id or role == Role.ADMIN

    @classmethod
    def for_import(cls, region: Region, agency: Agency | None = None) -> Access:
        """The access of a file import: the region admin's, or, for an operator's upload of ``agency``, that
        operator's (the region file and the workbook import with the same rules)."""
        if agency is None:
            return cls(region=region, role=Role.ADMIN)
        return cls(region=region, role=Role.OPERATOR, agency=agency)

    def may_bring_in(self, model, existing=None, *, agency: Agency | None = None) -> bool:
        """May an import write one row: change ``existing``, or create a ``model`` row owned by ``agency``?

        An operator may only bring in rows of their own agency: a row naming another agency is refused even when
        it changes nothing else."""
        if self.is_admin:
            return True
        if agency is not None and (self.agency is None or agency.pk != self.agency.pk):
            return False
        if existing is not None:
            return self.can_write(existing)
        return self.can_create(model, agency=agency)

    def may_bring_in_for(self, owner: Agency | None) -> bool:
        """May an import write a row that hangs off a record owned by ``owner`` (an indicator's value, an
        activity's risk or screening)? The admin may; an operator only under their own agency's records."""
        if self.is_admin:
            return True
        return self.is_operator and owner is not None and owner.pk == self.agency.pk

    def may_reopen(self) -> bool:
        """May this user move a final activity (approved, done, cancelled) back to usulan? Only the admin."""
        return self.is_admin

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

    def can_reset_password(self, user) -> bool:
        """May this user give ``user`` a new temporary password? A region admin only for an account that holds
        a role in this region and in no other (so an admin never takes over another region's account), never
        for a superuser nor for themselves (they change their own password instead); a superuser for any
        account but a superuser's."""
        if user is None or user.is_superuser or user.pk == self.user_id or not self.is_admin:
            return False
        regions = set(Membership.objects.filter(user=user).values_list("region_id", flat=True))
        if self.superuser:
            return self.region.pk in regions
        return regions == {self.region.pk}

    def may_add_existing_user_directly(self) -> bool:
        """Only a superuser gives an existing account a role without its owner's consent; a region admin
        issues an invitation the owner accepts."""
        return self.superuser

    def new_username_prefix(self) -> str:
        """The name space of the accounts this user creates: ``<slug>.`` for a region admin, so that nobody
        takes a name meant for another region (nor learns which names exist outside their own region); none
        for a superuser."""
        return "" if self.superuser else f"{self.region.slug}."

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


def may_create_region(user) -> bool:
    """Only the installation's superuser creates a region (from its official code): a region admin administers
    their own region, not the installation."""
    return bool(user.is_authenticated and user.is_active and user.is_superuser)


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
