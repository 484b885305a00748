"""Sending the answers: the send button leads to a check page, unanswered questions need an
explicit confirmation (or, by the group's rule, an answer), and a confirmation page follows."""

import pytest
from django.urls import reverse

from activities.models import Submission, SubmissionStatus, Transition
from activities.reporting import services
from activities.reporting.periods import WorkflowError, period_lock

from .conftest import answer, make_activity, make_period, sent_mail


@pytest.fixture
def period(world):
    return make_period(world.group)


def _url(world, period, name="submission", organisation=None):
    organisation = organisation or world.org_a
    return reverse(f"activities:{name}", args=[world.group.slug, period.pk, organisation.pk])


def _save_and_check(client, world, period, texts, version=0):
    """The send button of the submission page: saves, then leads to the check page."""
    data = {"version": version, "action": "submit"}
    data.update({f"answer_{period.questions.get(number=n).pk}": t for n, t in texts.items()})
    return client.post(_url(world, period), data)


def _send(client, world, period, confirm=False, version=None):
    if version is None:
        version = Submission.objects.get(period=period, organisation=world.org_a).version
    data = {"version": version, **({"confirm_unanswered": "on"} if confirm else {})}
    return client.post(_url(world, period, "submission_check"), data)


def _require_every_answer(world):
    world.group.all_questions_required = True
    world.group.save(update_fields=["all_questions_required"])


def test_the_send_button_saves_and_leads_to_the_check_page_without_sending(world, period, client):
    client.force_login(world.rep_a)
    response = _save_and_check(client, world, period, {1: "Vi utbildar **all** personal."})
    assert response.status_code == 302
    assert response["Location"] == _url(world, period, "submission_check")
    submission = Submission.objects.get()
    assert submission.status == SubmissionStatus.DRAFT
    assert submission.answers.get().text == "Vi utbildar **all** personal."

    page = client.get(response["Location"]).content.decode()
    assert "Kontrollera dina svar innan du skickar" in page
    assert "1 av 5 frågor besvarade" in page
    assert "<strong>all</strong>" in page  # the answer as Markdown, as elsewhere
    assert page.count("Inte besvarad<") == 4
    first = period.questions.get(number=1)
    assert f'href="{_url(world, period)}#id_answer_{first.pk}"' in page  # Ändra
    assert "Jag vill skicka in svaren trots att 4 frågor inte är besvarade" in page


def test_the_check_page_shows_the_records_under_their_question(world, period, client):
    make_activity(world.org_a, title="Seminarium om människohandel")
    answer(period, world.org_a, world.rep_a, {1: "Text"})
    client.force_login(world.rep_a)
    page = client.get(_url(world, period, "submission_check")).content.decode()
    assert "Seminarium om människohandel" in page
    assert "Aktiviteter i perioden" in page


def test_sending_with_unanswered_questions_needs_the_confirmation(
    world, period, client, django_capture_on_commit_callbacks
):
    answer(period, world.org_a, world.rep_a, {1: "Text", 2: "Text", 3: "Text"})
    client.force_login(world.rep_a)
    response = _send(client, world, period)
    page = response.content.decode()
    assert response.status_code == 400
    assert 'role="alert"' in page and "Det finns ett problem" in page
    assert 'href="#id_confirm_unanswered"' in page
    assert "Kryssa i rutan för att skicka in svaren med 2 obesvarade frågor" in page
    assert Submission.objects.get().status == SubmissionStatus.DRAFT

    with django_capture_on_commit_callbacks(execute=True):
        response = _send(client, world, period, confirm=True)
    assert response["Location"] == _url(world, period, "submission_sent")
    assert Submission.objects.get().status == SubmissionStatus.SUBMITTED
    assert [m.to for m in sent_mail()] == [["samordnare@example.org"]]


def test_all_answered_sends_without_a_confirmation(world, period, client):
    answer(period, world.org_a, world.rep_a, {n: f"Svar {n}" for n in range(1, 6)})
    client.force_login(world.rep_a)
    page = client.get(_url(world, period, "submission_check")).content.decode()
    assert "5 av 5 frågor besvarade" in page
    assert "Inte besvarad" not in page and "confirm_unanswered" not in page
    response = _send(client, world, period)
    assert response.status_code == 302
    assert Submission.objects.get().status == SubmissionStatus.SUBMITTED


def test_answers_saved_after_the_check_are_not_sent_unchecked(world, period, client):
    submission = answer(period, world.org_a, world.rep_a, {1: "Första"})
    checked = submission.version
    answer(period, world.org_a, world.rep_a, {1: "Ändrad i ett annat fönster"})
    client.force_login(world.rep_a)
    response = _send(client, world, period, confirm=True, version=checked)
    page = response.content.decode()
    assert response.status_code == 409
    assert "Svaren ändrades efter att sidan öppnades" in page
    assert "Ändrad i ett annat fönster" in page
    assert f'name="version" value="{checked + 1}"' in page
    assert Submission.objects.get().status == SubmissionStatus.DRAFT


