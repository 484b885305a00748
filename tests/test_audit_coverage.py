"""What the audit log covers beyond sign-ins and workflow steps: refused guesses of ids,
every edit of organisations, periods, questions, records and comments (never their
texts), addresses for the site operator only; and public report pages no cache keeps."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from activities.models import Activity, Collaboration, Need, Period, SteeringDocument
from members.models import AuditEvent

from .conftest import answer, make_activity, make_period, make_report, make_version

SECRET = "Hemlig uppgift om pågående insats"


def _lines(prefix):
    return list(AuditEvent.objects.filter(action__startswith=prefix).order_by("pk"))


def _actions(prefix):
    return [event.action for event in _lines(prefix)]


def _no_line_holds(text):
    for event in AuditEvent.objects.all():
        assert text not in str(event.__dict__), event.action


# a. Guessed ids of another group's objects: still a 404, and one line for the operator.


@pytest.fixture
def elsewhere(world):
    """Objects of the other group, that group A's people guess ids of."""
    period = make_period(world.other_group)
    report = make_report(world.other_group, [period])
    make_version(report)
    return {
        "period": period,
        "activity": make_activity(world.other_org, title="Norrbottens insats"),
        "report": report,
    }


def _guesses(world, elsewhere):
    """(persona, url, object type, object id) of each guess."""
    slug, period = world.group.slug, elsewhere["period"]
    report, activity = elsewhere["report"], elsewhere["activity"]
    return {
        "submission": (
            "rep_a",
            reverse("activities:submission", args=[slug, period.pk, world.other_org.pk]),
            "activities.period",
            str(period.pk),
        ),
        "record": (
            "rep_a",
            reverse("activities:record_edit", args=[slug, "aktiviteter", activity.pk]),
            "activities.activity",
            str(activity.pk),
        ),
        "period": (
            "coordinator",
            reverse("activities:period_edit", args=[slug, period.pk]),
            "activities.period",
            str(period.pk),
        ),
        "report": (
            "rep_a",
            reverse("activities:report_version", args=[slug, report.pk, 1]),
            "activities.reportversion",
            f"{report.pk}/1",
        ),
        "group": (
            "rep_a",
            reverse("group_home", args=[world.other_group.slug]),
            "members.coordinationgroup",
            world.other_group.slug,
        ),
    }


@pytest.mark.parametrize("guess", ["submission", "record", "period", "report", "group"])
def test_another_groups_object_asked_for_by_id_is_a_404_and_one_refusal_line(
    world, elsewhere, client, guess
):
    persona, url, object_type, object_id = _guesses(world, elsewhere)[guess]
    person = world.persona(persona)
    client.force_login(person)
    response = client.get(url)
    assert response.status_code == 404
    assert "Norrbotten" not in response.content.decode()
    [line] = _lines("security.")
    assert (line.action, line.actor, line.detail) == ("security.refused", person, url)
    assert (line.object_type, line.object_id, line.object_repr) == (object_type, object_id, "")
    # No group on the line: no coordinator's log tells which ids exist elsewhere.
    assert line.group is None
    for group_coordinator in (world.coordinator, world.other_coordinator):
        client.force_login(group_coordinator)
        slug = group_coordinator.memberships.get().group.slug
        log = client.get(reverse("members:audit_log", args=[slug])).content.decode()
        assert "security.refused" not in log


def test_another_organisations_record_through_ones_own_submission_is_refused(world, client):
    period = make_period(world.group)
    theirs = make_activity(world.org_b, title="Deras")
    client.force_login(world.rep_a)
    url = reverse("activities:submission", args=[world.group.slug, period.pk, world.org_a.pk])
    response = client.post(url, {"version": 0, "action": f"record-close-aktiviteter-{theirs.pk}"})
    assert response.status_code == 404
    [line] = _lines("security.")
    assert (line.action, line.actor, line.object_type, line.object_id) == (
        "security.refused",
        world.rep_a,
        "activities.activity",
        str(theirs.pk),
    )


