"""A representative sends answers with one left empty: the check page warns, sending
without the confirmation shows the error summary, confirming sends and the confirmation
page follows. axe on each page; none scrolls sideways at 320 px."""

import pytest
from django.test import override_settings
from playwright.sync_api import expect

from activities.models import Submission, SubmissionStatus
from samordning.demo.loader import load_demo

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NO_SIDEWAYS_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"


@pytest.fixture
def demo(transactional_db):
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        load_demo()


def _fits_a_phone(page):
    size = page.viewport_size
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate(NO_SIDEWAYS_SCROLL), f"{page.url} scrolls sideways at 320 px"
    page.set_viewport_size(size)


def test_a_representative_sends_with_an_empty_answer_after_confirming(demo, new_page):
    page = new_page()
    sign_in(page, "regionen@example.org")
    page.get_by_role("link", name="Svara för Region Västerbotten – Kvartal 4 2026").click()
    for number in range(1, 5):
        page.get_by_label(f"Ert svar på fråga {number}").fill(f"Vårt svar på fråga {number}.")
    page.get_by_label("Ert svar på fråga 5").fill("")
    page.get_by_role("button", name="Spara och kontrollera innan du skickar").click()

    # The check page: every answer, the empty one marked, the count at the top.
    page.get_by_role("heading", name="Kontrollera dina svar innan du skickar").wait_for()
    assert page.get_by_text("4 av 5 frågor besvarade").is_visible()
    assert page.get_by_text("Vårt svar på fråga 2.").is_visible()
    assert page.get_by_text("Inte besvarad", exact=True).is_visible()
    submission = Submission.objects.get(
        organisation__short_name="Regionen", period__name="Kvartal 4 2026"
    )
    assert submission.status == SubmissionStatus.DRAFT  # saved, not sent
    assert_accessible(page, "check-answers")
    _fits_a_phone(page)

    # "Ändra" leads to the answer's field on the submission page, and back again.
    page.get_by_role("link", name="Ändra svaret på fråga 5").click()
    page.wait_for_url("**/organisationer/*/#id_answer_*")
    assert page.get_by_label("Ert svar på fråga 5").is_visible()
    page.go_back()

    # Sending without the confirmation: an error summary, focused, linking to the box.
    page.get_by_role("button", name="Skicka in svaren").click()
    summary = page.get_by_role("alert")
    assert summary.get_by_text("Det finns ett problem").is_visible()
    assert page.evaluate("() => document.activeElement.classList.contains('error-summary')")
    assert_accessible(page, "check-answers-error")
    summary.get_by_role("link").click()
    assert page.evaluate("() => document.activeElement.id") == "id_confirm_unanswered"
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.DRAFT

    # With the confirmation the answers go; the confirmation page says what comes next.
    page.get_by_label("Jag vill skicka in svaren trots att 1 fråga inte är besvarad").check()
    page.get_by_role("button", name="Skicka in svaren").click()
    page.get_by_role("heading", name="Svaren är inskickade").wait_for()
    assert page.get_by_text("Samordnaren granskar era svar.").is_visible()
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED
    assert_accessible(page, "answers-sent")
    _fits_a_phone(page)
    page.get_by_role("link", name="Se svaren som ni skickade in").click()
    expect(page.locator(".submission-facts").get_by_text("Inskickad")).to_be_visible()
