"""Publishing that cannot go wrong, in a real browser: the editor's "Granska och
publicera" leads to the readiness page, which lists the organisations whose answers are
not approved with their state; the coordinator chooses per organisation, publishes, and
the published version (web page and PDF) says what was chosen. axe on the page."""

import re

import pytest
from django.test import override_settings
from playwright.sync_api import expect
from pypdf import PdfReader

from samordning.demo.loader import load_demo

from ..conftest import run_task_queue
from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOT_APPROVED = "Organisationens svar för perioden är ännu inte godkända."


@pytest.fixture
def demo(transactional_db):
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        load_demo()


def test_an_organisation_not_approved_is_shown_chosen_for_and_printed(demo, new_page):
    page = new_page()
    sign_in(page, "samordnare@example.org")
    page.get_by_role("link", name="Rapporter").first.click()
    page.get_by_label("Första period").select_option(label="Kvartal 4 2026")
    page.get_by_label("Sista period").select_option(label="Kvartal 4 2026")
    page.get_by_role("button", name="Skapa rapporten").click()
    # Typed and not saved yet: "Spara och granska" saves it on the way.
    page.get_by_label("Förord").fill("Ett förord som sparas på vägen till granskningen.")
    page.get_by_role("button", name="Spara och granska före publicering").click()

    assert page.get_by_role("heading", name="Granska före publicering").is_visible()
    assert page.get_by_text("Rapporten har sparats.").is_visible()
    assert page.get_by_text("Spara dina ändringar i redigeraren först.").is_visible()
    migration = page.get_by_role("group", name="Migrationsverket: Skickad tillbaka")
    assert migration.is_visible()
    university = page.get_by_role("group", name="Umeå universitet: Inte påbörjad")
    assert university.is_visible()
    assert page.get_by_role("group", name=re.compile("^Länsstyrelsen Västerbotten")).count() == 0
    assert_accessible(page, "report-readiness")

    migration.get_by_label("Skriv meningen i dess kapitel").check()
    university.get_by_label("Utelämna den i den här versionen (inget kapitel)").check()
    page.get_by_role("button", name="Spara valen").click()
    assert page.get_by_text("Dina val har sparats.").is_visible()
    assert (
        page.get_by_role("group", name="Umeå universitet: Inte påbörjad")
        .get_by_label("Utelämna den i den här versionen (inget kapitel)")
        .is_checked()
    )
    assert_accessible(page)

    # Publishing in the database task queue, as in production: the progress page first,
    # then (the worker done) it reloads itself and shows the new version.
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        page.get_by_role("button", name="Publicera en ny version").click()
        assert page.get_by_role("heading", name=re.compile("^Publiceringen pågår")).is_visible()
        assert page.get_by_text("Väntar i kön").is_visible()
        run_task_queue()
        expect(
            page.get_by_role("heading", name=re.compile("^Version 1 har publicerats"))
        ).to_be_visible(timeout=15_000)
    assert_accessible(page, "report-published")
    page.get_by_role("link", name="Visa version 1").click()
    assert page.get_by_text("Ett förord som sparas på vägen till granskningen.").is_visible()
    chapter = page.locator(
        "section.organisation",
        has=page.get_by_role("heading", name=re.compile("Migrationsverket$")),
    )
    assert chapter.get_by_text(NOT_APPROVED).is_visible()
    assert page.locator("section.organisation h3", has_text="Umeå universitet").count() == 0
    with page.expect_download() as pdf_download:
        page.get_by_role("link", name="Ladda ned som PDF").click()
    text = " ".join(
        " ".join(p.extract_text() for p in PdfReader(pdf_download.value.path()).pages).split()
    )
    assert re.search(r"\d+\.\d+ Migrationsverket " + re.escape(NOT_APPROVED), text)
    assert not re.search(r"\d+\.\d+ Umeå universitet", text)
