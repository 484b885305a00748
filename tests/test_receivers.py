"""The signal receivers the product relies on stay connected after a garbage collection.

A signal holds its receivers by weak reference: a function defined inside a function
(AppConfig.ready) is collected once that function returns, and then silently never
runs. With DEBUG on something kept them alive by chance; in production they vanished.
"""

import gc

import pytest
from axes.signals import user_locked_out
from django.contrib.auth import signals as auth_signals
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.urls import reverse

from activities.models import Activity, Submission
from members import changes, sign_in_receivers
from members.models import AuditEvent, CoordinationGroup, Organisation, User

from .conftest import PASSWORD


def _live(signal, sender):
    """The receivers that would run for a sender, after collecting garbage."""
    gc.collect()
    sync_receivers, async_receivers = signal._live_receivers(sender)
    return [*sync_receivers, *async_receivers]


@pytest.mark.parametrize(
    ("signal", "sender", "receiver"),
    [
        (auth_signals.user_logged_in, User, sign_in_receivers.signed_in),
        (auth_signals.user_login_failed, None, sign_in_receivers.sign_in_failed),
        (auth_signals.user_logged_out, User, sign_in_receivers.signed_out),
        (user_locked_out, None, sign_in_receivers.locked_out),
        (post_save, User, changes._user_saved),
        (pre_delete, User, changes._user_deleting),
        (post_delete, User, changes._user_deleted),
    ],
)
def test_the_sign_in_and_change_receivers_survive_garbage_collection(signal, sender, receiver):
    assert receiver in _live(signal, sender)


@pytest.mark.parametrize("model", [CoordinationGroup, Submission, Activity])
def test_every_model_a_group_shows_still_raises_its_version_after_collection(model):
    assert changes._row_saved in _live(post_save, model)
    assert changes._row_deleting in _live(pre_delete, model)
    assert changes._row_deleted in _live(post_delete, model)


@pytest.mark.parametrize("model", [Organisation, Submission, Activity])
def test_a_row_moved_to_another_group_still_raises_the_old_one_after_collection(model):
    assert changes._row_saving in _live(pre_save, model)


def test_activity_links_raise_the_version_after_collection():
    for through in (Activity.target_groups.through, Activity.partners.through):
        assert changes._links_changed in _live(m2m_changed, through)


def test_after_collection_signing_in_and_out_is_logged_and_ends_other_sessions(world, client):
    gc.collect()
    login = reverse("members:login")
    client.post(login, {"username": "polisen@example.org", "password": "fel"})
    client.post(login, {"username": "polisen@example.org", "password": PASSWORD})
    generation = User.objects.get(pk=world.rep_a.pk).session_generation
    gc.collect()
    client.post(reverse("members:logout"))
    actions = list(AuditEvent.objects.order_by("pk").values_list("action", flat=True))
    assert actions == ["members.sign_in_failed", "members.sign_in", "members.sign_out"]
    assert User.objects.get(pk=world.rep_a.pk).session_generation == generation + 1
