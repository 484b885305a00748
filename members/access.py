"""The one permission layer: may this person do this to this object?

Every view asks here first. Something in a group the person does not belong to
is a 404 (we do not confirm that it exists); a role too weak is a 403.
"""

import functools
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.http import Http404

from . import audit
from .models import CoordinationGroup, Membership, Organisation, Role, User


class _Representation:
    """The organisations a person represents in `self.group` (`self.organisation_ids`)."""

    @property
    def is_representative(self):
        return bool(self.organisation_ids)

    def represents(self, organisation):
        return organisation.group_id == self.group.pk and organisation.pk in self.organisation_ids


@dataclass(frozen=True)
class GroupAccess(_Representation):
    """What one person may do in one group, read once per request."""

    user: User
    group: CoordinationGroup
    role: str | None
    organisation_ids: frozenset

    @property
    def is_coordinator(self):
        return self.role == Role.COORDINATOR or self.user.is_superuser

    def require_coordinator(self):
        if not self.is_coordinator:
            raise PermissionDenied
        return self

    @property
    def standing(self):
        return Standing(self.group, self.is_coordinator, self.organisation_ids)


@dataclass(frozen=True)
class Standing(_Representation):
    """What a shared page part may depend on: the group and the person's place in it,
    never who the person is. Everyone with the same standing sees the same part."""

    group: CoordinationGroup
    is_coordinator: bool
    organisation_ids: frozenset

    @property
    def key(self):
        organisations = ".".join(str(pk) for pk in sorted(self.organisation_ids))
        return f"{'c' if self.is_coordinator else 'm'}{organisations}"


def _active_memberships(user):
    """The person's active memberships with their groups: one query, kept on the user
    object for the rest of the request (the access check and the header menu share it)."""
    cached = getattr(user, "_active_memberships", None)
    if cached is None:
        cached = _read_memberships(user.pk) if user.is_active else []
        user._active_memberships = cached
    return cached


def _read_memberships(user_id):
    """Membership.objects.filter(user=…, is_active=True).select_related("group") written
    out: every page runs it, and the ORM spent 0.6 ms building it and its objects where
    the database spends 0.05 ms. The columns come from the models, so a new field is read
    without a change here."""
    sql, membership_fields, group_fields = _membership_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql, [user_id])
        rows = cursor.fetchall()
    split = len(membership_fields)
    memberships = []
    for row in rows:
        membership = Membership.from_db(connection.alias, membership_fields, row[:split])
        membership.group = CoordinationGroup.from_db(connection.alias, group_fields, row[split:])
        memberships.append(membership)
    return memberships


@functools.cache
def _membership_sql():
    quote = connection.ops.quote_name
    membership, group = Membership._meta, CoordinationGroup._meta
    membership_fields, group_fields = membership.concrete_fields, group.concrete_fields

    def column(field_name):
        return quote(membership.get_field(field_name).column)

    columns = [f"m.{quote(f.column)}" for f in membership_fields]
    columns += [f"g.{quote(f.column)}" for f in group_fields]
    # Quoted names from the models; the one value is a parameter.
    sql = (
        f"SELECT {', '.join(columns)} FROM {quote(membership.db_table)} m "  # noqa: S608
        f"JOIN {quote(group.db_table)} g ON g.{quote(group.pk.column)} = m.{column('group')} "
        f"WHERE m.{column('user')} = %s AND m.{column('is_active')} "
        f"ORDER BY m.{quote(membership.pk.column)}"
    )
    return (
        sql,
        [f.attname for f in membership_fields],
        [f.attname for f in group_fields],
    )


def groups_for(user):
    """The groups a person may open, for menus and the start page, by name."""
    if user.is_superuser:
        return list(CoordinationGroup.objects.all())
    groups = {m.group_id: m.group for m in _active_memberships(user)}
    return sorted(groups.values(), key=lambda group: (group.name, group.pk))


