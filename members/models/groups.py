"""People, coordination groups, member organisations and who may do what in them."""

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..changes import CoordinationGroupQuerySet, GroupScopedQuerySet, UserQuerySet
from ..emails import canonical_email

__all__ = [
    "CoordinationGroup",
    "Membership",
    "MembershipQuerySet",
    "Organisation",
    "OrganisationQuerySet",
    "Role",
    "User",
    "UserManager",
]


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True

    def by_email(self, email):
        """The account of this address (a queryset of at most one), matched exactly."""
        return self.filter(email=canonical_email(email))

    def create_user(self, email, password=None, **fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=canonical_email(email), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **fields):
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        return self.create_user(email, password, **fields)

    def get_by_natural_key(self, email):
        return self.by_email(email).get()


class User(AbstractBaseUser, PermissionsMixin):
    """A person. Signs in with their e-mail address."""

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    title = models.CharField(_("title"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    # Notification kinds the person has switched off, and whether the rest come as one
    # daily digest instead of one e-mail each.
    muted_notifications = models.JSONField(default=list, blank=True)
    daily_digest = models.BooleanField(_("one daily digest"), default=False)
    # Raised when the person signs out: every other session of theirs ends too.
    session_generation = models.PositiveIntegerField(default=0)
    # Two reasons keep a person from signing in, kept apart: the site operator blocked the
    # account (blocked_at, set in the admin only), or no group gives them a role any more
    # (the group pages decide that). is_active is what Django checks at sign-in, on every
    # request and for password resets; members.services keeps it equal to "not blocked, and
    # a superuser or someone with a role", so no group page can undo the operator's block.
    blocked_at = models.DateTimeField(
        _("blocked by the site operator"),
        null=True,
        blank=True,
        help_text=_("A blocked person cannot sign in, and no group can give them access."),
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Not blocked, and has a role in a group (or is a superuser)."),
    )
    is_staff = models.BooleanField(_("staff status"), default=False)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    # A person shows on the pages of every group they belong to or are named in: writing
    # any other field raises those groups' versions (members.changes).
    FIELDS_SHOWN_NOWHERE = frozenset(
        {
            "last_login",
            "password",
            "session_generation",
            "language",
            "muted_notifications",
            "daily_digest",
        }
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["full_name", "email"]

    def __str__(self):
        return self.full_name or self.email

    def clean(self):
        super().clean()
        self.email = canonical_email(self.email)

    @property
    def is_blocked(self):
        return self.blocked_at is not None

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email


class CoordinationGroup(models.Model):
    """A regional coordination group (samordningsgrupp); one installation hosts several."""

    group_path = "pk"  # its own details show on its pages (members.changes)

    name = models.CharField(_("name"), max_length=200)
    county = models.CharField(_("county"), max_length=100)
    slug = models.SlugField(_("short address"), unique=True)
    description = models.TextField(_("short description"), blank=True)
    reminder_days_before_deadline = models.PositiveSmallIntegerField(
        _("days before the deadline to remind"), default=7
    )
    returned_reminder_days = models.PositiveSmallIntegerField(
        _("days after a return to remind"), default=5
    )
    coordinators_need_two_factor = models.BooleanField(
        _("coordinators must use two-step verification"),
        default=False,
        help_text=_(
            "A coordinator without two-step verification can then open no page until they "
            "have set it up."
        ),
    )
    all_questions_required = models.BooleanField(
        _("every question must be answered before the answers are sent"),
        default=False,
        help_text=_(
            "A representative can then send the answers only when every question of the "
            "period has an answer."
        ),
    )
    # The member organisation that convenes the group and issues its reports (the county
    # administrative board); empty for groups made before it was recorded.
    issuing_organisation = models.ForeignKey(
        "Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issuing organisation"),
    )
    # Raised by every change to what the group's pages show (members.changes); the key of
    # the rendered page parts that everyone with the same access shares.
    data_version = models.PositiveBigIntegerField(default=0, editable=False)

    objects = CoordinationGroupQuerySet.as_manager()

    class Meta:
        verbose_name = _("coordination group")
        verbose_name_plural = _("coordination groups")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, update_fields=None, force_insert=False, **kwargs):
        """Never writes data_version back: this instance's copy may be older than the
        row's (read before another change raised it), and writing it would bring back
        parts kept under versions already used. Only raise_data_version raises it, in
        the database (members.changes.touch_groups)."""
        if not self._state.adding and not force_insert:
            if update_fields is None:
                deferred = self.get_deferred_fields()
                update_fields = [
                    field.name
                    for field in self._meta.concrete_fields
                    if not field.primary_key
                    and field.name != "data_version"
                    and field.attname not in deferred
                ]
            else:
                update_fields = [name for name in update_fields if name != "data_version"]
        super().save(*args, update_fields=update_fields, force_insert=force_insert, **kwargs)

    def clean(self):
        super().clean()
        if self.issuing_organisation_id and self.issuing_organisation.group_id != self.pk:
            raise ValidationError(
                {
                    "issuing_organisation": _(
                        "The issuing organisation must be one of the group's own."
                    )
                }
            )


class OrganisationQuerySet(GroupScopedQuerySet):
    def current(self, on=None):
        """Organisations that are members on the given date (today by default)."""
        on = on or timezone.localdate()
        return self.filter(Q(joined_on__isnull=True) | Q(joined_on__lte=on)).filter(
            Q(left_on__isnull=True) | Q(left_on__gt=on)
        )


class Organisation(models.Model):
    """A member organisation (authority) of one coordination group."""

    group_path = "group"

    group = models.ForeignKey(
        CoordinationGroup,
        on_delete=models.PROTECT,
        related_name="organisations",
        verbose_name=_("coordination group"),
    )
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60)
    order = models.PositiveIntegerField(_("display order"), default=0)
    email = models.EmailField(
        _("functional e-mail address"),
        blank=True,
        help_text=_("The organisation's shared address, shown in public reports instead of names."),
    )
    joined_on = models.DateField(_("joined on"), null=True, blank=True)
    left_on = models.DateField(_("left on"), null=True, blank=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("member organisation")
        verbose_name_plural = _("member organisations")
        ordering = ["group", "order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "name"], name="organisation_unique_name_in_group"
            ),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True)
                | Q(joined_on__isnull=True)
                | Q(left_on__gte=models.F("joined_on")),
                name="organisation_leaves_after_joining",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def has_left(self):
        return self.left_on is not None and self.left_on <= timezone.localdate()


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    REPRESENTATIVE = "representative", _("Representative")
    READER = "reader", _("Reader")


