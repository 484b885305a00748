"""The report as a Word file an authority can send as it is (python-docx).

Starts from the reference document (docx_reference.py: A4, 2.5 cm margins, sv-SE on
every style); writes real hyperlinks showing the text as typed, real footnotes, page
numbers in the footer, a contents list already filled with the headings (the TOC field
kept, so Word can update it and add the page numbers), and the report's own properties.
"""

import io
from datetime import UTC
from html.parser import HTMLParser
from urllib.parse import urlsplit, urlunsplit

from django.template.loader import render_to_string
from django.utils import timezone
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from . import docx_reference as ref
from .parts import has_appendix, has_foreword, has_related
from .xmltext import xml_clean, xml_safe

_LINK_SCHEMES = ("http://", "https://", "mailto:")
# The contents list holds chapters and organisations, as in the PDF: not every question
# (Heading 3), which would make it four pages long for 14 organisations.
CONTENTS_LEVELS = 2


class _Inline(HTMLParser):
    """Reads our small, cleaned HTML subset (p, br, ul/ol/li, a, strong, em, sup, and the
    print edition's <span class="footnote">) into blocks: each a paragraph style and a
    list of inline items (text with its formatting and link, a line break, a footnote
    holding its own items). Anything else is reduced to its text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []
        self.lists = []
        self.bold = self.italic = self.superscript = 0
        self.link = None
        self.links = 0
        self.notes = []  # the item lists of the footnotes being read (nested: innermost last)
        self.spans = []  # for each open span: is it a footnote?
        self.items = None

    def _new_block(self, style=None):
        self.items = []
        self.blocks.append({"style": style, "items": self.items})

    def _target(self):
        return self.notes[-1] if self.notes else self.items

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "span":
            is_note = "footnote" in (attrs.get("class") or "").split()
            self.spans.append(is_note)
            if is_note:
                if self.items is None:
                    self._new_block()
                note = []
                self._target().append({"note": note})
                self.notes.append(note)
        elif self.notes:
            if tag in ("br", "p") and self.notes[-1]:
                self.notes[-1].append({"break": True})
            self._format(tag, attrs, True)
        elif tag == "p":
            if not (self.items == [] and self.blocks and self.blocks[-1]["style"]):
                self._new_block()  # a <p> inside a fresh list item stays that item
        elif tag in ("ul", "ol"):
            self.lists.append(tag)
        elif tag == "li":
            self._new_block("List Number" if self.lists[-1:] == ["ol"] else "List Bullet")
        elif tag == "br" and self.items is not None:
            self.items.append({"break": True})
        else:
            self._format(tag, attrs, True)

    def _format(self, tag, attrs, opening):
        step = 1 if opening else -1
        if tag == "strong":
            self.bold += step
        elif tag == "em":
            self.italic += step
        elif tag == "sup":
            self.superscript += step
        elif tag == "a":
            href = attrs.get("href", "") if opening else ""
            self.links += 1
            self.link = (self.links, href) if href.startswith(_LINK_SCHEMES) else None

    def handle_endtag(self, tag):
        if tag == "span" and self.spans:
            if self.spans.pop():
                self.notes.pop()
        elif tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        elif tag in ("p", "li") and not self.notes:
            self.items = None
        else:
            self._format(tag, {}, False)

    def handle_data(self, data):
        if not self.notes and self.items is None:
            if not data.strip():
                return
            self._new_block()
        self._target().append(
            {
                "text": xml_safe(data),
                "bold": self.bold > 0,
                "italic": self.italic > 0,
                "sup": self.superscript > 0,
                "link": self.link,
            }
        )


def _blocks(html):
    parser = _Inline()
    parser.feed(html or "")
    parser.close()
    return parser.blocks


def _run(text, *, bold=False, italic=False, sup=False, style=None):
    run = OxmlElement("w:r")
    if bold or italic or sup or style:
        rpr = OxmlElement("w:rPr")
        if style:
            element = OxmlElement("w:rStyle")
            element.set(qn("w:val"), style)
            rpr.append(element)
        for flag, tag in ((bold, "w:b"), (italic, "w:i")):
            if flag:
                rpr.append(OxmlElement(tag))
        if sup:
            align = OxmlElement("w:vertAlign")
            align.set(qn("w:val"), "superscript")
            rpr.append(align)
        run.append(rpr)
    run.append(ref.text_element(text))
    return run


class _Writer:
    """Writes blocks into the document; footnotes into the footnotes part, made when the
    first note comes; headings bookmarked and remembered for the contents list."""

    def __init__(self, document):
        self.document = document
        self.footnotes = None
        self.note_count = 0
        self.headings = []
        self.style_ids = {style.name: style.style_id for style in document.styles}

    def paragraph(self, text="", style=None):
        paragraph = self.document.add_paragraph(text)
        if style is not None:
            # By id: python-docx's lookup by name reads every style for every paragraph.
            paragraph._p.style = self.style_ids[style]
        return paragraph

    def heading(self, text, level):
        paragraph = self.paragraph(text, f"Heading {level}")
        if level <= CONTENTS_LEVELS:
            name = f"_Toc{len(self.headings) + 1:08d}"
            ref.bookmark(paragraph._p, len(self.headings) + 1, name)
            self.headings.append((text, level, name))
        return paragraph

    def html(self, html):
        for block in _blocks(html):
            self.inline(self.paragraph(style=block["style"])._p, block["items"])

    def inline(self, paragraph, items, part=None):
        """Items into a w:p of `part` (the document, or the footnotes part)."""
        part = part or self.document.part
        open_link, container = None, paragraph
        for item in items:
            link = item.get("link")
            if link != open_link:
                container = paragraph
                if link is not None:
                    container = ref.hyperlink(part, _target(link[1]))
                    paragraph.append(container)
                open_link = link
            if "note" in item:
                paragraph.append(self.note(item["note"]))
                open_link = ()  # what follows the reference opens its own link
            elif "break" in item:
                run = OxmlElement("w:r")
                run.append(OxmlElement("w:br"))
                container.append(run)
            else:
                container.append(
                    _run(
                        item["text"],
                        bold=item["bold"],
                        italic=item["italic"],
                        sup=item["sup"] and not link,
                        style="Hyperlink" if link else None,
                    )
                )

    def note(self, items):
        """A footnote with these items; returns the reference run for the text."""
        if self.footnotes is None:
            self.footnotes = ref.add_footnotes_part(self.document)
        self.note_count += 1
        paragraph = ref.footnote(self.footnotes, self.note_count)
        self.inline(paragraph, [i for i in items if "note" not in i], self.footnotes)
        return ref.reference_run("w:footnoteReference", self.note_count)

    def link(self, paragraph, text, url):
        element = ref.hyperlink(self.document.part, _target(url))
        element.append(_run(text, style="Hyperlink"))
        paragraph._p.append(element)

    def contents(self, placeholder):
        """The TOC field, its result already the headings (levels 1–2) as toc 1–2
        paragraphs linked to their bookmarks, in place of `placeholder`."""
        begin, instruction, separate, end = ref.field_runs(
            f'TOC \\o "1-{CONTENTS_LEVELS}" \\h \\z \\u'
        )
        entries = self.headings or [("", 1, None)]
        paragraphs = []
        for text, level, name in entries:
            paragraph = self.paragraph(style=f"toc {level}")
            if name:
                link = ref.hyperlink(None, None, anchor=name)
                link.append(_run(text))
                paragraph._p.append(link)
            paragraphs.append(paragraph._p)
        first = paragraphs[0]
        ppr = first.find(qn("w:pPr"))
        for offset, run in enumerate((begin, instruction, separate)):
            first.insert(list(first).index(ppr) + 1 + offset, run)
        paragraphs[-1].append(end)
        for paragraph in paragraphs:
            placeholder.addprevious(paragraph)
        placeholder.getparent().remove(placeholder)


def _target(url):
    """The address for the relationship: an IDN host in its ASCII (punycode) form, the
    text shown stays as typed."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        if host and not host.isascii():
            netloc = parts.netloc.replace(host, host.encode("idna").decode("ascii"))
            return urlunsplit(parts._replace(netloc=netloc))
    except (ValueError, UnicodeError):
        pass
    return url


