"""Workflows on periods and their questionnaires. Views call these; nothing else writes.

A questionnaire changes only until the first answer is saved: each change locks the
period's row and checks that no submission exists, in one transaction.

Every service here that writes locks the period before anything else (period_locked; the
group comes last, by the first write: members.locks).
"""

from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from activities.log import logged
from activities.models import Period, Question, SubmissionStatus
from activities.records.services import target_groups_seed

from .questionnaire import DEFAULT_QUESTIONS

# Days after a quarter's end that representatives have to answer, by default.
DEFAULT_DAYS_TO_ANSWER = 15


class WorkflowError(Exception):
    """A change the rules do not allow now; the message is shown to the person."""


class DateChangeRefused(WorkflowError):
    """New dates that contradict the period's answers or approvals; `field` names the date
    the message is about, so the form shows it there (None: the whole form)."""

    def __init__(self, message, field):
        super().__init__(message)
        self.field = field


def period_locked(pk):
    """Lock the period's row and return it as it is now. Taken before any other lock but
    the person's (members.locks), so the writers of a period's questions, submissions and
    answers take turns here before their writes raise the group."""
    period = (
        Period.objects.select_for_update(no_key=True, of=("self",))
        .select_related("group")
        .get(pk=pk)
    )
    return period


# Periods


def quarter_of(day):
    quarter = (day.month - 1) // 3 + 1
    starts = date(day.year, 3 * quarter - 2, 1)
    ends = (
        date(day.year + 1, 1, 1) if quarter == 4 else date(day.year, 3 * quarter + 1, 1)
    ) - timedelta(days=1)
    return quarter, starts, ends


def next_quarter(group):
    """Name and dates of the quarter after the group's latest period (or the current one)."""
    latest = Period.objects.for_group(group).first()
    day = latest.ends_on + timedelta(days=1) if latest else timezone.localdate()
    quarter, starts, ends = quarter_of(day)
    with translation.override(settings.LANGUAGE_CODE):
        # Period names are data shown in reports: in the site's language, not the clicker's.
        name = _("Quarter %(quarter)s %(year)s") % {"quarter": quarter, "year": starts.year}
    return {
        "name": name,
        "starts_on": starts,
        "ends_on": ends,
        "deadline": ends + timedelta(days=DEFAULT_DAYS_TO_ANSWER),
    }


def period_create(*, group, name, starts_on, ends_on, deadline, by=None):
    """Create a period with the questions of the group's latest period, or the defaults."""
    with transaction.atomic():
        previous = Period.objects.for_group(group).first()
        period = Period.objects.create(
            group=group, name=name, starts_on=starts_on, ends_on=ends_on, deadline=deadline
        )
        if previous is not None:
            source = previous.questions.values("number", "title", "wording", "help_text", "kind")
        else:
            source = DEFAULT_QUESTIONS
        Question.objects.bulk_create(Question(period=period, **fields) for fields in source)
        if previous is None:
            target_groups_seed(group=group)
        logged("period.created", period, by=by, group=group)
    return period


def period_create_next(*, group, by=None):
    return period_create(group=group, by=by, **next_quarter(group))


def date_change_problem(period, *, starts_on, has_answers, has_approvals, today=None):
    """Why the period's new dates contradict what happened in it, or None.

    - a locked period keeps its dates until it is reopened;
    - once answers exist, the start cannot move later into the future (the answers would
      then belong to a period that has not started: "Kommande" with answers in it);
    - an approved period cannot become "Kommande" (unless it was opened early: then it
      stays open whatever its start date).
    The form itself checks the order of the dates (end after start, deadline after start).
    """
    today = today or timezone.localdate()
    if period.locked_at is not None:
        return DateChangeRefused(
            _("%(name)s is locked: reopen it before you change its dates.") % {"name": period.name},
            None,
        )
    if starts_on <= today:
        return None
    if has_approvals and period.opened_at is None:
        return DateChangeRefused(
            _(
                "Answers for %(name)s have been approved, so it cannot start in the future. "
                "Choose a start date no later than today."
            )
            % {"name": period.name},
            "starts_on",
        )
    if has_answers and starts_on > period.starts_on:
        return DateChangeRefused(
            _(
                "Answers for %(name)s exist, so its start cannot be moved later into the "
                "future. Keep the start date or choose an earlier one."
            )
            % {"name": period.name},
            "starts_on",
        )
    return None


