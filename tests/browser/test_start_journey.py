"""The start page puts the task first: the coordinator and a representative of the demo
see their tasks before anything else, with deadline and state, and reach them in one click;
axe finds nothing, and the page fits a 320 px screen."""

import re

import pytest

from .conftest import assert_accessible, sign_in
from .test_journeys import demo  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fits(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_coordinator_starts_from_the_task_list(demo, new_page):  # noqa: F811
    page = new_page()
    sign_in(page, "samordnare@example.org")
    main = page.locator("main")
    assert main.get_by_role("heading", level=1).inner_text() == "Dina uppgifter"
    assert_accessible(page, "start-coordinator")
    # Their own answering first, then coordinating; both before the search.
    headings = main.get_by_role("heading", level=2).all_inner_texts()
    assert headings[:2] == ["Svara för din organisation", "Samordna gruppen"]
    first_link = main.locator(".task-list a").first
    assert first_link.inner_text().startswith("Svara för ")
    assert main.locator(".task-list-item").first.get_by_text(re.compile("besvarade")).count()
    lock = main.locator(".task-lock")
    assert lock.first.get_by_text(re.compile(r"Sista dag .*\(\d+ dagar sen\)")).is_visible()
    # Administration is its own labelled group of links.
    admin = page.get_by_role("navigation", name="Administration")
    assert admin.get_by_role("link", name="Händelselogg").is_visible()
    assert (
        page.get_by_role("navigation", name="Analys")
        .get_by_role("link", name="Vem samverkar med vem")
        .is_visible()
    )

    review = main.get_by_role("link", name=re.compile("^Granska inskickade svar"))
    if review.count():
        review.first.click()
        assert "/perioder/" in page.url
        page.go_back()

    page.set_viewport_size({"width": 320, "height": 700})
    page.reload()
    assert _fits(page)
    assert_accessible(page, "start-coordinator-phone")


def test_a_representative_sees_their_answer_with_deadline_and_state(demo, new_page):  # noqa: F811
    page = new_page()
    sign_in(page, "universitetet@example.org")
    main = page.locator("main")
    assert main.get_by_role("heading", level=1).inner_text() == "Dina uppgifter"
    assert_accessible(page, "start-representative-tasks")
    task = main.locator(".task-list-item").filter(has_text="Svara för Umeå universitet")
    assert task.get_by_text(re.compile(r"Sista dag .*\(\d+ dagar kvar\)")).is_visible()
    assert task.get_by_text(re.compile(r"\d+ av \d+ besvarade")).is_visible()
    assert task.locator(".status").inner_text() in {"Inte påbörjad", "Utkast"}
    assert page.get_by_role("navigation", name="Administration").count() == 0
    page.set_viewport_size({"width": 320, "height": 700})
    assert _fits(page)
    task.get_by_role("link").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Umeå universitet")
