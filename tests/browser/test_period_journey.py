"""The coordinator's period overview in a real browser: progress at a glance, a reminder
sent to one organisation and refused a second time within 24 hours, and locking the
period after a confirmation step. axe on every page reached."""

import re

import pytest
from django.test import override_settings

from members.models import OutgoingMail
from samordning.demo.loader import load_demo

from .conftest import assert_accessible, sign_in

# The button's name ends with the organisation's name, hidden from sight.
REMIND_UMEA = re.compile("^Påminn.*Umeå universitet$")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        load_demo()


def test_the_coordinator_reminds_one_organisation_once_and_locks_the_period(demo, new_page):
    page = new_page()
    sign_in(page, "samordnare@example.org")
    page.get_by_role("link", name="Perioder", exact=True).click()
    page.get_by_role("link", name="Kvartal 4 2026", exact=True).click()
    assert page.locator(".period-counts").get_by_text("Inte påbörjade").is_visible()
    assert page.get_by_text("av 5 besvarade").first.is_visible()
    assert_accessible(page, "period-overview")
    # On a phone the page does not scroll sideways: the table scrolls in its own region.
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})

    reminders = OutgoingMail.objects.filter(
        to_email="universitetet@example.org", subject__contains="Umeå universitet"
    )
    page.get_by_role("button", name=REMIND_UMEA).click()
    assert page.get_by_text("En påminnelse till Umeå universitet är på väg").is_visible()
    row = page.get_by_role("row").filter(has_text="Umeå universitet")
    assert row.get_by_text("Påmint i dag").is_visible()
    assert reminders.count() == 1
    assert_accessible(page)

    page.get_by_role("button", name=REMIND_UMEA).click()
    assert page.get_by_text("Umeå universitet påmindes inte igen. Påmint i dag").is_visible()
    assert reminders.count() == 1

    page.get_by_role("link", name="Lås perioden").click()
    assert page.get_by_text(
        "Ingen kan längre ändra svaren för Kvartal 4 2026. Det går inte att ångra här."
    ).is_visible()
    assert_accessible(page, "period-lock-confirm")
    page.get_by_role("button", name="Lås perioden").click()
    assert page.get_by_text("Perioden är låst.", exact=True).is_visible()
    assert page.get_by_role("button", name="Öppna perioden igen").is_visible()
    assert page.get_by_role("button", name=REMIND_UMEA).count() == 0