def period_update(*, period, name, starts_on, ends_on, deadline, by):
    """Change the period's name and dates; refused (DateChangeRefused) when the new dates
    contradict its answers or approvals (date_change_problem)."""
    with transaction.atomic():
        current = period_locked(period.pk)
        statuses = set(current.submissions.values_list("status", flat=True).order_by().distinct())
        problem = date_change_problem(
            current,
            starts_on=starts_on,
            has_answers=bool(statuses),
            has_approvals=SubmissionStatus.APPROVED in statuses,
        )
        if problem is not None:
            raise problem
        Period.objects.filter(pk=period.pk).update(
            name=name, starts_on=starts_on, ends_on=ends_on, deadline=deadline
        )
        logged("period.updated", period, by=by, group=period.group)


def period_open_early(*, period, by):
    """Open the period for answers now, before its start date (in December for January to
    March). Refused for a locked period or one that has already started."""
    with transaction.atomic():
        current = period_locked(period.pk)
        if current.locked_at is not None:
            raise WorkflowError(_("%(name)s is locked: reopen it first.") % {"name": current.name})
        if current.opened_at is not None or current.starts_on <= timezone.localdate():
            raise WorkflowError(_("%(name)s is already open for answers.") % {"name": current.name})
        Period.objects.filter(pk=period.pk).update(opened_at=timezone.now(), opened_by=by)
        logged("period.opened_early", current, by=by, group=current.group)


def period_lock(*, period, by):
    with transaction.atomic():
        period_locked(period.pk)
        if Period.objects.filter(pk=period.pk, locked_at__isnull=True).update(
            locked_at=timezone.now(), locked_by=by
        ):
            logged("period.locked", period, by=by, group=period.group)


def period_unlock(*, period, by):
    with transaction.atomic():
        period_locked(period.pk)
        if Period.objects.filter(pk=period.pk, locked_at__isnull=False).update(
            locked_at=None, locked_by=None
        ):
            logged("period.unlocked", period, by=by, group=period.group)


# Questions


def questions_are_frozen(period):
    return period.submissions.exists()


def _lock_questions(period):
    """Lock the period row and refuse if anyone has started answering."""
    locked = period_locked(period.pk)
    if questions_are_frozen(locked):
        raise WorkflowError(
            _("Answers exist for this period, so its questions can no longer be changed.")
        )
    return locked


def question_create(*, period, title, wording, help_text, kind, by):
    with transaction.atomic():
        _lock_questions(period)
        last = period.questions.aggregate(last=Max("number"))["last"] or 0
        question = Question.objects.create(
            period=period,
            number=last + 1,
            title=title,
            wording=wording,
            help_text=help_text,
            kind=kind,
        )
        logged("question.created", question, by=by, group=period.group)
    return question


def question_update(*, question, title, wording, help_text, kind, by):
    with transaction.atomic():
        _lock_questions(question.period)
        Question.objects.filter(pk=question.pk).update(
            title=title, wording=wording, help_text=help_text, kind=kind
        )
        logged("question.updated", question, by=by, group=question.period.group)


def _renumber(period, ordered):
    """Give the questions the numbers 1..n in this order, without tripping the unique
    constraint on the way (numbers are moved out of the way first)."""
    offset = (period.questions.aggregate(last=Max("number"))["last"] or 0) + 1
    Question.objects.filter(period=period).update(number=F("number") + offset)
    for number, question in enumerate(ordered, start=1):
        Question.objects.filter(pk=question.pk).update(number=number)


def question_delete(*, question, by):
    with transaction.atomic():
        period = _lock_questions(question.period)
        # Logged first: once deleted, the question has no id to name.
        logged("question.deleted", question, by=by, group=question.period.group)
        question.delete()
        _renumber(period, list(period.questions.order_by("number")))


def question_move(*, question, offset, by):
    with transaction.atomic():
        period = _lock_questions(question.period)
        ordered = list(period.questions.order_by("number"))
        index = next(i for i, q in enumerate(ordered) if q.pk == question.pk)
        target = index + offset
        if 0 <= target < len(ordered):
            ordered[index], ordered[target] = ordered[target], ordered[index]
            _renumber(period, ordered)
            logged(
                "question.moved",
                question,
                by=by,
                group=period.group,
                detail="up" if offset < 0 else "down",
            )
