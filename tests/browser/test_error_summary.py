"""The error summary and the confirmation steps, in a real browser: an empty form shows
the summary and focuses it; its links move focus to the fields; a heavy action is asked
about first and names its consequence. axe on every page reached."""

import re

import pytest
from django.test import override_settings
from playwright.sync_api import expect

from samordning.demo.loader import load_demo

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ACTIVE_ID = "document.activeElement.id"
SUMMARY_FOCUSED = "document.activeElement.classList.contains('error-summary')"


@pytest.fixture
def demo(transactional_db):
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        load_demo()


def test_an_error_summary_is_focused_and_its_links_move_focus_to_the_fields(demo, new_page):
    page = new_page()
    sign_in(page, "samordnare@example.org")
    page.goto("/grupp/vasterbotten/organisationer/ny/")
    page.locator("#id_joined_on").fill("")
    page.get_by_role("button", name="Spara").click()
    summary = page.get_by_role("alert").filter(has_text="Det finns ett problem")
    assert summary.is_visible()
    assert page.evaluate(SUMMARY_FOCUSED)
    assert_accessible(page, "error-summary")
    summary.get_by_role("link", name="Skriv namn").click()
    assert page.evaluate(ACTIVE_ID) == "id_name"
    # The field keeps its own message beside it.
    assert page.locator("#id_name").get_attribute("aria-invalid") == "true"
    summary.get_by_role("link", name="Skriv kortnamn").click()
    assert page.evaluate(ACTIVE_ID) == "id_short_name"


def test_radio_buttons_are_reached_from_the_summary_on_a_narrow_screen(demo, new_page):
    page = new_page(width=320, height=640)
    sign_in(page, "samordnare@example.org")
    page.goto("/konto/notiser/")
    page.evaluate("document.querySelectorAll('input[type=radio]').forEach(r => r.checked = false)")
    page.get_by_role("button", name="Spara").click()
    assert page.evaluate(SUMMARY_FOCUSED)
    page.get_by_role("link", name="Välj hur").click()
    assert page.evaluate(ACTIVE_ID) == "id_daily_digest_0"
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)


def test_deactivating_a_person_is_confirmed_first(demo, new_page):
    page = new_page()
    sign_in(page, "samordnare@example.org")
    page.goto("/grupp/vasterbotten/personer/")
    link = page.get_by_role("link", name="Inaktivera").first
    name = link.locator(".visually-hidden").inner_text().lstrip(": ")
    link.click()
    assert page.get_by_role("heading", level=1).inner_text() == f"Inaktivera {name}?"
    assert page.get_by_text(f"{name} kan inte längre logga in i gruppen").is_visible()
    assert_accessible(page, "confirm-deactivate")
    page.get_by_role("link", name="Avbryt").click()
    # Nothing happened: the person is still in the list, with the link to deactivate.
    again = page.get_by_role("link", name=re.compile(f"^Inaktivera ?: {name}$"))
    expect(again).to_be_visible()
    again.click()
    page.get_by_role("button", name="Inaktivera").click()
    expect(page.get_by_text(f"{name} har inte längre tillgång till gruppen.")).to_be_visible()


def test_taking_a_version_back_from_the_public_is_confirmed_first(demo, new_page):
    page = new_page()
    sign_in(page, "samordnare@example.org")
    page.goto("/grupp/vasterbotten/rapporter/")
    page.locator("table").get_by_role("link").first.click()
    page.get_by_role("link", name="Dra tillbaka från allmänheten").click()
    assert page.get_by_text("Den publika versionen försvinner genast").is_visible()
    assert_accessible(page, "confirm-unpublish")
    page.get_by_role("button", name="Dra tillbaka från allmänheten").click()
    expect(page.get_by_text("Synlig endast för gruppen.")).to_be_visible()
