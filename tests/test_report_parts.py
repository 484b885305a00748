"""The report's issuer and contacts come from the group's issuing organisation and the
people's own title and phone; empty parts are left out of the web page, PDF, Word and ODT."""

import io
import re
from datetime import date

from django.template.loader import render_to_string
from docx import Document
from odfdo import Document as OdtDocument

from activities.models import Report
from activities.reports.content import compile_content
from activities.reports.odt import render_odt
from activities.reports.render import render_docx, render_pdf
from activities.reports.services import report_contacts_refresh, report_create
from members.models import Organisation

from .conftest import approved, make_past_period
from .test_report_files import _pages


def _web(content):
    return render_to_string("reports/_body.html", {"c": content, "print": False})


def _issuing(world):
    """Länsstyrelsen, last in the chapter order, as the group's issuing organisation."""
    issuer = Organisation.objects.create(
        group=world.group,
        name="Länsstyrelsen Västerbotten",
        short_name="Länsstyrelsen",
        order=9,
        email="lansstyrelsen@example.org",
    )
    world.group.issuing_organisation = issuer
    world.group.save(update_fields=["issuing_organisation"])
    return issuer


def _period(world):
    period = make_past_period(world.group, "Kvartal 3 2026", date(2026, 7, 1))
    approved(period, world.org_a, world.rep_a, world.coordinator, {1: "Polisens arbete."})
    return period


def test_the_issuing_organisation_issues_the_report_on_every_file(world):
    period = _period(world)
    # A report made before the group had an issuing organisation took the first in order.
    earlier = report_create(group=world.group, first_period=period, last_period=period)
    assert earlier.issuer == "Polismyndigheten"
    _issuing(world)
    report = report_create(group=world.group, first_period=period, last_period=period)
    assert report.issuer == "Länsstyrelsen Västerbotten"  # over the previous report's
    coordinator = report.contacts.get(email="samordnare@example.org")
    assert coordinator.organisation == "Länsstyrelsen Västerbotten"
    assert coordinator.functional_email == "lansstyrelsen@example.org"

    content = compile_content(report)
    assert '<p class="title-issuer">Länsstyrelsen Västerbotten</p>' in _web(content)
    pages = _pages(render_pdf(content))
    assert pages[0].split()[:3] == ["Länsstyrelsen", "Västerbotten", "Lägesrapport"]
    word = Document(io.BytesIO(render_docx(content)))
    assert word.paragraphs[0].text == "Länsstyrelsen Västerbotten"
    assert word.core_properties.author == "Länsstyrelsen Västerbotten"


def test_a_blank_issuer_falls_back_to_the_issuing_organisation(world):
    period = _period(world)
    _issuing(world)
    report = report_create(group=world.group, first_period=period, last_period=period)
    Report.objects.filter(pk=report.pk).update(issuer=" ")
    report.refresh_from_db()
    assert compile_content(report)["issuer"] == "Länsstyrelsen Västerbotten"


def test_contacts_refreshed_from_people_carry_their_title_and_phone(world):
    period = _period(world)
    _issuing(world)
    report = report_create(group=world.group, first_period=period, last_period=period)
    world.rep_a.title, world.rep_a.phone = "Kriminalinspektör", "010-123 45 67"
    world.rep_a.save()
    world.coordinator.title, world.coordinator.phone = "Jämställdhetsdirektör", "090-10 70 00"
    world.coordinator.save()
    report_contacts_refresh(report=report, by=world.coordinator)
    rows = list(
        report.contacts.order_by("order").values_list("name", "role", "organisation", "phone")
    )
    assert rows == [
        ("Sara Samordnare", "Jämställdhetsdirektör", "Länsstyrelsen Västerbotten", "090-10 70 00"),
        ("Petra Polis", "Kriminalinspektör", "Polismyndigheten", "010-123 45 67"),
        ("Mikael Migration", "Representant", "Migrationsverket", ""),  # no title: the role
    ]
    web = _web(compile_content(report))
    assert "<td>Kriminalinspektör</td>" in web and "<td>010-123 45 67</td>" in web


def test_empty_parts_are_left_out_of_web_pdf_word_and_odt(world):
    period = _period(world)
    report = report_create(group=world.group, first_period=period, last_period=period)
    # No foreword, no signatories, no related reports; an introductory chapter left empty.
    report.sections.create(order=1, heading="Tomt avsnitt", text="  ")
    report.sections.create(order=2, heading="Bakgrund", text="Om gruppen.")
    assert report.foreword == "" and not report.signatories.exists()
    content = compile_content(report)
    assert [s["heading"] for s in content["sections"]] == ["Bakgrund"]

    web = _web(content)
    assert "Förord" not in web and 'id="forord"' not in web
    assert "Tomt avsnitt" not in web and "1 Bakgrund" in web
    assert "Rapporter och kartläggningar" not in web
    assert "<h3>Kontaktpersoner</h3>" in web  # the parts with content stay

    pages = _pages(render_pdf(content))
    toc = next(p for p in pages if p.startswith("Innehållsförteckning"))
    entries = [title for title, _ in re.findall(r"^(.+?) \.{3,}\s+(\d+)$", toc, re.MULTILINE)]
    assert entries[0] == "1 Bakgrund" and "Bilaga" in entries
    assert not any("Förord" in page for page in pages)
    assert not any("Rapporter och kartläggningar" in page for page in pages)
    # No page holds only the running footer (the title and the page number).
    assert all(len(page.splitlines()) > 2 for page in pages)

    word = Document(io.BytesIO(render_docx(content)))
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "1 Bakgrund",
        "2 Aktiviteter i Västerbotten juli – september 2026",
        "Bilaga",
    ]

    odt = OdtDocument(io.BytesIO(render_odt(content)))
    top = [
        str(h).strip()
        for h in odt.body.get_headers()
        if h.get_attribute_integer("text:outline-level") == 1
    ]
    assert top == headings


def test_an_appendix_without_description_has_no_group_heading(world):
    period = _period(world)
    report = report_create(group=world.group, first_period=period, last_period=period)
    Report.objects.filter(pk=report.pk).update(appendix_description="")
    report.refresh_from_db()
    content = compile_content(report)
    web = _web(content)
    assert f"<h3>{world.group.name}</h3>" not in web
    odt = OdtDocument(io.BytesIO(render_odt(content)))
    assert world.group.name not in [str(h).strip() for h in odt.body.get_headers()]
