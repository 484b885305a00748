"""The records lists as a sortable table: sorted by whitelisted columns through links
(?ordning=titel, -titel), aria-sort on the sorted header, the sort and the filters kept
across pages and in the export links, and actions that name their record."""

import csv
import io
import re
from datetime import date

import pytest
from django.urls import reverse

from activities.models import Need

from .conftest import make_activity, make_records

pytestmark = pytest.mark.django_db


def _list(world, kind="aktiviteter"):
    return reverse("activities:record_list", args=[world.group.slug, kind])


def _titles(html):
    return re.findall(r'<th scope="row">([^<]+)', html)


def _sorted_header(html):
    match = re.search(r'<th scope="col" aria-sort="(\w+)"><a class="sort-link"[^>]*>([^<]+)', html)
    return match.groups() if match else None


@pytest.fixture
def activities(world):
    make_activity(world.org_a, title="Bokcirkel", starts_on=date(2026, 3, 1))
    make_activity(world.org_b, title="Avstamp", starts_on=date(2026, 9, 1))
    make_activity(world.org_a, title="Cykeltur", starts_on=date(2026, 6, 1))


def test_it_sorts_by_title_both_ways_and_marks_the_sorted_header(world, client, activities):
    client.force_login(world.reader)
    page = client.get(_list(world) + "?ordning=titel").content.decode()
    assert _titles(page) == ["Avstamp", "Bokcirkel", "Cykeltur"]
    assert _sorted_header(page) == ("ascending", "Titel")
    # The title header now sorts the other way round.
    assert 'href="?ordning=-titel"' in page
    page = client.get(_list(world) + "?ordning=-titel").content.decode()
    assert _titles(page) == ["Cykeltur", "Bokcirkel", "Avstamp"]
    assert _sorted_header(page) == ("descending", "Titel")


def test_by_default_and_for_an_unknown_column_the_newest_activity_comes_first(
    world, client, activities
):
    client.force_login(world.reader)
    for query in ("", "?ordning=description", "?ordning=-pk", "?ordning=organisation__name"):
        page = client.get(_list(world) + query).content.decode()
        assert _titles(page) == ["Avstamp", "Cykeltur", "Bokcirkel"], query
        assert _sorted_header(page) == ("descending", "Datum")


def test_it_sorts_by_organisation_in_the_group_order(world, client, activities):
    client.force_login(world.reader)
    page = client.get(_list(world) + "?ordning=organisation").content.decode()
    # Polisen (order 1) before Migrationsverket (order 2); ties by the newest first.
    assert _titles(page) == ["Cykeltur", "Bokcirkel", "Avstamp"]


def test_needs_sort_by_priority_from_high_to_low(world, client):
    for priority in ("low", "high", "medium"):
        Need.objects.create(
            organisation=world.org_a, kind="training", priority=priority, description=priority
        )
    client.force_login(world.reader)
    page = client.get(_list(world, "behov") + "?ordning=prioritet").content.decode()
    assert re.findall(r'class="status status-priority-(\w+)"', page) == ["high", "medium", "low"]


def test_the_sort_and_filters_are_kept_across_pages_and_in_the_exports(world, client):
    make_records(world.org_a, world.org_b, n=30)
    client.force_login(world.reader)
    query = f"organisation={world.org_a.pk}&ordning=-titel"
    page = client.get(_list(world, "styrdokument") + "?" + query).content.decode()
    assert f'href="?{query.replace("&", "&amp;")}&amp;sida=2"' in page
    export = reverse("activities:record_export", args=[world.group.slug, "styrdokument", "csv"])
    assert f'href="{export}?{query.replace("&", "&amp;")}"' in page
    # The filter form sends the sort again.
    assert '<input type="hidden" name="ordning" value="-titel">' in page
    # A sort link keeps the filter and starts again from the first page.
    page = client.get(_list(world, "styrdokument") + "?" + query + "&sida=2").content.decode()
    assert f'href="?organisation={world.org_a.pk}&amp;ordning=titel"' in page
    # The export is in the same order as the list.
    response = client.get(f"{export}?{query}")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    titles = [row[1] for row in rows[1:]]
    assert titles == sorted(titles, reverse=True) and len(titles) == 30


def test_the_table_scrolls_in_a_labelled_region_and_its_actions_name_the_record(
    world, client, activities
):
    client.force_login(world.rep_a)
    page = client.get(_list(world) + "?ordning=titel").content.decode()
    assert (
        '<div class="table-responsive record-table-wrap" role="region" '
        'aria-labelledby="records-caption" tabindex="0">' in page
    )
    assert '<caption id="records-caption" class="visually-hidden">Aktiviteter</caption>' in page
    # Only the representative's own organisation's records can be changed.
    assert 'Ändra<span class="visually-hidden"> Bokcirkel</span>' in page
    assert 'Avsluta<span class="visually-hidden"> Cykeltur</span>' in page
    assert 'Ändra<span class="visually-hidden"> Avstamp</span>' not in page


def test_the_dates_in_the_table_use_the_one_date_format(world, client, activities):
    client.force_login(world.reader)
    page = client.get(_list(world)).content.decode()
    assert "1 september 2026" in page
    assert "1 sep 2026" not in page.lower()
