"""Reminders: the daily ones sent by `manage.py send_reminders` (from cron or a systemd
timer), and the ones a coordinator sends from the period overview ("Påminn").

Each daily reminder carries a key naming what it is about, so a second run the same day
(or any later day) sends nothing that was already sent. A coordinator's reminder reaches
an organisation at most once in 24 hours (remind, remind_all).
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from activities.models import Period, Reminder, Submission, SubmissionStatus, Transition
from members import audit
from members.access import coordinators_of, representatives_of
from members.models import CoordinationGroup, NotificationKind
from members.notifications import notify

from .periods import WorkflowError, period_locked

DONE = (SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED)


def _path(group, period_id, organisation_id):
    return reverse("activities:submission", args=[group.slug, period_id, organisation_id])


def send_reminders(today=None):
    today = today or timezone.localdate()
    counts = {"opened": 0, "deadline": 0, "returned": 0}
    for group in CoordinationGroup.objects.all():
        periods = Period.objects.filter(
            Q(starts_on__lte=today) | Q(opened_at__isnull=False),  # opened early
            group=group,
            deadline__gte=today,
            locked_at__isnull=True,
        )
        for period in periods:
            done = set(
                Submission.objects.filter(period=period, status__in=DONE).values_list(
                    "organisation_id", flat=True
                )
            )
            remind = today >= period.deadline - timedelta(days=group.reminder_days_before_deadline)
            for organisation in period.member_organisations():
                context = {
                    "period": period,
                    "organisation": organisation,
                    "path": _path(group, period.pk, organisation.pk),
                }
                representatives = representatives_of(organisation)
                notify(
                    kind=NotificationKind.PERIOD_OPENED,
                    recipients=representatives,
                    template="period_opened",
                    context=context,
                    group=group,
                    dedupe_key=f"opened:{period.pk}:{organisation.pk}",
                )
                counts["opened"] += 1
                if remind and organisation.pk not in done:
                    notify(
                        kind=NotificationKind.DEADLINE_NEAR,
                        recipients=representatives,
                        template="deadline_near",
                        context=context,
                        group=group,
                        dedupe_key=f"deadline:{period.pk}:{organisation.pk}",
                    )
                    counts["deadline"] += 1

        cutoff = timezone.now() - timedelta(days=group.returned_reminder_days)
        returned = Submission.objects.filter(
            period__group=group, status=SubmissionStatus.RETURNED, period__locked_at__isnull=True
        ).select_related("period", "organisation")
        for submission in returned:
            last_return = (
                Transition.objects.filter(
                    submission=submission, to_status=SubmissionStatus.RETURNED
                )
                .order_by("-at")
                .first()
            )
            if last_return is None or last_return.at > cutoff:
                continue
            notify(
                kind=NotificationKind.RETURNED_REMINDER,
                recipients=representatives_of(submission.organisation),
                cc=coordinators_of(group),
                template="returned_reminder",
                context={
                    "period": submission.period,
                    "organisation": submission.organisation,
                    "path": _path(group, submission.period_id, submission.organisation_id),
                },
                group=group,
                dedupe_key=f"returned:{submission.pk}:{last_return.pk}",
            )
            counts["returned"] += 1
    return counts


# A coordinator's reminder ("Påminn" on the period overview)

REMIND_AGAIN_AFTER = timedelta(hours=24)


def reminded_words(at, now=None):
    """When an organisation was last reminded, in local time: "Påmint i dag 09:14"."""
    at = timezone.localtime(at)
    today = timezone.localdate(now) if now else timezone.localdate()
    time = formats.time_format(at, "H:i")
    if at.date() == today:
        return _("Reminded today %(time)s") % {"time": time}
    if at.date() == today - timedelta(days=1):
        return _("Reminded yesterday %(time)s") % {"time": time}
    return _("Reminded %(date)s") % {"date": formats.date_format(at, "DATETIME_FORMAT")}


def may_be_reminded(status):
    """Whether an organisation whose submission has this status (None: not started) has
    still to send its answers."""
    return status not in DONE


def last_reminders(period):
    """Organisation id → when it was last reminded for the period (one query)."""
    rows = (
        Reminder.objects.filter(period=period)
        .values("organisation_id")
        .annotate(last=Max("sent_at"))
        .order_by()
    )
    return {row["organisation_id"]: row["last"] for row in rows}


def _refusal(period, organisation, status, last, now):
    """Why the organisation cannot be reminded now, or None."""
    if period.locked_at is not None:
        return _("%(period)s is locked: nobody can change its answers.") % {"period": period.name}
    if not period.accepts_answers:
        return _("%(period)s is not open for answers yet: open it first.") % {"period": period.name}
    if not may_be_reminded(status):
        return _("%(name)s has already sent its answers.") % {"name": organisation.name}
    if last is not None and now - last < REMIND_AGAIN_AFTER:
        return _(
            "%(name)s was not reminded again. %(last)s; an organisation is reminded at most "
            "once in 24 hours."
        ) % {"name": organisation.name, "last": reminded_words(last, now)}
    return None


def _send(period, organisation, representatives, by, now):
    reminder = Reminder.objects.create(
        period=period, organisation=organisation, sent_at=now, sent_by=by
    )
    notify(
        kind=NotificationKind.DEADLINE_NEAR,
        recipients=representatives,
        template="manual_reminder",
        context={
            "period": period,
            "organisation": organisation,
            "coordinator": by,
            "path": _path(period.group, period.pk, organisation.pk),
        },
        group=period.group,
        dedupe_key=f"reminder:{reminder.pk}",
    )
    audit.record(
        "activities.period.reminded",
        actor=by,
        group=period.group,
        obj=period,
        organisation=organisation.name,
    )
    return reminder


def _status_of(period, organisation):
    submission = Submission.objects.filter(period=period, organisation=organisation).first()
    return submission.status if submission else None


def remind(*, period, organisation, by, now=None):
    """Queue a reminder to the organisation's representatives to send their answers;
    refused (WorkflowError) when it has sent them, when the period does not take answers,
    when it has no representatives, or within 24 hours of its last reminder."""
    now = now or timezone.now()
    with transaction.atomic():
        current = period_locked(period.pk)
        last = last_reminders(current).get(organisation.pk)
        problem = _refusal(current, organisation, _status_of(current, organisation), last, now)
        representatives = list(representatives_of(organisation))
        if problem is None and not representatives:
            problem = _("%(name)s has no representatives to remind.") % {"name": organisation.name}
        if problem is not None:
            raise WorkflowError(problem)
        return _send(current, organisation, representatives, by, now)


def remind_all(*, period, by, now=None):
    """Remind every organisation of the period that has not sent its answers and may be
    reminded now. Returns (names reminded, names left out)."""
    now = now or timezone.now()
    reminded, left_out = [], []
    with transaction.atomic():
        current = period_locked(period.pk)
        if current.locked_at is not None or not current.accepts_answers:
            raise WorkflowError(
                _refusal(current, None, None, None, now)  # the period's own reason
            )
        statuses = dict(
            Submission.objects.filter(period=current).values_list("organisation_id", "status")
        )
        last = last_reminders(current)
        for organisation in current.member_organisations():
            status = statuses.get(organisation.pk)
            if not may_be_reminded(status):
                continue
            representatives = list(representatives_of(organisation))
            if _refusal(current, organisation, status, last.get(organisation.pk), now) or not (
                representatives
            ):
                left_out.append(organisation.name)
                continue
            _send(current, organisation, representatives, by, now)
            reminded.append(organisation.name)
    return reminded, left_out
