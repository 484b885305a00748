"""Structured records an organisation keeps across periods: activities, steering documents,
collaborations and needs. The narrative answers say how; these say what."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from activities.records import uploads
from members.changes import GroupScopedQuerySet
from members.models import CoordinationGroup, Organisation

__all__ = [
    "Activity",
    "ActivityKind",
    "ActivityStatus",
    "Collaboration",
    "CollaborationLevel",
    "Need",
    "NeedKind",
    "NeedPriority",
    "SteeringDocument",
    "SteeringDocumentKind",
    "SteeringDocumentStatus",
    "TargetGroup",
]

DEFAULT_TARGET_GROUPS = [
    "Taxi",
    "Hotell",
    "Restaurang",
    "Egen personal",
    "Studenter",
    "Allmänheten",
    "Socialtjänsten",
    "Vården",
]


class TargetGroup(models.Model):
    """Who an activity is aimed at; each group keeps its own list."""

    group_path = "group"  # shows on the group's pages (members.changes)

    group = models.ForeignKey(
        CoordinationGroup, on_delete=models.CASCADE, related_name="target_groups"
    )
    name = models.CharField(_("name"), max_length=80)
    order = models.PositiveIntegerField(default=0)

    objects = GroupScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        ordering = ["group", "order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["group", "name"], name="target_group_unique_name"),
        ]

    def __str__(self):
        return self.name


class RecordQuerySet(GroupScopedQuerySet):
    def for_group(self, group):
        return self.filter(organisation__group=group)

    def current_in(self, period):
        """Records that were in force at some point during the period."""
        start, end = self.model.START_FIELD, self.model.END_FIELD
        return self.filter(
            Q(**{f"{start}__isnull": True}) | Q(**{f"{start}__lte": period.ends_on}),
            Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": period.starts_on}),
        )


class Record(models.Model):
    """What the four kinds of record share: an owner, and who changed it last."""

    group_path = "organisation__group"  # shows on the group's pages (members.changes)

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, verbose_name=_("organisation")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    objects = RecordQuerySet.as_manager()

    class Meta:
        abstract = True


class ActivityKind(models.TextChoices):
    TRAINING = "training", _("Training")
    SEMINAR = "seminar", _("Seminar or conference")
    CAMPAIGN = "campaign", _("Information effort or campaign")
    NETWORK = "network", _("Network meeting")
    SURVEY = "survey", _("Survey or report")
    OPERATION = "operation", _("Operational effort")
    OTHER = "other", _("Other")


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class Activity(Record):
    START_FIELD, END_FIELD = "starts_on", "ends_on"

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=5000)
    kind = models.CharField(_("kind"), max_length=20, choices=ActivityKind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    target_groups = models.ManyToManyField(
        TargetGroup, blank=True, related_name="activities", verbose_name=_("target groups")
    )
    partners = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="partner_in_activities",
        verbose_name=_("partner organisations in the group"),
    )
    outside_partners = models.CharField(
        _("other partners"),
        max_length=300,
        blank=True,
        help_text=_("Bodies outside the group, separated by commas."),
    )
    participants = models.PositiveIntegerField(_("number of participants"), null=True, blank=True)
    link = models.URLField(_("link"), blank=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-starts_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="activity_ends_after_start",
            ),
        ]
        indexes = [
            # Lists and the submission page: an organisation's activities by date.
            models.Index(fields=["organisation", "-starts_on"], name="activity_org_start_idx"),
            # The start page: the group's latest activities, newest first.
            models.Index(fields=["-starts_on", "-id"], name="activity_start_idx"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_closed(self):
        return self.status in (ActivityStatus.DONE, ActivityStatus.CANCELLED)


class SteeringDocumentKind(models.TextChoices):
    ACTION_PLAN = "action_plan", _("Action plan")
    OPERATIONAL_PLAN = "operational_plan", _("Operational plan")
    POLICY = "policy", _("Policy")
    DECISION = "decision", _("Protocol or decision")
    OTHER = "other", _("Other")


class SteeringDocumentStatus(models.TextChoices):
    IN_FORCE = "in_force", _("Exists")
    IN_PROGRESS = "in_progress", _("In progress")
    PLANNED = "planned", _("Planned")
    MISSING = "missing", _("Missing")


class SteeringDocument(Record):
    START_FIELD, END_FIELD = "adopted_on", "closed_on"

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=SteeringDocumentKind.choices)
    status = models.CharField(_("status"), max_length=20, choices=SteeringDocumentStatus.choices)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    closed_on = models.DateField(_("no longer in force from"), null=True, blank=True)
    link = models.URLField(_("link"), blank=True)
    # MEDIA_ROOT is never served: the file goes out only through a view that checks access.
    file = models.FileField(_("file"), upload_to="documents/%Y/%m/", blank=True)
    file_name = models.CharField(max_length=200, blank=True)  # download_name when saved
    file_type = models.CharField(max_length=100, blank=True)  # found in the content

    class Meta:
        verbose_name = _("steering document")
        verbose_name_plural = _("steering documents")
        ordering = ["title"]

    def __str__(self):
        return self.title

    @property
    def download_name(self):
        """The title made safe plus the extension of the type found in the content; the
        uploader's file name is not trusted (a PDF could have come as "plan.bat")."""
        return uploads.download_name(self.title, self.file_type)

    @property
    def download_type(self):
        return (
            self.file_type if self.file_type in uploads.EXTENSIONS else "application/octet-stream"
        )

    @property
    def is_closed(self):
        return self.closed_on is not None and self.closed_on <= timezone.localdate()


