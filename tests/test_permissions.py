"""Every URL of the site × every persona → the answer they get.

A URL pattern without an expectation here fails the test: a new page must say who may
open it. "login" means a redirect to the sign-in page.
"""

from datetime import timedelta

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from activities.models import Comment, PublishRequest, SteeringDocument, TargetGroup
from members.models import Invitation, Role

from .conftest import (
    answer,
    build_world,
    make_activity,
    make_period,
    make_report,
    make_version,
)

PERSONAS = [
    "anonymous",
    "reader",
    "rep_a",
    "rep_b",
    "coordinator",
    "other_coordinator",
    "superuser",
]

# Shorthands for whole rows.
COORDINATOR_ONLY = {
    "anonymous": "login",
    "reader": 403,
    "rep_a": 403,
    "rep_b": 403,
    "coordinator": 200,
    "other_coordinator": 404,
    "superuser": 200,
}
COORDINATOR_ACTION = {**COORDINATOR_ONLY, "coordinator": 302, "superuser": 302}
GROUP_MEMBERS = {
    "anonymous": "login",
    "reader": 200,
    "rep_a": 200,
    "rep_b": 200,
    "coordinator": 200,
    "other_coordinator": 404,
    "superuser": 200,
}
EVERYONE = dict.fromkeys(PERSONAS, 200)
SIGNED_IN = {**EVERYONE, "anonymous": "login"}
SIGNED_IN_ACTION = {**dict.fromkeys(PERSONAS, 302), "anonymous": "login"}
ANONYMOUS_ONLY = {**dict.fromkeys(PERSONAS, 302), "anonymous": 200}
SITE_OPERATOR_ONLY = {**dict.fromkeys(PERSONAS, 403), "anonymous": "login", "superuser": 200}

# url name → (method, expectations)
EXPECTED = {
    "home": ("get", {**dict.fromkeys(PERSONAS, 302), "anonymous": "login", "superuser": 200}),
    "healthz": ("get", EVERYONE),
    # Only for `make bench` (BENCHMARK_FLOOR on); tests/test_benchmark.py checks it on.
    "benchmark_floor": ("get", {**dict.fromkeys(PERSONAS, 404), "anonymous": "login"}),
    "accessibility": ("get", EVERYONE),
    "set_language": ("post", dict.fromkeys(PERSONAS, 302)),
    "group_home": ("get", GROUP_MEMBERS),
    "members:login": ("get", ANONYMOUS_ONLY),
    "members:logout": ("post", dict.fromkeys(PERSONAS, "login")),
    "members:password_reset": ("get", EVERYONE),
    "members:password_reset_done": ("get", EVERYONE),
    "members:password_reset_confirm": ("get", dict.fromkeys(PERSONAS, 302)),
    "members:password_reset_complete": ("get", EVERYONE),
    "members:invitation_accept": ("get", EVERYONE),
    "members:organisation_list": ("get", COORDINATOR_ONLY),
    "members:organisation_create": ("get", COORDINATOR_ONLY),
    "members:organisation_edit": ("get", COORDINATOR_ONLY),
    "members:organisation_move": ("post", COORDINATOR_ACTION),
    "members:person_list": ("get", COORDINATOR_ONLY),
    "members:person_invite": ("get", COORDINATOR_ONLY),
    "members:person_edit": ("get", COORDINATOR_ONLY),
    "members:person_deactivate": ("post", COORDINATOR_ACTION),
    "members:invitation_revoke": ("post", COORDINATOR_ACTION),
    "activities:period_list": ("get", COORDINATOR_ONLY),
    "activities:period_create": ("get", COORDINATOR_ONLY),
    "activities:period_create_next": ("post", COORDINATOR_ACTION),
    "activities:my_submissions": ("get", GROUP_MEMBERS),
    "activities:period_overview": ("get", COORDINATOR_ONLY),
    "activities:period_edit": ("get", COORDINATOR_ONLY),
    "activities:period_lock": ("post", COORDINATOR_ACTION),
    "activities:period_open_early": ("post", COORDINATOR_ACTION),
    "activities:period_remind_all": ("post", COORDINATOR_ACTION),
    "activities:period_remind": ("post", COORDINATOR_ACTION),
    "activities:question_list": ("get", COORDINATOR_ONLY),
    "activities:question_create": ("get", COORDINATOR_ONLY),
    "activities:question_edit": ("get", COORDINATOR_ONLY),
    "activities:question_delete": ("post", COORDINATOR_ACTION),
    "activities:question_move": ("post", COORDINATOR_ACTION),
    # The submission of organisation A: its representative and the coordinator.
    "activities:submission": ("get", {**COORDINATOR_ONLY, "rep_a": 200}),
    "activities:submission_autosave": (
        "post",
        {**COORDINATOR_ONLY, "anonymous": 401, "coordinator": 403, "superuser": 403, "rep_a": 400},
    ),
    # Checking and sending: organisation A's representatives only (its answers are sent
    # already, so the check page leads back to the submission).
    "activities:submission_check": (
        "get",
        {**COORDINATOR_ONLY, "coordinator": 403, "superuser": 403, "rep_a": 302},
    ),
    "activities:submission_sent": (
        "get",
        {**COORDINATOR_ONLY, "coordinator": 403, "superuser": 403, "rep_a": 200},
    ),
    "activities:submission_review": ("post", COORDINATOR_ACTION, {"decision": "approve"}),
    "activities:submission_return": ("get", COORDINATOR_ONLY),
    "activities:comment_add": ("post", COORDINATOR_ACTION, {"text": "Utveckla gärna."}),
    "activities:comment_resolve": ("post", COORDINATOR_ACTION),
    "activities:answer_versions": ("get", {**COORDINATOR_ONLY, "rep_a": 200}),
    "activities:target_groups": ("get", COORDINATOR_ONLY),
    "activities:target_group_delete": ("post", COORDINATOR_ACTION),
    "activities:record_list": ("get", GROUP_MEMBERS),
    "activities:record_export": ("get", GROUP_MEMBERS),
    "activities:document_file": ("get", GROUP_MEMBERS),
    # Adding: anyone who represents an organisation, and the coordinator.
    "activities:record_create": ("get", {**COORDINATOR_ONLY, "rep_a": 200, "rep_b": 200}),
    # An activity of organisation A: its representative and the coordinator.
    "activities:record_edit": ("get", {**COORDINATOR_ONLY, "rep_a": 200}),
    "activities:record_close": ("post", {**COORDINATOR_ACTION, "rep_a": 302}),
}

