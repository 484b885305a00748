"""Publishing that cannot go wrong: the readiness page lists what is not ready, the
report tells "nothing reported" from "not yet approved", and the coordinator's choice
per organisation (wait, leave out, print the sentence) is stored and honoured."""

import io
import re
from datetime import date

from django.urls import reverse
from pypdf import PdfReader

from activities.models import Report
from activities.reporting import services as reporting_services
from activities.reports.content import compile_content
from activities.reports.readiness import report_readiness
from members.models import AuditEvent, Organisation, Role

from .conftest import (
    answer,
    approved,
    give_role,
    make_past_period,
    make_period,
    make_person,
    make_report,
    run_task_queue,
)
from .test_reports import _Form

NO_REPORT = "Organisationen har inte lämnat någon rapport för perioden."
NOT_APPROVED = "Organisationens svar för perioden är ännu inte godkända."


def _organisations(world, period):
    """Six members in every state: approved, submitted, returned, draft with answers,
    empty draft, nothing at all."""
    orgs = {"approved": world.org_a, "submitted": world.org_b}
    for order, state in enumerate(["returned", "draft", "empty", "none"], start=3):
        org = Organisation.objects.create(
            group=world.group, name=f"Myndighet {state}", short_name=state, order=order
        )
        rep = make_person(f"{state}@example.org", f"Rep {state}")
        give_role(rep, world.group, Role.REPRESENTATIVE, org)
        orgs[state] = org
        if state == "returned":
            submission = answer(period, org, rep, {1: "Vårt arbete."}, submit=True)
            reporting_services.submission_return(
                submission=submission, by=world.coordinator, reason="Komplettera."
            )
        elif state == "draft":
            answer(period, org, rep, {1: "Ett utkast."})
        elif state == "empty":
            answer(period, org, rep, {1: "  "})
    approved(period, world.org_a, world.rep_a, world.coordinator, {1: "Polisens arbete."})
    answer(period, world.org_b, world.rep_b, {1: "Migrationsverkets svar."}, submit=True)
    return orgs


def _chapters(content):
    return {o["name"]: o for o in content["activities"]["organisations"]}


def test_each_organisation_gets_the_sentence_for_its_state(world):
    past = make_past_period(world.group, "Kvartal 3 2026", date(2026, 7, 1))
    orgs = _organisations(world, past)
    chapters = _chapters(compile_content(make_report(world.group, [past])))
    assert chapters["Polismyndigheten"]["reported"]
    assert "sentence" not in chapters["Polismyndigheten"]
    for state in ("submitted", "returned", "draft"):
        assert chapters[orgs[state].name]["sentence"] == NOT_APPROVED, state
    for state in ("empty", "none"):
        assert chapters[orgs[state].name]["sentence"] == NO_REPORT, state


def test_an_organisation_left_out_has_no_chapter_and_others_keep_theirs(world):
    past = make_past_period(world.group, "Kvartal 3 2026", date(2026, 7, 1))
    orgs = _organisations(world, past)
    report = make_report(world.group, [past])
    report.not_ready_choices = {str(orgs["returned"].pk): "leave_out"}
    report.save()
    chapters = _chapters(compile_content(report))
    assert orgs["returned"].name not in chapters
    assert chapters[orgs["draft"].name]["sentence"] == NOT_APPROVED
    assert len(chapters) == 5


