"""A group's data version: raised by every change to what the group's pages show, so that
page parts rendered for one version are never shown after a change (samordning.fragments).

Every model whose rows show on a group's pages says so in its own class, with its path to
the group (`group_path = "period__group"`; "pk" for the group itself), and takes its
managers from GroupScopedQuerySet. From that declaration alone:
- a row saved or deleted anywhere (a page, a command, a task, the shell) raises its group's
  version (signals, connected by connect(); a deletion sends them for every row it
  cascades to). A row moved to another group raises the group it left as well;
- the queryset's update, delete, bulk_create and bulk_update raise the groups of the rows
  they write, in the same transaction as the write (before an update or a delete, while
  the rows still lead to their groups; after a bulk_create), and for rows moved to another
  group both groups;
- a many-to-many link added, removed or cleared raises the groups of the rows on both sides.
A person's details show on the pages of every group they belong to or are named in (as the
author of an answer, a comment, a transition, a record, a published version: every
declared model's link to a person), except the fields in User.FIELDS_SHOWN_NOWHERE; their
saves, deletion and the people queryset's writes raise those groups.

A model with a path to a group that shows on no page kept in the cache says why in its
class (`not_on_group_pages = "…"`); tests/test_group_versions.py walks the model graph and
fails for a model that says neither.

The version lives in the group's row, which every page reads anyway to check access: it
costs a page nothing, and every server process sees the same version. It is written only by
CoordinationGroupQuerySet.raise_data_version (through touch_groups). A write holds the
group's row until it commits, so writes within one group take turns; at a coordination
group's pace that costs nothing, and the version is exact: it changes in the transaction
that changes the data, and a rollback takes both back.
"""

from functools import reduce
from operator import or_

from django.apps import apps
from django.db import models, transaction
from django.db.models import F, Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

# This module is imported by members.models (for GroupScopedQuerySet): it reaches the
# models through the app registry, at call time.


def _model(name):
    return apps.get_model("members", name)


def touch_groups(*conditions, **lookup):
    """Raise the data version of the groups matching the conditions (Q objects) or the
    lookup (pk=…, slug=…, pk__in=…); nothing when given nothing."""
    wanted = [*conditions, *([Q(**lookup)] if lookup else [])]
    if wanted:
        _model("CoordinationGroup").objects.filter(reduce(or_, wanted)).raise_data_version()


def is_declared(model):
    return isinstance(getattr(model, "group_path", None), str)


def _first_hop(model):
    """The model's own field on its path to the group; None for the group itself."""
    if model.group_path == "pk":
        return None
    return model._meta.get_field(model.group_path.split("__", 1)[0])


def _groups_of_rows(queryset):
    """The groups of the rows a queryset finds, as a condition on the groups (a subquery,
    run by the statement that raises them)."""
    return Q(pk__in=queryset.values(queryset.model.group_path))


def _groups_of_objects(model, objs):
    """The groups of rows in memory (just written, or about to be deleted), found from
    each row's own link on its path."""
    hop = _first_hop(model)
    if hop is None:
        return Q(pk__in=[obj.pk for obj in objs if obj.pk is not None])
    ids = {getattr(obj, hop.attname) for obj in objs} - {None}
    rest = model.group_path[len(hop.name) + 2 :]
    if not rest:
        return Q(pk__in=ids)
    return Q(pk__in=hop.related_model._base_manager.filter(pk__in=ids).values(rest))


def _group_ids(queryset):
    """The groups of the rows a queryset finds, read now (a list)."""
    return list(queryset.values_list(queryset.model.group_path, flat=True).order_by().distinct())


def _moves(model, field_names):
    """Whether writing these fields may move a row to another group."""
    hop = _first_hop(model)
    return hop is not None and bool({hop.name, hop.attname} & set(field_names))


# An update locks the rows it finds and writes only those, up to this many (then every row
# its filter finds at the time of writing: a bulk change of that size is no race).
LOCKED_ROWS_AT_MOST = 10_000


