"""The cache of shared page parts and kept pages (samordning.fragments) cannot be filled
through the address, keeps within a budget of bytes, never shows a page from before a
change, and never carries a person's form token anywhere but into their own forms."""

import html
import re
from datetime import date, timedelta

from django.core.cache import cache, caches
from django.db.models.signals import pre_save
from django.test import Client
from django.urls import reverse

from members.changes import touch_groups
from members.models import CoordinationGroup, Membership, Role
from samordning.cache import ByteBoundedLocMemCache
from samordning.fragments import PART_TOKEN_STAND_IN

from .conftest import answer, give_role, make_activity, make_past_period, make_period, make_person

TOKEN_INPUT = r'<input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)">'


def _version(group):
    return CoordinationGroup.objects.get(pk=group.pk).data_version


def _home(world):
    return reverse("group_home", args=[world.group.slug])


def _our_answers(world):
    return reverse("activities:my_submissions", args=[world.group.slug])


def _submission(world, period, name="submission"):
    return reverse(f"activities:{name}", args=[world.group.slug, period.pk, world.org_a.pk])


def _overview(world, period):
    return reverse("activities:period_overview", args=[world.group.slug, period.pk])


def _text(client, url):
    page = client.get(url)
    assert page.status_code == 200
    return page.content.decode()


# The address: only what the page reads


def test_junk_in_the_address_keeps_no_new_copies_of_a_page(world, client):
    make_period(world.group)
    client.force_login(world.rep_a)
    for url in (_home(world), _our_answers(world)):
        _text(client, url)
    kept = cache.kept_bytes
    for i in range(250):
        assert "Petra Polis" in _text(client, f"{_home(world)}?utm={i}&x=" + "y" * 200)
        junk = [f"?sida={i}x", f"?sida=1&junk={i}", f"?sida=0{i % 2}&q={i}", f"?n={i}"][i % 4]
        assert "Kvartal 4 2026" in _text(client, _our_answers(world) + junk)
    assert cache.kept_bytes == kept


def test_the_language_switch_of_a_kept_page_returns_to_the_page_read(world, client):
    client.force_login(world.rep_a)
    page = _text(client, f"{_our_answers(world)}?kampanj=sommar")
    assert f'name="next" value="{_our_answers(world)}"' in page
    assert "kampanj" not in page


def test_each_page_of_a_list_is_its_own_page(world, client):
    start = date(2020, 1, 1)
    for i in range(13):  # twelve periods a page
        make_past_period(world.group, f"Period {i:02d}", start + timedelta(days=92 * i))
    client.force_login(world.rep_a)
    first = _text(client, _our_answers(world))
    second = _text(client, f"{_our_answers(world)}?sida=2&utm=x")
    assert "Period 12" in first and "Period 00" not in first
    assert "Period 00" in second and "Period 12" not in second
    assert "Sida 2 av 2" in second
    assert f'name="next" value="{_our_answers(world)}?sida=2"' in second
    # A representative of the other organisation sees page 2 too, from the shared part.
    client.force_login(world.rep_b)
    assert "Period 00" in _text(client, f"{_our_answers(world)}?sida=2")
    # Past the last page there is no page (rather than a copy of the last one per number).
    assert client.get(f"{_our_answers(world)}?sida=3").status_code == 404


# The budget in bytes


def test_the_cache_keeps_within_its_budget_of_bytes_forgetting_the_least_used_first():
    assert isinstance(caches["default"], ByteBoundedLocMemCache)
    bounded = ByteBoundedLocMemCache("test-budget", {"OPTIONS": {"MAX_BYTES": 200_000}})
    bounded.clear()
    for i in range(100):
        bounded.set(f"page-{i}", "x" * 10_000)
        if i >= 2:
            assert bounded.get("page-0") is not None  # read often: stays
        assert bounded.kept_bytes <= 200_000
    assert bounded.get("page-0") == "x" * 10_000
    assert bounded.get("page-99") == "x" * 10_000
    assert bounded.get("page-1") is None  # the least recently used went first
    assert bounded.kept_bytes > 150_000  # and the budget is used, not emptied
    bounded.set("huge", "x" * 300_000)  # more than the whole budget: not kept
    assert bounded.get("huge") is None and bounded.get("page-99") is not None
    bounded.delete("page-99")
    bounded.set("page-0", "y")
    assert bounded.kept_bytes <= 200_000 - 2 * 10_000
    bounded.clear()
    assert bounded.kept_bytes == 0


# The group's data version only rises


def _while_saving_the_group(world, change):
    """Runs `change` once, after the group has been read and before it is written: what a
    change committed by another request at that moment does."""
    done = []

    def receiver(sender, instance, **kwargs):
        if not done:
            done.append(True)
            change()

    pre_save.connect(receiver, sender=CoordinationGroup, weak=False, dispatch_uid="test_race")
    return lambda: pre_save.disconnect(sender=CoordinationGroup, dispatch_uid="test_race")


def _change_seen_and_undone(world):
    """An activity added, seen by a reader under two versions, and removed again."""
    reader = Client()
    reader.force_login(world.reader)

    def change():
        activity = make_activity(world.org_a, title="Övning i Skellefteå")
        assert "Övning i Skellefteå" in _text(reader, _home(world))
        touch_groups(pk=world.group.pk)
        assert "Övning i Skellefteå" in _text(reader, _home(world))
        activity.delete()

    return reader, change


