"""A representative writes, saves, carries forward and submits; nothing typed is lost."""

import time
from datetime import date

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from activities.models import AnswerVersion, Submission, SubmissionStatus, Transition

from .conftest import (
    approved,
    give_role,
    make_past_period,
    make_period,
    make_person,
)


@pytest.fixture
def period(world):
    return make_period(world.group)


def _url(world, period, organisation=None, name="submission"):
    organisation = organisation or world.org_a
    return reverse(f"activities:{name}", args=[world.group.slug, period.pk, organisation.pk])


def _q(period, number):
    return period.questions.get(number=number)


def _post(client, world, period, texts, version=0, action="save", **extra):
    data = {"version": version, "action": action, **extra}
    data.update({f"answer_{_q(period, n).pk}": text for n, text in texts.items()})
    return client.post(_url(world, period), data)


def test_the_representative_sees_every_question_with_its_help(world, period, client):
    client.force_login(world.rep_a)
    page = client.get(_url(world, period)).content.decode()
    for question in period.questions.all():
        assert f"Fråga {question.number}) {question.title}" in page
        assert question.help_text in page
    assert "Inte påbörjad" in page
    assert 'name="version" value="0"' in page


def test_saving_keeps_a_version_of_each_changed_answer(world, period, client):
    client.force_login(world.rep_a)
    response = _post(
        client, world, period, {1: "Vi utbildar personal.", 2: "Uppdrag från regeringen."}
    )
    assert response.status_code == 302
    submission = Submission.objects.get(period=period, organisation=world.org_a)
    assert submission.status == SubmissionStatus.DRAFT
    assert submission.version == 1
    _post(
        client,
        world,
        period,
        {1: "Vi utbildar all personal.", 2: "Uppdrag från regeringen."},
        version=1,
    )
    versions = AnswerVersion.objects.filter(answer__submission=submission)
    assert sorted(versions.values_list("answer__question__number", "number")) == [
        (1, 1),
        (1, 2),
        (2, 1),
    ]
    assert versions.get(answer__question__number=1, number=2).created_by == world.rep_a
    page = client.get(_url(world, period)).content.decode()
    assert "Vi utbildar all personal." in page
    assert "Era svar har sparats." in page


def _send(client, world, period, confirm=True):
    """Send from the check page, where the send button leads."""
    submission = Submission.objects.get(period=period, organisation=world.org_a)
    data = {"version": submission.version, **({"confirm_unanswered": "on"} if confirm else {})}
    return client.post(_url(world, period, name="submission_check"), data)


def test_empty_answers_are_allowed_and_submitting_changes_state_once(world, period, client):
    client.force_login(world.rep_a)
    response = _post(client, world, period, {2: "Bara fråga två."}, action="submit")
    assert response["Location"] == _url(world, period, name="submission_check")
    assert _send(client, world, period).status_code == 302
    submission = Submission.objects.get(period=period, organisation=world.org_a)
    assert submission.status == SubmissionStatus.SUBMITTED
    assert list(submission.answers.values_list("question__number", flat=True)) == [2]
    # The second click of a double submit, from the submission page and from the check page.
    response = _post(
        client, world, period, {2: "Bara fråga två."}, version=submission.version, action="submit"
    )
    assert "kan inte längre ändras" in response.content.decode()
    assert _send(client, world, period).status_code == 302
    assert (
        Transition.objects.filter(
            submission=submission, to_status=SubmissionStatus.SUBMITTED
        ).count()
        == 1
    )


