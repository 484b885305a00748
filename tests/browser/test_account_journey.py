"""My account, the audit log and creating a group in a real browser: axe on each page,
and no sideways scrolling at 320 px."""

import pytest
from django.test import override_settings

from members import audit
from members.models import CoordinationGroup, User
from samordning.demo.loader import load_demo

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        load_demo()


def _fits(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_representative_sets_title_and_phone_from_the_header(demo, new_page):
    page = new_page()
    sign_in(page, "polisen@example.org")
    page.get_by_role("link", name="Mitt konto").click()
    assert page.get_by_role("heading", name="Mitt konto").is_visible()
    page.get_by_label("Titel").fill("Kommissarie")
    page.get_by_label("Telefon").fill("010-114 14 00")
    page.get_by_role("button", name="Spara").click()
    assert page.get_by_text("Dina uppgifter sparades.").is_visible()
    assert page.get_by_label("Telefon").input_value() == "010-114 14 00"
    assert_accessible(page, "my-account")
    page.set_viewport_size({"width": 320, "height": 800})
    assert _fits(page)
    assert_accessible(page)


def test_a_coordinator_filters_the_audit_log_by_kind(demo, new_page):
    slug = "vasterbotten"
    group = CoordinationGroup.objects.get(slug=slug)
    coordinator = User.objects.get(email="samordnare@example.org")
    for action in ["activities.period.created", "activities.period.locked"] * 3:
        audit.record(action, actor=coordinator, group=group, detail="locked_at")
    page = new_page()
    sign_in(page, "samordnare@example.org")
    page.goto(f"/grupp/{slug}/logg/")
    assert_accessible(page, "audit-log")
    page.get_by_label("Händelse", exact=True).select_option(label="Period låst")
    page.get_by_role("button", name="Filtrera").click()
    page.wait_for_load_state()
    assert "handelse=activities.period.locked" in page.url
    rows = page.locator(".audit-table tbody tr")
    assert rows.count() >= 1
    assert all(
        text.startswith("Period låst") for text in rows.locator("td:nth-child(3)").all_inner_texts()
    )
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert _fits(page)
    assert_accessible(page)


def test_the_site_operator_creates_a_group(demo, new_page):
    User.objects.create_superuser("drift@example.org", "samordning-demo", full_name="Drift")
    page = new_page()
    sign_in(page, "drift@example.org")
    page.goto("/")
    page.get_by_role("link", name="Skapa en samordningsgrupp").click()
    assert_accessible(page, "group-create")
    page.get_by_label("Gruppens namn").fill("Samordningsgruppen i Skåne")
    page.get_by_label("Län").fill("Skåne")
    page.get_by_label("Kort adress").fill("skane")
    page.locator("#id_issuer_name").fill("Länsstyrelsen i Skåne län")
    page.get_by_label("Den utgivande organisationens kortnamn").fill("Länsstyrelsen")
    page.get_by_label("Den första samordnarens e-postadress").fill("ny@example.org")
    page.get_by_role("button", name="Skapa gruppen").click()
    assert page.get_by_role("heading", name="Gruppen är skapad").is_visible()
    assert_accessible(page, "group-created")
    page.set_viewport_size({"width": 320, "height": 800})
    assert _fits(page)