EXPECTED.update(
    {
        "activities:report_list": ("get", GROUP_MEMBERS),
        # Posted empty: the list page again, with the error summary.
        "activities:report_new": ("post", COORDINATOR_ONLY),
        "activities:report_edit": ("get", COORDINATOR_ONLY),
        "activities:report_contacts": ("post", COORDINATOR_ACTION),
        "activities:report_preview": ("get", COORDINATOR_ONLY),
        "activities:report_publish": ("post", COORDINATOR_ACTION),
        "activities:report_readiness": ("get", COORDINATOR_ONLY),
        # The progress of a publish: the coordinator's.
        "activities:report_publishing": ("get", COORDINATOR_ONLY),
        "activities:report_version": ("get", GROUP_MEMBERS),
        "activities:report_file": ("get", GROUP_MEMBERS),
        # The archive copy (PDF/A): the coordinator's, never the group's or the public's.
        "activities:report_archive_file": ("get", COORDINATOR_ONLY),
        "activities:report_visibility": ("post", COORDINATOR_ACTION),
        # A version published as public: anyone, signed in or not.
        "activities:public_report": ("get", EVERYONE),
        "activities:public_report_file": ("get", EVERYONE),
    }
)

EXPECTED.update(
    {
        "activities:organisation_page": ("get", GROUP_MEMBERS),
        "activities:collaboration_page": ("get", GROUP_MEMBERS),
        "activities:trends": ("get", GROUP_MEMBERS),
        "activities:search": ("get", GROUP_MEMBERS, {"q": "utbildning"}),
    }
)

EXPECTED.update(
    {
        # Every signed-in person chooses their own notifications.
        "members:notifications": ("get", {**dict.fromkeys(PERSONAS, 200), "anonymous": "login"}),
        # Every signed-in person's own details.
        "members:account": ("get", SIGNED_IN),
        # The site operator's pages: creating a group, and its confirmation.
        "members:group_create": ("get", SITE_OPERATOR_ONLY),
        "members:group_created": ("get", SITE_OPERATOR_ONLY),
        "members:outgoing_mail": ("get", COORDINATOR_ONLY),
        "members:audit_log": ("get", COORDINATOR_ONLY),
        "members:session_extend": ("post", {**dict.fromkeys(PERSONAS, 204), "anonymous": "login"}),
        "members:group_settings": ("get", COORDINATOR_ONLY),
        # Each person's own two-step verification; nobody here has a device yet, so the
        # code page, new backup codes and turning off send them back.
        "members:two_factor": ("get", SIGNED_IN),
        "members:two_factor_enrol": ("get", SIGNED_IN),
        "members:two_factor_verify": ("get", SIGNED_IN_ACTION),
        "members:two_factor_backup_codes": ("post", SIGNED_IN_ACTION),
        "members:two_factor_disable": ("post", SIGNED_IN_ACTION),
    }
)

REPORT_URLS = {name for name in EXPECTED if "report" in name and name.startswith("activities:")}

RECORD_URLS = {
    "activities:target_groups",
    "activities:target_group_delete",
    "activities:record_list",
    "activities:record_export",
    "activities:document_file",
    "activities:record_create",
    "activities:record_edit",
    "activities:record_close",
}


