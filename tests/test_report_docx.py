"""The Word file an authority sends as it is, read back with python-docx and lxml: A4 and
Swedish margins, sv-SE on every style, page numbers, real hyperlinks showing the text as
typed, the report's own properties, a contents list already filled in, real footnotes."""

import copy
import io
import re
import time
from datetime import UTC, datetime

import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Cm
from lxml import etree

from activities.models import ReportVersion
from activities.reports.docx import render_docx
from samordning.text import render_markdown_with_footnotes

pytestmark = pytest.mark.xdist_group("demo-report")

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R}


@pytest.fixture
def demo(demo_data, db, settings):
    settings.MEDIA_ROOT = demo_data
    return ReportVersion.objects.get()


def _open(data):
    return Document(io.BytesIO(data))


def _w(name):
    return f"{{{W}}}{name}"


def _footnotes(document):
    """The footnotes part (python-docx reads it as a plain part) and its notes."""
    part = document.part.part_related_by(RT.FOOTNOTES)
    root = etree.fromstring(part.blob)
    return part, [
        note
        for note in root.findall(_w("footnote"))
        if note.get(_w("type")) is None  # not Word's two separators
    ]


_TEXTS = etree.XPath(".//w:t/text()", namespaces=NS)


def _text(element):
    return "".join(_TEXTS(element))


def test_every_section_is_a4_with_swedish_margins(demo):
    document = _open(demo.docx.read())
    assert len(document.sections) == 2  # the appendix starts its own
    for section in document.sections:
        # Word stores twips: A4 is 11906 × 16838.
        assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
        for margin in ("top", "bottom", "left", "right"):
            assert getattr(section, f"{margin}_margin").twips == Cm(2.5).twips == 1417


def test_every_style_and_the_defaults_are_swedish(demo):
    document = _open(demo.docx.read())
    styles = document.styles.element
    default = styles.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}/{_w('lang')}")
    assert default.get(_w("val")) == "sv-SE"
    checked = 0
    for style in styles.findall(_w("style")):
        if style.get(_w("type")) == "numbering":
            continue
        assert style.find(f"{_w('rPr')}/{_w('lang')}").get(_w("val")) == "sv-SE", style.name
        checked += 1
    assert checked > 20
    assert "en-US" not in etree.tostring(styles).decode()
    for name in ("Hyperlink", "footnote text", "footnote reference", "toc 1", "toc 3"):
        assert name in [s.name for s in document.styles]


def test_the_footer_numbers_the_pages_but_not_the_title_page(demo):
    document = _open(demo.docx.read())
    first = document.sections[0]
    assert first.different_first_page_header_footer
    assert _text(first.first_page_footer._element).strip() == ""
    footer = first.footer
    assert footer.paragraphs[0].alignment == 1  # centred
    instructions = [t.text.strip() for t in footer._element.iter(_w("instrText"))]
    assert instructions == ["PAGE"]
    assert document.sections[1].footer.is_linked_to_previous


def test_the_properties_name_the_report_the_issuer_and_the_publish_time(demo):
    data = demo.docx.read()
    properties = _open(data).core_properties
    assert properties.title == "Lägesrapport Västerbotten 2026"
    assert properties.author == properties.last_modified_by == "Länsstyrelsen Västerbotten"
    assert properties.language == "sv-SE"
    assert properties.category == "Lägesrapport"
    assert "Västerbotten" in properties.keywords and properties.subject
    assert "python-docx" not in (properties.comments + properties.author)
    assert properties.created == demo.published_at.replace(microsecond=0)
    assert properties.modified == properties.created
    # Given the publish time, the dates are exactly it.
    when = datetime(2026, 10, 3, 9, 30, tzinfo=UTC)
    again = _open(render_docx(demo.content, published_at=when)).core_properties
    assert again.created == again.modified == when
    with __import__("zipfile").ZipFile(io.BytesIO(data)) as archive:
        app = archive.read("docProps/app.xml").decode()
        core = archive.read("docProps/core.xml").decode()
    assert "<Application>Samordning</Application>" in app
    assert "python-docx" not in app + core
    assert "Microsoft" not in app


def test_the_contents_list_is_filled_with_the_headings_and_stays_a_field(demo):
    document = _open(demo.docx.read())
    body = document.element.body
    headings = [
        (p.text, int(p.style.name[-1]))
        for p in document.paragraphs
        if re.fullmatch(r"Heading [12]", p.style.name)
    ]
    entries = [
        (p.text, int(p.style.name[-1]))
        for p in document.paragraphs
        if re.fullmatch(r"toc [123]", p.style.name)
    ]
    assert entries == headings
    assert ("4.1 Länsstyrelsen Västerbotten", 2) in entries
    assert not any(text.startswith("Fråga") for text, _ in entries)
    assert "Högerklicka" not in _text(body)
    kinds = [c.get(_w("fldCharType")) for c in body.iter(_w("fldChar"))]
    assert kinds[:3] == ["begin", "separate", "end"]
    assert next(body.iter(_w("instrText"))).text.strip() == 'TOC \\o "1-2" \\h \\z \\u'
    # The field's result lies between its separate and its end: every entry.
    toc = [p for p in body.iter(_w("p")) if p.find(f".//{_w('fldChar')}") is not None][:2]
    first_entry = toc[0]
    assert _text(first_entry.find(f".//{_w('hyperlink')}")) == headings[0][0]
    # Each entry links to its heading's bookmark.
    anchors = [link.get(_w("anchor")) for link in body.iter(_w("hyperlink"))]
    anchors = [anchor for anchor in anchors if anchor]
    bookmarks = [mark.get(_w("name")) for mark in body.iter(_w("bookmarkStart"))]
    assert anchors and set(anchors) <= set(bookmarks)


