"""Activities, steering documents, collaborations and needs: who changes what, lists,
filters, exports, uploads, and the snapshot kept with an approved submission."""

import csv
import io
import zipfile
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from activities.models import Activity, Collaboration, Need, SteeringDocument, TargetGroup
from activities.records import services as record_services
from activities.reporting import services

from .conftest import answer, make_activity, make_period, make_records


@pytest.fixture
def targets(world):
    record_services.target_groups_seed(group=world.group)
    return {t.name: t for t in TargetGroup.objects.filter(group=world.group)}


def _list(world, kind="aktiviteter"):
    return reverse("activities:record_list", args=[world.group.slug, kind])


def test_a_representative_adds_an_activity_for_their_organisation(world, targets, client):
    client.force_login(world.rep_a)
    response = client.post(
        reverse("activities:record_create", args=[world.group.slug, "aktiviteter"]),
        {
            "organisation": world.org_a.pk,
            "title": "Kampanj mot taxi- och hotellbranschen",
            "kind": "campaign",
            "status": "planned",
            "starts_on": "2026-12-01",
            "target_groups": [targets["Taxi"].pk, targets["Hotell"].pk],
            "partners": [world.org_b.pk],
            "outside_partners": "Visit Umeå, Taxiförbundet",
            "participants": "40",
        },
    )
    assert response["Location"] == _list(world)
    activity = Activity.objects.get()
    assert activity.organisation == world.org_a
    assert activity.updated_by == world.rep_a
    assert {t.name for t in activity.target_groups.all()} == {"Taxi", "Hotell"}
    page = client.get(_list(world)).content.decode()
    assert "Kampanj mot taxi- och hotellbranschen" in page
    assert "Migrationsverket, Visit Umeå, Taxiförbundet" in page


def test_a_representative_cannot_add_for_another_organisation(world, targets, client):
    client.force_login(world.rep_a)
    response = client.post(
        reverse("activities:record_create", args=[world.group.slug, "behov"]),
        {
            "organisation": world.org_b.pk,
            "kind": "training",
            "priority": "high",
            "description": "X",
            "noted_on": "2026-11-01",
        },
    )
    assert response.status_code == 200
    assert not Need.objects.exists()


def test_another_groups_target_group_or_organisation_cannot_be_chosen(world, targets, client):
    foreign = TargetGroup.objects.create(group=world.other_group, name="Främmande")
    client.force_login(world.rep_a)
    response = client.post(
        reverse("activities:record_create", args=[world.group.slug, "aktiviteter"]),
        {
            "organisation": world.org_a.pk,
            "title": "T",
            "kind": "training",
            "status": "planned",
            "starts_on": "2026-12-01",
            "target_groups": [foreign.pk],
            "partners": [world.other_org.pk],
        },
    )
    assert response.status_code == 200
    assert not Activity.objects.exists()


def test_the_coordinator_adds_for_any_organisation(world, client):
    client.force_login(world.coordinator)
    client.post(
        reverse("activities:record_create", args=[world.group.slug, "samverkan"]),
        {
            "organisation": world.org_b.pk,
            "partner": world.org_a.pk,
            "level": "strategic",
            "since": "2025-01-01",
        },
    )
    collaboration = Collaboration.objects.get()
    assert (collaboration.organisation, collaboration.partner) == (world.org_b, world.org_a)


def test_a_collaboration_needs_exactly_one_partner(world, client):
    client.force_login(world.rep_a)
    response = client.post(
        reverse("activities:record_create", args=[world.group.slug, "samverkan"]),
        {
            "organisation": world.org_a.pk,
            "partner": world.org_b.pk,
            "outside_partner": "Kommunen",
            "level": "formal",
        },
    )
    assert (
        "Välj en medlemsorganisation eller ange en aktör utanför gruppen"
        in response.content.decode()
    )
    assert not Collaboration.objects.exists()


