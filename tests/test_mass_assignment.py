"""Forms posted with extra fields change none of them; guessed ids of another
organisation or group find nothing and change nothing."""

from django.urls import reverse

from activities.models import Activity, Submission, SubmissionStatus
from members.models import Membership, Organisation

from .conftest import answer, make_activity, make_period


def test_extra_fields_on_the_answers_form_change_nothing_but_the_answers(world, client):
    period = make_period(world.group)
    client.force_login(world.rep_a)
    question = period.questions.get(number=1)
    client.post(
        reverse("activities:submission", args=[world.group.slug, period.pk, world.org_a.pk]),
        {
            "version": 0,
            "action": "save",
            f"answer_{question.pk}": "Svar",
            "status": "approved",
            "organisation": world.org_b.pk,
            "period": 999,
            "approved_by": world.coordinator.pk,
            "submitted_at": "2020-01-01",
        },
    )
    submission = Submission.objects.get()
    assert (
        submission.status,
        submission.organisation,
        submission.period,
        submission.submitted_at,
    ) == (
        SubmissionStatus.DRAFT,
        world.org_a,
        period,
        None,
    )


def test_extra_fields_on_a_record_form_change_nothing(world, client):
    activity = make_activity(world.org_a)
    client.force_login(world.rep_a)
    client.post(
        reverse("activities:record_edit", args=[world.group.slug, "aktiviteter", activity.pk]),
        {
            "title": "Ny titel",
            "kind": "training",
            "status": "ongoing",
            "starts_on": str(activity.starts_on),
            "organisation": world.org_b.pk,
            "group": world.other_group.pk,
            "updated_by": world.coordinator.pk,
        },
    )
    activity.refresh_from_db()
    assert (activity.title, activity.organisation, activity.updated_by) == (
        "Ny titel",
        world.org_a,
        world.rep_a,
    )


def test_extra_fields_on_the_organisation_form_change_nothing(world, client):
    client.force_login(world.coordinator)
    client.post(
        reverse("members:organisation_edit", args=[world.group.slug, world.org_a.pk]),
        {"name": "Polisen", "short_name": "P", "group": world.other_group.pk, "order": 99},
    )
    world.org_a.refresh_from_db()
    assert (world.org_a.group, world.org_a.order) == (world.group, 1)


def test_extra_fields_on_the_roles_form_cannot_make_a_superuser_or_cross_groups(world, client):
    client.force_login(world.coordinator)
    client.post(
        reverse("members:person_edit", args=[world.group.slug, world.rep_a.pk]),
        {
            "group_role": "reader",
            "organisations": [world.org_a.pk, world.other_org.pk],
            "is_superuser": "on",
            "is_staff": "on",
            "group": world.other_group.pk,
        },
    )
    world.rep_a.refresh_from_db()
    assert not world.rep_a.is_superuser and not world.rep_a.is_staff
    assert not Membership.objects.filter(user=world.rep_a, group=world.other_group).exists()
    assert not Membership.objects.filter(organisation=world.other_org).exists()


def _snapshot():
    return (
        list(Submission.objects.values_list("pk", "status", "version")),
        list(Activity.objects.values_list("pk", "title", "status")),
        list(Organisation.objects.values_list("pk", "name", "left_on")),
        list(Membership.objects.values_list("pk", "role", "is_active")),
    )


def test_guessed_ids_of_another_group_find_nothing_and_change_nothing(world, client):
    period = make_period(world.other_group, name="Kvartal 4 2026 N")
    from .conftest import give_role, make_person

    other_rep = make_person("norr@example.org")
    give_role(other_rep, world.other_group, "representative", world.other_org)
    submission = answer(period, world.other_org, other_rep, {1: "Norr"}, submit=True)
    activity = make_activity(world.other_org, title="Norrs aktivitet")
    before = _snapshot()
    client.force_login(world.coordinator)
    slug = world.group.slug
    attempts = [
        ("get", reverse("activities:period_overview", args=[slug, period.pk])),
        ("get", reverse("activities:submission", args=[slug, period.pk, world.other_org.pk])),
        (
            "post",
            reverse("activities:submission_review", args=[slug, period.pk, world.other_org.pk]),
            {"decision": "approve"},
        ),
        (
            "post",
            reverse("activities:comment_add", args=[slug, period.pk, world.other_org.pk]),
            {"text": "x"},
        ),
        ("post", reverse("activities:period_lock", args=[slug, period.pk]), {"lock": "1"}),
        ("get", reverse("activities:record_edit", args=[slug, "aktiviteter", activity.pk])),
        ("post", reverse("activities:record_close", args=[slug, "aktiviteter", activity.pk])),
        ("get", reverse("activities:organisation_page", args=[slug, world.other_org.pk])),
        (
            "post",
            reverse("members:organisation_move", args=[slug, world.other_org.pk]),
            {"direction": "up"},
        ),
        ("post", reverse("members:person_deactivate", args=[slug, other_rep.pk])),
    ]
    for method, url, *data in attempts:
        response = getattr(client, method)(url, *data)
        assert response.status_code == 404, url
    assert _snapshot() == before
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED
