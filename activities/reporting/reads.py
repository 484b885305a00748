"""Named reads, one per screen, each with a fixed number of queries whatever the data size."""

from collections import defaultdict
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from activities.models import Answer, Comment, Period, Submission, SubmissionStatus
from activities.records.kinds import present, record_data
from activities.reporting.questionnaire import BY_QUESTION_KIND
from members import access
from members.models import Organisation
from samordning.text import cached_word_diff, has_changes, render_markdown

from .deadlines import deadline_in_words
from .reminders import last_reminders, may_be_reminded, reminded_words
from .services import previous_answers

NOT_STARTED = "not_started"
STATE_LABELS = {NOT_STARTED: _("Not started"), **dict(SubmissionStatus.choices)}


def period_for(group_access, pk):
    """A period of the person's group; another group's is a 404."""
    periods = Period.objects.select_related("group").filter(group=group_access.group)
    return access.object_or_404(periods, pk=pk)


@dataclass(frozen=True)
class Completeness:
    """How many of a period's questions an organisation has answered in writing (a blank
    answer is stored as the empty string: services.normalise_text strips it)."""

    answered: int
    total: int

    @property
    def is_complete(self):
        return self.answered >= self.total

    @property
    def unanswered(self):
        return max(self.total - self.answered, 0)

    def __str__(self):
        return gettext("%(answered)d of %(total)d answered") % {
            "answered": self.answered,
            "total": self.total,
        }


