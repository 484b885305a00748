"""Shared page parts (samordning.fragments): rendered once for everyone with the same
standing in a group, never shown after a change, never carrying anything of the person
who happened to render them."""

import re

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from members.models import CoordinationGroup, Organisation, Role

from .conftest import answer, give_role, make_activity, make_period, make_person


def _version(group):
    return CoordinationGroup.objects.get(pk=group.pk).data_version


def _home(world):
    return reverse("group_home", args=[world.group.slug])


def _submission(world, period, name="submission"):
    return reverse(f"activities:{name}", args=[world.group.slug, period.pk, world.org_a.pk])


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        page = client.get(url)
    assert page.status_code == 200
    return len(queries.captured_queries), page.content.decode()


def test_a_second_coordinator_gets_the_rendered_page_without_its_queries(world, client):
    period = make_period(world.group)
    answer(period, world.org_a, world.rep_a, {1: "Vi utbildar"}, submit=True)
    second = make_person("samordnare2@example.org", "Stina Samordnare")
    give_role(second, world.group, Role.COORDINATOR)
    for url in (
        _home(world),
        reverse("activities:organisation_page", args=[world.group.slug, world.org_a.pk]),
        reverse("activities:period_overview", args=[world.group.slug, period.pk]),
        _submission(world, period),
    ):
        client.force_login(world.coordinator)
        rendered, _ = _queries(client, url)
        client.force_login(second)
        shared, page = _queries(client, url)
        assert shared < rendered, url
        # The person's own header, around the shared part.
        assert "Stina Samordnare" in page and "Sara Samordnare" not in page.split("<main")[0]


def test_each_standing_gets_its_own_part(world, client):
    period = make_period(world.group)
    answer(period, world.org_b, world.rep_b, {1: "Klart"}, submit=True)
    client.force_login(world.coordinator)
    review = "Granska inskickade svar – Kvartal 4 2026 (1 väntar)"
    assert review in client.get(_home(world)).content.decode()
    client.force_login(world.rep_a)
    page = client.get(_home(world)).content.decode()
    assert "Svara för Polismyndigheten – Kvartal 4 2026" in page
    assert "Granska inskickade svar" not in page
    client.force_login(world.reader)
    page = client.get(_home(world)).content.decode()
    assert "Dina uppgifter" not in page and "Du följer gruppen som läsare" in page
    client.force_login(world.rep_b)
    assert "Svara för Polismyndigheten" not in client.get(_home(world)).content.decode()


def test_forms_in_a_shared_part_carry_the_viewers_own_token(world):
    period = make_period(world.group)
    answer(period, world.org_a, world.rep_a, {1: "Vi utbildar"}, submit=True)
    second = make_person("samordnare2@example.org", "Stina Samordnare")
    give_role(second, world.group, Role.COORDINATOR)
    first = Client(enforce_csrf_checks=True)
    first.force_login(world.coordinator)
    first.get(_submission(world, period))  # renders the part, with the first person's token
    client = Client(enforce_csrf_checks=True)
    client.force_login(second)
    page = client.get(_submission(world, period)).content.decode()
    main = page.split("<main", 1)[1].split("</main>", 1)[0]
    tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', main))
    assert len(tokens) == 1  # one token in every form of the shared part
    question = period.questions.get(number=1)
    response = client.post(
        _submission(world, period, "comment_add"),
        {"question": question.pk, "text": "Vilka hotell?", "csrfmiddlewaretoken": tokens.pop()},
    )
    assert response.status_code == 302
    assert "Vilka hotell?" in client.get(_submission(world, period)).content.decode()


def test_a_review_shows_at_once_on_every_page_of_the_group(world, client):
    period = make_period(world.group)
    answer(period, world.org_a, world.rep_a, {1: "Vi utbildar"}, submit=True)
    overview = reverse("activities:period_overview", args=[world.group.slug, period.pk])
    client.force_login(world.coordinator)
    assert "Inskickad" in client.get(overview).content.decode()
    client.get(_home(world))
    client.post(
        _submission(world, period, "submission_review"),
        {"decision": "return", "reason": "Förtydliga fråga 1."},
    )
    assert "Skickad tillbaka" in client.get(overview).content.decode()
    client.force_login(world.rep_a)
    page = client.get(_home(world)).content.decode()
    task = page[page.index("Svara för Polismyndigheten – Kvartal 4 2026") :]
    assert "Skickad tillbaka – åtgärda" in task[: task.index("</li>")]
    assert "Förtydliga fråga 1." in client.get(_submission(world, period)).content.decode()