def _url_names(patterns, namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue  # Django's admin, checked below as one place.
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _url_names(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield namespace + entry.name
        elif isinstance(entry, URLPattern):
            pytest.fail(f"URL pattern {entry.pattern} has no name, so no expectation")


def test_every_url_pattern_has_an_expectation():
    names = set(_url_names(get_resolver().url_patterns))
    assert names == set(EXPECTED), (
        f"without expectation: {sorted(names - set(EXPECTED))}; "
        f"stale: {sorted(set(EXPECTED) - names)}"
    )


def _kwargs_for(name, world):
    """Concrete arguments for a URL: the first group's objects."""
    slug = world.group.slug
    if name in RECORD_URLS:
        return _record_kwargs(name, world)
    if name == "activities:organisation_page":
        return {"slug": world.group.slug, "pk": world.org_a.pk}
    if name in {"activities:collaboration_page", "activities:trends", "activities:search"}:
        return {"slug": world.group.slug}
    if name in REPORT_URLS:
        return _report_kwargs(name, world)
    if name.startswith("activities:") and name not in {
        "activities:period_list",
        "activities:period_create",
        "activities:period_create_next",
        "activities:my_submissions",
    }:
        return _reporting_kwargs(name, world)
    if name in {"members:organisation_edit", "members:organisation_move"}:
        return {"slug": slug, "pk": world.org_a.pk}
    if name in {"members:person_edit", "members:person_deactivate"}:
        return {"slug": slug, "pk": world.rep_b.pk}
    if name == "members:invitation_revoke":
        invitation = Invitation.objects.create(
            group=world.group,
            email="ny@example.org",
            role=Role.READER,
            token_hash="x" * 64,
            expires_at=timezone.now() + timedelta(days=1),
        )
        return {"slug": slug, "pk": invitation.pk}
    if name == "members:invitation_accept":
        token, token_hash = Invitation.new_token()
        Invitation.objects.create(
            group=world.group,
            email="inbjuden@example.org",
            role=Role.READER,
            token_hash=token_hash,
            expires_at=timezone.now() + timedelta(days=1),
        )
        return {"token": token}
    if name == "members:password_reset_confirm":
        return {
            "uidb64": urlsafe_base64_encode(force_bytes(world.reader.pk)),
            "token": default_token_generator.make_token(world.reader),
        }
    if name in {
        "members:outgoing_mail",
        "members:audit_log",
        "members:group_settings",
        "members:group_created",
    }:
        return {"slug": slug}
    if name == "group_home" or name.startswith(
        ("members:organisation", "members:person", "activities:")
    ):
        return {"slug": slug}
    return {}


def _reporting_kwargs(name, world):
    """A period with a submitted submission of organisation A, carrying a comment."""
    period = make_period(world.group)
    question = period.questions.get(number=1)
    kwargs = {"slug": world.group.slug, "pk": period.pk}
    if name.startswith("activities:question_") and name != "activities:question_list":
        period = make_period(world.group, name="Kvartal 1 2027")  # no answers: editable
        return {"slug": world.group.slug, "pk": period.pk, **_question_kwargs(name, period)}
    submission = answer(period, world.org_a, world.rep_a, {1: "Vi arbetar."}, submit=True)
    kwargs["org_pk"] = world.org_a.pk
    if name == "activities:comment_resolve":
        comment = Comment.objects.create(submission=submission, question=question, text="?")
        kwargs["comment_pk"] = comment.pk
    if name == "activities:answer_versions":
        kwargs["question_pk"] = question.pk
    if name in {
        "activities:period_overview",
        "activities:period_edit",
        "activities:period_lock",
        "activities:period_open_early",
        "activities:period_remind_all",
    }:
        kwargs.pop("org_pk")
    if name == "activities:question_list":
        kwargs.pop("org_pk")
    return kwargs


def _record_kwargs(name, world):
    slug = world.group.slug
    if name == "activities:target_groups":
        return {"slug": slug}
    if name == "activities:target_group_delete":
        target = TargetGroup.objects.create(group=world.group, name="Taxi")
        return {"slug": slug, "pk": target.pk}
    if name == "activities:document_file":
        document = SteeringDocument.objects.create(
            organisation=world.org_a, title="Handlingsplan", kind="action_plan", status="in_force"
        )
        document.file.save("plan.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
        document.file_name, document.file_type = "plan.pdf", "application/pdf"
        document.save()
        return {"slug": slug, "pk": document.pk}
    kwargs = {"slug": slug, "kind": "aktiviteter"}
    if name == "activities:record_export":
        kwargs["fmt"] = "csv"
    if name in {"activities:record_edit", "activities:record_close"}:
        kwargs["pk"] = make_activity(world.org_a).pk
    return kwargs


def _report_kwargs(name, world):
    slug = world.group.slug
    if name in {"activities:report_list", "activities:report_new"}:
        return {"slug": slug}
    report = make_report(world.group)
    if name in {
        "activities:report_edit",
        "activities:report_contacts",
        "activities:report_preview",
        "activities:report_publish",
        "activities:report_readiness",
    }:
        return {"slug": slug, "pk": report.pk}
    version = make_version(report, is_public=True)
    if name == "activities:report_publishing":
        publish = PublishRequest.objects.create(report=report, state="done", version=version)
        return {"slug": slug, "pk": report.pk, "request_pk": publish.pk}
    kwargs = {"slug": slug, "pk": report.pk, "number": version.number}
    if name in {"activities:report_file", "activities:public_report_file"}:
        kwargs["fmt"] = "pdf"
    return kwargs


def _question_kwargs(name, period):
    if name == "activities:question_create":
        return {}
    return {"question_pk": period.questions.get(number=2).pk}


# The matrix's data is built once: the world for the whole class below and each URL's
# objects once per URL (pytest groups the cases by URL), each in a transaction rolled back
# at the end; every case runs in its own savepoint inside them (`db`), so what one request
# changes the next case does not see.


@pytest.fixture(scope="class")
def matrix_media(tmp_path_factory):
    return tmp_path_factory.mktemp("matrix-media")


@pytest.fixture(scope="class")
def matrix_world(django_db_setup, django_db_blocker, matrix_media):
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=matrix_media),
        transaction.atomic(),
    ):
        yield build_world()
        transaction.set_rollback(True)


@pytest.fixture(scope="class", params=list(EXPECTED))
def url_name(request, matrix_world, matrix_media, django_db_blocker):
    """(name, kwargs) of one URL, its objects made once for all personas."""
    name = request.param
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=matrix_media),
        transaction.atomic(),
    ):
        kwargs = None if name in MADE_PER_CASE else _kwargs_for(name, matrix_world)
        yield name, kwargs
        transaction.set_rollback(True)


