"""Reporting periods, their questionnaires, and each organisation's submission of answers."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from members.changes import GroupScopedQuerySet
from members.models import CoordinationGroup, Organisation

__all__ = [
    "ANSWER_MAX_LENGTH",
    "EDITABLE_STATUSES",
    "Answer",
    "AnswerVersion",
    "Comment",
    "Period",
    "PeriodState",
    "Reminder",
    "Question",
    "QuestionKind",
    "Submission",
    "SubmissionStatus",
    "Transition",
]

ANSWER_MAX_LENGTH = 20_000


class PeriodState(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed (late answers accepted)")
    LOCKED = "locked", _("Locked")


class PeriodQuerySet(GroupScopedQuerySet):
    def for_group(self, group):
        return self.filter(group=group).order_by("-starts_on")


class Period(models.Model):
    """A reporting period (usually a quarter) of one group, with its own questionnaire."""

    group_path = "group"  # shows on the group's pages (members.changes)

    group = models.ForeignKey(
        CoordinationGroup, on_delete=models.PROTECT, related_name="periods", verbose_name=_("group")
    )
    name = models.CharField(_("name"), max_length=100)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    deadline = models.DateField(_("deadline for answers"))
    locked_at = models.DateTimeField(_("locked at"), null=True, blank=True)
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Opened for answers before its start date by a coordinator (periods.period_open_early).
    opened_at = models.DateTimeField(_("opened for answers at"), null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PeriodQuerySet.as_manager()

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["group", "-starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["group", "name"], name="period_unique_name_in_group"),
            models.CheckConstraint(
                condition=Q(starts_on__lte=F("ends_on")), name="period_starts_before_it_ends"
            ),
            models.CheckConstraint(
                condition=Q(deadline__gte=F("starts_on")),
                name="period_deadline_after_start",
            ),
        ]
        indexes = [
            # Period lists and "the latest period" of a group, newest first.
            models.Index(fields=["group", "-starts_on"], name="period_group_start_idx"),
        ]

    def __str__(self):
        return self.name

    @property
    def state(self):
        if self.locked_at:
            return PeriodState.LOCKED
        today = timezone.localdate()
        if today < self.starts_on and self.opened_at is None:
            return PeriodState.UPCOMING
        if today <= self.deadline:
            return PeriodState.OPEN
        return PeriodState.CLOSED

    def get_state_display(self):
        return PeriodState(self.state).label

    @property
    def is_locked(self):
        return self.locked_at is not None

    @property
    def accepts_answers(self):
        """Open, or closed with late answers still accepted."""
        return self.state in (PeriodState.OPEN, PeriodState.CLOSED)

    @property
    def is_opened_early(self):
        """Opened for answers by a coordinator before its start date, which is still ahead."""
        return self.opened_at is not None and timezone.localdate() < self.starts_on

    @property
    def is_past_deadline(self):
        return timezone.localdate() > self.deadline

    def member_organisations(self):
        """The organisations that were members at some point during the period."""
        return self.group.organisations.filter(
            Q(joined_on__isnull=True) | Q(joined_on__lte=self.ends_on),
            Q(left_on__isnull=True) | Q(left_on__gt=self.starts_on),
        ).order_by("order", "name")


class Reminder(models.Model):
    """A coordinator reminded an organisation's representatives to send their answers
    (reminders.remind): at most one per organisation and period in 24 hours."""

    group_path = "period__group"  # "Påmint i dag 09:14" on the period overview

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="reminders")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(_("reminded at"), default=timezone.now)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = GroupScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        indexes = [
            models.Index(
                fields=["period", "organisation", "-sent_at"], name="reminder_period_org_idx"
            ),
        ]

    def __str__(self):
        return f"{self.organisation} {self.sent_at:%Y-%m-%d %H:%M}"


class QuestionKind(models.TextChoices):
    NARRATIVE = "narrative", _("Narrative only")
    ACTIVITIES = "activities", _("Activities")
    STEERING_DOCUMENTS = "steering_documents", _("Steering documents")
    COLLABORATIONS = "collaborations", _("Collaborations")
    NEEDS = "needs", _("Needs")


class Question(models.Model):
    """One question of a period's questionnaire. Wording is kept per period, so an old
    report keeps the wording it was answered under."""

    group_path = "period__group"  # shows on the group's pages (members.changes)

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="questions")
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("short title"), max_length=100)
    wording = models.TextField(_("full wording"))
    help_text = models.TextField(_("help for the representative"), blank=True)
    kind = models.CharField(
        _("records gathered"),
        max_length=20,
        choices=QuestionKind.choices,
        default=QuestionKind.NARRATIVE,
    )

    objects = GroupScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["period", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "number"],
                name="question_unique_number_in_period",
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="question_number_positive"),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned")
    APPROVED = "approved", _("Approved")


EDITABLE_STATUSES = (SubmissionStatus.DRAFT, SubmissionStatus.RETURNED)


class SubmissionQuerySet(GroupScopedQuerySet):
    def for_period_overview(self, period):
        return (
            self.filter(period=period)
            .select_related("updated_by", "organisation")
            .defer("records_snapshot")
        )

    def latest_approved_before(self, organisation, period):
        """The organisation's most recent approved submission in an earlier period."""
        return (
            self.filter(
                organisation=organisation,
                status=SubmissionStatus.APPROVED,
                period__starts_on__lt=period.starts_on,
            )
            .select_related("period")
            .order_by("-period__starts_on")
            .first()
        )


