"""The coordinator reviews: diff, comments, return with a reason, approve, reopen."""

from datetime import date

import pytest
from django.urls import reverse

from activities.models import Comment, SubmissionStatus, Transition

from .conftest import answer, approved, make_past_period, make_period


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
        _url(world, period, "submission_review"), {"decision": "return", "reason": "  "}
    )
    assert response.status_code == 400
    assert "Ange varför svaren skickas tillbaka" in response.content.decode()
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
