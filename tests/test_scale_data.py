"""The scale data: a small run checked for shape, history, idempotence, and that every
kind of page renders it; and that what it stores is what the product itself would."""

from collections import Counter
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db.models import F
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from activities.models import (
    Activity,
    Answer,
    AnswerVersion,
    Comment,
    Period,
    ReportVersion,
    Submission,
    Transition,
)
from activities.records.reads import records_current_in
from activities.reports.content import compile_content, public_edition
from activities.reports.services import plain_text
from members.models import CoordinationGroup, Role, User
from samordning.demo.scale import SCALE_PASSWORD


def _counts():
    return {m._meta.label: m.objects.count() for m in apps.get_models()}


def _keys(value):
    """The shape of a content dict: its keys, and those of the dicts inside."""
    return {k: _keys(v) for k, v in value.items()} if isinstance(value, dict) else None


@override_settings(DEBUG=True)
def test_a_small_run_has_the_shape_of_ten_years(db, client):
    out = StringIO()
    call_command("generate_scale_data", groups=2, years=1, stdout=out)
    assert "members.User" in out.getvalue()

    groups = list(CoordinationGroup.objects.order_by("slug"))
    assert [g.slug for g in groups] == ["skala-stockholm", "skala-uppsala"]
    assert all(g.name.startswith("Skalgrupp ") and "Genererad" in g.description for g in groups)
    hashes = set(User.objects.values_list("password", flat=True))
    assert len(hashes) == 1
    user = User.objects.get(email="rep-stockholm-1@skala.example")
    assert user.check_password(SCALE_PASSWORD)

    today = timezone.localdate()
    for group in groups:
        organisations = list(group.organisations.all())
        assert 10 <= len(organisations) <= 14
        assert group.memberships.filter(role=Role.COORDINATOR).count() == 1
        assert group.issuing_organisation.short_name == "Länsstyrelsen"
        assert group.memberships.filter(role=Role.READER).count() == 2
        for organisation in organisations:
            assert 1 <= organisation.representatives.count() <= 3  # the coordinator too
        periods = list(Period.objects.filter(group=group).order_by("starts_on"))
        assert len(periods) == 4
        current = periods[-1]
        assert current.starts_on <= today <= current.ends_on
        assert all(p.questions.count() == 5 for p in periods)
        states = Counter(Submission.objects.filter(period=current).values_list("status", flat=True))
        assert set(states) == {"draft", "submitted", "returned", "approved"}
        assert sum(states.values()) < len(organisations)  # someone has not started
        # Mostly approved in the past.
        past = Submission.objects.filter(period__in=periods[:-1])
        assert past.filter(status="approved").count() > 0.7 * len(organisations) * 3
        per_year = Activity.objects.filter(organisation__group=group).count() / len(organisations)
        assert 40 <= per_year <= 60
        assert ReportVersion.objects.filter(report__group=group).count() == 4

    # Every answer has a history; its last version is the answer.
    versions = Counter(AnswerVersion.objects.values_list("answer_id", flat=True))
    assert Answer.objects.count() == len(versions)
    assert min(versions.values()) >= 2 and max(versions.values()) <= 4
    for answer in Answer.objects.order_by("?")[:50]:
        assert answer.versions.first().text == answer.text
    # The transitions lead to the status; approvals froze the records.
    for submission in Submission.objects.prefetch_related("transitions"):
        steps = list(submission.transitions.all())
        assert steps[0].from_status == "" and steps[-1].to_status == submission.status
        assert all(a.at < b.at for a, b in zip(steps, steps[1:], strict=False))
        if submission.status == "approved":
            assert set(submission.records_snapshot) == {
                "aktiviteter",
                "styrdokument",
                "samverkan",
                "behov",
            }
    assert Transition.objects.filter(to_status="returned").exclude(comment="").exists()
    # History lies in the past, and a submission changed last when its status says.
    now = timezone.now()
    assert not Transition.objects.filter(at__gt=now).exists()
    assert not AnswerVersion.objects.filter(created_at__gt=now).exists()
    assert not Comment.objects.filter(created_at__gt=now).exists()
    assert not ReportVersion.objects.filter(published_at__gt=now).exists()
    assert not AnswerVersion.objects.filter(
        created_at__gt=F("answer__submission__updated_at")
    ).exists()
    assert Comment.objects.filter(thread__isnull=False).exists()
    assert Activity.target_groups.through.objects.exists()
    assert Activity.partners.through.objects.exists()

    # The frozen content has the shape compile_content gives, and the same organisations.
    version = (
        ReportVersion.objects.filter(report__group=groups[0])
        .select_related("report")
        .order_by("published_at")
        .first()
    )
    compiled = compile_content(version.report)
    assert _keys(version.content) == _keys(compiled)
    assert [
        (o["name"], o["reported"], [a["number"] for a in o["answers"]])
        for o in version.content["activities"]["organisations"]
    ] == [
        (o["name"], o["reported"], [a["number"] for a in o["answers"]])
        for o in compiled["activities"]["organisations"]
    ]
    assert not version.pdf and not version.docx

    # Running again adds nothing, also when forced with DEBUG off.
    counts = _counts()
    call_command("generate_scale_data", groups=2, years=1, stdout=StringIO())
    with override_settings(DEBUG=False):
        out = StringIO()
        call_command("generate_scale_data", groups=2, years=1, force=True, stdout=out)
    assert "Skipped 2 groups" in out.getvalue()
    assert _counts() == counts

    # Every kind of page renders the generated data.
    group = groups[0]
    coordinator = User.objects.get(email="samordnare-stockholm@skala.example")
    client.force_login(coordinator)
    current = Period.objects.for_group(group).first()
    returned = Submission.objects.filter(period=current, status="returned").first()
    approved = Submission.objects.filter(period__group=group, status="approved").first()
    organisation = group.organisations.order_by("order").first()
    public = ReportVersion.objects.filter(report__group=group, is_public=True).first()
    slug = group.slug
    urls = [
        reverse("group_home", args=[slug]),
        reverse("activities:organisation_page", args=[slug, organisation.pk]),
        reverse("activities:period_list", args=[slug]),
        reverse("activities:period_overview", args=[slug, current.pk]),
        reverse("activities:submission", args=[slug, current.pk, returned.organisation_id]),
        reverse("activities:submission", args=[slug, approved.period_id, approved.organisation_id]),
        reverse(
            "activities:answer_versions",
            args=[
                slug,
                approved.period_id,
                approved.organisation_id,
                approved.answers.first().question_id,
            ],
        ),
        reverse("activities:report_list", args=[slug]),
        reverse("activities:report_version", args=[slug, version.report_id, 1]),
        reverse("activities:record_list", args=[slug, "aktiviteter"]),
        reverse("activities:trends", args=[slug]),
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url
    client.logout()
    response = client.get(reverse("activities:public_report", args=[slug, public.report_id, 1]))
    assert response.status_code == 200


@override_settings(DEBUG=True)
def test_the_stored_content_is_what_the_compiler_makes_of_the_same_data(db):
    call_command("generate_scale_data", groups=1, years=1, stdout=StringIO())

    versions = ReportVersion.objects.select_related("report__group", "report__first_period")
    assert versions.count() == 4
    for version in versions:
        compiled = compile_content(version.report)
        assert version.content == compiled
        assert public_edition(version.content) == public_edition(compiled)
        assert version.search_text == plain_text(compiled)
    # The answers come with their record lines, as a published report has them.
    assert any(
        "records" in answer
        for version in versions
        for organisation in version.content["activities"]["organisations"]
        for answer in organisation["answers"]
    )
    # An approval froze the records in force, as the product's approval does.
    for submission in Submission.objects.filter(status="approved").select_related(
        "period", "organisation"
    ):
        current = records_current_in(submission.period, submission.organisation)
        assert {
            slug: sorted(rows, key=lambda row: row["id"])
            for slug, rows in submission.records_snapshot.items()
        } == {slug: sorted(rows, key=lambda row: row["id"]) for slug, rows in current.items()}


def test_it_refuses_with_debug_off(db):
    with override_settings(DEBUG=False), pytest.raises(CommandError, match="DEBUG off"):
        call_command("generate_scale_data", groups=1, years=1, stdout=StringIO())
    assert not CoordinationGroup.objects.exists()
