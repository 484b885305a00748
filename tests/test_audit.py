"""The audit log: who did what, when, from where; never texts or passwords; no forged lines."""

from django.urls import reverse

from activities.reporting import services
from members.models import AuditEvent

from .conftest import PASSWORD, answer, make_period


def _actions():
    return list(AuditEvent.objects.order_by("pk").values_list("action", flat=True))


def test_sign_ins_and_failures_are_logged_without_the_password(world, client):
    client.post(
        reverse("members:login"),
        {"username": "polisen@example.org", "password": "fel-lösenord"},
        REMOTE_ADDR="192.0.2.7",
    )
    client.post(
        reverse("members:login"),
        {"username": "polisen@example.org", "password": PASSWORD},
        REMOTE_ADDR="192.0.2.7",
    )
    failed, signed_in = AuditEvent.objects.order_by("pk")
    assert (failed.action, failed.detail, failed.ip) == (
        "members.sign_in_failed",
        "polisen@example.org",
        "192.0.2.7",
    )
    assert (signed_in.action, signed_in.actor, signed_in.ip) == (
        "members.sign_in",
        world.rep_a,
        "192.0.2.7",
    )
    for event in AuditEvent.objects.all():
        assert "fel-lösenord" not in str(event.__dict__) and PASSWORD not in str(event.__dict__)


def test_the_client_address_comes_from_the_proxy_header_only_when_configured(
    world, client, settings
):
    client.post(
        reverse("members:login"),
        {"username": "x@example.org", "password": "y"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.9",
    )
    settings.AUDIT_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    # One proxy (10.0.0.1) that appended the address the request came from.
    client.post(
        reverse("members:login"),
        {"username": "x@example.org", "password": "y"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.9",
    )
    assert list(AuditEvent.objects.order_by("pk").values_list("ip", flat=True)) == [
        "10.0.0.1",
        "203.0.113.9",
    ]


def test_workflow_steps_are_logged_with_who_what_and_which_object_but_no_text(world, client):
    period = make_period(world.group)
    client.force_login(world.rep_a)
    question = period.questions.get(number=1)
    client.post(
        reverse("activities:submission", args=[world.group.slug, period.pk, world.org_a.pk]),
        {
            "version": 0,
            "action": "submit",
            f"answer_{question.pk}": "Hemlig uppgift om pågående utredning",
        },
    )
    client.post(
        reverse("activities:submission_check", args=[world.group.slug, period.pk, world.org_a.pk]),
        {"version": 1, "confirm_unanswered": "on"},
    )
    submission = period.submissions.get()
    services.submission_return(submission=submission, by=world.coordinator, reason="Mer")
    event = AuditEvent.objects.get(action="activities.submission.returned")
    assert (event.actor, event.group, event.organisation) == (
        world.coordinator,
        world.group,
        "Polismyndigheten",
    )
    assert event.object_id == str(submission.pk) and event.object_type == "activities.submission"
    assert "activities.submission.submitted" in _actions()
    assert not AuditEvent.objects.filter(detail__contains="Hemlig").exists()
    assert not AuditEvent.objects.filter(object_repr__contains="Hemlig").exists()


def test_a_permission_refusal_is_logged(world, client):
    client.force_login(world.reader)
    assert client.get(reverse("members:person_list", args=[world.group.slug])).status_code == 403
    event = AuditEvent.objects.get(action="security.permission_denied")
    assert (event.actor, event.detail) == (world.reader, f"/grupp/{world.group.slug}/personer/")


def test_a_line_break_in_a_name_cannot_forge_a_line(world, client):
    world.rep_b.full_name = "Mikael\r\n2026-01-01 00:00 members.sign_in admin@example.org"
    world.rep_b.save()
    client.force_login(world.coordinator)
    client.post(reverse("members:person_deactivate", args=[world.group.slug, world.rep_b.pk]))
    event = AuditEvent.objects.get(action="members.membership.deactivated")
    assert "\n" not in event.object_repr and "\r" not in event.object_repr
    assert event.object_repr.startswith("Mikael 2026-01-01")


def test_role_changes_invitations_and_exports_are_logged(world, client):
    client.force_login(world.coordinator)
    client.post(
        reverse("members:person_edit", args=[world.group.slug, world.rep_a.pk]),
        {"group_role": "reader", "organisations": [world.org_a.pk]},
    )
    client.post(
        reverse("members:person_invite", args=[world.group.slug]),
        {"email": "ny@example.org", "role": "reader"},
    )
    client.get(reverse("activities:record_export", args=[world.group.slug, "aktiviteter", "csv"]))
    assert {
        "members.membership.changed",
        "members.invitation.sent",
        "activities.records.exported",
    } <= set(_actions())


def test_the_coordinator_reads_the_groups_log_and_only_that(world, client):
    answer(make_period(world.group), world.org_a, world.rep_a, {1: "x"}, submit=True)
    client.force_login(world.other_coordinator)
    client.get(
        reverse("members:person_list", args=[world.group.slug])
    )  # another group: 404, not logged here
    client.force_login(world.coordinator)
    page = client.get(reverse("members:audit_log", args=[world.group.slug])).content.decode()
    assert "Svar inskickade" in page  # the event's label (members.events)
    assert "Petra Polis" in page
