"""Render a report's content as an OpenDocument text file (ODT, odfdo).

ODF is the open format the Swedish public sector is asked to accept and send; the file
says the same as the PDF and the Word file, from the same frozen content: a title page,
the foreword, a table of contents filled with the headings (LibreOffice updates it with
the page numbers), headings as real outline levels, footnotes as ODF notes, the
appendix table; Swedish (sv-SE) on the default style, A4, page numbers in the footer.
"""

import io
from html.parser import HTMLParser

from django.template.loader import render_to_string
from django.utils import timezone
from odfdo import (
    TOC,
    Cell,
    Document,
    Header,
    HeaderRows,
    Link,
    List,
    ListItem,
    Note,
    Paragraph,
    Row,
    Span,
    Style,
    Table,
    VarPageNumber,
)

from .parts import has_appendix, has_foreword, has_related
from .xmltext import xml_clean as _xml_clean

LANGUAGE = "sv-SE"
# A4, with the margins of a Swedish authority's letter template.
PAGE = {
    "fo:page-width": "21cm",
    "fo:page-height": "29.7cm",
    "fo:margin-top": "2.5cm",
    "fo:margin-bottom": "2cm",
    "fo:margin-left": "2.5cm",
    "fo:margin-right": "2.5cm",
}
BULLETS = "List_20_1"  # the list styles of odfdo's text template
NUMBERS = "Numbering_20_1"
TOC_ENTRY = "odfto_toc_level_"  # odfdo's style for a contents entry, by level


def _styles(document):
    """The document's own styles: Swedish, A4, title, notes, page breaks, page numbers."""
    document.language = LANGUAGE
    layout = document.get_style("page-layout", "Mpm1")
    layout.set_properties(PAGE, area="page-layout")
    # The line above the footnotes, as in print.
    separator = layout.get_element("style:page-layout-properties/style:footnote-sep")
    if separator is not None:
        separator.set_attribute("style:line-style", "solid")
    for style in (
        Style(
            "paragraph",
            "Title",
            display_name="Title",
            parent_style="Heading",
            area="text",
            bold=True,
            **{"fo:font-size": "26pt"},
        ),
        Style(
            "paragraph",
            "Subtitle",
            display_name="Subtitle",
            parent_style="Heading",
            area="text",
            **{"fo:font-size": "16pt"},
        ),
        Style(
            "paragraph",
            "Footnote",
            display_name="Footnote",
            parent_style="Standard",
            area="text",
            **{"fo:font-size": "10pt"},
        ),
        Style("paragraph", "Footer", display_name="Footer", parent_style="Standard"),
        Style("text", "Strong_20_Emphasis", display_name="Strong Emphasis", bold=True),
        Style("text", "Emphasis", display_name="Emphasis", italic=True),
    ):
        document.insert_style(style)
    page_break = Style("paragraph", "PageBreak", parent_style="Standard", break_after="page")
    document.insert_style(page_break, automatic=True)
    footer = Style(
        "paragraph",
        "FooterCentered",
        parent_style="Footer",
        area="paragraph",
        **{"fo:text-align": "center"},
    )
    document.insert_style(footer, automatic=True)
    number = Paragraph(style="FooterCentered")
    number.append(VarPageNumber(select_page="current"))
    document.get_style("master-page", "Standard").set_page_footer(number)
    both = Style("text", "StrongEmphasis", bold=True, italic=True)
    document.insert_style(both, automatic=True)
    table = Style("table", "Grid", width="16cm", area="table", **{"table:align": "left"})
    document.insert_style(table, automatic=True)
    cell = Style("table-cell", "GridCell", border="0.5pt solid #000000", padding="0.1cm")
    document.insert_style(cell, automatic=True)


def _text(value):
    """Text for odfdo: it writes runs of spaces as text:s, so strings keep their spaces."""
    return value or ""


