"""The demo's published lägesrapport as PDF and Word: contents, structure, frozen files.

The demo is built once for this module (building it renders and publishes a report) and
each test runs in a savepoint inside it (tests/conftest.py, `demo_data`)."""

import io
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.template.loader import render_to_string
from django.urls import reverse
from docx import Document
from lxml import etree
from pypdf import PdfReader

from activities.models import Activity, Report, ReportVersion, Submission
from activities.reports.content import public_edition
from activities.reports.render import render_html_document

from .conftest import run_task_queue

# One worker runs the whole module (make test), so the demo is built once.
pytestmark = pytest.mark.xdist_group("demo-report")


@pytest.fixture
def demo(demo_data, db, settings):
    """The demo's published report (version 1), its files in the module's media folder."""
    settings.MEDIA_ROOT = demo_data
    return ReportVersion.objects.get()


def _pages(data):
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


ORGANISATIONS = [
    "Länsstyrelsen Västerbotten",
    "Migrationsverket",
    "Polismyndigheten, Region Nord",
    "Region Västerbotten",
    "Umeå universitet",
    "Västerbottens läns landsting",
    "Åklagarmyndigheten, Åklagarkammaren i Umeå",
]


def test_the_pdf_has_a_table_of_contents_whose_page_numbers_are_true(demo):
    pages = _pages(demo.pdf.read())
    assert pages[0].split()[:3] == ["Länsstyrelsen", "Västerbotten", "Lägesrapport"]
    toc_page = next(i for i, text in enumerate(pages) if text.startswith("Innehållsförteckning"))
    entries = re.findall(r"^(.+?) \.{3,}\s+(\d+)$", pages[toc_page], re.MULTILINE)
    assert len(entries) >= 12
    for title, number in entries:
        page = pages[int(number) - 1]
        assert any(line.strip() == title.strip() for line in page.splitlines()), (title, number)
    headings = [title for title, _ in entries]
    organisation_headings = [h.split(" ", 1)[1] for h in headings if re.match(r"4\.\d ", h)]
    assert organisation_headings == ORGANISATIONS[: len(organisation_headings)]
    # The footnote stands at the foot of its section's page.
    note_page = next(p for p in pages if p.startswith("1 Nationell handlingsplan"))
    assert (
        "1. Handlingsplanen finns på https://www.example.se/nationell-handlingsplan." in note_page
    )


def test_the_pdf_is_tagged_swedish_and_has_page_numbers(demo):
    reader = PdfReader(io.BytesIO(demo.pdf.read()))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "sv"
    assert "/StructTreeRoot" in root
    assert reader.metadata["/Title"] == "Lägesrapport Västerbotten 2026"
    assert reader.pages[4].extract_text().strip().endswith("5")


def test_the_demo_report_over_two_periods_has_no_trend_charts(demo):
    # Trends need three periods of data (tests/test_report_charts.py has the charts).
    text = " ".join("\n".join(_pages(demo.pdf.read())).split())
    assert "Utvecklingen i siffror" not in text
    assert "Aktiviteter per period" not in text
    document = Document(io.BytesIO(demo.docx.read()))
    assert "Aktiviteter per period" not in [p.text for p in document.paragraphs]


def test_questions_left_empty_are_left_out(demo):
    text = "\n".join(_pages(demo.pdf.read()))
    prosecutors = text[
        text.rindex("4.7 Åklagarmyndigheten") : text.index(
            "5 Rapporter och kartläggningar", text.rindex("4.7 Åklagarmyndigheten")
        )
    ]
    assert re.findall(r"Fråga (\d)\)", prosecutors) == ["2", "3", "5"]
    police = text[text.rindex("4.3 Polismyndigheten") : text.rindex("4.4 Region")]
    assert re.findall(r"Fråga (\d)\)", police) == ["1", "2", "3", "4", "5"]


def test_the_appendix_lists_the_contacts_and_the_public_edition_hides_them(demo):
    internal = " ".join("\n".join(_pages(demo.pdf.read())).split())
    appendix = internal[internal.rindex("Kontaktpersoner") :]
    assert "samordnare@example.org" in appendix
    assert "Sara Samuelsson" in appendix
    public_text = " ".join("\n".join(_pages(demo.public_pdf.read())).split())
    appendix = public_text[public_text.rindex("Kontaktpersoner") :]
    assert "@example.org" in appendix  # the functional addresses
    for personal in (
        "samordnare@example.org",
        "polisen@example.org",
        "Sara Samuelsson",
        "Petra Holm",
    ):
        assert personal not in appendix
    assert "lansstyrelsen.vasterbotten@example.org" in appendix