def _page_break(writer):
    writer.paragraph().add_run().add_break(WD_BREAK.PAGE)


def render_docx(content, published_at=None):
    """The report as a Word document the coordinator can send as it is, or edit further.
    `published_at`: the version's publish time, for the document's dates (now if None)."""
    content = xml_clean(content)
    language = content.get("language", ref.LANGUAGE)
    document = ref.new_document(language)
    when = (published_at or timezone.now()).astimezone(UTC).replace(microsecond=0)
    public = content.get("is_public_edition", False)
    ref.set_properties(
        document,
        title=f"{content['title']} {content['county']} {content['year']}",
        author=content["issuer"],
        subject=content["subtitle"] or f"{content['title']} {content['county']} {content['span']}",
        keywords=", ".join(
            ["lägesrapport", content["county"], str(content["year"]), content["appendix"]["group"]]
        ),
        category="Lägesrapport",
        status="Publik utgåva" if public else "Gruppens utgåva",
        when=when,
        language=language,
    )
    writer = _Writer(document)
    _title_page(writer, content)
    if has_foreword(content):
        _foreword(writer, content["foreword"])
    writer.paragraph("Innehållsförteckning", style="TOC Heading")
    placeholder = writer.paragraph()._p
    _page_break(writer)
    for section in content["sections"]:
        writer.heading(f"{section['number']} {section['heading']}", 1)
        writer.html(section.get("print_html", section["html"]))
        for name in section["members"] or []:
            writer.paragraph(name, style="List Bullet")
    _activities(writer, content["activities"])
    if has_related(content):
        _related(writer, content["related"])
    if has_appendix(content):
        _appendix(writer, content["appendix"], public)
    writer.contents(placeholder)
    for section in document.sections:
        ref.set_page(section)
    ref.add_page_numbers(document.sections[0])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _title_page(writer, content):
    writer.paragraph(content["issuer"])
    writer.paragraph(content["title"], style="Title")
    if content["subtitle"]:
        writer.paragraph(content["subtitle"], style="Subtitle")
    writer.paragraph(f"{content['county']} {content['span']}")
    writer.paragraph(str(content["year"]))
    _page_break(writer)


