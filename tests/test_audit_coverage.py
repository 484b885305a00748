"""What the audit log covers beyond sign-ins and workflow steps: refused guesses of ids,
every edit of organisations, periods, questions, records and comments (never their
texts), addresses for the site operator only; and public report pages no cache keeps."""

from django.urls import reverse

from members.models import AuditEvent

from .conftest import make_report, make_version

SECRET = "Hemlig uppgift om pågående insats"


def _lines(prefix):
    return list(AuditEvent.objects.filter(action__startswith=prefix).order_by("pk"))


def _actions(prefix):
    return [event.action for event in _lines(prefix)]


def _no_line_holds(text):
    for event in AuditEvent.objects.all():
        assert text not in str(event.__dict__), event.action


# d. Public report pages and files: no cache keeps them; taken back, they are gone.


def test_public_report_pages_and_files_are_never_cached_and_gone_once_taken_back(world, client):
    report = make_report(world.group)
    version = make_version(report, is_public=True)
    urls = [
        reverse("activities:public_report", args=[world.group.slug, report.pk, 1]),
        *(
            reverse("activities:public_report_file", args=[world.group.slug, report.pk, 1, fmt])
            for fmt in ("pdf", "docx")
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
