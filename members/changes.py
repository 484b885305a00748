"""A group's data version: raised by every change to what the group's pages show, so that
page parts rendered for one version are never shown after a change (samordning.fragments).

Two ways a change reaches it, so that neither has to be complete alone:
- every row of a model that belongs to a group, saved or deleted anywhere (a page, a
  command, a task, the shell), raises its group's version in the same transaction; the
  models and their paths to the group are the ones a group export carries
  (activities.group_transfer.MODELS), and a person's saved details raise every group they
  belong to (their name shows on its pages);
- every POST (or other unsafe request) by a signed-in person to a page of the group raises
  it after the view has run, which also covers bulk writes that send no signals
  (QuerySet.update, bulk_create).

The version lives in the group's row, which every page reads anyway to check access: it
costs a page nothing, and every server process sees the same version. A write holds the
group's row until it commits, so writes within one group take turns; at a coordination
group's pace that costs nothing, and the version is exact: it changes in the transaction
that changes the data, and a rollback takes both back.
"""

from django.db.models import F
from django.db.models.signals import m2m_changed, post_save, pre_delete

from .models import CoordinationGroup, User

# Saving only these fields changes nothing any group page shows.
UNSHOWN_USER_FIELDS = frozenset(
    {
        "last_login",
        "password",
        "session_generation",
        "language",
        "muted_notifications",
        "daily_digest",
    }
)


def touch_groups(**lookup):
    """Raise the data version of the groups matching the lookup (pk=…, slug=…, pk__in=…)."""
    CoordinationGroup.objects.filter(**lookup).update(data_version=F("data_version") + 1)


class GroupChangesMiddleware:
    """After an unsafe request by a signed-in person to a page under /grupp/<slug>/, the
    group's pages are stale: raise its version. Also after an error, since a view may have
    written before it failed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD", "OPTIONS", "TRACE"):
            match = getattr(request, "resolver_match", None)
            slug = match.kwargs.get("slug") if match is not None else None
            user = getattr(request, "user", None)
            if slug and user is not None and user.is_authenticated:
                touch_groups(slug=slug)
        return response


def _user_saved(sender, instance, update_fields=None, created=False, **kwargs):
    if created or (update_fields is not None and set(update_fields) <= UNSHOWN_USER_FIELDS):
        return
    touch_groups(memberships__user=instance)


def watch(model, lookup):
    """Raise the group's version whenever a row of `model` is saved, deleted (before, while
    the row still leads to its group) or has its many-to-many links changed. `lookup` is
    the path from the model to its group ("pk" for the group itself)."""
    path = f"{lookup}_id"

    def changed(sender, instance, **kwargs):
        if lookup == "pk":
            touch_groups(pk=instance.pk)
        else:
            touch_groups(pk__in=model._base_manager.filter(pk=instance.pk).values(path))

    def links_changed(sender, instance, action, **kwargs):
        if action.startswith("post_") and isinstance(instance, model):
            changed(sender, instance)

    uid = f"group_changes_{model._meta.label_lower}"
    post_save.connect(changed, sender=model, weak=False, dispatch_uid=uid + "_save")
    pre_delete.connect(changed, sender=model, weak=False, dispatch_uid=uid + "_delete")
    for field in model._meta.local_many_to_many:
        m2m_changed.connect(
            links_changed, sender=field.remote_field.through, weak=False, dispatch_uid=uid
        )


def connect():
    post_save.connect(_user_saved, sender=User, dispatch_uid="group_changes_user")
