"""The lock order of members.locks, followed by every service that locks more than one kind
of row: the person, then the period, then the rows it changes, then the group, last (by the
version increment, never explicitly). Checked on the statements each service sends
(PostgreSQL: SQLite takes no row locks).

A row is locked by SELECT … FOR [NO KEY] UPDATE, UPDATE or DELETE; an INSERT locks only
its new row, and the FOR KEY SHARE it takes on the rows it points at waits for no lock the
services take (they take FOR NO KEY UPDATE), so inserts add nothing to the order."""

import itertools
import re
import threading
from datetime import timedelta
from functools import partial

import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from activities.models import Period, Submission
from activities.reporting import periods, services
from activities.reports import services as report_services
from members import services as member_services
from members.models import CoordinationGroup, User

from .conftest import answer, make_period, make_report

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]

PERSON, PERIOD, ROW, GROUP = 1, 2, 3, 4
NAMES = {PERSON: "person", PERIOD: "period", ROW: "a row of the group", GROUP: "group"}
LOCKING = re.compile(
    r'^\s*(?:SELECT .*? FROM "(?P<locked>\w+)".* FOR (?:NO KEY )?UPDATE'
    r'|UPDATE "(?P<updated>\w+)"|DELETE FROM "(?P<deleted>\w+)")',
    re.DOTALL,
)


def _kind(table):
    if table == User._meta.db_table:
        return PERSON
    if table == Period._meta.db_table:
        return PERIOD
    if table == CoordinationGroup._meta.db_table:
        return GROUP
    if table.startswith(("activities_", "members_")):
        return ROW
    return None  # sessions, django-otp's devices: no group's rows


def locks_taken(queries):
    """The kinds of rows locked, in the order each kind was first locked."""
    order = []
    for query in queries:
        match = LOCKING.match(query["sql"])
        if match is None:
            continue
        kind = _kind(next(table for table in match.groups() if table))
        if kind is not None and kind not in order:
            order.append(kind)
    return order


def _explicit_group_locks(queries):
    table = CoordinationGroup._meta.db_table
    return [
        q["sql"]
        for q in queries
        if (match := LOCKING.match(q["sql"])) is not None and match.group("locked") == table
    ]


def _taken(work):
    with CaptureQueriesContext(connection) as captured:
        work()
    assert _explicit_group_locks(captured.captured_queries) == []
    return locks_taken(captured.captured_queries)


def _named(taken):
    return " then ".join(NAMES[kind] for kind in taken)


_names = itertools.count(1)


def _period(world):
    return make_period(world.group, name=f"Period {next(_names)}")


def _submission(world, submitted=True):
    period = _period(world)
    answer(period, world.org_a, world.rep_a, {1: "Svar"}, submit=submitted)
    return Submission.objects.get(period=period)


def _saved_again(w):
    period = _period(w)
    answer(period, w.org_a, w.rep_a, {1: "Svar"})
    texts = {period.questions.get(number=1).pk: "Nytt svar"}
    return lambda: services.submission_save(
        period=period, organisation=w.org_a, texts=texts, expected_version=1, by=w.rep_a
    )


def _period_changed(w):
    period = _period(w)
    return lambda: periods.period_update(
        period=period,
        name="Nytt namn",
        starts_on=period.starts_on,
        ends_on=period.ends_on,
        deadline=period.deadline + timedelta(days=1),
        by=w.coordinator,
    )


def _invitation_accepted(w):
    invitation = member_services.invitation_create(
        group=w.group,
        email=w.rep_b.email,
        full_name="",
        role="reader",
        organisation=None,
        by=w.coordinator,
    )
    return lambda: member_services.invitation_accept(invitation=invitation)


def _question(w, number=1):
    return _period(w).questions.get(number=number)


