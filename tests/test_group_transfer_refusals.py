"""import_group reads only what export_group writes: a file tampered with after the export
is refused whole, with a message saying what was wrong, and nothing is written; a person
the installation already has keeps their account as it is."""

import copy
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from activities.models import ReportVersion, Submission
from members.models import CoordinationGroup, User

from .conftest import PASSWORD, make_report, make_version
from .test_group_transfer import _export, _media, _some_content, _write

KNOWN = "the file's author knows this one"


def _signed_in_as(client, email, password):
    """Who the sign-in page lets in with this address and password (None: nobody)."""
    client.logout()
    client.post(reverse("members:login"), {"username": email, "password": password})
    return client.session.get("_auth_user_id")


def _every_table():
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models(include_auto_created=True)
    }


def _row(data, model, **match):
    return next(
        r
        for r in data["rows"]
        if r["model"] == model and all(r["fields"].get(k) == v for k, v in match.items())
    )


def _rights(data, world, name):
    row = _row(data, "members.user", email="polisen@example.org")
    row["fields"]["email"] = "ny@example.org"
    row["fields"]["password"] = make_password(KNOWN)
    row["fields"][name] = True if name.startswith("is_") else [1]


def _device(label, fields):
    """A two-step verification device (or its backup code) for the installation's
    administrator, who is no member of the group."""

    def tamper(data, world):
        data["rows"].insert(1, {"model": label, "pk": 1, "fields": fields(world)})

    return tamper


STATIC_DEVICE = _device(
    "otp_static.staticdevice",
    lambda world: {"user": world.superuser.pk, "name": "backup", "confirmed": True},
)
STATIC_TOKEN = _device("otp_static.statictoken", lambda world: {"device": 1, "token": "x1"})
TOTP_DEVICE = _device(
    "otp_totp.totpdevice",
    lambda world: {
        "user": world.superuser.pk,
        "name": "telefon",
        "confirmed": True,
        "key": "3132333435363738393031323334353637383930",
    },
)


def _another_model(label):
    def tamper(data, world):
        fields = {"email": "boss@example.org", "is_superuser": True, "password": "x"}
        data["rows"].insert(1, {"model": label, "pk": 77, "fields": fields})

    return tamper


def _submission(change):
    def tamper(data, world):
        change(_row(data, "activities.submission")["fields"], world)

    return tamper


def _unknown_submission_field(fields, world):
    fields["approved_by_installation"] = True


def _no_period(fields, world):
    del fields["period"]


def _status_a_number(fields, world):
    fields["status"] = 5


def _status_unknown(fields, world):
    fields["status"] = "published_everywhere"


def _updated_by_someone_of_the_installation(fields, world):
    fields["updated_by"] = world.other_coordinator.pk  # a person the file does not carry


def _membership_role(data, world):
    _row(data, "members.membership", role="reader")["fields"]["role"] = "superuser"


def _audit_line_of_the_installation(data, world):
    _row(data, "members.auditevent", action="test.event")["fields"]["group"] = None


def _second_group(data, world):
    row = copy.deepcopy(_row(data, "members.coordinationgroup"))
    row["pk"], row["fields"]["slug"] = 999, "tredje"
    data["rows"].insert(1, row)


def _two_accounts_one_address(data, world):
    row = copy.deepcopy(_row(data, "members.user", email="polisen@example.org"))
    row["pk"], row["fields"]["email"] = 999, "POLISEN@example.org"
    data["rows"].insert(1, row)


def _file_field_not_named(data, world):
    _row(data, "members.coordinationgroup")["files"] = {"name": "aGVq"}


def _damaged_file(data, world):
    row = next(r for r in data["rows"] if r.get("files"))
    row["files"] = dict.fromkeys(row["files"], "not base64 at all!")


def _top_level(data, world):
    data["installation_settings"] = {"DEBUG": True}


def _row_key(data, world):
    _row(data, "activities.submission")["permissions"] = ["all"]