def test_the_word_file_has_real_headings_a_toc_field_and_the_same_sections(demo):
    document = Document(io.BytesIO(demo.docx.read()))
    by_style = {}
    for paragraph in document.paragraphs:
        by_style.setdefault(paragraph.style.name, []).append(paragraph.text)
    assert by_style["Title"] == ["Lägesrapport"]
    assert (
        by_style["Heading 1"]
        == [
            "Förord",
            "1 Nationell handlingsplan",
            "2 Länsstyrelsens uppdrag",
            "3 Samordningsgruppen",
            "4 Aktiviteter i Västerbotten april – september 2026",
            "5 Rapporter och kartläggningar som berör Västerbotten",
            "Bilaga",
        ]
        or by_style["Heading 1"][0] == "Förord"
    )
    assert [h.split(" ", 1)[1] for h in by_style["Heading 2"][:7]] == ORGANISATIONS
    xml = document.element.xml
    assert 'TOC \\o "1-2"' in xml
    # The section's note is a real footnote (tests/test_report_docx.py), not body text.
    footnotes = document.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
    )
    assert "Handlingsplanen finns på https://www.example.se/nationell-handlingsplan." in "".join(
        etree.fromstring(footnotes.blob).itertext()
    )
    prosecutors = by_style["Heading 3"]
    assert "Fråga 1) Arbete idag" in prosecutors


def test_a_published_version_stays_byte_for_byte_the_same(demo, client):
    before = {
        field: getattr(demo, field).read() for field in ("pdf", "docx", "public_pdf", "public_docx")
    }
    content = demo.content
    Submission.objects.filter(status="approved").first().answers.update(
        text="Helt ny text i efterhand"
    )
    Activity.objects.update(title="Omdöpt aktivitet")
    demo.refresh_from_db()
    assert demo.content == content
    for field, data in before.items():
        getattr(demo, field).open("rb")
        assert getattr(demo, field).read() == data, field
    from members.models import User

    client.force_login(User.objects.get(email="lasare@example.org"))
    url = reverse("activities:report_version", args=["vasterbotten", demo.report_id, 1])
    page = client.get(url).content.decode()
    assert "Omdöpt aktivitet" not in page and "Helt ny text i efterhand" not in page
    response = client.get(
        reverse("activities:report_file", args=["vasterbotten", demo.report_id, 1, "pdf"])
    )
    assert b"".join(response.streaming_content) == before["pdf"]


def test_publishing_again_makes_a_new_version_and_keeps_the_old(demo, client):
    from members.models import User

    coordinator = User.objects.get(email="samordnare@example.org")
    client.force_login(coordinator)
    report = demo.report
    response = client.post(
        reverse("activities:report_publish", args=["vasterbotten", report.pk]),
        {"change_note": "Rättad uppgift om Polisen.", "is_public": ""},
    )
    run_task_queue()  # publishing runs in the task queue
    assert "Version 2 har publicerats." in client.get(response["Location"]).content.decode()
    second = report.versions.get(number=2)
    assert (second.change_note, second.is_public, second.published_by) == (
        "Rättad uppgift om Polisen.",
        False,
        coordinator,
    )
    page = client.get(
        reverse("activities:report_version", args=["vasterbotten", report.pk, 1])
    ).content.decode()
    assert "version 2" in page