def test_an_over_long_answer_is_refused_and_the_text_kept(world, period, client):
    client.force_login(world.rep_a)
    long_text = "ord " * 5001
    response = _post(client, world, period, {1: long_text, 2: "Kort svar"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "får vara högst 20000 tecken (nu 20004)" in page
    assert "Kort svar" in page
    assert long_text.strip()[:100] in page
    assert not Submission.objects.exists()


def test_the_answers_are_stored_as_typed_and_rendered_inert(world, period, client):
    hostile = (
        '<script>alert("x")</script> <img src=x onerror=alert(1)> '
        "[klick](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) "
        '<a href="javascript:alert(2)" onclick="alert(3)">a</a>\n\n- punkt\n- https://www.example.se'
    )
    client.force_login(world.rep_a)
    _post(client, world, period, {1: hostile}, action="submit")
    _send(client, world, period)
    stored = Submission.objects.get().answers.get().text
    assert stored == hostile
    client.force_login(world.coordinator)
    page = client.get(_url(world, period)).content.decode()
    answer_html = page[page.index('class="answer-text-read"') :]
    answer_html = answer_html[: answer_html.index("</div>")]
    assert "<script" not in answer_html
    assert "<img" not in answer_html
    assert "&lt;script&gt;" in answer_html
    assert '<a href="javascript' not in answer_html
    assert '<a href="data:' not in answer_html
    assert "&lt;a href=" in answer_html  # the typed tag is shown as text
    assert "<a onclick" not in answer_html
    assert "<li>punkt</li>" in answer_html
    assert '<a href="https://www.example.se"' in answer_html


def test_starting_from_previous_answers_fills_only_the_empty_ones(world, client):
    past = make_past_period(world.group, "Kvartal 3 2026", date(2026, 7, 1))
    approved(
        past,
        world.org_a,
        world.rep_a,
        world.coordinator,
        {1: "Gammalt arbete", 2: "Gammalt uppdrag", 5: "Gammal framtid"},
    )
    current = make_period(world.group, name="Kvartal 4 2026")
    client.force_login(world.rep_a)
    response = _post(client, world, current, {1: "Nytt arbete", 2: ""}, action="carry_forward")
    assert response.status_code == 302
    texts = dict(
        Submission.objects.get(period=current).answers.values_list("question__number", "text")
    )
    assert texts == {1: "Nytt arbete", 2: "Gammalt uppdrag", 5: "Gammal framtid"}
    page = client.get(response["Location"]).content.decode()
    assert "2 tomma svar fylldes" in page


def test_starting_from_previous_answers_without_any_says_so(world, period, client):
    client.force_login(world.rep_a)
    response = _post(client, world, period, {1: "Mitt svar"}, action="carry_forward")
    page = response.content.decode()
    assert "Det finns inga tidigare godkända svar" in page
    assert "Mitt svar" in page


def test_a_second_editor_with_an_older_page_is_refused_and_shown_both_texts(world, period, client):
    colleague = make_person("polisen2@example.org", "Kalle Kollega")
    give_role(colleague, world.group, "representative", world.org_a)
    client.force_login(world.rep_a)
    _post(client, world, period, {1: "Första texten"})  # version 1
    # Both open the page at version 1; Petra saves first.
    _post(client, world, period, {1: "Petras nya text"}, version=1)
    other = Client()
    other.force_login(colleague)
    response = other.post(
        _url(world, period),
        {"version": 1, "action": "save", f"answer_{_q(period, 1).pk}": "Kalles text"},
    )
    page = response.content.decode()
    assert response.status_code == 409
    assert "Någon annan har sparat" in page
    assert "Kalles text" in page
    assert "Petras nya text" in page
    assert 'name="version" value="2"' in page
    assert Submission.objects.get().answers.get().text == "Petras nya text"
    # Having merged, Kalle saves again from the page he was shown.
    other.post(
        _url(world, period),
        {"version": 2, "action": "save", f"answer_{_q(period, 1).pk}": "Petras och Kalles text"},
    )
    assert Submission.objects.get().answers.get().text == "Petras och Kalles text"


def _idle_for_too_long(client):
    session = client.session
    session["last_activity"] = time.time() - settings.SESSION_IDLE_SECONDS - 1
    session.save()


def test_a_save_after_the_session_expired_is_shown_back_after_signing_in(world, period, client):
    client.force_login(world.rep_a)
    _post(client, world, period, {1: "Sparad text"})
    _idle_for_too_long(client)  # the session runs out while typing
    response = _post(client, world, period, {1: "Det jag skrev i en timme"}, version=1)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("members:login"))
    assert Submission.objects.get().answers.get().text == "Sparad text"
    login = client.post(
        response["Location"],
        {"username": "polisen@example.org", "password": "ett-långt-lösenord-för-test"},
    )
    page = client.get(login["Location"]).content.decode()
    assert "Det jag skrev i en timme" in page
    assert "Du loggades ut innan dina svar sparades" in page
    # It is shown once, then saved by the person.
    _post(client, world, period, {1: "Det jag skrev i en timme"}, version=1)
    assert Submission.objects.get().answers.get().text == "Det jag skrev i en timme"
    assert "Det jag skrev i en timme" in client.get(_url(world, period)).content.decode()


def test_a_form_with_an_outdated_csrf_token_keeps_the_text(world, period):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world.rep_a)
    browser.get(_url(world, period))
    old_token = browser.cookies["csrftoken"].value
    # The session ends; in another tab the person signs in again, which rotates the token.
    browser.logout()
    browser.cookies["csrftoken"] = old_token  # the browser keeps it when the session ends
    browser.post(
        reverse("members:login"),
        {
            "csrfmiddlewaretoken": old_token,
            "username": "polisen@example.org",
            "password": "ett-långt-lösenord-för-test",
        },
    )
    assert browser.cookies["csrftoken"].value != old_token
    response = browser.post(
        _url(world, period),
        {
            "csrfmiddlewaretoken": old_token,
            "version": 0,
            "action": "save",
            f"answer_{_q(period, 1).pk}": "Min långa text",
        },
    )
    page = response.content.decode()
    assert response.status_code == 403
    assert "Min långa text" in page
    assert "Dina svar sparades inte eftersom sidan hade gått ut" in page
    assert not Submission.objects.exists()


