"""Workflows on groups, organisations and people. Views call these; nothing else writes."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from . import audit
from .emails import canonical_email
from .locks import person_lock
from .models import (
    CoordinationGroup,
    Invitation,
    Membership,
    NotificationKind,
    Organisation,
    Role,
    User,
)
from .notifications import notify_address


class InvitationUnusable(Exception):
    """The invitation link was used, revoked or has expired."""


class AccountBlocked(Exception):
    """The site operator has blocked the account: no group can give it access."""


def site_url(path):
    return settings.SITE_URL.rstrip("/") + path


def _organisation_changed(action, organisation, by, detail=""):
    audit.record(
        f"members.organisation.{action}",
        actor=by,
        group=organisation.group,
        obj=organisation,
        organisation=organisation.name,
        detail=detail,
    )


def organisation_create(*, group, name, short_name, by, email="", joined_on=None, left_on=None):
    with transaction.atomic():
        last = group.organisations.aggregate(last=Max("order"))["last"]
        organisation = Organisation.objects.create(
            group=group,
            name=name,
            short_name=short_name,
            email=email,
            joined_on=joined_on,
            left_on=left_on,
            order=(last or 0) + 1,
        )
        _organisation_changed("created", organisation, by)
    return organisation


def organisation_update(*, organisation, by, **fields):
    """Change an organisation's name, address or dates; a date in `left_on` records that
    it has left the group (its history is kept). The log names the changed fields.
    Locks: the organisation, then (by saving it) the group (members.locks)."""
    with transaction.atomic():
        saved = Organisation.objects.select_for_update(no_key=True).get(pk=organisation.pk)
        changed = [name for name, value in fields.items() if getattr(saved, name) != value]
        for name, value in fields.items():
            setattr(organisation, name, value)
        organisation.save(update_fields=list(fields))
        _organisation_changed("updated", organisation, by, detail=", ".join(changed))
    return organisation


def organisation_move(*, organisation, offset, by):
    """Move an organisation up (offset -1) or down (+1) in its group's display order.
    Locks: the group's organisations, then (by saving them) the group (members.locks)."""
    with transaction.atomic():
        siblings = list(
            Organisation.objects.select_for_update(no_key=True)
            .filter(group_id=organisation.group_id)
            .order_by("order", "name")
        )
        index = next(i for i, o in enumerate(siblings) if o.pk == organisation.pk)
        target = index + offset
        if 0 <= target < len(siblings):
            siblings[index], siblings[target] = siblings[target], siblings[index]
        for position, sibling in enumerate(siblings, start=1):
            sibling.order = position
        Organisation.objects.bulk_update(siblings, ["order"])
        _organisation_changed("moved", organisation, by, detail="up" if offset < 0 else "down")


def invitation_create(*, group, email, full_name, role, organisation, by):
    """Invite a person by e-mail; earlier pending invitations of the same address lapse."""
    email = canonical_email(email)
    token, token_hash = Invitation.new_token()
    with transaction.atomic():
        now = timezone.now()
        group.invitations.pending().filter(email=email).update(revoked_at=now)
        invitation = Invitation.objects.create(
            group=group,
            email=email,
            full_name=full_name,
            role=role,
            organisation=organisation if role == Role.REPRESENTATIVE else None,
            invited_by=by,
            token_hash=token_hash,
            expires_at=now + timedelta(days=settings.INVITATION_MAX_AGE_DAYS),
        )
        existing = User.objects.by_email(email).first()
        audit.record(
            "members.invitation.sent",
            actor=by,
            group=group,
            obj=invitation,
            detail=f"{role} {organisation or ''}",
        )
        notify_address(
            kind=NotificationKind.INVITATION,
            email=email,
            language=existing.language if existing else settings.LANGUAGE_CODE,
            template="invitation",
            context={
                "invitation": invitation,
                "link": site_url(reverse("members:invitation_accept", args=[token])),
                "inviter": by,
                "max_age_days": settings.INVITATION_MAX_AGE_DAYS,
            },
            group=group,
        )
    return invitation


def invitation_revoke(*, invitation, by):
    with transaction.atomic():
        Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        audit.record("members.invitation.revoked", actor=by, group=invitation.group, obj=invitation)


def _grant(*, user, group, role, organisation=None):
    """Give a person a role, reactivating an earlier one rather than adding a second row."""
    if role == Role.REPRESENTATIVE:
        Membership.objects.update_or_create(
            user=user,
            organisation=organisation,
            defaults={"group": group, "role": role, "is_active": True},
        )
    else:
        Membership.objects.update_or_create(
            user=user,
            group=group,
            organisation=None,
            defaults={"role": role, "is_active": True},
        )


