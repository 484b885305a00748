"""Moving a whole coordination group to another installation: one JSON document with the
group, its people, answers, records, reports and stored files, and the import that builds
it again under new primary keys.

The models are walked, not listed field by field: a new field is carried without a change
here, a new model that belongs to a group has to be added to MODELS (or LEFT_OUT).
"""

import base64
import binascii
import datetime
import decimal
import posixpath
import uuid
from collections import Counter

from django.apps import apps
from django.core import serializers
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.files.base import ContentFile
from django.core.serializers.base import DeserializationError
from django.db import transaction
from django.db.models import FileField
from django.utils import timezone

from members.emails import canonical_email
from members.models import (
    AuditEvent,
    CoordinationGroup,
    Invitation,
    Membership,
    Organisation,
    OutgoingMail,
    User,
)

from .models import (
    Activity,
    Answer,
    AnswerVersion,
    Collaboration,
    Comment,
    Need,
    Period,
    Question,
    RelatedReport,
    Report,
    ReportContact,
    ReportSection,
    ReportSignatory,
    ReportVersion,
    SteeringDocument,
    Submission,
    TargetGroup,
    Transition,
)
from .record_kinds import KINDS

FORMAT = "samordning-group"
FORMAT_VERSION = 1

# Every model that belongs to a group and how its rows are found, in an order where each
# row's foreign keys point at rows before it (records before the submissions whose
# snapshots name them, the audit log last). The people come first, found separately.
MODELS = [
    (CoordinationGroup, "pk"),
    (Organisation, "group"),
    (TargetGroup, "group"),
    (Membership, "group"),
    (Activity, "organisation__group"),
    (SteeringDocument, "organisation__group"),
    (Collaboration, "organisation__group"),
    (Need, "organisation__group"),
    (Period, "group"),
    (Question, "period__group"),
    (Submission, "period__group"),
    (Answer, "submission__period__group"),
    (AnswerVersion, "answer__submission__period__group"),
    (Transition, "submission__period__group"),
    (Comment, "submission__period__group"),
    (Report, "group"),
    (ReportSignatory, "report__group"),
    (ReportSection, "report__group"),
    (RelatedReport, "report__group"),
    (ReportContact, "report__group"),
    (ReportVersion, "report__group"),
    (AuditEvent, "group"),
]
# Belong to a group but are transient: the mail queue, and invitations (one-time links
# that name the old address of the site).
LEFT_OUT = [OutgoingMail, Invitation]
# Rights in the installation rather than in the group, and the sessions' sign-out counter.
USER_FIELDS_LEFT_OUT = {
    "is_superuser",
    "is_staff",
    "groups",
    "user_permissions",
    "session_generation",
}
# The version of the group's shared page parts is the installation's own (members.changes).
FIELDS_LEFT_OUT = {User: USER_FIELDS_LEFT_OUT, CoordinationGroup: {"data_version"}}

HELP = (
    "Carries the group and its settings, organisations, target groups, memberships, the "
    "members' accounts (e-mail, names, language, notification choices and password hash; "
    "people who are named in the group's history without being members come without a "
    "password), periods, questions, submissions with answers, answer versions, transitions "
    "and comments, records with their files, reports with every published version and its "
    "PDF and Word files, and the group's audit log. Left out: sessions, the mail queue, "
    "invitations, sign-in attempts and the installation's own rights (staff, superuser)."
)


