"""Two-step verification: set up with an app, a code at every sign-in, single-use backup
codes, and a group that requires it for its coordinators."""

import re
import time

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from members.models import AuditEvent, Membership, Role

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

ENROL = reverse("members:two_factor_enrol")
VERIFY = reverse("members:two_factor_verify")


def _sign_in(person):
    """A fresh browser that has given the right password."""
    client = Client()
    response = client.post(
        reverse("members:login"), {"username": person.email, "password": PASSWORD}
    )
    assert response.status_code == 302, "the password step failed"
    return client


def _code(device, offset=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset * device.step
    return str(totp.token()).zfill(device.digits)


def _enrol(person):
    """Sets up the app for the person through the pages; returns (client, device, codes)."""
    client = _sign_in(person)
    page = client.get(ENROL)
    device = TOTPDevice.objects.get(user=person, confirmed=False)
    response = client.post(ENROL, {"code": _code(device)})
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", response.content.decode())
    assert page.status_code == 200
    return client, TOTPDevice.objects.get(pk=device.pk), codes


def test_setting_up_shows_a_qr_code_and_the_key_and_needs_one_right_code(world):
    client = _sign_in(world.reader)
    page = client.get(ENROL)
    html = page.content.decode()
    device = TOTPDevice.objects.get(user=world.reader)
    assert "<svg" in html and "<title>" in html
    assert page.context["secret"].replace(" ", "") in html.replace(" ", "")

    wrong = client.post(ENROL, {"code": "000000" if _code(device) != "000000" else "111111"})
    assert "Koden stämde inte. Kontrollera klockan i telefonen" in wrong.content.decode()
    device.refresh_from_db()
    assert not device.confirmed

    again = client.get(ENROL)
    assert again.context["secret"] == page.context["secret"], "a reload keeps the same key"

    time.sleep(1.1)  # django-otp's throttle after a wrong code
    done = client.post(ENROL, {"code": _code(device)})
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", done.content.decode())
    device.refresh_from_db()
    assert device.confirmed
    assert len(codes) == 10 and len(set(codes)) == 10
    assert sorted(codes) == sorted(
        StaticToken.objects.filter(device__user=world.reader).values_list("token", flat=True)
    )
    assert AuditEvent.objects.filter(
        action="members.two_factor.enrolled", actor=world.reader
    ).exists()
    # The session that set it up is verified: pages open at once.
    assert client.get(reverse("group_home", args=[world.group.slug])).status_code == 200


def test_with_a_device_signing_in_asks_for_the_code_before_any_page(world):
    _client, device, _codes = _enrol(world.rep_a)
    client = _sign_in(world.rep_a)
    page = reverse("activities:my_submissions", args=[world.group.slug])

    response = client.get(page)
    assert response.status_code == 302
    assert response.url == f"{VERIFY}?next={page.replace('/', '%2F')}"
    for other in [reverse("home"), reverse("members:notifications"), reverse("members:two_factor")]:
        assert client.get(other).url.startswith(VERIFY)

    wrong = client.post(VERIFY, {"code": "12345", "next": page})
    assert wrong.status_code == 200
    assert client.get(page).status_code == 302

    # After a wrong code the next try waits a moment (django-otp's throttle).
    time.sleep(1.1)
    right = client.post(VERIFY, {"code": _code(device, offset=1), "next": page})
    assert right.status_code == 302 and right.url == page
    assert client.get(page).status_code == 200
    actions = list(
        AuditEvent.objects.filter(actor=world.rep_a)
        .filter(action__startswith="members.two_factor")
        .values_list("action", flat=True)
        .order_by("at", "pk")
    )
    assert actions == [
        "members.two_factor.enrolled",
        "members.two_factor.failed",
        "members.two_factor.verified",
    ]


def test_a_code_from_the_app_works_only_once(world):
    _client, device, _codes = _enrol(world.rep_a)
    first, second = _sign_in(world.rep_a), _sign_in(world.rep_a)
    code = _code(device, offset=1)
    assert first.post(VERIFY, {"code": code}).status_code == 302
    assert second.post(VERIFY, {"code": code}).status_code == 200, "a replayed code"
    assert second.get(reverse("home")).url.startswith(VERIFY)


def test_a_backup_code_signs_in_once(world):
    _client, _device, codes = _enrol(world.rep_b)
    first, second = _sign_in(world.rep_b), _sign_in(world.rep_b)
    assert first.post(VERIFY, {"code": codes[0].upper()}).status_code == 302
    assert first.get(reverse("home")).status_code == 302  # home sends on to the group
    assert not first.get(reverse("home")).url.startswith(VERIFY)
    assert second.post(VERIFY, {"code": codes[0]}).status_code == 200, "used up"
    assert StaticToken.objects.filter(device__user=world.rep_b).count() == 9
    assert AuditEvent.objects.filter(
        action="members.two_factor.verified", actor=world.rep_b, detail="backup_code"
    ).exists()


def test_many_wrong_codes_make_even_the_right_code_wait(world):
    _client, device, _codes = _enrol(world.reader)
    client = _sign_in(world.reader)
    for _attempt in range(4):
        client.post(VERIFY, {"code": "000000"})
    refused = client.post(VERIFY, {"code": _code(device, offset=1)})
    assert refused.status_code == 200
    assert client.get(reverse("home")).url.startswith(VERIFY)


def test_new_backup_codes_replace_the_old_ones(world):
    client, _device, codes = _enrol(world.reader)
    response = client.post(reverse("members:two_factor_backup_codes"))
    new = re.findall(r"<li><code>([a-z0-9]+)</code></li>", response.content.decode())
    assert len(new) == 10 and not set(new) & set(codes)
    assert set(
        StaticToken.objects.filter(device__user=world.reader).values_list("token", flat=True)
    ) == set(new)


def test_turning_off_takes_a_code(world):
    client, device, codes = _enrol(world.reader)
    client.post(reverse("members:two_factor_disable"), {"code": "nothing"})
    assert TOTPDevice.objects.filter(user=world.reader).exists()
    time.sleep(1.1)
    client.post(reverse("members:two_factor_disable"), {"code": codes[3]})
    assert not TOTPDevice.objects.filter(user=world.reader).exists()
    assert not StaticToken.objects.filter(device__user=world.reader).exists()
    assert _sign_in(world.reader).get(reverse("members:notifications")).status_code == 200


def test_the_code_page_does_not_send_anyone_elsewhere(world):
    _client, device, _codes = _enrol(world.reader)
    client = _sign_in(world.reader)
    response = client.post(
        VERIFY, {"code": _code(device, offset=1), "next": "https://evil.example/"}
    )
    assert response.status_code == 302 and response.url == reverse("home")


def _settings_url(world):
    return reverse("members:group_settings", args=[world.group.slug])


def _require(client, world, on=True):
    data = {
        "description": "",
        "reminder_days_before_deadline": 7,
        "returned_reminder_days": 5,
    }
    if on:
        data["coordinators_need_two_factor"] = "on"
    return client.post(_settings_url(world), data)


def test_a_coordinator_must_set_it_up_before_requiring_it(world):
    client = _sign_in(world.coordinator)
    refused = _require(client, world)
    assert refused.status_code == 200
    assert "Aktivera tvåstegsverifiering för ditt eget konto först." in refused.content.decode()
    world.group.refresh_from_db()
    assert not world.group.coordinators_need_two_factor

    client, _device, _codes = _enrol(world.coordinator)
    assert _require(client, world).status_code == 302
    world.group.refresh_from_db()
    assert world.group.coordinators_need_two_factor
    assert AuditEvent.objects.filter(
        action="members.group.settings_changed", group=world.group
    ).exists()


def test_when_required_a_coordinator_without_a_device_reaches_only_the_set_up(world):
    world.group.coordinators_need_two_factor = True
    world.group.save()
    second = world.reader
    Membership.objects.filter(user=second).update(role=Role.COORDINATOR)
    client = _sign_in(second)
    for page in [
        reverse("home"),
        reverse("group_home", args=[world.group.slug]),
        reverse("activities:period_list", args=[world.group.slug]),
        reverse("members:notifications"),
        _settings_url(world),
    ]:
        response = client.get(page)
        assert response.status_code == 302 and response.url.startswith(ENROL), page
    assert client.post(reverse("members:two_factor_disable"), {"code": "x"}).url.startswith(ENROL)
    assert client.get(ENROL).status_code == 200

    device = TOTPDevice.objects.get(user=second)
    client.post(ENROL, {"code": _code(device)})
    assert client.get(reverse("group_home", args=[world.group.slug])).status_code == 200

    # ...and it cannot be turned off while the group requires it.
    codes = list(StaticToken.objects.filter(device__user=second).values_list("token", flat=True))
    client.post(reverse("members:two_factor_disable"), {"code": codes[0]})
    assert TOTPDevice.objects.filter(user=second, confirmed=True).exists()


def test_the_requirement_does_not_touch_others(world):
    world.group.coordinators_need_two_factor = True
    world.group.save()
    for person in [world.rep_a, world.other_coordinator]:
        client = _sign_in(person)
        assert client.get(reverse("members:notifications")).status_code == 200


def test_a_new_requirement_reaches_a_signed_in_coordinator_within_a_minute(world):
    from members.two_factor import CLEAR_UNTIL

    client = _sign_in(world.coordinator)
    page = reverse("group_home", args=[world.group.slug])
    assert client.get(page).status_code == 200
    world.group.coordinators_need_two_factor = True
    world.group.save()
    # Checked again once the minute since the last check has passed.
    session = client.session
    session[CLEAR_UNTIL] = time.time() - 1
    session.save()
    response = client.get(page)
    assert response.status_code == 302 and response.url.startswith(ENROL)
