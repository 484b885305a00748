"""The four journeys of the product, in a real browser, with axe on every page reached."""

import re

import pytest
from django.test import override_settings
from docx import Document
from playwright.sync_api import expect
from pypdf import PdfReader

from samordning.demo.loader import load_demo

from ..conftest import run_task_queue
from .conftest import assert_accessible, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        load_demo()


def test_a_representative_answers_from_previous_answers_adds_an_activity_and_submits(
    demo, new_page
):
    page = new_page()
    page.goto("/konto/logga-in/")
    assert_accessible(page, "sign-in")
    # A wrong password first: the error is shown on the form, accessibly.
    sign_in(page, "universitetet@example.org", "fel-lösenord")
    assert page.get_by_text("Fel e-postadress eller fel lösenord").is_visible()
    assert_accessible(page, "sign-in-error")
    sign_in(page, "universitetet@example.org")
    assert_accessible(page, "start-representative")
    page.get_by_role("link", name="Svara för Umeå universitet – Kvartal 4 2026").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Umeå universitet")
    assert_accessible(page, "submission-empty")
    page.get_by_role("button", name="Utgå från våra tidigare svar").click()
    assert page.get_by_text("5 tomma svar fylldes i").is_visible()
    first = page.get_by_label("Ert svar på fråga 1")
    assert first.input_value() != ""
    first.fill(first.input_value() + "\n\nUnder hösten höll vi en ny kurs om sexuell exploatering.")
    page.get_by_label("Ert svar på fråga 2").fill(
        "Universitetet har inget särskilt regeringsuppdrag i frågan."
    )
    page.locator("summary", has_text="Lägg till en aktivitet").click()
    page.locator("#new-aktiviteter").get_by_label("Titel").fill(
        "Gästföreläsning för socionomstudenter"
    )
    page.locator("#id_new-aktiviteter-kind").select_option("training")
    page.locator("#id_new-aktiviteter-status").select_option("done")
    page.locator("#id_new-aktiviteter-starts_on").fill("2026-11-20")
    page.get_by_role("button", name="Spara aktiviteten").click()
    assert page.get_by_text("Era svar och aktiviteten har sparats.").is_visible()
    assert page.get_by_text("Gästföreläsning för socionomstudenter").first.is_visible()
    assert (
        "Under hösten höll vi en ny kurs" in page.get_by_label("Ert svar på fråga 1").input_value()
    )
    page.get_by_role("button", name="Spara", exact=True).click()
    assert page.get_by_text("Era svar har sparats.").is_visible()
    page.get_by_role("button", name="Spara och kontrollera innan du skickar").click()
    assert page.get_by_text("5 av 5 frågor besvarade").is_visible()
    page.get_by_role("button", name="Skicka in svaren").click()
    assert page.get_by_role("heading", name="Svaren är inskickade").is_visible()
    page.get_by_role("link", name="Se svaren som ni skickade in").click()
    assert page.locator(".submission-facts").get_by_text("Inskickad").is_visible()
    assert_accessible(page, "submission-submitted")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "submission-submitted-phone")


def test_the_coordinator_returns_with_a_comment_and_approves_the_resubmission(demo, new_page):
    coordinator = new_page()
    sign_in(coordinator, "samordnare@example.org")
    assert_accessible(coordinator, "start-coordinator")
    coordinator.get_by_role("link", name="Perioder", exact=True).click()
    assert_accessible(coordinator, "periods")
    coordinator.get_by_role("link", name="Kvartal 4 2026", exact=True).click()
    assert_accessible(coordinator, "period-overview")
    coordinator.get_by_role("link", name=re.compile("Granska.*Polismyndigheten")).click()
    coordinator.get_by_role("button", name="Ändringar sedan Kvartal 3 2026").click()
    assert coordinator.locator(".diff ins").first.is_visible()
    assert_accessible(coordinator)
    coordinator.locator("summary", has_text="Kommentera fråga 1").click()
    coordinator.get_by_label("Kommentar till fråga 1").fill("Vilka hotell besöktes?")
    coordinator.get_by_role("button", name="Lägg till kommentar").first.click()
    coordinator.get_by_role("link", name="Skicka tillbaka").click()
    coordinator.get_by_label("Varför skickas svaren tillbaka? (krävs)").fill(
        "Beskriv insatserna på hotell mer konkret."
    )
    coordinator.get_by_role("button", name="Skicka tillbaka svaren").click()
    assert coordinator.get_by_text("Svaren har skickats tillbaka till organisationen.").is_visible()

    representative = new_page()
    sign_in(representative, "polisen@example.org")
    returned = representative.locator(".task-list-item").filter(
        has_text="Skickad tillbaka – åtgärda"
    )
    returned.get_by_role(
        "link", name="Svara för Polismyndigheten, Region Nord – Kvartal 4 2026"
    ).click()
    assert (
        representative.get_by_role("note")
        .get_by_text("Beskriv insatserna på hotell mer konkret.")
        .is_visible()
    )
    question = representative.locator("section.question-block").first
    assert question.get_by_text("Vilka hotell besöktes?").is_visible()  # beside its answer
    assert_accessible(representative, "returned-with-comment")
    answer = representative.get_by_label("Ert svar på fråga 1")
    answer.fill(answer.input_value() + "\n\nInsatserna gjordes på tre hotell i centrala Umeå.")
    representative.get_by_label("Ditt svar (sparas med svaren)").fill("Tre hotell i centrala Umeå.")
    representative.get_by_role("button", name="Spara och kontrollera innan du skickar").click()
    representative.get_by_role("button", name="Skicka in svaren").click()
    assert representative.get_by_role("heading", name="Svaren är inskickade").is_visible()

    coordinator.reload()
    assert coordinator.get_by_text("Tre hotell i centrala Umeå.", exact=True).is_visible()
    coordinator.get_by_role("button", name="Godkänn", exact=True).click()
    assert coordinator.get_by_text("Svaren har godkänts.").is_visible()
    assert coordinator.locator(".submission-facts").get_by_text("Godkänd").is_visible()
    assert_accessible(coordinator, "approved")


