"""A group's data version: raised by every change to what the group's pages show, so that
page parts rendered for one version are never shown after a change (samordning.fragments).

Two ways a change reaches it, so that neither has to be complete alone:
- every row of a model that belongs to a group, saved or deleted anywhere (a page, a
  command, a task, the shell), raises its group's version in the same transaction; the
  models and their paths to the group are the ones a group export carries
  (activities.group_transfer.MODELS). A row moved to another group (an organisation to a
  new group, say) raises the group it left as well, before it is saved. A person's saved
  details, or their deletion, raise every group they belong to or are named in (as the
  author of an answer, a comment, a transition, a record, a published version: every
  watched model's link to a person), since their name shows on its pages;
- every POST (or other unsafe request) by a signed-in person to a page of the group raises
  it after the view has run, which also covers bulk writes that send no signals
  (QuerySet.update, bulk_create).

The version lives in the group's row, which every page reads anyway to check access: it
costs a page nothing, and every server process sees the same version. A write holds the
group's row until it commits, so writes within one group take turns; at a coordination
group's pace that costs nothing, and the version is exact: it changes in the transaction
that changes the data, and a rollback takes both back.
"""

from django.db.models import F, Q
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save

from .models import CoordinationGroup, Membership, User

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


# (model, field linking to a person, path from the model to its group), from watch().
_NAMING = []


def touch_groups_showing(user):
    """Raise every group whose pages may show the person: where they are a member, or
    named by a row of a watched model. One statement; each part is an indexed lookup by
    the person's id."""
    shown = Q(pk__in=Membership.objects.filter(user=user.pk).values("group"))
    for model, field, lookup in _NAMING:
        shown |= Q(pk__in=model._base_manager.filter(**{field: user.pk}).values(lookup))
    touch_groups(pk__in=CoordinationGroup.objects.filter(shown).values("pk"))


def _user_saved(sender, instance, update_fields=None, created=False, **kwargs):
    if created or (update_fields is not None and set(update_fields) <= UNSHOWN_USER_FIELDS):
        return
    touch_groups_showing(instance)


def _user_deleted(sender, instance, **kwargs):
    # Before the deletion clears the person's links (SET_NULL is a bulk update, sending
    # nothing for the rows it changes).
    touch_groups_showing(instance)


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

    def moving(sender, instance, **kwargs):
        # The group the row belongs to before the save: the one it may be leaving.
        if not instance._state.adding:
            changed(sender, instance)

    def links_changed(sender, instance, action, **kwargs):
        if action.startswith("post_") and isinstance(instance, model):
            changed(sender, instance)

    uid = f"group_changes_{model._meta.label_lower}"
    if lookup != "pk":
        pre_save.connect(moving, sender=model, weak=False, dispatch_uid=uid + "_move")
    post_save.connect(changed, sender=model, weak=False, dispatch_uid=uid + "_save")
    pre_delete.connect(changed, sender=model, weak=False, dispatch_uid=uid + "_delete")
    for field in model._meta.local_many_to_many:
        m2m_changed.connect(
            links_changed, sender=field.remote_field.through, weak=False, dispatch_uid=uid
        )
    for field in model._meta.concrete_fields:
        naming = (model, field.attname, lookup)
        if field.is_relation and field.related_model is User and naming not in _NAMING:
            _NAMING.append(naming)


def connect():
    post_save.connect(_user_saved, sender=User, dispatch_uid="group_changes_user")
    pre_delete.connect(_user_deleted, sender=User, dispatch_uid="group_changes_user_delete")
