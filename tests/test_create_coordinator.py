from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from members.models import CoordinationGroup, Membership, Role, User


def test_it_creates_the_group_and_its_first_coordinator(db, monkeypatch):
    monkeypatch.setenv("SAMORDNING_PASSWORD", "ett-riktigt-bra-lösenord")
    call_command(
        "create_coordinator",
        "--group-slug",
        "skane",
        "--group-name",
        "Samordningsgruppen i Skåne",
        "--county",
        "Skåne",
        "--email",
        "Sam@Example.org",
        "--full-name",
        "Sam Samordnare",
        "--no-input",
        stdout=StringIO(),
    )
    user = User.objects.get(email="sam@example.org")
    assert user.check_password("ett-riktigt-bra-lösenord")
    group = CoordinationGroup.objects.get(slug="skane")
    assert Membership.objects.get(user=user, group=group).role == Role.COORDINATOR


def test_it_refuses_a_weak_password(db, monkeypatch):
    monkeypatch.setenv("SAMORDNING_PASSWORD", "kort")
    with pytest.raises(CommandError):
        call_command(
            "create_coordinator",
            "--group-slug",
            "skane",
            "--group-name",
            "G",
            "--county",
            "Skåne",
            "--email",
            "sam@example.org",
            "--full-name",
            "Sam",
            "--no-input",
        )
    assert not User.objects.exists()
    assert not CoordinationGroup.objects.exists()


def test_it_needs_a_name_for_a_new_group(db):
    with pytest.raises(CommandError, match="--group-name"):
        call_command(
            "create_coordinator",
            "--group-slug",
            "x",
            "--email",
            "a@example.org",
            "--full-name",
            "A",
            "--no-input",
        )
