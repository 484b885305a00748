"""The audit log speaks the interface's language: every event code the code base records
has a label (found by reading the source, so a new code without one fails here), states
and roles in words, local time, and filters by person, kind and date kept in the address
and across pages."""

import ast
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from activities.models import SubmissionStatus
from members import audit, events
from members.models import AuditEvent

from .conftest import answer, make_period

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ["activities", "members", "samordning"]
CODE = re.compile(r"^[a-z_]+(\.[a-z_]+)+$")


def _python_files():
    for package in SOURCES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def _name(func):
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _is_audit_record(call):
    return (
        isinstance(call.func, ast.Attribute)
        and call.func.attr == "record"
        and _name(call.func.value) == "audit"
    )


def _constants(node, resolve):
    """The strings an argument can be: a literal, either branch of `a if c else b`, or a
    name resolved by `resolve` (the wrapper's callers). None when it cannot be followed."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        body, orelse = _constants(node.body, resolve), _constants(node.orelse, resolve)
        return None if body is None or orelse is None else body | orelse
    if isinstance(node, ast.Attribute) and _name(node.value) == "SubmissionStatus":
        return {getattr(SubmissionStatus, node.attr).value}
    return resolve(node)


def _wrappers(trees):
    """Functions that pass one of their parameters into audit.record's code with a fixed
    prefix (`audit.record(f"activities.{action}", …)`): name → (prefix, parameter names in
    the order tried: `f"…{action or to_status}"` uses the first one given)."""
    found = {}
    for tree in trees.values():
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef):
                continue
            for call in ast.walk(function):
                if not (isinstance(call, ast.Call) and _is_audit_record(call)):
                    continue
                code = call.args[0]
                if not isinstance(code, ast.JoinedStr) or len(code.values) != 2:
                    continue
                prefix, value = code.values
                if not isinstance(prefix, ast.Constant):
                    continue
                value = value.value
                names = (
                    [v.id for v in value.values]
                    if isinstance(value, ast.BoolOp)
                    else [getattr(value, "id", None)]
                )
                found[function.name] = (prefix.value, names)
    return found


def _argument(call, function, name):
    """The argument given for parameter `name` of `function` at this call, or None."""
    for keyword in call.keywords:
        if keyword.arg == name:
            return keyword.value
    parameters = [a.arg for a in function.args.posonlyargs + function.args.args]
    if name in parameters and parameters.index(name) < len(call.args):
        return call.args[parameters.index(name)]
    return None


def recorded_codes():
    """Every event code the code base can record, and the calls the test could not follow."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in _python_files()}
    wrappers = _wrappers(trees)
    definitions = {
        node.name: node
        for tree in trees.values()
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and node.name in wrappers
    }
    codes, unfollowed = set(), []
    for path, tree in trees.items():
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call):
                continue
            name = _name(call.func)
            where = f"{path.relative_to(ROOT)}:{call.lineno}"
            if _is_audit_record(call):
                found = _constants(call.args[0], lambda node: None)
                if found is None:
                    if not _inside_wrapper(tree, call, wrappers):
                        unfollowed.append(where)
                    continue
                codes |= found
            elif name in wrappers:
                prefix, parameters = wrappers[name]
                for parameter in parameters:
                    given = _argument(call, definitions[name], parameter)
                    if given is not None and not _is_none(given):
                        found = _constants(given, lambda node: None)
                        if found is None:
                            unfollowed.append(where)
                        else:
                            codes |= {prefix + code for code in found}
                        break
                else:
                    unfollowed.append(where)
    return codes, unfollowed


def _is_none(node):
    return isinstance(node, ast.Constant) and node.value is None


def _inside_wrapper(tree, call, wrappers):
    return any(
        isinstance(function, ast.FunctionDef)
        and function.name in wrappers
        and any(node is call for node in ast.walk(function))
        for function in ast.walk(tree)
    )


