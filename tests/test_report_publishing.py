"""Publishing runs in the task queue: the publish POST goes to a progress page that
reloads itself until the version is made, a second publish while one runs joins it, and
a file that cannot be made leaves no version and says what failed."""

import re
from collections import Counter
from datetime import timedelta

import pytest
import weasyprint
from django.urls import reverse
from django.utils import timezone

from activities.models import PublishRequest, ReportVersion
from members.models import AuditEvent, NotificationKind, OutgoingMail

from .conftest import make_report, run_task_queue

IMMEDIATE = "django_tasks.backends.immediate.ImmediateBackend"
DATABASE = "django_tasks_db.DatabaseBackend"
REFRESH = "data-reload-after="


def _backend(settings, backend):
    settings.TASKS = {"default": {"BACKEND": backend}}


def _publish(client, report, **data):
    url = reverse("activities:report_publish", args=[report.group.slug, report.pk])
    return client.post(url, {"change_note": "", **data})


def _text(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_with_the_immediate_backend_the_publish_ends_at_the_new_version(world, client, settings):
    _backend(settings, IMMEDIATE)
    report = make_report(world.group)
    client.force_login(world.coordinator)
    response = _publish(client, report, change_note="Första versionen.", is_public="on")
    publish = PublishRequest.objects.get()
    assert response["Location"] == reverse(
        "activities:report_publishing", args=[world.group.slug, report.pk, publish.pk]
    )
    html = client.get(response["Location"]).content.decode()
    assert REFRESH not in html
    assert "Version 1 har publicerats." in html
    version_url = reverse("activities:report_version", args=[world.group.slug, report.pk, 1])
    assert f'href="{version_url}"' in html and "Visa version 1" in html
    version = report.versions.get()
    assert (version.change_note, version.is_public, version.published_by) == (
        "Första versionen.",
        True,
        world.coordinator,
    )
    assert version.pdf and version.docx and version.odt and version.archive_pdf
    assert (publish.state, publish.version) == ("done", version)
    # The same publish again (a double POST): still one version.
    _publish(client, report, change_note="Första versionen.", is_public="on")
    assert report.versions.count() == 1
    assert AuditEvent.objects.filter(action="activities.report.published").count() == 1


def test_with_the_queue_the_page_shows_progress_then_the_version(
    world, client, settings, django_capture_on_commit_callbacks
):
    _backend(settings, DATABASE)
    report = make_report(world.group)
    client.force_login(world.coordinator)
    progress = _publish(client, report, change_note="Ny version.")["Location"]
    html = client.get(progress).content.decode()
    assert f'{REFRESH}"3"' in html and "js/reload" in html
    assert 'http-equiv="refresh"' not in html  # axe (WCAG 2.2.1) fails a meta refresh
    assert "Publiceringen pågår…" in html and "Väntar i kön" in html
    assert "Sidan uppdateras av sig själv var 3:e sekund." in html
    assert not report.versions.exists()
    # The reloading can be turned off.
    stopped = client.get(progress + "?uppdatera=nej").content.decode()
    assert REFRESH not in stopped and "Uppdatera sidan" in stopped

    # A second click while it waits: the same publish, nothing queued twice.
    again = _publish(client, report, change_note="Ny version.")
    assert again["Location"] == progress
    assert "Publiceringen pågår redan." in _text(client.get(progress).content.decode())
    assert PublishRequest.objects.count() == 1
    readiness = client.get(
        reverse("activities:report_readiness", args=[world.group.slug, report.pk])
    ).content.decode()
    assert "Publiceringen pågår redan." in readiness
    assert "Publicera en ny version" not in readiness

    with django_capture_on_commit_callbacks(execute=True):
        run_task_queue()
    html = client.get(progress).content.decode()
    assert REFRESH not in html
    assert "Version 1 har publicerats." in html
    assert report.versions.get().change_note == "Ny version."
    # Each member of the group hears of it once.
    told = Counter(
        OutgoingMail.objects.filter(kind=NotificationKind.REPORT_PUBLISHED).values_list(
            "to_email", flat=True
        )
    )
    assert told and set(told.values()) == {1}
    # Done: the next publish is a new request.
    _publish(client, report, change_note="Andra versionen.")
    run_task_queue()
    assert report.versions.count() == 2


def test_a_file_that_cannot_be_made_leaves_no_version_and_says_what_failed(
    world, client, settings, monkeypatch
):
    _backend(settings, IMMEDIATE)
    report = make_report(world.group)
    client.force_login(world.coordinator)

    def broken(self, *args, **kwargs):
        raise RuntimeError("Typsnittet saknas")

    with monkeypatch.context() as patch:
        patch.setattr(weasyprint.HTML, "write_pdf", broken)
        progress = _publish(client, report, change_note="Ett försök.", is_public="on")
        html = client.get(progress["Location"]).content.decode()
    assert REFRESH not in html
    assert "Publiceringen misslyckades: PDF-filen kunde inte tas fram." in html
    assert "Ingenting publicerades: ingen version sparades." in html
    assert "RuntimeError: Typsnittet saknas" in html
    assert not ReportVersion.objects.exists()
    assert not AuditEvent.objects.filter(action="activities.report.published").exists()
    publish = PublishRequest.objects.get()
    assert (publish.state, publish.failed_step) == ("failed", "pdf")
    # The way to try again posts the same publish.
    assert 'name="change_note" value="Ett försök."' in html
    assert 'name="is_public" value="on"' in html
    assert "Försök igen" in html

    retry = _publish(client, report, change_note="Ett försök.", is_public="on")
    assert "Version 1 har publicerats." in client.get(retry["Location"]).content.decode()
    assert report.versions.get().is_public


def test_a_publish_lost_by_a_stopped_worker_does_not_block_the_next(world, client, settings):
    _backend(settings, IMMEDIATE)
    report = make_report(world.group)
    lost = PublishRequest.objects.create(report=report, state="running")
    PublishRequest.objects.filter(pk=lost.pk).update(
        created_at=timezone.now() - timedelta(minutes=20)
    )
    client.force_login(world.coordinator)
    response = _publish(client, report)
    assert "Version 1 har publicerats." in client.get(response["Location"]).content.decode()
    lost.refresh_from_db()
    assert lost.state == "failed"


@pytest.mark.parametrize("persona", ["reader", "rep_a", "other_coordinator"])
def test_only_the_groups_coordinator_sees_the_progress(world, client, persona):
    report = make_report(world.group)
    publish = PublishRequest.objects.create(report=report, state="queued")
    url = reverse("activities:report_publishing", args=[world.group.slug, report.pk, publish.pk])
    client.force_login(world.persona(persona))
    assert client.get(url).status_code in (403, 404)
    client.force_login(world.coordinator)
    assert client.get(url).status_code == 200
    # A publish of another report of the group is not found under this one.
    other = make_report(world.group, [report.first_period])
    wrong = reverse("activities:report_publishing", args=[world.group.slug, other.pk, publish.pk])
    assert client.get(wrong).status_code == 404
