"""Every form of the product, posted empty or wrong, shows the error summary at the top
(role=alert, a link to each field with an error) and messages that name the field and
say how to put it right; selects offer "Välj …"; every form is validated on the server
only (novalidate)."""

import html
import re
from pathlib import Path

import pytest
from django.urls import reverse

from activities.records import forms as record_forms
from activities.reporting import forms as reporting_forms
from activities.reports import forms as report_forms
from activities.status import forms as status_forms
from members import forms as member_forms
from members.form_errors import ClearErrorsMixin
from members.models import Role

from .conftest import make_period, make_report, sent_mail

ROOT = Path(__file__).resolve().parent.parent
SUMMARY = re.compile(r'<div class="error-summary" role="alert" tabindex="-1".*?</div>', re.S)


def summary_of(response):
    """[(link target or None, message)] of the page's error summary; [] if it has none."""
    page = response.content.decode()
    found = SUMMARY.search(page)
    if not found:
        return []
    assert page.count('class="error-summary"') == 1, "one summary per page"
    assert "Det finns ett problem" in found.group(0)
    items = re.findall(r"<li>(?:<a href=\"#([^\"]+)\">)?(.*?)(?:</a>)?</li>", found.group(0))
    return [(target or None, html.unescape(message)) for target, message in items]


def assert_field_ids_exist(response, summary):
    page = response.content.decode()
    for target, _message in summary:
        if target:
            assert f'id="{target}"' in page, f"the link #{target} leads to no field"


@pytest.fixture
def coordinator(world, client):
    client.force_login(world.coordinator)
    return client


def _post(client, url, data):
    # A browser always sends the CSRF token, so even an empty form is a bound one.
    response = client.post(url, {"csrfmiddlewaretoken": "-", **data})
    assert response.status_code == 200, response.get("Location")
    summary = summary_of(response)
    assert_field_ids_exist(response, summary)
    return summary


def test_sign_in_names_both_fields(world, client):
    summary = _post(client, reverse("members:login"), {})
    assert summary == [("id_username", "Skriv e-postadress"), ("id_password", "Skriv lösenord")]


def test_sign_in_with_a_wrong_password_lists_the_problem_without_a_link(world, client):
    summary = _post(
        client, reverse("members:login"), {"username": world.rep_a.email, "password": "fel"}
    )
    assert summary == [(None, "Fel e-postadress eller fel lösenord. Försök igen.")]


def test_an_address_in_the_wrong_format_says_how_to_write_it(world, client):
    summary = _post(client, reverse("members:password_reset"), {"email": "polisen.example.org"})
    assert summary == [
        (
            "id_email",
            "Skriv en e-postadress i rätt format, till exempel namn@kommun.se",
        )
    ]


def test_the_new_password_page_names_its_fields(world, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("members:password_reset"), {"email": world.rep_a.email})
    link = re.search(r"https?://[^/\s]+(/konto/losenord/\S+/\S+/)", sent_mail()[0].body).group(1)
    set_url = client.get(link, follow=True).redirect_chain[-1][0]
    summary = _post(client, set_url, {})
    assert [target for target, _ in summary] == ["id_new_password1", "id_new_password2"]
    assert summary[0][1] == "Skriv nytt lösenord"


