"""The lägesrapport: a draft the coordinator edits, and the frozen versions published from it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from members.changes import GroupScopedQuerySet
from members.models import CoordinationGroup

from .reporting import Period

__all__ = [
    "RelatedReport",
    "Report",
    "ReportContact",
    "ReportSection",
    "ReportSignatory",
    "ReportVersion",
    "PublishRequest",
    "PublishState",
]


class Report(models.Model):
    """A status report of one group over one or more consecutive periods (the draft)."""

    group_path = "group"  # shows on the group's pages (members.changes)

    group = models.ForeignKey(CoordinationGroup, on_delete=models.PROTECT, related_name="reports")
    first_period = models.ForeignKey(
        Period, on_delete=models.PROTECT, related_name="+", verbose_name=_("first period")
    )
    last_period = models.ForeignKey(
        Period, on_delete=models.PROTECT, related_name="+", verbose_name=_("last period")
    )
    title = models.CharField(_("title"), max_length=120, default="Lägesrapport")
    subtitle = models.CharField(_("subtitle or topic"), max_length=250, blank=True)
    county = models.CharField(_("county"), max_length=100)
    issuer = models.CharField(_("issuing organisation"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"))
    foreword = models.TextField(_("foreword"), blank=True)
    foreword_place = models.CharField(_("place"), max_length=100, blank=True)
    foreword_date = models.DateField(_("date"), null=True, blank=True)
    no_report_sentence = models.CharField(
        _("sentence for an organisation that did not report"),
        max_length=300,
        default="Organisationen har inte lämnat någon rapport för perioden.",
    )
    appendix_description = models.TextField(
        _("the group's description in the appendix"), blank=True
    )
    # Off for a new report; the editor offers it only where charts mean something
    # (reports.trends.chart_measures).
    include_trends = models.BooleanField(
        _("include the trend charts in the activities chapter"), default=False
    )
    # What to do with an organisation whose answers are not approved when the report is
    # published: {organisation id: "wait" | "leave_out" | "sentence"}; none means the
    # sentence (reports.readiness).
    not_ready_choices = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = GroupScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("status report")
        verbose_name_plural = _("status reports")
        ordering = ["group", "-year", "-created_at"]

    def __str__(self):
        return f"{self.title} {self.county} {self.year}"

    def clean(self):
        if (
            self.first_period_id
            and self.last_period_id
            and self.first_period.starts_on > self.last_period.starts_on
        ):
            raise ValidationError(_("The first period must not come after the last."))

    def periods(self):
        """The consecutive periods the report covers, oldest first."""
        return Period.objects.filter(
            group=self.group,
            starts_on__gte=self.first_period.starts_on,
            starts_on__lte=self.last_period.starts_on,
        ).order_by("starts_on")


class ReportSignatory(models.Model):
    group_path = "report__group"  # shows on the group's pages (members.changes)

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="signatories")
    order = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("name"), max_length=150)
    title = models.CharField(_("title"), max_length=150, blank=True)

    objects = GroupScopedQuerySet.as_manager()

    class Meta:
        ordering = ["report", "order", "pk"]

    def __str__(self):
        return self.name


class ReportSection(models.Model):
    """An introductory section written by the coordinator."""

    group_path = "report__group"  # shows on the group's pages (members.changes)

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField(default=0)
    heading = models.CharField(_("heading"), max_length=200)
    text = models.TextField(
        _("text"),
        blank=True,
        help_text=_(
            "Paragraphs, lists and links; a footnote is written [^1] and explained "
            "on its own line as [^1]: the note."
        ),
    )
    include_member_list = models.BooleanField(
        _("include the list of member organisations"), default=False
    )

    objects = GroupScopedQuerySet.as_manager()

    class Meta:
        ordering = ["report", "order", "pk"]

    def __str__(self):
        return self.heading


class RelatedReport(models.Model):
    group_path = "report__group"  # shows on the group's pages (members.changes)

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="related_reports")
    order = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(_("title"), max_length=250)
    author = models.CharField(_("author or organisation"), max_length=200, blank=True)
    published = models.CharField(_("date"), max_length=50, blank=True)
    link = models.URLField(_("link"), blank=True)

    objects = GroupScopedQuerySet.as_manager()

    class Meta:
        ordering = ["report", "order", "pk"]

    def __str__(self):
        return self.title


class ReportContact(models.Model):
    """A contact person in the appendix. The public edition shows only the role and the
    functional address, never the name or direct details."""

    group_path = "report__group"  # shows on the group's pages (members.changes)

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="contacts")
    order = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    functional_email = models.EmailField(
        _("functional address"),
        blank=True,
        help_text=_("Shown instead of the person in the public edition."),
    )

    objects = GroupScopedQuerySet.as_manager()

    class Meta:
        ordering = ["report", "order", "pk"]

    def __str__(self):
        return self.name


def _report_file(version, filename):
    return f"reports/{version.report.group.slug}/{version.report_id}/v{version.number}/{filename}"


class ReportVersion(models.Model):
    """A published version: a frozen copy of the whole content and the files made from it.

    Nothing here points into live answers or records, so later edits never change it.
    """

    group_path = "report__group"  # shows on the group's pages (members.changes)

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    content = models.JSONField()
    change_note = models.TextField(_("what changed"), blank=True)
    published_at = models.DateTimeField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    is_public = models.BooleanField(_("public"), default=False)
    unpublished_at = models.DateTimeField(null=True, blank=True)
    pdf = models.FileField(upload_to=_report_file, blank=True)
    docx = models.FileField(upload_to=_report_file, blank=True)
    public_pdf = models.FileField(upload_to=_report_file, blank=True)
    public_docx = models.FileField(upload_to=_report_file, blank=True)
    # The group's edition as PDF/A-3a for the issuing authority's archive; never public.
    archive_pdf = models.FileField(upload_to=_report_file, blank=True)
    odt = models.FileField(upload_to=_report_file, blank=True)
    public_odt = models.FileField(upload_to=_report_file, blank=True)
    # The version's words without markup, for search.
    search_text = models.TextField(blank=True)

    objects = GroupScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("published version")
        verbose_name_plural = _("published versions")
        ordering = ["report", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="report_version_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="report_version_positive"),
        ]

    def __str__(self):
        return f"{self.report} v{self.number}"

    @property
    def is_publicly_visible(self):
        return self.is_public and self.unpublished_at is None

    def delete(self, *args, **kwargs):
        raise ValidationError("A published version is kept; unpublish it instead.")


class PublishState(models.TextChoices):
    QUEUED = "queued", _("Waiting in the queue")
    RUNNING = "running", _("Being made")
    DONE = "done", _("Published")
    FAILED = "failed", _("Failed")


class PublishRequest(models.Model):
    """A coordinator's publish of a draft, worked off in the task queue: while one is
    queued or running, another publish of the same draft is that one (one per report)."""

    not_on_group_pages = (
        "Shown only on its own progress page, which is never cached; the version it "
        "makes raises the group's pages."
    )

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="publish_requests")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    change_note = models.TextField(blank=True)
    is_public = models.BooleanField(default=False)
    state = models.CharField(max_length=10, choices=PublishState, default=PublishState.QUEUED)
    # What failed: the step (a file, reports.publishing.STEPS) and the error's own words.
    failed_step = models.CharField(max_length=20, blank=True)
    error = models.CharField(max_length=500, blank=True)
    version = models.ForeignKey(
        ReportVersion, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["report"],
                condition=Q(state__in=["queued", "running"]),
                name="publish_request_one_at_a_time",
            )
        ]

    def __str__(self):
        return f"{self.report}: {self.state}"

    @property
    def is_pending(self):
        return self.state in (PublishState.QUEUED, PublishState.RUNNING)