def test_an_id_nobody_has_is_a_404_logged_as_not_found(world, client):
    missing = (Period.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1000
    client.force_login(world.coordinator)
    url = reverse("activities:period_edit", args=[world.group.slug, missing])
    assert client.get(url).status_code == 404
    [line] = _lines("security.")
    assert (line.action, line.actor, line.object_type, line.object_id, line.detail) == (
        "security.not_found",
        world.coordinator,
        "activities.period",
        str(missing),
        url,
    )


def test_a_malformed_id_is_a_404_not_a_server_error(world, client):
    period = make_period(world.group)
    answer(period, world.org_a, world.rep_a, {1: "Vi arbetar."}, submit=True)
    client.force_login(world.coordinator)
    url = reverse("activities:comment_add", args=[world.group.slug, period.pk, world.org_a.pk])
    for field in ("thread", "question"):
        response = client.post(url, {field: "abc", "text": "Utveckla gärna."})
        assert response.status_code == 404
    assert _lines("security.") == []


def test_ones_own_objects_open_without_a_refusal_line(world, client):
    period = make_period(world.group)
    client.force_login(world.rep_a)
    url = reverse("activities:submission", args=[world.group.slug, period.pk, world.org_a.pk])
    assert client.get(url).status_code == 200
    assert _lines("security.") == []


# b. Edits: who changed which object, never what they wrote.


def _one(action):
    [line] = _lines(action)
    return line


def test_organisation_edits_are_logged(world, client):
    client.force_login(world.coordinator)
    slug = world.group.slug
    client.post(
        reverse("members:organisation_create", args=[slug]),
        {"name": "Socialtjänsten Umeå", "short_name": "Soc"},
    )
    client.post(
        reverse("members:organisation_edit", args=[slug, world.org_b.pk]),
        {
            "name": "Migrationsverket",
            "short_name": "Migrationsverket",
            "left_on": str(timezone.localdate()),
        },
    )
    client.post(
        reverse("members:organisation_move", args=[slug, world.org_b.pk]), {"direction": "up"}
    )
    assert _actions("members.organisation.") == [
        "members.organisation.created",
        "members.organisation.updated",
        "members.organisation.moved",
    ]
    updated = _one("members.organisation.updated")
    assert (updated.actor, updated.group, updated.object_id, updated.organisation) == (
        world.coordinator,
        world.group,
        str(world.org_b.pk),
        "Migrationsverket",
    )
    assert updated.detail == "left_on"
    assert _one("members.organisation.created").object_repr == "Socialtjänsten Umeå"


def test_period_edits_are_logged(world, client):
    client.force_login(world.coordinator)
    slug = world.group.slug
    start = timezone.localdate()
    dates = {
        "starts_on": str(start),
        "ends_on": str(start + timedelta(days=80)),
        "deadline": str(start + timedelta(days=95)),
    }
    client.post(reverse("activities:period_create", args=[slug]), {"name": "Kvartal X", **dates})
    period = Period.objects.get(name="Kvartal X")
    client.post(
        reverse("activities:period_edit", args=[slug, period.pk]), {"name": "Kvartal Y", **dates}
    )
    lock = reverse("activities:period_lock", args=[slug, period.pk])
    client.post(lock)
    client.post(lock, {"lock": "0"})
    assert _actions("activities.period.") == [
        "activities.period.created",
        "activities.period.updated",
        "activities.period.locked",
        "activities.period.unlocked",
    ]
    for line in _lines("activities.period."):
        assert (line.actor, line.group, line.object_id) == (
            world.coordinator,
            world.group,
            str(period.pk),
        )


def test_question_edits_are_logged_without_their_wording(world, client):
    period = make_period(world.group)
    client.force_login(world.coordinator)

    def url(name, *more):
        return reverse(f"activities:{name}", args=[world.group.slug, period.pk, *more])

    fields = {"title": "Statistik", "wording": SECRET, "help_text": SECRET, "kind": "narrative"}
    client.post(url("question_create"), fields)
    question = period.questions.get(title="Statistik")
    client.post(url("question_edit", question.pk), {**fields, "title": "Siffror"})
    client.post(url("question_move", question.pk), {"direction": "up"})
    client.post(url("question_delete", question.pk))
    assert _actions("activities.question.") == [
        "activities.question.created",
        "activities.question.updated",
        "activities.question.moved",
        "activities.question.deleted",
    ]
    for line in _lines("activities.question."):
        assert (line.actor, line.group, line.object_type, line.object_id) == (
            world.coordinator,
            world.group,
            "activities.question",
            str(question.pk),
        )
    _no_line_holds(SECRET)


RECORD_FORMS = {
    "aktiviteter": (
        Activity,
        {"title": "Utbildning", "kind": "training", "status": "ongoing", "description": SECRET},
    ),
    "styrdokument": (
        SteeringDocument,
        {"title": "Handlingsplan", "kind": "action_plan", "status": "in_force"},
    ),
    "samverkan": (Collaboration, {"level": "formal", "description": SECRET}),
    "behov": (Need, {"kind": "training", "priority": "high", "description": SECRET}),
}


@pytest.mark.parametrize("kind", list(RECORD_FORMS))
def test_record_edits_are_logged_for_every_kind_without_their_texts(world, client, kind):
    model, fields = RECORD_FORMS[kind]
    fields = {**fields, "starts_on": str(timezone.localdate()), "noted_on": "2026-01-05"}
    if kind == "samverkan":
        fields["partner"] = world.org_b.pk
    client.force_login(world.rep_a)
    slug = world.group.slug
    client.post(
        reverse("activities:record_create", args=[slug, kind]),
        {"organisation": world.org_a.pk, **fields},
    )
    record = model.objects.get()
    client.post(
        reverse("activities:record_edit", args=[slug, kind, record.pk]),
        {**fields, "description": SECRET + " 2"},
    )
    client.post(reverse("activities:record_close", args=[slug, kind, record.pk]))
    assert _actions("activities.record.") == [
        "activities.record.created",
        "activities.record.updated",
        "activities.record.closed",
    ]
    for line in _lines("activities.record."):
        assert (line.actor, line.group, line.organisation) == (
            world.rep_a,
            world.group,
            "Polismyndigheten",
        )
        assert (line.object_type, line.object_id) == (model._meta.label_lower, str(record.pk))
    _no_line_holds(SECRET)


def test_a_record_added_beside_the_answers_is_logged(world, client):
    period = make_period(world.group)
    client.force_login(world.rep_a)
    url = reverse("activities:submission", args=[world.group.slug, period.pk, world.org_a.pk])
    client.post(
        url,
        {
            "version": 0,
            "action": "record-add-behov",
            "new-behov-kind": "training",
            "new-behov-priority": "high",
            "new-behov-description": SECRET,
            "new-behov-noted_on": str(timezone.localdate()),
        },
    )
    need = Need.objects.get()
    line = _one("activities.record.created")
    assert (line.actor, line.object_type, line.object_id, line.object_repr) == (
        world.rep_a,
        "activities.need",
        str(need.pk),
        "need (training)",
    )
    _no_line_holds(SECRET)


def test_comments_replies_and_resolving_are_logged_without_their_text(world, client):
    period = make_period(world.group)
    slug, org = world.group.slug, world.org_a
    client.force_login(world.rep_a)
    client.post(
        reverse("activities:submission", args=[slug, period.pk, org.pk]),
        {"version": 0, "action": "submit"},
    )
    client.post(
        reverse("activities:submission_check", args=[slug, period.pk, org.pk]),
        {"version": 1, "confirm_unanswered": "on"},
    )
    client.force_login(world.coordinator)
    comments = reverse("activities:comment_add", args=[slug, period.pk, org.pk])
    client.post(comments, {"text": SECRET})
    thread = period.submissions.get().comments.get()
    client.force_login(world.rep_a)
    client.post(comments, {"text": SECRET + " svar", "thread": thread.pk})
    client.force_login(world.coordinator)
    client.post(reverse("activities:comment_resolve", args=[slug, period.pk, org.pk, thread.pk]))
    created, replied = _lines("activities.comment.created")
    resolved = _one("activities.comment.resolved")
    assert (created.actor, created.object_id, created.object_repr) == (
        world.coordinator,
        str(thread.pk),
        "comment",
    )
    assert (replied.actor, replied.detail, replied.object_repr) == (world.rep_a, "reply", "reply")
    assert (resolved.actor, resolved.group, resolved.organisation) == (
        world.coordinator,
        world.group,
        "Polismyndigheten",
    )
    _no_line_holds(SECRET)


def test_target_groups_added_and_removed_are_logged(world, client):
    client.force_login(world.coordinator)
    client.post(reverse("activities:target_groups", args=[world.group.slug]), {"name": "Hamnar"})
    target = world.group.target_groups.get(name="Hamnar")
    client.post(reverse("activities:target_group_delete", args=[world.group.slug, target.pk]))
    assert _actions("activities.target_group.") == [
        "activities.target_group.created",
        "activities.target_group.deleted",
    ]
    assert _one("activities.target_group.deleted").object_id == str(target.pk)


# c. Addresses: the site operator's, not the coordinator's.


def test_the_coordinators_log_has_no_addresses_and_the_operators_admin_has(world, client):
    client.force_login(world.coordinator)
    client.post(
        reverse("members:organisation_create", args=[world.group.slug]),
        {"name": "Kustbevakningen", "short_name": "KBV"},
        REMOTE_ADDR="198.51.100.23",
    )
    assert _one("members.organisation.created").ip == "198.51.100.23"
    log = client.get(reverse("members:audit_log", args=[world.group.slug])).content.decode()
    assert "Organisation tillagd" in log  # its label (members.events)
    assert "198.51.100.23" not in log
    client.force_login(world.superuser)
    admin = client.get(reverse("admin:members_auditevent_changelist")).content.decode()
    assert "198.51.100.23" in admin


# d. Public report pages and files: no cache keeps them; taken back, they are gone.


def test_public_report_pages_and_files_are_never_cached_and_gone_once_taken_back(world, client):
    report = make_report(world.group)
    version = make_version(report, is_public=True)
    urls = [
        reverse("activities:public_report", args=[world.group.slug, report.pk, 1]),
        *(
            reverse("activities:public_report_file", args=[world.group.slug, report.pk, 1, fmt])
            for fmt in ("pdf", "docx", "odt")
        ),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        directives = {d.strip() for d in response["Cache-Control"].split(",")}
        assert {"no-store", "no-cache", "must-revalidate", "max-age=0"} <= directives, url
        assert "public" not in directives
        assert "Expires" in response
    client.force_login(world.coordinator)
    client.post(
        reverse("activities:report_visibility", args=[world.group.slug, report.pk, 1]),
        {"public": "0"},
    )
    client.logout()
    version.refresh_from_db()
    assert not version.is_publicly_visible
    for url in urls:
        assert client.get(url).status_code == 404, url
