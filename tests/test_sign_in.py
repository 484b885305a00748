from django.urls import reverse

from members.models import User
from samordning.demo.loader import DEMO_PASSWORD, demo_sign_ins, load_demo

from .conftest import PASSWORD

LOGIN = reverse("members:login")


def test_it_signs_in_and_lands_on_the_group(world, client):
    response = client.post(LOGIN, {"username": "polisen@example.org", "password": PASSWORD})
    assert response.status_code == 302
    response = client.get(response["Location"], follow=True)
    assert response.redirect_chain[-1][0] == reverse("group_home", args=[world.group.slug])
    assert "Polismyndigheten" in response.content.decode()


def test_e_mail_is_not_case_sensitive(world, client):
    response = client.post(LOGIN, {"username": "Polisen@Example.org", "password": PASSWORD})
    assert response.status_code == 302


def test_a_wrong_password_is_refused_with_a_message_and_the_address_kept(world, client):
    response = client.post(LOGIN, {"username": "polisen@example.org", "password": "fel"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Fel e-postadress eller fel lösenord" in page
    assert 'value="polisen@example.org"' in page
    assert "_auth_user_id" not in client.session


def test_a_deactivated_person_is_told_so(world, client):
    User.objects.filter(pk=world.rep_a.pk).update(is_active=False)
    response = client.post(LOGIN, {"username": "polisen@example.org", "password": PASSWORD})
    assert response.status_code == 200
    assert "Ditt konto är inaktiverat" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_deactivated_person_with_a_wrong_password_learns_nothing_more(world, client):
    User.objects.filter(pk=world.rep_a.pk).update(is_active=False)
    response = client.post(LOGIN, {"username": "polisen@example.org", "password": "fel"})
    page = response.content.decode()
    assert "Fel e-postadress eller fel lösenord" in page
    assert "inaktiverat" not in page


def test_sign_out_ends_the_session(world, client):
    client.force_login(world.reader)
    response = client.post(reverse("members:logout"))
    assert response["Location"] == LOGIN
    assert client.get(reverse("group_home", args=[world.group.slug])).status_code == 302


def test_the_sign_in_page_is_in_swedish_by_default(client, db):
    page = client.get(LOGIN).content.decode()
    assert '<html lang="sv">' in page
    assert "<h1>Logga in</h1>" in page
    assert "E-postadress" in page


def test_every_demo_person_signs_in_and_sees_their_start_page(client, db):
    load_demo()
    for email, what in demo_sign_ins():
        client.logout()
        response = client.post(LOGIN, {"username": email, "password": DEMO_PASSWORD}, follow=True)
        page = response.content.decode()
        assert response.status_code == 200, email
        assert response.redirect_chain[-1][0].startswith("/grupp/"), email
        if what.startswith("samordnare"):
            # "Du samordnar gruppen", or "också" beside the organisation they represent.
            assert "Du samordnar" in page and 'id="admin-heading"' in page, email
        elif what.startswith("läsare"):
            assert "Du följer gruppen som läsare" in page, email
        else:
            assert "Du representerar" in page, email