TAMPERED = {
    "is_superuser": (lambda d, w: _rights(d, w, "is_superuser"), "carries “is_superuser”"),
    "is_staff": (lambda d, w: _rights(d, w, "is_staff"), "carries “is_staff”"),
    "is_active": (lambda d, w: _rights(d, w, "is_active"), "carries “is_active”"),
    "groups": (lambda d, w: _rights(d, w, "groups"), "carries “groups”"),
    "user_permissions": (
        lambda d, w: _rights(d, w, "user_permissions"),
        "carries “user_permissions”",
    ),
    "static device": (STATIC_DEVICE, "“otp_static.staticdevice”, which a group file does not"),
    "static token": (STATIC_TOKEN, "“otp_static.statictoken”, which a group file does not"),
    "totp device": (TOTP_DEVICE, "“otp_totp.totpdevice”, which a group file does not"),
    "auth.permission": (_another_model("auth.permission"), "“auth.permission”"),
    "sessions.session": (_another_model("sessions.session"), "“sessions.session”"),
    "invitation": (_another_model("members.invitation"), "“members.invitation”"),
    "members.User": (_another_model("members.User"), "“members.User”"),
    "submission field": (
        _submission(_unknown_submission_field),
        "carries the field “approved_by_installation”, which a group export does not write",
    ),
    "missing field": (_submission(_no_period), "lacks the field “period”"),
    "wrong kind": (_submission(_status_a_number), "“status” holds 5, a value of the wrong kind"),
    "not a choice": (_submission(_status_unknown), "not one of its choices"),
    "role": (_membership_role, "“role” holds 'superuser', which is not one of its choices"),
    "link out of the file": (
        _submission(_updated_by_someone_of_the_installation),
        "refers to members.user",
    ),
    "audit line": (_audit_line_of_the_installation, "does not belong to the group"),
    "two groups": (_second_group, "exactly one coordination group"),
    "same address twice": (_two_accounts_one_address, "appears twice"),
    "file not named": (_file_field_not_named, "carries a file “name” it does not name"),
    "damaged file": (_damaged_file, "is damaged"),
    "top level": (_top_level, "“installation_settings”, which a group export does not write"),
    "row key": (_row_key, "“permissions”, which is not part of a row"),
}


@pytest.mark.parametrize("tamper", TAMPERED, ids=list(TAMPERED))
def test_a_tampered_file_is_refused_whole_and_nothing_is_written(
    tamper, world, tmp_path, media_root
):
    make_version(make_report(world.group, [_some_content(world)]))  # files to be written
    data = _export(world.group, slug="ny")
    change, message = TAMPERED[tamper]
    change(data, world)
    tables, files = _every_table(), _media(media_root)

    with pytest.raises(CommandError, match=message) as refused:
        call_command("import_group", _write(tmp_path, data), stdout=StringIO())

    assert str(refused.value).startswith("Nothing was imported.")
    assert _every_table() == tables
    assert _media(media_root) == files
    assert not CoordinationGroup.objects.filter(slug="ny").exists()
    assert not User.objects.filter(email="ny@example.org").exists()
    assert not StaticDevice.objects.exists() and not TOTPDevice.objects.exists()
    world.superuser.refresh_from_db()
    assert world.superuser.check_password(PASSWORD)


def test_the_untampered_file_of_the_same_group_is_imported(world, tmp_path):
    """The refusals above come from the tampering, not from the group they start from."""
    make_version(make_report(world.group, [_some_content(world)]))
    call_command(
        "import_group", _write(tmp_path, _export(world.group, slug="ny")), stdout=StringIO()
    )
    assert Submission.objects.filter(period__group__slug="ny").exists()
    assert ReportVersion.objects.filter(report__group__slug="ny").get().pdf


def test_a_person_matched_to_an_existing_superuser_keeps_the_account_as_it_is(
    world, tmp_path, client
):
    """A file whose person has the address of the installation's administrator, with a
    password hash its author knows: the administrator's account is used as it is."""
    _some_content(world)
    data = _export(world.group, slug="ny")
    row = _row(data, "members.user", email="polisen@example.org")
    row["fields"].update(
        email="Admin@Example.org",
        password=make_password(KNOWN),
        full_name="Someone Else",
        language="en",
    )
    account = User.objects.filter(pk=world.superuser.pk).values().get()
    people = User.objects.count()

    call_command("import_group", _write(tmp_path, data), stdout=StringIO())

    assert User.objects.filter(pk=world.superuser.pk).values().get() == account
    assert User.objects.count() == people
    assert _signed_in_as(client, "admin@example.org", KNOWN) is None
    assert _signed_in_as(client, "admin@example.org", PASSWORD) == str(world.superuser.pk)
    assert not StaticDevice.objects.exists() and not TOTPDevice.objects.exists()


def test_a_new_person_comes_active_and_without_rights(world, tmp_path, client):
    _some_content(world)
    data = _export(world.group, slug="ny")
    row = _row(data, "members.user", email="polisen@example.org")
    row["fields"].update(email="ny@example.org", password=make_password(KNOWN))

    call_command("import_group", _write(tmp_path, data), stdout=StringIO())

    person = User.objects.get(email="ny@example.org")
    assert (person.is_active, person.is_staff, person.is_superuser) == (True, False, False)
    assert not person.groups.exists() and not person.user_permissions.exists()
    assert _signed_in_as(client, "ny@example.org", KNOWN) == str(person.pk)


def test_a_closed_account_travels_without_its_password(world, tmp_path, client):
    _some_content(world)
    User.objects.filter(pk=world.reader.pk).update(is_active=False)
    data = _export(world.group, slug="ny")
    reader = _row(data, "members.user", email="lasare@example.org")["fields"]
    assert "is_active" not in reader and reader["password"] == ""
    reader["email"] = "lasare@ny.example.org"  # as in an installation new to the reader

    call_command("import_group", _write(tmp_path, data), stdout=StringIO())

    person = User.objects.get(email="lasare@ny.example.org")
    assert not person.has_usable_password()
    assert _signed_in_as(client, "lasare@ny.example.org", PASSWORD) is None