def test_accepting_an_invitation_names_the_fields(
    world, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        coordinator.post(
            reverse("members:person_invite", args=[world.group.slug]),
            {"email": "ny@example.org", "role": Role.READER},
        )
    coordinator.logout()
    path = re.search(r"/konto/inbjudan/\S+/", sent_mail()[0].body).group(0)
    summary = _post(coordinator, path, {"password1": "ett-långt-lösenord"})
    assert ("id_full_name", "Skriv fullständigt namn") in summary
    assert ("id_password2", "Skriv lösenord igen") in summary


def test_an_invitation_names_the_radio_buttons_and_the_select(world, coordinator):
    url = reverse("members:person_invite", args=[world.group.slug])
    page = coordinator.get(url).content.decode()
    assert "Välj organisation" in page
    assert "---------" not in page
    summary = _post(coordinator, url, {})
    assert summary == [("id_email", "Skriv e-postadress"), ("id_role_0", "Välj roll")]
    summary = _post(coordinator, url, {"email": "ny@example.org", "role": Role.REPRESENTATIVE})
    assert summary == [("id_organisation", "Välj den organisation som personen representerar.")]


def test_roles_without_any_role_is_a_problem_of_the_whole_form(world, coordinator):
    url = reverse("members:person_edit", args=[world.group.slug, world.rep_a.pk])
    summary = _post(coordinator, url, {"group_role": ""})
    assert len(summary) == 1 and summary[0][0] is None
    assert summary[0][1].startswith("Välj minst en roll")


def test_an_organisation_names_its_fields_and_the_date_format(world, coordinator):
    url = reverse("members:organisation_create", args=[world.group.slug])
    summary = _post(coordinator, url, {"joined_on": "1 januari"})
    assert ("id_name", "Skriv namn") in summary
    assert (
        "id_joined_on",
        "Medlem sedan: skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-03-31",
    ) in summary
    assert "Detta fält måste fyllas i." not in str(summary)


def test_group_settings_say_what_number_is_wanted(world, coordinator):
    url = reverse("members:group_settings", args=[world.group.slug])
    summary = _post(coordinator, url, {"reminder_days_before_deadline": "tre"})
    assert summary[0][0] == "id_reminder_days_before_deadline"
    assert summary[0][1].startswith("Skriv ") and summary[0][1].endswith(" som ett tal")


def test_notifications_name_the_radio_buttons(world, coordinator):
    summary = _post(coordinator, reverse("members:notifications"), {})
    assert summary == [("id_daily_digest_0", "Välj hur")]


def test_two_step_codes_name_the_field(world, coordinator):
    summary = _post(coordinator, reverse("members:two_factor_enrol"), {})
    assert summary == [("id_code", "Skriv kod")]


def test_a_period_names_its_fields_and_the_date_format(world, coordinator):
    url = reverse("activities:period_create", args=[world.group.slug])
    summary = _post(coordinator, url, {"name": "", "starts_on": "2027-13-01"})
    targets = dict(summary)
    assert targets["id_name"] == "Skriv namn"
    assert (
        targets["id_starts_on"] == "Börjar: skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-03-31"
    )
    assert set(targets) == {"id_name", "id_starts_on", "id_ends_on", "id_deadline"}


def test_a_question_names_its_fields(world, coordinator):
    period = make_period(world.group)
    url = reverse("activities:question_create", args=[world.group.slug, period.pk])
    summary = _post(coordinator, url, {})
    assert ("id_title", "Skriv kort rubrik") in summary


@pytest.mark.parametrize("kind", ["aktiviteter", "styrdokument", "samverkan", "behov"])
def test_every_kind_of_record_names_its_fields(world, client, kind):
    client.force_login(world.rep_a)
    url = reverse("activities:record_create", args=[world.group.slug, kind])
    page = client.get(url).content.decode()
    assert "---------" not in page
    summary = _post(client, url, {"organisation": world.org_a.pk, "link": "inte en adress"})
    assert summary, "an empty record is refused"
    for target, message in summary:
        assert target and target.startswith("id_")
        assert re.match(r"(Skriv|Välj) |[^:]+: skriv datumet som ÅÅÅÅ-MM-DD", message), message
    if kind in ("aktiviteter", "styrdokument"):
        assert (
            "id_link",
            "Skriv länk som en fullständig webbadress, till exempel https://www.kommun.se",
        ) in summary


def test_a_target_group_names_its_field(world, coordinator):
    summary = _post(coordinator, reverse("activities:target_groups", args=[world.group.slug]), {})
    assert summary == [("id_name", "Skriv ny målgrupp")]


def test_a_new_report_names_the_periods_on_the_list_page(world, coordinator):
    make_period(world.group)
    url = reverse("activities:report_new", args=[world.group.slug])
    summary = _post(coordinator, url, {})
    assert summary == [
        ("id_first_period", "Välj första period"),
        ("id_last_period", "Välj sista period"),
    ]


def test_the_report_draft_lists_errors_of_the_form_and_its_formsets(world, coordinator):
    report = make_report(world.group)
    url = reverse("activities:report_edit", args=[world.group.slug, report.pk])
    page = coordinator.get(url).content.decode()
    data = {
        name: value
        for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page)
        if "-" in name
    }
    data.update({"title": "", "year": "tjugo", "contacts-0-name": "Anna", "contacts-0-email": "x"})
    summary = _post(coordinator, url, data)
    targets = dict(summary)
    assert targets["id_title"] == "Skriv titel"
    assert targets["id_year"] == "Skriv år som ett tal"
    assert targets["id_contacts-0-email"] == (
        "Skriv en e-postadress i rätt format, till exempel namn@kommun.se"
    )


def test_the_search_box_links_its_error(world, coordinator):
    response = coordinator.get(reverse("activities:search", args=[world.group.slug]), {"q": "a\0b"})
    summary = summary_of(response)
    assert [target for target, _ in summary] == ["id_q"]
    assert_field_ids_exist(response, summary)


def test_a_page_without_errors_has_no_summary(world, coordinator):
    response = coordinator.get(reverse("members:person_invite", args=[world.group.slug]))
    assert summary_of(response) == []


def test_every_form_in_the_templates_is_validated_on_the_server_only():
    for path in (ROOT / "templates").rglob("*.html"):
        for tag in re.findall(r"<form\b[^>]*>", path.read_text()):
            assert "novalidate" in tag, f"{path.relative_to(ROOT)}: {tag}"


def test_every_form_of_the_product_gets_the_named_messages():
    modules = [member_forms, record_forms, reporting_forms, report_forms, status_forms]
    forms_found = [
        thing
        for module in modules
        for thing in vars(module).values()
        if isinstance(thing, type)
        and thing.__module__ == module.__name__
        and hasattr(thing, "base_fields")
    ]
    assert len(forms_found) > 20
    for form_class in forms_found:
        assert issubclass(form_class, ClearErrorsMixin), form_class
    for formset_class, _label in report_forms.FORMSETS.values():
        assert issubclass(formset_class.form, ClearErrorsMixin)


def test_the_error_summary_is_focused_by_a_static_script(world, client):
    page = client.get(reverse("members:login")).content.decode()
    assert re.search(
        r'<script src="[^"]*js/error-summary(?:\.[0-9a-f]+)?\.js" defer></script>', page
    )
