"""The coordinator reviews: diff, comments, return with a reason, approve, reopen."""

from datetime import date

import pytest
from django.urls import reverse

from activities.models import Comment, SubmissionStatus, Transition
from activities.reporting import services
from members.models import Organisation

from .conftest import answer, approved, make_past_period, make_period, sent_mail


@pytest.fixture
def history(world):
    past = make_past_period(world.group, "Kvartal 3 2026", date(2026, 7, 1))
    approved(
        past,
        world.org_a,
        world.rep_a,
        world.coordinator,
        {1: "Vi har en plan för hotell.", 2: "Regeringsuppdrag."},
    )
    current = make_period(world.group, name="Kvartal 4 2026")
    submission = answer(
        current,
        world.org_a,
        world.rep_a,
        {1: "Vi har en ny plan för taxi och hotell.", 2: "Regeringsuppdrag."},
        submit=True,
    )
    return current, submission


def _url(world, period, name="submission"):
    return reverse(f"activities:{name}", args=[world.group.slug, period.pk, world.org_a.pk])


def test_the_coordinator_sees_what_changed_since_the_previous_period(world, history, client):
    period, _ = history
    client.force_login(world.coordinator)
    page = client.get(_url(world, period)).content.decode()
    assert "Ändringar sedan Kvartal 3 2026" in page
    assert '<ins><span class="visually-hidden">[+] </span>ny </ins>' in page
    assert "Oförändrat sedan Kvartal 3 2026" in page  # question 2


