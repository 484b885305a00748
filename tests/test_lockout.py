"""Sign-in lockout (django-axes): 5 failures per account and address, then 429."""

from django.urls import reverse

from members.models import AuditEvent

from .conftest import PASSWORD

LOGIN = reverse("members:login")


def _try(client, password, address="192.0.2.10", email="polisen@example.org"):
    return client.post(LOGIN, {"username": email, "password": password}, REMOTE_ADDR=address)


def test_five_failures_lock_the_account_from_that_address_even_for_the_right_password(
    world, client
):
    for _ in range(4):
        assert _try(client, "fel").status_code == 200
    locked = _try(client, "fel")
    assert locked.status_code == 429
    assert "För många försök" in locked.content.decode()
    assert "15 minuter" in locked.content.decode()
    response = _try(client, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(
        action="security.lockout", detail="polisen@example.org"
    ).exists()


def test_the_lockout_counts_the_address_case_insensitively_and_per_client_address(world, client):
    for _ in range(5):
        _try(client, "fel", email="Polisen@Example.org")
    assert _try(client, PASSWORD).status_code == 429
    assert _try(client, PASSWORD, address="198.51.100.20").status_code == 302


def test_the_lock_lifts_after_the_cool_off(world, client, settings):
    from datetime import timedelta

    from axes.models import AccessAttempt

    for _ in range(5):
        _try(client, "fel")
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16)
    )
    assert _try(client, PASSWORD).status_code == 302


def test_a_success_resets_the_count(world, client):
    for _ in range(4):
        _try(client, "fel")
    assert _try(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert _try(client, "fel").status_code == 200
