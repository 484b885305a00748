"""Accounts and sign-in: the operator's block holds against the groups' pages and
invitations; the client's address is the one the proxy saw; look-alike spellings of an
address neither sign in nor escape the lockout; every failed sign-in costs one hash."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.test import Client
from django.urls import reverse

from members.models import AuditEvent, Invitation, Membership, OutgoingMail, Role, User

from .conftest import PASSWORD, give_role, make_person

LOGIN = reverse("members:login")
NEW_PASSWORD = "kvartalsrapport-i-juni"
BLOCKED = "Ditt konto är spärrat av webbplatsens administratör"


def _sign_in(client, email, password, **extra):
    return client.post(LOGIN, {"username": email, "password": password}, **extra)


def _operator(world, action, person):
    """The site operator blocks a person, or lifts the block, with the admin's action
    (in a browser of their own)."""
    operator = Client()
    operator.force_login(world.superuser)
    response = operator.post(
        reverse("admin:members_user_changelist"),
        {"action": action, "_selected_action": [person.pk]},
        follow=True,
    )
    person.refresh_from_db()
    return response.content.decode()


def _block(world, person):
    assert "1 person spärrades" in _operator(world, "block", person)
    assert person.is_blocked and not person.is_active


def _invite(client, world, email, role=Role.READER, organisation=""):
    return client.post(
        reverse("members:person_invite", args=[world.group.slug]),
        {"email": email, "full_name": "", "role": role, "organisation": organisation},
    )


def _invitation_paths():
    """The links of the invitations mailed, oldest first (from the outgoing queue, so it
    works whether the mail went at once or waits for the worker)."""
    texts = OutgoingMail.objects.order_by("pk").values_list("text", flat=True)
    return [re.search(r"http://[^/\s]+(/konto/inbjudan/\S+/)", t).group(1) for t in texts]


# 8. The operator's block


def test_a_coordinator_cannot_undo_the_operators_block(world, client):
    give_role(world.rep_a, world.other_group, Role.READER)
    _block(world, world.rep_a)
    client.force_login(world.coordinator)
    people = client.get(reverse("members:person_list", args=[world.group.slug])).content.decode()
    row = people[people.index("Petra Polis") :]
    assert "Spärrad av webbplatsens administratör" in row[: row.index("</tr>")]
    url = reverse("members:person_edit", args=[world.group.slug, world.rep_a.pk])
    assert "Kontot är spärrat av webbplatsens administratör" in client.get(url).content.decode()
    response = client.post(
        url, {"group_role": Role.COORDINATOR, "organisations": [world.org_a.pk]}, follow=True
    )
    assert "men kontot är spärrat av webbplatsens administratör" in response.content.decode()
    world.rep_a.refresh_from_db()
    assert world.rep_a.is_blocked and not world.rep_a.is_active
    client.logout()
    assert BLOCKED in _sign_in(client, world.rep_a.email, PASSWORD).content.decode()
    assert "_auth_user_id" not in client.session
    # Not in this group, and the role in the other group stays without effect too.
    client.force_login(world.rep_a)
    for slug in (world.group.slug, world.other_group.slug):
        assert client.get(reverse("group_home", args=[slug]))["Location"].startswith(LOGIN)


def test_the_block_ends_the_persons_sessions_and_its_lifting_restores_the_roles(world, client):
    own = Client()
    own.force_login(world.rep_a)
    home = reverse("group_home", args=[world.group.slug])
    assert own.get(home).status_code == 200
    _block(world, world.rep_a)
    assert own.get(home)["Location"].startswith(LOGIN)
    assert "Spärren för 1 person hävdes" in _operator(world, "unblock", world.rep_a)
    world.rep_a.refresh_from_db()
    assert not world.rep_a.is_blocked and world.rep_a.is_active
    assert _sign_in(Client(), world.rep_a.email, PASSWORD).status_code == 302
    assert list(
        AuditEvent.objects.filter(action__startswith="members.person.").values_list(
            "action", "actor", "object_id"
        )
    ) == [
        ("members.person.unblocked", world.superuser.pk, str(world.rep_a.pk)),
        ("members.person.blocked", world.superuser.pk, str(world.rep_a.pk)),
    ]


def test_a_blocked_account_cannot_be_invited_nor_accept_an_earlier_invitation(
    world, client, django_capture_on_commit_callbacks
):
    client.force_login(world.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, world, world.other_coordinator.email)
    [path] = _invitation_paths()
    _block(world, world.other_coordinator)
    client.force_login(world.coordinator)
    page = _invite(client, world, world.other_coordinator.email.upper()).content.decode()
    assert "Kontot för den här adressen är spärrat av webbplatsens administratör" in page
    assert Invitation.objects.count() == 1
    client.logout()
    for response in (client.get(path), client.post(path)):
        assert response.status_code == 403
        assert "spärrat av webbplatsens administratör" in response.content.decode()
    assert Invitation.objects.get().accepted_at is None
    assert not Membership.objects.filter(user=world.other_coordinator, group=world.group).exists()
    world.other_coordinator.refresh_from_db()
    assert world.other_coordinator.is_blocked and not world.other_coordinator.is_active


def test_an_invitation_that_sets_the_password_carries_no_staff_or_superuser_rights(
    world, client, django_capture_on_commit_callbacks
):
    # An operator's account without a usable password, and a dormant staff account whose
    # last role a group took away: whoever holds the link chooses the password.
    operator = User.objects.create_superuser("drift@example.org", None, full_name="Drift")
    dormant = make_person("gammal@example.org", "Gunnar Gammal", is_staff=True)
    give_role(dormant, world.group, Role.READER)
    client.force_login(world.coordinator)
    client.post(reverse("members:person_deactivate", args=[world.group.slug, dormant.pk]))
    dormant.refresh_from_db()
    assert not dormant.is_active and not dormant.is_blocked
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, world, operator.email)
        _invite(client, world, dormant.email)
    client.logout()
    for path, person in zip(_invitation_paths(), (operator, dormant), strict=True):
        response = client.post(
            path,
            {"full_name": "Ny Person", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        )
        assert response["Location"] == reverse("group_home", args=[world.group.slug])
        person.refresh_from_db()
        assert person.check_password(NEW_PASSWORD) and person.is_active
        assert not person.is_staff and not person.is_superuser
        client.logout()


def test_an_invitation_accepted_by_an_active_account_keeps_its_password_and_rights(
    world, client, django_capture_on_commit_callbacks
):
    client.force_login(world.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, world, world.superuser.email)
    client.logout()
    [path] = _invitation_paths()
    assert "Du har redan ett konto" in client.get(path).content.decode()
    response = client.post(
        path, {"full_name": "X", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert response["Location"] == LOGIN
    world.superuser.refresh_from_db()
    assert world.superuser.check_password(PASSWORD)
    assert world.superuser.is_superuser and world.superuser.is_staff


@pytest.mark.django_db(transaction=True)
def test_the_migration_blocks_those_only_the_operator_could_have_deactivated():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate([("members", "0008_group_data_version")])
    old = executor.loader.project_state([("members", "0008_group_data_version")]).apps
    OldUser, OldGroup, OldMembership = (
        old.get_model("members", name) for name in ("User", "CoordinationGroup", "Membership")
    )
    group = OldGroup.objects.create(name="G", county="C", slug="g")

    def person(email, active, role=None, **flags):
        user = OldUser.objects.create(email=email, full_name=email, is_active=active, **flags)
        if role is not None:
            OldMembership.objects.create(user=user, group=group, role="reader", is_active=role)

    person("spärrad-med-roll@example.org", False, role=True)
    person("superuser@example.org", False, is_superuser=True, is_staff=True)
    person("utan-roll@example.org", False, role=False)
    person("aktiv@example.org", True, role=True)
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    blocked = set(User.objects.filter(blocked_at__isnull=False).values_list("email", flat=True))
    assert blocked == {"spärrad-med-roll@example.org", "superuser@example.org"}


# 9. The client's address behind a proxy


@pytest.fixture
def behind_a_proxy(settings):
    settings.AUDIT_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.TRUSTED_PROXY_COUNT = 1


def _through_the_proxy(client, password, forged, real="198.51.100.7", email="polisen@example.org"):
    """The client sends X-Forwarded-For: <forged>; the proxy (10.0.0.1) appends <real>."""
    return _sign_in(
        client, email, password, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=f"{forged}, {real}"
    )


def test_a_forged_forwarded_for_neither_reaches_the_log_nor_escapes_the_lockout(
    world, client, behind_a_proxy
):
    for n in range(4):
        assert _through_the_proxy(client, "fel", forged=f"1.2.3.{n}").status_code == 200
    assert _through_the_proxy(client, "fel", forged="1.2.3.4").status_code == 429
    assert _through_the_proxy(client, PASSWORD, forged="203.0.113.99").status_code == 429
    assert _through_the_proxy(client, PASSWORD, forged="").status_code == 429
    for action in ("members.sign_in_failed", "security.lockout"):
        addresses = AuditEvent.objects.filter(action=action).values_list("ip", flat=True)
        assert set(addresses) == {"198.51.100.7"}, action
    # Someone else behind the same proxy is not locked out.
    assert _through_the_proxy(client, PASSWORD, "1.2.3.4", real="198.51.100.8").status_code == 302


def test_with_two_proxies_the_address_is_the_second_from_the_right(world, client, settings):
    settings.AUDIT_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.TRUSTED_PROXY_COUNT = 2
    headers = {"REMOTE_ADDR": "10.0.0.2"}
    for forwarded in ("1.2.3.4, 198.51.100.7, 10.0.0.1", "198.51.100.7, 10.0.0.1"):
        _sign_in(client, "x@example.org", "y", HTTP_X_FORWARDED_FOR=forwarded, **headers)
    # Too few entries: the request did not come through both proxies.
    _sign_in(client, "x@example.org", "y", HTTP_X_FORWARDED_FOR="198.51.100.9", **headers)
    assert list(AuditEvent.objects.order_by("pk").values_list("ip", flat=True)) == [
        "198.51.100.7",
        "198.51.100.7",
        "10.0.0.2",
    ]


def test_an_entry_that_is_not_an_address_gives_the_connections_address(
    world, client, behind_a_proxy
):
    for forwarded in ("nonsense", "1.2.3.4, 198.51.100.7:443", "<script>"):
        response = _sign_in(
            client, "x@example.org", "y", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded
        )
        assert response.status_code == 200
    assert set(AuditEvent.objects.values_list("ip", flat=True)) == {"10.0.0.1"}


@pytest.mark.parametrize("count", ["0", "-1", "two"])
def test_a_trusted_proxy_count_below_one_fails_loudly(count):
    root = Path(__file__).resolve().parent.parent
    env = {"PATH": "/usr/bin:/bin", "TRUSTED_PROXY_COUNT": count}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "TRUSTED_PROXY_COUNT must be" in result.stderr


# 10. Look-alike spellings of an address

SPELLINGS = [
    "poliſen@example.org",  # long s: PostgreSQL's UPPER() makes it S
    "polısen@example.org",  # dotless i: UPPER() makes it I
    "POLISEN@EXAMPLE.ORG",
    "Poliſen@Example.org",
    "polisen@example.org",
]


def test_a_look_alike_spelling_does_not_sign_in_to_the_account(world, client):
    make_person("kontakt@example.org")
    kelvin_sign = "\u212a"  # lower-cases to an ASCII "k"
    for spelling in [s for s in SPELLINGS if not s.isascii()] + [
        f"{kelvin_sign}ontakt@example.org"
    ]:
        response = _sign_in(client, spelling, PASSWORD)
        assert response.status_code == 200, spelling
        assert "Fel e-postadress eller fel lösenord" in response.content.decode()
        assert "_auth_user_id" not in client.session
    for spelling in ("POLISEN@EXAMPLE.ORG", "KONTAKT@example.org"):
        client.logout()
        assert _sign_in(client, spelling, PASSWORD).status_code == 302, spelling


def test_failures_spread_over_spellings_lock_the_account_for_every_spelling(world, client):
    for spelling in SPELLINGS:
        _sign_in(client, spelling, "fel", REMOTE_ADDR="192.0.2.10")
    for spelling in SPELLINGS:
        response = _sign_in(client, spelling, PASSWORD, REMOTE_ADDR="192.0.2.10")
        assert response.status_code == 429, spelling
    assert "_auth_user_id" not in client.session


# Every failed sign-in costs the same: one run of the password hasher.


class CountingHasher(MD5PasswordHasher):
    """The tests' fast hasher, counting how often it runs."""

    runs = 0

    def encode(self, password, salt):
        # Hashing a new password and checking one both come here (verify() encodes).
        CountingHasher.runs += 1
        return super().encode(password, salt)


def test_the_hasher_runs_once_for_every_failed_sign_in_whatever_the_account(
    world, client, settings
):
    settings.PASSWORD_HASHERS = ["tests.test_account_safety.CountingHasher"]
    for person in (world.reader, world.rep_a, world.rep_b):  # hashed by this hasher
        person.set_password(PASSWORD)
        person.save(update_fields=["password"])
    _block(world, world.rep_a)
    User.objects.filter(pk=world.rep_b.pk).update(is_active=False)  # no role in any group
    attempts = {
        "a wrong password": ("lasare@example.org", "fel"),
        "a blocked account, wrong password": ("polisen@example.org", "fel"),
        "a blocked account, right password": ("polisen@example.org", PASSWORD),
        "an account without a role, wrong password": ("migration@example.org", "fel"),
        "an account without a role, right password": ("migration@example.org", PASSWORD),
        "an unknown address": ("okand@example.org", "fel"),
    }
    runs = {}
    for what, (email, password) in attempts.items():
        CountingHasher.runs = 0
        response = _sign_in(client, email, password)
        assert response.status_code == 200 and "_auth_user_id" not in client.session, what
        runs[what] = CountingHasher.runs
    assert runs == dict.fromkeys(attempts, 1), runs
