"""The group's status: reads for the start page, organisation pages, the collaboration
matrix and the trends. Each read uses a fixed number of queries whatever the data size."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from activities.models import (
    Activity,
    Collaboration,
    CollaborationLevel,
    Need,
    Period,
    ReportVersion,
    SteeringDocument,
    Submission,
    SubmissionStatus,
)
from activities.reporting.deadlines import deadline_in_words
from activities.reporting.reads import period_overview_rows
from members.models import Membership
from samordning.text import cached_word_diff, render_markdown

from .tasks import tasks_for

HISTORY_PERIODS = 6
LIST_LENGTH = 10


def current_period(group):
    """The latest period that has started, or that the coordinator opened early."""
    started = Q(starts_on__lte=timezone.localdate()) | Q(opened_at__isnull=False)
    return Period.objects.filter(started, group=group).order_by("-starts_on").first()


def group_overview(group_access):
    """The start page's overview: this period at a glance, the latest report, news."""
    group = group_access.group
    period = current_period(group)
    rows = period_overview_rows(period) if period else []
    latest_report = (
        ReportVersion.objects.filter(report__group=group)
        .select_related("report")
        .defer("content", "search_text")
        .order_by("-published_at")
        .first()
    )
    recent_activities = list(
        Activity.objects.for_group(group)
        .filter(starts_on__lte=timezone.localdate())
        .select_related("organisation")
        .order_by("-starts_on", "-pk")[:8]
    )
    return {
        "current_period": period,
        "current_rows": rows,
        "current_deadline_words": (
            deadline_in_words(period.deadline, timezone.localdate()) if period else ""
        ),
        "latest_report": latest_report,
        "recent_activities": recent_activities,
    }


def organisation_overview(organisation, history_page=1):
    """One organisation: its latest approved answers, records, and history."""
    today = timezone.localdate()
    approved = list(
        Submission.objects.filter(organisation=organisation, status=SubmissionStatus.APPROVED)
        .select_related("period")
        .defer("records_snapshot")
        .prefetch_related("answers__question")
        .order_by("-period__starts_on")[: HISTORY_PERIODS + 1]
    )
    latest = approved[0] if approved else None
    latest_answers = []
    if latest is not None:
        for answer in sorted(latest.answers.all(), key=lambda a: a.question.number):
            if answer.text.strip():
                latest_answers.append(
                    {"question": answer.question, "html": render_markdown(answer.text)}
                )

    history = []
    for newer, older in zip(approved, approved[1:], strict=False):
        older_texts = {a.question.number: a.text for a in older.answers.all()}
        changes = []
        for answer in sorted(newer.answers.all(), key=lambda a: a.question.number):
            before = older_texts.get(answer.question.number, "")
            if before.strip() != answer.text.strip():
                changes.append(
                    {"question": answer.question, "diff": cached_word_diff(before, answer.text)}
                )
        history.append({"period": newer.period, "since": older.period, "changes": changes})

    periods = list(
        Period.objects.filter(group=organisation.group, starts_on__lte=today).order_by(
            "-starts_on"
        )[:8]
    )
    submissions = {
        s.period_id: s
        for s in Submission.objects.filter(organisation=organisation, period__in=periods).defer(
            "records_snapshot"
        )
    }
    record = []
    for period in periods:
        submission = submissions.get(period.pk)
        if submission is not None and submission.submitted_at is not None:
            late = timezone.localdate(submission.submitted_at) > period.deadline
            verdict = "late" if late else "on_time"
        elif period.is_past_deadline:
            verdict = "missing"
        else:
            verdict = "pending"
        record.append({"period": period, "verdict": verdict, "submission": submission})

    activities = Activity.objects.filter(organisation=organisation).prefetch_related(
        "target_groups"
    )
    return {
        "latest": latest,
        "latest_answers": latest_answers,
        "history": history,
        "reporting_record": record,
        "recent_activities": list(
            activities.filter(
                starts_on__lte=today, starts_on__gte=today - timedelta(days=365)
            ).order_by("-starts_on")[:10]
        ),
        "coming_activities": list(
            activities.filter(starts_on__gt=today).order_by("starts_on")[:10]
        ),
        **_first(
            "documents",
            SteeringDocument.objects.filter(organisation=organisation)
            .filter(Q(closed_on__isnull=True) | Q(closed_on__gt=today))
            .order_by("title", "pk"),
        ),
        **_first(
            "collaborations",
            Collaboration.objects.filter(organisation=organisation)
            .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=today))
            .select_related("partner")
            .order_by("partner__order", "outside_partner", "pk"),
        ),
        **_first(
            "needs",
            Need.objects.filter(organisation=organisation, met_on__isnull=True).order_by(
                "-noted_on", "pk"
            ),
        ),
    }