# A password reset link holds the person's last sign-in, which signing in as them moves.
MADE_PER_CASE = {"members:password_reset_confirm"}


@pytest.mark.xdist_group("permission-matrix")  # one worker builds its data once (make test)
class TestEveryUrlForEveryPersona:
    @pytest.mark.parametrize("persona", PERSONAS)
    def test_url_answers_persona_as_expected(
        self, url_name, persona, matrix_world, matrix_media, db, client_for, settings
    ):
        settings.MEDIA_ROOT = matrix_media
        name, kwargs = url_name
        method, expectations, *data = EXPECTED[name]
        client = client_for(matrix_world.persona(persona))
        if kwargs is None:
            matrix_world.reader.refresh_from_db()
            kwargs = _kwargs_for(name, matrix_world)
        response = getattr(client, method)(reverse(name, kwargs=kwargs), *data)
        expected = expectations[persona]
        if expected == "login":
            assert response.status_code == 302, response
            assert response["Location"].startswith(reverse("members:login"))
        else:
            assert response.status_code == expected, (name, persona, response.status_code)
            if expected == 302:
                assert not response["Location"].startswith(reverse("members:login")), (
                    name,
                    persona,
                )


@pytest.mark.parametrize("persona", PERSONAS)
def test_admin_is_for_staff_only(persona, world, client_for):
    response = client_for(world.persona(persona)).get("/admin/")
    if persona == "superuser":
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("members:organisation_edit", "get"),
        ("members:organisation_move", "post"),
    ],
)
def test_another_groups_organisation_is_not_found_under_ones_own_group(
    name, method, world, client_for
):
    client = client_for(world.coordinator)
    url = reverse(name, kwargs={"slug": world.group.slug, "pk": world.other_org.pk})
    assert getattr(client, method)(url).status_code == 404


@pytest.mark.parametrize(
    ("name", "method"), [("members:person_edit", "get"), ("members:person_deactivate", "post")]
)
def test_another_groups_person_is_not_found_under_ones_own_group(name, method, world, client_for):
    client = client_for(world.coordinator)
    url = reverse(name, kwargs={"slug": world.group.slug, "pk": world.other_coordinator.pk})
    assert getattr(client, method)(url).status_code == 404
    world.other_coordinator.refresh_from_db()
    assert world.other_coordinator.is_active


@pytest.mark.parametrize("name", ["activities:public_report", "activities:public_report_file"])
def test_a_version_not_public_is_not_found_by_the_public(name, world, client):
    version = make_version(make_report(world.group), is_public=False)
    kwargs = {"slug": world.group.slug, "pk": version.report_id, "number": version.number}
    if name.endswith("file"):
        kwargs["fmt"] = "pdf"
    assert client.get(reverse(name, kwargs=kwargs)).status_code == 404
