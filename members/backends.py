"""Signing in with an e-mail address and a password."""

from django.contrib.auth.backends import ModelBackend

from .models import User


class SignInBackend(ModelBackend):
    """Finds the account by its exact address (members.models.canonical_email) and checks
    the password.

    The password hasher runs exactly once for every attempt: for an unknown address, a
    wrong password, a blocked account and one without a role alike, so the time an answer
    takes tells nothing about the account. A right password returns the person even when
    they may not sign in (as Django's AllowAllUsersModelBackend does): the sign-in form
    then refuses them and says why (SignInForm.confirm_login_allowed), and the admin's
    refuses them too. A session, though, belongs only to an active person: get_user keeps
    ModelBackend's check of is_active, so blocking someone ends their sessions at once.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        person = User.objects.by_email(username).first()
        if person is None:
            User().set_password(password)  # the same work as for an existing account
            return None
        return person if person.check_password(password) else None
