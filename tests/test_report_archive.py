"""The archive copy of a published version: the group's edition as PDF/A-3a, read back.

The demo is built once for this module (building it renders and publishes a report) and
each test runs in a savepoint inside it (tests/conftest.py, `demo_data`)."""

import copy
import io
from datetime import timedelta
from io import StringIO
from xml.etree import ElementTree

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from activities.models import ReportVersion
from activities.reports.archive import render_archive_pdf
from activities.reports.render import LockedURLFetcher
from members.models import AuditEvent, User

from .conftest import run_task_queue

pytestmark = pytest.mark.xdist_group("demo-report")

NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
    "pdfaProperty": "http://www.aiim.org/pdfa/ns/property#",
}


@pytest.fixture
def demo(demo_data, db, settings):
    """The demo's published report (version 1), its files in the module's media folder."""
    settings.MEDIA_ROOT = demo_data
    return ReportVersion.objects.select_related("report__group").get()


def _xmp(reader):
    """The XMP packet as an element tree, and each property's value(s) by name."""
    packet = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    tree = ElementTree.fromstring(packet[packet.index(b"<x:xmpmeta") : packet.rindex(b">") + 1])
    return tree


def _attribute(tree, name):
    prefix, local = name.split(":")
    key = f"{{{NS[prefix]}}}{local}"
    values = [d.get(key) for d in tree.iter(f"{{{NS['rdf']}}}Description") if d.get(key)]
    assert len(values) == 1, name
    return values[0]


def _items(tree, name):
    prefix, local = name.split(":")
    element = tree.find(f".//{{{NS[prefix]}}}{local}")
    assert element is not None, name
    return [li.text for li in element.iter(f"{{{NS['rdf']}}}li")]


def _fonts(reader):
    """Every font dictionary the pages use, descendant fonts of a Type0 font included."""
    seen = {}

    def visit(font):
        reference = font.indirect_reference
        font = font.get_object()
        key = (reference.idnum, reference.generation) if reference else id(font)
        if key in seen:
            return
        seen[key] = font
        for descendant in font.get("/DescendantFonts", []):
            visit(descendant if isinstance(descendant, IndirectObject) else descendant)

    for page in reader.pages:
        for font in (page.get("/Resources", {}).get("/Font") or {}).values():
            visit(font)
    return list(seen.values())


def _page_texts(data):
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_the_archive_copy_is_pdf_a_3a_with_the_reports_metadata(demo):
    reader = PdfReader(io.BytesIO(demo.archive_pdf.read()))
    xmp = _xmp(reader)
    assert _attribute(xmp, "pdfaid:part") == "3"
    assert _attribute(xmp, "pdfaid:conformance") == "A"
    assert _attribute(xmp, "pdfuaid:part") == "1"  # still the tagged file of PDF/UA-1
    # ... a property PDF/A does not predefine, so the file describes it.
    [schema] = xmp.iter(f"{{{NS['pdfaSchema']}}}namespaceURI")
    assert schema.text == NS["pdfuaid"]
    assert [e.text for e in xmp.iter(f"{{{NS['pdfaProperty']}}}name")] == ["part"]
    assert _items(xmp, "dc:title") == ["Lägesrapport Västerbotten 2026"]
    assert _items(xmp, "dc:creator") == [demo.content["issuer"]]
    assert _items(xmp, "dc:language") == ["sv"]
    assert _items(xmp, "dc:date") == [timezone.localdate(demo.published_at).isoformat()]
    # The document information says the same as the XMP (PDF/A asks them to agree).
    assert reader.metadata["/Title"] == "Lägesrapport Västerbotten 2026"
    assert reader.metadata["/Author"] == demo.content["issuer"]
    assert reader.pdf_header == "%PDF-1.7"
    assert len(reader.trailer["/ID"]) == 2  # PDF/A asks for the file identifier


def test_the_archive_copy_keeps_the_tags_and_has_an_output_intent(demo):
    reader = PdfReader(io.BytesIO(demo.archive_pdf.read()))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "sv"
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])
    [intent] = [i.get_object() for i in root["/OutputIntents"]]
    assert intent["/S"] == "/GTS_PDFA1"
    profile = intent["/DestOutputProfile"].get_object()
    assert profile["/N"] == 3  # an RGB (sRGB) profile
    assert len(profile.get_data()) > 1000


def test_every_font_in_the_archive_copy_is_embedded_with_its_unicode_map(demo):
    reader = PdfReader(io.BytesIO(demo.archive_pdf.read()))
    fonts = _fonts(reader)
    composite = [font for font in fonts if font["/Subtype"] == "/Type0"]
    simple = [font for font in fonts if font["/Subtype"] != "/Type0"]
    assert composite and simple  # the composite fonts and their descendant fonts
    for font in composite:
        assert "/ToUnicode" in font, font["/BaseFont"]  # the text layer (level u and a)
    for font in simple:
        descriptor = font["/FontDescriptor"].get_object()
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font["/BaseFont"]


def test_the_archive_copy_is_the_groups_edition_page_for_page(demo):
    archive = _page_texts(demo.archive_pdf.read())
    assert archive == _page_texts(demo.pdf.read())
    contact = demo.content["appendix"]["contacts"][0]
    assert contact["name"] in archive[-1] or contact["name"] in "\n".join(archive)