def require_site_operator(user):
    """Pages of the installation rather than of a group (creating a group): the site
    operator (a superuser) only; anyone else is refused (403)."""
    if not user.is_superuser:
        raise PermissionDenied
    return user


def group_access_for(user, slug):
    """The person's access to the group with this slug, or 404 if they have none."""
    memberships = [m for m in _active_memberships(user) if m.group.slug == slug]
    if memberships:
        group = memberships[0].group
    elif user.is_superuser:
        group = object_or_404(CoordinationGroup, slug=slug)
    else:
        refuse(CoordinationGroup, slug=slug)
    role = None
    organisation_ids = set()
    for membership in memberships:
        if membership.organisation_id:
            organisation_ids.add(membership.organisation_id)
        else:
            role = membership.role
    return GroupAccess(user, group, role, frozenset(organisation_ids))


def coordinator_access_for(user, slug):
    return group_access_for(user, slug).require_coordinator()


def object_or_404(scope, **asked):
    """The object `asked` for among those the person may reach (`scope`: a queryset that
    starts from their group or organisation, or a model); anything else is a 404.

    Every view looks objects up by id through here, so that each refusal is logged."""
    queryset = scope._default_manager.all() if isinstance(scope, type) else scope
    try:
        return queryset.get(**asked)
    except queryset.model.DoesNotExist:
        refuse(queryset.model, **asked)
    except (ValueError, ValidationError):
        # Not an id at all ("abc" where a number belongs): nothing was guessed.
        raise Http404 from None


def refuse(model, **asked):
    """Answer 404 and log it, for the site operator only (the line has no group, so no
    coordinator reads it: their log would otherwise tell them which ids exist elsewhere).

    `security.refused` when such an object exists out of the person's reach (another
    group's, another organisation's), `security.not_found` when none does. Both cost the
    same one query and one insert, so the time of the 404 does not tell them apart."""
    exists = model._base_manager.filter(**asked).exists()
    person, path = audit.requester()
    audit.record(
        "security.refused" if exists else "security.not_found",
        actor=person,
        object_type=model._meta.label_lower,
        object_id="/".join(str(value) for value in asked.values()),
        detail=path,
    )
    raise Http404


def organisation_for(access, pk):
    """An organisation of the person's group; another group's is a 404."""
    return object_or_404(Organisation.objects.filter(group=access.group), pk=pk)


def person_for(access, pk):
    """A person with a role (active or not) in the group; anyone else is a 404."""
    return object_or_404(User.objects.filter(memberships__group=access.group).distinct(), pk=pk)


# Reporting: periods and submissions.


def may_read_submission(access, organisation):
    """The coordinator reads every submission; a representative their own organisation's."""
    return access.is_coordinator or access.represents(organisation)


def may_edit_answers(access, organisation):
    """Only the organisation's own representatives write its answers."""
    return access.represents(organisation)


def require_submission_reader(access, organisation):
    if not may_read_submission(access, organisation):
        raise PermissionDenied


# Records: activities, steering documents, collaborations, needs.


def may_edit_records(access, organisation):
    """The coordinator changes every organisation's records; a representative their own."""
    return organisation.group_id == access.group.pk and (
        access.is_coordinator or access.represents(organisation)
    )


def record_organisations(access):
    """The organisations whose records the person may add to."""
    organisations = access.group.organisations.current().order_by("order", "name")
    if access.is_coordinator:
        return organisations
    return organisations.filter(pk__in=access.organisation_ids)


# Who gets told.


def coordinators_of(group):
    return User.objects.filter(
        memberships__in=Membership.objects.active().filter(group=group, role=Role.COORDINATOR)
    ).distinct()


def representatives_of(organisation):
    return User.objects.filter(
        memberships__in=Membership.objects.active().filter(organisation=organisation)
    ).distinct()


def members_of(group):
    return User.objects.filter(
        memberships__in=Membership.objects.active().filter(group=group)
    ).distinct()
