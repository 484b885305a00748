"""My account: a person sets their own name, title, phone and language; the title and
phone show wherever contacts are listed; the header leads there from every page."""

import pytest
from django.urls import reverse

from activities.models import ReportContact
from members.models import AuditEvent

from .conftest import make_report

URL = reverse("members:account")


def _save(client, person, **changes):
    data = {
        "full_name": person.full_name,
        "title": person.title,
        "phone": person.phone,
        "language": person.language,
        **changes,
    }
    client.force_login(person)
    return client.post(URL, data, follow=True)


def test_a_person_saves_their_title_and_phone(world, client):
    response = _save(client, world.rep_a, title="Handläggare", phone="010-223 10 00")
    assert "Dina uppgifter sparades." in response.content.decode()
    world.rep_a.refresh_from_db()
    assert (world.rep_a.title, world.rep_a.phone) == ("Handläggare", "010-223 10 00")
    line = AuditEvent.objects.get(action="members.person.account_changed")
    assert (line.actor, line.detail) == (world.rep_a, "title, phone")
    assert "010" not in line.detail and "Handläggare" not in line.object_repr


def test_the_page_shows_what_is_saved_and_leads_to_the_other_settings(world, client):
    world.rep_a.title, world.rep_a.phone = "Handläggare", "070-123 45 67"
    world.rep_a.save()
    client.force_login(world.rep_a)
    page = client.get(URL).content.decode()
    assert 'value="Handläggare"' in page and 'value="070-123 45 67"' in page
    assert reverse("members:notifications") in page
    assert reverse("members:two_factor") in page


def test_saving_without_a_change_writes_no_log_line(world, client):
    _save(client, world.rep_a)
    assert not AuditEvent.objects.filter(action="members.person.account_changed").exists()


@pytest.mark.parametrize("phone", ["ring mig", "12", "<script>"])
def test_a_phone_number_that_is_not_one_is_refused_with_how_to_write_it(world, client, phone):
    response = _save(client, world.rep_a, phone=phone)
    assert "Skriv telefonnumret med siffror" in response.content.decode()
    world.rep_a.refresh_from_db()
    assert world.rep_a.phone == ""


def test_a_name_is_needed(world, client):
    response = _save(client, world.rep_a, full_name="")
    world.rep_a.refresh_from_db()
    assert world.rep_a.full_name == "Petra Polis"
    page = response.content.decode()
    assert '<a href="#id_full_name">Skriv fullständigt namn</a>' in page  # the error summary


def test_the_chosen_language_is_saved_and_the_pages_follow_it(world, client):
    response = _save(client, world.rep_a, language="en")
    assert "Your details were saved." in response.content.decode()
    world.rep_a.refresh_from_db()
    assert world.rep_a.language == "en"
    assert client.cookies["django_language"].value == "en"


def test_the_title_and_phone_show_in_the_people_list_and_the_report_contacts(world, client):
    _save(client, world.rep_a, title="Kommissarie", phone="010-114 14 00")
    report = make_report(world.group)
    client.force_login(world.coordinator)
    client.post(reverse("activities:report_contacts", args=[world.group.slug, report.pk]))
    contact = ReportContact.objects.get(report=report, email="polisen@example.org")
    assert (contact.role, contact.phone) == ("Kommissarie", "010-114 14 00")

    people = client.get(reverse("members:person_list", args=[world.group.slug])).content.decode()
    assert "Kommissarie" in people and "010-114 14 00" in people
    person = client.get(
        reverse("members:person_edit", args=[world.group.slug, world.rep_a.pk])
    ).content.decode()
    assert "Kommissarie" in person and "010-114 14 00" in person


def test_the_header_leads_to_my_account_from_every_page(world, client):
    client.force_login(world.reader)
    page = client.get(reverse("group_home", args=[world.group.slug])).content.decode()
    header = page[page.index("<header") : page.index("</header>")]
    assert f'<a class="site-account" href="{URL}">Mitt konto</a>' in header
    assert "Logga ut" in header
    assert reverse("members:notifications") not in header
    page = client.get(URL).content.decode()
    assert 'href="/konto/" aria-current="page">Mitt konto' in page


def test_signed_out_there_is_no_account_link(db, client):
    page = client.get(reverse("members:login")).content.decode()
    assert "Mitt konto" not in page
    assert client.get(URL).status_code == 302


def test_extra_fields_cannot_change_the_address_or_give_rights(world, client):
    _save(
        client,
        world.rep_a,
        title="Handläggare",
        email="annan@example.org",
        is_superuser="on",
        is_staff="on",
        blocked_at="",
        muted_notifications='["approved"]',
    )
    world.rep_a.refresh_from_db()
    assert world.rep_a.title == "Handläggare"
    assert world.rep_a.email == "polisen@example.org"
    assert not world.rep_a.is_superuser and not world.rep_a.is_staff
    assert world.rep_a.muted_notifications == []


def test_hostile_names_and_titles_are_kept_as_typed_or_refused_and_shown_as_text(world, client):
    from .test_hostile_forms import SAMPLE, _get, assert_nothing_injected

    people = reverse("members:person_list", args=[world.group.slug])
    coordinator = client.__class__()
    coordinator.force_login(world.coordinator)
    for text in SAMPLE:
        response = _save(client, world.rep_a, full_name=text, title=text)
        assert response.status_code == 200
        world.rep_a.refresh_from_db()
        if "\x00" in text or len(text.strip()) > 150 or not text.strip():
            assert "Dina uppgifter sparades." not in response.content.decode()
            continue
        assert (world.rep_a.full_name, world.rep_a.title) == (text.strip(), text.strip())
        if any(c in text for c in "<>\"'&"):
            hostile = _get(coordinator, people)
            _save(client, world.rep_a, full_name="Petra Polis", title="Handläggare")
            assert_nothing_injected(hostile, _get(coordinator, people))
