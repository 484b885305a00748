"""The benchmark's floor page: off (404) unless the setting turns it on, and then a
constant answer behind the same sign-in and middleware as every page."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_floor_is_off_unless_turned_on(world, client):
    client.force_login(world.reader)
    assert client.get(reverse("benchmark_floor")).status_code == 404


def test_the_floor_answers_a_signed_in_person_through_every_middleware(world, client, settings):
    settings.BENCHMARK_FLOOR = True
    assert client.get(reverse("benchmark_floor")).url.startswith(reverse("members:login"))
    client.force_login(world.reader)
    response = client.get(reverse("benchmark_floor"))
    assert response.status_code == 200 and response.content == b"ok\n"
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "no-store" in response["Cache-Control"]