def answered_counts(period):
    """Organisation id → number of the period's questions with a written answer (one query)."""
    rows = (
        Answer.objects.filter(submission__period=period)
        .exclude(text="")
        .values("submission__organisation_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["submission__organisation_id"]: row["n"] for row in rows}


def completeness(texts, questions):
    """A submission's completeness from texts already loaded (question id → text)."""
    answered = sum(1 for question in questions if texts.get(question.pk, "").strip())
    return Completeness(answered=answered, total=len(questions))


def period_overview_rows(period):
    """One row per member organisation of the period: its submission's state."""
    submissions = {s.organisation_id: s for s in Submission.objects.for_period_overview(period)}
    rows = []
    for organisation in period.member_organisations():
        submission = submissions.get(organisation.pk)
        if submission is not None:
            submission.period = period  # is_late reads the deadline
        state = submission.status if submission else NOT_STARTED
        rows.append(
            {
                "organisation": organisation,
                "submission": submission,
                "state": state,
                "state_label": STATE_LABELS[state],
                "is_late": submission.is_late if submission else period.is_past_deadline,
            }
        )
    return rows


# The counts at the top of the period overview, in this order: "Inskickade 3 · Godkända 2 …"
COUNT_LABELS = (
    (SubmissionStatus.SUBMITTED, pgettext_lazy("count", "Submitted")),
    (SubmissionStatus.APPROVED, pgettext_lazy("count", "Approved")),
    (SubmissionStatus.RETURNED, pgettext_lazy("count", "Returned")),
    (SubmissionStatus.DRAFT, pgettext_lazy("count", "Draft")),
    (NOT_STARTED, pgettext_lazy("count", "Not started")),
)


def period_overview(period):
    """The coordinator's overview of a period: the counts per state, the deadline in words,
    and per organisation its state, "n av m besvarade" and when it was last reminded."""
    rows = period_overview_rows(period)
    total = period.questions.count()
    answered = answered_counts(period)
    reminded = last_reminders(period)
    now = timezone.now()
    may_remind = period.accepts_answers and not period.is_locked
    for row in rows:
        organisation_id = row["organisation"].pk
        row["completeness"] = Completeness(answered.get(organisation_id, 0), total)
        last = reminded.get(organisation_id)
        row["reminded"] = reminded_words(last, now) if last else ""
        status = row["submission"].status if row["submission"] else None
        row["may_remind"] = may_remind and may_be_reminded(status)
    states = [row["state"] for row in rows]
    return {
        "rows": rows,
        "counts": [
            {"state": state, "label": label, "count": states.count(state)}
            for state, label in COUNT_LABELS
        ],
        "deadline_words": deadline_in_words(period.deadline, timezone.localdate()),
        "may_remind": may_remind and any(row["may_remind"] for row in rows),
    }


PERIODS_PER_PAGE = 12


def period_page_exists(group, page_number):
    """Whether a page of the representative's list of periods exists (the first always)."""
    return page_number == 1 or group.periods.count() > (page_number - 1) * PERIODS_PER_PAGE


def submissions_of_representative(group_access, page_number):
    """The periods of the group, newest first, each with the person's organisations' states."""
    organisations = list(
        Organisation.objects.filter(group=group_access.group, pk__in=group_access.organisation_ids)
    )
    periods = Paginator(group_access.group.periods.order_by("-starts_on"), PERIODS_PER_PAGE)
    periods = periods.get_page(page_number)
    submissions = {
        (s.period_id, s.organisation_id): s
        for s in Submission.objects.filter(
            period__in=list(periods), organisation__in=organisations
        ).defer("records_snapshot")
    }
    rows = []
    for period in periods:
        cells = []
        for organisation in organisations:
            submission = submissions.get((period.pk, organisation.pk))
            state = submission.status if submission else NOT_STARTED
            cells.append(
                {"organisation": organisation, "state": state, "state_label": STATE_LABELS[state]}
            )
        rows.append({"period": period, "cells": cells})
    return {"page": periods, "organisations": organisations, "rows": rows}


def submission_page(group_access, period, organisation):
    """Everything the submission page shows: questions, answers, the change since the
    previous period, comment threads and the timeline."""
    questions = list(period.questions.all())
    submission = (
        Submission.objects.filter(period=period, organisation=organisation)
        .select_related("updated_by")
        .prefetch_related(
            "answers",
            Prefetch(
                "comments",
                queryset=Comment.objects.select_related("author", "resolved_by", "question"),
            ),
            "transitions__by",
        )
        .first()
    )
    if submission is not None:
        submission.period = period  # is_late reads the deadline; no second query
    texts = {a.question_id: a.text for a in submission.answers.all()} if submission else {}
    previous, previous_by_number = previous_answers(period=period, organisation=organisation)

    threads = defaultdict(list)
    if submission is not None:
        replies = defaultdict(list)
        for comment in submission.comments.all():
            if comment.thread_id:
                replies[comment.thread_id].append(comment)
        for comment in submission.comments.all():
            if comment.thread_id is None:
                comment.reply_list = replies[comment.pk]
                threads[comment.question_id].append(comment)

    may_edit = access.may_edit_answers(group_access, organisation)
    editable = (
        may_edit and period.accepts_answers and (submission is None or submission.is_editable)
    )
    live = {}

    def records_for(spec):
        """The rows shown under a question: frozen at approval, else the live records."""
        if submission is not None and submission.status == SubmissionStatus.APPROVED:
            frozen = submission.records_snapshot.get(spec.slug)
            if frozen is not None:
                return [present(spec.slug, data) for data in frozen]
        if spec.slug not in live:
            live[spec.slug] = list(
                spec.model.objects.filter(organisation=organisation)
                .current_in(period)
                .select_related(*spec.select_related)
                .prefetch_related(*spec.prefetch_related)
            )
        return [
            {**present(spec.slug, record_data(spec, record)), "record": record}
            for record in live[spec.slug]
        ]

    transitions = list(submission.transitions.all()) if submission else []
    flagged = set()
    if submission is not None and submission.status == SubmissionStatus.RETURNED and transitions:
        flagged = set(transitions[-1].questions or [])

    items = []
    for question in questions:
        text = texts.get(question.pk, "")
        before = previous_by_number.get(question.number, "")
        items.append(
            {
                "question": question,
                "text": text,
                "html": render_markdown(text),
                "previous": before,
                "changed": has_changes(before, text),
                "diff": cached_word_diff(before, text) if previous is not None else None,
                "threads": threads.get(question.pk, []),
                "open_threads": [t for t in threads.get(question.pk, []) if not t.is_resolved],
                "flagged": question.number in flagged,
            }
        )
        spec = BY_QUESTION_KIND.get(question.kind)
        if spec is not None:
            items[-1].update(spec=spec, records=records_for(spec))
    return {
        "period": period,
        "organisation": organisation,
        "submission": submission,
        "questions": questions,
        "texts": texts,
        "items": items,
        "overall_threads": threads.get(None, []),
        "previous": previous,
        "may_edit": may_edit,
        "editable": editable,
        "may_review": group_access.is_coordinator,
        "state": submission.status if submission else NOT_STARTED,
        "state_label": STATE_LABELS[submission.status if submission else NOT_STARTED],
        "transitions": transitions,
        "flagged": sorted(flagged),
        "completeness": completeness(texts, questions),
        "others_waiting": (
            others_waiting(period, organisation) if group_access.is_coordinator else None
        ),
    }


def others_waiting(period, organisation):
    """How many of the period's other submissions wait for review (one query)."""
    return (
        Submission.objects.filter(period=period, status=SubmissionStatus.SUBMITTED)
        .exclude(organisation=organisation)
        .count()
    )