class _HtmlToOdt(HTMLParser):
    """Writes our small, cleaned HTML subset (p, br, ul/ol/li, a, strong, em and the
    print variant's `<span class="footnote">`) into ODF paragraphs, lists, spans, links
    and notes. Anything else is reduced to its text."""

    def __init__(self, body, notes):
        super().__init__(convert_charrefs=True)
        self.body = body
        self.notes = notes  # the document's count of notes, shared by every part
        self.paragraph = None  # where text goes now (None: a new paragraph is needed)
        self.lists = []  # [odfdo List, its current ListItem] of each open list
        self.bold = self.italic = 0
        self.link = None
        self.note = None  # (the note's body, the paragraph the note stands in)
        self.spans = []  # of each open span: is it a footnote?

    def _container(self):
        if self.note is not None:
            return self.note[0]
        if self.lists and self.lists[-1][1] is not None:
            return self.lists[-1][1]
        return self.body

    def _new_paragraph(self):
        self.paragraph = Paragraph(style="Footnote" if self.note else "Text_20_body")
        self._container().append(self.paragraph)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "p":
            # A loose list's <li><p>: the item's paragraph, not a second one.
            if not (self.paragraph is not None and not str(self.paragraph).strip()):
                self._new_paragraph()
        elif tag in ("ul", "ol") and self.note is None:
            odf_list = List(style=NUMBERS if tag == "ol" else BULLETS)
            self._container().append(odf_list)  # a nested list goes in its item
            self.lists.append([odf_list, None])
            self.paragraph = None
        elif tag == "li" and self.lists and self.note is None:
            item = ListItem()
            self.lists[-1][0].append(item)
            self.lists[-1][1] = item
            self._new_paragraph()
        elif tag == "br" and self.paragraph is not None:
            self.paragraph.append_plain_text("\n")
        elif tag == "strong":
            self.bold += 1
        elif tag == "em":
            self.italic += 1
        elif tag == "a":
            self.link = attrs.get("href", "")
        elif tag == "span":
            is_note = "footnote" in (attrs.get("class") or "").split()
            self.spans.append(is_note)
            if is_note and self.note is None:
                self._open_note()

    def _open_note(self):
        if self.paragraph is None:
            self._new_paragraph()
        self.notes[0] += 1
        number = str(self.notes[0])
        note = Note(note_class="footnote", note_id=f"ftn{number}", citation=number)
        self.paragraph.append(note)
        self.note = (note.get_element("text:note-body"), self.paragraph)
        self._new_paragraph()

    def _close_note(self):
        self.paragraph = self.note[1]
        self.note = None

    def handle_endtag(self, tag):
        if tag in ("ul", "ol") and self.lists and self.note is None:
            self.lists.pop()
            self.paragraph = None
        elif tag == "strong":
            self.bold -= 1
        elif tag == "em":
            self.italic -= 1
        elif tag == "a":
            self.link = None
        elif tag == "span" and self.spans:
            if self.spans.pop() and self.note is not None and True not in self.spans:
                self._close_note()
        elif tag in ("p", "li") and self.note is None:
            self.paragraph = None

    def handle_data(self, data):
        if not data.strip() and self.paragraph is None:
            return
        if self.paragraph is None:
            self._new_paragraph()
        _add_run(self.paragraph, data, self.bold, self.italic, self.link)


def _add_run(paragraph, text, bold=False, italic=False, link=None):
    """Text into a paragraph: bold and italic as named text styles, a web or mail link
    as a real hyperlink showing the text as typed."""
    style = {
        (True, False): "Strong_20_Emphasis",
        (False, True): "Emphasis",
        (True, True): "StrongEmphasis",
    }.get((bool(bold), bool(italic)))
    run = Span(_text(text), style=style) if style else None
    if link and link.startswith(("http://", "https://", "mailto:")):
        if run is None:
            run = Link(link, text=_text(text))
        else:
            anchor = Link(link)
            anchor.append(run)
            run = anchor
    if run is None:
        paragraph.append_plain_text(_text(text))
    else:
        paragraph.append(run)