class GroupScopedQuerySet(models.QuerySet):
    """The queryset (and, through as_manager or from_queryset, the managers) of a model
    that declares group_path: its writes raise the versions of the groups of the rows they
    write, in the same transaction. Saves, deletions of single rows and link changes are
    covered by the signals connect() attaches to the same declaration."""

    def update(self, **kwargs):
        with transaction.atomic(using=self.db, savepoint=False):
            # The rows first (locked, so the groups read are theirs until the commit), the
            # groups last: the lock order of every write (a row, then its group).
            rows = self.select_for_update(of=("self",)).values_list("pk", self.model.group_path)
            rows = list(rows)
            pks = [pk for pk, _ in rows]
            # Only the rows locked: one that starts to match meanwhile waits for the next
            # write, rather than change without its group's version.
            found = self.filter(pk__in=pks) if len(pks) <= LOCKED_ROWS_AT_MOST else self
            count = models.QuerySet.update(found, **kwargs)
            raised = [Q(pk__in={group for _, group in rows})]
            if _moves(self.model, kwargs):
                raised.append(_groups_of_rows(self.model._base_manager.filter(pk__in=pks)))
            touch_groups(*raised)
        return count

    update.alters_data = True

    def delete(self):
        # Django also sends pre_delete and post_delete for each row (and each row the
        # deletion cascades to), which raise the same groups again: harmless, and it
        # covers the cascade.
        with transaction.atomic(using=self.db, savepoint=False):
            groups = _group_ids(self)
            deleted = super().delete()
            touch_groups(pk__in=groups)
        return deleted

    delete.alters_data = True
    delete.queryset_only = True

    def bulk_create(
        self,
        objs,
        batch_size=None,
        ignore_conflicts=False,
        update_conflicts=False,
        update_fields=None,
        unique_fields=None,
    ):
        objs = list(objs)
        with transaction.atomic(using=self.db, savepoint=False):
            left = []
            if update_conflicts and unique_fields and objs:
                # Rows the insert will update instead: the groups they are in now.
                left = _group_ids(self._same_rows(objs, unique_fields))
            created = super().bulk_create(
                objs,
                batch_size=batch_size,
                ignore_conflicts=ignore_conflicts,
                update_conflicts=update_conflicts,
                update_fields=update_fields,
                unique_fields=unique_fields,
            )
            if objs:
                touch_groups(_groups_of_objects(self.model, objs), Q(pk__in=left))
        return created

    def bulk_update(self, objs, fields, batch_size=None):
        objs = list(objs)
        rows = self.model._base_manager.filter(pk__in=[obj.pk for obj in objs])
        with transaction.atomic(using=self.db, savepoint=False):
            left = _group_ids(rows) if _moves(self.model, fields) else []
            count = super().bulk_update(objs, fields, batch_size=batch_size)
            touch_groups(_groups_of_rows(rows), Q(pk__in=left))
        return count

    def _same_rows(self, objs, unique_fields):
        """The rows in the database with the same unique values as the objects."""
        meta = self.model._meta
        names = [meta.pk.attname if f == "pk" else meta.get_field(f).attname for f in unique_fields]
        same = reduce(or_, (Q(**{n: getattr(obj, n) for n in names}) for obj in objs))
        return self.model._base_manager.filter(same)


class CoordinationGroupQuerySet(GroupScopedQuerySet):
    def raise_data_version(self):
        """The one write of data_version (members.changes.touch_groups)."""
        return super(GroupScopedQuerySet, self).update(data_version=F("data_version") + 1)

    def update(self, **kwargs):
        """The group's own details show on its pages: the version rises in the same
        statement. Never sets the version (it would bring back parts kept under versions
        already used)."""
        if "data_version" in kwargs:
            raise ValueError("data_version is only raised, by raise_data_version().")
        return super(GroupScopedQuerySet, self).update(**kwargs, data_version=F("data_version") + 1)

    update.alters_data = True

    def bulk_update(self, objs, fields, batch_size=None):
        if "data_version" in fields:
            raise ValueError("data_version is only raised, by raise_data_version().")
        return super().bulk_update(objs, fields, batch_size=batch_size)

    def bulk_create(self, objs, *args, update_fields=None, **kwargs):
        if update_fields and "data_version" in update_fields:
            raise ValueError("data_version is only raised, by raise_data_version().")
        return super().bulk_create(objs, *args, update_fields=update_fields, **kwargs)


# The person


def groups_showing(user_ids):
    """The ids of every group whose pages may show one of the people (a list or a subquery
    of their ids): where they are a member, or named by a row of a declared model. Each
    part is an indexed lookup by the people's ids."""
    membership = _model("Membership")
    shown = Q(pk__in=membership._base_manager.filter(user__in=user_ids).values("group"))
    for model, field, path in _naming():
        shown |= Q(pk__in=model._base_manager.filter(**{f"{field}__in": user_ids}).values(path))
    return _model("CoordinationGroup")._base_manager.filter(shown).values_list("pk", flat=True)


def touch_groups_showing(user_ids):
    touch_groups(pk__in=groups_showing(user_ids))


def shows_person(field_names):
    """Whether writing these fields of a person changes what a group page shows."""
    user = _model("User")
    return not {user._meta.get_field(name).name for name in field_names} <= (
        user.FIELDS_SHOWN_NOWHERE
    )


