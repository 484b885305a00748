from datetime import date

from django.urls import reverse

from members.models import Organisation


def _url(name, world, *args):
    return reverse(f"members:{name}", args=[world.group.slug, *args])


def test_the_coordinator_adds_an_organisation_last_in_order(world, client):
    client.force_login(world.coordinator)
    response = client.post(
        _url("organisation_create", world),
        {"name": "Åklagarmyndigheten", "short_name": "Åklagare", "joined_on": "2024-01-15"},
    )
    assert response.status_code == 302
    added = Organisation.objects.get(group=world.group, name="Åklagarmyndigheten")
    assert added.order == 3
    assert added.joined_on == date(2024, 1, 15)
    page = client.get(_url("organisation_list", world)).content.decode()
    table = page[page.index("<tbody>") :]
    assert table.index("Migrationsverket") < table.index("Åklagarmyndigheten")


def test_a_name_already_in_the_group_is_refused_and_the_typed_values_kept(world, client):
    client.force_login(world.coordinator)
    response = client.post(
        _url("organisation_create", world),
        {"name": "polismyndigheten", "short_name": "Polis 2"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Gruppen har redan en organisation med det namnet." in page
    assert 'value="Polis 2"' in page
    assert Organisation.objects.filter(group=world.group).count() == 2


def test_the_same_name_is_fine_in_another_group(world, client):
    client.force_login(world.other_coordinator)
    response = client.post(
        reverse("members:organisation_create", args=[world.other_group.slug]),
        {"name": "Polismyndigheten", "short_name": "Polisen"},
    )
    assert response.status_code == 302
    assert Organisation.objects.filter(name="Polismyndigheten").count() == 2


def test_marking_an_organisation_as_left_keeps_it_in_history(world, client):
    client.force_login(world.coordinator)
    response = client.post(
        _url("organisation_edit", world, world.org_b.pk),
        {"name": "Migrationsverket", "short_name": "Migrationsverket", "left_on": "2025-06-30"},
    )
    assert response.status_code == 302
    world.org_b.refresh_from_db()
    assert world.org_b.left_on == date(2025, 6, 30)
    assert list(Organisation.objects.filter(group=world.group).current()) == [world.org_a]
    assert world.org_b in Organisation.objects.current(on=date(2025, 6, 1))
    page = client.get(_url("organisation_list", world)).content.decode()
    assert "Lämnade" in page


def test_leaving_before_joining_is_refused(world, client):
    client.force_login(world.coordinator)
    response = client.post(
        _url("organisation_edit", world, world.org_b.pk),
        {
            "name": "Migrationsverket",
            "short_name": "Migrationsverket",
            "joined_on": "2025-01-01",
            "left_on": "2024-01-01",
        },
    )
    assert response.status_code == 200
    assert "kan inte lämna gruppen innan den gick med" in response.content.decode()


def test_reordering_moves_an_organisation_up(world, client):
    client.force_login(world.coordinator)
    client.post(_url("organisation_move", world, world.org_b.pk), {"direction": "up"})
    ordered = list(Organisation.objects.filter(group=world.group).order_by("order"))
    assert ordered == [world.org_b, world.org_a]
    page = client.get(_url("organisation_list", world)).content.decode()
    table = page[page.index("<tbody>") :]
    assert table.index("Migrationsverket") < table.index("Polismyndigheten")


def test_moving_the_first_one_up_changes_nothing(world, client):
    client.force_login(world.coordinator)
    client.post(_url("organisation_move", world, world.org_a.pk), {"direction": "up"})
    ordered = list(Organisation.objects.filter(group=world.group).order_by("order"))
    assert ordered == [world.org_a, world.org_b]
