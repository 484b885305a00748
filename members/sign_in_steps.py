"""What a person may open while signing in, and the typed text kept across it.

A person is signed in fully once they have given their password and, when they have an
app or their group requires one, a code. Until then they reach only an explicit list of
pages (OPEN_BEFORE_SIGNED_IN): the rule depends on the person, never on how a view is
marked. Django's admin and every view marked `login_not_required` for its own reasons
are closed to them like any other page.

A page where people write long texts (the answers) is marked with keeps_typed_text: a
form sent there by someone who is not signed in fully is kept, one entry and within the
form's own limits, and shown back after signing in. It is kept only for a person who is
half-way through signing in, or whose sign-in has just ended (an idle or absolute time
limit, or signing out elsewhere): a visitor who never signed in cannot write into a
session.
"""

import time

from django.contrib.auth.views import LogoutView
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from . import two_factor

# Pages a signed-in person may open before giving their code (or setting up an app when
# their group requires one): the steps themselves, signing out, and the public pages.
OPEN_BEFORE_SIGNED_IN = frozenset(
    {
        "members:two_factor_verify",
        "members:two_factor_enrol",
        "members:logout",
        "members:session_extend",
        "set_language",
        "members:login",
        "members:password_reset",
        "members:password_reset_done",
        "members:password_reset_confirm",
        "members:password_reset_complete",
        "members:invitation_accept",
        "healthz",
        "accessibility",
        "activities:public_report",
        "activities:public_report_file",
    }
)

# The session keys: the one entry of typed text, and who was signed out and when.
TYPED_TEXT = "typed_text"
SIGNED_OUT = "signed_out"
# How long after a sign-in ended a form sent from the old page is still kept.
KEEP_AFTER_SIGN_OUT_SECONDS = 60 * 60


def step_due(request):
    """The page a signed-in person must go through before any other ("members:login" for
    someone not signed in), or None when they are signed in fully."""
    user = request.user
    if not user.is_authenticated:
        return "members:login"
    if user.is_verified():
        return None
    # Someone without a device, in no group that requires one, is asked again after
    # RECHECK_SECONDS (so a new requirement reaches them within that time).
    session = request.session
    if session.get(two_factor.CLEAR_UNTIL, 0) > time.time():
        return None
    has_device, required = two_factor.standing(user)
    if has_device:
        return "members:two_factor_verify"
    if required:
        return "members:two_factor_enrol"
    session[two_factor.CLEAR_UNTIL] = time.time() + two_factor.RECHECK_SECONDS
    return None


def keeps_typed_text(keep):
    """Marks a view whose form text must survive an interrupted sign-in. `keep(request,
    **view_kwargs)` returns the fields worth keeping (within the form's limits) or None;
    a view sent to by a script in the background passes None (the page keeps the text)."""

    def mark(view):
        view.keep_typed_text = keep
        return view

    return mark


def remember_sign_out(session, user):
    """Called once a session was ended for the person: a form sent from their old page
    right after may still be kept."""
    session[SIGNED_OUT] = {"user": user.pk, "at": time.time()}


def _person_keeping_text(request):
    """Whose typed text may be kept: the person half-way through signing in, or the
    person whose sign-in ended within the hour; None for anyone else."""
    if request.user.is_authenticated:
        return request.user.pk
    ended = request.session.get(SIGNED_OUT)
    if ended and time.time() - ended.get("at", 0) < KEEP_AFTER_SIGN_OUT_SECONDS:
        return ended.get("user")
    return None


def keep_typed_text(request, keep, view_kwargs):
    person = _person_keeping_text(request)
    if person is None or request.method != "POST":
        return
    fields = keep(request, **view_kwargs)
    if fields:
        # One entry: a new form replaces the one kept before.
        request.session[TYPED_TEXT] = {"path": request.path, "user": person, "fields": fields}


def take_typed_text(request):
    """The fields kept for this page and this person, once; None if there are none."""
    kept = request.session.get(TYPED_TEXT)
    if not kept or kept.get("path") != request.path:
        return None
    del request.session[TYPED_TEXT]
    return kept["fields"] if kept.get("user") == request.user.pk else None


def to_step(request, step):
    return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")


def interrupt(request, step, keep, view_kwargs):
    """For a view marked keeps_typed_text: keep what was typed, and send the person to the
    step they must take; a script saving in the background (keep None) is told in words
    instead, and its page still holds the text."""
    if keep is None:
        return JsonResponse(
            {"message": _("You have been signed out. Sign in again in another tab, then save.")},
            status=401,
        )
    keep_typed_text(request, keep, view_kwargs)
    return to_step(request, step)


class SignInStepsMiddleware:
    """Until a person is signed in fully they reach only OPEN_BEFORE_SIGNED_IN. Runs before
    Django's LoginRequiredMiddleware, so that a form sent to a page that keeps typed text
    is kept for someone whose sign-in has just ended too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        keeps_text = hasattr(view_func, "keep_typed_text")
        keep = getattr(view_func, "keep_typed_text", None)
        if not request.user.is_authenticated:
            # LoginRequiredMiddleware sends them to sign in, unless the page is public.
            return interrupt(request, "members:login", keep, view_kwargs) if keeps_text else None
        if request.resolver_match.view_name in OPEN_BEFORE_SIGNED_IN:
            return None
        step = step_due(request)
        if step is None:
            return None
        if keeps_text:
            return interrupt(request, step, keep, view_kwargs)
        return to_step(request, step)


class SignOutView(LogoutView):
    """Django's sign-out; a form sent afterwards from a page still open in another tab is
    kept for the person, as after a time limit."""

    def post(self, request, *args, **kwargs):
        user = request.user
        response = super().post(request, *args, **kwargs)
        if user.is_authenticated:
            remember_sign_out(request.session, user)
        return response