class UserQuerySet(models.QuerySet):
    """Writes to people that show on group pages raise those groups' versions
    (touch_groups_showing), in the same transaction and after the write; new people show
    nowhere yet."""

    def update(self, **kwargs):
        if not shows_person(kwargs):
            return super().update(**kwargs)
        with transaction.atomic(using=self.db, savepoint=False):
            count = super().update(**kwargs)
            touch_groups_showing(self.values("pk"))
        return count

    update.alters_data = True

    def delete(self):
        with transaction.atomic(using=self.db, savepoint=False):
            # Before the deletion clears the links that name them.
            groups = list(groups_showing(self.values("pk")))
            deleted = super().delete()
            touch_groups(pk__in=groups)
        return deleted

    delete.alters_data = True
    delete.queryset_only = True

    def bulk_update(self, objs, fields, batch_size=None):
        objs = list(objs)
        if not shows_person(fields):
            return super().bulk_update(objs, fields, batch_size=batch_size)
        with transaction.atomic(using=self.db, savepoint=False):
            count = super().bulk_update(objs, fields, batch_size=batch_size)
            touch_groups_showing([obj.pk for obj in objs])
        return count


_NAMING_FOUND = []


def _naming():
    """(model, field linking to a person, path to the group) of every declared model."""
    if not _NAMING_FOUND:
        user = _model("User")
        _NAMING_FOUND.extend(
            (model, field.attname, model.group_path)
            for model in apps.get_models()
            if is_declared(model)
            for field in model._meta.concrete_fields
            if field.is_relation and field.related_model is user
        )
    return _NAMING_FOUND


def _user_saved(sender, instance, update_fields=None, created=False, **kwargs):
    if created or (update_fields is not None and not shows_person(update_fields)):
        return
    touch_groups_showing([instance.pk])


def _user_deleting(sender, instance, **kwargs):
    # Before the deletion clears the person's links (SET_NULL is a bulk update, sending
    # nothing for the rows it changes); raised after it.
    instance._groups_showing = list(groups_showing([instance.pk]))


def _user_deleted(sender, instance, **kwargs):
    touch_groups(pk__in=instance.__dict__.pop("_groups_showing", []))


# The rows of declared models


def _row_saving(sender, instance, update_fields=None, **kwargs):
    """Before a row that may move to another group is saved: the group it is in now."""
    if instance._state.adding or (update_fields is not None and not _moves(sender, update_fields)):
        return
    if _first_hop(sender) is not None:
        rows = sender._base_manager.filter(pk=instance.pk)
        instance._groups_before = list(rows.values_list(sender.group_path, flat=True))


def _row_saved(sender, instance, **kwargs):
    left = instance.__dict__.pop("_groups_before", [])
    touch_groups(_groups_of_objects(sender, [instance]), Q(pk__in=left))


def _row_deleting(sender, instance, **kwargs):
    # Before the deletion, while the row (and every row on its path) still leads to the
    # group; raised after it.
    hop = _first_hop(sender)
    if hop is None:
        instance._groups_before = [instance.pk]
    elif hop.name == sender.group_path:
        instance._groups_before = [getattr(instance, hop.attname)]
    else:
        rows = sender._base_manager.filter(pk=instance.pk)
        instance._groups_before = list(rows.values_list(sender.group_path, flat=True))


def _row_deleted(sender, instance, **kwargs):
    touch_groups(pk__in=instance.__dict__.pop("_groups_before", []))


def _links_changed(sender, instance, action, model, pk_set, **kwargs):
    """A link of a many-to-many field of a declared model added, removed or cleared (from
    either side): the groups of the rows on both sides, after the change."""
    this = instance._meta.model
    if action == "pre_clear" and is_declared(model):
        # The rows linked until now.
        own = next(f for f in sender._meta.fields if f.related_model is this)
        other = next(f for f in sender._meta.fields if f.related_model is model and f != own)
        linked = sender._base_manager.filter(**{own.attname: instance.pk}).values(other.attname)
        instance._groups_linked = _group_ids(model._base_manager.filter(pk__in=linked))
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    raised = [Q(pk__in=instance.__dict__.pop("_groups_linked", []))]
    if is_declared(this):
        raised.append(_groups_of_objects(this, [instance]))
    if pk_set and is_declared(model):
        raised.append(_groups_of_rows(model._base_manager.filter(pk__in=pk_set)))
    touch_groups(*raised)


def connect():
    user = _model("User")
    post_save.connect(_user_saved, sender=user, dispatch_uid="group_changes_user")
    pre_delete.connect(_user_deleting, sender=user, dispatch_uid="group_changes_user_deleting")
    post_delete.connect(_user_deleted, sender=user, dispatch_uid="group_changes_user_delete")
    for model in apps.get_models():
        if not is_declared(model):
            continue
        uid = f"group_changes_{model._meta.label_lower}"
        pre_save.connect(_row_saving, sender=model, dispatch_uid=uid + "_move")
        post_save.connect(_row_saved, sender=model, dispatch_uid=uid + "_save")
        pre_delete.connect(_row_deleting, sender=model, dispatch_uid=uid + "_deleting")
        post_delete.connect(_row_deleted, sender=model, dispatch_uid=uid + "_delete")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                _links_changed, sender=field.remote_field.through, dispatch_uid=uid + field.name
            )
