"""Moving a whole coordination group to another installation: one JSON document with the
group, its people, answers, records, reports and stored files, and the import that builds
it again under new primary keys.

The models are walked, not listed field by field: a new field is carried without a change
here, a new model that belongs to a group has to be added to MODELS (or LEFT_OUT), both in
group_transfer_format. The import reads only what the export writes: the declared models
and, per model, the declared fields; a file carrying anything else (another model such as
a two-step verification device, a person's staff, superuser or active flag, a missing
field, a value of the wrong kind, a link to a row it does not carry) is refused whole
before a row or a file is written.
"""

import base64
import datetime
import decimal
import posixpath
import uuid
from collections import Counter

from django.apps import apps
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.serializers.base import DeserializationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from activities.models import Submission
from activities.records.kinds import KINDS
from members.emails import canonical_email
from members.models import AuditEvent, CoordinationGroup, Membership, User

from .format import (
    FORMAT,
    FORMAT_VERSION,
    LEFT_OUT,
    LINKED_LAST,
    MODELS,
    TransferError,
    check_file,
    declared_fields,
    file_fields,
)

__all__ = ["LEFT_OUT", "MODELS", "TransferError", "export_group", "import_group", "summary"]

HELP = (
    "Carries the group and its settings, organisations, target groups, memberships, the "
    "members' accounts (e-mail, names, language, notification choices and password hash; "
    "people who are named in the group's history without being members, and closed "
    "accounts, come without a password), periods, questions, submissions with answers, "
    "answer versions, transitions and comments, records with their files, reports with "
    "every published version and its PDF and Word files, and the group's audit log. Left "
    "out: sessions, the mail queue, invitations, sign-in attempts, two-step verification "
    "devices and the installation's own rights and standing (staff, superuser, active, "
    "permission groups)."
)


# Export


def export_group(group):
    """The whole group as a JSON-ready dict."""
    found = [
        (model, list(model._default_manager.filter(**{lookup: group.pk}).order_by("pk")))
        for model, lookup in MODELS
    ]
    members = set(Membership.objects.filter(group=group).values_list("user_id", flat=True))
    named = {
        getattr(obj, field.attname)
        for model, objs in found
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model is User
        for obj in objs
    }
    users = list(User.objects.filter(pk__in=members | named).order_by("pk"))
    rows = _rows(User, users)
    for row, user in zip(rows, users, strict=True):
        if row["pk"] not in members or not user.is_active:
            # Not a member, or an account closed here: nobody signs in with it there.
            row["fields"]["password"] = ""
    for model, objs in found:
        rows += _rows(model, objs)
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "exported_at": timezone.now().isoformat(),
        "group": group.slug,
        "rows": rows,
    }


def _rows(model, objs):
    fields = [f.name for f in declared_fields(model)]
    rows = serializers.serialize("python", objs, fields=fields)
    for row, obj in zip(rows, objs, strict=True):
        row["fields"] = {name: _plain(value) for name, value in row["fields"].items()}
        files = {}
        for field in file_fields(model):
            stored = getattr(obj, field.name)
            if not stored:
                continue
            if not stored.storage.exists(stored.name):
                raise TransferError(f"{row['model']} {obj.pk}: the file {stored.name} is missing.")
            with stored.open("rb") as handle:
                files[field.name] = base64.b64encode(handle.read()).decode("ascii")
        if files:
            row["files"] = files
    return rows


def _plain(value):
    """A field value as JSON writes it; times keep their microseconds."""
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    return value


# Import


def import_group(data):
    """Build the group from an export. The file is checked whole first and refused if it
    carries anything the export does not write (group_transfer_format.check_file); then one
    transaction: all of it or nothing, and the files written for a failed import are
    removed again.

    People are matched by e-mail address (in any case); an existing account is used as it
    is, its password, rights, preferences and devices unchanged. A new person comes active
    and without rights in the installation."""
    rows, files = check_file(data)
    slug = next(r["fields"]["slug"] for r in rows if r["model"] == "members.coordinationgroup")
    if CoordinationGroup.objects.filter(slug=slug).exists():
        raise TransferError(f"A group with the short address “{slug}” already exists.")
    written = []
    try:
        with transaction.atomic():
            return _load(rows, files, written)
    except BaseException as error:
        for storage, name in written:
            storage.delete(name)
        if isinstance(error, IntegrityError):
            raise TransferError(f"The file breaks a rule of the database: {error}") from error
        raise