class CollaborationLevel(models.TextChoices):
    NONE = "none", _("None")
    INFORMAL = "informal", _("Informal")
    FORMAL = "formal", _("Formal agreement")
    STRATEGIC = "strategic", _("Strategic")


class Collaboration(Record):
    START_FIELD, END_FIELD = "since", "ended_on"

    partner = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="collaborations_as_partner",
        verbose_name=_("member organisation"),
    )
    outside_partner = models.CharField(_("or a body outside the group"), max_length=200, blank=True)
    level = models.CharField(_("level"), max_length=20, choices=CollaborationLevel.choices)
    description = models.TextField(_("description"), blank=True, max_length=5000)
    since = models.DateField(_("since"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)

    class Meta:
        verbose_name = _("collaboration")
        verbose_name_plural = _("collaborations")
        ordering = ["organisation", "partner__order", "outside_partner"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(partner__isnull=False) & Q(outside_partner=""))
                | (Q(partner__isnull=True) & ~Q(outside_partner="")),
                name="collaboration_one_partner",
            ),
        ]

    def __str__(self):
        return self.partner_name

    @property
    def partner_name(self):
        return self.partner.name if self.partner_id else self.outside_partner

    @property
    def is_closed(self):
        return self.ended_on is not None and self.ended_on <= timezone.localdate()


class NeedKind(models.TextChoices):
    TRAINING = "training", _("Training")
    INFORMATION = "information", _("Information")
    COLLABORATION = "collaboration", _("Collaboration")
    RESOURCES = "resources", _("Resources")
    OTHER = "other", _("Other")


class NeedPriority(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


class Need(Record):
    START_FIELD, END_FIELD = "noted_on", "met_on"

    kind = models.CharField(_("kind"), max_length=20, choices=NeedKind.choices)
    description = models.TextField(_("description"), max_length=5000)
    priority = models.CharField(
        _("priority"), max_length=10, choices=NeedPriority.choices, default=NeedPriority.MEDIUM
    )
    noted_on = models.DateField(_("noted on"), default=timezone.localdate)
    met_on = models.DateField(_("met or dropped on"), null=True, blank=True)

    class Meta:
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        ordering = ["organisation", "-noted_on"]

    def __str__(self):
        return self.description[:60]

    @property
    def audit_label(self):
        """The audit log names a need without its description (members.audit)."""
        return f"need ({self.kind})"

    @property
    def is_closed(self):
        return self.met_on is not None and self.met_on <= timezone.localdate()
