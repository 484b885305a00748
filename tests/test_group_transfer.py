"""Moving a group to another installation: export_group writes one file, import_group
builds the group again under new primary keys."""

import hashlib
import json
import shutil
from datetime import UTC, datetime
from io import StringIO

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import FileField
from django.urls import reverse

from activities.models import (
    Activity,
    Collaboration,
    Comment,
    Need,
    Period,
    PublishRequest,
    Reminder,
    Report,
    ReportVersion,
    SteeringDocument,
    Submission,
)
from activities.records.kinds import KINDS
from activities.transfer import services as group_transfer
from members import audit
from members.models import (
    AuditEvent,
    CoordinationGroup,
    Invitation,
    Membership,
    Organisation,
    OutgoingMail,
    Role,
    User,
)
from samordning.demo.loader import DEMO_PASSWORD, load_demo

from .conftest import PASSWORD, answer, make_period, make_records, make_report, make_version

APPS = ("members", "activities")
# Rows the commands add themselves, and the models the export leaves out on purpose.
COMMAND_EVENTS = "activities.group."
NOT_CARRIED = (OutgoingMail, Invitation, Reminder, PublishRequest)
MOMENT = datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=UTC)


def _models(include_auto_created=False):
    return [
        model
        for label in APPS
        for model in apps.get_app_config(label).get_models(include_auto_created)
        if model not in NOT_CARRIED
    ]


def _rows_of(model):
    rows = model._base_manager.all()
    if model is AuditEvent:
        rows = rows.filter(group__isnull=False).exclude(action__startswith=COMMAND_EVENTS)
    return rows


def _counts():
    return {model._meta.label: _rows_of(model).count() for model in _models(True)}