def _load(rows, files, written):
    new_pks = {}  # model -> {old pk: new pk}
    self_references = []
    try:
        loaded = list(serializers.deserialize("python", rows))
    except (DeserializationError, ValidationError) as error:
        raise TransferError(f"The file cannot be read: {error}") from error
    for index, (row, item) in enumerate(zip(rows, loaded, strict=True)):
        obj, model = item.object, type(item.object)
        old_pk = obj.pk
        if model is User:
            existing = User.objects.by_email(obj.email).first()
            if existing is not None:
                new_pks.setdefault(User, {})[old_pk] = existing.pk
                continue
            obj.email = canonical_email(obj.email)
            # Never carried (check_file refuses them); set here too, as the rule.
            obj.is_active, obj.is_staff, obj.is_superuser = True, False, False
            if not obj.password:
                obj.set_unusable_password()
        obj.pk = None
        for field in model._meta.concrete_fields:
            old = getattr(obj, field.attname) if field.is_relation else None
            if old is None:
                continue
            if field.related_model is model or (model, field.name) in LINKED_LAST:
                setattr(obj, field.attname, None)  # set once every row of the model is in
                self_references.append((obj, field, old))
            else:
                setattr(obj, field.attname, _new_pk(new_pks, field.related_model, old, row))
        if model is Submission:
            obj.records_snapshot = _snapshot(obj.records_snapshot, new_pks)
        elif model is AuditEvent:
            obj.object_id = _audited_object(obj, new_pks)
        for name, content in files[index].items():
            stored = getattr(obj, name)
            stored.save(posixpath.basename(stored.name), ContentFile(content), save=False)
            written.append((stored.storage, stored.name))
        # raw: keeps auto_now and auto_now_add values as they were exported.
        obj.save_base(raw=True, force_insert=True)
        new_pks.setdefault(model, {})[old_pk] = obj.pk
        for name, old_pks in (item.m2m_data or {}).items():
            related = model._meta.get_field(name).related_model
            getattr(obj, name).set([_new_pk(new_pks, related, pk, row) for pk in old_pks])
    for obj, field, old in self_references:
        type(obj)._default_manager.filter(pk=obj.pk).update(
            **{field.attname: _new_pk(new_pks, field.related_model, old, None)}
        )
    return CoordinationGroup.objects.get(pk=next(iter(new_pks[CoordinationGroup].values())))


def _new_pk(new_pks, model, old, row):
    try:
        return new_pks[model][old]
    except KeyError:
        where = f"{row['model']} {row['pk']}" if row else model._meta.label_lower
        raise TransferError(
            f"{where} refers to {model._meta.label_lower} {old}, which the file does not carry."
        ) from None


def _snapshot(snapshot, new_pks):
    """The records frozen at approval name their records by primary key."""
    by_slug = {slug: spec.model for slug, spec in KINDS.items()}
    return {
        slug: [
            {**row, "id": new_pks.get(by_slug.get(slug), {}).get(row.get("id"), row.get("id"))}
            for row in records
        ]
        for slug, records in snapshot.items()
    }


def _audited_object(event, new_pks):
    """The audited object's new primary key; blank when it did not come along, so that
    the line never points at an unrelated row."""
    if not event.object_type or not event.object_id:
        return event.object_id
    try:
        model = apps.get_model(event.object_type)
        old = model._meta.pk.to_python(event.object_id)
    except (LookupError, ValueError, ValidationError):
        return ""
    new = new_pks.get(model, {}).get(old)
    return "" if new is None else str(new)


def summary(rows):
    """Rows per model, for the commands to print."""
    counts = Counter(row["model"] for row in rows)
    return ", ".join(f"{count} {label}" for label, count in counts.items())
