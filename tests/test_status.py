"""The group's status pages: start page, organisation page, collaborations, trends, search."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from activities.models import Collaboration, Need, SteeringDocument
from activities.status.search import stem

from .conftest import (
    answer,
    approved,
    make_activity,
    make_past_period,
    make_period,
)


def test_the_start_page_tells_each_person_what_waits_for_them(world, client):
    period = make_period(world.group)
    answer(period, world.org_b, world.rep_b, {1: "Klart"}, submit=True)
    client.force_login(world.rep_a)
    page = client.get(reverse("group_home", args=[world.group.slug])).content.decode()
    assert "Svara för Polismyndigheten – Kvartal 4 2026" in page
    client.force_login(world.coordinator)
    page = client.get(reverse("group_home", args=[world.group.slug])).content.decode()
    assert "Granska inskickade svar – Kvartal 4 2026 (1 väntar)" in page
    client.force_login(world.reader)
    page = client.get(reverse("group_home", args=[world.group.slug])).content.decode()
    assert "Dina uppgifter" not in page and "Väntar på dig" not in page
    assert "Inte påbörjad" in page and "Inskickad" in page


def test_the_start_page_shows_the_latest_report_and_recent_activities(world, client):
    from .conftest import make_report, make_version

    period = make_period(world.group)
    make_version(make_report(world.group, [period]), number=1)
    make_activity(world.org_a, title="Seminarium om sexköp")
    client.force_login(world.reader)
    page = client.get(reverse("group_home", args=[world.group.slug])).content.decode()
    assert "Seminarium om sexköp" in page
    assert "version 1" in page


def test_the_organisation_page_shows_answers_records_history_and_record(world, client):
    first = make_past_period(world.group, "Kvartal 2 2026", date(2026, 4, 1))
    second = make_past_period(world.group, "Kvartal 3 2026", date(2026, 7, 1))
    approved(
        first, world.org_a, world.rep_a, world.coordinator, {1: "Vi har en plan.", 2: "Uppdrag"}
    )
    approved(
        second, world.org_a, world.rep_a, world.coordinator, {1: "Vi har en ny plan.", 2: "Uppdrag"}
    )
    make_activity(
        world.org_a,
        title="Kommande utbildning",
        starts_on=timezone.localdate() + timedelta(days=30),
        status="planned",
    )
    SteeringDocument.objects.create(
        organisation=world.org_a, title="Handlingsplan", kind="action_plan", status="in_progress"
    )
    client.force_login(world.reader)
    page = client.get(
        reverse("activities:organisation_page", args=[world.group.slug, world.org_a.pk])
    ).content.decode()
    assert "Senaste godkända svaren (Kvartal 3 2026)" in page
    assert "Vi har en ny plan." in page
    assert "Kommande utbildning" in page
    assert "Under arbete" in page
    assert '<ins><span class="visually-hidden">[+] </span>ny </ins>' in page
    assert "Kvartal 3 2026</strong> jämfört med Kvartal 2 2026" in page
    record = page[page.index("Rapportering</h2>") :]
    # The helper approved both past quarters today, long after their deadlines.
    assert record.count("status-late") == 2
    current = make_period(world.group)
    answer(current, world.org_a, world.rep_a, {1: "I tid"}, submit=True)
    page = client.get(
        reverse("activities:organisation_page", args=[world.group.slug, world.org_a.pk])
    ).content.decode()
    assert '<span class="status status-approved">I tid</span>' in page


def test_the_collaboration_matrix_reads_without_colour_and_shows_changes(world, client):
    old = make_past_period(world.group, "Kvartal 1 2026", date(2026, 1, 1))
    Collaboration.objects.create(
        organisation=world.org_a,
        partner=world.org_b,
        level="informal",
        since=date(2025, 1, 1),
        ended_on=date(2026, 5, 1),
    )
    Collaboration.objects.create(
        organisation=world.org_a, partner=world.org_b, level="formal", since=date(2026, 5, 2)
    )
    Collaboration.objects.create(
        organisation=world.org_b, outside_partner="Kvinnojouren", level="strategic"
    )
    client.force_login(world.reader)
    url = reverse("activities:collaboration_page", args=[world.group.slug])
    page = client.get(url, {"jamfor": old.pk}).content.decode()
    assert "●● Formell överenskommelse" in page
    assert "var Informell" in page
    assert "Kvinnojouren" in page
    assert "●●● Strategisk" in page
    # Nothing recorded is a dash and words for screen readers, not an empty coloured cell.
    assert "inget registrerat</span>" in page


def test_trends_have_tables_with_the_charts_numbers(world, client):
    period = make_period(world.group)
    make_activity(world.org_a, title="A", starts_on=period.starts_on)
    make_activity(world.org_b, title="B", starts_on=period.starts_on, kind="seminar")
    SteeringDocument.objects.create(
        organisation=world.org_a,
        title="Plan",
        kind="policy",
        status="in_force",
        adopted_on=period.starts_on,
    )
    client.force_login(world.reader)
    page = client.get(reverse("activities:trends", args=[world.group.slug])).content.decode()
    assert '<svg role="img"' in page
    assert ">2</text>" in page  # two activities in the bar chart…
    table = page[page.index("Aktiviteter per period: siffrorna") :]
    assert "<td>2</td>" in table[: table.index("</table>")]  # …and in its table
    assert "1 (50 %)" in page  # one of two organisations has a plan in force


def test_search_finds_answers_records_and_reports_and_escapes_snippets(world, client):
    period = make_period(world.group)
    approved(
        period,
        world.org_a,
        world.rep_a,
        world.coordinator,
        {1: "Vi har genomfört <b>utbildning</b> för personal."},
    )
    answer(period, world.org_b, world.rep_b, {1: "Hemlig utbildning i utkast"})
    make_activity(world.org_b, title="Utbildning för taxiförare")
    client.force_login(world.reader)
    page = client.get(
        reverse("activities:search", args=[world.group.slug]), {"q": "utbildningar"}
    ).content.decode()
    assert "Utbildning för taxiförare" in page
    assert "Polismyndigheten, Kvartal 4 2026, fråga 1" in page
    # The typed tag is shown as text (SQLite) or dropped by ts_headline (PostgreSQL),
    # never rendered.
    assert "<b>" not in page
    assert "<mark>" in page
    assert "Hemlig utbildning" not in page  # a draft of another organisation
    client.force_login(world.rep_b)
    page = client.get(
        reverse("activities:search", args=[world.group.slug]), {"q": "hemlig"}
    ).content.decode()
    assert "Migrationsverket, Kvartal 4 2026, fråga 1" in page


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="Swedish full-text search is PostgreSQL's"
)
def test_postgres_search_understands_swedish_word_forms(world, client):
    period = make_period(world.group)
    approved(
        period,
        world.org_a,
        world.rep_a,
        world.coordinator,
        {
            1: "Myndigheten ordnade flera utbildningar för handläggare.",
            2: "Samverkan med kommunerna fungerar.",
        },
    )
    client.force_login(world.reader)
    url = reverse("activities:search", args=[world.group.slug])
    page = client.get(url, {"q": "utbildning"}).content.decode()
    assert "<mark>utbildningar</mark>" in page
    page = client.get(url, {"q": "kommun"}).content.decode()
    assert "<mark>kommunerna</mark>" in page
    assert "0 träffar" in client.get(url, {"q": "polisen"}).content.decode()


def test_the_fallback_trims_swedish_endings():
    assert stem("utbildningar") == "utbildning"
    assert stem("kommunerna") == "kommun"
    assert stem("plan") == "plan"
    # One stem for every form of a word, which a list of endings did not give.
    assert stem("handläggare") == stem("handläggaren") == stem("Handläggarna")
    assert stem("myndighet") == stem("myndigheterna")


def test_the_organisation_page_shows_ten_of_each_list_and_links_to_all(world, client):
    from activities.models import SteeringDocument

    for n in range(11):
        SteeringDocument.objects.create(
            organisation=world.org_a, title=f"Plan {n:02}", kind="policy", status="in_force"
        )
        Need.objects.create(organisation=world.org_a, kind="training", description=f"Behov {n:02}")
    client.force_login(world.reader)
    url = reverse("activities:organisation_page", args=[world.group.slug, world.org_a.pk])
    page = client.get(url).content.decode()
    assert "Plan 09" in page and "Plan 10" not in page
    assert page.count("Behov ") == 10
    documents = reverse("activities:record_list", args=[world.group.slug, "styrdokument"])
    assert f'href="{documents}?organisation={world.org_a.pk}"' in page
    assert "Alla organisationens styrdokument" in page and "Alla organisationens behov" in page
    assert "Alla organisationens samverkansparter" not in page
