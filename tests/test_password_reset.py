import re

from django.urls import reverse

from .conftest import sent_mail

NEW_PASSWORD = "ett-nytt-och-långt-lösenord"


def test_a_person_resets_their_password_by_e_mail(
    world, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("members:password_reset"), {"email": "Polisen@example.org"})
    assert response["Location"] == reverse("members:password_reset_done")
    assert len(sent_mail()) == 1
    message = sent_mail()[0]
    assert message.to == ["polisen@example.org"]
    assert message.subject == "Välj ett nytt lösenord för Samordning"
    link = re.search(r"https?://[^/\s]+(/konto/losenord/\S+/\S+/)", message.body).group(1)
    form_page = client.get(link, follow=True)
    assert "Välj ett nytt lösenord" in form_page.content.decode()
    set_url = form_page.redirect_chain[-1][0]
    response = client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response["Location"] == reverse("members:password_reset_complete")
    world.rep_a.refresh_from_db()
    assert world.rep_a.check_password(NEW_PASSWORD)
    # The link works once.
    assert "Länken har redan använts" in client.get(link, follow=True).content.decode()


def test_an_unknown_address_gets_the_same_answer_and_no_mail(
    db, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("members:password_reset"), {"email": "okand@example.org"})
    assert response["Location"] == reverse("members:password_reset_done")
    assert not sent_mail()


def test_a_too_short_new_password_is_refused(world, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("members:password_reset"), {"email": "polisen@example.org"})
    link = re.search(r"https?://[^/\s]+(/konto/losenord/\S+/\S+/)", sent_mail()[0].body).group(1)
    set_url = client.get(link, follow=True).redirect_chain[-1][0]
    response = client.post(set_url, {"new_password1": "kort", "new_password2": "kort"})
    assert response.status_code == 200
    assert "minst 12 tecken" in response.content.decode()