class MembershipQuerySet(GroupScopedQuerySet):
    def active(self):
        return self.filter(is_active=True, user__is_active=True)


class Membership(models.Model):
    """A person's role in a group.

    A person has at most one group-wide role (coordinator or reader) per group and
    may in addition represent one or more of the group's organisations, one row each.
    """

    group_path = "group"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("person"),
    )
    group = models.ForeignKey(
        CoordinationGroup,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("coordination group"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="representatives",
        verbose_name=_("organisation"),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(role=Role.REPRESENTATIVE, organisation__isnull=False)
                    | (~Q(role=Role.REPRESENTATIVE) & Q(organisation__isnull=True))
                ),
                name="membership_organisation_iff_representative",
            ),
            models.UniqueConstraint(
                fields=["user", "group"],
                condition=Q(organisation__isnull=True),
                name="membership_one_group_role_per_person",
            ),
            models.UniqueConstraint(
                fields=["user", "organisation"],
                condition=Q(organisation__isnull=False),
                name="membership_one_row_per_represented_organisation",
            ),
        ]
        indexes = [
            # access.group_access_for: a person's active roles in one group, on every request.
            models.Index(fields=["user", "group", "is_active"], name="membership_user_group_idx"),
        ]

    def __str__(self):
        if self.organisation_id:
            return f"{self.user} – {self.get_role_display()} ({self.organisation})"
        return f"{self.user} – {self.get_role_display()} ({self.group})"
