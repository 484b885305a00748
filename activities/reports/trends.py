"""The group's trends: per period, the measures the status page's trend charts and a
report's charts show. Each read uses a fixed number of queries whatever the data size.

`chart_measures` is the one place that decides which charts a report may carry: the
editor offers them and the compile draws them from its answer."""

from collections import Counter

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.models import (
    Activity,
    ActivityKind,
    Need,
    NeedKind,
    Period,
    Question,
    QuestionKind,
    SteeringDocument,
    SteeringDocumentStatus,
    Submission,
)

TREND_PERIODS = 8

# The measures a report's charts can show, each with the kind of question whose records
# it counts (None: reporting on time, which every group does).
MEASURES = {
    "activities": QuestionKind.ACTIVITIES,
    "steering_documents": QuestionKind.STEERING_DOCUMENTS,
    "on_time": None,
}
# A trend needs at least this many periods of data to mean something.
MIN_CHART_PERIODS = 3


def chart_measures(periods):
    """The measures worth a chart over these periods (a list or a queryset), in MEASURES
    order: none unless at least three of them have answers submitted; of the rest, only
    those whose records the questions of those periods gather (a group that never asks
    about steering documents gets no steering-document chart). One query."""
    asked = set(
        Question.objects.filter(period__in=periods, period__submissions__submitted_at__isnull=False)
        .order_by()
        .values_list("period_id", "kind")
        .distinct()
    )
    if len({period_id for period_id, _kind in asked}) < MIN_CHART_PERIODS:
        return []
    kinds = {kind for _period_id, kind in asked}
    return [measure for measure, kind in MEASURES.items() if kind is None or kind in kinds]


def measure_titles(measures):
    """The chart titles of these measures, for the editor's list of what it offers."""
    return [_CHART_TITLES[measure]() for measure in measures]


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


_CHART_TITLES = {
    "activities": lambda: _("Activities per period"),
    "steering_documents": lambda: _("Share of organisations with a steering document in force"),
    "on_time": lambda: _("Organisations that reported on time"),
}
_CHART_VALUES = {
    "activities": ("activities_total", ""),
    "steering_documents": ("plan_share", "%"),
    "on_time": ("on_time", ""),
}


def trend_charts(data, measures=tuple(MEASURES)):
    """The charts of these measures (by default all three of the trends page), from
    trends() data."""
    if not data["periods"]:
        return []
    rows = data["rows"]
    charts = []
    for measure in measures:
        key, unit = _CHART_VALUES[measure]
        charts.append(
            bar_chart(
                _CHART_TITLES[measure](),
                [(r["period"].name, r[key]) for r in rows],
                unit=unit,
            )
        )
    return charts