def invitation_account(invitation):
    """The account the invitation's address already has, or None."""
    return User.objects.by_email(invitation.email).first()


def invitation_sets_password(account):
    """Whether accepting chooses the password: for a new account, and for one that has no
    usable password or no role in any group. An active account keeps its own password,
    and its owner signs in with it after accepting."""
    return account is None or not account.is_active or not account.has_usable_password()


def invitation_accept(*, invitation, full_name="", password=None):
    """Accept an invitation: create the person (or use their account) and give the role.

    Returns the person. The claim on the invitation is a conditional update, so a link
    clicked twice at once is accepted once. A blocked account is refused (AccountBlocked)
    and the link stays unused.

    An invitation carries one role in one group, never staff or superuser rights. When
    accepting chooses the account's password, the link is all the person proved (it
    reached the mailbox), so rights the site operator gave whoever held the old password
    are dropped. An account that keeps its password keeps its rights: its owner proves the
    password at the next sign-in, and an invitation never takes away what the operator gave.

    Locks: the person, the invitation, then (by claiming it) the group (members.locks).
    """
    with transaction.atomic():
        user = User.objects.by_email(invitation.email).select_for_update(no_key=True).first()
        if user is not None and user.is_blocked:
            raise AccountBlocked
        sets_password = invitation_sets_password(user)
        claimed = Invitation.objects.filter(
            pk=invitation.pk,
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        ).update(accepted_at=timezone.now())
        if not claimed:
            raise InvitationUnusable
        if user is None:
            user = User.objects.create_user(
                invitation.email, password, full_name=full_name or invitation.full_name
            )
        elif sets_password and password:
            user.set_password(password)
            user.is_staff = user.is_superuser = False
            user.save(update_fields=["password", "is_staff", "is_superuser"])
        _grant(
            user=user,
            group=invitation.group,
            role=invitation.role,
            organisation=invitation.organisation,
        )
        _refresh_is_active(user)
        audit.record(
            "members.invitation.accepted", actor=user, group=invitation.group, obj=invitation
        )
    return user


def _refresh_is_active(user):
    """is_active follows from the two reasons that keep someone out: the operator's block,
    and having no role in any group (a superuser needs none). Groups change the second
    only; nothing here lifts a block."""
    active = not user.is_blocked and (
        user.is_superuser or Membership.objects.filter(user=user, is_active=True).exists()
    )
    if user.is_active != active:
        user.is_active = active
        User.objects.filter(pk=user.pk).update(is_active=active)


def membership_set_roles(*, group, user, group_role, organisations, by):
    """Set a person's roles in a group: one group-wide role (or none) and the organisations
    they represent. Roles taken away are kept as inactive rows, so history remains.
    Locks: the person, their memberships in the group, then the group (members.locks)."""
    with transaction.atomic():
        person_lock(user.pk)
        current = Membership.objects.select_for_update(no_key=True).filter(user=user, group=group)
        keep_org_ids = {o.pk for o in organisations}
        for membership in current:
            if membership.organisation_id:
                membership.is_active = membership.organisation_id in keep_org_ids
            else:
                membership.is_active = bool(group_role)
                if group_role:
                    membership.role = group_role
            membership.save(update_fields=["is_active", "role"])
        if group_role:
            _grant(user=user, group=group, role=group_role)
        for organisation in organisations:
            _grant(user=user, group=group, role=Role.REPRESENTATIVE, organisation=organisation)
        _refresh_is_active(user)
        audit.record(
            "members.membership.changed",
            actor=by,
            group=group,
            obj=user,
            detail=f"{group_role or '-'}; " + ", ".join(o.short_name for o in organisations),
        )


def membership_deactivate(*, group, user, by):
    """Take away all of a person's roles in a group. A person left with no role in any
    group can no longer sign in. Locks: the person, their memberships, then the group
    (members.locks)."""
    with transaction.atomic():
        person_lock(user.pk)
        Membership.objects.filter(user=user, group=group).update(is_active=False)
        _refresh_is_active(user)
        audit.record("members.membership.deactivated", actor=by, group=group, obj=user)


def person_access_refresh(*, user):
    """After the site operator changed a person's roles in the admin."""
    with transaction.atomic():
        _refresh_is_active(user)


