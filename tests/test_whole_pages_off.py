"""The whole-page layer of the page cache (PAGE_CACHE_WHOLE_PAGES) turned off: the shared
parts are still kept, the page around them is put together on every request, and it is
still the viewer's own page (their header, their form token); nothing is kept per person."""

import re
import subprocess
import sys

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from members.models import Role

from .conftest import answer, give_role, make_period, make_person
from .test_settings import ROOT, _environment

pytestmark = pytest.mark.django_db


@pytest.fixture
def layer_off(settings):
    settings.PAGE_CACHE_WHOLE_PAGES = False


def _kept(prefix):
    """The keys the process's cache holds that start with `prefix` (LocMemCache keeps
    them as made by make_key: ":1:<key>")."""
    return [key for key in cache._cache if key.split(":", 2)[-1].startswith(prefix)]


def _pages(world, period):
    slug = world.group.slug
    return [
        reverse("group_home", args=[slug]),
        reverse("activities:organisation_page", args=[slug, world.org_a.pk]),
        reverse("activities:period_overview", args=[slug, period.pk]),
        reverse("activities:submission", args=[slug, period.pk, world.org_a.pk]),
    ]


def _get(client, url):
    with CaptureQueriesContext(connection) as queries:
        page = client.get(url)
    assert page.status_code == 200, url
    return len(queries.captured_queries), page.content.decode()


def test_the_whole_page_is_kept_by_default(world, client):
    period = make_period(world.group)
    client.force_login(world.coordinator)
    for url in _pages(world, period):
        _get(client, url)
    assert len(_kept("page:")) == 4 and _kept("fragment:")


def test_off_the_shared_parts_are_kept_and_no_whole_page(world, client, layer_off):
    period = make_period(world.group)
    answer(period, world.org_a, world.rep_a, {1: "Vi utbildar"}, submit=True)
    second = make_person("samordnare2@example.org", "Stina Samordnare")
    give_role(second, world.group, Role.COORDINATOR)
    for url in _pages(world, period):
        client.force_login(world.coordinator)
        rendered, _ = _get(client, url)
        client.force_login(second)
        shared, page = _get(client, url)
        assert shared < rendered, url  # the shared part came from the cache
        header = page.split("<main")[0]
        assert "Stina Samordnare" in header and "Sara Samordnare" not in header, url
    assert _kept("fragment:")
    assert _kept("page:") == []


def test_off_every_form_carries_the_viewers_own_token(world, layer_off):
    period = make_period(world.group)
    answer(period, world.org_a, world.rep_a, {1: "Vi utbildar"}, submit=True)
    submission = reverse(
        "activities:submission", args=[world.group.slug, period.pk, world.org_a.pk]
    )
    second = make_person("samordnare2@example.org", "Stina Samordnare")
    give_role(second, world.group, Role.COORDINATOR)
    first = Client(enforce_csrf_checks=True)
    first.force_login(world.coordinator)
    first.get(submission)  # renders the shared part
    client = Client(enforce_csrf_checks=True)
    client.force_login(second)
    page = client.get(submission).content.decode()
    header, rest = page.split("<main", 1)
    main = rest.split("</main>", 1)[0]
    tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', main))
    assert len(tokens) == 1
    question = period.questions.get(number=1)
    comment = reverse("activities:comment_add", args=[world.group.slug, period.pk, world.org_a.pk])
    response = client.post(
        comment,
        {"question": question.pk, "text": "Vilka hotell?", "csrfmiddlewaretoken": tokens.pop()},
    )
    assert response.status_code == 302
    assert "Vilka hotell?" in client.get(submission).content.decode()
    # The header's form (sign out) carries the viewer's token too.
    page = client.get(submission).content.decode()
    header = page.split("<main", 1)[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', header).group(1)
    response = client.post(reverse("members:logout"), {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert client.get(submission).url.startswith(reverse("members:login"))
    assert _kept("page:") == []


@pytest.mark.parametrize(("value", "shown"), [(None, "True"), ("0", "False"), ("1", "True")])
def test_the_setting_comes_from_the_environment(value, shown):
    env = _environment(DJANGO_SETTINGS_MODULE="samordning.settings")
    if value is not None:
        env["PAGE_CACHE_WHOLE_PAGES"] = value
    code = "import django; django.setup(); from django.conf import settings as s;"
    code += "print(s.PAGE_CACHE_WHOLE_PAGES)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.split() == [shown], result.stderr