def test_every_event_code_the_code_base_records_has_a_label():
    codes, unfollowed = recorded_codes()
    assert not unfollowed, (
        f"audit codes the test cannot read (write them as literals): {unfollowed}"
    )
    # The wrappers are followed: codes made by logged(), _change_status() and the
    # organisation helper are among those found.
    assert {
        "activities.period.locked",
        "activities.submission.submitted",
        "activities.submission.reopened",
        "activities.comment.created",
        "members.organisation.moved",
        "activities.report.made_public",
        "members.person.account_changed",
    } <= codes
    assert all(CODE.match(code) for code in codes), sorted(codes)
    missing = sorted(codes - set(events.EVENTS))
    assert not missing, f"event codes without a label in members/events.py: {missing}"


def test_the_kind_filter_offers_exactly_the_codes_recorded_with_a_group():
    """A code recorded without a group never shows in a group's log, so its category is
    one the group's filter leaves out (events.WITHOUT_GROUP), and the other way round."""
    without_group = set()
    for path in _python_files():
        for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(call, ast.Call)
                and _is_audit_record(call)
                and not any(keyword.arg == "group" for keyword in call.keywords)
            ):
                without_group |= _constants(call.args[0], lambda node: None) or set()
    codes, _ = recorded_codes()
    offered = {code for _, choices in events.kind_choices() for code, _ in choices}
    # A label may come before its code (another branch's, merged later): offered ⊇ codes.
    assert offered >= codes - without_group
    assert not offered & without_group
    assert without_group == {
        code for code, (category, _) in events.EVENTS.items() if category in events.WITHOUT_GROUP
    }


def test_the_states_in_words_are_the_submissions_own():
    assert {k: str(v) for k, v in events.SUBMISSION_STATES.items()} == {
        status.value: str(status.label) for status in SubmissionStatus
    }


def test_every_label_sits_in_a_category_of_the_kind_filter():
    assert {category for category, _ in events.EVENTS.values()} <= set(events.CATEGORIES)


# The page.