def test_a_representative_of_another_organisation_cannot_save(world, period, client):
    client.force_login(world.rep_b)
    response = _post(client, world, period, {1: "Intrång"})
    assert response.status_code == 403
    assert not Submission.objects.exists()


def test_the_coordinator_reads_but_does_not_write(world, period, client):
    client.force_login(world.coordinator)
    assert 'name="version"' not in client.get(_url(world, period)).content.decode()
    assert _post(client, world, period, {1: "Samordnarens text"}).status_code == 403


def test_autosave_saves_the_draft_and_returns_the_new_version(world, period, client):
    client.force_login(world.rep_a)
    url = _url(world, period, name="submission_autosave")
    response = client.post(url, {"version": 0, f"answer_{_q(period, 1).pk}": "Utkast"})
    assert response.status_code == 200
    assert response.json()["version"] == 1
    assert "Utkastet sparades automatiskt" in response.json()["message"]
    assert Submission.objects.get().answers.get().text == "Utkast"
    stale = client.post(url, {"version": 0, f"answer_{_q(period, 1).pk}": "Annat"})
    assert stale.status_code == 409
    assert Submission.objects.get().answers.get().text == "Utkast"


def test_autosave_after_sign_out_answers_401_not_a_login_page(world, period, client):
    response = client.post(_url(world, period, name="submission_autosave"), {"version": 0})
    assert response.status_code == 401
    assert "utloggad" in response.json()["message"]


def test_versions_are_listed_and_compared_word_by_word(world, period, client):
    client.force_login(world.rep_a)
    _post(client, world, period, {1: "Vi har en plan."})
    _post(client, world, period, {1: "Vi har en ny plan."}, version=1)
    url = reverse(
        "activities:answer_versions",
        args=[world.group.slug, period.pk, world.org_a.pk, _q(period, 1).pk],
    )
    page = client.get(url).content.decode()
    assert "Version 2" in page
    assert "Version 1" in page
    assert '<ins><span class="visually-hidden">[+] </span>ny </ins>' in page
