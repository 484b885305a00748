import pytest
from django.urls import reverse

MODELS = ["user", "coordinationgroup", "organisation", "membership", "invitation"]


def test_the_audit_log_is_read_only_in_the_admin(world, client):
    client.force_login(world.superuser)
    assert client.get(reverse("admin:members_auditevent_changelist")).status_code == 200
    assert client.get(reverse("admin:members_auditevent_add")).status_code == 403


@pytest.mark.parametrize("model", MODELS)
def test_the_admin_lists_and_adds(model, world, client):
    client.force_login(world.superuser)
    assert client.get(reverse(f"admin:members_{model}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:members_{model}_add")).status_code == 200


def test_the_admin_edits_an_organisation(world, client):
    client.force_login(world.superuser)
    url = reverse("admin:members_organisation_change", args=[world.org_a.pk])
    page = client.get(url).content.decode()
    assert "Polismyndigheten" in page
