"""The browser gets every style sheet, script and image a page asks for, under the names
the templates write (hashed, from the collected manifest, with production settings)."""

import pytest

from .conftest import sign_in
from .test_journeys import demo  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_every_static_file_a_page_asks_for_arrives(demo, new_page):  # noqa: F811
    page = new_page()
    statics = []
    page.on(
        "response",
        lambda response: (
            statics.append((response.status, response.url)) if "/static/" in response.url else None
        ),
    )
    sign_in(page, "regionen@example.org")
    page.get_by_role("link", name="Svara för Region Västerbotten – Kvartal 4 2026").click()
    page.wait_for_load_state("networkidle")
    urls = {url for _status, url in statics}
    assert any(url.endswith(".css") for url in urls)
    assert any("autosave" in url and url.endswith(".js") for url in urls)
    assert [(status, url) for status, url in statics if status != 200] == []
