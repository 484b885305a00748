"""E-mail notifications: who gets what, in which language, when, and never a lost save."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from activities.models import Comment, SubmissionStatus, Transition
from activities.reporting import services
from activities.reporting.reminders import send_reminders
from activities.reports import services as report_services
from members.models import MailStatus, OutgoingMail
from members.notifications import deliver_due, send_digests

from .conftest import answer, make_period, make_report, run_task_queue, sent_mail


def _to(messages):
    return sorted(address for message in messages for address in message.to)


@pytest.fixture
def period(world):
    return make_period(world.group)


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what happens after commit (the tests run inside one transaction)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_a_submission_tells_the_groups_coordinators_only(world, period, commit):
    with commit():
        answer(period, world.org_a, world.rep_a, {1: "Svar"}, submit=True)
    assert _to(sent_mail()) == ["samordnare@example.org"]
    message = sent_mail()[0]
    assert message.subject == "Polisen har skickat in sina svar för Kvartal 4 2026"
    assert (
        f"/grupp/vasterbotten/perioder/{period.pk}/organisationer/{world.org_a.pk}/" in message.body
    )
    assert message.alternatives[0][1] == "text/html"


def test_a_return_tells_the_organisations_representatives_with_reason_and_comments(
    world, period, commit
):
    submission = answer(period, world.org_a, world.rep_a, {1: "Svar"}, submit=True)
    Comment.objects.create(
        submission=submission,
        question=period.questions.get(number=1),
        author=world.coordinator,
        text="Vilka hotell?",
    )
    with commit():
        services.submission_return(
            submission=submission, by=world.coordinator, reason="Förtydliga fråga 1."
        )
    assert _to(sent_mail()) == ["polisen@example.org"]
    body = sent_mail()[0].body
    assert "Förtydliga fråga 1." in body
    assert "Fråga 1: Vilka hotell?" in body


def test_an_approval_tells_the_organisations_representatives(world, period, commit):
    submission = answer(period, world.org_b, world.rep_b, {1: "Svar"}, submit=True)
    with commit():
        services.submission_approve(submission=submission, by=world.coordinator)
    assert _to(sent_mail()) == ["migration@example.org"]
    assert sent_mail()[0].subject == "Era svar för Kvartal 4 2026 har godkänts"


def test_a_published_report_tells_the_whole_group_and_nobody_else(world, period, commit):
    report = make_report(world.group, [period])
    with commit():
        report_services.report_publish(report=report, by=world.coordinator)
    assert _to(sent_mail()) == sorted(
        [
            "samordnare@example.org",
            "lasare@example.org",
            "polisen@example.org",
            "migration@example.org",
        ]
    )


def test_mails_are_written_in_the_recipients_language(world, period, commit):
    world.coordinator.language = "en"
    world.coordinator.save()
    with commit():
        answer(period, world.org_a, world.rep_a, {1: "Svar"}, submit=True)
    assert sent_mail()[0].subject == "Polisen submitted its answers for Kvartal 4 2026"


def test_reminders_go_once_and_only_to_those_who_have_not_submitted(world, commit):
    period = make_period(world.group, days_to_deadline=3)
    answer(period, world.org_a, world.rep_a, {1: "Klart"}, submit=True)
    sent_mail().clear()
    with commit():
        send_reminders()
    subjects = sorted((m.to[0], m.subject.split(":")[0]) for m in sent_mail())
    assert ("migration@example.org", "Påminnelse") in subjects
    assert ("polisen@example.org", "Påminnelse") not in subjects
    opened = [m for m in sent_mail() if "öppen" in m.subject]
    assert _to(opened) == ["migration@example.org", "polisen@example.org"]
    count = len(sent_mail())
    with commit():
        call_command("send_reminders", stdout=__import__("io").StringIO())
    assert len(sent_mail()) == count  # run twice the same day: nothing new


def test_no_deadline_reminder_long_before_the_deadline(world, commit):
    make_period(world.group, days_to_deadline=30)
    with commit():
        send_reminders()
    assert not [m for m in sent_mail() if m.subject.startswith("Påminnelse")]


def test_a_returned_submission_left_alone_is_reminded_with_a_copy_to_the_coordinator(
    world, period, commit
):
    submission = answer(period, world.org_a, world.rep_a, {1: "Svar"}, submit=True)
    services.submission_return(submission=submission, by=world.coordinator, reason="Mer")
    Transition.objects.filter(submission=submission, to_status=SubmissionStatus.RETURNED).update(
        at=timezone.now() - timedelta(days=6)
    )
    sent_mail().clear()
    with commit():
        send_reminders()
        send_reminders()
    reminders = [m for m in sent_mail() if "skickats tillbaka" in m.subject]
    assert _to(reminders) == ["polisen@example.org", "samordnare@example.org"]


def test_a_mail_server_that_is_down_never_fails_the_save_and_the_mail_comes_later(
    world, period, client, settings, commit
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    client.force_login(world.rep_a)
    url = reverse("activities:submission", args=[world.group.slug, period.pk, world.org_a.pk])
    with commit():
        response = client.post(
            url,
            {
                "version": 0,
                "action": "submit",
                f"answer_{period.questions.get(number=1).pk}": "Svar",
            },
        )
        response = client.post(
            reverse(
                "activities:submission_check", args=[world.group.slug, period.pk, world.org_a.pk]
            ),
            {"version": 1, "confirm_unanswered": "on"},
        )
    run_task_queue()
    assert response.status_code == 302
    assert period.submissions.get().status == SubmissionStatus.SUBMITTED
    queued = OutgoingMail.objects.get(kind="submitted")
    assert (queued.status, queued.attempts) == (MailStatus.QUEUED, 1)
    assert "Connection" in queued.last_error or "refused" in queued.last_error.lower()
    assert queued.next_attempt_at > timezone.now()
    client.force_login(world.coordinator)
    page = client.get(reverse("members:outgoing_mail", args=[world.group.slug])).content.decode()
    assert "samordnare@example.org" in page and queued.last_error[:20] in page

    assert deliver_due() == (0, 0)  # not yet due
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert deliver_due(now=timezone.now() + timedelta(minutes=2)) == (1, 0)
    assert _to(sent_mail()) == ["samordnare@example.org"]
    queued.refresh_from_db()
    assert queued.status == MailStatus.SENT


def test_a_mail_that_keeps_failing_is_marked_failed(world, period, settings, commit):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    with commit():
        answer(period, world.org_a, world.rep_a, {1: "Svar"}, submit=True)
    run_task_queue()
    later = timezone.now()
    for _ in settings.MAIL_RETRY_BACKOFF:
        later += timedelta(days=1)
        deliver_due(now=later)
    assert OutgoingMail.objects.get().status == MailStatus.FAILED


def test_a_person_who_switched_a_notification_off_gets_none(world, period, client, commit):
    client.force_login(world.coordinator)
    wanted = [
        "returned",
        "approved",
        "period_opened",
        "deadline_near",
        "returned_reminder",
        "report_published",
    ]
    client.post(reverse("members:notifications"), {"wanted": wanted, "daily_digest": "0"})
    world.coordinator.refresh_from_db()
    assert world.coordinator.muted_notifications == ["submitted"]
    with commit():
        answer(period, world.org_a, world.rep_a, {1: "Svar"}, submit=True)
    assert sent_mail() == []


def test_a_daily_digest_gathers_the_days_mails_in_one(world, period, commit):
    world.rep_a.daily_digest = True
    world.rep_a.save()
    first = answer(period, world.org_a, world.rep_a, {1: "Svar"}, submit=True)
    with commit():
        services.submission_return(submission=first, by=world.coordinator, reason="Mer")
    assert sent_mail() == []
    assert OutgoingMail.objects.filter(status=MailStatus.DIGEST).count() == 1
    with commit():
        assert send_digests() == 1
    assert _to(sent_mail()) == ["polisen@example.org"]
    assert "Era svar för Kvartal 4 2026 har skickats tillbaka" in sent_mail()[0].body
    with commit():
        assert send_digests() == 0


def test_invitations_ignore_the_digest_choice(world, client, commit):
    world.other_coordinator.daily_digest = True
    world.other_coordinator.save()
    client.force_login(world.coordinator)
    with commit():
        client.post(
            reverse("members:person_invite", args=[world.group.slug]),
            {"email": world.other_coordinator.email, "role": "reader"},
        )
    assert _to(sent_mail()) == [world.other_coordinator.email]


def test_the_demo_prints_mails_to_the_console_and_sends_at_once():
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import django; django.setup(); from django.conf import settings;"
        "print(settings.EMAIL_BACKEND, settings.TASKS['default']['BACKEND'])"
    )
    env = {
        k: v for k, v in os.environ.items() if k not in {"DEBUG", "EMAIL_BACKEND", "TASKS_BACKEND"}
    }
    env["DJANGO_SETTINGS_MODULE"] = "samordning.settings"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).parent.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split() == [
        "django.core.mail.backends.console.EmailBackend",
        "django_tasks.backends.immediate.ImmediateBackend",
    ]
