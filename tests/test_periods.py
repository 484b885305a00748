from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

from activities.models import Period, PeriodState, Question, QuestionKind
from activities.reporting.periods import next_quarter, quarter_of

from .conftest import answer, make_past_period, make_period


def test_the_first_period_starts_from_the_five_default_questions(world, client):
    client.force_login(world.coordinator)
    response = client.post(
        reverse("activities:period_create", args=[world.group.slug]),
        {
            "name": "Kvartal 4 2026",
            "starts_on": "2026-10-01",
            "ends_on": "2026-12-31",
            "deadline": "2027-01-15",
        },
    )
    period = Period.objects.get(group=world.group)
    assert response["Location"] == reverse(
        "activities:question_list", args=[world.group.slug, period.pk]
    )
    titles = list(period.questions.values_list("number", "title", "kind"))
    assert titles == [
        (1, "Arbete idag", QuestionKind.ACTIVITIES),
        (2, "Uppdrag", QuestionKind.NARRATIVE),
        (3, "Plan och styrdokument", QuestionKind.STEERING_DOCUMENTS),
        (4, "Samverkan", QuestionKind.COLLABORATIONS),
        (5, "Framtid", QuestionKind.NEEDS),
    ]
    page = client.get(response["Location"]).content.decode()
    assert "Fråga 1) Arbete idag" in page


def test_the_next_quarter_is_created_in_one_step_with_the_latest_questions(world, client):
    first = make_past_period(world.group, "Kvartal 3 2026", date(2026, 7, 1))
    Question.objects.filter(period=first, number=2).update(wording="Vilket uppdrag har ni nu?")
    client.force_login(world.coordinator)
    response = client.post(reverse("activities:period_create_next", args=[world.group.slug]))
    period = Period.objects.get(group=world.group, name="Kvartal 4 2026")
    assert response["Location"] == reverse(
        "activities:period_overview", args=[world.group.slug, period.pk]
    )
    assert (period.starts_on, period.ends_on, period.deadline) == (
        date(2026, 10, 1),
        date(2026, 12, 31),
        date(2027, 1, 15),
    )
    assert period.questions.get(number=2).wording == "Vilket uppdrag har ni nu?"
    # The old period keeps its own copy.
    Question.objects.filter(period=period, number=2).update(wording="Ny lydelse")
    assert first.questions.get(number=2).wording == "Vilket uppdrag har ni nu?"


def test_a_second_click_on_next_quarter_does_not_create_it_twice(world, client):
    make_past_period(world.group, "Kvartal 3 2026", date(2026, 7, 1))
    client.force_login(world.coordinator)
    url = reverse("activities:period_create_next", args=[world.group.slug])
    client.post(url)
    client.post(url)
    assert Period.objects.filter(group=world.group).count() == 3


def test_quarters_roll_over_the_year():
    assert quarter_of(date(2026, 12, 31)) == (4, date(2026, 10, 1), date(2026, 12, 31))
    assert quarter_of(date(2027, 1, 1)) == (1, date(2027, 1, 1), date(2027, 3, 31))


def test_next_quarter_after_december_is_the_first_of_next_year(world):
    make_past_period(world.group, "Kvartal 4 2026", date(2026, 10, 1))
    Period.objects.filter(group=world.group).update(ends_on=date(2026, 12, 31))
    proposal = next_quarter(world.group)
    assert proposal["name"] == "Kvartal 1 2027"
    assert proposal["starts_on"] == date(2027, 1, 1)


def test_a_period_with_the_same_name_is_refused_and_values_kept(world, client):
    make_period(world.group, name="Kvartal 4 2026")
    client.force_login(world.coordinator)
    response = client.post(
        reverse("activities:period_create", args=[world.group.slug]),
        {
            "name": "kvartal 4 2026",
            "starts_on": "2026-10-01",
            "ends_on": "2026-09-01",
            "deadline": "2027-01-15",
        },
    )
    page = response.content.decode()
    assert "Gruppen har redan en period med det namnet." in page
    assert "Perioden kan inte sluta innan den börjar." in page
    assert 'value="2027-01-15"' in page


