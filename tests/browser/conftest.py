"""Real-browser tests: Playwright drives Debian's Chromium against pytest-django's live
server. Without Chromium they are skipped locally (with how to install it); on CI
(CI=true) a missing browser fails the run."""

import os
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCREENSHOTS = Path(__file__).resolve().parent.parent.parent / "screenshots"


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    if os.environ.get("CI") == "true":
        raise pytest.UsageError(
            "Chromium is missing at /usr/bin/chromium: the browser tests must run on CI."
        )
    skip = pytest.mark.skip(
        reason="Chromium is missing: install it with `apt-get install chromium`."
    )
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session", autouse=True)
def allow_orm_beside_playwright():
    """Playwright's sync API runs an event loop in this thread while a browser is open;
    the ORM calls the tests make for set-up are still plain synchronous code."""
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


class _ThroughTheApplication:
    """Static files reach the application, where WhiteNoise serves them as in production
    (with DEBUG off: the collected files under their hashed names), instead of Django's
    test handler, which knows only the source folders."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        return self.application(environ, start_response)


@pytest.fixture(scope="session")
def live_server():
    """pytest-django's live server, serving static files through the application."""
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost", start=False)
    server.thread.static_handler = _ThroughTheApplication
    server.start()
    yield server
    server.stop()


@pytest.fixture
def browser():
    """A browser per test, so no event loop outlives the browser tests."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=ARGS
        )
        yield instance
        instance.close()


@pytest.fixture
def new_page(browser, live_server):
    """A fresh browser context (own cookies) per person, opening pages on the live server."""
    contexts = []

    def make(width=1280, height=900):
        context = browser.new_context(
            viewport={"width": width, "height": height},
            base_url=live_server.url,
            accept_downloads=True,
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield make
    for context in contexts:
        context.close()


_axe = Axe()


def assert_accessible(page, name=None):
    """axe-core with the WCAG 2.1 A and AA rules: no violation on this page."""
    results = _axe.run(
        page, options={"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]}
    )
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"
    if name:
        screenshot(page, name)


def screenshot(page, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    safe = re.sub(r"[^a-z0-9-]+", "-", name.lower())
    page.screenshot(path=str(SCREENSHOTS / f"{safe}.png"), full_page=True)


def sign_in(page, email, password="samordning-demo"):
    page.goto("/konto/logga-in/")
    page.get_by_label("E-postadress").fill(email)
    page.get_by_label("Lösenord").fill(password)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_load_state()