class TransferError(Exception):
    """The group cannot be exported or the file cannot be imported; the message says why."""


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
        for field in _foreign_keys(model)
        if field.related_model is User
        for obj in objs
    }
    users = list(User.objects.filter(pk__in=members | named).order_by("pk"))
    rows = _rows(User, users)
    for row in rows:
        if row["pk"] not in members:
            row["fields"]["password"] = ""  # not a member: nobody signs in with it here
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
    fields = [
        f.name
        for f in [*model._meta.local_fields, *model._meta.local_many_to_many]
        if not f.primary_key and f.name not in FIELDS_LEFT_OUT.get(model, ())
    ]
    rows = serializers.serialize("python", objs, fields=fields)
    for row, obj in zip(rows, objs, strict=True):
        row["fields"] = {name: _plain(value) for name, value in row["fields"].items()}
        files = {}
        for field in _file_fields(model):
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
    """Build the group from an export. One transaction: all of it or nothing, and the
    files written for a failed import are removed again.

    People are matched by e-mail address (in any case); an existing account is used as it
    is, its password and preferences unchanged."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise TransferError("The file is not an export of a coordination group.")
    if data.get("version") != FORMAT_VERSION:
        raise TransferError(
            f"The file has format version {data.get('version')!r}; "
            f"this installation reads version {FORMAT_VERSION}."
        )
    rows = data.get("rows")
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise TransferError("The file carries no rows.")
    slug = next(
        (
            r.get("fields", {}).get("slug")
            for r in rows
            if r.get("model") == "members.coordinationgroup"
        ),
        None,
    )
    if slug is None:
        raise TransferError("The file carries no coordination group.")
    if CoordinationGroup.objects.filter(slug=slug).exists():
        raise TransferError(f"A group with the short address “{slug}” already exists.")
    written = []
    try:
        with transaction.atomic():
            return _load(rows, written)
    except BaseException:
        for storage, name in written:
            storage.delete(name)
        raise


def _load(rows, written):
    new_pks = {}  # model -> {old pk: new pk}
    self_references = []
    try:
        loaded = list(serializers.deserialize("python", rows))
    except (DeserializationError, FieldDoesNotExist, LookupError, ValidationError) as error:
        raise TransferError(f"The file cannot be read: {error}") from error
    except (KeyError, TypeError) as error:
        raise TransferError(f"The file cannot be read: a row lacks {error}.") from error
    for row, item in zip(rows, loaded, strict=True):
        obj, model = item.object, type(item.object)
        old_pk = obj.pk
        if model is User:
            existing = User.objects.by_email(obj.email).first()
            if existing is not None:
                new_pks.setdefault(User, {})[old_pk] = existing.pk
                continue
            obj.email = canonical_email(obj.email)
            if not obj.password:
                obj.set_unusable_password()
        obj.pk = None
        for field in _foreign_keys(model):
            old = getattr(obj, field.attname)
            if old is None:
                continue
            if field.related_model is model:
                setattr(obj, field.attname, None)  # set once every row of the model is in
                self_references.append((obj, field, old))
            else:
                setattr(obj, field.attname, _new_pk(new_pks, field.related_model, old, row))
        if model is Submission:
            obj.records_snapshot = _snapshot(obj.records_snapshot, new_pks)
        elif model is AuditEvent:
            obj.object_id = _audited_object(obj, new_pks)
        for field in _file_fields(model):
            stored = getattr(obj, field.name)
            if field.name not in row.get("files", {}):
                stored.name = ""
                continue
            try:
                content = ContentFile(base64.b64decode(row["files"][field.name], validate=True))
            except (binascii.Error, TypeError) as error:
                raise TransferError(f"{row['model']} {row['pk']}: the file is damaged.") from error
            stored.save(posixpath.basename(stored.name), content, save=False)
            written.append((stored.storage, stored.name))
        # raw: keeps auto_now and auto_now_add values as they were exported.
        obj.save_base(raw=True, force_insert=True)
        new_pks.setdefault(model, {})[old_pk] = obj.pk
        for name, old_pks in (item.m2m_data or {}).items():
            related = model._meta.get_field(name).related_model
            getattr(obj, name).set([_new_pk(new_pks, related, pk, row) for pk in old_pks])
    for obj, field, old in self_references:
        type(obj)._base_manager.filter(pk=obj.pk).update(
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


def _foreign_keys(model):
    return [f for f in model._meta.concrete_fields if f.is_relation]


def _file_fields(model):
    return [f for f in model._meta.concrete_fields if isinstance(f, FileField)]


def summary(rows):
    """Rows per model, for the commands to print."""
    counts = Counter(row["model"] for row in rows)
    return ", ".join(f"{count} {label}" for label, count in counts.items())