def test_the_state_follows_the_dates_and_the_lock(world):
    today = timezone.localdate()
    period = make_period(world.group)
    assert period.state == PeriodState.OPEN
    period.deadline = today - timedelta(days=1)
    assert period.state == PeriodState.CLOSED
    assert period.accepts_answers
    period.starts_on = today + timedelta(days=1)
    period.deadline = today + timedelta(days=30)
    assert period.state == PeriodState.UPCOMING
    assert not period.accepts_answers
    period.locked_at = timezone.now()
    assert period.state == PeriodState.LOCKED


def test_locking_stops_every_change_until_reopened(world, client):
    period = make_period(world.group)
    submission = answer(period, world.org_a, world.rep_a, {1: "Text"})
    client.force_login(world.coordinator)
    client.post(
        reverse("activities:period_lock", args=[world.group.slug, period.pk]), {"lock": "1"}
    )
    period.refresh_from_db()
    assert period.is_locked

    client.force_login(world.rep_a)
    url = reverse("activities:submission", args=[world.group.slug, period.pk, world.org_a.pk])
    question = period.questions.get(number=1)
    response = client.post(
        url, {"version": submission.version, f"answer_{question.pk}": "Ny text", "action": "submit"}
    )
    page = response.content.decode()
    assert "Perioden är låst" in page
    assert "Ny text" in page
    submission.refresh_from_db()
    assert submission.status == "draft"
    assert submission.answers.get().text == "Text"

    client.force_login(world.coordinator)
    client.post(
        reverse("activities:period_lock", args=[world.group.slug, period.pk]), {"lock": "0"}
    )
    client.force_login(world.rep_a)
    client.post(
        url, {"version": submission.version, f"answer_{question.pk}": "Ny text", "action": "submit"}
    )
    client.post(
        reverse("activities:submission_check", args=[world.group.slug, period.pk, world.org_a.pk]),
        {"version": submission.version + 1, "confirm_unanswered": "on"},
    )
    submission.refresh_from_db()
    assert submission.status == "submitted"


def test_the_overview_shows_every_organisations_state(world, client):
    period = make_period(world.group)
    answer(period, world.org_a, world.rep_a, {1: "Text"}, submit=True)
    client.force_login(world.coordinator)
    page = client.get(
        reverse("activities:period_overview", args=[world.group.slug, period.pk])
    ).content.decode()
    table = page[page.index("<tbody>") :]
    row_a = table[table.index("Polismyndigheten") : table.index("</tr>")]
    assert "Inskickad" in row_a
    assert "Petra Polis" in row_a
    assert "Granska" in row_a
    row_b = table[table.index("Migrationsverket") :]
    assert "Inte påbörjad" in row_b[: row_b.index("</tr>")]


def test_an_organisation_past_the_deadline_is_flagged_late(world, client):
    period = make_past_period(world.group, "Kvartal 1 2026", date(2026, 1, 1))
    answer(period, world.org_a, world.rep_a, {1: "Sent men kommer"}, submit=True)
    client.force_login(world.coordinator)
    page = client.get(
        reverse("activities:period_overview", args=[world.group.slug, period.pk])
    ).content.decode()
    table = page[page.index("<tbody>") :]
    for name in ("Polismyndigheten", "Migrationsverket"):
        row = table[table.index(name) :]
        assert "Sen" in row[: row.index("</tr>")]


def test_representatives_see_their_organisations_states_per_period(world, client):
    past = make_past_period(world.group, "Kvartal 3 2026", date(2026, 7, 1))
    current = make_period(world.group, name="Kvartal 4 2026")
    answer(past, world.org_a, world.rep_a, {1: "Gammalt"}, submit=True)
    answer(current, world.org_a, world.rep_a, {1: "Nytt"})
    client.force_login(world.rep_a)
    page = client.get(
        reverse("activities:my_submissions", args=[world.group.slug])
    ).content.decode()
    table = page[page.index("<tbody>") :]
    assert table.index("Kvartal 4 2026") < table.index("Kvartal 3 2026")
    assert "Utkast" in table[: table.index("Kvartal 3 2026")]
    assert "Inskickad" in table[table.index("Kvartal 3 2026") :]
    assert "Migrationsverket" not in page
