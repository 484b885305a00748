"""A group's data version (members.changes) rises with every change to what its pages show,
wherever the change comes from: a page, a command, a task or the shell. Every model with a
path to a group declares that path or says why it shows on no kept page, and nothing but
the increment writes the version."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import IntegrityError
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from activities.models import (
    Activity,
    AnswerVersion,
    Need,
    Period,
    Question,
    Submission,
    TargetGroup,
)
from members import changes
from members.models import AuditEvent, CoordinationGroup, Organisation, User

from .conftest import PASSWORD, answer, make_activity, make_period, run_task_queue

# The graph of models


def _our_apps():
    base = Path(settings.BASE_DIR)
    return [
        config
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(base) and ".venv" not in Path(config.path).parts
    ]


def _reaches_a_group(model, seen=frozenset()):
    """Whether a chain of foreign keys and one-to-ones leads from the model to a group."""
    if model is CoordinationGroup:
        return True
    return any(
        _reaches_a_group(field.related_model, seen | {model})
        for field in model._meta.concrete_fields
        if field.is_relation
        and (field.many_to_one or field.one_to_one)
        and field.related_model not in seen
    )


def _models_with_a_path_to_a_group():
    return [
        model
        for config in _our_apps()
        for model in config.get_models(include_auto_created=True)
        if _reaches_a_group(model)
    ]


def _end_of(model, path):
    if path == "pk":
        return model
    for name in path.split("__"):
        field = model._meta.get_field(name)
        assert field.many_to_one or field.one_to_one, f"{model.__name__}.{name}"
        model = field.related_model
    return model


def _live(signal, sender):
    sync_receivers, async_receivers = signal._live_receivers(sender)
    return [*sync_receivers, *async_receivers]


def test_the_walk_finds_the_models_of_every_app_of_ours():
    found = set(_models_with_a_path_to_a_group())
    assert {CoordinationGroup, Organisation, AuditEvent, AnswerVersion, Activity} <= found
    assert Activity.target_groups.through in found
    assert User not in found


@pytest.mark.parametrize(
    "model", _models_with_a_path_to_a_group(), ids=lambda model: model._meta.label
)
def test_every_model_with_a_path_to_a_group_declares_it_or_says_why_not(model):
    if model._meta.auto_created:
        # A many-to-many link table: its links change through the owner's field, which
        # sends m2m_changed (its own manager is used nowhere).
        owners = [
            field
            for owner in apps.get_models()
            for field in owner._meta.local_many_to_many
            if field.remote_field.through is model
        ]
        assert owners and all(changes.is_declared(field.model) for field in owners)
        assert changes._links_changed in _live(m2m_changed, model)
        return
    reason = getattr(model, "not_on_group_pages", None)
    assert changes.is_declared(model) != bool(reason), (
        f"{model._meta.label} leads to a group: declare group_path (members.changes) or "
        "say in not_on_group_pages why it shows on no kept page"
    )
    if reason:
        return
    assert _end_of(model, model.group_path) is CoordinationGroup
    for manager in model._meta.managers:
        assert isinstance(manager.all(), changes.GroupScopedQuerySet), manager.name
    assert changes._row_saving in _live(pre_save, model)
    assert changes._row_saved in _live(post_save, model)
    assert changes._row_deleting in _live(pre_delete, model)
    assert changes._row_deleted in _live(post_delete, model)


# Only the increment writes the version


def _our_sources():
    for config in _our_apps():
        for path in Path(config.path).rglob("*.py"):
            if "migrations" not in path.parts:
                yield path, path.read_text()


def test_the_version_is_written_by_the_increment_alone():
    writes = {
        path.relative_to(settings.BASE_DIR).as_posix(): len(
            re.findall(r"\bdata_version\s*=[^=]", text)
        )
        for path, text in _our_sources()
        if re.search(r"\bdata_version\s*=[^=]", text)
    }
    # The field, and in the group's queryset the increment and the update that adds it.
    assert writes == {"members/models/groups.py": 1, "members/changes.py": 2}


def test_no_write_of_ours_goes_around_the_declared_querysets():
    around = re.compile(r"_base_manager[^\n]*\.(update|delete|bulk_create|bulk_update)\(")
    for path, text in _our_sources():
        assert not around.search(text), path


def test_a_queryset_cannot_set_the_version(world):
    before = _version(world.group)
    groups = CoordinationGroup.objects.filter(pk=world.group.pk)
    with pytest.raises(ValueError, match="data_version"):
        groups.update(data_version=0)
    group = groups.get()
    with pytest.raises(ValueError, match="data_version"):
        CoordinationGroup.objects.bulk_update([group], ["data_version"])
    assert _version(world.group) == before
    groups.update(description="Ny beskrivning")  # the group's own details show too
    assert _version(world.group) == before + 1


# Writes from the shell: plain ORM calls outside any request


def _version(group):
    return CoordinationGroup.objects.get(pk=group.pk).data_version


class Versions:
    def __init__(self, world):
        self.world = world
        self.before = self._now()

    def _now(self):
        return _version(self.world.group), _version(self.world.other_group)

    def raised(self, group=True, other=False):
        """Whether exactly the groups named rose since the last call."""
        now = self._now()
        rose = (now[0] > self.before[0], now[1] > self.before[1])
        self.before = now
        return rose == (group, other)


@pytest.fixture
def versions(world):
    return Versions(world)


def test_saving_and_deleting_a_row_raises_its_group(world, versions):
    period = make_period(world.group)
    assert versions.raised()
    period.name = "Första kvartalet"
    period.save()
    assert versions.raised()
    question = period.questions.create(number=9, title="Nytt", wording="Hur?")
    assert versions.raised()
    question.delete()
    assert versions.raised()
    world.other_org.save(update_fields=["name"])
    assert versions.raised(group=False, other=True)


def test_update_raises_the_groups_of_the_rows_it_changes(world, versions):
    period = make_period(world.group)
    versions.raised()
    assert Question.objects.filter(period=period).update(title="Ny lydelse") == 5
    assert versions.raised()
    Period.objects.filter(pk=period.pk, locked_at__isnull=True).update(locked_at=timezone.now())
    assert versions.raised()
    # Nothing found, nothing raised.
    assert Period.objects.filter(pk=period.pk, locked_at__isnull=True).update(name="x") == 0
    assert versions.raised(group=False)


def test_a_row_moved_to_another_group_raises_both(world, versions):
    Organisation.objects.filter(pk=world.org_a.pk).update(group=world.other_group)
    assert versions.raised(group=True, other=True)
    world.org_a.group = world.group
    Organisation.objects.bulk_update([world.org_a], ["group"])
    assert versions.raised(group=True, other=True)
    world.org_a.group = world.other_group
    world.org_a.save()
    assert versions.raised(group=True, other=True)


def test_bulk_create_and_bulk_update_raise_the_groups_of_their_rows(world, versions):
    TargetGroup.objects.bulk_create([TargetGroup(group=world.other_group, name="Taxi")])
    assert versions.raised(group=False, other=True)
    Need.objects.bulk_create([Need(organisation=world.org_a, kind="training", description="x")])
    assert versions.raised()
    period = make_period(world.group)
    submission = answer(period, world.org_a, world.rep_a, {1: "Vi utbildar"})
    versions.raised()
    version = submission.answers.get().versions.get()
    AnswerVersion.objects.bulk_create(
        [AnswerVersion(answer=version.answer, number=2, text="Ändrat", created_by=world.rep_a)]
    )
    assert versions.raised()
    world.org_b.order = 0
    Organisation.objects.bulk_update([world.org_b], ["order"])
    assert versions.raised()


def test_queryset_delete_raises_the_groups_of_its_rows(world, versions):
    make_activity(world.org_a)
    make_activity(world.other_org)
    versions.raised(group=True, other=True)
    Activity.objects.filter(organisation__group=world.group).delete()
    assert versions.raised()
    period = make_period(world.group)
    answer(period, world.org_a, world.rep_a, {1: "Vi utbildar"})
    versions.raised()
    Submission.objects.filter(period=period).delete()  # and its answers, by cascade
    assert versions.raised()


def test_link_changes_from_either_side_raise_the_group(world, versions):
    activity = make_activity(world.org_a)
    target = TargetGroup.objects.create(group=world.group, name="Hotell")
    versions.raised()
    activity.partners.add(world.org_b)
    assert versions.raised()
    world.org_b.partner_in_activities.remove(activity)
    assert versions.raised()
    target.activities.add(activity)
    assert versions.raised()
    target.activities.clear()
    assert versions.raised()
    activity.target_groups.set([target])
    assert versions.raised()


def test_a_persons_shown_details_raise_their_groups_and_the_rest_nothing(world, versions):
    User.objects.filter(pk=world.rep_a.pk).update(full_name="Petra Nordin")
    assert versions.raised()
    User.objects.filter(pk=world.rep_a.pk).update(last_login=timezone.now(), language="en")
    assert versions.raised(group=False)
    world.other_coordinator.title = "Samordnare"
    User.objects.bulk_update([world.other_coordinator], ["title"])
    assert versions.raised(group=False, other=True)
    User.objects.filter(pk=world.reader.pk).delete()
    assert versions.raised()


def test_a_page_shows_a_bulk_write_at_once(world, client):
    period = make_period(world.group)
    overview = reverse("activities:period_overview", args=[world.group.slug, period.pk])
    client.force_login(world.coordinator)
    assert "Kvartal 4 2026" in client.get(overview).content.decode()
    Period.objects.filter(pk=period.pk).update(name="Kvartal 1 2027")
    page = client.get(overview).content.decode()
    assert "Kvartal 1 2027" in page and "Kvartal 4 2026" not in page


@pytest.mark.django_db(transaction=True)
def test_a_failed_write_in_autocommit_leaves_the_version_where_it_was(world, versions):
    """The shell runs in autocommit: the raise and the write are one transaction."""
    with pytest.raises(IntegrityError):
        Organisation.objects.filter(pk=world.org_a.pk).update(name=world.org_b.name)
    assert versions.raised(group=False)
    Organisation.objects.filter(pk=world.org_a.pk).update(name="Polisen")
    assert versions.raised()


# Writes from a command and from a task


def test_a_command_raises_the_group_it_changes(world, versions, client, monkeypatch):
    client.force_login(world.reader)
    home = reverse("group_home", args=[world.group.slug])
    assert "Stina Samordnare" not in client.get(home).content.decode()
    monkeypatch.setenv("SAMORDNING_PASSWORD", PASSWORD)
    call_command(
        "create_coordinator",
        "--group-slug",
        world.group.slug,
        "--email",
        "stina@example.org",
        "--full-name",
        "Stina Samordnare",
        "--no-input",
        stdout=open("/dev/null", "w"),  # noqa: SIM115
    )
    assert versions.raised()
    assert "Stina Samordnare" in client.get(home).content.decode()


def test_a_command_that_changes_nothing_shown_keeps_the_pages(world, versions):
    make_period(world.group)
    versions.raised()
    call_command("send_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    run_task_queue()  # the mails it queued are sent
    assert versions.raised(group=False)


@task()
def rename_period(period_id, name):
    """Background work that writes what a group's pages show (for the test below)."""
    Period.objects.filter(pk=period_id).update(name=name)


def test_a_task_raises_the_group_it_changes(world, versions, client):
    period = make_period(world.group)
    overview = reverse("activities:period_overview", args=[world.group.slug, period.pk])
    client.force_login(world.coordinator)
    assert "Kvartal 4 2026" in client.get(overview).content.decode()
    versions.raised()
    rename_period.enqueue(period.pk, "Kvartal 1 2027")
    run_task_queue()
    assert versions.raised()
    assert "Kvartal 1 2027" in client.get(overview).content.decode()