def test_a_representative_edits_and_closes_their_own_but_not_anothers(world, client):
    mine, theirs = make_activity(world.org_a), make_activity(world.org_b, title="Deras")
    client.force_login(world.rep_a)
    edit = reverse("activities:record_edit", args=[world.group.slug, "aktiviteter", theirs.pk])
    assert client.post(edit, {"title": "Kapad"}).status_code == 403
    theirs.refresh_from_db()
    assert theirs.title == "Deras"
    close = reverse("activities:record_close", args=[world.group.slug, "aktiviteter", mine.pk])
    client.post(close)
    mine.refresh_from_db()
    assert (mine.status, mine.ends_on) == ("done", timezone.localdate())


def test_readers_read_every_organisations_records(world, client):
    make_records(world.org_a, world.org_b)
    client.force_login(world.reader)
    for kind, text in [
        ("aktiviteter", "Aktivitet 0"),
        ("styrdokument", "Plan 0"),
        ("samverkan", "Samverkan 0"),
        ("behov", "Behov 0"),
    ]:
        page = client.get(_list(world, kind)).content.decode()
        assert text in page
        assert "Ändra" not in page


def test_filters_narrow_the_list(world, targets, client):
    a = make_activity(
        world.org_a,
        title="Utbildning taxi",
        kind="training",
        starts_on=date(2026, 3, 1),
        ends_on=date(2026, 3, 1),
    )
    a.target_groups.set([targets["Taxi"]])
    make_activity(
        world.org_b,
        title="Seminarium vården",
        kind="seminar",
        status="done",
        starts_on=date(2026, 9, 1),
    )
    client.force_login(world.reader)

    def titles(**params):
        page = client.get(_list(world), params).content.decode()
        return {t for t in ("Utbildning taxi", "Seminarium vården") if t in page}

    assert titles() == {"Utbildning taxi", "Seminarium vården"}
    assert titles(kind="seminar") == {"Seminarium vården"}
    assert titles(status="done") == {"Seminarium vården"}
    assert titles(organisation=world.org_a.pk) == {"Utbildning taxi"}
    assert titles(target_group=targets["Taxi"].pk) == {"Utbildning taxi"}
    assert titles(date_from="2026-06-01") == {"Seminarium vården"}
    assert titles(date_to="2026-06-01") == {"Utbildning taxi"}
    assert titles(q="VÅRDEN") == {"Seminarium vården"}


def test_the_list_paginates(world, targets, client):
    # Its query count, the same on one page or two, is pinned in tests/test_query_counts.py.
    make_records(world.org_a, world.org_b, n=42)
    client.force_login(world.rep_a)
    page = client.get(_list(world)).content.decode()
    assert "Sida 1 av 2" in page
    assert "42 uppgifter" in page


