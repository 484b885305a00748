"""Render a report's content to HTML, PDF (WeasyPrint) and Word (python-docx)."""

import gc
import io
import logging
import re
from contextlib import contextmanager
from html.parser import HTMLParser

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation
from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher

logger = logging.getLogger(__name__)

# Control characters that XML (and so a Word file) cannot hold; they are dropped.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _xml_safe(text):
    return _NOT_XML.sub("", text or "")


def _xml_clean(value):
    """The content with every string XML-safe, for the Word file."""
    if isinstance(value, dict):
        return {key: _xml_clean(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_xml_clean(item) for item in value]
    if isinstance(value, str):
        return _xml_safe(value)
    return value


class LockedURLFetcher(URLFetcher):
    """Fetches nothing: no network, no local file. The stylesheet is passed as a string
    and the report has no images, so every URL met while rendering is refused (an
    <img> or url() that slipped into content stays inert)."""

    def __init__(self):
        super().__init__(allowed_protocols=())
        self.refused = []

    def fetch(self, url, headers=None):
        self.refused.append(url)
        logger.warning("Refused to fetch %r while rendering a report", url)
        raise ValueError(f"Reports fetch nothing: {url}")


def _print_stylesheet():
    with open(finders.find("css/report-print.css"), encoding="utf-8") as handle:
        return handle.read()


def render_html_document(content):
    # The report is a Swedish document, whoever presses Publish.
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string("reports/document.html", {"c": content})


@contextmanager
def _collector_paused():
    """Python's cyclic garbage collector held off while WeasyPrint lays out and writes.

    A report of 40 pages makes a few hundred thousand boxes, styles and PDF objects, most
    of them alive until the file is written; the collector, set off every 700 new objects,
    ran some 400 times in one rendering (a few times over the whole process) and took a
    sixth of its time. One collection of the young generation afterwards frees what the
    rendering left in cycles: the peak memory and the memory after are as before."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
            gc.collect(0)


def render_pdf(content, fetcher=None):
    """The report as a tagged PDF (PDF/UA-1), A4, with its table of contents paginated."""
    fetcher = fetcher or LockedURLFetcher()
    with _collector_paused():
        # Control characters have no glyph and confuse the PDF's text layer: dropped, as in
        # Word.
        html = HTML(
            string=render_html_document(_xml_clean(content)), base_url=None, url_fetcher=fetcher
        )
        stylesheet = CSS(string=_print_stylesheet(), url_fetcher=fetcher)
        return html.write_pdf(
            stylesheets=[stylesheet],
            pdf_variant="pdf/ua-1",
            pdf_tags=True,
            custom_metadata=True,
            uncompressed_pdf=False,
        )


# Word


class _HtmlToDocx(HTMLParser):
    """Writes our small, cleaned HTML subset (p, br, ul/ol/li, a, strong, em, sup) into
    Word paragraphs and runs. Anything else is reduced to its text."""

    def __init__(self, document, notes):
        super().__init__(convert_charrefs=True)
        self.document = document
        self.notes = notes
        self.paragraph = None
        self.lists = []
        self.bold = self.italic = self.superscript = 0
        self.link = None

    def _new_paragraph(self, style=None):
        self.paragraph = self.document.add_paragraph(style=style)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "p":
            self._new_paragraph()
        elif tag in ("ul", "ol"):
            self.lists.append(tag)
        elif tag == "li":
            style = "List Number" if self.lists and self.lists[-1] == "ol" else "List Bullet"
            self._new_paragraph(style)
        elif tag == "br" and self.paragraph is not None:
            self.paragraph.add_run().add_break()
        elif tag == "strong":
            self.bold += 1
        elif tag == "em":
            self.italic += 1
        elif tag == "sup":
            self.superscript += 1
        elif tag == "a":
            self.link = attrs.get("href", "")

    def handle_endtag(self, tag):
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        elif tag == "strong":
            self.bold -= 1
        elif tag == "em":
            self.italic -= 1
        elif tag == "sup":
            self.superscript -= 1
        elif tag == "a":
            self.link = None
        elif tag in ("p", "li"):
            self.paragraph = None

    def handle_data(self, data):
        if not data.strip() and self.paragraph is None:
            return
        if self.paragraph is None:
            self._new_paragraph()
        run = self.paragraph.add_run(_xml_safe(data))
        run.bold = bool(self.bold) or None
        run.italic = bool(self.italic) or None
        if self.superscript:
            run.font.superscript = True
        elif (
            self.link
            and self.link.startswith(("http://", "https://", "mailto:"))
            and self.link != data
        ):
            self.paragraph.add_run(f" ({self.link})")


def _add_html(document, html):
    parser = _HtmlToDocx(document, notes=[])
    parser.feed(html or "")
    parser.close()


def _add_toc_field(document):
    """A Word table-of-contents field over Heading 1–3; Word fills it on opening
    (or with F9)."""
    paragraph = document.add_paragraph()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = 'TOC \\o "1-3" \\h \\z \\u'
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    placeholder = OxmlElement("w:t")
    placeholder.text = "Högerklicka och välj Uppdatera fält för att visa innehållsförteckningen."
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run = paragraph.add_run()
    for element in (begin, instruction, separate, placeholder, end):
        run._r.append(element)
    settings = document.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)


def _page_break(document):
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def render_docx(content):
    """The report as a Word document the coordinator can edit further."""
    content = _xml_clean(content)
    document = Document()
    document.core_properties.title = f"{content['title']} {content['county']} {content['year']}"
    document.core_properties.author = content["issuer"]
    document.core_properties.language = "sv-SE"
    document.styles["Normal"].font.size = Pt(11)

    # Title page
    document.add_paragraph(content["issuer"])
    document.add_paragraph(content["title"], style="Title")
    if content["subtitle"]:
        document.add_paragraph(content["subtitle"], style="Subtitle")
    document.add_paragraph(f"{content['county']} {content['span']}")
    document.add_paragraph(str(content["year"]))
    _page_break(document)

    document.add_heading("Förord", level=1)
    _add_html(document, content["foreword"]["html"])
    foreword = content["foreword"]
    if foreword["place"] or foreword["date"]:
        document.add_paragraph(", ".join(p for p in (foreword["place"], foreword["date"]) if p))
    for person in foreword["signatories"]:
        paragraph = document.add_paragraph()
        paragraph.add_run(person["name"]).bold = True
        if person["title"]:
            paragraph.add_run().add_break()
            paragraph.add_run(person["title"])
    _page_break(document)

    document.add_paragraph("Innehållsförteckning", style="TOC Heading")
    _add_toc_field(document)
    _page_break(document)

    for section in content["sections"]:
        document.add_heading(f"{section['number']} {section['heading']}", level=1)
        _add_html(document, section["html"])
        for name in section["members"] or []:
            document.add_paragraph(name, style="List Bullet")
        if section["notes"]:
            document.add_paragraph("Noter", style="Heading 4")
            for note in section["notes"]:
                paragraph = document.add_paragraph()
                marker = paragraph.add_run(str(note["number"]))
                marker.font.superscript = True
                paragraph.add_run(" ")
                _append_inline(paragraph, note["html"])

    chapter = content["activities"]
    document.add_heading(f"{chapter['number']} {chapter['heading']}", level=1)
    document.add_paragraph("Följande frågor ställdes till medlemsorganisationerna:")
    for question in chapter["questions"]:
        paragraph = document.add_paragraph(style="List Number")
        paragraph.add_run(f"{question['title']}. ").bold = True
        paragraph.add_run(question["wording"])
    if chapter.get("charts"):
        document.add_heading("Utvecklingen i siffror", level=3)
        for chart in chapter["charts"]:
            document.add_paragraph().add_run(chart["title"]).bold = True
            table = document.add_table(rows=1, cols=2)
            table.style = "Table Grid"
            table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Period", "Värde"
            for bar in chart["bars"]:
                cells = table.add_row().cells
                cells[0].text, cells[1].text = bar["label"], f"{bar['value']}{chart['unit']}"
    for index, organisation in enumerate(chapter["organisations"], start=1):
        document.add_heading(f"{chapter['number']}.{index} {organisation['name']}", level=2)
        if not organisation["reported"]:
            sentence = organisation.get("sentence") or chapter["no_report_sentence"]
            document.add_paragraph(sentence).runs[0].italic = True
        for answer in organisation["answers"]:
            document.add_heading(f"Fråga {answer['number']}) {answer['title']}", level=3)
            _add_html(document, answer["html"])
            for row in (answer.get("records") or {}).get("rows", []):
                text = render_to_string(
                    "reports/_record_line.html", {"row": row, "kind": answer["records"]["kind"]}
                ).strip()
                document.add_paragraph(text, style="List Bullet")

    related = content["related"]
    document.add_heading(f"{related['number']} {related['heading']}", level=1)
    for item in related["items"]:
        parts = [item["title"], item["author"], item["published"]]
        text = ", ".join(p for p in parts if p)
        if item["link"]:
            text += f". {item['link']}"
        document.add_paragraph(text, style="List Bullet")

    appendix = content["appendix"]
    document.add_section(WD_SECTION.NEW_PAGE)
    document.add_heading(appendix["heading"], level=1)
    document.add_heading(appendix["group"], level=2)
    _add_html(document, appendix["description_html"])
    document.add_heading("Kontaktpersoner", level=2)
    public = content.get("is_public_edition", False)
    columns = (
        ["Roll", "Organisation", "E-post"]
        if public
        else ["Namn", "Roll", "Organisation", "E-post", "Telefon"]
    )
    keys = (
        ["role", "organisation", "email"]
        if public
        else ["name", "role", "organisation", "email", "phone"]
    )
    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, columns, strict=True):
        cell.text = title
    for person in appendix["contacts"]:
        cells = table.add_row().cells
        for cell, key in zip(cells, keys, strict=True):
            cell.text = person[key] or ""
    document.add_heading("Medlemsorganisationer", level=2)
    for name in appendix["organisations"]:
        document.add_paragraph(name, style="List Bullet")

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _append_inline(paragraph, html):
    """Inline HTML (a note) into an existing paragraph, as plain runs."""

    class _Text(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.parts = []

        def handle_data(self, data):
            self.parts.append(data)

    parser = _Text()
    parser.feed(html)
    paragraph.add_run(_xml_safe("".join(parser.parts)))