def _sha(stored):
    with stored.open("rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def _state():
    """Every row of both apps described without primary keys: a foreign key as the digest
    of the row it points at, a file as the sha256 of its bytes. Equal before an export and
    after the import only if every row, link, time and byte came back."""
    digests = {}

    def digest(model, pk):
        if digests.get((model, pk)) == "":  # a cycle (the group's issuing organisation)
            return f"{model._meta.label} in a cycle"
        if (model, pk) not in digests:
            digests[model, pk] = ""
            digests[model, pk] = hashlib.sha256(
                json.dumps(describe(model._base_manager.get(pk=pk)), default=str).encode()
            ).hexdigest()
        return digests[model, pk]

    def describe(obj):
        row = {"model": obj._meta.label}
        for field in obj._meta.concrete_fields:
            value = getattr(obj, field.attname)
            if field.primary_key or field.name == "data_version":  # the installation's own
                continue
            if field.is_relation and value is not None:
                value = digest(field.related_model, value)
            elif isinstance(field, FileField):
                value = _sha(getattr(obj, field.name)) if value else ""
            row[field.name] = value
        for field in obj._meta.many_to_many:
            pks = getattr(obj, field.name).values_list("pk", flat=True)
            row[field.name] = sorted(digest(field.related_model, pk) for pk in pks)
        if isinstance(obj, Submission):
            row["records_snapshot"] = {
                slug: [{**r, "id": digest(KINDS[slug].model, r["id"])} for r in records]
                for slug, records in obj.records_snapshot.items()
            }
        if isinstance(obj, AuditEvent) and obj.object_id:
            row["object_id"] = digest(apps.get_model(obj.object_type), int(obj.object_id))
        return row

    return sorted(
        json.dumps(describe(obj), default=str, sort_keys=True)
        for model in _models()
        for obj in _rows_of(model)
    )


def _media(media_root):
    return sorted(p.relative_to(media_root) for p in media_root.rglob("*") if p.is_file())


def _delete_group(group):
    """An installation without the group: its rows and the people only it had."""
    people = list(
        User.objects.filter(memberships__group=group)
        .exclude(memberships__group__in=CoordinationGroup.objects.exclude(pk=group.pk))
        .distinct()
    )
    AuditEvent.objects.filter(group=group).delete()
    OutgoingMail.objects.filter(group=group).delete()
    ReportVersion.objects.filter(report__group=group).delete()  # model delete() refuses
    Report.objects.filter(group=group).delete()
    Submission.objects.filter(period__group=group).delete()
    Period.objects.filter(group=group).delete()
    for model in (Activity, SteeringDocument, Collaboration, Need):
        model.objects.filter(organisation__group=group).delete()
    Membership.objects.filter(group=group).delete()
    User.objects.filter(pk__in=[p.pk for p in people]).delete()
    Organisation.objects.filter(group=group).delete()
    group.delete()
    return people


def _backdate_automatic_times():
    """Give every auto_now and auto_now_add field a past moment, so that an import that
    lets them be set anew shows."""
    for model in _models():
        fields = [
            f.name
            for f in model._meta.concrete_fields
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
        ]
        if fields:
            model._base_manager.update(**dict.fromkeys(fields, MOMENT))


def test_the_demo_group_comes_back_whole_after_export_deletion_and_import(
    db, tmp_path, media_root, client
):
    load_demo()
    group = CoordinationGroup.objects.get(slug="vasterbotten")
    coordinator = User.objects.get(email="samordnare@example.org")
    # What the demo lacks: an uploaded file, a resolved thread, a period locked by an
    # administrator who is no member, an invitation (which stays behind), and the issuing
    # organisation (a row that comes after the group's own in the file).
    group.issuing_organisation = group.organisations.get(short_name="Länsstyrelsen")
    group.save(update_fields=["issuing_organisation"])
    admin = User.objects.create_superuser("admin@example.org", "x", full_name="Admin")
    document = SteeringDocument.objects.filter(organisation__group=group).first()
    document.file.save("handlingsplan.pdf", ContentFile(b"%PDF-1.4 plan\x00\xff"))
    Comment.objects.filter(submission__period__group=group, thread=None).update(
        resolved_at=MOMENT, resolved_by=coordinator
    )
    Period.objects.filter(pk=group.periods.earliest("starts_on").pk).update(
        locked_at=MOMENT, locked_by=admin
    )
    Invitation.objects.create(
        group=group,
        email="ny@example.org",
        role=Role.READER,
        token_hash="0" * 64,
        expires_at=MOMENT,
    )
    _backdate_automatic_times()
    assert Comment.objects.filter(submission__period__group=group, thread__isnull=False).exists()
    assert AuditEvent.objects.filter(group=group).exclude(object_id="").exists()
    counts, state = _counts(), _state()

    path = tmp_path / "vasterbotten.json"
    call_command("export_group", "vasterbotten", output=str(path), stdout=StringIO())
    old_pk = group.pk
    people = _delete_group(group)
    shutil.rmtree(media_root)  # the bytes must come from the file
    assert _counts() != counts
    assert not User.objects.filter(email="samordnare@example.org").exists()

    call_command("import_group", str(path), stdout=StringIO())
    connection.check_constraints()
    group = CoordinationGroup.objects.get(slug="vasterbotten")
    assert group.pk != old_pk
    assert _counts() == counts
    assert _state() == state
    assert not group.invitations.exists()
    assert group.issuing_organisation.group == group
    assert group.issuing_organisation.short_name == "Länsstyrelsen"
    assert AuditEvent.objects.filter(group=group, action="activities.group.imported").exists()
    assert User.objects.filter(email="admin@example.org").get() == admin  # matched, not doubled

    # The people sign in with their old passwords and find their roles.
    assert len(people) == 9
    for person in people:
        client.logout()
        response = client.post(
            reverse("members:login"), {"username": person.email, "password": DEMO_PASSWORD}
        )
        assert response.status_code == 302, person.email
        assert client.session["_auth_user_id"] == str(User.objects.get(email=person.email).pk)
    roles = {
        (m.role, m.organisation.short_name if m.organisation else None)
        for m in User.objects.get(email="samordnare@example.org").memberships.all()
    }
    assert roles == {(Role.COORDINATOR, None), (Role.REPRESENTATIVE, "Länsstyrelsen")}
    version = ReportVersion.objects.get(report__group=group)
    assert version.pdf.name.startswith(f"reports/vasterbotten/{version.report_id}/v1/")
    with version.docx.open("rb") as docx:
        assert docx.read(2) == b"PK" and version.docx.size > 10_000  # a real Word file


def _export(group, slug=None):
    data = group_transfer.export_group(group)
    if slug:
        row = next(r for r in data["rows"] if r["model"] == "members.coordinationgroup")
        row["fields"]["slug"] = slug
    return data


def _write(tmp_path, data):
    path = tmp_path / "grupp.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def _some_content(world):
    period = make_period(world.group)
    answer(period, world.org_a, world.rep_a, {1: "Svar", 2: "Uppdrag"}, submit=True)
    make_records(world.org_a, world.org_b)
    document = SteeringDocument.objects.filter(organisation=world.org_a).first()
    document.file.save("plan.pdf", ContentFile(b"%PDF plan"))
    audit.record("test.event", actor=world.coordinator, group=world.group, obj=document)
    return period


def test_the_file_carries_password_hashes_but_no_passwords_rights_or_transient_rows(
    world, tmp_path
):
    period = _some_content(world)
    Period.objects.filter(pk=period.pk).update(locked_at=MOMENT, locked_by=world.superuser)
    OutgoingMail.objects.create(to_email="x@example.org", group=world.group, kind="digest")
    path = tmp_path / "grupp.json"
    call_command("export_group", world.group.slug, output=str(path), stdout=StringIO())

    assert path.stat().st_mode & 0o777 == 0o600
    text = path.read_text(encoding="utf-8")
    assert PASSWORD not in text
    data = json.loads(text)
    assert (data["format"], data["version"]) == ("samordning-group", 1)
    users = {
        r["fields"]["email"]: r["fields"] for r in data["rows"] if r["model"] == "members.user"
    }
    assert set(users) == {
        "samordnare@example.org",
        "lasare@example.org",
        "polisen@example.org",
        "migration@example.org",
        "admin@example.org",  # locked the period; no member
    }
    assert users["polisen@example.org"]["password"] == world.rep_a.password
    assert users["admin@example.org"]["password"] == ""
    assert not {
        "is_superuser",
        "is_staff",
        "is_active",
        "groups",
        "user_permissions",
        "session_generation",
    } & set(users["admin@example.org"])
    models = {r["model"] for r in data["rows"]}
    assert {"activities.answerversion", "activities.transition", "members.auditevent"} <= models
    assert not {"members.outgoingmail", "members.invitation", "sessions.session"} & models
    assert "norrbotten" not in text.lower()

    # A person new to the installation comes without rights and without a password.
    for row in data["rows"]:
        if row["model"] == "members.user" and row["fields"]["email"] == "admin@example.org":
            row["fields"]["email"] = "admin@ny.example.org"
        if row["model"] == "members.coordinationgroup":
            row["fields"]["slug"] = "kopia"
    group_transfer.import_group(data)
    admin = User.objects.get(email="admin@ny.example.org")
    assert not admin.is_superuser and not admin.is_staff and not admin.has_usable_password()
    assert Period.objects.get(group__slug="kopia").locked_by == admin


def test_an_existing_slug_is_refused_and_nothing_changes(world, tmp_path, media_root):
    _some_content(world)
    path = _write(tmp_path, _export(world.group))
    counts, files = _counts(), _media(media_root)
    with pytest.raises(CommandError, match="“vasterbotten” already exists"):
        call_command("import_group", path)
    assert _counts() == counts
    assert _media(media_root) == files


def test_an_unknown_format_version_or_another_file_is_refused(world, tmp_path):
    data = _export(world.group, slug="ny")
    counts = _counts()
    for wrong, message in (
        ({**data, "version": 2}, "format version 2"),
        ({**data, "format": "something-else"}, "not an export"),
        ([1, 2], "not an export"),
    ):
        with pytest.raises(CommandError, match=message):
            call_command("import_group", _write(tmp_path, wrong))
        assert _counts() == counts
    call_command("import_group", _write(tmp_path, data), stdout=StringIO())
    assert CoordinationGroup.objects.filter(slug="ny").exists()


def test_people_who_already_have_an_account_are_matched_by_e_mail_not_doubled(world):
    _some_content(world)
    people = User.objects.count()
    data = _export(world.group, slug="kopia-1")
    for row in data["rows"]:
        if row["model"] == "members.user" and row["fields"]["email"] == "polisen@example.org":
            row["fields"]["email"] = "Polisen@Example.ORG"
            row["fields"]["password"] = "a hash from the other installation"
    first = group_transfer.import_group(data)
    second = group_transfer.import_group(_export(world.group, slug="kopia-2"))

    assert User.objects.count() == people
    for group in (first, second):
        assert {
            (m.user_id, m.role, m.organisation.name if m.organisation else None)
            for m in group.memberships.all()
        } == {
            (m.user_id, m.role, m.organisation.name if m.organisation else None)
            for m in world.group.memberships.all()
        }
        submission = Submission.objects.get(period__group=group)
        assert submission.updated_by == world.rep_a
        assert submission.answers.get(question__number=1).versions.get().created_by == world.rep_a
        assert submission.organisation.group == group
    world.rep_a.refresh_from_db()
    assert world.rep_a.check_password(PASSWORD)  # an existing account is left as it is


def test_an_import_that_fails_halfway_leaves_no_row_and_no_file(world, tmp_path, media_root):
    make_version(make_report(world.group, [_some_content(world)]))
    data = _export(world.group, slug="ny")
    for row in data["rows"]:
        if row["model"] == "members.user" and row["fields"]["email"] == "polisen@example.org":
            row["fields"]["email"] = "ny.person@example.org"  # would be a new account
    # A second version 1 of the report: well-formed, so only the database refuses it, once
    # the people, the records' files and the first version's files are in.
    version = next(r for r in data["rows"] if r["model"] == "activities.reportversion")
    data["rows"].insert(data["rows"].index(version) + 1, {**version, "pk": 999_999})
    counts, files = _counts(), _media(media_root)
    with pytest.raises(CommandError, match="breaks a rule of the database"):
        call_command("import_group", _write(tmp_path, data))
    assert _counts() == counts
    assert _media(media_root) == files
    assert not User.objects.filter(email="ny.person@example.org").exists()


def test_every_model_that_belongs_to_a_group_is_carried_or_left_out_on_purpose():
    owned, grew = {CoordinationGroup}, True
    while grew:
        grew = False
        for model in apps.get_models():
            if model not in owned and any(
                f.related_model in owned for f in model._meta.concrete_fields if f.is_relation
            ):
                owned.add(model)
                grew = True
    carried = {model for model, _ in group_transfer.MODELS}
    assert owned == carried | set(group_transfer.LEFT_OUT)