def _add_html(body, html, notes):
    parser = _HtmlToOdt(body, notes)
    parser.feed(html or "")
    parser.close()


def _paragraph(body, text="", style="Text_20_body"):
    paragraph = Paragraph(_text(text), style=style)
    body.append(paragraph)
    return paragraph


def _heading(body, level, text):
    header = Header(level, _text(text))
    header.style = f"Heading_20_{level}"  # odfdo's constructor leaves the style unset
    body.append(header)


def _list(body, items, style=BULLETS):
    odf_list = List(style=style)
    for text in items:
        item = ListItem()
        item.append(Paragraph(_text(text), style="Text_20_body"))
        odf_list.append(item)
    body.append(odf_list)
    return odf_list


def _page_break(body):
    body.append(Paragraph(style="PageBreak"))


def _table(body, name, header, rows):
    """A table with a ruled grid; its heading row repeats on every page it runs onto."""
    table = Table(name, style="Grid")
    header_rows = HeaderRows()
    for values, is_header in [(header, True), *[(row, False) for row in rows]]:
        row = Row()
        for value in values:
            cell = Cell(style="GridCell")
            paragraph = Paragraph(style="Text_20_body")
            if is_header:
                _add_run(paragraph, value, bold=True)
            else:
                paragraph.append_plain_text(_text(value))
            cell.append(paragraph)
            row.append(cell)
        (header_rows if is_header else table).append(row)
        if is_header:
            table.append(header_rows)
    body.append(table)


def _fill_toc(toc, body):
    """The contents list filled with the headings as written: they carry their own
    numbers, so odfdo's numbering ("5.2. 4.1 …") is replaced. LibreOffice adds the page
    numbers when the index is updated (Tools → Update)."""
    toc.fill(use_default_styles=True)  # also adds the entry styles (dotted tab leaders)
    index_body = toc.body
    title = index_body.get_element("text:index-title/text:p")
    if title is not None:
        title.style = "Contents_20_Heading"
    for paragraph in index_body.get_elements("text:p"):
        if (paragraph.style or "").startswith(TOC_ENTRY):
            paragraph.delete()
    for header in body.get_headers():
        level = header.get_attribute_integer("text:outline-level") or 1
        if level <= 3:
            index_body.append(Paragraph(str(header).strip(), style=f"{TOC_ENTRY}{level}"))