def test_the_coordinator_compiles_edits_previews_publishes_and_downloads_the_report(demo, new_page):
    page = new_page()
    sign_in(page, "samordnare@example.org")
    page.get_by_role("link", name="Rapporter").first.click()
    assert_accessible(page, "reports")
    page.get_by_label("Första period").select_option(label="Kvartal 4 2026")
    page.get_by_label("Sista period").select_option(label="Kvartal 4 2026")
    page.get_by_role("button", name="Skapa rapporten").click()
    assert page.get_by_text("Rapporten har skapats").is_visible()
    assert_accessible(page, "report-edit")
    page.get_by_label("Förord").fill("Det här är förordet till kvartalets lägesrapport.")
    page.get_by_role("button", name="Spara utkastet").click()
    assert page.get_by_text("Rapporten har sparats.").is_visible()
    page.get_by_role("link", name="Förhandsgranska för gruppen").first.click()
    assert page.get_by_text("Det här är förordet till kvartalets lägesrapport.").is_visible()
    assert_accessible(page, "report-preview")
    page.get_by_role("link", name="Förhandsgranska den publika utgåvan").click()
    assert page.locator("table.contacts").get_by_text("samordnare@example.org").count() == 0
    page.get_by_role("link", name="Tillbaka till redigeringen").click()
    page.get_by_role("link", name="Granska och publicera").click()
    page.get_by_label("Publicera för allmänheten").check()
    page.get_by_role("button", name="Publicera en ny version").click()
    # The progress page: at once at its result with the immediate task backend (DEBUG on);
    # with production settings the worker works the queue off and the page updates itself.
    run_task_queue()
    expect(
        page.get_by_role("heading", name=re.compile("^Version 1 har publicerats"))
    ).to_be_visible(timeout=15_000)
    page.get_by_role("link", name="Visa version 1").click()
    assert_accessible(page, "report-version")
    with page.expect_download() as pdf_download:
        page.get_by_role("link", name="Ladda ned som PDF").click()
    pdf_text = "\n".join(p.extract_text() for p in PdfReader(pdf_download.value.path()).pages)
    assert "Innehållsförteckning" in pdf_text
    assert "Aktiviteter i Västerbotten oktober – december 2026" in pdf_text
    assert "Det här är förordet till kvartalets lägesrapport." in pdf_text
    with page.expect_download() as docx_download:
        page.get_by_role("link", name="Ladda ned som Word").click()
    document = Document(str(docx_download.value.path()))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "Förord"
    assert "4 Aktiviteter i Västerbotten oktober – december 2026" in headings


