from django.urls import reverse

from members.models import Membership, Role

from .conftest import PASSWORD


def test_the_people_page_lists_roles(world, client):
    client.force_login(world.coordinator)
    page = client.get(reverse("members:person_list", args=[world.group.slug])).content.decode()
    assert "Petra Polis" in page
    assert "Representant: Polisen" in page
    assert "Nora Norr" not in page


def test_the_coordinator_changes_a_role(world, client):
    client.force_login(world.coordinator)
    url = reverse("members:person_edit", args=[world.group.slug, world.rep_a.pk])
    response = client.post(
        url, {"group_role": Role.READER, "organisations": [world.org_a.pk, world.org_b.pk]}
    )
    assert response.status_code == 302
    active = Membership.objects.active().filter(user=world.rep_a, group=world.group)
    assert {(m.role, m.organisation_id) for m in active} == {
        (Role.READER, None),
        (Role.REPRESENTATIVE, world.org_a.pk),
        (Role.REPRESENTATIVE, world.org_b.pk),
    }


def test_a_removed_role_is_kept_as_history_and_access_ends(world, client):
    client.force_login(world.coordinator)
    url = reverse("members:person_edit", args=[world.group.slug, world.rep_a.pk])
    client.post(url, {"group_role": "", "organisations": [world.org_b.pk]})
    assert Membership.objects.filter(
        user=world.rep_a, organisation=world.org_a, is_active=False
    ).exists()
    client.force_login(world.rep_a)
    page = client.get(reverse("group_home", args=[world.group.slug])).content.decode()
    represented = page[page.index("Du representerar") : page.index("Alla våra svar")]
    assert "Migrationsverket" in represented
    assert "Polismyndigheten" not in represented


def test_no_role_at_all_is_refused(world, client):
    client.force_login(world.coordinator)
    url = reverse("members:person_edit", args=[world.group.slug, world.rep_a.pk])
    response = client.post(url, {"group_role": ""})
    assert response.status_code == 200
    assert "Välj minst en roll" in response.content.decode()


def test_a_deactivated_person_cannot_sign_in_nor_reach_the_group(world, client):
    client.force_login(world.coordinator)
    client.post(reverse("members:person_deactivate", args=[world.group.slug, world.rep_a.pk]))
    world.rep_a.refresh_from_db()
    assert not world.rep_a.is_active
    page = client.get(reverse("members:person_list", args=[world.group.slug])).content.decode()
    table = page[page.index("<tbody>") :]
    row = table[table.index("Petra Polis") :]
    row = row[: row.index("</tr>")]
    assert "Inaktiverad" in row
    assert "Representant: Polisen" not in row
    client.logout()
    response = client.post(
        reverse("members:login"), {"username": world.rep_a.email, "password": PASSWORD}
    )
    assert "Ditt konto är inaktiverat" in response.content.decode()


def test_deactivating_in_one_group_keeps_access_to_another(world, client):
    Membership.objects.create(user=world.rep_a, group=world.other_group, role=Role.READER)
    client.force_login(world.coordinator)
    client.post(reverse("members:person_deactivate", args=[world.group.slug, world.rep_a.pk]))
    world.rep_a.refresh_from_db()
    assert world.rep_a.is_active
    client.force_login(world.rep_a)
    assert client.get(reverse("group_home", args=[world.group.slug])).status_code == 404
    assert client.get(reverse("group_home", args=[world.other_group.slug])).status_code == 200


def test_a_coordinator_cannot_deactivate_themselves(world, client):
    client.force_login(world.coordinator)
    response = client.post(
        reverse("members:person_deactivate", args=[world.group.slug, world.coordinator.pk]),
        follow=True,
    )
    assert "Du kan inte inaktivera dig själv" in response.content.decode()
    world.coordinator.refresh_from_db()
    assert world.coordinator.is_active


def test_the_group_pages_show_nothing_of_the_other_group(world, client):
    client.force_login(world.coordinator)
    page = client.get(reverse("group_home", args=[world.group.slug])).content.decode()
    assert "Region Norrbotten" not in page
    assert "Nora Norr" not in page
    # The menu lists only one's own groups.
    assert "Norrbotten" not in page


def test_saving_roles_gives_a_deactivated_person_access_again(world, client):
    client.force_login(world.coordinator)
    client.post(reverse("members:person_deactivate", args=[world.group.slug, world.rep_a.pk]))
    url = reverse("members:person_edit", args=[world.group.slug, world.rep_a.pk])
    assert "Personen är inaktiverad" in client.get(url).content.decode()
    client.post(url, {"group_role": "", "organisations": [world.org_a.pk]})
    world.rep_a.refresh_from_db()
    assert world.rep_a.is_active
    client.force_login(world.rep_a)
    assert client.get(reverse("group_home", args=[world.group.slug])).status_code == 200
