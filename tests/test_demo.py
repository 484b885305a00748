from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from members.models import CoordinationGroup, Membership, Organisation, Role, User


@override_settings(DEBUG=True)
def test_the_demo_is_idempotent(db):
    call_command("demo", stdout=StringIO())
    counts = (
        CoordinationGroup.objects.count(),
        Organisation.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
    )
    call_command("demo", stdout=StringIO())
    assert counts == (
        CoordinationGroup.objects.count(),
        Organisation.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
    )
    group = CoordinationGroup.objects.get(slug="vasterbotten")
    assert group.name == "Samordningsgruppen mot prostitution och människohandel i Västerbotten"
    assert group.organisations.count() == 7
    coordinator = User.objects.get(email="samordnare@example.org")
    roles = {
        (m.role, m.organisation.short_name if m.organisation else None)
        for m in coordinator.memberships.all()
    }
    assert roles == {(Role.COORDINATOR, None), (Role.REPRESENTATIVE, "Länsstyrelsen")}
    assert CoordinationGroup.objects.count() == 2


def test_the_demo_refuses_with_debug_off(db):
    with pytest.raises(CommandError, match="DEBUG off"):
        call_command("demo")