def test_the_coordinator_downloads_the_archive_copy_and_no_one_else(demo, client):
    url = reverse("activities:report_archive_file", args=["vasterbotten", demo.report_id, 1])
    page_url = reverse("activities:report_version", args=["vasterbotten", demo.report_id, 1])
    assert demo.archive_pdf.name.endswith("-arkiv.pdf")
    stored = demo.archive_pdf.read()

    coordinator = User.objects.get(email="samordnare@example.org")
    client.force_login(coordinator)
    assert "Arkivexemplar (PDF/A)" in client.get(page_url).content.decode()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "-arkiv.pdf" in response["Content-Disposition"]
    assert set(response["Cache-Control"].split(", ")) == {"private", "no-store"}
    assert b"".join(response.streaming_content) == stored
    assert AuditEvent.objects.filter(
        action="activities.report.downloaded", actor=coordinator, detail="pdfa"
    ).exists()

    for email in ("lasare@example.org", "polisen@example.org"):
        client.force_login(User.objects.get(email=email))
        assert client.get(url).status_code == 403, email
        assert "Arkivexemplar" not in client.get(page_url).content.decode(), email

    # The public never gets it, even of a public version.
    demo.is_public = True
    demo.save(update_fields=["is_public"])
    client.logout()
    for fmt in ("pdfa", "archive_pdf", "arkiv.pdf"):
        public = reverse(
            "activities:public_report_file", args=["vasterbotten", demo.report_id, 1, fmt]
        )
        assert client.get(public).status_code == 404, fmt
    assert (
        "Arkivexemplar"
        not in client.get(
            reverse("activities:public_report", args=["vasterbotten", demo.report_id, 1])
        ).content.decode()
    )
    assert client.get(url).status_code == 302  # to sign in


def test_publishing_stores_a_new_archive_copy_with_each_version(demo, client):
    client.force_login(User.objects.get(email="samordnare@example.org"))
    client.post(
        reverse("activities:report_publish", args=["vasterbotten", demo.report_id]),
        {"change_note": "Rättad uppgift.", "is_public": ""},
    )
    run_task_queue()  # publishing runs in the task queue
    second = demo.report.versions.get(number=2)
    assert second.archive_pdf.name.endswith("-v2-arkiv.pdf")
    reader = PdfReader(io.BytesIO(second.archive_pdf.read()))
    assert _attribute(_xmp(reader), "pdfaid:conformance") == "A"
    demo.archive_pdf.open("rb")
    assert demo.archive_pdf.read() != second.archive_pdf.read()


def test_the_archive_copy_fetches_nothing_even_if_markup_slipped_into_the_content(demo):
    """Content is escaped before it is frozen; should an <img> or a url() still reach the
    HTML, the locked fetcher refuses it and the archive copy is made all the same."""
    content = copy.deepcopy(demo.content)
    answer = next(o for o in content["activities"]["organisations"] if o["answers"])["answers"][0]
    answer["html"] += (
        '<p><img src="file:///etc/passwd" alt="bild">'
        '<span style="background:url(http://evil.example/x.png)">Inskjuten text</span></p>'
    )
    fetcher = LockedURLFetcher()
    data = render_archive_pdf(content, fetcher=fetcher)
    assert set(fetcher.refused) == {"file:///etc/passwd", "http://evil.example/x.png"}
    text = "\n".join(_page_texts(data))
    assert "Inskjuten text" in text and "root:" not in text


def test_make_bench_reports_the_archive_copy_next_to_the_pdf():
    from .test_benchmark import REPORT, _figures, _layer

    results, bodies = _layer({"group start page": 0.6}, {"group start page": 0.5})
    times = REPORT | {"pdf_kb": 200, "docx_kb": 50, "odt_s": 0.5, "odt_kb": 40}
    times |= {"archive_s": 2.5, "archive_kb": 230}
    text = _figures().table(results, bodies, times, 10, {})
    assert "PDF in 2.00 s (200 kB)" in text
    assert "Archive copy (PDF/A-3a) in 2.50 s (230 kB)." in text


def test_versions_published_before_archive_copies_get_one_dated_as_published(demo):
    published = demo.published_at - timedelta(days=400)
    ReportVersion.objects.filter(pk=demo.pk).update(archive_pdf="", published_at=published)
    out = StringIO()
    call_command("archive_report_versions", stdout=out)
    assert "Stored 1 archive copies." in out.getvalue()
    demo.refresh_from_db()
    # (The storage adds a suffix here: the demo's own copy is still in the folder.)
    assert "lagesrapport-vasterbotten-2026-v1-arkiv" in demo.archive_pdf.name
    xmp = _xmp(PdfReader(io.BytesIO(demo.archive_pdf.read())))
    assert _attribute(xmp, "pdfaid:conformance") == "A"
    assert _items(xmp, "dc:date") == [timezone.localdate(published).isoformat()]
    name = demo.archive_pdf.name
    call_command("archive_report_versions", stdout=(again := StringIO()))
    assert "Stored 0 archive copies." in again.getvalue()
    demo.refresh_from_db()
    assert demo.archive_pdf.name == name  # a stored copy is never replaced