def test_a_double_send_sends_once(world, period, client):
    answer(period, world.org_a, world.rep_a, dict.fromkeys(range(1, 6), "Svar"))
    client.force_login(world.rep_a)
    _send(client, world, period)
    response = _send(client, world, period, version=1)
    assert response["Location"] == _url(world, period)  # nothing left to check
    transitions = Transition.objects.filter(to_status=SubmissionStatus.SUBMITTED)
    assert transitions.count() == 1


def test_the_group_rule_refuses_unanswered_questions_on_the_page(world, period, client):
    _require_every_answer(world)
    answer(period, world.org_a, world.rep_a, {1: "Text", 3: "Text", 4: "Text", 5: "Text"})
    client.force_login(world.rep_a)
    page = client.get(_url(world, period, "submission_check")).content.decode()
    assert "Gruppen kräver svar på alla frågor innan svaren skickas in." in page
    assert "Fråga 2) " in page[page.index('id="unanswered"') :]
    assert "Skicka in svaren</button>" not in page
    assert "Besvara de återstående frågorna" in page

    # A direct POST, even with the confirmation, cannot get past it.
    response = _send(client, world, period, confirm=True)
    assert response.status_code == 400
    assert "Inte besvarade: fråga 2." in response.content.decode()
    assert Submission.objects.get().status == SubmissionStatus.DRAFT


def test_the_service_enforces_the_group_rule(world, period):
    submission = answer(period, world.org_a, world.rep_a, {1: "Text", 2: "  "})
    _require_every_answer(world)
    with pytest.raises(WorkflowError, match="fråga 2, fråga 3, fråga 4, fråga 5"):
        services.submission_submit(submission=submission, by=world.rep_a)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.DRAFT

    world.group.all_questions_required = False
    world.group.save(update_fields=["all_questions_required"])
    assert services.submission_submit(submission=submission, by=world.rep_a)


def test_the_service_refuses_a_version_other_than_the_checked_one(world, period):
    submission = answer(period, world.org_a, world.rep_a, {1: "Text"})
    with pytest.raises(services.AnswersChanged):
        services.submission_submit(
            submission=submission, by=world.rep_a, expected_version=submission.version - 1
        )
    assert services.submission_submit(
        submission=submission, by=world.rep_a, expected_version=submission.version
    )


def test_the_confirmation_page_says_what_happens_next(world, period, client):
    answer(period, world.org_a, world.rep_a, {1: "Text"}, submit=True)
    client.force_login(world.rep_a)
    page = client.get(_url(world, period, "submission_sent")).content.decode()
    assert "Svaren är inskickade" in page
    assert "Polismyndigheten" in page and period.name in page
    assert "Samordnaren granskar era svar." in page
    assert "e-postmeddelande" in page and "Under tiden kan du inte ändra svaren" in page
    assert reverse("activities:my_submissions", args=[world.group.slug]) in page


def test_the_confirmation_and_check_pages_only_where_they_apply(world, period, client):
    client.force_login(world.rep_a)
    # Nothing sent yet, nothing saved yet: both lead to the submission page.
    assert client.get(_url(world, period, "submission_sent"))["Location"] == _url(world, period)
    assert client.get(_url(world, period, "submission_check"))["Location"] == _url(world, period)
    answer(period, world.org_a, world.rep_a, {1: "Text"})
    assert client.get(_url(world, period, "submission_sent"))["Location"] == _url(world, period)


@pytest.mark.parametrize("persona", ["coordinator", "reader", "rep_b"])
def test_only_the_organisations_representatives_check_and_send(world, period, client, persona):
    answer(period, world.org_a, world.rep_a, {1: "Text"})
    client.force_login(world.persona(persona))
    assert client.get(_url(world, period, "submission_check")).status_code == 403
    assert _send(client, world, period, confirm=True).status_code == 403
    assert client.get(_url(world, period, "submission_sent")).status_code == 403
    assert Submission.objects.get().status == SubmissionStatus.DRAFT


def test_another_groups_coordinator_gets_not_found(world, period, client):
    client.force_login(world.other_coordinator)
    assert client.get(_url(world, period, "submission_check")).status_code == 404


def test_the_group_settings_page_sets_the_rule(world, client):
    client.force_login(world.coordinator)
    url = reverse("members:group_settings", args=[world.group.slug])
    assert "Alla frågor måste besvaras innan svaren skickas in" in client.get(url).content.decode()
    client.post(
        url,
        {
            "description": "",
            "reminder_days_before_deadline": 7,
            "returned_reminder_days": 5,
            "all_questions_required": "on",
        },
    )
    world.group.refresh_from_db()
    assert world.group.all_questions_required


def test_a_locked_period_sends_nothing_and_says_why(world, period, client):
    answer(period, world.org_a, world.rep_a, dict.fromkeys(range(1, 6), "Svar"))
    period_lock(period=period, by=world.coordinator)
    client.force_login(world.rep_a)
    response = _send(client, world, period)
    assert response.status_code == 400
    page = response.content.decode()
    assert 'role="alert"' in page and "Perioden är låst" in page
    assert Submission.objects.get().status == SubmissionStatus.DRAFT
