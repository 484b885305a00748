"""The archive copy of a published version: the group's PDF as PDF/A-3a.

WeasyPrint 70 offers PDF/A-1, -2 and -3 at levels b, u and a, and PDF/A-4 (u, e, f).
Level a (accessible) is the only level that keeps the structure tags (it implies u, the
Unicode text layer, and b, the appearance), so the archive copy loses nothing of the
tagged PDF/UA-1 file the group downloads. Part 3 is the part the issue asks for; PDF/A-4
would need PDF 2.0, which the archives' validators are slowest to accept.

The same HTML, stylesheet and locked URL fetcher as render.py: nothing is fetched from
outside, and every font is embedded (WeasyPrint embeds a subset of each font it uses).
The XMP metadata carries what an archive indexes: title, creator (the issuer), language
and date, and names both standards the file meets (pdfaid part 3, conformance A, and
pdfuaid part 1, the latter described in a PDF/A extension schema as PDF/A asks).
"""

from xml.etree.ElementTree import SubElement, fromstring, register_namespace, tostring

from django.utils import timezone
from weasyprint import CSS, HTML
from weasyprint.pdf.metadata import NS, DocumentMetadata

from .render import (
    LockedURLFetcher,
    _collector_paused,
    _print_stylesheet,
    _xml_clean,
    render_html_document,
)

ARCHIVE_VARIANT = "pdf/a-3a"
LANGUAGE = "sv"
GENERATOR = "Samordning"


# PDF/A names the prefixes of its extension schema container: they must be these.
EXTENSION_NS = {
    "pdfaExtension": "http://www.aiim.org/pdfa/ns/extension/",
    "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
    "pdfaProperty": "http://www.aiim.org/pdfa/ns/property#",
}
for _prefix, _uri in EXTENSION_NS.items():
    register_namespace(_prefix, _uri)


def _rdf(name):
    prefix, local = name.split(":")
    return f"{{{EXTENSION_NS.get(prefix) or NS[prefix]}}}{local}"


def _pdfua_extension_schema(description):
    """pdfuaid is not among the schemas PDF/A predefines: a PDF/A file that names PDF/UA
    describes the property in an extension schema (ISO 19005-3, 6.6.2.3)."""
    resource = {_rdf("rdf:parseType"): "Resource"}
    schemas = SubElement(SubElement(description, _rdf("pdfaExtension:schemas")), _rdf("rdf:Bag"))
    schema = SubElement(schemas, _rdf("rdf:li"), resource)
    for name, value in (
        ("schema", "PDF/UA Universal Accessibility Schema"),
        ("namespaceURI", NS["pdfuaid"]),
        ("prefix", "pdfuaid"),
    ):
        SubElement(schema, _rdf(f"pdfaSchema:{name}")).text = value
    properties = SubElement(SubElement(schema, _rdf("pdfaSchema:property")), _rdf("rdf:Seq"))
    part = SubElement(properties, _rdf("rdf:li"), resource)
    for name, value in (
        ("name", "part"),
        ("valueType", "Integer"),
        ("category", "internal"),
        ("description", "The part of ISO 14289 (PDF/UA) the file conforms to"),
    ):
        SubElement(part, _rdf(f"pdfaProperty:{name}")).text = value


class _ArchiveMetadata(DocumentMetadata):
    """The document's metadata with what WeasyPrint's XMP leaves out: dc:language,
    dc:date and the PDF/UA identification next to the PDF/A one."""

    def __init__(self, metadata, date):
        super().__init__(**vars(metadata))
        self.date = date

    def generate_rdf_metadata(self, variant, version, conformance):
        # WeasyPrint's own serialisation (no DTD, every value escaped by ElementTree).
        rdf = fromstring(super().generate_rdf_metadata(variant, version, conformance))  # noqa: S314
        description = SubElement(rdf, _rdf("rdf:Description"), {_rdf("rdf:about"): ""})
        description.set(_rdf("pdfuaid:part"), "1")
        for name, container, value in (
            ("dc:language", "rdf:Bag", self.lang or LANGUAGE),
            ("dc:date", "rdf:Seq", self.date),
        ):
            items = SubElement(SubElement(description, _rdf(name)), _rdf(container))
            SubElement(items, _rdf("rdf:li")).text = value
        _pdfua_extension_schema(SubElement(rdf, _rdf("rdf:Description"), {_rdf("rdf:about"): ""}))
        return tostring(rdf, encoding="utf-8")


def _w3c(moment):
    return timezone.localtime(moment).isoformat(timespec="seconds")


def render_archive_pdf(content, published_at=None, fetcher=None):
    """The group's edition as a tagged PDF/A-3a, for the authority's archive.

    `published_at` (default now) is the file's date: dc:date, and its creation and
    modification dates."""
    published_at = published_at or timezone.now()
    fetcher = fetcher or LockedURLFetcher()
    options = {"pdf_variant": ARCHIVE_VARIANT, "pdf_tags": True, "uncompressed_pdf": False}
    with _collector_paused():
        html = HTML(
            string=render_html_document(_xml_clean(content)), base_url=None, url_fetcher=fetcher
        )
        stylesheet = CSS(string=_print_stylesheet(), url_fetcher=fetcher)
        document = html.render(stylesheets=[stylesheet], **options)
        metadata = _ArchiveMetadata(document.metadata, _w3c(published_at)[:10])
        metadata.lang = metadata.lang or LANGUAGE
        metadata.generator = GENERATOR
        metadata.created = metadata.modified = _w3c(published_at)
        document.metadata = metadata
        return document.write_pdf(**options)
