"""Sign-in sessions: idle timeout with a warning, an absolute limit, sign-out everywhere."""

import time

from django.test import Client
from django.urls import reverse

from .conftest import PASSWORD


def _signed_in(world, email="polisen@example.org"):
    client = Client()
    response = client.post(reverse("members:login"), {"username": email, "password": PASSWORD})
    assert response.status_code == 302
    return client


def _age(client, **seconds_ago):
    session = client.session
    for key, ago in seconds_ago.items():
        session[key] = time.time() - ago
    session.save()


def test_an_idle_session_ends_with_a_message(world, settings):
    client = _signed_in(world)
    home = reverse("group_home", args=[world.group.slug])
    assert client.get(home).status_code == 200
    _age(client, last_activity=settings.SESSION_IDLE_SECONDS + 5)
    response = client.get(home, follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("members:login"))
    assert "Du loggades ut efter en stund utan aktivitet." in response.content.decode()


def test_activity_keeps_the_session_alive(world, settings):
    client = _signed_in(world)
    home = reverse("group_home", args=[world.group.slug])
    _age(client, last_activity=settings.SESSION_IDLE_SECONDS - 60)
    assert client.post(reverse("members:session_extend")).status_code == 204
    _age(client, last_activity=0)
    assert client.get(home).status_code == 200


def test_a_session_ends_after_the_absolute_limit_even_when_active(world, settings):
    client = _signed_in(world)
    _age(client, signed_in_at=settings.SESSION_COOKIE_AGE + 5, last_activity=1)
    assert client.get(reverse("group_home", args=[world.group.slug])).status_code == 302


def test_signing_out_ends_the_persons_other_sessions(world):
    laptop, phone = _signed_in(world), _signed_in(world)
    home = reverse("group_home", args=[world.group.slug])
    assert phone.get(home).status_code == 200
    laptop.post(reverse("members:logout"))
    assert phone.get(home).status_code == 302


def test_a_password_change_ends_other_sessions(world):
    other = _signed_in(world)
    world.rep_a.set_password("ett-helt-nytt-lösenord-2026")
    world.rep_a.save()
    assert other.get(reverse("group_home", args=[world.group.slug])).status_code == 302


def test_the_session_id_changes_at_sign_in(world, client):
    client.get(reverse("members:login"))
    client.session.save()
    before = client.session.session_key
    client.post(reverse("members:login"), {"username": "polisen@example.org", "password": PASSWORD})
    assert client.session.session_key != before


def test_pages_carry_the_warning_with_the_idle_time(world, settings):
    client = _signed_in(world)
    page = client.get(reverse("group_home", args=[world.group.slug])).content.decode()
    assert 'role="alertdialog"' in page
    assert f'data-idle-seconds="{settings.SESSION_IDLE_SECONDS}"' in page
    assert 'data-warning-seconds="120"' in page
    assert "Stanna inloggad" in page
