"""What happens around signing in and out: the audit lines, the session's clocks, and
signing out everywhere.

The receivers are module-level functions: a signal holds its receivers by weak
reference, so a function defined inside AppConfig.ready() would be collected as soon as
ready() returned (tests/test_receivers.py).
"""

import time

from axes.signals import user_locked_out
from django.contrib.auth import signals
from django.db.models import F

from . import audit
from .models import User


def signed_in(sender, request, user, **kwargs):
    request.session["signed_in_at"] = request.session["last_activity"] = time.time()
    request.session["generation"] = user.session_generation
    audit.record("members.sign_in", actor=user)


def sign_in_failed(sender, credentials, request=None, **kwargs):
    # The address tried, never the password.
    audit.record("members.sign_in_failed", detail=credentials.get("username", ""))


def signed_out(sender, request, user, **kwargs):
    if user is not None:
        # Signing out here signs the person out everywhere.
        User.objects.filter(pk=user.pk).update(session_generation=F("session_generation") + 1)
        audit.record("members.sign_out", actor=user)


def locked_out(sender, request, username, ip_address, **kwargs):
    audit.record("security.lockout", detail=username, ip=ip_address)


def connect():
    user_locked_out.connect(locked_out, dispatch_uid="audit_lockout")
    signals.user_logged_in.connect(signed_in, dispatch_uid="audit_sign_in")
    signals.user_login_failed.connect(sign_in_failed, dispatch_uid="audit_sign_in_failed")
    signals.user_logged_out.connect(signed_out, dispatch_uid="audit_sign_out")