# Each makes its data and returns the service call whose statements are checked.
SCENARIOS = {
    "answers saved, first time": lambda w: partial(
        services.submission_save,
        period=_period(w),
        organisation=w.org_a,
        texts={},
        expected_version=0,
        by=w.rep_a,
    ),
    "answers saved again": _saved_again,
    "submitted": lambda w: partial(
        services.submission_submit, submission=_submission(w, submitted=False), by=w.rep_a
    ),
    "approved": lambda w: partial(
        services.submission_approve, submission=_submission(w), by=w.coordinator
    ),
    "returned": lambda w: partial(
        services.submission_return, submission=_submission(w), by=w.coordinator, reason="Mer"
    ),
    "period dates changed": _period_changed,
    "period locked": lambda w: partial(periods.period_lock, period=_period(w), by=w.coordinator),
    "question changed": lambda w: partial(
        periods.question_update,
        question=_question(w),
        title="Ny",
        wording="Ny",
        help_text="",
        kind="narrative",
        by=w.coordinator,
    ),
    "question deleted": lambda w: partial(
        periods.question_delete, question=_question(w), by=w.coordinator
    ),
    "question moved": lambda w: partial(
        periods.question_move, question=_question(w, 2), offset=-1, by=w.coordinator
    ),
    "organisation changed": lambda w: partial(
        member_services.organisation_update,
        organisation=w.org_b,
        by=w.coordinator,
        left_on=timezone.localdate(),
    ),
    "organisation moved": lambda w: partial(
        member_services.organisation_move, organisation=w.org_b, offset=-1, by=w.coordinator
    ),
    "roles set": lambda w: partial(
        member_services.membership_set_roles,
        group=w.group,
        user=w.rep_b,
        group_role="reader",
        organisations=[],
        by=w.coordinator,
    ),
    "roles taken away": lambda w: partial(
        member_services.membership_deactivate, group=w.group, user=w.rep_b, by=w.coordinator
    ),
    "invitation accepted": _invitation_accepted,
    "report published": lambda w: partial(
        report_services.report_publish, report=make_report(w.group), by=w.coordinator
    ),
}


@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_each_service_locks_person_period_its_rows_then_the_group(world, scenario):
    taken = _taken(SCENARIOS[scenario](world))
    if scenario == "answers saved, first time":
        # The submission's first write is its insert, which raises the group; the update
        # that follows is of that new row, which no one else can hold.
        assert taken == [PERIOD, GROUP, ROW], _named(taken)
    else:
        assert taken == sorted(taken), _named(taken)


def test_saving_the_draft_locks_the_report_before_the_group(world, client):
    report = make_report(world.group)
    client.force_login(world.coordinator)
    edit = reverse("activities:report_edit", args=[world.group.slug, report.pk])
    management = {
        f"{key}-{field}": value
        for key in ("signatories", "sections", "related", "contacts")
        for field, value in (("TOTAL_FORMS", 0), ("INITIAL_FORMS", 0))
    }
    data = {
        "title": "Lägesrapport",
        "subtitle": "",
        "county": "Västerbotten",
        "issuer": "Länsstyrelsen",
        "year": report.year,
        "no_report_sentence": "Inget",
        **management,
    }
    report.contacts.all().delete()
    with CaptureQueriesContext(connection) as captured:
        response = client.post(edit, data)
    assert response.status_code == 302
    assert _explicit_group_locks(captured.captured_queries) == []
    taken = locks_taken(captured.captured_queries)
    assert taken[:2] == [ROW, GROUP], _named(taken)


def test_period_changes_and_answer_saves_at_once_end_without_a_deadlock(world):
    """Before the order was followed, a period's change raised the group and then locked
    the period while a save held the period and waited for the group."""
    period = make_period(world.group)
    question = period.questions.get(number=1)
    barrier = threading.Barrier(8)
    outcomes = []

    def run(i):
        try:
            barrier.wait()
            if i % 2:
                periods.period_update(
                    period=period,
                    name=f"Kvartal {i}",
                    starts_on=period.starts_on,
                    ends_on=period.ends_on,
                    deadline=period.deadline,
                    by=world.coordinator,
                )
            else:
                services.submission_save(
                    period=period,
                    organisation=world.org_a,
                    texts={question.pk: f"Svar {i}"},
                    expected_version=Submission.objects.filter(period=period)
                    .values_list("version", flat=True)
                    .first()
                    or 0,
                    by=world.rep_a,
                )
            outcomes.append("ok")
        except services.SaveConflict:
            outcomes.append("conflict")
        except Exception as error:  # noqa: BLE001  (a deadlock is what we look for)
            outcomes.append(type(error).__name__)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(set(outcomes)) <= ["conflict", "ok"], outcomes
    assert len(outcomes) == 8
