"""Named personas, built once per test: two groups, two organisations in the first,
and one person of each role."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from activities.models import Submission, SubmissionStatus
from activities.reporting import periods as activity_periods
from activities.reporting import services as activity_services
from members.models import CoordinationGroup, Membership, Organisation, Role, User

PASSWORD = "ett-långt-lösenord-för-test"


def pytest_configure(config):
    """Connections close after each request in tests: the live server's threads would
    otherwise keep theirs open and the test database could not be dropped at the end."""
    from django.conf import settings

    settings.DATABASES["default"]["CONN_MAX_AGE"] = 0


def run_task_queue():
    """With production settings background work (mail) waits in the database task queue:
    work it off as `manage.py db_worker` does beside the web server. With the immediate
    backend (DEBUG on) it has already run."""
    from unittest import mock

    from django.conf import settings
    from django.core.management import call_command

    if settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend":
        # The worker checks its database connection between tasks; inside a test's
        # transaction that would close it (and end the test), so only that check is off.
        with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
            call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def sent_mail():
    """The mails delivered so far (Django's test outbox), once the task queue is worked off."""
    from django.core import mail

    run_task_queue()
    return mail.outbox


def make_person(email, full_name="", **fields):
    return User.objects.create_user(email, PASSWORD, full_name=full_name or email, **fields)


def give_role(user, group, role, organisation=None):
    return Membership.objects.create(user=user, group=group, role=role, organisation=organisation)


@pytest.fixture(scope="session", autouse=True)
def password_hashing_once():
    """Production's hasher (PBKDF2 at its full iterations) in every pass, but each password
    is hashed once per session and each (password, hash) pair checked once: the real
    hasher's answer is remembered, so signing in hundreds of times costs a few hashes.
    The answers are exactly the real hasher's (a hash made here verifies anywhere)."""
    from unittest import mock

    from django.conf import settings
    from django.contrib.auth import base_user, hashers

    made, checked = {}, {}
    production = list(settings.PASSWORD_HASHERS)

    def make_password(password, salt=None, hasher="default"):
        if (
            salt is not None
            or hasher != "default"
            or not isinstance(password, str)
            or production != settings.PASSWORD_HASHERS  # a test's own hasher runs for real
        ):
            return hashers.make_password(password, salt, hasher)
        key = password
        if key not in made:
            made[key] = hashers.make_password(password)
        return made[key]

    def check_password(password, encoded, setter=None, preferred="default"):
        # The same steps as Django's check_password, with the verification remembered.
        if production != settings.PASSWORD_HASHERS:
            return hashers.check_password(password, encoded, setter, preferred)
        key = (password, encoded, preferred)
        if key not in checked:
            checked[key] = hashers.verify_password(password, encoded, preferred=preferred)
        is_correct, must_update = checked[key]
        if setter and is_correct and must_update:
            setter(password)
        return is_correct

    with (
        mock.patch.object(base_user, "make_password", make_password),
        mock.patch.object(base_user, "check_password", check_password),
    ):
        yield


@pytest.fixture(scope="session", autouse=True)
def static_files_walked_once():
    """Each test client builds the middleware anew, and with DEBUG off WhiteNoise then walks
    the collected static files again (about 0.17 s a client: most of the permission matrix's
    time). A server process walks them once, at start; so does each test process: the files
    found are remembered per folder and configuration, and every new middleware gets them."""
    from unittest import mock

    from whitenoise.base import WhiteNoise

    original = WhiteNoise.update_files_dictionary
    walked = {}

    def update_files_dictionary(self, root, prefix):
        key = (
            type(self),
            root,
            prefix,
            self.max_age,
            self.allow_all_origins,
            self.charset,
            self.index_file,
            self.add_headers_function,
        )
        if key not in walked:
            before = dict(self.files)
            original(self, root, prefix)
            walked[key] = {url: f for url, f in self.files.items() if before.get(url) is not f}
        self.files.update(walked[key])

    with mock.patch.object(WhiteNoise, "update_files_dictionary", update_files_dictionary):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: ids are used again from test to test."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@dataclass
class World:
    group: CoordinationGroup
    other_group: CoordinationGroup
    org_a: Organisation
    org_b: Organisation
    other_org: Organisation
    coordinator: User
    reader: User
    rep_a: User
    rep_b: User
    other_coordinator: User
    superuser: User

    def persona(self, name):
        return None if name == "anonymous" else getattr(self, name)


@pytest.fixture
def world(db):
    return build_world()


def build_world():
    group = CoordinationGroup.objects.create(
        name="Samordningsgruppen i Västerbotten", county="Västerbotten", slug="vasterbotten"
    )
    other_group = CoordinationGroup.objects.create(
        name="Samordningsgruppen i Norrbotten", county="Norrbotten", slug="norrbotten"
    )
    org_a = Organisation.objects.create(
        group=group, name="Polismyndigheten", short_name="Polisen", order=1
    )
    org_b = Organisation.objects.create(
        group=group, name="Migrationsverket", short_name="Migrationsverket", order=2
    )
    other_org = Organisation.objects.create(
        group=other_group, name="Region Norrbotten", short_name="Regionen", order=1
    )
    coordinator = make_person("samordnare@example.org", "Sara Samordnare")
    give_role(coordinator, group, Role.COORDINATOR)
    reader = make_person("lasare@example.org", "Rut Läsare")
    give_role(reader, group, Role.READER)
    rep_a = make_person("polisen@example.org", "Petra Polis")
    give_role(rep_a, group, Role.REPRESENTATIVE, org_a)
    rep_b = make_person("migration@example.org", "Mikael Migration")
    give_role(rep_b, group, Role.REPRESENTATIVE, org_b)
    other_coordinator = make_person("samordnare@norrbotten.example.org", "Nora Norr")
    give_role(other_coordinator, other_group, Role.COORDINATOR)
    superuser = User.objects.create_superuser("admin@example.org", PASSWORD, full_name="Admin")
    return World(
        group,
        other_group,
        org_a,
        org_b,
        other_org,
        coordinator,
        reader,
        rep_a,
        rep_b,
        other_coordinator,
        superuser,
    )


@pytest.fixture
def client_for(client):
    """A test client signed in as the given person (or anonymous for None)."""

    def sign_in(person):
        client.logout()
        if person is not None:
            client.force_login(person)
        return client

    return sign_in


def make_period(group, name="Kvartal 4 2026", starts_on=None, days_to_deadline=20):
    """An open period (started a week ago) with the default questions."""
    starts_on = starts_on or timezone.localdate() - timedelta(days=7)
    return activity_periods.period_create(
        group=group,
        name=name,
        starts_on=starts_on,
        ends_on=starts_on + timedelta(days=80),
        deadline=timezone.localdate() + timedelta(days=days_to_deadline),
    )


def make_past_period(group, name, starts_on):
    """A quarter starting on starts_on, answered by its deadline 15 days after its end."""
    _, _, ends_on = activity_periods.quarter_of(starts_on)
    return activity_periods.period_create(
        group=group,
        name=name,
        starts_on=starts_on,
        ends_on=ends_on,
        deadline=ends_on + timedelta(days=15),
    )


def answer(period, organisation, by, texts_by_number, submit=False):
    """Save answers by question number (and submit them), as a representative would."""
    questions = {q.number: q for q in period.questions.all()}
    current = Submission.objects.filter(period=period, organisation=organisation).first()
    submission = activity_services.submission_save(
        period=period,
        organisation=organisation,
        texts={questions[n].pk: text for n, text in texts_by_number.items()},
        expected_version=current.version if current else 0,
        by=by,
    )
    if submit:
        activity_services.submission_submit(submission=submission, by=by)
    return submission


def approved(period, organisation, by, coordinator, texts_by_number):
    submission = answer(period, organisation, by, texts_by_number, submit=True)
    activity_services.submission_approve(submission=submission, by=coordinator)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.APPROVED
    return submission


def make_activity(organisation, title="Utbildning för personal", starts_on=None, **fields):
    from activities.models import Activity

    return Activity.objects.create(
        organisation=organisation,
        title=title,
        kind=fields.pop("kind", "training"),
        status=fields.pop("status", "ongoing"),
        starts_on=starts_on or timezone.localdate() - timedelta(days=3),
        **fields,
    )


def make_records(organisation, partner, n=1):
    """n of each kind of record for the organisation, current today."""
    from activities.models import Collaboration, Need, SteeringDocument, TargetGroup

    targets = list(TargetGroup.objects.filter(group=organisation.group)[:2])
    for i in range(n):
        activity = make_activity(organisation, title=f"Aktivitet {i}")
        activity.target_groups.set(targets)
        activity.partners.set([partner])
        SteeringDocument.objects.create(
            organisation=organisation, title=f"Plan {i}", kind="action_plan", status="in_force"
        )
        Collaboration.objects.create(
            organisation=organisation, partner=partner, level="formal", description=f"Samverkan {i}"
        )
        Need.objects.create(organisation=organisation, kind="training", description=f"Behov {i}")


def make_report(group, periods=None):
    from activities.reports.services import report_create

    periods = periods or [make_period(group)]
    return report_create(group=group, first_period=periods[0], last_period=periods[-1])


def make_version(report, is_public=False, number=1):
    """A published version with stand-in files (real rendering is tested on its own)."""
    from django.core.files.base import ContentFile

    from activities.models import ReportVersion
    from activities.reports.content import compile_content

    version = ReportVersion(
        report=report,
        number=number,
        content=compile_content(report),
        published_at=timezone.now(),
        is_public=is_public,
    )
    for field in ("pdf", "docx", "odt", "public_pdf", "public_docx", "public_odt"):
        getattr(version, field).save(
            f"{field}.{field[-4:].lstrip('_')}", ContentFile(b"x"), save=False
        )
    version.archive_pdf.save("archive_pdf.pdf", ContentFile(b"x"), save=False)
    version.save()
    return version


@pytest.fixture(scope="module")
def demo_data(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo, built once for the module that asks for it (building it renders and
    publishes a report, the suite's slowest set-up). It stays in a transaction that is
    rolled back after the module's last test; each test (with `db`) runs in a savepoint
    inside it, so what one test changes the next does not see. Returns the media folder
    holding the published files: a test points MEDIA_ROOT at it."""
    from django.db import transaction
    from django.test import override_settings

    from samordning.demo.loader import load_demo

    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        load_demo()
        yield media
        transaction.set_rollback(True)
