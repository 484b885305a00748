"""Writes that used to happen in views now go through services, and each service writes its
audit line (never the texts written): a new report, the draft's save, its contacts fetched
anew, the group's settings, the two-step settings, a person's language and notification
choices, a target group removed. Each through the pages, as a person would."""

import pytest
from django.urls import reverse

from activities.models import Activity, Report
from activities.reports import services as report_services
from members.models import AuditEvent

from .conftest import approved, make_activity, make_past_period, make_period, make_report
from .test_reports import _Form
from .test_two_factor import _enrol

SECRET = "Hemligt förord om pågående ärenden"


def _one(action):
    [line] = AuditEvent.objects.filter(action=action)
    return line


def _no_line_holds(text):
    for event in AuditEvent.objects.all():
        assert text not in str(event.__dict__), event.action


# Reports


def test_a_new_report_is_logged_and_opens_with_its_contacts(world, client):
    period = make_period(world.group)
    client.force_login(world.coordinator)
    response = client.post(
        reverse("activities:report_new", args=[world.group.slug]),
        {"first_period": period.pk, "last_period": period.pk},
    )
    report = Report.objects.get()
    line = _one("activities.report.created")
    assert (line.actor, line.group, line.object_type, line.object_id) == (
        world.coordinator,
        world.group,
        "activities.report",
        str(report.pk),
    )
    assert report.contacts.filter(email="samordnare@example.org").exists()
    page = client.get(response["Location"]).content.decode()
    assert "samordnare@example.org" in page


def test_a_new_report_is_made_whole_or_not_at_all(world, monkeypatch):
    past = make_past_period(world.group, "Kvartal 3 2026", __import__("datetime").date(2026, 7, 1))
    first = make_report(world.group, [past])
    first.sections.create(order=1, heading="Bakgrund", text="Text")

    def broken(report):
        raise RuntimeError("the contacts could not be made")

    monkeypatch.setattr(report_services, "_contacts_from_group", broken)
    with pytest.raises(RuntimeError):
        report_services.report_create(
            group=world.group, first_period=past, last_period=past, by=world.coordinator
        )
    assert list(Report.objects.all()) == [first]
    lines = AuditEvent.objects.filter(action="activities.report.created")
    assert [line.object_id for line in lines] == [str(first.pk)]


def test_saving_the_draft_is_logged_with_what_changed_never_the_text(world, client):
    past = make_past_period(world.group, "Kvartal 3 2026", __import__("datetime").date(2026, 7, 1))
    approved(past, world.org_a, world.rep_a, world.coordinator, {1: "Polisens arbete."})
    report = make_report(world.group, [past])
    client.force_login(world.coordinator)
    edit = reverse("activities:report_edit", args=[world.group.slug, report.pk])
    page = client.get(edit).content.decode()
    form = _Form()
    form.feed(page[page.index('<form method="post" novalidate>') :])
    data = form.data
    data["foreword"] = SECRET
    data["signatories-0-name"] = "Sara Samordnare"
    data["signatories-0-title"] = "Samordnare"
    data["signatories-0-order"] = "1"
    response = client.post(edit, data)
    assert response.status_code == 302
    line = _one("activities.report.updated")
    assert (line.actor, line.group, line.object_id) == (
        world.coordinator,
        world.group,
        str(report.pk),
    )
    assert line.detail == "foreword, signatories"
    _no_line_holds(SECRET)
    preview = reverse("activities:report_preview", args=[world.group.slug, report.pk])
    assert SECRET in client.get(preview).content.decode()


def test_fetching_the_contacts_anew_is_logged(world, client):
    report = make_report(world.group)
    report.contacts.all().delete()
    client.force_login(world.coordinator)
    client.post(reverse("activities:report_contacts", args=[world.group.slug, report.pk]))
    line = _one("activities.report.contacts_refreshed")
    assert (line.actor, line.group, line.object_id) == (
        world.coordinator,
        world.group,
        str(report.pk),
    )
    edit = reverse("activities:report_edit", args=[world.group.slug, report.pk])
    assert "polisen@example.org" in client.get(edit).content.decode()


# The group's settings and the person's own


def test_the_group_settings_are_logged_with_the_fields_changed(world, client):
    client.force_login(world.coordinator)
    url = reverse("members:group_settings", args=[world.group.slug])
    data = {
        "description": "Vi samordnar arbetet i länet.",
        "reminder_days_before_deadline": 7,
        "returned_reminder_days": 5,
    }
    assert client.post(url, data).status_code == 302
    line = _one("members.group.settings_changed")
    assert (line.actor, line.group, line.detail) == (world.coordinator, world.group, "description")
    assert "Vi samordnar arbetet i länet." in client.get(url).content.decode()
    world.group.refresh_from_db()
    assert world.group.description == "Vi samordnar arbetet i länet."


def test_new_backup_codes_and_turning_two_step_off_are_logged(world):
    client, _device, codes = _enrol(world.reader)
    page = client.post(reverse("members:two_factor_backup_codes"))
    assert page.status_code == 200 and "<code>" in page.content.decode()
    assert _one("members.two_factor.backup_codes_renewed").actor == world.reader
    new_code = page.content.decode().split("<li><code>")[1].split("<")[0]
    assert new_code not in codes
    client.post(reverse("members:two_factor_disable"), {"code": new_code})
    assert _one("members.two_factor.disabled").actor == world.reader
    security = client.get(reverse("members:two_factor")).content.decode()
    assert "Tvåstegsverifieringen är avstängd." in security


def test_a_wrong_code_turns_nothing_off_and_logs_nothing(world):
    client, _device, _codes = _enrol(world.reader)
    client.post(reverse("members:two_factor_disable"), {"code": "nothing"})
    assert not AuditEvent.objects.filter(action="members.two_factor.disabled").exists()


def test_a_changed_language_is_logged_once(world, client):
    client.force_login(world.reader)
    client.post(reverse("set_language"), {"language": "en"})
    client.post(reverse("set_language"), {"language": "en"})
    line = _one("members.person.language_changed")
    assert (line.actor, line.detail, line.group) == (world.reader, "en", None)
    world.reader.refresh_from_db()
    assert world.reader.language == "en"


def test_notification_choices_are_logged(world, client):
    client.force_login(world.reader)
    url = reverse("members:notifications")
    assert client.post(url, {"daily_digest": "1"}).status_code == 302
    assert _one("members.person.notifications_changed").actor == world.reader
    world.reader.refresh_from_db()
    assert world.reader.daily_digest


# Target groups


def test_a_removed_target_group_is_logged_with_how_many_activities_lost_it(world, client):
    target = world.group.target_groups.create(name="Hamnar", order=1)
    make_activity(world.org_a).target_groups.add(target)
    client.force_login(world.coordinator)
    url = reverse("activities:target_group_delete", args=[world.group.slug, target.pk])
    response = client.post(url, follow=True)
    line = _one("activities.target_group.deleted")
    assert (line.actor, line.object_id, line.detail) == (
        world.coordinator,
        str(target.pk),
        "1 tagged",
    )
    assert not Activity.objects.get().target_groups.exists()
    assert "Hamnar" in response.content.decode()  # the message names it