def _foreword(writer, foreword):
    writer.heading("Förord", 1)
    writer.html(foreword["html"])
    if foreword["place"] or foreword["date"]:
        writer.paragraph(", ".join(p for p in (foreword["place"], foreword["date"]) if p))
    for person in foreword["signatories"]:
        paragraph = writer.paragraph()
        paragraph.add_run(person["name"]).bold = True
        if person["title"]:
            paragraph.add_run().add_break()
            paragraph.add_run(person["title"])
    _page_break(writer)


def _activities(writer, chapter):
    writer.heading(f"{chapter['number']} {chapter['heading']}", 1)
    writer.paragraph("Följande frågor ställdes till medlemsorganisationerna:")
    for question in chapter["questions"]:
        paragraph = writer.paragraph(style="List Number")
        paragraph.add_run(f"{question['title']}. ").bold = True
        paragraph.add_run(question["wording"])
    if chapter.get("charts"):
        writer.heading("Utvecklingen i siffror", 3)
        for chart in chapter["charts"]:
            writer.paragraph().add_run(chart["title"]).bold = True
            rows = [(bar["label"], f"{bar['value']}{chart['unit']}") for bar in chart["bars"]]
            _table(writer, ["Period", "Värde"], rows)
    for index, organisation in enumerate(chapter["organisations"], start=1):
        writer.heading(f"{chapter['number']}.{index} {organisation['name']}", 2)
        if not organisation["reported"]:
            sentence = organisation.get("sentence") or chapter["no_report_sentence"]
            writer.paragraph(sentence).runs[0].italic = True
        for answer in organisation["answers"]:
            writer.heading(f"Fråga {answer['number']}) {answer['title']}", 3)
            writer.html(answer.get("print_html", answer["html"]))
            records = answer.get("records") or {}
            for row in records.get("rows", []):
                text = render_to_string(
                    "reports/_record_line.html", {"row": row, "kind": records["kind"]}
                ).strip()
                writer.paragraph(text, style="List Bullet")


def _related(writer, related):
    writer.heading(f"{related['number']} {related['heading']}", 1)
    for item in related["items"]:
        parts = [item["title"], item["author"], item["published"]]
        paragraph = writer.paragraph(", ".join(p for p in parts if p), style="List Bullet")
        if item["link"]:
            paragraph.add_run(". ")
            if item["link"].startswith(("http://", "https://")):
                writer.link(paragraph, item["link"], item["link"])
            else:
                paragraph.add_run(item["link"])


def _appendix(writer, appendix, public):
    writer.document.add_section(WD_SECTION.NEW_PAGE)
    writer.heading(appendix["heading"], 1)
    if appendix["description_html"].strip():
        writer.heading(appendix["group"], 2)
        writer.html(appendix["description_html"])
    if appendix["contacts"]:
        writer.heading("Kontaktpersoner", 2)
        if public:
            columns, keys = ["Roll", "Organisation", "E-post"], ["role", "organisation", "email"]
        else:
            columns = ["Namn", "Roll", "Organisation", "E-post", "Telefon"]
            keys = ["name", "role", "organisation", "email", "phone"]
        _table(writer, columns, [[p[key] or "" for key in keys] for p in appendix["contacts"]])
    if appendix["organisations"]:
        writer.heading("Medlemsorganisationer", 2)
        for name in appendix["organisations"]:
            writer.paragraph(name, style="List Bullet")


def _table(writer, columns, rows):
    table = writer.document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    header = table.rows[0]
    for cell, title in zip(header.cells, columns, strict=True):
        cell.text = title
        cell.paragraphs[0].runs[0].bold = True
    # The header row repeats on every page the table runs over.
    header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for values in rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value
    return table
