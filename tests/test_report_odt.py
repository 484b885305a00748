"""The demo's published lägesrapport as ODT (OpenDocument text), read back with odfdo:
headings and their outline levels, the contents list, footnotes as ODF notes, links,
Swedish, A4 and page numbers; the downloads of both editions and the shell command.

The demo is built once for this module (tests/conftest.py, `demo_data`)."""

import copy
import io
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from odfdo import Document

from activities.models import ReportVersion
from activities.reports.odt import render_odt
from members.models import User
from samordning.text import render_markdown_with_footnotes

from .test_report_files import ORGANISATIONS

pytestmark = pytest.mark.xdist_group("demo-report")

ODT = "application/vnd.oasis.opendocument.text"


@pytest.fixture
def demo(demo_data, db, settings):
    """The demo's published report (version 1, public), its files in the module's media."""
    settings.MEDIA_ROOT = demo_data
    return ReportVersion.objects.get()


def _odt(data):
    return Document(io.BytesIO(data))


def _headings(document):
    return [
        (header.get_attribute_integer("text:outline-level"), str(header).strip())
        for header in document.body.get_headers()
    ]


def _text(document):
    return "\n".join(str(paragraph) for paragraph in document.body.get_paragraphs())


def test_the_odt_has_real_headings_at_their_outline_levels(demo):
    document = _odt(demo.odt.read())
    assert document.mimetype == ODT
    headings = _headings(document)
    assert [text for level, text in headings if level == 1] == [
        "Förord",
        "1 Nationell handlingsplan",
        "2 Länsstyrelsens uppdrag",
        "3 Samordningsgruppen",
        "4 Aktiviteter i Västerbotten april – september 2026",
        "5 Rapporter och kartläggningar som berör Västerbotten",
        "Bilaga",
    ]
    organisations = [text for level, text in headings if level == 2][: len(ORGANISATIONS)]
    assert organisations == [f"4.{i} {name}" for i, name in enumerate(ORGANISATIONS, start=1)]
    assert (3, "Fråga 1) Arbete idag") in headings
    # Each outline level has its heading style, so LibreOffice's navigator and the
    # contents list see the structure.
    for header in document.body.get_headers():
        level = header.get_attribute_integer("text:outline-level")
        assert header.style == f"Heading_20_{level}"
    # The title page comes first, in the title style.
    paragraphs = document.body.get_paragraphs()
    assert [str(p).strip() for p in paragraphs[:2]] == [
        "Länsstyrelsen Västerbotten",
        "Lägesrapport",
    ]
    assert paragraphs[1].style == "Title"


def test_the_contents_list_is_filled_with_the_headings(demo):
    document = _odt(demo.odt.read())
    toc = document.body.get_toc()
    assert toc is not None
    assert str(toc.get_element("text:index-body/text:index-title")).strip() == (
        "Innehållsförteckning"
    )
    title = toc.get_element("text:index-body/text:index-title/text:p")
    assert title.style == "Contents_20_Heading"
    entries = [str(p).strip() for p in toc.body.get_elements("text:p")]
    assert entries == [text for level, text in _headings(document) if level <= 3]
    assert "4.7 Åklagarmyndigheten, Åklagarkammaren i Umeå" in entries
    # It stands between the foreword and the first chapter.
    body = document.body.children
    toc_at = [child.tag for child in body].index("text:table-of-content")
    assert str(body[toc_at - 2]).strip().startswith("Sara Samuelsson")  # the signatories
    assert str(body[toc_at + 2]).strip() == "1 Nationell handlingsplan"  # after a page break


def test_footnotes_are_odf_notes_where_the_text_refers_to_them(demo):
    document = _odt(demo.odt.read())
    notes = document.body.get_notes()
    assert len(notes) == 1
    note = notes[0]
    assert (note.note_class, note.citation) == ("footnote", "1")
    text = str(note.get_element("text:note-body/text:p")).strip()
    assert text.startswith("Handlingsplanen finns på")
    link = note.get_link()
    assert link.get_attribute("xlink:href") == "https://www.example.se/nationell-handlingsplan"
    # The note stands in the sentence that refers to it, not in a list after the section.
    assert str(note.parent).startswith("Arbetet vilar på regeringens nationella handlingsplan")
    assert "Noter" not in _text(document)


def test_the_odt_is_swedish_a4_with_page_numbers_and_its_properties(demo):
    document = _odt(demo.odt.read())
    assert document.get_language() == "sv-SE"
    assert document.meta.language == "sv-SE"
    layout = document.get_style("page-layout", "Mpm1").get_properties()
    assert (layout["fo:page-width"], layout["fo:page-height"]) == ("21cm", "29.7cm")
    footer = document.get_style("master-page", "Standard").get_page_footer()
    assert footer.get_element("//text:page-number") is not None
    assert document.meta.title == "Lägesrapport Västerbotten 2026"
    assert document.meta.initial_creator == "Länsstyrelsen Västerbotten"
    assert "odfdo" not in (document.meta.generator or "")
    assert "Thumbnails/thumbnail.png" not in document.get_parts()


