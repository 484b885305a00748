"""Render a report's content to HTML and PDF (WeasyPrint); Word is in docx.py."""

import gc
import logging
from contextlib import contextmanager

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher

from .xmltext import xml_clean as _xml_clean

logger = logging.getLogger(__name__)


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


# Word: activities/reports/docx.py (imported when called: python-docx is only needed then).


def render_docx(content, published_at=None):
    """The report as a Word document (see activities.reports.docx)."""
    from .docx import render_docx as render  # python-docx: loaded when a Word file is made

    return render(content, published_at=published_at)