def render_odt(content):
    """The report as an ODT file (bytes)."""
    content = _xml_clean(content)
    document = Document("text")
    document.body.clear()
    _styles(document)
    meta = document.meta
    meta.title = f"{content['title']} {content['county']} {content['year']}"
    meta.initial_creator = content["issuer"]
    meta.creator = content["issuer"]
    meta.subject = f"{content['county']} {content['span']}"
    meta.generator = "Samordning"
    meta.creation_date = meta.date = timezone.now()
    # The template's thumbnail shows another document: a file manager would show it.
    document.del_part("Thumbnails/thumbnail.png")
    document.manifest.del_full_path("Thumbnails/thumbnail.png")
    body = document.body
    notes = [0]

    # Title page
    _paragraph(body, content["issuer"])
    _paragraph(body, content["title"], style="Title")
    if content["subtitle"]:
        _paragraph(body, content["subtitle"], style="Subtitle")
    _paragraph(body, f"{content['county']} {content['span']}")
    _paragraph(body, str(content["year"]))
    _page_break(body)

    if has_foreword(content):
        _foreword(body, content["foreword"], notes)

    toc = TOC("Innehållsförteckning", outline_level=3)
    body.append(toc)
    _page_break(body)

    for section in content["sections"]:
        _heading(body, 1, f"{section['number']} {section['heading']}")
        _add_html(body, section.get("print_html", section["html"]), notes)
        if section["members"]:
            _list(body, section["members"])

    chapter = content["activities"]
    _heading(body, 1, f"{chapter['number']} {chapter['heading']}")
    _paragraph(body, "Följande frågor ställdes till medlemsorganisationerna:")
    questions = List(style=NUMBERS)
    for question in chapter["questions"]:
        paragraph = Paragraph(style="Text_20_body")
        _add_run(paragraph, f"{question['title']}. ", bold=True)
        paragraph.append_plain_text(_text(question["wording"]))
        item = ListItem()
        item.append(paragraph)
        questions.append(item)
    body.append(questions)
    if chapter.get("charts"):
        _heading(body, 3, "Utvecklingen i siffror")
        for index, chart in enumerate(chapter["charts"], start=1):
            _add_run(_paragraph(body), chart["title"], bold=True)
            rows = [(bar["label"], f"{bar['value']}{chart['unit']}") for bar in chart["bars"]]
            _table(body, f"Diagram{index}", ("Period", "Värde"), rows)
    for index, organisation in enumerate(chapter["organisations"], start=1):
        _heading(body, 2, f"{chapter['number']}.{index} {organisation['name']}")
        if not organisation["reported"]:
            sentence = organisation.get("sentence") or chapter["no_report_sentence"]
            _add_run(_paragraph(body), sentence, italic=True)
        for answer in organisation["answers"]:
            _heading(body, 3, f"Fråga {answer['number']}) {answer['title']}")
            _add_html(body, answer.get("print_html", answer["html"]), notes)
            records = answer.get("records") or {}
            lines = [
                render_to_string(
                    "reports/_record_line.html", {"row": row, "kind": records["kind"]}
                ).strip()
                for row in records.get("rows", [])
            ]
            if lines:
                _list(body, lines)

    related = content["related"]
    if has_related(content):
        _heading(body, 1, f"{related['number']} {related['heading']}")
        odf_list = List(style=BULLETS)
        for item in related["items"]:
            paragraph = Paragraph(style="Text_20_body")
            _add_run(paragraph, item["title"], bold=True)
            rest = "".join(f", {p}" for p in (item["author"], item["published"]) if p) + "."
            paragraph.append_plain_text(rest)
            if item["link"]:
                paragraph.append_plain_text(" ")
                _add_run(paragraph, item["link"], link=item["link"])
            list_item = ListItem()
            list_item.append(paragraph)
            odf_list.append(list_item)
        body.append(odf_list)

    if has_appendix(content):
        _appendix(body, content, notes)

    _fill_toc(toc, body)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _foreword(body, foreword, notes):
    _heading(body, 1, "Förord")
    _add_html(body, foreword["html"], notes)
    if foreword["place"] or foreword["date"]:
        _paragraph(body, ", ".join(p for p in (foreword["place"], foreword["date"]) if p))
    for person in foreword["signatories"]:
        paragraph = _paragraph(body)
        _add_run(paragraph, person["name"], bold=True)
        if person["title"]:
            paragraph.append_plain_text("\n" + person["title"])
    _page_break(body)


def _appendix(body, content, notes):
    """The appendix, each of its parts only when it has something to show."""
    appendix = content["appendix"]
    _page_break(body)
    _heading(body, 1, appendix["heading"])
    if appendix["description_html"].strip():
        _heading(body, 2, appendix["group"])
        _add_html(body, appendix["description_html"], notes)
    if appendix["contacts"]:
        _contacts(body, appendix["contacts"], content.get("is_public_edition", False))
    if appendix["organisations"]:
        _heading(body, 2, "Medlemsorganisationer")
        _list(body, appendix["organisations"])


def _contacts(body, contacts, public):
    _heading(body, 2, "Kontaktpersoner")
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
    rows = [[person[key] or "" for key in keys] for person in contacts]
    _table(body, "Kontaktpersoner", columns, rows)
