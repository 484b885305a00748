"""The coordinator's period overview: counts, the deadline in words, "n av m besvarade",
reminders at most once in 24 hours, opening a period early, safe dates, locking with a
confirmation step."""

import html
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from activities.models import Period, PeriodState, Reminder
from activities.reporting import periods as period_services
from activities.reporting import reminders
from activities.reporting.deadlines import deadline_in_words
from activities.reporting.periods import WorkflowError
from members.models import AuditEvent, OutgoingMail

from .conftest import answer, approved, make_period, sent_mail


def _page(response):
    return html.unescape(response.content.decode())


def _overview(client, period):
    return _page(
        client.get(reverse("activities:period_overview", args=[period.group.slug, period.pk]))
    )


def _upcoming(group, days=30, name="Kvartal 1 2027"):
    """A period that starts in `days` days (in December: January to March)."""
    starts = timezone.localdate() + timedelta(days=days)
    return period_services.period_create(
        group=group,
        name=name,
        starts_on=starts,
        ends_on=starts + timedelta(days=89),
        deadline=starts + timedelta(days=104),
    )


# The deadline in words


@pytest.mark.parametrize(
    ("language", "days", "words"),
    [
        ("sv", 12, "12 dagar kvar"),
        ("sv", 1, "1 dag kvar"),
        ("sv", 0, "i dag"),
        ("sv", -1, "1 dag sen"),
        ("sv", -3, "3 dagar sen"),
        ("en", 12, "12 days left"),
        ("en", 1, "1 day left"),
        ("en", 0, "due today"),
        ("en", -3, "3 days ago"),
    ],
)
def test_the_deadline_in_words(language, days, words):
    today = timezone.localdate()
    with translation.override(language):
        assert deadline_in_words(today + timedelta(days=days), today) == words


# Counts, completeness and links


def test_the_overview_counts_states_and_shows_how_much_each_has_answered(world, client):
    period = make_period(world.group, days_to_deadline=12)
    answer(period, world.org_a, world.rep_a, {1: "Vi arbetar.", 2: "Ja."}, submit=True)
    client.force_login(world.coordinator)
    page = _overview(client, period)
    assert "(12 dagar kvar)" in page
    for label, count in (
        ("Inskickade", 1),
        ("Godkända", 0),
        ("Skickade tillbaka", 0),
        ("Utkast", 0),
        ("Inte påbörjade", 1),
    ):
        assert f"<li>{label} <strong>{count}</strong></li>" in page
    assert "2 av 5 besvarade" in page
    assert "0 av 5 besvarade" in page
    # Every row is linked, also the organisation that has not started: "Öppna", a verb.
    for organisation in (world.org_a, world.org_b):
        assert (
            reverse("activities:submission", args=[world.group.slug, period.pk, organisation.pk])
            in page
        )
    assert "Öppna<span" in page
    not_started = reverse(
        "activities:submission", args=[world.group.slug, period.pk, world.org_b.pk]
    )
    assert client.get(not_started).status_code == 200
    assert "Granska<span" in page
    # A reminder only for the one that has not sent.
    assert page.count(">Påminn<span") == 1
    assert "Påminn alla som inte skickat in" in page


def test_the_period_list_says_open_for_the_state(world, client):
    period = make_period(world.group)
    client.force_login(world.coordinator)
    page = _page(client.get(reverse("activities:period_list", args=[world.group.slug])))
    assert period.name in page
    assert "Öppen</span>" in page


