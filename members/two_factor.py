"""Two-step verification: a time-based code from an app (TOTP) and single-use backup codes.

django-otp keeps the devices and checks the codes (with throttling and no reuse of a
time step); this module holds our rules: who must use it, and the audit trail. What a half-signed-in
person may open is members.sign_in_steps.
"""

import base64

import segno
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import audit
from .models import Membership, Role, User

BACKUP_CODE_COUNT = 10
RECHECK_SECONDS = 60
CLEAR_UNTIL = "two_factor_clear_until"


def _confirmed_devices(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True)


def _roles_requiring_it(user):
    """The person's coordinator roles in groups that require two-step verification."""
    return Membership.objects.active().filter(
        user=user, role=Role.COORDINATOR, group__coordinators_need_two_factor=True
    )


def has_device(user):
    return _confirmed_devices(user).exists()


def required_for(user):
    """A coordinator in a group that requires two-step verification must use it."""
    return _roles_requiring_it(user).exists()


def standing(user):
    """(has a confirmed device, is required to have one), in one query."""
    return (
        User.objects.filter(pk=user.pk)
        .annotate(
            has_device=Exists(_confirmed_devices(OuterRef("pk"))),
            required=Exists(_roles_requiring_it(OuterRef("pk"))),
        )
        .values_list("has_device", "required")
        .get()
    )


def safe_next(request, default="home"):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse(default)


# Enrolment.


def pending_device(user):
    """The person's unconfirmed app device, made once so that reloading keeps the QR code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name="app", confirmed=False)


def secret_for_display(device):
    """The key in base32, in groups of four, for typing into an app by hand."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(device):
    """The otpauth address as an SVG QR code, drawn on the server (no script, no fetch)."""
    return segno.make(device.config_url, error="m").svg_inline(
        scale=5, dark="#000", light="#fff", title=_("QR code for the authenticator app")
    )


def _clean_token(token):
    return "".join((token or "").split()).lower()


def two_factor_enrol(*, device, code):
    """Confirm the app with a code it shows; returns the new backup codes, or None when
    the code did not match (nothing is written then). The session is marked verified by
    the caller (session_verified), after this commits."""
    with transaction.atomic():
        if not device.verify_token(_clean_token(code)):
            return None
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = _new_backup_codes(device.user)
        audit.record("members.two_factor.enrolled", actor=device.user)
    return codes


def session_verified(request, device):
    """Mark the session as having passed the second step with this device."""
    otp_login(request, device)


def backup_codes_renew(*, user):
    """New backup codes replace every old one; they are shown once."""
    with transaction.atomic():
        codes = _new_backup_codes(user)
        audit.record("members.two_factor.backup_codes_renewed", actor=user)
    return codes


def _new_backup_codes(user):
    device, _created = StaticDevice.objects.get_or_create(user=user, name="backup")
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _n in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def backup_codes_left(user):
    return StaticToken.objects.filter(device__user=user).count()


# Signing in.


def _matching_device(user, token):
    """The device that accepts this code (a backup code is then used up), or None."""
    token = _clean_token(token)
    for device in [
        *TOTPDevice.objects.filter(user=user, confirmed=True),
        *StaticDevice.objects.filter(user=user, confirmed=True),
    ]:
        allowed, _why = device.verify_is_allowed()
        if allowed and device.verify_token(token):
            return device
    return None


def verify(request, token):
    """Check a code from the app or a backup code, and mark the session verified."""
    user = request.user
    with transaction.atomic():
        device = _matching_device(user, token)
    if device is None:
        audit.record("members.two_factor.failed", actor=user)
        return False
    otp_login(request, device)
    kind = "backup_code" if isinstance(device, StaticDevice) else "app"
    audit.record("members.two_factor.verified", actor=user, detail=kind)
    return True


def two_factor_disable(*, user, code):
    """Remove the app and the backup codes, after one more code. Returns an error or None."""
    if required_for(user):
        return _("Your group requires two-step verification for coordinators, so it stays on.")
    with transaction.atomic():
        if _matching_device(user, code) is None:
            return _("The code did not match, so two-step verification is still on.")
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        audit.record("members.two_factor.disabled", actor=user)
    return None
