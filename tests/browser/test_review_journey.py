"""The coordinator's review on one screen, in a real browser: the decision at the top,
the switch between the answers and their changes, comments behind "Kommentera",
"Godkänn och granska nästa" through two submissions, and a return that points to a
question after the step that names its consequence. axe on every step."""

import re

import pytest
from django.test import override_settings
from django.urls import reverse

from activities.models import Period, Submission, SubmissionStatus
from activities.reporting import services
from members.models import Organisation
from samordning.demo.loader import load_demo

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        load_demo()


def _submission(name):
    return Submission.objects.select_related("period__group").get(
        organisation__name=name, period=Period.objects.order_by("-starts_on").first()
    )


def _address(submission):
    return reverse(
        "activities:submission",
        args=[submission.period.group.slug, submission.period_id, submission.organisation_id],
    )


def _no_sideways_scroll(page):
    """True when the page is no wider than the window; else names what sticks out."""
    wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 5).map(e => e.outerHTML.slice(0, 120))"""
    )
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), wide
    return True


def test_a_coordinator_reviews_two_submissions_and_returns_one_pointing_to_a_question(
    demo, new_page
):
    # Set-up: besides Polisen and Landstinget, Regionen sends its draft too. Waiting by
    # name: Polismyndigheten, Region Västerbotten, Västerbottens läns landsting.
    regionen = _submission("Region Västerbotten")
    representative = regionen.organisation.representatives.filter(role="representative").first()
    services.submission_submit(submission=regionen, by=representative.user)
    polisen = _submission("Polismyndigheten, Region Nord")
    assert polisen.status == SubmissionStatus.SUBMITTED

    page = new_page()
    sign_in(page, "samordnare@example.org")
    page.goto(_address(polisen))
    decision = page.locator("#decision")
    assert decision.get_by_role("button", name="Godkänn", exact=True).is_visible()
    assert decision.get_by_text(re.compile(r"\d av 5 besvarade")).is_visible()
    assert decision.get_by_text("2 till väntar på granskning").is_visible()
    assert_accessible(page, "review")

    # The decision stays in view at the end of the answers.
    page.mouse.wheel(0, 20000)
    page.wait_for_timeout(200)
    assert decision.get_by_role("button", name="Godkänn och granska nästa").is_visible()
    box = decision.bounding_box()
    assert box is not None and 0 <= box["y"] < 10

    # One view of each answer: the switch shows the changes instead of the text.
    toggle = page.get_by_role("button", name=re.compile("^Ändringar sedan"))
    assert toggle.get_attribute("aria-pressed") == "false"
    assert page.locator(".diff ins").first.is_hidden()
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    assert page.locator(".diff ins").first.is_visible()
    changed = page.locator("[data-answer-view='text']").first
    assert changed.is_hidden()
    assert page.url.endswith("?visa=andringar")
    assert_accessible(page)
    page.reload()  # the address keeps the view
    assert page.locator(".diff ins").first.is_visible()
    toggle.click()
    assert changed.is_visible()
    assert "visa=" not in page.url

    # The comment box is folded behind "Kommentera".
    box = page.get_by_label("Kommentar till fråga 1")
    assert box.is_hidden()
    page.locator("summary", has_text="Kommentera fråga 1").click()
    box.fill("Vilka hotell besöktes?")
    assert_accessible(page)
    page.get_by_role("button", name="Lägg till kommentar").first.click()
    assert page.get_by_text("Kommentaren har lagts till.").is_visible()
    assert page.get_by_text("Vilka hotell besöktes?").is_visible()

    # Approve and go on: Region Västerbotten, then Västerbottens läns landsting.
    page.get_by_role("button", name="Godkänn och granska nästa").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Region Västerbotten")
    assert page.get_by_text("Svaren har godkänts.").is_visible()
    assert page.locator("#decision").get_by_text("1 till väntar på granskning").is_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Godkänn och granska nästa").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Västerbottens läns")
    assert page.locator("#decision").get_by_text("Inga andra svar väntar").is_visible()
    for name in ("Polismyndigheten, Region Nord", "Region Västerbotten"):
        assert _submission(name).status == SubmissionStatus.APPROVED

    # On a phone the decision sits at the top, and nothing scrolls sideways.
    page.set_viewport_size({"width": 320, "height": 640})
    assert _no_sideways_scroll(page)
    page.get_by_role("link", name="Till beslut").last.click()
    assert page.get_by_role("link", name="Skicka tillbaka").is_visible()
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})

    # Returning: first a step that names the consequence; a missing reason is summarised.
    page.get_by_role("link", name="Skicka tillbaka").click()
    page.set_viewport_size({"width": 320, "height": 640})
    assert _no_sideways_scroll(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    assert page.get_by_text(
        "Svaren låses upp för Västerbottens läns landsting och de får ett e-postmeddelande"
    ).is_visible()
    assert_accessible(page)
    page.get_by_label("Gäller fråga 2)").check()
    page.get_by_role("button", name="Skicka tillbaka svaren").click()
    summary = page.locator(".error-summary")
    assert summary.get_by_text("Svaren skickades inte tillbaka").is_visible()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert_accessible(page)
    summary.get_by_role("link", name="Ange varför svaren skickas tillbaka.").click()
    assert page.evaluate("document.activeElement.id") == "return-reason"
    page.get_by_label("Varför skickas svaren tillbaka? (krävs)").fill("Beskriv uppdraget närmare.")
    assert page.get_by_label("Gäller fråga 2)").is_checked()
    page.get_by_role("button", name="Skicka tillbaka svaren").click()
    assert page.get_by_text("Svaren har skickats tillbaka till organisationen.").is_visible()
    assert_accessible(page)
    landstinget = _submission("Västerbottens läns landsting")
    assert landstinget.status == SubmissionStatus.RETURNED
    assert landstinget.transitions.last().questions == [2]

    # The representative sees the reason and the marker at question 2 only.
    organisation = Organisation.objects.get(name="Västerbottens läns landsting")
    email = organisation.representatives.filter(role="representative").first().user.email
    representative_page = new_page()
    sign_in(representative_page, email)
    representative_page.goto(_address(landstinget))
    note = representative_page.get_by_role("note")
    assert note.get_by_text("Beskriv uppdraget närmare.").is_visible()
    assert note.get_by_role("link", name=re.compile(r"^Fråga 2\)")).is_visible()
    marker = representative_page.get_by_text("Samordnaren vill att du ser över den här frågan.")
    assert marker.count() == 1
    question = representative_page.locator("section.question-block").nth(1)
    assert question.get_by_text("Samordnaren vill att du ser över den här frågan.").is_visible()
    assert_accessible(representative_page)