# Reminders


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what happens after commit (the tests run inside one transaction)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_a_reminder_is_queued_once_audited_and_a_second_within_24_hours_refused(
    world, client, commit
):
    period = make_period(world.group)
    client.force_login(world.coordinator)
    url = reverse("activities:period_remind", args=[world.group.slug, period.pk, world.org_b.pk])

    with commit():
        page = _page(client.post(url, follow=True))
    assert "En påminnelse till Migrationsverket är på väg" in page
    assert "Påmint i dag" in page
    mails = OutgoingMail.objects.filter(to_email=world.rep_b.email)
    assert mails.count() == 1
    assert "Migrationsverket" in mails.get().subject
    delivered = [m for m in sent_mail() if world.rep_b.email in m.to]
    assert len(delivered) == 1
    assert "Sara Samordnare påminner om att svaren från Migrationsverket" in delivered[0].body
    event = AuditEvent.objects.get(action="activities.period.reminded")
    assert (event.organisation, event.actor) == ("Migrationsverket", world.coordinator)

    with commit():
        page = _page(client.post(url, follow=True))
    last = timezone.localtime(Reminder.objects.get().sent_at).strftime("%H:%M")
    assert f"Migrationsverket påmindes inte igen. Påmint i dag {last}" in page
    assert OutgoingMail.objects.filter(to_email=world.rep_b.email).count() == 1
    assert AuditEvent.objects.filter(action="activities.period.reminded").count() == 1
    assert Reminder.objects.count() == 1


def test_a_day_later_the_organisation_can_be_reminded_again(world):
    period = make_period(world.group)
    first = reminders.remind(period=period, organisation=world.org_b, by=world.coordinator)
    with pytest.raises(WorkflowError):
        reminders.remind(
            period=period,
            organisation=world.org_b,
            by=world.coordinator,
            now=first.sent_at + timedelta(hours=23),
        )
    reminders.remind(
        period=period,
        organisation=world.org_b,
        by=world.coordinator,
        now=first.sent_at + timedelta(hours=24, minutes=1),
    )
    assert Reminder.objects.count() == 2


def test_who_has_sent_or_cannot_answer_yet_is_not_reminded(world):
    period = make_period(world.group)
    answer(period, world.org_a, world.rep_a, {1: "Vi arbetar."}, submit=True)
    with pytest.raises(WorkflowError, match="redan skickat in"), translation.override("sv"):
        reminders.remind(period=period, organisation=world.org_a, by=world.coordinator)
    upcoming = _upcoming(world.group)
    with pytest.raises(WorkflowError):
        reminders.remind(period=upcoming, organisation=world.org_b, by=world.coordinator)
    assert not Reminder.objects.exists()


def test_remind_all_reaches_those_that_have_not_sent_and_skips_the_recently_reminded(
    world, client, commit
):
    period = make_period(world.group)
    answer(period, world.org_a, world.rep_a, {1: "Vi arbetar."}, submit=True)
    client.force_login(world.coordinator)
    url = reverse("activities:period_remind_all", args=[world.group.slug, period.pk])
    with commit():
        page = _page(client.post(url, follow=True))
    assert "Påminnelser är på väg till: Migrationsverket." in page
    assert list(Reminder.objects.values_list("organisation", flat=True)) == [world.org_b.pk]
    with commit():
        page = _page(client.post(url, follow=True))
    assert "Inte påminda" in page
    assert Reminder.objects.count() == 1
    assert list(OutgoingMail.objects.values_list("to_email", flat=True)) == [world.rep_b.email]


# Opening early


def test_a_period_opened_early_accepts_answers_before_its_start(world, client):
    period = _upcoming(world.group)
    assert period.state == PeriodState.UPCOMING
    assert not period.accepts_answers
    client.force_login(world.coordinator)
    page = _overview(client, period)
    assert "Öppna för svar nu" in page
    url = reverse("activities:period_open_early", args=[world.group.slug, period.pk])
    page = _page(client.post(url, follow=True))
    assert "Kvartal 1 2027 är öppen för svar nu." in page
    assert "Öppnad för svar i förväg" in page
    period.refresh_from_db()
    assert period.opened_by == world.coordinator
    assert period.state == PeriodState.OPEN
    assert period.accepts_answers
    assert AuditEvent.objects.filter(action="activities.period.opened_early").count() == 1
    submission = answer(period, world.org_a, world.rep_a, {1: "Vi planerar."})
    assert submission.answers.get().text == "Vi planerar."
    page = _page(client.get(reverse("activities:period_list", args=[world.group.slug])))
    assert "Öppnad i förväg" in page
    # A second click changes nothing.
    page = _page(client.post(url, follow=True))
    assert "redan öppen för svar" in page
    assert AuditEvent.objects.filter(action="activities.period.opened_early").count() == 1


