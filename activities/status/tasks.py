"""The start page's task list (the GOV.UK "task list" pattern): what waits for a person in
their groups, each task with its deadline in words and its state.

A representative answers for each organisation they represent in the group's current
period; a coordinator reviews the submitted answers, follows the returned ones, locks the
periods past their deadline and prepares the next one. A person who does both sees their
own answering first. A reader has no tasks.

The tasks depend only on the person's standing in each group (coordinator or not, the
organisations they represent), never on who they are, so the group start page keeps them
in its shared part. The read runs a fixed number of queries whatever the data size: four
for a coordinator, four for a representative (one more per group they represent in), five
for both, none for a person with neither role.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from activities.models import Period, Submission, SubmissionStatus
from activities.reporting.deadlines import deadline_in_words
from activities.reporting.reads import NOT_STARTED, Completeness, answered_counts
from members.models import Organisation

# The tag of each answering state, as the person acting on it needs to read it.
ANSWER_STATES = {
    NOT_STARTED: ("not_started", _("Not started")),
    SubmissionStatus.DRAFT: ("draft", _("Draft")),
    SubmissionStatus.RETURNED: ("returned", _("Returned – action needed")),
    SubmissionStatus.SUBMITTED: ("submitted", _("Submitted")),
    SubmissionStatus.APPROVED: ("approved", _("Approved")),
}
# Shown at most, per group, of the periods to lock; the period list has the rest.
MAX_LOCK_TASKS = 3


@dataclass
class Task:
    """One line of the task list: what to do (a link), its deadline and its state."""

    kind: str
    label: str
    url: str
    group: object
    deadline: date | None = None
    deadline_words: str = ""
    is_late: bool = False
    state: str = ""
    state_label: str = ""
    progress: Completeness | None = None
    note: str = ""


@dataclass
class GroupTasks:
    """A group's tasks for one person: their own answering first, then coordinating."""

    group: object
    answering: list = field(default_factory=list)
    coordinating: list = field(default_factory=list)
    # The organisations the person represents in the group, by order (read anyway).
    represented: list = field(default_factory=list)

    @property
    def tasks(self):
        return self.answering + self.coordinating

    def __bool__(self):
        return bool(self.answering or self.coordinating)


def _state_label(state):
    return str(ANSWER_STATES[state][1])


def _is_member(organisation, period):
    joined, left = organisation.joined_on, organisation.left_on
    return (joined is None or joined <= period.ends_on) and (
        left is None or left > period.starts_on
    )


def tasks_for(standings):
    """Each standing's GroupTasks, in the order given (see the module's docstring); a
    reader's are empty, without a query."""
    everyone = list(standings)
    standings = [s for s in everyone if s.is_coordinator or s.organisation_ids]
    if not standings:
        return [GroupTasks(s.group) for s in everyone]
    today = timezone.localdate()
    groups = [s.group for s in standings]
    periods = list(
        Period.objects.filter(group__in=groups, locked_at__isnull=True)
        .only(
            "pk", "group_id", "name", "starts_on", "ends_on", "deadline", "locked_at", "opened_at"
        )
        .annotate(question_count=Count("questions"))
        .order_by("-starts_on", "-pk")
    )
    by_group = {group.pk: [p for p in periods if p.group_id == group.pk] for group in groups}
    current = {
        pk: next((p for p in group_periods if _has_started(p, today)), None)
        for pk, group_periods in by_group.items()
    }
    # The latest period that has started (or was opened early) and is not locked: it
    # takes answers.
    answering = [
        current[s.group.pk] for s in standings if s.organisation_ids and current[s.group.pk]
    ]
    represented = set().union(*(s.organisation_ids for s in standings))
    coordinated = [s.group for s in standings if s.is_coordinator]

    wanted = Q(pk__in=[])
    if answering:
        wanted |= Q(period__in=answering, organisation_id__in=represented)
        # Answers returned in an earlier period that is still open to changes.
        wanted |= Q(
            period__in=periods,
            organisation_id__in=represented,
            status=SubmissionStatus.RETURNED,
        )
    if coordinated:
        wanted |= Q(
            period__in=[p for p in periods if p.group_id in {g.pk for g in coordinated}],
            status__in=(SubmissionStatus.SUBMITTED, SubmissionStatus.RETURNED),
        )
    submissions = list(
        Submission.objects.filter(wanted)
        .only("pk", "period_id", "organisation_id", "status", "submitted_at")
        .order_by("submitted_at", "pk")
    )
    organisations = {}
    counted = {}
    if represented:
        organisations = {
            o.pk: o
            for o in Organisation.objects.filter(pk__in=represented).order_by("order", "name")
        }
    if answering:
        counted = {period.pk: answered_counts(period) for period in answering}

    period_by_pk = {p.pk: p for p in periods}
    result = []
    for standing in everyone:
        group = standing.group
        tasks = GroupTasks(group)
        if standing not in standings:
            result.append(tasks)
            continue
        tasks.represented = [o for o in organisations.values() if o.pk in standing.organisation_ids]
        period = current[group.pk]
        if period is not None and standing.organisation_ids:
            tasks.answering += _answer_tasks(
                standing, period, organisations, submissions, counted, today
            )
            tasks.answering += _earlier_returns(
                standing, period, organisations, submissions, period_by_pk, today
            )
        if standing.is_coordinator:
            tasks.coordinating += _coordinator_tasks(
                group, by_group[group.pk], current[group.pk], submissions, today
            )
        result.append(tasks)
    return result


