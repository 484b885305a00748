"""The site operator creates a coordination group with its issuing organisation and its
first coordinator, in one step and audited; nobody else may."""

import pytest
from django.urls import reverse

from members.models import AuditEvent, CoordinationGroup, Invitation, Membership, Role

from .conftest import make_person, sent_mail

URL = reverse("members:group_create")


def _form(**changes):
    return {
        "name": "Samordningsgruppen i Skåne",
        "county": "Skåne",
        "slug": "skane",
        "issuer_name": "Länsstyrelsen i Skåne län",
        "issuer_short_name": "Länsstyrelsen",
        "coordinator_email": "Ny.Samordnare@Example.org",
        "coordinator_name": "Nils Nyberg",
        **changes,
    }


def test_the_site_operator_creates_a_group_with_its_issuer_and_invites_its_coordinator(
    world, client, django_capture_on_commit_callbacks
):
    client.force_login(world.superuser)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, _form())
    assert response.status_code == 302
    assert response["Location"] == reverse("members:group_created", args=["skane"])

    group = CoordinationGroup.objects.get(slug="skane")
    assert (group.name, group.county) == ("Samordningsgruppen i Skåne", "Skåne")
    [issuer] = group.organisations.all()
    assert group.issuing_organisation == issuer
    assert (issuer.name, issuer.short_name) == ("Länsstyrelsen i Skåne län", "Länsstyrelsen")

    invitation = Invitation.objects.get(group=group)
    assert (invitation.email, invitation.role, invitation.full_name) == (
        "ny.samordnare@example.org",
        Role.COORDINATOR,
        "Nils Nyberg",
    )
    [mail] = [m for m in sent_mail() if m.to == ["ny.samordnare@example.org"]]
    assert "Samordningsgruppen i Skåne" in mail.subject

    created = AuditEvent.objects.get(action="members.group.created")
    assert (created.actor, created.group, created.detail) == (
        world.superuser,
        group,
        "Länsstyrelsen i Skåne län",
    )
    assert AuditEvent.objects.filter(action="members.invitation.sent", group=group).exists()

    page = client.get(response["Location"]).content.decode()
    assert "Gruppen är skapad" in page
    assert "En inbjudan har skickats till ny.samordnare@example.org" in page
    assert reverse("group_home", args=["skane"]) in page


def test_someone_with_an_account_becomes_coordinator_at_once(world, client):
    client.force_login(world.superuser)
    client.post(URL, _form(coordinator_email="samordnare@norrbotten.example.org"))
    group = CoordinationGroup.objects.get(slug="skane")
    membership = Membership.objects.get(user=world.other_coordinator, group=group)
    assert (membership.role, membership.is_active) == (Role.COORDINATOR, True)
    assert not Invitation.objects.filter(group=group).exists()
    line = AuditEvent.objects.get(action="members.membership.changed", group=group)
    assert (line.actor, line.object_repr) == (world.superuser, "Nora Norr")

    page = client.get(reverse("members:group_created", args=["skane"])).content.decode()
    assert "Nora Norr samordnar gruppen från och med nu" in page
    client.force_login(world.other_coordinator)
    assert client.get(reverse("group_home", args=["skane"])).status_code == 200


def test_a_person_without_a_role_anywhere_is_invited_not_let_in(world, client):
    make_person("vilande@example.org", "Vera Vilande", is_active=False)
    client.force_login(world.superuser)
    client.post(URL, _form(coordinator_email="vilande@example.org"))
    group = CoordinationGroup.objects.get(slug="skane")
    assert Invitation.objects.filter(group=group, email="vilande@example.org").exists()
    assert not Membership.objects.filter(group=group).exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"slug": "vasterbotten"}, "En annan grupp har redan den korta adressen."),
        ({"slug": "Skåne län"}, "kort adress"),
        ({"coordinator_email": "inte-en-adress"}, "e-post"),
        ({"issuer_name": ""}, "Utgivande organisation"),
    ],
)
def test_a_wrong_form_creates_nothing_and_says_why(world, client, changes, message):
    client.force_login(world.superuser)
    response = client.post(URL, _form(**changes))
    assert response.status_code == 200
    assert message.lower() in response.content.decode().lower()
    assert not CoordinationGroup.objects.filter(name="Samordningsgruppen i Skåne").exists()
    assert not AuditEvent.objects.filter(action="members.group.created").exists()


def test_a_blocked_account_cannot_be_made_coordinator(world, client):
    from django.utils import timezone

    world.rep_b.blocked_at = timezone.now()
    world.rep_b.save()
    client.force_login(world.superuser)
    response = client.post(URL, _form(coordinator_email="migration@example.org"))
    assert "Kontot med den adressen är spärrat" in response.content.decode()
    assert not CoordinationGroup.objects.filter(slug="skane").exists()


@pytest.mark.parametrize("persona", ["coordinator", "rep_a", "reader", "other_coordinator"])
def test_nobody_but_the_site_operator_may(world, client, persona):
    client.force_login(world.persona(persona))
    assert client.get(URL).status_code == 403
    assert client.post(URL, _form()).status_code == 403
    assert not CoordinationGroup.objects.filter(slug="skane").exists()
    created = reverse("members:group_created", args=[world.group.slug])
    assert client.get(created).status_code == 403


def test_the_site_operators_start_page_leads_here(world, client):
    client.force_login(world.superuser)
    page = client.get(reverse("home")).content.decode()
    assert f'href="{URL}">Skapa en samordningsgrupp</a>' in page
    form = client.get(URL).content.decode()
    assert "Utgivande organisation" in form and "novalidate" in form


def test_a_new_groups_first_report_is_issued_by_its_issuing_organisation(world, client):
    from activities.reports.services import report_create

    from .conftest import make_period

    client.force_login(world.superuser)
    client.post(URL, _form(coordinator_email="samordnare@norrbotten.example.org"))
    group = CoordinationGroup.objects.get(slug="skane")
    group.organisations.create(name="Polismyndigheten", short_name="Polisen", order=0)
    period = make_period(group)
    report = report_create(group=group, first_period=period, last_period=period)
    assert report.issuer == "Länsstyrelsen i Skåne län"
    contact = report.contacts.get(email="samordnare@norrbotten.example.org")
    assert contact.organisation == "Länsstyrelsen i Skåne län"


def test_the_issuing_organisation_is_one_of_the_groups_own(world, client):
    from django.core.exceptions import ValidationError

    world.group.issuing_organisation = world.other_org
    with pytest.raises(ValidationError, match="gruppens egna"):
        world.group.full_clean()
    world.group.issuing_organisation = world.org_a
    world.group.full_clean()

    client.force_login(world.superuser)
    url = reverse("admin:members_coordinationgroup_change", args=[world.group.pk])
    choices = client.get(url).context["adminform"].form.fields["issuing_organisation"].queryset
    assert set(choices) == {world.org_a, world.org_b}


def test_the_operators_admin_names_each_audit_event(world, client):
    client.force_login(world.superuser)
    client.post(URL, _form())
    page = client.get(reverse("admin:members_auditevent_changelist")).content.decode()
    assert "Grupp skapad" in page