def test_changes_outside_the_pages_raise_the_groups_version(world, client):
    client.force_login(world.reader)
    assert "Utbildning för personal" not in client.get(_home(world)).content.decode()
    other = _version(world.other_group)
    before = _version(world.group)
    activity = make_activity(world.org_a)  # a command, a task or the shell: no request
    assert _version(world.group) > before
    assert "Utbildning för personal" in client.get(_home(world)).content.decode()
    before = _version(world.group)
    activity.target_groups.add(world.group.target_groups.create(name="Socialtjänst"))
    assert _version(world.group) > before
    before = _version(world.group)
    activity.delete()
    assert _version(world.group) > before
    assert "Utbildning för personal" not in client.get(_home(world)).content.decode()
    assert _version(world.other_group) == other


def test_a_persons_new_name_shows_in_every_group_they_belong_to(world, client):
    give_role(world.coordinator, world.other_group, Role.READER)
    client.force_login(world.reader)
    assert "Sara Samordnare" in client.get(_home(world)).content.decode()
    before = (_version(world.group), _version(world.other_group))
    world.coordinator.full_name = "Sara Nygren"
    world.coordinator.save()
    assert (_version(world.group), _version(world.other_group)) > before
    assert "Sara Nygren" in client.get(_home(world)).content.decode()
    before = _version(world.group)
    world.coordinator.save(update_fields=["last_login"])  # shown nowhere: no change
    assert _version(world.group) == before


def test_a_bulk_write_raises_its_groups_version_without_any_request(world, client):
    """QuerySet.update sends no signals: the queryset of a model that shows on a group's
    pages raises the version itself (members.changes.GroupScopedQuerySet)."""
    client.force_login(world.coordinator)
    assert "Polismyndigheten" in client.get(_home(world)).content.decode()
    other = _version(world.other_group)
    before = _version(world.group)
    Organisation.objects.filter(pk=world.org_a.pk).update(name="Polisen Nord")
    assert _version(world.group) > before
    assert "Polisen Nord" in client.get(_home(world)).content.decode()
    assert _version(world.other_group) == other


def test_the_shared_part_follows_the_language(world, client):
    client.force_login(world.reader)
    assert "Senaste lägesrapporten" in client.get(_home(world)).content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": _home(world)})
    assert "Latest status report" in client.get(_home(world)).content.decode()


def test_a_kept_part_opens_no_door(world, client):
    """A part in the cache was rendered for one group and one standing: another group's
    address for the same period, or a person who may not read the answers, still gets
    the 404 or 403 the access check gives."""
    period = make_period(world.group)
    answer(period, world.org_a, world.rep_a, {1: "Vi utbildar"}, submit=True)
    client.force_login(world.coordinator)
    assert client.get(_submission(world, period)).status_code == 200
    overview = reverse("activities:period_overview", args=[world.group.slug, period.pk])
    assert client.get(overview).status_code == 200
    client.force_login(world.other_coordinator)
    elsewhere = reverse("activities:period_overview", args=[world.other_group.slug, period.pk])
    assert client.get(elsewhere).status_code == 404
    client.force_login(world.rep_b)
    assert client.get(_submission(world, period)).status_code == 403
    client.force_login(world.reader)
    assert client.get(overview).status_code == 403


def test_the_personal_header_follows_the_persons_name_and_carries_their_token(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.coordinator)
    assert "Sara Samordnare" in client.get(_home(world)).content.decode().split("<main")[0]
    world.coordinator.full_name = "Sara Nygren"
    world.coordinator.save()
    page = client.get(_home(world)).content.decode()
    header = page.split("<main")[0]
    assert "Sara Nygren" in header and "Sara Samordnare" not in header
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', header).group(1)
    response = client.post(reverse("members:logout"), {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert client.get(_home(world)).url.startswith(reverse("members:login"))  # signed out


def test_a_message_is_shown_once_on_a_kept_page(world, client):
    period = make_period(world.group)
    overview = reverse("activities:period_overview", args=[world.group.slug, period.pk])
    client.force_login(world.coordinator)
    client.get(overview)  # the page is kept for the coordinator at this address
    lock = reverse("activities:period_lock", args=[world.group.slug, period.pk])
    page = client.post(lock, {"lock": "1"}, follow=True).content.decode()
    assert "Perioden är låst." in page
    again = client.get(overview).content.decode()
    assert "Perioden är låst." not in again
    assert "Öppna perioden igen" in again  # the kept page shows the lock too
