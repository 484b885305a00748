"""Two-step verification in a real browser: set up from the account page, sign out, sign
in again with a code from the app; axe on each page."""

import base64
import time

import pytest
from django.test import override_settings
from django_otp.oath import TOTP

from samordning.demo.loader import load_demo

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        load_demo()


def _code_for(secret, offset=0):
    """What an authenticator app shows for the key the page displayed."""
    key = secret.replace(" ", "")
    totp = TOTP(base64.b32decode(key + "=" * (-len(key) % 8)))
    totp.time = time.time() + offset * 30
    return str(totp.token()).zfill(6)


def test_a_representative_sets_up_two_step_verification_and_signs_in_with_a_code(demo, new_page):
    page = new_page()
    sign_in(page, "polisen@example.org")
    page.goto("/konto/notiser/")
    page.get_by_role("link", name="Tvåstegsverifiering för ditt konto").click()
    page.get_by_role("link", name="Aktivera tvåstegsverifiering").click()
    assert page.locator(".qr-code svg").is_visible()
    assert_accessible(page, "two-factor-enrol")
    secret = page.locator(".secret-key").inner_text()
    page.get_by_label("Kod").fill(_code_for(secret))
    page.get_by_role("button", name="Bekräfta").click()
    assert page.locator(".backup-codes li").count() == 10
    assert_accessible(page, "two-factor-backup-codes")
    page.get_by_role("link", name="Jag har sparat koderna").click()
    assert "Tvåstegsverifiering är på." in page.content()

    page.get_by_role("button", name="Logga ut").click()
    sign_in(page, "polisen@example.org")
    assert page.get_by_role("heading", name="Kod från din app").is_visible()
    assert_accessible(page, "two-factor-verify")
    page.get_by_label("Kod").fill(_code_for(secret, offset=1))
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_load_state()
    assert "/konto/tvastegs/kod/" not in page.url
    assert page.get_by_role("button", name="Logga ut").is_visible()
