"""The Word report's reference document, built in code, and the small pieces of Word XML
python-docx has no API for (fields, footnotes, hyperlinks, properties).

`reference_document()` is made once per process: A4 with 2.5 cm margins, Swedish (sv-SE)
on every style and in the document defaults, and the styles every render uses (Normal,
Heading 1–4, Title, Subtitle, Hyperlink, footnote text/reference, toc 1–3 (Word's
internal names), Table Grid).
"""

import functools
import io

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

LANGUAGE = "sv-SE"
A4 = (Cm(21), Cm(29.7))
MARGIN = Cm(2.5)  # all round: the common choice of Swedish authorities' A4 templates
APPLICATION = "Samordning"

# The elements that follow w:lang in a run's properties (CT_RPr's sequence).
_AFTER_LANG = {qn("w:eastAsianLayout"), qn("w:specVanish"), qn("w:oMath")}


def _set_lang(rpr, language):
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        following = next((child for child in rpr if child.tag in _AFTER_LANG), None)
        if following is not None:
            following.addprevious(lang)
        else:
            rpr.append(lang)
    for attribute in ("w:val", "w:eastAsia"):
        lang.set(qn(attribute), language)


def set_language(document, language):
    """`language` (e.g. sv-SE) on the document defaults, on every style that can carry run
    properties and as the theme's font language, so Word proofs the text in it."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    _set_lang(rpr, language)
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) == "numbering":
            continue  # a numbering style has no run properties
        _set_lang(style.get_or_add_rPr(), language)
    theme = document.settings.element.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), language)


def set_page(section):
    section.page_width, section.page_height = A4
    section.top_margin = section.bottom_margin = MARGIN
    section.left_margin = section.right_margin = MARGIN
    section.header_distance = section.footer_distance = Cm(1.25)


def _style(document, name, kind, base, style_id):
    """One of Word's built-in styles the template lacks, under Word's own name and id (a
    "custom" style of that name would stand beside Word's in its style list)."""
    style = document.styles.add_style(name, kind)
    style.style_id = style_id
    style.element.attrib.pop(qn("w:customStyle"), None)
    style.base_style = document.styles[base]
    return style


def _setup_styles(document):
    black = RGBColor(0x1A, 0x1A, 0x1A)
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for level, size in ((1, 16), (2, 13), (3, 11), (4, 11)):
        heading = document.styles[f"Heading {level}"]
        heading.font.size = Pt(size)
        heading.font.bold = True
        heading.font.italic = False
        heading.font.color.rgb = black
        heading.paragraph_format.space_before = Pt(18 if level == 1 else 12)
        heading.paragraph_format.space_after = Pt(6)
        heading.paragraph_format.keep_with_next = True
    title = document.styles["Title"]
    title.font.size, title.font.color.rgb = Pt(28), black
    document.styles["Subtitle"].font.color.rgb = black
    link = _style(
        document, "Hyperlink", WD_STYLE_TYPE.CHARACTER, "Default Paragraph Font", "Hyperlink"
    )
    link.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    link.font.underline = True
    note_text = _style(document, "footnote text", WD_STYLE_TYPE.PARAGRAPH, "Normal", "FootnoteText")
    note_text.font.size = Pt(9)
    note_text.paragraph_format.space_after = Pt(0)
    note_text.paragraph_format.line_spacing = 1.0
    reference = _style(
        document,
        "footnote reference",
        WD_STYLE_TYPE.CHARACTER,
        "Default Paragraph Font",
        "FootnoteReference",
    )
    reference.font.superscript = True
    for level in (1, 2, 3):
        toc = _style(document, f"toc {level}", WD_STYLE_TYPE.PARAGRAPH, "Normal", f"TOC{level}")
        toc.paragraph_format.left_indent = Cm(0.5 * (level - 1))
        toc.paragraph_format.space_after = Pt(3)
        toc.font.bold = level == 1
    for style in (link, note_text, reference) + tuple(
        document.styles[f"toc {level}"] for level in (1, 2, 3)
    ):
        style.hidden = False
        style.unhide_when_used = True
        style.quick_style = False
    footer = document.styles["Footer"]
    footer.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    grid = document.styles["Table Grid"]
    grid.font.size = Pt(10)


# What python-docx's own template carries that a report has no use for: Word 2010's
# 430 KB copy of the styles (with en-US in it), a thumbnail of another document, a
# bibliography store.
_UNUSED = {
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
    RT.THUMBNAIL,
    RT.CUSTOM_XML,
}


def _drop_unused_parts(document):
    for owner in (document.part.package, document.part):
        for rid, rel in list(owner.rels.items()):
            if rel.reltype in _UNUSED:
                owner.rels.pop(rid)


def _setup_settings(document):
    settings = document.settings.element
    # "Spelling and grammar checked: clean" would stop Word from proofing the text.
    proof_state = settings.find(qn("w:proofState"))
    if proof_state is not None:
        settings.remove(proof_state)
    for tag, value in (("w:decimalSymbol", ","), ("w:listSeparator", ";")):
        element = settings.find(qn(tag))
        if element is not None:
            element.set(qn("w:val"), value)


@functools.cache
def reference_document():
    """The reference document (bytes) every Word render starts from."""
    document = Document()
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    set_page(document.sections[0])
    _setup_styles(document)
    _setup_settings(document)
    _drop_unused_parts(document)
    set_language(document, LANGUAGE)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def new_document(language=LANGUAGE):
    document = Document(io.BytesIO(reference_document()))
    if language != LANGUAGE:
        set_language(document, language)
    return document


# Word XML pieces


def field_runs(instruction, result=None):
    """The runs of a complex field: begin, instruction, separate, [result], end."""
    runs = []
    for kind in ("begin", "instruction", "separate", "result", "end"):
        run = OxmlElement("w:r")
        if kind == "instruction":
            text = OxmlElement("w:instrText")
            text.set(qn("xml:space"), "preserve")
            text.text = f" {instruction} "
            run.append(text)
        elif kind == "result":
            if result is None:
                continue
            run.append(text_element(result))
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run.append(char)
        runs.append(run)
    return runs


def text_element(text):
    element = OxmlElement("w:t")
    element.set(qn("xml:space"), "preserve")
    element.text = text
    return element


def add_page_numbers(section):
    """A centred PAGE field in the section's footer; none on its first (title) page."""
    section.different_first_page_header_footer = True
    paragraph = section.footer.paragraphs[0]
    paragraph.style = "Footer"
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for run in field_runs("PAGE", "1"):
        paragraph._p.append(run)


def hyperlink(part, url, anchor=None):
    """An empty w:hyperlink to `url` (a relationship of `part`) or to a bookmark."""
    element = OxmlElement("w:hyperlink")
    if anchor is not None:
        element.set(qn("w:anchor"), anchor)
    else:
        element.set(qn("r:id"), part.relate_to(url, RT.HYPERLINK, is_external=True))
    element.set(qn("w:history"), "1")
    return element


def bookmark(paragraph, number, name):
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    ppr = paragraph.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        paragraph.insert(0, start)
    paragraph.append(end)


_FOOTNOTES = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0"'
    ' w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0"'
    ' w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote></w:footnotes>"
)