def _has_started(period, today):
    """Started by the calendar, or opened for answers early by the coordinator."""
    return period.starts_on <= today or period.opened_at is not None


def _deadline(task, deadline, today):
    task.deadline = deadline
    task.deadline_words = deadline_in_words(deadline, today)
    task.is_late = deadline < today
    return task


def _answer_tasks(standing, period, organisations, submissions, counted, today):
    mine = {
        s.organisation_id: s
        for s in submissions
        if s.period_id == period.pk and s.organisation_id in standing.organisation_ids
    }
    tasks = []
    for organisation in organisations.values():
        if organisation.pk not in standing.organisation_ids or not _is_member(organisation, period):
            continue
        submission = mine.get(organisation.pk)
        state = submission.status if submission else NOT_STARTED
        task = Task(
            kind="answer",
            label=gettext("Answer for %(name)s – %(period)s")
            % {"name": organisation.name, "period": period.name},
            url=reverse(
                "activities:submission", args=[standing.group.slug, period.pk, organisation.pk]
            ),
            group=standing.group,
            state=ANSWER_STATES[state][0],
            state_label=_state_label(state),
            progress=Completeness(
                answered=counted[period.pk].get(organisation.pk, 0),
                total=period.question_count,
            ),
        )
        done = state in (SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED)
        if not done:
            _deadline(task, period.deadline, today)
        tasks.append(task)
    return tasks


def _earlier_returns(standing, period, organisations, submissions, period_by_pk, today):
    tasks = []
    for submission in submissions:
        earlier = period_by_pk.get(submission.period_id)
        if (
            submission.status != SubmissionStatus.RETURNED
            or submission.organisation_id not in standing.organisation_ids
            or earlier is None
            or earlier.group_id != standing.group.pk
            or earlier.pk == period.pk
        ):
            continue
        organisation = organisations[submission.organisation_id]
        task = Task(
            kind="answer",
            label=gettext("Answer for %(name)s – %(period)s")
            % {"name": organisation.name, "period": earlier.name},
            url=reverse(
                "activities:submission", args=[standing.group.slug, earlier.pk, organisation.pk]
            ),
            group=standing.group,
            state="returned",
            state_label=_state_label(SubmissionStatus.RETURNED),
        )
        tasks.append(task)
    return tasks


def _coordinator_tasks(group, periods, current, submissions, today):
    """Review what waits, follow what was returned, lock what is past its deadline,
    prepare the next period."""
    tasks = []
    slug = group.slug
    open_periods = [p for p in periods if _has_started(p, today)]
    for period in open_periods:
        of_period = [s for s in submissions if s.period_id == period.pk]
        waiting = [s for s in of_period if s.status == SubmissionStatus.SUBMITTED]
        returned = [s for s in of_period if s.status == SubmissionStatus.RETURNED]
        if waiting:
            first = waiting[0]
            url = (
                reverse("activities:submission", args=[slug, period.pk, first.organisation_id])
                if len(waiting) == 1
                else reverse("activities:period_overview", args=[slug, period.pk])
            )
            tasks.append(
                Task(
                    kind="review",
                    label=gettext("Review submitted answers – %(period)s (%(count)d waiting)")
                    % {"period": period.name, "count": len(waiting)},
                    url=url,
                    group=group,
                    state="submitted",
                    state_label=gettext("Waiting for you"),
                )
            )
        if returned:
            tasks.append(
                Task(
                    kind="returned",
                    label=gettext("Returned answers – %(period)s (%(count)d)")
                    % {"period": period.name, "count": len(returned)},
                    url=reverse("activities:period_overview", args=[slug, period.pk]),
                    group=group,
                    state="returned",
                    state_label=gettext("Waiting for the representatives"),
                )
            )
    to_lock = [p for p in open_periods if p.deadline < today]
    for period in sorted(to_lock, key=lambda p: p.starts_on)[:MAX_LOCK_TASKS]:
        task = Task(
            kind="lock",
            label=gettext("Lock %(period)s") % {"period": period.name},
            url=reverse("activities:period_overview", args=[slug, period.pk]),
            group=group,
            state="closed",
            state_label=gettext("Past its deadline"),
            note=gettext("Lock it when every answer is in and reviewed."),
        )
        tasks.append(_deadline(task, period.deadline, today))
    if len(to_lock) > MAX_LOCK_TASKS:
        tasks.append(
            Task(
                kind="lock",
                label=gettext("%(count)d more periods to lock")
                % {"count": len(to_lock) - MAX_LOCK_TASKS},
                url=reverse("activities:period_list", args=[slug]),
                group=group,
            )
        )
    upcoming = sorted((p for p in periods if not _has_started(p, today)), key=lambda p: p.starts_on)
    if upcoming:
        period = upcoming[0]
        tasks.append(
            Task(
                kind="prepare",
                label=gettext("Prepare %(period)s: questions and dates") % {"period": period.name},
                url=reverse("activities:period_overview", args=[slug, period.pk]),
                group=group,
                state="upcoming",
                state_label=gettext("Opens %(date)s") % {"date": _long_date(period.starts_on)},
            )
        )
    elif current is None or current.deadline < today:
        tasks.append(
            Task(
                kind="prepare",
                label=gettext("Create the next period"),
                url=reverse("activities:period_list", args=[slug]),
                group=group,
                state="not_started",
                state_label=gettext("No upcoming period"),
            )
        )
    return tasks


def _long_date(day):
    return date_format(day, "DATE_FORMAT")