def test_returning_requires_a_reason(world, history, client):
    period, submission = history
    client.force_login(world.coordinator)
    response = client.post(
        _url(world, period, "submission_review"),
        {"decision": "return", "reason": "  ", "questions": ["2"]},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Svaren skickades inte tillbaka" in page  # the error summary, on the return page
    assert '<a href="#return-reason">Ange varför svaren skickas tillbaka.</a>' in page
    assert 'value="2" id="return-question-2" checked' in page  # the choice is kept
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED


def test_the_full_round_return_reply_resubmit_resolve_approve(world, history, client):
    period, submission = history
    question = period.questions.get(number=1)
    client.force_login(world.coordinator)
    client.post(
        _url(world, period, "comment_add"), {"question": question.pk, "text": "Vilka hotell?"}
    )
    client.post(
        _url(world, period, "submission_review"),
        {"decision": "return", "reason": "Förtydliga fråga 1."},
    )
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.RETURNED

    client.force_login(world.rep_a)
    page = client.get(_url(world, period)).content.decode()
    assert "Förtydliga fråga 1." in page
    block = page[page.index(f'id="question-{question.pk}"') :]
    assert block.index("Vilka hotell?") < block.index("</section>")  # the comment beside its answer
    thread = Comment.objects.get()
    response = client.post(
        _url(world, period),
        {
            "version": submission.version,
            "action": "submit",
            f"answer_{question.pk}": "Vi har en ny plan för taxi och hotellen i Umeå.",
            f"reply_{thread.pk}": "Hotellen i Umeå centrum.",
        },
    )
    assert response.status_code == 302
    client.post(
        _url(world, period, "submission_check"),
        {"version": submission.version + 1, "confirm_unanswered": "on"},
    )
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED
    assert thread.replies.get().text == "Hotellen i Umeå centrum."

    client.force_login(world.coordinator)
    client.post(
        reverse(
            "activities:comment_resolve",
            args=[world.group.slug, period.pk, world.org_a.pk, thread.pk],
        )
    )
    client.post(_url(world, period, "submission_review"), {"decision": "approve"})
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.APPROVED
    steps = list(
        Transition.objects.filter(submission=submission).values_list(
            "from_status", "to_status", "by__email", "comment"
        )
    )
    assert steps == [
        ("", "draft", "polisen@example.org", ""),
        ("draft", "submitted", "polisen@example.org", ""),
        ("submitted", "returned", "samordnare@example.org", "Förtydliga fråga 1."),
        ("returned", "submitted", "polisen@example.org", ""),
        ("submitted", "approved", "samordnare@example.org", ""),
    ]
    page = client.get(_url(world, period)).content.decode()
    assert "Historik" in page
    assert "Löst" in page  # the thread stays visible, resolved


def test_an_approved_submission_is_frozen_until_reopened(world, history, client):
    period, submission = history
    client.force_login(world.coordinator)
    client.post(_url(world, period, "submission_review"), {"decision": "approve"})
    client.force_login(world.rep_a)
    question = period.questions.get(number=1)
    response = client.post(
        _url(world, period),
        {
            "version": submission.version + 1,
            "action": "save",
            f"answer_{question.pk}": "Ändrat i efterhand",
        },
    )
    assert "kan inte längre ändras" in response.content.decode()
    assert (
        submission.answers.get(question=question).text == "Vi har en ny plan för taxi och hotell."
    )
    client.force_login(world.coordinator)
    client.post(
        _url(world, period, "submission_review"),
        {"decision": "reopen", "reason": "Nya uppgifter har kommit."},
    )
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.RETURNED
    assert submission.is_editable


@pytest.mark.parametrize(
    ("status", "decision"),
    [
        ("draft", "approve"),
        ("draft", "return"),
        ("returned", "approve"),
        ("approved", "return"),
        ("submitted", "reopen"),
    ],
)
def test_decisions_out_of_turn_are_refused(world, history, client, status, decision):
    period, submission = history
    type(submission).objects.filter(pk=submission.pk).update(status=status)
    client.force_login(world.coordinator)
    response = client.post(
        _url(world, period, "submission_review"), {"decision": decision, "reason": "Skäl"}
    )
    assert response.status_code == 400
    assert "Det går inte" in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == status


def test_approving_twice_records_one_transition(world, history, client):
    period, submission = history
    client.force_login(world.coordinator)
    client.post(_url(world, period, "submission_review"), {"decision": "approve"})
    client.post(_url(world, period, "submission_review"), {"decision": "approve"})
    assert Transition.objects.filter(submission=submission, to_status="approved").count() == 1


def test_a_representative_cannot_start_a_comment_thread(world, history, client):
    period, _ = history
    client.force_login(world.rep_a)
    response = client.post(_url(world, period, "comment_add"), {"text": "Jag kommenterar själv"})
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_a_representative_replies_to_a_thread_on_a_submitted_submission(world, history, client):
    period, submission = history
    thread = Comment.objects.create(submission=submission, author=world.coordinator, text="Fråga?")
    client.force_login(world.rep_a)
    client.post(_url(world, period, "comment_add"), {"thread": thread.pk, "text": "Svar!"})
    assert thread.replies.get().author == world.rep_a


def test_a_locked_period_refuses_review(world, history, client):
    period, submission = history
    client.force_login(world.coordinator)
    client.post(
        reverse("activities:period_lock", args=[world.group.slug, period.pk]), {"lock": "1"}
    )
    response = client.post(_url(world, period, "submission_review"), {"decision": "approve"})
    assert "Perioden är låst" in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED


def test_a_comment_as_long_as_the_box_allows_is_kept_whatever_its_line_breaks(
    world, history, client
):
    """The browser counts a line break as one character against maxlength="5000" but
    sends it as two (CR LF): the server counts as the browser does."""
    period, submission = history
    question = period.questions.get(number=1)
    client.force_login(world.coordinator)
    lines = ["x" * 99] * 50  # 50 lines of 99 characters and 49 line breaks
    typed = "\n".join(lines) + "y"  # 4,999 + 1 = 5,000 as the browser counts
    assert len(typed) == 5000
    client.post(
        _url(world, period, "comment_add"),
        {"question": question.pk, "text": typed.replace("\n", "\r\n")},
    )
    assert Comment.objects.get(submission=submission).text == typed
    response = client.post(
        _url(world, period, "comment_add"),
        {"question": question.pk, "text": typed.replace("\n", "\r\n") + "z"},
        follow=True,
    )
    assert Comment.objects.filter(submission=submission).count() == 1
    assert "Kommentaren var tom eller för lång" in response.content.decode()


def test_the_decision_comes_before_the_answers_and_each_answer_is_shown_once(
    world, history, client
):
    period, _ = history
    client.force_login(world.coordinator)
    page = client.get(_url(world, period)).content.decode()
    assert page.index('id="decision"') < page.index("Fråga 1)")
    assert "Godkänn och granska nästa" in page
    assert "2 av 5 besvarade" in page
    assert "Inga andra svar väntar på granskning" in page
    # The text is shown; the changes are there for the switch, hidden.
    assert '<div class="answer-view" data-answer-view="text">' in page
    assert 'data-answer-view="changes" hidden>' in page
    assert '<a class="answers-view-link" href="?visa=andringar">' in page
    # Comment boxes are folded behind "Kommentera".
    assert "<summary>Kommentera fråga 1</summary>" in page
    assert '<details class="new-comment" open' not in page

    changes = client.get(_url(world, period) + "?visa=andringar").content.decode()
    assert '<div class="answer-view" data-answer-view="text" hidden>' in changes
    assert 'data-answer-view="changes">' in changes
    assert '<a class="answers-view-link" href="?">Visa svarens text</a>' in changes


def test_the_review_panel_counts_the_others_waiting(world, history, client):
    period, _ = history
    answer(period, world.org_b, world.rep_b, {1: "Svar."}, submit=True)
    client.force_login(world.coordinator)
    page = client.get(_url(world, period)).content.decode()
    assert "1 till väntar på granskning" in page


def test_the_next_waiting_submission_goes_by_organisation_name(world, history):
    period, polisen = history
    # Name order: Länsstyrelsen, Migrationsverket, Polismyndigheten, Åklagarmyndigheten.
    lansstyrelsen = Organisation.objects.create(
        group=world.group, name="Länsstyrelsen", short_name="Lst", order=3
    )
    aklagare = Organisation.objects.create(
        group=world.group, name="Åklagarmyndigheten", short_name="Åkl", order=4
    )
    migration = answer(period, world.org_b, world.rep_b, {1: "Svar."}, submit=True)
    answer(period, lansstyrelsen, world.rep_b, {1: "Utkast."})  # a draft waits for nobody
    answer(period, aklagare, world.rep_b, {1: "Svar."}, submit=True)

    assert services.next_waiting(period).organisation == world.org_b
    assert services.next_waiting(period, after=migration).organisation == world.org_a
    assert services.next_waiting(period, after=polisen).organisation == world.org_b
    services.submission_approve(submission=migration, by=world.coordinator)
    assert services.next_waiting(period, after=polisen).organisation == aklagare


def test_approve_and_review_the_next_goes_on_then_back_to_the_overview(world, history, client):
    period, submission = history
    migration = answer(period, world.org_b, world.rep_b, {1: "Svar."}, submit=True)
    client.force_login(world.coordinator)
    response = client.post(_url(world, period, "submission_review"), {"decision": "approve_next"})
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.APPROVED
    assert response.url == reverse(
        "activities:submission", args=[world.group.slug, period.pk, world.org_b.pk]
    )
    response = client.post(
        reverse("activities:submission_review", args=[world.group.slug, period.pk, world.org_b.pk]),
        {"decision": "approve_next"},
        follow=True,
    )
    migration.refresh_from_db()
    assert migration.status == SubmissionStatus.APPROVED
    assert response.redirect_chain[-1][0] == reverse(
        "activities:period_overview", args=[world.group.slug, period.pk]
    )
    assert "Inga fler svar väntar på granskning." in response.content.decode()


def test_sending_back_shows_the_consequence_before_anything_changes(world, history, client):
    period, submission = history
    client.force_login(world.coordinator)
    page = client.get(_url(world, period)).content.decode()
    assert 'name="decision" value="return"' not in page  # no one-click return
    assert _url(world, period, "submission_return") in page
    page = client.get(_url(world, period, "submission_return")).content.decode()
    assert (
        "Svaren låses upp för Polismyndigheten och de får ett e-postmeddelande med din motivering."
        in page
    )
    assert "Gäller fråga 2) " in page
    assert "btn-danger" not in page and "btn-outline-danger" not in page
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED


def test_the_return_page_is_only_for_submitted_answers(world, history, client):
    period, submission = history
    type(submission).objects.filter(pk=submission.pk).update(status="approved")
    client.force_login(world.coordinator)
    response = client.get(_url(world, period, "submission_return"), follow=True)
    assert "Bara inskickade svar kan skickas tillbaka." in response.content.decode()
    client.force_login(world.rep_a)
    assert client.get(_url(world, period, "submission_return")).status_code == 403


def test_a_return_keeps_the_questions_it_concerns_and_shows_them(world, history, client):
    period, submission = history
    client.force_login(world.coordinator)
    client.post(
        _url(world, period, "submission_review"),
        {"decision": "return", "reason": "Se över uppdraget.", "questions": ["2", "2", "4"]},
    )
    step = Transition.objects.get(submission=submission, to_status="returned")
    assert step.questions == [2, 4]

    client.force_login(world.rep_a)
    page = client.get(_url(world, period)).content.decode()
    assert "Samordnaren vill att du ser över:" in page
    second = period.questions.get(number=2)
    assert f'<a href="#question-{second.pk}">Fråga 2) ' in page
    assert page.count("Samordnaren vill att du ser över den här frågan.") == 2
    assert "Gäller fråga 2, 4" in page  # in the history
    block = page[page.index(f'id="question-{second.pk}"') :]
    assert block.index("Samordnaren vill att du ser över den här frågan.") < block.index(
        "</section>"
    )


def test_the_returned_mail_names_the_questions(
    world, history, client, django_capture_on_commit_callbacks
):
    period, _ = history
    sent_mail().clear()
    client.force_login(world.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            _url(world, period, "submission_review"),
            {"decision": "return", "reason": "Se över uppdraget.", "questions": ["2"]},
        )
    (mail,) = [m for m in sent_mail() if m.to == ["polisen@example.org"]]
    title = period.questions.get(number=2).title
    assert "Samordnaren vill att du ser över:" in mail.body
    assert f"- Fråga 2) {title}" in mail.body
    assert "Fråga 1)" not in mail.body
    html = mail.alternatives[0][0]
    assert f"<li>Fråga 2) {title}</li>" in html


@pytest.mark.parametrize("numbers", [["9"], ["-1"]])
def test_a_return_pointing_to_questions_not_in_the_period_is_refused(
    world, history, client, numbers
):
    period, submission = history
    client.force_login(world.coordinator)
    response = client.post(
        _url(world, period, "submission_review"),
        {"decision": "return", "reason": "Skäl", "questions": numbers},
    )
    assert response.status_code == 400
    assert "Välj bara frågor i den här perioden." in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED
