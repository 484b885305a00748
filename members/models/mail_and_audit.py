"""What the product sends and keeps about people: invitations, the e-mail queue and its
kinds of notification, and the audit log."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .groups import CoordinationGroup, Organisation, Role

__all__ = [
    "ALWAYS_IMMEDIATE",
    "AuditEvent",
    "CHOOSABLE",
    "Invitation",
    "InvitationQuerySet",
    "MailStatus",
    "NotificationKind",
    "OutgoingMail",
]


def _hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True)

    def by_token(self, token):
        return self.filter(token_hash=_hash_token(token))


class Invitation(models.Model):
    """An invitation by e-mail to a role in a group. The link works once, until it expires.

    Only a hash of the token is stored, so the database alone does not open accounts.
    """

    not_on_group_pages = (
        "Shown only on the people page, which is rendered for each request and never kept."
    )

    group = models.ForeignKey(
        CoordinationGroup, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail address"))
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(role=Role.REPRESENTATIVE, organisation__isnull=False)
                    | (~Q(role=Role.REPRESENTATIVE) & Q(organisation__isnull=True))
                ),
                name="invitation_organisation_iff_representative",
            ),
        ]

    def __str__(self):
        return f"{self.email} → {self.group}"

    @staticmethod
    def new_token():
        token = secrets.token_urlsafe(32)
        return token, _hash_token(token)

    @property
    def is_expired(self):
        return timezone.now() >= self.expires_at

    @property
    def is_usable(self):
        return self.accepted_at is None and self.revoked_at is None and not self.is_expired


class NotificationKind(models.TextChoices):
    PERIOD_OPENED = "period_opened", _("A reporting period opens")
    DEADLINE_NEAR = "deadline_near", _("The deadline approaches")
    SUBMITTED = "submitted", _("Answers are submitted (coordinators)")
    RETURNED = "returned", _("Answers are returned")
    APPROVED = "approved", _("Answers are approved")
    RETURNED_REMINDER = "returned_reminder", _("Returned answers are still not resubmitted")
    REPORT_PUBLISHED = "report_published", _("A status report is published")
    INVITATION = "invitation", _("Invitation")
    PASSWORD_RESET = "password_reset", _("Password reset")
    DIGEST = "digest", _("Daily digest")


# These always go at once, whatever the person chose.
ALWAYS_IMMEDIATE = {
    NotificationKind.INVITATION,
    NotificationKind.PASSWORD_RESET,
    NotificationKind.DIGEST,
}
# What a person can switch off or take as a digest.
CHOOSABLE = [k for k in NotificationKind if k not in ALWAYS_IMMEDIATE]


class MailStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to be sent")
    DIGEST = "digest", _("Waiting for the daily digest")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class OutgoingMail(models.Model):
    """An e-mail on its way: written when the change commits, sent by the task queue,
    retried with back-off while the mail server does not answer."""

    not_on_group_pages = (
        "The mail queue: shown only on its own page, rendered for each request and never "
        "kept; written by the sending task at every attempt."
    )

    to_email = models.EmailField()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    group = models.ForeignKey(
        CoordinationGroup, on_delete=models.CASCADE, null=True, blank=True, related_name="mails"
    )
    kind = models.CharField(max_length=30, choices=NotificationKind.choices)
    subject = models.CharField(max_length=250)
    text = models.TextField()
    html = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=MailStatus.choices, default=MailStatus.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_error = models.CharField(max_length=500, blank=True)
    # Set for reminders, so that running the reminder command twice sends nothing twice.
    dedupe_key = models.CharField(max_length=200, null=True, blank=True, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            # send_mail_queue: the queued mails that are due.
            models.Index(fields=["status", "next_attempt_at"], name="mail_due_idx"),
        ]

    def __str__(self):
        return f"{self.kind} → {self.to_email}"


class AuditEvent(models.Model):
    """One line of the audit log: who did what to which object, when and from where.

    Never answer text or passwords. Written by members.audit.record() only; nobody edits
    it from the application.
    """

    not_on_group_pages = (
        "Shown only on the log page, rendered for each request and never kept (and never "
        "shared between people); written on reading too, which must not empty the cache."
    )

    at = models.DateTimeField(default=timezone.now, db_index=True)
    action = models.CharField(max_length=80)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_email = models.CharField(max_length=254, blank=True)
    group = models.ForeignKey(
        CoordinationGroup, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    organisation = models.CharField(max_length=200, blank=True)
    object_type = models.CharField(max_length=60, blank=True)
    object_id = models.CharField(max_length=40, blank=True)
    object_repr = models.CharField(max_length=200, blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    detail = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [
            # The coordinator's log page: a group's events, newest first.
            models.Index(fields=["group", "-at"], name="audit_group_at_idx"),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.actor_email}"