def add_footnotes_part(document):
    """A word/footnotes.xml part (with Word's two separators) related to the document;
    returns it. Its w:footnote entries are appended by `footnote()`."""
    part = XmlPart(
        PackURI("/word/footnotes.xml"),
        CT.WML_FOOTNOTES,
        parse_xml(_FOOTNOTES),
        document.part.package,
    )
    document.part.relate_to(part, RT.FOOTNOTES)
    settings = document.settings.element
    properties = parse_xml(
        f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
    )
    compat = settings.find(qn("w:compat"))
    if compat is not None:
        compat.addprevious(properties)
    else:
        settings.append(properties)
    return part


def footnote(part, number):
    """A new w:footnote in the footnotes part: returns its paragraph, which already holds
    the note's own number mark and a space."""
    note = OxmlElement("w:footnote")
    note.set(qn("w:id"), str(number))
    paragraph = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    style = OxmlElement("w:pStyle")
    style.set(qn("w:val"), "FootnoteText")
    ppr.append(style)
    paragraph.append(ppr)
    mark = reference_run("w:footnoteRef")
    space = OxmlElement("w:r")
    space.append(text_element(" "))
    paragraph.append(mark)
    paragraph.append(space)
    note.append(paragraph)
    part.element.append(note)
    return paragraph


def reference_run(tag, number=None):
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "FootnoteReference")
    rpr.append(style)
    run.append(rpr)
    reference = OxmlElement(tag)
    if number is not None:
        reference.set(qn("w:id"), str(number))
    run.append(reference)
    return run


def set_properties(document, *, title, author, subject, keywords, category, status, when, language):
    """Core and extended properties: the issuer as author, the publish time as dates,
    this application (never python-docx) as the generator."""
    properties = document.core_properties
    properties.title = title
    properties.author = author
    properties.last_modified_by = author
    properties.subject = subject
    properties.keywords = keywords
    properties.category = category
    properties.content_status = status
    properties.comments = ""
    properties.language = language
    properties.created = properties.modified = when
    properties.revision = 1
    for part in document.part.package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = _app_xml(author).encode()


def _app_xml(company):
    from xml.sax.saxutils import escape

    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
        f'2006/docPropsVTypes"><Application>{APPLICATION}</Application>'
        f"<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
        f"<Company>{escape(company)}</Company><LinksUpToDate>false</LinksUpToDate>"
        "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
        "<AppVersion>1.0000</AppVersion></Properties>"
    )
