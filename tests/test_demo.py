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


@override_settings(DEBUG=True)
def test_the_demo_has_history_and_every_state_in_the_current_period(db):
    from activities.models import Period

    call_command("demo", stdout=StringIO())
    periods = list(Period.objects.filter(group__slug="vasterbotten").order_by("starts_on"))
    assert len(periods) == 3
    assert all(s.status == "approved" for p in periods[:2] for s in p.submissions.all())
    current = {s.organisation.short_name: s.status for s in periods[2].submissions.all()}
    assert set(current.values()) == {"draft", "submitted", "returned", "approved"}
    assert "Universitetet" not in current  # not started
    returned = periods[2].submissions.get(organisation__short_name="Migrationsverket")
    assert returned.comments.filter(thread__isnull=False).exists()


@override_settings(DEBUG=True)
def test_the_demo_has_records_for_every_organisation_frozen_in_approvals(db):
    from activities.models import Activity, Collaboration, Need, SteeringDocument, Submission

    call_command("demo", stdout=StringIO())
    group = CoordinationGroup.objects.get(slug="vasterbotten")
    for organisation in group.organisations.all():
        assert Activity.objects.filter(organisation=organisation).exists(), organisation
    assert set(SteeringDocument.objects.values_list("status", flat=True)) == {
        "in_force",
        "in_progress",
        "planned",
        "missing",
    }
    assert Collaboration.objects.filter(partner__isnull=False).count() > 10
    assert Need.objects.filter(kind="training").count() > Need.objects.count() / 2
    approved = Submission.objects.filter(status="approved", organisation__short_name="Polisen")
    assert all(s.records_snapshot.get("aktiviteter") for s in approved)