def test_links_bold_italic_lists_and_footnotes_from_markdown(demo):
    """A section with the Markdown the coordinator types: the link shows its text as
    typed (no address appended, no punycode), bold and italic are styled spans, the list
    is a list, and the note is numbered after the demo's own."""
    content = copy.deepcopy(demo.content)
    content["sections"].append(
        {
            "number": 4,
            "heading": "Stöd",
            **render_markdown_with_footnotes(
                "Läs mer på [Nej till sexköp](https://www.nejtillsexköp.nu) och i "
                "**Jämställdhetsmyndighetens** *vägledning*.[^a]\n\n"
                "- Stödlinjen\n  - dygnet runt\n- Mottagningen\n\n[^a]: Utgiven 2024.",
                first_number=2,
            ),
            "members": None,
        }
    )
    document = _odt(render_odt(content))
    links = {
        link.get_attribute("xlink:href"): link.inner_text for link in document.body.get_links()
    }
    # The address is the link's target (in the form the web uses), the text as typed.
    assert links["https://www.xn--nejtillsexkp-fjb.nu"] == "Nej till sexköp"
    paragraph = next(p for p in document.body.get_paragraphs() if "Läs mer" in str(p))
    assert paragraph.text_recursive.startswith("Läs mer på [Nej till sexköp](https://")
    assert "Nej till sexköp (http" not in paragraph.text_recursive
    spans = {span.inner_text: span.style for span in document.body.get_spans()}
    assert spans["Jämställdhetsmyndighetens"] == "Strong_20_Emphasis"
    assert spans["vägledning"] == "Emphasis"
    odf_list = next(lst for lst in document.body.get_lists() if "Stödlinjen" in str(lst))
    items = [str(i.get_element("text:p")).strip() for i in odf_list.get_elements("text:list-item")]
    assert items == ["Stödlinjen", "Mottagningen"]
    nested = odf_list.get_elements("text:list-item")[0].get_element("text:list")
    assert str(nested).strip() == "-  dygnet runt"  # the nested list stays in its item
    notes = document.body.get_notes()
    assert [(n.citation, str(n.get_element("text:note-body")).strip()) for n in notes][1] == (
        "2",
        "Utgiven 2024.",
    )
    assert (1, "4 Stöd") in _headings(document)


def test_both_editions_download_as_odt_and_the_public_one_names_no_one(demo, client):
    client.force_login(User.objects.get(email="lasare@example.org"))
    response = client.get(
        reverse("activities:report_file", args=["vasterbotten", demo.report_id, 1, "odt"])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == ODT
    assert response["Content-Disposition"].startswith("attachment;")
    assert ".odt" in response["Content-Disposition"]
    group_file = b"".join(response.streaming_content)
    assert group_file == demo.odt.read()
    group_text = _text(_odt(group_file))
    assert "Sara Samuelsson" in group_text and "samordnare@example.org" in group_text
    page = client.get(
        reverse("activities:report_version", args=["vasterbotten", demo.report_id, 1])
    ).content.decode()
    assert "Ladda ned som ODT" in page
    client.logout()

    response = client.get(
        reverse("activities:public_report_file", args=["vasterbotten", demo.report_id, 1, "odt"])
    )
    assert response["Content-Type"] == ODT
    public = _odt(b"".join(response.streaming_content))
    table = next(t for t in public.body.get_tables() if t.name == "Kontaktpersoner")
    cells = [str(cell).strip() for cell in table.get_elements(".//table:table-cell")]
    assert cells[:3] == ["Roll", "Organisation", "E-post"]
    assert "lansstyrelsen.vasterbotten@example.org" in cells
    text = _text(public)
    for personal in ("samordnare@example.org", "polisen@example.org", "Petra Holm"):
        assert personal not in text
    appendix = text[text.rindex("Kontaktpersoner") :]
    assert "Sara Samuelsson" not in appendix
    page = client.get(
        reverse("activities:public_report", args=["vasterbotten", demo.report_id, 1])
    ).content.decode()
    assert "Ladda ned som ODT" in page


def test_an_unknown_format_is_not_found(demo, client):
    client.force_login(User.objects.get(email="lasare@example.org"))
    response = client.get(
        reverse("activities:report_file", args=["vasterbotten", demo.report_id, 1, "ott"])
    )
    assert response.status_code == 404


def test_render_report_writes_the_odt_from_the_shell(demo, tmp_path):
    stored = tmp_path / "stored.odt"
    call_command(
        "render_report",
        "--group",
        "vasterbotten",
        "--format",
        "odt",
        "--output",
        str(stored),
        stdout=StringIO(),
    )
    assert stored.read_bytes() == demo.odt.read()
    draft = tmp_path / "draft.odt"
    call_command(
        "render_report",
        "--group",
        "vasterbotten",
        "--draft",
        str(demo.report_id),
        "--format",
        "odt",
        "--public",
        "--output",
        str(draft),
        stdout=StringIO(),
    )
    headings = _headings(_odt(draft.read_bytes()))
    assert (2, "4.1 Länsstyrelsen Västerbotten") in headings


def test_a_loose_list_keeps_one_paragraph_per_item(demo):
    content = copy.deepcopy(demo.content)
    content["foreword"]["html"] = "<ul><li><p>Första</p></li><li><p>Andra</p></li></ul>"
    document = _odt(render_odt(content))
    odf_list = next(lst for lst in document.body.get_lists() if "Första" in str(lst))
    items = odf_list.get_elements("text:list-item")
    assert [[str(p).strip() for p in item.get_elements("text:p")] for item in items] == [
        ["Första"],
        ["Andra"],
    ]