def test_the_readiness_page_lists_organisations_open_periods_and_empty_parts(world, client):
    past = make_past_period(world.group, "Kvartal 3 2026", date(2026, 7, 1))
    current = make_period(world.group)
    orgs = _organisations(world, past)
    report = make_report(world.group, [past, current])
    client.force_login(world.coordinator)
    page = client.get(reverse("activities:report_readiness", args=[world.group.slug, report.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Spara dina ändringar i redigeraren först." in html
    rows = {
        row["organisation"].pk: str(row["state_label"])
        for row in report_readiness(report)["not_ready"]
    }
    assert rows == {
        orgs["submitted"].pk: "Inskickad",
        orgs["returned"].pk: "Skickad tillbaka",
        orgs["draft"].pk: "Utkast",
        orgs["empty"].pk: "Inte påbörjad",
        orgs["none"].pk: "Inte påbörjad",
    }
    for state, label in [
        ("submitted", "Inskickad"),
        ("returned", "Skickad tillbaka"),
        ("draft", "Utkast"),
        ("none", "Inte påbörjad"),
    ]:
        assert f'{orgs[state].name}: <span class="not-ready-state">{label}</span>' in html
    assert "Polismyndigheten:" not in html  # approved: ready
    open_periods = html[html.index('id="open-periods"') :]
    assert current.name in open_periods[: open_periods.index("</ul>")]
    assert past.name not in open_periods[: open_periods.index("</ul>")]
    empty = html[html.index('id="empty-parts"') :]
    empty = empty[: empty.index("</ul>")]
    assert "Förord" in empty
    assert "Undertecknare av förordet" in empty
    assert "Inledande avsnitt" in empty
    assert "Kontaktpersoner i bilagan" not in empty  # fetched from the group's people
    assert "Allt är klart" not in html


def test_a_report_with_everything_ready_says_so(world, client):
    past = make_past_period(world.group, "Kvartal 3 2026", date(2026, 7, 1))
    approved(past, world.org_a, world.rep_a, world.coordinator, {1: "Polisens arbete."})
    approved(past, world.org_b, world.rep_b, world.coordinator, {1: "Migrationsverkets svar."})
    report = make_report(world.group, [past])
    Report.objects.filter(pk=report.pk).update(foreword="Förord.", appendix_description="Gruppen.")
    report.refresh_from_db()
    report.signatories.create(name="Sara Samordnare")
    report.sections.create(heading="Bakgrund", text="Text.")
    report.related_reports.create(title="En kartläggning")
    client.force_login(world.coordinator)
    html = client.get(
        reverse("activities:report_readiness", args=[world.group.slug, report.pk])
    ).content.decode()
    assert "Allt är klart" in html
    assert 'id="open-periods"' not in html and 'id="empty-parts"' not in html
    assert "Publicera en ny version" in html


def test_the_edit_page_leads_to_the_readiness_page_instead_of_publishing(world, client):
    report = make_report(world.group)
    client.force_login(world.coordinator)
    edit = reverse("activities:report_edit", args=[world.group.slug, report.pk])
    html = client.get(edit).content.decode()
    readiness = reverse("activities:report_readiness", args=[world.group.slug, report.pk])
    assert f'href="{readiness}">Granska och publicera</a>' in html
    assert reverse("activities:report_publish", args=[world.group.slug, report.pk]) not in html
    # "Spara och granska" saves what was typed, then opens the readiness page.
    form = _Form()
    form.feed(html[html.index('<form method="post" novalidate>') :])
    data = {**form.data, "foreword": "Skrivet men inte sparat.", "next": "review"}
    response = client.post(edit, data)
    assert response.status_code == 302 and response["Location"] == readiness
    report.refresh_from_db()
    assert report.foreword == "Skrivet men inte sparat."


def test_the_choice_is_stored_audited_and_honoured_in_the_published_files(world, client):
    past = make_past_period(world.group, "Kvartal 3 2026", date(2026, 7, 1))
    orgs = _organisations(world, past)
    report = make_report(world.group, [past])
    url = reverse("activities:report_readiness", args=[world.group.slug, report.pk])
    client.force_login(world.coordinator)
    data = {f"org_{org.pk}": "sentence" for state, org in orgs.items() if state != "approved"}
    data[f"org_{orgs['returned'].pk}"] = "leave_out"
    response = client.post(url, data)
    assert response.status_code == 302 and response["Location"] == url
    report.refresh_from_db()
    assert report.not_ready_choices[str(orgs["returned"].pk)] == "leave_out"
    assert report.not_ready_choices[str(orgs["draft"].pk)] == "sentence"
    event = AuditEvent.objects.get(action="activities.report.not_ready_choices")
    assert event.actor == world.coordinator
    assert f"{orgs['returned'].pk}: leave_out" in event.detail
    response = client.post(
        reverse("activities:report_publish", args=[world.group.slug, report.pk]),
        {"change_note": ""},
    )
    run_task_queue()  # publishing runs in the task queue
    version = report.versions.get()
    chapters = _chapters(version.content)
    assert orgs["returned"].name not in chapters
    assert chapters[orgs["submitted"].name]["sentence"] == NOT_APPROVED
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(version.pdf.read())).pages)
    text = " ".join(text.split())
    assert NOT_APPROVED in text
    assert NO_REPORT in text
    # A chapter heading ("4.3 Myndighet draft") for each but the one left out; it stays
    # in the appendix's list of members.
    assert not re.search(r"\d+\.\d+ Myndighet returned", text)
    assert re.search(r"\d+\.\d+ Myndighet draft " + re.escape(NOT_APPROVED), text)
    assert re.search(r"\d+\.\d+ Myndighet none " + re.escape(NO_REPORT), text)


def test_waiting_for_an_organisation_keeps_the_report_from_being_published(world, client):
    past = make_past_period(world.group, "Kvartal 3 2026", date(2026, 7, 1))
    report = make_report(world.group, [past])
    url = reverse("activities:report_readiness", args=[world.group.slug, report.pk])
    client.force_login(world.coordinator)
    client.post(url, {f"org_{world.org_a.pk}": "wait", f"org_{world.org_b.pk}": "sentence"})
    html = client.get(url).content.decode()
    assert "Du har valt att vänta på: Polismyndigheten." in html
    assert "Publicera en ny version" not in html
    response = client.post(
        reverse("activities:report_publish", args=[world.group.slug, report.pk]), {}
    )
    assert response["Location"] == url
    assert not report.versions.exists()
    assert "Du har valt att vänta på en organisation" in client.get(url).content.decode()


def test_an_unknown_choice_is_refused_and_nothing_stored(world, client):
    past = make_past_period(world.group, "Kvartal 3 2026", date(2026, 7, 1))
    report = make_report(world.group, [past])
    url = reverse("activities:report_readiness", args=[world.group.slug, report.pk])
    client.force_login(world.coordinator)
    response = client.post(url, {f"org_{world.org_a.pk}": "publish-anyway"})
    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()
    report.refresh_from_db()
    assert report.not_ready_choices == {}
    assert not AuditEvent.objects.filter(action="activities.report.not_ready_choices").exists()
