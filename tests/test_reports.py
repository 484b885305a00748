"""The lägesrapport: compiled, previewed, published as web page, PDF and Word, frozen."""

import gc
import io
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from docx import Document

from activities.models import Activity, Report
from activities.reports.content import compile_content
from activities.reports.render import (
    LockedURLFetcher,
    render_docx,
    render_html_document,
    render_pdf,
)
from activities.reports.services import report_create

from .conftest import approved, make_past_period, make_period, run_task_queue
from .test_report_files import _pages


class _Form(HTMLParser):
    """Reads a rendered form's fields the way a browser would send them."""

    def __init__(self):
        super().__init__()
        self.data, self._textarea, self._select = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "checkbox"):
            self.data[name] = attrs.get("value", "")
        elif tag == "input" and name and "checked" in attrs:
            self.data[name] = attrs.get("value", "on")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += (
                data.lstrip("\n") if not self.data[self._textarea] else data
            )


def test_the_coordinator_creates_edits_previews_and_publishes(world, client):
    past = make_past_period(world.group, "Kvartal 3 2026", __import__("datetime").date(2026, 7, 1))
    approved(past, world.org_a, world.rep_a, world.coordinator, {1: "Polisens arbete.", 4: ""})
    client.force_login(world.coordinator)
    response = client.post(
        reverse("activities:report_new", args=[world.group.slug]),
        {"first_period": past.pk, "last_period": past.pk},
    )
    report = Report.objects.get()
    edit = reverse("activities:report_edit", args=[world.group.slug, report.pk])
    assert response["Location"] == edit
    form = _Form()
    page = client.get(edit).content.decode()
    form.feed(page[page.index('<form method="post" novalidate>') :])
    data = form.data
    data["foreword"] = "Ett nytt förord om länets arbete."
    data["signatories-0-name"] = "Sara Samordnare"
    data["signatories-0-title"] = "Samordnare"
    data["signatories-0-order"] = "1"
    data["sections-0-heading"] = "Bakgrund"
    data["sections-0-text"] = "Text med not[^1].\n\n[^1]: Noten."
    data["sections-0-order"] = "1"
    response = client.post(edit, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    preview = client.get(
        reverse("activities:report_preview", args=[world.group.slug, report.pk])
    ).content.decode()
    assert "Ett nytt förord om länets arbete." in preview
    assert "1 Bakgrund" in preview and "Noten." in preview
    assert "Polisens arbete." in preview
    assert (
        "Migrationsverket" in preview and "Organisationen har inte lämnat någon rapport" in preview
    )
    public = client.get(
        reverse("activities:report_preview", args=[world.group.slug, report.pk]) + "?utgava=publik"
    ).content.decode()
    assert "samordnare@example.org" not in public.split("Kontaktpersoner")[1]
    client.post(
        reverse("activities:report_publish", args=[world.group.slug, report.pk]),
        {"is_public": "on"},
    )
    run_task_queue()  # publishing runs in the task queue
    version = report.versions.get()
    assert version.is_public
    assert "Ett nytt förord" in "\n".join(_pages(version.pdf.read()))


def test_a_report_over_several_periods_takes_the_latest_answers_and_all_records(world):
    from datetime import date

    first = make_past_period(world.group, "Kvartal 2 2026", date(2026, 4, 1))
    second = make_past_period(world.group, "Kvartal 3 2026", date(2026, 7, 1))
    Activity.objects.create(
        organisation=world.org_a,
        title="Vårens utbildning",
        kind="training",
        status="done",
        starts_on=date(2026, 4, 10),
        ends_on=date(2026, 4, 10),
    )
    approved(first, world.org_a, world.rep_a, world.coordinator, {1: "Våren", 2: "Uppdraget"})
    Activity.objects.create(
        organisation=world.org_a,
        title="Höstens kampanj",
        kind="campaign",
        status="done",
        starts_on=date(2026, 8, 10),
        ends_on=date(2026, 8, 12),
    )
    approved(second, world.org_a, world.rep_a, world.coordinator, {1: "Hösten"})
    approved(first, world.org_b, world.rep_b, world.coordinator, {5: "Framtiden"})
    content = compile_content(
        report_create(group=world.group, first_period=first, last_period=second)
    )
    assert content["activities"]["heading"] == "Aktiviteter i Västerbotten april – september 2026"
    police, migration = content["activities"]["organisations"]
    assert [(a["number"], a["html"].strip()) for a in police["answers"]] == [(1, "<p>Hösten</p>")]
    titles = {row["title"] for row in police["answers"][0]["records"]["rows"]}
    assert titles == {"Vårens utbildning", "Höstens kampanj"}
    assert [a["number"] for a in migration["answers"]] == [5]


HOSTILE = (
    '<script>alert(1)</script> <img src="file:///etc/passwd"> '
    "<style>body{background:url(http://evil.example/x.png)}</style> "
    "[klick](javascript:alert(1)) ![bild](file:///etc/passwd) "
    '<div style="background:url(http://evil.example/y)">x</div>'
)


def test_a_hostile_answer_is_inert_in_html_pdf_and_word(world):
    period = make_period(world.group)
    approved(period, world.org_a, world.rep_a, world.coordinator, {1: HOSTILE})
    content = compile_content(
        report_create(group=world.group, first_period=period, last_period=period)
    )
    html = render_html_document(content)
    body = html[html.index("Fråga 1)") :]
    for forbidden in ("<script", "<img", "<style", 'href="javascript', "<div style"):
        assert forbidden not in body, forbidden
    assert not re.search(r"<[a-z]+[^>]*\s(src|style|on\w+)=", body)
    assert "&lt;script&gt;" in body
    fetcher = LockedURLFetcher()
    pdf = render_pdf(content, fetcher=fetcher)
    assert fetcher.refused == []  # nothing was even attempted
    text = "\n".join(_pages(pdf))
    assert "<script>alert(1)</script>" in text  # shown as text
    assert "root:" not in text
    document = Document(io.BytesIO(render_docx(content)))
    assert "<script>alert(1)</script>" in "\n".join(p.text for p in document.paragraphs)


def test_the_locked_fetcher_refuses_files_and_the_network(world):
    fetcher = LockedURLFetcher()
    for url in ("file:///etc/passwd", "http://evil.example/x"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert fetcher.refused == ["file:///etc/passwd", "http://evil.example/x"]


def test_rendering_leaves_the_garbage_collector_as_it_found_it(world):
    period = make_period(world.group)
    approved(period, world.org_a, world.rep_a, world.coordinator, {1: "Ett svar."})
    content = compile_content(
        report_create(group=world.group, first_period=period, last_period=period)
    )
    assert gc.isenabled()
    render_pdf(content)
    assert gc.isenabled()
    gc.disable()
    try:
        render_pdf(content)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_list_of_published_versions_pages_by_25_newest_first(world, client):
    from .conftest import make_report, make_version

    report = make_report(world.group)
    for number in range(1, 28):
        make_version(report, number=number)
    client.force_login(world.reader)
    url = reverse("activities:report_list", args=[world.group.slug])
    first = client.get(url).content.decode()
    assert "version 27<" in first and "version 3<" in first and "version 2<" not in first
    assert "Sida 1 av 2" in first
    second = client.get(url + "?sida=2").content.decode()
    assert "version 2<" in second and "version 1<" in second and "version 27<" not in second


def test_the_coordinators_list_of_drafts_pages_by_10(world, client):
    from activities.models import Report

    from .conftest import make_report

    period = make_period(world.group)
    first = make_report(world.group, [period])
    for _ in range(10):
        make_report(world.group, [period])
    oldest, newest = first.pk, Report.objects.latest("pk").pk
    client.force_login(world.coordinator)
    url = reverse("activities:report_list", args=[world.group.slug])
    page = client.get(url).content.decode()
    edit = "/rapporter/{}/"
    assert edit.format(newest) in page and edit.format(oldest) not in page
    assert 'aria-label="Sidor med utkast"' in page and "?utkast=2" in page
    second = client.get(url + "?utkast=2").content.decode()
    assert edit.format(oldest) in second and edit.format(newest) not in second