def test_the_introductory_footnote_is_a_real_footnote(demo):
    document = _open(demo.docx.read())
    part, notes = _footnotes(document)
    assert [_text(n).strip() for n in notes] == [
        "Handlingsplanen finns på https://www.example.se/nationell-handlingsplan."
    ]
    assert notes[0].get(_w("id")) == "1"
    assert notes[0].find(f".//{_w('footnoteRef')}") is not None
    references = [r.get(_w("id")) for r in document.element.body.iter(_w("footnoteReference"))]
    assert references == ["1"]
    # The note's link is a hyperlink of the footnotes part itself.
    link = notes[0].find(f".//{_w('hyperlink')}")
    assert part.rels[link.get(f"{{{R}}}id")].target_ref == (
        "https://www.example.se/nationell-handlingsplan"
    )
    # The reference stands in the section's text, the note's text not.
    section = next(
        p for p in document.paragraphs if p._p.find(f".//{_w('footnoteReference')}") is not None
    )
    assert "Handlingsplanen finns" not in section.text


def _with_section(content, text):
    content = copy.deepcopy(content)
    rendered = render_markdown_with_footnotes(text, 1)
    content["sections"] = [{**content["sections"][0], **rendered, "members": None}]
    return content


def test_links_show_the_text_as_typed_and_point_at_the_address(demo):
    text = (
        "Läs mer på www.nejtillsexköp.nu eller [Jämställdhetsmyndigheten]"
        "(https://www.jamstalldhetsmyndigheten.se/)[^1] och skriv till info@example.se.\n\n"
        "[^1]: Se också https://www.nejtillsexköp.nu/om och *tidigare* rapporter.\n"
    )
    document = _open(render_docx(_with_section(demo.content, text)))
    paragraph = next(p for p in document.paragraphs if p.text.startswith("Läs mer"))
    assert paragraph.text == (
        "Läs mer på www.nejtillsexköp.nu eller Jämställdhetsmyndigheten"
        " och skriv till info@example.se."
    )
    assert "(http" not in paragraph.text and "xn--" not in paragraph.text
    links = paragraph._p.findall(_w("hyperlink"))
    targets = [document.part.rels[link.get(f"{{{R}}}id")].target_ref for link in links]
    assert [_text(link) for link in links] == [
        "www.nejtillsexköp.nu",
        "Jämställdhetsmyndigheten",
        "info@example.se",
    ]
    assert targets == [
        "http://www.xn--nejtillsexkp-fjb.nu",
        "https://www.jamstalldhetsmyndigheten.se/",
        "mailto:info@example.se",
    ]
    for link in links:
        assert link.find(f".//{_w('rStyle')}").get(_w("val")) == "Hyperlink"
    # The footnote's reference follows the link, outside it; the note keeps its link.
    assert paragraph._p.find(f"{_w('r')}/{_w('footnoteReference')}") is not None
    part, notes = _footnotes(document)
    assert (
        _text(notes[0]).strip()
        == "Se också https://www.nejtillsexköp.nu/om och tidigare rapporter."
    )
    link = notes[0].find(f".//{_w('hyperlink')}")
    assert _text(link) == "https://www.nejtillsexköp.nu/om"
    assert part.rels[link.get(f"{{{R}}}id")].target_ref == "https://www.xn--nejtillsexkp-fjb.nu/om"
    assert notes[0].find(f".//{_w('i')}") is not None


def test_a_related_report_links_to_its_address_as_typed(demo):
    content = copy.deepcopy(demo.content)
    content["related"]["items"] = [
        {
            "title": "Nej till sexköp",
            "author": "Länsstyrelsen",
            "published": "2025",
            "link": "https://www.nejtillsexköp.nu/rapport",
        }
    ]
    document = _open(render_docx(content))
    paragraph = next(p for p in document.paragraphs if p.text.startswith("Nej till sexköp"))
    assert paragraph.text == (
        "Nej till sexköp, Länsstyrelsen, 2025. https://www.nejtillsexköp.nu/rapport"
    )
    (link,) = paragraph._p.findall(_w("hyperlink"))
    assert document.part.rels[link.get(f"{{{R}}}id")].target_ref == (
        "https://www.xn--nejtillsexkp-fjb.nu/rapport"
    )


def test_a_report_without_notes_has_no_footnotes_part(demo):
    document = _open(render_docx(_with_section(demo.content, "Ingen not här.")))
    with pytest.raises(KeyError):
        document.part.part_related_by(RT.FOOTNOTES)


def test_the_word_file_of_a_long_report_is_quick(demo):
    content = copy.deepcopy(demo.content)
    organisations = content["activities"]["organisations"]
    content["activities"]["organisations"] = (organisations * 2)[:14]
    started = time.perf_counter()
    render_docx(content)
    assert time.perf_counter() - started < 2
