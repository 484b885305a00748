"""A report's trend charts: off for a new report, offered only with three periods of data,
and only for the measures the group's questions gather."""

import io
from datetime import date

import pytest
from django.urls import reverse
from docx import Document

from activities.models import Question, QuestionKind, Report
from activities.reports.content import compile_content
from activities.reports.render import render_docx, render_html_document, render_pdf
from activities.reports.services import report_create

from .conftest import approved, make_past_period
from .test_report_files import _pages

pytestmark = pytest.mark.django_db

STEERING_SV = "Andel organisationer med ett gällande styrdokument"
ACTIVITIES_SV = "Aktiviteter per period"
ON_TIME_SV = "Organisationer som rapporterade i tid"
NOT_OFFERED_SV = "Trenddiagram erbjuds när rapporten omfattar minst tre perioder"


def _periods(world, count):
    """`count` past quarters from April 2026, each answered and approved by the police."""
    starts = [date(2026, 4, 1), date(2026, 7, 1), date(2026, 10, 1), date(2027, 1, 1)]
    periods = []
    for number, starts_on in enumerate(starts[:count], start=1):
        period = make_past_period(world.group, f"Kvartal {number}", starts_on)
        approved(period, world.org_a, world.rep_a, world.coordinator, {1: f"Svar {number}"})
        periods.append(period)
    return periods


def _without_steering_documents(periods):
    """The group's questions never gather steering documents."""
    Question.objects.filter(period__in=periods, kind=QuestionKind.STEERING_DOCUMENTS).update(
        kind=QuestionKind.NARRATIVE
    )


def _edit_page(client, world, report):
    client.force_login(world.coordinator)
    url = reverse("activities:report_edit", args=[world.group.slug, report.pk])
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code == 200
    return response.content.decode()


def test_a_new_report_has_no_charts(world):
    periods = _periods(world, 3)
    report = report_create(group=world.group, first_period=periods[0], last_period=periods[-1])
    assert report.include_trends is False
    content = compile_content(report)
    assert content["activities"]["charts"] == []
    assert "Utvecklingen i siffror" not in render_html_document(content)


def test_with_two_periods_the_editor_offers_no_charts_and_none_are_compiled(world, client):
    periods = _periods(world, 2)
    report = report_create(group=world.group, first_period=periods[0], last_period=periods[-1])
    report.include_trends = True  # as an older report may have it
    report.save()
    page = _edit_page(client, world, report)
    assert 'name="include_trends"' not in page
    assert NOT_OFFERED_SV in page
    assert compile_content(report)["activities"]["charts"] == []


def test_a_period_without_submitted_answers_is_no_period_of_data(world, client):
    periods = _periods(world, 2)
    periods.append(make_past_period(world.group, "Kvartal 3", date(2026, 10, 1)))
    report = report_create(group=world.group, first_period=periods[0], last_period=periods[-1])
    assert 'name="include_trends"' not in _edit_page(client, world, report)


def test_with_three_periods_only_the_measures_the_group_uses_are_offered(world, client):
    periods = _periods(world, 3)
    _without_steering_documents(periods)
    report = report_create(group=world.group, first_period=periods[0], last_period=periods[-1])
    page = _edit_page(client, world, report)
    assert 'name="include_trends"' in page
    assert NOT_OFFERED_SV not in page
    assert ACTIVITIES_SV in page and ON_TIME_SV in page
    assert STEERING_SV not in page

    # Turned on in the editor, the compile draws the same charts.
    report.include_trends = True
    report.save()
    content = compile_content(report)
    titles = [chart["title"] for chart in content["activities"]["charts"]]
    assert titles == [ACTIVITIES_SV, ON_TIME_SV]
    assert [bar["label"] for bar in content["activities"]["charts"][0]["bars"]] == [
        "Kvartal 1",
        "Kvartal 2",
        "Kvartal 3",
    ]
    html = render_html_document(content)
    assert ACTIVITIES_SV in html and STEERING_SV not in html


def test_a_group_that_gathers_steering_documents_is_offered_that_chart(world, client):
    periods = _periods(world, 3)
    report = report_create(group=world.group, first_period=periods[0], last_period=periods[-1])
    assert STEERING_SV in _edit_page(client, world, report)
    report.include_trends = True
    report.save()
    titles = [c["title"] for c in compile_content(report)["activities"]["charts"]]
    assert titles == [ACTIVITIES_SV, STEERING_SV, ON_TIME_SV]


def test_the_coordinator_turns_the_charts_on_in_the_editor(world, client):
    from .test_reports import _Form

    periods = _periods(world, 3)
    report = report_create(group=world.group, first_period=periods[0], last_period=periods[-1])
    form = _Form()
    form.feed(_edit_page(client, world, report))
    data = {**form.data, "include_trends": "on"}
    url = reverse("activities:report_edit", args=[world.group.slug, report.pk])
    assert client.post(url, data).status_code == 302
    report.refresh_from_db()
    assert report.include_trends is True


def test_the_charts_are_in_the_pdf_and_word_file_with_their_numbers(world):
    periods = _periods(world, 3)
    _without_steering_documents(periods)
    report = report_create(group=world.group, first_period=periods[0], last_period=periods[-1])
    report.include_trends = True
    report.save()
    content = compile_content(report)
    text = " ".join("\n".join(_pages(render_pdf(content))).split())
    assert "Utvecklingen i siffror" in text
    assert "Aktiviteter per period: siffrorna Period Värde Kvartal 1" in text
    assert STEERING_SV not in text and "styrdokument 0 %" not in text
    document = Document(io.BytesIO(render_docx(content)))
    paragraphs = [p.text for p in document.paragraphs]
    assert ACTIVITIES_SV in paragraphs and ON_TIME_SV in paragraphs
    assert STEERING_SV not in paragraphs
    assert document.tables[0].rows[0].cells[1].text == "Värde"


def test_the_offer_and_the_compile_run_fixed_queries_whatever_the_data(world, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from .conftest import make_activity

    periods = _periods(world, 3)
    report = report_create(group=world.group, first_period=periods[0], last_period=periods[-1])
    report.include_trends = True
    report.save()
    url = reverse("activities:report_edit", args=[world.group.slug, report.pk])
    client.force_login(world.coordinator)

    def measure():
        client.get(url)
        with CaptureQueriesContext(connection) as page:
            client.get(url)
        with CaptureQueriesContext(connection) as compile_:
            compile_content(Report.objects.get(pk=report.pk))
        return len(page), len(compile_)

    small = measure()
    for n in range(3):
        approved(periods[n], world.org_b, world.rep_b, world.coordinator, {1: "Vi deltar."})
        make_activity(world.org_b, title=f"Utbildning {n}", starts_on=periods[n].starts_on)
    assert measure() == small
