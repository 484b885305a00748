"""What a group file may carry, and the check that a file carries nothing else.

The file names the models it declares (MODELS, and the people), and per model exactly the
fields the export writes (declared_fields). An import trusts nothing beyond that: a row of
another model (a two-step verification device, a permission), a field the export does not
write (a person's staff or superuser right), a missing field, a value of the wrong kind or
a link to a row the file does not carry refuses the whole file before anything is written.
"""

import base64
import binascii

from django.db.models import FileField

from activities.models import (
    Activity,
    Answer,
    AnswerVersion,
    Collaboration,
    Comment,
    Need,
    Period,
    PublishRequest,
    Question,
    RelatedReport,
    Reminder,
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
from activities.records.kinds import KINDS
from members.models import (
    AuditEvent,
    CoordinationGroup,
    Invitation,
    Membership,
    Organisation,
    OutgoingMail,
    User,
)

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
# Belong to a group but are transient: the mail queue, invitations (one-time links that
# name the old address of the site), and the coordinator's reminders (they only keep a
# second reminder from going out within 24 hours; the audit log keeps that they were sent),
# and requests to publish a report (the versions they made are carried).
LEFT_OUT = [OutgoingMail, Invitation, Reminder, PublishRequest]
# Rights and standing in the installation rather than in the group, and the sessions'
# sign-out counter. A person new to the installation is created active and without
# rights; a person who already has an account keeps it as it is.
USER_FIELDS_LEFT_OUT = {
    "is_superuser",
    "is_staff",
    "is_active",
    "groups",
    "user_permissions",
    "session_generation",
    "blocked_at",
}
# References to rows that come later in the file, linked once every row is in: the group
# names its issuing organisation, one of its own organisations, which follow it.
LINKED_LAST = {(CoordinationGroup, "issuing_organisation")}
# The version of the group's shared page parts is the installation's own (members.changes).
FIELDS_LEFT_OUT = {User: USER_FIELDS_LEFT_OUT, CoordinationGroup: {"data_version"}}

TOP_LEVEL = {"format", "version", "exported_at", "group", "rows"}
ROW_KEYS = {"model", "pk", "fields", "files"}
INTEGERS = {
    "IntegerField",
    "SmallIntegerField",
    "BigIntegerField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "PositiveBigIntegerField",
    "ForeignKey",
}


class TransferError(Exception):
    """The group cannot be exported or the file cannot be imported; the message says why."""


def declared_fields(model):
    """The fields a row of the model carries in the file: every field but the primary key
    and the ones left out on purpose."""
    return [
        f
        for f in [*model._meta.local_fields, *model._meta.local_many_to_many]
        if not f.primary_key and f.name not in FIELDS_LEFT_OUT.get(model, ())
    ]


def file_fields(model):
    return [f for f in model._meta.concrete_fields if isinstance(f, FileField)]


def check_file(data):
    """Refuse a file that carries anything the export does not write. Returns the rows and,
    per row, its files decoded: {row index: {field name: bytes}}."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise TransferError("The file is not an export of a coordination group.")
    if data.get("version") != FORMAT_VERSION:
        raise TransferError(
            f"The file has format version {data.get('version')!r}; "
            f"this installation reads version {FORMAT_VERSION}."
        )
    unknown = sorted(data.keys() - TOP_LEVEL)
    if unknown:
        raise TransferError(
            f"The file carries “{unknown[0]}”, which a group export does not write."
        )
    rows = data.get("rows")
    if not isinstance(rows, list) or not rows or not all(isinstance(r, dict) for r in rows):
        raise TransferError("The file carries no rows.")
    labels = {m._meta.label_lower: m for m in [User, *(m for m, _ in MODELS)]}
    models = [_row_model(row, index, labels) for index, row in enumerate(rows)]
    everywhere = {(model, row["pk"]) for model, row in zip(models, rows, strict=True)}
    seen = set()  # (model, pk) of the rows so far
    emails = set()
    files = {}
    for index, (model, row) in enumerate(zip(models, rows, strict=True)):
        where = f"{row['model']} {row['pk']}"
        if (model, row["pk"]) in seen:
            raise TransferError(f"{where} appears twice in the file.")
        fields = row["fields"]
        for field in declared_fields(model):
            if field.name in fields:
                _check_value(model, field, fields[field.name], where, seen, everywhere)
            elif not field.has_default() and not field.null and not field.many_to_many:
                raise TransferError(f"{where} lacks the field “{field.name}”.")
        _check_belongs(model, fields, where)
        if model is User:
            email = fields.get("email", "").lower()
            if not email or email in emails:
                raise TransferError(f"{where}: the e-mail address is empty or appears twice.")
            emails.add(email)
        if model is Submission:
            _check_snapshot(fields.get("records_snapshot", {}), where)
        files[index] = _files(model, row, where)
        seen.add((model, row["pk"]))
    groups = [row for row in rows if row["model"] == "members.coordinationgroup"]
    if len(groups) != 1:
        raise TransferError("The file must carry exactly one coordination group.")
    return rows, files


def _row_model(row, index, models):
    unknown = row.keys() - ROW_KEYS
    if unknown:
        raise TransferError(
            f"Row {index + 1} carries “{sorted(unknown)[0]}”, which is not part of a row."
        )
    label = row.get("model")
    model = models.get(label) if isinstance(label, str) else None
    if model is None:
        raise TransferError(
            f"Row {index + 1} is a row of “{label}”, which a group file does not "
            "carry (only the group's own models and its people; never rights, sessions or "
            "two-step verification devices)."
        )
    if not _is_integer(row.get("pk")) or not isinstance(row.get("fields"), dict):
        raise TransferError(f"Row {index + 1} ({row['model']}) lacks a number or its fields.")
    declared = {f.name for f in declared_fields(model)}
    for name in row["fields"]:
        if name not in declared:
            if model is User and name in USER_FIELDS_LEFT_OUT:
                raise TransferError(
                    f"{row['model']} {row['pk']} carries “{name}”: rights and standing in "
                    "an installation never travel with a group."
                )
            raise TransferError(
                f"{row['model']} {row['pk']} carries the field “{name}”, which a group "
                "export does not write."
            )
    return model


def _check_value(model, field, value, where, seen, everywhere):
    kind = field.get_internal_type()
    wrong = f"{where}: the field “{field.name}” holds {value!r}"
    if value is None:
        if not field.null:
            raise TransferError(f"{wrong}, but it may not be empty.")
        return
    if field.many_to_many:
        if not isinstance(value, list) or not all(_is_integer(pk) for pk in value):
            raise TransferError(f"{wrong}, not a list of row numbers.")
        for pk in value:
            _check_reference(field.related_model, pk, where, seen, everywhere)
        return
    if kind == "BooleanField":
        ok = isinstance(value, bool)
    elif kind in INTEGERS:
        ok = _is_integer(value)
    elif kind == "JSONField":  # a list or a dict where the model starts from one
        ok = not field.has_default() or isinstance(value, type(field.get_default()))
    else:
        ok = isinstance(value, str)
    if not ok:
        raise TransferError(f"{wrong}, a value of the wrong kind.")
    if field.is_relation:
        # A row of the same model (a comment's thread), or one LINKED_LAST names, may
        # come later: it is linked last.
        linked_last = field.related_model is model or (model, field.name) in LINKED_LAST
        earlier = everywhere if linked_last else seen
        _check_reference(field.related_model, value, where, earlier, everywhere)
        return
    choices = {choice for choice, _ in field.flatchoices}
    if choices and value not in choices and not (value == "" and field.blank):
        raise TransferError(f"{wrong}, which is not one of its choices.")
    if isinstance(value, str) and field.max_length and len(value) > field.max_length:
        raise TransferError(f"{where}: the field “{field.name}” is longer than it may be.")


def _check_reference(model, pk, where, earlier, everywhere):
    if (model, pk) not in earlier:
        place = "only after it" if (model, pk) in everywhere else "nowhere"
        raise TransferError(
            f"{where} refers to {model._meta.label_lower} {pk}, which the file carries {place}."
        )


def _check_belongs(model, fields, where):
    """Every row hangs from the group (an audit line without a group would be the
    installation's own)."""
    lookup = dict(MODELS).get(model, "pk")
    if lookup != "pk" and fields.get(lookup.split("__")[0]) is None:
        raise TransferError(f"{where} does not belong to the group.")


def _check_snapshot(snapshot, where):
    """The records frozen at approval: per kind of record, a list of records by number."""
    if not isinstance(snapshot, dict) or not all(
        slug in KINDS
        and isinstance(records, list)
        and all(isinstance(r, dict) and _is_integer(r.get("id")) for r in records)
        for slug, records in snapshot.items()
    ):
        raise TransferError(f"{where}: the approved records are not in the export's form.")


def _files(model, row, where):
    carried = row.get("files", {})
    if not isinstance(carried, dict):
        raise TransferError(f"{where}: its files are not in the export's form.")
    names = {f.name for f in file_fields(model)}
    decoded = {}
    for name, content in carried.items():
        if name not in names or not row["fields"].get(name):
            raise TransferError(f"{where} carries a file “{name}” it does not name.")
        try:
            decoded[name] = base64.b64decode(content, validate=True)
        except (binascii.Error, TypeError, ValueError) as error:
            raise TransferError(f"{where}: the file “{name}” is damaged.") from error
    for name in names:
        if row["fields"].get(name) and name not in decoded:
            raise TransferError(f"{where} names the file “{name}” but does not carry it.")
    return decoded


def _is_integer(value):
    return isinstance(value, int) and not isinstance(value, bool)