def test_exports_neutralise_spreadsheet_formulas(world, client):
    make_activity(
        world.org_a,
        title='=HYPERLINK("http://evil.example","klick")',
        outside_partners="+46 70 123, @SUM(A1)",
    )
    make_activity(world.org_a, title="-2+3", description="\tflik")
    make_activity(world.org_b, title="Annan organisation")
    client.force_login(world.reader)
    query = {"organisation": world.org_a.pk}
    response = client.get(
        reverse("activities:record_export", args=[world.group.slug, "aktiviteter", "csv"]), query
    )
    assert response["Content-Disposition"] == 'attachment; filename="vasterbotten-aktiviteter.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Organisation", "Titel", "Typ"]
    titles = sorted(row[1] for row in rows[1:])
    assert titles == ["'-2+3", '\'=HYPERLINK("http://evil.example","klick")']
    assert all(
        not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row
    )

    response = client.get(
        reverse("activities:record_export", args=[world.group.slug, "aktiviteter", "xlsx"]), query
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    assert {c.value for c in cells if c.column == 2} == {
        "'-2+3",
        '\'=HYPERLINK("http://evil.example","klick")',
    }
    assert all(c.data_type != "f" for c in cells)
    assert all(not str(c.value or "").startswith(("=", "+", "-", "@", "\t")) for c in cells)


def _docx_bytes():
    """The least a Word file is: word/document.xml, declared its main part."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def _upload(client, world, name, content, content_type="application/pdf"):
    return client.post(
        reverse("activities:record_create", args=[world.group.slug, "styrdokument"]),
        {
            "organisation": world.org_a.pk,
            "title": "Handlingsplan",
            "kind": "action_plan",
            "status": "in_force",
            "file": SimpleUploadedFile(name, content, content_type=content_type),
        },
    )


def test_a_pdf_or_docx_is_accepted_and_served_only_inside_the_group(world, client):
    client.force_login(world.rep_a)
    assert _upload(client, world, "plan.pdf", b"%PDF-1.7\n...")["Location"] == _list(
        world, "styrdokument"
    )
    assert (
        _upload(client, world, "plan.docx", _docx_bytes(), "application/octet-stream").status_code
        == 302
    )
    pdf, docx = SteeringDocument.objects.order_by("pk")
    assert (pdf.file_type, docx.file_type) == (
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    client.force_login(world.reader)
    response = client.get(reverse("activities:document_file", args=[world.group.slug, pdf.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == b"%PDF-1.7\n..."
    # Guessing the URL from another group finds nothing.
    client.force_login(world.other_coordinator)
    assert (
        client.get(
            reverse("activities:document_file", args=[world.other_group.slug, pdf.pk])
        ).status_code
        == 404
    )
    assert (
        client.get(reverse("activities:document_file", args=[world.group.slug, pdf.pk])).status_code
        == 404
    )
    # And the file is not under the static or any served folder.
    assert client.get("/media/" + pdf.file.name).status_code == 404


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("program.pdf", b"MZ\x90\x00\x03\x00\x00\x00 an executable", "Endast PDF"),
        ("bild.png", b"\x89PNG\r\n\x1a\n", "Endast PDF"),
        ("arkiv.docx", b"PK\x03\x04 not really a zip", "Endast PDF"),
        ("stor.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024), "större än 10 MB"),
    ],
)
def test_a_wrong_or_too_large_file_is_refused(world, client, name, content, message):
    client.force_login(world.rep_a)
    response = _upload(client, world, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'value="Handlingsplan"' in response.content.decode()
    assert not SteeringDocument.objects.exists()


def test_the_submission_shows_the_records_under_their_questions_and_adds_them_in_place(
    world, targets, client
):
    period = make_period(world.group)
    make_records(world.org_a, world.org_b)
    client.force_login(world.rep_a)
    url = reverse("activities:submission", args=[world.group.slug, period.pk, world.org_a.pk])
    page = client.get(url).content.decode()
    q1 = period.questions.get(number=1)
    block = page[page.index(f'id="question-{q1.pk}"') :]
    block = block[: block.index("</section>")]
    assert "Aktivitet 0" in block and "Plan 0" not in block
    response = client.post(
        url,
        {
            "version": 0,
            "action": "record-add-aktiviteter",
            f"answer_{q1.pk}": "Vi har haft en utbildningsdag.",
            "new-aktiviteter-title": "Utbildningsdag för socialtjänsten",
            "new-aktiviteter-kind": "training",
            "new-aktiviteter-status": "done",
            "new-aktiviteter-starts_on": str(timezone.localdate()),
            "new-aktiviteter-participants": "35",
        },
    )
    assert response.status_code == 302
    assert Activity.objects.filter(
        title="Utbildningsdag för socialtjänsten", organisation=world.org_a
    ).exists()
    assert (
        period.submissions.get().answers.get(question=q1).text == "Vi har haft en utbildningsdag."
    )


def test_an_invalid_inline_record_keeps_the_typed_answer_and_saves_nothing(world, targets, client):
    period = make_period(world.group)
    client.force_login(world.rep_a)
    url = reverse("activities:submission", args=[world.group.slug, period.pk, world.org_a.pk])
    q1 = period.questions.get(number=1)
    response = client.post(
        url,
        {
            "version": 0,
            "action": "record-add-aktiviteter",
            f"answer_{q1.pk}": "Min viktiga text",
            "new-aktiviteter-title": "",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Min viktiga text" in page
    assert '<a href="#id_new-aktiviteter-title">Skriv titel</a>' in page
    assert not Activity.objects.exists()
    assert not period.submissions.exists()


def test_a_record_is_edited_and_closed_from_the_submission(world, targets, client):
    period = make_period(world.group)
    activity = make_activity(world.org_a)
    client.force_login(world.rep_a)
    url = reverse("activities:submission", args=[world.group.slug, period.pk, world.org_a.pk])
    opened = client.post(url, {"version": 0, "action": f"record-open-aktiviteter-{activity.pk}"})
    assert opened["Location"].endswith(
        f"?andra=aktiviteter-{activity.pk}#record-aktiviteter-{activity.pk}"
    )
    page = client.get(opened["Location"]).content.decode()
    assert f'name="aktiviteter-{activity.pk}-title"' in page
    prefix = f"aktiviteter-{activity.pk}-"
    client.post(
        url,
        {
            "version": 1,
            "action": f"record-edit-aktiviteter-{activity.pk}",
            prefix + "title": "Omdöpt utbildning",
            prefix + "kind": "training",
            prefix + "status": "ongoing",
            prefix + "starts_on": str(activity.starts_on),
        },
    )
    activity.refresh_from_db()
    assert activity.title == "Omdöpt utbildning"
    client.post(url, {"version": 2, "action": f"record-close-aktiviteter-{activity.pk}"})
    activity.refresh_from_db()
    assert activity.status == "done"


def test_another_organisations_record_cannot_be_changed_through_ones_submission(world, client):
    period = make_period(world.group)
    theirs = make_activity(world.org_b, title="Deras")
    client.force_login(world.rep_a)
    url = reverse("activities:submission", args=[world.group.slug, period.pk, world.org_a.pk])
    response = client.post(url, {"version": 0, "action": f"record-close-aktiviteter-{theirs.pk}"})
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == "ongoing"


def test_approval_freezes_the_records_shown(world, client):
    period = make_period(world.group)
    activity = make_activity(world.org_a, title="Ursprunglig titel")
    submission = answer(period, world.org_a, world.rep_a, {1: "Svar"}, submit=True)
    services.submission_approve(submission=submission, by=world.coordinator)
    activity.title = "Ändrad efteråt"
    activity.save()
    make_activity(world.org_a, title="Tillkommen efteråt")
    client.force_login(world.coordinator)
    page = client.get(
        reverse("activities:submission", args=[world.group.slug, period.pk, world.org_a.pk])
    ).content.decode()
    assert "Ursprunglig titel" in page
    assert "Ändrad efteråt" not in page
    assert "Tillkommen efteråt" not in page
    assert "Ändrad efteråt" in client.get(_list(world)).content.decode()


def test_records_of_past_periods_are_not_shown_in_a_later_one(world, client):
    period = make_period(world.group)
    make_activity(
        world.org_a,
        title="Gammal",
        starts_on=period.starts_on - timedelta(days=200),
        ends_on=period.starts_on - timedelta(days=100),
    )
    make_activity(world.org_a, title="Pågående", starts_on=period.starts_on - timedelta(days=200))
    client.force_login(world.rep_a)
    page = client.get(
        reverse("activities:submission", args=[world.group.slug, period.pk, world.org_a.pk])
    ).content.decode()
    assert "Pågående" in page
    assert "Gammal" not in page


def test_the_coordinator_manages_the_target_groups(world, targets, client):
    client.force_login(world.coordinator)
    url = reverse("activities:target_groups", args=[world.group.slug])
    client.post(url, {"name": "Skolor"})
    response = client.post(url, {"name": "Taxi"})
    assert "Listan har redan den målgruppen" in response.content.decode()
    assert TargetGroup.objects.filter(group=world.group).count() == 9
    assert TargetGroup.objects.filter(group=world.other_group).count() == 0
