import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from members.models import Invitation, Membership, Role, User

from .conftest import PASSWORD, sent_mail

NEW_PASSWORD = "kvartalsrapport-i-juni"


def _invite(client, world, **data):
    payload = {
        "email": "ny@example.org",
        "full_name": "Nina Ny",
        "role": Role.REPRESENTATIVE,
        "organisation": world.org_a.pk,
    }
    payload.update(data)
    return client.post(reverse("members:person_invite", args=[world.group.slug]), payload)


def _link_in(message):
    return re.search(r"http://\S+/konto/inbjudan/(\S+)/", message.body).group(0)


@pytest.fixture
def coordinator_client(world, client):
    client.force_login(world.coordinator)
    return client


def test_an_invitation_is_mailed_with_a_one_time_link(
    world, coordinator_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _invite(coordinator_client, world)
    assert response.status_code == 302
    assert len(sent_mail()) == 1
    message = sent_mail()[0]
    assert message.to == ["ny@example.org"]
    assert "Samordningsgruppen i Västerbotten" in message.subject
    assert "Polismyndigheten" in message.body
    assert message.alternatives[0][1] == "text/html"
    link = _link_in(message)
    # Only a hash of the token is stored.
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert not Invitation.objects.filter(token_hash=token).exists()
    page = coordinator_client.get(reverse("members:person_list", args=[world.group.slug]))
    assert "ny@example.org" in page.content.decode()


def test_accepting_creates_the_account_with_the_role_and_signs_in(
    world, client, django_capture_on_commit_callbacks
):
    client.force_login(world.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, world)
    client.logout()
    path = _link_in(sent_mail()[0]).split("8000", 1)[-1]
    assert "Nina Ny" in client.get(path).content.decode()
    response = client.post(
        path, {"full_name": "Nina Ny", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert response["Location"] == reverse("group_home", args=[world.group.slug])
    person = User.objects.get(email="ny@example.org")
    assert person.check_password(NEW_PASSWORD)
    assert Membership.objects.get(user=person).organisation == world.org_a
    assert "Du representerar" in client.get(response["Location"]).content.decode()


def test_a_used_link_cannot_be_used_again(world, client, django_capture_on_commit_callbacks):
    client.force_login(world.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, world)
    client.logout()
    path = _link_in(sent_mail()[0]).split("8000", 1)[-1]
    data = {"full_name": "Nina Ny", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    client.post(path, data)
    client.logout()
    response = client.post(
        path, {**data, "password1": "ett-annat-lösenord-1", "password2": "ett-annat-lösenord-1"}
    )
    assert response.status_code == 410
    assert "redan accepterats" in response.content.decode()
    assert User.objects.get(email="ny@example.org").check_password(NEW_PASSWORD)


def test_an_expired_link_is_refused_with_a_message(
    world, client, django_capture_on_commit_callbacks
):
    client.force_login(world.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, world)
    client.logout()
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    path = _link_in(sent_mail()[0]).split("8000", 1)[-1]
    response = client.get(path)
    assert response.status_code == 410
    assert "Inbjudan har gått ut" in response.content.decode()
    response = client.post(
        path, {"full_name": "X", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert response.status_code == 410
    assert not User.objects.filter(email="ny@example.org").exists()


def test_a_new_invitation_replaces_the_old_link(world, client, django_capture_on_commit_callbacks):
    client.force_login(world.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, world)
        _invite(client, world, role=Role.READER, organisation="")
    client.logout()
    old, new = (_link_in(m).split("8000", 1)[-1] for m in sent_mail())
    assert client.get(old).status_code == 410
    assert client.get(new).status_code == 200


def test_an_unknown_link_is_refused(client, db):
    response = client.get(reverse("members:invitation_accept", args=["nonsense"]))
    assert response.status_code == 410
    assert "Länken gäller inte" in response.content.decode()


def test_a_weak_or_mismatched_password_is_refused_and_the_name_kept(
    world, client, django_capture_on_commit_callbacks
):
    client.force_login(world.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, world)
    client.logout()
    path = _link_in(sent_mail()[0]).split("8000", 1)[-1]
    response = client.post(path, {"full_name": "Nina Ny", "password1": "kort", "password2": "kort"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "minst 12 tecken" in page
    assert 'value="Nina Ny"' in page
    response = client.post(
        path, {"full_name": "Nina Ny", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD + "x"}
    )
    assert "De två lösenorden är inte lika" in response.content.decode()
    assert not User.objects.filter(email="ny@example.org").exists()


def test_inviting_someone_already_in_the_group_is_refused(world, coordinator_client):
    response = _invite(coordinator_client, world, email="Polisen@example.org")
    page = response.content.decode()
    assert response.status_code == 200
    assert "redan medlem i gruppen" in page
    assert 'value="Polisen@example.org"' in page
    assert not Invitation.objects.exists()
    assert not sent_mail()


def test_a_representative_needs_an_organisation(world, coordinator_client):
    response = _invite(coordinator_client, world, organisation="")
    assert "Välj den organisation som personen representerar" in response.content.decode()
    assert not Invitation.objects.exists()


def test_another_groups_organisation_cannot_be_chosen(world, coordinator_client):
    response = _invite(coordinator_client, world, organisation=world.other_org.pk)
    assert response.status_code == 200
    assert not Invitation.objects.exists()


def test_someone_of_another_group_accepts_without_a_new_password(
    world, client, django_capture_on_commit_callbacks
):
    client.force_login(world.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        _invite(
            client, world, email=world.other_coordinator.email, role=Role.READER, organisation=""
        )
    client.logout()
    path = _link_in(sent_mail()[0]).split("8000", 1)[-1]
    assert "Du har redan ett konto" in client.get(path).content.decode()
    response = client.post(path)
    assert response["Location"] == reverse("members:login")
    assert Membership.objects.filter(
        user=world.other_coordinator, group=world.group, role=Role.READER
    ).exists()
    world.other_coordinator.refresh_from_db()
    assert world.other_coordinator.check_password(PASSWORD)


def test_withdrawing_an_invitation_kills_the_link(
    world, client, django_capture_on_commit_callbacks
):
    client.force_login(world.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, world)
    invitation = Invitation.objects.get()
    client.post(reverse("members:invitation_revoke", args=[world.group.slug, invitation.pk]))
    client.logout()
    path = _link_in(sent_mail()[0]).split("8000", 1)[-1]
    assert client.get(path).status_code == 410


def test_the_invitation_is_written_in_english_for_someone_who_chose_english(
    world, client, django_capture_on_commit_callbacks
):
    world.other_coordinator.language = "en"
    world.other_coordinator.save()
    client.force_login(world.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        _invite(
            client, world, email=world.other_coordinator.email, role=Role.READER, organisation=""
        )
    assert sent_mail()[0].subject.startswith("Invitation to")
