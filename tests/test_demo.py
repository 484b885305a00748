"""The demo: one full load checked from every side (loading it renders a report)."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from activities.models import (
    Activity,
    Collaboration,
    Need,
    Period,
    Report,
    ReportVersion,
    SteeringDocument,
    Submission,
)
from members.models import CoordinationGroup, Membership, Organisation, Role, User


def _counts():
    return [
        model.objects.count()
        for model in (
            CoordinationGroup,
            Organisation,
            User,
            Membership,
            Period,
            Submission,
            Activity,
            Report,
            ReportVersion,
        )
    ]


@override_settings(DEBUG=True)
def test_the_demo_is_complete_and_idempotent(db):
    call_command("demo", stdout=StringIO())
    counts = _counts()
    call_command("demo", stdout=StringIO())
    assert _counts() == counts

    group = CoordinationGroup.objects.get(slug="vasterbotten")
    assert group.name == "Samordningsgruppen mot prostitution och människohandel i Västerbotten"
    assert group.organisations.count() == 7
    assert CoordinationGroup.objects.count() == 2
    coordinator = User.objects.get(email="samordnare@example.org")
    roles = {
        (m.role, m.organisation.short_name if m.organisation else None)
        for m in coordinator.memberships.all()
    }
    assert roles == {(Role.COORDINATOR, None), (Role.REPRESENTATIVE, "Länsstyrelsen")}
    # Länsstyrelsen issues each group's reports.
    for each in CoordinationGroup.objects.select_related("issuing_organisation"):
        assert each.issuing_organisation.short_name == "Länsstyrelsen"

    # History: two past quarters approved, the current one in every state.
    periods = list(Period.objects.filter(group=group).order_by("starts_on"))
    assert len(periods) == 3
    assert all(s.status == "approved" for p in periods[:2] for s in p.submissions.all())
    current = {s.organisation.short_name: s.status for s in periods[2].submissions.all()}
    assert set(current.values()) == {"draft", "submitted", "returned", "approved"}
    assert "Universitetet" not in current  # not started
    returned = periods[2].submissions.get(organisation__short_name="Migrationsverket")
    assert returned.comments.filter(thread__isnull=False).exists()

    # Records for every organisation, frozen in the approvals.
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

    # A published public report over the past quarters, and a draft for the current one.
    version = ReportVersion.objects.get()
    assert version.is_public and version.number == 1
    assert version.report.first_period == periods[0] and version.report.last_period == periods[1]
    assert len(version.content["sections"]) == 3
    assert len(version.content["foreword"]["signatories"]) == 2
    assert len(version.content["related"]["items"]) == 2
    assert version.pdf.size > 10_000 and version.docx.size > 10_000
    assert version.content["issuer"] == "Länsstyrelsen Västerbotten"
    assert (
        version.content["appendix"]["contacts"][0]["organisation"] == "Länsstyrelsen Västerbotten"
    )
    draft = Report.objects.exclude(pk=version.report_id).get()
    assert draft.first_period == draft.last_period == periods[2]


def test_the_demo_refuses_with_debug_off(db):
    with pytest.raises(CommandError, match="DEBUG off"):
        call_command("demo")