def test_saving_the_group_settings_read_before_a_change_does_not_bring_back_old_pages(
    world, client
):
    reader, change = _change_seen_and_undone(world)
    stop = _while_saving_the_group(world, change)
    client.force_login(world.coordinator)
    try:
        response = client.post(
            reverse("members:group_settings", args=[world.group.slug]),
            {
                "description": "Vi samordnar.",
                "reminder_days_before_deadline": 7,
                "returned_reminder_days": 5,
            },
        )
    finally:
        stop()
    assert response.status_code == 302
    assert _version(world.group) > 3
    page = _text(reader, _home(world))
    assert "Övning i Skellefteå" not in page


def test_saving_the_group_in_the_admin_does_not_bring_back_old_pages(world, client):
    reader, change = _change_seen_and_undone(world)
    stop = _while_saving_the_group(world, change)
    client.force_login(world.superuser)
    try:
        response = client.post(
            reverse("admin:members_coordinationgroup_change", args=[world.group.pk]),
            {
                "name": world.group.name,
                "county": world.group.county,
                "slug": world.group.slug,
                "description": "Ändrad i administrationen.",
                "reminder_days_before_deadline": 7,
                "returned_reminder_days": 5,
                "organisations-TOTAL_FORMS": 0,
                "organisations-INITIAL_FORMS": 0,
            },
        )
    finally:
        stop()
    assert response.status_code == 302
    assert _version(world.group) > 3
    assert "Övning i Skellefteå" not in _text(reader, _home(world))


def test_the_admin_form_has_no_field_for_the_version(world, client):
    client.force_login(world.superuser)
    url = reverse("admin:members_coordinationgroup_change", args=[world.group.pk])
    assert "data_version" not in _text(client, url)


def test_a_stale_copy_of_the_group_saved_anywhere_leaves_the_version_where_it_is(world):
    stale = CoordinationGroup.objects.get(pk=world.group.pk)
    for _ in range(3):
        touch_groups(pk=world.group.pk)
    raised = _version(world.group)
    stale.name = "Samordningen i Västerbotten"
    stale.save()
    assert _version(world.group) > raised
    stale.save(update_fields=["name", "data_version"])
    assert _version(world.group) > raised
    assert CoordinationGroup.objects.get(pk=world.group.pk).name == stale.name


# The form token


def test_text_holding_the_token_stand_in_never_carries_a_persons_token(world):
    period = make_period(world.group)
    typed = f"Se https://elak.example/?t={PART_TOKEN_STAND_IN} och {PART_TOKEN_STAND_IN}."
    answer(period, world.org_a, world.rep_a, {1: typed}, submit=True)
    second = make_person("samordnare2@example.org", "Stina Samordnare")
    give_role(second, world.group, Role.COORDINATOR)
    for person in (world.coordinator, second):  # rendered, then from the cache
        client = Client(enforce_csrf_checks=True)
        client.force_login(person)
        page = _text(client, _submission(world, period))
        tokens = set(re.findall(TOKEN_INPUT, page))
        assert len(tokens) == 1
        token = tokens.pop()
        # The person's token is in their forms and nowhere else; the text is as typed.
        assert page.count(token) == len(re.findall(TOKEN_INPUT, page))
        assert f"https://elak.example/?t={PART_TOKEN_STAND_IN}" in html.unescape(page)
        question = period.questions.get(number=1)
        response = client.post(
            _submission(world, period, "comment_add"),
            {"question": question.pk, "text": "Vilka?", "csrfmiddlewaretoken": token},
        )
        assert response.status_code == 302


# Changes outside any request


def test_an_organisation_moved_to_another_group_leaves_the_old_groups_pages(world, client):
    period = make_period(world.group)
    client.force_login(world.coordinator)
    assert "Polismyndigheten" in _text(client, _overview(world, period))
    other = _version(world.other_group)
    world.org_a.group = world.other_group  # the shell or a command: no request
    world.org_a.save()
    assert "Polismyndigheten" not in _text(client, _overview(world, period))
    assert _version(world.other_group) > other


def _left_the_group(world):
    """Petra answered for the police and has since left the group: she is named on its
    pages without being a member."""
    period = make_period(world.group)
    answer(period, world.org_a, world.rep_a, {1: "Vi utbildar"}, submit=True)
    Membership.objects.filter(user=world.rep_a).delete()
    return period


def test_a_new_name_shows_where_the_person_is_named_without_being_a_member(world, client):
    period = _left_the_group(world)
    client.force_login(world.coordinator)
    assert "Petra Polis" in _text(client, _submission(world, period))
    assert "Petra Polis" in _text(client, _overview(world, period))
    world.rep_a.full_name = "Petra Nordin"
    world.rep_a.save()
    for url in (_submission(world, period), _overview(world, period)):
        page = _text(client, url)
        assert "Petra Nordin" in page and "Petra Polis" not in page


def test_a_deleted_person_is_gone_from_the_pages_that_named_them(world, client):
    period = _left_the_group(world)
    client.force_login(world.coordinator)
    assert "Petra Polis" in _text(client, _submission(world, period))
    world.rep_a.delete()
    page = _text(client, _submission(world, period))
    assert "Petra Polis" not in page
    assert "Petra Polis" not in _text(client, _overview(world, period))


def test_a_deleted_member_is_gone_from_the_start_page(world, client):
    client.force_login(world.reader)
    assert "Sara Samordnare" in _text(client, _home(world))
    world.coordinator.delete()
    assert "Sara Samordnare" not in _text(client, _home(world))
