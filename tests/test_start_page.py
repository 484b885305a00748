"""The start page puts the person's tasks first (the task list pattern): each task with its
deadline in words and its state; then the analysis and, for coordinators, the
administration as two separate groups of links."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from activities.models import SubmissionStatus
from activities.reporting import periods as activity_periods
from activities.reporting import services as activity_services
from members.models import Role

from .conftest import (
    answer,
    approved,
    give_role,
    make_past_period,
    make_period,
    make_report,
    make_version,
)

pytestmark = pytest.mark.django_db


def _home(client, person, world):
    client.force_login(person)
    return client.get(reverse("group_home", args=[world.group.slug])).content.decode()


def _main(page):
    return page[page.index("<main") : page.index("</main>")]


def _task(page, label):
    """The text of one task of the list, from its link to the end of its row."""
    start = page.index(f">{label}</a>")
    return page[start : page.index("</li>", start)]


def test_a_representative_sees_their_answering_task_with_deadline_state_and_progress(world, client):
    period = make_period(world.group, days_to_deadline=12)
    answer(period, world.org_a, world.rep_a, {1: "Vi utbildar.", 2: "Ja.", 3: "  "})
    deadline = timezone.localdate() + timedelta(days=12)

    page = _main(_home(client, world.rep_a, world))

    task = _task(page, "Svara för Polismyndigheten – Kvartal 4 2026")
    assert f"Sista dag {deadline.day} " in task and "(12 dagar kvar)" in task
    assert "Utkast" in task
    assert "2 av 5 besvarade" in task
    assert "Migrationsverket – Kvartal" not in page  # not theirs
    assert "Samordna gruppen" not in page and "Granska inskickade svar" not in page


@pytest.mark.parametrize(
    ("state", "tag"),
    [
        (None, "Inte påbörjad"),
        (SubmissionStatus.RETURNED, "Skickad tillbaka – åtgärda"),
        (SubmissionStatus.SUBMITTED, "Inskickad"),
        (SubmissionStatus.APPROVED, "Godkänd"),
    ],
)
def test_each_answering_state_has_its_tag(world, client, state, tag):
    period = make_period(world.group)
    if state is not None:
        submission = answer(period, world.org_a, world.rep_a, {1: "Svar"}, submit=True)
        if state == SubmissionStatus.RETURNED:
            activity_services.submission_return(
                submission=submission, by=world.coordinator, reason="Förtydliga."
            )
        elif state == SubmissionStatus.APPROVED:
            activity_services.submission_approve(submission=submission, by=world.coordinator)

    task = _task(_home(client, world.rep_a, world), "Svara för Polismyndigheten – Kvartal 4 2026")

    assert tag in task
    # Once sent, the deadline no longer asks anything of the representative.
    assert ("dagar kvar" in task) == (state in (None, SubmissionStatus.RETURNED))


def test_a_coordinator_sees_what_to_review_follow_lock_and_prepare(world, client):
    today = timezone.localdate()
    past = make_past_period(world.group, "Kvartal 2 2026", date(2026, 4, 1))
    period = make_period(world.group)
    answer(period, world.org_a, world.rep_a, {1: "Svar"}, submit=True)
    answer(period, world.org_b, world.rep_b, {1: "Svar"}, submit=True)
    returned = answer(past, world.org_b, world.rep_b, {1: "Svar"}, submit=True)
    activity_services.submission_return(
        submission=returned, by=world.coordinator, reason="Förtydliga."
    )
    upcoming = activity_periods.period_create(
        group=world.group,
        name="Kvartal 1 2027",
        starts_on=today + timedelta(days=30),
        ends_on=today + timedelta(days=120),
        deadline=today + timedelta(days=135),
    )

    page = _main(_home(client, world.coordinator, world))

    review = _task(page, "Granska inskickade svar – Kvartal 4 2026 (2 väntar)")
    assert "Väntar på dig" in review
    overview = reverse("activities:period_overview", args=[world.group.slug, period.pk])
    assert f'<a href="{overview}"' in page[: page.index(">Granska inskickade svar")][-300:]
    returned = _task(page, "Svar som skickats tillbaka – Kvartal 2 2026 (1)")
    assert "Väntar på representanterna" in returned
    lock = _task(page, "Lås Kvartal 2 2026")
    days = (today - past.deadline).days
    assert f"({days} dagar sen)" in lock and "Sista dag har passerat" in lock
    prepare = _task(page, "Förbered Kvartal 1 2027: frågor och datum")
    assert f"Öppnar {upcoming.starts_on.day} " in prepare
    assert "Svara för din organisation" not in page  # represents no one


def test_one_submission_waiting_links_straight_to_it(world, client):
    period = make_period(world.group)
    answer(period, world.org_b, world.rep_b, {1: "Svar"}, submit=True)
    page = _main(_home(client, world.coordinator, world))
    url = reverse("activities:submission", args=[world.group.slug, period.pk, world.org_b.pk])
    assert f'<a href="{url}"' in page[: page.index(">Granska inskickade svar")][-200:]


def test_without_an_upcoming_period_the_coordinator_is_asked_to_create_one(world, client):
    make_past_period(world.group, "Kvartal 2 2026", date(2026, 4, 1))
    page = _main(_home(client, world.coordinator, world))
    assert "Ingen kommande period" in _task(page, "Skapa nästa period")


def test_a_person_who_represents_and_coordinates_sees_their_own_answering_first(world, client):
    give_role(world.coordinator, world.group, Role.REPRESENTATIVE, world.org_a)
    period = make_period(world.group)
    answer(period, world.org_b, world.rep_b, {1: "Svar"}, submit=True)

    page = _main(_home(client, world.coordinator, world))

    order = [
        "Dina uppgifter",
        "Svara för din organisation",
        "Svara för Polismyndigheten – Kvartal 4 2026",
        "Samordna gruppen",
        "Granska inskickade svar",
        'id="group-search"',
        "Du representerar",
        "Du samordnar också gruppen",
    ]
    positions = [page.index(text) for text in order]
    assert positions == sorted(positions)


def test_the_tasks_come_before_the_title_the_intro_and_the_search(world, client):
    world.group.description = "Vi samordnar arbetet i länet."
    world.group.save()
    make_period(world.group)
    page = _main(_home(client, world.rep_a, world))
    assert page.index("<h1>Dina uppgifter</h1>") < page.index("Vi samordnar arbetet i länet.")
    assert page.index("Svara för Polismyndigheten") < page.index('id="group-search"')


def test_analysis_and_administration_are_separate_and_administration_is_for_coordinators(
    world, client
):
    def section(page, heading_id):
        start = page.index(f'id="{heading_id}"')
        return page[start : page.index("</nav>", start)]

    page = _main(_home(client, world.coordinator, world))
    analysis, admin = section(page, "analysis-heading"), section(page, "admin-heading")
    slug = world.group.slug
    for name in ("collaboration_page", "trends", "search", "report_list"):
        url = reverse(f"activities:{name}", args=[slug])
        assert url in analysis and url not in admin
    for url in (
        reverse("activities:period_list", args=[slug]),
        reverse("members:person_list", args=[slug]),
        reverse("members:audit_log", args=[slug]),
        reverse("members:group_settings", args=[slug]),
        reverse("members:outgoing_mail", args=[slug]),
    ):
        assert url in admin and url not in analysis

    for person in (world.rep_a, world.reader):
        page = _main(_home(client, person, world))
        assert "Analys" in page and 'id="analysis-heading"' in page
        assert 'id="admin-heading"' not in page
        assert reverse("members:audit_log", args=[slug]) not in page


def test_a_reader_has_no_tasks_but_the_latest_report_first(world, client):
    period = make_period(world.group)
    make_version(make_report(world.group, [period]), number=1)
    page = _main(_home(client, world.reader, world))
    assert "Dina uppgifter" not in page and "task-list" not in page
    assert page.index("Senaste lägesrapporten") < page.index('id="group-search"')
    assert page.index("version 1") < page.index('id="analysis-heading"')


def test_the_site_start_page_lists_the_tasks_of_each_group(world, client):
    give_role(world.rep_a, world.other_group, Role.COORDINATOR)
    period = make_period(world.group)
    other = make_period(world.other_group)
    answer(other, world.other_org, world.other_coordinator, {1: "Svar"}, submit=True)

    client.force_login(world.rep_a)
    page = _main(client.get(reverse("home")).content.decode())

    assert page.index("<h1>Dina uppgifter</h1>") < page.index("<h2>Dina grupper</h2>")
    assert "Svara för Polismyndigheten – Kvartal 4 2026" in page
    assert "Granska inskickade svar – Kvartal 4 2026 (1 väntar)" in page
    assert page.index(world.group.name) < page.index("Svara för Polismyndigheten")
    assert page.index(world.other_group.name) < page.index("Granska inskickade svar")
    assert period.pk != other.pk


def test_the_site_operator_sees_the_groups_without_tasks(world, client):
    period = make_period(world.group)
    answer(period, world.org_b, world.rep_b, {1: "Svar"}, submit=True)
    client.force_login(world.superuser)
    page = _main(client.get(reverse("home")).content.decode())
    assert "<h1>Dina grupper</h1>" in page and "Granska" not in page


def test_an_approved_earlier_period_is_no_task(world, client):
    past = make_past_period(world.group, "Kvartal 2 2026", date(2026, 4, 1))
    approved(past, world.org_a, world.rep_a, world.coordinator, {1: "Svar"})
    make_period(world.group)
    page = _main(_home(client, world.rep_a, world))
    assert "Kvartal 2 2026" not in page[: page.index('id="about-heading"')]


def test_answers_returned_in_an_earlier_open_period_are_a_task_too(world, client):
    past = make_past_period(world.group, "Kvartal 2 2026", date(2026, 4, 1))
    returned = answer(past, world.org_a, world.rep_a, {1: "Svar"}, submit=True)
    activity_services.submission_return(
        submission=returned, by=world.coordinator, reason="Förtydliga."
    )
    make_period(world.group)
    page = _main(_home(client, world.rep_a, world))
    task = _task(page, "Svara för Polismyndigheten – Kvartal 2 2026")
    assert "Skickad tillbaka – åtgärda" in task
    url = reverse("activities:submission", args=[world.group.slug, past.pk, world.org_a.pk])
    assert url in page
    assert page.index("Kvartal 4 2026") < page.index("Svara för Polismyndigheten – Kvartal 2")


def test_a_period_opened_early_is_the_representatives_task_and_the_current_period(world, client):
    make_period(world.group, name="Kvartal 4 2026")
    soon = timezone.localdate() + timedelta(days=30)
    early = make_period(world.group, name="Kvartal 1 2027", starts_on=soon, days_to_deadline=100)
    page = _main(_home(client, world.rep_a, world))
    assert "Svara för Polismyndigheten – Kvartal 4 2026" in page
    assert "Svara för Polismyndigheten – Kvartal 1 2027" not in page

    activity_periods.period_open_early(period=early, by=world.coordinator)

    page = _main(_home(client, world.rep_a, world))
    assert "Svara för Polismyndigheten – Kvartal 1 2027" in page
    assert '<h2 id="period-heading">Kvartal 1 2027</h2>' in page
    coordinator_page = _main(_home(client, world.coordinator, world))
    assert "Förbered Kvartal 1 2027" not in coordinator_page
