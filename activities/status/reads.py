"""The group's status: reads for the start page, organisation pages, the collaboration
matrix and the trends. Each read uses a fixed number of queries whatever the data size."""

from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from samordning.text import cached_word_diff, render_markdown

from .models import (
    Activity,
    ActivityKind,
    Collaboration,
    CollaborationLevel,
    Need,
    NeedKind,
    Period,
    ReportVersion,
    SteeringDocument,
    SteeringDocumentStatus,
    Submission,
    SubmissionStatus,
)
from .reading import period_overview_rows

HISTORY_PERIODS = 6
TREND_PERIODS = 8
LIST_LENGTH = 10


def current_period(group):
    return (
        Period.objects.filter(group=group, starts_on__lte=timezone.localdate())
        .order_by("-starts_on")
        .first()
    )


def group_overview(group_access):
    """The start page: this period at a glance, what waits for me, news."""
    group = group_access.group
    period = current_period(group)
    rows = period_overview_rows(period) if period else []
    waiting = []
    for row in rows:
        mine = group_access.represents(row["organisation"])
        if mine and row["state"] in ("not_started", "draft"):
            waiting.append({"row": row, "why": "write"})
        elif mine and row["state"] == SubmissionStatus.RETURNED:
            waiting.append({"row": row, "why": "returned"})
        elif group_access.is_coordinator and row["state"] == SubmissionStatus.SUBMITTED:
            waiting.append({"row": row, "why": "review"})
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
        "waiting": waiting,
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


def trends(group, periods=None):
    """Per period: activities per organisation and per kind, share of organisations with
    a steering document in force, needs by kind, and reporting on time.

    By default the group's latest periods; a report passes the periods it covers."""
    if periods is None:
        periods = list(
            Period.objects.filter(group=group, starts_on__lte=timezone.localdate()).order_by(
                "-starts_on"
            )[:TREND_PERIODS]
        )[::-1]
    if not periods:
        return {"periods": []}
    start, end = periods[0].starts_on, periods[-1].ends_on
    organisations = list(group.organisations.order_by("order", "name"))

    def in_span(model, start_field, end_field):
        return list(
            model.objects.filter(organisation__group=group)
            .filter(Q(**{f"{start_field}__isnull": True}) | Q(**{f"{start_field}__lte": end}))
            .filter(Q(**{f"{end_field}__isnull": True}) | Q(**{f"{end_field}__gte": start}))
        )

    activities = in_span(Activity, "starts_on", "ends_on")
    documents = in_span(SteeringDocument, "adopted_on", "closed_on")
    needs = in_span(Need, "noted_on", "met_on")
    submissions = list(
        Submission.objects.filter(period__in=periods).values_list(
            "period_id", "submitted_at", "status"
        )
    )

    def current(record, period, start_field, end_field):
        begin, finish = getattr(record, start_field), getattr(record, end_field)
        return (begin is None or begin <= period.ends_on) and (
            finish is None or finish >= period.starts_on
        )

    rows = []
    for period in periods:
        in_period = [a for a in activities if current(a, period, "starts_on", "ends_on")]
        by_org = Counter(a.organisation_id for a in in_period)
        by_kind = Counter(a.kind for a in in_period)
        members = [
            o
            for o in organisations
            if (o.joined_on is None or o.joined_on <= period.ends_on)
            and (o.left_on is None or o.left_on > period.starts_on)
        ]
        with_plan = {
            d.organisation_id
            for d in documents
            if d.status == SteeringDocumentStatus.IN_FORCE
            and current(d, period, "adopted_on", "closed_on")
        }
        open_needs = Counter(n.kind for n in needs if current(n, period, "noted_on", "met_on"))
        on_time = sum(
            1
            for period_id, submitted_at, status in submissions
            if period_id == period.pk
            and submitted_at is not None
            and timezone.localdate(submitted_at) <= period.deadline
        )
        rows.append(
            {
                "period": period,
                "activities_total": len(in_period),
                "by_organisation": [by_org.get(o.pk, 0) for o in organisations],
                "by_kind": [by_kind.get(k, 0) for k, _ in ActivityKind.choices],
                "members": len(members),
                "with_plan": len([o for o in members if o.pk in with_plan]),
                "plan_share": round(
                    100 * len([o for o in members if o.pk in with_plan]) / len(members)
                )
                if members
                else 0,
                "needs": [open_needs.get(k, 0) for k, _ in NeedKind.choices],
                "on_time": on_time,
                "on_time_share": round(100 * on_time / len(members)) if members else 0,
            }
        )

    def table(labels, key):
        """Rows of (label, the value in each period) for the tables under the charts."""
        return [(label, [row[key][i] for row in rows]) for i, label in enumerate(labels)]

    return {
        "periods": periods,
        "rows": rows,
        "organisation_table": table([o.short_name for o in organisations], "by_organisation"),
        "kind_table": table([label for _, label in ActivityKind.choices], "by_kind"),
        "need_table": table([label for _, label in NeedKind.choices], "needs"),
    }


def bar_chart(title, bars, unit=""):
    """A horizontal bar chart for the SVG template: each bar's label, value and width."""
    maximum = max((value for _, value in bars), default=0) or 1
    return {
        "title": title,
        "unit": unit,
        "height": 28 * len(bars) + 8,
        "bars": [
            {
                "label": label,
                "value": value,
                "width": round(360 * value / maximum),
                "y": 28 * index + 4,
                "text_y": 28 * index + 22,
            }
            for index, (label, value) in enumerate(bars)
        ],
    }


def trend_charts(data):
    """The three charts of the trends page, from trends() data."""
    from django.utils.translation import gettext as _

    if not data["periods"]:
        return []
    rows = data["rows"]
    return [
        bar_chart(
            _("Activities per period"), [(r["period"].name, r["activities_total"]) for r in rows]
        ),
        bar_chart(
            _("Share of organisations with a steering document in force"),
            [(r["period"].name, r["plan_share"]) for r in rows],
            unit="%",
        ),
        bar_chart(
            _("Organisations that reported on time"),
            [(r["period"].name, r["on_time"]) for r in rows],
        ),
    ]