def _first(name, records):
    """The first LIST_LENGTH records as `name`, and whether there are more (`more_<name>`):
    the page links to the organisation's full, paginated list instead."""
    shown = list(records[: LIST_LENGTH + 1])
    return {name: shown[:LIST_LENGTH], f"more_{name}": len(shown) > LIST_LENGTH}


LEVEL_RANK = {
    CollaborationLevel.NONE: 0,
    CollaborationLevel.INFORMAL: 1,
    CollaborationLevel.FORMAL: 2,
    CollaborationLevel.STRATEGIC: 3,
}
# Shown beside the words, so the matrix reads without colour too.
LEVEL_SYMBOL = {
    CollaborationLevel.NONE: "○",
    CollaborationLevel.INFORMAL: "●",
    CollaborationLevel.FORMAL: "●●",
    CollaborationLevel.STRATEGIC: "●●●",
}


@dataclass
class Cell:
    level: str | None
    earlier: str | None = None
    compared: bool = False

    @property
    def label(self):
        return CollaborationLevel(self.level).label if self.level else ""

    @property
    def symbol(self):
        return LEVEL_SYMBOL.get(self.level, "") if self.level else "–"

    @property
    def earlier_label(self):
        return CollaborationLevel(self.earlier).label if self.earlier else ""

    @property
    def changed(self):
        return self.compared and self.level != self.earlier


def _levels_on(collaborations, start, end):
    """{(organisation id, partner key): level} of the collaborations in force in [start, end];
    the strongest wins when one organisation recorded the same partner twice."""
    levels = {}
    for c in collaborations:
        if c.since and c.since > end:
            continue
        if c.ended_on and c.ended_on < start:
            continue
        key = (c.organisation_id, f"org-{c.partner_id}" if c.partner_id else c.outside_partner)
        if key not in levels or LEVEL_RANK[c.level] > LEVEL_RANK[levels[key]]:
            levels[key] = c.level
    return levels


def collaboration_matrix(group, compare_with=None):
    """Member organisations × (members and outside bodies): each cell a level, now and,
    if asked, in an earlier period."""
    organisations = list(group.organisations.current().order_by("order", "name"))
    collaborations = list(
        Collaboration.objects.filter(organisation__group=group).select_related(
            "partner", "organisation"
        )
    )
    today = timezone.localdate()
    now = _levels_on(collaborations, today, today)
    then = (
        _levels_on(collaborations, compare_with.starts_on, compare_with.ends_on)
        if compare_with
        else {}
    )
    outside = sorted({c.outside_partner for c in collaborations if c.outside_partner})
    columns = [{"key": f"org-{o.pk}", "name": o.short_name, "title": o.name} for o in organisations]
    columns += [{"key": name, "name": name, "title": name} for name in outside]
    rows = []
    for organisation in organisations:
        cells = []
        for column in columns:
            key = (organisation.pk, column["key"])
            if column["key"] == f"org-{organisation.pk}":
                cells.append(None)
                continue
            cells.append(Cell(now.get(key), then.get(key), compared=compare_with is not None))
        rows.append({"organisation": organisation, "cells": cells})
    listing = sorted(
        (
            c
            for c in collaborations
            if not (c.ended_on and c.ended_on < today) and not (c.since and c.since > today)
        ),
        key=lambda c: (c.organisation.order, c.organisation.name, c.partner_name),
    )
    return {"columns": columns, "rows": rows, "listing": listing}


def start_page(standing):
    """The group's start page: the person's tasks first, then its coordinators, the
    organisations and the overview. Everything here depends on the standing only."""
    group = standing.group
    (tasks,) = tasks_for([standing])
    return {
        "title": group.name,
        "tasks": tasks,
        "coordinators": Membership.objects.active()
        .filter(group=group, role="coordinator")
        .select_related("user")
        .order_by("user__full_name"),
        "represented": tasks.represented,
        "organisations": group.organisations.current().order_by("order", "name"),
        **group_overview(standing),
    }
