"""Heavy actions are confirmed first: the GET names the consequence and changes nothing;
the POST does it."""

from django.urls import reverse

from activities.models import ReportVersion
from members.models import Membership

from .conftest import make_report, make_version


def test_deactivating_asks_first_and_names_the_consequence(world, client):
    client.force_login(world.coordinator)
    url = reverse("members:person_deactivate", args=[world.group.slug, world.rep_a.pk])
    page = client.get(url).content.decode()
    assert "Inaktivera Petra Polis?" in page
    assert (
        "Petra Polis kan inte längre logga in i gruppen Samordningsgruppen i Västerbotten" in page
    )
    assert f'<form method="post" action="{url}" novalidate>' in page
    assert Membership.objects.active().filter(user=world.rep_a, group=world.group).exists()
    world.rep_a.refresh_from_db()
    assert world.rep_a.is_active
    client.post(url)
    assert not Membership.objects.active().filter(user=world.rep_a, group=world.group).exists()


def test_the_people_page_links_to_the_confirmation_without_a_red_button(world, client):
    client.force_login(world.coordinator)
    page = client.get(reverse("members:person_list", args=[world.group.slug])).content.decode()
    url = reverse("members:person_deactivate", args=[world.group.slug, world.rep_a.pk])
    assert f'href="{url}"' in page
    assert "danger" not in page.split("<tbody>")[1].replace("text-bg-danger", "")


def test_the_confirmation_is_for_the_coordinator_only(world, client):
    client.force_login(world.rep_b)
    url = reverse("members:person_deactivate", args=[world.group.slug, world.rep_a.pk])
    assert client.get(url).status_code in (403, 404)


def test_taking_a_version_back_from_the_public_asks_first(world, client):
    report = make_report(world.group)
    version = make_version(report, is_public=True)
    client.force_login(world.coordinator)
    url = reverse("activities:report_visibility", args=[world.group.slug, report.pk, 1])
    public = reverse("activities:public_report", args=[world.group.slug, report.pk, 1])
    page = client.get(url).content.decode()
    assert "Dra tillbaka version 1 från allmänheten?" in page
    assert f"försvinner genast från den öppna adressen http://testserver{public}" in page
    assert '<input type="hidden" name="public" value="0">' in page
    version.refresh_from_db()
    assert version.is_public
    assert client.get(public).status_code == 200
    client.post(url, {"public": "0"})
    assert not ReportVersion.objects.get(pk=version.pk).is_public
    assert client.get(public).status_code == 404


def test_a_version_that_is_not_public_has_nothing_to_confirm(world, client):
    report = make_report(world.group)
    make_version(report, is_public=False)
    client.force_login(world.coordinator)
    url = reverse("activities:report_visibility", args=[world.group.slug, report.pk, 1])
    response = client.get(url)
    assert response["Location"] == reverse(
        "activities:report_version", args=[world.group.slug, report.pk, 1]
    )
    # Making a version public is not heavy: it stays one click.
    client.post(url, {"public": "1"})
    assert ReportVersion.objects.get(report=report).is_public