def test_the_daily_reminders_announce_a_period_opened_early(world):
    period = _upcoming(world.group)
    assert reminders.send_reminders()["opened"] == 0
    period_services.period_open_early(period=period, by=world.coordinator)
    assert reminders.send_reminders()["opened"] == 2


# Safe dates


def _edit(client, period, **dates):
    data = {
        "name": period.name,
        "starts_on": period.starts_on.isoformat(),
        "ends_on": period.ends_on.isoformat(),
        "deadline": period.deadline.isoformat(),
    }
    data.update({key: value.isoformat() for key, value in dates.items()})
    return client.post(reverse("activities:period_edit", args=[period.group.slug, period.pk]), data)


def test_the_start_cannot_move_into_the_future_once_answers_exist(world, client):
    period = make_period(world.group)
    answer(period, world.org_a, world.rep_a, {1: "Vi arbetar."})
    client.force_login(world.coordinator)
    future = timezone.localdate() + timedelta(days=5)
    response = _edit(client, period, starts_on=future)
    assert response.status_code == 200
    assert "starten kan inte flyttas senare in i framtiden" in _page(response)
    assert Period.objects.get(pk=period.pk).starts_on == period.starts_on
    # Moving it within the past is fine.
    response = _edit(client, period, starts_on=period.starts_on - timedelta(days=3))
    assert response.status_code == 302


def test_an_approved_period_cannot_become_upcoming(world, client):
    period = make_period(world.group)
    approved(period, world.org_a, world.rep_a, world.coordinator, {1: "Vi arbetar."})
    client.force_login(world.coordinator)
    response = _edit(client, period, starts_on=timezone.localdate() + timedelta(days=1))
    assert "har godkänts, så perioden kan inte börja i framtiden" in _page(response)
    assert Period.objects.get(pk=period.pk).state == PeriodState.OPEN


def test_a_locked_period_keeps_its_dates(world, client):
    period = make_period(world.group)
    period_services.period_lock(period=period, by=world.coordinator)
    client.force_login(world.coordinator)
    response = _edit(client, period, deadline=period.deadline + timedelta(days=3))
    assert "är låst: öppna den igen innan du ändrar datumen" in _page(response)
    assert Period.objects.get(pk=period.pk).deadline == period.deadline


def test_opened_early_with_answers_its_start_may_move_earlier_but_not_later(world, client):
    period = _upcoming(world.group)
    period_services.period_open_early(period=period, by=world.coordinator)
    period.refresh_from_db()
    answer(period, world.org_a, world.rep_a, {1: "Vi planerar."})
    client.force_login(world.coordinator)
    response = _edit(client, period, starts_on=period.starts_on + timedelta(days=10))
    assert "starten kan inte flyttas senare" in _page(response)
    response = _edit(client, period, starts_on=period.starts_on - timedelta(days=10))
    assert response.status_code == 302


def test_without_answers_the_start_can_move_and_the_order_of_dates_is_a_field_error(world, client):
    period = make_period(world.group)
    client.force_login(world.coordinator)
    future = timezone.localdate() + timedelta(days=5)
    assert _edit(client, period, starts_on=future).status_code == 302
    period.refresh_from_db()
    response = _edit(client, period, deadline=period.starts_on - timedelta(days=1))
    assert response.context["form"].errors["deadline"]


# Locking


def test_locking_asks_first_and_names_the_consequence(world, client):
    period = make_period(world.group)
    client.force_login(world.coordinator)
    page = _overview(client, period)
    assert "btn-danger" not in page
    url = reverse("activities:period_lock", args=[world.group.slug, period.pk])
    assert f'href="{url}"' in page
    page = _page(client.get(url))
    assert "Låsa Kvartal 4 2026?" in page
    assert "Ingen kan längre ändra svaren för Kvartal 4 2026. Det går inte att ångra här." in page
    period.refresh_from_db()
    assert not period.is_locked
    client.post(url, {"lock": "1"})
    period.refresh_from_db()
    assert period.is_locked