def _log(client, world, **params):
    client.force_login(world.coordinator)
    response = client.get(reverse("members:audit_log", args=[world.group.slug]), params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_log_shows_labels_states_in_words_and_names_never_codes(world, client):
    answer(make_period(world.group), world.org_a, world.rep_a, {1: "x"}, submit=True)
    page = _log(client, world)
    assert "Svar inskickade" in page
    assert "Utkast → Inskickad" in page
    assert "Petra Polis" in page
    table = page[page.index("<table") :]
    assert "activities.submission" not in table
    assert "draft → submitted" not in page


def test_the_log_speaks_english_in_english(world, client):
    answer(make_period(world.group), world.org_a, world.rep_a, {1: "x"}, submit=True)
    client.cookies["django_language"] = "en"
    page = _log(client, world)
    assert "Answers submitted" in page and "Draft → Submitted" in page


def test_changed_fields_and_roles_are_named_as_the_interface_names_them(world, client):
    client.force_login(world.coordinator)
    client.post(
        reverse("members:organisation_edit", args=[world.group.slug, world.org_a.pk]),
        {"name": "Polismyndigheten", "short_name": "Polis", "email": "", "joined_on": ""},
    )
    audit.record(
        "members.membership.changed",
        actor=world.coordinator,
        group=world.group,
        obj=world.rep_a,
        detail="coordinator; Polisen",
    )
    page = _log(client, world)
    assert "Organisation ändrad" in page and "kortnamn" in page.lower()
    assert "Samordnare; Polisen" in page
    assert "short_name" not in page and "coordinator;" not in page


def test_times_are_shown_in_local_time(world, client):
    # 22:30 UTC on 31 December is 23:30 in Stockholm, in winter.
    at = datetime(2026, 12, 31, 22, 30, tzinfo=ZoneInfo("UTC"))
    AuditEvent.objects.create(action="members.sign_in", actor=world.rep_a, group=world.group, at=at)
    page = _log(client, world)
    assert "31 december 2026 23:30" in page
    assert "22:30" not in page
    assert 'datetime="2026-12-31T23:30:00+01:00"' in page


def _events(world, count, action="activities.period.created", actor=None, at=None):
    AuditEvent.objects.bulk_create(
        AuditEvent(
            action=action,
            actor=actor or world.rep_a,
            group=world.group,
            at=at or timezone.now(),
        )
        for _ in range(count)
    )


def test_the_log_is_filtered_by_person_kind_and_dates_in_the_query(world, client):
    stockholm = ZoneInfo("Europe/Stockholm")
    _events(world, 2, actor=world.rep_a, at=datetime(2026, 11, 10, 0, 30, tzinfo=stockholm))
    _events(world, 3, actor=world.rep_b, at=datetime(2026, 11, 11, 23, 50, tzinfo=stockholm))
    _events(
        world,
        1,
        "activities.period.locked",
        actor=world.rep_b,
        at=datetime(2026, 11, 12, 9, 0, tzinfo=stockholm),
    )

    page = _log(client, world, person=world.rep_b.pk)
    assert "av 4 händelser" in page and "Petra Polis</td>" not in page

    page = _log(client, world, handelse="activities.period.locked")
    assert "av 1 händelse" in page and "Period låst" in page

    # Dates are whole local days, both ends included.
    page = _log(client, world, fran="2026-11-10", till="2026-11-11")
    assert "av 5 händelser" in page
    page = _log(client, world, fran="2026-11-11", till="2026-11-11")
    assert "av 3 händelser" in page

    page = _log(
        client,
        world,
        person=world.rep_b.pk,
        handelse="activities.period.created",
        till="2026-11-11",
    )
    assert "av 3 händelser" in page
    assert "Visa hela loggen" in page


def test_a_reversed_date_range_is_explained_and_nothing_is_filtered(world, client):
    _events(world, 2)
    page = _log(client, world, fran="2026-11-12", till="2026-11-10")
    assert "Slutdatumet kan inte komma före startdatumet." in page
    assert "av 2 händelser" in page


def test_an_unknown_kind_or_person_is_refused_not_an_error(world, client):
    _events(world, 2)
    page = _log(client, world, handelse="members.nothing", person="abc")
    assert "av 2 händelser" in page


def test_pages_of_fifty_keep_the_filters(world, client):
    _events(world, 120, actor=world.rep_b)
    _events(world, 5, actor=world.rep_a)
    page = _log(client, world, person=world.rep_b.pk)
    assert "Sida 1 av 3" in page and "Visar 1–50 av 120 händelser" in page
    assert f'href="?person={world.rep_b.pk}&amp;sida=2"' in page
    page = _log(client, world, person=world.rep_b.pk, sida=3)
    assert "Visar 101–120 av 120 händelser" in page
    assert f'href="?person={world.rep_b.pk}&amp;sida=2"' in page


def test_lines_of_other_groups_and_the_site_operators_never_show(world, client):
    audit.record("members.sign_in", actor=world.other_coordinator, group=world.other_group)
    audit.record("security.lockout", detail="polisen@example.org")
    page = _log(client, world)
    assert "Nora Norr" not in page and "Inloggning spärrad" not in page


@pytest.mark.parametrize("persona", ["reader", "rep_a", "other_coordinator"])
def test_only_the_groups_coordinator_reads_it(world, client, persona):
    client.force_login(world.persona(persona))
    response = client.get(reverse("members:audit_log", args=[world.group.slug]))
    assert response.status_code in (403, 404)


def test_comments_exports_and_publishing_are_described_in_words(world, client):
    from activities.models import Need

    need = Need.objects.create(organisation=world.org_a, description="Hemlig", kind="training")
    audit.record("activities.record.created", actor=world.rep_a, group=world.group, obj=need)
    audit.record(
        "activities.records.exported",
        actor=world.rep_a,
        group=world.group,
        detail="aktiviteter csv 12 rows",
    )
    audit.record(
        "activities.report.published", actor=world.coordinator, group=world.group, detail="group"
    )
    page = _log(client, world)
    assert "behov (Utbildning)" in page and "Hemlig" not in page
    assert "aktiviteter som CSV, 12 rader" in page
    assert "bara för gruppen" in page
