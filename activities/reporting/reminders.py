"""Reminders sent by `manage.py send_reminders` (daily, from cron or a systemd timer).

Each reminder carries a key naming what it is about, so a second run the same day (or
any later day) sends nothing that was already sent.
"""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from activities.models import Period, Submission, SubmissionStatus, Transition
from members.access import coordinators_of, representatives_of
from members.models import CoordinationGroup, NotificationKind
from members.notifications import notify

DONE = (SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED)


def _path(group, period_id, organisation_id):
    return reverse("activities:submission", args=[group.slug, period_id, organisation_id])


def send_reminders(today=None):
    today = today or timezone.localdate()
    counts = {"opened": 0, "deadline": 0, "returned": 0}
    for group in CoordinationGroup.objects.all():
        periods = Period.objects.filter(
            group=group, starts_on__lte=today, deadline__gte=today, locked_at__isnull=True
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