def test_a_reader_browses_and_the_public_reads_only_the_public_report(demo, new_page):
    reader = new_page()
    sign_in(reader, "lasare@example.org")
    assert_accessible(reader, "start-reader")
    reader.get_by_role("link", name="Polismyndigheten, Region Nord").first.click()
    assert reader.get_by_role("heading", name="Polismyndigheten, Region Nord").is_visible()
    assert_accessible(reader, "organisation")
    reader.goto("/grupp/vasterbotten/")
    reader.get_by_role("link", name="Vem samverkar med vem").click()
    assert reader.locator("table.matrix").is_visible()
    assert_accessible(reader, "collaborations")
    reader.goto("/grupp/vasterbotten/trender/")
    assert_accessible(reader, "trends")
    reader.goto("/grupp/vasterbotten/sok/?q=utbildningar")
    assert_accessible(reader, "search")
    reader.goto("/grupp/vasterbotten/aktiviteter/")
    assert_accessible(reader, "activities")
    reader.goto("/grupp/vasterbotten/")
    reader.get_by_role("link", name="Lägesrapport Västerbotten 2026, version 1").click()
    assert reader.get_by_role("heading", name="Innehållsförteckning").is_visible()
    assert_accessible(reader, "report")
    # The same page in English.
    reader.get_by_role("button", name="In English").click()
    assert reader.get_by_role("link", name="Download as PDF").is_visible()
    assert_accessible(reader, "report-english")
    public_address = reader.get_by_role("link", name="The public address").get_attribute("href")
    reader.get_by_role("button", name="På svenska").click()
    # The main pages at phone width, checked and kept as pictures too.
    reader.set_viewport_size({"width": 390, "height": 844})
    for path, name in [
        ("/grupp/vasterbotten/", "start-phone"),
        ("/grupp/vasterbotten/org/3/", "organisation-phone"),
        ("/grupp/vasterbotten/samverkansoversikt/", "collaborations-phone"),
        ("/grupp/vasterbotten/rapporter/", "reports-phone"),
    ]:
        reader.goto(path)
        assert_accessible(reader, name)

    visitor = new_page()
    visitor.goto(public_address)
    assert visitor.get_by_role("heading", name="Lägesrapport").is_visible()
    contacts = visitor.locator("table.contacts").inner_text()
    assert "@example.org" in contacts and "samordnare@example.org" not in contacts
    assert "Sara Samuelsson" not in contacts
    assert_accessible(visitor, "public-report")
    visitor.goto("/grupp/vasterbotten/")
    assert visitor.url.endswith("/konto/logga-in/?next=/grupp/vasterbotten/")
    visitor.goto("/tillganglighet/")
    assert visitor.get_by_role("heading", name="Tillgänglighetsredogörelse").is_visible()
    assert_accessible(visitor, "accessibility-statement")


FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
    || style.boxShadow !== 'none';
  const label = el.labels && el.labels.length ? el.labels[0].innerText : '';
  return {tag: el.tagName, text: (el.innerText || el.value || '').trim(), label: label.trim(),
          id: el.id, visible: visible};
}"""


def _focused(page):
    return page.evaluate(FOCUSED)


def _tab_to(page, wanted, backwards=False, limit=200):
    """Press Tab (or Shift+Tab) until the focused element matches; every stop must show
    a visible focus."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        focused = _focused(page)
        if focused["tag"] != "BODY":
            assert focused["visible"], f"no visible focus on {focused}"
        if wanted(focused):
            return focused
    raise AssertionError("never reached the wanted element with the keyboard")


def test_journey_one_with_the_keyboard_only(demo, new_page):
    page = new_page()
    page.goto("/konto/logga-in/")
    assert _focused(page)["id"] == "id_username"  # the e-mail field has the focus
    page.keyboard.type("universitetet@example.org")
    _tab_to(page, lambda f: f["id"] == "id_password")
    page.keyboard.type("samordning-demo")
    page.keyboard.press("Enter")
    page.wait_for_url("**/grupp/vasterbotten/")
    skip = _tab_to(page, lambda f: f["text"] == "Hoppa till innehållet")
    assert skip["tag"] == "A"
    _tab_to(page, lambda f: f["text"].startswith("Svara för Umeå universitet"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/organisationer/**")
    _tab_to(page, lambda f: f["text"] == "Utgå från våra tidigare svar")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_text("5 tomma svar fylldes i").is_visible()
    _tab_to(page, lambda f: f["label"] == "Ert svar på fråga 2")
    page.keyboard.press("Control+A")
    page.keyboard.type("Universitetet har inget eget uppdrag; vi bidrar med kunskap.")
    send = "Spara och kontrollera innan du skickar"
    _tab_to(page, lambda f: f["text"] == send)
    # One step back to Save, and forward again: Shift+Tab works as well.
    assert _tab_to(page, lambda f: f["text"] == "Spara", backwards=True)["tag"] == "BUTTON"
    _tab_to(page, lambda f: f["text"] == send)
    with page.expect_navigation():
        page.keyboard.press("Space")
    # The check page: the answer as typed, then sending with the keyboard.
    assert page.get_by_text(
        "Universitetet har inget eget uppdrag; vi bidrar med kunskap."
    ).is_visible()
    _tab_to(page, lambda f: f["text"] == "Skicka in svaren")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("heading", name="Svaren är inskickade").is_visible()


def test_the_draft_is_saved_automatically_while_typing(demo, new_page, settings):
    from activities.models import Submission

    settings.AUTOSAVE_INTERVAL_SECONDS = 1
    page = new_page()
    sign_in(page, "regionen@example.org")
    page.get_by_role("link", name="Svara för Region Västerbotten – Kvartal 4 2026").click()
    page.get_by_label("Ert svar på fråga 2").fill("Texten sparas medan jag skriver.")
    status = page.locator("[data-autosave-status]")
    status.get_by_text("Utkastet sparades automatiskt").wait_for(timeout=45_000)
    submission = Submission.objects.get(
        organisation__short_name="Regionen", period__name="Kvartal 4 2026"
    )
    assert submission.answers.get(question__number=2).text == "Texten sparas medan jag skriver."
    # The page carries the new version, so a normal save afterwards is no conflict.
    page.get_by_role("button", name="Spara", exact=True).click()
    assert page.get_by_text("Era svar har sparats.").is_visible()
