"""The interface is Swedish first; English through the catalogue and the language switch."""

from pathlib import Path

import polib
from django.urls import reverse

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def test_the_swedish_catalogue_is_complete_and_compiled():
    po = polib.pofile(str(LOCALE / "sv/LC_MESSAGES/django.po"))
    assert len(po) > 50
    assert not po.untranslated_entries(), [e.msgid for e in po.untranslated_entries()]
    assert not po.fuzzy_entries(), [e.msgid for e in po.fuzzy_entries()]
    compiled = polib.mofile(str(LOCALE / "sv/LC_MESSAGES/django.mo"))
    assert {(e.msgid, e.msgstr) for e in compiled if e.msgid} == {
        (e.msgid, e.msgstr) for e in po.translated_entries()
    }, "django.mo is out of date: run `make messages`"


def test_the_language_switch_turns_the_interface_english(client, db):
    login = reverse("members:login")
    response = client.post(reverse("set_language"), {"language": "en", "next": login})
    assert response["Location"] == login
    page = client.get(login).content.decode()
    assert '<html lang="en">' in page
    assert "<h1>Sign in</h1>" in page
    assert "På svenska" in page


def test_form_errors_are_in_english_too(client, db):
    client.post(reverse("set_language"), {"language": "en"})
    response = client.post(
        reverse("members:login"), {"username": "x@example.org", "password": "fel"}
    )
    assert "The e-mail address or the password is wrong" in response.content.decode()


def test_an_english_browser_still_gets_swedish(client, db):
    page = client.get(reverse("members:login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content
    assert "<h1>Logga in</h1>" in page.decode()


def test_a_signed_in_persons_choice_is_saved_and_follows_them(world, client):
    client.force_login(world.reader)
    client.post(reverse("set_language"), {"language": "en"})
    world.reader.refresh_from_db()
    assert world.reader.language == "en"
    client.cookies.clear()
    client.force_login(world.reader)
    page = client.get(reverse("group_home", args=[world.group.slug])).content.decode()
    assert '<html lang="en">' in page
