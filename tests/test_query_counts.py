"""The one place where query counts are pinned: every page and export runs an exact number
of SQL queries (QUERIES below), rendered afresh and again with the shared page parts in the
cache, whatever the amount of data. Each is measured on a small group, the group is grown
(more organisations, people, periods, answers and their versions, comments, records past
one list page, reports, log lines, mails), and each is measured again.

A change that adds a query to a page changes its number here, visibly in review."""

from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from activities.models import Activity, Comment, PublishRequest, SteeringDocument
from members import audit
from members.models import OutgoingMail, Role

from .conftest import (
    answer,
    approved,
    give_role,
    make_past_period,
    make_period,
    make_person,
    make_records,
    make_report,
    make_version,
)

pytestmark = pytest.mark.django_db


class Growing:
    """A group that can be made bigger, one step at a time."""

    def __init__(self, world):
        self.world = world
        self.group = world.group
        self.period = make_period(self.group)
        self.steps = 0
        self.past_start = date(2026, 7, 1)
        self.report = make_report(self.group, [self.period])
        self.version = make_version(self.report, is_public=True)
        self.publish = PublishRequest.objects.create(
            report=self.report, requested_by=world.coordinator, state="done", version=self.version
        )
        answer(self.period, world.org_a, world.rep_a, {1: "Vi arbetar.", 2: "Ja."})
        answer(self.period, world.org_b, world.rep_b, {1: "Vi deltar."}, submit=True)
        self.document = SteeringDocument.objects.create(
            organisation=world.org_a, title="Handlingsplan", kind="action_plan", status="in_force"
        )
        self.document.file.save("plan.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
        self.document.file_name, self.document.file_type = "plan.pdf", "application/pdf"
        self.document.save()
        self.grow()

    def grow(self):
        world, group = self.world, self.group
        self.steps += 1
        n = self.steps
        organisation = group.organisations.create(name=f"Myndighet {n}", short_name=f"M{n}")
        self.waiting_organisation = getattr(self, "waiting_organisation", organisation)
        person = make_person(f"rep{n}@example.org", f"Representant {n}")
        give_role(person, group, Role.REPRESENTATIVE, organisation)
        give_role(make_person(f"lasare{n}@example.org"), group, Role.READER)
        PublishRequest.objects.create(report=self.report, state="failed", error=f"Fel {n}")

        self.past_start = self.past_start - timedelta(days=92)
        past = make_past_period(group, f"Kvartal {n}", self.past_start.replace(day=1))
        for org, rep in [(world.org_a, world.rep_a), (world.org_b, world.rep_b)]:
            approved(past, org, rep, world.coordinator, {1: f"Svar {n}", 2: f"Mer {n}"})

        # More versions, comments and replies on the submission the pages show.
        submission = answer(
            self.period, world.org_a, world.rep_a, {1: f"Vi arbetar {n}.", 3: f"Nytt {n}"}
        )
        answer(self.period, organisation, person, {1: f"Första svar {n}"}, submit=True)
        thread = Comment.objects.create(
            submission=submission, question=self.period.questions.get(number=1), text=f"? {n}"
        )
        Comment.objects.create(submission=submission, thread=thread, text=f"Svar {n}")

        make_records(world.org_a, world.org_b, n=2)
        make_records(organisation, world.org_a, n=1)

        report = make_report(group, [past])
        make_version(report, is_public=n % 2 == 0)
        make_version(self.report, number=self.version.number + n)

        for _ in range(3):
            audit.record("members.sign_in", actor=world.coordinator, group=group)
        OutgoingMail.objects.create(
            group=group,
            to_email=f"rep{n}@example.org",
            subject=f"Påminnelse {n}",
            text="Text",
            kind="returned_reminder",
            status="failed",
            next_attempt_at=timezone.now() + timedelta(days=1),
        )


# Screen → (queries rendered afresh, queries with the shared page parts in the cache).
QUERIES = {
    "start page (superuser)": (4, 4),
    "group start page": (13, 3),
    "group start page, representative": (15, 3),
    "our answers": (7, 3),
    "periods": (6, 6),
    "period overview": (9, 4),
    "period edit": (4, 4),
    "period lock confirmation": (4, 4),
    "questions": (6, 6),
    "submission, coordinator": (20, 5),
    "submission return, coordinator": (9, 9),
    "submission, representative": (22, 5),
    "check your answers": (19, 19),
    "answers sent": (7, 7),
    "answer versions": (10, 10),
    "target groups": (4, 4),
    "activity edit": (9, 9),
    "activity new": (11, 11),
    "document file": (6, 6),
    "organisation page": (16, 4),
    "collaboration matrix": (6, 6),
    "collaboration matrix, compared, coordinator": (6, 6),
    "trends": (9, 9),
    "search": (9, 9),
    "reports": (5, 5),
    "report edit": (11, 11),
    "report preview": (16, 16),
    "report readiness": (11, 11),
    "report publishing": (4, 4),
    "published report": (6, 4),
    "report PDF": (5, 5),
    "report DOCX": (5, 5),
    "report ODT": (5, 5),
    "public report": (3, 2),
    "public report PDF": (3, 3),
    "organisations": (4, 4),
    "organisation edit": (4, 4),
    "people": (6, 6),
    "person edit": (6, 6),
    "confirm deactivation": (4, 4),
    "confirm taking back from the public": (4, 4),
    "invite": (4, 4),
    "undelivered mail": (5, 5),
    "audit log": (6, 6),
    "group settings": (3, 3),
    "notifications": (3, 3),
    "my account": (3, 3),
    "create a group": (3, 3),
    "group created": (6, 6),
    "audit log, filtered": (6, 6),
    "two-step verification": (6, 6),
    "organisation page, coordinator": (16, 4),
    "trends, coordinator": (9, 9),
    "search, coordinator": (9, 9),
    "reports, coordinator": (9, 9),
    "aktiviteter list, representative": (10, 10),
    "aktiviteter list": (9, 9),
    "aktiviteter export csv": (7, 7),
    "aktiviteter export xlsx": (7, 7),
    "styrdokument list": (6, 6),
    "styrdokument export csv": (5, 5),
    "styrdokument export xlsx": (5, 5),
    "samverkan list": (6, 6),
    "samverkan export csv": (5, 5),
    "samverkan export xlsx": (5, 5),
    "behov list": (6, 6),
    "behov export csv": (5, 5),
    "behov export xlsx": (5, 5),
}


def _pages(data):
    """(label, persona, url name, kwargs, query string) for every page and export."""
    w = data.world
    slug = w.group.slug
    period, report, version = data.period, data.report, data.version
    submission = {"slug": slug, "pk": period.pk, "org_pk": w.org_a.pk}
    question_pk = period.questions.get(number=1).pk
    activity_pk = Activity.objects.filter(organisation=w.org_a).order_by("pk").first().pk
    document_pk = data.document.pk
    pages = [
        ("start page (superuser)", "superuser", "home", {}, ""),
        ("group start page", "coordinator", "group_home", {"slug": slug}, ""),
        ("group start page, representative", "rep_a", "group_home", {"slug": slug}, ""),
        ("our answers", "rep_a", "activities:my_submissions", {"slug": slug}, ""),
        ("periods", "coordinator", "activities:period_list", {"slug": slug}, ""),
        (
            "period overview",
            "coordinator",
            "activities:period_overview",
            {"slug": slug, "pk": period.pk},
            "",
        ),
        (
            "period edit",
            "coordinator",
            "activities:period_edit",
            {"slug": slug, "pk": period.pk},
            "",
        ),
        (
            "period lock confirmation",
            "coordinator",
            "activities:period_lock",
            {"slug": slug, "pk": period.pk},
            "",
        ),
        (
            "questions",
            "coordinator",
            "activities:question_list",
            {"slug": slug, "pk": period.pk},
            "",
        ),
        ("submission, coordinator", "coordinator", "activities:submission", submission, ""),
        ("submission, representative", "rep_a", "activities:submission", submission, ""),
        ("check your answers", "rep_a", "activities:submission_check", submission, ""),
        (
            "answers sent",
            "rep_b",
            "activities:submission_sent",
            {**submission, "org_pk": w.org_b.pk},
            "",
        ),
        (
            "submission return, coordinator",
            "coordinator",
            "activities:submission_return",
            {**submission, "org_pk": data.waiting_organisation.pk},
            "",
        ),
        (
            "answer versions",
            "rep_a",
            "activities:answer_versions",
            {**submission, "question_pk": question_pk},
            "",
        ),
        ("target groups", "coordinator", "activities:target_groups", {"slug": slug}, ""),
        (
            "activity edit",
            "coordinator",
            "activities:record_edit",
            {"slug": slug, "kind": "aktiviteter", "pk": activity_pk},
            "",
        ),
        (
            "activity new",
            "rep_a",
            "activities:record_create",
            {"slug": slug, "kind": "aktiviteter"},
            "",
        ),
        (
            "document file",
            "reader",
            "activities:document_file",
            {"slug": slug, "pk": document_pk},
            "",
        ),
        (
            "organisation page",
            "reader",
            "activities:organisation_page",
            {"slug": slug, "pk": w.org_a.pk},
            "",
        ),
        ("collaboration matrix", "reader", "activities:collaboration_page", {"slug": slug}, ""),
        (
            "collaboration matrix, compared, coordinator",
            "coordinator",
            "activities:collaboration_page",
            {"slug": slug},
            f"jamfor={w.group.periods.order_by('starts_on').first().pk}",
        ),
        ("trends", "reader", "activities:trends", {"slug": slug}, ""),
        ("search", "reader", "activities:search", {"slug": slug}, "q=arbetar"),
        ("reports", "reader", "activities:report_list", {"slug": slug}, ""),
        (
            "report edit",
            "coordinator",
            "activities:report_edit",
            {"slug": slug, "pk": report.pk},
            "",
        ),
        (
            "report preview",
            "coordinator",
            "activities:report_preview",
            {"slug": slug, "pk": report.pk},
            "",
        ),
        (
            "report readiness",
            "coordinator",
            "activities:report_readiness",
            {"slug": slug, "pk": report.pk},
            "",
        ),
        (
            "report publishing",
            "coordinator",
            "activities:report_publishing",
            {"slug": slug, "pk": report.pk, "request_pk": data.publish.pk},
            "",
        ),
        (
            "published report",
            "reader",
            "activities:report_version",
            {"slug": slug, "pk": report.pk, "number": version.number},
            "",
        ),
        (
            "report PDF",
            "reader",
            "activities:report_file",
            {"slug": slug, "pk": report.pk, "number": version.number, "fmt": "pdf"},
            "",
        ),
        (
            "report DOCX",
            "reader",
            "activities:report_file",
            {"slug": slug, "pk": report.pk, "number": version.number, "fmt": "docx"},
            "",
        ),
        (
            "report ODT",
            "reader",
            "activities:report_file",
            {"slug": slug, "pk": report.pk, "number": version.number, "fmt": "odt"},
            "",
        ),
        (
            "public report",
            "anonymous",
            "activities:public_report",
            {"slug": slug, "pk": report.pk, "number": version.number},
            "",
        ),
        (
            "public report PDF",
            "anonymous",
            "activities:public_report_file",
            {"slug": slug, "pk": report.pk, "number": version.number, "fmt": "pdf"},
            "",
        ),
        ("organisations", "coordinator", "members:organisation_list", {"slug": slug}, ""),
        (
            "organisation edit",
            "coordinator",
            "members:organisation_edit",
            {"slug": slug, "pk": w.org_a.pk},
            "",
        ),
        ("people", "coordinator", "members:person_list", {"slug": slug}, ""),
        ("person edit", "coordinator", "members:person_edit", {"slug": slug, "pk": w.rep_a.pk}, ""),
        (
            "confirm deactivation",
            "coordinator",
            "members:person_deactivate",
            {"slug": slug, "pk": w.rep_a.pk},
            "",
        ),
        (
            "confirm taking back from the public",
            "coordinator",
            "activities:report_visibility",
            {"slug": slug, "pk": report.pk, "number": version.number},
            "",
        ),
        ("invite", "coordinator", "members:person_invite", {"slug": slug}, ""),
        ("undelivered mail", "coordinator", "members:outgoing_mail", {"slug": slug}, ""),
        ("audit log", "coordinator", "members:audit_log", {"slug": slug}, ""),
        ("group settings", "coordinator", "members:group_settings", {"slug": slug}, ""),
        ("notifications", "rep_a", "members:notifications", {}, ""),
        ("my account", "rep_a", "members:account", {}, ""),
        ("create a group", "superuser", "members:group_create", {}, ""),
        ("group created", "superuser", "members:group_created", {"slug": slug}, ""),
        (
            "audit log, filtered",
            "coordinator",
            "members:audit_log",
            {"slug": slug},
            f"person={w.coordinator.pk}&handelse=members.sign_in&fran=2020-01-01&sida=2",
        ),
        ("two-step verification", "rep_a", "members:two_factor", {}, ""),
    ]
    # The status pages as the coordinator sees them (the reader's are above).
    for label, name, query in (
        ("organisation page", "activities:organisation_page", ""),
        ("trends", "activities:trends", ""),
        ("search", "activities:search", "q=arbetar"),
        ("reports", "activities:report_list", ""),
    ):
        kwargs = {"slug": slug, "pk": w.org_a.pk} if "organisation" in label else {"slug": slug}
        pages.append((f"{label}, coordinator", "coordinator", name, kwargs, query))
    pages.append(
        (
            "aktiviteter list, representative",
            "rep_a",
            "activities:record_list",
            {"slug": slug, "kind": "aktiviteter"},
            "",
        )
    )
    for kind in ("aktiviteter", "styrdokument", "samverkan", "behov"):
        pages.append(
            (f"{kind} list", "reader", "activities:record_list", {"slug": slug, "kind": kind}, "")
        )
        for fmt in ("csv", "xlsx"):
            pages.append(
                (
                    f"{kind} export {fmt}",
                    "reader",
                    "activities:record_export",
                    {"slug": slug, "kind": kind, "fmt": fmt},
                    "",
                )
            )
    return pages


def _measure(client, data):
    counts = {}
    for label, persona, name, kwargs, query in _pages(data):
        client.logout()
        person = data.world.persona(persona)
        if person is not None:
            person.refresh_from_db()  # signing out above moved its session generation
            client.force_login(person)
        url = reverse(name, kwargs=kwargs) + (f"?{query}" if query else "")
        client.get(url)  # warm: sessions, caches of the first request
        # Rendered afresh, then again with the shared page parts in the cache.
        cache.clear()
        counts[label] = (_count(client, url, label), _count(client, url, label))
    return counts


def _count(client, url, label):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (label, response.status_code)
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)
    return len(queries.captured_queries)


def test_every_page_and_export_runs_its_pinned_queries_whatever_the_data(world, client):
    data = Growing(world)
    small = _measure(client, data)
    data.grow()
    data.grow()
    make_records(world.org_a, world.org_b, n=20)  # the record lists now have two pages
    large = _measure(client, data)
    assert set(small) == set(QUERIES), set(small) ^ set(QUERIES)
    for size, counts in (("small", small), ("large", large)):
        wrong = {label: counts[label] for label in counts if counts[label] != QUERIES[label]}
        assert not wrong, f"{size}: (afresh, from the cache) now {wrong}"