def person_block(*, user, by=None):
    """The site operator blocks an account: the person cannot sign in, their sessions end,
    and no group page or invitation gives them access until the operator unblocks them."""
    with transaction.atomic():
        user.blocked_at = timezone.now()
        user.save(update_fields=["blocked_at"])
        _refresh_is_active(user)
        audit.record("members.person.blocked", actor=by, obj=user)


def person_unblock(*, user, by=None):
    """The site operator lifts a block; the person's roles in the groups apply again."""
    with transaction.atomic():
        user.blocked_at = None
        user.save(update_fields=["blocked_at"])
        _refresh_is_active(user)
        audit.record("members.person.unblocked", actor=by, obj=user)


def notification_preferences_set(*, user, wanted, daily_digest):
    """The person's own choice of notifications, and whether they come as a daily digest."""
    from .models import CHOOSABLE

    with transaction.atomic():
        user.muted_notifications = [k.value for k in CHOOSABLE if k.value not in set(wanted)]
        user.daily_digest = daily_digest
        user.save(update_fields=["muted_notifications", "daily_digest"])
        audit.record("members.person.notifications_changed", actor=user, obj=user)


def person_language_set(*, user, language):
    """The language the person chose in the switch: e-mails to them are written in it.
    Nothing is written when it is already theirs (the switch is used in every visit)."""
    if user.language == language:
        return
    with transaction.atomic():
        user.language = language
        user.save(update_fields=["language"])
        audit.record("members.person.language_changed", actor=user, obj=user, detail=language)


def group_settings_update(*, group, by, **fields):
    """The coordinator's settings for the whole group (description, reminders, whether its
    coordinators must use two-step verification). The log names the changed fields."""
    with transaction.atomic():
        saved = (
            CoordinationGroup._base_manager.select_for_update(no_key=True)
            .only(*fields)
            .get(pk=group.pk)
        )
        changed = [name for name, value in fields.items() if getattr(saved, name) != value]
        for name, value in fields.items():
            setattr(group, name, value)
        group.save(update_fields=list(fields))
        audit.record(
            "members.group.settings_changed",
            actor=by,
            group=group,
            obj=group,
            detail=", ".join(changed),
        )
    return group


def person_account_update(*, user, **fields):
    """A person's own details (name, title, phone, language). The log names the changed
    fields, never their values; nothing is written when nothing changed."""
    with transaction.atomic():
        person_lock(user.pk)
        changed = [name for name, value in fields.items() if getattr(user, name) != value]
        if not changed:
            return []
        for name in changed:
            setattr(user, name, fields[name])
        user.save(update_fields=changed)
        audit.record(
            "members.person.account_changed", actor=user, obj=user, detail=", ".join(changed)
        )
    return changed


def group_create(
    *, name, county, slug, by=None, issuer_name="", issuer_short_name="", coordinator=None
):
    """A new coordination group, with its issuing organisation (its first member, which
    convenes it and issues its reports) when named, and its first coordinator.

    `coordinator` is (e-mail, full name): a person who already has an account that can
    sign in becomes coordinator at once; anyone else is invited by e-mail (the invitation
    is sent when the transaction commits). All or nothing, in one transaction."""
    with transaction.atomic():
        group = CoordinationGroup.objects.create(name=name, county=county, slug=slug)
        if issuer_name:
            issuer = Organisation.objects.create(
                group=group, name=issuer_name, short_name=issuer_short_name or issuer_name, order=1
            )
            group.issuing_organisation = issuer
            group.save(update_fields=["issuing_organisation"])
        audit.record("members.group.created", actor=by, group=group, obj=group, detail=issuer_name)
        if coordinator is not None:
            email, full_name = coordinator
            person = User.objects.by_email(email).first()
            if person is not None and person.is_active and person.has_usable_password():
                coordinator_appoint(group=group, user=person, by=by)
            else:
                invitation_create(
                    group=group,
                    email=email,
                    full_name=full_name,
                    role=Role.COORDINATOR,
                    organisation=None,
                    by=by,
                )
    return group


def coordinator_appoint(*, group, user, by=None):
    """Make a person a coordinator of the group at once (the site operator's page and
    the create_coordinator command). Locks: the person, then the group (members.locks)."""
    with transaction.atomic():
        person_lock(user.pk)
        _grant(user=user, group=group, role=Role.COORDINATOR)
        _refresh_is_active(user)
        audit.record(
            "members.membership.changed", actor=by, group=group, obj=user, detail=Role.COORDINATOR
        )