def test_the_public_reads_a_public_version_and_nothing_once_unpublished(demo, client):
    url = reverse("activities:public_report", args=["vasterbotten", demo.report_id, 1])
    page = client.get(url).content.decode()
    assert "Lägesrapport" in page and "Aktiviteter i Västerbotten" in page
    assert (
        "samordnare@example.org" not in page
        and "Sara Samuelsson" not in page.split("Kontaktpersoner")[1]
    )
    pdf = client.get(
        reverse("activities:public_report_file", args=["vasterbotten", demo.report_id, 1, "pdf"])
    )
    assert b"".join(pdf.streaming_content) == demo.public_pdf.read()
    from members.models import User

    client.force_login(User.objects.get(email="samordnare@example.org"))
    client.post(
        reverse("activities:report_visibility", args=["vasterbotten", demo.report_id, 1]),
        {"public": "0"},
    )
    client.logout()
    assert client.get(url).status_code == 404
    client.force_login(User.objects.get(email="lasare@example.org"))
    assert (
        client.get(
            reverse("activities:report_version", args=["vasterbotten", demo.report_id, 1])
        ).status_code
        == 200
    )


def test_the_records_carry_their_bullet_in_the_pdf_and_stay_a_list(demo):
    content = demo.content
    rows = next(
        answer["records"]["rows"]
        for organisation in content["activities"]["organisations"]
        for answer in organisation["answers"]
        if answer.get("records")
    )
    printed = render_html_document(content)
    assert f"<li>\u2022\u00a0{rows[0]['title']}" in printed.replace("&nbsp;", "\u00a0")
    web = render_to_string("reports/_body.html", {"c": content, "print": False})
    assert "\u2022" not in web
    pdf = demo.pdf.read()
    assert f"\u2022 {rows[0]['title']}" in "\n".join(_pages(pdf))
    root = PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/StructTreeRoot"]
    assert {"/L", "/LI", "/LBody"} <= _structure_types(root)


def _structure_types(element, found=None):
    found = set() if found is None else found
    element = element.get_object()
    if "/S" in element:
        found.add(element["/S"])
    kids = element.get("/K")
    kids = kids.get_object() if kids is not None else []
    for kid in kids if isinstance(kids, list) else [kids]:
        if hasattr(kid, "get_object") and isinstance(kid.get_object(), dict):
            _structure_types(kid, found)
    return found


def test_render_report_from_the_shell(demo, tmp_path):
    target = tmp_path / "rapport.pdf"
    call_command(
        "render_report",
        "--group",
        "vasterbotten",
        "--format",
        "pdf",
        "--output",
        str(target),
        stdout=StringIO(),
    )
    assert target.read_bytes() == demo.pdf.read()
    draft = Report.objects.exclude(pk=demo.report_id).get()
    html = tmp_path / "utkast.html"
    call_command(
        "render_report",
        "--group",
        "vasterbotten",
        "--draft",
        str(draft.pk),
        "--format",
        "html",
        "--output",
        str(html),
        stdout=StringIO(),
    )
    assert "Aktiviteter i Västerbotten" in html.read_text()
    docx = tmp_path / "publik.docx"
    call_command(
        "render_report",
        "--group",
        "vasterbotten",
        "--version",
        "1",
        "--public",
        "--format",
        "docx",
        "--output",
        str(docx),
        stdout=StringIO(),
    )
    assert docx.read_bytes() == demo.public_docx.read()


def test_the_public_edition_is_a_pure_function_of_the_content(demo):
    public = public_edition(demo.content)
    assert public["is_public_edition"]
    assert all(not c["name"] and not c["phone"] for c in public["appendix"]["contacts"])
    assert demo.content["appendix"]["contacts"][0]["name"]  # the original is untouched


def test_a_published_page_keeps_its_frozen_title_and_each_edition_its_own_body(demo, client):
    from members.models import User

    version = demo
    version.is_public = True
    version.save(update_fields=["is_public"])
    report = version.report
    group_url = reverse(
        "activities:report_version", args=[report.group.slug, report.pk, version.number]
    )
    public_url = reverse(
        "activities:public_report", args=[report.group.slug, report.pk, version.number]
    )
    client.force_login(User.objects.get(email="samordnare@example.org"))
    first = client.get(group_url).content.decode()
    assert "Petra Holm" in first  # the group's edition names the contacts
    report.title = "Ett nytt utkast"
    report.save(update_fields=["title"])
    again = client.get(group_url).content.decode()
    assert "<title>Lägesrapport" in again and "Ett nytt utkast" not in again
    # The public edition, asked for after the group's was cached, is its own.
    client.logout()
    public = client.get(public_url).content.decode()
    assert "Petra Holm" not in public and "polisen@example.org" not in public
    assert "lansstyrelsen.vasterbotten@example.org" in public