class Submission(models.Model):
    """One organisation's answers for one period, and where they are in the review."""

    group_path = "period__group"  # shows on the group's pages (members.changes)

    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="submissions")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="submissions"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SubmissionStatus.choices, default=SubmissionStatus.DRAFT
    )
    # Bumped by every save; a save that carries an older number is a conflict.
    version = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    # The records shown in the submission when it was approved, so that it (and any
    # report compiled from it) keeps showing exactly what was approved.
    records_snapshot = models.JSONField(default=dict, blank=True)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        constraints = [
            models.UniqueConstraint(
                fields=["period", "organisation"], name="submission_one_per_organisation_and_period"
            ),
        ]
        indexes = [
            # latest_approved_before: an organisation's approved submissions, newest first.
            models.Index(fields=["organisation", "status"], name="submission_org_status_idx"),
        ]

    def __str__(self):
        return f"{self.organisation} – {self.period}"

    @property
    def is_editable(self):
        return self.status in EDITABLE_STATUSES

    @property
    def is_late(self):
        if self.status in (SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED):
            return self.submitted_at is not None and (
                timezone.localdate(self.submitted_at) > self.period.deadline
            )
        return self.period.is_past_deadline


class Answer(models.Model):
    """The current text of one answer; every saved text is kept as an AnswerVersion."""

    group_path = "submission__period__group"  # shows on the group's pages (members.changes)

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    text = models.TextField(_("answer"), blank=True, max_length=ANSWER_MAX_LENGTH)

    objects = GroupScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "question"], name="answer_one_per_question"
            ),
        ]

    def __str__(self):
        return f"{self.submission} – {self.question.number}"


class AnswerVersion(models.Model):
    group_path = "answer__submission__period__group"  # shown in the comparison of versions

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    text = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    objects = GroupScopedQuerySet.as_manager()

    class Meta:
        ordering = ["answer", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["answer", "number"], name="answer_version_unique"),
        ]

    def __str__(self):
        return f"{self.answer} v{self.number}"


class Transition(models.Model):
    """One step of a submission's workflow: who moved it from where to where, and why."""

    group_path = "submission__period__group"  # shows on the group's pages (members.changes)

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=20, choices=SubmissionStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=SubmissionStatus.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    comment = models.TextField(blank=True)
    # On a return: the numbers of the questions the reason concerns (the coordinator's
    # "Gäller fråga …"), shown to the representative at those questions.
    questions = models.JSONField(default=list, blank=True)

    objects = GroupScopedQuerySet.as_manager()

    class Meta:
        ordering = ["submission", "at", "pk"]

    def __str__(self):
        return f"{self.submission}: {self.from_status} → {self.to_status}"


class Comment(models.Model):
    """A review comment on one question (or on the whole submission when question is empty).

    A comment without `thread` starts a thread; replies point at it. Threads are
    resolved by the coordinator and stay visible across resubmissions.
    """

    group_path = "submission__period__group"  # shows on the group's pages (members.changes)

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="comments")
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, null=True, blank=True, related_name="comments"
    )
    thread = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("comment"), max_length=5000)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = GroupScopedQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:60]

    @property
    def audit_label(self):
        """The audit log names a comment without its text (members.audit)."""
        return "reply" if self.thread_id else "comment"

    @cached_property
    def is_resolved(self):
        return self.resolved_at is not None
