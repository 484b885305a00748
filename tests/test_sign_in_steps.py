"""A person half-way through signing in (password given, code not) reaches only the code
page (or the set-up page their group requires), signing out, the language switch and the
public pages: every URL pattern walked, in the style of the permission matrix. Text they
send to the answers page is kept, as for someone signed out, and shown back after the
code. A visitor who never signed in cannot write into a session.
"""

import time

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import get_resolver, reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from activities.models import Submission
from members.sign_in_steps import OPEN_BEFORE_SIGNED_IN, TYPED_TEXT

from .conftest import PASSWORD, answer, make_period
from .test_permissions import EXPECTED, _kwargs_for, _url_names
from .test_two_factor import _code

ENROL = reverse("members:two_factor_enrol")
VERIFY = reverse("members:two_factor_verify")


def _half_signed_in(person):
    """A browser that gave the person's password and nothing more."""
    client = Client()
    response = client.post(
        reverse("members:login"), {"username": person.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    return client


def _with_a_device(world):
    TOTPDevice.objects.create(user=world.rep_a, name="app", confirmed=True)
    return _half_signed_in(world.rep_a), VERIFY


def _required_not_enrolled(world):
    world.group.coordinators_need_two_factor = True
    world.group.save()
    return _half_signed_in(world.coordinator), ENROL


HALF_SIGNED_IN = {"has a device": _with_a_device, "required, not enrolled": _required_not_enrolled}


@pytest.mark.parametrize("standing", HALF_SIGNED_IN)
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_half_signed_in_reaches_only_the_open_pages(standing, name, world):
    client, step = HALF_SIGNED_IN[standing](world)
    method, _expectations, *data = EXPECTED[name]
    url = reverse(name, kwargs=_kwargs_for(name, world))
    response = getattr(client, method)(url, *data)
    sent_to_step = response.status_code == 302 and response["Location"].startswith(step)
    if name in OPEN_BEFORE_SIGNED_IN:
        assert not sent_to_step, name
        assert response.status_code < 500
    elif name == "activities:submission_autosave":
        assert response.status_code == 401, name
        assert "Du har blivit utloggad" in response.json()["message"]
    else:
        assert sent_to_step, (name, response.status_code, response.get("Location"))


def test_every_open_page_is_a_url_pattern():
    assert set(_url_names(get_resolver().url_patterns)) >= OPEN_BEFORE_SIGNED_IN


@pytest.mark.parametrize("standing", HALF_SIGNED_IN)
@pytest.mark.parametrize("path", ["/admin/", "/admin/members/user/", "/admin/login/"])
def test_half_signed_in_staff_do_not_reach_the_admin(standing, path, world):
    world.rep_a.is_staff = world.rep_a.is_superuser = True
    world.rep_a.save()
    world.coordinator.is_staff = world.coordinator.is_superuser = True
    world.coordinator.save()
    client, step = HALF_SIGNED_IN[standing](world)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(step)


def _answers_url(world, period):
    return reverse(
        "activities:submission",
        kwargs={"slug": world.group.slug, "pk": period.pk, "org_pk": world.org_a.pk},
    )


def test_answers_sent_before_the_code_are_kept_and_shown_after_it(world):
    period = make_period(world.group)
    answer(period, world.org_a, world.rep_a, {1: "Sparad text"})
    device = TOTPDevice.objects.create(user=world.rep_a, name="app", confirmed=True)
    client = _half_signed_in(world.rep_a)
    url = _answers_url(world, period)
    question = period.questions.get(number=1)

    response = client.post(
        url, {"version": 1, "action": "save", f"answer_{question.pk}": "Skrivet före koden"}
    )
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    assert Submission.objects.get().answers.get().text == "Sparad text"
    # Not readable before the code either.
    assert client.get(url)["Location"].startswith(VERIFY)

    verified = client.post(response["Location"], {"code": _code(device)})
    page = client.get(verified["Location"]).content.decode()
    assert "Skrivet före koden" in page
    assert "Du loggades ut innan dina svar sparades" in page


def test_a_visitor_who_never_signed_in_cannot_grow_a_session(world):
    period = make_period(world.group)
    question = period.questions.get(number=1)
    client = Client()
    for n in range(8):
        response = client.post(
            _answers_url(world, period),
            {"version": n, f"answer_{question.pk}": "x" * 200_000, f"answer_{n}": "y"},
        )
        assert response["Location"].startswith(reverse("members:login"))
    for session in Session.objects.all():
        assert TYPED_TEXT not in session.get_decoded()
        assert len(session.session_data) < 2_000


def test_after_a_sign_in_ends_one_entry_is_kept_within_the_forms_limits(world):
    period = make_period(world.group)
    question = period.questions.get(number=1)
    client = Client()
    client.force_login(world.rep_a)
    session = client.session
    session["last_activity"] = time.time() - settings.SESSION_IDLE_SECONDS - 1
    session.save()
    url = _answers_url(world, period)
    for n in range(8):
        client.post(
            url,
            {
                "version": 0,
                f"answer_{question.pk}": f"Försök {n}",
                "answer_999999": "inte en fråga i perioden",
                "other": "z" * 100_000,
            },
        )
    client.post(url, {"version": 0, f"answer_{question.pk}": "å" * 100_000})
    (data,) = [s.get_decoded() for s in Session.objects.all() if TYPED_TEXT in s.get_decoded()]
    # One entry, only the period's own fields, and none over the form's limit.
    assert data[TYPED_TEXT]["fields"] == {"version": "0"}
    assert data[TYPED_TEXT]["path"] == url
    assert len(Session.objects.get(session_key=client.session.session_key).session_data) < 2_000


def test_a_csrf_failure_before_the_code_keeps_the_text_and_asks_for_the_code(world):
    period = make_period(world.group)
    question = period.questions.get(number=1)
    TOTPDevice.objects.create(user=world.rep_a, name="app", confirmed=True)
    browser = Client(enforce_csrf_checks=True)
    login = reverse("members:login")
    browser.get(login)
    token = browser.cookies["csrftoken"].value
    browser.post(
        login,
        {"csrfmiddlewaretoken": token, "username": world.rep_a.email, "password": PASSWORD},
    )
    response = browser.post(
        _answers_url(world, period),
        {"csrfmiddlewaretoken": "fel", "version": 0, f"answer_{question.pk}": "Min text"},
    )
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)
    assert "Min text" not in response.content.decode()
    session = Session.objects.get(session_key=browser.cookies["sessionid"].value)
    assert session.get_decoded()[TYPED_TEXT]["fields"][f"answer_{question.pk}"] == "Min text"
