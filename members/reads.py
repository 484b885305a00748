"""Named reads of the members pages, each with a fixed number of queries."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.core.paginator import Page, Paginator
from django.utils import timezone

from . import events
from .forms import AuditLogFilterForm
from .models import AuditEvent, User

AUDIT_LOG_PAGE_SIZE = 50


@dataclass
class AuditLog:
    form: AuditLogFilterForm
    page: Page
    filtered: bool


def audit_log(group, params):
    """The group's audit log, newest first, filtered by person, kind of event and dates
    (`params`: the request's GET). Three queries whatever the size of the log: the
    group's people for the person filter, the count, and one page of events with their
    actors. Each event carries `label`, `object_text` and `detail_text` in words
    (members.events)."""
    people = list(
        User.objects.filter(memberships__group=group)
        .distinct()
        .only("pk", "full_name", "email")
        .order_by("full_name", "email")
    )
    form = AuditLogFilterForm(params or None, people=people, kinds=events.kind_choices())
    lines = AuditEvent.objects.filter(group=group)
    filtered = False
    if form.is_bound and form.is_valid():
        wanted = form.cleaned_data
        if wanted["person"]:
            lines = lines.filter(actor_id=wanted["person"])
        if wanted["handelse"]:
            lines = lines.filter(action=wanted["handelse"])
        if wanted["fran"]:
            lines = lines.filter(at__gte=_start_of(wanted["fran"]))
        if wanted["till"]:
            lines = lines.filter(at__lt=_start_of(wanted["till"] + timedelta(days=1)))
        filtered = any(wanted.values())
    lines = lines.select_related("actor").order_by("-at", "-pk")
    page = Paginator(lines, AUDIT_LOG_PAGE_SIZE).get_page(params.get("sida"))
    for event in page:
        event.label = events.label(event.action)
        event.detail_text = events.detail(event)
        event.object_text = events.object_text(event)
    return AuditLog(form=form, page=page, filtered=filtered)


def _start_of(day):
    """Midnight at the start of the day, in the site's time zone."""
    return timezone.make_aware(datetime.combine(day, time.min))
